"""Regenerate ../lexicon/regions.tsv from the ISO 3166-2 data that the pycountry package ships
(pip install pycountry; it is needed only to regenerate, not to run kg)."""
import json
import re
import sys
from pathlib import Path

import pycountry

TYPE_WORDS = r"\b(?:oblast|oblysy|voblasts'|voblasts|region|province|provincia|prefecture|county|state|estado|departamento|department|governorate|velayat|viloyati|wilaya|muhafazah|kraj|krai|rayon|district|canton|kanton|sheng|shi|zizhiqu|ken|to|fu|do)\b"


def main(out: Path) -> None:
    alpha3 = {c.alpha_2: c.alpha_3 for c in pycountry.countries}
    rows = []
    for sub in pycountry.subdivisions:
        if getattr(sub, "parent_code", None):
            continue                       # first-level subdivisions only
        state = alpha3.get(sub.country_code)
        if not state:
            continue
        names = [sub.name]
        short = re.sub(TYPE_WORDS, "", sub.name, flags=re.I).strip(" ,-'")
        if short and short != sub.name and len(short) > 3:
            names.append(short)
        rows.append((names[0], state, sub.type, "|".join(names[1:])))
    header = Path(out).read_text(encoding="utf-8").split("name\tstate")[0] if Path(out).exists() else ""
    with open(out, "w", encoding="utf-8") as handle:
        handle.write(header + "name\tstate\ttype\taliases\n")
        for name, state, kind, aliases in sorted(set(rows)):
            handle.write(f"{name}\t{state}\t{kind}\t{aliases}\n")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "lexicon" / "regions.tsv")
