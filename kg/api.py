"""The library's entry points; the CLI and users call these."""
from __future__ import annotations

from pathlib import Path

from .build import BuildSummary, build
from .query import format_result, run_query
from .store import open_dataset
from .validate import Problem, validate_dataset


def query(query_file: Path, kg_dir: Path = Path("build"), fmt: str = "table", bindings: dict | None = None) -> str:
    """Run a saved query against a built graph and return it formatted."""
    ds = open_dataset(kg_dir)
    return format_result(run_query(ds, query_file, bindings), fmt)


def validate(kg_dir: Path = Path("build")) -> list[Problem]:
    """Problems of a built graph (SHACL shapes and consistency checks)."""
    return validate_dataset(open_dataset(kg_dir))


def visualise(kg_dir: Path = Path("build"), output: Path = Path("build/network.html"), view: str = "states",
              focus: str | None = None, since: str | None = None, until: str | None = None, hops: int = 2):
    """Write the interactive network page of a built graph."""
    from .viz import visualise as draw

    return draw(open_dataset(kg_dir), output, view=view, focus=focus, since=since, until=until, hops=hops)


__all__ = ["build", "query", "validate", "visualise", "BuildSummary", "Problem"]
