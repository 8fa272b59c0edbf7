"""Print the test run's totals as one plain closing line, read from pytest's JUnit XML.

pytest's own summary line is followed by the snapshot plugin's report; this line
comes last so that anyone reading the end of the log sees the totals.
"""

from __future__ import annotations

import sys
from xml.etree import ElementTree


def main(path: str) -> int:
    root = ElementTree.parse(path).getroot()  # our own pytest output, not user input
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = sum(int(s.get("tests", 0)) for s in suites)
    failed = sum(int(s.get("failures", 0)) + int(s.get("errors", 0)) for s in suites)
    skipped = sum(int(s.get("skipped", 0)) for s in suites)
    passed = total - failed - skipped
    print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1]))
