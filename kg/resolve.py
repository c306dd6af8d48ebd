"""One node per real entity across articles: people by transliteration-folded names, bodies by
state and name, documents by kind, parties and title, meetings by day and participants.

Candidates are grouped by a blocking key (a surname key, a state, a kind), so the work grows with
the size of each group, not with the square of the corpus.
"""
from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field

from .extract.documents import same_document
from .extract.names import compatible, is_initial, name_key, same_name, surname_key, word_keys
from .facts import ArticleFacts, Person


def slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80] or "x"


@dataclass
class PersonCluster:
    id: str                                  # slug used in the IRI
    name: str                                # preferred label
    names: list[str] = field(default_factory=list)
    members: list[tuple[str, str]] = field(default_factory=list)   # (article, person key)
    stated_roles: dict[str, str] = field(default_factory=dict)     # role -> state, from any mention
    state: str | None = None                 # the state the strongest evidence of any article gives
    state_rank: int = 9                      # 1 a title says so, 2 a side or company, 3 a home state


@dataclass
class Resolution:
    people: dict[tuple[str, str], PersonCluster] = field(default_factory=dict)
    clusters: list[PersonCluster] = field(default_factory=list)
    documents: dict[tuple[str, str], str] = field(default_factory=dict)   # (article, key) -> document id
    meetings: dict[tuple[str, str], str] = field(default_factory=dict)    # (article, key) -> meeting id
    document_status: dict[str, str] = field(default_factory=dict)    # document id -> signed | planned
    relation_dates: dict[str, tuple[str, str]] = field(default_factory=dict)   # "A-B" -> (article, date)
    dropped_mentions: int = 0


def _full(name: str) -> bool:
    words = name.split()
    return len(words) > 1 and not all(is_initial(w) for w in words[:-1])


def resolve(corpus: list[ArticleFacts]) -> Resolution:
    res = Resolution()
    blocks: dict[str, list[tuple[str, Person]]] = defaultdict(list)
    for facts in corpus:
        for person in facts.people:
            blocks[surname_key(person.name)].append((facts.article, person))

    for block in blocks.values():
        clusters: list[PersonCluster] = []
        # full names first, so that short forms attach to them
        ordered = sorted(block, key=lambda item: (not _full(item[1].name), item[0]))
        for article, person in ordered:
            target = None
            for cluster in clusters:
                if _full(person.name):
                    if any(name_key(n) == name_key(person.name) for n in cluster.names):
                        target = cluster
                        break
                elif any(compatible(person.name, n) for n in cluster.names):
                    if target is not None and target is not cluster:
                        target = None       # ambiguous short form: two people fit
                        break
                    target = cluster
            if target is None:
                if not _full(person.name) and len(person.name.split()) == 1:
                    res.dropped_mentions += 1
                    continue
                target = PersonCluster(id=slug(name_key(person.name)), name=person.name)
                clusters.append(target)
            for n in person.names:
                if n not in target.names and (_full(n) or not target.names):
                    target.names.append(n)
            if not _full(target.name) and _full(person.name):
                target.name = person.name
            target.members.append((article, person.key))
            for post in person.posts:
                if post.state:
                    target.stated_roles.setdefault(post.role, post.state)
            res.people[(article, person.key)] = target
        res.clusters.extend(clusters)
    persons = {(facts.article, p.key): p for facts in corpus for p in facts.people}
    for cluster in res.clusters:
        _cluster_state(cluster, persons)
    _merge_variants(res, persons)
    _unique_ids(res.clusters)

    # documents: same kind, same parties, same title (fuzzy) -> one document
    doc_blocks: dict[tuple, list] = defaultdict(list)
    for facts in corpus:
        for document in facts.documents:
            key = (document.kind, tuple(sorted(document.parties)))
            match = next((d for d in doc_blocks[key] if same_document(d[1], document)), None)
            if match is None:
                doc_id = f"{facts.article}-{document.key}"
                doc_blocks[key].append((doc_id, document))
            else:
                doc_id = match[0]
            res.documents[(facts.article, document.key)] = doc_id
            if res.document_status.get(doc_id) != "signed":
                res.document_status[doc_id] = document.status   # signed once it is signed anywhere

    # meetings: the same day and the same people -> one meeting reported twice
    seen: dict[tuple, str] = {}
    for facts in corpus:
        for meeting in facts.meetings:
            meeting_id = f"{facts.article}-{meeting.key}"
            if meeting.date:
                people = frozenset(res.people[(facts.article, k)].id for k in meeting.participants
                                   if (facts.article, k) in res.people)
                key = (meeting.date, people)
                meeting_id = seen.setdefault(key, meeting_id)
            res.meetings[(facts.article, meeting.key)] = meeting_id

    # diplomatic relations: the most precise date any article gives (the first such article)
    for facts in corpus:
        for relation in facts.relations:
            node = "-".join(relation.states)
            best = res.relation_dates.get(node, ("", ""))[1]
            if relation.date and len(relation.date) > len(best):
                res.relation_dates[node] = (facts.article, relation.date)
    return res


