"""Meetings: who met whom, when, where, of what kind, on which topics.

A sentence with two or more people and a meeting word makes a meeting, unless the word is
future ("will meet", "is scheduled to meet"), a bare memory ("last met in 2019", "first met"), or
the people are only named in greetings, messages or invitations. A sentence that lists who else
took part ("also attended", "joined the talks", "the Turkish delegation included", "in the
presence of", "Attending on the Japanese side were") adds them to the meeting it speaks of (by its
kind: the talks, the call, the summit) or to the last one; one that describes a meeting without
naming two people ("The trilateral meeting was held in Ashgabat yesterday") waits for the next
sentences to name them. Dates come from the sentence (against its reference date), from words
that place it against the event told before ("the same day", "the evening before", "on the
sidelines"), or from the story so far. A visit by one person to a state becomes a meeting with
that state's holder of the same post, when the article names exactly one.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..facts import Meeting, Person
from ..lexicon import Lexicon
from .dates import mentions, years
from .sentence import Analysed

# most specific kind first
KIND_ORDER = ["CredentialsPresentation", "PhoneCall", "VideoConference", "Summit", "PoliticalConsultations",
              "StateVisit", "OfficialVisit", "WorkingVisit", "Visit", "Reception", "Talks"]
NEW_EVENT_CUES = {"sidelines", "margins", "separate", "separately", "earlier", "later", "afternoon",
                  "evening", "morning", "next", "eve", "night", "meanwhile"}
# words that tell a meeting apart from the one before, even with the same people
SEPARATE = {"earlier", "later", "evening", "afternoon", "next", "eve", "night", "sidelines", "margins",
            "separate", "separately"}
REPORT_BEFORE_DATE = ("reported", "said", "announced", "told", "informed", "established", "reports", "published",
                      "briefing", "statement", "issued", "wrote", "press conference")
FUTURE_BEFORE = {"will", "would", "shall", "scheduled", "due", "expected", "plans", "planned", "plan", "intends",
                 "intend", "invited", "invite", "invites", "invitation", "hopes", "hope", "agreed", "proposed",
                 "going", "may", "might", "could", "should", "ready", "wants", "wanted", "looks", "forward",
                 "convene", "convening", "next", "upcoming", "forthcoming", "future", "prepare", "preparations",
                 "directed", "instructed", "tasked", "urged", "asked"}
PAST_MARKS = re.compile(r"\blast\s+(?:year|spring|summer|autumn|fall|winter)\b|\bearlier\s+this\s+year\b|"
                        r"\b(?:weeks|months|years|decades)\s+ago\b|\bin\s+the\s+past\b", re.I)
RELATIVE = re.compile(r",\s+(?:who|whose|whom|which)\b")
PAST_SOON = re.compile(r"\blast\s+(?:week|month)\b|\bearlier\s+this\s+(?:week|month)\b|\b(?:days|weeks)\s+ago\b", re.I)
PAST_BEFORE = {"last", "first", "previously", "once", "recalled", "recalling", "since"}
NOT_PRESENT = {("greetings", "of"), ("greetings", "from"), ("message", "from"), ("messages", "from"),
               ("letter", "from"), ("invitation", "of"), ("invitation", "from"), ("behalf", "of"),
               ("wishes", "of"), ("regards", "of")}
ANCHOR_FAMILY = {"talks": "Talks", "meeting": "Talks", "session": "Talks", "consultations": "Talks",
                 "conversation": "Talks", "discussion": "Talks", "plenary": "Talks", "breakfast": "Talks",
                 "lunch": "Talks", "dinner": "Talks", "format": "Talks", "round": "Talks",
                 "call": "Call", "phone": "Call", "video": "Call", "summit": "Summit", "reception": "Reception",
                 "audience": "Reception", "ceremony": "Reception", "credentials": "CredentialsPresentation"}
FAMILY_KINDS = {"Talks": {"Talks", "PoliticalConsultations", "OfficialVisit", "StateVisit", "WorkingVisit", "Visit",
                          "Meeting", "Summit"},
                "Call": {"PhoneCall", "VideoConference"}, "Summit": {"Summit"},
                "Reception": {"Reception", "Talks", "Meeting"}, "CredentialsPresentation": {"CredentialsPresentation"}}
MUTE_POSTS = {"Spokesperson"}
LISTING = {"included", "comprised", "comprising", "comprises", "comprise", "consisted"}       # a spokesperson reports a meeting and takes no part in it


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


def _mute(person: Person) -> bool:
    if not person.posts:
        return bool(person.occupation)
    return all((q.head in MUTE_POSTS or "spokes" in q.role.lower() or "press secretary" in q.role.lower()) for q in person.posts)


def _event_ok(a: Analysed, start: int, published: dt.date | None) -> bool:
    """A meeting word that reports a meeting of the article: not future, not a bare memory."""
    return _event_time(a, start) == "now"


def _event_time(a: Analysed, start: int) -> str:
    """'future' ("will meet", "to be held at the next meeting"), 'past' ("last met", "first met"),
    or 'now' for a meeting word that reports a meeting of the article."""
    tokens = a.tokens
    before = [t.fold for t in tokens[max(0, start - 7):start]]
    if any(w in FUTURE_BEFORE for w in before):
        return "future"
    if start > 0 and tokens[start - 1].fold == "to":
        return "future"                      # "to meet", "to visit": a purpose or a plan
    if any(w in PAST_BEFORE for w in before[-2:]):
        return "past"
    return "now"


ASIDE = re.compile(r",\s+(?:who|whose|whom|which)\b[^,;]*(?:,|$)|\([^()]*\)")


def _main_clause(a: Analysed, events: list) -> str:
    """The sentence without its asides ("X, who served as Minister of Finance from 2010 to 2014,",
    "(in 2019)") that hold no event word: what they date is not the event."""
    text = a.sentence.text
    at = [a.tokens[s].start for s, _, _ in events]
    out, last = [], 0
    for match in ASIDE.finditer(text):
        if any(match.start() <= x < match.end() for x in at):
            continue
        out.append(text[last:match.start()])
        last = match.end()
    out.append(text[last:])
    return " ".join(out)


def _historical(a: Analysed, ref: dt.date | None, text: str) -> bool:
    """The sentence (`text`: its main clause) tells of an earlier year ("in 2019", "in September
    2023", "then-President")."""
    if any(t.fold == "then" and k + 1 < len(a.tokens) and a.tokens[k + 1].text == "-" for k, t in enumerate(a.tokens)):
        return True
    if ref is None:
        return False
    if any(int(y) < ref.year for _, _, y in years(text)):
        return True
    return any(int(y) < ref.year for y in re.findall(r"\b(?:19|20)\d\d\b", text)) and " had " in f" {text} "


def _absent(view: SentenceView) -> set[str]:
    """People named only as senders of greetings and messages, or as invited to come."""
    a = view.a
    out: set[str] = set()
    tokens = a.tokens
    for k in range(len(tokens) - 1):
        pair = (tokens[k].fold, tokens[k + 1].fold)
        upcoming = tokens[k].fold in {"upcoming", "forthcoming", "planned", "future", "next", "expected", "coming"} \
            and k + 2 < len(tokens) and tokens[k + 1].fold in {"visit", "trip", "meeting"} and tokens[k + 2].fold == "of"
        sent = tokens[k].fold == "from" and any(t.fold in {"message", "messages", "greetings", "letter", "letters",
                                                             "congratulations", "telegram", "condolences", "wishes"}
                                                  for t in tokens[max(0, k - 8):k])
        planned_visit = pair in {("visit", "of"), ("trip", "of")} and bool(
            {t.fold for t in tokens} & {"planned", "will", "expected", "next", "upcoming", "forthcoming", "later"})
        if pair in NOT_PRESENT or upcoming or planned_visit or sent:
            stop = next((j for j in range(k + 2, len(tokens)) if tokens[j].text in {";", "."} or tokens[j].fold in {
                "while", "whereas"}), len(tokens))
            for person, start, _ in view.people:
                if k < start < stop:
                    out.add(person.key)
        if tokens[k].fold in {"invited", "invites", "invite"}:
            stop = next((j for j in range(k + 1, len(tokens)) if tokens[j].fold == "to"), None)
            if stop is not None:
                for person, start, _ in view.people:
                    if k < start < stop:
                        out.add(person.key)
    # "IGAD, whose Executive Secretary, Dr. Farah, visited Riyadh last month": an aside that tells
    # of another, earlier event; who is named in it is not at this one
    text = a.sentence.text
    for match in RELATIVE.finditer(text):
        rest = text[match.end():]
        stop = rest.find(";") if ";" in rest else len(rest)
        mark = PAST_SOON.search(rest[:stop]) or PAST_MARKS.search(rest[:stop])
        if mark:
            for person, start, _ in view.people:
                if match.start() <= tokens[start].start < match.end() + mark.start():
                    out.add(person.key)
    for person, _, _ in view.people:
        if _mute(person):
            out.add(person.key)
    return out


MONTHS_AND_DAYS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
                   "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
                   "december"}
