"""The state of each person when no nationality word stands next to the name.

News names foreign officials with a demonym ("Fiji's Minister", "his Iranian counterpart") and
leaves the home side's officials bare ("Foreign Minister Jane Porter"). So a person's state
is read, strongest evidence first, from: the title itself (a demonym, "of X", the body the post
sits in, a named institution or region); the side of the talks the sentence puts them on ("on
the Japanese side", "the Turkish delegation included", a table column "Signed for Mexico");
the company they keep ("accompanied by", "was joined by"); a counterpart relation ("X and his
Fijian counterpart Y": X is not Fijian); and last the article's home state: its news agency,
the issuing office, "our country", the one principal state whose people the article never
marks, its dateline, the destination of the visit it reports.
"""
from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from ..article import Article
from ..facts import Meeting, Person
from ..lexicon import Lexicon, tokenize
from .people import ArticlePeople
from .sentence import Analysed

SIDE_WORDS = {"side", "delegation", "team"}
COMPANY = [("accompanied", "by"), ("joined", "by"), ("delegation", "comprising"), ("delegation", "including"),
           ("delegation", "consisting"), ("delegation", "included"), ("delegation", "comprised")]
# a verb that turns from one side to the other: "the delegation ... was received by X"
OTHER_SIDE_VERBS = {"received", "receives", "met", "meets", "welcomed", "hosted", "greeted", "with", "visited"}
OUR = re.compile(r"\bour (?:country|state|republic|nation|homeland)\b|\bhead of our state\b", re.I)
VISIT_TO = re.compile(r"\b(?:visit|visits|trip|tour)\s+to\s+$", re.I)

RANK_TITLE, RANK_SIDE, RANK_HOME = 1, 2, 3
# "X conveyed the greetings of President Z": Z is on the side of the one who carries the words
CARRY_VERBS = {"conveyed", "convey", "conveys", "conveying", "delivered", "deliver", "delivers", "handed",
               "hand", "passed", "pass", "relayed", "relay", "extended", "extend", "extends", "brought", "bring"}
CARRIED = {"greetings", "regards", "wishes", "message", "messages", "letter", "letters"}


@dataclass
class Evidence:
    state: str | None         # None with `like` set: the same state as another person
    rule: str
    rank: int
    like: str | None = None   # key of the person whose state this one shares


def _state_near(a: Analysed, i: int) -> str | None:
    """The state named right before token i ("the Turkish delegation", "Japan's side")."""
    k = i - 1
    while k >= 0 and a.tokens[k].is_word and not a.tokens[k].cap and a.label(k).kind in {"lower", "portfolio"} and i - k <= 3:
        k -= 1            # "the Turkish military delegation", "the Iranian official side"
    if k >= 0 and a.tokens[k].text in ("'s", "’s"):
        k -= 1
    if k < 0:
        return None
    label = a.label(k)
    if label.kind == "state" and label.values[0].form not in {"city", "capital"}:
        j = a.covered[k]
        if j > 0 and a.tokens[j - 1].fold == "and" and j > 1 and a.label(j - 2).kind == "state":
            return None       # "Armenian and Iranian delegations": two sides
        return label.values[0].state
    return None


def _state_after(a: Analysed, i: int, lexicon: Lexicon, limit: int = 10) -> str | None:
    """The state of "delegation of the Parliament of Georgia", "delegation of the ... of the Mazhilis"."""
    if i + 1 >= len(a.tokens) or a.tokens[i + 1].fold != "of":
        return None
    stop = min(len(a.tokens), i + 2 + limit)
    states = []
    for k in range(i + 2, stop):
        if a.tokens[k].text in {",", ";", "."} or a.tokens[k].fold in {"led", "headed", "which", "who"}:
            stop = k
            break
        label = a.labels[k]
        if a.covered[k] == k and label.kind == "state" and label.values[0].form not in {"city", "capital"}:
            states.append(label.values[0].state)
    found = lexicon.institution_state(a.tokens, i + 2, stop)
    if found:
        return found
    return states[0] if len(set(states)) == 1 else None


