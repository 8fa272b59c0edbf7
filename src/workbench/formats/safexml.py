"""Parsing XML from users safely: no entity expansion, no DTD loading, no network.

Every XML import goes through :func:`parse_xml` (whole document) or
:func:`iter_units` (one repeated element at a time, for large TMX and XLIFF
files). A document whose DOCTYPE declares entities (the billion-laughs and
external-entity attacks both need one) is refused with an
:class:`~workbench.textio.InputError` naming the file and the line of the
declaration; a malformed document is refused naming the line libxml2 reports.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterator, Sequence

from lxml import etree

from workbench.textio import MAX_FILE_BYTES, InputError

_ENTITY_DECLARATION = re.compile(rb"<!ENTITY", re.IGNORECASE)
_FIRST_START_TAG = re.compile(rb"<[A-Za-z_:]")


def line_of(element: etree._Element) -> int:
    """The line an element starts on (0 when libxml2 does not know)."""
    line = element.sourceline
    return line if isinstance(line, int) else 0


def text_of(element: etree._Element | None) -> str:
    """All the text inside an element (its children's text included)."""
    if element is None:
        return ""
    if len(element) == 0:
        return element.text or ""
    return "".join(str(part) for part in element.itertext())


def _line_of_offset(data: bytes, offset: int) -> int:
    return data.count(b"\n", 0, offset) + 1


def _refuse_declared_entities(data: bytes, path: str) -> None:
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
            line=_line_of_offset(data, declaration.start()),
        )


def _check_tree(root: etree._Element, path: str) -> None:
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):  # type: ignore[attr-defined]
        # Reached only for encodings the byte scan cannot read (e.g. UTF-16).
        raise InputError(
            path, "the DOCTYPE declares entities; entity declarations are refused", line=1
        )


def _refuse_entity_references(element: etree._Element, path: str) -> None:
    for node in element.iter(etree.Entity):
        raise InputError(
            path,
            f"entity reference {node.text} is not allowed (entities are never expanded)",
            line=line_of(node),
        )


def _syntax_error(exc: etree.XMLSyntaxError, path: str) -> InputError:
    line = exc.position[0] if exc.position else None
    message = re.sub(r", line \d+, column \d+$", "", exc.msg or "malformed XML")
    return InputError(path, f"malformed XML: {message}", line=line)


def parse_xml(data: bytes, path: str) -> etree._Element:
    """Parse ``data`` (the content of ``path``) and return the root element.

    Raises :class:`InputError` for malformed XML, for a DOCTYPE that declares
    entities, and for references to entities (which are never expanded).
    """
    _refuse_declared_entities(data, path)
    try:
        parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                                 dtd_validation=False, huge_tree=False)
        root = etree.fromstring(data, parser=parser)
    except etree.XMLSyntaxError as exc:
        raise _syntax_error(exc, path) from None
    _check_tree(root, path)
    _refuse_entity_references(root, path)
    return root


class IncrementalParse:
    """Parse incrementally, yielding each element named in ``tags`` as it ends.

    Once the caller moves on, the element's content is dropped, so memory stays
    small however many units the file holds; the rest of the tree (root, header)
    stays available through :attr:`root` (set once parsing has started, and after
    the loop even when no unit was found). Same checks as :func:`parse_xml`; a
    syntax error is raised when the parser reaches it.
    """

    def __init__(self, data: bytes, path: str, tags: Sequence[str]) -> None:
        self.data = data
        self.path = path
        self.tags = list(tags)
        self.root: etree._Element | None = None

    def __iter__(self) -> Iterator[etree._Element]:
        path = self.path
        _refuse_declared_entities(self.data, path)
        context = etree.iterparse(io.BytesIO(self.data), events=("end",), tag=self.tags,
                                  resolve_entities=False, no_network=True, load_dtd=False,
                                  huge_tree=False)
        try:
            for _event, element in context:
                if self.root is None:
                    self.root = element.getroottree().getroot()
                    _check_tree(self.root, path)
                _refuse_entity_references(element, path)
                yield element
                element.clear(keep_tail=True)
                parent = element.getparent()
                previous = element.getprevious()
                while parent is not None and previous is not None and previous.tag == element.tag:
                    parent.remove(previous)
                    previous = element.getprevious()
        except etree.XMLSyntaxError as exc:
            raise _syntax_error(exc, path) from None
        if self.root is None:
            self.root = context.root
            if self.root is None:
                raise InputError(path, "malformed XML: no root element", 1)
            _check_tree(self.root, path)
        _refuse_entity_references(self.root, path)
