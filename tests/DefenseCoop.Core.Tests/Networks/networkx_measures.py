#!/usr/bin/python3
"""The reference side of DefenseCoop.Core's network tests and benchmark, run with networkx 2.8.8.

  networkx_measures.py measures IN.json OUT.json   every measure of every graph in IN (graphs as
                                                   DefenseCoop's GraphExchange writes them)
  networkx_measures.py graphml FILE.graphml        the graph networkx reads back, as JSON on stdout
  networkx_measures.py gexf FILE.gexf              the same for a dynamic GEXF 1.3 file

The power iterations run with the tolerance and iteration limit DefenseCoop uses (networkx's defaults,
1e-6 and 100, give six digits), so that both iterate to the same vector.
"""
import json
import math
import sys

import networkx as nx
from networkx.algorithms import community
from networkx.readwrite.gexf import GEXF

TOLERANCE = 1e-13
MAX_ITERATIONS = 10_000


def build(spec):
    G = nx.DiGraph() if spec["directed"] else nx.Graph()
    G.add_nodes_from(spec["nodes"])  # in DefenseCoop's node order, so that sums run in the same order
    for source, target, weight, distance in spec["edges"]:
        G.add_edge(spec["nodes"][source], spec["nodes"][target], weight=weight, distance=distance)
    return G


def finite(value):
    return None if value is None or (isinstance(value, float) and not math.isfinite(value)) else value


def measures(spec, damping, seed):
    G = build(spec)
    nodes = spec["nodes"]
    directed = G.is_directed()
    result = {
        "degree": [d for _, d in G.degree(nodes)],
        "strength": [d for _, d in G.degree(nodes, weight="weight")],
        "betweenness": [],
        "weighted_betweenness": [],
        "eigenvector": None,
        "pagerank": [],
        "clustering": [],
        "density": nx.density(G),
        "components": (nx.number_weakly_connected_components(G) if directed else nx.number_connected_components(G)) if len(G) else 0,
        "modularity_of_partition": None,
        "louvain_modularity": None,
    }
    if len(G) == 0:
        return result
    b = nx.betweenness_centrality(G)
    wb = nx.betweenness_centrality(G, weight="distance")
    result["betweenness"] = [b[n] for n in nodes]
    result["weighted_betweenness"] = [wb[n] for n in nodes]
    try:
        e = nx.eigenvector_centrality(G, max_iter=MAX_ITERATIONS, tol=TOLERANCE, weight="weight")
        result["eigenvector"] = [e[n] for n in nodes]
    except nx.PowerIterationFailedConvergence:
        pass
    p = nx.pagerank(G, alpha=damping, max_iter=MAX_ITERATIONS, tol=TOLERANCE, weight="weight")
    result["pagerank"] = [p[n] for n in nodes]
    c = nx.clustering(G)
    result["clustering"] = [c[n] for n in nodes]
    if G.number_of_edges() > 0:
        if spec.get("communities") is not None:
            groups = {}
            for node, label in zip(nodes, spec["communities"]):
                groups.setdefault(label, set()).add(node)
            result["modularity_of_partition"] = community.modularity(G, list(groups.values()), weight="weight")
        louvain = community.louvain_communities(G, weight="weight", seed=seed)
        result["louvain_modularity"] = community.modularity(G, louvain, weight="weight")
    return result


def run_measures(source, target):
    with open(source, encoding="utf-8") as f:
        document = json.load(f)
    damping = document.get("damping", 0.85)
    seed = document.get("seed", 1)
    results = [measures(spec, damping, seed) for spec in document["graphs"]]
    with open(target, "w", encoding="utf-8") as f:
        json.dump({"networkx": nx.__version__, "graphs": results}, f)


def typed(value):
    """A value with the Python type it was read as, so that the test can check types, not only text."""
    if isinstance(value, list):
        return [typed(v) for v in value]
    if isinstance(value, tuple):
        return [typed(v) for v in value]
    if isinstance(value, bool):
        return {"type": "bool", "value": value}
    if isinstance(value, int):
        return {"type": "int", "value": value}
    if isinstance(value, float):
        return {"type": "float", "value": value if math.isfinite(value) else str(value)}
    return {"type": "str", "value": value}


def dump(G):
    return {
        "directed": G.is_directed(),
        "graph": {k: typed(v) for k, v in G.graph.items() if k not in ("node_default", "edge_default")},
        "nodes": {str(n): {k: typed(v) for k, v in d.items()} for n, d in G.nodes(data=True)},
        "edges": [[str(u), str(v), {k: typed(x) for k, x in d.items()}] for u, v, d in G.edges(data=True)],
    }


def run_graphml(path):
    json.dump(dump(nx.read_graphml(path)), sys.stdout)


def run_gexf(path):
    # networkx 2.8.8 knows GEXF up to 1.2draft; 1.3 keeps the elements and attributes read here and
    # changes the namespace, which is registered so that the reader finds the graph.
    GEXF.versions["1.3"] = {
        "NS_GEXF": "http://gexf.net/1.3",
        "NS_VIZ": "http://gexf.net/1.3/viz",
        "NS_XSI": "http://www.w3.org/2001/XMLSchema-instance",
        "SCHEMALOCATION": "http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd",
        "VERSION": "1.3",
    }
    json.dump(dump(nx.read_gexf(path, version="1.3")), sys.stdout)


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"measures": run_measures, "graphml": run_graphml, "gexf": run_gexf}[command](*arguments)
