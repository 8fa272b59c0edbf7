"""The notes screen: browse, filter, edit and delete the translator's notes."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from workbench.core.model import Note
from workbench.store import Store
from workbench.textio import InputError
from workbench.tui.screens.dialogs import NoteDialog


def note_matches(note: Note, query: str) -> bool:
    if not query:
        return True
    haystack = " ".join((note.text, note.author, note.translation or "", note.created,
                         str(note.src_index + 1))).casefold()
    return query.casefold() in haystack


def _one_line(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class NotesScreen(Screen[int | None]):
    """Every note of the workspace; Enter edits, x deletes, g goes to the note's segment
    (the screen returns that Russian sentence index)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back"),
        Binding("slash", "focus_filter", "Filter"),
        Binding("enter", "edit", "Edit note"),
        Binding("x,delete", "delete", "Delete note"),
        Binding("g", "go", "Go to segment"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("r,ctrl+y", "redo", "Redo"),
    ]

    DEFAULT_CSS = """
    NotesScreen #notes-filter { margin: 0 1; }
    NotesScreen DataTable { height: 1fr; }
    """

    def __init__(self, store: Store, translation: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.translation = translation
        self.notes: list[Note] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter (text, author, sentence number…)", id="notes-filter")
        yield DataTable(id="notes-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Notes"
        self.table.add_columns("Sentence", "Translation", "Note", "Author", "Created")
        self.reload()
        self.table.focus()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#notes-table", DataTable)

    def reload(self, keep: int | None = None) -> None:
        query = self.query_one("#notes-filter", Input).value.strip()
        self.notes = [n for n in self.store.notes() if note_matches(n, query)]
        table = self.table
        row = table.cursor_row if keep is None else keep
        table.clear()
        for note in self.notes:
            table.add_row(Text(str(note.src_index + 1)), Text(note.translation or "(all)"),
                          Text(_one_line(note.text)), Text(note.author),
                          Text(note.created[:16]), key=str(note.id))
        if self.notes:
            table.move_cursor(row=max(0, min(row, len(self.notes) - 1)))
        self.sub_title = f"{len(self.notes)} notes"

    @on(Input.Changed, "#notes-filter")
    def on_filter_changed(self) -> None:
        self.reload(keep=0)

    @on(Input.Submitted, "#notes-filter")
    def on_filter_submitted(self) -> None:
        self.table.focus()

    @on(DataTable.RowSelected)
    def on_row_selected(self) -> None:
        self.action_edit()

    def action_focus_filter(self) -> None:
        self.query_one("#notes-filter", Input).focus()

    @property
    def current(self) -> Note | None:
        row = self.table.cursor_row
        return self.notes[row] if 0 <= row < len(self.notes) else None

    def action_edit(self) -> None:
        note = self.current
        if note is None or note.id is None:
            return
        note_id = note.id

        def save(text: str | None) -> None:
            if text:
                try:
                    self.store.update_note(note_id, text)
                except (InputError, ValueError) as exc:
                    self.notify(str(exc), severity="error")
                    return
                self.reload()
                self.notify("Note saved.", timeout=3)

        self.app.push_screen(NoteDialog(f"Note on sentence {note.src_index + 1}", note.text),
                             save)

    def action_delete(self) -> None:
        note = self.current
        if note is None or note.id is None:
            return
        self.store.delete_note(note.id)
        self.reload()
        self.notify("Note deleted (u to undo).", timeout=3)

    def action_undo(self) -> None:
        self._history(self.store.undo, "Undone", "Nothing to undo.")

    def action_redo(self) -> None:
        self._history(self.store.redo, "Redone", "Nothing to redo.")

    def _history(self, step: Callable[[], str | None], verb: str, nothing: str) -> None:
        try:
            description = step()
        except (InputError, ValueError) as exc:
            self.notify(str(exc), severity="error")
            return
        self.reload()
        self.notify(f"{verb}: {description}" if description else nothing, timeout=3)

    def action_go(self) -> None:
        note = self.current
        if note is not None:
            self.dismiss(note.src_index)

    def action_leave(self) -> None:
        self.dismiss(None)
