"""SMTP settings, read only from the environment or a ``.env`` file.

Mail settings never come from parameter files: those are shared and committed, a password is not.
The environment wins over ``.env`` so that CI secrets override a developer's local file.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, get_args

from nps_kit.errors import MailError
from nps_kit.i18n import Language, t

__all__ = [
    "ENV_PREFIX",
    "NO_HOST_EXIT",
    "Delivery",
    "Security",
    "SmtpSettings",
    "delivery_mode",
    "load_settings",
    "no_host_closing",
    "no_host_opening",
]

ENV_PREFIX = "NPS_KIT_SMTP_"
Security = Literal["starttls", "ssl", "none"]
_SECURITY: tuple[str, ...] = get_args(Security)
_DEFAULT_PORTS: dict[str, int] = {"starttls": 587, "ssl": 465, "none": 25}
#: Exit status of ``send``, ``alerts`` and ``run --send`` when no SMTP host is set and
#: ``--dry-run`` was not asked: the messages are in the outbox and nobody got them. A settings
#: error, so a scheduler learns that nothing went out (it was 0: "acts as --dry-run").
NO_HOST_EXIT = 2


@dataclass(frozen=True)
class SmtpSettings:
    """How to reach the SMTP server.

    Attributes
    ----------
    host
        Server name or address; ``None`` means "not configured" (``send`` then only writes the
        outbox, like ``--dry-run``).
    port
        TCP port (default 587 for ``starttls``, 465 for ``ssl``, 25 for ``none``).
    security
        ``starttls``, ``ssl`` or ``none``.
    user, password
        Credentials for SMTP AUTH; no AUTH when ``user`` is ``None``. The password is left out of
        ``repr`` so that it never reaches a log or a traceback.
    sender
        The ``From`` address (``NPS_KIT_SMTP_FROM``), e.g. ``NPS レポート <nps@example.com>``.
    cafile
        PEM file with extra trusted CA certificates (a private CA).
    timeout
        Socket timeout in seconds.
    allow_plaintext_auth
        Log in even with ``security="none"``, where the login and password cross the network
        unencrypted (``NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH=1``; only for a relay on this machine or
        a network you trust).

    Raises
    ------
    MailError
        When a host, ``security="none"`` and a user are set without ``allow_plaintext_auth``.
    """

    host: str | None = None
    port: int = 587
    security: Security = "starttls"
    user: str | None = None
    password: str | None = field(default=None, repr=False)
    sender: str | None = None
    cafile: Path | None = None
    timeout: float = 30.0
    allow_plaintext_auth: bool = False

    def __post_init__(self) -> None:
        # Checked here, where every way of making settings passes, not only in load_settings
        # (which checks first, to say it in the project's language).
        _refuse_plaintext(
            self.host, self.security, self.user, allow=self.allow_plaintext_auth, lang="en"
        )

    @property
    def configured(self) -> bool:
        """Whether a host is set, i.e. whether messages can really be sent."""
        return self.host is not None

    @property
    def address(self) -> str:
        """``host:port`` for messages."""
        return f"{self.host}:{self.port}"


def _refuse_plaintext(
    host: str | None, security: str, user: str | None, *, allow: bool, lang: Language
) -> None:
    """Raise when a login would cross the network unencrypted and that was not allowed."""
    if host is not None and security == "none" and user is not None and not allow:
        raise MailError(t("smtp.plaintext", lang), hint=t("smtp.plaintext_hint", lang))


def load_settings(
    *,
    environ: Mapping[str, str] | None = None,
    env_file: Path | None = Path(".env"),
    lang: Language = "en",
) -> SmtpSettings:
    """Read the ``NPS_KIT_SMTP_*`` variables from the environment and an optional ``.env`` file.

    Parameters
    ----------
    environ
        The environment to read (default ``os.environ``); values here win over ``env_file``.
    env_file
        A dotenv file to read as well (default ``.env`` in the current directory); a missing
        file is fine, ``None`` skips it.
    lang
        The language a malformed value is said in: the project's
        (:mod:`nps_kit._project_language`; FIX95: a Japanese project's send said it in
        English).

    Returns
    -------
    SmtpSettings
        The settings; ``host`` is ``None`` when ``NPS_KIT_SMTP_HOST`` is unset or empty.

    Raises
    ------
    MailError
        If a value is malformed (port not a number, unknown security mode, missing CA file,
        password without user, no ``NPS_KIT_SMTP_FROM`` while a host is set), or a login would
        go unencrypted (``SECURITY=none`` with a user, without
        ``NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH=1``); the message names the variable and never
        contains the password.
    """
    from dotenv import dotenv_values

    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    env = os.environ if environ is None else environ
    values.update({k: v for k, v in env.items() if k.startswith(ENV_PREFIX)})

    def get(name: str) -> str | None:
        value = values.get(ENV_PREFIX + name, "").strip()
        return value or None

    security = (get("SECURITY") or "starttls").lower()
    if security not in _SECURITY:
        raise MailError(
            t("smtp.bad_security", lang, value=_quote(get("SECURITY"), lang),
              allowed=", ".join(_SECURITY)),
            hint=t("smtp.bad_security_hint", lang),
        )  # fmt: skip
    raw_port = get("PORT")
    port = _DEFAULT_PORTS[security]
    if raw_port is not None:
        if not raw_port.isdigit() or not 0 < int(raw_port) < 65536:
            raise MailError(
                t("smtp.bad_port", lang, value=_quote(raw_port, lang)),
                hint=t("smtp.bad_port_hint", lang),
            )
        port = int(raw_port)
    cafile = Path(raw) if (raw := get("CAFILE")) else None
    if cafile is not None and not cafile.is_file():
        raise MailError(
            t("smtp.no_cafile", lang, value=_quote(str(cafile), lang)),
            hint=t("smtp.no_cafile_hint", lang),
        )
    user, password = get("USER"), get("PASSWORD")
    if password is not None and user is None:
        raise MailError(
            t("smtp.password_no_user", lang), hint=t("smtp.password_no_user_hint", lang)
        )
    host, sender = get("HOST"), get("FROM")
    if host is not None and sender is None:
        raise MailError(t("smtp.host_no_from", lang), hint=t("smtp.host_no_from_hint", lang))
    allow = get("ALLOW_PLAINTEXT_AUTH") or "0"
    if allow not in ("0", "1"):
        raise MailError(
            t("smtp.bad_allow", lang, value=_quote(allow, lang)),
            hint=t("smtp.bad_allow_hint", lang),
        )
    _refuse_plaintext(host, security, user, allow=allow == "1", lang=lang)
    return SmtpSettings(
        host=host,
        port=port,
        security=security,  # type: ignore[arg-type]  # checked against _SECURITY above
        user=user,
        password=password,
        sender=sender,
        cafile=cafile,
        allow_plaintext_auth=allow == "1",
    )


def _quote(value: str | None, lang: Language) -> str:
    return f"「{value}」" if lang == "ja" else repr(value)


@dataclass(frozen=True)
class Delivery:
    """Whether a ``send`` or ``alerts`` run mails or only writes its outbox, and why.

    Attributes
    ----------
    dry_run
        Only write the outbox: ``--dry-run`` was asked, or no SMTP host is set.
    no_host
        No SMTP host, ``--dry-run`` not asked and something due: the run says so first
        (:func:`no_host_opening`) and last (:func:`no_host_closing`), and exits
        :data:`NO_HOST_EXIT`.
    """

    dry_run: bool
    no_host: bool


def delivery_mode(settings: SmtpSettings, *, dry_run: bool, due: bool = True) -> Delivery:
    """Decide whether a run mails, for ``send`` and ``alerts`` alike (the no-host rule).

    Parameters
    ----------
    settings
        The SMTP settings.
    dry_run
        Whether ``--dry-run`` was asked.
    due
        Whether anything may be mailed (``alerts``: a selected unit asks for alerts; without
        one a daily cron job exits 0 with or without a host, REVIEW25).

    Returns
    -------
    Delivery
        The run's mode.
    """
    return Delivery(
        dry_run=dry_run or not settings.configured,
        no_host=not settings.configured and not dry_run and due,
    )


def no_host_opening(outbox: Path, *, lang: Language = "en") -> str:
    """Return what ``send`` and ``alerts`` say first when no SMTP host is set.

    Parameters
    ----------
    outbox
        Where the messages are written instead.
    lang
        The run's language (``alerts`` of Japanese units: FIX80; ``send`` speaks English).

    Returns
    -------
    str
        The line saying that nothing is sent and where the messages go.
    """
    return t("delivery.no_host_opening", lang, outbox=outbox)


def no_host_closing(
    outbox: Path, *, command: str, written: bool = True, lang: Language = "en"
) -> str:
    """Return the ``error:`` line ``send`` and ``alerts`` end with when no SMTP host is set.

    The opening line (:func:`no_host_opening`) has scrolled away by then in a long run, so
    this one says again that nothing was sent, and how to send.

    Parameters
    ----------
    outbox
        Where the messages were written instead.
    command
        ``"send"``, ``"alerts"`` or ``"run --send"``, for the help it points to and what to
        run next: ``run`` has no ``--dry-run``, so after ``run --send`` the line names ``send``
        for the month of ``outbox`` (the reports are built) and leaving out ``--send``.
    written
        Whether any message was written to the outbox (the line says where).
    lang
        The run's language, as :func:`no_host_opening`'s.

    Returns
    -------
    str
        The closing line.
    """
    where = Path(".env").resolve()
    where_to = (
        t("delivery.only_written", lang, outbox=outbox)
        if written
        else t("delivery.none_sendable", lang)
    )
    if command == "run --send":
        # REVIEW25: 'pass --dry-run' sent a cron user to 'run --send --dry-run', which run
        # refuses (no such option); the reports are built, so send is what is left to do.
        again = t("delivery.again_send", lang, period=outbox.parent.name)
        command = "send"
    else:
        again = t("delivery.again", lang)
    return t(
        "delivery.no_host_closing",
        lang,
        where=where,
        where_to=where_to,
        command=command,
        again=again,
        code=NO_HOST_EXIT,
    )
