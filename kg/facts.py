"""Plain data passed between the stages: what one article says, before it becomes RDF.

Everything here is JSON-serialisable (`to_json` / `from_json`), so a stage can be rerun or
inspected on its own (`build/facts/*.json`).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field


@dataclass
class Span:
    sentence: int
    begin: int          # character offsets in the article text
    end: int


@dataclass
class Body:
    key: str                       # article-local key: state id + folded name
    name: str
    cls: str                       # ontology class local name (Ministry, Agency, ...)
    state: str | None              # state id, when the body belongs to one
    parent: str | None = None      # key of the body it sits under
    spans: list[Span] = field(default_factory=list)


@dataclass
class Post:
    role: str                      # "Deputy Minister", "Ambassador", "President"
    label: str                     # "Deputy Minister of Foreign Affairs of Azerbaijan"
    state: str | None
    body: str | None = None        # key of the body the post is in; None: a post of the state
    to_state: str | None = None    # receiving state of an ambassador or consul
    span: Span | None = None
    rule: str = ""                 # the rule that read it (kg explain)
    org: str | None = None         # the international organisation the post is in
    head: str = ""                 # the head word's canonical title (posts.tsv): "Minister", "President"
    host: bool = False             # "Host President X": the post is of the state the event is held in


@dataclass
class Person:
    key: str                       # article-local key
    name: str                      # fullest name seen in the article
    names: list[str] = field(default_factory=list)   # every full spelling seen
    posts: list[Post] = field(default_factory=list)
    state: str | None = None       # stated nationality when no post gives the state
    state_span: Span | None = None
    occupation: str | None = None
    spans: list[Span] = field(default_factory=list)
    state_rule: str = ""           # the rule that gave `state`
    counterpart_of: str | None = None   # key of the person whose counterpart this one is
    state_rank: int = 0            # 1 the title says so, 2 the side or company, 3 the article's home state
    why: dict[str, str] = field(default_factory=dict)   # fact -> the rule that read it (kg explain)


@dataclass
class Meeting:
    key: str
    participants: list[str]        # person keys
    hosts: list[str] = field(default_factory=list)
    guests: list[str] = field(default_factory=list)
    kind: str = "Meeting"
    date: str | None = None        # ISO date
    place: str | None = None       # state id or "city:<name>|<state id>"
    topics: list[str] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)   # fact -> the rule that read it (kg explain)


@dataclass
class Document:
    key: str
    title: str
    kind: str                      # ontology class local name
    status: str                    # signed | planned
    signatories: list[str] = field(default_factory=list)   # person keys
    parties: list[str] = field(default_factory=list)       # state ids named as parties
    bodies: list[str] = field(default_factory=list)        # body keys it is concluded by
    date: str | None = None        # ISO date or year
    meeting: str | None = None     # meeting key it was signed at
    spans: list[Span] = field(default_factory=list)
    why: dict[str, str] = field(default_factory=dict)   # fact -> the rule that read it (kg explain)


@dataclass
class Relation:
    states: list[str]
    date: str | None
    span: Span


@dataclass
class Milestone:
    label: str                     # the clause that states it
    date: str                      # ISO date or year
    states: list[str]
    span: Span


@dataclass
class SentenceRecord:
    index: int
    begin: int
    end: int
    text: str


@dataclass
class ArticleFacts:
    article: str                   # article id (file stem)
    path: str
    date: str | None
    title: str | None
    authors: list[str]
    sentences: list[SentenceRecord]
    people: list[Person] = field(default_factory=list)
    bodies: list[Body] = field(default_factory=list)
    meetings: list[Meeting] = field(default_factory=list)
    documents: list[Document] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)
    milestones: list[Milestone] = field(default_factory=list)
    home_state: str | None = None  # the state the article is told from, and the rule that found it
    home_rule: str = ""
    unused: list[dict] = field(default_factory=list)    # mentions read but not used: sentence, text, reason

    def to_json(self) -> dict:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict) -> "ArticleFacts":
        def span(d):
            return Span(**d) if d else None

        return cls(
            article=data["article"], path=data["path"], date=data["date"], title=data["title"],
            authors=data["authors"], sentences=[SentenceRecord(**s) for s in data["sentences"]],
            people=[Person(**{**p, "posts": [Post(**{**q, "span": span(q["span"])}) for q in p["posts"]],
                              "state_span": span(p["state_span"]), "spans": [Span(**s) for s in p["spans"]]})
                    for p in data["people"]],
            bodies=[Body(**{**b, "spans": [Span(**s) for s in b["spans"]]}) for b in data["bodies"]],
            meetings=[Meeting(**m) for m in data["meetings"]],
            documents=[Document(**{**d, "spans": [Span(**s) for s in d["spans"]]}) for d in data["documents"]],
            relations=[Relation(**{**r, "span": Span(**r["span"])}) for r in data["relations"]],
            milestones=[Milestone(**{**m, "span": Span(**m["span"])}) for m in data.get("milestones", [])],
            home_state=data.get("home_state"), home_rule=data.get("home_rule", ""), unused=data.get("unused", []),
        )
