"""The notes screen: browse, filter, edit and delete the translator's notes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from workbench.core.model import Note
from workbench.store import Store
from workbench.tui.screens.dialogs import NoteDialog
from workbench.tui.screens.table_screen import FilteredTableScreen


def note_matches(note: Note, query: str) -> bool:
    if not query:
        return True
    haystack = " ".join((note.text, note.author, note.translation or "", note.created,
                         str(note.src_index + 1))).casefold()
    return query.casefold() in haystack


def _one_line(text: str, limit: int = 70) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


class NotesScreen(FilteredTableScreen[Note, int | None]):
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
    TITLE = "Notes"
    FILTER_PLACEHOLDER = "filter (text, author, sentence number…)"
    ITEM_NAME = "notes"

    def __init__(self, store: Store, translation: str | None = None) -> None:
        super().__init__(store)
        self.translation = translation

    def columns(self) -> Sequence[str]:
        return ("Sentence", "Translation", "Note", "Author", "Created")

    def load(self, query: str) -> list[Note]:
        return [n for n in self.store.notes() if note_matches(n, query)]

    def cells(self, note: Note) -> Sequence[Text]:
        return (Text(str(note.src_index + 1)), Text(note.translation or "(all)"),
                Text(_one_line(note.text)), Text(note.author), Text(note.created[:16]))

    def key(self, note: Note) -> str:
        return str(note.id)

    def action_edit(self) -> None:
        note = self.current
        if note is None or note.id is None:
            return
        note_id = note.id

        def save(text: str | None) -> None:
            if text:
                self.try_change(lambda: self.store.update_note(note_id, text), "Note saved.")

        self.app.push_screen(NoteDialog(f"Note on sentence {note.src_index + 1}", note.text),
                             save)

    def action_delete(self) -> None:
        note = self.current
        if note is None or note.id is None:
            return
        note_id = note.id
        self.try_change(lambda: self.store.delete_note(note_id), "Note deleted (u to undo).")

    def action_go(self) -> None:
        note = self.current
        if note is not None:
            self.dismiss(note.src_index)

    def action_leave(self) -> None:
        self.dismiss(None)
