"""Unit tests of the serialization library."""

from libs.serde import serde
from tests.harness import run


def test_whole_amounts_round_trip():
    assert serde.encode_amount("25.00", "EUR") == 2500
    assert serde.decode_amount(2500, "EUR") == "25.00"


def test_zero_digit_currency():
    assert serde.encode_amount("1200", "JPY") == 1200
    assert serde.decode_amount(1200, "JPY") == "1200"


def test_records_round_trip():
    fields = {"order": "A-1", "amount": "2500", "currency": "EUR"}
    assert serde.decode_record(serde.encode_record(fields)) == fields


if __name__ == "__main__":
    run("serde", [test_whole_amounts_round_trip, test_zero_digit_currency,
                  test_records_round_trip], report="reports/serde.xml")
