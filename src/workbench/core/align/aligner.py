"""Sentence alignment: features → band costs → best path → scored links.

Fixed links (confirmed or drawn by hand) are kept as they are: those with both
sides split the document into gaps that are aligned independently; fixed 1-0
and 0-1 links inside a gap are forced in the gap's dynamic program.
"""

from __future__ import annotations

import bisect
import itertools
import math
from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np
import numpy.typing as npt

from workbench.core.align.costs import BandCosts, Sides, band_costs, index_keys
from workbench.core.align.dp import Costs, PathLink, posteriors, viterbi
from workbench.core.align.features import GlossaryMatcher, SideFeatures, extract_features
from workbench.core.align.lengths import piece_counts, token_counts
from workbench.core.align.params import MOVES, AlignParams, default_params
from workbench.core.model import GlossaryEntry, Link

IntArray = npt.NDArray[np.int64]
INITIAL_HALF_WIDTH = 24
EDGE_MARGIN = 2
MAX_BAND_MOVES = 2  # re-centre the band on the path this often before widening it


def prepare(
    src: Sequence[str],
    tgt: Sequence[str],
    src_lang: str = "ru",
    tgt_lang: str = "en",
    glossary: Sequence[GlossaryEntry] = (),
) -> Sides:
    """Everything the aligner computes from the text once, whatever the parameters."""
    matcher = GlossaryMatcher(glossary) if glossary else None
    src_tokens, tgt_tokens = token_counts(src), token_counts(tgt)
    src_pieces, tgt_pieces = piece_counts(src, tgt)
    return Sides(
        src=extract_features(src, src_lang, matcher),
        tgt=extract_features(tgt, tgt_lang, matcher),
        src_tokens=src_tokens,
        tgt_tokens=tgt_tokens,
        src_pieces=src_pieces,
        tgt_pieces=tgt_pieces,
    )


def _slice_side(side: SideFeatures, start: int, stop: int) -> SideFeatures:
    return SideFeatures(
        chars=side.chars[start:stop],
        sentences=side.sentences[start:stop],
        punctuation=side.punctuation[start:stop],
        keys=side.keys[start:stop],
    )


def _slice(sides: Sides, i0: int, i1: int, j0: int, j1: int) -> Sides:
    return Sides(
        src=_slice_side(sides.src, i0, i1),
        tgt=_slice_side(sides.tgt, j0, j1),
        src_tokens=sides.src_tokens[i0:i1],
        tgt_tokens=sides.tgt_tokens[j0:j1],
        src_pieces=sides.src_pieces[i0:i1],
        tgt_pieces=sides.tgt_pieces[j0:j1],
    )


def _band(sides: Sides, half_width: int) -> tuple[IntArray, int]:
    """A band around the anchor diagonal (see :func:`anchor_centre`)."""
    n, m = sides.shape
    if 2 * half_width + 1 >= m + 1:
        return np.zeros(n + 1, dtype=np.int64), m + 1
    return anchor_centre(sides) - half_width, 2 * half_width + 1


MAX_ANCHOR_OCCURRENCES = 50


def anchor_centre(sides: Sides) -> IntArray:
    """For each source position, the target position the whole-document evidence points to.

    Anchors are keys found as often on one side as on the other (at most
    :data:`MAX_ANCHOR_OCCURRENCES` times), the k-th occurrence paired with the k-th;
    the longest chain of anchors that never cross is kept, and between anchors
    the centre follows the texts' lengths.
    """
    m = sides.shape[1]
    src_at: dict[str, list[int]] = {}
    tgt_at: dict[str, list[int]] = {}
    for i, keys in enumerate(sides.src.keys):
        for key in keys:
            src_at.setdefault(key, []).append(i)
    for j, keys in enumerate(sides.tgt.keys):
        for key in keys:
            tgt_at.setdefault(key, []).append(j)
    pairs = sorted(
        (i, j)
        for key, rows in src_at.items()
        if len(rows) <= MAX_ANCHOR_OCCURRENCES and len(tgt_at.get(key, ())) == len(rows)
        for i, j in zip(rows, tgt_at[key], strict=True)
    )
    chain = _longest_chain(pairs)
    src_cum = np.concatenate(([0.0], np.cumsum(sides.src.chars + 1.0)))
    tgt_cum = np.concatenate(([0.0], np.cumsum(sides.tgt.chars + 1.0)))
    # knots in "text position" space: the anchors plus both ends of the documents
    knots_src = np.array([0.0] + [src_cum[i] + 0.5 * (src_cum[i + 1] - src_cum[i])
                                  for i, _ in chain] + [src_cum[-1]])  # fmt: skip
    knots_tgt = np.array([0.0] + [tgt_cum[j] + 0.5 * (tgt_cum[j + 1] - tgt_cum[j])
                                  for _, j in chain] + [tgt_cum[-1]])  # fmt: skip
    target_text = np.interp(src_cum, knots_src, knots_tgt)
    centre = np.interp(target_text, tgt_cum, np.arange(m + 1, dtype=np.float64))
    return np.rint(centre).astype(np.int64)


