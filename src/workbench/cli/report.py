"""``workbench report``: the alignment quality report of the workspace (HTML, Markdown, JSON)."""

from __future__ import annotations

import argparse
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from workbench.textio import InputError


def register(sub: Any) -> None:
    parser = sub.add_parser(
        "report",
        help="write the alignment quality report (report.html, report.md, report.json)",
        description="Write the alignment quality report of the workspace: link types, scores, "
        "suspect links, QA findings, quotations taken from English, glossary coverage, and "
        "chrF/BLEU/TER between the translations.",
    )
    parser.add_argument("--translation", metavar="NAME", help="report on this translation only")
    parser.add_argument(
        "--out", metavar="DIR", default="exports", help="output directory (default: exports/)"
    )
    parser.add_argument("--workspace", metavar="PATH", default=argparse.SUPPRESS,
                        help="the workspace (also accepted before the command)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from workbench.report import write_reports
    from workbench.workspace import open_workspace

    with open_workspace(args.workspace) as store:
        snapshot = store.snapshot()
    if args.translation is not None:
        chosen = [t for t in snapshot.translations if t.name == args.translation]
        if not chosen:
            names = ", ".join(t.name for t in snapshot.translations) or "none"
            raise InputError(
                store.path, f"no translation named {args.translation!r} (have: {names})"
            )
        snapshot = replace(snapshot, translations=chosen)
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError(out, "is not a directory")
    try:
        written = write_reports(snapshot, out)
    except OSError as exc:
        raise InputError(out, exc.strerror or str(exc)) from None
    for path in written:
        print(path, file=sys.stdout)
    return 0
