"""The scale of a rating question (``nps_kit._rating_scale``), through inspect and init.

A French Typeform export (QA32's shape: ``;``, decimal commas) whose three ratings are all
"(sur 5)": the food in half points from 1,0, the service in half points from 0,5, the setting
in whole stars. One block, one scale, said where it was inferred.
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
import yaml

from nps_kit._rating_scale import answered_scale, block_scales, stated_top
from nps_kit.cli import main

FOOD, SERVICE, SETTING = (f"Note {x} (sur 5)" for x in ("de la cuisine", "du service", "du cadre"))


# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


def _export(path: Path, *, service_low: int = 1) -> Path:
    """Write the export: 120 answers, ratings cycling through their halves or stars."""
    n = 120
    frame = pd.DataFrame(
        {
            "#": [f"t{i:04d}" for i in range(n)],
            "Recommanderiez-vous nos restaurants ? (0-10)": [i % 11 for i in range(n)],
            FOOD: [f"{2 + i % 9:d}" for i in range(n)],  # halves 1,0 … 5,0 once divided
            SERVICE: [f"{service_low + i % (11 - service_low):d}" for i in range(n)],
            SETTING: [str(1 + i % 5) for i in range(n)],
            "Pourquoi cette note ?": ["Lent" if i % 2 else "Bien" for i in range(n)],
            "Submit Date (UTC)": [f"{1 + i % 28:02d}/11/2026 12:00" for i in range(n)],
        }
    )
    for half in (FOOD, SERVICE):
        frame[half] = (frame[half].astype(int) / 2).map(lambda x: f"{x:.1f}".replace(".", ","))
    frame.to_csv(path, sep=";", index=False)
    return path


def _inspected(capsys: pytest.CaptureFixture[str], path: Path) -> dict:
    capsys.readouterr()
    assert main(["inspect", str(path), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_ratings_out_of_5_in_one_block_share_one_scale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX79: the service's 0,5 made it 0–5 beside the food's and the setting's 1–5, and init
    # summarised the service answer by answer as a categorical question (a second scale).
    found = _inspected(capsys, _export(tmp_path / "bistro.csv"))
    columns = {c["column"]: c for c in found["columns"]}
    assert [columns[c]["scale"] for c in (FOOD, SERVICE, SETTING)] == [[0, 5]] * 3
    assert columns[FOOD]["detail"] == "0–5 as its block, half points"
    assert columns[SERVICE]["detail"] == "0–5, half points"
    assert columns[SETTING]["detail"] == "0–5 as its block"
    said = (
        "The 3 questions rated 'sur 5' are on one scale, 0–5: a mark out of 5 from 0, as "
        "'Note du service (sur 5)' has answers under 1."
    )
    assert said in found["notes"]
    project = tmp_path / "project"
    assert main(["init", str(project), "--from", str(tmp_path / "bistro.csv")]) == 0
    text = (project / "parameters" / "defaults.yaml").read_text("utf-8")
    followups = yaml.safe_load(text)["followups"]
    rated = [(f["column"], f["type"], f.get("scale")) for f in followups if f["type"] != "text"]
    assert rated == [(c, "rating", [0, 5]) for c in (FOOD, SERVICE, SETTING)]
    # ... and init's file says which scale it inferred and why, once
    assert text.count("  # The 3 questions rated 'sur 5' are on one scale, 0–5: a mark out of") == 1


def test_a_block_answered_from_1_is_1_to_5_and_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    found = _inspected(capsys, _export(tmp_path / "bistro.csv", service_low=2))
    assert {c["column"]: c["scale"] for c in found["columns"] if c["kind"] == "rating"} == {
        FOOD: [1, 5],
        SERVICE: [1, 5],
        SETTING: [1, 5],
    }
    assert (
        "The 3 questions rated 'sur 5' are on one scale, 1–5 (out of 5, none answered under 1)."
        in found["notes"]
    )


def test_a_stated_range_wins_over_the_answers() -> None:
    # "(1-5)" answered 0: the 0 is off the stated scale (invalid in the report), not a 0–5.
    assert answered_scale("Rate the food (1-5)", 0, 5) == ((1, 5), True)
    assert answered_scale("Rate the food (1-5)", 1, 4) == ((1, 5), False)  # as answered
    assert answered_scale("Rate the food （0〜5）", 1, 5) == ((0, 5), True)
    assert answered_scale("Rate the food", 0.5, 5) == ((0, 5), False)
    assert answered_scale("Rate the food", 2, 7) == ((1, 7), False)
    assert stated_top("Note (sur 5 étoiles)") == "sur 5"  # the block of "(sur 5)"
    assert stated_top("Heures (sur 5 jours)") is None  # REVIEW33: hours over five days
    # REVIEW35: "/ 5" is "/5" (a space was a second block, so a second scale)
    assert stated_top("Service / 5") == stated_top("Food /5") == "/5"
    # stated in other words, or over another top: another block
    blocks = block_scales(
        [("a", "A (sur 5)", (0, 5)), ("b", "B (sur 5)", (1, 5)), ("c", "C /5", (1, 5))]
    )
    assert [(b.columns, b.scale, b.under_one) for b in blocks] == [
        (("a", "b"), (0, 5), ("a",)),
        (("c",), (1, 5), ()),
    ]


def test_a_rating_stated_on_another_scale_is_said_where_init_leaves_it_out(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # REVIEW35: 'Food (1-5)' (a stray 0 answered) is 1–5 as stated while 'Service out of 5'
    # and 'Setting out of 5' are 0–5 as their block; init summarised the food answer by
    # answer as a categorical without a word (before FIX79 all three were 0–5 ratings).
    n = 60
    frame = pd.DataFrame(
        {
            "id": [f"r{i:03d}" for i in range(n)],
            "Recommend (0-10)": [i % 11 for i in range(n)],
            "Food (1-5)": [i % 6 for i in range(n)],
            "Service out of 5": [i % 6 for i in range(n)],
            "Setting out of 5": [1 + i % 5 for i in range(n)],
            "Date": [f"2026-11-{1 + i % 28:02d}" for i in range(n)],
        }
    )
    frame.to_csv(tmp_path / "diner.csv", index=False)
    project = tmp_path / "project"
    assert main(["init", str(project), "--from", str(tmp_path / "diner.csv")]) == 0
    text = (project / "parameters" / "defaults.yaml").read_text("utf-8")
    kinds = {f["column"]: f["type"] for f in yaml.safe_load(text)["followups"]}
    assert kinds["Food (1-5)"] == "categorical" and kinds["Service out of 5"] == "rating"
    said = (
        "  # 'Food (1-5)' is rated 1–5, not 0–5 as the ratings here: summarised answer by "
        "answer, as mean\n  # ratings compare one scale (followups.scale)."
    )
    assert said in text


def test_a_pair_rated_out_of_10_is_one_block_on_one_scale(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # REVIEW35: "(sur 10)" was no block: the food answered 1–7 read as a 1–7 rating, the
    # service answered 0–10 as a second NPS question, and init left the service out without
    # a word. Two marks stated out of 10 share one scale whatever each one's answers reach.
    food, service = "Note de la cuisine (sur 10)", "Note du service (sur 10)"
    n = 120
    frame = pd.DataFrame(
        {
            "#": [f"t{i:04d}" for i in range(n)],
            "Recommanderiez-vous nos restaurants ? (0-10)": [i % 11 for i in range(n)],
            food: [str(1 + i % 7) for i in range(n)],  # none over 7: still out of 10
            service: [str(i % 11) for i in range(n)],
            "Pourquoi cette note ?": ["Lent" if i % 2 else "Bien" for i in range(n)],
            "Submit Date (UTC)": [f"{1 + i % 28:02d}/11/2026 12:00" for i in range(n)],
        }
    )
    frame.to_csv(tmp_path / "bistro.csv", sep=";", index=False)
    found = _inspected(capsys, tmp_path / "bistro.csv")
    columns = {c["column"]: c for c in found["columns"]}
    assert found["nps_column"] == "Recommanderiez-vous nos restaurants ? (0-10)"
    assert [(columns[c]["kind"], columns[c]["scale"]) for c in (food, service)] == [
        ("rating", [0, 10]),
        ("rating", [0, 10]),
    ]
    assert columns[food]["detail"] == "0–10 as its block"
    said = (
        "The 2 questions rated 'sur 10' are on one scale, 0–10: a mark out of 10 from 0, as "
        "'Note du service (sur 10)' has answers under 1."
    )
    assert said in found["notes"]
    project = tmp_path / "project"
    assert main(["init", str(project), "--from", str(tmp_path / "bistro.csv")]) == 0
    text = (project / "parameters" / "defaults.yaml").read_text("utf-8")
    followups = yaml.safe_load(text)["followups"]
    rated = [(f["column"], f["type"], f.get("scale")) for f in followups if f["type"] != "text"]
    assert rated == [(food, "rating", [0, 10]), (service, "rating", [0, 10])]


def test_the_top_a_header_states_is_the_scale_whatever_the_answers_reach() -> None:
    # Answered only up to 7, a mark "sur 10" is still out of 10 (not a 1–7 scale).
    assert answered_scale("Note (sur 10)", 1, 7) == ((1, 10), True)
    assert answered_scale("Note /10", 0, 10) == ((0, 10), False)
    assert stated_top("Note / 10") == "/10"
    assert stated_top("Accueil 10点満点") == "10点満点"
    assert stated_top("Open 24/7") is None  # hours a day over days a week, no scale
    assert stated_top("Note (sur 10 jours)") is None
    blocks = block_scales([("a", "A (sur 10)", (1, 10)), ("b", "B (sur 10)", (0, 10))])
    assert [(b.columns, b.scale, b.under_one) for b in blocks] == [(("a", "b"), (0, 10), ("b",))]


def test_a_lone_mark_out_of_10_without_another_score_is_the_score(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A "(sur 10)" beside the NPS question is a rating; alone in its export it is still the
    # score inspect finds, as before REVIEW35's fix, and no block's note is said of it.
    n = 60
    frame = pd.DataFrame(
        {
            "Note globale (sur 10)": [i % 11 for i in range(n)],
            "Pourquoi ?": ["Lent" if i % 2 else "Bien" for i in range(n)],
            "Date": [f"2026-11-{1 + i % 28:02d}" for i in range(n)],
        }
    )
    frame.to_csv(tmp_path / "seul.csv", index=False)
    found = _inspected(capsys, tmp_path / "seul.csv")
    assert found["nps_column"] == "Note globale (sur 10)"
    assert {c["column"]: c["kind"] for c in found["columns"]}["Note globale (sur 10)"] == "nps"
    assert not any("sur 10" in note for note in found["notes"])
    # answered from 1, it is a 1–10 score, said as any score without a 0
    frame["Note globale (sur 10)"] = [1 + i % 10 for i in range(n)]
    frame.to_csv(tmp_path / "seul.csv", index=False)
    found = _inspected(capsys, tmp_path / "seul.csv")
    assert found["nps_column"] == "Note globale (sur 10)"
    assert {c["column"]: c["kind"] for c in found["columns"]}["Note globale (sur 10)"] == "scale"
    assert (
        "'Note globale (sur 10)' has no 0 in its answers: the survey may use 1–10, which is not "
        "NPS." in found["notes"]
    )


def test_a_block_s_scale_is_said_in_japanese() -> None:
    # MSG42: inspect in a Japanese project said the block's scale in English.
    (block,) = block_scales(
        [("料理", "料理（5点満点）", (1, 5)), ("接客", "接客（5点満点）", (0, 5))]
    )
    assert block.note("ja") == (
        f"「{block.words}」で評価する2問は、同じ0〜5の尺度です。「接客」に1未満の回答があるため、"
        "0から始まる5点満点として読みます。"
    )
    (one,) = block_scales([("料理", "料理（5点満点）", (1, 5))])
    assert one.note("ja") == "「料理」は1〜5の尺度です（5点満点、1未満の回答はありません）。"
    assert one.note() == "'料理' is on a scale of 1–5 (out of 5, none answered under 1)."
