"""Reading an article: the date line, the byline, sentences and their offsets, unreadable files."""
from __future__ import annotations

import datetime as dt

import pytest

import kg
from kg.article import parse_article, split_sentences
from kg.errors import ArticleError, InputError


# ------------------------------------------------------------------ date line and byline

def test_date_line_with_byline():
    article = parse_article(" date 2021-12-22 By Dana Whitfield\n\nThe talks went well.\n", "x")
    assert article.date == dt.date(2021, 12, 22)
    assert article.authors == ["Dana Whitfield"]
    assert [s.text for s in article.sentences] == ["The talks went well."]


def test_date_unknown_leaves_the_date_empty():
    article = parse_article(" date unknown\n\nThe talks went well.\n", "x")
    assert article.date is None
    assert article.authors == []
    # the date line is a header, not a sentence
    assert [s.text for s in article.sentences] == ["The talks went well."]


def test_no_date_line_means_no_date():
    article = parse_article("Georgian Foreign Minister Tamar Veridze arrived in Riga.\n", "x")
    assert article.date is None
    assert [s.text for s in article.sentences] == ["Georgian Foreign Minister Tamar Veridze arrived in Riga."]


def test_standalone_day_month_year_line():
    article = parse_article("26-04-2022\n\nThe talks went well. Both sides agreed.\n", "x")
    assert article.date == dt.date(2022, 4, 26)
    assert [s.text for s in article.sentences] == ["The talks went well.", "Both sides agreed."]


@pytest.mark.parametrize("line, expected", [
    ("2023-01-09", dt.date(2023, 1, 9)),
    ("9 January 2023", dt.date(2023, 1, 9)),
    ("January 9, 2023", dt.date(2023, 1, 9)),
    ("09.01.2023", dt.date(2023, 1, 9)),
])
def test_other_standalone_date_forms(line, expected):
    assert parse_article(f"{line}\n\nThe talks went well.\n", "x").date == expected


def test_impossible_date_is_unknown_not_an_error():
    article = parse_article(" date 2024-13-45\n\nThe talks went well.\n", "x")
    assert article.date is None
    assert [s.text for s in article.sentences] == ["The talks went well."]


def test_byline_on_its_own_line():
    article = parse_article(" date 2024-05-10\n\nBy Dana Whitfield\n\nThe talks went well.\n", "x")
    assert article.authors == ["Dana Whitfield"]
    assert [s.text for s in article.sentences] == ["The talks went well."]


def test_a_sentence_starting_with_by_is_not_a_byline():
    article = parse_article(" date 2024-05-10\n\nBy Tuesday evening, the two ministers had signed the accord.\n\n"
                            "The talks went well.\n", "x")
    assert article.authors == []
    assert [s.text for s in article.sentences] == [
        "By Tuesday evening, the two ministers had signed the accord.", "The talks went well."]


def test_headline_is_read_as_title():
    article = parse_article(" date 2024-05-10\n\nGeorgia and Latvia discuss transport links\n\nThe talks went well.\n",
                            "x")
    assert article.title == "Georgia and Latvia discuss transport links"


# ------------------------------------------------------------------ sentences

def test_initials_and_abbreviations_stay_inside_sentences():
    text = (" date 2024-05-10\n\nKazakh Foreign Minister A. Sarsenov met Mr. Ch. Aitbayev and Dr. Lena Brandt "
            "in Astana. They discussed trade.\n")
    article = parse_article(text, "x")
    assert [s.text for s in article.sentences] == [
        "Kazakh Foreign Minister A. Sarsenov met Mr. Ch. Aitbayev and Dr. Lena Brandt in Astana.",
        "They discussed trade.",
    ]


def test_sentence_ends_split_on_question_and_exclamation_marks():
    sentences = split_sentences("Is it signed? Yes! It was signed in Baku.")
    assert [s.text for s in sentences] == ["Is it signed?", "Yes!", "It was signed in Baku."]


def test_sentences_are_split_per_paragraph_and_numbered():
    article = parse_article(" date 2024-05-10\n\nFirst one. Second one.\n\nThird one.\n", "x")
    assert [(s.index, s.paragraph, s.text) for s in article.sentences] == [
        (0, 0, "First one."), (1, 0, "Second one."), (2, 1, "Third one.")]


@pytest.mark.parametrize("text", [
    " date 2024-05-10\n\nThe talks went well. Both sides agreed.\n",
    " date 2024-05-10\r\n\r\n   The talks went well.\r\nBoth sides agreed!  Really? Yes.\r\n",
    "By Dana Whitfield\n\n\tKazakh Foreign Minister A. Sarsenov met Ch. Aitbayev.  Ana Lima, the envoy, came too.\n",
    " date 2024-05-10\n\nTbilisi, May 8. Прези\u00adдент встретился с министром. 北京会谈。 Then they left.\n",
])
def test_offsets_slice_the_article_text(text):
    article = parse_article(text, "x")
    assert article.sentences
    for s in article.sentences:
        assert article.text[s.begin:s.end] == s.text
        assert s.text == s.text.strip() and s.text


def test_offsets_are_absolute_positions():
    text = " date 2024-05-10\n\nThe talks went well. Both sides agreed.\n"
    article = parse_article(text, "x")
    assert [(s.begin, s.end) for s in article.sentences] == [(18, 38), (39, 57)]


# ------------------------------------------------------------------ files

def test_read_article_uses_the_file_stem_as_id(tmp_path):
    path = tmp_path / "k001.txt"
    path.write_text(" date 2024-05-10\n\nThe talks went well.\n", encoding="utf-8")
    article = kg.read_article(path)
    assert article.id == "k001"
    assert article.date == dt.date(2024, 5, 10)
    assert article.path == str(path)


def test_read_article_strips_a_byte_order_mark(tmp_path):
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeff date 2024-05-10\n\nThe talks went well.\n".encode("utf-8"))
    article = kg.read_article(path)
    assert article.date == dt.date(2024, 5, 10)
    assert all(article.text[s.begin:s.end] == s.text for s in article.sentences)


@pytest.mark.parametrize("name, data, problem", [
    ("empty.txt", b"", "is empty"),
    ("blank.txt", b"  \n\n \t\n", "is empty"),
    ("latin1.txt", b" date 2024-05-10\n\nCaf\xe9 talks in Tbilisi.\n", "is not UTF-8"),
    ("binary.txt", b"\x00\x01\x02 date 2024-05-10\n\nThe talks went well.\x00\n", "binary"),
    ("header-only.txt", b" date 2024-05-10\n\n", "no text after its header"),
])
def test_unreadable_articles_raise_article_error_naming_the_file(tmp_path, name, data, problem):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ArticleError) as info:
        kg.read_article(path)
    message = str(info.value)
    assert name in message
    assert problem in message
    assert isinstance(info.value, InputError)        # the CLI maps it to exit code 2


def test_non_utf8_message_gives_the_offset(tmp_path):
    path = tmp_path / "cp1251.txt"
    path.write_bytes(b" date 2024-05-10\n\n\xcf\xf0\xe5\xe7\xe8\xe4\xe5\xed\xf2\n")
    with pytest.raises(ArticleError, match=r"cp1251\.txt: is not UTF-8 text \(bad byte at offset 18\)"):
        kg.read_article(path)


def test_missing_file_raises_article_error(tmp_path):
    with pytest.raises(ArticleError, match="nowhere.txt"):
        kg.read_article(tmp_path / "nowhere.txt")
