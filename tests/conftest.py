"""Shared fixtures: close figures and seed randomness for every test."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")
os.environ.setdefault("MPLBACKEND", "Agg")

ROOT = Path(__file__).resolve().parent.parent
DEMO_DATA = ROOT / "data" / "demo_responses.csv.gz"


@pytest.fixture(autouse=True)
def _close_figures_and_seed() -> Iterator[None]:
    import matplotlib.pyplot as plt

    np.random.seed(0)
    yield
    plt.close("all")


@pytest.fixture
def repo_root() -> Path:
    return ROOT
