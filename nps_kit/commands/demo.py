"""``nps-kit demo``: write the bundled demo dataset."""

from __future__ import annotations

import argparse
from pathlib import Path

from nps_kit.i18n import Language, t

__all__ = ["register"]


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser], lang: Language) -> None:
    """Add the ``demo`` sub-command."""
    p = sub.add_parser(
        "demo",
        help=t("help.demo", lang),
        description=t("help.demo.about", lang),
    )
    p.add_argument(
        "output",
        metavar="OUT",
        type=Path,
        nargs="?",
        default=Path("demo_responses.csv.gz"),
        help=t("help.demo.output", lang),
    )
    p.set_defaults(handler=_run)


def _run(args: argparse.Namespace) -> int:
    from nps_kit.demo import write_demo
    from nps_kit.errors import NpsKitError

    out: Path = args.output
    if not out.parent.exists():
        raise NpsKitError(
            f"cannot write {out}: folder {out.parent} does not exist.",
            hint="Create the folder first or choose another path.",
        )
    path = write_demo(out)
    print(f"wrote {path}")
    return 0
