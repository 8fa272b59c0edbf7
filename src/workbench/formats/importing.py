"""Reading an exported file back into a workspace (``workbench import``).

The kind of file comes from its extension (``.tmx``, ``.po``, ``.xlf``/``.xliff``,
``.tbx``, ``.csv``, ``.tsv``); a PO file is an aligned translation when its
entries carry link contexts, else a glossary. The whole file is read and checked
before the workspace is touched, and the change is written in one transaction,
so a bad file leaves the workspace as it was.

* An aligned file (TMX, PO, XLIFF) adds a translation, or with ``update``
  brings an existing one up to date (text, statuses, notes). Into a workspace that
  has a source, the file's Russian must be that source, sentence for sentence.
  Into an empty workspace, the source is rebuilt from the file (its sentences
  and the text between them) and its quotations are found again.
* A glossary file (TBX, CSV, TSV, glossary PO) is merged into the glossary: new
  terms added, the same terms updated (or, with ``replace``, it replaces the
  glossary); one undoable step.
"""

from __future__ import annotations

import os
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.glossary import merge_glossaries
from workbench.core.model import (
    GlossaryEntry,
    Note,
    ProjectSnapshot,
    QuotationSpan,
    SegmentStatus,
)
from workbench.formats import aligned, glossary_po, po, tbx, tmx, xliff
from workbench.formats.glossary_csv import parse_glossary
from workbench.store import Store
from workbench.textio import InputError, decode_text, read_bytes

ALIGNED_KINDS = ("tmx", "po", "xliff")
GLOSSARY_KINDS = ("tbx", "glossary-csv", "glossary-tsv", "glossary-po")
_EXTENSIONS = {
    ".tmx": "tmx",
    ".po": "po",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".tbx": "tbx",
    ".csv": "glossary-csv",
    ".tsv": "glossary-tsv",
    ".tab": "glossary-tsv",
}


@dataclass(frozen=True, slots=True)
class ImportSummary:
    """What an import did, for the message the command prints."""

    kind: str
    translation: str | None
    links: int = 0
    notes: int = 0
    terms: int = 0
    created_source: bool = False
    updated_segments: int | None = None
    changed_link_statuses: int = 0
    changed_segment_statuses: int = 0
    replaced: bool = False
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    def describe(self, file: str) -> str:
        """One line telling the user what the import did."""
        if self.translation is None:
            if self.replaced:
                return f"{file}: glossary replaced with {self.terms} entries"
            return (f"{file}: {self.terms} glossary entries read: {self.added} added, "
                    f"{self.updated} updated, {self.unchanged} unchanged")
        if self.updated_segments is not None:
            return (f"{file}: translation {self.translation!r} updated "
                    f"({_count(self.updated_segments, 'segment')} edited, "
                    f"{_count(self.changed_link_statuses, 'link status', 'link statuses')} and "
                    f"{_count(self.changed_segment_statuses, 'segment status', 'segment statuses')}"
                    f" changed, {_count(self.notes, 'new note')})")
        text = (f"{file}: translation {self.translation!r} imported "
                f"({self.links} links, {self.notes} new notes)")
        if self.created_source:
            text += "; the Russian source was rebuilt from the file"
        return text


def file_kind(path: str | os.PathLike[str], data: bytes) -> str:
    """``tmx``, ``po``, ``xliff`` (aligned) or ``tbx``, ``glossary-csv``,
    ``glossary-tsv``, ``glossary-po`` (glossary)."""
    suffix = Path(path).suffix.lower()
    kind = _EXTENSIONS.get(suffix)
    if kind is None:
        known = ", ".join(sorted(_EXTENSIONS))
        raise InputError(path, f"unknown file type {suffix or '(no extension)'!r}; known: {known}")
    if kind == "po" and not _is_aligned_po(data):
        return "glossary-po"
    return kind


def _is_aligned_po(data: bytes) -> bool:
    return b"X-Workbench-Translation:" in data or b'msgctxt "link ' in data


def read_aligned(kind: str, data: bytes, path: str) -> aligned.AlignedImport:
    if kind == "tmx":
        return tmx.read_tmx(data, path)
    if kind == "po":
        return po.read_po(data, path)
    return xliff.read_xliff(data, path)


