"""Aligned text as a gettext PO file (through polib), one file per translation.

One entry per alignment link:

* ``msgctxt`` identifies the link: ``link 0017: ru 12-13, en 14`` (link number,
  then the Russian and English sentence indices, ``-`` for an empty side), so no
  two entries share a context;
* ``msgid`` is the Russian, ``msgstr`` the English (empty for a 1-0 link). A 0-1
  link has no Russian, but gettext reserves the empty ``msgid`` for the header, so
  its ``msgid`` is the marker :data:`NO_SOURCE_MARKER`; the ``ru -`` in the
  context is what marks the side as empty;
* translator notes are translator comments (``# [sentence 12; by …] text``);
* a first extracted comment ``#. workbench: …`` keeps the link score and status,
  the English segment statuses, the sentence lengths of a joined side and the
  text before each Russian sentence when it is not a single space (JSON);
  further extracted comments give the provenance of quotations and QA findings;
* links not yet confirmed are ``fuzzy``; links inside a quotation taken from
  English carry the flag ``via-english``.
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Sequence

import polib

from workbench import __version__
from workbench.core.model import Finding, LinkStatus, ProjectSnapshot, Translation
from workbench.formats import aligned, stamps
from workbench.textio import InputError, decode_text

NO_SOURCE_MARKER = "[no Russian source]"
VIA_ENGLISH_FLAG = "via-english"
FUZZY_FLAG = "fuzzy"
METADATA_PREFIX = "workbench: "
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
SOURCE_END_FIELD = "X-Workbench-Source-End"
UNKNOWN_TRANSLATOR = "unknown"

_CONTEXT = re.compile(r"link (\d+): ru (-|\d+(?:-\d+)?), en (-|\d+(?:-\d+)?)")
# The link fields the ``workbench:`` comment keeps (the link type and the sentence
# indices are in the msgctxt), by their names in the comment.
PO_FIELD_NAMES = {
    "score": "score",
    "link-status": "status",
    "segment-status": "segments",
    "ru-lengths": "ru lengths",
    "en-lengths": "en lengths",
    "ru-gaps": "ru gaps",
}
METADATA_KEYS = tuple(PO_FIELD_NAMES.values())
# How the other extracted comments begin (see aligned.describe_quotation and
# aligned.describe_finding).
_OTHER_COMMENT_PREFIXES = ("quotation ", "QA ")


def link_context(index: int, src: Sequence[int], tgt: Sequence[int]) -> str:
    return f"link {index + 1:04d}: ru {aligned.format_range(src)}, en {aligned.format_range(tgt)}"


def po_header(project: str, translation: Translation, created: str) -> dict[str, str]:
    date = stamps.po_date(created)
    translator = translation.document.translator or UNKNOWN_TRANSLATOR
    return {
        "Project-Id-Version": f"{project} ({translation.name})",
        "Report-Msgid-Bugs-To": "",
        "POT-Creation-Date": date,
        "PO-Revision-Date": date,
        "Last-Translator": translator,
        "Language-Team": "English",
        "Language": aligned.TARGET_LANG,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": PLURAL_FORMS,
        "X-Generator": f"workbench {__version__}",
        "X-Source-Language": aligned.SOURCE_LANG,
        "X-Workbench-Project": project,
        "X-Workbench-Translation": translation.name,
    }


def write_po(
    snapshot: ProjectSnapshot,
    translation: Translation,
    *,
    created: str,
    findings: Sequence[Finding] = (),
) -> bytes:
    """The PO file for one translation. ``created`` (ISO 8601) dates the header."""
    po = polib.POFile(wrapwidth=0)
    po.header = (
        f"{snapshot.name}: English translation {translation.name!r} aligned to the Russian.\n"
        "Written by workbench; import it back with `workbench import`."
    )
    po.metadata = po_header(snapshot.name, translation, created)
    end = aligned.document_end(snapshot.source)
    if end:
        po.metadata[SOURCE_END_FIELD] = aligned.format_text(end)
    for unit in aligned.export_units(snapshot, translation, findings):
        fields = [f"{PO_FIELD_NAMES[name]} {value}" for name, value in unit.fields
                  if name in PO_FIELD_NAMES]
        comments = [METADATA_PREFIX + "; ".join(fields)]
        comments += [aligned.describe_quotation(q) for q in unit.quotations]
        comments += [aligned.describe_finding(f) for f in unit.findings]
        flags = []
        if unit.link.status is LinkStatus.AUTOMATIC:
            flags.append(FUZZY_FLAG)
        if any(q.via_english for q in unit.quotations):
            flags.append(VIA_ENGLISH_FLAG)
        po.append(
            polib.POEntry(
                msgctxt=link_context(unit.index, unit.link.src, unit.link.tgt),
                msgid=unit.source if unit.link.src else NO_SOURCE_MARKER,
                msgstr=unit.target or "",
                tcomment=_comment_text("\n".join(aligned.format_note(n) for n in unit.notes)),
                comment=_comment_text("\n".join(c.replace("\n", " ") for c in comments)),
                flags=flags,
            )
        )
    return str(po).encode("utf-8")


def parse_po(data: bytes, path: str) -> polib.POFile:
    """Parse PO bytes with polib, turning its syntax errors into :class:`InputError`.

    polib splits text it is given as a string at every Unicode line boundary
    (U+0085, U+2028…), which may occur inside a message; gettext only ends lines
    at ``\\n``. So the text goes through a temporary file, which polib reads with
    ordinary newlines.
    """
    text = decode_text(data, path)
    handle, temporary = tempfile.mkstemp(prefix="workbench-", suffix=".po")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(text.encode("utf-8"))
        return polib.pofile(temporary, encoding="utf-8")
    except (OSError, ValueError) as exc:
        message = str(exc)
        match = re.search(r"\(line (\d+)\)", message)
        line = int(match.group(1)) if match else None
        detail = message.split(":", 1)[1].strip() if ":" in message else message
        detail = detail.replace(temporary, path)
        raise InputError(path, f"not a valid PO file: {detail}", line) from None
    finally:
        os.unlink(temporary)


def _comment_text(text: str) -> str:
    """Comment text as polib can read it back: no carriage returns (comments cannot
    escape them)."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _metadata(comment: str) -> dict[str, str]:
    """The fields of the ``workbench:`` comment. A PO editor that wraps long comments
    breaks it over several lines at spaces; the lines up to the next comment of its
    own (a quotation or a QA finding) are joined back with spaces."""
    lines = comment.split("\n")
    for start, line in enumerate(lines):
        if line.startswith(METADATA_PREFIX):
            joined = line
            for more in lines[start + 1 :]:
                if more.startswith(_OTHER_COMMENT_PREFIXES):
                    break
                joined += " " + more
            fields: dict[str, str] = {}
            for part in joined[len(METADATA_PREFIX) :].split("; "):
                for key in METADATA_KEYS:
                    if part.startswith(key + " "):
                        fields[key] = part[len(key) + 1 :].strip()
            return fields
    return {}


