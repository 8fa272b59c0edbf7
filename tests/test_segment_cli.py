"""``workbench segment FILE [--lang ru|en] [--json]``: output contract and bad input."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from workbench.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"
SEED_GOLD = ROOT / "tests" / "data" / "segment" / "seed_ru.txt"


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(["segment", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_on_the_seed_gives_46_sentences_with_offsets(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, err = _run(capsys, str(SEED), "--lang", "ru", "--json")
    assert status == 0 and err == ""
    sentences = json.loads(out)
    content = SEED.read_text(encoding="utf-8")
    assert [s["text"] for s in sentences] == SEED_GOLD.read_text(encoding="utf-8").splitlines()
    for item in sentences:
        assert content[item["start"] : item["end"]] == item["text"]
    assert sentences[-1]["incomplete"] is True
    assert all("incomplete" not in item for item in sentences[:-1])
    assert set(sentences[0]) == {"start", "end", "text"}


def test_plain_output_is_one_sentence_per_line(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = _run(capsys, str(SEED), "--lang", "ru")
    assert status == 0
    assert out.splitlines() == SEED_GOLD.read_text(encoding="utf-8").splitlines()


def test_language_is_detected_when_not_given(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    english = tmp_path / "close.en.txt"
    english.write_text("Mr. Bukharin met Kamenev on July 11. Stalin learnt of it.\n", "utf-8")
    status, out, _ = _run(capsys, str(english))
    assert status == 0
    assert out.splitlines() == ["Mr. Bukharin met Kamenev on July 11.", "Stalin learnt of it."]
    status, out, _ = _run(capsys, str(SEED))
    assert len(out.splitlines()) == 46


def test_bom_and_crlf_offsets_refer_to_the_text_without_bom(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "crlf.txt"
    path.write_bytes("\ufeffОно состоялось 11 июля.\r\nСм. т. 11, стр. 220.\r\n".encode())
    status, out, _ = _run(capsys, str(path), "--json")
    assert status == 0
    content = path.read_bytes().decode("utf-8")[1:]
    sentences = json.loads(out)
    assert [s["text"] for s in sentences] == ["Оно состоялось 11 июля.", "См. т. 11, стр. 220."]
    assert sentences[0]["start"] == 0
    for item in sentences:
        assert content[item["start"] : item["end"]] == item["text"]


def test_plain_output_shows_line_breaks_inside_a_sentence_as_spaces(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "wrapped.txt"
    path.write_text(
        "Bukharin went to see Kamenev\nin July. They talked\nfor a long time.\n\n"
        "Kamenev wrote it\ndown and the record\nsurvives.\n",
        "utf-8",
    )
    status, out, _ = _run(capsys, str(path), "--lang", "en")
    assert status == 0
    assert out.splitlines() == [
        "Bukharin went to see Kamenev in July.",
        "They talked for a long time.",
        "Kamenev wrote it down and the record survives.",
    ]
    status, out, _ = _run(capsys, str(path), "--lang", "en", "--json")
    assert json.loads(out)[0]["text"] == "Bukharin went to see Kamenev\nin July."


def test_empty_file_is_zero_sentences(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(b"")
    assert _run(capsys, str(path)) == (0, "", "")
    status, out, _ = _run(capsys, str(path), "--json")
    assert status == 0 and json.loads(out) == []


def test_missing_file_is_one_line_naming_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "absent.txt"
    status, out, err = _run(capsys, str(path))
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and str(path) in err and "no such file" in err


def test_directory_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    status, _, err = _run(capsys, str(tmp_path))
    assert status == 2
    assert err.count("\n") == 1 and str(tmp_path) in err and "directory" in err


def test_bad_utf8_names_the_byte_offset(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "cp1251.txt"
    path.write_bytes("Оно состоялось".encode() + " 11 июля.".encode("cp1251"))
    status, out, err = _run(capsys, str(path), "--json")
    bad_offset = len("Оно состоялось 11 ".encode())
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and str(path) in err and f"byte offset {bad_offset}" in err


def test_binary_file_is_refused(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "image.png"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    status, _, err = _run(capsys, str(path))
    assert status == 2
    assert err.count("\n") == 1 and str(path) in err and "binary" in err and "byte offset 8" in err


def test_unknown_language_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["segment", str(SEED), "--lang", "de"])
    assert exit_info.value.code == 2
    assert "--lang" in capsys.readouterr().err


def _installed_command() -> str:
    beside_python = Path(sys.executable).parent / "workbench"
    if beside_python.exists():
        return str(beside_python)
    found = shutil.which("workbench")
    if found is None:
        pytest.fail("the workbench command is not installed")
    return found


def test_installed_command_segments_the_seed() -> None:
    result = subprocess.run(
        [_installed_command(), "segment", str(SEED), "--lang", "ru", "--json"],
        capture_output=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 0, result.stderr
    sentences = json.loads(result.stdout.decode("utf-8"))
    assert len(sentences) == 46
    assert sentences[-1]["incomplete"] is True


def test_installed_command_reports_a_missing_file(tmp_path: Path) -> None:
    missing = tmp_path / "nothing.txt"
    result = subprocess.run(
        [_installed_command(), "segment", str(missing)],
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    assert result.returncode == 2
    assert result.stdout == ""
    assert result.stderr.strip().count("\n") == 0 and str(missing) in result.stderr
