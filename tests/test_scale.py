"""The build at scale (issue 9): bounded reasoning gives whole-graph owlrl's entailments, an
incremental build gives the clean build's graph, the Oxigraph store answers every saved query as
rdflib does, and a killed build leaves the previous one whole."""
from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from rdflib import Dataset, Graph, URIRef
from rdflib.compare import isomorphic

import kg
from kg.query import run_query
from kg.reason import asserted_and_inferred, reason
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent
SETS = [ROOT / "data" / "articles", ROOT / "tests" / "corpus" / "dev", ROOT / "tests" / "corpus" / "dev2"]


def corpus_of(folder: Path, sources: list[Path]) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for source in sources:
        for path in source.glob("*.txt"):
            shutil.copy(path, folder / path.name)
    return folder


def read_trig(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


def graphs_of(ds: Dataset) -> dict[str, Graph]:
    out = {}
    for s, p, o, g in ds.quads((None, None, None, None)):
        out.setdefault(str(g), Graph()).add((s, p, o))
    return out


def store_graphs(folder: Path) -> dict[str, Graph]:
    """Every graph of a build's Oxigraph store, its default graph (the union) included."""
    import pyoxigraph as ox
    from kg.store import to_rdflib

    out: dict[str, Graph] = {}
    for quad in ox.Store.read_only(str(folder / "store")).quads_for_pattern(None, None, None, None):
        name = "default" if isinstance(quad.graph_name, ox.DefaultGraph) else quad.graph_name.value
        out.setdefault(name, Graph()).add((to_rdflib(quad.subject), to_rdflib(quad.predicate), to_rdflib(quad.object)))
    return out


def same_dataset(a: Path, b: Path) -> None:
    """Two builds hold the same graphs, in kg.trig and in the store."""
    for read in (lambda f: graphs_of(read_trig(f / "kg.trig")), store_graphs):
        ga, gb = read(a), read(b)
        assert sorted(ga) == sorted(gb)
        for name in ga:
            assert isomorphic(ga[name], gb[name]), name
    union = Graph()
    for name, graph in store_graphs(a).items():
        if name != "default":
            union += graph
    assert isomorphic(union, store_graphs(a)["default"])


def kg_cli(*args, **kw) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT, capture_output=True, text=True, **kw)


