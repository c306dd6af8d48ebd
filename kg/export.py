"""Exporting the built dataset in the standard RDF formats, by groups of named graphs.

Groups: `ontology` (graph/ontology), `inferred` (graph/inferred) and `asserted` (everything
else: the sentence graphs with the facts, provenance and reference). N-Triples and N-Quads are
written line by line as the graphs are walked, never built as one string in memory.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Iterator

from rdflib import Dataset, Graph, Literal, URIRef

from .errors import InputError
from .files import atomic_open
from .graph import G_INFERRED, G_ONTOLOGY, PREFIXES

GROUPS = ("asserted", "inferred", "ontology")
FORMATS = {"ttl": "turtle", "nt": "nt", "nq": "nquads", "trig": "trig", "jsonld": "json-ld"}


def group_of(graph_name) -> str:
    if graph_name == G_ONTOLOGY:
        return "ontology"
    if graph_name == G_INFERRED:
        return "inferred"
    return "asserted"


def parse_groups(text: str | None) -> tuple[str, ...]:
    if not text:
        return GROUPS
    groups = tuple(g.strip() for g in text.split(",") if g.strip())
    unknown = [g for g in groups if g not in GROUPS]
    if unknown or not groups:
        raise InputError(f"--graphs {text!r}: choose from {','.join(GROUPS)}")
    return groups


def selected_graphs(ds: Dataset, groups: tuple[str, ...]) -> Iterator[Graph]:
    """The dataset's named graphs in the chosen groups (the empty default graph is skipped)."""
    for graph in sorted(ds.graphs(), key=lambda g: str(g.identifier)):
        if not isinstance(graph.identifier, URIRef) or str(graph.identifier).startswith("urn:x-rdflib:"):
            continue
        if group_of(graph.identifier) in groups and len(graph):
            yield graph


_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"})


def nt_term(term) -> str:
    """A term as N-Triples writes it: literals on one line with \\n escapes."""
    if isinstance(term, Literal):
        text = '"' + str(term).translate(_ESCAPES) + '"'
        if term.language:
            return f"{text}@{term.language}"
        if term.datatype and str(term.datatype) != "http://www.w3.org/2001/XMLSchema#string":
            return f"{text}^^<{term.datatype}>"
        return text
    return term.n3()


def nt_line(s, p, o, graph=None) -> str:
    name = f" {graph.n3()}" if graph is not None else ""
    return f"{nt_term(s)} {nt_term(p)} {nt_term(o)}{name} .\n"


@dataclass
class ExportResult:
    format: str
    graphs: int
    triples: int           # quads for nq/trig/jsonld, distinct triples for nt/ttl
    path: str


def _stream(ds: Dataset, groups, handle: IO[str], quads: bool) -> tuple[int, int]:
    graphs = count = 0
    seen: set = set()
    for graph in selected_graphs(ds, groups):
        graphs += 1
        for s, p, o in graph:
            if quads:
                handle.write(nt_line(s, p, o, graph.identifier))
                count += 1
            elif (s, p, o) not in seen:
                seen.add((s, p, o))
                handle.write(nt_line(s, p, o))
                count += 1
    return graphs, count


def export(ds: Dataset, fmt: str, groups: tuple[str, ...] = GROUPS, output: Path | None = None) -> ExportResult:
    if fmt not in FORMATS:
        raise InputError(f"--format {fmt!r}: choose one of {', '.join(FORMATS)}")
    if output is None:
        graphs, count = _write(ds, groups, fmt, sys.stdout)
    else:
        with atomic_open(Path(output), text=True) as handle:
            graphs, count = _write(ds, groups, fmt, handle)
    return ExportResult(fmt, graphs, count, str(output) if output else "-")


def _write(ds: Dataset, groups, fmt: str, handle: IO[str]) -> tuple[int, int]:
    if fmt in ("nt", "nq"):
        return _stream(ds, groups, handle, quads=fmt == "nq")
    graphs, count, text = _serialise(ds, groups, fmt)
    handle.write(text)
    return graphs, count


def _serialise(ds: Dataset, groups, fmt: str) -> tuple[int, int, str]:
    chosen = list(selected_graphs(ds, groups))
    if fmt == "ttl":
        merged = Graph()
        for prefix, ns in PREFIXES.items():
            merged.bind(prefix, ns)
        for graph in chosen:
            for triple in graph:
                merged.add(triple)
        return len(chosen), len(merged), merged.serialize(format="turtle")
    out = Dataset()
    for prefix, ns in PREFIXES.items():
        out.bind(prefix, ns)
    count = 0
    for graph in chosen:
        target = out.graph(graph.identifier)
        for triple in graph:
            target.add(triple)
            count += 1
    return len(chosen), count, out.serialize(format=FORMATS[fmt])
