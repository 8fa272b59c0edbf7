"""Every passage of tests/data/quotes/passages.txt gives exactly the expected quotations."""

from __future__ import annotations

import pytest

from quotes_cases import Passage, load_passages
from workbench.core.provenance import quoted_body
from workbench.core.quotes import find_quotations

PASSAGES = load_passages()


def test_the_set_is_large_and_varied() -> None:
    assert len(PASSAGES) >= 50
    kinds = {e.provenance for p in PASSAGES for e in p.expected}
    assert kinds >= {
        "russian-original",
        "via-english",
        "other-language",
        "untranslated-english",
        "no-citation",
        "unknown",
    }
    assert len({p.ident for p in PASSAGES}) == len(PASSAGES)


@pytest.mark.parametrize("passage", PASSAGES, ids=[p.ident for p in PASSAGES])
def test_passage(passage: Passage) -> None:
    found = find_quotations(passage.text)
    got = [(q.provenance.value, quoted_body(q.text)) for q in found]
    assert len(got) == len(passage.expected), got
    for (provenance, body), expected in zip(got, passage.expected, strict=True):
        assert body.startswith(expected.starts), (body, expected)
        assert provenance == expected.provenance, (body, provenance)
    for quote in found:
        assert passage.text[quote.start : quote.end] == quote.text
        assert 0.0 <= quote.confidence <= 1.0
        assert quote.evidence
        if quote.via_english:
            assert quote.advice and quote.advice.startswith("Take the English wording from")
