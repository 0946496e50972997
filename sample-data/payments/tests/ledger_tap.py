"""Ledger balance checks, reported as TAP on standard output."""

from services.ledger import ledger

CASES = []


def case(function):
    CASES.append(function)
    return function


@case
def empty_order_has_zero_balance():
    ledger.reset()
    assert ledger.balance("none") == 0


@case
def postings_add_up():
    ledger.reset()
    ledger.post({"order": "L-1", "amount": 500, "currency": "EUR"})
    ledger.post({"order": "L-1", "amount": -200, "currency": "EUR"})
    assert ledger.balance("L-1") == 300


if __name__ == "__main__":
    print("TAP version 13")
    print(f"1..{len(CASES)}")
    failed = 0
    for number, function in enumerate(CASES, start=1):
        try:
            function()
            print(f"ok {number} - {function.__name__}")
        except AssertionError as error:
            failed += 1
            print(f"not ok {number} - {function.__name__}")
            print("  ---")
            print(f"  message: {error or 'assertion failed'}")
            print("  ...")
    raise SystemExit(1 if failed else 0)
