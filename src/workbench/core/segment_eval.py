"""Gold sentence passages and boundary scores for judging a sentence segmenter.

Gold passage format (``tests/data/segment/*.txt``): passages are separated by
blank lines; each line of a passage is one gold sentence, and the passage text
is its sentences joined by single spaces; lines starting with ``#`` are
comments (the first comment line before a passage names it).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class GoldPassage:
    """A passage of text and the sentences a translator expects in it."""

    name: str
    sentences: tuple[str, ...]

    @property
    def text(self) -> str:
        return " ".join(self.sentences)


@dataclass(frozen=True, slots=True)
class BoundaryScore:
    """Sentence-boundary counts; a boundary is the end offset of a non-final sentence."""

    true_positives: int
    false_positives: int
    false_negatives: int

    @property
    def precision(self) -> float:
        found = self.true_positives + self.false_positives
        return self.true_positives / found if found else 1.0

    @property
    def recall(self) -> float:
        expected = self.true_positives + self.false_negatives
        return self.true_positives / expected if expected else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def __add__(self, other: BoundaryScore) -> BoundaryScore:
        return BoundaryScore(
            self.true_positives + other.true_positives,
            self.false_positives + other.false_positives,
            self.false_negatives + other.false_negatives,
        )


def parse_gold_passages(content: str) -> list[GoldPassage]:
    """Read passages in the gold format described in the module docstring."""
    passages: list[GoldPassage] = []
    name = ""
    sentences: list[str] = []
    for line in content.splitlines():
        if line.startswith("#"):
            if not sentences and not name:
                name = line.lstrip("# ").strip()
            continue
        if line.strip():
            sentences.append(line.strip())
            continue
        if sentences:
            passages.append(GoldPassage(name or f"passage {len(passages) + 1}", tuple(sentences)))
        name, sentences = "", []
    if sentences:
        passages.append(GoldPassage(name or f"passage {len(passages) + 1}", tuple(sentences)))
    return passages


def sentence_boundaries(text: str, sentences: Iterable[str]) -> set[int]:
    """End offsets in ``text`` of the given sentences, found in order, minus the text's end.

    Works for segmenters that return strings (with or without surrounding
    whitespace); a sentence that cannot be found in order is skipped.
    """
    boundaries: set[int] = set()
    pos = 0
    for sentence in sentences:
        sentence = sentence.strip()
        if not sentence:
            continue
        found = text.find(sentence, pos)
        if found < 0:
            continue
        pos = found + len(sentence)
        boundaries.add(pos)
    boundaries.discard(len(text.rstrip()))
    return boundaries


def score_boundaries(gold: set[int], predicted: set[int]) -> BoundaryScore:
    return BoundaryScore(
        true_positives=len(gold & predicted),
        false_positives=len(predicted - gold),
        false_negatives=len(gold - predicted),
    )


def score_segmenter(
    passages: Sequence[tuple[str, Sequence[str]]], predicted: Sequence[Sequence[str]]
) -> BoundaryScore:
    """Sum of boundary scores over (text, gold sentences) pairs and predicted sentences."""
    total = BoundaryScore(0, 0, 0)
    for (text, gold), guess in zip(passages, predicted, strict=True):
        total += score_boundaries(
            sentence_boundaries(text, gold), sentence_boundaries(text, guess)
        )
    return total
