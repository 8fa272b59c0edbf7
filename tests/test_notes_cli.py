"""``workbench notes``: list, add, edit and delete notes on the workspace."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from _spans import word_spans
from workbench.cli import main
from workbench.core.model import Document, Link
from workbench.store import Store

RU = "Один. Два. Три."
EN = "One. Two. Three."




@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "w.sqlite"
    with Store.create(path) as st:
        st.add_document(Document("seed", "ru", RU, word_spans(RU)))
        st.add_translation("close", Document("close", "en", EN, word_spans(EN)),
                           [Link((i,), (i,)) for i in range(3)])
    return path


def run(workspace: Path, *args: str) -> int:
    return main(["--workspace", str(workspace), "notes", *args])


def test_add_then_list(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(workspace, "add", "1", "Два: keep the number.", "--author", "ed") == 0
    assert capsys.readouterr().out == "added note #1 on source segment 1\n"
    assert run(workspace, "add", "2", "Close only.", "--translation", "close",
               "--author", "ed") == 0
    capsys.readouterr()
    assert run(workspace, "list") == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("#1  src 1  ed  ")
    assert out[1] == "    Два: keep the number."
    assert out[2].startswith("#2  src 2  [close]  ed  ")
    assert out[3] == "    Close only."


def test_list_json_and_filter_by_segment(workspace: Path,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    run(workspace, "add", "0", "first", "--author", "a")
    run(workspace, "add", "2", "second", "--author", "b", "--translation", "close")
    capsys.readouterr()
    assert run(workspace, "list", "--segment", "2", "--json") == 0
    notes = json.loads(capsys.readouterr().out)
    assert len(notes) == 1
    assert {k: notes[0][k] for k in ("id", "src_index", "translation", "author", "text")} == {
        "id": 2, "src_index": 2, "translation": "close", "author": "b", "text": "second"}
    assert notes[0]["created"] == notes[0]["modified"]


def test_an_empty_list_says_so(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(workspace, "list") == 0
    assert capsys.readouterr().out == "No notes.\n"
    assert run(workspace, "list", "--json") == 0
    assert json.loads(capsys.readouterr().out) == []


def test_author_defaults_to_the_login_name(workspace: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LOGNAME", "translator7")
    monkeypatch.setenv("USER", "translator7")
    run(workspace, "add", "0", "x")
    with Store.open(workspace) as store:
        assert store.notes()[0].author == "translator7"


def test_edit_and_delete(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    run(workspace, "add", "0", "draft wording")
    assert run(workspace, "edit", "1", "final wording") == 0
    assert capsys.readouterr().out.endswith("updated note #1\n")
    with Store.open(workspace) as store:
        assert store.note(1).text == "final wording"
    assert run(workspace, "delete", "1") == 0
    assert capsys.readouterr().out == "deleted note #1\n"
    with Store.open(workspace) as store:
        assert store.notes() == []
        # Each command was one step the editor can undo.
        assert store.undo() == "Delete note 1"
        assert store.note(1).text == "final wording"


@pytest.mark.parametrize(
    "args, message",
    [
        (("edit", "42", "x"), "workbench: no note with id 42\n"),
        (("delete", "42"), "workbench: no note with id 42\n"),
        (("add", "7", "x"), "workbench: no source segment 7 (the source has 3, numbered from 0)\n"),
        (("add", "0", "x", "--translation", "free"),
         "workbench: no translation named 'free' (known: close)\n"),
        (("list", "--translation", "free"),
         "workbench: no translation named 'free' (known: close)\n"),
        (("edit", "99999999999999999999", "x"),
         "workbench: no note with id 99999999999999999999\n"),
        (("delete", "99999999999999999999"),
         "workbench: no note with id 99999999999999999999\n"),
        (("list", "--segment", "3"),
         "workbench: no source segment 3 (the source has 3, numbered from 0)\n"),
    ],
)
def test_mistakes_are_one_line_errors_with_status_2(
        workspace: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...],
        message: str) -> None:
    assert run(workspace, *args) == 2
    captured = capsys.readouterr()
    assert captured.err == message
    with Store.open(workspace) as store:
        assert store.notes() == []


def test_a_workspace_that_is_not_a_database(tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "w.sqlite"
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    assert run(bogus, "list") == 2
    assert capsys.readouterr().err == (
        f"workbench: {bogus}: not a workbench workspace (not an SQLite database)\n")


def test_workspace_option_also_after_the_action(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["notes", "add", "1", "after the action", "--workspace", str(workspace)]) == 0
    capsys.readouterr()
    assert main(["notes", "list", "--json", "--workspace", str(workspace)]) == 0
    notes = json.loads(capsys.readouterr().out)
    assert [(n["src_index"], n["text"]) for n in notes] == [(1, "after the action")]
