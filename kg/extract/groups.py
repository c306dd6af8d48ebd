"""References to people by what they are, not by name: "the two presidents", "the four
ministers", "both Chancellors", "the heads of delegation", "the delegation", "the guest", "the
latter", "the President of Russia", "the Kenyan minister", "EAM".

Each reference is resolved to the people of the article it most probably means: those whose posts
fit the role, most recently mentioned first, as many as the count says (or one per side of the
talks when it says none). Delegations are remembered as the sentences list their members.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from ..facts import Person
from .people import ArticlePeople
from .sentence import Analysed

COUNTS = {"two": 2, "both": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
          "ten": 10, "eleven": 11, "twelve": 12}
# plural nouns of roles -> role key
PLURALS = {
    ("presidents",): "president", ("heads", "of", "state"): "head of state", ("leaders",): "leader",
    ("heads", "of", "government"): "head of government", ("prime", "ministers"): "prime minister",
    ("premiers",): "prime minister", ("foreign", "ministers"): "foreign minister", ("ministers",): "minister",
    ("chancellors",): "foreign minister", ("foreign", "secretaries"): "foreign secretary",
    ("ambassadors",): "ambassador", ("deputy", "ministers"): "deputy minister", ("speakers",): "speaker",
    ("state", "secretaries"): "state secretary", ("men",): "anyone", ("women",): "anyone",
    ("heads", "of", "delegation"): "delegation head", ("heads", "of", "delegations"): "delegation head",
    ("heads", "of", "the", "delegations"): "delegation head", ("heads", "of", "the", "two", "delegations"): "delegation head",
    ("defence", "ministers"): "defence minister", ("defense", "ministers"): "defence minister",
    ("trade", "ministers"): "trade minister", ("finance", "ministers"): "finance minister",
    ("vice", "presidents"): "vice president", ("sides",): "side",
}
GUEST_WORDS = {("guest",), ("visitor",), ("high", "guest"), ("visiting", "dignitary"), ("dignitary",),
               ("distinguished", "guest"), ("visiting", "minister")}
DELEGATION_WORDS = {"delegation", "guests", "visitors", "parliamentarians", "deputies", "mps", "lawmakers",
                    "delegates", "side"}
TOP = {"President", "King", "Prime Minister", "Chancellor"}


def state_words(lexicon) -> frozenset:
    """The words of every state's name, so that 'President of Kazakhstan' counts as a bare 'President'."""
    words: set[str] = set()
    for state in lexicon.states.values():
        for name in (state.name, *state.official, *state.aliases):
            words.update(name.lower().replace(",", " ").split())
    return frozenset(words)


@dataclass
class Groups:
    """What the article has said so far about delegations and guests."""

    delegations: dict[str, list[str]] = field(default_factory=dict)   # state -> member keys
    leaders: dict[str, str] = field(default_factory=dict)             # state -> key of the delegation's head
    last_delegation: str | None = None
    guests: list[str] = field(default_factory=list)                   # keys of visiting people, first first
    honorifics: dict[str, str] = field(default_factory=dict)          # "his highness" -> key
    seen: dict[str, int] = field(default_factory=dict)                # key -> last sentence it was named in
    state_words: frozenset = frozenset()                               # words of state names (state_words())

    def add_member(self, state: str, key: str, leader: bool = False) -> None:
        members = self.delegations.setdefault(state, [])
        if key not in members:
            members.append(key)
        if leader and state not in self.leaders:
            self.leaders[state] = key
        self.last_delegation = state


