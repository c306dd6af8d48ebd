"""Meetings: who met whom, when, where, of what kind, on which topics.

A sentence with two or more people and a meeting word makes a meeting; one that only adds
people ("X also attended the meeting") joins the last meeting; one with a meeting word and no
people dates or places the last meeting. A visit by one person to a state becomes a meeting with
that state's holder of the same post, when the article names exactly one.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from ..facts import Meeting, Person
from ..lexicon import Lexicon
from .dates import day_dates, years
from .sentence import Analysed

# most specific kind first
KIND_ORDER = ["CredentialsPresentation", "PhoneCall", "VideoConference", "Summit", "PoliticalConsultations",
              "StateVisit", "OfficialVisit", "WorkingVisit", "Visit", "Reception", "Talks"]
NEW_EVENT_CUES = {"sidelines", "bilateral", "separate", "separately"}
REPORT_BEFORE_DATE = ("reported", "said", "announced", "told", "informed", "established", "reports", "published")


@dataclass
class SentenceView:
    a: Analysed
    people: list[tuple[Person, int, int]]
    events: list = field(default_factory=list)    # (start, end, [EventWord])


def _kind(kinds: set[str], current: str = "Meeting") -> str:
    for kind in KIND_ORDER:
        if kind in kinds or kind == current:
            return kind
    return current


def _meeting_date(view: SentenceView, published: dt.date | None) -> dt.date | None:
    text = view.a.sentence.text
    for begin, end, date in day_dates(text, published):
        before = text[max(0, begin - 25):begin].lower()
        if any(word in before for word in REPORT_BEFORE_DATE):
            continue
        if published and not (published - dt.timedelta(days=400) <= date <= published + dt.timedelta(days=1)):
            continue
        return date
    return None


def _place(view: SentenceView) -> str | None:
    a = view.a
    for i, token in enumerate(a.tokens):
        if token.fold in {"in", "to"} and i + 1 < len(a.tokens):
            j = i + 1
            label = a.labels[a.covered[j]]
            if a.covered[j] == j and label.kind == "state":
                nxt = label.end
                if nxt < len(a.tokens) and a.labels[a.covered[nxt]].kind in {"name", "body", "portfolio"}:
                    continue
                mention = label.values[0]
                if mention.form in {"city", "capital"}:
                    return f"city:{a.text(j, nxt)}|{mention.state}"
                if mention.form != "demonym":
                    return mention.state
    return None


def _topics(view: SentenceView, lexicon: Lexicon) -> set[str]:
    return {topic for _, _, values in lexicon.topic_index.find_all(view.a.tokens) for topic in values}


def read_meetings(views: list[SentenceView], lexicon: Lexicon, published: dt.date | None,
                  everyone: list[Person]) -> list[Meeting]:
    meetings: list[Meeting] = []
    last_touch: dict[str, int] = {}
    visits: list[tuple[Person, str, str, int]] = []
    pending: dict = {}           # date, place, kind from a sentence that names no meeting yet
    active: list[Meeting] = []   # meetings touched in the last 20 sentences, oldest first

    def touch(meeting: Meeting, view: SentenceView, kinds: set[str]) -> None:
        index = view.a.sentence.index
        if index not in meeting.sentences:
            meeting.sentences.append(index)
        meeting.kind = _kind(kinds, meeting.kind)
        date = _meeting_date(view, published)
        if date and not meeting.date:
            meeting.date = date.isoformat()
        place = _place(view)
        if place and not meeting.place:
            meeting.place = place
        for topic in sorted(_topics(view, lexicon)):
            if topic not in meeting.topics:
                meeting.topics.append(topic)
        last_touch[meeting.key] = index

    for view in views:
        a = view.a
        index = a.sentence.index
        types = {ev.event for _, _, values in view.events for ev in values}
        kinds = {ev.kind for _, _, values in view.events for ev in values if ev.kind}
        people: list[Person] = []
        for person, _, _ in view.people:
            if person not in people:
                people.append(person)
        meetingish = bool(types & {"meet", "receive", "visit", "anchor"}) or (
            "attend" in types and bool(pending) and index - pending["index"] <= 2)   # "It was attended by A, B, C"
        words = {t.fold for t in a.tokens}
        active = [m for m in active if index - last_touch[m.key] <= 20]     # bounded: keeps this linear
        recent = [m for m in active if index - last_touch[m.key] <= 6]
        historical = published is not None and any(int(y) < published.year for _, _, y in years(a.sentence.text))
        just_now = [m for m in recent if index - last_touch[m.key] <= 2]
        if people and "attend" in types and recent and (types & {"anchor", "meet"} or "meeting" in words or just_now) \
                and not (words & NEW_EVENT_CUES) and not historical:
            target = recent[-1]
            for person in people:
                if person.key not in target.participants:
                    target.participants.append(person.key)
            touch(target, view, kinds)
        elif len(people) >= 2 and meetingish:
            keys = [p.key for p in people]
            hosts, guests = _hosts(view, people)
            target = None
            if not (words & NEW_EVENT_CUES):
                for meeting in reversed(active):
                    a_set, b_set = set(meeting.participants), set(keys)
                    if a_set <= b_set or b_set <= a_set:
                        date = _meeting_date(view, published)
                        if not (date and meeting.date and meeting.date != date.isoformat()):
                            target = meeting
                            break
            if target is None:
                target = Meeting(key=f"m{len(meetings)}", participants=[])
                dated = [m for m in active if m.date]
                if dated and ("same day" in a.sentence.text.lower() or "sidelines" in words):
                    target.date = dated[-1].date        # "On the same day, ...", "on the sidelines of ..."
                if pending and index - pending["index"] <= 2:
                    target.date = target.date or pending.get("date")
                    target.place = pending.get("place")
                    target.kind = _kind(pending.get("kinds", set()), target.kind)
                    target.sentences.append(pending["index"])
                pending = {}
                meetings.append(target)
                active.append(target)
            for key in keys:
                if key not in target.participants:
                    target.participants.append(key)
            for key in hosts:
                if key not in target.hosts:
                    target.hosts.append(key)
            for key in guests:
                if key not in target.guests and key not in target.hosts:
                    target.guests.append(key)
            touch(target, view, kinds)
        elif not people and meetingish and recent and not (words & NEW_EVENT_CUES):
            touch(recent[-1], view, kinds)
        elif len(people) < 2 and types & {"anchor", "meet"} and not recent and not historical:
            # "The ninth trilateral meeting ... was held in Baku on May 26": the people come next
            date = _meeting_date(view, published)
            pending = {"index": index, "date": date.isoformat() if date else None, "place": _place(view),
                       "kinds": kinds}
        if len(people) == 1 and "visit" in types:
            destination = _place(view)
            if destination:
                state = destination.split("|")[-1]
                visit_kind = _kind(kinds, "Visit")
                visits.append((people[0], state, visit_kind, index))

    holders: dict[tuple, list[Person]] = {}
    if visits:
        for person in everyone:
            holders.setdefault((_head(person), _state(person)), []).append(person)
    for guest, state, kind, index in visits:
        role = _head(guest)
        if not role or _state(guest) == state:
            continue
        hosts = [p for p in holders.get((role, state), []) if p is not guest]
        if len(hosts) != 1:
            continue
        host = hosts[0]
        if any({host.key, guest.key} <= set(m.participants) for m in meetings):
            continue
        meeting = Meeting(key=f"m{len(meetings)}", participants=[guest.key, host.key], hosts=[host.key],
                          guests=[guest.key], kind=kind, place=state, sentences=[index])
        meetings.append(meeting)
    return [m for m in meetings if len(m.participants) >= 2]


def _head(person: Person) -> str | None:
    for post in person.posts:
        return post.role
    return None


def _state(person: Person) -> str | None:
    for post in person.posts:
        if post.state:
            return post.state
    return person.state


def _hosts(view: SentenceView, people: list[Person]) -> tuple[list[str], list[str]]:
    """Who received whom: 'A received B' -> host A; 'B was received by A' -> host A."""
    a = view.a
    for start, end, values in view.events:
        if not any(v.event == "receive" for v in values):
            continue
        passive = start > 0 and a.tokens[start - 1].fold in {"was", "were", "been"}
        before = [p.key for p, s, _ in view.people if s < start]
        after = [p.key for p, s, _ in view.people if s >= end]
        hosts, guests = (after, before) if passive else (before, after)
        if hosts and guests:
            return _unique(hosts), _unique(guests)
    return [], []


def _unique(keys: list[str]) -> list[str]:
    out: list[str] = []
    for key in keys:
        if key not in out:
            out.append(key)
    return out
