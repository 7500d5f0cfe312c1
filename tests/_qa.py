"""The QA rounds' scripts (``tests/qaNN/check.py`` and generators) loaded as modules.

Each QA folder has a ``check.py`` and generators of the same names as other rounds', so each is
loaded under a name of its own round (``qa34_check``), never by a plain import.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

__all__ = ["qa_script"]


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
