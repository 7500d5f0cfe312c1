"""End to end: `nps-kit run` with default parameters on every export format the loader reads.

One warm kernel builds one unit per format (tiny exports); each report's headline must be
nps()'s figure on the same rows.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import EXPORT_FORMATS, Export, write_export

from nps_kit.score import nps

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Export], Path]:
    """Run `nps-kit run` once over one unit per export format; return exports and the folder."""
    root = tmp_path_factory.mktemp("formats")
    exports = {}
    for kind in EXPORT_FORMATS:
        (root / kind).mkdir()
        exports[kind] = write_export(kind, root / kind)
        exports[kind].write_unit(root / "parameters", unit=kind)
    folders = ["--parameters", str(root / "parameters"), "--output", str(root / "reports")]
    done = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "run", "--all", "--jobs", "1", *folders],
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
        check=False,
    )
    assert done.returncode == 0, done.stderr + done.stdout
    return exports, root


@pytest.mark.parametrize("kind", EXPORT_FORMATS)
def test_run_reports_nps_of_the_same_rows_on_every_format(
    run: tuple[dict[str, Export], Path], kind: str
) -> None:
    exports, root = run
    export = exports[kind]
    expected = nps(export.prepare(period="2026-10").current)
    folder = root / "reports" / "2026-10"
    html = (folder / f"{kind}.html").read_text(encoding="utf-8")
    shown = re.search(r'class="nps-headline__value">([^<]+)<', html)
    assert shown is not None
    assert float(shown.group(1).replace("−", "-")) == pytest.approx(expected.nps, abs=0.05)
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    entry = next(u for u in manifest["units"] if u["unit"] == kind)
    assert (entry["status"], entry["summary"]["n"]) == ("ok", expected.n)
    assert entry["summary"]["nps"] == pytest.approx(expected.nps)
