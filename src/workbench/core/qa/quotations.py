"""A reminder on every segment covered by a quotation whose Russian wording was
translated from English: the translator should take the published English
wording rather than translate the Russian back.
"""

from __future__ import annotations

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
    return [
        q
        for q in quotations
        if not any(o is not q and o.start <= q.start and q.end <= o.end for o in quotations)
    ]


def check_quotation_via_english(ctx: QAContext) -> list[Finding]:
    """One reminder per link and per quotation taken from English that covers it."""
    via_english = _outermost([q for q in ctx.quotations if q.via_english])
    findings = []
    for quotation in via_english:
        covered = {
            i
            for i, sentence in enumerate(ctx.source_sentences)
            if sentence.start < quotation.end and quotation.start < sentence.end
        }
        for pair in ctx.pairs:
            if covered.intersection(pair.link.src):
                findings.append(pair.finding(CHECK_ID, Severity.INFO, quotation_advice(quotation)))
    return findings
