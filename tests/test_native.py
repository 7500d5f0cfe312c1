"""The compiled build (``make fast``) runs only while it is that of the sources."""

from __future__ import annotations

import importlib.machinery
import json
import sys
from pathlib import Path

import pytest

from nps_kit.text import _native

SUFFIX = importlib.machinery.EXTENSION_SUFFIXES[0]


def _folder(tmp_path: Path, *, built: bool, stamp: bool = True) -> Path:
    """A copy of the compiled modules' sources, with a (fake) build and its stamp."""
    for name in _native.COMPILED:
        (tmp_path / f"{name}.py").write_text(f"WHO = {name!r}\n", encoding="utf-8")
    if built:
        for name in (*_native.COMPILED, f"{_native.GROUP}__mypyc"):
            (tmp_path / f"{name}{SUFFIX}").write_bytes(b"")
    if stamp:
        hashes = _native.source_hashes(tmp_path)
        (tmp_path / _native.STAMP).write_text(json.dumps(hashes), encoding="utf-8")
    return tmp_path


def test_without_a_build_nothing_is_stale(tmp_path: Path) -> None:
    folder = _folder(tmp_path, built=False, stamp=False)
    assert _native.extensions(folder) == []
    assert _native.stale(folder) == []


def test_a_build_of_the_sources_is_current(tmp_path: Path) -> None:
    folder = _folder(tmp_path, built=True)
    assert len(_native.extensions(folder)) == len(_native.COMPILED) + 1
    assert _native.stale(folder) == []


def test_a_source_edited_after_the_build_makes_it_stale(tmp_path: Path) -> None:
    folder = _folder(tmp_path, built=True)
    (folder / "_match.py").write_text("WHO = 'edited'\n", encoding="utf-8")
    assert _native.stale(folder) == ["_match"]


@pytest.mark.parametrize("stamp", ["", "[]", "{not json"])
def test_a_build_without_a_readable_stamp_is_stale(tmp_path: Path, stamp: str) -> None:
    folder = _folder(tmp_path, built=True, stamp=False)
    assert _native.stale(folder) == list(_native.COMPILED)
    (folder / _native.STAMP).write_text(stamp, encoding="utf-8")
    assert _native.stale(folder) == list(_native.COMPILED)


def test_a_stale_build_is_imported_from_its_sources(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    package = tmp_path / "fakepkg"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    _folder(package, built=True)
    (package / "tokens.py").write_text("WHO = 'edited'\n", encoding="utf-8")
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.setattr(sys, "meta_path", list(sys.meta_path))
    for name in [m for m in sys.modules if m.startswith("fakepkg")]:
        monkeypatch.delitem(sys.modules, name)
    assert _native.use_current("fakepkg", package) == ["tokens"]
    assert _native.use_current("fakepkg", package) == ["tokens"]  # one finder, one line
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "(tokens)" in err and "make fast" in err
    # the (empty, unloadable) extension modules are passed over for every source
    import fakepkg._match  # type: ignore[import-not-found]
    import fakepkg.tokens  # type: ignore[import-not-found]

    assert fakepkg.tokens.WHO == "edited" and fakepkg._match.WHO == "_match"
    assert fakepkg.tokens.__file__ == str(package / "tokens.py")
    for name in [m for m in sys.modules if m.startswith("fakepkg")]:
        del sys.modules[name]


def test_a_current_build_or_none_is_left_to_the_import_system(tmp_path: Path) -> None:
    before = list(sys.meta_path)
    assert _native.use_current("fakepkg2", _folder(tmp_path, built=True)) == []
    assert sys.meta_path == before
