"""Quotations of a Russian text with the provenance of their wording (the public entry point).

``find_quotations(text)`` pairs the quotation marks (:mod:`quotemarks`), finds each
outermost quotation's citation (:mod:`citations`), judges its provenance
(:mod:`provenance`) and returns :class:`QuotationSpan` objects in document order, nested
quotations included (a quotation nested in one taken from English is itself taken from
English).

Titles inside a citation — «КПСС в рез.» in ("«КПСС в рез.», 1953, ч. II, стр. 438"),
„A Documentary History of Communism" in the seed's reference, «The Great Terror» in
"как пишет Конквест в книге «The Great Terror»" — are part of the citation, not
quotations, and are not listed.

``quotations_covering(quotations, start, end)`` tells a sentence which quotations cover it;
``quotations_by_sentence(quotations, sentences)`` does it for all sentences in one sweep.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence

from workbench.core.citations import Citation, locate_citation
from workbench.core.model import Provenance, QuotationSpan
from workbench.core.provenance import Judgement, is_term, judge, nested, quoted_body
from workbench.core.quotemarks import MarkedSpan, find_marked_spans, paragraph_ends, with_depths

#: A quotation longer than this (or holding a sentence) bounds the search for others' citations.
_FULL_QUOTE_CHARS = 60

_CITED = (Provenance.VIA_ENGLISH, Provenance.RUSSIAN_ORIGINAL, Provenance.OTHER_LANGUAGE)


def _is_full_quotation(text: str) -> bool:
    body = quoted_body(text)
    return len(body) > _FULL_QUOTE_CHARS or bool(re.search(r"[.!?…]\s", body))


def find_quotations(text: str) -> list[QuotationSpan]:
    """All quotations of ``text`` with provenance, confidence, citation and evidence."""
    marked = find_marked_spans(text)
    if not marked:
        return []
    ends = paragraph_ends(text)
    outer = [s for s in marked if s.depth == 0]
    stops = [s.start for s in outer if _is_full_quotation(text[s.start : s.end])]

    citations: dict[int, Citation | None] = {}
    for span in outer:
        paragraph = bisect.bisect_left(ends, max(span.start, span.end - 1))
        para_start = ends[paragraph - 1] + 1 if paragraph > 0 else 0
        para_end = ends[paragraph]
        next_end = ends[paragraph + 1] if paragraph + 1 < len(ends) else None
        citations[span.start] = locate_citation(
            text,
            span.start,
            span.end,
            (para_start, para_end),
            stops,
            is_term(text[span.start : span.end], _introduced(text, span.start)),
            next_end,
        )

    kept = _outside_citations(marked, citations)

    result: list[QuotationSpan] = []
    cited: list[tuple[Citation, Judgement]] = []
    # Spans that may still contain later ones; the top is the innermost. A span ending
    # before the current one ends can contain nothing the current one does not.
    open_parents: list[tuple[MarkedSpan, Judgement]] = []
    depth_fixed = {(s.start, s.end): s.depth for s in with_depths(kept)}
    for span in kept:
        quote = text[span.start : span.end]
        while open_parents and open_parents[-1][0].end < span.end:
            open_parents.pop()
        parent = open_parents[-1][1] if open_parents else None
        citation: Citation | None = None
        if parent is None:
            citation = citations.get(span.start)
            judgement = judge(quote, citation, cited, _introduced(text, span.start))
            if citation is not None and judgement.provenance in _CITED:
                cited.append((citation, judgement))
        else:
            judgement = nested(parent, quote)
        open_parents.append((span, judgement))
        result.append(
            QuotationSpan(
                start=span.start,
                end=span.end,
                text=quote,
                provenance=judgement.provenance,
                confidence=judgement.confidence,
                citation=citation.text if citation is not None else None,
                evidence=judgement.evidence,
                advice=judgement.advice,
                depth=depth_fixed[(span.start, span.end)],
                unclosed=span.unclosed,
            )
        )
    return result


def _introduced(text: str, start: int) -> bool:
    """True if a colon introduces the quotation at ``start`` ("сказал: «…»")."""
    before = text[max(0, start - 4) : start].rstrip()
    return before.endswith(":")


def _outside_citations(
    marked: list[MarkedSpan], citations: dict[int, Citation | None]
) -> list[MarkedSpan]:
    """The spans that are not titles inside another (kept) quotation's citation.

    A citation never contains its own quotation, so "inside some citation" is enough.
    Dropping a span drops its citation too, which may give back spans it covered.
    """
    owners = {start for start, c in citations.items() if c is not None}
    while True:
        ranges = sorted(
            (c.start, c.end) for start, c in citations.items() if c is not None and start in owners
        )
        starts = [a for a, _ in ranges]
        reach: list[int] = []
        for _, end in ranges:
            reach.append(max(end, reach[-1]) if reach else end)
        kept = []
        for span in marked:
            index = bisect.bisect_right(starts, span.start) - 1
            if index < 0 or reach[index] < span.end:
                kept.append(span)
        still = owners & {s.start for s in kept}
        if still == owners:
            return kept
        owners = still


def quotations_covering(
    quotations: Iterable[QuotationSpan], start: int, end: int
) -> list[QuotationSpan]:
    """The quotations that overlap the stretch ``[start, end)`` (a sentence), outer first."""
    end = max(end, start + 1)
    return sorted(
        (q for q in quotations if q.start < end and start < q.end),
        key=lambda q: (q.depth, q.start),
    )


def quotations_by_sentence(
    quotations: Iterable[QuotationSpan], sentences: Sequence[tuple[int, int]]
) -> list[list[QuotationSpan]]:
    """For each sentence ``(start, end)`` (in document order), the quotations covering it.

    Same answer as :func:`quotations_covering` per sentence, in one sweep over both
    lists, for documents with many sentences.
    """
    pending = sorted(quotations, key=lambda q: (q.start, q.depth))
    active: list[QuotationSpan] = []
    result: list[list[QuotationSpan]] = []
    index = 0
    for start, end in sentences:
        end = max(end, start + 1)
        while index < len(pending) and pending[index].start < end:
            active.append(pending[index])
            index += 1
        active = [q for q in active if q.end > start]
        result.append(
            sorted((q for q in active if q.start < end), key=lambda q: (q.depth, q.start))
        )
    return result
