"""The QA rounds' scripts (``tests/qaNN/check.py`` and generators) loaded as modules.

Each QA folder has a ``check.py`` and generators of the same names as other rounds', so each is
loaded under a name of its own round (``qa34_check``), never by a plain import. A round's
``check.py`` loads its ``gen.py`` with :func:`sibling`; this module imports nothing of nps-kit
until :func:`alerts_all` runs, so a check that reads the exports with plain pandas stays apart.
"""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd
    import pytest

__all__ = [
    "adjusted_wald",
    "alerts_all",
    "assert_same",
    "expected_groups",
    "qa_script",
    "score_groups",
    "score_json",
    "sibling",
]


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


def score_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    """Run ``nps-kit score ARGS --format json --min-report-n 0``; return its JSON."""
    from nps_kit.cli import main

    capsys.readouterr()
    assert main(["score", *args, "--format", "json", "--min-report-n", "0"]) == 0
    return json.loads(capsys.readouterr().out)


def score_groups(result: dict, unit: str) -> dict[tuple[str, str], tuple[int, float, float, float]]:
    """``score``'s groups by (unit, period): n, NPS and the interval."""
    return {
        (g["group"][unit], g["group"]["period"]): (g["n"], g["nps"], g["ci_low"], g["ci_high"])
        for g in result["groups"]
    }


def adjusted_wald(p: int, n: int, d: int) -> tuple[float, float]:
    """Rocks (2016): +3/4 promoter, +3/2 passive, +3/4 detractor; trinomial variance, 95 %,
    clipped to [-100, 100] and widened to hold the observed NPS (as stats.py documents), written
    here apart from nps-kit's own."""
    m = n + 3
    pp, dd = (p + 0.75) / m, (d + 0.75) / m
    est, se = pp - dd, math.sqrt((pp + dd - (pp - dd) ** 2) / m)
    observed = (p - d) / n
    low, high = max(-1.0, est - 1.959964 * se), min(1.0, est + 1.959964 * se)
    return 100 * min(low, observed), 100 * max(high, observed)


def expected_groups(truth: pd.DataFrame, period: pd.Series) -> dict:
    """A generator's truth (``unit``, ``score``) by unit and ``period``, computed with pandas."""
    out = {}
    for (unit, when), rows in truth.groupby([truth["unit"], period]):
        s = rows["score"]
        p, d = int((s >= 9).sum()), int((s <= 6).sum())
        low, high = adjusted_wald(p, len(s), d)
        out[(str(unit), str(when))] = (len(s), 100 * (p - d) / len(s), low, high)
    return out


def assert_same(got: dict, expected: dict) -> None:
    """Assert ``score``'s groups equal the expected ones: n exactly, figures to 1e-4."""
    import pytest

    assert got.keys() == expected.keys()
    for key, (n, nps, low, high) in expected.items():
        assert got[key][0] == n, key
        assert got[key][1:] == pytest.approx((nps, low, high), abs=1e-4), key
