"""The detractors to alert: a unit's new responses since a moment, contactable, not alerted."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd

from nps_kit import clock
from nps_kit._values import date_only, has_time_of_day
from nps_kit.alerts._log import Alerted, response_key
from nps_kit.alerts._since import local_since
from nps_kit.closed_loop import (
    URGENCY,
    call_backs,
    consent_unknown_detractors,
    consent_unknown_words,
    contactable_detractors,
    date_not_answered,
)
from nps_kit.load import LoadResult, answer_keys, blank_ids, row_keys
from nps_kit.params import Breakdown, UnitParameters
from nps_kit.text.tokens import said
from nps_kit.unit import select_unit_rows


def _consent_unknown(unit: UnitParameters, n: int) -> str:
    """Say how many detractors were not alerted because their consent is unknown, and the fix.

    In the unit's language, with the report's contact line's words
    (:func:`nps_kit.closed_loop.consent_unknown_words`).
    """
    assert unit.columns.contact is not None
    column = unit.column(unit.columns.contact)
    return f"{unit.unit}: {consent_unknown_words(n, unit.language, column=column)}"


def new_detractors(
    unit: UnitParameters,
    loaded: LoadResult,
    *,
    source: Path,
    since: dt.datetime,
    already: Alerted,
    timed: bool | None = None,
    unknown_consent: bool = False,
) -> pd.DataFrame:
    """Return the unit's contactable detractors since ``since`` not yet alerted.

    Parameters
    ----------
    unit
        Validated parameters (``columns.id`` and ``columns.contact`` or
        ``columns.contact_details`` must be set: :func:`alerts_blocker`).
    loaded
        The export, as :func:`nps_kit.load.load_responses` read it with the unit's options;
        read with ``unfinished="exclude"``, the responses Qualtrics marks unfinished are left
        out, as the report leaves them out.
    source
        The export's path, for messages.
    since
        Keep responses dated at or after this moment (see :func:`local_since`).
    already
        The responses alerted before (:meth:`AlertLog.alerted`): by id and time, so a new
        response from an id alerted before is new.
    timed
        Whether the whole export's dates have a time of day
        (:func:`nps_kit._values.has_time_of_day`); ``None`` asks ``loaded``, which then must
        be the whole export, not the unit's rows alone.

    Returns
    -------
    pandas.DataFrame
        ``response_id`` (a blank id's row, ``#12``: :func:`nps_kit.load.row_keys`),
        ``response_key`` (:func:`response_key`, for the log), ``id_blank`` (whether
        ``response_id`` is that row), ``date``
        (``YYYY-MM-DD HH:MM``, or ``YYYY-MM-DD`` when the export's
        dates have no time of day), ``score``, one column per ``columns.contact_details``
        column (as the export writes it), one column per breakdown, ``comment`` (redacted when
        ``privacy.redact``) and ``call_by`` (``date`` plus
        :data:`~nps_kit.closed_loop.CALL_WITHIN_HOURS`, written the same way) with ``overdue``
        (whether that time has passed at the unit's place now), most urgent first; ``call_by``
        empty and ``overdue`` false when the date column is not when the answer was given
        (:func:`nps_kit.closed_loop.date_not_answered`: a check-out or visit day).
    """
    assert unit.columns.id is not None
    rows = select_unit_rows(
        loaded.data,
        column=unit.data.filter.column if unit.data.filter else None,
        values=unit.data.filter.selects if unit.data.filter else (),
        source=source,
    )
    if loaded.report.unfinished == "exclude":
        # data.unfinished: exclude leaves them out of the unit's figures, and its alerts too.
        rows = rows.loc[~rows["nps_finished"].astype("boolean").eq(False).fillna(False)]
    start = pd.Timestamp(local_since(since, unit))
    # A response dated without a time covers its whole day (QA21: 「令和8年12月4日」 read as
    # 00:00 fell before a daily --since 1d and was never alerted): compared by day.
    dates = rows["nps_date"]
    instants = _instants(unit, rows)
    # A date (--since 2026-11-01) is a day of the export's clock, as its times are written; a
    # duration (--since 12h) is a moment, compared with each time's instant (FIX48).
    when = dates if since.tzinfo is None else instants
    by_day = date_only(dates) & (dates >= start.normalize())
    rows = rows.loc[dates.notna() & ((when >= start) | by_day)]
    # columns.contact_details: the means to reach them; without a consent column, a detail
    # left is the respondent's request to be contacted (the work file's rule), so only those
    # who left one are alerted.
    # Each configured column read where the frame keeps it: an export's own 'segment' or
    # 'period' is 'segment (export)' there (FIX39: a consent column headed 'segment').
    frame = unit.frame_column
    details = {unit.column(c): frame(c) for c in unit.columns.contact_details}
    consent = unit.columns.contact
    if unknown_consent:
        # The detractors left out because their consent is unknown (FIX77: a 連絡不要 box left
        # blank read "no new detractors"): counted and said, never contacted.
        if consent is None:
            return rows.iloc[0:0]
        rows = consent_unknown_detractors(
            rows,
            contact_column=frame(consent),
            max_score=unit.alerts.max_score,
            words=unit.consent_words(),
        )
    else:
        rows = contactable_detractors(
            rows,
            contact_column=frame(consent) if consent is not None else None,
            details=list(details.values()),
            max_score=unit.alerts.max_score,
            words=unit.consent_words(),
        )
    ids = rows[frame(unit.columns.id)].map(_id_text)
    # A blank id is its row's (#12, load.row_keys, as the report and the work files name it):
    # left out as "", a score-0 detractor without a 回答ID was never alerted (REVIEW36: 5 of 23).
    blank = pd.Series(blank_ids(rows, frame(unit.columns.id)), index=rows.index)
    named = ids.where(~blank, row_keys(rows, frame(unit.columns.id)).astype(object))
    # ... but logged by what it answered (load.answer_keys): a row is no name that lasts, and
    # the export re-pulled in another order alerted it again (FIX88).
    written = frame(unit.columns.date) if unit.columns.date else None
    kept = ids.where(
        ~blank, answer_keys(rows, frame(unit.columns.id), date_column=written).astype(object)
    )
    where = clock.zone(unit.language, unit.timezone)
    comment = frame(unit.columns.comment) if unit.columns.comment is not None else None
    answers = _answers(rows, comment)
    # A log line written when such times were read as UTC (before FIX48) keys the instant;
    # one written before FIX88 keys a blank id by its row (#12) and its time.
    seen = pd.Series(
        [
            any(
                already.covers(i, d, where=where, answer=a)
                or (d != u and already.covers(i, u, where=where, answer=a))
                for i in ((k, n) if b else (k,))
            )
            for k, n, b, d, u, a in zip(
                kept, named, blank, rows["nps_date"], instants[rows.index], answers, strict=True
            )
        ],
        index=rows.index,
        dtype=bool,
    )
    rows = rows.loc[~seen]
    # Quoted as the report quotes it: "-", "n/a", "No" are no comment (QA25 A-3, B-2).
    texts = (
        said(rows[comment])
        if comment is not None and comment in rows.columns
        else pd.Series("", index=rows.index, dtype="string")
    )
    if unit.privacy.redact:
        from nps_kit.redact import redact

        texts = redact(texts).texts
    columns = {
        unit.column(c): frame(c)
        for c in (b.column if isinstance(b, Breakdown) else b for b in unit.breakdowns)
    }
    table = pd.DataFrame(
        {
            "response_id": named[rows.index],
            "response_key": [
                response_key(i, d, answer=a)
                for i, d, a in zip(
                    kept[rows.index], rows["nps_date"], answers[rows.index], strict=True
                )
            ],
            # The id cell was blank: response_id is the row (#12), and the alert says so.
            "id_blank": blank[rows.index],
            "date": rows["nps_date"],
            "score": rows["nps_score"].astype("Int64"),
            # Named as the parameters name them (the mail labels a detail by its header).
            **{c: rows[f].astype("string").fillna("") for c, f in details.items() if f in rows},
            **{c: rows[f].astype("string").fillna("") for c, f in columns.items() if f in rows},
            "comment": texts,
        }
    )
    # Oldest first by the moment answered, shown as written: 21:37 −05:00 comes after 03:07
    # +01:00 of the next day (REVIEW28 #4).
    keys = table[list(URGENCY)].assign(date=instants[table.index])
    table = table.loc[keys.sort_values(list(URGENCY), kind="stable").index]
    # Date-only exports are read as midnight: show their dates without a made-up 00:00.
    timed = has_time_of_day(loaded.data["nps_date"]) if timed is None else timed
    # The playbook's first action: call within CALL_WITHIN_HOURS of the response; already
    # past when the e-mail goes (a weekly --since, a late cron): said, not only dated. Shown
    # at the answer's clock, judged at its instant (the unit's now is UTC's without a zone).
    # One rule with the report's follow-up list (closed_loop.call_backs, FIX55).
    written = unit.frame_column(unit.columns.date) if unit.columns.date else None
    found = call_backs(
        table["date"],
        instants=clock.answer_instants(
            table["date"],
            rows.loc[table.index, written] if written in rows.columns else None,
            zone=clock.export_zone(unit.language, unit.timezone),
        ),
        now=clock.now(unit.language, unit.timezone),
    )
    due = found["call_by"]
    table["overdue"] = found["overdue"].to_numpy()
    # A date without a time among timed ones shows its day, not an invented 00:00 (QA21).
    whole_day = date_only(table["date"]).to_numpy()
    for column, stamps in (("date", table["date"]), ("call_by", due)):
        days = stamps.dt.strftime("%Y-%m-%d")
        if timed:  # with the zone they are wall-clock times in: "2026-11-25 22:12 JST"
            where = clock.zone(unit.language, unit.timezone)
            # Floored to seconds first: a warehouse extract's nanoseconds (pandas' own Parquet,
            # Snowflake TIMESTAMP(9)) made to_pydatetime warn once per unit, on every cron run.
            # No zone set: the export's own clock, never labelled "UTC" (QA25 B-4); a time
            # written with its offset is that offset's clock, as written (FIX48, QA26 #12).
            shown = not clock.zone_assumed(unit.language, unit.timezone)
            times = stamps.dt.floor("s").map(
                lambda d, where=where, shown=shown: clock.format_local_time(
                    d.to_pydatetime(), where, zone_shown=shown
                )
            )
            table[column] = times.where(~whole_day, days)
        else:
            table[column] = days
    # A date that is not when the answer came (a hotel's チェックアウト日): no call-by counted
    # from it, nor "overdue" (QA44), as in the report's follow-up list; the mail says why.
    if date_not_answered(loaded.report.date_column) is not None:
        table["call_by"] = ""
        table["overdue"] = False
    return table.reset_index(drop=True)


def _instants(unit: UnitParameters, rows: pd.DataFrame) -> pd.Series:
    """Return the rows' times as instants in the unit's clock, to compare with its "now".

    With a zone (:func:`nps_kit.clock.export_zone`) the dates are its wall clock, as "now" is.
    Without one they are the wall clocks the export wrote, each at the offset written with it,
    while the unit's "now" is UTC's: :func:`nps_kit.clock.utc_instants` (FIX48).
    """
    dates = rows["nps_date"]
    column = unit.frame_column(unit.columns.date) if unit.columns.date else None
    if column is None or column not in rows.columns:
        return dates
    if clock.export_zone(unit.language, unit.timezone) is not None:
        return dates
    return clock.utc_instants(dates, rows[column])


def export_offsets(unit: UnitParameters, loaded: LoadResult) -> bool:
    """Whether the unit's date column carries UTC offsets (:func:`nps_kit.clock.carries_offsets`).

    Without a zone such times are shown as the export wrote them, at their offset's clock
    (:func:`nps_kit.clock.export_zone`), and the alert says the offsets were written (QA26 #12).
    """
    column = unit.frame_column(unit.columns.date) if unit.columns.date else None
    if column is None or column not in loaded.data.columns:
        return False
    return clock.carries_offsets(loaded.data[column])


def _answers(rows: pd.DataFrame, comment: str | None) -> pd.Series:
    """Each response's score and comment as written, for :func:`response_key`'s hash."""
    scores = rows["nps_score"].astype("Float64").astype("string").fillna("")
    if comment is None or comment not in rows.columns:
        return scores
    return scores + "|" + rows[comment].astype("string").fillna("").str.strip()


def _id_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return "" if value is None or value is pd.NA or value != value else str(value).strip()
