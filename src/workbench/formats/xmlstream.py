"""Serialising a large XML document one repeated element at a time.

TMX and XLIFF files are a small frame (root, header) around one element per link.
Building all of them as one lxml tree costs several times the file size in
memory; :func:`stream_document` instead serialises the frame once and each
repeated element on its own, so memory stays near the size of the output.
The bytes are the same as pretty-printing the whole tree.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import cast

from lxml import etree

INDENT = "  "
REPLACEMENT = "\ufffd"
# Characters XML 1.0 cannot carry at all, even escaped (C0 controls but tab, CR, LF).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_SLOT = "workbench-stream-slot"


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot represent (e.g. a form feed) replaced
    by U+FFFD, so that an export never fails on them."""
    return _NOT_XML.sub(REPLACEMENT, text)


def _namespace_declarations(tag: str, nsmap: dict[str, str]) -> bytes:
    """The ``xmlns`` attributes lxml writes on a parentless element with ``nsmap``."""
    empty = etree.tostring(etree.Element(tag, nsmap=nsmap))
    return empty[empty.index(b" ") : -2] if b" xmlns" in empty else b""


def stream_document(
    root: etree._Element, container: etree._Element, items: Iterable[etree._Element]
) -> bytes:
    """Serialise ``root`` (UTF-8, with declaration, indented by two spaces) with the
    ``items`` as the last children of ``container``, an element inside ``root``.

    Each item is a parentless element made with ``nsmap=root.nsmap``; it is
    indented and serialised as soon as it comes, and the namespace declarations
    the frame already makes are left off it.
    """
    depth = sum(1 for _ in container.iterancestors())
    namespace = etree.QName(container).namespace
    slot_tag = f"{{{namespace}}}{_SLOT}" if namespace else _SLOT
    slot = etree.SubElement(container, slot_tag)
    etree.indent(root, space=INDENT)
    frame = etree.tostring(root, xml_declaration=True, encoding="UTF-8")
    container.remove(slot)
    head, tail = frame.split(f"<{_SLOT}/>".encode())
    item_indent = INDENT.encode() * (depth + 1)
    if not head.endswith(b"\n" + item_indent) or not tail.startswith(b"\n"):
        raise ValueError("unexpected frame layout")
    chunks = [head[: -len(item_indent)]]
    nsmap = cast("dict[str, str]", dict(root.nsmap))
    declarations: dict[str, bytes] = {}
    for item in items:
        etree.indent(item, space=INDENT, level=depth + 1)
        item.tail = None
        data = etree.tostring(item, encoding="UTF-8")
        if data.startswith(b"<?xml"):
            data = data[data.index(b"?>") + 2 :].lstrip(b"\n")
        if nsmap:
            tag = str(item.tag)
            if tag not in declarations:
                declarations[tag] = _namespace_declarations(tag, nsmap)
            data = data.replace(declarations[tag], b"", 1)
        chunks.append(item_indent + data + b"\n")
    chunks.append(tail[1:] + b"\n")
    return b"".join(chunks)
