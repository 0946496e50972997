#!/bin/sh
# A scripted remediator: reads the failure evidence Zof wrote into the worktree and, when the
# failing check is the partial refund journey, restores rounding of fractional amounts in the
# serialization library. Anything it changes in the worktree becomes the proposal.
set -eu
echo "failing check: ${ZOF_FAILED_CHECK:-unknown}"
if [ -n "${ZOF_EVIDENCE_DIR:-}" ] && [ -d "$ZOF_EVIDENCE_DIR" ]; then
  ls "$ZOF_EVIDENCE_DIR"
fi
python3 - <<'PY'
path = "libs/serde/serde.py"
text = open(path, encoding="utf-8").read()
broken = "    return int(Decimal(amount)) * (10 ** digits)\n"
rounded = ("    scaled = Decimal(amount) * (10 ** digits)\n"
           "    return int(scaled.quantize(Decimal(1), rounding=ROUND_HALF_EVEN))\n")
fixed = text.replace(broken, rounded)
if fixed == text:
    raise SystemExit("nothing to fix: the truncation is not there")
open(path, "w", encoding="utf-8").write(fixed)
print("restored rounding of fractional amounts in", path)
PY
