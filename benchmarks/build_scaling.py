"""How does `kg build` scale with the corpus? For each size N (synthetic articles from
benchmarks/synth_corpus.py) this measures, in a fresh subprocess per size so that peak memory is
per size:

1. generating the N articles (timed apart; not part of the build);
2. a clean build with all cores: seconds per stage (read, extract, resolve, rdf, store, reason,
   write, validate: kg.build.STAGES), total seconds, asserted and inferred triples, peak RSS of the main process
   (and of the largest worker process);
3. an incremental build after adding one article (article N+1 of the same generator): total and
   per-stage seconds, and what the cache gave (`reused`);
4. a build with nothing changed: total seconds;
5. every saved query (queries/*.rq) through kg.query.run_query, as `kg query` runs it, on the
   build's Oxigraph store (GraphStore) and on rdflib's memory store (a Dataset parsed from kg.trig,
   parse time reported; only for N <= --rdflib-max): one warm-up, then p50 and max of 5 runs, or of
   3 when the warm-up took over 2 s, or the warm-up alone when it took over 30 s; a query is
   dropped on an engine when one run passes 120 s (each query runs on Oxigraph in a process of its
   own, which is killed then, since Oxigraph cannot be interrupted). Prints rdflib/Oxigraph per
   query. Both timings include the same rdflib parse of the query text (shown as `parse`).
   Queries run on the last build (N+1 articles);
6. whole-graph owlrl (kg.reason.reason, owlrl as it ships) over the clean build's asserted graph,
   for N <= --baseline-max only (it takes over an hour at 10,000 articles): its seconds, the
   ratio to the clean build's `reason` stage, and whether both give the same entailments.

It ends with a Markdown table of the figures per size.

Run:  .venv/bin/python benchmarks/build_scaling.py [--sizes 100,1000,10000] [--jobs J]
          [--workdir DIR] [--keep] [--baseline-max 1000] [--rdflib-max 10000] [--seed 0]

The machine this runs on is noisy (shared cores), so absolute seconds vary from run to run: the
ratios (whole-graph owlrl vs the build's reason stage, rdflib vs Oxigraph) are measured side by
side in the same process and run, and are the figures to compare. The build's reason stage runs
with --jobs processes; whole-graph owlrl runs in one.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:          # run as a script from a checkout without `pip install -e .`
    sys.path.insert(0, str(ROOT))

from rdflib import Dataset  # noqa: E402

import kg  # noqa: E402
from benchmarks.synth_corpus import generate, write_corpus  # noqa: E402
from kg.build import STAGES  # noqa: E402
from kg.query import load_query, run_query  # noqa: E402
from kg.reason import asserted_and_inferred, reason  # noqa: E402
from kg.store import open_store  # noqa: E402

QUERIES = sorted((ROOT / "queries").glob("*.rq"))
CAP = 120.0              # seconds: a query whose run takes longer is dropped (on that engine)
SLOW, VERY_SLOW = 2.0, 30.0   # warm-up seconds above which 3 runs, then the warm-up alone, are taken


# ------------------------------------------------------------------ helpers

def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    """Peak resident set size so far, in MB (Linux gives ru_maxrss in KB)."""
    return resource.getrusage(who).ru_maxrss / 1024


def say(text: str = "") -> None:
    print(text, flush=True)


def stages_text(stages: dict[str, float]) -> str:
    order = [stage for stage in STAGES if stage in stages] + [stage for stage in stages if stage not in STAGES]
    return "  ".join(f"{stage} {stages[stage]:.2f}" for stage in order)


def reused_text(reused: dict[str, str]) -> str:
    return ", ".join(f"{kind} {value}" for kind, value in reused.items())


def rows_of(result) -> int:
    """Rows of a query result, materialised (rdflib evaluates lazily); empty rows are not counted,
    as `kg query` does not print them (rdflib answers an aggregate over nothing with one)."""
    if result.type == "SELECT":
        return sum(1 for row in result if any(value is not None for value in row))
    return len(result)


class QueryTimeout(BaseException):
    """Raised from SIGALRM; a BaseException so that run_query's `except Exception` lets it through."""


def _alarm(signum, frame):
    raise QueryTimeout


