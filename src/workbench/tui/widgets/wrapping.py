"""Word wrapping by terminal cells, fast enough to run over tens of thousands of rows.

Most corpus text is Cyrillic or Latin, one cell per character; for that case the
wrapper works on ``str`` indices with C-speed searches. Text holding wide
characters (CJK, some symbols) goes through a slower path that measures cells.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_NARROW_RANGES = (
    (0x20, 0x7E),  # ASCII
    (0xA0, 0xAC),  # Latin-1 (no soft hyphen)
    (0xAE, 0x2FF),  # Latin-1, Latin Extended
    (0x370, 0x482),  # Greek, Cyrillic
    (0x48A, 0x52F),  # Cyrillic, Cyrillic Supplement
    (0x2010, 0x205E),  # dashes, quotation marks, ellipsis, primes
    (0x20A0, 0x20C0),  # currency signs
    (0x2100, 0x214F),  # letterlike symbols (№)
)
_NOT_NARROW = re.compile(
    "[^" + "".join(f"\\u{first:04x}-\\u{last:04x}" for first, last in _NARROW_RANGES) + "]"
)


def _is_narrow(text: str) -> bool:
    """True when every character takes exactly one cell (checked at C speed)."""
    return _NOT_NARROW.search(text) is None


def flatten(text: str) -> str:
    """The text on one logical line: line breaks and tabs become spaces."""
    if "\n" in text or "\t" in text or "\r" in text:
        return text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ").replace("\t", " ")
    return text


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Line spans ``(start, end)`` of ``text`` wrapped greedily at spaces to ``width`` cells.

    ``text`` must be flat (see :func:`flatten`). Spaces at a break are dropped; a word
    longer than the width is cut. An empty text is one empty line.
    """
    width = max(1, width)
    length = len(text)
    if length <= width and (length * 2 <= width or cell_len(text) <= width):
        return [(0, length)]
    if not _is_narrow(text):
        return _wrap_offsets_by_cells(text, width)
    lines: list[tuple[int, int]] = []
    pos = 0
    while length - pos > width:
        cut = text.rfind(" ", pos, pos + width + 1)
        if cut <= pos:
            end = next_start = pos + width
        else:
            end = cut
            while end > pos and text[end - 1] == " ":
                end -= 1
            next_start = cut + 1
        lines.append((pos, end))
        while next_start < length and text[next_start] == " ":
            next_start += 1
        pos = next_start
    if pos < length or not lines:
        lines.append((pos, length))
    return lines


def line_count(text: str, width: int) -> int:
    """How many lines ``text`` takes when wrapped to ``width`` cells."""
    if len(text) * 2 <= width or (len(text) <= width and _is_narrow(text)):
        return 1
    return len(wrap_offsets(text, width))


def _wrap_offsets_by_cells(text: str, width: int) -> list[tuple[int, int]]:
    lines: list[tuple[int, int]] = []
    start = 0
    line_cells = 0
    last_space = -1
    index = 0
    length = len(text)
    while index < length:
        char = text[index]
        cells = cell_len(char)
        if char == " ":
            last_space = index
        if line_cells + cells > width and index > start:
            if last_space > start:
                lines.append((start, last_space))
                index = last_space + 1
            else:
                lines.append((start, index))
            while index < length and text[index] == " ":
                index += 1
            start = index
            line_cells = 0
            last_space = -1
            continue
        line_cells += cells
        index += 1
    if start < length or not lines:
        lines.append((start, length))
    return lines
