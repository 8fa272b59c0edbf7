from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from workbench.core.glossary import approved_and_forbidden, term_key
from workbench.core.model import GlossaryEntry
from workbench.formats.glossary_csv import (
    parse_glossary,
    read_glossary,
    render_glossary,
    write_glossary,
)
from workbench.textio import InputError

HEADER = "ru,en,forbidden,pos,definition,note,case_sensitive,status\n"


def write(tmp_path: Path, name: str, text: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(text, str):
        path.write_text(text, encoding="utf-8")
    else:
        path.write_bytes(text)
    return path


def test_reads_several_terms_and_flags(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "g.csv",
        HEADER + 'нэп,NEP|New Economic Policy,,properNoun,"Policy, 1921–1928",,false,approved\n'
        "Правые,the Right,the right-wingers,noun,,капитализация,true,proposed\n",
    )
    first, second = read_glossary(path)
    assert first.targets == ("NEP", "New Economic Policy")
    assert first.definition == "Policy, 1921–1928"
    assert second.case_sensitive and second.status == "proposed"
    assert second.forbidden == ("the right-wingers",)


def test_optional_columns_may_be_left_out_and_reordered(tmp_path: Path) -> None:
    path = write(tmp_path, "g.tsv", "en\tru\nCentral Committee\tЦК\n")
    (entry,) = read_glossary(path)
    assert (entry.source, entry.targets, entry.status) == ("ЦК", ("Central Committee",), "approved")


def test_round_trip_is_lossless_in_both_dialects(tmp_path: Path) -> None:
    entries = [
        GlossaryEntry(
            "чрезвычайные меры",
            ("extraordinary measures",),
            ("emergency measures",),
            "noun",
            'grain requisitioning, "emergency"',
            "line one\nline two\tx",
        ),
        GlossaryEntry(
            "Правые", ("the Right", "Right Opposition"), (), "properNoun", "", "", True, "proposed"
        ),
    ]
    for name in ("g.csv", "g.tsv"):
        path = tmp_path / name
        write_glossary(entries, path)
        assert read_glossary(path) == entries
    assert "\t" in (tmp_path / "g.tsv").read_text(encoding="utf-8").splitlines()[0]


def test_a_bom_is_accepted(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", ("\ufeff" + HEADER + "ЦК,Central Committee,,,,,,\n").encode())
    assert read_glossary(path)[0].source == "ЦК"


@pytest.mark.parametrize(
    ("body", "line", "words"),
    [
        ("ЦК,Central Committee,,noun\n", 2, "expected 8 fields"),
        (",Central Committee,,,,,,\n", 2, "empty Russian term"),
        ("ЦК,,,,,,,\n", 2, "empty English term"),
        ("ЦК,Central Committee||CC,,,,,,\n", 2, "empty term"),
        ("ЦК,Central Committee,,thing,,,,\n", 2, "part of speech"),
        ("ЦК,Central Committee,,,,,maybe,\n", 2, "case_sensitive"),
        ("ЦК,Central Committee,,,,,,final\n", 2, "status"),
        ("ЦК,Central Committee,,,,,,\nнэп,NEP,,,,,,\nцк,CC,,,,,,\n", 4, "duplicate entry 'цк'"),
        ("заём,loan,,noun,,,,\nзаем,credit,,,,,,\n", 3, "duplicate entry 'заем'"),
        ("нэп,NEP|New Economic Policy,nep|new economic policy,,,,,\n", 2, "both approved"),
        ('ЦК,"Central Committee,,,,,,\n', 2, "malformed"),
    ],
)
def test_malformed_rows_name_file_and_line(
    tmp_path: Path, body: str, line: int, words: str
) -> None:
    path = write(tmp_path, "bad.csv", HEADER + body)
    with pytest.raises(InputError) as err:
        read_glossary(path)
    assert f"bad.csv:{line}:" in str(err.value)
    assert words in str(err.value)


def test_wrong_header_is_reported_on_line_one(tmp_path: Path) -> None:
    for header in ("russian,english\n", "ru,forbidden\n", "ru,en,en\n"):
        path = write(tmp_path, "bad.csv", header + "ЦК,Central Committee\n")
        with pytest.raises(InputError, match=r"bad\.csv:1:"):
            read_glossary(path)


@pytest.mark.parametrize(
    ("header", "hint"),
    [("ru;en\n", "semicolons"), ("ru\ten\n", "tabs")],
)
def test_a_header_in_the_wrong_separator_says_so(tmp_path: Path, header: str, hint: str) -> None:
    path = write(tmp_path, "bad.csv", header)
    with pytest.raises(InputError, match=rf"bad\.csv:1: .* separated by {hint}"):
        read_glossary(path)


def test_bad_encoding_names_the_line(tmp_path: Path) -> None:
    data = (HEADER + "ЦК,Central Committee,,,,,,\n").encode() + "нэп,NEP,,,,,,\n".encode("cp1251")
    path = write(tmp_path, "bad.csv", data)
    with pytest.raises(InputError, match=r"bad\.csv:3: not valid UTF-8"):
        read_glossary(path)


def test_empty_file_and_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no header row"):
        read_glossary(write(tmp_path, "empty.csv", ""))
    with pytest.raises(InputError, match="no such file"):
        read_glossary(tmp_path / "absent.csv")


def test_same_term_with_different_parts_of_speech_is_not_a_duplicate(tmp_path: Path) -> None:
    path = write(
        tmp_path, "g.csv", HEADER + "правый,right,,adjective,,,,\nправый,rightist,,noun,,,,\n"
    )
    assert len(read_glossary(path)) == 2


def test_terms_containing_the_separator_cannot_be_written() -> None:
    with pytest.raises(ValueError, match="separator"):
        render_glossary([GlossaryEntry("ЦК", ("CC|Central Committee",))])


_term = (
    st.text(
        alphabet=st.characters(
            blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="|"
        ),
        min_size=1,
        max_size=12,
    )
    .map(str.strip)
    .filter(bool)
)
_free_text = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\x00"), max_size=30
)


@given(
    entries=st.lists(
        st.builds(
            GlossaryEntry,
            source=_term,
            targets=st.lists(_term, min_size=1, max_size=3).map(tuple),
            forbidden=st.lists(_term, max_size=2).map(tuple),
            pos=st.sampled_from(["", "noun", "properNoun", "verb"]),
            definition=_free_text,
            note=_free_text,
            case_sensitive=st.booleans(),
            status=st.sampled_from(["approved", "proposed"]),
        ),
        max_size=5,
        unique_by=lambda e: term_key(e.source),
    ).filter(lambda entries: not any(approved_and_forbidden(e) for e in entries)),
    dialect=st.sampled_from(["csv", "tsv"]),
)
@settings(max_examples=60, deadline=None)
def test_any_glossary_survives_a_round_trip(entries: list[GlossaryEntry], dialect: str) -> None:
    text = render_glossary(entries, "tsv" if dialect == "tsv" else "csv")
    assert parse_glossary(text, "g", "tsv" if dialect == "tsv" else "csv") == entries


def test_crlf_lines_and_blank_lines_keep_line_numbers(tmp_path: Path) -> None:
    path = write(tmp_path, "g.csv", "ru,en\r\nЦК,Central Committee\r\n\r\nнэп,NEP\r\nцк,CC\r\n")
    with pytest.raises(InputError, match=r"g\.csv:5: duplicate entry 'цк' \(first on line 2\)"):
        read_glossary(path)
    path = write(tmp_path, "h.csv", "ru,en\r\nЦК,Central Committee\r\n\r\nнэп,NEP\r\n")
    assert [e.targets for e in read_glossary(path)] == [("Central Committee",), ("NEP",)]
