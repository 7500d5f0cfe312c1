"""Command-line entry point ``nps-kit``.

Each sub-command lives in :mod:`nps_kit.commands` as a module with ``register(subparsers)``;
the handler it registers returns the exit status. Heavy imports happen inside handlers so that
``nps-kit --help`` and ``nps-kit score`` stay fast.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from nps_kit import __version__
from nps_kit._width import display_width
from nps_kit.errors import NpsKitError
from nps_kit.i18n import LANGUAGES, Language, phrase_breaks, t

__all__ = ["build_parser", "main"]

EXIT_USER_ERROR = 2
#: What a shell reports for a program killed by SIGPIPE (128 + 13): ``nps-kit … | head``.
EXIT_BROKEN_PIPE = 141


def build_parser(lang: Language = "en") -> argparse.ArgumentParser:
    """Build the ``nps-kit`` argument parser with every sub-command registered.

    ``lang`` is the language of the help texts (``nps_kit._cli_words``); argparse's own words
    ("usage:", its errors) follow :func:`main`'s language as it parses.
    """
    from nps_kit.commands import COMMANDS

    parser = argparse.ArgumentParser(prog="nps-kit", description=t("help.about", lang))
    parser.add_argument(
        "--version",
        action="version",
        version=f"nps-kit {__version__}",
        help=t("help.version", lang),
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for command in COMMANDS:
        command.register(sub, lang)
    if lang == "ja":
        for each in (parser, *sub.choices.values()):
            raw = each.formatter_class is argparse.RawDescriptionHelpFormatter
            each.formatter_class = _JapaneseRawDescription if raw else _JapaneseHelp
    return parser


class _JapaneseHelp(argparse.HelpFormatter):
    """argparse's help formatter for Japanese: lines in terminal cells, broken between phrases.

    argparse wraps at spaces and counts characters; Japanese has no spaces and its letters take
    two cells, so its help ran past the terminal and broke inside ``--parameters`` (MSG44).
    """

    def _split_lines(self, text: str, width: int) -> list[str]:
        return _japanese_lines(" ".join(text.split()), width)

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "\n".join(indent + line for line in self._split_lines(text, width - len(indent)))

    def _format_usage(self, *args: Any, **kwargs: Any) -> str:
        # argparse measures "使い方：" in characters, half its cells: its later lines are
        # indented by the difference more, within a width narrower by as much.
        prefix = vars(argparse)["_"]("usage: ")
        more = display_width(prefix) - len(prefix)
        self._width -= more
        try:
            usage: str = super()._format_usage(*args, **kwargs)
        finally:
            self._width += more
        first, *rest = usage.split("\n")
        return "\n".join([first, *(" " * more + line if line.strip() else line for line in rest)])


class _JapaneseRawDescription(_JapaneseHelp):
    """:class:`_JapaneseHelp` keeping a description's own lines (``send``, ``alerts``)."""

    def _fill_text(self, text: str, width: int, indent: str) -> str:
        return "".join(indent + line for line in text.splitlines(keepends=True))


