"""Save the README's picture of the main screen: ``python -m workbench.tui.screenshot``.

Builds the seed workspace in a temporary folder, opens the UI headless at a fixed
size, goes to the first flagged link (the Bukharin quotation) and saves an SVG.
"""

from __future__ import annotations

import asyncio
import sys
import tempfile
from pathlib import Path

from workbench.tui.app import WorkbenchApp

SCREENSHOT_SIZE = (150, 46)
DEFAULT_OUT = Path("docs/screenshot-main.svg")


async def save_main_screenshot(workspace: Path, out: Path) -> Path:
    """Open ``workspace``, select the first flagged link and save the screen to ``out``."""
    app = WorkbenchApp(workspace)
    async with app.run_test(size=SCREENSHOT_SIZE) as pilot:
        await pilot.pause()
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        out.parent.mkdir(parents=True, exist_ok=True)
        app.save_screenshot(filename=out.name, path=str(out.parent))
    return out


def main(argv: list[str] | None = None) -> int:
    from workbench.workspace import build_seed_workspace

    args = sys.argv[1:] if argv is None else argv
    out = Path(args[0]) if args else DEFAULT_OUT
    with tempfile.TemporaryDirectory() as folder:
        workspace = build_seed_workspace(Path(folder) / "seed.workbench.sqlite")
        asyncio.run(save_main_screenshot(workspace, out))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
