"""A small hand-made workspace for the UI tests, and tests of the UI state built on it.

The workspace has two translations, a 2-1 link, a doubtful link, a quotation taken
from English, a note, glossary terms and a translator's "[sic]" (which must never be
read as markup).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.core.model import (
    Document,
    GlossaryEntry,
    Link,
    LinkStatus,
    Provenance,
    QuotationSpan,
    Span,
)
from workbench.store import Store
from workbench.tui.state import RowFilter, Search, WorkbenchState

RUSSIAN = [
    "Бухарин еще задолго до пленума порвал личные отношения со Сталиным.",
    "Еще во время пленума Бухарин попросил члена ЦК Сокольникова устроить ему свидание.",
    "Оно состоялось 11 июля.",
    "О беседе сохранилась запись Каменева.",
    "Вот что рассказал Бухарин: «Мы чувствуем, что линия Сталина гибельна для всей революции».",
    "Разногласия между нами много раз серьезнее.",
    "Рыков и Томский согласны.",
    "Это было бы куда лучше.",
]
CLOSE = [
    "Long before the plenum Bukharin had broken off personal relations with Stalin.",
    "During the plenum Bukharin asked Sokolnikov, a member of the CC, to arrange a meeting.",
    "It took place on 11 July.",
    "A record of the conversation [sic] survives.",
    "Here is what Bukharin said: 'We feel that Stalin's line is ruinous for the revolution.'",
    "Our disagreements are many times more serious. Rykov and Tomsky agree.",
    "That would be much better.",
]
FREE = [
    "Bukharin had cut his ties with Stalin well before the plenum.",
    "At the plenum he asked Sokolnikov to set up a meeting.",
    "They met on 11 July.",
    "Kamenev's notes of the talk survive.",
    "Bukharin said: 'Stalin's line will ruin the revolution.'",
    "Our differences are far deeper.",
    "Rykov and Tomsky agree.",
    "That would be far better.",
]
CLOSE_LINKS = [
    Link((0,), (0,), 0.92),
    Link((1,), (1,), 0.88),
    Link((2,), (2,), 0.95),
    Link((3,), (3,), 0.31),
    Link((4,), (4,), 0.90),
    Link((5, 6), (5,), 0.71),
    Link((7,), (6,), 0.93),
]
QUOTED = "«Мы чувствуем, что линия Сталина гибельна для всей революции»"


def document(name: str, lang: str, sentences: list[str]) -> Document:
    spans = []
    position = 0
    for sentence in sentences:
        spans.append(Span(position, position + len(sentence), sentence))
        position += len(sentence) + 1
    return Document(name=name, lang=lang, text=" ".join(sentences), sentences=spans)


def build_small_workspace(path: Path) -> Path:
    """Write the small workspace at ``path`` and return ``path``."""
    source = document("source", "ru", RUSSIAN)
    with Store.create(path, name="small", created="2024-01-01T00:00:00+00:00") as store:
        store.add_document(source)
        store.add_translation("close", document("close", "en", CLOSE), CLOSE_LINKS)
        store.add_translation("free", document("free", "en", FREE),
                              [Link((i,), (i,), 0.9) for i in range(len(FREE))])
        start = source.text.index(QUOTED)
        store.set_quotations([
            QuotationSpan(
                start=start, end=start + len(QUOTED), text=QUOTED,
                provenance=Provenance.VIA_ENGLISH, confidence=0.9,
                citation="Trotsky Archive, T 1897 (English translation)",
                evidence=("the citation is an English archive reference",),
                advice="Quote Bukharin's words from the English record, not a back-translation.",
            )
        ])
        store.add_term(GlossaryEntry("ЦК", ("Central Committee",), forbidden=("CC",),
                                     pos="properNoun"))
        store.add_term(GlossaryEntry("пленум", ("plenum",), pos="noun"))
        store.add_note(0, "Check the date of the plenum.", author="ann", translation="close",
                       created="2024-01-02T10:00:00+00:00")
    return path


@pytest.fixture
def small_workspace(tmp_path: Path) -> Path:
    return build_small_workspace(tmp_path / "small.sqlite")


def test_rows_carry_link_types_and_badges(small_workspace: Path) -> None:
    with Store.open(small_workspace) as store:
        state = WorkbenchState(store)
        rows = state.rows()
    assert [row.kind for row in rows].count("2-1") == 1
    assert rows[3].low_confidence and not rows[0].low_confidence
    assert rows[4].quotation and not rows[3].quotation
    assert rows[0].note and not rows[1].note
    assert "[sic]" in rows[3].columns[1]


def test_filters_and_search_limit_the_rows(small_workspace: Path) -> None:
    with Store.open(small_workspace) as store:
        state = WorkbenchState(store)
        state.set_filter(RowFilter.FLAGGED)
        assert state.visible == [3, 4]
        state.set_filter(RowFilter.NOTES)
        assert state.visible == [0]
        state.set_filter(RowFilter.ALL)
        state.set_search(Search("сталин"))
        assert state.visible == [0, 4]
        state.set_search(Search(r"1\d July", regex=True))
        assert state.visible == [2]


def test_compare_puts_each_sentence_of_the_second_translation_once(
    small_workspace: Path,
) -> None:
    with Store.open(small_workspace) as store:
        state = WorkbenchState(store)
        assert state.toggle_compare() == "free"
        rows = state.rows()
    assert len(rows[0].columns) == 3
    assert rows[5].columns[2] == "Our differences are far deeper. Rykov and Tomsky agree."
    joined = " ".join(row.columns[2] for row in rows)
    assert all(joined.count(sentence) == 1 for sentence in FREE)


def test_detail_reports_glossary_use_and_the_quotation(small_workspace: Path) -> None:
    with Store.open(small_workspace) as store:
        state = WorkbenchState(store)
        detail = state.detail(1)
        quoted = state.detail(4)
    hits = {hit.entry.source: hit for hit in detail.glossary_hits}
    assert not hits["ЦК"].approved_used
    assert hits["ЦК"].forbidden_used == ("CC",)
    assert hits["пленум"].approved_used
    assert quoted.quotations[0].citation is not None
    assert quoted.quotations[0].provenance is Provenance.VIA_ENGLISH


def test_confirmed_links_are_not_unconfirmed(small_workspace: Path) -> None:
    with Store.open(small_workspace) as store:
        store.confirm_link("close", 2)
        state = WorkbenchState(store)
        state.set_filter(RowFilter.UNCONFIRMED)
        assert 2 not in state.visible
        assert state.translation.links[2].status is LinkStatus.CONFIRMED
