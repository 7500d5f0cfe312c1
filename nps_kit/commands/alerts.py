"""``nps-kit alerts``: e-mail each unit's owners the new detractors who allowed contact."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path
from typing import Any

from nps_kit.commands._options import (
    add_delivery_options,
    add_output_option,
    add_parameters_option,
)
from nps_kit.errors import ConfigError

__all__ = ["register"]

_DESCRIPTION = """\
For each unit with alerts.to in its parameters, read the export (or a newer one given by
--data), find the responses since --since that score 0 to alerts.max_score (default 6) from
people who allowed contact (columns.contact; without a consent column, those who left a phone
number or address in columns.contact_details), leave out those alerted before, and send the unit's
owners one short e-mail listing them, most urgent first, in the unit's language. Comments are
redacted as in the reports. <output>/alerts/alerted.jsonl records every alerted response id, so a
re-run never alerts twice unless --resend is given. Meant to run daily from cron or a systemd
timer.

SMTP settings, retries and the dry-run outbox are those of 'nps-kit send' (NPS_KIT_SMTP_* in the
environment or .env). Without NPS_KIT_SMTP_HOST the messages are written to the outbox as with
--dry-run, nothing is sent, and the command says so and exits 2 (pass --dry-run to only write
the outbox).

Exit status: 0 when every alert went out (units without alerts.to or with nothing new included),
1 when an alert was refused by anyone, 2 on an error in the input or the settings, including a
unit with alerts.to whose columns cannot give alerts (no columns.id, or neither columns.contact
nor columns.contact_details; the other units are alerted first), a unit whose parameter file
cannot be read (it is skipped with its message and every other unit is alerted, as in 'run'),
and no NPS_KIT_SMTP_HOST without --dry-run when a unit has alerts.to (nothing was sent)."""


def register(sub: Any) -> None:
    """Add the ``alerts`` sub-command to ``sub`` (the object from ``add_subparsers``)."""
    parser = sub.add_parser(
        "alerts",
        help="e-mail new detractors who allowed contact to each unit's owners",
        description=_DESCRIPTION,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("units", nargs="*", metavar="UNIT", help="unit ids to alert")
    parser.add_argument("--all", action="store_true", help="alert every unit")
    parser.add_argument(
        "--since",
        default="7d",
        metavar="1d|DATE",
        help="only responses from this long ago (12h, 1d, 2w) or since this date (2026-11-01); "
        "default 7d, so a missed day is caught up (the log prevents repeats)",
    )
    parser.add_argument(
        "--data", type=Path, metavar="PATH", help="a newer export to read instead of data.path"
    )
    add_delivery_options(parser, outbox="<output>/alerts/outbox", log="the alert log")
    add_parameters_option(parser)
    add_output_option(parser, holds="the alert log and outbox go to DIR/alerts")
    parser.set_defaults(handler=_handle)


def _handle(args: argparse.Namespace) -> int:
    from nps_kit._drop import is_drop
    from nps_kit._project_language import project_language
    from nps_kit.alerts import parse_since, send_alerts
    from nps_kit.commands._options import units_or_all
    from nps_kit.i18n import t
    from nps_kit.params import load_all
    from nps_kit.run import closing

    project = project_language(args.parameters) or "en"
    units_or_all(args, "alerts", lang=project)
    since = parse_since(args.since, now=dt.datetime.now(dt.UTC), lang=project)
    # A folder or glob is a data drop, as in data.path (load reads its files as one export).
    if args.data is not None and not args.data.is_file() and not is_drop(args.data):
        raise ConfigError(t("alerts.no_data_file", project, path=args.data), path=args.data)
    found = load_all(args.parameters, units=None if args.all else args.units)
    if found.errors and not found.units:
        found.raise_if_errors()
    lang = found.language
    for error in found.errors:
        # As run: one team's typo (QA24: travel.yaml's mail.atach) must not hold back every
        # other unit's alerts. Say it, alert the valid units, and exit non-zero at the end.
        said = closing(error, "alerts.unit_skipped", lang)
        print(f"nps-kit alerts: error: {said}", file=sys.stderr)
    if not found.units:
        raise ConfigError(
            t("cli.no_unit_files", lang, folder=args.parameters),
            hint=t("cli.no_unit_files_hint", lang),
            path=args.parameters,
        )
    summary = send_alerts(
        list(found.units.values()),
        output=args.output,
        since=since,
        data=args.data,
        dry_run=args.dry_run,
        resend=args.resend,
        echo=lambda line: print(line, file=sys.stderr),
        lang=lang,
    )
    if summary.misconfigured or found.errors or summary.no_host:
        return 2
    return 0 if summary.ok else 1
