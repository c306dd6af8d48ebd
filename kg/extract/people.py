"""People, their posts and the bodies those posts sit in, from titles before or after names.

"Georgian Foreign Minister Nino Beridze", "Minister of Agriculture of the Kyrgyz Republic
Aibek Toktogulov", "Ana Petrova, the President of ...", "his Uzbek counterpart Bakhrom
Saidov", "Deputy Prime Minister – Minister of Foreign Affairs Dr. Ion Rusu", "Mr. PARK Minho"
(fictional people). A title is parsed into posts (two heads joined by a dash, "-cum-", "and" or a
comma are two posts); each post is modifiers + head + complements, and the head's seat (from
posts.tsv) says where a post without a named body sits. Honorifics, ranks and particles of
names ("bin", "Al") are told apart from the name itself.
"""
from __future__ import annotations

import difflib
import re
from collections import deque
from dataclasses import dataclass, field

from ..facts import Body, Person, Post, Span
from ..lexicon import Lexicon, PostWord, fold
from .names import is_initial, name_key, part_of, surname_key
from .sentence import Analysed

TITLE_LABELS = {"post", "body", "portfolio", "state", "func", "name", "particle", "word", "acronym", "org"}
TITLE_FUNCS = {"of", "the", "and", "for", "to", "under", "at", "in", "on"}
JOIN_WORDS = {"–", "—", "-", "-cum-", "and", ",", "&", "/"}
VERB_AFTER_NAME = re.compile(
    r"^(?:[a-z]+ed|said|says|met|meets|held|holds|spoke|speaks|told|took|paid|gave|made|is|was|has|had|will|would|"
    r"also|then|later|thanked|briefed|visited|received|noted|stressed|signed|hailed|conveyed|recalled|"
    r"led|leads|heads|chaired|co-chaired|hosted|attended|joined|arrived|left|flew|travelled|traveled|"
    r"presented|handed|proposed|expressed|urged|underlined|highlighted|emphasised|emphasized|insisted|"
    r"warned|raised|informed|confirmed|reaffirmed|agreed|discussed|inked|penned|initialled|initialed|"
    r"exchanged|welcomed|invited|congratulated|announced|added|described|commended|saluted|affirmed|"
    r"renewed|accepted|asked|offered|pledged|called|wrote|writes|sees|sat|shook|cut|tours|toured|"
    r"who|whose)$")
APPOSITIVE_OPENERS = {"the", "his", "her", "its", "their", "a", "an", "newly", "appointed", "new", "incoming",
                      "outgoing", "visiting", "current", "then", "now", "also", "both", "designate"}
PLURAL_ROLE = re.compile(r"(?:s|es)$")
# an honorific that makes the next capitalised words a name, even words that name things elsewhere
NAME_OPENERS = {"honorific"}


@dataclass
class Title:
    """One post read from a title (or only the cues of a title that names no post)."""

    head: PostWord | None = None
    role: str = ""
    label: str = ""
    state: str | None = None
    state_rule: str = ""
    to_state: str | None = None
    body_name: str | None = None
    body_cls: str | None = None
    parent_name: tuple | None = None
    org: str | None = None          # the international organisation the post is in
    occupation: str | None = None
    counterpart: bool = False
    has_cue: bool = False
    host: bool = False              # "Host President": of the state the event is held in
    plural: bool = False            # "Mazhilis deputies A, B and C", "the foreign ministers"
    suffix: str = ""
    begin: int = 0
    end: int = 0


@dataclass
class TitleParse:
    posts: list[Title] = field(default_factory=list)
    state: str | None = None
    occupation: str | None = None
    counterpart: bool = False
    has_cue: bool = False
    plural: bool = False
    begin: int = 0
    end: int = 0

    @property
    def head(self) -> PostWord | None:
        return self.posts[0].head if self.posts else None


@dataclass
class ArticlePeople:
    """People and bodies of one article, with the mentions found so far."""

    lexicon: Lexicon
    people: list[Person] = field(default_factory=list)
    bodies: dict[str, Body] = field(default_factory=dict)
    last_mentioned: dict[str, int] = field(default_factory=dict)
    order: int = 0
    by_key: dict[str, Person] = field(default_factory=dict)
    by_word: dict[str, list[Person]] = field(default_factory=dict)
    recent: deque = field(default_factory=lambda: deque(maxlen=50))   # last people mentioned, newest last
    unused: list[dict] = field(default_factory=list)   # names read but not taken (kg explain)

    def mentioned(self, person: Person) -> None:
        self.order += 1
        self.last_mentioned[person.key] = self.order
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)

    # ------------------------------------------------------------ registry
    def _index(self, person: Person, name: str) -> None:
        self.by_key.setdefault(name_key(name), person)
        for word in name.split():
            if is_initial(word):
                continue
            bucket = self.by_word.setdefault(name_key(word), [])
            if person not in bucket:
                bucket.append(person)

    def find(self, name: str, role_hint: str | None = None) -> Person | None:
        """The person of this article the name refers to; lookups go through indexes, so an
        article with thousands of names stays linear."""
        known = self.by_key.get(name_key(name))
        if known is not None:
            return known
        words = [w for w in name.split() if not is_initial(w)]
        if not words:
            return None
        pool = self.by_word.get(name_key(words[-1]), [])
        scored = []
        for p in pool:
            best = max((part_of(name, n) for n in p.names if len(n.split()) > 1), default=0)
            if best:
                scored.append((best, p))
        if not scored:
            return None
        top = max(s for s, _ in scored)
        candidates = [p for s, p in scored if s == top]
        if len(candidates) > 1 and role_hint:
            fitting = [p for p in candidates if any(role_hint.lower() in q.role.lower() for q in p.posts)]
            if fitting:
                candidates = fitting
        return max(candidates, key=lambda p: self.last_mentioned.get(p.key, -1))

    def find_fuller(self, name: str) -> Person | None:
        """A person first named by a shorter form that this fuller name completes
        ("Omar Al-Haddad", later "Omar Salim Al-Haddad"; "President Demir", later "Ali Demir")."""
        for word in name.split():
            for p in self.by_word.get(name_key(word), []):
                if any(part_of(n, name) for n in p.names):
                    return p
        return None

    def add(self, name: str, span: Span) -> Person:
        person = self.find(name)
        full = len(name.split()) > 1 and not all(is_initial(w) for w in name.split()[:-1])
        if person is None and full:
            person = self.find_fuller(name)
        if person is None:
            person = Person(key=f"p{len(self.people)}", name=name, names=[name])
            self.people.append(person)
            self._index(person, name)
        elif name not in person.names and full:
            person.names.append(name)
            self._index(person, name)
            if len(name.split()) > len(person.name.split()) or len(person.name.split()) == 1 or (
                    all(is_initial(w) for w in person.name.split()[:-1])):
                person.name = name
        person.spans.append(span)
        self.mentioned(person)
        return person

    def body(self, name: str, cls: str, state: str | None, span: Span, parent: str | None = None) -> str:
        if state is None and cls not in {"Ministry", "Organization", "Government"}:
            # "the National Assembly" after "the National Assembly of Serbia" (every state has a
            # Ministry of Foreign Affairs: a ministry named without its state stays unknown here)
            known = {b.state for b in self.bodies.values() if b.state and fold(b.name) == fold(name)}
            if len(known) == 1:
                state = known.pop()
        key = f"{state or '-'}:{fold(name)}"
        body = self.bodies.get(key)
        if body is None:
            # one body spelled two ways in one article ("Competition Regulation/Regulatory Service")
            body = next((b for b in self.bodies.values() if b.state == state and b.cls == cls
                         and difflib.SequenceMatcher(None, fold(b.name), fold(name)).ratio() >= 0.9), None)
            if body is not None:
                key = body.key
        if body is None:
            body = Body(key=key, name=name, cls=cls, state=state, parent=parent)
            self.bodies[key] = body
        if parent and not body.parent:
            body.parent = parent
        body.spans.append(span)
        return key


