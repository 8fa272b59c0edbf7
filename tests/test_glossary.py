import pytest

from workbench.core.glossary import (
    GlossaryIndex,
    english_keys,
    find_terms,
    target_term_status,
    tokenize,
)
from workbench.core.model import GlossaryEntry

STALIN = GlossaryEntry("Сталин", ("Stalin",))
SPLITTER = GlossaryEntry("раскольник", ("splitter",), ("schismatic",))
CC_MEMBER = GlossaryEntry("член ЦК", ("member of the Central Committee",), ("CC member",))
MEASURES = GlossaryEntry("чрезвычайные меры", ("extraordinary measures",), ("emergency measures",))
POLITBURO_FULL = GlossaryEntry("Политбюро ЦК ВКП(б)", ("Politburo",))
BUKHARINITES = GlossaryEntry("бухаринцы", ("Bukharinites", "Bukharin group"))
NEP = GlossaryEntry("нэп", ("NEP",))


def matched(text: str, *entries: GlossaryEntry) -> list[str]:
    return [m.text for m in find_terms(text, entries)]


def test_every_case_of_a_surname_is_found() -> None:
    text = "Против Сталина, к Сталину, со Сталиным, о Сталине."
    assert matched(text, STALIN) == ["Сталина", "Сталину", "Сталиным", "Сталине"]


def test_the_adjective_derived_from_a_surname_is_not_the_surname() -> None:
    assert matched("сталинскую практику репрессий", STALIN) == []


def test_instrumental_and_genitive_plural_of_a_noun() -> None:
    text = "представить нас в качестве раскольников, что раскольником является Сталин"
    assert matched(text, SPLITTER) == ["раскольников", "раскольником"]


def test_multiword_terms_match_inflected() -> None:
    assert matched("попросил члена ЦК Сокольникова", CC_MEMBER) == ["члена ЦК"]
    assert matched("средние члены ЦК", CC_MEMBER) == ["члены ЦК"]
    assert matched("в отношении чрезвычайных мер", MEASURES) == ["чрезвычайных мер"]


def test_multiword_terms_do_not_match_across_punctuation_or_other_words() -> None:
    assert matched("он член. ЦК собрался", CC_MEMBER) == []
    assert matched("член бюро ЦК", CC_MEMBER) == []


def test_abbreviations_with_brackets_are_matched_literally() -> None:
    text = "члены Политбюро ЦК ВКП(б) заявляют"
    assert matched(text, POLITBURO_FULL) == ["Политбюро ЦК ВКП(б)"]
    assert matched("Политбюро ЦК ВКП", POLITBURO_FULL) == []


def test_plural_terms_and_lowercase_abbreviations() -> None:
    assert matched("бухаринцы брали; против бухаринцев", BUKHARINITES) == [
        "бухаринцы",
        "бухаринцев",
    ]
    assert matched("стороннику ленинского нэпа", NEP) == ["нэпа"]


def test_matches_carry_offsets_into_the_text() -> None:
    text = "Бухарин попросил члена ЦК Сокольникова"
    (match,) = find_terms(text, [CC_MEMBER])
    assert text[match.start : match.end] == match.text == "члена ЦК"
    assert match.entry is CC_MEMBER


def test_case_sensitive_entries_require_the_capitalisation() -> None:
    right = GlossaryEntry("Правые", ("the Right",), case_sensitive=True)
    assert matched("Правые возражали", right) == ["Правые"]
    assert matched("они правые", right) == []
    seven = GlossaryEntry("семёрка", ("the Seven",), case_sensitive=True)
    assert target_term_status("“The Seven met.", seven) == (True, [])
    assert target_term_status("In the Seven", seven) == (True, [])
    assert target_term_status("a group of the seven", seven) == (False, [])
    assert target_term_status("so The Seven met", seven) == (False, [])
    loose = GlossaryEntry("правые", ("the Right",))
    assert matched("Правых поддержали", loose) == ["Правых"]


def test_nested_terms_are_all_reported_longest_first() -> None:
    cc = GlossaryEntry("ЦК", ("Central Committee",))
    found = find_terms("члена ЦК", [cc, CC_MEMBER])
    assert [(m.entry.source, m.text) for m in found] == [("член ЦК", "члена ЦК"), ("ЦК", "ЦК")]


