"""Benchmark: load_responses on an XLSX with and without formulas, against pandas.read_excel.

Run with ``python benchmarks/bench_xlsx_formulas.py [rows]``. Two workbooks of the same
responses, written by openpyxl (which computes no formula): one plain, one with an unsaved
``=SUBTOTAL(1,…)`` line after every 100 rows (FIX91: read once more for its formula cells).
Each reader runs in the same process on the same file (best of 3, CPU seconds); the ratio
load_responses / read_excel is the number to watch, and the formulas' extra pass is the
difference between the two ratios.
"""

from __future__ import annotations

import resource
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd
from openpyxl import Workbook

from nps_kit.load import load_responses


def write(path: Path, rows: int, *, lines: bool, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Responses")
    sheet.append(["id", "date", "branch", "score", "comment"])
    at = start = 2
    for k in range(rows):
        branch = f"Branch {k // 100:04d}"
        day = f"2026-10-{1 + k % 28:02d} 10:00"
        sheet.append([f"R{k:07d}", day, branch, int(rng.integers(0, 11)), "fine" if k % 3 else ""])
        at += 1
        if lines and k % 100 == 99:
            sheet.append([None, None, f"{branch} Average", f"=SUBTOTAL(1,D{start}:D{at - 1})"])
            at += 1
            start = at
    book.save(path)


def cpu_best(n: int, run: Callable[[], object]) -> float:
    """Best CPU time (user + system) of ``n`` runs."""
    best = float("inf")
    for _ in range(n):
        used = resource.getrusage(resource.RUSAGE_SELF)
        run()
        after = resource.getrusage(resource.RUSAGE_SELF)
        best = min(best, after.ru_utime + after.ru_stime - used.ru_utime - used.ru_stime)
    return best


def main(rows: int = 20_000) -> None:
    with tempfile.TemporaryDirectory() as folder:
        for lines in (False, True):
            path = Path(folder) / f"{'lines' if lines else 'plain'}.xlsx"
            write(path, rows, lines=lines)
            base = cpu_best(3, lambda p=path: pd.read_excel(p))
            ours = cpu_best(3, lambda p=path: load_responses(p, score_column="score"))
            print(
                f"{path.name}: read_excel {base:.2f} s, load_responses {ours:.2f} s "
                f"(ratio {ours / base:.2f})"
            )


if __name__ == "__main__":
    main(*(int(a) for a in sys.argv[1:2]))
