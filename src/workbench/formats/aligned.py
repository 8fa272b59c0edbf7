"""What the aligned-text formats (TMX, PO, XLIFF) share.

A link is exported as one unit: the Russian sentences of the link joined with a
space, the English segments joined with a space, and enough metadata to split
them again (the character lengths of each sentence when a side holds more than
one), the link status and score, and the status of each English segment.

So that a workspace can be rebuilt from an export alone, the text between the
Russian sentences (paragraph breaks, say) is kept too: a unit records the text
before each of its sentences when it is not the usual single space
(:func:`format_gaps`), and the file records what follows the last sentence.

Writers take the links from :func:`export_units` (one :class:`ExportUnit` each);
readers build each link with :func:`imported_unit` and return an
:class:`AlignedImport`, which :func:`build_translation` turns into the English side
of a :class:`~workbench.core.model.Translation`.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from workbench.core.model import (
    Document,
    Finding,
    Link,
    LinkStatus,
    Note,
    ProjectSnapshot,
    QuotationSpan,
    SegmentStatus,
    Span,
    Translation,
)
from workbench.textio import InputError

SOURCE_LANG = "ru"
TARGET_LANG = "en"
JOINER = " "
SCORE_FORMAT = "{:.4f}"


@dataclass(slots=True)
class ImportedUnit:
    """One link as a file holds it, with the line it starts on (for error messages)."""

    line: int
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    source_sentences: list[str]
    target_segments: list[str]
    score: float
    status: LinkStatus
    segment_statuses: list[SegmentStatus]
    notes: list[Note] = field(default_factory=list)
    source_gaps: list[str] | None = None


@dataclass(slots=True)
class AlignedImport:
    """The content of one TMX, PO or XLIFF file: one translation aligned to the source."""

    path: str
    project: str
    translation: str
    units: list[ImportedUnit]
    created: str = ""
    source_end: str = ""
    translator: str = ""


# --- link metadata --------------------------------------------------------------------------


def format_indices(indices: Sequence[int]) -> str:
    """``(12, 13)`` → ``"12 13"``; an empty side → ``""``."""
    return " ".join(str(i) for i in indices)


def parse_indices(text: str, path: str, line: int, what: str) -> tuple[int, ...]:
    text = text.strip()
    if not text:
        return ()
    try:
        values = tuple(int(part) for part in text.split())
    except ValueError:
        raise InputError(path, f"{what}: expected sentence indices, got {text!r}", line) from None
    if any(v < 0 for v in values):
        raise InputError(path, f"{what}: negative sentence index in {text!r}", line)
    if any(b != a + 1 for a, b in itertools.pairwise(values)):
        raise InputError(path, f"{what}: sentence indices must be contiguous, got {text!r}", line)
    return values


def format_range(indices: Sequence[int]) -> str:
    """``(12, 13)`` → ``"12-13"``, ``(12,)`` → ``"12"``, ``()`` → ``"-"``."""
    if not indices:
        return "-"
    if len(indices) == 1:
        return str(indices[0])
    return f"{indices[0]}-{indices[-1]}"


def parse_range(text: str, path: str, line: int, what: str) -> tuple[int, ...]:
    if text == "-":
        return ()
    match = re.fullmatch(r"(\d+)(?:-(\d+))?", text)
    if match is None:
        raise InputError(path, f"{what}: expected an index or range like 12-13, got {text!r}", line)
    first = int(match.group(1))
    last = int(match.group(2)) if match.group(2) else first
    if last < first:
        raise InputError(path, f"{what}: range {text!r} runs backwards", line)
    return tuple(range(first, last + 1))


def format_lengths(parts: Sequence[str]) -> str:
    """Character lengths of the parts of a joined side, ``"56+80"``; ``""`` for one part."""
    return "+".join(str(len(p)) for p in parts) if len(parts) > 1 else ""


def split_joined(
    text: str, count: int, lengths: str, path: str, line: int, what: str
) -> list[str]:
    """Split a joined side back into ``count`` parts using the recorded ``lengths``.

    When the text no longer fits the lengths (an editor changed it), the whole
    text becomes the first part and the others are left empty, so nothing is lost.
    """
    if count == 0:
        if text:
            raise InputError(path, f"{what}: text given for a side without sentences", line)
        return []
    if count == 1:
        return [text]
    try:
        sizes = [int(n) for n in lengths.split("+")] if lengths else []
    except ValueError:
        raise InputError(path, f"{what}: bad lengths {lengths!r}", line) from None
    if len(sizes) == count and sum(sizes) + len(JOINER) * (count - 1) == len(text):
        parts = []
        pos = 0
        for size in sizes:
            parts.append(text[pos : pos + size])
            pos += size + len(JOINER)
        if JOINER.join(parts) == text:
            return parts
    return [text] + [""] * (count - 1)


def sentence_gaps(document: Document) -> list[str]:
    """The text before each sentence of ``document`` (after the previous one)."""
    gaps = []
    end = 0
    for span in document.sentences:
        gaps.append(document.text[end : span.start])
        end = span.end
    return gaps


def document_end(document: Document) -> str:
    """The text after the last sentence of ``document``."""
    return document.text[document.sentences[-1].end :] if document.sentences else document.text


def _default_gap(index: int) -> str:
    return "" if index == 0 else JOINER


def format_gaps(gaps: Sequence[str], indices: Sequence[int]) -> str:
    """The gaps before the sentences ``indices`` as JSON, or ``""`` when they are all
    the default (nothing before the first sentence, a space before the others)."""
    chosen = [gaps[i] for i in indices]
    if all(gap == _default_gap(i) for gap, i in zip(chosen, indices, strict=True)):
        return ""
    return json.dumps(chosen, ensure_ascii=True).replace(";", "\\u003b")


def parse_gaps(
    text: str, indices: Sequence[int], path: str, line: int
) -> list[str] | None:
    if not text.strip():
        return None
    try:
        gaps = json.loads(text)
    except ValueError:
        raise InputError(path, f"sentence gaps: expected a JSON list, got {text!r}", line) from None
    if not (isinstance(gaps, list) and all(isinstance(g, str) for g in gaps)):
        raise InputError(path, "sentence gaps: expected a JSON list of strings", line)
    if len(gaps) != len(indices):
        raise InputError(path, f"{len(gaps)} sentence gaps for {len(indices)} sentences", line)
    return gaps


def format_text(text: str) -> str:
    """A short text (the end of a document) as a JSON string."""
    return json.dumps(text, ensure_ascii=True).replace(";", "\\u003b")


def parse_text(value: str, path: str, line: int | None = None) -> str:
    if not value.strip():
        return ""
    try:
        text = json.loads(value)
    except ValueError:
        raise InputError(path, f"expected a JSON string, got {value!r}", line) from None
    if not isinstance(text, str):
        raise InputError(path, f"expected a JSON string, got {value!r}", line)
    return text


def rebuild_source(imported: AlignedImport, name: str) -> Document:
    """The Russian document as the file records it: its sentences, the text between
    them (a single space where the file records none) and the text after the last."""
    parts: list[str] = []
    spans: list[Span] = []
    pos = 0
    for unit in imported.units:
        if unit.src and unit.src[0] != len(spans):
            raise InputError(
                imported.path,
                f"Russian sentence {unit.src[0]} out of order (expected {len(spans)})",
                unit.line,
            )
        gaps = unit.source_gaps or [_default_gap(i) for i in unit.src]
        for gap, sentence in zip(gaps, unit.source_sentences, strict=True):
            pos += len(gap)
            spans.append(Span(pos, pos + len(sentence), sentence))
            pos += len(sentence)
            parts += [gap, sentence]
    parts.append(imported.source_end)
    return Document(name=name, lang=SOURCE_LANG, text="".join(parts), sentences=spans)


def join_side(texts: Sequence[str], indices: Sequence[int]) -> str:
    return JOINER.join(texts[i] for i in indices)


def format_score(score: float) -> str:
    return SCORE_FORMAT.format(score)


def parse_score(text: str, path: str, line: int) -> float:
    try:
        value = float(text)
    except ValueError:
        raise InputError(path, f"link score: expected a number, got {text!r}", line) from None
    if not 0.0 <= value <= 1.0:
        raise InputError(path, f"link score {text!r} is outside 0..1", line)
    return value


def parse_link_status(text: str, path: str, line: int) -> LinkStatus:
    try:
        return LinkStatus(text)
    except ValueError:
        allowed = ", ".join(s.value for s in LinkStatus)
        raise InputError(path, f"link status {text!r} is not one of {allowed}", line) from None


def segment_statuses(translation: Translation, link: Link) -> list[SegmentStatus]:
    return [translation.statuses.get(i, SegmentStatus.DRAFT) for i in link.tgt]


def format_segment_statuses(statuses: Sequence[SegmentStatus]) -> str:
    return " ".join(s.value for s in statuses)


def parse_segment_statuses(
    text: str, count: int, path: str, line: int
) -> list[SegmentStatus]:
    words = text.split()
    if not words:
        return [SegmentStatus.DRAFT] * count
    try:
        statuses = [SegmentStatus(w) for w in words]
    except ValueError:
        allowed = ", ".join(s.value for s in SegmentStatus)
        raise InputError(
            path, f"segment status {text!r}: each must be one of {allowed}", line
        ) from None
    if len(statuses) != count:
        raise InputError(
            path, f"{len(statuses)} segment statuses for {count} English segments", line
        )
    return statuses


# --- XLIFF-style states ---------------------------------------------------------------------


def unit_state(link: Link, statuses: Sequence[SegmentStatus]) -> str:
    """The XLIFF 2 state of a link: ``initial`` (no English), ``translated``,
    ``reviewed`` (link confirmed or English reviewed) or ``final`` (both)."""
    if not link.tgt:
        return "initial"
    reviewed_text = all(s is SegmentStatus.REVIEWED for s in statuses)
    if link.fixed and reviewed_text:
        return "final"
    if link.fixed or reviewed_text:
        return "reviewed"
    return "translated"


def statuses_after_state(
    state: str, link: Link, statuses: Sequence[SegmentStatus]
) -> tuple[LinkStatus, list[SegmentStatus]]:
    """The link and segment statuses of a unit whose XLIFF state a CAT tool may have
    changed. The state :func:`unit_state` wrote keeps the recorded statuses; another
    state is the reviewer's decision: ``final`` confirms the link and marks the English
    reviewed, ``reviewed`` confirms the link (or, from ``final``, takes back the review
    of the English), ``translated`` takes back a confirmation and a review, ``initial``
    makes the English a draft."""
    if not link.tgt or state == unit_state(link, statuses):
        return link.status, list(statuses)
    unreviewed: list[SegmentStatus] = [
        SegmentStatus.TRANSLATED if s is SegmentStatus.REVIEWED else s for s in statuses
    ]
    if state == "final":
        confirmed = link.status if link.fixed else LinkStatus.CONFIRMED
        return confirmed, [SegmentStatus.REVIEWED] * len(statuses)
    if state == "reviewed":
        if link.fixed:
            return link.status, unreviewed
        return LinkStatus.CONFIRMED, list(statuses)
    if state == "translated":
        unconfirmed: LinkStatus = (
            LinkStatus.AUTOMATIC if link.status is LinkStatus.CONFIRMED else link.status
        )
        return unconfirmed, unreviewed
    return link.status, [SegmentStatus.DRAFT] * len(statuses)


def status_from_state(state: str, tgt_count: int) -> tuple[LinkStatus, list[SegmentStatus]]:
    """The inverse of :func:`unit_state` for files that carry no workbench metadata."""
    if state == "final":
        return LinkStatus.CONFIRMED, [SegmentStatus.REVIEWED] * tgt_count
    if state == "reviewed":
        return LinkStatus.CONFIRMED, [SegmentStatus.TRANSLATED] * tgt_count
    if state == "translated":
        return LinkStatus.AUTOMATIC, [SegmentStatus.TRANSLATED] * tgt_count
    return LinkStatus.AUTOMATIC, [SegmentStatus.DRAFT] * tgt_count


# --- notes, quotations, findings as text ----------------------------------------------------

# Spaces in the header may have become line breaks: PO editors and libraries (polib
# by default) wrap long comment lines.
_NOTE_HEADER = re.compile(
    r"\[sentence\s+(?P<src>\d+)"
    r"(?:;\s*by\s+(?P<author>[^;\]]*))?"
    r"(?:;\s*created\s+(?P<created>[^;\]\s]*))?"
    r"(?:;\s*modified\s+(?P<modified>[^;\]\s]*))?"
    r"(?P<general>;\s*all\s+translations)?\s*\]\s?",
)


def format_note(note: Note) -> str:
    """A note as one text: ``[sentence 12; by A; created T; all translations] text``."""
    header = f"[sentence {note.src_index}"
    if note.author:
        header += f"; by {note.author.replace(';', ',').replace(']', ')')}"
    if note.created:
        header += f"; created {note.created}"
    if note.modified:
        header += f"; modified {note.modified}"
    if note.translation is None:
        header += "; all translations"
    return f"{header}] {note.text}"


def parse_note(text: str, translation: str, default_src: int) -> Note:
    """Read a note written by :func:`format_note`; other text is a plain note on the link."""
    match = _NOTE_HEADER.match(text)
    if match is None:
        return Note(text=text, src_index=default_src, translation=translation)
    return Note(
        text=text[match.end() :],
        src_index=int(match.group("src")),
        author=(match.group("author") or "").replace("\n", " "),
        created=match.group("created") or "",
        modified=match.group("modified") or "",
        translation=None if match.group("general") else translation,
    )


def notes_by_link(
    notes: Iterable[Note], translation: Translation, links: Sequence[Link]
) -> list[list[Note]]:
    """The notes that belong to each link (by the link's source sentences), in a stable order.

    Notes on a source sentence that no link covers are attached to no link.
    """
    owner: dict[int, int] = {}
    for index, link in enumerate(links):
        for s in link.src:
            owner[s] = index
    result: list[list[Note]] = [[] for _ in links]
    for note in notes:
        if note.translation not in (None, translation.name):
            continue
        holder = owner.get(note.src_index)
        if holder is not None:
            result[holder].append(note)
    for group in result:
        group.sort(key=lambda n: (n.src_index, n.created, n.author, n.text))
    return result


def quotations_by_link(
    quotations: Sequence[QuotationSpan], source: Document, links: Sequence[Link]
) -> list[list[QuotationSpan]]:
    """The quotations that overlap each link's Russian sentences.

    Links are monotone, so one sweep over the quotations (sorted by start) finds
    them all in time linear in links plus quotations (plus overlaps).
    """
    spans = source.sentences
    ordered = sorted(quotations, key=lambda q: (q.start, q.end))
    result: list[list[QuotationSpan]] = []
    low = high = 0
    for link in links:
        if not link.src or link.src[-1] >= len(spans):
            result.append([])
            continue
        first, last = spans[link.src[0]], spans[link.src[-1]]
        while high < len(ordered) and ordered[high].start < last.end:
            high += 1
        while low < high and ordered[low].end <= first.start:
            low += 1
        result.append([q for q in ordered[low:high] if q.end > first.start])
    return result


def describe_quotation(quotation: QuotationSpan) -> str:
    text = f"quotation {quotation.provenance.value} (confidence {quotation.confidence:.2f})"
    if quotation.citation:
        text += f"; citation: {quotation.citation}"
    if quotation.advice:
        text += f"; advice: {quotation.advice}"
    return text


def findings_by_link(findings: Sequence[Finding], links: Sequence[Link]) -> list[list[Finding]]:
    position = {(link.src, link.tgt): i for i, link in enumerate(links)}
    result: list[list[Finding]] = [[] for _ in links]
    for finding in findings:
        index = position.get((finding.src, finding.tgt))
        if index is not None:
            result[index].append(finding)
    for group in result:
        group.sort(key=lambda f: (f.check, f.severity.value, f.message))
    return result


def describe_finding(finding: Finding) -> str:
    return f"QA {finding.severity.value} [{finding.check}]: {finding.message}"


# --- building a translation from an import --------------------------------------------------


def build_translation(imported: AlignedImport, name: str) -> tuple[Translation, list[Note]]:
    """The English side of an import as a Translation (segments renumbered in link order).

    Links must be monotone and cover the English segments without gaps; the
    Russian side is checked against the workspace by the caller.
    """
    segments: list[str] = []
    links: list[Link] = []
    statuses: dict[int, SegmentStatus] = {}
    notes: list[Note] = []
    for unit in imported.units:
        expected = len(segments)
        if unit.tgt and unit.tgt[0] != expected:
            raise InputError(
                imported.path,
                f"English segment {unit.tgt[0]} out of order (expected {expected})",
                unit.line,
            )
        new_tgt = tuple(range(expected, expected + len(unit.target_segments)))
        for offset, (text, status) in enumerate(
            zip(unit.target_segments, unit.segment_statuses, strict=True)
        ):
            segments.append(text)
            if status is not SegmentStatus.DRAFT:
                statuses[expected + offset] = status
        links.append(Link(unit.src, new_tgt, unit.score, unit.status))
        for note in unit.notes:
            if not note.text.strip():
                continue
            if note.translation is not None:
                note.translation = name
            notes.append(note)
    text = JOINER.join(segments)
    sentences = []
    pos = 0
    for segment in segments:
        sentences.append(Span(pos, pos + len(segment), segment))
        pos += len(segment) + len(JOINER)
    document = Document(name=name, lang=TARGET_LANG, text=text, sentences=sentences)
    return Translation(name, document, segments, links, statuses), notes


def check_source(imported: AlignedImport, source_sentences: Sequence[str]) -> None:
    """Refuse an import whose Russian side is not the workspace's source."""
    seen = 0
    for unit in imported.units:
        if unit.src and unit.src[0] != seen:
            raise InputError(
                imported.path,
                f"Russian sentence {unit.src[0]} out of order (expected {seen})",
                unit.line,
            )
        for index, text in zip(unit.src, unit.source_sentences, strict=True):
            if index >= len(source_sentences):
                raise InputError(
                    imported.path,
                    f"Russian sentence {index} does not exist in the workspace source "
                    f"({len(source_sentences)} sentences)",
                    unit.line,
                )
            if text != source_sentences[index]:
                raise InputError(
                    imported.path,
                    f"Russian sentence {index} differs from the workspace source",
                    unit.line,
                )
        seen += len(unit.src)
    if seen != len(source_sentences):
        raise InputError(
            imported.path,
            f"the file covers {seen} Russian sentences, the workspace source has "
            f"{len(source_sentences)}",
        )


def source_sentences(snapshot: ProjectSnapshot) -> list[str]:
    return [span.text for span in snapshot.source.sentences]


# --- the links as the writers see them --------------------------------------------------------


@dataclass(slots=True)
class ExportUnit:
    """One link as every aligned-text format writes it: both sides joined, the link
    data as named fields (``link-type``, ``score``, ``link-status``, ``ru``, ``en``,
    ``segment-status``, ``ru-lengths``, ``en-lengths``, ``ru-gaps``, in that order,
    the last four only when they say something), and what is said about the link."""

    index: int
    link: Link
    source: str
    target: str | None  # None for a 1-0 link
    state: str
    fields: list[tuple[str, str]]
    notes: list[Note]
    quotations: list[QuotationSpan]
    findings: list[Finding]


def export_units(
    snapshot: ProjectSnapshot, translation: Translation, findings: Sequence[Finding] = ()
) -> Iterator[ExportUnit]:
    """The links of ``translation``, one :class:`ExportUnit` at a time."""
    source = source_sentences(snapshot)
    links = translation.links
    notes = notes_by_link(snapshot.notes, translation, links)
    quotations = quotations_by_link(snapshot.quotations, snapshot.source, links)
    link_findings = findings_by_link(findings, links)
    gaps = sentence_gaps(snapshot.source)
    for index, link in enumerate(links):
        ru_parts = [source[i] for i in link.src]
        en_parts = [translation.segments[i] for i in link.tgt]
        statuses = segment_statuses(translation, link)
        fields = [
            ("link-type", link.kind),
            ("score", format_score(link.score)),
            ("link-status", link.status.value),
            ("ru", format_indices(link.src)),
            ("en", format_indices(link.tgt)),
        ]
        if link.tgt:
            fields.append(("segment-status", format_segment_statuses(statuses)))
        if len(ru_parts) > 1:
            fields.append(("ru-lengths", format_lengths(ru_parts)))
        if len(en_parts) > 1:
            fields.append(("en-lengths", format_lengths(en_parts)))
        link_gaps = format_gaps(gaps, link.src)
        if link_gaps:
            fields.append(("ru-gaps", link_gaps))
        yield ExportUnit(
            index=index,
            link=link,
            source=JOINER.join(ru_parts),
            target=JOINER.join(en_parts) if link.tgt else None,
            state=unit_state(link, statuses),
            fields=fields,
            notes=notes[index],
            quotations=quotations[index],
            findings=link_findings[index],
        )


def imported_unit(
    path: str,
    line: int,
    src: tuple[int, ...],
    tgt: tuple[int, ...],
    texts: tuple[str, str],
    fields: dict[str, str],
    *,
    labels: tuple[str, str],
    status: LinkStatus,
    segment_statuses: list[SegmentStatus],
    notes: list[Note],
) -> ImportedUnit:
    """A link read back: its Russian and English ``texts`` split into sentences and the
    link ``fields`` an export wrote (named as in :attr:`ExportUnit.fields`) checked;
    ``labels`` name the two texts in error messages."""
    return ImportedUnit(
        line=line,
        src=src,
        tgt=tgt,
        source_sentences=split_joined(
            texts[0], len(src), fields.get("ru-lengths", ""), path, line, labels[0]
        ),
        target_segments=split_joined(
            texts[1], len(tgt), fields.get("en-lengths", ""), path, line, labels[1]
        ),
        score=parse_score(fields.get("score", "1.0"), path, line),
        status=status,
        segment_statuses=segment_statuses,
        notes=notes,
        source_gaps=parse_gaps(fields.get("ru-gaps", ""), src, path, line),
    )
