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
from .query import read_query
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


def evidence(ds: Dataset, node, page: int = 64) -> str | None:
    """The text of a sentence that asserted something about `node`. In two steps, the node's
    graphs and then a sentence among them: as one join, Oxigraph walks every sentence of the
    corpus first (0.03-0.7 s a node at 10,000 articles, against about 1 ms)."""
    offset = 0
    while True:
        graphs = [row.g for row in ds.query(
            f"SELECT DISTINCT ?node ?g WHERE {{ GRAPH ?g {{ ?node ?p ?o }} }} LIMIT {page} OFFSET {offset}",
            initBindings={"node": node})]
        for graph in graphs:
            for row in ds.query("SELECT ?g ?text WHERE { ?g nif:anchorOf ?text } LIMIT 1", initNs={"nif": NIF},
                                initBindings={"g": graph}):
                return str(row.text)
        if len(graphs) < page:
            return None
        offset += page


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


def shacl_results(data: Graph, shapes: Graph) -> list[dict]:
    """pySHACL over `data` (inferences included, no further inference): plain records, so that a
    build can cache them per part."""
    conforms, report, _ = shacl_validate(data, shacl_graph=shapes, inference="none", allow_warnings=True)
    out = []
    if not conforms:
        for result in report.subjects(RDF.type, SH.ValidationResult):
            focus = report.value(result, SH.focusNode)
            severity = "warning" if report.value(result, SH.resultSeverity) != SH.Violation else "error"
            out.append({"severity": severity, "check": _shape_name(shapes, report.value(result, SH.sourceShape)),
                        "node": str(focus), "message": str(report.value(result, SH.resultMessage))})
    return sorted(out, key=lambda r: (r["node"], r["check"], r["message"]))


def check_problems(ds, checks_dir: Path = CHECKS_DIR) -> list[Problem]:
    """The consistency checks (SPARQL files) over a dataset or a build's store."""
    problems: list[Problem] = []
    for name, severity, path in read_checks(checks_dir):
        query = read_query(path)
        problem = check_header(path)
        for row in ds.query(query):
            node = row[0]
            problems.append(Problem(severity, name, str(node), problem,
                                    evidence(ds, node) if isinstance(node, URIRef) else None))
    return problems


def validate_dataset(ds, shapes_file: Path = SHAPES_FILE, checks_dir: Path = CHECKS_DIR) -> list[Problem]:
    """Every problem of a whole graph (an rdflib Dataset or a build's GraphStore)."""
    shapes = load_graph(shapes_file, "SHACL shapes")
    data = Graph()
    for s, p, o, _ in (ds.quads((None, None, None, None)) if isinstance(ds, Dataset) else ds.quads()):
        data.add((s, p, o))
    problems = [Problem(r["severity"], r["check"], r["node"], r["message"],
                        evidence(ds, URIRef(r["node"])) if r["node"].startswith(("http://", "https://")) else None)
                for r in shacl_results(data, shapes)]
    return problems + check_problems(ds, checks_dir)


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
