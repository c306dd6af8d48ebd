"""The library's entry points; the CLI and users call these."""
from __future__ import annotations

from pathlib import Path

from .build import BuildSummary, build
from .query import format_result, run_query_formatted
from .store import open_dataset, open_store
from .validate import Problem, validate_dataset


def query(query_file: Path, kg_dir: Path = Path("build"), fmt: str = "table", bindings: dict | None = None,
          endpoint: str | None = None, allow_remote: bool = False) -> str:
    """Run a saved query against a built graph, or a remote SPARQL endpoint, and format the result."""
    if endpoint:
        from .query import read_query
        from .remote import remote_query

        result = remote_query(endpoint, read_query(query_file), str(query_file), bindings, allow_remote)
        return format_result(result, fmt)
    return run_query_formatted(open_store(kg_dir), query_file, fmt, bindings, allow_remote)


def explain(articles: list[Path], lexicon_dir: Path | None = None) -> str:
    """What the extractor read in each article: every person, meeting and document with the
    sentence and rule behind it, and the mentions read but not used."""
    from .explanation import explain_articles

    return explain_articles(list(articles), lexicon_dir)


def export(kg_dir: Path = Path("build"), fmt: str = "trig", graphs: str | None = None, output: Path | None = None):
    """Write the built dataset (or some groups of its graphs) in a standard RDF format."""
    from .export import export as write, parse_groups

    return write(open_dataset(kg_dir), fmt, parse_groups(graphs), output)


def push(kg_dir: Path, endpoint: str, graph_base: str | None = None, mode: str = "replace",
         graphs: str | None = None, log=lambda message: None):
    """Upload the built dataset to a triplestore over the Graph Store Protocol and verify the counts."""
    from .export import parse_groups
    from .remote import push as upload

    return upload(open_dataset(kg_dir), endpoint, graph_base, mode, parse_groups(graphs), log=log)


def validate(kg_dir: Path = Path("build")) -> list[Problem]:
    """Problems of a built graph (SHACL shapes and consistency checks)."""
    return validate_dataset(open_store(kg_dir))


def visualise(kg_dir: Path = Path("build"), output: Path = Path("build/network.html"), view: str = "states",
              focus: str | None = None, since: str | None = None, until: str | None = None, hops: int = 2):
    """Write the interactive network page of a built graph."""
    from .viz import visualise as draw

    return draw(open_store(kg_dir), output, view=view, focus=focus, since=since, until=until, hops=hops)


__all__ = ["build", "query", "validate", "visualise", "export", "push", "BuildSummary", "Problem"]