def _fits(person: Person, role: str, names: frozenset = frozenset()) -> bool:
    if role == "anyone":
        return True
    for q in person.posts:
        head, label = q.head or q.role, q.label.lower()
        rest = [w for w in label.replace(",", " ").split() if w not in set(q.role.lower().split()) | {"of", "the"}]
        bare = all(w in names for w in rest)
        bodied = head == "President" and not bare
        if role == "president" and head == "President" and not bodied and q.org is None:
            return True
        if role in {"head of state"} and (head in {"President", "King"} and not bodied):
            return True
        if role in {"leader", "head of government"} and (head in TOP and not bodied):
            if role == "leader" or head in {"Prime Minister", "Chancellor"}:
                return True
        if role == "prime minister" and head == "Prime Minister":
            return True
        if role == "minister" and (("minister" in label and "minister-president" not in label) or head in {
                "Cabinet Secretary", "Secretary of State", "Minister of State", "Federal Councillor"} or
                ("foreign affairs" in label and head in {"Head", "Secretary", "Chief"})):
            return True
        if role == "foreign minister" and (("foreign" in label or "external" in label) and (
                "minister" in label or head in {"Secretary", "Cabinet Secretary", "Chancellor"})
                or head in {"Secretary of State", "Chancellor"}):
            return True
        if role.endswith(" minister") and role.split()[0] in label and "minister" in label:
            return True
        if role == "foreign secretary" and head == "Foreign Secretary":
            return True
        if role == "ambassador" and head in {"Ambassador", "High Commissioner"}:
            return True
        if role == "deputy minister" and "deputy" in label and "minister" in label:
            return True
        if role in {"speaker", "state secretary", "vice president"} and role in label:
            return True
    return False


def _single_fits(person: Person, head: str) -> bool:
    return any((q.head or q.role) == head or q.role == head or q.role.endswith(" " + head) for q in person.posts)


def _after_count(a: Analysed, i: int) -> tuple[int, int | None]:
    """(index after a count word, the count) at token i ("two", "both", "all seven")."""
    tokens = a.tokens
    if i < len(tokens) and tokens[i].fold == "all" and i + 1 < len(tokens) and tokens[i + 1].fold in COUNTS:
        return i + 2, COUNTS[tokens[i + 1].fold]
    if i < len(tokens) and tokens[i].fold in COUNTS:
        return i + 1, COUNTS[tokens[i].fold]
    if i < len(tokens) and tokens[i].text.isdigit() and int(tokens[i].text) < 30:
        return i + 1, int(tokens[i].text)
    return i, None


def _plural_at(a: Analysed, i: int) -> tuple[int, str] | None:
    folds = [t.fold for t in a.tokens[i:i + 5]]
    for n in (5, 4, 3, 2, 1):
        key = tuple(folds[:n])
        if len(key) == n and key in PLURALS:
            return i + n, PLURALS[key]
    return None


def _recent(reg: ArticlePeople, exclude: set[str]) -> list[Person]:
    return [p for p in reversed(reg.recent) if p.key not in exclude]


