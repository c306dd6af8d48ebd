"""OWL 2 RL closure with owlrl, keeping only what is worth storing, over bounded parts of the graph.

owlrl adds the closure to the graph it is given; we diff against the input and keep new triples
about our own individuals, dropping its trivia (reflexive owl:sameAs, typing as owl:Thing or
rdfs:Resource, literal subjects, axiomatic triples about the W3C vocabularies) and the reflexive
kg:metWithState pairs the state-contact chain also yields. owlrl reports clashes as
err:ErrorMessage nodes; they come back as Inconsistency records, not as triples.

owlrl evaluates every rule on every triple in every cycle, so one run over a whole corpus costs
(triples x cycles) and is redone in full when one article changes. `reason_parts` runs it instead
on parts: the triples of a group of articles plus everything reachable from them along the
graph's edges (the forward closure: a meeting's participants, their posts, the bodies and states
those sit in). Every chain of the ontology runs forward along such edges (participant/state,
holds/postIn/ofState, signatory/state, concludedBy/ofState, subOrganizationOf), and the inverses
and domains, ranges and sub-properties need only the triple they follow from, so each entailment
of the whole graph is found in the part that holds its premises. The one rule that can join two
parts is a disjointness clash between types given to one node by two parts; `reason_parts` checks
the union for it and asks owlrl about each such node. A part is keyed by a hash of its input, so
an unchanged part is not reasoned over again (`cache`). The build gives a part to the rules
compiled from owlrl's closure of the ontology (kg.materialise) first, and to owlrl only when those
hand it back.
"""
from __future__ import annotations

import hashlib
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Callable, Iterable

import owlrl
import owlrl.Closure
import owlrl.OWLRL
from owlrl.OWLRL import OWLRL_Semantics
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef
from rdflib.collection import Collection

from .graph import ID, KG

ERR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#")
ERROR_MESSAGE = URIRef(str(ERR) + "ErrorMessage")
ERROR = URIRef(str(ERR) + "error")
TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
REFLEXIVE_TRIVIA = {OWL.sameAs, KG.metWithState, KG.ofState}
REASONER_VERSION = "owlrl-parts-2"

Triple = tuple


@dataclass
class Inconsistency:
    message: str


class _Semantics(OWLRL_Semantics):
    """owlrl's OWL 2 RL rules without rule eq-ref, which adds `x owl:sameAs x` for every term of
    every triple (three per triple) and then makes eq-rep-* walk every node's triples again each
    cycle, only to find them present. Those triples are trivia we drop anyway; the one thing eq-ref
    is needed for, `x owl:differentFrom x`, is checked here directly. The closure is otherwise the
    same (tests/test_reason.py compares it with owlrl's own)."""

    def _equality(self, triple, cycle_num):
        s, p, o = triple
        if p == OWL.sameAs and s == o:
            return
        if p == OWL.differentFrom and s == o:
            self.add_error("'sameAs' and 'differentFrom' cannot be used on the same subject-object pair: (%s, %s)"
                           % (s, o))
        if p == OWL.sameAs or (p == RDF.type and o == OWL.AllDifferent):
            super()._equality(triple, cycle_num)

    def store_triple(self, t):
        if t[1] == OWL.sameAs and t[0] == t[2]:
            return
        super().store_triple(t)


