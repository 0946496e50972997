#!/usr/bin/env python3
"""Writes a synthetic Backstage catalog for the graph benchmark.

Usage: generate.py OUT_DIR [ENTITIES] [RELATIONS]

Entities are groups, libraries and services spread over files of 1,000 documents each.
Every component has an owner; the remaining relations are `dependsOn` edges from each
component to components created before it (so the graph is a DAG with libraries at the
bottom). `edges.tsv` lists every dependsOn edge as `dependent<TAB>dependency` by entity
index, for the Python baselines; `leaf.txt` and `hub.txt` name the components the queries
start from.
"""

import os
import random
import sys

out = sys.argv[1]
entities = int(sys.argv[2]) if len(sys.argv) > 2 else 200_000
relations = int(sys.argv[3]) if len(sys.argv) > 3 else 1_000_000
groups = max(1, entities // 200)
components = entities - groups
libraries = components // 10
random.seed(7)

os.makedirs(os.path.join(out, "catalog"), exist_ok=True)
dependencies = relations - components  # one owner relation per component
per_component = dependencies / max(1, components - libraries)

names = [f"c{i}" for i in range(components)]
edges = []
documents = []
for g in range(groups):
    documents.append(
        f"apiVersion: backstage.io/v1alpha1\nkind: Group\nmetadata:\n  name: g{g}\n"
        f"spec:\n  type: team\n  children: []\n")
budget = 0.0
for i in range(components):
    owner = f"g{i % groups}"
    kind = "library" if i < libraries else "service"
    deps = []
    if i >= libraries:
        budget += per_component
        count = int(budget)
        budget -= count
        # Most dependencies point at libraries, the rest at earlier services.
        chosen = set()
        while len(chosen) < count:
            if random.random() < 0.7:
                chosen.add(random.randrange(libraries))
            else:
                chosen.add(random.randrange(libraries, i) if i > libraries else 0)
        deps = sorted(chosen)
    text = (f"apiVersion: backstage.io/v1alpha1\nkind: Component\nmetadata:\n  name: {names[i]}\n"
            f"  annotations:\n    zof.dev/paths: src/{names[i]}/**\n"
            f"spec:\n  type: {kind}\n  lifecycle: production\n  owner: {owner}\n")
    if deps:
        text += "  dependsOn: [" + ", ".join(f"component:{names[d]}" for d in deps) + "]\n"
        edges.extend((i, d) for d in deps)
    documents.append(text)

for start in range(0, len(documents), 1000):
    path = os.path.join(out, "catalog", f"part-{start // 1000:04d}.yaml")
    with open(path, "w") as handle:
        handle.write("---\n".join(documents[start:start + 1000]))

with open(os.path.join(out, "edges.tsv"), "w") as handle:
    for dependent, dependency in edges:
        handle.write(f"{dependent}\t{dependency}\n")
# The leaf library: the last library, which depends on nothing. The hub: the service with
# the most direct dependents, whose closure is far larger, to compare traversal speed
# rather than call overhead.
with open(os.path.join(out, "leaf.txt"), "w") as handle:
    handle.write(f"{libraries - 1}\tc{libraries - 1}\n")
fan_in = [0] * components
for _, dependency in edges:
    fan_in[dependency] += 1
hub = max(range(libraries, components), key=lambda i: fan_in[i])
with open(os.path.join(out, "hub.txt"), "w") as handle:
    handle.write(f"{hub}\tc{hub}\n")
with open(os.path.join(out, "zof.yaml"), "w") as handle:
    handle.write("catalog:\n  - catalog\n")
print(f"{entities} entities, {components + len(edges)} relations "
      f"({len(edges)} dependsOn) in {len(documents) // 1000 + 1} files")