SKIP_AFTER_VERB = {",", "this", "last", "today", "yesterday", "also", "then", "here", "there", "warmly", "jointly",
                   "officially", "separately", "cordially", "audience", "in", "morning", "evening", "afternoon", "night"}
PLACE_PREPOSITIONS = {"at", "in", "on", "during", "inside"}


def _receives_person(view: SentenceView, start: int, end: int) -> bool:
    """'A received B', 'B was received by A', 'A called on B': a person is received, not 'the outcome',
    'congratulatory messages' or 'the Security Council to act'."""
    a = view.a
    tokens = a.tokens
    n = len(tokens)
    if any(t.fold in {"was", "were", "been", "being"} for t in tokens[max(0, start - 2):start]) or (
            end < n and tokens[end].fold == "by"):
        return True
    starts = {st for _, st, _ in view.people}
    k = end
    while k < n and k not in starts and (tokens[k].fold in SKIP_AFTER_VERB - {"in"} or tokens[k].text[:1].isdigit()
                                         or tokens[k].fold in MONTHS_AND_DAYS or (
            tokens[k].fold == "in" and k + 1 < n and tokens[k + 1].fold == "audience")):
        k += 1
    if k >= n:
        return False

    def person_like(j: int) -> bool:
        return j < n and (j in starts or a.label(j).kind in {"post", "state"} or (
            a.label(j).kind == "portfolio" and tokens[j].cap) or tokens[j].fold in {
            "his", "her", "their", "copy", "copies", "credentials", "guest", "guests", "delegation", "delegations",
            "visitor", "visitors", "heads", "head", "members", "ambassadors"})

    if person_like(k):
        return True
    if tokens[k].fold in PLACE_PREPOSITIONS:
        stop = next((j for j in range(k, n) if tokens[j].text in {";", "."}), n)
        return any(k < st < stop for st in starts)
    if tokens[k].fold in {"the", "a", "an"}:
        return person_like(k + 1) or (k + 1 < n and tokens[k + 1].fold in {"newly", "new", "visiting", "incoming"})
    return False


