"""The optional compiled build of the text modules (``make fast``), used only while it is current.

``make fast`` (``tools/build_fast.py``) compiles the modules of :data:`COMPILED` with mypyc
into extension modules beside their sources (``nps_kit/text/_match.cpython-311-….so`` …, and
their shared library ``_compiled__mypyc….so``) and writes :data:`STAMP`, the SHA-256 of each
source it compiled. Python imports an extension module before a source of the same name, so a
source edited after the build would silently not run. Importing this module (``nps_kit.text``
does, before any of its modules) compares the stamp with the sources: if one differs, or the
stamp is missing, every module of :data:`COMPILED` is imported from its source (the compiled
modules call one another directly, so one stale module makes them all unfit to run), and one
line on stderr says so. Without a compiled build it does nothing. ``make slow`` removes it.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

#: The modules ``make fast`` compiles: those that hold the per-comment, per-clause and per-MeCab
#: row loops (``benchmarks/bench_text.py``). Not ``themes``: mypyc cannot compile its pydantic
#: models. A compiled module calls its own plain functions directly, so a test that replaces one
#: (``monkeypatch.setattr``) must replace a decorated one, which is called through the module.
COMPILED: tuple[str, ...] = (
    "_match",
    "_scanner",
    "_regex_parts",
    "_lemma",
    "tokens",
    "languages",
    "sentiment",
    "_clause_rules",
    "_correction",
    "_polarity_layer",
    "_layer",
)
#: mypyc's library of the compiled modules' code, ``<GROUP>__mypyc.<suffix>`` in this folder.
GROUP = "_compiled"
#: The SHA-256 of each compiled module's source, as ``make fast`` compiled it.
STAMP = "_compiled.json"
FOLDER = Path(__file__).resolve().parent


def extensions(folder: Path = FOLDER) -> list[Path]:
    """Return the compiled modules (and their library) present in ``folder``."""
    names = {*COMPILED, f"{GROUP}__mypyc"}
    return sorted(
        path
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        for path in folder.glob(f"*{suffix}")
        if path.name.removesuffix(suffix) in names
    )


def source_hashes(folder: Path = FOLDER) -> dict[str, str]:
    """Return the SHA-256 of each compiled module's source in ``folder``, by module name."""
    return {
        name: hashlib.sha256((folder / f"{name}.py").read_bytes()).hexdigest() for name in COMPILED
    }


def stale(folder: Path = FOLDER) -> list[str]:
    """Return the modules whose compiled build is not that of their source (none: current).

    Empty without a compiled build; every module of :data:`COMPILED` when the stamp is
    missing or unreadable (a build that did not finish, or one of another checkout).
    """
    if not extensions(folder):
        return []
    try:
        stamp = json.loads((folder / STAMP).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return list(COMPILED)
    if not isinstance(stamp, dict):
        return list(COMPILED)
    return [name for name, digest in source_hashes(folder).items() if stamp.get(name) != digest]


class FromSource(importlib.abc.MetaPathFinder):
    """Import every module of :data:`COMPILED` of ``package`` from its source in ``folder``."""

    def __init__(self, package: str, folder: Path) -> None:
        self.package = package
        self.folder = folder

    def find_spec(
        self, fullname: str, path: Sequence[str] | None = None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        """Return the spec of the module's source, for a compiled module of the package."""
        package, _, name = fullname.rpartition(".")
        if package != self.package or name not in COMPILED:
            return None
        return importlib.util.spec_from_file_location(fullname, self.folder / f"{name}.py")


def use_current(package: str = "nps_kit.text", folder: Path = FOLDER) -> list[str]:
    """Have the compiled modules imported from source if their build is stale; return those.

    Says so in one line on stderr. Call before any module of :data:`COMPILED` is imported.
    """
    names = stale(folder)
    if names and not any(isinstance(f, FromSource) and f.package == package for f in sys.meta_path):
        sys.meta_path.insert(0, FromSource(package, folder))
        print(
            f"nps-kit: the compiled text modules are older than their sources "
            f"({', '.join(names)}): running the sources (pure Python); "
            f"run `make fast` to compile them again, or `make slow` to remove them",
            file=sys.stderr,
        )
    return names


use_current()
