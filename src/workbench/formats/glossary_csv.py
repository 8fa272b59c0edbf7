"""Glossary files as CSV or TSV (for spreadsheets and the shipped starter glossary).

Header row ``ru,en,forbidden,pos,definition,note,case_sensitive,status``
(``ru`` and ``en`` required, the other columns optional, in any order). ``en``
and ``forbidden`` hold one or several terms separated by ``|``; ``pos`` is a
TBX-Basic part of speech; ``case_sensitive`` is ``true`` or ``false``; ``status``
is ``approved`` or ``proposed``. UTF-8, with or without a BOM.

Reading checks the whole file before returning anything: a problem raises
:class:`~workbench.textio.InputError` naming the file and line, so an import of
a bad file changes nothing.
"""

from __future__ import annotations

import csv
import io
import os
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Literal

from workbench.core.glossary import approved_and_forbidden, same_term, term_key
from workbench.core.model import GlossaryEntry
from workbench.textio import InputError, decode_text, read_bytes, write_atomic

__all__ = [
    "COLUMNS",
    "PARTS_OF_SPEECH",
    "STATUSES",
    "TERM_SEPARATOR",
    "Dialect",
    "dialect_for_path",
    "parse_glossary",
    "read_glossary",
    "render_glossary",
    "write_glossary",
]

Dialect = Literal["csv", "tsv"]

COLUMNS = ("ru", "en", "forbidden", "pos", "definition", "note", "case_sensitive", "status")
REQUIRED_COLUMNS = ("ru", "en")
PARTS_OF_SPEECH = ("noun", "verb", "adjective", "adverb", "properNoun", "other")
STATUSES = ("approved", "proposed")
TERM_SEPARATOR = "|"
_TRUE = ("true", "yes", "1")
_FALSE = ("false", "no", "0", "")


def dialect_for_path(path: str | os.PathLike[str]) -> Dialect:
    """``tsv`` for ``.tsv``/``.tab`` files, ``csv`` otherwise."""
    return "tsv" if Path(path).suffix.lower() in (".tsv", ".tab") else "csv"


def _delimiter(dialect: Dialect) -> str:
    return "\t" if dialect == "tsv" else ","


def read_glossary(
    path: str | os.PathLike[str], dialect: Dialect | None = None
) -> list[GlossaryEntry]:
    """Read a glossary file; the dialect comes from the extension unless given."""
    data = read_bytes(path)
    return parse_glossary(decode_text(data, path), path, dialect or dialect_for_path(path))


def _split_terms(
    value: str, column: str, path: str | os.PathLike[str], line: int
) -> tuple[str, ...]:
    if not value.strip():
        return ()
    terms = tuple(part.strip() for part in value.split(TERM_SEPARATOR))
    if any(not term for term in terms):
        raise InputError(path, f"empty term in column '{column}'", line)
    return terms


_SEPARATOR_HINTS = {
    ";": "semicolons: save it as comma-separated CSV",
    "\t": "tabs: read it as TSV (a .tsv file)",
    ",": "commas: read it as CSV (a .csv file)",
}


def _separator_hint(names: list[str]) -> str:
    """Why a header row came out as one unknown column: the wrong separator."""
    if len(names) == 1:
        for separator, hint in _SEPARATOR_HINTS.items():
            if separator in names[0]:
                return f"; its columns seem separated by {hint}"
    return ""


def _parse_header(row: list[str], path: str | os.PathLike[str], line: int) -> list[str]:
    names = [name.strip() for name in row]
    for name in names:
        if name not in COLUMNS:
            expected = ",".join(COLUMNS)
            hint = _separator_hint(names)
            raise InputError(path, f"unknown column '{name}' (expected {expected}){hint}", line)
        if names.count(name) > 1:
            raise InputError(path, f"column '{name}' appears twice", line)
    for name in REQUIRED_COLUMNS:
        if name not in names:
            raise InputError(path, f"missing column '{name}'", line)
    return names