def resolve_groups(a: Analysed, reg: ArticlePeople, present: list[tuple[Person, int, int]], groups: Groups,
                   principal: int = 2) -> list[tuple[Person, int, int]]:
    """People the sentence refers to without naming them, as (person, first token, end token)."""
    tokens = a.tokens
    n = len(tokens)
    here = {p.key for p, _, _ in present}
    for p, _, _ in present:
        groups.seen[p.key] = a.sentence.index
    starts = {s for _, s, _ in present}
    out: list[tuple[Person, int, int]] = []
    taken: set[int] = set()

    def add(person: Person, start: int, end: int) -> None:
        if person.key not in here:
            out.append((person, start, end))
            here.add(person.key)

    def names_follow(end: int) -> bool:
        k = end
        while k < n and (tokens[k].text in {",", ":"} or a.label(k).kind == "post"):
            k = a.label(k).end if a.covered[k] == k else k + 1
        return k in starts

    i = 0
    while i < n:
        fold = tokens[i].fold
        # acronym of a post: "EAM" for the External Affairs Minister
        if a.covered[i] == i and a.labels[i].kind == "acronym" and len(tokens[i].text) >= 3 and i not in starts:
            initials = tokens[i].text.upper()
            match = next((p for p in reversed(reg.recent) if any(
                "".join(w[0] for w in q.role.split() if w[:1].isupper()) == initials or
                "".join(w[0] for w in q.label.split() if w[:1].isupper() and w.lower() not in {"of", "the"})[:len(initials)] == initials
                for q in p.posts)), None)
            if match is not None:
                add(match, i, i + 1)
        if fold not in {"the", "both", "all", "his", "her", "their"} or i in taken:
            i += 1
            continue
        j, count = _after_count(a, i + 1)
        if fold == "both":
            j, count = i + 1, 2
        if fold == "all":
            j, count = _after_count(a, i)
        # "the two presidents", "both Chancellors", "all seven presidents", "the heads of delegation"
        state = None
        if j < n and a.covered[j] == j and a.labels[j].kind == "state" and a.labels[j].values[0].form == "demonym":
            state, j = a.labels[j].values[0].state, a.labels[j].end
        plural = _plural_at(a, j)
        if plural and not names_follow(plural[0]):
            end, role = plural
            if role == "side":
                i = end
                continue
            if role == "delegation head":
                people = [reg_person(reg, k) for k in groups.leaders.values()]
                people = [p for p in people if p]
            else:
                people = [p for p in _recent(reg, set()) if _fits(p, role, groups.state_words) and (state is None or _state_of(p) == state)]
                wanted = count or 8
                near = []
                for back in (1, 2):
                    near = [p for p in people if groups.seen.get(p.key, -99) >= a.sentence.index - back or p.key in here]
                    if len(near) >= (count or 2):
                        break
                if len(near) >= (count or 2):
                    people = near + [p for p in people if p not in near]
                if count is None:
                    people = near if len(near) >= 2 else people[:4]
                    # one per side: distinct states, most recent first
                    seen, picked = set(), []
                    for p in people:
                        st = _state_of(p)
                        if st in seen:
                            continue
                        seen.add(st)
                        picked.append(p)
                    people = picked[:wanted]
                else:
                    people = people[:wanted]
                if count and len(people) < count:
                    # "both Chancellors", "the four ministers": fill with the people just named that the
                    # role word does not describe by post (a minister named by ellipsis, a chancellor
                    # called minister)
                    broad = "minister" if role.endswith("minister") or role in {"foreign secretary"} else \
                        "leader" if role in {"president", "head of state", "head of government", "prime minister"} else None
                    window = [p for p in _recent(reg, set()) if groups.seen.get(p.key, -99) >= a.sentence.index - 2
                              or p.key in here]
                    extra = [p for p in window if p not in people and (
                        (broad and _fits(p, broad, groups.state_words)) or not p.posts)]
                    people = (people + extra)[:count]
                    if len(people) < count:
                        people = []
            for p in people:
                add(p, i, end)
            taken.update(range(i, end))
            i = end
            continue
        if fold in {"his", "her", "their"}:
            # "Mr Bodnar and his Moldovan counterpart signed": the counterpart the article names elsewhere
            m, c_state = i + 1, None
            if m < n and a.covered[m] == m and a.labels[m].kind == "state" and a.labels[m].values[0].form == "demonym":
                c_state, m = a.labels[m].values[0].state, a.labels[m].end
            if m < n and tokens[m].fold in {"counterpart", "counterparts", "homologue", "colleague"} and not names_follow(m + 1) \
                    and not (m + 1 < n and a.label(m + 1).kind == "name"):
                subject = next((p for p, st, _ in present if st < i), None)
                mine = _state_of(subject) if subject else None
                match = next((p for p in _recent(reg, {subject.key} if subject else set())
                              if p.posts and ((c_state and _state_of(p) == c_state) or
                                              (not c_state and _state_of(p) and _state_of(p) != mine))), None)
                if match is not None:
                    add(match, i, m + 1)
                i = m + 1
                continue
        if fold != "the":
            i += 1
            continue
        k = i + 1
        words = tuple(t.fold for t in tokens[k:k + 2])
        # "the guest", "the visitor", "the visiting dignitary"
        if words[:1] in GUEST_WORDS or words in GUEST_WORDS:
            end = k + (2 if words in GUEST_WORDS else 1)
            if not (end < n and tokens[end].fold in {"of", "'s"}) and groups.guests and not names_follow(end):
                guest = reg_person(reg, groups.guests[0])
                if guest is not None:
                    add(guest, i, end)
            i = end
            continue
        if (words[:1] == ("latter",) or words[:1] == ("former",)) and (
                i == 0 or tokens[i - 1].text in {",", ";", "(", "and"}) and not (
                k + 1 < n and tokens[k + 1].text in ("'s", "’s")):
            previous = [p for p in _recent(reg, set()) if p.key not in {q.key for q, _, _ in present}]
            if previous:
                add(previous[0] if words[0] == "latter" else (previous[1] if len(previous) > 1 else previous[0]), i, k + 1)
            i = k + 1
            continue
        # "the delegation", "the Georgian delegation", "the Kazakh parliamentarians", "the guests"
        d_state = None
        m = k
        if m < n and a.covered[m] == m and a.labels[m].kind == "state" and a.labels[m].values[0].form == "demonym":
            d_state, m = a.labels[m].values[0].state, a.labels[m].end
        while m < n and tokens[m].fold in {"military", "official", "parliamentary", "government", "governmental", "visiting"}:
            m += 1
        if m < n and tokens[m].fold in DELEGATION_WORDS and not (m + 1 < n and tokens[m + 1].fold in {"of", "was", "were"} and d_state is None and tokens[m].fold == "delegation" and tokens[m + 1].fold == "of"):
            target = d_state or (groups.last_delegation if tokens[m].fold != "side" else None)
            if tokens[m].fold in {"guests", "visitors"} and groups.guests:
                guest = reg_person(reg, groups.guests[0])
                target = target or (_state_of(guest) if guest else None)
            members = groups.delegations.get(target or "", [])
            if tokens[m].fold in {"delegation", "side"} and m + 1 < n and tokens[m + 1].fold in {"was", "is"} and \
                    m + 2 < n and tokens[m + 2].fold in {"led", "headed"}:
                members = []              # "the X delegation was led by A": A is named next
            for key in members:
                p = reg_person(reg, key)
                if p is not None:
                    add(p, i, m + 1)
            i = m + 1
            continue
        # "the head of the Iranian delegation"
        if words == ("head", "of") and k + 3 < n and tokens[k + 2].fold == "the":
            m = k + 3
            if a.covered[m] == m and a.labels[m].kind == "state" and a.labels[m].end < n and \
                    tokens[a.labels[m].end].fold in {"delegation", "side"}:
                st = a.labels[m].values[0].state
                leader = groups.leaders.get(st) or (groups.delegations.get(st) or [None])[0]
                p = reg_person(reg, leader) if leader else None
                if p is not None:
                    add(p, i, a.labels[m].end + 1)
                i = a.labels[m].end + 1
                continue
        i += 1
    # "His Highness" alone: the person introduced with that honorific
    for i in range(n - 1):
        key = f"{tokens[i].fold} {tokens[i + 1].fold}"
        if key in groups.honorifics and (i + 2 >= n or a.label(i + 2).kind != "name") and i not in starts \
                and not (i > 0 and a.label(i - 1).kind == "post"):
            p = reg_person(reg, groups.honorifics[key])
            if p is not None:
                add(p, i, i + 2)
    return out


def reg_person(reg: ArticlePeople, key: str | None) -> Person | None:
    if key is None:
        return None
    return next((p for p in reg.people if p.key == key), None)


def _state_of(person: Person | None) -> str | None:
    if person is None:
        return None
    for post in person.posts:
        if post.state:
            return post.state
    return person.state
