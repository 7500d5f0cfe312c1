"""The send log ``reports/<period>/sent.jsonl`` and the dry-run outbox ``reports/<period>/outbox/``.

The log makes sending idempotent: a unit's report for the period is not mailed again to a
recipient who already got the same content. The content is identified by the SHA-256 of the
figures the run published (the manifest ``summary``), not of the HTML file, which holds its
generation time and so changes at every re-run. One JSON line per successful send, flushed and
fsynced before the next message goes out, so a crash never loses the record of a message that
left.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nps_kit._atomic import append_line, atomic_write_bytes
from nps_kit.errors import MailError
from nps_kit.i18n import Language, join_names, t
from nps_kit.mail.compose import ComposedMessage
from nps_kit.summary import UnitSummary, as_summary

__all__ = [
    "SendLog",
    "SendRecord",
    "content_sha256",
    "file_sha256",
    "set_aside_stale",
    "shown_figures",
    "write_eml",
]


@dataclass(frozen=True)
class SendRecord:
    """One line of ``sent.jsonl``.

    ``content_sha256`` (see :func:`content_sha256`) and ``period`` are what make a re-send
    "the same report"; ``html_sha256`` is kept for the record (logs written before
    ``content_sha256`` existed are matched on it). ``n`` and ``nps`` are the figures the
    message gave, so an update can say what changed (``None`` in logs written before them);
    ``figures`` every figure it gave (:func:`shown_figures`; ``None`` in logs written before).
    """

    unit: str
    recipients: tuple[str, ...]
    message_id: str
    sent_at: str
    html_sha256: str
    refused: tuple[str, ...] = ()
    period: str = ""
    content_sha256: str = ""
    n: int | None = None
    nps: float | None = None
    figures: dict[str, float] | None = None

    def shown(self) -> dict[str, float] | None:
        """Return the figures this mail gave: ``figures``, or an older log's ``n`` and ``nps``.

        ``None`` for a log that kept no figure (written before ``n`` and ``nps``).
        """
        if self.figures is not None:
            return self.figures
        if self.n is None and self.nps is None:
            return None
        return {k: v for k, v in (("n", self.n), ("nps", self.nps)) if v is not None}

    def changed(self, summary: UnitSummary) -> list[tuple[str, float, float]]:
        """Return ``(figure, before, after)`` for each figure this mail gave that now differs.

        The one rule of an update (QA44): a figure the reader was shown, shown again with
        another value (at the one decimal the mail shows). A figure the mail did not give (a
        fiscal year to date an older rule hid under the anonymity floor, a field a later
        version publishes) is no change, nor is one no longer shown.
        """
        before, after = self.shown() or {}, shown_figures(summary)
        return [
            (key, before[key], after[key])
            for key in before
            if key in after and round(before[key], 1) != round(after[key], 1)
        ]

    def is_report(self, *, content_sha256: str, html_sha256: str) -> bool:
        """Whether this mail gave the report with these keys (the same figures).

        Matched on ``content_sha256``; a record written before content keys existed, on the
        HTML file's hash.
        """
        if self.content_sha256:
            return self.content_sha256 == content_sha256
        return self.html_sha256 == html_sha256


def shown_figures(summary: UnitSummary) -> dict[str, float]:
    """Return the figures a unit's e-mail gives, by name, as the send log keeps them.

    ``n``, ``nps``, ``change:<vs>`` (each comparison's points, ``change:2026-09``) and
    ``fiscal_ytd`` (the fiscal year to date's NPS): the figures an update names when they
    change (:meth:`SendRecord.changed`). A figure the summary does not show is left out.
    """
    figures: dict[str, float] = {}
    if summary.n is not None:
        figures["n"] = summary.n
    if summary.nps is not None:
        figures["nps"] = summary.nps
    for change in summary.changes or ((summary.change,) if summary.change else ()):
        if change.diff is not None and change.vs:
            figures[f"change:{change.vs}"] = change.diff
    if summary.fiscal_ytd is not None and summary.fiscal_ytd.nps is not None:
        figures["fiscal_ytd"] = summary.fiscal_ytd.nps
    return figures


class SendLog:
    """Append-only JSON-lines log of sent messages for one period folder.

    Parameters
    ----------
    path
        ``reports/<period>/sent.jsonl``; created on the first append.
    """

    def __init__(self, path: Path) -> None:
        self.path = path

    def records(self) -> list[SendRecord]:
        """Return every record, oldest first.

        Raises
        ------
        MailError
            If a line is not a record (the file was edited by hand), naming the line.
        """
        if not self.path.is_file():
            return []
        out = []
        lines = self.path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                data["recipients"] = tuple(data["recipients"])
                data["refused"] = tuple(data.get("refused", ()))
                out.append(SendRecord(**data))
            except (ValueError, KeyError, TypeError) as exc:
                raise MailError(
                    f"{self.path} line {number} is not a send record ({exc}).",
                    hint="Fix or remove that line; the log is what stops reports being re-sent.",
                ) from None
        return out

    def delivered(
        self,
        unit: str,
        *,
        period: str,
        content_sha256: str,
        html_sha256: str,
        summary: UnitSummary | None = None,
    ) -> set[str]:
        """Return the recipients whose last mail of this unit for ``period`` was this report.

        Having got this report once is not enough: one who got it, then an update with other
        figures, holds the update's figures when a re-run brings the first ones back (a late
        file removed again), and must be sent the report again, as an update of their last
        mail (REVIEW25: they were "already sent" and kept the withdrawn figures).

        Parameters
        ----------
        unit, period
            The unit id and ``YYYY-MM``.
        content_sha256
            The report's content key (:func:`content_sha256`); a record with another key was a
            different report (the figures changed) and does not count.
        html_sha256
            The HTML file's hash; only used for records written before content keys existed.
        summary
            The report's summary: a recipient whose last mail gave the same figures has this
            report too, whatever else changed (:meth:`SendRecord.changed`: an update is sent
            only when a figure they were shown changed; QA44: a year to date the floor's older
            rule hid, now shown, mailed "Updated" naming nothing).

        Returns
        -------
        set of str
            Lower-case addresses.
        """
        last: dict[str, SendRecord] = {}
        for record in self.records():
            if record.unit == unit and record.period in ("", period):
                last.update(dict.fromkeys((r.lower() for r in record.recipients), record))
        return {
            r
            for r, record in last.items()
            if record.is_report(content_sha256=content_sha256, html_sha256=html_sha256)
            or (summary is not None and record.shown() is not None and not record.changed(summary))
        }

    def last_sent_to(self, unit: str, *, period: str) -> dict[str, SendRecord]:
        """Return, by lower-case recipient, the latest record of ``unit``'s report they got.

        A later run that changed the figures sends each of them an update that names their
        last mail (QA24); a recipient not in the result never got this period's report (the
        server refused them), so theirs is the report itself, not an update (FIX38).
        """
        last: dict[str, SendRecord] = {}
        for record in self.records():
            if record.unit == unit and record.period == period:
                last.update(dict.fromkeys((r.lower() for r in record.recipients), record))
        return last

    def append(self, record: SendRecord) -> None:
        """Append ``record`` as one line and force it to disk (flush + fsync)."""
        append_line(self.path, json.dumps(asdict(record), ensure_ascii=False))


def content_sha256(summary: UnitSummary | Mapping[str, Any] | None, html: Path) -> str:
    """Return the key that says whether two runs made the same report.

    Parameters
    ----------
    summary
        The unit's manifest ``summary``: the figures the report shows (NPS, interval, shares,
        change, trend, themes, actions), without any generation time.
    html
        The report; its bytes are the key only when the notebook published no summary.

    Returns
    -------
    str
        Hex SHA-256 of the summary as canonical JSON (sorted keys), so re-running a report on
        the same data gives the same key and a corrected figure gives a new one.
    """
    typed = as_summary(summary)
    if typed is None or typed == UnitSummary():
        return file_sha256(html)
    figures = typed.to_json()
    text = json.dumps(figures, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def file_sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_eml(composed: ComposedMessage, folder: Path, unit: str) -> Path:
    """Write a message to ``<folder>/<unit>.eml`` atomically and return the path.

    Bcc recipients are not in the message headers; the dry-run listing shows them instead.
    """
    return atomic_write_bytes(folder / f"{unit}.eml", composed.message.as_bytes())


def set_aside_stale(
    folder: Path,
    *,
    written: Iterable[Path],
    units: Iterable[str],
    now: dt.datetime | None = None,
    lang: Language = "en",
) -> str | None:
    """Move the outbox's messages a run did not write into a dated subfolder, and say so.

    A run's outbox holds only what that run would send (FIX44: a later dry run left an
    earlier ``ec.2.eml`` beside the new files, as if the run would send it). Messages of
    earlier runs are moved, never deleted: without an SMTP host the outbox is what the team
    sends by hand, so they go to ``earlier-<UTC time of this run>/`` beside the new ones.

    Parameters
    ----------
    folder
        The outbox (``<period>/outbox`` of ``send``, ``alerts/outbox`` of ``alerts``).
    written
        The ``.eml`` files this run wrote.
    units
        The units this run was asked about: only their messages (``<unit>.eml``,
        ``<unit>.<k>.eml``) are set aside, so ``send ec --dry-run`` after ``send --all`` leaves
        the other units' messages where they are.
    now
        The run's time (default: now), in the subfolder's name.
    lang
        The line's language: ``alerts`` of Japanese units say it in Japanese (FIX83); ``send``
        speaks English.

    Returns
    -------
    str or None
        The line saying what was moved where, or ``None`` when nothing was.
    """
    keep = {path.resolve() for path in written}
    asked = set(units)
    stale = sorted(
        p for p in folder.glob("*.eml") if p.resolve() not in keep and _eml_unit(p.name) in asked
    )
    if not stale:
        return None
    moment = (now or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    target = folder / f"earlier-{moment:%Y-%m-%dT%H%M%SZ}"
    target.mkdir(parents=True, exist_ok=True)
    for path in stale:
        os.replace(path, target / path.name)
    names = join_names((p.name for p in stale), lang)
    return t("delivery.set_aside", lang, n=len(stale), target=target, names=names)


def _eml_unit(name: str) -> str:
    """Return the unit of an outbox file name: ``ec.eml`` and ``ec.2.eml`` are ``ec``'s."""
    stem = name.removesuffix(".eml")
    head, _, tail = stem.rpartition(".")
    return head if head and tail.isdigit() else stem
