"""How long until the network page is drawn and still, in headless Chromium, for 100, 1,000 and
5,000 nodes? Builds synthetic graphs (states, people with posts, meetings and documents between
people of different states), writes the `full` and `people` views with kg.viz and opens each
with kg.browser (the code the browser tests use). Prints seconds and the ratio to the 100-node
run of the same view, measured in this run.

Run:  .venv/bin/python benchmarks/viz_benchmark.py [--sizes 100,1000,5000]
Needs Debian's chromium and Playwright (pip install -e '.[browser]').
"""
from __future__ import annotations

import argparse
import random
import tempfile
import time
from pathlib import Path

from rdflib import RDF, RDFS, Dataset, Literal, Namespace
from rdflib.namespace import DCTERMS, FOAF

from kg.browser import open_page
from kg.viz import visualise

KG = Namespace("https://w3id.org/diplokg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace("https://w3id.org/diplokg/id/")


def synthetic(nodes: int, seed: int = 7) -> Dataset:
    """About `nodes` nodes: 5% states, 55% people, 25% meetings, 15% documents."""
    rng = random.Random(seed)
    ds = Dataset(default_union=True)
    g = ds.graph(ID["sentence/bench/0"])
    states = [ID[f"state/S{i}"] for i in range(max(2, nodes // 20))]
    for i, s in enumerate(states):
        g.add((s, RDF.type, KG.State))
        g.add((s, RDFS.label, Literal(f"State {i}")))
    people = [ID[f"person/p{i}"] for i in range(int(nodes * 0.55))]
    home = {}
    for i, p in enumerate(people):
        home[p] = rng.choice(states)
        g.add((p, RDF.type, FOAF.Person))
        g.add((p, RDFS.label, Literal(f"Person {i}")))
        g.add((p, KG.state, home[p]))
    g.add((KG.Signed, RDFS.label, Literal("signed")))
    for i in range(int(nodes * 0.25)):
        m = ID[f"meeting/m{i}"]
        a, b = rng.sample(people, 2)
        g.add((m, RDF.type, KG.Meeting))
        g.add((m, RDFS.label, Literal(f"Meeting {i}")))
        g.add((m, DCTERMS.date, Literal(f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}")))
        for p in (a, b):
            g.add((m, KG.participant, p))
            g.add((m, KG.involvesState, home[p]))
    for i in range(int(nodes * 0.15)):
        d = ID[f"document/d{i}"]
        a, b = rng.sample(people, 2)
        g.add((d, RDF.type, KG.Document))
        g.add((d, DCTERMS.title, Literal(f"Agreement {i}")))
        g.add((d, KG.status, KG.Signed))
        for p in (a, b):
            g.add((d, KG.signatory, p))
            g.add((d, KG.party, home[p]))
    return ds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--sizes", default="100,1000,5000")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    print(f"{'view':<7} {'target':>7} {'nodes':>6} {'edges':>6} {'layout':<9} {'write s':>8} {'stable s':>9} {'ratio':>6} {'zoom ms':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        for view in ("people", "full"):
            baseline = None
            for size in sizes:
                ds = synthetic(size)
                page = Path(tmp) / f"{view}-{size}.html"
                started = time.perf_counter()
                result = visualise(ds, page, view=view)
                written = time.perf_counter() - started
                report = open_page(page, timeout=300, screenshot=Path(tmp) / "last.png")
                if size == max(sizes):
                    Path("test-artifacts").mkdir(exist_ok=True)
                    Path(tmp, "last.png").replace(Path("test-artifacts") / f"bench-{view}-{size}.png")
                baseline = baseline or report.stable_seconds
                layout = "physics" if result.physics else "computed"
                print(f"{view:<7} {size:>7} {result.nodes:>6} {result.edges:>6} {layout:<9} {written:>8.2f} "
                      f"{report.stable_seconds:>9.2f} {report.stable_seconds / baseline:>6.1f} {report.redraw_ms:>8.0f}"
                      + (f"  console errors: {report.console_errors[:2]}" if report.console_errors else ""))


if __name__ == "__main__":
    main()
