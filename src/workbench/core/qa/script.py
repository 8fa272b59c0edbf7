"""Mixed-script words, on both sides: a word mixing Cyrillic and Latin letters
(*Рыkов*), or a word typed entirely in look-alike letters of the wrong script
among words of the other (the Cyrillic *А* in the seed's „А Documentary History
of Communism"). Such words defeat search, spell-checking and term matching.

A look-alike word is judged by its neighbours inside the same phrase (phrases end
at quotation marks, brackets and sentence punctuation): it is reported when a
neighbouring word is in the other script and none is in its own, except for a
lower-case word in the text's own language (the Russian «а» or «у» before a
Latin name), a foreign name or acronym (*BBC*, *MeToo* in Russian text) and a capital letter
used as a label in mid-phrase (*группа B*).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from workbench.core.model import Finding, Severity
from workbench.core.qa.context import QAContext

__all__ = ["check_mixed_script", "mixed_script_words"]

CHECK_ID = "mixed-script"

_WORD = re.compile(r"[^\W\d_]+")
_PHRASE_BREAK = re.compile(r"[«»„“”\"‟()\[\]{};:!?]")
_CYRILLIC_LOOKALIKES = frozenset("АВЕКМНОРСТХаеорсух")
_LATIN_LOOKALIKES = frozenset("ABEKMHOPCTXaeopcxy")


def _script(word: str) -> str:
    has_cyrillic = any(_is_cyrillic(ch) for ch in word)
    has_latin = any(ch.isascii() for ch in word)
    if has_cyrillic and has_latin:
        return "mixed"
    if has_cyrillic:
        return "cyrillic"
    return "latin" if has_latin else "other"


def _is_cyrillic(ch: str) -> bool:
    return "\u0400" <= ch <= "\u04ff"


def _describe(word: str) -> str:
    return ", ".join(f"{ch} {'Cyrillic' if _is_cyrillic(ch) else 'Latin'}" for ch in word)


def _suspicious_lookalike(
    words: list[tuple[str, str]], i: int, home: str
) -> tuple[str, str] | None:
    """Why a word typed only in look-alike letters is suspicious here, if it is."""
    word, script = words[i]
    lookalikes = _CYRILLIC_LOOKALIKES if script == "cyrillic" else _LATIN_LOOKALIKES
    if script not in ("cyrillic", "latin") or not set(word) <= lookalikes:
        return None
    other = "latin" if script == "cyrillic" else "cyrillic"
    neighbours = [words[j][1] for j in (i - 1, i + 1) if 0 <= j < len(words)]
    if other not in neighbours or script in neighbours:
        return None
    if script == home:
        # a word of the text's own language inside a foreign phrase: the Russian
        # conjunction «а» or preposition «у» before a Latin name is normal; a
        # capital letter opening a Latin title (the seed's «А Documentary») is not
        if word.islower():
            return None
    elif not word.islower() and (len(word) > 1 or i > 0):
        # a foreign name or acronym (BBC, MeToo), or a capital used as a label (группа B)
        return None
    return word, f"is typed in {script.capitalize()} letters among {other.capitalize()} words"


def mixed_script_words(text: str, home: str = "cyrillic") -> Iterator[tuple[str, str]]:
    """(word, explanation) for each suspicious word of a text written mainly in ``home``."""
    for phrase in _PHRASE_BREAK.split(text):
        words = [(m.group(), _script(m.group())) for m in _WORD.finditer(phrase)]
        for i, (word, script) in enumerate(words):
            if script == "mixed":
                yield word, f"mixes Cyrillic and Latin letters ({_describe(word)})"
                continue
            suspicious = _suspicious_lookalike(words, i, home)
            if suspicious is not None:
                yield suspicious


def check_mixed_script(ctx: QAContext) -> list[Finding]:
    """Mixed-script or wrong-script look-alike words in the source or the translation."""
    findings = []
    for pair in ctx.pairs:
        for side, text, home in (
            ("source", pair.source, "cyrillic"),
            ("translation", pair.target, "latin"),
        ):
            for word, why in mixed_script_words(text, home):
                findings.append(
                    pair.finding(CHECK_ID, Severity.WARNING, f"{side}: the word «{word}» {why}")
                )
    return findings