def timed(run, cap: float | None = None) -> tuple[float, object]:
    """(seconds, value) of run(); QueryTimeout when `cap` seconds pass first."""
    if cap:
        signal.signal(signal.SIGALRM, _alarm)
        signal.setitimer(signal.ITIMER_REAL, cap)
    started = time.perf_counter()
    try:
        value = run()
    finally:
        if cap:
            signal.setitimer(signal.ITIMER_REAL, 0)
    return time.perf_counter() - started, value


def p50(values: list[float]) -> float:
    return statistics.median(values)


def num(x: float) -> str:
    return f"{x:.2f}" if x < 1 else f"{x:.1f}"


def ms(seconds: float | None) -> str:
    return "—" if seconds is None else f"{1000 * seconds:.1f}"


# ------------------------------------------------------------------ one size (in its own process)

def measure(n: int, folder: Path, jobs: int, seed: int, baseline_max: int, rdflib_max: int) -> None:
    """Every figure for a corpus of n articles, printed and saved (step by step) to result.json."""
    articles, out = folder / "articles", folder / "kg"
    result: dict = {"articles": n}

    def save() -> None:
        (folder / "result.json").write_text(json.dumps(result, indent=1), encoding="utf-8")

    say(f"\n=== {n} articles (jobs {jobs}, seed {seed}) ===")
    seconds, _ = timed(lambda: write_corpus(n, articles, seed=seed))
    result["generate"] = seconds
    say(f"generate: {n} articles in {seconds:.2f} s")

    # clean build
    warnings: list[str] = []
    rss_before = peak_mb()
    clean = kg.build(articles, out, jobs=jobs, warn=warnings.append)
    result.update(clean=clean.seconds, stages=clean.stages, asserted=clean.asserted, inferred=clean.inferred,
                  rss=peak_mb(), rss_workers=peak_mb(resource.RUSAGE_CHILDREN), reason=clean.stages.get("reason"))
    save()
    say(f"clean build: {clean.seconds:.2f} s; {clean.articles} articles read, {len(clean.skipped)} skipped; "
        f"{clean.asserted} asserted, {clean.inferred} inferred triples")
    say(f"  stages s: {stages_text(clean.stages)}")
    say(f"  peak RSS: main process {result['rss']:.0f} MB ({rss_before:.0f} MB before the build), "
        f"largest worker {result['rss_workers']:.0f} MB")
    say(f"  warnings {len(warnings)}, inconsistencies {len(clean.inconsistencies)}, "
        f"shape or check problems {len(clean.problems)}")
    shutil.copyfile(out / "kg.trig", folder / "clean.trig")        # for the reasoning baseline

    # one more article, then nothing changed
    name, text = generate(n + 1, seed=seed)[-1]
    (articles / name).write_bytes(text.encode("utf-8"))
    added = kg.build(articles, out, jobs=jobs)
    result.update(add_one=added.seconds, add_one_stages=added.stages, add_one_reused=added.reused)
    save()
    say(f"add one article ({name}): {added.seconds:.2f} s; {added.asserted} asserted, {added.inferred} inferred")
    say(f"  stages s: {stages_text(added.stages)}")
    say(f"  reused: {reused_text(added.reused)}")
    same = kg.build(articles, out, jobs=jobs)
    result.update(no_change=same.seconds)
    save()
    say(f"no change: {same.seconds:.2f} s; stages s: {stages_text(same.stages)}")
    say(f"  reused: {reused_text(same.reused)}")

    # queries
    queries = measure_queries(n, out, rdflib_max)
    result["queries"] = queries
    save()

    # whole-graph owlrl
    if n <= baseline_max:
        result.update(baseline(folder / "clean.trig", clean))
        save()
    else:
        say(f"\nwhole-graph owlrl: not run (N > --baseline-max {baseline_max})")
    result["rss_run"] = peak_mb()
    save()
    say(f"\npeak RSS of the whole run for {n} articles (rdflib and owlrl included): {result['rss_run']:.0f} MB")


