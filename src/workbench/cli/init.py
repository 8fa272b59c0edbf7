"""``workbench init [DIR]``: build a workspace from seeds/ and corpus/."""

from __future__ import annotations

import argparse
from pathlib import Path

from workbench.cli._progress import StderrProgress
from workbench.workspace import SEED_WORKSPACE_NAME, build_seed_workspace, default_workspace_path


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "init",
        help="build the seed workspace from seeds/ and corpus/",
        description=(
            "Build a workspace from seeds/ and corpus/: segment the texts, align each "
            "translation, find the quotations, load the glossary and the translators' notes. "
            f"The workspace is DIR/{SEED_WORKSPACE_NAME}; without DIR it is --workspace PATH "
            "if given, else the default location."
        ),
    )
    parser.add_argument("dir", nargs="?", metavar="DIR", help="folder to build the workspace in")
    parser.add_argument("--force", action="store_true",
                        help="replace an existing workspace (its edits are lost)")
    parser.set_defaults(func=run)


def target_path(args: argparse.Namespace) -> Path:
    """Where ``init`` builds: DIR, else the global --workspace, else the default."""
    if args.dir is not None:
        return Path(args.dir).expanduser() / SEED_WORKSPACE_NAME
    if getattr(args, "workspace", None):
        return Path(args.workspace).expanduser()
    return default_workspace_path()


def run(args: argparse.Namespace) -> int:
    path = build_seed_workspace(target_path(args), progress=StderrProgress(), force=args.force)
    print(path)
    return 0
