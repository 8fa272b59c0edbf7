"""``workbench glossary list|add|remove|import|export``: the workspace glossary."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from workbench.cli._progress import StderrProgress
from workbench.core.glossary import approved_and_forbidden, same_term, term_key
from workbench.core.model import GlossaryEntry
from workbench.formats.glossary_csv import (
    PARTS_OF_SPEECH,
    STATUSES,
    TERM_SEPARATOR,
    Dialect,
    write_glossary,
)
from workbench.store import Store
from workbench.textio import InputError


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "glossary",
        help="list, add, remove, import or export glossary terms",
        description="Manage the glossary of the workspace (see --workspace).",
    )
    actions = parser.add_subparsers(dest="glossary_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="print the glossary")
    listing.add_argument("--json", action="store_true", help="print a JSON list of entries")
    listing.set_defaults(func=run_list)

    add = actions.add_parser("add", help="add a term")
    add.add_argument("ru", metavar="RU", help="Russian term (one or several words)")
    add.add_argument(
        "en", metavar="EN", help=f"approved English term(s), '{TERM_SEPARATOR}'-separated"
    )
    add.add_argument(
        "--forbidden", default="", help=f"forbidden English variants, '{TERM_SEPARATOR}'-separated"
    )
    add.add_argument("--pos", default="", choices=("", *PARTS_OF_SPEECH), help="part of speech")
    add.add_argument("--definition", default="", help="definition")
    add.add_argument("--note", default="", help="note for translators")
    add.add_argument("--case-sensitive", action="store_true", help="match the capitalisation")
    add.add_argument("--status", default="approved", choices=STATUSES, help="default: approved")
    add.set_defaults(func=run_add)

    remove = actions.add_parser("remove", help="remove a term by id or by its Russian term")
    remove.add_argument("term", metavar="ID|RU", help="entry id (see list) or Russian term")
    remove.set_defaults(func=run_remove)

    for name, verb in (("import", "read"), ("export", "write")):
        sub = actions.add_parser(
            name,
            help=f"{verb} a glossary file"
            + (" (CSV, TSV, TBX or PO)" if name == "import" else " (CSV or TSV)"),
        )
        sub.add_argument("file", metavar="FILE")
        sub.add_argument(
            "--format",
            choices=("csv", "tsv"),
            help="spreadsheet format (default: from the extension: .tsv is TSV, .csv CSV)",
        )
        if name == "import":
            sub.add_argument(
                "--replace",
                action="store_true",
                help="replace the whole glossary (default: add new terms, update existing ones)",
            )
            sub.set_defaults(func=run_import)
        else:
            sub.set_defaults(func=run_export)

    for action in actions.choices.values():
        action.add_argument("--workspace", metavar="PATH", default=argparse.SUPPRESS,
                            help="the workspace (also accepted before the command)")


def _open(args: argparse.Namespace) -> Store:
    from workbench.workspace import open_workspace

    return open_workspace(getattr(args, "workspace", None), progress=StderrProgress())


def _terms(value: str) -> tuple[str, ...]:
    return tuple(term.strip() for term in value.split(TERM_SEPARATOR) if term.strip())


def entry_json(entry: GlossaryEntry) -> dict[str, object]:
    return {
        "id": entry.id,
        "ru": entry.source,
        "en": list(entry.targets),
        "forbidden": list(entry.forbidden),
        "pos": entry.pos,
        "definition": entry.definition,
        "note": entry.note,
        "case_sensitive": entry.case_sensitive,
        "status": entry.status,
    }


def print_entries(entries: Sequence[GlossaryEntry], out: TextIO) -> None:
    if not entries:
        out.write("The glossary is empty.\n")
        return
    width = max(len(e.source) for e in entries)
    for entry in entries:
        line = f"{entry.id or '':>4}  {entry.source:<{width}}  {' | '.join(entry.targets)}"
        extras = []
        if entry.forbidden:
            extras.append("not: " + " | ".join(entry.forbidden))
        if entry.pos:
            extras.append(entry.pos)
        if entry.case_sensitive:
            extras.append("case-sensitive")
        if entry.status != "approved":
            extras.append(entry.status)
        out.write(line + (f"  [{'; '.join(extras)}]" if extras else "") + "\n")


def run_list(args: argparse.Namespace) -> int:
    with _open(args) as store:
        entries = store.glossary()
    if args.json:
        json.dump([entry_json(e) for e in entries], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_entries(entries, sys.stdout)
    return 0


def run_add(args: argparse.Namespace) -> int:
    source = " ".join(args.ru.split())
    targets = _terms(args.en)
    if not source or not targets:
        raise InputError("glossary add", "a term needs a Russian and an English side")
    if TERM_SEPARATOR in source:
        raise InputError("glossary add", f"one Russian term per entry ('{TERM_SEPARATOR}' "
                         "separates English terms only)")
    entry = GlossaryEntry(
        source=source,
        targets=targets,
        forbidden=_terms(args.forbidden),
        pos=args.pos,
        definition=args.definition,
        note=args.note,
        case_sensitive=args.case_sensitive,
        status=args.status,
    )
    for term in approved_and_forbidden(entry):
        raise InputError("glossary add", f"'{term}' cannot be both approved and forbidden")
    with _open(args) as store, store.transaction():
        if any(same_term(entry, old) for old in store.glossary()):
            raise InputError(store.path, f"the glossary already has '{source}'")
        added = store.add_term(entry)
    print(f"Added {added.id}: {added.source} → {' | '.join(added.targets)}")
    return 0


def run_remove(args: argparse.Namespace) -> int:
    with _open(args) as store:
        entries = store.glossary()
        if args.term.isdigit():
            chosen = [e for e in entries if e.id == int(args.term)]
        else:
            wanted = term_key(args.term)
            chosen = [e for e in entries if term_key(e.source) == wanted]
        if not chosen:
            raise InputError(store.path, f"no glossary entry '{args.term}'")
        if len(chosen) > 1:
            ids = ", ".join(str(e.id) for e in chosen)
            raise InputError(store.path, f"'{args.term}' is ambiguous (entries {ids}); give the id")
        (entry,) = chosen
        assert entry.id is not None
        store.remove_term(entry.id)
    print(f"Removed {entry.id}: {entry.source}")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from workbench.formats.importing import import_glossary, read_glossary_path

    kind, imported = read_glossary_path(args.file, args.format)
    with _open(args) as store:
        summary = import_glossary(
            store, imported, kind=kind, file=args.file, replace=args.replace
        )
    print(summary.describe(args.file))
    return 0


def run_export(args: argparse.Namespace) -> int:
    dialect: Dialect | None = args.format
    target = Path(args.file)
    if not args.file or target.is_dir():
        raise InputError(args.file or "glossary export", "give a file name, not a folder")
    with _open(args) as store:
        entries = store.glossary()
    try:
        write_glossary(entries, target, dialect)
    except ValueError as exc:
        raise InputError(args.file, str(exc)) from None
    except (FileExistsError, NotADirectoryError):
        folder = next(p for p in target.parents if p.exists())
        raise InputError(folder, "is a file, not a folder") from None
    except OSError as exc:
        raise InputError(args.file, exc.strerror or str(exc)) from None
    print(f"Exported {len(entries)} entries to {args.file}")
    return 0
