"""Sentence alignment benchmark: accuracy, calibration and scaling.

Reads the external test sets in ../shared/corpus-external/derived-eval-v1 (next to
the repository) and prints, for wmt22-pert, ntrex-pert and lit:

* strict link F1 (a link counts only if it equals a gold link; on lit, recall on
  the exactly known links and precision on the predicted links touching them,
  as score_alignment.py does) and time, for workbench, nltk's Gale-Church and
  Bleualign (fed the Online-B machine translation in *.mt-en, which only the
  WMT22 set has), beside hunalign reference figures measured elsewhere;
* how often links are right by workbench score band (calibration);
* scaling: documents of 1k, 10k and 50k sentences a side made of the real test
  documents repeated in shuffled order; workbench time and peak memory (each size
  in a fresh process), the part of that time spent training the document's
  SentencePiece model and counting pieces (one of the three length measures,
  with characters and word tokens), Gale-Church time on the same input where it
  finishes in reasonable time, and the ratio.

Usage: .venv/bin/python bench/align.py [--sizes 1000,10000,50000] [--skip-scaling]
"""

from __future__ import annotations

import argparse
import ast
import io
import itertools
import json
import os
import random
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from workbench.core.align import align_sentences, lengths  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus-external" / "derived-eval-v1"
SETS = ("wmt22-pert", "ntrex-pert", "lit")
# hunalign (-utf, no dictionary / with a 100k-pair dictionary), measured with the same
# scorer on another machine: it cannot be installed from the package registries here.
HUNALIGN_F1 = {"wmt22-pert": 0.918, "ntrex-pert": 0.871, "lit": 0.944}
HUNALIGN_DICT_F1 = {"wmt22-pert": 0.962, "ntrex-pert": 0.946, "lit": 0.960}
GALE_CHURCH_MAX_SENTENCES = 1000  # nltk's Gale-Church fills the whole n×m table in Python

LinkKey = tuple[tuple[int, ...], tuple[int, ...]]


@dataclass
class Doc:
    name: str
    src: list[str]
    tgt: list[str]
    mt: list[str] | None
    gold: set[LinkKey]
    partial: bool  # only some links are known exactly (lit)


def shared_dir() -> Path:
    if not SHARED.is_dir():
        raise SystemExit(
            f"bench/align.py: {SHARED} not found; the external test sets are expected in "
            "../shared/corpus-external next to the repository"
        )
    return SHARED


def read_gold(path: Path) -> set[LinkKey]:
    links: set[LinkKey] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line:
            continue
        if "\t" in line:
            line = line.split("\t", 1)[1]
        s, t = line.split(":")
        links.add((tuple(ast.literal_eval(s)), tuple(ast.literal_eval(t))))
    return links


def load_set(name: str) -> list[Doc]:
    docs = []
    for ru in sorted((shared_dir() / name).glob("*.ru")):
        base = ru.with_suffix("")
        partial = base.with_suffix(".gold-det").exists()
        mt = base.with_suffix(".mt-en")
        docs.append(
            Doc(
                name=base.name,
                src=ru.read_text(encoding="utf-8").splitlines(),
                tgt=base.with_suffix(".en").read_text(encoding="utf-8").splitlines(),
                mt=mt.read_text(encoding="utf-8").splitlines() if mt.exists() else None,
                gold=read_gold(base.with_suffix(".gold-det" if partial else ".gold")),
                partial=partial,
            )
        )
    return docs


def judged(doc: Doc, predicted: Iterable[LinkKey]) -> list[LinkKey]:
    """The predicted links the gold can judge (all of them, except on lit)."""
    if not doc.partial:
        return list(predicted)
    src_known = {i for link in doc.gold for i in link[0]}
    tgt_known = {j for link in doc.gold for j in link[1]}
    return [link for link in predicted if set(link[0]) & src_known or set(link[1]) & tgt_known]


