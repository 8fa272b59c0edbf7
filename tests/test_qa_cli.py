import json
from pathlib import Path

import pytest

from workbench.cli import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"
GLOSSARY = ROOT / "corpus" / "glossary.csv"

SOURCE = (
    "Еще во время пленума Бухарин попросил члена ЦК Сокольникова устроить ему свидание. "
    "Оно состоялось 11 июля. "
    "Сталин принял чрезвычайные меры."
)
TARGET = (
    "While the plenum was still in session, Bukharin asked Sokolnikov, a CC member, "
    "to arrange a meeting. "
    "It took place on July 12. "
    "Stalin took emergency measures."
)
GLOSSARY_CSV = (
    "ru,en,forbidden,pos,definition,note,case_sensitive,status\n"
    "член ЦК,member of the Central Committee,,noun,,,false,approved\n"
    "чрезвычайные меры,extraordinary measures,emergency measures,noun,,,false,approved\n"
)


def files(tmp_path: Path, source: str = SOURCE, target: str = TARGET) -> tuple[str, str, str]:
    src, tgt, glossary = tmp_path / "src.txt", tmp_path / "tgt.txt", tmp_path / "g.csv"
    src.write_text(source, encoding="utf-8")
    tgt.write_text(target, encoding="utf-8")
    glossary.write_text(GLOSSARY_CSV, encoding="utf-8")
    return str(src), str(tgt), str(glossary)


def qa_json(capsys: pytest.CaptureFixture[str], *args: str) -> list[dict[str, object]]:
    capsys.readouterr()
    assert main(["qa", *args, "--json"]) == 0
    result: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return result


def test_json_lists_findings_with_link_indices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt, glossary = files(tmp_path)
    found = qa_json(capsys, src, tgt, "--glossary", glossary)
    assert {(f["check"], tuple(f["src"]), tuple(f["tgt"]), f["severity"]) for f in found} == {
        ("glossary-term-missing", (0,), (0,), "warning"),
        ("number-mismatch", (1,), (1,), "error"),
        ("glossary-forbidden", (2,), (2,), "error"),
    }
    assert all(set(f) == {"check", "src", "tgt", "severity", "message"} for f in found)


def test_readable_output_groups_findings_by_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt, glossary = files(tmp_path)
    assert main(["qa", src, tgt, "--glossary", glossary]) == 0
    out = capsys.readouterr().out
    assert "ru 1 ↔ en 1\n  ru: Оно состоялось 11 июля.\n  en: It took place on July 12." in out
    assert "error    number-mismatch" in out
    assert out.rstrip().endswith("3 findings on 3 of 3 links: 2 errors, 1 warning.")


def test_summary_of_a_single_finding_is_in_the_singular(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt, glossary = files(tmp_path)
    assert main(["qa", src, tgt, "--glossary", glossary, "--check", "number-mismatch"]) == 0
    out = capsys.readouterr().out
    assert out.rstrip().endswith("1 finding on 1 of 3 links: 1 error.")


def test_presegmented_files_and_check_selection(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src, tgt, _ = files(
        tmp_path,
        "Оно состоялось 11 июля.\n\nЧерез двадцать дней.\n",
        "It was on July 11.\nTwenty days on.\n",
    )
    assert qa_json(capsys, src, tgt, "--presegmented") == []
    src, tgt, _ = files(tmp_path, "Оно состоялось.\nА это нет.\n", "It did.\nА это нет.\n")
    found = qa_json(capsys, src, tgt, "--presegmented", "--check", "identical")
    assert [(f["check"], f["src"]) for f in found] == [("identical", [1])]


def test_unreadable_inputs_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src, tgt, glossary = files(tmp_path)
    assert main(["qa", src, str(tmp_path / "missing.txt")]) == 2
    assert "missing.txt: no such file" in capsys.readouterr().err
    Path(glossary).write_text("ru,en\nЦК,\n", encoding="utf-8")
    assert main(["qa", src, tgt, "--glossary", glossary]) == 2
    assert "g.csv:2: empty English term" in capsys.readouterr().err


def test_seed_and_close_translation(capsys: pytest.CaptureFixture[str]) -> None:
    close = ROOT / "corpus" / "close.en.txt"
    found = qa_json(capsys, str(SEED), str(close), "--glossary", str(GLOSSARY))
    reminders = [f for f in found if f["check"] == "quotation-via-english"]
    assert len(reminders) >= 20
    assert all("Daniels" in str(f["message"]) for f in reminders)
    assert [f["src"] for f in found if f["check"] == "mixed-script"] == [reminders[-1]["src"]]
    assert [f for f in found if f["severity"] == "error"] == []


def test_seed_and_free_translation_flag_only_its_noted_departures(
    capsys: pytest.CaptureFixture[str],
) -> None:
    free = ROOT / "corpus" / "free.en.txt"
    found = qa_json(capsys, str(SEED), str(free), "--glossary", str(GLOSSARY))
    departures = sorted(
        (f["check"], f["src"], str(f["message"]).split(":")[0])
        for f in found
        if f["check"] not in ("quotation-via-english", "mixed-script")
    )
    # Each is a deliberate choice the free translator's notes explain (corpus/notes.csv).
    assert departures == [
        ("glossary-term-missing", [4], "«архиве Троцкого» (архив Троцкого)"),
        ("glossary-term-missing", [22], "«полицейского режима» (полицейский режим)"),
        ("glossary-term-missing", [27], "«чрезвычайных мер» (чрезвычайные меры)"),
        ("untranslated", [31], "no translation (source sentence left out)"),
    ]
