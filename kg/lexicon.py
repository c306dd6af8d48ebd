"""Loading the lexicon files under data/lexicon into lookup objects that are passed along.

Every file is tab-separated text with a `#` comment header and a line naming its columns;
`lexicon.toml` says which file holds which dictionary, so another set can be chosen.
"""
from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import LexiconError

# ------------------------------------------------------------------ tokens

_TOKEN = re.compile(r"(?:[A-Z]\.){2,}(?![A-Za-z])|(?:[A-Z][a-z]?\.(?=[\s,]|$))|\w+(?:[-'’]\w+)*|[^\w\s]", re.UNICODE)
FUNCTION_WORDS = frozenset("of the and for to under on in at with between a an".split())


@dataclass(frozen=True)
class Token:
    text: str
    start: int
    end: int
    fold: str

    @property
    def cap(self) -> bool:
        return self.text[:1].isupper()

    @property
    def is_word(self) -> bool:
        return self.text[:1].isalnum()


def fold(text: str) -> str:
    """Lower-case, strip accents, unify apostrophes: the key every lookup uses."""
    text = unicodedata.normalize("NFKD", text.replace("’", "'").replace("‘", "'"))
    return "".join(c for c in text if not unicodedata.combining(c)).lower()


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    for match in _TOKEN.finditer(text):
        word, start = match.group(), match.start()
        low = word.lower()
        if low.startswith(("then-", "ex-", "former-")) and len(word) > low.index("-") + 2:
            # "then-President", "ex-Minister": the title after the prefix
            at = low.index("-")
            tokens.append(Token(word[:at], start, start + at, fold(word[:at])))
            tokens.append(Token("-", start + at, start + at + 1, "-"))
            tokens.append(Token(word[at + 1:], start + at + 1, match.end(), fold(word[at + 1:])))
            continue
        if "-cum-" in word.lower():
            # "Deputy Prime Minister-cum-Foreign Minister": two titles joined
            at = word.lower().index("-cum-")
            for piece, begin in ((word[:at], start), (word[at:at + 5], start + at), (word[at + 5:], start + at + 5)):
                if piece:
                    tokens.append(Token(piece, begin, begin + len(piece), fold(piece)))
            continue
        if len(word) > 2 and word[-2:] in ("'s", "’s") and word[-3].isalpha():
            tokens.append(Token(word[:-2], start, start + len(word) - 2, fold(word[:-2])))
            tokens.append(Token(word[-2:], start + len(word) - 2, match.end(), "'s"))
            continue
        tokens.append(Token(word, start, match.end(), fold(word)))
    return tokens


def phrase_key(text: str) -> tuple[str, ...]:
    return tuple(t.fold for t in tokenize(text))


@dataclass
class PhraseIndex:
    """Whole-token phrase lookup, longest match first; linear in the text's length."""

    entries: dict[tuple[str, ...], list] = field(default_factory=dict)
    longest: int = 0
    prefixes: set[tuple[str, ...]] = field(default_factory=set)   # every leading part of a phrase

    def add(self, phrase: str, value) -> None:
        key = phrase_key(phrase)
        if not key:
            return
        bucket = self.entries.setdefault(key, [])
        if value not in bucket:
            bucket.append(value)
        self.longest = max(self.longest, len(key))
        self.prefixes.update(key[:n] for n in range(1, len(key) + 1))

    def match_at(self, tokens: list[Token], i: int, case_sensitive: bool = False):
        """(end, values) of the longest phrase starting at token i, or None. Walks forward only
        while the words so far begin some phrase, so most tokens cost one set lookup."""
        best = None
        key: tuple[str, ...] = ()
        for n in range(1, min(self.longest, len(tokens) - i) + 1):
            key = key + (tokens[i + n - 1].fold,)
            if key not in self.prefixes:
                break
            values = self.entries.get(key)
            if values and (not case_sensitive or _capitalised(tokens[i:i + n])):
                best = (i + n, values)
        return best

    def find_all(self, tokens: list[Token], case_sensitive: bool = False):
        """Non-overlapping longest matches as (start, end, values)."""
        found, i = [], 0
        while i < len(tokens):
            hit = self.match_at(tokens, i, case_sensitive)
            if hit:
                found.append((i, hit[0], hit[1]))
                i = hit[0]
            else:
                i += 1
        return found


