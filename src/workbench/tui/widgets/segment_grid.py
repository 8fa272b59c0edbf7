"""The aligned-segment grid: Russian beside one or two English translations.

Built on Textual's line API: only the lines on screen are rendered. Row heights
(after wrapping to the current column width) are computed once per resize or
change of rows and kept as a prefix sum, so finding the row under a screen line
is a binary search. Corpus text is emitted as plain segments, never as markup.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import accumulate
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.tui.widgets.wrapping import flatten, line_count, wrap_offsets

COLUMN_SEPARATOR = " │ "
_CACHE_LIMIT = 4096


@dataclass(slots=True)
class GridRow:
    """What one row of the grid shows: an alignment link and its marks.

    (Not frozen: building 20,000 frozen instances costs a tenth of a second more.)
    """

    number: int
    columns: tuple[str, ...]
    kind: str = "1-1"
    low_confidence: bool = False
    quotation: bool = False
    note: bool = False
    finding: bool = False
    status: str = ""
    confirmed: bool = False

    def badges(self) -> str:
        """Four one-cell marks: confidence, quotation, note, QA finding."""
        return (
            ("~" if self.low_confidence else " ")
            + ("Q" if self.quotation else " ")
            + ("N" if self.note else " ")
            + ("!" if self.finding else " ")
        )


class SegmentGrid(ScrollView, can_focus=True):
    """A scrolling grid of aligned segments with a row cursor."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "segment-grid--header",
        "segment-grid--cursor",
        "segment-grid--stripe",
        "segment-grid--gutter",
        "segment-grid--kind",
        "segment-grid--low",
        "segment-grid--quotation",
        "segment-grid--note",
        "segment-grid--finding",
        "segment-grid--status",
        "segment-grid--confirmed",
        "segment-grid--separator",
    }

    DEFAULT_CSS = """
    SegmentGrid {
        background: $surface;
        color: $foreground;
        overflow-y: scroll;
        overflow-x: hidden;
    }
    SegmentGrid > .segment-grid--header { background: $panel; color: $text; text-style: bold; }
    SegmentGrid > .segment-grid--cursor { background: $primary-darken-3; }
    SegmentGrid:focus > .segment-grid--cursor { background: $primary-darken-1; }
    SegmentGrid > .segment-grid--stripe { background: $surface-lighten-1; }
    SegmentGrid > .segment-grid--gutter { color: $text-muted; }
    SegmentGrid > .segment-grid--kind { color: $warning; text-style: bold; }
    SegmentGrid > .segment-grid--low { color: $warning; text-style: bold; }
    SegmentGrid > .segment-grid--quotation { color: $error; text-style: bold; }
    SegmentGrid > .segment-grid--note { color: $success; text-style: bold; }
    SegmentGrid > .segment-grid--finding { color: $error; text-style: bold; }
    SegmentGrid > .segment-grid--status { color: $success; }
    SegmentGrid > .segment-grid--confirmed { color: $success; }
    SegmentGrid > .segment-grid--separator { color: $text-muted; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down,j", "cursor_down", "Next segment", show=False),
        Binding("up,k", "cursor_up", "Previous segment", show=False),
        Binding("pagedown", "page_down", "Page down", show=False),
        Binding("pageup", "page_up", "Page up", show=False),
        Binding("home,g", "first", "First segment", show=False),
        Binding("end,G", "last", "Last segment", show=False),
    ]

    class CursorMoved(Message):
        """The current row changed (``index`` into the grid's rows, -1 when empty)."""

        def __init__(self, grid: SegmentGrid, index: int) -> None:
            super().__init__()
            self.grid = grid
            self.index = index

        @property
        def control(self) -> SegmentGrid:
            return self.grid

    def __init__(
        self,
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self._rows: list[GridRow] = []
        self._flat: list[tuple[str, ...]] = []
        self._headers: tuple[str, ...] = ()
        self._cursor = -1
        self._offsets: list[int] = [0]
        self._heights: list[int] = []
        self._layout_width = -1
        self._column_widths: tuple[int, ...] = ()
        self._gutter_width = 0
        self._number_width = 1
        self._wrap_cache: dict[int, tuple[list[tuple[int, int]], ...]] = {}
        self._part_styles: dict[str, Style] = {}

    # ----------------------------------------------------------------- data

    @property
    def rows(self) -> Sequence[GridRow]:
        return self._rows

    @property
    def cursor(self) -> int:
        """Index of the current row, or -1 when the grid is empty."""
        return self._cursor

    @property
    def current_row(self) -> GridRow | None:
        return self._rows[self._cursor] if 0 <= self._cursor < len(self._rows) else None

    def set_rows(
        self, rows: Sequence[GridRow], headers: Sequence[str], cursor: int | None = None
    ) -> None:
        """Show ``rows`` under column ``headers``; keep or set the cursor."""
        self._rows = list(rows)
        self._flat = [tuple(flatten(text) for text in row.columns) for row in self._rows]
        self._headers = tuple(headers)
        self._number_width = len(str(max((r.number for r in self._rows), default=1)))
        self._layout_width = -1
        self._wrap_cache.clear()
        self._offsets = [0]
        if self.size.width:
            self._relayout()
        wanted = self._cursor if cursor is None else cursor
        self._cursor = -2  # force a CursorMoved message
        self.move_cursor(max(0, min(wanted, len(self._rows) - 1)) if self._rows else -1)
        self.refresh()

    def update_row(self, index: int, row: GridRow) -> None:
        """Replace one row (after an edit) and re-measure the grid."""
        self._rows[index] = row
        self._flat[index] = tuple(flatten(text) for text in row.columns)
        self._wrap_cache.pop(index, None)
        if self._layout_width < 0 or not self._heights:
            self._relayout()
            self.refresh()
            return
        height = self._row_height(self._flat[index])
        if height == self._heights[index]:
            self._refresh_row(index)
            return
        self._heights[index] = height
        self._offsets = [0, *accumulate(self._heights)]
        self.virtual_size = Size(self._layout_width, self._offsets[-1] + 1)
        self.refresh()

    def set_finding_mark(self, index: int, finding: bool) -> None:
        """Show or hide the QA mark of one row (its text and height stay as they are)."""
        row = self._rows[index]
        if row.finding != finding:
            row.finding = finding
            self._refresh_row(index)

    # --------------------------------------------------------------- layout

    def _content_width(self) -> int:
        return max(self.scrollable_content_region.width, 20)

    def _relayout(self) -> None:
        width = self._content_width()
        if width == self._layout_width:
            return
        self._layout_width = width
        self._wrap_cache.clear()
        # gutter: number, space, link type (3), space, four badges, space, status, space
        self._gutter_width = self._number_width + 1 + 3 + 1 + 4 + 1 + 1 + 1
        columns = max(1, len(self._headers))
        available = width - self._gutter_width - len(COLUMN_SEPARATOR) * (columns - 1)
        base = max(8, available // columns)
        widths = [base] * columns
        widths[-1] = max(8, available - base * (columns - 1))
        self._column_widths = tuple(widths)
        self._heights = [self._row_height(texts) for texts in self._flat]
        self._offsets = [0, *accumulate(self._heights)]
        self.virtual_size = Size(width, self._offsets[-1] + 1)

    def _row_height(self, texts: tuple[str, ...]) -> int:
        if not texts:
            return 1
        return max(line_count(text, width)
                   for text, width in zip(texts, self._column_widths, strict=False))

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self.refresh()
        self._scroll_cursor_into_view()

    def row_at_line(self, line: int) -> int:
        """Index of the row holding content line ``line`` (0-based, header excluded)."""
        return bisect_right(self._offsets, line) - 1

    def row_span(self, index: int) -> tuple[int, int]:
        """First content line and height of row ``index``."""
        return self._offsets[index], self._offsets[index + 1] - self._offsets[index]

    @property
    def total_lines(self) -> int:
        return self._offsets[-1]

    # -------------------------------------------------------------- cursor

    def move_cursor(self, index: int) -> None:
        """Make row ``index`` current, scroll it into view and announce it."""
        if not self._rows:
            changed = self._cursor != -1
            self._cursor = -1
        else:
            index = max(0, min(index, len(self._rows) - 1))
            changed = index != self._cursor
            previous = self._cursor
            self._cursor = index
            if changed:
                self._refresh_row(previous)
                self._refresh_row(index)
                self._scroll_cursor_into_view()
        if changed:
            self.post_message(self.CursorMoved(self, self._cursor))

    @property
    def _laid_out(self) -> bool:
        """False between new rows and the first layout at the widget's real width."""
        return len(self._offsets) == len(self._rows) + 1

    def _refresh_row(self, index: int) -> None:
        if self._laid_out and 0 <= index < len(self._rows):
            first, height = self.row_span(index)
            self.refresh_lines(first + 1, height)

    def _scroll_cursor_into_view(self) -> None:
        if self._cursor < 0 or not self._laid_out:
            return
        first, height = self.row_span(self._cursor)
        visible = max(1, self.scrollable_content_region.height - 1)
        top = int(self.scroll_y)
        if first < top:
            top = first
        elif first + height > top + visible:
            top = max(first + min(height, visible) - visible, 0)
        if top != int(self.scroll_y):
            self.scroll_to(y=top, animate=False, immediate=True)

    def _page_rows(self) -> int:
        return max(1, self.scrollable_content_region.height - 2)

    def action_cursor_down(self) -> None:
        self.move_cursor(self._cursor + 1)

    def action_cursor_up(self) -> None:
        self.move_cursor(self._cursor - 1)

    def action_page_down(self) -> None:
        if self._rows:
            first, _ = self.row_span(self._cursor)
            target = min(first + self._page_rows(), self.total_lines - 1)
            self.move_cursor(max(self.row_at_line(target), self._cursor + 1))

    def action_page_up(self) -> None:
        if self._rows:
            first, _ = self.row_span(self._cursor)
            target = max(first - self._page_rows(), 0)
            self.move_cursor(min(self.row_at_line(target), self._cursor - 1))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._rows) - 1)

    def on_click(self, event: events.Click) -> None:
        line = event.y - 1 + int(self.scroll_y)
        if event.y >= 1 and 0 <= line < self.total_lines:
            self.move_cursor(self.row_at_line(line))

    # ------------------------------------------------------------ rendering

    def _wrapped(self, index: int) -> tuple[list[tuple[int, int]], ...]:
        cached = self._wrap_cache.get(index)
        if cached is None:
            if len(self._wrap_cache) > _CACHE_LIMIT:
                self._wrap_cache.clear()
            cached = tuple(
                wrap_offsets(text, width)
                for text, width in zip(self._flat[index], self._column_widths, strict=False)
            )
            self._wrap_cache[index] = cached
        return cached

    def render_line(self, y: int) -> Strip:
        self._relayout()
        width = self.scrollable_content_region.width or self.size.width
        base = self.rich_style
        if y == 0:
            return self._render_header(width, base)
        line = int(self.scroll_y) + y - 1
        if not self._rows or line >= self.total_lines:
            return Strip.blank(width, base)
        index = self.row_at_line(line)
        return self._render_row_line(index, line - self._offsets[index], width, base)

    def _render_header(self, width: int, base: Style) -> Strip:
        style = base + self._part("header")
        segments = [Segment(" " * self._gutter_width, style)]
        for position, (header, column_width) in enumerate(
            zip(self._headers, self._column_widths, strict=False)
        ):
            if position:
                segments.append(Segment(COLUMN_SEPARATOR, style))
            segments.append(Segment(_fit(header, column_width), style))
        return Strip(segments).adjust_cell_length(width, style)

    def _render_row_line(self, index: int, row_line: int, width: int, base: Style) -> Strip:
        row = self._rows[index]
        if index == self._cursor:
            row_style = base + self._part("cursor")
        elif index % 2:
            row_style = base + self._part("stripe")
        else:
            row_style = base
        segments = self._gutter(row, row_line, row_style)
        separator = row_style + self._part("separator")
        wrapped = self._wrapped(index)
        for position, (text, spans, column_width) in enumerate(
            zip(self._flat[index], wrapped, self._column_widths, strict=False)
        ):
            if position:
                segments.append(Segment(COLUMN_SEPARATOR, separator))
            if row_line < len(spans):
                start, end = spans[row_line]
                segments.append(Segment(text[start:end], row_style))
                used = Segment.get_line_length(segments[-1:])
                if used < column_width:
                    segments.append(Segment(" " * (column_width - used), row_style))
            else:
                segments.append(Segment(" " * column_width, row_style))
        return Strip(segments).adjust_cell_length(width, row_style)

    def _part(self, name: str) -> Style:
        """The style a component class declares (only what it sets, to layer on a row).
        Cached until the styles or the focus change."""
        style = self._part_styles.get(name)
        if style is None:
            style = self.get_component_rich_style(f"segment-grid--{name}", partial=True)
            self._part_styles[name] = style
        return style

    def notify_style_update(self) -> None:
        self._part_styles.clear()
        super().notify_style_update()

    def on_focus(self) -> None:
        self._part_styles.clear()
        self._refresh_row(self._cursor)

    def on_blur(self) -> None:
        self._part_styles.clear()
        self._refresh_row(self._cursor)

    def _gutter(self, row: GridRow, row_line: int, style: Style) -> list[Segment]:
        if row_line:
            return [Segment(" " * self._gutter_width, style)]
        number = str(row.number).rjust(self._number_width)
        kind = "" if row.kind == "1-1" else row.kind
        marks = row.badges()
        mark_styles = ("low", "quotation", "note", "finding")
        segments = [
            Segment(number + " ", style + self._part("gutter")),
            Segment(kind.ljust(3)[:3] + " ", style + self._part("kind")),
        ]
        for mark, mark_style in zip(marks, mark_styles, strict=True):
            segments.append(Segment(mark, style + self._part(mark_style)))
        status_style = "confirmed" if row.confirmed else "status"
        confirmed = "=" if row.confirmed else " "
        segments.append(Segment(confirmed, style + self._part(status_style)))
        segments.append(Segment((row.status or " ")[:1] + " ", style + self._part(status_style)))
        return segments


def _fit(text: str, width: int) -> str:
    if len(text) > width:
        return text[: max(0, width - 1)] + "…"
    return text.ljust(width)
