"""Russian lemmas for term matching: a thin, cached adapter around pymorphy3.

The analyser (and its dictionaries, from ``pymorphy3-dicts-ru``, read from the
installed package, no network) is created once, on first use. Parses are cached
per lower-cased word form, so a long document costs one analysis per distinct
word form.
"""

from __future__ import annotations

import threading
from typing import Any

__all__ = ["RussianMorphology", "fold_yo", "russian_morphology"]

DEFAULT_CACHE_SIZE = 200_000


def fold_yo(word: str) -> str:
    """Lower-case a word and write ё as е (texts and dictionaries disagree on ё)."""
    return word.lower().replace("ё", "е")


class RussianMorphology:
    """Lemmas of Russian word forms.

    :meth:`lemmas` gives every candidate lemma of a running-text word (so that
    an ambiguous form matches any term it could belong to); :meth:`term_lemmas`
    gives the lemmas of a word as written in a glossary, preferring readings in
    which the word is already its own dictionary form (``дань`` is the noun
    *дань*, not the genitive plural of the name *Даня*).
    """

    def __init__(self, cache_size: int = DEFAULT_CACHE_SIZE) -> None:
        self._analyzer: Any = None
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple[str, str], ...]] = {}
        self._cache_size = cache_size

    def _get_analyzer(self) -> Any:
        if self._analyzer is None:
            with self._lock:
                if self._analyzer is None:
                    import pymorphy3

                    self._analyzer = pymorphy3.MorphAnalyzer()
        return self._analyzer

    def _parses(self, word: str) -> tuple[tuple[str, str], ...]:
        """``(word form, normal form)`` pairs of every parse, ё folded, cached."""
        key = fold_yo(word)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        parses = tuple(
            (fold_yo(p.word), fold_yo(p.normal_form)) for p in self._get_analyzer().parse(key)
        )
        if not parses:
            parses = ((key, key),)
        if len(self._cache) >= self._cache_size:
            self._cache.clear()
        self._cache[key] = parses
        return parses

    def lemmas(self, word: str) -> frozenset[str]:
        """Every candidate lemma of a word form found in running text."""
        return frozenset(normal for _form, normal in self._parses(word))

    def term_lemmas(self, word: str) -> frozenset[str]:
        """Lemmas of a word as a glossary writes it (dictionary readings first)."""
        parses = self._parses(word)
        own = frozenset(normal for form, normal in parses if form == normal)
        return own or frozenset(normal for _form, normal in parses)

    @property
    def cached_forms(self) -> int:
        """How many distinct word forms have been analysed and kept."""
        return len(self._cache)


_shared: RussianMorphology | None = None
_shared_lock = threading.Lock()


def russian_morphology() -> RussianMorphology:
    """The process-wide analyser (created lazily; its cache is shared)."""
    global _shared
    if _shared is None:
        with _shared_lock:
            if _shared is None:
                _shared = RussianMorphology()
    return _shared
