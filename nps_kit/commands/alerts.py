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
from nps_kit.i18n import Language, t

__all__ = ["register"]


def register(sub: Any, lang: Language) -> None:
    """Add the ``alerts`` sub-command to ``sub`` (the object from ``add_subparsers``)."""
    parser = sub.add_parser(
        "alerts",
        help=t("help.alerts", lang),
        description=t("help.alerts.about", lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("units", nargs="*", metavar="UNIT", help=t("help.alerts.units", lang))
    parser.add_argument("--all", action="store_true", help=t("help.alerts.all", lang))
    parser.add_argument(
        "--since",
        default="7d",
        metavar="1d|DATE",
        help=t("help.alerts.since", lang),
    )
    parser.add_argument("--data", type=Path, metavar="PATH", help=t("help.alerts.data", lang))
    add_delivery_options(parser, lang, command="alerts")
    add_parameters_option(parser, lang)
    add_output_option(parser, lang, command="alerts")
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
