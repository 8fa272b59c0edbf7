from collections.abc import Sequence

import pytest

from workbench.core.model import (
    Finding,
    GlossaryEntry,
    Link,
    Provenance,
    QuotationSpan,
    Severity,
    Span,
)
from workbench.core.qa import CHECKS, run_checks
from workbench.core.qa.marks import mark_balance
from workbench.core.qa.numbers import english_numbers, russian_numbers
from workbench.core.qa.script import mixed_script_words

MEASURES = GlossaryEntry("чрезвычайные меры", ("extraordinary measures",), ("emergency measures",))
SPLITTER = GlossaryEntry("раскольник", ("splitter",), ("schismatic",))
CC = GlossaryEntry("ЦК", ("Central Committee",))
CC_MEMBER = GlossaryEntry("член ЦК", ("member of the Central Committee",))


def spans(sentences: Sequence[str]) -> list[Span]:
    result, offset = [], 0
    for sentence in sentences:
        result.append(Span(offset, offset + len(sentence), sentence))
        offset += len(sentence) + 1
    return result


def one_to_one(n: int) -> list[Link]:
    return [Link((i,), (i,)) for i in range(n)]


def check(
    name: str,
    source: Sequence[str],
    target: Sequence[str],
    glossary: Sequence[GlossaryEntry] = (),
    links: Sequence[Link] | None = None,
    quotations: Sequence[QuotationSpan] = (),
) -> list[Finding]:
    links = one_to_one(len(source)) if links is None else links
    return run_checks(spans(source), target, links, glossary, quotations, checks=[name])


def fires(name: str, source: str, target: str, glossary: Sequence[GlossaryEntry] = ()) -> bool:
    return bool(check(name, [source], [target], glossary))


# --------------------------------------------------------------------- glossary


def test_missing_term_fires_when_the_approved_rendering_is_absent() -> None:
    (finding,) = check(
        "glossary-term-missing",
        ["Сталин уступает нам в отношении чрезвычайных мер."],
        ["Stalin yields to us on the emergency steps."],
        [MEASURES],
    )
    assert finding.severity is Severity.WARNING
    assert "extraordinary measures" in finding.message
    assert (finding.src, finding.tgt) == ((0,), (0,))


def test_missing_term_does_not_fire_on_an_inflected_rendering() -> None:
    assert not fires(
        "glossary-term-missing",
        "Мы не хотим быть раскольниками.",
        "We do not want to be splitters.",
        [SPLITTER],
    )


def test_missing_term_does_not_fire_without_the_source_term() -> None:
    assert not fires(
        "glossary-term-missing", "Это идиотская безграмотность.", "Idiocy.", [SPLITTER]
    )


def test_shorter_term_inside_a_satisfied_longer_term_is_not_demanded() -> None:
    assert not fires(
        "glossary-term-missing",
        "Бухарин попросил члена ЦК Сокольникова.",
        "Bukharin asked Sokolnikov, a member of the Central Committee.",
        [CC, CC_MEMBER],
    )
    found = check(
        "glossary-term-missing",
        ["Бухарин попросил члена ЦК Сокольникова."],
        ["Bukharin asked Sokolnikov, a CC man."],
        [CC, CC_MEMBER],
    )
    # One problem, told once: about the longer term, which names what to write.
    assert [f.message.split(":")[0] for f in found] == ["«члена ЦК» (член ЦК)"]
    found = check(
        "glossary-term-missing",
        ["ЦК собрался. Бухарин попросил члена ЦК Сокольникова."],
        ["The CC met. Bukharin asked Sokolnikov, a CC man."],
        [CC, CC_MEMBER],
    )
    assert len(found) == 2


