"""Where the bundled data lives: the lexicons, the ontology and the saved queries.

They sit beside the package in the repository (installed with `pip install -e .`); a folder
given on the command line always wins.
"""
from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LEXICON_DIR = ROOT / "data" / "lexicon"
ONTOLOGY_FILE = ROOT / "ontology" / "kg.ttl"
SHAPES_FILE = ROOT / "ontology" / "shapes.ttl"
QUERIES_DIR = ROOT / "queries"
CHECKS_DIR = QUERIES_DIR / "checks"
