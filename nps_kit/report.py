"""HTML building blocks that a report notebook displays.

Every function returns an :class:`IPython.display.HTML` object whose markup uses the ``nps-*``
CSS classes of the report template (``templates/nps_report/static/report.css``). All user and
data text is escaped with :func:`html.escape`, so a comment such as ``<script>`` stays text.

``publish_summary`` and ``read_summary`` live in :mod:`nps_kit.summary` and are imported here
for notebooks written against this module.
"""

from __future__ import annotations

import datetime as dt
import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from html import escape
from typing import Any, Literal, Protocol

import pandas as pd
from IPython.display import HTML

from nps_kit.i18n import (
    Language,
    change_points,
    interval_label,
    interval_text,
    join_interval,
    label,
    nps_text,
    number,
    phrase_breaks,
    points,
    shown_redactions,
    signed_number,
    t,
)
from nps_kit.score import TargetStatus, shown_diff, target_status
from nps_kit.summary import SUMMARY_MIME, publish_summary, read_summary

__all__ = [
    "CARD_COLUMNS",
    "SUMMARY_MIME",
    "ChangeLike",
    "NpsResultLike",
    "callout",
    "change_row",
    "comments",
    "headline",
    "kpi_row",
    "nobreak",
    "publish_summary",
    "read_summary",
    "recommendations",
    "small_sample_badge",
    "table",
]


CalloutKind = Literal["info", "warning", "action"]
Formatter = str | Callable[[Any], str]

_SEGMENTS = ("promoter", "passive", "detractor")
_VERDICTS = ("improvement", "decline", "no_change")
_CALLOUT_KINDS: tuple[CalloutKind, ...] = ("info", "warning", "action")


class NpsResultLike(Protocol):
    """What :func:`headline` reads from ``nps_kit.score.NpsResult``."""

    @property
    def n(self) -> int: ...  # noqa: D102
    @property
    def pct_promoters(self) -> float | None: ...  # noqa: D102
    @property
    def pct_passives(self) -> float | None: ...  # noqa: D102
    @property
    def pct_detractors(self) -> float | None: ...  # noqa: D102
    @property
    def nps(self) -> float | None: ...  # noqa: D102
    @property
    def ci_low(self) -> float | None: ...  # noqa: D102
    @property
    def ci_high(self) -> float | None: ...  # noqa: D102
    @property
    def small_sample(self) -> bool: ...  # noqa: D102


class ChangeLike(Protocol):
    """What :func:`headline` reads from ``nps_kit.score.Change``."""

    @property
    def diff(self) -> float | None: ...  # noqa: D102
    @property
    def ci_low(self) -> float | None: ...  # noqa: D102
    @property
    def ci_high(self) -> float | None: ...  # noqa: D102
    @property
    def verdict(self) -> str: ...  # noqa: D102


def _w(key: str, lang: Language, **values: object) -> str:
    return t(f"report.{key}", lang, **values)


def _check_lang(lang: str) -> Language:
    if lang not in ("ja", "en"):
        raise ValueError(f"lang must be 'ja' or 'en', got {lang!r}")
    return lang  # type: ignore[return-value]


def _missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


_NBSP = "\u00a0"
# A number followed by its unit: "+2.1ポイント", "−4.9 pts", "127件", "7か月", "1 response"
# ("20.1%" never breaks); months and one response as a fiscal year to date's reason says them.
_NUMBER_UNIT = re.compile(
    r"\d{4}-\d{2}-\d{2}"  # a date
    # a range of numbers, a group such as company size "201-1000" (QA22: "201-|1000" at 390 px)
    r"|(?<![\w.])\d+(?:,\d{3})*-\d+(?:,\d{3})*(?![\w.-])"
    r"|(?:n=)?[+−-]?\d[\d,]*(?:\.\d+)?"
    r"(?:[ \u00a0](?:ポイント|pts|件|人|名|responses?\b|months?\b)|ポイント|件|人|名|か月)"
)


