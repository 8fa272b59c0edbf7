"""Numbers and dates: every number written in figures (or Roman numerals) on one
side must appear on the other, in figures, Roman numerals or words; month names
must agree (11 июля ↔ July 11, ч. II ↔ part II, 308-309 ↔ 308–309,
двадцать дней ↔ 20 days).

Numbers spelled out in words are used only to accept a figure on the other side,
never demanded themselves: *один*, *one* and *first* are too often not numbers.
A lone Roman numeral letter (I, V, X, L) counts only after a word such as
*ч.*, *т.*, *part*, *vol.*, *chapter*, so the English pronoun *I* is not a number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.model import Finding, Severity
from workbench.core.morphology import russian_morphology
from workbench.core.qa.context import QAContext

__all__ = ["NumberFacts", "check_number_mismatch", "english_numbers", "russian_numbers"]

CHECK_ID = "number-mismatch"

_RU_FIGURES = re.compile(r"(?<![\w.,])\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d])|\d+(?:,\d+)?")
_EN_FIGURES = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?")
_ROMAN = re.compile(r"(?<![^\W\d_])(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})(?![^\W\d_])")
_RU_ROMAN_CONTEXT = re.compile(
    r"(?:\b(?:ч|т|гл|кн|вып|разд|п|ст)\.|\b(?:часть|части|том|тома|глава|главы|книга|раздел))\s*$",
    re.IGNORECASE,
)
_EN_ROMAN_CONTEXT = re.compile(
    r"\b(?:part|parts|vol|vols|volume|volumes|chapter|ch|book|section|no|pt|article|art)\.?\s*$",
    re.IGNORECASE,
)
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
_WORD = re.compile(r"[^\W\d_]+")

_EN_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_EN_ORDINALS = [
    "zeroth",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fourteenth",
    "fifteenth",
    "sixteenth",
    "seventeenth",
    "eighteenth",
    "nineteenth",
]
_EN_TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_EN_WORDS: dict[str, int] = {}
for _value, _word in enumerate(_EN_UNITS):
    _EN_WORDS[_word] = _value
for _value, _word in enumerate(_EN_ORDINALS):
    _EN_WORDS[_word] = _value
for _word, _value in _EN_TENS.items():
    _EN_WORDS[_word] = _value
    _EN_WORDS[_word[:-1] + "ieth"] = _value
    _EN_WORDS[_word[:-1] + "ies"] = _value
_EN_WORDS.update(
    {
        "firstly": 1,
        "secondly": 2,
        "thirdly": 3,
        "hundred": 100,
        "hundredth": 100,
        "thousand": 1000,
        "thousandth": 1000,
        "dozen": 12,
        "once": 1,
        "twice": 2,
    }
)

_RU_WORDS = {
    "один": 1,
    "первый": 1,
    "два": 2,
    "второй": 2,
    "оба": 2,
    "три": 3,
    "третий": 3,
    "четыре": 4,
    "четвертый": 4,
    "пять": 5,
    "пятый": 5,
    "шесть": 6,
    "шестой": 6,
    "семь": 7,
    "седьмой": 7,
    "восемь": 8,
    "восьмой": 8,
    "девять": 9,
    "девятый": 9,
    "десять": 10,
    "десятый": 10,
    "одиннадцать": 11,
    "одиннадцатый": 11,
    "двенадцать": 12,
    "двенадцатый": 12,
    "тринадцать": 13,
    "тринадцатый": 13,
    "четырнадцать": 14,
    "четырнадцатый": 14,
    "пятнадцать": 15,
    "пятнадцатый": 15,
    "шестнадцать": 16,
    "шестнадцатый": 16,
    "семнадцать": 17,
    "семнадцатый": 17,
    "восемнадцать": 18,
    "восемнадцатый": 18,
    "девятнадцать": 19,
    "девятнадцатый": 19,
    "двадцать": 20,
    "двадцатый": 20,
    "тридцать": 30,
    "тридцатый": 30,
    "сорок": 40,
    "сороковой": 40,
    "пятьдесят": 50,
    "пятидесятый": 50,
    "шестьдесят": 60,
    "семьдесят": 70,
    "восемьдесят": 80,
    "девяносто": 90,
    "сто": 100,
    "сотый": 100,
    "тысяча": 1000,
    "тысячный": 1000,
    "дважды": 2,
    "трижды": 3,
    "однажды": 1,
    "пара": 2,
    "дюжина": 12,
    "двое": 2,
    "трое": 3,
    "четверо": 4,
    "пятеро": 5,
}
_TENS_VALUES = frozenset(range(20, 100, 10))

_RU_MONTHS = {
    "январь": 1,
    "февраль": 2,
    "март": 3,
    "апрель": 4,
    "май": 5,
    "июнь": 6,
    "июль": 7,
    "август": 8,
    "сентябрь": 9,
    "октябрь": 10,
    "ноябрь": 11,
    "декабрь": 12,
}
_EN_MONTHS = {
    "January": 1,
    "February": 2,
    "March": 3,
    "April": 4,
    "May": 5,
    "June": 6,
    "July": 7,
    "August": 8,
    "September": 9,
    "October": 10,
    "November": 11,
    "December": 12,
}
_EN_MONTHS_NEED_NUMBER = frozenset(("May", "March"))


@dataclass(slots=True)
class NumberFacts:
    """Numbers a text states: ``required`` in figures, ``available`` in any form."""

    required: set[str] = field(default_factory=set)
    available: set[str] = field(default_factory=set)
    months: set[int] = field(default_factory=set)

    def add_figure(self, value: str) -> None:
        self.required.add(value)
        self.available.add(value)


def _roman_value(numeral: str) -> int:
    total = 0
    for i, ch in enumerate(numeral):
        value = _ROMAN_VALUES[ch]
        following = _ROMAN_VALUES[numeral[i + 1]] if i + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total


def _add_romans(text: str, facts: NumberFacts, context: re.Pattern[str]) -> None:
    for m in _ROMAN.finditer(text):
        numeral = m.group()
        if not numeral:
            continue
        if len(numeral) == 1 and not context.search(text[: m.start()]):
            continue
        facts.add_figure(str(_roman_value(numeral)))


def _canonical(figure: str, group_separators: str, decimal_mark: str) -> str:
    digits = "".join(ch for ch in figure if ch not in group_separators)
    if decimal_mark in digits:
        whole, _, fraction = digits.partition(decimal_mark)
        fraction = fraction.rstrip("0")
        digits = f"{int(whole)}.{fraction}" if fraction else str(int(whole))
    else:
        digits = str(int(digits))
    return digits


def _add_spelled(values: list[int], facts: NumberFacts) -> None:
    """Spelled-out numbers (and compounds like *twenty-five*) as available values."""
    for i, value in enumerate(values):
        facts.available.add(str(value))
        if value in _TENS_VALUES and i + 1 < len(values) and 0 < values[i + 1] < 10:
            facts.available.add(str(value + values[i + 1]))


def russian_numbers(text: str) -> NumberFacts:
    """Numbers and months in a Russian text."""
    facts = NumberFacts()
    for m in _RU_FIGURES.finditer(text):
        facts.add_figure(_canonical(m.group(), " \u00a0\u202f", ","))
    _add_romans(text, facts, _RU_ROMAN_CONTEXT)
    morphology = russian_morphology()
    spelled: list[int] = []
    for m in _WORD.finditer(text):
        lemmas = morphology.lemmas(m.group())
        for lemma in lemmas:
            if lemma in _RU_MONTHS:
                facts.months.add(_RU_MONTHS[lemma])
        values = [_RU_WORDS[lemma] for lemma in lemmas if lemma in _RU_WORDS]
        if values:
            spelled.append(values[0])
    _add_spelled(spelled, facts)
    return facts


def english_numbers(text: str) -> NumberFacts:
    """Numbers and months in an English text (ordinals like *11th* included)."""
    facts = NumberFacts()
    for m in _EN_FIGURES.finditer(text):
        facts.add_figure(_canonical(m.group(), ",", "."))
    _add_romans(text, facts, _EN_ROMAN_CONTEXT)
    spelled: list[int] = []
    for m in _WORD.finditer(text):
        word = m.group()
        value = _EN_WORDS.get(word.lower())
        if value is not None:
            spelled.append(value)
        month = _EN_MONTHS.get(word)
        if month is not None and (word not in _EN_MONTHS_NEED_NUMBER or _next_to_figure(text, m)):
            facts.months.add(month)
    _add_spelled(spelled, facts)
    return facts


def _next_to_figure(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 6) : m.start()]
    after = text[m.end() : m.end() + 6]
    return bool(re.search(r"\d[\s,]*$", before) or re.match(r"[\s,]*\d", after))


_MONTH_NAMES = {v: k for k, v in _EN_MONTHS.items()}


def _describe(values: set[str]) -> str:
    return ", ".join(sorted(values, key=lambda v: (len(v), v)))


def check_number_mismatch(ctx: QAContext) -> list[Finding]:
    """Figures and months that appear on one side of a link but not the other."""
    findings = []
    for pair in ctx.pairs:
        if not pair.source or not pair.target.strip():
            continue
        source = russian_numbers(pair.source)
        target = english_numbers(pair.target)
        problems = []
        missing = source.required - target.available
        extra = target.required - source.available
        if missing:
            problems.append(f"{_describe(missing)} in the source but not in the translation")
        if extra:
            problems.append(f"{_describe(extra)} in the translation but not in the source")
        month_missing = source.months - target.months
        month_extra = target.months - source.months
        if month_missing:
            names = ", ".join(_MONTH_NAMES[m] for m in sorted(month_missing))
            problems.append(f"month {names} in the source but not in the translation")
        if month_extra:
            names = ", ".join(_MONTH_NAMES[m] for m in sorted(month_extra))
            problems.append(f"month {names} in the translation but not in the source")
        if problems:
            findings.append(pair.finding(CHECK_ID, Severity.ERROR, "; ".join(problems)))
    return findings
