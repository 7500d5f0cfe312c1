"""Read ``reports/<period>/manifest.json`` into the units to mail; validate recipients up front."""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from email.headerregistry import Address
from email.utils import getaddresses
from pathlib import Path
from typing import Any, Literal

from nps_kit._project_language import run_language
from nps_kit._schema_errors import Said
from nps_kit.errors import MailError, closest
from nps_kit.i18n import LANGUAGES, Language, t
from nps_kit.periods import is_month
from nps_kit.summary import UnitSummary, as_summary, floor_summary

__all__ = [
    "LOCAL_PART_MAX",
    "Attach",
    "MailOptions",
    "MailUnit",
    "Manifest",
    "parse_address",
    "read_manifest",
]

Attach = Literal["html", "pdf", "zip", "none"]
# A unit's mail problem: its catalogue key and values, worded once the language is known.
_Problem = tuple[str, dict[str, object]]
_ATTACH: tuple[str, ...] = ("html", "pdf", "zip", "none")
_PERIOD = re.compile(r"\d{4}-(0[1-9]|1[0-2])")
_DOMAIN = re.compile(
    r"(?=.{1,253}$)([A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}"
)


@dataclass(frozen=True)
class MailOptions:
    """The ``mail`` block of a unit's parameters, validated."""

    to: tuple[Address, ...] = ()
    cc: tuple[Address, ...] = ()
    bcc: tuple[Address, ...] = ()
    reply_to: tuple[Address, ...] = ()
    attach: Attach = "html"
    report_url: str | None = None

    @property
    def recipients(self) -> tuple[str, ...]:
        """Every envelope recipient (to, cc, bcc) as a bare address, without duplicates."""
        seen = dict.fromkeys(a.addr_spec.lower() for a in (*self.to, *self.cc, *self.bcc))
        return tuple(seen)


@dataclass(frozen=True)
class MailUnit:
    """One unit entry of the manifest, as far as mailing needs it.

    ``html`` is the absolute path of the report, or ``None`` for a failed unit. ``summary`` is the
    manifest's ``summary`` object as written by the runner (see docs/architecture.md); given as
    its JSON it is read into a :class:`~nps_kit.summary.UnitSummary`.
    """

    unit: str
    name: str
    language: Language
    status: str
    html: Path | None
    mail: MailOptions
    summary: UnitSummary
    #: The unit's IANA time zone (its run's parameters), for the PDF's paper size.
    timezone: str | None = None
    #: The unit's anonymity floor (``thresholds.min_report_n`` as its notebook ran): under it
    #: the subject and the e-mail show only n (:func:`nps_kit.summary.floor_summary`).
    min_report_n: int | None = None
    #: Why the last run refused the unit or built no report, in the run's words (its manifest
    #: ``error.reason``; ``None`` when it was built or the record has none).
    reason: str | None = None
    #: The manifest's ``error`` of the unit (``None`` when built): :meth:`reason_in` says its
    #: reason in a line's language from the key and arguments recorded beside it (MSG41).
    error: Mapping[str, Any] | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "summary", as_summary(self.summary) or UnitSummary())

    def reason_in(self, lang: Language) -> str | None:
        """Return why the last run built no report of the unit, said in ``lang``.

        From the manifest's reason key and arguments when recorded; else its ``reason`` as
        written (an older manifest, a parameter file's problem).
        """
        from nps_kit._refusal import recorded_reason

        said = recorded_reason(self.error, lang)
        return said if said is not None else self.reason

    @property
    def sendable(self) -> bool:
        """Whether the report ran and its HTML file exists."""
        return self.status == "ok" and self.html is not None and self.html.is_file()


@dataclass(frozen=True)
class Manifest:
    """The period's manifest: its folder and its units in manifest order."""

    period: str
    folder: Path
    units: tuple[MailUnit, ...]


#: The longest part before ``@`` of an address, in octets (ASCII letters): RFC 5321 4.5.3.1.1.
LOCAL_PART_MAX = 64


def parse_address(value: str) -> Address:
    """Parse ``name@example.com`` or ``Display Name <name@example.com>`` into an ``Address``.

    Raises
    ------
    ValueError
        With the reason, when ``value`` is not exactly one plain ASCII address with a domain,
        or (a :class:`nps_kit._schema_errors.Said`) its part before ``@`` is longer than
        :data:`LOCAL_PART_MAX`.
    """
    if not isinstance(value, str) or not value.strip():
        raise ValueError("expected an address like name@example.com")
    parsed = getaddresses([value])
    if len(parsed) != 1 or not parsed[0][1]:
        raise ValueError("expected one address like name@example.com")
    display, spec = parsed[0]
    local, at, domain = spec.rpartition("@")
    if not at or not local or not spec.isascii() or not _DOMAIN.fullmatch(domain):
        raise ValueError("expected an address like name@example.com")
    if len(local) > LOCAL_PART_MAX:
        # RFC 5321 4.5.3.1.1: servers may refuse a longer one, so the mail would not arrive.
        raise Said("params.email_local_part", found=value, n=len(local), most=LOCAL_PART_MAX)
    try:
        return Address(display_name=display, addr_spec=spec)
    except (ValueError, IndexError) as exc:
        raise ValueError(f"expected an address like name@example.com ({exc})") from None


