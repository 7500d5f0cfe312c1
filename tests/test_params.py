"""Parameter files: schema, merging, and the whole message of every validation error."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from _exports import write_qualtrics

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

UNIT = """\
name: EC事業部
data:
  filter: {column: business_unit, values: [EC事業部]}
mail: {to: [ec-team@example.com]}
"""


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


def test_a_list_in_the_unit_file_replaces_the_default_list(project: Path) -> None:
    path = write_unit(project, UNIT + "breakdowns: [{column: business_unit, label: 部門}]\n")
    unit = load_unit(path)
    params = notebook_parameters(unit, period="2026-10")
    assert params["breakdowns"] == [{"column": "business_unit", "label": "部門"}]


def test_yaml_syntax_error_names_the_line(project: Path) -> None:
    path = write_unit(project, "name: EC\nlanguage: [ja\nmail: {}\n")
    assert error_of(path) == (
        "params/ec.yaml: invalid YAML at line 3, column 5: expected ',' or ']', but got ':'. "
        "Fix the syntax there (indentation, a missing ':' or an unclosed quote)."
    )


def test_unknown_key_suggests_the_closest_valid_key(project: Path) -> None:
    path = write_unit(project, UNIT + "columns: {scroe: score}\n")
    assert error_of(path) == (
        "params/ec.yaml: columns.scroe: unknown key 'scroe' in columns. Did you mean 'score'?"
    )


def test_unknown_top_level_key(project: Path) -> None:
    path = write_unit(project, UNIT + "breakdown: [channel]\n")
    assert error_of(path) == (
        "params/ec.yaml: breakdown: unknown key 'breakdown' at the top level. "
        "Did you mean 'breakdowns'?"
    )


def test_wrong_type_says_expected_and_found(project: Path) -> None:
    path = write_unit(project, UNIT + "thresholds: {min_n: many}\n")
    assert error_of(path) == (
        "params/ec.yaml: thresholds.min_n: expected a whole number; found 'many'."
    )


def test_language_must_be_ja_or_en(project: Path) -> None:
    path = write_unit(project, UNIT + "language: fr\n")
    assert error_of(path) == ("params/ec.yaml: language: expected one of 'ja' or 'en'; found 'fr'.")


def test_bad_mail_address(project: Path) -> None:
    path = write_unit(
        project, "name: EC\nmail: {to: [ok@example.com], cc: [ec-team.example.com]}\n"
    )
    assert error_of(path) == (
        "params/ec.yaml: mail.cc: expected an e-mail address like team@example.com; "
        "found 'ec-team.example.com'."
    )


def test_several_problems_in_one_file_are_listed_together(project: Path) -> None:
    path = write_unit(project, "language: fr\nperiod: 2026-13\nmail: {reply_to: nobody}\n")
    assert error_of(path) == (
        "params/ec.yaml: 4 problems:\n"
        "- name: required but missing.\n"
        "- language: expected one of 'ja' or 'en'; found 'fr'.\n"
        "- period: expected 'latest' or a month like '2026-10'; found '2026-13'.\n"
        "- mail.reply_to: expected an e-mail address like team@example.com; found 'nobody'."
    )


def test_missing_data_file(project: Path) -> None:
    path = write_unit(project, UNIT + "data: {path: ../data/nope.csv}\n")
    missing = (project / "data" / "nope.csv").resolve()
    assert error_of(path) == (
        f"params/ec.yaml: data.path: data file not found: {missing}. "
        "Fix the path (relative paths start at the YAML file's folder)."
    )


def test_missing_columns_are_all_named_with_suggestions(project: Path) -> None:
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
    write_unit(project, "name: Cloud\nlanguage: en\n", name="cloud")
    write_unit(project, "name: Bad\nlanguag: en\n", name="bad")
    write_unit(project, "name: [unclosed\n", name="broken")
    found = load_all(project / "params")
    assert list(found.units) == ["cloud", "ec"]
    assert [str(e) for e in found.errors] == [
        "params/bad.yaml: languag: unknown key 'languag' at the top level. "
        "Did you mean 'language'?",
        "params/broken.yaml: invalid YAML at line 2, column 1: expected ',' or ']', but got "
        "'<stream end>'. Fix the syntax there (indentation, a missing ':' or an unclosed quote).",
    ]
    with pytest.raises(ConfigError) as info:
        found.raise_if_errors()
    assert str(info.value) == "2 parameter files have problems:\n" + "\n".join(
        str(e) for e in found.errors
    )


def test_unknown_unit_on_the_command_line_suggests_the_closest(project: Path) -> None:
    found = load_all(project / "params", units=["ecc", "ec"])
    assert list(found.units) == ["ec"]
    with pytest.raises(ConfigError) as info:
        found.raise_if_errors()
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


def test_latest_is_the_latest_month_with_data(project: Path) -> None:
    unit = load_unit(project / "params" / "ec.yaml")
    # the data ends on 2026-11-04: November is the latest month (the report says it is running)
    assert resolve_period(unit) == "2026-11"
    assert resolve_period(unit, period="2026-09") == "2026-09"
    with pytest.raises(ConfigError) as info:
        resolve_period(unit, period="2026-9")
    assert str(info.value) == "period: expected 'latest' or a month like '2026-10'; found '2026-9'."


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
    path = write_unit(project, "name: EC\ndata: {date_format: dd/mm/yyyy, fix_text: maybe}\n")
    assert error_of(path) == (
        "params/ec.yaml: 2 problems:\n"
        "- data.date_format: date_format must be 'month-first', 'day-first' or a strftime "
        "pattern such as '%d/%m/%Y %H:%M'; found 'dd/mm/yyyy'.\n"
        "- data.fix_text: expected true or false; found 'maybe'."
    )
