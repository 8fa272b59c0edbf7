"""Sentence segmentation: the seed as a translator reads it, the gold passages, the invariants."""

from __future__ import annotations

import itertools
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.segment import detect_language, segment
from workbench.core.segment_eval import (
    GoldPassage,
    parse_gold_passages,
    score_boundaries,
    score_segmenter,
    sentence_boundaries,
)

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"
GOLD = ROOT / "tests" / "data" / "segment"


def _passages(name: str) -> list[GoldPassage]:
    return parse_gold_passages((GOLD / name).read_text(encoding="utf-8"))


RUSSIAN = _passages("ru.txt")
ENGLISH = _passages("en.txt")


def _texts(text: str, lang: str) -> list[str]:
    return [span.text for span in segment(text, lang)]


def test_seed_gives_the_46_sentences_a_translator_expects() -> None:
    content = SEED.read_text(encoding="utf-8")
    expected = (GOLD / "seed_ru.txt").read_text(encoding="utf-8").splitlines()
    assert len(expected) == 46
    assert _texts(content, "ru") == expected


def test_seed_sentences_keep_abbreviations_and_citations_together() -> None:
    sentences = _texts(SEED.read_text(encoding="utf-8"), "ru")
    joined = "\n".join(sentences)
    for phrase in (
        "«Здравствуй, т. Куйбышев!…",
        "ed. by R. V. Daniels, p. 308-309",
        "«КПСС в рез.», 1953, ч. II, стр. 438-439).",
        "Томский?» (Сталин, Соч., т. 11, стр. 220).",
        "\"ложь\", \"ты врешь\" и т. д.",
    ):
        assert phrase in joined
    assert sentences[5].startswith("Вот что рассказал Бухарин Каменеву о Сталине: «Мы чувствуем")
    assert sentences[19].startswith("3) Поскольку")
    assert sentences[26].endswith("2) велик страх раскола.")


def test_only_the_cut_off_last_sentence_of_the_seed_is_incomplete() -> None:
    spans = segment(SEED.read_text(encoding="utf-8"), "ru")
    assert [span.incomplete for span in spans] == [False] * 45 + [True]
    assert spans[-1].text.endswith("в статье")


def test_seed_spans_are_offsets_into_the_text_without_surrounding_whitespace() -> None:
    content = SEED.read_text(encoding="utf-8")
    spans = segment(content, "ru")
    for span in spans:
        assert content[span.start : span.end] == span.text == span.text.strip()
    assert all(a.end <= b.start for a, b in itertools.pairwise(spans))


@pytest.mark.parametrize("passage", RUSSIAN, ids=[p.name for p in RUSSIAN])
def test_russian_gold_passage(passage: GoldPassage) -> None:
    assert _texts(passage.text, "ru") == list(passage.sentences)


@pytest.mark.parametrize("passage", ENGLISH, ids=[p.name for p in ENGLISH])
def test_english_gold_passage(passage: GoldPassage) -> None:
    assert _texts(passage.text, "en") == list(passage.sentences)


def test_gold_sets_are_large_enough_and_have_several_sentence_passages() -> None:
    assert len(RUSSIAN) >= 60
    assert len(ENGLISH) >= 40
    assert sum(len(p.sentences) > 1 for p in RUSSIAN) >= 30
    assert sum(len(p.sentences) > 1 for p in ENGLISH) >= 20


def test_a_line_break_ends_a_sentence_even_without_punctuation() -> None:
    text = "Глава первая\nБухарин и Сталин в 1928 г.\nСм. ниже"
    assert _texts(text, "ru") == ["Глава первая", "Бухарин и Сталин в 1928 г.", "См. ниже"]


def test_a_line_break_after_an_abbreviation_still_ends_the_sentence() -> None:
    assert _texts("Спорили о ценах и т. д.\nРешения не приняли.", "ru") == [
        "Спорили о ценах и т. д.",
        "Решения не приняли.",
    ]


def test_crlf_line_breaks_stay_outside_the_sentences() -> None:
    text = "First line.\r\nSecond one. Third one.\r\n\r\nLast."
    spans = segment(text, "en")
    assert [s.text for s in spans] == ["First line.", "Second one.", "Third one.", "Last."]
    assert all(text[s.start : s.end] == s.text for s in spans)


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert segment("", "ru") == []
    assert segment(" \n\t\r\n", "en") == []


def test_a_text_ending_with_final_punctuation_has_no_incomplete_sentence() -> None:
    spans = segment("Он ушел. Вернулся ли он?\n", "ru")
    assert [s.incomplete for s in spans] == [False, False]
    closing_quote = segment("Он сказал: «Я приду».", "ru")
    assert not closing_quote[-1].incomplete


def test_a_text_stopping_mid_sentence_marks_only_the_last_sentence() -> None:
    spans = segment("He left. Then he wrote to", "en")
    assert [(s.text, s.incomplete) for s in spans] == [
        ("He left.", False),
        ("Then he wrote to", True),
    ]


