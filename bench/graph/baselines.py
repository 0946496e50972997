#!/usr/bin/env python3
"""Times the reverse-closure query with networkx and igraph on the benchmark's edges.

Usage: baselines.py OUT_DIR REPEATS
Prints one JSON object: median seconds per library and the size of the closure.
"""

import json
import os
import statistics
import sys
import time

import igraph
import networkx

out = sys.argv[1]
repeats = int(sys.argv[2])
edges = []
with open(os.path.join(out, "edges.tsv")) as handle:
    for line in handle:
        dependent, dependency = line.split("\t")
        edges.append((int(dependent), int(dependency)))
leaf = int(open(os.path.join(out, "leaf.txt")).read().split("\t")[0])
hub = int(open(os.path.join(out, "hub.txt")).read().split("\t")[0])
nodes = max(max(pair) for pair in edges) + 1


def median_seconds(query):
    times = []
    result = None
    for _ in range(repeats):
        started = time.perf_counter()
        result = query()
        times.append(time.perf_counter() - started)
    return statistics.median(times), result


# Edges point from a dependent to its dependency, so the dependents of the leaf are the
# nodes that can reach it: igraph's mode="in", networkx's ancestors.
graph = igraph.Graph(n=nodes, edges=edges, directed=True)
igraph_time, igraph_nodes = median_seconds(lambda: graph.subcomponent(leaf, mode="in"))
digraph = networkx.DiGraph()
digraph.add_nodes_from(range(nodes))
digraph.add_edges_from(edges)
networkx_time, networkx_nodes = median_seconds(lambda: networkx.ancestors(digraph, leaf))
igraph_hub, igraph_hub_nodes = median_seconds(lambda: graph.subcomponent(hub, mode="in"))
networkx_hub, _ = median_seconds(lambda: networkx.ancestors(digraph, hub))
print(json.dumps({
    "igraph_hub_seconds": igraph_hub, "networkx_hub_seconds": networkx_hub,
    "hub_closure": len(igraph_hub_nodes),
    "igraph_seconds": igraph_time, "igraph_closure": len(igraph_nodes),
    "networkx_seconds": networkx_time, "networkx_closure": len(networkx_nodes) + 1,
    "igraph_version": igraph.__version__, "networkx_version": networkx.__version__,
}))
