"""Benchmark: per-unit time and kernel memory as the export grows, with the same units.

Builds exports of growing size in which every store has the same number of responses (a
seeded sample of the demo's EC unit, the stores interleaved in submission order as a survey
tool exports them), runs the same 20 stores on each with ``run_reports`` (warm kernels,
``period: latest``), and prints side by side, measured in this run:

- per-unit time: the median over units of the CPU seconds each unit costs (its kernel
  process's CPU while it runs the notebook, plus the runner thread's CPU for checks and the
  HTML export). CPU time hardly moves with the machine's load, unlike wall time, which is
  printed next to it (median of the units' execution + render seconds);
- peak RSS of each kernel process (sampled from ``/proc`` through psutil every 50 ms);
- the parent's overhead (SHA-256 + one parse through the loader + the Parquet cache), against a
  plain ``pandas.read_csv`` of the same file, as wall and CPU seconds (best of two each;
  ``read_csv`` reads on every core, so its CPU seconds exceed its wall seconds).

The load average is printed before each export size: other work on the machine slows wall
times.

Targets (issue 14): per-unit time at the largest export <= 1.15 x at the smallest, peak kernel
RSS <= 1.2 x, parent overhead <= 1.5 x ``pandas.read_csv``.

``python benchmarks/bench_scale.py`` runs 30 k, 500 k and 2 M rows; ``--quick`` runs 30 k and
200 k rows with 6 units (what CI can afford); ``--parent-only`` measures only the parent's
overhead against ``pandas.read_csv`` (no units run).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
import warnings
from pathlib import Path
from typing import Any

import pandas as pd
import psutil
import yaml

import nps_kit.run._execute as run_module  # where _run_unit looks _execute_unit up
from nps_kit.load import load_responses
from nps_kit.params import load_all
from nps_kit.run import run_reports
from nps_kit.run._caches import _build_caches, _sha256

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "nps_report.ipynb"
PER_UNIT = 1_500


def make_export(path: Path, rows: int) -> None:
    """Write a CSV of ``rows`` responses: stores of ``PER_UNIT`` rows each, all alike.

    Rows are in submission order, the stores interleaved, as a survey tool exports them (so
    the cache has to regroup them by store).
    """
    demo = pd.read_csv(ROOT / "data" / "demo_responses.csv.gz", dtype=str, keep_default_na=False)
    base = demo[demo["business_unit"] == "EC事業部"].sample(PER_UNIT, random_state=7)
    stores = max(1, rows // PER_UNIT)
    parts = [base.assign(business_unit=f"Store {i:04d}") for i in range(stores)]
    export = pd.concat(parts, ignore_index=True)
    export.sort_values("submitted_at", kind="stable").to_csv(path, index=False)


def make_parameters(folder: Path, export: Path, units: int) -> Path:
    params = folder / "parameters"
    params.mkdir()
    defaults = yaml.safe_load((ROOT / "parameters" / "defaults.yaml").read_text(encoding="utf-8"))
    defaults["data"]["path"] = str(export)
    for key in ("themes", "playbook"):
        if defaults.get(key):
            defaults[key] = str(ROOT / "parameters" / defaults[key])
    (params / "defaults.yaml").write_text(yaml.safe_dump(defaults, allow_unicode=True), "utf-8")
    ec = yaml.safe_load((ROOT / "parameters" / "ec.yaml").read_text(encoding="utf-8"))
    for i in range(units):
        unit = {**ec, "unit": f"s{i:04d}", "name": f"Store {i:04d}"}
        unit["data"] = {"filter": {"column": "business_unit", "values": [f"Store {i:04d}"]}}
        (params / f"s{i:04d}.yaml").write_text(yaml.safe_dump(unit, allow_unicode=True), "utf-8")
    return params


class KernelMemory:
    """Peak RSS of every ipykernel process under this one, sampled in a thread."""

    def __init__(self) -> None:
        self.peak: dict[int, int] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        me = psutil.Process()
        while not self._stop.is_set():
            for child in me.children(recursive=True):
                try:
                    if "ipykernel" in " ".join(child.cmdline()):
                        rss = child.memory_info().rss
                        self.peak[child.pid] = max(self.peak.get(child.pid, 0), rss)
                except psutil.Error:
                    continue
            time.sleep(0.05)

    def __enter__(self) -> KernelMemory:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()


class UnitCpu:
    """CPU seconds of each unit: its kernel's CPU while it runs, plus the runner thread's."""

    def __init__(self) -> None:
        self.seconds: list[float] = []
        self._original = run_module._execute_unit

    def _timed(self, job: Any, scratch: Path, kernel: Any) -> Any:
        process = psutil.Process(kernel.km.provisioner.pid)
        before = sum(process.cpu_times()[:2])  # user + system
        thread = time.thread_time()
        done = self._original(job, scratch, kernel)
        after = sum(process.cpu_times()[:2])
        self.seconds.append(after - before + time.thread_time() - thread)
        return done

    def __enter__(self) -> UnitCpu:
        run_module._execute_unit = self._timed
        return self

    def __exit__(self, *exc: object) -> None:
        run_module._execute_unit = self._original


def _best_of_two(action: Any) -> tuple[float, float]:
    """Wall and CPU seconds of ``action()``, the lower of two runs each."""
    walls, cpus = [], []
    for _ in range(2):
        wall, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return min(walls), min(cpus)


def measure(rows: int, units: int, jobs: int, *, parent_only: bool) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "export.csv"
        make_export(export, rows)
        found = load_all(make_parameters(folder, export, units))
        found.raise_if_errors()
        chosen = list(found.units.values())
        load = os.getloadavg()[0]
        print(f"  {rows:,} rows: load average {load:.1f} before measuring", flush=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", pd.errors.DtypeWarning)  # the export's mixed column
            plain_wall, plain_cpu = _best_of_two(lambda: pd.read_csv(export))

            def build() -> None:
                shutil.rmtree(folder / "cache", ignore_errors=True)
                _build_caches(chosen, {export: _sha256(export)}, folder / "cache")

            wall, cpu = _best_of_two(build)
            # The loader alone (its data-quality checks included), without hash or cache: the
            # part of the overhead that every way of reading the export through nps-kit pays.
            options = chosen[0].loader_options()
            loader_wall, loader_cpu = (
                _best_of_two(lambda: load_responses(export, **options)) if parent_only else (0, 0)
            )
        parent = {
            "rows": rows,
            "load": load,
            "overhead_s": wall,
            "overhead_cpu_s": cpu,
            "read_csv_s": plain_wall,
            "read_csv_cpu_s": plain_cpu,
            "loader_s": loader_wall,
            "loader_cpu_s": loader_cpu,
        }
        if parent_only:
            return parent
        with KernelMemory() as memory, UnitCpu() as unit_cpu:
            result = run_reports(
                chosen,
                notebook=NOTEBOOK,
                output=folder / "reports",
                jobs=jobs,
                cache_dir=folder / "cache",
                progress=None,
            )
        failed = [u.error for u in result.units if u.status != "ok"]
        if failed:
            sys.exit(f"{rows:,} rows: units failed: {failed[:2]}")
        return {
            **parent,
            "unit_cpu_s": statistics.median(unit_cpu.seconds),
            "unit_wall_s": statistics.median(u.seconds for u in result.units),
            "rss_mb": max(memory.peak.values()) / 2**20,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="30 k and 200 k rows, 6 units")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--parent-only",
        action="store_true",
        help="measure only the parent's SHA-256 + parse + cache against pandas.read_csv",
    )
    args = parser.parse_args()
    sizes = [30_000, 200_000] if args.quick else [30_000, 500_000, 2_000_000]
    units = 6 if args.quick else 20
    print(
        f"bench_scale: {units} stores of {PER_UNIT:,} responses, --jobs {args.jobs}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}",
        flush=True,
    )
    rows = [measure(n, units, args.jobs, parent_only=args.parent_only) for n in sizes]
    big = rows[-1]
    parent_ratio = (
        f"parent overhead at {big['rows']:,.0f} rows: {big['overhead_s'] / big['read_csv_s']:.2f}x "
        f"pandas.read_csv in wall time, {big['overhead_cpu_s'] / big['read_csv_cpu_s']:.2f}x in "
        f"CPU time (target <= 1.5); load average now {os.getloadavg()[0]:.1f}"
    )
    if args.parent_only:
        print(
            "parent: SHA-256 + loader + cache vs pandas.read_csv, and the loader alone, wall "
            "and CPU s (best of 2)"
        )
        print(
            f"{'export rows':>12} {'load':>5} {'parent s':>9} {'read_csv s':>11} "
            f"{'loader s':>9} {'parent CPU':>11} {'read_csv CPU':>13} {'loader CPU':>11}"
        )
        for r in rows:
            print(
                f"{r['rows']:>12,.0f} {r['load']:>5.1f} {r['overhead_s']:>9.2f} "
                f"{r['read_csv_s']:>11.2f} {r['loader_s']:>9.2f} {r['overhead_cpu_s']:>11.2f} "
                f"{r['read_csv_cpu_s']:>13.2f} {r['loader_cpu_s']:>11.2f}"
            )
        print(parent_ratio)
        print(
            f"loader alone at {big['rows']:,.0f} rows: {big['loader_s'] / big['read_csv_s']:.2f}x "
            f"pandas.read_csv in wall time, {big['loader_cpu_s'] / big['read_csv_cpu_s']:.2f}x "
            "in CPU time"
        )
        return
    print(
        "per unit: median CPU s (kernel + runner thread; robust to load) and median wall s; "
        "parent: SHA-256 + loader + cache vs pandas.read_csv, wall and CPU s (best of 2)"
    )
    print(
        f"{'export rows':>12} {'load':>5} {'unit CPU s':>10} {'unit wall s':>11} "
        f"{'kernel MB':>10} {'parent s':>9} {'read_csv s':>11} {'parent CPU':>11} "
        f"{'read_csv CPU':>13}"
    )
    for r in rows:
        print(
            f"{r['rows']:>12,.0f} {r['load']:>5.1f} {r['unit_cpu_s']:>10.2f} "
            f"{r['unit_wall_s']:>11.2f} {r['rss_mb']:>10.0f} {r['overhead_s']:>9.2f} "
            f"{r['read_csv_s']:>11.2f} {r['overhead_cpu_s']:>11.2f} {r['read_csv_cpu_s']:>13.2f}"
        )
    small = rows[0]
    print(
        f"largest vs smallest export: per-unit CPU time "
        f"{big['unit_cpu_s'] / small['unit_cpu_s']:.2f}x (wall "
        f"{big['unit_wall_s'] / small['unit_wall_s']:.2f}x; target <= 1.15), kernel peak RSS "
        f"{big['rss_mb'] / small['rss_mb']:.2f}x (target <= 1.2)"
    )
    print(parent_ratio)


if __name__ == "__main__":
    main()
