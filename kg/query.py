"""Running saved SPARQL queries and writing their results.

CSV and JSON are the W3C SPARQL 1.1 results formats; `table` is for reading in a terminal.
Values from users are passed as bindings (`initBindings`), never pasted into query text.
"""
from __future__ import annotations

import io
import re
from pathlib import Path

from rdflib import Dataset
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue
from rdflib.query import Result

from .errors import QueryError
from .graph import PREFIXES

FORMATS = ("table", "csv", "json")


def read_query(path: Path) -> str:
    path = Path(path)
    try:
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot be read ({exc})") from exc


def load_query(path: Path, allow_remote: bool = False):
    return check_query(read_query(path), str(path), allow_remote)


def _walk(node, names: set[str]) -> bool:
    if isinstance(node, CompValue):
        return node.name in names or any(_walk(v, names) for v in node.values())
    if isinstance(node, (list, tuple)):
        return any(_walk(v, names) for v in node)
    return False


def check_query(text: str, path: str, allow_remote: bool = False):
    """Parse the query; refuse updates, and SERVICE unless allowed (it makes the engine fetch URLs)."""
    try:
        prepared = prepareQuery(text, initNs=PREFIXES)
    except Exception as exc:
        if re.search(r"^\s*(?:PREFIX[^\n]*\n\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY)\b", text, re.I | re.M):
            load = re.search(r"\bLOAD\b", text, re.I)
            raise QueryError(f"{path}: is a SPARQL update{' with LOAD (it reads files or URLs)' if load else ''}; "
                             "kg query runs queries only") from exc
        line = getattr(exc, "lineno", None)
        col = getattr(exc, "col", None)
        where = f"{path}:{line}:{col}" if line else path
        raise QueryError(f"{where}: SPARQL syntax error: {getattr(exc, 'msg', None) or str(exc).splitlines()[0]}") from exc
    if not allow_remote and _walk(prepared.algebra, {"ServiceGraphPattern"}):
        raise QueryError(f"{path}: uses SERVICE, which makes the query engine fetch other endpoints; "
                         "pass --allow-remote if that is intended")
    return prepared


def run_query(ds, path: Path, bindings: dict | None = None, allow_remote: bool = False) -> Result:
    """Run a saved query on an rdflib Dataset or a build's Oxigraph store (`GraphStore`)."""
    text = read_query(path)
    query = check_query(text, str(path), allow_remote)
    try:
        if isinstance(ds, Dataset):
            return ds.query(query, initBindings=bindings or {})
        return ds.query(text, initNs=PREFIXES, initBindings=bindings or {})
    except QueryError as exc:
        raise QueryError(f"{path}: {exc}") from exc
    except Exception as exc:
        raise QueryError(f"{path}: query failed ({exc})") from exc


def run_query_formatted(ds, path: Path, fmt: str, bindings: dict | None = None, allow_remote: bool = False) -> str:
    """A saved query's results in `fmt`. On a build's store, CSV and JSON of a SELECT are written
    by Oxigraph itself (the same bytes rdflib writes; tested), which keeps a query with many rows
    in milliseconds."""
    if fmt not in FORMATS:
        raise QueryError(f"unknown format '{fmt}' (choose one of {', '.join(FORMATS)})")
    if fmt in ("csv", "json") and hasattr(ds, "serialized"):
        text = read_query(path)
        check_query(text, str(path), allow_remote)
        try:
            out = ds.serialized(text, fmt, initNs=PREFIXES, initBindings=bindings or {})
        except QueryError as exc:
            raise QueryError(f"{path}: {exc}") from exc
        if out is not None:
            return out
    return format_result(run_query(ds, path, bindings, allow_remote), fmt)


def format_result(result: Result, fmt: str) -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format '{fmt}' (choose one of {', '.join(FORMATS)})")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    if result.type == "ASK":
        return {"table": str(result.askAnswer), "csv": f"_askResult\r\n{str(result.askAnswer).lower()}\r\n",
                "json": f'{{"head": {{}}, "boolean": {str(result.askAnswer).lower()}}}\n'}[fmt]
    if fmt in ("csv", "json"):
        clean = Result("SELECT")
        clean.vars = result.vars
        clean.bindings = [{v: row[v] for v in result.vars if row[v] is not None} for row in _bound_rows(result)]
        buffer = io.BytesIO()
        clean.serialize(buffer, format=fmt)
        return buffer.getvalue().decode("utf-8")
    names = [str(v) for v in result.vars]
    rows = [["" if row[v] is None else _short(row[v]) for v in result.vars] for row in _bound_rows(result)]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths)),
             "-+-".join("-" * w for w in widths)]
    for row in rows:
        lines.append(" | ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(row, widths)))
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"


def _bound_rows(result: Result):
    """Rows with at least one value: rdflib answers an aggregate over no solutions with one
    empty row, where SPARQL (and Oxigraph) give none."""
    return [row for row in result if any(row[v] is not None for v in result.vars)]


def _short(term) -> str:
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)):
            return f"{prefix}:{text[len(str(ns)):]}"
    return text
