"""People, their posts and the bodies those posts sit in, from titles before or after names.

"Georgian Foreign Minister Nino Beridze", "Minister of Agriculture of the Kyrgyz Republic
Aibek Toktogulov", "Ana Petrova, the President of ...", "his Uzbek counterpart Bakhrom
Saidov" (fictional people). A title is parsed into modifiers + head + complements; the head's seat (from posts.tsv)
says where a post without a named body sits.
"""
from __future__ import annotations

import difflib
import re
from collections import deque
from dataclasses import dataclass, field

from ..facts import Body, Person, Post, Span
from ..lexicon import Lexicon, PostWord, fold
from .names import compatible, is_initial, name_key, surname_key
from .sentence import Analysed

TITLE_LABELS = {"post", "body", "portfolio", "state", "func", "name", "particle"}
VERB_AFTER_NAME = re.compile(r"^(?:[a-z]+ed|said|met|held|spoke|told|took|paid|gave|made|is|was|has|had|will|would|also|"
                             r"thanked|briefed|visited|received|noted|stressed|signed|hailed|conveyed|recalled)$")


@dataclass
class Title:
    head: PostWord | None = None
    role: str = ""
    state: str | None = None
    to_state: str | None = None
    body_name: str | None = None
    body_cls: str | None = None
    body_state: str | None = None
    parent_name: str | None = None
    occupation: str | None = None
    counterpart: bool = False
    has_cue: bool = False
    suffix: str = ""
    begin: int = 0
    end: int = 0


@dataclass
class ArticlePeople:
    """People and bodies of one article, with the mentions found so far."""

    lexicon: Lexicon
    people: list[Person] = field(default_factory=list)
    bodies: dict[str, Body] = field(default_factory=dict)
    last_mentioned: dict[str, int] = field(default_factory=dict)
    order: int = 0
    by_key: dict[str, Person] = field(default_factory=dict)
    by_surname: dict[str, list[Person]] = field(default_factory=dict)
    recent: deque = field(default_factory=lambda: deque(maxlen=50))   # last people mentioned, newest last

    def mentioned(self, person: Person) -> None:
        self.order += 1
        self.last_mentioned[person.key] = self.order
        if person in self.recent:
            self.recent.remove(person)
        self.recent.append(person)

    # ------------------------------------------------------------ registry
    def _index(self, person: Person, name: str) -> None:
        self.by_key.setdefault(name_key(name), person)
        bucket = self.by_surname.setdefault(surname_key(name), [])
        if person not in bucket:
            bucket.append(person)

    def find(self, name: str, role_hint: str | None = None) -> Person | None:
        """The person of this article the name refers to; lookups go through indexes, so an
        article with thousands of names stays linear."""
        known = self.by_key.get(name_key(name))
        if known is not None:
            return known
        words = name.split()
        if len(words) > 1 and not all(is_initial(w) for w in words[:-1]):
            return None
        candidates = [p for p in self.by_surname.get(surname_key(name), [])
                      if any(compatible(name, n) for n in p.names) and (len(words) > 1 or len(p.name.split()) > 1)]
        if not candidates:
            return None
        if len(candidates) > 1 and role_hint:
            fitting = [p for p in candidates if any(role_hint.lower() in q.role.lower() for q in p.posts)]
            if fitting:
                candidates = fitting
        return max(candidates, key=lambda p: self.last_mentioned.get(p.key, -1))

    def add(self, name: str, span: Span) -> Person:
        person = self.find(name)
        if person is None and len(name.split()) > 1:
            # a surname-only mention seen first ("President Karimli") gets its full name
            person = next((p for p in self.by_surname.get(surname_key(name), []) if len(p.names) == 1
                           and len(p.name.split()) == 1 and compatible(p.name, name)), None)
            if person is not None:
                person.name, person.names = name, [name]
                self._index(person, name)
        if person is None:
            person = Person(key=f"p{len(self.people)}", name=name, names=[name])
            self.people.append(person)
            self._index(person, name)
        elif name not in person.names and len(name.split()) > 1 and not any(is_initial(w) for w in name.split()):
            person.names.append(name)
            self._index(person, name)
            if len(name) > len(person.name) and not any(is_initial(w) for w in person.name.split()[:-1]):
                person.name = name
            elif any(is_initial(w) for w in person.name.split()[:-1]):
                person.name = name
        person.spans.append(span)
        self.mentioned(person)
        return person

    def body(self, name: str, cls: str, state: str | None, span: Span, parent: str | None = None) -> str:
        if state is None:
            # "the National Assembly" after "the National Assembly of Serbia"
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

