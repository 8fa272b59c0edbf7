"""The shipped corpus (manifest, translations, gold alignments, glossary, notes) and its readers."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from workbench.core.model import Link, LinkStatus, Span
from workbench.corpus import (
    CorpusManifest,
    load_manifest,
    parse_gold,
    parse_notes,
    read_gold,
    read_notes,
)
from workbench.formats.glossary_csv import read_glossary
from workbench.textio import InputError

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SEED = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"

# Bukharin's words to Kamenev, quoted from the English book edited by Daniels:
# source sentences 5 («Мы чувствуем…) to 29 (…именно Сталин» (…)).
BUKHARIN_QUOTATION = range(5, 30)

Segmenter = Callable[[str, str], Sequence[Span]]


@pytest.fixture(scope="module")
def manifest() -> CorpusManifest:
    return load_manifest(CORPUS)


@pytest.fixture(scope="module")
def segment() -> Segmenter:
    module = pytest.importorskip("workbench.core.segment")
    function: Segmenter = module.segment
    return function


def _sentences(segment: Segmenter, path: Path, lang: str) -> list[Span]:
    return list(segment(path.read_text(encoding="utf-8"), lang))


def _paragraph_of(text: str, spans: Sequence[Span]) -> list[int]:
    return [text.count("\n", 0, span.start) for span in spans]


# ---------------------------------------------------------------- the manifest


def test_manifest_names_the_seed_and_two_translations_that_exist(
    manifest: CorpusManifest,
) -> None:
    assert manifest.source.path == SEED.resolve()
    assert manifest.source.lang == "ru"
    assert [doc.id for doc in manifest.translations] == ["close", "free"]
    for doc in manifest.documents:
        assert doc.path.is_file(), doc.id
    for doc in manifest.translations:
        assert doc.lang == "en"
        assert doc.translation_of == manifest.source.id
        assert doc.translator and doc.approach and doc.licence == "CC BY 4.0"
        assert doc.gold is not None and doc.gold.is_file()
    assert manifest.glossary == (CORPUS / "glossary.csv").resolve()
    assert manifest.notes == (CORPUS / "notes.csv").resolve()
    assert "no licence stated" in manifest.source.licence


def test_manifest_is_found_from_the_repository_root_and_from_the_file(
    manifest: CorpusManifest,
) -> None:
    assert load_manifest(ROOT) == manifest
    assert load_manifest(CORPUS / "manifest.toml") == manifest


def test_stated_sentence_counts_are_the_segmenters(
    manifest: CorpusManifest, segment: Segmenter
) -> None:
    for doc in manifest.documents:
        assert len(_sentences(segment, doc.path, doc.lang)) == doc.sentences, doc.id
    assert manifest.source.sentences == 46


def _write_corpus(folder: Path, manifest_text: str) -> Path:
    (folder / "src.txt").write_text("Один. Два.", encoding="utf-8")
    (folder / "tr.txt").write_text("One. Two.", encoding="utf-8")
    (folder / "tr.gold").write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    (folder / "manifest.toml").write_text(manifest_text, encoding="utf-8")
    return folder


GOOD_MANIFEST = """\
[corpus]
name = "test"

[[document]]
id = "src"
file = "src.txt"
lang = "ru"
role = "source"

