"""The network page: offline, safe with hostile text, and drawn in a real browser.

Browser tests run Debian's chromium through Playwright; they are skipped (with the reason) only
where no Chromium is installed, and never in CI (CI=true makes a missing browser a failure).
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Dataset, Literal, Namespace
from rdflib.namespace import DCTERMS, FOAF

from kg.browser import chromium_path
from kg.viz import page_data

ROOT = Path(__file__).resolve().parent.parent
ARTIFACTS = ROOT / "test-artifacts"
KG = Namespace("https://w3id.org/diplokg/ontology#")
ID = Namespace("https://w3id.org/diplokg/id/")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
HOSTILE = '<img src=x onerror="alert(1)"><script>alert(2)</script>'

needs_browser = pytest.mark.skipif(
    chromium_path() is None and os.environ.get("CI") != "true",
    reason="no Chromium here (apt-get install chromium); CI installs it and runs these tests")


def run_kg(*args):
    return subprocess.run([sys.executable, "-m", "kg", *map(str, args)], cwd=ROOT, capture_output=True, text=True)


@pytest.fixture(scope="module")
def seeds(tmp_path_factory):
    out = tmp_path_factory.mktemp("seeds")
    assert run_kg("build", "--input", ROOT / "data" / "articles", "--output", out).returncode == 0
    return out


@pytest.fixture(scope="module")
def pages(seeds):
    paths = {}
    for view in ("states", "people", "full"):
        path = seeds / f"{view}.html"
        result = run_kg("viz", "--kg", seeds, "--view", view, "--output", path)
        assert result.returncode == 0, result.stderr
        paths[view] = path
    return paths


def test_page_is_self_contained(pages):
    for path in pages.values():
        html = path.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)[^>]+(src|href)=", html, re.I)
        assert "Content-Security-Policy" in html and "connect-src 'none'" in html
        assert "vis.Network" in html


def test_states_view_shows_the_seed_network(pages):
    data = page_data(pages["states"].read_text(encoding="utf-8"))
    labels = {n["id"]: n["label"] for n in data["nodes"]}
    assert {"Azerbaijan", "Kyrgyzstan", "Afghanistan", "Tajikistan"} <= set(labels.values())
    pairs = {frozenset((labels[e["from"]], labels[e["to"]])): e for e in data["edges"]}
    for other in ("Kyrgyzstan", "Afghanistan", "Tajikistan"):
        assert frozenset(("Azerbaijan", other)) in pairs
    # the April 2022 visit: ten documents and a meeting between the two states at least
    assert pairs[frozenset(("Azerbaijan", "Kyrgyzstan"))]["value"] >= 11
    assert "Declaration on Strategic Partnership" in pairs[frozenset(("Azerbaijan", "Kyrgyzstan"))]["title"]


def test_full_view_has_the_documents_with_their_signatories(pages):
    data = page_data(pages["full"].read_text(encoding="utf-8"))
    documents = {n["id"] for n in data["nodes"] if "Class: Document" in n["title"] and "001_224ad643a581b596" in n["id"]}
    assert len(documents) == 10
    signed = {e["from"] for e in data["edges"] if e.get("label") == "signed by"}
    assert documents <= signed
    assert any("Source: “" in n["title"] for n in data["nodes"])


def test_focus_and_period(seeds, tmp_path):
    path = tmp_path / "focus.html"
    assert run_kg("viz", "--kg", seeds, "--view", "people", "--focus", "Sadyr Japarov", "--output", path).returncode == 0
    labels = {n["label"] for n in page_data(path.read_text(encoding="utf-8"))["nodes"]}
    assert "Sadyr Japarov" in labels and "Ilham Aliyev" in labels and "Hamdullah Mohib" not in labels
    path = tmp_path / "period.html"
    assert run_kg("viz", "--kg", seeds, "--view", "people", "--since", "2020-12", "--until", "2020-12-31",
                  "--output", path).returncode == 0
    labels = {n["label"] for n in page_data(path.read_text(encoding="utf-8"))["nodes"]}
    assert "Hamdullah Mohib" in labels and "Sadyr Japarov" not in labels
    result = run_kg("viz", "--kg", seeds, "--focus", "Nobody At All", "--output", tmp_path / "x.html")
    assert result.returncode == 2 and "Nobody At All" in result.stderr and "Traceback" not in result.stderr
    result = run_kg("viz", "--kg", seeds, "--since", "last year", "--output", tmp_path / "x.html")
    assert result.returncode == 2 and "--since" in result.stderr


@pytest.fixture(scope="module")
def hostile(tmp_path_factory):
    """A graph whose names, titles and sentences are HTML and script."""
    folder = tmp_path_factory.mktemp("hostile")
    ds = Dataset(default_union=True)
    sentence = ID["sentence/h/0"]
    g = ds.graph(sentence)
    a, b, m, d, s = ID["person/a"], ID["person/b"], ID["meeting/m"], ID["document/d"], ID["state/AZE"]
    g.add((s, RDF.type, KG.State))
    g.add((s, RDFS.label, Literal("Azer" + HOSTILE)))
    for person in (a, b):
        g.add((person, RDF.type, FOAF.Person))
        g.add((person, RDFS.label, Literal(HOSTILE + str(person)[-1])))
        g.add((person, KG.state, s))
    g.add((m, RDF.type, KG.Meeting))
    g.add((m, RDFS.label, Literal(HOSTILE)))
    g.add((m, KG.participant, a))
    g.add((m, KG.participant, b))
    g.add((m, KG.involvesState, s))
    g.add((d, RDF.type, KG.Document))
    g.add((d, DCTERMS.title, Literal("Memorandum " + HOSTILE)))
    g.add((d, KG.status, KG.Signed))
    g.add((KG.Signed, RDFS.label, Literal("signed")))
    g.add((d, KG.signatory, a))
    p = ds.graph(ID["graph/provenance"])
    p.add((sentence, NIF.anchorOf, Literal("Sentence " + HOSTILE)))
    (folder / "kg.trig").write_text(ds.serialize(format="trig"), encoding="utf-8")
    pages = {}
    for view in ("people", "full"):
        pages[view] = folder / f"{view}.html"
        result = run_kg("viz", "--kg", folder, "--view", view, "--output", pages[view],
                        *(["--focus", HOSTILE + "a"] if view == "full" else []))
        assert result.returncode == 0, result.stderr
    return pages


def test_hostile_text_is_never_markup_in_the_file(hostile):
    for path in hostile.values():
        html = path.read_text(encoding="utf-8")
        assert "<img src=x" not in html and "<script>alert" not in html
        # it is there, as escaped text (heading) or as JSON with < escaped
        assert "&lt;img src=x" in html or "\\u003cimg src=x" in html


@needs_browser
@pytest.mark.parametrize("view", ["states", "people", "full"])
def test_views_in_chromium(pages, view):
    from kg.browser import open_page

    data = page_data(pages[view].read_text(encoding="utf-8"))
    hover = next(n["id"] for n in data["nodes"] if n.get("label", "").strip())
    report = open_page(pages[view], screenshot=ARTIFACTS / f"{view}.png", hover_node=hover)
    assert report.console_errors == []
    assert report.requests == []
    assert (report.nodes, report.edges) == (len(data["nodes"]), len(data["edges"]))
    label = next(n["label"] for n in data["nodes"] if n["id"] == hover)
    assert report.tooltip and report.tooltip.startswith(label)
    assert (ARTIFACTS / f"{view}.png").stat().st_size > 10_000


@needs_browser
def test_hostile_text_renders_as_text_in_chromium(hostile):
    from kg.browser import open_page

    for view, path in hostile.items():
        data = page_data(path.read_text(encoding="utf-8"))
        person = next(n["id"] for n in data["nodes"] if n["id"].endswith("person/a"))
        report = open_page(path, screenshot=ARTIFACTS / f"hostile-{view}.png", hover_node=person)
        assert report.dialogs == []            # no alert() ran
        assert report.images == 0              # no <img> element was created
        assert report.console_errors == []
        assert "<img src=x" in report.tooltip  # the text is shown as text
        if view == "full":
            assert "<img src=x" in report.heading
