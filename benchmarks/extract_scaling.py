"""Is extraction linear in an article's length? Times kg.extract_article on articles of 1 KB to
1 MB made by concatenating paragraphs of the development articles with every person's name made
unique per copy (so the number of people grows with the text, the hard case for resolution),
and prints seconds per KB as a ratio to the 1 KB baseline measured in the same run.

Run:  .venv/bin/python benchmarks/extract_scaling.py [--max-kb 1024]
A ratio that stays near 1 means linear time; quadratic behaviour shows as a ratio that grows
with the size (x10 per step of x10).
"""
from __future__ import annotations

import argparse
import re
import time
from pathlib import Path

from kg import extract_article, load_lexicon
from kg.article import parse_article

ROOT = Path(__file__).resolve().parent.parent
SYLLABLES = ["ka", "ro", "mi", "tu", "sel", "dar", "bek", "nur", "zan", "lio", "pra", "vo"]


def fake_name(i: int) -> str:
    a = SYLLABLES[i % 12] + SYLLABLES[(i // 12) % 12] + SYLLABLES[(i // 144) % 12]
    return a.capitalize()


def make_article(paragraphs: list[str], size: int) -> str:
    out, total, copy = [" date 2024-05-10", ""], 0, 0
    while total < size:
        for paragraph in paragraphs:
            # give each copy's people new surnames: "Bayramov" -> "Bayramov" + a made-up suffix
            text = re.sub(r"\b([A-Z][a-z]+(?:ov|ev|yev|iev|li|zade|zoda|in))\b", lambda m: m.group(1) + fake_name(copy), paragraph)
            out.append(text)
            out.append("")
            total += len(text) + 2
            if total >= size:
                break
        copy += 1
    return "\n".join(out)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--max-kb", type=int, default=1024)
    args = parser.parse_args()
    lexicon = load_lexicon(ROOT / "data" / "lexicon")
    paragraphs = []
    for path in sorted((ROOT / "tests" / "corpus" / "dev").glob("*.txt")) + sorted((ROOT / "data" / "articles").glob("*.txt")):
        paragraphs += [p.strip() for p in path.read_text(encoding="utf-8").split("\n\n")[1:] if len(p.strip()) > 80]
    sizes = [kb for kb in (1, 10, 100, 1024) if kb <= args.max_kb]
    baseline = None
    print(f"{'size':>8} {'seconds':>9} {'s/KB':>9} {'ratio':>7} {'people':>7} {'meetings':>9}")
    for kb in sizes:
        text = make_article(paragraphs, kb * 1024)
        article = parse_article(text, f"bench{kb}")
        started = time.perf_counter()
        facts = extract_article(article, lexicon)
        seconds = time.perf_counter() - started
        per_kb = seconds / (len(text) / 1024)
        baseline = baseline or per_kb
        print(f"{kb:>6}KB {seconds:>9.3f} {per_kb:>9.5f} {per_kb / baseline:>7.2f} {len(facts.people):>7} {len(facts.meetings):>9}")


if __name__ == "__main__":
    main()
