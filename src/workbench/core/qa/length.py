"""Length ratio: links whose English is far longer or shorter than this document's
translator usually writes.

The measure is the log of (target length + k) / (source length + k) in
characters, with k = 10 so very short segments do not swing wildly; a link is
flagged when its robust z-score (median and median absolute deviation of the
document's own links) exceeds 3.5 *and* the ratio differs from the median
ratio by at least a factor of 1.6. Documents with fewer than 8 two-sided links
are not judged.
"""

from __future__ import annotations

import math
import statistics

from workbench.core.model import Finding, Severity
from workbench.core.qa.context import LinkText, QAContext

__all__ = ["check_length_ratio", "log_length_ratio"]

CHECK_ID = "length-ratio"
SMOOTHING_CHARS = 10
MIN_LINKS = 8
Z_LIMIT = 3.5
MIN_FACTOR = 1.6
MAD_FLOOR = 0.05


def log_length_ratio(source: str, target: str) -> float:
    return math.log(
        (len(target.strip()) + SMOOTHING_CHARS) / (len(source.strip()) + SMOOTHING_CHARS)
    )


def check_length_ratio(ctx: QAContext) -> list[Finding]:
    """Links whose length ratio is an outlier in this translation."""
    measured: list[tuple[LinkText, float]] = [
        (pair, log_length_ratio(pair.source, pair.target))
        for pair in ctx.pairs
        if pair.source.strip() and pair.target.strip()
    ]
    if len(measured) < MIN_LINKS:
        return []
    values = [value for _pair, value in measured]
    median = statistics.median(values)
    mad = max(statistics.median(abs(v - median) for v in values), MAD_FLOOR)
    findings = []
    for pair, value in measured:
        z = 0.6745 * (value - median) / mad
        if abs(z) > Z_LIMIT and abs(value - median) >= math.log(MIN_FACTOR):
            factor = math.exp(abs(value - median))
            direction = "longer" if value > median else "shorter"
            findings.append(
                pair.finding(
                    CHECK_ID,
                    Severity.WARNING,
                    f"translation is {factor:.1f}× {direction} than usual in this document "
                    f"(robust z-score {z:+.1f}): check for an omission, an addition "
                    "or a wrong link",
                )
            )
    return findings
