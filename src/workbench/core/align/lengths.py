"""Sentence lengths in SentencePiece pieces, with the model trained in memory on the text.

A piece count measures how much a sentence says more evenly across Russian and
English than a character count does (Russian words are longer, inflected).
The model is trained on the two sides being aligned, written to memory, never
to disk, and cached by the text's digest so re-alignment does not train again.
"""

from __future__ import annotations

import hashlib
import io
import re
from collections import OrderedDict
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt
import sentencepiece as spm

VOCABULARY_SIZE = 2000
TRAINING_SENTENCES = 3000
# Below this much text a subword model says nothing a word count does not.
MIN_TRAINING_CHARS = 20_000
_CACHE_SIZE = 4
_FALLBACK_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)
_models: OrderedDict[str, bytes] = OrderedDict()


def _digest(sentences: Sequence[str]) -> str:
    h = hashlib.sha1(usedforsecurity=False)
    for sentence in sentences:
        h.update(sentence.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return h.hexdigest()


def _train(sentences: Sequence[str]) -> bytes:
    key = _digest(sentences)
    cached = _models.get(key)
    if cached is not None:
        _models.move_to_end(key)
        return cached
    sink = io.BytesIO()
    lines = [s for s in sentences if s.strip()]
    if len(lines) > TRAINING_SENTENCES:  # an even sample is enough and trains much faster
        lines = lines[:: -(-len(lines) // TRAINING_SENTENCES)]
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=sink,
        vocab_size=VOCABULARY_SIZE,
        hard_vocab_limit=False,
        model_type="unigram",
        character_coverage=1.0,
        num_threads=2,
        minloglevel=2,
    )
    model = sink.getvalue()
    _models[key] = model
    while len(_models) > _CACHE_SIZE:
        _models.popitem(last=False)
    return model


def piece_counts(
    src: Sequence[str], tgt: Sequence[str]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Pieces per sentence of each side under one model trained on both sides.

    Texts too small to train a subword model are measured in words and
    punctuation marks instead.
    """
    total = sum(len(s) for s in src) + sum(len(s) for s in tgt)
    if total < MIN_TRAINING_CHARS:
        return _token_counts(src), _token_counts(tgt)
    processor = spm.SentencePieceProcessor(model_proto=_train([*src, *tgt]))
    return (
        np.array([len(p) for p in processor.encode(list(src))], dtype=np.float64),
        np.array([len(p) for p in processor.encode(list(tgt))], dtype=np.float64),
    )


def _token_counts(sentences: Sequence[str]) -> npt.NDArray[np.float64]:
    return np.array([len(_FALLBACK_TOKEN.findall(s)) for s in sentences], dtype=np.float64)
