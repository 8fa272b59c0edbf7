"""What each sentence offers the aligner besides its length.

* anchor keys: numbers (Arabic and Roman), month names, spelling-tolerant
  cognate keys of words (names, internationalisms, Latin words inside Russian
  text) and glossary terms; a Russian and an English sentence that translate
  each other share many of them;
* punctuation counts that survive translation (? ! : ; quotation marks,
  parentheses) and the number of sentences a line holds (a line that joins
  two sentences usually faces two lines on the other side).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from workbench.core.align.lexicon import lexicon_keys
from workbench.core.align.translit import cognate_key, name_key
from workbench.core.model import GlossaryEntry

_WORD = re.compile(r"[^\W\d_]+|\d+", re.UNICODE)
_ROMAN = re.compile(r"^(?=[MDCLXVI])M{0,3}(C[MD]|D?C{0,3})(X[CL]|L?X{0,3})(I[XV]|V?I{0,3})$")
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}

_MONTHS_RU = (
    "январ", "феврал", "март", "апрел", "ма", "июн", "июл", "август", "сентябр", "октябр",
    "ноябр", "декабр",
)  # fmt: skip
_MONTHS_RU_FORMS = {
    **{f"{stem}{end}": k + 1 for k, stem in enumerate(_MONTHS_RU) for end in ("ь", "я", "е", "ю")},
    "март": 3, "марта": 3, "марте": 3, "май": 5, "мая": 5, "мае": 5,
    "август": 8, "августа": 8, "августе": 8,
}  # fmt: skip
_MONTHS_EN = {
    name: k + 1
    for k, names in enumerate(
        (("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",),
         ("june", "jun"), ("july", "jul"), ("august", "aug"), ("september", "sep", "sept"),
         ("october", "oct"), ("november", "nov"), ("december", "dec"))
    )
    for name in names
}  # fmt: skip

# Punctuation that translators keep: counted per sentence, compared per link.
PUNCTUATION_CLASSES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("question", re.compile(r"\?")),
    ("exclamation", re.compile(r"!")),
    ("colon", re.compile(r":(?!\d)")),
    ("semicolon", re.compile(r";")),
    ("quote", re.compile(r"[«»„“”\"‘]|(?<!\w)['’]|['’](?!\w)")),
    ("parenthesis", re.compile(r"[()\[\]]")),
    ("dash", re.compile(r"\s[—–-]\s")),
)
_CLOCK = re.compile(r"\b([012]?\d)[:.][0-5]\d\b")
_SENTENCE_BREAK = re.compile(r"(\w*)([.!?…]+)[\"»”’)]*\s+[\"«„“(—–-]*\s*[A-ZА-ЯЁ0-9]")
# Words that end in a full stop without ending a sentence.
_ABBREVIATION_LIST = """англ нем франц лат греч букв см ср напр т д г гг в вв стр им тыс млн млрд
руб коп ул св проф акад ген тов etc vs approx fig no nos p pp vol ed eds cf al"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())


@dataclass(frozen=True, slots=True)
class SideFeatures:
    """Features of one side's sentences, as arrays aligned with the sentence list."""

    chars: npt.NDArray[np.float64]  # length in characters
    sentences: npt.NDArray[np.float64]  # how many sentences the line holds (≥ 1)
    punctuation: npt.NDArray[np.float64]  # shape (n, len(PUNCTUATION_CLASSES))
    keys: list[list[str]]  # anchor keys (a key appears once per sentence)


def _sentence_count(text: str) -> int:
    """How many sentences a line holds, not counting stops after abbreviations and initials."""
    count = 1
    for match in _SENTENCE_BREAK.finditer(text):
        word, stop = match.group(1), match.group(2)
        abbreviation = word.lower() in _ABBREVIATIONS or (word[:1].isupper() and len(word) <= 4)
        if stop == "." and word and not word.isdigit() and abbreviation:
            continue
        count += 1
    return count


