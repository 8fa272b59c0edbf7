"""Untranslated segments: no translation at all, a translation still in Russian,
or a translation that is a copy of the source.

A copy of the source is reported once, as ``identical`` (not also as
``untranslated``). Sources with no words (a number, a list marker, a chapter
number in Roman numerals) are never reported as copies: there is nothing to
translate.
"""

from __future__ import annotations

import re

from workbench.core.model import Finding, Severity
from workbench.core.qa.context import QAContext

__all__ = ["check_identical", "check_untranslated", "cyrillic_share", "still_russian"]

UNTRANSLATED_ID = "untranslated"
IDENTICAL_ID = "identical"

CYRILLIC_LIMIT = 0.5
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


def cyrillic_share(text: str) -> float:
    """The share of letters that are Cyrillic (0 for a text with no letters)."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return 0.0
    return sum(1 for ch in letters if _CYRILLIC.match(ch)) / len(letters)


def still_russian(text: str) -> bool:
    """Whether a translation is still mostly Cyrillic (the ``untranslated`` check's
    business: other checks of the English leave it alone)."""
    return cyrillic_share(text) > CYRILLIC_LIMIT


def _normalised(text: str) -> str:
    return " ".join(text.split()).casefold()


_WORD = re.compile(r"[^\W\d_]+")
_ROMAN_NUMERAL = re.compile(r"[IVXLCDM]+")


def _has_words(text: str) -> bool:
    """Whether a text has a word to translate (not only figures and Roman numerals)."""
    return any(not _ROMAN_NUMERAL.fullmatch(word) for word in _WORD.findall(text))


def _is_copy(source: str, target: str) -> bool:
    return _has_words(source) and _normalised(source) == _normalised(target)


def check_untranslated(ctx: QAContext) -> list[Finding]:
    """Source sentences with no English, or with English that is mostly Cyrillic."""
    findings = []
    for pair in ctx.pairs:
        if not pair.link.src or not pair.source.strip():
            continue
        if not pair.target.strip():
            what = (
                "no translation (source sentence left out)"
                if not pair.link.tgt
                else "empty translation"
            )
            findings.append(pair.finding(UNTRANSLATED_ID, Severity.ERROR, what))
        elif still_russian(pair.target) and not _is_copy(
            pair.source, pair.target
        ):
            share = round(100 * cyrillic_share(pair.target))
            findings.append(
                pair.finding(
                    UNTRANSLATED_ID,
                    Severity.ERROR,
                    f"translation is still in Russian ({share}% of its letters are Cyrillic)",
                )
            )
    return findings


def check_identical(ctx: QAContext) -> list[Finding]:
    """Translations that are the source copied unchanged.

    A warning where the source is Russian; only information where it has no
    Cyrillic at all (a title or a quotation in another language, often kept as is).
    """
    findings = []
    for pair in ctx.pairs:
        if pair.link.src and pair.target.strip() and _is_copy(pair.source, pair.target):
            if cyrillic_share(pair.source) > 0:
                findings.append(
                    pair.finding(
                        IDENTICAL_ID, Severity.WARNING, "translation is identical to the source"
                    )
                )
            else:
                findings.append(
                    pair.finding(
                        IDENTICAL_ID,
                        Severity.INFO,
                        "translation is identical to the source, which has no Russian in it: "
                        "check that keeping it unchanged is intended",
                    )
                )
    return findings
