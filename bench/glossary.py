"""Glossary matching throughput: inflection-aware matching against plain substring search.

Run: .venv/bin/python bench/glossary.py

Searches the starter glossary's Russian terms in the seed repeated to growing
lengths, with ``GlossaryIndex.find`` (lemmas through pymorphy3) and, as the
reference measured in the same run, a case-insensitive ``str.find`` loop over
every term (exact forms only). Prints time, throughput, the ratio of the two,
and matches found, for each length; time per character should stay flat as the
text grows (linear cost). Also checks the approved English terms of every
matched entry in the close translation with ``target_term_status``, and times
all QA checks (``run_checks``) on the seed and close translation repeated, to
show their cost grows linearly with the number of links, and the merge of an
imported glossary file (against parsing it) as the file grows.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from workbench.core.glossary import GlossaryIndex, target_term_status, tokenize
from workbench.core.model import GlossaryEntry
from workbench.core.morphology import russian_morphology
from workbench.formats.glossary_csv import read_glossary

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"
GLOSSARY = ROOT / "corpus" / "glossary.csv"
CLOSE = ROOT / "corpus" / "close.en.txt"
REPEATS = (1, 10, 100, 400)
T = TypeVar("T")


def substring_count(text: str, entries: Sequence[GlossaryEntry]) -> int:
    lowered = text.lower()
    found = 0
    for entry in entries:
        term = entry.source.lower()
        start = lowered.find(term)
        while start >= 0:
            found += 1
            start = lowered.find(term, start + len(term))
    return found


def count_matches(index: GlossaryIndex, text: str) -> int:
    return len(index.find(text))


def best_time(run: Callable[[], T], tries: int) -> tuple[float, T]:
    """The best of ``tries`` timings of ``run``, and what it returned."""
    best = float("inf")
    for _ in range(tries):
        t0 = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - t0)
    return best, result


def main() -> None:
    seed = SEED.read_text(encoding="utf-8")
    entries = read_glossary(GLOSSARY)

    t0 = time.perf_counter()
    index = GlossaryIndex(entries, "ru")
    build = time.perf_counter() - t0
    t0 = time.perf_counter()
    index.find(seed)
    cold = time.perf_counter() - t0
    print(f"{len(entries)} entries; index built in {build * 1000:.1f} ms (analyser loaded lazily);")
    print(f"first search of the seed (cold parse cache) {cold * 1000:.1f} ms")
    print()
    header = (
        f"{'chars':>10} {'tokens':>8} {'ours s':>8} {'ref s':>8} {'ratio':>6} "
        f"{'ours MB/s':>9} {'ns/char':>8} {'ours hits':>9} {'ref hits':>9}"
    )
    print(header)
    print("-" * len(header))
    for repeats in REPEATS:
        text = "\n".join([seed] * repeats)
        tries = 3 if repeats <= 100 else 1
        ours, hits = best_time(functools.partial(count_matches, index, text), tries)
        ref, ref_hits = best_time(functools.partial(substring_count, text, entries), tries)
        n_tokens = len(tokenize(text[: len(seed)], "ru")) * repeats
        print(
            f"{len(text):>10} {n_tokens:>8} {ours:>8.3f} {ref:>8.3f} {ours / ref:>6.1f} "
            f"{len(text) / ours / 1e6:>9.2f} {ours / len(text) * 1e9:>8.0f} {hits:>9} {ref_hits:>9}"
        )
    print()
    print(f"distinct word forms analysed and cached: {russian_morphology().cached_forms}")

    english = CLOSE.read_text(encoding="utf-8")
    matched = {id(m.entry): m.entry for m in index.find(seed)}
    english_tokens = tokenize(english, "en")
    t0 = time.perf_counter()
    approved = sum(target_term_status(english, e, english_tokens)[0] for e in matched.values())
    took = time.perf_counter() - t0
    print(
        f"English status of {len(matched)} matched entries in the close translation: "
        f"{approved} approved terms found, {took * 1000:.1f} ms"
    )

    qa_scaling(seed, english, entries)
    merge_scaling()


def merge_scaling() -> None:
    """``glossary import`` merging a growing file into the starter glossary, against
    parsing the same file (the reference): the merge must stay linear."""
    from workbench.cli.glossary import merge_glossaries
    from workbench.formats.glossary_csv import parse_glossary

    current = read_glossary(GLOSSARY)
    print()
    print(f"{'imported':>9} {'merge s':>8} {'parse s':>8} {'ratio':>6} {'us/term':>8}")
    for size in (1_000, 10_000, 50_000):
        text = "ru,en\n" + "".join(f"термин{i},term {i}\n" for i in range(size))
        parse, imported = best_time(functools.partial(parse_glossary, text), 1)
        merge, _ = best_time(functools.partial(merge_glossaries, current, imported), 3)
        print(f"{size:>9} {merge:>8.3f} {parse:>8.3f} {merge / parse:>6.2f} "
              f"{merge / size * 1e6:>8.1f}")


def qa_scaling(seed: str, english: str, entries: Sequence[GlossaryEntry]) -> None:
    """All QA checks on the seed and the close translation repeated, linked 1-1."""
    from workbench.core.model import Link, Span
    from workbench.core.qa import run_checks
    from workbench.core.segment import segment

    src = segment(seed, "ru")
    tgt = [span.text for span in segment(english, "en")]
    n = min(len(src), len(tgt))
    print()
    print(f"{'links':>8} {'run_checks s':>12} {'links/s':>9} {'findings':>9}")
    for repeats in (1, 10, 100):
        sentences: list[Span] = []
        offset = 0
        for _ in range(repeats):
            sentences += [Span(s.start + offset, s.end + offset, s.text) for s in src[:n]]
            offset += len(seed) + 1
        segments = tgt[:n] * repeats
        links = [Link((i,), (i,)) for i in range(n * repeats)]
        t0 = time.perf_counter()
        findings = run_checks(sentences, segments, links, entries)
        took = time.perf_counter() - t0
        print(f"{len(links):>8} {took:>12.3f} {len(links) / took:>9.0f} {len(findings):>9}")


if __name__ == "__main__":
    main()
