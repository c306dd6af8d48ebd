"""The RDF the build writes: a golden graph, what the reasoner infers, what the shapes reject."""
from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import RDF, Dataset, Graph, Literal, Namespace, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import FOAF, XSD

from kg import extract_article, load_lexicon, read_article
from kg.graph import G_INFERRED, G_ONTOLOGY, G_PROVENANCE, G_REFERENCE, facts_to_dataset
from kg.reason import reason
from kg.resolve import resolve
from kg.validate import load_graph, validate_dataset

ROOT = Path(__file__).resolve().parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "golden"
KG = Namespace("https://w3id.org/diplokg/ontology#")
ORG = Namespace("http://www.w3.org/ns/org#")
ID = Namespace("https://w3id.org/diplokg/id/")
DCT = Namespace("http://purl.org/dc/terms/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")


@pytest.fixture(scope="module")
def lexicon():
    return load_lexicon(ROOT / "data" / "lexicon")


@pytest.fixture(scope="module")
def ontology():
    return load_graph(ROOT / "ontology" / "kg.ttl", "ontology")


def asserted_facts(ds: Dataset) -> Graph:
    g = Graph()
    for graph in ds.graphs():
        if graph.identifier not in (G_ONTOLOGY, G_PROVENANCE, G_REFERENCE, G_INFERRED):
            for triple in graph:
                g.add(triple)
    return g


def test_golden_graph(lexicon):
    facts = extract_article(read_article(GOLDEN / "small.txt"), lexicon)
    ds = facts_to_dataset([facts], lexicon, resolve([facts]), Graph())
    got = asserted_facts(ds)
    want = Graph().parse(GOLDEN / "small.ttl", format="turtle")
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail("graph differs from golden:\n+ " + only_got.serialize(format="nt")
                    + "\n- " + only_want.serialize(format="nt"))


def _closure(ontology, *triples):
    g = Graph()
    for t in ontology:
        g.add(t)
    for t in triples:
        g.add(t)
    return reason(g)


def test_inferred_kinds_of_fact(ontology):
    S, T = ID["state/S"], ID["state/T"]
    ministry, service, post, post_t = ID["body/m"], ID["body/v"], ID["post/p"], ID["post/q"]
    a, b, meeting, doc = ID["person/a"], ID["person/b"], ID["meeting/e"], ID["document/d"]
    inferred, problems = _closure(
        ontology,
        (S, RDF.type, KG.State), (S, KG.ofState, S), (T, RDF.type, KG.State), (T, KG.ofState, T),
        (ministry, RDF.type, KG.Ministry), (ministry, ORG.subOrganizationOf, S),
        (service, RDF.type, KG.Service), (service, ORG.subOrganizationOf, ministry),
        (post, RDF.type, ORG.Post), (post, ORG.postIn, service), (a, RDF.type, FOAF.Person), (a, ORG.holds, post),
        (post_t, RDF.type, ORG.Post), (post_t, ORG.postIn, T), (b, RDF.type, FOAF.Person), (b, ORG.holds, post_t),
        (meeting, RDF.type, KG.Talks), (meeting, KG.participant, a), (meeting, KG.participant, b),
        (doc, RDF.type, KG.Memorandum), (doc, KG.signatory, a), (doc, KG.signatory, b),
        (doc, KG.concludedBy, service), (S, KG.hasDiplomaticRelationsWith, T),
    )
    assert problems == []
    expected = [
        (service, KG.ofState, S),                         # sub-organisation chain ends at the state
        (service, ORG.transitiveSubOrganizationOf, S),    # transitivity
        (a, KG.state, S), (b, KG.state, T),               # a person's state from the post
        (post, ORG.heldBy, a),                            # inverse
        (meeting, KG.involvesState, S), (meeting, KG.involvesState, T),
        (S, KG.metWithState, T), (T, KG.metWithState, S),  # chain + symmetry
        (doc, KG.party, S), (doc, KG.party, T),           # parties from signatories and bodies
        (a, KG.signed, doc), (a, KG.participatedIn, meeting),
        (T, KG.hasDiplomaticRelationsWith, S),            # symmetry
        (meeting, RDF.type, KG.Meeting), (doc, RDF.type, KG.Document),   # class hierarchy
    ]
    for triple in expected:
        assert triple in inferred, triple
    for s, p, o in inferred:
        assert not (s == o and p in (KG.metWithState, URIRef("http://www.w3.org/2002/07/owl#sameAs"), KG.ofState))
        assert not isinstance(s, Literal)


def test_disjointness_is_reported(ontology):
    x = ID["person/x"]
    _, problems = _closure(ontology, (x, RDF.type, FOAF.Person), (x, RDF.type, ORG.Organization))
    assert any("Disjoint" in p.message for p in problems)


def test_shapes_reject_a_broken_graph(ontology):
    ds = Dataset(default_union=True)
    og = ds.graph(G_ONTOLOGY)
    for triple in ontology:
        og.add(triple)              # as in a build: shapes see subclasses through the ontology
    g = ds.graph(ID["sentence/broken/0"])
    meeting, doc, person, article = ID["meeting/x"], ID["document/x"], ID["person/x"], ID["article/x"]
    g.add((meeting, RDF.type, KG.Meeting))
    g.add((meeting, KG.participant, person))
    g.add((meeting, DCT.source, article))
    g.add((person, RDF.type, FOAF.Person))
    g.add((doc, RDF.type, KG.Agreement))
    g.add((doc, KG.status, KG.Signed))
    g.add((doc, DCT.source, article))
    g.add((article, RDF.type, KG.Article))
    g.add((article, DCT.identifier, Literal("x.txt")))
    p = ds.graph(G_PROVENANCE)
    sentence = ID["sentence/broken/0"]
    p.add((sentence, RDF.type, NIF.Sentence))
    p.add((sentence, NIF.anchorOf, Literal("text")))
    p.add((sentence, NIF.beginIndex, Literal(-3)))                 # an offset below 0
    p.add((sentence, NIF.endIndex, Literal(4)))
    p.add((sentence, DCT.isPartOf, article))
    problems = validate_dataset(ds)
    found = {(pr.check, pr.node) for pr in problems}
    nodes = {pr.node for pr in problems if pr.severity == "error"}
    assert str(meeting) in nodes                                   # one participant
    assert str(doc) in nodes                                       # no title
    assert str(person) in nodes                                    # no name
    assert str(sentence) in nodes                                  # negative offset
    # the message says what is wrong and the sentence is quoted where the graph knows it
    meeting_problem = next(pr for pr in problems if pr.node == str(meeting))
    assert meeting_problem.sentence is None or "text" in meeting_problem.sentence
    assert found
