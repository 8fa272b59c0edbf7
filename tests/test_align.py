"""The sentence aligner: coverage, order, fixed links, scores and the corpus gold."""

from __future__ import annotations

import ast
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from workbench.core.align import align_sentences
from workbench.core.model import GlossaryEntry, Link, LinkStatus

ROOT = Path(__file__).resolve().parents[1]
ALLOWED_KINDS = {"1-1", "1-0", "0-1", "2-1", "1-2", "2-2", "3-1", "1-3"}

RU_WORDS = ("Бухарин", "Сталин", "пленум", "революции", "Политбюро", "1928", "июля",
            "крестьянство", "партия", "он", "сказал")  # fmt: skip
EN_WORDS = ("Bukharin", "Stalin", "plenum", "revolution", "Politburo", "1928", "July",
            "peasantry", "party", "he", "said")  # fmt: skip


def assert_valid_alignment(links: list[Link], n: int, m: int) -> None:
    """Every sentence exactly once, in document order, on both sides."""
    src = [i for link in links for i in link.src]
    tgt = [j for link in links for j in link.tgt]
    assert src == list(range(n))
    assert tgt == list(range(m))
    for link in links:
        assert link.fixed or link.kind in ALLOWED_KINDS
        assert 0.0 <= link.score <= 1.0
    # monotone: a link never starts before the previous one ends on either side
    last_src = last_tgt = -1
    for link in links:
        if link.src:
            assert link.src[0] == last_src + 1
            last_src = link.src[-1]
        if link.tgt:
            assert link.tgt[0] == last_tgt + 1
            last_tgt = link.tgt[-1]


