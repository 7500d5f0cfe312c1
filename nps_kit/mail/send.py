"""``send_reports``: mail each unit's finished report once, or write it to the outbox."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from pathlib import Path
from typing import Literal

from nps_kit._lock import file_lock
from nps_kit._project_language import run_language
from nps_kit._schema_errors import Said
from nps_kit.errors import MailError, closest
from nps_kit.i18n import Language, join_names, t
from nps_kit.mail.compose import compose_message
from nps_kit.mail.deliver import DEFAULT_RETRY_DELAYS, Mailer, Refusal
from nps_kit.mail.log import (
    SendLog,
    SendRecord,
    content_sha256,
    file_sha256,
    set_aside_stale,
    shown_figures,
    write_eml,
)
from nps_kit.mail.settings import (
    SmtpSettings,
    delivery_mode,
    load_settings,
    no_host_closing,
    no_host_opening,
)
from nps_kit.mail.units import MailUnit, parse_address, read_manifest
from nps_kit.params import display_text_problem

__all__ = ["OutcomeStatus", "SendSummary", "UnitOutcome", "send_reports"]

OutcomeStatus = Literal[
    "sent",
    "partial",
    "failed",
    "written",
    "already_sent",
    "no_recipients",
    "not_ready",
    "no_responses_yet",
]
_DRY_RUN_SENDER = Address("nps-kit", addr_spec="nps-kit@localhost")
#: Many servers refuse messages above 10 MB (after base64, which adds a third).
LARGE_MESSAGE_BYTES = 10 * 1024 * 1024


@dataclass(frozen=True)
class UnitOutcome:
    """What happened to one unit.

    Attributes
    ----------
    unit
        The unit id.
    status
        ``sent`` (every recipient accepted), ``partial`` (some refused), ``failed`` (nothing
        sent: refused, the message could not be built, or the SMTP server stopped answering),
        ``written`` (dry run: ``.eml`` in the outbox), ``already_sent`` (the send log has it),
        ``no_recipients``, ``not_ready`` (the report failed or its HTML is missing) or
        ``no_responses_yet`` (a unit set up before its first responses: nothing to send, no
        failure).
    recipients
        Who got it (or, in a dry run, would get it).
    refused
        Recipients the server refused, or the reason the whole message failed.
    message_id, size, path
        The ``Message-ID``, the message size in bytes and, in a dry run, the ``.eml`` file.
    detail
        Why a unit was skipped or not sent.
    """

    unit: str
    status: OutcomeStatus
    recipients: tuple[str, ...] = ()
    refused: tuple[Refusal, ...] = ()
    message_id: str | None = None
    size: int | None = None
    path: Path | None = None
    detail: str = ""


@dataclass(frozen=True)
class SendSummary:
    """The outcome of :func:`send_reports`, one entry per selected unit in manifest order.

    ``no_host`` is true when no SMTP host was set and ``--dry-run`` was not asked: the
    messages went to the outbox only, which the command's exit status must not hide.
    """

    period: str
    dry_run: bool
    outcomes: tuple[UnitOutcome, ...]
    no_host: bool = False

    def with_status(self, *statuses: OutcomeStatus) -> tuple[UnitOutcome, ...]:
        """Return the outcomes with any of ``statuses``."""
        return tuple(o for o in self.outcomes if o.status in statuses)

    @property
    def ok(self) -> bool:
        """Whether nothing is left unsent.

        ``False`` when any selected report was not ready, failed or was refused by anyone; units
        already sent or without recipients do not count against it.
        """
        return not self.with_status("partial", "failed", "not_ready")


def send_reports(
    output_dir: Path,
    period: str,
    *,
    units: Sequence[str] | None = None,
    dry_run: bool = False,
    resend: bool = False,
    settings: SmtpSettings | None = None,
    echo: Callable[[str], object] = print,
    retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
    command: Literal["send", "run --send"] = "send",
    project_units: Sequence[str] = (),
    lang: Language | None = None,
) -> SendSummary:
    """E-mail each unit's report for ``period``, once.

    Parameters
    ----------
    output_dir
        The reports root; the period folder ``<output_dir>/<period>`` holds ``manifest.json``.
    period
        ``YYYY-MM``.
    units
        Unit ids to send; ``None`` sends every unit in the manifest.
    dry_run
        Write each message to ``<period>/outbox/<unit>.eml`` and list who would get what,
        instead of sending. Also what happens when no SMTP host is configured, but then the
        summary's ``no_host`` is true and the last line says that nothing was sent.
    resend
        Send even to recipients the send log says already got this report.
    settings
        SMTP settings; default: :func:`~nps_kit.mail.settings.load_settings` (environment and
        ``.env``).
    echo
        Where progress lines go.
    retry_delays
        Back-off before each retry of a transient SMTP failure, in seconds.
    command
        The command that asked, for what the closing line without an SMTP host tells to run
        next (:func:`~nps_kit.mail.settings.no_host_closing`).
    project_units
        With ``units=None``, the project's unit ids (its parameter files): one the manifest does
        not hold has no report for ``period`` and is listed ``not_ready`` with what to run, so
        that a scheduled ``send --all`` notices it (QA27: 12 of 14 locations left out, exit 0).
    lang
        The language of the run's own lines (the wait for another send, no SMTP host, the
        outbox set aside, a stop part-way, the totals): the project's (``language`` of
        ``defaults.yaml``); ``None`` takes the language the manifest's units share, else
        English (:func:`nps_kit._project_language.run_language`). Each unit's lines are in
        its report's language (FIX87).

    Returns
    -------
    SendSummary
        One outcome per unit; ``summary.ok`` is false when anything was not sent.

    Raises
    ------
    MailError
        Before anything is sent: missing manifest, unknown unit, invalid addresses in any unit
        (all listed together), bad settings, or the server cannot be reached at all or refuses
        the login or TLS. A server that stops answering after it has taken messages does not
        raise: the unit being sent and the units after it are ``failed``, and the end of the
        output lists what was sent and what was not.
    """
    folder = output_dir / period
    manifest = read_manifest(folder, period, lang=lang)
    lang = run_language(lang, (u.language for u in manifest.units))
    selected = _select(manifest.units, units, folder, lang)
    _require_recipients(selected, folder, lang)
    settings = settings if settings is not None else load_settings(lang=lang)
    mode = delivery_mode(settings, dry_run=dry_run)
    no_host, dry_run = mode.no_host, mode.dry_run
    if no_host:
        echo(no_host_opening(folder / "outbox", lang=lang))
    sender = _sender(settings, lang)
    log = SendLog(folder / "sent.jsonl")
    outcomes: list[UnitOutcome] = []
    written_paths: list[Path] = []
    stopped: MailError | None = None
    with contextlib.ExitStack() as stack:
        # Two sends of one period at once (a scheduler and a person) would both read the log
        # before either wrote it and mail everyone twice: the second waits for the first.
        lock = folder / ".send.lock"
        waiting = t("send.lock_wait", lang, lock=lock)
        stack.enter_context(file_lock(lock, on_wait=lambda: echo(waiting)))
        mailer: Mailer | None = None
        for unit in selected:
            ulang = unit.language
            skipped = _skip_reason(unit, period)
            if skipped is not None:
                outcomes.append(skipped)
                echo(f"{unit.unit}: {t('send.skipped', ulang, detail=skipped.detail)}")
                continue
            assert unit.html is not None
            html_sha = file_sha256(unit.html)
            content = content_sha256(unit.summary, unit.html)
            done = (
                set()
                if resend
                else log.delivered(
                    unit.unit,
                    period=period,
                    content_sha256=content,
                    html_sha256=html_sha,
                    summary=unit.summary,
                )
            )
            pending = tuple(r for r in unit.mail.recipients if r not in done)
            if not pending:
                detail = t("send.already_sent", ulang)
                outcomes.append(UnitOutcome(unit.unit, "already_sent", detail=detail))
                echo(f"{unit.unit}: {t('send.already_sent_line', ulang)}")
                continue
            if stopped is not None:
                detail = t("send.not_attempted", ulang)
                outcomes.append(UnitOutcome(unit.unit, "failed", detail=detail))
                echo(f"{unit.unit}: {t('send.not_sent_detail', ulang, detail=detail)}")
                continue
            groups = _by_last_mail(
                pending, log.last_sent_to(unit.unit, period=period), content, html_sha
            )
            # One unit's broken manifest entry or unreadable report must not stop the others.
            try:
                problem = display_text_problem(unit.name)
                if problem is not None:
                    raise ValueError(f"name: {problem}")
                messages = [
                    (compose_message(unit, period, sender=sender, replaces=replaces), whom)
                    for replaces, whom in groups
                ]
            except Exception as exc:
                error = f"{type(exc).__name__}: {exc}"
                detail = t("send.cannot_build", ulang, error=error)
                outcomes.append(UnitOutcome(unit.unit, "failed", detail=detail))
                echo(f"{unit.unit}: {t('send.not_sent_detail', ulang, detail=detail)}")
                continue
            size = max(composed.size for composed, _ in messages)
            if size > LARGE_MESSAGE_BYTES:
                echo(f"{unit.unit}: warning: {t('send.large', ulang, mb=f'{size / 2**20:.1f}')}")
            if dry_run:
                paths = []
                for i, (composed, whom) in enumerate(messages):
                    name = unit.unit if i == 0 else f"{unit.unit}.{i + 1}"
                    paths.append(write_eml(composed, folder / "outbox", name))
                    written_paths.append(paths[-1])
                    listed = _listing(
                        unit,
                        composed.subject,
                        composed.size,
                        whom,
                        paths[-1],
                        others_got_it=len(messages) == 1,
                    )
                    echo(listed)
                outcomes.append(
                    UnitOutcome(
                        unit.unit,
                        "written",
                        recipients=pending,
                        message_id=messages[0][0].message_id,
                        size=size,
                        path=paths[0],
                    )
                )
                continue
            if mailer is None:
                mailer = stack.enter_context(Mailer(settings, retry_delays=retry_delays, lang=lang))
            accepted: list[str] = []
            refused: list[Refusal] = []
            for composed, whom in messages:
                try:
                    delivery = mailer.send(composed, whom)
                except MailError as exc:
                    if mailer.sessions == 0:
                        raise  # never reached: the settings are wrong and nothing was sent
                    stopped = exc
                    # the others got theirs
                    to = _to(whom, ulang) if accepted else ""
                    echo(f"{unit.unit}: {t('send.not_sent', ulang, to=to, reason=exc.message)}")
                    break
                if delivery.accepted:
                    log.append(
                        SendRecord(
                            unit=unit.unit,
                            recipients=delivery.accepted,
                            message_id=composed.message_id,
                            sent_at=datetime.now(UTC).isoformat(timespec="seconds"),
                            html_sha256=html_sha,
                            refused=tuple(str(r) for r in delivery.refused),
                            period=period,
                            content_sha256=content,
                            n=unit.summary.n,
                            nps=unit.summary.nps,
                            figures=shown_figures(unit.summary),
                        )
                    )
                    sent = t(
                        "send.sent_to",
                        ulang,
                        to=join_names(delivery.accepted, ulang),
                        size=_kb(composed.size),
                    )
                    echo(f"{unit.unit}: {sent}")
                accepted += delivery.accepted
                refused += delivery.refused
                for refusal in delivery.refused:
                    to = _to([refusal.recipient], ulang) if refusal.recipient else ""
                    retried = (
                        t("send.gave_up", ulang, n=delivery.attempts) if refusal.transient else ""
                    )
                    reason = f"{refusal.reply}{retried}"
                    echo(f"{unit.unit}: {t('send.not_sent', ulang, to=to, reason=reason)}")
            status: OutcomeStatus = (
                "failed"
                if not accepted
                else "partial"
                if refused or stopped is not None
                else "sent"
            )
            outcomes.append(
                UnitOutcome(
                    unit.unit,
                    status,
                    recipients=tuple(accepted),
                    refused=tuple(refused),
                    message_id=messages[0][0].message_id,
                    size=size,
                    detail=stopped.message if stopped is not None and status != "sent" else "",
                )
            )
    if units is None:
        held = {u.unit for u in manifest.units}
        for unit_id in dict.fromkeys(project_units):
            if unit_id in held:
                continue
            # Not in the manifest, so its language is not known here: the project's.
            detail = t("send.not_in_manifest", lang, unit=unit_id, period=period)
            outcomes.append(UnitOutcome(unit_id, "not_ready", detail=detail))
            echo(f"{unit_id}: {t('send.skipped', lang, detail=detail)}")
    if dry_run:  # the outbox holds only what this run would send
        moved = set_aside_stale(
            folder / "outbox", written=written_paths, units=[u.unit for u in selected], lang=lang
        )
        if moved is not None:
            echo(moved)
    summary = SendSummary(period=period, dry_run=dry_run, outcomes=tuple(outcomes), no_host=no_host)
    if stopped is not None:
        echo(_stopped_report(summary, stopped, lang))
    echo(_totals(summary, lang))
    if no_host:
        written = any(o.status == "written" for o in summary.outcomes)
        echo(no_host_closing(folder / "outbox", command=command, written=written, lang=lang))
    return summary


def _select(
    all_units: Sequence[MailUnit], wanted: Sequence[str] | None, folder: Path, lang: Language
) -> list[MailUnit]:
    if wanted is None:
        return list(all_units)
    known = {u.unit: u for u in all_units}
    unknown = [w for w in dict.fromkeys(wanted) if w not in known]
    if unknown:
        hints = [
            t("send.unknown_unit_guess", lang, unit=w, guess=h)
            if (h := closest(w, known))
            else t("send.unit_named", lang, unit=w)
            for w in unknown
        ]
        raise MailError(
            t(
                "send.unknown_unit", lang, units=join_names(hints, lang),
                manifest=folder / "manifest.json",
                known=join_names(known, lang) if known else t("send.no_units", lang),
            ),
            hint=t("send.unknown_unit_hint", lang),
        )  # fmt: skip
    return [known[w] for w in dict.fromkeys(wanted)]


def _require_recipients(selected: Sequence[MailUnit], folder: Path, lang: Language) -> None:
    """Refuse a send that cannot mail anyone: no selected unit has a recipient.

    A run from a scheduler would otherwise "succeed" every month without sending a thing. Some
    units without recipients are fine (their reports may be read on the intranet only): they
    are skipped with a notice and the others are sent. Only a selection of ready reports can
    be refused: a unit refused, failed or with a parameter error (whose recipients could not
    even be read) is listed with its reason and the command exits 1 (FIX38: a month of refused
    units said only "no recipients"; REVIEW25: a refused unit with recipients beside a ready
    one without was not named, and "no selected unit has recipients" was not true).
    """
    known = [u for u in selected if u.status == "ok"]
    if len(known) < len(selected) or any(u.mail.recipients for u in known):
        return
    listed = join_names(
        (f"{u.unit} ({u.name})" if u.name != u.unit else u.unit for u in known), lang
    )
    raise MailError(
        t("send.nothing_to_send", lang, manifest=folder / "manifest.json", units=listed),
        hint=t("send.nothing_to_send_hint", lang),
    )


def _sender(settings: SmtpSettings, lang: Language) -> Address:
    if settings.sender is None:
        return _DRY_RUN_SENDER
    try:
        return parse_address(settings.sender)
    except ValueError as exc:
        shown = f"「{settings.sender}」" if lang == "ja" else repr(settings.sender)
        # A reason of its own (the part before @ too long) is said in ``lang``, whole.
        said = exc.words(lang) if isinstance(exc, Said) else None
        raise MailError(
            t("smtp.bad_from_said", lang, error=said)
            if said
            else t("smtp.bad_from", lang, value=shown, error=exc),
            hint=t("smtp.bad_from_hint", lang),
        ) from None


def _unchecked_groups(unit: MailUnit) -> list[str]:
    """Return the groups what moved names without a record of the floor they were checked against.

    A report made before what moved left out the groups the anonymity floor hides published
    their names like any other (no ``min_report_n`` in its record); its HTML names them too.
    """
    names: list[str] = []
    for record in unit.summary.contributors:
        if isinstance(record.get("min_report_n"), int):
            continue
        items = record.get("items")
        for item in items if isinstance(items, list | tuple) else ():
            if isinstance(item, dict) and item.get("kind") != "others" and item.get("group"):
                names.append(str(item["group"]))
    return list(dict.fromkeys(names))


def _skip_reason(unit: MailUnit, period: str) -> UnitOutcome | None:
    from nps_kit._unit_rows import NO_RESPONSES_YET

    lang, at = unit.language, {"unit": unit.unit, "period": period}
    if unit.reason == NO_RESPONSES_YET:
        # A unit set up before its first responses (QA21): nothing to fix, nothing to send.
        detail = t("send.no_responses_yet", lang)
        return UnitOutcome(unit.unit, "no_responses_yet", detail=detail)
    if unit.status in ("refused", "no data"):
        # The last run refused it: its report on disk is an earlier run's (QA19).
        why = unit.reason_in(lang) or t("send.see_run", lang)
        # No data (no responses in the month, or too few so far in a month not over) is not
        # the unit's fault: the export must have them first (QA20: 'fix the unit' for that).
        todo = t(
            "send.fix_then_send" if unit.status == "refused" else "send.data_then_send", lang, **at
        )
        # The status as run's closing table says it (実行せず, 回答なし), not the manifest's word.
        status = t(f"run.status.{unit.status}", lang)
        detail = t("send.not_rebuilt", lang, status=status, why=why, todo=todo)
        return UnitOutcome(unit.unit, "not_ready", detail=detail)
    if unit.status == "parameter error":
        # Its parameter file could not be used, so the run built nothing of it (QA24).
        why = unit.reason or t("send.see_run", lang)
        detail = t("send.parameter_error", lang, why=why, **at)
        return UnitOutcome(unit.unit, "not_ready", detail=detail)
    if unit.status != "ok":
        detail = t("send.status", lang, status=_status_word(unit.status, lang))
        return UnitOutcome(unit.unit, "not_ready", detail=detail)
    if unit.html is None or not unit.html.is_file():
        return UnitOutcome(unit.unit, "not_ready", detail=t("send.missing", lang, html=unit.html))
    unchecked = _unchecked_groups(unit)
    if unchecked:
        # Sending it again could reveal a group the reports now hide: build it again instead.
        quote = (lambda g: f"「{g}」") if lang == "ja" else repr
        named = join_names((quote(g) for g in unchecked), lang)
        detail = t("send.unchecked", lang, named=named, **at)
        return UnitOutcome(unit.unit, "not_ready", detail=detail)
    if not unit.mail.recipients:
        # Recipients are read from the manifest, as they were when the report was built.
        detail = t("send.no_recipients", lang, unit=unit.unit)
        return UnitOutcome(unit.unit, "no_recipients", detail=detail)
    return None


def _status_word(status: str, lang: Language) -> str:
    """Say a manifest status (``failed``) as ``run``'s closing table does, else as recorded."""
    try:
        return t(f"run.status.{status}", lang)
    except KeyError:
        return status  # a status this version does not know (a newer or hand-edited manifest)


