"""Segment strategies: data-ranked actions for promoters, passives and detractors.

The *playbook* (``parameters/playbook.yaml``; a copy ships as ``nps_kit/resources/playbook.yaml``)
holds the words: actions in Japanese and English per segment, per open-text theme and per rated
attribute. :func:`segment_strategies` decides which of them a unit sees, using only the unit's
data, and attaches the evidence (shares, NPS impact in points, respondent counts) to each one:

* detractors: actions for the themes the largest share of commenting detractors wrote about,
  then actions for "fix first" key drivers, then the general detractor actions;
* passives: "fix first" key drivers (the levers that lift a 7–8 to a 9–10), then themes, then the
  general passive actions;
* promoters: actions for the themes promoters praised, then the general promoter actions.

A segment without respondents gets a single note saying so instead of advice.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

import pandas as pd

from nps_kit.i18n import Language, label, points
from nps_kit.playbook import (
    Action,
    DriverActions,
    GeneralActions,
    Playbook,
    Segment,
    SegmentActions,
    load_playbook,
)
from nps_kit.text.themes import DEFAULT_THEME_IDS

__all__ = [
    "SEGMENTS",
    "THEME_IDS",
    "Action",
    "DriverActions",
    "GeneralActions",
    "Playbook",
    "Recommendation",
    "SegmentActions",
    "load_playbook",
    "segment_strategies",
]

Source = Literal["theme", "driver", "general"]
SEGMENTS: tuple[Segment, ...] = ("detractor", "passive", "promoter")
THEME_IDS: tuple[str, ...] = DEFAULT_THEME_IDS


# --- recommendations -------------------------------------------------------------------------


@dataclass(frozen=True)
class Recommendation:
    """One recommended action with the data behind it.

    Attributes
    ----------
    segment
        ``"detractor"``, ``"passive"`` or ``"promoter"``.
    source
        ``"theme"`` (open-text theme), ``"driver"`` (key-driver analysis) or ``"general"``.
    key
        Theme id, driver id, ``"general"``, or ``"no_data"`` when the segment had no respondents.
    action
        What to do, in the report language.
    evidence
        Why, with the numbers (share, NPS impact in points, respondent counts).
    priority
        Rank within the segment, 1 = first.
    """

    segment: Segment
    source: Source
    key: str
    action: str
    evidence: str
    priority: int


_THEME_COLUMNS = (
    "theme",
    "label",
    "mentions",
    "share_promoters",
    "share_passives",
    "share_detractors",
)
_THEME_COLUMNS_NPS = ("nps_with", "nps_without", "nps_gain")
_DRIVER_COLUMNS = ("attribute", "label", "importance", "performance", "n", "quadrant", "method")


def segment_strategies(
    current: Any,
    *,
    previous: Any = None,
    themes: pd.DataFrame | None = None,
    drivers: pd.DataFrame | None = None,
    playbook: Playbook | None = None,
    lang: Language = "ja",
    top: int = 3,
    min_mentions: int = 3,
) -> list[Recommendation]:
    """Recommend up to ``top`` actions per segment, ranked by the unit's data.

    Parameters
    ----------
    current
        The period's segment counts: an :class:`nps_kit.score.NpsResult`, a one-row
        :func:`nps_kit.score.score_groups` frame, a ``Series`` or a mapping with ``n``,
        ``promoters``, ``passives``, ``detractors`` (counts) and ``pct_promoters``,
        ``pct_passives``, ``pct_detractors`` (percent).
    previous
        The same for the comparison period; adds the change in each segment's share to the
        evidence of the general actions.
    themes
        Theme-impact table from :mod:`nps_kit.themes` (``theme``, ``label``, ``mentions``,
        ``share_promoters``, ``share_passives``, ``share_detractors``, ``nps_with``,
        ``nps_without``, ``nps_gain``), or ``None``.
    drivers
        Table from :func:`nps_kit.drivers.key_drivers`, or ``None``; attributes in the
        ``fix_first`` quadrant whose column maps to a playbook driver are recommended.
    playbook
        The playbook; ``None`` loads the built-in one.
    lang
        ``"ja"`` or ``"en"``: language of ``action`` and ``evidence``.
    top
        Most actions per segment.
    min_mentions
        Fewest mentions before a theme drives advice: mentions by the segment when the theme
        table has ``mentions_promoters``/``mentions_passives``/``mentions_detractors`` columns,
        else the theme's total ``mentions``.

    Returns
    -------
    list of Recommendation
        Detractors first, then passives, then promoters; within a segment by ``priority``.

    Raises
    ------
    ValueError
        If ``lang`` is unknown, ``top`` is below 1, or a table lacks required columns.
    """
    if lang not in ("ja", "en"):
        raise ValueError(f"lang must be 'ja' or 'en', got {lang!r}")
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top!r}")
    book = playbook if playbook is not None else load_playbook()
    now = _counts(current)
    before = _counts(previous) if previous is not None else None
    theme_table = _require(themes, _THEME_COLUMNS, "themes")
    driver_table = _require(drivers, _DRIVER_COLUMNS, "drivers")
    out: list[Recommendation] = []
    for seg in SEGMENTS:
        count = now[f"{seg}s"]
        if count is None or count <= 0:
            out.append(_no_data(seg, now, lang))
            continue
        by_source = {
            "theme": _theme_items(theme_table, seg, book, lang, min_mentions),
            "driver": _driver_items(driver_table, book, lang) if seg != "promoter" else [],
            "general": _general_items(seg, now, before, book, lang),
        }
        order: tuple[Source, ...] = (
            ("driver", "theme", "general") if seg == "passive" else ("theme", "driver", "general")
        )
        seen: set[str] = set()
        chosen: list[tuple[Source, str, str, str]] = []
        for source in order:
            for key, action, evidence in by_source[source]:
                if action not in seen and len(chosen) < top:
                    seen.add(action)
                    chosen.append((source, key, action, evidence))
        out.extend(
            Recommendation(seg, source, key, action, evidence, rank)
            for rank, (source, key, action, evidence) in enumerate(chosen, start=1)
        )
    return out


def _counts(result: Any) -> dict[str, float | None]:
    """Read n, segment counts and percents from an NpsResult, a one-row frame or a mapping."""
    if isinstance(result, pd.DataFrame):
        if len(result) != 1:
            raise ValueError(f"expected a one-row segment table, got {len(result)} rows")
        result = result.iloc[0]
    names = (
        *("n", "promoters", "passives", "detractors"),
        *("pct_promoters", "pct_passives", "pct_detractors"),
    )
    if isinstance(result, Mapping | pd.Series):
        raw = {name: result.get(name) for name in names}
    else:
        raw = {name: getattr(result, name, None) for name in names}
    if raw["n"] is None:
        raise ValueError("segment counts need at least 'n' and the three segment counts")
    return {name: _number(value) for name, value in raw.items()}


def _number(value: object) -> float | None:
    if value is None or value is pd.NA:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) else number


def _require(table: pd.DataFrame | None, columns: tuple[str, ...], name: str) -> pd.DataFrame:
    if table is None:
        return pd.DataFrame(columns=list(columns))
    lacking = [c for c in columns if c not in table.columns]
    if lacking:
        raise ValueError(f"{name} table lacks column(s) {', '.join(lacking)}")
    return table


def _seg_label(seg: Segment, lang: Language) -> str:
    return label(seg, lang) if lang == "ja" else label(seg, lang).lower()


def _no_data(seg: Segment, now: dict[str, float | None], lang: Language) -> Recommendation:
    n = int(now["n"] or 0)
    name = _seg_label(seg, lang)
    if now[f"{seg}s"] is None:  # suppressed: too few responses to show segment counts
        action = (
            f"回答数が少ないため{name}の内訳は非表示です。施策は提案しません。"
            if lang == "ja"
            else f"Too few responses to report {name}; no advice is given."
        )
        evidence = f"回答{n}件" if lang == "ja" else f"{n} responses"
        return Recommendation(seg, "general", "no_data", action, evidence, 1)
    action = (
        f"今期は{name}の回答がないため、このセグメント向けの施策は提案しません。"
        if lang == "ja"
        else f"No {name} this period, so no advice is given for this segment."
    )
    evidence = f"{name}0人（回答{n}件）" if lang == "ja" else f"0 {name} of {n} responses"
    return Recommendation(seg, "general", "no_data", action, evidence, 1)


def _theme_items(
    table: pd.DataFrame, seg: Segment, book: Playbook, lang: Language, min_mentions: int
) -> list[tuple[str, str, str]]:
    # theme_impact shares are percent of each segment's *commenters*; per-segment mention counts
    # are used when the table has them (mentions_detractors …), else the theme's total mentions.
    per_segment = f"mentions_{seg}s" in table.columns
    counts = pd.to_numeric(table[f"mentions_{seg}s" if per_segment else "mentions"], "coerce")
    shares = pd.to_numeric(table[f"share_{seg}s"], errors="coerce")
    ranked = table.assign(share_in_segment=shares, mention_count=counts)
    ranked = ranked[shares.gt(0) & counts.ge(min_mentions)]
    ranked = ranked.sort_values("share_in_segment", ascending=False, kind="stable")
    items: list[tuple[str, str, str]] = []
    name = _seg_label(seg, lang)
    for row in ranked.itertuples(index=False):
        theme = str(row.theme)
        actions = book.theme_actions(theme, seg)
        if not actions:
            continue
        share = float(row.share_in_segment)  # type: ignore[arg-type]
        mentions = int(row.mention_count)  # type: ignore[arg-type]
        if lang == "ja":
            count = f"（{mentions}人）" if per_segment else ""
            total = "" if per_segment else f"（全体で{mentions:,}件）"
            evidence = f"コメントした{name}の{share:.1f}%{count}が「{row.label}」に言及{total}"
        else:
            count = f" ({mentions})" if per_segment else ""
            total = "" if per_segment else f" ({mentions:,} mentions in all)"
            evidence = f"{share:.1f}% of {name} who commented{count} mention {row.label}{total}"
        evidence += _theme_impact(row, seg, lang)
        items.extend((theme, action.text(lang), evidence) for action in actions)
    return items


def _theme_impact(row: Any, seg: Segment, lang: Language) -> str:
    values = {c: _number(getattr(row, c, None)) for c in _THEME_COLUMNS_NPS}
    with_, without = (points(values[c], lang, signed=True) for c in ("nps_with", "nps_without"))
    # nps_gain counts the theme's detractors, so it is no measure of what promoters praise.
    if seg == "promoter" or values["nps_gain"] is None:
        if values["nps_with"] is None:
            return ""
        if lang == "ja":
            return f"。言及者のNPS {with_}、非言及者 {without}"
        return f"; NPS {with_} among those mentioning it, {without} among others"
    gain = points(values["nps_gain"], lang, signed=True)
    if lang == "ja":
        return f"。NPSへの影響 {gain}（言及者 {with_}、非言及者 {without}）"
    return f"; NPS impact {gain} (NPS {with_} among those mentioning it, {without} among others)"


def _driver_items(
    table: pd.DataFrame, book: Playbook, lang: Language
) -> list[tuple[str, str, str]]:
    fix = table[table["quadrant"].astype("string").eq("fix_first").fillna(False).astype(bool)]
    fix = fix.sort_values("importance", ascending=False, kind="stable")
    average = pd.to_numeric(table["performance"], errors="coerce").mean()
    items: list[tuple[str, str, str]] = []
    for row in fix.itertuples(index=False):
        driver = book.driver_for(str(row.attribute))
        if driver is None:
            continue
        method = str(row.method)
        if lang == "ja":
            how = "相対重要度" if method == "relative_weights" else "相関係数"
            evidence = (
                f"キードライバー分析で「{row.label}」は重要度が高く評価が低い"
                f"（{how} {row.importance:.3f}、平均評価 {row.performance:.2f}、"
                f"全項目平均 {average:.2f}、n = {row.n}）"
            )
        else:
            how = "relative weight" if method == "relative_weights" else "correlation"
            evidence = (
                f"Key drivers: {row.label} matters much but rates low ({how} "
                f"{row.importance:.3f}, mean rating {row.performance:.2f} vs {average:.2f} "
                f"across attributes, n = {row.n})"
            )
        items.extend((driver, a.text(lang), evidence) for a in book.drivers[driver].actions)
    return items


def _general_items(
    seg: Segment,
    now: dict[str, float | None],
    before: dict[str, float | None] | None,
    book: Playbook,
    lang: Language,
) -> list[tuple[str, str, str]]:
    name = _seg_label(seg, lang)
    count = round(now[f"{seg}s"] or 0)
    n = round(now["n"] or 0)
    pct = now[f"pct_{seg}s"]
    change = ""
    if before is not None and pct is not None and before[f"pct_{seg}s"] is not None:
        diff = points(pct - (before[f"pct_{seg}s"] or 0.0), lang, signed=True)
        change = f"、前回比 {diff}" if lang == "ja" else f", {diff} vs previous"
    share = f"{pct:.1f}%" if pct is not None else "—"
    if lang == "ja":
        evidence = f"{name}{share}（回答{n}件中{count}人{change}）"
    else:
        evidence = f"{name} {share} ({count} of {n} responses{change})"
    actions = getattr(book.general, seg)
    return [("general", a.text(lang), evidence) for a in actions]
