"""The QA rounds' scripts (``tests/qaNN/check.py`` and generators) loaded as modules.

Each QA folder has a ``check.py`` and generators of the same names as other rounds', so each is
loaded under a name of its own round (``qa34_check``), never by a plain import. A round's
``check.py`` loads its ``gen.py`` with :func:`sibling`; this module imports nothing of nps-kit
until :func:`alerts_all` runs, so a check that reads the exports with plain pandas stays apart.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pytest

__all__ = ["alerts_all", "qa_script", "sibling"]


def qa_script(folder: str, name: str) -> ModuleType:
    """Return ``tests/<folder>/<name>.py`` as the module ``<folder>_<name>``."""
    spec = importlib.util.spec_from_file_location(
        f"{folder}_{name}", Path(__file__).parent / folder / f"{name}.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def sibling(script: str, name: str) -> ModuleType:
    """Return ``<name>.py`` beside ``script`` (a QA script's ``__file__``), loaded once.

    A round's ``check.py`` reads its ``gen.py``'s column names; the test has loaded that
    generator already as ``<folder>_<name>``, and the check gets that same module.
    """
    folder = Path(script).parent.name
    return sys.modules.get(f"{folder}_{name}") or qa_script(folder, name)


def alerts_all(project: Path, since: str, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """Run ``nps-kit alerts --all --since SINCE`` on a QA project (owners@example.com added as
    the recipient once); return the exit code and what it wrote to stderr."""
    from nps_kit.cli import main

    defaults = project / "parameters" / "defaults.yaml"
    text = defaults.read_text("utf-8")
    if "owners@example.com" not in text:
        defaults.write_text(text + "\nalerts:\n  to: [owners@example.com]\n", "utf-8")
    args = ["alerts", "--all", "--since", since, "--parameters", str(project / "parameters"),
            "--output", str(project / "reports")]  # fmt: skip
    capsys.readouterr()
    code = main(args)
    return code, capsys.readouterr().err