def read_manifest(folder: Path, period: str, *, lang: Language | None = None) -> Manifest:
    """Read and validate ``<folder>/manifest.json`` for ``period``.

    Every unit's ``mail`` block is checked before anything is sent, and all problems are reported
    together, each naming the unit and the key.

    Parameters
    ----------
    folder
        The period folder, ``reports/<period>``.
    period
        ``YYYY-MM``; must match the manifest's ``period``.
    lang
        The project's language, ``None`` when it sets none: a malformed period or a missing
        manifest is then said in English, the units' mail problems in the language they share
        (:func:`nps_kit._project_language.run_language`).

    Returns
    -------
    Manifest
        The units in manifest order.

    Raises
    ------
    MailError
        If the period is malformed, the manifest is missing or unreadable, or any address,
        ``attach`` or ``report_url`` is invalid.
    """
    project, lang = lang, lang or "en"
    if not is_month(period):
        shown = f"「{period}」" if lang == "ja" else repr(period)
        raise MailError(t("send.period_not_month", lang, period=shown))
    path = folder / "manifest.json"
    if not path.is_file():
        raise MailError(
            t("send.no_manifest", lang, period=period, path=path),
            hint=t("send.no_manifest_hint", lang, period=period),
        )
    problems: list[_Problem] = []
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        found = data["period"]
        units = tuple(_unit(folder, entry, problems) for entry in data["units"])
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        raise MailError(
            t("send.bad_manifest", lang, path=path, error=f"{type(exc).__name__}: {exc}"),
            hint=t("send.bad_manifest_hint", lang, period=period),
        ) from exc
    if found != period:
        raise MailError(t("send.other_period", lang, path=path, found=found, period=period))
    if problems:
        # Said once every unit is read: the units' shared language when the project sets none.
        said = run_language(project, (u.language for u in units))
        sep = "；" if said == "ja" else "; "
        words = sep.join(_said(key, values, said) for key, values in problems)
        raise MailError(
            t("send.bad_mail", said, path=path, problems=words),
            hint=t("send.bad_mail_hint", said),
        )
    return Manifest(period=period, folder=folder, units=units)


def _said(key: str, values: Mapping[str, object], lang: Language) -> str:
    """Word one mail problem, its ``unit`` and ``value`` quoted as ``lang`` quotes (「x」, 'x')."""
    quoted = {
        k: (f"「{v}」" if lang == "ja" else repr(v)) if k in ("unit", "value") else v
        for k, v in values.items()
    }
    error = values.get("error")
    if isinstance(error, Said):  # a reason of its own (too long before @), in ``lang``
        key, quoted["error"] = f"{key}_said", error.words(lang)
    hint = values.get("hint")
    return t(key, lang, **quoted) + (t("send.mail_did_you_mean", lang, name=hint) if hint else "")


def _unit(folder: Path, entry: Mapping[str, Any], problems: list[_Problem]) -> MailUnit:
    unit = str(entry["unit"])
    language = entry.get("language", "en")
    html = entry.get("html")
    parameters = entry.get("parameters") or {}
    value = parameters.get("min_report_n")
    floor = int(value) if isinstance(value, int | float) and not isinstance(value, bool) else None
    return MailUnit(
        unit=unit,
        name=str(entry.get("name") or unit),
        language=language if language in LANGUAGES else "en",
        status=str(entry.get("status")),
        html=folder / html if html else None,
        mail=_mail(unit, parameters.get("mail") or {}, problems),
        summary=floor_summary(UnitSummary.from_json(entry.get("summary") or {}), floor),
        timezone=parameters.get("timezone"),
        min_report_n=floor,
        reason=_reason(entry),
        error=entry.get("error") if isinstance(entry.get("error"), Mapping) else None,
    )


def _reason(entry: Mapping[str, Any]) -> str | None:
    error = entry.get("error")
    reason = error.get("reason") if isinstance(error, Mapping) else None
    return str(reason) if reason else None


def _mail(unit: str, block: Mapping[str, Any], problems: list[_Problem]) -> MailOptions:
    known = ("to", "cc", "bcc", "reply_to", "attach", "report_url")
    for key in block:
        if key not in known:
            hint = closest(key, known)
            problems.append(("send.mail_unknown_key", {"unit": unit, "name": key, "hint": hint}))

    def addresses(key: str) -> tuple[Address, ...]:
        raw = block.get(key)
        values: Sequence[Any] = [] if raw is None else [raw] if isinstance(raw, str) else raw
        out = []
        for value in values:
            try:
                out.append(parse_address(value))
            except ValueError as exc:
                problems.append(
                    ("send.mail_bad_address", {"unit": unit, "name": key, "value": value,
                                               "error": exc})
                )  # fmt: skip
        return tuple(out)

    to, cc, bcc, reply_to = (addresses(key) for key in ("to", "cc", "bcc", "reply_to"))
    attach: Attach = block.get("attach") or "html"
    if attach not in _ATTACH:
        allowed = ", ".join(_ATTACH)
        problems.append(
            ("send.mail_bad_attach", {"unit": unit, "value": attach, "allowed": allowed})
        )
        attach = "none"
    url = block.get("report_url")
    if url is not None and not (isinstance(url, str) and re.match(r"https?://\S+$", url)):
        problems.append(("send.mail_bad_url", {"unit": unit, "value": url}))
        url = None
    return MailOptions(
        to=to,
        cc=cc,
        bcc=bcc,
        reply_to=reply_to,
        attach=attach,
        report_url=url,
    )
