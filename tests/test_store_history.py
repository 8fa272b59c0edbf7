"""Undo and redo over random sequences of actions: undoing everything restores the
workspace exactly, redoing everything brings back the edited one, and a refused
action changes nothing."""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.model import Document, GlossaryEntry, Link, SegmentStatus, Span
from workbench.store import Store, WorkspaceError

RU = "Один. Два. Три. Четыре. Пять."
EN = "One and a half. Two or so. Three for all. Four more. Five at last."


def _spans(text: str) -> list[Span]:
    spans, start = [], 0
    for part in text.split(". "):
        part = part if part.endswith(".") else part + "."
        start = text.index(part, start)
        spans.append(Span(start, start + len(part), part))
        start += len(part)
    return spans


def _state(store: Store) -> tuple[Any, ...]:
    translation = store.translation("en")
    return (
        translation.segments,
        [(link.src, link.tgt, link.score, link.status) for link in translation.links],
        translation.statuses,
        [(note.id, note.src_index, note.text) for note in store.notes()],
        [(entry.id, entry.source, entry.targets) for entry in store.glossary()],
    )


small = st.integers(min_value=0, max_value=7)
actions = st.one_of(
    st.tuples(st.just("edit"), small, st.sampled_from(["New words.", "Другое.", "x"])),
    st.tuples(st.just("split"), small, st.integers(min_value=1, max_value=12)),
    st.tuples(st.just("merge"), small),
    st.tuples(st.just("move"), small, st.sampled_from(["src", "tgt"]),
              st.sampled_from([-2, -1, 1, 2])),
    st.tuples(st.just("confirm"), small),
    st.tuples(st.just("status"), small, st.sampled_from(list(SegmentStatus))),
    st.tuples(st.just("note"), small),
    st.tuples(st.just("delete_note"), st.integers(min_value=1, max_value=4)),
    st.tuples(st.just("term"), st.sampled_from(["ЦК", "нэп"])),
)


def _perform(store: Store, action: tuple[Any, ...]) -> None:
    kind, *args = action
    if kind == "edit":
        store.edit_segment("en", args[0], args[1])
    elif kind == "split":
        store.split_segment("en", args[0], args[1])
    elif kind == "merge":
        store.merge_segments("en", args[0])
    elif kind == "move":
        store.move_boundary("en", args[0], args[1], args[2])
    elif kind == "confirm":
        store.confirm_link("en", args[0])
    elif kind == "status":
        store.set_status("en", args[0], args[1])
    elif kind == "note":
        store.add_note(args[0] % 5, f"note on {args[0]}")
    elif kind == "delete_note":
        store.delete_note(args[0])
    else:
        store.add_term(GlossaryEntry(args[0], ("term",)))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(actions, min_size=1, max_size=12))
def test_undo_all_then_redo_all_round_trips(sequence: list[tuple[Any, ...]]) -> None:
    with tempfile.TemporaryDirectory() as tmp, Store.create(Path(tmp) / "w.sqlite") as store:
        store.add_document(Document("ru", "ru", RU, _spans(RU)))
        store.add_translation("en", Document("en", "en", EN, _spans(EN)),
                              [Link((i,), (i,), 0.5) for i in range(5)])
        states = [_state(store)]
        for action in sequence:
            before = states[-1]
            try:
                _perform(store, action)
            except WorkspaceError:
                assert _state(store) == before, f"refused {action} changed the workspace"
                continue
            after = _state(store)
            if after != before:
                states.append(after)
            translation = store.translation("en")
            # The links always cover both sides exactly once, in order.
            assert [i for link in translation.links for i in link.src] == list(range(5))
            assert [j for link in translation.links for j in link.tgt] == list(
                range(len(translation.segments)))

        for expected in reversed(states[:-1]):
            assert store.undo() is not None
            assert _state(store) == expected
        assert store.undo() is None
        for expected in states[1:]:
            assert store.redo() is not None
            assert _state(store) == expected
        assert store.redo() is None
        assert store.integrity_problems() == []
