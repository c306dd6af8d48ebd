"""The network as one self-contained HTML page (pyvis data model, vis-network inlined).

pyvis builds the nodes, edges and options; the page comes from our own template, because
pyvis's template loads Bootstrap and vis-network from CDNs (blank offline) and puts the
heading into the page unescaped. Here every string from articles reaches the browser as JSON
and becomes DOM text; a Content-Security-Policy forbids any request from the page.

Views: `states` (a node per state, an edge per pair weighted by meetings and documents),
`people` (people coloured by state, meetings and documents as small nodes), `full` (every
entity, shaped and coloured by class, with a legend and named relations). Beyond
`PHYSICS_LIMIT` nodes the layout is computed here (each state's entities in a ring around
it) and physics stays off, so large graphs open at once.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import math
from collections import Counter, defaultdict, deque
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import pyvis
from pyvis.network import Network
from rdflib import Dataset, URIRef

from .errors import InputError
from .files import write_atomic
from .graph import PREFIXES

VIEWS = ("states", "people", "full")
PHYSICS_LIMIT = 400
PALETTE = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
           "#bcbd22", "#17becf", "#393b79", "#637939", "#8c6d31", "#843c39", "#7b4173", "#3182bd"]
CLASS_STYLE = {   # class key -> (legend label, colour, vis shape)
    "State": ("State", "#d62728", "star"),
    "Body": ("Government body or organisation", "#ff7f0e", "box"),
    "Post": ("Post", "#bcbd22", "triangle"),
    "Person": ("Person", "#1f77b4", "dot"),
    "Meeting": ("Meeting", "#2ca02c", "diamond"),
    "Document": ("Document", "#9467bd", "square"),
    "Relations": ("Diplomatic relations", "#8c564b", "hexagon"),
    "Milestone": ("Milestone", "#e377c2", "triangleDown"),
    "Topic": ("Topic", "#17becf", "ellipse"),
    "City": ("City", "#7f7f7f", "ellipse"),
}
EDGE_LABELS = {
    "http://www.w3.org/ns/org#holds": "holds",
    "http://www.w3.org/ns/org#postIn": "post in",
    "http://www.w3.org/ns/org#subOrganizationOf": "part of",
    "https://w3id.org/diplokg/ontology#participant": "took part",
    "https://w3id.org/diplokg/ontology#signatory": "signed by",
    "https://w3id.org/diplokg/ontology#concludedBy": "concluded by",
    "https://w3id.org/diplokg/ontology#party": "party",
    "https://w3id.org/diplokg/ontology#betweenState": "between",
    "https://w3id.org/diplokg/ontology#concernsState": "concerns",
    "https://schema.org/location": "at",
    "http://purl.org/dc/terms/subject": "topic",
    "https://w3id.org/diplokg/ontology#signedDuring": "signed during",
    "https://schema.org/containedInPlace": "in",
}


@dataclass
class VizResult:
    path: Path
    view: str
    nodes: int
    edges: int
    physics: bool


@dataclass
class _Graph:
    nodes: dict[str, dict] = field(default_factory=dict)      # id -> node attributes
    edges: list[dict] = field(default_factory=list)
    anchor: dict[str, str] = field(default_factory=dict)     # node id -> state node id (layout)

    def node(self, node_id: str, **attrs) -> None:
        if node_id not in self.nodes:
            self.nodes[node_id] = {"id": node_id, **attrs}

    def edge(self, source: str, target: str, **attrs) -> None:
        if source in self.nodes and target in self.nodes and source != target:
            self.edges.append({"from": source, "to": target, **attrs})


def _rows(ds: Dataset, query: str, **bindings):
    return ds.query(query, initNs=PREFIXES, initBindings={k: v for k, v in bindings.items()})


def _bounds(value: str) -> tuple[str, str]:
    """'2020' -> ('2020-01-01', '2020-12-31'); '2020-06' -> ('2020-06-01', '2020-06-31')."""
    return (value + "-01-01"[len(value) - 4:] if len(value) < 10 else value,
            value + "-12-31"[len(value) - 4:] if len(value) < 10 else value)


def _in_range(date: str | None, since: str | None, until: str | None) -> bool:
    """Undated events are left out once a period is asked for."""
    if not since and not until:
        return True
    if not date:
        return False
    low, high = _bounds(date)
    return (not since or high >= _bounds(since)[0]) and (not until or low <= _bounds(until)[1])


def _colour(key: str, order: dict[str, int] | None = None) -> str:
    """A state's colour: distinct for the first len(PALETTE) states of a view, stable by hash after."""
    if order is not None and key in order and order[key] < len(PALETTE):
        return PALETTE[order[key]]
    return PALETTE[int(hashlib.sha1(key.encode("utf-8")).hexdigest(), 16) % len(PALETTE)]


