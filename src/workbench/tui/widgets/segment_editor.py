"""The in-place editor for the English side of the current link.

One line per English segment of the link. Ctrl+S saves, Ctrl+B splits the
segment under the cursor at the cursor, Ctrl+T adds a glossary term with the
selected English, Escape leaves without saving.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import TextArea


class SegmentEditor(TextArea):
    """A TextArea that edits the English segments of one link."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "Save segment"),
        Binding("ctrl+b", "split", "Split at cursor"),
        Binding("ctrl+t", "add_term", "Add glossary term with the selected English"),
        Binding("escape", "leave", "Leave editor"),
    ]

    DEFAULT_CSS = """
    SegmentEditor { height: 6; border: tall $accent; }
    """

    class Save(Message):
        """Save the editor's lines as the link's segments."""

        def __init__(self, lines: list[str]) -> None:
            super().__init__()
            self.lines = lines

    class Split(Message):
        """Split segment ``line`` (of the link) at character ``offset``."""

        def __init__(self, lines: list[str], line: int, offset: int) -> None:
            super().__init__()
            self.lines = lines
            self.line = line
            self.offset = offset

    class AddTerm(Message):
        """Add a glossary term whose approved English is ``english`` (the selection)."""

        def __init__(self, english: str) -> None:
            super().__init__()
            self.english = english

    class Leave(Message):
        """Leave the editor without saving."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__("", id=id, soft_wrap=True, tab_behavior="focus")
        self.link_index = -1
        self.original: list[str] = []

    def start(self, link_index: int, segments: list[str]) -> None:
        """Load the segments of link ``link_index`` and focus the editor."""
        self.link_index = link_index
        self.original = list(segments)
        self.load_text("\n".join(segments))
        self.display = True
        self.focus()
        self.move_cursor((0, 0))

    def lines(self) -> list[str]:
        return self.text.split("\n")

    @property
    def modified(self) -> bool:
        return self.lines() != self.original

    def action_save(self) -> None:
        self.post_message(self.Save(self.lines()))

    def action_split(self) -> None:
        row, column = self.cursor_location
        self.post_message(self.Split(self.lines(), row, column))

    def action_add_term(self) -> None:
        self.post_message(self.AddTerm(" ".join(self.selected_text.split())))

    def action_leave(self) -> None:
        self.post_message(self.Leave())
