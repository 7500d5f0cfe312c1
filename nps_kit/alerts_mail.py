"""The alert e-mail: a short list of new detractors to call back, in the unit's language.

Plain text and an HTML twin (CSS inlined like the report e-mail, every value escaped), built as
a :class:`~nps_kit.mail.compose.ComposedMessage` so that :mod:`nps_kit.mail` delivers it, logs
its Message-ID and writes it to the dry-run outbox exactly as it does reports.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from typing import Any

import pandas as pd

from nps_kit.i18n import Language, t
from nps_kit.mail._policy import POLICY
from nps_kit.mail.compose import ComposedMessage
from nps_kit.mail.units import parse_address
from nps_kit.params import Breakdown, UnitParameters, in_language

__all__ = ["alert_subject", "compose_alert"]

_CSS = """
body { margin: 0; padding: 0; background: #f3f4f6; }
td { font-family: 'Hiragino Sans', Meiryo, 'Segoe UI', Arial, sans-serif; color: #1f2937;
     font-size: 15px; line-height: 1.5; }
.inner { max-width: 640px; width: 100%; background: #ffffff; border-collapse: collapse; }
.pad { padding: 12px 24px; }
.person { padding: 10px 24px; border-top: 1px solid #e5e7eb; }
.id { font-weight: bold; }
.score { color: #c4452f; font-weight: bold; }
.muted { color: #6b7280; font-size: 13px; }
blockquote { margin: 6px 0 0; padding-left: 10px; border-left: 3px solid #e5e7eb; }
"""


def alert_subject(name: str, count: int, lang: Language) -> str:
    """Return the subject, e.g. ``【NPS】EC事業部：連絡を許可した新しい批判者3人``."""
    return t("alerts_mail.subject", lang, name=name, n=count)


def _facts(unit: UnitParameters, record: Mapping[Any, Any]) -> list[str]:
    facts = [str(record["date"]), t("alerts_mail.score", unit.language, score=record["score"])]
    # The contact details (columns.contact_details) first, under the export's headers.
    named = [(unit.column(c), unit.column(c)) for c in unit.columns.contact_details]
    for item in unit.breakdowns:
        column = item.column if isinstance(item, Breakdown) else item
        name = (
            (in_language(item.label, unit.language) or item.column)
            if isinstance(item, Breakdown)
            else item
        )
        named.append((column, name))
    for column, name in named:
        value = record.get(column)
        if value not in (None, ""):
            facts.append(f"{name}：{value}" if unit.language == "ja" else f"{name}: {value}")
    return facts


def compose_alert(
    unit: UnitParameters, rows: pd.DataFrame, *, sender: Address, now: dt.datetime
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

    Returns
    -------
    ComposedMessage
        Text and HTML alternatives, ``To`` = ``alerts.to``.
    """
    import css_inline

    lang = unit.language
    records = rows.to_dict("records")
    title = alert_subject(unit.name, len(records), lang)
    intro = t("alerts_mail.intro", lang, name=unit.name, n=len(records))
    rule = t("alerts_mail.threshold", lang, max=unit.alerts.max_score)
    footer = t("alerts_mail.footer", lang)
    text = [intro, ""]
    people = []
    e = html.escape
    for record in records:
        facts = _facts(unit, record)
        comment = str(record.get("comment") or "") or t("alerts_mail.no_comment", lang)
        text += [f"{record['response_id']}  " + " / ".join(facts), f"  {comment}", ""]
        people.append(
            f'<tr><td class="person"><span class="id">{e(str(record["response_id"]))}</span> '
            f'<span class="score">{e(facts[1])}</span><br>'
            f'<span class="muted">{e(" / ".join([facts[0], *facts[2:]]))}</span>'
            f"<blockquote>{e(comment)}</blockquote></td></tr>"
        )
    text += [rule, "", "-- ", footer, ""]
    document = (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{e(title)}</title><style>{_CSS}</style></head><body>"
        '<table role="presentation" class="inner" width="640" cellpadding="0" cellspacing="0">'
        f'<tr><td class="pad"><p>{e(intro)}</p></td></tr>'
        + "".join(people)
        + f'<tr><td class="pad"><p class="muted">{e(rule)}<br>{e(footer)}</p></td></tr>'
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
