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


# --- the loader's errors in a Japanese project (MSG43) --------------------------------------

_MONTH_FIRST = "id,推奨度,回答日\n" + "".join(
    f"R{i},{i % 11},10/{i % 28 + 1:02d}/2026\n" for i in range(40)
)
_BOTH_WAYS = "id,推奨度,回答日\n" + "".join(
    f"R{i},{i % 11},{i % 12 + 1:02d}/10/2026\n" for i in range(40)
)
_NO_DATES = "id,推奨度,回答日\n" + "".join(f"R{i},{i % 11},someday{i}\n" for i in range(40))
_LONG = "回答ID,設問,回答\n" + "".join(
    f"R{i:03d},推奨度,{i * 7 % 11}\nR{i:03d},理由,配送が遅い\n" for i in range(40)
)
_DATED = ("--score-column", "推奨度", "--date-column", "回答日")

# (file, its text, the command after "nps-kit"): the error a Japanese project hears, and an
# English one (--language en), word for word as before.
_LOADER_ERRORS = {
    "missing": (
        None,
        None,
        ("inspect",),
        "{path}を読めません：ファイルがありません。パスとファイル名を確かめてください（相対パスは"
        "現在のフォルダーから、parameters/*.yamlではそのファイルのフォルダーから数えます）。",
        "cannot read {path}: the file does not exist. Check the path and the file name "
        "(relative paths start from the current folder, or from the parameter file's folder in "
        "parameters/*.yaml).",
    ),
    "empty": (
        "empty.csv",
        "",
        ("score", "--score-column", "推奨度"),
        "{path}は空です（0バイト）。アンケートをもう一度エクスポートしてください。このファイル"
        "には見出しも回答もありません。",
        "{path} is empty (0 bytes). Export the survey again; the file has neither a header nor "
        "responses.",
    ),
    "other_order": (
        "dates.csv",
        _MONTH_FIRST,
        ("score", *_DATED, "--date-format", "day-first"),
        "{path}：列「回答日」の日付は、指定のday-firstではなくmonth-firstとしてしか読めません："
        "一方の順にしか読めない日付16件のうち16件は、2番目の数が12を超えます（例：「10/13/2026」"
        "と「10/14/2026」）。--date-format month-first（プロジェクトではdata.date_format: "
        "month-first）を指定するか、指定を外してください。12を超える日があれば、順はそれで"
        "決まります。",
        "{path}: the dates in column '回答日' read only month-first, not day-first as asked: 16 "
        "of the 16 dates that read only one way have a day over 12 in the second place, e.g. "
        "'10/13/2026' and '10/14/2026'. Use --date-format month-first (in a project, "
        "data.date_format: month-first), or leave it out: a day over 12 shows the order.",
    ),
    "no_date": (
        "dates.csv",
        _NO_DATES,
        ("score", *_DATED),
        "{path}：列「回答日」（date_column）の日付を1つも読めません（例：「someday0」、「someday1」、"
        "「someday2」）。読める形式：{forms_ja}。日付の列か確かめるか、--date-format（パラメーター"
        "ではdate_format）に'%d.%m.%Y %H:%M'のようなstrftimeの書式を指定してください。",
        "{path}: no date in column '回答日' (date_column) could be read (e.g. 'someday0', "
        "'someday1', 'someday2'); accepted forms: {forms_en}. Check that this is the date "
        "column, or pass --date-format (date_format in parameters) with a strftime pattern such "
        "as '%d.%m.%Y %H:%M'.",
    ),
    "empty_folder": (
        "drop/",
        None,
        ("score", "--score-column", "推奨度"),
        "フォルダー{path}にエクスポートのファイルがありません：.csv、.tsv、.txt、.gz、.xlsx、"
        ".parquetのファイルがありません。そこにエクスポートのファイルを置くか、1つのファイルを"
        "指定してください（相対パスは現在のフォルダーから、parametersではYAMLファイルのフォルダー"
        "から数えます）。",
        "no export file in the folder {path}: it has no .csv, .tsv, .txt, .gz, .xlsx or .parquet "
        "file. Put the export files there, or name one file (relative paths start from the "
        "current folder, or from the YAML file's folder in parameters).",
    ),
    "bad_date_format": (
        "dates.csv",
        _MONTH_FIRST,
        ("score", *_DATED, "--date-format", "sometimes"),
        "date_formatは'month-first'、'day-first'か、'%d/%m/%Y %H:%M'のようなstrftimeの書式に"
        "してください（書かれているもの：「sometimes」）。--date-format（パラメーターでは"
        "date_format）を直してください。",
        "date_format must be 'month-first', 'day-first' or a strftime pattern such as "
        "'%d/%m/%Y %H:%M'; found 'sometimes'. Fix --date-format (date_format in parameters).",
    ),
    "long_form": (
        "long.csv",
        _LONG,
        ("score", "--score-column", "推奨度"),
        "{path}に列「推奨度」（--score-column）がありません。列：'回答ID', '設問', '回答'。表が"
        "縦長（tidy）です：1行は1件の回答ではなく、1つの設問への答えです。「回答」にすべての設問"
        "の答えがあり、設問は「設問」が示します（コード2個）。0〜10の答えは「設問」が「推奨度」の"
        "行で、点数の列はありません。「回答ID」ごとに1行、設問ごとに1列に並べ替えたファイルを"
        "読んでください。pandasでは例えば：wide = frame.pivot_table(index=['回答ID'], "
        "columns='設問', values='回答', aggfunc='first').reset_index(); "
        "wide.to_parquet('wide.parquet')（その「推奨度」列が点数です）。表を説明のとおりに変換"
        "するか、--score-columnにその列のいずれかを指定してください。",
        "{path} has no column '推奨度' (--score-column); columns: '回答ID', '設問', '回答'. The "
        "table is long (tidy): one row per answer, not per response. '回答' holds the answers "
        "of every question, named by '設問' (2 codes), and the 0–10 answers are its rows whose "
        "'設問' is '推奨度': no column is the score. Pivot it to one row per '回答ID', each "
        "question a column, and read that file, e.g. in pandas: wide = frame.pivot_table("
        "index=['回答ID'], columns='設問', values='回答', aggfunc='first').reset_index(); "
        "wide.to_parquet('wide.parquet') (its '推奨度' column is the score). Pivot the table as "
        "said, or set --score-column to one of its columns.",
    ),
}


