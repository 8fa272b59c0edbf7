"""Building a workspace from ``seeds/`` and ``corpus/``, and finding the default one.

The build segments the source and every translation, aligns each translation to
the source with the aligner (its links are stored as *automatic*: the shipped
workspace shows what the product does; the hand-made gold alignments in
``corpus/`` are for tests and benchmarks), finds the quotations in the source,
and loads the starter glossary and the translators' notes.

A build writes a temporary file next to the target and renames it into place
only when complete, so a crash never leaves a half-built workspace.
"""

from __future__ import annotations

import contextlib
import os
import shlex
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from workbench.core.model import (
    Document,
    GlossaryEntry,
    Link,
    Note,
    ProjectSnapshot,
    QuotationSpan,
    Span,
    Translation,
)
from workbench.corpus import CorpusDocument, load_manifest, read_notes
from workbench.store import Store
from workbench.textio import InputError, read_text

__all__ = [
    "SEED_WORKSPACE_NAME",
    "WORKBENCH_HOME_ENV",
    "BuildTools",
    "Progress",
    "SeedCorpus",
    "SeedText",
    "WorkspaceExistsError",
    "build_seed_workspace",
    "build_workspace",
    "default_tools",
    "default_workspace_path",
    "ensure_seed_workspace",
    "open_workspace",
    "project_root",
]

WORKBENCH_HOME_ENV = "WORKBENCH_HOME"
SEED_WORKSPACE_NAME = "seed.workbench.sqlite"

Progress = Callable[[str, int, int], None]
"""Reports a build's progress: (what is being done, steps done, steps in all)."""


@dataclass(frozen=True, slots=True)
class SeedText:
    """One text of the corpus: the source or an English translation of it."""

    name: str
    lang: str
    path: Path
    title: str = ""
    translator: str = ""
    approach: str = ""
    licence: str = ""


@dataclass(frozen=True, slots=True)
class SeedCorpus:
    """What a workspace is built from."""

    name: str
    source: SeedText
    translations: tuple[SeedText, ...]
    glossary: Path | None = None
    notes: Path | None = None
    created: str = ""
    """The workspace's creation time (ISO 8601), fixed so that exports are reproducible."""


@dataclass(frozen=True, slots=True)
class BuildTools:
    """The functions a build uses (the defaults are the workbench's own)."""

    load_corpus: Callable[[Path], SeedCorpus]
    segment: Callable[[str, str], Sequence[Span]]
    align: Callable[[Sequence[str], Sequence[str], Sequence[GlossaryEntry]], Sequence[Link]]
    find_quotations: Callable[[str], Sequence[QuotationSpan]]
    read_glossary: Callable[[Path], Sequence[GlossaryEntry]]
    read_notes: Callable[[Path], Sequence[Note]]


def default_tools() -> BuildTools:
    """The workbench's segmenter, aligner, quotation finder and corpus readers."""
    from workbench.core.align import align_sentences
    from workbench.core.quotes import find_quotations
    from workbench.core.segment import segment
    from workbench.formats.glossary_csv import read_glossary

    def align(src: Sequence[str], tgt: Sequence[str],
              glossary: Sequence[GlossaryEntry]) -> Sequence[Link]:
        return align_sentences(src, tgt, src_lang="ru", tgt_lang="en", glossary=glossary)

    return BuildTools(
        load_corpus=load_seed_corpus,
        segment=segment,
        align=align,
        find_quotations=find_quotations,
        read_glossary=read_glossary,
        read_notes=read_notes,
    )


def load_seed_corpus(root: Path) -> SeedCorpus:
    """The seed corpus as ``root/corpus/manifest.toml`` describes it."""
    manifest = load_manifest(root / "corpus")

    def seed_text(doc: CorpusDocument) -> SeedText:
        return SeedText(name=doc.id, lang=doc.lang, path=doc.path, title=doc.title,
                        translator=doc.translator, approach=doc.approach, licence=doc.licence)

    return SeedCorpus(
        name=manifest.name,
        source=seed_text(manifest.source),
        translations=tuple(seed_text(doc) for doc in manifest.translations),
        glossary=manifest.glossary,
        notes=manifest.notes,
        created=manifest.created,
    )


