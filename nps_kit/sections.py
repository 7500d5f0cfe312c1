"""Report sections: each function computes with the analysis layer, draws, and displays.

A report notebook calls one function per section, so the notebook stays a thin script that an
analyst can read and edit, while every number comes from :mod:`nps_kit.score`,
:mod:`nps_kit.unit` and :mod:`nps_kit.analysis`. Every function returns what it computed, so the
next cell (and the e-mail summary) can reuse it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import matplotlib.pyplot as plt
import pandas as pd
from IPython.display import HTML, display

from nps_kit import __version__, plot, report
from nps_kit.analysis import FollowupAnalysis
from nps_kit.drivers import quadrant_label
from nps_kit.i18n import Language, format_period, label, points
from nps_kit.score import distribution as score_distribution
from nps_kit.text import answered
from nps_kit.themes import representative_comments
from nps_kit.unit import (
    Headline,
    UnitData,
    breakdown_table,
    data_quality,
    detractor_followups,
    headline,
    incomplete_through,
    trend_table,
)

__all__ = [
    "breakdowns",
    "data_quality_section",
    "detractors",
    "distribution",
    "followups",
    "headline_section",
    "method",
    "strategies",
    "summary",
    "title",
    "trend",
]

_W: dict[str, dict[str, str]] = {
    "title": {"ja": "{name} NPSレポート", "en": "{name} NPS report"},
    "subtitle": {"ja": "{period}・作成日 {today}", "en": "{period} · generated {today}"},
    "incomplete": {
        "ja": "{period}は集計途中です（{date}までの回答）。",
        "en": "{period} is not complete: responses up to {date}.",
    },
    "last_year": {"ja": "前年同月比", "en": "vs same month last year"},
    "previous": {"ja": "前月比", "en": "vs previous month"},
    "shares_title": {
        "ja": "推奨者・中立者・批判者の構成比",
        "en": "Promoters, passives, detractors",
    },
    "distribution_title": {"ja": "スコア分布（{period}）", "en": "Score distribution ({period})"},
    "trend_title": {"ja": "月次NPSの推移（直近12か月）", "en": "Monthly NPS, last 12 months"},
    "breakdown_title": {"ja": "{label}別のNPS", "en": "NPS by {label}"},
    "breakdown_note": {
        "ja": "点は NPS、横線は95%信頼区間。白抜きは回答数{min_n}件未満（参考値）、"
        "{floor}件未満のグループは匿名性のため非表示です。",
        "en": "Dots show NPS, lines the 95% interval. Hollow dots: fewer than {min_n} "
        "responses (indicative); groups under {floor} responses are hidden for anonymity.",
    },
    "group": {"ja": "グループ", "en": "Group"},
    "n": {"ja": "回答数", "en": "Responses"},
    "nps_col": {"ja": "NPS", "en": "NPS"},
    "ci_low": {"ja": "下限", "en": "Low"},
    "ci_high": {"ja": "上限", "en": "High"},
    "answer": {"ja": "回答", "en": "Answer"},
    "option": {"ja": "選択肢", "en": "Option"},
    "share": {"ja": "回答者に占める割合（%）", "en": "Share of respondents (%)"},
    "share_promoters": {"ja": "推奨者での割合", "en": "Among promoters"},
    "share_detractors": {"ja": "批判者での割合", "en": "Among detractors"},
    "no_answer": {"ja": "（無回答）", "en": "(no answer)"},
    "ratings_title": {"ja": "評価項目の平均（セグメント別）", "en": "Mean ratings by segment"},
    "attribute": {"ja": "項目", "en": "Attribute"},
    "all": {"ja": "全体", "en": "All"},
    "drivers_title": {
        "ja": "推奨度への影響度と評価（重要度×満足度）",
        "en": "Key drivers: importance vs performance",
    },
    "drivers_note": {
        "ja": "重要度は {method}。「最優先で改善」は、推奨度への影響が大きいのに"
        "評価が平均より低い項目です。",
        "en": "Importance is {method}. 'Fix first': matters most to the score "
        "but rated below average.",
    },
    "method_rw": {
        "ja": "Johnson の相対的重要度（R² の配分）",
        "en": "Johnson's relative weights (each rating's share of R²)",
    },
    "method_corr": {"ja": "推奨度との相関係数", "en": "the correlation with the 0–10 score"},
    "quadrant": {"ja": "分類", "en": "Quadrant"},
    "importance": {"ja": "重要度", "en": "Importance"},
    "performance": {"ja": "平均評価", "en": "Mean rating"},
    "commenters": {"ja": "回答者 {n} 人がコメント", "en": "{n} respondents commented"},
    "themes_title": {
        "ja": "テーマ別：批判者が中立者になった場合のNPS改善幅",
        "en": "Themes: NPS gain if their detractors became passives",
    },
    "theme": {"ja": "テーマ", "en": "Theme"},
    "mentions": {"ja": "言及数", "en": "Mentions"},
    "nps_with": {"ja": "言及者のNPS", "en": "NPS (mentioning)"},
    "nps_without": {"ja": "非言及者のNPS", "en": "NPS (not mentioning)"},
    "nps_gain": {"ja": "改善余地（pt）", "en": "Gain (pts)"},
    "ci": {"ja": "95%信頼区間", "en": "95% interval"},
    "words_title": {
        "ja": "批判者と推奨者を分ける言葉",
        "en": "Words that separate detractors from promoters",
    },
    "voices": {"ja": "{segment}の声", "en": "Voices of {segment}"},
    "theme_voices": {"ja": "「{theme}」に関する批判者の声", "en": "Detractors on “{theme}”"},
    "no_detractors": {
        "ja": "連絡を希望した批判者はいません。",
        "en": "No detractor asked to be contacted.",
    },
    "detractor_count": {
        "ja": "連絡可能な批判者 {n} 人（新しい順、最大{limit}件）",
        "en": "{n} detractors allowed contact (newest first, up to {limit})",
    },
    "no_detractors_at_all": {"ja": "今月の批判者はいません。", "en": "No detractors this month."},
    "detractor_count_no_consent": {
        "ja": "批判者 {n} 人（新しい順、最大{limit}件）。連絡の可否を示す列がないため、"
        "連絡してよいかは不明です。",
        "en": "{n} detractors (newest first, up to {limit}). The export has no contact column, "
        "so whether they agreed to be contacted is unknown.",
    },
    "id": {"ja": "回答ID", "en": "Response ID"},
    "date": {"ja": "回答日", "en": "Date"},
    "score": {"ja": "スコア", "en": "Score"},
    "comment": {"ja": "コメント", "en": "Comment"},
    "item": {"ja": "項目", "en": "Item"},
    "value": {"ja": "値", "en": "Value"},
    "no_recommendation": {
        "ja": "提案できるデータがありません。",
        "en": "Not enough data for recommendations.",
    },
    "method_facts": {
        "ja": "信頼水準 {level}%・参考値の基準 回答数{min_n}件未満・非表示の基準 {floor}件未満・"
        "nps-kit {version}・作成 {now}",
        "en": "Confidence level {level}% · small-sample flag under {min_n} responses · "
        "hidden under {floor} responses · nps-kit {version} · generated {now}",
    },
}


def _w(key: str, lang: Language, **values: object) -> str:
    return _W[key][lang].format(**values)


def _show_figure() -> None:
    plt.show()


def title(unit: UnitData) -> None:
    """Show the report title: unit, period and generation date."""
    lang = unit.language
    today = dt.date.today().isoformat()
    display(
        HTML(
            '<header class="nps-title"><h1>'
            + _escape(_w("title", lang, name=unit.name))
            + "</h1><p>"
            + _escape(_w("subtitle", lang, period=format_period(unit.period, lang), today=today))
            + "</p>"
            + _incomplete_note(unit)
            + "</header>"
        )
    )


def _incomplete_note(unit: UnitData) -> str:
    last = incomplete_through(unit)
    if last is None:
        return ""
    period = format_period(unit.period, unit.language)
    note = _w("incomplete", unit.language, period=period, date=f"{last:%Y-%m-%d}")
    return f'<p class="nps-title__note" role="note">{_escape(note)}</p>'


def _escape(text: str) -> str:
    from html import escape

    return escape(text)


def headline_section(
    unit: UnitData,
    *,
    comparison: Sequence[str] = ("previous", "last_year"),
    target: float | None = None,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = 30,
) -> Headline:
    """Show the headline: NPS, interval, n, changes, gap to target and segment shares."""
    lang = unit.language
    head = headline(
        unit,
        comparisons=[c for c in ("previous", "last_year") if c in comparison],
        weight=weight,
        level=level,
        min_n=min_n,
    )
    first = head.comparisons[0] if head.comparisons else None
    display(
        report.headline(
            head.result,
            first.change if first else None,
            target=target,
            lang=lang,
            period_label=format_period(unit.period, lang),
            comparison_label=_w(first.kind, lang) if first else None,
        )
    )
    if len(head.comparisons) > 1:
        items = []
        for c in head.comparisons:
            value = points(c.change.diff, lang, signed=True) if c.change.diff is not None else None
            note = f"{format_period(c.period, lang)}: {points(c.result.nps, lang)} · " + label(
                c.change.verdict, lang
            )
            items.append((_w(c.kind, lang), value, note))
        display(report.kpi_row(items))
    rows = [_shares_row(format_period(unit.period, lang), head.result)]
    rows += [_shares_row(format_period(c.period, lang), c.result) for c in head.comparisons]
    plot.shares_bar(pd.DataFrame(rows), lang=lang, title=_w("shares_title", lang))
    _show_figure()
    return head


def _shares_row(name: str, result: Any) -> dict[str, Any]:
    return {
        "label": name,
        "n": result.n,
        "pct_promoters": result.pct_promoters,
        "pct_passives": result.pct_passives,
        "pct_detractors": result.pct_detractors,
        "nps": result.nps,
    }


def distribution(unit: UnitData) -> pd.DataFrame:
    """Show the 0–10 score distribution of the period, coloured by segment."""
    table = score_distribution(unit.current)
    lang = unit.language
    plot.score_distribution(
        table,
        lang=lang,
        title=_w("distribution_title", lang, period=format_period(unit.period, lang)),
    )
    _show_figure()
    return table


def trend(
    unit: UnitData,
    *,
    target: float | None = None,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = 30,
) -> pd.DataFrame:
    """Show monthly NPS for the last 12 months with intervals, n, target and small months."""
    table = trend_table(unit, weight=weight, level=level, min_n=min_n)
    plot.trend(
        table,
        target=target,
        min_n=min_n,
        lang=unit.language,
        title=_w("trend_title", unit.language),
    )
    _show_figure()
    return table


def breakdowns(
    unit: UnitData,
    dimensions: Sequence[str | Mapping[str, str]],
    *,
    weight: str | None = None,
    level: float = 0.95,
    min_n: int = 30,
    min_report_n: int = 5,
    top_n: int | None = 12,
) -> dict[str, pd.DataFrame]:
    """Show NPS with intervals by each dimension, best first, small groups flagged.

    Each chart shows the ``top_n`` largest groups and the rest as one "Other" group.
    """
    lang = unit.language
    out: dict[str, pd.DataFrame] = {}
    for dim in dimensions:
        column = dim if isinstance(dim, str) else dim["column"]
        name = column if isinstance(dim, str) else (dim.get("label") or column)
        table = breakdown_table(
            unit,
            column,
            weight=weight,
            level=level,
            min_n=min_n,
            min_report_n=min_report_n,
            top_n=top_n,
        )
        plot.breakdown(table, by=column, lang=lang, title=_w("breakdown_title", lang, label=name))
        _show_figure()
        out[column] = table
    display(report.callout(_w("breakdown_note", lang, min_n=min_n, floor=min_report_n)))
    return out


def strategies(unit: UnitData, analysis: FollowupAnalysis) -> None:
    """Show data-driven recommendations per segment, each with its evidence."""
    lang = unit.language
    items = [(r.segment, r.action, r.evidence) for r in analysis.recommendations]
    if not items:
        display(report.callout(_w("no_recommendation", lang)))
        return
    display(report.recommendations(items, lang=lang))


def followups(unit: UnitData, analysis: FollowupAnalysis) -> None:
    """Show every follow-up question: shares and NPS per answer, ratings, drivers, open text."""
    lang = unit.language
    first_text = True
    for result in analysis.questions:
        q = result.question
        display(HTML(f"<h3>{_escape(q.label)}</h3>"))
        if q.type in ("categorical", "multi"):
            _choice_table(result.table, q.type, lang)
        else:
            # Words that separate detractors from promoters answer "why that score", the first
            # open question; for later ones (what to improve) the contrast says little.
            _text_question(unit, result, lang, primary=first_text)
            first_text = False
    if analysis.ratings is not None:
        display(HTML(f"<h3>{_escape(_w('ratings_title', lang))}</h3>"))
        _ratings_table(analysis.ratings, lang)
    if analysis.drivers is not None and len(analysis.drivers):
        display(HTML(f"<h3>{_escape(_w('drivers_title', lang))}</h3>"))
        plot.driver_quadrant(analysis.drivers, lang=lang, title=_w("drivers_title", lang))
        _show_figure()
        method = analysis.drivers["method"].iloc[0]
        display(
            report.callout(
                _w(
                    "drivers_note",
                    lang,
                    method=_w("method_rw" if method == "relative_weights" else "method_corr", lang),
                )
            )
        )
        # An attribute whose importance is undefined (constant rating, too few answers) has no
        # quadrant: it shows as "—" instead of failing the whole section.
        shown = analysis.drivers.assign(
            quadrant=analysis.drivers["quadrant"].map(
                lambda q: quadrant_label(q, lang), na_action="ignore"
            )
        )
        display(
            report.table(
                shown,
                columns={
                    "label": _w("attribute", lang),
                    "importance": _w("importance", lang),
                    "performance": _w("performance", lang),
                    "quadrant": _w("quadrant", lang),
                },
                formats={"importance": ".3f", "performance": ".2f"},
                lang=lang,
            )
        )


def _choice_table(table: pd.DataFrame, kind: str, lang: Language) -> None:
    key = "answer" if kind == "categorical" else "option"
    shown = table.copy()
    if "missing" in shown.columns:
        missing = shown["missing"].fillna(False).astype(bool)
        shown = shown.loc[~missing | (shown["n"] > 0)]
        shown.loc[missing.loc[shown.index], key] = _w("no_answer", lang)
    display(
        report.table(
            shown,
            columns={
                key: _w(key, lang),
                "n": _w("n", lang),
                "share": _w("share", lang),
                "share_promoters": _w("share_promoters", lang),
                "share_detractors": _w("share_detractors", lang),
                "nps": _w("nps_col", lang),
                "ci_low": _w("ci_low", lang),
                "ci_high": _w("ci_high", lang),
            },
            formats={
                "share": ".1f",
                "share_promoters": ".1f",
                "share_detractors": ".1f",
                "nps": "+.1f",
                "ci_low": "+.1f",
                "ci_high": "+.1f",
            },
            flag_column="small_sample",
            lang=lang,
        )
    )


def _ratings_table(ratings: pd.DataFrame, lang: Language) -> None:
    wide = ratings.pivot_table(index="label", columns="segment", values="mean", sort=False)
    wide = wide.reindex(
        columns=[c for c in ("all", "promoter", "passive", "detractor") if c in wide.columns]
    )
    wide = wide.reset_index()
    names = {"label": _w("attribute", lang), "all": _w("all", lang)}
    names.update({s: label(s, lang) for s in ("promoter", "passive", "detractor")})
    display(
        report.table(
            wide,
            columns={c: names[c] for c in wide.columns},
            formats={c: ".2f" for c in wide.columns if c != "label"},
            lang=lang,
        )
    )


def _interval_text(low: pd.Series, high: pd.Series) -> list[str]:
    """Interval cells such as ``−12.0 〜 +3.5`` (``—`` when undefined)."""
    out = []
    for lo, hi in zip(low, high, strict=True):
        if pd.isna(lo) or pd.isna(hi):
            out.append("—")
        else:
            out.append(f"{lo:+.1f} – {hi:+.1f}".replace("-", "−"))
    return out


def _text_question(unit: UnitData, result: Any, lang: Language, *, primary: bool = True) -> None:
    display(report.callout(_w("commenters", lang, n=f"{result.commenters:,}")))
    impact = result.table
    if len(impact) and impact["mentions"].sum() > 0:
        shown = impact.loc[impact["mentions"] > 0].head(8)
        if primary:  # the chart for the first open question; later ones get the table only
            plot.theme_impact(shown, lang=lang, title=_w("themes_title", lang))
            _show_figure()
        shown = shown.assign(
            ci_with=_interval_text(shown["ci_with_low"], shown["ci_with_high"]),
            ci_without=_interval_text(shown["ci_without_low"], shown["ci_without_high"]),
        )
        display(
            report.table(
                shown,
                columns={
                    "label": _w("theme", lang),
                    "mentions": _w("mentions", lang),
                    "share_detractors": _w("share_detractors", lang),
                    "nps_with": _w("nps_with", lang),
                    "ci_with": _w("ci", lang),
                    "nps_without": _w("nps_without", lang),
                    "ci_without": _w("ci", lang),
                    "nps_gain": _w("nps_gain", lang),
                },
                formats={
                    "share_detractors": ".1f",
                    "nps_with": "+.1f",
                    "nps_without": "+.1f",
                    "nps_gain": "+.1f",
                },
                lang=lang,
            )
        )
    if primary and result.words is not None and len(result.words):
        plot.words(result.words, lang=lang, title=_w("words_title", lang))
        _show_figure()
    texts = unit.current[result.question.column].astype("string").str.strip()
    seg = unit.current["segment"]
    for segment in ("detractor", "passive", "promoter"):
        picked = representative_comments(texts[(seg == segment) & answered(texts)], k=3)
        if picked:
            display(HTML(f"<h4>{_escape(_w('voices', lang, segment=label(segment, lang)))}</h4>"))
            display(report.comments(picked, lang=lang))
    if result.tags is not None and len(impact):
        for theme in impact.loc[impact["mentions"] > 0, "theme"].head(3):
            hit = result.tags[theme].fillna(False).astype(bool) & (seg == "detractor")
            picked = representative_comments(texts[hit], k=2)
            if picked:
                name = impact.loc[impact["theme"] == theme, "label"].iloc[0]
                display(HTML(f"<h4>{_escape(_w('theme_voices', lang, theme=name))}</h4>"))
                display(report.comments(picked, lang=lang))


def detractors(
    unit: UnitData,
    *,
    id_column: str | None,
    comment_column: str | None,
    contact_column: str | None,
    limit: int = 50,
) -> pd.DataFrame:
    """Show the period's detractors who allowed contact, newest first.

    Without a contact column every detractor is listed and the caption says that consent is
    unknown; without an id column the row number in the file is the id.
    """
    lang = unit.language
    # One pass over the period: the whole list is returned (the count and the e-mail summary
    # need it), the first ``limit`` rows are shown.
    total = detractor_followups(
        unit,
        id_column=id_column,
        comment_column=comment_column,
        contact_column=contact_column,
        limit=len(unit.current),
    )
    if total.empty:
        empty = "no_detractors" if contact_column is not None else "no_detractors_at_all"
        display(report.callout(_w(empty, lang)))
        return total
    table = total.head(limit)
    caption = "detractor_count" if contact_column is not None else "detractor_count_no_consent"
    display(report.callout(_w(caption, lang, n=len(total), limit=limit), kind="action"))
    display(
        report.table(
            table,
            columns={
                "id": _w("id", lang),
                "date": _w("date", lang),
                "score": _w("score", lang),
                "comment": _w("comment", lang),
            },
            lang=lang,
        )
    )
    return total


def data_quality_section(unit: UnitData, *, id_column: str | None = None) -> pd.DataFrame:
    """Show rows read, excluded (missing, invalid), duplicates, date range and source."""
    table = data_quality(unit, id_column=id_column)
    lang = unit.language
    display(
        report.table(
            table, columns={"item": _w("item", lang), "value": _w("value", lang)}, lang=lang
        )
    )
    return table


def method(unit: UnitData, *, level: float = 0.95, min_n: int = 30, min_report_n: int = 5) -> None:
    """Show thresholds, version and generation time (the definitions are in markdown)."""
    now = dt.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    display(
        report.callout(
            _w(
                "method_facts",
                unit.language,
                level=round(level * 100),
                min_n=min_n,
                floor=min_report_n,
                version=__version__,
                now=now,
            )
        )
    )


def summary(
    unit: UnitData,
    head: Headline,
    trend_rows: pd.DataFrame,
    analysis: FollowupAnalysis | None,
    detractor_list: pd.DataFrame,
    *,
    target: float | None = None,
) -> dict[str, Any]:
    """Build and publish the unit's summary for the runner's manifest and the e-mail."""
    result = head.result
    first = head.comparisons[0] if head.comparisons else None
    change = None
    if first is not None:
        change = {
            "vs": first.period,
            "kind": first.kind,
            "diff": first.change.diff,
            "ci_low": first.change.ci_low,
            "ci_high": first.change.ci_high,
            "p_value": first.change.p_value,
            "verdict": first.change.verdict,
        }
    themes: list[dict[str, Any]] = []
    actions: list[dict[str, Any]] = []
    if analysis is not None:
        if analysis.themes is not None:
            top = analysis.themes.loc[analysis.themes["mentions"] > 0].head(3)
            themes = [
                {
                    "theme": r["theme"],
                    "label": r["label"],
                    "share": r["share"],
                    "nps_gain": r["nps_gain"],
                }
                for r in top.to_dict("records")
            ]
        actions = [
            {"segment": r.segment, "text": r.action, "evidence": r.evidence}
            for r in analysis.recommendations[:3]
        ]
    data = {
        "period": unit.period,
        "n": result.n,
        "nps": result.nps,
        "ci_low": result.ci_low,
        "ci_high": result.ci_high,
        "pct_promoters": result.pct_promoters,
        "pct_passives": result.pct_passives,
        "pct_detractors": result.pct_detractors,
        "small_sample": result.small_sample,
        "target": target,
        "change": change,
        "trend": [
            {
                "period": r["period"],
                "nps": r["nps"],
                "ci_low": r["ci_low"],
                "ci_high": r["ci_high"],
                "n": int(r["n"]),
                "small_sample": bool(r["small_sample"]),
            }
            for r in trend_rows.to_dict("records")
        ],
        "top_themes": themes,
        "actions": actions,
        "detractors_to_contact": len(detractor_list),
        "excluded": {
            "missing": int((unit.current["nps_status"] == "missing").sum()),
            "invalid": int((unit.current["nps_status"] == "invalid").sum()),
        },
    }
    report.publish_summary(data)
    return data
