#!/usr/bin/env python3
"""Times LearningStack.Graphs against networkx on the same graphs; see docs/benchmarks.md, "Graph algorithms".

1. Generates the graphs (seeded, so every run has the same ones) as edge-list files in a temporary folder:
   signed random digraphs of 50-200 factors, diamond chains (no cycles), a 2,000-actor map.
2. Times networkx: simple_cycles with the sign product of each cycle, and betweenness_centrality (unnormalized).
3. Runs the C# bench (bench/LearningStack.Graphs.Bench, built in Release by run.sh) on the same files.
4. Prints a table per family and writes it to bench/results/graphs-<date>.md.

Usage: compare.py [--quick] [--repeats N]   (--quick: the smaller graphs only, to check everything works)
"""

import argparse
import datetime
import json
import os
import platform
import random
import subprocess
import sys
import tempfile
import time

import networkx as nx

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BENCH_DLL = os.path.join(ROOT, "bench", "LearningStack.Graphs.Bench", "bin", "Release", "net10.0",
                         "LearningStack.Graphs.Bench.dll")
NO_BOUND = 2**31 - 1

# (factors, average out-degree, length bound): tuned so loop counts run from ~10^4 to ~10^6.
RANDOM_CLDS = [(50, 3.0, 12), (100, 3.5, 12), (150, 3.5, 12), (200, 3.6, 12)]
DIAMOND_CHAINS = [10, 20, 40, 80, 800, 8000]
ACTOR_MAP = (2000, 5.0)  # actors, average number of arcs per actor


def signed_digraph(n, avg_out, seed):
    """A random simple digraph with n * avg_out edges; signs 60% +1, 35% -1, 5% 0 (unknown)."""
    rng = random.Random(seed)
    edges = {}
    while len(edges) < int(n * avg_out):
        a, b = rng.randrange(n), rng.randrange(n)
        if a == b or (a, b) in edges:
            continue
        r = rng.random()
        edges[(a, b)] = 0 if r < 0.05 else (1 if r < 0.65 else -1)
    return n, [(a, b, s) for (a, b), s in edges.items()]


def diamond_chain(k):
    """a -> b1, a -> b2, b1 -> c, b2 -> c, c -> ...: 2^k paths from end to end and no cycle."""
    edges = []
    for i in range(k):
        a = 3 * i
        edges += [(a, a + 1, 1), (a, a + 2, -1), (a + 1, a + 3, 1), (a + 2, a + 3, 1)]
    return 3 * k + 1, edges


def actor_map(n, avg_arcs, seed):
    """A sparse actor map: random links, a third of them mutual (both directions), no duplicates."""
    rng = random.Random(seed)
    arcs = set()
    while len(arcs) < int(n * avg_arcs):
        a, b = rng.randrange(n), rng.randrange(n)
        if a == b:
            continue
        arcs.add((a, b))
        if rng.random() < 1 / 3:
            arcs.add((b, a))
    return n, [(a, b, 1) for a, b in sorted(arcs)]


def write_edge_list(folder, name, graph):
    n, edges = graph
    path = os.path.join(folder, name + ".txt")
    with open(path, "w") as f:
        f.write(f"nodes {n}\n")
        for a, b, s in edges:
            f.write(f"{a} {b} {s}\n")
    return path


def to_networkx(graph):
    n, edges = graph
    g = nx.DiGraph()
    g.add_nodes_from(range(n))
    for a, b, s in edges:
        g.add_edge(a, b, sign=s)
    return g


def best_time(run, budget_seconds=20, max_repeats=3):
    """Best of up to max_repeats runs, fewer when one run is slow."""
    best, result, spent = None, None, 0.0
    for _ in range(max_repeats):
        start = time.perf_counter()
        result = run()
        took = time.perf_counter() - start
        best = took if best is None else min(best, took)
        spent += took
        if spent * 2 > budget_seconds:
            break
    return best, result


def nx_loops(g, bound):
    reinforcing = balancing = undetermined = 0
    for cycle in nx.simple_cycles(g, length_bound=None if bound == NO_BOUND else bound):
        sign = 1
        for i, u in enumerate(cycle):
            sign *= g[u][cycle[(i + 1) % len(cycle)]]["sign"]
        if sign > 0:
            reinforcing += 1
        elif sign < 0:
            balancing += 1
        else:
            undetermined += 1
    return reinforcing, balancing, undetermined


def run_csharp(jobs, repeats):
    out = subprocess.run(["dotnet", BENCH_DLL, "--repeats", str(repeats), *jobs],
                         check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.strip()]


def sh(cmd):
    try:
        return subprocess.run(cmd, shell=True, capture_output=True, text=True, cwd=ROOT).stdout.strip()
    except OSError:
        return "?"