[[document]]
id = "tr"
file = "tr.txt"
lang = "en"
role = "translation"
translation_of = "src"
gold = "tr.gold"
"""


def test_a_small_manifest_loads_with_its_paths_resolved(tmp_path: Path) -> None:
    loaded = load_manifest(_write_corpus(tmp_path, GOOD_MANIFEST))
    assert loaded.name == "test"
    assert loaded.document("tr").gold == (tmp_path / "tr.gold").resolve()
    assert loaded.glossary is None and loaded.notes is None
    with pytest.raises(KeyError):
        loaded.document("missing")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (('file = "tr.txt"', 'file = "gone.txt"'), "document 'tr': text file 'gone.txt' does not"),
        (('role = "source"', 'role = "original"'), "role must be 'source' or 'translation'"),
        (('translation_of = "src"', 'translation_of = "other"'), "is not the source document"),
        (('id = "tr"', 'id = "src"'), "document id 'src' is used more than once"),
        (('lang = "en"\n', ""), "document 'tr': missing 'lang'"),
        (('gold = "tr.gold"', 'gold = "x.gold"'), "gold file 'x.gold' does not exist"),
        (('name = "test"', 'name = "test"\ncolour = "red"'), "unknown key(s) colour"),
    ],
)
def test_a_broken_manifest_is_reported_with_what_is_wrong(
    tmp_path: Path, change: tuple[str, str], message: str
) -> None:
    folder = _write_corpus(tmp_path, GOOD_MANIFEST.replace(*change))
    with pytest.raises(InputError) as caught:
        load_manifest(folder)
    assert message in str(caught.value)
    assert str(folder / "manifest.toml") in str(caught.value)


def test_manifest_syntax_error_names_the_line(tmp_path: Path) -> None:
    folder = _write_corpus(tmp_path, GOOD_MANIFEST.replace('lang = "en"', "lang = en"))
    with pytest.raises(InputError) as caught:
        load_manifest(folder)
    assert caught.value.line == 13
    assert "not valid TOML" in str(caught.value)


def test_a_missing_manifest_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        load_manifest(tmp_path)


# ----------------------------------------------------------------- translations


@pytest.mark.parametrize("name", ["close.en.txt", "free.en.txt"])
def test_translations_keep_the_seeds_paragraphs_and_break_off_where_it_does(name: str) -> None:
    seed = SEED.read_text(encoding="utf-8")
    english = (CORPUS / name).read_text(encoding="utf-8")
    assert english.count("\n") == seed.count("\n") == 6
    assert seed.endswith("в статье") and english.endswith("in an article")


@pytest.mark.parametrize("name", ["close.en.txt", "free.en.txt"])
def test_translations_cite_daniels_in_english_form_without_cyrillic(name: str) -> None:
    english = (CORPUS / name).read_text(encoding="utf-8")
    assert re.search(r"[\u0400-\u04FF]", english) is None
    assert (
        "” (A Documentary History of Communism, ed. R. V. Daniels, pp. 308–309; "
        "from the Trotsky archive; abridged back-translation)." in english
    )
    assert "(KPSS v rezoliutsiiakh, 1953, part II, pp. 438–439)." in english
    assert "(Stalin, Sochineniia, vol. 11, p. 220)." in english


@pytest.mark.parametrize("name", ["close.en.txt", "free.en.txt"])
def test_names_are_transliterated_the_standard_way(name: str) -> None:
    english = (CORPUS / name).read_text(encoding="utf-8")
    for spelled in ("Bukharin", "Kamenev", "Zinoviev", "Rykov", "Tomsky", "Uglanov",
                    "Kuibyshev", "Sokolnikov", "Preobrazhensky", "Comintern", "Politburo",
                    "NEP", "Central Committee", "the Seven", "Zinovievites", "Bukharinites"):
        assert spelled in english, spelled
    for wrong in ("Zinovyev", "Kuybyshev", "Tomskiy", "Politbureau", "Komintern"):
        assert wrong not in english


# ------------------------------------------------------------------ gold links


def _gold(manifest: CorpusManifest, doc_id: str) -> list[Link]:
    gold = manifest.document(doc_id).gold
    assert gold is not None
    return read_gold(gold)


@pytest.mark.parametrize("doc_id", ["close", "free"])
def test_gold_covers_every_sentence_of_both_sides_once_in_order(
    manifest: CorpusManifest, segment: Segmenter, doc_id: str
) -> None:
    doc = manifest.document(doc_id)
    src = _sentences(segment, manifest.source.path, "ru")
    tgt = _sentences(segment, doc.path, "en")
    links = _gold(manifest, doc_id)
    assert [i for link in links for i in link.src] == list(range(len(src)))
    assert [j for link in links for j in link.tgt] == list(range(len(tgt)))
    assert doc.gold is not None
    assert read_gold(doc.gold, len(src), len(tgt)) == links


@pytest.mark.parametrize("doc_id", ["close", "free"])
def test_gold_links_stay_within_matching_paragraphs(
    manifest: CorpusManifest, segment: Segmenter, doc_id: str
) -> None:
    doc = manifest.document(doc_id)
    seed = manifest.source.path.read_text(encoding="utf-8")
    english = doc.path.read_text(encoding="utf-8")
    src_para = _paragraph_of(seed, _sentences(segment, manifest.source.path, "ru"))
    tgt_para = _paragraph_of(english, _sentences(segment, doc.path, "en"))
    for link in _gold(manifest, doc_id):
        paragraphs = {src_para[i] for i in link.src} | {tgt_para[j] for j in link.tgt}
        assert len(paragraphs) == 1, link


def test_close_translation_is_sentence_for_sentence(manifest: CorpusManifest) -> None:
    kinds = Counter(link.kind for link in _gold(manifest, "close"))
    assert kinds["1-1"] >= 0.9 * sum(kinds.values())


def test_free_translation_joins_splits_and_leaves_out(manifest: CorpusManifest) -> None:
    links = _gold(manifest, "free")
    kinds = Counter(link.kind for link in links)
    assert sum(n for kind, n in kinds.items() if kind != "1-1") >= 6
    assert kinds["2-1"] >= 1 and kinds["1-2"] >= 1
    assert kinds["1-0"] + kinds["0-1"] >= 1
    assert all(link.status is LinkStatus.CONFIRMED for link in links)


def test_both_translations_end_in_an_incomplete_sentence(
    manifest: CorpusManifest, segment: Segmenter
) -> None:
    for doc in manifest.documents:
        last = _sentences(segment, doc.path, doc.lang)[-1]
        assert last.incomplete, doc.id


# --------------------------------------------------------------- gold reading


def test_vecalign_lines_of_every_kind_are_read() -> None:
    links = parse_gold("[0]:[0]\n[1, 2]:[1]\n\n[3]:[2, 3]\n[4]:[]\n[]:[4]:0.25\n")
    assert [(link.src, link.tgt) for link in links] == [
        ((0,), (0,)), ((1, 2), (1,)), ((3,), (2, 3)), ((4,), ()), ((), (4,))
    ]
    assert [link.kind for link in links] == ["1-1", "2-1", "1-2", "1-0", "0-1"]
    assert links[-1].score == 0.25 and links[0].score == 1.0


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[0]:[0]\n[1]-[1]\n", 2, "not an alignment link"),
        ("[0]:[0]\n[1]:[1]\n[a]:[2]\n", 3, "not an alignment link"),
        ("[]:[]\n", 1, "at least one sentence"),
        ("[0]:[0]\n[2, 1]:[1]\n", 2, "not ascending and contiguous"),
        ("[0, 2]:[0]\n", 1, "not ascending and contiguous"),
        ("[0]:[0]\n[1]:[1]:high\n", 2, "not an alignment link"),
    ],
)
def test_malformed_gold_lines_are_reported_with_their_line(
    text: str, line: int, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_gold(text, "x.gold")
    assert caught.value.line == line
    assert message in str(caught.value)
    assert str(caught.value).startswith(f"x.gold:{line}: ")


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("[0]:[0]\n[2]:[1]\n[1]:[2]\n", 2, "skips source sentences"),
        ("[0]:[0]\n[0]:[1]\n", 2, "repeats or goes back to source sentences"),
        ("[0]:[0]\n[1]:[2]\n", 2, "skips target sentences"),
        ("[0]:[0]\n[1, 2, 3]:[1]\n", 2, "source sentence 3 does not exist"),
        ("[0]:[0]\n[1]:[1]\n", None, "cover 2 source sentences, but there are 3"),
    ],
)
def test_gold_that_misses_or_repeats_sentences_is_refused(
    text: str, line: int | None, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_gold(text, "x.gold", src_count=3, tgt_count=3)
    assert caught.value.line == line
    assert message in str(caught.value)


def test_unreadable_gold_file_is_an_input_error(tmp_path: Path) -> None:
    path = tmp_path / "bad.gold"
    path.write_bytes(b"[0]:[0]\n\xff\n")
    with pytest.raises(InputError, match="byte offset 8"):
        read_gold(path)


# -------------------------------------------------------------------- glossary


def test_starter_glossary_has_forty_well_formed_approved_entries(
    manifest: CorpusManifest,
) -> None:
    assert manifest.glossary is not None
    entries = read_glossary(manifest.glossary)
    assert len(entries) >= 40
    for entry in entries:
        assert entry.pos and entry.definition.strip(), entry.source
        assert entry.status == "approved"
        assert not set(entry.targets) & set(entry.forbidden), entry.source
    by_source = {entry.source: entry for entry in entries}
    for ru, en in [("ЦК", "Central Committee"), ("Политбюро", "Politburo"), ("нэп", "NEP"),
                   ("пленум", "plenum"), ("раскольник", "splitter"),
                   ("чрезвычайные меры", "extraordinary measures"),
                   ("самокритика", "self-criticism"), ("дань", "tribute"),
                   ("зиновьевец", "Zinovievite"), ("бухаринец", "Bukharinite"),
                   ("Коминтерн", "Comintern"), ("колхоз", "collective farm"),
                   ("ВКП(б)", "All-Union Communist Party (Bolsheviks)"),
                   ("семёрка", "the Seven"), ("Куйбышев", "Kuibyshev"),
                   ("Зиновьев", "Zinoviev"), ("ленинский", "Leninist")]:
        assert en in by_source[ru].targets, ru
    assert "Zinovyev" in by_source["Зиновьев"].forbidden
    assert "schismatic" in by_source["раскольник"].forbidden


def _term_findings(manifest: CorpusManifest, segment: Segmenter, doc_id: str) -> list[str]:
    """Each gold link whose Russian has a glossary term its English lacks or violates."""
    from workbench.core.glossary import GlossaryIndex, target_term_status

    assert manifest.glossary is not None
    index = GlossaryIndex(read_glossary(manifest.glossary), "ru")
    doc = manifest.document(doc_id)
    src = [s.text for s in _sentences(segment, manifest.source.path, "ru")]
    tgt = [s.text for s in _sentences(segment, doc.path, "en")]
    findings: list[str] = []
    for link in _gold(manifest, doc_id):
        russian = " ".join(src[i] for i in link.src)
        english = " ".join(tgt[j] for j in link.tgt)
        for entry in {id(m.entry): m.entry for m in index.find(russian)}.values():
            approved, forbidden = target_term_status(english, entry)
            if not approved:
                findings.append(f"{list(link.src)} {entry.source}: missing")
            findings.extend(f"{list(link.src)} {entry.source}: uses {f}" for f in forbidden)
    return findings


def test_close_translation_uses_every_approved_term(
    manifest: CorpusManifest, segment: Segmenter
) -> None:
    assert _term_findings(manifest, segment, "close") == []


def test_free_translation_departs_from_the_glossary_only_where_its_notes_say(
    manifest: CorpusManifest, segment: Segmenter
) -> None:
    assert _term_findings(manifest, segment, "free") == [
        "[4] архив Троцкого: missing",
        "[22] полицейский режим: missing",
        "[27] чрезвычайные меры: missing",
    ]
    assert manifest.notes is not None
    noted = {n.src_index: n.text for n in read_notes(manifest.notes) if n.translation == "free"}
    assert "Trotsky's papers" in noted[4]
    assert "Police state" in noted[22]
    assert "Emergency measures" in noted[27]


# ----------------------------------------------------------------------- notes


def test_notes_name_a_translation_and_a_source_sentence(
    manifest: CorpusManifest, segment: Segmenter
) -> None:
    assert manifest.notes is not None
    notes = read_notes(manifest.notes)
    count = len(_sentences(segment, manifest.source.path, "ru"))
    ids = {doc.id for doc in manifest.translations}
    assert notes
    for note in notes:
        assert note.translation in ids
        assert 0 <= note.src_index < count
        assert note.author == manifest.translations[0].translator
        assert note.created


@pytest.mark.parametrize("doc_id", ["close", "free"])
def test_every_sentence_of_bukharins_words_says_to_use_the_published_english(
    manifest: CorpusManifest, doc_id: str
) -> None:
    assert manifest.notes is not None
    noted: dict[int, list[str]] = {}
    for note in read_notes(manifest.notes):
        if note.translation == doc_id:
            noted.setdefault(note.src_index, []).append(note.text)
    for index in BUKHARIN_QUOTATION:
        texts = noted.get(index, [])
        assert any(
            "A Documentary History of Communism, ed. R. V. Daniels, pp. 308–309" in text
            and "back-translation" in text
            and "published English wording" in text
            for text in texts
        ), index
    assert 4 not in noted or not any("back-translation" in t for t in noted[4])
    assert not any("back-translation" in t for t in noted.get(30, []))


def test_the_untranslated_sentence_of_the_free_version_has_a_note(
    manifest: CorpusManifest,
) -> None:
    assert manifest.notes is not None
    dropped = [link.src[0] for link in _gold(manifest, "free") if link.kind == "1-0"]
    noted = {n.src_index: n.text for n in read_notes(manifest.notes) if n.translation == "free"}
    for index in dropped:
        assert noted[index].startswith("Not translated")


NOTES_HEADER = "translation,src_index,author,created,text\n"


def test_notes_are_read_with_their_fields() -> None:
    notes = parse_notes(
        NOTES_HEADER
        + 'close,3,A. Translator,2026-01-02T03:04:05+00:00,"Date: 11 July, not 11 June."\n'
        + ',0,,,"A note on the source, written\nover two lines."\n'
    )
    assert [(n.translation, n.src_index, n.author, n.created) for n in notes] == [
        ("close", 3, "A. Translator", "2026-01-02T03:04:05+00:00"),
        (None, 0, "", ""),
    ]
    assert notes[0].text == "Date: 11 July, not 11 June."
    assert notes[1].text == "A note on the source, written\nover two lines."


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("translation,index,author,created,text\n", 1, "header must name the columns"),
        (NOTES_HEADER + "close,3,A,2026-01-02,ok\nclose,x,A,2026-01-02,ok\n", 3, "src_index"),
        (NOTES_HEADER + "close,-1,A,2026-01-02,ok\n", 2, "src_index"),
        (NOTES_HEADER + "close,3,A,yesterday,ok\n", 2, "ISO 8601"),
        (NOTES_HEADER + "close,3,A,2026-01-02,   \n", 2, "empty note text"),
        (NOTES_HEADER + "close,3,A,2026-01-02\n", 2, "expected 5 fields, found 4"),
        (NOTES_HEADER + 'close,3,A,2026-01-02,"never closed\n', 2, "malformed CSV"),
        ("", 1, "no header row"),
    ],
)
def test_malformed_notes_are_reported_with_their_line(
    text: str, line: int, message: str
) -> None:
    with pytest.raises(InputError) as caught:
        parse_notes(text, "notes.csv")
    assert caught.value.line == line
    assert message in str(caught.value)
