"""Parameter files: schema, merging, and the whole message of every validation error."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from _exports import write_qualtrics

from nps_kit._schema_errors import display
from nps_kit.errors import ConfigError
from nps_kit.params import (
    load_all,
    load_unit,
    notebook_parameters,
    resolve_period,
)

CSV = (
    "response_id,submitted_at,business_unit,score,channel,comment\n"
    "R1,2026-09-03 10:00:00,EC事業部,9,web,良い\n"
    "R2,2026-10-31 12:00:00,EC事業部,3,app,遅い\n"
    "R3,2026-11-04 08:00:00,Cloud,10,web,great\n"
)

DEFAULTS = """\
language: ja
data:
  path: ../data/responses.csv
columns: {score: score, date: submitted_at, id: response_id, comment: comment}
breakdowns: [channel]
thresholds: {min_n: 30}
"""

ENGLISH_DEFAULTS = DEFAULTS.replace("language: ja", "language: en")

UNIT = """\
name: EC事業部
data:
  filter: {column: business_unit, values: [EC事業部]}
mail: {to: [ec-team@example.com]}
"""
# UNIT without a key a test writes again: a key written twice is refused (FIX91).
UNIT_NO_MAIL = UNIT.replace("mail: {to: [ec-team@example.com]}\n", "")
UNIT_NO_DATA = UNIT.replace("data:\n  filter: {column: business_unit, values: [EC事業部]}\n", "")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project with data/responses.csv and params/{defaults,ec}.yaml; cwd is the project."""
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "responses.csv").write_text(CSV, encoding="utf-8")
    params = tmp_path / "params"
    params.mkdir()
    (params / "defaults.yaml").write_text(DEFAULTS, encoding="utf-8")
    (params / "ec.yaml").write_text(UNIT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def write_unit(project: Path, text: str, name: str = "ec") -> Path:
    path = project / "params" / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _english(project: Path) -> None:
    """Make the project English: its files' problems are said in English (FIX90)."""
    defaults = project / "params" / "defaults.yaml"
    text = defaults.read_text(encoding="utf-8")
    defaults.write_text(text.replace("language: ja", "language: en"), encoding="utf-8")


def error_of(path: Path) -> str:
    with pytest.raises(ConfigError) as info:
        load_unit(path)
    return str(info.value)


def test_defaults_merge_under_the_unit_and_paths_resolve_against_the_yaml_folder(
    project: Path,
) -> None:
    unit = load_unit(project / "params" / "ec.yaml")
    assert unit.unit == "ec"  # the file stem
    assert unit.name == "EC事業部"
    assert unit.language == "ja"  # from defaults.yaml
    assert unit.data.path == (project / "data" / "responses.csv").resolve()
    assert unit.data.filter is not None and unit.data.filter.values == ["EC事業部"]
    assert unit.columns.id == "response_id"
    assert unit.thresholds.min_n == 30
    assert unit.thresholds.level == 0.95  # schema default, nested mapping merged
    assert unit.source == project / "params" / "ec.yaml"


def test_unfinished_responses_are_included_unless_excluded(project: Path) -> None:
    unit = load_unit(project / "params" / "ec.yaml")
    assert notebook_parameters(unit, period="2026-10")["unfinished"] == "include"
    path = write_unit(project, UNIT.replace("data:\n", "data:\n  unfinished: exclude\n"))
    assert notebook_parameters(load_unit(path), period="2026-10")["unfinished"] == "exclude"


@pytest.mark.parametrize(
    ("language", "given", "start", "passed"),
    [
        ("ja", "", 4, None),  # not compared: the notebook reads its 13 months only
        ("ja", "comparison: [previous, fiscal_ytd]\n", 4, 4),
        ("en", "comparison: [fiscal_ytd]\n", 1, 1),
        ("en", "comparison: [fiscal_ytd]\nfiscal_year_start: 7\n", 7, 7),
        ("ja", "comparison: [fiscal_ytd]\nfiscal_year_start: 1\n", 1, 1),
    ],
)
def test_the_fiscal_year_starts_in_april_in_japanese_and_january_otherwise(
    project: Path, language: str, given: str, start: int, passed: int | None
) -> None:
    path = write_unit(project, UNIT + f"language: {language}\n" + given)
    unit = load_unit(path)
    assert unit.fiscal_start == start
    assert notebook_parameters(unit, period="2026-10")["fiscal_year_start"] == passed


@pytest.mark.parametrize(
    ("language", "value", "message"),
    [
        (
            "ja",
            "13",
            "params/ec.yaml: fiscal_year_start: 年度の開始月を1〜12の数で指定してください"
            "（4 = 4月始まり）（書かれている値：13）。",
        ),
        (
            "en",
            "April",
            "params/ec.yaml: fiscal_year_start: expected the fiscal year's first month as a "
            "number 1–12 (4 = April); found 'April'.",
        ),
        (
            "en",
            "0",
            "params/ec.yaml: fiscal_year_start: expected the fiscal year's first month as a "
            "number 1–12 (4 = April); found 0.",
        ),
    ],
)
def test_a_fiscal_year_start_that_is_no_month_is_said_in_the_units_language(
    project: Path, language: str, value: str, message: str
) -> None:
    path = write_unit(project, UNIT + f"language: {language}\nfiscal_year_start: {value}\n")
    assert error_of(path) == message


@pytest.mark.parametrize(
    ("language", "given", "named_by", "passed"),
    [
        ("ja", "comparison: [fiscal_ytd]\n", "start", "start"),  # 2026年度
        ("en", "comparison: [fiscal_ytd]\n", "start", "start"),  # January: the calendar year
        ("en", "comparison: [fiscal_ytd]\nfiscal_year_start: 4\n", "end", "end"),  # the UK's
        ("en", "comparison: [fiscal_ytd]\nfiscal_year_start: 10\n", "end", "end"),  # US federal
        (
            "en",
            "comparison: [fiscal_ytd]\nfiscal_year_start: 4\nfiscal_year_named_by: start\n",
            "start",
            "start",
        ),
        ("ja", "comparison: [fiscal_ytd]\nfiscal_year_named_by: end\n", "end", "end"),
        ("en", "fiscal_year_start: 4\n", "end", None),  # not compared: not passed
    ],
)
def test_fiscal_years_are_named_by_their_end_in_english_unless_said(
    project: Path, language: str, given: str, named_by: str, passed: str | None
) -> None:
    unit = load_unit(write_unit(project, UNIT + f"language: {language}\n" + given))
    assert unit.fiscal_named_by == named_by
    assert notebook_parameters(unit, period="2026-10")["fiscal_year_named_by"] == passed


@pytest.mark.parametrize(
    ("language", "message"),
    [
        (
            "ja",
            "params/ec.yaml: fiscal_year_named_by: 年度の呼び方は 'start'（始まる年：2026年度＝"
            "2026年4月〜2027年3月）か 'end'（終わる年）で指定してください"
            "（書かれている値：「ending」）。",
        ),
        (
            "en",
            "params/ec.yaml: fiscal_year_named_by: expected 'start' (FY2026 = April 2026 to March "
            "2027) or 'end' (FY2027 = the same months, as in the UK and the US federal "
            "government); found 'ending'.",
        ),
    ],
)
def test_a_fiscal_year_naming_that_is_neither_start_nor_end_is_refused(
    project: Path, language: str, message: str
) -> None:
    path = write_unit(project, UNIT + f"language: {language}\nfiscal_year_named_by: ending\n")
    assert error_of(path) == message


def test_fiscal_ytd_is_a_comparison_and_a_mistyped_one_is_named(project: Path) -> None:
    unit = load_unit(write_unit(project, UNIT + "comparison: [fiscal_ytd, last_year]\n"))
    assert unit.comparison == ["fiscal_ytd", "last_year"]
    message = error_of(write_unit(project, UNIT + "language: en\ncomparison: [fiscal]\n"))
    assert "fiscal_ytd" in message and "'fiscal'" in message, message


def test_a_breakdown_of_an_export_s_own_segment_reads_the_export_s_column(project: Path) -> None:
    # The loader keeps an export's 'segment' (a customer segment) as 'segment (export)', beside
    # the NPS segment: `breakdowns: [segment]` means the export's, and so does a follow-up's.
    csv = CSV.replace(",comment\n", ",comment,segment\n").replace(",良い\n", ",良い,SME\n")
    csv = csv.replace(",遅い\n", ",遅い,Retail\n").replace(",great\n", ",great,SME\n")
    (project / "data" / "responses.csv").write_text(csv, encoding="utf-8")
    path = write_unit(project, UNIT + "breakdowns: [segment, {column: channel, label: 経路}]\n")
    params = notebook_parameters(load_unit(path), period="2026-10")
    assert params["breakdowns"] == [
        {"column": "segment (export)", "label": "segment"},
        {"column": "channel", "label": "経路"},
    ]
    assert params["comment_column"] == "comment"


def test_a_list_in_the_unit_file_replaces_the_default_list(project: Path) -> None:
    path = write_unit(project, UNIT + "breakdowns: [{column: business_unit, label: 部門}]\n")
    unit = load_unit(path)
    params = notebook_parameters(unit, period="2026-10")
    assert params["breakdowns"] == [{"column": "business_unit", "label": "部門"}]


def test_recipients_may_have_a_display_name_as_the_sender_may(project: Path) -> None:
    # As NPS_KIT_SMTP_FROM: "Name <address>" is a recipient; `nps-kit send` shows the name.
    path = write_unit(
        project,
        UNIT_NO_MAIL + "mail:\n"
        '  to: ["Regional Manager <rm@example.com>", "大阪 店長 <osaka@example.com>"]\n'
        '  cc: ["\\"Team, North\\" <north@example.com>"]\n'
        "  reply_to: NPS Team <nps@example.com>\n"
        "alerts: {to: [Regional Manager <rm@example.com>]}\n",
    )
    unit = load_unit(path)
    assert unit.mail.to == ["Regional Manager <rm@example.com>", "大阪 店長 <osaka@example.com>"]
    assert unit.mail.cc == ['"Team, North" <north@example.com>']
    assert unit.alerts.to == ["Regional Manager <rm@example.com>"]


@pytest.mark.parametrize(
    "address", ["Regional Manager <rm@example>", "Bob <bob>", "a@example.com, b@example.com"]
)
def test_a_display_name_does_not_excuse_the_address(project: Path, address: str) -> None:
    _english(project)
    path = write_unit(project, UNIT_NO_MAIL + f"mail: {{to: [{address!r}]}}\n")
    assert error_of(path) == (
        "params/ec.yaml: mail.to: expected an e-mail address like team@example.com or "
        f"'Team <team@example.com>'; found {address!r}."
    )


def test_an_address_whose_part_before_the_at_sign_is_over_64_letters_is_refused(
    project: Path,
) -> None:
    # LEFT45B: RFC 5321 limits the part before @ to 64 octets; a server may refuse a longer one,
    # and the report would not arrive. 64 letters are taken, 65 refused, in the unit's language.
    longest = "a" * 64 + "@example.com"
    path = write_unit(project, UNIT_NO_MAIL + f"mail: {{to: ['Team <{longest}>']}}\n")
    assert load_unit(path).mail.to == [f"Team <{longest}>"]
    longer = "a" * 65 + "@example.com"
    path = write_unit(project, UNIT_NO_MAIL + f"mail: {{to: [{longer}]}}\n")
    assert error_of(path) == (
        f"params/ec.yaml: mail.to: 「{longer}」の@より前が65文字です。メールサーバーが受け取るのは"
        "64文字までです（RFC 5321）。短いアドレスかグループのアドレスを指定してください。"
    )
    _english(project)
    path = write_unit(project, UNIT_NO_MAIL + f"alerts: {{to: ['Team <{longer}>']}}\n")
    assert error_of(path) == (
        f"params/ec.yaml: alerts.to: the part before @ of 'Team <{longer}>' is 65 characters; "
        "mail servers take at most 64 (RFC 5321). Give a shorter address or a group's address."
    )


def test_yaml_syntax_error_names_the_line(project: Path) -> None:
    _english(project)  # its English words; Japanese: EXTRAS_JA and the tests after it (FIX93)
    path = write_unit(project, "name: EC\nlanguage: [ja\nmail: {}\n")
    assert error_of(path) == (
        "params/ec.yaml: invalid YAML at line 3, column 5: expected ',' or ']', but got ':'. "
        "Fix the syntax there (indentation, a missing ':' or an unclosed quote)."
    )


@pytest.mark.parametrize(
    ("tail", "where"),
    [
        ("mail:\n  to: [a@example.com\n", "line 4, column 7: the list '[' opened here"),
        ("mail: {to: [a@example.com]\n\n\n", "line 3, column 7: the mapping '{' opened here"),
        ('name: "EC\n', "line 3, column 7: the quote opened here"),
    ],
)
def test_yaml_error_at_the_end_of_the_file_names_a_line_it_has(
    project: Path, tail: str, where: str
) -> None:
    _english(project)  # its English words; Japanese: EXTRAS_JA and the tests after it (FIX93)
    # PyYAML marks the end of the file on the line after the last (FIX39: 'line 72' of 71).
    path = write_unit(project, "name: EC\nlanguage: ja\n" + tail)
    assert error_of(path).startswith(f"params/ec.yaml: invalid YAML at {where} is not closed")
    assert "by the end of the file" in error_of(path)


#: A unit file's text and the whole message it gets.
UNIT_FILE_ERRORS = [
    pytest.param(
        UNIT + "columns: {scroe: score}\n",
        "params/ec.yaml: columns.scroe: unknown key 'scroe' in columns. Did you mean 'score'?",
        id="unknown_key_suggests_the_closest_valid_key",
    ),
    pytest.param(
        UNIT + "breakdown: [channel]\n",
        "params/ec.yaml: breakdown: unknown key 'breakdown' at the top level. "
        "Did you mean 'breakdowns'?",
        id="unknown_top_level_key",
    ),
    pytest.param(
        UNIT + "thresholds: {min_n: many}\n",
        "params/ec.yaml: thresholds.min_n: expected a whole number; found 'many'.",
        id="wrong_type_says_expected_and_found",
    ),
    pytest.param(
        UNIT + "thresholds: {control_min_months: 1}\n",
        "params/ec.yaml: thresholds.control_min_months: input should be greater than or equal "
        "to 2; found 1.",
        id="control_limits_need_two_months",
    ),
    pytest.param(
        UNIT + "language: fr\n",
        "params/ec.yaml: language: expected one of 'ja' or 'en'; found 'fr'.",
        id="language_must_be_ja_or_en",
    ),
    pytest.param(
        UNIT.replace("data:\n", "data:\n  unfinished: drop\n"),
        "params/ec.yaml: data.unfinished: expected one of 'include' or 'exclude'; found 'drop'.",
        id="unfinished_is_include_or_exclude",
    ),
    pytest.param(
        UNIT.replace("data:\n", "data:\n  dedupe: true\n  dedupe_keep: last\n"),
        "params/ec.yaml: data.dedupe_keep: expected one of 'earliest' or 'latest'; found 'last'.",
        id="dedupe_keep_is_earliest_or_latest",
    ),
    pytest.param(
        "name: EC\nmail: {to: [ok@example.com], cc: [ec-team.example.com]}\n",
        "params/ec.yaml: mail.cc: expected an e-mail address like team@example.com or "
        "'Team <team@example.com>'; found 'ec-team.example.com'.",
        id="bad_mail_address",
    ),
    # A CR/LF in a name would end the e-mail's Subject header and start a new one.
    pytest.param(
        'name: "EC事業部\\r\\nBcc: x@example.com"\n',
        "params/ec.yaml: name: expected one line of text without control characters; found "
        "'EC事業部\\r\\nBcc: x@example.com' with a carriage return (U+000D) at character 6.",
        id="a_line_break_in_the_name_is_refused",
    ),
    pytest.param(
        UNIT
        + 'followups: [{column: comment, type: categorical, label: "理由\\t",\n'
        + '              codes: {"1": "a\\u2028b"}}]\n',
        "params/ec.yaml: 2 problems:\n"
        "- followups[0].label: expected one line of text without control characters; found "
        "'理由\\t' with a tab (U+0009) at character 3.\n"
        "- followups[0].codes.1: expected one line of text without control characters; found "
        "'a\\u2028b' with a control character (U+2028) at character 2.",
        id="control_characters_in_labels_are_refused",
    ),
    pytest.param(
        "language: fr\nperiod: 2026-13\nmail: {reply_to: nobody}\n",
        "params/ec.yaml: 4 problems:\n"
        "- name: required but missing.\n"
        "- language: expected one of 'ja' or 'en'; found 'fr'.\n"
        "- period: expected 'latest', 'current' or a month like '2026-10'; found '2026-13'.\n"
        "- mail.reply_to: expected an e-mail address like team@example.com or "
        "'Team <team@example.com>'; found 'nobody'.",
        id="several_problems_in_one_file_are_listed_together",
    ),
    pytest.param(
        "name: W\ndata:\n  filter: {column: ward, values: [Ward 3B (Cardiology)],\n"
        '           previous_names: ["ward 3b (cardiology)"]}\n',
        "params/ec.yaml: data.filter: previous_names lists earlier values of 'ward'; "
        "'ward 3b (cardiology)' is in values too: keep it in one.",
        id="a_previous_name_is_not_a_current_value",
    ),
]


def test_previous_names_are_selected_and_passed_to_the_notebook(project: Path) -> None:
    # QA29 F8: "Ward 3B" renamed "Ward 3B (Cardiology)" is one unit: the notebook's
    # filter_values has both (an older notebook copy selects the same rows).
    path = write_unit(
        project,
        UNIT.replace("values: [EC事業部]}", "values: [EC事業部], previous_names: [EC]}"),
    )
    unit = load_unit(path)
    assert unit.data.filter is not None
    assert unit.data.filter.selects == ["EC事業部", "EC"]
    params = notebook_parameters(unit, period="2026-10")
    assert params["filter_values"] == ["EC事業部", "EC"]
    assert params["previous_names"] == ["EC"]


@pytest.mark.parametrize(("text", "message"), UNIT_FILE_ERRORS)
def test_a_bad_unit_file_gets_the_whole_message(project: Path, text: str, message: str) -> None:
    _english(project)
    assert error_of(write_unit(project, text)) == message


#: FIX90 #2: a Japanese project's unit file and the whole message it gets, in Japanese (the
#: file and the dotted key lead, as in English; a validator's own sentence stays English).
UNIT_FILE_ERRORS_JA = [
    pytest.param(
        UNIT + "columns: {scroe: score}\n",
        "params/ec.yaml: columns.scroe: columnsに「scroe」というキーはありません。"
        "「score」のことですか？",
        id="unknown_key_suggests_the_closest_valid_key",
    ),
    pytest.param(
        UNIT + "targets: {nps: abc}\n",
        "params/ec.yaml: targets: 最上位に「targets」というキーはありません。"
        "「target」のことですか？",
        id="unknown_top_level_key",
    ),
    pytest.param(
        UNIT + "target: abc\n",
        "params/ec.yaml: target: 数値を指定してください（書かれている値：「abc」）。",
        id="wrong_type_says_expected_and_found",
    ),
    pytest.param(
        UNIT + "thresholds: {control_min_months: 1}\n",
        "params/ec.yaml: thresholds.control_min_months: 2以上の値を指定してください"
        "（書かれている値：1）。",
        id="a_bound",
    ),
    pytest.param(
        # its own language mistyped: the project's (defaults.yaml's) is Japanese
        UNIT + "language: fr\n",
        "params/ec.yaml: language: 'ja'、'en'のいずれかを指定してください"
        "（書かれている値：「fr」）。",
        id="language_must_be_ja_or_en",
    ),
    pytest.param(
        "name: EC\nperiod: 2026-13\nmail: {to: [nobody], report_url: x.jp}\n",
        "params/ec.yaml: 3件の問題があります。\n"
        "- period: 'latest'、'current'、または'2026-10'のような月を指定してください"
        "（書かれている値：「2026-13」）。\n"
        "- mail.to: team@example.comや'Team <team@example.com>'のようなメールアドレスを指定して"
        "ください（書かれている値：「nobody」）。\n"
        "- mail.report_url: https://またはhttp://で始まるウェブアドレスを指定してください"
        "（書かれている値：「x.jp」）。",
        id="a_validators_problems",
    ),
    pytest.param(
        UNIT_NO_MAIL + "mail: 3\ntop_n: x\nfoo: 1\n",
        "params/ec.yaml: 3件の問題があります。\n"
        "- top_n: 整数を指定してください（書かれている値：「x」）。\n"
        "- mail: キーと値の組（マッピング）を指定してください（書かれている値：3）。\n"
        "- foo: 最上位に「foo」というキーはありません。ここで使えるキー：unit, name, language, "
        "timezone, data, columns, contact, period, comparison, fiscal_year_start, "
        "fiscal_year_named_by, target, top_n, breakdowns, followups, value_labels, themes, "
        "playbook, notebook, sections, thresholds, privacy, mail, alerts, closed_loop。",
        id="several_problems_in_one_file_are_listed_together",
    ),
]


@pytest.mark.parametrize(
    "text", [p.values[0] for p in UNIT_FILE_ERRORS_JA if "language" not in str(p.values[0])]
)
def test_an_english_unit_of_a_japanese_project_hears_english(project: Path, text: str) -> None:
    # The file's own language decides: an English unit's analyst reads English.
    message = error_of(write_unit(project, text + "language: en\n"))
    assert message.isascii(), message


@pytest.mark.parametrize(("text", "message"), UNIT_FILE_ERRORS_JA)
def test_a_bad_unit_file_of_a_japanese_project_gets_the_whole_message_in_japanese(
    project: Path, text: str, message: str
) -> None:
    assert error_of(write_unit(project, text)) == message


def test_a_japanese_projects_parameter_errors_from_the_cli(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX90 #2: run names every broken file in Japanese, exit 2, no traceback; defaults.yaml's
    # own problems too.
    from nps_kit.cli import main

    write_unit(project, UNIT + "target: abc\n")
    write_unit(project, "name: 店舗\nthresholds: {min_n: many}\n", name="shops")
    argv = ["run", "--parameters", "params", "--output", str(project / "out")]
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        "nps-kit run: error: 2個のパラメーターファイルに問題があります。\n"
        "params/ec.yaml: target: 数値を指定してください（書かれている値：「abc」）。\n"
        "params/shops.yaml: thresholds.min_n: 整数を指定してください"
        "（書かれている値：「many」）。\n"
    )
    defaults = project / "params" / "defaults.yaml"
    defaults.write_text(DEFAULTS + "overview: {language: de}\n", encoding="utf-8")
    assert main(argv) == 2
    assert capsys.readouterr().err == (
        "nps-kit run: error: params/defaults.yaml: overview.language: "
        "'ja'、'en'のいずれかを指定してください（書かれている値：「de」）。\n"
    )


#: FIX92 #2: the 16 validators FIX90 left in English, one message kind each, in a Japanese
#: project's unit file: the same facts as in English (key, value found, what is expected, what
#: to do), the values quoted 「」 and control characters shown escaped.
VALIDATOR_ERRORS_JA = [
    pytest.param(
        'name: "EC\\r事業部"\n',
        "params/ec.yaml: name: 改行や制御文字のない1行のテキストを指定してください"
        "（書かれている値：「EC\\r事業部」、3文字目に改行（CR）（U+000D）があります）。",
        id="display_text",
    ),
    pytest.param(
        UNIT + "unit: EC\n",
        "params/ec.yaml: unit: ファイル名に使われるため、1〜40文字の小文字（どの文字でも可："
        "大宮院やcaféもIDになります）、数字、「-」、「_」で、文字か数字で始まるIDを指定して"
        "ください（書かれている値：「EC」）。",
        id="unit_id",
    ),
    pytest.param(
        UNIT + "followups: [{column: comment, type: text, label: {fr: Raison}}]\n",
        "params/ec.yaml: followups[0].label: 言語ごとのラベルのキーにはjaとenを指定して"
        "ください（書かれている値：「fr」）。",
        id="label_key",
    ),
    pytest.param(
        UNIT + "followups: [{column: comment, type: text, label: {ja: 3}}]\n",
        "params/ec.yaml: followups[0].label: jaのラベルにはテキストを指定してください"
        "（書かれている値：3）。",
        id="label_text",
    ),
    pytest.param(
        UNIT + "followups: [{column: comment, type: text, label: [a]}]\n",
        "params/ec.yaml: followups[0].label: ラベルを1つ、またはjaとenをキーにして言語ごとに"
        "指定してください（書かれている値：['a']）。",
        id="label",
    ),
    pytest.param(
        UNIT + "followups: [{column: comment, type: text, label: {en: Reason}}]\n",
        "params/ec.yaml: followups[0]（「comment」）：ラベルはen: Reasonだけですが、この"
        "ユニットのレポートの言語はjaです。「ja: <ラベル>」を加えてください（または全言語に"
        "共通のラベルを1つ指定してください）。",
        id="label_missing",
    ),
    pytest.param(
        "name: EC\ndata: {filter: {column: business_unit, values: [EC事業部], "
        "previous_names: [EC事業部]}}\n",
        "params/ec.yaml: data.filter: previous_namesには「business_unit」の以前の値を書きます。"
        "「EC事業部」はvaluesにもあります。どちらか一方にだけ書いてください。",
        id="previous_names",
    ),
    pytest.param(
        UNIT + "contact: {consent_yes: [はい, OK], consent_no: [ok]}\n",
        "params/ec.yaml: contact.consent_no: 「ok」がconsent_yesとconsent_noの両方にあります。"
        "回答は連絡の許可か拒否のどちらかです。どちらかのリストから外してください。",
        id="consent_both",
    ),
    pytest.param(
        UNIT + "followups: [{column: channel, type: rating, codes: {'1': 悪い, '9': 良い}}]\n",
        "params/ec.yaml: followups[0]: ratingのcodesは1〜5の点数を回答に対応させます。"
        "点数でないもの：「9」。",
        id="rating_codes",
    ),
    pytest.param(
        UNIT + "followups: [{column: channel, type: categorical, asks: reason}]\n",
        "params/ec.yaml: followups[0]: asks（reasonまたはimprovement）は自由回答の設問が何を"
        "尋ねるかを示すため、textの設問にだけ指定できます。「channel」はcategoricalです。"
        "asksを削除するか、typeをtextにしてください。",
        id="asks_text_only",
    ),
    pytest.param(
        UNIT + "sections: [headline, trnd]\n",
        "params/ec.yaml: sections: セクション「trnd」はありません（「trend」のことですか？）。"
        "次の名前から指定してください：headline、strategies、detractors、trend、breakdowns、"
        "distribution、followups、quality、method。",
        id="section_unknown_guess",
    ),
    pytest.param(
        UNIT + "sections: [headline, zzzzzz]\n",
        "params/ec.yaml: sections: セクション「zzzzzz」はありません。次の名前から指定して"
        "ください：headline、strategies、detractors、trend、breakdowns、distribution、"
        "followups、quality、method。",
        id="section_unknown",
    ),
    pytest.param(
        UNIT + "sections: [headline, trend, trend]\n",
        "params/ec.yaml: sections: 各セクションは1回だけ指定してください（重複：trend）。",
        id="section_repeated",
    ),
    pytest.param(
        UNIT + "sections: [trend]\n",
        "params/ec.yaml: sections: headlineは必須です（一覧ページとメールがその数値を表示します。"
        "書かれている値：['trend']）。",
        id="headline_required",
    ),
]


@pytest.mark.parametrize(("text", "message"), VALIDATOR_ERRORS_JA)
def test_a_validators_problem_in_a_japanese_project_is_japanese(
    project: Path, text: str, message: str
) -> None:
    assert error_of(write_unit(project, text)) == message


@pytest.mark.parametrize(
    "text", [p.values[0] for p in VALIDATOR_ERRORS_JA if p.id != "label_missing"]
)
def test_a_validators_problem_in_an_english_unit_stays_english(project: Path, text: str) -> None:
    message = error_of(write_unit(project, text + "language: en\n"))
    # Names and values from the file are as written (大宮院, EC事業部); the words are English.
    assert "ください" not in message and "、" not in message, message


def test_a_breakdown_s_repeated_order_in_a_japanese_project_is_japanese(project: Path) -> None:
    message = error_of(
        write_unit(project, UNIT + "breakdowns: [{column: channel, order: [a, a]}]\n")
    )
    assert message.endswith(
        "- breakdowns[0].Breakdown.order: orderには各グループを1回だけ書いてください（重複：a）。"
    )


@pytest.mark.parametrize(
    ("value", "said"),
    [
        (
            "''",
            "店舗やStoreのように、1ユニットの呼び名を指定してください（書かれている値：「」）。",
        ),
        (
            "店舗店舗店舗店舗店舗店舗店舗店舗店舗店舗店舗店舗店舗",
            "列見出しになるため、24文字以内で指定してください"
            "（書かれている値：「店舗店舗店舗店舗店舗店舗店舗店舗店舗店舗店舗店舗店舗」、26文字）。",
        ),
    ],
)
def test_a_bad_unit_label_of_a_japanese_project_is_japanese(
    project: Path, value: str, said: str
) -> None:
    params = project / "params"
    (params / "defaults.yaml").write_text(
        DEFAULTS + f"overview: {{unit_label: {value}}}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as info:
        load_all(params)
    assert str(info.value) == f"params/defaults.yaml: overview.unit_label: {said}"


#: FIX92 #2: why a Japanese unit is refused when its files are checked, in Japanese ({d}: the
#: project folder). English: UNIT_FILE_ERRORS and the tests of each check.
REFUSALS_JA = [
    pytest.param(
        UNIT_NO_DATA + "data: {path: ../data/nosuch.csv}\n",
        "params/ec.yaml: data.path: データファイルが見つかりません：{d}/data/nosuch.csv。"
        "パスを直してください（相対パスはYAMLファイルのフォルダーから始まります）。",
        id="data_not_found",
    ),
    pytest.param(
        UNIT + "columns: {score: scroe}\n",
        "params/ec.yaml: columns.score: responses.csvに列「scroe」はありません。「score」の"
        "ことですか？responses.csvの列：'response_id', 'submitted_at', 'business_unit', "
        "'score', 'channel', 'comment'。",
        id="no_column",
    ),
    pytest.param(
        UNIT + "themes: retial\n",
        "params/ec.yaml: themes: ファイルが見つかりません：{d}/params/retial。「retail」の"
        "ことですか？テーマパック（retail, saas, finance, generic, food, logistics）か"
        "テーマのYAMLファイルのパスを指定してください。",
        id="themes_not_found",
    ),
    pytest.param(
        UNIT + "playbook: nosuch.yaml\n",
        "params/ec.yaml: playbook: ファイルが見つかりません：{d}/params/nosuch.yaml。パスを"
        "直すか（相対パスはYAMLファイルのフォルダーから始まります）、nullにしてください。",
        id="playbook_not_found",
    ),
    pytest.param(
        UNIT_NO_DATA + "data: {path: ../data/sjis.csv, encoding: utf-8}\n",
        "params/ec.yaml: data.encoding: {d}/data/sjis.csvはdata.encodingのutf-8で読めません"
        "（86バイト目がutf-8として正しくありません）。data.encodingをcp932にするか、nullにして"
        "自動で検出してください。",
        id="encoding",
    ),
]


def test_a_missing_data_file_of_a_japanese_defaults_is_said_once_in_japanese(
    project: Path,
) -> None:
    defaults = project / "params" / "defaults.yaml"
    defaults.write_text(DEFAULTS.replace("responses.csv", "nope.csv"), encoding="utf-8")
    write_unit(project, UNIT.replace("EC事業部", "Cloud"), name="cloud")
    missing = (project / "data" / "nope.csv").resolve()
    assert [str(e) for e in load_all(project / "params").errors] == [
        f"params/defaults.yaml: data.path: データファイルが見つかりません：{missing}（この"
        "データを使うcloud、ecには、自分の設定がありません）。defaults.yamlのdata.pathを直すか"
        "（相対パスはそのフォルダーから始まります）、各ユニットのファイルでdata.pathを指定して"
        "ください。"
    ]


@pytest.mark.parametrize(("text", "message"), REFUSALS_JA)
def test_why_a_japanese_unit_is_refused_is_said_in_japanese(
    project: Path, text: str, message: str
) -> None:
    (project / "data" / "sjis.csv").write_bytes(CSV.encode("cp932"))
    said = error_of(write_unit(project, text))
    assert said == message.format(d=project.resolve())


#: FIX93: a unit's own themes.yaml (a Japanese project's theme words) that ends well.
THEMES = """\
version: 1
themes:
  speed:
    label: {ja: 速さ, en: Speed}
    keywords: {ja: [遅い], en: [slow]}
"""
#: A playbook for THEMES' one theme; each general segment needs an action.
PLAYBOOK = """\
version: 1
general:
  promoter: [{ja: 感謝する, en: Thank them}]
  passive: [{ja: 聞く, en: Ask}]
  detractor: [{ja: 謝る, en: Apologise}]
themes:
  speed: {detractor: [{ja: 早く届ける, en: Ship sooner}]}
"""

#: FIX93: the problems of a Japanese unit's themes.yaml and playbook.yaml, in Japanese after the
#: unit file and the setting (file, text or bytes, message; {d}: the params folder).
EXTRAS_JA = [
    pytest.param(
        "themes.yaml",
        THEMES + "  speed:\n    label: {ja: 速度, en: Pace}\n    keywords: {en: [fast]}\n",
        "params/ec.yaml: themes: params/themes.yaml：キー「themes.speed」が2回書かれています"
        "（3行目と6行目）。YAMLは後の値だけを読み、前の値は黙って捨てられます。どちらの値が"
        "正しいか確かめて一方の行を残し、もう一方を消してください。",
        id="themes_repeated_id",
    ),
    pytest.param(
        "themes.yaml",
        THEMES.encode("cp932"),
        "params/ec.yaml: themes: params/themes.yaml：ファイルはUTF-8で保存してください。"
        "Shift_JIS（cp932）で保存されているようです（最初の不正なバイトは4行目）。エディターで"
        "UTF-8として保存し直すか（VS Code：「エンコード付きで保存」→UTF-8、メモ帳：文字コード"
        "UTF-8）、変換してください：iconv -f cp932 -t utf-8 themes.yaml > themes.utf8.yaml",
        id="themes_not_utf8",
    ),
    pytest.param(
        "themes.yaml",
        THEMES + "  price: [\n",
        "params/ec.yaml: themes: params/themes.yaml：YAMLの書き方に誤りがあります（6行目、"
        "11列目：expected the node content, but found '<stream end>'）。その箇所（字下げ、"
        "キーの後のコロンの抜け、閉じていない引用符や括弧）を直してください。",
        id="themes_broken_yaml",
    ),
    pytest.param(
        "themes.yaml",
        THEMES.replace("keywords:", "keyword:"),
        "params/ec.yaml: themes: params/themes.yaml: themes.speed.keyword: themes.speedに"
        "「keyword」というキーはありません。「keywords」のことですか？",
        id="themes_unknown_key",
    ),
    pytest.param(
        "themes.yaml",
        THEMES + "    patterns: {ja: ['(遅']}\n",
        "params/ec.yaml: themes: {d}/themes.yaml：キー「themes.speed.patterns.ja[0]」：正規表現"
        "「(遅」が正しくありません（missing ), unterminated subpattern at position 0）。"
        "パターンを直すか、ただの語句ならエスケープの要らないkeywordsに移してください。",
        id="themes_bad_pattern",
    ),
    pytest.param(
        "themes.yaml",
        "version: 1\nextends: retial\n",
        "params/ec.yaml: themes: params/themes.yaml: extends: テーマパック「retial」はありません。"
        "retail、saas、finance、generic、food、logisticsのいずれかを指定してください。"
        "「retail」のことですか？",
        id="themes_unknown_pack",
    ),
    pytest.param(
        "playbook.yaml",
        PLAYBOOK.replace("speed:", "sped:"),
        "params/ec.yaml: playbook: params/playbook.yaml: themes.sped: themesに「sped」という"
        "テーマIDはありません（使われているテーマID：speed）。「speed」のことですか？",
        id="playbook_unknown_theme",
    ),
    pytest.param(
        "playbook.yaml",
        PLAYBOOK.replace("  passive:", "  promoter:"),
        "params/ec.yaml: playbook: params/playbook.yaml：キー「general.promoter」が2回書かれて"
        "います（3行目と4行目）。YAMLは後の値だけを読み、前の値は黙って捨てられます。どちらの"
        "値が正しいか確かめて一方の行を残し、もう一方を消してください。",
        id="playbook_repeated_key",
    ),
    pytest.param(
        "playbook.yaml",
        PLAYBOOK.replace("  detractor: [{ja: 謝る, en: Apologise}]\n", ""),
        "params/ec.yaml: playbook: params/playbook.yaml: general.detractor: 必須のキーですが、"
        "書かれていません。",
        id="playbook_missing_segment",
    ),
]


def _with_extras(project: Path, name: str, content: str | bytes) -> Path:
    """Write THEMES and PLAYBOOK, then ``name`` as ``content``, and a unit that uses both."""
    params = project / "params"
    (params / "themes.yaml").write_text(THEMES, encoding="utf-8")
    (params / "playbook.yaml").write_text(PLAYBOOK, encoding="utf-8")
    if isinstance(content, bytes):
        (params / name).write_bytes(content)
    else:
        (params / name).write_text(content, encoding="utf-8")
    return write_unit(project, UNIT + "themes: themes.yaml\nplaybook: playbook.yaml\n")


def test_a_units_own_themes_and_playbook_load(project: Path) -> None:
    assert load_unit(_with_extras(project, "themes.yaml", THEMES)).themes is not None


@pytest.mark.parametrize(("name", "content", "message"), EXTRAS_JA)
def test_a_japanese_units_themes_and_playbook_problems_are_japanese(
    project: Path, name: str, content: str | bytes, message: str
) -> None:
    said = error_of(_with_extras(project, name, content))
    assert said == message.format(d=(project / "params").resolve())


def test_an_english_units_themes_and_playbook_problems_stay_english(project: Path) -> None:
    _english(project)
    repeated = THEMES + "  speed:\n    label: {ja: 速度, en: Pace}\n    keywords: {en: [fast]}\n"
    assert error_of(_with_extras(project, "themes.yaml", repeated)) == (
        "params/ec.yaml: themes: params/themes.yaml: the key 'themes.speed' is written twice, "
        "on line 3 and on line 6; YAML would keep only the value on line 6 and drop the other "
        "without a word. Check which value is meant, keep that line and delete the other."
    )
    unknown = PLAYBOOK.replace("speed:", "sped:")
    assert error_of(_with_extras(project, "playbook.yaml", unknown)) == (
        "params/ec.yaml: playbook: params/playbook.yaml: themes.sped: "
        "unknown key 'sped' in themes (theme ids in use: speed). Did you mean 'speed'?"
    )


def test_a_japanese_unit_file_saved_as_shift_jis_is_told_in_japanese(project: Path) -> None:
    path = project / "params" / "ec.yaml"
    path.write_bytes(UNIT.encode("cp932"))
    assert error_of(path) == (
        "params/ec.yaml：ファイルはUTF-8で保存してください。Shift_JIS（cp932）で保存されている"
        "ようです（最初の不正なバイトは1行目）。エディターでUTF-8として保存し直すか（VS Code："
        "「エンコード付きで保存」→UTF-8、メモ帳：文字コードUTF-8）、変換してください："
        "iconv -f cp932 -t utf-8 ec.yaml > ec.utf8.yaml"
    )


def test_a_japanese_unit_files_yaml_error_is_told_in_japanese(project: Path) -> None:
    path = write_unit(project, "name: EC\nlanguage: [ja\nmail: {}\n")
    assert error_of(path) == (
        "params/ec.yaml：YAMLの書き方に誤りがあります（3行目、5列目：expected ',' or ']', but "
        "got ':'）。その箇所（字下げ、キーの後のコロンの抜け、閉じていない引用符や括弧）を"
        "直してください。"
    )


def test_emoji_sequences_in_names_are_fine(project: Path) -> None:
    # The zero-width joiner (U+200D) inside an emoji is text, not a control character.
    path = write_unit(project, 'name: "EC事業部 👩\u200d💻"\n')
    assert load_unit(path).name == "EC事業部 👩\u200d💻"


def test_missing_data_file(project: Path) -> None:
    _english(project)  # its English words; Japanese: REFUSALS_JA (FIX92)
    path = write_unit(project, UNIT_NO_DATA + "data: {path: ../data/nope.csv}\n")
    missing = (project / "data" / "nope.csv").resolve()
    assert error_of(path) == (
        f"params/ec.yaml: data.path: data file not found: {missing}. "
        "Fix the path (relative paths start at the YAML file's folder)."
    )


def test_a_missing_data_file_of_defaults_is_its_error_once(project: Path) -> None:
    _english(project)  # its English words; Japanese: REFUSALS_JA (FIX92)
    # Every unit inherits data.path from defaults.yaml: one error there, naming the units,
    # not one per unit file blaming each.
    defaults = project / "params" / "defaults.yaml"
    defaults.write_text(ENGLISH_DEFAULTS.replace("responses.csv", "nope.csv"), encoding="utf-8")
    write_unit(project, UNIT.replace("EC事業部", "Cloud"), name="cloud")
    loaded = load_all(project / "params")
    missing = (project / "data" / "nope.csv").resolve()
    assert [str(e) for e in loaded.errors] == [
        f"params/defaults.yaml: data.path: data file not found: {missing} (the data of cloud, "
        "ec, which do not set their own). Fix data.path in defaults.yaml (relative paths start "
        "at its folder), or set data.path in each unit file."
    ]
    # A unit that sets its own data file keeps its own error.
    write_unit(project, UNIT_NO_DATA + "data: {path: ../data/gone.csv}\n", name="ec")
    messages = [str(e) for e in load_all(project / "params").errors]
    assert messages[0].startswith("params/ec.yaml: data.path: data file not found:")
    assert (
        messages[1].startswith("params/defaults.yaml: data.path:")
        and "(the data of cloud," in messages[1]
    )


def test_a_wrong_data_encoding_names_data_encoding_not_the_cli_option(project: Path) -> None:
    _english(project)  # its English words; Japanese: REFUSALS_JA (FIX92)
    # QA18 9b: a project's cp932 export read as utf-8 was told "try --encoding cp932 … Fix
    # data.path in defaults.yaml"; the setting to change is data.encoding.
    csv = project / "data" / "responses.csv"
    csv.write_bytes(CSV.encode("cp932"))
    bad = CSV.index("事")  # the first non-ASCII byte; ASCII before it
    write_unit(project, UNIT.replace("data:\n", "data:\n  encoding: utf-8\n"))
    assert error_of(project / "params" / "ec.yaml") == (
        f"params/ec.yaml: data.encoding: {csv.resolve()} does not read with data.encoding utf-8 "
        f"(byte {bad} is not valid utf-8). Set data.encoding: cp932, or null to detect it."
    )
    # Set in defaults.yaml for every unit: one error there, as for data.path.
    defaults = project / "params" / "defaults.yaml"
    defaults.write_text(ENGLISH_DEFAULTS.replace("data:\n", "data:\n  encoding: utf-8\n"), "utf-8")
    write_unit(project, UNIT)
    assert [str(e) for e in load_all(project / "params").errors] == [
        f"params/defaults.yaml: data.encoding: {csv.resolve()} does not read with data.encoding "
        f"utf-8 (byte {bad} is not valid utf-8) (the data of ec, which does not set its own). "
        "In defaults.yaml: set data.encoding: cp932, or null to detect it."
    ]


def test_a_misspelt_data_sheet_names_data_sheet_not_data_path(project: Path) -> None:
    _english(project)  # its English words; Japanese: REFUSALS_JA (FIX92)
    # QA31: a hotel project's 'sheet: Respons' was told "data.path: cannot read … Pass sheet=
    # … Fix data.path in defaults.yaml": the path was right, the setting to change data.sheet.
    book = project / "data" / "responses.xlsx"
    with pd.ExcelWriter(book) as writer:
        pd.read_csv(project / "data" / "responses.csv").to_excel(
            writer, sheet_name="Responses", index=False
        )
    defaults = project / "params" / "defaults.yaml"
    text = ENGLISH_DEFAULTS.replace("responses.csv", "responses.xlsx")
    defaults.write_text(text.replace("data:\n", "data:\n  sheet: Respons\n"), "utf-8")
    assert [str(e) for e in load_all(project / "params").errors] == [
        f"params/defaults.yaml: data.sheet: {book.resolve()} has no sheet 'Respons'; sheets: "
        "'Responses' (the data of ec, which does not set its own). In defaults.yaml: set "
        "data.sheet to one of the sheet names or a 0-based index, or null for the first sheet "
        "of a workbook (always null for a CSV or Parquet export)."
    ]


def test_missing_columns_are_all_named_with_suggestions(project: Path) -> None:
    _english(project)  # its English words; Japanese: REFUSALS_JA (FIX92)
    path = write_unit(
        project,
        UNIT + "columns: {contact: contact_ok}\nbreakdowns: [chanel, {column: plan}]\n",
    )
    assert error_of(path) == (
        "params/ec.yaml: 3 problems:\n"
        "- columns.contact: no column 'contact_ok' in responses.csv.\n"
        "- breakdowns[0]: no column 'chanel' in responses.csv. Did you mean 'channel'?\n"
        "- breakdowns[1].column: no column 'plan' in responses.csv. Columns in responses.csv: "
        "'response_id', 'submitted_at', 'business_unit', 'score', 'channel', 'comment'."
    )


def test_load_all_validates_every_file_and_reports_errors_together(project: Path) -> None:
    _english(project)
    write_unit(project, "name: Cloud\nlanguage: en\n", name="cloud")
    write_unit(project, "name: Bad\nlanguag: en\n", name="bad")
    write_unit(project, "name: [unclosed\n", name="broken")
    found = load_all(project / "params")
    assert list(found.units) == ["cloud", "ec"]
    assert [str(e) for e in found.errors] == [
        "params/bad.yaml: languag: unknown key 'languag' at the top level. "
        "Did you mean 'language'?",
        "params/broken.yaml: invalid YAML at line 1, column 7: the list '[' opened here is not "
        "closed by the end of the file (expected ',' or ']', but got '<stream end>'). Fix the "
        "syntax there (indentation, a missing ':' or an unclosed quote).",
    ]
    with pytest.raises(ConfigError) as info:
        found.raise_if_errors()
    assert str(info.value) == "2 parameter files have problems:\n" + "\n".join(
        str(e) for e in found.errors
    )


def test_unknown_unit_on_the_command_line_suggests_the_closest(project: Path) -> None:
    # In the project's language, as the files' problems beside it (REVIEW38: a Japanese
    # project's header and schema lines were Japanese, this one line English).
    found = load_all(project / "params", units=["ecc", "ec"])
    assert list(found.units) == ["ec"]
    with pytest.raises(ConfigError) as info:
        found.raise_if_errors()
    assert str(info.value) == (
        "ユニット「ecc」はありません：paramsにecc.yamlがありません（ユニット：ec）。"
        "「ec」のことですか？"
    )
    _english(project)
    with pytest.raises(ConfigError) as info:
        load_all(project / "params", units=["ecc", "ec"]).raise_if_errors()
    assert str(info.value) == (
        "unknown unit 'ecc': no ecc.yaml in params (units: ec). Did you mean 'ec'?"
    )


def test_missing_parameters_folder(project: Path) -> None:
    with pytest.raises(ConfigError) as info:
        load_all(project / "nowhere")
    assert str(info.value) == (
        "parameters folder not found: nowhere. "
        "Pass --parameters DIR, or create one with 'nps-kit init'."
    )


def test_latest_is_the_latest_complete_month_with_data(project: Path) -> None:
    unit = load_unit(project / "params" / "ec.yaml")
    # the data ends on 2026-11-04: November, once it has ended (test_periods has the rule)
    assert resolve_period(unit) == "2026-11"
    assert resolve_period(unit, period="2026-09") == "2026-09"
    with pytest.raises(ConfigError) as info:
        resolve_period(unit, period="2026-9")
    # ec is a Japanese unit: its period problem is said in Japanese (FIX94).
    assert str(info.value) == (
        "period：'latest'、'current'、または'2026-10'のような月を指定してください"
        "（指定された値：'2026-9'）。"
    )


def test_a_japanese_units_period_problems_are_said_in_japanese(tmp_path: Path) -> None:
    # FIX94: run --period 2026-13 and a 'latest' without columns.date were said in English.
    (tmp_path / "r.csv").write_text("score\n9\n", encoding="utf-8")
    path = tmp_path / "shibuya.yaml"
    path.write_text("name: 渋谷店\nlanguage: ja\ndata: {path: r.csv}\n", encoding="utf-8")
    unit = load_unit(path)
    with pytest.raises(ConfigError) as info:
        resolve_period(unit, period="2026-13")
    assert str(info.value) == (
        "period：'latest'、'current'、または'2026-10'のような月を指定してください"
        "（指定された値：'2026-13'）。"
    )
    with pytest.raises(ConfigError) as info:
        resolve_period(unit, period="latest")
    assert str(info.value) == (
        f"{display(path)}：period：'latest'で最新の月を探すには、columns.dateが必要です。"
        "columns.dateを設定するか、periodを2026-10のようなYYYY-MM形式で指定してください。"
    )


def _plain(value: object) -> bool:
    if isinstance(value, dict):
        return all(isinstance(k, str) and _plain(v) for k, v in value.items())
    if isinstance(value, list):
        return all(_plain(v) for v in value)
    return value is None or type(value) in (str, int, float, bool)


def test_notebook_parameters_are_plain_json(project: Path) -> None:
    path = write_unit(
        project,
        UNIT + "followups: [{column: channel, type: categorical, label: 経路}]\n",
    )
    params = notebook_parameters(load_unit(path), period="2026-10")
    assert _plain(params)
    assert json.loads(json.dumps(params)) == params
    assert params["unit_name"] == "EC事業部"
    assert params["data_path"] == str((project / "data" / "responses.csv").resolve())
    assert params["filter_values"] == ["EC事業部"]
    assert params["followups"][0]["label"] == "経路"
    assert params["period"] == "2026-10"


def test_shipped_demo_parameters_are_valid(repo_root: Path) -> None:
    found = load_all(repo_root / "parameters")
    assert found.errors == []
    assert sorted(found.units) == ["banking", "cloud", "ec", "insurance", "stores"]
    names = {u.unit: (u.name, u.language) for u in found.units.values()}
    assert names == {
        "ec": ("EC事業部", "ja"),
        "stores": ("店舗事業部", "ja"),
        "insurance": ("保険サービス部", "ja"),
        "cloud": ("Cloud Platform", "en"),
        "banking": ("Retail Banking", "en"),
    }
    ec = found.units["ec"]
    assert ec.mail.to == ["ec-team@example.com"]
    assert {f.column: f.type for f in ec.followups}["used_features"] == "multi"
    assert resolve_period(ec) == "2026-10"


def test_breakdown_order_is_passed_on_and_must_not_repeat() -> None:
    from nps_kit.params import Breakdown

    assert Breakdown(column="tenure", order=["1年未満", "5年以上"]).order == ["1年未満", "5年以上"]
    with pytest.raises(ValueError, match="each group may appear once in order; repeated: 1年未満"):
        Breakdown(column="tenure", order=["1年未満", "1年未満"])


# --- issue 9: validation gaps and unreadable files ---------------------------------------------


@pytest.mark.parametrize("value", [".nan", ".inf", "-.inf"])
def test_target_must_be_a_finite_number(project: Path, value: str) -> None:
    _english(project)
    path = write_unit(project, UNIT + f"target: {value}\n")
    found = {".nan": "nan", ".inf": "inf", "-.inf": "-inf"}[value]
    assert error_of(path) == f"params/ec.yaml: target: expected a finite number; found {found}."


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "https://", "x.jp"]
)
def test_report_url_must_be_a_web_address(project: Path, url: str) -> None:
    _english(project)
    path = write_unit(project, UNIT.replace("mail: {", f"mail: {{report_url: '{url}', "))
    assert error_of(path) == (
        "params/ec.yaml: mail.report_url: expected a web address starting with https:// or "
        f"http://; found {url!r}."
    )