def _family(words: set[str]) -> str | None:
    for word in ("credentials", "call", "phone", "video", "summit", "reception", "audience", "ceremony",
                 "talks", "consultations", "session", "meeting", "conversation", "discussion", "plenary",
                 "breakfast", "lunch", "dinner", "format"):
        if word in words:
            return ANCHOR_FAMILY[word]
    return None


def _date_of(view: SentenceView, anchor: dt.date | None, narrative: dt.date | None,
             verb_at: int | None) -> tuple[dt.date | None, str]:
    """The day of the event the sentence tells, and how it was found."""
    a = view.a
    text = a.sentence.text
    ref = a.sentence.ref
    found = mentions(text, ref)
    verb_char = a.tokens[verb_at].start if verb_at is not None and verb_at < len(a.tokens) else 0
    best, best_score, rule = None, None, ""
    report_only = None
    has_offset = None
    for m in found:
        if m.kind == "narrative":
            has_offset = has_offset if has_offset is not None else m.offset
            continue
        date = m.date
        if ref and not (ref - dt.timedelta(days=400) <= date <= ref + dt.timedelta(days=1)):
            continue
        before = text[max(0, m.begin - 28):m.begin].lower()
        if any(word in before for word in REPORT_BEFORE_DATE):
            # "X said on Wednesday, after holding talks with Y": the report's day is the talks' day
            if m.begin < verb_char and "after" in text[m.end:verb_char].lower().split():
                report_only = report_only or date
            elif has_offset is None and any(d.kind == "narrative" and d.offset == 0 for d in found):
                report_only = report_only or date
            continue
        clause = text[min(m.begin, verb_char):max(m.begin, verb_char)]
        score = abs(m.begin - verb_char) + (200 if ", who" in clause or ", which" in clause else 0)
        if best_score is None or score < best_score:
            best, best_score, rule = date, score, "D-" + m.kind
    if best is not None:
        return best, rule
    if has_offset is not None:
        if has_offset == 0 and report_only:
            return report_only, "D-report-day"       # "a statement issued on Friday ... the same day"
        base = anchor or narrative
        if base is not None:
            return base + dt.timedelta(days=has_offset), "D-narrative"
    if report_only is not None:
        return report_only, "D-report-day"
    return None, ""


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
                  everyone: list[Person], unused: list[dict] | None = None) -> list[Meeting]:
    meetings: list[Meeting] = []
    last_touch: dict[str, int] = {}
    visits: list[tuple[Person, str, str, int]] = []
    pending: dict = {}           # a meeting described before its people are named
    active: list[Meeting] = []   # meetings touched in the last 20 sentences, oldest first
    narrative: dt.date | None = None
    section = None
    previous_people: list[Person] = []
    seen_kinds: dict[str, set[str]] = {}

    def touch(meeting: Meeting, view: SentenceView, kinds: set[str], date: dt.date | None, rule: str) -> None:
        index = view.a.sentence.index
        seen_kinds.setdefault(meeting.key, set()).update(kinds)
        if index not in meeting.sentences:
            meeting.sentences.append(index)
        meeting.kind = _kind(kinds, meeting.kind)
        if date and not meeting.date:
            meeting.date = date.isoformat()
            meeting.why.setdefault("date", rule)
        place = _place(view)
        if place and not meeting.place:
            meeting.place = place
        for topic in sorted(_topics(view, lexicon)):
            if topic not in meeting.topics:
                meeting.topics.append(topic)
        last_touch[meeting.key] = index

    def add_people(meeting: Meeting, people: list[Person], rule: str) -> None:
        for person in people:
            if person.key not in meeting.participants:
                meeting.participants.append(person.key)
                meeting.why.setdefault("participant:" + person.key, rule)

    for view in views:
        a = view.a
        index = a.sentence.index
        if a.sentence.section != section:
            section, narrative, active, pending = a.sentence.section, None, [], {}
        if a.sentence.kind in {"boilerplate", "row", "header", "heading"}:
            continue
        ref = a.sentence.ref
        absent = _absent(view)
        people: list[Person] = []
        for person, _, _ in view.people:
            if person not in people and person.key not in absent:
                people.append(person)
        # "the talks held in Cairo between A and B": the people of the talks are those after "between"
        between = next((k for k in range(len(a.tokens)) if a.tokens[k].fold == "between" and any(
            s_ < k for s_, _, values in view.events if any(v.event == "anchor" for v in values))), None)
        if between is not None:
            after = [p for p, st, _ in view.people if st > between and p in people]
            if len(after) >= 2:
                people = [p for p in people if p in after]
        # "He was welcomed at the airport by ...": a pronoun opening the sentence is the subject before
        if a.tokens and a.tokens[0].fold in {"he", "she"} and previous_people and previous_people[0] not in people:
            people.insert(0, previous_people[0])
        times = [(s, e, values, _event_time(a, s)) for s, e, values in view.events]
        ok_events = [(s, e, values) for s, e, values, when in times if when == "now"]
        if unused is not None:
            named = {p.key: p.name for p, _, _ in view.people}
            muted = {p.key for p, _, _ in view.people if _mute(p)}
            for key in absent:
                unused.append({"sentence": index, "text": named.get(key, key),
                               "reason": "a spokesperson or a person with no post: reports or is named, takes no part"
                               if key in muted else "named as sender of greetings or a message, or invited: no part "
                                                    "in the meeting"})
            later = [when for _, _, values, when in [(s_, e_, v_, _event_time(a, s_)) for s_, e_, v_ in view.events]
                     if when != "now" and any(v.event in {"meet", "receive"} for v in values)]
            if later and len(view.people) >= 2:
                unused.append({"sentence": index, "text": a.sentence.text[:120],
                               "reason": f"a meeting in the {later[0]} (planned or remembered), not one the article reports"})
        types = set()
        any_visit = False
        for s_, e_, values in ok_events:
            for ev in values:
                written = a.text(s_, e_).lower()
                if ev.event == "visit":
                    any_visit = True
                    if written not in {"visited", "paid a visit", "made a visit"}:
                        continue      # "who is on an official visit": the kind of the meeting, not a meeting
                if ev.event == "receive" and not _receives_person(view, s_, e_):
                    continue          # "welcomed the outcome", "called on the Council to", "received messages"
                if ev.event == "attend" and written in LISTING and not any(
                        t.fold in {"delegation", "delegations", "side", "team", "format", "participants"}
                        for t in a.tokens[max(0, s_ - 7):s_]):
                    continue          # "which is included in the list": no one took part in anything
                types.add(ev.event)
            # "held a bilateral meeting", "held wide-ranging talks": the meeting noun with its verb
            if any(ev.event == "anchor" for ev in values) and (any(
                    t.fold in {"held", "had", "hold", "holds", "holding", "conducted", "co-chaired", "chaired"}
                    for t in a.tokens[max(0, s_ - 4):s_]) or any(t.fold == "held" for t in a.tokens[e_:e_ + 2])):
                types.add("meet")
        all_types = {ev.event for _, _, values in view.events for ev in values}
        kinds = {ev.kind for _, _, values in ok_events for ev in values if ev.kind}
        words = {t.fold for t in a.tokens}
        main_clause = _main_clause(a, view.events)
        historical = _historical(a, ref, main_clause) or bool(PAST_MARKS.search(main_clause)) or any(
            when == "past" and any(v.event in {"meet", "receive", "anchor"} for v in values)
            for _, _, values, when in times)
        signing = "sign" in all_types
        verb_at = next((s for s, e, values in ok_events if any(v.event in {"meet", "receive"} for v in values)), None)
        if verb_at is None:
            verb_at = next((s for s, e, values in ok_events if any(v.event in {"anchor", "attend"} for v in values)), None)
        active = [m for m in active if index - last_touch[m.key] <= 20]     # bounded: keeps this linear
        recent = sorted((m for m in active if index - last_touch[m.key] <= 8), key=lambda m: last_touch[m.key])
        family = _family(words)
        attend = "attend" in types and not (signing and "presence" in words)
        main = next((m for m in active if m.kind == "Summit" and "summit" in words), None) or (
            max(active, key=lambda m: (len(m.participants), -meetings.index(m))) if active else None)
        anchor = None
        if words & {"sidelines", "margins", "eve", "before"}:
            anchor = _to_date(main.date) if main and main.date else None
        elif recent and recent[-1].date:
            anchor = _to_date(recent[-1].date)
        date, date_rule = _date_of(view, anchor, narrative, verb_at)
        if historical and date_rule in {"D-narrative", "D-report-day"}:
            date, date_rule = None, ""
        meetingish = bool(types & {"meet", "receive", "visit"}) or ("anchor" in types and not signing) or (
            "attend" in types and len(people) >= 2 and (bool({t.fold for t in a.tokens[:7]} & SEPARATE) or (
                bool(date) and date_rule in {"D-day", "D-relative"} and bool(recent) and bool(recent[-1].date)
                and recent[-1].date != date.isoformat())))
        if historical and not date:
            meetingish = attend = False
        target = None
        opening = {t.fold for t in a.tokens[:7]}
        separate = (bool(opening & SEPARATE) or bool(words & {"sidelines", "margins", "separate", "separately"}) or any(a.tokens[k].fold == "bilateral" and a.tokens[k + 1].fold in {
            "meeting", "talks", "consultations", "conversation"} for k in range(len(a.tokens) - 1))) and len(people) >= 2
        other_day = bool(date) and date_rule in {"D-day", "D-relative"} and bool(recent) and bool(recent[-1].date) \
            and recent[-1].date != date.isoformat() and len(people) >= 2
        if people and attend and (recent or pending) and not (len(people) >= 2 and types & {"meet", "receive"}) \
                and not separate and not other_day:
            if recent:
                target = _target(recent, family, seen_kinds)
            else:
                target = _open_pending(pending, meetings, active)
                pending = {}
            add_people(target, people, "M-attended")
            touch(target, view, kinds, date, date_rule)
        elif len(people) >= 2 and meetingish and not (signing and not types & {"meet", "receive"}):
            keys = [p.key for p in people]
            hosts, guests = _hosts(view, people)
            if not (words & NEW_EVENT_CUES):
                for meeting in reversed(active):
                    a_set, b_set = set(meeting.participants), set(keys)
                    if a_set <= b_set or b_set <= a_set:
                        if not (date and meeting.date and meeting.date != date.isoformat()):
                            target = meeting
                            break
            if target is None:
                if pending and not pending.get("weak") and (index - pending["index"] <= 3 and not pending.get("people") or (
                        pending.get("people") and pending["people"][0] in people)):
                    target = _open_pending(pending, meetings, active)
                else:
                    target = Meeting(key=f"m{len(meetings)}", participants=[])
                    target.why["meeting"] = "M-met" if types & {"meet", "receive"} else "M-anchor"
                    meetings.append(target)
                    active.append(target)
                    if date is None and narrative is not None and not historical:
                        date, date_rule = narrative, "D-story"
                pending = {}
            add_people(target, people, target.why.get("meeting", "M-met"))
            for key in hosts:
                if key not in target.hosts:
                    target.hosts.append(key)
            for key in guests:
                if key not in target.guests and key not in target.hosts:
                    target.guests.append(key)
            touch(target, view, kinds, date, date_rule)
        elif len(people) >= 2 and pending and pending.get("people") and pending["people"][0] in people \
                and index - pending["index"] <= 2 and not signing and not pending.get("weak"):
            # "X met her Australian and Japanese counterparts." "X, A and B reaffirmed ..."
            target = _open_pending(pending, meetings, active)
            pending = {}
            add_people(target, people, "M-named-next")
            touch(target, view, kinds, date, date_rule)
        elif not people and meetingish and recent and not (words & NEW_EVENT_CUES) and not historical:
            touch(recent[-1], view, kinds, date if date_rule != "D-report-day" else None, date_rule)
        elif len(people) >= 2 and signing and "anchor" in all_types and not historical and not any(
                {p.key for p in people} & set(m.participants) for m in recent):
            # "X and Y signed a pact after two hours of talks": the talks, if the next sentences tell more
            pending = {"index": index, "date": date.isoformat() if date else None, "date_rule": date_rule,
                       "place": _place(view), "kinds": kinds, "people": people, "weak": True}
        elif len(people) < 2 and (types & {"anchor", "meet", "receive"}) and not historical and (not signing or not people):
            # "The ninth trilateral meeting ... was held in Baku on May 26": the people come next
            if not (pending and index - pending["index"] <= 1 and not people and pending.get("people")):
                pending = {"index": index, "date": date.isoformat() if date else None, "date_rule": date_rule,
                           "place": _place(view), "kinds": kinds,
                           "people": people[:1] if types & {"meet", "receive", "attend"} else []}
        if len(people) == 1 and any_visit and not historical:
            destination = _place(view)
            if destination:
                state = destination.split("|")[-1]
                visits.append((people[0], state, _kind(kinds, "Visit"), index))
        if date and not historical:
            narrative = date
        elif target is not None and target.date:
            narrative = _to_date(target.date)
        previous_people = people or previous_people

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
        meeting.why["meeting"] = "M-visit-holder"
        meetings.append(meeting)
    return [m for m in meetings if len(m.participants) >= 2]