def _roman_value(token: str) -> int | None:
    if not _ROMAN.match(token):
        return None
    total = 0
    for char, following in zip(token, [*token[1:], ""], strict=True):
        value = _ROMAN_VALUES[char]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def _token_keys(token: str, lang: str, first: bool) -> list[str]:
    if token.isdigit() and len(token) > 1 and not token.strip("0"):
        return []  # the minutes of "15:00", the zeros of "1 000"
    if token.isdigit():
        return [f"n:{int(token)}"] if len(token) <= 9 else [f"n:{token}"]
    if token.isupper() and (len(token) > 1 or lang == "ru"):
        value = _roman_value(token)
        if value is not None:
            return [f"n:{value}"]
    lower = token.lower()
    if lang == "ru":
        month = _MONTHS_RU_FORMS.get(lower)
        if month is not None:
            return [f"m:{month}"]
    else:
        month = _MONTHS_EN.get(lower)
        if month is not None and (lower != "may" or (token[0].isupper() and not first)):
            return [f"m:{month}"]
    keys = [key if key.startswith("n:") else f"l:{key}" for key in lexicon_keys(lower, lang)]
    cognate = cognate_key(token)
    if cognate is not None:
        keys.append(f"w:{cognate}")
    if token[0].isupper():
        skeleton = name_key(token)
        if skeleton is not None:
            keys.append(f"c:{skeleton}")
    return keys


def _russian_stem(word: str) -> str:
    for ending in _RU_ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


def _english_stem(word: str) -> str:
    for ending in ("ing", "ies", "es", "ed", "s", "e", "y"):
        if word.endswith(ending) and len(word) - len(ending) >= 3:
            return word[: -len(ending)]
    return word


_RU_ENDING_LIST = "ами ями ого его ому ему ыми ими ых их ой ей ий ый ая яя ое ее ую юю ом ем ам ям \
ах ях ов ев ию ия ие ья ье ью ы и а я о е у ю ь"
_RU_ENDINGS = tuple(sorted(_RU_ENDING_LIST.split(), key=len, reverse=True))


class GlossaryMatcher:
    """Finds glossary terms in sentences by word stems (a cheap stand-in for lemmas)."""

    def __init__(self, glossary: Sequence[GlossaryEntry]) -> None:
        self._source_terms: list[tuple[int, tuple[str, ...]]] = []
        self._target_terms: list[tuple[int, tuple[str, ...]]] = []
        for index, entry in enumerate(glossary):
            stems = tuple(_russian_stem(w) for w in _words(entry.source))
            if stems:
                self._source_terms.append((index, stems))
            for target in entry.targets:
                stems = tuple(_english_stem(w) for w in _words(target))
                if stems:
                    self._target_terms.append((index, stems))

    def __bool__(self) -> bool:
        return bool(self._source_terms)

    def keys(self, words: Sequence[str], lang: str) -> list[str]:
        terms = self._source_terms if lang == "ru" else self._target_terms
        found: set[int] = set()
        for index, stems in terms:
            if index in found:
                continue
            if all(any(word.startswith(stem) for word in words) for stem in stems):
                found.add(index)
        return [f"g:{index}" for index in sorted(found)]


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text) if not w.isdigit()]


def extract_features(
    sentences: Sequence[str], lang: str, glossary: GlossaryMatcher | None = None
) -> SideFeatures:
    """Features of every sentence of one side (``lang`` "ru" or anything else for English)."""
    side = "ru" if lang == "ru" else "en"
    n = len(sentences)
    chars = np.fromiter((len(s.strip()) for s in sentences), dtype=np.float64, count=n)
    breaks = np.fromiter((_sentence_count(s) for s in sentences), dtype=np.float64, count=n)
    punctuation = np.zeros((n, len(PUNCTUATION_CLASSES)), dtype=np.float64)
    keys: list[list[str]] = []
    cache: dict[tuple[str, bool], list[str]] = {}
    for i, sentence in enumerate(sentences):
        for c, (_, pattern) in enumerate(PUNCTUATION_CLASSES):
            punctuation[i, c] = len(pattern.findall(sentence))
        sentence_keys: dict[str, None] = {}
        tokens = _WORD.findall(sentence)
        if tokens == ["I"]:  # a chapter number standing alone, not the pronoun
            sentence_keys["n:1"] = None
        for hour in _CLOCK.findall(sentence):  # 15:00 ↔ 3 p.m.
            if 12 < int(hour) < 24:
                sentence_keys[f"n:{int(hour) - 12}"] = None
        for t, token in enumerate(tokens):
            first = t == 0
            cached = cache.get((token, first))
            if cached is None:
                cached = _token_keys(token, side, first)
                cache[(token, first)] = cached
            for key in cached:
                sentence_keys[key] = None
        if glossary:
            for key in glossary.keys([w.lower() for w in tokens], side):
                sentence_keys[key] = None
        keys.append(list(sentence_keys))
    return SideFeatures(chars=chars, sentences=breaks, punctuation=punctuation, keys=keys)
