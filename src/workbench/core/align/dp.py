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
Costs = dict[tuple[int, int], FloatArray]

_INSERT = MOVES.index((0, 1))
_ROW_MOVES = [(index, a, b) for index, (a, b) in enumerate(MOVES) if a > 0]


@dataclass(frozen=True, slots=True)
class PathLink:
    """A link of the best path: it ends at (i, j) and spans ``a`` × ``b`` sentences."""

    i: int
    j: int
    a: int
    b: int


def _shift(row: FloatArray, offset: int, fill: float) -> FloatArray:
    """``out[k] = row[k + offset]`` where that exists, else ``fill``."""
    width = len(row)
    out = np.full(width, fill)
    if offset >= 0:
        if offset < width:
            out[: width - offset] = row[offset:]
    elif -offset < width:
        out[-offset:] = row[: width + offset]
    return out


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
    best = np.full((n + 1, width), np.inf)
    choice = np.full((n + 1, width), -1, dtype=np.int8)
    insert_cost = costs[(0, 1)]
    for i in range(n + 1):
        start, stop = _valid_span(lo, i, width, m)
        entry = np.full(width, np.inf)
        entry_choice = np.full(width, -1, dtype=np.int8)
        if i == 0 and start < width and lo[0] + start == 0:
            entry[start] = 0.0
        for index, a, b in _ROW_MOVES:
            if i < a:
                continue
            candidate = _shift(best[i - a], int(lo[i] - lo[i - a]) - b, np.inf) + costs[(a, b)][i]
            better = candidate < entry
            entry = np.where(better, candidate, entry)
            entry_choice = np.where(better, index, entry_choice)
        if start < stop:
            step = insert_cost[i, start:stop].copy()
            step[0] = 0.0
            cumulative = np.cumsum(step)
            running = np.minimum.accumulate(entry[start:stop] - cumulative) + cumulative
            row = np.full(width, np.inf)
            row[start:stop] = running
            from_insert = np.zeros(width, dtype=bool)
            from_insert[start:stop] = running < entry[start:stop] - 1e-9
            best[i] = row
            choice[i] = np.where(from_insert, _INSERT, entry_choice)
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


def _log_row_moves(
    log_prob: FloatArray,
    costs: Costs,
    lo: IntArray,
    i: int,
    width: int,
    temperature: float,
) -> FloatArray:
    entry = np.full(width, -np.inf)
    for _, a, b in _ROW_MOVES:
        if i < a:
            continue
        candidate = (
            _shift(log_prob[i - a], int(lo[i] - lo[i - a]) - b, -np.inf)
            - costs[(a, b)][i] / temperature
        )
        entry = np.logaddexp(entry, candidate)
    return entry


def posteriors(
    costs: Costs, lo: IntArray, width: int, m: int, path: list[PathLink], temperature: float
) -> list[float]:
    """Posterior probability of each link of ``path`` among all paths in the band."""
    n = len(lo) - 1
    insert_cost = costs[(0, 1)] / temperature
    forward = np.full((n + 1, width), -np.inf)
    with np.errstate(invalid="ignore"):
        for i in range(n + 1):
            start, stop = _valid_span(lo, i, width, m)
            entry = _log_row_moves(forward, costs, lo, i, width, temperature)
            if i == 0 and start < width and lo[0] + start == 0:
                entry[start] = 0.0
            if start < stop:
                step = insert_cost[i, start:stop].copy()
                step[0] = 0.0
                cumulative = np.cumsum(step)
                forward[i, start:stop] = (
                    np.logaddexp.accumulate(entry[start:stop] + cumulative) - cumulative
                )
        backward = np.full((n + 1, width), -np.inf)
        for i in range(n, -1, -1):
            start, stop = _valid_span(lo, i, width, m)
            exit_ = np.full(width, -np.inf)
            if i == n and 0 <= m - lo[n] < width:
                exit_[m - lo[n]] = 0.0
            for _, a, b in _ROW_MOVES:
                if i + a > n:
                    continue
                target = backward[i + a] - costs[(a, b)][i + a] / temperature
                exit_ = np.logaddexp(exit_, _shift(target, int(lo[i] - lo[i + a]) + b, -np.inf))
            if start < stop:
                # backward[k] = logaddexp(exit[k], backward[k+1] - insert[k+1]), right to left
                step = np.zeros(stop - start)
                step[:-1] = insert_cost[i, start + 1 : stop]
                remaining = np.cumsum(step[::-1])[::-1]
                values = exit_[start:stop] + remaining
                backward[i, start:stop] = np.logaddexp.accumulate(values[::-1])[::-1] - remaining
    total = forward[n, m - lo[n]]
    scores: list[float] = []
    for link in path:
        before = forward[link.i - link.a, link.j - link.b - lo[link.i - link.a]]
        after = backward[link.i, link.j - lo[link.i]]
        cost = costs[(link.a, link.b)][link.i, link.j - lo[link.i]] / temperature
        value = float(np.exp(before - cost + after - total))
        scores.append(min(1.0, max(0.0, value)))
    return scores