def _by_last_mail(
    pending: Sequence[str], last: Mapping[str, SendRecord], content: str, html_sha: str
) -> list[tuple[SendRecord | None, tuple[str, ...]]]:
    """Group the recipients still to send to by the earlier mail their message replaces.

    Sent before with other figures (a late file, QA24): an update that names that mail, never a
    silent second mail with another October figure. A recipient the server refused never got
    one: theirs is the report itself, not "Updated" (FIX38). ``None`` heads the plain group.
    """
    groups: dict[str | None, tuple[SendRecord | None, list[str]]] = {}
    for recipient in pending:
        earlier = last.get(recipient)
        if earlier is not None and earlier.is_report(content_sha256=content, html_sha256=html_sha):
            earlier = None  # the same figures again (--resend): the report itself
        key = None if earlier is None else earlier.message_id
        groups.setdefault(key, (earlier, []))[1].append(recipient)
    return [(earlier, tuple(whom)) for earlier, whom in groups.values()]


def _listing(
    unit: MailUnit,
    subject: str,
    size: int,
    pending: Sequence[str],
    path: Path,
    *,
    others_got_it: bool = True,
) -> str:
    lang = unit.language

    def show(addresses: Sequence[Address]) -> str:
        return join_names((str(a) for a in addresses), lang) or "—"

    lines = [
        f"{unit.unit}: {t('send.would_send', lang, subject=subject, size=_kb(size))}",
        f"  {t('send.to', lang, who=show(unit.mail.to))}",
        f"  {t('send.cc', lang, who=show(unit.mail.cc))}",
        f"  {t('send.bcc', lang, who=show(unit.mail.bcc))}",
    ]
    if len(pending) < len(unit.mail.recipients):
        why = t("send.others_got_it", lang) if others_got_it else ""
        lines.append(f"  {t('send.only_to', lang, why=why, recipients=join_names(pending, lang))}")
    lines.append(f"  {t('send.written_to', lang, path=path)}")
    return "\n".join(lines)


