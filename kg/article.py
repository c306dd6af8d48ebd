"""Reading an article: header (date line, byline, headline), dateline, sections, paragraphs,
list items, tables and sentences.

Offsets are character offsets into the decoded text of the file, so a sentence's
`begin`/`end` can be checked against the article with a plain slice. Every sentence carries
the date its relative expressions ("today", "on Tuesday") are read against: the dateline's
day when the dispatch gives one, else the day of its section ("Office of the Spokesperson /
June 25, 2024"), else the publication date.
"""
from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ArticleError

# Abbreviations after which a period does not end a sentence (English news usage).
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt sgt adm gov sen rep st jr sr no nos vol vs etc
    approx inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec e.g i.e u.s u.k u.n
    fig al mt ft retd rtd smt eng engr ma brig cdr amb hon dept govt excl incl mme mlle gen.
    p.m a.m s.no""".split()
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
# "By Anar Guliyev", "By Azernews", "By Leyla Mammadli – Trend:": capitalised words only, so
# "By Tuesday evening, ..." is text
_NAME_WORDS = r"[^\W\d_][\w'’.-]*(?:\s+[^\W\d_][\w'’.-]*){0,4}"
_BYLINE = re.compile(rf"^\s*By\s+(?P<name>{_NAME_WORDS})\s*(?:[–—-]\s*(?P<agency>{_NAME_WORDS})\s*)?:?\s*$")
_MONTH_NAMES = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_ORD = r"(?:st|nd|rd|th)?"
_STANDALONE_DATES = [
    (re.compile(r"^\s*(\d{4})-(\d{1,2})-(\d{1,2})\s*$"), "ymd"),
    (re.compile(r"^\s*(\d{1,2})[-./](\d{1,2})[-./](\d{4})\s*$"), "dmy"),
    (re.compile(rf"^\s*(?:{_WEEKDAY},?\s+)?(\d{{1,2}}){_ORD}\s+({_MONTH_NAMES})\.?,?\s+(\d{{4}})\b.*$", re.I), "d_month_y"),
    (re.compile(rf"^\s*(?:{_WEEKDAY},?\s+)?({_MONTH_NAMES})\.?\s+(\d{{1,2}}){_ORD},?\s+(\d{{4}})\b.*$", re.I), "month_d_y"),
]
# A date inside a dateline or a sign-off: "April 12", "18th November, 2024", "Monday, 10 February 2025"
_DAY_MONTH = (rf"(?:(?i:{_WEEKDAY}),?\s+)?(?:(?P<d1>\d{{1,2}}){_ORD}\s+(?P<m1>(?i:{_MONTH_NAMES}))\.?"
              rf"|(?P<m2>(?i:{_MONTH_NAMES}))\.?\s+(?P<d2>\d{{1,2}}){_ORD})(?:,?\s+(?P<y>\d{{4}}))?")
_PLACE = r"(?P<place>[A-ZÀ-Ý][\w'’À-ÿ-]*(?:[ -][A-ZÀ-Ý][\w'’À-ÿ-]*){0,3}(?:,\s+(?!(?i:"+_MONTH_NAMES+r")\b)[A-ZÀ-Ý][\w'’À-ÿ]*(?:\s[A-ZÀ-Ý][\w'’À-ÿ]*)?)?)"
_AGENCY = r"(?:\((?P<ag1>[A-Za-z][\w .&-]{1,24})\)|/(?P<ag2>[A-Za-z][\w .&-]{1,24})/|(?P<ag3>[A-Z]{3,}))"
# "BEIJING, April 12 (Xinhua) --", "MOSCOW, March 5. /TASS/.", "TBILISI. KAZINFORM –", "Suva:",
# "ALGIERS - Monday, 10 February 2025 (APS) -", "Ashgabat, 16 October 2026 (UzA) —"
_DATELINE = re.compile(
    rf"^{_PLACE}(?:\s*(?:,|\s[-–—])\s*{_DAY_MONTH})?(?:[.,]?\s*{_AGENCY})?\s*(?P<sep>--|—|–|-|:|\.)?\s*\.?\s+(?=\S)")
# a dateline on a line of its own: "BAKU, Azerbaijan, April 17", "Lima, 13 March 2025"
_DATELINE_LINE = re.compile(rf"^{_PLACE},\s*{_DAY_MONTH}\s*$")
# "February 6, 2025 – Ottawa, Ontario – Global Affairs Canada"
_DATE_FIRST_LINE = re.compile(rf"^\s*{_DAY_MONTH}\s*[–—-]\s*(?P<rest>.+)$")
_PUBLISHED_ON = re.compile(rf"\b(?:was|were|is)\s+(?:first\s+)?(?:published|released|issued|posted)\b[^.]*?.{{0,120}}?\bon\s+{_DAY_MONTH}")
# Lines that carry no facts of the article: links, tags, credits, contact blocks.
_BOILERPLATE = re.compile(
    r"^\s*[(\[]?\s*(?:read more\b|read also\b|also read\b|related(?:\s+\w+)?\s*:?\s*$|related\s*:|follow\s+(?:us|the|[A-Z]\w*\s+on)\b|"
    r"like us\b|tags?\s*:|source\s*:|photo\b|courtesy\b|copyright\b|©|contacts?\s*:?\s*$|media contacts\b|"
    r"media relations\b|press contacts\b|inquiries\b|enquiries\b|associated links\b|more news\b|web editor\b|"
    r"editor\s*:|editing by\b|reporting by\b|published in the\b|share this\b|print this\b|subscribe\b)", re.I)
_CONTACT_BLOCK = re.compile(r"^\s*(?:contacts?|media contacts|press contacts|inquiries|enquiries)\s*:?\s*$", re.I)
_ITEM = re.compile(r"^\s*(?:[-•*–·▪]|\d{1,2}[.)](?=\s)|\(\d{1,2}\)|\([a-z]\)|[IVX]{1,4}\.(?=\s))\s*")
_WS_SPLIT = re.compile(r"\S(?:.*?\S)?(?=\s{3,}|\s*$)")
_WS_CELLS = re.compile(r"\S(?:.*?\S)?(?=\s{2,}|\s*$)")
# A sentence may end after . ! ? (and closing quotes or brackets) followed by space.
_BOUNDARY = re.compile(r"[.!?]+[\"”’')\]]*(?=\s+[\"“‘(\[]?[A-Z0-9\u00C0-\u024F\u0400-\u04FF])")
_WORD_BEFORE = re.compile(r"([\w.'’-]+)$")


@dataclass(frozen=True)
class Cell:
    """One cell of a table row: its pieces of text (a cell may wrap over lines) and its column header."""

    spans: tuple[tuple[int, int], ...]
    header: str


@dataclass(frozen=True)
class Sentence:
    index: int
    begin: int
    end: int
    text: str
    paragraph: int
    kind: str = "text"             # text | item | row | heading | header | boilerplate
    cells: tuple[Cell, ...] = ()   # table rows only
    ref: dt.date | None = None     # the day "today", "on Tuesday" are counted from
    section: int = 0


@dataclass(frozen=True)
class Dateline:
    place: str                     # "BEIJING", "Ottawa, Ontario"
    date: dt.date | None
    agency: str | None             # "Xinhua", "TASS"
    begin: int
    end: int


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
    dateline: Dateline | None = None
    sources: list[str] = field(default_factory=list)   # agencies and issuing offices named in the header


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


_DATE_LABEL = re.compile(r"^\s*(?:published|posted|updated|released|issued|date|dated)(?:\s+on)?\s*:?\s*", re.I)


def _standalone_date(line: str) -> dt.date | None:
    line = _DATE_LABEL.sub("", line, count=1)      # "Published: 05.03.2024", "Posted on 12 March 2024"
    for pattern, kind in _STANDALONE_DATES:
        match = pattern.match(line)
        if match and len(line) < 60:
            return parse_date_parts(kind, match.groups())
    return None


def _day_month(match: re.Match, year_hint: dt.date | None) -> dt.date | None:
    """The date of a _DAY_MONTH match; without a year, the year of the hint (the year before when
    that would put the day well after the hint)."""
    day = match.group("d1") or match.group("d2")
    month = match.group("m1") or match.group("m2")
    if not day or not month:
        return None
    year = match.group("y")
    if year:
        y = int(year)
    elif year_hint:
        y = year_hint.year
    else:
        return None
    try:
        date = dt.date(y, MONTHS[month.lower()], int(day))
    except ValueError:
        return None
    if not year and year_hint and date > year_hint + dt.timedelta(days=7):
        date = date.replace(year=y - 1)
    return date


def split_sentences(text: str, offset: int = 0, paragraph: int = 0, start_index: int = 0) -> list[Sentence]:
    """Split one paragraph into sentences, keeping initials ("Ch. Bekov") and abbreviations whole."""
    sentences: list[Sentence] = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        stop = match.end()
        if match.group().rstrip("\"”’')]") == ".":
            before = _WORD_BEFORE.search(text, max(0, match.start() - 40), match.start())
            word = before.group(1) if before else ""
            bare = word.lstrip("(").rstrip(".").lower()
            if bare in ABBREVIATIONS or re.fullmatch(r"\(?[A-Z][a-z]?", word) or \
                    re.fullmatch(r"(?:[A-Za-z]\.)+[A-Za-z]", word):
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


@dataclass
class _Line:
    begin: int          # offset of the first non-blank character
    text: str           # stripped
    raw: str            # as written, without the line end
    raw_begin: int


def _lines(text: str) -> list[_Line]:
    out, position = [], 0
    for raw in text.splitlines(keepends=True):
        body = raw.rstrip("\r\n")
        stripped = body.strip()
        if stripped:
            out.append(_Line(position + len(body) - len(body.lstrip()), stripped, body, position))
        else:
            out.append(_Line(position, "", body, position))
        position += len(raw)
    return out


def _is_body(line: str) -> bool:
    """A line of running text, not a header: long enough and ending like a sentence."""
    words = line.split()
    return len(words) >= 10 and (line[-1] in ".!?:;\"”" or line.endswith(".)") or bool(_BOUNDARY.search(line)))


def _is_heading(line: str) -> bool:
    return len(line.split()) <= 16 and line[-1] not in ".!?:;\"”,"


def _dateline_at(line: str, year_hint: dt.date | None, strong: bool = False,
                 is_title: Callable[[str], bool] | None = None):
    """(length of the dateline, Dateline fields) when the paragraph opens with a dispatch dateline;
    `strong`: only a dateline with a date, an agency or a place in capitals (a headline such as
    "Name: what was said" is not one)."""
    match = _DATELINE.match(line)
    if not match or line.upper() == line:
        return None
    place = match.group("place")
    has_date = bool(match.group("d1") or match.group("d2"))
    agency = match.group("ag1") or match.group("ag2") or match.group("ag3")
    sep = match.group("sep")
    if not (has_date or agency) and not (sep in {"--", "—", "–", "-"} and (place.isupper() or len(place.split()) <= 3)) \
            and not (sep == ":" and (place.isupper() or len(place.split()) <= 2)):
        return None
    if sep == "." and not (has_date or agency):
        return None
    if not place.split(",")[0].replace(" ", "").replace("-", "").replace(".", "").isalpha():
        return None
    if strong and not (has_date or agency or place.isupper()):
        return None
    if is_title is not None and not (has_date or agency or place.isupper()) and is_title(place):
        return None       # "Deputy Prime Minister – Minister of ...": a title, not a place
    date = _day_month(match, year_hint) if has_date else None
    return match.end(), place, date, agency


def _ws_columns(line: _Line, pattern: re.Pattern = _WS_SPLIT) -> list[tuple[int, int]]:
    """Fields of a line of a table laid out with runs of spaces, as absolute offsets."""
    return [(line.raw_begin + m.start(), line.raw_begin + m.end()) for m in pattern.finditer(line.raw)]


def parse_article(text: str, article_id: str, path: str = "",
                  is_title: Callable[[str], bool] | None = None) -> Article:
    """Parse article text; a missing date line leaves the date unknown. `is_title` (the lexicon's)
    tells a title before a dash ("Deputy Prime Minister – Minister of ...") from a dateline that
    gives only a place ("Suva –")."""
    article = Article(id=article_id, path=path, text=text)
    lines = _lines(text)
    header_dates: list[dt.date] = []
    # ---- header: date line, bylines, standalone dates, title, until the first line of running text
    body_from = len(lines)
    units: list[tuple[str, _Line]] = []      # (kind, line) in order; kind: header | body
    for number, line in enumerate(lines):
        if not line.text:
            continue
        match = _DATE_LINE.match(line.raw)
        if match and not units and article.date is None and not article.authors:
            if match.group("date").lower() != "unknown":
                article.date = _standalone_date(match.group("date"))
            by = re.search(r"\bBy\s+(.+)$", match.group("rest"))
            if by:
                article.authors.append(by.group(1).strip())
            units.append(("date", line))
            continue
        byline = _BYLINE.match(line.text)
        if byline:
            article.authors.append(byline.group("name").strip())
            if byline.group("agency"):
                article.sources.append(byline.group("agency").strip())
            continue
        if _is_body(line.text) or _dateline_at(line.text, None, strong=True):
            body_from = number
            break
        first = _DATE_FIRST_LINE.match(line.text)
        if first and (first.group("d1") or first.group("d2")) and len(line.text.split()) <= 14 \
                and first.group("rest")[:1].isalpha():
            date = _day_month(first, article.date)
            if date:
                header_dates.append(date)
            article.sources.append(first.group("rest"))
            article.dateline = article.dateline or Dateline(re.split(r"\s[–—-]\s", first.group("rest"))[0].strip(),
                                                            date, None, line.begin, line.begin + len(line.text))
            continue
        found = _standalone_date(line.text)
        if found:
            header_dates.append(found)
            continue
        own = _DATELINE_LINE.match(line.text)
        if own:
            article.dateline = Dateline(own.group("place"), _day_month(own, article.date), None,
                                        line.begin, line.begin + len(line.text))
            continue
        if line.text.lower().startswith("source:"):
            article.sources.append(line.text)
            continue
        units.append(("header", line))
    if article.date is None and header_dates:
        article.date = header_dates[0]

    # ---- body lines: classify into paragraphs, items, table rows, headings, boilerplate
    blocks: list[tuple[str, int, int, tuple[Cell, ...]]] = []   # (kind, begin, end, cells)
    section_dates: list[tuple[int, dt.date]] = []               # (from block number, date)
    header_cells: list[str] | None = None                        # the open pipe table's header
    ws_columns: list[int] | None = None                          # the open space-laid table's column starts
    ws_headers: list[str] = []
    boiler_rest = False
    number = body_from
    while number < len(lines):
        line = lines[number]
        number += 1
        if not line.text:
            header_cells = None
            continue
        t = line.text
        if re.match(r"^\s*source\s*:", t, re.I):
            article.sources.append(t)
        if boiler_rest or _BOILERPLATE.match(t):
            blocks.append(("boilerplate", line.begin, line.begin + len(t), ()))
            boiler_rest = boiler_rest or bool(_CONTACT_BLOCK.match(t))
            continue
        # a pipe table: the first row is its header; a Markdown rule under it ("|---|:---|") is no row
        if header_cells is not None and re.fullmatch(r"\|?\s*:?-{2,}:?\s*(?:\|\s*:?-{2,}:?\s*)*\|?", t):
            blocks.append(("boilerplate", line.begin, line.begin + len(t), ()))
            continue
        if t.count("|") >= 1 and " | " in t:
            pieces, start = [], 0
            for part in t.split("|"):
                stripped = part.strip()
                lead = len(part) - len(part.lstrip())
                pieces.append((line.begin + start + lead, line.begin + start + lead + len(stripped)))
                start += len(part) + 1
            if t.startswith("|"):
                pieces = pieces[1:]          # "| a | b |": the outer bars open and close the row
            if t.endswith("|") and pieces:
                pieces = pieces[:-1]
            if header_cells is None:
                header_cells = [text[b:e] for b, e in pieces]
                blocks.append(("heading", line.begin, line.begin + len(t), ()))
                continue
            cells = tuple(Cell(((b, e),), header_cells[k] if k < len(header_cells) else "")
                          for k, (b, e) in enumerate(pieces))
            blocks.append(("row", line.begin, line.begin + len(t), cells))
            continue
        header_cells = None
        # a table laid out with spaces: a header line of fields, rows, indented continuation lines
        fields = _ws_columns(line)
        if ws_columns is None and len(fields) >= 2 and number < len(lines) and len(_ws_columns(lines[number])) >= 2:
            ws_columns = [b - line.raw_begin for b, _ in fields]
            ws_headers = [text[b:e] for b, e in fields]
            blocks.append(("heading", line.begin, line.begin + len(t), ()))
            continue
        if ws_columns is not None:
            fields = _ws_columns(line, _WS_CELLS)
            indented = line.raw[:1].isspace()
            wraps = number < len(lines) and lines[number].raw[:1].isspace() and bool(lines[number].text)
            if len(fields) >= 2 or indented or wraps:
                def column(offset: int) -> int:
                    return max([k for k, c in enumerate(ws_columns) if c <= offset - line.raw_begin + 2] or [0])
                spans: dict[int, list[tuple[int, int]]] = {}
                for b, e in fields:
                    spans.setdefault(column(b), []).append((b, e))
                if indented and blocks and blocks[-1][0] == "row":
                    kind, begin, _, old = blocks[-1]
                    merged = [list(c.spans) for c in old]
                    for k, found in spans.items():
                        while len(merged) <= k:
                            merged.append([])
                        merged[k].extend(found)
                    cells = tuple(Cell(tuple(s), ws_headers[k] if k < len(ws_headers) else "")
                                  for k, s in enumerate(merged))
                    blocks[-1] = ("row", begin, line.begin + len(t), cells)
                    continue
                cells = tuple(Cell(tuple(spans.get(k, ())), ws_headers[k] if k < len(ws_headers) else "")
                              for k in range(max(len(ws_headers), max(spans) + 1)))
                blocks.append(("row", line.begin, line.begin + len(t), cells))
                continue
            ws_columns = None
        found = _standalone_date(t)
        if found and len(t.split()) <= 6:
            section_dates.append((len(blocks), found))
            continue
        first = _DATE_FIRST_LINE.match(t)
        if first and (first.group("d1") or first.group("d2")) and len(t.split()) <= 14 and first.group("rest")[:1].isalpha():
            date = _day_month(first, article.date)
            if date:
                section_dates.append((len(blocks), date))
            article.sources.append(first.group("rest"))
            if article.dateline is None:
                article.dateline = Dateline(first.group("rest").split("–")[0].split("—")[0].strip(" -"), date, None,
                                            line.begin, line.begin + len(t))
            continue
        own = _DATELINE_LINE.match(t)
        if own:
            date = _day_month(own, article.date)
            if number >= len(lines) - 3 or all(not x.text for x in lines[number:]):
                if article.date is None and date:      # "Lima, 13 March 2025" signing off a release
                    article.date = date
                if article.dateline is None:
                    article.dateline = Dateline(own.group("place"), date, None, line.begin, line.begin + len(t))
            elif article.dateline is None:
                article.dateline = Dateline(own.group("place"), date, None, line.begin, line.begin + len(t))
            continue
        if _ITEM.match(t):
            blocks.append(("item", line.begin, line.begin + len(t), ()))
            continue
        if _is_heading(t) and not _dateline_at(t, None):
            blocks.append(("heading", line.begin, line.begin + len(t), ()))
            continue
        blocks.append(("text", line.begin, line.begin + len(t), ()))

    # a footer sign-off dates an undated release ("Published in the print edition, November 21st, 2024")
    if article.date is None:
        for kind, begin, end, _ in reversed(blocks):
            match = re.search(_DAY_MONTH, text[begin:end])
            if kind == "boilerplate" and match and match.group("y"):
                article.date = _day_month(match, None)
                break

    # ---- the dateline opens the first paragraph of running text
    for first_text in [k for k, b in enumerate(blocks) if b[0] == "text"][:3]:
        if article.dateline is not None:
            break
        kind, begin, end, _ = blocks[first_text]
        found = _dateline_at(text[begin:end], article.date, is_title=is_title)
        if found:
            length, place, date, agency = found
            article.dateline = Dateline(place, date, agency, begin, begin + length)
            if agency:
                article.sources.append(agency)
            blocks[first_text] = (kind, begin + length, end, ())
    if article.date is None and article.dateline and article.dateline.date and article.dateline.date.year:
        match = re.search(r"\d{4}", text[article.dateline.begin:article.dateline.end])
        if match:
            article.date = article.dateline.date

    # ---- reference dates: the dateline's day, a section's date, else the publication date
    base = article.date
    if article.dateline and article.dateline.date and (
            base is None or abs((article.dateline.date - base).days) <= 3):
        base = article.dateline.date
    for kind, begin, end, _ in blocks[:4]:
        match = _PUBLISHED_ON.search(text[begin:end])
        if kind == "text" and match:
            date = _day_month(match, base)
            if date and base and 0 <= (base - date).days <= 10:
                base = date
            break

    paragraph = 0
    for kind, line in units:
        if kind != "header":
            continue
        words = line.text.split()
        if article.title is None and len(words) >= 5 and line.text[-1] not in ".!?\"”:" and len(line.text) < 250:
            article.title = line.text
        for s in split_sentences(line.text, line.begin, paragraph, len(article.sentences)):
            article.sentences.append(_with(s, "header", (), base, 0))
        paragraph += 1
    section, ref = 0, base
    dates = dict(section_dates)
    for number, (kind, begin, end, cells) in enumerate(blocks):
        if number in dates:
            section, ref = section + 1, dates[number]
        chunk = text[begin:end]
        if not chunk.strip():
            continue
        if kind in {"text", "heading"} and article.title is None and kind == "heading" and len(chunk.split()) >= 3 \
                and not article.sentences:
            article.title = chunk.strip()
        if kind == "text":
            for s in split_sentences(chunk, begin, paragraph, len(article.sentences)):
                article.sentences.append(_with(s, kind, (), ref, section))
        else:
            lead = len(chunk) - len(chunk.lstrip())
            stripped = chunk.strip()
            s = Sentence(len(article.sentences), begin + lead, begin + lead + len(stripped), stripped, paragraph)
            article.sentences.append(_with(s, kind, cells, ref, section))
        paragraph += 1
    return article


def _with(s: Sentence, kind: str, cells: tuple, ref: dt.date | None, section: int) -> Sentence:
    return Sentence(s.index, s.begin, s.end, s.text, s.paragraph, kind, cells, ref, section)


def read_article(path: Path, is_title: Callable[[str], bool] | None = None) -> Article:
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
    article = parse_article(text, path.stem, str(path), is_title)
    if not article.sentences:
        raise ArticleError(path, "has no text after its header")
    return article
