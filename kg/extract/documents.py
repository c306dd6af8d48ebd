"""Documents signed or to be signed: title, kind, status, signatories, parties.

A title starts at a kind word ("Memorandum of Understanding on ...", "the Baku Declaration of ...",
"a memorandum on cooperation in mining") and runs through its complements to a verb, a closing
quote or the end of the clause; a title inside a title ("Protocol on amendments to the Agreement
between ...") is a document too. A short definite mention ("the cultural programme", "the
consultations MoU", "the deal") is the document named before, never a new one. Signatories come
from "A and B signed X", "X was signed by A and B", "X, signed by A and B", "X (signed by ...)",
"with whom she signed X", a table's signatory columns, or the people who "signed the following
documents:" a list; people "in the presence of" whom something was signed, or who exchanged the
instruments of ratification, did not sign it.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from ..facts import Document, Span
from ..lexicon import FUNCTION_WORDS, Lexicon, fold
from .dates import years
from .meetings import SentenceView
from .people import ArticlePeople, _complement

TITLE_STOP = frozenset(
    """was were is are has have had will would which that signed significantly expected as who whom
    reached gave give show shows expands expand within during following after before where when
    while being been also said noted inked penned concluded adopted approved initialled initialed
    subscribed so ahead aimed intended designed providing provides allowing allows setting sets
    whose whereby exchanged entered enter came come remains remain stalled ready due likely set able early
    next last later soon should could must may might can shall negotiated reached ratified agreed
    welcomed calls called instructs directs commits provides themselves itself""".split()
)
QUOTES = "\"“”«»"
DETERMINERS = frozenset("a an the this that these those several two three four five six seven eight nine ten "
                        "other such all many some number of documents its their his her our new "
                        "updated further remaining".split())
VERBS = frozenset("sign signed signing conclude concluded adopt adopted agree agreed finalise finalize ratify "
                  "ratified approve approved draft prepare prepared initialled initialed".split())
GENERIC = frozenset("on of the and between in for field cooperation understanding agreement memorandum "
                    "republic".split())
COMPLEMENT = frozenset("of on between for in concerning regarding relative amending to".split())
# words that name a document only as a reference to one already named
REFERENCE_WORDS = frozenset("pact pacts deal deals accord accords document documents instrument instruments text "
                            "texts".split())
NOT_AFTER = frozenset("centre center hall palace building house hotel room street square".split())
PRESENCE = (("presence", "of"), ("witnessed", "by"))


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
    ref: bool = False                 # a short reference to a document named before
    why: dict = field(default_factory=dict)
    modifiers: list = field(default_factory=list)


@dataclass
class Mention:
    start: int
    end: int
    title: str
    kind: str
    ref: bool
    modifiers: list[str]              # the words before the kind word of a short reference


@dataclass
class DocumentContext:
    """What a sentence ending in ':' says of the list of documents after it."""
    status: str | None = None
    signers: list[str] = field(default_factory=list)
    parties: list[str] = field(default_factory=list)
    active: bool = False


# ---------------------------------------------------------------- titles

def _spaced(a, j: int) -> bool:
    """A dash with spaces around it ends a title; 'Ciudad Hidalgo–Tecun Uman' does not."""
    text = a.sentence.text
    t = a.tokens[j]
    return (t.start > 0 and text[t.start - 1] == " ") or (t.end < len(text) and text[t.end:t.end + 1] == " ")


def _title_end(a, i: int, quoted: bool, lower: bool) -> int:
    n = len(a.tokens)
    j = i
    depth = 0
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
        if token.text == "(":
            close = next((k for k in range(j + 1, min(n, j + 6)) if a.tokens[k].text == ")"), None)
            if close is not None and a.tokens[j + 1].cap and not (close + 1 < n and a.tokens[close + 1].fold in {"signed", "–"}):
                inner = a.text(j + 1, close).lower()
                if not inner.startswith(("signed", "retd")):
                    j = close + 1         # "(Phase 2)", "(ApexBrasil)", "(2025-2029)"
                    continue
            break
        if token.text in ".;:()[]|" or token.fold in TITLE_STOP:
            break
        if token.text in {"–", "—"} and _spaced(a, j):
            break
        if token.text == "-" and _spaced(a, j) and j + 1 < n and a.tokens[j + 1].fold in {"signed", "inked"}:
            break
        if token.fold == "by" and j + 1 < n and not (a.tokens[j + 1].cap or a.tokens[j + 1].fold in {"the", "all", "both"}):
            j += 1              # "crossing the state border by residents of border districts"
            continue
        if token.fold in {"in", "on"} and j + 1 < n and (a.tokens[j + 1].text[:1].isdigit() or a.tokens[j + 1].fold in MONTH_NAMES):
            break               # "a transport cooperation agreement in 2025", "... on 3 May"
        if token.fold in {"in", "on"} and _circumstance_at(a, j):
            break               # "... in the presence of the presidents", "... on the sidelines of"
        if token.fold in {"at", "with", "by", "until", "via", "into"} or (
                token.fold == "under" and not (j + 1 < n and a.tokens[j + 1].fold == "the" and not lower and
                                               j + 2 < n and a.tokens[j + 2].cap)):
            break
        if j > i and token.is_word and not token.cap and not token.text[:1].isdigit() and \
                token.fold not in FUNCTION_WORDS | COMPLEMENT and label.kind != "body" \
                and a.tokens[j - 1].is_word and a.tokens[j - 1].cap and not lower and not any(
                    a.tokens[m].is_word and not a.tokens[m].cap and a.tokens[m].fold not in FUNCTION_WORDS | COMPLEMENT
                    and not a.tokens[m].text[:1].isdigit() for m in range(i, j)):
            break       # "... Strategic Partnership opens a new stage": a verb after the name ends it
        if not lower and token.fold == "and" and j + 2 < n and a.tokens[j + 1].fold == "the" and \
                a.tokens[j + 2].is_word and not a.tokens[j + 2].cap and not _in_lower_part(a, i, j):
            break       # "... Agreement (CUSMA) and the importance of ...": the title ended
        if token.text == ")" and j > i:
            break
        if token.text == ",":
            k = j + 1
            if k < n and a.tokens[k].cap and a.label(k).kind in {"portfolio", "name", "state", "word"} and not quoted \
                    and _list_goes_on(a, k):
                j += 1
                continue
            if k < n and lower and a.tokens[k].is_word and not a.tokens[k].cap and _list_goes_on(a, k):
                j += 1          # "disaster prevention, mitigation and relief"
                continue
            if k + 1 < n and a.label(k).kind == "state" and a.tokens[a.label(k).end].text == "," and \
                    a.label(k).end + 1 < n and a.tokens[a.label(k).end + 1].fold == "and":
                j = a.label(k).end + 1        # "between the Academy, Islamabad, and the Institute"
                continue
            if k + 1 < n and a.tokens[k].fold == "and" and any(a.tokens[m].fold == "between" for m in range(i, j)) \
                    and (a.tokens[k + 1].fold == "the" or a.tokens[k + 1].cap):
                j = k                         # "between the Academy, Islamabad, and the Institute"
                continue
            break
        if token.fold == "and" and j + 1 < n and a.tokens[j + 1].fold.endswith("ed") and not a.tokens[j + 1].cap:
            break               # "... cooperation plan and discussed military education"
        if token.fold == "and" and j + 1 < n and (a.tokens[j + 1].fold in REFERENCE_WORDS or (
                lower and a.label(j + 1).kind == "doc")):
            break
        if token.fold == "and" and j + 1 < n and (a.tokens[j + 1].text in QUOTES or (
                a.label(j + 1).kind == "doc" and a.tokens[j + 1].cap) or a.tokens[j + 1].fold in {"a", "an"}):
            break
        if token.fold == "and" and j + 1 < n and a.tokens[j + 1].fold in {"the", "his", "her"} and lower and \
                j + 2 < n and a.label(j + 2).kind == "doc":
            break
        if j > i and label.kind == "doc" and token.cap and a.covered[j] == j and a.tokens[j - 1].fold in {"the"} \
                and not _inside_complement(a, i, j):
            break
        j += 1
        depth += 1
    while j > i and a.tokens[j - 1].fold in {"the", "and", "of", "between", "on", ",", "for", "in", "to", "a"}:
        j -= 1
    return j


def _inside_complement(a, i: int, j: int) -> bool:
    """'Protocol on amendments to the Agreement between ...': a title named inside a title."""
    words = [t.fold for t in a.tokens[max(i, j - 4):j]]
    return any(w in {"to", "amending", "of", "on", "under"} for w in words[-3:])


MONTH_NAMES = frozenset("january february march april may june july august september october november december "
                        "jan feb mar apr jun jul aug sep sept oct nov dec".split())
CIRCUMSTANCES = frozenset("presence sidelines margins occasion course framework eve".split())


def _circumstance_at(a, j: int) -> bool:
    """'in the presence of', 'on the sidelines of', 'in the framework of': the circumstances of
    the signing, after the title."""
    k = j + 1 + (j + 1 < len(a.tokens) and a.tokens[j + 1].fold == "the")
    return k + 1 < len(a.tokens) and a.tokens[k].fold in CIRCUMSTANCES and a.tokens[k + 1].fold == "of"


def _in_lower_part(a, i: int, j: int) -> bool:
    """After 'on'/'in' a capitalised title may go on in lower case ("Memorandum of Understanding on
    cooperation in the field of mineral resources")."""
    return any(a.tokens[k].fold in {"on", "in", "concerning", "regarding", "for", "between"} for k in range(i, j))


def _list_goes_on(a, k: int) -> bool:
    """After a comma, a list of words that ends with 'and ...' before the clause ends."""
    n = len(a.tokens)
    for m in range(k, min(n, k + 8)):
        if a.tokens[m].fold == "and":
            return True
        if a.tokens[m].text in {",", ";", "."} and m > k:
            return a.tokens[m].text == ","
        if a.tokens[m].fold in TITLE_STOP:
            return False
    return False


def _title_start(a, i: int) -> int:
    j = i
    while j > 0:
        prev = a.tokens[j - 1]
        label = a.label(j - 1)
        if prev.cap and label.kind in {"name", "portfolio", "state", "word", "acronym", "org", "body"} and (
                label.kind != "body" or label.end == j) and prev.fold not in {"the"}:
            j = a.covered[j - 1]
            continue
        if prev.text in {"-", "–", "—"} and not _spaced(a, j - 1) and j >= 2 and a.tokens[j - 2].cap:
            j -= 1          # "Fiji-Australia Declaration", "U.S.-Chile Agreement", "Pakistan-Sri Lanka Treaty"
            continue
        if prev.fold == "and" and j >= 2 and a.tokens[j - 2].cap and a.tokens[j - 2].is_word and \
                a.label(j - 2).kind in {"word", "portfolio", "name"} and a.tokens[j].cap and j < i:
            j -= 1          # "Comprehensive and Progressive Agreement"
            continue
        if prev.text[:1].isdigit() and (j < len(a.tokens) and a.tokens[j].cap) and prev.text.count("-") <= 1:
            k = j - 1
            if k > 0 and a.tokens[k - 1].text in {"-", "–"} and k > 1 and a.tokens[k - 2].text.isdigit():
                k -= 2      # "2025–2027 Work Plan"
            j = k
            break
        break
    return j


def _lower_start(a, i: int) -> int:
    """'a memorandum', 'the credit line agreement', 'a 2025-2027 work plan', 'a $45 million grant agreement'."""
    j = i
    while j > 0:
        prev = a.tokens[j - 1]
        if prev.is_word and not prev.cap and prev.fold not in DETERMINERS and prev.fold not in VERBS and \
                a.label(j - 1).kind in {"lower", "portfolio", "name", "word", "body"} and not prev.fold.endswith("ed") \
                and prev.fold not in {"million", "billion", "thousand", "and", "of", "or", "to", "with", "on", "in"}:
            j -= 1
            continue
        if prev.text.isdigit() and len(prev.text) == 4 and prev.text[:2] in {"19", "20"} and not (
                j >= 2 and a.tokens[j - 2].text in {"-", "–"}):
            j -= 1              # "the 1992 treaty"
            continue
        if prev.text[:1].isdigit() and "-" in prev.text or (prev.text[:1].isdigit() and j >= 2 and len(prev.text) == 4
                                                            and a.tokens[j - 2].text in {"-", "–"}):
            j -= 1
            while j > 0 and (a.tokens[j - 1].text in {"-", "–"} or a.tokens[j - 1].text.isdigit()):
                j -= 1
            continue
        if prev.cap and a.label(j - 1).kind in {"name", "state", "word", "acronym"} and j < i + 1 and \
                prev.fold not in {"the"} and (j - 1 == 0 or a.tokens[j - 2].fold in DETERMINERS | {"a", "an"}):
            j -= 1          # "the EU-Chile trade agreement", "the 2002 Pakistan-Sri Lanka ..."
            continue
        if prev.text in {"-", "–"} and not _spaced(a, j - 1) and j >= 2 and a.tokens[j - 2].cap:
            j -= 2
            continue
        if prev.cap and j < len(a.tokens) and a.tokens[j].text in {"-", "–"}:
            j -= 1
            continue
        break
    return j


def _unshout(title: str) -> str:
    """A title written in capitals, in the case titles are written in."""
    words = []
    for number, word in enumerate(title.split()):
        if word.isupper() and len(word) > 1 and not (len(word) <= 4 and word.isalpha() and word in {"MOU", "EU", "UN"}):
            low = word.lower()
            word = low if number and low in FUNCTION_WORDS | COMPLEMENT else word[0] + word[1:].lower()
        words.append(word)
    return " ".join(words)


def find_titles(a, lexicon: Lexicon) -> list[Mention]:
    """Every document the sentence names, in order (a title inside a title included)."""
    n = len(a.tokens)
    out: list[Mention] = []
    words = [t for t in a.tokens if t.is_word and len(t.text) > 1]
    headline = bool(words) and sum(t.text.isupper() for t in words) >= 0.5 * len(words)
    i = 0
    while i < n:
        label = a.labels[a.covered[i]]
        if a.covered[i] != i or label.kind != "doc":
            i += 1
            continue
        kind = label.values[0]
        word = a.text(i, label.end)
        low = word.lower()
        plural = low.endswith("s") and not low.endswith("ss") or low in {"memoranda"}
        after = a.tokens[label.end].fold if label.end < n else ""
        if after in NOT_AFTER or (label.end < n and a.label(label.end).kind == "body" and a.tokens[label.end].cap
                                  and a.tokens[label.end].fold in NOT_AFTER):
            i = label.end           # "the Kuala Lumpur Convention Centre"
            continue
        if plural:
            prev = a.tokens[i - 1] if i > 0 else None
            if prev is None or prev.cap or not prev.is_word or prev.text[:1].isdigit() or prev.fold in FUNCTION_WORDS or prev.fold in {
                    "not", "no", "and", "or", "than", "any"} or prev.fold in DETERMINERS | {
                    "following", "other", "remaining", "intergovernmental", "interdepartmental", "bilateral", "legal",
                    "several", "various", "relevant", "two", "signed", "these"} or low in REFERENCE_WORDS:
                i = label.end       # "the following agreements", "Agreements/MoUs": a heading, not a title
                continue
            # "trilateral statements signed by ...": a document named in the plural
            single = word[:-1] if not low.endswith("ies") else word[:-3] + "y"
            out.append(Mention(i - 1, label.end, f"{prev.text} {single}", kind.cls, False, [prev.fold]))
            i = label.end
            continue
        if label.end + 1 < n and a.tokens[label.end].fold == "to" and a.tokens[label.end + 1].fold in {
                "sign", "hold", "visit", "meet", "build", "open", "expand", "increase", "create", "launch"}:
            i = label.end           # "the parties plan to sign": a verb, not a plan
            continue
        quoted = i > 0 and a.tokens[i - 1].text in QUOTES
        shouted = a.tokens[i].text.isupper() and len(a.tokens[i].text) > 3
        capital = a.tokens[i].cap and not a.tokens[i].text.isupper() or a.tokens[i].text in {"MoU", "MOU"} or (
            shouted and not headline)
        if shouted and headline:
            i = label.end           # "SIGNING OF SIX AGREEMENTS": a headline in capitals
            continue
        start = _title_start(a, i) if capital else _lower_start(a, i)
        if quoted and start == i:
            start = i
        lower = not a.tokens[start].cap
        end = _title_end(a, label.end, quoted or (start > 0 and a.tokens[start - 1].text in QUOTES), lower)
        end = max(end, label.end)
        title = " ".join(a.text(start, end).translate({ord(q): None for q in QUOTES}).split())
        if shouted:
            title = _unshout(title)     # "the AGREEMENT ON ECONOMIC COOPERATION between ..."
        has_complement = end > label.end and a.tokens[label.end].fold in COMPLEMENT
        if lower and not has_complement and end < n and a.tokens[end].fold in {"signed", "concluded"}:
            # "an agreement signed between the two governments on military education": the subject after
            on = next((k for k in range(end, min(n, end + 10)) if a.tokens[k].fold == "on"), None)
            if on is not None and on + 1 < n and (a.tokens[on + 1].text[:1].isdigit() or a.tokens[on + 1].cap):
                on = None           # "concluded in the same city on 26 March 1991": a date, not a subject
            if on is not None and not any(a.tokens[k].text in {",", ";", "."} for k in range(end, on)):
                on_end = _title_end(a, on, False, True)
                if on_end > on + 1:
                    title = f"{title} {a.text(on, on_end)}"
                    has_complement = True
        premods = [t.fold for t in a.tokens[start:i]]
        det = start - 1
        while det >= 0 and det >= start - 4 and a.tokens[det].is_word and not a.tokens[det].cap and \
                a.tokens[det].fold not in {"the", "this", "that", "its", "their", "said", "a", "an"} and \
                a.tokens[det].fold not in VERBS:
            det -= 1
        definite = det >= 0 and a.tokens[det].fold in {"the", "this", "that", "its", "their", "said"}
        if definite and det < start - 1:
            premods = [t.fold for t in a.tokens[det + 1:i]]
        ref = (not has_complement and (definite or low in REFERENCE_WORDS or low in {"mou"}) and
               not (capital and premods and any(a.tokens[k].cap for k in range(start, i)) and not definite)) or (
            low in REFERENCE_WORDS and not has_complement)
        if capital and premods and any(a.tokens[k].cap for k in range(start, i)) and not has_complement and definite:
            ref = False         # "the Ashgabat Declaration": a proper name, compared with the titles named
        # a quoted title set off after the kind word: 'a joint statement, "Brazil and Vietnam: A Partnership"'
        quoted_title = False
        if end < n - 1 and a.tokens[end].text == "," and a.tokens[end + 1].text in QUOTES:
            close = next((k for k in range(end + 2, n) if a.tokens[k].text in QUOTES), None)
            if close is not None and close - end < 30:
                title = a.text(end + 2, close)
                ref = False
                end = close + 1
                quoted_title = True
        if low in REFERENCE_WORDS and ref:
            out.append(Mention(start, end, title, kind.cls, True, premods))
            i = max(end, label.end)
            continue
        if not title or (not capital and not has_complement and not premods and not ref and not quoted_title):
            i = label.end
            continue
        out.append(Mention(start, end, title, kind.cls, ref, premods))
        # a title inside this one: "Protocol on amendments to the Agreement between ..."
        for k in range(label.end, end):
            inner = a.labels[a.covered[k]]
            if not (a.covered[k] == k and inner.kind == "doc" and a.tokens[k].cap and k > label.end):
                continue
            inner_start = _title_start(a, k)
            if inner_start > 0 and a.tokens[inner_start - 1].fold == "the" and _inside_complement(a, label.end, inner_start):
                inner_end = _title_end(a, inner.end, False, False)
                inner_title = " ".join(a.text(inner_start, inner_end).split())
                if inner_end > inner.end or inner_start < k:
                    out.append(Mention(inner_start, inner_end, inner_title, inner.values[0].cls, False, []))
                break
        i = max(end, label.end)
    return out


# ---------------------------------------------------------------- signatories

def _events(view: SentenceView):
    out = []
    for s, e, values in view.events:
        kinds = {v.event for v in values}
        if "sign" in kinds or "plan" in kinds:
            out.append((s, e, "sign" if "sign" in kinds and "plan" not in kinds else "plan"))
    return out


def _presence_spans(a) -> list[tuple[int, int]]:
    """'in the presence of A and B,' 'witnessed by A': people who did not sign."""
    spans = []
    tokens = a.tokens
    n = len(tokens)
    for k in range(n - 1):
        if (tokens[k].fold, tokens[k + 1].fold) in PRESENCE or (tokens[k].fold == "presence" and tokens[k + 1].fold == "of"):
            stop = next((j for j in range(k + 2, n) if tokens[j].text in {",", ";", "."} and j > k + 3), n)
            spans.append((k, stop))
        if tokens[k].fold == "witnessed" and tokens[k + 1].fold == "the":
            begin = max([j for j in range(k) if tokens[j].text in {",", ";"}] or [-1]) + 1
            spans.append((begin, k))          # "the two leaders witnessed the exchange": not signers
    return spans


def _clauses(a) -> list[tuple[int, int]]:
    bounds = [0]
    for k, t in enumerate(a.tokens):
        if t.text in {";", "|"} or t.fold in {"while", "whereas"}:
            bounds.append(k)
    bounds.append(len(a.tokens))
    return [(bounds[x], bounds[x + 1]) for x in range(len(bounds) - 1)]


ADVERBS = {"also", "then", "jointly", "formally", "officially", "later", "subsequently", "together", "both", "today",
           "yesterday", "themselves", "separately", "personally", "finally", "have", "has", "had", "on", "in", "at",
           "this", "later", "immediately", "solemnly"} | {"monday", "tuesday", "wednesday", "thursday", "friday",
                                                          "saturday", "sunday", "morning", "evening", "afternoon"}


def _active(a, s: int, people, found=()) -> bool:
    """A sign verb with a person (or a state) as its subject: 'A and B (also) signed', not 'the
    instruments signed in Nairobi'."""
    ends = {e for _, _, e in people}
    k = s - 1
    while k >= 0 and (a.tokens[k].fold in ADVERBS or a.tokens[k].text[:1].isdigit()):
        k -= 1
    if k < 0:
        return False
    if a.tokens[k].text == ",":
        # "A and B, Director General of the Council, penned ...": the comma closes an appositive
        last_person = max([e for e in ends if e <= k] or [-1])
        last_doc = max([m.end for m in found if m.end <= k] or [-1])
        return last_person > last_doc and last_person >= 0
    if k + 1 in ends or a.label(k).kind in {"state", "name", "post", "acronym"} or a.tokens[k].text in ("'s", ")"):
        return True
    return a.tokens[k].fold in {"to", "and"} or a.tokens[s].fold in {"signing"} or a.tokens[k].fold in {"sides", "parties", "governments", "countries", "ministers", "officials", "heads"}


def read_documents(view: SentenceView, reg: ArticlePeople, lexicon: Lexicon, context: DocumentContext,
                   pair: list[str]) -> tuple[list[RawDocument], DocumentContext]:
    """Documents named in one sentence, and what the sentence tells the list after it."""
    a = view.a
    n = len(a.tokens)
    found = find_titles(a, lexicon)
    events = _events(view)
    sign_at = [s for s, _, t in events if t == "sign"]
    plan_at = [s for s, _, t in events if t == "plan"]
    presence = _presence_spans(a)
    ratification = any(t.fold == "ratification" for t in a.tokens) or any(
        t.fold == "notes" for t in a.tokens) and any(t.fold == "exchanged" for t in a.tokens)
    inside = [(m.start, m.end) for m in found]
    people = [(p, s, e) for p, s, e in view.people
              if not any(b <= s < e2 for b, e2 in inside) and not any(b <= s < e2 for b, e2 in presence)]
    sentence_status = "signed" if sign_at and not plan_at else "planned" if plan_at else None
    ends_list = a.sentence.text.rstrip().endswith(":") or any(
        a.tokens[k].fold in {"following", "namely"} for k in range(n))
    new_context = DocumentContext()
    if a.sentence.text.rstrip().endswith(":") or "namely" in {t.fold for t in a.tokens}:
        new_context.status = sentence_status or context.status
    signatories: dict[int, list[str]] = {k: [] for k in range(len(found))}
    rules: dict[int, str] = {}

    def give(k: int, keys: list[str], rule: str) -> None:
        for key in keys:
            if key not in signatories[k]:
                signatories[k].append(key)
        if keys:
            rules.setdefault(k, rule)

    inherited: list[str] = []
    for c_begin, c_end in _clauses(a):
        c_docs = [k for k, m in enumerate(found) if c_begin <= m.start < c_end]
        c_events = [(s, e, t) for s, e, t in events if c_begin <= s < c_end]
        c_people = [(p, s, e) for p, s, e in people if c_begin <= s < c_end]
        if not c_events and c_docs and inherited:
            for k in c_docs:                       # "...signed a memorandum on X; an MoU on Y; and a Programme"
                give(k, inherited, "S-signed-list")
            continue
        inherited = []
        previous_mark = c_begin
        for number, (s, e, t) in enumerate(c_events):
            if t != "sign":
                previous_mark = e
                continue
            nxt = c_events[number + 1][0] if number + 1 < len(c_events) else c_end
            by = e < n and a.tokens[e].fold == "by" or a.text(s, e).lower().endswith(" by")
            by_at = e if e < n and a.tokens[e].fold == "by" else e - 1
            if not by:
                # "signed on behalf of Kenya by A", "signed in Nairobi on Monday by A"
                k = _by_after_circumstance(a, e, [m.start for m in found])
                if k is not None:
                    by, by_at = True, k
            if ratification and not by:
                previous_mark = e
                continue
            if by:
                later = [m.start for m in found if m.start > by_at]
                stop = min([x for x in later + [nxt, c_end] if x > by_at])
                agents = [p.key for p, ps, _ in c_people if by_at < ps < stop]
                owners = [k for k in c_docs if previous_mark <= found[k].start < s]
                if not owners:
                    owners = [k for k in c_docs if found[k].start < s][-1:]
                for k in owners:
                    give(k, agents, "S-signed-by")
                if not owners and agents and a.sentence.text.rstrip().endswith(":"):
                    new_context.signers = agents
                previous_mark = e
                continue
            passive = s > 0 and a.tokens[s - 1].fold in {"was", "were", "be", "been", "being", "is", "are"}
            reduced = s > 0 and a.tokens[s - 1].text in {",", "–", "(", "—"} and any(
                m.end in {s - 1, s - 2} for m in found)
            whom = next((k for k in range(max(c_begin, s - 6), s) if a.tokens[k].fold == "whom"), None)
            with_whom = whom is not None and whom > 1 and a.tokens[whom - 1].fold == "with"
            if passive or reduced or not (with_whom or _active(a, s, view.people, found)):
                previous_mark = e
                continue
            # active: "A and B signed X", "the two ministers proceeded to the signing of"
            floor = max([k + 1 for k in range(previous_mark, s) if a.tokens[k].fold in {"which", "where", "whom", "who"}
                         and not (k > 0 and a.tokens[k - 1].fold == "with")] or [previous_mark])
            subjects = [p.key for p, ps, _ in c_people if floor <= ps < s]
            if with_whom:
                before = [p.key for p, ps, pe in people if pe <= whom - 1]
                subjects = ([people[0][0].key] if people else []) + [k for k in before[-1:] if people and k != people[0][0].key]
            together = next((k for k in range(e, c_end - 1) if a.tokens[k].fold == "together" and a.tokens[k + 1].fold == "with"), None)
            if together is not None:
                subjects += [p.key for p, ps, _ in c_people if ps > together and p.key not in subjects]
            targets = [k for k in c_docs if e <= found[k].start < nxt]
            if e < n and a.tokens[e].fold == "with" and targets:
                # "A signed with her Ethiopian counterpart B an Agreement on ...": B signed it too
                subjects += [p.key for p, ps, _ in c_people if e < ps < found[targets[0]].start and p.key not in subjects]
            if not targets and not any(found[k].start >= e for k in c_docs):
                if ends_list:
                    new_context.signers = subjects
                    new_context.active = True
            chosen = targets[:1]
            for k in targets[1:]:
                gap = a.tokens[found[chosen[-1]].end:found[k].start]
                if all(t.text in {",", ";"} or t.fold in {"and", "the", "a", "an", "also"} for t in gap) and len(gap) <= 3:
                    chosen.append(k)        # "signed A, B and C": the documents listed together
                else:
                    break
            for k in chosen:
                give(k, subjects, "S-signed-active")
            inherited = subjects
            previous_mark = e

    out: list[RawDocument] = []
    for k, mention in enumerate(found):
        start, end = mention.start, mention.end
        near_sign = [x for x in sign_at if abs(x - start) < 60]
        near_plan = [x for x in plan_at if abs(x - start) < 60]
        if near_plan and (not near_sign or min(abs(x - start) for x in near_plan) <= min(abs(x - start) for x in near_sign)):
            status = "planned"
        elif near_sign:
            status = "signed"
        elif start > 0 and a.tokens[start - 1].fold == "draft":
            status = "planned"
        else:
            status = context.status or sentence_status
        weak = mention.kind in {"Programme", "Plan"}
        if weak and status is None:
            continue                 # "the Seasonal Worker Program", "the Growth Plan": a policy, not a document
        if status is None and a.tokens[mention.start].cap and not mention.ref:
            status = "signed"        # a treaty named by its title is one that exists
        if a.sentence.kind in {"header", "heading"} and not a.sentence.cells:
            continue                 # a headline names documents the text names again
        parties, bodies = _parties(a, start, end, reg, lexicon)
        if not parties:
            parties = _subject_states(a, [x for x in sign_at + plan_at if x < start], view.people) or \
                _agent_states(a, end, view.people)
        if not parties and any(t.fold in {"countries", "sides", "governments", "two"} for t in a.tokens) and len(pair) == 2:
            parties = list(pair)
        date = None
        for _, _, year in years(a.sentence.text):
            date = year
        sign_rule = rules.get(k, "")
        signers = signatories[k]
        if not signers and not mention.ref and context.signers and a.sentence.kind in {"item", "row", "text"} \
                and context.active:
            signers = list(context.signers)
            sign_rule = "S-list-heading"
        raw = RawDocument(mention.title, mention.kind, status, signers, parties, bodies, date,
                          Span(a.sentence.index, *a.span(start, end)), mention.ref)
        raw.why = {"document": "D-reference" if mention.ref else "D-title"}
        if near_sign:
            raw.why["signed_here"] = "yes"
        if sign_rule:
            raw.why["signatories"] = sign_rule
        raw.modifiers = mention.modifiers
        out.append(raw)
    if new_context.status is None and not new_context.signers:
        new_context = DocumentContext(status=sentence_status or context.status) if sentence_status else DocumentContext()
        if a.sentence.kind == "item" and context.status:
            new_context = context
    return out, new_context


def read_table_row(view: SentenceView, reg: ArticlePeople, lexicon: Lexicon, pair: list[str]) -> list[RawDocument]:
    """A row of a table of signed documents: a title cell, signatory cells, perhaps a status cell."""
    a = view.a
    cells = a.sentence.cells
    doc_cell = next((c for c in cells if any(w in c.header.lower() for w in (
        "document", "agreement", "mou", "instrument", "title", "memorand"))), None)
    if doc_cell is None:
        return []
    base = a.sentence.begin
    text = " ".join(a.sentence.text[b - base:e - base] for b, e in doc_cell.spans).strip()
    text = text.lstrip("0123456789.) ").strip()
    if not text:
        return []
    kind = None
    for k in range(len(a.tokens)):
        at = base + a.tokens[k].start
        if any(b <= at < e for b, e in doc_cell.spans) and a.covered[k] == k and a.labels[k].kind == "doc":
            kind = a.labels[k].values[0].cls
            break
    if kind is None:
        return []
    inner = [m for m in find_titles(a, lexicon) if any(b <= base + a.tokens[m.start].start < e for b, e in doc_cell.spans)]
    first_word = text.split()[0].lower() if text.split() else ""
    if inner and not a.labels[a.covered[inner[0].start]].kind == "doc" or (inner and first_word not in {
            "memorandum", "agreement", "protocol", "treaty", "declaration", "programme", "program", "plan",
            "joint", "convention", "statement", "mou"} and inner[0].start > 0):
        text = inner[0].title       # "Exchange of Instruments of Ratification of the Agreement ...": the Agreement
    ratification = "ratification" in text.lower() or "ratification" in " ".join(
        a.sentence.text[b - base:e - base] for b, e in doc_cell.spans).lower()
    signers = []
    for cell in cells:
        if cell is doc_cell or ratification:
            continue
        header = cell.header.lower()
        if not any(w in header for w in ("sign", "behalf", "side", "by", "for ", "exchang")):
            continue
        for person, start, _ in view.people:
            at = base + a.tokens[start].start
            if any(b <= at < e for b, e in cell.spans) and person.key not in signers:
                signers.append(person.key)
    status = "signed"
    for cell in cells:
        if cell.header.lower().strip() in {"form", "status"}:
            value = " ".join(a.sentence.text[b - base:e - base] for b, e in cell.spans).lower()
            status = "planned" if "to be" in value or "draft" in value else "signed"
    states = []
    for cell in cells:
        from ..lexicon import tokenize
        toks = tokenize(cell.header)
        for k in range(len(toks)):
            hit = lexicon.state_at(toks, k)
            if hit and hit[1].form not in {"city", "capital"} and hit[1].state not in states:
                states.append(hit[1].state)
    first = next((b for b, _ in doc_cell.spans), base)
    begin = min(b for b, _ in doc_cell.spans)
    end = max(e for _, e in doc_cell.spans)
    tokens_in = [k for k in range(len(a.tokens)) if begin <= base + a.tokens[k].start < end]
    parties, bodies = _parties(a, tokens_in[0], tokens_in[-1] + 1, reg, lexicon) if tokens_in else ([], [])
    for state in states:
        if state not in parties:
            parties.append(state)
    if not parties and len(pair) == 2:
        parties = list(pair)
    raw = RawDocument(" ".join(text.split()), kind, status, signers, parties, bodies, None,
                      Span(a.sentence.index, first, end))
    raw.why = {"document": "D-table-row"}
    if signers:
        raw.why["signatories"] = "S-table-column"
    raw.modifiers = []
    return [raw]


NAMES = frozenset({"name", "official", "alias"})      # a state named as itself, not by its demonym


def _by_after_circumstance(a, e: int, titles: list[int]) -> int | None:
    """The 'by' of a passive signing after a phrase of place, time or side."""
    n = len(a.tokens)
    if e + 1 < n and a.tokens[e].fold in {"earlier", "jointly", "also", "today", "yesterday", "later"} \
            and a.tokens[e + 1].fold == "by":
        return e + 1            # "signed earlier by A and B"
    if e >= n or a.tokens[e].fold not in {"on", "in", "at"}:
        return None
    for k in range(e, min(n, e + 9)):
        token = a.tokens[k]
        if token.fold == "by":
            return k
        if k in titles or token.text in {";", ".", ":"} or a.label(k).kind == "lower" and token.fold not in {
                "behalf", "today", "yesterday"}:
            return None
    return None


def _agent_states(a, end: int, people) -> list[str]:
    """'trilateral statements signed by Azerbaijan, Armenia and Russia': the states after 'signed by'
    right after the title, with no person among them."""
    n = len(a.tokens)
    k = end
    if not (k + 1 < n and a.tokens[k].fold in {"signed", "concluded", "adopted"} and a.tokens[k + 1].fold == "by"):
        return []
    stop = next((j for j in range(k + 2, n) if a.tokens[j].text in {";", "."} or a.label(j).kind == "lower"
                 and a.tokens[j].fold not in {"and"}), n)
    if any(k < s < stop for _, s, _ in people):
        return []
    states = a.states_named(k + 2, stop, NAMES)
    return states if len(states) >= 2 else []


def _subject_states(a, verbs: list[int], people) -> list[str]:
    """'Ghana and Togo inked a memorandum', 'Kenya and Ethiopia are expected to sign': the states
    named as the subject of the verb, with no person between them and it."""
    if not verbs:
        return []
    verb = max(verbs)
    begin = max([k + 1 for k in range(verb) if a.tokens[k].text in {",", ";", ":"}] or [0])
    if any(begin <= s < verb for _, s, _ in people):
        return []
    states = a.states_named(begin, verb, NAMES, alone=True)
    return states if len(states) >= 2 else []


def _parties(a, start: int, end: int, reg: ArticlePeople, lexicon: Lexicon) -> tuple[list[str], list[str]]:
    """States and bodies the title names as its sides."""
    parties: list[str] = []
    bodies: list[str] = []
    between = next((j for j in range(start, end) if a.tokens[j].fold == "between"), None)
    kind_at = next((j for j in range(start, end) if a.covered[j] == j and a.labels[j].kind == "doc"), start)
    for j in range(start, end):
        if a.covered[j] == j and a.labels[j].kind == "state":
            mention = a.labels[j].values[0]
            if j < kind_at and mention.form in {"city", "capital"}:
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


# ---------------------------------------------------------------- one document, several mentions

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
    if len(distinctive) >= 1 and short == long_[: len(short)] and (not rest or rest[0] in {"between", "for"}):
        return True
    # a name with no complement ("the Ashgabat Declaration") is the titled document it begins
    raw_short = fold(x.title if len(title_tokens(x.title)) <= len(title_tokens(y.title)) else y.title).split()
    if short == long_[: len(short)] and not any(w in {"on", "between", "for", "in", "of"} for w in raw_short) \
            and len(distinctive) >= 1 and rest:
        return True
    return False


def resolve_reference(raw: RawDocument, documents: list[Document]) -> Document | None:
    """The document a short mention ("the farm memorandum", "the deal", "The plan") names."""
    words = [w for w in getattr(raw, "modifiers", []) if w not in {"the", "this", "that", "new", "said", "its",
                                                                  "their", "signed", "latest"}]
    generic = raw.title.lower().split()[-1] in REFERENCE_WORDS
    pool = [d for d in documents if generic or d.kind == raw.kind]
    if not pool:
        return None
    years_named = [w for w in words if w.isdigit() and len(w) == 4]
    if years_named and not any(d.date and d.date.startswith(tuple(years_named)) for d in pool):
        return None             # "the 1992 treaty": no document of that year named before
    if words:
        def overlap(d: Document) -> int:
            tokens = title_tokens(d.title)
            return sum(1 for w in words if any(t[:4] == fold(w)[:4] for t in tokens) or
                       (w.isdigit() and d.date and d.date.startswith(w)))
        scored = sorted(((overlap(d), -documents.index(d), d) for d in pool), key=lambda x: (x[0], x[1]), reverse=True)
        if scored[0][0] > 0 and (len(scored) == 1 or scored[1][0] < scored[0][0]):
            return scored[0][2]
        if any(not w.isdigit() for w in words):
            # "the status-of-forces agreement" is not "the grant agreement" named ten sentences before;
            # "the founding treaty" is the Treaty of Lisbon named in the same sentence
            close = [d for d in pool if d.spans and raw.span.sentence - d.spans[-1].sentence <= 1]
            return close[0] if len(close) == 1 else None
    if len(pool) == 1:
        return pool[0]
    return None


def stands_alone(raw: RawDocument) -> bool:
    """A short mention no earlier document fits is a document of its own when it says enough: 'the
    1992 treaty', 'the credit line agreement signed by ...'."""
    words = [w for w in getattr(raw, "modifiers", []) if w not in {"the", "this", "that", "its", "their"}]
    if raw.title.lower().split()[-1] in REFERENCE_WORDS:
        return False
    return any(w.isdigit() and len(w) == 4 for w in words) or (len(words) >= 1 and raw.status == "signed"
                                                               and raw.why.get("signed_here"))
