"""The `kg` command: each subcommand parses its options, calls one function of the library and
maps errors to exit codes (0 ok, 1 the data does not validate, 2 usage or input error).
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
    summary = api.build(args.input, args.output, lexicon_dir=args.lexicon, warn=_warn)
    print("\n".join(summary.lines()))
    return 0


def _query(args) -> int:
    bindings = {}
    for item in args.bind:
        name, sep, value = item.partition("=")
        if not sep or not name:
            raise InputError(f"--bind {item!r}: write it as VAR=VALUE")
        bindings[name.lstrip("?")] = URIRef(value) if value.startswith(("http://", "https://", "urn:")) else Literal(value)
    sys.stdout.write(api.query(args.file, args.kg, fmt=args.format, bindings=bindings))
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
    p.set_defaults(run=_build)

    p = sub.add_parser("query", parents=[kg_dir], help="run a saved SPARQL query")
    p.add_argument("file", type=Path, help="a .rq file")
    p.add_argument("--format", choices=("table", "csv", "json"), default="table")
    p.add_argument("--bind", action="append", default=[], metavar="VAR=VALUE",
                   help="bind a query variable to an IRI (http...) or a string; repeatable")
    p.set_defaults(run=_query)

    p = sub.add_parser("validate", parents=[kg_dir], help="check the graph against the shapes and checks")
    p.set_defaults(run=_validate)

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
        return 3


if __name__ == "__main__":
    sys.exit(main())