def _capitalised(tokens: list[Token]) -> bool:
    # "Côte d'Ivoire": a word with a capital inside counts as capitalised
    return tokens[0].cap and all(t.cap or t.fold in FUNCTION_WORDS or not t.is_word
                                 or any(c.isupper() for c in t.text) for t in tokens)


# ------------------------------------------------------------------ files

def read_table(path: Path) -> list[dict[str, str]]:
    """Rows of a lexicon file as dicts keyed by the column line."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError as exc:
        raise LexiconError(path, "file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(path, f"cannot be read as UTF-8 text ({exc})") from exc
    header: list[str] | None = None
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")]
        if header is None:
            header = cells
            continue
        if len(cells) > len(header):
            raise LexiconError(path, f"{len(cells)} fields where the column line names {len(header)}", number)
        cells += [""] * (len(header) - len(cells))
        row = dict(zip(header, cells))
        row["_line"] = str(number)
        rows.append(row)
    if header is None:
        raise LexiconError(path, "no column line and no entries")
    return rows


def split_values(cell: str) -> list[str]:
    """`a|b@2019-03-23/2022-09-17` -> ['a', 'b']: validity dates are kept in the file, not matched on."""
    return [v.split("@", 1)[0].strip() for v in cell.split("|") if v.strip()]


def require(row: dict, column: str, path: Path) -> str:
    value = row.get(column, "")
    if not value:
        raise LexiconError(path, f"column '{column}' is empty", int(row["_line"]))
    return value


# ------------------------------------------------------------------ dictionaries

@dataclass(frozen=True)
class State:
    id: str
    name: str
    official: tuple[str, ...]
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]
    wikidata: str
    status: str


@dataclass(frozen=True)
class StateMention:
    state: str        # state id
    form: str         # name | official | alias | demonym | capital | city


@dataclass(frozen=True)
class PostWord:
    title: str
    kind: str         # head | modifier | rank | honorific | occupation | counterpart
    seat: str


@dataclass(frozen=True)
class EventWord:
    event: str
    kind: str


@dataclass(frozen=True)
class DocumentKind:
    cls: str
    label: str


@dataclass(frozen=True)
class Topic:
    id: str
    label: str
    broader: str


@dataclass(frozen=True)
class Organization:
    name: str         # usual English name of an international organisation


@dataclass(frozen=True)
class Institution:
    name: str
    cls: str          # Parliament | Ministry | Office | Residence | Title
    state: str


@dataclass
class Lexicon:
    states: dict[str, State]
    state_index: PhraseIndex          # surface form -> [StateMention]
    cities: dict[str, str]            # city name -> state id (capitals included)
    posts: PhraseIndex                # -> [PostWord]
    bodies: PhraseIndex               # -> [class local name]
    portfolios: dict[str, str]        # folded word -> ministry name or ""
    events: PhraseIndex               # -> [EventWord]
    documents: PhraseIndex            # -> [DocumentKind]
    topics: dict[str, Topic]
    topic_index: PhraseIndex          # -> [topic id]
    source: Path
    nonnames: frozenset = frozenset()   # folded capitalised words that are never names of people
    agencies: dict = field(default_factory=dict)   # folded agency name -> state id or ""
    organizations: PhraseIndex = field(default_factory=PhraseIndex)   # -> [Organization]
    acronyms: frozenset = frozenset()   # organisation aliases that match only in capitals
    regions: dict = field(default_factory=dict)    # folded subdivision name -> state id
    institutions: PhraseIndex = field(default_factory=PhraseIndex)   # -> [Institution]

    def institution_state(self, tokens: list[Token], begin: int = 0, end: int | None = None) -> str | None:
        """The state of a named institution, seat or state-specific title among tokens[begin:end]."""
        part = tokens[begin:end]
        states = {i.state for _, _, values in self.institutions.find_all(part, case_sensitive=True) for i in values}
        return states.pop() if len(states) == 1 else None

    def region_state(self, tokens: list[Token], begin: int = 0, end: int | None = None) -> str | None:
        """The state of the region or city named among tokens[begin:end] ("Governor of Chiapas")."""
        part = tokens[begin:end]
        found: set[str] = set()
        for i in range(len(part)):
            if not part[i].cap:
                continue
            for n in (3, 2, 1):
                key = " ".join(t.fold for t in part[i:i + n])
                if len(part[i:i + n]) == n and (key in self.regions or key in self.cities):
                    found.add(self.regions.get(key) or self.cities[key])
                    break
        return found.pop() if len(found) == 1 else None

    def is_title(self, text: str) -> bool:
        """Whether `text` is made of post and body words ("Deputy Prime Minister"), not a place."""
        tokens = tokenize(text)
        i = 0
        while i < len(tokens):
            hit = self.posts.match_at(tokens, i) or self.bodies.match_at(tokens, i)
            if hit:
                i = hit[0]
            elif tokens[i].fold in self.portfolios or tokens[i].fold in FUNCTION_WORDS:
                i += 1
            else:
                return False
        return bool(tokens)

    def organization_at(self, tokens: list[Token], i: int):
        """(end, Organization) for an international organisation named at token i."""
        hit = self.organizations.match_at(tokens, i, case_sensitive=True)
        if not hit:
            return None
        text = " ".join(t.text for t in tokens[i:hit[0]])
        key = tuple(t.fold for t in tokens[i:hit[0]])
        if key in self.acronyms and not text.isupper():
            return None
        return hit[0], hit[1][0]

    def agency_state(self, text: str) -> str | None:
        """The state of the news agency or outlet named in `text` ("Xinhua", "Source: TASS")."""
        key = fold(text.strip(" ()/.:-–—"))
        if key in self.agencies:
            return self.agencies[key] or None
        for word in re.findall(r"[\w'-]+(?:\s+[\w'-]+)?", key):
            if word in self.agencies:
                return self.agencies[word] or None
        for word in key.replace("|", " ").split():
            if word in self.agencies:
                return self.agencies[word] or None
        return None

    def state_at(self, tokens: list[Token], i: int):
        """(end, StateMention) for an unambiguous state name, demonym or capital at token i."""
        hit = self.state_index.match_at(tokens, i, case_sensitive=True)
        if not hit:
            return None
        ids = {m.state for m in hit[1]}
        if len(ids) != 1:
            return None
        return hit[0], hit[1][0]


def load_lexicon(folder: Path) -> Lexicon:
    """Load the dictionaries named by `folder/lexicon.toml`."""
    folder = Path(folder)
    config_path = folder / "lexicon.toml"
    try:
        config = tomllib.loads(config_path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise LexiconError(config_path, "not found; pass --lexicon DIR with a lexicon.toml") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(config_path, f"is not valid TOML ({exc})") from exc

    def table(name: str) -> tuple[Path, list[dict]]:
        if name not in config:
            raise LexiconError(config_path, f"names no '{name}' file")
        path = folder / config[name]
        return path, read_table(path)

    states: dict[str, State] = {}
    state_index = PhraseIndex()
    cities: dict[str, str] = {}
    path, rows = table("states")
    for row in rows:
        sid = require(row, "id", path)
        state = State(
            id=sid, name=require(row, "name", path),
            official=tuple(split_values(row.get("official", ""))),
            aliases=tuple(split_values(row.get("aliases", ""))),
            demonyms=tuple(split_values(row.get("demonyms", ""))),
            capitals=tuple(split_values(row.get("capitals", ""))),
            wikidata=row.get("wikidata", ""), status=row.get("status", ""),
        )
        if sid in states:
            raise LexiconError(path, f"state id {sid} appears twice", int(row["_line"]))
        states[sid] = state
        state_index.add(state.name, StateMention(sid, "name"))
        for form, values in (("official", state.official), ("alias", state.aliases),
                             ("demonym", state.demonyms), ("capital", state.capitals)):
            for value in values:
                state_index.add(value, StateMention(sid, form))
                if form == "official" and not value.lower().startswith("the "):
                    state_index.add("the " + value, StateMention(sid, form))
        for capital in state.capitals:
            cities[fold(capital)] = sid
    if "cities" in config:
        path, rows = table("cities")
        for row in rows:
            sid = row.get("state", "")
            if sid not in states:
                raise LexiconError(path, f"state '{sid}' is not in the states file", int(row["_line"]))
            for name in [require(row, "name", path), *split_values(row.get("aliases", ""))]:
                cities.setdefault(fold(name), sid)
                state_index.add(name, StateMention(sid, "city"))

    posts = PhraseIndex()
    path, rows = table("posts")
    for row in rows:
        kind = require(row, "kind", path)
        if kind not in {"head", "modifier", "role", "rank", "honorific", "occupation", "counterpart"}:
            raise LexiconError(path, f"unknown kind '{kind}'", int(row["_line"]))
        title = require(row, "title", path)
        for form in [title, *split_values(row.get("aliases", ""))]:
            posts.add(form, PostWord(title if kind != "head" else title, kind, row.get("seat", "")))

    bodies = PhraseIndex()
    path, rows = table("bodies")
    for row in rows:
        cls = require(row, "class", path)
        for form in [require(row, "head", path), *split_values(row.get("aliases", ""))]:
            bodies.add(form, cls)

    path, rows = table("portfolios")
    portfolios = {fold(require(row, "word", path)): row.get("ministry", "") for row in rows}

    events = PhraseIndex()
    path, rows = table("events")
    for row in rows:
        event = require(row, "event", path)
        if event not in {"meet", "receive", "attend", "visit", "sign", "plan", "report", "anchor", "milestone"}:
            raise LexiconError(path, f"unknown event '{event}'", int(row["_line"]))
        events.add(require(row, "phrase", path), EventWord(event, row.get("kind", "")))

    documents = PhraseIndex()
    path, rows = table("documents")
    for row in rows:
        kind = DocumentKind(require(row, "class", path), require(row, "word", path))
        for form in [kind.label, *split_values(row.get("aliases", ""))]:
            documents.add(form, kind)

    topics: dict[str, Topic] = {}
    topic_index = PhraseIndex()
    path, rows = table("topics")
    for row in rows:
        topic = Topic(require(row, "id", path), require(row, "label", path), row.get("broader", ""))
        topics[topic.id] = topic
        for keyword in split_values(row.get("keywords", "")):
            topic_index.add(keyword, topic.id)
    for topic in topics.values():
        if topic.broader and topic.broader not in topics:
            raise LexiconError(path, f"topic '{topic.id}' names unknown broader topic '{topic.broader}'")

    nonnames: set[str] = set()
    if "nonnames" in config:
        path, rows = table("nonnames")
        nonnames = {fold(require(row, "word", path)) for row in rows}
    agencies: dict[str, str] = {}
    if "agencies" in config:
        path, rows = table("agencies")
        for row in rows:
            sid = row.get("state", "")
            if sid and sid not in states:
                raise LexiconError(path, f"state '{sid}' is not in the states file", int(row["_line"]))
            for name in [require(row, "name", path), *split_values(row.get("aliases", ""))]:
                agencies[fold(name)] = sid
    organizations = PhraseIndex()
    acronyms: set[tuple[str, ...]] = set()
    if "organizations" in config:
        path, rows = table("organizations")
        for row in rows:
            org = Organization(require(row, "name", path))
            for name in [org.name, *split_values(row.get("aliases", ""))]:
                organizations.add(name, org)
                if name.replace(".", "").isupper():
                    acronyms.add(phrase_key(name))
    regions: dict[str, str] = {}
    if "regions" in config:
        path, rows = table("regions")
        for row in rows:
            sid = require(row, "state", path)
            for name in [require(row, "name", path), *split_values(row.get("aliases", ""))]:
                regions.setdefault(" ".join(t.fold for t in tokenize(name)), sid)
    institutions = PhraseIndex()
    if "institutions" in config:
        path, rows = table("institutions")
        for row in rows:
            sid = require(row, "state", path)
            if sid not in states:
                raise LexiconError(path, f"state '{sid}' is not in the states file", int(row["_line"]))
            inst = Institution(require(row, "name", path), require(row, "class", path), sid)
            for name in [inst.name, *split_values(row.get("aliases", ""))]:
                institutions.add(name, inst)
    return Lexicon(states, state_index, cities, posts, bodies, portfolios, events, documents,
                   topics, topic_index, folder, frozenset(nonnames), agencies, organizations, frozenset(acronyms),
                   regions, institutions)
