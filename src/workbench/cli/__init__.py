"""The ``workbench`` command. Each sub-command lives in its own module in this package.

A command module defines ``register(subparsers) -> None``, which adds its parser
and sets ``func`` (taking the parsed ``argparse.Namespace`` and returning an exit
status). Modules are discovered, so adding a command means adding a file.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import sys
from collections.abc import Sequence

from workbench import __version__
from workbench.textio import InputError

EXIT_USAGE = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="workbench",
        description="Parallel-text translation workbench (Russian → English).",
    )
    parser.add_argument("--version", action="version", version=f"workbench {__version__}")
    parser.add_argument(
        "--workspace",
        metavar="PATH",
        help="workspace file to use instead of the shipped seed workspace",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        if info.name.startswith("_"):
            continue
        module = importlib.import_module(f"{__name__}.{info.name}")
        register = getattr(module, "register", None)
        if register is not None:
            register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        func = getattr(args, "func", None)
        if func is None:
            # No sub-command: open the terminal UI on the workspace.
            from workbench.cli._default import run_default

            func = run_default
        return int(func(args) or 0)
    except InputError as exc:
        print(f"workbench: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("workbench: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