def nobreak(escaped: str) -> str:
    """Keep every number with its unit on one line in already-escaped HTML text.

    Parameters
    ----------
    escaped
        HTML-escaped text, e.g. ``"前月比 +2.1 ポイント"``.

    Returns
    -------
    str
        The text with each number–unit pair in a ``<span class="nps-nb">`` (``white-space:
        nowrap``) and its space made non-breaking, so a line never ends between "+2.1" and
        "ポイント".
    """
    return _NUMBER_UNIT.sub(
        lambda m: '<span class="nps-nb">' + m.group(0).replace(" ", _NBSP) + "</span>", escaped
    )


# A short quoted term with the particles after it: 「済」などの, 「有意な変化なし」と (FIX39).
_QUOTED_TERM = re.compile(r"(?:「[^「」<>]{1,12}」)+(?:など|から|まで)?[のがをにはともで]?")


def keep_terms(escaped: str) -> str:
    """Keep each short quoted Japanese term with its particles on one line, in escaped HTML.

    Parameters
    ----------
    escaped
        HTML-escaped text, e.g. ``"日付のない「済」などの7人は…"``.

    Returns
    -------
    str
        The text with each quoted term of up to 12 characters, and the particles after it,
        in a ``<span class="nps-nb">``: at 390 px a line ended after 「済」 and the next began
        with などの (FIX39), which ``word-break: keep-all`` allows and a reader stumbles on.
    """
    return _QUOTED_TERM.sub(lambda m: f'<span class="nps-nb">{m.group(0)}</span>', escaped)


# A Japanese word: a run of kanji (非表示, 偽発見率) or of katakana (グループ). Longer runs
# (a compound of many words) may still wrap, or they would stick out of a phone's line.
_KANJI = "\u3400-\u9fff々〆ヶ"
_KATAKANA = "\u30a1-\u30faー"
_JA_WORD = re.compile(
    rf"(?<![{_KANJI}])[{_KANJI}]{{2,8}}(?![{_KANJI}])"
    rf"|(?<![{_KATAKANA}])[{_KATAKANA}]{{2,12}}(?![{_KATAKANA}])"
)
# What keep_words leaves alone: a tag, or a span nobreak or keep_terms already made.
_KEPT_OR_TAG = re.compile(r'(<span class="nps-nb">.*?</span>|<[^>]+>)')


def keep_words(escaped: str) -> str:
    """Keep each Japanese word on one line in escaped HTML (a callout's, a note's).

    Chromium's ``word-break: auto-phrase`` breaks Japanese between phrases, but its
    dictionary splits some compounds: at 390 px the demo's floor note ended a line with 非
    and began the next with 表示 (FIX64). A run of 2–8 kanji or 2–12 katakana is put in a
    ``<span class="nps-nb">``, so lines break between words in every browser (report.css
    breaks Japanese prose between characters where auto-phrase is not known).

    Parameters
    ----------
    escaped
        HTML-escaped text, perhaps with :func:`nobreak`'s spans.

    Returns
    -------
    str
        The text with its Japanese words kept whole; text without them as given.
    """
    return "".join(
        part
        if _KEPT_OR_TAG.fullmatch(part)
        else _JA_WORD.sub(lambda m: f'<span class="nps-nb">{m.group(0)}</span>', part)
        for part in _KEPT_OR_TAG.split(escaped)
    )


def _heading(text: str) -> str:
    """Escape a column heading, with ``<wbr>`` where it may wrap between Japanese phrases.

    Headings wrap so that a long one (「このテーマの批判者が中立者になった場合のNPS改善幅」) does
    not push the last columns out of sight; Japanese has no spaces to wrap at.
    """
    cuts = [0, *phrase_breaks(text), len(text)]
    return "<wbr>".join(escape(text[a:b]) for a, b in itertools.pairwise(cuts))