def _entry_from_row(
    fields: dict[str, str], path: str | os.PathLike[str], line: int
) -> GlossaryEntry:
    source = fields.get("ru", "").strip()
    if not source:
        raise InputError(path, "empty Russian term (column 'ru')", line)
    targets = _split_terms(fields.get("en", ""), "en", path, line)
    if not targets:
        raise InputError(path, "empty English term (column 'en')", line)
    forbidden = _split_terms(fields.get("forbidden", ""), "forbidden", path, line)
    pos = fields.get("pos", "").strip()
    if pos and pos not in PARTS_OF_SPEECH:
        raise InputError(
            path,
            f"unknown part of speech '{pos}' (expected one of {', '.join(PARTS_OF_SPEECH)})",
            line,
        )
    flag = fields.get("case_sensitive", "").strip().lower()
    if flag not in _TRUE + _FALSE:
        raise InputError(path, f"case_sensitive must be true or false, not '{flag}'", line)
    status = fields.get("status", "").strip() or "approved"
    if status not in STATUSES:
        raise InputError(path, f"status must be approved or proposed, not '{status}'", line)
    entry = GlossaryEntry(
        source=source,
        targets=targets,
        forbidden=forbidden,
        pos=pos,
        definition=fields.get("definition", ""),
        note=fields.get("note", ""),
        case_sensitive=flag in _TRUE,
        status=status,
    )
    for term in approved_and_forbidden(entry):
        raise InputError(path, f"'{term}' is both approved (column 'en') and forbidden", line)
    return entry


def parse_glossary(
    text: str, path: str | os.PathLike[str] = "<glossary>", dialect: Dialect = "csv"
) -> list[GlossaryEntry]:
    """Parse glossary text (``path`` only names the file in error messages)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(dialect), strict=True)
    entries: list[GlossaryEntry] = []
    earlier: dict[str, list[tuple[GlossaryEntry, int]]] = {}
    header: list[str] | None = None
    line = 1
    try:
        for row in reader:
            row_line, line = line, reader.line_num + 1
            if not any(cell.strip() for cell in row):
                continue
            if header is None:
                header = _parse_header(row, path, row_line)
                continue
            if len(row) != len(header):
                raise InputError(path, f"expected {len(header)} fields, found {len(row)}", row_line)
            entry = _entry_from_row(dict(zip(header, row, strict=True)), path, row_line)
            same_key = earlier.setdefault(term_key(entry.source), [])
            for first, first_line in same_key:
                if same_term(first, entry):
                    raise InputError(
                        path,
                        f"duplicate entry '{entry.source}' (first on line {first_line}); "
                        "different terms need different parts of speech",
                        row_line,
                    )
            same_key.append((entry, row_line))
            entries.append(entry)
    except csv.Error as exc:
        raise InputError(path, f"malformed {dialect.upper()}: {exc}", reader.line_num) from None
    if header is None:
        raise InputError(path, f"no header row (expected {','.join(COLUMNS)})", 1)
    return entries


def _check_writable(entry: GlossaryEntry) -> None:
    for term in (entry.source, *entry.targets, *entry.forbidden):
        if TERM_SEPARATOR in term:
            raise ValueError(f"term {term!r} contains '{TERM_SEPARATOR}', the term separator")
        if term != term.strip() or not term:
            raise ValueError(f"term {term!r} is empty or has surrounding spaces")
    if not entry.targets:
        raise ValueError(f"entry {entry.source!r} has no English term")


def render_glossary(entries: Iterable[GlossaryEntry], dialect: Dialect = "csv") -> str:
    """The file text for ``entries`` (header row first)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=_delimiter(dialect), lineterminator="\n")
    writer.writerow(COLUMNS)
    for entry in entries:
        _check_writable(entry)
        writer.writerow(
            [
                entry.source,
                TERM_SEPARATOR.join(entry.targets),
                TERM_SEPARATOR.join(entry.forbidden),
                entry.pos,
                entry.definition,
                entry.note,
                "true" if entry.case_sensitive else "false",
                entry.status,
            ]
        )
    return out.getvalue()


def write_glossary(
    entries: Sequence[GlossaryEntry],
    path: str | os.PathLike[str],
    dialect: Dialect | None = None,
) -> None:
    """Write a glossary file atomically (the dialect from the extension unless given)."""
    write_atomic(path, render_glossary(entries, dialect or dialect_for_path(path)))
