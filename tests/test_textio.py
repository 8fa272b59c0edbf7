"""Reading user files: every failure is one line naming the file and the place."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from workbench.textio import InputError, read_text, write_atomic


def test_bad_utf8_names_byte_offset_and_line(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"ab\ncd\xffe")
    with pytest.raises(InputError) as err:
        read_text(path)
    assert str(err.value) == f"{path}:2: not valid UTF-8 (bad byte 0xff at byte offset 5)"


@pytest.mark.parametrize(
    ("encoding", "name"), [("utf-16", "UTF-16 (little-endian)"), ("utf-32", "UTF-32")]
)
def test_utf16_and_utf32_are_named_as_such(tmp_path: Path, encoding: str, name: str) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes("Бухарин".encode(encoding))
    with pytest.raises(InputError, match=rf"encoded as {re.escape(name)}.*not UTF-8"):
        read_text(path)


def test_bom_is_removed_and_crlf_kept(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(b"\xef\xbb\xbfa\r\nb")
    assert read_text(path) == "a\r\nb"


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_text(tmp_path / "missing.txt")
    with pytest.raises(InputError, match="is a directory"):
        read_text(tmp_path)


def test_write_atomic_replaces_whole_file_and_leaves_no_temporary(tmp_path: Path) -> None:
    target = tmp_path / "out" / "a.txt"
    write_atomic(target, "old")
    write_atomic(target, "новое")
    assert target.read_text(encoding="utf-8") == "новое"
    assert [p.name for p in target.parent.iterdir()] == ["a.txt"]
