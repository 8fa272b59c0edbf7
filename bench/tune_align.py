"""Tune the aligner's parameters on a development set and write core/align/params.json.

Development data: the WMT22 ru-en chunks of ../shared/corpus-external/derived-eval-v1/wmt22
(1-1 by construction), perturbed here with our own random draws (seeds unlike the
ones of the published *-pert sets): sentences joined on either side, single
sentences and short runs of sentences dropped on either side. The ntrex-pert and
lit sets are never looked at; wmt22-pert shares its sentences with this
development set (but not its perturbations), so it is not an unseen test.
Besides the published perturbations, the development set has 3-1, 1-3 and 2-2
links, sentences split in two at inner punctuation (on separate lines, or on the
same line as translators restructure), and runs of 2-6 dropped sentences, which
real translations have and the *-pert sets do not.

Usage: .venv/bin/python bench/tune_align.py [--rounds N] [--write]
"""

from __future__ import annotations

import argparse
import math
import random
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from workbench.core.align import AlignParams, align_prepared, default_params, prepare  # noqa: E402
from workbench.core.align.costs import Sides  # noqa: E402

SHARED = ROOT.parent / "shared" / "corpus-external" / "derived-eval-v1"
PARAMS_FILE = ROOT / "src" / "workbench" / "core" / "align" / "params.json"

Gold = set[tuple[tuple[int, ...], tuple[int, ...]]]


@dataclass
class DevDoc:
    name: str
    sides: Sides
    gold: Gold


def require_shared(path: Path) -> Path:
    if not path.is_dir():
        raise SystemExit(
            f"missing {path}: the external test data is expected in ../shared "
            "next to the repository"
        )
    return path


def perturb(
    ru: list[str], en: list[str], doc_ids: list[str], rng: random.Random
) -> tuple[list[str], list[str], Gold]:
    """Join and drop sentences like the published *-pert sets; also 3-1, 1-3 and 2-2 links,
    sentences split at inner punctuation (as translators do) and runs of dropped sentences."""
    out_ru: list[str] = []
    out_en: list[str] = []
    gold: Gold = set()
    k = 0
    n = len(ru)
    while k < n:
        same_doc_next = k + 1 < n and doc_ids[k + 1] == doc_ids[k]
        draw = rng.random()
        i, j = len(out_ru), len(out_en)
        if draw < 0.06 and same_doc_next:  # 2-1: two Russian sentences, English joined
            out_ru += [ru[k], ru[k + 1]]
            out_en.append(en[k] + " " + en[k + 1])
            gold.add(((i, i + 1), (j,)))
            k += 2
        elif draw < 0.12 and same_doc_next:  # 1-2: Russian joined
            out_ru.append(ru[k] + " " + ru[k + 1])
            out_en += [en[k], en[k + 1]]
            gold.add(((i,), (j, j + 1)))
            k += 2
        elif draw < 0.14:  # 1-0
            out_ru.append(ru[k])
            gold.add(((i,), ()))
            k += 1
        elif draw < 0.16:  # 0-1
            out_en.append(en[k])
            gold.add(((), (j,)))
            k += 1
        elif draw < 0.17 and k + 2 < n and doc_ids[k + 2] == doc_ids[k]:  # 3-1 / 1-3 / 2-2
            kind = rng.choice(("3-1", "1-3", "2-2"))
            if kind == "3-1":
                out_ru += ru[k : k + 3]
                out_en.append(" ".join(en[k : k + 3]))
                gold.add(((i, i + 1, i + 2), (j,)))
            elif kind == "1-3":
                out_ru.append(" ".join(ru[k : k + 3]))
                out_en += en[k : k + 3]
                gold.add(((i,), (j, j + 1, j + 2)))
            else:  # the two sentence boundaries fall in different places
                ru_parts = _split(ru[k] + " " + ru[k + 1], rng)
                en_parts = _split(en[k] + " " + en[k + 1], rng)
                if ru_parts is None or en_parts is None:
                    out_ru.append(ru[k])
                    out_en.append(en[k])
                    gold.add(((i,), (j,)))
                    k += 1
                    continue
                out_ru += ru_parts
                out_en += en_parts
                gold.add(((i, i + 1), (j, j + 1)))
                k += 2
                continue
            k += 3
        elif draw < 0.20:  # a sentence split in two at a comma, semicolon or colon
            side_ru = rng.random() < 0.5
            parts = _split(ru[k] if side_ru else en[k], rng)
            if parts is None:
                out_ru.append(ru[k])
                out_en.append(en[k])
                gold.add(((i,), (j,)))
            elif side_ru:
                out_ru += parts
                out_en.append(en[k])
                gold.add(((i, i + 1), (j,)))
            else:
                out_ru.append(ru[k])
                out_en += parts
                gold.add(((i,), (j, j + 1)))
            k += 1
        elif draw < 0.205:  # a run of Russian sentences the translation leaves out
            run = rng.randint(2, 6)
            for r in range(min(run, n - k)):
                out_ru.append(ru[k + r])
                gold.add(((i + r,), ()))
            k += min(run, n - k)
        else:
            ru_line, en_line = ru[k], en[k]
            if rng.random() < 0.06:  # the translator made two sentences of one (same line)
                if rng.random() < 0.5:
                    ru_line = _restructure(ru_line, rng)
                else:
                    en_line = _restructure(en_line, rng)
            out_ru.append(ru_line)
            out_en.append(en_line)
            gold.add(((i,), (j,)))
            k += 1
    return out_ru, out_en, gold


