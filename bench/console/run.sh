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

# The same flags as the other benchmarks, so they share one release build.
swift build -c release --static-swift-stdlib --product zof >/dev/null
swift build -c release --static-swift-stdlib --product ZofConsoleBench >/dev/null
swift build -c release --static-swift-stdlib --product ZofStartFloor >/dev/null
floor=$root/.build/release/ZofStartFloor
zof=$root/.build/release/zof
"$root/.build/release/ZofConsoleBench" --dir "$dir" --events "$events" --runs "$runs"
ws=$dir/workspace
db=$ws/.zof/zof.db
log=$ws/.zof/zof.log
stamp=$dir/stamp

tm() { tmux -L "$socket" -f /dev/null "$@"; }
tm new-session -d -s bench -x 160 -y 50 -c "$ws"
sleep 0.5

# Both programs start the same way, in the same 160x50 tmux pane: bash notes the time
# ($EPOCHREALTIME, a builtin, so no extra process) and starts the program, which writes
# to the pane. sqlite3 is timed to its exit, after it printed the page. The console is
# timed to its first frame, which it logs at trace level with the Unix time. Best of 5.
page="SELECT seq, time, actor, action, subject, decision FROM audit_events
      ORDER BY seq DESC LIMIT 200;"

# Prints the best of 5 times, in milliseconds, of a command run in the pane to its exit.
best_of_5() {
  best=""
  for i in 1 2 3 4 5; do
    rm -f "$stamp"
    tm respawn-pane -k -t bench -c "$ws" "bash -c 's=\$EPOCHREALTIME; $1;
      e=\$EPOCHREALTIME; echo \$s \$e > $stamp; sleep 60'"
    while [ ! -s "$stamp" ]; do sleep 0.01; done
    took=$(awk '{ printf "%.1f", ($2 - $1) * 1000 }' "$stamp")
    best=$(awk -v a="$took" -v b="$best" 'BEGIN { print (b == "" || a < b) ? a : b }')
  done
  echo "$best"
}
best=$(best_of_5 "sqlite3 .zof/zof.db \"$page\"")
echo "sqlite3 first page: ${best} ms (best of 5)"
# The same page from the smallest Swift program (ZofStartFloor): the start-up every Swift
# program with Foundation pays here.
least=$(best_of_5 "'$floor' .zof/zof.db")
echo "smallest Swift program, same page: ${least} ms (best of 5)"

first=""
for i in 1 2 3 4 5; do
  rm -f "$stamp" "$log"
  tm respawn-pane -k -t bench -c "$ws" "bash -c 's=\$EPOCHREALTIME; echo \$s > $stamp;
    '$zof' console --log-level trace --readonly'"
  while ! grep -aq console.first-frame "$log" 2>/dev/null; do sleep 0.01; done
  shown=$(grep -a console.first-frame "$log" | sed 's/.*unix_ms=\([0-9.]*\).*/\1/')
  took=$(awk -v a="$shown" -v b="$(cat "$stamp")" 'BEGIN { printf "%.1f", a - b * 1000 }')
  first=$(awk -v a="$took" -v b="$first" 'BEGIN { print (b == "" || a < b) ? a : b }')
  sleep 0.3
done
echo "console first frame: ${first} ms (best of 5)"
ratio=$(awk -v a="$first" -v b="$best" 'BEGIN { printf "%.2f", a / b }')
echo "console / sqlite3: ${ratio}x"
ratio=$(awk -v a="$least" -v b="$best" 'BEGIN { printf "%.2f", a / b }')
echo "smallest Swift program / sqlite3: ${ratio}x"

# Key presses: panes, movement, paging through the audit pane and the runs list.
rm -f "$log"
tm respawn-pane -k -t bench -c "$ws" "'$zof' console --log-level trace --readonly"
while ! grep -aq console.first-frame "$log" 2>/dev/null; do sleep 0.01; done
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
grep -a console.key-frame "$log" | sed 's/.*ms=\([0-9.]*\).*/\1/' | sort -n | awk -v rss="$rss" '
  { v[NR] = $1 }
  END {
    p50 = v[int((NR + 1) / 2)]; i = int(NR * 0.99 + 0.999); if (i > NR) i = NR
    printf "console key to frame: %d keys, median %.2f ms, p99 %.2f ms, max %.2f ms\n",
      NR, p50, v[i], v[NR]
    printf "console peak resident memory: %.1f MiB\n", rss / 1024
  }'
