"""The CLI as a whole: every command and option in --help is documented in the README."""

import argparse
import os
import subprocess
import sys

import pytest

from nps_kit.cli import build_parser, main

README = (__import__("pathlib").Path(__file__).resolve().parent.parent / "README.md").read_text(
    encoding="utf-8"
)


def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    return {}


def _commands() -> list[tuple[str, argparse.ArgumentParser]]:
    return sorted(_subparsers(build_parser()).items())


@pytest.mark.parametrize("name", [name for name, _ in _commands()])
def test_every_command_and_option_is_in_the_readme(name):
    parser = _subparsers(build_parser())[name]
    assert f"### `nps-kit {name}`" in README, f"README has no section for nps-kit {name}"
    section = README.split(f"### `nps-kit {name}`", 1)[1].split("\n### ", 1)[0]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        for option in action.option_strings:
            assert option in section, f"{option} of nps-kit {name} is not documented"
        if not action.option_strings:
            assert (action.metavar or action.dest).upper() in section.upper()


def test_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for name, _ in _commands():
        assert name in out


def test_console_script_runs():
    done = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("nps-kit ")


def test_unknown_command_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["scroe"])
    assert exit_info.value.code == 2
    assert "invalid choice: 'scroe'" in capsys.readouterr().err


def test_a_reader_that_stops_reading_ends_the_command_quietly(tmp_path):
    # `nps-kit inspect X | head -1`: the reader is gone before the output is written.
    export = tmp_path / "export.csv"
    export.write_text(
        "date,score,why\n" + "".join(f"2026-10-{d:02d},{d % 11},ok\n" for d in range(1, 29)),
        encoding="utf-8",
    )
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "nps_kit.cli", "inspect", str(export)],
            stdout=write_end,
            stderr=subprocess.PIPE,
            text=True,
            check=False,
            cwd=tmp_path,
        )
    finally:
        os.close(write_end)
    assert (done.returncode, done.stderr) == (141, "")
