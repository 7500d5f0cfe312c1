"""Tests for nps_kit._project_language: the one rule of which language a project speaks."""

from __future__ import annotations

from pathlib import Path

import pytest

from nps_kit._project_language import (
    file_language,
    project_language,
    run_language,
    said_language,
)
from nps_kit.commands.project import new_unit
from nps_kit.params import load_all

UNIT = "name: {name}\ndata: {{path: ../export.csv}}\n"


def _project(tmp_path: Path, defaults: str | None, **units: str) -> Path:
    params = tmp_path / "parameters"
    params.mkdir()
    (tmp_path / "export.csv").write_text("score\n9\n", encoding="cp932")
    if defaults is not None:
        (params / "defaults.yaml").write_text(defaults, encoding="utf-8")
    for unit, text in units.items():
        (params / f"{unit}.yaml").write_text(text, encoding="utf-8")
    return params


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("ja", "ja"),
        ("en", "en"),
        ("jp", "ja"),
        ("ＪＰ", "ja"),
        ("JA", "ja"),
        ("ｊａ", "ja"),
        ("日本語", "ja"),
        (" Japanese ", "ja"),
        ("fr", None),
        ("EN", None),
        (None, None),
        (["ja"], None),
    ],
)
def test_said_language_reads_what_a_value_asks_for(value: object, expected: str | None) -> None:
    assert said_language(value) == expected


def test_file_language_takes_the_file_s_own_then_the_defaults() -> None:
    assert file_language({"language": "en"}, {"language": "ja"}) == "en"  # unit says en
    assert file_language({}, {"language": "ja"}) == "ja"  # defaults only
    assert file_language({"language": "jp"}, {"language": "en"}) == "ja"  # mistyped
    assert file_language({"language": "fr"}, {"language": "ja"}) == "ja"
    assert file_language({}, {}) == "en"


def test_run_language_takes_the_project_then_the_shared_unit_language_then_english() -> None:
    assert run_language("ja", ["en", "en"]) == "ja"
    assert run_language(None, ["ja", "ja"]) == "ja"
    assert run_language(None, ["ja", "en"]) == "en"
    assert run_language(None, []) == "en"


def test_project_language_without_a_parameters_folder_or_key_is_none(tmp_path: Path) -> None:
    assert project_language(tmp_path / "nowhere") is None
    assert project_language(_project(tmp_path, None)) is None
    (tmp_path / "parameters" / "defaults.yaml").write_text("top_n: 5\n", encoding="utf-8")
    assert project_language(tmp_path / "parameters") is None


def test_project_language_reads_a_mistyped_japanese_and_a_file_with_other_problems(
    tmp_path: Path,
) -> None:
    # FIX92: send, run --send and new-unit read the project's language by validating the
    # whole defaults.yaml, so 'language: jp' or a bad key elsewhere made them speak English.
    params = _project(tmp_path, "language: jp\n")
    assert project_language(params) == "ja"
    (params / "defaults.yaml").write_text("language: ja\ntimezone: Tokyo\n", encoding="utf-8")
    assert project_language(params) == "ja"
    (params / "defaults.yaml").write_text("language: [ja\n", encoding="utf-8")
    assert project_language(params) is None  # no YAML: run says why


def test_a_unit_that_says_en_in_a_japanese_project_keeps_its_own(tmp_path: Path) -> None:
    params = _project(
        tmp_path,
        "language: ja\n",
        shop=UNIT.format(name="店舗"),
        web=UNIT.format(name="Web") + "language: en\n",
    )
    found = load_all(params)
    assert {u: p.language for u, p in found.units.items()} == {"shop": "ja", "web": "en"}
    assert found.language == "ja"  # the run's own lines: the project's
    assert project_language(params) == "ja"


def test_units_without_a_project_language_share_theirs_or_speak_english(tmp_path: Path) -> None:
    params = _project(
        tmp_path,
        "top_n: 5\n",
        shop=UNIT.format(name="店舗") + "language: ja\n",
        web=UNIT.format(name="Web") + "language: ja\n",
    )
    assert load_all(params).language == "ja"
    (params / "web.yaml").write_text(UNIT.format(name="Web") + "language: en\n", "utf-8")
    assert load_all(params).language == "en"


def test_defaults_only_speak_the_defaults_language(tmp_path: Path) -> None:
    params = _project(tmp_path, "language: ja\n")
    found = load_all(params)
    assert (found.units, found.language) == ({}, "ja")


def test_new_unit_in_a_project_whose_language_is_mistyped_japanese_is_japanese(
    tmp_path: Path,
) -> None:
    # commands.project read defaults.yaml's language a third way: 'jp' wrote an English file.
    params = _project(tmp_path, "language: jp\n")
    text = new_unit("north", parameters=params).read_text(encoding="utf-8")
    assert "# language: ja" in text