def _number(value: float | None, *, signed: bool = False, digits: int = 1) -> str:
    """Format a number with a true minus sign; missing values become an em dash."""
    if _missing(value):
        return "—"
    assert value is not None
    if signed:
        return signed_number(value, digits=digits, plus_zero=False)
    return number(value, digits=digits, grouped=True)


def _bound(value: float | None, *, significant: bool) -> str:
    """Format an interval bound; the bound that makes a change significant never reads 0.

    A significant change's interval excludes 0, so a bound of, say, 0.03 is shown as ``+0.03``
    rather than ``+0.0``, which would look like an interval touching 0 beside the verdict.
    """
    digits = 1
    if significant and value is not None and value != 0:
        while digits < 6 and round(value, digits) == 0:
            digits += 1
    return _number(value, signed=True, digits=digits)


def headline(
    result: NpsResultLike,
    change: ChangeLike | None,
    *,
    target: float | None,
    lang: str,
    period_label: str,
    comparison_label: str | None,
    compared_with: str | None = None,
) -> HTML:
    """Show the period's NPS: value, interval, n, change, gap to target and segment shares.

    Parameters
    ----------
    result
        The period's ``NpsResult`` (NPS in points, shares in percent). Its ``level`` (default
        0.95) names the interval.
    change
        ``compare(current, previous)`` as a ``Change``, or ``None`` when there is nothing to
        compare with (a ``Change`` with verdict ``"insufficient_data"`` shows the same way).
    target
        NPS target in points, or ``None`` for no target.
    lang
        ``"ja"`` or ``"en"``.
    period_label
        The period as readers see it, e.g. ``"2026年10月"`` (see ``i18n.format_period``).
    comparison_label
        What ``change`` compares with, e.g. ``"前月比"``; ``None`` uses the shared
        "vs previous month" label.
    compared_with
        The compared month and its NPS as readers see them, e.g. ``"2026年9月：+39.2ポイント"``,
        shown under the change's interval, which is labelled as the change's (BROWSE35: under
        the month it read as that month's interval); ``None`` shows none. The headline says
        the change once: a card row under it holds the other comparisons only (BROWSE31).

    Returns
    -------
    IPython.display.HTML
        A ``nps-headline`` block. A small sample shows a prominent ``nps-flag`` note.
    """
    lang_ = _check_lang(lang)
    parts = _nps_block(result, lang_, period_label)
    parts += [
        '<dl class="nps-headline__facts">',
        _change_fact(change, lang_, comparison_label or label("vs_previous", lang_), compared_with),
        _target_fact(result, target, lang_),
    ]
    parts.append("</dl>")
    parts.append(_segments(result, lang_))
    parts.append("</section>")
    return HTML("".join(parts))


def _nps_block(
    result: NpsResultLike, lang: Language, period_label: str, modifier: str = ""
) -> list[str]:
    """Open a headline block: its NPS with the interval and n, then a small sample's flag."""
    ci = _w(
        "ci_range",
        lang,
        ci=interval_label(getattr(result, "level", 0.95), lang),
        interval=join_interval(
            _number(result.ci_low, signed=True), _number(result.ci_high, signed=True), lang
        ),
    )
    modifier += " is-small-sample" if result.small_sample else ""
    parts = [
        f'<section class="nps-headline{modifier}">',
        '<div class="nps-headline__main">',
        f'<div class="nps-headline__label">{escape(label("nps", lang))}'
        f"{'・' if lang == 'ja' else ' · '}{escape(period_label)}</div>",
        f'<div class="nps-headline__value">{nps_text(result.nps)}</div>',
        f'<div class="nps-headline__meta">{nobreak(escape(ci))}<br>'
        f"{nobreak(escape(_w('responses', lang, n=f'{result.n:,}')))}</div>",
        "</div>",
    ]
    if result.small_sample:  # right under the number it qualifies
        parts.append(
            '<div class="nps-flag" role="note">'
            f"<strong>{escape(label('small_sample', lang))}</strong>"
            f"{escape(_w('small_sample_note', lang, n=f'{result.n:,}'))}</div>"
        )
    return parts


