"""``workbench align``: output contract and errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main

RU = (
    "Бухарин еще задолго до пленума порвал личные отношения со Сталиным.\n"
    "Оно состоялось 11 июля.\n"
    "Рыков, Томский и я согласны в следующем.\n"
)
EN = (
    "Long before the plenum Bukharin had broken off relations with Stalin.\n"
    "It took place on July 11.\n"
    "Rykov, Tomsky and I agree on the following.\n"
)


@pytest.fixture()
def texts(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "ru.txt"
    tgt = tmp_path / "en.txt"
    src.write_text(RU, encoding="utf-8")
    tgt.write_text(EN, encoding="utf-8")
    return src, tgt


def run(argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = main(argv)
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_json_lists_links_with_zero_based_indices(
    texts: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt = texts
    status, out, err = run(["align", str(src), str(tgt), "--presegmented", "--json"], capsys)
    assert status == 0
    assert err == ""  # no progress bar when stderr is not a terminal
    links = json.loads(out)["links"]
    assert [(link["src"], link["tgt"]) for link in links] == [([0], [0]), ([1], [1]), ([2], [2])]
    assert all(isinstance(link["score"], float) and 0 <= link["score"] <= 1 for link in links)


def test_blank_lines_are_not_sentences_when_presegmented(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "ru.txt"
    tgt = tmp_path / "en.txt"
    src.write_text("\n" + RU.replace("\n", "\n\n"), encoding="utf-8")
    tgt.write_text(EN, encoding="utf-8")
    status, out, _ = run(["align", str(src), str(tgt), "--presegmented", "--json"], capsys)
    assert status == 0
    assert [link["src"] for link in json.loads(out)["links"]] == [[0], [1], [2]]


def test_without_presegmented_the_texts_are_split_into_sentences(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "ru.txt"
    tgt = tmp_path / "en.txt"
    src.write_text(RU.replace("\n", " "), encoding="utf-8")  # one paragraph, three sentences
    tgt.write_text(EN.replace("\n", " "), encoding="utf-8")
    status, out, _ = run(["align", str(src), str(tgt), "--json"], capsys)
    assert status == 0
    links = json.loads(out)["links"]
    assert [(link["src"], link["tgt"]) for link in links] == [([0], [0]), ([1], [1]), ([2], [2])]


def test_side_by_side_listing_shows_both_texts(
    texts: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt = texts
    status, out, _ = run(["align", str(src), str(tgt), "--presegmented"], capsys)
    assert status == 0
    assert "Оно состоялось 11 июля." in out
    assert "It took place on July 11." in out
    line = next(row for row in out.splitlines() if "Оно состоялось" in row)
    assert "It took place" in line  # on the same row: side by side


def test_an_empty_side_gives_null_links(
    texts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, _ = texts
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    status, out, _ = run(["align", str(src), str(empty), "--presegmented", "--json"], capsys)
    assert status == 0
    assert [(link["src"], link["tgt"]) for link in json.loads(out)["links"]] == [
        ([0], []),
        ([1], []),
        ([2], []),
    ]
    status, out, _ = run(["align", str(empty), str(src), "--presegmented", "--json"], capsys)
    assert [link["src"] for link in json.loads(out)["links"]] == [[], [], []]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such file"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
        ("Привет".encode("cp1251"), "not valid UTF-8"),
    ],
)
def test_unreadable_files_are_named_in_a_one_line_error(
    texts: tuple[Path, Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes | None,
    message: str,
) -> None:
    src, _ = texts
    bad = tmp_path / "bad.txt"
    if content is not None:
        bad.write_bytes(content)
    status, out, err = run(["align", str(src), str(bad), "--presegmented"], capsys)
    assert status == 2
    assert out == ""
    assert err.count("\n") == 1
    assert str(bad) in err and message in err


def test_glossary_file_errors_name_the_file_and_line(
    texts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt = texts
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(
        "ru,en,forbidden,pos,definition,note,case_sensitive,status\n"
        "пленум,plenum,,noun,,,false,approved\n"
        "кулак,kulak,,noun,,,maybe,approved\n",
        encoding="utf-8",
    )
    status, _, err = run(["align", str(src), str(tgt), "--glossary", str(glossary)], capsys)
    assert status == 2
    assert f"{glossary}:3" in err
    assert err.count("\n") == 1


def test_a_good_glossary_is_accepted(
    texts: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt = texts
    glossary = tmp_path / "glossary.csv"
    glossary.write_text(
        "ru,en,forbidden,pos,definition,note,case_sensitive,status\n"
        "пленум,plenum,,noun,,,false,approved\n",
        encoding="utf-8",
    )
    argv = ["align", str(src), str(tgt), "--presegmented", "--json", "--glossary", str(glossary)]
    status, out, _ = run(argv, capsys)
    assert status == 0
    assert len(json.loads(out)["links"]) == 3


WORKBENCH = shutil.which("workbench", path=str(Path(sys.executable).parent)) or shutil.which(
    "workbench"
)


@pytest.mark.skipif(WORKBENCH is None, reason="the workbench command is not installed")
def test_installed_command_prints_json(texts: tuple[Path, Path]) -> None:
    src, tgt = texts
    assert WORKBENCH is not None
    done = subprocess.run(
        [WORKBENCH, "align", str(src), str(tgt), "--presegmented", "--json"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert len(json.loads(done.stdout)["links"]) == 3
