"""Comparing two English translations of the same source with sacrebleu.

Two translations of one text rarely split it the same way: one joins two Russian
sentences, the other splits one. To compare them segment by segment, the source
sentences are grouped into *comparison units*: the smallest runs of source
sentences that neither translation's links cross. Each unit then has one English
text per translation, and sacrebleu scores them against each other.

Scores are symmetric in spirit but not in arithmetic (BLEU and TER treat one
side as the reference): the *reference* translation is the first one given.
Each metric's signature is kept, so a figure can be reproduced.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sacrebleu.metrics import BLEU, CHRF, TER

from workbench.core.model import Link

METRIC_NAMES = ("chrF", "BLEU", "TER")


@dataclass(frozen=True, slots=True)
class ComparisonUnit:
    """A run of source sentences and what each of two translations made of it."""

    src: tuple[int, ...]
    hypothesis: str
    reference: str


@dataclass(frozen=True, slots=True)
class UnitScore:
    unit: ComparisonUnit
    chrf: float
    bleu: float
    ter: float


@dataclass(frozen=True, slots=True)
class TranslationComparison:
    """Whole-text and per-unit scores of ``hypothesis`` against ``reference``."""

    reference_name: str
    hypothesis_name: str
    chrf: float
    bleu: float
    ter: float
    signatures: dict[str, str]
    units: tuple[UnitScore, ...]

    def most_divergent(self, count: int = 10) -> list[UnitScore]:
        """The units where the two translations disagree most (lowest chrF first)."""
        scored = [u for u in self.units if u.unit.hypothesis or u.unit.reference]
        return sorted(scored, key=lambda u: (u.chrf, u.unit.src))[:count]


def comparison_units(
    n_source: int,
    reference: tuple[Sequence[str], Sequence[Link]],
    hypothesis: tuple[Sequence[str], Sequence[Link]],
) -> list[ComparisonUnit]:
    """Group source sentences so that neither translation's links cross a group.

    ``reference`` and ``hypothesis`` are each (target segments, links). English
    segments with no source (0-1 links) join the unit of the source sentence
    before them (or the first unit).
    """
    # boundary[i] is True when a unit may end after source sentence i.
    boundary = [True] * n_source
    for _segments, links in (reference, hypothesis):
        for link in links:
            for i in link.src[:-1]:
                if 0 <= i < n_source:
                    boundary[i] = False
    unit_of: list[int] = []
    unit = 0
    for i in range(n_source):
        unit_of.append(unit)
        if boundary[i]:
            unit += 1
    n_units = unit
    spans: list[list[int]] = [[] for _ in range(n_units)]
    for i, u in enumerate(unit_of):
        spans[u].append(i)

    def texts(segments: Sequence[str], links: Sequence[Link]) -> list[list[str]]:
        out: list[list[str]] = [[] for _ in range(n_units)]
        last_unit = 0
        for link in links:
            if link.src:
                last_unit = unit_of[link.src[0]] if link.src[0] < n_source else n_units - 1
            if n_units == 0:
                continue
            out[last_unit].extend(segments[j] for j in link.tgt if 0 <= j < len(segments))
        return out

    ref_texts = texts(*reference)
    hyp_texts = texts(*hypothesis)
    return [
        ComparisonUnit(
            src=tuple(spans[u]),
            hypothesis=" ".join(hyp_texts[u]),
            reference=" ".join(ref_texts[u]),
        )
        for u in range(n_units)
    ]


def compare_translations(
    units: Sequence[ComparisonUnit], *, reference_name: str, hypothesis_name: str
) -> TranslationComparison:
    """Score every unit and the whole text with chrF, BLEU and TER."""
    chrf, bleu, ter = CHRF(), BLEU(effective_order=True), TER()
    if not units:
        units = [ComparisonUnit(src=(), hypothesis="", reference="")]
    scored = tuple(
        UnitScore(
            unit=u,
            chrf=chrf.sentence_score(u.hypothesis, [u.reference]).score,
            bleu=bleu.sentence_score(u.hypothesis, [u.reference]).score,
            ter=ter.sentence_score(u.hypothesis, [u.reference]).score,
        )
        for u in units
    )
    hyps = [u.hypothesis for u in units]
    refs = [[u.reference for u in units]]
    corpus_bleu = BLEU()
    result = TranslationComparison(
        reference_name=reference_name,
        hypothesis_name=hypothesis_name,
        chrf=chrf.corpus_score(hyps, refs).score,
        bleu=corpus_bleu.corpus_score(hyps, refs).score,
        ter=ter.corpus_score(hyps, refs).score,
        signatures={
            "chrF": str(chrf.get_signature()),
            "BLEU": str(corpus_bleu.get_signature()),
            "TER": str(ter.get_signature()),
        },
        units=tuple(u for u in scored if u.unit.src),
    )
    return result
