"""``send_alerts``: read each unit's export, pick its new detractors, mail the owners, log them."""

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from nps_kit import clock
from nps_kit._atomic import check_writable
from nps_kit._id_repeats import unit_id_warning
from nps_kit._lock import file_lock
from nps_kit._project_language import run_language
from nps_kit._zone_hint import zone_hint
from nps_kit.alerts._blockers import (
    _cannot_alert,
    _data_options,
    _skip,
    alerts_blocker,
    export_proposals,
)
from nps_kit.alerts._export import _Caches, _Export
from nps_kit.alerts._log import ALERTS_DIR, Alerted, AlertLog, AlertRecord
from nps_kit.alerts._outcome import AlertOutcome, AlertStatus, AlertSummary
from nps_kit.alerts._select import _consent_unknown, new_detractors
from nps_kit.alerts._since import local_since
from nps_kit.alerts_mail import compose_alert
from nps_kit.closed_loop import (
    date_not_answered,
    reach_columns,
    record_columns,
    record_note,
    unlisted_note,
    unlisted_reach,
)
from nps_kit.i18n import Language, join_names, t
from nps_kit.mail.compose import ComposedMessage
from nps_kit.mail.deliver import DEFAULT_RETRY_DELAYS, Mailer
from nps_kit.mail.log import set_aside_stale, write_eml
from nps_kit.mail.send import _sender
from nps_kit.mail.settings import (
    SmtpSettings,
    delivery_mode,
    load_settings,
    no_host_closing,
    no_host_opening,
)
from nps_kit.params import UnitParameters
from nps_kit.periods import late_export
from nps_kit.unit import select_unit_rows


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
            # QA44: dated by a check-out or visit day, --since counts from it (said once).
            other_date = date_not_answered(unit_rows.report.date_column)
            if other_date is not None:
                echo(t("alerts.since_other_date", unit.language, unit=unit.unit, label=other_date))
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
                date_label=other_date,
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