def year_to_date(
    result: NpsResultLike,
    change: ChangeLike | None,
    *,
    lang: str,
    period_label: str,
    comparison_label: str,
    compared_with: str | None = None,
) -> HTML:
    """Show the fiscal year to date as the headline shows its month: NPS, interval, n, change.

    Parameters
    ----------
    result
        The NPS of the fiscal year's months through the reporting month.
    change
        ``compare(result, same months a fiscal year before)``, or ``None`` when it is not shown.
    lang
        ``"ja"`` or ``"en"``.
    period_label
        The span as readers see it, ``"2026年度累計（4〜10月）"``
        (:meth:`nps_kit.periods.FiscalSpan.label`).
    comparison_label
        What ``change`` compares with, ``"前年度同期比"``.
    compared_with
        The earlier span and its NPS, ``"2025年度（4〜10月）：+12.0ポイント"``.

    Returns
    -------
    IPython.display.HTML
        A ``nps-headline nps-headline--fiscal`` block without target and shares (the month's).
    """
    lang_ = _check_lang(lang)
    parts = _nps_block(result, lang_, period_label, " nps-headline--fiscal")
    parts += [
        '<dl class="nps-headline__facts">',
        _change_fact(change, lang_, comparison_label, compared_with),
        "</dl></section>",
    ]
    return HTML("".join(parts))


def _change_fact(
    change: ChangeLike | None, lang: Language, what: str, compared_with: str | None = None
) -> str:
    if change is None or _missing(change.diff) or change.verdict == "insufficient_data":
        # The compared month's line says why ("November 2025: no responses"); the generic
        # note under it said it twice (BROWSE36).
        value, note = "—", "" if compared_with else escape(_w("no_comparison", lang))
    else:
        verdict = change.verdict
        if verdict not in _VERDICTS:
            raise ValueError(
                "change.verdict must be one of 'improvement', 'decline', 'no_change', "
                f"'insufficient_data', got {verdict!r}"
            )
        value = (
            f"{nobreak(escape(change_points(change.diff, lang)))}"
            f'<span class="nps-verdict nps-verdict--{escape(verdict)}">'
            f"{escape(label(verdict, lang))}</span>"
        )
        # Labelled as the change's, under the change: under the compared month's NPS it read
        # as that month's interval (BROWSE35).
        note = escape(
            _w(
                "change_ci_range",
                lang,
                ci=interval_label(getattr(change, "level", 0.95), lang),
                interval=join_interval(
                    _bound(change.ci_low, significant=verdict == "improvement"),
                    _bound(change.ci_high, significant=verdict == "decline"),
                    lang,
                ),
            )
        )
    month = (
        f'<small class="nps-headline__compared">{nobreak(escape(compared_with))}</small>'
        if compared_with
        else ""
    )
    shown_note = f'<small class="nps-headline__ci">{nobreak(note)}</small>' if note else ""
    return f"<div><dt>{escape(what)}</dt><dd>{value}{shown_note}{month}</dd></div>"


def change_row(
    changes: Sequence[tuple[str, ChangeLike | None, str | None]], *, lang: Language = "en"
) -> HTML:
    """Show the changes the headline does not, each as the headline shows its own.

    Parameters
    ----------
    changes
        ``(label, change, compared_with)`` per card, e.g. ``("vs same month last year", change,
        "October 2025: −10.6 pts")``: the change with its verdict beside it and its labelled
        interval under it, then the compared month's NPS on a line of its own (BROWSE36: a
        plain key-figure card put the verdict after the compared month's NPS, "October 2025:
        −10.6 pts · significant improvement", and showed no interval of the change).
    lang
        ``"en"`` or ``"ja"``.

    Returns
    -------
    IPython.display.HTML
        A ``nps-changes`` list of the same facts as the headline's change.
    """
    facts = "".join(_change_fact(c, lang, what, month) for what, c, month in changes)
    return HTML(f'<dl class="nps-headline__facts nps-changes">{facts}</dl>')


