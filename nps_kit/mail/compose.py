"""Build one unit's e-mail: subject, HTML and text bodies, chart images and the report attachment.

MIME structure (what Outlook, Gmail and phone clients all render)::

    multipart/mixed
    ├── multipart/related
    │   ├── multipart/alternative
    │   │   ├── text/plain
    │   │   └── text/html        (refers to the charts as cid:…)
    │   └── image/png            trend (Content-Disposition: inline)
    ├── the report (text/html, application/pdf or application/zip), unless attach: none
    └── <unit>_followups.xlsx, the follow-up work file (attach: html or pdf; in the zip with zip)
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.headerregistry import Address
from email.message import EmailMessage, MIMEPart
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote, urljoin

from nps_kit.i18n import Language, join_names, signed_number, t
from nps_kit.mail._policy import POLICY
from nps_kit.mail.body import CHART_WIDTH, BodyFacts, change_label, render_body
from nps_kit.mail.pdf import paper_for, print_pdf
from nps_kit.mail.units import MailUnit
from nps_kit.periods import format_period, shift_period
from nps_kit.summary import UnitSummary, as_summary, floor_summary, under_floor

if TYPE_CHECKING:
    from nps_kit.mail.log import SendRecord  # the log imports this module

__all__ = [
    "CHART_HEIGHT",
    "MAX_HTML_BYTES",
    "ComposedMessage",
    "compose_message",
    "render_charts",
    "subject",
]

#: Gmail clips HTML bodies above ~102 KB; stay below with margin.
MAX_HTML_BYTES = 100_000

#: Verdicts of a change that the subject names (others, e.g. too few responses, are left out).
_VERDICTS = frozenset({"no_change", "improvement", "decline"})

#: Height of the mail's trend chart in CSS px; its width is :data:`nps_kit.mail.body.CHART_WIDTH`.
CHART_HEIGHT = 320


@dataclass(frozen=True)
class ComposedMessage:
    """A message ready to send, with what the send log and the dry-run listing need.

    Attributes
    ----------
    message
        The message (``email.policy.SMTP``: CRLF line ends, encoded headers; never folded
        right after a header's name, :mod:`nps_kit.mail._policy`).
    message_id
        The ``Message-ID`` header, with angle brackets.
    recipients
        Envelope recipients: to, cc and bcc as bare addresses (bcc is not in any header).
    subject
        The decoded subject.
    html_bytes
        Size of the HTML body in UTF-8 bytes (before transfer encoding).
    """

    message: EmailMessage
    message_id: str
    recipients: tuple[str, ...]
    subject: str
    html_bytes: int

    @property
    def size(self) -> int:
        """Size of the whole message as sent, in bytes."""
        return len(self.message.as_bytes())


def subject(
    name: str,
    period: str,
    summary: UnitSummary | Mapping[str, Any],
    lang: Language,
    *,
    floor: int | None = None,
) -> str:
    """Return the subject line with the change and its significance.

    ``【NPS】EC事業部 2026年10月：+1.0（前月比+2.1、有意な変化なし）`` or
    ``[NPS] Cloud Platform October 2026: +38.2 (−1.0 vs September, no significant change)``.

    Parameters
    ----------
    name
        The unit's display name.
    period
        ``YYYY-MM``.
    summary
        The unit's summary (or the manifest's ``summary`` JSON): ``nps`` and, if present,
        ``change``.
    lang
        ``"ja"`` or ``"en"``.
    floor
        The unit's anonymity floor (``thresholds.min_report_n``): a month of fewer responses
        shows only its n, ``1 response, fewer than 5: not shown`` (QA28 #5), as the overview.

    Returns
    -------
    str
        The subject; the change part is left out when there is no comparison, the verdict
        when the summary has none.
    """
    s = floor_summary(as_summary(summary) or UnitSummary(), floor)
    value = s.nps
    # A month not over when the report was made: "December 2026 to date", as the report says.
    when = format_period(period, lang, to_date=bool(s.incomplete_through))
    if under_floor(s, floor):
        hidden = t("overview.under_floor", lang, n=s.n, min_n=floor)
        return (
            f"【NPS】{name} {when}：{hidden}" if lang == "ja" else f"[NPS] {name} {when}: {hidden}"
        )
    # Signed in both languages, as the e-mail's headline writes it (QA18: "… 2026: 16.3").
    shown = signed_number(value, plus_zero=False)
    if lang == "ja":
        text = f"【NPS】{name} {when}：{shown}"
    else:
        text = f"[NPS] {name} {when}: {shown}"
    change = s.change
    if change is None or change.diff is None:
        return text
    diff = signed_number(change.diff)
    vs = change.vs or ""
    verdict = t(f"mail.verdict_{change.verdict}", lang) if change.verdict in _VERDICTS else None
    if lang == "ja":
        what = change_label(vs, period, lang)
        parts = [f"{what}{diff}", *([verdict] if verdict else [])]
        return f"{text}（{'、'.join(parts)}）"
    target = format_period(vs, lang)
    what = f"vs {target.split()[0] if vs == shift_period(period, -1) else target}"
    parts = [f"{diff} {what}", *([verdict] if verdict else [])]
    return f"{text} ({', '.join(parts)})"


def trend_table(summary: UnitSummary) -> Any:
    """Return the summary's trend as the table :func:`nps_kit.plot.trend` draws.

    Each month's small-sample flag is the report's own (``TrendPoint.small_sample``, decided
    with the unit's ``min_n`` and effective sample size), never recomputed here. Returns a
    :class:`pandas.DataFrame` (pandas is imported only when a chart is drawn).
    """
    import pandas as pd

    rows = summary.trend
    table = pd.DataFrame(
        {
            "period": [r.period for r in rows],
            "period_start": pd.to_datetime([f"{r.period}-01" for r in rows]),
            "n": [r.n or 0 for r in rows],
            "nps": [_nan(r.nps) for r in rows],
            "ci_low": [_nan(r.ci_low) for r in rows],
            "ci_high": [_nan(r.ci_high) for r in rows],
            "small_sample": [bool(r.small_sample) for r in rows],
        }
    )
    if any(r.control_low is not None for r in rows):  # the unit's own control limits
        table["control_low"] = [_nan(r.control_low) for r in rows]
        table["control_high"] = [_nan(r.control_high) for r in rows]
        table["out_of_control"] = pd.array([r.out_of_control for r in rows], dtype="string")
    return table


def render_charts(
    summary: UnitSummary | Mapping[str, Any],
    *,
    name: str,
    lang: Language,
    floor: int | None = None,
) -> dict[str, bytes]:
    """Draw the 12-month NPS trend as a PNG image with :mod:`nps_kit.plot`.

    Mail clients do not choose between image variants (``<picture>``, ``srcset``), so the one
    image is drawn for a phone: :data:`~nps_kit.mail.body.CHART_WIDTH` CSS px wide (at twice
    the pixels, crisp on high-density screens), which the body shows at that width on a
    desktop and at most the screen's width on a phone, where its smallest text stays above
    11 CSS px.

    Parameters
    ----------
    summary
        The unit's summary (or the manifest's ``summary`` JSON): ``pct_*`` shares and ``trend``
        rows (``period``, ``nps``, ``n`` and, when the runner wrote them, ``ci_low``/``ci_high``).
    name
        The unit's display name (kept for callers; the trend needs no label).
    lang
        Chart language.
    floor
        The unit's anonymity floor (``thresholds.min_report_n``): a month of fewer responses
        shows only its n, marked under the chart (:func:`nps_kit.summary.floor_trend`).

    Returns
    -------
    dict of str to bytes
        ``{"trend": png}``; empty when the summary has no trend.
    """
    import matplotlib.pyplot as plt

    from nps_kit import plot
    from nps_kit.plot._png import palette_retina_png

    s = floor_summary(as_summary(summary) or UnitSummary(), floor)
    charts: dict[str, bytes] = {}
    # The report look (Japanese font) applies to these charts only, not the caller's figures.
    with plt.rc_context():
        plot.set_theme()
        # The trend only: the shares are one line of text above it, a chart would repeat it.
        if s.trend:
            table = trend_table(s)
            # 1 CSS px per dot at 100 dpi: the figure is drawn at the width it is shown at.
            fig, ax = plt.subplots(
                figsize=(CHART_WIDTH / 100, CHART_HEIGHT / 100), dpi=100, layout="constrained"
            )
            plot.trend(
                table,
                ax=ax,
                lang=lang,
                target=s.target,
                min_n=s.min_n or 30,
                min_report_n=floor,
                title="",
            )
            rendered = palette_retina_png(fig)
            plt.close(fig)
            if rendered is not None:
                charts["trend"] = rendered[0]
    return charts


def update_line(
    record: SendRecord, summary: UnitSummary, lang: Language, *, timezone: str | None = None
) -> str:
    """Word an update's first line: the earlier mail's date and the figures that changed.

    ``Replaces the report sent on 2026-12-05: n 176 → 274, NPS −14.8 → −20.4``; only the
    figures the earlier mail gave that changed are named (:meth:`SendRecord.changed`: n, NPS,
    each comparison's points, the fiscal year to date), none when the log has no figures (an
    older log, whose update the content key decided). The
    date is the readers' (:func:`nps_kit.clock.zone`): the log's UTC date of a mail sent
    at 07:30 in Tokyo is the day before.
    """
    from nps_kit.clock import zone

    sent = datetime.fromisoformat(record.sent_at)
    sent = sent if sent.tzinfo is not None else sent.replace(tzinfo=UTC)
    date = sent.astimezone(zone(lang, timezone)).date().isoformat()
    figures = []
    for key, was, now in record.changed(summary):
        if key == "n":
            figures.append(f"{t('mail.n_label', lang)} {int(was):,} → {int(now):,}")
            continue
        name = (
            "NPS"
            if key == "nps"
            else t("mail.figure_fiscal_ytd", lang)
            if key == "fiscal_ytd"
            else change_label(key.removeprefix("change:"), summary.period or "", lang)
        )
        before, after = signed_number(was, plus_zero=False), signed_number(now, plus_zero=False)
        figures.append(f"{name} {before} → {after}")
    if not figures:
        return t("mail.replaces", lang, date=date)
    joined = join_names(figures, lang)
    return t("mail.replaces_figures", lang, date=date, figures=joined)


def compose_message(
    unit: MailUnit,
    period: str,
    *,
    sender: Address,
    charts: Mapping[str, bytes] | None = None,
    now: datetime | None = None,
    replaces: SendRecord | None = None,
) -> ComposedMessage:
    """Build the e-mail for one unit whose report exists.

    Parameters
    ----------
    unit
        The unit from the manifest (``sendable`` must be true).
    period
        ``YYYY-MM``.
    sender
        The ``From`` address; its domain also names the ``Message-ID``.
    charts
        PNG images by name (``trend``), as from :func:`render_charts`; drawn here when
        ``None``.
    now
        The ``Date`` header (default: the current time, UTC).
    replaces
        The send-log record of an earlier mail of this period with other figures: the message
        is an update (``Updated:`` / ``【更新】`` in the subject) whose first line names that
        mail's date and the figures that changed (:func:`update_line`).

    Returns
    -------
    ComposedMessage
        The message and its metadata.
    """
    if unit.html is None:
        raise ValueError(f"unit {unit.unit!r} has no report to send")
    if charts is None:
        charts = render_charts(
            unit.summary, name=unit.name, lang=unit.language, floor=unit.min_report_n
        )
    domain = sender.domain or "nps-kit.localhost"
    cids = {key: make_msgid(idstring=key, domain=domain)[1:-1] for key in charts}
    report = unit.html.read_bytes()
    filename = None if unit.mail.attach == "none" else f"{unit.unit}_{period}.{unit.mail.attach}"
    work = _work_files(unit)
    if (
        unit.summary.detractors_to_contact == 0 and not unit.summary.detractors_contacted
    ) or not _lists_anyone(work):
        # A work file of nobody (its header row only) is not attached (QA26 #21), nor is one
        # of a unit under the anonymity floor, whose summary hides the count (QA43).
        work = ()
    work_file = work_url = None
    if work and unit.mail.attach in ("html", "pdf"):
        work_file = work[-1].name  # the XLSX: what a team opens in Excel
    elif work and unit.mail.attach == "zip":
        work_file = filename
    elif work and unit.mail.report_url:
        # Beside the linked report; a unit id may be 大宮院, which a link spells %E5%A4%A7….
        work_url = urljoin(unit.mail.report_url, quote(work[-1].name))
    lang = unit.language
    body = render_body(
        BodyFacts(
            name=unit.name,
            period=period,
            language=unit.language,
            summary=unit.summary,
            attachment=filename,
            report_url=unit.mail.report_url,
            charts=cids,
            work_file=work_file,
            work_url=work_url,
            floor=unit.min_report_n,
            replaces=replaces
            if replaces is None
            else update_line(replaces, unit.summary, lang, timezone=unit.timezone),
        )
    )

    alternative = MIMEPart(policy=POLICY)
    alternative.set_content(body.text)
    alternative.add_alternative(body.html, subtype="html")
    related = MIMEPart(policy=POLICY)
    related["Content-Type"] = "multipart/related"
    related.set_param("type", "multipart/alternative")
    related.set_payload([alternative])
    for key, png in charts.items():
        # inline: without it Outlook and Apple Mail list the chart as an attachment
        related.add_related(
            png,
            "image",
            "png",
            cid=f"<{cids[key]}>",
            filename=f"{key}.png",
            disposition="inline",
        )

    message = EmailMessage(policy=POLICY)
    title = subject(unit.name, period, unit.summary, unit.language, floor=unit.min_report_n)
    if replaces is not None:
        title = t("mail.updated_subject", unit.language) + title
    message_id = make_msgid(domain=domain)
    message["Subject"] = title
    message["From"] = sender
    if unit.mail.to:
        message["To"] = unit.mail.to
    if unit.mail.cc:
        message["Cc"] = unit.mail.cc
    if unit.mail.reply_to:
        message["Reply-To"] = unit.mail.reply_to
    message["Date"] = format_datetime(now or datetime.now(UTC))
    message["Message-ID"] = message_id
    message["Content-Language"] = unit.language
    message["MIME-Version"] = "1.0"
    message["Content-Type"] = "multipart/mixed"
    message.set_payload([related])
    if filename is not None and unit.mail.attach in ("html", "pdf"):
        if unit.mail.attach == "html":
            # nbconvert writes UTF-8; saying so stops clients from guessing the charset.
            message.add_attachment(
                report,
                maintype="text",
                subtype="html",
                filename=filename,
                params={"charset": "utf-8"},
            )
        else:
            message.add_attachment(
                print_pdf(unit.html, paper=paper_for(unit.timezone)),
                maintype="application",
                subtype="pdf",
                filename=filename,
            )
        if work:
            message.add_attachment(
                work[-1].read_bytes(),
                maintype="application",
                subtype="vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                filename=work[-1].name,
            )
    elif filename is not None:
        files = {f"{unit.unit}_{period}.html": report, **{p.name: p.read_bytes() for p in work}}
        message.add_attachment(
            _zip(files), maintype="application", subtype="zip", filename=filename
        )
    return ComposedMessage(
        message=message,
        message_id=message_id,
        recipients=unit.mail.recipients,
        subject=title,
        html_bytes=len(body.html.encode("utf-8")),
    )


def _zip(files: Mapping[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _work_files(unit: MailUnit) -> tuple[Path, ...]:
    """Return the unit's follow-up work files beside its report (CSV, XLSX) that exist."""
    from nps_kit.followup_files import work_files

    assert unit.html is not None
    found = work_files(unit.html.parent, unit.unit)
    return tuple(p for p in (found.csv, found.xlsx) if p.is_file())


def _lists_anyone(work: tuple[Path, ...]) -> bool:
    """Tell whether the work files list someone: their CSV holds a row under its header."""
    table = next((p for p in work if p.suffix == ".csv"), None)
    if table is None:
        return bool(work)
    with table.open(encoding="utf-8-sig", newline="") as handle:
        rows = csv.reader(handle)
        next(rows, None)
        return next(rows, None) is not None


def _float(value: Any) -> float | None:
    return None if value is None else float(value)


def _nan(value: Any) -> float:
    # The trend table is numeric; a missing interval is NaN, which the chart leaves out.
    return float("nan") if value is None else float(value)