def read_glossary_file(kind: str, data: bytes, path: str) -> list[GlossaryEntry]:
    if kind == "tbx":
        return tbx.read_tbx(data, path)
    if kind == "glossary-po":
        return glossary_po.read_glossary_po(data, path)
    return parse_glossary(decode_text(data, path), path, "tsv" if kind == "glossary-tsv" else "csv")


def _find_quotations(text: str) -> list[QuotationSpan]:
    from workbench.core.quotes import find_quotations

    return list(find_quotations(text))


def _new_notes(notes: Sequence[Note], existing: Sequence[Note]) -> list[Note]:
    """Notes of the file that the workspace does not hold yet (general notes are shared).

    Texts are compared with runs of white space as one space, so a note whose lines a
    PO editor wrapped is the same note."""
    have = {_note_key(n) for n in existing}
    return [n for n in notes if _note_key(n) not in have]


def _note_key(note: Note) -> tuple[int, str | None, str]:
    return note.src_index, note.translation, " ".join(note.text.split())


def import_aligned(
    store: Store,
    imported: aligned.AlignedImport,
    name: str,
    *,
    update: bool = False,
) -> ImportSummary:
    """Add the translation in ``imported`` to the workspace under ``name`` (one
    transaction); with ``update``, an existing translation of that name is updated
    instead (:func:`update_translation`)."""
    if not name.strip():
        raise InputError(imported.path, "the file names no translation; give one with "
                         "--translation NAME")
    translation, notes = aligned.build_translation(imported, name)
    translation.document.translator = imported.translator
    if store.is_empty():
        source = aligned.rebuild_source(imported, imported.project or "source")
        aligned.check_source(imported, [span.text for span in source.sentences])
        snapshot = ProjectSnapshot(
            name=imported.project or store.name,
            source=source,
            translations=[translation],
            notes=notes,
            quotations=_find_quotations(source.text),
        )
        store.load_snapshot(snapshot)
        return ImportSummary(imported_kind(imported), name, len(translation.links), len(notes),
                             created_source=True)
    if name in store.translation_names():
        if update:
            return update_translation(store, imported, name)
        raise InputError(imported.path, f"the workspace already has a translation named "
                         f"{name!r}; import under another name with --translation NEW, "
                         "or use --update to update it")
    aligned.check_source(imported, [span.text for span in store.source().sentences])
    fresh = _new_notes(notes, store.notes())
    # One transaction: the translation and its notes are added together or not at all.
    with store.transaction():
        store.add_translation(name, translation.document, translation.links,
                              segments=translation.segments, statuses=translation.statuses)
        for note in fresh:
            store.add_note(note.src_index, note.text, author=note.author,
                           translation=None if note.translation is None else name,
                           created=note.created or None, modified=note.modified or None)
    return ImportSummary(imported_kind(imported), name, len(translation.links), len(fresh))


def _count(number: int, one: str, many: str | None = None) -> str:
    return f"{number} {one if number == 1 else (many or one + 's')}"


def update_translation(store: Store, imported: aligned.AlignedImport, name: str) -> ImportSummary:
    """Bring the workspace's translation ``name`` up to date with a file edited elsewhere
    (a PO edited in a PO editor, say): English text, link and segment statuses, and
    new notes. The alignment in the file must be the workspace's; everything is
    written in one transaction, as undoable steps."""
    path = imported.path
    aligned.check_source(imported, [span.text for span in store.source().sentences])
    current = store.translation(name)
    incoming, notes = aligned.build_translation(imported, name)
    if [(link.src, link.tgt) for link in incoming.links] != [
        (link.src, link.tgt) for link in current.links
    ]:
        raise InputError(path, f"the alignment in the file is not that of translation {name!r} "
                         "in the workspace; import it under a new name with --translation NEW")
    unit_of_segment = {t: unit.line for unit in imported.units for t in unit.tgt}
    edits = {}
    for index, (new, old) in enumerate(zip(incoming.segments, current.segments, strict=True)):
        if new == old:
            continue
        if not new.strip():
            raise InputError(path, f"English segment {index} would become empty (several "
                             "segments edited as one?); edit them separately or merge them in "
                             "the workbench first", unit_of_segment.get(index))
        edits[index] = new
    by_status: dict[SegmentStatus, list[int]] = {}
    for index in range(len(current.segments)):
        new_status = incoming.statuses.get(index, SegmentStatus.DRAFT)
        if new_status != current.statuses.get(index, SegmentStatus.DRAFT):
            by_status.setdefault(new_status, []).append(index)
    fresh = _new_notes(notes, store.notes())
    with store.transaction():
        if edits:
            store.edit_segments(name, edits)
        for status, indices in sorted(by_status.items()):
            store.set_status(name, indices, status)
        changed_links = 0
        for index, (new_link, old_link) in enumerate(
            zip(incoming.links, current.links, strict=True)
        ):
            if new_link.status != old_link.status:
                store.set_link_status(name, index, new_link.status)
                changed_links += 1
        for note in fresh:
            store.add_note(note.src_index, note.text, author=note.author,
                           translation=None if note.translation is None else name,
                           created=note.created or None, modified=note.modified or None)
    return ImportSummary(imported_kind(imported), name, len(incoming.links), len(fresh),
                         updated_segments=len(edits), changed_link_statuses=changed_links,
                         changed_segment_statuses=sum(map(len, by_status.values())))