def project_root(start: Path | None = None) -> Path:
    """The folder holding ``seeds/`` and ``corpus/``: the clone the package runs from."""
    here = (start or Path(__file__)).resolve()
    for folder in (here, *here.parents):
        if (folder / "seeds").is_dir() and (folder / "corpus").is_dir():
            return folder
    raise InputError(here, "cannot find the seeds/ and corpus/ folders above this package; "
                     "run workbench from a clone of its repository")


def default_workspace_path() -> Path:
    """Where the seed workspace lives: ``$WORKBENCH_HOME`` if set, else the user's
    data folder for workbench (e.g. ``~/.local/share/workbench``)."""
    home = os.environ.get(WORKBENCH_HOME_ENV)
    if home:
        folder = Path(home).expanduser()
    else:
        from platformdirs import user_data_dir

        folder = Path(user_data_dir("workbench", appauthor=False))
    return folder / SEED_WORKSPACE_NAME


def build_workspace(path: str | os.PathLike[str], root: Path, *, tools: BuildTools | None = None,
                    progress: Progress | None = None, force: bool = False) -> Path:
    """Build a workspace at ``path`` from ``root/seeds`` and ``root/corpus``.

    Refuses to replace an existing file unless ``force``. Returns the path.
    """
    target = Path(path).expanduser()
    if _is_dir(target):
        raise InputError(target, "is a folder; give the workspace file's path")
    if _exists(target):
        if not force:
            raise WorkspaceExistsError(target, "already exists; use --force to rebuild it")
        _check_replaceable(target)
    tools = tools or default_tools()
    corpus = tools.load_corpus(root)
    steps = _Steps(progress, total=3 + 2 * len(corpus.translations))

    try:
        target.parent.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise InputError(target.parent, "is a file, not a folder") from None
    except OSError as exc:
        raise InputError(target.parent, exc.strerror or str(exc)) from None
    if not os.access(target.parent, os.W_OK | os.X_OK):
        raise InputError(target.parent, "cannot write in this folder (permission denied)")
    temporary = target.with_name(f".{target.name}.{os.getpid()}.building")
    _remove_database(temporary)
    try:
        with Store.create(temporary, name=corpus.name, created=corpus.created or None) as store:
            _fill(store, corpus, tools, steps)
        if force:
            # A write-ahead log left by the old file must not be replayed into the new one.
            for suffix in ("-wal", "-shm"):
                with contextlib.suppress(FileNotFoundError):
                    Path(f"{target}{suffix}").unlink()
            os.replace(temporary, target)
        else:
            _publish_if_absent(temporary, target)
        _sync_folder(target.parent)
    finally:
        _remove_database(temporary)
    steps.finish()
    return target


def build_seed_workspace(path: str | os.PathLike[str], *, progress: Progress | None = None,
                         force: bool = False, tools: BuildTools | None = None) -> Path:
    """Build the shipped seed workspace at ``path`` from this clone's seeds/ and corpus/."""
    return build_workspace(path, project_root(), tools=tools, progress=progress, force=force)


def ensure_seed_workspace(path: Path | None = None, *, progress: Progress | None = None,
                          tools: BuildTools | None = None) -> Path:
    """The seed workspace's path, building it first if it does not exist yet.

    When two processes start at once, one build wins and both use it.
    """
    target = path or default_workspace_path()
    if not _exists(target):
        with contextlib.suppress(WorkspaceExistsError):
            build_seed_workspace(target, progress=progress, tools=tools)
    return target


def open_workspace(workspace: str | os.PathLike[str] | None, *,
                   progress: Progress | None = None, tools: BuildTools | None = None) -> Store:
    """Open the workspace a command should use: ``workspace`` if given (it must exist),
    else the seed workspace in the default location (built on first use)."""
    if workspace is not None:
        if not _exists(Path(workspace)):
            raise InputError(workspace, f"no such workspace (to build one there: workbench "
                             f"--workspace {shlex.quote(str(workspace))} init)")
        return Store.open(workspace)
    return Store.open(ensure_seed_workspace(progress=progress, tools=tools))


