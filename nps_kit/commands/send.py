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
from nps_kit.i18n import Language, t

__all__ = ["register"]


def register(sub: Any, lang: Language) -> None:
    """Add the ``send`` sub-command to ``sub`` (the object from ``add_subparsers``)."""
    parser = sub.add_parser(
        "send",
        help=t("help.send", lang),
        description=t("help.send.about", lang),
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("units", nargs="*", metavar="UNIT", help=t("help.send.units", lang))
    parser.add_argument(
        "--all",
        action="store_true",
        help=t("help.send.all", lang),
    )
    parser.add_argument(
        "--period", required=True, metavar="YYYY-MM", help=t("help.send.period", lang)
    )
    add_delivery_options(parser, lang, command="send")
    add_output_option(parser, lang, command="send")
    add_parameters_option(parser, lang)
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
