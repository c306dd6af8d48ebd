"""Where a built graph lives and how it is loaded for querying.

The build writes one TriG dataset; `open_dataset` loads it into rdflib's memory store with the
union of all named graphs as the default graph. This is the one place to swap in another store
(pyoxigraph, a remote endpoint) as the corpus grows.
"""
from __future__ import annotations

from pathlib import Path

from rdflib import Dataset

from .errors import GraphNotFoundError, InputError

DATASET_FILE = "kg.trig"
MERGED_FILE = "kg.ttl"
REPORT_FILE = "report.json"


def dataset_path(folder: Path) -> Path:
    return Path(folder) / DATASET_FILE


def open_dataset(folder: Path) -> Dataset:
    path = dataset_path(folder)
    if not path.is_file():
        raise GraphNotFoundError(folder)
    ds = Dataset(default_union=True)
    try:
        ds.parse(path, format="trig")
    except Exception as exc:  # rdflib raises many parser-specific types
        detail = " ".join(str(exc).split())[:200]
        raise InputError(f"{path}: cannot be parsed as TriG ({detail}); rebuild it with `kg build`") from exc
    return ds