def _japanese_lines(text: str, width: int) -> list[str]:
    """Return ``text`` in lines of at most ``width`` cells, broken where a phrase ends.

    A phrase longer than ``width`` (a long path) is a line of its own rather than cut.
    """
    breaks = [*phrase_breaks(text), len(text)]
    breaks += [at + 1 for at, letter in enumerate(text[:-1]) if letter == "。"]
    breaks = sorted(set(breaks))
    lines: list[str] = []
    start = 0
    while start < len(text):
        fits = [at for at in breaks if at > start and display_width(text[start:at]) <= width]
        end = fits[-1] if fits else next(at for at in breaks if at > start)
        lines.append(text[start:end].strip())
        start = end
        while start < len(text) and text[start] == " ":
            start += 1
    return [line for line in lines if line]


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``nps-kit`` with ``argv`` and return the exit status.

    An :class:`~nps_kit.errors.NpsKitError` becomes a message on stderr and exit status 2; any
    other exception is a bug and propagates with its traceback. A reader that stops reading
    (``nps-kit inspect X | head -1``) ends the command quietly with status 141, as SIGPIPE
    would.
    """
    # jsonschema (via nbformat) imports rfc3987-syntax when installed, which builds a grammar for
    # IRI formats at import time (~1 s); notebook schemas use no such format, so the command line
    # declines that optional module. Library users are unaffected.
    sys.modules.setdefault("rfc3987_syntax", None)  # type: ignore[arg-type]
    if argv is None:
        _utf8_mode()
    _readable_output()
    # The language is decided before parsing, as it is after (_language): a usage error or
    # --help in a Japanese project is said in Japanese (MSG44).
    words = list(sys.argv[1:] if argv is None else argv)
    english = build_parser("en")
    options = _command_options(english, words)
    given = _option(words, "--language", options)
    parameters = _option(words, "--parameters", options)
    lang = _said_in(given, Path(parameters) if parameters else None)
    with _argparse_in(lang):
        parser = english if lang == "en" else build_parser(lang)
        args = parser.parse_args(argv)
    try:
        status: int = args.handler(args)
        # Flush here, not at exit: a closed pipe then raises below instead of in the interpreter's
        # shutdown, where it would print "Exception ignored … BrokenPipeError".
        sys.stdout.flush()
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except NpsKitError as exc:
        print(f"nps-kit {args.command}: error: {exc.in_language(_language(args))}", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("nps-kit: interrupted", file=sys.stderr)
        return 130
    return status


def _language(args: argparse.Namespace) -> Language:
    """Return the language a command's error is said in: ``--language``, else the project's.

    As :func:`nps_kit.commands._options.command_language` (``inspect``, ``score``): a command
    without ``--language`` speaks as its project's ``defaults.yaml`` (``run``, ``send`` …).
    """
    return _said_in(getattr(args, "language", None), getattr(args, "parameters", None))


def _said_in(given: str | None, parameters: Path | None) -> Language:
    """Return ``given`` when it is a language, else the project's or the locale's."""
    from nps_kit.commands._options import command_language

    try:
        return command_language(given if given in LANGUAGES else None, parameters)
    except (NpsKitError, OSError, ValueError):
        return "en"  # a project that cannot be read says its own error in English


def _command_options(parser: argparse.ArgumentParser, argv: Sequence[str]) -> frozenset[str]:
    """Return the option strings of the sub-command ``argv`` names (none before one is named).

    The sub-command is the first word that is not an option, as argparse reads it: ``nps-kit``
    itself takes no option with a value.
    """
    commands = next(
        (a.choices for a in parser._actions if isinstance(a, argparse._SubParsersAction)), {}
    )
    named = next((word for word in argv if not word.startswith("-")), None)
    command = (commands or {}).get(named) if named is not None else None
    return frozenset(command._option_string_actions if command is not None else ())


def _option(argv: Sequence[str], name: str, options: frozenset[str]) -> str | None:
    """Return the last value of option ``name`` in ``argv`` as argparse reads it.

    ``--name V`` or ``--name=V``, and as argparse they may be shortened to any prefix that names
    no other of the command's ``options`` (``--lang ja``, ``--langu=ja``: LEFT45B). Read
    before argparse, which needs the language to speak in before it parses.
    """
    found = None
    for at, word in enumerate(argv):
        if word == "--":
            break
        written, equals, value = word.partition("=")
        if not _names(written, name, options):
            continue
        if equals:
            found = value
        elif at + 1 < len(argv):
            found = argv[at + 1]
    return found


def _names(written: str, name: str, options: frozenset[str]) -> bool:
    """Whether option word ``written`` is ``name`` as written or as argparse's abbreviation."""
    if written == name:
        return True
    if len(written) <= 2 or not written.startswith("--") or written in options:
        return False
    return name in options and [o for o in options if o.startswith(written)] == [name]


