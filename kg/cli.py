"""The `kg` command: each subcommand parses its options, calls one function of the library and
maps errors to exit codes (0 ok, 1 the data does not validate, 2 usage or input error,
3 a remote triplestore failed).
"""
from __future__ import annotations

import argparse
import sys
import traceback
from pathlib import Path

from . import api
from rdflib import Literal, URIRef

from .errors import InputError, KgError


def _build(args) -> int:
    from .progress import Progress

    summary = api.build(args.input, args.output, lexicon_dir=args.lexicon, warn=_warn, jobs=args.jobs,
                        rebuild=args.rebuild, progress=Progress("quiet" if args.quiet else "auto"))
    print("\n".join(summary.lines()))
    return 0


def _explain(args) -> int:
    sys.stdout.write(api.explain(args.articles, args.lexicon))
    return 0


def _query(args) -> int:
    bindings = {}
    for item in args.bind:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise InputError(f"--bind {item!r}: write it as VAR=VALUE")
        bindings[name.lstrip("?")] = URIRef(value) if value.startswith(("http://", "https://", "urn:")) else Literal(value)
    sys.stdout.write(api.query(args.file, args.kg, fmt=args.format, bindings=bindings, endpoint=args.endpoint,
                               allow_remote=args.allow_remote))
    return 0


def _export(args) -> int:
    result = api.export(args.kg, args.format, args.graphs, args.output)
    if args.output:
        print(f"{result.format}: {result.graphs} graphs, {result.triples} {'quads' if result.format in ('nq', 'trig', 'jsonld') else 'triples'} -> {result.path}")
    return 0


def _push(args) -> int:
    mode = "append" if args.append else "replace"
    result = api.push(args.kg, args.endpoint, args.graph_base, mode, args.graphs, log=_warn)
    print(f"pushed {result.triples} triples in {result.graphs} graphs to {result.endpoint} ({mode}) "
          f"in {result.seconds:.1f} s, {result.rate:,.0f} triples/s")
    print(f"verified on the server: {sum(result.remote_counts.values())} triples in {len(result.remote_counts)} graphs")
    return 0


def _validate(args) -> int:
    problems = api.validate(args.kg)
    errors = [p for p in problems if p.severity == "error"]
    for problem in problems:
        print(problem.line())
    print(f"{len(errors)} errors, {len(problems) - len(errors)} warnings")
    return 1 if errors else 0


def _viz(args) -> int:
    result = api.visualise(args.kg, args.output, view=args.view, focus=args.focus, since=args.since,
                           until=args.until, hops=args.hops)
    layout = "physics, then frozen" if result.physics else "precomputed layout"
    print(f"{result.view} view: {result.nodes} nodes, {result.edges} edges ({layout}) -> {result.path}")
    if args.screenshot:
        from .browser import open_page

        report = open_page(result.path, screenshot=args.screenshot)
        print(f"screenshot: {args.screenshot} (stable after {report.stable_seconds:.2f} s in Chromium)")
    return 0


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of processes (1 or more)")
    return value


def _warn(message: str) -> None:
    print(message, file=sys.stderr)


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="kg", description="A knowledge graph of diplomatic relations from news articles.")
    top.add_argument("--debug", action="store_true", help="show tracebacks")
    sub = top.add_subparsers(dest="command", required=True)
    kg_dir = argparse.ArgumentParser(add_help=False)
    kg_dir.add_argument("--kg", type=Path, default=Path("build"), help="folder of a built graph (default: build)")

    p = sub.add_parser("build", help="build the graph from a folder of articles")
    p.add_argument("--input", type=Path, default=Path("data/articles"), help="folder of .txt articles")
    p.add_argument("--output", type=Path, default=Path("build"), help="folder to write the graph to")
    p.add_argument("--lexicon", type=Path, default=None, help="folder with lexicon.toml (default: data/lexicon)")
    p.add_argument("--jobs", type=_positive, default=None, help="processes for extraction and reasoning (default: all cores)")
    p.add_argument("--rebuild", action="store_true", help="ignore the cache of the previous build and redo everything")
    p.add_argument("--quiet", action="store_true", help="no progress bar or stage lines")
    p.set_defaults(run=_build)

    p = sub.add_parser("explain", help="show what was read in an article, the sentence and rule behind each fact")
    p.add_argument("articles", type=Path, nargs="+", metavar="ARTICLE.txt", help="one or more article files")
    p.add_argument("--lexicon", type=Path, default=None, help="folder with lexicon.toml (default: data/lexicon)")
    p.set_defaults(run=_explain)

    p = sub.add_parser("query", parents=[kg_dir], help="run a saved SPARQL query")
    p.add_argument("file", type=Path, help="a .rq file")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--bind", action="append", default=[], metavar="VAR=VALUE",
                   help="bind a query variable to an IRI (http...) or a string; repeatable")
    p.add_argument("--endpoint", help="run against this SPARQL endpoint instead of a local build")
    p.add_argument("--allow-remote", action="store_true", help="let SERVICE clauses fetch other endpoints")
    p.set_defaults(run=_query)

    p = sub.add_parser("validate", parents=[kg_dir], help="check the graph against the shapes and checks")
    p.set_defaults(run=_validate)

    p = sub.add_parser("export", parents=[kg_dir], help="write the graph in a standard RDF format")
    p.add_argument("--format", choices=("ttl", "nt", "nq", "trig", "jsonld"), required=True)
    p.add_argument("--graphs", help="comma-separated groups: asserted,inferred,ontology (default all)")
    p.add_argument("--output", type=Path, help="file to write (default: standard output)")
    p.set_defaults(run=_export)

    p = sub.add_parser("push", parents=[kg_dir], help="upload the graph to a triplestore (Graph Store Protocol)")
    p.add_argument("--endpoint", required=True,
                   help="Oxigraph http://host:7878, Fuseki http://host:3030/DATASET, GraphDB http://host:7200/repositories/REPO")
    p.add_argument("--graph-base", help="IRI the remote graph names start with (default: the local graph IRIs)")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--replace", action="store_true", help="replace the remote graphs atomically (default)")
    mode.add_argument("--append", action="store_true", help="add to the remote graphs")
    p.add_argument("--graphs", help="comma-separated groups: asserted,inferred,ontology (default all)")
    p.set_defaults(run=_push)

    p = sub.add_parser("viz", parents=[kg_dir], help="draw the network as a self-contained HTML page")
    p.add_argument("--output", type=Path, default=Path("build/network.html"), help="the HTML file to write")
    p.add_argument("--view", choices=("states", "people", "full"), default="states")
    p.add_argument("--focus", help="draw only the neighbourhood of this entity (a name or an IRI)")
    p.add_argument("--hops", type=int, default=2, help="how far --focus reaches (default 2)")
    p.add_argument("--since", help="only meetings and documents on or after this date (YYYY[-MM[-DD]])")
    p.add_argument("--until", help="only meetings and documents on or before this date")
    p.add_argument("--screenshot", type=Path, help="also open the page in headless Chromium and save a PNG")
    p.set_defaults(run=_viz)
    return top


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    try:
        return args.run(args)
    except KgError as exc:
        if args.debug:
            traceback.print_exc()
        print(f"kg: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # an unexpected failure: one line unless --debug
        if args.debug:
            raise
        print(f"kg: internal error: {exc.__class__.__name__}: {exc} (run with --debug for details)", file=sys.stderr)
        return 4


if __name__ == "__main__":
    sys.exit(main())
