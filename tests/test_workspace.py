"""Building a workspace from a corpus folder, atomically, and finding the default one."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from workbench.core.model import (
    GlossaryEntry,
    Link,
    LinkStatus,
    Note,
    Provenance,
    QuotationSpan,
    Span,
)
from workbench.store import Store
from workbench.textio import InputError
from workbench.workspace import (
    WORKBENCH_HOME_ENV,
    BuildTools,
    SeedCorpus,
    SeedText,
    build_workspace,
    default_workspace_path,
    open_workspace,
    project_root,
)

RU = "«Сталин — интриган», сказал он. Все молчали. Рыков ушёл."
EN = "“Stalin is a schemer,” he said. Rykov left."


def split_sentences(text: str, lang: str) -> list[Span]:
    return [Span(m.start(), m.end(), m.group()) for m in re.finditer(r"[^ ].*?\.(?= |$)", text)]


def align_by_position(src: Sequence[str], tgt: Sequence[str],
                      glossary: Sequence[GlossaryEntry]) -> list[Link]:
    # Enough for the test: pairs by position, leftovers unlinked (the store adds 1-0 links).
    return [Link((i,), (i,), 0.5) for i in range(min(len(src), len(tgt)))]


def guillemet_quotes(text: str) -> list[QuotationSpan]:
    return [QuotationSpan(m.start(), m.end(), m.group(), Provenance.NO_CITATION, 0.7)
            for m in re.finditer("«[^»]*»", text)]


def make_corpus(root: Path) -> SeedCorpus:
    (root / "seeds").mkdir(parents=True, exist_ok=True)
    (root / "corpus").mkdir(exist_ok=True)
    (root / "seeds" / "seed.txt").write_text(RU, encoding="utf-8")
    (root / "corpus" / "close.en.txt").write_text(EN, encoding="utf-8")
    (root / "corpus" / "glossary.csv").write_text("unused by the fake reader")
    (root / "corpus" / "notes.csv").write_text("unused by the fake reader")
    return SeedCorpus(
        name="Bukharin 1928",
        source=SeedText("seed", "ru", root / "seeds" / "seed.txt"),
        translations=(SeedText("close", "en", root / "corpus" / "close.en.txt",
                               translator="T. Translator", approach="close"),),
        glossary=root / "corpus" / "glossary.csv",
        notes=root / "corpus" / "notes.csv",
        created="2026-03-01T12:00:00Z",
    )


NOTES = [Note("Silence as in the original.", 1, author="ed", created="2026-02-01T09:00:00Z",
              translation="close")]
GLOSSARY = [GlossaryEntry("интриган", ("schemer",), ("intriguer",))]


def fake_tools(corpus: SeedCorpus, *, notes: Sequence[Note] = NOTES,
               align: object = align_by_position) -> BuildTools:
    return BuildTools(
        load_corpus=lambda root: corpus,
        segment=split_sentences,
        align=align,  # type: ignore[arg-type]
        find_quotations=guillemet_quotes,
        read_glossary=lambda path: GLOSSARY,
        read_notes=lambda path: notes,
    )


def test_build_stores_segments_links_quotations_glossary_and_notes(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    steps: list[tuple[str, int, int]] = []
    path = build_workspace(tmp_path / "out" / "w.sqlite", tmp_path, tools=fake_tools(corpus),
                           progress=lambda what, done, total: steps.append((what, done, total)))
    with Store.open(path) as store:
        assert store.name == "Bukharin 1928"
        assert store.created == "2026-03-01T12:00:00Z"
        assert [s.text for s in store.source().sentences] == [
            "«Сталин — интриган», сказал он.", "Все молчали.", "Рыков ушёл."]
        close = store.translation("close")
        assert close.segments == ["“Stalin is a schemer,” he said.", "Rykov left."]
        assert close.document.translator == "T. Translator"
        assert [(link.src, link.tgt) for link in close.links] == [((0,), (0,)), ((1,), (1,)),
                                                                  ((2,), ())]
        assert all(link.status is LinkStatus.AUTOMATIC for link in close.links)
        assert [q.text for q in store.quotations()] == ["«Сталин — интриган»"]
        assert [e.source for e in store.glossary()] == ["интриган"]
        notes = store.notes()
        assert [(n.text, n.src_index, n.translation, n.created) for n in notes] == [
            ("Silence as in the original.", 1, "close", "2026-02-01T09:00:00Z")]
        assert not store.can_undo()
    assert steps[-1] == ("done", steps[-1][2], steps[-1][2])
    assert [done for _, done, _ in steps] == sorted(done for _, done, _ in steps)
    assert any(what.startswith("aligning close") for what, _, _ in steps)


def test_build_refuses_to_replace_an_existing_workspace_without_force(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    path = tmp_path / "w.sqlite"
    build_workspace(path, tmp_path, tools=fake_tools(corpus))
    with Store.open(path) as store:
        store.add_note(0, "my precious work")
    with pytest.raises(InputError, match="already exists; use --force"):
        build_workspace(path, tmp_path, tools=fake_tools(corpus))
    with Store.open(path) as store:
        assert "my precious work" in [n.text for n in store.notes()]
    build_workspace(path, tmp_path, tools=fake_tools(corpus), force=True)
    with Store.open(path) as store:
        assert [n.text for n in store.notes()] == ["Silence as in the original."]
        assert store.integrity_problems() == []


def test_force_never_replaces_a_file_that_is_not_a_workspace(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    precious = tmp_path / "notes.txt"
    precious.write_text("a week of notes", encoding="utf-8")
    with pytest.raises(InputError, match=r"notes\.txt: not a workbench workspace .*not replaced"):
        build_workspace(precious, tmp_path, tools=fake_tools(corpus), force=True)
    assert precious.read_text(encoding="utf-8") == "a week of notes"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_failed_build_leaves_no_file_behind(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)

    def broken_aligner(src: Sequence[str], tgt: Sequence[str],
                       glossary: Sequence[GlossaryEntry]) -> list[Link]:
        raise RuntimeError("aligner crashed")

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RuntimeError, match="aligner crashed"):
        build_workspace(out / "w.sqlite", tmp_path, tools=fake_tools(corpus, align=broken_aligner))
    assert list(out.iterdir()) == []


def test_a_failed_rebuild_keeps_the_old_workspace(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    path = tmp_path / "w.sqlite"
    build_workspace(path, tmp_path, tools=fake_tools(corpus))
    bad_note = [Note("lost", 99, translation=None)]
    with pytest.raises(InputError, match=r"notes\.csv: a note is on segment 99, but the source "
                       r"has 3 sentences"):
        build_workspace(path, tmp_path, tools=fake_tools(corpus, notes=bad_note), force=True)
    with Store.open(path) as store:
        assert store.translation_names() == ["close"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "seeds", "w.sqlite"]


def test_a_note_for_an_unknown_translation_names_the_notes_file(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    with pytest.raises(InputError, match=r"notes\.csv: a note on segment 0 names translation "
                       "'free'"):
        build_workspace(tmp_path / "w.sqlite", tmp_path,
                        tools=fake_tools(corpus, notes=[Note("x", 0, translation="free")]))


def test_default_workspace_path_follows_workbench_home(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(WORKBENCH_HOME_ENV, str(tmp_path / "home"))
    assert default_workspace_path() == tmp_path / "home" / "seed.workbench.sqlite"
    monkeypatch.delenv(WORKBENCH_HOME_ENV)
    assert default_workspace_path().name == "seed.workbench.sqlite"
    assert "workbench" in str(default_workspace_path().parent)


def test_open_workspace_builds_the_seed_workspace_on_first_use_only(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(tmp_path / "clone")
    monkeypatch.setenv(WORKBENCH_HOME_ENV, str(tmp_path / "home"))
    builds: list[int] = []

    def counting(what: str, done: int, total: int) -> None:
        if what == "done":
            builds.append(done)

    with open_workspace(None, progress=counting, tools=fake_tools(corpus)) as store:
        store.add_note(2, "kept")
    with open_workspace(None, progress=counting, tools=fake_tools(corpus)) as store:
        assert "kept" in [n.text for n in store.notes()]
    assert len(builds) == 1


def test_open_workspace_with_an_explicit_path_never_builds(tmp_path: Path) -> None:
    hint = r"no such workspace \(to build one there: workbench --workspace \S*missing\.sqlite init"
    with pytest.raises(InputError, match=hint):
        open_workspace(tmp_path / "missing.sqlite")
    assert not (tmp_path / "missing.sqlite").exists()


def test_project_root_is_the_clone_holding_seeds_and_corpus() -> None:
    root = project_root()
    assert (root / "seeds" / "000_4e71bbafc8bcbe6b.txt").is_file()
    assert (root / "corpus").is_dir()


def test_project_root_outside_a_clone_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot find the seeds/ and corpus/ folders"):
        project_root(tmp_path)


def test_building_inside_a_file_is_a_clear_error(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path)
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    with pytest.raises(InputError, match="not-a-folder: is a file, not a folder"):
        build_workspace(blocker / "w.sqlite", tmp_path, tools=fake_tools(corpus))


def test_when_another_process_builds_first_its_workspace_is_kept(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    corpus = make_corpus(tmp_path / "clone")
    home = tmp_path / "home"
    monkeypatch.setenv(WORKBENCH_HOME_ENV, str(home))
    target = home / "seed.workbench.sqlite"

    def aligner_while_another_process_finishes(src: Sequence[str], tgt: Sequence[str],
                                               glossary: Sequence[GlossaryEntry]) -> list[Link]:
        if not target.exists():
            with Store.create(target, name="the other build"):
                pass
        return align_by_position(src, tgt, glossary)

    racing = fake_tools(corpus, align=aligner_while_another_process_finishes)
    with pytest.raises(InputError, match="already exists"):
        build_workspace(target, tmp_path / "clone", tools=racing)
    with Store.open(target) as store:
        assert store.name == "the other build"
    target.unlink()
    with open_workspace(None, tools=racing) as store:
        assert store.name == "the other build"
    assert sorted(p.name for p in home.iterdir()) == ["seed.workbench.sqlite"]