def test_a_translation_still_in_russian_is_left_to_the_untranslated_checks() -> None:
    russian = "Бухарин попросил члена ЦК Сокольникова 11 июля."
    for check_id in ("glossary-term-missing", "glossary-forbidden", "number-mismatch"):
        assert not fires(check_id, russian, russian, [CC, CC_MEMBER])
        assert not fires(check_id, russian, "Бухарин просил члена ЦК 11 июля.", [CC, CC_MEMBER])
    assert fires("identical", russian, russian, [CC, CC_MEMBER])
    assert fires("untranslated", russian, "Бухарин просил члена ЦК 11 июля.")


def test_proposed_entries_are_not_enforced() -> None:
    proposed = GlossaryEntry("раскольник", ("splitter",), ("schismatic",), status="proposed")
    assert not fires("glossary-term-missing", "раскольником", "a schismatic", [proposed])
    assert not fires("glossary-forbidden", "раскольником", "a schismatic", [proposed])


def test_forbidden_variant_fires_as_an_error_and_replaces_the_missing_warning() -> None:
    source, target = (
        "Сталин уступает в отношении чрезвычайных мер.",
        "Stalin gives way on emergency measures.",
    )
    (finding,) = check("glossary-forbidden", [source], [target], [MEASURES])
    assert finding.severity is Severity.ERROR
    assert "emergency measures" in finding.message
    assert not fires("glossary-term-missing", source, target, [MEASURES])


def test_forbidden_variant_does_not_fire_when_only_the_approved_term_is_used() -> None:
    assert not fires(
        "glossary-forbidden", "чрезвычайных мер", "of the extraordinary measures", [MEASURES]
    )


# --------------------------------------------------------------------- numbers


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("Оно состоялось 11 июля.", "It took place on July 11."),
        ("В сентябре 1928 года.", "In September 1928."),
        ("p. 308-309", "pp. 308–309"),
        (
            "(«КПСС в рез.», 1953, ч. II, стр. 438-439).",
            "(CPSU in Resolutions, 1953, part II, pp. 438–439).",
        ),
        ("Через каких-нибудь двадцать дней.", "Some 20 days later."),
        ("Через 20 дней.", "Twenty days later."),
        ("1) капитализм 2) социализм", "first, capitalism; second, socialism"),
        ("XV съезд", "the Fifteenth Congress"),
        ("Было 1 500 000 человек и 2,5 процента.", "There were 1,500,000 people and 2.5 per cent."),
        ("Я уже несколько недель не разговариваю.", "I have not spoken to him for weeks."),
        ("25 мая", "May 25"),
        ("в 30-е годы прошлого века", "in the 1930s"),
        ("до 3 тыс. наименований", "up to 3,000 products"),
        ("Матч пройдет в 15:00.", "The match is at 3 p.m."),
        ("найдено в 7:55", "found at 7.55am"),
        ("по телефону 0800 555 111", "on 0800 555 111"),
        ("Через три месяца после июньского саммита", "Three months after the June summit"),
        ("на 10 лет позже", "a decade later"),
        ("по номеру 116 123", "on 116 123"),
        ("26 декабря", "on Dec. 26"),
        ("на подиуме Марты Якубовской", "on Marta Jakubowski's catwalk"),
        ("В 1928–1929 гг. шла борьба.", "The struggle went on in 1928–29."),
        ("в 1928-29 гг.", "in 1928–1929"),
        ("стр. 308–309", "pp. 308–9"),
        ("в ссылке с 1928 по 1929 год", "in exile in 1928–29"),
        ("ст. 58-10", "Article 58-10"),
        ("около 1/3 крестьян", "about a third of the peasants"),
        ("около трети крестьян", "about 1/3 of the peasants"),
    ],
)
def test_numbers_that_agree_do_not_fire(source: str, target: str) -> None:
    assert not fires("number-mismatch", source, target)