def _evidence(ds: Dataset) -> dict[str, str]:
    """The first sentence that asserted something about each node."""
    found: dict[str, str] = {}
    for row in _rows(ds, "SELECT ?s ?text WHERE { GRAPH ?g { ?s a ?c } ?g nif:anchorOf ?text }"):
        found.setdefault(str(row.s), str(row.text))
    return found


def _events(ds: Dataset, since, until):
    meetings, documents = {}, {}
    for row in _rows(ds, """SELECT ?m ?label ?date ?kind WHERE { ?m a kg:Meeting ; rdfs:label ?label .
                             OPTIONAL { ?m dct:date ?date } OPTIONAL { ?m a ?c . ?c rdfs:subClassOf kg:Meeting ; rdfs:label ?kind .
                             FILTER NOT EXISTS { ?m a ?sub . ?sub rdfs:subClassOf ?c . FILTER(?sub != ?c) } } }"""):
        date = str(row.date) if row.date else None
        if _in_range(date, since, until):
            meetings[str(row.m)] = {"label": str(row.label), "date": date, "kind": str(row.kind or "Meeting")}
    for row in _rows(ds, """SELECT ?d ?title ?date ?status WHERE { ?d a kg:Document ; dct:title ?title ; kg:status/rdfs:label ?status .
                             OPTIONAL { ?d dct:date ?date } }"""):
        date = str(row.date) if row.date else None
        if _in_range(date, since, until):
            documents[str(row.d)] = {"label": str(row.title), "date": date, "status": str(row.status)}
    return meetings, documents


def _states_view(ds: Dataset, since, until) -> _Graph:
    g = _Graph()
    meetings, documents = _events(ds, since, until)
    labels = {str(r.s): str(r.label) for r in _rows(ds, "SELECT ?s ?label WHERE { ?s a kg:State ; rdfs:label ?label }")}
    pairs: dict[tuple, list[str]] = defaultdict(list)
    involved = defaultdict(set)
    for row in _rows(ds, "SELECT ?m ?s WHERE { ?m a kg:Meeting ; kg:involvesState ?s }"):
        if str(row.m) in meetings:
            involved[str(row.m)].add(str(row.s))
    for row in _rows(ds, "SELECT ?d ?s WHERE { ?d a kg:Document ; kg:party ?s }"):
        if str(row.d) in documents:
            involved[str(row.d)].add(str(row.s))
    for event, states in involved.items():
        info = meetings.get(event) or documents.get(event)
        kind = "meeting" if event in meetings else "document"
        for a in states:
            for b in states:
                if a < b:
                    pairs[(a, b)].append(f"{info['date'] or 'undated'}: {kind}: {info['label']}")
    present = sorted({s for pair in pairs for s in pair}, key=lambda s: labels.get(s, s))
    order = {s: i for i, s in enumerate(present)}
    counts = Counter()
    for (a, b), items in pairs.items():
        counts[a] += len(items)
        counts[b] += len(items)
    for state in present:
        count = counts[state]
        g.node(state, label=labels.get(state, state), title=f"{labels.get(state, state)}\n{count} meetings and documents",
               color=_colour(state, order), shape="dot", size=12 + 3 * math.sqrt(count), group="State")
        g.anchor[state] = state
    for (a, b), items in pairs.items():
        items.sort()
        g.edge(a, b, value=len(items), width=1 + len(items), label=str(len(items)),
               title=f"{labels.get(a, a)} – {labels.get(b, b)}: {len(items)}\n" + "\n".join(items[:40])
               + ("\n…" if len(items) > 40 else ""))
    return g


