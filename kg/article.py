"""Reading an article: header (date line, byline, headline), paragraphs and sentences.

Offsets are character offsets into the decoded text of the file, so a sentence's
`begin`/`end` can be checked against the article with a plain slice.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleError

# Abbreviations after which a period does not end a sentence (English news usage).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st jr sr no nos vol vs etc
    approx inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n
    fig al mt ft""".split()
)

MONTHS = {
    name: index
    for index, names in enumerate(
        [("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec")],
        start=1,
    )
    for name in names
}

_DATE_LINE = re.compile(r"^\s*date\s+(?P<date>\d{4}-\d{2}-\d{2}|unknown)\b(?P<rest>.*)$", re.I)
# "By Vugar Khalilov", "By Azernews": capitalised words only, so "By Tuesday evening, ..." is text
_BYLINE = re.compile(r"^\s*By\s+(?P<name>[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4})\s*$")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_STANDALONE_DATES = [
    (re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$"), "ymd"),
    (re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*$"), "dmy"),
    (re.compile(rf"^\s*(\d{{1,2}})\s+({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b.*$", re.I), "d_month_y"),
    (re.compile(rf"^\s*({_MONTH_NAMES})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})\b.*$", re.I), "month_d_y"),
]
# A sentence may end after . ! ? (and closing quotes or brackets) followed by space.
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")


@dataclass(frozen=True)
class Sentence:
    index: int
    begin: int
    end: int
    text: str
    paragraph: int


@dataclass
class Article:
    """An article as the extractor sees it; `id` is the file's stem."""

    id: str
    path: str
    text: str
    date: dt.date | None = None
    authors: list[str] = field(default_factory=list)
    title: str | None = None
    sentences: list[Sentence] = field(default_factory=list)


def parse_date_parts(kind: str, groups: tuple[str, ...]) -> dt.date | None:
    try:
        if kind == "ymd":
            y, m, d = map(int, groups)
        elif kind == "dmy":
            d, m, y = map(int, groups)
        elif kind == "d_month_y":
            d, m, y = int(groups[0]), MONTHS[groups[1].lower()], int(groups[2])
        else:
            m, d, y = MONTHS[groups[0].lower()], int(groups[1]), int(groups[2])
        return dt.date(y, m, d)
    except (ValueError, KeyError):
        return None


def _standalone_date(line: str) -> dt.date | None:
    for pattern, kind in _STANDALONE_DATES:
        match = pattern.match(line)
        if match and len(line) < 60:
            return parse_date_parts(kind, match.groups())
    return None


def split_sentences(text: str, offset: int = 0, paragraph: int = 0, start_index: int = 0) -> list[Sentence]:
    """Split one paragraph into sentences, keeping initials ("Ch. Bekov") and abbreviations whole."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        stop = match.end()
        if match.group().startswith(".") and len(match.group()) == 1:
            before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
            word = before.group(1) if before else ""
            bare = word.rstrip(".").lower()
            if bare in ABBREVIATIONS or re.fullmatch(r"[A-Z][a-z]?", word) or re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
                continue
        _append(sentences, text, start, stop, offset, paragraph, start_index)
        start = stop
    _append(sentences, text, start, len(text), offset, paragraph, start_index)
    return sentences


def _append(out: list[Sentence], text: str, start: int, stop: int, offset: int, paragraph: int, start_index: int) -> None:
    chunk = text[start:stop]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    begin = offset + start + lead
    out.append(Sentence(start_index + len(out), begin, begin + len(stripped), stripped, paragraph))


def parse_article(text: str, article_id: str, path: str = "") -> Article:
    """Parse article text; a missing date line leaves the date unknown."""
    article = Article(id=article_id, path=path, text=text)
    lines = []  # (begin offset, line text)
    position = 0
    for raw in text.splitlines(keepends=True):
        lines.append((position, raw.rstrip("\r\n")))
        position += len(raw)

    header_done = False
    seen_content = 0
    paragraph = 0
    for begin, line in lines:
        stripped = line.strip()
        if not stripped:
            continue
        if not header_done and seen_content < 6:
            match = _DATE_LINE.match(line)
            if match and seen_content == 0:
                if match.group("date").lower() != "unknown":
                    article.date = _standalone_date(match.group("date"))
                rest = match.group("rest")
                by = re.search(r"\bBy\s+(.+)$", rest)
                if by:
                    article.authors.append(by.group(1).strip())
                seen_content += 1
                continue
            byline = _BYLINE.match(line)
            if byline:
                article.authors.append(byline.group("name").strip())
                continue
            if article.date is None:
                found = _standalone_date(stripped)
                if found:
                    article.date = found
                    seen_content += 1
                    continue
            words = stripped.split()
            if article.title is None and len(words) >= 5 and stripped[-1] not in ".!?\"”:" and len(stripped) < 250:
                article.title = stripped
        seen_content += 1
        if seen_content > 6:
            header_done = True
        lead = len(line) - len(line.lstrip())
        article.sentences.extend(
            split_sentences(stripped, begin + lead, paragraph, len(article.sentences))
        )
        paragraph += 1
    return article


def read_article(path: Path) -> Article:
    """Read one article file; raise ArticleError naming the file when it cannot be used."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ArticleError(path, f"cannot be read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError(path, f"is not UTF-8 text (bad byte at offset {exc.start}); convert it to UTF-8") from exc
    if "\x00" in text:
        raise ArticleError(path, "looks like a binary file (it contains NUL characters)")
    if not text.strip():
        raise ArticleError(path, "is empty")
    article = parse_article(text, path.stem, str(path))
    if not article.sentences:
        raise ArticleError(path, "has no text after its header")
    return article