def seconds(s):
    if s < 0.001:
        return f"{s * 1e6:.1f} µs"
    return f"{s * 1000:.2f} ms" if s < 1 else f"{s:.2f} s"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()
    clds = RANDOM_CLDS[:2] if args.quick else RANDOM_CLDS
    chains = DIAMOND_CHAINS[:4] if args.quick else DIAMOND_CHAINS
    actors = (500, ACTOR_MAP[1]) if args.quick else ACTOR_MAP
    load_before = os.getloadavg()

    lines = []

    def say(line=""):
        print(line, flush=True)
        lines.append(line)

    with tempfile.TemporaryDirectory(prefix="graphs-bench-") as folder:
        loop_cases = []  # (family, label, graph, bound)
        for n, degree, bound in clds:
            loop_cases.append(("random CLD", f"{n} factors, {int(n * degree)} links",
                               signed_digraph(n, degree, seed=n), bound))
        for k in chains:
            loop_cases.append(("diamond chain", f"{k} diamonds ({3 * k + 1} nodes)", diamond_chain(k), NO_BOUND))

        jobs, files = [], []
        for i, (_, _, graph, bound) in enumerate(loop_cases):
            path = write_edge_list(folder, f"loops{i}", graph)
            files.append(path)
            jobs.append(f"loops:{path}:{bound}")
        actor_graph = actor_map(*actors, seed=2000)
        actor_path = write_edge_list(folder, "actors", actor_graph)
        jobs.append(f"betweenness:{actor_path}")

        print("C#: running the bench ...", file=sys.stderr, flush=True)
        ours = {r["file"]: r for r in run_csharp(jobs, args.repeats)}

        say(f"# Graph algorithms: LearningStack.Graphs vs networkx {nx.__version__}")
        say()
        cpu = sh("lscpu | sed -n 's/^Model name: *//p'") or platform.processor()
        say(f"{datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC, commit `{sh('git rev-parse --short HEAD')}`, "
            f"`nproc` = {os.cpu_count()}, {cpu}, "
            f"Python {platform.python_version()}, .NET {sh('dotnet --version')}; load average before "
            f"{load_before[0]:.2f}.")
        say()
        say("Loops: networkx `simple_cycles(G, length_bound)` with the sign product of each cycle from the edge data, "
            "against `LoopFinder.Enumerate` (every loop as a `Loop` object, classified) and `LoopFinder.Count` "
            "(count and classify only); both with the same length bound. networkx: best of up to 3 runs (1 when a run "
            f"is slow); ours: best of {args.repeats} after a warm-up. Ratio = networkx time / our time.")
        say()
        say("| family | graph | bound | loops (R / B / U) | networkx | ours: Enumerate | ours: Count | ratio (Enumerate) | ratio (Count) |")
        say("|---|---|---:|---|---:|---:|---:|---:|---:|")
        for (family, label, graph, bound), path in zip(loop_cases, files):
            print(f"networkx: {family} {label} ...", file=sys.stderr, flush=True)
            nx_seconds, (r, b, u) = best_time(lambda: nx_loops(to_networkx(graph), bound))
            mine = ours[path]
            if (mine["reinforcing"], mine["balancing"], mine["undetermined"]) != (r, b, u):
                raise SystemExit(f"{label}: networkx found {(r, b, u)}, LearningStack.Graphs {mine}")
            say(f"| {family} | {label} | {'none' if bound == NO_BOUND else bound} | {r + b + u:,} ({r:,} / {b:,} / {u:,}) "
                f"| {seconds(nx_seconds)} | {seconds(mine['enumerateSeconds'])} | {seconds(mine['countSeconds'])} "
                f"| {nx_seconds / mine['enumerateSeconds']:,.0f}× | {nx_seconds / mine['countSeconds']:,.0f}× |")
        say()
        say("(networkx's time includes building its DiGraph from the edge list; ours includes grouping the edges. "
            "Neither includes reading the file.)")
        say()

        print("networkx: betweenness ...", file=sys.stderr, flush=True)
        g = to_networkx(actor_graph)
        nx_seconds, values = best_time(lambda: nx.betweenness_centrality(g, normalized=False), budget_seconds=60)
        mine = ours[actor_path]
        total = sum(values.values())
        if abs(total - mine["sum"]) > 1e-6 * max(1.0, total):
            raise SystemExit(f"betweenness: networkx sums to {total}, LearningStack.Graphs to {mine['sum']}")
        say("Betweenness: networkx `betweenness_centrality(G, normalized=False)` against `Betweenness.Compute` "
            "(unnormalized), on a random actor map (a third of the links mutual).")
        say()
        say("| graph | networkx | ours | ratio |")
        say("|---|---:|---:|---:|")
        say(f"| {actor_graph[0]:,} actors, {len(actor_graph[1]):,} arcs | {seconds(nx_seconds)} | "
            f"{seconds(mine['seconds'])} | {nx_seconds / mine['seconds']:,.0f}× |")
        say()
        say(f"Load average after: {os.getloadavg()[0]:.2f}.")

    results = os.path.join(ROOT, "bench", "results")
    os.makedirs(results, exist_ok=True)
    name = f"graphs-{datetime.date.today():%Y-%m-%d}{'-quick' if args.quick else ''}.md"
    with open(os.path.join(results, name), "w") as f:
        f.write("\n".join(lines) + "\n")
    print(f"\nwritten to bench/results/{name}", file=sys.stderr)


if __name__ == "__main__":
    main()