# ---------------------------------------------------------------- names

def _is_name_token(a: Analysed, i: int) -> bool:
    label = a.labels[a.covered[i]]
    return a.covered[i] == i and label.kind == "name"


def _family_caps(a: Analysed, i: int) -> bool:
    """A family name written in capitals beside a given name: 'Mr. TANAKA Ichiro'."""
    token = a.tokens[i]
    if a.covered[i] != i or a.labels[i].kind != "acronym" or not token.text.isalpha() or len(token.text) < 2:
        return False
    return (i + 1 < len(a.tokens) and _is_name_token(a, i + 1)) or (i > 0 and _is_name_token(a, i - 1)
                                                                    and a.tokens[i - 1].text[1:].islower())


def _opened(a: Analysed, i: int, kinds: frozenset = frozenset({"honorific", "head", "rank"})) -> bool:
    """Token i follows an honorific or a title: the words after it are a name."""
    if i == 0:
        return False
    label = a.label(i - 1)
    return label.kind == "post" and any(v.kind in kinds for v in label.values)


def _word_in_name(a: Analysed, i: int) -> bool:
    """'bin Sultan', 'bin Saad': after a patronymic particle a capitalised title word is a name."""
    return a.covered[i] == i and a.labels[i].end == i + 1 and a.tokens[i].cap and a.tokens[i].is_word \
        and a.labels[i].kind in {"post", "word", "state", "body"} and i + 1 < len(a.tokens) \
        and (_is_name_token(a, i + 1) or a.labels[i + 1].kind == "particle")


def _caps_start(a: Analysed, i: int) -> bool:
    """A family name in capitals opens a name after an honorific, a title, a comma or nothing."""
    if not _family_caps(a, i) or not (i + 1 < len(a.tokens) and _is_name_token(a, i + 1)):
        return False
    return i == 0 or _opened(a, i) or a.tokens[i - 1].text in {",", "(", "|", ";"} or a.tokens[i - 1].fold == "and"


def name_runs(a: Analysed) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens (particles allowed inside, capitals for family names)."""
    runs, i, n = [], 0, len(a.tokens)
    while i < n:
        startable = _is_name_token(a, i) or _caps_start(a, i) or (
            # "Mr. Park Min-ho": a one-word body head opened by an honorific, before a name
            _opened(a, i, frozenset({"honorific"})) and a.covered[i] == i and a.labels[i].kind in {"body", "word"}
            and a.labels[i].end == i + 1 and a.tokens[i].cap and i + 1 < n and _is_name_token(a, i + 1))
        if startable:
            j = i + 1
            while j < n and a.covered[j] == j and (_is_name_token(a, j) or (
                    _family_caps(a, j) and not (j + 1 < n and _is_name_token(a, j + 1))) or (
                    a.labels[j].kind == "particle" and j + 1 < n and (
                        _is_name_token(a, j + 1) or _word_in_name(a, j + 1))) or (
                    _word_in_name(a, j) and a.labels[j - 1].kind == "particle")):
                j += 1
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _continues_proper_noun(a: Analysed, end: int) -> bool:
    """A run followed by more capitalised words (International Center, Foundation) names a thing."""
    if end >= len(a.tokens):
        return False
    label = a.label(end)
    token = a.tokens[end]
    if label.kind == "body" and not token.cap and token.fold not in {"parliament"}:
        return True            # "the Turkmendemiryollary agency", "the Cafebras company"
    if token.cap and label.kind in {"body", "portfolio", "cap", "doc", "word", "acronym"} and token.fold not in {"the"} \
            and not (label.kind == "acronym" and end + 1 < len(a.tokens) and a.tokens[end + 1].text == ","):
        if label.kind == "cap" and token.fold not in {"i", "ii", "iii", "iv"}:
            return False
        return True
    return False


def _name_text(a: Analysed, start: int, end: int) -> str:
    """The name as a person's name is written: capitals of a family name folded to title case."""
    words = []
    for k in range(start, end):
        text = a.tokens[k].text
        if text.isupper() and len(text) > 1 and text.isalpha():
            text = text[0] + text[1:].lower()
        words.append(text)
    out = a.text(start, end)
    if any(a.tokens[k].text.isupper() and len(a.tokens[k].text) > 1 and a.tokens[k].text.isalpha()
           for k in range(start, end)):
        out = " ".join(words)
    return out


# ---------------------------------------------------------------- titles

