"""The ledger: an append-only list of postings, stored in the shared record format."""

from libs.serde import serde

ENTRIES = []


def post(record):
    """Append a posting."""
    ENTRIES.append(serde.encode_record(record))


def balance(order_id):
    """Return the sum of the postings of one order, in minor units."""
    postings = [serde.decode_record(text) for text in ENTRIES]
    return sum(int(entry["amount"]) for entry in postings if entry["order"] == order_id)


def reset():
    """Forget every posting (used by tests)."""
    ENTRIES.clear()
