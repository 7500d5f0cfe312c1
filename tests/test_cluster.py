"""Units on a real Dask cluster (LocalCluster, 2 worker processes): same figures as a local run,
a worker killed mid-run costs nothing but a retry, and a failing unit stays isolated."""

from __future__ import annotations

import json
import os
import shutil
import signal
import threading
from pathlib import Path

import nbformat
import pytest

from nps_kit.params import load_all
from nps_kit.run import RunResult, run_reports

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "nps_report.ipynb"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo parameters for three units plus one whose period has no data (it must fail)."""
    params = tmp_path_factory.mktemp("project") / "parameters"
    shutil.copytree(ROOT / "parameters", params)
    for unit in ("insurance", "banking"):
        (params / f"{unit}.yaml").unlink()
    defaults = (params / "defaults.yaml").read_text(encoding="utf-8")
    (params / "defaults.yaml").write_text(
        defaults.replace(
            "path: ../data/demo_responses.csv.gz", f"path: {ROOT / 'data/demo_responses.csv.gz'}"
        ),
        encoding="utf-8",
    )
    # A unit whose notebook fails in a cell (a month without data is refused before any kernel
    # since QA18 finding 5, so the failure is a cell of its own notebook).
    nb = nbformat.read(NOTEBOOK, as_version=4)
    at = next(i for i, c in enumerate(nb.cells) if "parameters" in c.metadata.get("tags", []))
    nb.cells.insert(at + 1, nbformat.v4.new_code_cell('raise RuntimeError("broken on purpose")'))
    nbformat.write(nb, params / "broken.ipynb")
    broken = (params / "cloud.yaml").read_text(encoding="utf-8")
    (params / "broken.yaml").write_text(
        broken.replace("unit: cloud\n", "unit: broken\n") + "\nnotebook: broken.ipynb\n",
        encoding="utf-8",
    )
    return params


def _summaries(result: RunResult) -> dict[str, str]:
    return {
        u.unit: json.dumps(u.summary.to_json(), sort_keys=True) for u in result.units if u.summary
    }


def test_units_on_a_dask_cluster(project: Path, tmp_path: Path) -> None:
    found = load_all(project)
    found.raise_if_errors()
    units = list(found.units.values())
    good = [u for u in units if u.unit != "broken"]
    local = run_reports(good, notebook=NOTEBOOK, output=tmp_path / "local", jobs=2, progress=None)
    assert local.ok, [u.error for u in local.units]

    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
    )
    client = distributed.Client(cluster)
    try:
        pids = client.run(os.getpid)
        outcome: dict[str, RunResult] = {}
        runner = threading.Thread(
            target=lambda: outcome.update(
                result=run_reports(
                    units,
                    notebook=NOTEBOOK,
                    output=tmp_path / "remote",
                    scheduler=client,
                    progress=None,
                )
            )
        )
        runner.start()
        # Kill the first worker seen running a unit: the scheduler must run that unit elsewhere.
        victim = None
        while victim is None and runner.is_alive():
            busy = [w for w, tasks in client.processing().items() if tasks]
            victim = busy[0] if busy else None
            runner.join(timeout=0.2)
        assert victim is not None, "the run ended before any worker was seen busy"
        os.kill(pids[victim], signal.SIGKILL)
        runner.join(timeout=900)
        assert not runner.is_alive()
    finally:
        client.close()
        cluster.close()

    remote = outcome["result"]
    status = {u.unit: u.status for u in remote.units}
    assert status == {"broken": "failed", "cloud": "ok", "ec": "ok", "stores": "ok"}
    # The same figures as the local run, byte for byte.
    assert _summaries(remote) == _summaries(local)
    folder = tmp_path / "remote" / "2026-10"
    assert sorted(p.name for p in folder.glob("*.html")) == [
        "cloud.html",
        "ec.html",
        "index.html",
        "stores.html",
    ]
    failed = folder / "_failed" / "broken.ipynb"
    assert failed.is_file()
    broken = next(u for u in remote.units if u.unit == "broken")
    assert broken.error is not None and broken.error["ename"] == "RuntimeError"
    manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    assert {u["unit"]: u["status"] for u in manifest["units"]} == {
        "broken": "failed",
        "cloud": "ok",
        "ec": "ok",
        "stores": "ok",
    }
    assert not [p for p in folder.iterdir() if p.name.startswith(".")]
