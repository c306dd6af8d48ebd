"""Explainable facts (issue 8): `kg explain` prints each fact with its sentence and rule, every rule
id the extractor gives is documented, and a build keeps the same rule ids in the provenance graph
as kg:Extraction activities that take no part in reasoning."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, Literal, Namespace
from rdflib.namespace import PROV

import kg
from kg.article import read_article
from kg.explanation import RULES
from kg.graph import G_INFERRED, G_PROVENANCE
from kg.store import open_dataset

ROOT = Path(__file__).resolve().parent.parent
KG = Namespace("https://w3id.org/diplokg/ontology#")
ARTICLE = (" date 2024-05-10\n\n"
           "Foreign Minister of Ghana Kofi Mensah received Foreign Minister of Togo Yawa Adzo in Accra on Tuesday. "
           "Mensah conveyed to his guest the greetings of President Kwame Asante.\n\n"
           "After the talks, the two ministers signed a Memorandum of Understanding on Cooperation in Tourism.\n")
ARTICLES = sorted([*(ROOT / "data" / "articles").glob("*.txt"), *(ROOT / "tests" / "corpus").glob("*/*.txt")])


def run_kg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def article(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("explain") / "ghana-togo.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def test_explain_prints_each_fact_with_its_sentence_and_rule(article):
    result = run_kg("explain", article)
    assert result.returncode == 0, result.stderr
    out = result.stdout
    assert "article ghana-togo" in out and "date: 2024-05-10" in out
    assert "  Kofi Mensah [P-title: a post title before or after the name]" in out
    assert "post: Minister of Foreign Affairs of Ghana — Ghana [P-title" in out
    assert "state: Ghana [S-greetings" in out                        # Asante, whose state no title gives
    assert "Reception 2024-05-07 [D-relative" in out
    assert "s0 «Foreign Minister of Ghana Kofi Mensah received" in out
    assert "«Memorandum of Understanding on Cooperation in Tourism» [D-title" in out
    assert "signed by: Kofi Mensah, Yawa Adzo [S-signed-active" in out
    # what was read and left out, with the reason
    assert "Kwame Asante» — named as sender of greetings or a message" in out


def test_explain_of_a_missing_file_is_a_one_line_error():
    result = run_kg("explain", "no-such-article.txt")
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        "kg: error: no-such-article.txt: cannot be read (No such file or directory)"]


def test_explain_works_on_every_bundled_and_test_article():
    assert len(ARTICLES) >= 50
    text = kg.explain(ARTICLES)
    assert text.count("\narticle ") + text.startswith("article ") == len(ARTICLES)


def test_every_rule_id_the_extractor_gives_is_documented():
    lexicon = kg.load_lexicon(ROOT / "data" / "lexicon")
    used: set[str] = set()
    for path in ARTICLES:
        facts = kg.extract_article(read_article(path, lexicon.is_title), lexicon)
        used.add(facts.home_rule)
        for person in facts.people:
            used |= set(person.why.values()) | {person.state_rule} | {q.rule for q in person.posts}
        for thing in [*facts.meetings, *facts.documents]:
            used |= {rule for key, rule in thing.why.items() if key != "signed_here"}
    used.discard("")
    assert used - set(RULES) == set()
    assert len(used) >= 30


@pytest.fixture(scope="module")
def built(tmp_path_factory, article):
    out = tmp_path_factory.mktemp("explain-build")
    kg.build(article.parent, out)
    return open_dataset(out)


def test_the_build_keeps_the_rules_in_the_provenance_graph(built):
    prov = built.graph(G_PROVENANCE)
    extractions = set(prov.subjects(RDF.type, KG.Extraction))
    assert extractions
    rules = {str(prov.value(x, KG.rule)) for x in extractions}
    assert {"P-title", "M-met", "D-relative", "D-title", "S-signed-active", "S-greetings"} <= rules
    for x in extractions:
        sentence = prov.value(x, PROV.used)
        assert (sentence, RDF.type, None) in built                     # the sentence it read
        assert prov.value(x, KG.extracted) is not None
    # "which rule put Yawa Adzo at the meeting?" answered from the graph
    answer = built.query(
        """PREFIX kg: <https://w3id.org/diplokg/ontology#> PREFIX prov: <http://www.w3.org/ns/prov#>
           PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> PREFIX nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#>
           SELECT ?rule ?text WHERE { ?x a kg:Extraction ; kg:rule ?rule ; kg:extracted ?m ; kg:concerns ?p ;
                                         prov:used ?s . ?m a kg:Meeting . ?p rdfs:label ?name . ?s nif:anchorOf ?text }""",
        initBindings={"name": Literal("Yawa Adzo")})
    rows = [(str(r), str(t)) for r, t in answer]
    assert rows and rows[0][0] == "M-met" and "received Foreign Minister of Togo Yawa Adzo" in rows[0][1]


def test_extraction_records_take_no_part_in_reasoning(built):
    inferred = built.graph(G_INFERRED)
    assert not any(str(s).startswith("https://w3id.org/diplokg/id/extraction/") for s in inferred.subjects())