def measure_queries(n: int, out: Path, rdflib_max: int) -> dict:
    say(f"\nqueries on the last build ({n + 1} articles), ms, as `kg query` runs them (run_query; `parse` is "
        "the rdflib parse of the query text that both include):")
    figures: dict[str, dict] = {}
    for path in QUERIES:
        figures[path.name] = {"parse": min(timed(lambda: load_query(path))[0] for _ in range(3)),
                              **_ox_runs(out, path)}
    if n <= rdflib_max:
        seconds, ds = timed(lambda: _parse_union(out / "kg.trig"))
        say(f"rdflib: kg.trig parsed into Dataset(default_union=True) in {seconds:.2f} s")
        for path in QUERIES:
            figures[path.name].update(_rdflib_runs(ds, path))
        del ds
    else:
        say(f"rdflib: not run (N > --rdflib-max {rdflib_max})")

    say(f"{'query':<27} {'rows':>7} {'parse':>6} {'ox p50':>9} {'ox max':>9} {'runs':>4} {'rdflib p50':>10} "
        f"{'rdflib max':>10} {'runs':>4} {'rdflib/ox':>9}")
    for name, f in figures.items():
        ox, rd = f.get("ox"), f.get("rdflib")
        if ox:
            f["ox_p50"] = p50(ox)
            ox_cells = f"{ms(p50(ox)):>9} {ms(max(ox)):>9} {len(ox):>4}"
        else:
            ox_cells = f"{f'> {CAP:.0f} s':>9} {'dropped':>9} {'':>4}"
        if rd:
            rd_cells = f"{ms(p50(rd)):>10} {ms(max(rd)):>10} {len(rd):>4}"
        elif f.get("rdflib_dropped"):
            rd_cells = f"{f'> {CAP:.0f} s':>10} {'dropped':>10} {'':>4}"
        else:
            rd_cells = f"{'—':>10} {'—':>10} {'':>4}"
        f["ratio"] = ratio = speed_up(f)
        rows = f.get("rows", f.get("rdflib_rows"))
        note = "" if None in (f.get("rows"), f.get("rdflib_rows")) or f["rows"] == f["rdflib_rows"] else \
            f"  (rdflib gave {f['rdflib_rows']} rows!)"
        say(f"{name:<27} {'?' if rows is None else rows:>7} {ms(f['parse']):>6} {ox_cells} {rd_cells} "
            f"{'—' if ratio is None else ratio[0] + num(ratio[1]):>9}{note}")
    return figures


def speed_up(f: dict) -> tuple[str, float] | None:
    """rdflib p50 / Oxigraph p50, with "<" or ">" when one side was dropped (so only a bound is known)."""
    ox, rd = f.get("ox"), f.get("rdflib")
    if ox and rd:
        return "", p50(rd) / p50(ox)
    if rd and f.get("oxigraph_dropped"):
        return "<", p50(rd) / CAP
    if ox and f.get("rdflib_dropped"):
        return ">", CAP / p50(ox)
    return None


def further_runs(first: float) -> int:
    """Timed runs after a warm-up of `first` seconds: 5, or 3 for a slow query, or none for a very
    slow one (its warm-up is then the one run)."""
    return 5 if first <= SLOW else 3 if first <= VERY_SLOW else 0


def _ox_worker(conn, out: str, path: str) -> None:
    """In a process of its own (Oxigraph cannot be interrupted in the middle of a query): the warm-up
    and the runs of one query on the store, each sent as it ends."""
    store = open_store(Path(out))
    run = lambda: rows_of(run_query(store, Path(path)))  # noqa: E731
    first, rows = timed(run)
    conn.send(("warm-up", first, rows))
    for _ in range(further_runs(first)):
        conn.send(("run", timed(run)[0], rows))
    conn.send(("done", 0.0, rows))


def _ox_runs(out: Path, path: Path) -> dict:
    """A query on the build's store: the run times, or dropped when one run passes CAP seconds."""
    context = multiprocessing.get_context("spawn")      # a fresh process, not a fork of this one
    receiver, sender = context.Pipe(duplex=False)
    worker = context.Process(target=_ox_worker, args=(sender, str(out), str(path)), daemon=True)
    worker.start()
    sender.close()
    first, runs, rows, wait, over = None, [], None, CAP + 60, False      # the first wait includes the imports
    try:
        while True:
            if not receiver.poll(wait):
                over = True
                break
            try:
                kind, seconds, rows = receiver.recv()
            except EOFError:
                raise RuntimeError(f"the query process for {path.name} failed (exit status {worker.exitcode})")
            if kind == "done":
                break
            if kind == "warm-up":
                first = seconds
            else:
                runs.append(seconds)
            wait = CAP
    finally:
        if worker.is_alive():
            worker.kill()
        worker.join()
        receiver.close()
    return _outcome("oxigraph", path, first, runs, over) | ({"ox": runs or [first], "rows": rows}
                                                            if first is not None and first <= CAP else {})


