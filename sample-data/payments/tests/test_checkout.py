"""The checkout journey: capture a charge, post it to the ledger, send the receipt."""

from services.ledger import ledger
from services.notifications import notifications
from services.payments import payments
from tests.harness import run


def test_capture_posts_to_ledger():
    ledger.reset()
    payments.capture("C-1", "40.00", "EUR")
    assert ledger.balance("C-1") == 4000, ledger.balance("C-1")


def test_receipt_shows_amount():
    ledger.reset()
    record = payments.capture("C-2", "19.00", "USD")
    assert notifications.receipt(record) == "Order C-2: charged 19.00 USD"


def test_rejects_zero_charge():
    try:
        payments.capture("C-3", "0", "EUR")
    except ValueError:
        return
    raise AssertionError("a zero charge was accepted")


if __name__ == "__main__":
    run("checkout", [test_capture_posts_to_ledger, test_receipt_shows_amount,
                     test_rejects_zero_charge], report="reports/checkout.xml")