def _to(recipients: Sequence[str], lang: Language) -> str:
    return t("send.not_sent_to", lang, recipients=join_names(recipients, lang))


def _stopped_report(summary: SendSummary, error: MailError, lang: Language) -> str:
    """Say what was sent and what was not after the SMTP server stopped answering."""
    sent = [o.unit for o in summary.with_status("sent", "partial")]
    not_sent = [o.unit for o in summary.with_status("failed")]
    return "\n".join(
        [
            t("send.stopped", lang, error=error),
            t("send.stopped_sent", lang, units=join_names(sent, lang) or "—"),
            t("send.stopped_not_sent", lang, units=join_names(not_sent, lang) or "—"),
            t("send.stopped_again", lang),
        ]
    )


def _kb(size: int) -> str:
    return f"{size / 1024:.1f} KB"


#: The totals' order; not ready is a count noun (count.reports_not_ready).
_TOTALS: tuple[OutcomeStatus, ...] = (
    "sent",
    "written",
    "partial",
    "failed",
    "already_sent",
    "not_ready",
    "no_recipients",
    "no_responses_yet",
)


def _totals(summary: SendSummary, lang: Language) -> str:
    counts = [
        t(
            "count.reports_not_ready" if key == "not_ready" else f"send.status.{key}",
            lang,
            n=len(found),
        )
        for key in _TOTALS
        if (found := summary.with_status(key))
    ]
    return t(
        "send.totals",
        lang,
        period=summary.period,
        counts=join_names(counts, lang) or t("alerts.no_units", lang),
    )