def _outcome(engine: str, path: Path, first: float | None, runs: list[float], over: bool) -> dict:
    """Says what a cap cut short; {"<engine>_dropped": True} when not even the warm-up ended in time."""
    if first is None or first > CAP:
        say(f"{engine}: {path.name}: the warm-up took over {CAP:.0f} s; dropped")
        return {f"{engine}_dropped": True}
    if over:
        say(f"{engine}: {path.name}: a run took over {CAP:.0f} s; kept " +
            (f"the {len(runs)} runs before it" if runs else "the warm-up as the one run"))
    return {}


def _parse_union(path: Path) -> Dataset:
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig")
    return ds


def _rdflib_runs(ds: Dataset, path: Path) -> dict:
    """As `_ox_runs`, in this process: rdflib's pure-Python evaluation is stopped by an alarm."""
    run = lambda: rows_of(run_query(ds, path))  # noqa: E731
    first, runs, rows, over = None, [], None, False
    try:
        first, rows = timed(run, CAP)
        for _ in range(further_runs(first)):
            runs.append(timed(run, CAP)[0])
    except QueryTimeout:
        over = True
    return _outcome("rdflib", path, first, runs, over) | ({"rdflib": runs or [first], "rdflib_rows": rows}
                                                          if first is not None else {})


def baseline(trig: Path, clean) -> dict:
    """Whole-graph owlrl over the clean build's asserted graph, compared with the build's inferred graph."""
    say("\nwhole-graph owlrl (kg.reason.reason) over the clean build's asserted graph:")
    seconds, ds = timed(lambda: _parse_plain(trig))
    asserted, built = asserted_and_inferred(ds)
    del ds
    say(f"  clean kg.trig parsed in {seconds:.2f} s; {len(asserted)} asserted triples (ontology included)")
    seconds, (whole, problems) = timed(lambda: reason(asserted))
    whole = set(whole)
    more, fewer = len(whole - built), len(built - whole)
    same_problems = sorted(p.message for p in problems) == sorted(clean.inconsistencies)
    ratio = seconds / clean.stages["reason"]
    say(f"  owlrl {seconds:.2f} s vs the build's reason stage {clean.stages['reason']:.2f} s: x{ratio:.1f}")
    say(f"  identical entailments: {'yes' if not more and not fewer else 'no'} (+{more}/-{fewer}; "
        f"whole graph {len(whole)}, build {len(built)})")
    say(f"  same inconsistencies: {'yes' if same_problems else 'no'} (whole graph {len(problems)}, "
        f"build {len(clean.inconsistencies)})")
    return {"baseline": seconds, "baseline_ratio": ratio, "identical": not more and not fewer,
            "baseline_more": more, "baseline_fewer": fewer}


def _parse_plain(path: Path) -> Dataset:
    ds = Dataset()
    ds.parse(path, format="trig")
    return ds


# ------------------------------------------------------------------ the table

def table(results: list[dict]) -> list[str]:
    head = ["articles", "clean build s", "peak RSS MB", "add one article s", "no change s", "asserted",
            "inferred", "reason stage s", "whole-graph owlrl s", "owlrl / reason", "query p50 max ms (oxigraph)",
            "rdflib/oxigraph min", "rdflib/oxigraph median"]
    lines = ["| " + " | ".join(head) + " |", "|" + "|".join("---:" for _ in head) + "|"]
    for r in results:
        def get(key, fmt="{:.1f}"):
            return fmt.format(r[key]) if r.get(key) is not None else "—"
        queries = r.get("queries") or {}
        slowest = max(queries.items(), key=lambda kv: kv[1].get("ox_p50", float("inf")), default=None)
        if slowest is None:
            query_max = "—"
        elif "ox_p50" in slowest[1]:
            query_max = f"{1000 * slowest[1]['ox_p50']:.1f} ({slowest[0]})"
        else:
            query_max = f"> {CAP:.0f} s ({slowest[0]})"
        ratios = sorted((q["ratio"] for q in queries.values() if q.get("ratio")), key=lambda x: x[1])
        bounds = sum(1 for sign, _ in ratios if sign)
        speed_min = ratios[0][0] + num(ratios[0][1]) if ratios else "—"
        speed_med = num(statistics.median(x for _, x in ratios)) if ratios else "—"
        if bounds:
            speed_med += f" ({bounds} bound{'s' if bounds > 1 else ''})"
        baseline = get("baseline")
        if r.get("identical") is False:
            baseline += f" (+{r['baseline_more']}/-{r['baseline_fewer']})"
        cells = [f"{r['articles']:,}", get("clean"), get("rss", "{:.0f}"), get("add_one", "{:.2f}"),
                 get("no_change", "{:.2f}"), get("asserted", "{:,}"), get("inferred", "{:,}"), get("reason"),
                 baseline, get("baseline_ratio", "x{:.1f}"), query_max,
                 speed_min, speed_med]
        if r.get("failed"):
            cells[0] += " (failed)"
        lines.append("| " + " | ".join(cells) + " |")
    return lines


