"""``workbench notes``: list, add, edit and delete translator notes in the workspace."""

from __future__ import annotations

import argparse
import getpass
import json

from workbench.cli._progress import StderrProgress
from workbench.core.model import Note
from workbench.workspace import open_workspace


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "notes",
        help="list, add, edit and delete translator notes",
        description="Translator notes on source segments (SRC_INDEX counts from 0, as in "
        "`workbench segment`). Every change can be undone in the editor.",
    )
    actions = parser.add_subparsers(dest="notes_action", metavar="ACTION", required=True)

    listing = actions.add_parser("list", help="list notes")
    listing.add_argument("--segment", type=int, metavar="N",
                         help="only notes on source segment N")
    listing.add_argument("--translation", metavar="NAME",
                         help="only notes on the source and on this translation")
    listing.add_argument("--json", action="store_true", help="print a JSON list")
    listing.set_defaults(func=run_list)

    add = actions.add_parser("add", help="add a note on a source segment")
    add.add_argument("src_index", type=int, metavar="SRC_INDEX")
    add.add_argument("text", metavar="TEXT")
    add.add_argument("--translation", metavar="NAME",
                     help="tie the note to one translation")
    add.add_argument("--author", metavar="A", help="author (default: your login name)")
    add.set_defaults(func=run_add)

    edit = actions.add_parser("edit", help="change a note's text")
    edit.add_argument("note_id", type=int, metavar="ID")
    edit.add_argument("text", metavar="TEXT")
    edit.set_defaults(func=run_edit)

    delete = actions.add_parser("delete", help="delete a note")
    delete.add_argument("note_id", type=int, metavar="ID")
    delete.set_defaults(func=run_delete)

    for action in actions.choices.values():
        action.add_argument("--workspace", metavar="PATH", default=argparse.SUPPRESS,
                            help="the workspace (also accepted before the command)")


def note_as_json(note: Note) -> dict[str, object]:
    return {"id": note.id, "src_index": note.src_index, "translation": note.translation,
            "author": note.author, "created": note.created, "modified": note.modified,
            "text": note.text}


def describe(note: Note) -> str:
    """One note as a header line and its text, indented."""
    parts = [f"#{note.id}", f"src {note.src_index}"]
    if note.translation:
        parts.append(f"[{note.translation}]")
    if note.author:
        parts.append(note.author)
    parts.append(note.modified or note.created)
    body = "\n".join(f"    {line}" for line in note.text.splitlines() or [""])
    return "  ".join(parts) + "\n" + body


def _login_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return ""


def run_list(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace, progress=StderrProgress()) as store:
        notes = store.notes(args.segment, translation=args.translation)
    if args.json:
        print(json.dumps([note_as_json(n) for n in notes], ensure_ascii=False, indent=2))
    elif not notes:
        print("No notes.")
    else:
        for note in notes:
            print(describe(note))
    return 0


def run_add(args: argparse.Namespace) -> int:
    author = args.author if args.author is not None else _login_name()
    with open_workspace(args.workspace, progress=StderrProgress()) as store:
        note = store.add_note(args.src_index, args.text, author=author,
                              translation=args.translation)
    print(f"added note #{note.id} on source segment {note.src_index}")
    return 0


def run_edit(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace, progress=StderrProgress()) as store:
        note = store.update_note(args.note_id, args.text)
    print(f"updated note #{note.id}")
    return 0


def run_delete(args: argparse.Namespace) -> int:
    with open_workspace(args.workspace, progress=StderrProgress()) as store:
        store.delete_note(args.note_id)
    print(f"deleted note #{args.note_id}")
    return 0
