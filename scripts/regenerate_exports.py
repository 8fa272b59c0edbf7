"""Rebuild the shipped seed workspace in a temporary folder and write its exports.

    python scripts/regenerate_exports.py [--out DIR]      (default: exports/)

Writes every export format (TMX, PO, XLIFF 2.1 and 1.2 per translation; TBX,
CSV, TSV and PO for the glossary) and the quality report (report.html, .md,
.json), then removes files of those kinds that the workspace no longer
produces. The files are dated with the workspace's creation time from
corpus/manifest.toml, so the same corpus always gives the same bytes; a test
regenerates into a temporary folder and compares with exports/.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from workbench.formats.exporting import GLOSSARY_FILES, export_snapshot, qa_findings
from workbench.report import write_reports
from workbench.store import Store
from workbench.workspace import build_seed_workspace

ROOT = Path(__file__).resolve().parents[1]
TRANSLATION_SUFFIXES = (".tmx", ".po", ".xlf")
FIXED_NAMES = (*GLOSSARY_FILES.values(), "report.html", "report.md", "report.json")


def is_export_file(path: Path) -> bool:
    """A file of a kind this script writes (the only kind it ever removes)."""
    return path.is_file() and (path.suffix in TRANSLATION_SUFFIXES or path.name in FIXED_NAMES)


def regenerate(out_dir: Path) -> list[Path]:
    """Write the seed workspace's exports and reports into ``out_dir``; return the files."""
    with tempfile.TemporaryDirectory(prefix="workbench-exports-") as tmp:
        workspace = build_seed_workspace(Path(tmp) / "seed.workbench.sqlite")
        with Store.open(workspace) as store:
            snapshot = store.snapshot()
            created = store.created
    findings = qa_findings(snapshot)
    result = export_snapshot(snapshot, "all", out_dir, created=created, findings=findings)
    for reason in result.skipped:
        print(f"regenerate_exports: skipped {reason}", file=sys.stderr)
    written = list(result.written)
    written += [Path(p).resolve() for p in write_reports(snapshot, out_dir, findings)]
    keep = {p.resolve() for p in written}
    for path in sorted(out_dir.iterdir()):
        if is_export_file(path) and path.resolve() not in keep:
            path.unlink()
    return sorted(keep)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "exports",
                        help="output folder (default: exports/ in the repository)")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    for path in regenerate(args.out):
        print(path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