def imported_kind(imported: aligned.AlignedImport) -> str:
    suffix = Path(imported.path).suffix.lower()
    return _EXTENSIONS.get(suffix, "aligned")


def import_file(
    store: Store,
    path: str | os.PathLike[str],
    translation: str | None = None,
    *,
    update: bool = False,
    replace: bool = False,
) -> ImportSummary:
    """Import ``path`` into ``store``; raises :class:`InputError` (naming file and line)
    for a bad file, leaving the workspace unchanged. A glossary file is merged into the
    glossary (new terms added, the same terms updated), or replaces it with ``replace``."""
    name = str(path)
    data = read_bytes(path)
    kind = file_kind(path, data)
    if kind in GLOSSARY_KINDS:
        entries = read_glossary_file(kind, data, name)
        return import_glossary(store, entries, kind=kind, file=name, replace=replace)
    imported = read_aligned(kind, data, name)
    if translation is not None:
        _check_translation_name(translation, name)
    chosen = imported.translation if translation is None else translation
    return import_aligned(store, imported, chosen, update=update)


def _check_translation_name(translation: str, path: str) -> None:
    """A name given with --translation: something to show in lists, on one line."""
    if not translation.strip():
        raise InputError(path, "--translation needs a name that is not blank")
    if any(unicodedata.category(c).startswith("C") for c in translation):
        raise InputError(path, f"--translation {translation!r}: a name cannot hold line "
                         "breaks or other control characters")


def read_glossary_path(
    path: str | os.PathLike[str], csv_dialect: str | None = None
) -> tuple[str, list[GlossaryEntry]]:
    """Read a glossary file of any supported format (TBX, CSV, TSV, glossary PO).

    ``csv_dialect`` ("csv" or "tsv") overrides the extension for spreadsheet files."""
    data = read_bytes(path)
    if csv_dialect is not None:
        kind = f"glossary-{csv_dialect}"
    else:
        kind = file_kind(path, data)
        if kind not in GLOSSARY_KINDS:
            raise InputError(
                path, f"is aligned text ({kind}), not a glossary: use `workbench import`"
            )
    return kind, read_glossary_file(kind, data, str(path))


def import_glossary(
    store: Store,
    entries: Sequence[GlossaryEntry],
    *,
    kind: str,
    file: str,
    replace: bool = False,
) -> ImportSummary:
    """Merge ``entries`` into the workspace glossary (or replace it) as one undoable step.

    Reading, merging and writing happen in one transaction, so a term another window
    adds meanwhile is neither lost nor overwritten."""
    if replace and not entries:
        # An empty file (or one cut short before its first term) would wipe the glossary.
        raise InputError(file, "holds no glossary entries; the glossary is left as it is "
                         "(remove terms with 'workbench glossary remove')")
    description = f"Import glossary from {Path(file).name}"
    with store.transaction():
        if replace:
            store.replace_glossary(entries, description=description)
            return ImportSummary(kind, None, terms=len(entries), replaced=True)
        merged = merge_glossaries(store.glossary(), entries)
        store.replace_glossary(merged.entries, description=description)
    return ImportSummary(
        kind,
        None,
        terms=len(entries),
        added=merged.added,
        updated=merged.updated,
        unchanged=merged.unchanged,
    )


def creation_time_of(path: str | os.PathLike[str]) -> str | None:
    """The creation time an exported file records (for a workspace created from it)."""
    name = str(path)
    data = read_bytes(path)
    kind = file_kind(path, data)
    if kind in ALIGNED_KINDS:
        return read_aligned(kind, data, name).created or None
    return None
