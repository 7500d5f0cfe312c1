"""Shared Japanese and English labels.

Module-specific sentences live next to the code that uses them; this module holds the words that
every part of a report must spell the same way (segments, NPS, points, verdicts, periods).
"""

from __future__ import annotations

from typing import Literal

__all__ = ["LANGUAGES", "Language", "format_period", "label", "points"]

Language = Literal["ja", "en"]
LANGUAGES: tuple[Language, ...] = ("ja", "en")

_LABELS: dict[str, dict[str, str]] = {
    "promoter": {"ja": "推奨者", "en": "Promoters"},
    "passive": {"ja": "中立者", "en": "Passives"},
    "detractor": {"ja": "批判者", "en": "Detractors"},
    "promoters": {"ja": "推奨者", "en": "Promoters"},
    "passives": {"ja": "中立者", "en": "Passives"},
    "detractors": {"ja": "批判者", "en": "Detractors"},
    "nps": {"ja": "NPS", "en": "NPS"},
    "n": {"ja": "回答数", "en": "Responses"},
    "score": {"ja": "推奨度（0〜10）", "en": "Likelihood to recommend (0–10)"},
    "share": {"ja": "構成比（%）", "en": "Share (%)"},
    "ci": {"ja": "95%信頼区間", "en": "95% interval"},
    "target": {"ja": "目標", "en": "Target"},
    "other": {"ja": "その他", "en": "Other"},
    "month": {"ja": "月", "en": "Month"},
    "small_sample": {"ja": "回答数少（参考値）", "en": "small sample"},
    "suppressed": {"ja": "非表示（回答数不足）", "en": "hidden (too few responses)"},
    "improvement": {"ja": "有意に改善", "en": "significant improvement"},
    "decline": {"ja": "有意に悪化", "en": "significant decline"},
    "no_change": {"ja": "有意な変化なし", "en": "no significant change"},
    "insufficient_data": {"ja": "比較データ不足", "en": "not enough data to compare"},
    "vs_previous": {"ja": "前月比", "en": "vs previous month"},
    "vs_last_year": {"ja": "前年同月比", "en": "vs same month last year"},
}


def label(key: str, lang: Language) -> str:
    """Return the shared label ``key`` in ``lang``.

    Parameters
    ----------
    key
        One of the keys of the shared table, e.g. ``"promoter"`` or ``"no_change"``.
    lang
        ``"ja"`` or ``"en"``.

    Returns
    -------
    str
        The label.

    Raises
    ------
    KeyError
        If the key or language is unknown (a programming error, not a user error).
    """
    return _LABELS[key][lang]


def points(value: float | None, lang: Language, *, signed: bool = False, digits: int = 1) -> str:
    """Format an NPS value in points, e.g. ``-4.9 ポイント`` or ``+3.2 pts``.

    Uses a true minus sign (U+2212) so that negative values read well in reports. ``None`` and NaN
    format as an em dash.
    """
    if value is None or value != value:
        return "—"
    sign = "+" if signed and value > 0 else ""
    text = f"{sign}{value:.{digits}f}".replace("-", "−")
    return f"{text} ポイント" if lang == "ja" else f"{text} pts"


def format_period(period: str, lang: Language) -> str:
    """Format a period label (``2026-10``, ``2026-Q3``, ``2026-W41``) for reading.

    ``2026-10`` becomes ``2026年10月`` in Japanese and ``October 2026`` in English.
    """
    import calendar

    year, _, rest = period.partition("-")
    if rest.isdigit():
        month = int(rest)
        if lang == "ja":
            return f"{year}年{month}月"
        return f"{calendar.month_name[month]} {year}"
    if rest.startswith("Q"):
        return f"{year}年 第{rest[1:]}四半期" if lang == "ja" else f"{rest} {year}"
    if rest.startswith("W"):
        return f"{year}年 第{int(rest[1:])}週" if lang == "ja" else f"Week {int(rest[1:])}, {year}"
    return period
