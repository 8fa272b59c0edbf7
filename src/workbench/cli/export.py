"""``workbench export FORMAT``: write the workspace as TMX, PO, XLIFF, TBX, CSV/TSV files."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from workbench.cli._progress import StderrProgress
from workbench.formats.exporting import ALL, FORMATS, export_snapshot
from workbench.textio import InputError
from workbench.workspace import open_workspace


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "export",
        help="export the workspace as TMX, PO, XLIFF, TBX or a glossary spreadsheet",
        description=(
            "Write exports of the workspace into DIR (default exports/): per translation "
            "NAME.tmx (TMX 1.4b), NAME.po (gettext PO), NAME.xlf (XLIFF 2.1), NAME.xliff12.xlf "
            "(XLIFF 1.2); for the glossary glossary.tbx (TBX-Basic), glossary.csv, "
            "glossary.tsv and glossary.po. Files are dated with the workspace's creation "
            "time, so the same workspace always gives the same bytes."
        ),
    )
    parser.add_argument("format", choices=[*FORMATS, ALL], metavar="FORMAT",
                        help=f"one of {', '.join(FORMATS)}, or {ALL}")
    parser.add_argument("--translation", metavar="NAME",
                        help="export only this translation (per-translation formats)")
    parser.add_argument("--workspace", metavar="PATH", default=argparse.SUPPRESS,
                        help="the workspace (also accepted before the command)")
    parser.add_argument("--out", metavar="DIR", default="exports",
                        help="output directory (default: exports/)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace, progress=StderrProgress()) as store:
        snapshot = store.snapshot()
        created = store.created
        where = store.path
    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise InputError(out, "is not a directory")
    try:
        result = export_snapshot(snapshot, args.format, out, created=created,
                                 translation=args.translation)
    except KeyError:
        names = ", ".join(t.name for t in snapshot.translations) or "none"
        raise InputError(where, f"no translation named {args.translation!r} "
                         f"(have: {names})") from None
    except OSError as exc:
        raise InputError(out, exc.strerror or str(exc)) from None
    for path in result.written:
        print(path)
    for reason in result.skipped:
        print(f"workbench: skipped {reason}", file=sys.stderr)
    return 0 if result.written or not result.skipped else 1