def _target_fact(result: NpsResultLike, target: float | None, lang: Language) -> str:
    what = escape(_w("gap", lang, target=label("target", lang)))
    if target is None:
        return (
            f"<div><dt>{what}</dt><dd>{escape(label('no_target', lang))}"
            f"<small>{escape(_w('no_target_note', lang))}</small></dd></div>"
        )
    note = _w("target_value", lang, value=points(target, lang))
    status: TargetStatus = target_status(result.nps, result.ci_low, result.ci_high, target)
    if status == "no_data" or result.nps is None:
        return f"<div><dt>{what}</dt><dd>—<small>{nobreak(escape(note))}</small></dd></div>"
    gap = shown_diff(result.nps, target)
    return (
        f"<div><dt>{what}</dt><dd>{nobreak(escape(points(gap, lang, signed=True)))}"
        f'<span class="nps-verdict nps-target--{status}">{escape(label(status, lang))}</span>'
        f"<small>{nobreak(escape(note))}</small></dd></div>"
    )


def _segments(result: NpsResultLike, lang: Language) -> str:
    shares = {
        "promoter": result.pct_promoters,
        "passive": result.pct_passives,
        "detractor": result.pct_detractors,
    }
    bar = "".join(
        f'<span class="nps-seg--{seg}" style="width:{share:.1f}%"></span>'
        for seg, share in shares.items()
        if not _missing(share)
    )
    legend = "".join(
        f'<li><span class="nps-dot nps-seg--{seg}"></span>{escape(label(seg, lang))}'
        f"{'' if lang == 'ja' else ' '}"
        f"<b>{_number(share)}{'' if _missing(share) else '%'}</b></li>"
        for seg, share in shares.items()
    )
    return (
        '<div class="nps-segments">'
        f'<div class="nps-segments__bar" aria-hidden="true">{bar}</div>'
        f'<ul class="nps-segments__legend">{legend}</ul></div>'
    )


def _cell_text(value: Any, formatter: Formatter | None, lang: Language) -> tuple[str, bool]:
    """Return (escaped text, is_missing) for one table cell."""
    if _missing(value):
        return "—", True
    if formatter is not None:
        text = formatter(value) if callable(formatter) else format(value, formatter)
        if _is_number(value) and text[:1] in ("-", "+") and not re.search(r"[1-9]", text):
            text = text[1:]  # -0.04 formatted "+.1f" is "-0.0": zero has no sign
        return escape(text.replace("-", "−") if _is_number(value) else text), False
    if isinstance(value, bool):
        return escape(_w("yes" if value else "no", lang)), False
    if isinstance(value, int) or (
        hasattr(value, "dtype") and getattr(value.dtype, "kind", "") in "iu"
    ):
        return _number(int(value), digits=0), False
    if _is_number(value):
        return _number(float(value)), False
    if isinstance(value, pd.Timestamp | dt.date):
        return escape(value.strftime("%Y-%m-%d")), False
    return escape(str(value)), False


#: A table with more columns than this reads as one card per row on a phone (report.css,
#: ``.nps-table--cards``); a narrower one fits 390 px as a table.
CARD_COLUMNS = 4


def small_sample_badge(
    lang: str, *, flag: Literal["small_sample", "few_mentions"] = "small_sample"
) -> str:
    """Return the small-sample badge that flags a row of a table, as HTML.

    The one marker of a group or unit under ``min_n`` responses in a table: :func:`table`
    puts it after a flagged row's first cell, the overview after a small unit's name.

    Parameters
    ----------
    lang
        ``"ja"`` or ``"en"``.
    flag
        ``"small_sample"`` (a group of few responses) or ``"few_mentions"`` (a theme few
        comments mention).

    Returns
    -------
    str
        A ``nps-badge`` span ("回答数少（参考値）" / "small sample").
    """
    return f'<span class="nps-badge">{escape(label(flag, _check_lang(lang)))}</span>'