def walk_left(a: Analysed, start: int, stop_at: int) -> int:
    """First token of the title that ends just before `start`."""
    i = start
    while i > stop_at:
        j = a.covered[i - 1]
        label = a.labels[j]
        token = a.tokens[j]
        if label.kind in TITLE_LABELS:
            if label.kind == "func" and token.fold not in TITLE_FUNCS and not (
                    token.fold == "in" and a.label(i).kind == "state"):
                break
            if label.kind == "func" and token.fold == "and" and j > stop_at and a.label(j - 1).kind == "state":
                k = a.covered[j - 1] - 1
                if k >= stop_at and a.tokens[k].fold == "the":
                    k -= 1
                if k >= stop_at and a.tokens[k].fold == "of" and k == stop_at:
                    break           # "A of Argentina and B": the state is A's
            if label.kind == "name" and j > 0:
                k = j
                while k > stop_at and a.label(k - 1).kind in {"name", "particle"}:
                    k -= 1
                before = a.label(k - 1) if k > stop_at else None
                names_body = _is_head(a, i) and i == j + 1     # "ApexBrasil president", "Eximbank chief executive"
                if not names_body and (before is None or not (
                        a.tokens[k - 1].fold in {"of", "the", "for", "at", "in", "under", "'s"}
                        or before.kind in {"body", "portfolio", "acronym", "state", "org", "word"})):
                    break
                if names_body and (before is None or before.kind not in TITLE_LABELS):
                    i = k
                    break
            if label.kind == "portfolio" and not token.cap and not (
                    _is_head(a, i) and not a.tokens[i].cap) and not (
                    j >= 2 and a.tokens[j - 1].fold in {"of", "for"} and a.label(j - 2).kind == "post"):
                break               # "on energy Minister X": a lower-case word is no part of a title
                                    # ("the ministers of education A and B" is)
            if label.kind == "post" and not token.cap and any(v.kind == "honorific" for v in label.values) \
                    and not token.text.endswith("."):
                break
            i = j
            continue
        if token.text in ("'s", "’s") or token.text in ("-", "–", "—", "-cum-", "&", "/") or token.fold in {
                "people", "nation", "two", "three", "four", "five", "six", "seven", "both"}:
            i = j
            continue
        if token.text == ")":
            # "Hokim (governor) of ...", "Lt. Gen. (Retd.) Name": skip a short parenthesis
            k = j - 1
            while k > stop_at and a.tokens[k].text != "(" and j - k < 8:
                k -= 1
            if k > stop_at and a.tokens[k].text == "(":
                i = k
                continue
        if token.text == "," and j > stop_at and a.label(j - 1).kind in {"portfolio", "post"} and (
                a.label(i).kind in {"portfolio", "state"} or _is_head(a, i)):
            i = j          # "Minister of Foreign Affairs, Emigration and ...", "Minister of State, Minister of ..."
            continue
        break
    while i < start and (a.label(i).kind in {"func"} or a.tokens[i].text in ("-", "–", "—", ",", "&", "/")):
        i += 1
    return i


def _is_head(a: Analysed, i: int) -> bool:
    label = a.label(i)
    return label.kind == "post" and any(v.kind == "head" for v in label.values)


def walk_right(a: Analysed, start: int) -> int:
    """End of an appositive title starting at `start` (after ', the')."""
    i, n = start, len(a.tokens)
    seen_head = False
    while i < n:
        label = a.label(i)
        token = a.tokens[i]
        if label.kind in TITLE_LABELS:
            if label.kind == "name" and not seen_head:
                break
            if label.kind == "name":
                # a name inside an appositive only inside a complement ("President of ApexBrasil")
                k = i
                while k < n and a.label(k).kind in {"name", "particle"}:
                    k += 1
                prev = a.tokens[i - 1].fold if i > 0 else ""
                # after "of", "the" or an acronym a name is the body's ("CEO of PKP Polskie Linie"); after
                # a state or a portfolio word it is the next person's ("President of Latvia Anna Ozola")
                if prev not in TITLE_FUNCS and a.label(i - 1).kind not in {"acronym"} \
                        and not (k < n and a.label(k).kind in {"body", "portfolio", "word"}):
                    break
                if k < n and a.tokens[k].text == "," and k + 1 < n and a.label(k + 1).kind in {"name"}:
                    break
                i = k
                continue
            if label.kind == "func" and token.fold not in TITLE_FUNCS | {"with"}:
                break
            if label.kind == "post" and any(v.kind == "head" for v in label.values):
                seen_head = True
            i = a.labels[a.covered[i]].end if a.covered[i] == i else i + 1
            continue
        if token.text in ("'s", "’s") and i > start and a.label(i - 1).kind in {"state", "body"}:
            i += 1
            continue
        if token.text in ("–", "—", "-cum-", "-", "/") and i + 1 < n and a.label(i + 1).kind in {"post", "portfolio"}:
            i += 1
            continue
        if token.text == "(":
            close = next((k for k in range(i + 1, min(n, i + 8)) if a.tokens[k].text == ")"), None)
            if close is not None and seen_head:
                i = close + 1          # "Secretary (East)", "Director General (South Asia and SAARC)"
                continue
        if token.text == "," and i + 1 < n and seen_head and _comma_continues(a, i + 1):
            i += 1
            continue
        break
    while i > start and (a.label(i - 1).kind == "func" or a.tokens[i - 1].text in {",", "-", "–"}):
        i -= 1
    return i


def _comma_continues(a: Analysed, i: int) -> bool:
    """'Ministry of Education, Science and Culture': the comma lists portfolio words; 'Minister of
    State, Minister of Foreign Affairs': a second post; ', Ministry of External Affairs': its body."""
    n = len(a.tokens)
    if i < n and a.label(i).kind == "post" and any(v.kind == "head" for v in a.label(i).values):
        return True
    if i < n and a.label(i).kind == "body" and a.tokens[i].cap:
        return True          # "Secretary (East), Ministry of External Affairs"
    k = i
    while k < n and a.label(k).kind in {"portfolio", "name", "word", "acronym"}:
        k += 1
    if k > i and k < n and a.tokens[k].fold == "and":
        return True
    # "Director General, Indian Coast Guard": a body of capitalised words to the end of the clause
    k = i
    while k < n and a.tokens[k].cap and a.label(k).kind in {"body", "portfolio", "name", "word", "state", "acronym", "org"}:
        k = a.label(k).end if a.covered[k] == k else k + 1
    return k > i and (k >= n or a.tokens[k].text in {",", ";", "|", ".", ")"})


