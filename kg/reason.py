"""OWL 2 RL closure with owlrl, keeping only what is worth storing.

owlrl adds the closure to the graph it is given; we diff against the input and keep new triples
about our own individuals, dropping its trivia (reflexive owl:sameAs, typing as owl:Thing or
rdfs:Resource, literal subjects, axiomatic triples about the W3C vocabularies) and the reflexive
kg:metWithState pairs the state-contact chain also yields. owlrl reports clashes as
err:ErrorMessage nodes; they come back as Inconsistency records, not as triples.
"""
from __future__ import annotations

from dataclasses import dataclass

import owlrl
from rdflib import OWL, RDF, RDFS, Graph, Literal, URIRef

from .graph import ID, KG

ERR = URIRef("http://www.daml.org/2002/03/agents/agent-ont#")
ERROR_MESSAGE = URIRef(str(ERR) + "ErrorMessage")
ERROR = URIRef(str(ERR) + "error")
TRIVIAL_TYPES = {OWL.Thing, RDFS.Resource, OWL.NamedIndividual}
REFLEXIVE_TRIVIA = {OWL.sameAs, KG.metWithState, KG.ofState}


@dataclass
class Inconsistency:
    message: str


def reason(asserted: Graph) -> tuple[Graph, list[Inconsistency]]:
    """Return (inferred graph, inconsistencies) for the asserted graph (ontology included)."""
    work = Graph()
    for triple in asserted:
        work.add(triple)
    owlrl.DeductiveClosure(owlrl.OWLRL_Semantics, axiomatic_triples=False,
                           datatype_axioms=False).expand(work)
    problems = [Inconsistency(str(msg)) for node in work.subjects(RDF.type, ERROR_MESSAGE)
                for msg in work.objects(node, ERROR)]
    inferred = Graph()
    base = str(ID)
    for s, p, o in work:
        if (s, p, o) in asserted or isinstance(s, Literal):
            continue
        if not isinstance(s, URIRef) or not str(s).startswith(base):
            continue
        if p == RDF.type and o in TRIVIAL_TYPES:
            continue
        if s == o and p in REFLEXIVE_TRIVIA:
            continue
        inferred.add((s, p, o))
    return inferred, problems
