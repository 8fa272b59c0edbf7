"""Alignment quality reports: build (pure), render to HTML / Markdown / JSON, write."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

from workbench.core.model import Finding, ProjectSnapshot
from workbench.report.build import QualityReport, build_report
from workbench.report.render_html import render_html
from workbench.report.render_json import render_json
from workbench.report.render_markdown import render_markdown
from workbench.textio import write_atomic

REPORT_FILES = ("report.html", "report.md", "report.json")

__all__ = [
    "REPORT_FILES",
    "QualityReport",
    "build_report",
    "render_html",
    "render_json",
    "render_markdown",
    "write_reports",
]


def write_reports(
    snapshot: ProjectSnapshot,
    out_dir: str | Path,
    findings: Mapping[str, Sequence[Finding]] | None = None,
) -> list[Path]:
    """Write report.html, report.md and report.json into ``out_dir`` (atomically)."""
    report = build_report(snapshot, findings)
    out = Path(out_dir)
    rendered = (render_html(report), render_markdown(report), render_json(report))
    paths = []
    for name, text in zip(REPORT_FILES, rendered, strict=True):
        write_atomic(out / name, text)
        paths.append(out / name)
    return paths
