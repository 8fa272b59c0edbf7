"""QA for the terminal UI, computed away from the screen.

The screen takes a :class:`QASnapshot` of what it shows (immutable copies of the
sentences, segments, links, glossary and quotations: no store, no lock and nothing
the screen changes afterwards), a worker thread runs :func:`compute_qa` on it link
chunk by link chunk (so a stale run stops early and the interpreter is handed back
between chunks), and the screen publishes the :class:`QAResult` in one swap: the
findings are already indexed by link, so the swap costs nothing in the size of the
document.
"""

from __future__ import annotations

import time
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from workbench.core.model import Finding, GlossaryEntry, Link, QuotationSpan, Severity, Span
from workbench.core.qa import CHECKS, run_checks

DOCUMENT_WIDE_CHECKS = frozenset({"length-ratio"})
"""QA checks whose result for one link depends on the whole translation."""

LOCAL_CHECKS = tuple(name for name in CHECKS if name not in DOCUMENT_WIDE_CHECKS)
"""QA checks whose result for one link depends on that link alone."""

CHUNK_LINKS = 1000
"""Links checked between two looks at whether the run is still wanted."""


@dataclass(frozen=True, slots=True, repr=False)
class QASnapshot:
    """What QA reads, copied from the screen's state at one moment. (Its repr is
    short: a worker's description is built from the repr of its arguments.)"""

    translation_name: str
    sentences: tuple[Span, ...]
    segments: tuple[str, ...]
    links: tuple[Link, ...]
    glossary: tuple[GlossaryEntry, ...]
    quotations: tuple[QuotationSpan, ...]

    def __repr__(self) -> str:
        return f"QASnapshot({self.translation_name!r}, {len(self.links)} links)"


@dataclass(frozen=True, slots=True, repr=False)
class QAResult:
    """Findings of a run, in document order, and the same indexed by link position."""

    translation_name: str
    findings: list[Finding]
    by_link: dict[int, list[Finding]]
    warned: frozenset[int]
    """Link positions with a finding worse than information."""

    def __repr__(self) -> str:
        return f"QAResult({self.translation_name!r}, {len(self.findings)} findings)"


def index_findings(links: Sequence[Link], findings: Iterable[Finding]
                   ) -> tuple[dict[int, list[Finding]], frozenset[int]]:
    """Findings by the position of the link they concern, and the positions with a
    warning or an error."""
    link_of_src: dict[int, int] = {}
    link_of_tgt: dict[int, int] = {}
    for position, link in enumerate(links):
        for i in link.src:
            link_of_src[i] = position
        for j in link.tgt:
            link_of_tgt[j] = position
    by_link: dict[int, list[Finding]] = defaultdict(list)
    for finding in findings:
        targets = {link_of_src[i] for i in finding.src if i in link_of_src}
        targets |= {link_of_tgt[j] for j in finding.tgt if j in link_of_tgt}
        for position in targets:
            by_link[position].append(finding)
    warned = frozenset(position for position, found in by_link.items()
                       if any(f.severity is not Severity.INFO for f in found))
    return dict(by_link), warned


def compute_qa(snapshot: QASnapshot, cancelled: Callable[[], bool] = lambda: False,
               chunk: int = CHUNK_LINKS) -> QAResult | None:
    """Every QA check on the snapshot; ``None`` when ``cancelled()`` turned true.

    The checks that look at one link at a time run on ``chunk`` links at a time; the
    result equals one :func:`~workbench.core.qa.run_checks` over the whole translation.
    """
    links = snapshot.links
    findings: list[Finding] = []
    for start in range(0, len(links), max(1, chunk)):
        if cancelled():
            return None
        findings += run_checks(snapshot.sentences, snapshot.segments, links[start:start + chunk],
                               snapshot.glossary, snapshot.quotations, checks=LOCAL_CHECKS)
        time.sleep(0)  # hand the interpreter to the screen's thread if it waits
    if cancelled():
        return None
    findings += run_checks(snapshot.sentences, snapshot.segments, links, snapshot.glossary,
                           snapshot.quotations, checks=sorted(DOCUMENT_WIDE_CHECKS))
    order = {(link.src, link.tgt): n for n, link in enumerate(links)}
    rank = {name: n for n, name in enumerate(CHECKS)}
    findings.sort(key=lambda f: (order.get((f.src, f.tgt), len(order)), rank[f.check]))
    by_link, warned = index_findings(links, findings)
    return QAResult(snapshot.translation_name, findings, by_link, warned)


def recheck_links(snapshot: QASnapshot, positions: Sequence[int]) -> dict[int, list[Finding]]:
    """The local checks on the links at ``positions`` (after their English was edited;
    the document-wide checks keep their result until the next full run).

    Each link is checked with only the quotations that overlap its Russian (the only
    ones a local check of that link can see), so the cost does not grow with the
    document."""
    fresh: dict[int, list[Finding]] = {}
    for position in positions:
        link = snapshot.links[position]
        quotations: list[QuotationSpan] = []
        if link.src:
            low = snapshot.sentences[min(link.src)].start
            high = snapshot.sentences[max(link.src)].end
            quotations = [q for q in snapshot.quotations if q.start < high and low < q.end]
        fresh[position] = run_checks(snapshot.sentences, snapshot.segments, [link],
                                     snapshot.glossary, quotations, checks=LOCAL_CHECKS)
    return fresh
