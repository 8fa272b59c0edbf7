"""``workbench import FILE``: read an exported file back into the workspace."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from workbench.cli._progress import StderrProgress
from workbench.formats.importing import ImportSummary, import_file
from workbench.store import Store
from workbench.workspace import open_workspace


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a TMX, PO, XLIFF, TBX, CSV or TSV file into the workspace",
        description=(
            "Read FILE and add it to the workspace: an aligned translation (.tmx, .po, "
            ".xlf/.xliff) becomes a new translation; a glossary (.tbx, .csv, .tsv, or a "
            "glossary .po) replaces the glossary (undoable). With --workspace PATH naming a "
            "file that does not exist yet, a new workspace is created from FILE. A bad file "
            "is reported with its line and changes nothing."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="the file to import")
    parser.add_argument("--translation", metavar="NAME",
                        help="name of the imported translation (default: the name in FILE)")
    parser.add_argument("--workspace", metavar="PATH", default=argparse.SUPPRESS,
                        help="the workspace (also accepted before the command)")
    parser.add_argument("--update", action="store_true",
                        help="update the translation of that name if the workspace has it "
                        "(English text, link and segment statuses, new notes; the alignment "
                        "must be unchanged)")
    parser.set_defaults(func=run)


def describe(summary: ImportSummary, file: str) -> str:
    if summary.translation is None:
        return f"{file}: glossary replaced with {summary.terms} entries"
    if summary.updated_segments is not None:
        return (f"{file}: translation {summary.translation!r} updated "
                f"({summary.updated_segments} segments edited, {summary.notes} new notes)")
    text = (f"{file}: translation {summary.translation!r} imported "
            f"({summary.links} links, {summary.notes} new notes)")
    if summary.created_source:
        text += "; the Russian source was rebuilt from the file"
    return text


def run(args: argparse.Namespace) -> int:
    target = Path(args.workspace) if args.workspace else None
    if target is not None and not target.exists():
        return _import_into_new(target, args)
    with open_workspace(args.workspace, progress=StderrProgress()) as store:
        summary = import_file(store, args.file, args.translation, update=args.update)
    print(describe(summary, args.file))
    return 0


def _import_into_new(target: Path, args: argparse.Namespace) -> int:
    """Create the workspace at ``target`` and import into it; on failure, leave no file."""
    from workbench.formats.importing import creation_time_of

    created = creation_time_of(args.file)
    try:
        with Store.create(target, created=created) as store:
            summary = import_file(store, args.file, args.translation)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{target}{suffix}").unlink()
        raise
    print(describe(summary, args.file))
    return 0
