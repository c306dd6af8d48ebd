"""The build, stage by stage: read -> extract (facts, JSON) -> resolve -> RDF (N-Quads per group of
articles) -> store (Oxigraph) -> reason (owlrl per part) -> validate -> write (kg.trig, report).

Each stage hands plain data to the next, and the per-article and per-part work is cached in the
output folder under keys that change when its inputs do (the article's bytes, the code, lexicon,
ontology and shapes versions, and for RDF the resolution of the article's mentions), so a build
after adding one article extracts one article, rewrites the RDF of its group and reasons again
over the parts that changed. The new build is assembled in a folder beside the output and swapped
in at the end: a build that fails or is killed leaves the previous one whole and queryable.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import gc
import hashlib
import json
import multiprocessing
import os
import re
import shutil
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pyoxigraph as ox
from rdflib import Graph, URIRef

from .article import read_article
from .errors import ArticleError, InputError
from .extract import extract_article
from .export import nt_term
from .facts import ArticleFacts
from .graph import G_INFERRED, G_ONTOLOGY, G_PROVENANCE, G_REFERENCE, ID, KG, ORG, PREFIXES, facts_to_dataset
from .lexicon import load_lexicon
from .materialise import Materialiser
from .progress import Progress
from .reason import Scope, disjoint_pairs, forward_closure, is_hub, part_key, reason_part
from .resolve import resolve, view
from .resources import CHECKS_DIR, LEXICON_DIR, ONTOLOGY_FILE, SHAPES_FILE
from .store import (BUILD_PRODUCTS, CACHE_DIR, DATASET_FILE, FACTS_DIR, REPORT_FILE, STORE_DIR, GraphStore,
                    to_rdflib)
from .validate import Problem, check_problems, evidence, load_graph, shacl_results

PACKAGE = Path(__file__).resolve().parent
GROUP_SIZE = 32          # articles per RDF group and reasoning part, on average (content-defined)
STAGES = ("read", "extract", "resolve", "rdf", "store", "reason", "write", "validate")
EXTRACTION = str(ID) + "extraction/"
STORE_FORMAT = 1         # what cache/store.json describes; a store of another format is loaded anew


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
    stages: dict[str, float] = field(default_factory=dict)     # seconds per stage
    reused: dict[str, str] = field(default_factory=dict)       # what the cache gave: "facts": "52/53"

    def lines(self) -> list[str]:
        out = [f"articles: {self.articles} read, {len(self.skipped)} skipped"]
        out += [f"  {k}: {v}" for k, v in self.entities.items()]
        out.append(f"triples: {self.asserted} asserted, {self.inferred} inferred")
        out.append(f"inconsistencies: {len(self.inconsistencies)}; shape or check problems: {len(self.problems)}")
        if self.reused:
            out.append("reused from the cache: " + ", ".join(f"{k} {v}" for k, v in self.reused.items()))
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


def _extract_one(path: Path, lexicon) -> tuple[ArticleFacts | None, str | None]:
    try:
        article = read_article(path, lexicon.is_title)
    except ArticleError as exc:
        return None, f"warning: {exc}; skipped"
    try:
        return extract_article(article, lexicon), None
    except Exception as exc:      # a rule that fails on one article must not stop the build
        return None, (f"warning: {path}: extraction failed ({exc.__class__.__name__}: {exc}); skipped — "
                      "please report it with the article")


def extract_corpus(files: list[Path], lexicon, warn: Callable[[str], None]) -> tuple[list[ArticleFacts], list[str]]:
    """Extract the facts of each file in one process, skipping (with a warning) what cannot be read."""
    corpus, skipped = [], []
    for path in files:
        facts, problem = _extract_one(path, lexicon)
        if facts is None:
            warn(problem)
            skipped.append(str(path))
        else:
            corpus.append(facts)
    return corpus, skipped


# ------------------------------------------------------------------ versions and the cache

def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for part in parts:
        h.update(hashlib.sha256(part).digest())
    return h.hexdigest()


def _files_digest(paths) -> str:
    return _digest(*(p.name.encode() + b"\0" + p.read_bytes() for p in sorted(paths)))


@dataclass
class Versions:
    """What the cached work depends on besides the article: a change to any of them makes the
    cached results it touches stale."""
    extractor: str
    lexicon: str
    writer: str
    ontology: str
    shapes: str

    @classmethod
    def of(cls, lexicon_dir: Path, ontology_file: Path, shapes_file: Path) -> "Versions":
        extractor = [PACKAGE / "article.py", PACKAGE / "facts.py", PACKAGE / "lexicon.py",
                     *sorted((PACKAGE / "extract").glob("*.py"))]
        return cls(extractor=_files_digest(extractor),
                   lexicon=_files_digest(p for p in Path(lexicon_dir).iterdir() if p.is_file()),
                   writer=_files_digest([PACKAGE / "graph.py", PACKAGE / "resolve.py"]),
                   ontology=_digest(Path(ontology_file).read_bytes()),
                   shapes=_digest(Path(shapes_file).read_bytes(),
                                  *(p.read_bytes() for p in sorted(CHECKS_DIR.glob("*")) if p.is_file())))


class Cache:
    """Content-addressed files under `cache/KIND/KEY`: written once, never changed. Entries the new
    build uses are hard-linked from the previous build's cache (no copy); the rest are dropped with it."""

    def __init__(self, new: Path, old: Path | None):
        self.new, self.old = new, old
        self.hits: dict[str, int] = {}
        self.misses: dict[str, int] = {}

    def path(self, kind: str, key: str) -> Path:
        return self.new / kind / key

    def get(self, kind: str, key: str) -> Path | None:
        target = self.path(kind, key)
        if target.exists():
            return target
        if self.old is not None:
            source = self.old / kind / key
            if source.exists():
                target.parent.mkdir(parents=True, exist_ok=True)
                try:
                    os.link(source, target)
                except OSError:
                    shutil.copyfile(source, target)
                self.hits[kind] = self.hits.get(kind, 0) + 1
                return target
        self.misses[kind] = self.misses.get(kind, 0) + 1
        return None

    def put(self, kind: str, key: str, data: bytes) -> Path:
        target = self.path(kind, key)
        target.parent.mkdir(parents=True, exist_ok=True)
        tmp = target.with_name(target.name + ".tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        return target

    def reused(self, kind: str) -> str:
        hits, misses = self.hits.get(kind, 0), self.misses.get(kind, 0)
        return f"{hits}/{hits + misses}"


# ------------------------------------------------------------------ parallel work

def _pool(jobs: int, initializer, initargs):
    """Worker processes forked from this one, so that what they need (lexicon, resolution,
    ontology) is inherited rather than pickled per task."""
    context = multiprocessing.get_context("fork")
    return context.Pool(jobs, initializer=initializer, initargs=initargs)


_WORKER: dict = {}      # per worker process: set once by the pool's initializer, read by its tasks


def _init_worker(state: dict) -> None:
    _WORKER.clear()
    _WORKER.update(state)


def _extract_task(path: str) -> tuple[dict | None, str | None]:
    facts, problem = _extract_one(Path(path), _WORKER["lexicon"])
    return (facts.to_json() if facts else None), problem


def _rdf_task(index: int) -> tuple[bytes, bytes, bytes, bytes]:
    return _group_rdf(_WORKER["groups"][index], _WORKER["lexicon"], _WORKER["resolution"])


def _reason_task(lines: list[str]) -> tuple[list[str], list[str]]:
    found = _WORKER["rules"].closure(lines)          # owlrl's closure, by rules compiled from it
    return found if found is not None else _reason_lines(lines, _WORKER["ontology"])


def _shacl_task(args: tuple[list[str], list[str]]) -> list[dict]:
    return _shacl_lines(args[0], args[1], _WORKER["tbox"], _WORKER["shapes"])


def _map(jobs: int, state: dict, task, items: list, advance) -> list:
    """`task` over `items`, in order: in this process when there is little to do or one job, else
    in `jobs` forked workers."""
    if not items:
        return []
    if jobs <= 1 or len(items) < 4:
        _init_worker(state)
        out = []
        for item in items:
            out.append(task(item))
            advance(1)
        _WORKER.clear()
        return out
    out = []
    with _pool(jobs, _init_worker, (state,)) as pool:
        for result in pool.imap(task, items, chunksize=max(1, min(16, len(items) // (jobs * 8) or 1))):
            out.append(result)
            advance(1)
    return out


# ------------------------------------------------------------------ stage helpers

def _groups(corpus: list[ArticleFacts]) -> list[list[ArticleFacts]]:
    """Content-defined groups of articles: a group ends after an article whose id hashes to 0
    modulo GROUP_SIZE, so adding or removing an article changes only the group it falls in."""
    groups, current = [], []
    for facts in sorted(corpus, key=lambda f: f.article):
        current.append(facts)
        if int(hashlib.sha1(facts.article.encode()).hexdigest()[:8], 16) % GROUP_SIZE == 0:
            groups.append(current)
            current = []
    if current:
        groups.append(current)
    return groups


TRIG_PREFIXES = {k: str(v) for k, v in PREFIXES.items() if k != "id"}   # id: IRIs in full, no "\/" escapes


def _group_rdf(group: list[ArticleFacts], lexicon, resolution) -> tuple[bytes, bytes, bytes, bytes]:
    """A group's RDF four ways: N-Quads (its named graphs, for the store), its distinct triples
    as N-Triples (for the store's union default graph and the reasoner), TriG (a block of
    kg.trig, which is these blocks one after the other), and its reference triples (states and
    topics, which groups share)."""
    ds = facts_to_dataset(group, lexicon, resolution, None)
    nquads = ds.serialize(format="nquads", encoding="utf-8")
    quads = list(ox.parse(nquads, format=ox.RdfFormat.N_QUADS))
    triples = sorted({f"{q.subject} {q.predicate} {q.object} .\n" for q in quads})
    reference = str(G_REFERENCE)
    shared = sorted({f"{q.subject} {q.predicate} {q.object} .\n" for q in quads if q.graph_name.value == reference})
    trig = ox.serialize(quads, format=ox.RdfFormat.TRIG, prefixes=TRIG_PREFIXES)
    return nquads, "".join(triples).encode("utf-8"), trig, "".join(shared).encode("utf-8")


def _reason_lines(lines: list[str], ontology: Graph) -> tuple[list[str], list[str]]:
    part = Graph(store="SimpleMemory")
    part.parse(data="\n".join(line + " ." for line in lines), format="nt")
    kept, problems = reason_part(ontology, set(part))
    return sorted(" ".join(nt_term(t) for t in triple) for triple in kept), problems


def _shacl_lines(part: list[str], inferred: list[str], tbox: Graph, shapes: Graph) -> list[dict]:
    data = Graph()            # pySHACL needs a context-aware store
    data.parse(data="\n".join(line + " ." for line in part + inferred), format="nt")
    for triple in tbox:
        data.add(triple)
    return shacl_results(data, shapes)


def _counts(store: ox.Store) -> dict[str, int]:
    counts = {}
    for cls, name in ((str(PREFIXES["foaf"]) + "Person", "people"), (str(KG.State), "states"),
                      (str(ORG.Post), "posts"), (str(KG.GovernmentBody), "government bodies"),
                      (str(KG.Meeting), "meetings"), (str(KG.Document), "documents"),
                      (str(KG.DiplomaticRelations), "diplomatic relations"), (str(KG.Milestone), "milestones")):
        rows = store.query("SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { ?s a ?c } GROUP BY ?c",
                           substitutions={ox.Variable("c"): ox.NamedNode(cls)})
        counts[name] = sum(int(row["n"].value) for row in rows)
    return counts


def _count(store: ox.Store, graph: ox.NamedNode | None = None) -> int:
    query = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g" if graph else
             "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
    subs = {ox.Variable("g"): graph} if graph else None
    return sum(int(row["n"].value) for row in store.query(query, substitutions=subs))


# ------------------------------------------------------------------ the folder swap

def _exchange(a: Path, b: Path) -> bool:
    """Swap two directories in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    return renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0


def _swap_in(work: Path, output: Path) -> None:
    if not output.exists():
        os.rename(work, output)
        return
    if _exchange(work, output):
        shutil.rmtree(work, ignore_errors=True)          # `work` now holds the previous build
        return
    old = output.with_name(f".{output.name}.old-{os.getpid()}")
    os.rename(output, old)
    os.rename(work, output)
    shutil.rmtree(old, ignore_errors=True)


def _carry_over(output: Path, work: Path) -> None:
    """Files the user keeps in the output folder (a network page, notes) move to the new build."""
    if not output.is_dir():
        return
    for entry in output.iterdir():
        if entry.name in BUILD_PRODUCTS or entry.name.startswith("."):
            continue
        target = work / entry.name
        try:
            if entry.is_dir():
                shutil.copytree(entry, target, copy_function=os.link, symlinks=True)
            else:
                os.link(entry, target)
        except OSError:
            (shutil.copytree(entry, target, symlinks=True) if entry.is_dir() else shutil.copy2(entry, target))


def _clear_leftovers(output: Path) -> None:
    """Folders of builds that were killed: removed unless their process still runs."""
    for entry in output.parent.glob(f".{output.name}.build-*"):
        try:
            pid = int(entry.name.rsplit("-", 1)[1])
            os.kill(pid, 0)
            continue                                     # a build running now
        except (ValueError, ProcessLookupError):
            pass
        except PermissionError:
            continue
        shutil.rmtree(entry, ignore_errors=True)


def _check_output(output: Path) -> None:
    if output.exists() and not output.is_dir():
        raise InputError(f"{output}: is a file; give --output a folder (it is created if missing)")
    if output.is_dir() and any(output.iterdir()) and not (output / REPORT_FILE).exists() \
            and not (output / DATASET_FILE).exists():
        raise InputError(f"{output}: is a folder that holds no kg build; give --output a new or empty "
                         "folder (a build replaces the folder's contents)")


# ------------------------------------------------------------------ the build

def build(input_dir: Path, output_dir: Path, lexicon_dir: Path | None = None,
          ontology_file: Path | None = None, shapes_file: Path | None = None,
          warn: Callable[[str], None] = lambda message: None, jobs: int | None = None,
          rebuild: bool = False, progress: Progress | None = None) -> BuildSummary:
    """Build the knowledge graph of the articles in `input_dir` into `output_dir`, reusing the
    cached work of the previous build there unless `rebuild`."""
    started = time.perf_counter()
    output = Path(output_dir).absolute()
    _check_output(output)
    lexicon_dir = Path(lexicon_dir or LEXICON_DIR)
    ontology_file = Path(ontology_file or ONTOLOGY_FILE)
    shapes_file = Path(shapes_file or SHAPES_FILE)
    lexicon = load_lexicon(lexicon_dir)
    ontology = load_graph(ontology_file, "ontology")
    shapes = load_graph(shapes_file, "SHACL shapes")          # fail early on a broken shapes file
    files = article_files(input_dir)
    versions = Versions.of(lexicon_dir, ontology_file, shapes_file)
    jobs = max(1, jobs or os.cpu_count() or 1)
    progress = progress or Progress("quiet")

    output.parent.mkdir(parents=True, exist_ok=True)
    _clear_leftovers(output)
    work = output.parent / f".{output.name}.build-{os.getpid()}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir()
    old_cache = None if rebuild or not (output / CACHE_DIR).is_dir() else output / CACHE_DIR
    cache = Cache(work / CACHE_DIR, old_cache)
    try:
        summary = _run(files, work, lexicon, ontology, shapes, versions, cache, jobs, warn, progress,
                       None if rebuild else output)
        _carry_over(output, work)
        _swap_in(work, output)
    except BaseException:
        shutil.rmtree(work, ignore_errors=True)
        raise
    summary.output = str(output / DATASET_FILE)
    summary.seconds = time.perf_counter() - started
    return summary


def _run(files, work: Path, lexicon, ontology: Graph, shapes: Graph, versions: Versions, cache: Cache,
         jobs: int, warn, progress: Progress, previous: Path | None) -> BuildSummary:
    timings: dict[str, float] = {}
    clock = time.perf_counter()

    def lap(stage: str) -> None:
        nonlocal clock
        now = time.perf_counter()
        timings[stage] = timings.get(stage, 0.0) + now - clock
        clock = now

    # read: the bytes of each article and its cache key
    keys = {}
    with progress.stage("read", len(files)) as advance:
        for path in files:
            keys[path] = _digest(versions.extractor.encode(), versions.lexicon.encode(), path.name.encode(),
                                 path.read_bytes())
            advance()
    lap("read")

    # extract: cached facts, or the extractor in parallel
    facts_of: dict[Path, ArticleFacts] = {}
    todo = []
    for path in files:
        hit = cache.get("facts", keys[path])
        if hit is None:
            todo.append(path)
        else:
            facts_of[path] = ArticleFacts.from_json(json.loads(hit.read_bytes()))
    skipped = []
    with progress.stage("extract", len(todo)) as advance:
        results = _map(jobs, {"lexicon": lexicon}, _extract_task, [str(p) for p in todo], advance)
    for path, (data, problem) in zip(todo, results):
        if data is None:
            warn(problem)
            skipped.append(str(path))
            continue
        cache.put("facts", keys[path], json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))
        facts_of[path] = ArticleFacts.from_json(data)
    corpus = [facts_of[p] for p in files if p in facts_of]
    (work / FACTS_DIR).mkdir()
    for path in files:
        if path in facts_of:
            os.link(cache.path("facts", keys[path]), work / FACTS_DIR / f"{facts_of[path].article}.json")
    lap("extract")

    # resolve: one node per real entity across the corpus
    with progress.stage("resolve", None):
        resolution = resolve(corpus)
    fact_keys = {facts_of[p].article: keys[p] for p in files if p in facts_of}
    lap("resolve")

    # rdf: N-Quads per group of articles, rewritten when an article or the resolution of its
    # mentions changed
    groups = _groups(corpus)
    group_keys = []
    for group in groups:
        h = hashlib.sha256(versions.writer.encode())
        for facts in group:
            h.update(fact_keys[facts.article].encode())
            h.update(json.dumps(view(resolution, facts), sort_keys=True, ensure_ascii=False).encode("utf-8"))
        group_keys.append(h.hexdigest()[:32])
    missing = [i for i, key in enumerate(group_keys)
               if any([cache.get(kind, key) is None for kind in ("rdf", "triples", "trig", "ref")])]
    with progress.stage("rdf", len(missing), unit="group") as advance:
        written = _map(jobs, {"lexicon": lexicon, "resolution": resolution, "groups": groups}, _rdf_task,
                       missing, advance)
    for index, (nquads, triples, trig, shared) in zip(missing, written):
        cache.put("ref", group_keys[index], shared)
        cache.put("rdf", group_keys[index], nquads)
        cache.put("triples", group_keys[index], triples)
        cache.put("trig", group_keys[index], trig)
    articles, n = len(corpus), len(groups)
    del corpus, facts_of, groups, resolution, written       # the facts are in the RDF now: free them
    gc.collect()
    lap("rdf")

    # store: the named graphs, and their union as the default graph; after a previous build, a
    # copy of its store (hard links) with the groups gone taken out and the groups new put in
    store_path = work / STORE_DIR
    tbox = ontology.serialize(format="nt", encoding="utf-8")
    with progress.stage("store", n + 1, unit="group") as advance:
        store = _previous_store(previous, cache, versions, store_path, group_keys)
        if store is None:
            store = ox.Store(str(store_path))
            store.bulk_load(tbox, ox.RdfFormat.N_TRIPLES, to_graph=ox.NamedNode(str(G_ONTOLOGY)))
            store.bulk_load(tbox, ox.RdfFormat.N_TRIPLES)
            loaded: set[str] = set()
        else:
            loaded = set(json.loads((cache.old / "store.json").read_bytes())["groups"])
        advance()
        gone, new_keys = loaded - set(group_keys), [k for k in group_keys if k not in loaded]
        _take_out(store, cache, gone, new_keys)
        for key in new_keys:
            store.bulk_load(path=str(cache.path("rdf", key)), format=ox.RdfFormat.N_QUADS)
            store.bulk_load(path=str(cache.path("triples", key)), format=ox.RdfFormat.N_TRIPLES)
        advance(n)
        if gone:
            _restore_reference(store, cache, gone, group_keys)
    lap("store")

    # reason: owlrl over each group's triples and what they reach
    default = ox.DefaultGraph()
    described = [ox.NamedNode(str(G_REFERENCE)), ox.NamedNode(str(G_PROVENANCE))]
    scope = Scope.of(ontology)
    active = scope.predicates

    def outgoing(iri: str):
        node = ox.NamedNode(iri)
        if is_hub(iri):          # a state, topic, sentence ...: its description, not what articles say of it
            return [(q.subject, q.predicate, q.object) for g in described
                    for q in store.quads_for_pattern(node, None, None, g)]
        return [(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(node, None, None, default)]

    def iri_of(term) -> str | None:
        return term.value if isinstance(term, ox.NamedNode) else None

    changed = _changed_subjects(cache, group_keys)     # None: no previous build to compare with
    parts, full_parts, nodes_of = [None] * n, [None] * n, [None] * n
    part_keys, shape_keys = [None] * n, [None] * n
    with progress.stage("reason", n, unit="part") as advance:
        for i, key in enumerate(group_keys):
            known = cache.get("closure", key) if changed is not None else None
            if known is not None:
                data = json.loads(known.read_bytes())
                if changed.isdisjoint(data["nodes"]) and cache.get("reason", data["part"]) is not None \
                        and cache.get("shacl", data["shape"]) is not None:
                    part_keys[i], shape_keys[i], nodes_of[i] = data["part"], data["shape"], data["nodes"]
                    continue            # nothing this part reaches has changed: its results stand
            seeds = [(q.subject, q.predicate, q.object)
                     for q in ox.parse(path=str(cache.path("triples", key)), format=ox.RdfFormat.N_TRIPLES)
                     if not q.subject.value.startswith(EXTRACTION)]
            part = forward_closure(seeds, outgoing, iri_of)
            nodes_of[i] = sorted({t.value for triple in part for t in (triple[0], triple[2])
                                  if isinstance(t, ox.NamedNode)})
            full_parts[i] = sorted(f"{s} {p} {o}" for s, p, o in part)      # for the shapes
            parts[i] = sorted(f"{s} {p} {o}" for s, p, o in part if p.value in active)
            part_keys[i] = part_key(parts[i], versions.ontology)
        missing = [i for i, key in enumerate(part_keys) if parts[i] is not None and cache.get("reason", key) is None]
        advance(n - len(missing))
        rules = Materialiser.of(scope.tbox) if missing else None
        results = _map(jobs, {"ontology": scope.tbox, "rules": rules}, _reason_task, [parts[i] for i in missing],
                       advance)
        for index, (inferred, problems) in zip(missing, results):
            cache.put("reason", part_keys[index], json.dumps({"inferred": inferred, "inconsistencies": problems},
                                                              ensure_ascii=False).encode("utf-8"))
    inferred_of, inconsistencies = [], []
    for key in part_keys:
        data = json.loads(cache.path("reason", key).read_bytes())      # present: a hit or just written
        inferred_of.append(data["inferred"])
        inconsistencies += [m for m in data["inconsistencies"] if m not in inconsistencies]
    inferred = sorted(set(line for lines in inferred_of for line in lines))
    inferred_nt = "".join(f"{line} .\n" for line in inferred).encode("utf-8")
    _replace_inferred(store, cache, inferred)
    cache.put("", "inferred.nt", "".join(f"{line}\n" for line in inferred).encode("utf-8"))
    cache.put("", "store.json", json.dumps({"format": STORE_FORMAT, "ontology": versions.ontology, "groups": group_keys}).encode("utf-8"))
    lap("reason")

    # write: kg.trig, the ontology's block, each group's block and the inferred block in turn
    with progress.stage("write", n + 2, unit="block") as advance, open(work / DATASET_FILE, "wb") as out:
        for name, nt in ((G_ONTOLOGY, tbox), (G_INFERRED, inferred_nt)):
            if name == G_INFERRED:
                for key in group_keys:
                    with open(cache.path("trig", key), "rb") as block:
                        shutil.copyfileobj(block, out, 1 << 20)
                    advance()
            graph = ox.NamedNode(str(name))
            out.write(ox.serialize((ox.Quad(t.subject, t.predicate, t.object, graph)
                                    for t in ox.parse(nt, format=ox.RdfFormat.N_TRIPLES)),
                                   format=ox.RdfFormat.TRIG, prefixes=TRIG_PREFIXES))
            advance()
    lap("write")
    inconsistencies += _clashes_across_parts(store, ontology, inconsistencies)
    lap("reason")

    # validate: the shapes per part (with its inferences), the checks over the whole store
    view_store = GraphStore(store, work)
    for i, lines in enumerate(full_parts):
        if lines is not None:
            shape_keys[i] = part_key(lines + inferred_of[i], versions.shapes + versions.ontology)
    missing = [i for i, key in enumerate(shape_keys) if full_parts[i] is not None and cache.get("shacl", key) is None]
    with progress.stage("validate", len(missing), unit="part") as advance:
        found = _map(jobs, {"tbox": ontology, "shapes": shapes}, _shacl_task,
                     [(full_parts[i], inferred_of[i]) for i in missing], advance)
    for index, results in zip(missing, found):
        cache.put("shacl", shape_keys[index], json.dumps(results, ensure_ascii=False).encode("utf-8"))
    for i, key in enumerate(group_keys):
        if full_parts[i] is not None:
            cache.put("closure", key, json.dumps({"nodes": nodes_of[i], "part": part_keys[i],
                                                  "shape": shape_keys[i]}).encode("utf-8"))
    cache.put("", "groups.json", json.dumps(group_keys).encode("utf-8"))
    problems, seen = [], set()
    for key in shape_keys:
        for item in json.loads(cache.path("shacl", key).read_bytes()):
            mark = (item["severity"], item["check"], item["node"], item["message"])
            if mark not in seen:
                seen.add(mark)
                node = URIRef(item["node"]) if item["node"].startswith(("http://", "https://")) else None
                problems.append(Problem(*mark, evidence(view_store, node) if node is not None else None))
    problems += check_problems(view_store)
    for problem in problems:
        warn(problem.line())
    for message in inconsistencies:
        nodes = re.findall(r"https://w3id\.org/diplokg/id/[^\s,)'\"]+", message)
        sentence = next((text for text in (evidence(view_store, URIRef(n)) for n in nodes) if text), None)
        warn(f"INCONSISTENT: {message}" + (f' (from: "{sentence[:120]}")' if sentence else ""))
    lap("validate")

    # the report
    summary = BuildSummary(articles=articles, skipped=skipped)
    summary.entities = _counts(store)
    total = _count(store)
    rules = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ ?x a <{KG.Extraction}> ; ?p ?o }}")
    summary.asserted = (total - len(inferred) - _count(store, ox.NamedNode(str(G_ONTOLOGY)))
                        - int(next(iter(rules))["n"].value))     # the rules' provenance is not counted
    summary.inferred = len(inferred)
    summary.inconsistencies = inconsistencies
    summary.problems = problems
    summary.reused = {kind: cache.reused(kind) for kind in ("facts", "rdf", "closure", "reason", "shacl")}
    store.flush()
    del store, view_store
    gc.collect()
    lap("write")
    summary.stages = timings
    report = {"articles": summary.articles, "skipped": skipped, "entities": summary.entities,
              "asserted": summary.asserted, "inferred": summary.inferred,
              "inconsistencies": summary.inconsistencies,
              "problems": [p.__dict__ for p in problems], "reused": summary.reused,
              "stages": {k: round(v, 3) for k, v in timings.items()}}
    (work / REPORT_FILE).write_text(json.dumps(report, indent=1, ensure_ascii=False), encoding="utf-8")
    return summary


def _previous_store(previous: Path | None, cache: Cache, versions: Versions, target: Path,
                    group_keys: list[str]) -> ox.Store | None:
    """A copy of the previous build's store to update, when it was built with this ontology and
    keeps at least half of this build's groups (taking most of a store out and putting it back
    costs more time and memory than loading a new one)."""
    if previous is None or cache.old is None or not (previous / STORE_DIR).is_dir():
        return None
    manifest = cache.old / "store.json"
    known = json.loads(manifest.read_bytes()) if manifest.exists() else {}
    if known.get("ontology") != versions.ontology or known.get("format") != STORE_FORMAT \
            or not (cache.old / "inferred.nt").exists():
        return None
    if 2 * len(set(known.get("groups", ())) & set(group_keys)) < len(group_keys):
        return None
    try:
        ox.Store.read_only(str(previous / STORE_DIR)).backup(str(target))
        return ox.Store(str(target))
    except OSError:
        shutil.rmtree(target, ignore_errors=True)
        return None


def _in_a_named_graph(store: ox.Store, triple) -> bool:
    return any(not isinstance(q.graph_name, ox.DefaultGraph) for q in store.quads_for_pattern(*triple, None))


def _drop_from_union(store: ox.Store, triples) -> None:
    """Take triples out of the default graph (the union) unless a named graph still holds them."""
    default = ox.DefaultGraph()
    for t in triples:
        if not _in_a_named_graph(store, t):
            store.remove(ox.Quad(t[0], t[1], t[2], default))


def _take_out(store: ox.Store, cache: Cache, gone: set[str], new_keys: list[str]) -> None:
    """Remove the quads of the groups no longer in the build. Reference triples (states, topics)
    are shared between groups and are put right by `_restore_reference`."""
    if not gone:
        return
    reference = ox.NamedNode(str(G_REFERENCE))
    candidates = set()
    for key in gone:
        for quad in ox.parse(path=str(cache.old / "rdf" / key), format=ox.RdfFormat.N_QUADS):
            if quad.graph_name != reference:
                store.remove(quad)
        candidates.update((t.subject, t.predicate, t.object)
                          for t in ox.parse(path=str(cache.old / "triples" / key), format=ox.RdfFormat.N_TRIPLES))
    for key in new_keys:
        candidates.difference_update((t.subject, t.predicate, t.object) for t in
                                     ox.parse(path=str(cache.path("triples", key)), format=ox.RdfFormat.N_TRIPLES))
    _drop_from_union(store, candidates)


def _restore_reference(store: ox.Store, cache: Cache, gone: set[str], group_keys: list[str]) -> None:
    """Take out the reference triples (a state's description) that only the groups gone held."""
    def lines(folder: Path, keys) -> set[str]:
        out: set[str] = set()
        for key in keys:
            out.update((folder / "ref" / key).read_text(encoding="utf-8").splitlines())
        return out

    unused = lines(cache.old, gone) - lines(cache.new, group_keys)
    if not unused:
        return
    reference = ox.NamedNode(str(G_REFERENCE))
    triples = [(t.subject, t.predicate, t.object)
               for t in ox.parse("\n".join(unused).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]
    for t in triples:
        store.remove(ox.Quad(*t, reference))
    _drop_from_union(store, triples)


def _replace_inferred(store: ox.Store, cache: Cache, inferred: list[str]) -> None:
    """Make the inferred graph hold `inferred`: after a previous build, only the difference."""
    graph = ox.NamedNode(str(G_INFERRED))
    before_file = cache.old / "inferred.nt" if cache.old is not None else None
    has_graph = any(True for _ in store.quads_for_pattern(None, None, None, graph))
    if has_graph and before_file is not None and before_file.exists():
        before = set(before_file.read_text(encoding="utf-8").splitlines())
    else:
        before = set()
    after = set(inferred)

    def triples(lines):
        data = "".join(f"{line} .\n" for line in lines).encode("utf-8")
        return [(t.subject, t.predicate, t.object) for t in ox.parse(data, format=ox.RdfFormat.N_TRIPLES)]

    gone = triples(before - after)
    for t in gone:
        store.remove(ox.Quad(*t, graph))
    _drop_from_union(store, gone)
    added = "".join(f"{line} .\n" for line in sorted(after - before)).encode("utf-8")
    if added:
        store.bulk_load(added, ox.RdfFormat.N_TRIPLES, to_graph=graph)
        store.bulk_load(added, ox.RdfFormat.N_TRIPLES)


def _changed_subjects(cache: Cache, group_keys: list[str]) -> set[str] | None:
    """The nodes whose triples differ from the previous build's: the subjects of the triples
    that only the groups gone, or only the groups new, hold. None when there is no previous build."""
    listed = cache.old / "groups.json" if cache.old is not None else None
    if listed is None or not listed.exists():
        return None
    old = set(json.loads(listed.read_bytes()))
    new = set(group_keys)

    def lines(keys, folder: Path) -> set[str]:
        out: set[str] = set()
        for key in keys:
            path = folder / "triples" / key
            if path.exists():
                out.update(path.read_text(encoding="utf-8").splitlines())
        return out

    difference = lines(old - new, cache.old) ^ lines(new - old, cache.new)
    return {line.split(" ", 1)[0].strip("<>") for line in difference}


def _clashes_across_parts(store: ox.Store, ontology: Graph, known: list[str]) -> list[str]:
    """A node given two disjoint classes by two different parts: owlrl is asked about it alone."""
    from rdflib import RDF

    messages = []
    for pair in disjoint_pairs(ontology):
        a, b = sorted(pair)
        rows = store.query("SELECT DISTINCT ?s ?a ?b WHERE { ?s a ?a , ?b }",
                           substitutions={ox.Variable("a"): ox.NamedNode(str(a)), ox.Variable("b"): ox.NamedNode(str(b))})
        for row in rows:
            node = row["s"].value
            if any(node in m for m in known + messages):
                continue
            types = [(URIRef(node), RDF.type, to_rdflib(r["c"])) for r in store.query(
                "SELECT ?s ?c WHERE { ?s a ?c }", substitutions={ox.Variable("s"): row["s"]})]
            _, found = reason_part(ontology, set(types))
            messages += [m for m in found if m not in known and m not in messages]
    return messages
