"""Deterministic demo dataset: five business units, 18 months, about 30,000 survey responses.

The data feeds every demo report, the integration tests and the benchmarks, so it plants effects
the analysis should find (levels and trends per unit, a key driver per unit — a weakness to fix
first in EC and the stores, a strength in Cloud Platform — segment differences, rare segment
values, theme mixes in the comments) and the mess real exports have (missing and invalid scores,
full-width digits, personal data and HTML specials in free text).

Randomness comes only from ``numpy.random.default_rng(DEMO_SEED)``, drawn in a fixed order
(no clock, no set iteration), so the output is the same bytes on every run; the free text is
built in :mod:`nps_kit.demo._text`. ``python -m nps_kit.demo OUT`` writes the file.
"""

from __future__ import annotations

import calendar
import gzip
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from nps_kit.demo._text import add_texts
from nps_kit.i18n import Language

__all__ = [
    "DEMO_COLUMNS",
    "DEMO_MONTHS",
    "DEMO_SEED",
    "DEMO_UNITS",
    "RATINGS",
    "DemoUnit",
    "demo_frame",
    "write_demo",
]

DEMO_SEED = 20251101
DEMO_MONTHS: tuple[str, ...] = tuple(
    f"{2025 + (4 + m) // 12}-{(4 + m) % 12 + 1:02d}" for m in range(18)
)
RATINGS: tuple[str, ...] = (
    "rating_staff",
    "rating_website",
    "rating_delivery",
    "rating_price",
    "rating_support_speed",
)
DEMO_COLUMNS: tuple[str, ...] = (
    "response_id",
    "submitted_at",
    "business_unit",
    "score",
    "channel",
    "plan",
    "region",
    "tenure",
    "heard_about",
    "used_features",
    *RATINGS,
    "comment",
    "improvement",
    "contact_ok",
)


@dataclass(frozen=True)
class DemoUnit:
    """One business unit of the demo dataset and the effects planted in it.

    Attributes
    ----------
    unit
        Id used in parameter and report file names (``ec``).
    name
        Display name, as written in the ``business_unit`` column (``EC事業部``).
    language
        Language of the unit's answers and reports.
    nps_start, nps_end
        Planted NPS (points) in the first and last month; months in between follow a straight
        line plus month-to-month noise, and each month's sample adds its own sampling noise.
    monthly_responses
        Typical responses per month before seasonality and noise.
    driver
        The rating column that drives the score most in this unit. It is also rated below the
        other ratings where it is the unit's weakness (EC's delivery, the stores' staff), and above
        them where it is a strength (Cloud Platform's support speed).
    """

    unit: str
    name: str
    language: Language
    nps_start: float
    nps_end: float
    monthly_responses: int
    driver: str

    @property
    def trend(self) -> float:
        """Planted change in NPS points from the first to the last month."""
        return self.nps_end - self.nps_start


DEMO_UNITS: tuple[DemoUnit, ...] = (
    DemoUnit("ec", "EC事業部", "ja", -15.0, -2.0, 540, "rating_delivery"),
    DemoUnit("stores", "店舗事業部", "ja", -4.0, -21.0, 480, "rating_staff"),
    DemoUnit("insurance", "保険サービス部", "ja", -25.0, -25.0, 50, "rating_support_speed"),
    DemoUnit("cloud", "Cloud Platform", "en", 25.0, 40.0, 230, "rating_support_speed"),
    DemoUnit("banking", "Retail Banking", "en", 5.0, 5.0, 280, "rating_website"),
)

# Weights of the five ratings (order of RATINGS) in each unit's latent satisfaction.
_WEIGHTS: dict[str, tuple[float, ...]] = {
    "ec": (0.3, 0.5, 1.0, 0.35, 0.25),
    "stores": (1.0, 0.15, 0.1, 0.6, 0.2),
    "insurance": (0.5, 0.3, 0.1, 0.45, 1.0),
    "cloud": (0.3, 0.45, 0.2, 0.35, 1.0),
    "banking": (0.3, 1.0, 0.1, 0.6, 0.35),
}
# Volume growth per month and seasonality by calendar month (Jan…Dec).
_GROWTH = {"ec": 1.01, "stores": 1.0, "insurance": 1.0, "cloud": 1.015, "banking": 1.0}
_RETAIL_SEASON = (1.05, 0.9, 1.0, 0.95, 0.95, 0.95, 1.05, 1.0, 0.95, 1.0, 1.1, 1.3)
_FLAT_SEASON = (1.0,) * 12
# Extra one-month NPS shocks (points), carried by the driver rating: EC's year-end delivery jam.
_SHOCKS = {("ec", "2025-12"): -8.0}
# Shift of the driver's 1–5 rating (before rounding) where the driver is a weakness. EC's delivery
# rises with the recovery, so unshifted it would be the best-rated attribute ("keep up"); shifted
# it matters most and is rated worst ("fix first"), in every recent window too. Only the rating's
# level moves, not the latent satisfaction: scores stay and the driver still correlates most.
# (店舗事業部's staff rating falls with its decline, so it is a weakness without a shift.)
_DRIVER_SHIFT = {"ec": -0.6}

