"""Workspace store speed on large workspaces.

For 5,000, 10,000 and 20,000 segment pairs: the time to load a whole translation
(what the editor does on opening), to edit, split (at the first segment, the worst
case: every later row moves), merge and undo, and to take a snapshot. The
reference, measured in the same run, is reading the same segments from a JSON file
with ``json.load``: the cheapest way to persist a list of sentences.

Then the seed workspace: building it from seeds/ and corpus/, and opening it with
everything the editor loads (all translations, notes, glossary, quotations), against
reading the same text files from disk as the reference.

Run: ``.venv/bin/python bench/store.py``
"""

from __future__ import annotations

import json
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from workbench.core.model import Document, Link, Span
from workbench.store import Store
from workbench.textio import read_text
from workbench.workspace import build_seed_workspace, load_seed_corpus, project_root

SIZES = (5_000, 10_000, 20_000)


def _document(name: str, lang: str, sentences: list[str]) -> Document:
    spans, parts, offset = [], [], 0
    for sentence in sentences:
        spans.append(Span(offset, offset + len(sentence), sentence))
        parts.append(sentence)
        offset += len(sentence) + 1
    return Document(name=name, lang=lang, text=" ".join(parts), sentences=spans)


def _best(action: Callable[[], object], repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def _median(action: Callable[[], object], repeat: int = 9) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run(n: int, folder: Path) -> dict[str, float]:
    ru = [f"Предложение номер {i} о пленуме ЦК и чрезвычайных мерах." for i in range(n)]
    en = [f"Sentence number {i} about the plenum and the emergency measures." for i in range(n)]
    path = folder / f"w{n}.sqlite"
    reference = folder / f"w{n}.json"
    reference.write_text(json.dumps(en), encoding="utf-8")

    start = time.perf_counter()
    with Store.create(path) as store:
        store.add_document(_document("ru", "ru", ru))
        store.add_translation("en", _document("en", "en", en),
                              [Link((i,), (i,), 0.9) for i in range(n)])
    build = time.perf_counter() - start

    with Store.open(path) as store:
        load = _best(lambda: store.translation("en"))
        ref = _best(lambda: json.loads(reference.read_text(encoding="utf-8")))
        edit = _median(lambda: store.edit_segment("en", n // 2, f"Edited {time.time()}."))
        split = _median(lambda: (store.split_segment("en", 0, 9), store.undo()))
        merge = _median(lambda: (store.merge_segments("en", 0), store.undo()))
        snapshot = _best(store.snapshot, repeat=3)
        problems = store.integrity_problems()
    assert not problems, problems
    return {"n": n, "build": build, "load": load, "json": ref, "edit": edit,
            "split+undo": split, "merge+undo": merge, "snapshot": snapshot}


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        rows = [run(n, Path(tmp)) for n in SIZES]
    header = ("pairs", "build s", "load ms", "json ms", "load/json", "edit ms",
              "split+undo ms", "merge+undo ms", "snapshot ms")
    print(" | ".join(header))
    for r in rows:
        print(" | ".join([
            f"{int(r['n'])}", f"{r['build']:.2f}", f"{r['load'] * 1e3:.1f}",
            f"{r['json'] * 1e3:.1f}", f"{r['load'] / r['json']:.1f}x",
            f"{r['edit'] * 1e3:.1f}", f"{r['split+undo'] * 1e3:.1f}",
            f"{r['merge+undo'] * 1e3:.1f}", f"{r['snapshot'] * 1e3:.1f}",
        ]))
    first, last = rows[0], rows[-1]
    growth = last["n"] / first["n"]
    print(f"scaling {int(first['n'])} -> {int(last['n'])} pairs (x{growth:.0f}): load "
          f"x{last['load'] / first['load']:.1f}, split+undo "
          f"x{last['split+undo'] / first['split+undo']:.1f}, edit "
          f"x{last['edit'] / first['edit']:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        seed(Path(tmp))


def seed(folder: Path) -> None:
    path = folder / "seed.workbench.sqlite"
    start = time.perf_counter()
    build_seed_workspace(path)
    build = time.perf_counter() - start
    corpus = load_seed_corpus(project_root())
    files = [corpus.source.path, *(t.path for t in corpus.translations)]

    def open_everything() -> None:
        with Store.open(path) as store:
            for name in store.translation_names():
                store.translation(name)
            store.notes()
            store.glossary()
            store.quotations()

    opening = _best(open_everything)
    reading = _best(lambda: [read_text(f) for f in files])
    print(f"seed workspace: build {build:.2f} s (segment, align, quotations), open and load "
          f"everything {opening * 1e3:.1f} ms, reading its text files {reading * 1e3:.2f} ms "
          f"(ratio {opening / reading:.0f}x)")


if __name__ == "__main__":
    main()
