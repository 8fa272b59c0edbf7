"""Finding glossary terms in running text, inflections included.

Russian words are compared by lemma (pymorphy3, through
:mod:`workbench.core.morphology`): a term matches where each of its words shares
a candidate lemma with the text word in the same position, so *Сталин* matches
*Сталина, Сталину, Сталиным* and *член ЦК* matches *члена ЦК*. Abbreviations
and tokens with digits or brackets (*ЦК*, *ВКП(б)*) are compared literally.
English words are compared through a light normaliser that removes possessive,
plural, *-ed* and *-ing* endings, so *splitter* matches *splitters* and
*Stalin* matches *Stalin's*. Matching ignores case unless the entry is
case-sensitive, in which case each word must have the term's capitalisation
(except that a term starting with a lower-case word may open a sentence).

Words of a multiword term must follow each other separated only by spaces or
hyphens (or by the same punctuation the term itself has, as in *R. V. Daniels*).
"""

from __future__ import annotations

import dataclasses
import itertools
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from workbench.core.model import GlossaryEntry
from workbench.core.morphology import fold_yo, russian_morphology

__all__ = [
    "GlossaryIndex",
    "Lang",
    "TermMatch",
    "Token",
    "approved_and_forbidden",
    "english_keys",
    "find_terms",
    "same_term",
    "target_term_status",
    "term_key",
    "tokenize",
]

Lang = Literal["ru", "en"]

_TOKEN_RE = re.compile(r"[^\W_]+(?:['’][^\W_]+)*(?:\([^\W\d_]{1,3}\))?")
_GAP_FOLD_RE = re.compile(r"[\s\-‐‑‒–—]+")


@dataclass(frozen=True, slots=True)
class Token:
    """A word of a text with the keys it is compared by (lemmas or normal forms)."""

    start: int
    end: int
    text: str
    keys: frozenset[str]


@dataclass(frozen=True, slots=True)
class TermMatch:
    """One occurrence of a glossary term: ``text == document[start:end]``."""

    entry: GlossaryEntry
    start: int
    end: int
    text: str
    term: str


@lru_cache(maxsize=200_000)
def english_keys(word: str) -> frozenset[str]:
    """The forms an English word may be the inflection of (itself included).

    ``measures`` → {measures, measure, measur}; ``Stalin's`` → {stalin};
    ``purged`` → {purged, purg, purge}. Two words match when their key sets meet.
    """
    w = word.lower().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2]
    elif w.endswith("'"):
        w = w[:-1]
    keys = {w}
    if len(w) > 3:
        if w.endswith("ies"):
            keys.add(w[:-3] + "y")
        if w.endswith("es"):
            keys.add(w[:-2])
        if w.endswith("s") and not w.endswith(("ss", "us", "is")):
            keys.add(w[:-1])
        if w.endswith("ied"):
            keys.add(w[:-3] + "y")
        if w.endswith("ed") and len(w) > 4:
            keys.update(_verb_stems(w[:-2]))
        if w.endswith("ing") and len(w) > 5:
            keys.update(_verb_stems(w[:-3]))
    return frozenset(keys)


def _verb_stems(base: str) -> set[str]:
    stems = {base, base + "e"}
    if len(base) > 2 and base[-1] == base[-2] and base[-1] not in "aeiouls":
        stems.add(base[:-1])
    return stems


def _is_literal_ru(word: str) -> bool:
    """Abbreviations and tokens with digits or brackets are not lemmatised."""
    if "(" in word or any(ch.isdigit() for ch in word):
        return True
    letters = [ch for ch in word if ch.isalpha()]
    return len(letters) > 1 and all(ch.isupper() for ch in letters)


@lru_cache(maxsize=200_000)
def _russian_text_keys(word: str) -> frozenset[str]:
    folded = fold_yo(word)
    if _is_literal_ru(word):
        return frozenset((folded,))
    return russian_morphology().lemmas(word) | {folded}


def _russian_term_keys(word: str) -> frozenset[str]:
    folded = fold_yo(word)
    if _is_literal_ru(word):
        return frozenset((folded,))
    return russian_morphology().term_lemmas(word) | {folded}


def tokenize(text: str, lang: Lang = "ru") -> list[Token]:
    """Split a text into words with their comparison keys."""
    keys_of = _russian_text_keys if lang == "ru" else english_keys
    return [
        Token(m.start(), m.end(), m.group(), keys_of(m.group())) for m in _TOKEN_RE.finditer(text)
    ]


