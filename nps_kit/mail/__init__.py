"""E-mail delivery of finished reports (``nps-kit send``).

Flow: :mod:`~nps_kit.mail.units` reads the manifest and validates recipients,
:mod:`~nps_kit.mail.compose` builds each message (:mod:`~nps_kit.mail.body` for the HTML and
text), :mod:`~nps_kit.mail.deliver` sends it over SMTP with retries and
:mod:`~nps_kit.mail.log` keeps the send log and the dry-run outbox; :mod:`~nps_kit.mail.send`
ties them together.
"""

from __future__ import annotations

from nps_kit.mail.send import SendSummary, UnitOutcome, send_reports
from nps_kit.mail.settings import SmtpSettings, load_settings

__all__ = ["SendSummary", "SmtpSettings", "UnitOutcome", "load_settings", "send_reports"]