def test_non_breaking_spaces_count_as_spaces() -> None:
    text = "Спорили о ценах и т.\u00a0д.\u00a0Решения не приняли."
    assert _texts(text, "ru") == ["Спорили о ценах и т.\u00a0д.", "Решения не приняли."]


def test_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        segment("Das ist alles.", "de")


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        (SEED.read_text(encoding="utf-8"), "ru"),
        ("Stalin, Soch., t. 11, s. 220. He wrote to Kuibyshev.", "en"),
        ("Письмо (Stalin to Kuibyshev, 1928) сохранилось.", "ru"),
        ("", "en"),
    ],
)
def test_detect_language_by_script(text: str, lang: str) -> None:
    assert detect_language(text) == lang


_ALPHABET = st.sampled_from(
    [*"аБвГ дЕ ab CD 12 .!?… ,:;«»\"'()[]—-\n\r\t\u00a0", "т. д. ", "Mr. ", "г. ", "...", "?» ("]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_ALPHABET, max_size=60).map("".join), st.sampled_from(["ru", "en"]))
def test_sentences_cover_every_visible_character_once_in_order(text: str, lang: str) -> None:
    spans = segment(text, lang)
    covered = [False] * len(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.end
        assert text[span.start : span.end] == span.text == span.text.strip()
        for pos in range(span.start, span.end):
            covered[pos] = True
        previous_end = span.end
    assert all(covered[pos] or text[pos].isspace() for pos in range(len(text)))
    assert not any(span.incomplete for span in spans[:-1])
    assert not any(_BLANK_LINE.search(span.text) for span in spans)


_BLANK_LINE = re.compile(r"(?:\r\n|[\n\r])[^\S\n\r]*(?:\r\n|[\n\r])")


def test_a_hard_wrapped_text_keeps_sentences_across_its_line_breaks() -> None:
    text = (
        "CHAPTER I\n\n"
        "It was in the summer of 1928 that Bukharin, by then\n"
        "thoroughly alarmed, went to see Kamenev. The meeting\n"
        "took place on July 11. Kamenev wrote down what he\n"
        "heard, and the note survives.\n\n"
        "Mr. Trotsky later printed it.\n"
    )
    assert _texts(text, "en") == [
        "CHAPTER I",
        "It was in the summer of 1928 that Bukharin, by then\nthoroughly alarmed, went to see"
        " Kamenev.",
        "The meeting\ntook place on July 11.",
        "Kamenev wrote down what he\nheard, and the note survives.",
        "Mr. Trotsky later printed it.",
    ]


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_a_hard_wrapped_text_with_crlf_or_cr_breaks_reads_like_one_with_lf(newline: str) -> None:
    text = (
        "CHAPTER I\n\n"
        "It was in the summer of 1928 that Bukharin, by then\n"
        "thoroughly alarmed, went to see Kamenev. The meeting\n"
        "took place on July 11. Kamenev wrote down what he\n"
        "heard, and the note survives.\n\n"
        "Mr. Trotsky later printed it.\n"
    )
    other = text.replace("\n", newline)
    spans = segment(other, "en")
    assert [s.text.replace(newline, "\n") for s in spans] == _texts(text, "en")
    assert len(spans) == 5


def test_short_lines_ending_in_full_stops_are_not_taken_for_wrapped_text() -> None:
    text = "Глава 1\n\nОн пришел.\nОна ушла.\nВсе молчали.\nКонец.\n"
    assert _texts(text, "ru") == ["Глава 1", "Он пришел.", "Она ушла.", "Все молчали.", "Конец."]


def test_footnote_marks_stay_with_their_sentence() -> None:
    spans = segment("Он пришел.¹ Потом ушел.[2] Так кончился день.³", "ru")
    assert [s.text for s in spans] == ["Он пришел.¹", "Потом ушел.[2]", "Так кончился день.³"]
    assert not spans[-1].incomplete


def test_gold_passage_format_names_passages_and_joins_sentences() -> None:
    passages = parse_gold_passages("# header\n\n# first\nA b.\nC d.\n\nE f.\n")
    assert passages == [
        GoldPassage("first", ("A b.", "C d.")),
        GoldPassage("passage 2", ("E f.",)),
    ]
    assert passages[0].text == "A b. C d."


def test_boundary_scores_count_missed_and_spurious_boundaries() -> None:
    text = "A b. C d. E f."
    gold = sentence_boundaries(text, ["A b.", "C d.", "E f."])
    assert gold == {4, 9}
    score = score_boundaries(gold, sentence_boundaries(text, ["A b. C d.", "E f."]))
    assert (score.true_positives, score.false_positives, score.false_negatives) == (1, 0, 1)
    assert score.precision == 1.0 and score.recall == 0.5
    total = score_segmenter([(text, ["A b.", "C d.", "E f."])], [["A b.", "C", "d. E f."]])
    assert total.false_positives == 1 and total.false_negatives == 1