def test_report_url_accepts_http_and_https(project: Path) -> None:
    for url in ("https://reports.example.com/2026-10/ec.html", "http://intranet/nps"):
        path = write_unit(project, UNIT.replace("mail: {", f"mail: {{report_url: '{url}', "))
        assert load_unit(path).mail.report_url == url


def test_a_unit_file_saved_as_shift_jis_says_to_save_it_as_utf8(project: Path) -> None:
    _english(project)  # its English words; Japanese: EXTRAS_JA and the tests after it (FIX93)
    path = project / "params" / "ec.yaml"
    path.write_bytes(UNIT.encode("cp932"))
    assert error_of(path) == (
        "params/ec.yaml: the file must be saved as UTF-8, but it looks like Shift_JIS (cp932) "
        "(first bad byte on line 1). Re-save it as UTF-8 in your editor (VS Code: 'Save with "
        "Encoding' → UTF-8; Notepad: encoding UTF-8), or convert it: "
        "iconv -f cp932 -t utf-8 ec.yaml > ec.utf8.yaml"
    )
    # load_all reports it as that file's error instead of aborting every unit
    (project / "params" / "web.yaml").write_text("name: Web\n", encoding="utf-8")
    found = load_all(project / "params")
    assert list(found.units) == ["web"]
    assert [e.path for e in found.errors] == [path]


