"""Any text survives every format: random sentences and glossaries, written and read back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.model import (
    Document,
    GlossaryEntry,
    Link,
    LinkStatus,
    Note,
    ProjectSnapshot,
    Span,
    Translation,
)
from workbench.formats import aligned, glossary_po, po, tbx, tmx, xliff

# XML 1.0 cannot carry C0 controls other than tab and newline (a CR is normalised);
# the writers replace those with U+FFFD, which is tested elsewhere.
_TEXT = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs",),
        blacklist_characters="\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12"
        "\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f\r\ufffe\uffff",
    ),
    min_size=1,
    max_size=40,
).filter(lambda t: t.strip() != "")


def _document(name: str, lang: str, sentences: list[str]) -> Document:
    spans, pos = [], 0
    for s in sentences:
        spans.append(Span(pos, pos + len(s), s))
        pos += len(s) + 1
    return Document(name=name, lang=lang, text=" ".join(sentences), sentences=spans)


# PO comment lines lose surrounding white space (polib strips them), so notes are trimmed.
_NOTE = _TEXT.filter(lambda t: t == t.strip())


@settings(max_examples=60, deadline=None)
@given(ru=st.lists(_TEXT, min_size=3, max_size=3), en=st.lists(_TEXT, min_size=3, max_size=3),
       note=_NOTE)
def test_any_text_round_trips_through_every_aligned_format(
    ru: list[str], en: list[str], note: str
) -> None:
    links = [Link((0, 1), (0,), 0.5, LinkStatus.CONFIRMED),
             Link((2,), (1, 2), 0.25, LinkStatus.AUTOMATIC)]
    translation = Translation("t", _document("t", "en", en), en, links)
    snapshot = ProjectSnapshot("p", _document("s", "ru", ru), [translation],
                               notes=[Note(note, 2, author="a", translation="t")])
    for write, read in ((tmx.write_tmx, tmx.read_tmx), (po.write_po, po.read_po),
                        (xliff.write_xliff, xliff.read_xliff),
                        (xliff.write_xliff12, xliff.read_xliff)):
        imported = read(write(snapshot, translation, created=""), "f")
        rebuilt, notes = aligned.build_translation(imported, "t")
        assert rebuilt.segments == en, write.__name__
        assert [u.source_sentences for u in imported.units] == [ru[:2], ru[2:]], write.__name__
        assert rebuilt.links == links
        assert [n.text for n in notes] == [note], write.__name__


_TERM = _TEXT.filter(lambda t: t == t.strip() and "|" not in t and "\n" not in t)


@settings(max_examples=60, deadline=None)
@given(
    entries=st.lists(
        st.builds(
            GlossaryEntry,
            source=_TERM,
            targets=st.lists(_TERM, min_size=1, max_size=3).map(tuple),
            forbidden=st.lists(_TERM, max_size=2).map(tuple),
            pos=st.sampled_from(["", "noun", "verb", "adjective", "adverb", "properNoun",
                                 "other"]),
            definition=st.one_of(st.just(""), _TERM),
            note=st.one_of(st.just(""), _TERM),
            case_sensitive=st.booleans(),
            status=st.sampled_from(["approved", "proposed"]),
        ),
        min_size=1,
        max_size=4,
    )
)
def test_any_glossary_round_trips_through_tbx_and_glossary_po(
    entries: list[GlossaryEntry],
) -> None:
    assert tbx.read_tbx(tbx.write_tbx(entries, project="p", created=""), "g.tbx") == entries
    data = glossary_po.write_glossary_po(entries, project="p", created="")
    assert glossary_po.read_glossary_po(data, "g.po") == entries
