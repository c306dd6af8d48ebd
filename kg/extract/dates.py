"""Dates in text, resolved against the article's publication date.

"on December 21" takes the year of the date line (or the year before when that would fall
after publication); "on Tuesday" the last Tuesday on or before publication; "yesterday" and
"today" count from publication. Without a publication date, relative dates stay unknown.
"""
from __future__ import annotations

import datetime as dt
import re

from ..article import MONTHS

WEEKDAY_INDEX = {d: i for i, d in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
FULL = re.compile(rf"\b(?:(\d{{1,2}})\s+({_MONTH})|({_MONTH})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?)(?:,?\s+(\d{{4}}))?\b", re.I)
RELATIVE = re.compile(r"\b(?:on\s+)?(yesterday|today|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)
YEAR = re.compile(r"\b(?:in|since|from|of)\s+((?:19|20)\d\d)\b")


def day_dates(text: str, published: dt.date | None) -> list[tuple[int, int, dt.date]]:
    """Every day the text pins, as (begin, end, date) with offsets into `text`."""
    found = []
    for m in FULL.finditer(text):
        day = m.group(1) or m.group(4)
        month = MONTHS[(m.group(2) or m.group(3)).lower()]
        year = m.group(5)
        if year:
            y = int(year)
        elif published:
            y = published.year
        else:
            continue
        try:
            date = dt.date(y, month, int(day))
        except ValueError:
            continue
        if not year and published and date > published + dt.timedelta(days=1):
            date = date.replace(year=y - 1)
        found.append((m.start(), m.end(), date))
    if published:
        for m in RELATIVE.finditer(text):
            word = m.group(1).lower()
            if word == "yesterday":
                date = published - dt.timedelta(days=1)
            elif word == "today":
                date = published
            else:
                back = (published.weekday() - WEEKDAY_INDEX[word]) % 7
                date = published - dt.timedelta(days=back)
            found.append((m.start(), m.end(), date))
    return sorted(found)


def years(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(1), m.end(1), m.group(1)) for m in YEAR.finditer(text)]
