"""The unit's run summary from what its page showed (:func:`summary`)."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from typing import Any

import pandas as pd

from nps_kit._same_comments import JOINERS, merge_same_comments
from nps_kit.analysis import FollowupAnalysis
from nps_kit.closed_loop import (
    FollowupList,
    LoopRefused,
    LoopStatus,
    still_open,
)
from nps_kit.score import (
    target_status,
)
from nps_kit.sections._common import _shown_change
from nps_kit.sections._headline import _shown_fiscal, _unreadable_summary
from nps_kit.sections._strategies import _calls_back
from nps_kit.summary import (
    Action,
    Change,
    Control,
    Excluded,
    FiscalYtd,
    Theme,
    TrendPoint,
    UnitSummary,
    UnreadComments,
    floor_summary,
    publish_summary,
)
from nps_kit.text.themes import ThemeBook
from nps_kit.unit import (
    Comparison,
    FiscalToDate,
    Headline,
    UnitData,
)


def _optional(value: Any) -> Any:
    return None if value is None or pd.isna(value) else value


def _control_fields(row: Mapping[Any, Any]) -> dict[str, Any]:
    """Return a trend row's control limits and signal (``above``/``below``/``None``)."""
    if "out_of_control" not in row:
        return {}
    return {
        "control_low": _optional(row.get("control_low")),
        "control_high": _optional(row.get("control_high")),
        "out_of_control": _optional(row.get("out_of_control")),
    }


def _summary_theme(
    row: Mapping[Any, Any],
    book: ThemeBook,
    *,
    nps_gain: float | None,
    detractors: int | None = None,
    mentions: int | None = None,
) -> Theme:
    """Turn one theme-table row into the summary's :class:`~nps_kit.summary.Theme`.

    Named in both languages and flagged as the report's table flags it, for the top themes and
    the improvement requests alike.
    """
    theme = str(row["theme"])
    # One row of the themes exactly the same comments carry (merge_same_comments) is named by
    # them all, in each language.
    ids = [str(x) for x in (row.get("themes") or (theme,))]
    return Theme(
        theme=row["theme"],
        label=row["label"],
        share=row["share"],
        nps_gain=nps_gain,
        detractors=detractors,
        label_ja=JOINERS["ja"].join(book.label(x, "ja") for x in ids),
        label_en=JOINERS["en"].join(book.label(x, "en") for x in ids),
        small_sample=bool(row.get("small_sample", False)),
        mentions=mentions,
    )


def _control_of(trend_rows: pd.DataFrame, period: str) -> Control | None:
    """Return the reporting month against the unit's control limits (e-mail, manifest)."""
    if "out_of_control" not in trend_rows.columns:
        return None
    month = trend_rows.loc[trend_rows["period"] == period]
    if month.empty:
        return None
    row = month.iloc[0]
    return Control(
        period=period,
        centre=_optional(row["control_centre"]),
        low=_optional(row["control_low"]),
        high=_optional(row["control_high"]),
        outside=_optional(row["out_of_control"]),
    )


def _published_change(c: Comparison, diff: float | None) -> Change:
    """Return a comparison as the summary publishes it, with the shown difference ``diff``."""
    return Change(
        vs=c.period,
        kind=c.kind,
        diff=diff,
        ci_low=c.change.ci_low,
        ci_high=c.change.ci_high,
        p_value=c.change.p_value,
        verdict=c.change.verdict,
        level=c.change.level,
        nps=c.result.nps,
    )


def _fiscal_summary(fiscal: FiscalToDate) -> FiscalYtd:
    """Return the fiscal year to date as published: its change as a month's (:class:`Change`)."""
    c, shown = fiscal.comparison, _shown_fiscal(fiscal)
    change = None if c is None or shown is None else _published_change(c, shown.diff)
    r, shown_ytd = fiscal.result, fiscal.unshown not in ("ytd_tells", "ytd_under_floor")
    return FiscalYtd(
        year=fiscal.span.year,
        first=fiscal.span.first,
        last=fiscal.span.last,
        named_by=fiscal.span.named_by,
        n=r.n,
        nps=r.nps if shown_ytd else None,
        ci_low=r.ci_low if shown_ytd else None,
        ci_high=r.ci_high if shown_ytd else None,
        small_sample=r.small_sample,
        change=change,
        counts=fiscal.counts,
        before_counts=fiscal.before_counts,
        unshown=fiscal.unshown,
        floor=fiscal.floor,
    )