@dataclass
class Score:
    correct: int = 0
    predicted: int = 0
    expected: int = 0
    seconds: float = 0.0
    null_correct: int = 0
    null_predicted: int = 0
    null_expected: int = 0

    def add(self, doc: Doc, predicted: set[LinkKey]) -> None:
        seen = judged(doc, predicted)
        self.correct += len(doc.gold & predicted)
        self.predicted += len(seen)
        self.expected += len(doc.gold)
        null_gold = {link for link in doc.gold if not link[0] or not link[1]}
        null_seen = [link for link in seen if not link[0] or not link[1]]
        self.null_correct += len(null_gold & predicted)
        self.null_predicted += len(null_seen)
        self.null_expected += len(null_gold)

    @property
    def f1(self) -> float:
        return _f1(self.correct, self.predicted, self.expected)

    @property
    def null_f1(self) -> float:
        return _f1(self.null_correct, self.null_predicted, self.null_expected)


def _f1(correct: int, predicted: int, expected: int) -> float:
    precision = correct / max(predicted, 1)
    recall = correct / max(expected, 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


def links_from_pairs(pairs: Iterable[tuple[int, int]], n: int, m: int) -> set[LinkKey]:
    """Turn sentence pairs (as Gale-Church and Bleualign give them) into links with nulls."""
    parent: dict[tuple[str, int], tuple[str, int]] = {}

    def find(x: tuple[str, int]) -> tuple[str, int]:
        while parent.setdefault(x, x) != x:
            x = parent[x]
        return x

    for i, j in pairs:
        parent[find(("s", i))] = find(("t", j))
    groups: dict[tuple[str, int], tuple[list[int], list[int]]] = {}
    for i in range(n):
        groups.setdefault(find(("s", i)), ([], []))[0].append(i)
    for j in range(m):
        groups.setdefault(find(("t", j)), ([], []))[1].append(j)
    return {(tuple(sorted(s)), tuple(sorted(t))) for s, t in groups.values()}


def workbench_links(doc: Doc, scores: list[tuple[float, bool]] | None = None) -> set[LinkKey]:
    links = align_sentences(doc.src, doc.tgt)
    keys = {(link.src, link.tgt) for link in links}
    if scores is not None:
        judgeable = set(judged(doc, keys))
        for link in links:
            key = (link.src, link.tgt)
            if key in judgeable:
                scores.append((link.score, key in doc.gold))
    return keys


def gale_church_links(doc: Doc) -> set[LinkKey]:
    from nltk.translate.gale_church import align_blocks

    if not doc.src or not doc.tgt:
        return links_from_pairs([], len(doc.src), len(doc.tgt))
    pairs = align_blocks([len(s) for s in doc.src], [len(t) for t in doc.tgt])
    return links_from_pairs(pairs, len(doc.src), len(doc.tgt))


def bleualign_links(doc: Doc) -> set[LinkKey]:
    from bleualign.align import Aligner  # type: ignore[import-untyped]

    assert doc.mt is not None
    with open(os.devnull, "w", encoding="utf-8") as devnull:
        aligner = Aligner(
            {
                "srcfile": io.StringIO("\n".join(doc.src)),
                "targetfile": io.StringIO("\n".join(doc.tgt)),
                "srctotarget": [io.StringIO("\n".join(doc.mt))],
                "verbosity": 0,
                "log_to": devnull,
            }
        )
        multialign = aligner.process(doc.src, doc.tgt, [doc.mt], [])
    pairs = [(i, j) for (src, tgt), _ in multialign for i in src for j in tgt]
    return links_from_pairs(pairs, len(doc.src), len(doc.tgt))


def evaluate(docs: list[Doc], system: Callable[[Doc], set[LinkKey]]) -> Score:
    score = Score()
    for doc in docs:
        started = time.perf_counter()
        predicted = system(doc)
        score.seconds += time.perf_counter() - started
        score.add(doc, predicted)
    return score


def accuracy_table() -> list[tuple[float, bool]]:
    calibration: list[tuple[float, bool]] = []
    print("Strict link F1 (null = F1 on 1-0/0-1 links only) and time")
    print(f"{'set':<11} {'system':<22} {'F1':>6} {'P':>6} {'R':>6} {'null F1':>8} {'time':>8}")
    for name in SETS:
        docs = load_set(name)
        sentences = sum(len(d.src) + len(d.tgt) for d in docs)
        systems: list[tuple[str, Callable[[Doc], set[LinkKey]]]] = [
            ("workbench", lambda doc: workbench_links(doc, calibration)),
            ("Gale-Church (nltk)", gale_church_links),
        ]
        if all(doc.mt is not None for doc in docs):
            systems.append(("Bleualign (MT)", bleualign_links))
        for label, system in systems:
            s = evaluate(docs, system)
            precision = s.correct / max(s.predicted, 1)
            recall = s.correct / max(s.expected, 1)
            print(
                f"{name:<11} {label:<22} {s.f1:6.3f} {precision:6.3f} {recall:6.3f} "
                f"{s.null_f1:8.3f} {s.seconds:7.2f}s"
            )
        if not all(doc.mt is not None for doc in docs):
            print(f"{name:<11} {'Bleualign (MT)':<22} {'n/a: no machine translation in this set'}")
        print(f"{name:<11} {'hunalign (reference)':<22} {HUNALIGN_F1[name]:6.3f}")
        print(f"{name:<11} {'hunalign+100k dict':<22} {HUNALIGN_DICT_F1[name]:6.3f}")
        print(f"{'':<11} ({len(docs)} documents, {sentences} sentences)")
    return calibration


def calibration_table(scores: list[tuple[float, bool]]) -> None:
    print("\nCalibration: workbench links by score (all three sets, judged links only)")
    print(f"{'score':<12} {'links':>6} {'right':>7} {'mean score':>11}")
    edges = [0.0, 0.3, 0.5, 0.7, 0.9, 0.99, 1.0001]
    for low, high in itertools.pairwise(edges):
        band = [(s, right) for s, right in scores if low <= s < high]
        if not band:
            continue
        right = sum(r for _, r in band) / len(band)
        mean = sum(s for s, _ in band) / len(band)
        label = f"[{low:.2f},{min(high, 1.0):.2f}{']' if high > 1 else ')'}"
        print(f"{label:<12} {len(band):6d} {right:7.3f} {mean:11.3f}")
    low_band = [r for s, r in scores if s < 0.5]
    high_band = [r for s, r in scores if s >= 0.5]
    if low_band and high_band:
        print(
            f"wrong below 0.5: {1 - sum(low_band) / len(low_band):.1%} of {len(low_band)}; "
            f"wrong at or above 0.5: {1 - sum(high_band) / len(high_band):.1%} of {len(high_band)}"
        )


def scaling_document(size: int) -> Doc:
    """About ``size`` sentences a side: the test documents in shuffled order, repeated."""
    pool = [doc for name in SETS[:2] for doc in load_set(name)]
    rng = random.Random(size)
    src: list[str] = []
    tgt: list[str] = []
    gold: set[LinkKey] = set()
    while len(src) < size:
        rng.shuffle(pool)
        for doc in pool:
            if len(src) >= size:
                break
            i0, j0 = len(src), len(tgt)
            src += doc.src
            tgt += doc.tgt
            for s, t in doc.gold:
                gold.add((tuple(i + i0 for i in s), tuple(j + j0 for j in t)))
    return Doc(f"scaling-{size}", src, tgt, None, gold, partial=False)


def scaling_child(size: int, system: str) -> None:
    """Run in a fresh process: align one scaling document, print time, memory and F1."""
    doc = scaling_document(size)
    align = workbench_links if system == "workbench" else gale_church_links
    started = time.perf_counter()
    predicted = align(doc)
    seconds = time.perf_counter() - started
    peak_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    score = Score()
    score.add(doc, predicted)
    traced = pieces_seconds = 0.0
    if system == "workbench":
        # the SentencePiece share: train the document's model afresh and count pieces
        lengths._models.clear()
        pieces_started = time.perf_counter()
        lengths.piece_counts(doc.src, doc.tgt)
        pieces_seconds = time.perf_counter() - pieces_started
        # a second, traced run: memory allocated by the alignment
        tracemalloc.start()
        align(doc)
        traced = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    print(
        json.dumps(
            {
                "src": len(doc.src),
                "tgt": len(doc.tgt),
                "seconds": seconds,
                "pieces_seconds": pieces_seconds,
                "peak_rss_mib": peak_rss / 1024,
                "traced_mib": traced,
                "f1": score.f1,
            }
        )
    )


def run_child(size: int, system: str) -> dict[str, float]:
    done = subprocess.run(
        [sys.executable, __file__, "--scaling-child", str(size), "--system", system],
        capture_output=True,
        text=True,
        check=True,
    )
    result: dict[str, float] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def scaling_table(sizes: list[int]) -> None:
    print("\nScaling (real test documents repeated in shuffled order; each run a fresh process)")
    print(
        f"{'sentences':>15} {'workbench':>10} {'pieces':>7} {'peak mem':>9} {'proc RSS':>9} "
        f"{'F1':>6} {'Gale-Church':>12} {'GC/workbench':>13}"
    )
    seconds_per_cell: float | None = None  # Gale-Church's time per cell of its n×m table
    for size in sizes:
        ours = run_child(size, "workbench")
        if size <= GALE_CHURCH_MAX_SENTENCES:
            theirs = run_child(size, "gale-church")
            seconds_per_cell = theirs["seconds"] / (theirs["src"] * theirs["tgt"])
            gc = f"{theirs['seconds']:11.2f}s"
            ratio = f"{theirs['seconds'] / ours['seconds']:12.1f}x"
        elif seconds_per_cell is not None:
            estimate = seconds_per_cell * ours["src"] * ours["tgt"]
            speedup = estimate / ours["seconds"]
            gc = f"{f'~{estimate:.0f}s':>12}"
            ratio = f"{f'~{speedup:.0f}x':>13}"
        else:
            gc = f"{'skipped':>12}"
            ratio = f"{'-':>13}"
        print(
            f"{int(ours['src']):>7}×{int(ours['tgt']):<7} {ours['seconds']:9.2f}s "
            f"{ours['pieces_seconds']:6.2f}s "
            f"{ours['traced_mib']:7.0f}MB {ours['peak_rss_mib']:7.0f}MB {ours['f1']:6.3f} "
            f"{gc} {ratio}"
        )
    print(
        "pieces: the part of the workbench time spent training the document's SentencePiece "
        "model in memory and counting each sentence's pieces."
    )
    print(
        "peak mem: the most memory the alignment held at once (tracemalloc, a second run); "
        "proc RSS: the whole process's peak, the test sets and libraries included."
    )
    print(
        f"Gale-Church (nltk) fills the whole n×m table in pure Python; above "
        f"{GALE_CHURCH_MAX_SENTENCES} sentences a side it is not run (it would take minutes "
        "to hours and gigabytes): '~' marks its time estimated from the measured run, "
        "scaled by n×m."
    )


def main() -> int:
    parser = argparse.ArgumentParser(description="Sentence alignment benchmark")
    parser.add_argument("--sizes", default="1000,10000,50000")
    parser.add_argument("--skip-scaling", action="store_true")
    parser.add_argument("--scaling-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--system", default="workbench", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.scaling_child:
        scaling_child(args.scaling_child, args.system)
        return 0
    shared_dir()
    calibration = accuracy_table()
    calibration_table(calibration)
    if not args.skip_scaling:
        scaling_table([int(size) for size in args.sizes.split(",")])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
