"""What the glossary and notes screens share: a filter box over a table of items read
from the workspace, Enter to edit the current item, and undo/redo of the workspace
history."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Input

from workbench.store import Store
from workbench.textio import InputError

ItemType = TypeVar("ItemType")
ResultType = TypeVar("ResultType")


class FilteredTableScreen(Screen[ResultType], Generic[ItemType, ResultType]):
    """A table of workspace items under a filter box. Subclasses say what the items are
    (:meth:`load`, :meth:`cells`, :meth:`key`) and what Enter does (``action_edit``)."""

    FILTER_PLACEHOLDER: ClassVar[str] = "filter"
    ITEM_NAME: ClassVar[str] = "items"
    """What the sub-title counts (``12 notes``)."""

    DEFAULT_CSS = """
    FilteredTableScreen #table-filter { margin: 0 1; }
    FilteredTableScreen DataTable { height: 1fr; }
    """

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.items: list[ItemType] = []
        self.changed = False
        """Whether anything was changed from this screen."""

    def load(self, query: str) -> list[ItemType]:
        """The items matching ``query`` (all of them when it is empty)."""
        raise NotImplementedError

    def cells(self, item: ItemType) -> Sequence[Text]:
        """One table row for ``item``."""
        raise NotImplementedError

    def key(self, item: ItemType) -> str:
        """A key naming ``item`` among the rows."""
        raise NotImplementedError

    def columns(self) -> Sequence[str]:
        raise NotImplementedError

    def action_edit(self) -> None:
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(placeholder=self.FILTER_PLACEHOLDER, id="table-filter")
        yield DataTable(id="table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        self.table.add_columns(*self.columns())
        self.reload()
        self.table.focus()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#table", DataTable)

    @property
    def filter_box(self) -> Input:
        return self.query_one("#table-filter", Input)

    @property
    def current(self) -> ItemType | None:
        row = self.table.cursor_row
        return self.items[row] if 0 <= row < len(self.items) else None

    def reload(self, keep: int | None = None) -> None:
        """Re-read the items; the cursor stays on its row (or goes to row ``keep``)."""
        self.items = self.load(self.filter_box.value.strip())
        table = self.table
        row = table.cursor_row if keep is None else keep
        table.clear()
        for item in self.items:
            table.add_row(*self.cells(item), key=self.key(item))
        if self.items:
            table.move_cursor(row=max(0, min(row, len(self.items) - 1)))
        self.sub_title = f"{len(self.items)} {self.ITEM_NAME}"

    def saved(self, done: str) -> None:
        """After a change to the workspace: show it and say ``done``."""
        self.changed = True
        self.reload()
        self.notify(done, timeout=3)

    def try_change(self, change: Callable[[], object], done: str) -> None:
        """Make a change to the workspace; a refused one is reported, not raised."""
        try:
            change()
        except (InputError, ValueError) as exc:
            self.notify(str(exc), title="Not changed", severity="error")
            return
        self.saved(done)

    @on(Input.Changed, "#table-filter")
    def on_filter_changed(self) -> None:
        self.reload(keep=0)

    @on(Input.Submitted, "#table-filter")
    def on_filter_submitted(self) -> None:
        self.table.focus()

    @on(DataTable.RowSelected)
    def on_row_selected(self) -> None:
        self.action_edit()

    def action_focus_filter(self) -> None:
        self.filter_box.focus()

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
        self.saved(f"{verb}: {description}")