def test_a_utf8_file_with_a_byte_order_mark_is_read(project: Path) -> None:
    path = project / "params" / "ec.yaml"
    path.write_bytes(UNIT.encode("utf-8-sig"))
    assert load_unit(path).name == "EC事業部"


BOMB = "\n".join(
    ["name: EC事業部", "breakdowns:", "  - &a0 [channel, channel, channel, channel, channel]"]
    + [f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 5)}]" for i in range(1, 12)]
)


def test_an_alias_bomb_is_refused_before_validation(project: Path) -> None:
    # 5**12 ≈ 244 million values once expanded: validating it ran 44 s into MemoryError.
    path = write_unit(project, BOMB + "\n")
    assert error_of(path) == (
        "params/ec.yaml: breakdowns: anchors and aliases (&name, *name) expand to more than "
        "100,000 values; nps-kit refuses such a file before validating it. Write the values "
        "out instead of nesting aliases of aliases."
    )


def test_an_alias_to_itself_is_refused(project: Path) -> None:
    path = write_unit(project, UNIT + "breakdowns: &b [channel, *b]\n")
    assert error_of(path) == (
        "params/ec.yaml: breakdowns: anchors and aliases (&name, *name) expand to more than "
        "100,000 values; nps-kit refuses such a file before validating it. Write the values "
        "out instead of nesting aliases of aliases."
    )


