"""The glossary as TBX-Basic (TBX v3 core structure, DCA style), writer and reader.

One ``conceptEntry`` per glossary entry: the definition (``descrip
type="definition"``) and the entry's note (``note``) at concept level, a Russian
``langSec`` with the term, and an English ``langSec`` with one ``termSec`` per
English term. ``administrativeStatus`` marks approved renderings
``preferredTerm-admn-sts`` (``admittedTerm-admn-sts`` while the entry is only
proposed) and forbidden ones ``deprecatedTerm-admn-sts``.

TBX-Basic has no category for two things the glossary keeps, so they are
written as notes on the Russian term, which the reader recognises: ``proper
noun`` (TBX-Basic's ``partOfSpeech`` has no ``properNoun``; such terms are
``noun``) and ``case-sensitive``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import cast

from lxml import etree

from workbench.core.model import GlossaryEntry
from workbench.formats import NothingToExport, stamps
from workbench.formats.safexml import line_of, parse_xml, text_of
from workbench.formats.xmlstream import xml_safe
from workbench.textio import InputError

TBX_NS = "urn:iso:std:iso:30042:ed-2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
PREFERRED = "preferredTerm-admn-sts"
ADMITTED = "admittedTerm-admn-sts"
DEPRECATED = "deprecatedTerm-admn-sts"
SUPERSEDED = "supersededTerm-admn-sts"
TBX_PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "other")
PROPER_NOUN_NOTE = "proper noun"
CASE_SENSITIVE_NOTE = "case-sensitive"

_T = f"{{{TBX_NS}}}"


def _text(parent: etree._Element, tag: str, text: str, **attrs: str) -> etree._Element:
    element = etree.SubElement(parent, f"{_T}{tag}", attrs)
    element.text = xml_safe(text)
    return element


def _tbx_pos(pos: str) -> str:
    if pos == "properNoun":
        return "noun"
    return pos if pos in TBX_PARTS_OF_SPEECH else ("other" if pos else "")


def _term(lang_sec: etree._Element, term: str, pos: str, status: str | None) -> etree._Element:
    term_sec = etree.SubElement(lang_sec, f"{_T}termSec")
    _text(term_sec, "term", term)
    if pos:
        _text(term_sec, "termNote", pos, type="partOfSpeech")
    if status:
        _text(term_sec, "termNote", status, type="administrativeStatus")
    return term_sec


def write_tbx(entries: Sequence[GlossaryEntry], *, project: str, created: str) -> bytes:
    """The TBX-Basic document for a glossary (at least one entry: TBX needs a concept)."""
    if not entries:
        raise NothingToExport("the glossary is empty; TBX needs at least one concept entry")
    root = etree.Element(
        f"{_T}tbx",
        {"type": "TBX-Basic", "style": "dca", XML_LANG: "en"},
        nsmap=cast("dict[str, str]", {None: TBX_NS}),  # None: the default namespace
    )
    header = etree.SubElement(root, f"{_T}tbxHeader")
    file_desc = etree.SubElement(header, f"{_T}fileDesc")
    title = etree.SubElement(file_desc, f"{_T}titleStmt")
    _text(title, "title", f"{project}: glossary")
    source_desc = etree.SubElement(file_desc, f"{_T}sourceDesc")
    _text(
        source_desc,
        "p",
        f"Russian-English glossary of the workbench workspace {project!r}, "
        f"created {stamps.iso_date(created)}.",
    )
    body = etree.SubElement(etree.SubElement(root, f"{_T}text"), f"{_T}body")
    for number, entry in enumerate(entries, start=1):
        concept = etree.SubElement(body, f"{_T}conceptEntry", id=f"c{number}")
        if entry.definition:
            _text(concept, "descrip", entry.definition, type="definition")
        if entry.note:
            _text(concept, "note", entry.note)
        pos = _tbx_pos(entry.pos)
        russian = etree.SubElement(concept, f"{_T}langSec", {XML_LANG: "ru"})
        ru_term = _term(russian, entry.source, pos, None)
        if entry.pos == "properNoun":
            _text(ru_term, "note", PROPER_NOUN_NOTE)
        if entry.case_sensitive:
            _text(ru_term, "note", CASE_SENSITIVE_NOTE)
        if entry.targets or entry.forbidden:
            english = etree.SubElement(concept, f"{_T}langSec", {XML_LANG: "en"})
            approved = PREFERRED if entry.status == "approved" else ADMITTED
            for target in entry.targets:
                _term(english, target, pos, approved)
            for forbidden in entry.forbidden:
                _term(english, forbidden, pos, DEPRECATED)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _term_note(term_sec: etree._Element, kind: str) -> str:
    for note in term_sec.iterchildren(f"{_T}termNote"):
        if note.get("type") == kind:
            return text_of(note).strip()
    return ""


def _entry(concept: etree._Element, path: str) -> GlossaryEntry:
    line = line_of(concept)
    definitions = [
        text_of(d).strip()
        for d in concept.iter(f"{_T}descrip")
        if d.get("type") == "definition"
    ]
    notes = [text_of(n) for n in concept.iterchildren(f"{_T}note")]
    sources: list[etree._Element] = []
    targets: list[str] = []
    forbidden: list[str] = []
    proposed = False
    for lang_sec in concept.iterchildren(f"{_T}langSec"):
        lang = (lang_sec.get(XML_LANG) or "").lower().split("-")[0]
        for term_sec in lang_sec.iterchildren(f"{_T}termSec"):
            if lang == "ru":
                sources.append(term_sec)
            elif lang == "en":
                term = text_of(term_sec.find(f"{_T}term")).strip()
                status = _term_note(term_sec, "administrativeStatus")
                if status in (DEPRECATED, SUPERSEDED):
                    forbidden.append(term)
                else:
                    targets.append(term)
                    proposed = proposed or status == ADMITTED
    if not sources:
        raise InputError(path, "concept entry without a Russian term", line)
    ru_term = sources[0]
    source = text_of(ru_term.find(f"{_T}term")).strip()
    if not source:
        raise InputError(path, "empty Russian term", line_of(ru_term))
    if not targets:
        raise InputError(path, f"concept entry {source!r} has no approved English term", line)
    ru_notes = [text_of(n).strip() for n in ru_term.iterchildren(f"{_T}note")]
    pos = _term_note(ru_term, "partOfSpeech")
    if pos == "noun" and PROPER_NOUN_NOTE in ru_notes:
        pos = "properNoun"
    return GlossaryEntry(
        source=source,
        targets=tuple(targets),
        forbidden=tuple(forbidden),
        pos=pos,
        definition="\n".join(definitions),
        note="\n".join(notes),
        case_sensitive=CASE_SENSITIVE_NOTE in ru_notes,
        status="proposed" if proposed else "approved",
    )


def read_tbx(data: bytes, path: str) -> list[GlossaryEntry]:
    """Read a TBX file (TBX v3 DCA, as :func:`write_tbx` writes it) into glossary entries."""
    root = parse_xml(data, path)
    if root.tag != f"{_T}tbx":
        raise InputError(
            path, f"not a TBX v3 file (root element <{root.tag}>, expected <tbx> in {TBX_NS})",
            line_of(root),
        )
    return [_entry(concept, path) for concept in root.iter(f"{_T}conceptEntry")]
