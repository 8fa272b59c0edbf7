"""What ``workbench`` does with no sub-command."""

from __future__ import annotations

import argparse


def run_default(args: argparse.Namespace) -> int:
    from workbench.cli.open import open_workspace

    return open_workspace(args, None)
