"""Quotation provenance: accuracy of the via-English flag on the test set, and throughput.

Run: .venv/bin/python bench/quotes.py

1. Accuracy. Runs ``find_quotations`` on every passage of tests/data/quotes/passages.txt
   and, separately, of passages_styles.txt (other citation styles), and compares each
   quotation with the expected one (matched by position in document order, and by its
   first words). Prints precision and recall of the ``via_english``
   flag, the confusion matrix of provenance classes (expected rows, found columns), and
   every disagreement.
2. Throughput. Runs ``find_quotations`` on the seed and the passages repeated to growing
   lengths, and, as the reference measured in the same run, a plain regular-expression
   scan for «…» pairs (which finds spans but knows nothing of nesting, other marks,
   citations or provenance). Prints time, characters per second, the ratio of the two,
   and time per character, which should stay flat as the text grows (linear cost).
"""

from __future__ import annotations

import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from quotes_cases import PASSAGES, STYLE_PASSAGES, load_passages  # noqa: E402
from workbench.core.model import Provenance  # noqa: E402
from workbench.core.provenance import quoted_body  # noqa: E402
from workbench.core.quotes import find_quotations  # noqa: E402

SEED = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"
REPEATS = (1, 4, 16, 64)
GUILLEMETS = re.compile("«[^«»]*»")
CLASSES = [p.value for p in Provenance]


def accuracy(path: Path) -> None:
    passages = load_passages(path)
    confusion: Counter[tuple[str, str]] = Counter()
    flags = Counter[str]()
    problems: list[str] = []
    for passage in passages:
        found = find_quotations(passage.text)
        got = [(q.provenance.value, quoted_body(q.text)) for q in found]
        for index in range(max(len(got), len(passage.expected))):
            expected = passage.expected[index] if index < len(passage.expected) else None
            actual = got[index] if index < len(got) else None
            exp_class = expected.provenance if expected else "(none)"
            got_class = actual[0] if actual else "(none)"
            if expected and actual and not actual[1].startswith(expected.starts):
                got_class = "(other span)"
            confusion[(exp_class, got_class)] += 1
            exp_flag = exp_class == "via-english"
            got_flag = got_class == "via-english"
            if exp_flag and got_flag:
                flags["tp"] += 1
            elif got_flag:
                flags["fp"] += 1
            elif exp_flag:
                flags["fn"] += 1
            else:
                flags["tn"] += 1
            if exp_class != got_class:
                shown = actual[1][:40] if actual else (expected.starts if expected else "")
                problems.append(
                    f"  {passage.ident}: expected {exp_class}, found {got_class}: {shown}"
                )
    tp, fp, fn = flags["tp"], flags["fp"], flags["fn"]
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    total = sum(confusion.values())
    agree = sum(n for (e, g), n in confusion.items() if e == g)
    print(f"Test set {path.name}: {len(passages)} passages, {total} quotations expected or found")
    print(
        f"via_english flag: precision {precision:.3f}  recall {recall:.3f}  "
        f"(true {tp}, false flags {fp}, misses {fn}, true negatives {flags['tn']})"
    )
    print(f"provenance class agreement: {agree}/{total}")
    columns = [c for c in [*CLASSES, "(none)", "(other span)"] if any(g == c for _, g in confusion)]
    rows = [c for c in [*CLASSES, "(none)"] if any(e == c for e, _ in confusion)]
    width = max(len(c) for c in rows + columns) + 2
    print("confusion (rows expected, columns found):")
    print(" " * width + "".join(c.rjust(width) for c in columns))
    for row in rows:
        print(row.ljust(width) + "".join(str(confusion[(row, c)]).rjust(width) for c in columns))
    if problems:
        print("disagreements:")
        print("\n".join(problems))


def _time(func: Callable[[str], int], text: str) -> tuple[float, int]:
    best = float("inf")
    result = 0
    for _ in range(3):
        start = time.perf_counter()
        result = func(text)
        best = min(best, time.perf_counter() - start)
    return best, result


def throughput() -> None:
    unit = SEED.read_text(encoding="utf-8") + "\n" + "\n".join(p.text for p in load_passages())
    print()
    print(f"Throughput (unit text {len(unit)} chars: the seed and the test passages)")
    print(
        f"{'chars':>10} {'quotes':>7} {'find_quotations s':>18} {'chars/s':>12} "
        f"{'regex s':>9} {'ratio':>7} {'µs/char':>8}"
    )
    for repeats in REPEATS:
        text = "\n".join([unit] * repeats)
        ours, count = _time(lambda t: len(find_quotations(t)), text)
        reference, _ = _time(lambda t: len(GUILLEMETS.findall(t)), text)
        print(
            f"{len(text):>10} {count:>7} {ours:>18.4f} {len(text) / ours:>12.0f} "
            f"{reference:>9.5f} {ours / reference:>7.0f} {ours / len(text) * 1e6:>8.2f}"
        )


if __name__ == "__main__":
    for path in (PASSAGES, STYLE_PASSAGES):
        accuracy(path)
        print()
    throughput()