# Categories: (value, probability, effect on latent satisfaction; 1 unit ≈ 30 NPS points).
_Cat = tuple[tuple[str, float, float], ...]
_CHANNEL: dict[str, _Cat] = {
    "ec": (("Web", 0.5, 0.1), ("アプリ", 0.32, 0.2), ("電話", 0.12, -0.7), ("チャット", 0.06, 0.0)),
    "stores": (("店頭", 0.7, 0.05), ("Web", 0.1, 0.0), ("アプリ", 0.1, 0.15), ("電話", 0.1, -0.6)),
    "insurance": (
        ("電話", 0.45, -0.5),
        ("Web", 0.3, 0.2),
        ("代理店", 0.2, 0.35),
        ("チャット", 0.05, 0.0),
    ),
    "cloud": (
        ("Web console", 0.45, 0.1),
        ("API", 0.2, 0.25),
        ("Chat", 0.15, 0.0),
        ("Email", 0.1, -0.2),
        ("Phone", 0.1, -0.6),
    ),
    "banking": (
        ("Mobile app", 0.45, 0.2),
        ("Online", 0.25, 0.05),
        ("Branch", 0.18, 0.0),
        ("Phone", 0.12, -0.7),
    ),
}
_PLAN: dict[str, _Cat] = {
    "ja": (("ライト", 0.35, -0.25), ("スタンダード", 0.45, 0.0), ("プレミアム", 0.2, 0.4)),
    "en": (("Basic", 0.4, -0.25), ("Standard", 0.4, 0.0), ("Premium", 0.2, 0.4)),
}
_REGION: dict[str, _Cat] = {
    "ja": (
        ("関東", 0.38, 0.0),
        ("関西", 0.2, -0.1),
        ("中部", 0.14, 0.05),
        ("九州", 0.1, 0.1),
        ("東北", 0.07, -0.15),
        ("北海道", 0.06, 0.1),
        ("中国・四国", 0.04, 0.0),
        ("沖縄", 0.01, -0.4),
    ),
    "en": (
        ("Northeast", 0.24, 0.0),
        ("Southeast", 0.2, -0.05),
        ("Midwest", 0.2, 0.1),
        ("Southwest", 0.14, -0.1),
        ("West", 0.2, 0.05),
        ("Alaska & Hawaii", 0.02, -0.35),
    ),
}
_TENURE: dict[str, _Cat] = {
    "ja": (
        ("1年未満", 0.2, -0.3),
        ("1〜3年", 0.32, -0.05),
        ("3〜5年", 0.23, 0.05),
        ("5年以上", 0.25, 0.3),
    ),
    "en": (
        ("Less than 1 year", 0.2, -0.3),
        ("1-3 years", 0.32, -0.05),
        ("3-5 years", 0.23, 0.05),
        ("5+ years", 0.25, 0.3),
    ),
}
_HEARD: dict[str, _Cat] = {
    "ja": (
        ("検索エンジン", 0.3, 0.0),
        ("SNS", 0.2, -0.05),
        ("友人・知人の紹介", 0.15, 0.35),
        ("テレビCM", 0.1, 0.0),
        ("店頭・チラシ", 0.1, 0.0),
        ("メールマガジン", 0.08, -0.1),
        ("その他", 0.07, 0.0),
    ),
    "en": (
        ("Search engine", 0.3, 0.0),
        ("Social media", 0.2, -0.05),
        ("Friend or colleague", 0.18, 0.35),
        ("Online ad", 0.12, 0.0),
        ("Email newsletter", 0.08, -0.1),
        ("Event or conference", 0.05, 0.05),
        ("Other", 0.07, 0.0),
    ),
}
# Multi-select options and how often each is ticked.
_FEATURES: dict[str, tuple[tuple[str, float], ...]] = {
    "ec": (
        ("商品検索", 0.8),
        ("お気に入り", 0.4),
        ("クーポン", 0.45),
        ("ポイント", 0.5),
        ("定期便", 0.15),
        ("レビュー", 0.3),
        ("アプリ通知", 0.2),
    ),
    "stores": (
        ("ポイントカード", 0.7),
        ("会員アプリ", 0.35),
        ("取り置き", 0.12),
        ("店頭受け取り", 0.2),
        ("クーポン", 0.45),
        ("セルフレジ", 0.25),
    ),
    "insurance": (
        ("マイページ", 0.6),
        ("保険金請求", 0.25),
        ("契約内容の確認", 0.5),
        ("チャット相談", 0.1),
        ("住所変更", 0.15),
    ),
    "cloud": (
        ("Dashboard", 0.8),
        ("API", 0.5),
        ("Billing portal", 0.3),
        ("Support chat", 0.3),
        ("Monitoring", 0.35),
        ("Docs", 0.45),
    ),
    "banking": (
        ("Mobile app", 0.8),
        ("Online transfers", 0.5),
        ("Card controls", 0.25),
        ("Bill pay", 0.35),
        ("Savings goals", 0.15),
        ("ATM finder", 0.2),
    ),
}
_HOUR_WEIGHTS = (1, 1, 0.5, 0.3, 0.3, 0.5, 1, 2, 3, 4, 5, 5, 6, 5, 4, 4, 4, 4, 5, 6, 7, 7, 5, 3)
_LATENT_RATINGS = 1.5  # latent sd explained by the ratings
_LATENT_NOISE = 1.6  # latent sd of everything else


