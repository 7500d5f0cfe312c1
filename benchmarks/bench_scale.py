"""Benchmark: per-unit time and kernel memory as the export grows, with the same units.

Builds exports of growing size in which every store has the same number of responses (a
seeded sample of the demo's EC unit), runs the same 20 stores on each with ``run_reports``
(warm kernels, ``period: latest``), and prints side by side, measured in this run:

- per-unit time (median of the units' execution + render seconds),
- peak RSS of each kernel process (sampled from ``/proc`` through psutil every 50 ms),
- the parent's overhead (SHA-256 + one parse through the loader + the Parquet cache), against a
  plain ``pandas.read_csv`` of the same file.

Targets (issue 14): per-unit time at the largest export ≤ 1.15 × at the smallest, peak kernel
RSS ≤ 1.2 ×, parent overhead ≤ 1.5 × ``pandas.read_csv``.

``python benchmarks/bench_scale.py`` runs 30 k, 500 k and 2 M rows; ``--quick`` runs 30 k and
200 k rows with 6 units (what CI can afford).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import pandas as pd
import psutil
import yaml

from nps_kit.params import load_all
from nps_kit.run import _build_caches, _sha256, run_reports

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOK = ROOT / "notebooks" / "nps_report.ipynb"
PER_UNIT = 1_500


def make_export(path: Path, rows: int) -> None:
    """Write a CSV of ``rows`` responses: stores of ``PER_UNIT`` rows each, all alike."""
    demo = pd.read_csv(ROOT / "data" / "demo_responses.csv.gz", dtype=str, keep_default_na=False)
    base = demo[demo["business_unit"] == "EC事業部"].sample(PER_UNIT, random_state=7)
    stores = max(1, rows // PER_UNIT)
    parts = [base.assign(business_unit=f"Store {i:04d}") for i in range(stores)]
    pd.concat(parts, ignore_index=True).to_csv(path, index=False)


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


def measure(rows: int, units: int, jobs: int) -> dict[str, float]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        export = folder / "export.csv"
        make_export(export, rows)
        found = load_all(make_parameters(folder, export, units))
        found.raise_if_errors()
        chosen = list(found.units.values())
        start = time.perf_counter()
        pd.read_csv(export)
        plain = time.perf_counter() - start
        start = time.perf_counter()
        _build_caches(chosen, {export: _sha256(export)}, folder / "cache-only")
        overhead = time.perf_counter() - start
        with KernelMemory() as memory:
            result = run_reports(
                chosen, notebook=NOTEBOOK, output=folder / "reports", jobs=jobs, progress=None
            )
        failed = [u.error for u in result.units if u.status != "ok"]
        if failed:
            sys.exit(f"{rows:,} rows: units failed: {failed[:2]}")
        seconds = [u.seconds for u in result.units]
        return {
            "rows": rows,
            "unit_s": statistics.median(seconds),
            "rss_mb": max(memory.peak.values()) / 2**20,
            "overhead_s": overhead,
            "read_csv_s": plain,
        }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="30 k and 200 k rows, 6 units")
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    sizes = [30_000, 200_000] if args.quick else [30_000, 500_000, 2_000_000]
    units = 6 if args.quick else 20
    print(f"bench_scale: {units} stores of {PER_UNIT:,} responses, --jobs {args.jobs}")
    rows = [measure(n, units, args.jobs) for n in sizes]
    print(
        f"{'export rows':>12} {'s/unit':>8} {'kernel MB':>10} "
        f"{'parse+cache s':>14} {'read_csv s':>11}"
    )
    for r in rows:
        print(
            f"{r['rows']:>12,.0f} {r['unit_s']:>8.2f} {r['rss_mb']:>10.0f} "
            f"{r['overhead_s']:>14.2f} {r['read_csv_s']:>11.2f}"
        )
    small, big = rows[0], rows[-1]
    print(
        f"largest vs smallest export: per-unit time {big['unit_s'] / small['unit_s']:.2f}x "
        f"(target <= 1.15), kernel peak RSS {big['rss_mb'] / small['rss_mb']:.2f}x "
        f"(target <= 1.2); "
        f"parent overhead {big['overhead_s'] / big['read_csv_s']:.2f}x pandas.read_csv "
        f"(target <= 1.5)"
    )


if __name__ == "__main__":
    main()
