"""Daily alerts for new detractors (``nps-kit alerts``).

For each unit with ``alerts.to``: read the export (or a newer one), keep the unit's responses
since a moment, keep the detractors who allowed contact (:func:`nps_kit.closed_loop.
contactable_detractors`, scores up to ``alerts.max_score``), drop those already alerted, and
mail the owners one short message listing them, most urgent first. Comments are redacted as in
the reports (``privacy.redact``) and escaped in the HTML part.

Idempotent: ``<output>/alerts/alerted.jsonl`` records every alerted response (per unit), one
fsynced JSON line per message, so a re-run never alerts twice (``resend`` forces). A response is
its id *and* its time (:func:`response_key`): ``columns.id`` may be a customer number that a
returning customer answers with again (QA24: 顧客番号), and that new answer is a new response to
alert. Lines written before the keys existed hold ids alone: such an id still counts as alerted
for every response of that id dated at or before the line's ``alerted_at`` (what that message
could have listed), so the old log needs no rewrite and nothing is alerted twice. An export of
dates without a time of day keys each answer by its date and a short hash of its score and
comment too, since one id may answer twice that day; a key written before that hash covers the
id's answers of that day. Delivery,
retries, SMTP settings and the dry-run outbox (``<output>/alerts/outbox/<unit>.eml``) are those
of ``nps-kit send`` (:mod:`nps_kit.mail`).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import re
import tempfile
from collections.abc import Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from zoneinfo import ZoneInfo

import pandas as pd

from nps_kit import clock
from nps_kit._atomic import append_line, check_writable
from nps_kit._contact_rule import ContactRule, unit_contact_rule
from nps_kit._id_repeats import unit_id_warning
from nps_kit._lock import file_lock
from nps_kit._project_language import run_language
from nps_kit._values import date_only, has_time_of_day
from nps_kit._zone_hint import zone_hint
from nps_kit.alerts_mail import compose_alert
from nps_kit.closed_loop import (
    URGENCY,
    alerts_need,
    call_backs,
    consent_unknown_detractors,
    consent_unknown_words,
    contactable_detractors,
    reach_columns,
    record_columns,
    record_note,
    unlisted_note,
    unlisted_reach,
)
from nps_kit.errors import ConfigError, MailError, NpsKitError
from nps_kit.i18n import Language, join_names, t
from nps_kit.load import LoadResult, answer_keys, blank_ids, row_keys
from nps_kit.mail.compose import ComposedMessage
from nps_kit.mail.deliver import DEFAULT_RETRY_DELAYS, Mailer, Refusal
from nps_kit.mail.log import set_aside_stale, write_eml
from nps_kit.mail.send import _sender
from nps_kit.mail.settings import (
    SmtpSettings,
    delivery_mode,
    load_settings,
    no_host_closing,
    no_host_opening,
)
from nps_kit.params import Breakdown, UnitParameters
from nps_kit.periods import late_export
from nps_kit.text.tokens import said
from nps_kit.unit import consent_unread, select_unit_rows

if TYPE_CHECKING:
    from nps_kit._consent import ConsentWords
    from nps_kit.cache import ExportCache

__all__ = [
    "ALERTS_DIR",
    "AlertLog",
    "AlertOutcome",
    "AlertRecord",
    "AlertSummary",
    "Alerted",
    "alerts_blocker",
    "export_proposals",
    "local_since",
    "new_detractors",
    "parse_since",
    "response_key",
    "send_alerts",
]

ALERTS_DIR = "alerts"
AlertStatus = Literal[
    "sent", "partial", "failed", "written", "nothing_new", "skipped", "cannot_alert"
]
_SINCE = re.compile(r"^(\d+)([hdw])$")


def parse_since(text: str, *, now: dt.datetime, lang: Language = "en") -> dt.datetime:
    """Turn ``--since`` into a moment: ``12h``, ``1d``, ``2w`` before ``now``, or a date.

    A duration is a moment (zone-aware when ``now`` is); a date is midnight at each unit's
    place, so it is returned naive and read in the unit's time zone (see :func:`local_since`).
    ``lang``: the project's language, which a value it cannot read is said in (FIX94).

    Raises
    ------
    ConfigError
        When ``text`` is neither a duration nor a ``YYYY-MM-DD`` date.
    """
    match = _SINCE.match(text.strip())
    if match:
        amount, unit = int(match[1]), match[2]
        hours = {"h": 1, "d": 24, "w": 24 * 7}[unit] * amount
        return now - dt.timedelta(hours=hours)
    try:
        return dt.datetime.combine(dt.date.fromisoformat(text.strip()), dt.time())
    except ValueError:
        raise ConfigError(t("alerts.bad_since", lang, found=repr(text))) from None


def local_since(since: dt.datetime, unit: UnitParameters) -> dt.datetime:
    """Return ``since`` as wall-clock time at ``unit``'s place, which export dates are in.

    A zone-aware moment (``--since 12h``) is converted to the unit's ``timezone`` (by default
    the zone of its language, :func:`nps_kit.clock.zone`); a naive one (``--since 2026-11-01``)
    already is that place's time.
    """
    if since.tzinfo is None:
        return since
    return since.astimezone(clock.zone(unit.language, unit.timezone)).replace(tzinfo=None)


def response_key(
    response_id: str, answered: pd.Timestamp | dt.datetime | None, *, answer: str | None = None
) -> str:
    """Name one response in the alert log: its id and its time, ``"0055584|2026-12-04T10:12:00"``.

    The id alone named a customer, not a response, when ``columns.id`` is a customer number:
    a returning customer's new detractor answer was never alerted (QA24). The time is the
    export's, to the second, as the export writes it (wall clock at the unit's place), so a
    re-run keys the same response the same way; without a time of day it is the date. An id
    that is unique per response (the recommended ``columns.id``) gives one key per id, as
    before.

    ``answer`` (the response's score and comment) is hashed into the key when the time has no
    time of day, ``"0055584|2026-12-04T00:00:00#3f2a9c1e"``: two answers from one id on one
    day shared the date's key, so the second was never alerted (FIX37). Only 8 hex digits of
    a SHA-256 are written, never the comment.
    """
    if answered is None or pd.isna(answered):
        return f"{response_id}|"
    moment = pd.Timestamp(answered).floor("s")
    key = f"{response_id}|{moment.isoformat()}"
    if answer is None or moment != moment.normalize():
        return key
    return f"{key}#{hashlib.sha256(answer.encode('utf-8')).hexdigest()[:8]}"


@dataclass(frozen=True)
class AlertRecord:
    """One line of ``alerted.jsonl``: the responses one message alerted.

    ``response_ids`` names them for people reading the log; ``response_keys``
    (:func:`response_key`) is what a re-run compares. A line without keys (written before
    them) counts its ids as alerted up to its ``alerted_at``.
    """

    unit: str
    response_ids: tuple[str, ...]
    recipients: tuple[str, ...]
    message_id: str
    alerted_at: str
    response_keys: tuple[str, ...] = ()


@dataclass(frozen=True)
class Alerted:
    """What the alert log says was alerted for one unit (:meth:`AlertLog.alerted`)."""

    #: Responses alerted, by :func:`response_key`.
    keys: frozenset[str] = frozenset()
    #: Ids from lines written before the keys, each with the moment of its last such alert.
    ids_until: dict[str, dt.datetime] = field(default_factory=dict)

    def covers(
        self,
        response_id: str,
        answered: pd.Timestamp,
        *,
        where: ZoneInfo,
        answer: str | None = None,
    ) -> bool:
        """Whether the response ``response_id`` answered at ``answered`` was alerted.

        ``answered`` is the export's wall-clock time at the unit's place (``where``); an old
        line's id covers the responses dated at or before its alert, which it could have listed.
        ``answer`` is :func:`response_key`'s; a key written without it (before FIX37) covers
        every answer of its id and date.
        """
        if response_key(response_id, answered, answer=answer) in self.keys:
            return True
        if response_key(response_id, answered) in self.keys:
            return True
        until = self.ids_until.get(response_id)
        if until is None:
            return False
        if pd.isna(answered):
            return True
        local = until.astimezone(where).replace(tzinfo=None)
        return bool(pd.Timestamp(answered) <= pd.Timestamp(local))


class AlertLog:
    """Append-only JSON-lines log of alerted response ids.

    Parameters
    ----------
    path
        ``<output>/alerts/alerted.jsonl``; created on the first append.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def alerted(self, unit: str) -> Alerted:
        """Return the responses of ``unit`` already alerted.

        Raises
        ------
        MailError
            If a line is not a record (the file was edited by hand), naming the line.
        """
        if not self.path.is_file():
            return Alerted()
        keys: set[str] = set()
        ids_until: dict[str, dt.datetime] = {}
        for number, line in enumerate(self.path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if data["unit"] != unit:
                    continue
                if data.get("response_keys"):
                    keys.update(str(k) for k in data["response_keys"])
                    continue
                # A line from before the keys: its ids, up to the moment it was sent.
                sent = dt.datetime.fromisoformat(str(data["alerted_at"]))
                # The log writes UTC; a time without its zone (edited by hand) is UTC too.
                sent = sent if sent.tzinfo else sent.replace(tzinfo=dt.UTC)
                for rid in (str(i) for i in data["response_ids"]):
                    was = ids_until.get(rid)
                    ids_until[rid] = sent if was is None or sent > was else was
            except (ValueError, KeyError, TypeError) as exc:
                raise MailError(
                    f"{self.path} line {number} is not an alert record ({exc}).",
                    hint="Fix or remove that line; the log is what stops alerts being repeated.",
                ) from None
        return Alerted(frozenset(keys), ids_until)

    def append(self, record: AlertRecord) -> None:
        """Append ``record`` as one line and force it to disk (flush + fsync)."""
        append_line(self.path, json.dumps(asdict(record), ensure_ascii=False))


@dataclass(frozen=True)
class AlertOutcome:
    """What happened to one unit.

    Attributes
    ----------
    unit
        The unit id.
    status
        ``sent``, ``partial`` (some recipients refused), ``failed`` (nobody accepted it; the
        responses stay un-alerted for the next run), ``written`` (dry run), ``nothing_new``,
        ``skipped`` (no ``alerts.to``) or ``cannot_alert`` (``alerts.to`` is set but a column
        alerts need is not: ``detail`` says which and what to set).
    response_ids
        The new detractors the message lists.
    recipients, refused
        Who accepted it (or would get it) and who refused.
    path
        The ``.eml`` of a dry run.
    detail
        Why a unit was skipped or cannot alert.
    """

    unit: str
    status: AlertStatus
    response_ids: tuple[str, ...] = ()
    recipients: tuple[str, ...] = ()
    refused: tuple[Refusal, ...] = ()
    path: Path | None = None
    detail: str = ""


@dataclass(frozen=True)
class AlertSummary:
    """The outcome of :func:`send_alerts`, one entry per unit in the order given.

    ``late`` holds a warning per export with no response in the window at all
    (:func:`nps_kit.periods.late_export`): nothing new there says nothing of the day.
    ``no_host`` is true when no SMTP host was set, ``dry_run`` was not asked and a unit has
    ``alerts.to``: nothing could be sent, only written to the outbox.
    """

    dry_run: bool
    outcomes: tuple[AlertOutcome, ...]
    late: tuple[str, ...] = ()
    no_host: bool = False

    @property
    def ok(self) -> bool:
        """Whether every alert went out (skipped units and units with nothing new are fine)."""
        return not any(o.status in ("partial", "failed") for o in self.outcomes)

    @property
    def misconfigured(self) -> tuple[str, ...]:
        """Units whose owners asked for alerts (``alerts.to``) that cannot get any."""
        return tuple(o.unit for o in self.outcomes if o.status == "cannot_alert")


def _data_options(unit: UnitParameters, data: Path | None) -> tuple[Path, dict[str, object]]:
    # The unit's own loader options (one home: dates, "no answer" words, dedupe, unfinished),
    # as the report reads its export; another file's own sheet and encoding are detected.
    source = unit.data
    path = data or source.path
    options = unit.loader_options()
    if data is not None and data.suffix.lower() != source.path.suffix.lower():
        options |= {"sheet": None, "encoding": None}
    return path, options


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
        (whether that time has passed at the unit's place now), most urgent first.
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


def _skip(unit: UnitParameters) -> str | None:
    """Say why ``unit`` sends no alerts when it does not ask for any (no ``alerts.to``)."""
    return None if unit.alerts.to else t("alerts.no_to", unit.language)


def export_proposals(path: Path, options: Mapping[str, object]) -> dict[str, str]:
    """Return the ``columns:`` lines ``init --from`` would write for the export's own columns.

    The id, the consent question and the contact details, found by ``init``'s own rule
    (:func:`nps_kit.scaffold.proposed_columns`), each as its YAML line (``'id: "Response ID"'``),
    keyed by setting; a setting the export has no column for is left out. Read only when a
    unit cannot alert, so that the message names what to set (FIX44).

    Parameters
    ----------
    path
        The export.
    options
        The unit's loader options (its ``sheet``, ``encoding`` and ``date_format`` are used).

    Returns
    -------
    dict of str to str
        ``{"id": …, "contact": …, "contact_details": …}``, possibly empty (also when the
        export cannot be read: the loader then says why).
    """
    from nps_kit._yaml import scalar
    from nps_kit.inspect import inspect_export
    from nps_kit.scaffold import proposed_columns

    sheet = options.get("sheet")
    encoding = options.get("encoding")
    date_format = options.get("date_format")
    try:
        found = inspect_export(
            path,
            sheet=sheet if isinstance(sheet, (str, int)) else None,
            encoding=encoding if isinstance(encoding, str) else None,
            date_format=date_format if isinstance(date_format, str) else None,
        )
    except (NpsKitError, OSError):
        return {}
    chosen = proposed_columns(found)
    lines: dict[str, str] = {}
    if chosen.id is not None:
        lines["id"] = f"id: {scalar(chosen.id.column)}"
    else:
        # No id: the date is named only when no two rows share one, as init's comment
        # proposes it; "" says no column is unique (QA26 #18: Datum, shared by 1,027 of 1,210
        # rows, was suggested).
        date = found.column(found.date_column) if found.date_column else None
        rows = found.load.rows_read
        lines["unique"] = date.column if date is not None and date.distinct == rows > 0 else ""
    if chosen.contact is not None:
        lines["contact"] = f"contact: {scalar(chosen.contact.column)}"
    if chosen.reach:
        lines["contact_details"] = (
            f"contact_details: [{', '.join(scalar(c) for c in chosen.details)}]"
        )
    return lines


def alerts_blocker(
    unit: UnitParameters, *, proposed: Mapping[str, str] | None = None
) -> str | None:
    """Say which columns alerts need that ``unit`` has not set, and what to set; else ``None``.

    The one rule for "alerts can work": the alert log keys on ``columns.id``, only those who
    allowed contact are alerted (a yes in ``columns.contact``, or without one, a way to reach
    them left in ``columns.contact_details``:
    :func:`~nps_kit.closed_loop.contactable_detractors`), and ``--since`` reads
    ``columns.date``. A Google Forms export has neither an id nor a consent question (QA20),
    so the message names its timestamp as the id to try. The check itself is
    :func:`~nps_kit.closed_loop.alerts_need`, which the report's follow-up section asks too
    before it points the team to the alerts. ``proposed`` (:func:`export_proposals`): the
    lines to add for the columns the export has.
    """
    return alerts_need(
        id_column=unit.columns.id,
        date_column=unit.columns.date,
        contact_column=unit.columns.contact,
        details=[unit.column(c) for c in unit.columns.contact_details],
        language=unit.language,
        proposed=proposed,
    )


def _cannot_alert(unit: UnitParameters, blocker: str) -> str:
    """Return the error line of a unit that asks for alerts (``alerts.to``) and cannot."""
    if unit.language == "ja":
        return (
            f"{unit.unit}: error: alerts.toが設定されていますが、アラートを送れません。"
            f"{blocker}。またはalerts.toを削除してください。"
        )
    return (
        f"{unit.unit}: error: alerts.to is set but no alert can be sent: {blocker}, "
        "or remove alerts.to."
    )


def send_alerts(
    units: Sequence[UnitParameters],
    *,
    output: Path,
    since: dt.datetime,
    data: Path | None = None,
    dry_run: bool = False,
    resend: bool = False,
    settings: SmtpSettings | None = None,
    echo: Callable[[str], object] = print,
    retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    now: dt.datetime | None = None,
    lang: Language | None = None,
) -> AlertSummary:
    """Mail each unit's owners the new contactable detractors, once.

    Parameters
    ----------
    units
        Validated parameters.
    output
        The reports root; the log and outbox go to ``<output>/alerts/``.
    since
        Only responses dated at or after this moment (see :func:`parse_since`).
    data
        A newer export to read instead of each unit's ``data.path`` (read with the unit's
        ``data.sheet``/``data.encoding`` when it has the same suffix, else detected).
    dry_run
        Write each message to ``<output>/alerts/outbox/<unit>.eml`` and log nothing. Also what
        happens when no SMTP host is configured, but then, if any unit has ``alerts.to``, the
        summary's ``no_host`` is true and the last line says that nothing was sent.
    resend
        Alert again responses the log says were alerted.
    settings
        SMTP settings; default :func:`~nps_kit.mail.settings.load_settings`.
    echo
        Where progress lines go.
    retry_delays
        Back-off before each retry of a transient SMTP failure, in seconds.
    now
        The ``Date`` of the messages and the ``alerted_at`` of the log (default: now, UTC).
    lang
        The language of the run's own lines (no SMTP host, the totals): the project's
        (``language`` of ``defaults.yaml``); ``None`` takes the language the units share, else
        English (:func:`nps_kit._project_language.run_language`). Each unit's lines are in its
        own language (FIX80).

    Returns
    -------
    AlertSummary
        One outcome per unit; ``ok`` is false when any alert was refused or failed.

    Raises
    ------
    DataError
        When an export cannot be read or lacks a configured column.
    MailError
        For bad settings, an unreachable server or a broken log (alerts already sent stay
        logged).
    """
    folder = output / ALERTS_DIR
    # The log keeps alerts from being sent twice: without it, nothing (FIX64: a traceback).
    check_writable(folder, what="the alert log and outbox")
    lang = run_language(lang, (unit.language for unit in units))  # the run's own lines
    settings = settings if settings is not None else load_settings(lang=lang)
    # Only a unit that asks for alerts (alerts.to) needs a host: with none, nothing was due,
    # and a daily cron job exits 0 as it does with a host (REVIEW25: it exited 2).
    mode = delivery_mode(settings, dry_run=dry_run, due=any(_skip(u) is None for u in units))
    no_host, dry_run = mode.no_host, mode.dry_run
    if no_host:
        echo(no_host_opening(folder / "outbox", lang=lang))
    sender = _sender(settings, lang)
    log = AlertLog(folder / "alerted.jsonl")
    now = now or dt.datetime.now(dt.UTC)
    outcomes: list[AlertOutcome] = []
    # Each export parsed once per loader options for every unit (the cache 'run' reads, reused
    # when 'run' built it), each unit's rows read from it: not the whole export per unit (FIX61).
    caches = _Caches(units, output=output, data=data)
    exports: dict[Path, _Export] = {}
    with contextlib.ExitStack() as stack:
        stack.callback(caches.close)
        lock = folder / ".alerts.lock"
        stack.enter_context(
            file_lock(
                lock,
                on_wait=lambda: echo(t("alerts.lock_wait", lang, lock=lock)),
            )
        )
        mailer: Mailer | None = None
        # Exports with no response in a unit's window: (language, file, newest, since) → units.
        late: dict[tuple[Language, str, str, str], list[str]] = {}
        for unit in units:
            reason = _skip(unit)
            if reason is not None:
                outcomes.append(AlertOutcome(unit.unit, "skipped", detail=reason))
                echo(f"{unit.unit}: {t('alerts.skipped', unit.language, reason=reason)}")
                continue
            blocker = alerts_blocker(unit)
            if blocker is not None:
                # Named with the lines to add for what the export has (FIX44).
                proposed = export_proposals(*_data_options(unit, data))
                blocker = alerts_blocker(unit, proposed=proposed) or blocker
                # Asked for and impossible: an error, so that a daily cron job does not pass
                # silently while nobody is alerted (the other units still are).
                outcomes.append(AlertOutcome(unit.unit, "cannot_alert", detail=blocker))
                echo(_cannot_alert(unit, blocker))
                continue
            path, _ = _data_options(unit, data)
            cache = caches[unit.unit]
            export = exports.get(cache.path) or exports.setdefault(cache.path, _Export(cache))
            consent = unit.frame_column(unit.columns.contact or "")
            words = unit.consent_words()
            # The one contact rule, as run reads it (FIX74: a consent question beside
            # columns.contact null was refused by run and read here).
            contact = export.contact_rule(unit)
            if contact.problem is not None:
                outcomes.append(AlertOutcome(unit.unit, "cannot_alert", detail=contact.problem))
                gap = " " if unit.language == "en" else ""
                echo(f"{unit.unit}: error: {contact.problem}{gap}{contact.hint}")
                continue
            if unit.columns.contact is not None and (
                unread := export.consent_unread(
                    consent,
                    column_name=unit.column(unit.columns.contact),
                    words=words,
                    language=unit.language,
                )
            ):
                echo(f"{unit.unit}: warning: {unread}")
            assert unit.columns.id is not None  # alerts_blocker checked it
            unit_rows = export.unit_rows(unit)
            own = select_unit_rows(
                unit_rows.data,
                column=unit.data.filter.column if unit.data.filter else None,
                values=unit.data.filter.selects if unit.data.filter else (),
                source=path,
            )
            if unit.columns.contact is None:
                # A contact column the tool filled on nearly every row is its record, no one's
                # request to be contacted (QA30 F9): with nothing else, consent is unknown.
                named = {unit.frame_column(c): unit.column(c) for c in unit.columns.contact_details}
                reach = reach_columns(list(named))
                recorded = record_columns(own, reach)
                if reach and len(recorded) == len(reach):
                    problem = record_note(
                        {named[c]: share for c, share in recorded.items()}, language=unit.language
                    )
                    assert problem is not None
                    outcomes.append(AlertOutcome(unit.unit, "cannot_alert", detail=problem))
                    echo(_cannot_alert(unit, problem))
                    continue
            said = unit_id_warning(own[unit.frame_column(unit.columns.id)], unit, export.cache)
            if said:  # a columns.id set by hand that repeats: what alerts do then (FIX37)
                echo(f"{unit.unit}: warning: {said}")
            rows = new_detractors(
                unit,
                unit_rows,
                source=path,
                since=since,
                already=Alerted() if resend else log.alerted(unit.unit),
                timed=export.timed(),
            )
            unknown = 0
            if unit.columns.contact is not None:
                unknown = len(
                    new_detractors(
                        unit,
                        unit_rows,
                        source=path,
                        since=since,
                        already=Alerted() if resend else log.alerted(unit.unit),
                        timed=export.timed(),
                        unknown_consent=True,
                    )
                )
            ids = tuple(rows["response_id"])
            keys = tuple(rows["response_key"])
            offsets = export.offsets(unit)
            assumed = clock.zone_assumed(unit.language, unit.timezone)
            if not ids:
                outcomes.append(AlertOutcome(unit.unit, "nothing_new"))
                where = clock.zone(unit.language, unit.timezone)
                start = clock.format_local_time(
                    local_since(since, unit), where, zone_shown=not assumed
                )
                if assumed:
                    start = t("alerts.since_no_zone", unit.language, time=start)
                echo(f"{unit.unit}: {t('alerts.nothing_new', unit.language, since=start)}")
                if unknown:
                    echo(_consent_unknown(unit, unknown))
                newest = cache.report.date_max
                if newest is None or newest < pd.Timestamp(local_since(since, unit)):
                    shown = (
                        t("alerts.no_date", unit.language)
                        if newest is None
                        else _stamp(newest, where, zone_shown=not assumed)
                    )
                    late.setdefault((unit.language, path.name, shown, start), []).append(unit.unit)
                continue
            if unknown:
                echo(_consent_unknown(unit, unknown))
            unlisted = unlisted_reach(
                own,
                contact_column=consent if unit.columns.contact else None,
                details=[unit.column(c) for c in unit.columns.contact_details],
                found=cache.reach,
            )
            if unlisted is not None:  # the analyst's instruction, not in the team's e-mail
                said = t("alerts.no_details", unit.language)
                gap = " " if unit.language == "en" else ""
                echo(f"{unit.unit}: {said}{gap}{unlisted_note(unlisted, unit.language)}")
            composed = compose_alert(
                unit,
                rows,
                sender=sender,
                now=now,
                offsets=offsets,
                unlisted=unlisted,
                # The unit's own rows: a group's export holds the offsets of several zones.
                zone=zone_hint(
                    own, date_column=unit.frame_column(unit.columns.date), name=unit.name
                )
                if unit.columns.date and clock.zone_assumed(unit.language, unit.timezone)
                else None,
            )
            if dry_run:
                eml = write_eml(composed, folder / "outbox", unit.unit)
                outcomes.append(
                    AlertOutcome(
                        unit.unit, "written", ids, recipients=composed.recipients, path=eml
                    )
                )
                would = t(
                    "alerts.would_alert",
                    unit.language,
                    n=len(ids),
                    to=join_names(composed.recipients, unit.language),
                    subject=composed.subject,
                    path=eml,
                )
                echo(f"{unit.unit}: {would}")
                continue
            if mailer is None:
                mailer = stack.enter_context(Mailer(settings, retry_delays=retry_delays, lang=lang))
            outcomes.append(_deliver(mailer, composed, unit, (ids, keys), log, now, echo))
    warnings = tuple(
        late_export(
            name,
            newest,
            missed=t("alerts.late_missed", said_in, since=start),
            units=names,
            then=t("alerts.late_then", said_in),
            lang=said_in,
        )
        for (said_in, name, newest, start), names in late.items()
    )
    for line in warnings:
        echo(line)
    if dry_run:  # the outbox holds only what this run would send
        wrote = [o.path for o in outcomes if o.status == "written" and o.path is not None]
        moved = set_aside_stale(
            folder / "outbox", written=wrote, units=[u.unit for u in units], now=now, lang=lang
        )
        if moved is not None:
            echo(moved)
    summary = AlertSummary(
        dry_run=dry_run, outcomes=tuple(outcomes), late=warnings, no_host=no_host
    )
    echo(_counts(summary, lang))
    if no_host:
        written = any(o.status == "written" for o in summary.outcomes)
        echo(no_host_closing(folder / "outbox", command="alerts", written=written, lang=lang))
    return summary


class _Caches:
    """The export cache of each unit that alerts, built when its first unit comes (FIX61).

    The cache is ``nps-kit run``'s (``<output>/.cache``, built from every unit's columns), so
    a daily alert after a run parses nothing, and one without a run parses each export once
    per loader options, whatever the number of units. Built unit by unit, as the export was
    read before: a unit whose export cannot be read stops the alerts there, after the units
    before it were alerted. Where that folder cannot be written (a reports folder shared
    read-only), run's caches are read from it and a missing one is built in a folder of this
    command's own, removed by :meth:`close` (FIX64): alerts write nothing there.
    """

    def __init__(self, units: Sequence[UnitParameters], *, output: Path, data: Path | None) -> None:
        self.units = units
        self.folder = output
        self.data = data
        self.built: dict[str, ExportCache] = {}
        self._spare: tempfile.TemporaryDirectory[str] | None = None

    def __getitem__(self, unit: str) -> ExportCache:
        from nps_kit.run import cache_folder, unit_caches

        if unit not in self.built:
            if self._spare is None:
                self._spare = tempfile.TemporaryDirectory(prefix="nps-kit-alerts-")
            self.built |= unit_caches(
                self.units,
                cache_dir=cache_folder(self.folder),
                read=lambda u: _data_options(u, self.data),
                only=[unit],
                spare_dir=Path(self._spare.name),
            )
        return self.built[unit]

    def close(self) -> None:
        """Remove the caches built aside, if any."""
        if self._spare is not None:
            self._spare.cleanup()
            self._spare = None


class _Export:
    """What alerts read of one export's cache: each unit's rows, and whole-export facts once.

    A fact of the whole export (its dates have a time of day, its date column carries UTC
    offsets, a consent column's answers) is read from its one column of the cache, once,
    not from a frame of the whole export per unit (FIX61).
    """

    def __init__(self, cache: ExportCache) -> None:
        self.cache = cache
        self._columns: dict[str, pd.Series] = {}
        self._timed: bool | None = None
        self._offsets: dict[str, bool] = {}
        self._problems: dict[tuple[str, ConsentWords, Language], str | None] = {}
        self._rules: dict[
            tuple[str | None, tuple[str, ...], ConsentWords, Language], ContactRule
        ] = {}

    def _column(self, name: str) -> pd.Series | None:
        from nps_kit.cache import read_rows

        if name not in self._columns:
            frame = read_rows(self.cache, columns=[name]).data
            if name not in frame.columns:
                return None
            self._columns[name] = frame[name]
        return self._columns[name]

    def unit_rows(self, unit: UnitParameters) -> LoadResult:
        """Return the unit's rows (every date), with the columns alerts read."""
        from nps_kit.cache import read_rows

        wanted = unit.data.filter
        used = [unit.frame_column(c) for c in unit.used_columns().values()]
        return read_rows(
            self.cache,
            unit_values=wanted.selects if wanted is not None else None,
            # The consent-like questions too (contactable_detractors reads them when no
            # columns.contact is set) and the columns of places (zone_hint).
            columns=[*used, *self.cache.places, *self._consent_like()],
        )

    def _consent_like(self) -> list[str]:
        import pyarrow.parquet as pq

        from nps_kit._consent import asks_about_contact

        names = pq.read_schema(self.cache.path).names
        return [n for n in names if asks_about_contact(n)]

    def timed(self) -> bool:
        """Whether the export's dates have a time of day (:func:`has_time_of_day`)."""
        if self._timed is None:
            dates = self._column("nps_date")
            self._timed = bool(dates is not None and has_time_of_day(dates))
        return self._timed

    def offsets(self, unit: UnitParameters) -> bool:
        """:func:`export_offsets` of the whole export, per date column."""
        column = unit.frame_column(unit.columns.date) if unit.columns.date else None
        if column is None:
            return False
        if column not in self._offsets:
            values = self._column(column)
            self._offsets[column] = values is not None and clock.carries_offsets(values)
        return self._offsets[column]

    def contact_rule(self, unit: UnitParameters) -> ContactRule:
        """:func:`nps_kit._contact_rule.unit_contact_rule` of the whole export, once each."""
        key = (
            unit.columns.contact,
            tuple(unit.columns.contact_details),
            unit.consent_words(),
            unit.language,
        )
        if key not in self._rules:
            self._rules[key] = unit_contact_rule(unit, self.cache)
        return self._rules[key]

    def consent_unread(
        self, column: str, *, column_name: str, words: ConsentWords, language: Language
    ) -> str | None:
        """:func:`nps_kit.unit.consent_unread` of the whole export's consent column.

        Read once per column, unit's own consent words and language.
        """
        key = (column, words, language)
        if key not in self._problems:
            values = self._column(column)
            self._problems[key] = (
                None
                if values is None
                else consent_unread(values, column=column_name, words=words, language=language)
            )
        return self._problems[key]


def _stamp(moment: pd.Timestamp, where: ZoneInfo, *, zone_shown: bool = True) -> str:
    """Write a time of the export as alert lines do (``2026-12-01 00:05 EST``)."""
    return clock.format_local_time(moment.floor("s").to_pydatetime(), where, zone_shown=zone_shown)


def _deliver(
    mailer: Mailer,
    composed: ComposedMessage,
    unit: UnitParameters,
    listed: tuple[tuple[str, ...], tuple[str, ...]],
    log: AlertLog,
    now: dt.datetime,
    echo: Callable[[str], object],
) -> AlertOutcome:
    ids, keys = listed
    lang = unit.language
    delivery = mailer.send(composed, composed.recipients)
    if delivery.accepted:
        log.append(
            AlertRecord(
                unit=unit.unit,
                response_ids=ids,
                response_keys=keys,
                recipients=delivery.accepted,
                message_id=composed.message_id,
                alerted_at=now.isoformat(timespec="seconds"),
            )
        )
        to = join_names(delivery.accepted, lang)
        echo(f"{unit.unit}: {t('alerts.alerted', lang, n=len(ids), to=to)}")
    for refusal in delivery.refused:
        to = t("alerts.not_sent_to", lang, recipient=refusal.recipient) if refusal.recipient else ""
        retried = t("alerts.gave_up", lang, n=delivery.attempts) if refusal.transient else ""
        said = t("alerts.not_sent", lang, to=to, reply=refusal.reply, retried=retried)
        echo(f"{unit.unit}: {said}")
    status: AlertStatus = (
        "failed" if not delivery.accepted else "partial" if delivery.refused else "sent"
    )
    return AlertOutcome(
        unit.unit, status, ids, recipients=delivery.accepted, refused=delivery.refused
    )


def _counts(summary: AlertSummary, lang: Language) -> str:
    """Return the run's last line: how many units ended how (``alerts: 1 sent, 2 skipped.``)."""
    counts: dict[str, int] = {}
    for o in summary.outcomes:
        counts[o.status] = counts.get(o.status, 0) + 1
    said = [t(f"alerts.status.{status}", lang, n=n) for status, n in counts.items()]
    return t("alerts.counts", lang, counts=join_names(said, lang) or t("alerts.no_units", lang))
