"""Where a built graph lives and how it is read back.

The build writes the dataset twice: `kg.trig`, the interchange file any RDF tool reads, and
`store/`, a persistent Oxigraph database that `kg query`, `kg viz`, `kg validate` and `kg export`
open instead of re-parsing the TriG (milliseconds instead of seconds on a large build). Its default
graph holds the union of the named graphs (each triple once, as rdflib's `default_union` gives
it), so queries without GRAPH see everything and queries with GRAPH see the sentence graphs.
rdflib stays the RDF model: query results come back as rdflib Results and terms.
"""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Dataset, Literal, URIRef, Variable
from rdflib.namespace import XSD
from rdflib.query import Result

from .errors import GraphNotFoundError, InputError, QueryError

DATASET_FILE = "kg.trig"
STORE_DIR = "store"
REPORT_FILE = "report.json"
CACHE_DIR = "cache"
FACTS_DIR = "facts"
BUILD_PRODUCTS = {DATASET_FILE, STORE_DIR, REPORT_FILE, CACHE_DIR, FACTS_DIR, "kg.ttl"}
XSD_STRING = str(XSD.string)
# the prefixes rdflib's query engine knows without a PREFIX line
STANDARD_PREFIXES = {"rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
                     "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
                     "xsd": "http://www.w3.org/2001/XMLSchema#", "owl": "http://www.w3.org/2002/07/owl#"}


def dataset_path(folder: Path) -> Path:
    return Path(folder) / DATASET_FILE


# ------------------------------------------------------------------ terms

def to_rdflib(term):
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        if term.datatype.value == XSD_STRING:
            return Literal(term.value)
        return Literal(term.value, datatype=URIRef(term.datatype.value))
    if isinstance(term, ox.DefaultGraph):
        return None
    raise TypeError(f"unexpected term {term!r}")


def to_oxigraph(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype is not None:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    raise TypeError(f"cannot bind {term!r}")


# ------------------------------------------------------------------ the store

class GraphStore:
    """A built graph opened for reading. `query` has rdflib's signature (initNs, initBindings), so
    code written against an rdflib Dataset runs unchanged; bound values become Oxigraph
    substitutions, never query text."""

    def __init__(self, store: ox.Store, folder: Path | None = None):
        self.store = store
        self.folder = folder

    def _answer(self, query: str, initNs: dict | None, initBindings: dict | None):
        prefixes = {**STANDARD_PREFIXES, **{k: str(v) for k, v in (initNs or {}).items()}}
        substitutions = {ox.Variable(str(k)): to_oxigraph(v) for k, v in (initBindings or {}).items()}
        try:
            try:
                return self.store.query(str(query), prefixes=prefixes, substitutions=substitutions or None)
            except RuntimeError as exc:
                if not substitutions or "projection" not in str(exc):
                    raise
                # Oxigraph substitutes only selected variables; others are bound as a trailing
                # VALUES block of terms written by rdflib, as for a remote endpoint
                from .remote import values_clause

                return self.store.query(str(query) + values_clause(dict(initBindings)), prefixes=prefixes)
        except (SyntaxError, ValueError, OSError, RuntimeError) as exc:
            raise QueryError(f"query failed ({' '.join(str(exc).split())[:200]})") from exc

    def serialized(self, query: str, fmt: str, initNs: dict | None = None, initBindings: dict | None = None) -> str | None:
        """A SELECT query's results as W3C CSV or JSON, written by Oxigraph (no Python per row);
        None for other kinds of query."""
        answer = self._answer(query, initNs, initBindings)
        if not isinstance(answer, ox.QuerySolutions):
            return None
        kind = {"csv": ox.QueryResultsFormat.CSV, "json": ox.QueryResultsFormat.JSON}[fmt]
        return answer.serialize(format=kind).decode("utf-8")

    def query(self, query: str, initNs: dict | None = None, initBindings: dict | None = None) -> Result:
        answer = self._answer(query, initNs, initBindings)
        if isinstance(answer, ox.QueryBoolean):
            result = Result("ASK")
            result.askAnswer = bool(answer)
            return result
        if isinstance(answer, ox.QueryTriples):
            from rdflib import Graph

            result = Result("CONSTRUCT")
            g = Graph()
            for t in answer:
                g.add((to_rdflib(t.subject), to_rdflib(t.predicate), to_rdflib(t.object)))
            result.graph = g
            return result
        result = Result("SELECT")
        names = [v.value for v in answer.variables]
        result.vars = [Variable(n) for n in names]
        rows = []
        for solution in answer:
            row = {}
            for name, var in zip(names, result.vars):
                value = solution[name]
                if value is not None:
                    row[var] = to_rdflib(value)
            rows.append(row)
        result.bindings = rows
        return result

    def quads(self):
        """(s, p, o, graph) of the named graphs, as rdflib terms."""
        for quad in self.store.quads_for_pattern(None, None, None, None):
            if isinstance(quad.graph_name, ox.DefaultGraph):
                continue
            yield (to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object),
                   URIRef(quad.graph_name.value))

    def dataset(self) -> Dataset:
        """The named graphs as an rdflib Dataset (for export and push, which walk graph by graph)."""
        from .graph import new_dataset

        ds = new_dataset()
        for s, p, o, g in self.quads():
            ds.graph(g).add((s, p, o))
        return ds


def open_store(folder: Path) -> GraphStore:
    """The build's Oxigraph store, read-only; a build from before the store existed (only
    kg.trig) is loaded into an in-memory store."""
    folder = Path(folder)
    path = folder / STORE_DIR
    if path.is_dir():
        try:
            return GraphStore(ox.Store.read_only(str(path)), folder)
        except OSError as exc:
            raise InputError(f"{path}: the graph store cannot be opened ({exc}); rebuild it with `kg build`") from exc
    trig = dataset_path(folder)
    if not trig.is_file():
        raise GraphNotFoundError(folder)
    store = ox.Store()
    try:
        store.bulk_load(path=str(trig), format=ox.RdfFormat.TRIG)
    except (SyntaxError, ValueError, OSError) as exc:
        detail = " ".join(str(exc).split())[:200]
        raise InputError(f"{trig}: cannot be parsed as TriG ({detail}); rebuild it with `kg build`") from exc
    store.update("INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }")
    return GraphStore(store, folder)


def open_dataset(folder: Path) -> Dataset:
    """The built graph as an rdflib Dataset, union of the named graphs as the default graph."""
    return open_store(folder).dataset()
