"""Sentence spans for small hand-written test texts."""

from __future__ import annotations

from workbench.core.model import Span


def word_spans(text: str) -> list[Span]:
    """One span per space-separated piece of ``text`` (its sentences in these tests)."""
    spans, start = [], 0
    for part in text.split(" "):
        start = text.index(part, start)
        spans.append(Span(start, start + len(part), part))
        start += len(part)
    return spans
