"""The payments service: captures a charge and records it in the ledger."""

from libs.serde import serde
from services.ledger import ledger


def capture(order_id, amount, currency):
    """Capture a charge and return its record."""
    minor = serde.encode_amount(amount, currency)
    if minor <= 0:
        raise ValueError("a charge must be positive")
    record = {"order": order_id, "amount": minor, "currency": currency, "type": "charge"}
    ledger.post(record)
    return serde.encode_record(record)
