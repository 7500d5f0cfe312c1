"""Benchmark: CPU of ``nps-kit alerts --all`` over a large export, before and after FIX61.

QA28 finding 6: ``alerts --all --since 2026-10-30`` over the 100,000-row logistics Parquet
(30 account managers) took 9 m 38 s wall. Alerts parsed the export once per loader options,
then did whole-export work for every unit (the date column's UTC offsets, the reach columns,
each unit's selection over 100 k rows). FIX61 reads every unit's rows from ``nps-kit run``'s
columnar cache, built once per export and loader options.

This script writes QA28's export (``tests/qa28/gen_logistics_parquet.py``), makes a project of
it with ``nps-kit init --from … --unit-column account_manager``, gives every unit an
``alerts.to``, and runs :func:`nps_kit.alerts.send_alerts` (dry run, ``--since 2026-10-30``)
in a child process with the code of ``--before`` (a git revision, exported with ``git
archive``) and with this tree, each twice from an empty output folder (the cache is built
inside the timing), plus this tree once more with the cache in place (a daily alert after
``run``). It prints the CPU seconds (``time.process_time`` in the child) side by side and
whether the two outboxes hold the same messages (subject, recipients, bodies; not the Date
and Message-ID). No target: a measurement.

``python benchmarks/bench_alerts.py [--before 64df79f]``
"""

from __future__ import annotations

import argparse
import email
import email.policy
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = """
import datetime as dt, json, sys, time
from pathlib import Path
from nps_kit.alerts import send_alerts
from nps_kit.params import load_all
units = list(load_all(Path(sys.argv[1])).units.values())
start = time.process_time()
summary = send_alerts(units, output=Path(sys.argv[2]), since=dt.datetime(2026, 10, 30),
                      dry_run=True, echo=lambda line: None)
cpu = time.process_time() - start
print(json.dumps({"cpu": cpu, "units": len(units),
                  "written": sum(o.status == "written" for o in summary.outcomes)}))
"""


def make_project(folder: Path) -> Path:
    """Write QA28's logistics export and a project of it; return its parameters folder."""
    export = folder / "logistics_nps.parquet"
    subprocess.run(
        [sys.executable, str(ROOT / "tests" / "qa28" / "gen_logistics_parquet.py"), str(export)],
        check=True,
        capture_output=True,
    )
    subprocess.run(
        [
            sys.executable,
            "-m",
            "nps_kit.cli",
            "init",
            "logi",
            "--from",
            str(export),
            "--unit-column",
            "account_manager",
        ],
        check=True,
        cwd=folder,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    params = folder / "logi" / "parameters"
    for unit in params.glob("*.yaml"):
        if "\nunit: " in unit.read_text(encoding="utf-8"):  # not defaults, themes, playbook
            with unit.open("a", encoding="utf-8") as stream:
                stream.write(f"\nalerts:\n  to: [alerts-{unit.stem}@example.com]\n")
    return params


def code_of(revision: str, folder: Path) -> Path:
    """Export ``nps_kit`` at ``revision`` into ``folder`` (``git archive``)."""
    folder.mkdir(parents=True, exist_ok=True)
    archive = folder / "code.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "-o", str(archive), revision, "nps_kit"], check=True
    )
    with tarfile.open(archive) as tar:
        tar.extractall(folder, filter="data")
    return folder


def alerts_cpu(code: Path, params: Path, output: Path, *, fresh: bool = True) -> dict[str, float]:
    """Run the alerts in a child with ``code`` first on its path; its CPU seconds."""
    if fresh:
        shutil.rmtree(output, ignore_errors=True)
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(params), str(output)],
        check=True,
        capture_output=True,
        text=True,
        cwd=output.parent,  # no .env: nothing is sent
        env={**os.environ, "PYTHONPATH": str(code), "NPS_KIT_SMTP_HOST": ""},
    )
    found = dict(json.loads(done.stdout.strip().splitlines()[-1]))
    if not found["units"]:
        raise SystemExit(f"no units in {params}: {done.stderr[-2000:]}")
    return found


def messages(outbox: Path) -> dict[str, tuple[object, ...]]:
    """Each message of ``outbox`` as subject, recipients and bodies (not Date, Message-ID)."""
    found: dict[str, tuple[object, ...]] = {}
    for path in sorted(outbox.glob("*.eml")):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        bodies = []
        for kind in ("plain", "html"):
            body = message.get_body(preferencelist=(kind,))
            bodies.append(None if body is None else body.get_content())  # type: ignore[attr-defined]
        found[path.name] = (str(message["Subject"]), str(message["To"]), *bodies)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--before", default="64df79f", help="git revision before FIX61")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_alerts_") as tmp:
        folder = Path(tmp)
        params = make_project(folder)
        old = code_of(args.before, folder / "before")
        before = [alerts_cpu(old, params, folder / "out_before") for _ in range(2)]
        old_box = messages(folder / "out_before" / "alerts" / "outbox")
        after = [alerts_cpu(ROOT, params, folder / "out_after") for _ in range(2)]
        new_box = messages(folder / "out_after" / "alerts" / "outbox")
        warm = alerts_cpu(ROOT, params, folder / "out_after", fresh=False)
        print(f"load average: {os.getloadavg()[0]:.1f}")
        print(f"{int(before[0]['units'])} units, {int(after[0]['written'])} alerts written")
        print(f"{'CPU seconds (process_time)':<34}{'before':>10}{'after':>10}")
        for i in range(2):
            print(
                f"{f'run {i + 1}, no cache':<34}{before[i]['cpu']:>10.1f}{after[i]['cpu']:>10.1f}"
            )
        print(f"{'after run (cache in place)':<34}{'':>10}{warm['cpu']:>10.1f}")
        same = old_box == new_box
        print(f"outboxes: {len(old_box)} vs {len(new_box)} messages, identical: {same}")


if __name__ == "__main__":
    main()
