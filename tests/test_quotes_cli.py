"""``workbench quotes FILE [--json]``: the contract other tools and the translator rely on."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from workbench.cli import main

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_4e71bbafc8bcbe6b.txt"
KEYS = {
    "start",
    "end",
    "text",
    "via_english",
    "provenance",
    "confidence",
    "citation",
    "evidence",
    "advice",
    "depth",
    "unclosed",
}


def test_json_on_the_seed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", str(SEED), "--json"]) == 0
    out = capsys.readouterr().out
    records = json.loads(out)
    text = SEED.read_text(encoding="utf-8")
    assert all(set(r) == KEYS for r in records)
    for record in records:
        assert text[record["start"] : record["end"]] == record["text"]
        assert isinstance(record["via_english"], bool)
        assert record["via_english"] == (record["provenance"] == "via-english")
        assert all(isinstance(e, str) for e in record["evidence"])
    outer = [r for r in records if r["via_english"] and r["depth"] == 0]
    assert len(outer) == 1
    assert outer[0]["text"].startswith("«Мы чувствуем")
    assert "Daniels" in outer[0]["citation"]
    by_start = {r["text"][:12]: r for r in records}
    assert by_start["«нижеподписа"]["provenance"] == "russian-original"
    assert by_start["«Здравствуй,"]["provenance"] == "russian-original"
    assert by_start["«чистоплотны"]["provenance"] == "no-citation"
    assert by_start["«чистоплотны"]["citation"] is None
    assert not any(r["text"].startswith("«КПСС") for r in records)


def test_readable_listing(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["quotes", str(SEED)]) == 0
    out = capsys.readouterr().out
    first = out.split("\n\n")[0]
    assert first.startswith("#1  496-2616  via-english  confidence 0.95")
    assert "«Мы чувствуем, что линия … раскольником является именно Сталин»" in first
    assert "citation: „А Documentary History of Communism" in first
    assert "advice: Take the English wording from A Documentary History of Communism" in first


def test_unclosed_quotation_warns_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "u.txt"
    path.write_text("Первая строка.\nОн сказал: «Начало без конца\nДалее «правые».\n", "utf-8")
    assert main(["quotes", str(path), "--json"]) == 0
    captured = capsys.readouterr()
    records = json.loads(captured.out)
    assert records[0]["unclosed"] is True
    assert records[0]["text"] == "«Начало без конца"
    assert records[1]["text"] == "«правые»"
    warning = captured.err.strip().splitlines()
    assert len(warning) == 1
    assert f"{path}:2:12:" in warning[0] and "never closed" in warning[0]


@pytest.mark.parametrize("content", [None, b"\x00\x01binary", b"\xff\xfe bad utf-8"])
def test_unreadable_input_is_one_line_exit_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: bytes | None
) -> None:
    path = tmp_path / "input.txt"
    if content is not None:
        path.write_bytes(content)
    assert main(["quotes", str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(path) in err[0]


def test_text_without_quotations(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("Без кавычек.\n", "utf-8")
    assert main(["quotes", str(path), "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert main(["quotes", str(path)]) == 0
    assert "no quotations found" in capsys.readouterr().out
