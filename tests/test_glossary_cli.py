import json
import os
from pathlib import Path

import pytest

from workbench.cli import main
from workbench.formats.glossary_csv import read_glossary
from workbench.store import Store

HEADER = "ru,en,forbidden,pos,definition,note,case_sensitive,status\n"


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    path = tmp_path / "ws.sqlite"
    Store.create(path).close()
    return path


def run(workspace: Path, *args: str) -> int:
    return main(["--workspace", str(workspace), "glossary", *args])


def listed(workspace: Path, capsys: pytest.CaptureFixture[str]) -> list[dict[str, object]]:
    capsys.readouterr()
    assert run(workspace, "list", "--json") == 0
    result: list[dict[str, object]] = json.loads(capsys.readouterr().out)
    return result


def test_add_list_and_remove(workspace: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            workspace,
            "add",
            "чрезвычайные меры",
            "extraordinary measures",
            "--forbidden",
            "emergency measures|urgent measures",
            "--pos",
            "noun",
        )
        == 0
    )
    assert run(workspace, "add", "раскольник", "splitter") == 0
    entries = listed(workspace, capsys)
    assert [e["ru"] for e in entries] == ["чрезвычайные меры", "раскольник"]
    assert entries[0]["forbidden"] == ["emergency measures", "urgent measures"]
    assert run(workspace, "list") == 0
    assert "not: emergency measures | urgent measures" in capsys.readouterr().out
    assert run(workspace, "remove", "Раскольник") == 0
    assert run(workspace, "remove", str(entries[0]["id"])) == 0
    assert listed(workspace, capsys) == []