def test_ordinary_anchors_and_aliases_still_work(project: Path) -> None:
    text = UNIT + "breakdowns: &dims [channel]\nfollowups:\n"
    text += "  - {column: comment, type: text, label: &reason 理由}\n"
    text += "  - {column: channel, type: categorical, label: *reason}\n"
    unit = load_unit(write_unit(project, text))
    assert unit.breakdowns == ["channel"]
    assert [f.label for f in unit.followups] == ["理由", "理由"]


def test_themes_and_playbook_are_validated_with_the_unit(project: Path) -> None:
    _english(project)  # its English words; Japanese: EXTRAS_JA (FIX93)
    params = project / "params"
    (params / "themes.yaml").write_text(
        "version: 1\nexclude: {ja: [], en: []}\nthemes:\n  delivery:\n"
        "    label: {ja: 配送, en: Delivery}\n    keywords: {ja: [配送], en: [delivery]}\n"
        "    colour: red\n",
        encoding="utf-8",
    )
    path = write_unit(project, UNIT + "themes: themes.yaml\n")
    assert error_of(path) == (
        "params/ec.yaml: themes: params/themes.yaml: themes.delivery.colour: unknown key "
        "'colour' in themes.delivery. Valid keys here: label, keywords, patterns, exclude."
    )
    # every unit that uses the file reports it, and no kernel is needed to find out
    write_unit(project, "name: Web\nthemes: themes.yaml\n", name="web")
    found = load_all(params)
    assert found.units == {}
    assert [e.key for e in found.errors] == ["themes", "themes"]


