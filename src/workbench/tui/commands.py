"""The command palette's list of workbench actions (every binding, plus a few more)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.screen import Screen

EXTRA_COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("Filter: all segments", "filter('all')", "Show every link"),
    ("Filter: flagged or low confidence", "filter('flagged')", "Show only flagged links"),
    ("Filter: unconfirmed links", "filter('unconfirmed')", "Show only automatic links"),
    ("Filter: segments with notes", "filter('notes')", "Show only links with notes"),
)


def key_label(key: str) -> str:
    """A binding's keys as a person reads them (``left_square_bracket`` → ``[``)."""
    names = {
        "left_square_bracket": "[", "right_square_bracket": "]",
        "left_curly_bracket": "{", "right_curly_bracket": "}",
        "quotation_mark": '"', "question_mark": "?", "slash": "/", "colon": ":",
        "plus": "+",
    }
    return ", ".join(names.get(k.strip(), k.strip()) for k in key.split(","))


Command = tuple[str, Callable[[], Awaitable[object]], str]
"""(title, what running it does, help text)."""


def screen_commands(screen: Screen[object]) -> Iterator[Command]:
    """A command for every binding of ``screen`` and of the widgets on it, run on the
    node that declares the binding."""
    seen: set[str] = set()
    nodes = [screen, *screen.query("*")]
    for node in nodes:
        for binding in getattr(type(node), "BINDINGS", []):
            if not isinstance(binding, Binding) or not binding.description:
                continue
            if binding.action in seen or binding.action in {"command_palette"}:
                continue
            seen.add(binding.action)
            help_text = f"key: {key_label(binding.key)}"
            if binding.tooltip:
                help_text += f" · {binding.tooltip}"
            yield binding.description, partial(node.run_action, binding.action), help_text
    if "cycle_filter" in seen:
        for title, action, help_text in EXTRA_COMMANDS:
            yield title, partial(screen.run_action, action), help_text


class WorkbenchCommands(Provider):
    """Offers every action of the current screen by its description."""

    def _commands(self) -> list[Command]:
        return list(screen_commands(self.screen))

    async def discover(self) -> Hits:
        for title, run, help_text in self._commands():
            yield DiscoveryHit(title, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, run, help_text in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), run, text=title, help=help_text)
