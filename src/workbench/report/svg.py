"""Inline SVG pictures for the report: the alignment path and the score histogram.

Plain SVG text with no scripts and no external references, so the HTML report
stays self-contained and renders without a network.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from workbench.core.model import Link
from workbench.report.build import sentence_numbers


def score_colour(score: float) -> str:
    """Red (0) through amber to green (1)."""
    hue = round(max(0.0, min(1.0, score)) * 120)
    return f"hsl({hue},70%,42%)"


def _fmt(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def alignment_path_svg(
    links: Sequence[Link], n_source: int, n_target: int, *, title: str, size: int = 420
) -> str:
    """Russian sentence index (x) against English sentence index (y), one box per
    link coloured by its score. Omissions (1-0, 0-1) are drawn as ticks on the axis."""
    margin = 40
    plot = size - 2 * margin
    sx = plot / max(1, n_source)
    sy = plot / max(1, n_target)
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" class="plot">',
        f"<title>{escape(title)}</title>",
        f'<rect x="{margin}" y="{margin}" width="{plot}" height="{plot}" fill="#fafafa" '
        'stroke="#999"/>',
        f'<line x1="{margin}" y1="{margin}" x2="{margin + plot}" y2="{margin + plot}" '
        'stroke="#ddd" stroke-dasharray="4 4"/>',
    ]
    for index, link in enumerate(links):
        colour = score_colour(link.score)
        label = escape(
            f"link {index + 1}: RU {sentence_numbers(link.src)}, EN {sentence_numbers(link.tgt)} "
            f"({link.kind}), score {link.score:.2f}"
        )
        if link.src and link.tgt:
            x = margin + min(link.src) * sx
            y = margin + min(link.tgt) * sy
            w = max(1.5, len(link.src) * sx)
            h = max(1.5, len(link.tgt) * sy)
            parts.append(
                f'<rect x="{_fmt(x)}" y="{_fmt(y)}" width="{_fmt(w)}" height="{_fmt(h)}" '
                f'fill="{colour}"><title>{label}</title></rect>'
            )
        elif link.src:  # 1-0: Russian left untranslated: tick under the x axis
            x = margin + min(link.src) * sx
            parts.append(
                f'<rect x="{_fmt(x)}" y="{margin + plot + 3}" width="{_fmt(max(2.0, sx))}" '
                f'height="8" fill="{colour}"><title>{label}</title></rect>'
            )
        elif link.tgt:  # 0-1: English with no Russian: tick left of the y axis
            y = margin + min(link.tgt) * sy
            parts.append(
                f'<rect x="{margin - 11}" y="{_fmt(y)}" width="8" height="{_fmt(max(2.0, sy))}" '
                f'fill="{colour}"><title>{label}</title></rect>'
            )
    parts.append(
        f'<text x="{size / 2:.0f}" y="{size - 8}" text-anchor="middle" font-size="12">'
        f"Russian sentence (1–{n_source})</text>"
    )
    parts.append(
        f'<text x="12" y="{size / 2:.0f}" text-anchor="middle" font-size="12" '
        f'transform="rotate(-90 12 {size / 2:.0f})">English sentence (1–{n_target})</text>'
    )
    parts.append("</svg>")
    return "\n".join(parts)


def histogram_svg(counts: Sequence[int], *, title: str, width: int = 420, height: int = 220) -> str:
    """Bars for score bins [0, 0.1) … [0.9, 1.0], coloured like the links."""
    margin_x, margin_top, margin_bottom = 36, 16, 34
    plot_w = width - 2 * margin_x
    plot_h = height - margin_top - margin_bottom
    peak = max(counts) if counts and max(counts) > 0 else 1
    bins = max(1, len(counts))
    bar_w = plot_w / bins
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" class="plot">',
        f"<title>{escape(title)}</title>",
        f'<line x1="{margin_x}" y1="{margin_top + plot_h}" x2="{margin_x + plot_w}" '
        f'y2="{margin_top + plot_h}" stroke="#999"/>',
    ]
    for i, count in enumerate(counts):
        h = plot_h * count / peak
        x = margin_x + i * bar_w
        y = margin_top + plot_h - h
        low, high = i / bins, (i + 1) / bins
        parts.append(
            f'<rect x="{_fmt(x + 1)}" y="{_fmt(y)}" width="{_fmt(bar_w - 2)}" height="{_fmt(h)}" '
            f'fill="{score_colour((low + high) / 2)}"><title>{low:.1f}–{high:.1f}: {count} '
            f"links</title></rect>"
        )
        if count:
            parts.append(
                f'<text x="{_fmt(x + bar_w / 2)}" y="{_fmt(y - 3)}" text-anchor="middle" '
                f'font-size="10">{count}</text>'
            )
        parts.append(
            f'<text x="{_fmt(x + bar_w / 2)}" y="{margin_top + plot_h + 14}" '
            f'text-anchor="middle" font-size="10">{low:.1f}</text>'
        )
    parts.append(
        f'<text x="{width / 2:.0f}" y="{height - 4}" text-anchor="middle" font-size="12">'
        "link score</text>"
    )
    parts.append("</svg>")
    return "\n".join(parts)
