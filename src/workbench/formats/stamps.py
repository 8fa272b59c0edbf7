"""Dates in exports: always the workspace's creation time, never the clock.

Exports carry dates (TMX ``creationdate``, PO ``POT-Creation-Date``); taking them
from the workspace keeps an export byte-identical for the same workspace.
"""

from __future__ import annotations

from datetime import UTC, datetime

EPOCH = "1970-01-01T00:00:00Z"


def parse_stamp(created: str) -> datetime:
    """An ISO 8601 time (``Z`` or an offset; naive means UTC) as an aware UTC datetime."""
    text = created.strip() or EPOCH
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        moment = datetime.fromisoformat(EPOCH.replace("Z", "+00:00"))
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).replace(microsecond=0)


def tmx_date(created: str) -> str:
    """``20261125T210000Z``, the TMX date form."""
    return parse_stamp(created).strftime("%Y%m%dT%H%M%SZ")


def po_date(created: str) -> str:
    """``2026-11-25 21:00+0000``, the gettext header form."""
    return parse_stamp(created).strftime("%Y-%m-%d %H:%M+0000")


def iso_date(created: str) -> str:
    """``2026-11-25T21:00:00Z``."""
    return parse_stamp(created).strftime("%Y-%m-%dT%H:%M:%SZ")


def day(created: str) -> str:
    """``2026-11-25`` (TBX ``date``)."""
    return parse_stamp(created).strftime("%Y-%m-%d")


def from_tmx_date(text: str) -> str:
    """The ISO form of a TMX date, or ``""`` when it is not one."""
    try:
        moment = datetime.strptime(text, "%Y%m%dT%H%M%SZ").replace(tzinfo=UTC)
    except ValueError:
        return ""
    return moment.strftime("%Y-%m-%dT%H:%M:%SZ")


def from_po_date(text: str) -> str:
    try:
        moment = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M%z")
    except ValueError:
        return ""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