def parse_title(a: Analysed, begin: int, end: int, lexicon: Lexicon) -> TitleParse:
    """The posts and cues of the title between tokens begin and end."""
    parse = TitleParse(begin=begin, end=end)
    heads: list[tuple[int, int, PostWord]] = []
    i = begin
    while i < end:
        label = a.label(i)
        j = a.covered[i]
        if label.kind == "post" and j >= begin:
            values = label.values
            head = next((v for v in values if v.kind == "head"), None)
            if head is not None:
                heads.append((j, label.end, head))
            else:
                word = values[0]
                if word.kind == "occupation":
                    parse.occupation = a.text(j, label.end).lower()
                    parse.has_cue = True
                elif word.kind == "counterpart":
                    parse.counterpart = True
                    parse.has_cue = True
                    parse.plural = parse.plural or a.tokens[label.end - 1].fold.endswith("s")
                elif word.kind in {"rank", "honorific"} and not (word.kind == "honorific" and heads):
                    parse.has_cue = True
                    if word.kind == "rank" and label.end < end and a.tokens[label.end].fold == "of" and not heads:
                        heads.append((j, label.end, PostWord(word.title, "head", "body")))
                if PLURAL_ROLE.search(a.tokens[label.end - 1].fold) and word.kind == "occupation":
                    parse.plural = True
        elif label.kind == "state" and parse.state is None and j >= begin:
            if not (i > begin and a.tokens[i - 1].fold == "with"):
                parse.state = label.values[0].state
        i = label.end if label.end > i else i + 1
    if not heads:
        return parse
    parse.has_cue = True
    # split the title into one segment per post: at a joiner right before the modifiers of a head,
    # unless the head sits in the complement of the one before ("Aide to the President")
    segments: list[tuple[int, int, int]] = []     # (segment begin, head index, segment end)
    seg_begin = begin
    for number, (h_begin, h_end, head) in enumerate(heads):
        if number == 0:
            continue
        prev_end = heads[number - 1][1]
        k = h_begin
        while k > prev_end and (a.label(k - 1).kind in {"post", "portfolio", "state"} and a.covered[k - 1] >= prev_end
                                or a.tokens[k - 1].text in ("'s", "’s")):
            k = a.covered[k - 1]
        joiner = k - 1 if k - 1 >= prev_end else None
        if joiner is not None and (a.tokens[joiner].text in JOIN_WORDS or a.tokens[joiner].fold in JOIN_WORDS):
            segments.append((seg_begin, number - 1, joiner))
            seg_begin = joiner + 1
        elif k == prev_end:
            # two heads side by side: one title ("Deputy Chief Cabinet Secretary")
            heads[number - 1] = (heads[number - 1][0], h_end, heads[number - 1][2] or head)
            heads[number] = (h_begin, h_end, None)
        elif h_end == end and h_begin - 1 >= prev_end and a.label(h_begin - 1).kind in {
                "portfolio", "body", "word", "name", "acronym"} and not _after_prep(a, h_begin - 1, prev_end):
            # "Minister of Foreign Affairs Ambassador Halima Dikko": a second title before the name
            segments.append((seg_begin, number - 1, h_begin))
            seg_begin = h_begin
        else:
            heads[number] = (h_begin, h_end, None)       # inside the complement of the post before
    segments.append((seg_begin, len(heads) - 1, end))
    real = [h for h in heads if h[2] is not None]
    for (s_begin, _, s_end), (h_begin, h_end, head) in zip(segments, real):
        title = _segment(a, s_begin, h_begin, h_end, s_end, head, lexicon)
        parse.posts.append(title)
        if _singular(a.text(h_begin, h_end)).lower() != a.text(h_begin, h_end).lower():
            parse.plural = True
    shared = next((t.state for t in parse.posts if t.state), parse.state)
    for title in parse.posts:
        if title.state is None and shared and title.org is None:
            title.state = shared
            title.state_rule = "P-title-shared"
        if title.state and not title.state_rule:
            title.state_rule = "P-title-state"
    parse.state = shared
    return parse


def _after_prep(a: Analysed, joiner: int, floor: int) -> bool:
    """The words before a head end in "to the Russian", "of the": the head is a complement."""
    k = joiner
    while k >= floor and a.label(k).kind in {"state", "word"}:
        k = a.covered[k] - 1
    return k >= floor and a.tokens[k].fold in {"to", "of", "the", "for"}


def _segment(a: Analysed, s_begin: int, h_begin: int, h_end: int, s_end: int, head: PostWord,
             lexicon: Lexicon) -> Title:
    while s_end > h_end and a.label(s_end - 1).kind == "post" and any(
            v.kind in {"honorific", "rank"} for v in a.label(s_end - 1).values):
        s_end = a.covered[s_end - 1]
    title = Title(head=head, begin=s_begin, end=s_end, has_cue=True)
    modifiers: list[str] = []
    written = _singular(_as_title(a.text(h_begin, h_end)))
    pre: list[int] = []
    i = s_begin
    while i < h_begin:
        label = a.label(i)
        j = a.covered[i]
        if label.kind == "post":
            word = label.values[0]
            if word.kind == "modifier":
                modifiers.append(_as_title(a.text(j, label.end)))
            elif word.kind == "role" and word.title == "Host":
                title.host = True
            elif word.kind == "head":
                pass
        elif label.kind == "state":
            if title.state is None:
                title.state = label.values[0].state
        elif label.kind == "org":
            title.org = a.text(j, label.end)
        elif label.kind in {"portfolio", "body", "name", "word", "acronym"} or (label.kind == "func" and pre):
            pre.extend(range(j, label.end))
        i = label.end if label.end > i else i + 1
    role = " ".join(modifiers + [written])
    while pre and a.tokens[pre[-1]].fold in {"and", "of", "the"}:
        pre.pop()
    pre_text = a.text(pre[0], pre[-1] + 1) if pre else ""
    pre_body = _body_class(a, pre, lexicon)
    pre_named = bool(pre) and all(a.label(k).kind in {"name", "acronym", "word"} or a.tokens[k].fold in {"of", "the", "and"}
                                  for k in pre)
    if pre and pre_body and not a.tokens[pre[0]].cap:
        role = " ".join(modifiers + [pre_text.title(), written])
        pre_body = None
        pre_text = ""

    comp = _complement(a, h_end, s_end, lexicon)
    if comp["state"] and not title.state:
        title.state = comp["state"]
    if comp["to_state"]:
        title.to_state = comp["to_state"]
    if comp["org"] and not title.org:
        title.org = comp["org"]
    if title.org:
        title.state = None
    suffix = comp["suffix"]
    if comp["extra"]:
        suffix = (suffix + " " + comp["extra"]).strip()
    title.suffix = suffix
    title.role = role + (f" {comp['suffix']}" if comp["suffix"] else "")

    if comp["body"]:
        name, cls = comp["body"]
        title.body_name, title.body_cls = name, cls
        title.parent_name = comp["parent"]
    elif pre_body:
        title.body_name, title.body_cls = pre_text, pre_body
    elif pre_text and head.seat == "ministry" and not pre_named:
        title.body_name, title.body_cls = "Ministry of " + _portfolio(pre_text, lexicon), "Ministry"
    elif pre_text and pre_named and not title.org:
        title.body_name, title.body_cls = pre_text, "Organization"      # "ApexBrasil president"
    elif comp["portfolio"] and head.seat == "ministry":
        title.body_name, title.body_cls = "Ministry of " + comp["portfolio"], "Ministry"
    elif comp["portfolio"] and head.seat == "local":
        title.body_name, title.body_cls = comp["portfolio"], "LocalAuthority"
    elif comp["portfolio"]:
        # "Secretary of Foreign Affairs", "President of ApexBrasil", "Head of BAKAMLA": the field or
        # the body is part of the post's name
        title.suffix = (f"{comp.get('prep') or 'of'} {comp['portfolio']} " + title.suffix).strip()
    elif comp["city"] and head.seat == "local":
        title.body_name, title.body_cls = comp["city"], "LocalAuthority"
    if title.org and title.body_name and title.body_cls == "Organization" and fold(title.body_name) == fold(title.org):
        title.body_name = None
    return title


def _singular(text: str) -> str:
    """'Members of Parliament' -> 'Member of Parliament', 'Deputies' -> 'Deputy', 'Heads' -> 'Head'."""
    words = text.split()
    if not words:
        return text
    first = words[0]
    low = first.lower()
    if low.endswith("ies") and len(low) > 4:
        words[0] = first[:-3] + "y"
    elif low.endswith(("ches", "shes", "sses")):
        words[0] = first[:-2]
    elif low.endswith("s") and not low.endswith(("ss", "us", "is", "ys")) and len(low) > 3 and low not in {"affairs"}:
        words[0] = first[:-1]
    elif low == "chairmen":
        words[0] = first[:-2] + "an"
    return " ".join(words)


