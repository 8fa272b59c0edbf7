"""Any text survives every format: random sentences, written and read back."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.model import (
    Document,
    Link,
    LinkStatus,
    Note,
    ProjectSnapshot,
    Span,
    Translation,
)
from workbench.formats import aligned, po, tmx, xliff

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
