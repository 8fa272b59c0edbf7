"""Export and re-import speed of every interchange format, at 10k and 100k links.

Run: .venv/bin/python bench/formats.py [--sizes 10000 100000]

Builds a synthetic workspace snapshot (the seed's Russian and English sentences
repeated; links of every type, statuses, notes, quotations) and, for each
format, times writing it and reading it back (reader plus rebuilding the
translation) and measures the peak memory each step adds (resident set size,
so that libxml2's memory counts too). The reference, measured in the same run,
is translate-toolkit writing the same TMX (one ``tu`` per link through
``tmxfile.addtranslation``) and reading it; the ratio is ours / reference.
Times are the best of three runs at 10k links and of one run at 100k; each run
is a forked child, so one step's freed memory cannot hide the next one's peak.
The last table shows the scaling: time per 10k links at each size (flat means
linear cost).
"""

from __future__ import annotations

import argparse
import functools
import gc
import multiprocessing
import multiprocessing.queues
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from workbench.core.model import (
    Document,
    Finding,
    GlossaryEntry,
    Link,
    LinkStatus,
    Note,
    ProjectSnapshot,
    Provenance,
    QuotationSpan,
    SegmentStatus,
    Severity,
    Span,
    Translation,
)
from workbench.core.segment import segment
from workbench.formats import aligned, glossary_po, po, tbx, tmx, xliff
from workbench.formats.glossary_csv import parse_glossary, render_glossary

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"
CLOSE = ROOT / "corpus" / "close.en.txt"
CREATED = "2026-01-01T00:00:00Z"
_CLEAR_REFS = Path("/proc/self/clear_refs")
_STATUS = Path("/proc/self/status")


def _document(name: str, lang: str, sentences: list[str]) -> Document:
    spans, pos = [], 0
    for s in sentences:
        spans.append(Span(pos, pos + len(s), s))
        pos += len(s) + 1
    return Document(name=name, lang=lang, text=" ".join(sentences), sentences=spans)


