"""Reading a bibliographic reference: which language it is in, and what it says it is.

``scan_reference(text)`` finds the signs a translator would look for in a citation —
a Latin-script title (even one typed with a Cyrillic look-alike letter), "ed. by",
"p."/"pp.", "N. Y.", "hrsg. von", "éd.", "Соч.", "т.", "стр.", archive signatures,
Russian newspapers, words such as "обратный перевод" — and keeps each as a short
evidence string. It does not decide anything; :mod:`workbench.core.provenance` does.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from workbench.core.lookalikes import (
    LATIN_LETTER,
    Substitution,
    count_scripts,
    is_cyrillic_letter,
    is_latin_letter,
    normalise_lookalikes,
)

EN, DE, FR, RU = "en", "de", "fr", "ru"
#: A Latin-script title whose words tell no language; it takes the language of the
#: reference's other foreign signs (English if there are none).
UNKNOWN_LATIN = "latin"
#: An archive abroad (Hoover, Houghton): the document's own language is not stated.
ARCHIVE_ABROAD = "archive-abroad"
#: Evidence of a file of British government records (an English document, even in an archive).
BRITISH_RECORDS = "British official records (FO/CAB file, Public Record Office, Kew)"
LANGUAGE_NAMES = {EN: "English", DE: "German", FR: "French", RU: "Russian"}

_NB = r"(?<![^\W\d_])"  # not preceded by a letter
_NA = r"(?![^\W\d_])"  # not followed by a letter


@dataclass(frozen=True, slots=True)
class Marker:
    """One sign of a reference's language, with the evidence string shown to the user."""

    language: str
    weight: float
    evidence: str
    start: int = 0
    end: int = 0
    title: bool = False


@dataclass(frozen=True, slots=True)
class Title:
    """A title found in a reference (quoted, or a run of Latin-script words)."""

    text: str
    language: str
    quoted: bool
    lookalikes: tuple[str, ...] = ()


@dataclass(slots=True)
class ReferenceScan:
    """Everything found in one reference text (``normalised`` has look-alikes undone)."""

    text: str
    normalised: str
    markers: list[Marker] = field(default_factory=list)
    titles: list[Title] = field(default_factory=list)
    explicit: list[Marker] = field(default_factory=list)
    own_translation: bool = False
    ditto: bool = False
    #: "Cohen S. F. Op. cit. P. 307", "Rosenberg A., a. a. O.": the author whose work,
    #: cited earlier, this reference repeats (None when the reference is not of that kind).
    op_cit_author: str | None = None

    def score(self, language: str) -> float:
        return sum(m.weight for m in self.markers if m.language == language)

    @property
    def is_reference(self) -> bool:
        """True when the text looks like a citation at all.

        Bibliographic signs, explicit words or "Там же" make a citation. A title alone
        does only with a year or number beside it or a word such as "в книге" before
        it: a bare English phrase in parentheses is a gloss, not a source.
        """
        if self.ditto or self.explicit or self.op_cit_author:
            return True
        signs = sum(m.weight for m in self.markers if not m.title)
        if signs >= 1.0:
            return True
        return bool(self.titles) and (
            bool(_YEAR_OR_NUMBER.search(self.normalised)) or bool(_BOOK_CUE.search(self.normalised))
        )