def test_a_playbook_naming_an_unknown_theme_is_refused_with_the_unit(
    project: Path, repo_root: Path
) -> None:
    _english(project)  # its English words; Japanese: EXTRAS_JA (FIX93)
    params = project / "params"
    shipped = (repo_root / "nps_kit" / "resources" / "playbook.yaml").read_text(encoding="utf-8")
    (params / "playbook.yaml").write_text(
        shipped.replace("\n  delivery:\n", "\n  delivry:\n", 1), encoding="utf-8"
    )
    path = write_unit(project, UNIT + "playbook: playbook.yaml\n")
    assert error_of(path) == (
        "params/ec.yaml: playbook: params/playbook.yaml: themes.delivry: unknown key 'delivry' "
        "in themes (theme ids in use: usability, checkout, delivery, phone, chat, email, staff, "
        "price, quality, returns, faq, communication). Did you mean 'delivery'?"
    )


def test_closed_loop_status_file_resolves_and_reaches_the_notebook(project: Path) -> None:
    (project / "params" / "returned").mkdir()
    status = project / "params" / "returned" / "ec_followups.csv"
    status.write_text("response_id,status\nR2,done\n", encoding="utf-8")
    path = write_unit(project, UNIT + "closed_loop: {status_file: returned/ec_followups.csv}\n")
    unit = load_unit(path)
    assert unit.closed_loop.status_file == status.resolve()
    assert notebook_parameters(unit, period="2026-10")["status_file"] == str(status.resolve())
    plain = load_unit(write_unit(project, UNIT, "plain"))
    assert notebook_parameters(plain, period="2026-10")["status_file"] is None


