"""The workspace store: every operation, and undo/redo of each."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from workbench.core.model import (
    Document,
    GlossaryEntry,
    Link,
    LinkStatus,
    Provenance,
    QuotationSpan,
    SegmentStatus,
    Span,
)
from workbench.store import (
    SCHEMA_VERSION,
    ConflictError,
    Store,
    WorkspaceDamagedError,
    WorkspaceError,
)
from workbench.textio import InputError

RU = "Бухарин пришёл. Сталин молчал. Рыков ушёл. Все ждали."
EN = "Bukharin came. Stalin kept silent. Rykov left. Everyone waited."


def sentences(text: str) -> list[Span]:
    """Split on '. ' — enough for these small texts."""
    spans: list[Span] = []
    start = 0
    while start < len(text):
        end = text.find(". ", start)
        end = len(text) if end < 0 else end + 1
        spans.append(Span(start, end, text[start:end]))
        start = end + 1
    return spans


def one_to_one(n: int) -> list[Link]:
    return [Link((i,), (i,), 0.5 + i / 10) for i in range(n)]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    path = tmp_path / "w.workbench.sqlite"
    with Store.create(path, name="test", created="2026-01-02T03:04:05Z") as st:
        st.add_document(Document("seed", "ru", RU, sentences(RU)))
        st.add_translation("en", Document("en", "en", EN, sentences(EN)), one_to_one(4))
        yield st


def kinds(st: Store, name: str = "en") -> list[tuple[tuple[int, ...], tuple[int, ...], str]]:
    return [(link.src, link.tgt, link.status.value) for link in st.translation(name).links]


def test_a_new_workspace_keeps_its_metadata_after_reopening(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Store.create(path, name="Bukharin", created="2026-01-02T03:04:05Z").close()
    with Store.open(path) as st:
        assert st.name == "Bukharin"
        assert st.created == "2026-01-02T03:04:05Z"
        assert st.is_empty()
        assert st.integrity_problems() == []


def test_view_settings_survive_reopening_without_a_revision_or_history(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Store.create(path, name="Bukharin", created="2026-01-02T03:04:05Z") as st:
        assert st.view_setting("position") == ""
        revision = st.revision()
        st.set_view_setting("position", "en 41")
        st.set_view_setting("position", "en 42")
        assert st.revision() == revision
        assert not st.can_undo()
    with Store.open(path) as st:
        assert st.view_setting("position") == "en 42"
        assert st.view_setting("other") == ""
        assert st.name == "Bukharin"
    with Store.open(path) as st:
        st._db.execute("PRAGMA query_only = ON")  # as a read-only file would refuse
        with pytest.raises(InputError, match="view setting position"):
            st.set_view_setting("position", "en 1")
        assert st.view_setting("position") == "en 42"


def test_create_refuses_to_overwrite(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    path.write_text("precious")
    with pytest.raises(InputError, match="already exists"):
        Store.create(path)
    assert path.read_text() == "precious"


def test_source_and_translation_read_back_as_stored(store: Store) -> None:
    source = store.source()
    assert source.text == RU
    assert [s.text for s in source.sentences] == [s.text for s in sentences(RU)]
    assert store.translation_names() == ["en"]
    tr = store.translation("en")
    assert tr.segments == ["Bukharin came.", "Stalin kept silent.", "Rykov left.",
                           "Everyone waited."]
    assert [link.score for link in tr.links] == pytest.approx([0.5, 0.6, 0.7, 0.8])
    assert tr.statuses == {}


def test_unknown_translation_is_a_clear_error(store: Store) -> None:
    with pytest.raises(WorkspaceError, match=r"no translation named 'fr'.*known: en"):
        store.translation("fr")


def test_uncovered_sentences_get_one_to_zero_and_zero_to_one_links(tmp_path: Path) -> None:
    with Store.create(tmp_path / "w.sqlite") as st:
        st.add_document(Document("seed", "ru", RU, sentences(RU)))
        st.add_translation("en", Document("en", "en", EN, sentences(EN)),
                           [Link((0,), (0,)), Link((2,), (1, 2))])
        assert kinds(st) == [((0,), (0,), "automatic"), ((1,), (), "automatic"),
                             ((2,), (1, 2), "automatic"), ((3,), (), "automatic"),
                             ((), (3,), "automatic")]


@pytest.mark.parametrize(
    "links, message",
    [
        ([Link((1,), (0,)), Link((0,), (1,))], "out of order"),
        ([Link((0, 2), (0,))], "not consecutive"),
        ([Link((), ())], "no sentence"),
        ([Link((0,), (9,))], "beyond"),
    ],
)
def test_malformed_links_are_refused_and_nothing_is_stored(
    tmp_path: Path, links: list[Link], message: str
) -> None:
    with Store.create(tmp_path / "w.sqlite") as st:
        st.add_document(Document("seed", "ru", RU, sentences(RU)))
        with pytest.raises(WorkspaceError, match=message):
            st.add_translation("en", Document("en", "en", EN, sentences(EN)), links)
        assert st.translation_names() == []


def test_sentences_that_do_not_match_their_offsets_are_refused(tmp_path: Path) -> None:
    with (Store.create(tmp_path / "w.sqlite") as st,
          pytest.raises(WorkspaceError, match="sentence 1 does not match")):
        st.add_document(Document("seed", "ru", RU, [Span(0, 5, "Сталин")]))


def test_edit_segment_undo_redo(store: Store) -> None:
    store.edit_segment("en", 1, "Stalin said nothing.")
    assert store.translation("en").segments[1] == "Stalin said nothing."
    assert store.undo_description() == "Edit segment 2 (en)"
    assert store.undo() == "Edit segment 2 (en)"
    assert store.translation("en").segments[1] == "Stalin kept silent."
    assert store.redo() == "Edit segment 2 (en)"
    assert store.translation("en").segments[1] == "Stalin said nothing."


def test_editing_back_to_the_original_stores_no_copy_of_the_text(store: Store) -> None:
    store.edit_segment("en", 0, "Bukharin arrived.")
    store.edit_segment("en", 0, "Bukharin came.")
    assert store.translation("en").segments[0] == "Bukharin came."
    # The text is the original again: an edit to the same text is not an action.
    before = store.undo_description()
    store.edit_segment("en", 0, "Bukharin came.")
    assert store.undo_description() == before


def test_edit_with_a_stale_expected_text_is_a_conflict(store: Store) -> None:
    store.edit_segment("en", 2, "Rykov departed.")
    with pytest.raises(ConflictError, match="changed elsewhere"):
        store.edit_segment("en", 2, "Rykov went away.", expect="Rykov left.")
    assert store.segment_text("en", 2) == "Rykov departed."


def test_empty_segment_text_is_refused(store: Store) -> None:
    with pytest.raises(WorkspaceError, match="cannot be empty"):
        store.edit_segment("en", 0, "   ")


def test_split_segment_keeps_it_in_its_link_and_undoes(store: Store) -> None:
    store.set_status("en", 1, SegmentStatus.TRANSLATED)
    store.split_segment("en", 1, len("Stalin"))
    tr = store.translation("en")
    assert tr.segments[1:3] == ["Stalin", "kept silent."]
    assert tr.statuses == {1: SegmentStatus.TRANSLATED, 2: SegmentStatus.TRANSLATED}
    assert kinds(store)[1] == ((1,), (1, 2), "automatic")
    assert kinds(store)[2] == ((2,), (3,), "automatic")
    store.undo()
    assert store.translation("en").segments == [s.text for s in sentences(EN)]
    assert kinds(store)[1] == ((1,), (1,), "automatic")
    store.redo()
    assert store.translation("en").segments[1:3] == ["Stalin", "kept silent."]


def test_split_an_edited_segment(store: Store) -> None:
    store.edit_segment("en", 0, "Bukharin came in. He sat down.")
    store.split_segment("en", 0, len("Bukharin came in."))
    assert store.translation("en").segments[:2] == ["Bukharin came in.", "He sat down."]
    store.undo()
    assert store.translation("en").segments[0] == "Bukharin came in. He sat down."


@pytest.mark.parametrize("offset", [0, 14, 99, -1])
def test_split_needs_text_on_both_sides(store: Store, offset: int) -> None:
    with pytest.raises(WorkspaceError, match="cannot split"):
        store.split_segment("en", 0, offset)


def test_merge_segments_of_different_links_makes_one_manual_link(store: Store) -> None:
    store.merge_segments("en", 1)
    tr = store.translation("en")
    assert tr.segments == ["Bukharin came.", "Stalin kept silent. Rykov left.",
                           "Everyone waited."]
    assert kinds(store) == [((0,), (0,), "automatic"), ((1, 2), (1,), "manual"),
                            ((3,), (2,), "automatic")]
    assert store.undo() == "Merge segments 2 and 3 (en)"
    assert store.translation("en").segments == [s.text for s in sentences(EN)]
    assert kinds(store)[1:3] == [((1,), (1,), "automatic"), ((2,), (2,), "automatic")]


def test_merge_segments_of_one_link_after_a_split_restores_it(store: Store) -> None:
    store.split_segment("en", 1, len("Stalin"))
    store.merge_segments("en", 1)
    assert store.translation("en").segments[1] == "Stalin kept silent."
    assert kinds(store)[1] == ((1,), (1,), "automatic")


def test_merge_of_the_last_segment_is_refused(store: Store) -> None:
    with pytest.raises(WorkspaceError, match="no segment 5"):
        store.merge_segments("en", 3)


def test_move_boundary_on_the_source_side_and_undo(store: Store) -> None:
    store.move_boundary("en", 0, "src", 1)
    assert kinds(store)[:2] == [((0, 1), (0,), "manual"), ((), (1,), "manual")]
    store.move_boundary("en", 0, "tgt", 1)
    assert kinds(store)[0] == ((0, 1), (0, 1), "manual")
    assert len(store.translation("en").links) == 3
    store.undo()
    store.undo()
    assert kinds(store) == [((i,), (i,), "automatic") for i in range(4)]


def test_move_boundary_backwards(store: Store) -> None:
    store.move_boundary("en", 2, "tgt", -1)
    assert kinds(store)[2:] == [((2,), (), "manual"), ((3,), (2, 3), "manual")]


def test_move_boundary_beyond_the_sentences_is_refused(store: Store) -> None:
    with pytest.raises(WorkspaceError, match="not enough"):
        store.move_boundary("en", 0, "src", 2)
    with pytest.raises(WorkspaceError, match="no following link"):
        store.move_boundary("en", 3, "src", 1)
    assert not store.can_undo()


def test_confirm_link_and_set_link_status_undo(store: Store) -> None:
    store.confirm_link("en", 2)
    assert store.translation("en").links[2].status is LinkStatus.CONFIRMED
    store.set_link_status("en", 2, LinkStatus.AUTOMATIC)
    assert store.translation("en").links[2].status is LinkStatus.AUTOMATIC
    store.undo()
    assert store.translation("en").links[2].status is LinkStatus.CONFIRMED
    store.undo()
    assert store.translation("en").links[2].status is LinkStatus.AUTOMATIC


def test_confirming_a_manual_link_keeps_it_manual(store: Store) -> None:
    store.move_boundary("en", 0, "src", 1)
    store.confirm_link("en", 0)
    assert store.translation("en").links[0].status is LinkStatus.MANUAL


def test_set_links_keeps_fixed_links_and_undoes(store: Store) -> None:
    store.confirm_link("en", 0)
    new = [Link((0,), (0,), 0.1), Link((1, 2), (1, 2), 0.4), Link((3,), (3,), 0.9)]
    store.set_links("en", new)
    links = store.translation("en").links
    assert links[0].status is LinkStatus.CONFIRMED
    assert [link.kind for link in links] == ["1-1", "2-2", "1-1"]
    assert links[2].score == pytest.approx(0.9)
    assert store.undo() == "Re-align (en)"
    assert [link.kind for link in store.translation("en").links] == ["1-1"] * 4


def test_set_links_that_drop_a_confirmed_link_are_refused(store: Store) -> None:
    store.confirm_link("en", 1)
    with pytest.raises(WorkspaceError, match="drops a confirmed link at source sentence 2"):
        store.set_links("en", [Link((0, 1), (0, 1)), Link((2,), (2,)), Link((3,), (3,))])
    assert store.translation("en").links[1].status is LinkStatus.CONFIRMED


def test_segment_statuses_set_clear_and_undo(store: Store) -> None:
    store.set_status("en", [0, 2], SegmentStatus.REVIEWED)
    assert store.translation("en").statuses == {0: SegmentStatus.REVIEWED,
                                                2: SegmentStatus.REVIEWED}
    store.set_status("en", 0, None)
    assert store.translation("en").statuses == {2: SegmentStatus.REVIEWED}
    store.undo()
    store.undo()
    assert store.translation("en").statuses == {}
    store.redo()
    assert store.translation("en").statuses == {0: SegmentStatus.REVIEWED,
                                                2: SegmentStatus.REVIEWED}


def test_notes_add_edit_delete_with_undo(store: Store) -> None:
    note = store.add_note(1, "Silence here is in the original.", author="ed")
    tied = store.add_note(1, "Garrard softens it.", translation="en",
                          created="2025-05-01T10:00:00Z")
    other = store.add_note(3, "Who is 'everyone'?")
    assert [n.text for n in store.notes(1)] == ["Silence here is in the original.",
                                                "Garrard softens it."]
    assert store.note(tied.id or 0).created == "2025-05-01T10:00:00Z"
    assert store.note(tied.id or 0).translation == "en"
    updated = store.update_note(note.id or 0, "Silence is in the original.")
    assert updated.text == "Silence is in the original."
    assert updated.created == note.created
    store.delete_note(other.id or 0)
    assert [n.src_index for n in store.notes()] == [1, 1]
    assert store.undo() == f"Delete note {other.id}"
    assert store.note(other.id or 0).text == "Who is 'everyone'?"
    assert store.undo() == f"Edit note {note.id}"
    assert store.note(note.id or 0).text == "Silence here is in the original."
    store.undo()
    store.undo()
    store.undo()
    assert store.notes() == []
    store.redo()
    assert store.notes()[0].id == note.id


def test_notes_filtered_by_translation_include_notes_on_the_source(store: Store) -> None:
    store.add_translation("en2", Document("en2", "en", EN, sentences(EN)), one_to_one(4))
    store.add_note(0, "general")
    store.add_note(0, "first", translation="en")
    store.add_note(0, "second", translation="en2")
    assert [n.text for n in store.notes(translation="en")] == ["general", "first"]


def test_note_errors_are_clear(store: Store) -> None:
    with pytest.raises(WorkspaceError, match="no source segment 9"):
        store.add_note(9, "x")
    with pytest.raises(WorkspaceError, match="no note with id 42"):
        store.update_note(42, "x")
    with pytest.raises(WorkspaceError, match="no note with id 42"):
        store.delete_note(42)
    with pytest.raises(WorkspaceError, match="needs some text"):
        store.add_note(0, " ")


def test_deleted_note_ids_are_not_reused(store: Store) -> None:
    first = store.add_note(0, "a")
    store.delete_note(first.id or 0)
    second = store.add_note(0, "b")
    assert second.id != first.id


TERM = GlossaryEntry("чрезвычайные меры", ("emergency measures",), ("extraordinary measures",),
                     pos="noun", definition="Grain requisitioning, 1928.")


def test_glossary_add_update_remove_with_undo(store: Store) -> None:
    added = store.add_term(TERM)
    assert added.id is not None
    assert store.glossary() == [added]
    changed = replace(added, targets=("emergency measures", "extraordinary measures"),
                      forbidden=())
    store.update_term(changed)
    assert store.term(added.id).targets == ("emergency measures", "extraordinary measures")
    store.remove_term(added.id)
    assert store.glossary() == []
    assert store.undo() == "Remove glossary term чрезвычайные меры"
    assert store.term(added.id).forbidden == ()
    store.undo()
    assert store.term(added.id) == added
    store.undo()
    assert store.glossary() == []


def test_replace_glossary_is_one_undoable_step(store: Store) -> None:
    store.add_term(TERM)
    entries = [GlossaryEntry("ЦК", ("Central Committee",)),
               GlossaryEntry("Политбюро", ("Politburo",), case_sensitive=True)]
    result = store.replace_glossary(entries, description="Import glossary.csv")
    assert [e.source for e in result] == ["ЦК", "Политбюро"]
    assert result[1].case_sensitive
    assert store.undo() == "Import glossary.csv"
    assert [e.source for e in store.glossary()] == ["чрезвычайные меры"]


def test_replace_glossary_keeps_the_ids_of_entries_it_is_given_back(store: Store) -> None:
    kept = store.add_term(GlossaryEntry("ЦК", ("CC",)))
    dropped = store.add_term(GlossaryEntry("нэп", ("NEP",)))
    changed = replace(kept, targets=("Central Committee",))
    result = store.replace_glossary([changed, GlossaryEntry("пленум", ("plenum",))])
    assert [(e.id, e.source, e.targets) for e in result] == [
        (kept.id, "ЦК", ("Central Committee",)),
        (dropped.id + 1, "пленум", ("plenum",)),
    ]
    store.undo()
    assert store.glossary() == [kept, dropped]


def test_glossary_entry_without_a_russian_term_is_refused(store: Store) -> None:
    with pytest.raises(WorkspaceError, match="needs a Russian term"):
        store.add_term(GlossaryEntry(" ", ("x",)))


def test_quotations_round_trip(store: Store) -> None:
    quote = QuotationSpan(0, 15, RU[0:15], Provenance.VIA_ENGLISH, 0.8, citation="Cohen, p. 3",
                          evidence=("p. 3", "ed. by"), advice="Use the English original.")
    odd = QuotationSpan(16, 20, "not the slice", Provenance.UNKNOWN, 0.1, depth=1, unclosed=True)
    store.set_quotations([quote, odd])
    assert store.quotations() == [quote, odd]
    store.set_quotations([])
    assert store.quotations() == []


def test_a_new_action_discards_what_could_be_redone(store: Store) -> None:
    store.edit_segment("en", 0, "A.")
    store.undo()
    assert store.can_redo()
    store.edit_segment("en", 1, "B.")
    assert not store.can_redo()
    assert store.redo() is None
    store.undo()
    assert store.undo() is None
    assert not store.can_undo()


def test_undo_history_is_kept_in_the_file(tmp_path: Path, store: Store) -> None:
    store.edit_segment("en", 0, "A.")
    store.close()
    with Store.open(store.path) as again:
        assert again.undo() == "Edit segment 1 (en)"
        assert again.translation("en").segments[0] == "Bukharin came."


def test_revision_grows_with_every_change(store: Store) -> None:
    before = store.revision()
    store.add_note(0, "x")
    store.undo()
    assert store.revision() == before + 2


def test_snapshot_loads_into_an_empty_workspace_unchanged(store: Store, tmp_path: Path) -> None:
    store.edit_segment("en", 0, "Bukharin arrived, late.")
    store.split_segment("en", 1, len("Stalin"))
    store.confirm_link("en", 3)
    store.set_status("en", 2, SegmentStatus.REVIEWED)
    store.add_note(2, "n", author="a", translation="en")
    store.add_term(TERM)
    store.set_quotations([QuotationSpan(0, 15, RU[:15], Provenance.RUSSIAN_ORIGINAL, 0.9)])
    snapshot = store.snapshot()
    with Store.create(tmp_path / "copy.sqlite") as copy:
        copy.load_snapshot(snapshot)
        again = copy.snapshot()
        assert again.translations == snapshot.translations
        assert again.source == snapshot.source
        assert again.quotations == snapshot.quotations
        assert [(n.text, n.src_index, n.translation) for n in again.notes] == [("n", 2, "en")]
        assert [e.source for e in again.glossary] == [TERM.source]
        assert again.name == "test"
        assert not copy.can_undo()
        with pytest.raises(WorkspaceError, match="not empty"):
            copy.load_snapshot(snapshot)


def test_open_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"nope\.sqlite: no such workspace"):
        Store.open(tmp_path / "nope.sqlite")


def test_open_a_file_that_is_not_sqlite(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("Dear diary\n" * 20)
    with pytest.raises(InputError) as info:
        Store.open(path)
    assert str(info.value) == f"{path}: not a workbench workspace (not an SQLite database)"
    assert "\n" not in str(info.value)


def test_open_an_unrelated_sqlite_database(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as db:
        db.execute("CREATE TABLE t (x)")
    db.close()
    with pytest.raises(InputError, match=r"other\.db: not a workbench workspace"):
        Store.open(path)


def test_open_a_workspace_from_a_newer_workbench(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    Store.create(path).close()
    with sqlite3.connect(path) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(InputError, match=rf"w.sqlite: workspace schema version "
                       rf"{SCHEMA_VERSION + 1} is newer"):
        Store.open(path)


def test_many_splits_in_one_place_keep_the_order_and_undo(store: Store) -> None:
    words = [f"w{i}" for i in range(40)]
    store.edit_segment("en", 1, " ".join(words))
    for _ in range(39):
        # Always split segment 2 (index 1) before its last word: the new rows keep
        # landing between the same two neighbours.
        text = store.segment_text("en", 1)
        store.split_segment("en", 1, text.rindex(" "))
    segments = store.translation("en").segments
    assert segments == ["Bukharin came.", *words, "Rykov left.", "Everyone waited."]
    assert kinds(store)[1] == ((1,), tuple(range(1, 41)), "automatic")
    assert kinds(store)[2] == ((2,), (41,), "automatic")
    for _ in range(39):
        store.undo()
    assert store.translation("en").segments[1] == " ".join(words)
    assert store.integrity_problems() == []


def test_an_older_workspace_is_migrated_on_opening(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import workbench.store as store_module

    path = tmp_path / "w.sqlite"
    with Store.create(path, name="old") as st:
        st.add_document(Document("seed", "ru", RU, sentences(RU)))
        st.add_note(0, "kept across the upgrade")
    upgrade = "CREATE TABLE reviewers (id INTEGER PRIMARY KEY, name TEXT NOT NULL)"
    monkeypatch.setattr(store_module, "MIGRATIONS", [*store_module.MIGRATIONS, upgrade])
    monkeypatch.setattr(store_module, "SCHEMA_VERSION", SCHEMA_VERSION + 1)
    with Store.open(path) as st:
        assert [n.text for n in st.notes()] == ["kept across the upgrade"]
        assert st.name == "old"
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
        assert db.execute("SELECT count(*) FROM reviewers").fetchone()[0] == 0
    db.close()


def test_editing_the_segments_of_a_link_is_one_step(store: Store) -> None:
    store.split_segment("en", 1, len("Stalin"))
    store.edit_segments("en", {1: "Stalin", 2: "said nothing."},
                        expect={1: "Stalin", 2: "kept silent."})
    assert store.translation("en").segments[1:3] == ["Stalin", "said nothing."]
    assert store.undo() == "Edit segment 3 (en)"
    store.redo()
    with pytest.raises(ConflictError, match="segment 3 of en was changed elsewhere"):
        store.edit_segments("en", {1: "Joseph Stalin", 2: "was silent."},
                            expect={1: "Stalin", 2: "kept silent."})
    # Nothing of the refused edit was saved, not even its first segment.
    assert store.translation("en").segments[1:3] == ["Stalin", "said nothing."]
    store.edit_segments("en", {1: "Joseph Stalin", 2: "was silent."})
    assert store.undo() == "Edit segments 2, 3 (en)"


def test_a_damaged_file_is_a_one_line_error_naming_it(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    with Store.create(path) as st:
        st.add_document(Document("seed", "ru", RU, sentences(RU)))
        for n in range(300):
            st.add_note(0, f"note {n} " + "x" * 200)
    data = bytearray(path.read_bytes())
    page = 4096
    for start in range(2 * page, len(data), page):
        data[start + 8 : start + page] = b"\xff" * (page - 8)
    path.write_bytes(bytes(data))
    with pytest.raises(WorkspaceDamagedError) as info, Store.open(path) as st:
        st.notes()
    message = str(info.value)
    assert message.startswith(f"{path}: the workspace file is damaged")
    assert "\n" not in message
