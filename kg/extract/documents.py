"""Documents signed or to be signed: title, kind, status, signatories, parties.

Titles start at a kind word ("Memorandum on ...", "the Baku Declaration of ...") and run to a
verb, a closing quote or the end of the clause. Signatories come from "X was signed by A and B"
(segments between titles) or "A and B signed X". The same document named twice in an article
is one document.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..facts import Document, Span
from ..lexicon import FUNCTION_WORDS, Lexicon, fold
from .dates import years
from .meetings import SentenceView
from .people import ArticlePeople, _complement

TITLE_STOP = frozenset(
    """was were is are has have had will would which that signed significantly expected as who whom
    reached gave give show shows expands expand within during following after before where when
    while being been also said noted""".split()
)
QUOTES = "\"“”«»"
DETERMINERS = frozenset("a an the this that these those several two three four five six seven eight nine ten "
                        "other such all many some number of documents its their his her our".split())
VERBS = frozenset("sign signed signing conclude concluded adopt adopted agree agreed finalise finalize ratify "
                  "ratified approve approved draft prepare prepared".split())
GENERIC = frozenset("on of the and between in for field cooperation understanding agreement memorandum "
                    "republic".split())


@dataclass
class RawDocument:
    title: str
    kind: str
    status: str | None
    signatories: list[str]
    parties: list[str]
    bodies: list[str]
    date: str | None
    span: Span


def _title_end(a, i: int, quoted: bool) -> int:
    n = len(a.tokens)
    j = i
    while j < n:
        token = a.tokens[j]
        label = a.label(j)
        if token.text in QUOTES and j > i:
            nxt = a.tokens[j + 1] if j + 1 < n else None
            if not quoted and nxt is not None and nxt.is_word:
                j += 1          # a quoted phrase inside the title: the establishment of a "green corridor"
                continue
            if nxt is not None and nxt.cap and nxt.is_word and a.label(j + 1).kind != "doc":
                j += 1          # a quoted name inside the title: between "Azerbaijan Television" Closed ...
                continue
            break
        if token.text in ".;:()[]" or token.fold in TITLE_STOP:
            break
        if j > i and token.is_word and not token.cap and token.fold not in FUNCTION_WORDS \
                and a.tokens[j - 1].is_word and a.tokens[j - 1].cap:
            break       # "... Strategic Partnership opens a new stage": a verb after the name ends it
        if token.text == ",":
            k = j + 1
            if k < n and a.tokens[k].cap and a.label(k).kind in {"portfolio", "name", "state"} and not quoted:
                j += 1
                continue
            break
        if token.fold == "and" and j + 1 < n and (a.tokens[j + 1].text in QUOTES or (
                a.label(j + 1).kind == "doc" and a.tokens[j + 1].cap)):
            break
        if j > i and label.kind == "doc" and token.cap and a.covered[j] == j and a.tokens[j - 1].fold in {"the"}:
            break
        j += 1
    while j > i and a.tokens[j - 1].fold in {"the", "and", "of", "between", "on", ","}:
        j -= 1
    return j


def _title_start(a, i: int) -> int:
    j = i
    while j > 0:
        prev = a.tokens[j - 1]
        label = a.label(j - 1)
        if prev.cap and label.kind in {"name", "portfolio", "state"} and a.covered[j - 1] == j - 1 or (
                prev.cap and label.kind in {"name", "portfolio", "state"}):
            j = a.covered[j - 1]
            continue
        break
    return j


def _generic_title(a, i: int, end_kind: int, kind_label: str) -> tuple[str, int] | None:
    """'joint statements', 'an agreement on visas', 'a strategic cooperation memorandum'."""
    j = i
    while j > 0 and a.tokens[j - 1].is_word and not a.tokens[j - 1].cap and a.tokens[j - 1].fold not in DETERMINERS \
            and a.label(j - 1).kind in {"lower", "portfolio", "name"} and not a.tokens[j - 1].fold.endswith("ed") \
            and a.tokens[j - 1].fold not in VERBS:
        j -= 1
    premods = a.text(j, i).lower()
    rest = ""
    k = end_kind
    scan = k
    while scan < min(len(a.tokens), k + 10) and a.tokens[scan].text not in ".,;":
        if a.tokens[scan].fold == "on":
            stop = scan + 1
            while stop < len(a.tokens) and a.tokens[stop].text not in ".,;\"”" and a.tokens[stop].fold not in (
                    TITLE_STOP | {"to", "with", "in"}) and stop - scan < 12:
                stop += 1
            rest = a.text(scan, stop)
            k = stop
            break
        scan += 1
    if not premods and not rest:
        return None
    word = a.text(i, end_kind).lower()
    if word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    title = " ".join(x for x in (premods, word, rest) if x)
    return title, k


def read_documents(view: SentenceView, reg: ArticlePeople, lexicon: Lexicon, context_status: str | None,
                   pair: list[str]) -> tuple[list[RawDocument], str | None]:
    """Documents named in one sentence, and the signing status the sentence sets for the next."""
    a = view.a
    n = len(a.tokens)
    found: list[tuple[int, int, str, str]] = []    # start, end, title, kind class
    i = 0
    while i < n:
        label = a.labels[a.covered[i]]
        if a.covered[i] != i or label.kind != "doc":
            i += 1
            continue
        kind = label.values[0]
        token = a.tokens[i]
        if token.cap:
            quoted = i > 0 and a.tokens[i - 1].text in QUOTES
            start = _title_start(a, i)
            end = _title_end(a, label.end, quoted)
            title = " ".join(a.text(start, end).translate({ord(q): None for q in QUOTES}).split())
            found.append((start, end, title, kind.cls))
            i = max(end, label.end)
            continue
        plural = a.tokens[label.end - 1].fold.endswith("s") and not a.tokens[label.end - 1].fold.endswith("ss")
        generic = _generic_title(a, i, label.end, kind.label)
        if generic and not (plural and not generic[0].split()[0] not in (kind.label.lower(),)):
            title, end = generic
            found.append((i, end, title, kind.cls))
            i = max(end, label.end)
            continue
        i = label.end

    events = [(s, e, {v.event for v in values}) for s, e, values in view.events]
    sign_at = [s for s, e, t in events if "sign" in t]
    plan_at = [s for s, e, t in events if "plan" in t]
    sentence_status = "signed" if sign_at and not plan_at else "planned" if plan_at else None
    if not found:
        return [], sentence_status or context_status

    people = view.people
    out: list[RawDocument] = []
    # signatories: "T1 and T2 was signed by A and B, T3 was signed by C and D"
    by_marks = [s for s, e, t in events if "sign" in t and e < n and a.tokens[e].fold == "by"]
    signatories: dict[int, list[str]] = {k: [] for k in range(len(found))}
    for mark in by_marks:
        docs_before = [k for k, d in enumerate(found) if d[1] <= mark]
        later = [d[0] for d in found if d[0] > mark]
        limit = min(later) if later else n
        # the documents this "signed by" closes: those after the previous "signed by"
        previous = max([m for m in by_marks if m < mark], default=-1)
        owners = [k for k in docs_before if found[k][0] > previous] or docs_before[-1:]
        names = [p.key for p, s, _ in people if mark < s < limit]
        for k in owners:
            signatories[k].extend(x for x in names if x not in signatories[k])
    # active voice: "A and B signed X"
    for s, e, t in events:
        if "sign" in t and not (e < n and a.tokens[e].fold in {"by", "between"}) and not (
                s > 0 and a.tokens[s - 1].fold in {"was", "were", "be", "been"}):
            after = [k for k, d in enumerate(found) if d[0] >= e]
            names = [p.key for p, ps, _ in people if ps < s]
            if after and names:
                k = after[0]
                signatories[k].extend(x for x in names if x not in signatories[k])

    for k, (start, end, title, cls) in enumerate(found):
        status = None
        near_sign = [x for x in sign_at if abs(x - start) < 60]
        near_plan = [x for x in plan_at if abs(x - start) < 60]
        if near_plan and (not near_sign or min(abs(x - start) for x in near_plan) <= min(abs(x - start) for x in near_sign)):
            status = "planned"
        elif near_sign:
            status = "signed"
        elif start > 0 and a.tokens[start - 1].fold == "draft":
            status = "planned"
        else:
            status = context_status
        parties, bodies = _parties(a, start, end, reg, lexicon)
        # "statements signed by Azerbaijan, Armenia and Russia": states as signers
        for mark in by_marks:
            if mark >= end and not signatories[k]:
                stop = min([d[0] for d in found if d[0] > mark] or [n])
                for j in range(mark, stop):
                    if a.covered[j] == j and a.labels[j].kind == "state" and a.labels[j].values[0].form != "city":
                        state = a.labels[j].values[0].state
                        if state not in parties:
                            parties.append(state)
        if not parties:
            # "signed between the Azerbaijani and Kyrgyz governments"
            j = end
            while j < min(n, end + 8) and a.tokens[j].text not in ".;,":
                if a.covered[j] == j and a.labels[j].kind == "state":
                    state = a.labels[j].values[0].state
                    if state not in parties:
                        parties.append(state)
                j += 1
        if not parties and any(t.fold == "countries" for t in a.tokens) and len(pair) == 2:
            parties = list(pair)
        date = None
        for _, _, year in years(a.sentence.text):
            date = year
        out.append(RawDocument(title, cls, status, signatories[k], parties, bodies, date,
                               Span(a.sentence.index, *a.span(start, end))))
    return out, sentence_status or context_status


def _parties(a, start: int, end: int, reg: ArticlePeople, lexicon: Lexicon) -> tuple[list[str], list[str]]:
    """States and bodies the title names as its sides."""
    parties: list[str] = []
    bodies: list[str] = []
    between = next((j for j in range(start, end) if a.tokens[j].fold == "between"), None)
    kind_at = next((j for j in range(start, end) if a.covered[j] == j and a.labels[j].kind == "doc"), start)
    for j in range(start, end):
        if a.covered[j] == j and a.labels[j].kind == "state":
            mention = a.labels[j].values[0]
            if j < kind_at and mention.form in {"city", "capital", "demonym"}:
                continue          # a place naming the document ("Baku Declaration") is not a party
            if mention.state not in parties:
                parties.append(mention.state)
    if between is None:
        return parties, bodies
    # split the sides at "and the" / "and" + capital, and read each side as a body of a state
    sides, current = [], []
    for j in range(between + 1, end):
        token = a.tokens[j]
        if token.fold == "and" and current and _side_complete(a, current) and j + 1 < end and (
                a.tokens[j + 1].fold == "the" or a.tokens[j + 1].cap):
            sides.append(current)
            current = []
            continue
        current.append(j)
    if current:
        sides.append(current)
    for side in sides:
        comp = _complement(a, side[0], side[-1] + 1, lexicon)
        if comp["body"] and comp["state"]:
            span = Span(a.sentence.index, *a.span(side[0], side[-1] + 1))
            parent = None
            if comp["parent"]:
                parent = reg.body(comp["parent"][0], comp["parent"][1], comp["state"], span)
            key = reg.body(comp["body"][0], comp["body"][1], comp["state"], span, parent)
            if key not in bodies:
                bodies.append(key)
    return parties, bodies


def _side_complete(a, tokens: list[int]) -> bool:
    return any(a.covered[t] == t and a.labels[t].kind == "state" for t in tokens) or \
        sum(1 for t in tokens if a.label(t).kind == "body") >= 1 and a.tokens[tokens[-1]].cap and \
        a.label(tokens[-1]).kind in {"body"}


def title_tokens(title: str) -> list[str]:
    return [w for w in fold(title).replace("-", " ").split() if w.isalnum() and w not in {"the", "of", "and", "a", "an"}]


def _subject(tokens: list[str]) -> list[str]:
    """The distinctive words of a title before its parties clause."""
    head = tokens[: tokens.index("between")] if "between" in tokens else tokens
    return [w for w in head if w not in GENERIC]


def _different_subjects(a: list[str], b: list[str]) -> bool:
    """Each title has a distinctive word the other lacks (spelling variants such as
    'Regulatory'/'Regulation' share their first five letters and do not count)."""
    only_a = {w for w in a if w not in GENERIC} - set(b)
    only_b = {w for w in b if w not in GENERIC} - set(a)
    real_a = [w for w in only_a if not any(w[:5] == v[:5] for v in only_b)]
    real_b = [w for w in only_b if not any(w[:5] == v[:5] for v in only_a)]
    return bool(real_a) and bool(real_b)


def same_document(x: Document | RawDocument, y: Document | RawDocument) -> bool:
    if x.kind != y.kind:
        return False
    a, b = title_tokens(x.title), title_tokens(y.title)
    if not a or not b:
        return False
    if _different_subjects(a, b):
        return False        # "... in Education" and "... in Health": two documents
    if difflib.SequenceMatcher(None, a, b, autojunk=False).ratio() >= 0.8:
        # the shared "between X and Y" must not carry two subjects into one document:
        # "Agreement on Trade" and "Agreement on Trade and Economic Cooperation" stay two
        sa, sb = _subject(a), _subject(b)
        if not sa or not sb or sa == sb:
            return True         # one mention leaves the subject out: nothing contradicts
        return difflib.SequenceMatcher(None, sa, sb, autojunk=False).ratio() >= 0.8
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    distinctive = [w for w in short if w not in GENERIC]
    # a repeat that drops the parties clause ("Memorandum on Cooperation in Tourism") is the same
    # document when it begins the longer title, names its subject, and what it leaves out is the
    # parties ("between ...") or the period ("for 2025-2027"); "Agreement on Trade" is not
    # "Agreement on Trade and Economic Cooperation"
    rest = long_[len(short):]
    return len(distinctive) >= 1 and short == long_[: len(short)] and (not rest or rest[0] in {"between", "for"})