@pytest.mark.parametrize("case", list(_LOADER_ERRORS))
def test_the_loader_s_errors_are_said_in_a_japanese_project_s_words(
    case: str,
    tmp_path: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # MSG43: a Japanese project heard the loader's errors in English.
    from _english import english_runs

    from nps_kit.i18n import t

    name, text, command, japanese, english = _LOADER_ERRORS[case]
    path = tmp_path / (name or "nowhere.csv")
    if text is not None:
        path.write_text(text, encoding="utf-8")
    elif name is not None:
        path.mkdir()  # a folder read as one export
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "defaults.yaml").write_text("language: ja\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    from nps_kit._values import DATE_EXAMPLES, DATE_FORMS

    forms = {"forms_ja": t("load.date_forms", "ja", **DATE_EXAMPLES), "forms_en": DATE_FORMS}
    argv = [command[0], str(path), *command[1:]]
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err == f"nps-kit {command[0]}: error: {japanese.format(path=path, **forms)}\n"
    assert english_runs(err, names=[str(path), "ISO", "Nov 3, 2026 9:05 AM"]) == []
    assert main([*argv, "--language", "en"]) == 2
    err = capsys.readouterr().err
    assert err == f"nps-kit {command[0]}: error: {english.format(path=path, **forms)}\n"


def test_run_says_a_bad_date_format_in_a_japanese_project_s_words(
    tmp_path: pytest.TempPathFactory,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # MSG43: the parameter error's other problems were Japanese, this one English.
    (tmp_path / "export.csv").write_text(_MONTH_FIRST, encoding="utf-8")
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "defaults.yaml").write_text("language: ja\n", encoding="utf-8")
    (tmp_path / "parameters" / "ec.yaml").write_text(
        "name: EC\ndata: {path: ../export.csv, date_format: sometimes}\n"
        "columns: {score: 推奨度, date: 回答日}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["run", "ec", "--period", "2026-10"]) == 2
    assert capsys.readouterr().err == (
        "nps-kit run: error: parameters/ec.yaml: data.date_format: date_formatは'month-first'、"
        "'day-first'か、'%d/%m/%Y %H:%M'のようなstrftimeの書式にしてください（書かれている"
        "もの：「sometimes」）。\n"
    )
