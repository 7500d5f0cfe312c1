"""The detractors to contact, the loop's status and how reachable the respondents are."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from functools import partial
from pathlib import Path

from nps_kit import clock
from nps_kit._contact_rule import frame_contact_rule
from nps_kit._followup_html import FIRST_SCREEN, followup_html, loop_status_html
from nps_kit._section_result import SectionResult, _Publish
from nps_kit.analysis import FollowupAnalysis
from nps_kit.closed_loop import (
    LoopRefused,
    LoopStatus,
    alerts_need,
    consent_unknown_detractors,
    consent_unknown_words,
    followup_list,
    loop_status,
    other_date_label,
    respondent_themes,
)
from nps_kit.errors import DataError
from nps_kit.followup_files import publish_followups, read_status_file, work_files
from nps_kit.i18n import (
    join_names,
    t,
)
from nps_kit.sections._common import _now
from nps_kit.sections._followups import _themes_by_answer
from nps_kit.unit import (
    UnitData,
)


def detractors(
    unit: UnitData,
    *,
    id_column: str | None,
    comment_column: str | None,
    contact_column: str | None,
    contact_details: Sequence[str] = (),
    breakdowns: Sequence[str | Mapping[str, str]] = (),
    analysis: FollowupAnalysis | None = None,
    unit_id: str | None = None,
    first: int = FIRST_SCREEN,
    timezone: str | None = None,
    status: LoopStatus | LoopRefused | None = None,
    now: dt.datetime | None = None,
) -> SectionResult:
    """List every contactable detractor of the period, most urgent first, to show and publish.

    Ages count to today (the generation date) in ``timezone`` (default: by the unit's
    language, as :func:`title`); ``now`` is when the report is made (default: the current
    time), against which each call-back is judged at the answer's instant, as ``nps-kit
    alerts`` judges it (:func:`nps_kit.closed_loop.call_backs`). The first ``first`` people
    are shown, the others in a collapsed block; showing the section also hands the whole list
    to the runner, which writes it to ``<unit_id>_followups.csv/.xlsx``. ``.value`` is the
    :class:`~nps_kit.closed_loop.FollowupList` (see :func:`nps_kit.closed_loop.followup_list`),
    ``.tables["followups"]`` its rows. ``status`` is :func:`followup_status`'s ``.value``: the
    people the returned file marks contacted are shown as contacted, with the day, instead of
    a call-by date (QA22: they read "Call by 2026-11-25 (overdue)"). ``contact_details`` are
    the unit's ``columns.contact_details``: without a consent column, those who left a way to
    reach them are listed, as ``nps-kit alerts`` alerts them (one rule:
    :func:`nps_kit.closed_loop.contactable_detractors`); their details never enter the report.
    """
    themes = None
    if analysis is not None and analysis.tags is not None and analysis.themes is not None:
        labels = dict(zip(analysis.themes["theme"], analysis.themes["label"], strict=True))
        texts = [q for q in analysis.questions if q.tags is not None]
        if any(q.question.column == comment_column for q in texts):
            # The shown comment's themes, then each other answer's under its question's label:
            # a theme from an answer the card does not show could not be traced (QA18: 会費が
            # 高い listed with usability, from the improvement answer).
            themes = _themes_by_answer(
                texts, comment_column, labels, unit.language, polarity=analysis.polarity
            )
        else:
            themes = respondent_themes(
                analysis.tags, labels, polarity=analysis.polarity, lang=unit.language
            )
    made = now or _now(unit.language, timezone)
    found = followup_list(
        unit,
        id_column=id_column,
        comment_column=comment_column,
        contact_column=contact_column,
        details=contact_details,
        breakdowns=breakdowns,
        themes=themes,
        as_of=made.astimezone(clock.zone(unit.language, timezone)).date(),
        now=made,
    )
    files = None
    if unit_id is not None:
        paths = work_files(Path(), unit_id)
        files = (paths.csv.name, paths.xlsx.name)
    parts = (
        followup_html(
            found,
            lang=unit.language,
            work_files=files,
            first=first,
            # Only where `nps-kit alerts` can work: the check alerts' blocker makes, shared
            # (FIX30: the date column was checked there only).
            alerts=alerts_need(
                id_column=id_column,
                date_column=unit.load.date_column,
                contact_column=contact_column,
                details=contact_details,
            )
            is None,
            status=status,
        ),
        _Publish(partial(publish_followups, found)),
    )
    return SectionResult("detractors", value=found, tables={"followups": found.rows}, parts=parts)


def followup_status(
    unit: UnitData,
    status_file: str | Path | None,
    *,
    id_column: str | None,
    comment_column: str | None,
    timezone: str | None = None,
    contact_column: str | None = None,
    contact_details: Sequence[str] = (),
    over_list: bool = False,
) -> SectionResult:
    """Measure how the team followed up a returned list: close rate, median days, who is open.

    Nothing is shown without a status file (``closed_loop.status_file`` in the parameters).
    Open people's ages count to today in ``timezone`` (default: by the unit's language); dates
    the team typed as ``3/12/2026`` are read in the order the unit's readers write them
    (:func:`nps_kit.clock.date_order`). A file that cannot be used never fails the report:
    the box says what is wrong and what to do, in the unit's language and with the file's own
    column names (連絡日). Without such a zone, dates that read both ways and nothing in the file
    decides (3/4/2026, re-saved by Excel) are read in the order the unit reads its export's dates
    (``data.date_format``, or detected), and the box says so. A date typed without a year
    (12月4日, 12/3) is read in the weeks up to today when only one date fits, else the box asks
    for the year. ``.value`` is the
    :class:`~nps_kit.closed_loop.LoopStatus` (its ``warnings`` name each unreadable cell), a
    :class:`~nps_kit.closed_loop.LoopRefused`, or ``None`` without a file. With ``over_list``
    the close rate is over the period's follow-up list (as :func:`detractors` lists it with
    ``contact_column`` and ``contact_details``), the listed people the file leaves out being
    still open, as the e-mail counts them (QA26); without it, over the file's rows.
    """
    if status_file is None:
        return SectionResult("followup_status")
    path = Path(status_file)
    lang = unit.language
    try:
        today = _now(lang, timezone).date()
        read = read_status_file(
            path,
            date_order=clock.date_order(lang, timezone),
            export_order=unit.load.date_order,
            today=today,
        )
        status: LoopStatus | LoopRefused = loop_status(
            read.rows,
            unit.responses,
            source=path,
            id_column=id_column,
            comment_column=comment_column,
            redact=unit.redacted,
            as_of=today,
            warnings=read.warnings(lang),
            order_note=read.order_note(lang),
            lang=lang,
            listed=followup_list(
                unit,
                id_column=id_column,
                comment_column=comment_column,
                contact_column=contact_column,
                details=contact_details,
                as_of=today,
            ).rows["response_id"]
            if over_list
            else None,
        )
    except DataError as err:
        status = LoopRefused(source=path, message=str(err))
    return SectionResult(
        "followup_status",
        value=status,
        parts=(
            loop_status_html(
                status, lang=lang, rows=id_column is None, date_label=other_date_label(unit)
            ),
        ),
    )


def contact_quality(
    unit: UnitData, *, contact_column: str | None, details: Sequence[str] = ()
) -> dict[str, str] | None:
    """Return the data-quality row of the period's responses that allowed contact, or ``None``.

    Read by the one contact rule (:func:`nps_kit._contact_rule.frame_contact_rule`), as
    ``run`` and ``alerts`` read it: a yes in ``columns.contact`` (a "Do not contact" column's
    no, its answers listed reversed, says so), or without one a way to reach them left in
    ``columns.contact_details``. ``None`` when consent is unknown or the settings do not fit
    the rows (``run`` refuses such a unit before any report).
    """
    rule = frame_contact_rule(
        unit.responses, contact=contact_column, details=details, words=unit.consent
    )
    if not rule.known or rule.problem is not None:
        return None
    lang = unit.language
    n = f"{len(rule.contactable(unit.current, max_score=10)):,}"
    if rule.column is None:
        return {"item": t("quality.contact_details", lang), "value": n}
    if rule.reversed:
        quoted = (f"「{w}」" if lang == "ja" else f"'{w}'" for w in sorted(rule.words.yes))
        grants = join_names(quoted, lang)
        n += t("quality.contact_reversed", lang, answers=grants)
    # Detractors whose consent is unknown (a box left blank) are left off the call-back list:
    # how many, and what would decide it (FIX77).
    unknown = len(
        consent_unknown_detractors(unit.current, contact_column=rule.column, words=rule.words)
    )
    if unknown:
        n += consent_unknown_words(unknown, lang)
    return {"item": t("quality.contact", lang, column=rule.column), "value": n}
