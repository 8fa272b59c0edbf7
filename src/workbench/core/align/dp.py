"""Banded dynamic programs over link costs: best path (Viterbi) and link posteriors.

Rows are source positions ``0 … n``; row ``i`` holds target positions
``lo[i] … lo[i] + width - 1``. Links with a source side are taken from earlier
rows, one row at a time, with numpy over the whole row; 0-1 links stay inside
a row and are folded in with a running minimum (or a running log-sum-exp for
the posteriors), so each row costs a fixed number of vector operations and the
whole program grows linearly with the document.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from workbench.core.align.params import MOVES

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
CostArray = npt.NDArray[np.float32]
Costs = dict[tuple[int, int], CostArray]

_INSERT = MOVES.index((0, 1))
_ROW_MOVES = [(index, a, b) for index, (a, b) in enumerate(MOVES) if a > 0]


@dataclass(frozen=True, slots=True)
class PathLink:
    """A link of the best path: it ends at (i, j) and spans ``a`` × ``b`` sentences."""

    i: int
    j: int
    a: int
    b: int


def _padding(lo: IntArray) -> int:
    """Room on each side of a stored row so that every shifted read is a plain slice."""
    pad = 1
    for a in range(1, 4):
        if len(lo) > a:
            pad = max(pad, int(np.abs(lo[a:] - lo[:-a]).max()) + 4)
    return pad


def _valid_span(lo: IntArray, i: int, width: int, m: int) -> tuple[int, int]:
    start = max(0, -int(lo[i]))
    stop = min(width, m - int(lo[i]) + 1)
    return start, stop


def viterbi(
    costs: Costs,
    lo: IntArray,
    width: int,
    m: int,
    progress: Callable[[int], None] | None = None,
) -> list[PathLink]:
    """The cheapest monotone path from (0, 0) to (n, m) inside the band."""
    n = len(lo) - 1
    pad = _padding(lo)
    best = np.full((n + 1, width + 2 * pad), np.inf)
    choice = np.full((n + 1, width), -1, dtype=np.int8)
    insert_cost = costs[(0, 1)]
    entry = np.empty(width)
    entry_choice = np.empty(width, dtype=np.int8)
    for i in range(n + 1):
        start, stop = _valid_span(lo, i, width, m)
        entry.fill(np.inf)
        entry_choice.fill(-1)
        if i == 0 and start < width and lo[0] + start == 0:
            entry[start] = 0.0
        for index, a, b in _ROW_MOVES:
            if i < a:
                continue
            offset = pad + int(lo[i] - lo[i - a]) - b
            candidate = best[i - a, offset : offset + width] + costs[(a, b)][i]
            better = candidate < entry
            np.copyto(entry, candidate, where=better)
            entry_choice[better] = index
        if start < stop:
            step = insert_cost[i, start:stop].astype(np.float64)
            step[0] = 0.0
            cumulative = np.cumsum(step)
            running = np.minimum.accumulate(entry[start:stop] - cumulative) + cumulative
            best[i, pad + start : pad + stop] = running
            row_choice = entry_choice.copy()
            row_choice[start:stop][running < entry[start:stop] - 1e-9] = _INSERT
            choice[i] = row_choice
        if progress is not None and i % 256 == 0:
            progress(i)
    return _trace(choice, lo, n, m)


def _trace(choice: npt.NDArray[np.int8], lo: IntArray, n: int, m: int) -> list[PathLink]:
    path: list[PathLink] = []
    i, j = n, m
    while i > 0 or j > 0:
        index = int(choice[i, j - lo[i]])
        if index < 0:
            raise RuntimeError("no path through the band")
        a, b = MOVES[index]
        path.append(PathLink(i, j, a, b))
        i, j = i - a, j - b
    path.reverse()
    return path


def posteriors(
    costs: Costs,
    lo: IntArray,
    width: int,
    m: int,
    path: list[PathLink],
    temperature: float,
    progress: Callable[[int], None] | None = None,
) -> list[float]:
    """Posterior probability of each link of ``path`` among all paths in the band.

    ``progress`` is told how many of the ``2 * n`` row steps (forward, then
    backward) are done.
    """
    n = len(lo) - 1
    pad = _padding(lo)
    inner = slice(pad, pad + width)
    scaled = costs
    if temperature != 1.0:
        scaled = {move: cost / np.float32(temperature) for move, cost in costs.items()}
    insert_cost = scaled[(0, 1)]
    forward = np.full((n + 1, width + 2 * pad), -np.inf)
    backward = np.full((n + 1, width + 2 * pad), -np.inf)
    entry = np.empty(width)
    with np.errstate(invalid="ignore", over="ignore"):
        for i in range(n + 1):
            start, stop = _valid_span(lo, i, width, m)
            entry.fill(-np.inf)
            for _, a, b in _ROW_MOVES:
                if i < a:
                    continue
                offset = pad + int(lo[i] - lo[i - a]) - b
                np.logaddexp(
                    entry, forward[i - a, offset : offset + width] - scaled[(a, b)][i], out=entry
                )
            if i == 0 and start < width and lo[0] + start == 0:
                entry[start] = 0.0
            if start < stop:
                step = insert_cost[i, start:stop].astype(np.float64)
                step[0] = 0.0
                cumulative = np.cumsum(step)
                forward[i, pad + start : pad + stop] = (
                    np.logaddexp.accumulate(entry[start:stop] + cumulative) - cumulative
                )
            if progress is not None and i % 256 == 0:
                progress(i)
        # backward[i, k]: log-probability of finishing from (i, lo[i] + k). Costs are read
        # through padded copies so that looking ahead to row i + a is a plain slice.
        padded = {}
        for a, b in MOVES:
            if a:
                table = np.full((n + 1, width + 2 * pad), np.inf, dtype=np.float32)
                table[:, inner] = scaled[(a, b)]
                padded[(a, b)] = table
        for i in range(n, -1, -1):
            start, stop = _valid_span(lo, i, width, m)
            entry.fill(-np.inf)
            if i == n and 0 <= m - lo[n] < width:
                entry[m - lo[n]] = 0.0
            for _, a, b in _ROW_MOVES:
                if i + a > n:
                    continue
                offset = pad + int(lo[i] - lo[i + a]) + b
                window = slice(offset, offset + width)
                np.logaddexp(
                    entry, backward[i + a, window] - padded[(a, b)][i + a, window], out=entry
                )
            if start < stop:
                # backward[k] = logaddexp(entry[k], backward[k+1] - insert[k+1]), right to left
                step = np.zeros(stop - start)
                step[:-1] = insert_cost[i, start + 1 : stop]
                remaining = np.cumsum(step[::-1])[::-1]
                values = entry[start:stop] + remaining
                backward[i, pad + start : pad + stop] = (
                    np.logaddexp.accumulate(values[::-1])[::-1] - remaining
                )
            if progress is not None and i % 256 == 0:
                progress(2 * n - i)
        forward = forward[:, inner]
        backward = backward[:, inner]
    total = forward[n, m - lo[n]]
    scores: list[float] = []
    for link in path:
        if (link.a, link.b) == (1, 0):
            value = _source_null_marginal(forward, backward, scaled[(1, 0)], lo, link.i, total)
        elif (link.a, link.b) == (0, 1):
            value = _target_null_marginal(forward, backward, insert_cost, lo, link.j, total)
        else:
            before = forward[link.i - link.a, link.j - link.b - lo[link.i - link.a]]
            after = backward[link.i, link.j - lo[link.i]]
            cost = scaled[(link.a, link.b)][link.i, link.j - lo[link.i]]
            value = float(np.exp(before - cost + after - total))
        scores.append(min(1.0, max(0.0, value)))
    return scores


def _source_null_marginal(
    forward: FloatArray,
    backward: FloatArray,
    delete_cost: CostArray,
    lo: IntArray,
    row: int,
    total: float,
) -> float:
    """Probability that source sentence ``row - 1`` is left unlinked, wherever that happens.

    Paths that differ only in the order of neighbouring 1-0 and 0-1 links give the
    same links; summing over the target position counts them all.
    """
    width = forward.shape[1]
    shift = int(lo[row] - lo[row - 1])
    k = np.arange(width)
    k_before = k + shift
    ok = (k_before >= 0) & (k_before < width)
    terms = forward[row - 1, k_before[ok]] - delete_cost[row, k[ok]] + backward[row, k[ok]] - total
    return float(np.exp(terms).sum()) if terms.size else 0.0


def _target_null_marginal(
    forward: FloatArray,
    backward: FloatArray,
    insert_cost: CostArray,
    lo: IntArray,
    column: int,
    total: float,
) -> float:
    """Probability that target sentence ``column - 1`` is left unlinked, on any row."""
    width = forward.shape[1]
    # rows whose band holds the column (band starts never decrease down the rows)
    first = int(np.searchsorted(lo, column - width + 1, side="left"))
    last = int(np.searchsorted(lo, column - 1, side="right"))
    rows = np.arange(first, last)
    k_after = column - lo[first:last]
    ok = (k_after >= 1) & (k_after < width)
    rows, k_after = rows[ok], k_after[ok]
    terms = (
        forward[rows, k_after - 1] - insert_cost[rows, k_after] + backward[rows, k_after] - total
    )
    return float(np.exp(terms).sum()) if terms.size else 0.0
