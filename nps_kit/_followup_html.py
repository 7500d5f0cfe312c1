"""HTML of the detractor follow-up section: the urgency-sorted list and the loop's status.

The list is a table on wide screens and one card per person on phones (CSS only: every cell
carries its label in ``data-label``; reports have no scripts). The first rows are shown, the rest
sit in a ``<details>`` block: collapsed, never dropped. Every value is escaped.
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

import pandas as pd
from IPython.display import HTML

from nps_kit.closed_loop import FollowupList, LoopStatus
from nps_kit.i18n import Language

__all__ = ["FIRST_SCREEN", "followup_html", "loop_status_html"]

#: People shown before the "show the others" fold.
FIRST_SCREEN = 20

_WORDS: dict[str, dict[str, str]] = {
    "count_known": {
        "ja": "連絡を許可した批判者 {n} 人",
        "en": "{n} detractors allowed contact",
    },
    "count_unknown": {
        "ja": "批判者 {n} 人（連絡の同意は不明）",
        "en": "{n} detractors (consent to contact unknown)",
    },
    "consent_unknown": {
        "ja": "連絡の同意を示す列（columns.contact）が設定されていないため、"
        "同意の有無はわかりません。連絡する前に、同意を得ているか確認してください。",
        "en": "No consent column is configured (columns.contact), so whether these people "
        "agreed to be contacted is unknown. Check consent before contacting anyone.",
    },
    "none_known": {
        "ja": "連絡を許可した批判者はいません。",
        "en": "No detractor allowed contact.",
    },
    "none_unknown": {"ja": "この期間の批判者はいません。", "en": "No detractors in this period."},
    "order": {
        "ja": "緊急度順：スコアの低い順、同じスコアは回答の古い順です。"
        "経過日数はレポート作成日（{as_of}）時点の日数です。",
        "en": "Most urgent first: lowest score, then the oldest response. "
        "Age is counted in days to the report's generation date ({as_of}).",
    },
    "work_file": {
        "ja": "全員の一覧は作業用ファイル {csv} と {xlsx}（担当者・状況・連絡日・メモの列つき）"
        "にあります。",
        "en": "Everyone is also in the work files {csv} and {xlsx}, with owner, status, "
        "contacted_at and note columns for the team.",
    },
    "more": {"ja": "残り {n} 人を表示", "en": "Show the other {n}"},
    "response_id": {"ja": "回答ID", "en": "Response ID"},
    "date": {"ja": "回答日", "en": "Date"},
    "age_days": {"ja": "経過日数", "en": "Age"},
    "days": {"ja": "{n}日", "en": "{n} days"},
    "score": {"ja": "スコア", "en": "Score"},
    "themes": {"ja": "テーマ", "en": "Themes"},
    "comment": {"ja": "コメント", "en": "Comment"},
    "status": {"ja": "状況", "en": "Status"},
    "owner": {"ja": "担当者", "en": "Owner"},
    "loop_title": {
        "ja": "フォローアップの状況（{file}）",
        "en": "Follow-up status ({file})",
    },
    "close_rate": {"ja": "連絡率", "en": "Close rate"},
    "close_note": {
        "ja": "{total} 人中 {contacted} 人に連絡済み",
        "en": "{contacted} of {total} contacted",
    },
    "median": {"ja": "連絡までの日数（中央値）", "en": "Median days to contact"},
    "median_note": {
        "ja": "連絡日のわかる {n} 人から",
        "en": "from the {n} with a contact date",
    },
    "open": {"ja": "未対応", "en": "Still open"},
    "open_note": {"ja": "下の一覧", "en": "listed below"},
    "open_title": {"ja": "未対応の方（緊急度順）", "en": "Still open, most urgent first"},
    "people": {"ja": "{n} 人", "en": "{n}"},
}


def _w(key: str, lang: Language, **values: object) -> str:
    return _WORDS[key][lang].format(**values)


def _cell(value: object) -> str:
    if value is None or value is pd.NA or (isinstance(value, float) and value != value):
        return "—"
    text = str(value)
    return escape(text) if text != "" else "—"


def _table(rows: pd.DataFrame, columns: Sequence[tuple[str, str]], lang: Language) -> str:
    head = "".join(f'<th scope="col">{escape(name)}</th>' for _, name in columns)
    body = []
    for record in rows.to_dict("records"):
        cells = []
        for column, name in columns:
            value = record[column]
            if column == "age_days" and not pd.isna(value):
                text = escape(_w("days", lang, n=int(value)))
            else:
                text = _cell(value)
            kind = "is-num" if column in ("score", "age_days") else "is-text"
            cells.append(
                f'<td class="{kind} nps-followup__{column}" data-label="{escape(name)}">{text}</td>'
            )
        score = record.get("score")
        level = f" nps-followup--s{int(score)}" if score is not None and not pd.isna(score) else ""
        body.append(f'<tr class="nps-followup{level}">{"".join(cells)}</tr>')
    return (
        f'<div class="nps-table-wrap"><table class="nps-table nps-followups__table">'
        f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _folded(
    rows: pd.DataFrame, columns: Sequence[tuple[str, str]], lang: Language, first: int
) -> str:
    shown = _table(rows.head(first), columns, lang)
    rest = rows.iloc[first:]
    if len(rest):
        shown += (
            '<details class="nps-followups__more">'
            f"<summary>{escape(_w('more', lang, n=len(rest)))}</summary>"
            f"{_table(rest, columns, lang)}</details>"
        )
    return shown


def followup_html(
    followups: FollowupList,
    *,
    lang: Language,
    work_files: tuple[str, str] | None = None,
    first: int = FIRST_SCREEN,
) -> HTML:
    """Show every person of a follow-up list: count, order, consent, and the list itself.

    Parameters
    ----------
    followups
        The list (:func:`nps_kit.closed_loop.followup_list`).
    lang
        Report language.
    work_files
        File names of the CSV and XLSX work files, mentioned when given.
    first
        People shown before the fold; the others are in a ``<details>`` block.

    Returns
    -------
    IPython.display.HTML
        A ``nps-followups`` block.
    """
    known = followups.consent_known
    n = len(followups)
    parts = ['<div class="nps-followups">']
    if not known:
        parts.append(
            '<div class="nps-callout nps-callout--warning" role="alert">'
            f"<p>{escape(_w('consent_unknown', lang))}</p></div>"
        )
    if n == 0:
        parts.append(
            f'<p class="nps-empty">{escape(_w("none_known" if known else "none_unknown", lang))}'
            "</p></div>"
        )
        return HTML("".join(parts))
    count = _w("count_known" if known else "count_unknown", lang, n=f"{n:,}")
    notes = [_w("order", lang, as_of=followups.as_of.isoformat())]
    if work_files is not None:
        notes.append(_w("work_file", lang, csv=work_files[0], xlsx=work_files[1]))
    parts.append(
        '<div class="nps-callout nps-callout--action" role="note">'
        f"<p><strong>{escape(count)}</strong></p>"
        + "".join(f"<p>{escape(t)}</p>" for t in notes)
        + "</div>"
    )
    columns = [
        ("response_id", _w("response_id", lang)),
        ("date", _w("date", lang)),
        ("age_days", _w("age_days", lang)),
        ("score", _w("score", lang)),
        *followups.breakdowns,
        ("themes", _w("themes", lang)),
        ("comment", _w("comment", lang)),
    ]
    parts.append(_folded(followups.rows, columns, lang, first))
    parts.append("</div>")
    return HTML("".join(parts))


def loop_status_html(status: LoopStatus, *, lang: Language, first: int = FIRST_SCREEN) -> HTML:
    """Show the close rate, the median days to contact and the still-open list.

    Parameters
    ----------
    status
        From :func:`nps_kit.closed_loop.loop_status`.
    lang
        Report language.
    first
        Open people shown before the fold.

    Returns
    -------
    IPython.display.HTML
        A ``nps-loop`` block.
    """
    rate = "—" if status.close_rate is None else f"{status.close_rate:.1f}%"
    median = "—" if status.median_days is None else _w("days", lang, n=f"{status.median_days:g}")
    cards = [
        (
            _w("close_rate", lang),
            rate,
            _w("close_note", lang, total=status.total, contacted=status.contacted),
        ),
        (_w("median", lang), median, _w("median_note", lang, n=status.timed)),
        (_w("open", lang), _w("people", lang, n=len(status.open)), _w("open_note", lang)),
    ]
    kpis = "".join(
        f'<div class="nps-kpi"><div class="nps-kpi__label">{escape(a)}</div>'
        f'<div class="nps-kpi__value">{escape(b)}</div>'
        f'<div class="nps-kpi__note">{escape(c)}</div></div>'
        for a, b, c in cards
    )
    parts = [
        '<section class="nps-loop">',
        f"<h3>{escape(_w('loop_title', lang, file=status.source.name))}</h3>",
        f'<div class="nps-kpis">{kpis}</div>',
    ]
    if len(status.open):
        columns = [
            ("response_id", _w("response_id", lang)),
            ("date", _w("date", lang)),
            ("age_days", _w("age_days", lang)),
            ("score", _w("score", lang)),
            ("status", _w("status", lang)),
            ("owner", _w("owner", lang)),
            ("comment", _w("comment", lang)),
        ]
        parts.append(f"<h4>{escape(_w('open_title', lang))}</h4>")
        parts.append(_folded(status.open, columns, lang, first))
    parts.append("</section>")
    return HTML("".join(parts))
