"""Data classes shared by the core, the store, the formats and the UI.

Everything here is plain data: no I/O, no SQL, no UI. Offsets are indices into
the Python ``str`` of a document (code points), ``end`` exclusive.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


@dataclass(frozen=True, slots=True)
class Span:
    """A sentence (or any stretch) of a text: ``text == content[start:end]``."""

    start: int
    end: int
    text: str
    incomplete: bool = False


class LinkStatus(StrEnum):
    AUTOMATIC = "automatic"
    CONFIRMED = "confirmed"
    MANUAL = "manual"


@dataclass(frozen=True, slots=True)
class Link:
    """One alignment link: source sentence indices and target sentence indices.

    Either side may be empty (1-0 or 0-1). Indices are 0-based and contiguous.
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 1.0
    status: LinkStatus = LinkStatus.AUTOMATIC

    @property
    def kind(self) -> str:
        """The link type as translators write it: ``1-1``, ``2-1``, ``0-1`` …"""
        return f"{len(self.src)}-{len(self.tgt)}"

    @property
    def fixed(self) -> bool:
        """True for links a re-alignment must keep (confirmed or drawn by hand)."""
        return self.status is not LinkStatus.AUTOMATIC


class Provenance(StrEnum):
    RUSSIAN_ORIGINAL = "russian-original"
    VIA_ENGLISH = "via-english"
    OTHER_LANGUAGE = "other-language"
    UNTRANSLATED_ENGLISH = "untranslated-english"
    NO_CITATION = "no-citation"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class QuotationSpan:
    """A quotation from its opening mark to just after its closing mark."""

    start: int
    end: int
    text: str
    provenance: Provenance
    confidence: float
    citation: str | None = None
    evidence: tuple[str, ...] = ()
    advice: str | None = None
    depth: int = 0
    unclosed: bool = False

    @property
    def via_english(self) -> bool:
        return self.provenance is Provenance.VIA_ENGLISH


class SegmentStatus(StrEnum):
    DRAFT = "draft"
    TRANSLATED = "translated"
    REVIEWED = "reviewed"


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"


@dataclass(frozen=True, slots=True)
class Finding:
    """One QA finding on a link (source and target sentence indices)."""

    check: str
    src: tuple[int, ...]
    tgt: tuple[int, ...]
    severity: Severity
    message: str


@dataclass(slots=True)
class GlossaryEntry:
    """An approved term: a Russian term and its approved English rendering(s)."""

    source: str
    targets: tuple[str, ...]
    forbidden: tuple[str, ...] = ()
    pos: str = ""
    definition: str = ""
    note: str = ""
    case_sensitive: bool = False
    status: str = "approved"
    id: int | None = None


@dataclass(slots=True)
class Note:
    """A translator's note on a source segment (and, optionally, a translation)."""

    text: str
    src_index: int
    author: str = ""
    created: str = ""
    modified: str = ""
    translation: str | None = None
    id: int | None = None


@dataclass(slots=True)
class Document:
    """A text with its sentences (as offsets into ``text``)."""

    name: str
    lang: str
    text: str
    sentences: list[Span] = field(default_factory=list)
    title: str = ""
    translator: str = ""
    approach: str = ""
    licence: str = ""


@dataclass(slots=True)
class Translation:
    """One English translation of the source, aligned to it.

    ``segments`` are the current English segments (after the translator's
    edits, splits and merges); ``links`` refer to source sentence indices and
    to indices into ``segments``.
    """

    name: str
    document: Document
    segments: list[str]
    links: list[Link]
    statuses: dict[int, SegmentStatus] = field(default_factory=dict)


@dataclass(slots=True)
class ProjectSnapshot:
    """Everything a workspace holds, as plain data (what exports and reports read)."""

    name: str
    source: Document
    translations: list[Translation]
    glossary: list[GlossaryEntry] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    quotations: list[QuotationSpan] = field(default_factory=list)
