"""The extractor never crashes on any text: arbitrary Unicode, long lines, no sentences, huge
lists, mixed scripts (hypothesis)."""
from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg import extract_article, load_lexicon
from kg.article import parse_article

ROOT = Path(__file__).resolve().parent.parent
LEXICON = load_lexicon(ROOT / "data" / "lexicon")

WORDS = st.sampled_from(["President", "Minister", "of", "the", "Republic", "Azerbaijan", "Kyrgyz", "and", "signed",
                         "Memorandum", "on", "met", "with", "Foreign", "Deputy", "Ambassador", "to", "by", ",", ".",
                         "\"", "Ali", "Aliyev", "A.", "Ch.", "(", ")", "said", "on Tuesday", "yesterday", "Baku",
                         "между", "Алиев", "北京", "محمد", "Bērziņa", "'s", "-", ":", "\n", "\n\n", "• "])


def run(text: str):
    facts = extract_article(parse_article(text, "prop"), LEXICON)
    for person in facts.people:
        assert person.name.strip()
    for meeting in facts.meetings:
        assert len(set(meeting.participants)) >= 2
    return facts


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(max_size=2000))
def test_arbitrary_unicode(text):
    run(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(WORDS, max_size=400))
def test_diplomatic_word_salad(words):
    run(" date 2024-05-10\n\n" + " ".join(words))


@pytest.mark.parametrize("text", [
    "x" * 200_000,                                               # one long line, no sentence end
    ", ".join(f"Minister Name{i} Surname{i}ov" for i in range(3000)),   # a huge list
    "\n" * 5000,                                                 # no text at all
    " date unknown\n\nBy\n\n.",                                  # header only
    "Президент Садыр Жапаров и President Ilham Aliyev met. 北京 محمد.",   # mixed scripts
])
def test_pathological_texts(text):
    run(text)