def test_missing_status_file(project: Path) -> None:
    _english(project)  # its English words; Japanese: REFUSALS_JA (FIX92)
    path = write_unit(project, UNIT + "closed_loop: {status_file: returned.csv}\n")
    missing = (project / "params" / "returned.csv").resolve()
    assert error_of(path) == (
        f"params/ec.yaml: closed_loop.status_file: file not found: {missing}. Put the returned "
        "work file there (relative paths start at the YAML file's folder), or use null until the "
        "team returns one."
    )


def test_followups_status_file_is_not_the_key(project: Path) -> None:
    # `followups` is the list of follow-up questions; the status file lives under closed_loop.
    path = write_unit(project, UNIT + "followups: {status_file: returned.csv}\n")
    assert error_of(path) == (
        "params/ec.yaml: followups: expected the list of follow-up questions; found "
        "status_file, which belongs under closed_loop. "
        "Write closed_loop: {status_file: returned.csv} instead."
    )


@pytest.mark.parametrize("pack", ["saas", "food", "logistics"])
def test_a_theme_pack_brings_its_themes_and_playbook(project: Path, pack: str) -> None:
    from nps_kit.text.packs import pack_files

    path = write_unit(project, UNIT + f"themes: {pack}\n")
    unit = load_unit(path)
    assert (unit.themes, unit.playbook) == pack_files(pack)


def test_a_unit_playbook_wins_over_the_packs(project: Path) -> None:
    from nps_kit.text.packs import pack_files

    # a valid playbook of the team's own (playbooks are validated with the unit)
    mine = pack_files("finance")[1].read_text(encoding="utf-8")
    (project / "params" / "mine.yaml").write_text(mine, encoding="utf-8")
    path = write_unit(project, UNIT + "themes: finance\nplaybook: mine.yaml\n")
    unit = load_unit(path)
    assert unit.themes == pack_files("finance")[0]
    assert unit.playbook == (project / "params" / "mine.yaml").resolve()


def test_a_themes_file_that_extends_a_pack_brings_the_packs_playbook(project: Path) -> None:
    from nps_kit.text.packs import pack_files

    (project / "params" / "sweep.yaml").write_text(
        "version: 1\nextends: saas\nthemes:\n  flues:\n    label: {ja: 煙突, en: Flues}\n"
        "    keywords: {en: [flue]}\n",
        encoding="utf-8",
    )
    path = write_unit(project, UNIT + "themes: sweep.yaml\n")
    unit = load_unit(path)
    assert unit.themes == (project / "params" / "sweep.yaml").resolve()
    # the pack's playbook, validated with the file's themes: a new theme has no actions
    assert unit.playbook == pack_files("saas")[1]
    # a playbook the unit names wins, as it does over a pack's
    mine = pack_files("saas")[1].read_text(encoding="utf-8")
    (project / "params" / "mine.yaml").write_text(mine, encoding="utf-8")
    unit = load_unit(write_unit(project, UNIT + "themes: sweep.yaml\nplaybook: mine.yaml\n"))
    assert unit.playbook == (project / "params" / "mine.yaml").resolve()


def test_a_themes_file_that_extends_an_unknown_pack_is_refused(project: Path) -> None:
    _english(project)  # its English words; Japanese: EXTRAS_JA (FIX93)
    (project / "params" / "sweep.yaml").write_text("version: 1\nextends: sass\n", encoding="utf-8")
    path = write_unit(project, UNIT + "themes: sweep.yaml\n")
    assert error_of(path) == (
        "params/ec.yaml: themes: params/sweep.yaml: extends: unknown theme pack 'sass'; expected "
        "one of retail, saas, finance, generic, food, logistics. Did you mean 'saas'?"
    )


def test_an_unknown_theme_pack_names_the_packs(project: Path) -> None:
    _english(project)  # its English words; Japanese: REFUSALS_JA (FIX92)
    path = write_unit(project, UNIT + "themes: sass\n")
    missing = (project / "params" / "sass").resolve()
    assert error_of(path) == (
        f"params/ec.yaml: themes: file not found: {missing}. Did you mean 'saas'? Use a theme pack "
        "(retail, saas, finance, generic, food, logistics) or the path of a themes YAML file."
    )


def test_columns_by_qid_or_question_text_reach_the_notebook_as_column_ids(
    project: Path,
) -> None:
    write_qualtrics(project / "data" / "q.csv", n=6)
    path = write_unit(
        project,
        "name: Q\ndata: {path: ../data/q.csv, filter: null}\n"
        "columns: {score: QID74, date: Start Date, id: ResponseId, comment: null, contact: null}\n"
        'breakdowns: ["What is your gender?"]\n'
        "followups: [{column: QID75, type: multi, separator: ','}]\n",
    )
    unit = load_unit(path)
    params = notebook_parameters(unit, period="2026-09")
    assert (params["score_column"], params["date_column"], params["id_column"]) == (
        "Q3",
        "StartDate",
        "ResponseId",
    )
    assert params["breakdowns"] == [{"column": "Q1", "label": "What is your gender?"}]
    assert params["followups"][0]["column"] == "Q4"
    assert (params["target"], params["top_n"], params["date_format"]) == (None, 12, None)


