"""The extractor never raises, whatever the text: arbitrary Unicode in mixed scripts, very long lines,
huge lists of capitalised words, diplomatic word salad (hypothesis)."""
from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

import kg
from kg.article import parse_article

SETTINGS = settings(max_examples=60, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.large_base_example])

# letters of several scripts, marks, digits, punctuation, every kind of space and line break
MIXED = st.characters(codec="utf-8", categories=("Lu", "Ll", "Lo", "Mn", "Nd", "Po", "Ps", "Pe", "Pd", "Zs", "Cc"))
SCRIPTS = st.sampled_from(["Президент", "министр", "北京", "会谈", "محمد", "وزير", "Bērziņa", "Çağlar", "Ōsaka",
                           "ქართული", "Հայաստան", "ǅemal", "İlham", "ß", "\u0301", "\u200b", "\u2028", "\r\n", "\t"])
CAPITALISED = st.one_of(st.builds(str.__add__, st.sampled_from("ABCDEFGHIJKLMNOPQRSTUVWXYZÁÖŞЖ"),
                                  st.text("abcdefghijklmnopqrstuvwxyzäçğıš", min_size=1, max_size=9)),
                        st.sampled_from(["President", "Minister", "Foreign", "Deputy", "Ambassador", "Georgia",
                                         "Kazakh", "Uzbek", "Republic", "Ministry", "Agreement", "Memorandum", "Mr.",
                                         "A.", "Ch.", "Tbilisi", "Tamar", "Veridze", "Abdullayev", "Abdullaev"]))
WORDS = st.sampled_from(["President", "Minister", "of", "the", "Republic", "Azerbaijan", "Kyrgyz", "and", "signed",
                         "Memorandum", "on", "met", "with", "Foreign", "Deputy", "Ambassador", "to", "by", ",", ".",
                         "\"", "Tamar", "Veridze", "A.", "Ch.", "(", ")", "said", "on Tuesday", "yesterday", "Baku",
                         "между", "Веридзе", "北京", "محمد", "Bērziņa", "'s", "-", ":", "\n", "\n\n", "• ", "his",
                         "counterpart", "was received by", "held talks", "also attended", "visited", "between",
                         "Government", "diplomatic relations", "were established", "March 3, 1992", "poet",
                         "is expected to be signed", "the following documents were signed:", "Foundation"])

TEXTS = st.one_of(
    st.text(MIXED, max_size=1500),                                                        # arbitrary Unicode
    st.lists(st.one_of(SCRIPTS, CAPITALISED, st.text(MIXED, max_size=8)), max_size=300).map(" ".join),   # scripts
    st.builds(lambda chunk, n: (chunk + " ") * n, st.text(MIXED, min_size=1, max_size=40),
              st.integers(200, 600)),                                                     # one very long line
    st.lists(CAPITALISED, min_size=100, max_size=800).map(", ".join),                     # "A, B, C, ..."
    st.lists(CAPITALISED, min_size=50, max_size=400).map(
        lambda names: "Foreign Minister " + ", ".join(names) + " and President " + names[0] + " met."),
    st.lists(WORDS, max_size=400).map(" ".join),                                          # word salad
)


def extract(text: str, lexicon):
    article = parse_article(text, "prop")
    return article, kg.extract_article(article, lexicon)


@SETTINGS
@given(body=TEXTS, dated=st.booleans())
def test_extract_article_never_raises(lexicon, body, dated):
    text = (" date 2024-05-10\n\n" if dated else "") + body
    event(f"length {10 ** len(str(len(text)))}")
    article, facts = extract(text, lexicon)
    # what comes out still points into the text it came from
    for s in article.sentences:
        assert text[s.begin:s.end] == s.text
    keys = {p.key for p in facts.people}
    for person in facts.people:
        assert person.name.strip()
        for span in person.spans:
            assert 0 <= span.begin < span.end <= len(text)
    for meeting in facts.meetings:
        assert len(set(meeting.participants)) >= 2 and set(meeting.participants) <= keys
    for document in facts.documents:
        assert set(document.signatories) <= keys and document.status in {"signed", "planned"}


@pytest.mark.parametrize("text", [
    "x" * 200_000,                                                            # one long line, no sentence end
    ", ".join(f"Minister Name{i} Surname{i}ov" for i in range(3000)),         # a huge list
    "\n" * 5000,                                                              # no text at all
    " date unknown\n\nBy\n\n.",                                               # header only
    "Президент Тамара Веридзе и President Tamar Veridze met. 北京 محمد.",       # mixed scripts
    "\ufeff\u202e date 2024-05-10\n\n\u0000\u0007 Georgian Foreign Minister \u0301Tamar Veridze.",   # control chars
])
def test_pathological_texts(lexicon, text):
    article, facts = extract(text, lexicon)
    assert all(text[s.begin:s.end] == s.text for s in article.sentences)
