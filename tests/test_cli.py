"""The `kg` command run as a user runs it (a subprocess in the repository root): exit codes,
output formats, one-line error messages, and a failed build that leaves the previous one alone."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import kg

ROOT = Path(__file__).parent.parent
CORPUS = ROOT / "tests" / "fixtures" / "corpus"
PEOPLE = ROOT / "queries" / "people.rq"
GOOD_ARTICLE = (" date 2024-05-10\n\nEstonian Foreign Minister Mart Kivisild and Finnish Foreign Minister Aino "
                "Lehtola held talks in Tallinn on Tuesday.\n")


def run_kg(*args) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)


def assert_one_line_error(result, code: int) -> str:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("kg: error: ")
    return lines[0]


@pytest.fixture(scope="module")
def cli_build(tmp_path_factory):
    out = tmp_path_factory.mktemp("cli-build")
    result = run_kg("build", "--input", CORPUS, "--output", out)
    return result, out


@pytest.fixture(scope="module")
def broken_lexicon(tmp_path_factory) -> tuple[Path, int]:
    folder = tmp_path_factory.mktemp("lexicon") / "lexicon"
    shutil.copytree(ROOT / "data" / "lexicon", folder)
    states = folder / "states.tsv"
    with states.open("a", encoding="utf-8") as handle:
        handle.write("XXA\tAtlantis\tRepublic of Atlantis\t\tAtlantean\tPoseidonia\tQ0\tmember\textra\tfields\n")
    return folder, len(states.read_text(encoding="utf-8").splitlines())


# ------------------------------------------------------------------ build

def test_build_exits_0_and_prints_the_summary(cli_build):
    result, out = cli_build
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "articles: 3 read, 0 skipped"
    assert "  people: 4" in lines
    assert "  meetings: 1" in lines
    assert "  documents: 1" in lines
    assert "  diplomatic relations: 1" in lines
    assert "inconsistencies: 0; shape or check problems: 0" in lines
    stages = ("read", "extract", "resolve", "rdf", "store", "reason", "write", "validate")
    assert [line.split(":")[0] for line in result.stderr.splitlines()] == list(stages)   # progress only, no warning
    assert (out / "kg.trig").stat().st_size > 0
    report = json.loads((out / "report.json").read_text(encoding="utf-8"))
    assert report["articles"] == 3 and report["skipped"] == []
    assert sorted(p.name for p in (out / "facts").iterdir()) == ["a1.json", "a2.json", "a3.json"]


def test_build_skips_a_non_utf8_article_with_a_warning(tmp_path):
    articles = tmp_path / "articles"
    articles.mkdir()
    (articles / "good.txt").write_text(GOOD_ARTICLE, encoding="utf-8")
    (articles / "latin1.txt").write_bytes(b" date 2024-05-10\n\nCaf\xe9 talks in Tallinn.\n")
    result = run_kg("build", "--input", articles, "--output", tmp_path / "out")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    warning = [line for line in result.stderr.splitlines() if "latin1.txt" in line]
    assert len(warning) == 1
    assert warning[0].startswith("warning: ") and "is not UTF-8" in warning[0] and warning[0].endswith("skipped")
    assert result.stdout.splitlines()[0] == "articles: 1 read, 1 skipped"
    assert "  meetings: 1" in result.stdout.splitlines()


def test_build_on_a_missing_input_folder_exits_2(tmp_path):
    result = run_kg("build", "--input", "/nonexistent", "--output", tmp_path / "out")
    line = assert_one_line_error(result, 2)
    assert "/nonexistent" in line and "no such folder" in line
    assert not (tmp_path / "out").exists()


def test_build_with_a_broken_lexicon_exits_2_naming_the_file(tmp_path, broken_lexicon):
    folder, bad_line = broken_lexicon
    result = run_kg("build", "--input", CORPUS, "--output", tmp_path / "out", "--lexicon", folder)
    line = assert_one_line_error(result, 2)
    assert f"states.tsv:{bad_line}:" in line
    assert "10 fields where the column line names 8" in line
    assert not (tmp_path / "out").exists()


def test_a_failed_build_leaves_the_previous_build_intact(tmp_path, cli_build, broken_lexicon):
    result, first = cli_build
    assert result.returncode == 0
    out = tmp_path / "out"
    shutil.copytree(first, out)
    before = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert Path("kg.trig") in before
    again = run_kg("build", "--input", CORPUS, "--output", out, "--lexicon", broken_lexicon[0])
    assert_one_line_error(again, 2)
    after = {p.relative_to(out): p.read_bytes() for p in out.rglob("*") if p.is_file()}
    assert after == before                  # same files, same bytes, no temporary files left behind


# ------------------------------------------------------------------ query

def test_query_csv(cli_build):
    _, out = cli_build
    result = run_kg("query", PEOPLE, "--kg", out, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "person,name,state,position"
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    veridze = [r for r in rows if r["name"] == "Tamar Veridze"]
    assert veridze == [{"person": "https://w3id.org/diplokg/id/person/tamar-veridze", "name": "Tamar Veridze",
                        "state": "Georgia", "position": "Minister of Foreign Affairs of Georgia"}]
    # one person under both spellings of the name
    spellings = {r["name"]: r["person"] for r in rows if r["name"].startswith("Rustam")}
    assert set(spellings) == {"Rustam Alimkhodzhayev", "Rustam Alimkhodzhaev"}
    assert len(set(spellings.values())) == 1


def test_query_json(cli_build):
    _, out = cli_build
    result = run_kg("query", PEOPLE, "--kg", out, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["head"]["vars"] == ["person", "name", "state", "position"]
    bindings = data["results"]["bindings"]
    names = {b["name"]["value"] for b in bindings}
    assert {"Tamar Veridze", "Bobur Rahimov", "Serik Tolegenov"} <= names
    poet = next(b for b in bindings if b["name"]["value"] == "Serik Tolegenov")
    assert poet["state"]["value"] == "Kazakhstan"
    assert "position" not in poet                       # unbound: a poet holds no post


def test_query_table(cli_build):
    _, out = cli_build
    csv_rows = kg.query(PEOPLE, out, fmt="csv").strip().splitlines()[1:]       # the same query in-process
    result = run_kg("query", PEOPLE, "--kg", out)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.rstrip("\n").splitlines()
    assert [c.strip() for c in lines[0].split("|")] == ["person", "name", "state", "position"]
    assert set(lines[1]) <= {"-", "+"}
    assert lines[-1] == f"({len(csv_rows)} rows)"
    assert any(line.startswith("id:person/tamar-veridze ") for line in lines[2:-1])


def test_query_with_a_syntax_error_exits_2_with_file_line_col(tmp_path, cli_build):
    _, out = cli_build
    bad = tmp_path / "broken.rq"
    bad.write_text("PREFIX kg: <https://w3id.org/diplokg/ontology#>\nSELECT ?x WHERE {\n  ?x a kg:Meeting .\n"
                   "  FILTER(?x = )\n}\n", encoding="utf-8")
    line = assert_one_line_error(run_kg("query", bad, "--kg", out), 2)
    assert re.search(r"broken\.rq:4:\d+: SPARQL syntax error", line), line


def test_query_on_a_missing_graph_folder_exits_2(tmp_path):
    missing = tmp_path / "no-build-here"
    line = assert_one_line_error(run_kg("query", PEOPLE, "--kg", missing), 2)
    assert str(missing) in line and "no built graph" in line


def test_query_file_that_does_not_exist_exits_2(cli_build, tmp_path):
    _, out = cli_build
    line = assert_one_line_error(run_kg("query", tmp_path / "nothing.rq", "--kg", out), 2)
    assert "nothing.rq" in line


# ------------------------------------------------------------------ validate

def test_validate_the_build_exits_0(cli_build):
    _, out = cli_build
    result = run_kg("validate", "--kg", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.splitlines()[-1] == "0 errors, 0 warnings"


def test_query_on_a_corrupt_graph_is_a_one_line_error(tmp_path):
    (tmp_path / "kg.trig").write_text("garbage {\n", encoding="utf-8")
    line = assert_one_line_error(run_kg("query", PEOPLE, "--kg", tmp_path), 2)
    assert "kg.trig" in line


def test_build_into_a_file_is_an_input_error(tmp_path):
    target = tmp_path / "not-a-folder"
    target.write_text("x", encoding="utf-8")
    line = assert_one_line_error(run_kg("build", "--input", CORPUS, "--output", target), 2)
    assert str(target) in line
