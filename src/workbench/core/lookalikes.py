"""Undoing Cyrillic/Latin look-alike letters typed in the wrong script ("А Documentary").

A word that mixes scripts is read in its majority script; a word made only of
look-alike Cyrillic letters (the seed's "А" before "Documentary") is read as Latin when
it stands next to a Latin word and not next to a Cyrillic one within the same phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

CYRILLIC_TO_LATIN: dict[str, str] = dict(
    zip("АВЕКМНОРСТХУаеорсхуІіЈјЅѕ", "ABEKMHOPCTXYaeopcxyIiJjSs", strict=True)
)
LATIN_TO_CYRILLIC: dict[str, str] = {
    latin: cyr for cyr, latin in CYRILLIC_TO_LATIN.items() if cyr not in "ІіЈјЅѕ"
}

_WORD_RE = re.compile(r"[^\W\d_]+")
#: Characters that end a phrase: a look-alike word is judged only by neighbours inside it.
_PHRASE_BREAK = re.compile(r"[«»„“”\"()\[\];:,.!?—–]")


@dataclass(frozen=True, slots=True)
class Substitution:
    """One letter read in the other script: ``original`` at ``pos`` became ``replacement``."""

    pos: int
    original: str
    replacement: str

    def describe(self) -> str:
        if self.replacement in CYRILLIC_TO_LATIN.values() and self.original in CYRILLIC_TO_LATIN:
            return f"Cyrillic {self.original} typed as Latin {self.replacement}"
        return f"Latin {self.original} typed as Cyrillic {self.replacement}"


LATIN_LETTER = re.compile("[A-Za-zªºÀ-ÖØ-öø-ɏ]")
CYRILLIC_LETTER = re.compile("[Ѐ-ҁҊ-ӿ]")


def is_latin_letter(ch: str) -> bool:
    return LATIN_LETTER.match(ch) is not None


def is_cyrillic_letter(ch: str) -> bool:
    return CYRILLIC_LETTER.match(ch) is not None


def count_scripts(text: str) -> tuple[int, int]:
    """(Latin letters, Cyrillic letters) in ``text``."""
    return len(LATIN_LETTER.findall(text)), len(CYRILLIC_LETTER.findall(text))


def word_script(word: str) -> str:
    """``latin``, ``cyrillic``, ``mixed`` or ``other`` for one word."""
    latin, cyrillic = count_scripts(word)
    if latin and cyrillic:
        return "mixed"
    if latin:
        return "latin"
    if cyrillic:
        return "cyrillic"
    return "other"


def normalise_lookalikes(text: str) -> tuple[str, list[Substitution]]:
    """``text`` with look-alike letters read in the script of their word or phrase."""
    if not LATIN_LETTER.search(text) or not CYRILLIC_LETTER.search(text):
        return text, []  # one script only: nothing can be mistyped
    words = list(_WORD_RE.finditer(text))
    chars = list(text)
    subs: list[Substitution] = []
    scripts = [word_script(w.group()) for w in words]
    for index, match in enumerate(words):
        word = match.group()
        script = scripts[index]
        if script == "mixed":
            latin, cyrillic = count_scripts(word)
            table = CYRILLIC_TO_LATIN if latin >= cyrillic else LATIN_TO_CYRILLIC
            for offset, ch in enumerate(word):
                if ch in table:
                    pos = match.start() + offset
                    chars[pos] = table[ch]
                    subs.append(Substitution(pos, ch, table[ch]))
        elif script == "cyrillic" and all(ch in CYRILLIC_TO_LATIN for ch in word):
            before = _neighbour_script(text, words, scripts, index, -1)
            after = _neighbour_script(text, words, scripts, index, 1)
            if "latin" in (before, after) and "cyrillic" not in (before, after):
                for offset, ch in enumerate(word):
                    pos = match.start() + offset
                    chars[pos] = CYRILLIC_TO_LATIN[ch]
                    subs.append(Substitution(pos, ch, CYRILLIC_TO_LATIN[ch]))
    return "".join(chars), subs


def _neighbour_script(
    text: str, words: list[re.Match[str]], scripts: list[str], index: int, step: int
) -> str | None:
    other = index + step
    if not 0 <= other < len(words):
        return None
    left, right = (words[other], words[index]) if step < 0 else (words[index], words[other])
    if _PHRASE_BREAK.search(text, left.end(), right.start()):
        return None
    script = scripts[other]
    return "latin" if script == "mixed" else script