def _as_title(text: str) -> str:
    """'director general' -> 'Director General'; 'Chief Executive Officer' stays as written."""
    if any(c.isupper() for c in text):
        return text
    return " ".join(w if w in {"of", "the", "and", "for", "to", "in"} else w[:1].upper() + w[1:] for w in text.split())


def _portfolio(text: str, lexicon: Lexicon) -> str:
    """'Foreign' -> 'Foreign Affairs'; a phrase of several words is kept as written."""
    return lexicon.portfolios.get(fold(text)) or text if " " not in text else text


def _body_class(a: Analysed, tokens: list[int], lexicon: Lexicon) -> str | None:
    """Class of the body named by these tokens: its first word if it heads it ("Ministry of ..."), else its last."""
    heads = [a.labels[k].values[0] for k in tokens if a.covered[k] == k and a.labels[k].kind == "body"]
    if not heads:
        return None
    first = tokens[0]
    if a.covered[first] == first and a.labels[first].kind == "body":
        return heads[0]
    return heads[-1]


def _complement(a: Analysed, start: int, end: int, lexicon: Lexicon) -> dict:
    out = {"state": None, "to_state": None, "body": None, "parent": None, "portfolio": None, "city": None,
           "suffix": "", "extra": "", "org": None}
    i = start
    body_tokens: list[int] = []
    extra: list[str] = []
    prep = None
    while i < end:
        label = a.label(i)
        token = a.tokens[i]
        if token.text == "(":
            close = next((k for k in range(i + 1, min(end, i + 8)) if a.tokens[k].text == ")"), None)
            if close is not None:
                inner = a.text(i, close + 1)
                if not body_tokens and i == start and a.label(i + 1).kind != "post":
                    extra.append(inner)          # "Secretary (East)", "Joint Secretary (Latin America)"
                i = close + 1           # "Hokim (governor) of ...", "(FDFA)"
                continue
        if label.kind == "func" and token.fold in {"for", "on"} and not body_tokens and (out["state"] or out["body"] or out["portfolio"]):
            stop = i + 1
            while stop < end and a.tokens[stop].text not in {",", ";"}:
                stop += 1
            extra.append(a.text(i, stop))
            i = stop
            continue
        if label.kind == "func" and token.fold in {"of", "to", "for", "in", "at", "on", "with"} and not body_tokens:
            prep = token.fold
            i += 1
            continue
        if label.kind == "func" and token.fold == "the" and not body_tokens:
            i += 1
            continue
        if token.text in {",", "–", "—"} and not body_tokens and i + 1 < end:
            i += 1              # "Director General, Indian Coast Guard"
            continue
        if prep == "with":
            # "Head of the Friendship Group with Georgia": the state after "with" is the other side
            stop = i
            while stop < end and a.tokens[stop].text not in {",", ";"}:
                stop += 1
            if body_tokens:
                _close_body(a, body_tokens, out, lexicon)
                body_tokens = []
            extra.append("with " + a.text(i, stop))
            i = stop
            prep = None
            continue
        if label.kind == "org" and a.covered[i] == i and not body_tokens:
            out["org"] = out["org"] or a.text(i, label.end)
            nxt = label.end
            if nxt < end and a.label(nxt).kind in {"body", "word", "name", "portfolio"}:
                body_tokens.extend(range(i, nxt))      # "the CIS Executive Committee"
            i = nxt
            continue
        if label.kind == "state" and a.covered[i] == i and body_tokens and a.tokens[i - 1].text in {"-", "–"}:
            body_tokens.extend(range(i, label.end))     # "Japan-Viet Nam Friendship League"
            i = label.end
            continue
        if label.kind == "state" and a.covered[i] == i:
            nxt = label.end
            mention = label.values[0]
            if nxt < end and a.tokens[nxt].text in ("'s", "’s"):
                out["state"] = out["state"] or mention.state
                i = nxt + 1
                continue
            continues = nxt < end and (a.label(nxt).kind in {"body", "portfolio"} or (
                a.label(nxt).kind in {"name", "word", "acronym"} and a.tokens[nxt].cap) or (
                a.tokens[nxt].text in {"-", "–"} and nxt + 1 < end and a.label(nxt + 1).kind == "state"))
            if continues:
                # "Bukhara Region", "Emigration and Tunisian Expatriates": a place or demonym inside a name
                if (mention.form == "demonym" or mention.form in {"name", "alias", "official"}) and not (
                        a.tokens[nxt].text in {"-", "–"}):
                    out["state"] = out["state"] or mention.state
                body_tokens.extend(range(i, nxt))
                i = nxt
                continue
            if nxt < end and a.label(nxt).kind == "post" and prep == "to":
                out["state"] = out["state"] or mention.state
                words = a.label(nxt)
                out["suffix"] = "to the " + words.values[0].title
                i = words.end
                continue
            if mention.form in {"city", "capital"} and not body_tokens:
                out["city"] = a.text(i, nxt)
            if body_tokens:
                _close_body(a, body_tokens, out, lexicon)
                body_tokens = []
            if prep in {"to", "in"} and out["state"] is not None or prep == "to":
                out["to_state"] = out["to_state"] or mention.state
            elif mention.form not in {"city", "capital"} or out["state"] is None:
                out["state"] = out["state"] or mention.state
            i = nxt
            prep = None
            continue
        if label.kind == "post" and any(v.kind == "head" for v in label.values) and not body_tokens and prep in {"to", "of"}:
            # "Aide to the President", "Press Secretary of the President", "wife of the President"
            out["suffix"] = (out["suffix"] + f" {prep} the " + _singular(_as_title(a.text(i, label.end)))).strip()
            i = label.end
            prep = None
            continue
        if token.text in ("'s", "’s") and body_tokens:
            body_tokens.append(i)       # "the Croatian Parliament's Friendship Group"
            i += 1
            continue
        if label.kind == "post" and any(v.kind in {"honorific", "rank"} for v in label.values):
            break
        if label.kind == "func" and token.fold in {"of", "to", "at", "in", "for", "on"} and body_tokens:
            # does a state follow? then the body ends here
            k = i + 1
            while k < end and a.tokens[k].fold == "the":
                k += 1
            if k < end and a.covered[k] == k and a.label(k).kind == "state" and not (
                    a.label(k).end < end and a.label(a.label(k).end).kind in {"body", "portfolio", "name"}):
                _close_body(a, body_tokens, out, lexicon)
                body_tokens = []
                prep = token.fold
                i = k
                continue
            if token.fold in {"for", "on"} and out["body"] is None:
                # "Minister of State for Foreign Trade": the field after the first complement
                _close_body(a, body_tokens, out, lexicon)
                body_tokens = []
                stop = i + 1
                while stop < end and a.tokens[stop].text not in {",", ";"} and a.label(stop).kind != "state":
                    stop += 1
                extra.append(a.text(i, stop))
                i = stop
                continue
        body_tokens.extend(range(i, label.end) if a.covered[i] == i else [i])
        i = label.end if a.covered[i] == i else i + 1
    if body_tokens:
        _close_body(a, body_tokens, out, lexicon)
    out["extra"] = " ".join(extra)
    return out


