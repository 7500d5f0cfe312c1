"""The send log ``reports/<period>/sent.jsonl`` and the dry-run outbox ``reports/<period>/outbox/``.

The log makes sending idempotent: a unit's report for the period is not mailed again to a
recipient who already got the same content. The content is identified by the SHA-256 of the
figures the run published (the manifest ``summary``), not of the HTML file, which holds its
generation time and so changes at every re-run. One JSON line per successful send, flushed and
fsynced before the next message goes out, so a crash never loses the record of a message that
left.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from nps_kit._atomic import append_line, atomic_write_bytes
from nps_kit.errors import MailError
from nps_kit.mail.compose import ComposedMessage
from nps_kit.summary import UnitSummary, as_summary

__all__ = ["SendLog", "SendRecord", "content_sha256", "file_sha256", "write_eml"]


@dataclass(frozen=True)
class SendRecord:
    """One line of ``sent.jsonl``.

    ``content_sha256`` (see :func:`content_sha256`) and ``period`` are what make a re-send
    "the same report"; ``html_sha256`` is kept for the record (logs written before
    ``content_sha256`` existed are matched on it). ``n`` and ``nps`` are the figures the
    message gave, so an update can say what changed (``None`` in logs written before them).
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
        self, unit: str, *, period: str, content_sha256: str, html_sha256: str
    ) -> set[str]:
        """Return the recipients who already got this unit's report for ``period``.

        Parameters
        ----------
        unit, period
            The unit id and ``YYYY-MM``.
        content_sha256
            The report's content key (:func:`content_sha256`); a record with another key was a
            different report (the figures changed) and does not count.
        html_sha256
            The HTML file's hash; only used for records written before content keys existed.

        Returns
        -------
        set of str
            Lower-case addresses.
        """
        return {
            r.lower()
            for record in self.records()
            if record.unit == unit
            and record.period in ("", period)
            and (
                record.content_sha256 == content_sha256
                if record.content_sha256
                else record.html_sha256 == html_sha256
            )
            for r in record.recipients
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
