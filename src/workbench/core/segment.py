"""Sentence segmentation of Russian and English historical prose into spans.

``segment(text, lang)`` returns one :class:`~workbench.core.model.Span` per
sentence, with ``span.text == text[span.start:span.end]`` and surrounding
whitespace left out. Every line break ends a sentence — except in a text
hard-wrapped at a fixed width with blank lines between paragraphs (as plain-text
e-books are), where only a blank line does and a sentence may run over several
lines. Inside a paragraph, a sentence ends after ``.``, ``!``, ``?`` or an
ellipsis (with any closing quotes or brackets, and a footnote mark) followed by
whitespace and a word that can open a sentence, unless
the full stop belongs to an abbreviation or an initial (``т. Куйбышев``,
``ed. by R. V. Daniels, p. 308``), the mark sits inside brackets, or a citation
in brackets follows a closing quotation mark (``?» (Сталин, Соч., т. 11).``).
The last sentence of a text that stops without final punctuation is marked
``incomplete``.

Only the few places where a sentence may end are examined, which keeps the
segmenter faster than a full tokenizer on book-length texts.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from workbench.core import segment_rules as rules
from workbench.core.model import Span
from workbench.core.segment_rules import Abbrev

LANGUAGES = ("ru", "en")

_LINE = re.compile(r"[^\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]+")
# In a hard-wrapped text: a blank line, or a page or paragraph separator (a CRLF is
# one line break, never a blank line of its own).
_PARAGRAPH_BREAK = re.compile(
    r"(?:\r\n|\n|\r(?!\n))[^\S\n\r]*(?:\r\n|\n|\r(?!\n))|[\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]"
)
# A wrapped text: most lines at most this long, most lines inside a
# paragraph ending without final punctuation.
_WRAP_WIDTH = 100
_WRAP_MIN_INNER_LINES = 3
_CLOSERS = "\"'»“”’›)]"
_QUOTE_CLOSERS = "\"'»“”’›"
_TERMINALS = ".!?…"
_TERMINAL_MARKS = frozenset(_TERMINALS)
_TRAILERS = _CLOSERS + "¹²³⁴⁵⁶⁷⁸⁹⁰"
# A possible sentence end: final marks, closing quotes or brackets, and a
# footnote mark (superscript digits or [12]) before whitespace.
_CANDIDATE = re.compile(r"([.!?…]+)([\"'»“”’›)\]]*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,3}\])?)(?=\s)")
_ROMAN = frozenset("IVXLCDM")
_COMPACT_INITIALS = re.compile(r"(?:[A-ZА-ЯЁ]\.)+[A-ZА-ЯЁ]")
_NO_DASHES = str.maketrans("", "", "-–—")
# "М.:", "Л.,", "СПб.:", "N. Y.," — the place of publication in a reference.
_PLACE_OF_PUBLICATION = re.compile(r"[A-ZА-ЯЁ]\w{0,2}\.(?:\s?[A-ZА-ЯЁ]\w{0,2}\.)?\s?[:,]")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z]")
_DETECT_SAMPLE = 200_000
# How far a bracket group is followed to find its closing bracket, and how far
# back its opening bracket is looked for.
_BRACKET_REACH = 600
# How far back a sentence is read for a reference mark ("//") or a date phrase.
_LOOK_BACK = 300
# How many non-alphanumeric characters (quotes, dashes, brackets) may stand
# before the first word of the next sentence.
_OPENER_REACH = 6
# How many capitalised words (a speaker's name) may stand between a quoted
# question and the verb of speaking, within how many characters.
_SPEAKER_WORDS = 4
_SPEAKER_REACH = 60


@dataclass(frozen=True, slots=True)
class _Language:
    abbreviations: dict[str, Abbrev]
    russian: bool


_LANGUAGE_RULES = {
    "ru": _Language(rules.RUSSIAN, russian=True),
    "en": _Language(rules.ENGLISH, russian=False),
}


def detect_language(text: str) -> str:
    """``"ru"`` if at least a third of the letters are Cyrillic, else ``"en"``.

    Russian historical prose often quotes Latin-script titles and references,
    so Cyrillic wins well below a majority; text with no letters is ``"en"``.
    """
    sample = text[:_DETECT_SAMPLE]
    cyrillic = len(_CYRILLIC.findall(sample))
    latin = len(_LATIN.findall(sample))
    return "ru" if cyrillic and 2 * cyrillic >= latin else "en"


def segment(text: str, lang: str) -> list[Span]:
    """Split ``text`` into sentences; ``lang`` is ``"ru"`` or ``"en"``."""
    try:
        language = _LANGUAGE_RULES[lang]
    except KeyError:
        raise ValueError(f"unsupported language {lang!r} (expected one of {LANGUAGES})") from None
    spans: list[Span] = []
    for start, end in _paragraphs(text):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        if start == end:
            continue
        sentence_start = start
        for cand in _CANDIDATE.finditer(text, start, end):
            term_start, term_end = cand.span(1)
            cand_end = cand.end()
            if term_start <= sentence_start:
                continue
            next_pos = cand_end
            while text[next_pos].isspace():
                next_pos += 1
            if _ends_sentence(
                text, language, sentence_start, term_start, term_end, cand_end, next_pos, end
            ):
                spans.append(Span(sentence_start, cand_end, text[sentence_start:cand_end]))
                sentence_start = next_pos
        spans.append(Span(sentence_start, end, text[sentence_start:end]))
    if spans and not _has_final_punctuation(spans[-1].text):
        last = spans[-1]
        spans[-1] = Span(last.start, last.end, last.text, incomplete=True)
    return spans


def _paragraphs(text: str) -> list[tuple[int, int]]:
    """Stretches of text that no sentence crosses: lines, or paragraphs of a wrapped text."""
    if not is_hard_wrapped(text):
        return [line.span() for line in _LINE.finditer(text)]
    paragraphs = []
    start = 0
    for gap in _PARAGRAPH_BREAK.finditer(text):
        paragraphs.append((start, gap.start()))
        start = gap.end()
    paragraphs.append((start, len(text)))
    return paragraphs


def is_hard_wrapped(text: str) -> bool:
    """A text wrapped at a fixed width, with blank lines between its paragraphs."""
    sample = text[:_DETECT_SAMPLE]
    if _PARAGRAPH_BREAK.search(sample) is None:
        return False
    lines = [line.strip() for line in sample.splitlines()]
    filled = [line for line in lines if line]
    if sum(len(line) <= _WRAP_WIDTH for line in filled) < 0.9 * len(filled):
        return False
    inner = [line for line, after in itertools.pairwise(lines) if line and after]
    if len(inner) < _WRAP_MIN_INNER_LINES:
        return False
    run_on = sum(not _has_final_punctuation(line) for line in inner)
    return run_on >= 0.5 * len(inner)


def _has_final_punctuation(sentence: str) -> bool:
    return sentence.rstrip(_TRAILERS)[-1:] in _TERMINAL_MARKS


def _ends_sentence(
    text: str,
    language: _Language,
    sentence_start: int,
    term_start: int,
    term_end: int,
    cand_end: int,
    next_pos: int,
    line_end: int,
) -> bool:
    """Decide whether the mark ``text[term_start:term_end]`` ends a sentence."""
    if text[term_start - 1] in "([":
        return False  # an editorial mark: (…), [...], (!), (?)
    if not text[term_start - 1].isalnum() and not _has_alnum(text, sentence_start, term_start):
        return False  # nothing but marks so far: "— …"
    closers = text[term_end:cand_end]
    if text[next_pos] == "(" and _citation_follows(
        text, next_pos, line_end, after_quote=any(c in _QUOTE_CLOSERS for c in closers)
    ):
        return False
    first = _first_alnum(text, next_pos, line_end)
    if first.islower():
        return False
    if _inside_brackets(text, sentence_start, cand_end, line_end):
        return False
    if text[term_start:term_end] != "." or closers:
        if language.russian:
            return True
        return not _speaker_follows_quotation(text, term_end, cand_end, next_pos)
    if not text[term_start - 1].isalnum():
        return True  # "ВКП(б)." or "»." — no abbreviation before the stop
    next_is_digit = first.isdigit()
    if _next_is_citation_part(text, next_pos, line_end) or _PLACE_OF_PUBLICATION.match(
        text, next_pos, line_end
    ):
        return False
    look_back = max(sentence_start, term_start - _LOOK_BACK)
    if next_is_digit and text.find("//", look_back, term_start) >= 0:
        return False  # "// Правда. 1928. 30 сентября." is one reference
    token_start = _token_start(text, sentence_start, term_start)
    token = text[token_start:term_start]
    return _full_stop_after_token_ends(
        text, language, sentence_start, token_start, token, next_pos, next_is_digit
    )


def _full_stop_after_token_ends(
    text: str,
    language: _Language,
    sentence_start: int,
    token_start: int,
    token: str,
    next_pos: int,
    next_is_digit: bool,
) -> bool:
    at_sentence_start = token_start == sentence_start
    if token[0].isdigit():
        return not at_sentence_start  # "1. Введение" is a list marker
    if len(token) == 1:
        return _full_stop_after_letter_ends(
            text, language, sentence_start, token_start, token, next_pos, next_is_digit
        )
    key = token.lower()
    kind = language.abbreviations.get(key)
    if kind is None:
        if "." in key:
            if not language.russian:  # "the U.S. Army" but "the U.S. The …"
                return _next_word(text, next_pos).lower() in rules.ENGLISH_SENTENCE_OPENERS
            if _COMPACT_INITIALS.fullmatch(token):
                return False  # "Н.И. Пирогова"
        if _is_roman(token):
            return not _numbers_a_part(text, sentence_start, token_start)
        return True
    if language.russian and key == "им":
        return _is_pronoun_im(text, sentence_start, token_start)
    if not language.russian and key in ("no", "nos", "nr"):
        return not next_is_digit  # "No. 5" but "He said no. Then …"
    return _abbreviation_ends(
        text, language, kind, key, sentence_start, token_start, next_pos, next_is_digit
    )


def _full_stop_after_letter_ends(
    text: str,
    language: _Language,
    sentence_start: int,
    token_start: int,
    letter: str,
    next_pos: int,
    next_is_digit: bool,
) -> bool:
    previous = _previous_token(text, sentence_start, token_start)
    if letter.isupper():
        if token_start == sentence_start:
            return False  # "А. Общие положения"
        if letter not in _ROMAN or not previous[:1].isalpha():
            return False  # an initial: R. V. Daniels, Н. И. Бухарин
        if _numbers_a_part(text, sentence_start, token_start):
            return False
        if language.russian:
            return _is_cyrillic(previous[0])  # "Петр I. Затем …"
        return (
            previous[0].isupper()
            and _next_word(text, next_pos).lower() in rules.ENGLISH_SENTENCE_OPENERS
        )
    if len(previous) == 2 and previous[1] == "." and previous[0].isalpha():
        compound = language.abbreviations.get(f"{previous[0].lower()}.{letter}")
        if compound is not None:  # "т. д.", "н. э.", "e. g."
            return _abbreviation_ends(
                text, language, compound, "", sentence_start, token_start, next_pos, next_is_digit
            )
    if not language.russian:  # "p.", "t.", "s.", "n." … but "the letter u. The …"
        return _next_word(text, next_pos).lower() in rules.ENGLISH_SENTENCE_OPENERS
    if letter in rules.RUSSIAN_SENTENCE_FINAL_LETTERS:
        return True
    after_number = rules.RUSSIAN_LETTER_AFTER_NUMBER.get(letter)
    if after_number is not None and (
        previous[:1].isdigit() or _is_roman(previous) or previous in rules.RUSSIAN_NUMBER_WORDS
    ):
        return _abbreviation_ends(
            text, language, after_number, letter, sentence_start, token_start, next_pos,
            next_is_digit,
        )
    return False


def _abbreviation_ends(
    text: str,
    language: _Language,
    kind: Abbrev,
    key: str,
    sentence_start: int,
    token_start: int,
    next_pos: int,
    next_is_digit: bool,
) -> bool:
    if kind is Abbrev.NEVER or next_is_digit:
        return False
    if kind is Abbrev.DATE:
        return not _only_date_phrase(text, sentence_start, token_start)
    if language.russian or key in rules.ENGLISH_END_BEFORE_ANY_CAPITAL:
        return True
    return _next_word(text, next_pos).lower() in rules.ENGLISH_SENTENCE_OPENERS


def _numbers_a_part(text: str, sentence_start: int, token_start: int) -> bool:
    """A Roman numeral heading a part: "II. Стратегия", "Часть I. Революция"."""
    if token_start == sentence_start:
        return True
    previous = _previous_token(text, sentence_start, token_start).rstrip(".").lower()
    return previous in rules.STRUCTURE_WORDS


def _only_date_phrase(text: str, sentence_start: int, token_start: int) -> bool:
    """True for "В начале сентября 1928" before "г.": a date, not a sentence."""
    if token_start - sentence_start > _LOOK_BACK:
        return False
    for word in text[sentence_start:token_start].split():
        word = word.strip(",.–-—()«»\"").lower()
        if not word or word[0].isdigit() or _is_roman(word.upper().translate(_NO_DASHES)):
            continue
        if word not in rules.RUSSIAN_DATE_WORDS:
            return False
    return True


def _is_pronoun_im(text: str, sentence_start: int, token_start: int) -> bool:
    """"им." is the pronoun after a verb ("сказал им."), else "имени" (завод им. Ленина)."""
    previous = _previous_token(text, sentence_start, token_start).lower().strip(",")
    return (
        previous.endswith(rules.RUSSIAN_VERB_ENDINGS)
        and previous not in rules.RUSSIAN_NOUNS_LIKE_VERBS
    )


def _speaker_follows_quotation(text: str, term_end: int, cand_end: int, next_pos: int) -> bool:
    """``"Who is to blame?" Bukharin asked.``: the speaker after a quoted question."""
    if text[term_end - 1] == "." or not any(c in _QUOTE_CLOSERS for c in text[term_end:cand_end]):
        return False
    words = text[next_pos : next_pos + _SPEAKER_REACH].split()
    for word in words[:_SPEAKER_WORDS]:
        word = word.strip(",;:.!?")
        if word.lower() in rules.ENGLISH_SPEECH_VERBS:
            return True
        if not word[:1].isupper():
            return False
    return False


def _citation_follows(text: str, open_pos: int, line_end: int, *, after_quote: bool) -> bool:
    """A bracketed reference closing the sentence: ``?» (Сталин, Соч., т. 11).``"""
    depth = 0
    for pos in range(open_pos, min(line_end, open_pos + _BRACKET_REACH)):
        char = text[pos]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                after = pos + 1
                if after < line_end and text[after] not in _TERMINALS:
                    return False
                inner = text[open_pos + 1 : pos]
                if inner.rstrip()[-1:] in ("!", "?"):
                    return False
                return after_quote or any(c.isdigit() for c in inner)
    return False


def _inside_brackets(text: str, sentence_start: int, pos: int, line_end: int) -> bool:
    """True inside an open (…) or […] group that closes later on the line."""
    start = max(sentence_start, pos - _BRACKET_REACH)
    if text.find("(", start, pos) < 0 and text.find("[", start, pos) < 0:
        return False
    depth = (
        text.count("(", start, pos)
        + text.count("[", start, pos)
        - text.count(")", start, pos)
        - text.count("]", start, pos)
    )
    if depth <= 0:
        return False
    reach = min(line_end, pos + _BRACKET_REACH)
    return text.find(")", pos, reach) >= 0 or text.find("]", pos, reach) >= 0


def _next_is_citation_part(text: str, next_pos: int, line_end: int) -> bool:
    """After "РГАСПИ." or "Там же." the reference goes on: "Ф. 17", "С. 220"."""
    end = next_pos
    while end < line_end and text[end].isalpha():
        end += 1
    if end == next_pos or end >= line_end - 1 or text[end] != ".":
        return False
    if text[next_pos:end].lower() not in rules.CITATION_PARTS_BEFORE_NUMBER:
        return False
    after = end + 1
    while after < line_end and text[after].isspace():
        after += 1
    return after < line_end and (text[after].isdigit() or text[after] in _ROMAN)


def _has_alnum(text: str, start: int, end: int) -> bool:
    return any(text[pos].isalnum() for pos in range(start, end))


def _first_alnum(text: str, pos: int, line_end: int) -> str:
    """The first letter or digit at ``pos`` after quotes, dashes and brackets, else ``"A"``."""
    for offset in range(pos, min(line_end, pos + _OPENER_REACH)):
        char = text[offset]
        if char.isalnum():
            return char
    return "A"


def _next_word(text: str, pos: int) -> str:
    start = pos
    while start < len(text) and not text[start].isalnum() and start < pos + _OPENER_REACH:
        start += 1
    end = start
    while end < len(text) and text[end].isalpha():
        end += 1
    return text[start:end]


def _token_start(text: str, sentence_start: int, pos: int) -> int:
    """Start of the word ending at ``pos``: after whitespace and any opening marks."""
    start = pos
    while start > sentence_start and not text[start - 1].isspace():
        start -= 1
    while start < pos - 1 and not text[start].isalnum():
        start += 1
    return start


def _previous_token(text: str, sentence_start: int, token_start: int) -> str:
    """The whitespace-separated token before the one starting at ``token_start``."""
    end = token_start
    while end > sentence_start and not text[end - 1].isspace():
        end -= 1  # back over opening marks glued to the token
    while end > sentence_start and text[end - 1].isspace():
        end -= 1
    start = end
    while start > sentence_start and not text[start - 1].isspace():
        start -= 1
    return text[start:end].lstrip("«„“\"'‘([")


def _is_roman(word: str) -> bool:
    return bool(word) and all(char in _ROMAN for char in word)


def _is_cyrillic(char: str) -> bool:
    return "\u0400" <= char <= "\u04ff"
