"""The report as JSON, for scripts and dashboards (stable keys, rounded figures)."""

from __future__ import annotations

import json
from typing import Any

from workbench.core.model import Finding
from workbench.core.scoring import TranslationComparison, UnitScore
from workbench.report.build import (
    HISTOGRAM_BINS,
    SUSPECT_SCORE,
    LinkView,
    QualityReport,
    TranslationReport,
)

FORMAT = "workbench-alignment-report/1"


def _r(value: float) -> float:
    return round(value, 4)


def _link(view: LinkView) -> dict[str, Any]:
    return {
        "index": view.index,
        "src": list(view.link.src),
        "tgt": list(view.link.tgt),
        "type": view.link.kind,
        "score": _r(view.link.score),
        "status": str(view.link.status),
        "source": view.source_text,
        "target": view.target_text,
    }


def _finding(f: Finding) -> dict[str, Any]:
    return {
        "src": list(f.src),
        "tgt": list(f.tgt),
        "severity": str(f.severity),
        "message": f.message,
    }


def _translation(t: TranslationReport) -> dict[str, Any]:
    return {
        "name": t.name,
        "sentences": {"source": t.n_source, "target": t.n_target},
        "links": len(t.links),
        "link_types": t.link_types,
        "statuses": t.status_counts,
        "score": {
            "mean": _r(t.mean_score),
            "suspect_below": SUSPECT_SCORE,
            "suspect_count": t.suspect_count,
            "histogram": [
                {"from": _r(i / HISTOGRAM_BINS), "to": _r((i + 1) / HISTOGRAM_BINS), "count": c}
                for i, c in enumerate(t.score_histogram)
            ],
        },
        "lowest_links": [_link(v) for v in t.lowest],
        "qa_by_severity": t.severity_counts(),
        "qa": {check: [_finding(f) for f in fs] for check, fs in t.findings.items()},
    }


def _unit(u: UnitScore) -> dict[str, Any]:
    return {
        "src": list(u.unit.src),
        "chrF": _r(u.chrf),
        "BLEU": _r(u.bleu),
        "TER": _r(u.ter),
        "reference": u.unit.reference,
        "hypothesis": u.unit.hypothesis,
    }


def _comparison(c: TranslationComparison) -> dict[str, Any]:
    return {
        "reference": c.reference_name,
        "hypothesis": c.hypothesis_name,
        "whole_text": {"chrF": _r(c.chrf), "BLEU": _r(c.bleu), "TER": _r(c.ter)},
        "signatures": c.signatures,
        "segments": [_unit(u) for u in c.units],
        "most_divergent": [list(u.unit.src) for u in c.most_divergent()],
    }


def report_to_dict(report: QualityReport) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "project": report.project,
        "translations": [_translation(t) for t in report.translations],
        "quotations_via_english": [
            {
                "start": q.quotation.start,
                "end": q.quotation.end,
                "sentences": list(q.sentences),
                "citation": q.quotation.citation,
                "advice": q.quotation.advice,
                "confidence": _r(q.quotation.confidence),
                "evidence": list(q.quotation.evidence),
                "nested_quotations": q.nested,
            }
            for q in report.quotations
        ],
        "glossary_coverage": [
            {
                "source": g.source,
                "targets": list(g.targets),
                "occurrences": g.occurrences,
                "rendered": g.rendered,
            }
            for g in report.glossary
        ],
        "comparisons": [_comparison(c) for c in report.comparisons],
    }


def render_json(report: QualityReport) -> str:
    return json.dumps(report_to_dict(report), ensure_ascii=False, indent=2) + "\n"