def summary(
    unit: UnitData,
    head: Headline,
    trend_rows: pd.DataFrame | None = None,
    analysis: FollowupAnalysis | None = None,
    detractor_list: FollowupList | None = None,
    *,
    loop: LoopStatus | LoopRefused | None = None,
    target: float | None = None,
    contributors: Sequence[Mapping[str, Any]] = (),
    shown: Collection[str] | None = None,
    min_n: int | None = None,
    incomplete: pd.Timestamp | None = None,
    min_report_n: int | None = None,
) -> UnitSummary:
    """Build and publish the unit's summary for the runner's manifest and the e-mail.

    :meth:`Page.summary` calls it with what the report showed. ``contributors`` is
    :func:`change_drivers`' ``.value``, published as ``contributors``. What a report leaves
    out is left out of the summary too, so the overview and the e-mail show a dash: no trend
    or control limits without ``trend_rows``, no detractor count without ``detractor_list``,
    and with ``shown`` (the names of the sections shown) no top themes unless ``followups``
    is among them and no actions unless ``strategies`` is. ``min_n`` is the small-sample
    threshold the sections were shown with, published so the e-mail's trend names the same one.
    ``incomplete`` is the title's last response date of a month not complete yet
    (:func:`title`'s ``.value``), published as ``incomplete_through`` for the overview.
    ``loop`` is the returned status (:func:`followup_status`'s ``.value``): those it marks
    contacted are no longer counted as awaiting follow-up, and what it could not read (or why it
    was refused) is published as ``followup_warnings`` for the run's warnings.
    ``min_report_n`` is the anonymity floor the page was shown with: what it hides is not
    published either (:func:`nps_kit.summary.floor_summary`), as the notebook and the
    ``manifest.json`` beside the reports are read by whoever the folder is shared with.
    """
    result = head.result
    warnings: tuple[str, ...] = ()
    if isinstance(loop, LoopRefused):
        warnings, loop = (loop.message,), None
    elif loop is not None:
        warnings = loop.warnings
    changes = [_published_change(c, _shown_change(head, c).diff) for c in head.comparisons]
    change = changes[0] if changes else None
    fiscal = None if head.fiscal is None else _fiscal_summary(head.fiscal)
    themes: list[Theme] = []
    requests: list[Theme] = []
    unread: UnreadComments | None = None
    under: int | None = None
    over = 0
    scope: str | None = None
    actions: list[Action] = []
    if analysis is not None:
        if analysis.themes is not None and (shown is None or "followups" in shown):
            # The themes to act on: those some detractor complains about or asks to improve
            # (QA18: a theme with no such detractor was listed with "+0.0 points, 0 people").
            # Themes exactly the same comments carry are one, as in the report's table
            # (REVIEW33: the e-mail listed "Packaging +6.7, Delivery +6.7" beside its one row).
            ranked = (
                analysis.themes
                if analysis.ranked_tags is None
                else merge_same_comments(analysis.themes, analysis.ranked_tags, lang=unit.language)
            )
            top = ranked.loc[ranked["detractors"] > 0].head(3)
            # No top theme while themes under the floor hide their gain (every theme, FIX78, or
            # those a detractor may complain of beside themes over it none does, REVIEW35): the
            # e-mail and the overview say why, as the report does (impact_hidden,
            # impact_none_floor), not a bare dash read as "no complaint".
            mentioned = ranked.loc[pd.to_numeric(ranked["mentions"], errors="coerce") > 0]
            hidden = pd.to_numeric(mentioned["nps_gain"], errors="coerce").isna()
            if top.empty and hidden.any():
                under = next(q.min_report_n for q in analysis.questions if q.tags is not None)
                over = int((~hidden).sum())
            themes = [
                _summary_theme(
                    r, analysis.book, nps_gain=r["nps_gain"], detractors=int(r["detractors"])
                )
                for r in top.to_dict("records")
            ]
            scope = analysis.scope
            # Why there are no top themes when the comments ranked are mostly in a language no
            # pack reads: the report's sentence under that question (FIX78: the e-mail showed no
            # themes and the overview a bare "—").
            unread = next(
                (
                    q.unread
                    for q in analysis.questions
                    if q.unread is not None
                    and not (scope == "reasons" and q.question.asks == "improvement")
                ),
                None,
            )
            if analysis.requests is not None:
                # What the improvement question asked for, by how many asked (QA22: these
                # requests had outranked why detractors scored low).
                asked = analysis.requests.loc[analysis.requests["mentions"] > 0]
                asked = asked.sort_values("mentions", ascending=False, kind="stable").head(3)
                requests = [
                    _summary_theme(r, analysis.book, nps_gain=None, mentions=int(r["mentions"]))
                    for r in asked.to_dict("records")
                ]
        if shown is None or "strategies" in shown:
            # Once the returned file marks every listed detractor contacted, the playbook's
            # general detractor action (its first: contact them within 48 hours) is done
            # (QA22: the e-mail led with it beside "2 of 2 contacted").
            done = (
                detractor_list is not None
                and isinstance(loop, LoopStatus)
                and len(detractor_list) > 0
                and still_open(detractor_list, loop) == 0
            )
            # With detractors none of whom may be contacted, calling them back is no action
            # either: the list it points to is empty (QA26 #21, 小児科).
            # Nor is it on an anonymous form, whose list nobody can be called from (QA44).
            nobody = detractor_list is not None and (
                detractor_list.nobody_to_call or detractor_list.anonymous
            )
            actions = [
                Action(segment=r.segment, text=r.action, evidence=r.evidence)
                for r in analysis.recommendations
                if not ((done or nobody) and _calls_back(r))
                # "No detractors this period, so no advice is given" is no action to number in
                # the e-mail (QA26 #21); the report's strategy table still says it.
                and r.key != "no_data"
            ][:3]
    trend_rows = pd.DataFrame() if trend_rows is None else trend_rows
    data = UnitSummary(
        period=unit.period,
        n=result.n,
        nps=result.nps,
        ci_low=result.ci_low,
        ci_high=result.ci_high,
        pct_promoters=result.pct_promoters,
        pct_passives=result.pct_passives,
        pct_detractors=result.pct_detractors,
        small_sample=result.small_sample,
        min_n=min_n,
        incomplete_through=None if incomplete is None else f"{incomplete:%Y-%m-%d}",
        target=target,
        target_status=target_status(result.nps, result.ci_low, result.ci_high, target),
        change=change,
        changes=tuple(changes),
        fiscal_ytd=fiscal,
        contributors=tuple(dict(c) for c in contributors),
        trend=tuple(
            TrendPoint(
                period=r["period"],
                nps=r["nps"],
                ci_low=r["ci_low"],
                ci_high=r["ci_high"],
                n=int(r["n"]),
                small_sample=bool(r["small_sample"]),
                **_control_fields(r),
            )
            for r in trend_rows.to_dict("records")
        ),
        control=_control_of(trend_rows, unit.period),
        top_themes=tuple(themes),
        theme_scope=scope,
        top_requests=tuple(requests),
        unread_comments=unread,
        themes_under_floor=under,
        themes_over_floor=over,
        actions=tuple(actions),
        detractors_to_contact=None if detractor_list is None else still_open(detractor_list, loop),
        consent_known=None if detractor_list is None else detractor_list.consent_known,
        contact_basis=None
        if detractor_list is None
        else "anonymous"
        if detractor_list.anonymous
        else detractor_list.basis,
        detractors_contacted=None
        if detractor_list is None or loop is None
        else len(detractor_list) - still_open(detractor_list, loop),
        detractors_not_listed=None
        if detractor_list is None
        else detractor_list.declined + detractor_list.unreachable,
        excluded=Excluded(
            missing=int((unit.current["nps_status"] == "missing").sum()),
            invalid=int((unit.current["nps_status"] == "invalid").sum()),
        ),
        unreadable_dates=_unreadable_summary(unit),
        followup_warnings=warnings,
    )
    data = floor_summary(data, min_report_n)
    publish_summary(data)
    return data