def test_reading_options_are_validated(project: Path) -> None:
    _english(project)
    path = write_unit(project, "name: EC\ndata: {date_format: dd/mm/yyyy, fix_text: maybe}\n")
    assert error_of(path) == (
        "params/ec.yaml: 2 problems:\n"
        "- data.date_format: date_format must be 'month-first', 'day-first' or a strftime "
        "pattern such as '%d/%m/%Y %H:%M'; found 'dd/mm/yyyy'.\n"
        "- data.fix_text: expected true or false; found 'maybe'."
    )


SECTION_NAMES = (
    "headline, strategies, detractors, trend, breakdowns, distribution, followups, quality, method"
)


def test_sections_choose_and_order_the_standard_sections(project: Path) -> None:
    assert load_unit(project / "params" / "ec.yaml").sections is None  # every section
    path = write_unit(project, UNIT + "sections: [trend, headline, followups]\n")
    assert load_unit(path).sections == ["trend", "headline", "followups"]
    # sections: selects notebook cells; the notebook's parameters do not change
    assert "sections" not in notebook_parameters(load_unit(path), period="2026-10")


@pytest.mark.parametrize(
    ("sections", "problem"),
    [
        (
            "[headline, trend, followup]",
            "unknown section 'followup' (did you mean 'followups'?); expected names from: "
            + SECTION_NAMES,
        ),
        ("[headline, summary]", "unknown section 'summary'; expected names from: " + SECTION_NAMES),
        ("[headline, trend, trend]", "each section may appear once; repeated: trend"),
        (
            "[trend, breakdowns]",
            "headline is required (the overview and the e-mail show its numbers); "
            "found ['trend', 'breakdowns']",
        ),
        ("trend", "expected a list; found 'trend'"),
    ],
)
def test_a_wrong_sections_list_is_named_with_the_valid_sections(
    project: Path, sections: str, problem: str
) -> None:
    _english(project)
    path = write_unit(project, UNIT + f"sections: {sections}\n")
    assert error_of(path) == f"params/ec.yaml: sections: {problem}."


# --- time zone and the overview's project settings -------------------------------------------


def test_timezone_defaults_by_language_and_reaches_the_notebook(project: Path) -> None:
    ja = load_unit(write_unit(project, UNIT))
    assert (ja.timezone, ja.zone) == (None, "Asia/Tokyo")
    en = load_unit(write_unit(project, UNIT + "language: en\n"))
    assert en.zone == "UTC"
    london = load_unit(write_unit(project, UNIT + "timezone: Europe/London\n"))
    assert notebook_parameters(london, period="2026-10")["timezone"] == "Europe/London"
    assert notebook_parameters(ja, period="2026-10")["timezone"] == "Asia/Tokyo"


def test_an_unknown_timezone_names_the_file_the_key_and_the_closest_zone(project: Path) -> None:
    path = write_unit(project, UNIT + "timezone: Asia/Tokio\n")
    assert error_of(path) == (
        "params/ec.yaml: timezone: expected an IANA time zone name such as Asia/Tokyo, "
        "Europe/London or UTC; found 'Asia/Tokio' (closest: Asia/Tokyo)."
    )


def test_an_unknown_timezone_exits_2_from_the_cli(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from nps_kit.cli import main

    write_unit(project, UNIT + "timezone: Tokyo/Japan\n")
    assert main(["run", "ec", "--parameters", "params", "--output", str(project / "out")]) == 2
    assert capsys.readouterr().err == (
        "nps-kit run: error: params/ec.yaml: timezone: expected an IANA time zone name such as "
        "Asia/Tokyo, Europe/London or UTC; found 'Tokyo/Japan' (closest: Japan).\n"
    )


def test_the_overview_language_is_a_project_setting_of_defaults_yaml(project: Path) -> None:
    params = project / "params"
    # no overview block: the project's language
    assert load_all(params).overview.model_dump() == {
        "language": "ja",
        "timezone": None,
        "unit_label": None,
    }
    (params / "defaults.yaml").write_text(
        DEFAULTS + "timezone: Europe/Paris\noverview: {language: en}\n", encoding="utf-8"
    )
    found = load_all(params)
    assert found.overview.model_dump() == {
        "language": "en",
        "timezone": "Europe/Paris",
        "unit_label": None,
    }
    assert found.units["ec"].language == "ja"  # the units keep their own language
    (params / "defaults.yaml").write_text(
        DEFAULTS + "overview: {language: en, timezone: America/New_York}\n", encoding="utf-8"
    )
    assert load_all(params).overview.timezone == "America/New_York"
    (params / "defaults.yaml").write_text(
        DEFAULTS + "overview: {unit_label: 店舗}\n", encoding="utf-8"
    )
    assert load_all(params).overview.unit_label == "店舗"


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ('""', "expected a name for one unit such as 店舗 or Store; found ''"),
        ('"Store\\nmanager"', "expected one line of text without control characters"),
        ("a-name-longer-than-twenty-four", "expected at most 24 characters (a column heading)"),
    ],
)
def test_a_bad_unit_label_names_defaults_yaml(project: Path, value: str, found: str) -> None:
    params = project / "params"
    english = DEFAULTS.replace("language: ja", "language: en")  # Japanese: FIX92's test
    (params / "defaults.yaml").write_text(
        english + f"overview: {{unit_label: {value}}}\n", encoding="utf-8"
    )
    with pytest.raises(ConfigError) as info:
        load_all(params)
    assert str(info.value).startswith("params/defaults.yaml: overview.unit_label: " + found)


def test_a_bad_overview_language_names_defaults_yaml(project: Path) -> None:
    params = project / "params"
    english = DEFAULTS.replace("language: ja", "language: en")  # Japanese: FIX90's test
    (params / "defaults.yaml").write_text(english + "overview: {language: de}\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_all(params)
    assert str(info.value) == (
        "params/defaults.yaml: overview.language: expected one of 'ja' or 'en'; found 'de'."
    )


def test_the_overview_block_in_a_unit_file_is_refused(project: Path) -> None:
    path = write_unit(project, UNIT + "overview: {language: en}\n")
    assert error_of(path) == (
        "params/ec.yaml: overview: the overview is one page for every unit; its settings "
        "belong in defaults.yaml, not in a unit file. Move the overview block to defaults.yaml."
    )


def test_a_text_question_says_what_it_asks(project: Path) -> None:
    write_unit(
        project,
        UNIT
        + "followups:\n"
        + "  - {column: comment, type: text, label: 理由}\n"
        + "  - {column: comment, type: text, label: 改善点, asks: improvement}\n",
    )
    unit = load_unit(project / "params" / "ec.yaml")
    assert [f.asks for f in unit.followups] == [None, "improvement"]
    cell = notebook_parameters(unit, period="2026-10")["followups"]
    assert [f["asks"] for f in cell] == [None, "improvement"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            "{column: comment, type: categorical, asks: improvement}",
            "params/ec.yaml: followups[0]: asks (reason or improvement) says what an open "
            "question asks, so only text questions have it; 'comment' is categorical: remove "
            "asks, or set type: text.",
        ),
        (
            "{column: comment, type: text, asks: improve}",
            "params/ec.yaml: followups[0].asks: expected one of 'reason' or 'improvement'; "
            "found 'improve'.",
        ),
    ],
)
def test_asks_is_checked(project: Path, entry: str, message: str) -> None:
    _english(project)
    assert error_of(write_unit(project, UNIT + f"followups: [{entry}]\n")) == message


def test_a_label_per_language_gives_each_unit_its_own(project: Path) -> None:
    # QA17: a Japanese clinic under an English chain's defaults.yaml showed "Reason for the
    # score" and "Services used" in its Japanese report; one file now carries both labels.
    (project / "params" / "defaults.yaml").write_text(
        DEFAULTS.replace(
            "breakdowns: [channel]",
            "breakdowns: [{column: channel, label: {ja: 経路, en: Channel}}]",
        )
        + "followups: [{column: comment, type: text, label: {ja: 理由, en: Reason}}]\n",
        encoding="utf-8",
    )
    write_unit(project, UNIT.replace("name: EC事業部", "name: Cloud\nlanguage: en"), "cloud")
    ja = notebook_parameters(load_unit(project / "params" / "ec.yaml"), period="2026-10")
    en = notebook_parameters(load_unit(project / "params" / "cloud.yaml"), period="2026-10")
    assert (ja["breakdowns"][0]["label"], ja["followups"][0]["label"]) == ("経路", "理由")
    assert (en["breakdowns"][0]["label"], en["followups"][0]["label"]) == ("Channel", "Reason")
    assert _plain(ja) and _plain(en)


def test_a_label_per_language_without_the_units_language_is_refused(project: Path) -> None:
    # The whole message, in English for an English unit (its Japanese: VALIDATOR_ERRORS_JA);
    # no empty key before it ("ec.yaml: : followups[0]…" until FIX92).
    path = write_unit(
        project,
        UNIT + "language: en\nfollowups: [{column: comment, type: text, label: {ja: 理由}}]\n",
    )
    assert error_of(path) == (
        "params/ec.yaml: followups[0] ('comment'): label gives ja: 理由, but this unit reports "
        "in en: add 'en: <label>' to it (or give one plain label for every language)."
    )


def test_a_data_folder_is_checked_as_a_drop_not_called_missing(project: Path) -> None:
    # QA24: "data file not found" for a folder that exists.
    (project / "drop").mkdir()
    path = write_unit(project, UNIT_NO_DATA + "data: {path: ../drop/}\n")
    folder = (project / "drop").resolve()
    assert error_of(path) == (
        f"params/ec.yaml: data.path: no export file in the folder {folder}: it has no .csv, "
        ".tsv, .txt, .gz, .xlsx or .parquet file. Put the export files there, or name one file "
        "(relative paths start from the current folder, or from the YAML file's folder in "
        "parameters)."
    )
    (project / "data" / "responses.csv").rename(project / "drop" / "responses.csv")
    for given in ("../drop/", "../drop/*.csv"):
        write_unit(project, UNIT_NO_DATA + f"data: {{path: '{given}'}}\n")
        assert load_unit(path).data.path.name in {"drop", "*.csv"}


