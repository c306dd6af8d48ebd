"""Dates in text, resolved against the sentence's reference date (dateline, section or publication).

"on December 21" takes the year of the reference (or the year before when that would fall well
after it); "on Tuesday" and "this Thursday" the last such day on or before it, "last Tuesday" the
one before; "Wednesday 12" the 12th of the reference month; "yesterday", "today", "this morning"
count from the reference. Words that place an event against the one told before ("the same day",
"earlier in the day", "the next day", "the evening before", "on the eve of") come back as offsets
from that event. Without a reference date, relative dates stay unknown.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from ..article import MONTHS

WEEKDAY_INDEX = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = "|".join(WEEKDAY_INDEX)
FULL = re.compile(rf"\b(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?({_MONTH})\.?|({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(\d{{4}}))?\b", re.I)
WEEKDAY_DAY = re.compile(rf"\b({_WEEKDAY}),?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b(?!\s*(?:{_MONTH}|,?\s*\d{{4}}|%|per|million|billion))", re.I)
RELATIVE = re.compile(rf"\b(?:(last|this|past)\s+)?(yesterday|today|tonight|{_WEEKDAY})\b(?:\s+(morning|afternoon|evening|night))?", re.I)
THIS_PART = re.compile(r"\bthis\s+(morning|afternoon|evening)\b", re.I)
YEAR = re.compile(r"\b(?:in|since|from|of)\s+((?:19|20)\d\d)\b")
# placed against the event told before: (pattern, days after it)
NARRATIVE = [
    (re.compile(r"\b(?:the\s+)?(?:previous|preceding)\s+day\b|\bthe\s+day\s+before\b|\b(?:the\s+)?(?:evening|night)\s+before\b|\bon\s+the\s+eve\b|\bthe\s+eve\s+of\b", re.I), -1),
    (re.compile(r"\b(?:the\s+)?(?:next|following)\s+day\b|\bthe\s+day\s+after\b", re.I), 1),
    (re.compile(r"\b(?:the\s+)?same\s+day\b|\b(?:earlier|later)\s+(?:in|on)\s+the\s+day\b|\b(?:earlier|later)\s+that\s+day\b|"
                r"\bin\s+the\s+(?:afternoon|evening|morning)\b|\bthat\s+(?:day|evening|afternoon)\b|\bon\s+the\s+sidelines\b|"
                r"\bon\s+the\s+margins\b|\b(?:after|following)\s+the\s+(?:talks|consultations|meeting|ceremony|session|summit)\b", re.I), 0),
]


@dataclass(frozen=True)
class DateMention:
    begin: int
    end: int
    date: dt.date | None        # None: an offset from the event told before
    offset: int | None = None   # days after that event
    kind: str = "day"           # day | relative | narrative


def day_dates(text: str, published: dt.date | None) -> list[tuple[int, int, dt.date]]:
    """Every day the text pins, as (begin, end, date) with offsets into `text`."""
    return [(m.begin, m.end, m.date) for m in mentions(text, published) if m.date is not None]


def mentions(text: str, ref: dt.date | None) -> list[DateMention]:
    """Every date expression of the text, absolute or relative to the reference or the event before."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []
    for m in FULL.finditer(text):
        day = m.group(1) or m.group(4)
        month = MONTHS[(m.group(2) or m.group(3)).lower()]
        year = m.group(5)
        if year:
            y = int(year)
        elif ref:
            y = ref.year
        else:
            continue
        try:
            date = dt.date(y, month, int(day))
        except ValueError:
            continue
        if not year and ref and date > ref + dt.timedelta(days=7):
            date = date.replace(year=y - 1)
        found.append(DateMention(m.start(), m.end(), date))
        taken.append((m.start(), m.end()))
    if ref:
        for m in WEEKDAY_DAY.finditer(text):
            if any(b <= m.start() < e for b, e in taken):
                continue
            day = int(m.group(2))
            date = _day_of_month(ref, day)
            if date is not None:
                found.append(DateMention(m.start(), m.end(), date, kind="relative"))
                taken.append((m.start(), m.end()))
        for m in RELATIVE.finditer(text):
            if any(b <= m.start() < e for b, e in taken):
                continue
            which, word = (m.group(1) or "").lower(), m.group(2).lower()
            if word == "yesterday":
                date = ref - dt.timedelta(days=1)
            elif word in {"today", "tonight"}:
                date = ref
            else:
                back = (ref.weekday() - WEEKDAY_INDEX[word]) % 7
                if which == "last" and back == 0:
                    back = 7
                date = ref - dt.timedelta(days=back)
            found.append(DateMention(m.start(), m.end(), date, kind="relative"))
            taken.append((m.start(), m.end()))
        for m in THIS_PART.finditer(text):
            if not any(b <= m.start() < e for b, e in taken):
                found.append(DateMention(m.start(), m.end(), ref, kind="relative"))
    for pattern, offset in NARRATIVE:
        for m in pattern.finditer(text):
            if not any(b <= m.start() < e for b, e in taken):
                found.append(DateMention(m.start(), m.end(), None, offset, kind="narrative"))
    return sorted(found, key=lambda d: d.begin)


def _day_of_month(ref: dt.date, day: int) -> dt.date | None:
    """'Wednesday 12': the 12th of the reference month, or of the month before when that is later."""
    try:
        date = ref.replace(day=day)
    except ValueError:
        return None
    if date > ref + dt.timedelta(days=3):
        first = ref.replace(day=1) - dt.timedelta(days=1)
        try:
            date = first.replace(day=day)
        except ValueError:
            return None
    return date


def years(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(1), m.end(1), m.group(1)) for m in YEAR.finditer(text)]
