"""A reminder on every segment covered by a quotation whose Russian wording was
translated from English: the translator should take the published English
wording rather than translate the Russian back.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from workbench.core.model import Finding, QuotationSpan, Severity
from workbench.core.qa.context import QAContext

__all__ = ["check_quotation_via_english", "quotation_advice"]

CHECK_ID = "quotation-via-english"


def quotation_advice(quotation: QuotationSpan) -> str:
    """What to tell the translator about a quotation taken from English."""
    if quotation.advice:
        return quotation.advice
    if quotation.citation:
        return (
            f"This quotation was translated into Russian from English ({quotation.citation}): "
            "take the English wording from that source; do not translate the Russian back."
        )
    return (
        "This quotation was translated into Russian from English: find the English original "
        "and use its wording; do not translate the Russian back."
    )


def _outermost(quotations: list[QuotationSpan]) -> list[QuotationSpan]:
    """The quotations not nested in another one, in document order."""
    outer: list[QuotationSpan] = []
    for q in sorted(quotations, key=lambda q: (q.start, -q.end)):
        if outer and outer[-1].start <= q.start and q.end <= outer[-1].end:
            continue
        outer.append(q)
    return outer


def check_quotation_via_english(ctx: QAContext) -> list[Finding]:
    """One reminder per link and per quotation taken from English that covers it.

    Links are in document order with contiguous source indices, so the links a
    quotation touches form one run, found by bisection: the cost grows with the
    number of findings, not with quotations × sentences.
    """
    via_english = _outermost([q for q in ctx.quotations if q.via_english])
    if not via_english:
        return []
    starts = [s.start for s in ctx.source_sentences]
    ends = [s.end for s in ctx.source_sentences]
    with_source = [pair for pair in ctx.pairs if pair.link.src]
    first_src = [pair.link.src[0] for pair in with_source]
    last_src = [pair.link.src[-1] for pair in with_source]
    findings = []
    for quotation in via_english:
        # sentences i with start < quotation.end and quotation.start < end
        lo = bisect_right(ends, quotation.start)
        hi = bisect_left(starts, quotation.end)
        if lo >= hi:
            continue
        advice = quotation_advice(quotation)
        for n in range(bisect_left(last_src, lo), bisect_left(first_src, hi)):
            findings.append(with_source[n].finding(CHECK_ID, Severity.INFO, advice))
    return findings