def view(res: Resolution, facts: ArticleFacts) -> dict:
    """What the RDF of one article takes from the resolution of the whole corpus: when this is
    unchanged, the article's RDF is too (the build's cache key)."""
    people = {}
    for person in facts.people:
        c = res.people.get((facts.article, person.key))
        if c is not None:
            people[person.key] = [c.id, c.name, c.state, c.state_rank, sorted(c.stated_roles.items())]
    documents = {d.key: [res.documents[(facts.article, d.key)],
                         res.document_status.get(res.documents[(facts.article, d.key)])] for d in facts.documents}
    meetings = {m.key: res.meetings[(facts.article, m.key)] for m in facts.meetings}
    relations = {"-".join(r.states): res.relation_dates.get("-".join(r.states)) for r in facts.relations}
    return {"people": people, "documents": documents, "meetings": meetings, "relations": relations}


def _cluster_state(cluster: PersonCluster, persons: dict) -> None:
    """The state of a person across articles: the strongest evidence, then the most frequent."""
    votes: dict[str, list[int]] = defaultdict(list)
    for member in cluster.members:
        person = persons.get(member)
        if person is None:
            continue
        states = {q.state for q in person.posts if q.state}
        rank = person.state_rank or 1
        if person.state:
            states.add(person.state)
        for state in states:
            votes[state].append(rank if person.state == state and person.state_rank else 1)
    if votes:
        state, ranks = min(votes.items(), key=lambda item: (min(item[1]), -len(item[1]), item[0]))
        cluster.state, cluster.state_rank = state, min(ranks)


def _merge_variants(res: Resolution, persons: dict) -> None:
    """One person written two ways in two articles: the words in another order ("Sato Kenji",
    "Kenji Sato") or a middle name left out ("Omar Al-Haddad"), when no state tells them apart."""
    groups: dict[frozenset, list[PersonCluster]] = defaultdict(list)
    for cluster in res.clusters:
        if _full(cluster.name):
            keys = word_keys(cluster.name)
            groups[frozenset((keys[0], keys[-1]))].append(cluster)
    gone: set[int] = set()
    for group in groups.values():
        for i, keep in enumerate(group):
            if id(keep) in gone:
                continue
            for other in group[i + 1:]:
                if id(other) in gone or not any(same_name(a, b) for a in keep.names for b in other.names):
                    continue
                if keep.state and other.state and keep.state != other.state and min(keep.state_rank, other.state_rank) == 1:
                    continue
                for n in other.names:
                    if n not in keep.names:
                        keep.names.append(n)
                if len(other.name.split()) > len(keep.name.split()):
                    keep.name, keep.id = other.name, other.id
                keep.members.extend(other.members)
                for member in other.members:
                    res.people[member] = keep
                gone.add(id(other))
            _cluster_state(keep, persons)
    res.clusters = [c for c in res.clusters if id(c) not in gone]


def _unique_ids(clusters: list[PersonCluster]) -> None:
    used: dict[str, int] = {}
    for cluster in sorted(clusters, key=lambda c: (c.id, c.members[0])):
        count = used.get(cluster.id, 0)
        used[cluster.id] = count + 1
        if count:
            cluster.id = f"{cluster.id}-{count + 1}"
