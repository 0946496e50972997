"""The partial refund journey: refund part of a charge and check the ledger balance."""

from services.ledger import ledger
from services.payments import payments
from services.refunds import refunds
from tests.harness import run


def test_partial_refund_balance():
    ledger.reset()
    charge = payments.capture("R-1", "50.00", "EUR")
    refunds.refund(charge, "12.34")
    assert ledger.balance("R-1") == 3766, f"balance is {ledger.balance('R-1')}, expected 3766"


def test_full_refund_balance():
    ledger.reset()
    charge = payments.capture("R-2", "30.00", "EUR")
    refunds.refund(charge)
    assert ledger.balance("R-2") == 0


def test_refund_above_charge_rejected():
    ledger.reset()
    charge = payments.capture("R-3", "10.00", "EUR")
    try:
        refunds.refund(charge, "10.01")
    except ValueError:
        return
    raise AssertionError("a refund above the charge was accepted")


if __name__ == "__main__":
    run("partial-refund", [test_partial_refund_balance, test_full_refund_balance,
                           test_refund_above_charge_rejected],
        report="reports/partial-refund.xml")
