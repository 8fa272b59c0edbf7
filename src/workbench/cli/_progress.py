"""A progress display on stderr for long command-line tasks (building a workspace)."""

from __future__ import annotations

import sys
from typing import TextIO


class StderrProgress:
    """Draws ``[#####.....] 3/7 aligning close`` on one line when stderr is a terminal,
    and prints one line per stage otherwise (so logs stay readable)."""

    WIDTH = 30

    def __init__(self, stream: TextIO | None = None) -> None:
        self._stream = stream if stream is not None else sys.stderr
        self._interactive = self._stream.isatty()
        self._last = ""

    def __call__(self, what: str, done: int, total: int) -> None:
        total = max(total, 1)
        filled = self.WIDTH * min(done, total) // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        line = f"[{bar}] {done}/{total} {what}"
        if self._interactive:
            padding = " " * max(0, len(self._last) - len(line))
            self._stream.write(f"\r{line}{padding}")
            if done >= total:
                self._stream.write("\n")
        else:
            self._stream.write(line + "\n")
        self._stream.flush()
        self._last = line
