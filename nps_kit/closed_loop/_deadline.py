"""When each detractor should be called back by (:func:`call_by`), and whether that has passed."""

from __future__ import annotations

import datetime as dt

import pandas as pd

from nps_kit._values import date_only
from nps_kit.closed_loop._reach import CALL_WITHIN_HOURS


def call_by(answered: pd.Series, *, now: dt.datetime | dt.date) -> tuple[pd.Series, pd.Series]:
    """Give each person's call-by time and whether it has already passed.

    Parameters
    ----------
    answered
        When each person answered (datetimes, wall clock at the unit's place).
    now
        The time to judge against, at the same place (naive; a date is its midnight).

    Returns
    -------
    tuple of pandas.Series
        The call-by times, :data:`CALL_WITHIN_HOURS` after the answers (the playbook's first
        action), and ``True`` where that time is before ``now`` (overdue); an unknown answer
        time is never overdue. An answer dated without a time (read as midnight,
        :func:`nps_kit._values.date_only`) may have come at any time of its day: its call-by is
        the end of the day :data:`CALL_WITHIN_HOURS` later (23:59:59), not up to 24 h early.
    """
    when = pd.to_datetime(answered, errors="coerce")
    due = when + pd.Timedelta(hours=CALL_WITHIN_HOURS)
    due = due.mask(date_only(when), due + pd.Timedelta(days=1) - pd.Timedelta(seconds=1))
    return due, (due < pd.Timestamp(now)).fillna(False).astype(bool)


def call_backs(
    answered: pd.Series,
    *,
    instants: pd.Series | None = None,
    now: dt.datetime | dt.date,
) -> pd.DataFrame:
    """Say by when each person is to be called back and whether that has passed: the one rule.

    The report's follow-up list (:meth:`FollowupList.call_backs`) and ``nps-kit alerts`` both
    ask this, so that the same person is overdue in both or in neither (FIX55: an export
    writing each hotel's own UTC offset, read in no zone, was judged at the written day in the
    report and at the instant in the alert e-mail). The call-by time is shown at the answer's
    own clock, as the answer is; whether it passed is judged at its instant.

    Parameters
    ----------
    answered
        When each person answered, at the clock the export wrote it in (naive).
    instants
        The same moments in UTC (naive, same index: :func:`nps_kit.clock.answer_instants`);
        ``None``: ``answered`` is at ``now``'s clock.
    now
        The moment to judge against: zone-aware with ``instants``; without them a naive time
        at the answers' clock, or a day (its midnight).

    Returns
    -------
    pandas.DataFrame
        ``call_by`` (:func:`call_by`: :data:`CALL_WITHIN_HOURS` after the answer, the end of
        the second day for an answer dated without a time) and ``overdue`` (bool; never for an
        unknown answer time), with the index of ``answered``.
    """
    when = pd.to_datetime(answered, errors="coerce")
    if instants is None:
        due, late = call_by(when, now=now)
    else:
        if not isinstance(now, dt.datetime) or now.tzinfo is None:
            raise ValueError(f"now must be a zone-aware time beside instants; found {now!r}")
        moment = now.astimezone(dt.UTC).replace(tzinfo=None)
        due, _ = call_by(when, now=moment)
        # The wait is the written clock's (a day written without a time waits to its end),
        # counted from the moment answered.
        passed = pd.to_datetime(instants, errors="coerce") + (due - when)
        late = (passed < pd.Timestamp(moment)).fillna(False).astype(bool)
    return pd.DataFrame({"call_by": due, "overdue": late.to_numpy(dtype=bool)}, index=when.index)
