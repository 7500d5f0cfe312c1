"""Shared pieces of the charts: colours, sizes, chart words, table checks and conversions.

Public names are re-exported by :mod:`nps_kit.plot`; the chart functions live in
:mod:`nps_kit.plot._nps`, :mod:`nps_kit.plot._groups` and :mod:`nps_kit.plot._analysis`, and
draw with :mod:`nps_kit.plot._axes`; :mod:`nps_kit.plot._describe` writes what a chart shows as
text, :mod:`nps_kit.plot._glyphs` keeps every text drawable, :mod:`nps_kit.plot._png` renders
and :mod:`nps_kit.plot._theme` sets the report look.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import Any

import matplotlib as mpl
import numpy as np
import numpy.typing as npt
import pandas as pd

from nps_kit.i18n import LANGUAGES, Language, label, number, t

FloatArray = npt.NDArray[np.float64]


#: Segment colours, used by every chart: Okabe–Ito bluish green and vermillion stay apart for
#: red–green colour-blind readers (unlike pure green/red) and keep the usual good/bad reading.
SEGMENT_COLORS: dict[str, str] = {
    "promoter": "#009E73",
    "passive": "#BDBDBD",
    "detractor": "#D55E00",
}
SEGMENTS = ("promoter", "passive", "detractor")
NPS_COLOR = "#1F4E79"  # the NPS line/dots: dark blue, distinct from every segment colour
N_BAR_COLOR = "#E3E3E3"  # responses per month, kept faint behind the NPS line
TARGET_COLOR = "#555555"
ZERO_COLOR = "#333333"
NEUTRAL_COLOR = "#8C8C8C"

#: Width a chart is redrawn at for phones: 390 CSS px at 100 dpi, so text drawn at 10 pt stays
#: above 11 CSS px on a 390 px screen (shown at ~358 px between the page margins).
NARROW_WIDTH = 3.9

#: Report width in inches; heights grow with the number of rows in row-per-group charts.
# 6.4 in at 100 dpi is ~640 CSS px: full width on a desktop report, ~55 % on a phone.
WIDTH = 6.4
HEIGHT = 3.5


def text(key: str, lang: Language) -> str:
    """Return a chart word (``plot_base.<key>`` in the catalogue, else the shared label)."""
    try:
        return t(f"plot_base.{key}", lang)
    except KeyError:
        return label(key, lang)


# -- checks and conversions ------------------------------------------------------------------


def check_table(
    table: pd.DataFrame, columns: Iterable[str], *, func: str, lang: str
) -> pd.DataFrame:
    """Validate ``lang`` and the presence of ``columns``; return the table.

    Raises
    ------
    ValueError
        Naming the function, the missing columns, the expected ones and what was found.
    """
    if lang not in LANGUAGES:
        raise ValueError(f"{func}: lang must be one of 'ja', 'en'; got {lang!r}.")
    if not isinstance(table, pd.DataFrame):
        raise TypeError(f"{func}: table must be a pandas DataFrame; got {type(table).__name__}.")
    expected = list(columns)
    missing = [c for c in expected if c not in table.columns]
    if missing:
        raise ValueError(
            f"{func}: table is missing column(s) {', '.join(map(repr, missing))}; "
            f"expected {', '.join(expected)}; found {', '.join(map(str, table.columns))}."
        )
    return table


def floats(values: Any) -> FloatArray:
    """Numbers as a float array with NaN for missing (``pd.NA``, ``None``, blanks)."""
    series = pd.to_numeric(pd.Series(values), errors="coerce")
    return series.to_numpy(dtype=np.float64, na_value=np.nan)


def bools(values: Any) -> npt.NDArray[np.bool_]:
    """Booleans with missing values read as ``False``."""
    series = pd.Series(values, dtype="object")
    return np.array(
        [bool(v) if v is not None and not pd.isna(v) else False for v in series], dtype=bool
    )


def segment_key(value: object) -> str | None:
    """Map a segment name (``promoter``, ``Promoters``, ``推奨者`` …) to its key, else ``None``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    name = str(value).strip().casefold()
    for key in SEGMENTS:
        words = {key, key + "s", label(key, "ja").casefold(), label(key, "en").casefold()}
        if name in words:
            return key
    return None


def ink_for(color: str) -> str:
    """Black or white text, whichever contrasts more with ``color`` (WCAG luminance)."""
    rgb = np.array(mpl.colors.to_rgb(color))
    linear = np.where(rgb <= 0.03928, rgb / 12.92, ((rgb + 0.055) / 1.055) ** 2.4)
    luminance = float(linear @ np.array([0.2126, 0.7152, 0.0722]))
    return "#111111" if (luminance + 0.05) / 0.05 >= 1.05 / (luminance + 0.05) else "white"


def with_n(name: str, n: float, lang: Language) -> str:
    """Add the response count under a row label, e.g. ``EC事業部`` over ``(512件)``."""
    if not np.isfinite(n):
        return name
    return f"{name}\n({t('plot_base.n_tick', lang, n=round(n))})"


def fmt_number(value: float) -> str:
    """``-4.9`` as ``−4.9`` (true minus sign, one decimal; never ``−0.0``)."""
    return number(value)
