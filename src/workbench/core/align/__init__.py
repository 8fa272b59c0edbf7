"""Sentence alignment of a Russian text and its English translation (pure, no I/O).

``align_sentences`` returns monotone links (1-1, 1-2, 2-1, 1-0, 0-1, 2-2, 1-3,
3-1) covering every sentence of both sides once, each scored with its
posterior probability; links the translator fixed are kept as they are.
"""

from workbench.core.align.aligner import align_prepared, align_sentences, prepare
from workbench.core.align.params import MOVES, AlignParams, default_params

__all__ = ["MOVES", "AlignParams", "align_prepared", "align_sentences", "default_params", "prepare"]
