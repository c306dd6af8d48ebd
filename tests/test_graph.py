"""The RDF kg writes: a golden graph for one tiny article, provenance of every fact about a person,
and what the reasoner infers, drops and reports."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from rdflib import OWL, RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic
from rdflib.namespace import DCTERMS, FOAF, SKOS

import kg.article
from kg.graph import (G_INFERRED, G_ONTOLOGY, G_PROVENANCE, G_REFERENCE, ID, KG, NIF, ORG, facts_to_dataset)
from kg.reason import reason
from kg.resolve import resolve
from kg.resources import ONTOLOGY_FILE
from kg.store import open_dataset
from kg.validate import load_graph

ROOT = Path(__file__).parent.parent
GOLDEN = ROOT / "tests" / "fixtures" / "golden_small.ttl"
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
XSD_DATE = URIRef("http://www.w3.org/2001/XMLSchema#date")
SPECIAL_GRAPHS = (G_ONTOLOGY, G_PROVENANCE, G_REFERENCE, G_INFERRED)

# A fictional article; the golden graph says what it states (see the header of golden_small.ttl).
GOLDEN_TEXT = (
    " date 2024-05-10\n\n"
    "Moldovan Foreign Minister Ion Vrabie and Slovak Foreign Minister Peter Hudak held talks in Chisinau on "
    "Tuesday. Ambassador of Slovakia to Moldova Jana Kralova also attended the meeting.\n\n"
    "The Agreement on Road Transport between Moldova and Slovakia was signed by Vrabie and Hudak.\n\n"
    "Diplomatic relations between Moldova and Slovakia were established on January 1, 1993.\n"
)


def sentence_graphs(ds: Dataset):
    return [g for g in ds.graphs() if g.identifier not in SPECIAL_GRAPHS and str(g.identifier).startswith(str(ID))]


def asserted_facts(ds: Dataset) -> Graph:
    """Union of the sentence graphs: what the text says, without ontology, provenance, reference or inferences."""
    g = Graph()
    for graph in sentence_graphs(ds):
        for triple in graph:
            g.add(triple)
    return g


@pytest.fixture(scope="module")
def golden_ds(lexicon) -> Dataset:
    facts = kg.extract_article(kg.article.parse_article(GOLDEN_TEXT, "golden"), lexicon)
    return facts_to_dataset([facts], lexicon, resolve([facts]), Graph())


@pytest.fixture(scope="module")
def ontology() -> Graph:
    return load_graph(ONTOLOGY_FILE, "ontology")


# ------------------------------------------------------------------ golden graph

def test_golden_graph(golden_ds):
    got = asserted_facts(golden_ds)
    want = Graph().parse(GOLDEN, format="turtle")
    if not isomorphic(got, want):
        _, only_got, only_want = graph_diff(to_isomorphic(got), to_isomorphic(want))
        pytest.fail("the graph differs from tests/fixtures/golden_small.ttl\nonly in the built graph:\n"
                    + only_got.serialize(format="nt") + "\nonly in the golden graph:\n"
                    + only_want.serialize(format="nt"))
    assert len(got) == 66


def test_golden_comparison_notices_one_changed_triple(golden_ds):
    got = asserted_facts(golden_ds)
    want = Graph().parse(GOLDEN, format="turtle")
    meeting = ID["meeting/golden-m0"]
    changed = Graph()
    for triple in got:
        changed.add(triple)
    changed.remove((meeting, DCTERMS.date, None))
    changed.add((meeting, DCTERMS.date, Literal("2024-05-08", datatype=XSD_DATE)))
    assert isomorphic(got, want)
    assert not isomorphic(changed, want)


def test_golden_dataset_keeps_states_and_sentences_out_of_the_sentence_graphs(golden_ds):
    ref = golden_ds.graph(G_REFERENCE)
    mda = ID["state/MDA"]
    assert (mda, RDFS.label, Literal("Moldova", lang="en")) in ref
    assert (mda, KG.isoCode, Literal("MDA")) in ref
    prov = golden_ds.graph(G_PROVENANCE)
    assert set(prov.subjects(RDF.type, NIF.Sentence)) == {ID[f"sentence/golden/{i}"] for i in range(4)}
    assert (ID["article/golden"], DCTERMS.date, Literal("2024-05-10", datatype=XSD_DATE)) in prov


# ------------------------------------------------------------------ provenance

def check_person_provenance(ds: Dataset, text_of) -> int:
    """Every asserted triple whose subject is a person sits in a sentence graph whose nif:anchorOf
    names the person (in full or by surname) and whose offsets slice that text out of the article.
    Returns how many triples were checked."""
    people = set(ds.subjects(RDF.type, FOAF.Person))
    assert people
    checked = 0
    for graph in ds.graphs():
        if graph.identifier == G_INFERRED:
            continue                      # inferred, not asserted: it has no sentence
        about_people = [t for t in graph if t[0] in people]
        if not about_people:
            continue
        node = graph.identifier
        assert node not in (G_REFERENCE, G_ONTOLOGY, G_PROVENANCE), (node, about_people[:3])
        anchor = ds.value(node, NIF.anchorOf)
        begin, end = ds.value(node, NIF.beginIndex), ds.value(node, NIF.endIndex)
        article = ds.value(node, DCTERMS.isPartOf)
        assert anchor is not None and begin is not None and end is not None and article is not None, node
        assert text_of(article)[begin.toPython():end.toPython()] == str(anchor), node
        for person, _, _ in about_people:
            names = {str(n) for prop in (RDFS.label, SKOS.altLabel) for n in ds.objects(person, prop)}
            # the full name, or the surname alone as in "Sultanbekova, the Ambassador of ..."
            assert any(re.search(rf"\b{re.escape(form)}\b", str(anchor))
                       for name in names for form in (name, name.split()[-1])), (person, str(anchor))
            checked += 1
    return checked


def test_every_fact_about_a_person_has_its_sentence(golden_ds):
    assert check_person_provenance(golden_ds, lambda article: GOLDEN_TEXT) == 9


def test_provenance_in_the_built_corpus(built):
    ds = open_dataset(built.path)

    def text_of(article):
        identifier = ds.value(article, DCTERMS.identifier)
        return (CORPUS / str(identifier)).read_text(encoding="utf-8-sig")

    assert check_person_provenance(ds, text_of) >= 12


def test_the_person_graph_is_the_sentence_that_names_them(golden_ds):
    kralova = ID["person/jana-kralova"]
    graphs = {g.identifier for g in golden_ds.graphs() if (kralova, RDF.type, FOAF.Person) in g}
    assert graphs == {ID["sentence/golden/1"]}
    assert str(golden_ds.value(ID["sentence/golden/1"], NIF.anchorOf)) == \
        "Ambassador of Slovakia to Moldova Jana Kralova also attended the meeting."


def test_a_post_is_asserted_in_the_sentence_that_states_it(lexicon):
    text = (" date 2024-05-10\n\nKazakh poet Aigerim Sultanbekova read her verses in Tbilisi. Sultanbekova, the "
            "Ambassador of Kazakhstan to Georgia, thanked the hosts.\n")
    facts = kg.extract_article(kg.article.parse_article(text, "later"), lexicon)
    ds = facts_to_dataset([facts], lexicon, resolve([facts]), Graph())
    person = ID["person/aigerim-sultanbekova"]
    post = ID["post/KAZ/ambassador-of-kazakhstan-to-georgia"]
    first, second = ID["sentence/later/0"], ID["sentence/later/1"]
    assert (person, RDF.type, FOAF.Person) in ds.graph(first)
    assert (person, KG.occupation, Literal("poet")) in ds.graph(first)
    assert (person, ORG.holds, post) in ds.graph(second)
    assert (person, ORG.holds, post) not in ds.graph(first)
    assert check_person_provenance(ds, lambda article: text) == 4      # type, label, occupation, holds


# ------------------------------------------------------------------ reasoning

S, T = ID["state/S"], ID["state/T"]
MINISTRY, DEPARTMENT = ID["body/S/ministry"], ID["body/S/department"]
POST_A, POST_B = ID["post/S/a"], ID["post/T/b"]
A, B = ID["person/a"], ID["person/b"]
MEETING, DOCUMENT = ID["meeting/m"], ID["document/d"]


@pytest.fixture(scope="module")
def closure(ontology):
    g = Graph()
    for triple in ontology:
        g.add(triple)
    for triple in [
        (S, RDF.type, KG.State), (S, KG.ofState, S), (T, RDF.type, KG.State), (T, KG.ofState, T),
        (MINISTRY, RDF.type, KG.Ministry), (MINISTRY, ORG.subOrganizationOf, S),
        (DEPARTMENT, RDF.type, KG.Directorate), (DEPARTMENT, ORG.subOrganizationOf, MINISTRY),
        (POST_A, RDF.type, ORG.Post), (POST_A, ORG.postIn, DEPARTMENT),
        (POST_B, RDF.type, ORG.Post), (POST_B, ORG.postIn, T),
        (A, RDF.type, FOAF.Person), (A, ORG.holds, POST_A),
        (B, RDF.type, FOAF.Person), (B, ORG.holds, POST_B),
        (MEETING, RDF.type, KG.Talks), (MEETING, KG.participant, A), (MEETING, KG.participant, B),
        (DOCUMENT, RDF.type, KG.Agreement), (DOCUMENT, KG.signatory, A), (DOCUMENT, KG.signatory, B),
    ]:
        g.add(triple)
    inferred, problems = reason(g)
    return g, inferred, problems


def test_consistent_graph_has_no_inconsistencies(closure):
    _, _, problems = closure
    assert problems == []


def test_state_of_a_person_from_the_post_chain(closure):
    _, inferred, _ = closure
    assert (DEPARTMENT, KG.ofState, S) in inferred         # sub-organisation chain ends at the state
    assert (A, KG.state, S) in inferred                    # org:holds / org:postIn / kg:ofState
    assert (B, KG.state, T) in inferred
    assert (A, KG.state, T) not in inferred


def test_party_of_a_document_from_its_signatories(closure):
    _, inferred, _ = closure
    assert (DOCUMENT, KG.party, S) in inferred
    assert (DOCUMENT, KG.party, T) in inferred
    assert (A, KG.signed, DOCUMENT) in inferred


def test_states_met_both_ways_but_not_themselves(closure):
    _, inferred, _ = closure
    assert (MEETING, KG.involvesState, S) in inferred
    assert (S, KG.metWithState, T) in inferred
    assert (T, KG.metWithState, S) in inferred
    assert (S, KG.metWithState, S) not in inferred
    assert (T, KG.metWithState, T) not in inferred


def test_inverse_and_transitive_properties(closure):
    _, inferred, _ = closure
    assert (POST_A, ORG.heldBy, A) in inferred
    assert (DEPARTMENT, ORG.transitiveSubOrganizationOf, MINISTRY) in inferred
    assert (DEPARTMENT, ORG.transitiveSubOrganizationOf, S) in inferred
    assert (MEETING, RDF.type, KG.Meeting) in inferred


def test_trivia_and_asserted_triples_are_not_kept(closure):
    asserted, inferred, _ = closure
    assert len(inferred) > 0
    for s, p, o in inferred:
        assert (s, p, o) not in asserted
        assert not (s == o and p in (OWL.sameAs, KG.metWithState, KG.ofState)), (s, p, o)
        assert isinstance(s, URIRef) and str(s).startswith(str(ID)), s
        assert not (p == RDF.type and o in (OWL.Thing, RDFS.Resource)), (s, p, o)


def test_person_and_organisation_at_once_is_reported(ontology):
    g = Graph()
    for triple in ontology:
        g.add(triple)
    x = ID["person/x"]
    g.add((x, RDF.type, FOAF.Person))
    g.add((x, RDF.type, ORG.Organization))
    _, problems = reason(g)
    assert len(problems) == 1
    assert "Disjoint classes" in problems[0].message
    assert str(x) in problems[0].message


def test_built_corpus_has_inferred_graph_and_no_inconsistency(built):
    assert built.summary.inconsistencies == []
    ds = open_dataset(built.path)
    inferred = ds.graph(G_INFERRED)
    veridze = ID["person/tamar-veridze"]
    assert (veridze, KG.state, ID["state/GEO"]) in inferred
    assert (ID["state/GEO"], KG.metWithState, ID["state/UZB"]) in inferred
    assert (ID["state/UZB"], KG.metWithState, ID["state/GEO"]) in inferred
    assert (ID["state/UZB"], KG.hasDiplomaticRelationsWith, ID["state/GEO"]) in inferred
