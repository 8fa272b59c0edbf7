"""The detail panel: everything known about the current segment, in full.

Built from rich ``Text`` appended piece by piece, so text from the corpus, notes
and glossary is never read as markup.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.scroll_view import ScrollView
from textual.strip import Strip

from workbench.core.model import Provenance, Severity
from workbench.tui.state import LinkDetail

_SEVERITY_STYLES = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


QUOTATION_EXCERPT = 300


def _excerpt(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _heading(text: Text, title: str) -> None:
    text.append("\n" + title + "\n", style="bold underline")


def render_detail(detail: LinkDetail | None, translation_name: str) -> Text:
    """The panel's text for one link (or a hint when nothing is selected)."""
    text = Text()
    if detail is None:
        text.append("No segment selected.", style="italic")
        return text
    link = detail.link
    text.append(f"Link {detail.link_index + 1}", style="bold")
    text.append(f"  type {link.kind}  score {link.score:.2f}")
    if detail.low_confidence:
        text.append("  LOW CONFIDENCE", style="bold yellow")
    text.append(f"  {link.status.value}", style="green" if link.fixed else "")
    statuses = sorted({s.value for s in detail.statuses if s is not None})
    text.append("  status " + ("/".join(statuses) if statuses else "none"))
    _heading(text, "Russian")
    text.append(detail.source_text or "(no Russian sentence: a 0-1 link)")
    _heading(text, f"English: {translation_name}")
    if detail.target_segments:
        for number, segment in enumerate(detail.target_segments, start=1):
            if len(detail.target_segments) > 1:
                text.append(f"[{number}] ", style="dim")
            text.append(segment + "\n")
        text.rstrip()
    else:
        text.append("(no English sentence: a 1-0 link)")
    if detail.compare_name is not None:
        _heading(text, f"English: {detail.compare_name}")
        text.append(detail.compare_text or "(nothing here)")
    if detail.notes:
        _heading(text, "Notes")
        for note in detail.notes:
            who = ", ".join(part for part in (note.author, note.created[:10]) if part)
            if who:
                text.append(f"[{who}] ", style="dim")
            text.append(note.text + "\n")
        text.rstrip()
    via_english = [q for q in detail.quotations if q.provenance is Provenance.VIA_ENGLISH]
    for quotation in via_english:
        _heading(text, "Quotation taken from English: quote the English source, "
                 "do not translate the Russian back")
        if quotation.citation:
            text.append("Source to consult: ", style="bold")
            text.append(quotation.citation + "\n")
        if quotation.advice:
            text.append("Advice: ", style="bold")
            text.append(quotation.advice + "\n")
        text.append(f"Why flagged (confidence {quotation.confidence:.2f}):\n", style="bold")
        for evidence in quotation.evidence:
            text.append("  • " + evidence + "\n")
        text.append("Quoted passage: ", style="bold")
        text.append(_excerpt(quotation.text, QUOTATION_EXCERPT), style="italic")
    others = [q for q in detail.quotations if q.provenance is not Provenance.VIA_ENGLISH]
    if others:
        _heading(text, "Other quotations")
        for quotation in others:
            text.append(f"{quotation.provenance.value}: ", style="bold")
            text.append(_excerpt(quotation.text, QUOTATION_EXCERPT) + "\n")
        text.rstrip()
    if detail.glossary_hits:
        _heading(text, "Glossary")
        for hit in detail.glossary_hits:
            text.append(hit.found, style="bold")
            text.append(" → " + " | ".join(hit.entry.targets))
            if hit.approved_used:
                text.append("  ✓ used", style="green")
            else:
                text.append("  ✗ not used", style="bold red")
            if hit.forbidden_used:
                text.append("  forbidden: " + ", ".join(hit.forbidden_used), style="bold red")
            text.append("\n")
        text.rstrip()
    if detail.findings:
        _heading(text, "QA")
        for finding in detail.findings:
            text.append(f"{finding.severity.value} ", style=_SEVERITY_STYLES[finding.severity])
            text.append(f"{finding.check}: ", style="bold")
            text.append(finding.message + "\n")
        text.rstrip()
    return text


class DetailPanel(ScrollView, can_focus=True):
    """A scrolling panel showing :func:`render_detail` for the current link.

    A line-API widget: new content is wrapped once to the panel's width and drawn
    line by line, so changing segment never triggers a layout of the screen.
    """

    DEFAULT_CSS = """
    DetailPanel { height: 1fr; padding: 0 1; overflow-x: hidden; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._text = Text()
        self._lines: list[Strip] = []
        self._wrapped_width = -1

    @property
    def text(self) -> Text:
        """What the panel shows, as plain rich text."""
        return self._text

    def show(self, detail: LinkDetail | None, translation_name: str) -> None:
        self._text = render_detail(detail, translation_name)
        self._wrapped_width = -1
        self._wrap()
        self.scroll_to(y=0, animate=False, immediate=True)
        self.refresh()

    def _wrap(self) -> None:
        width = max(10, self.scrollable_content_region.width or self.size.width or 80)
        if width == self._wrapped_width:
            return
        self._wrapped_width = width
        console = self.app.console
        lines = self._text.wrap(console, width, overflow="fold")
        self._lines = [
            Strip(list(line.render(console, end="")), line.cell_len)
            for line in lines
        ]
        self.virtual_size = Size(width, len(self._lines))

    def on_resize(self, event: events.Resize) -> None:
        self._wrap()
        self.refresh()

    def render_line(self, y: int) -> Strip:
        self._wrap()
        width = self.scrollable_content_region.width or self.size.width
        index = int(self.scroll_y) + y
        style = self.rich_style
        if 0 <= index < len(self._lines):
            return self._lines[index].apply_style(style).adjust_cell_length(width, style)
        return Strip.blank(width, style)