def side_evidence(a: Analysed, people: list[tuple[Person, int, int]], lexicon: Lexicon,
                  context: dict) -> dict[str, Evidence]:
    """Sides of one sentence: the people it places on a state's side, or beside another person."""
    out: dict[str, Evidence] = {}
    tokens = a.tokens
    n = len(tokens)
    sides: list[tuple[int, str, bool]] = []        # (token, state, applies backwards too)
    for i, token in enumerate(tokens):
        fold = token.fold
        if fold in SIDE_WORDS:
            if i > 0 and tokens[i - 1].fold in {"two", "both", "all", "each"} or fold.endswith("s"):
                continue
            state = _state_near(a, i) or (_state_after(a, i, lexicon) if fold == "delegation" else None)
            on = i >= 3 and tokens[i - 3].fold in {"on", "from", "for"} or i >= 2 and tokens[i - 2].fold in {"on", "from"}
            if state:
                sides.append((i, state, on))
                if fold == "delegation":
                    context["delegation"] = state
            elif fold == "delegation" and i > 0 and tokens[i - 1].fold == "the" and context.get("delegation"):
                sides.append((i, context["delegation"], False))      # "The delegation also comprises ..."
        elif fold == "represented" and i + 1 < n and tokens[i + 1].fold == "by":
            # "Chile, an associated state, was represented by Foreign Minister X"
            k = next((k for k in range(i - 1, max(-1, i - 12), -1) if a.label(k).kind == "state"), None)
            if k is not None and not any(s < i and s > k for s, _, _ in sides):
                label = a.label(k)
                if label.values[0].form not in {"city", "capital"}:
                    sides.append((i, label.values[0].state, False))
    groups = context.get("groups")
    for number, (at, state, backwards) in enumerate(sides):
        stop = sides[number + 1][0] if number + 1 < len(sides) else n
        stop = next((k for k in range(at + 1, stop) if tokens[k].fold in OTHER_SIDE_VERBS), stop)
        begin = at
        if backwards:
            begin = max([k for k in range(at) if tokens[k].fold in {"while", "whereas", ";"}] or [0])
        led = next((k for k in range(at, stop - 1) if tokens[k].fold in {"led", "headed"} and tokens[k + 1].fold == "by"), None)
        for person, start, end in people:
            if begin <= start < stop:
                if person.key not in out:
                    out[person.key] = Evidence(state, "S-side", RANK_SIDE)
                if groups is not None and tokens[at].fold in {"delegation", "side"}:
                    first_after_led = led is not None and start > led and not any(
                        led < s2 < start for _, s2, _ in people)
                    groups.add_member(state, person.key, leader=first_after_led)
    # company: "was accompanied by a delegation comprising A, B and C", "was joined by A"
    for i in range(n - 1):
        pair = (tokens[i].fold, tokens[i + 1].fold)
        if pair in COMPANY or (tokens[i].fold == "delegation" and i + 2 < n and (tokens[i + 1].fold, tokens[i + 2].fold) == ("consisting", "of")):
            leader = next((p for p, s, _ in people if s < i), None)
            if leader is None:
                continue
            leader_state = next((q.state for q in leader.posts if q.state), leader.state)
            groups = context.get("groups")
            for person, start, _ in people:
                if start > i and person.key not in out and person is not leader:
                    out[person.key] = Evidence(None, "S-company", RANK_SIDE, like=leader.key)
                    if groups is not None and leader_state:
                        groups.add_member(leader_state, leader.key, leader=True)
                        groups.add_member(leader_state, person.key)
    # "signed on behalf of Kenya by A and on behalf of Qatar by B": each signs for the state named
    for i in range(n - 2):
        if tokens[i].fold == "behalf" and tokens[i + 1].fold == "of":
            k = i + 2 + (tokens[i + 2].fold == "the")
            if k < n and a.covered[k] == k and a.labels[k].kind == "state" and \
                    a.labels[k].values[0].form not in {"city", "capital"}:
                stop = next((j for j in range(a.labels[k].end, n) if tokens[j].fold == "behalf" or tokens[j].text == ";"), n)
                after = [p for p, s, _ in people if a.labels[k].end <= s < stop]
                if after:
                    out.setdefault(after[0].key, Evidence(a.labels[k].values[0].state, "S-side", RANK_SIDE))
    # carried words: "Dr. A conveyed to His Highness the greetings of President Z", "asked his guest
    # to convey the greetings of President Z": Z is on the side of the sentence's first person
    for i in range(n - 1):
        if tokens[i].fold not in CARRIED or tokens[i + 1].fold not in {"of", "from"}:
            continue
        verb = next((k for k in range(i - 1, max(-1, i - 10), -1) if tokens[k].fold in CARRY_VERBS), None)
        if verb is None:
            continue
        sender = next((p for p, s, _ in people if s < verb), None)
        after = [p for p, s, _ in people if i + 1 < s <= i + 12 and p is not sender]
        if sender is None or not after:
            continue
        out.setdefault(after[0].key, Evidence(None, "S-greetings", RANK_SIDE, like=sender.key))
    return out


