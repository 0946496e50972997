#!/bin/sh
# Times the console against a store of 1,000,000 audit events and 10,000 runs, beside the
# sqlite3 command-line tool printing the same first page of audit events.
#
# Usage: bench/console/run.sh [EVENTS] [RUNS]    (from the package root; needs tmux, sqlite3)
set -eu
events=${1:-1000000}
runs=${2:-10000}
root=$(pwd)
dir=${TMPDIR:-/tmp}/zof-console-bench
socket=zof-console-bench-$$

swift build -c release --product zof >/dev/null
swift build -c release --product ZofConsoleBench >/dev/null
zof=$root/.build/release/zof
"$root/.build/release/ZofConsoleBench" --dir "$dir" --events "$events" --runs "$runs"
ws=$dir/workspace
db=$ws/.zof/zof.db
log=$ws/.zof/zof.log

now_ms() { date +%s%3N; }

# sqlite3: process start to the first page of events printed, best of 5.
page="SELECT seq, time, actor, action, subject, decision FROM audit_events
      ORDER BY seq DESC LIMIT 200;"
best=""
for i in 1 2 3 4 5; do
  start=$(now_ms)
  sqlite3 "$db" "$page" >/dev/null
  took=$(( $(now_ms) - start ))
  if [ -z "$best" ] || [ "$took" -lt "$best" ]; then best=$took; fi
done
echo "sqlite3 first page: ${best} ms (best of 5)"

# The console: process start to its first frame, best of 5 (a fresh process each time).
tm() { tmux -L "$socket" -f /dev/null "$@"; }
first=""
for i in 1 2 3 4 5; do
  : > "$log"
  start=$(now_ms)
  tm new-session -d -s bench -x 160 -y 50 -c "$ws" \
    "'$zof' console --log-level trace --readonly"
  while ! grep -q console.first-frame "$log" 2>/dev/null; do sleep 0.01; done
  shown=$(grep console.first-frame "$log" | sed 's/.*unix_ms=\([0-9.]*\).*/\1/')
  took=$(awk -v a="$shown" -v b="$start" 'BEGIN { printf "%d", a - b }')
  if [ -z "$first" ] || [ "$took" -lt "$first" ]; then first=$took; fi
  tm kill-server
  sleep 0.2
done
echo "console first frame: ${first} ms (best of 5)"

# Key presses: panes, movement, paging through the audit pane and the runs list.
: > "$log"
tm new-session -d -s bench -x 160 -y 50 -c "$ws" "'$zof' console --log-level trace --readonly"
while ! grep -q console.first-frame "$log" 2>/dev/null; do sleep 0.01; done
sleep 1
keys="4 j j j j j j j j j j NPage NPage NPage NPage 2 j j j j NPage NPage 1 j j j j s s s 3 5"
for round in 1 2 3 4 5 6 7 8 9 10; do
  for key in $keys; do
    tm send-keys -t bench "$key"
    sleep 0.03
  done
  tm send-keys -t bench 4 G
  sleep 0.05
done
sleep 0.5
pid=$(tm display-message -p -t bench '#{pane_pid}')
rss=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
tm send-keys -t bench C-c
sleep 0.3
tm kill-server 2>/dev/null || true
grep console.key-frame "$log" | sed 's/.*ms=\([0-9.]*\).*/\1/' | sort -n | awk -v rss="$rss" '
  { v[NR] = $1 }
  END {
    p50 = v[int((NR + 1) / 2)]; i = int(NR * 0.99 + 0.999); if (i > NR) i = NR
    printf "console key to frame: %d keys, median %.2f ms, p99 %.2f ms, max %.2f ms\n",
      NR, p50, v[i], v[NR]
    printf "console peak resident memory: %.1f MiB\n", rss / 1024
  }'