def _is_number(value: Any) -> bool:
    return pd.api.types.is_number(value) and not isinstance(value, bool)


def folds_rest(total: int, first: int | None) -> bool:
    """Whether ``total`` rows shown ``first`` in view fold the others under a "show more" line.

    Only two or more: a fold for one row takes the room of the row it hides, so a single last
    row (a table's, a follow-up list's person) stays in view (BROWSE31). ``None`` shows all.
    """
    return first is not None and total > first + 1


def table(
    df: pd.DataFrame,
    *,
    columns: Mapping[str, str] | None = None,
    lang: str,
    formats: Mapping[str, Formatter] | None = None,
    flag_column: str | None = None,
    flag: Literal["small_sample", "few_mentions"] = "small_sample",
    intervals: Mapping[str, tuple[str, str]] | None = None,
    notes: Mapping[str, str] | None = None,
    first: int | None = None,
) -> HTML:
    """Show a frame as a clean, responsive table.

    Parameters
    ----------
    df
        The tidy table to show (its index is not shown).
    columns
        Which columns to show, in order, mapped to their headers. ``None`` shows every column
        (except ``flag_column``) under its own name.
    lang
        ``"ja"`` or ``"en"`` (for the small-sample badge and yes/no).
    formats
        Per column, a format spec (``".1f"``, ``",d"``) or a function returning the text.
        By default integers get thousands separators and floats one decimal.
    flag_column
        A boolean column; rows where it is true get a "small sample" badge after their first
        cell and muted text.
    flag
        The badge's words: ``"small_sample"`` (回答数少（参考値）) for a group of few
        responses, ``"few_mentions"`` (言及少（参考値）) for a theme few comments mention
        (JAREV: a theme of 28 mentions in a unit of 596 responses read 「回答数少」).
    intervals
        Per shown column, the ``(low, high)`` columns of its interval, written in the same cell
        on a second line (``+12.3`` over ``−2.0〜+25.1``). The figure and its interval then
        take one narrow column, so a phone shows them next to the answer without scrolling.
    notes
        Per shown column, a text column written in the same cell under the value, smaller
        (a phrase over an example comment): the pair reads as one, and a phone needs no
        column for the longer text.
    first
        Rows shown; the others follow, in their order and under the same header, in a
        ``<details>`` fold (collapsed, never dropped), when there are two or more of them.
        ``None`` shows every row.

    Returns
    -------
    IPython.display.HTML
        A ``nps-table`` inside a ``nps-table-wrap`` that scrolls sideways on narrow screens.
        Numeric columns are right-aligned and missing values show as ``—``.

    Raises
    ------
    KeyError
        If ``columns``, ``formats`` or ``flag_column`` names a column that ``df`` lacks.
    """
    lang_ = _check_lang(lang)
    shown = dict(columns) if columns is not None else {c: str(c) for c in df.columns}
    if columns is None and flag_column is not None:
        shown.pop(flag_column, None)
    spans = dict(intervals or {})
    under = dict(notes or {})
    wanted = [
        *shown,
        *(formats or {}),
        *([flag_column] if flag_column else []),
        *(c for pair in spans.values() for c in pair),
        *under.values(),
    ]
    missing = [c for c in wanted if c not in df.columns]
    if missing:
        raise KeyError(
            f"table: no column(s) {', '.join(map(repr, missing))} in the frame; "
            f"columns are {', '.join(map(repr, map(str, df.columns)))}"
        )
    numeric = {
        c: pd.api.types.is_numeric_dtype(df[c]) and not pd.api.types.is_bool_dtype(df[c])
        for c in shown
    }
    head = "".join(
        f'<th scope="col" class="{"is-num" if numeric[c] else "is-text"}">{_heading(h)}</th>'
        for c, h in shown.items()
    )
    # In a wide table each cell names its column, so that it reads as one card per row on a
    # phone (report.css, .nps-table--cards; QA22: 3 of 7 theme columns were off-screen at 390 px).
    labels = {c: escape(str(h), quote=True) for c, h in shown.items()}
    cards = len(shown) > CARD_COLUMNS
    badge = small_sample_badge(lang_, flag=flag)
    rows = []
    for record in df.to_dict("records"):
        flagged = bool(flag_column and not _missing(record[flag_column]) and record[flag_column])
        cells = []
        for i, column in enumerate(shown):
            text, is_na = _cell_text(record[column], (formats or {}).get(column), lang_)
            classes = ["is-num" if numeric[column] else "is-text"] + (["is-na"] if is_na else [])
            extra = badge if flagged and i == 0 else ""
            if column in spans and not is_na:
                low, high = (record[c] for c in spans[column])
                extra += _interval_cell(low, high, lang_)
            if column in under and not _missing(record[under[column]]):
                extra += f'<small class="nps-note">{escape(str(record[under[column]]))}</small>'
            content = f"{nobreak(text)}{extra}"
            if cards:  # the column's name beside the cell's content, on a phone
                cells.append(
                    f'<td class="{" ".join(classes)}" data-label="{labels[column]}">'
                    f'<div class="nps-table__value">{content}</div></td>'
                )
            else:
                cells.append(f'<td class="{" ".join(classes)}">{content}</td>')
        row_class = ' class="is-flagged"' if flagged else ""
        rows.append(f"<tr{row_class}>{''.join(cells)}</tr>")
    kind = "nps-table nps-table--cards" if cards else "nps-table"

    def wrapped(body: list[str]) -> str:
        return (
            f'<div class="nps-table-wrap"><table class="{kind}">'
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
        )

    if first is None or not folds_rest(len(rows), first):
        return HTML(wrapped(rows))
    more = escape(_w("more_rows", lang_, n=len(rows) - first))
    return HTML(
        wrapped(rows[:first])
        + f'<details class="nps-table__more"><summary>{more}</summary>'
        + wrapped(rows[first:])
        + "</details>"
    )


