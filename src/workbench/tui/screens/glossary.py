"""The glossary screen: browse, filter, add, edit and remove glossary entries."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from workbench.core.model import GlossaryEntry
from workbench.store import Store
from workbench.textio import InputError
from workbench.tui.screens.dialogs import TermDialog


def entry_matches(entry: GlossaryEntry, query: str) -> bool:
    """Whether ``query`` occurs (case-insensitively) in any field a translator reads."""
    if not query:
        return True
    haystack = " ".join((entry.source, *entry.targets, *entry.forbidden, entry.pos,
                         entry.definition, entry.note, entry.status)).casefold()
    return query.casefold() in haystack


class GlossaryScreen(Screen[bool]):
    """The workspace glossary as a table; returns whether anything changed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "Back"),
        Binding("slash", "focus_filter", "Filter"),
        Binding("a", "add", "Add term"),
        Binding("enter", "edit", "Edit term"),
        Binding("x,delete", "remove", "Remove term"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("r,ctrl+y", "redo", "Redo"),
    ]

    DEFAULT_CSS = """
    GlossaryScreen #glossary-filter { margin: 0 1; }
    GlossaryScreen DataTable { height: 1fr; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.changed = False
        self.entries: list[GlossaryEntry] = []

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder="filter (Russian, English, note…)", id="glossary-filter")
        yield DataTable(id="glossary-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.title = "Glossary"
        table = self.query_one(DataTable)
        table.add_columns("Russian", "Approved English", "Forbidden", "POS", "Status",
                          "Definition / note")
        self.reload()
        table.focus()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#glossary-table", DataTable)

    def reload(self, keep: int | None = None) -> None:
        query = self.query_one("#glossary-filter", Input).value.strip()
        self.entries = [e for e in self.store.glossary() if entry_matches(e, query)]
        table = self.table
        row = table.cursor_row if keep is None else keep
        table.clear()
        for entry in self.entries:
            table.add_row(
                Text(entry.source), Text(" | ".join(entry.targets)),
                Text(" | ".join(entry.forbidden)), Text(entry.pos), Text(entry.status),
                Text(" ".join(p for p in (entry.definition, entry.note) if p)),
                key=str(entry.id),
            )
        if self.entries:
            table.move_cursor(row=max(0, min(row, len(self.entries) - 1)))
        self.sub_title = f"{len(self.entries)} entries"

    @on(Input.Changed, "#glossary-filter")
    def on_filter_changed(self) -> None:
        self.reload(keep=0)

    @on(Input.Submitted, "#glossary-filter")
    def on_filter_submitted(self) -> None:
        self.table.focus()

    @on(DataTable.RowSelected)
    def on_row_selected(self) -> None:
        self.action_edit()

    def action_focus_filter(self) -> None:
        self.query_one("#glossary-filter", Input).focus()

    @property
    def current(self) -> GlossaryEntry | None:
        row = self.table.cursor_row
        return self.entries[row] if 0 <= row < len(self.entries) else None

    def _store_change(self, change: object, done: str) -> None:
        self.changed = True
        self.reload()
        self.notify(done, timeout=3)

    def action_add(self) -> None:
        def add(entry: GlossaryEntry | None) -> None:
            if entry is not None:
                try:
                    self.store.add_term(entry)
                except (InputError, ValueError) as exc:
                    self.notify(str(exc), severity="error")
                    return
                self._store_change(entry, f"Added {entry.source}.")

        self.app.push_screen(TermDialog("Add a glossary term",
                                        GlossaryEntry(source="", targets=())), add)

    def action_edit(self) -> None:
        entry = self.current
        if entry is None:
            return

        def save(edited: GlossaryEntry | None) -> None:
            if edited is not None:
                try:
                    self.store.update_term(edited)
                except (InputError, ValueError) as exc:
                    self.notify(str(exc), severity="error")
                    return
                self._store_change(edited, f"Saved {edited.source}.")

        self.app.push_screen(TermDialog(f"Edit glossary term {entry.source}", entry), save)

    def action_remove(self) -> None:
        entry = self.current
        if entry is None or entry.id is None:
            return
        self.store.remove_term(entry.id)
        self._store_change(entry, f"Removed {entry.source} (u to undo).")

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
        if description is None:
            self.notify(nothing, timeout=3)
            return
        self._store_change(description, f"{verb}: {description}")

    def action_leave(self) -> None:
        self.dismiss(self.changed)