def _people_view(ds: Dataset, since, until) -> _Graph:
    g = _Graph()
    meetings, documents = _events(ds, since, until)
    people = defaultdict(lambda: {"label": "", "states": set(), "posts": set()})
    for row in _rows(ds, """SELECT ?p ?label ?state ?sid ?post WHERE { ?p a foaf:Person ; rdfs:label ?label .
                             OPTIONAL { ?p kg:state ?sid . ?sid rdfs:label ?state } OPTIONAL { ?p org:holds/rdfs:label ?post } }"""):
        person = people[str(row.p)]
        person["label"] = str(row.label)
        if row.state:
            person["states"].add((str(row.sid), str(row.state)))
        if row.post:
            person["posts"].add(str(row.post))
    links = []
    for row in _rows(ds, "SELECT ?e ?p WHERE { { ?e kg:participant ?p } UNION { ?e kg:signatory ?p } }"):
        if str(row.e) in meetings or str(row.e) in documents:
            links.append((str(row.e), str(row.p)))
    active = {p for _, p in links} if (since or until) else set(people)
    order = {sid: i for i, sid in enumerate(sorted({sid for p in people.values() for sid, _ in p["states"]}))}
    for iri, person in people.items():
        if iri not in active:
            continue
        states = sorted(person["states"])
        state_key = states[0][0] if states else "none"
        lines = [person["label"], "State: " + (", ".join(s for _, s in states) or "unknown")]
        lines += [f"Post: {p}" for p in sorted(person["posts"])]
        g.node(iri, label=person["label"], title="\n".join(lines), color=_colour(state_key, order), shape="dot", size=14,
               group=", ".join(s for _, s in states) or "unknown")
        if states:
            g.anchor[iri] = state_key
    for iri, info in meetings.items():
        g.node(iri, label=" ", title=f"{info['kind']}: {info['label']}", color="#2ca02c", shape="diamond", size=7,
               group="Meeting")
    for iri, info in documents.items():
        g.node(iri, label=" ", title=f"Document ({info['status']}): {info['label']}\n{info['date'] or ''}",
               color="#9467bd", shape="square", size=7, group="Document")
    for event, person in links:
        g.edge(person, event, title="took part" if event in meetings else "signed")
    for node_id in list(g.nodes):
        if g.nodes[node_id]["group"] in ("Meeting", "Document") and not any(
                e["to"] == node_id for e in g.edges):
            del g.nodes[node_id]
    for event, person in links:
        if person in g.anchor and event not in g.anchor:
            g.anchor[event] = g.anchor[person]
    return g


FULL_CLASSES = [
    ("State", "kg:State"), ("Body", "org:FormalOrganization"), ("Post", "org:Post"), ("Person", "foaf:Person"),
    ("Meeting", "kg:Meeting"), ("Document", "kg:Document"), ("Relations", "kg:DiplomaticRelations"),
    ("Milestone", "kg:Milestone"), ("Topic", "skos:Concept"), ("City", "kg:City"),
]


def _full_view(ds: Dataset, since, until) -> _Graph:
    g = _Graph()
    meetings, documents = _events(ds, since, until)
    evidence = _evidence(ds)
    kinds: dict[str, str] = {}
    for key, cls in FULL_CLASSES:
        for row in _rows(ds, f"SELECT DISTINCT ?s WHERE {{ ?s a {cls} }}"):
            kinds.setdefault(str(row.s), key)
    labels, dates = {}, {}
    for row in _rows(ds, "SELECT ?s ?label WHERE { { ?s rdfs:label ?label } UNION { ?s skos:prefLabel ?label } }"):
        labels.setdefault(str(row.s), str(row.label))
    for row in _rows(ds, "SELECT ?s ?date WHERE { { ?s dct:date ?date } UNION { ?s kg:establishedOn ?date } }"):
        dates[str(row.s)] = str(row.date)
    for iri, key in kinds.items():
        if key == "Meeting" and iri not in meetings or key == "Document" and iri not in documents:
            continue
        if key in ("Relations", "Milestone") and not _in_range(dates.get(iri), since, until):
            continue
        name, colour, shape = CLASS_STYLE[key]
        lines = [labels.get(iri, iri), f"Class: {name}"]
        if iri in dates:
            lines.append(f"Date: {dates[iri]}")
        if iri in evidence:
            lines.append(f"Source: “{evidence[iri]}”")
        g.node(iri, label=labels.get(iri, iri)[:40], title="\n".join(lines), color=colour, shape=shape,
               size=16 if key == "State" else 10, group=name)
        if key == "State":
            g.anchor[iri] = iri
    predicates = " ".join(f"<{p}>" for p in EDGE_LABELS)
    for row in _rows(ds, f"SELECT DISTINCT ?s ?p ?o WHERE {{ VALUES ?p {{ {predicates} }} ?s ?p ?o }}"):
        g.edge(str(row.s), str(row.o), label=EDGE_LABELS[str(row.p)], title=EDGE_LABELS[str(row.p)],
               arrows="to", font={"size": 9, "align": "middle"})
    for row in _rows(ds, "SELECT ?s ?state WHERE { { ?s kg:ofState ?state } UNION { ?s kg:state ?state } }"):
        if str(row.s) in g.nodes and str(row.s) not in g.anchor:
            g.anchor[str(row.s)] = str(row.state)
    return g


