"""Snapshot tests of the terminal UI on the seed workspace (pytest-textual-snapshot).

The terminal size is fixed, nothing shows a clock or a temporary path, and the QA
worker is awaited before the picture is taken, so the pictures are deterministic.
Regenerate after a deliberate change with ``pytest tests/test_tui_snapshots.py
--snapshot-update`` and look at the pictures before committing them.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from workbench.tui.app import WorkbenchApp
from workbench.workspace import build_seed_workspace

SIZE = (150, 48)


@pytest.fixture(scope="module")
def built_seed_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("seed")
    return build_seed_workspace(folder / "seed.workbench.sqlite")


@pytest.fixture
def seed_workspace(built_seed_workspace: Path, tmp_path: Path) -> Path:
    """A fresh copy for each test (the app remembers where it was left)."""
    copy = tmp_path / built_seed_workspace.name
    shutil.copyfile(built_seed_workspace, copy)
    return copy


def after(*keys: str) -> Callable[[Pilot[Any]], Any]:
    """Wait for the background QA run, then press ``keys`` and wait again."""

    async def run(pilot: Pilot[Any]) -> None:
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()
        await pilot.pause()
        if keys:
            await pilot.press(*keys)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return run


def test_main_screen_on_the_seed(snap_compare: Any, seed_workspace: Path) -> None:
    assert snap_compare(WorkbenchApp(seed_workspace), terminal_size=SIZE, run_before=after())


def test_detail_panel_on_the_flagged_quotation(snap_compare: Any, seed_workspace: Path) -> None:
    assert snap_compare(WorkbenchApp(seed_workspace), terminal_size=SIZE,
                        run_before=after("n"))


def test_glossary_screen(snap_compare: Any, seed_workspace: Path) -> None:
    assert snap_compare(WorkbenchApp(seed_workspace), terminal_size=SIZE,
                        run_before=after("f2"))


def test_help_screen(snap_compare: Any, seed_workspace: Path) -> None:
    assert snap_compare(WorkbenchApp(seed_workspace), terminal_size=SIZE,
                        run_before=after("question_mark"))
