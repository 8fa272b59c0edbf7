"""Building an alignment quality report from a workspace snapshot (pure: data in, data out)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from workbench.core.model import (
    Finding,
    GlossaryEntry,
    Link,
    ProjectSnapshot,
    QuotationSpan,
    Severity,
    Span,
    Translation,
)
from workbench.core.scoring import TranslationComparison, compare_translations, comparison_units

#: Links scored below this are "suspect": the aligner itself doubts them.
SUSPECT_SCORE = 0.5
#: How many of the lowest-scored links a report lists per translation.
LOWEST_LINKS = 12
#: Column headings of QA finding counts, by severity.
SEVERITY_HEADINGS = {Severity.ERROR: "QA errors", Severity.WARNING: "QA warnings",
                     Severity.INFO: "QA info"}
#: Bins of the score histogram: [0, 0.1), [0.1, 0.2), … [0.9, 1.0].
HISTOGRAM_BINS = 10


@dataclass(frozen=True, slots=True)
class LinkView:
    """A link with the texts of both sides, as a reviewer reads it."""

    index: int
    link: Link
    source_text: str
    target_text: str


@dataclass(frozen=True, slots=True)
class TermCoverage:
    """How often a glossary term occurs in the source, and how often each
    translation uses its approved English term in the linked segments."""

    source: str
    targets: tuple[str, ...]
    occurrences: int
    rendered: dict[str, int]


@dataclass(frozen=True, slots=True)
class QuotationView:
    """An outermost quotation taken from English; ``nested`` counts the quotations
    inside it (they share its source and are not listed again)."""

    quotation: QuotationSpan
    sentences: tuple[int, ...]
    nested: int = 0


@dataclass(slots=True)
class TranslationReport:
    name: str
    n_source: int
    n_target: int
    links: list[Link]
    link_types: dict[str, int]
    status_counts: dict[str, int]
    score_histogram: list[int]
    mean_score: float
    suspect_count: int
    lowest: list[LinkView]
    findings: dict[str, list[Finding]]

    def severity_counts(self) -> dict[str, int]:
        """QA findings by severity, every severity listed (errors first)."""
        counts = Counter(f.severity for group in self.findings.values() for f in group)
        return {s.value: counts[s] for s in Severity}

    def unequal_links(self) -> int:
        """Links that are not 1-1: merges, splits and sentences left unmatched."""
        return sum(count for kind, count in self.link_types.items() if kind != "1-1")


@dataclass(slots=True)
class QualityReport:
    project: str
    translations: list[TranslationReport]
    comparisons: list[TranslationComparison]
    quotations: list[QuotationView]
    glossary: list[TermCoverage] = field(default_factory=list)


def sentence_numbers(indices: Sequence[int]) -> str:
    """0-based sentence indices as a reader counts them: ``12`` or ``12–14``; ``—`` for none."""
    if not indices:
        return "—"
    first, last = indices[0] + 1, indices[-1] + 1
    return str(first) if first == last else f"{first}–{last}"


def _sentence_texts(sentences: Sequence[Span]) -> list[str]:
    return [s.text for s in sentences]


def _side_text(texts: Sequence[str], indices: Sequence[int]) -> str:
    return " ".join(texts[i] for i in indices if 0 <= i < len(texts))


def score_histogram(links: Sequence[Link], bins: int = HISTOGRAM_BINS) -> list[int]:
    counts = [0] * bins
    for link in links:
        counts[min(bins - 1, max(0, int(link.score * bins)))] += 1
    return counts


def outermost_quotations(
    quotations: Sequence[QuotationSpan],
) -> list[tuple[QuotationSpan, int]]:
    """The quotations that no other one contains, in text order, each with the number
    of quotations inside it."""
    result: list[tuple[QuotationSpan, int]] = []
    for q in sorted(quotations, key=lambda q: (q.start, -q.end)):
        if result and q.end <= result[-1][0].end:
            outer, nested = result[-1]
            result[-1] = (outer, nested + 1)
        else:
            result.append((q, 0))
    return result


def nested_text(count: int) -> str:
    """``; 3 quotations inside it`` for a quotation that holds others, else nothing."""
    if not count:
        return ""
    return f"; {count} quotation{'s' if count > 1 else ''} inside it"


def sentences_covered(quotation: QuotationSpan, sentences: Sequence[Span]) -> tuple[int, ...]:
    return tuple(
        i for i, s in enumerate(sentences) if s.start < quotation.end and quotation.start < s.end
    )


def _worst_first(group: tuple[str, list[Finding]]) -> tuple[int, str]:
    """Sort key of a check's findings: checks with errors first, then warnings, then
    notices; by name among equals."""
    order = list(Severity)
    check, findings = group
    return min(order.index(f.severity) for f in findings), check


def translation_report(
    source: Sequence[str], translation: Translation, findings: Sequence[Finding]
) -> TranslationReport:
    links = translation.links
    segments = translation.segments
    views = [
        LinkView(i, link, _side_text(source, link.src), _side_text(segments, link.tgt))
        for i, link in enumerate(links)
    ]
    lowest = sorted(views, key=lambda v: (v.link.score, v.index))[:LOWEST_LINKS]
    by_check: dict[str, list[Finding]] = {}
    for finding in findings:
        by_check.setdefault(finding.check, []).append(finding)
    statuses = Counter(str(s) for s in translation.statuses.values())
    return TranslationReport(
        name=translation.name,
        n_source=len(source),
        n_target=len(segments),
        links=list(links),
        link_types=dict(sorted(Counter(link.kind for link in links).items())),
        status_counts={
            "links " + k: v for k, v in sorted(Counter(str(link.status) for link in links).items())
        }
        | {"segments " + k: v for k, v in sorted(statuses.items())},
        score_histogram=score_histogram(links),
        mean_score=sum(link.score for link in links) / len(links) if links else 0.0,
        suspect_count=sum(1 for link in links if link.score < SUSPECT_SCORE),
        lowest=lowest,
        findings=dict(sorted(by_check.items(), key=_worst_first)),
    )


def glossary_coverage(
    source: Sequence[str], translations: Sequence[Translation], entries: Sequence[GlossaryEntry]
) -> list[TermCoverage]:
    """Per term: source sentences containing it, and how many links of each
    translation render it with an approved English term."""
    if not entries:
        return []
    from workbench.core.glossary import find_terms, target_term_status

    hits: dict[int, set[int]] = {}
    for i, sentence in enumerate(source):
        for match in find_terms(sentence, entries, lang="ru"):
            hits.setdefault(id(match.entry), set()).add(i)
    out = []
    for entry in entries:
        sentences = hits.get(id(entry), set())
        rendered: dict[str, int] = {}
        for translation in translations:
            ok = 0
            for link in translation.links:
                if sentences.intersection(link.src):
                    english = _side_text(translation.segments, link.tgt)
                    approved, _forbidden = target_term_status(english, entry)
                    ok += bool(approved)
            rendered[translation.name] = ok
        out.append(TermCoverage(entry.source, entry.targets, len(sentences), rendered))
    return out


def build_report(
    snapshot: ProjectSnapshot,
    findings: Mapping[str, Sequence[Finding]] | None = None,
) -> QualityReport:
    """The whole report. ``findings`` maps translation names to QA findings;
    when omitted the QA checks are run here."""
    source = _sentence_texts(snapshot.source.sentences)
    if findings is None:
        from workbench.core.qa import run_checks

        findings = {
            t.name: run_checks(
                snapshot.source.sentences, t.segments, t.links, snapshot.glossary,
                snapshot.quotations,
            )
            for t in snapshot.translations
        }
    reports = [
        translation_report(source, t, findings.get(t.name, ())) for t in snapshot.translations
    ]
    comparisons = []
    for a_index, ref in enumerate(snapshot.translations):
        for hyp in snapshot.translations[a_index + 1 :]:
            units = comparison_units(
                len(source), (ref.segments, ref.links), (hyp.segments, hyp.links)
            )
            comparisons.append(
                compare_translations(units, reference_name=ref.name, hypothesis_name=hyp.name)
            )
    quotations = [
        QuotationView(q, sentences_covered(q, snapshot.source.sentences), nested)
        for q, nested in outermost_quotations([q for q in snapshot.quotations if q.via_english])
    ]
    return QualityReport(
        project=snapshot.name,
        translations=reports,
        comparisons=comparisons,
        quotations=quotations,
        glossary=glossary_coverage(source, snapshot.translations, snapshot.glossary),
    )
