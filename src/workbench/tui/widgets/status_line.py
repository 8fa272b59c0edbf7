"""A one-line status bar that redraws without a layout pass."""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget


class StatusLine(Widget):
    """Shows one line of plain text (never read as markup)."""

    DEFAULT_CSS = """
    StatusLine { height: 1; background: $panel; padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()

    @property
    def text(self) -> str:
        return self._text.plain

    def set_text(self, text: str | Text) -> None:
        """Show ``text`` (a ``str`` is shown as it is, never read as markup)."""
        content = text if isinstance(text, Text) else Text(text)
        if content != self._text:
            self._text = content
            self.refresh()

    def render(self) -> Text:
        line = self._text.copy()
        line.no_wrap = True
        line.overflow = "ellipsis"
        return line