class _Terms:
    """A namespace whose terms are looked up once. owlrl's rules name OWL.sameAs, RDF.type ...
    on every triple of every cycle, and rdflib's DefinedNamespace resolves each such attribute
    anew (a quarter of owlrl's time on our parts); the terms are the same URIRefs."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name):
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term

    def __getitem__(self, name):
        return self._namespace[name]

    def __contains__(self, item):
        return item in self._namespace


@contextmanager
def _cached_terms(modules=(owlrl.OWLRL, owlrl.Closure)):
    saved = [(m, name, getattr(m, name)) for m in modules for name in ("OWL", "RDF", "RDFS") if hasattr(m, name)]
    try:
        for module, name, namespace in saved:
            setattr(module, name, _Terms(namespace))
        yield
    finally:
        for module, name, namespace in saved:
            setattr(module, name, namespace)


def _closure(triples: Iterable[Triple], semantics=_Semantics) -> Graph:
    work = Graph(store="SimpleMemory")       # no context bookkeeping: owlrl needs none
    for triple in triples:
        work.add(triple)
    if semantics is OWLRL_Semantics:         # the baseline runs as owlrl ships it
        owlrl.DeductiveClosure(semantics, axiomatic_triples=False, datatype_axioms=False).expand(work)
        return work
    with _cached_terms():
        owlrl.DeductiveClosure(semantics, axiomatic_triples=False, datatype_axioms=False).expand(work)
    return work


def _keep(work: Graph, asserted) -> tuple[set[Triple], list[Inconsistency]]:
    problems = [Inconsistency(str(msg)) for node in work.subjects(RDF.type, ERROR_MESSAGE)
                for msg in work.objects(node, ERROR)]
    inferred = set()
    base = str(ID)
    for s, p, o in work:
        if not isinstance(s, URIRef) or not str(s).startswith(base):
            continue
        if p == RDF.type and o in TRIVIAL_TYPES:
            continue
        if s == o and p in REFLEXIVE_TRIVIA:
            continue
        if (s, p, o) in asserted:
            continue
        inferred.add((s, p, o))
    return inferred, problems


def reason(asserted: Graph) -> tuple[Graph, list[Inconsistency]]:
    """Whole-graph owlrl, as owlrl ships it: the baseline `reason_parts` is measured and tested
    against. Returns (inferred graph, inconsistencies) for the asserted graph (ontology included)."""
    work = _closure(asserted, OWLRL_Semantics)
    kept, problems = _keep(work, asserted)
    inferred = Graph()
    for triple in kept:
        inferred.add(triple)
    return inferred, problems


def asserted_and_inferred(ds) -> tuple[Graph, set]:
    """A built dataset split as the reasoner sees it: the asserted graph (ontology included, the
    rules' provenance records left out, as the build leaves them out) and the inferred triples."""
    from .graph import G_INFERRED

    asserted, inferred = Graph(), set()
    extraction = str(ID) + "extraction/"
    for s, p, o, g in ds.quads((None, None, None, None)):
        if g == G_INFERRED:
            inferred.add((s, p, o))
        elif not str(s).startswith(extraction):
            asserted.add((s, p, o))
    return asserted, inferred


# ------------------------------------------------------------------ bounded reasoning

AXIOM_PREDICATES = {RDFS.domain, RDFS.range, RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentProperty,
                    OWL.propertyDisjointWith, OWL.propertyChainAxiom, OWL.onProperty, OWL.hasKey}
PROPERTY_KINDS = {OWL.FunctionalProperty, OWL.InverseFunctionalProperty, OWL.TransitiveProperty,
                  OWL.SymmetricProperty, OWL.AsymmetricProperty, OWL.IrreflexiveProperty}
ANNOTATIONS = {RDFS.label, RDFS.comment, RDFS.isDefinedBy, RDFS.seeAlso, OWL.versionInfo}


@dataclass
class Scope:
    """What of the data owlrl can use: triples whose predicate some axiom of the ontology names
    (a domain, range, inverse, super-property, chain, characteristic ...), rdf:type, owl:sameAs and
    owl:differentFrom. Any other triple (a label, a title, a text offset) fires no OWL 2 RL rule, so
    leaving it out changes no entailment; nor do the ontology's labels and comments."""
    tbox: Graph
    predicates: frozenset[str]

    @classmethod
    def of(cls, ontology: Graph) -> "Scope":
        tbox = Graph()
        active = {RDF.type, OWL.sameAs, OWL.differentFrom}
        for s, p, o in ontology:
            if p in ANNOTATIONS or (isinstance(o, Literal) and not str(p).startswith(str(OWL))):
                continue                        # documentation of the terms, not axioms
            tbox.add((s, p, o))
            if p in AXIOM_PREDICATES:
                active.add(s)
                if p in (RDFS.subPropertyOf, OWL.inverseOf, OWL.equivalentProperty, OWL.propertyDisjointWith,
                         OWL.onProperty):
                    active.add(o)
                if p in (OWL.propertyChainAxiom, OWL.hasKey):
                    active.update(Collection(ontology, o))
            elif p == RDF.type and o in PROPERTY_KINDS:
                active.add(s)
        return cls(tbox, frozenset(str(a) for a in active))


HUBS = {"state", "city", "topic", "role", "article", "sentence", "organization"}


def is_hub(iri: str) -> bool:
    """Nodes where a forward closure stops after taking the node's own triples: they are shared by
    many articles (states, cities, topics, roles, articles, sentences) and no chain runs through
    them; terms outside our namespace (classes, kg:Signed) are not followed at all."""
    return not iri.startswith(str(ID)) or iri[len(str(ID)):].split("/", 1)[0] in HUBS


def forward_closure(seeds: Iterable[Triple], outgoing: Callable[[str], Iterable[Triple]],
                    iri_of: Callable[[object], str | None]) -> set[Triple]:
    """The seed triples and the triples of every node reachable from them along their objects;
    a hub's own triples are taken, but the walk goes on from a hub only to other hubs (a state's
    capital city). Terms are whatever `outgoing` returns; `iri_of` gives an IRI node's IRI."""
    part = set(seeds)
    seen = {iri_of(t[0]) for t in part}
    todo = [iri for iri in (iri_of(t[2]) for t in part) if iri]
    while todo:
        node = todo.pop()
        if node in seen or not node.startswith(str(ID)):
            continue
        seen.add(node)
        hub = is_hub(node)
        for triple in outgoing(node):
            part.add(triple)
            obj = iri_of(triple[2])
            if obj and obj not in seen and (not hub or is_hub(obj)):
                todo.append(obj)
    return part


def part_key(lines: list[str], ontology_digest: str) -> str:
    """The cache key of a part: its sorted N-Triples lines, the ontology and this reasoner."""
    digest = hashlib.sha256(f"{REASONER_VERSION}\n{ontology_digest}\n".encode())
    for line in lines:
        digest.update(line.encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()[:32]


def reason_part(ontology: Graph, part: set[Triple]) -> tuple[set[Triple], list[str]]:
    """owlrl over the ontology and one part: (kept inferred triples, inconsistency messages)."""
    work = _closure(list(ontology) + list(part))
    asserted = set(part) | set(ontology)
    kept, problems = _keep(work, asserted)
    return kept, [p.message for p in problems]


def disjoint_pairs(ontology: Graph) -> set[frozenset]:
    pairs = set()
    for a, b in ontology.subject_objects(OWL.disjointWith):
        pairs.add(frozenset((a, b)))
    for node in ontology.subjects(RDF.type, OWL.AllDisjointClasses):
        for members in ontology.objects(node, OWL.members):
            items = list(Collection(ontology, members))
            pairs.update(frozenset((x, y)) for i, x in enumerate(items) for y in items[i + 1:])
    return pairs
