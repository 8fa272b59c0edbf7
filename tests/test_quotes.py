"""Quotation spans, citations and provenance: the seed and the hard cases of real text."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.model import Provenance, QuotationSpan
from workbench.core.quotemarks import find_marked_spans
from workbench.core.quotes import find_quotations, quotations_by_sentence, quotations_covering

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_4e71bbafc8bcbe6b.txt"
SEED_TEXT = SEED.read_text(encoding="utf-8")


def _by_start(quotes: list[QuotationSpan], words: str) -> QuotationSpan:
    matches = [q for q in quotes if q.text[1:].startswith(words)]
    assert len(matches) == 1, [q.text[:30] for q in quotes]
    return matches[0]


def test_seed_has_one_outer_quotation_taken_from_english() -> None:
    quotes = find_quotations(SEED_TEXT)
    outer = [q for q in quotes if q.via_english and q.depth == 0]
    assert len(outer) == 1
    bukharin = outer[0]
    assert bukharin.text.startswith("«Мы чувствуем")
    assert bukharin.text.endswith("именно Сталин»")
    assert SEED_TEXT[bukharin.start : bukharin.end] == bukharin.text
    assert bukharin.citation is not None and "Daniels" in bukharin.citation
    assert bukharin.advice == (
        "Take the English wording from A Documentary History of Communism, "
        "ed. R. V. Daniels, pp. 308-309; do not translate this back-translation"
    )
    assert any("Cyrillic А typed as Latin A" in e for e in bukharin.evidence)
    assert any("обратный перевод" in e for e in bukharin.evidence)


def test_seed_nested_quotations_inherit_via_english() -> None:
    quotes = find_quotations(SEED_TEXT)
    nested = [q.text for q in quotes if q.depth == 1]
    assert nested[0].startswith('"Это было бы куда лучше')
    assert nested[1:] == [
        '"семерке"',
        '"ложь"',
        '"ты врешь"',
        '"дань"',
        '"дань"',
        '"кукушка прокуковала"',
        '"чрезвычайных мер"',
    ]
    assert all(q.via_english for q in quotes if q.depth == 1)


def test_seed_russian_originals_and_unflagged_terms() -> None:
    quotes = find_quotations(SEED_TEXT)
    statement = _by_start(quotes, "нижеподписавшиеся")
    assert statement.text.endswith("ВКП(б)»")
    assert statement.provenance is Provenance.RUSSIAN_ORIGINAL
    assert statement.citation == "«КПСС в рез.», 1953, ч. II, стр. 438-439"
    note = _by_start(quotes, "Здравствуй, т. Куйбышев!")
    assert note.text.endswith("Томский?»")
    assert note.provenance is Provenance.RUSSIAN_ORIGINAL
    assert note.citation == "Сталин, Соч., т. 11, стр. 220"
    clean = _by_start(quotes, "чистоплотный")
    assert clean.provenance is Provenance.NO_CITATION and not clean.via_english
    # The title inside the citation is part of the citation, not a quotation.
    assert not any(q.text.startswith("«КПСС") for q in quotes)
    assert not any("Documentary" in q.text and q.depth == 0 and len(q.text) < 60 for q in quotes)
    assert [q.via_english for q in quotes].count(True) == 9


def test_each_sentence_knows_the_quotation_covering_it() -> None:
    quotes = find_quotations(SEED_TEXT)
    start = SEED_TEXT.index("В результате мы стали")
    end = SEED_TEXT.index("режима.", start) + len("режима.")
    covering = quotations_covering(quotes, start, end)
    assert [q.depth for q in covering] == [0]
    assert covering[0].via_english
    inner_start = SEED_TEXT.index("Это еще не")
    inner = quotations_covering(quotes, inner_start, inner_start + 60)
    assert [q.text for q in inner] == [covering[0].text, '"кукушка прокуковала"']
    after = SEED_TEXT.index("Узнал ли Сталин")
    assert quotations_covering(quotes, after, after + 40) == []


def test_guillemets_with_straight_quotes_nested() -> None:
    text = 'Он сказал: «Это "первое" и "второе"», и ушел.'
    spans = find_marked_spans(text)
    assert [(text[s.start : s.end], s.depth) for s in spans] == [
        ('«Это "первое" и "второе"»', 0),
        ('"первое"', 1),
        ('"второе"', 1),
    ]


def test_low_nine_closed_by_straight_quote_and_by_curly() -> None:
    for closing in ('"', "“", "”"):
        text = f"Книга „Мысли{closing} вышла в 1929 г."
        (span,) = find_marked_spans(text)
        assert text[span.start : span.end] == f"„Мысли{closing}"
        assert not span.unclosed


def test_english_curly_and_single_quotes() -> None:
    text = "He wrote “the ‘old guard’ is finished” and left."
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == [
        "“the ‘old guard’ is finished”",
        "‘old guard’",
    ]


def test_apostrophes_are_not_quotation_marks() -> None:
    text = "О'Нил, д'Аламбер и O'Brien говорили: don't и rock'n'roll — это не цитаты."
    assert find_marked_spans(text) == []
    text = "Он назвал это 'кулацким саботажем', а О'Нил промолчал."
    assert [text[s.start : s.end] for s in find_marked_spans(text)] == ["'кулацким саботажем'"]


def test_straight_quote_direction_from_context() -> None:
    text = 'Ответ:"Нет". Потом: "Да", и еще "может быть".'
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ['"Нет"', '"Да"', '"может быть"']


def test_quotation_spanning_paragraphs() -> None:
    text = "Он писал: «Первый абзац.\nВторой абзац.\nТретий абзац» (Соч., т. 2, с. 5).\nДалее."
    (quote,) = find_quotations(text)
    assert quote.text == "«Первый абзац.\nВторой абзац.\nТретий абзац»"
    assert quote.provenance is Provenance.RUSSIAN_ORIGINAL


def test_unclosed_quotation_ends_at_its_paragraph_and_keeps_the_rest() -> None:
    text = "Он начал: «Товарищи, положение тяжелое\nДалее о «правых».\n«Мы победим» (Правда. 1930)."
    quotes = find_quotations(text)
    first = quotes[0]
    assert first.unclosed
    assert first.start == text.index("«Товарищи")
    assert first.end == text.index("\n")
    assert [q.text for q in quotes[1:]] == ["«правых»", "«Мы победим»"]
    assert all(not q.unclosed and q.depth == 0 for q in quotes[1:])
    assert quotes[2].provenance is Provenance.RUSSIAN_ORIGINAL


def test_unclosed_quotation_does_not_swallow_a_long_document() -> None:
    paragraphs = ["Начало: «без конца"] + [f"Абзац {i} без кавычек." for i in range(40)]
    paragraphs.append("Здесь » лишняя закрывающая.")
    text = "\n".join(paragraphs)
    (span,) = find_marked_spans(text)
    assert span.unclosed
    assert span.end == text.index("\n")


def test_continuation_guillemet_at_paragraph_start() -> None:
    text = "Записка:\n«Первая часть.\n«Вторая часть» (РГАСПИ. Ф. 17. Оп. 3. Д. 1. Л. 2)."
    (quote,) = find_quotations(text)
    assert quote.text.startswith("«Первая") and quote.text.endswith("часть»")
    assert quote.provenance is Provenance.RUSSIAN_ORIGINAL


def test_lookalike_letter_in_title_still_reads_as_english() -> None:
    text = "Он сказал: «Мы проиграли» (Сonquest R. Тhe Great Terror. London, 1968. P. 101)."
    (quote,) = find_quotations(text)
    assert quote.via_english
    assert any("Cyrillic Т typed as Latin T" in e for e in quote.evidence)
    assert quote.advice is not None and "The Great Terror" in quote.advice


def test_english_words_quoted_untranslated_are_not_flagged() -> None:
    (quote,) = find_quotations("Дипломаты говорили о «leadership» Сталина.")
    assert quote.provenance is Provenance.UNTRANSLATED_ENGLISH
    assert not quote.via_english


def test_weak_english_evidence_lowers_confidence_instead_of_flagging() -> None:
    (quote,) = find_quotations("Он сказал: «Я чувствую себя обреченным» (Daniels, p. 308).")
    assert quote.provenance is Provenance.UNKNOWN
    assert quote.confidence < 0.5


def test_german_and_french_sources_are_other_language() -> None:
    german = "Он писал: «Мы ждем ответа» (Trotzki L. Mein Leben. Berlin, 1930. S. 412)."
    french = "Он писал: «Мы ждем ответа» (Souvarine B. Staline. Paris: Plon, 1935. P. 480)."
    for text in (german, french):
        (quote,) = find_quotations(text)
        assert quote.provenance is Provenance.OTHER_LANGUAGE
        assert not quote.via_english


def test_nested_in_russian_original_follows_its_parent() -> None:
    text = "Он писал: «Они зовут это \"умеренностью\"» (Сталин И. В. Соч. Т. 12. С. 15)."
    outer, inner = find_quotations(text)
    assert outer.provenance is inner.provenance is Provenance.RUSSIAN_ORIGINAL
    assert inner.depth == 1


def test_empty_and_quote_free_text() -> None:
    assert find_quotations("") == []
    assert find_quotations("Просто текст без цитат.\n\nИ второй абзац.") == []


def test_hard_wrapped_text_keeps_quotation_across_line_breaks() -> None:
    text = (
        'Первая строка абзаца и "начало\nцитаты" в середине.\nВторая строка.\n\n'
        "Второй абзац\nиз двух строк.\n"
    )
    spans = find_marked_spans(text)
    assert [text[s.start : s.end] for s in spans] == ['"начало\nцитаты"']


_ALPHABET = "«»„“”\"'‘’ ‹›абвгд AbcD.,:;!?()—\n0123 ССтр.с.p.Соч."


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_ALPHABET, max_size=200))
def test_any_text_gives_consistent_spans(text: str) -> None:
    quotes = find_quotations(text)
    for quote in quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert text[quote.start : quote.end] == quote.text
        assert quote.text[0] in "«„“”\"'‘‹"
        assert quote.depth >= 0 and 0.0 <= quote.confidence <= 1.0
        if quote.unclosed:
            assert "\n\n" not in quote.text  # never beyond its own paragraph
    starts = [(q.start, -q.end) for q in quotes]
    assert starts == sorted(starts)


def test_quotations_by_sentence_agrees_with_covering() -> None:
    quotes = find_quotations(SEED_TEXT)
    bounds = [(m, m + 80) for m in range(0, len(SEED_TEXT), 80)]
    swept = quotations_by_sentence(quotes, bounds)
    assert swept == [quotations_covering(quotes, s, e) for s, e in bounds]
    assert any(len(found) == 2 for found in swept)  # a nested quotation and its parent


def test_english_word_nested_in_a_russian_original_stays_untranslated() -> None:
    text = 'Он писал: «Это и есть "leadership" по-нашему» (Сталин И. В. Соч. Т. 12. С. 5).'
    outer, inner = find_quotations(text)
    assert outer.provenance is Provenance.RUSSIAN_ORIGINAL
    assert inner.provenance is Provenance.UNTRANSLATED_ENGLISH
    text = 'Он писал: «Это и есть "leadership" по-нашему» (Cohen S. Bukharin. N. Y., 1973. P. 5).'
    outer, inner = find_quotations(text)
    assert outer.via_english and inner.via_english


def test_a_flood_of_opening_marks_is_reported_not_nested_forever() -> None:
    text = "«" * 5000 + " слово „" * 100 + "»"
    spans = find_marked_spans(text)
    assert max(s.depth for s in spans) < 40
    assert sum(1 for s in spans if s.unclosed) >= 5000