def _split_notes(tcomment: str) -> list[str]:
    notes: list[str] = []
    for line in tcomment.split("\n"):
        if not notes or line.startswith("[sentence"):
            notes.append(line)
        else:
            notes[-1] += "\n" + line
    return [n for n in notes if n.strip()]


def read_po(data: bytes, path: str) -> aligned.AlignedImport:
    """Read a PO file written by :func:`write_po` (possibly edited in a PO editor).

    Removing ``fuzzy`` from an entry confirms its link; adding it makes the link
    automatic again.
    """
    po = parse_po(data, path)
    translation_name = po.metadata.get("X-Workbench-Translation", "")
    units: list[aligned.ImportedUnit] = []
    seen_contexts: dict[str, int] = {}
    for entry in po:
        line = entry.linenum
        if entry.obsolete:
            continue
        context = entry.msgctxt or ""
        match = _CONTEXT.fullmatch(context)
        if match is None:
            raise InputError(
                path,
                f"msgctxt {context!r} does not identify a link (like 'link 0001: ru 0, en 0')",
                line,
            )
        if context in seen_contexts:
            raise InputError(
                path, f"link {context!r} appears twice (also at line {seen_contexts[context]})",
                line,
            )
        seen_contexts[context] = line
        src = aligned.parse_range(match.group(2), path, line, "msgctxt")
        tgt = aligned.parse_range(match.group(3), path, line, "msgctxt")
        in_comment = _metadata(entry.comment or "")
        fields = {name: in_comment[key] for name, key in PO_FIELD_NAMES.items()
                  if key in in_comment}
        ru_text = entry.msgid if src else ""
        if not src and entry.msgid != NO_SOURCE_MARKER:
            raise InputError(
                path, f"a link without Russian must have msgid {NO_SOURCE_MARKER!r}", line
            )
        recorded = aligned.parse_link_status(fields.get("link-status", "automatic"), path, line)
        if entry.fuzzy:
            status = LinkStatus.AUTOMATIC
        elif recorded is LinkStatus.AUTOMATIC:
            status = LinkStatus.CONFIRMED
        else:
            status = recorded
        default_src = src[0] if src else 0
        notes = [
            aligned.parse_note(text, translation_name, default_src)
            for text in _split_notes(entry.tcomment or "")
        ]
        units.append(
            aligned.imported_unit(
                path, line, src, tgt, (ru_text, entry.msgstr), fields,
                labels=("msgid", "msgstr"),
                status=status,
                segment_statuses=aligned.parse_segment_statuses(
                    fields.get("segment-status", ""), len(tgt), path, line
                ),
                notes=notes,
            )
        )
    translator = po.metadata.get("Last-Translator", "")
    if translator == UNKNOWN_TRANSLATOR:
        translator = ""
    return aligned.AlignedImport(
        path=path,
        project=po.metadata.get("X-Workbench-Project", ""),
        translation=translation_name,
        units=units,
        created=stamps.from_po_date(po.metadata.get("POT-Creation-Date", "")),
        source_end=aligned.parse_text(po.metadata.get(SOURCE_END_FIELD, ""), path),
        translator=translator,
    )
