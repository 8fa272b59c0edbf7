"""The workspace store: one SQLite file per workspace. The only module that speaks SQL.

What is stored, and how:

* Texts are stored once (table ``documents``); the sentences of each text are
  offsets into it (``sentences``).
* A translation's current English segments are rows of (``start``, ``end``,
  ``override``, ``status``): offsets into the translation's text, plus the
  translator's wording when the segment was edited (``override``), plus the
  segment status. Splits and merges add and remove rows. Rows are ordered by a
  sparse integer key (``ord``), so inserting or removing one moves no other row.
* Alignment links are stored in order as (``src_count``, ``tgt_count``,
  ``score``, ``status``): links are monotone and cover every sentence of both
  sides exactly once, so the sentence indices of a link are the running sums of
  the counts before it. Splitting a segment changes one link's count, not the
  indices of every later link.
* Every user action (edit, split, merge, link change, status, note, glossary
  change) runs in one ``BEGIN IMMEDIATE`` transaction and records its changes
  in ``history`` as a list of invertible operations (before/after rows), which
  is what undo and redo replay. Undo checks that the rows still hold what the
  action left there, so it never silently overwrites a change made since.

Connections use WAL mode, foreign keys, ``synchronous=FULL`` and a
``busy_timeout``: a second process on the same file waits for the first one's
transaction and then sees its result; if it waits too long it gets a
:class:`ConflictError`. ``PRAGMA user_version`` holds the schema version and
:data:`MIGRATIONS` the scripts that bring an older file up to date.
"""

from __future__ import annotations

import json
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType
from typing import Any, Literal, Self

from workbench.core.model import (
    Document,
    GlossaryEntry,
    Link,
    LinkStatus,
    Note,
    ProjectSnapshot,
    Provenance,
    QuotationSpan,
    SegmentStatus,
    Span,
    Translation,
)
from workbench.textio import InputError

__all__ = [
    "BUSY_TIMEOUT_MS",
    "MIGRATIONS",
    "SCHEMA_VERSION",
    "ConflictError",
    "Store",
    "WorkspaceDamagedError",
    "WorkspaceError",
]

BUSY_TIMEOUT_MS = 10_000
SQLITE_HEADER = b"SQLite format 3\x00"

_SCHEMA_V1 = """
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);
CREATE TABLE documents (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    lang TEXT NOT NULL,
    text TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    translator TEXT NOT NULL DEFAULT '',
    approach TEXT NOT NULL DEFAULT '',
    licence TEXT NOT NULL DEFAULT '',
    is_source INTEGER NOT NULL DEFAULT 0 CHECK (is_source IN (0, 1))
);
CREATE UNIQUE INDEX documents_one_source ON documents(is_source) WHERE is_source = 1;
CREATE TABLE sentences (
    document_id INTEGER NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    incomplete INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (document_id, position)
) WITHOUT ROWID;
CREATE TABLE translations (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    document_id INTEGER NOT NULL REFERENCES documents(id)
);
CREATE TABLE segments (
    translation_id INTEGER NOT NULL REFERENCES translations(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    override TEXT,
    status TEXT CHECK (status IN ('draft', 'translated', 'reviewed')),
    PRIMARY KEY (translation_id, ord)
) WITHOUT ROWID;
CREATE TABLE links (
    translation_id INTEGER NOT NULL REFERENCES translations(id) ON DELETE CASCADE,
    ord INTEGER NOT NULL,
    src_count INTEGER NOT NULL CHECK (src_count >= 0),
    tgt_count INTEGER NOT NULL CHECK (tgt_count >= 0),
    score REAL NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('automatic', 'confirmed', 'manual')),
    CHECK (src_count + tgt_count > 0),
    PRIMARY KEY (translation_id, ord)
) WITHOUT ROWID;
CREATE TABLE notes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    src_index INTEGER NOT NULL,
    translation_id INTEGER REFERENCES translations(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    author TEXT NOT NULL DEFAULT '',
    created TEXT NOT NULL,
    modified TEXT NOT NULL
);
CREATE INDEX notes_by_segment ON notes(src_index);
CREATE TABLE glossary (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source TEXT NOT NULL CHECK (source <> ''),
    targets TEXT NOT NULL,
    forbidden TEXT NOT NULL,
    pos TEXT NOT NULL DEFAULT '',
    definition TEXT NOT NULL DEFAULT '',
    note TEXT NOT NULL DEFAULT '',
    case_sensitive INTEGER NOT NULL DEFAULT 0,
    status TEXT NOT NULL DEFAULT 'approved'
);
CREATE TABLE quotations (
    position INTEGER PRIMARY KEY,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT,
    provenance TEXT NOT NULL,
    confidence REAL NOT NULL,
    citation TEXT,
    evidence TEXT NOT NULL,
    advice TEXT,
    depth INTEGER NOT NULL,
    unclosed INTEGER NOT NULL
);
CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    description TEXT NOT NULL,
    ops TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
CREATE INDEX history_by_state ON history(undone, id);
"""

MIGRATIONS: list[str] = [_SCHEMA_V1]
"""Schema scripts; the file's ``user_version`` is the number of them applied."""

SCHEMA_VERSION = len(MIGRATIONS)

ORD_STEP = 1 << 20
"""Spacing of the sort keys of segments and links: room for many inserts in one place."""

Side = Literal["src", "tgt"]

# SQLite messages that mean the file cannot be written (not a bug in this module).
_STORAGE_FAILURES = ("readonly", "disk is full", "disk I/O error", "unable to open")

# Columns of the rows that history operations record, per table.
_SPLICE_COLUMNS = {
    "segments": ("start", '"end"', "override", "status"),
    "links": ("src_count", "tgt_count", "score", "status"),
}
_KEYED_COLUMNS = {
    "notes": ("src_index", "translation_id", "text", "author", "created", "modified"),
    "glossary": (
        "source",
        "targets",
        "forbidden",
        "pos",
        "definition",
        "note",
        "case_sensitive",
        "status",
    ),
}

Row = tuple[Any, ...]
Op = dict[str, Any]


class WorkspaceError(InputError, ValueError):
    """An operation the workspace cannot do (unknown translation, index out of range…).

    ``str(err)`` is a one-line message meant for the user; being an
    :class:`InputError`, the command line reports it as one line with exit status 2.
    """

    def __init__(self, message: str) -> None:
        self.path = ""
        self.line = None
        Exception.__init__(self, message)


class WorkspaceDamagedError(InputError):
    """The workspace file is corrupt: SQLite cannot read it."""


class ConflictError(InputError):
    """The workspace was changed by someone else in a way that clashes with this change,
    or another process kept it locked for longer than :data:`BUSY_TIMEOUT_MS`."""


_VIEW_PREFIX = "view."
"""Metadata keys of view settings (kept apart from the workspace's own metadata)."""


def _now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class _Ops(list[Op]):
    """The operations of one action, and what the history calls it."""

    def __init__(self, description: str) -> None:
        super().__init__()
        self.description = description


@dataclass(frozen=True, slots=True)
class _TranslationRef:
    id: int
    name: str
    document_id: int


class _Result:
    """The rows of one statement, all read at once, so that a damaged file is
    reported by :meth:`_Connection.execute` and not later, while reading rows."""

    __slots__ = ("_rows", "lastrowid")

    def __init__(self, rows: list[Any], lastrowid: int | None) -> None:
        self._rows = rows
        self.lastrowid = lastrowid

    def fetchone(self) -> Any:
        return self._rows[0] if self._rows else None

    def fetchall(self) -> list[Any]:
        return self._rows

    def __iter__(self) -> Iterator[Any]:
        return iter(self._rows)


