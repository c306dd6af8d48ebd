"""Is the graph well formed? SHACL shapes (pySHACL), consistency checks as SPARQL files with a
Problem/Solution header, and the inconsistencies the reasoner found. Each problem names the
node and, where the graph knows it, the sentence the node was read from.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from pyshacl import validate as shacl_validate
from rdflib import RDF, BNode, Dataset, Graph, Literal, URIRef
from rdflib.namespace import SH

from .errors import OntologyError
from .graph import NIF
from .query import load_query
from .resources import CHECKS_DIR, SHAPES_FILE

SEVERITIES = ("error", "warning")


@dataclass
class Problem:
    severity: str          # error | warning
    check: str             # shape or check name
    node: str
    message: str
    sentence: str | None = None

    def line(self) -> str:
        where = f' (from: "{self.sentence[:120]}")' if self.sentence else ""
        return f"{self.severity.upper()} {self.check}: {self.node}: {self.message}{where}"


def load_graph(path: Path, what: str) -> Graph:
    g = Graph()
    try:
        g.parse(path, format="turtle")
    except FileNotFoundError as exc:
        raise OntologyError(f"{path}: {what} not found") from exc
    except Exception as exc:
        raise OntologyError(f"{path}: {what} does not parse as Turtle ({str(exc).splitlines()[0]}); fix the file") from exc
    return g


def evidence(ds: Dataset, node) -> str | None:
    """The text of a sentence that asserted something about `node`."""
    query = ("SELECT ?text WHERE { GRAPH ?g { ?node ?p ?o } ?g nif:anchorOf ?text } LIMIT 1")
    for row in ds.query(query, initNs={"nif": NIF}, initBindings={"node": node}):
        return str(row.text)
    return None


def read_checks(folder: Path) -> list[tuple[str, str, Path]]:
    """(name, severity, path) of each check; the severity comes from profile.tsv."""
    profile = {}
    table = folder / "profile.tsv"
    if table.exists():
        for line in table.read_text(encoding="utf-8").splitlines():
            if line.strip() and not line.startswith("#"):
                name, severity = line.split("\t")[:2]
                profile[name.strip()] = severity.strip()
    return [(p.stem, profile.get(p.stem, "error"), p) for p in sorted(folder.glob("*.rq"))]


def check_header(path: Path) -> str:
    text = path.read_text(encoding="utf-8")
    match = re.search(r"\*\*Problem:\*\*\s*(.+)", text)
    return match.group(1).strip() if match else path.stem


def validate_dataset(ds: Dataset, shapes_file: Path = SHAPES_FILE, checks_dir: Path = CHECKS_DIR) -> list[Problem]:
    shapes = load_graph(shapes_file, "SHACL shapes")
    data = Graph()
    for triple in ds.triples((None, None, None)):
        data.add(triple)
    problems: list[Problem] = []
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    if not conforms:
        for result in report.subjects(RDF.type, SH.ValidationResult):
            focus = report.value(result, SH.focusNode)
            message = report.value(result, SH.resultMessage)
            shape = report.value(result, SH.sourceShape)
            severity = "warning" if report.value(result, SH.resultSeverity) != SH.Violation else "error"
            problems.append(Problem(severity, _shape_name(shapes, shape), str(focus), str(message),
                                    evidence(ds, focus) if isinstance(focus, URIRef) else None))
    for name, severity, path in read_checks(checks_dir):
        query = load_query(path)
        problem = check_header(path)
        for row in ds.query(query):
            node = row[0]
            problems.append(Problem(severity, name, str(node), problem,
                                    evidence(ds, node) if isinstance(node, URIRef) else None))
    return problems


def _shape_name(shapes: Graph, shape) -> str:
    """"PostShape/post-in" for a property shape (a blank node): a name a user can look up."""
    if not isinstance(shape, BNode):
        return _local(shape)
    owner = shapes.value(predicate=SH.property, object=shape)
    name = shapes.value(shape, SH.name)
    label = "-".join(str(name).split()) if name is not None else "property"
    return f"{_local(owner)}/{label}" if owner is not None else label


def _local(term) -> str:
    text = str(term)
    return re.split(r"[#/]", text)[-1] if text and not isinstance(term, Literal) else text