def _prep_before(a: Analysed, i: int) -> str:
    k = i - 1
    while k >= 0 and a.tokens[k].fold == "the":
        k -= 1
    return a.tokens[k].fold if k >= 0 and a.tokens[k].fold in {"of", "for", "at", "in", "to", "on"} else "of"


def _close_body(a: Analysed, tokens: list[int], out: dict, lexicon: Lexicon) -> None:
    while tokens and a.tokens[tokens[-1]].fold in {"of", "the", "and", "to", "for", "under", "at", "in", "on"}:
        tokens.pop()
    while tokens and a.tokens[tokens[0]].text in {",", "–", "—"}:
        tokens = tokens[1:]
    if not tokens:
        return
    if out["body"] or out["portfolio"]:
        # a second complement ("Minister for Foreign Affairs ... Trade"): keep it for the label
        out["extra"] = (out.get("extra", "") + " " + a.text(tokens[0], tokens[-1] + 1)).strip()
        return
    # "X under the Ministry of Y": X sits under a parent body
    for k, t in enumerate(tokens):
        if a.tokens[t].fold == "under":
            rest = tokens[k + 1:]
            while rest and a.tokens[rest[0]].fold == "the":
                rest = rest[1:]
            if rest and _body_class(a, rest, lexicon):
                out["parent"] = (a.text(rest[0], rest[-1] + 1), _body_class(a, rest, lexicon))
                tokens = tokens[:k]
                break
    if not tokens:
        # "Director under the Ministry of Finance": nothing before "under", the post is in the parent
        out["body"], out["parent"] = out["parent"], None
        return
    cls = _body_class(a, tokens, lexicon)
    text = a.text(tokens[0], tokens[-1] + 1)
    if cls:
        out["body"] = (text, cls)
    elif all(a.label(t).kind in {"portfolio", "func", "name", "state", "word"} or a.tokens[t].text == "," for t in tokens) \
            and any(a.label(t).kind == "portfolio" for t in tokens):
        out["portfolio"] = _portfolio(text, lexicon)
    elif all(a.label(t).kind in {"portfolio", "func", "name", "state", "word", "acronym", "org", "particle"}
             or a.tokens[t].text in {",", "-", "–"} for t in tokens):
        out["portfolio"] = text         # "President of ApexBrasil", "Head of BAKAMLA", "Chief of the Army Staff"
    out["prep"] = out.get("prep") or _prep_before(a, tokens[0])


# ---------------------------------------------------------------- sentences

def read_people(a: Analysed, reg: ArticlePeople) -> list[tuple[Person, int, int]]:
    """Person mentions of one sentence, in order, as (person, first token, end token)."""
    lexicon = reg.lexicon
    found: list[tuple[Person, int, int]] = []
    titles: dict[str, TitleParse] = {}
    last_end = 0
    previous_title: TitleParse | None = None
    respective: dict[int, list[str]] = {}        # plural title -> the people it was given to, in order
    skip_until = 0
    for start, end in name_runs(a):
        if start < skip_until:
            continue           # a name inside the appositive of the name before ("CEO of PKP Polskie ...")
        if _continues_proper_noun(a, end) and not _opened(a, start):
            reg.unused.append({"sentence": a.sentence.index, "text": a.text(start, min(end + 2, len(a.tokens))),
                               "reason": "the name of a thing (a body, place or event word follows)"})
            continue
        name = _name_text(a, start, end)
        if start > 0 and a.tokens[start - 1].fold in {"of", "for", "at", "in"} and end < len(a.tokens) \
                and a.tokens[end].text == "," and end + 1 < len(a.tokens) and (
                    a.label(end + 1).kind == "name" or _opened(a, end + 2, frozenset({"honorific", "rank"}))):
            continue           # "the Governor of Chiapas, Oscar Gutierrez": Chiapas is the place
        left = walk_left(a, start, last_end)
        title = parse_title(a, left, start, lexicon) if left < start else TitleParse()
        if left == start and start >= 2 and a.tokens[start - 1].text == ",":
            # "the national leader of the Kazakh people, Nurlan Abenov"; "the Minister of Foreign Affairs, Mr. X"
            before = walk_left(a, start - 1, last_end)
            if before < start - 1:
                candidate = parse_title(a, before, start - 1, lexicon)
                if candidate.head or candidate.occupation or candidate.counterpart:
                    title = candidate
        elif left < start and title.posts and all(_bare(t) for t in title.posts) and left >= 2 \
                and a.tokens[left - 1].text == ",":
            before = walk_left(a, left - 1, last_end)
            if before < left - 1:
                candidate = parse_title(a, before, left - 1, lexicon)
                if candidate.posts:
                    candidate.posts = candidate.posts + title.posts
                    title = candidate
        elif left < start and not title.posts and start >= 2:
            # "the President of the Republic, Mrs. X": honorific right before the name, title before the comma
            k = left
            if k >= 2 and a.tokens[k - 1].text == ",":
                before = walk_left(a, k - 1, last_end)
                if before < k - 1:
                    candidate = parse_title(a, before, k - 1, lexicon)
                    if candidate.head or candidate.occupation or candidate.counterpart:
                        candidate.has_cue = True
                        title = candidate
        _its_body(a, left if left < start else start, title, last_end)
        appositive = None
        k = end
        while k < len(a.tokens) and a.tokens[k].text == "," and k + 1 < len(a.tokens) and a.label(k + 1).kind == "acronym" \
                and a.tokens[k + 1].text.isalpha():
            k += 2          # post-nominals: ", SAN,", ", PTM, TM,"
        if k + 1 < len(a.tokens) and a.tokens[k].text == ",":
            k += 1
            while k < len(a.tokens) and a.tokens[k].fold in APPOSITIVE_OPENERS:
                k += 1
            stop = walk_right(a, k)
            # "A, the Ambassador of X, B, the Ambassador of Y": a title between two names is the second's
            after = stop + 1 if stop < len(a.tokens) and a.tokens[stop].text == "," else stop
            while after < len(a.tokens) and a.label(after).kind == "post" and any(
                    v.kind in {"honorific", "rank"} for v in a.label(after).values):
                after = a.label(after).end
            followed_by_name = after < len(a.tokens) and a.label(after).kind == "name" and not (
                after == stop + 1 and a.tokens[after].fold in {"who", "which"})
            if stop > k and not followed_by_name and a.tokens[k].fold != "and":
                candidate = parse_title(a, k, stop, lexicon)
                if candidate.has_cue:
                    appositive = candidate
                    skip_until = stop
        words = name.split()
        hint = title.head.title if title.head else None
        known = reg.find(name, hint)
        verb_cue = (len(words) >= 2 and end < len(a.tokens) and VERB_AFTER_NAME.match(a.tokens[end].fold) is not None)
        possessive_cue = len(words) >= 2 and end < len(a.tokens) and a.tokens[end].text in ("'s", "’s") and title.has_cue
        joined = bool(found) and _coordinated(a, found[-1][2], start)
        listed = previous_title is not None and previous_title.plural and joined
        coordinated = joined and len(words) >= 2 and not title.posts and not title.counterpart
        # "met Jordan's Ayman Safadi", "Jordanian Omar Razzaz said": a state word right before a full name
        national = len(words) >= 2 and title.state is not None and start > 0 and (
            a.label(start - 1).kind == "state" or a.tokens[start - 1].text in ("'s", "’s") and start > 1
            and a.label(start - 2).kind == "state")
        if not (title.has_cue or appositive or known or verb_cue or possessive_cue or listed or coordinated or national):
            reg.unused.append({"sentence": a.sentence.index, "text": name,
                               "reason": "capitalised words with no title, honorific or verb to mark a person"})
            continue
        if len(words) == 1 and not known:
            # a surname alone is a mention of someone named in full elsewhere; keep it only with a title
            if not (title.head or (title.has_cue and _opened(a, start))):
                reg.unused.append({"sentence": a.sentence.index, "text": name,
                                   "reason": "one name alone, of no person named in full"})
                continue
        if len(words) > 6 or all(is_initial(w) for w in words):
            continue
        rule = ("P-title" if title.posts else "P-title-cue" if title.has_cue else "P-appositive" if appositive
                else "P-known" if known else "P-verb-after-name" if verb_cue else "P-possessive" if possessive_cue
                else "P-listed" if listed else "P-nationality" if national and not coordinated else "P-coordinated")
        span = Span(a.sentence.index, *a.span(start, end))
        person = known if (known and (len(words) == 1 or name_key(name) != name_key(known.name) and
                                      not _fuller(name, known))) else reg.add(name, span)
        if person is known and known is not None and (len(words) == 1 or name_key(name) != name_key(known.name)):
            person.spans.append(span)
            reg.mentioned(person)
        if listed and not title.posts and previous_title is not None:
            title = previous_title
        person.why.setdefault("person", rule)
        for t in (title, appositive):
            if t is not None:
                _apply_title(a, reg, person, t, found, span)
        of_state = _of_state_after(a, end)
        if of_state and not appositive:
            for post in person.posts:
                if post.state is None and post.span == span and not post.org:
                    post.state, post.rule = of_state, "P-name-of-state"
                    post.label = _post_label(lexicon, post.role, reg.bodies.get(post.body), of_state, post.to_state)
            if not person.state and not any(q.state for q in person.posts):
                person.state, person.state_span, person.state_rule = of_state, span, "P-name-of-state"
        elif not appositive:
            _of_body_after(a, reg, person, end, span)
        if title.plural and title.posts:
            _respectively(a, reg, person, title, respective.setdefault(id(title), []), span)
        if title.posts or title.occupation or title.counterpart:
            previous_title = title
        found.append((person, start, end))
        titles[person.key] = title
        last_end = end
    return found


