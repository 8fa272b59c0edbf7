"""Pilot tests of the terminal UI: every binding and editing action, and that the
workspace on disk holds the result (the store is reopened to check)."""

from __future__ import annotations

import asyncio
import functools
import io
import threading
from collections.abc import AsyncIterator, Callable, Coroutine
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, ParamSpec

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.pilot import Pilot
from textual.widgets import Checkbox, DataTable, Input, Static, TextArea
from textual.widgets.text_area import Selection

from test_tui_workspace import CLOSE, build_small_workspace
from workbench.core.model import LinkStatus, SegmentStatus
from workbench.store import Store
from workbench.tui.app import WorkbenchApp
from workbench.tui.qa_run import QAResult, compute_qa
from workbench.tui.screens.dialogs import ChoiceDialog
from workbench.tui.screens.glossary import GlossaryScreen
from workbench.tui.screens.help import KEYS_WIDTH, HelpScreen, binding_sections, help_content
from workbench.tui.screens.main import MainScreen
from workbench.tui.screens.notes import NotesScreen
from workbench.tui.state import RowFilter, ViewPosition
from workbench.tui.widgets.detail_panel import DetailPanel

SIZE = (140, 45)
P = ParamSpec("P")


def synchronous(test: Callable[P, Coroutine[Any, Any, None]]) -> Callable[P, None]:
    """Run an async test body on a fresh event loop (no async test plugin needed)."""

    @functools.wraps(test)
    def run(*args: P.args, **kwargs: P.kwargs) -> None:
        asyncio.run(test(*args, **kwargs))

    return run


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    return build_small_workspace(tmp_path / "small.sqlite")


@asynccontextmanager
async def running(path: Path) -> AsyncIterator[tuple[WorkbenchApp, Pilot[int], MainScreen]]:
    app = WorkbenchApp(path, author="tester")
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        screen = app.screen
        assert isinstance(screen, MainScreen)
        yield app, pilot, screen


async def settle(app: WorkbenchApp, pilot: Pilot[int]) -> None:
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def reopen(path: Path) -> Store:
    return Store.open(path)


@synchronous
async def test_arrows_and_vim_keys_move_between_segments(workspace: Path) -> None:
    async with running(workspace) as (_app, pilot, screen):
        assert screen.grid.cursor == 0
        await pilot.press("down", "j")
        assert screen.grid.cursor == 2
        await pilot.press("up")
        assert screen.grid.cursor == 1
        await pilot.press("k")
        assert screen.grid.cursor == 0
        await pilot.press("end")
        assert screen.grid.cursor == 6
        await pilot.press("home")
        assert screen.grid.cursor == 0
        await pilot.press("G")
        assert screen.grid.cursor == 6
        await pilot.press("g")
        assert screen.grid.cursor == 0
        await pilot.press("pagedown")
        assert screen.grid.cursor > 0
        await pilot.press("pageup")
        assert screen.grid.cursor == 0


@synchronous
async def test_one_key_reaches_the_quotation_taken_from_english(workspace: Path) -> None:
    async with running(workspace) as (_app, pilot, screen):
        await pilot.press("quotation_mark")
        assert screen.current_link == 4
        body = screen.query_one(DetailPanel).text.plain
        assert "Quotation taken from English" in body
        assert "Trotsky Archive" in body


@synchronous
async def test_next_flagged_visits_qa_findings_low_confidence_and_quotation(
    workspace: Path,
) -> None:
    async with running(workspace) as (_app, pilot, screen):
        visited = []
        for _ in range(3):
            await pilot.press("n")
            visited.append(screen.current_link)
        assert visited == [1, 3, 4]
        await pilot.press("N")
        assert screen.current_link == 3


