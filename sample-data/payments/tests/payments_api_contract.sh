#!/bin/sh
# The payments API contract: a captured charge record has exactly these fields.
set -eu
python3 - <<'PY'
from services.payments import payments
from libs.serde import serde
record = serde.decode_record(payments.capture("K-1", "5.00", "EUR"))
assert sorted(record) == ["amount", "currency", "order", "type"], sorted(record)
print("contract holds:", sorted(record))
PY