def _focus(g: _Graph, ds: Dataset, focus: str, hops: int) -> _Graph:
    start = None
    if focus in g.nodes:
        start = focus
    else:
        wanted = focus.strip().lower()
        names = defaultdict(set)
        for row in _rows(ds, "SELECT ?s ?name WHERE { { ?s rdfs:label ?name } UNION { ?s skos:altLabel ?name } }"):
            names[str(row.name).lower()].add(str(row.s))
        candidates = [s for s in names.get(wanted, ()) if s in g.nodes]
        if not candidates:
            candidates = [node for node, attrs in g.nodes.items() if wanted in str(attrs.get("label", "")).lower()
                          or wanted in str(attrs.get("title", "")).lower().split("\n")[0]]
        if candidates:
            start = sorted(candidates)[0]
    if start is None:
        raise InputError(f"--focus {focus!r}: no entity of this view has that name or IRI "
                         "(try `kg query queries/people.rq` for names)")
    neighbours = defaultdict(set)
    for e in g.edges:
        neighbours[e["from"]].add(e["to"])
        neighbours[e["to"]].add(e["from"])
    keep, frontier = {start}, deque([(start, 0)])
    while frontier:
        node, depth = frontier.popleft()
        if depth == hops:
            continue
        for other in neighbours[node]:
            if other not in keep:
                keep.add(other)
                frontier.append((other, depth + 1))
    out = _Graph(anchor={k: v for k, v in g.anchor.items() if k in keep})
    out.nodes = {k: v for k, v in g.nodes.items() if k in keep}
    out.edges = [e for e in g.edges if e["from"] in keep and e["to"] in keep]
    out.nodes[start]["borderWidth"] = 4
    return out


def layout(g: _Graph) -> None:
    """Positions without physics, in time linear in the graph: each state's entities on rings
    around it (an entity without a state joins a neighbour's state), the states on a circle
    sized to hold their clusters, everything else on an outer ring."""
    states = sorted({v for v in g.anchor.values() if v in g.nodes}
                    | {k for k, v in g.nodes.items() if v.get("group") == "State"})
    anchor = {k: v for k, v in g.anchor.items() if v in g.nodes}
    for _ in range(2):                      # meetings and documents take a participant's state
        for e in g.edges:
            for a, b in ((e["from"], e["to"]), (e["to"], e["from"])):
                if a not in anchor and b in anchor:
                    anchor[a] = anchor[b]
    members = defaultdict(list)
    for node in sorted(g.nodes):
        if node not in states:
            members[anchor.get(node)].append(node)
    ring_gap = 45.0

    def rings(n: int) -> int:                 # rings of 8, 16, 24 ... hold 4k(k+1) nodes
        k = 0
        while 4 * k * (k + 1) < n:
            k += 1
        return k

    sizes = {state: ring_gap * (rings(len(members.get(state, []))) + 1) for state in states}
    circumference = sum(2 * r + 60 for r in sizes.values())
    radius = max(300.0, circumference / (2 * math.pi))
    centres, angle = {}, 0.0
    for state in states:
        angle += (sizes[state] + 30) / radius
        centres[state] = (radius * math.cos(angle), radius * math.sin(angle))
        angle += (sizes[state] + 30) / radius
        g.nodes[state].update(x=centres[state][0], y=centres[state][1])
    for state, nodes in members.items():
        cx, cy = centres.get(state, (0.0, 0.0))
        ring, placed, per_ring = 1, 0, 8
        base = radius + 2 * max(sizes.values(), default=0) + 200 if state is None else 0.0
        for node in nodes:
            if placed == per_ring:
                ring, placed, per_ring = ring + 1, 0, per_ring + 8
            theta = 2 * math.pi * placed / per_ring
            r = base + ring_gap * ring
            g.nodes[node].update(x=cx + r * math.cos(theta), y=cy + r * math.sin(theta))
            placed += 1


