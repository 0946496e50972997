#!/bin/sh
# Delivery of receipts through a simulated mail relay. The relay times out on the first
# attempt of every run, so this check is flaky by design: it fails once, then passes on retry.
set -eu
if [ "${ZOF_ATTEMPT:-1}" = "1" ]; then
  echo "connecting to relay... timed out after 2s" >&2
  exit 1
fi
python3 - <<'PY'
from services.notifications import notifications
line = notifications.receipt("amount=-1234;currency=EUR;order=N-1;type=refund")
assert line == "Order N-1: refunded 12.34 EUR", line
print("delivered:", line)
PY
