"""Imports restore what exports wrote: export, import into a new workspace, export again
gives the same bytes; readers give back the links, segments, statuses and notes."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from _formats_sample import CREATED, sample_snapshot
from workbench.cli import main
from workbench.core.model import Link, LinkStatus, ProjectSnapshot, SegmentStatus
from workbench.formats import aligned, exporting, glossary_po, po, tbx, tmx, xliff
from workbench.formats.glossary_csv import parse_glossary, render_glossary
from workbench.store import Store


def _workspace(path: Path, snapshot: ProjectSnapshot) -> Path:
    with Store.create(path, created=CREATED) as store:
        store.load_snapshot(snapshot)
    return path


def _source_only(snapshot: ProjectSnapshot) -> ProjectSnapshot:
    """What a workspace holds before any translation is added: source, quotations,
    glossary and the notes on the source alone."""
    return ProjectSnapshot(snapshot.name, snapshot.source, [], snapshot.glossary,
                           [n for n in snapshot.notes if n.translation is None],
                           snapshot.quotations)


def _export(workspace: Path, fmt: str, out: Path) -> None:
    assert main(["--workspace", str(workspace), "export", fmt, "--out", str(out)]) == 0


@pytest.mark.parametrize(
    ("fmt", "file_name"),
    [("tmx", "close.tmx"), ("po", "close.po"), ("xliff", "close.xlf"),
     ("xliff12", "close.xliff12.xlf")],
)
def test_translation_export_import_export_is_byte_identical(
    tmp_path: Path, fmt: str, file_name: str
) -> None:
    original = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    _export(original, fmt, tmp_path / "first")
    fresh = _workspace(tmp_path / "b.sqlite", _source_only(sample_snapshot()))
    assert main(["--workspace", str(fresh), "import", str(tmp_path / "first" / file_name)]) == 0
    _export(fresh, fmt, tmp_path / "second")
    first = (tmp_path / "first" / file_name).read_bytes()
    assert (tmp_path / "second" / file_name).read_bytes() == first


@pytest.mark.parametrize(
    ("fmt", "file_name"),
    [("tbx", "glossary.tbx"), ("glossary-csv", "glossary.csv"),
     ("glossary-tsv", "glossary.tsv"), ("glossary-po", "glossary.po")],
)
def test_glossary_export_import_export_is_byte_identical(
    tmp_path: Path, fmt: str, file_name: str
) -> None:
    original = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    _export(original, fmt, tmp_path / "first")
    without_glossary = sample_snapshot()
    without_glossary.glossary = []
    fresh = _workspace(tmp_path / "b.sqlite", without_glossary)
    assert main(["--workspace", str(fresh), "import", str(tmp_path / "first" / file_name)]) == 0
    with Store.open(fresh) as store:
        assert [(e.source, e.targets, e.forbidden, e.pos, e.status) for e in store.glossary()] \
            == [(e.source, e.targets, e.forbidden, e.pos, e.status)
                for e in sample_snapshot().glossary]
    _export(fresh, fmt, tmp_path / "second")
    first = (tmp_path / "first" / file_name).read_bytes()
    assert (tmp_path / "second" / file_name).read_bytes() == first


def test_exports_are_deterministic(tmp_path: Path) -> None:
    first = exporting.export_snapshot(sample_snapshot(), "all", tmp_path / "1", created=CREATED)
    second = exporting.export_snapshot(sample_snapshot(), "all", tmp_path / "2", created=CREATED)
    assert [p.name for p in first.written] == [p.name for p in second.written]
    for a, b in zip(first.written, second.written, strict=True):
        assert a.read_bytes() == b.read_bytes()


@pytest.mark.parametrize(
    ("write", "read"),
    [(tmx.write_tmx, tmx.read_tmx), (po.write_po, po.read_po),
     (xliff.write_xliff, xliff.read_xliff), (xliff.write_xliff12, xliff.read_xliff)],
)
def test_readers_restore_links_segments_statuses_and_notes(write: object, read: object) -> None:
    snapshot = sample_snapshot()
    original = snapshot.translations[0]
    data = write(snapshot, original, created=CREATED)  # type: ignore[operator]
    imported = read(data, "file")  # type: ignore[operator]
    assert imported.translation == "close"
    translation, notes = aligned.build_translation(imported, "close")
    assert translation.segments == original.segments
    assert translation.links == original.links
    assert translation.statuses == original.statuses
    key = [(n.src_index, n.author, n.created, n.modified, n.translation, n.text)
           for n in snapshot.notes]
    assert [(n.src_index, n.author, n.created, n.modified, n.translation, n.text)
            for n in notes] == key
    assert [u.source_sentences for u in imported.units] == [
        [s.text for s in snapshot.source.sentences[link.src[0]: link.src[-1] + 1]]
        if link.src else [] for link in original.links
    ]


def test_glossary_readers_restore_every_field() -> None:
    entries = sample_snapshot().glossary
    assert tbx.read_tbx(tbx.write_tbx(entries, project="p", created=CREATED), "g.tbx") == entries
    data = glossary_po.write_glossary_po(entries, project="p", created=CREATED)
    assert glossary_po.read_glossary_po(data, "g.po") == entries
    assert parse_glossary(render_glossary(entries, "tsv"), "g.tsv", "tsv") == entries


def test_glossary_po_wrapped_by_a_po_editor_keeps_every_term_whole(tmp_path: Path) -> None:
    import polib

    entries = [replace(sample_snapshot().glossary[0], targets=("first approved rendering",
                       "second approved rendering"),
                       forbidden=("a forbidden rendering", "another forbidden one"))]
    path = tmp_path / "g.po"
    path.write_bytes(glossary_po.write_glossary_po(entries, project="p", created=CREATED))
    catalog = polib.pofile(str(path))
    catalog.wrapwidth = 30
    catalog.save(str(path))
    (read,) = glossary_po.read_glossary_po(path.read_bytes(), "g.po")
    assert read.targets == entries[0].targets
    assert read.forbidden == entries[0].forbidden
    assert read.pos == entries[0].pos


def test_po_marks_unconfirmed_links_fuzzy_and_quotations_from_english() -> None:
    snapshot = sample_snapshot()
    text = po.write_po(snapshot, snapshot.translations[0], created=CREATED).decode()
    entries = text.split("\n\n")
    confirmed = next(e for e in entries if 'msgctxt "link 0001' in e)
    quoted = next(e for e in entries if 'msgctxt "link 0002' in e)
    added = next(e for e in entries if 'msgctxt "link 0004' in e)
    assert "#, fuzzy" not in confirmed
    assert "#, fuzzy, via-english" in quoted
    assert "#. quotation via-english" in quoted and "Cohen S. Bukharin" in quoted
    assert "# [sentence 1; by Ivanova" in quoted
    assert f'msgid "{po.NO_SOURCE_MARKER}"' in added
    assert '"Language: en\\n"' in text and '"X-Source-Language: ru\\n"' in text
    assert '"POT-Creation-Date: 2026-03-14 09:26+0000\\n"' in text


def test_editing_the_po_in_a_po_editor_comes_back_as_confirmed_edits() -> None:
    snapshot = sample_snapshot()
    text = po.write_po(snapshot, snapshot.translations[0], created=CREATED).decode()
    text = text.replace('#, fuzzy\nmsgctxt "link 0006: ru 5, en 6"',
                        'msgctxt "link 0006: ru 5, en 6"')
    text = text.replace('msgstr "The record survives."', 'msgstr "The record has survived."')
    text = text.replace('msgstr "The conversation lasted an hour & more. Without <witnesses>."',
                        'msgstr "The talk lasted over an hour, with no witnesses."')
    imported = po.read_po(text.encode(), "edited.po")
    translation, _ = aligned.build_translation(imported, "edited")
    assert translation.links[5].status is LinkStatus.CONFIRMED
    assert translation.segments[6] == "The record has survived."
    # A joined side that no longer fits its recorded lengths keeps all its text.
    assert translation.segments[3:5] == ["The talk lasted over an hour, with no witnesses.", ""]
    assert translation.statuses[3] is SegmentStatus.REVIEWED


def test_import_into_an_empty_workspace_rebuilds_the_source(tmp_path: Path) -> None:
    out = tmp_path / "out"
    exporting.export_snapshot(sample_snapshot(), "xliff", out, created=CREATED)
    target = tmp_path / "new.sqlite"
    assert main(["--workspace", str(target), "import", str(out / "close.xlf")]) == 0
    original = sample_snapshot()
    with Store.open(target) as store:
        assert store.created == CREATED
        assert store.name == original.name
        rebuilt = store.snapshot()
    assert rebuilt.source.text == original.source.text
    assert rebuilt.source.sentences == original.source.sentences
    assert rebuilt.translations[0].segments == original.translations[0].segments
    assert rebuilt.translations[0].links == original.translations[0].links
    assert len(rebuilt.notes) == len(original.notes)


@pytest.mark.parametrize("name", ["", "  ", "two\nlines", "tab\there"])
def test_a_blank_or_multi_line_translation_name_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str
) -> None:
    workspace = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    _export(workspace, "tmx", tmp_path / "out")
    with Store.open(workspace) as store:
        before = store.revision()
    assert main(["--workspace", str(workspace), "import", str(tmp_path / "out" / "close.tmx"),
                 "--translation", name]) == 2
    assert "--translation" in capsys.readouterr().err
    with Store.open(workspace) as store:
        assert store.revision() == before


def test_importing_a_translation_name_that_exists_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    _export(workspace, "tmx", tmp_path / "out")
    assert main(["--workspace", str(workspace), "import", str(tmp_path / "out" / "close.tmx")]) == 2
    assert "--translation" in capsys.readouterr().err
    assert main(["--workspace", str(workspace), "import", str(tmp_path / "out" / "close.tmx"),
                 "--translation", "close-again"]) == 0
    with Store.open(workspace) as store:
        assert store.translation_names() == ["close", "close-again"]
        again = store.translation("close-again")
        assert again.links == store.translation("close").links
        assert len(store.notes(translation="close-again")) == 3


@pytest.mark.parametrize(("name", "content"), [
    ("empty.po", ""),
    ("empty.csv", "ru,en,forbidden,pos,definition,note,case_sensitive,status\n"),
])
def test_replacing_the_glossary_with_a_file_without_terms_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, content: str
) -> None:
    workspace = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    empty = tmp_path / name
    empty.write_text(content, encoding="utf-8")
    with Store.open(workspace) as store:
        before = (store.revision(), store.glossary())
    assert main(["--workspace", str(workspace), "import", str(empty), "--replace"]) == 2
    assert "holds no glossary entries" in capsys.readouterr().err
    with Store.open(workspace) as store:
        assert (store.revision(), store.glossary()) == before


def test_glossary_import_merges_and_replace_replaces_each_as_one_undoable_step(
    tmp_path: Path,
) -> None:
    workspace = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    before = [e.source for e in sample_snapshot().glossary]
    assert "пленум" not in before
    glossary = tmp_path / "new.csv"
    glossary.write_text("ru,en\nпленум,plenum\n", encoding="utf-8")
    assert main(["--workspace", str(workspace), "import", str(glossary)]) == 0
    with Store.open(workspace) as store:
        assert [e.source for e in store.glossary()] == [*before, "пленум"]
        assert store.undo() is not None
        assert [e.source for e in store.glossary()] == before
    assert main(["--workspace", str(workspace), "import", str(glossary), "--replace"]) == 0
    with Store.open(workspace) as store:
        assert [(e.source, e.targets) for e in store.glossary()] == [("пленум", ("plenum",))]
        assert store.undo() is not None
        assert [e.source for e in store.glossary()] == before


def test_glossary_command_imports_tbx_too(tmp_path: Path) -> None:
    source = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    _export(source, "tbx", tmp_path / "out")
    target = _workspace(tmp_path / "b.sqlite", replace(sample_snapshot(), glossary=[]))
    tbx_file = tmp_path / "out" / "glossary.tbx"
    assert main(["--workspace", str(target), "glossary", "import", str(tbx_file)]) == 0
    with Store.open(target) as store:
        assert [e.source for e in store.glossary()] == [
            e.source for e in sample_snapshot().glossary
        ]


def test_po_edited_elsewhere_updates_the_translation(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    _export(workspace, "po", tmp_path / "out")
    edited = tmp_path / "out" / "close.po"
    text = edited.read_text(encoding="utf-8")
    context = 'msgctxt "link 0006: ru 5, en 6"'
    text = text.replace("#, fuzzy\n" + context, context)
    text = text.replace('msgstr "The record survives."', 'msgstr "The record has survived."')
    edited.write_text(text, encoding="utf-8")
    assert main(["--workspace", str(workspace), "import", str(edited), "--update"]) == 0
    assert capsys.readouterr().out.endswith(
        "translation 'close' updated (1 segment edited, 1 link status and 0 segment statuses "
        "changed, 0 new notes)\n")
    with Store.open(workspace) as store:
        close = store.translation("close")
        assert close.segments[6] == "The record has survived."
        assert close.links[5].status is LinkStatus.CONFIRMED
        assert close.segments[:6] == sample_snapshot().translations[0].segments[:6]
        assert len(store.notes()) == len(sample_snapshot().notes)
    _export(workspace, "po", tmp_path / "again")
    expected = text.replace("score 0.8800; status automatic", "score 0.8800; status confirmed")
    assert (tmp_path / "again" / "close.po").read_text(encoding="utf-8") == expected


def test_po_saved_with_wrapped_comments_updates_without_duplicating_notes(
    tmp_path: Path,
) -> None:
    """polib (and PO editors) wrap long comment lines when they save; the notes in the
    file are still the workspace's notes, with their sentence, author and dates."""
    import polib

    snapshot = sample_snapshot()
    snapshot.notes[0].text = "A long note " + "that goes on and on " * 8 + "to the end."
    workspace = _workspace(tmp_path / "a.sqlite", snapshot)
    _export(workspace, "po", tmp_path / "out")
    edited = tmp_path / "out" / "close.po"
    catalog = polib.pofile(str(edited))
    catalog.wrapwidth = 40
    catalog.save(str(edited))
    assert "\n# " + snapshot.notes[0].text[:20] not in edited.read_text(encoding="utf-8")
    with Store.open(workspace) as store:
        before = store.notes()
    assert main(["--workspace", str(workspace), "import", str(edited), "--update"]) == 0
    with Store.open(workspace) as store:
        assert store.notes() == before
    fresh = tmp_path / "b.sqlite"
    assert main(["--workspace", str(fresh), "import", str(edited)]) == 0
    with Store.open(fresh) as store:
        restored = {(n.src_index, n.author, n.created, " ".join(n.text.split()))
                    for n in store.notes()}
    assert (snapshot.notes[0].src_index, snapshot.notes[0].author, snapshot.notes[0].created,
            snapshot.notes[0].text) in restored