def _its_body(a: Analysed, left: int, title: TitleParse, floor: int) -> None:
    """'the Foreign Policy Committee and its chairman, X', 'led by its head X': the post is in the
    body named just before 'its'."""
    k = left - 1
    if k >= 0 and a.tokens[k].text == ",":
        k = title.begin - 1
    if not title.posts or k < 0 or a.tokens[k].fold not in {"its", "whose"}:
        return
    head = next((j for j in range(k - 1, max(floor - 1, k - 15), -1) if a.label(j).kind == "body" and a.tokens[j].cap), None)
    if head is None:
        return
    begin = a.covered[head]
    while begin > floor and a.tokens[begin - 1].cap and a.label(begin - 1).kind in {
            "name", "word", "portfolio", "state", "acronym", "body"} or (
            begin > floor + 1 and a.tokens[begin - 1].text in {"-", "–"} and a.label(begin - 2).kind == "state"):
        begin = a.covered[begin - 1]
    end = a.label(head).end
    post = title.posts[0]
    if not post.body_name:
        post.body_name, post.body_cls = a.text(begin, end), a.label(head).values[0]


def _bare(title: Title) -> bool:
    return not (title.body_name or title.suffix or title.state or title.org)


def _coordinated(a: Analysed, prev_end: int, start: int) -> bool:
    """Only a list separator (and a 'of STATE' of the name before) lies between two names:
    'A of Argentina, B of Brazil and C', 'A, B and C'."""
    k = prev_end
    if k < start and a.tokens[k].fold == "of":
        k += 1
        if k < start and a.tokens[k].fold == "the":
            k += 1
        if k < start and a.label(k).kind == "state":
            k = a.label(k).end
        else:
            return False
    seps = 0
    while k < start and a.tokens[k].text in {",", "and", "&", ";"}:
        k += 1
        seps += 1
    if k < start and a.label(k).kind == "state":
        k = a.label(k).end                  # "..., Brazil's Henrique Vilela and ..."
        if k < start and a.tokens[k].text in ("'s", "’s"):
            k += 1
    return k == start and 1 <= seps <= 2


def _of_state_after(a: Analysed, end: int) -> str | None:
    """'President Cemal Akgun of the Republic of Turkey': the state right after a name."""
    if end + 1 >= len(a.tokens) or a.tokens[end].fold != "of":
        return None
    k = end + 1
    if a.tokens[k].fold == "the":
        k += 1
    if k < len(a.tokens) and a.covered[k] == k and a.labels[k].kind == "state":
        mention = a.labels[k].values[0]
        nxt = a.labels[k].end
        if mention.form in {"name", "official", "alias"} and not (nxt < len(a.tokens) and a.label(nxt).kind in {"body", "portfolio"}):
            return mention.state
    return None


def _respectively(a: Analysed, reg: ArticlePeople, person: Person, title: TitleParse, given: list[str],
                  span: Span) -> None:
    """'The foreign ministers of Chile and Argentina, Alberto Soto and Diana Ruiz': as many states
    as names, in the same order."""
    if person.key in given:
        return
    given.append(person.key)
    states = a.states_named(title.begin, min(title.end, len(a.tokens)))
    if len(states) < 2 or len(given) > len(states):
        return
    state = states[len(given) - 1]
    for post in person.posts:
        if post.span == span and post.state and post.state != state and post.state in states:
            body = reg.bodies.get(post.body) if post.body else None
            if body is not None:
                post.body = reg.body(body.name, body.cls, state, span)
            post.state = state
            post.label = _post_label(reg.lexicon, post.role, reg.bodies.get(post.body), state, post.to_state)
            post.rule = "P-respectively"