def demo_frame() -> pd.DataFrame:
    """Return the demo dataset exactly as :func:`write_demo` writes it (without ``language``).

    Returns
    -------
    pandas.DataFrame
        One row per response, columns :data:`DEMO_COLUMNS`, sorted by ``submitted_at``. Cells
        are text as a survey tool would export them (``score`` included, so missing and invalid
        answers stay visible); the ratings are ``Int64`` with ``<NA>`` for blanks.

    Examples
    --------
    >>> frame = demo_frame()
    >>> frame["business_unit"].nunique()
    5
    """
    return _rows().loc[:, list(DEMO_COLUMNS)]


def _rows() -> pd.DataFrame:
    """Return the demo rows with the generator's own columns (``_text_lang``) still in."""
    rng = np.random.default_rng(DEMO_SEED)
    parts = [_unit_rows(unit, rng) for unit in DEMO_UNITS]
    rows = pd.concat(parts, ignore_index=True)
    # Stable sort on time, ties broken by generation order, so the ids are reproducible.
    rows = rows.iloc[np.lexsort((np.arange(len(rows)), rows["_ts"].to_numpy()))]
    rows = rows.reset_index(drop=True)
    rows["response_id"] = [f"R{i:06d}" for i in range(1, len(rows) + 1)]
    rows["submitted_at"] = pd.to_datetime(rows["_ts"], unit="s").dt.strftime("%Y-%m-%d %H:%M:%S")
    rows["score"] = _score_cells(rows, rng)
    add_texts(rows, rng, languages={unit.unit: unit.language for unit in DEMO_UNITS})
    return rows


def write_demo(path: Path, *, language: Language | None = None) -> Path:
    """Write the demo dataset to ``path`` as gzip-compressed UTF-8 CSV, byte for byte reproducible.

    Parameters
    ----------
    path
        Output file, conventionally ``data/demo_responses.csv.gz``. Parent folders are created.
    language
        Keep only the rows of the units whose answers are in this language (``en``: Cloud
        Platform and Retail Banking), ids and scores unchanged, so their NPS figures are those
        of the whole dataset; the tenth of their free-text answers planted in the other
        language is left blank (a blank answer is no answer). ``None`` writes every unit.

    Returns
    -------
    pathlib.Path
        ``path``.

    Notes
    -----
    The gzip header carries no file name and a modification time of 0, so two runs give the
    same bytes (on the same zlib).
    """
    rows = _rows()
    if language is not None:
        names = [unit.name for unit in DEMO_UNITS if unit.language == language]
        rows = rows[rows["business_unit"].isin(names)].copy()
        rows.loc[rows["_text_lang"] != language, ["comment", "improvement"]] = ""
    frame = rows.loc[:, list(DEMO_COLUMNS)]
    csv = frame.to_csv(index=False, lineterminator="\n").encode("utf-8")
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(gzip.compress(csv, compresslevel=9, mtime=0))
    return path


