"""Check, before any kernel starts, that a unit has rows in the export and in its month.

``nps-kit run`` reads each export into its cache first (:mod:`nps_kit.cache`); the unit key and
date columns of that cache say which units and months exist. A unit whose ``data.filter``
matches no row, or that has no response in the month asked, is the user's mistake (a typo, a
month not exported yet): refused here with what the data has, not found by a notebook that fails
at cell 3 and leaves a ``_failed/`` notebook and an empty period in the overview. So is a month
still running (``--period current`` on the 4th) with fewer scored responses than a group needs
to be shown (``thresholds.min_report_n``): its "NPS" would be one or two patients' answers,
which a manager reads as the month's result (QA20).
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

import pandas as pd

from nps_kit import clock
from nps_kit._contact_rule import unit_contact_rule
from nps_kit._refusal import NO_RESPONSES_IN, NO_ROWS_WITH, SO_FAR, reason_text
from nps_kit._schema_errors import display
from nps_kit.cache import UNIT_KEY, ExportCache, normalise_key
from nps_kit.errors import ConfigError, closest
from nps_kit.i18n import Language, join_names, t
from nps_kit.params import UnitParameters
from nps_kit.periods import month_running, shift_period
from nps_kit.unit import consent_unread

__all__ = [
    "NO_RESPONSES",
    "NO_RESPONSES_YET",
    "NO_ROWS",
    "ExportRows",
    "UnitRefused",
    "check_unit_rows",
    "consent_warning",
    "contact_details_warning",
]

NO_ROWS = "data.filter.values"
NO_RESPONSES = "period"
#: The reason of a unit whose filter matches no row yet (a new store): no data, not an error.
NO_RESPONSES_YET = "no responses yet"


class UnitRefused(ConfigError):
    """A unit refused before any kernel started (:func:`check_unit_rows`).

    Attributes
    ----------
    reason
        The refusal in a few words, for the run's summary table (``no row has plan = 'free';
        did you mean 'Free'?``); the message says it all, with the values the export has.
    period
        The month the unit was refused for (``YYYY-MM``): the overview of that month says
        its report was not rebuilt, and why.
    responses
        For a month to date refused for too few responses: how many it has (else ``None``).
    min_report_n
        For that refusal, the threshold it is under.
    reason_key, reason_args
        The reason's catalogue key and arguments (:mod:`nps_kit._refusal`), recorded in the
        manifest so that ``send`` says it in its reader's language; ``None`` and ``{}`` for a
        reason no key words (the contact rule's).
    """

    def __init__(
        self,
        message: str,
        *,
        reason: str,
        hint: str,
        path: Path | None,
        key: str,
        period: str,
        responses: int | None = None,
        min_report_n: int | None = None,
        reason_key: str | None = None,
        reason_args: Mapping[str, Any] | None = None,
    ) -> None:
        self.reason = reason
        self.reason_key = reason_key
        self.reason_args = dict(reason_args or {})
        self.period = period
        self.responses = responses
        self.min_report_n = min_report_n
        super().__init__(message, hint=hint, path=path, key=key)


@dataclass(frozen=True)
class ExportRows:
    """The units and months of one export's cache.

    Attributes
    ----------
    months
        One row per unit key and month present: ``key`` (the normalised unit value, ``""``
        when the cache is not grouped by unit), ``month`` (``YYYY-MM``, missing for rows
        without a readable date) and ``scored`` (rows with a 0–10 score).
    dated
        Whether the export has a date column.
    cache
        The cache read.
    """

    months: pd.DataFrame
    dated: bool
    cache: ExportCache

    @classmethod
    def read(cls, cache: ExportCache) -> ExportRows:
        """Read the unit key, date and unit columns of ``cache`` (not the rest)."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        names = set(pq.read_schema(cache.path).names)
        dated = "nps_date" in names
        wanted = [c for c in (UNIT_KEY, "nps_date", "nps_score") if c in names]
        table = pq.read_table(cache.path, columns=wanted)
        # Grouped in Arrow: a million rows become a few thousand (unit, month) pairs at once.
        n = table.num_rows
        keys = table[UNIT_KEY] if UNIT_KEY in names else pa.array([""] * n)
        if dated:
            date = table["nps_date"]
            stamp = pc.add(pc.multiply(pc.year(date), 100), pc.month(date))
        else:
            stamp = pa.nulls(n, pa.int64())
        scored = (
            pc.cast(pc.is_valid(table["nps_score"]), pa.int64())
            if "nps_score" in names
            else pa.array([0] * n, pa.int64())
        )
        pairs = (
            pa.table({"key": keys, "stamp": stamp, "scored": scored})
            .group_by(["key", "stamp"])
            .aggregate([("scored", "sum")])
        ).to_pandas()
        pairs = pairs.rename(columns={"scored_sum": "scored"})
        pairs["key"] = pairs["key"].astype(str)  # dictionary-encoded in the cache: categorical
        pairs["month"] = [
            None if pd.isna(s) else f"{int(s) // 100:04d}-{int(s) % 100:02d}"
            for s in pairs["stamp"]
        ]
        return cls(months=pairs[["key", "month", "scored"]], dated=dated, cache=cache)

    def distinct(self, column: str) -> pd.Series:
        """Return the distinct values of one export column of the cache (read when asked)."""
        return self.cache.distinct(column)

    def values(self) -> tuple[str, ...]:
        """Return the unit column's values as written in the export, sorted (read when asked)."""
        import pyarrow as pa
        import pyarrow.compute as pc
        import pyarrow.parquet as pq

        column_name = self.cache.unit_column
        if column_name is None:
            return ()
        column = pq.read_table(self.cache.path, columns=[column_name])[column_name]
        if pa.types.is_dictionary(column.type):
            column = column.cast(column.type.value_type)
        return tuple(sorted({str(v) for v in pc.unique(column).to_pylist() if v is not None}))


def consent_warning(unit: UnitParameters, cache: ExportCache) -> str | None:
    """Return :func:`nps_kit.unit.consent_unread` for ``unit``'s consent column in ``cache``.

    ``run`` says it before any kernel starts, as ``warning: <unit>: …``, in the unit's language
    (FIX87): answers read as neither yes nor no never grant contact, so a wording the unit did
    not list (``contact.consent_yes`` / ``consent_no``) would leave its people off the list.
    """
    if unit.columns.contact is None:
        return None
    return consent_unread(
        cache.distinct(unit.frame_column(unit.columns.contact)),
        column=unit.column(unit.columns.contact),
        words=unit.consent_words(),
        language=unit.language,
    )


def contact_details_warning(unit: UnitParameters, cache: ExportCache) -> str | None:
    """Say, for the analyst, that a unit with a consent column lists nobody's contact details.

    ``run`` says it before any kernel starts, as ``warning: <unit>: …``, in the unit's
    language: the report's follow-up box tells its manager only that the list carries no phone
    number or address and to ask the analytics team; which columns of the export hold them
    and what to set in ``columns.contact_details`` is said here (FIX87, as BROWSE36 did for
    the alert e-mail and ``alerts``' own line).
    """
    from nps_kit.closed_loop import unlisted_note, unlisted_reach
    from nps_kit.i18n import t

    if unit.columns.contact is None:
        return None
    unlisted = unlisted_reach(
        pd.DataFrame(),  # unread: the cache names the export's e-mail and phone columns
        contact_column=unit.frame_column(unit.columns.contact),
        details=[unit.column(c) for c in unit.columns.contact_details],
        found=cache.reach,
    )
    if unlisted is None:
        return None
    gap = " " if unit.language == "en" else ""
    said = t("followup.no_details_run", unit.language)
    return f"{said}{gap}{unlisted_note(unlisted, unit.language)}"


def previous_names_warning(unit: UnitParameters, cache: ExportCache) -> str | None:
    """Say the ``data.filter.previous_names`` that no row of ``unit``'s export has.

    ``run`` says it before any kernel starts, as ``warning: <unit>: …``: a misspelt earlier
    name selects nothing, and the report would go out without the unit's history and without
    a word (REVIEW31). Not a refusal: an export that keeps only recent months may no longer
    hold a name long out of use. Names are matched as ``values`` are (:func:`normalise_key`).
    """
    wanted = unit.data.filter
    if wanted is None or not wanted.previous_names:
        return None
    rows = ExportRows.read(cache)
    keys = set(rows.months["key"])
    missing = [str(v) for v in wanted.previous_names if normalise_key(v) not in keys]
    if not missing:
        return None
    present = rows.values()
    guesses = [g for g in (closest(m, present) for m in missing) if g is not None]
    where = display(unit.source) if unit.source is not None else f"unit {unit.unit}"
    hint = f" (did you mean {', '.join(repr(g) for g in guesses)}?)" if guesses else ""
    return (
        f"data.filter.previous_names: no row of {unit.data.path.name} has "
        f"{wanted.column} = {' or '.join(repr(m) for m in missing)}, so the report has no rows "
        f"of it{hint}. Fix the name in {where}, or remove it once the export no longer holds "
        "its rows."
    )


def check_unit_rows(
    unit: UnitParameters, month: str, rows: ExportRows, *, now: dt.datetime | None = None
) -> None:
    """Refuse ``unit`` when its filter matches no row or it has no response in ``month``.

    Parameters
    ----------
    unit
        Validated parameters.
    month
        The month to report (``YYYY-MM``), already resolved.
    rows
        The units and months of the unit's export (:meth:`ExportRows.read`).
    now
        When the report is made, wall-clock time at the unit's place (default: now there):
        whether ``month`` is still running (:func:`nps_kit.periods.month_running`).

    Raises
    ------
    UnitRefused
        With ``key`` :data:`NO_ROWS` (``data.filter.values``) when no row of the export has the
        unit's filter values, naming the values present and the closest; with ``key``
        :data:`NO_RESPONSES` (``period``) when the unit has rows but none dated in ``month``,
        naming the months it covers, or when ``month`` is still running and has fewer scored
        responses than ``thresholds.min_report_n`` (naming the last complete month to run
        instead); with ``key`` ``columns.contact`` when the contact settings do not fit the
        export (:func:`nps_kit._contact_rule.unit_contact_rule`, as ``alerts`` read them).
    """
    lang = unit.language
    where = (
        display(unit.source)
        if unit.source is not None
        else t("run.rows.unit", lang, unit=unit.unit)
    )
    # The one contact rule, as alerts read it (FIX74: run refused a consent question left
    # unset that alerts read themselves).
    contact = unit_contact_rule(unit, rows.cache)
    if contact.problem is not None:
        raise UnitRefused(
            f"{where}: {contact.problem}",
            hint=contact.hint or "",
            path=unit.source,
            key="columns.contact",
            period=month,
            reason=contact.reason or "columns.contact",
        )
    export = unit.data.path.name
    own = rows.months
    described = ""
    # Said in the unit's language (FIX94: a Japanese unit's refusals were English).
    words = {"export": export, "unit": unit.unit, "where": where, "month": month}
    if unit.data.filter is not None:
        wanted = unit.data.filter.selects
        keys = {normalise_key(v) for v in wanted}
        own = own[own["key"].isin(keys)]
        column = unit.data.filter.column
        values = _quoted([str(v) for v in wanted], lang, "run.rows.or")
        if own.empty:
            present = rows.values()
            guess = closest(str(wanted[0]), present) if wanted else None
            listed = _quoted(present[:20], lang, "run.rows.and")
            if len(present) > 20:
                listed += t("run.rows.more", lang, count=f"{len(present) - 20:,}")
            found = {**words, "column": column, "values": values, "listed": listed}
            if not any(_misspelt(str(v), present) for v in wanted):
                # QA21: a hotel set up before its first guests answered made every scheduled
                # `run --all` exit 1. A value like none of the column's is a new unit, not a
                # typo: no data yet, as a month without responses is.
                raise UnitRefused(
                    t("run.rows.no_responses_yet", lang, **found),
                    hint=t("run.rows.no_responses_yet_hint", lang, **found),
                    path=unit.source,
                    key=NO_RESPONSES,
                    period=month,
                    reason=NO_RESPONSES_YET,
                )
            fix = t("run.rows.fix_values", lang, where=where)
            said = {"column": column, "values": [str(v) for v in wanted], "guess": guess}
            raise UnitRefused(
                t("run.rows.no_rows", lang, **found),
                hint=(t("run.rows.did_you_mean", lang, guess=guess) + fix if guess else fix),
                path=unit.source,
                key=NO_ROWS,
                period=month,
                reason=reason_text(NO_ROWS_WITH, said, "en"),
                reason_key=NO_ROWS_WITH,
                reason_args=said,
            )
        described = t(
            "run.rows.described", lang, column=column,
            values=_quoted([str(v) for v in wanted], lang, "run.rows.and"),
        )  # fmt: skip
    if not rows.dated:
        return
    months = sorted(m for m in own["month"].dropna().unique())
    if month in months:
        _check_month_to_date(unit, month, own, where=where, now=now)
        return
    words["described"] = described
    if months:
        covered = t("run.rows.covered", lang, span=_span(months, lang), **words)
        # The last complete month, never the one still running (QA24: pet was pointed at a
        # December of 4 days).
        running = _moment(unit, now).strftime("%Y-%m")
        complete = [m for m in months if m < running]
        pick = (
            t("run.rows.pick_complete", lang, period=complete[-1])
            if complete
            else f"--period {months[-1]}"
        )
        hint = t("run.rows.pick", lang, pick=pick, month=month)
        usual = _usual_responses(own, month)
        if usual is not None:
            # A unit that answers every month and none in this one: more likely a feed that
            # lost its rows than a quiet month.
            hint += t("run.rows.usual", lang, usual=f"{usual:,}", **words)
    else:
        covered = t("run.rows.no_dates", lang, **words)
        hint = t("run.rows.no_dates_hint", lang)
    raise UnitRefused(
        t("run.rows.no_responses", lang, covered=covered, **words),
        hint=hint,
        path=unit.source,
        key=NO_RESPONSES,
        period=month,
        reason=reason_text(NO_RESPONSES_IN, {"month": month}, "en"),
        reason_key=NO_RESPONSES_IN,
        reason_args={"month": month},
    )


def _quoted(values: Sequence[str], lang: Language, joiner: str) -> str:
    """Values as a sentence names them: ``'a', 'b'`` (en) or ``「a」、「b」`` (ja)."""
    return t(joiner, lang).join(t("run.rows.value", lang, value=v) for v in values)


def _check_month_to_date(
    unit: UnitParameters, month: str, own: pd.DataFrame, *, where: str, now: dt.datetime | None
) -> None:
    """Refuse a month still running whose scored responses are under ``min_report_n``.

    The report hides a group under that many responses for anonymity; the whole unit is a
    group too, and mid-month its figure is also not the month's result. Once the month has
    ended, its report is the month's, however small (flagged as a small sample).
    """
    floor = unit.thresholds.min_report_n
    moment = _moment(unit, now)
    if not floor or not month_running(month, now=moment):
        return
    scored = int(own.loc[own["month"] == month, "scored"].sum())
    if scored >= floor:
        return
    ended = shift_period(f"{moment.year:04d}-{moment.month:02d}", -1)
    so_far = f"{scored:,} response{'' if scored == 1 else 's'}"
    said = {"n": scored, "month": month, "floor": floor}
    lang = unit.language
    again = t("run.rows.again", lang, month=month, floor=floor)
    hint = (
        t("run.rows.last_complete", lang, unit=unit.unit, ended=ended, again=again)
        if (own["month"] == ended).any()
        else again
    )
    raise UnitRefused(
        t(
            "run.rows.so_far", lang, where=where, unit=unit.unit, so_far=so_far,
            scored=f"{scored:,}", month=month, floor=floor,
        ),
        hint=hint,
        path=unit.source,
        key=NO_RESPONSES,
        period=month,
        reason=reason_text(SO_FAR, said, "en"),
        responses=scored,
        min_report_n=floor,
        reason_key=SO_FAR,
        reason_args=said,
    )  # fmt: skip


def _moment(unit: UnitParameters, now: dt.datetime | None) -> dt.datetime:
    """Return ``now`` (default: the clock's now) as the wall clock at the unit's place."""
    moment = now if now is not None else clock.now(unit.language, unit.timezone)
    if moment.tzinfo is not None:
        moment = moment.astimezone(clock.zone(unit.language, unit.timezone))
    return moment


#: Responses a month, at the least, that make a month without any look like a broken feed.
_USUAL_MIN: Final = 10


def _usual_responses(own: pd.DataFrame, month: str) -> int | None:
    """Return the median responses a month of the 3 months before ``month``, when all had some.

    ``None`` unless the unit answered in each of those months (at least :data:`_USUAL_MIN`)
    and again after ``month``: a unit that normally answers and has a gap.
    """
    counts = own.groupby("month")["scored"].sum()
    before = [shift_period(month, -k) for k in (1, 2, 3)]
    if not all(m in counts.index for m in before) or not (counts.index > month).any():
        return None
    usual = int(pd.Series([counts[m] for m in before]).median())
    return usual if usual >= _USUAL_MIN else None


def _misspelt(wanted: str, present: Sequence[str]) -> bool:
    """Whether ``wanted`` looks like a typo of one of the column's values.

    Close in spelling (a character or two off: 大宮 for 大宮店, Yrok for York) or one within
    the other; a new store's name (ステイイン京都四条 beside ステイイン新宿西口) is not.
    """
    key = normalise_key(wanted).casefold().replace(" ", "")
    for value in present:
        other = normalise_key(value).casefold().replace(" ", "")
        if key in other or other in key:
            return True
        if difflib.SequenceMatcher(None, key, other).ratio() >= _TYPO_RATIO:
            return True
    return False


#: Spelling this close to a value of the filter column is a typo of it.
_TYPO_RATIO = 0.75


def _span(months: list[str], lang: Language = "en") -> str:
    """``2026-09 to 2026-10``, or the months themselves when some in between are missing."""
    first, last = pd.Period(months[0], "M"), pd.Period(months[-1], "M")
    if len(months) == 1:
        return months[0]
    if (last - first).n + 1 == len(months) or len(months) > 6:
        return t("run.rows.span", lang, first=months[0], last=months[-1])
    return join_names(months, lang)
