"""QA as the UI runs it: chunked on a snapshot, published as one indexed result."""

from __future__ import annotations

from pathlib import Path

from test_tui_workspace import build_small_workspace
from workbench.core.qa import run_checks
from workbench.store import Store
from workbench.tui.qa_run import LOCAL_CHECKS, compute_qa, recheck_links
from workbench.tui.state import WorkbenchState


def snapshot_of(path: Path) -> tuple[Store, WorkbenchState]:
    store = Store.open(path)
    return store, WorkbenchState(store)


def test_chunked_run_equals_one_run_over_the_whole_translation(tmp_path: Path) -> None:
    store, state = snapshot_of(build_small_workspace(tmp_path / "w.sqlite"))
    with store:
        snapshot = state.qa_snapshot()
        whole = run_checks(snapshot.sentences, snapshot.segments, snapshot.links,
                           snapshot.glossary, snapshot.quotations)
        assert {f.check for f in whole} >= {"glossary-forbidden", "quotation-via-english"}
        for chunk in (1, 2, 3, 100):
            result = compute_qa(snapshot, chunk=chunk)
            assert result is not None
            assert result.findings == whole


def test_result_is_indexed_by_link_and_marks_only_warnings(tmp_path: Path) -> None:
    store, state = snapshot_of(build_small_workspace(tmp_path / "w.sqlite"))
    with store:
        result = compute_qa(state.qa_snapshot())
        assert result is not None
        # link 1 uses the forbidden "CC"; link 4 holds the quotation (information only)
        assert any(f.check == "glossary-forbidden" for f in result.by_link[1])
        assert 1 in result.warned
        assert [f.check for f in result.by_link[4]] == ["quotation-via-english"]
        assert 4 not in result.warned
        changed = state.set_findings(result)
        assert 1 in changed and state.has_qa_warning(1) and not state.has_qa_warning(4)
        assert state.set_findings(result) == set()


def test_a_cancelled_run_stops_without_a_result(tmp_path: Path) -> None:
    store, state = snapshot_of(build_small_workspace(tmp_path / "w.sqlite"))
    with store:
        looks: list[int] = []

        def cancelled() -> bool:
            looks.append(1)
            return len(looks) > 2

        assert compute_qa(state.qa_snapshot(), cancelled, chunk=1) is None
        assert len(looks) == 3


def test_recheck_of_one_link_equals_its_local_findings_in_a_full_run(tmp_path: Path) -> None:
    store, state = snapshot_of(build_small_workspace(tmp_path / "w.sqlite"))
    with store:
        snapshot = state.qa_snapshot()
        whole = run_checks(snapshot.sentences, snapshot.segments, snapshot.links,
                           snapshot.glossary, snapshot.quotations, checks=LOCAL_CHECKS)
        fresh = recheck_links(snapshot, range(len(snapshot.links)))
        for position, link in enumerate(snapshot.links):
            expected = [f for f in whole if (f.src, f.tgt) == (link.src, link.tgt)]
            assert fresh[position] == expected
        assert any(fresh.values())