def _rx(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


_ARCHIVE_ABROAD_RE = _rx(
    r"\b(?:[Bb]ox|[Ff]older|[Rr]eel|[Ff]ond|Archives|Houghton Library|bMS Russ"
    r"|Nicolaevsky Collection|Trotsky Collection|Hoover Institution Archives)\b"
)


#: Files of British government departments: documents written in English.
_BRITISH_RECORDS_RE = _rx(
    r"\b(?:FO|CAB|PREM|WO|ADM|HW)\s?\d{1,4}/\d+|\bPublic Record Office\b|\bPRO\b|\bKew\b"
)


# (language, weight, evidence, pattern). Patterns run on the look-alike-normalised text.
_MARKERS: list[tuple[str, float, str, re.Pattern[str]]] = [
    (EN, 2.0, "'ed. by' (English editor)", _rx(r"\b[Ee]d(?:ited)?\.?\s+by\b")),
    (EN, 1.5, "'ed.'/'eds.' (English editor)", _rx(r"(?<![\wé])[Ee]ds?\.(?=[\s,])(?!\s+by\b)")),
    (EN, 1.0, "'p./pp.' page reference", _rx(r"(?<![\w.])[Pp]{1,2}\.\s*\d")),
    (EN, 1.0, "'vol.' volume reference", _rx(r"(?<![\w.])[Vv]ols?\.\s*[\dIVXLC]")),
    (EN, 2.0, "'N. Y.' (New York)", _rx(r"\bN\.\s?Y\.|\bNew York\b")),
    (EN, 1.5, "'London'", _rx(r"\bLondon\b|(?<![\w.])L\.\s*[,:]\s*[A-Z0-9]")),
    (
        EN,
        1.5,
        "English publisher",
        _rx(
            r"\b(?:Press|University|Publishers|Publishing|Books|Vintage|Praeger|Macmillan"
            r"|Knopf|Norton|Penguin|Harper|Random House|Routledge|Hoover Institution)\b"
        ),
    ),
    (
        EN,
        1.5,
        "English place of publication",
        _rx(r"\b(?:Cambridge|Oxford|Boston|Chicago|Princeton|Stanford|Berkeley|New Haven)\b"),
    ),
    (
        EN,
        1.0,
        "date with an English month",
        _rx(
            r"\b(?:January|February|March|April|May|June|July|August|September|October|November"
            r"|December)\s+\d{1,2}\b|\b\d{1,2}\s+(?:January|February|March|April|May|June|July"
            r"|August|September|October|November|December)\b"
        ),
    ),
    (EN, 1.0, "'transl.' (English translator)", _rx(r"\btransl?\.|\btranslated by\b")),
    (
        ARCHIVE_ABROAD,
        2.0,
        "archive held abroad (box/folder/collection)",
        _ARCHIVE_ABROAD_RE,
    ),
    (EN, 2.0, BRITISH_RECORDS, _BRITISH_RECORDS_RE),
    (DE, 2.0, "'hrsg. von' (German editor)", _rx(r"\b[Hh]rsg\.|\b[Hh]erausgegeben\b")),
    (
        DE,
        1.0,
        "date with a German month",
        _rx(
            r"\b\d{1,2}\.\s*(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober"
            r"|November|Dezember)\b"
        ),
    ),
    (DE, 1.0, "'S.' page reference (German)", _rx(r"(?<![\w.])S\.\s*\d")),
    (DE, 1.5, "'Bd.' volume (German)", _rx(r"\bBd\.\s*[\dIVX]|\bBände?\b")),
    (
        DE,
        1.5,
        "German publisher or place",
        _rx(
            r"\b(?:Verlag|Aufl\.|übers\.|Berlin|München|Frankfurt|Leipzig|Wien|Stuttgart"
            r"|Hamburg|Köln|Dietz)\b"
        ),
    ),
    (
        FR,
        2.0,
        "'éd.' (French editor)",
        _rx(r"(?<!\w)[ée]d\.\s*(?:par|de)\b|(?<!\w)éd\.|\bÉditions\b"),
    ),
    (
        FR,
        1.0,
        "date with a French month",
        _rx(
            r"\b\d{1,2}(?:er)?\s+(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre"
            r"|octobre|novembre|décembre)\b"
        ),
    ),
    (FR, 1.0, "'t.' volume (French)", _rx(r"(?<![\w.])t\.\s*[\dIVX]")),
    (
        FR,
        1.5,
        "French publisher or place",
        _rx(r"\b(?:Paris|Gallimard|Seuil|Plon|Payot|Fayard|Robert Laffont|Calmann-Lévy)\b"),
    ),
    (FR, 1.5, "'trad.' (French translator)", _rx(r"\btrad\.|\btraduit\b")),
    (RU, 2.0, "'Соч.' (Russian collected works)", _rx(_NB + r"[Сс]оч\.")),
    (
        RU,
        2.0,
        "'Полн. собр. соч.' (Russian collected works)",
        _rx(r"Полн(?:\.|ое|ого|ом)?\s*собр(?:\.|ани[а-я])?|\bПСС\b"),
    ),
    (RU, 1.0, "'т.' volume (Russian)", _rx(_NB + r"[Тт]\.\s*\d")),
    (RU, 1.5, "'стр.' page reference (Russian)", _rx(_NB + r"[Сс]тр\.\s*\d")),
    (RU, 1.0, "'с.' page reference (Russian)", _rx(_NB + r"[Сс]\.\s*\d")),
    (RU, 0.5, "'ч.' part (Russian)", _rx(_NB + r"[Чч]\.\s*[\dIVX]")),
    (RU, 1.0, "'вып.'/'кн.'/'№' (Russian)", _rx(_NB + r"(?:[Вв]ып|[Кк]н)\.\s*\d|№\s*\d")),
    (
        RU,
        2.5,
        "Russian archive",
        _rx(
            r"\b(?:РГАСПИ|ГАРФ|ГА РФ|РГАЭ|РГВА|РГАНИ|АП РФ|ЦА ФСБ|ЦГАОР|ЦПА|РЦХИДНИ|ЦХСД"
            r"|ЦАМО|ЦГАСА|ЦГАНХ|ЦГАЛИ|РГАЛИ|ОР РГБ)\b|Архив[а-я]* Президента"
        ),
    ),
    (
        RU,
        2.0,
        "Russian periodical",
        _rx(
            r"\b(?:Правд[аеуыо]й?|Известия[хм]?|Известий|Большевик[аеу]?|Коммунист[аеу]?"
            r"|Бюллетен[ьяе] оппозиции|Социалистическ[а-я]+ вестник[а-я]*"
            r"|Вопрос[а-я]* истории(?: КПСС)?|Историческ[а-я]+ архив[а-я]*|Красн[а-я]+ звезд[а-я]+"
            r"|Экономическ[а-я]+ жизн[а-я]+|Нов[а-я]+ мир[а-я]*"
            r"|Партийн[а-я]+ строительств[а-я]+|Спутник[а-я]* агитатора)(?![а-я])"
        ),
    ),
    (
        RU,
        1.5,
        "Russian imprint",
        _rx(
            _NB + r"(?:М\.|Л\.|М\.\s*[-–]\s*Л\.|Пг\.|СПб\.)\s*[,:;]"
            r"|Госполитиздат|Политиздат|Партиздат|Госиздат|Гос\. изд|РОССПЭН|Прогресс|Мысль"
            r"|(?:Наука|Республика|Терра|Материк|Демократия)(?![а-яё])"
        ),
    ),
    (
        RU,
        2.5,
        "Russian archive (transliterated)",
        _rx(r"\b(?:RGASPI|GARF|RGAE|RGVA|RGANI|APRF|AP RF|TsGAOR|TsA FSB|TsPA|RTsKhIDNI|TsKhSD)\b"),
    ),
    (
        RU,
        2.5,
        "archive signature f./op./d. (transliterated)",
        _rx(r"(?<![\w.])f\.\s*[\dR][^;()]{0,20}?\bop\.\s*\d+[^;()]{0,20}?\bd\.\s*\d"),
    ),
    (
        RU,
        2.0,
        "Russian documentary collection",
        _rx(r"КПСС в рез|[Сс]тенографическ[а-я]+ отч[её]т|[Сс]тенограмм[а-я]*"),
    ),
]

_ARCHIVE_PARTS = [
    _rx(_NB + r"[Фф]\.\s*[\dР]"),
    _rx(_NB + r"[Оо]п\.\s*\d"),
    _rx(_NB + r"[Дд]\.\s*\d"),
    _rx(_NB + r"[Лл]{1,2}\.\s*\d"),
]

# Explicit words. ("via-en", "other", "ru") and an evidence string.
_EXPLICIT: list[tuple[str, str, re.Pattern[str]]] = [
    ("back", "words 'обратный перевод'", _rx(r"обратн[а-я]*\s+перевод[а-я]*|обратно переведен")),
    ("back", "words 'back-translation'", _rx(r"\b[Bb]ack[- ]translat\w*|\bre-?translat\w*")),
    (
        EN,
        "words 'пер. с англ.'",
        _rx(r"(?:пер\.|перев\.|перевод[а-я]*|переведен[а-я]*)\s+с\s+англ"),
    ),
    (EN, "words 'с английского'", _rx(_NB + r"с\s+английского")),
    (
        EN,
        "words 'известен лишь в английском переводе'",
        _rx(
            r"(?:известн|сохранил|сохранен|дош[её]?л|доступн|опубликован)[а-я]*"
            r"\s+(?:лишь|только)\s+в\s+английск"
        ),
    ),
    (
        EN,
        "words 'английский перевод/текст'",
        _rx(
            r"английск[а-я]*\s+(?:перевод|текст|изложени|версии|публикаци|передач|пересказ)"
            r"|по\s+английскому"
        ),
    ),
    (
        EN,
        "words 'на английском языке'",
        _rx(r"на\s+английском(?:\s+языке)?|по-английски"),
    ),
    (EN, "words 'translated from (the) Russian'", _rx(r"\btranslated from (?:the )?Russian\b")),
    (
        DE,
        "words 'пер. с нем.'",
        _rx(r"(?:пер\.|перев\.|перевод[а-я]*|переведен[а-я]*)\s+с\s+нем|с\s+немецкого"),
    ),
    (
        DE,
        "words 'немецкий перевод/текст'",
        _rx(
            r"немецк[а-я]*\s+(?:перевод|текст|изложени|версии|публикаци)"
            r"|на\s+немецком(?:\s+языке)?|по-немецки"
        ),
    ),
    (
        FR,
        "words 'пер. с фр.'",
        _rx(r"(?:пер\.|перев\.|перевод[а-я]*|переведен[а-я]*)\s+с\s+фр|с\s+французского"),
    ),
    (
        FR,
        "words 'французский перевод/текст'",
        _rx(
            r"французск[а-я]*\s+(?:перевод|текст|изложени|версии|публикаци)"
            r"|на\s+французском(?:\s+языке)?|по-французски"
        ),
    ),
    (
        "other",
        "words 'пер. с …' (another language)",
        _rx(r"(?:пер\.|перевод[а-я]*)\s+с\s+(?:итал|польск|исп|чешск|венгер|япон|кит)"),
    ),
    (RU, "words 'по подлиннику'", _rx(r"по\s+подлиннику|русск[а-я]*\s+оригинал|подлинник[а-я]*")),
]

_YEAR_OR_NUMBER = _rx(r"\b(?:1[5-9]\d\d|20\d\d)\b|(?<![\w.])[PpSСсTtТт]{1,2}\.\s*\d")
_BOOK_CUE = _rx(
    r"(?:книг|сборник|монографи|мемуар|воспоминани|работ|стать|издани|брошюр|труд)[а-я]*"
    r"\s*[«„“\"]"
)
_OWN_TRANSLATION = _rx(r"(?:перевод|пер\.)\s+(?:наш|мой|автора)|(?:наш|мой)\s+перевод")
_DITTO = _rx(r"^\s*(?:Там\s+же|Ibid\.?|Ibidem|Указ\.\s*соч\.|Op\.\s*cit\.)")
#: "Cohen S. F. Op. cit.", "Souvarine B., op. cit.", "Rosenberg A., a. a. O.",
#: "Авторханов А. Указ. соч.": group 1 is the author's surname.
_OP_CIT = _rx(
    r"(?:^|[:;]\s*)([A-ZА-ЯЁ][^\W\d_]+(?:-[A-ZА-ЯЁ][^\W\d_]+)?),?\s+(?:[A-ZА-ЯЁ]\.\s?){0,3},?\s*"
    r"(?:[Oo]p\.\s*cit\.|[Ll]oc\.\s*cit\.|a\.\s?a\.\s?O\.|[Уу]каз\.\s*соч\.|[Цц]ит\.\s*соч\.)"
)
#: "Валентинов Н. Новая экономическая политика…": a Russian book, wherever it was printed.
_CYRILLIC_AUTHOR_TITLE = _rx(
    r"^(?:[Цц]ит\.\s*по:?\s*|[Сс]м\.:?\s*)?[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?,?\s+"
    r"(?:[А-ЯЁ]\.\s?){1,3}\s*[А-ЯЁ][а-яё]+"
)
#: A Harvard author-date reference with a Latin-script author: "(Fitzpatrick 1994, p. 112)".
_AUTHOR_DATE = _rx(
    r"^(?:[Сс]м\.:?\s*|[Cc]f\.\s*|[Цц]ит\.\s*по:?\s*)?[A-Z][a-z'’\-]+"
    r"(?:\s+(?:and|&|und|et)\s+[A-Z][a-z'’\-]+)?,?\s+(?:1[5-9]|20)\d\d[a-z]?(?=[,:;\s]|$)"
)
_QUOTED = _rx(r"[«„“\"]([^«»„“”\"]{2,200}?)[»“”\"]")

def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_STOPWORDS = {
    EN: _word_set(
        "the of and a an in on to for with from is was that this at by my his our its be are "
        "were it what who history documentary letters papers diary memoirs life years party "
        "revolution soviet russia communism stalin bukharin trotsky great terror war speeches "
        "documents collection reminiscences selected works"
    ),
    DE: _word_set(
        "der die das und von zu zur zum des dem den im mit ein eine einer ist nicht auf für "
        "über geschichte briefe aus bis oder als auch sich tagebücher erinnerungen schriften "
        "revolution partei"
    ),
    FR: _word_set(
        "le la les de du des et un une en au aux sur pour dans par est histoire mémoires "
        "lettres à journal révolution parti souvenirs"
    ),
}
#: Spelling that marks a word as German rather than English (Schaukelpolitik, Ostpolitik).
_GERMAN_SHAPE = _rx(r"sch|tz|^\w{3,}(?:ung|keit|heit|schaft|lich|isch)$")
#: Spelling of Russian transliterated into Latin letters (Library of Congress and similar).
_TRANSLIT_SHAPE = _rx(
    r"(?:iia|iya|skii|skoi|skaia|nyi|naia|nogo|ykh|ikh|'ev|'nyi)$|kh|zh|shch|^(?:sobranie|otchet)$"
)
_DIACRITICS = {DE: "äöüßÄÖÜ", FR: "éèêàçùâîôûëïÉÈÀÇ"}
_ABBREVIATIONS_LATIN = _word_set(
    "ed eds by von par p pp vol vols n y l s bd t hrsg éd trad transl ibid op cit no"
)


def latin_language(text: str) -> tuple[str, float]:
    """Best guess at the language of Latin-script words: (``en``/``de``/``fr``/``ru``, strength).

    ``ru`` is transliterated Russian (Sochineniia, Izvestiia, Bol'shevik). Strength counts
    stopwords, diacritics and German or transliteration spelling; any other language needs
    at least 1.5 (one shared stopword such as "des" is not enough). 0 means "Latin
    script, language unknown" (reported as English, the usual case in Russian
    historical writing).
    """
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", text)]
    scores = {EN: 0.0, DE: 0.0, FR: 0.0}
    for word in words:
        for language, stop in _STOPWORDS.items():
            if word in stop:
                scores[language] += 1.0
    for language, letters in _DIACRITICS.items():
        scores[language] += 1.5 * sum(1 for ch in text if ch in letters)
    scores[RU] = 0.0
    for word in words:
        if _GERMAN_SHAPE.search(word):
            scores[DE] += 1.5
        if _TRANSLIT_SHAPE.search(word):
            scores[RU] += 1.5
    other = max((DE, FR, RU), key=lambda k: scores[k])
    if scores[other] >= 1.5 and scores[other] > scores[EN]:
        return other, scores[other]
    return EN, scores[EN]


def script_share(text: str) -> tuple[int, int]:
    """(Latin letters, Cyrillic letters) in ``text``."""
    return count_scripts(text)


def _lookalike_notes(subs: list[Substitution], start: int, end: int) -> tuple[str, ...]:
    seen: list[str] = []
    for sub in subs:
        if start <= sub.pos < end:
            note = sub.describe()
            if note not in seen:
                seen.append(note)
    return tuple(seen)


def _titles(normalised: str, subs: list[Substitution]) -> list[Title]:
    titles: list[Title] = []
    covered: list[tuple[int, int]] = []
    for match in _QUOTED.finditer(normalised):
        body = match.group(1).strip()
        latin, cyrillic = script_share(body)
        if not latin and not cyrillic:
            continue
        if latin > cyrillic:
            language, strength = latin_language(body)
            if strength == 0:
                language = UNKNOWN_LATIN
        else:
            language = RU
        notes = _lookalike_notes(subs, match.start(1), match.end(1))
        titles.append(Title(body, language, True, notes))
        covered.append((match.start(), match.end()))
    if not LATIN_LETTER.search(normalised):
        return titles
    masked = list(normalised)
    for start, end in covered:
        masked[start:end] = " " * (end - start)
    for piece_start, piece in _pieces("".join(masked)):
        title = _latin_title_in(piece)
        if title:
            language, strength = latin_language(title)
            if strength == 0:
                language = UNKNOWN_LATIN
            start = piece_start + piece.find(title)
            notes = _lookalike_notes(subs, start, start + len(title))
            titles.append(Title(title, language, False, notes))
    return titles


_PIECE_BREAK = _rx(r"(?<!\b[^\W\d_])\.\s+|[;(),]\s*|\s+[-–—]\s+")
_IMPRINT_START = _rx(
    r"^(?:Press|Verlag|University|Publishers|Publishing|Books|Berlin|London|Paris|New York"
    r"|München|Frankfurt|Leipzig|Wien|Stuttgart|Boston|Cambridge|Oxford|Chicago|Princeton"
    r"|Stanford|Gallimard|Plon|Seuil|Fayard|Payot)\b"
)
_AUTHOR_PREFIX = _rx(r"^[A-Z][a-zA-Z'\-]+,?\s+(?:[A-Z]\.\s?){1,3}\s*")


def _pieces(text: str) -> list[tuple[int, str]]:
    pieces: list[tuple[int, str]] = []
    start = 0
    for match in _PIECE_BREAK.finditer(text):
        pieces.append((start, text[start : match.start()]))
        start = match.end()
    pieces.append((start, text[start:]))
    return pieces


def _latin_title_in(piece: str) -> str | None:
    """A run of Latin-script words in ``piece`` that reads like a title, or None.

    The run may follow Russian words ("по английскому переводу в книге Daniels R. V. A
    Documentary History of Communism"). After an author ("Tucker R. C. Stalin in Power")
    one real word is enough; otherwise it takes three words, two of them real words.
    """
    tokens = piece.split()
    runs: list[list[str]] = [[]]
    for token in tokens:
        if any(is_cyrillic_letter(ch) for ch in token):
            runs.append([])
        else:
            runs[-1].append(token)
    for run in runs:
        candidate = " ".join(run).strip(" .,:;")
        if not candidate:
            continue
        stripped = _AUTHOR_PREFIX.sub("", candidate)
        has_author = stripped != candidate
        words = re.findall(r"[^\W\d_]+", stripped)
        real = [w for w in words if len(w) >= 3 and w.lower() not in _ABBREVIATIONS_LATIN]
        if not real or any(not is_latin_letter(w[0]) for w in real):
            continue
        if (
            ":" in stripped
            or _IMPRINT_START.match(stripped)
            or _ARCHIVE_ABROAD_RE.search(stripped)
            or not stripped[:1].isupper()
        ):
            continue
        if (has_author and real[0][0].isupper()) or (len(words) >= 3 and len(real) >= 2):
            return stripped.strip(" .,:;")
    return None


def scan_reference(text: str) -> ReferenceScan:
    """Find the language signs and explicit translation words in a reference."""
    normalised, subs = normalise_lookalikes(text)
    scan = ReferenceScan(text=text, normalised=normalised)
    scan.ditto = bool(_DITTO.match(normalised))
    op_cit = _OP_CIT.search(normalised)
    if op_cit is not None and not scan.ditto:
        scan.op_cit_author = op_cit.group(1)
    scan.own_translation = bool(_OWN_TRANSLATION.search(normalised))
    has_latin = LATIN_LETTER.search(normalised) is not None
    for language, weight, evidence, pattern in _MARKERS:
        if language != RU and not has_latin:
            continue  # every foreign sign is written in Latin letters
        match = pattern.search(normalised)
        if match:
            scan.markers.append(Marker(language, weight, evidence, match.start(), match.end()))
    archive = [p.search(normalised) for p in _ARCHIVE_PARTS]
    if sum(1 for m in archive if m) >= 2:
        scan.markers.append(Marker(RU, 2.5, "archive signature ф./оп./д./л."))
    for language, evidence, pattern in _EXPLICIT:
        match = pattern.search(normalised)
        if match and not any(
            m.start < match.end() and match.start() < m.end and m.language == language
            for m in scan.explicit
        ):
            scan.explicit.append(Marker(language, 3.0, evidence, match.start(), match.end()))
    titles = _titles(normalised, subs)
    foreign = {lang: scan.score(lang) for lang in (EN, DE, FR)}
    fallback = max(foreign, key=lambda k: foreign[k]) if any(foreign.values()) else EN
    scan.titles = [
        Title(t.text, fallback, t.quoted, t.lookalikes) if t.language == UNKNOWN_LATIN else t
        for t in titles
    ]
    if _CYRILLIC_AUTHOR_TITLE.match(normalised):
        scan.markers.append(Marker(RU, 1.5, "author and title in Cyrillic", title=True))
    if _AUTHOR_DATE.match(normalised):
        scan.markers.append(
            Marker(fallback, 1.0, "author-date reference with a Latin-script author")
        )
    for title in scan.titles:
        shown = title.text if len(title.text) <= 60 else title.text[:57] + "…"
        if title.language == RU:
            if LATIN_LETTER.search(title.text):
                evidence = f"citation has transliterated Russian title '{shown}'"
                scan.markers.append(Marker(RU, 2.0, evidence, title=True))
            else:
                evidence = f"citation has Cyrillic title '{shown}'"
                scan.markers.append(Marker(RU, 0.5, evidence, title=True))
            continue
        weight = 2.0 if title.quoted else 1.5
        name = LANGUAGE_NAMES[title.language]
        what = "Latin-script title" if title.language == EN else f"{name} title"
        evidence = f"citation has {what} '{shown}'"
        if title.lookalikes:
            evidence += f" ({'; '.join(title.lookalikes)})"
        scan.markers.append(Marker(title.language, weight, evidence, title=True))
    return scan