sentence_lists = st.lists(
    st.lists(st.integers(0, len(RU_WORDS) - 1), min_size=1, max_size=12), max_size=25
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(src_words=sentence_lists, tgt_words=sentence_lists)
def test_random_documents_are_covered_exactly_once_in_order(
    src_words: list[list[int]], tgt_words: list[list[int]]
) -> None:
    src = [" ".join(RU_WORDS[w] for w in s) + "." for s in src_words]
    tgt = [" ".join(EN_WORDS[w] for w in s) + "." for s in tgt_words]
    links = align_sentences(src, tgt)
    assert_valid_alignment(links, len(src), len(tgt))
    assert all(link.status is LinkStatus.AUTOMATIC for link in links)


def test_one_empty_side_gives_only_null_links() -> None:
    src = ["Бухарин пришёл.", "Сталин ушёл.", "Всё."]
    assert align_sentences(src, []) == [Link((0,), ()), Link((1,), ()), Link((2,), ())]
    assert [link.kind for link in align_sentences([], ["One.", "Two."])] == ["0-1", "0-1"]
    assert align_sentences([], []) == []


@st.composite
def document_with_fixed_links(draw: st.DrawFn) -> tuple[list[str], list[str], list[Link]]:
    """Two random documents and a random monotone set of links to fix."""
    n = draw(st.integers(0, 20))
    m = draw(st.integers(0, 20))
    src = [f"Предложение номер {i} о {RU_WORDS[i % len(RU_WORDS)]}." for i in range(n)]
    tgt = [f"Sentence number {j} about {EN_WORDS[j % len(EN_WORDS)]}." for j in range(m)]
    fixed: list[Link] = []
    i = j = 0
    while i < n or j < m:
        a = draw(st.integers(0, min(2, n - i)))
        b = draw(st.integers(0 if a else 1, min(2, m - j))) if (a or j < m) else 0
        if a == 0 and b == 0:
            a = 1
        status = draw(st.sampled_from([None, LinkStatus.CONFIRMED, LinkStatus.MANUAL]))
        if status is not None:
            fixed.append(
                Link(tuple(range(i, i + a)), tuple(range(j, j + b)), score=0.25, status=status)
            )
        i, j = i + a, j + b
    return src, tgt, fixed


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(case=document_with_fixed_links())
def test_realignment_keeps_every_fixed_link(
    case: tuple[list[str], list[str], list[Link]],
) -> None:
    src, tgt, fixed = case
    links = align_sentences(src, tgt, fixed=fixed)
    assert_valid_alignment(links, len(src), len(tgt))
    for link in fixed:
        assert link in links  # same sentences, same score, same status
    assert sum(1 for link in links if link.fixed) == len(fixed)


def test_a_fixed_link_moves_its_neighbours() -> None:
    src = [
        "В 1928 году Бухарин выступил на пленуме.",
        "Он говорил долго.",
        "Сталин ответил ему 11 июля.",
    ]
    tgt = [
        "In 1928 Bukharin spoke at the plenum.",
        "He spoke for a long time.",
        "Stalin answered him on July 11.",
    ]
    automatic = align_sentences(src, tgt)
    assert [(link.src, link.tgt) for link in automatic] == [
        ((0,), (0,)),
        ((1,), (1,)),
        ((2,), (2,)),
    ]
    # The translator says the second Russian sentence belongs with the first English one.
    manual = Link((0, 1), (0,), status=LinkStatus.MANUAL)
    links = align_sentences(src, tgt, fixed=[manual])
    assert links[0] is manual
    assert [(link.src, link.tgt) for link in links[1:]] == [((), (1,)), ((2,), (2,))]


def test_fixed_links_that_cross_are_refused() -> None:
    src = ["Один.", "Два."]
    tgt = ["One.", "Two."]
    crossing = [
        Link((0,), (1,), status=LinkStatus.MANUAL),
        Link((1,), (0,), status=LinkStatus.MANUAL),
    ]
    with pytest.raises(ValueError, match="cross"):
        align_sentences(src, tgt, fixed=crossing)
    with pytest.raises(ValueError, match="out of range"):
        align_sentences(src, tgt, fixed=[Link((5,), (0,), status=LinkStatus.MANUAL)])


def test_names_numbers_and_dates_find_a_dropped_sentence() -> None:
    src = [
        "Бухарин еще задолго до пленума порвал личные отношения со Сталиным.",
        "Оно состоялось 11 июля.",
        "О беседе Бухарина с Каменевым сохранилась запись Каменева в архиве Троцкого.",
        "Рыков, Томский и я согласны в следующем.",
        "Зиновьев и Каменев были бы в Политбюро вместо Сталина.",
    ]
    tgt = [
        "Long before the plenum Bukharin had broken off personal relations with Stalin.",
        "Kamenev's record of the talk survives in Trotsky's archive.",
        "Rykov, Tomsky and I agree on the following.",
        "Zinoviev and Kamenev would be in the Politburo instead of Stalin.",
    ]
    links = align_sentences(src, tgt)
    assert [(link.src, link.tgt) for link in links] == [
        ((0,), (0,)),
        ((1,), ()),
        ((2,), (1,)),
        ((3,), (2,)),
        ((4,), (3,)),
    ]


def test_the_glossary_works_as_a_dictionary() -> None:
    src = ["Кулак зажал хлеб.", "Кустарь продал сапоги на рынке.", "Всё кончилось."]
    tgt = ["The artisan sold boots at the market.", "It all ended."]
    glossary = [
        GlossaryEntry("кустарь", ("artisan",)),
        GlossaryEntry("сапог", ("boot",)),
        GlossaryEntry("рынок", ("market",)),
    ]
    without = align_sentences(src, tgt)
    with_glossary = align_sentences(src, tgt, glossary=glossary)
    assert ((1,), (0,)) in [(link.src, link.tgt) for link in with_glossary]
    score_with = next(link.score for link in with_glossary if link.src == (1,))
    score_without = max((link.score for link in without if link.src == (1,)), default=0.0)
    assert score_with >= score_without


def _synthetic_document(
    rng: random.Random, count: int
) -> tuple[list[str], list[str], set[tuple[tuple[int, ...], tuple[int, ...]]]]:
    """Look-alike sentence pairs, a few with numbers, some dropped on either side."""
    names = [("Бухарин", "Bukharin"), ("Сталин", "Stalin"), ("Каменев", "Kamenev")]
    verbs = [("написал", "wrote"), ("сказал", "said"), ("ответил", "answered")]
    src: list[str] = []
    tgt: list[str] = []
    gold: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    for _ in range(count):
        (ru_name, en_name), (ru_verb, en_verb) = rng.choice(names), rng.choice(verbs)
        number = f" {rng.randint(1, 2000)}" if rng.random() < 0.3 else ""
        filler = rng.randint(0, 4)
        ru = f"{ru_name} {ru_verb} об этом{number}" + " снова" * filler + "."
        en = f"{en_name} {en_verb} about it{number}" + " again" * filler + "."
        draw = rng.random()
        if draw < 0.12:
            gold.add(((len(src),), ()))
            src.append(ru)
        elif draw < 0.24:
            gold.add(((), (len(tgt),)))
            tgt.append(en)
        else:
            gold.add(((len(src),), (len(tgt),)))
            src.append(ru)
            tgt.append(en)
    return src, tgt, gold


def test_low_scores_point_at_wrong_links() -> None:
    rng = random.Random(6)
    right_high = wrong_high = right_low = wrong_low = 0
    for _ in range(12):
        src, tgt, gold = _synthetic_document(rng, 40)
        for link in align_sentences(src, tgt):
            right = (link.src, link.tgt) in gold
            if link.score >= 0.5:
                right_high += right
                wrong_high += not right
            else:
                right_low += right
                wrong_low += not right
    assert right_low + wrong_low >= 5, "the case is meant to leave the aligner unsure"
    error_high = wrong_high / (right_high + wrong_high)
    error_low = wrong_low / (right_low + wrong_low)
    assert error_high < 0.2
    assert error_low > 3 * error_high  # a low score points at a likely mistake


def _read_gold(path: Path) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    gold = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            s, t = line.split(":")
            gold.add((tuple(ast.literal_eval(s)), tuple(ast.literal_eval(t))))
    return gold


@pytest.mark.parametrize("name", ["close", "free"])
def test_corpus_translations_align_exactly_as_their_gold(name: str) -> None:
    seed = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"
    translation = ROOT / "corpus" / f"{name}.en.txt"
    gold_path = ROOT / "corpus" / f"{name}.gold"
    if not translation.exists() or not gold_path.exists():
        pytest.skip(f"corpus/{name}.en.txt or corpus/{name}.gold not in the corpus yet")
    from workbench.core.segment import segment

    src = [s.text for s in segment(seed.read_text(encoding="utf-8"), "ru")]
    tgt = [s.text for s in segment(translation.read_text(encoding="utf-8"), "en")]
    links = align_sentences(src, tgt)
    assert {(link.src, link.tgt) for link in links} == _read_gold(gold_path)


def test_token_lengths_count_words_and_marks_in_either_script() -> None:
    from workbench.core.align.lengths import token_counts

    counts = token_counts(["Бухарин, Сталин и Рыков.", "Bukharin, Stalin and Rykov.", ""])
    assert counts.tolist() == [6.0, 6.0, 0.0]


def _numbered_document(count: int) -> tuple[list[str], list[str]]:
    names = [("Бухарин", "Bukharin"), ("Сталин", "Stalin"), ("Рыков", "Rykov")]
    src = [f"{names[k % 3][0]} написал письмо номер {k + 1}." for k in range(count)]
    tgt = [f"{names[k % 3][1]} wrote letter number {k + 1}." for k in range(count)]
    return src, tgt


def test_a_long_run_of_untranslated_sentences_is_left_unlinked() -> None:
    src, tgt = _numbered_document(120)
    dropped = range(40, 90)  # more sentences than the band first allows either side
    kept = [j for j in range(120) if j not in dropped]
    links = align_sentences(src, [tgt[j] for j in kept])
    assert_valid_alignment(links, 120, len(kept))
    by_source = {i: link.tgt for link in links for i in link.src}
    # the sentences at either edge of the gap may be joined to their neighbour (a
    # 2-1 link, scored as unsure); everything else is linked as translated
    for i in range(120):
        if i in dropped and i - 1 in dropped and i + 1 in dropped:
            assert by_source[i] == ()
        elif i < dropped.start - 1 or i > dropped.stop:
            assert by_source[i] == (kept.index(i),)
    assert all(link.score > 0.9 for link in links if len(link.src) == len(link.tgt) == 1)


def test_progress_moves_forward_only_and_ends_complete() -> None:
    src, tgt = _numbered_document(900)
    reported: list[float] = []
    fixed = [Link((450,), (450,), status=LinkStatus.CONFIRMED)]
    align_sentences(src, tgt, fixed=fixed, progress=reported.append)
    assert reported == sorted(reported)
    assert reported[-1] == 1.0
    # every pass is reported, not only the first: values arrive all along the way
    assert max(b - a for a, b in zip([0.0, *reported], reported, strict=False)) < 0.2


def _seed_sentences() -> list[str]:
    from workbench.core.segment import segment

    seed = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"
    return [s.text for s in segment(seed.read_text(encoding="utf-8"), "ru")]


def test_piece_lengths_come_from_a_model_trained_on_the_text_itself(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from workbench.core.align import lengths

    monkeypatch.chdir(tmp_path)
    src = _seed_sentences()
    tgt = [f"Letter number {k} was about the Politburo and the peasantry." for k in range(40)]
    src_pieces, tgt_pieces = lengths.piece_counts(src, tgt)
    # a word repeated all through the text is learnt as one piece; the same word
    # in a text that never uses it is spelt out in several
    politburo = lengths.piece_counts(src, [*tgt, "Politburo"])[1][-1]
    unseen = lengths.piece_counts(src, ["Letters were written.", "Politburo"])[1][-1]
    assert politburo <= 2 < unseen
    # subword pieces, not words: Russian inflections split words into more pieces
    assert src_pieces.tolist() != lengths.token_counts(src).tolist()
    assert (src_pieces >= lengths.token_counts(src) * 0.9).all()
    # trained in memory: no model or vocabulary file left behind
    assert list(tmp_path.iterdir()) == []
    # the same text gives the same counts, also when the model is trained afresh
    first_model = lengths.train_model(lengths.training_sentences(src, tgt))
    lengths._models.clear()
    assert lengths.train_model(lengths.training_sentences(src, tgt)) == first_model
    again_src, again_tgt = lengths.piece_counts(src, tgt)
    assert again_src.tolist() == src_pieces.tolist()
    assert again_tgt.tolist() == tgt_pieces.tolist()


def test_piece_lengths_of_tiny_or_empty_texts_are_word_and_mark_counts() -> None:
    from workbench.core.align.lengths import piece_counts

    src, tgt = piece_counts(["Бухарин, Сталин и Рыков."], ["Bukharin, Stalin and Rykov."])
    assert src.tolist() == [6.0] and tgt.tolist() == [6.0]
    src, tgt = piece_counts([], [])
    assert src.tolist() == [] and tgt.tolist() == []
