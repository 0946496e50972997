#!/bin/sh
# Measures audit appends and verification against a plain sqlite3 .import of the same rows.
# Usage: bench/audit/run.sh [EVENTS] [BATCH] [--drop-indexes]
# (defaults: 1000000 events in batches of 10000, with the schema's indexes)
set -eu
cd "$(dirname "$0")/../.."
events="${1:-1000000}"
batch="${2:-10000}"
shift $(( $# < 2 ? $# : 2 ))
swift build -c release --static-swift-stdlib --product ZofAuditBench
folder="$(mktemp -d "${TMPDIR:-/tmp}/zof-audit-bench.XXXXXX")"
trap 'rm -rf "$folder"' EXIT
.build/release/ZofAuditBench --events "$events" --batch "$batch" --dir "$folder" "$@"
