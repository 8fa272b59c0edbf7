"""Long work started from the UI (the quality report, exports), run in a worker thread
while a small screen shows that it is running; the main screen stays usable."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import ClassVar

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, ProgressBar
from textual.worker import Worker, WorkerState

from workbench.store import Store

DEFAULT_OUT_DIR = Path("exports")

Job = Callable[[Store], list[Path]]
"""Work on a workspace that writes files and returns their paths."""


class JobScreen(ModalScreen[list[Path] | None]):
    """Runs ``job`` in a thread with an activity bar; Escape hides it (the job goes on,
    and a notification says when it is done)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "hide", "Hide")]

    DEFAULT_CSS = """
    JobScreen { align: center middle; }
    JobScreen > Vertical { width: 70; height: auto; border: thick $primary; padding: 1 2;
                           background: $surface; }
    """

    def __init__(self, title: str, store: Store, job: Job) -> None:
        super().__init__()
        self.title_text = title
        self.store = store
        self.job = job

    def compose(self) -> ComposeResult:
        with Vertical():
            yield Label(self.title_text, classes="dialog-title")
            yield ProgressBar(total=None, show_eta=False, id="job-progress")
            yield Label("Escape hides this window; the work goes on.")

    def on_mount(self) -> None:
        self.run_job()

    @work(thread=True, exclusive=True, group="job", exit_on_error=False)
    def run_job(self) -> list[Path]:
        return self.job(self.store)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is WorkerState.SUCCESS:
            paths = event.worker.result
            done = paths if isinstance(paths, list) else []
            self.app.notify("Written: " + ", ".join(str(p) for p in done), timeout=8)
            if self.is_current:
                self.dismiss(done)
        elif event.state is WorkerState.ERROR:
            self.app.notify(f"{self.title_text} failed: {event.worker.error}",
                            severity="error", timeout=10)
            if self.is_current:
                self.dismiss(None)

    def action_hide(self) -> None:
        self.dismiss(None)


def report_job(translation: str | None, out_dir: Path = DEFAULT_OUT_DIR) -> Job:
    """Write report.html, report.md and report.json for the workspace (or one translation)."""

    def job(store: Store) -> list[Path]:
        from dataclasses import replace

        from workbench.core.qa import run_checks
        from workbench.report import write_reports

        snapshot = store.snapshot()
        if translation is not None:
            snapshot = replace(snapshot, translations=[
                t for t in snapshot.translations if t.name == translation])
        findings = {
            t.name: run_checks(snapshot.source.sentences, t.segments, t.links,
                               snapshot.glossary, snapshot.quotations)
            for t in snapshot.translations
        }
        return write_reports(snapshot, out_dir, findings)

    return job


def export_job(fmt: str, translation: str | None, out_dir: Path = DEFAULT_OUT_DIR) -> Job:
    """Write the exports of ``fmt`` (a format name or ``all``) for the workspace."""

    def job(store: Store) -> list[Path]:
        from workbench.formats.exporting import export_snapshot

        result = export_snapshot(store.snapshot(), fmt, out_dir, created=store.created,
                                 translation=translation)
        return result.written

    return job


def export_choices() -> list[tuple[str, str]]:
    """(format key, label) for the export menu."""
    from workbench.formats.exporting import ALL, FORMATS

    labels = {
        "tmx": "TMX 1.4b (aligned text)", "po": "PO (gettext)", "xliff": "XLIFF 2.1",
        "xliff12": "XLIFF 1.2", "tbx": "Glossary: TBX-Basic", "glossary-csv": "Glossary: CSV",
        "glossary-tsv": "Glossary: TSV", "glossary-po": "Glossary: PO",
    }
    return [(ALL, "Everything"), *((f, labels.get(f, f)) for f in FORMATS)]
