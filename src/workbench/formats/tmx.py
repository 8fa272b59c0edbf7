"""TMX 1.4b: one translation unit per alignment link (writer and reader).

Each ``tu`` holds a Russian and an English ``tuv``, except that a 1-0 link (a
Russian sentence left untranslated) has no English ``tuv``: a translation memory
would otherwise offer an empty translation as a match for that sentence. A 0-1
link keeps an empty Russian ``seg``, which matches nothing, so that readers that
take the first ``tuv`` as the source still see the English as the target.
Its ``prop`` elements carry the link type (``x-link-type``), score
(``x-score``), status (``x-link-status``), the sentence indices of both sides
(``x-ru``, ``x-en``), the English segment statuses (``x-segment-status``), the
sentence lengths of a side joined from several sentences (``x-ru-lengths``,
``x-en-lengths``), the text before each Russian sentence when it is not a
single space (``x-ru-gaps``, JSON) and the provenance of quotations
(``x-quotation``); the header's ``x-ru-end`` is the text after the last one;
translator notes are ``note`` elements. The header has every attribute the DTD
requires, with ``version="1.4"`` (the DTD's fixed value).
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from workbench import __version__
from workbench.core.model import ProjectSnapshot, Translation
from workbench.formats import aligned, stamps
from workbench.formats.safexml import IncrementalParse, line_of, text_of
from workbench.formats.xmlstream import stream_document, xml_safe
from workbench.textio import InputError

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
CREATION_TOOL = "workbench"


def _prop(parent: etree._Element, kind: str, value: str) -> None:
    prop = etree.SubElement(parent, "prop", type=kind)
    prop.text = xml_safe(value)


def _tuv(parent: etree._Element, lang: str, text: str) -> None:
    tuv = etree.SubElement(parent, "tuv", {XML_LANG: lang})
    seg = etree.SubElement(tuv, "seg")
    seg.text = xml_safe(text)


def write_tmx(snapshot: ProjectSnapshot, translation: Translation, *, created: str) -> bytes:
    """The TMX document for one translation. ``created`` (ISO 8601) dates it."""
    date = stamps.tmx_date(created)
    root = etree.Element("tmx", version="1.4")
    header = etree.SubElement(
        root,
        "header",
        {
            "creationtool": CREATION_TOOL,
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": CREATION_TOOL,
            "adminlang": "en",
            "srclang": aligned.SOURCE_LANG,
            "datatype": "plaintext",
            "o-encoding": "UTF-8",
            "creationdate": date,
        },
    )
    _prop(header, "x-project", snapshot.name)
    _prop(header, "x-translation", translation.name)
    if translation.document.translator:
        _prop(header, "x-translator", translation.document.translator)
    end = aligned.document_end(snapshot.source)
    if end:
        _prop(header, "x-ru-end", aligned.format_text(end))
    body = etree.SubElement(root, "body")
    return stream_document(root, body, _units(snapshot, translation, date))


def _units(
    snapshot: ProjectSnapshot, translation: Translation, date: str
) -> Iterator[etree._Element]:
    for unit in aligned.export_units(snapshot, translation):
        tu = etree.Element("tu", tuid=str(unit.index + 1), creationdate=date)
        for note in unit.notes:
            note_element = etree.SubElement(tu, "note")
            note_element.text = xml_safe(aligned.format_note(note))
        for name, value in unit.fields:
            _prop(tu, f"x-{name}", value)
        for quotation in unit.quotations:
            _prop(tu, "x-quotation", aligned.describe_quotation(quotation))
        _tuv(tu, aligned.SOURCE_LANG, unit.source)
        if unit.target is not None:
            _tuv(tu, aligned.TARGET_LANG, unit.target)
        yield tu


def _props(element: etree._Element) -> dict[str, str]:
    values: dict[str, str] = {}
    for prop in element.findall("prop"):
        kind = prop.get("type", "")
        if kind not in values:
            values[kind] = prop.text or ""
    return values


def _seg_text(tuv: etree._Element, path: str) -> str:
    seg = tuv.find("seg")
    if seg is None:
        raise InputError(path, "tuv without a seg element", line_of(tuv))
    return text_of(seg)


def _lang_of(tuv: etree._Element) -> str:
    return (tuv.get(XML_LANG) or tuv.get("lang") or "").lower().split("-")[0]


def _header_props(root: etree._Element | None, path: str) -> dict[str, str]:
    if root is None or root.tag != "tmx":
        tag = "none" if root is None else root.tag
        raise InputError(path, f"not a TMX file (root element <{tag}>)",
                         line_of(root) if root is not None else 1)
    header = root.find("header")
    if header is None:
        raise InputError(path, "TMX file without a header", line_of(root))
    return _props(header)


def read_tmx(data: bytes, path: str) -> aligned.AlignedImport:
    """Read a TMX file written by :func:`write_tmx` (or by another tool, as 1-1 links
    in file order when the workbench properties are absent)."""
    parse = IncrementalParse(data, path, ["tu"])
    header_props: dict[str, str] | None = None
    units: list[aligned.ImportedUnit] = []
    next_src = 0
    next_tgt = 0
    for tu in parse:
        if header_props is None:
            header_props = _header_props(parse.root, path)
        line = line_of(tu)
        props = _props(tu)
        texts: dict[str, str] = {}
        for tuv in tu.iterchildren("tuv"):
            texts[_lang_of(tuv)] = _seg_text(tuv, path)
        ru_text = texts.get(aligned.SOURCE_LANG, "")
        en_text = texts.get(aligned.TARGET_LANG, "")
        if "x-ru" in props:
            src = aligned.parse_indices(props["x-ru"], path, line, "x-ru")
            tgt = aligned.parse_indices(props.get("x-en", ""), path, line, "x-en")
        else:
            src = (next_src,) if ru_text else ()
            tgt = (next_tgt,) if en_text else ()
        next_src += len(src)
        next_tgt += len(tgt)
        status = aligned.parse_link_status(props.get("x-link-status", "automatic"), path, line)
        translation_name = header_props.get("x-translation", "")
        notes = [
            aligned.parse_note(
                text_of(n), translation_name, src[0] if src else max(next_src - 1, 0)
            )
            for n in tu.iterchildren("note")
        ]
        fields = {name[2:]: value for name, value in props.items() if name.startswith("x-")}
        units.append(
            aligned.imported_unit(
                path, line, src, tgt, (ru_text, en_text), fields,
                labels=("Russian", "English"),
                status=status,
                segment_statuses=aligned.parse_segment_statuses(
                    fields.get("segment-status", ""), len(tgt), path, line
                ),
                notes=notes,
            )
        )
    if header_props is None:
        header_props = _header_props(parse.root, path)
    header = parse.root.find("header") if parse.root is not None else None
    return aligned.AlignedImport(
        path=path,
        project=header_props.get("x-project", ""),
        translation=header_props.get("x-translation", ""),
        units=units,
        created=stamps.from_tmx_date(header.get("creationdate", "") if header is not None else ""),
        source_end=aligned.parse_text(header_props.get("x-ru-end", ""), path),
        translator=header_props.get("x-translator", ""),
    )