def name_runs(a: Analysed) -> list[tuple[int, int]]:
    """Maximal runs of name-like tokens (particles allowed inside)."""
    runs, i, n = [], 0, len(a.tokens)
    while i < n:
        if a.covered[i] == i and a.labels[i].kind == "name":
            j = i + 1
            while j < n and a.covered[j] == j and (a.labels[j].kind == "name" or (
                    a.labels[j].kind == "particle" and j + 1 < n and a.labels[j + 1].kind == "name")):
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
    if token.cap and label.kind in {"body", "portfolio", "cap", "doc"} and token.fold not in {"the"}:
        return True
    return False


# ---------------------------------------------------------------- titles

def walk_left(a: Analysed, start: int, stop_at: int) -> int:
    """First token of the title that ends just before `start`."""
    i = start
    while i > stop_at:
        j = a.covered[i - 1]
        label = a.labels[j]
        token = a.tokens[j]
        if label.kind in TITLE_LABELS:
            if label.kind == "func" and token.fold not in {"of", "the", "and", "for", "to", "under"} and not (
                    token.fold == "in" and a.label(i).kind == "state"):
                break
            i = j
            continue
        if token.text in ("'s", "’s") or token.text == "-" or token.fold in {"people", "nation"}:
            i = j
            continue
        if token.text == ")":
            # "Hokim (governor) of ...": skip a short parenthesis
            k = j - 1
            while k > stop_at and a.tokens[k].text != "(" and j - k < 6:
                k -= 1
            if k > stop_at and a.tokens[k].text == "(":
                i = k
                continue
        if token.text == "," and j > stop_at and a.label(j - 1).kind == "portfolio" and a.label(i).kind in {"portfolio", "state"}:
            i = j          # "Minister of Foreign Affairs, Emigration and ..."
            continue
        break
    while i < start and a.label(i).kind == "func":
        i += 1
    return i


def walk_right(a: Analysed, start: int) -> int:
    """End of an appositive title starting at `start` (after ', the')."""
    i, n = start, len(a.tokens)
    while i < n:
        label = a.label(i)
        token = a.tokens[i]
        if label.kind in TITLE_LABELS:
            if label.kind == "name":
                # a name inside an appositive only when a body word follows (Kisumu County Province)
                k = i
                while k < n and a.label(k).kind == "name":
                    k += 1
                if k >= n or a.label(k).kind not in {"body", "portfolio"}:
                    break
            if label.kind == "func" and token.fold not in {"of", "the", "and", "for", "to", "under"}:
                break
            i = a.labels[a.covered[i]].end
            continue
        if token.text in ("'s", "’s") and i > start and a.label(i - 1).kind == "state":
            i += 1
            continue
        if token.text == "," and i + 1 < n and a.tokens[i + 1].cap and a.label(i + 1).kind in {"portfolio", "name"} \
                and _comma_continues(a, i + 1):
            i += 1
            continue
        break
    while i > start and a.label(i - 1).kind == "func":
        i -= 1
    return i


def _comma_continues(a: Analysed, i: int) -> bool:
    """'Ministry of Education, Science and Culture': the comma lists portfolio words."""
    n = len(a.tokens)
    while i < n and a.label(i).kind in {"portfolio", "name"}:
        i += 1
    return i < n and a.tokens[i].fold == "and"


