"""Running saved SPARQL queries and writing their results.

CSV and JSON are the W3C SPARQL 1.1 results formats; `table` is for reading in a terminal.
Values from users are passed as bindings (`initBindings`), never pasted into query text.
"""
from __future__ import annotations

import io
from pathlib import Path

from rdflib import Dataset
from rdflib.plugins.sparql import prepareQuery
from rdflib.query import Result

from .errors import QueryError
from .graph import PREFIXES

FORMATS = ("table", "csv", "json")


def load_query(path: Path):
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise QueryError(f"{path}: cannot be read ({exc})") from exc
    try:
        return prepareQuery(text, initNs=PREFIXES)
    except Exception as exc:
        line = getattr(exc, "lineno", None)
        col = getattr(exc, "col", None)
        where = f"{path}:{line}:{col}" if line else str(path)
        detail = getattr(exc, "msg", None) or str(exc).splitlines()[0]
        raise QueryError(f"{where}: SPARQL syntax error: {detail}") from exc


def run_query(ds: Dataset, path: Path, bindings: dict | None = None) -> Result:
    query = load_query(path)
    try:
        return ds.query(query, initBindings=bindings or {})
    except Exception as exc:
        raise QueryError(f"{path}: query failed ({exc})") from exc


def format_result(result: Result, fmt: str) -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format '{fmt}' (choose one of {', '.join(FORMATS)})")
    if result.type in ("CONSTRUCT", "DESCRIBE"):
        return result.graph.serialize(format="turtle")
    if result.type == "ASK":
        return {"table": str(result.askAnswer), "csv": f"_askResult\r\n{str(result.askAnswer).lower()}\r\n",
                "json": f'{{"head": {{}}, "boolean": {str(result.askAnswer).lower()}}}\n'}[fmt]
    if fmt in ("csv", "json"):
        buffer = io.BytesIO()
        result.serialize(buffer, format=fmt)
        return buffer.getvalue().decode("utf-8")
    names = [str(v) for v in result.vars]
    rows = [["" if row[v] is None else _short(row[v]) for v in result.vars] for row in result]
    widths = [min(60, max([len(n)] + [len(r[i]) for r in rows])) for i, n in enumerate(names)]
    lines = [" | ".join(n.ljust(w) for n, w in zip(names, widths)),
             "-+-".join("-" * w for w in widths)]
    for row in rows:
        lines.append(" | ".join((c if len(c) <= w else c[: w - 1] + "…").ljust(w) for c, w in zip(row, widths)))
    lines.append(f"({len(rows)} rows)")
    return "\n".join(lines) + "\n"


def _short(term) -> str:
    text = str(term)
    for prefix, ns in PREFIXES.items():
        if text.startswith(str(ns)):
            return f"{prefix}:{text[len(str(ns)):]}"
    return text
