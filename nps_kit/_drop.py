"""A data drop: ``data.path`` naming a folder or a glob of export files read as one export.

A nightly drop adds files (``drop/2026-11.parquet``, then ``drop/late-2026-11.parquet``);
the files are read in sorted name order and concatenated (QA24 finding 5).
"""

from __future__ import annotations

import glob
import hashlib
from pathlib import Path

from nps_kit._schema_errors import Listed
from nps_kit.errors import DataError, Saying

__all__ = ["drop_files", "drop_sha256", "is_drop"]

# The suffixes of one export format each; a folder may hold files of one of them only.
_KINDS = {
    ".csv": "CSV",
    ".tsv": "CSV",
    ".txt": "CSV",
    ".gz": "CSV",
    ".xlsx": "XLSX",
    ".parquet": "Parquet",
}


def is_drop(path: Path) -> bool:
    """Return whether ``path`` names a folder or a glob rather than one file."""
    return path.is_dir() or glob.has_magic(str(path))


def drop_files(path: Path) -> tuple[Path, ...]:
    """Return the export files of the folder or glob ``path``, in sorted name order.

    Raises
    ------
    DataError
        When no file matches, or a folder holds files of more than one format.
    """
    if path.is_dir():
        found = sorted(
            p
            for p in path.iterdir()
            if p.is_file() and p.suffix.lower() in _KINDS and not _scratch(p)
        )
        where = Saying("drop.folder", {"path": path})
    else:
        found = sorted(Path(p) for p in glob.glob(str(path)) if Path(p).is_file())
        found = [p for p in found if not _scratch(p)]
        where = Saying("drop.pattern", {"path": path})
    if not found:
        raise DataError(said=Saying("drop.none", {"where": where}, "drop.none_hint"), path=path)
    kinds = sorted({_KINDS.get(p.suffix.lower(), p.suffix) for p in found})
    if path.is_dir() and len(kinds) > 1:
        raise DataError(
            said=Saying(
                "drop.formats",
                {"where": where, "n": len(kinds), "kinds": Listed(kinds, quote=str)},
                "drop.formats_hint",
            ),
            path=path,
        )
    return tuple(found)


def _scratch(file: Path) -> bool:
    """Return whether ``file`` is another program's scratch file, not an export.

    macOS writes ``._name.csv`` beside each file it copies to a shared drive, Excel
    ``~$name.xlsx`` while a workbook is open: read as exports, either stopped every load.
    """
    return file.name.startswith((".", "~$"))


def drop_sha256(files: tuple[Path, ...]) -> str:
    """Return one sha256 over every file's name and sha256, in order (the cache's key)."""
    outer = hashlib.sha256()
    for file in files:
        inner = hashlib.sha256()
        with file.open("rb") as stream:
            for block in iter(lambda: stream.read(1 << 20), b""):
                inner.update(block)
        outer.update(f"{file.name}\0{inner.hexdigest()}\n".encode())
    return outer.hexdigest()
