"""Abbreviation tables for sentence segmentation, Russian and English.

Each language maps a lower-cased abbreviation (without its final full stop) to
how a full stop after it behaves:

* ``NEVER`` — the abbreviation is always followed by more of the sentence
  (``т. Куйбышев``, ``стр. 438``, ``Mr. Smith``, ``p. 308``);
* ``CAN_END`` — the abbreviation may close a sentence (``и т. д.``, ``и др.``,
  ``etc.``); it does when the next word starts like a new sentence;
* ``DATE`` — a date or century abbreviation after a number (``1928 г.``,
  ``XIX в.``); like ``CAN_END``, but a sentence never consists of the date
  phrase alone (``В 1928 г. Сталин …`` is one sentence).

Dotted compounds are keyed with their inner full stops and no spaces
(``т.д``, ``u.s``); a compound written with a space (``т. д.``) is looked up
the same way.
"""

from __future__ import annotations

from enum import Enum


class Abbrev(Enum):
    NEVER = "never"
    CAN_END = "can-end"
    DATE = "date"


_N = Abbrev.NEVER
_E = Abbrev.CAN_END
_D = Abbrev.DATE


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


def _table(never: str, can_end: str, date: str = "") -> dict[str, Abbrev]:
    table: dict[str, Abbrev] = {}
    for words, kind in ((never, _N), (can_end, _E), (date, _D)):
        for word in words.split():
            table[word] = kind
    return table


# Bibliographic abbreviations of English-language references, common inside
# Russian texts as well (``ed. by R. V. Daniels, p. 308-309``).
_BIBLIO_EN_NEVER = """
    p pp vol vols ch chap chs fig figs art arts sec secs para paras pt pts no nos nr
    ser suppl fol fols col cols cf viz vs ca approx esp incl fl repr rev transl
"""
_BIBLIO_EN_CAN_END = "ed eds trans comp ibid cit al etc ff"

# Transliterated Russian references inside English texts (``Soch., t. 11, s. 220``).
_BIBLIO_TRANSLIT_NEVER = "soch str op ll ob izd sobr red vyp"

RUSSIAN: dict[str, Abbrev] = _table(
    never="""
        тов см ср ул ст проф акад ген доц канд чл гр стр соч рис табл гл пп пер
        изд англ нем франц фр лат греч ред сост вып кн напр ок указ цит сб ф оп лл ед хр св
        кв корп мл им пос пл просп наб чл.-корр вл ал арх инв тт полн собр
        т.е т.к т.н т.о т.ч и.о в.к
        """
    + _BIBLIO_EN_NEVER,
    can_end="""
        др пр проч тыс млн млрд трлн руб коп долл экз чел мин сек об обл губ прим
        т.д т.п н.э с.г
        """
    + _BIBLIO_EN_CAN_END,
    date="гг вв",
)

ENGLISH: dict[str, Abbrev] = _table(
    never="""
        mr mrs ms messrs mme mlle dr prof st gen col lt maj capt sgt adm cmdr gov sen rep
        hon fr pres supt mt ft det insp sens reps govs gens cols lts e.g i.e
        """
    + _BIBLIO_EN_NEVER
    + _BIBLIO_TRANSLIT_NEVER,
    can_end="""
        inc ltd co corp jr sr bros esq a.m p.m
        jan feb mar apr jun jul aug sep sept oct nov dec
        """
    + _BIBLIO_EN_CAN_END,
)

# English abbreviations after which any capitalised word starts a new sentence;
# after the other CAN_END ones only a typical sentence opener does (``U.S. Army``
# is one phrase, ``the U.S. The …`` two sentences).
ENGLISH_END_BEFORE_ANY_CAPITAL = frozenset({"etc", "ibid", "cit", "al", "ff"})

# Words that typically open an English sentence.
ENGLISH_SENTENCE_OPENERS = _words(
    """
    a an the this that these those it its he she they we i you his her their our my
    there here in on at by for from with after before during when while since until
    but and yet so or nor if although though because as however moreover meanwhile
    indeed thus then later soon now still even only one two three such some many most
    all no not what why how who whom which where each every both neither either nothing
    few several another other others once yes
    """
)

# Verbs of speaking: after a quoted question or exclamation, "Bukharin asked"
# goes on with the same sentence (``"Who is to blame?" Bukharin asked.``).
ENGLISH_SPEECH_VERBS = _words(
    """
    asked said says shouted cried replied answered exclaimed demanded added insisted
    declared continued recalled remarked wondered wrote writes retorted protested
    interrupted snapped called yelled whispered muttered objected observed noted
    """
)

# Single lower-case letters that are whole Russian words able to end a sentence.
RUSSIAN_SENTENCE_FINAL_LETTERS = frozenset({"я"})

# Single lower-case letters that are date, money or weight abbreviations after
# a number (``1928 г.``, ``XIX в.``, ``5 р.``, ``2 млн т.``); before a name or a
# number they never end a sentence (``г. Москва``, ``т. Куйбышев``, ``т. 11``).
RUSSIAN_LETTER_AFTER_NUMBER: dict[str, Abbrev] = {"г": _D, "в": _D, "р": _E, "т": _E}

# Number words that, like digits, can stand before those letters (``2 млн т.``).
RUSSIAN_NUMBER_WORDS = _words("тыс тыс. млн млн. млрд млрд.")

# Words that may make up a Russian date phrase opening a sentence
# (``В начале сентября 1928 г.``): such a phrase never is a sentence by itself.
RUSSIAN_DATE_WORDS = _words(
    """
    в во к ко с со до после по на от за около между и или уже еще ещё лишь только
    начале конце середине половине первой второй рубеже течение году годах годов
    начала конца середины осенью весной летом зимой осени весны лета зимы
    январь февраль март апрель май июнь июль август сентябрь октябрь ноябрь декабрь
    января февраля марта апреля мая июня июля августа сентября октября ноября декабря
    январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре
    """
)

# Words after which ``им.`` is the pronoun ("to them"), not ``имени``; checked
# by ending: Russian past and present verb forms.
RUSSIAN_VERB_ENDINGS = ("ал", "ял", "ел", "ил", "ыл", "ул", "ла", "ли", "ло", "ет", "ит",
                        "ут", "ют", "ат", "ят", "ть", "ешь", "ишь", "ем", "ём", "ог")
RUSSIAN_NOUNS_LIKE_VERBS = frozenset(
    {"школа", "шкала", "мастерская", "фабрика", "театр", "завод", "музей", "ансамбль",
     "пила", "сила", "могила", "стрела", "скала", "колхоз", "совхоз", "институт",
     "университет", "библиотека", "улица", "площадь", "стадион", "парк", "премия",
     "орден", "станция", "комбинат", "училище", "академия", "дворец", "клуб", "полк",
     "дивизия", "бригада", "армия", "флотилия", "комсомол", "кружок", "артель"}
)

# Abbreviations that, followed by a number, continue a reference: after
# ``РГАСПИ.`` or ``Там же.`` the sentence goes on with ``Ф. 17. Оп. 3. Д. 700.``
CITATION_PARTS_BEFORE_NUMBER = _words(
    """
    ф оп д л лл с т ч вып кн стр изд p pp vol no ch f op d l ll s t
    """
)

# Words naming a part of a book: a Roman numeral after them is a number, not
# the end of a sentence (``Часть I. Революция``, ``Chapter II. The Purge``).
STRUCTURE_WORDS = _words(
    """
    часть глава раздел том книга выпуск приложение ч гл разд т кн вып
    part chapter section volume book appendix pt ch sec vol
    """
)
