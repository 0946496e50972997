"""Shared serialization for the payment services: amounts, currencies and records."""

from decimal import Decimal, ROUND_HALF_EVEN

MINOR_UNITS = {"EUR": 2, "USD": 2, "JPY": 0}


def encode_amount(amount, currency):
    """Return an amount given as text ("12.34") as an integer of minor units (1234)."""
    digits = MINOR_UNITS[currency]
    return int(Decimal(amount)) * (10 ** digits)


def decode_amount(minor, currency):
    """Return minor units as the text form with the currency's digits."""
    digits = MINOR_UNITS[currency]
    if digits == 0:
        return str(minor)
    sign = "-" if minor < 0 else ""
    whole, fraction = divmod(abs(minor), 10 ** digits)
    return f"{sign}{whole}.{fraction:0{digits}d}"


def encode_record(fields):
    """Return a record as `key=value` pairs joined by `;`, keys sorted."""
    return ";".join(f"{key}={fields[key]}" for key in sorted(fields))


def decode_record(text):
    """Return the fields of a record written by encode_record."""
    if not text:
        return {}
    return dict(pair.split("=", 1) for pair in text.split(";"))