def _restructure(sentence: str, rng: random.Random) -> str:
    """The same sentence written as two: an inner comma becomes a full stop."""
    parts = _split(sentence, rng)
    if parts is None:
        return sentence
    first, second = parts
    return f"{first.rstrip(',;:')}. {second[:1].upper()}{second[1:]}"


def _split(sentence: str, rng: random.Random) -> list[str] | None:
    """Split a sentence at one of its inner commas, semicolons or colons (None if none)."""
    cuts = [
        k + 1
        for k, char in enumerate(sentence[:-1])
        if char in ",;:" and 15 < k < len(sentence) - 15
    ]
    if not cuts:
        return None
    cut = rng.choice(cuts)
    return [sentence[:cut].strip(), sentence[cut:].strip()]


def load_dev(draws: int) -> list[DevDoc]:
    folder = require_shared(SHARED / "wmt22")
    docs: list[DevDoc] = []
    for chunk_index, ru_path in enumerate(sorted(folder.glob("*.ru"))):
        ru = ru_path.read_text(encoding="utf-8").splitlines()
        en = ru_path.with_suffix(".en").read_text(encoding="utf-8").splitlines()
        ids = ru_path.with_suffix(".par-ru").read_text(encoding="utf-8").splitlines()
        for draw in range(draws):
            rng = random.Random(7919 + 1000 * draw + chunk_index)
            src, tgt, gold = perturb(ru, en, ids, rng)
            docs.append(DevDoc(f"{ru_path.stem}#{draw}", prepare(src, tgt), gold))
    return docs


def f1(docs: list[DevDoc], params: AlignParams) -> float:
    correct = predicted = expected = 0
    for doc in docs:
        aligned = align_prepared(doc.sides, params, with_scores=False)
        links = {(link.src, link.tgt) for link in aligned}
        correct += len(links & doc.gold)
        predicted += len(links)
        expected += len(doc.gold)
    precision, recall = correct / max(predicted, 1), correct / max(expected, 1)
    return 2 * precision * recall / max(precision + recall, 1e-9)


NOT_SEARCHED = frozenset(
    ("temperature", "prior", "key_weight", "unmatched_kinds", "char_mu", "token_mu",
     "piece_mu", "mu_prior_sentences", "key_match_rate")
)  # fmt: skip


def scalar_names(params: AlignParams) -> list[str]:
    names = [
        name
        for name, value in params.__class__.__dataclass_fields__.items()
        if name not in NOT_SEARCHED
    ]
    names += [f"prior.{k}" for k in params.prior if k != "1-1"]
    names += [f"key_weight.{k}" for k in params.key_weight]
    return names


def get(params: AlignParams, name: str) -> float:
    if "." in name:
        group, key = name.split(".")
        return float(getattr(params, group)[key])
    return float(getattr(params, name))


def set_(params: AlignParams, name: str, value: float) -> AlignParams:
    changes: dict[str, Any]
    if "." in name:
        group, key = name.split(".")
        changes = {group: {**getattr(params, group), key: value}}
    else:
        changes = {name: value}
    return replace(params, **changes)


def estimate_length_means(docs: list[DevDoc], params: AlignParams) -> AlignParams:
    """The typical log length ratios (characters, tokens, pieces) of 1-1 links: their means."""
    chars: list[float] = []
    tokens: list[float] = []
    pieces: list[float] = []
    for doc in docs:
        for src, tgt in doc.gold:
            if len(src) == 1 and len(tgt) == 1:
                i, j = src[0], tgt[0]
                chars.append(
                    math.log1p(doc.sides.tgt.chars[j]) - math.log1p(doc.sides.src.chars[i])
                )
                tokens.append(
                    math.log1p(doc.sides.tgt_tokens[j]) - math.log1p(doc.sides.src_tokens[i])
                )
                pieces.append(
                    math.log1p(doc.sides.tgt_pieces[j]) - math.log1p(doc.sides.src_pieces[i])
                )
    char_mu = round(sum(chars) / len(chars), 4)
    token_mu = round(sum(tokens) / len(tokens), 4)
    piece_mu = round(sum(pieces) / len(pieces), 4)
    print(
        f"mean log length ratio of 1-1 links: characters {char_mu}, tokens {token_mu}, "
        f"pieces {piece_mu}"
    )
    return replace(params, char_mu=char_mu, token_mu=token_mu, piece_mu=piece_mu)


