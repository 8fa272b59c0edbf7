"""Finding the citation that belongs to a quotation.

Where Russian historical writing puts a source, in the order tried:

1. ``after`` — a parenthesis (or square brackets) right after the closing mark, or after
   the full stop that follows it: «…» (Сталин, Соч., т. 11, стр. 220); «…» [РГАСПИ …];
   ``footnote`` — a footnote mark right after the closing mark («…»¹, «…»[1], «…»*) and
   the footnote further on, on a line of its own that starts with the same mark;
2. ``later-in-sentence`` — later in the same sentence: «…», — пишет Конквест (L., 1968, p. 45);
3. ``next-sentence`` — the next sentence: «…». Цит. по: … / Эти слова известны лишь в
   английском переводе.;
4. ``before`` — a reference before the quotation in its sentence: как пишет Даниелс в
   книге „A Documentary History of Communism“, «…»;
5. ``previous-sentence`` — the sentence before, when it names a source and quotes nothing
   long itself.

A stretch of text counts as a citation only if :func:`scan_reference` finds
bibliographic signs in it (a parenthesis holding a gloss is not a citation).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.references import ReferenceScan, scan_reference

PLACEMENT_TEXT = {
    "after": "citation in parentheses right after the quotation",
    "later-in-sentence": "citation later in the same sentence",
    "next-sentence": "citation in the next sentence",
    "before": "reference before the quotation",
    "previous-sentence": "reference in the preceding sentence",
    "footnote": "citation in the footnote the quotation's mark refers to",
}

_ABBREVIATIONS = frozenset(
    str.split(
        """т тт стр с см ср соч собр полн изд ред г гг в вв ч л лл д оп ф ед хр цит пер англ нем
    фр франц им др пр проф акад тов указ сокр прим гл кн вып тыс млн млрд руб коп ок сост
    отд гос пос ул наст ред ред ин гр ст сб рез
    ed eds p pp vol vols no n y ibid op cit hrsg bd s aufl éd t trad transl etc cf mr dr st
    jr sr"""
    )
)
_CLOSING = "»\"”“)’'"
_QUOTE_CLOSING = _CLOSING.replace(")", "")
_MAX_LOOK = 800
_MAX_CITATION = 500

_SOURCE_CUE = re.compile(
    r"(?<![^\W\d_])(?:"
    r"(?i:пиш|писал|приводи|привед|цитиру|указыва|вспомина|сообща|отмеча|опубликова|публику"
    r"|напечата|сохранил|хранит|воспроизв|передан|переведен|перевод|записал|записыва)[а-я]*"
    r"|(?:[Вв]|[Вв]о|[Ии]з|[Пп]о)\s+(?:[\w-]+\s+)?(?:книг|стать|работ|монографи|сборник|мемуар|воспоминани|дневник"
    r"|газет|журнал|издани|публикаци|перевод|брошюр|труд|архив|записк|собрани|том|документ"
    r"|стенограмм|протокол|английск|немецк|французск)[а-я]*"
    r"|по\s+(?:данным|свидетельству|тексту)"
    r"|[Цц]ит\.|[Цц]итиру[а-я]*|[Ии]сточник:|[Сс]м\.|[Тт]ам\s+же"
    r"|[Cc]ited|[Qq]uoted|according\s+to|[Ii]bid)"
)
_LEADING_CUE = re.compile(
    r"\s*(?:[Цц]ит\.\s*по|[Цц]итируется\s+по|[Цц]итирую\s+по|[Пп]риводится\s+по|[Сс]м\.:?"
    r"|[Ии]сточник:|[Тт]ам\s+же|[Cc]ited\s+in|[Qq]uoted\s+(?:in|from)|Ibid)"
)
_FURTHER_READING = re.compile(
    r"(?:[Сс]м\.\s*также|[Сс]р\.|[Пп]одробнее|[Оо]б\s+этом\s+(?:подробнее\s+)?см|[Ss]ee\s+also"
    r"|[Cc]f\.|[Сс]м\.\s*об\s+этом)"
)
#: The author's words after a quotation: «…», — писал он …
_ATTRIBUTION_DASH = re.compile(r"[,!?…]?[ \t\u00a0]*[—–]")
_SKIP_AFTER = " \t\u00a0¹²³⁴⁵⁶⁷⁸⁹⁰*"
_STOP_THEN_BRACKET = re.compile(r"[.…][ \t\u00a0]*[(\[]")


@dataclass(frozen=True, slots=True)
class Citation:
    """The citation text of a quotation and where it was found."""

    text: str
    start: int
    end: int
    placement: str
    scan: ReferenceScan


def is_sentence_end(text: str, pos: int) -> bool:
    """True if the terminator at ``pos`` ends a sentence (not an abbreviation or initial)."""
    ch = text[pos]
    if ch not in ".!?…":
        return False
    after = pos + 1
    while after < len(text) and text[after] in _CLOSING + ".!?…":
        after += 1
    if after < len(text) and not text[after].isspace():
        return False
    while after < len(text) and text[after] in " \t\u00a0":
        after += 1
    if after < len(text) and text[after] not in "\r\n":
        nxt = text[after]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "«„“\"(—–["):
            return False
    if ch == ".":
        word_start = pos
        while word_start > 0 and text[word_start - 1].isalpha():
            word_start -= 1
        word = text[word_start:pos]
        if len(word) == 1 or word.lower() in _ABBREVIATIONS:
            return False
    return True


def sentence_start(text: str, pos: int, floor: int) -> int:
    """Start of the sentence holding ``pos`` (not before ``floor``), parentheses respected."""
    lowest = max(floor, pos - _MAX_LOOK)
    depth = 0
    for index in range(pos - 1, lowest - 1, -1):
        ch = text[index]
        if ch == ")":
            depth += 1
        elif ch == "(":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ".!?…" and is_sentence_end(text, index):
            start = index + 1
            while start < pos and (text[start] in _CLOSING or text[start].isspace()):
                start += 1
            return start
    return lowest


def sentence_end(text: str, pos: int, ceiling: int) -> int:
    """End (exclusive) of the sentence running on from ``pos``, parentheses respected."""
    depth = 0
    highest = min(ceiling, pos + _MAX_LOOK)
    for index in range(pos, highest):
        ch = text[index]
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(0, depth - 1)
        elif depth == 0 and ch in ".!?…" and is_sentence_end(text, index):
            end = index + 1
            while end < highest and text[end] in _CLOSING + ".!?…":
                end += 1
            return end
    return highest


def matching_paren(text: str, open_pos: int, ceiling: int) -> int | None:
    """Index of the bracket closing the ``(`` or ``[`` at ``open_pos``, or None."""
    opening = text[open_pos]
    closing = ")" if opening == "(" else "]"
    depth = 0
    for index in range(open_pos, min(ceiling, open_pos + _MAX_CITATION)):
        if text[index] == opening:
            depth += 1
        elif text[index] == closing:
            depth -= 1
            if depth == 0:
                return index
    return None


def _citation(text: str, start: int, end: int, placement: str) -> Citation | None:
    while start < end and text[start] in " \t,;:.—–-(\u00a0":
        start += 1
    while end > start and text[end - 1] in " \t\u00a0":
        end -= 1
    if start >= end:
        return None
    body = text[start:end]
    if _FURTHER_READING.match(body):
        return None  # "см. также", "подробнее см." point to reading, not to the source
    scan = scan_reference(body)
    if not scan.is_reference:
        return None
    return Citation(body, start, end, placement, scan)


def locate_citation(
    text: str,
    start: int,
    end: int,
    paragraph: tuple[int, int],
    stops: Sequence[int],
    term: bool,
    next_paragraph_end: int | None = None,
) -> Citation | None:
    """The citation of the quotation ``text[start:end]``, or None.

    ``paragraph`` is (start, end) of the paragraph holding the closing mark; ``stops``
    (sorted) are starts of full quotations, which a forward or backward search does not
    cross. A quoted ``term`` (a word or two) takes only a citation right after it.
    """
    para_start, para_end = paragraph
    found = _after(text, end, para_end) or _footnote(text, end)
    if found or term:
        return found
    later = bisect.bisect_left(stops, end)
    bound = min(para_end, stops[later]) if later < len(stops) else para_end
    found = _later_in_sentence(text, end, bound)
    if found:
        return found
    found = _next_sentence(text, end, para_end, bound, next_paragraph_end)
    if found:
        return found
    earlier = bisect.bisect_left(stops, start) - 1
    floor = max(para_start, stops[earlier]) if earlier >= 0 else para_start
    return _before(text, start, floor)


def _after(text: str, end: int, para_end: int) -> Citation | None:
    pos = end
    while pos < para_end and text[pos] in _SKIP_AFTER:
        pos += 1
    if _STOP_THEN_BRACKET.match(text, pos, para_end):
        pos += 1  # «…». (Там же. С. 5.) — the reference after the full stop
        while pos < para_end and text[pos] in _SKIP_AFTER:
            pos += 1
    if pos >= para_end or text[pos] not in "([":
        return None
    close = matching_paren(text, pos, para_end)
    if close is None:
        return None
    return _citation(text, pos + 1, close, "after")


_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
#: A footnote mark right after a closing quotation mark (a full stop may come between).
_FOOTNOTE_MARK = re.compile(r"\.?(?:([⁰¹²³⁴⁵⁶⁷⁸⁹]{1,3})|\[(\d{1,3})\]|(\*{1,3}))")
#: How far after the quotation its footnote is looked for.
_MAX_FOOTNOTE_DISTANCE = 20_000


def _footnote(text: str, end: int) -> Citation | None:
    """The footnote that a mark right after the quotation refers to, if the text has it."""
    mark = _FOOTNOTE_MARK.match(text, end)
    if mark is None:
        return None
    superscript, bracketed, stars = mark.groups()
    if stars:
        line_mark = re.escape(stars)
    else:
        number = superscript.translate(_SUPERSCRIPT_DIGITS) if superscript else bracketed
        shapes = [re.escape(superscript or ""), rf"\[{number}\]", rf"{number}(?:[.)]|(?=[ \t]))"]
        line_mark = "(?:" + "|".join(s for s in shapes if s) + ")"
    note = re.compile(rf"^[ \t]*{line_mark}(?!\d)[ \t]*(\S[^\r\n]*)", re.MULTILINE)
    found = note.search(text, mark.end(), min(len(text), mark.end() + _MAX_FOOTNOTE_DISTANCE))
    if found is None:
        return None
    return _citation(text, found.start(1), found.end(1), "footnote")


def _later_in_sentence(text: str, end: int, bound: int) -> Citation | None:
    stop = sentence_end(text, end, bound)
    pos = end
    while pos < stop:
        if text[pos] == "(":
            close = matching_paren(text, pos, bound)
            if close is None:
                break
            inner = _citation(text, pos + 1, close, "later-in-sentence")
            if inner is not None:
                # The words leading to the parenthesis ("— пишет Конквест в книге …") belong to it.
                whole = _citation(text, end, close + 1, "later-in-sentence")
                return whole if whole is not None else inner
            pos = close + 1
            continue
        pos += 1
    trailing = text[end:stop]
    if _SOURCE_CUE.search(trailing) or _ATTRIBUTION_DASH.match(trailing):
        # A cue such as "пишет", or the author's words after a dash («…», — …), may
        # lead to a reference ("— уверял Дюранти в «The New York Times» 31 марта 1933 г.").
        return _citation(text, end, stop, "later-in-sentence")
    return None


def _next_sentence(
    text: str, end: int, para_end: int, bound: int, next_paragraph_end: int | None
) -> Citation | None:
    stop = sentence_end(text, end, bound)
    if text[end:stop].strip(" \t\u00a0.!?…,;:—–-" + _CLOSING + "¹²³⁴⁵⁶⁷⁸⁹⁰*"):
        return None  # the quotation does not end its sentence
    begin = stop
    ceiling = para_end
    while begin < len(text) and text[begin] in " \t\u00a0":
        begin += 1
    if begin >= para_end:
        if next_paragraph_end is None:
            return None
        while begin < len(text) and text[begin].isspace():
            begin += 1
        ceiling = next_paragraph_end
        if not _LEADING_CUE.match(text, begin):
            return None
    if begin >= ceiling:
        return None
    if _LEADING_CUE.match(text, begin):
        return _citation(text, begin, min(ceiling, begin + _MAX_CITATION), "next-sentence")
    finish = sentence_end(text, begin, ceiling)
    sentence = text[begin:finish]
    if not _SOURCE_CUE.search(sentence):
        return None
    found = _citation(text, begin, finish, "next-sentence")
    if found is None or not (found.scan.explicit or sum(m.weight for m in found.scan.markers) >= 2):
        return None
    return found


def _before(text: str, start: int, floor: int) -> Citation | None:
    lead_start = sentence_start(text, start, floor)
    cue = _SOURCE_CUE.search(text, lead_start, start)
    if cue is not None:
        found = _citation(text, cue.start(), start, "before")
        if found is not None:
            return found
    if lead_start <= floor:
        return None
    previous_end = lead_start
    while previous_end > floor and (
        text[previous_end - 1].isspace() or text[previous_end - 1] in _QUOTE_CLOSING + ".!?…"
    ):
        previous_end -= 1
    previous_start = sentence_start(text, previous_end, floor)
    cue = _SOURCE_CUE.search(text, previous_start, lead_start)
    if cue is None:
        return None
    return _citation(text, cue.start(), lead_start, "previous-sentence")
