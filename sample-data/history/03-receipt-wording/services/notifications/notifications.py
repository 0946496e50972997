"""The notifications service: sends customers receipts for charges and refunds."""

from libs.serde import serde


def receipt(record_text):
    """Return the customer-facing line for a charge or refund record.

    Refunds always say "refunded", whatever part of the charge they return.
    """
    record = serde.decode_record(record_text)
    amount = serde.decode_amount(abs(int(record["amount"])), record["currency"])
    verb = "charged" if record["type"] == "charge" else "refunded"
    return f"Order {record['order']}: {verb} {amount} {record['currency']}"
