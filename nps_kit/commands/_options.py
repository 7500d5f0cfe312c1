"""Options that several sub-commands share, written once so that they read the same everywhere."""

from __future__ import annotations

import argparse
import locale
import os
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from nps_kit.i18n import t

if TYPE_CHECKING:
    from nps_kit.i18n import Language

__all__ = [
    "add_delivery_options",
    "add_language_option",
    "add_notebook_option",
    "add_output_option",
    "add_parameters_option",
    "command_language",
    "default_notebook",
    "units_or_all",
]


def add_parameters_option(parser: argparse.ArgumentParser, lang: Language) -> None:
    """Add ``--parameters DIR``: the folder with ``defaults.yaml`` and the unit files."""
    parser.add_argument(
        "--parameters",
        type=Path,
        default=Path("parameters"),
        metavar="DIR",
        help=t("help.parameters", lang),
    )


def add_language_option(parser: argparse.ArgumentParser, lang: Language) -> None:
    """Add ``--language ja|en``: the language of what a command prints (MSG41).

    Its default is the project's (:func:`command_language`), as ``run`` and ``send`` speak it.
    """
    parser.add_argument(
        "--language", choices=("ja", "en"), metavar="ja|en", help=t("help.language", lang)
    )


def command_language(
    given: Language | None, parameters: Path | None, *, headers: Iterable[str] | None = None
) -> Language:
    """Return the language ``inspect``, ``score`` and ``themes`` print in.

    Parameters
    ----------
    given
        ``--language``, when given: it wins.
    parameters
        ``--parameters``, when given; else ``./parameters``, the folder ``run`` reads.
    headers
        The export's column names and question texts, for a command that reads one before it
        says anything of it (``inspect``, ``themes``).

    Returns
    -------
    str
        ``given``, else the language ``defaults.yaml`` of that folder asks for
        (:func:`nps_kit._project_language.project_language`, as ``alerts`` and ``init`` read
        it), else Japanese when the user's locale is (:func:`locale_language`: a Japanese
        analyst scoring an export outside any project hears Japanese, QA43), else the
        language of the export's ``headers``
        (:func:`nps_kit._answer_language.header_language`). A locale that is not Japanese is
        often no one's choice (C under cron, a container, an English Windows or Mac a
        Japanese analyst uses), while Japanese headers say who the export is for: a cp932
        export of 推奨度 and コメント is said in Japanese there (LEFT45B), an English export
        stays English, and a Japanese locale keeps Japanese for an English export.
    """
    from nps_kit._project_language import project_language

    if given is not None:
        return given
    found = project_language(parameters if parameters is not None else Path("parameters"))
    if found is not None:
        return found
    local = locale_language()
    if local == "ja" or headers is None:
        return local
    from nps_kit._answer_language import header_language

    return header_language(headers)


def locale_language() -> Language:
    """Return ``"ja"`` when the user's locale is Japanese, else ``"en"``.

    As GNU gettext chooses a program's messages: POSIX order, ``LC_ALL``, then
    ``LC_MESSAGES``, then ``LANG``, the first one set and not empty (``ja_JP.UTF-8``,
    ``ja``); unless that locale is C (or none is set), ``LANGUAGE``, a priority list
    (``ja:en``), comes first, its first Japanese or English entry. On Windows, which sets
    none of them, the system locale (``Japanese_Japan``); one whose name Python cannot parse
    (:func:`locale.getlocale` raises ValueError) counts as none set (LEFT45B).
    """
    found = next((v for n in ("LC_ALL", "LC_MESSAGES", "LANG") if (v := os.environ.get(n))), None)
    if found is None and sys.platform == "win32":
        try:
            code = locale.getlocale()[0] or ""
        except ValueError:
            code = ""
        return "ja" if code.lower().startswith(("ja", "japanese")) else "en"
    if found is None or found in ("C", "POSIX") or found.startswith("C."):
        return "en"
    for entry in os.environ.get("LANGUAGE", "").split(":"):
        if entry.lower().startswith(("ja", "en")):
            return "ja" if entry.lower().startswith("ja") else "en"
    return "ja" if found.lower().startswith("ja") else "en"


def sheet_option(sheet: str | None) -> str | int | None:
    """Return ``--sheet`` as the loader takes it: a 0-based index when all digits, else a name."""
    return int(sheet) if sheet is not None and sheet.isdigit() else sheet


def add_output_option(parser: argparse.ArgumentParser, lang: Language, *, command: str) -> None:
    """Add ``--output DIR``, the reports root; ``help.<command>.output`` says what it holds."""
    parser.add_argument(
        "--output",
        type=Path,
        default=Path("reports"),
        metavar="DIR",
        help=t(f"help.{command}.output", lang),
    )


def add_delivery_options(parser: argparse.ArgumentParser, lang: Language, *, command: str) -> None:
    """Add ``--dry-run`` and ``--resend`` for a command that mails and logs what it sent.

    Their help is ``help.<command>.dry_run`` and ``help.<command>.resend``: where a dry run
    writes the messages and which log keeps a message from being sent twice.
    """
    parser.add_argument("--dry-run", action="store_true", help=t(f"help.{command}.dry_run", lang))
    parser.add_argument("--resend", action="store_true", help=t(f"help.{command}.resend", lang))


def add_notebook_option(parser: argparse.ArgumentParser, lang: Language, *, command: str) -> None:
    """Add ``--notebook PATH``; ``help.<command>.notebook`` says which units it serves."""
    parser.add_argument(
        "--notebook", type=Path, metavar="PATH", help=t(f"help.{command}.notebook", lang)
    )


def default_notebook(parameters: Path) -> Path:
    """Return ``notebooks/nps_report.ipynb`` beside ``parameters``, else the bundled notebook."""
    local = Path(parameters).resolve().parent / "notebooks" / "nps_report.ipynb"
    if local.is_file():
        return local
    return Path(__file__).resolve().parent.parent / "resources" / "nps_report.ipynb"


def units_or_all(
    args: argparse.Namespace, command: str, *, lang: Language, period: str = ""
) -> None:
    """Refuse unit ids given with ``--all``, or neither (``send``, ``alerts``).

    Parameters
    ----------
    args
        The parsed arguments, with ``units`` and ``all``.
    command
        The command, for the example in the hint.
    lang
        The project's language (:func:`nps_kit._project_language.project_language`).
    period
        What the examples add after the unit (`` --period 2026-10`` for ``send``).

    Raises
    ------
    NpsKitError
        When both or neither are given.
    """
    from nps_kit.errors import NpsKitError

    if bool(args.units) == bool(args.all):
        raise NpsKitError(
            t("cli.units_and_all" if args.units else "cli.units_or_all", lang),
            hint=t(
                "cli.units_or_all_hint",
                lang,
                one=f"nps-kit {command} ec{period}",
                every=f"nps-kit {command} --all{period}",
            ),
        )
