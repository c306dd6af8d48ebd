"""SHACL shapes and consistency checks: a small broken graph is caught node by node; the built
fixture corpus validates."""
from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, URIRef
from rdflib.namespace import DCTERMS, FOAF

import kg
from kg.graph import G_ONTOLOGY, G_PROVENANCE, ID, KG, NIF, ORG
from kg.resources import ONTOLOGY_FILE
from kg.store import open_dataset
from kg.validate import load_graph, validate_dataset

ARTICLE = ID["article/broken"]
GOOD_SENTENCE, BAD_SENTENCE = ID["sentence/broken/0"], ID["sentence/broken/1"]
LONELY, PAIR = ID["meeting/lonely"], ID["meeting/pair"]
UNTITLED, TITLED = ID["document/untitled"], ID["document/titled"]
A, B = ID["person/a"], ID["person/b"]
XSD_DECIMAL = URIRef("http://www.w3.org/2001/XMLSchema#decimal")
TEXT = "Foreign Minister Lena Brandt met Minister Omar Farsi."


def add_sentence(ds: Dataset, node, begin, end) -> None:
    p = ds.graph(G_PROVENANCE)
    p.add((node, RDF.type, NIF.Sentence))
    p.add((node, NIF.anchorOf, Literal(TEXT)))
    p.add((node, NIF.beginIndex, begin))
    p.add((node, NIF.endIndex, end))
    p.add((node, DCTERMS.isPartOf, ARTICLE))


@pytest.fixture(scope="module")
def problems():
    ds = Dataset(default_union=True)
    og = ds.graph(G_ONTOLOGY)
    for triple in load_graph(ONTOLOGY_FILE, "ontology"):
        og.add(triple)              # as in a build: the shapes see kg:Talks as a kg:Meeting through it
    prov = ds.graph(G_PROVENANCE)
    prov.add((ARTICLE, RDF.type, KG.Article))
    prov.add((ARTICLE, DCTERMS.identifier, Literal("broken.txt")))
    add_sentence(ds, GOOD_SENTENCE, Literal(0), Literal(len(TEXT)))
    add_sentence(ds, BAD_SENTENCE, Literal("0"), Literal(len(TEXT)))       # an untyped (string) beginIndex

    g = ds.graph(GOOD_SENTENCE)
    for person, name in ((A, "Lena Brandt"), (B, "Omar Farsi")):
        g.add((person, RDF.type, FOAF.Person))
        g.add((person, RDFS.label, Literal(name)))
    g.add((LONELY, RDF.type, KG.Talks))              # one participant only
    g.add((LONELY, KG.participant, A))
    g.add((LONELY, DCTERMS.source, ARTICLE))
    g.add((PAIR, RDF.type, KG.Talks))                # well formed
    g.add((PAIR, KG.participant, A))
    g.add((PAIR, KG.participant, B))
    g.add((PAIR, DCTERMS.source, ARTICLE))
    for doc in (UNTITLED, TITLED):
        g.add((doc, RDF.type, KG.Agreement))
        g.add((doc, KG.status, KG.Signed))
        g.add((doc, DCTERMS.source, ARTICLE))
        g.add((doc, KG.party, ID["state/GEO"]))
        g.add((doc, KG.signatory, A))
    g.add((TITLED, DCTERMS.title, Literal("Agreement on Air Services")))
    ref = ds.graph(ID["sentence/broken/0"])
    ref.add((ID["state/GEO"], RDF.type, KG.State))
    ref.add((ID["state/GEO"], RDFS.label, Literal("Georgia", lang="en")))
    ref.add((ID["state/GEO"], KG.isoCode, Literal("GEO")))
    return validate_dataset(ds)


def errors_for(problems, node) -> list:
    return [p for p in problems if p.node == str(node) and p.severity == "error"]


def test_meeting_with_one_participant(problems):
    (problem,) = errors_for(problems, LONELY)
    assert "at least two participants" in problem.message
    assert problem.sentence == TEXT                  # the sentence the meeting was read from is quoted
    assert TEXT[:40] in problem.line()
    assert errors_for(problems, PAIR) == []


def test_document_without_title(problems):
    (problem,) = errors_for(problems, UNTITLED)
    assert "dct:title" in problem.message
    assert errors_for(problems, TITLED) == []


