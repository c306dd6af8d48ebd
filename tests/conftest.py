"""Shared fixtures: the lexicon, a helper that extracts the facts of a short fictional text, and
one build of the fictional corpus in tests/fixtures/corpus (all people there are invented).

The corpus (three articles, each with a date line):
  a1.txt  two foreign ministers of two states meet ("Georgian Foreign Minister Tamar Veridze and
          his Uzbek counterpart Rustam Alimkhodzhayev held talks"), an ambassador attends, the
          diplomatic relations "were established on March 3, 1992", and a memorandum "was signed by"
          both ministers;
  a2.txt  the Uzbek minister spelled "Alimkhodzhaev" (-ev for -yev), an organisation named after a
          person, a Kazakh poet;
  a3.txt  the same meeting reported again (same day, same people) with the "-ev" spelling.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest

import kg
import kg.article

ROOT = Path(__file__).parent.parent
LEXICON_DIR = ROOT / "data" / "lexicon"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="session")
def lexicon():
    return kg.load_lexicon(LEXICON_DIR)


def article_text(text: str, date: str | None = "2024-05-10") -> str:
    """The text of an article file: a date line (unless date is None), a blank line, the body."""
    head = f" date {date}\n\n" if date else ""
    return f"{head}{text}\n"


@pytest.fixture(scope="session")
def facts_of(lexicon):
    """facts_of(text, date='2024-05-10') -> ArticleFacts of an article with that date line."""

    def extract(text: str, date: str | None = "2024-05-10", article_id: str = "test"):
        return kg.extract_article(kg.article.parse_article(article_text(text, date), article_id), lexicon)

    return extract


@dataclass
class Built:
    path: Path                 # the output folder (kg.trig, kg.ttl, report.json, facts/)
    summary: kg.BuildSummary
    warnings: list[str]


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> Built:
    out = tmp_path_factory.mktemp("built")
    warnings: list[str] = []
    summary = kg.build(CORPUS, out, warn=warnings.append)
    return Built(out, summary, warnings)

