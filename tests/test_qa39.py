"""QA39's exports of Japanese survey tools (``tests/qa39``) through inspect, score, init and alerts.

Questant (cp932, ``10（非常にすすめたい）``, ``2026/11/03 9:05``), CREATIVE SURVEY (UTF-8 BOM,
``無回答``, ``+0900`` dates), Tayori (UTF-16 TSV, ``8点``/``１０点``, ``2026年11月3日 9:05``, a
``フォーム名`` column of one value), formrun (cp932, its ステータス/担当者/ラベル columns and a
consent question), SurveyMonkey's Japanese interface (two header rows with ``回答`` under the
questions, ``11/03/2026 09:05:12 午前``) and a research agency's 集計表 (XLSX, a merged title
and survey facts above the table, ``0：全くそう思わない`` … ``10：非常にそう思う``, dates as date
cells) with its SA-code twin (1 … 11, コード表 sheet). Every figure is computed again with
pandas from the export (``check.py``).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from _qa import alerts_all, qa_script
from _smtp import Recorder, server  # noqa: F401

from nps_kit._answer_codes import numeric_codes_sentence
from nps_kit._values import parse_date_values
from nps_kit.cli import main
from nps_kit.inspect import inspect_export
from nps_kit.load import load_responses

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


gen = qa_script("qa39", "gen")
check = qa_script("qa39", "check")

# The score, unit and date columns of each export, as the tool names them.
COLUMNS = {
    "questant.csv": (gen.QUESTANT_NPS, gen.QUESTANT_UNIT, gen.QUESTANT_DATE),
    "creative_survey.csv": (gen.CS_NPS, gen.CS_UNIT, gen.CS_DATE),
    "tayori.tsv": (gen.TAYORI_NPS, gen.TAYORI_UNIT, gen.TAYORI_DATE),
    "formrun.csv": (gen.FORMRUN_NPS, gen.FORMRUN_UNIT, gen.FORMRUN_DATE),
    "surveymonkey_ja.csv": (gen.SM_NPS, gen.SM_UNIT, gen.SM_DATE),
    "agency.xlsx": (gen.AGENCY_NPS, gen.AGENCY_UNIT, gen.AGENCY_DATE),
}
UNITS = {**{name: unit for name, (_, unit, _) in COLUMNS.items()}, "agency_codes.xlsx": "エリア"}
SCORED = list(COLUMNS)
CODES = "agency_codes.xlsx"


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("qa39")
    gen.main(root)
    return root


def score_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert main(["score", *args, "--format", "json", "--min-report-n", "0"]) == 0
    return json.loads(capsys.readouterr().out)


def _init(exports: Path, name: str) -> Path:
    project = exports / f"project_{name.split('.')[0]}"
    if not project.exists():
        args = ["init", str(project), "--from", str(exports / name)]
        assert main([*args, "--unit-column", UNITS[name]]) == 0
    return project


def _defaults(project: Path) -> dict:
    return yaml.safe_load((project / "parameters" / "defaults.yaml").read_text("utf-8"))


@pytest.mark.parametrize("name", check.FILES)
def test_pandas_reads_the_export_as_the_generator_wrote_it(name: str, exports: Path) -> None:
    assert check.truth_agrees(name, exports)


@pytest.mark.parametrize("name", SCORED)
def test_score_by_unit_and_month_equals_pandas(
    name: str, exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA39: the SurveyMonkey export's 回答 row was a response and its 午前/午後 dates unread
    # (exit 2, "no date in column '終了日' could be read").
    score, unit, date = COLUMNS[name]
    got = score_json(capsys, str(exports / name), "--score-column", score, "--by", unit,
                     "--period", "month", "--date-column", date)  # fmt: skip
    truth = check.read(name, exports)
    truth["month"] = truth["when"].dt.strftime("%Y-%m")
    expected = {
        (str(u), m): (n, round(v, 4))
        for (u, m), g in truth.groupby(["unit", "month"])
        for n, v in [check.nps(g["score"])]
    }
    seen = {(g["group"][unit], g["group"]["period"]): (g["n"], round(g["nps"], 4))
            for g in got["groups"]}  # fmt: skip
    assert seen == expected
    n, value = check.nps(truth["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, round(value, 4))
    assert got["excluded"]["missing"] == int(truth["score"].isna().sum())
    assert got["excluded"]["invalid"] == 0 and got["excluded"]["unreadable_dates"] == 0


def test_surveymonkey_japanese_header_rows_and_dates_are_read(exports: Path) -> None:
    # QA39: 381 "responses" (the 回答 row one of them), '開始日'/'終了日' free text.
    found = inspect_export(exports / "surveymonkey_ja.csv")
    assert found.load.source == "surveymonkey"
    assert found.responses == 380
    assert found.date_column == gen.SM_DATE
    assert found.column(gen.SM_COMMENT).kind == "text"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("11/03/2026 09:05:12 午前", "2026-11-03 09:05:12"),
     ("11/03/2026 09:05:12 午後", "2026-11-03 21:05:12"),
     ("11/03/2026 12:10:00 午前", "2026-11-03 00:10:00"),
     ("11/03/2026 12:10:00 午後", "2026-11-03 12:10:00")],
)  # fmt: skip
def test_a_month_first_date_with_gozen_gogo_is_read_on_a_24_hour_clock(
    text: str, expected: str
) -> None:
    got = parse_date_values(pd.Series([text]), date_format="month-first").dates
    assert got.iloc[0] == pd.Timestamp(expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("2026/11/03 午前 9:05", "2026-11-03 09:05:00"),
     ("2026/11/03 午後 1:05:33", "2026-11-03 13:05:33"),
     ("2026/11/03 午前 12:10", "2026-11-03 00:10:00")],
)  # fmt: skip
def test_a_date_with_gozen_gogo_before_the_time_is_read(text: str, expected: str) -> None:
    # QA39: Excel's Japanese "yyyy/m/d AM/PM h:mm" was no date.
    assert parse_date_values(pd.Series([text])).dates.iloc[0] == pd.Timestamp(expected)


def test_a_shift_jis_file_marked_utf8_is_one_message_not_a_traceback(
    exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA39: a UTF-8 byte-order mark before cp932 text stopped score with UnicodeDecodeError.
    path = tmp_path / "marked.csv"
    path.write_bytes(b"\xef\xbb\xbf" + (exports / "questant.csv").read_bytes())
    for args in (["score", str(path), "--score-column", gen.QUESTANT_NPS], ["inspect", str(path)]):
        capsys.readouterr()
        assert main(args) == 2
        err = " ".join(capsys.readouterr().err.split())
        assert err == (
            f"nps-kit {args[0]}: error: {path} starts with a UTF-8 byte-order mark but is not "
            "valid UTF-8 at byte 7. The text after the mark reads as cp932 (Shift_JIS): a "
            "Shift_JIS file with a UTF-8 mark written before it, or exports of two encodings "
            "joined. Open it in a text editor and save it again in one encoding (UTF-8, or "
            "Shift_JIS without the mark), or export the survey again."
        )


def test_an_agency_s_codes_1_to_11_are_never_read_as_scores(
    exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA39: read as scores, codes 1 … 10 were each a point off and 11 invalid: NPS −1.0 for
    # the −6.0 of the answers (307 of 386 counted), with nothing but "79 invalid" to say so.
    path = str(exports / CODES)
    said = (
        f"{gen.AGENCY_NPS!r} holds the codes 1 … 11 of an 11-point list, not 0–10 scores (11 "
        "is no score and nobody answered 0), as a research agency's SA code layout writes "
        "them. Which code is which score is in the survey's code table (コード表), not in the "
        "column (code 1 may be 0 points or 10), so it is not read as the score: ask for the "
        "answers as 0–10 scores or as their answer texts (0：全くそう思わない … "
        "10：非常にそう思う), or recode the column from the code table (code 1 = 0 points: "
        "code − 1) and read that."
    )
    # Without the code table (--no-codes): refused. inspect and init read the workbook's
    # コード表 sheet since CODES40 (next test), and score since REVIEW41: pandas' figures.
    capsys.readouterr()
    assert main(["score", path, "--score-column", gen.AGENCY_NPS, "--no-codes"]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert said in err and "Traceback" not in err, err
    got = score_json(capsys, path, "--score-column", gen.AGENCY_NPS)
    n, value = check.nps(check.read(CODES, exports)["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, round(value, 4))


def test_init_reads_the_code_table_and_score_reads_the_project_as_pandas(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # CODES40: the コード表 sheet labels Q1's codes (1 = 0：全くそう思わない) and 性別's.
    project = _init(exports, CODES)
    labels = _defaults(project)["value_labels"]
    assert labels["性別"] == {"1": "男性", "2": "女性"}
    assert labels[gen.AGENCY_NPS]["1"] == "0：全くそう思わない"
    assert labels[gen.AGENCY_NPS]["11"] == "10：非常にそう思う"
    assert _defaults(project)["columns"]["score"] == gen.AGENCY_NPS
    got = score_json(
        capsys,
        str(exports / CODES),
        "--score-column",
        gen.AGENCY_NPS,
        "--parameters",
        str(project / "parameters"),
    )
    n, value = check.nps(check.read(CODES, exports)["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, round(value, 4))


def test_the_codes_recoded_as_the_message_says_give_pandas_figures(
    exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frame = pd.read_excel(exports / CODES, sheet_name="ローデータ", header=5)
    frame[gen.AGENCY_NPS] = frame[gen.AGENCY_NPS] - 1
    out = tmp_path / "recoded.xlsx"
    frame.to_excel(out, index=False)
    got = score_json(capsys, str(out), "--score-column", gen.AGENCY_NPS)
    n, value = check.nps(check.read(CODES, exports)["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, round(value, 4))


@pytest.mark.parametrize(
    ("cells", "coded"),
    [([*range(1, 12)] * 5, True),  # the codes
     (["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "11", "11"], True),
     ([*range(11)] * 5 + [11, 11, 11], False),  # 0–10 with typed 11s: 0 answered
     ([*range(1, 11)] * 5, False),  # a 1–10 scale: no 11
     ([*range(1, 11)] * 30 + [11], False),  # one stray 11 in 301 answers
     ([*range(1, 8)] * 5 + [11] * 5, False)],  # too few codes
)  # fmt: skip
def test_numeric_codes_are_said_only_for_an_11_point_list(cells: list, coded: bool) -> None:
    assert (numeric_codes_sentence("Q1", pd.Series(cells, dtype=object)) is not None) is coded


def test_dates_without_a_time_make_no_double_submissions(exports: Path) -> None:
    # QA39: two people's same answers on one day (date cells, 00:00) were "sent at most 60
    # seconds" apart: inspect said a double submission and dedupe: resubmissions dropped it.
    found = inspect_export(exports / "agency.xlsx")
    assert not any("double submission" in note for note in found.notes)
    loaded = load_responses(exports / "agency.xlsx", score_column=gen.AGENCY_NPS,
                            date_column=gen.AGENCY_DATE, dedupe="resubmissions")  # fmt: skip
    assert len(loaded.data) == 400


def test_init_proposes_no_breakdown_of_one_value(exports: Path) -> None:
    # QA39: Tayori's フォーム名 (the form's name on every row) was proposed as a breakdown.
    d = _defaults(_init(exports, "tayori.tsv"))
    assert "フォーム名" not in [b["column"] for b in d["breakdowns"]]


@pytest.mark.parametrize("name", SCORED)
def test_init_reads_each_tool_s_columns(name: str, exports: Path) -> None:
    d = _defaults(_init(exports, name))
    score, _, date = COLUMNS[name]
    assert (d["columns"]["score"], d["columns"]["date"]) == (score, date)
    assert d["language"] == "ja"
    units = {p.stem for p in (_init(exports, name) / "parameters").glob("*.yaml")}
    assert units - {"defaults", "playbook", "themes"} == set(check.read(name, exports)["unit"])


def test_alerts_for_formrun_list_exactly_pandas_contactable_detractors(
    exports: Path, smtp: Recorder, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = alerts_all(_init(exports, "formrun.csv"), "2026-11-20", capsys)
    assert code == 0, err
    t = check.read("formrun.csv", exports)
    keep = (t["score"] <= 6) & (t["when"] >= pd.Timestamp("2026-11-20")) & t["consent"]
    expected = t.loc[keep, "unit"].value_counts().to_dict()
    got = {}
    for message in smtp.received:
        subject = " ".join(str(message.message["Subject"]).split())
        unit = next(u for u in expected if u in subject)
        found = re.search(r"(\d+)人$", subject)
        assert found is not None, subject
        got[unit] = int(found[1])
    assert got == expected


@pytest.mark.slow
def test_run_and_send_of_the_surveymonkey_hotels_carry_pandas_figures(
    exports: Path, smtp: Recorder, tmp_path: Path
) -> None:
    # The whole path on real kernels and a real SMTP server: each hotel's November NPS, n and
    # change from October in manifest.json, its report (no traceback or warning) and subject.
    import os
    import subprocess
    import sys

    project = _init(exports, "surveymonkey_ja.csv")
    hotels = ["ホテル京都駅前", "ホテル札幌"]
    for k, hotel in enumerate(hotels):
        unit = project / "parameters" / f"{hotel}.yaml"
        unit.write_text(unit.read_text("utf-8") + f"\nmail:\n  to: [hotel{k}@example.com]\n")
    folders = ["--parameters", str(project / "parameters"), "--output", str(tmp_path / "reports")]
    done = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "run", *hotels, "--period", "2026-11",
         "--notebook", str(project / "notebooks" / "nps_report.ipynb"), *folders],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    now = check.by_unit("surveymonkey_ja.csv", exports, "2026-11")
    before = check.by_unit("surveymonkey_ja.csv", exports, "2026-10")
    out = tmp_path / "reports" / "2026-11"
    manifest = json.loads((out / "manifest.json").read_text("utf-8"))
    for unit in manifest["units"]:
        s, (n, value) = unit["summary"], now[unit["name"]]
        change = next(c for c in s["changes"] if c["kind"] == "previous")
        assert (s["n"], round(s["nps"], 6)) == (n, round(value, 6)), unit["name"]
        assert change["diff"] == pytest.approx(round(value, 1) - round(before[unit["name"]][1], 1))
        html = re.sub(r"<script.*?</script>|<style.*?</style>", "", (out / unit["html"]).read_text(
            "utf-8"), flags=re.S)  # fmt: skip
        assert not re.search(r"Traceback|Warning|Error", re.sub(r"<[^>]+>", " ", html))
    assert main(["send", *hotels, "--period", "2026-11", *folders]) == 0
    subjects = [" ".join(str(m.message["Subject"]).split()) for m in smtp.received]
    assert len(subjects) == 2
    for hotel in hotels:
        subject = next(s for s in subjects if hotel in s)
        shown = f"{round(now[hotel][1], 1):+.1f}"
        assert shown in subject or shown.replace("-", "−") in subject, subject