def _interval_cell(low: Any, high: Any, lang: Language) -> str:
    if _missing(low) or _missing(high):
        return ""
    text = interval_text(float(low), float(high), lang)
    return f'<small class="nps-ci">{escape(text)}</small>'


def comments(items: Sequence[str | tuple[str, str | None]], *, lang: str) -> HTML:
    """Show respondents' comments as a list of quotes.

    Parameters
    ----------
    items
        Comment texts, or ``(text, meta)`` pairs where ``meta`` is a short line shown under
        the quote (e.g. ``"スコア 3 · 2026-10-12"``) or ``None``.
    lang
        ``"ja"`` or ``"en"`` (for the "no comments" text).

    Returns
    -------
    IPython.display.HTML
        A ``nps-comments`` list, or a short "no comments" note when ``items`` is empty.
    """
    lang_ = _check_lang(lang)
    if not items:
        return HTML(f'<p class="nps-empty">{escape(_w("no_comments", lang_))}</p>')
    entries = []
    for item in items:
        text, meta = (item, None) if isinstance(item, str) else item
        meta_html = f'<div class="nps-comments__meta">{escape(meta)}</div>' if meta else ""
        shown = shown_redactions(str(text).strip(), lang_)
        entries.append(f"<li><blockquote>{escape(shown)}</blockquote>{meta_html}</li>")
    return HTML(f'<ul class="nps-comments">{"".join(entries)}</ul>')


def callout(text: str, *, kind: str = "info") -> HTML:
    """Show a highlighted note.

    Parameters
    ----------
    text
        The note; blank lines separate paragraphs.
    kind
        ``"info"`` (blue), ``"warning"`` (amber) or ``"action"`` (green).

    Returns
    -------
    IPython.display.HTML
        A ``nps-callout`` block.

    Raises
    ------
    ValueError
        If ``kind`` is not one of the three kinds.
    """
    if kind not in _CALLOUT_KINDS:
        raise ValueError(f"kind must be one of 'info', 'warning', 'action', got {kind!r}")
    paragraphs = [p.strip() for p in str(text).split("\n\n") if p.strip()]
    body = "".join(f"<p>{keep_words(nobreak(escape(p)))}</p>" for p in paragraphs)
    role = "note" if kind == "info" else "alert" if kind == "warning" else "note"
    return HTML(f'<div class="nps-callout nps-callout--{kind}" role="{role}">{body}</div>')