def test_an_invalid_copy_keeping_a_valid_unit_s_id_is_recorded_under_its_file(
    project: Path,
) -> None:
    # A new unit made by copying ec.yaml keeps 'unit: ec'; with an error, its parameter error
    # was recorded as ec's, so run's manifest said the valid, built ec had a parameter error
    # and send refused it.
    write_unit(project, "unit: ec\n" + UNIT)
    write_unit(project, "unit: ec\n" + UNIT + "breakdowns: [no_such_column]\n", name="a_copy")
    loaded = load_all(project / "params")
    assert list(loaded.units) == ["ec"]
    assert list(loaded.invalid) == ["a_copy"]
    assert "a_copy.yaml: breakdowns[0]" in str(loaded.invalid["a_copy"])


def test_an_invalid_unit_s_name_is_kept_when_its_file_reads_that_far(project: Path) -> None:
    # FIX38: the overview showed a unit with a parameter error by its id beside the other
    # units' names; its name is kept where the file gives one that can be shown.
    write_unit(project, "unit: ec\n" + UNIT)
    write_unit(project, "unit: ec\n" + UNIT + "breakdowns: [no_such_column]\n", name="a_copy")
    write_unit(project, "name: 旅行事業部\nlanguag: ja\n", name="travel")
    write_unit(project, 'name: "two\\nlines"\nlanguag: ja\n', name="odd")
    write_unit(project, "name: [ホテル\n", name="hotel")
    loaded = load_all(project / "params")
    assert sorted(loaded.invalid) == ["a_copy", "hotel", "odd", "travel"]
    assert loaded.invalid_names == {"a_copy": "EC事業部", "travel": "旅行事業部"}


def test_a_label_not_set_by_hand_writes_half_width_kana_full_width(project: Path) -> None:
    # QA25 C-5: the report said 「ｵﾍﾟﾚｰﾀ別のNPS」 and headed a section ｺﾒﾝﾄ. The columns are read
    # by their names as in the file; a label set by hand stays as written.
    csv = CSV.replace(",comment\n", ",comment,ｵﾍﾟﾚｰﾀ,ｺﾒﾝﾄ\n")
    for answer in (",良い\n", ",遅い\n", ",great\n"):
        csv = csv.replace(answer, answer[:-1] + ",鈴木,速い\n")
    (project / "data" / "responses.csv").write_text(csv, encoding="utf-8")
    path = write_unit(
        project,
        UNIT + "breakdowns: [ｵﾍﾟﾚｰﾀ, {column: ｵﾍﾟﾚｰﾀ, label: ｵﾍﾟ}]\n"
        "followups: [{column: ｺﾒﾝﾄ, type: text}, {column: comment, type: text}]\n",
    )
    params = notebook_parameters(load_unit(path), period="2026-10")
    assert params["breakdowns"] == [
        {"column": "ｵﾍﾟﾚｰﾀ", "label": "オペレータ"},
        {"column": "ｵﾍﾟﾚｰﾀ", "label": "ｵﾍﾟ"},
    ]
    followups = params["followups"]
    assert [(f["column"], f["label"]) for f in followups] == [  # type: ignore[attr-defined]
        ("ｺﾒﾝﾄ", "コメント"),
        ("comment", None),
    ]


def test_an_answer_in_both_consent_lists_is_a_config_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # PRIV56: contact.consent_yes / consent_no say how the export words consent; an answer in
    # both would both grant and refuse contact. Compared as answers are (１ is 1).
    monkeypatch.chdir(tmp_path)
    (tmp_path / "responses.csv").write_text("score\n9\n", encoding="utf-8")
    path = tmp_path / "north.yaml"
    path.write_text(
        "name: North\nlanguage: ja\ndata: {path: responses.csv}\n"
        "contact: {consent_yes: [1, はい], consent_no: [2, '１']}\n",
        encoding="utf-8",
    )
    with pytest.raises(ConfigError) as caught:
        load_unit(path)
    assert str(caught.value) == (  # a Japanese unit's, in Japanese since FIX92
        "north.yaml: contact.consent_no: 「１」がconsent_yesとconsent_noの両方にあります。"
        "回答は連絡の許可か拒否のどちらかです。どちらかのリストから外してください。"
    )
    path.write_text(path.read_text("utf-8").replace("language: ja", "language: en"), "utf-8")
    with pytest.raises(ConfigError) as caught:
        load_unit(path)
    assert str(caught.value) == (
        "north.yaml: contact.consent_no: '１' is listed in both consent_yes and consent_no; an "
        "answer either grants contact or refuses it: remove it from one list."
    )
    path.write_text(path.read_text("utf-8").replace("'１'", "いいえ"), encoding="utf-8")
    words = load_unit(path).consent_words()
    assert (words.yes, words.no) == ({"1", "はい"}, {"2", "いいえ"})


def test_data_exclude_is_validated_and_reaches_the_loader(project: Path) -> None:
    # QA30 F7: a staff test row could not be left out. data.exclude names its column and
    # values as data.filter does; a column the export lacks is named like any other column.
    _english(project)

    def excluding(rule: str) -> str:
        return UNIT.replace("  filter:", f"  exclude: [{rule}]\n  filter:")

    unit = load_unit(write_unit(project, excluding("{column: comment, values: [テスト]}")))
    assert unit.loader_options()["exclude"] == (("comment", ("テスト",)),)
    misspelt = excluding("{column: coment, values: [テスト]}")
    assert error_of(write_unit(project, misspelt)) == (
        "params/ec.yaml: data.exclude[0].column: no column 'coment' in responses.csv. "
        "Did you mean 'comment'? Columns in responses.csv: 'response_id', 'submitted_at', "
        "'business_unit', 'score', 'channel', 'comment'."
    )
    empty = excluding("{column: comment, values: []}")
    assert error_of(write_unit(project, empty)) == (
        "params/ec.yaml: data.exclude[0].values: List should have at least 1 item after "
        "validation, not 0; found []."
    )
    unknown = excluding("{column: comment, value: テスト}")
    assert error_of(write_unit(project, unknown)).startswith(
        "params/ec.yaml: 2 problems:\n- data.exclude[0].values: required but missing.\n"
    )


def test_a_misspelt_column_in_defaults_is_said_once_for_the_units_that_inherit_it(
    project: Path,
) -> None:
    _english(project)  # its English words; Japanese: REFUSALS_JA (FIX92)
    # QA32: a misspelt columns.score in a French chain's defaults.yaml gave "4 parameter files
    # have problems" and the same defaults.yaml message four times, once per city.
    write_unit(project, UNIT.replace("EC事業部]", "EC事業部, 店舗事業部]"), name="ec")
    write_unit(project, UNIT.replace("EC事業部", "店舗事業部"), name="stores")
    defaults = project / "params" / "defaults.yaml"
    defaults.write_text(ENGLISH_DEFAULTS.replace("score: score", "score: scor"), "utf-8")
    errors = load_all(project / "params").errors
    assert [str(e) for e in errors] == [
        "params/defaults.yaml: columns.score: no column 'scor' in responses.csv (the data of ec, "
        "stores, which do not set their own). Did you mean 'score'? Columns in responses.csv: "
        "'response_id', 'submitted_at', 'business_unit', 'score', 'channel', 'comment'."
    ]


def test_two_misspelt_columns_in_defaults_stay_each_unit_s_list(project: Path) -> None:
    _english(project)  # its English words; Japanese: REFUSALS_JA (FIX92)
    write_unit(project, UNIT.replace("EC事業部", "店舗事業部"), name="stores")
    defaults = project / "params" / "defaults.yaml"
    text = ENGLISH_DEFAULTS.replace("score: score", "score: scor").replace("[channel]", "[chanel]")
    defaults.write_text(text, "utf-8")
    errors = [str(e) for e in load_all(project / "params").errors]
    assert len(errors) == 2
    assert all("2 problems" in e and "(the data of" not in e for e in errors)


def test_the_control_limits_floor_reaches_the_notebook(project: Path) -> None:
    # FIX88 #3: the 8-month floor for control limits (FIX86) is a parameter, 8 by default.
    unit = load_unit(project / "params" / "ec.yaml")
    assert notebook_parameters(unit, period="2026-10")["control_min_months"] == 8
    path = write_unit(project, UNIT + "thresholds: {control_min_months: 4}\n")
    assert notebook_parameters(load_unit(path), period="2026-10")["control_min_months"] == 4


@pytest.mark.parametrize("value", ["jp", "日本語", "Japanese"])
def test_a_language_that_asks_for_japanese_is_refused_in_japanese(
    project: Path, value: str
) -> None:
    # REVIEW38: defaults.yaml's 'language: jp' was refused in English, the one language it
    # does not ask for; 'fr' still is (test_a_bad_overview_language_names_defaults_yaml).
    defaults = project / "params" / "defaults.yaml"
    defaults.write_text(DEFAULTS.replace("language: ja", f"language: {value}"), encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_all(project / "params")
    assert str(info.value) == (
        f"params/defaults.yaml: language: 'ja'、'en'のいずれかを指定してください"
        f"（書かれている値：「{value}」）。"
    )


def test_a_japanese_project_s_broken_unit_file_is_said_in_japanese(project: Path) -> None:
    # REVIEW38: its line and column were the one English sentence of a Japanese run's
    # problems; PyYAML's own words for the problem stay as PyYAML writes them.
    write_unit(project, "name: [unclosed\n", name="broken")
    found = load_all(project / "params")
    assert [str(e) for e in found.errors] == [
        "params/broken.yaml：YAMLの書き方に誤りがあります（1行目、7列目：the list '[' opened "
        "here is not closed by the end of the file (expected ',' or ']', but got "
        "'<stream end>')）。その箇所（字下げ、キーの後のコロンの抜け、閉じていない引用符や括弧）"
        "を直してください。"
    ]


def test_a_key_written_twice_in_a_unit_file_is_refused_in_the_project_s_language(
    project: Path,
) -> None:
    # FIX91: the second 'values:' won without a word; the unit reported the wrong rows.
    write_unit(project, UNIT.replace("mail:", "data:\n  path: ../data/other.csv\nmail:"))
    found = load_all(project / "params")
    assert [str(e) for e in found.errors] == [
        "params/ec.yaml：キー「data」が2回書かれています（2行目と4行目）。YAMLは後の値だけを"
        "読み、前の値は黙って捨てられます。どちらの値が正しいか確かめて一方の行を残し、"
        "もう一方を消してください。"
    ]
    # One unit's own load says it in the project's language too (load_unit, as run reads it).
    assert error_of(project / "params" / "ec.yaml") == str(found.errors[0])
    _english(project)
    with pytest.raises(ConfigError) as caught:
        load_unit(project / "params" / "ec.yaml")
    assert str(caught.value) == (
        "params/ec.yaml: the key 'data' is written twice, on line 2 and on line 4; YAML would "
        "keep only the value on line 4 and drop the other without a word. Check which value "
        "is meant, keep that line and delete the other."
    )