def parse_title(a: Analysed, begin: int, end: int, lexicon: Lexicon) -> Title:
    title = Title(begin=begin, end=end)
    i = begin
    head_at = None
    modifiers: list[str] = []
    pre: list[int] = []
    while i < end:
        label = a.label(i)
        j = a.covered[i]
        if label.kind == "post":
            word = label.values[0]
            heads = [v for v in label.values if v.kind == "head"]
            if heads:
                title.head = heads[0]
                head_at = (j, label.end)
                break
            if word.kind == "modifier":
                modifiers.append(word.title)
            elif word.kind == "occupation":
                title.occupation = a.text(j, label.end).lower()
                title.has_cue = True
            elif word.kind == "counterpart":
                title.counterpart = True
                title.has_cue = True
            elif word.kind in {"rank", "honorific"}:
                title.has_cue = True
        elif label.kind == "state":
            if title.state is None:
                title.state = label.values[0].state
        elif label.kind in {"portfolio", "body", "name"} or (label.kind == "func" and pre):
            pre.extend(range(j, label.end))
        i = label.end
    if title.head is None:
        # the state of an occupation ("Kyrgyz poet") or of a people ("of the Azerbaijani people")
        for k in range(begin, end):
            if a.covered[k] == k and a.labels[k].kind == "state" and title.state is None:
                title.state = a.labels[k].values[0].state
        return title
    title.has_cue = True
    head = title.head
    role = " ".join(modifiers + [head.title])

    # premodifier: "Digital Development and Transport [Deputy Minister]", "Security Council [Chairman]"
    pre_tokens = [k for k in pre if k < head_at[0]]
    while pre_tokens and a.tokens[pre_tokens[-1]].fold in {"and", "of", "the"}:
        pre_tokens.pop()
    pre_text = a.text(pre_tokens[0], pre_tokens[-1] + 1) if pre_tokens else ""
    pre_body = _body_class(a, pre_tokens, lexicon)
    if pre_tokens and pre_body and not a.tokens[pre_tokens[0]].cap:
        role = " ".join(modifiers + [pre_text.title(), head.title])
        pre_body = None
        pre_text = ""

    # complement after the head: "of the Ministry of X", "of the Republic of Y", "to Z"
    comp = _complement(a, head_at[1], end, lexicon)
    if comp["state"]:
        title.state = comp["state"]
    if comp["to_state"]:
        title.to_state = comp["to_state"]
    title.suffix = comp["suffix"]
    if comp["suffix"]:
        role = f"{role} {comp['suffix']}"
    title.role = role

    if comp["body"]:
        name, cls = comp["body"]
        title.body_name, title.body_cls = name, cls
        title.parent_name = comp["parent"]
    elif pre_body:
        title.body_name, title.body_cls = pre_text, pre_body
    elif pre_text and head.seat == "ministry":
        title.body_name, title.body_cls = "Ministry of " + _portfolio(pre_text, lexicon), "Ministry"
    elif comp["portfolio"] and head.seat == "ministry":
        title.body_name, title.body_cls = "Ministry of " + comp["portfolio"], "Ministry"
    elif comp["portfolio"] and head.seat in {"local", "body"}:
        title.body_name, title.body_cls = comp["portfolio"], "LocalAuthority" if head.seat == "local" else "Organization"
    elif comp["city"] and head.seat == "local":
        title.body_name, title.body_cls = comp["city"], "LocalAuthority"
    title.body_state = title.state
    return title


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
    out = {"state": None, "to_state": None, "body": None, "parent": None, "portfolio": None, "city": None, "suffix": ""}
    i = start
    body_tokens: list[int] = []
    prep = None
    while i < end:
        label = a.label(i)
        token = a.tokens[i]
        if token.text == "(":
            close = next((k for k in range(i + 1, min(end, i + 6)) if a.tokens[k].text == ")"), None)
            if close is not None:
                i = close + 1           # "Hokim (governor) of ..."
                continue
        if label.kind == "func" and token.fold in {"of", "to", "for", "in"} and not body_tokens:
            prep = token.fold
            i += 1
            continue
        if label.kind == "func" and token.fold == "the" and not body_tokens:
            i += 1
            continue
        if label.kind == "state" and a.covered[i] == i:
            nxt = label.end
            mention = label.values[0]
            if nxt < end and a.tokens[nxt].text in ("'s", "’s"):
                out["state"] = out["state"] or mention.state
                i = nxt + 1
                continue
            continues = nxt < end and a.label(nxt).kind in {"body", "portfolio", "name"}
            if continues:
                # "Bukhara Region", "Emigration and Tunisian Expatriates": a place or demonym inside a name
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
            if prep == "to":
                out["to_state"] = out["to_state"] or mention.state
            else:
                out["state"] = out["state"] or mention.state
            i = nxt
            prep = None
            continue
        if label.kind == "func" and token.fold in {"of", "to"} and body_tokens:
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
        body_tokens.extend(range(i, label.end) if a.covered[i] == i else [i])
        i = label.end if a.covered[i] == i else i + 1
    if body_tokens:
        _close_body(a, body_tokens, out, lexicon)
    return out


def _close_body(a: Analysed, tokens: list[int], out: dict, lexicon: Lexicon) -> None:
    while tokens and a.tokens[tokens[-1]].fold in {"of", "the", "and", "to", "for", "under"}:
        tokens.pop()
    if not tokens or out["body"]:
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
    elif all(a.label(t).kind in {"portfolio", "func", "name", "state"} or a.tokens[t].text == "," for t in tokens):
        out["portfolio"] = _portfolio(text, lexicon)


# ---------------------------------------------------------------- sentences

