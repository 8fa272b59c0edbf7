"""Terminal UI speed on a large synthetic workspace, measured with Textual's pilot.

Run: .venv/bin/python bench/tui.py [--sizes 5000 20000]

For each size (segment pairs), a workspace is built in a temporary folder from the
seed's sentences repeated (with a note every 50 links and a via-English quotation
every 500 sentences), then the app is driven headless at 160x50:

* first paint: from creating the app to the main screen drawn (grid, detail panel);
* QA: the background QA run over the whole translation (the UI stays usable);
* keypress while QA runs: ``down`` pressed while the background QA works, timed from
  sending the key to the screen drawn with the cursor moved (the pilot's own ``press``
  cannot time this: it waits for the process to go idle, up to a second twice, and a
  working QA thread keeps it busy); the same measure with QA finished is the reference;
* jump to end: pressing ``end`` (cursor and scroll to the last of N links);
* per keypress: ``down`` x200, ``pagedown`` x50, ``j``/``k``, and editing (Enter opens
  the editor, a typed key, Ctrl+S saves to SQLite and redraws the row); medians of
  ``pilot.press``, as wall time (which includes the pilot waiting for the next
  screen refresh, see the no-op key that nothing is bound to) and as CPU time of
  the process (the work the key causes: handler, rendering, compositing); the goal
  (50 ms) is checked on CPU time;
* peak memory: the process's peak resident set size, before and after the run.

The reference, measured in the same run on the same rows: Textual's ``DataTable``
holding the same (Russian, English) pairs: first paint and ``pagedown``. The
ratios are ours / reference (below 1 means faster). The last lines show the
scaling from the smallest to the largest size.
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Coroutine
from pathlib import Path
from typing import Any

from textual import events
from textual.app import App, ComposeResult
from textual.pilot import Pilot
from textual.widgets import DataTable

from workbench.core.model import Document, Link, Note, Provenance, QuotationSpan, Span
from workbench.core.segment import segment
from workbench.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.screens.main import MainScreen

ROOT = Path(__file__).resolve().parent.parent
SIZE = (160, 50)
GOAL_FIRST_PAINT = 1.5
GOAL_KEYPRESS = 0.050


def seed_sentences() -> tuple[list[str], list[str]]:
    russian = (ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt").read_text(encoding="utf-8")
    english = (ROOT / "corpus" / "close.en.txt").read_text(encoding="utf-8")
    return ([s.text for s in segment(russian, "ru")], [s.text for s in segment(english, "en")])


def document(name: str, lang: str, sentences: list[str]) -> Document:
    spans = []
    position = 0
    for sentence in sentences:
        spans.append(Span(position, position + len(sentence), sentence))
        position += len(sentence) + 1
    return Document(name=name, lang=lang, text=" ".join(sentences), sentences=spans)


def build_workspace(path: Path, pairs: int) -> None:
    russian, english = seed_sentences()
    src = [f"{russian[i % len(russian)]} ({i + 1})" for i in range(pairs)]
    tgt = [f"{english[i % len(english)]} ({i + 1})" for i in range(pairs)]
    source = document("source", "ru", src)
    links = [Link((i,), (i,), 0.3 if i % 97 == 0 else 0.9) for i in range(pairs)]
    notes = [Note(text=f"note {i}", src_index=i, author="bench", created="2024-01-01T00:00:00")
             for i in range(0, pairs, 50)]
    quotations = [
        QuotationSpan(start=source.sentences[i].start, end=source.sentences[i].end,
                      text=source.sentences[i].text, provenance=Provenance.VIA_ENGLISH,
                      confidence=0.9, citation="ed. by R. V. Daniels, p. 308",
                      evidence=("English citation",))
        for i in range(250, pairs, 500)
    ]
    with Store.create(path, name="bench", created="2024-01-01T00:00:00+00:00") as store:
        store.add_document(source)
        store.add_translation("close", document("close", "en", tgt), links)
        store.set_quotations(quotations)
        for note in notes:
            store.add_note(note.src_index, note.text, author=note.author, created=note.created)


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


Timing = tuple[float, float]
"""(wall seconds, CPU seconds of this process) of one step."""


async def timed(pilot: Pilot[Any], *keys: str) -> Timing:
    wall, cpu = time.perf_counter(), time.process_time()
    await pilot.press(*keys)
    return time.perf_counter() - wall, time.process_time() - cpu


async def median_presses(pilot: Pilot[Any], keys: list[str]) -> Timing:
    timings = [await timed(pilot, key) for key in keys]
    return (statistics.median(t[0] for t in timings), statistics.median(t[1] for t in timings))


async def key_to_screen(app: WorkbenchApp, screen: MainScreen, key: str) -> float:
    """Seconds from sending ``key`` to the first screen update after the cursor moved."""
    painted: list[float] = []
    display = app._display

    def recording(shown: Any, renderable: Any) -> None:
        display(shown, renderable)
        if renderable is not None:
            painted.append(time.perf_counter())

    app._display = recording  # type: ignore[method-assign,assignment]
    try:
        before = screen.grid.cursor
        event = events.Key(key, None)
        event.set_sender(app)
        sent = time.perf_counter()
        assert app._driver is not None
        app._driver.send_message(event)
        moved: float | None = None
        while True:
            await asyncio.sleep(0.0005)
            if moved is None and screen.grid.cursor != before:
                moved = time.perf_counter()
            if moved is not None and painted and painted[-1] >= moved - 0.0005:
                return painted[-1] - sent
            if time.perf_counter() - sent > 10:
                raise RuntimeError(f"{key}: no screen update within 10 s")
    finally:
        del app._display


async def keys_while_qa_runs(app: WorkbenchApp, screen: MainScreen) -> list[float]:
    """``down`` again and again while QA runs (the presses after it ended are dropped)."""
    timings: list[float] = []
    while screen.qa_running and len(timings) < 200:
        timing = await key_to_screen(app, screen, "down")
        if screen.qa_running:
            timings.append(timing)
        await asyncio.sleep(0.02)
    return timings


async def measure_workbench(path: Path) -> dict[str, Timing]:
    results: dict[str, Timing] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    app = WorkbenchApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results["first paint"] = (time.perf_counter() - wall, time.process_time() - cpu)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        wall, cpu = time.perf_counter(), time.process_time()
        during = await keys_while_qa_runs(app, screen)
        await app.workers.wait_for_complete()
        await pilot.pause()
        results["QA in background"] = (time.perf_counter() - wall, time.process_time() - cpu)
        idle = [await key_to_screen(app, screen, "down") for _ in range(20)]
        if during:
            results[f"down while QA runs, median of {len(during)}"] = (
                statistics.median(during), float("nan"))
            results["down while QA runs, slowest"] = (max(during), float("nan"))
        results["down, key to screen, QA done"] = (statistics.median(idle), float("nan"))
        results["no-op key (pilot cost)"] = await median_presses(pilot, ["f12"] * 50)
        results["down"] = await median_presses(pilot, ["down"] * 200)
        results["j/k"] = await median_presses(pilot, ["j", "k"] * 50)
        results["pagedown"] = await median_presses(pilot, ["pagedown"] * 50)
        results["jump to end"] = await timed(pilot, "end")
        assert screen.grid.cursor == len(screen.grid.rows) - 1
        await timed(pilot, "home")
        opens, saves, types = [], [], []
        for _ in range(10):
            opens.append(await timed(pilot, "enter"))
            types.append(await timed(pilot, "end"))
            types.append(await timed(pilot, "x"))
            saves.append(await timed(pilot, "ctrl+s"))
            await pilot.press("down")
        for name, timings in (("edit: open editor", opens), ("edit: type a key", types),
                              ("edit: save (SQLite + redraw)", saves)):
            results[name] = (statistics.median(t[0] for t in timings),
                             statistics.median(t[1] for t in timings))
        await app.workers.wait_for_complete()
    return results


class DataTableReference(App[None]):
    """The reference: the same pairs in Textual's DataTable."""

    def __init__(self, rows: list[tuple[str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        yield DataTable(cursor_type="row")

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Russian", "English")
        table.add_rows(self.rows)
        table.focus()


async def measure_datatable(path: Path) -> dict[str, Timing]:
    with Store.open(path) as store:
        source = store.source()
        translation = store.translation("close")
    rows = [(source.sentences[link.src[0]].text, translation.segments[link.tgt[0]])
            for link in translation.links]
    results: dict[str, Timing] = {}
    wall, cpu = time.perf_counter(), time.process_time()
    app = DataTableReference(rows)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        results["first paint"] = (time.perf_counter() - wall, time.process_time() - cpu)
        results["pagedown"] = await median_presses(pilot, ["pagedown"] * 20)
        results["down"] = await median_presses(pilot, ["down"] * 50)
    return results


def run(measure: Callable[[Path], Coroutine[Any, Any, dict[str, Timing]]], path: Path
        ) -> dict[str, Timing]:
    gc.collect()
    return asyncio.run(measure(path))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[5000, 20000])
    args = parser.parse_args()
    summary: dict[int, dict[str, float]] = {}
    for pairs in args.sizes:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench.sqlite"
            begin = time.perf_counter()
            build_workspace(path, pairs)
            print(f"\n== {pairs} segment pairs (workspace built in "
                  f"{time.perf_counter() - begin:.1f} s) ==")
            rss_before = peak_rss_mb()
            ours = run(measure_workbench, path)
            rss_after = peak_rss_mb()
            reference = run(measure_datatable, path)
        print(f"  {'':<34} {'wall':>9}    {'CPU':>9}")
        for name, (wall, cpu) in ours.items():
            goal = GOAL_FIRST_PAINT if name == "first paint" else GOAL_KEYPRESS
            if name == "QA in background":
                verdict = ""
            elif cpu != cpu:  # no CPU figure: a key-to-screen time, checked on wall time
                verdict = "ok" if wall < goal else "OVER GOAL (wall)"
            else:
                verdict = "ok" if cpu < goal else "OVER GOAL (CPU)"
            print(f"  {name:<34} {wall * 1000:7.1f} ms {cpu * 1000:7.1f} ms  {verdict}")
        print(f"  {'peak RSS (process)':<34} {rss_after:7.1f} MB  "
              f"(before the app: {rss_before:.1f} MB)")
        for name, (wall, cpu) in reference.items():
            ratio_wall = ours[name][0] / wall if wall else float("nan")
            ratio_cpu = ours[name][1] / cpu if cpu else float("nan")
            print(f"  DataTable {name:<24} {wall * 1000:7.1f} ms {cpu * 1000:7.1f} ms  "
                  f"ratio workbench/DataTable: wall {ratio_wall:.2f}, CPU {ratio_cpu:.2f}")
        summary[pairs] = {"first paint (wall)": ours["first paint"][0],
                          "down (CPU)": ours["down"][1],
                          "down, key to screen (wall)": ours["down, key to screen, QA done"][0],
                          "jump to end (CPU)": ours["jump to end"][1],
                          "save an edit (CPU)": ours["edit: save (SQLite + redraw)"][1],
                          "DataTable first paint (wall)": reference["first paint"][0]}
    if len(summary) > 1:
        small, large = min(summary), max(summary)
        print(f"\nScaling {small} -> {large} pairs (x{large / small:.0f}):")
        for name in summary[small]:
            factor = summary[large][name] / summary[small][name]
            print(f"  {name:<34} x{factor:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
