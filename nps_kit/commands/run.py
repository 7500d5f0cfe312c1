"""``nps-kit run``: build every unit's report in parallel on warm kernels."""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import sys
from collections.abc import Iterator, Mapping
from pathlib import Path
from types import FrameType
from typing import TYPE_CHECKING

from nps_kit.commands._options import (
    add_notebook_option,
    add_parameters_option,
    default_notebook,
)
from nps_kit.errors import ConfigError
from nps_kit.i18n import Language, t

if TYPE_CHECKING:
    from nps_kit.params import UnitParameters
    from nps_kit.run import RunResult

__all__ = ["default_notebook", "register", "replaced_reports"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Language) -> None:
    """Add the ``run`` sub-command."""
    p = sub.add_parser(
        "run",
        help=t("help.run", lang),
        description=t("help.run.about", lang),
    )
    p.add_argument("units", nargs="*", metavar="UNIT", help=t("help.run.units", lang))
    p.add_argument("--all", action="store_true", help=t("help.run.all", lang))
    p.add_argument(
        "--period",
        metavar="YYYY-MM",
        help=t("help.run.period", lang),
    )
    p.add_argument("--jobs", type=int, metavar="N", help=t("help.run.jobs", lang))
    add_parameters_option(p, lang)
    p.add_argument(
        "--output",
        type=Path,
        default=Path("reports"),
        metavar="DIR",
        help=t("help.run.output", lang),
    )
    add_notebook_option(p, lang, command="run")
    p.add_argument(
        "--fresh-kernels",
        action="store_true",
        help=t("help.run.fresh_kernels", lang),
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        default=os.environ.get("NPS_KIT_SCHEDULER") or None,
        help=t("help.run.scheduler", lang),
    )
    p.add_argument(
        "--cache-dir",
        type=Path,
        metavar="DIR",
        help=t("help.run.cache_dir", lang),
    )
    p.add_argument(
        "--watch",
        action="store_true",
        help=t("help.run.watch", lang),
    )
    p.add_argument(
        "--send",
        action="store_true",
        help=t("help.run.send", lang),
    )
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from nps_kit._unit_rows import NO_RESPONSES
    from nps_kit.i18n import t
    from nps_kit.params import load_all
    from nps_kit.run import closing, record_parameter_errors, run_reports, summary_table

    if args.all and args.units:
        raise ConfigError(
            f"give unit ids or --all, not both (got --all and {' '.join(args.units)}).",
            hint="Drop --all to run only the units named.",
        )
    if args.scheduler and (args.jobs is not None or args.fresh_kernels):
        raise ConfigError(
            "--jobs and --fresh-kernels are for runs on this machine, not with --scheduler.",
            hint="The cluster's workers decide how many units run at once.",
        )
    if args.jobs is not None and args.jobs < 1:
        raise ConfigError(f"--jobs: expected a positive whole number; found {args.jobs}.")
    if args.watch:
        return _watch(args)
    found = load_all(args.parameters, units=args.units or None)
    if found.errors and not found.units:
        # Every unit file broken: the month asked for still records each one, so that send and
        # the overview say why nothing went out (FIX38).
        record_parameter_errors(
            found.invalid,
            output=args.output,
            period=args.period or "",
            overview=found.overview,
            names=found.invalid_names,
        )
        found.raise_if_errors()
    lang = found.language
    for error in found.errors:
        # One team's broken file must not hold back every other team's report: report it, run
        # the valid units, and exit non-zero at the end.
        print(f"nps-kit run: error: {closing(error, 'run.skipped', lang)}", file=sys.stderr)
    if not found.units:
        raise ConfigError(
            t("cli.no_unit_files", lang, folder=args.parameters),
            hint=t("cli.no_unit_files_hint", lang),
            path=args.parameters,
        )
    if not args.units and not args.all:
        print(t("run.all_units", lang, n=len(found.units)), file=sys.stderr)
    notebook = args.notebook or default_notebook(args.parameters)
    if not Path(notebook).is_file():
        raise ConfigError(f"--notebook: file not found: {notebook}.", path=Path(notebook))
    with _sigterm_interrupts():
        result = run_reports(
            list(found.units.values()),
            notebook=notebook,
            output=args.output,
            period=args.period,
            jobs=args.jobs,
            fresh_kernels=args.fresh_kernels,
            cache_dir=args.cache_dir,
            scheduler=args.scheduler,
            overview=found.overview,
            invalid=found.invalid,
            invalid_names=found.invalid_names,
            language=lang,
        )
    print(summary_table(result, lang=lang))
    if args.notebook is not None and args.output.resolve() == Path("reports").resolve():
        for line in replaced_reports(result, found.units, notebook=args.notebook):
            print(line, file=sys.stderr)
    status = 0 if result.ok and not found.errors else 1
    # The others ran; the refused were named before the progress lines and have a row in the
    # table. A filter that matches no row is a broken unit file (exit 1, as above); a unit
    # with no response in the month yet is what the data says: a scheduled `run --all` for
    # the latest month still succeeds for the units that have.
    if any(error.key != NO_RESPONSES for error in result.skipped.values()):
        status = 1
    if args.send:
        status = max(status, _send(result, args.output, args.parameters))
    return status


