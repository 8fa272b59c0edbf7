import hashlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_4e71bbafc8bcbe6b.txt"


def test_seed_is_byte_identical_to_the_shipped_original() -> None:
    digest = hashlib.sha256(SEED.read_bytes()).hexdigest()
    assert digest == "d0bdf22520e152dc99eb78d851b3ab95142d5aac75cbe4b42943d53c5567286a"


def test_seed_keeps_the_cyrillic_a_in_the_latin_title() -> None:
    text = SEED.read_text(encoding="utf-8")
    assert "\u0410 Documentary History of Communism" in text
