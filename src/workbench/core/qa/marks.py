"""Unbalanced quotation marks and brackets in the translation, judged against the source.

A quotation often spans sentences, so a source sentence may itself open a
quotation it does not close; the translation of that sentence should then be
unbalanced in the same way. The check therefore compares, per link:

* brackets, ``(…)`` and ``[…]``: opened minus closed, source against target
  (list markers such as ``1)``, ``(2)`` and ``а)`` are not brackets);
* double quotation marks of every style (« » „ “ ” "): whether their number is
  odd or even. Russian and English differ in which marks they use and nest, but a
  balanced passage has an even number of double marks in either language.
  Single quotes are not counted: in English ’ is also the apostrophe.

English typography reopens a quotation at each new paragraph it continues
into (an opening mark with no closing one at the end of the previous
paragraph); Russian does not. So where the source sentence lies inside a
quotation that began earlier, a translation starting with an opening mark the
source lacks is not counted as unbalanced.
"""

from __future__ import annotations

import re

from workbench.core.model import Finding, Severity
from workbench.core.qa.context import LinkText, QAContext

__all__ = ["MarkBalance", "check_unbalanced_marks", "mark_balance"]

CHECK_ID = "unbalanced-marks"

_LIST_MARKER = re.compile(
    r"\((?:\d{1,2}|[a-zа-я])\)|(?:^|(?<=\s))(?:\d{1,2}|[a-zа-я])\)", re.IGNORECASE
)
_DOUBLE_QUOTES = '«»„“”"‟〝〞＂'
_OPENING_QUOTES = "“«„\"‟〝＂"
_BRACKETS = {"(": ")", "[": "]"}


class MarkBalance(tuple[int, int, int]):
    """(round brackets opened − closed, square brackets opened − closed, double quote count)."""

    __slots__ = ()

    @property
    def round(self) -> int:
        return self[0]

    @property
    def square(self) -> int:
        return self[1]

    @property
    def quotes(self) -> int:
        return self[2]


def mark_balance(text: str) -> MarkBalance:
    text = _LIST_MARKER.sub(" ", text)
    round_ = text.count("(") - text.count(")")
    square = text.count("[") - text.count("]")
    quotes = sum(text.count(ch) for ch in _DOUBLE_QUOTES)
    return MarkBalance((round_, square, quotes))


def _bracket_problem(kind: str, source: int, target: int) -> str | None:
    if source == target:
        return None

    def describe(net: int) -> str:
        if net == 0:
            return "balanced"
        return f"{abs(net)} {'unclosed' if net > 0 else 'unopened'}"

    return f"{kind} brackets: translation {describe(target)}, source {describe(source)}"


def _continues_a_quotation(ctx: QAContext, sentence_index: int) -> bool:
    sentence = ctx.source_sentences[sentence_index]
    return any(q.start < sentence.start < q.end for q in ctx.quotations)


def _reopens_quotation(ctx: QAContext, pair: LinkText) -> bool:
    """The translation starts with a paragraph-continuation mark the source lacks."""
    target, source = pair.target.lstrip(), pair.source.lstrip()
    return (
        bool(pair.link.src)
        and target[:1] in _OPENING_QUOTES
        and source[:1] not in _DOUBLE_QUOTES
        and _continues_a_quotation(ctx, pair.link.src[0])
    )


def check_unbalanced_marks(ctx: QAContext) -> list[Finding]:
    """Brackets or quotation marks balanced differently in the translation than in the source."""
    findings = []
    for pair in ctx.pairs:
        if not pair.source or not pair.target.strip():
            continue
        source = mark_balance(pair.source)
        target = mark_balance(pair.target)
        if _reopens_quotation(ctx, pair):
            target = MarkBalance((target.round, target.square, target.quotes - 1))
        problems = [
            p
            for p in (
                _bracket_problem("round", source.round, target.round),
                _bracket_problem("square", source.square, target.square),
            )
            if p
        ]
        if source.quotes % 2 != target.quotes % 2:
            if target.quotes % 2:
                problems.append(
                    f"quotation marks: the translation has an odd number ({target.quotes}), "
                    f"the source an even number ({source.quotes}) — a quotation opened or "
                    "closed here that the source does not"
                )
            else:
                problems.append(
                    f"quotation marks: the source opens or closes a quotation here "
                    f"({source.quotes} marks) but the translation's marks pair up ({target.quotes})"
                )
        if problems:
            findings.append(pair.finding(CHECK_ID, Severity.WARNING, "; ".join(problems)))
    return findings
