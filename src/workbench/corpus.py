"""Reading the shipped corpus: its manifest, gold alignments and translator's notes.

``corpus/manifest.toml`` names every document (the Russian source in ``seeds/``
and its English translations), with language, role, translator, approach,
licence, gold alignment and sentence count, plus the glossary and notes files::

    [corpus]
    name = "Bukharin and Stalin, 1928"
    glossary = "glossary.csv"
    notes = "notes.csv"

    [[document]]
    id = "close"
    file = "close.en.txt"          # relative to the manifest's folder
    lang = "en"
    role = "translation"           # or "source"
    translation_of = "seed"
    gold = "close.gold"
    sentences = 46

Gold alignments are in vecalign format, one link a line: ``[0, 1]:[0]``,
``[5]:[]`` (1-0), ``[]:[7]`` (0-1), optionally followed by ``:score``. Notes are
CSV with the header ``translation,src_index,author,created,text``.

Every problem is an :class:`~workbench.textio.InputError` naming the file (and
the line where there is one). This module reads files; the core never does.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from itertools import pairwise
from pathlib import Path
from typing import Any

from workbench.core.model import Link, LinkStatus, Note
from workbench.textio import InputError, read_text

__all__ = [
    "MANIFEST_NAME",
    "NOTES_COLUMNS",
    "ROLES",
    "CorpusDocument",
    "CorpusManifest",
    "load_manifest",
    "parse_gold",
    "parse_notes",
    "read_gold",
    "read_notes",
]

MANIFEST_NAME = "manifest.toml"
ROLES = ("source", "translation")
NOTES_COLUMNS = ("translation", "src_index", "author", "created", "text")

_CORPUS_KEYS = frozenset({"name", "created", "glossary", "notes", "licence"})
_DOCUMENT_KEYS = frozenset(
    {
        "id",
        "file",
        "lang",
        "role",
        "translation_of",
        "title",
        "translator",
        "approach",
        "licence",
        "provenance",
        "gold",
        "sentences",
    }
)
_REQUIRED_DOCUMENT_KEYS = ("id", "file", "lang", "role")


@dataclass(frozen=True, slots=True)
class CorpusDocument:
    """One text of the corpus, as the manifest describes it."""

    id: str
    path: Path
    lang: str
    role: str
    translation_of: str | None = None
    title: str = ""
    translator: str = ""
    approach: str = ""
    licence: str = ""
    provenance: str = ""
    gold: Path | None = None
    sentences: int | None = None
    """The sentence count the manifest states (as ``workbench segment`` gives it)."""

    @property
    def is_source(self) -> bool:
        return self.role == "source"


@dataclass(frozen=True, slots=True)
class CorpusManifest:
    """The whole corpus: its documents and the glossary and notes shipped with them."""

    path: Path
    """The manifest file."""
    name: str
    documents: tuple[CorpusDocument, ...]
    glossary: Path | None = None
    notes: Path | None = None
    created: str = ""
    licence: str = ""

    @property
    def root(self) -> Path:
        """The folder the manifest's relative paths start from."""
        return self.path.parent

    @property
    def source(self) -> CorpusDocument:
        """The source document (a manifest has exactly one)."""
        return next(doc for doc in self.documents if doc.is_source)

    @property
    def translations(self) -> tuple[CorpusDocument, ...]:
        """The translations, in manifest order."""
        return tuple(doc for doc in self.documents if not doc.is_source)

    def document(self, doc_id: str) -> CorpusDocument:
        """The document with this id (``KeyError`` if there is none)."""
        for doc in self.documents:
            if doc.id == doc_id:
                return doc
        raise KeyError(doc_id)


# --------------------------------------------------------------------- manifest


def _manifest_path(root: Path) -> Path:
    if root.is_file():
        return root
    for candidate in (root / MANIFEST_NAME, root / "corpus" / MANIFEST_NAME):
        if candidate.is_file():
            return candidate
    return root / MANIFEST_NAME


_TOML_LINE_RE = re.compile(r"\(at line (\d+), column \d+\)")