def _fold_gap(gap: str) -> str:
    return _GAP_FOLD_RE.sub(" ", gap).strip()


def _case_shape(word: str) -> str:
    head = word.split("(", 1)[0]
    letters = [ch for ch in head if ch.isalpha()]
    if len(letters) > 1 and all(ch.isupper() for ch in letters):
        return "upper"
    if letters and letters[0].isupper():
        return "title"
    return "lower"


_SENTENCE_START_SKIP = " \t\n«„“\"'‘([—–-"


def _sentence_initial(text: str, start: int) -> bool:
    i = start
    while i > 0 and text[i - 1] in _SENTENCE_START_SKIP:
        i -= 1
    return i == 0 or text[i - 1] in ".!?…"


def _case_fits(term_shape: str, token: Token, position: int, text: str) -> bool:
    """A case-sensitive term's word written as the term writes it; a lower-case
    first word may also be capitalised at the start of a sentence."""
    shape = _case_shape(token.text)
    if shape == term_shape:
        return True
    return (
        position == 0
        and term_shape == "lower"
        and shape == "title"
        and _sentence_initial(text, token.start)
    )


@dataclass(frozen=True, slots=True)
class _Pattern:
    """A term compiled for matching: per-word keys and the gaps between words."""

    owner: int
    term: str
    keys: tuple[frozenset[str], ...]
    gaps: tuple[str, ...]
    shapes: tuple[str, ...] | None


def _compile(term: str, lang: Lang, case_sensitive: bool, owner: int) -> _Pattern | None:
    words = list(_TOKEN_RE.finditer(term))
    if not words:
        return None
    keys_of = _russian_term_keys if lang == "ru" else english_keys
    keys = tuple(keys_of(m.group()) for m in words)
    gaps = tuple(_fold_gap(term[a.end() : b.start()]) for a, b in itertools.pairwise(words))
    shapes = tuple(_case_shape(m.group()) for m in words) if case_sensitive else None
    return _Pattern(owner, term, keys, gaps, shapes)


class _PhraseIndex:
    """Patterns indexed by the keys of their first word."""

    def __init__(self, patterns: Sequence[_Pattern]) -> None:
        self.patterns = list(patterns)
        self._by_first: dict[str, list[int]] = {}
        for number, pattern in enumerate(self.patterns):
            for key in pattern.keys[0]:
                self._by_first.setdefault(key, []).append(number)

    def matches(self, tokens: Sequence[Token], text: str) -> Iterator[tuple[_Pattern, int, int]]:
        """Each (pattern, first token, last token) occurrence, in text order."""
        for i, token in enumerate(tokens):
            seen: set[int] = set()
            for key in token.keys:
                for number in self._by_first.get(key, ()):
                    if number in seen:
                        continue
                    seen.add(number)
                    pattern = self.patterns[number]
                    if self._matches_at(pattern, tokens, i, text):
                        yield pattern, i, i + len(pattern.keys) - 1

    @staticmethod
    def _matches_at(pattern: _Pattern, tokens: Sequence[Token], i: int, text: str) -> bool:
        n = len(pattern.keys)
        if i + n > len(tokens):
            return False
        for k in range(n):
            token = tokens[i + k]
            if k and not (token.keys & pattern.keys[k]):
                return False
            if k and _fold_gap(text[tokens[i + k - 1].end : token.start]) != pattern.gaps[k - 1]:
                return False
            if pattern.shapes is not None and not _case_fits(pattern.shapes[k], token, k, text):
                return False
        return True


class GlossaryIndex:
    """Glossary entries compiled once for repeated searching of texts.

    With ``lang="ru"`` the entries' Russian terms are searched; with
    ``lang="en"`` their approved English terms.
    """

    def __init__(self, entries: Sequence[GlossaryEntry], lang: Lang = "ru") -> None:
        self.entries = list(entries)
        self.lang: Lang = lang
        patterns: list[_Pattern] = []
        for owner, entry in enumerate(self.entries):
            terms = (entry.source,) if lang == "ru" else entry.targets
            for term in terms:
                pattern = _compile(term, lang, entry.case_sensitive, owner)
                if pattern is not None:
                    patterns.append(pattern)
        self._index = _PhraseIndex(patterns)

    def find(self, text: str, tokens: Sequence[Token] | None = None) -> list[TermMatch]:
        """Every occurrence of every term, by start (longer first at the same start)."""
        if tokens is None:
            tokens = tokenize(text, self.lang)
        found: list[TermMatch] = []
        for pattern, first, last in self._index.matches(tokens, text):
            start, end = tokens[first].start, tokens[last].end
            found.append(
                TermMatch(self.entries[pattern.owner], start, end, text[start:end], pattern.term)
            )
        found.sort(key=lambda m: (m.start, -m.end))
        return found


