"""The workspace survives a killed process and a second process writing at the same time."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from _spans import word_spans
from workbench.core.model import Document, Link
from workbench.store import ConflictError, Store

RU = "Один. Два. Три. Четыре."
EN = "One. Two. Three. Four."




def _make_workspace(path: Path) -> None:
    with Store.create(path) as st:
        st.add_document(Document("seed", "ru", RU, word_spans(RU)))
        st.add_translation("en", Document("en", "en", EN, word_spans(EN)),
                           [Link((i,), (i,)) for i in range(4)])


# Action j of a writer: even j edits a segment, odd j adds a note. After each
# committed action the writer prints j, so the parent knows what was saved.
WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from workbench.store import Store

    path, tag, count = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3])
    segment = int(sys.argv[4])
    go = path.with_suffix(".go")
    while not go.exists():
        pass
    with Store.open(path) as store:
        for j in range(count):
            if j % 2 == 0:
                store.edit_segment("en", (segment + j // 2) % 4 if segment < 0 else segment,
                                   f"{tag} edit {j}.")
            else:
                store.add_note(0, f"{tag} note {j}")
            print(j, flush=True)
    """
)


def _start_writer(path: Path, tag: str, count: int, segment: int) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, "-c", WRITER, str(path), tag, str(count), str(segment)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )


def _kill_after(process: subprocess.Popen[str], actions: int) -> int:
    """SIGKILL ``process`` once it has reported action number ``actions`` as saved;
    returns the number of the last action it reported."""
    assert process.stdout is not None
    last = -1
    for line in process.stdout:
        last = int(line)
        if last >= actions:
            break
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert last >= actions, process.stderr.read() if process.stderr else ""
    return last


def _expected_state(tag: str, done: int, segment: int) -> tuple[list[str], list[str]]:
    notes = [f"{tag} note {j}" for j in range(done) if j % 2 == 1]
    segments = EN.split(" ")
    for j in range(0, done, 2):
        index = (segment + j // 2) % 4 if segment < 0 else segment
        segments[index] = f"{tag} edit {j}."
    return notes, segments


def test_a_killed_writer_loses_at_most_the_edit_in_flight(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    _make_workspace(path)
    writer = _start_writer(path, "k", 100_000, -1)
    path.with_suffix(".go").touch()
    last = _kill_after(writer, 60)

    with Store.open(path) as store:
        assert store.integrity_problems() == []
        notes = [n.text for n in store.notes()]
        segments = store.translation("en").segments
    # Everything reported as saved is there; at most one more action (in flight) made it.
    candidates = [_expected_state("k", done, -1) for done in (last + 1, last + 2)]
    assert (notes, segments) in candidates


def test_two_processes_writing_at_once_lose_nothing(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    _make_workspace(path)
    count = 40
    first = _start_writer(path, "a", count, 0)
    second = _start_writer(path, "b", count, 2)
    path.with_suffix(".go").touch()
    for writer in (first, second):
        _out, err = writer.communicate(timeout=120)
        assert writer.returncode == 0, err

    with Store.open(path) as store:
        assert store.integrity_problems() == []
        notes = sorted(n.text for n in store.notes())
        segments = store.translation("en").segments
        a_notes, a_segments = _expected_state("a", count, 0)
        b_notes, b_segments = _expected_state("b", count, 2)
        assert notes == sorted(a_notes + b_notes)
        assert segments == [a_segments[0], EN.split(" ")[1], b_segments[2], EN.split(" ")[3]]
        undone = 0
        while store.undo() is not None:
            undone += 1
        assert undone == 2 * count
        assert store.translation("en").segments == EN.split(" ")
        assert store.notes() == []


def test_a_writer_blocked_for_too_long_gets_a_clear_conflict(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    _make_workspace(path)
    blocker = sqlite3.connect(path, isolation_level=None)
    blocker.execute("BEGIN IMMEDIATE")
    try:
        with Store.open(path, busy_timeout_ms=50) as store:
            with pytest.raises(ConflictError) as info:
                store.add_note(0, "waiting")
            assert str(info.value).startswith(f"{path}: the workspace is busy")
            assert "\n" not in str(info.value)
            blocker.execute("ROLLBACK")
            store.add_note(0, "now")
            assert [n.text for n in store.notes()] == ["now"]
    finally:
        blocker.close()


def test_a_second_window_sees_and_can_undo_the_first_ones_changes(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    _make_workspace(path)
    with Store.open(path) as one, Store.open(path) as two:
        seen = two.revision()
        one.edit_segment("en", 1, "Deux.")
        assert two.revision() > seen
        assert two.translation("en").segments[1] == "Deux."
        assert two.undo() == "Edit segment 2 (en)"
        assert one.translation("en").segments[1] == "Two."



# Replaces the whole glossary again and again with one of two large glossaries.
IMPORTER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from workbench.core.model import GlossaryEntry
    from workbench.store import Store

    path = Path(sys.argv[1])
    versions = [[GlossaryEntry(f"термин{v}x{i}", (f"term {v} {i}",)) for i in range(3000)]
                for v in (0, 1)]
    with Store.open(path) as store:
        for j in range(100_000):
            store.replace_glossary(versions[j % 2], description=f"Import {j}")
            print(j, flush=True)
    """
)


def test_a_killed_import_leaves_the_whole_old_or_the_whole_new_glossary(tmp_path: Path) -> None:
    path = tmp_path / "w.sqlite"
    _make_workspace(path)
    importer = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(path)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )
    last = _kill_after(importer, 3)

    with Store.open(path) as store:
        assert store.integrity_problems() == []
        sources = [e.source for e in store.glossary()]
        history = store.undo_description()
    # The last reported import is there in full, or the one in flight is, in full.
    candidates = {j: [f"термин{j % 2}x{i}" for i in range(3000)] for j in (last, last + 1)}
    assert any(sources == expected and history == f"Import {j}"
               for j, expected in candidates.items())
