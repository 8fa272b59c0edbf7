"""Unbalanced quotation marks and brackets in the translation, judged against the source.

A quotation often spans sentences, so a source sentence may itself open a
quotation it does not close; the translation of that sentence should then be
unbalanced in the same way. The check therefore compares, per link:

* brackets, ``(…)`` and ``[…]``: how many are left open and how many close
  without opening, source against target (list markers such as ``1)`` and
  ``а)`` are not brackets);
* quotation marks of every style (« » „ “ ” " and single ‘ ’ '): whether their
  number is odd or even. Russian and English differ in which marks they use
  and nest, but a balanced passage has an even number of marks in either
  language. A single mark inside a word is an apostrophe (*Stalin’s*), not a
  quote; one after a final *s* may be either (*the workers’ party*), and then
  the quotation marks of that link are not judged.

English typography reopens a quotation at each new paragraph it continues
into (an opening mark with no closing one at the end of the previous
paragraph); Russian does not. So where the source sentence lies inside a
quotation that began earlier, a translation starting with an opening mark the
source lacks is not counted as unbalanced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from workbench.core.model import Finding, Severity
from workbench.core.qa.context import LinkText, QAContext

__all__ = ["MarkBalance", "check_unbalanced_marks", "mark_balance"]

CHECK_ID = "unbalanced-marks"

_LIST_MARKER = re.compile(r"(?:^|(?<=[\s(]))(?:\d{1,2}|[a-zа-я])$", re.IGNORECASE)
_DOUBLE_QUOTES = '«»„“”"‟〝〞＂'
_SINGLE_QUOTES = "'‘’‚‛"
_OPENING_QUOTES = "“«„\"‟〝＂‘'‚"
_BEFORE_OPENING = ' \t\n([{«„“"—–-/'


@dataclass(frozen=True, slots=True)
class MarkBalance:
    """Brackets left open or closed without opening, and the count of quotation marks.

    ``quotes`` counts double marks and the single marks that are certainly
    quotation marks; ``quotes_certain`` is false when a single mark could be
    either a closing quote or a possessive apostrophe (*the workers' party*).
    """

    round_unclosed: int = 0
    round_unopened: int = 0
    square_unclosed: int = 0
    square_unopened: int = 0
    quotes: int = 0
    quotes_certain: bool = True


def _bracket_counts(text: str, opening: str, closing: str) -> tuple[int, int]:
    """(unclosed, unopened) brackets of one kind; list markers like ``1)`` skipped."""
    depth = unopened = 0
    for i, ch in enumerate(text):
        if ch == opening:
            depth += 1
        elif ch == closing:
            if depth:
                depth -= 1
            elif not (closing == ")" and _LIST_MARKER.search(text, 0, i)):
                unopened += 1
    return depth, unopened


def _single_quotes(text: str) -> tuple[int, bool]:
    """How many single marks are quotation marks, and whether that is certain."""
    count, certain = 0, True
    for i, ch in enumerate(text):
        if ch not in _SINGLE_QUOTES:
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word: O'Hagan, Stalin’s
        if before in _BEFORE_OPENING and after.isalpha():
            count += 1  # an opening quote
        elif after.isdigit():
            continue  # an elision: ’30s
        elif not after.isalnum():
            if before in "sSzZ":
                certain = False  # the workers’ party, or a closing quote after -s
            elif before.isalnum() or before in ".,!?…;:":
                count += 1
    return count, certain


def mark_balance(text: str) -> MarkBalance:
    round_unclosed, round_unopened = _bracket_counts(text, "(", ")")
    square_unclosed, square_unopened = _bracket_counts(text, "[", "]")
    singles, certain = _single_quotes(text)
    doubles = sum(text.count(ch) for ch in _DOUBLE_QUOTES)
    return MarkBalance(
        round_unclosed, round_unopened, square_unclosed, square_unopened, doubles + singles, certain
    )


def _bracket_problem(kind: str, source: tuple[int, int], target: tuple[int, int]) -> str | None:
    if source == target:
        return None

    def describe(unclosed: int, unopened: int) -> str:
        parts = []
        if unclosed:
            parts.append(f"{unclosed} unclosed")
        if unopened:
            parts.append(f"{unopened} closed without opening")
        return " and ".join(parts) or "balanced"

    return f"{kind} brackets: translation {describe(*target)}, source {describe(*source)}"


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
            target = replace(target, quotes=target.quotes - 1)
        problems = [
            p
            for p in (
                _bracket_problem(
                    "round",
                    (source.round_unclosed, source.round_unopened),
                    (target.round_unclosed, target.round_unopened),
                ),
                _bracket_problem(
                    "square",
                    (source.square_unclosed, source.square_unopened),
                    (target.square_unclosed, target.square_unopened),
                ),
            )
            if p
        ]
        certain = source.quotes_certain and target.quotes_certain
        if certain and source.quotes % 2 != target.quotes % 2:
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
