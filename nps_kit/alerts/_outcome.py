"""What ``nps-kit alerts`` did: per unit (:class:`AlertOutcome`), in all (:class:`AlertSummary`)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from nps_kit.mail.deliver import Refusal

AlertStatus = Literal[
    "sent", "partial", "failed", "written", "nothing_new", "skipped", "cannot_alert"
]


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
