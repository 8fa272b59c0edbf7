"""``workbench export``: formats, --translation, --out, and clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from _formats_sample import CREATED, sample_snapshot
from workbench.cli import main
from workbench.store import Store


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "work.sqlite"
    snapshot = sample_snapshot()
    second = sample_snapshot().translations[0]
    second.name = "free"
    snapshot.translations.append(second)
    with Store.create(path, created=CREATED) as store:
        store.load_snapshot(snapshot)
    return path


@pytest.mark.parametrize(
    ("fmt", "files"),
    [
        ("tmx", {"close.tmx", "free.tmx"}),
        ("po", {"close.po", "free.po"}),
        ("xliff", {"close.xlf", "free.xlf"}),
        ("xliff12", {"close.xliff12.xlf", "free.xliff12.xlf"}),
        ("tbx", {"glossary.tbx"}),
        ("glossary-csv", {"glossary.csv"}),
        ("glossary-tsv", {"glossary.tsv"}),
        ("glossary-po", {"glossary.po"}),
    ],
)
def test_each_format_writes_its_files(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str,
    files: set[str]
) -> None:
    out = tmp_path / "out"
    assert main(["--workspace", str(workspace), "export", fmt, "--out", str(out)]) == 0
    assert {p.name for p in out.iterdir()} == files
    printed = capsys.readouterr().out.split()
    assert {Path(p).name for p in printed} == files


def test_all_writes_every_format_and_translation_limits_it(
    workspace: Path, tmp_path: Path
) -> None:
    out = tmp_path / "out"
    assert main(["--workspace", str(workspace), "export", "all", "--translation", "free",
                 "--out", str(out)]) == 0
    names = {p.name for p in out.iterdir()}
    assert names == {"free.tmx", "free.po", "free.xlf", "free.xliff12.xlf", "glossary.tbx",
                     "glossary.csv", "glossary.tsv", "glossary.po"}


def test_unknown_translation_is_a_one_line_error(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code = main(["--workspace", str(workspace), "export", "po", "--translation", "nope",
                 "--out", str(tmp_path / "out")])
    assert code == 2
    err = capsys.readouterr().err
    assert "no translation named 'nope' (have: close, free)" in err
    assert not (tmp_path / "out").exists()


def test_out_that_is_a_file_is_refused(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "file.txt"
    target.write_text("keep", encoding="utf-8")
    assert main(["--workspace", str(workspace), "export", "tmx", "--out", str(target)]) == 2
    assert "is not a directory" in capsys.readouterr().err
    assert target.read_text(encoding="utf-8") == "keep"


def test_empty_glossary_skips_tbx_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    snapshot = sample_snapshot()
    snapshot.glossary = []
    path = tmp_path / "bare.sqlite"
    with Store.create(path, created=CREATED) as store:
        store.load_snapshot(snapshot)
    out = tmp_path / "out"
    assert main(["--workspace", str(path), "export", "tbx", "--out", str(out)]) == 1
    assert "TBX needs at least one concept entry" in capsys.readouterr().err
    assert main(["--workspace", str(path), "export", "glossary-csv", "--out", str(out)]) == 0
    assert (out / "glossary.csv").read_text(encoding="utf-8").startswith("ru,en,")


def test_export_replaces_an_old_file_whole(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "close.tmx").write_text("old content", encoding="utf-8")
    assert main(["--workspace", str(workspace), "export", "tmx", "--out", str(out)]) == 0
    assert (out / "close.tmx").read_bytes().startswith(b"<?xml")
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_workspace_option_works_after_the_command_too(workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert main(["export", "tmx", "--workspace", str(workspace), "--out", str(out)]) == 0
    rebuilt = tmp_path / "rebuilt.sqlite"
    assert main(["import", str(out / "close.tmx"), "--workspace", str(rebuilt)]) == 0
    with Store.open(rebuilt) as store:
        assert store.translation_names() == ["close"]
