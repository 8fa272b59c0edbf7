"""A small hand-built project that exercises every corner the exports have."""

from __future__ import annotations

from workbench.core.model import (
    Document,
    Finding,
    GlossaryEntry,
    Link,
    LinkStatus,
    Note,
    ProjectSnapshot,
    Provenance,
    QuotationSpan,
    SegmentStatus,
    Severity,
    Span,
    Translation,
)

CREATED = "2026-03-14T09:26:53Z"

RUSSIAN = [
    "Бухарин пришёл к Каменеву 11 июля 1928 г.",
    "«Сталин — Чингисхан», — сказал он (Cohen S. Bukharin. N.Y., 1973. P. 291).",
    "Это цитата в обратном переводе.",
    "Разговор длился час & больше <без> свидетелей.",
    "Каменев записал его.",
    "Запись сохранилась.",
]

ENGLISH = [
    "Bukharin came to Kamenev on July 11, 1928.",
    '"Stalin is Genghis Khan," he said.',
    "It is a quotation translated back.",
    "The conversation lasted an hour & more.",
    "Without <witnesses>.",
    "An added sentence with 100% invention.",
    "The record survives.",
]


def _document(name: str, lang: str, sentences: list[str], separator: str) -> Document:
    text = separator.join(sentences)
    spans = []
    pos = 0
    for sentence in sentences:
        spans.append(Span(pos, pos + len(sentence), sentence))
        pos += len(sentence) + len(separator)
    return Document(name=name, lang=lang, text=text, sentences=spans, translator="A. Translator")


def sample_snapshot() -> ProjectSnapshot:
    source = _document("seed", "ru", RUSSIAN, "\n")
    quote_start = source.text.index("«")
    quote_end = source.text.index("»") + 1
    english = _document("close", "en", ENGLISH, " ")
    links = [
        Link((0,), (0,), 0.9731, LinkStatus.CONFIRMED),
        Link((1, 2), (1, 2), 0.61, LinkStatus.AUTOMATIC),
        Link((3,), (3, 4), 0.4442, LinkStatus.MANUAL),
        Link((), (5,), 0.0, LinkStatus.AUTOMATIC),
        Link((4,), (), 0.0, LinkStatus.AUTOMATIC),
        Link((5,), (6,), 0.88, LinkStatus.AUTOMATIC),
    ]
    translation = Translation(
        name="close",
        document=english,
        segments=list(ENGLISH),
        links=links,
        statuses={0: SegmentStatus.REVIEWED, 1: SegmentStatus.TRANSLATED, 3: SegmentStatus.REVIEWED,
                  4: SegmentStatus.REVIEWED},
    )
    glossary = [
        GlossaryEntry("Политбюро", ("Politburo",), pos="properNoun", definition="The party's "
                      "ruling body.", case_sensitive=True),
        GlossaryEntry("обратный перевод", ("back-translation", "retranslation"),
                      forbidden=("reverse translation",), pos="noun",
                      definition="A quotation translated back from a translation.",
                      note="Flag every occurrence & check <sources>."),
        GlossaryEntry("уклон", ("deviation",), forbidden=("bias", "slope"), pos="noun",
                      status="proposed"),
        GlossaryEntry("уклон", ("tendency",), pos="other", note="second sense"),
    ]
    notes = [
        Note("Check the date against the diary.", 0, author="Ivanova",
             created="2026-03-14T10:00:00Z", modified="2026-03-14T10:00:00Z"),
        Note("Back-translated quotation:\nuse Cohen's English.", 1, author="Ivanova",
             created="2026-03-14T10:05:00Z", modified="2026-03-15T08:00:00Z",
             translation="close"),
        Note("Omitted in this translation.", 4, author="Petrov",
             created="2026-03-14T11:00:00Z", modified="2026-03-14T11:00:00Z",
             translation="close"),
    ]
    quotations = [
        QuotationSpan(quote_start, quote_end, source.text[quote_start:quote_end],
                      Provenance.VIA_ENGLISH, 0.9,
                      citation="Cohen S. Bukharin. N.Y., 1973. P. 291",
                      evidence=("English bibliographic reference",),
                      advice="Quote the English original."),
    ]
    return ProjectSnapshot("seed-sample", source, [translation], glossary, notes, quotations)


def sample_findings() -> list[Finding]:
    return [
        Finding("length-ratio", (3,), (3, 4), Severity.WARNING, "English side is 2.1× longer"),
        Finding("numbers", (0,), (0,), Severity.INFO, "11 ↔ 11, 1928 ↔ 1928"),
    ]
