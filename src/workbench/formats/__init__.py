"""Interchange formats: TMX, PO, XLIFF 2.1 and 1.2, TBX-Basic, glossary CSV/TSV and PO.

Writers take plain data from :mod:`workbench.core.model` and return bytes;
readers take bytes and a file name and return plain data, raising
:class:`~workbench.textio.InputError` (naming file and line) for bad input.
"""

from __future__ import annotations


class NothingToExport(ValueError):
    """The format cannot represent an empty collection (e.g. TBX needs one concept)."""
