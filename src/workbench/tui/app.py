"""The Textual application: opens (or first builds) a workspace and shows the main screen."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, WorkerState

from workbench.store import Store
from workbench.tui.commands import WorkbenchCommands
from workbench.tui.screens.main import MainScreen
from workbench.tui.state import ViewPosition, WorkbenchState

BuildFunction = Callable[[Path, Callable[[str, int, int], None]], object]
"""Builds a workspace at a path, reporting (what, done, total) as it goes."""


class BuildScreen(Screen[None]):
    """Shown while the workspace is built for the first time: what is being done and a bar."""

    DEFAULT_CSS = """
    BuildScreen { align: center middle; }
    BuildScreen > Vertical { width: 70; height: auto; border: thick $primary; padding: 1 2; }
    BuildScreen Label { width: 1fr; }
    """

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label("Building the workspace (first start only)", classes="dialog-title")
            yield Label(str(self.path))
            yield Label("starting…", id="build-step")
            yield ProgressBar(total=None, show_eta=False, id="build-progress")

    def report(self, what: str, done: int, total: int) -> None:
        self.query_one("#build-step", Label).update(what)
        self.query_one("#build-progress", ProgressBar).update(total=total, progress=done)


class WorkbenchApp(App[int]):
    """The translator's workbench on one workspace file."""

    TITLE = "workbench"
    CSS_PATH = "workbench.tcss"
    COMMANDS: ClassVar = App.COMMANDS | {WorkbenchCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+p", "command_palette", "Commands", show=False, priority=True),
    ]

    def __init__(self, path: Path, *, build: BuildFunction | None = None,
                 author: str = "") -> None:
        super().__init__()
        self.workspace_path = path
        self.build = build
        self.author = author
        self.store: Store | None = None
        self.main_screen: MainScreen | None = None
        self._switch_interval = sys.getswitchinterval()

    SWITCH_INTERVAL = 0.001
    """Seconds a thread may keep the interpreter while another waits for it (Python's
    default is 0.005). While QA works in a thread, the screen's thread waits up to this
    long each time it takes the interpreter back, several times per keypress."""

    def on_mount(self) -> None:
        self._switch_interval = sys.getswitchinterval()
        sys.setswitchinterval(min(self._switch_interval, self.SWITCH_INTERVAL))
        if self.workspace_path.exists() or self.build is None:
            self.open_workspace()
        else:
            self.push_screen(BuildScreen(self.workspace_path))
            self._build_worker()

    @work(thread=True, exclusive=True, group="build", exit_on_error=False)
    def _build_worker(self) -> None:
        screen = self.screen
        assert self.build is not None

        def progress(what: str, done: int, total: int) -> None:
            if isinstance(screen, BuildScreen):
                self.call_from_thread(screen.report, what, done, total)

        self.build(self.workspace_path, progress)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group != "build":
            return
        if event.state is WorkerState.SUCCESS:
            self.pop_screen()
            self.open_workspace()
        elif event.state is WorkerState.ERROR:
            self.exit(2, message=f"workbench: cannot build {self.workspace_path}: "
                      f"{event.worker.error}")

    def open_workspace(self) -> None:
        """Open the workspace where the translator left it (translation and segment)."""
        self.store = Store.open(self.workspace_path)
        position = ViewPosition.saved(self.store)
        if position is None:
            self.main_screen = MainScreen(WorkbenchState(self.store))
        else:
            self.main_screen = MainScreen(WorkbenchState(self.store, position.translation_name),
                                          start_link=position.link_index)
        self.push_screen(self.main_screen)

    def on_unmount(self) -> None:
        sys.setswitchinterval(self._switch_interval)
        if self.store is not None:
            if self.main_screen is not None:
                self.main_screen.remember_position()
            self.store.close()
