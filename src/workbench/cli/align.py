"""``workbench align SRC TGT``: align the sentences of a text and its translation."""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import textwrap
from collections.abc import Callable, Sequence
from typing import TextIO

from workbench.cli._inputs import add_text_pair_arguments, read_glossary_option, read_sentences
from workbench.core.model import Link


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "align",
        help="align the sentences of a source text and its translation",
        description="Align the sentences of SRC and TGT; print the links.",
    )
    add_text_pair_arguments(
        parser,
        src_help="source text (UTF-8)",
        tgt_help="translation (UTF-8)",
        glossary_help="glossary CSV/TSV used as a bilingual dictionary",
    )
    parser.add_argument("--src-lang", default="ru", help="source language (default: ru)")
    parser.add_argument("--tgt-lang", default="en", help="target language (default: en)")
    parser.add_argument(
        "--json",
        action="store_true",
        help='print {"links": [{"src": [...], "tgt": [...], "score": ...}]} (0-based)',
    )
    parser.set_defaults(func=run_align)


class _ProgressBar:
    """A one-line progress bar on a terminal's stderr."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream
        self._shown = -1

    def __call__(self, fraction: float) -> None:
        percent = int(fraction * 100)
        if percent == self._shown:
            return
        self._shown = percent
        width = 30
        filled = width * percent // 100
        self._stream.write(f"\raligning [{'#' * filled}{'.' * (width - filled)}] {percent:3d}%")
        if percent >= 100:
            self._stream.write("\r" + " " * (width + 20) + "\r")
        self._stream.flush()


def run_align(args: argparse.Namespace) -> int:
    from workbench.core.align import align_sentences

    _, src_spans = read_sentences(args.src, args.src_lang, args.presegmented)
    _, tgt_spans = read_sentences(args.tgt, args.tgt_lang, args.presegmented)
    glossary = read_glossary_option(args.glossary)
    src = [span.text for span in src_spans]
    tgt = [span.text for span in tgt_spans]
    progress: Callable[[float], None] | None = None
    if sys.stderr.isatty():
        progress = _ProgressBar(sys.stderr)
    links = align_sentences(
        src,
        tgt,
        src_lang=args.src_lang,
        tgt_lang=args.tgt_lang,
        glossary=glossary,
        progress=progress,
    )
    if args.json:
        json.dump({"links": [_link_json(link) for link in links]}, sys.stdout, ensure_ascii=False)
        sys.stdout.write("\n")
    else:
        _print_side_by_side(links, src, tgt, sys.stdout)
    return 0


def _link_json(link: Link) -> dict[str, object]:
    return {"src": list(link.src), "tgt": list(link.tgt), "score": round(link.score, 4)}


def _print_side_by_side(
    links: Sequence[Link], src: Sequence[str], tgt: Sequence[str], out: TextIO
) -> None:
    columns = shutil.get_terminal_size((120, 24)).columns
    column = max(20, (columns - 24) // 2)
    for link in links:
        left = textwrap.wrap(" ".join(src[i] for i in link.src), column) or [""]
        right = textwrap.wrap(" ".join(tgt[j] for j in link.tgt), column) or [""]
        label = f"{_indices(link.src):>7} {_indices(link.tgt):<7} {link.score:4.2f}"
        for row in range(max(len(left), len(right))):
            head = label if row == 0 else " " * len(label)
            l_text = left[row] if row < len(left) else ""
            r_text = right[row] if row < len(right) else ""
            out.write(f"{head}  {l_text:<{column}} │ {r_text}\n")


def _indices(indices: Sequence[int]) -> str:
    if not indices:
        return "-"
    if len(indices) == 1:
        return str(indices[0])
    return f"{indices[0]}..{indices[-1]}"