def _norm_cdf(x: np.ndarray) -> np.ndarray:
    """Return the standard normal CDF (Abramowitz & Stegun 26.2.17, error < 1e-7).

    numpy has no ``erf`` and scipy is not a dependency.
    """
    t = 1.0 / (1.0 + 0.2316419 * np.abs(x))
    poly = t * (
        0.319381530 + t * (-0.356563782 + t * (1.781477937 + t * (-1.821255978 + t * 1.330274429)))
    )
    upper = np.exp(-0.5 * x * x) / np.sqrt(2.0 * np.pi) * poly
    return np.where(x >= 0, 1.0 - upper, upper)


def _expected_nps(base: float, offset: np.ndarray) -> float:
    promoters = 1.0 - _norm_cdf((9.0 - base - offset) / _LATENT_NOISE)
    detractors = _norm_cdf((7.0 - base - offset) / _LATENT_NOISE)
    return float(100.0 * (promoters - detractors).mean())


def _solve_base(target: float, offset: np.ndarray) -> float:
    """Find the latent mean whose expected NPS over these respondents is ``target``."""
    low, high = -10.0, 25.0
    for _ in range(50):
        mid = (low + high) / 2
        low, high = (mid, high) if _expected_nps(mid, offset) < target else (low, mid)
    return (low + high) / 2


