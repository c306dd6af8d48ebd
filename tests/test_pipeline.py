"""End-to-end behaviour on fictional articles: extraction rules, the built graph, the CLI."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import Literal, URIRef

import kg
from kg.article import parse_article
from kg.errors import ArticleError

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"


@pytest.fixture(scope="session")
def lexicon():
    return kg.load_lexicon(ROOT / "data" / "lexicon")


def facts_of(lexicon, text, date="2024-05-10"):
    return kg.extract_article(parse_article(f" date {date}\n\n{text}\n", "t"), lexicon)


def run_kg(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=cwd, capture_output=True, text=True)


@pytest.fixture(scope="session")
def built(tmp_path_factory):
    out = tmp_path_factory.mktemp("kg")
    result = run_kg("build", "--input", CORPUS, "--output", out)
    assert result.returncode == 0, result.stderr
    return out


def test_sentences_keep_initials_and_offsets():
    article = parse_article(" date 2021-12-22 By A Writer\n\nThe President A. Sarsenov met Ch. Aitbayev. They talked.\n", "x")
    assert article.date.isoformat() == "2021-12-22"
    assert article.authors == ["A Writer"]
    assert [s.text for s in article.sentences] == ["The President A. Sarsenov met Ch. Aitbayev.", "They talked."]
    for s in article.sentences:
        assert article.text[s.begin:s.end] == s.text


def test_bad_article_files(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n")
    latin = tmp_path / "latin.txt"
    latin.write_bytes(b"caf\xe9 news")
    for path in (empty, latin):
        with pytest.raises(ArticleError, match=path.name):
            kg.read_article(path)


def test_titles_counterparts_and_states(lexicon):
    facts = facts_of(lexicon, "Georgian Deputy Foreign Minister Nino Kvaratskhelia and his Uzbek counterpart "
                              "Akmal Tursunboyev discussed trade.")
    posts = {p.name: [(q.label, q.state) for q in p.posts] for p in facts.people}
    assert posts["Nino Kvaratskhelia"] == [("Deputy Minister of Foreign Affairs of Georgia", "GEO")]
    assert posts["Akmal Tursunboyev"] == [("Deputy Minister of Foreign Affairs of Uzbekistan", "UZB")]
    assert len(facts.meetings) == 1 and len(facts.meetings[0].participants) == 2


def test_unseen_state_by_demonym_and_capital(lexicon):
    facts = facts_of(lexicon, "Malagasy Minister of Agriculture Hery Rakotomalala visited Thimphu.")
    person = facts.people[0]
    assert person.posts[0].state == "MDG"
    assert person.posts[0].label == "Minister of Agriculture of Madagascar"


def test_organisation_and_route_names_are_not_people(lexicon):
    facts = facts_of(lexicon, "The Abay Kunanbayev Foundation and the Trans-Caspian International Transport Route "
                              "were discussed by Kazakh poet Serik Tolegenov.")
    assert [p.name for p in facts.people] == ["Serik Tolegenov"]
    assert facts.people[0].state == "KAZ" and facts.people[0].posts == []


def test_same_surname_two_people(lexicon):
    facts = facts_of(lexicon, "Uzbek Minister of Finance Ilhom Rahimov met Uzbek Ambassador Bobur Rahimov.")
    assert sorted(p.name for p in facts.people) == ["Bobur Rahimov", "Ilhom Rahimov"]


def test_reported_date_is_not_meeting_date_but_weekday_is(lexicon):
    facts = facts_of(lexicon, "Georgian Foreign Minister Tamar Veridze and Latvian Foreign Minister Janis Ozols "
                              "held talks, the ministry reported on May 8.", date="2024-05-10")
    assert facts.meetings[0].date is None
    facts = facts_of(lexicon, "Georgian Foreign Minister Tamar Veridze and Latvian Foreign Minister Janis Ozols "
                              "held talks on Tuesday.", date="2024-05-10")
    assert facts.meetings[0].date == "2024-05-07"


def test_built_graph_people_meetings_documents(built):
    people = run_kg("query", "queries/people.rq", "--kg", built, "--format", "csv").stdout.splitlines()
    assert people[0] == "person,name,state,position"
    rows = "\n".join(people)
    # one person across two spellings (-yev / -ev) and two articles
    assert len({line.split(",")[0] for line in people[1:] if "Alimkhodzh" in line}) == 1
    assert "Rustam Alimkhodzhaev" in rows and "Rustam Alimkhodzhayev" in rows
    assert "Bobur Rahimov,Uzbekistan,Ambassador of Uzbekistan to Georgia" in rows
    meetings = json.loads(run_kg("query", "queries/meetings.rq", "--kg", built, "--format", "json").stdout)
    first = {b["participant"]["value"] for b in meetings["results"]["bindings"]
             if b.get("date", {}).get("value") == "2024-05-07"}
    assert len(first) == 3           # the two ministers and the ambassador who attended
    agreements = run_kg("query", "queries/agreements.rq", "--kg", built, "--format", "csv").stdout
    assert "Memorandum of Understanding on Cooperation between the Ministry of Foreign Affairs of Georgia" in agreements
    assert ",Memorandum,signed," in agreements and "Uzbekistan" in agreements and "Georgia" in agreements


def test_inferred_state_and_provenance(built):
    from kg.store import open_dataset
    ds = open_dataset(built)
    person = URIRef("https://w3id.org/diplokg/id/person/tamar-veridze")
    inferred = ds.graph(URIRef("https://w3id.org/diplokg/graph/inferred"))
    assert (person, URIRef("https://w3id.org/diplokg/ontology#state"),
            URIRef("https://w3id.org/diplokg/id/state/GEO")) in inferred
    rows = list(ds.query(
        "SELECT ?text ?b ?e ?file WHERE { GRAPH ?g { ?p <http://www.w3.org/ns/org#holds> ?post } "
        "?g <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#anchorOf> ?text ; "
        "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#beginIndex> ?b ; "
        "<http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#endIndex> ?e ; "
        "<http://purl.org/dc/terms/isPartOf>/<http://purl.org/dc/terms/identifier> ?file }",
        initBindings={"p": person}))
    assert len(rows) >= 2          # the post is stated in two articles
    for row in rows:
        text = (CORPUS / str(row.file)).read_text(encoding="utf-8")
        assert "Tamar Veridze" in str(row.text)
        assert text[int(row.b):int(row.e)] == str(row.text)


def test_no_trivial_inferred_triples(built):
    from kg.store import open_dataset
    ds = open_dataset(built)
    inferred = ds.graph(URIRef("https://w3id.org/diplokg/graph/inferred"))
    assert len(inferred) > 0
    for s, p, o in inferred:
        assert not isinstance(s, Literal)
        assert not (s == o and str(p).endswith(("sameAs", "metWithState")))


def test_validate_and_broken_query(built, tmp_path):
    result = run_kg("validate", "--kg", built)
    assert result.returncode == 0, result.stdout + result.stderr
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x WHERE {\n  ?x ?y \n")
    result = run_kg("query", bad, "--kg", built)
    assert result.returncode == 2
    assert re.search(r"bad\.rq:\d+:\d+: SPARQL syntax error", result.stderr)
    assert "Traceback" not in result.stderr


def test_cli_input_errors(tmp_path):
    assert run_kg("build", "--input", tmp_path / "nope", "--output", tmp_path / "o").returncode == 2
    missing = run_kg("query", "queries/people.rq", "--kg", tmp_path / "none")
    assert missing.returncode == 2 and "kg build" in missing.stderr and "Traceback" not in missing.stderr
    articles = tmp_path / "arts"
    articles.mkdir()
    (articles / "good.txt").write_text((CORPUS / "a1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "bad.txt").write_bytes(b"\xff\xfe\x00bad")
    out = tmp_path / "out"
    result = run_kg("build", "--input", articles, "--output", out)
    assert result.returncode == 0 and "bad.txt" in result.stderr
    before = (out / "kg.trig").read_bytes()
    lexicon = tmp_path / "lex"
    lexicon.mkdir()
    for f in (ROOT / "data" / "lexicon").iterdir():
        (lexicon / f.name).write_bytes(f.read_bytes())
    with (lexicon / "states.tsv").open("a", encoding="utf-8") as handle:
        handle.write("ZZZ\tNowhere\ta\tb\tc\td\te\tf\tg\th\n")
    result = run_kg("build", "--input", articles, "--output", out, "--lexicon", lexicon)
    assert result.returncode == 2 and "states.tsv" in result.stderr
    assert (out / "kg.trig").read_bytes() == before


def test_readme_test_command_is_ci():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").strip().splitlines()[-1]
    assert ci in readme


def test_every_saved_query_is_documented_commented_and_runs(built):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for path in sorted((ROOT / "queries").glob("*.rq")):
        assert f"`{path.name}`" in readme, f"{path.name} is not in the README's query table"
        assert path.read_text(encoding="utf-8").startswith("# "), f"{path.name} lacks its question comment"
        result = run_kg("query", path, "--kg", built, "--format", "csv")
        assert result.returncode == 0, (path.name, result.stderr)
    for path in sorted((ROOT / "queries" / "checks").glob("*.rq")):
        text = path.read_text(encoding="utf-8")
        assert "**Problem:**" in text and "**Solution:**" in text, path.name


def test_one_meeting_reported_by_two_articles_has_two_sources(built):
    from kg.store import open_dataset
    ds = open_dataset(built)
    rows = list(ds.query(
        "SELECT ?m (COUNT(DISTINCT ?src) AS ?n) WHERE { ?m a <https://w3id.org/diplokg/ontology#Meeting> ; "
        "<http://purl.org/dc/terms/date> ?d ; <http://purl.org/dc/terms/source> ?src . "
        "FILTER(STR(?d) = '2024-05-07') } GROUP BY ?m"))
    assert len(rows) == 1 and int(rows[0].n) == 2


def test_posts_are_kept_with_the_dates_they_were_reported(built):
    rows = run_kg("query", "queries/posts-by-date.rq", "--kg", built, "--format", "csv").stdout.splitlines()
    veridze = [r for r in rows if "Tamar Veridze" in r]
    assert {r.split(",")[3] for r in veridze} == {"2024-05-10", "2024-05-08"}


def test_validate_exits_1_on_a_graph_that_does_not_conform(tmp_path):
    (tmp_path / "kg.trig").write_text(
        "@prefix kg: <https://w3id.org/diplokg/ontology#> .\n"
        "<https://w3id.org/diplokg/id/sentence/x/0> {\n"
        "  <https://w3id.org/diplokg/id/meeting/x> a kg:Meeting ;\n"
        "     kg:participant <https://w3id.org/diplokg/id/person/p> .\n"
        "  <https://w3id.org/diplokg/id/person/p> a <http://xmlns.com/foaf/0.1/Person> .\n}\n", encoding="utf-8")
    result = run_kg("validate", "--kg", tmp_path)
    assert result.returncode == 1
    assert "meeting/x" in result.stdout and "ERROR" in result.stdout


def test_an_extraction_failure_skips_the_article_not_the_build(tmp_path, monkeypatch):
    """Regression: an exception inside one article's rules aborted the whole build."""
    import importlib

    build_module = importlib.import_module("kg.build")

    def broken(article, lexicon):
        if article.id == "bad":
            raise IndexError("list index out of range")
        return kg.extract_article(article, lexicon)

    monkeypatch.setattr(build_module, "extract_article", broken)
    articles = tmp_path / "arts"
    articles.mkdir()
    (articles / "good.txt").write_text((CORPUS / "a1.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (articles / "bad.txt").write_text((CORPUS / "a2.txt").read_text(encoding="utf-8"), encoding="utf-8")
    messages = []
    summary = kg.build(articles, tmp_path / "out", warn=messages.append)
    assert summary.articles == 1 and any("bad.txt" in m and "IndexError" in m for m in messages)
