"""Benchmark: report building per unit, naive CLI loop vs process pool vs ``nps-kit run``.

Builds reports for synthetic units (default 50; generated parameter files pointing at the demo
data) and prints, measured in this run:

(a) the naive way: a shell loop of the ``papermill`` CLI then ``jupyter nbconvert --to html``,
    timed on 3 units;
(b) a ``concurrent.futures`` process pool calling ``papermill.execute_notebook`` and
    nbconvert's ``HTMLExporter`` (same number of workers as (c));
(c) ``nps-kit run --jobs 2`` (warm kernels).

Run with ``python benchmarks/bench_reports.py [--units 50] [--jobs 2]``.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
NOTEBOOK = ROOT / "notebooks" / "nps_report.ipynb"
DEMO_UNITS = ("ec", "stores", "insurance", "cloud", "banking")

RUN_CLI = """
import sys
from nps_kit import cli
from nps_kit.commands import COMMANDS
if not any(c.__name__.endswith(".run") for c in COMMANDS):
    from nps_kit.commands import run
    COMMANDS.append(run)
sys.exit(cli.main(sys.argv[1:]))
"""


def make_parameters(folder: Path, count: int) -> Path:
    """Write defaults.yaml and ``count`` unit files cycling through the demo units."""
    params = folder / "parameters"
    params.mkdir(parents=True)
    defaults = yaml.safe_load((ROOT / "parameters" / "defaults.yaml").read_text(encoding="utf-8"))
    defaults["data"]["path"] = str(ROOT / "data" / "demo_responses.csv.gz")
    for key in ("themes", "playbook"):
        if defaults.get(key):
            defaults[key] = str(ROOT / "parameters" / defaults[key])
    (params / "defaults.yaml").write_text(yaml.safe_dump(defaults, allow_unicode=True), "utf-8")
    for i in range(count):
        demo = DEMO_UNITS[i % len(DEMO_UNITS)]
        unit = yaml.safe_load((ROOT / "parameters" / f"{demo}.yaml").read_text(encoding="utf-8"))
        unit["unit"] = f"u{i:02d}_{demo}"
        text = yaml.safe_dump(unit, allow_unicode=True)
        (params / f"{unit['unit']}.yaml").write_text(text, encoding="utf-8")
    return params


def unit_parameters(params: Path) -> list[dict[str, Any]]:
    from nps_kit.params import load_all, notebook_parameters, resolve_period

    found = load_all(params)
    found.raise_if_errors()
    return [notebook_parameters(u, period=resolve_period(u)) for u in found.units.values()]


def naive(params: list[dict[str, Any]], out: Path) -> float:
    """(a): papermill CLI then jupyter nbconvert CLI, one unit after the other."""
    out.mkdir()
    start = time.perf_counter()
    for p in params:
        yaml_file = out / f"{p['unit']}.yaml"
        yaml_file.write_text(yaml.safe_dump(p, allow_unicode=True), encoding="utf-8")
        executed = out / f"{p['unit']}.ipynb"
        subprocess.run(
            [BIN / "papermill", NOTEBOOK, executed, "-f", yaml_file, "--no-progress-bar"],
            check=True,
            capture_output=True,
        )
        subprocess.run(
            [BIN / "jupyter", "nbconvert", "--to", "html", executed],
            check=True,
            capture_output=True,
        )
    return time.perf_counter() - start


def _pool_unit(args: tuple[dict[str, Any], Path]) -> None:
    import logging
    import warnings

    import nbformat
    import papermill
    from nbconvert import HTMLExporter

    logging.getLogger("papermill").setLevel(logging.ERROR)  # keep the printed results readable
    warnings.simplefilter("ignore")
    p, out = args
    executed = out / f"{p['unit']}.ipynb"
    papermill.execute_notebook(NOTEBOOK, executed, parameters=p, progress_bar=False)
    html, _ = HTMLExporter().from_notebook_node(nbformat.read(executed, as_version=4))
    (out / f"{p['unit']}.html").write_text(html, encoding="utf-8")


def pool(params: list[dict[str, Any]], out: Path, jobs: int) -> float:
    """(b): a process pool calling papermill.execute_notebook + HTMLExporter."""
    out.mkdir()
    start = time.perf_counter()
    with ProcessPoolExecutor(max_workers=jobs) as executor:
        list(executor.map(_pool_unit, [(p, out) for p in params]))
    return time.perf_counter() - start


def nps_kit_run(params: Path, out: Path, jobs: int) -> float:
    """(c): ``nps-kit run --all --jobs N``."""
    start = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-c",
            RUN_CLI,
            "run",
            "--all",
            "--jobs",
            str(jobs),
            "--parameters",
            params,
            "--output",
            out,
            "--notebook",
            NOTEBOOK,
        ],
        check=True,
        capture_output=True,
    )
    return time.perf_counter() - start


def main() -> None:
    global NOTEBOOK  # the pool's worker processes (forked) read it too
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--units", type=int, default=50)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--naive-units", type=int, default=3)
    parser.add_argument("--notebook", type=Path, default=NOTEBOOK)
    args = parser.parse_args()
    NOTEBOOK = args.notebook.resolve()
    with tempfile.TemporaryDirectory(prefix="nps-bench-") as tmp:
        folder = Path(tmp)
        params = make_parameters(folder, args.units)
        values = unit_parameters(params)
        a = naive(values[: args.naive_units], folder / "naive") / args.naive_units
        print(f"(a) papermill + nbconvert CLI loop: {a:6.2f} s/unit ({args.naive_units} units)")
        b = pool(values, folder / "pool", args.jobs) / len(values)
        print(f"(b) process pool, {args.jobs} workers:     {b:6.2f} s/unit ({len(values)} units)")
        c = nps_kit_run(params, folder / "reports", args.jobs) / len(values)
        print(f"(c) nps-kit run --jobs {args.jobs}:          {c:6.2f} s/unit ({len(values)} units)")
        print(f"(c) is {a / c:.1f}x faster per unit than (a) (target >= 7x)")
        print(f"(c) is {b / c:.1f}x faster per unit than (b) (target >= 2x)")


if __name__ == "__main__":
    main()
