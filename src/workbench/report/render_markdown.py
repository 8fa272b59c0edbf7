"""The report as Markdown, for a review thread or a repository."""

from __future__ import annotations

from workbench.core.model import Severity
from workbench.report.build import (
    SEVERITY_HEADINGS,
    SUSPECT_SCORE,
    QualityReport,
    TranslationReport,
    nested_text,
    sentence_numbers,
)

EXCERPT = 160


def cell(text: str, limit: int = EXCERPT) -> str:
    """Text made safe for one Markdown table cell, shortened to ``limit`` characters."""
    flat = " ".join(text.split())
    if len(flat) > limit:
        flat = flat[: limit - 1].rstrip() + "…"
    return flat.replace("\\", "\\\\").replace("|", "\\|") or "—"


def _translation(t: TranslationReport) -> list[str]:
    lines = [
        f"## Translation `{t.name}`",
        "",
        f"{t.n_source} Russian sentences, {t.n_target} English segments, {len(t.links)} links; "
        f"mean score {t.mean_score:.2f}; {t.suspect_count} suspect (score < {SUSPECT_SCORE}).",
        "",
        "| link type | count |",
        "|---|---:|",
        *(f"| {kind} | {count} |" for kind, count in t.link_types.items()),
        "",
        "| status | count |",
        "|---|---:|",
        *(f"| {status} | {count} |" for status, count in t.status_counts.items()),
        "",
        "Score histogram:",
        "",
        "| score | links |",
        "|---|---:|",
        *(
            f"| {i / len(t.score_histogram):.1f}–{(i + 1) / len(t.score_histogram):.1f} | {c} |"
            for i, c in enumerate(t.score_histogram)
        ),
        "",
        "### Lowest-confidence links",
        "",
        "| link | RU | EN | type | score | Russian | English |",
        "|---:|---:|---:|---|---:|---|---|",
        *(
            f"| {v.index + 1} | {sentence_numbers(v.link.src)} | {sentence_numbers(v.link.tgt)} "
            f"| {v.link.kind} | {v.link.score:.2f} | {cell(v.source_text)} "
            f"| {cell(v.target_text)} |"
            for v in t.lowest
        ),
        "",
        "### QA findings",
        "",
    ]
    if not t.findings:
        lines += ["None.", ""]
    for check, findings in t.findings.items():
        lines += [f"#### `{check}` ({len(findings)})", ""]
        lines += [
            f"- RU {sentence_numbers(f.src)} / EN {sentence_numbers(f.tgt)} ({f.severity}): "
            f"{cell(f.message, 300)}"
            for f in findings
        ]
        lines.append("")
    return lines


def _summary(report: QualityReport) -> list[str]:
    """One row per translation: what a project lead checks first."""
    severities = list(Severity)
    lines = [
        "## Summary",
        "",
        "| translation | links | not 1-1 | mean score | suspect links | "
        + " | ".join(SEVERITY_HEADINGS[s] for s in severities)
        + " |",
        "|---|---:|---:|---:|---:|" + "---:|" * len(severities),
    ]
    for t in report.translations:
        counts = t.severity_counts()
        lines.append(
            f"| {cell(t.name)} | {len(t.links)} | {t.unequal_links()} | {t.mean_score:.2f} | "
            f"{t.suspect_count} | " + " | ".join(str(counts[s.value]) for s in severities) + " |"
        )
    return [*lines, ""]


def render_markdown(report: QualityReport) -> str:
    lines = [f"# Alignment quality report: {report.project}", "", *_summary(report)]
    for t in report.translations:
        lines += _translation(t)
    lines += ["## Quotations taken from English", ""]
    if not report.quotations:
        lines += ["None found.", ""]
    for q in report.quotations:
        lines += [
            f"- Sentences {sentence_numbers(q.sentences)} "
            f"(confidence {q.quotation.confidence:.2f}{nested_text(q.nested)}): "
            f"{cell(q.quotation.advice or '', 300)}",
            f"  - citation: {cell(q.quotation.citation or '—', 300)}",
            *(f"  - evidence: {cell(e, 300)}" for e in q.quotation.evidence),
        ]
    lines.append("")
    if report.glossary:
        names = list(report.glossary[0].rendered)
        lines += [
            "## Glossary coverage",
            "",
            "Sentences where the Russian term occurs, and links of each translation whose "
            "English uses an approved term.",
            "",
            "| Russian | approved English | occurrences | " + " | ".join(names) + " |",
            "|---|---|---:|" + "---:|" * len(names),
        ]
        for g in report.glossary:
            if g.occurrences:
                lines.append(
                    f"| {cell(g.source)} | {cell('; '.join(g.targets))} | {g.occurrences} | "
                    + " | ".join(str(g.rendered[n]) for n in names)
                    + " |"
                )
        unused = sum(1 for g in report.glossary if not g.occurrences)
        lines += ["", f"{unused} glossary terms do not occur in the source.", ""]
    for c in report.comparisons:
        lines += [
            f"## Comparing `{c.hypothesis_name}` with `{c.reference_name}`",
            "",
            "| metric | whole text | signature |",
            "|---|---:|---|",
            f"| chrF | {c.chrf:.2f} | `{c.signatures['chrF']}` |",
            f"| BLEU | {c.bleu:.2f} | `{c.signatures['BLEU']}` |",
            f"| TER | {c.ter:.2f} | `{c.signatures['TER']}` |",
            "",
            "### Where the translations disagree most",
            "",
            f"| RU | chrF | BLEU | TER | {c.reference_name} | {c.hypothesis_name} |",
            "|---|---:|---:|---:|---|---|",
            *(
                f"| {sentence_numbers(u.unit.src)} | {u.chrf:.1f} | {u.bleu:.1f} | {u.ter:.1f} | "
                f"{cell(u.unit.reference)} | {cell(u.unit.hypothesis)} |"
                for u in c.most_divergent()
            ),
            "",
        ]
    return "\n".join(lines).rstrip("\n") + "\n"
