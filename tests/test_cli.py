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


@pytest.mark.usefixtures("outside_the_demo_project")
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


# --- the command line's own words in a Japanese project (MSG44) -------------------------------


@pytest.fixture
def japanese_project(tmp_path, monkeypatch):
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "defaults.yaml").write_text("language: ja\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


_USAGE_ERRORS = {
    "required": (
        ["score"],
        "nps-kit score: error: 次の引数を指定してください：DATA, --score-column",
        "nps-kit score: error: the following arguments are required: DATA, --score-column",
    ),
    "choice": (
        ["score", "x.csv", "--score-column", "推奨度", "--format", "xml"],
        "nps-kit score: error: --format：'xml'は選べません（選べるもの：'table', 'json', 'csv'）",
        "nps-kit score: error: argument --format: invalid choice: 'xml' (choose from 'table', "
        "'json', 'csv')",
    ),
    "command": (
        ["scroe"],
        "nps-kit: error: COMMAND：'scroe'は選べません（選べるもの：'score', 'inspect', 'run', "
        "'init', 'new-unit', 'send', 'alerts', 'themes', 'demo', 'lab'）",
        "nps-kit: error: argument COMMAND: invalid choice: 'scroe' (choose from 'score', "
        "'inspect', 'run', 'init', 'new-unit', 'send', 'alerts', 'themes', 'demo', 'lab')",
    ),
    "unrecognized": (
        ["inspect", "x.csv", "--bogus"],
        "nps-kit: error: このコマンドにない引数です：--bogus",
        "nps-kit: error: unrecognized arguments: --bogus",
    ),
    "one_value": (
        ["score", "x.csv", "--score-column"],
        "nps-kit score: error: --score-column：値を1つ指定してください",
        "nps-kit score: error: argument --score-column: expected one argument",
    ),
    "number": (
        ["run", "--jobs", "two"],
        "nps-kit run: error: --jobs：intの値として読めません：'two'",
        "nps-kit run: error: argument --jobs: invalid int value: 'two'",
    ),
    "fiscal_start": (
        ["score", "x.csv", "--score-column", "推奨度", "--fiscal-start", "13"],
        "nps-kit score: error: --fiscal-start：年度の最初の月を1〜12の数で指定してください"
        "（4＝4月）（書かれている値：「13」）",
        "nps-kit score: error: argument --fiscal-start: expected the fiscal year's first month "
        "as a number 1-12 (4 = April); got '13'",
    ),
    "exclude": (
        ["score", "x.csv", "--score-column", "推奨度", "--exclude", "テスト"],
        "nps-kit score: error: --exclude：COL=VALUEの形で指定してください（例：名前=テスト）"
        "（書かれている値：「テスト」）",
        "nps-kit score: error: argument --exclude: expected COLUMN=VALUE (e.g. 名前=テスト); "
        "found 'テスト'",
    ),
    "dedupe": (
        ["score", "--dedupe", "x.csv", "--score-column", "推奨度"],
        "nps-kit score: error: --dedupe：--dedupeの後にはresubmissionsを書くか、何も書かないで"
        "ください（書かれている値：「x.csv」）。--dedupeだけでは完全な重複と繰り返されたIDを除き、"
        "--dedupe resubmissionsでは二重送信も除きます（DATAは--dedupeの前に書いてください）",
        "nps-kit score: error: argument --dedupe: expected 'resubmissions' or nothing; found "
        "'x.csv'. --dedupe alone drops exact duplicates and repeated ids; --dedupe "
        "resubmissions also drops double submissions (put DATA before --dedupe)",
    ),
}


def _usage_error(argv, capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(argv)
    assert exit_info.value.code == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Traceback" not in captured.err
    return captured.err


@pytest.mark.parametrize("case", list(_USAGE_ERRORS))
@pytest.mark.usefixtures("japanese_project")
def test_usage_errors_are_said_in_a_japanese_project_s_words(case, capsys):
    # MSG44: argparse's own messages were English in a Japanese project.
    from _english import english_runs

    argv, japanese, english = _USAGE_ERRORS[case]
    err = _usage_error(argv, capsys)
    usage, _, said = err.rstrip("\n").rpartition("\n")
    assert said == japanese
    assert usage.startswith("使い方：nps-kit")
    assert english_runs(err) == []
    if argv[0] in {"score", "inspect"}:  # --language en says it in English, word for word
        err = _usage_error([*argv, "--language=en"], capsys)
        assert err.rstrip("\n").rpartition("\n")[2] == english


@pytest.mark.parametrize("case", list(_USAGE_ERRORS))
@pytest.mark.usefixtures("outside_the_demo_project")
def test_usage_errors_outside_a_project_follow_the_locale(case, capsys, monkeypatch):
    argv, japanese, english = _USAGE_ERRORS[case]
    assert _usage_error(argv, capsys).rstrip("\n").rpartition("\n")[2] == english
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert _usage_error(argv, capsys).rstrip("\n").rpartition("\n")[2] == japanese


@pytest.mark.usefixtures("outside_the_demo_project")
def test_usage_errors_follow_the_parameters_option(tmp_path, capsys):
    (tmp_path / "params").mkdir()
    (tmp_path / "params" / "defaults.yaml").write_text("language: ja\n", encoding="utf-8")
    err = _usage_error(["run", "--parameters", str(tmp_path / "params"), "--jobs", "two"], capsys)
    assert err.endswith("nps-kit run: error: --jobs：intの値として読めません：'two'\n")


@pytest.mark.usefixtures("japanese_project")
@pytest.mark.usefixtures("outside_the_demo_project")
def test_usage_errors_follow_an_abbreviated_language_or_parameters_option(tmp_path, capsys):
    # REVIEW45: argparse takes --lang for --language (and --param for --parameters), but the
    # language was read before parsing from the whole names only: --lang en was answered in
    # the project's Japanese, the command itself then in English.
    argv, _, english = _USAGE_ERRORS["choice"]
    for given in (["--lang", "en"], ["--lang=en"], ["--langu", "en"]):
        err = _usage_error([*argv, *given], capsys)
        assert err.rstrip("\n").rpartition("\n")[2] == english
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "defaults.yaml").write_text("language: en\n", encoding="utf-8")
    err = _usage_error(["run", "--param", str(tmp_path / "en"), "--jobs", "two"], capsys)
    assert err.endswith("nps-kit run: error: argument --jobs: invalid int value: 'two'\n")
    # An ambiguous prefix is argparse's error, said in the project's language.
    err = _usage_error(["score", "x.csv", "--score-column", "推奨度", "--l", "en"], capsys)
    assert err.endswith(
        "nps-kit score: error: --lはどのオプションか決まりません（候補：--level, --language）\n"
    )


@pytest.mark.parametrize("written", [["--lang", "ja"], ["--langu=ja"], ["--la", "ja"]])
@pytest.mark.usefixtures("outside_the_demo_project")
def test_an_abbreviated_language_option_is_read_before_argparse(written, capsys, monkeypatch):
    # LEFT45B: argparse takes --lang for --language, and the pre-parse that decides the
    # language of argparse's own words did not: --help and usage errors stayed English.
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as exit_info:
        main(["score", *written, "--help"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.startswith("使い方：nps-kit score")
    err = _usage_error(
        ["score", "x.csv", "--score-column", "推奨度", *written, "--fiscal-start", "13"], capsys
    )
    assert err.rstrip("\n").rpartition("\n")[2] == _USAGE_ERRORS["fiscal_start"][1]


@pytest.mark.usefixtures("outside_the_demo_project")
def test_an_option_prefix_argparse_does_not_take_for_language_is_not_read_as_it(capsys):
    # run has no --language: --lang is no abbreviation there (ja is a unit id) and argparse
    # refuses it in English; score's --l could be --level too, which argparse refuses as
    # ambiguous, in English.
    err = _usage_error(["run", "--lang", "ja"], capsys)
    assert err.rstrip("\n").rpartition("\n")[2] == (
        "nps-kit: error: unrecognized arguments: --lang"
    )
    err = _usage_error(["score", "x.csv", "--score-column", "推奨度", "--l", "ja"], capsys)
    assert err.rstrip("\n").rpartition("\n")[2] == (
        "nps-kit score: error: ambiguous option: --l could match --level, --language"
    )


def test_a_windows_locale_python_cannot_parse_counts_as_none(tmp_path, capsys, monkeypatch):
    """An unparsable Windows locale name: commands speak English, as with no locale (LEFT45B).

    ``locale.getlocale`` raises ValueError for a locale name it cannot parse, which happens on
    Windows and with odd locale names; neither the platform nor such a locale can be reproduced
    on this machine, so this is the one test that patches: ``sys.platform`` and
    ``locale.getlocale``. The Japanese system locale shows the patched path is the one taken.
    ``inspect`` ended in the ValueError's traceback; argparse's words were already English.
    """
    import locale

    def unparsable() -> tuple[str | None, str | None]:
        raise ValueError("unknown locale: English_World.1252@odd")

    monkeypatch.chdir(tmp_path)
    (tmp_path / "survey.csv").write_text("id,score\n1,9\n2,3\n", encoding="utf-8")
    monkeypatch.delenv("LANG")
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(locale, "getlocale", lambda *_: ("Japanese_Japan", "932"))
    assert main(["inspect", "survey.csv"]) == 0
    assert capsys.readouterr().out.startswith("survey.csv：回答2件")
    monkeypatch.setattr(locale, "getlocale", lambda *_: unparsable())
    assert main(["inspect", "survey.csv"]) == 0
    assert capsys.readouterr().out.startswith("survey.csv: 2 responses")
    argv, _, english = _USAGE_ERRORS["fiscal_start"]
    assert _usage_error(argv, capsys).rstrip("\n").rpartition("\n")[2] == english


def _helped(parser: argparse.ArgumentParser) -> list[argparse.Action]:
    return [a for a in parser._actions if a.help is not argparse.SUPPRESS]


def test_every_option_of_every_command_has_its_japanese_help():
    from _english import english_runs

    japanese, english = build_parser("ja"), build_parser("en")
    assert japanese.description != english.description
    pairs = [(japanese, english)] + [
        (_subparsers(japanese)[name], parser) for name, parser in _commands()
    ]
    for ja, en in pairs:
        assert ja.description and ja.description != en.description, en.prog
        assert english_runs(ja.description) == [], en.prog
        for ja_action, en_action in zip(_helped(ja), _helped(en), strict=True):
            if isinstance(en_action, argparse._HelpAction | argparse._SubParsersAction):
                continue
            where = f"{en.prog} {en_action.option_strings or en_action.dest}"
            assert ja_action.help and ja_action.help != en_action.help, where
            assert english_runs(ja_action.help, names=["nps-kit run"]) == [], where


def _names(parser: argparse.ArgumentParser) -> list[str]:
    """What a Japanese help names as written: options, metavars, choices, examples."""
    names = ["nps-kit run", "nps-kit init", "Run all", "UTC time", "Cheaper plans"]
    for action in parser._actions:
        names += action.option_strings
        if action.metavar:
            names += [action.metavar] if isinstance(action.metavar, str) else action.metavar
        names += [str(choice) for choice in action.choices or ()]
    return names


@pytest.mark.parametrize("name", ["", *[name for name, _ in _commands()]])
@pytest.mark.usefixtures("japanese_project")
def test_help_in_a_japanese_project_is_japanese(name, capsys, monkeypatch):
    from _english import english_runs

    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit) as exit_info:
        main([name, "--help"] if name else ["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    parser = _subparsers(build_parser("ja"))[name] if name else build_parser("ja")
    assert out.startswith(f"使い方：{parser.prog}")
    assert "\n引数:\n" in out and "\nオプション:\n" in out
    assert english_runs(out, names=_names(parser)) == []
    from nps_kit._width import display_width

    # Lines fit the terminal, measured in cells (a long path may stand alone on its line).
    for line in out.splitlines():
        assert display_width(line) <= 100 or " " not in line.strip(), line


def test_english_help_keeps_its_words(capsys, monkeypatch, outside_the_demo_project):
    monkeypatch.setenv("COLUMNS", "100")
    with pytest.raises(SystemExit):
        main(["send", "--help"])
    out = capsys.readouterr().out
    assert out.startswith("usage: nps-kit send [-h] [--all] --period YYYY-MM")
    assert "\npositional arguments:\n  UNIT              unit ids to send\n" in out
    assert "  --resend          send again what sent.jsonl says was already sent\n" in out
    assert "\nE-mail each unit's report for a period to the recipients its parameters named" in out