def cell_evidence(a: Analysed, people: list[tuple[Person, int, int]], lexicon: Lexicon) -> dict[str, Evidence]:
    """A table column headed by a state ("Signed for Mexico", "Polish signatory") gives its people that state."""
    out: dict[str, Evidence] = {}
    base = a.sentence.begin
    for cell in a.sentence.cells:
        header = tokenize(cell.header)
        states = set()
        for k in range(len(header)):
            hit = lexicon.state_at(header, k)
            if hit and hit[1].form not in {"city", "capital"}:
                states.add(hit[1].state)
        if len(states) != 1:
            continue
        state = states.pop()
        for person, start, _ in people:
            at = base + a.tokens[start].start
            if any(b <= at < e for b, e in cell.spans):
                out.setdefault(person.key, Evidence(state, "S-table-column", RANK_SIDE))
    return out


def _explicit(person: Person) -> Evidence | None:
    for post in person.posts:
        if post.state:
            return Evidence(post.state, post.rule or "P-title", RANK_TITLE)
    if person.state:
        return Evidence(person.state, person.state_rule or "P-nationality", RANK_TITLE)
    return None


def _in_org(person: Person) -> bool:
    return bool(person.posts) and all(p.org for p in person.posts)


def principal_states(views, lexicon: Lexicon) -> list[str]:
    """The states an article is about, most mentioned first (cities count half)."""
    counts: Counter[str] = Counter()
    for view in views:
        a = view.a
        if a.sentence.kind == "boilerplate":
            continue
        for i, label in enumerate(a.labels):
            if a.covered[i] == i and label.kind == "state":
                mention = label.values[0]
                counts[mention.state] += 0.5 if mention.form in {"city", "capital"} else 1
    if not counts:
        return []
    top = counts.most_common(1)[0][1]
    return [s for s, c in counts.most_common() if c >= 2 and c >= 0.3 * top]


def _place_state(text: str, lexicon: Lexicon) -> str | None:
    tokens = tokenize(text)
    for k in range(len(tokens)):
        hit = lexicon.state_at(tokens, k)
        if hit:
            return hit[1].state
    return lexicon.region_state(tokens)


def _venue(article: Article, views, meetings: list[Meeting], lexicon: Lexicon) -> str | None:
    """The state the article's events are held in: its dateline, a meeting's place, else the first
    city named after "in"."""
    if article.dateline:
        state = _place_state(article.dateline.place, lexicon)
        if state:
            return state
    for meeting in meetings:
        if meeting.place:
            return meeting.place.split("|")[-1]
    for view in views:
        a = view.a
        for i, label in enumerate(a.labels):
            if a.covered[i] == i and label.kind == "state" and label.values[0].form in {"city", "capital"} \
                    and i > 0 and a.tokens[i - 1].fold == "in":
                return label.values[0].state
    return None


def home_state(article: Article, views, people: list[Person], explicit: dict[str, Evidence],
               meetings: list[Meeting], lexicon: Lexicon, principal: list[str]) -> tuple[str | None, str]:
    """The state from whose side the article is told, and the rule that found it."""
    for source in article.sources:
        state = lexicon.agency_state(source)
        if state:
            return state, "H-agency"
    for source in article.sources:
        tokens = tokenize(source)
        state = lexicon.institution_state(tokens)
        if state:
            return state, "H-source"
        for k in range(len(tokens)):
            hit = lexicon.state_at(tokens, k)
            if hit and hit[1].form not in {"city", "capital"}:
                return hit[1].state, "H-source"
    dateline = _place_state(article.dateline.place, lexicon) if article.dateline else None
    visits: Counter[str] = Counter()
    for view in views:
        a = view.a
        for i, label in enumerate(a.labels):
            if a.covered[i] == i and label.kind == "state" and label.values[0].form != "demonym":
                before = a.sentence.text[max(0, a.tokens[i].start - 25):a.tokens[i].start]
                if VISIT_TO.search(before) or before.rstrip().lower().endswith(("visiting", "arrived in", "arrival in")):
                    visits[label.values[0].state] += 1
    destination = visits.most_common(1)[0][0] if visits else None
    unmarked = [p for p in people if p.posts and p.key not in explicit and not _in_org(p)]
    if unmarked and principal:
        marks = Counter(e.state for e in explicit.values())
        bare = [s for s in principal[:4] if marks[s] == 0]
        if len(bare) == 1:
            return bare[0], "H-unmarked"
    if any(OUR.search(view.a.sentence.text) for view in views):
        place = dateline or next((m.place.split("|")[-1] for m in meetings if m.place), None) or destination
        if place:
            return place, "H-our"
    if dateline:
        return dateline, "H-dateline"
    if destination:
        return destination, "H-visit"
    for meeting in meetings:
        for key in meeting.hosts:
            if key in explicit:
                return explicit[key].state, "H-host"
    return None, ""