def _draw(table: _Cat, n: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Draw ``n`` values of a category table; return the values and their latent effects."""
    probs = np.array([p for _, p, _ in table])
    index = rng.choice(len(table), size=n, p=probs / probs.sum())
    values = np.array([v for v, _, _ in table], dtype=object)
    effects = np.array([e for _, _, e in table])
    return values[index], effects[index]


def _multi(options: tuple[tuple[str, float], ...], n: int, rng: np.random.Generator) -> list[str]:
    """Tick 1–3 options per respondent (weighted, without replacement, in the table's order)."""
    names = [name for name, _ in options]
    keys = np.log([w for _, w in options]) + rng.gumbel(size=(n, len(options)))
    counts = rng.choice([1, 2, 3], size=n, p=[0.45, 0.35, 0.2])
    ranks = np.argsort(np.argsort(-keys, axis=1), axis=1)
    chosen = ranks < counts[:, None]
    return [";".join(names[j] for j in np.flatnonzero(row)) for row in chosen]


def _month_targets(unit: DemoUnit, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """Planted NPS per month (line + AR(1) noise + shocks) and the part the driver carries."""
    steps = np.arange(len(DEMO_MONTHS)) / (len(DEMO_MONTHS) - 1)
    shocks = np.array([_SHOCKS.get((unit.unit, month), 0.0) for month in DEMO_MONTHS])
    carried = unit.trend * steps + shocks
    noise = np.zeros(len(DEMO_MONTHS))
    for m in range(len(DEMO_MONTHS)):
        noise[m] = (0.5 * noise[m - 1] if m else 0.0) + rng.normal(0.0, 1.2)
    return unit.nps_start + carried + noise, carried


def _unit_rows(unit: DemoUnit, rng: np.random.Generator) -> pd.DataFrame:
    """Generate one unit's respondents: time, segments, ratings and the 0–10 score."""
    lang = unit.language
    season = _RETAIL_SEASON if unit.unit in ("ec", "stores") else _FLAT_SEASON
    targets, carried = _month_targets(unit, rng)
    weights = np.array(_WEIGHTS[unit.unit])
    driver = RATINGS.index(unit.driver)
    # Ratings share a general-satisfaction factor (correlation 0.35 between ratings).
    rho = 0.35
    sd_composite = np.sqrt((weights**2).sum() + rho * (weights.sum() ** 2 - (weights**2).sum()))
    frames = []
    for m, month in enumerate(DEMO_MONTHS):
        year, mon = (int(x) for x in month.split("-"))
        mean = unit.monthly_responses * season[mon - 1] * _GROWTH[unit.unit] ** m
        # Fieldwork stops at quotas, so a month never strays more than 20 % from plan.
        drawn = rng.poisson(mean * rng.lognormal(0.0, 0.06))
        n = int(np.clip(drawn, np.ceil(0.8 * mean), np.floor(1.2 * mean)))
        days = calendar.monthrange(year, mon)[1]
        hours = rng.choice(24, size=n, p=np.array(_HOUR_WEIGHTS) / sum(_HOUR_WEIGHTS))
        seconds = (
            rng.integers(0, days, size=n) * 86400 + hours * 3600 + rng.integers(0, 3600, size=n)
        )
        start = pd.Timestamp(year=year, month=mon, day=1).value // 10**9
        channel, e_channel = _draw(_CHANNEL[unit.unit], n, rng)
        plan, e_plan = _draw(_PLAN[lang], n, rng)
        region, e_region = _draw(_REGION[lang], n, rng)
        tenure, e_tenure = _draw(_TENURE[lang], n, rng)
        heard, e_heard = _draw(_HEARD[lang], n, rng)
        factors = np.sqrt(rho) * rng.normal(size=(n, 1)) + np.sqrt(1 - rho) * rng.normal(
            size=(n, len(RATINGS))
        )
        # The driver rating moves with the trend, so the analysis can see why NPS moved.
        factors[:, driver] += carried[m] / 25.0
        composite = _LATENT_RATINGS * (factors @ weights) / sd_composite
        offset = composite + e_channel + e_plan + e_region + e_tenure + e_heard
        base = _solve_base(float(targets[m]), offset)
        latent = base + offset + _LATENT_NOISE * rng.normal(size=n)
        score = np.clip(np.floor(latent), 0, 10).astype(int)
        # Detractors heap on 0 and 5, as real answers do.
        heap = rng.random(n)
        score = np.where((score <= 6) & (heap < 0.08), 0, score)
        score = np.where((score <= 6) & (heap >= 0.08) & (heap < 0.2), 5, score)
        centre = np.full(len(RATINGS), 3.2)
        centre[driver] += _DRIVER_SHIFT.get(unit.unit, 0.0)
        ratings = np.clip(
            np.rint(centre + 0.9 * factors + rng.normal(0, 0.45, size=factors.shape)), 1, 5
        )
        ratings[rng.random(ratings.shape) < 0.05] = np.nan
        frame = pd.DataFrame(
            {
                "_ts": start + seconds,
                "_unit": unit.unit,
                "_score": score,
                "business_unit": unit.name,
                "channel": channel,
                "plan": plan,
                "region": region,
                "tenure": tenure,
                "heard_about": heard,
                "used_features": _multi(_FEATURES[unit.unit], n, rng),
            }
        )
        for k, column in enumerate(RATINGS):
            frame[column] = pd.array(ratings[:, k], dtype="Int64")
        frames.append(frame)
    return pd.concat(frames, ignore_index=True)


_MISSING = {
    "ja": (("", 0.4), ("無回答", 0.3), ("N/A", 0.15), ("-", 0.15)),
    "en": (("", 0.5), ("N/A", 0.3), ("-", 0.2)),
}
_INVALID = ("11", "abc", "7.5", "12")
_FULL_WIDTH_DIGITS = str.maketrans("0123456789", "０１２３４５６７８９")


def _score_cells(rows: pd.DataFrame, rng: np.random.Generator) -> list[str]:
    """Write scores as a survey export would: mostly clean, ~1 % missing, a few messy/invalid."""
    languages = _languages(rows)
    u = rng.random((len(rows), 3))
    cells = []
    for score, lang, (kind, pick, _) in zip(rows["_score"], languages, u, strict=True):
        if kind < 0.01:
            tokens = _MISSING[lang]
            cells.append(_weighted(tokens, pick))
        elif kind < 0.0125:
            messy = [f"{score}点", str(score).translate(_FULL_WIDTH_DIGITS), f" {score} "]
            if score == 10:
                messy.append("10 - Extremely likely")
            elif score == 0:
                messy.append("0 - Not at all likely")
            cells.append(messy[int(pick * len(messy))])
        elif kind < 0.0135:
            cells.append(_INVALID[int(pick * len(_INVALID))])
        else:
            cells.append(str(score))
    return cells


def _weighted(options: tuple[tuple[str, float], ...], u: float) -> str:
    total = 0.0
    for value, weight in options:
        total += weight
        if u < total:
            return value
    return options[-1][0]


def _languages(rows: pd.DataFrame) -> list[str]:
    language = {unit.unit: unit.language for unit in DEMO_UNITS}
    return [language[u] for u in rows["_unit"]]


def main(argv: Sequence[str] | None = None) -> int:
    """Write the demo dataset to the path given on the command line (``python -m nps_kit.demo``).

    Parameters
    ----------
    argv
        Command-line arguments without the program name: one output path.

    Returns
    -------
    int
        Exit status: 0 on success, 2 on a usage error.
    """
    args = list(sys.argv[1:] if argv is None else argv)
    if len(args) != 1 or args[0].startswith("-"):
        print(
            "usage: python -m nps_kit.demo OUT  (e.g. data/demo_responses.csv.gz)", file=sys.stderr
        )
        return 2
    path = write_demo(Path(args[0]))
    print(path)
    return 0
