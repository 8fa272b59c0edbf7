"""Pairing quotation marks into spans: «…», „…“, "…", '…', “…”, ‘…’, nested and mismatched.

Pure functions over a ``str``. The result is a list of :class:`MarkedSpan` in document
order, each from its opening mark to just after its closing mark, with its nesting depth.

How marks are read:

* « „ ‹ always open; » › always close. “ closes an open „ (Russian/German style „…“)
  and otherwise opens (English style “…”); ” closes “ or „.
* A straight " opens or closes according to its neighbours: after whitespace or an
  opening bracket and before a letter it opens; after a letter and before whitespace or
  punctuation it closes. When the neighbours do not decide, the open marks do. A
  straight " may close „ (the mismatch „…" of real texts).
* ' and ’ between two letters or digits are apostrophes (O'Brien, д'Аламбер, don't);
  a single quote opens only before a letter and closes only an open single quote.
* Guillemets, „ and “ may span paragraphs; a straight quote may continue into the next
  paragraph only if that paragraph starts with the same mark (the typographic
  continuation convention, also read for guillemets until a quotation has crossed a
  break without it). A quotation left open — or open beyond MAX_PARAGRAPHS paragraphs
  or MAX_CHARS characters — is closed at the end of the paragraph where it opened and
  marked ``unclosed``, so it never swallows the rest of the document; a single quote
  left open is taken for an apostrophe and dropped.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from workbench.core.segment import is_hard_wrapped

#: Marks that open whatever their neighbours.
_ALWAYS_OPEN = "«„‹"
#: Marks a guillemet-style span may be closed by, by opening mark.
_CLOSERS: dict[str, str] = {
    "«": "»",
    "‹": "›",
    "„": "“\"”",
    "“": "”\"",
    "”": "”",
    '"': '"',
    "'": "'’",
    "‘": "’'",
}
#: Opening marks whose quotation may run over a paragraph break.
_SPANS_PARAGRAPHS = "«„“‹"
#: Opening marks taken for apostrophes when they are never closed.
_SINGLE = "'‘"
#: A quotation left open longer than this is given up (closed at its paragraph end).
MAX_PARAGRAPHS = 12
MAX_CHARS = 20_000
#: Marks open at once beyond this are noise (real nesting is a few levels): the oldest
#: is given up, which keeps the work per mark bounded.
MAX_OPEN = 32

_MARK_RE = re.compile("[«»„“”\"'‘’‹›]")
_OPEN_CONTEXT = "([{<—–-/«„“‘‹\"':…"
_CLOSE_CONTEXT = ".,;:!?)]}>…»“”\"'’›—–-/"


@dataclass(frozen=True, slots=True)
class MarkedSpan:
    """A quotation found from its marks: ``text == source[start:end]``."""

    start: int
    end: int
    open_mark: str
    close_mark: str
    depth: int = 0
    unclosed: bool = False


@dataclass(slots=True)
class _Open:
    pos: int
    mark: str
    paragraph: int
    #: Paragraph breaks crossed without a continuation mark (then none is expected later).
    plain_breaks: int = 0


def paragraph_ends(text: str) -> list[int]:
    """Offsets where paragraphs end (the index of the break, or ``len(text)``).

    One paragraph per line, unless the text is hard-wrapped (as
    :func:`workbench.core.segment.is_hard_wrapped` decides, so that quotations and
    sentences agree): then a paragraph is a block between blank lines. The break of a
    CRLF text starts at its CR, which stays out of the paragraph.
    """
    if is_hard_wrapped(text):
        ends = [m.start() for m in re.finditer(r"\r?\n[ \t]*\r?\n", text)]
    else:
        ends = [m.start() for m in re.finditer(r"\r?\n", text)]
    ends.append(len(text))
    return ends


def _opening_side(prev: str, nxt: str) -> bool:
    return bool(nxt) and not nxt.isspace() and (not prev or prev.isspace() or prev in _OPEN_CONTEXT)


def _closing_side(prev: str, nxt: str) -> bool:
    return bool(prev) and not prev.isspace() and (not nxt or nxt.isspace() or nxt in _CLOSE_CONTEXT)


def find_marked_spans(text: str) -> list[MarkedSpan]:
    """All quotation spans of ``text`` found from their marks, in document order."""
    ends = paragraph_ends(text)
    stack: list[_Open] = []
    found: list[MarkedSpan] = []
    skip: set[int] = set()

    def paragraph_of(pos: int) -> int:
        return bisect.bisect_left(ends, pos)

    def give_up(entry: _Open, limit: int | None = None) -> None:
        if entry.mark in _SINGLE:
            return
        end = ends[entry.paragraph]
        if limit is not None:
            end = min(end, limit)
        found.append(MarkedSpan(entry.pos, max(end, entry.pos + 1), entry.mark, "", unclosed=True))

    def close(index: int, pos: int, mark: str) -> None:
        for inner in stack[index + 1 :]:
            give_up(inner, pos)
        entry = stack[index]
        del stack[index:]
        found.append(MarkedSpan(entry.pos, pos + 1, entry.mark, mark))

    def nearest(marks: str) -> int | None:
        for index in range(len(stack) - 1, -1, -1):
            if stack[index].mark in marks:
                return index
        return None

    def end_paragraph(paragraph: int) -> None:
        break_at = ends[paragraph]
        next_start = _next_paragraph_start(text, break_at)
        continuing = False
        for entry in list(stack):
            if entry.paragraph > paragraph:
                continue
            spans = entry.mark in _SPANS_PARAGRAPHS
            too_long = (
                paragraph - entry.paragraph >= MAX_PARAGRAPHS or break_at - entry.pos > MAX_CHARS
            )
            continued = (
                next_start is not None
                and text[next_start] == entry.mark
                and not continuing
                and entry.plain_breaks == 0
            )
            if continued and not too_long:
                assert next_start is not None
                skip.add(next_start)
                continuing = True
                continue
            if spans and not too_long:
                entry.plain_breaks += 1
                continue
            stack.remove(entry)
            give_up(entry)

    paragraph = 0
    for match in _MARK_RE.finditer(text):
        pos = match.start()
        while ends[paragraph] < pos:
            end_paragraph(paragraph)
            paragraph += 1
        if pos in skip:
            continue
        mark = match.group()
        prev = text[pos - 1] if pos > 0 else ""
        nxt = text[pos + 1] if pos + 1 < len(text) else ""
        opening = _opening_side(prev, nxt)
        closing = _closing_side(prev, nxt)
        top = stack[-1].mark if stack else ""

        def push(mark: str = mark, pos: int = pos) -> None:
            if len(stack) >= MAX_OPEN:
                give_up(stack.pop(0), pos)
            stack.append(_Open(pos, mark, paragraph_of(pos)))

        if mark in _ALWAYS_OPEN:
            push()
        elif mark in "»›":
            index = nearest("«" if mark == "»" else "‹")
            if index is not None:
                close(index, pos, mark)
        elif mark == "“":
            if top == "„" and not (opening and not closing and nxt.isalpha() and prev == " "):
                close(len(stack) - 1, pos, mark)
            elif opening:
                push()
            elif closing and (index := nearest("“„")) is not None:
                close(index, pos, mark)
        elif mark == "”":
            index = nearest("“„”")
            if index is not None and (closing or not opening):
                close(index, pos, mark)
            elif opening and not closing:
                push()
        elif mark == '"':
            if opening and not closing:
                push()
            elif closing and not opening:
                index = nearest('"')
                if index is None and top in ("„", "“"):
                    index = len(stack) - 1
                if index is not None:
                    close(index, pos, mark)
            elif top in ('"', "„"):
                close(len(stack) - 1, pos, mark)
            else:
                push()
        else:  # ' ‘ ’
            if prev.isalnum() and nxt.isalnum():
                continue  # an apostrophe inside a word
            index = nearest("'‘")
            if index is not None and closing and stack[index].paragraph == paragraph_of(pos):
                close(index, pos, mark)
            elif mark != "’" and opening and not closing and nxt.isalpha():
                push()

    while paragraph < len(ends):
        end_paragraph(paragraph)
        paragraph += 1
    for entry in stack:
        give_up(entry)
    return with_depths(found)


def _next_paragraph_start(text: str, break_at: int) -> int | None:
    pos = break_at
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos if pos < len(text) else None


def with_depths(spans: list[MarkedSpan]) -> list[MarkedSpan]:
    """Spans in document order (outer before inner) with depth set from containment."""
    ordered = sorted(spans, key=lambda s: (s.start, -s.end))
    result: list[MarkedSpan] = []
    open_ends: list[int] = []
    for span in ordered:
        open_ends = [end for end in open_ends if end > span.start]
        depth = sum(1 for end in open_ends if end >= span.end)
        result.append(
            MarkedSpan(span.start, span.end, span.open_mark, span.close_mark, depth, span.unclosed)
        )
        open_ends.append(span.end)
    return result
