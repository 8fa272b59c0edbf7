"""``workbench open PATH`` (and ``workbench`` alone): the terminal UI on a workspace."""

from __future__ import annotations

import argparse
import getpass
from pathlib import Path

from workbench.textio import InputError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "open",
        help="open a workspace in the terminal UI",
        description="Open the workspace file PATH in the terminal UI. Without a sub-command, "
        "workbench opens the shipped seed workspace (building it on first use).",
    )
    parser.add_argument("path", metavar="PATH", help="workspace file to open")
    parser.set_defaults(func=lambda args: open_workspace(args, Path(args.path)))


def _author() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def open_workspace(args: argparse.Namespace, path: Path | None) -> int:
    """Run the UI on ``path``; with ``None``, on ``--workspace`` or the seed workspace,
    which is built first (with a progress display) when it does not exist yet."""
    from workbench.tui.app import WorkbenchApp
    from workbench.workspace import build_seed_workspace, default_workspace_path

    chosen = path if path is not None else getattr(args, "workspace", None)
    if chosen is not None:
        target = Path(chosen).expanduser()
        if not target.exists():
            raise InputError(target, "no such workspace (build one with `workbench init`)")
        app = WorkbenchApp(target, author=_author())
    else:
        target = default_workspace_path()
        app = WorkbenchApp(
            target,
            build=lambda where, progress: build_seed_workspace(where, progress=progress),
            author=_author(),
        )
    result = app.run()
    if app.return_code not in (None, 0):
        return app.return_code or 1
    return int(result or 0)