@pytest.mark.parametrize(
    ("source", "target", "words"),
    [
        ("Оно состоялось 11 июля.", "It took place on July 12.", "11"),
        ("Оно состоялось 11 июля.", "It took place on June 11.", "July"),
        ("ч. II, стр. 438", "part III, p. 438", "II"),
        ("в 1928 году", "in 1929", "1929"),
        ("т. 11, стр. 220", "vol. 11", "220"),
        ("возглавил правление в марте", "became chairman in May", "March"),
        ("в 15:00", "at 4 p.m.", "15:00"),
        ("в 1928–1929 гг.", "in 1928–30", "1929"),
        ("стр. 308–309", "pp. 308–19", "309"),
        ("ст. 58-10", "Article 58-11", "10"),
        ("около 1/3 крестьян", "about half of the peasants", "3"),
    ],
)
def test_numbers_that_differ_fire_as_errors(source: str, target: str, words: str) -> None:
    (finding,) = check("number-mismatch", [source], [target])
    assert finding.severity is Severity.ERROR
    assert words in finding.message


def test_number_extraction_by_language() -> None:
    assert russian_numbers("ч. II, 1 000 человек, 2,5%").required_values == {"II", "1000", "2.5"}
    assert english_numbers("I said part I, 1,000 men, 2.5%").required_values == {"I", "1000", "2.5"}
    assert english_numbers("twenty-five").available >= {"20", "5", "25"}
    assert english_numbers("May I march? March on, comrades!").months == set()
    assert english_numbers("since March, and on May 1").months == {3, 5}
    assert english_numbers("at 3 p.m. and 7.55am").available >= {"15:00", "15", "7:55"}
    assert russian_numbers("до 3 тыс. наименований").available == {"3", "3000"}


# --------------------------------------------------------------------- untranslated / identical


def test_untranslated_fires_on_an_omitted_sentence_and_on_russian_left_in() -> None:
    found = check(
        "untranslated",
        ["Похоже на то, что узнал.", "Оно состоялось.", "Это дань."],
        ["It took place.", "Это дань крестьянства (tribute)."],
        links=[Link((0,), ()), Link((1,), (0,)), Link((2,), (1,))],
    )
    assert [(f.src, f.tgt) for f in found] == [((0,), ()), ((2,), (1,))]
    assert all(f.severity is Severity.ERROR for f in found)


def test_untranslated_does_not_fire_on_english_with_a_quoted_russian_word() -> None:
    assert not fires(
        "untranslated",
        "Так натравливает «чистоплотный» Сталин.",
        "So the “clean” (чистоплотный) Stalin sets him on.",
    )


def test_identical_fires_on_a_copied_source_once() -> None:
    source = "Бухарин попросил члена ЦК."
    assert fires("identical", source, " Бухарин  попросил члена ЦК.")
    assert not fires("untranslated", source, source)
    assert not fires("identical", source, "Bukharin asked a member of the Central Committee.")
    assert not fires("identical", "1)", "1)")
    assert not fires("identical", "XIV.", "XIV.")
    (finding,) = check("identical", ["Il faut bien le faire."], ["Il faut bien le faire."])
    assert finding.severity is Severity.INFO


# --------------------------------------------------------------------- length ratio


def test_length_ratio_flags_the_outlier_only() -> None:
    source = [f"Предложение номер {i} о событиях того лета." for i in range(12)]
    target = [f"Sentence number {i} about the events of that summer." for i in range(12)]
    target[5] = "Sentence."
    target[8] = target[8] + " And then a long addition that the Russian does not have at all, " * 2
    found = check("length-ratio", source, target)
    assert [f.src for f in found] == [(5,), (8,)]
    assert "shorter" in found[0].message and "longer" in found[1].message


def test_length_ratio_is_silent_on_a_consistent_or_tiny_document() -> None:
    source = [f"Предложение номер {i} о событиях." + " Ещё слова." * (i % 4) for i in range(12)]
    target = [f"Sentence number {i} about events." + " More words." * (i % 4) for i in range(12)]
    assert check("length-ratio", source, target) == []
    assert check("length-ratio", ["Да.", "Нет."], ["Yes, indeed, absolutely.", "No."]) == []


# --------------------------------------------------------------------- marks


