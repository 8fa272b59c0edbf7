"""Parsing XML from users safely: no entity expansion, no DTD loading, no network.

Every XML import goes through :func:`parse_xml`. A document whose DOCTYPE declares
entities (the billion-laughs and external-entity attacks both need one) is refused
with an :class:`~workbench.textio.InputError` naming the file and the line of the
declaration; a malformed document is refused naming the line libxml2 reports.
"""

from __future__ import annotations

import re

from lxml import etree

from workbench.textio import MAX_FILE_BYTES, InputError

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_FIRST_START_TAG = re.compile(rb"<[A-Za-z_:]")


def _hardened_parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
        remove_pis=False,
    )


def _line_of(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def parse_xml(data: bytes, path: str) -> etree._Element:
    """Parse ``data`` (the content of ``path``) and return the root element.

    Raises :class:`InputError` for malformed XML, for a DOCTYPE that declares
    entities, and for references to entities (which are never expanded).
    """
    if len(data) > MAX_FILE_BYTES:
        raise InputError(path, f"file too large ({len(data)} bytes)")
    root_tag = _FIRST_START_TAG.search(data)
    prolog_end = root_tag.start() if root_tag is not None else len(data)
    declaration = _ENTITY_DECLARATION.search(data, 0, prolog_end)
    if declaration is not None:
        raise InputError(
            path,
            "the DOCTYPE declares entities; entity declarations are refused "
            "(they can expand without bound or read local files)",
            line=_line_of(data, declaration.start()),
        )
    try:
        root = etree.fromstring(data, parser=_hardened_parser())
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        message = exc.msg or "malformed XML"
        message = re.sub(r", line \d+, column \d+$", "", message)
        raise InputError(path, f"malformed XML: {message}", line=line) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[union-attr]
        # Reached only for encodings the byte scan above cannot read (e.g. UTF-16).
        raise InputError(
            path, "the DOCTYPE declares entities; entity declarations are refused", line=1
        )
    for node in root.iter(etree.Entity):
        raise InputError(
            path,
            f"entity reference {node.text} is not allowed (entities are never expanded)",
            line=line_of(node),
        )
    return root


def line_of(element: etree._Element) -> int:
    """The line an element starts on (0 when libxml2 does not know)."""
    line = element.sourceline
    return line if isinstance(line, int) else 0


def text_of(element: etree._Element | None) -> str:
    """All the text inside an element (its children's text included)."""
    if element is None:
        return ""
    return "".join(str(part) for part in element.itertext())
