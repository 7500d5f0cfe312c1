"""``nps-kit send``: e-mail each unit's finished report for a period."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from nps_kit.commands._options import (
    add_delivery_options,
    add_output_option,
    add_parameters_option,
)

__all__ = ["register"]

_DESCRIPTION = """\
E-mail each unit's report for a period to the recipients its parameters named when the report
was built (mail.to, cc, bcc, reply_to; mail.attach html|zip|none; mail.report_url, as recorded
in manifest.json: after changing them, run the report again before sending). Only units whose
report ran ("ok" in manifest.json) are sent, and each report only once; every other unit the run
was asked for (refused, no data, parameter error, failed) is listed with the reason (exit 1), and
with --all so is every unit of the project (a file in --parameters) that has no report for the
period at all:
reports/<period>/sent.jsonl records every message, so a re-run sends nothing new unless --resend
is given.

SMTP settings come only from the environment or a .env file in the current directory (the
environment wins): NPS_KIT_SMTP_HOST, NPS_KIT_SMTP_PORT, NPS_KIT_SMTP_SECURITY
(starttls|ssl|none), NPS_KIT_SMTP_USER, NPS_KIT_SMTP_PASSWORD, NPS_KIT_SMTP_FROM and optionally
NPS_KIT_SMTP_CAFILE (PEM of a private CA). Without NPS_KIT_SMTP_HOST the messages are
written to the outbox as with --dry-run, nothing is sent, and send says so and exits 2 (pass
--dry-run to only write the outbox).
SECURITY=none with a user is refused unless NPS_KIT_SMTP_ALLOW_PLAINTEXT_AUTH=1 (the password
would cross the network unencrypted).

A report is sent again only when its figures changed (sent.jsonl keys on unit, period, recipients
and the run summary, not on the HTML's generation time), marked as an update to those who got an
earlier version; a recipient the server refused before gets the report itself. If the server
stops answering part-way, the output lists what was sent and what was not; run the command again
to send the rest.

A report built before what moved the NPS left out the groups under the anonymity floor (its
manifest names them unchecked) is not sent, even with --resend: run it again first.

A unit without recipients is skipped with a notice and the others are sent (exit 0: its report
may be meant for the intranet only); when no selected unit has any recipient, nothing could be
sent and the command stops with an error (exit 2) before sending.

Exit status: 0 when everything selected was sent (or already sent, or has no recipients), 1 when
any report was not ready or not delivered to someone, 2 on an error in the input or the
settings, including no recipients in any selected unit and no NPS_KIT_SMTP_HOST without
--dry-run (nothing was sent)."""


def register(sub: Any) -> None:
    """Add the ``send`` sub-command to ``sub`` (the object from ``add_subparsers``)."""
    parser = sub.add_parser(
        "send",
        help="e-mail the reports of a period",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("units", nargs="*", metavar="UNIT", help="unit ids to send")
    parser.add_argument(
        "--all",
        action="store_true",
        help="send every unit of the project (its parameter files) that has a report for the "
        "period; list the others",
    )
    parser.add_argument(
        "--period", required=True, metavar="YYYY-MM", help="the period to send, e.g. 2026-10"
    )
    add_delivery_options(parser, outbox="<output>/<period>/outbox", log="sent.jsonl")
    add_output_option(parser, holds="holds <period>/manifest.json")
    add_parameters_option(parser)
    parser.set_defaults(handler=_handle)


def _handle(args: argparse.Namespace) -> int:
    from nps_kit._project_language import project_language
    from nps_kit.commands._options import units_or_all
    from nps_kit.mail import send_reports
    from nps_kit.mail.settings import NO_HOST_EXIT

    lang = project_language(args.parameters)
    units_or_all(args, "send", lang=lang or "en", period=" --period 2026-10")
    summary = send_reports(
        args.output,
        args.period,
        units=None if args.all else args.units,
        dry_run=args.dry_run,
        resend=args.resend,
        project_units=_project_units(args.parameters) if args.all else (),
        lang=lang,
    )
    if summary.no_host:
        return NO_HOST_EXIT
    return 0 if summary.ok else 1


def _project_units(parameters: Path) -> tuple[str, ...]:
    """Return the ids of the project's units: its parameter files, usable or not.

    ``--all`` is the project's units, not only the manifest's (QA27: ``run`` of 2 of 14
    locations, then ``send --all`` sent those 2 and said nothing of the 12 without a report).
    No parameters folder (send run outside the project): the manifest's units only.
    """
    from nps_kit.params import load_all

    if not parameters.is_dir():
        return ()
    found = load_all(parameters)
    return (*found.units, *found.invalid)
