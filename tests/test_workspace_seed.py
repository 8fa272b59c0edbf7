"""The shipped seed workspace, built end to end from seeds/ and corpus/."""

from __future__ import annotations

from pathlib import Path

import pytest

from workbench.cli import main
from workbench.core.model import LinkStatus, Provenance
from workbench.corpus import load_manifest, read_notes
from workbench.formats.glossary_csv import read_glossary
from workbench.store import Store
from workbench.workspace import build_seed_workspace, project_root

ROOT = project_root()


@pytest.fixture(scope="module")
def seed_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_seed_workspace(tmp_path_factory.mktemp("seed") / "seed.workbench.sqlite")


def test_the_seed_workspace_holds_the_whole_corpus(seed_workspace: Path) -> None:
    manifest = load_manifest(ROOT / "corpus")
    with Store.open(seed_workspace) as store:
        assert store.name == manifest.name
        assert store.created == manifest.created
        source = store.source()
        assert source.text == (ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt").read_text("utf-8")
        assert len(source.sentences) == 46
        assert source.sentences[-1].incomplete
        assert store.translation_names() == [doc.id for doc in manifest.translations]
        for doc in manifest.translations:
            translation = store.translation(doc.id)
            assert len(translation.segments) == doc.sentences
            assert translation.document.translator == doc.translator
            assert all(link.status is LinkStatus.AUTOMATIC for link in translation.links)
        assert manifest.glossary is not None and manifest.notes is not None
        assert [e.source for e in store.glossary()] == [
            e.source for e in read_glossary(manifest.glossary)]
        assert sorted((n.src_index, n.translation or "", n.text) for n in store.notes()) == sorted(
            (n.src_index, n.translation or "", n.text) for n in read_notes(manifest.notes))
        assert not store.can_undo()
        assert store.integrity_problems() == []


def test_the_bukharin_quotation_is_flagged_as_taken_from_english(seed_workspace: Path) -> None:
    with Store.open(seed_workspace) as store:
        text = store.source().text
        via_english = [q for q in store.quotations() if q.provenance is Provenance.VIA_ENGLISH]
    assert via_english
    assert any("Сталин" in q.text for q in via_english)
    assert all(text[q.start:q.end] == q.text for q in via_english)


def test_building_twice_gives_the_same_workspace(seed_workspace: Path, tmp_path: Path) -> None:
    again = build_seed_workspace(tmp_path / "again.sqlite")
    with Store.open(seed_workspace) as first, Store.open(again) as second:
        assert first.snapshot() == second.snapshot()
        assert first.created == second.created


def test_init_builds_refuses_to_overwrite_and_rebuilds_with_force(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "ws"
    assert main(["init", str(target)]) == 0
    captured = capsys.readouterr()
    path = target / "seed.workbench.sqlite"
    assert captured.out == f"{path}\n"
    assert "aligning close" in captured.err
    assert captured.err.rstrip().endswith("done")

    with Store.open(path) as store:
        store.edit_segment("close", 0, "My own wording.")
    assert main(["init", str(target)]) == 2
    assert capsys.readouterr().err == (
        f"workbench: {path}: already exists; use --force to rebuild it\n")
    with Store.open(path) as store:
        assert store.translation("close").segments[0] == "My own wording."

    assert main(["init", str(target), "--force"]) == 0
    with Store.open(path) as store:
        assert store.translation("close").segments[0] != "My own wording."
    assert sorted(p.name for p in target.iterdir()) == ["seed.workbench.sqlite"]


def test_init_uses_the_global_workspace_option(tmp_path: Path,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "elsewhere.sqlite"
    assert main(["--workspace", str(path), "init"]) == 0
    assert capsys.readouterr().out == f"{path}\n"
    with Store.open(path) as store:
        assert len(store.source().sentences) == 46


def test_notes_on_the_default_workspace_build_it_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WORKBENCH_HOME", str(tmp_path / "home"))
    assert main(["notes", "list", "--segment", "5", "--translation", "close", "--json"]) == 0
    captured = capsys.readouterr()
    assert "Daniels" in captured.out
    assert "done" in captured.err
    assert (tmp_path / "home" / "seed.workbench.sqlite").is_file()
    assert main(["notes", "list", "--segment", "5"]) == 0
    assert capsys.readouterr().err == ""