@synchronous
async def test_edit_save_undo_redo_reach_the_database(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("enter")
        editor = screen.editor
        assert editor.has_focus and editor.text == CLOSE[0]
        editor.select_all()
        await pilot.press(*"Bukharin [sic] broke with Stalin.")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not editor.display
        assert screen.grid.rows[0].columns[1] == "Bukharin [sic] broke with Stalin."
        with reopen(workspace) as store:
            assert store.segment_text("close", 0) == "Bukharin [sic] broke with Stalin."
        await pilot.press("u")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.segment_text("close", 0) == CLOSE[0]
        await pilot.press("ctrl+y")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.segment_text("close", 0) == "Bukharin [sic] broke with Stalin."
        await pilot.press("ctrl+z")
        await pilot.press("r")
        await settle(app, pilot)
        assert screen.grid.rows[0].columns[1] == "Bukharin [sic] broke with Stalin."


@synchronous
async def test_escape_leaves_the_editor_and_asks_before_dropping_typed_text(
    workspace: Path,
) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("enter", "escape")
        assert not screen.editor.display and screen.grid.has_focus
        await pilot.press("enter", "x", "y", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and screen.editor.has_focus
        assert screen.editor.text.startswith("xy")
        await pilot.press("escape")
        await pilot.pause()
        await pilot.click("#choice-discard")
        await pilot.pause()
        assert not screen.editor.display
        with reopen(workspace) as store:
            assert store.segment_text("close", 0) == CLOSE[0]
        await pilot.press("enter", "z", "escape")
        await pilot.pause()
        await pilot.click("#choice-save")
        await settle(app, pilot)
        assert not screen.editor.display
        with reopen(workspace) as store:
            assert store.segment_text("close", 0) == "z" + CLOSE[0]


@synchronous
async def test_split_at_cursor_and_merge_with_next(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("end", "s")
        offset = CLOSE[6].index("much")
        screen.editor.move_cursor((0, offset))
        await pilot.press("ctrl+b")
        await settle(app, pilot)
        with reopen(workspace) as store:
            translation = store.translation("close")
        assert translation.segments[-2:] == ["That would be", "much better."]
        assert translation.links[-1].kind == "1-2"
        await pilot.press("k", "m")
        await settle(app, pilot)
        with reopen(workspace) as store:
            merged = store.translation("close")
        assert len(merged.segments) == len(CLOSE)
        assert merged.links[-1].kind == "3-2"
        await pilot.press("u", "u")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.translation("close").segments == CLOSE


@synchronous
async def test_move_boundaries_and_confirm(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("j", "j", "j", "j")
        assert screen.current_link == 4
        await pilot.press("right_square_bracket")
        await settle(app, pilot)
        with reopen(workspace) as store:
            links = store.translation("close").links
        assert links[4].tgt == (4, 5) and links[4].status is LinkStatus.MANUAL
        await pilot.press("left_square_bracket")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.translation("close").links[4].tgt == (4,)
        await pilot.press("left_curly_bracket")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.translation("close").links[5].src == (4, 5, 6)
        await pilot.press("u", "right_curly_bracket")
        await settle(app, pilot)
        with reopen(workspace) as store:
            links = store.translation("close").links
        assert links[4].src == (4, 5) and links[5].src == (6,)
        assert screen.grid.rows[4].kind == "2-1"
        await pilot.press("u", "u", "u", "home", "c")
        await settle(app, pilot)
        with reopen(workspace) as store:
            links = store.translation("close").links
        assert links[0].status is LinkStatus.CONFIRMED
        assert links[4].status is LinkStatus.AUTOMATIC
        assert screen.grid.rows[0].confirmed


@synchronous
async def test_statuses(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, _screen):
        await pilot.press("2")
        await pilot.press("j", "3")
        await pilot.press("j", "1")
        await pilot.press("0")
        await settle(app, pilot)
        with reopen(workspace) as store:
            statuses = store.translation("close").statuses
        assert statuses == {0: SegmentStatus.TRANSLATED, 1: SegmentStatus.REVIEWED}


@synchronous
async def test_add_edit_delete_note_with_undo(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("j", "a")
        await pilot.press(*"Sokolnikov [sic]: check spelling")
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        with reopen(workspace) as store:
            notes = store.notes(1)
        assert [n.text for n in notes] == ["Sokolnikov [sic]: check spelling"]
        assert notes[0].author == "tester" and notes[0].translation == "close"
        assert screen.grid.rows[1].note
        await pilot.press("e")
        area = app.screen.query_one("#note-text", TextArea)
        area.select_all()
        await pilot.press(*"Spelling checked", "ctrl+s")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert [n.text for n in store.notes(1)] == ["Spelling checked"]
        await pilot.press("x")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.notes(1) == []
        await pilot.press("u")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert [n.text for n in store.notes(1)] == ["Spelling checked"]


@synchronous
async def test_add_glossary_term_prefilled_from_selected_words(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("j", "enter")
        start = CLOSE[1].index("Sokolnikov")
        screen.editor.selection = Selection((0, start), (0, start + len("Sokolnikov")))
        await pilot.press("ctrl+t")
        await pilot.pause()
        assert app.screen.query_one("#term-targets", Input).value == "Sokolnikov"
        sentence = app.screen.query_one("#term-sentence", TextArea)
        begin = sentence.text.index("Сокольникова")
        sentence.selection = Selection((0, begin), (0, begin + len("Сокольникова")))
        await pilot.pause()
        assert app.screen.query_one("#term-source", Input).value == "Сокольникова"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        with reopen(workspace) as store:
            terms = {e.source: e for e in store.glossary()}
        assert terms["Сокольникова"].targets == ("Sokolnikov",)
        assert terms["Сокольникова"].status == "proposed"
        await pilot.press("escape", "u")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert "Сокольникова" not in {e.source for e in store.glossary()}
        await pilot.press("plus")
        assert app.screen.query_one("#term-targets", Input).value == ""
        app.screen.query_one("#term-source", Input).value = "нэп"
        await pilot.press("escape")
        assert app.screen is screen
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert "нэп" not in {e.source for e in store.glossary()}


@synchronous
async def test_escape_leaves_the_note_dialog_without_saving(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("j", "a", *"not to be kept", "escape")
        assert app.screen is screen
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.notes(1) == []


@synchronous
async def test_jump_search_and_filters(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("colon", "6", "enter")
        assert screen.current_link == 5
        await pilot.press("ctrl+g", "9", "enter")
        assert "Enter a number" in str(app.screen.query_one("#jump-error").render())
        await pilot.press("escape")
        await pilot.press("slash", *"stalin", "enter")
        assert screen.state.visible == [0, 4]
        await pilot.press("escape")
        assert len(screen.state.visible) == 7
        await pilot.press("slash")
        app.screen.query_one("#search-regex").toggle()  # type: ignore[attr-defined]
        await pilot.press(*r"1\d July", "enter")
        assert screen.state.visible == [2]
        await pilot.press("escape", "f")
        assert screen.state.row_filter is RowFilter.FLAGGED
        assert screen.state.visible == [1, 3, 4]
        await pilot.press("f")
        assert screen.state.row_filter is RowFilter.UNCONFIRMED
        await pilot.press("f")
        assert screen.state.visible == [0]
        await pilot.press("f")
        assert screen.state.row_filter is RowFilter.ALL


@synchronous
async def test_search_dialog_enter_searches_from_the_checkbox_and_space_ticks_it(
    workspace: Path,
) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("slash", *r"1\d July", "tab")
        checkbox = app.screen.query_one("#search-regex", Checkbox)
        assert checkbox.has_focus and not checkbox.value
        await pilot.press("space")
        assert checkbox.value
        await pilot.press("enter")
        assert app.screen is screen
        assert screen.state.search is not None and screen.state.search.regex
        assert screen.state.visible == [2]
        await pilot.press("slash", "tab", "space", "enter")
        assert screen.state.search is not None and not screen.state.search.regex
        assert screen.state.visible == []


@synchronous
async def test_switch_translation_and_compare(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("t")
        await settle(app, pilot)
        assert screen.state.translation_name == "free"
        assert len(screen.grid.rows) == 8
        await pilot.press("t", "v")
        assert screen.state.compare_name == "free"
        assert len(screen.grid.rows[0].columns) == 3
        await pilot.press("v")
        assert len(screen.grid.rows[0].columns) == 2


@synchronous
async def test_help_lists_every_main_binding(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, _screen):
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        shown = app.screen.query_one("#help-text", Static).content
        text = " ".join(plain_lines(shown, 400))
        for binding in MainScreen.BINDINGS:
            assert isinstance(binding, Binding)
            assert (binding.tooltip or binding.description) in text
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


def plain_lines(renderable: Any, width: int) -> list[str]:
    console = Console(width=width, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text().splitlines()


def test_help_descriptions_wrap_under_their_own_column() -> None:
    keys = {k for _title, rows in binding_sections() for k, _description in rows}
    indent = 2 + KEYS_WIDTH + 2
    lines = plain_lines(help_content(), 70)
    continued = 0
    for line in lines:
        if not line.startswith("  "):
            continue  # a section title or a blank line
        if line.startswith(" " * indent):
            continued += 1
        else:
            assert line[2:indent].strip() in keys | {"Badges in the grid", "Tab"}, line
    assert continued > 10


@synchronous
async def test_command_palette_runs_an_action(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, _screen):
        await pilot.press("ctrl+p")
        await pilot.press(*"Confirm link")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.translation("close").links[0].status is LinkStatus.CONFIRMED
        cursor = app.screen.grid.cursor  # type: ignore[attr-defined]
        await pilot.press("ctrl+p", *"Next segment")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await settle(app, pilot)
        assert app.screen.grid.cursor == cursor + 1  # type: ignore[attr-defined]


@synchronous
async def test_glossary_screen_filter_add_remove(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, _screen):
        await pilot.press("f2")
        assert isinstance(app.screen, GlossaryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        await pilot.press("slash", *"plen")
        assert table.row_count == 1
        await pilot.press("enter", "enter")
        assert app.screen.query_one("#term-source", Input).value == "пленум"
        await pilot.press("escape")
        await pilot.press("x")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert [e.source for e in store.glossary()] == ["ЦК"]
        await pilot.press("u")
        await settle(app, pilot)
        assert table.row_count == 1  # the filter "plen" still applies
        await pilot.press("r")
        await settle(app, pilot)
        assert table.row_count == 0
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        assert table.row_count == 1
        table.focus()
        await pilot.press("delete")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert [e.source for e in store.glossary()] == ["ЦК"]
        await pilot.press("ctrl+z", "ctrl+y", "u")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert {e.source for e in store.glossary()} == {"пленум", "ЦК"}
        await pilot.press("a")
        app.screen.query_one("#term-source", Input).value = "нэп"
        app.screen.query_one("#term-targets", Input).value = "NEP"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert {e.source for e in store.glossary()} == {"нэп", "пленум", "ЦК"}
        await pilot.press("escape")
        assert isinstance(app.screen, MainScreen)


@synchronous
async def test_notes_screen_edit_and_go(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("end", "f3")
        assert isinstance(app.screen, NotesScreen)
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("enter")
        area = app.screen.query_one("#note-text", TextArea)
        area.select_all()
        await pilot.press(*"Plenum of July 1928", "ctrl+s")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.notes(0)[0].text == "Plenum of July 1928"
        await pilot.press("x")
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 0
        await pilot.press("u")
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 1
        await pilot.press("r")
        await settle(app, pilot)
        assert app.screen.query_one(DataTable).row_count == 0
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        app.screen.query_one(DataTable).focus()
        await pilot.press("delete")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.notes(0) == []
        await pilot.press("ctrl+z", "ctrl+y")
        await settle(app, pilot)
        with reopen(workspace) as store:
            assert store.notes(0) == []
        await pilot.press("ctrl+z")
        await settle(app, pilot)
        await pilot.press("slash", *"nothing like it")
        assert app.screen.query_one(DataTable).row_count == 0
        await pilot.press(*["backspace"] * len("nothing like it"), *"1928")
        assert app.screen.query_one(DataTable).row_count == 1
        app.screen.query_one(DataTable).focus()
        await pilot.press("g")
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert screen.current_link == 0


@synchronous
async def test_realign_keeps_confirmed_links(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, _screen):
        await pilot.press("c")
        await settle(app, pilot)
        await pilot.press("A")
        await settle(app, pilot)
        with reopen(workspace) as store:
            links = store.translation("close").links
            assert links[0].status is LinkStatus.CONFIRMED
            assert store.undo_description() is not None


@synchronous
async def test_report_is_written_from_the_ui(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with running(workspace) as (app, pilot, _screen):
        await pilot.press("f6")
        await settle(app, pilot)
        await settle(app, pilot)
    assert (tmp_path / "exports" / "report.html").exists()


@synchronous
async def test_export_is_written_from_the_ui(
    workspace: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    async with running(workspace) as (app, pilot, _screen):
        await pilot.press("f5")
        await pilot.click("#choice-tmx")
        await settle(app, pilot)
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
    assert (tmp_path / "exports" / "close.tmx").exists()
    assert (tmp_path / "exports" / "free.tmx").exists()


@synchronous
async def test_q_quits(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, _screen):
        await pilot.press("q")
        await pilot.pause()
        assert not app.is_running


@synchronous
async def test_reopening_starts_where_the_translator_left(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        assert screen.current_link == 0
        await pilot.press("t")
        await settle(app, pilot)
        await pilot.press("j", "j", "j", "j", "j", "q")
        await pilot.pause()
    with reopen(workspace) as store:
        assert ViewPosition.saved(store) == ViewPosition("free", 5)
    async with running(workspace) as (app, pilot, screen):
        assert screen.state.translation_name == "free"
        assert screen.current_link == 5 and screen.grid.cursor == 5
        await pilot.press("k")
        assert screen.current_link == 4


@synchronous
async def test_a_saved_position_beyond_the_translation_or_unreadable_is_harmless(
    workspace: Path,
) -> None:
    with reopen(workspace) as store:
        ViewPosition("gone", 999).save(store)
    async with running(workspace) as (_app, _pilot, screen):
        assert screen.state.translation_name == "close"
        assert screen.current_link == len(screen.state.translation.links) - 1
    with reopen(workspace) as store:
        store.set_view_setting(ViewPosition.SETTING, "not json")
        assert ViewPosition.saved(store) is None
    async with running(workspace) as (_app, _pilot, screen):
        assert screen.current_link == 0


@synchronous
async def test_first_start_builds_the_workspace_with_progress(tmp_path: Path) -> None:
    target = tmp_path / "home" / "first.sqlite"
    reports: list[tuple[str, int, int]] = []

    def build(path: Path, progress: Callable[[str, int, int], None]) -> None:
        progress("copying", 0, 2)
        reports.append(("copying", 0, 2))
        path.parent.mkdir(parents=True)
        build_small_workspace(path)
        progress("done", 2, 2)
        reports.append(("done", 2, 2))

    app = WorkbenchApp(target, build=build)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        await settle(app, pilot)
        assert isinstance(app.screen, MainScreen)
        assert len(app.screen.grid.rows) == 7
    assert reports[-1] == ("done", 2, 2)
    assert target.exists()


@synchronous
async def test_an_edit_made_while_qa_runs_survives_the_qa_result(
    workspace: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    """QA works on a snapshot taken before the edit; its result must not bring the
    edited link's old findings back."""
    release = threading.Event()

    def held_back(*args: Any, **kwargs: Any) -> QAResult | None:
        release.wait(10)
        return compute_qa(*args, **kwargs)

    monkeypatch.setattr("workbench.tui.screens.main.compute_qa", held_back)
    app = WorkbenchApp(workspace)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, MainScreen) and screen.qa_running
        await pilot.press("j", "enter")
        screen.editor.load_text(CLOSE[1].replace("the CC", "the Central Committee"))
        await pilot.press("ctrl+s")
        for _ in range(50):
            await pilot.pause(0.02)
            if 1 in screen.state._findings_by_link or not screen._latest_recheck:
                break
        release.set()
        await settle(app, pilot)
        assert not screen.qa_running
        assert screen.state.findings  # the full result was published
        assert not any(f.check == "glossary-forbidden" for f in screen.state.link_findings(1))
        assert not screen.grid.rows[1].finding


@synchronous
async def test_an_edit_rechecks_its_link_at_once(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        assert screen.grid.rows[1].finding  # "CC" is a forbidden rendering of ЦК
        await pilot.press("j", "enter")
        screen.editor.load_text(CLOSE[1].replace("the CC", "the Central Committee"))
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        assert not screen.grid.rows[1].finding
        assert "glossary-forbidden" not in screen.query_one(DetailPanel).text.plain


@synchronous
async def test_a_translators_session_on_the_seed_survives_reopening(tmp_path: Path) -> None:
    """The issue's scenario: reach the flagged quotation with one key, edit a sentence,
    add a note and a glossary term, undo the term, quit, reopen: all as left."""
    from workbench.workspace import build_seed_workspace

    path = build_seed_workspace(tmp_path / "seed.workbench.sqlite")
    with Store.open(path) as store:
        assert "подвох" not in {e.source for e in store.glossary()}
    async with running(path) as (app, pilot, screen):
        await pilot.press("n")
        detail = screen.query_one(DetailPanel).text.plain
        assert "Quotation taken from English" in detail
        assert "Source to consult" in detail
        link_index = screen.current_link
        assert link_index is not None
        segment = screen.state.translation.links[link_index].tgt[0]
        await pilot.press("enter")
        screen.editor.load_text("Bukharin told Kamenev [sic] about Stalin:")
        await pilot.press("ctrl+s")
        await pilot.press("a", *"Quote from Daniels, p. 308", "ctrl+s")
        await pilot.press("plus")
        app.screen.query_one("#term-source", Input).value = "подвох"
        app.screen.query_one("#term-targets", Input).value = "dirty trick"
        await pilot.press("ctrl+s")
        await settle(app, pilot)
        await pilot.press("u", "q")
    app = WorkbenchApp(path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(app, pilot)
        reopened = app.screen
        assert isinstance(reopened, MainScreen)
        assert reopened.state.translation.segments[segment] == (
            "Bukharin told Kamenev [sic] about Stalin:")
        notes = [n.text for n in reopened.state.notes]
        assert "Quote from Daniels, p. 308" in notes
        assert "подвох" not in {e.source for e in reopened.state.glossary}
        row = reopened.grid.rows[link_index]
        assert row.columns[1].startswith("Bukharin told Kamenev [sic]")


def test_open_a_missing_workspace_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from workbench.cli import main

    missing = tmp_path / "nothing.sqlite"
    assert main(["open", str(missing)]) == 2
    error = capsys.readouterr().err
    assert str(missing) in error and error.count("\n") == 1
    assert main(["--workspace", str(missing)]) == 2


@synchronous
async def test_a_change_from_another_window_is_reloaded(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        with reopen(workspace) as other:
            other.edit_segment("close", 2, "It happened on 11 July [sic].")
        await pilot.pause(MainScreen.REVISION_POLL + 0.5)
        await settle(app, pilot)
        assert screen.grid.rows[2].columns[1] == "It happened on 11 July [sic]."


@synchronous
async def test_term_dialog_takes_typing_at_once_and_says_what_is_missing(workspace: Path) -> None:
    async with running(workspace) as (app, pilot, screen):
        await pilot.press("plus")
        await pilot.pause()
        await pilot.press(*"нэп")
        assert app.screen.query_one("#term-source", Input).value == "нэп"
        await pilot.press("ctrl+s")  # no English yet: refused, and the cursor goes there
        await pilot.pause()
        assert app.screen is not screen
        assert app.focused is app.screen.query_one("#term-targets", Input)
        await pilot.press(*"NEP", "ctrl+s")
        await settle(app, pilot)
        assert app.screen is screen
        with reopen(workspace) as store:
            assert {e.source: e.targets for e in store.glossary()}["нэп"] == ("NEP",)
