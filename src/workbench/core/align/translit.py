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

# Folding rules for a lower-case Latin spelling (either a transliteration or an
# English word), applied in one left-to-right pass. They erase the distinctions that
# the two spelling systems draw differently: c/k/q/ts, ks/x, ph/f, w/v, y/i, kh/h …
_FOLDS = {
    "shch": "s", "sch": "s", "tion": "kiia",  # revolution ↔ революция
    "ts": "k", "tz": "k", "dg": "dz", "j": "dz", "zh": "z", "kh": "h", "ch": "h", "sh": "s",
    "ph": "f", "th": "t", "ck": "k", "x": "ks", "c": "k", "q": "k", "w": "v", "y": "i",
    "ie": "e", "ee": "i", "ou": "u",
}  # fmt: skip
_FOLD_PATTERN = re.compile("|".join(sorted(_FOLDS, key=len, reverse=True)))
_DOUBLES = re.compile(r"(.)\1+")
_LOWER_TABLE = str.maketrans(_CYRILLIC_TO_LATIN)

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
    latin = word.lower().translate(_LOWER_TABLE)
    latin = _FOLD_PATTERN.sub(lambda match: _FOLDS[match.group()], latin)
    return _DOUBLES.sub(r"\1", latin)


def cognate_key(word: str) -> str | None:
    """The prefix of :func:`fold` that cognates share, or None for short words."""
    folded = fold(word)
    if len(folded) < MIN_KEY_WORD or not folded.isalpha():
        return None
    return folded[:KEY_LENGTH]


_VOWELS = re.compile(r"[aeiou]+")
_CASE_ENDINGS = ("ого", "его", "ому", "ему", "ыми", "ими", "ым", "им", "ом", "ем", "ой", "ей", "ую",
                 "ая", "ы", "а", "у", "е", "я", "ю")  # fmt: skip


def _strip_case_ending(word: str) -> str:
    lower = word.lower()
    for ending in _CASE_ENDINGS:
        if lower.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def name_key(word: str) -> str | None:
    """Vowel-blind key for names: first letter and the next consonants of :func:`fold`.

    Transliterations disagree mostly on vowels (Дэниэл ↔ Daniel, Челси ↔ Chelsea,
    Старридж ↔ Sturridge), so names are also matched on their consonants.
    """
    if _CYRILLIC.search(word):
        word = _strip_case_ending(word)
    folded = fold(word)
    if not folded.isalpha():
        return None
    skeleton = folded[0] + _VOWELS.sub("", folded[1:])
    if len(skeleton) < 3:
        return None
    return skeleton[:4]
