"""Reading tests/data/quotes/passages.txt: passages with their expected quotations."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

PASSAGES = Path(__file__).resolve().parent / "data" / "quotes" / "passages.txt"
#: A second set in other citation styles: memoirs, Soviet newspapers, footnotes,
#: "Op. cit."/"a. a. O.", Harvard author-date references, British archive files.
STYLE_PASSAGES = PASSAGES.with_name("passages_styles.txt")


@dataclass(frozen=True)
class Expected:
    provenance: str
    starts: str


@dataclass(frozen=True)
class Passage:
    ident: str
    about: str
    text: str
    expected: tuple[Expected, ...]


def load_passages(path: Path = PASSAGES) -> list[Passage]:
    passages: list[Passage] = []
    header: tuple[str, str] | None = None
    lines: list[str] = []
    expected: list[Expected] = []

    def flush() -> None:
        if header is not None:
            text = "\n".join(lines).strip("\n")
            passages.append(Passage(header[0], header[1], text, tuple(expected)))

    for raw in path.read_text(encoding="utf-8").splitlines():
        if raw.startswith("## "):
            flush()
            ident, _, about = raw[3:].partition(":")
            header = (ident.strip(), about.strip())
            lines, expected = [], []
        elif header is None:
            continue
        elif raw.startswith(">> "):
            entry = raw[3:].strip()
            if entry != "none":
                provenance, _, starts = entry.partition(":")
                expected.append(Expected(provenance.strip(), starts.strip()))
        else:
            lines.append(raw)
    flush()
    return passages
