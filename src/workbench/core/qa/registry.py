"""The QA checks by stable id, and the function that runs them on a translation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from workbench.core.model import Finding, GlossaryEntry, Link, QuotationSpan, Severity, Span
from workbench.core.qa.context import QAContext
from workbench.core.qa.glossary_checks import check_glossary_forbidden, check_glossary_term_missing
from workbench.core.qa.length import check_length_ratio
from workbench.core.qa.marks import check_unbalanced_marks
from workbench.core.qa.numbers import check_number_mismatch
from workbench.core.qa.quotations import check_quotation_via_english
from workbench.core.qa.script import check_mixed_script
from workbench.core.qa.untranslated import check_identical, check_untranslated

__all__ = ["CHECKS", "Check", "run_checks"]


@dataclass(frozen=True, slots=True)
class Check:
    """A QA check: its stable id, the severity of its findings, and what it looks for."""

    id: str
    severity: Severity
    summary: str
    run: Callable[[QAContext], list[Finding]]


CHECKS: dict[str, Check] = {
    check.id: check
    for check in (
        Check(
            "untranslated",
            Severity.ERROR,
            "no translation, or a translation still in Russian",
            check_untranslated,
        ),
        Check(
            "identical", Severity.WARNING, "translation identical to the source", check_identical
        ),
        Check(
            "glossary-forbidden",
            Severity.ERROR,
            "a forbidden rendering of a glossary term",
            check_glossary_forbidden,
        ),
        Check(
            "glossary-term-missing",
            Severity.WARNING,
            "a glossary term in the source without its approved English term",
            check_glossary_term_missing,
        ),
        Check(
            "number-mismatch",
            Severity.ERROR,
            "numbers or dates that differ between the sides",
            check_number_mismatch,
        ),
        Check(
            "length-ratio",
            Severity.WARNING,
            "length ratio far outside this translation's own distribution",
            check_length_ratio,
        ),
        Check(
            "unbalanced-marks",
            Severity.WARNING,
            "quotation marks or brackets balanced differently from the source",
            check_unbalanced_marks,
        ),
        Check(
            "mixed-script",
            Severity.WARNING,
            "a word mixing Cyrillic and Latin letters",
            check_mixed_script,
        ),
        Check(
            "quotation-via-english",
            Severity.INFO,
            "a quotation whose Russian was translated from English",
            check_quotation_via_english,
        ),
    )
}


def run_checks(
    source_sentences: Sequence[Span],
    target_segments: Sequence[str],
    links: Sequence[Link],
    glossary: Sequence[GlossaryEntry],
    quotations: Sequence[QuotationSpan] = (),
    checks: Iterable[str] | None = None,
) -> list[Finding]:
    """Run the named checks (all by default) on a translation.

    Findings come in document order (by link), and within a link in the order
    of :data:`CHECKS`. An unknown check id raises ``ValueError``.
    """
    selected = list(CHECKS) if checks is None else list(checks)
    unknown = [name for name in selected if name not in CHECKS]
    if unknown:
        raise ValueError(f"unknown QA check(s): {', '.join(unknown)}; known: {', '.join(CHECKS)}")
    ctx = QAContext(source_sentences, target_segments, links, glossary, quotations)
    order = {link_key(link): n for n, link in enumerate(links)}
    rank = {name: n for n, name in enumerate(CHECKS)}
    findings = [finding for name in selected for finding in CHECKS[name].run(ctx)]
    findings.sort(key=lambda f: (order.get((f.src, f.tgt), len(order)), rank[f.check]))
    return findings


def link_key(link: Link) -> tuple[tuple[int, ...], tuple[int, ...]]:
    return link.src, link.tgt
