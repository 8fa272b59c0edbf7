"""The report as one self-contained HTML page (inline CSS and SVG, no scripts, no network)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Sequence
from html import escape

from workbench.core.model import Severity
from workbench.core.scoring import TranslationComparison, UnitScore
from workbench.report.build import (
    SEVERITY_HEADINGS,
    SUSPECT_SCORE,
    QualityReport,
    TranslationReport,
    nested_text,
    sentence_numbers,
)
from workbench.report.svg import alignment_path_svg, histogram_svg, score_colour

STYLE = """
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",sans-serif;margin:2rem auto;max-width:72rem;
padding:0 1rem;color:#222}
h1{font-size:1.6rem}h2{margin-top:2.2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;margin:.6rem 0}td,th{border:1px solid #ddd;padding:.25rem .5rem;
vertical-align:top;text-align:left}th{background:#f3f3f3}td.num{text-align:right;white-space:nowrap}
.plots{display:flex;flex-wrap:wrap;gap:1.5rem}.score{display:inline-block;min-width:3em;
color:#fff;border-radius:3px;padding:0 .3em;text-align:center}
.sev-error{color:#b00020}.sev-warning{color:#8a5a00}.sev-info{color:#225}
.ru{font-family:Georgia,serif}.muted{color:#666}code{font-size:.85em}
"""


def _e(text: object) -> str:
    return escape(str(text), quote=True)


def _score(score: float) -> str:
    return f'<span class="score" style="background:{score_colour(score)}">{score:.2f}</span>'


def _table(headers: list[str], rows: list[list[str]], numeric: set[int] | None = None) -> str:
    numeric = numeric or set()
    head = "".join(f"<th>{h}</th>" for h in headers)
    body = "".join(
        "<tr>"
        + "".join(
            f'<td class="num">{c}</td>' if i in numeric else f"<td>{c}</td>"
            for i, c in enumerate(row)
        )
        + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _anchor(*parts: object) -> str:
    """An element id made of ``parts`` (names are escaped; spaces are not allowed)."""
    return _e("-".join(str(p) for p in parts).replace(" ", "_"))


def _segment_anchors(report: QualityReport) -> dict[str, dict[int, str]]:
    """For each translation, the id of the row of the per-segment comparison table that
    holds each Russian sentence (the first comparison the translation takes part in)."""
    anchors: dict[str, dict[int, str]] = {}
    for number, c in enumerate(report.comparisons, 1):
        rows = {i: _anchor("cmp", number, "ru", u.unit.src[0] + 1)
                for u in c.units if u.unit.src for i in u.unit.src}
        for name in (c.reference_name, c.hypothesis_name):
            anchors.setdefault(name, rows)
    return anchors


def _summary(report: QualityReport) -> str:
    """One row per translation: what a project lead checks first, each count linked to
    the section that lists it."""
    severities = list(Severity)
    rows = []
    for t in report.translations:
        counts = t.severity_counts()
        rows.append([
            f'<a href="#{_anchor("t", t.name)}">{_e(t.name)}</a>',
            str(len(t.links)),
            str(t.unequal_links()),
            _score(t.mean_score),
            f'<a href="#{_anchor("lowest", t.name)}">{t.suspect_count}</a>',
            *(
                f'<a class="sev-{s.value}" href="#{_anchor("qa", t.name)}">{counts[s.value]}</a>'
                for s in severities
            ),
        ])
    return "<h2 id=\"summary\">Summary</h2>" + _table(
        ["translation", "links", "not 1-1", "mean score",
         f"suspect (score &lt; {SUSPECT_SCORE})", *(SEVERITY_HEADINGS[s] for s in severities)],
        rows,
        set(range(1, 5 + len(severities))),
    )


def _sentence_link(indices: tuple[int, ...], anchors: dict[int, str]) -> str:
    text = sentence_numbers(indices)
    if indices and indices[0] in anchors:
        return f'<a href="#{anchors[indices[0]]}">{text}</a>'
    return text


def _anchored_numbers(comparison_number: int, u: UnitScore) -> str:
    """The unit's Russian sentence numbers, as a target the lowest links point to."""
    if not u.unit.src:
        return sentence_numbers(u.unit.src)
    anchor = _anchor("cmp", comparison_number, "ru", u.unit.src[0] + 1)
    return f'<span id="{anchor}">{sentence_numbers(u.unit.src)}</span>'


def _unit_table(
    c: TranslationComparison, units: Sequence[UnitScore], label: Callable[[UnitScore], str]
) -> str:
    """Per-unit scores of a comparison with both translations' texts."""
    return _table(
        ["RU", "chrF", "BLEU", "TER", _e(c.reference_name), _e(c.hypothesis_name)],
        [
            [
                label(u),
                f"{u.chrf:.1f}",
                f"{u.bleu:.1f}",
                f"{u.ter:.1f}",
                _e(u.unit.reference),
                _e(u.unit.hypothesis),
            ]
            for u in units
        ],
        {1, 2, 3},
    )


def _translation(t: TranslationReport, segment_anchors: dict[int, str]) -> str:
    name = _e(t.name)
    parts = [
        f'<h2 id="{_anchor("t", t.name)}">Translation “{name}”</h2>',
        f"<p>{t.n_source} Russian sentences, {t.n_target} English segments, {len(t.links)} "
        f"links; mean score {t.mean_score:.2f}; <strong>{t.suspect_count}</strong> suspect "
        f"(score &lt; {SUSPECT_SCORE}).</p>",
        '<div class="plots">',
        alignment_path_svg(t.links, t.n_source, t.n_target, title=f"Alignment path of {t.name}"),
        histogram_svg(t.score_histogram, title=f"Link scores of {t.name}"),
        "</div>",
        _table(
            ["link type", "count"],
            [[_e(k), str(v)] for k, v in t.link_types.items()],
            {1},
        ),
        _table(["status", "count"], [[_e(k), str(v)] for k, v in t.status_counts.items()], {1}),
        f'<h3 id="{_anchor("lowest", t.name)}">Lowest-confidence links</h3>',
        _table(
            ["link", "RU", "EN", "type", "score", "Russian", "English"],
            [
                [
                    str(v.index + 1),
                    _sentence_link(v.link.src, segment_anchors),
                    sentence_numbers(v.link.tgt),
                    _e(v.link.kind),
                    _score(v.link.score),
                    f'<span class="ru">{_e(v.source_text) or "—"}</span>',
                    _e(v.target_text) or "—",
                ]
                for v in t.lowest
            ],
            {0, 1, 2},
        ),
        f'<h3 id="{_anchor("qa", t.name)}">QA findings</h3>',
    ]
    if not t.findings:
        parts.append("<p>None.</p>")
    for check, findings in t.findings.items():
        # A group of notices only starts folded, so errors and warnings stand out.
        folded = all(f.severity is Severity.INFO for f in findings)
        parts.append(
            f"<details{'' if folded else ' open'}><summary><code>{_e(check)}</code> "
            f"({len(findings)})</summary>"
        )
        parts.append(
            _table(
                ["RU", "EN", "severity", "message"],
                [
                    [
                        _sentence_link(f.src, segment_anchors),
                        sentence_numbers(f.tgt),
                        f'<span class="sev-{_e(f.severity)}">{_e(f.severity)}</span>',
                        _e(f.message),
                    ]
                    for f in findings
                ],
            )
        )
        parts.append("</details>")
    return "\n".join(parts)


def render_html(report: QualityReport) -> str:
    title = f"Alignment quality report: {report.project}"
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{_e(title)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{_e(title)}</h1>",
        '<nav><ul><li><a href="#summary">Summary</a></li>'
        + "".join(
            f'<li><a href="#{_anchor("t", t.name)}">{_e(t.name)}</a></li>'
            for t in report.translations
        )
        + '<li><a href="#quotations">Quotations taken from English</a></li>'
        + '<li><a href="#glossary">Glossary coverage</a></li>'
        + '<li><a href="#comparison">Comparing the translations</a></li></ul></nav>',
    ]
    parts.append(_summary(report))
    anchors = _segment_anchors(report)
    parts += [_translation(t, anchors.get(t.name, {})) for t in report.translations]
    parts.append('<h2 id="quotations">Quotations taken from English</h2>')
    if not report.quotations:
        parts.append("<p>None found.</p>")
    for q in report.quotations:
        parts.append(
            f"<p><strong>Sentences {sentence_numbers(q.sentences)}</strong> "
            f"(confidence {q.quotation.confidence:.2f}{nested_text(q.nested)}): "
            f"{_e(q.quotation.advice or '')}</p>"
            f'<p class="muted">Citation: {_e(q.quotation.citation or "—")}</p><ul>'
            + "".join(f"<li>{_e(ev)}</li>" for ev in q.quotation.evidence)
            + "</ul>"
        )
    parts.append('<h2 id="glossary">Glossary coverage</h2>')
    if report.glossary:
        names = list(report.glossary[0].rendered)
        used = [g for g in report.glossary if g.occurrences]
        parts.append(
            "<p>Source sentences containing each term, and links of each translation whose "
            f"English uses an approved term. {len(report.glossary) - len(used)} terms do not "
            "occur in the source.</p>"
        )
        parts.append(
            _table(
                ["Russian", "approved English", "occurrences", *map(_e, names)],
                [
                    [
                        f'<span class="ru">{_e(g.source)}</span>',
                        _e("; ".join(g.targets)),
                        str(g.occurrences),
                        *(str(g.rendered[n]) for n in names),
                    ]
                    for g in used
                ],
                set(range(2, 3 + len(names))),
            )
        )
    else:
        parts.append("<p>The workspace has no glossary.</p>")
    parts.append('<h2 id="comparison">Comparing the translations</h2>')
    if not report.comparisons:
        parts.append("<p>Only one translation: nothing to compare.</p>")
    for number, c in enumerate(report.comparisons, 1):
        parts.append(
            f"<h3>“{_e(c.hypothesis_name)}” against “{_e(c.reference_name)}”</h3>"
            + _table(
                ["metric", "whole text", "signature"],
                [
                    [m, f"{v:.2f}", f"<code>{_e(c.signatures[m])}</code>"]
                    for m, v in (("chrF", c.chrf), ("BLEU", c.bleu), ("TER", c.ter))
                ],
                {1},
            )
            + "<h4>Where the translations disagree most</h4>"
            + _unit_table(c, c.most_divergent(), lambda u: sentence_numbers(u.unit.src))
            + f"<details><summary>All {len(c.units)} segments</summary>"
            + _unit_table(c, c.units, functools.partial(_anchored_numbers, number))
            + "</details>"
        )
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"
