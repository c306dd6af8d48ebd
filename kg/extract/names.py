"""Keys for comparing names across spellings: transliteration variants fold to one key.

-yev/-ev/-iev ("Abdullayev"/"Abdullaev"), Zh/J ("Zhanibek"/"Janibek"), Kh/H ("Khasanov"/"Hasanov"),
gh/g, y/i share a key; two people share a key only when every part of their names does.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..lexicon import fold

_RULES = [
    (r"[^a-z. \-]", ""), (r"-", " "), (r"dzh", "j"), (r"zh", "j"), (r"kh", "h"), (r"gh", "g"),
    (r"yev\b", "ev"), (r"iev\b", "ev"), (r"yeva\b", "eva"), (r"ieva\b", "eva"), (r"ye", "e"),
    (r"y", "i"), (r"ou", "u"), (r"w", "v"), (r"q", "k"), (r"x", "ks"),
    (r"ph", "f"), (r"(.)\1", r"\1"),
]
_COMPILED = [(re.compile(pattern), replacement) for pattern, replacement in _RULES]


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Memoised: resolution compares every mention of a corpus, and names recur (a pure function
    of its argument, so the memo changes no answer)."""
    key = fold(name)
    for pattern, replacement in _COMPILED:
        key = pattern.sub(replacement, key)
    return " ".join(key.split())


def parts(name: str) -> list[str]:
    return name_key(name).split()


def surname_key(name: str) -> str:
    words = parts(name)
    return words[-1] if words else ""


def is_initial(word: str) -> bool:
    return bool(re.fullmatch(r"(?:[A-Z][a-z]?\.)+", word))


def word_keys(name: str) -> list[str]:
    """The key of each word of a name ("Al-Haddad" stays one word)."""
    return [k for k in (name_key(w) for w in name.split()) if k]


def part_of(mention: str, full: str) -> int:
    """How well a partial mention ("Lee", "Gómez Ortega", "B. Tsetseg", "Omar Al-Haddad")
    refers to a full name of the same article: 0 not at all; 3 by its surname (the last words);
    2 by its first word (a family name written first, or a given name as Vietnamese, Thai and
    Ethiopian usage has it); 1 by another part. Initials must fit words the mention leaves out."""
    words = mention.split()
    initials = [w for w in words if is_initial(w)]
    rest = [name_key(w) for w in words if not is_initial(w)]
    rest = [r for r in rest if r]
    keys = word_keys(full)
    if not rest or not keys or len(rest) >= len(keys) and not initials:
        return 0
    n = len(rest)
    at = next((i for i in range(len(keys) - n + 1) if keys[i:i + n] == rest), None)
    if at is None:
        # first and last words with a middle name left out: "Omar Al-Haddad" of "Omar Salim Al-Haddad"
        if n >= 2 and rest[0] == keys[0] and rest[-1] == keys[-1] and _subsequence(rest, keys):
            return 3
        return 0
    left = keys[:at] + keys[at + n:]
    for initial in initials:
        letters = [c.lower() for c in initial if c.isalpha() and c.isupper()]
        if not all(any(k.startswith(c) for k in left) for c in letters[:1]):
            return 0
    if at + n == len(keys):
        return 3
    if at == 0:
        return 2
    return 1


def _subsequence(short: list[str], long_: list[str]) -> bool:
    it = iter(long_)
    return all(any(x == y for y in it) for x in short)


def same_name(a: str, b: str) -> bool:
    """Two full names of one person across articles: the same words in another order
    ("Sato Kenji", "Kenji Sato"), or one with a middle name the other leaves out."""
    ka, kb = word_keys(a), word_keys(b)
    if len(ka) < 2 or len(kb) < 2:
        return False
    if sorted(ka) == sorted(kb):
        return True
    short, long_ = (ka, kb) if len(ka) < len(kb) else (kb, ka)
    return len(short) < len(long_) and short[0] == long_[0] and short[-1] == long_[-1] and _subsequence(short, long_)


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