def kpi_row(items: Sequence[tuple[str, str | float | int | None, str | None]]) -> HTML:
    """Show a row of key figures (cards that wrap on narrow screens).

    Parameters
    ----------
    items
        ``(label, value, note)`` per card. Strings are shown as given; numbers are formatted
        (integers with thousands separators, floats with one decimal); ``note`` may be ``None``.

    Returns
    -------
    IPython.display.HTML
        A ``nps-kpis`` grid.
    """
    cards = []
    for name, value, note in items:
        if isinstance(value, str):
            shown = nobreak(escape(value))
        elif isinstance(value, int) and not isinstance(value, bool):
            shown = _number(value, digits=0)
        else:
            shown = _number(None if value is None else float(value))
        note_html = f'<div class="nps-kpi__note">{nobreak(escape(note))}</div>' if note else ""
        cards.append(
            f'<div class="nps-kpi"><div class="nps-kpi__label">{escape(name)}</div>'
            f'<div class="nps-kpi__value">{shown}</div>{note_html}</div>'
        )
    return HTML(f'<div class="nps-kpis">{"".join(cards)}</div>')


def _segment_key(segment: str) -> str | None:
    key = segment.strip().lower().removesuffix("s")
    return key if key in _SEGMENTS else None


def recommendations(
    items: Sequence[tuple[str, str, str | None]], *, lang: str, per_segment: int | None = None
) -> HTML:
    """Show segment strategies as cards.

    Parameters
    ----------
    items
        ``(segment, action, evidence)`` per card. ``segment`` is ``"promoter"``, ``"passive"``
        or ``"detractor"`` (shown with the shared label and colour) or any other text (shown
        as given); ``evidence`` may be ``None``.
    lang
        ``"ja"`` or ``"en"``.
    per_segment
        Cards shown of each segment, its first ones; the others, in their order, follow in a
        ``<details>`` fold (collapsed, never dropped). ``None`` shows every card.

    Returns
    -------
    IPython.display.HTML
        A ``nps-recs`` list, or a short "no recommendations" note when ``items`` is empty.
    """
    lang_ = _check_lang(lang)
    if not items:
        return HTML(f'<p class="nps-empty">{escape(_w("no_recommendations", lang_))}</p>')
    if per_segment is not None:
        seen: dict[str, int] = {}
        shown: list[tuple[str, str, str | None]] = []
        rest: list[tuple[str, str, str | None]] = []
        for item in items:
            seen[item[0]] = seen.get(item[0], 0) + 1
            (shown if seen[item[0]] <= per_segment else rest).append(item)
        if rest:
            more = escape(_w("more_recommendations", lang_, n=len(rest)))
            return HTML(
                recommendations(shown, lang=lang_).data
                + f'<details class="nps-recs__more"><summary>{more}</summary>'
                + recommendations(rest, lang=lang_).data
                + "</details>"
            )
    cards = []
    for segment, action, evidence in items:
        key = _segment_key(segment)
        name = label(key, lang_) if key else segment
        modifier = f" nps-rec--{key}" if key else ""
        evidence_html = (
            f'<p class="nps-rec__evidence"><b>{escape(_w("evidence", lang_))}</b>'
            f"{nobreak(escape(evidence))}</p>"
            if evidence
            else ""
        )
        cards.append(
            f'<li class="nps-rec{modifier}"><div class="nps-rec__segment">{escape(name)}</div>'
            f'<p class="nps-rec__action">{escape(action)}</p>{evidence_html}</li>'
        )
    return HTML(f'<ul class="nps-recs">{"".join(cards)}</ul>')
