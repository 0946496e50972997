#!/usr/bin/env bash
# Graph benchmark: import, load and impact query on a synthetic catalog, with the same
# reverse-closure query in networkx and igraph on the same graph in the same run.
# Usage: bench/graph/run.sh [ENTITIES] [RELATIONS] [REPEATS]
set -euo pipefail
cd "$(dirname "$0")/../.."
entities=${1:-200000}
relations=${2:-1000000}
repeats=${3:-21}
out=bench/out/graph
mkdir -p "$out"

# The baselines come from PyPI into a virtual environment of the benchmark's own.
if [ ! -x "$out/venv/bin/python" ]; then
  python3 -m venv "$out/venv"
  "$out/venv/bin/pip" install --quiet networkx igraph
fi
rm -rf "$out/workspace"
python3 bench/graph/generate.py "$out/workspace" "$entities" "$relations"
swift build -c release --static-swift-stdlib --product ZofGraphBench >/dev/null
zof=$(.build/release/ZofGraphBench "$out/workspace" "$repeats")
base=$("$out/venv/bin/python" bench/graph/baselines.py "$out/workspace" "$repeats")
echo "zof:       $zof"
echo "baselines: $base"
python3 - "$zof" "$base" <<'PY'
import json, sys
zof, base = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print(f"import {zof['import_seconds']:.2f} s (target < 20 s), "
      f"load {zof['load_seconds']:.2f} s")
print(f"closure of {zof['closure']} nodes: zof {zof['closure_seconds'] * 1e3:.2f} ms, "
      f"igraph {base['igraph_seconds'] * 1e3:.2f} ms ({base['igraph_closure']} nodes), "
      f"networkx {base['networkx_seconds'] * 1e3:.2f} ms")
print(f"zof / igraph = {zof['closure_seconds'] / base['igraph_seconds']:.2f} (target <= 1.5)")
print(f"networkx / zof = {base['networkx_seconds'] / zof['closure_seconds']:.1f} "
      f"(target >= 30)")
print(f"closure of the hub, {zof['hub_closure']} nodes: zof "
      f"{zof['hub_seconds'] * 1e3:.2f} ms, igraph {base['igraph_hub_seconds'] * 1e3:.2f} ms "
      f"({base['hub_closure']} nodes), networkx {base['networkx_hub_seconds'] * 1e3:.2f} ms")
print(f"  zof / igraph = {zof['hub_seconds'] / base['igraph_hub_seconds']:.2f}, "
      f"networkx / zof = {base['networkx_hub_seconds'] / zof['hub_seconds']:.1f}")
print(f"full impact query ({zof['impact_affected']} affected): "
      f"{zof['impact_seconds'] * 1e3:.1f} ms")
PY
