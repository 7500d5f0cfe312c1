"""The alert log: which responses were alerted (``alerted.jsonl``, one fsynced line a message)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import pandas as pd

from nps_kit._atomic import append_line
from nps_kit.errors import MailError

ALERTS_DIR = "alerts"


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