_SIGNED_OFF = (SegmentStatus.TRANSLATED, SegmentStatus.REVIEWED)


@pytest.mark.parametrize(
    ("fmt", "file_name", "confirm", "unconfirm", "english"),
    [
        ("xliff", "close.xlf", ('state="translated"', 'state="final"'),
         ('state="final"', 'state="translated"'), _SIGNED_OFF),
        ("xliff12", "close.xliff12.xlf",
         ('state="needs-review-translation"', 'state="final"'),
         ('state="final"', 'state="needs-review-translation"'), _SIGNED_OFF),
        # approving a 1.2 unit confirms the link and leaves the English as it was
        ("xliff12", "close.xliff12.xlf", ('approved="no"', 'approved="yes"'),
         ('approved="yes"', 'approved="no"'), (SegmentStatus.REVIEWED, None)),
    ],
)
def test_states_set_in_a_cat_tool_update_link_and_segment_statuses(
    tmp_path: Path, fmt: str, file_name: str, confirm: tuple[str, str],
    unconfirm: tuple[str, str], english: tuple[SegmentStatus | None, SegmentStatus | None],
) -> None:
    """Signing off a unit confirms its link and marks its English reviewed; taking a
    sign-off back makes the link automatic again; units left alone keep their statuses."""
    workspace = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    _export(workspace, fmt, tmp_path / "out")
    edited = tmp_path / "out" / file_name
    text = edited.read_text(encoding="utf-8")
    first, rest = text.split("link 0002", 1)
    middle, last = rest.rsplit("link 0006", 1)
    first = first.replace(*unconfirm)          # link 0001: confirmed, English reviewed
    last = last.replace(*confirm, 1)           # link 0006: automatic, English a draft
    edited.write_text(first + "link 0002" + middle + "link 0006" + last, encoding="utf-8")
    assert main(["--workspace", str(workspace), "import", str(edited), "--update"]) == 0
    with Store.open(workspace) as store:
        close = store.translation("close")
    sample = sample_snapshot().translations[0]
    assert close.links[0].status is LinkStatus.AUTOMATIC
    assert close.links[5].status is LinkStatus.CONFIRMED
    assert (close.statuses.get(0), close.statuses.get(6)) == english
    assert [link.status for link in close.links[1:5]] == [
        link.status for link in sample.links[1:5]]
    assert {i: close.statuses.get(i) for i in range(1, 6)} == {
        i: sample.statuses.get(i) for i in range(1, 6)}