def test_english_terms_can_be_searched_by_their_approved_rendering() -> None:
    index = GlossaryIndex([SPLITTER, MEASURES], "en")
    found = index.find("The splitters took an extraordinary measure.")
    assert [m.text for m in found] == ["splitters", "extraordinary measure"]


def test_english_inflections_of_the_approved_term_count() -> None:
    assert target_term_status("He called them splitters.", SPLITTER) == (True, [])
    assert target_term_status("an extraordinary measure", MEASURES) == (True, [])
    assert target_term_status("Stalin's line", STALIN) == (True, [])
    assert target_term_status("the Bukharinite faction", BUKHARINITES) == (True, [])
    assert target_term_status("the Bukharin groups", BUKHARINITES) == (True, [])


def test_english_status_reports_forbidden_variants_and_absence() -> None:
    assert target_term_status("They took emergency measures.", MEASURES) == (
        False,
        ["emergency measures"],
    )
    assert target_term_status("He called them dissenters.", SPLITTER) == (False, [])


def test_forbidden_variant_inside_the_approved_term_is_not_reported() -> None:
    entry = GlossaryEntry("ЦК", ("Central Committee",), ("Committee",))
    assert target_term_status("the Central Committee met", entry) == (True, [])
    assert target_term_status("the Committee met", entry) == (False, ["Committee"])


def test_english_normaliser_keys() -> None:
    assert "measure" in english_keys("measures")
    assert "purge" in english_keys("purged")
    assert "stalin" in english_keys("Stalin’s")
    assert "policy" in english_keys("policies")
    assert english_keys("Congress") == {"congress"}


def test_tokens_keep_offsets_and_hyphenated_parts() -> None:
    tokens = tokenize("каких-нибудь двадцать дней", "ru")
    assert [t.text for t in tokens] == ["каких", "нибудь", "двадцать", "дней"]
    assert tokens[2].start == 13


def test_index_finds_terms_in_a_long_text() -> None:
    text = "Сталин и раскольники. " * 2000
    index = GlossaryIndex([STALIN, SPLITTER])
    assert len(index.find(text)) == 4000


TOMSKY = GlossaryEntry("Томский", ("Tomsky",), case_sensitive=True, pos="properNoun")
SEVEN = GlossaryEntry("семёрка", ("the Seven",), case_sensitive=True)
LOAN = GlossaryEntry("заём", ("loan",))
MIC = GlossaryEntry("военно-промышленный комплекс", ("military-industrial complex",))


@pytest.mark.parametrize(
    ("entry", "forms"),
    [
        (STALIN, ["Сталин", "Сталина", "Сталину", "Сталиным", "Сталине"]),
        (
            SPLITTER,
            ["раскольник", "раскольника", "раскольнику", "раскольником", "раскольнике",
             "раскольники", "раскольников", "раскольникам", "раскольниками", "раскольниках"],
        ),
        (
            MEASURES,
            ["чрезвычайные меры", "чрезвычайных мер", "чрезвычайным мерам",
             "чрезвычайными мерами", "чрезвычайных мерах", "чрезвычайная мера",
             "чрезвычайной меры", "чрезвычайную меру", "чрезвычайной мерой"],
        ),
        (CC_MEMBER, ["член ЦК", "члена ЦК", "члену ЦК", "членом ЦК", "члене ЦК", "членов ЦК",
                     "членам ЦК", "членами ЦК", "членах ЦК"]),
        (POLITBURO_FULL, ["Политбюро ЦК ВКП(б)"]),
        (SEVEN, ["семёрка", "семерка", "семерке", "семёрке", "семеркой", "семерку"]),
        (LOAN, ["заём", "заем", "займа", "займу", "займом", "займе", "займы", "займов"]),
        (MIC, ["военно-промышленный комплекс", "военно-промышленного комплекса",
               "военно-промышленным комплексом", "военно-промышленном комплексе"]),
    ],
)
def test_every_inflected_form_is_found(entry: GlossaryEntry, forms: list[str]) -> None:
    text = "; ".join(f"и {form} тоже" for form in forms)
    assert matched(text, entry) == forms


def test_case_sensitive_terms_keep_their_case_through_inflection() -> None:
    assert matched("Томского и Томскому", TOMSKY) == ["Томского", "Томскому"]
    assert matched("томского университета", TOMSKY) == []
