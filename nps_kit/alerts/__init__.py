"""Daily alerts for new detractors (``nps-kit alerts``).

For each unit with ``alerts.to``: read the export (or a newer one), keep the unit's responses
since a moment, keep the detractors who allowed contact (:func:`nps_kit.closed_loop.
contactable_detractors`, scores up to ``alerts.max_score``), drop those already alerted, and
mail the owners one short message listing them, most urgent first. Comments are redacted as in
the reports (``privacy.redact``) and escaped in the HTML part.

Idempotent: ``<output>/alerts/alerted.jsonl`` records every alerted response (per unit), one
fsynced JSON line per message, so a re-run never alerts twice (``resend`` forces). A response is
its id *and* its time (:func:`response_key`): ``columns.id`` may be a customer number that a
returning customer answers with again (QA24: 顧客番号), and that new answer is a new response to
alert. Lines written before the keys existed hold ids alone: such an id still counts as alerted
for every response of that id dated at or before the line's ``alerted_at`` (what that message
could have listed), so the old log needs no rewrite and nothing is alerted twice. An export of
dates without a time of day keys each answer by its date and a short hash of its score and
comment too, since one id may answer twice that day; a key written before that hash covers the
id's answers of that day. Delivery,
retries, SMTP settings and the dry-run outbox (``<output>/alerts/outbox/<unit>.eml``) are those
of ``nps-kit send`` (:mod:`nps_kit.mail`).
"""

from __future__ import annotations

from nps_kit.alerts._blockers import alerts_blocker, export_proposals
from nps_kit.alerts._log import ALERTS_DIR, Alerted, AlertLog, AlertRecord, response_key
from nps_kit.alerts._outcome import AlertOutcome, AlertSummary
from nps_kit.alerts._select import new_detractors
from nps_kit.alerts._send import send_alerts
from nps_kit.alerts._since import local_since, parse_since

__all__ = [
    "ALERTS_DIR",
    "AlertLog",
    "AlertOutcome",
    "AlertRecord",
    "AlertSummary",
    "Alerted",
    "alerts_blocker",
    "export_proposals",
    "local_since",
    "new_detractors",
    "parse_since",
    "response_key",
    "send_alerts",
]
