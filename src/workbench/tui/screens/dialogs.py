"""Small modal dialogs: jump to a segment, search, edit a note, edit a glossary term."""

from __future__ import annotations

import re
from typing import ClassVar, Generic, TypeVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, Select, TextArea

from workbench.core.model import GlossaryEntry
from workbench.tui.state import Search

ResultType = TypeVar("ResultType")

PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")


class _Dialog(ModalScreen[ResultType | None], Generic[ResultType]):
    """A modal dialog: Escape leaves without a result."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "cancel", "Leave")]

    DEFAULT_CSS = """
    _Dialog { align: center middle; }
    _Dialog > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 100%; padding: 1 2;
        overflow-y: auto;
        border: thick $primary; background: $surface;
    }
    _Dialog .dialog-title { text-style: bold; margin-bottom: 1; }
    _Dialog .dialog-error { color: $error; }
    _Dialog .dialog-hint { color: $text-muted; }
    _Dialog Horizontal { height: auto; }
    _Dialog TextArea { height: 6; }
    _Dialog #term-sentence { height: 4; }
    """

    def action_cancel(self) -> None:
        self.dismiss(None)


class JumpDialog(_Dialog[int]):
    """Ask for a segment number (1-based); returns it."""

    def __init__(self, highest: int) -> None:
        super().__init__()
        self.highest = highest

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(f"Jump to segment (1–{self.highest})", classes="dialog-title")
            yield Input(placeholder="number", id="jump-number", type="integer")
            yield Label("", id="jump-error", classes="dialog-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            number = int(event.value)
        except ValueError:
            number = 0
        if not 1 <= number <= self.highest:
            self.query_one("#jump-error", Label).update(
                f"Enter a number between 1 and {self.highest}."
            )
            return
        self.dismiss(number)


class SearchDialog(_Dialog[Search]):
    """Ask for a search over both sides; returns the :class:`Search`. Enter searches from
    anywhere in the dialog; Space ticks the regular-expression box."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Leave"),
        Binding("enter", "search", "Search", priority=True),
    ]

    def __init__(self, current: Search | None) -> None:
        super().__init__()
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Search Russian and English", classes="dialog-title")
            yield Input(
                value=self.current.text if self.current else "",
                placeholder="text or regular expression",
                id="search-text",
            )
            yield Checkbox(
                "Regular expression", self.current.regex if self.current else False,
                id="search-regex",
            )
            yield Label("Enter searches · Space ticks the box · Esc leaves",
                        classes="dialog-hint")
            yield Label("", id="search-error", classes="dialog-error")

    def action_search(self) -> None:
        search = Search(self.query_one("#search-text", Input).value,
                        self.query_one("#search-regex", Checkbox).value)
        if not search.text:
            self.dismiss(None)
            return
        try:
            search.compile()
        except re.error as exc:
            self.query_one("#search-error", Label).update(f"Not a valid expression: {exc}")
            return
        self.dismiss(search)


class NoteDialog(_Dialog[str]):
    """Write or edit a note's text; returns it (Ctrl+S or the Save button)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Leave"),
        Binding("ctrl+s", "save", "Save note"),
    ]

    def __init__(self, title: str, text: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="dialog-title")
            yield TextArea(self.text, id="note-text", soft_wrap=True)
            yield Label("", id="note-error", classes="dialog-error")
            with Horizontal():
                yield Button("Save (Ctrl+S)", id="note-save", variant="primary")
                yield Button("Cancel (Esc)", id="note-cancel")

    def action_save(self) -> None:
        text = self.query_one("#note-text", TextArea).text.strip()
        if not text:
            self.query_one("#note-error", Label).update("A note needs some text.")
            return
        self.dismiss(text)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "note-save":
            self.action_save()
        else:
            self.dismiss(None)


class TermDialog(_Dialog[GlossaryEntry]):
    """Write or edit a glossary entry; returns it (with the id it came with)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Leave"),
        Binding("ctrl+s", "save", "Save term"),
    ]

    def __init__(self, title: str, entry: GlossaryEntry, russian: str = "") -> None:
        super().__init__()
        self.title_text = title
        self.entry = entry
        self.russian = russian

    def compose(self) -> ComposeResult:
        entry = self.entry
        with Vertical():
            yield Label(self.title_text, classes="dialog-title")
            if self.russian:
                yield Label(
                    "The sentence (Shift+Tab to it, then select words with Shift+arrows "
                    "to take them as the Russian term):"
                )
                yield TextArea(self.russian, id="term-sentence", read_only=True, soft_wrap=True)
            yield Label("Russian term")
            yield Input(entry.source, id="term-source")
            yield Label("Approved English (several separated by |)")
            yield Input(" | ".join(entry.targets), id="term-targets")
            yield Label("Forbidden English variants (separated by |)")
            yield Input(" | ".join(entry.forbidden), id="term-forbidden")
            yield Label("Part of speech")
            yield Select(
                [(pos, pos) for pos in PARTS_OF_SPEECH],
                value=entry.pos if entry.pos in PARTS_OF_SPEECH else Select.NULL,
                id="term-pos",
            )
            yield Label("Definition")
            yield Input(entry.definition, id="term-definition")
            yield Label("Note")
            yield Input(entry.note, id="term-note")
            with Horizontal():
                yield Checkbox("Case sensitive", entry.case_sensitive, id="term-case")
                yield Checkbox("Approved", entry.status == "approved", id="term-approved")
            yield Label("", id="term-error", classes="dialog-error")
            with Horizontal():
                yield Button("Save (Ctrl+S)", id="term-save", variant="primary")
                yield Button("Cancel (Esc)", id="term-cancel")

    def on_mount(self) -> None:
        # Typing goes straight into the first field still to fill in.
        first_empty = "#term-targets" if self.entry.source else "#term-source"
        self.query_one(first_empty, Input).focus()

    def on_text_area_selection_changed(self, event: TextArea.SelectionChanged) -> None:
        if event.text_area.id == "term-sentence":
            selected = event.text_area.selected_text.strip()
            if selected:
                self.query_one("#term-source", Input).value = " ".join(selected.split())

    def _field(self, name: str) -> str:
        return self.query_one(f"#term-{name}", Input).value.strip()

    def action_save(self) -> None:
        source = self._field("source")
        targets = tuple(t.strip() for t in self._field("targets").split("|") if t.strip())
        if not source or not targets:
            message = "A term needs a Russian term and at least one approved English term."
            self.query_one("#term-error", Label).update(message)
            self.notify(message, severity="error")
            self.query_one("#term-targets" if source else "#term-source", Input).focus()
            return
        pos = self.query_one("#term-pos", Select).value
        self.dismiss(
            GlossaryEntry(
                source=source,
                targets=targets,
                forbidden=tuple(t.strip() for t in self._field("forbidden").split("|")
                                if t.strip()),
                pos=pos if isinstance(pos, str) else "",
                definition=self._field("definition"),
                note=self._field("note"),
                case_sensitive=self.query_one("#term-case", Checkbox).value,
                status="approved" if self.query_one("#term-approved", Checkbox).value
                else "proposed",
                id=self.entry.id,
            )
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "term-save":
            self.action_save()
        else:
            self.dismiss(None)


class ChoiceDialog(_Dialog[str]):
    """Pick one of several labelled choices; returns its key."""

    def __init__(self, title: str, choices: list[tuple[str, str]]) -> None:
        super().__init__()
        self.title_text = title
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="dialog-title")
            for key, label in self.choices:
                yield Button(label, id=f"choice-{key}")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        key = (event.button.id or "").removeprefix("choice-")
        self.dismiss(key or None)
