"""What the terminal UI shows, in one place: derived from the workspace store.

:class:`WorkbenchState` reads the workspace (source, the current translation, an
optional second translation for side-by-side comparison, notes, glossary,
quotations, QA findings), turns every alignment link into a grid row with its
badges, and applies the filter and search. Screens ask it for rows and for the
details of one link; every change goes through the store, after which the state
reloads what the change can have touched.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from enum import StrEnum
from typing import ClassVar

from workbench.core.glossary import GlossaryIndex
from workbench.core.model import (
    Document,
    Finding,
    GlossaryEntry,
    Link,
    LinkStatus,
    Note,
    QuotationSpan,
    SegmentStatus,
    Severity,
    Translation,
)
from workbench.store import Store
from workbench.tui.qa_run import DOCUMENT_WIDE_CHECKS, QAResult, QASnapshot, index_findings
from workbench.tui.widgets.segment_grid import GridRow

LOW_CONFIDENCE = 0.5
"""Links scoring below this (and not confirmed or manual) are marked as doubtful."""

STATUS_MARKS = {
    SegmentStatus.DRAFT: "d",
    SegmentStatus.TRANSLATED: "T",
    SegmentStatus.REVIEWED: "R",
}


class RowFilter(StrEnum):
    ALL = "all"
    FLAGGED = "flagged"
    UNCONFIRMED = "unconfirmed"
    NOTES = "notes"

    @property
    def label(self) -> str:
        return {
            RowFilter.ALL: "all segments",
            RowFilter.FLAGGED: "flagged or low confidence",
            RowFilter.UNCONFIRMED: "unconfirmed links",
            RowFilter.NOTES: "with notes",
        }[self]


@dataclass(frozen=True, slots=True)
class Search:
    """A search over both sides: plain text (case-insensitive) or a regular expression."""

    text: str
    regex: bool = False

    def compile(self) -> re.Pattern[str]:
        """The pattern; raises ``re.error`` for a bad regular expression."""
        if self.regex:
            return re.compile(self.text, re.IGNORECASE)
        return re.compile(re.escape(self.text), re.IGNORECASE)


@dataclass(slots=True)
class LinkDetail:
    """Everything the detail panel shows about one link of the current translation."""

    link_index: int
    link: Link
    source_text: str
    target_segments: list[str]
    compare_name: str | None
    compare_text: str
    quotations: list[QuotationSpan]
    notes: list[Note]
    findings: list[Finding]
    statuses: list[SegmentStatus | None]
    glossary_hits: list[GlossaryHit] = field(default_factory=list)

    @property
    def target_text(self) -> str:
        return " ".join(self.target_segments)

    @property
    def low_confidence(self) -> bool:
        return is_low_confidence(self.link)


@dataclass(frozen=True, slots=True)
class GlossaryHit:
    """A glossary term found in the Russian, and how the English treats it."""

    entry: GlossaryEntry
    found: str
    approved_used: bool
    forbidden_used: tuple[str, ...]


FindingsRunner = Callable[[Document, Translation, Sequence[GlossaryEntry],
                           Sequence[QuotationSpan]], list[Finding]]


def is_low_confidence(link: Link) -> bool:
    return not link.fixed and link.score < LOW_CONFIDENCE


def _join(parts: Sequence[str]) -> str:
    return " ".join(part for part in parts if part)


@dataclass(frozen=True, slots=True)
class ViewPosition:
    """Where the translator was: the translation shown and the current link (0-based).
    Kept in the workspace as a view setting."""

    translation_name: str
    link_index: int

    SETTING: ClassVar[str] = "position"

    @classmethod
    def saved(cls, store: Store) -> ViewPosition | None:
        """The position saved in ``store``; ``None`` when there is none (or it is not
        readable: a position is a convenience, never a reason not to open)."""
        try:
            data = json.loads(store.view_setting(cls.SETTING) or "null")
            position = cls(str(data["translation"]), int(data["link"]))
        except (ValueError, TypeError, KeyError):
            return None
        return position if position.link_index >= 0 else None

    def save(self, store: Store) -> None:
        store.set_view_setting(self.SETTING, json.dumps(
            {"translation": self.translation_name, "link": self.link_index},
            ensure_ascii=False))


class WorkbenchState:
    """The workspace as the UI sees it, with the current translation, filter and search."""

    def __init__(self, store: Store, translation_name: str | None = None) -> None:
        """Show ``translation_name`` (when the workspace has it) or the first translation."""
        self.store = store
        self.source: Document = store.source()
        self.translation_names: list[str] = store.translation_names()
        if not self.translation_names:
            raise ValueError(f"{store.path}: the workspace has no translation to show")
        self.translation_name = (translation_name if translation_name in self.translation_names
                                 else self.translation_names[0])
        self.compare_name: str | None = None
        self.row_filter = RowFilter.ALL
        self.search: Search | None = None
        self.findings: list[Finding] = []
        self._findings_by_link: dict[int, list[Finding]] = {}
        self.translation: Translation = store.translation(self.translation_name)
        self.compare: Translation | None = None
        self.notes: list[Note] = []
        self.glossary: list[GlossaryEntry] = []
        self.quotations: list[QuotationSpan] = []
        self._sentence_starts = [s.start for s in self.source.sentences]
        self._quotations_by_src: dict[int, list[QuotationSpan]] = {}
        self._via_english_src: set[int] = set()
        self._warned_links: set[int] = set()
        self._notes_by_src: dict[int, list[Note]] = {}
        self._compare_by_link: dict[int, str] = {}
        self.visible: list[int] = []
        self.reload_annotations()
        self.reload_quotations()
        self.refresh_visible()

    # ----------------------------------------------------------- loading

    def reload_translation(self) -> None:
        """Re-read the current translation (after an edit, split, merge or link change)."""
        self.translation = self.store.translation(self.translation_name)
        self._findings_by_link = self._index_findings(self.findings)
        self._index_compare()
        self.refresh_visible()

    def segment_saved(self, index: int, text: str) -> None:
        """English segment ``index`` of the current translation now reads ``text`` (the
        store has just saved it: nothing else can have changed)."""
        self.translation.segments[index] = text

    def reload_annotations(self) -> None:
        """Re-read notes and glossary."""
        self.notes = self.store.notes(translation=self.translation_name)
        by_src: dict[int, list[Note]] = defaultdict(list)
        for note in self.notes:
            by_src[note.src_index].append(note)
        self._notes_by_src = dict(by_src)
        self.glossary = self.store.glossary()
        self._glossary_index: GlossaryIndex | None = None

    def reload_quotations(self) -> None:
        self.quotations = self.store.quotations()
        by_src: dict[int, list[QuotationSpan]] = defaultdict(list)
        sentences = self.source.sentences
        for quotation in self.quotations:
            first = max(0, bisect_right(self._sentence_starts, quotation.start) - 1)
            for index in range(first, len(sentences)):
                sentence = sentences[index]
                if sentence.start >= quotation.end:
                    break
                if sentence.end > quotation.start:
                    by_src[index].append(quotation)
        self._quotations_by_src = dict(by_src)
        self._via_english_src = {
            index for index, found in by_src.items() if any(q.via_english for q in found)
        }

    def reload_all(self) -> None:
        """Re-read everything (after undo/redo, which can touch any part)."""
        self.translation_names = self.store.translation_names()
        if self.translation_name not in self.translation_names:
            self.translation_name = self.translation_names[0]
        self.reload_annotations()
        if self.compare_name is not None:
            self.compare = self.store.translation(self.compare_name)
        self.reload_translation()

    def replace_link_findings(self, link_index: int, fresh: list[Finding]) -> bool:
        """Put the findings of a QA run on one link (after its English was edited) in
        place of its old ones; returns whether they differ. Checks that compare a link
        with the whole translation (the length ratio) keep their result until the next
        full run. Only this link's entries are looked at unless they changed."""
        link = self.translation.links[link_index]
        key = (link.src, link.tgt)
        old = self._findings_by_link.get(link_index, [])
        replaced = [f for f in old
                    if (f.src, f.tgt) == key and f.check not in DOCUMENT_WIDE_CHECKS]
        if replaced == fresh:
            return False
        dropped = {id(f) for f in replaced}
        if dropped:
            self.findings = [f for f in self.findings if id(f) not in dropped]
        self.findings.extend(fresh)
        here = [f for f in old if id(f) not in dropped] + fresh
        self._findings_by_link[link_index] = here
        if any(f.severity is not Severity.INFO for f in here):
            self._warned_links.add(link_index)
        else:
            self._warned_links.discard(link_index)
        return True

    def set_findings(self, result: QAResult) -> set[int]:
        """Publish a QA run (computed in the background on a snapshot of the current
        translation's links); returns the link positions whose warning mark changed."""
        previous = self._warned_links
        self.findings = result.findings
        self._findings_by_link = result.by_link
        self._warned_links = set(result.warned)
        return previous ^ self._warned_links

    def qa_snapshot(self) -> QASnapshot:
        """Immutable copies of what QA reads, for a worker thread."""
        return QASnapshot(
            translation_name=self.translation_name,
            sentences=tuple(self.source.sentences),
            segments=tuple(self.translation.segments),
            links=tuple(self.translation.links),
            glossary=tuple(self.glossary),
            quotations=tuple(self.quotations),
        )

    def _index_findings(self, findings: Sequence[Finding]) -> dict[int, list[Finding]]:
        by_link, warned = index_findings(self.translation.links, findings)
        self._warned_links = set(warned)
        return by_link

    # ------------------------------------------------------ translations

    def switch_translation(self) -> str:
        """Show the next translation; returns its name."""
        position = self.translation_names.index(self.translation_name)
        self.translation_name = self.translation_names[(position + 1) % len(self.translation_names)]
        if self.compare_name == self.translation_name:
            self.compare_name = None
            self.compare = None
        self.findings = []
        self.reload_annotations()
        self.reload_translation()
        return self.translation_name

    def toggle_compare(self) -> str | None:
        """Show a second translation beside the first (or stop); returns its name."""
        others = [n for n in self.translation_names if n != self.translation_name]
        if self.compare_name is not None or not others:
            self.compare_name = None
            self.compare = None
        else:
            self.compare_name = others[0]
            self.compare = self.store.translation(self.compare_name)
        self._index_compare()
        self.refresh_visible()
        return self.compare_name

    def _index_compare(self) -> None:
        """Attach each link of the compared translation to the row holding its first
        Russian sentence, so that every English sentence appears once."""
        self._compare_by_link = {}
        if self.compare is None:
            return
        row_of_src: dict[int, int] = {}
        for position, link in enumerate(self.translation.links):
            for i in link.src:
                row_of_src[i] = position
        parts: dict[int, list[str]] = defaultdict(list)
        row = 0
        for link in self.compare.links:
            if link.src:
                row = row_of_src.get(link.src[0], row)
            parts[row].extend(self.compare.segments[j] for j in link.tgt)
        self._compare_by_link = {row: _join(texts) for row, texts in parts.items()}

    # --------------------------------------------------------------- rows

    @property
    def headers(self) -> tuple[str, ...]:
        headers: tuple[str, ...] = ("Russian", f"English: {self.translation_name}")
        if self.compare_name is not None:
            headers += (f"English: {self.compare_name}",)
        return headers

    def link_source_text(self, link: Link) -> str:
        sentences = self.source.sentences
        return _join([sentences[i].text for i in link.src])

    def link_target_text(self, link: Link) -> str:
        return _join([self.translation.segments[j] for j in link.tgt])

    def link_notes(self, link: Link) -> list[Note]:
        return [note for i in link.src for note in self._notes_by_src.get(i, ())]

    def link_quotations(self, link: Link) -> list[QuotationSpan]:
        seen: list[QuotationSpan] = []
        for i in link.src:
            for quotation in self._quotations_by_src.get(i, ()):
                if quotation not in seen:
                    seen.append(quotation)
        return seen

    def link_findings(self, link_index: int) -> list[Finding]:
        return self._findings_by_link.get(link_index, [])

    def via_english(self, link: Link) -> bool:
        via = self._via_english_src
        return any(i in via for i in link.src)

    def has_qa_warning(self, link_index: int) -> bool:
        """Whether QA found a warning or an error on this link."""
        return link_index in self._warned_links

    def flagged(self, link_index: int) -> bool:
        """A link a translator should look at: doubtful, quoted via English, or with a
        QA warning or error."""
        link = self.translation.links[link_index]
        return (is_low_confidence(link) or self.via_english(link)
                or link_index in self._warned_links)

    def row(self, link_index: int) -> GridRow:
        link = self.translation.links[link_index]
        statuses = self.translation.statuses
        status = None
        if statuses:
            status = next((statuses[j] for j in link.tgt if j in statuses), None)
        sentences = self.source.sentences
        segments = self.translation.segments
        source = (sentences[link.src[0]].text if len(link.src) == 1
                  else _join([sentences[i].text for i in link.src]))
        target = segments[link.tgt[0]] if len(link.tgt) == 1 else _join(
            [segments[j] for j in link.tgt])
        columns: tuple[str, ...] = (source, target)
        if self.compare_name is not None:
            columns += (self._compare_by_link.get(link_index, ""),)
        notes = self._notes_by_src
        return GridRow(
            number=link_index + 1,
            columns=columns,
            kind=link.kind,
            low_confidence=is_low_confidence(link),
            quotation=self.via_english(link),
            note=any(i in notes for i in link.src),
            finding=self.has_qa_warning(link_index),
            status=STATUS_MARKS[status] if status is not None else "",
            confirmed=link.fixed,
        )

    def rows(self) -> list[GridRow]:
        """The grid rows for the links passing the filter and search."""
        return [self.row(index) for index in self.visible]

    def _passes(self, link_index: int, pattern: re.Pattern[str] | None) -> bool:
        link = self.translation.links[link_index]
        if self.row_filter is RowFilter.FLAGGED:
            kept = self.flagged(link_index)
        elif self.row_filter is RowFilter.UNCONFIRMED:
            kept = link.status is LinkStatus.AUTOMATIC
        elif self.row_filter is RowFilter.NOTES:
            kept = bool(self.link_notes(link))
        else:
            kept = True
        if not kept:
            return False
        if pattern is None:
            return True
        texts = [self.link_source_text(link), self.link_target_text(link)]
        if self.compare_name is not None:
            texts.append(self._compare_by_link.get(link_index, ""))
        return any(pattern.search(text) for text in texts)

    def refresh_visible(self) -> None:
        """Recompute which links pass the filter and search."""
        count = len(self.translation.links)
        pattern = self.search.compile() if self.search is not None else None
        if self.row_filter is RowFilter.ALL and pattern is None:
            self.visible = list(range(count))
        else:
            self.visible = [i for i in range(count) if self._passes(i, pattern)]

    def set_filter(self, row_filter: RowFilter) -> None:
        self.row_filter = row_filter
        self.refresh_visible()

    def set_search(self, search: Search | None) -> None:
        """Show only links matching ``search`` on either side (``None`` shows all).
        Raises ``re.error`` for a bad regular expression, leaving the search as it was."""
        if search is not None:
            search.compile()
        self.search = search
        self.refresh_visible()

    def row_position(self, link_index: int) -> int:
        """The grid row showing ``link_index``, or the nearest one before it."""
        return max(0, bisect_right(self.visible, link_index) - 1)

    # ------------------------------------------------------------- detail

    def detail(self, link_index: int) -> LinkDetail:
        from workbench.core.glossary import target_term_status, tokenize

        link = self.translation.links[link_index]
        source_text = self.link_source_text(link)
        target_segments = [self.translation.segments[j] for j in link.tgt]
        english = _join(target_segments)
        hits: list[GlossaryHit] = []
        if self.glossary and source_text:
            tokens = tokenize(english, "en")
            seen: set[int] = set()
            if self._glossary_index is None:
                self._glossary_index = GlossaryIndex(self.glossary)
            for match in self._glossary_index.find(source_text):
                key = id(match.entry)
                if key in seen:
                    continue
                seen.add(key)
                used, forbidden = target_term_status(english, match.entry, tokens)
                hits.append(GlossaryHit(match.entry, match.text, used, tuple(forbidden)))
        return LinkDetail(
            link_index=link_index,
            link=link,
            source_text=source_text,
            target_segments=target_segments,
            compare_name=self.compare_name,
            compare_text=self._compare_by_link.get(link_index, ""),
            quotations=self.link_quotations(link),
            notes=self.link_notes(link),
            findings=self.link_findings(link_index),
            statuses=[self.translation.statuses.get(j) for j in link.tgt],
            glossary_hits=hits,
        )

    # --------------------------------------------------------- navigation

    def next_matching(
        self, start: int, predicate: Callable[[int], bool], backwards: bool = False
    ) -> int | None:
        """The next visible row after (or before) row ``start`` whose link satisfies
        ``predicate``, wrapping around; ``None`` when there is none."""
        count = len(self.visible)
        if not count:
            return None
        step = -1 if backwards else 1
        for offset in range(1, count + 1):
            position = (start + step * offset) % count
            if predicate(self.visible[position]):
                return position
        return None

    def via_english_link(self, link_index: int) -> bool:
        return self.via_english(self.translation.links[link_index])
