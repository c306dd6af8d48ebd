"""How fast does `kg push` load a million triples into a real Oxigraph server?

Starts `oxigraph serve` on a free loopback port over a temporary store, builds a synthetic dataset
of 1,000,000 triples in two shapes (many small sentence-like graphs; a few large graphs that are
sent in chunks), pushes each with --replace semantics (staging, count check, swap) and prints
triples per second, with the time to serialise N-Triples in the same process as the baseline.

Run:  .venv/bin/python benchmarks/push_benchmark.py [--triples 1000000]
"""
from __future__ import annotations

import argparse
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from rdflib import Dataset, Literal, URIRef

from kg.export import nt_line
from kg.remote import push

ID = "https://w3id.org/diplokg/id/"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def synthetic(triples: int, graphs: int) -> Dataset:
    ds = Dataset()
    per = triples // graphs
    p = [URIRef(f"https://w3id.org/diplokg/ontology#p{i}") for i in range(8)]
    for g in range(graphs):
        graph = ds.graph(URIRef(f"{ID}sentence/bench/{g}"))
        for i in range(per):
            graph.add((URIRef(f"{ID}person/p{g}-{i // 4}"), p[i % 8], Literal(f"value {g} {i}")))
    return ds


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--triples", type=int, default=1_000_000)
    args = parser.parse_args()
    oxigraph = shutil.which("oxigraph") or str(Path(sys.executable).parent / "oxigraph")
    print(f"{'shape':<30} {'triples':>9} {'build s':>8} {'nt s':>6} {'upload s':>9} {'swap s':>7} {'push s':>7} "
          f"{'triples/s':>10} {'push/nt':>8}")
    with tempfile.TemporaryDirectory() as tmp:
        port = free_port()
        server = subprocess.Popen([oxigraph, "serve", "--location", tmp, "--bind", f"127.0.0.1:{port}"],
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        url = f"http://127.0.0.1:{port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(f"{url}/query?query=ASK%7B%7D", timeout=1).read()
                    break
                except OSError:
                    time.sleep(0.1)
            for graphs, label in ((2000, "2,000 graphs of 500"), (10, "10 graphs of 100,000 (chunks)")):
                started = time.perf_counter()
                ds = synthetic(args.triples, graphs)
                built = time.perf_counter() - started
                started = time.perf_counter()
                size = sum(len(nt_line(s, p, o)) for g in ds.graphs() for s, p, o in g)
                serialise = time.perf_counter() - started
                result = push(ds, url)
                print(f"{label:<30} {result.triples:>9} {built:>8.1f} {serialise:>6.1f} "
                      f"{result.timings.get('upload', 0):>9.1f} {result.timings.get('swap', 0):>7.1f} {result.seconds:>7.1f} "
                      f"{result.rate:>10,.0f} {result.seconds / serialise:>8.1f}   ({size / 1e6:.0f} MB N-Triples)")
        finally:
            server.kill()
            server.wait()


if __name__ == "__main__":
    main()