def _parse_toml(path: Path) -> dict[str, Any]:
    text = read_text(path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_LINE_RE.search(message)
        line = int(found.group(1)) if found else None
        message = _TOML_LINE_RE.sub("", message).strip()
        raise InputError(path, f"not valid TOML: {message}", line) from None


def _text_field(
    table: Mapping[str, Any], key: str, path: Path, where: str, *, required: bool = False
) -> str:
    value = table.get(key)
    if value is None:
        if required:
            raise InputError(path, f"{where}: missing '{key}'")
        return ""
    if not isinstance(value, str):
        raise InputError(path, f"{where}: '{key}' must be a string, not {type(value).__name__}")
    if required and not value.strip():
        raise InputError(path, f"{where}: '{key}' is empty")
    return value


def _existing_file(folder: Path, name: str, path: Path, where: str, key: str) -> Path:
    target = (folder / name).resolve()
    if not target.is_file():
        raise InputError(path, f"{where}: {key} file '{name}' does not exist ({target})")
    return target


def _document(table: Any, index: int, path: Path) -> CorpusDocument:
    where = f"document {index + 1}"
    if not isinstance(table, dict):
        raise InputError(path, f"{where}: expected a [[document]] table")
    unknown = sorted(set(table) - _DOCUMENT_KEYS)
    if unknown:
        raise InputError(path, f"{where}: unknown key(s) {', '.join(unknown)}")
    doc_id = _text_field(table, "id", path, where, required=True)
    where = f"document '{doc_id}'"
    fields = {key: _text_field(table, key, path, where, required=True)
              for key in _REQUIRED_DOCUMENT_KEYS[1:]}
    role = fields["role"]
    if role not in ROLES:
        raise InputError(path, f"{where}: role must be 'source' or 'translation', not '{role}'")
    folder = path.parent
    translation_of = _text_field(table, "translation_of", path, where) or None
    gold_name = _text_field(table, "gold", path, where)
    if role == "translation" and translation_of is None:
        raise InputError(path, f"{where}: a translation needs 'translation_of'")
    if role == "source" and (translation_of is not None or gold_name):
        raise InputError(path, f"{where}: a source has no 'translation_of' or 'gold'")
    sentences = table.get("sentences")
    if sentences is not None and (
        not isinstance(sentences, int) or isinstance(sentences, bool) or sentences < 0
    ):
        raise InputError(path, f"{where}: 'sentences' must be a whole number >= 0")
    return CorpusDocument(
        id=doc_id,
        path=_existing_file(folder, fields["file"], path, where, "text"),
        lang=fields["lang"],
        role=role,
        translation_of=translation_of,
        title=_text_field(table, "title", path, where),
        translator=_text_field(table, "translator", path, where),
        approach=_text_field(table, "approach", path, where),
        licence=_text_field(table, "licence", path, where),
        provenance=_text_field(table, "provenance", path, where),
        gold=_existing_file(folder, gold_name, path, where, "gold") if gold_name else None,
        sentences=sentences,
    )


def load_manifest(root: Path) -> CorpusManifest:
    """Read and check ``manifest.toml``.

    ``root`` is the corpus folder, the manifest file itself, or a folder holding
    ``corpus/manifest.toml``. Every file the manifest names must exist; ids are
    unique; there is exactly one source and every translation names it.
    """
    path = _manifest_path(Path(root))
    data = _parse_toml(path)
    corpus = data.get("corpus", {})
    if not isinstance(corpus, dict):
        raise InputError(path, "[corpus] must be a table")
    unknown = sorted(set(corpus) - _CORPUS_KEYS)
    if unknown:
        raise InputError(path, f"[corpus]: unknown key(s) {', '.join(unknown)}")
    extra = sorted(set(data) - {"corpus", "document"})
    if extra:
        raise InputError(path, f"unknown table(s) {', '.join(extra)}")
    tables = data.get("document", [])
    if not isinstance(tables, list) or not tables:
        raise InputError(path, "no [[document]] entries")
    documents = tuple(_document(table, n, path) for n, table in enumerate(tables))

    ids = [doc.id for doc in documents]
    for doc_id in ids:
        if ids.count(doc_id) > 1:
            raise InputError(path, f"document id '{doc_id}' is used more than once")
    sources = [doc for doc in documents if doc.is_source]
    if len(sources) != 1:
        raise InputError(path, f"expected exactly one source document, found {len(sources)}")
    for doc in documents:
        if doc.translation_of is not None and doc.translation_of != sources[0].id:
            raise InputError(
                path,
                f"document '{doc.id}': translation_of '{doc.translation_of}' "
                "is not the source document's id",
            )
    glossary = _text_field(corpus, "glossary", path, "[corpus]")
    notes = _text_field(corpus, "notes", path, "[corpus]")
    return CorpusManifest(
        path=path.resolve(),
        name=_text_field(corpus, "name", path, "[corpus]") or path.parent.name,
        documents=documents,
        glossary=_existing_file(path.parent, glossary, path, "[corpus]", "glossary")
        if glossary
        else None,
        notes=_existing_file(path.parent, notes, path, "[corpus]", "notes") if notes else None,
        created=_text_field(corpus, "created", path, "[corpus]"),
        licence=_text_field(corpus, "licence", path, "[corpus]"),
    )


# ---------------------------------------------------------------- gold alignments

_INDICES = r"\[\s*((?:\d+\s*,\s*)*\d+)?\s*\]"
_GOLD_LINE_RE = re.compile(
    rf"^{_INDICES}\s*:\s*{_INDICES}(?:\s*:\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?))?$"
)


def _indices(group: str | None) -> tuple[int, ...]:
    if group is None:
        return ()
    return tuple(int(part) for part in group.split(","))


def _contiguous(indices: tuple[int, ...]) -> bool:
    return all(b == a + 1 for a, b in pairwise(indices))


def parse_gold(
    text: str,
    path: str | Path = "<gold>",
    src_count: int | None = None,
    tgt_count: int | None = None,
) -> list[Link]:
    """Parse a vecalign-format alignment; ``path`` only names the file in errors.

    Each link's indices must be ascending and contiguous, and a link cannot be
    empty on both sides. Given the sentence counts, the links must also cover
    every source and target sentence exactly once, in order (monotone).
    """
    links: list[Link] = []
    next_src = next_tgt = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        match = _GOLD_LINE_RE.match(line)
        if match is None:
            raise InputError(
                path, f"not an alignment link (expected e.g. '[0, 1]:[0]'): {line!r}", number
            )
        src, tgt = _indices(match.group(1)), _indices(match.group(2))
        if not src and not tgt:
            raise InputError(path, "a link must have at least one sentence on one side", number)
        for side, indices in (("source", src), ("target", tgt)):
            if not _contiguous(indices):
                raise InputError(
                    path, f"{side} indices {list(indices)} are not ascending and contiguous", number
                )
        if src_count is not None and tgt_count is not None:
            for side, indices, expected, count in (
                ("source", src, next_src, src_count),
                ("target", tgt, next_tgt, tgt_count),
            ):
                if indices and indices[-1] >= count:
                    raise InputError(
                        path,
                        f"{side} sentence {indices[-1]} does not exist "
                        f"(there are {count}, numbered from 0)",
                        number,
                    )
                if indices and indices[0] != expected:
                    what = "repeats or goes back to" if indices[0] < expected else "skips"
                    raise InputError(
                        path,
                        f"link {line} {what} {side} sentences: {side} sentence "
                        f"{expected} comes next",
                        number,
                    )
        next_src += len(src)
        next_tgt += len(tgt)
        score = float(match.group(3)) if match.group(3) is not None else 1.0
        links.append(Link(src=src, tgt=tgt, score=score, status=LinkStatus.CONFIRMED))
    if src_count is not None and tgt_count is not None:
        for side, covered, count in (
            ("source", next_src, src_count),
            ("target", next_tgt, tgt_count),
        ):
            if covered != count:
                raise InputError(
                    path,
                    f"the links cover {covered} {side} sentences, but there are {count}",
                )
    return links


def read_gold(
    path: str | Path, src_count: int | None = None, tgt_count: int | None = None
) -> list[Link]:
    """Read a gold alignment file (see :func:`parse_gold`); links come back ``confirmed``."""
    return parse_gold(read_text(path), path, src_count, tgt_count)


# ------------------------------------------------------------------------- notes


def parse_notes(text: str, path: str | Path = "<notes>") -> list[Note]:
    """Parse translator's notes CSV (``translation,src_index,author,created,text``).

    ``translation`` may be empty for a note on the source segment alone;
    ``src_index`` is a 0-based source sentence index; ``created`` is ISO 8601.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    notes: list[Note] = []
    header: list[str] | None = None
    line = 1
    try:
        for row in reader:
            row_line, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = [cell.strip() for cell in row]
                if sorted(header) != sorted(NOTES_COLUMNS):
                    raise InputError(
                        path,
                        f"header must name the columns {','.join(NOTES_COLUMNS)}, "
                        f"not {','.join(header)}",
                        row_line,
                    )
                continue
            if len(row) != len(header):
                raise InputError(path, f"expected {len(header)} fields, found {len(row)}", row_line)
            notes.append(_note(dict(zip(header, row, strict=True)), path, row_line))
    except csv.Error as exc:
        raise InputError(path, f"malformed CSV: {exc}", reader.line_num) from None
    if header is None:
        raise InputError(path, f"no header row (expected {','.join(NOTES_COLUMNS)})", 1)
    return notes


def _note(fields: dict[str, str], path: str | Path, line: int) -> Note:
    index_text = fields["src_index"].strip()
    if not index_text.isdigit():
        raise InputError(
            path, f"src_index must be a sentence number (0 or more), not {index_text!r}", line
        )
    created = fields["created"].strip()
    if created:
        try:
            datetime.fromisoformat(created)
        except ValueError:
            raise InputError(
                path, f"created must be an ISO 8601 date and time, not {created!r}", line
            ) from None
    text = fields["text"].strip()
    if not text:
        raise InputError(path, "empty note text", line)
    return Note(
        text=text,
        src_index=int(index_text),
        author=fields["author"].strip(),
        created=created,
        translation=fields["translation"].strip() or None,
    )


def read_notes(path: str | Path) -> list[Note]:
    """Read a translator's notes file (see :func:`parse_notes`)."""
    return parse_notes(read_text(path), path)