@contextlib.contextmanager
def _argparse_in(lang: Language) -> Iterator[None]:
    """Make argparse say its own words (usage, errors, headings) in ``lang`` meanwhile.

    argparse says them through gettext's ``_`` and ``ngettext``, which it imported as its own
    names; in Japanese they read :data:`nps_kit._cli_words.ARGPARSE_JA`, the catalogue a
    ``.mo`` file would hold, for as long as the parser is built and reads the command line.
    Nothing else runs meanwhile (the commands' handlers start after), and they are given back
    even when parsing ends the program (``--help``, a usage error).
    """
    if lang == "en":
        yield
        return
    from nps_kit._cli_words import ARGPARSE_JA

    module = vars(argparse)
    said, counted = module["_"], module["ngettext"]
    module["_"] = lambda text: ARGPARSE_JA.get(text, text)
    module["ngettext"] = lambda one, many, n: ARGPARSE_JA.get(
        one if n == 1 else many, one if n == 1 else many
    )
    try:
        yield
    finally:
        module["_"], module["ngettext"] = said, counted


def _utf8_mode() -> None:
    """Start again in Python's UTF-8 mode when the locale cannot name Japanese files.

    Under cron or a service manager the locale may be one whose encoding has no Japanese
    (``LC_ALL=C`` with ``PYTHONUTF8=0``, ``en_US.ISO-8859-1``). Python then reads the command
    line and names files in that encoding: ``--unit-column 院名`` was not found
    (read as surrogate escapes), and a run failed every Japanese unit before its first cell
    (UnicodeEncodeError writing ``さくら歯科-南口.html``). The same command, with the same
    process id, runs again with ``-X utf8``, as it does in any UTF-8 locale. Only when this
    module is the program (the ``nps-kit`` script, ``python -m nps_kit.cli``): a notebook or
    library calling :func:`main` in such a locale keeps its process.
    """
    if sys.flags.utf8_mode or not _is_program():
        return
    try:
        "日本語".encode(sys.getfilesystemencoding())
    except (UnicodeEncodeError, LookupError):
        pass
    else:
        return
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, [sys.executable, "-X", "utf8", *sys.orig_argv[1:]])


def _is_program() -> bool:
    """Whether this process is ``nps-kit`` itself, not a kernel or a script that imported it."""
    program = getattr(sys.modules.get("__main__"), "__file__", None)
    if program and Path(program).resolve() == Path(__file__).resolve():
        return True  # python -m nps_kit.cli
    return Path(sys.argv[0]).name.lower().startswith("nps-kit")


def _readable_output() -> None:
    """Make stdout and stderr write any text, Japanese unit names and headers among them.

    Under cron or a service manager the locale may be one that cannot encode Japanese
    (``LC_ALL=C`` with Python's UTF-8 mode off, ``en_US.ISO-8859-1``): the first Japanese
    header ended ``inspect`` in a UnicodeEncodeError traceback, and a run's log lost its units'
    names. Such a stream writes UTF-8 instead (file names the locale could not decode are
    written as their bytes); one that can write Japanese but not every letter (cp932 and
    "£") writes an escape for the letter it lacks rather than failing.
    """
    for stream in (sys.stdout, sys.stderr):
        encoding = getattr(stream, "encoding", None)
        reconfigure = getattr(stream, "reconfigure", None)
        if not encoding or reconfigure is None or "utf" in encoding.lower():
            continue
        try:
            "日本語".encode(encoding)
        except (UnicodeEncodeError, LookupError):
            reconfigure(encoding="utf-8", errors="surrogateescape")
        else:
            reconfigure(errors="backslashreplace")


def _silence_stdout() -> None:
    """Point stdout at the null device: the interpreter's last flush then has nowhere to fail."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):  # no file descriptor (stdout replaced in-process)
        pass


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
