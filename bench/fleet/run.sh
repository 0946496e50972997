#!/bin/sh
# Measures the fleet executor against plain process spawning; see bench/README.md.
# Usage: bench/fleet/run.sh   (from the package root; builds ZofBench in release mode)
set -eu
swift build -c release --product ZofBench >/dev/null
bench=.build/release/ZofBench
count=2000

echo "== $count checks of 'true' at concurrency 2"
zof=$($bench checks $count 2)
start=$(date +%s.%N)
seq $count | xargs -P 2 -n 1 sh -c 'true' >/dev/null
end=$(date +%s.%N)
xargs_seconds=$(echo "$end - $start" | bc)
echo "FleetExecutor: ${zof}s  xargs -P 2: ${xargs_seconds}s  ratio: $(echo "scale=2; $zof / $xargs_seconds" | bc)"

echo "== one check writing 1 GiB to stdout"
/usr/bin/time -v $bench output 1073741824 2>/tmp/zof-bench-time.txt
grep -E "Maximum resident|Elapsed" /tmp/zof-bench-time.txt
start=$(date +%s.%N)
sh -c 'head -c 1073741824 /dev/zero' >/dev/null
end=$(date +%s.%N)
echo "same command to /dev/null: $(echo "$end - $start" | bc)s"
