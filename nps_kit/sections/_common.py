"""What every section says with: catalogue words, the clock, escaped text, shown changes."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from nps_kit import clock
from nps_kit.i18n import (
    Language,
    t,
)
from nps_kit.score import Change as ScoreChange
from nps_kit.score import (
    shown_diff,
)
from nps_kit.unit import (
    Comparison,
    Headline,
)


def _w(key: str, lang: Language, **values: object) -> str:
    return t(f"sections.{key}", lang, **values)


def _now(lang: Language, timezone: str | None) -> dt.datetime:
    return clock.now(lang, timezone)


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def _shown_change(head: Headline, comparison: Comparison) -> ScoreChange:
    """Return the comparison's change with the difference of the shown (rounded) values.

    The interval and the verdict stay those of the exact difference; only the figure a reader
    can check by subtraction is made to agree with the two NPS values on the page.
    """
    change = comparison.change
    if change.diff is None or head.result.nps is None or comparison.result.nps is None:
        return change
    return replace(change, diff=shown_diff(head.result.nps, comparison.result.nps))


def _shares_row(name: str, result: Any) -> dict[str, Any]:
    return {
        "label": name,
        "n": result.n,
        "pct_promoters": result.pct_promoters,
        "pct_passives": result.pct_passives,
        "pct_detractors": result.pct_detractors,
        "nps": result.nps,
    }
