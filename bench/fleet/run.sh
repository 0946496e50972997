#!/bin/sh
# Measures the fleet executor against plain process spawning; bench/README.md has results.
# Usage, from the package root: bench/fleet/run.sh [ROUNDS]
set -eu
swift build -c release --static-swift-stdlib --product ZofBench >/dev/null
bench=.build/release/ZofBench
count=2000
rounds=${1:-3}

seconds() { /usr/bin/time -f %e "$@" 2>&1 >/dev/null | tail -1; }

echo "== $count checks of 'true' at concurrency 2, $rounds rounds (seconds)"
i=0
while [ "$i" -lt "$rounds" ]; do
  argv=$($bench checks $count 2 argv)
  plain=$(seconds sh -c "seq $count | xargs -P 2 -n 1 true")
  shell=$($bench checks $count 2)
  plain_shell=$(seconds sh -c "seq $count | xargs -P 2 -n 1 sh -c true")
  echo "argv: zof $argv xargs $plain ratio $(echo "scale=2; $argv / $plain" | bc)" \
    "| sh -c: zof $shell xargs $plain_shell ratio $(echo "scale=2; $shell / $plain_shell" | bc)"
  i=$((i + 1))
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== one check writing 1 GiB of zero bytes to stdout"
/usr/bin/time -v $bench output 1073741824 2>/tmp/zof-bench-time.txt
grep -E "Maximum resident|Elapsed" /tmp/zof-bench-time.txt
echo "same command to /dev/null: $(seconds sh -c 'head -c 1073741824 /dev/zero')"

echo "== one check writing 1 GiB of log lines to stdout"
log=$(mktemp)
yes 'INFO 2026-01-01T00:00:00Z request handled path=/api/v1/refunds status=200 took=12ms' \
  | head -c 1073741824 >"$log"
/usr/bin/time -v $bench output 0 "$log" 2>/tmp/zof-bench-time.txt
grep -E "Maximum resident|Elapsed" /tmp/zof-bench-time.txt
echo "same command to /dev/null: $(seconds sh -c "cat $log")"
rm -f "$log"
