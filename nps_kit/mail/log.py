"""The send log ``reports/<period>/sent.jsonl`` and the dry-run outbox ``reports/<period>/outbox/``.

The log makes sending idempotent: a report (identified by the SHA-256 of its HTML) is not mailed
again to a recipient who already got it. One JSON line per successful send, flushed and fsynced
before the next message goes out, so a crash never loses the record of a message that left.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path

from nps_kit._atomic import atomic_write_bytes
from nps_kit.errors import MailError
from nps_kit.mail.compose import ComposedMessage

__all__ = ["SendLog", "SendRecord", "file_sha256", "write_eml"]


@dataclass(frozen=True)
class SendRecord:
    """One line of ``sent.jsonl``."""

    unit: str
    recipients: tuple[str, ...]
    message_id: str
    sent_at: str
    html_sha256: str
    refused: tuple[str, ...] = ()


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

    def delivered(self, unit: str, html_sha256: str) -> set[str]:
        """Return the recipients who already got this unit's report with this content."""
        return {
            r.lower()
            for record in self.records()
            if record.unit == unit and record.html_sha256 == html_sha256
            for r in record.recipients
        }

    def append(self, record: SendRecord) -> None:
        """Append ``record`` as one line and force it to disk (flush + fsync)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        line = json.dumps(asdict(record), ensure_ascii=False) + "\n"
        with self.path.open("a", encoding="utf-8") as handle:
            handle.write(line)
            handle.flush()
            os.fsync(handle.fileno())


def file_sha256(path: Path) -> str:
    """Return the hex SHA-256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


def write_eml(composed: ComposedMessage, folder: Path, unit: str) -> Path:
    """Write a message to ``<folder>/<unit>.eml`` atomically and return the path.

    Bcc recipients are not in the message headers; the dry-run listing shows them instead.
    """
    return atomic_write_bytes(folder / f"{unit}.eml", composed.message.as_bytes())
