"""The build, stage by stage: articles -> facts (JSON) -> resolved entities -> RDF -> reasoning
-> validation -> files. Each stage hands plain data to the next; outputs are written to a
temporary file and renamed into place, so a failed build leaves the previous one intact.
"""
from __future__ import annotations

import json
import re
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from rdflib import RDF, Graph, URIRef
from rdflib.namespace import FOAF

from .article import read_article
from .errors import ArticleError, InputError
from .extract import extract_article
from .facts import ArticleFacts
from .files import write_atomic
from .graph import G_INFERRED, ID, KG, ORG, facts_to_dataset
from .lexicon import load_lexicon
from .reason import reason
from .resolve import resolve
from .resources import LEXICON_DIR, ONTOLOGY_FILE, SHAPES_FILE
from .store import DATASET_FILE, MERGED_FILE, REPORT_FILE
from .validate import Problem, evidence, load_graph, validate_dataset


@dataclass
class BuildSummary:
    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    entities: dict[str, int] = field(default_factory=dict)
    asserted: int = 0
    inferred: int = 0
    inconsistencies: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    seconds: float = 0.0
    output: str = ""

    def lines(self) -> list[str]:
        out = [f"articles: {self.articles} read, {len(self.skipped)} skipped"]
        out += [f"  {k}: {v}" for k, v in self.entities.items()]
        out.append(f"triples: {self.asserted} asserted, {self.inferred} inferred")
        out.append(f"inconsistencies: {len(self.inconsistencies)}; shape or check problems: {len(self.problems)}")
        out.append(f"written: {self.output} ({self.seconds:.1f} s)")
        return out


def article_files(folder: Path) -> list[Path]:
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder of articles (give --input DIR with .txt files)")
    files = sorted(p for p in folder.iterdir() if p.is_file() and p.suffix == ".txt")
    if not files:
        raise InputError(f"{folder}: holds no .txt articles")
    return files


def extract_corpus(files: list[Path], lexicon, warn: Callable[[str], None]) -> tuple[list[ArticleFacts], list[str]]:
    corpus, skipped = [], []
    for path in files:
        try:
            article = read_article(path, lexicon.is_title)
        except ArticleError as exc:
            warn(f"warning: {exc}; skipped")
            skipped.append(str(path))
            continue
        try:
            corpus.append(extract_article(article, lexicon))
        except Exception as exc:      # a rule that fails on one article must not stop the build
            warn(f"warning: {path}: extraction failed ({exc.__class__.__name__}: {exc}); skipped — "
                 "please report it with the article")
            skipped.append(str(path))
    return corpus, skipped


def build(input_dir: Path, output_dir: Path, lexicon_dir: Path | None = None,
          ontology_file: Path | None = None, shapes_file: Path | None = None,
          warn: Callable[[str], None] = lambda message: None) -> BuildSummary:
    """Build the knowledge graph of the articles in `input_dir` into `output_dir`."""
    started = time.perf_counter()
    output_dir = Path(output_dir)
    if output_dir.exists() and not output_dir.is_dir():
        raise InputError(f"{output_dir}: is a file; give --output a folder (it is created if missing)")
    lexicon = load_lexicon(Path(lexicon_dir or LEXICON_DIR))
    ontology = load_graph(Path(ontology_file or ONTOLOGY_FILE), "ontology")
    shapes_file = Path(shapes_file or SHAPES_FILE)
    load_graph(shapes_file, "SHACL shapes")          # fail early on a broken shapes file
    files = article_files(input_dir)

    corpus, skipped = extract_corpus(files, lexicon, warn)
    for facts in corpus:
        write_atomic(output_dir / "facts" / f"{facts.article}.json",
                     json.dumps(facts.to_json(), ensure_ascii=False, indent=1).encode("utf-8"))
    resolution = resolve(corpus)
    ds = facts_to_dataset(corpus, lexicon, resolution, ontology)

    asserted = Graph()
    extraction = str(ID) + "extraction/"
    for triple in ds.triples((None, None, None)):
        if not str(triple[0]).startswith(extraction):       # provenance of rules takes no part in reasoning
            asserted.add(triple)
    inferred, inconsistencies = reason(asserted)
    ig = ds.graph(G_INFERRED)
    for triple in inferred:
        ig.add(triple)

    problems = validate_dataset(ds, shapes_file)
    for problem in problems:
        warn(problem.line())
    for item in inconsistencies:
        nodes = re.findall(r"https://w3id\.org/diplokg/id/[^\s,)'\"]+", item.message)
        sentence = next((text for text in (evidence(ds, URIRef(n)) for n in nodes) if text), None)
        warn(f"INCONSISTENT: {item.message}" + (f' (from: "{sentence[:120]}")' if sentence else ""))

    summary = BuildSummary(articles=len(corpus), skipped=skipped)
    counts = Counter()
    for cls, name in ((FOAF.Person, "people"), (KG.State, "states"), (ORG.Post, "posts"),
                      (KG.GovernmentBody, "government bodies"), (KG.Meeting, "meetings"),
                      (KG.Document, "documents"), (KG.DiplomaticRelations, "diplomatic relations"),
                      (KG.Milestone, "milestones")):
        counts[name] = len(set(ds.subjects(RDF.type, cls)))
    summary.entities = dict(counts)
    summary.asserted = len(asserted) - len(ontology)
    summary.inferred = len(inferred)
    summary.inconsistencies = [i.message for i in inconsistencies]
    summary.problems = problems

    write_atomic(output_dir / DATASET_FILE, ds.serialize(format="trig").encode("utf-8"))
    merged = Graph()
    for prefix, ns in ds.namespaces():
        merged.bind(prefix, ns)
    for triple in ds.triples((None, None, None)):
        merged.add(triple)
    write_atomic(output_dir / MERGED_FILE, merged.serialize(format="turtle").encode("utf-8"))
    summary.seconds = time.perf_counter() - started
    summary.output = str(output_dir / DATASET_FILE)
    report = {"articles": summary.articles, "skipped": skipped, "entities": summary.entities,
              "asserted": summary.asserted, "inferred": summary.inferred,
              "inconsistencies": summary.inconsistencies,
              "problems": [p.__dict__ for p in problems], "seconds": round(summary.seconds, 2)}
    write_atomic(output_dir / REPORT_FILE, json.dumps(report, indent=1, ensure_ascii=False).encode("utf-8"))
    return summary