def synthetic_snapshot(n_links: int) -> tuple[ProjectSnapshot, list[Finding]]:
    """A workspace with ``n_links`` links of every type, made from the seed's sentences."""
    ru_pool = [s.text for s in segment(SEED.read_text(encoding="utf-8"), "ru")]
    en_pool = [s.text for s in segment(CLOSE.read_text(encoding="utf-8"), "en")]
    pattern = [(1, 1)] * 14 + [(2, 1), (1, 2), (1, 0), (0, 1), (2, 2)]
    src: list[str] = []
    tgt: list[str] = []
    links: list[Link] = []
    statuses: dict[int, SegmentStatus] = {}
    notes: list[Note] = []
    findings: list[Finding] = []
    for i in range(n_links):
        n_src, n_tgt = pattern[i % len(pattern)]
        s = tuple(range(len(src), len(src) + n_src))
        t = tuple(range(len(tgt), len(tgt) + n_tgt))
        src += [ru_pool[(len(src) + k) % len(ru_pool)] for k in range(n_src)]
        tgt += [en_pool[(len(tgt) + k) % len(en_pool)] for k in range(n_tgt)]
        status = (LinkStatus.CONFIRMED, LinkStatus.AUTOMATIC, LinkStatus.MANUAL)[i % 3]
        links.append(Link(s, t, (i % 997) / 997, status))
        for index in t:
            if index % 4:
                statuses[index] = (SegmentStatus.TRANSLATED, SegmentStatus.REVIEWED)[index % 2]
        if s and i % 50 == 0:
            notes.append(Note(f"Note {i}: check the names.", s[0], author="bench",
                              created=CREATED, modified=CREATED,
                              translation=None if i % 100 else "bench"))
        if s and t and i % 40 == 0:
            findings.append(Finding("length-ratio", s, t, Severity.WARNING, "long"))
    source = _document("source", "ru", src)
    quotations = []
    for i in range(0, len(src), 200):
        span = source.sentences[i]
        quotations.append(QuotationSpan(span.start, span.end, span.text, Provenance.VIA_ENGLISH,
                                        0.9, citation="Cohen, p. 291"))
    translation = Translation("bench", _document("bench", "en", tgt), tgt, links, statuses)
    glossary = [GlossaryEntry(f"термин {i}", (f"term {i}", f"variant {i}"),
                              forbidden=(f"wrong {i}",), pos="noun", definition=f"Sense {i}.")
                for i in range(max(1, n_links // 10))]
    snapshot = ProjectSnapshot("bench", source, [translation], glossary, notes, quotations)
    return snapshot, findings


def _resident_kb(field: str) -> int:
    for line in _STATUS.read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


@dataclass
class Measure:
    seconds: float
    peak_mb: float
    size_mb: float = 0.0


def measure(step: Callable[[], object]) -> tuple[Measure, object]:
    """Time ``step`` and the peak memory it adds (RSS high-water mark when Linux lets us
    reset it, else Python allocations through tracemalloc)."""
    gc.collect()
    try:
        _CLEAR_REFS.write_text("5")
        use_rss = True
    except OSError:
        use_rss = False
    if use_rss:
        base = _resident_kb("VmRSS")
    else:
        tracemalloc.start()
    started = time.perf_counter()
    result = step()
    seconds = time.perf_counter() - started
    if use_rss:
        peak = (_resident_kb("VmHWM") - base) / 1024
    else:
        peak = tracemalloc.get_traced_memory()[1] / 2**20
        tracemalloc.stop()
    size = len(result) / 2**20 if isinstance(result, bytes) else 0.0
    return Measure(seconds, peak, size), result


def isolated(job: Callable[[], Measure]) -> Measure:
    """Run ``job`` in a forked child, so that each measurement starts from the same heap
    (memory freed by an earlier step cannot hide a later step's peak)."""
    context = multiprocessing.get_context("fork")
    results: multiprocessing.queues.Queue[Measure] = context.Queue()
    child = context.Process(target=lambda: results.put(job()))
    gc.collect()
    gc.freeze()  # the child's collector must not walk (and so copy) the parent's objects
    try:
        child.start()
        result = results.get()
        child.join()
    finally:
        gc.unfreeze()
    return result


def measure_case(
    write: Callable[[], bytes], read: Reader, repeat: int
) -> tuple[Measure, Measure]:
    """Writing and reading back, each measured in its own child process; the best
    time and the largest peak of ``repeat`` runs (the machine may be busy)."""

    def writing() -> Measure:
        return measure(write)[0]

    def reading() -> Measure:
        data = write()
        return measure(lambda: read(data))[0]

    def best(job: Callable[[], Measure]) -> Measure:
        runs = [isolated(job) for _ in range(repeat)]
        return Measure(min(r.seconds for r in runs), max(r.peak_mb for r in runs),
                       runs[0].size_mb)

    return best(writing), best(reading)


Writer = Callable[[ProjectSnapshot, list[Finding]], bytes]
Reader = Callable[[bytes], object]


def _aligned_reader(read: Callable[[bytes, str], aligned.AlignedImport]) -> Reader:
    def run(data: bytes) -> object:
        return aligned.build_translation(read(data, "bench"), "bench")

    return run


def formats() -> dict[str, tuple[Writer, Reader]]:
    def t(snap: ProjectSnapshot) -> Translation:
        return snap.translations[0]

    return {
        "tmx": (lambda s, f: tmx.write_tmx(s, t(s), created=CREATED),
                _aligned_reader(tmx.read_tmx)),
        "po": (lambda s, f: po.write_po(s, t(s), created=CREATED, findings=f),
               _aligned_reader(po.read_po)),
        "xliff 2.1": (lambda s, f: xliff.write_xliff(s, t(s), created=CREATED, findings=f),
                      _aligned_reader(xliff.read_xliff)),
        "xliff 1.2": (lambda s, f: xliff.write_xliff12(s, t(s), created=CREATED, findings=f),
                      _aligned_reader(xliff.read_xliff)),
        "tbx (n/10 terms)": (lambda s, f: tbx.write_tbx(s.glossary, project="b", created=CREATED),
                             lambda d: tbx.read_tbx(d, "bench.tbx")),
        "glossary po": (
            lambda s, f: glossary_po.write_glossary_po(s.glossary, project="b", created=CREATED),
            lambda d: glossary_po.read_glossary_po(d, "bench.po")),
        "glossary csv": (lambda s, f: render_glossary(s.glossary, "csv").encode(),
                         lambda d: parse_glossary(d.decode(), "bench.csv", "csv")),
    }


def ttk_write_tmx(snapshot: ProjectSnapshot) -> bytes:
    """The reference: translate-toolkit building the same TMX, one unit per link."""
    from translate.storage import tmx as ttk_tmx

    translation = snapshot.translations[0]
    source = [s.text for s in snapshot.source.sentences]
    store = ttk_tmx.tmxfile(sourcelanguage="ru", targetlanguage="en")
    for link in translation.links:
        store.addtranslation(aligned.join_side(source, link.src), "ru",
                             aligned.join_side(translation.segments, link.tgt), "en")
    return bytes(store)


def ttk_read_tmx(data: bytes) -> object:
    from translate.storage import tmx as ttk_tmx

    return [(u.source, u.target) for u in ttk_tmx.tmxfile(data).units]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    args = parser.parse_args()
    rows: dict[tuple[str, int], tuple[Measure, Measure]] = {}
    for size in args.sizes:
        snapshot, findings = synthetic_snapshot(size)
        print(f"\n{size} links ({len(snapshot.source.sentences)} Russian sentences, "
              f"{len(snapshot.translations[0].segments)} English segments, "
              f"{len(snapshot.glossary)} glossary terms)")
        print(f"{'format':18} {'write s':>8} {'MB':>7} {'peak MB':>8} "
              f"{'read s':>8} {'peak MB':>8}")
        cases = {name: (functools.partial(writer, snapshot, findings), reader)
                 for name, (writer, reader) in formats().items()}
        cases["ttk tmx (reference)"] = (functools.partial(ttk_write_tmx, snapshot), ttk_read_tmx)
        for name, (write, read) in cases.items():
            written, reread = measure_case(write, read, repeat=3 if size <= 20_000 else 1)
            rows[(name, size)] = (written, reread)
            print(f"{name:18} {written.seconds:8.2f} {written.size_mb:7.1f} "
                  f"{written.peak_mb:8.0f} {reread.seconds:8.2f} {reread.peak_mb:8.0f}")
        ours, ref = rows[("tmx", size)], rows[("ttk tmx (reference)", size)]
        print(f"TMX ours / translate-toolkit: write time {ours[0].seconds / ref[0].seconds:.2f}, "
              f"write peak {ours[0].peak_mb / max(ref[0].peak_mb, 1):.2f}, "
              f"read time {ours[1].seconds / ref[1].seconds:.2f}, "
              f"read peak {ours[1].peak_mb / max(ref[1].peak_mb, 1):.2f}")
    if len(args.sizes) > 1:
        print("\nscaling: seconds per 10k links (write + read) at each size")
        names = sorted({name for name, _ in rows}, key=list(formats()).__add__(
            ["ttk tmx (reference)"]).index)
        print(f"{'format':18} " + " ".join(f"{s:>10}" for s in args.sizes))
        for name in names:
            cells = []
            for size in args.sizes:
                w, r = rows[(name, size)]
                cells.append(f"{(w.seconds + r.seconds) * 10_000 / size:10.3f}")
            print(f"{name:18} " + " ".join(cells))


if __name__ == "__main__":
    main()
