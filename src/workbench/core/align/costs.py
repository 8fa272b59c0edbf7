"""Link costs over the band: one array per link type, rows = source position.

Cell ``[i, k]`` of the array for link type (a, b) is the cost of a link that
ends at source position ``i`` and target position ``j = lo[i] + k`` and so
covers source sentences ``i-a … i-1`` and target sentences ``j-b … j-1``.
Cells outside the matrix hold ``inf``.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from workbench.core.align.features import SideFeatures
from workbench.core.align.params import MOVES, AlignParams

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
_NO_PREVIOUS = 1 << 20


@dataclass(frozen=True, slots=True)
class Sides:
    """Everything about both sides that does not depend on the band."""

    src: SideFeatures
    tgt: SideFeatures
    src_tokens: FloatArray
    tgt_tokens: FloatArray
    src_pieces: FloatArray
    tgt_pieces: FloatArray

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.src.chars), len(self.tgt.chars)


@dataclass(frozen=True, slots=True)
class KeyOccurrences:
    """Anchor keys as flat arrays: one row per (sentence, key) on each side."""

    src_sentence: IntArray
    src_key: IntArray
    src_gap: IntArray  # sentences since the previous sentence with the same key
    src_total: FloatArray  # summed value of each source sentence's keys seen on both sides
    tgt_sentence: IntArray
    tgt_key: IntArray
    tgt_gap: IntArray
    tgt_total: FloatArray
    key_value: FloatArray  # value of each key, damped by how common it is in the document
    key_kind_weight: FloatArray  # the undamped weight of each key's kind


def index_keys(sides: Sides, params: AlignParams) -> KeyOccurrences:
    vocabulary: dict[str, int] = {}
    kinds: list[str] = []

    def flatten(keys: list[list[str]]) -> tuple[IntArray, IntArray]:
        sentence: list[int] = []
        ids: list[int] = []
        for i, sentence_keys in enumerate(keys):
            for key in sentence_keys:
                key_id = vocabulary.get(key)
                if key_id is None:
                    key_id = vocabulary[key] = len(vocabulary)
                    kinds.append(key[0])
                sentence.append(i)
                ids.append(key_id)
        return np.array(sentence, dtype=np.int64), np.array(ids, dtype=np.int64)

    src_sentence, src_key = flatten(sides.src.keys)
    tgt_sentence, tgt_key = flatten(sides.tgt.keys)
    size = len(vocabulary)
    src_df = np.bincount(src_key, minlength=size).astype(np.float64)
    tgt_df = np.bincount(tgt_key, minlength=size).astype(np.float64)
    kind_weight = np.array([params.key_weight.get(kind, 1.0) for kind in kinds])
    commonness = np.log(np.maximum(src_df, 1.0) * np.maximum(tgt_df, 1.0))
    key_value = kind_weight / (1.0 + params.key_commonness * commonness)
    key_value = key_value if size else np.zeros(0)
    # only keys found on both sides of the document can go unmatched in a link
    reliable = np.array([kind in params.unmatched_kinds for kind in kinds], dtype=bool)
    shared_value = np.where((src_df > 0) & (tgt_df > 0) & reliable, key_value, 0.0)
    n, m = sides.shape
    return KeyOccurrences(
        src_sentence,
        src_key,
        _gaps(src_sentence, src_key),
        np.bincount(src_sentence, weights=shared_value[src_key], minlength=n).astype(np.float64),
        tgt_sentence,
        tgt_key,
        _gaps(tgt_sentence, tgt_key),
        np.bincount(tgt_sentence, weights=shared_value[tgt_key], minlength=m).astype(np.float64),
        key_value,
        kind_weight if size else np.zeros(0),
    )


def _gaps(sentence: IntArray, key: IntArray) -> IntArray:
    """For each occurrence, distance to the previous occurrence of the same key."""
    gap = np.full(len(sentence), _NO_PREVIOUS, dtype=np.int64)
    if len(sentence) == 0:
        return gap
    order = np.lexsort((sentence, key))
    sorted_key = key[order]
    sorted_sentence = sentence[order]
    same = sorted_key[1:] == sorted_key[:-1]
    step = sorted_sentence[1:] - sorted_sentence[:-1]
    gap_sorted = np.full(len(sentence), _NO_PREVIOUS, dtype=np.int64)
    gap_sorted[1:][same] = step[same]
    gap[order] = gap_sorted
    return gap


def _band_pairs(
    occ: KeyOccurrences, lo: IntArray, width: int, m: int, commonness: float
) -> tuple[IntArray, IntArray, FloatArray, IntArray, IntArray]:
    """(src sentence, tgt sentence, value, src gap, tgt gap) of every key shared in the band.

    A pair's value is damped by how many partners each of its two occurrences has
    nearby: a key that many candidate links share tells them apart poorly.
    """
    empty_i = np.zeros(0, dtype=np.int64)
    if len(occ.src_key) == 0 or len(occ.tgt_key) == 0:
        return empty_i, empty_i, np.zeros(0), empty_i, empty_i
    stride = m + 2
    tgt_code = occ.tgt_key * stride + occ.tgt_sentence
    order = np.argsort(tgt_code, kind="stable")
    sorted_code = tgt_code[order]
    # target sentences j' that can sit in a link ending on rows i'+1 … i'+3
    row = np.minimum(occ.src_sentence + 1, len(lo) - 1)
    j_low = np.clip(lo[row] - 3, 0, m)
    j_high = np.clip(lo[np.minimum(row + 2, len(lo) - 1)] + width, 0, m)
    left = np.searchsorted(sorted_code, occ.src_key * stride + j_low, side="left")
    right = np.searchsorted(sorted_code, occ.src_key * stride + j_high, side="right")
    counts = np.maximum(right - left, 0)
    total = int(counts.sum())
    if total == 0:
        return empty_i, empty_i, np.zeros(0), empty_i, empty_i
    src_index = np.repeat(np.arange(len(counts)), counts)
    starts = np.repeat(left - np.cumsum(counts) + counts, counts)
    tgt_index = order[starts + np.arange(total)]
    src_partners = counts[src_index]
    tgt_partners = np.bincount(tgt_index, minlength=len(occ.tgt_key))[tgt_index]
    value = occ.key_kind_weight[occ.src_key[src_index]] / (
        1.0 + commonness * np.log(src_partners * tgt_partners)
    )
    return (
        occ.src_sentence[src_index],
        occ.tgt_sentence[tgt_index],
        value,
        occ.src_gap[src_index],
        occ.tgt_gap[tgt_index],
    )


def _prefix(values: FloatArray) -> FloatArray:
    out = np.zeros((len(values) + 1, *values.shape[1:]), dtype=np.float64)
    np.cumsum(values, axis=0, out=out[1:])
    return out


def _length_cost(
    src_len: FloatArray, tgt_len: FloatArray, mu: float, floor: float, spread: float
) -> FloatArray:
    ratio = np.log1p(tgt_len) - np.log1p(src_len) - mu
    variance = floor + spread / (2.0 + src_len + tgt_len)
    result: FloatArray = 0.5 * ratio * ratio / variance + 0.5 * np.log(variance / floor)
    return result


CostArray = npt.NDArray[np.float32]
# Rows of the band computed at once: the intermediate arrays of a block are a few
# times its size, so memory beyond the cost arrays themselves stays constant.
ROW_BLOCK = 2048


@dataclass(frozen=True, slots=True)
class BandCosts:
    """Link costs split into everything else and the unmatched-key term, whose weight a
    second pass may change without recomputing the rest."""

    base: dict[tuple[int, int], CostArray]
    unmatched: dict[tuple[int, int], CostArray]

    def with_unmatched_weight(self, weight: float) -> dict[tuple[int, int], CostArray]:
        costs: dict[tuple[int, int], CostArray] = {}
        for move, cost in self.base.items():
            if move in self.unmatched:
                combined = self.unmatched[move] * np.float32(weight)
                combined += cost
                costs[move] = combined
            else:
                costs[move] = cost.copy()
        return costs


def _key_matches(
    occ: KeyOccurrences, lo: IntArray, width: int, n: int, m: int, commonness: float
) -> dict[tuple[int, int], CostArray]:
    """Summed value of the keys each link shares between its sides, counting a key once
    per link, for every link type with both sides."""
    pi, pj, pv, pgs, pgt = _band_pairs(occ, lo, width, m, commonness)
    size = (n + 1) * width
    matches: dict[tuple[int, int], CostArray] = {}
    for a, b in MOVES:
        if a == 0 or b == 0:
            continue
        total = np.zeros(size)
        for ds in range(a):
            for dt in range(b):
                i = pi + 1 + ds
                j = pj + 1 + dt
                ok = (pgs > a - 1 - ds) & (pgt > b - 1 - dt) & (i <= n) & (j <= m)
                i, j, v = i[ok], j[ok], pv[ok]
                k = j - lo[i]
                ok = (k >= 0) & (k < width)
                total += np.bincount(i[ok] * width + k[ok], weights=v[ok], minlength=size)
        matches[(a, b)] = total.reshape(n + 1, width).astype(np.float32)
    return matches


def _row_blocks(rows: int) -> list[slice]:
    return [slice(start, min(rows, start + ROW_BLOCK)) for start in range(0, rows, ROW_BLOCK)]


@dataclass(frozen=True, slots=True)
class _LengthMeasure:
    """One way of measuring sentence length, with its Gaussian log-ratio parameters."""

    name: str
    src: FloatArray
    weight: float
    mu: float
    floor: float
    spread: float


class _TargetSums:
    """Sums over the ``b`` target sentences that end at each band cell; they depend
    only on ``b``, so each is computed once and shared by the link types."""

    def __init__(self, prefixes: dict[str, FloatArray], cols_clipped: IntArray) -> None:
        self._prefixes = prefixes
        self._cols = cols_clipped
        self._at_end = {name: prefix[cols_clipped] for name, prefix in prefixes.items()}
        self._sums: dict[tuple[str, int], FloatArray] = {}

    def __call__(self, name: str, b: int) -> FloatArray:
        found = self._sums.get((name, b))
        if found is None:
            start = self._prefixes[name][np.maximum(self._cols - b, 0)]
            found = self._sums[(name, b)] = self._at_end[name] - start
        return found


def band_costs(
    sides: Sides, occ: KeyOccurrences, lo: IntArray, width: int, params: AlignParams
) -> BandCosts:
    """Cost arrays, shape (n + 1, width), for every link type in :data:`MOVES`."""
    n, m = sides.shape
    src_chars, tgt_chars = _prefix(sides.src.chars), _prefix(sides.tgt.chars)
    src_tokens, tgt_tokens = _prefix(sides.src_tokens), _prefix(sides.tgt_tokens)
    src_pieces, tgt_pieces = _prefix(sides.src_pieces), _prefix(sides.tgt_pieces)
    src_sent, tgt_sent = _prefix(sides.src.sentences), _prefix(sides.tgt.sentences)
    src_punct = _prefix(sides.src.punctuation).astype(np.float32)
    tgt_punct = _prefix(sides.tgt.punctuation).astype(np.float32)
    src_keys, tgt_keys = _prefix(occ.src_total), _prefix(occ.tgt_total)
    seen = min(n, m)
    prior_weight = params.mu_prior_sentences
    mu_chars = (
        seen * float(np.log1p(tgt_chars[-1]) - np.log1p(src_chars[-1]))
        + prior_weight * params.char_mu
    ) / max(seen + prior_weight, 1e-9)
    mu_tokens = (
        seen * float(np.log1p(tgt_tokens[-1]) - np.log1p(src_tokens[-1]))
        + prior_weight * params.token_mu
    ) / max(seen + prior_weight, 1e-9)
    mu_pieces = (
        seen * float(np.log1p(tgt_pieces[-1]) - np.log1p(src_pieces[-1]))
        + prior_weight * params.piece_mu
    ) / max(seen + prior_weight, 1e-9)
    matches = _key_matches(occ, lo, width, n, m, params.key_commonness)
    blocks = _row_blocks(n + 1)

    def band_columns(block: slice) -> tuple[IntArray, IntArray]:
        cols = lo[block, None] + np.arange(width)[None, :]
        return cols, np.clip(cols, 0, m)

    # how well each sentence matches its best 1-1 partner nearby (for null links)
    best_src = np.zeros(n + 1)
    best_tgt = np.zeros(m + 1)
    if (1, 1) in matches:
        for block in blocks:
            cols, cols_clipped = band_columns(block)
            one_one = np.where((cols >= 0) & (cols <= m), matches[(1, 1)][block], 0.0)
            best_src[block] = one_one.max(axis=1)
            np.maximum.at(best_tgt, cols_clipped.ravel(), one_one.ravel())
        best_src[0] = 0.0

    tgt_prefixes: dict[str, FloatArray] = {
        "chars": tgt_chars,
        "tokens": tgt_tokens,
        "pieces": tgt_pieces,
        "sent": tgt_sent,
        "keys": tgt_keys,
    }
    # characters, word/punctuation tokens and SentencePiece pieces, in that order
    length_measures = (
        _LengthMeasure(
            "chars", src_chars, params.char_weight, mu_chars, params.char_floor, params.char_spread
        ),
        _LengthMeasure(
            "tokens",
            src_tokens,
            params.token_weight,
            mu_tokens,
            params.token_floor,
            params.token_spread,
        ),
        _LengthMeasure(
            "pieces",
            src_pieces,
            params.piece_weight,
            mu_pieces,
            params.piece_floor,
            params.piece_spread,
        ),
    )
    base = {move: np.empty((n + 1, width), dtype=np.float32) for move in MOVES}
    unmatched_terms = {
        move: np.empty((n + 1, width), dtype=np.float32) for move in MOVES if move[0] and move[1]
    }

    for block in blocks:
        rows = np.arange(block.start, block.stop)[:, None]
        cols, cols_clipped = band_columns(block)
        inside = (cols >= 0) & (cols <= m)
        tgt_block = _TargetSums(tgt_prefixes, cols_clipped)
        punct_at_end = tgt_punct[cols_clipped]
        r_end = rows[:, 0]
        for a, b in MOVES:
            valid = inside & (rows >= a) & (cols >= b)
            prior = params.prior[f"{a}-{b}"]
            if b == 0:
                chars = src_chars[rows] - src_chars[np.maximum(rows - 1, 0)]
                cost = (
                    prior
                    + params.null_length * np.log1p(chars)
                    + params.null_best_match * (best_src[rows])
                )
                cost = np.broadcast_to(cost, valid.shape)
            elif a == 0:
                cost = (
                    prior
                    + params.null_length * np.log1p(tgt_block("chars", 1))
                    + (params.null_best_match * best_tgt[cols_clipped])
                )
            else:
                r0 = np.maximum(rows - a, 0)
                cost = prior
                for measure in length_measures:
                    if measure.weight:
                        cost = cost + measure.weight * _length_cost(
                            measure.src[rows] - measure.src[r0],
                            tgt_block(measure.name, b),
                            measure.mu,
                            measure.floor,
                            measure.spread,
                        )
                sentence_gap = np.abs((src_sent[rows] - src_sent[r0]) - tgt_block("sent", b))
                src_punct_block = (src_punct[r_end] - src_punct[r0[:, 0]])[:, None, :]
                tgt_punct_block = punct_at_end - tgt_punct[np.maximum(cols_clipped - b, 0)]
                punct_gap = np.abs(src_punct_block - tgt_punct_block).sum(axis=-1)
                matched = matches[(a, b)][block]
                unmatched = np.maximum(
                    (src_keys[rows] - src_keys[r0]) + tgt_block("keys", b) - 2.0 * matched, 0.0
                )
                cost = (
                    cost
                    + params.sentence_count_weight * sentence_gap
                    + params.punctuation_weight * punct_gap
                    - matched
                )
                unmatched_terms[(a, b)][block] = np.where(valid, unmatched, 0.0)
            base[(a, b)][block] = np.where(valid, cost, np.inf)
    return BandCosts(base, unmatched_terms)