def _to_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _target(recent: list[Meeting], family: str | None, seen_kinds: dict) -> Meeting:
    """The meeting an attendance sentence speaks of: the last one of the kind it names."""
    if family:
        wanted = FAMILY_KINDS.get(family, set())
        for meeting in reversed(recent):
            if meeting.kind in wanted or seen_kinds.get(meeting.key, set()) & wanted:
                return meeting
    return recent[-1]


def _open_pending(pending: dict, meetings: list[Meeting], active: list[Meeting]) -> Meeting:
    meeting = Meeting(key=f"m{len(meetings)}", participants=[p.key for p in pending.get("people", [])])
    meeting.date = pending.get("date")
    if meeting.date:
        meeting.why["date"] = pending.get("date_rule", "")
    meeting.place = pending.get("place")
    meeting.kind = _kind(pending.get("kinds", set()), meeting.kind)
    meeting.sentences.append(pending["index"])
    meeting.why["meeting"] = "M-described-then-named"
    meetings.append(meeting)
    active.append(meeting)
    return meeting


def _head(person: Person) -> str | None:
    for post in person.posts:
        return post.head or post.role
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
        passive = start > 0 and a.tokens[start - 1].fold in {"was", "were", "been", "being"}
        allowed = {p.key for p in people}
        before = [p.key for p, s, _ in view.people if s < start and p.key in allowed]
        after = [p.key for p, s, _ in view.people if s >= end and p.key in allowed]
        hosts, guests = (after, before) if passive else (before, after)
        if a.text(start, end).lower().endswith((" on", "call on")):   # "called on X": X is the host
            hosts, guests = guests, hosts
        if hosts and guests:
            return _unique(hosts), _unique(guests)
    return [], []


def _unique(keys: list[str]) -> list[str]:
    out: list[str] = []
    for key in keys:
        if key not in out:
            out.append(key)
    return out
