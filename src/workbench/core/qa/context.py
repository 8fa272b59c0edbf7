"""What every QA check reads: a whole translation, link by link."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from workbench.core.glossary import GlossaryIndex
from workbench.core.model import Finding, GlossaryEntry, Link, QuotationSpan, Severity, Span

__all__ = ["LinkText", "QAContext"]


@dataclass(frozen=True, slots=True)
class LinkText:
    """One link with the text of both sides (sentences joined by a space)."""

    link: Link
    source: str
    target: str

    def finding(self, check: str, severity: Severity, message: str) -> Finding:
        return Finding(check, self.link.src, self.link.tgt, severity, message)


@dataclass(frozen=True)
class QAContext:
    """A translation as the checks see it. Built once per run; checks only read it."""

    source_sentences: Sequence[Span]
    target_segments: Sequence[str]
    links: Sequence[Link]
    glossary: Sequence[GlossaryEntry] = ()
    quotations: Sequence[QuotationSpan] = ()
    pairs: list[LinkText] = field(init=False)

    def __post_init__(self) -> None:
        pairs: list[LinkText] = []
        n_src, n_tgt = len(self.source_sentences), len(self.target_segments)
        for link in self.links:
            bad = [i for i in link.src if not 0 <= i < n_src]
            bad += [j for j in link.tgt if not 0 <= j < n_tgt]
            if bad:
                raise ValueError(
                    f"link {list(link.src)}:{list(link.tgt)} refers to missing sentences"
                )
            source = " ".join(self.source_sentences[i].text for i in link.src)
            target = " ".join(self.target_segments[j] for j in link.tgt)
            pairs.append(LinkText(link, source, target))
        object.__setattr__(self, "pairs", pairs)

    @cached_property
    def approved_glossary(self) -> list[GlossaryEntry]:
        """Entries QA holds translators to (proposed entries are not binding yet)."""
        return [e for e in self.glossary if e.status != "proposed" and e.targets]

    @cached_property
    def source_term_index(self) -> GlossaryIndex:
        return GlossaryIndex(self.approved_glossary, "ru")