def test_sentence_with_an_untyped_begin_index(problems):
    found = errors_for(problems, BAD_SENTENCE)
    assert found                                     # sh:datatype (and sh:minInclusive on a string)
    assert all("nif:beginIndex" in p.message for p in found)
    assert errors_for(problems, GOOD_SENTENCE) == []


def test_nothing_else_is_reported(problems):
    assert sorted({p.node for p in problems}) == sorted(map(str, (BAD_SENTENCE, UNTITLED, LONELY)))


def test_negative_offsets_and_a_non_integer_datatype_are_caught():
    ds = Dataset(default_union=True)
    prov = ds.graph(G_PROVENANCE)
    prov.add((ARTICLE, RDF.type, KG.Article))
    prov.add((ARTICLE, DCTERMS.identifier, Literal("broken.txt")))
    add_sentence(ds, GOOD_SENTENCE, Literal(-3), Literal(4))
    add_sentence(ds, BAD_SENTENCE, Literal(0), Literal("4.5", datatype=XSD_DECIMAL))
    found = {(p.node, "nif:beginIndex" in p.message, "nif:endIndex" in p.message)
             for p in validate_dataset(ds) if p.severity == "error"}
    assert found == {(str(GOOD_SENTENCE), True, False), (str(BAD_SENTENCE), False, True)}


def test_consistency_checks_report_a_person_that_is_an_organisation():
    ds = Dataset(default_union=True)
    g = ds.graph(GOOD_SENTENCE)
    x = ID["person/x"]
    g.add((x, RDF.type, FOAF.Person))
    g.add((x, RDF.type, ORG.Organization))
    g.add((x, RDFS.label, Literal("Abay Kunanbayev Foundation")))
    problems = validate_dataset(ds)
    assert [(p.severity, p.check) for p in problems if p.node == str(x)] == [("error", "disjoint-person-organization")]


def test_person_of_two_states_is_a_warning():
    ds = Dataset(default_union=True)
    g = ds.graph(GOOD_SENTENCE)
    g.add((A, RDF.type, FOAF.Person))
    g.add((A, RDFS.label, Literal("Lena Brandt")))
    for sid in ("GEO", "LVA"):
        state = ID[f"state/{sid}"]
        g.add((state, RDF.type, KG.State))
        g.add((state, RDFS.label, Literal(sid, lang="en")))
        g.add((state, KG.isoCode, Literal(sid)))
        g.add((A, KG.state, state))
    problems = [p for p in validate_dataset(ds) if p.node == str(A)]
    assert [(p.severity, p.check) for p in problems] == [("warning", "person-several-states")]


def test_the_built_corpus_validates(built):
    assert [p.line() for p in built.summary.problems if p.severity == "error"] == []
    problems = validate_dataset(open_dataset(built.path))
    assert [p.line() for p in problems if p.severity == "error"] == []
    assert [p.line() for p in kg.validate(built.path)] == [p.line() for p in problems]


@pytest.mark.parametrize("engine", ["rdflib", "oxigraph"])
def test_evidence_finds_the_sentence_among_a_nodes_graphs(engine):
    """The node's graphs are read a page at a time; the sentence may be on a later page."""
    import pyoxigraph as ox

    from kg.store import GraphStore, to_oxigraph
    from kg.validate import evidence

    ds = Dataset(default_union=True)                     # as a build reads: the union is the default graph
    node, other = ID["person/someone"], ID["person/nobody"]
    for i in range(5):                                   # graphs that are not sentences
        ds.graph(ID[f"graph/plain-{i}"]).add((node, RDFS.label, Literal(f"label {i}")))
    sentence = ID["sentence/zz-last"]
    ds.graph(sentence).add((node, RDF.type, FOAF.Person))
    ds.graph(G_PROVENANCE).add((sentence, NIF.anchorOf, Literal("Someone said something.")))
    if engine == "oxigraph":
        store = ox.Store()
        for s, p, o, g in ds.quads((None, None, None, None)):
            triple = (to_oxigraph(s), to_oxigraph(p), to_oxigraph(o))
            store.add(ox.Quad(*triple, ox.NamedNode(str(g))))
            store.add(ox.Quad(*triple, ox.DefaultGraph()))
        ds = GraphStore(store)
    assert evidence(ds, node, page=1) == "Someone said something."
    assert evidence(ds, node) == "Someone said something."
    assert evidence(ds, other, page=1) is None
