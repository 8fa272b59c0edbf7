"""Messages screens send each other about the workspace."""

from __future__ import annotations

from enum import StrEnum

from textual.message import Message


class ChangeScope(StrEnum):
    """What a change to the workspace can have touched."""

    SEGMENTS = "segments"
    ANNOTATIONS = "annotations"
    EVERYTHING = "everything"


class WorkspaceChanged(Message):
    """The workspace was changed (by another window on the same file, say); views should
    reload ``scope`` and may show ``description``."""

    def __init__(self, scope: ChangeScope, description: str = "") -> None:
        super().__init__()
        self.scope = scope
        self.description = description
