"""Sentence lengths beyond characters: word and punctuation tokens, and SentencePiece pieces.

A token count measures how much a sentence says more evenly across Russian and
English than a character count does (Russian words are longer and inflected).
A piece count goes one step further: a unigram SentencePiece model trained on
the two texts being aligned (one joint model for both languages) splits each
word into the stems and endings that recur in *this* text, so a long inflected
Russian word and its English counterpart come out closer in length than in
characters, and a rare name is counted by its parts.

The model is trained in memory (never written to disk) on the sentences of
both sides, with a vocabulary scaled to the amount of text, single-threaded
and without input shuffling so the same text always gives the same model and
the same counts. Models are cached by a digest of the text, so re-aligning the
same document does not train again.
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

FloatArray = npt.NDArray[np.float64]

_TOKEN = re.compile(r"\w+|[^\w\s]", re.UNICODE)

# Vocabulary: one piece per this many characters of training text, within bounds.
CHARS_PER_PIECE = 40
MIN_VOCABULARY = 400
MAX_VOCABULARY = 8000
# Training reads at most this many sentences (an even sample of longer texts).
MAX_TRAINING_SENTENCES = 4000
# Below this much text there is nothing to learn pieces from: each word is a piece.
MIN_TRAINING_CHARS = 200
_TRAINING_SEED = 20260711
_CACHE_SIZE = 8
_models: OrderedDict[str, bytes] = OrderedDict()


def token_counts(sentences: Sequence[str]) -> FloatArray:
    """Words and punctuation marks in each sentence."""
    return np.array([len(_TOKEN.findall(s)) for s in sentences], dtype=np.float64)


def training_sentences(src: Sequence[str], tgt: Sequence[str]) -> list[str]:
    """The sentences the joint model is trained on: both sides, evenly sampled if long."""
    lines = [s for s in (*src, *tgt) if s.strip()]
    if len(lines) > MAX_TRAINING_SENTENCES:
        step = -(-len(lines) // MAX_TRAINING_SENTENCES)
        lines = lines[::step]
    return lines


def vocabulary_size(lines: Sequence[str]) -> int:
    """The vocabulary asked of the trainer: scaled to the text, within bounds."""
    chars = sum(len(line) for line in lines)
    return max(MIN_VOCABULARY, min(MAX_VOCABULARY, chars // CHARS_PER_PIECE))


def _digest(lines: Sequence[str]) -> str:
    h = hashlib.sha256()
    for line in lines:
        h.update(line.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return h.hexdigest()


def train_model(lines: Sequence[str]) -> bytes:
    """A unigram SentencePiece model trained in memory on ``lines`` (serialized proto).

    Deterministic: the same lines give byte-identical models. Cached by content.
    """
    key = _digest(lines)
    cached = _models.get(key)
    if cached is not None:
        _models.move_to_end(key)
        return cached
    sink = io.BytesIO()
    spm.set_random_generator_seed(_TRAINING_SEED)
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(lines),
        model_writer=sink,
        model_type="unigram",
        vocab_size=vocabulary_size(lines),
        hard_vocab_limit=False,
        character_coverage=1.0,
        input_sentence_size=0,
        shuffle_input_sentence=False,
        num_threads=1,
        max_sentence_length=1 << 16,
        minloglevel=2,
    )
    model = sink.getvalue()
    _models[key] = model
    while len(_models) > _CACHE_SIZE:
        _models.popitem(last=False)
    return model


def piece_counts(src: Sequence[str], tgt: Sequence[str]) -> tuple[FloatArray, FloatArray]:
    """SentencePiece pieces in each sentence of each side, under one model trained on both.

    A text too small to train a model on (under ``MIN_TRAINING_CHARS``) is
    counted in words and punctuation marks, each of which would be a piece.
    """
    lines = training_sentences(src, tgt)
    if sum(len(line) for line in lines) < MIN_TRAINING_CHARS:
        return token_counts(src), token_counts(tgt)
    processor = spm.SentencePieceProcessor(model_proto=train_model(lines))

    def count(sentences: Sequence[str]) -> FloatArray:
        pieces = processor.encode(list(sentences)) if sentences else []
        return np.array([len(p) for p in pieces], dtype=np.float64)

    return count(src), count(tgt)
