"""The glossary screen: browse, filter, add, edit and remove glossary entries."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType

from workbench.core.model import GlossaryEntry
from workbench.tui.screens.dialogs import TermDialog
from workbench.tui.screens.table_screen import FilteredTableScreen


def entry_matches(entry: GlossaryEntry, query: str) -> bool:
    """Whether ``query`` occurs (case-insensitively) in any field a translator reads."""
    if not query:
        return True
    haystack = " ".join((entry.source, *entry.targets, *entry.forbidden, entry.pos,
                         entry.definition, entry.note, entry.status)).casefold()
    return query.casefold() in haystack


class GlossaryScreen(FilteredTableScreen[GlossaryEntry, bool]):
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
    TITLE = "Glossary"
    FILTER_PLACEHOLDER = "filter (Russian, English, note…)"
    ITEM_NAME = "entries"

    def columns(self) -> Sequence[str]:
        return ("Russian", "Approved English", "Forbidden", "POS", "Status",
                "Definition / note")

    def load(self, query: str) -> list[GlossaryEntry]:
        return [e for e in self.store.glossary() if entry_matches(e, query)]

    def cells(self, entry: GlossaryEntry) -> Sequence[Text]:
        return (Text(entry.source), Text(" | ".join(entry.targets)),
                Text(" | ".join(entry.forbidden)), Text(entry.pos), Text(entry.status),
                Text(" ".join(p for p in (entry.definition, entry.note) if p)))

    def key(self, entry: GlossaryEntry) -> str:
        return str(entry.id)

    def action_add(self) -> None:
        def add(entry: GlossaryEntry | None) -> None:
            if entry is not None:
                self.try_change(lambda: self.store.add_term(entry), f"Added {entry.source}.")

        self.app.push_screen(TermDialog("Add a glossary term",
                                        GlossaryEntry(source="", targets=())), add)

    def action_edit(self) -> None:
        entry = self.current
        if entry is None:
            return

        def save(edited: GlossaryEntry | None) -> None:
            if edited is not None:
                self.try_change(lambda: self.store.update_term(edited),
                                f"Saved {edited.source}.")

        self.app.push_screen(TermDialog(f"Edit glossary term {entry.source}", entry), save)

    def action_remove(self) -> None:
        entry = self.current
        if entry is None or entry.id is None:
            return
        term_id = entry.id
        self.try_change(lambda: self.store.remove_term(term_id),
                        f"Removed {entry.source} (u to undo).")

    def action_leave(self) -> None:
        self.dismiss(self.changed)
