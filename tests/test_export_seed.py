"""The committed exports/ are the seed workspace's exports: regenerated, they are byte
for byte the same; every file passes the real validators; each round-trips."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest
from lxml import etree

from workbench.cli import main
from workbench.core.model import ProjectSnapshot
from workbench.store import Store
from workbench.workspace import build_seed_workspace

ROOT = Path(__file__).resolve().parents[1]
EXPORTS = ROOT / "exports"
SCHEMAS = ROOT.parent / "shared" / "schemas"


def _load_script() -> ModuleType:
    path = ROOT / "scripts" / "regenerate_exports.py"
    spec = importlib.util.spec_from_file_location("regenerate_exports", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports")
    _load_script().regenerate(out)
    return out


def test_committed_exports_are_up_to_date(regenerated: Path) -> None:
    fresh = {p.name: p.read_bytes() for p in sorted(regenerated.iterdir())}
    committed = {p.name: p.read_bytes() for p in sorted(EXPORTS.iterdir())
                 if p.is_file() and not p.name.startswith(".")}
    stale = sorted(name for name in fresh.keys() | committed.keys()
                   if fresh.get(name) != committed.get(name))
    assert not stale, f"exports/ is stale: run make exports (differs: {', '.join(stale)})"


def test_regenerating_removes_exports_the_workspace_no_longer_makes(tmp_path: Path) -> None:
    (tmp_path / "gone.tmx").write_text("old", encoding="utf-8")
    (tmp_path / "README.md").write_text("kept", encoding="utf-8")
    _load_script().regenerate(tmp_path)
    assert not (tmp_path / "gone.tmx").exists()
    assert (tmp_path / "README.md").read_text(encoding="utf-8") == "kept"
    assert (tmp_path / "close.tmx").exists()


@pytest.mark.skipif(shutil.which("msgfmt") is None, reason="msgfmt (gettext) is not installed")
def test_every_seed_po_passes_msgfmt_check(regenerated: Path) -> None:
    files = sorted(regenerated.glob("*.po"))
    assert len(files) >= 2
    for path in files:
        result = subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)],
                                capture_output=True, text=True, check=False)
        assert result.returncode == 0 and result.stderr == "", f"{path.name}: {result.stderr}"


@pytest.mark.skipif(not SCHEMAS.is_dir(), reason=f"{SCHEMAS} is absent (CI provides ../shared)")
def test_every_seed_xml_export_is_valid(regenerated: Path) -> None:
    class LocalXmlXsd(etree.Resolver):
        def resolve(self, url: str | None, pubid: str | None, context: object) -> object:
            if url and url.endswith("xml.xsd"):
                return self.resolve_filename(str(SCHEMAS / "xliff" / "xml.xsd"), context)
            return None

    parser = etree.XMLParser(no_network=True)
    parser.resolvers.add(LocalXmlXsd())
    xliff2 = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff" / "xliff-core-2.0.xsd"), parser))
    xliff12 = etree.XMLSchema(etree.parse(str(SCHEMAS / "xliff" / "xliff-core-1.2-strict.xsd"),
                                          parser))
    dtd = etree.DTD(str(SCHEMAS / "tmx" / "tmx14.dtd"))
    rng = etree.RelaxNG(etree.parse(
        str(SCHEMAS / "tbx-basic" / "TBXcoreStructV03_TBX-Basic_integrated.rng")))
    checks: list[tuple[str, etree._Validator]] = [
        ("*.tmx", dtd), ("*.xliff12.xlf", xliff12), ("glossary.tbx", rng)]
    checked = 0
    for pattern, validator in checks:
        for path in sorted(regenerated.glob(pattern)):
            ok = validator.validate(etree.parse(str(path)))
            assert ok, f"{path.name}: {validator.error_log}"
            checked += 1
    for path in sorted(regenerated.glob("*.xlf")):
        if not path.name.endswith(".xliff12.xlf"):
            assert xliff2.validate(etree.parse(str(path))), f"{path.name}: {xliff2.error_log}"
            checked += 1
    assert checked >= 7


def _source_only(snapshot: ProjectSnapshot) -> ProjectSnapshot:
    return ProjectSnapshot(snapshot.name, snapshot.source, [], snapshot.glossary,
                           [n for n in snapshot.notes if n.translation is None],
                           snapshot.quotations)


def test_seed_translation_exports_round_trip_byte_identical(tmp_path: Path) -> None:
    seed = build_seed_workspace(tmp_path / "seed.sqlite")
    with Store.open(seed) as store:
        snapshot, created = store.snapshot(), store.created
    first = tmp_path / "first"
    assert main(["--workspace", str(seed), "export", "all", "--out", str(first)]) == 0
    for fmt, suffix in [("tmx", ".tmx"), ("po", ".po"), ("xliff", ".xlf"),
                        ("xliff12", ".xliff12.xlf")]:
        fresh = tmp_path / f"{fmt}.sqlite"
        with Store.create(fresh, created=created) as store:
            store.load_snapshot(_source_only(snapshot))
        for translation in snapshot.translations:
            file = first / f"{translation.name}{suffix}"
            assert main(["--workspace", str(fresh), "import", str(file)]) == 0
        second = tmp_path / f"second-{fmt}"
        assert main(["--workspace", str(fresh), "export", fmt, "--out", str(second)]) == 0
        for translation in snapshot.translations:
            name = f"{translation.name}{suffix}"
            assert (second / name).read_bytes() == (first / name).read_bytes(), name


@pytest.mark.parametrize(
    ("fmt", "suffix"),
    [("tmx", ".tmx"), ("po", ".po"), ("xliff", ".xlf"), ("xliff12", ".xliff12.xlf")],
)
def test_seed_rebuilt_from_its_exports_alone_exports_the_same_bytes(
    tmp_path: Path, fmt: str, suffix: str
) -> None:
    seed = build_seed_workspace(tmp_path / "seed.sqlite")
    with Store.open(seed) as store:
        names = store.translation_names()
    first = tmp_path / "first"
    assert main(["--workspace", str(seed), "export", "all", "--out", str(first)]) == 0
    rebuilt = tmp_path / "rebuilt.sqlite"  # does not exist: import creates it
    for name in names:
        assert main(["--workspace", str(rebuilt), "import", str(first / f"{name}{suffix}")]) == 0
    assert main(["--workspace", str(rebuilt), "import", str(first / "glossary.tbx")]) == 0
    second = tmp_path / "second"
    assert main(["--workspace", str(rebuilt), "export", "all", "--out", str(second)]) == 0
    written = sorted(p.name for p in first.iterdir())
    assert sorted(p.name for p in second.iterdir()) == written
    for file_name in written:  # every format, not only the one imported
        assert (second / file_name).read_bytes() == (first / file_name).read_bytes(), file_name
