"""The alert e-mail: a short list of new detractors to call back, in the unit's language.

Plain text and an HTML twin (CSS inlined like the report e-mail, every value escaped), built as
a :class:`~nps_kit.mail.compose.ComposedMessage` so that :mod:`nps_kit.mail` delivers it, logs
its Message-ID and writes it to the dry-run outbox exactly as it does reports.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections.abc import Mapping
from dataclasses import dataclass
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

import pandas as pd

from nps_kit import clock
from nps_kit._fonts import MAIL_FONTS
from nps_kit._phone import dial_string, looks_like_phone
from nps_kit._question_label import header_label
from nps_kit._zone_hint import ZoneHint, zone_line
from nps_kit.closed_loop import (
    CALL_WITHIN_HOURS,
    NAME_HEADER,
    ContactBasis,
    contact_basis,
    id_heading,
)
from nps_kit.i18n import Language, shown_redactions, t
from nps_kit.mail._policy import POLICY
from nps_kit.mail.compose import ComposedMessage
from nps_kit.mail.units import parse_address
from nps_kit.params import Breakdown, UnitParameters, in_language
from nps_kit.periods import format_period

__all__ = ["alert_subject", "compose_alert"]

_CSS = """
body { margin: 0; padding: 0; background: #f3f4f6; }
td { color: #1f2937;
     font-size: 15px; line-height: 1.5; }
.inner { max-width: 640px; width: 100%; background: #ffffff; border-collapse: collapse; }
.pad { padding: 12px 24px; }
.person { padding: 10px 24px; border-top: 1px solid #e5e7eb; }
.person p { margin: 2px 0; }
.score { color: #c4452f; font-weight: bold; }
.due { color: #92400e; }
.contact a { color: #1d4ed8; }
.muted { color: #6b7280; font-size: 13px; }
blockquote { margin: 6px 0 0; padding-left: 10px; border-left: 3px solid #e5e7eb; }
"""

#: The words' key suffix per basis; alerts never go out with consent unknown
#: (:func:`nps_kit.alerts.alerts_blocker`), so ``None`` words as consent.
_WORDS: dict[ContactBasis | None, str] = {"consent": "", "details": "_details", None: ""}


def alert_subject(
    name: str, count: int, lang: Language, *, basis: ContactBasis | None = "consent"
) -> str:
    """Return the subject, e.g. ``【NPS】EC事業部：連絡を許可した新しい批判者3人``.

    ``basis`` (:func:`nps_kit.closed_loop.contact_basis`) words why they may be contacted:
    ``"details"`` gives 「連絡先を残した新しい批判者」, as the report's follow-up box says.
    """
    return t(f"alerts_mail.subject{_WORDS[basis]}", lang, name=name, n=count)


def _facts(unit: UnitParameters, record: Mapping[Any, Any]) -> list[str]:
    """Return the breakdown answers, ``name: value`` (contact details: :func:`_contacts`)."""
    facts = []
    for item in unit.breakdowns:
        column = item.column if isinstance(item, Breakdown) else item
        name = (
            (in_language(item.label, unit.language) or header_label(item.column))
            if isinstance(item, Breakdown)
            else header_label(item)
        )
        value = record.get(column)
        if value not in (None, ""):
            facts.append(f"{name}：{value}" if unit.language == "ja" else f"{name}: {value}")
    return facts


@dataclass(frozen=True)
class _Contact:
    """One contact detail: its label, value and link (``tel:``/``mailto:``, or ``""``)."""

    label: str
    value: str
    link: str = ""


def _contacts(unit: UnitParameters, record: Mapping[Any, Any]) -> tuple[str, list[_Contact]]:
    """Return the person's name (the name columns of contact_details) and means of contact.

    A phone number or an e-mail address gets a short label and a link a phone opens; another
    detail keeps the export's header as its label.
    """
    lang = unit.language
    name = ""
    found: list[_Contact] = []
    for column in (unit.column(c) for c in unit.columns.contact_details):
        value = str(record.get(column) or "").strip()
        if not value:
            continue
        if NAME_HEADER.search(column):
            # First and last name in two columns (Qualtrics' RecipientFirstName and
            # RecipientLastName) are one name, in the order they are listed.
            name = f"{name} {value}".strip()
        elif "@" in value and " " not in value:
            found.append(_Contact(t("alerts_mail.email", lang), value, f"mailto:{value}"))
        elif looks_like_phone(value):
            dial = dial_string(value)
            found.append(_Contact(t("alerts_mail.phone", lang), value, f"tel:{dial}"))
        else:
            found.append(_Contact(header_label(column), value))
    return name, found


def _call_by(lang: Language, record: Mapping[Any, Any]) -> str:
    """``Call by 2026-11-05 11:00 JST``, marked when that time has already passed."""
    due = t("alerts_mail.call_by", lang, time=record.get("call_by", ""))
    return due + t("alerts_mail.overdue", lang) if record.get("overdue") else due


def _person_html(
    lang: Language,
    record: Mapping[Any, Any],
    name: str,
    contacts: list[_Contact],
    facts: list[str],
    comment: str,
    id_name: str,
) -> str:
    e = html.escape
    sep = "：" if lang == "ja" else ": "
    lines = [
        f'<p class="when"><b>{e(str(record["date"]))}</b>'
        + (f" · <b>{e(name)}</b>" if name else "")
        + f' · <span class="score">{e(t("alerts_mail.score", lang, score=record["score"]))}'
        "</span></p>",
    ]
    if record.get("call_by"):
        lines.append(f'<p class="due">{e(_call_by(lang, record))}</p>')
    for c in contacts:
        value = f'<a href="{e(c.link)}">{e(c.value)}</a>' if c.link else e(c.value)
        lines.append(f'<p class="contact">{e(c.label)}{sep}{value}</p>')
    if facts:
        lines.append(f'<p class="muted">{e(" / ".join(facts))}</p>')
    # The comment's line breaks kept: in HTML they became spaces (QA21).
    lines.append(f"<blockquote>{'<br>'.join(e(x) for x in comment.splitlines())}</blockquote>")
    said = _id_line(lang, record, id_name)
    lines.append(f'<p class="muted">{e(said)}</p>')
    return f'<tr><td class="person">{"".join(lines)}</td></tr>'


def _id_line(lang: Language, record: Mapping[Any, Any], id_name: str) -> str:
    """Name the response by its id, or by its row when its id cell was blank, and say so."""
    key = "alerts_mail.id_blank" if record.get("id_blank") else "alerts_mail.id"
    return t(key, lang, name=id_name, id=record["response_id"])


def _record_line(unit: UnitParameters, months: list[str], now: dt.datetime) -> str:
    """Say in which month's work file to record the calls, and when a file is yet to come.

    A month's report, with its work file, is made once the month has ended (``period:
    latest``): on 5 December the November file exists and December's does not until January
    (QA25: the alert asked to fill in both).
    """
    lang = unit.language
    joiner = "・" if lang == "ja" else ", "
    file = f"{unit.unit}_followups.xlsx"
    local = now.astimezone(clock.zone(lang, unit.timezone)) if now.tzinfo else now
    this_month = f"{local:%Y-%m}"
    ended = [m for m in months if m < this_month]
    later = [m for m in months if m >= this_month]
    lines = []
    if ended or not later:
        shown = joiner.join(format_period(m, lang) for m in ended) or "—"
        lines.append(t("alerts_mail.record", lang, file=file, month=shown))
    if later:
        first = pd.Period(later[-1], freq="M") + 1
        lines.append(
            t(
                "alerts_mail.record_later",
                lang,
                file=file,
                month=joiner.join(format_period(m, lang) for m in later),
                start=format_period(f"{first:%Y-%m}", lang),
            )
        )
    return ("" if lang == "ja" else " ").join(lines)


def compose_alert(
    unit: UnitParameters,
    rows: pd.DataFrame,
    *,
    sender: Address,
    now: dt.datetime,
    unlisted: tuple[str, ...] | None = None,
    zone: ZoneHint | None = None,
    offsets: bool = False,
    date_label: str | None = None,
) -> ComposedMessage:
    """Build the alert for ``rows`` (from :func:`nps_kit.alerts.new_detractors`).

    Parameters
    ----------
    unit
        Validated parameters; ``alerts.to`` are the recipients.
    rows
        The new detractors, most urgent first.
    sender
        The ``From`` address.
    now
        The ``Date`` header.
    unlisted
        With a consent column and no contact details configured, the export's e-mail and
        phone columns (:func:`nps_kit.closed_loop.unlisted_reach`): the message then says it
        gives no way to reach anyone, in the team's words (what to set is ``nps-kit alerts``'
        own line, BROWSE36). ``None``: contact details are listed.
    zone
        The zone the export points to (:func:`nps_kit._zone_hint.zone_hint`), proposed when
        the unit has no ``timezone``; ``None``: the rule and neutral examples.
    offsets
        Whether the export wrote its times with their UTC offset
        (:func:`nps_kit.alerts.export_offsets`): without a ``timezone`` they are shown as
        written, each at its offset's clock (:func:`nps_kit.clock.export_zone`), and the
        message says the offsets were written.
    date_label
        The date column's label when it is not when the answer was given
        (:func:`nps_kit.closed_loop.date_not_answered`: a hotel's チェックアウト日): the
        message says so once and gives no call-by time (``rows``' ``call_by`` is empty).

    Returns
    -------
    ComposedMessage
        Text and HTML alternatives, ``To`` = ``alerts.to``.
    """
    import css_inline

    lang = unit.language
    records = rows.to_dict("records")
    # Headed as the export names it, the column the team searches by (QA27 #6: 会員ID).
    column = unit.column(unit.columns.id) if unit.columns.id else None
    id_name = id_heading(column, lang)  # a machine name in words, as the report's cards
    searched = column or id_name  # "find each person by response_id in the export"
    # Without a consent question, leaving a number or address was the consent
    # (closed_loop.contactable_detractors): subject, intro and rule say which basis chose
    # them, in the report's words (FIX30: "who allowed contact" beside the report's "left a
    # way to reach them").
    basis = contact_basis(
        contact_column=unit.columns.contact,
        details=[unit.column(c) for c in unit.columns.contact_details],
    )
    title = alert_subject(unit.name, len(records), lang, basis=basis)
    intro = t(f"alerts_mail.intro{_WORDS[basis]}", lang, name=unit.name, n=len(records))
    rule = t(f"alerts_mail.threshold{_WORDS[basis]}", lang, max=unit.alerts.max_score)
    footer = t("alerts_mail.footer", lang)
    text = [intro, ""]
    # QA25 A-4: people who allowed contact, and nothing in the e-mail to reach them by.
    # BROWSE36: what it means for the team; what to set is the run's line (alerts.no_details).
    missing = None if unlisted is None else t("alerts_mail.no_details", lang, name=searched)
    if missing:
        text += [missing, ""]
    # QA25 B-4: times shown without a zone nobody set, and said why; FIX44: the zone the
    # export points to, if any, else the rule. QA26 #12: times written with their offset are
    # shown at that offset's clock, as written (FIX48), and the line says the offsets were.
    unzoned = (
        zone_line(zone, lang, offsets=offsets)
        if clock.zone_assumed(unit.language, unit.timezone)
        else None
    )
    if unzoned:
        text += [unzoned, ""]
    # QA44: a check-out or visit day is not when the answer came: no call-by counted from it.
    other_date = (
        t(
            "alerts_mail.other_date",
            lang,
            label=date_label,
            hours=CALL_WITHIN_HOURS,
        )
        if date_label
        else None
    )
    if other_date:
        text += [other_date, ""]
    people = []
    e = html.escape
    sep = "：" if lang == "ja" else ": "
    for record in records:
        facts = _facts(unit, record)
        name, contacts = _contacts(unit, record)
        comment = shown_redactions(str(record.get("comment") or ""), lang) or t(
            "alerts_mail.no_comment", lang
        )
        score = t("alerts_mail.score", lang, score=record["score"])
        # Headed by when they answered (the unit's zone), not by the id: a Google Forms id is
        # the raw Timestamp, which repeated the time (QA20); the id closes the entry.
        text.append(" / ".join([str(record["date"]), score, *facts]))
        reach = [name] if name else []
        reach += [f"{c.label}{sep}{c.value}" for c in contacts]
        if reach:
            text.append("  " + " / ".join(reach))
        text += [
            *(["  " + _call_by(lang, record)] if record.get("call_by") else []),
            # Every line of a multi-line comment indented, as its first (QA21).
            *(f"  {line}" for line in comment.splitlines() or [""]),
            "  " + _id_line(lang, record, id_name),
            "",
        ]
        people.append(_person_html(lang, record, name, contacts, facts, comment, id_name))
    # The work file of the month each person answered in (QA21: 「今月のレポート」 on
    # 5 December meant November's): a person is listed in that month's report.
    stamps = (str(r["date"]) for r in records)
    months = sorted({d[:7] for d in stamps if re.match(r"\d{4}-\d{2}", d)})
    record_line = _record_line(unit, months, now)
    text += [record_line, ""]
    text += [rule, "", "-- ", footer, ""]
    document = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>td {{ font-family: {MAIL_FONTS[lang]}; }}{_CSS}"
        "</style></head><body>"
        '<table role="presentation" class="inner" width="640" cellpadding="0" cellspacing="0">'
        f'<tr><td class="pad"><p>{e(intro)}</p>'
        + (f'<p class="due">{e(missing)}</p>' if missing else "")
        + (f'<p class="muted">{e(unzoned)}</p>' if unzoned else "")
        + (f'<p class="due">{e(other_date)}</p>' if other_date else "")
        + "</td></tr>"
        + "".join(people)
        + f'<tr><td class="pad"><p>{e(record_line)}</p>'
        f'<p class="muted">{e(rule)}<br>{e(footer)}</p></td></tr>'
        "</table></body></html>"
    )
    domain = sender.domain or "nps-kit.localhost"
    message_id = make_msgid(domain=domain)
    to = tuple(parse_address(a) for a in unit.alerts.to)
    message = EmailMessage(policy=POLICY)
    message["Subject"] = title
    message["From"] = sender
    message["To"] = to
    message["Date"] = format_datetime(now)
    message["Message-ID"] = message_id
    message.set_content("\n".join(text))
    body = css_inline.inline(document)
    message.add_alternative(body, subtype="html")
    message["Content-Language"] = lang  # after set_content, which clears Content-* headers
    return ComposedMessage(
        message=message,
        message_id=message_id,
        recipients=tuple(dict.fromkeys(a.addr_spec.lower() for a in to)),
        subject=title,
        html_bytes=len(body.encode("utf-8")),
    )