def replaced_reports(
    result: RunResult, units: Mapping[str, UnitParameters], *, notebook: Path
) -> list[str]:
    """Say which reports a run with ``--notebook`` wrote over, and how to try it elsewhere.

    A working copy rendered into the reports folder replaces the unit's report and manifest
    entry, which the overview and ``nps-kit send`` read (QA23: it did so without a word).
    """
    lines = []
    for done in result.units:
        own = units.get(done.unit)
        if done.html is None or (own is not None and own.notebook is not None):
            continue  # a unit with its own notebook: --notebook was not its notebook
        lines.append(
            f"note: {done.html} was replaced by the report of {notebook}, with its manifest "
            "entry: the overview and 'nps-kit send' now use it. For a trial, render into "
            "another folder with --output DIR; to go back, run the unit again without --notebook."
        )
    return lines


def _watch(args: argparse.Namespace) -> int:
    from nps_kit.watch import watch_unit

    if len(args.units) != 1 or args.all or args.send:
        raise ConfigError(
            "--watch rebuilds one unit: give exactly one UNIT, without --all or --send.",
            hint="For example: nps-kit run ec --watch",
        )
    notebook = args.notebook or default_notebook(args.parameters)
    try:
        watch_unit(
            args.units[0],
            parameters=args.parameters,
            notebook=notebook,
            output=args.output,
            period=args.period,
            cache_dir=args.cache_dir,
            progress=sys.stderr,
        )
    except KeyboardInterrupt:
        pass
    return 0


@contextlib.contextmanager
def _sigterm_interrupts() -> Iterator[None]:
    """Treat SIGTERM (a scheduler or ``kill`` stopping the run) like Ctrl-C.

    Python's default for SIGTERM ends the process on the spot, leaving half-written files and a
    manifest that misses finished units; as a ``KeyboardInterrupt`` the runner records the
    finished units and cleans up on its way out.
    """

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _send(result: RunResult, output: Path, parameters: Path) -> int:
    """Mail the units that succeeded, one period at a time; return the exit status."""
    from nps_kit._project_language import project_language
    from nps_kit.mail import send_reports
    from nps_kit.mail.settings import NO_HOST_EXIT

    lang = project_language(parameters)

    status = 0
    periods = sorted({u.period for u in result.units if u.status == "ok"})
    for period in periods:
        units = [u.unit for u in result.units if u.status == "ok" and u.period == period]
        summary = send_reports(output, period, units=units, command="run --send", lang=lang)
        if summary.no_host:
            status = max(status, NO_HOST_EXIT)  # a monthly cron job must see nothing went out
        elif not summary.ok:
            status = max(status, 1)
    return status