def test_adding_a_duplicate_or_removing_an_unknown_term_fails(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(workspace, "add", "ЦК", "Central Committee") == 0
    assert run(workspace, "add", "цк", "CC") == 2
    assert run(workspace, "remove", "Политбюро") == 2
    assert "no glossary entry 'Политбюро'" in capsys.readouterr().err
    assert len(listed(workspace, capsys)) == 1


def test_import_merges_and_export_round_trips(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(workspace, "add", "ЦК", "CC")
    source = tmp_path / "in.csv"
    source.write_text(
        HEADER + "ЦК,Central Committee,CC,properNoun,,,false,approved\n"
        "нэп,NEP,,properNoun,New Economic Policy,,false,approved\n",
        encoding="utf-8",
    )
    assert run(workspace, "import", str(source)) == 0
    assert "1 added, 1 updated" in capsys.readouterr().out
    entries = listed(workspace, capsys)
    assert [(e["ru"], e["en"]) for e in entries] == [
        ("ЦК", ["Central Committee"]),
        ("нэп", ["NEP"]),
    ]
    out = tmp_path / "out.tsv"
    assert run(workspace, "export", str(out)) == 0
    assert "\t" in out.read_text(encoding="utf-8")
    assert read_glossary(out) == read_glossary(source)


def test_a_malformed_import_changes_nothing(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(workspace, "add", "ЦК", "Central Committee")
    bad = tmp_path / "bad.tsv"
    bad.write_text("ru\ten\nнэп\tNEP\n\tCPSU\n", encoding="utf-8")
    assert run(workspace, "import", str(bad), "--replace") == 2
    assert capsys.readouterr().err.strip().endswith("bad.tsv:3: empty Russian term (column 'ru')")
    assert [e["ru"] for e in listed(workspace, capsys)] == ["ЦК"]


def test_format_option_overrides_the_extension(workspace: Path, tmp_path: Path) -> None:
    run(workspace, "add", "нэп", "NEP")
    out = tmp_path / "glossary.txt"
    assert run(workspace, "export", str(out), "--format", "tsv") == 0
    assert out.read_text(encoding="utf-8").startswith("ru\ten\t")
    assert run(workspace, "import", str(out), "--format", "tsv", "--replace") == 0


def test_import_keeps_the_ids_of_terms_it_updates_and_says_what_it_left_alone(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(workspace, "add", "ЦК", "CC")
    run(workspace, "add", "заём", "loan")
    before = {e["ru"]: e["id"] for e in listed(workspace, capsys)}
    source = tmp_path / "in.csv"
    source.write_text("ru,en\nЦК,Central Committee\nзаём,loan\nнэп,NEP\n", encoding="utf-8")
    capsys.readouterr()
    assert run(workspace, "import", str(source)) == 0
    assert "1 added, 1 updated, 1 unchanged" in capsys.readouterr().out
    after = {e["ru"]: e["id"] for e in listed(workspace, capsys)}
    assert after["ЦК"] == before["ЦК"]
    assert after["заём"] == before["заём"]
    assert run(workspace, "remove", str(before["ЦК"])) == 0


def test_a_term_differing_only_in_case_or_yo_is_already_there(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(workspace, "add", "заём", "loan") == 0
    assert run(workspace, "add", "Заем", "credit") == 2
    assert "already has 'Заем'" in capsys.readouterr().err
    assert run(workspace, "remove", "заем") == 0
    assert listed(workspace, capsys) == []


def test_add_refuses_what_could_not_be_exported_or_matched(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(workspace, "add", "заём|кредит", "loan") == 2
    assert "one Russian term per entry" in capsys.readouterr().err
    assert run(workspace, "add", "нэп", "NEP", "--forbidden", "nep") == 2
    assert "'nep' cannot be both approved and forbidden" in capsys.readouterr().err
    assert listed(workspace, capsys) == []


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (b"ru;en\n\xd0\xb0;b\n", "bad.csv:1: unknown column 'ru;en'"),
        (b"ru,en\n\xcf\xf0,b\n", "bad.csv:2: not valid UTF-8"),
        (b"ru,en\n\xd0\xb0,b\n,c\n", "bad.csv:3: empty Russian term"),
        (b"ru,en\n\xd0\xb0,b|\n", "bad.csv:2: empty term in column 'en'"),
        (b"ru,en\n\xd0\xb0,b\n\xd0\x90,c\n", "bad.csv:3: duplicate entry"),
        (b"ru,en,forbidden\n\xd0\xb0,b\n", "bad.csv:2: expected 3 fields, found 2"),
    ],
)
@pytest.mark.parametrize("replace", [False, True])
def test_malformed_imports_name_file_and_line_and_change_nothing(
    workspace: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    content: bytes,
    error: str,
    replace: bool,
) -> None:
    run(workspace, "add", "ЦК", "Central Committee")
    before = listed(workspace, capsys)
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    assert run(workspace, "import", str(bad), *(["--replace"] if replace else [])) == 2
    err = capsys.readouterr().err
    assert error in err
    assert err.count("\n") == 1
    assert listed(workspace, capsys) == before
    with Store.open(workspace) as store:
        assert store.undo_description() == "Add glossary term ЦК"


def test_an_exported_file_has_the_usual_permissions(workspace: Path, tmp_path: Path) -> None:
    run(workspace, "add", "нэп", "NEP")
    out = tmp_path / "shared.csv"
    previous = os.umask(0o022)
    try:
        assert run(workspace, "export", str(out)) == 0
    finally:
        os.umask(previous)
    assert out.stat().st_mode & 0o777 == 0o644


def test_exporting_into_a_file_or_a_folder_is_a_clear_error(
    workspace: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    blocker = tmp_path / "notes.txt"
    blocker.write_text("not a folder", encoding="utf-8")
    assert run(workspace, "export", str(blocker / "out.csv")) == 2
    assert capsys.readouterr().err == f"workbench: {blocker}: is a file, not a folder\n"
    assert run(workspace, "export", str(tmp_path)) == 2
    assert "give a file name, not a folder" in capsys.readouterr().err
    assert blocker.read_text(encoding="utf-8") == "not a folder"


def test_workspace_option_also_after_the_action(
    workspace: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "add", "пленум", "plenum", "--workspace", str(workspace)]) == 0
    capsys.readouterr()
    assert main(["glossary", "list", "--json", "--workspace", str(workspace)]) == 0
    entries = json.loads(capsys.readouterr().out)
    assert [(e["ru"], e["en"]) for e in entries] == [("пленум", ["plenum"])]
