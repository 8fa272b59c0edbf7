"""``workbench segment FILE [--lang ru|en] [--json]``: print the sentences of a text file.

Plain output is one sentence per line (line breaks inside a sentence shown as
spaces). ``--json`` prints a list of ``{"start", "end", "text"}`` objects, with
offsets into the file decoded as UTF-8 (a leading BOM removed, newlines as they
are) and ``"incomplete": true`` on a last sentence cut off mid-way.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from typing import Any

from workbench.core.model import Span
from workbench.core.segment import LANGUAGES, detect_language, segment
from workbench.textio import read_text

_LINE_BREAKS = re.compile(r"\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "segment",
        help="split a text file into sentences",
        description="Split a UTF-8 text file into sentences and print them.",
    )
    parser.add_argument("file", metavar="FILE", help="UTF-8 text file (a leading BOM is allowed)")
    parser.add_argument(
        "--lang",
        choices=LANGUAGES,
        help="language of the text (default: detected from the script)",
    )
    parser.add_argument(
        "--json",
        action="store_true",
        help='print a JSON list of {"start", "end", "text"} objects',
    )
    parser.set_defaults(func=run_segment)


def run_segment(args: argparse.Namespace) -> int:
    content = read_text(args.file)
    lang = args.lang or detect_language(content)
    sentences = segment(content, lang)
    if args.json:
        json.dump([_as_json(span) for span in sentences], sys.stdout, ensure_ascii=False, indent=1)
        sys.stdout.write("\n")
    else:
        sys.stdout.writelines(_LINE_BREAKS.sub(" ", span.text) + "\n" for span in sentences)
    return 0


def _as_json(span: Span) -> dict[str, Any]:
    item: dict[str, Any] = {"start": span.start, "end": span.end, "text": span.text}
    if span.incomplete:
        item["incomplete"] = True
    return item
