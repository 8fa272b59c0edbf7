"""Exports checked by the real schemas and tools: the TMX DTD, the OASIS XLIFF schemas,
the TBX-Basic RELAX NG schema, gettext's ``msgfmt -c``, and translate-toolkit as a
second, independent reader."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import etree

from _formats_sample import CREATED, sample_findings, sample_snapshot
from workbench.core.model import GlossaryEntry
from workbench.formats import glossary_po, po, tbx, tmx, xliff

ROOT = Path(__file__).resolve().parents[1]
SCHEMAS = ROOT.parent / "shared" / "schemas"

needs_schemas = pytest.mark.skipif(
    not SCHEMAS.is_dir(), reason=f"schema folder {SCHEMAS} is absent (CI provides ../shared)"
)
needs_msgfmt = pytest.mark.skipif(
    shutil.which("msgfmt") is None, reason="msgfmt (Debian gettext) is not installed"
)


class _LocalXmlXsd(etree.Resolver):
    """Resolve the W3C xml.xsd import of the XLIFF schemas to the local copy."""

    def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
        if url and url.endswith("xml.xsd"):
            return self.resolve_filename(str(SCHEMAS / "xliff" / "xml.xsd"), context)
        return None


def _xsd(name: str) -> etree.XMLSchema:
    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(_LocalXmlXsd())
    return etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff" / name), parser))


def _assert_valid(validator: etree._Validator, data: bytes) -> None:
    document = etree.fromstring(data)
    ok = validator.validate(document)
    assert ok, "\n".join(str(e) for e in validator.error_log)


def _translation_exports() -> dict[str, bytes]:
    snapshot = sample_snapshot()
    translation = snapshot.translations[0]
    findings = sample_findings()
    return {
        "tmx": tmx.write_tmx(snapshot, translation, created=CREATED),
        "po": po.write_po(snapshot, translation, created=CREATED, findings=findings),
        "xliff": xliff.write_xliff(snapshot, translation, created=CREATED, findings=findings),
        "xliff12": xliff.write_xliff12(snapshot, translation, created=CREATED, findings=findings),
    }


@needs_schemas
def test_tmx_is_valid_against_the_tmx14_dtd() -> None:
    dtd = etree.DTD(str(SCHEMAS / "tmx" / "tmx14.dtd"))
    _assert_valid(dtd, _translation_exports()["tmx"])


@needs_schemas
def test_tmx_offers_no_empty_translation_for_an_untranslated_sentence() -> None:
    """A CAT tool would take an empty English tuv as a match that translates the
    sentence as nothing; the 1-0 link has the Russian only, the 0-1 link both sides."""
    root = etree.fromstring(_translation_exports()["tmx"])
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    langs = [[tuv.get(xml_lang) for tuv in tu.iterfind("tuv")] for tu in root.iter("tu")]
    assert langs[4] == ["ru"]
    assert langs[3] == ["ru", "en"]
    assert all(len(tu_langs) == 2 for i, tu_langs in enumerate(langs) if i != 4)


def test_tmx_missing_a_required_header_attribute_is_caught_by_the_dtd() -> None:
    dtd = etree.DTD(str(SCHEMAS / "tmx" / "tmx14.dtd"))
    document = etree.fromstring(_translation_exports()["tmx"])
    header = document.find("header")
    assert header is not None
    del header.attrib["o-tmf"]
    assert not dtd.validate(document)


@needs_schemas
def test_xliff21_validates_against_the_oasis_core_schema() -> None:
    # The XLIFF 2.1 core keeps the 2.0 namespace and the 2.0 core schema leaves
    # ``version`` untyped, so the 2.1 document validates as written (no copy with
    # version="2.0" is needed); only core features shared with 2.0 are used.
    data = _translation_exports()["xliff"]
    assert b'version="2.1"' in data
    _assert_valid(_xsd("xliff-core-2.0.xsd"), data)


@needs_schemas
def test_xliff12_validates_against_the_oasis_strict_schema() -> None:
    _assert_valid(_xsd("xliff-core-1.2-strict.xsd"), _translation_exports()["xliff12"])


@needs_schemas
def test_tbx_validates_against_the_tbx_basic_relax_ng_schema() -> None:
    snapshot = sample_snapshot()
    data = tbx.write_tbx(snapshot.glossary, project=snapshot.name, created=CREATED)
    schema = SCHEMAS / "tbx-basic" / "TBXcoreStructV03_TBX-Basic_integrated.rng"
    _assert_valid(etree.RelaxNG(etree.parse(str(schema))), data)


def test_tbx_uses_only_the_values_the_tbx_basic_rules_allow() -> None:
    # TBX-Basic's Schematron rules (XSLT 2, which lxml cannot run) restrict these values.
    snapshot = sample_snapshot()
    root = etree.fromstring(tbx.write_tbx(snapshot.glossary, project="p", created=CREATED))
    ns = {"t": tbx.TBX_NS}
    pos = {e.text for e in root.iterfind(".//t:termNote[@type='partOfSpeech']", ns)}
    status = {e.text for e in root.iterfind(".//t:termNote[@type='administrativeStatus']", ns)}
    assert pos <= {"adjective", "noun", "other", "verb", "adverb"}
    assert status <= {"admittedTerm-admn-sts", "deprecatedTerm-admn-sts",
                      "supersededTerm-admn-sts", "preferredTerm-admn-sts"}
    assert root.get("type") == "TBX-Basic" and root.get("style") == "dca"


def _msgfmt(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)],
                          capture_output=True, text=True, check=False)


@needs_msgfmt
def test_translation_po_passes_msgfmt_check_without_warnings(tmp_path: Path) -> None:
    path = tmp_path / "close.po"
    path.write_bytes(_translation_exports()["po"])
    result = _msgfmt(path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@needs_msgfmt
def test_glossary_po_passes_msgfmt_check_without_warnings(tmp_path: Path) -> None:
    snapshot = sample_snapshot()
    path = tmp_path / "glossary.po"
    path.write_bytes(glossary_po.write_glossary_po(snapshot.glossary, project="p",
                                                   created=CREATED))
    result = _msgfmt(path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""


@needs_msgfmt
def test_glossary_po_with_repeated_terms_passes_msgfmt(tmp_path: Path) -> None:
    entries = sample_snapshot().glossary
    entries += [GlossaryEntry("уклон", ("bias",), pos="noun"),
                GlossaryEntry("уклон", ("slant",), pos="noun")]
    path = tmp_path / "glossary.po"
    path.write_bytes(glossary_po.write_glossary_po(entries, project="p", created=CREATED))
    result = _msgfmt(path)
    assert result.returncode == 0 and result.stderr == "", result.stderr
    assert glossary_po.read_glossary_po(path.read_bytes(), str(path)) == entries


@needs_msgfmt
def test_msgfmt_check_catches_a_broken_po(tmp_path: Path) -> None:
    path = tmp_path / "broken.po"
    text = _translation_exports()["po"].decode().replace('"Language: en\\n"\n', "")
    path.write_text(text.replace("Plural-Forms", "Plural-Formz"), encoding="utf-8")
    assert _msgfmt(path).stderr != ""


def _expected_pairs() -> list[tuple[str, str]]:
    snapshot = sample_snapshot()
    translation = snapshot.translations[0]
    source = [s.text for s in snapshot.source.sentences]
    return [
        (" ".join(source[i] for i in link.src), " ".join(translation.segments[i] for i in link.tgt))
        for link in translation.links
    ]


def test_translate_toolkit_reads_the_same_segments_from_tmx() -> None:
    from translate.storage import tmx as ttk_tmx

    store = ttk_tmx.tmxfile(_translation_exports()["tmx"], sourcelanguage="ru",
                            targetlanguage="en")
    pairs = [(u.source or "", u.target or "") for u in store.units]
    assert pairs == _expected_pairs()


def test_translate_toolkit_reads_the_same_segments_from_po() -> None:
    from translate.storage import pypo

    store = pypo.pofile(_translation_exports()["po"])
    units = [u for u in store.units if not u.isheader()]
    expected = [(ru or po.NO_SOURCE_MARKER, en) for ru, en in _expected_pairs()]
    assert [(u.source, u.target) for u in units] == expected
    assert units[1].isfuzzy() and not units[0].isfuzzy()
    assert units[0].getcontext() == "link 0001: ru 0, en 0"


def test_translate_toolkit_reads_the_same_segments_from_xliff21_and_xliff12() -> None:
    from translate.storage import xliff as ttk_xliff
    from translate.storage import xliff2 as ttk_xliff2

    expected = _expected_pairs()
    exports = _translation_exports()
    for store in (ttk_xliff2.Xliff2File(exports["xliff"]),
                  ttk_xliff.xlifffile(exports["xliff12"])):
        assert [(u.source or "", u.target or "") for u in store.units] == expected