class _Connection:
    """The workspace's SQLite connection. A damaged file (SQLite's "database disk
    image is malformed", "file is not a database") becomes a one-line
    :class:`WorkspaceDamagedError` naming the file; other errors pass unchanged."""

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        self._connection = connection
        self._path = path

    @property
    def in_transaction(self) -> bool:
        return self._connection.in_transaction

    def execute(self, sql: str, parameters: Sequence[Any] = ()) -> _Result:
        try:
            cursor = self._connection.execute(sql, parameters)
            return _Result(cursor.fetchall(), cursor.lastrowid)
        except sqlite3.DatabaseError as exc:
            raise self._translated(exc) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        try:
            self._connection.executemany(sql, rows)
        except sqlite3.DatabaseError as exc:
            raise self._translated(exc) from None

    def close(self) -> None:
        self._connection.close()

    def _translated(self, exc: sqlite3.DatabaseError) -> Exception:
        if type(exc) is sqlite3.DatabaseError:  # corruption, not a constraint or a lock
            return WorkspaceDamagedError(self._path, f"the workspace file is damaged ({exc}); "
                                         "restore a backup copy of it")
        return exc


class Store:
    """An open workspace. Use :meth:`create` or :meth:`open`; close with :meth:`close`
    (or use it as a context manager).

    Indices are 0-based: ``src_index`` into the source sentences, segment indices
    into a translation's current English segments, ``link_index`` into its links.
    All methods are safe to call from several threads of one process.
    """

    def __init__(self, connection: sqlite3.Connection, path: Path) -> None:
        """Internal: use :meth:`create` or :meth:`open`."""
        self._db = _Connection(connection, path)
        self.path = path
        self._lock = threading.RLock()

    # ------------------------------------------------------------------ lifecycle

    @classmethod
    def create(cls, path: str | os.PathLike[str], *, name: str | None = None,
               created: str | None = None, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
        """Create a new, empty workspace file at ``path`` (which must not exist).

        ``name`` defaults to the file name without extensions; ``created`` (ISO 8601)
        defaults to now. Both are workspace metadata that exports use.
        ``busy_timeout_ms`` is how long a write waits for another process's write.
        """
        target = Path(path)
        if target.exists():
            raise InputError(target, "already exists; refusing to overwrite a workspace")
        if not target.parent.is_dir():
            raise InputError(target, "directory does not exist")
        connection = _connect(target, create=True, busy_timeout_ms=busy_timeout_ms)
        store = cls(connection, target)
        try:
            store._migrate()
            with store._write():
                store._set_meta("name", name if name is not None else target.name.split(".")[0])
                store._set_meta("created", created if created is not None else _now())
                store._set_meta("revision", "0")
        except BaseException:
            connection.close()
            raise
        return store

    @classmethod
    def open(cls, path: str | os.PathLike[str], *,
             busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Store:
        """Open an existing workspace, migrating an older schema.

        Raises :class:`InputError` naming the file when it does not exist, is not an
        SQLite database, is not a workspace, or comes from a newer workbench.
        """
        target = Path(path)
        if not target.exists():
            raise InputError(target, "no such workspace")
        if target.is_dir():
            raise InputError(target, "is a directory, not a workspace file")
        try:
            with target.open("rb") as fh:
                header = fh.read(len(SQLITE_HEADER))
        except OSError as exc:
            raise InputError(target, exc.strerror or str(exc)) from None
        if header != SQLITE_HEADER:
            raise InputError(target, "not a workbench workspace (not an SQLite database)")
        connection = _connect(target, create=False, busy_timeout_ms=busy_timeout_ms)
        store = cls(connection, target)
        try:
            store._migrate()
        except BaseException:
            connection.close()
            raise
        return store

    def close(self) -> None:
        """Close the file. Every change is already saved; this only releases it."""
        with self._lock:
            self._db.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    # ------------------------------------------------------------------ metadata

    @property
    def name(self) -> str:
        """The workspace's name (metadata)."""
        return self._get_meta("name")

    @property
    def created(self) -> str:
        """When the workspace was created (ISO 8601; exports use it as their date)."""
        return self._get_meta("created")

    def set_name(self, name: str) -> None:
        """Rename the workspace (not an undoable action)."""
        with self._write():
            self._set_meta("name", name)

    def view_setting(self, key: str) -> str:
        """A remembered view setting (the last position in the grid, say); ``""`` when
        none was saved."""
        return self._get_meta(_VIEW_PREFIX + key)

    def set_view_setting(self, key: str, value: str) -> None:
        """Remember a view setting in the workspace. Not an undoable action and not a
        change of content: the revision stays, so other windows do not reload."""
        with self._lock:
            try:
                self._begin("BEGIN IMMEDIATE")
                self._set_meta(_VIEW_PREFIX + key, value)
                self._db.execute("COMMIT")
            except BaseException as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if isinstance(exc, sqlite3.OperationalError) and any(
                        word in str(exc) for word in _STORAGE_FAILURES):
                    raise InputError(self.path, f"cannot save the view setting {key} "
                                     f"({exc})") from None
                raise

    def revision(self) -> int:
        """A number that grows with every change saved by any process.

        A view can compare it with the value it last loaded to notice that another
        window changed the workspace.
        """
        return int(self._get_meta("revision"))

    def integrity_problems(self) -> list[str]:
        """What SQLite's ``PRAGMA integrity_check`` and ``foreign_key_check`` report
        (an empty list when the file is sound)."""
        with self._lock:
            rows = [str(r[0]) for r in self._db.execute("PRAGMA integrity_check")]
            problems = [] if rows == ["ok"] else rows
            problems += [f"foreign key: {tuple(r)}" for r in
                         self._db.execute("PRAGMA foreign_key_check")]
        return problems

    def is_empty(self) -> bool:
        """True when the workspace has no source document yet."""
        with self._lock:
            row = self._db.execute("SELECT count(*) FROM documents").fetchone()
        return int(row[0]) == 0

    # ------------------------------------------------------------------ documents

    def add_document(self, document: Document) -> None:
        """Store the source document (text once, sentences as offsets). Only one."""
        with self._write():
            self._insert_document(document, is_source=True)

    def add_translation(self, name: str, document: Document, links: Sequence[Link], *,
                        segments: Sequence[str] | None = None,
                        statuses: dict[int, SegmentStatus] | None = None) -> None:
        """Store an English translation of the source, aligned by ``links``.

        ``document`` is the translation's text with its sentences; its current
        segments are ``segments`` when given (as after edits: segments found in the
        text are stored as offsets, others as edited text), else its sentences.
        ``links`` must be monotone and must not overlap; sentences no link covers
        get 1-0 or 0-1 links (score 0) so that the alignment covers both sides.
        Not an undoable action.
        """
        with self._write():
            self._insert_translation(name, document, links, segments, statuses or {})

    def source(self) -> Document:
        """The source (Russian) document with its sentences."""
        with self._read():
            row = self._db.execute("SELECT id FROM documents WHERE is_source = 1").fetchone()
            if row is None:
                raise WorkspaceError(f"{self.path}: the workspace has no source document")
            return self._document(int(row[0]))

    def translation_names(self) -> list[str]:
        """Names of the translations, in the order they were added."""
        with self._lock:
            rows = self._db.execute("SELECT name FROM translations ORDER BY id").fetchall()
        return [str(r[0]) for r in rows]

    def translation(self, name: str) -> Translation:
        """A translation as it is now: current segments, links and statuses."""
        with self._read():
            ref = self._translation_ref(name)
            document = self._document(ref.document_id)
            rows = self._db.execute(
                'SELECT start, "end", override, status FROM segments '
                "WHERE translation_id = ? ORDER BY ord",
                (ref.id,),
            ).fetchall()
            text = document.text
            segments = [o if o is not None else text[s:e] for s, e, o, _ in rows]
            statuses = {i: SegmentStatus(r[3]) for i, r in enumerate(rows) if r[3] is not None}
            links = _links_from_rows(self._splice_rows("links", ref.id))
        return Translation(name=ref.name, document=document, segments=segments, links=links,
                           statuses=statuses)

    def segment_text(self, translation: str, index: int) -> str:
        """The current text of one English segment."""
        with self._read():
            ref = self._translation_ref(translation)
            row = self._segment_row(ref, index)
            return self._segment_text(ref, row)

    # ------------------------------------------------------------------ snapshots

    def snapshot(self) -> ProjectSnapshot:
        """Everything the workspace holds, as plain data (what exports read)."""
        with self._read():
            return ProjectSnapshot(
                name=self.name,
                source=self.source(),
                translations=[self.translation(n) for n in self.translation_names()],
                glossary=self.glossary(),
                notes=self.notes(),
                quotations=self.quotations(),
            )

    def load_snapshot(self, snapshot: ProjectSnapshot) -> None:
        """Fill an empty workspace from a snapshot (imports, round trips), in one
        transaction. Note and glossary ids are assigned afresh; the history stays empty.
        """
        with self._write():
            row = self._db.execute("SELECT count(*) FROM documents").fetchone()
            if int(row[0]):
                raise WorkspaceError(f"{self.path}: workspace is not empty")
            self._set_meta("name", snapshot.name)
            self._insert_document(snapshot.source, is_source=True)
            for translation in snapshot.translations:
                self._insert_translation(translation.name, translation.document,
                                         translation.links, translation.segments,
                                         translation.statuses)
            for entry in snapshot.glossary:
                self._db.execute(_insert_sql("glossary"), _glossary_row(entry))
            for note in snapshot.notes:
                self._db.execute(_insert_sql("notes"), self._note_row(note))
            self._write_quotations(snapshot.quotations)

    # ------------------------------------------------------------------ segment edits

    def edit_segment(self, translation: str, index: int, new_text: str, *,
                     expect: str | None = None) -> None:
        """Replace the text of English segment ``index`` (one undoable step).

        With ``expect``, the segment must still read ``expect`` (the text the editor
        started from); otherwise :class:`ConflictError` is raised and nothing changes.
        """
        self.edit_segments(translation, {index: new_text},
                           expect=None if expect is None else {index: expect})

    def edit_segments(self, translation: str, edits: Mapping[int, str], *,
                      expect: Mapping[int, str] | None = None) -> None:
        """Replace the texts of several English segments (those of one link, say) as
        one undoable step; ``expect`` works as in :meth:`edit_segment`, per segment."""
        for text in edits.values():
            if not text.strip():
                raise WorkspaceError("an English segment cannot be empty; merge it instead")
        with self._action(f"Edit segments ({translation})") as ops:
            ref = self._translation_ref(translation)
            changed: list[int] = []
            for index in sorted(edits):
                new_text = edits[index]
                row = self._segment_row(ref, index)
                current = self._segment_text(ref, row)
                if expect is not None and index in expect and current != expect[index]:
                    raise ConflictError(self.path, f"segment {index + 1} of {translation} was "
                                        "changed elsewhere; reload before editing")
                if current == new_text:
                    continue
                original = self._document_slice(ref.document_id, row[0], row[1])
                override = None if original == new_text else new_text
                self._apply(ops, _splice_op("segments", ref.id, index, [row],
                                            [(row[0], row[1], override, row[3])]))
                changed.append(index)
            label = "segments" if len(changed) > 1 else "segment"
            numbers = ", ".join(str(i + 1) for i in changed)
            ops.description = f"Edit {label} {numbers} ({translation})"

    def split_segment(self, translation: str, index: int, offset: int) -> None:
        """Split English segment ``index`` at character ``offset`` of its current text.

        Both parts stay in the link that held the segment and keep its status.
        Whitespace around the split point is dropped; neither part may be empty.
        """
        with self._action(f"Split segment {index + 1} ({translation})") as ops:
            ref = self._translation_ref(translation)
            row = self._segment_row(ref, index)
            text = self._segment_text(ref, row)
            left, right = text[:offset].rstrip(), text[offset:].lstrip()
            if not 0 < offset < len(text) or not left or not right:
                raise WorkspaceError(f"cannot split segment {index + 1} at offset {offset}: "
                                     "both parts need text")
            start, end, override, status = row
            if override is None:
                skipped = len(text[offset:]) - len(right)
                new_rows: list[Row] = [(start, start + len(left), None, status),
                                       (start + offset + skipped, end, None, status)]
            else:
                new_rows = [(start, end, left, status), (end, end, right, status)]
            self._apply(ops, _splice_op("segments", ref.id, index, [row], new_rows))
            link_rows = self._splice_rows("links", ref.id)
            k = _link_holding(link_rows, "tgt", index)
            sc, tc, score, link_status = link_rows[k]
            self._apply(ops, _splice_op("links", ref.id, k, [link_rows[k]],
                                        [(sc, tc + 1, score, link_status)]))

    def merge_segments(self, translation: str, index: int) -> None:
        """Merge English segment ``index`` with the next one (joined by a space).

        When the two segments belong to different links, those links (and any 1-0
        links between them) become one manual link.
        """
        with self._action(f"Merge segments {index + 1} and {index + 2} ({translation})") as ops:
            ref = self._translation_ref(translation)
            first = self._segment_row(ref, index)
            second = self._segment_row(ref, index + 1)
            joined = self._segment_text(ref, first) + " " + self._segment_text(ref, second)
            start, end = first[0], second[1]
            original = self._document_slice(ref.document_id, start, end)
            override = None if original == joined else joined
            self._apply(ops, _splice_op("segments", ref.id, index, [first, second],
                                        [(start, end, override, first[3])]))
            link_rows = self._splice_rows("links", ref.id)
            a = _link_holding(link_rows, "tgt", index)
            b = _link_holding(link_rows, "tgt", index + 1)
            if a == b:
                sc, tc, score, status = link_rows[a]
                merged: list[Row] = [(sc, tc - 1, score, status)]
            else:
                group = link_rows[a:b + 1]
                merged = [(sum(r[0] for r in group), sum(r[1] for r in group) - 1,
                           min(r[2] for r in group), LinkStatus.MANUAL.value)]
            self._apply(ops, _splice_op("links", ref.id, a, link_rows[a:b + 1], merged))

    # ------------------------------------------------------------------ links

    def move_boundary(self, translation: str, link_index: int, side: Side, delta: int) -> None:
        """Move the boundary between link ``link_index`` and the next one on one side.

        ``delta > 0`` moves that many sentences from the start of the next link into
        this one; ``delta < 0`` moves sentences from the end of this link into the next.
        Both links become manual; a link left with no sentence at all disappears.
        """
        if side not in ("src", "tgt"):
            raise WorkspaceError(f"side must be 'src' or 'tgt', not {side!r}")
        if delta == 0:
            return
        with self._action(f"Move link boundary after link {link_index + 1} ({translation})") as ops:
            ref = self._translation_ref(translation)
            link_rows = self._splice_rows("links", ref.id)
            if not 0 <= link_index < len(link_rows) - 1:
                raise WorkspaceError(f"link {link_index + 1} has no following link "
                                     f"in {translation} ({len(link_rows)} links)")
            column = 0 if side == "src" else 1
            this, nxt = list(link_rows[link_index]), list(link_rows[link_index + 1])
            this[column] += delta
            nxt[column] -= delta
            if this[column] < 0 or nxt[column] < 0:
                raise WorkspaceError(f"cannot move the boundary by {delta}: not enough "
                                     "sentences on that side")
            manual = LinkStatus.MANUAL.value
            replacement = [(r[0], r[1], r[2], manual) for r in (this, nxt) if r[0] + r[1] > 0]
            self._apply(ops, _splice_op("links", ref.id, link_index,
                                        link_rows[link_index:link_index + 2], replacement))

    def confirm_link(self, translation: str, link_index: int) -> None:
        """Mark an automatic link as confirmed (manual links stay manual)."""
        with self._read():
            links = self._splice_rows("links", self._translation_ref(translation).id)
        if 0 <= link_index < len(links) and links[link_index][3] == LinkStatus.MANUAL.value:
            return
        self.set_link_status(translation, link_index, LinkStatus.CONFIRMED)

    def set_link_status(self, translation: str, link_index: int, status: LinkStatus) -> None:
        """Set a link's status (one undoable step)."""
        status = LinkStatus(status)
        with self._action(f"Mark link {link_index + 1} {status.value} ({translation})") as ops:
            ref = self._translation_ref(translation)
            link_rows = self._splice_rows("links", ref.id)
            if not 0 <= link_index < len(link_rows):
                raise WorkspaceError(f"no link {link_index + 1} in {translation} "
                                     f"({len(link_rows)} links)")
            old = link_rows[link_index]
            if old[3] == status.value:
                return
            self._apply(ops, _splice_op("links", ref.id, link_index, [old],
                                        [(old[0], old[1], old[2], status.value)]))

    def set_links(self, translation: str, links: Sequence[Link], *,
                  description: str = "Re-align") -> None:
        """Replace a translation's links (a re-alignment result), as one undoable step.

        Every confirmed or manual link must be present in ``links`` with the same
        sentences, else :class:`WorkspaceError` is raised and nothing changes.
        """
        with self._action(f"{description} ({translation})") as ops:
            ref = self._translation_ref(translation)
            old_rows = self._splice_rows("links", ref.id)
            n_src, n_tgt = self._side_lengths(ref)
            new_rows = _rows_from_links(links, n_src, n_tgt)
            fixed = {(link.src, link.tgt): link.status for link in _links_from_rows(old_rows)
                     if link.fixed}
            for position, link in enumerate(_links_from_rows(new_rows)):
                status = fixed.pop((link.src, link.tgt), None)
                if status is not None:
                    row = new_rows[position]
                    new_rows[position] = (row[0], row[1], row[2], status.value)
            if fixed:
                (src, _tgt), status = next(iter(fixed.items()))
                raise WorkspaceError(f"the new alignment drops a {status.value} link at "
                                     f"source sentence {(src or (0,))[0] + 1}; "
                                     "keep confirmed and manual links")
            prefix = 0
            limit = min(len(old_rows), len(new_rows))
            while prefix < limit and old_rows[prefix] == new_rows[prefix]:
                prefix += 1
            suffix = 0
            while (suffix < limit - prefix
                   and old_rows[-1 - suffix] == new_rows[-1 - suffix]):
                suffix += 1
            old_part = old_rows[prefix:len(old_rows) - suffix]
            new_part = new_rows[prefix:len(new_rows) - suffix]
            if old_part or new_part:
                self._apply(ops, _splice_op("links", ref.id, prefix, old_part, new_part))

    # ------------------------------------------------------------------ statuses

    def set_status(self, translation: str, indices: int | Sequence[int],
                   status: SegmentStatus | None) -> None:
        """Set the status of one or several English segments (``None`` clears it),
        as one undoable step."""
        wanted = [indices] if isinstance(indices, int) else sorted(set(indices))
        value = SegmentStatus(status).value if status is not None else None
        label = value or "unset"
        numbers = ", ".join(str(i + 1) for i in wanted)
        with self._action(f"Mark segment {numbers} {label} ({translation})") as ops:
            ref = self._translation_ref(translation)
            for index in wanted:
                row = self._segment_row(ref, index)
                if row[3] != value:
                    self._apply(ops, _splice_op("segments", ref.id, index, [row],
                                                [(row[0], row[1], row[2], value)]))

    # ------------------------------------------------------------------ notes

    def notes(self, src_index: int | None = None, *, translation: str | None = None) -> list[Note]:
        """Notes, oldest first; only those on ``src_index`` and/or ``translation`` if given.

        Filtering by translation keeps the notes tied to it and the notes on the
        source alone (which concern every translation). A source segment or a
        translation the workspace does not have is a :class:`WorkspaceError`.
        """
        query = ("SELECT n.id, n.src_index, t.name, n.text, n.author, n.created, n.modified "
                 "FROM notes n LEFT JOIN translations t ON t.id = n.translation_id WHERE 1")
        params: list[Any] = []
        if src_index is not None:
            query += " AND n.src_index = ?"
            params.append(src_index)
        if translation is not None:
            query += " AND (t.name = ? OR n.translation_id IS NULL)"
            params.append(translation)
        query += " ORDER BY n.src_index, n.id"
        with self._read():
            if src_index is not None:
                self._check_src_index(src_index)
            if translation is not None:
                self._translation_ref(translation)
            rows = self._db.execute(query, params).fetchall()
        return [Note(id=r[0], src_index=r[1], translation=r[2], text=r[3], author=r[4],
                     created=r[5], modified=r[6]) for r in rows]

    def note(self, note_id: int) -> Note:
        """One note by id."""
        with self._lock:
            row = self._db.execute(
                "SELECT n.id, n.src_index, t.name, n.text, n.author, n.created, n.modified "
                "FROM notes n LEFT JOIN translations t ON t.id = n.translation_id "
                "WHERE n.id = ?", (note_id,)).fetchone() if _is_row_id(note_id) else None
        if row is None:
            raise WorkspaceError(f"no note with id {note_id}")
        return Note(id=row[0], src_index=row[1], translation=row[2], text=row[3],
                    author=row[4], created=row[5], modified=row[6])

    def add_note(self, src_index: int, text: str, *, author: str = "",
                 translation: str | None = None, created: str | None = None,
                 modified: str | None = None) -> Note:
        """Add a note on source sentence ``src_index`` (optionally tied to one
        translation). ``created`` defaults to now, ``modified`` to ``created``.
        Returns the note with its id."""
        if not text.strip():
            raise WorkspaceError("a note needs some text")
        with self._action(f"Add note on segment {src_index + 1}") as ops:
            self._check_src_index(src_index)
            if translation is not None:
                self._translation_ref(translation)
            stamp = created or _now()
            note = Note(text=text, src_index=src_index, author=author, created=stamp,
                        modified=modified or stamp, translation=translation)
            row = self._note_row(note)
            note_id = self._next_id("notes")
            self._apply(ops, {"op": "row", "table": "notes", "id": note_id, "old": None,
                              "new": list(row)})
            note.id = note_id
        return note

    def update_note(self, note_id: int, text: str) -> Note:
        """Change a note's text (its modified time becomes now)."""
        if not text.strip():
            raise WorkspaceError("a note needs some text; delete it instead")
        with self._action(f"Edit note {note_id}") as ops:
            old = self._keyed_row("notes", note_id)
            if old is None:
                raise WorkspaceError(f"no note with id {note_id}")
            if old[2] == text:
                return self.note(note_id)
            new = (*old[:2], text, old[3], old[4], _now())
            self._apply(ops, {"op": "row", "table": "notes", "id": note_id, "old": list(old),
                              "new": list(new)})
        return self.note(note_id)

    def delete_note(self, note_id: int) -> None:
        """Delete a note (undo brings it back with the same id)."""
        with self._action(f"Delete note {note_id}") as ops:
            old = self._keyed_row("notes", note_id)
            if old is None:
                raise WorkspaceError(f"no note with id {note_id}")
            self._apply(ops, {"op": "row", "table": "notes", "id": note_id, "old": list(old),
                              "new": None})

    # ------------------------------------------------------------------ glossary

    def glossary(self) -> list[GlossaryEntry]:
        """All glossary entries, in the order they were added."""
        with self._lock:
            rows = self._db.execute(
                "SELECT id, " + ", ".join(_KEYED_COLUMNS["glossary"]) + " FROM glossary "
                "ORDER BY id").fetchall()
        return [_glossary_entry(r[0], r[1:]) for r in rows]

    def term(self, term_id: int) -> GlossaryEntry:
        """One glossary entry by id."""
        with self._lock:
            row = self._keyed_row("glossary", term_id)
        if row is None:
            raise WorkspaceError(f"no glossary entry with id {term_id}")
        return _glossary_entry(term_id, row)

    def add_term(self, entry: GlossaryEntry) -> GlossaryEntry:
        """Add a glossary entry (its ``id`` is ignored); returns it with its new id."""
        _check_entry(entry)
        with self._action(f"Add glossary term {entry.source}") as ops:
            term_id = self._next_id("glossary")
            self._apply(ops, {"op": "row", "table": "glossary", "id": term_id, "old": None,
                              "new": list(_glossary_row(entry))})
        return _glossary_entry(term_id, _glossary_row(entry))

    def update_term(self, entry: GlossaryEntry) -> GlossaryEntry:
        """Replace the glossary entry with ``entry.id`` by ``entry``."""
        _check_entry(entry)
        if entry.id is None:
            raise WorkspaceError("the glossary entry to update has no id")
        term_id = entry.id
        with self._action(f"Edit glossary term {entry.source}") as ops:
            old = self._keyed_row("glossary", term_id)
            if old is None:
                raise WorkspaceError(f"no glossary entry with id {term_id}")
            new = _glossary_row(entry)
            if tuple(old) != new:
                self._apply(ops, {"op": "row", "table": "glossary", "id": term_id,
                                  "old": list(old), "new": list(new)})
        return _glossary_entry(term_id, _glossary_row(entry))

    def remove_term(self, term_id: int) -> None:
        """Remove a glossary entry."""
        with self._lock:
            old = self._keyed_row("glossary", term_id)
        label = old[0] if old is not None else str(term_id)
        with self._action(f"Remove glossary term {label}") as ops:
            old = self._keyed_row("glossary", term_id)
            if old is None:
                raise WorkspaceError(f"no glossary entry with id {term_id}")
            self._apply(ops, {"op": "row", "table": "glossary", "id": term_id,
                              "old": list(old), "new": None})

    def replace_glossary(self, entries: Sequence[GlossaryEntry], *,
                         description: str = "Replace glossary") -> list[GlossaryEntry]:
        """Make the glossary ``entries`` (an import) in one undoable step; returns the
        entries with their ids.

        An entry carrying the id of an existing entry replaces it and keeps its id;
        the other entries are added; existing entries not among ``entries`` are removed.
        """
        for entry in entries:
            _check_entry(entry)
        with self._action(description) as ops:
            current = {row[0]: tuple(row[1:]) for row in self._db.execute(
                "SELECT id, " + ", ".join(_KEYED_COLUMNS["glossary"]) + " FROM glossary")}
            kept = {entry.id for entry in entries if entry.id in current}
            for term_id, old in current.items():
                if term_id not in kept:
                    self._apply(ops, {"op": "row", "table": "glossary", "id": term_id,
                                      "old": list(old), "new": None})
            next_id = self._next_id("glossary")
            placed: set[int] = set()
            for entry in entries:
                new, term_id = _glossary_row(entry), entry.id
                if term_id is not None and term_id in kept and term_id not in placed:
                    placed.add(term_id)
                    if current[term_id] != new:
                        self._apply(ops, {"op": "row", "table": "glossary", "id": term_id,
                                          "old": list(current[term_id]), "new": list(new)})
                else:
                    self._apply(ops, {"op": "row", "table": "glossary", "id": next_id,
                                      "old": None, "new": list(new)})
                    next_id += 1
        return self.glossary()

    # ------------------------------------------------------------------ quotations

    def quotations(self) -> list[QuotationSpan]:
        """The quotations found in the source, in order."""
        with self._read():
            text = self._source_text()
            rows = self._db.execute(
                'SELECT start, "end", text, provenance, confidence, citation, evidence, advice, '
                "depth, unclosed FROM quotations ORDER BY position").fetchall()
        return [QuotationSpan(start=r[0], end=r[1], text=r[2] if r[2] is not None
                              else text[r[0]:r[1]], provenance=Provenance(r[3]),
                              confidence=r[4], citation=r[5],
                              evidence=tuple(json.loads(r[6])), advice=r[7], depth=r[8],
                              unclosed=bool(r[9])) for r in rows]

    def set_quotations(self, quotations: Sequence[QuotationSpan]) -> None:
        """Replace the quotations found in the source (derived data: not undoable)."""
        with self._write():
            self._write_quotations(quotations)

    # ------------------------------------------------------------------ undo / redo

    def can_undo(self) -> bool:
        """True when there is an action to undo."""
        return self.undo_description() is not None

    def can_redo(self) -> bool:
        """True when there is an undone action to redo."""
        return self.redo_description() is not None

    def undo_description(self) -> str | None:
        """What :meth:`undo` would undo, or None."""
        with self._lock:
            row = self._db.execute("SELECT description FROM history WHERE undone = 0 "
                                   "ORDER BY id DESC LIMIT 1").fetchone()
        return None if row is None else str(row[0])

    def redo_description(self) -> str | None:
        """What :meth:`redo` would redo, or None."""
        with self._lock:
            row = self._db.execute("SELECT description FROM history WHERE undone = 1 "
                                   "ORDER BY id LIMIT 1").fetchone()
        return None if row is None else str(row[0])

    def undo(self) -> str | None:
        """Undo the last action (of any window on this workspace); return its
        description, or None when there is nothing to undo.

        Raises :class:`ConflictError` (and changes nothing) when what the action
        changed has been changed again since in a way undo cannot reverse.
        """
        with self._write():
            row = self._db.execute("SELECT id, description, ops FROM history WHERE undone = 0 "
                                   "ORDER BY id DESC LIMIT 1").fetchone()
            if row is None:
                return None
            for op in reversed(json.loads(row[2])):
                self._apply_op(_inverse(op))
            self._db.execute("UPDATE history SET undone = 1 WHERE id = ?", (row[0],))
            return str(row[1])

    def redo(self) -> str | None:
        """Redo the last undone action; return its description, or None."""
        with self._write():
            row = self._db.execute("SELECT id, description, ops FROM history WHERE undone = 1 "
                                   "ORDER BY id LIMIT 1").fetchone()
            if row is None:
                return None
            for op in json.loads(row[2]):
                self._apply_op(op)
            self._db.execute("UPDATE history SET undone = 0 WHERE id = ?", (row[0],))
            return str(row[1])

    # ------------------------------------------------------------------ internals: transactions

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """Group several changes (e.g. an import) into one transaction: all or nothing."""
        with self._write():
            yield

    @contextmanager
    def _read(self) -> Iterator[None]:
        """A consistent read of several statements (nested inside a write is fine)."""
        with self._lock:
            if self._db.in_transaction:
                yield
                return
            self._begin("BEGIN")
            try:
                yield
            finally:
                self._db.execute("COMMIT")

    @contextmanager
    def _write(self) -> Iterator[None]:
        """One write transaction (``BEGIN IMMEDIATE``), committed or rolled back whole."""
        with self._lock:
            if self._db.in_transaction:
                yield
                return
            self._begin("BEGIN IMMEDIATE")
            try:
                yield
                self._db.execute("UPDATE meta SET value = CAST(value AS INTEGER) + 1 "
                                 "WHERE key = 'revision'")
                self._db.execute("COMMIT")
            except sqlite3.OperationalError as exc:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                if any(word in str(exc) for word in _STORAGE_FAILURES):
                    raise InputError(self.path, f"cannot save the change ({exc}); nothing "
                                     "was changed") from None
                raise
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    @contextmanager
    def _action(self, description: str) -> Iterator[_Ops]:
        """One undoable user action: collects the operations applied and records them."""
        ops = _Ops(description)
        with self._write():
            yield ops
            if ops:
                self._db.execute("DELETE FROM history WHERE undone = 1")
                self._db.execute(
                    "INSERT INTO history (description, ops, created) VALUES (?, ?, ?)",
                    (ops.description, json.dumps(ops, ensure_ascii=False), _now()))

    def _begin(self, statement: str) -> None:
        try:
            self._db.execute(statement)
        except sqlite3.OperationalError as exc:
            if "locked" in str(exc) or "busy" in str(exc):
                raise ConflictError(self.path, "the workspace is busy: another process has "
                                    "been writing to it for too long; try again") from None
            raise

    def _migrate(self) -> None:
        try:
            version = int(self._db.execute("PRAGMA user_version").fetchone()[0])
            tables = {r[0] for r in self._db.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
        except sqlite3.DatabaseError as exc:
            raise InputError(self.path, f"not a workbench workspace ({exc})") from None
        if version > SCHEMA_VERSION:
            raise InputError(self.path, f"workspace schema version {version} is newer than "
                             f"this workbench supports ({SCHEMA_VERSION}); upgrade workbench")
        if version == 0 and tables:
            raise InputError(self.path, "not a workbench workspace (an unrelated SQLite "
                             "database)")
        if version == SCHEMA_VERSION:
            return
        with self._lock:
            self._begin("BEGIN IMMEDIATE")
            try:
                current = int(self._db.execute("PRAGMA user_version").fetchone()[0])
                for number in range(current, SCHEMA_VERSION):
                    for statement in MIGRATIONS[number].split(";"):
                        if statement.strip():
                            self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
                self._db.execute("COMMIT")
            except BaseException:
                if self._db.in_transaction:
                    self._db.execute("ROLLBACK")
                raise

    # ------------------------------------------------------------------ internals: rows

    def _get_meta(self, key: str) -> str:
        with self._lock:
            row = self._db.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return "" if row is None else str(row[0])

    def _set_meta(self, key: str, value: str) -> None:
        self._db.execute("INSERT INTO meta (key, value) VALUES (?, ?) "
                         "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (key, value))

    def _insert_document(self, document: Document, *, is_source: bool) -> int:
        text = document.text
        for i, span in enumerate(document.sentences):
            inside = 0 <= span.start <= span.end <= len(text)
            if not inside or text[span.start:span.end] != span.text:
                raise WorkspaceError(f"{document.name}: sentence {i + 1} does not match its "
                                     "offsets in the text")
        if is_source and self._db.execute(
                "SELECT 1 FROM documents WHERE is_source = 1").fetchone():
            raise WorkspaceError(f"{self.path}: the workspace already has a source document")
        cursor = self._db.execute(
            "INSERT INTO documents (name, lang, text, title, translator, approach, licence, "
            "is_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (document.name, document.lang, text, document.title, document.translator,
             document.approach, document.licence, int(is_source)))
        doc_id = int(cursor.lastrowid or 0)
        self._db.executemany(
            'INSERT INTO sentences (document_id, position, start, "end", incomplete) '
            "VALUES (?, ?, ?, ?, ?)",
            ((doc_id, i, s.start, s.end, int(s.incomplete))
             for i, s in enumerate(document.sentences)))
        return doc_id

    def _insert_translation(self, name: str, document: Document, links: Sequence[Link],
                            segments: Sequence[str] | None,
                            statuses: dict[int, SegmentStatus]) -> None:
        if not name:
            raise WorkspaceError("a translation needs a name")
        if self._db.execute("SELECT 1 FROM translations WHERE name = ?", (name,)).fetchone():
            raise WorkspaceError(f"{self.path}: there is already a translation named {name!r}")
        source = self._db.execute("SELECT id FROM documents WHERE is_source = 1").fetchone()
        if source is None:
            raise WorkspaceError(f"{self.path}: add the source document before translations")
        n_src = int(self._db.execute("SELECT count(*) FROM sentences WHERE document_id = ?",
                                     (source[0],)).fetchone()[0])
        doc_id = self._insert_document(document, is_source=False)
        cursor = self._db.execute("INSERT INTO translations (name, document_id) VALUES (?, ?)",
                                  (name, doc_id))
        translation_id = int(cursor.lastrowid or 0)
        rows = _segment_rows(document, segments)
        for index in statuses:
            if not 0 <= index < len(rows):
                raise WorkspaceError(f"{name}: status for segment {index + 1}, which does "
                                     "not exist")
        self._db.executemany(
            'INSERT INTO segments (translation_id, ord, start, "end", override, status) '
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((translation_id, i * ORD_STEP, s, e, o,
              SegmentStatus(statuses[i]).value if i in statuses else None)
             for i, (s, e, o) in enumerate(rows)))
        link_rows = _rows_from_links(links, n_src, len(rows))
        self._db.executemany(
            "INSERT INTO links (translation_id, ord, src_count, tgt_count, score, status) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            ((translation_id, i * ORD_STEP, *row) for i, row in enumerate(link_rows)))

    def _write_quotations(self, quotations: Sequence[QuotationSpan]) -> None:
        text = self._source_text()
        self._db.execute("DELETE FROM quotations")
        self._db.executemany(
            'INSERT INTO quotations (position, start, "end", text, provenance, confidence, '
            "citation, evidence, advice, depth, unclosed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ((i, q.start, q.end, None if text[q.start:q.end] == q.text else q.text,
              Provenance(q.provenance).value, float(q.confidence), q.citation,
              json.dumps(list(q.evidence), ensure_ascii=False), q.advice, q.depth,
              int(q.unclosed)) for i, q in enumerate(quotations)))

    def _source_text(self) -> str:
        row = self._db.execute("SELECT text FROM documents WHERE is_source = 1").fetchone()
        return "" if row is None else str(row[0])

    def _document(self, doc_id: int) -> Document:
        row = self._db.execute(
            "SELECT name, lang, text, title, translator, approach, licence FROM documents "
            "WHERE id = ?", (doc_id,)).fetchone()
        text = row[2]
        sentences = [Span(s, e, text[s:e], bool(inc)) for s, e, inc in self._db.execute(
            'SELECT start, "end", incomplete FROM sentences WHERE document_id = ? '
            "ORDER BY position", (doc_id,))]
        return Document(name=row[0], lang=row[1], text=text, sentences=sentences, title=row[3],
                        translator=row[4], approach=row[5], licence=row[6])

    def _document_slice(self, doc_id: int, start: int, end: int) -> str:
        """Characters ``start`` to ``end`` of a document's text, read without taking the
        whole text into Python (SQLite counts characters, as ``str`` does)."""
        row = self._db.execute("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                               (start + 1, max(0, end - start), doc_id)).fetchone()
        return str(row[0])

    def _translation_ref(self, name: str) -> _TranslationRef:
        row = self._db.execute("SELECT id, name, document_id FROM translations WHERE name = ?",
                               (name,)).fetchone()
        if row is None:
            known = ", ".join(self.translation_names()) or "none"
            raise WorkspaceError(f"no translation named {name!r} (known: {known})")
        return _TranslationRef(int(row[0]), str(row[1]), int(row[2]))

    def _side_lengths(self, ref: _TranslationRef) -> tuple[int, int]:
        n_src = self._db.execute(
            "SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id "
            "WHERE d.is_source = 1").fetchone()[0]
        n_tgt = self._db.execute("SELECT count(*) FROM segments WHERE translation_id = ?",
                                 (ref.id,)).fetchone()[0]
        return int(n_src), int(n_tgt)

    def _check_src_index(self, src_index: int) -> None:
        n_src = int(self._db.execute(
            "SELECT count(*) FROM sentences s JOIN documents d ON d.id = s.document_id "
            "WHERE d.is_source = 1").fetchone()[0])
        if not 0 <= src_index < n_src:
            raise WorkspaceError(f"no source segment {src_index} (the source has {n_src}, "
                                 f"numbered from 0)")

    def _segment_row(self, ref: _TranslationRef, index: int) -> Row:
        row = None
        if index >= 0 and _is_row_id(index):
            row = self._db.execute(
                'SELECT start, "end", override, status FROM segments '
                "WHERE translation_id = ? ORDER BY ord LIMIT 1 OFFSET ?",
                (ref.id, index)).fetchone()
        if row is None:
            count = self._db.execute("SELECT count(*) FROM segments WHERE translation_id = ?",
                                     (ref.id,)).fetchone()[0]
            raise WorkspaceError(f"no segment {index + 1} in {ref.name} ({count} segments)")
        return tuple(row)

    def _segment_text(self, ref: _TranslationRef, row: Row) -> str:
        if row[2] is not None:
            return str(row[2])
        return self._document_slice(ref.document_id, row[0], row[1])

    def _splice_rows(self, table: str, translation_id: int, start: int = 0,
                     stop: int | None = None) -> list[Row]:
        """Rows ``start`` to ``stop`` (indices, not sort keys) of a translation's table."""
        columns = ", ".join(_SPLICE_COLUMNS[table])
        limit = -1 if stop is None else max(0, stop - start)
        return [tuple(r) for r in self._db.execute(
            f"SELECT {columns} FROM {table} WHERE translation_id = ? ORDER BY ord "
            "LIMIT ? OFFSET ?", (translation_id, limit, start))]

    def _keyed_row(self, table: str, row_id: int) -> Row | None:
        if not _is_row_id(row_id):
            return None
        columns = ", ".join(_KEYED_COLUMNS[table])
        row = self._db.execute(f"SELECT {columns} FROM {table} WHERE id = ?",
                               (row_id,)).fetchone()
        return None if row is None else tuple(row)

    def _next_id(self, table: str) -> int:
        # AUTOINCREMENT tables never reuse an id, so undo can bring a deleted row back.
        highest = self._db.execute("SELECT max(id) FROM " + table).fetchone()[0] or 0
        sequence = self._db.execute("SELECT seq FROM sqlite_sequence WHERE name = ?",
                                    (table,)).fetchone()
        if sequence is not None:
            highest = max(int(highest), int(sequence[0]))
        return int(highest) + 1

    def _note_row(self, note: Note) -> Row:
        translation_id = (self._translation_ref(note.translation).id
                          if note.translation is not None else None)
        created = note.created or _now()
        return (note.src_index, translation_id, note.text, note.author, created,
                note.modified or created)

    # ------------------------------------------------------------------ internals: operations

    def _apply(self, ops: list[Op], op: Op) -> None:
        self._apply_op(op)
        ops.append(op)

    def _apply_op(self, op: Op) -> None:
        if op["op"] == "splice":
            self._apply_splice(op)
        else:
            self._apply_row(op)

    def _apply_splice(self, op: Op) -> None:
        """Replace rows ``pos`` … ``pos + len(old)`` of a table by ``new``.

        Rows are ordered by a sparse integer key (``ord``), so inserting between two
        rows takes a key between theirs and no other row moves; only when the gap is
        used up are the translation's keys spread out again.
        """
        table, tid, pos = op["table"], int(op["translation"]), int(op["pos"])
        old = [tuple(r) for r in op["old"]]
        new = [tuple(r) for r in op["new"]]
        columns = _SPLICE_COLUMNS[table]
        first = max(pos - 1, 0)
        window = self._db.execute(
            f"SELECT ord, {', '.join(columns)} FROM {table} WHERE translation_id = ? "
            "ORDER BY ord LIMIT ? OFFSET ?", (tid, len(old) + 2, first)).fetchall()
        before = window[0][0] if pos > 0 and window else None
        current = window[pos - first:pos - first + len(old)]
        after_rows = window[pos - first + len(old):]
        after = after_rows[0][0] if after_rows else None
        if [tuple(r[1:]) for r in current] != old or (pos > 0 and before is None):
            raise ConflictError(self.path, f"the {table} changed since; cannot apply this change")
        if current:
            self._db.execute(f"DELETE FROM {table} WHERE translation_id = ? AND ord >= ? "
                             "AND ord <= ?", (tid, current[0][0], current[-1][0]))
        if not new:
            return
        keys = _keys_between(before, after, len(new))
        if keys is None:
            self._spread_keys(table, tid)
            self._apply_insert(table, tid, pos, new)
            return
        placeholders = ", ".join("?" * (len(columns) + 2))
        self._db.executemany(
            f"INSERT INTO {table} (translation_id, ord, {', '.join(columns)}) "
            f"VALUES ({placeholders})",
            ((tid, key, *row) for key, row in zip(keys, new, strict=True)))

    def _apply_insert(self, table: str, tid: int, pos: int, new: Sequence[Row]) -> None:
        self._apply_splice(_splice_op(table, tid, pos, [], new))

    def _spread_keys(self, table: str, tid: int) -> None:
        """Give a translation's rows evenly spaced sort keys again (rarely needed)."""
        columns = _SPLICE_COLUMNS[table]
        rows = self._splice_rows(table, tid)
        self._db.execute(f"DELETE FROM {table} WHERE translation_id = ?", (tid,))
        placeholders = ", ".join("?" * (len(columns) + 2))
        self._db.executemany(
            f"INSERT INTO {table} (translation_id, ord, {', '.join(columns)}) "
            f"VALUES ({placeholders})",
            ((tid, i * ORD_STEP, *row) for i, row in enumerate(rows)))

    def _apply_row(self, op: Op) -> None:
        table, row_id = op["table"], int(op["id"])
        old = None if op["old"] is None else tuple(op["old"])
        current = self._keyed_row(table, row_id)
        if current != old:
            raise ConflictError(self.path, f"{table} entry {row_id} changed since; cannot "
                                "apply this change")
        if op["new"] is None:
            self._db.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        elif old is None:
            self._db.execute(_insert_sql(table, with_id=True), (row_id, *op["new"]))
        else:
            columns = _KEYED_COLUMNS[table]
            assignments = ", ".join(f"{c} = ?" for c in columns)
            self._db.execute(f"UPDATE {table} SET {assignments} WHERE id = ?",
                             (*op["new"], row_id))


# ---------------------------------------------------------------------- helpers


def _connect(path: Path, *, create: bool, busy_timeout_ms: int) -> sqlite3.Connection:
    mode = "rwc" if create else "rw"
    uri = f"{path.resolve().as_uri()}?mode={mode}"
    try:
        connection = sqlite3.connect(uri, uri=True, isolation_level=None,
                                     timeout=busy_timeout_ms / 1000, check_same_thread=False)
    except sqlite3.Error as exc:
        raise InputError(path, f"cannot open workspace ({exc})") from None
    try:
        connection.execute(f"PRAGMA busy_timeout = {int(busy_timeout_ms)}")
        mode_row = connection.execute("PRAGMA journal_mode = WAL").fetchone()
        if str(mode_row[0]).lower() != "wal":
            raise InputError(path, f"cannot use write-ahead logging (journal mode {mode_row[0]})")
        connection.execute("PRAGMA synchronous = FULL")
        connection.execute("PRAGMA foreign_keys = ON")
    except sqlite3.DatabaseError as exc:
        connection.close()
        if "readonly" in str(exc):
            raise InputError(path, "cannot be opened for writing: a workspace needs write "
                             "access to its file and to the folder it is in") from None
        raise InputError(path, f"not a workbench workspace ({exc})") from None
    return connection


def _insert_sql(table: str, *, with_id: bool = False) -> str:
    columns = list(_KEYED_COLUMNS[table])
    if with_id:
        columns.insert(0, "id")
    return (f"INSERT INTO {table} ({', '.join(columns)}) "
            f"VALUES ({', '.join('?' * len(columns))})")


def _splice_op(table: str, translation_id: int, pos: int, old: Sequence[Row],
               new: Sequence[Row]) -> Op:
    return {"op": "splice", "table": table, "translation": translation_id, "pos": pos,
            "old": [list(r) for r in old], "new": [list(r) for r in new]}


def _keys_between(before: int | None, after: int | None, count: int) -> list[int] | None:
    """``count`` increasing integer keys strictly between ``before`` and ``after``
    (either may be open), or None when the gap is too small."""
    if before is None and after is None:
        before, after = -ORD_STEP, ORD_STEP * count
    elif before is None:
        assert after is not None
        before = after - ORD_STEP * (count + 1)
    elif after is None:
        after = before + ORD_STEP * (count + 1)
    spacing = (after - before) // (count + 1)
    if spacing < 1:
        return None
    return [before + spacing * (k + 1) for k in range(count)]


def _inverse(op: Op) -> Op:
    return {**op, "old": op["new"], "new": op["old"]}


def _segment_rows(document: Document, segments: Sequence[str] | None
                  ) -> list[tuple[int, int, str | None]]:
    """Offsets (and edited text, where the text does not hold it) for each segment."""
    text = document.text
    if segments is None or list(segments) == [s.text for s in document.sentences]:
        return [(s.start, s.end, None) for s in document.sentences]
    rows: list[tuple[int, int, str | None]] = []
    cursor = 0
    for segment in segments:
        found = text.find(segment, cursor, cursor + len(segment) + 2000) if segment else -1
        if found >= 0:
            rows.append((found, found + len(segment), None))
            cursor = found + len(segment)
        else:
            rows.append((cursor, cursor, segment))
    return rows


def _rows_from_links(links: Sequence[Link], n_src: int, n_tgt: int) -> list[Row]:
    """Link rows (counts) covering both sides, in order; gaps become 1-0 / 0-1 links."""
    rows: list[Row] = []
    cursor = {"src": 0, "tgt": 0}
    for number, link in enumerate(links, start=1):
        if not link.src and not link.tgt:
            raise WorkspaceError(f"link {number} has no sentence on either side")
        for side, indices, gap_row in (("src", link.src, (1, 0, 0.0, "automatic")),
                                       ("tgt", link.tgt, (0, 1, 0.0, "automatic"))):
            if not indices:
                continue
            first = indices[0]
            if list(indices) != list(range(first, first + len(indices))):
                raise WorkspaceError(f"link {number}: {side} sentences {list(indices)} are "
                                     "not consecutive")
            if first < cursor[side]:
                raise WorkspaceError(f"link {number}: {side} sentence {first} is out of order "
                                     "or already linked")
            while cursor[side] < first:
                rows.append(gap_row)
                cursor[side] += 1
        rows.append((len(link.src), len(link.tgt), float(link.score),
                     LinkStatus(link.status).value))
        cursor["src"] += len(link.src)
        cursor["tgt"] += len(link.tgt)
    if cursor["src"] > n_src or cursor["tgt"] > n_tgt:
        raise WorkspaceError(f"links refer to sentences beyond the texts ({n_src} source, "
                             f"{n_tgt} target)")
    rows.extend((1, 0, 0.0, "automatic") for _ in range(n_src - cursor["src"]))
    rows.extend((0, 1, 0.0, "automatic") for _ in range(n_tgt - cursor["tgt"]))
    return rows


def _links_from_rows(rows: Sequence[Row]) -> list[Link]:
    links: list[Link] = []
    s = t = 0
    for src_count, tgt_count, score, status in rows:
        links.append(Link(tuple(range(s, s + src_count)), tuple(range(t, t + tgt_count)),
                          float(score), LinkStatus(status)))
        s += src_count
        t += tgt_count
    return links


def _link_holding(rows: Sequence[Row], side: Side, index: int) -> int:
    """The position of the link that holds sentence ``index`` on ``side``."""
    column = 0 if side == "src" else 1
    total = 0
    for position, row in enumerate(rows):
        total += row[column]
        if index < total:
            return position
    raise WorkspaceError(f"no link holds {side} sentence {index}")


def _is_row_id(number: int) -> bool:
    """Whether a number can be an SQLite row id (a larger one names no row)."""
    return -(2**63) <= number < 2**63


def _check_entry(entry: GlossaryEntry) -> None:
    if not entry.source.strip():
        raise WorkspaceError("a glossary entry needs a Russian term")


def _glossary_row(entry: GlossaryEntry) -> Row:
    return (entry.source, json.dumps(list(entry.targets), ensure_ascii=False),
            json.dumps(list(entry.forbidden), ensure_ascii=False), entry.pos, entry.definition,
            entry.note, int(entry.case_sensitive), entry.status)


def _glossary_entry(term_id: int, row: Sequence[Any]) -> GlossaryEntry:
    return GlossaryEntry(source=row[0], targets=tuple(json.loads(row[1])),
                         forbidden=tuple(json.loads(row[2])), pos=row[3], definition=row[4],
                         note=row[5], case_sensitive=bool(row[6]), status=row[7], id=term_id)