def assign_states(article: Article, views, reg: ArticlePeople, meetings: list[Meeting], lexicon: Lexicon,
                  sides: dict[str, Evidence]) -> tuple[str | None, str, list[str]]:
    """Give every person with a post a state where the article allows one; returns (home, its rule,
    the principal states)."""
    people = reg.people
    explicit: dict[str, Evidence] = {}
    for person in people:
        found = _explicit(person)
        if found is None:
            found = _from_institution(person, reg, lexicon)
        if found is not None:
            explicit[person.key] = found
    principal = principal_states(views, lexicon)
    home, home_rule = home_state(article, views, people, explicit, meetings, lexicon, principal)
    by_key = {p.key: p for p in people}
    final: dict[str, Evidence] = dict(explicit)
    for key, evidence in sides.items():
        if key not in final and evidence.state:
            final[key] = evidence
    for key, evidence in sides.items():
        if key not in final and evidence.like and evidence.like in final:
            final[key] = Evidence(final[evidence.like].state, evidence.rule, RANK_SIDE)
    venue: list[str | None] = []          # the state the events are held in, read once when first needed

    def venue_state() -> str | None:
        if not venue:
            venue.append(_venue(article, views, meetings, lexicon))
        return venue[0]

    # counterparts: "X and his Fijian counterpart Y" -- X is on the other side
    for person in people:
        other = by_key.get(person.counterpart_of) if person.counterpart_of else None
        pairs = [(person, other)] if other else []
        for p, q in pairs + [(q, p) for p, q in pairs]:
            if p.key in final or q.key not in final:
                continue
            theirs = final[q.key].state
            mine = home if home and home != theirs else next((s for s in principal if s != theirs), None)
            if mine is None:
                # "X held talks with his Ugandan counterpart Y in Nairobi": the host's state
                place = venue_state()
                mine = place if place != theirs else None
            if mine:
                final[p.key] = Evidence(mine, "S-counterpart", RANK_SIDE)
    # "Host President X": the state the event is held in
    for person in people:
        if person.key not in final and any(q.host for q in person.posts) and venue_state():
            final[person.key] = Evidence(venue_state(), "S-host-title", RANK_SIDE)
    for person in people:
        if person.key in final or not person.posts or _in_org(person) or not home:
            continue
        final[person.key] = Evidence(home, home_rule, RANK_HOME)
    for person in people:
        evidence = final.get(person.key)
        if evidence is None or person.key in explicit and explicit[person.key].rank == RANK_TITLE and _explicit(person):
            continue
        person.state = evidence.state
        person.state_rule = evidence.rule
        person.state_rank = evidence.rank
        _rehome_bodies(person, reg, evidence.state)
    for person in people:
        if person.key in explicit and not person.state_rank:
            person.state_rank = RANK_TITLE
    return home, home_rule, principal


def _from_institution(person: Person, reg: ArticlePeople, lexicon: Lexicon) -> Evidence | None:
    """A post in a named institution, a region or a city: "Speaker of the Knesset", "Governor of Chiapas"."""
    for post in person.posts:
        tokens = tokenize(post.label)
        state = lexicon.institution_state(tokens)
        if state:
            return Evidence(state, "P-institution", RANK_TITLE)
    for post in person.posts:
        if post.head in {"Governor", "Mayor", "Hokim", "Minister-President", "Chief Minister", "Voivode", "Head",
                         "Chairman", "Landammann", "Marshal of the Voivodeship"} or post.head == "":
            state = lexicon.region_state(tokenize(post.label))
            if state:
                return Evidence(state, "P-region", RANK_TITLE)
    return None


def _rehome_bodies(person: Person, reg: ArticlePeople, state: str) -> None:
    """A body named without its state ("the Ministry of Foreign Affairs") is the person's state's."""
    for post in person.posts:
        if post.body and post.body in reg.bodies and reg.bodies[post.body].state is None and not post.org:
            body = reg.bodies[post.body]
            if body.cls == "Organization":
                continue
            post.body = reg.body(body.name, body.cls, state, post.span or (body.spans[0] if body.spans else None))
