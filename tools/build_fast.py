"""Compile the hot text modules with mypyc (``make fast``), or remove them (``make slow``).

The modules of ``nps_kit.text._native.COMPILED`` become extension modules beside their sources
(in place, as an editable install runs them), with a stamp of the sources compiled, so that a
source edited afterwards runs as Python until the next ``make fast`` (``nps_kit.text._native``).
The outputs are the pure-Python package's, bit for bit (``benchmarks/text_identity.py``);
issue 11's 100k tagger takes about 1.5x less CPU, a 30k unit's report text about 1.2x less
(SPEED38; README, Development).

Needs mypy (the test extras), a C compiler and the Python headers. Without one of them, or if
compiling fails, it says so in one line, leaves nothing compiled and exits 0: nps-kit then runs
as pure Python, as it always can.

Usage::

    python tools/build_fast.py            # compile (again)
    python tools/build_fast.py --remove   # back to pure Python
"""

from __future__ import annotations

import argparse
import contextlib
import importlib.machinery
import io
import json
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEXT = ROOT / "nps_kit" / "text"
sys.path.insert(0, str(ROOT))


def remove() -> int:
    """Delete the compiled modules and the stamp; return how many files were deleted."""
    found = {  # a set: ".so" is a suffix of ".cpython-311-x86_64-linux-gnu.so" too
        path
        for suffix in importlib.machinery.EXTENSION_SUFFIXES
        for path in TEXT.glob(f"*{suffix}")
    }
    stamp = TEXT / "_compiled.json"
    for path in [*found, *([stamp] if stamp.exists() else [])]:
        path.unlink()
    return len(found)


def build() -> str | None:
    """Compile in place; return why it could not (``None``: compiled and stamped)."""
    from nps_kit.text import _native  # after remove(): every module imported is a source

    try:
        from mypyc.build import mypycify
        from setuptools import Distribution
    except ImportError as error:
        return f"{error.name or error} is not installed (make fast installs the test extras)"
    log = io.StringIO()
    cwd = Path.cwd()
    try:
        with tempfile.TemporaryDirectory() as temp, contextlib.redirect_stdout(log):
            os.chdir(ROOT)  # mypy reads pyproject.toml's [tool.mypy]; mypyc writes build/
            paths = [f"nps_kit/text/{name}.py" for name in _native.COMPILED]
            modules = mypycify(paths, group_name=f"nps_kit.text.{_native.GROUP}", opt_level="3")
            dist = Distribution({"name": "nps-kit-fast", "ext_modules": modules})
            command = dist.get_command_obj("build_ext")
            command.inplace = True
            command.build_temp = temp
            dist.run_command("build_ext")
    except (Exception, SystemExit) as error:  # no compiler or headers, a type error, …
        lines = [line for line in log.getvalue().splitlines() if "error" in line.lower()]
        return f"{type(error).__name__}: {error}" + (f" ({lines[-1].strip()})" if lines else "")
    finally:
        os.chdir(cwd)
    stamp = TEXT / _native.STAMP
    stamp.write_text(json.dumps(_native.source_hashes(TEXT), indent=1) + "\n", encoding="utf-8")
    return None


def main(argv: list[str] | None = None) -> int:
    """Compile (or with ``--remove``, delete) the compiled text modules; always exit 0."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--remove", action="store_true", help="back to pure Python")
    args = parser.parse_args(argv)
    removed = remove()
    if args.remove:
        print(f"make slow: removed {removed} compiled files; nps-kit runs as pure Python")
        return 0
    why = build()
    if why is not None:
        remove()
        print(f"make fast: nothing compiled, nps-kit runs as pure Python: {why}")
        return 0
    from nps_kit.text import _native

    print(f"make fast: compiled {len(_native.COMPILED)} modules of nps_kit/text (make slow: back)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