def estimate_key_match_rate(docs: list[DevDoc], params: AlignParams) -> AlignParams:
    """How often a key finds its partner in the first-pass 1-1 links, over the whole set."""
    from workbench.core.align.aligner import key_match_rate
    from workbench.core.align.dp import PathLink

    first_pass = replace(params, key_match_rate=0.0)
    rates = []
    for doc in docs:
        links = align_prepared(doc.sides, first_pass, with_scores=False)
        path = [
            PathLink(link.src[-1] + 1, link.tgt[-1] + 1, 1, 1)
            for link in links
            if len(link.src) == 1 and len(link.tgt) == 1
        ]
        rate = key_match_rate(doc.sides, path, params.unmatched_kinds)
        if rate is not None:
            rates.append(rate)
    mean = round(sum(rates) / len(rates), 4)
    spread = f"{min(rates):.3f}…{max(rates):.3f}"
    print(f"key match rate in first-pass 1-1 links: {mean} (documents {spread})")
    return replace(params, key_match_rate=mean)


def tune(
    docs: list[DevDoc], params: AlignParams, rounds: int, only: set[str] | None = None
) -> AlignParams:
    """Coordinate search over the scalar parameters (or only those named in ``only``)."""
    best = f1(docs, params)
    print(f"start F1 {best:.4f}")
    names = [name for name in scalar_names(params) if only is None or name in only]
    for round_index in range(rounds):
        improved = False
        for name in names:
            value = get(params, name)
            trials = (
                [value * f for f in (0.5, 0.75, 1.33, 2.0)] if value else [0.1, 0.2, 0.3, 0.5, 1.0]
            )
            if value and not name.endswith("floor"):
                trials.append(0.0)
            for trial in trials:
                candidate = set_(params, name, round(trial, 4))
                score = f1(docs, candidate)
                if score > best + 1e-4:
                    best, params, improved = score, candidate, True
                    print(f"  round {round_index}: {name} = {trial:.4g} → F1 {best:.4f}")
        if not improved:
            break
    return params


def fit_temperature(docs: list[DevDoc], params: AlignParams) -> AlignParams:
    """The temperature whose posteriors best predict which links are right (log loss)."""
    best_loss, best_t = math.inf, params.temperature
    for t in (0.5, 0.75, 1.0, 1.5, 2.0, 3.0, 4.0, 6.0):
        trial = replace(params, temperature=t)
        loss = 0.0
        count = 0
        for doc in docs:
            for link in align_prepared(doc.sides, trial):
                p = min(max(link.score, 1e-6), 1 - 1e-6)
                right = (link.src, link.tgt) in doc.gold
                loss -= math.log(p if right else 1 - p)
                count += 1
        print(f"  temperature {t}: log loss {loss / count:.4f}")
        if loss < best_loss:
            best_loss, best_t = loss, t
    return replace(params, temperature=best_t)


def main() -> int:
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[union-attr]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--draws", type=int, default=2)
    parser.add_argument("--from-defaults", action="store_true")
    parser.add_argument("--unmatched-kinds", help="key kinds counted as unmatched (e.g. nmcg)")
    parser.add_argument(
        "--only", help="search only these parameters, comma-separated (e.g. piece_weight)"
    )
    parser.add_argument("--write", action="store_true", help=f"write {PARAMS_FILE.name}")
    args = parser.parse_args()
    started = time.perf_counter()
    docs = load_dev(args.draws)
    print(f"{len(docs)} development documents, {sum(len(d.gold) for d in docs)} gold links")
    params = AlignParams() if args.from_defaults else default_params()
    if args.unmatched_kinds is not None:
        params = replace(params, unmatched_kinds=args.unmatched_kinds)
    params = estimate_length_means(docs, params)
    params = estimate_key_match_rate(docs, params)
    only = set(args.only.split(",")) if args.only else None
    if only is not None and not only <= set(scalar_names(params)):
        raise SystemExit(
            f"unknown parameters: {', '.join(sorted(only - set(scalar_names(params))))}"
        )
    params = tune(docs, params, args.rounds, only)
    params = estimate_key_match_rate(docs, params)
    params = fit_temperature(docs, params)
    print(f"final F1 {f1(docs, params):.4f} in {time.perf_counter() - started:.0f}s")
    print(params.to_json())
    if args.write:
        PARAMS_FILE.write_text(params.to_json() + "\n", encoding="utf-8")
        print(f"wrote {PARAMS_FILE}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
