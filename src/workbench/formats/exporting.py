"""Writing a workspace's exports into a folder: which files each format makes, and where.

Per translation: ``NAME.tmx``, ``NAME.po``, ``NAME.xlf`` (XLIFF 2.1) and
``NAME.xliff12.xlf`` (XLIFF 1.2); for the glossary: ``glossary.tbx``,
``glossary.csv``, ``glossary.tsv`` and ``glossary.po``. ``NAME`` is the
translation's name made safe for a file name (:func:`file_stem`), so no export
can land outside the output folder. Every file is written atomically.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.model import Finding, ProjectSnapshot, Translation
from workbench.formats import NothingToExport, glossary_po, po, tbx, tmx, xliff
from workbench.formats.glossary_csv import render_glossary
from workbench.textio import write_atomic

TRANSLATION_FORMATS = ("tmx", "po", "xliff", "xliff12")
GLOSSARY_FORMATS = ("tbx", "glossary-csv", "glossary-tsv", "glossary-po")
FORMATS = (*TRANSLATION_FORMATS, *GLOSSARY_FORMATS)
ALL = "all"

SUFFIXES = {"tmx": ".tmx", "po": ".po", "xliff": ".xlf", "xliff12": ".xliff12.xlf"}
GLOSSARY_FILES = {
    "tbx": "glossary.tbx",
    "glossary-csv": "glossary.csv",
    "glossary-tsv": "glossary.tsv",
    "glossary-po": "glossary.po",
}
RESERVED_STEMS = ("glossary", "report")
MAX_STEM = 80

TranslationWriter = Callable[[ProjectSnapshot, Translation, str, Sequence[Finding]], bytes]


@dataclass(frozen=True, slots=True)
class ExportResult:
    written: list[Path]
    skipped: list[str]


def file_stem(name: str) -> str:
    """A translation name as a safe file name stem: letters, digits, ``-`` and ``_``
    only; never empty, never hidden, never a path, never a reserved name."""
    text = unicodedata.normalize("NFC", name)
    text = re.sub(r"[^\w-]+", "_", text).strip("_-")[:MAX_STEM].strip("_-")
    if not text:
        text = "translation"
    if text.lower() in RESERVED_STEMS:
        text += "-translation"
    return text


def translation_stems(names: Sequence[str]) -> dict[str, str]:
    """A distinct file stem for each translation name (``-2``, ``-3`` on clashes)."""
    stems: dict[str, str] = {}
    used: set[str] = set()
    for name in names:
        stem = file_stem(name)
        candidate, n = stem, 2
        while candidate.lower() in used:
            candidate, n = f"{stem}-{n}", n + 1
        used.add(candidate.lower())
        stems[name] = candidate
    return stems


def inside(out_dir: Path, file_name: str) -> Path:
    """``out_dir / file_name``, refusing any name that would leave ``out_dir``."""
    base = out_dir.resolve()
    target = (base / file_name).resolve()
    if target.parent != base:
        raise ValueError(f"export file name {file_name!r} would leave {out_dir}")
    return target


def _tmx(s: ProjectSnapshot, t: Translation, created: str, _: Sequence[Finding]) -> bytes:
    return tmx.write_tmx(s, t, created=created)


def _po(s: ProjectSnapshot, t: Translation, created: str, f: Sequence[Finding]) -> bytes:
    return po.write_po(s, t, created=created, findings=f)


def _xliff(s: ProjectSnapshot, t: Translation, created: str, f: Sequence[Finding]) -> bytes:
    return xliff.write_xliff(s, t, created=created, findings=f)


def _xliff12(s: ProjectSnapshot, t: Translation, created: str, f: Sequence[Finding]) -> bytes:
    return xliff.write_xliff12(s, t, created=created, findings=f)


TRANSLATION_WRITERS: dict[str, TranslationWriter] = {
    "tmx": _tmx,
    "po": _po,
    "xliff": _xliff,
    "xliff12": _xliff12,
}


def glossary_bytes(snapshot: ProjectSnapshot, fmt: str, created: str) -> bytes:
    entries = snapshot.glossary
    if fmt == "tbx":
        return tbx.write_tbx(entries, project=snapshot.name, created=created)
    if fmt == "glossary-po":
        return glossary_po.write_glossary_po(entries, project=snapshot.name, created=created)
    return render_glossary(entries, "tsv" if fmt == "glossary-tsv" else "csv").encode("utf-8")


def qa_findings(snapshot: ProjectSnapshot) -> dict[str, list[Finding]]:
    """The QA findings of every translation (what PO and XLIFF exports annotate)."""
    from workbench.core.qa import run_checks

    return {
        t.name: run_checks(
            snapshot.source.sentences, t.segments, t.links, snapshot.glossary, snapshot.quotations
        )
        for t in snapshot.translations
    }


def expand_formats(fmt: str) -> list[str]:
    if fmt == ALL:
        return list(FORMATS)
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; known: {', '.join(FORMATS)}, all")
    return [fmt]


def export_snapshot(
    snapshot: ProjectSnapshot,
    fmt: str,
    out_dir: str | Path,
    *,
    created: str,
    translation: str | None = None,
    findings: Mapping[str, Sequence[Finding]] | None = None,
) -> ExportResult:
    """Write the exports of ``fmt`` (a format name or ``all``) into ``out_dir``.

    ``created`` (the workspace's creation time) dates the files, so the same
    workspace always gives the same bytes. ``translation`` limits the
    per-translation formats to one translation. Raises ``KeyError`` for an
    unknown translation name.
    """
    formats = expand_formats(fmt)
    out = Path(out_dir)
    translations = snapshot.translations
    if translation is not None:
        translations = [t for t in translations if t.name == translation]
        if not translations:
            raise KeyError(translation)
    stems = translation_stems([t.name for t in snapshot.translations])
    wanted_findings = any(f in ("po", "xliff", "xliff12") for f in formats)
    if findings is None and wanted_findings and translations:
        findings = qa_findings(snapshot)
    written: list[Path] = []
    skipped: list[str] = []
    for name in formats:
        if name in TRANSLATION_WRITERS:
            for t in translations:
                data = TRANSLATION_WRITERS[name](
                    snapshot, t, created, (findings or {}).get(t.name, ())
                )
                target = inside(out, stems[t.name] + SUFFIXES[name])
                write_atomic(target, data)
                written.append(target)
        else:
            try:
                data = glossary_bytes(snapshot, name, created)
            except NothingToExport as exc:
                skipped.append(f"{name}: {exc}")
                continue
            target = inside(out, GLOSSARY_FILES[name])
            write_atomic(target, data)
            written.append(target)
    return ExportResult(written, skipped)
