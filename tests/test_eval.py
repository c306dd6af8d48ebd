"""Regression guard on the shared evaluation: the seed articles, the development sets dev and dev2
(the thresholds of issue 8), and all three built together (no cross-corpus false merges). Skipped
only where ../shared/eval is not beside the repository (CI has it)."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"
pytestmark = pytest.mark.skipif(not (EVAL / "score.py").exists(), reason="../shared/eval is not beside the repository")


def score(articles: list[Path], gold: dict, tmp: Path) -> dict:
    corpus = tmp / "articles"
    corpus.mkdir()
    for folder in articles:
        for path in folder.glob("*.txt"):
            shutil.copy(path, corpus / path.name)
    (tmp / "gold.json").write_text(json.dumps(gold), encoding="utf-8")
    out = tmp / "pred"
    out.mkdir()
    kg = [sys.executable, "-m", "kg"]
    subprocess.run([*kg, "build", "--input", corpus, "--output", tmp / "kg"], cwd=ROOT, check=True, capture_output=True)
    for name in ("people", "meetings", "agreements", "organizations"):
        result = subprocess.run([*kg, "query", f"queries/{name}.rq", "--kg", tmp / "kg", "--format", "csv"],
                                cwd=ROOT, check=True, capture_output=True, text=True)
        (out / f"{name}.csv").write_text(result.stdout, encoding="utf-8")
    report = subprocess.run([sys.executable, EVAL / "score.py", "--gold", tmp / "gold.json", "--pred", out, "--json"],
                            check=True, capture_output=True, text=True)
    return json.loads(report.stdout)


def load(name: str) -> dict:
    return json.loads((EVAL / "gold" / name).read_text(encoding="utf-8"))


def check(report: dict, headline: float = 0.90) -> None:
    assert report["headline_f1"] >= headline
    for part in ("people", "meeting_pairs", "agreements", "signatories"):
        assert report[part]["f1"] >= 0.85, part
    assert report["people"]["state_accuracy"] >= 0.9
    assert report["people"]["position_accuracy"] >= 0.9
    assert report["meetings"]["date_accuracy"] >= 0.85


def merged(*names: str) -> dict:
    golds = [load(name) for name in names]
    out = {"corpus": "+".join(g.get("corpus") or "" for g in golds), "documents": {}}
    for gold in golds:
        out["documents"].update(gold["documents"])
    for key in ("people", "organizations", "meetings", "agreements", "relations"):
        out[key] = [item for gold in golds for item in gold.get(key, [])]
    return out


def test_seed_articles(tmp_path):
    check(score([ROOT / "data" / "articles"], load("seeds.json"), tmp_path), headline=0.95)


def test_development_set(tmp_path):
    check(score([ROOT / "tests" / "corpus" / "dev"], load("dev.json"), tmp_path), headline=0.95)


def test_third_development_set(tmp_path):
    """Issue 8: 36 articles in the voices of many outlets from every continent."""
    report = score([ROOT / "tests" / "corpus" / "dev2"], load("dev2.json"), tmp_path)
    check(report)
    assert report["details"]["people"]["missed"] == []


def test_all_three_together_without_false_merges(tmp_path):
    report = score([ROOT / "data" / "articles", ROOT / "tests" / "corpus" / "dev", ROOT / "tests" / "corpus" / "dev2"],
                   merged("seeds.json", "dev.json", "dev2.json"), tmp_path)
    check(report)
    people = report["details"]["people"]
    # a false merge makes one of the two people merged a miss; a wrong split, a duplicate
    assert people["missed"] == []
    assert people["spurious"] == []
    # dev2's annotation takes two people of different names for one ("Kang Tae-hoon" and "Kang
    # Min-seok"; "D. Erdenebileg", the minister, and "Gantulga Erdenebileg", the president): kept
    # apart here, which the score counts as two duplicates
    assert len(people["duplicates"]) <= 2


def _fold(text: str) -> str:
    import unicodedata

    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).replace("-", " ").split())


def test_no_lexicon_entry_or_rule_names_a_person_or_document_of_a_set():
    """Lexicons hold general vocabulary and rules general constructions: no full name of a person
    and no title of a document of any evaluation set appears in them."""
    golds = [load(name) for name in ("seeds.json", "dev.json", "dev2.json")]
    names = {_fold(n) for g in golds for p in g["people"] for n in [p["name"], *p.get("aliases", [])]
             if len(n.split()) >= 2}
    titles = {_fold(a["title"]) for g in golds for a in g["agreements"] if len(a["title"].split()) >= 3}
    entries: dict[str, str] = {}
    for path in sorted((ROOT / "data" / "lexicon").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("#"):
                continue
            for cell in line.split("\t"):
                for value in cell.split("|"):
                    if value.strip():
                        entries[_fold(value)] = path.name
    assert {e: f for e, f in entries.items() if e in names or e in titles} == {}
    code = " ".join(_fold(p.read_text(encoding="utf-8")) for p in (ROOT / "kg").rglob("*.py"))
    assert [n for n in names if f'"{n}"' in code or f"'{n}'" in code] == []
    assert [t for t in titles if t in code] == []
    # and the construction tests are fictional: none of their people or documents is from a set
    tests = _fold((ROOT / "tests" / "test_constructions.py").read_text(encoding="utf-8"))
    assert [n for n in names | titles if n in tests] == []
