"""XLIFF 2.1 and XLIFF 1.2: one unit per alignment link (writers and readers).

**XLIFF 2.1** (namespace ``urn:oasis:names:tc:xliff:document:2.0``, ``version="2.1"``):
one ``unit`` per link with one ``segment``; the segment ``state`` is ``initial``
(no English), ``translated`` (automatic link), ``reviewed`` (link confirmed or
English reviewed) or ``final`` (both). Link data the core has no place for goes
in the Metadata module (``mda:metadata``, category ``workbench``), which any
conforming tool keeps; translator notes are ``note category="translator"``,
quotation provenance ``category="quotation"`` and QA findings ``category="qa"``.
Only core features also present in XLIFF 2.0 are used, and the 2.0 core schema
leaves ``version`` untyped, so these documents validate against the 2.0 core XSD
as written.

**XLIFF 1.2** (strict), for CAT tools that read only 1.2 (Trados, memoQ and
OmegaT take it): one ``trans-unit`` per link, ``approved="yes"`` for confirmed
links, target ``state`` ``needs-translation`` / ``needs-review-translation`` /
``signed-off`` / ``final``, the link data as ``context`` elements with ``x-``
context types, notes as ``note`` elements; the translator and the text after
the last Russian sentence are header notes (``from="workbench-translator"``,
``from="workbench-ru-end"``), as they are file metadata in XLIFF 2.1.

Reading a file back, a state (or, in 1.2, an ``approved``) that differs from
what was written is a reviewer's decision made in a CAT tool and updates the link
and segment statuses (see :func:`aligned.statuses_after_state`); the statuses in
the metadata hold where the file was left as written.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import cast

from lxml import etree

from workbench import __version__
from workbench.core.model import Finding, Link, LinkStatus, Note, ProjectSnapshot, Translation
from workbench.formats import aligned, stamps
from workbench.formats.po import link_context
from workbench.formats.safexml import IncrementalParse, line_of, text_of
from workbench.formats.xmlstream import stream_document, xml_safe
from workbench.textio import InputError

XLIFF2_NS = "urn:oasis:names:tc:xliff:document:2.0"
XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
MDA_NS = "urn:oasis:names:tc:xliff:metadata:2.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# ``None`` is lxml's key for the default namespace (lxml-stubs only allow str keys).
XLIFF2_NSMAP = cast("dict[str, str]", {None: XLIFF2_NS, "mda": MDA_NS})
XLIFF12_NSMAP = cast("dict[str, str]", {None: XLIFF12_NS})
META_CATEGORY = "workbench"
TOOL_ID = "workbench"

STATE_12 = {
    "initial": "needs-translation",
    "translated": "needs-review-translation",
    "reviewed": "signed-off",
    "final": "final",
}
STATE_FROM_12 = {
    "final": "final",
    "signed-off": "reviewed",
    "translated": "reviewed",
    "needs-review-translation": "translated",
}


def _context(unit: aligned.ExportUnit) -> str:
    return link_context(unit.index, unit.link.src, unit.link.tgt)


def _text(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, tag, attrs)
    element.text = xml_safe(text)
    return element


def _metadata(parent: etree._Element, items: Sequence[tuple[str, str]]) -> None:
    metadata = etree.SubElement(parent, f"{{{MDA_NS}}}metadata")
    group = etree.SubElement(metadata, f"{{{MDA_NS}}}metaGroup", category=META_CATEGORY)
    for kind, value in items:
        _text(group, f"{{{MDA_NS}}}meta", value, type=kind)


def _file_extras(snapshot: ProjectSnapshot, translation: Translation) -> list[tuple[str, str]]:
    """The translator and the text after the last Russian sentence, when there are."""
    extras = []
    if translation.document.translator:
        extras.append(("translator", translation.document.translator))
    end = aligned.document_end(snapshot.source)
    if end:
        extras.append(("ru-end", aligned.format_text(end)))
    return extras


def write_xliff(
    snapshot: ProjectSnapshot,
    translation: Translation,
    *,
    created: str,
    findings: Sequence[Finding] = (),
) -> bytes:
    """The XLIFF 2.1 document for one translation."""
    x = f"{{{XLIFF2_NS}}}"
    root = etree.Element(
        f"{x}xliff",
        {"version": "2.1", "srcLang": aligned.SOURCE_LANG, "trgLang": aligned.TARGET_LANG},
        nsmap=XLIFF2_NSMAP,
    )
    file = etree.SubElement(root, f"{x}file", id="f1", original=xml_safe(translation.name))
    _metadata(
        file,
        [
            ("project", snapshot.name),
            ("translation", translation.name),
            ("created", stamps.iso_date(created)),
            ("tool", f"workbench {__version__}"),
            *_file_extras(snapshot, translation),
        ],
    )
    units = aligned.export_units(snapshot, translation, findings)
    return stream_document(root, file, _units2(units))


def _units2(units: Iterable[aligned.ExportUnit]) -> Iterator[etree._Element]:
    x = f"{{{XLIFF2_NS}}}"
    for number, unit in enumerate(units, start=1):
        unit_element = etree.Element(
            f"{x}unit", {"id": f"u{number}", "name": _context(unit)}, nsmap=XLIFF2_NSMAP
        )
        _metadata(unit_element, unit.fields)
        if unit.notes or unit.quotations or unit.findings:
            notes = etree.SubElement(unit_element, f"{x}notes")
            for note in unit.notes:
                _text(notes, f"{x}note", aligned.format_note(note), category="translator")
            for quotation in unit.quotations:
                _text(notes, f"{x}note", aligned.describe_quotation(quotation),
                      category="quotation", appliesTo="source")
            for finding in unit.findings:
                _text(notes, f"{x}note", aligned.describe_finding(finding), category="qa")
        segment = etree.SubElement(unit_element, f"{x}segment", id=f"s{number}", state=unit.state)
        _text(segment, f"{x}source", unit.source)
        if unit.target is not None:
            _text(segment, f"{x}target", unit.target)
        yield unit_element


def write_xliff12(
    snapshot: ProjectSnapshot,
    translation: Translation,
    *,
    created: str,
    findings: Sequence[Finding] = (),
) -> bytes:
    """The XLIFF 1.2 document for one translation."""
    x = f"{{{XLIFF12_NS}}}"
    root = etree.Element(f"{x}xliff", version="1.2", nsmap=XLIFF12_NSMAP)
    file = etree.SubElement(
        root,
        f"{x}file",
        {
            "original": xml_safe(translation.name),
            "source-language": aligned.SOURCE_LANG,
            "target-language": aligned.TARGET_LANG,
            "datatype": "plaintext",
            "date": stamps.iso_date(created),
            "tool-id": TOOL_ID,
            "product-name": xml_safe(snapshot.name),
        },
    )
    header = etree.SubElement(file, f"{x}header")
    etree.SubElement(
        header,
        f"{x}tool",
        {"tool-id": TOOL_ID, "tool-name": "workbench", "tool-version": __version__},
    )
    for kind, value in _file_extras(snapshot, translation):
        _text(header, f"{x}note", value, **{"from": f"{META_CATEGORY}-{kind}"})
    body = etree.SubElement(file, f"{x}body")
    units = aligned.export_units(snapshot, translation, findings)
    return stream_document(root, body, _units12(units))


def _units12(units: Iterable[aligned.ExportUnit]) -> Iterator[etree._Element]:
    x = f"{{{XLIFF12_NS}}}"
    for number, unit in enumerate(units, start=1):
        trans_unit = etree.Element(
            f"{x}trans-unit",
            {"id": str(number), "resname": _context(unit),
             "approved": "yes" if unit.link.fixed else "no"},
            nsmap=XLIFF12_NSMAP,
        )
        _text(trans_unit, f"{x}source", unit.source, **{XML_LANG: aligned.SOURCE_LANG})
        if unit.target is not None:
            _text(
                trans_unit,
                f"{x}target",
                unit.target,
                **{XML_LANG: aligned.TARGET_LANG, "state": STATE_12[unit.state]},
            )
        group = etree.SubElement(
            trans_unit, f"{x}context-group", name=f"{META_CATEGORY}-{number}", purpose="information"
        )
        for kind, value in unit.fields:
            _text(group, f"{x}context", value, **{"context-type": f"x-{kind}"})
        for note in unit.notes:
            attrs = {"from": xml_safe(note.author)} if note.author else {}
            _text(trans_unit, f"{x}note", aligned.format_note(note), **attrs)
        for quotation in unit.quotations:
            _text(trans_unit, f"{x}note", aligned.describe_quotation(quotation),
                  **{"from": "quotation", "annotates": "source"})
        for finding in unit.findings:
            _text(trans_unit, f"{x}note", aligned.describe_finding(finding), **{"from": "qa"})
        yield trans_unit


# --- reading ---------------------------------------------------------------------------------


def _meta_values(element: etree._Element) -> dict[str, str]:
    values: dict[str, str] = {}
    for metadata in element.iterchildren(f"{{{MDA_NS}}}metadata"):
        for group in metadata.iterchildren(f"{{{MDA_NS}}}metaGroup"):
            if group.get("category") != META_CATEGORY:
                continue
            for meta in group.iterchildren(f"{{{MDA_NS}}}meta"):
                values.setdefault(meta.get("type", ""), meta.text or "")
    return values


def _unit_from_values(
    path: str,
    line: int,
    values: dict[str, str],
    source_text: str,
    target_text: str | None,
    state: str,
    position: tuple[int, int],
    notes: list[Note],
) -> aligned.ImportedUnit:
    if "ru" in values:
        src = aligned.parse_indices(values["ru"], path, line, "ru")
        tgt = aligned.parse_indices(values.get("en", ""), path, line, "en")
        status = aligned.parse_link_status(values.get("link-status", "automatic"), path, line)
        statuses = aligned.parse_segment_statuses(
            values.get("segment-status", ""), len(tgt), path, line
        )
        status, statuses = aligned.statuses_after_state(
            state, Link(src, tgt, 0.0, status), statuses
        )
    else:
        src = (position[0],) if source_text else ()
        tgt = (position[1],) if target_text else ()
        status, statuses = aligned.status_from_state(state, len(tgt))
    return aligned.imported_unit(
        path, line, src, tgt, (source_text, target_text or ""), values,
        labels=("source", "target"),
        status=status,
        segment_statuses=statuses,
        notes=notes,
    )


def _single_file(root: etree._Element, tag: str, path: str) -> etree._Element:
    files = root.findall(tag)
    if len(files) != 1:
        raise InputError(path, f"expected one <file> element, found {len(files)}", line_of(root))
    return files[0]


class _Xliff2Units:
    """Collects the units of an XLIFF 2.x file as they are parsed."""

    def __init__(self, root: etree._Element, path: str) -> None:
        x = f"{{{XLIFF2_NS}}}"
        self.path = path
        file = _single_file(root, f"{x}file", path)
        values = _meta_values(file)
        self.translation = values.get("translation", file.get("original", ""))
        self.project = values.get("project", "")
        self.created = values.get("created", "")
        self.source_end = aligned.parse_text(values.get("ru-end", ""), path, line_of(file))
        self.translator = values.get("translator", "")
        self.units: list[aligned.ImportedUnit] = []
        self.counts = [0, 0]

    def add(self, unit: etree._Element) -> None:
        x = f"{{{XLIFF2_NS}}}"
        line = line_of(unit)
        segments = unit.findall(f"{x}segment")
        if len(segments) != 1:
            raise InputError(self.path, f"a unit must hold one segment, found {len(segments)}",
                             line)
        segment = segments[0]
        target = segment.find(f"{x}target")
        notes = [
            aligned.parse_note(text_of(n), self.translation, self.counts[0])
            for n in unit.iterfind(f"{x}notes/{x}note")
            if n.get("category") == "translator"
        ]
        imported = _unit_from_values(
            self.path,
            line,
            _meta_values(unit),
            text_of(segment.find(f"{x}source")),
            None if target is None else text_of(target),
            segment.get("state", "initial"),
            (self.counts[0], self.counts[1]),
            notes,
        )
        self.counts[0] += len(imported.src)
        self.counts[1] += len(imported.tgt)
        self.units.append(imported)


class _Xliff12Units:
    """Collects the trans-units of an XLIFF 1.2 file as they are parsed."""

    def __init__(self, root: etree._Element, path: str) -> None:
        x = f"{{{XLIFF12_NS}}}"
        self.path = path
        file = _single_file(root, f"{x}file", path)
        self.translation = file.get("original", "")
        self.project = file.get("product-name", "")
        self.created = file.get("date", "")
        end_note = file.find(f"{x}header/{x}note[@from='{META_CATEGORY}-ru-end']")
        self.source_end = (
            "" if end_note is None else aligned.parse_text(text_of(end_note), path, line_of(file))
        )
        self.translator = text_of(
            file.find(f"{x}header/{x}note[@from='{META_CATEGORY}-translator']")
        )
        self.units: list[aligned.ImportedUnit] = []
        self.counts = [0, 0]

    def add(self, trans_unit: etree._Element) -> None:
        x = f"{{{XLIFF12_NS}}}"
        line = line_of(trans_unit)
        values: dict[str, str] = {}
        for context in trans_unit.iterfind(f"{x}context-group/{x}context"):
            kind = context.get("context-type", "")
            if kind.startswith("x-"):
                values.setdefault(kind[2:], context.text or "")
        target = trans_unit.find(f"{x}target")
        state = STATE_FROM_12.get(target.get("state", "") if target is not None else "", "initial")
        if target is not None and state == "initial" and text_of(target):
            state = "translated"
        notes = [
            aligned.parse_note(text_of(n), self.translation, self.counts[0])
            for n in trans_unit.iterchildren(f"{x}note")
            if n.get("from") not in ("quotation", "qa")
        ]
        imported = _unit_from_values(
            self.path,
            line,
            values,
            text_of(trans_unit.find(f"{x}source")),
            None if target is None else text_of(target),
            state,
            (self.counts[0], self.counts[1]),
            notes,
        )
        # ``approved`` counts when a CAT tool changed it: what the workbench wrote
        # (``yes`` for a confirmed or hand-drawn link) leaves the status to the state.
        approved = trans_unit.get("approved")
        written = None
        if "link-status" in values:
            recorded = aligned.parse_link_status(values["link-status"], self.path, line)
            written = "no" if recorded is LinkStatus.AUTOMATIC else "yes"
        if approved != written:
            if approved == "yes" and imported.status is LinkStatus.AUTOMATIC:
                imported.status = LinkStatus.CONFIRMED
            elif approved == "no" and imported.status is not LinkStatus.AUTOMATIC:
                imported.status = LinkStatus.AUTOMATIC
        self.counts[0] += len(imported.src)
        self.counts[1] += len(imported.tgt)
        self.units.append(imported)


def _collector(root: etree._Element | None, path: str) -> _Xliff2Units | _Xliff12Units:
    if root is not None and root.tag == f"{{{XLIFF2_NS}}}xliff":
        return _Xliff2Units(root, path)
    if root is not None and root.tag == f"{{{XLIFF12_NS}}}xliff":
        return _Xliff12Units(root, path)
    tag = "none" if root is None else root.tag
    raise InputError(path, f"not an XLIFF 2 or 1.2 file (root element <{tag}>)",
                     line_of(root) if root is not None else 1)


def read_xliff(data: bytes, path: str) -> aligned.AlignedImport:
    """Read an XLIFF 2.x file (as :func:`write_xliff` writes it) or a 1.2 file, one unit
    at a time."""
    parse = IncrementalParse(data, path, [f"{{{XLIFF2_NS}}}unit", f"{{{XLIFF12_NS}}}trans-unit"])
    collector: _Xliff2Units | _Xliff12Units | None = None
    for unit in parse:
        if collector is None:
            collector = _collector(parse.root, path)
        collector.add(unit)
    if collector is None:
        collector = _collector(parse.root, path)
    if parse.root is not None:  # a second <file> after the units is refused too
        _single_file(parse.root, f"{{{etree.QName(parse.root).namespace}}}file", path)
    return aligned.AlignedImport(
        path=path,
        project=collector.project,
        translation=collector.translation,
        units=collector.units,
        created=collector.created,
        source_end=collector.source_end,
        translator=collector.translator,
    )