@pytest.fixture(scope="module")
def all_sets(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("sets")
    out = tmp / "kg"
    kg.build(corpus_of(tmp / "articles", SETS), out, jobs=2)
    return out


def test_bounded_reasoning_gives_whole_graph_owlrl_entailments(all_sets):
    """owlrl over the whole asserted graph of all 53 evaluation articles, as owlrl ships it, and
    owlrl over the build's parts: the same inferred triples and the same inconsistencies."""
    asserted, built = asserted_and_inferred(read_trig(all_sets / "kg.trig"))
    whole, problems = reason(asserted)
    assert len(built) > 5000
    assert set(whole) == built
    report = json.loads((all_sets / "report.json").read_text())
    assert sorted(report["inconsistencies"]) == sorted(p.message for p in problems)


def test_shapes_per_part_find_what_whole_graph_validation_finds(all_sets):
    """pySHACL per part (the build) and over the whole graph (kg validate): the same problems."""
    report = json.loads((all_sets / "report.json").read_text())
    built = {(p["severity"], p["check"], p["node"], p["message"]) for p in report["problems"]}
    whole = {(p.severity, p.check, p.node, p.message) for p in kg.validate(all_sets)}
    assert built == whole
    assert len(whole) >= 5          # the evaluation articles do raise some warnings


def _cell(term) -> str:
    """A value to compare; GROUP_CONCAT's order is unspecified in SPARQL, so its parts are sorted."""
    if term is None:
        return ""
    text = term.n3()
    for separator in (" | ", ", "):
        if separator in str(term):
            return " | ".join(sorted(str(term).split(separator))) + f"^^{getattr(term, 'datatype', '')}"
    return text


def test_every_saved_query_gives_the_rows_rdflib_gives(all_sets):
    ds = Dataset(default_union=True)
    ds.parse(all_sets / "kg.trig", format="trig")
    store = open_store(all_sets)
    checked = 0
    for path in sorted((ROOT / "queries").glob("*.rq")):
        expected = run_query(ds, path)
        got = run_query(store, path)
        assert [str(v) for v in got.vars] == [str(v) for v in expected.vars], path.name
        rows = lambda r: sorted(tuple(_cell(row[v]) for v in r.vars) for row in r)  # noqa: E731
        assert rows(got) == rows(expected), path.name
        checked += 1 if len(expected) else 0
    assert checked >= 10          # most saved queries return rows here, so the comparison bites


def test_csv_and_json_written_by_oxigraph_are_rdflibs(all_sets):
    from kg.query import format_result, run_query_formatted

    ds = Dataset(default_union=True)
    ds.parse(all_sets / "kg.trig", format="trig")
    store = open_store(all_sets)
    for path in sorted((ROOT / "queries").glob("*.rq")):
        if "GROUP_CONCAT" in path.read_text(encoding="utf-8"):
            continue                   # the order inside a concatenation is unspecified: compared above
        ours, theirs = run_query_formatted(store, path, "csv"), format_result(run_query(ds, path), "csv")
        # the same lines; rows that tie under ORDER BY may come in either order
        assert ours.split("\r\n")[0] == theirs.split("\r\n")[0]
        assert sorted(ours.split("\r\n")) == sorted(theirs.split("\r\n")), path.name
        ours, theirs = (json.loads(run_query_formatted(store, path, "json")),
                        json.loads(format_result(run_query(ds, path), "json")))
        assert ours["head"] == theirs["head"]
        key = lambda b: json.dumps(b, sort_keys=True)  # noqa: E731
        assert sorted(map(key, ours["results"]["bindings"])) == sorted(map(key, theirs["results"]["bindings"]))


def test_a_bound_value_is_a_value_in_the_store(all_sets):
    store = open_store(all_sets)
    hostile = 'x" } UNION { ?s ?p ?o } #'
    result = run_query(store, ROOT / "queries" / "evidence.rq", {"subject": URIRef("https://w3id.org/diplokg/id/none")})
    assert len(result) == 0
    from rdflib import Literal

    result = run_query(store, ROOT / "queries" / "people.rq", {"name": Literal(hostile)})
    assert len(result) == 0


def test_incremental_build_equals_clean_build(tmp_path):
    articles = sorted((ROOT / "tests" / "corpus" / "dev").glob("*.txt"))
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for path in articles[:-1]:
        shutil.copy(path, corpus / path.name)
    out = tmp_path / "kg"
    first = kg.build(corpus, out, jobs=1)
    assert first.reused["facts"] == f"0/{len(articles) - 1}"

    shutil.copy(articles[-1], corpus / articles[-1].name)                       # one added
    text = (corpus / articles[0].name).read_text(encoding="utf-8")
    (corpus / articles[0].name).write_text(text.replace(".", ". ", 1), encoding="utf-8")   # one changed
    second = kg.build(corpus, out, jobs=1)
    assert second.reused["facts"] == f"{len(articles) - 2}/{len(articles)}"     # only those two extracted
    clean = kg.build(corpus, tmp_path / "clean", jobs=1, rebuild=True)
    assert clean.reused["facts"] == f"0/{len(articles)}"
    same_dataset(out, tmp_path / "clean")
    assert (second.asserted, second.inferred) == (clean.asserted, clean.inferred)

    (corpus / articles[1].name).unlink()                                        # one removed
    kg.build(corpus, out, jobs=2)
    kg.build(corpus, tmp_path / "clean2", jobs=1, rebuild=True)
    same_dataset(out, tmp_path / "clean2")
    assert not (out / "facts" / f"{articles[1].stem}.json").exists()


def test_adding_an_article_to_a_synthetic_corpus_redoes_only_what_it_touches(tmp_path):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from synth_corpus import generate

    articles = generate(81, seed=3)
    corpus = tmp_path / "articles"
    corpus.mkdir()
    for name, text in articles[:80]:
        (corpus / name).write_text(text, encoding="utf-8")
    out = tmp_path / "kg"
    kg.build(corpus, out, jobs=2)
    name, text = articles[80]
    (corpus / name).write_text(text, encoding="utf-8")
    second = kg.build(corpus, out, jobs=2)
    assert second.reused["facts"] == "80/81"
    groups_hit, groups = map(int, second.reused["rdf"].split("/"))
    assert groups >= 2 and groups_hit >= groups - 1
    parts_hit, parts = map(int, second.reused["closure"].split("/"))
    assert parts_hit >= 1                      # some parts were not even walked again
    kg.build(corpus, tmp_path / "clean", jobs=2, rebuild=True)
    same_dataset(out, tmp_path / "clean")

    (corpus / articles[5][0]).unlink()         # one removed: most groups stay, the store is updated
    third = kg.build(corpus, out, jobs=2)
    groups_hit, groups = map(int, third.reused["rdf"].split("/"))
    assert groups_hit >= groups - 1 and 2 * groups_hit >= groups
    kg.build(corpus, tmp_path / "clean2", jobs=2, rebuild=True)
    same_dataset(out, tmp_path / "clean2")


def test_unchanged_build_reuses_everything_and_rebuild_nothing(tmp_path):
    out = tmp_path / "kg"
    kg.build(ROOT / "data" / "articles", out)
    again = kg.build(ROOT / "data" / "articles", out)
    assert all(v.split("/")[0] == v.split("/")[1] for v in again.reused.values()), again.reused
    fresh = kg.build(ROOT / "data" / "articles", out, rebuild=True)
    assert all(v.startswith("0/") for v in fresh.reused.values()), fresh.reused


def test_user_files_in_the_output_folder_survive_a_build(tmp_path):
    out = tmp_path / "kg"
    kg.build(ROOT / "tests" / "fixtures" / "corpus", out)
    (out / "network.html").write_text("<p>mine</p>", encoding="utf-8")
    kg.build(ROOT / "tests" / "fixtures" / "corpus", out)
    assert (out / "network.html").read_text(encoding="utf-8") == "<p>mine</p>"
    assert not list(tmp_path.glob(".kg.*"))          # no build folder left behind


def test_a_folder_that_is_not_a_build_is_not_replaced(tmp_path):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    result = kg_cli("build", "--input", "tests/fixtures/corpus", "--output", tmp_path)
    assert result.returncode == 2
    assert "holds no kg build" in result.stderr and "Traceback" not in result.stderr
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_progress_lines_quiet_and_jobs(tmp_path):
    result = kg_cli("build", "--input", "tests/fixtures/corpus", "--output", tmp_path / "a", "--jobs", "2")
    assert result.returncode == 0, result.stderr
    for stage in ("read", "extract", "resolve", "rdf", "store", "reason", "write", "validate"):
        assert any(line.startswith(stage + ":") for line in result.stderr.splitlines()), stage
    quiet = kg_cli("build", "--input", "tests/fixtures/corpus", "--output", tmp_path / "b", "--quiet")
    assert quiet.returncode == 0 and not any(line.startswith("extract:") for line in quiet.stderr.splitlines())
    bad = kg_cli("build", "--input", "tests/fixtures/corpus", "--output", tmp_path / "c", "--jobs", "0")
    assert bad.returncode == 2 and "--jobs" in bad.stderr


def test_a_killed_build_leaves_the_previous_build_whole(tmp_path):
    """kill -9 at several moments of a second build: the first stays queryable with its rows."""
    corpus = corpus_of(tmp_path / "articles", SETS[:2])
    out = tmp_path / "kg"
    assert kg_cli("build", "--input", corpus, "--output", out, "--quiet").returncode == 0
    before = kg_cli("query", "queries/people.rq", "--kg", out, "--format", "csv").stdout
    assert before.count("\n") > 20
    (corpus / "extra.txt").write_text(" date 2024-05-10\n\nThe Foreign Minister of Chile, Marta Quiroga-Bel, met the "
                                      "Foreign Minister of Peru, Anselmo Tarrico, in Lima on Monday.\n", encoding="utf-8")
    for delay in (0.3, 1.0, 2.0, 3.5):
        process = subprocess.Popen([sys.executable, "-m", "kg", "build", "--input", str(corpus), "--output", str(out),
                                    "--rebuild", "--quiet"], cwd=ROOT, stdout=subprocess.DEVNULL,
                                   stderr=subprocess.DEVNULL, start_new_session=True)
        time.sleep(delay)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        after = kg_cli("query", "queries/people.rq", "--kg", out, "--format", "csv")
        assert after.returncode == 0, after.stderr
        if process.returncode == 0:            # the build finished before the kill: the new graph
            assert "Quiroga" in after.stdout
            break
        assert after.stdout == before, delay
    final = kg_cli("build", "--input", corpus, "--output", out, "--quiet")
    assert final.returncode == 0, final.stderr
    assert not list(tmp_path.glob(".kg.build-*"))       # the killed builds' folders are cleared
    assert "Quiroga" in kg_cli("query", "queries/people.rq", "--kg", out, "--format", "csv").stdout
