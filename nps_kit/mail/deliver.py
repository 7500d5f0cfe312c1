"""Send composed messages over SMTP, retrying transient failures with exponential back-off.

Transient: 4xx replies and dropped or refused connections. Permanent: 5xx replies, including a
recipient the server refuses. Problems with the settings themselves (login rejected, TLS not
offered, certificate not trusted, server unreachable) raise :class:`~nps_kit.errors.MailError`
because no message could be sent at all.
"""

from __future__ import annotations

import smtplib
import ssl
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from types import TracebackType

from nps_kit.errors import MailError
from nps_kit.i18n import Language, t
from nps_kit.mail.compose import ComposedMessage
from nps_kit.mail.settings import SmtpSettings

__all__ = ["DEFAULT_RETRY_DELAYS", "Delivery", "Mailer", "Refusal"]

#: Seconds to wait before the 2nd, 3rd and 4th attempt (about 20 s in all, then give up).
DEFAULT_RETRY_DELAYS: tuple[float, ...] = (1.0, 4.0, 16.0)


@dataclass(frozen=True)
class Refusal:
    """A recipient (or, with ``recipient=None``, the whole message) the server did not accept.

    ``code`` is the SMTP reply code (0 for a lost connection); ``transient`` marks a temporary
    failure that persisted through every retry.
    """

    recipient: str | None
    code: int
    reason: str
    transient: bool = False

    @property
    def reply(self) -> str:
        """The server's reply, e.g. ``550 5.1.1 mailbox unavailable``."""
        return f"{self.code} {self.reason}" if self.code else self.reason

    def __str__(self) -> str:
        return f"{self.recipient}: {self.reply}" if self.recipient else self.reply


@dataclass(frozen=True)
class Delivery:
    """The outcome of sending one message.

    Attributes
    ----------
    accepted
        Recipients the server accepted.
    refused
        Recipients refused, or one entry with ``recipient=None`` when the message as a whole was
        rejected or every attempt failed transiently.
    attempts
        How many times the message was offered to the server.
    """

    accepted: tuple[str, ...]
    refused: tuple[Refusal, ...]
    attempts: int