def test_unbalanced_bracket_fires() -> None:
    (finding,) = check(
        "unbalanced-marks", ["Самокритика (Сталина) целит."], ["Self-criticism (Stalin's aims."]
    )
    assert "round brackets" in finding.message


def test_unbalanced_quote_in_a_balanced_source_fires() -> None:
    assert fires("unbalanced-marks", "говорят «ложь» друг другу", "they say “lies to each other")


def test_a_quotation_spanning_sentences_is_compared_with_the_source() -> None:
    source = "Вот что рассказал Бухарин: «Мы чувствуем, что линия гибельна."
    assert not fires(
        "unbalanced-marks", source, "This is what Bukharin said: “We feel the line is fatal."
    )
    assert fires(
        "unbalanced-marks", source, "This is what Bukharin said: “We feel the line is fatal.”"
    )


def test_different_quote_styles_and_list_markers_are_fine() -> None:
    assert not fires(
        "unbalanced-marks",
        'Мы согласны: "Это было бы лучше". Вот его линия: 1) капитализм 2) социализм',
        "We agree: ‘It would be better’. His line: (1) capitalism (2) socialism",
    )
    balance = mark_balance("ВКП(б) и 1) пункт")
    assert (balance.round_unclosed, balance.round_unopened) == (0, 0)
    assert mark_balance("on Saturday (September 29) as").round_unclosed == 0


def test_single_quotes_count_but_apostrophes_do_not() -> None:
    source = "Говорит инспектор О'Хейген: «Расследование идет, звоните нам»."
    assert not fires("unbalanced-marks", source, "O'Hagan said: 'The inquiry is on, call us.'")
    assert fires("unbalanced-marks", source, "O'Hagan said: 'The inquiry is on, call us.")
    assert mark_balance("Stalin’s line, Trotsky's papers").quotes == 0
    assert not mark_balance("the workers’ party").quotes_certain
    assert not fires("unbalanced-marks", "«партия рабочих»", "“the workers’ party")


# --------------------------------------------------------------------- mixed script


def test_mixed_script_finds_the_cyrillic_a_in_a_latin_title_in_the_source() -> None:
    source = '(„А Documentary History of Communism", ed. by R. V. Daniels, p. 308-309).'
    target = "(A Documentary History of Communism, ed. R. V. Daniels, pp. 308–309)."
    (finding,) = check("mixed-script", [source], [target])
    assert finding.message.startswith("source:") and "«А»" in finding.message


def test_mixed_script_finds_a_mixed_word_in_the_translation() -> None:
    (finding,) = check("mixed-script", ["Рыков согласен."], ["Rykоv agrees."])
    assert finding.message.startswith("translation:") and "Rykоv" in finding.message


def test_mixed_script_is_silent_on_clean_text_with_foreign_words() -> None:
    assert list(mixed_script_words("ed. by R. V. Daniels, p. 308, из архива Троцкого")) == []
    assert list(mixed_script_words("the word «а» in Russian")) == []
    assert not fires("mixed-script", "Сталин, Соч., т. 11", "Stalin, Works, vol. 11")
    assert list(mixed_script_words("По данным Nielsen, у Fox News и шоу BBC, кепку B")) == []


def test_mixed_script_finds_look_alike_letters_of_the_other_language() -> None:
    assert [w for w, _ in mixed_script_words("Риса Кусума, a 35-летняя мать")] == ["a"]
    assert [w for w, _ in mixed_script_words("B 1928 году")] == ["B"]
    (finding,) = check("mixed-script", ["Это тест."], ["This is а test."])
    assert finding.message.startswith("translation:") and "«а»" in finding.message


# --------------------------------------------------------------------- quotation via English