# ------------------------------------------------------------------ main

def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Time kg builds, incremental builds, queries and reasoning "
                                                 "on synthetic corpora of growing size.")
    parser.add_argument("--sizes", default="100,1000,10000", help="corpus sizes, comma-separated")
    parser.add_argument("--jobs", type=int, default=None, help="build processes (default: all cores)")
    parser.add_argument("--workdir", type=Path, help="folder for the corpora and builds (default: a temp dir)")
    parser.add_argument("--keep", action="store_true", help="keep the corpora and builds")
    parser.add_argument("--baseline-max", type=int, default=1000,
                        help="largest size for whole-graph owlrl (default 1000)")
    parser.add_argument("--rdflib-max", type=int, default=10000,
                        help="largest size for the rdflib query timings (default 10000)")
    parser.add_argument("--seed", type=int, default=0, help="synthetic corpus seed")
    parser.add_argument("--child", type=int, help=argparse.SUPPRESS)      # one size, in a subprocess
    args = parser.parse_args(argv)
    if args.jobs is not None and args.jobs < 1:
        parser.error("--jobs must be 1 or more")
    jobs = args.jobs or os.cpu_count() or 1

    if args.child is not None:
        measure(args.child, args.workdir, jobs, args.seed, args.baseline_max, args.rdflib_max)
        return 0

    try:
        sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    except ValueError:
        parser.error("--sizes takes whole numbers separated by commas, e.g. 100,1000")
    if not sizes or min(sizes) < 1:
        parser.error("--sizes takes numbers of 1 or more")
    made_workdir = args.workdir is None
    workdir = Path(tempfile.mkdtemp(prefix="kg-build-scaling-")) if made_workdir else args.workdir.absolute()
    workdir.mkdir(parents=True, exist_ok=True)
    say(f"kg build scaling: sizes {', '.join(map(str, sizes))}; jobs {jobs} of {os.cpu_count()} cores; "
        f"seed {args.seed}; workdir {workdir}")
    say(f"python {platform.python_version()}, kg {kg.__version__}, rdflib {version('rdflib')}, "
        f"pyoxigraph {version('pyoxigraph')}, owlrl {version('owlrl')}; load average "
        + " ".join(f"{x:.2f}" for x in os.getloadavg()))

    results, folders = [], []
    try:
        for n in sizes:
            folder = workdir / f"size-{n}"
            shutil.rmtree(folder, ignore_errors=True)          # a fresh start for each size
            folder.mkdir(parents=True)
            folders.append(folder)
            command = [sys.executable, "-u", str(Path(__file__).resolve()), "--child", str(n),
                       "--workdir", str(folder), "--jobs", str(jobs), "--seed", str(args.seed),
                       "--baseline-max", str(args.baseline_max), "--rdflib-max", str(args.rdflib_max)]
            started = time.perf_counter()
            code = subprocess.run(command, cwd=ROOT).returncode
            saved = folder / "result.json"
            result = json.loads(saved.read_text(encoding="utf-8")) if saved.exists() else {"articles": n}
            if code != 0:
                result["failed"] = True
                say(f"!!! the run for {n} articles failed (exit status {code}); its figures so far are kept")
            say(f"({n} articles: {time.perf_counter() - started:.0f} s in all)")
            results.append(result)
    finally:
        if not args.keep:
            for folder in folders:
                shutil.rmtree(folder, ignore_errors=True)
            if made_workdir:
                shutil.rmtree(workdir, ignore_errors=True)
    say()
    for line in table(results):
        say(line)
    say("\npeak RSS: main build process, generation and the clean build; ratios measured side by side in "
        "this run. query p50 max: the slowest saved query's median on Oxigraph.")
    if args.keep:
        say(f"kept: {workdir}")
    return 1 if any(r.get("failed") for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
