"""The CLI as a whole: every command and option in --help is documented in the README."""

import argparse
import os
import subprocess
import sys
import types

import pytest

from nps_kit import cli
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


@pytest.mark.parametrize("utf8_mode", ["0", "1"])
def test_japanese_names_and_files_in_an_ascii_locale(tmp_path, utf8_mode):
    # FIX31, the unattended path: cron with LC_ALL=C and no HOME. In a locale whose encoding
    # cannot write Japanese (LC_ALL=C without Python's UTF-8 mode, en_US.ISO-8859-1) inspect
    # ended in a UnicodeEncodeError traceback at the first Japanese header; an error message
    # naming a Japanese unit would have gone the same way.
    export = tmp_path / "回答.csv"
    export.write_text(
        "タイムスタンプ,おすすめ度,院名\n"
        + "".join(f"2026/10/{d:02d} 10:00:00,{d % 11},さくら歯科 南口\n" for d in range(1, 29)),
        encoding="utf-8",
    )
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C"}
    env["PYTHONUTF8"] = utf8_mode
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    done = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "inspect", str(export)],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    out = done.stdout.decode("utf-8")
    assert "タイムスタンプ" in out and "院名" in out
    missing = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "inspect", str(tmp_path / "さくら.csv")],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert missing.returncode == 2
    err = missing.stderr.decode("utf-8")
    assert "さくら.csv" in err and "Traceback" not in err
    # Japanese on the command line and in file names: the column is found, the units written
    # (the run of a unit failed before its first cell the same way, writing its report).
    made = subprocess.run(
        [
            sys.executable,
            "-m",
            "nps_kit.cli",
            "init",
            "クリニック",
            "--from",
            str(export),
            "--unit-column",
            "院名",
        ],
        capture_output=True,
        stdin=subprocess.DEVNULL,
        env=env,
        check=False,
        cwd=tmp_path,
    )
    assert made.returncode == 0, made.stderr.decode("utf-8", "replace")
    assert (tmp_path / "クリニック" / "parameters" / "さくら歯科-南口.yaml").is_file()


@pytest.mark.parametrize(
    ("program", "restarts"),
    [("/usr/local/bin/nps-kit", True), ("/srv/venv/lib/ipykernel_launcher.py", False)],
)
def test_only_the_nps_kit_program_restarts_itself_in_utf8_mode(
    monkeypatch: pytest.MonkeyPatch, program: str, restarts: bool
) -> None:
    # REVIEW23: in a C locale, main() called by a Jupyter kernel (or any script that imported
    # nps_kit) replaced that process with "python -X utf8 …"; only nps-kit itself may restart.
    calls: list[list[str]] = []
    monkeypatch.setattr(sys, "flags", types.SimpleNamespace(utf8_mode=0))
    monkeypatch.setattr(sys, "getfilesystemencoding", lambda: "ascii")
    monkeypatch.setattr(sys, "argv", [program])
    monkeypatch.setattr(sys.modules["__main__"], "__file__", program, raising=False)
    monkeypatch.setattr(cli.os, "execv", lambda path, args: calls.append(list(args)))
    cli._utf8_mode()
    assert bool(calls) is restarts