def test_quotation_reminder_on_every_link_the_quotation_covers() -> None:
    source = [
        "Вот что он сказал: «Мы чувствуем.",
        "Мы понимаем.",
        "Это Сталин»(Daniels).",
        "Конец.",
    ]
    sent = spans(source)
    quotation = QuotationSpan(
        sent[0].start + 19,
        sent[2].start + 11,
        "«…»",
        Provenance.VIA_ENGLISH,
        0.9,
        citation="Daniels",
        advice="Take the English wording from Daniels.",
    )
    nested = QuotationSpan(sent[1].start, sent[1].end, "…", Provenance.VIA_ENGLISH, 0.9, depth=1)
    links = [Link((0, 1), (0,)), Link((2,), (1,)), Link((3,), (2,))]
    found = run_checks(
        sent, ["a", "b", "c"], links, [], [quotation, nested], checks=["quotation-via-english"]
    )
    assert [f.src for f in found] == [(0, 1), (2,)]
    assert all(f.severity is Severity.INFO and "Daniels" in f.message for f in found)


def test_each_quotation_from_english_reminds_only_the_links_it_covers() -> None:
    source = ["«Один.»", "Между.", "«Два.", "Три.»", "После."]
    sent = spans(source)
    first = QuotationSpan(sent[0].start, sent[0].end, "«…»", Provenance.VIA_ENGLISH, 0.9)
    second = QuotationSpan(sent[2].start, sent[3].end, "«…»", Provenance.VIA_ENGLISH, 0.9)
    links = [
        Link((0,), (0,)),
        Link((1,), (1,)),
        Link((), (2,)),  # an English sentence with no Russian: nothing to take from English
        Link((2,), (3,)),
        Link((3,), (4,)),
        Link((4,), ()),
    ]
    found = run_checks(
        sent, list("abcde"), links, [], [second, first], checks=["quotation-via-english"]
    )
    assert [f.src for f in found] == [(0,), (2,), (3,)]


def test_russian_original_quotations_get_no_reminder() -> None:
    sent = spans(["«Здравствуй, т. Куйбышев!» (Сталин, Соч., т. 11, стр. 220)."])
    quotation = QuotationSpan(0, 25, "«…»", Provenance.RUSSIAN_ORIGINAL, 0.9)
    assert (
        run_checks(
            sent, ["Hello"], one_to_one(1), [], [quotation], checks=["quotation-via-english"]
        )
        == []
    )


# --------------------------------------------------------------------- registry


def test_findings_come_in_document_order_with_stable_ids() -> None:
    assert list(CHECKS) == [
        "untranslated",
        "identical",
        "glossary-forbidden",
        "glossary-term-missing",
        "number-mismatch",
        "length-ratio",
        "unbalanced-marks",
        "mixed-script",
        "quotation-via-english",
    ]
    found = run_checks(
        spans(["Оно было 11 июля.", "Раскольником является Сталин."]),
        ["It was on July 12.", "It is Stalin who is the schismatic."],
        one_to_one(2),
        [SPLITTER],
    )
    assert [(f.check, f.src) for f in found] == [
        ("number-mismatch", (0,)),
        ("glossary-forbidden", (1,)),
    ]


def test_unknown_check_and_bad_links_are_refused() -> None:
    with pytest.raises(ValueError, match="unknown QA check"):
        run_checks(spans(["а"]), ["a"], one_to_one(1), [], checks=["spelling"])
    with pytest.raises(ValueError, match="missing sentences"):
        run_checks(spans(["а"]), ["a"], [Link((0,), (3,))], [])


def test_an_english_paragraph_reopening_a_continued_quotation_is_fine() -> None:
    source = ["Он сказал: «Мы чувствуем.", "В результате мы стали на путь.", "Это всё»."]
    sent = spans(source)
    quotation = QuotationSpan(sent[0].start + 11, sent[2].end - 1, "«…»", Provenance.VIA_ENGLISH, 1)
    target = ["He said: “We feel.", "“As a result we set out on the road.", "That is all.”"]
    found = run_checks(sent, target, one_to_one(3), [], [quotation], checks=["unbalanced-marks"])
    assert found == []
    found = run_checks(sent, target, one_to_one(3), [], [], checks=["unbalanced-marks"])
    assert [f.src for f in found] == [(1,)]
