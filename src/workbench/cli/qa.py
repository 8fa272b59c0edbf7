"""``workbench qa SRC TGT``: quality checks on a translation against its source."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from collections.abc import Sequence
from typing import TextIO

from workbench.cli._inputs import add_text_pair_arguments, read_glossary_option, read_sentences
from workbench.core.model import Finding, Link, QuotationSpan, Span


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    from workbench.core.qa import CHECKS

    parser = subparsers.add_parser(
        "qa",
        help="check a translation: terms, numbers, untranslated text, marks, quotations",
        description="Align SRC (Russian) and TGT (English) and run the QA checks on every link.",
        epilog="checks (ID, severity, what it finds):\n"
        + "\n".join(
            f"  {check.id:<23}{check.severity!s:<9}{check.summary}" for check in CHECKS.values()
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_text_pair_arguments(
        parser,
        src_help="Russian source text (UTF-8)",
        tgt_help="English translation (UTF-8)",
        glossary_help="glossary CSV/TSV to check terms against",
    )
    parser.add_argument(
        "--check",
        dest="checks",
        action="append",
        choices=list(CHECKS),
        metavar="ID",
        help="run only this check (repeatable); default: all",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print a list of {"check", "src", "tgt", "severity", "message"} objects',
    )
    parser.set_defaults(func=run_qa)


def run_qa(args: argparse.Namespace) -> int:
    from workbench.core.align import align_sentences
    from workbench.core.qa import run_checks
    from workbench.core.quotes import find_quotations

    src_text, src = read_sentences(args.src, "ru", args.presegmented)
    _, tgt = read_sentences(args.tgt, "en", args.presegmented)
    glossary = read_glossary_option(args.glossary)
    segments = [span.text for span in tgt]
    links = align_sentences(
        [span.text for span in src], segments, src_lang="ru", tgt_lang="en", glossary=glossary
    )
    quotations: Sequence[QuotationSpan] = find_quotations(src_text)
    findings = run_checks(src, segments, links, glossary, quotations, checks=args.checks)
    if args.json:
        json.dump([finding_json(f) for f in findings], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        print_findings(findings, links, src, segments, sys.stdout)
    return 0


def finding_json(finding: Finding) -> dict[str, object]:
    return {
        "check": finding.check,
        "src": list(finding.src),
        "tgt": list(finding.tgt),
        "severity": str(finding.severity),
        "message": finding.message,
    }


def _indices(indices: Sequence[int]) -> str:
    if not indices:
        return "—"
    return str(indices[0]) if len(indices) == 1 else f"{indices[0]}–{indices[-1]}"


def _excerpt(text: str, width: int = 90) -> str:
    return textwrap.shorten(text, width, placeholder=" …") if text.strip() else "(nothing)"


def print_findings(
    findings: Sequence[Finding],
    links: Sequence[Link],
    src: Sequence[Span],
    segments: Sequence[str],
    out: TextIO,
) -> None:
    """Findings grouped by link, each group headed by both sides of the link."""
    if not findings:
        out.write(f"No findings ({len(links)} links checked).\n")
        return
    groups: dict[tuple[tuple[int, ...], tuple[int, ...]], list[Finding]] = {}
    for finding in findings:
        groups.setdefault((finding.src, finding.tgt), []).append(finding)
    for (src_ids, tgt_ids), group in groups.items():
        out.write(f"ru {_indices(src_ids)} ↔ en {_indices(tgt_ids)}\n")
        out.write(f"  ru: {_excerpt(' '.join(src[i].text for i in src_ids))}\n")
        out.write(f"  en: {_excerpt(' '.join(segments[j] for j in tgt_ids))}\n")
        for finding in group:
            lines = textwrap.wrap(
                finding.message, 100, initial_indent="", subsequent_indent=" " * 34
            )
            head = f"  {finding.severity:<8} {finding.check:<22}  "
            out.write(head + "\n".join(lines) + "\n")
        out.write("\n")
    counts: dict[str, int] = {}
    for finding in findings:
        counts[str(finding.severity)] = counts.get(str(finding.severity), 0) + 1
    summary = ", ".join(
        _counted(counts[s], s) for s in ("error", "warning", "info") if s in counts
    )
    out.write(
        f"{_counted(len(findings), 'finding')} on {len(groups)} of "
        f"{_counted(len(links), 'link')}: {summary}.\n"
    )


def _counted(count: int, noun: str) -> str:
    """``count`` and ``noun``, in the plural unless one ("info" has no plural)."""
    if count == 1 or noun == "info":
        return f"{count} {noun}"
    return f"{count} {noun}s"