# ---------------------------------------------------------------------- internals


class WorkspaceExistsError(InputError):
    """The workspace to build already exists (and ``force`` was not given)."""


def _exists(path: Path) -> bool:
    """Whether ``path`` exists; a folder that cannot be searched is a one-line error."""
    try:
        return path.exists()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


def _is_dir(path: Path) -> bool:
    try:
        return path.is_dir()
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from None


def _check_replaceable(target: Path) -> None:
    """``--force`` replaces a workspace, never some other file given by mistake."""
    try:
        with Store.open(target):
            pass
    except InputError as exc:
        reason = str(exc).removeprefix(f"{exc.path}: ")
        raise InputError(target, f"{reason}; not replaced (--force rebuilds only a workspace)") \
            from None


class _Steps:
    def __init__(self, progress: Progress | None, total: int) -> None:
        self._progress = progress
        self._total = total
        self._done = 0

    def start(self, what: str) -> None:
        if self._progress is not None:
            self._progress(what, self._done, self._total)

    def done(self) -> None:
        self._done += 1

    def finish(self) -> None:
        if self._progress is not None:
            self._progress("done", self._total, self._total)


def _document(text: SeedText, tools: BuildTools) -> Document:
    content = read_text(text.path)
    spans = list(tools.segment(content, text.lang))
    return Document(name=text.name, lang=text.lang, text=content, sentences=spans,
                    title=text.title, translator=text.translator, approach=text.approach,
                    licence=text.licence)


def _fill(store: Store, corpus: SeedCorpus, tools: BuildTools, steps: _Steps) -> None:
    steps.start(f"segmenting {corpus.source.path.name}")
    source = _document(corpus.source, tools)
    steps.done()

    steps.start("finding quotations")
    quotations = list(tools.find_quotations(source.text))
    steps.done()

    steps.start("reading the glossary and notes")
    glossary = list(tools.read_glossary(corpus.glossary)) if corpus.glossary else []
    notes = list(tools.read_notes(corpus.notes)) if corpus.notes else []
    steps.done()

    src_sentences = [span.text for span in source.sentences]
    translations: list[Translation] = []
    for text in corpus.translations:
        steps.start(f"segmenting {text.path.name}")
        document = _document(text, tools)
        steps.done()
        steps.start(f"aligning {text.name}")
        segments = [span.text for span in document.sentences]
        links = list(tools.align(src_sentences, segments, glossary))
        translations.append(Translation(name=text.name, document=document, segments=segments,
                                        links=links))
        steps.done()

    names = {t.name for t in translations}
    for note in notes:
        where = corpus.notes or corpus.source.path
        if note.translation is not None and note.translation not in names:
            raise InputError(where, f"a note on segment {note.src_index} names translation "
                             f"{note.translation!r}, which the corpus does not have")
        if not 0 <= note.src_index < len(source.sentences):
            raise InputError(where, f"a note is on segment {note.src_index}, but the source "
                             f"has {len(source.sentences)} sentences (numbered from 0)")
    # One transaction, and no undo history: the built workspace is where work starts.
    store.load_snapshot(ProjectSnapshot(name=corpus.name, source=source,
                                        translations=translations, glossary=glossary,
                                        notes=notes, quotations=quotations))


def _publish_if_absent(temporary: Path, target: Path) -> None:
    """Give the finished file its name unless another process got there first
    (a hard link fails if the name exists; a rename would replace silently)."""
    try:
        os.link(temporary, target)
    except FileExistsError:
        raise WorkspaceExistsError(target, "already exists; use --force to rebuild it") from None
    except OSError:
        # A file system without hard links: check, then rename.
        if target.exists():
            raise WorkspaceExistsError(target, "already exists; use --force to rebuild it") \
                from None
        os.replace(temporary, target)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()


def _sync_folder(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
