"""The refunds service: full and partial refunds of captured charges."""

from libs.serde import serde
from services.ledger import ledger


def refund(charge_record, amount=None):
    """Refund all of a charge, or `amount` of it, and return the refund record."""
    charge = serde.decode_record(charge_record)
    currency = charge["currency"]
    charged = int(charge["amount"])
    minor = charged if amount is None else serde.encode_amount(amount, currency)
    if minor <= 0 or minor > charged:
        raise ValueError(f"refund of {minor} is outside the charge of {charged}")
    record = {"order": charge["order"], "amount": -minor, "currency": currency,
              "type": "refund"}
    ledger.post(record)
    return serde.encode_record(record)