def read_people(a: Analysed, reg: ArticlePeople) -> list[tuple[Person, int, int]]:
    """Person mentions of one sentence, in order, as (person, first token, end token)."""
    lexicon = reg.lexicon
    found: list[tuple[Person, int, int]] = []
    last_end = 0
    for start, end in name_runs(a):
        if _continues_proper_noun(a, end):
            continue
        name = a.text(start, end)
        left = walk_left(a, start, last_end)
        title = parse_title(a, left, start, lexicon) if left < start else Title()
        if left == start and start >= 2 and a.tokens[start - 1].text == ",":
            # "the national leader of the Kazakh people, Nurlan Abenov"
            before = walk_left(a, start - 1, last_end)
            if before < start - 1:
                candidate = parse_title(a, before, start - 1, lexicon)
                if candidate.head or candidate.occupation:
                    title = candidate
        appositive = None
        if end + 1 < len(a.tokens) and a.tokens[end].text == ",":
            k = end + 1
            while k < len(a.tokens) and a.tokens[k].fold in {"the", "his", "her"}:
                k += 1
            stop = walk_right(a, k)
            followed_by_name = stop < len(a.tokens) and a.label(stop).kind == "name"
            if stop > k and not followed_by_name:
                candidate = parse_title(a, k, stop, lexicon)
                if candidate.has_cue:
                    appositive = candidate
        words = name.split()
        known = reg.find(name, title.head.title if title.head else None)
        verb_cue = (len(words) >= 2 and end < len(a.tokens) and VERB_AFTER_NAME.match(a.tokens[end].text) is not None)
        possessive_cue = len(words) >= 2 and end < len(a.tokens) and a.tokens[end].text in ("'s", "’s") and title.has_cue
        if not (title.has_cue or appositive or known or verb_cue or possessive_cue):
            continue
        if len(words) == 1 and not known:
            # a surname alone is a mention of someone named in full elsewhere; keep it only with a title
            if not title.head:
                continue
        if len(words) > 5:
            continue
        span = Span(a.sentence.index, *a.span(start, end))
        person = known if (known and len(words) == 1) else reg.add(name, span)
        if known and len(words) == 1:
            person.spans.append(span)
            reg.mentioned(person)
        for t in (title, appositive):
            if t is not None:
                _apply_title(a, reg, person, t, found, span)
        found.append((person, start, end))
        last_end = end
    return found


def _apply_title(a: Analysed, reg: ArticlePeople, person: Person, title: Title,
                 found: list, span: Span) -> None:
    lexicon = reg.lexicon
    if title.occupation and not person.occupation:
        person.occupation = title.occupation
    if title.counterpart and title.head is None:
        other = next((p for p, _, _ in reversed(found) if p.posts), None)
        if other is not None:
            model = other.posts[-1]
            state = title.state
            body_key = None
            if model.body and state:          # no state named: the counterpart's body is unknown
                body = reg.bodies[model.body]
                body_key = reg.body(body.name, body.cls, state, span)
            person.posts.append(Post(role=model.role, label=_post_label(lexicon, model.role, body_key and reg.bodies[body_key], state, None),
                                     state=state, body=body_key, span=span))
            return
    if title.head is None:
        if title.state and not person.state:
            person.state = title.state
            person.state_span = span
        return
    state = title.state
    body_key = None
    parent_key = None
    if title.parent_name:
        pname, pcls = title.parent_name
        parent_key = reg.body(pname, pcls, state, span)
    if title.body_name:
        body_key = reg.body(title.body_name, title.body_cls, state, span, parent_key)
        state = state or reg.bodies[body_key].state
    elif title.head.seat == "embassy" and state and title.to_state:
        names = lexicon.states
        body_key = reg.body(f"Embassy of {names[state].name} in {names[title.to_state].name}", "Embassy", state, span)
    elif title.head.seat == "government" and state:
        body_key = reg.body("Government", "Government", state, span)
    elif title.head.seat == "parliament" and state:
        body_key = reg.body("Parliament", "Parliament", state, span)
    label = _post_label(lexicon, title.role, body_key and reg.bodies[body_key], state, title.to_state)
    post = Post(role=title.role, label=label, state=state, body=body_key, to_state=title.to_state, span=span)
    if not any(p.label == post.label for p in person.posts):
        person.posts.append(post)


def _post_label(lexicon: Lexicon, role: str, body: Body | None, state: str | None, to_state: str | None) -> str:
    names = lexicon.states
    if body is not None and body.cls == "Embassy":
        label = role
    elif body is not None and body.cls == "Ministry" and role.endswith("Minister") and body.name.startswith("Ministry of "):
        label = f"{role} of {body.name[len('Ministry of '):]}"
    elif body is not None and body.cls == "LocalAuthority":
        label = f"{role} of {body.name}"
    elif body is not None and body.name not in {"Government", "Parliament"}:
        label = f"{role} of the {body.name}"
    else:
        label = role
    if state:
        label += f" of {names[state].name}"
    if to_state:
        label += f" to {names[to_state].name}"
    return label
