"""Judging where the Russian wording of a quotation came from, and what to tell the translator.

Input: the quotation's text and its citation (if any). Output: a :class:`Judgement` —
provenance, a confidence in 0..1, the evidence as short strings, and advice. Order of
the tests:

1. words quoted in Latin script are left untranslated (``untranslated-english``, or
   ``other-language`` for German/French words);
2. no citation: ``no-citation`` (confident for a quoted word or term, less for a long
   uncited passage);
3. "Там же"/"Ibid." repeats the previous citation's judgement;
4. explicit words ("обратный перевод", "в пер. с англ.", "пер. с нем.", "по подлиннику");
5. the balance of language signs in the (first) reference: English → ``via-english``,
   German/French → ``other-language``, Russian → ``russian-original``. Weak or mixed
   signs give a low confidence, and English signs too weak to stand on give ``unknown``
   rather than a flag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from workbench.core.citations import PLACEMENT_TEXT, Citation
from workbench.core.lookalikes import LATIN_LETTER, normalise_lookalikes
from workbench.core.model import Provenance
from workbench.core.references import (
    ARCHIVE_ABROAD,
    BRITISH_RECORDS,
    DE,
    EN,
    FR,
    LANGUAGE_NAMES,
    RU,
    ReferenceScan,
    latin_language,
    scan_reference,
    script_share,
)

#: A quotation of at most this many words, with no sentence inside, is a quoted term.
TERM_WORDS = 3
#: English signs weaker than this are not enough to flag a quotation.
MIN_ENGLISH_SCORE = 1.5


@dataclass(frozen=True, slots=True)
class Judgement:
    provenance: Provenance
    confidence: float
    evidence: tuple[str, ...]
    advice: str | None = None


def quoted_body(quote: str) -> str:
    """The words of a quotation without its marks."""
    return quote.strip().strip("«»„“”\"'‘’‹›").strip()


def is_term(quote: str, introduced: bool = False) -> bool:
    """A quoted word or short term (no sentence of its own).

    ``introduced`` — the quotation follows a colon ("говорит: «Мы потеряли партию»"): it
    is speech, not a term, however short.
    """
    if introduced:
        return False
    body = quoted_body(quote)
    words = re.findall(r"[^\W_]+", body)
    return len(words) <= TERM_WORDS and not re.search(r"[.!?…:;]\s", body + " ")


def judge(
    quote: str,
    citation: Citation | None,
    earlier: Sequence[tuple[Citation, Judgement]] = (),
    introduced: bool = False,
) -> Judgement:
    """Provenance of one (outermost) quotation.

    ``earlier``: the citations of the document before this one, with their judgements
    (what "Там же"/"Ibid." and "Cohen S. F. Op. cit." refer to). ``introduced``: the
    quotation follows a colon (see :func:`is_term`).
    """
    untranslated = _untranslated(quote)
    if untranslated is not None:
        return untranslated
    if citation is None:
        return _uncited(quote, introduced)
    scan = citation.scan
    placement = PLACEMENT_TEXT[citation.placement]
    if scan.ditto:
        if not earlier:
            return Judgement(
                Provenance.UNKNOWN,
                0.3,
                (placement, "'Там же'/'Ibid.' with no earlier citation to refer to"),
            )
        word = scan.normalised.strip().split(".")[0].strip()
        return _repeated(earlier[-1][1], placement, f"'{word}' repeats the previous citation")
    if scan.op_cit_author is not None:
        author = scan.op_cit_author
        source = next((j for c, j in reversed(earlier) if author in c.scan.normalised), None)
        if source is not None:
            return _repeated(
                source, placement, f"'op. cit.' repeats the earlier citation of {author}"
            )
    judgement = _from_reference(scan, placement)
    if citation.placement not in ("after", "footnote"):
        judgement = Judgement(
            judgement.provenance,
            round(judgement.confidence * 0.9, 2),
            judgement.evidence,
            judgement.advice,
        )
    return judgement


def _repeated(source: Judgement, placement: str, note: str) -> Judgement:
    """The judgement of an earlier citation, repeated by "Там же" or "op. cit."."""
    inherited = [e for e in source.evidence if e not in PLACEMENT_TEXT.values()]
    return Judgement(
        source.provenance,
        round(source.confidence * 0.9, 2),
        (placement, note, *inherited),
        source.advice,
    )


def nested(parent: Judgement, quote: str) -> Judgement:
    """Provenance of a quotation nested inside one already judged.

    Inside a quotation taken from English everything is taken from English. Inside a
    Russian original or a translation from another language a nested quotation shares
    its parent's provenance, unless its own words are left in Latin script.
    """
    if parent.provenance is not Provenance.VIA_ENGLISH:
        untranslated = _untranslated(quote)
        if untranslated is not None:
            return untranslated
    if parent.provenance in (
        Provenance.VIA_ENGLISH,
        Provenance.RUSSIAN_ORIGINAL,
        Provenance.OTHER_LANGUAGE,
    ):
        return Judgement(
            parent.provenance,
            parent.confidence,
            (f"nested in a quotation judged {parent.provenance.value}",),
            parent.advice,
        )
    return judge(quote, None)


def _untranslated(quote: str) -> Judgement | None:
    if not LATIN_LETTER.search(quote):
        return None
    body, subs = normalise_lookalikes(quoted_body(quote))
    latin, cyrillic = script_share(body)
    if latin < 2 or latin < 3 * cyrillic:
        return None
    language, strength = latin_language(body)
    if language == RU:
        return None  # Russian in Latin letters: an ordinary quotation
    words = len(re.findall(r"[^\W\d_]+", body))
    evidence = [f"quoted words are in Latin script ({words} word{'s' if words != 1 else ''})"]
    if subs:
        evidence.append("; ".join(dict.fromkeys(s.describe() for s in subs)))
    if language == EN:
        confidence = 0.9 if strength > 0 or words <= TERM_WORDS else 0.75
        evidence.append("read as English, left untranslated")
        return Judgement(
            Provenance.UNTRANSLATED_ENGLISH,
            confidence,
            tuple(evidence),
            "English words quoted as they stand: keep them, they are not a translation",
        )
    name = LANGUAGE_NAMES[language]
    evidence.append(f"read as {name}, left untranslated")
    return Judgement(
        Provenance.OTHER_LANGUAGE,
        0.8,
        tuple(evidence),
        f"{name} words quoted untranslated: keep or gloss them as the house style says",
    )


def _uncited(quote: str, introduced: bool) -> Judgement:
    words = len(re.findall(r"[^\W_]+", quoted_body(quote)))
    if is_term(quote, introduced):
        return Judgement(
            Provenance.NO_CITATION,
            0.9,
            (f"quoted term of {words} word{'s' if words != 1 else ''}, no citation",),
        )
    return Judgement(
        Provenance.NO_CITATION,
        0.6,
        (f"no citation found near a quotation of {words} word{'s' if words != 1 else ''}",),
        "No source is cited: if a published English wording exists, prefer it",
    )


#: Where a citation passes to another reference: "; ", or a full stop before a reprint or
#: a translation ("Известия. 1930. 5 марта. Перепечатано в: …", "… Л. 12. Опубликовано в: …").
_REFERENCE_SEPARATOR = re.compile(
    r";|[.,]\s*(?=(?:[Пп]ерепечатан|[Оо]публикован|[Пп]ереиздан|[Аа]нгл\.\s*пер\.|[Рр]ус\.\s*пер\."
    r"|[Rr]eprinted|[Pp]ublished\s+in|[Ee]nglish\s+translation|[Tt]ranslated\s+in))"
)


def _primary(scan: ReferenceScan) -> tuple[ReferenceScan, list[str]]:
    """The first reference of a citation that lists several, and a note if so."""
    parts = [p.strip() for p in _REFERENCE_SEPARATOR.split(scan.normalised) if p.strip()]
    if len(parts) < 2:
        return scan, []
    kept = [p for p in parts if not re.match(r"(?:см\.\s*также|ср\.|see also|cf\.)", p, re.I)]
    first = kept[0] if kept else parts[0]
    primary = scan_reference(first)
    # Explicit words anywhere in the citation still count ("…; обратный перевод").
    primary.explicit.extend(m for m in scan.explicit if m not in primary.explicit)
    return primary, [f"first of {len(parts)} references judged"]


def _from_reference(full: ReferenceScan, placement: str) -> Judgement:
    scan, notes = _primary(full)
    scores = {lang: scan.score(lang) for lang in (EN, DE, FR, RU)}
    evidence = [placement, *notes]
    explicit_langs = {m.language for m in scan.explicit}
    evidence += [f"{m.evidence} in citation" for m in scan.explicit]
    source_lang = max((EN, DE, FR), key=lambda k: scores[k])
    foreign = scores[source_lang]

    def signs(language: str) -> list[str]:
        return [m.evidence for m in scan.markers if m.language == language]

    if EN in explicit_langs or ("back" in explicit_langs and (source_lang == EN or foreign == 0)):
        evidence += [m.evidence for m in scan.markers if m.language == EN]
        return Judgement(
            Provenance.VIA_ENGLISH, 0.95, tuple(evidence), advice_for_english(scan, full)
        )
    if explicit_langs & {DE, FR, "other"} or "back" in explicit_langs:
        language = next((lang for lang in (DE, FR) if lang in explicit_langs), source_lang)
        evidence += [m.evidence for m in scan.markers if m.language == language]
        return Judgement(
            Provenance.OTHER_LANGUAGE, 0.9, tuple(evidence), _advice_other(language, full)
        )
    if RU in explicit_langs:
        evidence += [m.evidence for m in scan.markers if m.language == RU]
        return Judgement(Provenance.RUSSIAN_ORIGINAL, 0.9, tuple(evidence))

    russian = scores[RU]
    published_english = any(
        m.language == EN
        and (
            m.title
            or "page" in m.evidence
            or "editor" in m.evidence
            or m.evidence == BRITISH_RECORDS
        )
        for m in scan.markers
    )
    if scan.score(ARCHIVE_ABROAD) and not published_english:
        evidence += [m.evidence for m in scan.markers if m.language in (ARCHIVE_ABROAD, RU)]
        evidence.append("the document's own language is not stated")
        return Judgement(
            Provenance.UNKNOWN,
            0.5,
            tuple(evidence),
            "Archival document held abroad, often a Russian original: check it before "
            "translating",
        )
    best = max(foreign, russian)
    if best < 1.0:
        evidence.append("citation gives no sign of its language")
        return Judgement(
            Provenance.UNKNOWN, 0.3, tuple(evidence), "Source language unclear: check the citation"
        )
    mixed = min(foreign, russian) >= 0.6 * best
    if foreign == russian:
        evidence += signs(source_lang) + signs(RU)
    else:
        evidence += signs(source_lang if foreign > russian else RU)
    if foreign > russian:
        if source_lang == EN and foreign < MIN_ENGLISH_SCORE:
            evidence.append("English signs too weak to flag")
            return Judgement(
                Provenance.UNKNOWN,
                0.4,
                tuple(evidence),
                "Possibly taken from an English source: check the citation before translating",
            )
        confidence = _confidence(foreign, mixed)
        if mixed:
            evidence.append("citation also has Russian signs")
        if source_lang == EN:
            if scan.own_translation:
                evidence.append("words 'перевод наш' (the author translated it)")
            return Judgement(
                Provenance.VIA_ENGLISH, confidence, tuple(evidence), advice_for_english(scan, full)
            )
        return Judgement(
            Provenance.OTHER_LANGUAGE, confidence, tuple(evidence), _advice_other(source_lang, full)
        )
    if foreign == russian:
        evidence.append("Russian and foreign signs are equally strong")
        return Judgement(
            Provenance.UNKNOWN, 0.4, tuple(evidence), "Source language unclear: check the citation"
        )
    if mixed:
        evidence.append(f"citation also has {LANGUAGE_NAMES[source_lang]} signs")
    return Judgement(Provenance.RUSSIAN_ORIGINAL, _confidence(russian, mixed), tuple(evidence))


def _confidence(score: float, mixed: bool) -> float:
    base = 0.9 if score >= 3 else 0.8 if score >= 2 else 0.65
    return round(base - (0.25 if mixed else 0.0), 2)


_EDITOR = re.compile(r"\b[Ee]d(?:ited)?\.?\s+(?:by\s+)?((?:[A-Z]\.\s?){0,3}[A-Z][a-zA-Z'\-]+)")
_AUTHOR = re.compile(r"([A-Z][a-zA-Z'\-]+),?\s+((?:[A-Z]\.\s?){1,3})\s*$")
_PAGES = re.compile(r"(?<![\w.])[Pp]{1,2}\.\s*(\d+(?:\s*[-–]\s*\d+)?)")
_VOLUME = re.compile(r"(?<![\w.])[Vv]ols?\.\s*([\dIVXLC]+)")


def advice_for_english(scan: ReferenceScan, full: ReferenceScan) -> str:
    """"Take the English wording from <title>, ed. <editor>, pp. <pages>; do not …"."""
    back = any(m.language == "back" for m in full.explicit)
    tail = "do not translate this back-translation" if back else "do not re-translate the Russian"
    english_titles = [t for t in scan.titles if t.language == EN] or [
        t for t in full.titles if t.language == EN
    ]
    if not english_titles:
        if any(m.language == EN for m in full.explicit):
            return (
                f"Take the English wording from the English original of the source cited "
                f"({_shorten(full.text)}); {tail}"
            )
        cited = _shorten(full.text)
        return f"Take the English wording from the English source cited ({cited}); {tail}"
    title = english_titles[0].text
    parts = [title]
    text = scan.normalised
    editor = _EDITOR.search(text)
    at = text.find(title)
    author = _AUTHOR.search(text[:at]) if at > 0 else None
    if editor:
        parts.append(f"ed. {editor.group(1).strip()}")
    elif author and author.group(1) not in title:
        initials = re.sub(r"\s+", " ", author.group(2)).strip()
        parts.insert(0, f"{initials} {author.group(1)},")
    volume = _VOLUME.search(text)
    if volume:
        parts.append(f"vol. {volume.group(1)}")
    pages = _PAGES.search(text)
    if pages:
        span = re.sub(r"\s*[-–]\s*", "-", pages.group(1))
        parts.append(("pp. " if "-" in span else "p. ") + span)
    source = ", ".join(parts).replace(",, ", ", ")
    return f"Take the English wording from {source}; {tail}"


def _advice_other(language: str, full: ReferenceScan) -> str:
    name = LANGUAGE_NAMES.get(language, "another language")
    return (
        f"Translated from {name} (source: {_shorten(full.text)}): translate from the "
        f"{name} original if you can consult it, not from this Russian rendering"
        if language in LANGUAGE_NAMES
        else f"Translated from another language (source: {_shorten(full.text)})"
    )


def _shorten(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