def render(g: _Graph, heading: str, summary: str, physics: bool, legend: list) -> str:
    net = Network(height="100%", width="100%", directed=False, heading=heading, cdn_resources="in_line")
    for node in g.nodes.values():
        # "group" is ours (for focus and layout); vis-network would let it override the colour
        attrs = {k: v for k, v in node.items() if k not in ("id", "group")}
        net.add_node(node["id"], **attrs)
    for edge in g.edges:
        attrs = {k: v for k, v in edge.items() if k not in ("from", "to")}
        net.add_edge(edge["from"], edge["to"], **attrs)
    options = {
        "physics": {"enabled": physics, "solver": "barnesHut",
                    "barnesHut": {"gravitationalConstant": -8000, "springLength": 140},
                    "stabilization": {"enabled": True, "iterations": 400, "fit": True}},
        "interaction": {"hover": True, "tooltipDelay": 120, "hideEdgesOnDrag": len(g.nodes) > PHYSICS_LIMIT},
        "edges": {"smooth": physics and len(g.edges) < 2000, "color": {"inherit": False, "color": "#9a9a9a"}},
        "nodes": {"font": {"size": 16}, "scaling": {"label": {"drawThreshold": 3}}},
        "layout": {"improvedLayout": physics and len(g.nodes) < 150},
    }
    nodes, edges, _, _, _, _ = net.get_network_data()
    lib = Path(pyvis.__file__).parent / "templates" / "lib" / "vis-9.1.2"
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(Path(__file__).parent / "templates"),
                             autoescape=True)
    return env.get_template("network.html").render(
        heading=heading, summary=summary, nodes=nodes, edges=edges, options=options, legend=legend,
        vis_js=(lib / "vis-network.min.js").read_text(encoding="utf-8"),
        vis_css=(lib / "vis-network.css").read_text(encoding="utf-8"))


def visualise(ds: Dataset, output: Path, view: str = "states", focus: str | None = None,
              since: str | None = None, until: str | None = None, hops: int = 2) -> VizResult:
    """Write the network page for one view of the graph; the file is replaced atomically."""
    if view not in VIEWS:
        raise InputError(f"--view {view!r}: choose one of {', '.join(VIEWS)}")
    for name, value in (("--since", since), ("--until", until)):
        if value:
            try:
                dt.date.fromisoformat(value if len(value) == 10 else f"{value}-01-01"[:10])
            except ValueError as exc:
                raise InputError(f"{name} {value!r}: give a date as YYYY, YYYY-MM or YYYY-MM-DD") from exc
    g = {"states": _states_view, "people": _people_view, "full": _full_view}[view](ds, since, until)
    if focus:
        g = _focus(g, ds, focus, hops)
    physics = len(g.nodes) <= PHYSICS_LIMIT
    if not physics:
        layout(g)
    legend = [CLASS_STYLE[k] for k, _ in FULL_CLASSES] if view == "full" else []
    if view == "people":
        states = sorted({(n["group"], n["color"]) for n in g.nodes.values() if n.get("shape") == "dot"})
        legend = [("Meeting", "#2ca02c", "diamond"), ("Document", "#9467bd", "square")] + [
            (f"Person of {name}", colour, "dot") for name, colour in states]
    period = f" from {since or '…'} to {until or '…'}" if since or until else ""
    heading = {"states": "States and their contacts", "people": "People, meetings and documents",
               "full": "Knowledge graph"}[view] + (f" around {focus}" if focus else "") + period
    summary = f"{len(g.nodes)} nodes, {len(g.edges)} edges. Hover for details; drag to move; scroll to zoom."
    html = render(g, heading, summary, physics, legend)
    output = Path(output)
    write_atomic(output, html.encode("utf-8"))
    return VizResult(output, view, len(g.nodes), len(g.edges), physics)


def page_data(html: str) -> dict:
    """The nodes and edges embedded in a page (for tests and tools)."""
    start = html.index("var nodeData = ") + len("var nodeData = ")
    nodes = json.JSONDecoder().raw_decode(html[start:])[0]
    start = html.index("var edgeData = ") + len("var edgeData = ")
    edges = json.JSONDecoder().raw_decode(html[start:])[0]
    return {"nodes": nodes, "edges": edges}
