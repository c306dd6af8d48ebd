"""One pass over a sentence's tokens that labels each with what the lexicons know of it.

Every later rule (titles, names, bodies, events, documents) reads these labels, so a sentence
is looked up in the dictionaries once, in time linear in its length.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..article import Sentence
from ..lexicon import FUNCTION_WORDS, Lexicon, Token, fold, tokenize

# Capitalised words that begin sentences or clauses and are never part of a name.
CLAUSE_WORDS = frozenset(
    """the a an in on at of for to by from with within without during after before following
    according meanwhile earlier later furthermore moreover however also besides both either
    he she it they we i you his her its their our this that these those there here then thus
    speaking addressing congratulating stressing noting commenting welcoming referring
    as while when where since if but and or yet so upon among amid about over under between
    today yesterday tomorrow last next first second third back all each every many some
    mutual bilateral trilateral joint regular special official state working ninth tenth
    sixth seventh eighth fifth fourth new newly former president minister""".split()
)
# Of those, the words that inside a sentence belong to the names of things ("Director General of
# Bilateral Affairs", "the Joint Statement"): there they are vocabulary words, never names of people.
ADJECTIVE_CLAUSE_WORDS = frozenset(
    """mutual bilateral trilateral joint regular special official state working ninth tenth sixth seventh
    eighth fifth fourth first second third new newly former back next last""".split()
)
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
MONTH_WORDS = frozenset(
    "january february march april may june july august september october november december".split()
)
NAME_PARTICLES = frozenset("al el bin ibn bint abu de da di du del der van von la le ul ud".split())


@dataclass
class Label:
    kind: str          # state | org | post | body | portfolio | doc | func | name | word | acronym | cap |
                       # particle | lower | punct | num
    end: int           # index after the last token of the match
    values: list = field(default_factory=list)


@dataclass
class Analysed:
    sentence: Sentence
    tokens: list[Token]
    labels: list[Label]            # one per token; a multi-token match labels its first token
    covered: list[int]             # token index -> index of the token whose match covers it

    def label(self, i: int) -> Label:
        return self.labels[self.covered[i]]

    def text(self, start: int, end: int) -> str:
        """Original text between token indexes, as written."""
        if start >= end:
            return ""
        return self.sentence.text[self.tokens[start].start:self.tokens[end - 1].end]

    def span(self, start: int, end: int) -> tuple[int, int]:
        base = self.sentence.begin
        return base + self.tokens[start].start, base + self.tokens[end - 1].end

    def states_named(self, begin: int = 0, end: int | None = None,
                     forms: frozenset = frozenset({"name", "official", "alias", "demonym"}),
                     alone: bool = False) -> list[str]:
        """The states named among tokens[begin:end], in order, once each, by the given forms;
        `alone`: not as the first word of a name ("the Ghana Ports Authority", "Kenya's minister")."""
        states: list[str] = []
        for k in range(begin, len(self.tokens) if end is None else end):
            label = self.labels[k]
            if self.covered[k] != k or label.kind != "state" or label.values[0].form not in forms:
                continue
            if alone and label.end < len(self.tokens) and self.label(label.end).kind in {
                    "body", "post", "portfolio", "name", "word"}:
                continue
            if label.values[0].state not in states:
                states.append(label.values[0].state)
        return states


def analyse(sentence: Sentence, lexicon: Lexicon) -> Analysed:
    tokens = _split_state_compounds(tokenize(sentence.text), lexicon)
    labels: list[Label] = [Label("lower", i + 1) for i in range(len(tokens))]
    covered = list(range(len(tokens)))
    i = 0
    while i < len(tokens):
        token = tokens[i]
        label = _label_at(tokens, i, lexicon)
        labels[i] = label
        for j in range(i, label.end):
            covered[j] = i
        i = label.end
    return Analysed(sentence, tokens, labels, covered)


def _split_state_compounds(tokens: list[Token], lexicon: Lexicon) -> list[Token]:
    """'Georgia-Kazakhstan', 'Azerbaijani-Kyrgyz': a hyphenated pair of states is two state words."""
    out: list[Token] = []
    for token in tokens:
        if "-" not in token.text or not token.text[:1].isupper():
            out.append(token)
            continue
        parts = token.text.split("-")
        if not any(lexicon.state_index.entries.get((fold(p),)) for p in parts if p) or not all(p[:1].isupper() for p in parts if p):
            out.append(token)
            continue
        at = token.start
        for number, part in enumerate(parts):
            if number:
                out.append(Token("-", at, at + 1, "-"))
                at += 1
            if part:
                out.append(Token(part, at, at + len(part), fold(part)))
            at += len(part)
    return out


def _label_at(tokens: list[Token], i: int, lexicon: Lexicon) -> Label:
    token = tokens[i]
    if not token.is_word:
        return Label("punct", i + 1)
    if token.text[0].isdigit():
        return Label("num", i + 1)
    hit = lexicon.state_at(tokens, i)
    if hit and not _first_name_like_city(tokens, i, hit, lexicon):
        return Label("state", hit[0], [hit[1]])
    org = lexicon.organization_at(tokens, i)
    if org and not (org[0] < len(tokens) and tokens[org[0]].cap and tokens[org[0]].is_word
                    and lexicon.bodies.match_at(tokens, org[0])):
        return Label("org", org[0], [org[1]])
    candidates = []
    for kind, index in (("post", lexicon.posts), ("body", lexicon.bodies), ("doc", lexicon.documents)):
        found = index.match_at(tokens, i)
        if found:
            candidates.append((found[0], kind, found[1]))
    if candidates:
        # longest match wins; on a tie, the order above (post before body before document)
        end, kind, values = max(candidates, key=lambda c: c[0])
        if kind == "post" and end == i + 1 and _in_initials(tokens, i):
            candidates = []          # "M. U. M. Perera": initials, not "M." for Monsieur
        elif kind == "body" and end == i + 1 and _bare_name_word(tokens, i, lexicon):
            candidates = []          # "Foreign Minister Park Ji-won": a surname, not a park
        elif kind != "post" or token.cap or _lower_post_ok(values) or (
                token.text.endswith(".") and any(v.kind == "honorific" for v in values)):
            return Label(kind, end, values)
    if token.fold in lexicon.portfolios:
        return Label("portfolio", i + 1)
    if token.fold in FUNCTION_WORDS:
        return Label("func", i + 1)
    if token.cap:
        if token.fold in ADJECTIVE_CLAUSE_WORDS and i > 0 and tokens[i - 1].text not in {'"', "“", "(", ":", "–", "—", "-"}:
            return Label("word", i + 1)
        if token.fold in CLAUSE_WORDS or token.fold in WEEKDAYS or token.fold in MONTH_WORDS:
            return Label("cap", i + 1)
        if token.text.isupper() and len(token.text) > 1 and not token.text.endswith("."):
            return Label("acronym", i + 1)     # NATO, ICT, IDEF; or a family name in capitals (TANAKA)
        if token.fold in lexicon.nonnames:
            return Label("word", i + 1)        # Republic, Territory, Eastern: never a person's name
        return Label("name", i + 1)
    if token.fold in NAME_PARTICLES:
        return Label("particle", i + 1)
    return Label("lower", i + 1)


def _first_name_like_city(tokens: list[Token], i: int, hit, lexicon: Lexicon) -> bool:
    """'Foreign Minister Sofia Petrova': a one-word city after a title and before a capitalised
    word that is no lexicon word is a first name."""
    end, mention = hit
    if mention.form not in {"city", "capital"} or end != i + 1 or end >= len(tokens):
        return False
    nxt = tokens[end]
    if not nxt.cap or not nxt.is_word or nxt.fold in CLAUSE_WORDS or lexicon.state_at(tokens, end):
        return False
    if lexicon.posts.match_at(tokens, end) or lexicon.bodies.match_at(tokens, end) or nxt.fold in lexicon.portfolios \
            or nxt.fold in lexicon.nonnames or lexicon.documents.match_at(tokens, end):
        return False
    prev = tokens[i - 1] if i > 0 else None
    if prev is not None and bool(lexicon.posts.match_at(tokens, i - 1)):
        return True
    # "Minister of Foreign Affairs of Montenegro Milan Vukovic": a state closes the title before it
    for k in range(max(0, i - 4), i):
        before = lexicon.state_at(tokens, k)
        if before and before[0] == i and before[1].form not in {"city", "capital"} and k > 0 \
                and tokens[k - 1].fold in {"of", "the"}:
            return True
    # "Minister of Foreign Affairs Sofia Petrova": a city before a given name and a surname
    after = end + 1
    return after < len(tokens) and tokens[after].cap and tokens[after].is_word and not lexicon.state_at(tokens, after) \
        and tokens[after].fold not in lexicon.nonnames and not lexicon.bodies.match_at(tokens, after) \
        and (prev is None or not prev.fold in {"in", "to", "from", "at"})


def _in_initials(tokens: list[Token], i: int) -> bool:
    """A one-letter abbreviation next to another initial is an initial of a name."""
    def initial(k: int) -> bool:
        return 0 <= k < len(tokens) and re.fullmatch(r"(?:[A-Z]\.)+", tokens[k].text) is not None
    return initial(i) and (initial(i - 1) or initial(i + 1))


def _bare_name_word(tokens: list[Token], i: int, lexicon: Lexicon) -> bool:
    """A lone generic word of a body's name ("Park", "Union") that stands before a name, with no
    name of its own before it: a family name ("Minister Park Ji-won"), not a body."""
    if i + 1 >= len(tokens):
        return False
    prev, nxt = (tokens[i - 1] if i else None), tokens[i + 1]
    if prev is not None and (prev.fold in {"the", "of", "a"} or prev.cap and not lexicon.posts.match_at(tokens, i - 1)
                             and prev.fold not in lexicon.portfolios):
        return False
    return nxt.cap and nxt.is_word and nxt.fold not in lexicon.nonnames and not lexicon.posts.match_at(tokens, i + 1) \
        and not lexicon.bodies.match_at(tokens, i + 1) and not lexicon.state_at(tokens, i + 1) \
        and nxt.fold not in lexicon.portfolios and nxt.fold not in FUNCTION_WORDS


def _lower_post_ok(values) -> bool:
    """Lower-case post words count only for occupations, counterparts and common titles."""
    return any(v.kind in {"occupation", "counterpart", "head", "modifier"} for v in values)
