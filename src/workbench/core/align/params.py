"""The aligner's model parameters: defaults, and the tuned values shipped in params.json."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field, fields, replace
from functools import lru_cache
from importlib import resources
from typing import Any

# Link types the aligner considers: (source sentences, target sentences).
MOVES: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2), (3, 1), (1, 3),
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class AlignParams:
    """Costs are negative log-probabilities (nats); weights scale each signal's term."""

    # prior cost of each link type (name "a-b")
    prior: dict[str, float] = field(
        default_factory=lambda: {
            "1-1": 0.0, "1-0": 4.0, "0-1": 4.0, "2-1": 3.0, "1-2": 3.0,
            "2-2": 6.0, "3-1": 6.0, "1-3": 6.0,
        }
    )  # fmt: skip
    # length: log ratio ~ N(mu, var), var = floor + spread / (combined length); mu is the
    # document's own ratio shrunk towards the typical one (char_mu, token_mu, piece_mu) as if
    # that had been seen in ``mu_prior_sentences`` sentences
    char_mu: float = -0.1
    token_mu: float = 0.0
    piece_mu: float = 0.0
    mu_prior_sentences: float = 20.0
    char_weight: float = 1.0
    char_floor: float = 0.02
    char_spread: float = 8.0
    token_weight: float = 0.5
    token_floor: float = 0.02
    token_spread: float = 3.0
    # SentencePiece pieces (model trained on the document itself; see lengths.py)
    piece_weight: float = 0.0
    piece_floor: float = 0.02
    piece_spread: float = 3.0
    # anchors: bonus per shared key, by key kind, damped by how common the key is
    key_weight: dict[str, float] = field(
        default_factory=lambda: {"n": 2.0, "m": 2.0, "w": 1.5, "l": 0.7, "g": 2.0, "c": 0.5}
    )
    key_commonness: float = 0.5
    # cost per unit of key value left unmatched inside a link (null links pay none),
    # counting only keys of these kinds (those a translation keeps most reliably)
    unmatched_weight: float = 0.0
    unmatched_kinds: str = "nmwcg"
    # how often such a key finds its partner in a 1-1 link on the development set; a
    # document whose first-pass links match less (or more) often gets a proportionally
    # weaker (or stronger) unmatched cost in a second pass (0 = no second pass)
    key_match_rate: float = 0.0
    # punctuation: cost per unmatched mark; sentence count: cost per sentence of difference
    punctuation_weight: float = 0.5
    sentence_count_weight: float = 1.5
    # null links (1-0, 0-1): extra cost grows with length and with the best match nearby
    null_length: float = 0.3
    null_best_match: float = 0.5
    # posterior temperature (scores only, not the path)
    temperature: float = 1.0

    def to_json(self) -> str:
        return json.dumps(asdict(self), indent=1, sort_keys=True)

    @classmethod
    def from_mapping(cls, data: dict[str, Any]) -> AlignParams:
        known = {f.name for f in fields(cls)}
        base = cls()
        values = {k: v for k, v in data.items() if k in known}
        for name in ("prior", "key_weight"):
            if name in values:
                values[name] = {**getattr(base, name), **values[name]}
        return replace(base, **values)


@lru_cache(maxsize=1)
def default_params() -> AlignParams:
    """The tuned parameters shipped with the package (core/align/params.json)."""
    text = resources.files("workbench.core.align").joinpath("params.json").read_text("utf-8")
    return AlignParams.from_mapping(json.loads(text))