def test_update_with_a_different_alignment_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    workspace = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    snapshot = sample_snapshot()
    translation = snapshot.translations[0]
    # Sentence 4 and segment 5 (a 1-0 and a 0-1 link) aligned to each other instead.
    translation.links[3:5] = [Link((4,), (5,), 0.1, LinkStatus.MANUAL)]
    out = tmp_path / "out"
    exporting.export_snapshot(snapshot, "xliff", out, created=CREATED)
    with Store.open(workspace) as store:
        before = (store.revision(), store.snapshot())
    assert main(["--workspace", str(workspace), "import", str(out / "close.xlf"),
                 "--update"]) == 2
    assert "alignment in the file is not that of translation 'close'" in capsys.readouterr().err
    with Store.open(workspace) as store:
        assert (store.revision(), store.snapshot()) == before


def test_tmx_and_xliff_from_other_tools_import_as_one_to_one_links(tmp_path: Path) -> None:
    russian = [s.text for s in sample_snapshot().source.sentences]
    english = [f"English {i}." for i in range(len(russian))]
    tus = "".join(
        f'<tu><tuv xml:lang="ru-RU"><seg>{ru}</seg></tuv><tuv xml:lang="en-GB"><seg>{en}</seg>'
        f"</tuv></tu>\n" for ru, en in zip(russian, english, strict=True)
    ).replace("&", "&amp;").replace("<без>", "&lt;без&gt;")
    foreign_tmx = (
        '<?xml version="1.0" encoding="UTF-8"?>\n<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n'
        '<tmx version="1.4"><header creationtool="OmegaT" creationtoolversion="6" '
        'segtype="sentence" o-tmf="OmegaT" adminlang="EN-US" srclang="ru" datatype="plaintext"/>'
        f"<body>\n{tus}</body></tmx>\n"
    )
    imported = tmx.read_tmx(foreign_tmx.encode(), "omegat.tmx")
    translation, _ = aligned.build_translation(imported, "omegat")
    assert translation.segments == english
    assert [(link.src, link.tgt) for link in translation.links] == [
        ((i,), (i,)) for i in range(len(russian))]
    units = "".join(
        f'<unit id="u{i}"><segment state="{"final" if i == 0 else "translated"}">'
        f"<source>{ru}</source><target>{en}</target></segment></unit>"
        for i, (ru, en) in enumerate(zip(russian, english, strict=True))
    ).replace("&", "&amp;").replace("<без>", "&lt;без&gt;")
    foreign_xliff = (
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="ru" '
        f'trgLang="en"><file id="f" original="other">{units}</file></xliff>'
    )
    path = tmp_path / "other.xlf"
    path.write_text(foreign_xliff, encoding="utf-8")
    workspace = _workspace(tmp_path / "a.sqlite", sample_snapshot())
    assert main(["--workspace", str(workspace), "import", str(path)]) == 0
    with Store.open(workspace) as store:
        other = store.translation("other")
    assert other.segments == english
    assert other.links[0].status is LinkStatus.CONFIRMED
    assert other.statuses[0] is SegmentStatus.REVIEWED
    assert other.links[1].status is LinkStatus.AUTOMATIC
