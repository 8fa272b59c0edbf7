"""Glossary checks: the approved English term is used, and no forbidden variant is.

Only links whose Russian side contains the term are checked, and only entries
with status ``approved`` (a ``proposed`` term binds nobody yet). A term found
inside a longer term is judged with it, not on its own: *ЦК* inside *члена ЦК*
needs nothing more than *member of the Central Committee*, and a translation
lacking that is told once, about *член ЦК*. A translation still in Russian is
left to the ``untranslated`` and ``identical`` checks.
"""

from __future__ import annotations

from workbench.core.glossary import TermMatch, target_term_status, tokenize
from workbench.core.model import Finding, GlossaryEntry, Severity
from workbench.core.qa.context import LinkText, QAContext
from workbench.core.qa.untranslated import still_russian

__all__ = ["check_glossary_forbidden", "check_glossary_term_missing"]

MISSING_ID = "glossary-term-missing"
FORBIDDEN_ID = "glossary-forbidden"


def _terms_with_status(ctx: QAContext, pair: LinkText) -> list[tuple[TermMatch, bool, list[str]]]:
    """Each distinct term found in the source, with its status in the target."""
    if not pair.source or not pair.target.strip() or still_russian(pair.target):
        return []
    matches = ctx.source_term_index.find(pair.source)
    if not matches:
        return []
    tokens = tokenize(pair.target, "en")
    status: dict[int, tuple[bool, list[str]]] = {}
    first: dict[int, TermMatch] = {}
    for match in matches:
        key = id(match.entry)
        if key not in status:
            status[key] = target_term_status(pair.target, match.entry, tokens)
            first[key] = match
    result = []
    for key, match in first.items():
        approved, forbidden = status[key]
        if not approved:
            occurrences = [m for m in matches if id(m.entry) == key]
            if all(_inside_longer_term(m, matches) for m in occurrences):
                approved = True
        result.append((match, approved, forbidden))
    return result


def _inside_longer_term(match: TermMatch, matches: list[TermMatch]) -> bool:
    return any(
        m.entry is not match.entry
        and m.start <= match.start
        and match.end <= m.end
        and (m.end - m.start) > (match.end - match.start)
        for m in matches
    )


def _approved_list(entry: GlossaryEntry) -> str:
    return " or ".join(f"“{t}”" for t in entry.targets)


def _term_label(match: TermMatch) -> str:
    if match.text.casefold() == match.entry.source.casefold():
        return f"«{match.entry.source}»"
    return f"«{match.text}» ({match.entry.source})"


def check_glossary_term_missing(ctx: QAContext) -> list[Finding]:
    """Source term present, none of its approved English terms in the target.

    Not reported where a forbidden variant is used instead: that is
    ``glossary-forbidden``, an error, which already names the approved term.
    """
    findings = []
    for pair in ctx.pairs:
        for match, approved, forbidden in _terms_with_status(ctx, pair):
            if not approved and not forbidden:
                findings.append(
                    pair.finding(
                        MISSING_ID,
                        Severity.WARNING,
                        f"{_term_label(match)}: approved term "
                        f"{_approved_list(match.entry)} not found in the translation",
                    )
                )
    return findings


def check_glossary_forbidden(ctx: QAContext) -> list[Finding]:
    """Source term present and a forbidden English variant used for it."""
    findings = []
    for pair in ctx.pairs:
        for match, _approved, forbidden in _terms_with_status(ctx, pair):
            for variant in forbidden:
                findings.append(
                    pair.finding(
                        FORBIDDEN_ID,
                        Severity.ERROR,
                        f"“{variant}” is a forbidden rendering of «{match.entry.source}»; "
                        f"use {_approved_list(match.entry)}",
                    )
                )
    return findings