def _of_body_after(a: Analysed, reg: ArticlePeople, person: Person, end: int, span: Span) -> None:
    """'Minister Amara Diallo of the Ministry of Foreign Affairs of Senegal': the body and state
    after the name seat the post the title gave without them."""
    n = len(a.tokens)
    if end + 1 >= n or a.tokens[end].fold != "of":
        return
    k = end + 1 + (a.tokens[end + 1].fold == "the")
    if k >= n or not (a.label(k).kind == "body" or a.label(k).kind == "state" and a.labels[a.covered[k]].end < n
                      and a.label(a.labels[a.covered[k]].end).kind == "body"):
        return
    stop = k
    while stop < n and a.tokens[stop].text not in {",", ";", ".", "(", ")"} and a.label(stop).kind != "lower":
        stop += 1
    comp = _complement(a, end, stop, reg.lexicon)
    if not (comp["body"] and comp["state"]):
        return
    for post in person.posts:
        if post.state is None and post.body is None and post.span == span and not post.org:
            post.body = reg.body(comp["body"][0], comp["body"][1], comp["state"], span)
            post.state, post.rule = comp["state"], "P-name-of-body"
            post.label = _post_label(reg.lexicon, post.role, reg.bodies[post.body], comp["state"], post.to_state)


def _fuller(name: str, known: Person) -> bool:
    return len(name.split()) > len(known.name.split())


def _apply_title(a: Analysed, reg: ArticlePeople, person: Person, parse: TitleParse,
                 found: list, span: Span) -> None:
    lexicon = reg.lexicon
    if parse.occupation and not person.occupation:
        person.occupation = parse.occupation
    if parse.counterpart and not parse.posts:
        other = next((p for p, _, _ in reversed(found) if p.posts and p is not person), None)
        if other is not None:
            model = other.posts[-1]
            state = parse.state
            body_key = None
            if model.body and state:          # no state named: the counterpart's body is unknown
                body = reg.bodies[model.body]
                body_key = reg.body(body.name, body.cls, state, span)
            label = _post_label(lexicon, model.role, body_key and reg.bodies[body_key], state, None)
            if body_key is None:
                label = _strip_state(model.label, lexicon, model.state, model.to_state)
                if state and not _names_state(label, lexicon, state):
                    label += f" of {lexicon.states[state].name}"
            person.posts.append(Post(role=model.role, label=label,
                                     state=state, body=body_key, span=span, head=model.head,
                                     rule="P-counterpart-state" if state else "P-counterpart"))
            if bool(state) != bool(any(q.state for q in other.posts) or other.state):
                person.counterpart_of = other.key      # one side known: the other is the other state
            return
    if not parse.posts:
        if parse.state and not person.state:
            person.state = parse.state
            person.state_span = span
            person.state_rule = "P-nationality"
        return
    for title in parse.posts:
        state = title.state
        body_key = None
        parent_key = None
        if title.parent_name:
            pname, pcls = title.parent_name
            parent_key = reg.body(pname, pcls, state, span)
        named = bool(title.body_name)
        if title.body_name:
            body_key = reg.body(title.body_name, title.body_cls, None if title.org else state, span, parent_key)
            state = state or reg.bodies[body_key].state
        elif title.head.seat == "embassy" and state and title.to_state:
            names = lexicon.states
            body_key = reg.body(f"Embassy of {names[state].name} in {names[title.to_state].name}", "Embassy", state, span)
        elif title.head.seat == "government" and state:
            body_key = reg.body("Government", "Government", state, span)
        elif title.head.seat == "parliament" and state:
            body_key = reg.body("Parliament", "Parliament", state, span)
        label = _post_label(lexicon, title.role, body_key and reg.bodies[body_key], state, title.to_state, named)
        if title.suffix and title.suffix not in label:
            label = _insert_suffix(label, title.suffix, lexicon, state, title.to_state)
        if title.org and title.org.lower() not in label.lower() and not (body_key and reg.bodies[body_key].cls != "Organization"):
            label = f"{label} of {title.org}"
        rule = "P-title" + ("-org" if title.org else "")
        post = Post(role=title.role, label=label, state=state, body=body_key, to_state=title.to_state, span=span,
                    rule=rule, org=title.org, head=title.head.title, host=title.host and not state)
        if parse.counterpart and state:
            post.rule = "P-counterpart-state"
        if not any(p.label == post.label for p in person.posts):
            person.posts.append(post)
        if parse.counterpart and not state:
            other = next((p for p, _, _ in reversed(found) if p is not person and any(q.state for q in p.posts)), None)
            if other is not None:
                person.counterpart_of = other.key
        elif parse.counterpart:
            # "X held talks with his Ugandan counterpart Y": X is of the other state
            other = next((p for p, _, _ in reversed(found) if p is not person and p.posts), None)
            if other is not None and not any(q.state for q in other.posts) and not other.state:
                person.counterpart_of = other.key


def _strip_state(label: str, lexicon: Lexicon, state: str | None, to_state: str | None) -> str:
    for s in (to_state, state):
        if s:
            for part in (f" to {lexicon.states[s].name}", f" of {lexicon.states[s].name}"):
                if label.endswith(part):
                    label = label[: -len(part)]
    return label


def _insert_suffix(label: str, suffix: str, lexicon: Lexicon, state: str | None, to_state: str | None) -> str:
    """Put a complement the label lacks ("for Political Affairs") before its state part."""
    tail = ""
    for s in (to_state, state):
        if s:
            for part in (f" to {lexicon.states[s].name}", f" of {lexicon.states[s].name}"):
                if label.endswith(part):
                    label, tail = label[: -len(part)], part + tail
    return f"{label} {suffix}{tail}"


def _post_label(lexicon: Lexicon, role: str, body: Body | None, state: str | None, to_state: str | None,
                named: bool = False) -> str:
    names = lexicon.states
    if body is not None and named and body.name in {"Government", "Parliament"} and role != "Member of Parliament":
        label = f"{role} of the {body.name}"
    elif body is not None and body.cls == "Embassy":
        label = role
    elif body is not None and body.cls == "Ministry" and role.endswith("Minister") and body.name.startswith("Ministry of "):
        label = f"{role} of {body.name[len('Ministry of '):]}"
    elif body is not None and body.cls == "LocalAuthority":
        label = f"{role} of {body.name}"
    elif body is not None and body.name not in {"Government", "Parliament"}:
        label = f"{role} of the {body.name}" if not body.name.lower().startswith("the ") else f"{role} of {body.name}"
    else:
        label = role
    if state and not _names_state(label, lexicon, state):
        label += f" of {names[state].name}"
    if to_state:
        label += f" to {names[to_state].name}"
    return label


def _names_state(label: str, lexicon: Lexicon, state: str) -> bool:
    st = lexicon.states[state]
    low = fold(label)
    return any(fold(x) in low.split() or f" {fold(x)} " in f" {low} " for x in (st.name, *st.demonyms) if x)
