"""Every passage of tests/data/quotes/passages*.txt gives exactly the expected quotations."""

from __future__ import annotations

import pytest

from quotes_cases import STYLE_PASSAGES, Passage, load_passages
from workbench.core.provenance import quoted_body
from workbench.core.quotes import find_quotations

PASSAGES = load_passages()
STYLES = load_passages(STYLE_PASSAGES)


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
    assert len({p.ident for p in PASSAGES + STYLES}) == len(PASSAGES) + len(STYLES)


def test_the_second_set_covers_other_citation_styles() -> None:
    assert len(STYLES) >= 30
    texts = "\n".join(p.text for p in STYLES)
    for style in ("Op. cit.", "op. cit.", "a. a. O.", "Ibid., p.", "Указ. соч.", "¹", "[1]"):
        assert style in texts, style


@pytest.mark.parametrize("passage", PASSAGES + STYLES, ids=[p.ident for p in PASSAGES + STYLES])
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


@pytest.mark.parametrize("passage", PASSAGES + STYLES, ids=[p.ident for p in PASSAGES + STYLES])
def test_crlf_newlines_give_the_same_quotations(passage: Passage) -> None:
    def seen(text: str) -> list[tuple[str, str, str]]:
        def lf(part: str | None) -> str:
            return (part or "").replace("\r\n", "\n")

        return [(q.provenance.value, lf(q.text), lf(q.citation)) for q in find_quotations(text)]

    crlf = passage.text.replace("\n", "\r\n")
    assert seen(crlf) == seen(passage.text)
    assert all(crlf[q.start : q.end] == q.text for q in find_quotations(crlf))
