"""Numbers and dates: every number written in figures (or Roman numerals) on one
side must appear on the other, in figures, Roman numerals or words; month names
must agree (11 июля ↔ July 11, ч. II ↔ part II, 308-309 ↔ 308–309,
двадцать дней ↔ 20 days, 3 тыс. ↔ 3,000, 15:00 ↔ 3 p.m., 30-е годы ↔ the 1930s,
1928–1929 гг. ↔ 1928–29, 1/3 ↔ a third).

Numbers spelled out in words are used only to accept a figure on the other side,
never demanded themselves: *один*, *one* and *first* are too often not numbers.
A lone Roman numeral letter (I, V, X, L) counts only after a word such as
*ч.*, *т.*, *part*, *vol.*, *chapter*, so the English pronoun *I* is not a number.
Likewise *May* and *March* are months only next to a figure or after a word such
as *in*, *of*, *since*; month adjectives (*июньский*, *Октябрьская*) accept the
month on the other side without demanding it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.model import Finding, Severity
from workbench.core.morphology import russian_morphology
from workbench.core.qa.context import QAContext
from workbench.core.qa.untranslated import still_russian

__all__ = [
    "NumberFacts",
    "NumberItem",
    "check_number_mismatch",
    "english_numbers",
    "russian_numbers",
]

CHECK_ID = "number-mismatch"


def _words(text: str) -> list[str]:
    return text.split()


_RU_GROUPED = (
    r"(?<![\w.,])(?<!\d )(?<!\d\u00a0)\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?!\d)(?![ \u00a0]\d)"
)
_RU_FIGURE = re.compile(_RU_GROUPED + r"|\d+(?:,\d+)?")
_GROUPED_DIGITS = re.compile(r"\d{1,4}(?:[ \u00a0\u202f]\d{3})+(?!\d)")
_EN_FIGURE = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d])|\d+(?:\.\d+)?")
_RU_TIME = re.compile(r"(?<![\d:.,])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])")
_EN_TIME = re.compile(
    r"(?<![\d:.,])(1[0-2]|0?\d|1\d|2[0-3])(?:[:.]([0-5]\d))?\s*([ap])\.?\s?m\b\.?"
    r"|(?<![\d:.,])([01]?\d|2[0-3]):([0-5]\d)(?![\d:])",
    re.IGNORECASE,
)
_RU_MULTIPLIER = re.compile(
    r"\s*(?:(тыс)\w*|(млн|миллион)\w*|(млрд|миллиард)\w*)", re.IGNORECASE
)
_EN_MULTIPLIER = re.compile(r"[\s-]*(?:(thousand)|(million|mn|m\b)|(billion|bn))", re.IGNORECASE)
_EN_DECADE = re.compile(r"(?:'|’)?s\b")
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

_EN_WORDS: dict[str, int] = {}
for _value, _word in enumerate(
    _words(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen"
    )
):
    _EN_WORDS[_word] = _value
for _value, _word in enumerate(
    _words(
        "zeroth first second third fourth fifth sixth seventh eighth ninth tenth eleventh "
        "twelfth thirteenth fourteenth fifteenth sixteenth seventeenth eighteenth nineteenth"
    )
):
    _EN_WORDS[_word] = _value
for _value, _word in enumerate(_words("twenty thirty forty fifty sixty seventy eighty ninety")):
    _EN_WORDS[_word] = 20 + 10 * _value
    _EN_WORDS[_word[:-1] + "ieth"] = 20 + 10 * _value
    _EN_WORDS[_word[:-1] + "ies"] = 20 + 10 * _value
_EN_WORDS.update(
    firstly=1, secondly=2, thirdly=3, hundred=100, hundredth=100, thousand=1000,
    thousandth=1000, dozen=12, once=1, twice=2, decade=10, decades=10, fortnight=14,
    half=2, halves=2, quarter=4, quarters=4, thirds=3,
)  # fmt: skip
# "a third", "one half": the numerator of a fraction written 1/3 in figures
_EN_UNIT_FRACTION = re.compile(
    r"\b(?:a|an|one)[\s-]+(?:half|third|quarter|fourth|fifth|sixth|seventh|eighth|ninth|tenth)\b",
    re.IGNORECASE,
)

_RU_WORDS: dict[str, int] = {}
for _value, _pair in enumerate(
    _words(
        "один/первый два/второй три/третий четыре/четвертый пять/пятый шесть/шестой "
        "семь/седьмой восемь/восьмой девять/девятый десять/десятый "
        "одиннадцать/одиннадцатый двенадцать/двенадцатый тринадцать/тринадцатый "
        "четырнадцать/четырнадцатый пятнадцать/пятнадцатый шестнадцать/шестнадцатый "
        "семнадцать/семнадцатый восемнадцать/восемнадцатый девятнадцать/девятнадцатый"
    ),
    start=1,
):
    for _word in _pair.split("/"):
        _RU_WORDS[_word] = _value
for _value, _pair in enumerate(
    _words(
        "двадцать/двадцатый тридцать/тридцатый сорок/сороковой пятьдесят/пятидесятый "
        "шестьдесят/шестидесятый семьдесят/семидесятый восемьдесят/восьмидесятый "
        "девяносто/девяностый"
    )
):
    for _word in _pair.split("/"):
        _RU_WORDS[_word] = 20 + 10 * _value
_RU_WORDS.update(
    {"сто": 100, "сотый": 100, "тысяча": 1000, "тысячный": 1000, "дважды": 2, "трижды": 3,
     "однажды": 1, "оба": 2, "пара": 2, "дюжина": 12, "двое": 2, "трое": 3, "четверо": 4,
     "пятеро": 5, "десятилетие": 10, "десятилетний": 10, "половина": 2, "треть": 3,
     "четверть": 4}
)  # fmt: skip
_RU_UNIT_FRACTIONS = frozenset(("половина", "треть", "четверть"))
_TENS_VALUES = frozenset(range(20, 100, 10))

_RU_MONTH_NOUNS = _words(
    "январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь"
)
_RU_MONTH_ADJECTIVES = _words(
    "январский февральский мартовский апрельский майский июньский июльский августовский "
    "сентябрьский октябрьский ноябрьский декабрьский"
)
_EN_MONTH_NAMES = _words(
    "January February March April May June July August September October November December"
)
_RU_MONTHS = {name: n for n, name in enumerate(_RU_MONTH_NOUNS, start=1)}
_RU_MONTH_ADJ = {name: n for n, name in enumerate(_RU_MONTH_ADJECTIVES, start=1)}
_EN_MONTHS = {name: n for n, name in enumerate(_EN_MONTH_NAMES, start=1)}
_EN_MONTH_ABBREVIATIONS = {
    name[:3]: n for name, n in _EN_MONTHS.items() if name not in ("May", "March", "June", "July")
}
_EN_MONTH_ABBREVIATIONS["Sept"] = 9
_EN_MONTHS_NEED_CONTEXT = frozenset(("May", "March"))
_EN_MONTH_CONTEXT = re.compile(
    r"\b(?:in|of|since|until|till|by|from|to|last|next|early|late|mid|before|after|during|"
    r"this|that|every|each|between|and|on|through)\W*$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class NumberItem:
    """A number as written (``shown``) and the values it may stand for."""

    shown: str
    values: frozenset[str]


@dataclass(slots=True)
class NumberFacts:
    """Numbers a text states: ``required`` (in figures), ``available`` (in any form)."""

    required: list[NumberItem] = field(default_factory=list)
    available: set[str] = field(default_factory=set)
    months: set[int] = field(default_factory=set)
    possible_months: set[int] = field(default_factory=set)

    def add(self, shown: str, *values: str) -> None:
        item = NumberItem(shown, frozenset(values))
        self.required.append(item)
        self.available.update(item.values)

    @property
    def required_values(self) -> set[str]:
        return {item.shown for item in self.required}


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
        value = str(_roman_value(numeral))
        facts.add(numeral, value)


def _canonical(figure: str, group_separators: str, decimal_mark: str) -> str:
    digits = "".join(ch for ch in figure if ch not in group_separators)
    if decimal_mark in digits:
        whole, _, fraction = digits.partition(decimal_mark)
        fraction = fraction.rstrip("0")
        return f"{int(whole)}.{fraction}" if fraction else str(int(whole))
    return str(int(digits))


def _scaled(value: str, multiplier: re.Match[str] | None) -> list[str]:
    """The value, and the value times a following thousand/million/billion."""
    if multiplier is None:
        return [value]
    factor = 1000 if multiplier.group(1) else 1_000_000 if multiplier.group(2) else 10**9
    scaled = float(value) * factor
    return [value, str(int(scaled)) if scaled.is_integer() else str(scaled)]


def _time_values(hour: int, minute: str | None) -> list[str]:
    values = [f"{hour}:{minute or '00'}"]
    if not minute or minute == "00":
        values.append(str(hour))
    return values


_RANGE = re.compile(r"(?<![\d.,])(\d{3,4})( ?[-‐‑‒–—] ?)(\d{1,3})(?![\d.,]?\d)")


def _expand_range_ends(text: str) -> str:
    """Write a shortened range end in full (1928–29 → 1928–1929, 308–9 → 308–309), so
    that it agrees with the full number on the other side, however that is written."""

    def expand(m: re.Match[str]) -> str:
        first, dash, last = m.groups()
        if len(last) >= len(first):
            return m.group()
        full = first[: len(first) - len(last)] + last
        return f"{first}{dash}{full}" if int(full) > int(first) else m.group()

    return _RANGE.sub(expand, text)


def _mask(text: str, spans: list[tuple[int, int]]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _add_spelled(values: list[int], facts: NumberFacts) -> None:
    """Spelled-out numbers (and compounds like *twenty-five*) as available values."""
    for i, value in enumerate(values):
        facts.available.add(str(value))
        if value in _TENS_VALUES and i + 1 < len(values) and 0 < values[i + 1] < 10:
            facts.available.add(str(value + values[i + 1]))


def russian_numbers(text: str) -> NumberFacts:
    """Numbers and months in a Russian text."""
    facts = NumberFacts()
    times = []
    for m in _RU_TIME.finditer(text):
        facts.add(m.group(), *_time_values(int(m.group(1)), m.group(2)))
        times.append(m.span())
    rest = _expand_range_ends(_mask(text, times))
    for m in _RU_FIGURE.finditer(rest):
        value = _canonical(m.group(), " \u00a0\u202f", ",")
        facts.add(value, *_scaled(value, _RU_MULTIPLIER.match(rest, m.end())))
        if not value.isdigit() or len(value) <= 3:
            continue
        # "116 123" may be a telephone number written in groups, not 116123
        facts.available.update(str(int(group)) for group in m.group().split() if group.isdigit())
    _add_romans(rest, facts, _RU_ROMAN_CONTEXT)
    morphology = russian_morphology()
    spelled: list[int] = []
    for m in _WORD.finditer(text):
        lemmas = morphology.lemmas(m.group())
        for lemma in lemmas:
            if lemma in _RU_MONTHS:
                # month names are not capitalised in Russian: «Марты» is the name Марта
                months = facts.months if m.group().islower() else facts.possible_months
                months.add(_RU_MONTHS[lemma])
            elif lemma in _RU_MONTH_ADJ:
                facts.possible_months.add(_RU_MONTH_ADJ[lemma])
            elif lemma in _RU_UNIT_FRACTIONS:
                facts.available.add("1")  # треть: the 1 of 1/3
        values = [_RU_WORDS[lemma] for lemma in lemmas if lemma in _RU_WORDS]
        if values:
            spelled.append(values[0])
    _add_spelled(spelled, facts)
    return facts


def english_numbers(text: str) -> NumberFacts:
    """Numbers and months in an English text (ordinals like *11th* included)."""
    facts = NumberFacts()
    times = []
    for m in _EN_TIME.finditer(text):
        if m.group(1) is not None:
            hour, minute = int(m.group(1)) % 12, m.group(2)
            if m.group(3).lower() == "p":
                hour += 12
            facts.add(m.group().strip(), *_time_values(hour, minute), m.group(1))
        else:
            facts.add(m.group(), *_time_values(int(m.group(4)), m.group(5)))
        times.append(m.span())
    rest = _expand_range_ends(_mask(text, times))
    for m in _GROUPED_DIGITS.finditer(rest):
        facts.available.add(str(int(re.sub(r"\D", "", m.group()))))
    for m in _EN_FIGURE.finditer(rest):
        value = _canonical(m.group(), ",", ".")
        values = _scaled(value, _EN_MULTIPLIER.match(rest, m.end()))
        if len(value) == 4 and _EN_DECADE.match(rest, m.end()):
            values.append(str(int(value) % 100))
        facts.add(value, *values)
    _add_romans(rest, facts, _EN_ROMAN_CONTEXT)
    spelled: list[int] = []
    for m in _WORD.finditer(text):
        word = m.group()
        number = _EN_WORDS.get(word.lower())
        if number is not None:
            spelled.append(number)
        month = _EN_MONTHS.get(word)
        if month is None and text[m.end() : m.end() + 1] == ".":
            month = _EN_MONTH_ABBREVIATIONS.get(word)
        if month is None:
            continue
        facts.possible_months.add(month)
        if word not in _EN_MONTHS_NEED_CONTEXT or _month_context(text, m):
            facts.months.add(month)
    _add_spelled(spelled, facts)
    if _EN_UNIT_FRACTION.search(text):
        facts.available.add("1")
    return facts


def _month_context(text: str, m: re.Match[str]) -> bool:
    before = text[max(0, m.start() - 12) : m.start()]
    after = text[m.end() : m.end() + 6]
    return bool(
        re.search(r"\d[\s,]*$", before)
        or re.match(r"[\s,]*\d", after)
        or _EN_MONTH_CONTEXT.search(before)
    )


def _unmatched(required: list[NumberItem], available: set[str]) -> list[str]:
    missing: list[str] = []
    for item in required:
        if not item.values & available and item.shown not in missing:
            missing.append(item.shown)
    return missing


def check_number_mismatch(ctx: QAContext) -> list[Finding]:
    """Figures and months that appear on one side of a link but not the other."""
    findings = []
    for pair in ctx.pairs:
        if not pair.source or not pair.target.strip() or still_russian(pair.target):
            continue
        source = russian_numbers(pair.source)
        target = english_numbers(pair.target)
        problems = []
        missing = _unmatched(source.required, target.available)
        extra = _unmatched(target.required, source.available)
        if missing:
            problems.append(f"{', '.join(missing)} in the source but not in the translation")
        if extra:
            problems.append(f"{', '.join(extra)} in the translation but not in the source")
        month_missing = source.months - target.possible_months
        month_extra = target.months - source.months - source.possible_months
        if month_missing:
            names = ", ".join(_EN_MONTH_NAMES[m - 1] for m in sorted(month_missing))
            problems.append(f"month {names} in the source but not in the translation")
        if month_extra:
            names = ", ".join(_EN_MONTH_NAMES[m - 1] for m in sorted(month_extra))
            problems.append(f"month {names} in the translation but not in the source")
        if problems:
            findings.append(pair.finding(CHECK_ID, Severity.ERROR, "; ".join(problems)))
    return findings
