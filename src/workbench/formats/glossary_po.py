"""The glossary as a gettext PO file (through polib), writer and reader.

One entry per glossary term: the Russian term is ``msgid``, the first approved
English rendering ``msgstr``. Extracted comments keep the rest, one field per
line: ``definition:``, ``also:`` (further approved renderings, ``|``-separated),
``forbidden:``, ``part of speech:`` and ``case-sensitive``. The entry's note is
the translator comment; a proposed (not yet approved) entry is ``fuzzy``. When
two entries share a Russian term, their part of speech is the ``msgctxt``
(numbered if that is shared too), so no two entries have the same context and id.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

import polib

from workbench import __version__
from workbench.core.model import GlossaryEntry
from workbench.formats import stamps
from workbench.formats.po import PLURAL_FORMS, parse_po
from workbench.textio import InputError

TERM_SEPARATOR = " | "
_FIELDS = ("definition", "also", "forbidden", "part of speech")
CASE_SENSITIVE = "case-sensitive"


def write_glossary_po(entries: Sequence[GlossaryEntry], *, project: str, created: str) -> bytes:
    """The PO file for a glossary. ``created`` (ISO 8601) dates the header."""
    date = stamps.po_date(created)
    po = polib.POFile(wrapwidth=0)
    po.header = f"{project}: Russian-English glossary, written by workbench."
    po.metadata = {
        "Project-Id-Version": f"{project} glossary",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": date,
        "PO-Revision-Date": date,
        "Last-Translator": "workbench",
        "Language-Team": "English",
        "Language": "en",
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
        "X-Generator": f"workbench {__version__}",
        "X-Source-Language": "ru",
        "X-Workbench-Project": project,
    }
    repeated = Counter(entry.source for entry in entries)
    used_contexts: set[tuple[str, str]] = set()
    for entry in entries:
        if not entry.source:
            raise ValueError("a glossary entry has an empty Russian term")
        comments = []
        if entry.definition:
            comments.append(f"definition: {entry.definition}")
        if len(entry.targets) > 1:
            comments.append(f"also: {TERM_SEPARATOR.join(entry.targets[1:])}")
        if entry.forbidden:
            comments.append(f"forbidden: {TERM_SEPARATOR.join(entry.forbidden)}")
        if entry.pos:
            comments.append(f"part of speech: {entry.pos}")
        if entry.case_sensitive:
            comments.append(CASE_SENSITIVE)
        context = None
        if repeated[entry.source] > 1:
            context = base = entry.pos or "-"
            number = 2
            while (entry.source, context) in used_contexts:
                context, number = f"{base} ({number})", number + 1
            used_contexts.add((entry.source, context))
        po.append(
            polib.POEntry(
                msgctxt=context,
                msgid=entry.source,
                msgstr=entry.targets[0] if entry.targets else "",
                comment="\n".join(comments),
                tcomment=entry.note,
                flags=["fuzzy"] if entry.status == "proposed" else [],
            )
        )
    return str(po).encode("utf-8")


def _fields(comment: str) -> tuple[dict[str, str], bool]:
    fields: dict[str, str] = {}
    case_sensitive = False
    current: str | None = None
    for line in comment.split("\n"):
        if line == CASE_SENSITIVE:
            case_sensitive = True
            current = None
            continue
        name, sep, value = line.partition(": ")
        if sep and name in _FIELDS:
            fields[name] = value
            current = name
        elif current is not None:
            fields[current] += "\n" + line
    return fields, case_sensitive


def _terms(value: str) -> tuple[str, ...]:
    """``|``-separated terms; a line break inside a term (a PO editor that wraps long
    comments puts one where there was a space) is a space."""
    return tuple(t.strip().replace("\n", " ") for t in value.split("|") if t.strip())


def read_glossary_po(data: bytes, path: str) -> list[GlossaryEntry]:
    """Read a glossary PO file written by :func:`write_glossary_po` (or edited since)."""
    po = parse_po(data, path)
    entries = []
    for item in po:
        if item.obsolete:
            continue
        if not item.msgid.strip():
            raise InputError(path, "empty Russian term (msgid)", item.linenum)
        fields, case_sensitive = _fields(item.comment or "")
        targets = tuple(t for t in (item.msgstr.strip(), *_terms(fields.get("also", ""))) if t)
        if not targets:
            raise InputError(path, f"term {item.msgid!r} has no English (msgstr)", item.linenum)
        entries.append(
            GlossaryEntry(
                source=item.msgid,
                targets=targets,
                forbidden=_terms(fields.get("forbidden", "")),
                pos=fields.get("part of speech", "").strip(),
                definition=fields.get("definition", ""),
                note=item.tcomment or "",
                case_sensitive=case_sensitive,
                status="proposed" if item.fuzzy else "approved",
            )
        )
    return entries
