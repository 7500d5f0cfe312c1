"""Grouped NPS scoring throughput: nps_kit vs a naive pandas baseline vs a numpy floor.

Run: ``python benchmarks/bench_score.py [N_RESPONSES]`` (default 10 million in 50 groups).
All three are measured in the same run on the same DataFrame and print as ratios.
Targets: nps_kit ≥ 0.5 × the bincount floor and ≥ 20 × the naive baseline.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable

import numpy as np
import pandas as pd

from nps_kit.score import score_groups


def best_of(fn: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def categorise(score: int) -> str:
    if score >= 9:
        return "promoter"
    if score >= 7:
        return "passive"
    return "detractor"


def naive_nps(scores: pd.Series) -> float:
    """How NPS is written in most tutorials: classify each answer in Python, then count."""
    segments = scores.apply(categorise)
    return 100 * ((segments == "promoter").mean() - (segments == "detractor").mean())


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000
    rng = np.random.default_rng(0)
    groups = [f"unit-{i:02d}" for i in range(50)]
    data = pd.DataFrame(
        {
            "unit": pd.Categorical.from_codes(rng.integers(0, 50, n), categories=groups),
            "nps_score": rng.integers(0, 11, n).astype(np.int64),
        }
    )
    lut = np.array([0, 0, 0, 0, 0, 0, 0, 1, 1, 2, 2])

    def floor() -> np.ndarray:
        codes = data["unit"].cat.codes.to_numpy(dtype=np.int64)
        seg = lut[data["nps_score"].to_numpy()]
        counts = np.bincount(codes * 3 + seg, minlength=150).reshape(50, 3)
        return 100 * (counts[:, 2] - counts[:, 0]) / counts.sum(axis=1)

    def ours() -> pd.DataFrame:
        return score_groups(data, by="unit")

    def naive() -> pd.Series:
        return data.groupby("unit", observed=True)["nps_score"].apply(naive_nps)

    def idiomatic() -> pd.Series:
        s = data["nps_score"]
        return (
            pd.DataFrame({"unit": data["unit"], "p": s >= 9, "d": s <= 6})
            .groupby("unit", observed=True)
            .mean()
            .pipe(lambda t: 100 * (t["p"] - t["d"]))
        )

    expected = floor()
    np.testing.assert_allclose(ours()["nps"].to_numpy(), expected)
    np.testing.assert_allclose(naive().to_numpy(), expected)

    t_floor = best_of(floor)
    t_ours = best_of(ours)
    t_idiomatic = best_of(idiomatic)
    t_naive = best_of(naive, repeat=1)
    rate = n / t_ours
    print(f"grouped scoring of {n:,} responses in 50 groups (best of 3)")
    print(f"  numpy bincount floor      {t_floor:8.3f} s  {n / t_floor:14,.0f} responses/s")
    print(f"  nps_kit.score_groups      {t_ours:8.3f} s  {rate:14,.0f} responses/s (with CIs)")
    print(f"  pandas vectorised groupby {t_idiomatic:8.3f} s  {n / t_idiomatic:14,.0f} responses/s")
    print(f"  naive groupby().apply     {t_naive:8.3f} s  {n / t_naive:14,.0f} responses/s")
    vs_floor = t_floor / t_ours
    vs_naive = t_naive / t_ours
    print(
        f"  nps_kit / floor speed  = {vs_floor:.2f}x (target ≥ 0.5x) "
        f"{'PASS' if vs_floor >= 0.5 else 'FAIL'}"
    )
    print(
        f"  nps_kit / naive speed  = {vs_naive:.1f}x (target ≥ 20x) "
        f"{'PASS' if vs_naive >= 20 else 'FAIL'}"
    )
    print(f"  nps_kit / pandas vectorised = {t_idiomatic / t_ours:.1f}x")


if __name__ == "__main__":
    main()
