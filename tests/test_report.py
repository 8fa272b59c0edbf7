"""The alignment quality report: content, self-containment, and a real browser rendering it."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from workbench.core.model import (
    Document,
    Finding,
    Link,
    LinkStatus,
    ProjectSnapshot,
    Provenance,
    QuotationSpan,
    Severity,
    Span,
    Translation,
)
from workbench.core.scoring import compare_translations, comparison_units
from workbench.report import build_report, render_html, render_json, render_markdown, write_reports
from workbench.report.svg import alignment_path_svg, histogram_svg

RU = ["Первое предложение.", "Второе [sic] предложение.", "Третье.", "Четвёртое."]


def _doc(name: str, lang: str, sentences: list[str]) -> Document:
    text, spans, pos = "", [], 0
    for s in sentences:
        spans.append(Span(pos, pos + len(s), s))
        text += s + " "
        pos += len(s) + 1
    return Document(name=name, lang=lang, text=text, sentences=spans)


def snapshot() -> ProjectSnapshot:
    close = ["The first sentence.", "The second [sic] sentence.", "The third.", "The fourth."]
    free = ["First and second <b>together</b>.", "Third.", "An added line.", "Fourth."]
    return ProjectSnapshot(
        name="demo",
        source=_doc("seed", "ru", RU),
        translations=[
            Translation(
                "close",
                _doc("close", "en", close),
                close,
                [Link((i,), (i,), 0.9, LinkStatus.CONFIRMED) for i in range(4)],
            ),
            Translation(
                "free",
                _doc("free", "en", free),
                free,
                [
                    Link((0, 1), (0,), 0.8),
                    Link((2,), (1,), 0.3),
                    Link((), (2,), 0.2),
                    Link((3,), (3,), 0.95),
                ],
            ),
        ],
        quotations=[
            QuotationSpan(
                start=0,
                end=len(RU[0]) + 1 + len(RU[1]),
                text="…",
                provenance=Provenance.VIA_ENGLISH,
                confidence=0.9,
                citation="A Documentary History, p. 1",
                evidence=("Latin-script title",),
                advice="Take the English wording from A Documentary History, p. 1",
            )
        ],
    )


FINDINGS = {
    "free": [Finding("number-mismatch", (2,), (1,), Severity.ERROR, "1928 missing <here>")],
    "close": [],
}


def test_units_never_cut_through_a_link_of_either_translation() -> None:
    snap = snapshot()
    close, free = snap.translations
    units = comparison_units(4, (close.segments, close.links), (free.segments, free.links))
    assert [u.src for u in units] == [(0, 1), (2,), (3,)]
    assert units[0].reference == "The first sentence. The second [sic] sentence."
    # the added English line (0-1) belongs with the sentence before it
    assert units[1].hypothesis == "Third. An added line."


def test_identical_translations_score_perfectly_and_divergent_ones_do_not() -> None:
    snap = snapshot()
    close = snap.translations[0]
    same = compare_translations(
        comparison_units(4, (close.segments, close.links), (close.segments, close.links)),
        reference_name="close",
        hypothesis_name="close",
    )
    assert same.chrf == pytest.approx(100.0) and same.ter == pytest.approx(0.0)
    report = build_report(snap, FINDINGS)
    comparison = report.comparisons[0]
    assert comparison.chrf < 80
    assert comparison.signatures["BLEU"].startswith("nrefs:1|")
    assert comparison.most_divergent(1)[0].chrf == min(u.chrf for u in comparison.units)


def test_json_report_has_every_section_with_figures() -> None:
    data = json.loads(render_json(build_report(snapshot(), FINDINGS)))
    free = data["translations"][1]
    assert free["link_types"] == {"0-1": 1, "1-1": 2, "2-1": 1}
    assert free["score"]["suspect_count"] == 2
    assert sum(b["count"] for b in free["score"]["histogram"]) == 4
    assert free["lowest_links"][0]["type"] == "0-1"
    assert free["qa"]["number-mismatch"][0]["severity"] == "error"
    assert free["qa_by_severity"] == {"error": 1, "warning": 0, "info": 0}
    assert data["quotations_via_english"][0]["sentences"] == [0, 1]
    assert set(data["comparisons"][0]["whole_text"]) == {"chrF", "BLEU", "TER"}


def test_markdown_and_html_escape_corpus_text() -> None:
    report = build_report(snapshot(), FINDINGS)
    md = render_markdown(report)
    assert "| 2-1 | 1 |" in md and "[sic]" in md
    page = render_html(report)
    assert "<b>together</b>" not in page and "&lt;b&gt;together&lt;/b&gt;" in page
    assert "&lt;here&gt;" in page
    assert "http://" not in page.replace('xmlns="http://www.w3.org/2000/svg"', "")
    assert "<script" not in page


def test_summary_comes_first_with_counts_per_translation() -> None:
    report = build_report(snapshot(), FINDINGS)
    md = render_markdown(report)
    summary = md.split("## Summary", 1)[1].split("## Translation", 1)[0]
    assert "| close | 4 | 0 | 0.90 | 0 | 0 | 0 | 0 |" in summary
    assert "| free | 4 | 2 | 0.56 | 2 | 1 | 0 | 0 |" in summary
    page = render_html(report)
    assert page.index('id="summary"') < page.index('id="t-close"')
    assert 'href="#lowest-free">2</a>' in page and 'id="lowest-free"' in page
    assert 'href="#qa-free">1</a>' in page and 'id="qa-free"' in page


def test_lowest_links_show_sentence_numbers_linked_to_the_compared_segment() -> None:
    page = render_html(build_report(snapshot(), FINDINGS))
    lowest = page.split('id="lowest-free"', 1)[1].split("</table>", 1)[0]
    # the 1-1 link of Russian sentence 3 (score 0.3) jumps to the row of sentence 3
    assert '<a href="#cmp-1-ru-3">3</a>' in lowest
    assert 'id="cmp-1-ru-3"' in page
    # an English line without Russian has no segment to jump to
    assert '<td class="num">—</td>' in lowest


def test_groups_of_notices_start_folded_and_errors_open() -> None:
    findings = {**FINDINGS, "close": [Finding("quotation-via-english", (0,), (0,),
                                              Severity.INFO, "take the English wording")]}
    page = render_html(build_report(snapshot(), findings))
    assert "<details><summary><code>quotation-via-english</code>" in page
    assert "<details open><summary><code>number-mismatch</code>" in page


def test_checks_with_errors_come_first_then_warnings_then_notices() -> None:
    findings = {"close": [
        Finding("a-notice", (0,), (0,), Severity.INFO, "n"),
        Finding("b-warning", (1,), (1,), Severity.WARNING, "w"),
        Finding("c-warning", (2,), (2,), Severity.WARNING, "w"),
        Finding("z-mixed", (3,), (3,), Severity.INFO, "n"),
        Finding("z-mixed", (3,), (3,), Severity.ERROR, "e"),
    ], "free": []}
    close = build_report(snapshot(), findings).translations[0]
    assert list(close.findings) == ["z-mixed", "b-warning", "c-warning", "a-notice"]


def test_quotations_inside_a_quotation_from_english_are_counted_not_listed_again() -> None:
    snap = snapshot()
    outer = snap.quotations[0]
    inner = QuotationSpan(start=outer.start + 2, end=outer.start + 8, text="…",
                          provenance=Provenance.VIA_ENGLISH, confidence=0.95,
                          evidence=("nested in a quotation judged via-english",))
    snap.quotations.append(inner)
    report = build_report(snap, FINDINGS)
    assert [(q.quotation, q.nested) for q in report.quotations] == [(outer, 1)]
    assert "Sentences 1–2 (confidence 0.90; 1 quotation inside it)" in render_markdown(report)
    assert json.loads(render_json(report))["quotations_via_english"][0]["nested_quotations"] == 1


def test_svg_plots_are_well_formed_xml_with_one_mark_per_link() -> None:
    links = snapshot().translations[1].links
    path = etree.fromstring(alignment_path_svg(links, 4, 4, title="t").encode())
    marks = path.findall("{http://www.w3.org/2000/svg}rect")
    assert len(marks) == 1 + len(links)  # the frame plus one per link
    tips = [m.findtext("{http://www.w3.org/2000/svg}title") for m in marks[1:]]
    assert tips[0] == "link 1: RU 1–2, EN 1 (2-1), score 0.80"
    assert tips[2] == "link 3: RU —, EN 3 (0-1), score 0.20"
    hist = etree.fromstring(histogram_svg([0, 1, 2], title="h").encode())
    assert len(hist.findall("{http://www.w3.org/2000/svg}rect")) == 3


def test_write_reports_writes_three_files(tmp_path: Path) -> None:
    paths = write_reports(snapshot(), tmp_path, FINDINGS)
    assert sorted(p.name for p in paths) == ["report.html", "report.json", "report.md"]
    assert not list(tmp_path.glob("*.tmp"))


@pytest.mark.skipif(shutil.which("chromium") is None, reason="chromium is not installed")
@pytest.mark.parametrize("out", ["a-file", "a-file/below"])
def test_report_into_a_file_or_below_one_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], out: str
) -> None:
    from workbench.cli import main
    from workbench.store import Store

    workspace = tmp_path / "w.sqlite"
    with Store.create(workspace) as store:
        store.load_snapshot(snapshot())
    (tmp_path / "a-file").write_text("kept", encoding="utf-8")
    target = tmp_path / out
    assert main(["--workspace", str(workspace), "report", "--out", str(target)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(target) in err
    assert (tmp_path / "a-file").read_text(encoding="utf-8") == "kept"


def test_report_command_takes_the_workspace_after_the_command(tmp_path: Path) -> None:
    from workbench.cli import main
    from workbench.store import Store

    workspace = tmp_path / "w.sqlite"
    with Store.create(workspace) as store:
        store.load_snapshot(snapshot())
    out = tmp_path / "out"
    assert main(["report", "--workspace", str(workspace), "--out", str(out)]) == 0
    assert sorted(p.name for p in out.iterdir()) == ["report.html", "report.json", "report.md"]


def test_chromium_renders_the_html_report(tmp_path: Path) -> None:
    write_reports(snapshot(), tmp_path, FINDINGS)
    shot = tmp_path / "shot.png"
    proc = subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            f"--user-data-dir={tmp_path / 'profile'}",
            "--window-size=1200,1600",
            f"--screenshot={shot}",
            (tmp_path / "report.html").as_uri(),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-500:]
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG") and len(data) > 10_000
