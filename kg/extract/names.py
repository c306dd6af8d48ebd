"""Keys for comparing names across spellings: transliteration variants fold to one key.

-yev/-ev/-iev ("Abdullayev"/"Abdullaev"), Zh/J ("Zhanibek"/"Janibek"), Kh/H ("Khasanov"/"Hasanov"),
gh/g, y/i share a key; two people share a key only when every part of their names does.
"""
from __future__ import annotations

import re

from ..lexicon import fold

_RULES = [
    (r"[^a-z. \-]", ""), (r"-", " "), (r"dzh", "j"), (r"zh", "j"), (r"kh", "h"), (r"gh", "g"),
    (r"yev\b", "ev"), (r"iev\b", "ev"), (r"yeva\b", "eva"), (r"ieva\b", "eva"), (r"ye", "e"),
    (r"y", "i"), (r"ou", "u"), (r"w", "v"), (r"q", "k"), (r"x", "ks"),
    (r"ph", "f"), (r"(.)\1", r"\1"),
]


def name_key(name: str) -> str:
    key = fold(name)
    for pattern, replacement in _RULES:
        key = re.sub(pattern, replacement, key)
    return " ".join(key.split())


def parts(name: str) -> list[str]:
    return name_key(name).split()


def surname_key(name: str) -> str:
    words = parts(name)
    return words[-1] if words else ""


def is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"[A-Z][a-z]?\.", word))


def compatible(short: str, full: str) -> bool:
    """'B. Toktogulov' or 'Toktogulov' may name 'Bakyt Toktogulov'; 'Aibek Toktogulov' may not."""
    a, b = short.split(), full.split()
    if not a or not b or name_key(a[-1]) != name_key(b[-1]):
        return False
    if len(a) == 1:
        return True
    if len(a) != len(b):
        return all(is_initial(w) for w in a[:-1]) and len(a) <= len(b)
    for x, y in zip(a[:-1], b[:-1]):
        if is_initial(x) or is_initial(y):
            if fold(x)[0] != fold(y)[0]:
                return False
        elif name_key(x) != name_key(y):
            return False
    return True