class Mailer:
    """An SMTP session that reconnects as needed; use as a context manager.

    Parameters
    ----------
    settings
        Server, security and credentials; ``settings.host`` must be set.
    retry_delays
        Seconds to wait before each further attempt after a transient failure; the number of
        entries bounds the retries.
    sleep
        How to wait (tests pass a no-op or use zero delays).
    lang
        The language of the error of a server that cannot be reached: ``alerts`` of Japanese
        units say it in Japanese (FIX83); ``send`` speaks English.
    """

    def __init__(
        self,
        settings: SmtpSettings,
        *,
        retry_delays: Sequence[float] = DEFAULT_RETRY_DELAYS,
        sleep: Callable[[float], None] = time.sleep,
        lang: Language = "en",
    ) -> None:
        if settings.host is None:
            raise ValueError("Mailer needs settings with a host")
        self.settings = settings
        self.retry_delays = tuple(retry_delays)
        self._sleep = sleep
        self._lang: Language = lang
        self._smtp: smtplib.SMTP | None = None
        self._sessions = 0

    @property
    def sessions(self) -> int:
        """How many SMTP sessions were opened (and logged in) so far.

        ``0`` after a :class:`~nps_kit.errors.MailError` means the server was never reached
        with these settings; more means it answered before and stopped answering.
        """
        return self._sessions

    def __enter__(self) -> Mailer:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        """End the session politely (QUIT), ignoring a server that is already gone."""
        if self._smtp is not None:
            try:
                self._smtp.quit()
            except (smtplib.SMTPException, OSError):
                self._smtp.close()
            self._smtp = None

    def send(self, composed: ComposedMessage, recipients: Sequence[str]) -> Delivery:
        """Send ``composed`` to ``recipients`` (the envelope; headers are left as composed).

        Parameters
        ----------
        composed
            The message.
        recipients
            Envelope recipients, bare addresses.

        Returns
        -------
        Delivery
            Accepted and refused recipients.

        Raises
        ------
        MailError
            If the server cannot be reached after every retry, or refuses the login, TLS or
            certificate; the message names the server and the variables to check.
        """
        sender = composed.message["From"].addresses[0].addr_spec
        last: Refusal | None = None
        attempts = 0
        for delay in (None, *self.retry_delays):
            if delay is not None:
                self._sleep(delay)
            attempts += 1
            try:
                smtp = self._connect()
                refused = smtp.send_message(
                    composed.message, from_addr=sender, to_addrs=list(recipients)
                )
            except smtplib.SMTPRecipientsRefused as exc:
                refusals = _refusals(exc.recipients)
                if all(r.code >= 500 for r in refusals):
                    return Delivery(accepted=(), refused=refusals, attempts=attempts)
                last = refusals[0]
                self._reset()
            except smtplib.SMTPResponseException as exc:
                last = Refusal(None, exc.smtp_code, _text(exc.smtp_error))
                self._drop()
                if exc.smtp_code >= 500:
                    return Delivery(accepted=(), refused=(last,), attempts=attempts)
            except (smtplib.SMTPServerDisconnected, ConnectionError, TimeoutError) as exc:
                last = Refusal(None, 0, f"connection lost ({exc or type(exc).__name__})")
                self._drop()
            else:
                refusals = _refusals(refused)
                bad = {r.recipient for r in refusals}
                accepted = tuple(r for r in recipients if r not in bad)
                return Delivery(accepted=accepted, refused=refusals, attempts=attempts)
        assert last is not None  # the loop ran at least once and never returned
        given_up = Refusal(last.recipient, last.code, last.reason, transient=True)
        return Delivery(accepted=(), refused=(given_up,), attempts=attempts)

    def _connect(self) -> smtplib.SMTP:
        if self._smtp is not None:
            return self._smtp
        s = self.settings
        assert s.host is not None
        context = ssl.create_default_context()
        if s.cafile is not None:
            context.load_verify_locations(cafile=s.cafile)
        smtp: smtplib.SMTP | None = None
        last: OSError | None = None
        for delay in (None, *self.retry_delays):
            if delay is not None:
                self._sleep(delay)
            try:
                if s.security == "ssl":
                    smtp = smtplib.SMTP_SSL(s.host, s.port, timeout=s.timeout, context=context)
                else:
                    smtp = smtplib.SMTP(s.host, s.port, timeout=s.timeout)
                break
            except ssl.SSLError as exc:
                raise _tls_error(s, exc) from None
            except smtplib.SMTPConnectError as exc:
                if exc.smtp_code >= 500:
                    raise _connect_error(
                        s, f"{exc.smtp_code} {_text(exc.smtp_error)}", self._lang
                    ) from None
                last = exc
            except OSError as exc:
                last = exc
        if smtp is None:
            reason = getattr(last, "strerror", None) or str(last)
            raise _connect_error(s, reason, self._lang)
        try:
            if s.security == "starttls":
                smtp.ehlo()
                smtp.starttls(context=context)
                smtp.ehlo()
            if s.user is not None:
                smtp.login(s.user, s.password or "")
        except smtplib.SMTPNotSupportedError as exc:
            smtp.close()
            what = "STARTTLS" if s.security == "starttls" and s.user is None else "STARTTLS/AUTH"
            raise MailError(
                f"SMTP server {s.address} does not offer {what} ({exc}).",
                hint="Check NPS_KIT_SMTP_SECURITY and NPS_KIT_SMTP_PORT.",
            ) from None
        except smtplib.SMTPAuthenticationError as exc:
            smtp.close()
            raise MailError(
                f"SMTP server {s.address} rejected the login for user {s.user!r}: "
                f"{exc.smtp_code} {_text(exc.smtp_error)}.",
                hint="Check NPS_KIT_SMTP_USER and NPS_KIT_SMTP_PASSWORD.",
            ) from None
        except ssl.SSLError as exc:
            smtp.close()
            raise _tls_error(s, exc) from None
        self._smtp = smtp
        self._sessions += 1
        return smtp

    def _reset(self) -> None:
        # After refused recipients the transaction is open; RSET starts a clean one.
        try:
            if self._smtp is not None:
                self._smtp.rset()
        except (smtplib.SMTPException, OSError):
            self._drop()

    def _drop(self) -> None:
        if self._smtp is not None:
            try:
                self._smtp.close()
            finally:
                self._smtp = None


def _refusals(refused: dict[str, tuple[int, bytes]]) -> tuple[Refusal, ...]:
    return tuple(Refusal(addr, code, _text(msg)) for addr, (code, msg) in refused.items())


def _text(value: bytes | str) -> str:
    return value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)


def _connect_error(s: SmtpSettings, reason: str, lang: Language) -> MailError:
    return MailError(
        t("delivery.cannot_connect", lang, address=s.address, reason=reason),
        hint=t("delivery.cannot_connect_hint", lang),
    )


def _tls_error(s: SmtpSettings, exc: ssl.SSLError) -> MailError:
    return MailError(
        f"TLS with SMTP server {s.address} failed: {getattr(exc, 'reason', None) or exc}.",
        hint="Check NPS_KIT_SMTP_SECURITY, and set NPS_KIT_SMTP_CAFILE if the server's "
        "certificate comes from a private CA.",
    )
