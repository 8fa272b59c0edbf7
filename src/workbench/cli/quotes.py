"""``workbench quotes FILE [--json]``: a text's quotations and where their wording came from."""

from __future__ import annotations

import argparse
import bisect
import json
import re
import sys
from typing import Any

from workbench.core.model import QuotationSpan
from workbench.core.quotes import find_quotations
from workbench.textio import read_text


def register(subparsers: Any) -> None:
    parser = subparsers.add_parser(
        "quotes",
        help="list quotations and the provenance of their Russian wording",
        description=(
            "List the quotations of a Russian text with the provenance of their wording "
            "(russian-original, via-english, other-language, untranslated-english, "
            "no-citation, unknown), the citation found and the evidence."
        ),
    )
    parser.add_argument("file", metavar="FILE", help="UTF-8 text file")
    parser.add_argument("--json", action="store_true", help="print a JSON list")
    parser.set_defaults(func=run)


def quotation_record(quote: QuotationSpan) -> dict[str, Any]:
    """The JSON object for one quotation (the ``--json`` contract)."""
    return {
        "start": quote.start,
        "end": quote.end,
        "text": quote.text,
        "via_english": quote.via_english,
        "provenance": quote.provenance.value,
        "confidence": quote.confidence,
        "citation": quote.citation,
        "evidence": list(quote.evidence),
        "advice": quote.advice,
        "depth": quote.depth,
        "unclosed": quote.unclosed,
    }


def line_column(text: str, offset: int, line_starts: list[int] | None = None) -> tuple[int, int]:
    """1-based line and column of ``offset`` (``line_starts`` as from :func:`_line_starts`)."""
    starts = line_starts if line_starts is not None else _line_starts(text)
    line = bisect.bisect_right(starts, offset)
    return line, offset - starts[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    return [0, *(match.end() for match in re.finditer("\n", text))]


def _edges(text: str, words: int = 4) -> str:
    body = " ".join(text.split())
    parts = body.split(" ")
    if len(parts) <= 2 * words:
        return body
    return " ".join(parts[:words]) + " … " + " ".join(parts[-words:])


def format_listing(quotes: list[QuotationSpan]) -> str:
    """The readable listing: one block per quotation."""
    blocks: list[str] = []
    for number, quote in enumerate(quotes, 1):
        flag = "  [TAKE FROM ENGLISH]" if quote.via_english else ""
        nested = f"  nested (depth {quote.depth})" if quote.depth else ""
        unclosed = "  UNCLOSED" if quote.unclosed else ""
        lines = [
            f"#{number}  {quote.start}-{quote.end}  {quote.provenance.value}  "
            f"confidence {quote.confidence:.2f}{nested}{unclosed}{flag}",
            f"    {_edges(quote.text)}",
            f"    citation: {quote.citation if quote.citation is not None else '(none)'}",
        ]
        if quote.evidence:
            lines.append(f"    evidence: {'; '.join(quote.evidence)}")
        if quote.advice:
            lines.append(f"    advice: {quote.advice}")
        blocks.append("\n".join(lines))
    if not blocks:
        return "no quotations found"
    return "\n\n".join(blocks)


def run(args: argparse.Namespace) -> int:
    text = read_text(args.file)
    quotes = find_quotations(text)
    starts = _line_starts(text)
    for quote in quotes:
        if quote.unclosed:
            line, column = line_column(text, quote.start, starts)
            print(
                f"workbench: {args.file}:{line}:{column}: warning: quotation opened with "
                f"{quote.text[:1]} is never closed; ended at the end of its paragraph",
                file=sys.stderr,
            )
    if args.json:
        json.dump([quotation_record(q) for q in quotes], sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    else:
        print(format_listing(quotes))
    return 0
