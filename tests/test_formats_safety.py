"""Hostile and malformed files: refused with the file and line named, workspace unchanged;
export file names never leave the output folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from _formats_sample import CREATED, sample_snapshot
from workbench.cli import main
from workbench.formats import exporting, po, tbx, tmx, xliff
from workbench.formats.safexml import parse_xml
from workbench.store import Store
from workbench.textio import InputError

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE tmx [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<tmx version="1.4"><header/><body><tu><tuv xml:lang="ru"><seg>&lol3;</seg></tuv></tu></body></tmx>
"""

EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE xliff [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.1" srcLang="ru">
<file id="f"><unit id="u"><segment><source>&secret;</source></segment></unit></file></xliff>
"""


@pytest.mark.parametrize("reader", [tmx.read_tmx, xliff.read_xliff, tbx.read_tbx])
def test_billion_laughs_is_refused_naming_the_declaration_line(reader: object) -> None:
    with pytest.raises(InputError) as caught:
        reader(BILLION_LAUGHS, "laughs.tmx")  # type: ignore[operator]
    assert str(caught.value).startswith("laughs.tmx:3: ")
    assert "entit" in str(caught.value)


@pytest.mark.parametrize("reader", [tmx.read_tmx, xliff.read_xliff, tbx.read_tbx])
def test_external_entity_is_refused_and_no_file_is_read(reader: object) -> None:
    with pytest.raises(InputError) as caught:
        reader(EXTERNAL_ENTITY, "xxe.xlf")  # type: ignore[operator]
    message = str(caught.value)
    assert message.startswith("xxe.xlf:2: ")
    assert "root:" not in message


def test_entity_declarations_are_refused_in_utf16_too() -> None:
    data = EXTERNAL_ENTITY.decode().replace('version="1.0"?>', 'version="1.0" encoding="UTF-16"?>')
    with pytest.raises(InputError, match="entit"):
        parse_xml(data.encode("utf-16"), "wide.xlf")


def test_undeclared_entity_reference_is_refused() -> None:
    data = b'<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.org/tmx14.dtd">\n' \
           b"<tmx>\n<body>&remote;</body></tmx>"
    with pytest.raises(InputError) as caught:
        parse_xml(data, "remote.tmx")
    assert "remote.tmx:" in str(caught.value)
    assert "&remote;" in str(caught.value)


def test_malformed_xml_names_the_line() -> None:
    with pytest.raises(InputError) as caught:
        tmx.read_tmx(b'<?xml version="1.0"?>\n<tmx version="1.4">\n<header>\n</tmx>\n', "bad.tmx")
    assert str(caught.value).startswith("bad.tmx:4: malformed XML")


def test_bad_value_in_a_well_formed_tmx_names_the_unit_line() -> None:
    snapshot = sample_snapshot()
    data = tmx.write_tmx(snapshot, snapshot.translations[0], created=CREATED)
    data = data.replace(b'<prop type="x-link-status">manual</prop>',
                        b'<prop type="x-link-status">sure</prop>')
    line = data[: data.index(b"sure")].count(b"\n") + 1
    with pytest.raises(InputError) as caught:
        tmx.read_tmx(data, "close.tmx")
    message = str(caught.value)
    assert message.startswith("close.tmx:")
    unit_line = int(message.split(":")[1])
    assert 0 < line - unit_line < 10
    assert "'sure'" in message


def test_po_syntax_error_names_the_line() -> None:
    data = b'msgid ""\nmsgstr ""\n"Language: en\\n"\n\nmsgctxt "link 0001: ru 0, en 0"\n' \
           b'msgid "a"\nmsgstr "b"\nnonsense here\n'
    with pytest.raises(InputError) as caught:
        po.read_po(data, "bad.po")
    assert str(caught.value).startswith("bad.po:8: ")


def _workspace(tmp_path: Path) -> Path:
    path = tmp_path / "work.sqlite"
    with Store.create(path, created=CREATED) as store:
        store.load_snapshot(sample_snapshot())
    return path


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("laughs.tmx", BILLION_LAUGHS),
        ("xxe.xlf", EXTERNAL_ENTITY),
        ("xxe.tbx", EXTERNAL_ENTITY),
        ("broken.po", b'msgid ""\nmsgstr ""\n\nmsgctxt "link 0001: ru 0, en 0"\nmsgid "x\n'),
        ("broken.csv", b'ru,en\n"unclosed,quote\n'),
    ],
)
def test_cli_import_of_a_bad_file_exits_2_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, data: bytes
) -> None:
    workspace = _workspace(tmp_path)
    with Store.open(workspace) as store:
        before = (store.revision(), store.snapshot())
    bad = tmp_path / name
    bad.write_bytes(data)
    assert main(["--workspace", str(workspace), "import", str(bad)]) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"workbench: {bad}:")
    assert "\n" not in err
    with Store.open(workspace) as store:
        assert (store.revision(), store.snapshot()) == before


def test_cli_import_into_a_new_workspace_leaves_no_file_when_the_input_is_bad(
    tmp_path: Path,
) -> None:
    bad = tmp_path / "laughs.tmx"
    bad.write_bytes(BILLION_LAUGHS)
    target = tmp_path / "new.sqlite"
    assert main(["--workspace", str(target), "import", str(bad)]) == 2
    assert not target.exists()


def test_import_with_a_different_russian_source_is_refused(tmp_path: Path) -> None:
    workspace = _workspace(tmp_path)
    snapshot = sample_snapshot()
    data = po.write_po(snapshot, snapshot.translations[0], created=CREATED)
    other = tmp_path / "other.po"
    other.write_bytes(data.replace("Запись сохранилась.".encode(), "Запись утеряна.".encode()))
    with Store.open(workspace) as store:
        revision = store.revision()
    assert main(["--workspace", str(workspace), "import", str(other),
                 "--translation", "other"]) == 2
    with Store.open(workspace) as store:
        assert store.revision() == revision
        assert store.translation_names() == ["close"]


@pytest.mark.parametrize(
    "name",
    ["../../etc/passwd", "/etc/passwd", "..", ".", "", "a/../../b", "..\\..\\x", "\x00", "~root",
     ".hidden", "glossary", "REPORT"],
)
def test_translation_names_become_file_names_inside_the_output_folder(
    tmp_path: Path, name: str
) -> None:
    stem = exporting.file_stem(name)
    assert stem and "/" not in stem and "\\" not in stem and not stem.startswith(".")
    assert stem.lower() not in exporting.RESERVED_STEMS
    for suffix in exporting.SUFFIXES.values():
        assert exporting.inside(tmp_path, stem + suffix).parent == tmp_path.resolve()


def test_inside_refuses_a_name_that_leaves_the_folder(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="would leave"):
        exporting.inside(tmp_path, "../escape.tmx")


def test_hostile_translation_name_exports_inside_out_dir(tmp_path: Path) -> None:
    snapshot = sample_snapshot()
    snapshot.translations[0].name = "../../evil"
    out = tmp_path / "deep" / "out"
    result = exporting.export_snapshot(snapshot, "all", out, created=CREATED)
    assert result.written
    for path in result.written:
        assert path.parent == out.resolve()
    assert not (tmp_path / "evil.tmx").exists()
    assert (out / "evil.tmx").exists()


def test_names_that_clash_after_sanitising_get_distinct_files() -> None:
    stems = exporting.translation_stems(["a/b", "a_b", "A b"])
    assert len(set(s.lower() for s in stems.values())) == 3


def test_characters_xml_cannot_carry_do_not_break_an_export(tmp_path: Path) -> None:
    snapshot = sample_snapshot()
    snapshot.translations[0].segments[0] = "Page one.\x0cPage two."
    snapshot.translations[0].name = "close\x01"
    result = exporting.export_snapshot(snapshot, "all", tmp_path, created=CREATED)
    tmx_file = next(p for p in result.written if p.suffix == ".tmx")
    imported = tmx.read_tmx(tmx_file.read_bytes(), str(tmx_file))
    assert imported.units[0].target_segments == ["Page one.\ufffdPage two."]
    assert imported.translation == "close\ufffd"
