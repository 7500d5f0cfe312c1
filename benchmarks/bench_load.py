"""Benchmark: load_responses against plain pandas.read_csv on a 1,000,000-row cp932 CSV.

Run with ``python benchmarks/bench_load.py [rows]``. Both readers run in the same process on the
same file (best of 3); the ratio load_responses / read_csv is the number to watch (target ≤ 1.5).

LOAD41 (CPU s, user+sys, best of 7 at 200k and of 2 at 1M, main's loader and this one interleaved
in one process, a 2-core machine shared with other jobs): 200,000 rows 0.62 -> 0.40 s (read_csv
0.115 s: ratio 5.4 -> 3.5); 1,000,000 rows 4.70 -> 2.31 s (read_csv 0.51 s: 9.2 -> 4.5). Stages
at 200k: resubmissions (now holding the one date parse, 0.05) 0.20 -> 0.14 s, totals rows
0.12 -> 0.07, score scale 0.07 -> 0.01, the loader's second date parse 0.03 -> 0. This
script's own wall-clock run at 200k: ratio 5.9 at main, 3.5 here.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from nps_kit.load import load_responses

UNITS = ["EC事業部", "店舗事業部", "保険サービス部", "Cloud Platform", "Retail Banking"]
COMMENTS = [
    "配送が早くて助かりました。",
    "サポートの対応が丁寧でした",
    "価格がもう少し安ければ嬉しいです。",
    "アプリが使いにくい",
    "",
    "特になし",
    "また利用したいと思います！",
]
MESSY = ["", "無回答", "N/A", "９", "10 - Extremely likely", "9点", " 8 ", "abc", "11"]


def write_csv(path: Path, rows: int, seed: int = 0) -> None:
    rng = np.random.default_rng(seed)
    scores = rng.integers(0, 11, rows).astype(str).astype(object)
    messy = rng.random(rows) < 0.01
    scores[messy] = rng.choice(np.array(MESSY, dtype=object), messy.sum())
    start = np.datetime64("2025-05-01T00:00:00")
    seconds = rng.integers(0, 548 * 86_400, rows).astype("timedelta64[s]")
    frame = pd.DataFrame(
        {
            "response_id": [f"R{i:07d}" for i in range(1, rows + 1)],
            "submitted_at": pd.Series(start + seconds).dt.strftime("%Y-%m-%d %H:%M:%S"),
            "business_unit": rng.choice(np.array(UNITS, dtype=object), rows),
            "score": scores,
            "comment": rng.choice(np.array(COMMENTS, dtype=object), rows),
        }
    )
    frame.to_csv(path, index=False, encoding="cp932")


def best_of(n: int, *runs: Callable[[], object]) -> list[float]:
    """Best time of ``n`` rounds for each run; rounds interleave so load changes hit both."""
    times: list[list[float]] = [[] for _ in runs]
    for _ in range(n):
        for slot, run in zip(times, runs, strict=True):
            start = time.perf_counter()
            run()
            slot.append(time.perf_counter() - start)
    return [min(slot) for slot in times]


def main() -> None:
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "responses_cp932.csv"
        write_csv(path, rows)
        size = path.stat().st_size / 1e6
        baseline, loaded = best_of(
            3,
            lambda: pd.read_csv(path, encoding="cp932"),
            lambda: load_responses(path, score_column="score", date_column="submitted_at"),
        )
        report = load_responses(path, score_column="score", date_column="submitted_at").report
    print(f"file: {rows:,} rows, {size:.1f} MB, cp932 CSV")
    print(f"pandas.read_csv(encoding='cp932'): {baseline:.3f} s")
    print(f"load_responses(score, date):       {loaded:.3f} s")
    print(f"ratio: {loaded / baseline:.2f} (target <= 1.5)")
    print(report.summary())


if __name__ == "__main__":
    main()
