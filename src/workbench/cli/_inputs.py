"""What the commands that read a source text and its translation share: their
arguments (SRC, TGT, --presegmented, --glossary) and reading them into sentences."""

from __future__ import annotations

import argparse
import re

from workbench.core.model import GlossaryEntry, Span
from workbench.textio import InputError, read_text

_LINE = re.compile(r"[^\n]+")


def add_text_pair_arguments(
    parser: argparse.ArgumentParser,
    *,
    src_help: str,
    tgt_help: str,
    glossary_help: str,
) -> None:
    """SRC, TGT, ``--presegmented`` and ``--glossary FILE``."""
    parser.add_argument("src", metavar="SRC", help=src_help)
    parser.add_argument("tgt", metavar="TGT", help=tgt_help)
    parser.add_argument(
        "--presegmented",
        action="store_true",
        help="the files hold one sentence per non-empty line (no segmentation)",
    )
    parser.add_argument("--glossary", metavar="FILE", help=glossary_help)


def line_spans(text: str) -> list[Span]:
    """Each non-empty line as a sentence, without its surrounding spaces."""
    spans = []
    for m in _LINE.finditer(text):
        stripped = m.group().strip()
        if stripped:
            start = m.start() + m.group().index(stripped)
            spans.append(Span(start, start + len(stripped), stripped))
    return spans


def read_sentences(path: str, lang: str, presegmented: bool) -> tuple[str, list[Span]]:
    """The file's text and its sentences: one per non-empty line if ``presegmented``,
    otherwise as the segmenter splits them. Errors name the file (InputError)."""
    text = read_text(path)
    if presegmented:
        return text, line_spans(text)
    from workbench.core.segment import segment

    try:
        return text, list(segment(text, lang))
    except ValueError as exc:
        raise InputError(path, f"cannot segment: {exc}") from None


def read_glossary_option(path: str | None) -> list[GlossaryEntry]:
    """The entries of ``--glossary FILE``, or none without the option."""
    if not path:
        return []
    from workbench.formats.glossary_csv import read_glossary

    return read_glossary(path)
