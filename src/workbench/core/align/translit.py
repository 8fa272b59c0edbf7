"""Russian → Latin transliteration and a spelling-tolerant key shared by both languages.

The key lets a Russian word and its English counterpart meet when one is a
transliteration or a cognate of the other (Бухарин ↔ Bukharin, Политбюро ↔
Politburo, революции ↔ revolution, вакцинация ↔ vaccination): both sides are
folded into a coarse phonetic spelling and cut to a short prefix.
"""

from __future__ import annotations

import re

_CYRILLIC_TO_LATIN = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "і": "i", "ї": "i", "є": "e", "ґ": "g",
}  # fmt: skip

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")

# Folding rules applied in order to a lower-case Latin spelling (either a
# transliteration or an English word). They erase the distinctions that the two
# spelling systems draw differently: c/k/q/ts, ks/x, ph/f, w/v, y/j/i, kh/h …
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), replacement)
    for pattern, replacement in (
        (r"shch", "s"),
        (r"sch", "s"),
        (r"tion", "kiia"),  # revolution ↔ революция (ts → k below)
        (r"ts", "k"),
        (r"tz", "k"),
        (r"zh", "z"),
        (r"kh", "h"),
        (r"ch", "h"),
        (r"sh", "s"),
        (r"ph", "f"),
        (r"th", "t"),
        (r"ck", "k"),
        (r"x", "ks"),
        (r"[cq]", "k"),
        (r"w", "v"),
        (r"[yj]", "i"),
        (r"ie", "e"),
        (r"ee", "i"),
        (r"ou", "u"),
        (r"(.)\1+", r"\1"),
    )
)

KEY_LENGTH = 5
MIN_KEY_WORD = 5


def transliterate(text: str) -> str:
    """Latin spelling of a Russian text (a simple, reversible-enough scheme)."""
    out: list[str] = []
    for char in text:
        lower = char.lower()
        latin = _CYRILLIC_TO_LATIN.get(lower)
        if latin is None:
            out.append(char)
        elif char != lower and latin:
            out.append(latin[0].upper() + latin[1:])
        else:
            out.append(latin)
    return "".join(out)


def fold(word: str) -> str:
    """A coarse phonetic spelling: the same for a name and its transliteration."""
    latin = transliterate(word.lower()) if _CYRILLIC.search(word) else word.lower()
    for pattern, replacement in _FOLDS:
        latin = pattern.sub(replacement, latin)
    return latin


def cognate_key(word: str) -> str | None:
    """The prefix of :func:`fold` that cognates share, or None for short words."""
    folded = fold(word)
    if len(folded) < MIN_KEY_WORD or not folded.isalpha():
        return None
    return folded[:KEY_LENGTH]
