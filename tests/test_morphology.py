from workbench.core.morphology import RussianMorphology, fold_yo, russian_morphology


def test_inflected_surnames_share_the_lemma_of_the_nominative() -> None:
    morph = RussianMorphology()
    for form in ("Сталина", "Сталину", "Сталиным", "Сталине"):
        assert "сталин" in morph.lemmas(form)


def test_term_lemmas_prefer_the_dictionary_reading() -> None:
    morph = RussianMorphology()
    assert morph.term_lemmas("дань") == {"дань"}
    assert "даня" in morph.lemmas("дань")


def test_plural_terms_fall_back_to_every_lemma() -> None:
    assert "мера" in RussianMorphology().term_lemmas("меры")


def test_yo_is_folded_in_forms_and_lemmas() -> None:
    morph = RussianMorphology()
    assert fold_yo("Ёлка") == "елка"
    assert morph.lemmas("ещё") == morph.lemmas("еще")


def test_parses_are_cached_per_form_ignoring_case() -> None:
    morph = RussianMorphology()
    morph.lemmas("Раскольником")
    morph.lemmas("раскольником")
    morph.term_lemmas("РАСКОЛЬНИКОМ")
    assert morph.cached_forms == 1


def test_the_shared_analyser_is_created_once() -> None:
    assert russian_morphology() is russian_morphology()
