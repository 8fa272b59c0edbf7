"""The main screen: the aligned grid, the detail panel and the in-place editor."""

from __future__ import annotations

import gc
from collections.abc import Callable
from contextlib import suppress
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.reactive import Reactive
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Header
from textual.worker import Worker, WorkerState, get_current_worker

from workbench.core.model import Finding, GlossaryEntry, Link, LinkStatus, SegmentStatus
from workbench.textio import InputError
from workbench.tui.commands import key_label
from workbench.tui.messages import ChangeScope, WorkspaceChanged
from workbench.tui.qa_run import QAResult, QASnapshot, compute_qa, recheck_links
from workbench.tui.screens.dialogs import JumpDialog, NoteDialog, SearchDialog, TermDialog
from workbench.tui.state import RowFilter, Search, ViewPosition, WorkbenchState
from workbench.tui.widgets.detail_panel import DetailPanel
from workbench.tui.widgets.segment_editor import SegmentEditor
from workbench.tui.widgets.segment_grid import SegmentGrid
from workbench.tui.widgets.status_line import StatusLine

_FILTER_CYCLE = [RowFilter.ALL, RowFilter.FLAGGED, RowFilter.UNCONFIRMED, RowFilter.NOTES]
_STORE_ERRORS = (InputError, ValueError)


