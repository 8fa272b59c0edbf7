"""``workbench import FILE``: read an exported file back into the workspace."""

from __future__ import annotations

import argparse
import contextlib
from pathlib import Path

from workbench.cli._progress import StderrProgress
from workbench.formats.importing import import_file
from workbench.store import Store
from workbench.workspace import open_workspace


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "import",
        help="import a TMX, PO, XLIFF, TBX, CSV or TSV file into the workspace",
        description=(
            "Read FILE and add it to the workspace: an aligned translation (.tmx, .po, "
            ".xlf/.xliff) becomes a new translation; a glossary (.tbx, .csv, .tsv, or a "
            "glossary .po) is merged into the glossary, or replaces it with --replace "
            "(undoable). With --workspace PATH naming a file that does not exist yet, a new "
            "workspace is created from FILE. A bad file "
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
    parser.add_argument("--replace", action="store_true",
                        help="a glossary file replaces the whole glossary (default: new terms "
                        "are added and the same terms updated)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    target = Path(args.workspace) if args.workspace else None
    if target is not None and not target.exists():
        return _import_into_new(target, args)
    with open_workspace(args.workspace, progress=StderrProgress()) as store:
        summary = import_file(store, args.file, args.translation, update=args.update,
                              replace=args.replace)
    print(summary.describe(args.file))
    return 0


def _import_into_new(target: Path, args: argparse.Namespace) -> int:
    """Create the workspace at ``target`` and import into it; on failure, leave no file."""
    from workbench.formats.importing import creation_time_of

    created = creation_time_of(args.file)
    try:
        with Store.create(target, created=created) as store:
            summary = import_file(store, args.file, args.translation, replace=args.replace)
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{target}{suffix}").unlink()
        raise
    print(summary.describe(args.file))
    return 0