def find_terms(text: str, entries: Sequence[GlossaryEntry], lang: Lang = "ru") -> list[TermMatch]:
    """Occurrences of the entries' terms in ``text`` (Russian terms, or English with ``en``)."""
    return GlossaryIndex(entries, lang).find(text)


def term_key(source: str) -> str:
    """A Russian term as duplicates are found: case, ё/е and spacing ignored."""
    return fold_yo(" ".join(source.split()))


def approved_and_forbidden(entry: GlossaryEntry) -> list[str]:
    """English terms an entry both approves and forbids (ignoring case): a contradiction."""
    approved = {" ".join(t.split()).casefold() for t in entry.targets}
    return [t for t in entry.forbidden if " ".join(t.split()).casefold() in approved]


def same_term(a: GlossaryEntry, b: GlossaryEntry) -> bool:
    """Whether two entries are for the same Russian term: the same :func:`term_key`,
    and the same part of speech where both give one (*Томский*, properNoun, and
    *томский*, adjective, are two terms)."""
    return term_key(a.source) == term_key(b.source) and (a.pos == b.pos or not a.pos or not b.pos)


@lru_cache(maxsize=8192)
def _english_index(terms: tuple[str, ...], case_sensitive: bool) -> _PhraseIndex:
    patterns = [
        p for n, t in enumerate(terms) if (p := _compile(t, "en", case_sensitive, n)) is not None
    ]
    return _PhraseIndex(patterns)


def target_term_status(
    english: str, entry: GlossaryEntry, tokens: Sequence[Token] | None = None
) -> tuple[bool, list[str]]:
    """Whether an approved English term occurs, and which forbidden variants do.

    A forbidden variant inside an occurrence of an approved term does not count
    (a forbidden *Committee* is not reported inside *Central Committee*).
    ``tokens`` may be passed when the same text is checked against many entries.
    """
    if tokens is None:
        tokens = tokenize(english, "en")
    approved_spans = [
        (tokens[a].start, tokens[b].end)
        for _p, a, b in _english_index(entry.targets, entry.case_sensitive).matches(tokens, english)
    ]
    forbidden_found: list[str] = []
    for pattern, a, b in _english_index(entry.forbidden, entry.case_sensitive).matches(
        tokens, english
    ):
        start, end = tokens[a].start, tokens[b].end
        inside = any(s <= start and end <= e for s, e in approved_spans)
        if not inside and pattern.term not in forbidden_found:
            forbidden_found.append(pattern.term)
    return bool(approved_spans), forbidden_found


@dataclass(frozen=True, slots=True)
class MergedGlossary:
    """The glossary after an import, and how many entries it added, changed or left alone."""

    entries: list[GlossaryEntry]
    added: int
    updated: int
    unchanged: int


def merge_glossaries(
    current: Sequence[GlossaryEntry], imported: Sequence[GlossaryEntry]
) -> MergedGlossary:
    """``current`` with imported entries replacing the same terms (keeping their ids)
    and the other imported entries appended."""
    merged = list(current)
    positions: dict[str, list[int]] = {}
    for position, old in enumerate(merged):
        positions.setdefault(term_key(old.source), []).append(position)
    added = updated = unchanged = 0
    for entry in imported:
        same_key = positions.setdefault(term_key(entry.source), [])
        n = next((n for n in same_key if same_term(merged[n], entry)), None)
        if n is None:
            same_key.append(len(merged))
            merged.append(dataclasses.replace(entry, id=None))
            added += 1
            continue
        old = merged[n]
        merged[n] = dataclasses.replace(entry, id=old.id)
        if merged[n] == old:
            unchanged += 1
        else:
            updated += 1
    return MergedGlossary(merged, added, updated, unchanged)
