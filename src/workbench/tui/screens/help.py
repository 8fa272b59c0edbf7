"""The help screen: every key binding of the workbench, generated from the bindings."""

from __future__ import annotations

from typing import ClassVar

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from workbench.tui.commands import key_label


def binding_sections() -> list[tuple[str, list[tuple[str, str]]]]:
    """(section title, [(keys, description)]) for every screen and widget with bindings."""
    from workbench.tui.screens.dialogs import NoteDialog, TermDialog
    from workbench.tui.screens.glossary import GlossaryScreen
    from workbench.tui.screens.main import MainScreen
    from workbench.tui.screens.notes import NotesScreen
    from workbench.tui.widgets.segment_editor import SegmentEditor
    from workbench.tui.widgets.segment_grid import SegmentGrid

    sources: list[tuple[str, list[BindingType]]] = [
        ("Moving in the grid", SegmentGrid.BINDINGS),
        ("Main screen", MainScreen.BINDINGS),
        ("Editing the English (in the editor)", SegmentEditor.BINDINGS),
        ("Glossary screen", GlossaryScreen.BINDINGS),
        ("Notes screen", NotesScreen.BINDINGS),
        ("Note and term dialogs", [*NoteDialog.BINDINGS, *TermDialog.BINDINGS]),
        ("Everywhere", [Binding("ctrl+p", "command_palette", "Command palette (every action)")]),
    ]
    sections = []
    for title, bindings in sources:
        rows: list[tuple[str, str]] = []
        for binding in bindings:
            if isinstance(binding, Binding) and binding.description:
                row = (key_label(binding.key), binding.tooltip or binding.description)
                if row not in rows:
                    rows.append(row)
        sections.append((title, rows))
    return sections


KEYS_WIDTH = 18
"""Cells of the keys column after its two-cell indent; descriptions wrap under their own
column."""


def help_content() -> Group:
    """The help: one table per section (keys, then what they do), then the badges."""
    parts: list[RenderableType] = []
    for title, rows in binding_sections():
        parts.append(Text(title, style="bold underline"))
        table = Table.grid(padding=(0, 0, 0, 2), pad_edge=True)
        table.add_column(min_width=KEYS_WIDTH + 2, max_width=KEYS_WIDTH + 2, style="bold cyan")
        table.add_column(ratio=1)
        for keys, description in rows:
            table.add_row(Text(keys), Text(description))
        parts.append(table)
        parts.append(Text())
    badges = Table.grid(padding=(0, 0, 0, 2), pad_edge=True)
    badges.add_column(min_width=KEYS_WIDTH + 2, max_width=KEYS_WIDTH + 2, style="bold")
    badges.add_column(ratio=1)
    badges.add_row(Text("Badges in the grid"),
                   Text("~ low confidence  Q quotation taken from English  N note  "
                        "! QA finding  = confirmed link  d/T/R draft/translated/reviewed"))
    badges.add_row(Text("Tab"),
                   Text("moves between the grid and the detail panel (arrows then scroll the "
                        "panel); Escape in the editor asks before dropping unsaved changes."))
    parts.append(badges)
    return Group(*parts)


class HelpScreen(ModalScreen[None]):
    """Lists every binding; Escape, q or ? leaves."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark", "close", "Leave help"),
    ]

    DEFAULT_CSS = """
    HelpScreen { align: center middle; }
    HelpScreen > VerticalScroll {
        width: 90%; height: 90%; border: thick $primary; background: $surface; padding: 0 1;
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll():
            yield Static(help_content(), id="help-text")

    def action_close(self) -> None:
        self.dismiss(None)