class MainScreen(Screen[None]):
    """Russian beside English, a detail panel for the current segment, and editing."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "next_flagged", "Next flagged",
                tooltip="Next flagged or low-confidence link (QA finding, quotation, low score)"),
        Binding("N", "previous_flagged", "Previous flagged", show=False),
        Binding("quotation_mark", "next_quotation", "Next quotation via English", show=False),
        Binding("colon,ctrl+g", "jump", "Jump", show=False, tooltip="Jump to a segment number"),
        Binding("slash", "search", "Search",
                tooltip="Search Russian and English (plain text or regular expression)"),
        Binding("f", "cycle_filter", "Filter",
                tooltip="Filter: all → flagged → unconfirmed → with notes → all"),
        Binding("escape", "clear_view", "Clear filter and search", show=False),
        Binding("t", "switch_translation", "Translation", tooltip="Switch to the next translation"),
        Binding("v", "toggle_compare", "Compare", show=False,
                tooltip="Show two translations side by side with the Russian (again: one)"),
        Binding("enter", "edit", "Edit",
                tooltip="Edit the English in place (Ctrl+S saves, Ctrl+B splits, Esc leaves)"),
        Binding("s", "split", "Split segment", show=False,
                tooltip="Split the English segment at the cursor (opens the editor)"),
        Binding("m", "merge", "Merge with next", show=False,
                tooltip="Merge the last English segment with the next one"),
        Binding("left_square_bracket", "move_boundary('tgt', -1)",
                "Move English boundary up", show=False),
        Binding("right_square_bracket", "move_boundary('tgt', 1)",
                "Move English boundary down", show=False),
        Binding("left_curly_bracket", "move_boundary('src', -1)",
                "Move Russian boundary up", show=False),
        Binding("right_curly_bracket", "move_boundary('src', 1)",
                "Move Russian boundary down", show=False),
        Binding("c", "confirm", "Confirm link", show=False),
        Binding("A", "realign", "Re-align unconfirmed", show=False),
        Binding("1", "set_status('draft')", "Status: draft", show=False),
        Binding("2", "set_status('translated')", "Status: translated", show=False),
        Binding("3", "set_status('reviewed')", "Status: reviewed", show=False),
        Binding("0", "set_status('')", "Clear status", show=False),
        Binding("a", "add_note", "Add note", tooltip="Add a note on the Russian sentence"),
        Binding("e", "edit_note", "Edit note", show=False,
                tooltip="Edit the latest note on this segment"),
        Binding("x", "delete_note", "Delete note", show=False,
                tooltip="Delete the latest note on this segment"),
        Binding("plus", "add_term", "Add term",
                tooltip="Add a glossary term (prefilled with the words selected in the Russian "
                "box and the editor)"),
        Binding("u,ctrl+z", "undo", "Undo"),
        Binding("r,ctrl+y", "redo", "Redo"),
        Binding("f2", "glossary", "Glossary"),
        Binding("f3", "notes", "Notes"),
        Binding("f5", "export", "Export", show=False,
                tooltip="Export TMX, PO, XLIFF or the glossary into exports/"),
        Binding("f6", "report", "Report", show=False,
                tooltip="Write the quality report into exports/"),
        Binding("question_mark", "help", "Help"),
        Binding("q", "quit", "Quit"),
    ]

    DEFAULT_CSS = """
    MainScreen SegmentGrid { height: 3fr; }
    MainScreen #bottom { height: 2fr; border-top: solid $primary; }
    MainScreen SegmentEditor { display: none; }
    MainScreen #key-hints { background: $primary-background; color: $text; }
    """

    focused: Reactive[Widget | None] = Reactive(None, repaint=False)
    """As on every screen, but a change of focus (opening or leaving the editor) does not
    repaint the whole screen: the widgets whose look depends on focus repaint themselves."""

    def __init__(self, state: WorkbenchState, start_link: int = 0) -> None:
        """Show ``state`` with the cursor on link ``start_link`` (0-based)."""
        super().__init__()
        self.state = state
        self.start_link = start_link
        self._shown_link = start_link
        self.qa_running = False
        self._qa_timer: Timer | None = None
        self._known_revision = state.store.revision()
        self._qa_basis = state.translation
        self._edited_during_qa: set[int] = set()
        self._recheck_serial = 0
        self._latest_recheck: dict[int, int] = {}

    # ------------------------------------------------------------ layout

    def compose(self) -> ComposeResult:
        yield Header()
        yield SegmentGrid(id="grid")
        with Vertical(id="bottom"):
            yield SegmentEditor(id="editor")
            yield DetailPanel(id="detail")
        yield StatusLine(id="status-line")
        yield StatusLine(id="key-hints")

    @property
    def grid(self) -> SegmentGrid:
        return self.query_one("#grid", SegmentGrid)

    @property
    def editor(self) -> SegmentEditor:
        return self.query_one("#editor", SegmentEditor)

    def _show_hints(self, bindings: list[BindingType]) -> None:
        """The key line: the bindings marked to show (a plain line, so that moving focus
        between the grid and the editor costs no layout)."""
        line = Text()
        shown = [(key_label(b.key), b.description) for b in bindings
                 if isinstance(b, Binding) and b.show]
        for keys, description in [*shown, ("ctrl+p", "Commands")]:
            line.append(keys, style="bold")
            line.append(f" {description}  ")
        self.query_one("#key-hints", StatusLine).set_text(line)

    def on_mount(self) -> None:
        self._show_hints(self.BINDINGS)
        self.title = f"workbench — {self.state.store.name}"
        self.sub_title = self.state.store.path.name
        last = len(self.state.translation.links) - 1
        self.refresh_rows(max(0, min(self.start_link, last)))
        self.grid.focus()
        self.call_after_refresh(self._first_painted)
        self.set_interval(self.REVISION_POLL, self._check_revision)

    def _first_painted(self) -> None:
        """The workspace is loaded and shown: move everything loaded so far out of the
        garbage collector's sight (a full collection over the 20,000 rows of a large
        workspace stalled a keypress for 70 ms while QA allocated), then start QA."""
        gc.freeze()
        self.run_qa()

    def remember_position(self) -> None:
        """Save the translation shown and the current link in the workspace, for the next
        start. (Called on the way out: a file that cannot take it loses only this.)"""
        position = ViewPosition(self.state.translation_name, self._shown_link)
        with suppress(InputError):
            position.save(self.state.store)

    # ----------------------------------------------------------- helpers

    @property
    def current_link(self) -> int | None:
        """The link index of the current row, or None when no row is shown."""
        cursor = self.grid.cursor
        if 0 <= cursor < len(self.state.visible):
            return self.state.visible[cursor]
        return None

    def refresh_rows(self, link_index: int | None = None) -> None:
        """Rebuild the grid from the state, keeping the cursor on ``link_index``."""
        if link_index is None:
            link_index = self.current_link or 0
        cursor = self.state.row_position(link_index)
        self.grid.set_rows(self.state.rows(), self.state.headers, cursor=cursor)
        self.refresh_detail()

    def refresh_detail(self) -> None:
        link_index = self.current_link
        self._shown_link = link_index if link_index is not None else self._shown_link
        detail = self.state.detail(link_index) if link_index is not None else None
        self.query_one(DetailPanel).show(detail, self.state.translation_name)
        self.update_status()

    def update_status(self) -> None:
        state = self.state
        parts = [f"{state.translation_name}"]
        if state.compare_name:
            parts.append(f"vs {state.compare_name}")
        parts.append(f"{len(state.visible)}/{len(state.translation.links)} links")
        if state.row_filter is not RowFilter.ALL:
            parts.append(f"filter: {state.row_filter.label}")
        if state.search is not None:
            kind = "regex" if state.search.regex else "text"
            parts.append(f"search ({kind}): {state.search.text}")
        if self.qa_running:
            parts.append("QA running…")
        else:
            parts.append(f"{len(state.findings)} QA findings")
        self.query_one("#status-line", StatusLine).set_text(" · ".join(parts))

    def _change(self, action: Callable[[], object], scope: ChangeScope,
                done: str | None = None, link_index: int | None = None) -> bool:
        """Run a store change; on success reload ``scope`` and say ``done``."""
        try:
            action()
        except _STORE_ERRORS as exc:
            self.notify(str(exc), title="Not changed", severity="error")
            return False
        self.reload(scope, link_index)
        if done:
            self.notify(done, timeout=3)
        return True

    def reload(self, scope: ChangeScope, link_index: int | None = None) -> None:
        self._known_revision = self.state.store.revision()
        if scope is ChangeScope.ANNOTATIONS:
            self.state.reload_annotations()
            self.state.refresh_visible()
        elif scope is ChangeScope.SEGMENTS:
            self.state.reload_translation()
        else:
            self.state.reload_all()
        self.refresh_rows(link_index)
        if scope is not ChangeScope.ANNOTATIONS or self.state.findings:
            self.schedule_qa()

    REVISION_POLL = 2.0
    """Seconds between looks at whether another window changed the workspace."""

    def _check_revision(self) -> None:
        if not self.is_current or self.editor.display:
            return
        revision = self.state.store.revision()
        if revision != self._known_revision:
            self.post_message(WorkspaceChanged(ChangeScope.EVERYTHING,
                                               "The workspace was changed in another window."))

    @on(WorkspaceChanged)
    def on_workspace_changed(self, event: WorkspaceChanged) -> None:
        self.reload(event.scope)
        if event.description:
            self.notify(event.description + " Reloaded.", timeout=5)

    def on_screen_resume(self) -> None:
        if self.is_mounted:
            self.update_status()

    # --------------------------------------------------------------- QA

    QA_DELAY = 0.6
    """Seconds of quiet after a change before QA runs again (a burst of edits runs it once)."""

    def schedule_qa(self) -> None:
        if self._qa_timer is not None:
            self._qa_timer.stop()
        self.qa_running = True
        self.update_status()
        self._qa_timer = self.set_timer(self.QA_DELAY, self.run_qa)

    def run_qa(self) -> None:
        """Start a full QA run on a snapshot of what the screen shows. The worker holds
        nothing the screen needs; its result is published in one swap."""
        self._qa_timer = None
        self.qa_running = True
        self.update_status()
        self._qa_basis = self.state.translation
        self._edited_during_qa = set()
        self._qa_worker(self.state.qa_snapshot())

    @work(thread=True, exclusive=True, group="qa", exit_on_error=False,
          description="QA of the translation")
    def _qa_worker(self, snapshot: QASnapshot) -> None:
        worker = get_current_worker()
        result = compute_qa(snapshot, lambda: worker.is_cancelled)
        if result is not None and not worker.is_cancelled:
            self.app.call_from_thread(self._qa_done, result)

    def _qa_done(self, result: QAResult) -> None:
        if result.translation_name != self.state.translation_name:
            return
        if self.state.translation is not self._qa_basis:
            # the links changed while QA ran: its positions no longer hold
            self.schedule_qa()
            return
        self.qa_running = False
        changed = self.state.set_findings(result)
        if self.state.row_filter is RowFilter.FLAGGED:
            self.state.refresh_visible()
            self.refresh_rows(self.current_link)
        else:
            self._mark_findings(changed)
            self.refresh_detail()
        edited, self._edited_during_qa = self._edited_during_qa, set()
        if edited:
            self._recheck(sorted(edited))

    def _mark_findings(self, link_indices: set[int]) -> None:
        """Redraw the QA mark of the rows showing these links."""
        visible = self.state.visible
        for link_index in link_indices:
            position = self.state.row_position(link_index)
            if position < len(visible) and visible[position] == link_index:
                self.grid.set_finding_mark(position, self.state.has_qa_warning(link_index))

    def _recheck(self, link_indices: list[int]) -> None:
        """QA on links just edited (the rest of the translation did not change)."""
        if self.qa_running:
            self._edited_during_qa.update(link_indices)
        self._recheck_serial += 1
        for link_index in link_indices:
            self._latest_recheck[link_index] = self._recheck_serial
        self._recheck_worker(self.state.qa_snapshot(), link_indices, self._recheck_serial)

    @work(thread=True, group="recheck", exit_on_error=False,
          description="QA of the edited links")
    def _recheck_worker(self, snapshot: QASnapshot, link_indices: list[int],
                        serial: int) -> None:
        fresh = recheck_links(snapshot, link_indices)
        self.app.call_from_thread(self._recheck_done, snapshot.translation_name, fresh, serial)

    def _recheck_done(self, translation_name: str, fresh: dict[int, list[Finding]],
                      serial: int) -> None:
        if translation_name != self.state.translation_name:
            return
        for link_index, found in fresh.items():
            if self._latest_recheck.get(link_index) != serial:
                continue  # a later edit of this link is being checked
            del self._latest_recheck[link_index]
            if (link_index < len(self.state.translation.links)
                    and self.state.replace_link_findings(link_index, found)):
                self._refresh_link(link_index)

    # -------------------------------------------------------- navigation

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state is not WorkerState.ERROR:
            return
        if event.worker.group == "qa":
            self.qa_running = False
            self.update_status()
            self.notify(f"QA checks failed: {event.worker.error}", severity="error")
        elif event.worker.group == "realign":
            self.update_status()
            self.notify(f"Re-alignment failed: {event.worker.error}", severity="error")

    @on(SegmentGrid.CursorMoved)
    def on_cursor_moved(self, event: SegmentGrid.CursorMoved) -> None:
        self.refresh_detail()

    def _go(self, position: int | None, nothing: str) -> None:
        if position is None:
            self.notify(nothing, timeout=3)
        else:
            self.grid.move_cursor(position)

    def action_next_flagged(self) -> None:
        self._go(self.state.next_matching(self.grid.cursor, self.state.flagged),
                 "Nothing flagged here.")

    def action_previous_flagged(self) -> None:
        self._go(self.state.next_matching(self.grid.cursor, self.state.flagged, backwards=True),
                 "Nothing flagged here.")

    def action_next_quotation(self) -> None:
        self._go(self.state.next_matching(self.grid.cursor, self.state.via_english_link),
                 "No quotation taken from English here.")

    def action_jump(self) -> None:
        def jump(number: int | None) -> None:
            if number is not None:
                if number - 1 not in self.state.visible:
                    self.state.set_filter(RowFilter.ALL)
                    self.state.set_search(None)
                    self.refresh_rows(number - 1)
                else:
                    self.grid.move_cursor(self.state.row_position(number - 1))
                self.grid.focus()

        self.app.push_screen(JumpDialog(len(self.state.translation.links)), jump)

    def action_search(self) -> None:
        def search(found: Search | None) -> None:
            if found is not None:
                self.state.set_search(found)
                self.refresh_rows()
                if not self.state.visible:
                    self.notify(f"No segment matches {found.text!r}.", severity="warning")

        self.app.push_screen(SearchDialog(self.state.search), search)

    def action_cycle_filter(self) -> None:
        position = _FILTER_CYCLE.index(self.state.row_filter)
        self.apply_filter(_FILTER_CYCLE[(position + 1) % len(_FILTER_CYCLE)])

    def apply_filter(self, row_filter: RowFilter) -> None:
        self.state.set_filter(row_filter)
        self.refresh_rows()
        self.notify(f"Showing {row_filter.label}: {len(self.state.visible)} links.", timeout=3)

    def action_filter(self, name: str) -> None:
        self.apply_filter(RowFilter(name))

    def action_clear_view(self) -> None:
        if self.state.row_filter is RowFilter.ALL and self.state.search is None:
            return
        self.state.set_filter(RowFilter.ALL)
        self.state.set_search(None)
        self.refresh_rows()

    def action_switch_translation(self) -> None:
        link_index = self.current_link
        name = self.state.switch_translation()
        self.refresh_rows(link_index)
        self.run_qa()
        self.notify(f"Translation: {name}", timeout=3)

    def action_toggle_compare(self) -> None:
        name = self.state.toggle_compare()
        self.refresh_rows()
        self.notify(f"Comparing with {name}" if name else "Comparison off", timeout=3)

    # ----------------------------------------------------------- editing

    def action_edit(self) -> None:
        link_index = self.current_link
        if link_index is None:
            return
        link = self.state.translation.links[link_index]
        if not link.tgt:
            self.notify("This link has no English sentence: move a boundary to give it one.",
                        severity="warning")
            return
        self.editor.start(link_index, [self.state.translation.segments[j] for j in link.tgt])
        self._show_hints(SegmentEditor.BINDINGS)

    def action_split(self) -> None:
        self.action_edit()
        if self.editor.display:
            self.notify("Put the cursor where the segment should split, then press Ctrl+B.",
                        timeout=5)

    def _close_editor(self) -> None:
        self.editor.display = False
        self.grid.focus()
        self._show_hints(self.BINDINGS)

    @on(SegmentEditor.Leave)
    def on_editor_leave(self) -> None:
        """Escape: leave at once when nothing was typed, otherwise ask what to do with
        the changes (Escape again keeps editing)."""
        editor = self.editor
        if not editor.modified:
            self._close_editor()
            return
        from workbench.tui.screens.dialogs import ChoiceDialog

        def chosen(choice: str | None) -> None:
            if choice == "save":
                self._save_and_close(editor.link_index, editor.lines())
            elif choice == "discard":
                self._close_editor()
                self.notify("Changes discarded.", timeout=3)
            else:
                editor.focus()

        self.app.push_screen(ChoiceDialog(
            f"Segment {editor.link_index + 1} has unsaved changes",
            [("save", "Save them"), ("discard", "Discard them"),
             ("keep", "Keep editing (Esc)")]), chosen)

    def _save_lines(self, link_index: int, lines: list[str]) -> bool:
        editor = self.editor
        link = self.state.translation.links[link_index]
        if len(lines) != len(link.tgt):
            self.notify("Keep one line per English segment (split with Ctrl+B).",
                        severity="error")
            return False
        name = self.state.translation_name
        changed = False
        for segment, original, line in zip(link.tgt, editor.original, lines, strict=True):
            text = line.strip()
            if text == original:
                continue
            try:
                self.state.store.edit_segment(name, segment, text, expect=original)
            except _STORE_ERRORS as exc:
                self.notify(str(exc), title="Not changed", severity="error")
                return False
            self.state.segment_saved(segment, text)
            changed = True
        if changed:
            self._refresh_link(link_index)
            self._recheck([link_index])
        return True

    def _refresh_link(self, link_index: int) -> None:
        """Redraw one link's row and the detail panel (its text changed, nothing else)."""
        if self.state.search is not None or self.state.row_filter is not RowFilter.ALL:
            self.state.reload_translation()
            self.refresh_rows(link_index)
            return
        self._known_revision = self.state.store.revision()
        position = self.state.row_position(link_index)
        self.grid.update_row(position, self.state.row(link_index))
        self.refresh_detail()

    @on(SegmentEditor.Save)
    def on_editor_save(self, event: SegmentEditor.Save) -> None:
        self._save_and_close(self.editor.link_index, event.lines)

    def _save_and_close(self, link_index: int, lines: list[str]) -> None:
        unchanged = lines == self.editor.original
        if self._save_lines(link_index, lines):
            self._close_editor()
            self.notify(f"Segment {link_index + 1}: nothing changed." if unchanged
                        else f"Segment {link_index + 1} saved (u undoes).", timeout=2)

    @on(SegmentEditor.Split)
    def on_editor_split(self, event: SegmentEditor.Split) -> None:
        link_index = self.editor.link_index
        if not self._save_lines(link_index, event.lines):
            return
        link = self.state.translation.links[link_index]
        segment = link.tgt[event.line]
        text = self.state.translation.segments[segment]
        line = event.lines[event.line]
        offset = event.offset - (len(line) - len(line.lstrip()))
        if self._change(
            lambda: self.state.store.split_segment(self.state.translation_name, segment, offset),
            ChangeScope.SEGMENTS, f"Split segment {segment + 1}.", link_index,
        ):
            self._close_editor()
        elif not 0 < offset < len(text):
            self.notify("Put the cursor inside the sentence to split it.", severity="warning")

    def action_merge(self) -> None:
        link_index = self.current_link
        if link_index is None:
            return
        link = self.state.translation.links[link_index]
        if not link.tgt or link.tgt[-1] + 1 >= len(self.state.translation.segments):
            self.notify("No following English segment to merge with.", severity="warning")
            return
        segment = link.tgt[-1]
        self._change(
            lambda: self.state.store.merge_segments(self.state.translation_name, segment),
            ChangeScope.SEGMENTS, f"Merged English segments {segment + 1} and {segment + 2}.",
            link_index,
        )

    def action_move_boundary(self, side: str, delta: int) -> None:
        link_index = self.current_link
        if link_index is None:
            return
        if side not in ("src", "tgt"):
            return
        store_side: str = side
        self._change(
            lambda: self.state.store.move_boundary(
                self.state.translation_name, link_index,
                "src" if store_side == "src" else "tgt", delta),
            ChangeScope.SEGMENTS, "Moved the link boundary.", link_index,
        )

    def action_confirm(self) -> None:
        link_index = self.current_link
        if link_index is None:
            return
        link = self.state.translation.links[link_index]
        if link.status is LinkStatus.AUTOMATIC:
            self._change(
                lambda: self.state.store.confirm_link(self.state.translation_name, link_index),
                ChangeScope.SEGMENTS, f"Link {link_index + 1} confirmed.", link_index,
            )
            self.grid.action_cursor_down()
        else:
            self.notify(f"Link {link_index + 1} is already {link.status.value}.", timeout=3)

    def action_set_status(self, value: str) -> None:
        link_index = self.current_link
        if link_index is None:
            return
        link = self.state.translation.links[link_index]
        if not link.tgt:
            self.notify("This link has no English segment to mark.", severity="warning")
            return
        status = SegmentStatus(value) if value else None
        self._change(
            lambda: self.state.store.set_status(self.state.translation_name, list(link.tgt),
                                                status),
            ChangeScope.SEGMENTS, f"Status: {value or 'none'}.", link_index,
        )

    def action_realign(self) -> None:
        self.notify("Re-aligning the unconfirmed links…", timeout=3)
        self._realign_worker(self.state.translation_name, self.current_link or 0)

    @work(thread=True, exclusive=True, group="realign", exit_on_error=False)
    def _realign_worker(self, translation_name: str, link_index: int) -> None:
        from workbench.core.align import align_sentences

        store = self.state.store
        source = store.source()
        translation = store.translation(translation_name)
        fixed = [link for link in translation.links if link.fixed]
        worker = get_current_worker()

        def progress(fraction: float) -> None:
            if not worker.is_cancelled:
                self.app.call_from_thread(self._realign_progress, fraction)

        links = align_sentences([s.text for s in source.sentences], translation.segments,
                                glossary=store.glossary(), fixed=fixed, progress=progress)
        if not worker.is_cancelled:
            self.app.call_from_thread(self._realign_done, translation_name, links, link_index)

    def _realign_progress(self, fraction: float) -> None:
        self.update_status()
        status = self.query_one("#status-line", StatusLine)
        status.set_text(f"Re-aligning the unconfirmed links… {fraction:.0%}")

    def _realign_done(self, translation_name: str, links: list[Link], link_index: int) -> None:
        self._change(
            lambda: self.state.store.set_links(translation_name, links,
                                               description="Re-align unconfirmed links"),
            ChangeScope.SEGMENTS, "Re-aligned the unconfirmed links.", link_index,
        )

    # ------------------------------------------------------ notes, terms

    def _current_src_index(self) -> int | None:
        link_index = self.current_link
        if link_index is None:
            return None
        link = self.state.translation.links[link_index]
        if link.src:
            return link.src[0]
        earlier = [i for other in self.state.translation.links[:link_index] for i in other.src]
        return earlier[-1] if earlier else 0

    def action_add_note(self) -> None:
        src_index = self._current_src_index()
        if src_index is None:
            return
        link_index = self.current_link

        def add(text: str | None) -> None:
            if text:
                self._change(
                    lambda: self.state.store.add_note(
                        src_index, text, translation=self.state.translation_name,
                        author=self.app_author()),
                    ChangeScope.ANNOTATIONS, "Note added.", link_index,
                )

        self.app.push_screen(NoteDialog(f"Note on Russian sentence {src_index + 1}"), add)

    def app_author(self) -> str:
        author = getattr(self.app, "author", "")
        return author if isinstance(author, str) else ""

    def _current_notes(self) -> list[int]:
        link_index = self.current_link
        if link_index is None:
            return []
        notes = self.state.link_notes(self.state.translation.links[link_index])
        return [note.id for note in notes if note.id is not None]

    def action_edit_note(self) -> None:
        ids = self._current_notes()
        if not ids:
            self.notify("No note on this segment (a adds one).", timeout=3)
            return
        note = self.state.store.note(ids[-1])
        link_index = self.current_link

        def edit(text: str | None) -> None:
            if text:
                self._change(lambda: self.state.store.update_note(ids[-1], text),
                             ChangeScope.ANNOTATIONS, "Note saved.", link_index)

        self.app.push_screen(NoteDialog("Edit note", note.text), edit)

    def action_delete_note(self) -> None:
        ids = self._current_notes()
        if not ids:
            self.notify("No note on this segment.", timeout=3)
            return
        self._change(lambda: self.state.store.delete_note(ids[-1]), ChangeScope.ANNOTATIONS,
                     "Note deleted (u to undo).", self.current_link)

    @on(SegmentEditor.AddTerm)
    def on_editor_add_term(self, event: SegmentEditor.AddTerm) -> None:
        self.action_add_term(event.english)

    def action_add_term(self, english: str = "") -> None:
        link_index = self.current_link
        if link_index is None:
            return
        link = self.state.translation.links[link_index]

        def add(entry: GlossaryEntry | None) -> None:
            if entry is not None:
                self._change(lambda: self.state.store.add_term(entry), ChangeScope.ANNOTATIONS,
                             f"Glossary term {entry.source} added.", link_index)

        draft = GlossaryEntry(source="", targets=(english,) if english else (),
                              status="proposed")
        self.app.push_screen(TermDialog("Add a glossary term", draft,
                                        russian=self.state.link_source_text(link)), add)

    # ------------------------------------------------------------- undo

    def action_undo(self) -> None:
        self._undo_redo(self.state.store.undo, "Undone", "Nothing to undo.")

    def action_redo(self) -> None:
        self._undo_redo(self.state.store.redo, "Redone", "Nothing to redo.")

    def _undo_redo(self, step: Callable[[], str | None], verb: str, nothing: str) -> None:
        link_index = self.current_link
        try:
            description = step()
        except _STORE_ERRORS as exc:
            self.notify(str(exc), title=f"Not {verb.lower()}", severity="error")
            return
        if description is None:
            self.notify(nothing, timeout=3)
            return
        self.reload(ChangeScope.EVERYTHING, link_index)
        self.notify(f"{verb}: {description}", timeout=3)

    # ---------------------------------------------------- other screens

    def action_glossary(self) -> None:
        from workbench.tui.screens.glossary import GlossaryScreen

        def back(changed: bool | None) -> None:
            if changed:
                self.reload(ChangeScope.EVERYTHING)

        self.app.push_screen(GlossaryScreen(self.state.store), back)

    def action_notes(self) -> None:
        from workbench.tui.screens.notes import NotesScreen

        def go(src_index: int | None) -> None:
            self.reload(ChangeScope.EVERYTHING)
            if src_index is not None:
                for position, link in enumerate(self.state.translation.links):
                    if src_index in link.src:
                        self.state.set_filter(RowFilter.ALL)
                        self.state.set_search(None)
                        self.refresh_rows(position)
                        break

        self.app.push_screen(NotesScreen(self.state.store, self.state.translation_name), go)

    def action_help(self) -> None:
        from workbench.tui.screens.help import HelpScreen

        self.app.push_screen(HelpScreen())

    def action_export(self) -> None:
        from workbench.tui.screens.dialogs import ChoiceDialog
        from workbench.tui.screens.jobs import JobScreen, export_choices, export_job

        def chosen(fmt: str | None) -> None:
            if fmt:
                self.app.push_screen(JobScreen(f"Exporting {fmt}…", self.state.store,
                                               export_job(fmt, None)))

        self.app.push_screen(ChoiceDialog("Export into exports/", export_choices()), chosen)

    def action_report(self) -> None:
        from workbench.tui.screens.jobs import JobScreen, report_job

        self.app.push_screen(JobScreen("Writing the quality report…", self.state.store,
                                       report_job(None)))

    async def action_quit(self) -> None:
        self.app.exit()