def _longest_chain(pairs: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest subsequence of (i, j) pairs, sorted by i, in which both i and j increase."""
    tails: list[int] = []  # smallest j ending a chain of each length
    tail_index: list[int] = []
    previous: list[int] = []
    for index, (i, j) in enumerate(pairs):
        # strictly increasing j; equal i cannot chain (pairs are sorted by i, then j)
        length = bisect.bisect_left(tails, j)
        while length > 0 and pairs[tail_index[length - 1]][0] == i:
            length -= 1
        if length == len(tails):
            tails.append(j)
            tail_index.append(index)
        elif j < tails[length]:
            tails[length] = j
            tail_index[length] = index
        else:
            previous.append(-1)
            continue
        previous.append(tail_index[length - 1] if length else -1)
    chain: list[tuple[int, int]] = []
    at = tail_index[-1] if tail_index else -1
    while at >= 0:
        chain.append(pairs[at])
        at = previous[at]
    chain.reverse()
    return chain


def _band_along(
    path: Sequence[PathLink], n: int, m: int, half_width: int
) -> tuple[IntArray, int] | None:
    """A band around a path: each row's stretch of the path, plus ``half_width`` each side."""
    low = np.full(n + 1, m, dtype=np.int64)
    high = np.zeros(n + 1, dtype=np.int64)
    for link in path:
        for row in range(link.i - link.a, link.i + 1):
            low[row] = min(low[row], link.j - link.b)
            high[row] = max(high[row], link.j)
    width = int((high - low).max()) + 2 * half_width + 1
    if width >= m + 1:
        return None
    return low - half_width, width


def _touches_edge(path: list[PathLink], lo: IntArray, width: int, m: int) -> bool:
    for link in path:
        k = link.j - int(lo[link.i])
        if (k <= EDGE_MARGIN and lo[link.i] > 0) or (
            k >= width - 1 - EDGE_MARGIN and lo[link.i] + width - 1 < m
        ):
            return True
    return False


def _force_nulls(
    costs: Costs,
    lo: IntArray,
    width: int,
    src_null: Sequence[int],
    tgt_null: Sequence[int],
) -> None:
    n = len(lo) - 1
    rows = np.arange(n + 1)[:, None]
    cols = lo[:, None] + np.arange(width)[None, :]
    for (a, b), cost in costs.items():
        for i in src_null:
            if a:
                cost[np.broadcast_to((rows > i) & (rows - a <= i), cost.shape)] = np.inf
        for j in tgt_null:
            if b:
                cost[np.broadcast_to((cols > j) & (cols - b <= j), cost.shape)] = np.inf
    for i in src_null:
        costs[(1, 0)][i + 1] = 0.0
    for j in tgt_null:
        costs[(0, 1)][cols == j + 1] = 0.0


def align_prepared(
    sides: Sides,
    params: AlignParams,
    src_null: Sequence[int] = (),
    tgt_null: Sequence[int] = (),
    progress: Callable[[float], None] | None = None,
    with_scores: bool = True,
) -> list[Link]:
    """Align one stretch without fixed links (apart from forced 1-0 / 0-1 links).

    ``with_scores=False`` skips the posterior pass (every score is then 1.0).
    """
    n, m = sides.shape
    if n == 0 or m == 0:
        return [Link((i,), (), 1.0) for i in range(n)] + [Link((), (j,), 1.0) for j in range(m)]
    occurrences = index_keys(sides, params)

    def costs_for(lo: IntArray, width: int) -> BandCosts:
        return band_costs(sides, occurrences, lo, width, params)

    def finish(band: BandCosts, weight: float, lo: IntArray, width: int) -> Costs:
        costs = band.with_unmatched_weight(weight)
        if src_null or tgt_null:
            _force_nulls(costs, lo, width, src_null, tgt_null)
        return costs

    half_width = INITIAL_HALF_WIDTH
    lo, width = _band(sides, half_width)
    moves = 0
    while True:  # move and widen the band until the path keeps clear of its edges
        band = costs_for(lo, width)
        costs = finish(band, params.unmatched_weight, lo, width)
        path = viterbi(costs, lo, width, m, _stage(progress, *_FIRST_PASS, n))
        if width >= m + 1 or not _touches_edge(path, lo, width, m):
            break
        recentred = _band_along(path, n, m, half_width) if moves < MAX_BAND_MOVES else None
        moves += 1
        if recentred is None:
            half_width *= 2
            lo, width = _band(sides, half_width)
        else:
            lo, width = recentred
    adapted = _adapt_to_document(sides, path, params)
    if adapted is not None:
        params = adapted
        costs = finish(band, params.unmatched_weight, lo, width)
        path = viterbi(costs, lo, width, m, _stage(progress, *_SECOND_PASS, n))
    del band  # the parts of the costs are no longer needed: free them before scoring
    if with_scores:
        scores = posteriors(
            costs, lo, width, m, path, params.temperature, _stage(progress, *_SCORING, 2 * n)
        )
    else:
        scores = [1.0] * len(path)
    return [
        Link(tuple(range(p.i - p.a, p.i)), tuple(range(p.j - p.b, p.j)), score)
        for p, score in zip(path, scores, strict=True)
    ]


def _adapt_to_document(
    sides: Sides, path: Sequence[PathLink], params: AlignParams
) -> AlignParams | None:
    """Parameters for a second pass, if the document keeps its keys unlike the usual."""
    if params.key_match_rate <= 0 or params.unmatched_weight <= 0:
        return None
    rate = key_match_rate(sides, path, params.unmatched_kinds)
    if rate is None:
        return None
    factor = _unmatched_strength(rate) / _unmatched_strength(params.key_match_rate)
    if abs(factor - 1.0) <= 0.05:
        return None
    return replace(params, unmatched_weight=params.unmatched_weight * factor)


def _unmatched_strength(rate: float) -> float:
    """-log P(a key goes unmatched in a true link): the evidence an unmatched key carries."""
    return -math.log(1.0 - min(max(rate, 0.05), 0.95))


def key_match_rate(sides: Sides, path: Sequence[PathLink], kinds: str) -> float | None:
    """Share of keys (of the given kinds, present on both sides) matched in the 1-1 links."""
    src_keys = {key for keys in sides.src.keys for key in keys if key[0] in kinds}
    tgt_keys = {key for keys in sides.tgt.keys for key in keys if key[0] in kinds}
    shared = src_keys & tgt_keys
    matched = total = 0
    for link in path:
        if link.a == 1 and link.b == 1:
            s = shared.intersection(sides.src.keys[link.i - 1])
            t = shared.intersection(sides.tgt.keys[link.j - 1])
            matched += 2 * len(s & t)
            total += len(s) + len(t)
    if total < 20:
        return None
    return matched / total


# Shares of a stretch's progress: (start, share) of each pass over its rows. The first
# pass is repeated when the band moves; the second runs when the document's keys are
# matched unlike the usual; scoring sweeps the rows forward and then backward.
_FIRST_PASS = (0.0, 0.3)
_SECOND_PASS = (0.3, 0.3)
_SCORING = (0.6, 0.4)


def _stage(
    progress: Callable[[float], None] | None, start: float, share: float, rows: int
) -> Callable[[int], None] | None:
    """Row reports of one pass as fractions of the whole stretch."""
    if progress is None:
        return None

    def report(row: int) -> None:
        progress(start + share * min(1.0, row / max(rows, 1)))

    return report


def _check_fixed(fixed: Sequence[Link], n: int, m: int) -> list[Link]:
    seen_src: set[int] = set()
    seen_tgt: set[int] = set()
    for link in fixed:
        if not link.src and not link.tgt:
            raise ValueError("a fixed link has no sentence on either side")
        for side, indices, size, seen in (
            ("source", link.src, n, seen_src),
            ("target", link.tgt, m, seen_tgt),
        ):
            if any(not 0 <= x < size for x in indices):
                raise ValueError(f"fixed link {link.kind} refers to a {side} sentence out of range")
            if indices and list(indices) != list(range(indices[0], indices[0] + len(indices))):
                raise ValueError(f"fixed link {link.kind} is not contiguous on the {side} side")
            if seen & set(indices):
                raise ValueError(f"two fixed links share a {side} sentence")
            seen.update(indices)
    anchors = sorted((link for link in fixed if link.src and link.tgt), key=lambda x: x.src[0])
    for before, after in itertools.pairwise(anchors):
        if after.tgt[0] <= before.tgt[-1]:
            raise ValueError("fixed links cross each other")
    return anchors


def align_sentences(
    src: Sequence[str],
    tgt: Sequence[str],
    *,
    src_lang: str = "ru",
    tgt_lang: str = "en",
    glossary: Sequence[GlossaryEntry] = (),
    fixed: Sequence[Link] = (),
    progress: Callable[[float], None] | None = None,
    params: AlignParams | None = None,
) -> list[Link]:
    """Monotone links covering every sentence of both sides exactly once, in document order.

    Each automatic link's score is the posterior probability of that link among
    all alignments the model allows (0 … 1). ``fixed`` links are returned
    unchanged and only the stretches between them are aligned.
    """
    params = params or default_params()
    n, m = len(src), len(tgt)
    anchors = _check_fixed(fixed, n, m)
    null_src = {i: link for link in fixed if not link.tgt for i in link.src}
    null_tgt = {j: link for link in fixed if not link.src for j in link.tgt}
    emitted: set[int] = set()
    sides = prepare(src, tgt, src_lang, tgt_lang, glossary) if n and m else None

    gaps: list[tuple[int, int, int, int]] = []
    i0 = j0 = 0
    for anchor in anchors:
        gaps.append((i0, anchor.src[0], j0, anchor.tgt[0]))
        i0, j0 = anchor.src[-1] + 1, anchor.tgt[-1] + 1
    gaps.append((i0, n, j0, m))

    total = max(n, 1)
    done = 0
    shown = [0.0]  # a moved band repeats the first pass: never report going backwards
    result: list[Link] = []
    for gap_index, (a0, a1, b0, b1) in enumerate(gaps):

        def report(fraction: float, base: int = done, rows: int = a1 - a0) -> None:
            overall = min(1.0, (base + fraction * rows) / total)
            if progress is not None and overall > shown[0]:
                shown[0] = overall
                progress(overall)

        forced_src = [i - a0 for i in null_src if a0 <= i < a1]
        forced_tgt = [j - b0 for j in null_tgt if b0 <= j < b1]
        if sides is None:
            piece = [Link((i,), (), 1.0) for i in range(a0, a1)]
            piece += [Link((), (j,), 1.0) for j in range(b0, b1)]
            a0 = b0 = 0
        else:
            piece = align_prepared(
                _slice(sides, a0, a1, b0, b1),
                params,
                forced_src,
                forced_tgt,
                report if progress is not None else None,
            )
        for link in piece:
            shifted = Link(
                tuple(i + a0 for i in link.src), tuple(j + b0 for j in link.tgt), link.score
            )
            if shifted.src and not shifted.tgt and shifted.src[0] in null_src:
                shifted = null_src[shifted.src[0]]
            elif shifted.tgt and not shifted.src and shifted.tgt[0] in null_tgt:
                shifted = null_tgt[shifted.tgt[0]]
            if shifted.fixed:
                if id(shifted) in emitted:
                    continue
                emitted.add(id(shifted))
            result.append(shifted)
        done += a1 - a0
        if gap_index < len(anchors):
            result.append(anchors[gap_index])
    if progress is not None:
        progress(1.0)
    return result


__all__ = ["MOVES", "align_prepared", "align_sentences", "prepare"]
