from __future__ import annotations

import csv
import io
import json
import re
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from _exports import (
    MONKEY_NPS,
    MONKEY_OPTIONS,
    MONKEY_SERVICES,
    monkey_services,
    write_google_forms,
    write_qualtrics,
    write_surveymonkey_xlsx,
)

from nps_kit.cli import main
from nps_kit.load import load_responses
from nps_kit.params import load_all
from nps_kit.score import nps

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


# EC事業部: 10 9 3 7 + 無回答 → n 4, NPS 25. 店舗事業部: 10 0 0 8 + abc → n 4, NPS −25.
# Cloud Platform: 9 10 10 6 8 → n 5, NPS 40. All: n 13, 6 / 3 / 4, NPS 15.4; 1 missing, 1 invalid.
ROWS = """\
id,部門,score,date,channel,weight
1,EC事業部,10,2026-09-03,web,1
2,EC事業部,9,2026-10-04,app,1
3,EC事業部,3,2026-10-05,web,1
4,EC事業部,7,2026-09-06,web,1
5,EC事業部,無回答,2026-10-07,web,1
6,店舗事業部,10,2026-09-08,store,0.5
7,店舗事業部,0,2026-10-09,store,1
8,店舗事業部,0,2026-10-10,web,1
9,店舗事業部,8,2026-10-11,store,1
10,店舗事業部,abc,2026-10-12,store,1
11,Cloud Platform,9,2026-09-13,web,1
12,Cloud Platform,10,2026-10-14,web,1
13,Cloud Platform,10,2026-10-15,app,1
14,Cloud Platform,6,2026-10-16,web,1
15,Cloud Platform,8,2026-10-17,web,1
"""
STATS = ("n", "promoters", "passives", "detractors", "nps", "ci_low", "ci_high")


@pytest.fixture
def export(tmp_path: Path) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(ROWS, encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def _fixed_terminal_width(monkeypatch: pytest.MonkeyPatch) -> None:
    # argparse wraps its usage text to the terminal width.
    monkeypatch.setenv("COLUMNS", "80")


def run(capsys: pytest.CaptureFixture[str], *args: str | Path) -> tuple[int, str, str]:
    status = main(["score", *(str(a) for a in args)])
    out, err = capsys.readouterr()
    return status, out, err


def library_stats(path: Path, query: str | None = None) -> dict[str, Any]:
    data = load_responses(path).data
    if query is not None:
        data = data.query(query)
    result = nps(data).to_dict()
    return {k: result[k] for k in STATS}


def width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


# --- table ---------------------------------------------------------------------------------------


def test_table(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    status, out, err = run(
        capsys, export, "--score-column", "score", "--by", "部門", "--min-report-n", "0"
    )
    assert (status, err) == (0, "")
    assert out == (
        "部門             n  promoters  passives  detractors    NPS         95% CI  note\n"
        "(all)           13          6         3           4   15.4  -28.6 to 53.6  small sample\n"
        "Cloud Platform   5          3         1           1   40.0  -29.8 to 79.8  small sample\n"
        "EC事業部         4          2         1           1   25.0  -44.2 to 72.7  small sample\n"
        "店舗事業部       4          1         1           2  -25.0  -72.7 to 44.2  small sample\n"
        "excluded: 1 missing, 1 invalid\n"
    )


def test_table_aligns_japanese_names_by_display_width(
    capsys: pytest.CaptureFixture[str], export: Path
) -> None:
    _, out, _ = run(capsys, export, "--score-column", "score", "--by", "部門")
    lines = out.splitlines()[:-1]
    # Every line's second cell (n, right-aligned) ends at the same terminal column, which
    # counting characters instead of cells would get wrong for the Japanese names.
    prefixes = []
    for line in lines:
        match = re.match(r"\S+(?: Platform)?\s+\S+", line)
        assert match is not None
        prefixes.append(match.group(0))
    assert {width(p) for p in prefixes} == {len("Cloud Platform") + 2 + len("13")}
    assert len({len(p) for p in prefixes}) > 1  # in characters they differ


def test_table_hides_small_groups(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    _, out, _ = run(capsys, export, "--score-column", "score", "--by", "部門")
    assert out.splitlines()[3:5] == [
        "EC事業部         4          —         —           —     —"
        "              —  hidden: n < floor",
        "店舗事業部       4          —         —           —     —"
        "              —  hidden: n < floor",
    ]


def test_table_by_month(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    status, out, _ = run(
        capsys, export, "--score-column", "score", "--period", "month", "--date-column", "date"
    )
    assert status == 0
    # The months partition "(all)": September (4) would be all minus October, so October is
    # hidden too (PRIV56's secondary rule).
    assert out == (
        "period    n  promoters  passives  detractors   NPS         95% CI  note\n"
        "(all)    13          6         3           4  15.4  -28.6 to 53.6  small sample\n"
        "2026-09   4          —         —           —     —              —  hidden: n < floor\n"
        "2026-10   9          —         —           —     —              —  hidden: else a group "
        "under the floor follows from the total\n"
        "excluded: 1 missing, 1 invalid\n"
    )


def test_help_shows_a_plain_percent_sign(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["score", "--help"])
    assert exit_.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "NPS with its 95% adjusted-Wald interval" in out


# --- JSON ----------------------------------------------------------------------------------------


def test_json_without_groups(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    status, out, err = run(capsys, export, "--score-column", "score", "--format", "json")
    assert (status, err) == (0, "")
    document = json.loads(out)
    assert list(document) == ["overall", "groups", "excluded", "notes"]
    assert list(document["overall"]) == list(STATS)
    overall = document["overall"]
    assert [overall[k] for k in ("n", "promoters", "passives", "detractors")] == [13, 6, 3, 4]
    assert all(type(overall[k]) is int for k in ("n", "promoters", "passives", "detractors"))
    assert overall["nps"] == pytest.approx(100 * 2 / 13, abs=1e-6)
    assert overall == pytest.approx(library_stats(export), abs=1e-6)
    assert document["groups"] == []
    assert document["excluded"] == {"missing": 1, "invalid": 1}


def test_json_one_key(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    _, out, _ = run(capsys, export, "--score-column", "score", "--by", "部門", "--format", "json")
    groups = json.loads(out)["groups"]
    assert [g["group"] for g in groups] == ["Cloud Platform", "EC事業部", "店舗事業部"]
    # Each group says why its figures are blank: too few of its own, or to protect another's.
    assert all(list(g) == ["group", *STATS, "suppressed", "complementary"] for g in groups)
    assert [(g["suppressed"], g["complementary"]) for g in groups] == [
        (False, False),
        (True, False),
        (True, False),
    ]
    cloud = groups[0]
    assert {k: cloud[k] for k in STATS} == pytest.approx(
        library_stats(export, "部門 == 'Cloud Platform'"), abs=1e-6
    )
    assert cloud["nps"] == 40
    # Fewer than 5 answers: the counts and NPS are hidden, n is kept.
    assert {k: groups[1][k] for k in STATS} == {
        "n": 4,
        "promoters": None,
        "passives": None,
        "detractors": None,
        "nps": None,
        "ci_low": None,
        "ci_high": None,
    }


def test_json_several_keys_make_group_an_object(
    capsys: pytest.CaptureFixture[str], export: Path
) -> None:
    _, out, _ = run(
        capsys,
        export,
        "--score-column",
        "score",
        "--by",
        "部門",
        "--by",
        "channel",
        "--format",
        "json",
        "--min-report-n",
        "0",
    )
    groups = json.loads(out)["groups"]
    assert [g["group"] for g in groups] == [
        {"部門": "Cloud Platform", "channel": "app"},
        {"部門": "Cloud Platform", "channel": "web"},
        {"部門": "EC事業部", "channel": "app"},
        {"部門": "EC事業部", "channel": "web"},
        {"部門": "店舗事業部", "channel": "store"},
        {"部門": "店舗事業部", "channel": "web"},
    ]
    assert [(g["n"], g["nps"]) for g in groups] == [
        (1, 100),
        (4, 25),
        (1, 100),
        (3, 0),
        (3, 0),
        (1, -100),
    ]


def test_json_by_key_and_month(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    _, out, _ = run(
        capsys,
        export,
        "--score-column",
        "score",
        "--by",
        "部門",
        "--period",
        "month",
        "--date-column",
        "date",
        "--format",
        "json",
        "--min-report-n",
        "0",
    )
    groups = json.loads(out)["groups"]
    assert [(g["group"], g["n"]) for g in groups] == [
        ({"部門": "Cloud Platform", "period": "2026-09"}, 1),
        ({"部門": "Cloud Platform", "period": "2026-10"}, 4),
        ({"部門": "EC事業部", "period": "2026-09"}, 2),
        ({"部門": "EC事業部", "period": "2026-10"}, 2),
        ({"部門": "店舗事業部", "period": "2026-09"}, 1),
        ({"部門": "店舗事業部", "period": "2026-10"}, 3),
    ]


def test_json_month_only(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    _, out, _ = run(
        capsys,
        export,
        "--score-column",
        "score",
        "--period",
        "month",
        "--date-column",
        "date",
        "--format",
        "json",
    )
    groups = json.loads(out)["groups"]
    # October is hidden with September: the months partition the total (PRIV56).
    assert [(g["group"], g["n"], g["nps"], g["complementary"]) for g in groups] == [
        ("2026-09", 4, None, False),
        ("2026-10", 9, None, True),
    ]


# --- CSV -----------------------------------------------------------------------------------------


def read_csv(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_overall(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    status, out, _ = run(capsys, export, "--score-column", "score", "--format", "csv")
    assert status == 0
    assert out == (
        "n,promoters,passives,detractors,pct_promoters,pct_passives,pct_detractors,nps,"
        "ci_low,ci_high,n_eff,small_sample\n"
        "13,6,3,4,46.1538,23.0769,30.7692,15.3846,-28.587,53.587,13,True\n"
    )


def test_csv_groups(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    _, out, _ = run(capsys, export, "--score-column", "score", "--by", "部門", "--format", "csv")
    rows = read_csv(out)
    assert [r["部門"] for r in rows] == ["Cloud Platform", "EC事業部", "店舗事業部"]
    assert [(r["n"], r["promoters"], r["nps"], r["suppressed"]) for r in rows] == [
        ("5", "3", "40", "False"),
        ("4", "", "", "True"),
        ("4", "", "", "True"),
    ]


def test_csv_weighted_counts_keep_their_fraction(
    capsys: pytest.CaptureFixture[str], export: Path
) -> None:
    _, out, _ = run(
        capsys,
        export,
        "--score-column",
        "score",
        "--weight-column",
        "weight",
        "--by",
        "部門",
        "--format",
        "csv",
        "--min-report-n",
        "0",
    )
    store = read_csv(out)[2]
    assert (store["部門"], store["n"], store["promoters"], store["detractors"]) == (
        "店舗事業部",
        "4",
        "0.5",
        "2",
    )
    assert store["n_eff"] == "3.7692"  # 3.5² / 3.25


def test_csv_large_counts_are_not_in_scientific_notation(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "big.csv"
    path.write_text("unit,score\n" + "a,10\n" * 12_345 + "a,0\n" * 10_001, encoding="utf-8")
    _, out, _ = run(capsys, path, "--score-column", "score", "--by", "unit", "--format", "csv")
    row = read_csv(out)[0]
    assert (row["n"], row["promoters"], row["detractors"], row["n_eff"]) == (
        "22346",
        "12345",
        "10001",
        "22346",
    )
    _, out, _ = run(capsys, path, "--score-column", "score", "--format", "csv")
    assert read_csv(out)[0]["n_eff"] == "22346"


# --- input options -------------------------------------------------------------------------------


def test_strict_fails_on_an_invalid_score(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    status, out, err = run(capsys, export, "--score-column", "score", "--strict")
    assert (status, out) == (2, "")
    assert err == (
        f"nps-kit score: error: {export}: 1 invalid score(s) in column 'score': row 11: 'abc'. "
        "Scores must be whole numbers 0–10 (blank, NA, N/A, #N/A, NaN, None, NULL, <NA>, \\N, "
        "-, 無回答, 未回答, * count as missing; data.missing_values adds more); fix these cells, "
        "or load without strict to count them as invalid.\n"
    )


def test_strict_passes_clean_data(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "clean.csv"
    path.write_text("score\n10\n無回答\n3\n", encoding="utf-8")
    status, out, _ = run(capsys, path, "--score-column", "score", "--strict", "--format", "json")
    assert status == 0
    assert json.loads(out)["excluded"] == {"missing": 1, "invalid": 0}


# A clinic export in UTF-16 with tabs, as Excel saves "Unicode text": dates in 西暦 and 和暦,
# two of them unreadable. September: 9 3 8 → n 3; October: 10 6 9 0 → n 4.
CLINIC = (
    "回答ID\t回答日\t医院名\t推奨度\n"
    "D1\t2026/09/03\t大宮院\t9\n"
    "D2\t令和8年9月4日\t大宮院\t3\n"
    "D3\tR8.9.30\t大宮院\t8\n"
    "D4\t令和8年10月1日\t大宮院\t10\n"
    "D5\t2026/10/02\t大宮院\t6\n"
    "D6\tR8/10/3\t大宮院\t9\n"
    "D7\t令和8年10月31日\t大宮院\t0\n"
    "D8\t10月5日\t大宮院\t9\n"
    "D9\t先週\t大宮院\t10\n"
)
UNREAD_MESSAGE = (
    "2 of 9 responses have a date in column '回答日' that could not be read, such as "
    "'10月5日', '先週'. A response without a readable date belongs to no period and is left "
    "out of every period's figures."
)
UNREAD_HINT = (
    "Write these cells in a form nps-kit reads (2026-10-03, 2026/10/03, 2026年10月3日, "
    "令和8年10月3日, R8.10.3), or give date_format (--date-format) a strftime pattern such as "
    "'%d.%m.%Y'."
)


@pytest.fixture
def clinic(tmp_path: Path) -> Path:
    path = tmp_path / "clinic.txt"
    path.write_bytes(CLINIC.replace("\n", "\r\n").encode("utf-16"))
    return path


def by_month(*extra: str) -> tuple[str, ...]:
    return ("--score-column", "推奨度", "--date-column", "回答日", "--period", "month", *extra)


def test_era_dates_count_in_their_months_and_unreadable_ones_are_said(
    capsys: pytest.CaptureFixture[str], clinic: Path
) -> None:
    status, out, err = run(capsys, clinic, *by_month("--min-report-n", "0"))
    assert status == 0
    assert out.splitlines()[1:] == [
        "(all)    9          5         1           3  22.2  -32.8 to 66.1  small sample",
        "2026-09  3          1         1           1   0.0  -61.1 to 61.1  small sample",
        "2026-10  4          2         0           2   0.0  -65.7 to 65.7  small sample",
        "excluded: 0 missing, 0 invalid; 2 unreadable dates (in no period); 2 scored answers "
        "with no date (in (all), in no period)",
    ]
    assert err == (
        f"warning: {UNREAD_MESSAGE} {UNREAD_HINT}\n"
        # QA24: read right, and now said.
        "note: 5 dates in '回答日' written in the Japanese era (令和8年11月3日) were read as "
        "dates.\n"
    )


def test_json_says_which_dates_could_not_be_read_and_what_to_do(
    capsys: pytest.CaptureFixture[str], clinic: Path
) -> None:
    status, out, _ = run(capsys, clinic, *by_month("--format", "json"))
    assert status == 0
    result = json.loads(out)
    assert result["excluded"] == {"missing": 0, "invalid": 0, "unreadable_dates": 2, "undated": 2}
    assert result["unreadable_dates"] == {
        "column": "回答日",
        "count": 2,
        "total": 9,
        "examples": ["10月5日", "先週"],
        "message": UNREAD_MESSAGE,
        "hint": UNREAD_HINT,
    }
    assert [g["n"] for g in result["groups"]] == [3, 4]


def test_strict_fails_on_an_unreadable_date(
    capsys: pytest.CaptureFixture[str], clinic: Path
) -> None:
    status, out, err = run(capsys, clinic, *by_month("--strict"))
    assert (status, out) == (2, "")
    assert err == (
        f"nps-kit score: error: {clinic}: 2 unreadable date(s) in column '回答日' (date_column): "
        f"row 9: '10月5日', row 10: '先週'. {UNREAD_HINT} Or load without strict to leave them "
        "out of every period.\n"
    )


def test_readable_dates_give_no_warning(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    options = ("--period", "month", "--date-column", "date", "--format", "json")
    status, out, err = run(capsys, export, "--score-column", "score", *options)
    assert (status, err) == (0, "")
    assert json.loads(out)["unreadable_dates"] is None


def test_sheet_by_name_and_index(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "export.xlsx"
    with pd.ExcelWriter(path) as writer:
        pd.DataFrame({"score": [0, 1]}).to_excel(writer, sheet_name="メモ", index=False)
        pd.DataFrame({"score": [9, 10, 7], "id": [1, 2, 3]}).to_excel(
            writer, sheet_name="回答", index=False
        )
    for sheet in ("回答", "1"):
        _, out, _ = run(
            capsys, path, "--score-column", "score", "--sheet", sheet, "--format", "json"
        )
        overall = json.loads(out)["overall"]
        assert (overall["n"], overall["nps"]) == (3, pytest.approx(200 / 3, abs=1e-6))
    _, out, _ = run(capsys, path, "--score-column", "score", "--format", "json")
    assert json.loads(out)["overall"]["nps"] == -100
    status, out, err = run(capsys, path, "--score-column", "score", "--sheet", "回答2")
    assert (status, out) == (2, "")
    assert err == (
        f"nps-kit score: error: {path} has no sheet '回答2'; sheets: 'メモ', '回答'. "
        "Pass --sheet (sheet= in Python) one of these names or a 0-based index.\n"
    )


def test_encoding_cp932(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "sjis.csv"
    path.write_bytes("部門,score\n店舗事業部,9\n店舗事業部,3\n".encode("cp932"))
    status, out, _ = run(
        capsys, path, "--score-column", "score", "--by", "部門", "--encoding", "cp932",
        "--format", "json", "--min-report-n", "0",
    )  # fmt: skip
    assert status == 0
    assert [(g["group"], g["n"]) for g in json.loads(out)["groups"]] == [("店舗事業部", 2)]
    status, out, err = run(capsys, path, "--score-column", "score", "--encoding", "utf-8")
    assert (status, out) == (2, "")
    assert err == (
        f"nps-kit score: error: {path} is not valid utf-8 at byte 0; try --encoding cp932.\n"
    )


# --- user mistakes: exit 2, one message, no traceback ---------------------------------------------


def test_missing_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "nope.csv"
    assert run(capsys, path, "--score-column", "score") == (
        2,
        "",
        f"nps-kit score: error: cannot read {path}: the file does not exist. Check the path and "
        "the file name (relative paths start from the current folder, or from the parameter "
        "file's folder in parameters/*.yaml).\n",
    )


def test_missing_score_column_suggests_closest(
    capsys: pytest.CaptureFixture[str], export: Path
) -> None:
    assert run(capsys, export, "--score-column", "scroe") == (
        2,
        "",
        f"nps-kit score: error: {export} has no column 'scroe' (--score-column); columns: 'id', "
        "'部門', 'score', 'date', 'channel', 'weight'. Did you mean 'score'? Set --score-column "
        "to one of these columns.\n",
    )


@pytest.mark.parametrize(
    ("option", "written"),
    [("--score-column", "recommend"), ("--date-column", "started"), ("--by", "plann")],
)
def test_a_word_of_a_long_question_suggests_it(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, option: str, written: str
) -> None:
    # SurveyMonkey names columns by their question: a word of it is what people type.
    export = tmp_path / "monkey.csv"
    question = "How likely is it that you would recommend us to a friend?"
    export.write_text(
        f'Start Date,"{question}",Which plan are you on?\n2026-10-01,9,Team\n',
        encoding="utf-8",
    )
    named = {"--score-column": question, "--date-column": "Start Date", "--by": ""}
    named[option] = written
    argv = ["--score-column", named["--score-column"], "--date-column", named["--date-column"]]
    argv += ["--by", named["--by"]] if named["--by"] else []
    status, out, err = run(capsys, export, *argv)
    meant = {
        "--score-column": question,
        "--date-column": "Start Date",
        "--by": "Which plan are you on?",
    }
    assert (status, out) == (2, "")
    assert err == (
        f"nps-kit score: error: {export} has no column {written!r} ({option}); columns: "
        f"'Start Date', '{question}', 'Which plan are you on?'. Did you mean "
        f"{meant[option]!r}? Set {option} to one of these columns.\n"
    )


def test_missing_by_column_suggests_closest(
    capsys: pytest.CaptureFixture[str], export: Path
) -> None:
    assert run(capsys, export, "--score-column", "score", "--by", "chanel") == (
        2,
        "",
        f"nps-kit score: error: {export} has no column 'chanel' (--by); columns: 'id', '部門', "
        "'score', 'date', 'channel', 'weight'. Did you mean 'channel'? Set --by to one of these "
        "columns.\n",
    )


def test_bad_option_value(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["score", str(export), "--score-column", "score", "--format", "xml"])
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err == (
        "usage: nps-kit score [-h] --score-column COL [--by COL]\n"
        "                     [--period {week,month,quarter,fiscal-year,fiscal-quarter}]\n"
        "                     [--fiscal-start M] [--date-column COL]\n"
        "                     [--date-format FMT] [--weight-column COL]\n"
        "                     [--id-column COL] [--dedupe [resubmissions]]\n"
        "                     [--dedupe-keep earliest|latest] [--exclude COL=VALUE]\n"
        "                     [--parameters DIR] [--sheet NAME]\n"
        "                     [--codes FILE | --no-codes] [--encoding ENC] [--strict]\n"
        "                     [--format {table,json,csv}] [--level P] [--min-n N]\n"
        "                     [--min-report-n N] [--language ja|en]\n"
        "                     DATA\n"
        "nps-kit score: error: argument --format: invalid choice: 'xml' "
        "(choose from 'table', 'json', 'csv')\n"
    )


def test_bad_level(capsys: pytest.CaptureFixture[str], export: Path) -> None:
    assert run(capsys, export, "--score-column", "score", "--level", "95") == (
        2,
        "",
        "nps-kit score: error: --level must be between 0 and 1, got 95.0.\n",
    )


def test_period_needs_date_column_and_names_the_export_s_own(
    capsys: pytest.CaptureFixture[str], export: Path, tmp_path: Path
) -> None:
    # QA42: a Google Forms download was told "e.g. --date-column submitted_at" beside its own
    # Timestamp; the hint names the date column inspect finds.
    assert run(capsys, export, "--score-column", "score", "--period", "month") == (
        2,
        "",
        "nps-kit score: error: --period needs --date-column. Name the column with the response "
        "date; in this export: --date-column date.\n",
    )
    forms = tmp_path / "forms.csv"
    forms.write_text(
        "Timestamp,How likely are you to recommend us?\n"
        + "".join(f"11/{d}/2026 9:05:12,{d % 11}\n" for d in range(1, 21)),
        encoding="utf-8",
    )
    assert run(capsys, forms, "--score-column", "How likely", "--period", "month")[2].endswith(
        "in this export: --date-column Timestamp.\n"
    )
    undated = tmp_path / "undated.csv"
    undated.write_text("score\n" + "".join(f"{d % 11}\n" for d in range(20)), encoding="utf-8")
    assert run(capsys, undated, "--score-column", "score", "--period", "month")[2].endswith(
        "e.g. --date-column submitted_at.\n"
    )


def test_binary_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    assert run(capsys, path, "--score-column", "score") == (
        2,
        "",
        f"nps-kit score: error: cannot read {path} as CSV: it looks binary (a NUL byte at byte "
        "8). Export the survey again as CSV, XLSX or Parquet; a file of another type renamed to "
        "this extension cannot be read.\n",
    )


def test_zip_file_with_csv_name(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_bytes(b"PK\x03\x04not really a workbook")
    status, out, err = run(capsys, path, "--score-column", "score")
    assert (status, out) == (2, "")
    assert err.startswith(f"nps-kit score: error: cannot read {path} as XLSX: ")


def test_header_only_file(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "empty.csv"
    path.write_text("id,score\n", encoding="utf-8")
    assert run(capsys, path, "--score-column", "score", "--format", "json") == (
        0,
        json.dumps(
            {
                "overall": {
                    "n": 0,
                    "promoters": 0,
                    "passives": 0,
                    "detractors": 0,
                    "nps": None,
                    "ci_low": None,
                    "ci_high": None,
                },
                "groups": [],
                "excluded": {"missing": 0, "invalid": 0},
                "notes": [],
            }
        )
        + "\n",
        "",
    )
    assert run(capsys, path, "--score-column", "score") == (
        0,
        "group  n  promoters  passives  detractors  NPS  95% CI  note\n"
        "(all)  0          0         0           0    —       —  no valid responses\n"
        "excluded: 0 missing, 0 invalid\n",
        "",
    )


def test_no_groups_at_all(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text("id,score\n", encoding="utf-8")
    status, out, _ = run(capsys, path, "--score-column", "score", "--format", "json", "--by", "id")
    assert status == 0
    assert json.loads(out)["groups"] == []


def test_unreadable_date_column_is_an_error_not_an_empty_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "export.csv"
    path.write_text("score,date\n9,someday\n7,soon\n", encoding="utf-8")
    options = ["--period", "month", "--date-column", "date"]
    assert run(capsys, path, "--score-column", "score", *options) == (
        2,
        "",
        f"nps-kit score: error: {path}: no date in column 'date' (date_column) could be read "
        "(e.g. 'someday', 'soon'); accepted forms: ISO (2026-10-03, 2026-10-03T09:15:00), "
        "2026/10/03 9:15, 2026年10月3日 9時15分, Japanese era dates (令和8年10月3日, "
        "令和元年5月1日, R8.10.3, R8/10/3, H31-4-30), Google Forms' 2026/11/03 9:05:33 午前 GMT+9, "
        "Excel's 2026/11/03 午前 9:05, SurveyMonkey's 11/03/2026 09:05:33 午前, "
        "Nov 3, 2026 9:05 AM, Excel serial numbers, Unix epoch seconds "
        "or milliseconds (1761958394, UTC), and day/month/year or "
        "month/day/year with a 2- or 4-digit year (13/12/2019, 12/13/2019 9:50:30, 9/8/18 "
        "15:29). Check that this is the date column, or pass --date-format (date_format in "
        "parameters) with a strftime pattern such as '%d.%m.%Y %H:%M'.\n",
    )


# --- the installed console script ----------------------------------------------------------------


def test_console_script(export: Path) -> None:
    script = Path(sys.executable).with_name("nps-kit")
    done = subprocess.run(
        [script, "score", export, "--score-column", "score", "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert (done.returncode, done.stderr) == (0, "")
    assert json.loads(done.stdout)["overall"]["n"] == 13
    failed = subprocess.run(
        [script, "score", export, "--score-column", "scroe"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        timeout=120,
    )
    assert (failed.returncode, failed.stdout) == (2, "")
    assert failed.stderr.startswith(f"nps-kit score: error: {export} has no column 'scroe'")
    assert "Traceback" not in failed.stderr


# --- real exports: columns by QID, US dates, duplicates ----------------------------------------


def test_by_and_score_by_qid_and_question_text(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_qualtrics(tmp_path / "q.csv", n=30)
    status, out, err = run(
        capsys, path, "--score-column", "QID74", "--by", "What is your gender?",
        "--format", "json", "--min-report-n", "0",
    )  # fmt: skip
    assert (status, err) == (0, "")
    groups = json.loads(out)["groups"]
    assert [(g["group"], g["n"]) for g in groups] == [
        ("Female", 10),
        ("Male", 10),
        ("Non-binary", 10),
    ]


def test_us_dates_by_month(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_google_forms(tmp_path / "g.csv", n=48)
    score = "How likely are you to recommend this workshop to a friend?"
    status, out, err = run(
        capsys, path, "--score-column", score, "--period", "month", "--date-column", "Timestamp",
        "--format", "json", "--min-report-n", "0",
    )  # fmt: skip
    assert (status, err) == (0, "")
    assert [(g["group"], g["n"]) for g in json.loads(out)["groups"]] == [
        ("2019-11", 24),
        ("2019-12", 24),
    ]


def test_exact_duplicate_rows_are_noted(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("score,comment\n9,ok\n9,ok\n3,slow\n", encoding="utf-8")
    status, _, err = run(capsys, path, "--score-column", "score")
    assert status == 0
    assert err == (
        "note: 1 row(s) repeat an earlier row exactly and are counted again; drop them with "
        "--dedupe (dedupe: true in the parameters of nps-kit run).\n"
    )


def test_dedupe_drops_repeated_rows_and_ids_as_the_report_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # R1 twice exactly, R2 resubmitted with another score: the report (dedupe: true) keeps the
    # first of each, so 9 and 3 -> NPS 0; without --dedupe all four count.
    path = tmp_path / "d.csv"
    path.write_text("id,score\nR1,9\nR1,9\nR2,3\nR2,10\n", encoding="utf-8")
    args = ("--score-column", "score", "--id-column", "id", "--format", "json")
    status, out, err = run(capsys, path, *args)
    assert status == 0
    assert json.loads(out)["overall"]["n"] == 4
    assert err == (
        "note: 1 row(s) repeat an earlier row exactly and 1 row(s) repeat an earlier 'id' and are "
        "counted again; drop them with --dedupe (dedupe: true in the parameters of nps-kit run).\n"
    )
    status, out, err = run(capsys, path, *args, "--dedupe")
    assert status == 0
    overall = json.loads(out)["overall"]
    assert (overall["n"], overall["nps"]) == (2, 0.0)
    assert err == "note: 2 row(s) repeating an earlier row or id were dropped (--dedupe).\n"


# A Google Forms export: the 9 of 11:00:00 sent again 4 s later (a second click on Submit),
# and an exact duplicate row of the 3. One per submission: 9, 3, 10 -> n 3, NPS 33.3.
RESUBMITTED = """\
Timestamp,How likely are you to recommend us?,Why?
11/23/2026 11:00:00,9,Lovely staff
11/23/2026 11:00:04,9,Lovely staff
11/23/2026 12:00:00,3,Rude
11/23/2026 12:00:00,3,Rude
11/24/2026 09:00:00,10,
"""


def test_dedupe_resubmissions_drops_double_submissions_as_the_parameters_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA20: a unit could say dedupe: resubmissions, but nps-kit score had no such choice, so
    # its figures could not be checked against the report's.
    path = tmp_path / "form.csv"
    path.write_text(RESUBMITTED, encoding="utf-8")
    args = ("--score-column", "How likely are you to recommend us?", "--format", "json")
    dated = (*args, "--date-column", "Timestamp")
    resubmitted = (
        "note: 1 row repeats the answers of a response sent at most 60 seconds earlier (a double "
        "submission, as a second click on Submit makes); --dedupe resubmissions drops them, with "
        "the exact duplicates.\n"
    )
    status, out, err = run(capsys, path, *dated)
    assert (status, json.loads(out)["overall"]["n"]) == (0, 5)
    assert err == (
        "note: 1 row(s) repeat an earlier row exactly and are counted again; drop them with "
        "--dedupe (dedupe: true in the parameters of nps-kit run).\n" + resubmitted
    )
    status, out, err = run(capsys, path, *dated, "--dedupe")
    assert (status, json.loads(out)["overall"]["n"]) == (0, 4)
    assert err == "note: 1 row(s) repeating an earlier row or id were dropped (--dedupe).\n" + (
        resubmitted
    )
    status, out, err = run(capsys, path, *dated, "--dedupe", "resubmissions")
    overall = json.loads(out)["overall"]
    assert (status, overall["n"], overall["nps"]) == (0, 3, pytest.approx(100 / 3))
    assert err == (
        "note: 2 row(s) repeating an earlier row or id or resubmitting one were dropped "
        "(--dedupe resubmissions).\n"
    )
    # The same figures as the loader gives a unit whose parameters say dedupe: resubmissions.
    unit = load_responses(
        path,
        score_column="How likely are you to recommend us?",
        date_column="Timestamp",
        dedupe="resubmissions",
    )
    assert len(unit.data) == overall["n"]


def test_dedupe_resubmissions_needs_the_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "form.csv"
    path.write_text(RESUBMITTED, encoding="utf-8")
    args = ("--score-column", "How likely are you to recommend us?", "--dedupe", "resubmissions")
    assert run(capsys, path, *args) == (
        2,
        "",
        "nps-kit score: error: --dedupe resubmissions needs --date-column. A double submission "
        "is told by its time (the same answers sent again within a minute): name the column with "
        "the response date, e.g. --date-column Timestamp.\n",
    )


def test_dedupe_takes_only_resubmissions(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "form.csv"
    path.write_text(RESUBMITTED, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_:
        main(["score", "--dedupe", str(path), "--score-column", "How likely"])
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert err.endswith(
        f"nps-kit score: error: argument --dedupe: expected 'resubmissions' or nothing; found "
        f"{str(path)!r}. --dedupe alone drops exact duplicates and repeated ids; --dedupe "
        "resubmissions also drops double submissions (put DATA before --dedupe)\n"
    )


def test_help_and_readme_name_dedupe_resubmissions(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["score", "--help"])
    help_text = " ".join(capsys.readouterr().out.split())
    assert "--dedupe [resubmissions]" in help_text
    assert "--dedupe resubmissions also drops double submissions" in help_text
    readme = (Path(__file__).parents[1] / "README.md").read_text(encoding="utf-8")
    assert "[--dedupe [resubmissions]]" in readme
    assert "| `--dedupe [resubmissions]` |" in readme


def test_by_a_surveymonkey_multi_select_scores_each_option(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    export = write_surveymonkey_xlsx(tmp_path / "dental.xlsx")
    status, out, err = run(
        capsys, export, "--score-column", MONKEY_NPS, "--by", MONKEY_SERVICES, "--format", "json"
    )
    assert status == 0
    groups = {g["group"]: g["n"] for g in json.loads(out)["groups"]}
    # One group per option (each patient who ticked it, "Other" for a written-in box), not
    # one per combination of ticks, nor a --by per option column.
    ticked = [monkey_services(i) for i in range(120)]
    assert groups == {
        **{o: sum(o in t for t in ticked) for o in (*MONKEY_OPTIONS, "Other")},
        None: sum(not t for t in ticked),
    }
    assert err == (
        f"note: {MONKEY_SERVICES!r} is a multi-select question: a respondent who chose several "
        "options is counted in each option's group.\n"
    )


def test_by_a_region_answered_na(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    # QA22: "NA" (North America) was read as a blank, so `--by Region` gave "(missing)".
    rows = "".join(f"{i},{['NA', 'EMEA', 'NA'][i % 3]},{i % 11}\n" for i in range(30))
    path = tmp_path / "r.csv"
    path.write_text("id,Region,score\n" + rows + "30,NA,NA\n", encoding="utf-8")
    status, out, _ = run(
        capsys, path, "--score-column", "score", "--by", "Region", "--format", "json"
    )
    document = json.loads(out)
    assert status == 0
    assert [(g["group"], g["n"]) for g in document["groups"]] == [("EMEA", 10), ("NA", 20)]
    assert document["excluded"] == {"missing": 1, "invalid": 0}


def test_damaged_xlsx_is_one_message_and_exit_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA21: 60 kB of zeros inside the sheet (an interrupted sync) gave a ParseError traceback
    # and exit status 1, which a cron job reads as a crash.
    path = tmp_path / "export.xlsx"
    pd.DataFrame({"score": [i % 11 for i in range(3000)]}).to_excel(path, index=False)
    data = bytearray(path.read_bytes())
    data[len(data) // 3 : len(data) // 2] = bytes(len(data) // 2 - len(data) // 3)
    path.write_bytes(bytes(data))
    status, out, err = run(capsys, path, "--score-column", "score")
    assert (status, out) == (2, "")
    assert err.startswith(
        f"nps-kit score: error: cannot read {path} as XLSX: the file is damaged or still being "
        "written (a download, copy or sync that has not finished?): "
    )
    assert "Traceback" not in err


def test_by_a_rating_with_blanks_labels_the_groups_as_written(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA23: a 1–5 rating with blanks was read as floats; the groups were "1.0", "2.0" …
    path = tmp_path / "rating.csv"
    path.write_text("score,rating\n10,1\n9,2\n0,\n3,1\n8,2\n7,3\n10,3\n", encoding="utf-8")
    args = ("--score-column", "score", "--by", "rating", "--min-report-n", "0")
    _, out, _ = run(capsys, path, *args)
    labels = [line.split()[0] for line in out.splitlines()[2:-1]]
    assert labels == ["1", "2", "3", "(missing)"]
    _, out, _ = run(capsys, path, *args, "--format", "json")
    assert [g["group"] for g in json.loads(out)["groups"]] == [1, 2, 3, None]


QUALTRICS_PREVIEWS = (
    "StartDate,Status,Q1\n"
    "Start Date,Response Type,How likely are you to recommend us?\n"
    '"{""ImportId"":""startDate""}","{""ImportId"":""status""}","{""ImportId"":""QID1""}"\n'
    "2026-11-01 09:00:00,IP Address,10\n"
    "2026-11-02 10:00:00,Survey Preview,0\n"
    "2026-11-02 10:05:00,Survey Preview,0\n"
    "2026-11-03 11:00:00,IP Address,3\n"
)


def test_preview_responses_left_out_are_said_in_text_and_json(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA23: 12 previews were dropped without a word (no note:, an empty JSON notes list).
    path = tmp_path / "q.csv"
    path.write_text(QUALTRICS_PREVIEWS, encoding="utf-8-sig")
    note = "2 Survey Preview responses (Qualtrics test runs, not real responses) were left out."
    status, out, err = run(capsys, path, "--score-column", "Q1")
    assert status == 0 and f"note: {note}\n" in err
    assert out.splitlines()[1].split()[:2] == ["(all)", "2"]
    _, out, _ = run(capsys, path, "--score-column", "Q1", "--format", "json")
    assert json.loads(out)["notes"] == [note]


def test_full_width_and_ten_ten_scores_and_era_dates_are_said_once(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA24: 242 scores typed as １０ or 10点 and 351 和暦 dates were read and never mentioned.
    path = tmp_path / "dealer.csv"
    rows = [
        ("１０", "令和8年11月3日"),
        ("9点", "R8.11.4"),
        ("７", "2026-11-05"),
        ("3", "2026-11-06"),
        ("", "令和８年11月7日"),
        ("x点", "2026-11-08"),
    ]
    path.write_text("score,date\n" + "".join(f"{s},{d}\n" for s, d in rows), encoding="utf-8")
    notes = [
        "3 scores in 'score' written in full-width or circled digits or with 点 (１０, ⑩, 10点) "
        "were read as numbers.",
        "3 dates in 'date' written in the Japanese era (令和8年11月3日) were read as dates.",
    ]
    status, out, err = run(
        capsys, path, "--score-column", "score", "--date-column", "date", "--format", "json"
    )
    assert status == 0 and json.loads(out)["notes"] == notes
    status, _, err = run(capsys, path, "--score-column", "score", "--date-column", "date")
    assert [line for line in err.splitlines() if line.startswith("note:")] == [
        f"note: {note}" for note in notes
    ]


def test_exclude_needs_column_equals_value(
    capsys: pytest.CaptureFixture[str], export: Path
) -> None:
    # QA30 F7: --exclude 名前=テスト; without the = it is a usage error, not a traceback.
    with pytest.raises(SystemExit) as exit_:
        main(["score", str(export), "--score-column", "score", "--exclude", "テスト"])
    assert exit_.value.code == 2
    assert capsys.readouterr().err.endswith(
        "nps-kit score: error: argument --exclude: expected COLUMN=VALUE (e.g. 名前=テスト); "
        "found 'テスト'\n"
    )


def test_by_a_unit_column_merges_a_renamed_unit_s_earlier_name_as_run_does(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # FIX71 #4: with a unit whose data.filter.previous_names says Cloud Platform became Cloud
    # Services, score --by 部門 showed them as two groups while the unit's report (run) is one.
    path = tmp_path / "export.csv"
    path.write_text(ROWS + "16,Cloud Services,10,2026-11-02,web,1\n", encoding="utf-8")
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "cloud.yaml").write_text(
        "name: Cloud\nlanguage: en\ndata: {path: ../export.csv, filter: {column: 部門, "
        "values: [Cloud Services], previous_names: [Cloud Platform]}}\n",
        encoding="utf-8",
    )
    args = [path, "--score-column", "score", "--by", "部門", "--format", "json"]
    status, out, _ = run(capsys, *args)
    assert {g["group"]: g["n"] for g in json.loads(out)["groups"]}["Cloud Platform"] == 5
    status, out, err = run(capsys, *args, "--parameters", params)
    groups = {g["group"]: g["n"] for g in json.loads(out)["groups"]}
    assert status == 0 and groups == {"Cloud Services": 6, "EC事業部": 4, "店舗事業部": 4}
    assert json.loads(out)["notes"][-1] == (
        "'Cloud Platform' is counted as 'Cloud Services', whose earlier name it is "
        "(data.filter.previous_names in cloud.yaml), as nps-kit run reports the unit."
    )  # REVIEW35: not "'Cloud Services', its earlier name", which said the opposite
    status, _, err = run(capsys, path, "--score-column", "score", "--parameters", tmp_path / "x")
    assert status == 2 and "parameters folder not found" in err


def test_without_parameters_a_rename_run_s_folder_states_is_said_not_applied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX79: in the project folder (README's flow: init, run, then score for a quick look),
    # score --by 部門 without --parameters counted Cloud Platform apart from Cloud Services
    # without a word, while run reports them as one unit from parameters/cloud.yaml.
    path = tmp_path / "export.csv"
    path.write_text(ROWS + "16,Cloud Services,10,2026-11-02,web,1\n", encoding="utf-8")
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "cloud.yaml").write_text(
        "name: Cloud\nlanguage: en\ndata: {path: ../export.csv, filter: {column: 部門, "
        "values: [Cloud Services], previous_names: [Cloud Platform]}}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    args = ["export.csv", "--score-column", "score", "--by", "部門", "--format", "json"]
    status, out, err = run(capsys, *args)
    groups = {g["group"]: g["n"] for g in json.loads(out)["groups"]}
    assert status == 0 and groups["Cloud Platform"] == 5 and groups["Cloud Services"] == 1
    said = (
        "'Cloud Platform' is counted apart from 'Cloud Services', while parameters/cloud.yaml "
        "states it is its earlier name (data.filter.previous_names) and nps-kit run reports "
        "them as one unit; pass --parameters parameters to count them so."
    )
    assert json.loads(out)["notes"][-1] == said and f"note: {said}\n" in err
    # without a --by of the unit column, or away from the project, nothing to say
    status, out, _ = run(capsys, "export.csv", "--score-column", "score", "--format", "json")
    assert json.loads(out)["notes"] == []
    # a parameters folder that cannot be read is run's to report, not score's
    (tmp_path / "parameters" / "defaults.yaml").write_text("data: [\n", encoding="utf-8")
    status, out, _ = run(capsys, *args)
    assert status == 0 and json.loads(out)["notes"] == []


def test_by_values_that_look_like_one_unit_renamed_are_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # FIX79: init --from proposes previous_names for a value that stops as another starts;
    # score --by the same column (with its dates) says so instead of two groups silently.
    rows = [
        f"{i},{'Ward 3B' if i < 20 else 'Ward 3B (Cardiology)'},{i % 11},2026-10-{1 + i:02d}"
        for i in range(30)
    ]
    path = tmp_path / "wards.csv"
    path.write_text("id,Ward,score,date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    args = [path, "--score-column", "score", "--by", "Ward", "--format", "json"]
    status, out, _ = run(capsys, *args, "--date-column", "date")
    assert status == 0 and json.loads(out)["notes"] == [
        "'Ward 3B' (last answer 2026-10-20) and 'Ward 3B (Cardiology)' (first answer "
        "2026-10-21) in 'Ward' look like one unit renamed and are counted as two groups; a "
        "unit file whose data.filter.previous_names lists 'Ward 3B', passed with --parameters, "
        "counts them as one, as nps-kit run would."
    ]
    # a stated rename is merged first: nothing left to say
    (tmp_path / "w.yaml").write_text(
        "name: W\nlanguage: en\ndata: {path: wards.csv, filter: {column: Ward, "
        "values: [Ward 3B (Cardiology)], previous_names: [Ward 3B]}}\n",
        encoding="utf-8",
    )
    status, out, _ = run(capsys, *args, "--date-column", "date", "--parameters", tmp_path)
    assert [g["group"] for g in json.loads(out)["groups"]] == ["Ward 3B (Cardiology)"]
    assert len(json.loads(out)["notes"]) == 1  # the merge's own note


def test_score_counts_the_rows_run_counts_with_parameters_and_says_the_rules_without(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX80 #2: in a project folder, 'score FILE' counted the staff test row (data.exclude) and
    # the rows exported twice (dedupe: true) that run leaves out, so the two printed different
    # n and NPS for one unit without a word.
    rows = [f"R{i:02d},{s},2026-10-{1 + i:02d},客" for i, s in enumerate([10, 9, 9, 8, 3, 0, 10])]
    rows += ["R01,9,2026-10-02,客", "R05,0,2026-10-06,客", "T01,0,2026-10-20,テスト"]
    (tmp_path / "export.csv").write_text(
        "id,score,date,名前\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "ec.yaml").write_text(
        "name: EC事業部\nlanguage: ja\nperiod: 2026-10\n"
        "data: {path: ../export.csv, dedupe: true, exclude: [{column: 名前, values: [テスト]}]}\n"
        "columns: {score: score, date: date, id: id}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    assert main(["run", "ec", "--output", "reports"]) == 0
    capsys.readouterr()
    manifest = json.loads((tmp_path / "reports" / "2026-10" / "manifest.json").read_text("utf-8"))
    report = manifest["units"][0]["summary"]
    assert report["n"] == 7  # 10 rows, 2 exported twice, 1 staff test

    args = ["export.csv", "--score-column", "score", "--format", "json"]
    status, out, err = run(capsys, *args, "--parameters", "parameters")
    overall = json.loads(out)["overall"]
    assert status == 0
    assert (overall["n"], round(overall["nps"], 1)) == (report["n"], round(report["nps"], 1))
    assert json.loads(out)["notes"] == [
        "1 row matching exclude was left out (a test response or the like).",
        "the row rules of parameters/ec.yaml (dedupe: true; data.exclude (名前=テスト)) are "
        "applied, as nps-kit run reads this file.",
    ]
    assert "note: 2 row(s) repeating an earlier row or id were dropped (dedupe: true).\n" in err

    # Without --parameters: every row counted, and said, never a silent difference.
    status, out, err = run(capsys, *args)
    assert json.loads(out)["overall"]["n"] == 10
    said = (
        "parameters/ec.yaml reads this file with dedupe: true; data.exclude (名前=テスト), "
        "which nps-kit run applies and these figures do not; pass --parameters parameters to "
        "apply them."
    )
    assert json.loads(out)["notes"] == [said] and f"note: {said}\n" in err
    # the rules given as options are not said again
    status, out, _ = run(capsys, *args, "--dedupe", "--id-column", "id", "--exclude", "名前=テスト")
    assert json.loads(out)["overall"]["n"] == 7 and json.loads(out)["notes"] == [
        "1 row matching exclude was left out (a test response or the like)."
    ]


def test_score_with_parameters_hides_what_the_project_s_floor_hides(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # REVIEW45: a clinic group's reports hide a group of fewer than 10 answers
    # (thresholds.min_report_n: 10), but 'score --parameters' applied its own 5: 横浜院's six
    # patients' promoters and detractors were printed beside the report that hides them.
    export = _clinic_project(tmp_path, "en")
    params = tmp_path / "parameters"
    (params / "omiya.yaml").write_text(
        "name: 大宮院\nperiod: 2026-10\nthresholds: {min_report_n: 10}\n"
        "data: {path: ../回答.csv, filter: {column: 医院, values: [大宮院]}}\n"
        "columns: {score: 推奨度, date: 回答日時, id: 回答ID}\n",
        encoding="utf-8",
    )
    by_clinic = (*_BY_CLINIC, "--format", "json", "--parameters", params)
    status, out, _ = run(capsys, export, *by_clinic)
    groups = {g["group"]: g for g in json.loads(out)["groups"]}
    assert status == 0
    assert (groups["横浜院"]["n"], groups["横浜院"]["nps"], groups["横浜院"]["promoters"]) == (
        6,
        None,
        None,
    )
    # 大宮院 too, or the total minus 大宮院 would be 横浜院 (complementary suppression).
    assert (groups["大宮院"]["n"], groups["大宮院"]["nps"]) == (14, None)
    # --min-report-n given still wins; without --parameters the default stays 5.
    shown = run(capsys, export, *by_clinic, "--min-report-n", "5")[1]
    assert json.loads(shown)["groups"][1]["nps"] == 0.0
    alone = json.loads(run(capsys, export, *_BY_CLINIC, "--format", "json")[1])
    assert [g["nps"] is None for g in alone["groups"]] == [False, False]


def test_a_fiscal_year_that_tells_a_month_its_report_hides_is_hidden(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # REVIEW45: 横浜院 has six answers a month and three in October. Its October report hides
    # October and the year to date (minus September's it is October); 'score --period
    # fiscal-year' printed FY2026, which minus September's year to date is October again.
    rows = [
        f"{clinic},2026-{month:02d}-{day + 1:02d},{(day * 7 + month) % 11}"
        for clinic, months in (("大宮院", {m: 20 for m in range(4, 11)}),
                               ("横浜院", {**{m: 6 for m in range(4, 10)}, 10: 3}))
        for month, count in months.items()
        for day in range(count)
    ]  # fmt: skip
    export = tmp_path / "回答.csv"
    export.write_text("医院,回答日,推奨度\n" + "\n".join(rows) + "\n", encoding="utf-8")
    args = ("--score-column", "推奨度", "--by", "医院", "--date-column", "回答日")
    args += ("--fiscal-start", "4")
    status, out, _ = run(capsys, export, *args, "--period", "fiscal-year", "--format", "json")
    groups = {g["group"]["医院"]: g for g in json.loads(out)["groups"]}
    assert status == 0
    assert groups["横浜院"]["n"] == 39
    assert (groups["横浜院"]["nps"], groups["横浜院"]["promoters"]) == (None, None)
    assert groups["横浜院"]["told"] is True and groups["大宮院"]["nps"] is not None
    for lang, said in (
        ("en", "hidden: else a month under the floor follows from the years to date"),
        ("ja", "非表示：年度累計との差し引きで下限未満の月が分かるため"),
    ):
        table = run(capsys, export, *args, "--period", "fiscal-year", "--language", lang)[1]
        line = next(row for row in table.splitlines() if row.startswith("横浜院"))
        assert line.split()[-1] == said.split()[-1] and said in line
    # Its fiscal quarters follow from the years to date shown: none hidden for this rule (Q3 is
    # under the floor itself, and another hidden with it as the total would tell it).
    quarters = run(capsys, export, *args, "--period", "fiscal-quarter", "--format", "json")[1]
    yokohama = [g for g in json.loads(quarters)["groups"] if g["group"]["医院"] == "横浜院"]
    assert [g.get("told", False) for g in yokohama] == [False, False, False]


def test_units_reading_one_file_with_different_row_rules_are_said_and_none_applied(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # FIX80 #2: one unit's staff-test rule is not the other's figure; say both, apply neither.
    (tmp_path / "export.csv").write_text(ROWS, encoding="utf-8")
    for unit, extra in {"ec": ", exclude: [{column: channel, values: [app]}]", "web": ""}.items():
        (tmp_path / f"{unit}.yaml").write_text(
            f"name: {unit}\nlanguage: en\ndata: {{path: export.csv{extra}}}\n"
            "columns: {score: score, date: date}\n",
            encoding="utf-8",
        )
    status, out, _ = run(
        capsys,
        tmp_path / "export.csv",
        "--score-column",
        "score",
        "--format",
        "json",
        "--parameters",
        tmp_path,
    )
    assert status == 0 and json.loads(out)["overall"]["n"] == 13
    assert json.loads(out)["notes"] == [
        f"the units of {tmp_path} read this file with different row rules (ec.yaml: "
        "data.exclude (channel=app); web.yaml: none), so these figures apply none of them; give "
        "one unit's rules as --dedupe and --exclude to count its rows as its report does."
    ]


def test_a_rename_the_project_states_is_not_said_again_as_one_to_state(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # REVIEW35: in a project folder whose parameters/w.yaml lists 'Ward 3B' as the earlier
    # name, score --by Ward --date-column date (no --parameters) said so, then asked for "a
    # unit file whose data.filter.previous_names lists 'Ward 3B'", the file it had just named.
    rows = [
        f"{i},{'Ward 3B' if i < 20 else 'Ward 3B (Cardiology)'},{i % 11},2026-10-{1 + i:02d}"
        for i in range(30)
    ]
    (tmp_path / "wards.csv").write_text(
        "id,Ward,score,date\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "w.yaml").write_text(
        "name: W\nlanguage: en\ndata: {path: ../wards.csv, filter: {column: Ward, "
        "values: [Ward 3B (Cardiology)], previous_names: [ward 3b]}}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    args = ["wards.csv", "--score-column", "score", "--by", "Ward", "--date-column", "date"]
    status, out, _ = run(capsys, *args, "--format", "json")
    notes = json.loads(out)["notes"]
    assert status == 0 and len(notes) == 1, notes
    assert notes[0].startswith("'ward 3b' is counted apart from 'Ward 3B (Cardiology)', while ")


def test_a_unit_renamed_twice_is_said_as_one_unit(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # REVIEW35: Ward 3B became Ward 3B Cardio, then Ward 3B Cardiology. score --by Ward said
    # two renames, each asking for a unit file listing one earlier name: the first for a
    # unit whose name was itself an earlier one. One unit file lists both.
    names = ["Ward 3B", "Ward 3B Cardio", "Ward 3B Cardiology"]
    rows = [
        f"{i},{names[i // 20]},{i % 11},2026-{9 + i // 20:02d}-{1 + i % 20:02d}" for i in range(60)
    ]
    path = tmp_path / "wards.csv"
    path.write_text("id,Ward,score,date\n" + "\n".join(rows) + "\n", encoding="utf-8")
    args = [path, "--score-column", "score", "--by", "Ward", "--date-column", "date"]
    status, out, _ = run(capsys, *args, "--format", "json")
    assert status == 0 and json.loads(out)["notes"] == [
        "'Ward 3B' (last answer 2026-09-20), 'Ward 3B Cardio' and 'Ward 3B Cardiology' (first "
        "answer 2026-11-01) in 'Ward' look like one unit renamed twice and are counted as 3 "
        "groups; a unit file for 'Ward 3B Cardiology' whose data.filter.previous_names lists "
        "'Ward 3B' and 'Ward 3B Cardio', passed with --parameters, counts them as one, as "
        "nps-kit run would."
    ]


@pytest.mark.parametrize("keep", ["earliest", "latest"])
def test_run_and_score_keep_the_answer_of_a_repeated_id_dedupe_keep_names(
    keep: str,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # FIX83 #2: dedupe kept the earliest answer of a repeated ticket id; Freshdesk and most
    # ticket tools keep the latest (the customer re-rated after a follow-up). A later answer
    # above an earlier one in the file: the time decides, not the file's order.
    rows = [f"T{i:02d},{s},2026-10-{1 + i:02d} 09:00" for i, s in enumerate([10, 9, 8, 7, 6])]
    rows += [
        "T01,0,2026-10-20 09:00",  # re-rated after a follow-up: a detractor now
        "T02,10,2026-10-25 09:00",
        "T02,2,2026-10-22 09:00",  # the middle answer of three
        "T04,9,2026-10-03 08:00",  # written later in the file, answered before T04's 6
    ]
    (tmp_path / "export.csv").write_text(
        "ticket,score,date\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "desk.yaml").write_text(
        "name: Desk\nlanguage: en\nperiod: 2026-10\n"
        f"data: {{path: ../export.csv, dedupe: true, dedupe_keep: {keep}}}\n"
        "columns: {score: score, date: date, id: ticket}\n",
        encoding="utf-8",
    )
    frame = pd.read_csv(tmp_path / "export.csv", parse_dates=["date"])
    kept = frame.sort_values("date", kind="stable").drop_duplicates(
        "ticket", keep="first" if keep == "earliest" else "last"
    )
    expected = nps(
        kept.rename(columns={"score": "nps_score"}).assign(
            nps_score=lambda f: f["nps_score"].astype(float)
        )
    )
    assert expected.n == 5
    monkeypatch.chdir(tmp_path)
    assert main(["run", "desk", "--output", "reports"]) == 0
    capsys.readouterr()
    manifest = json.loads((tmp_path / "reports" / "2026-10" / "manifest.json").read_text("utf-8"))
    report = manifest["units"][0]["summary"]
    status, out, _ = run(
        capsys,
        "export.csv",
        "--score-column",
        "score",
        "--format",
        "json",
        "--parameters",
        "parameters",
    )
    overall = json.loads(out)["overall"]
    assert status == 0
    assert (report["n"], round(report["nps"], 1)) == (expected.n, round(expected.nps, 1))
    assert (overall["n"], round(overall["nps"], 1)) == (expected.n, round(expected.nps, 1))
    said = "dedupe: true" + ("; data.dedupe_keep: latest" if keep == "latest" else "")
    assert json.loads(out)["notes"] == [
        f"the row rules of parameters/desk.yaml ({said}) are applied, as nps-kit run reads "
        "this file."
    ]


_OPENED: list[str] | None = None
_HOOKED: list[bool] = []


def _count_opens(event: str, args: tuple[Any, ...]) -> None:
    if _OPENED is not None and event == "open" and isinstance(args[0], (str, Path)):
        _OPENED.append(str(args[0]))


@pytest.mark.parametrize("given", [True, False], ids=["parameters", "project_folder"])
def test_score_reads_the_parameters_folder_once(
    given: bool, capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX83 #3: score read ./parameters twice, for the row rules and for the renames. Every
    # file the interpreter opens is seen by an audit hook (no mock: the real reads).
    global _OPENED
    (tmp_path / "export.csv").write_text(
        "id,部門,score\n1,Cloud Platform,9\n2,Cloud Services,3\n", encoding="utf-8"
    )
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "cloud.yaml").write_text(
        "name: Cloud\nlanguage: en\ndata: {path: ../export.csv, dedupe: true, filter: "
        "{column: 部門, values: [Cloud Services], previous_names: [Cloud Platform]}}\n"
        "columns: {id: id}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    if not _HOOKED:  # a hook stays for the session, inert while _OPENED is None
        sys.addaudithook(_count_opens)
        _HOOKED.append(True)
    _OPENED = []
    try:
        args = ["export.csv", "--score-column", "score", "--by", "部門", "--format", "json"]
        status, out, _ = run(capsys, *args, *(["--parameters", "parameters"] if given else []))
        opened = [Path(p).name for p in _OPENED]
        _OPENED = []
        load_all(Path("parameters"))  # what one reading of the folder opens
        once = [Path(p).name for p in _OPENED]
    finally:
        _OPENED = None
    assert status == 0 and len(json.loads(out)["notes"]) == 2  # the rules and the rename
    assert once.count("cloud.yaml") >= 1
    assert opened.count("cloud.yaml") == once.count("cloud.yaml")


def test_score_with_a_broken_parameters_file_says_it_once_without_a_traceback(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # FIX83 #3: read once for the row rules and the renames, a broken YAML is one message.
    (tmp_path / "export.csv").write_text("id,部門,score\n1,Cloud,9\n", encoding="utf-8")
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "defaults.yaml").write_text("data: [\n", encoding="utf-8")
    status, out, err = run(
        capsys,
        tmp_path / "export.csv",
        "--score-column",
        "score",
        "--by",
        "部門",
        "--parameters",
        tmp_path / "parameters",
    )
    assert status == 2 and out == ""
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert err.startswith(f"nps-kit score: error: {tmp_path / 'parameters' / 'defaults.yaml'}")


def test_scored_answers_with_a_blank_date_are_said_in_no_period(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA35 O2: a score with a blank date counts in (all) and in no month; it was said nowhere.
    path = tmp_path / "blank_dates.csv"
    path.write_text(
        "date,score\n2026-10-03,9\n,10\n2026-11-04,3\n,\n,7\n2026-11-05,8\n", encoding="utf-8"
    )
    status, out, err = run(
        capsys, path, "--score-column", "score", "--date-column", "date", "--period", "month"
    )
    assert status == 0
    assert out.splitlines()[1].split()[:2] == ["(all)", "5"]
    assert "2 scored answers with no date (in (all), in no period)" in out
    err = " ".join(err.split())
    assert (
        "note: 2 scored answers have no date in 'date' (blank or unreadable) and so are in no"
        in err
    )
    assert "Fill in their dates in the export, or take a date column every response has" in err
    status, out, err = run(capsys, path, "--score-column", "score", "--date-column", "date")
    assert "no date" not in out + err  # without --period there are no periods to miss


# FIX88 #2: the parameters' data.dedupe_keep (FIX83) had no --dedupe-keep: score without
# --parameters kept the earliest answer of a ticket tool's re-rated ids, unlike its report.
@pytest.mark.parametrize("keep", ["earliest", "latest"])
def test_dedupe_keep_keeps_the_answer_pandas_drop_duplicates_keeps(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, keep: str
) -> None:
    # Rows out of time order: T1 re-rated 2 -> 10, T2 10 -> 0, T3 once, T4 6 -> 9 -> 3.
    path = tmp_path / "tickets.csv"
    path.write_text(
        "ticket,rated_at,score\n"
        "T1,2026-11-09 10:00,10\nT2,2026-11-02 09:00,10\nT1,2026-11-01 08:00,2\n"
        "T3,2026-11-03 12:00,9\nT2,2026-11-05 17:00,0\nT4,2026-11-04 09:00,9\n"
        "T4,2026-11-08 09:00,3\nT4,2026-11-02 09:00,6\n",
        encoding="utf-8",
    )
    frame = pd.read_csv(path, parse_dates=["rated_at"])
    kept = frame.sort_values("rated_at", kind="stable").drop_duplicates(
        "ticket", keep="first" if keep == "earliest" else "last"
    )
    args = ("--score-column", "score", "--id-column", "ticket", "--date-column", "rated_at")
    status, out, err = run(
        capsys, path, *args, "--dedupe", "--dedupe-keep", keep, "--format", "json"
    )
    assert status == 0, err
    overall = json.loads(out)["overall"]
    by_pandas = 100 * ((kept["score"] >= 9).mean() - (kept["score"] <= 6).mean())
    assert overall["n"] == len(kept)
    assert overall["nps"] == pytest.approx(by_pandas, abs=0.05)
    assert err == "note: 4 row(s) repeating an earlier row or id were dropped (--dedupe).\n"


def test_dedupe_keep_needs_dedupe(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "tickets.csv"
    path.write_text("ticket,score\nT1,9\n", encoding="utf-8")
    status, out, err = run(capsys, path, "--score-column", "score", "--dedupe-keep", "latest")
    assert (status, out) == (2, "")
    assert err == (
        "nps-kit score: error: --dedupe-keep needs --dedupe. It says which answer of a "
        "repeated id --dedupe keeps: pass --dedupe --dedupe-keep "
        "latest with --id-column and --date-column.\n"
    )


# 2026年度 (FY2026) is April 2026 to March 2027: ROWS' September (4 valid scores) and October
# (9) are FY2026 Q2 and Q3; with a calendar fiscal year (--fiscal-start 1), FY2026 Q3 and Q4.
# English names a year that starts in April by the year it ends in (FY43): FY2027 Q2 and Q3.
FISCAL_ROWS = ROWS + "16,Cloud Platform,10,2026-03-31,web,1\n"
APRIL = ["--fiscal-start", "4"]


@pytest.mark.parametrize(
    ("options", "groups"),
    [
        (["--period", "fiscal-year", *APRIL], {"FY2026": 1, "FY2027": 13}),
        (
            ["--period", "fiscal-quarter", *APRIL],
            {"FY2026 Q4": 1, "FY2027 Q2": 4, "FY2027 Q3": 9},
        ),
        (
            ["--period", "fiscal-quarter", "--fiscal-start", "1"],
            {"FY2026 Q1": 1, "FY2026 Q3": 4, "FY2026 Q4": 9},
        ),
    ],
)
def test_fiscal_periods_in_every_format(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, options: list[str], groups: dict
) -> None:
    path = tmp_path / "fiscal.csv"
    path.write_text(FISCAL_ROWS, encoding="utf-8")
    args = [path, "--score-column", "score", "--date-column", "date", "--min-report-n", "0"]
    status, out, _ = run(capsys, *args, *options, "--format", "json")
    assert status == 0
    said = {g["group"]: g["n"] for g in json.loads(out)["groups"]}
    assert said == groups
    status, out, _ = run(capsys, *args, *options, "--format", "csv")
    table = list(csv.DictReader(io.StringIO(out)))
    assert {r["period"]: int(r["n"]) for r in table} == groups
    first = next(iter(groups))
    start = "2025-04-01" if "1" not in options else "2026-01-01"
    assert table[0]["period_start"] == (start if first != "FY2026 Q4" else "2026-01-01")
    status, out, _ = run(capsys, *args, *options)
    lines = out.splitlines()
    assert lines[0].split()[0] == "period"
    assert [line.split()[0:2] if " Q" in line else line.split()[:1] for line in lines[2:-2]] == [
        k.split() for k in groups
    ]
    said = (
        "April and are named by the year they end in (--fiscal-start 4)"
        if "4" in options
        else "January (--fiscal-start 1)"
    )
    assert lines[-1] == f"fiscal years start in {said}."


@pytest.mark.parametrize(
    ("language", "groups", "said"),
    [
        (
            "en",
            {"FY2026": 14},
            "fiscal years start in January (the default in English; pass --fiscal-start M for "
            "another month).",
        ),
        (
            "ja",
            {"FY2025": 1, "FY2026": 13},
            "年度は4月始まりです（日本語の既定。ほかの月は--fiscal-start Mで指定できます）。",
        ),
    ],
)
def test_without_fiscal_start_or_a_project_the_fiscal_year_starts_as_the_language_says(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    language: str,
    groups: dict[str, int],
    said: str,
) -> None:
    # FYX42: score started every fiscal year in April; an English project's reports start
    # theirs in January (periods.FISCAL_START), so an English table of FY2026 counted other
    # months than the reports' FY2026. The month used is said, under the table or as a note.
    path = tmp_path / "fiscal.csv"
    path.write_text(FISCAL_ROWS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)  # no ./parameters: the command's language is --language's
    args = [path, "--score-column", "score", "--date-column", "date", "--min-report-n", "0"]
    args += ["--period", "fiscal-year", "--language", language]
    status, out, err = run(capsys, *args, "--format", "json")
    assert status == 0
    assert {g["group"]: g["n"] for g in json.loads(out)["groups"]} == groups
    assert err == f"note: {said}\n"
    status, out, err = run(capsys, *args)
    assert (status, out.splitlines()[-1], err) == (0, said, "")


@pytest.mark.parametrize("value", ["13", "0", "April"])
def test_a_fiscal_start_that_is_no_month_is_a_user_error(
    capsys: pytest.CaptureFixture[str], export: Path, value: str
) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["score", str(export), "--score-column", "score", "--date-column", "date",
              "--period", "fiscal-year", "--fiscal-start", value])  # fmt: skip
    assert exit_.value.code == 2
    out, err = capsys.readouterr()
    assert out == "" and "Traceback" not in err
    assert err.endswith(
        "nps-kit score: error: argument --fiscal-start: expected the fiscal year's first month "
        f"as a number 1-12 (4 = April); got {value!r}\n"
    )


def test_fiscal_start_needs_a_fiscal_period(
    capsys: pytest.CaptureFixture[str], export: Path
) -> None:
    args = [export, "--score-column", "score", "--date-column", "date", "--period", "month"]
    assert run(capsys, *args, "--fiscal-start", "4") == (
        2,
        "",
        "nps-kit score: error: --fiscal-start needs --period fiscal-year or fiscal-quarter. It "
        "says in which month the fiscal year starts, e.g. --period fiscal-quarter "
        "--fiscal-start 4.\n",
    )


def test_the_fiscal_year_starts_where_the_project_says(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "fiscal.csv"
    path.write_text(FISCAL_ROWS, encoding="utf-8")
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text(
        "language: en\ndata: {path: ../fiscal.csv}\ncolumns: {date: date}\n", encoding="utf-8"
    )
    (params / "cloud.yaml").write_text(
        "name: Cloud Platform\nfiscal_year_start: 7\n"
        "data: {filter: {column: 部門, values: [Cloud Platform]}}\n",
        encoding="utf-8",
    )
    args = [path, "--score-column", "score", "--date-column", "date", "--min-report-n", "0"]
    args += ["--period", "fiscal-year", "--format", "json", "--parameters", params]
    status, out, err = run(capsys, *args)
    # July: March 2026 is in July 2025 – June 2026, FY2026 in English (named by its end, FY43),
    # September and October in FY2027
    assert status == 0
    assert {g["group"]: g["n"] for g in json.loads(out)["groups"]} == {"FY2026": 1, "FY2027": 13}
    assert err == (
        "note: fiscal years start in July and are named by the year they end in (the "
        f"fiscal_year_start of {params}).\n"
    )
    status, out, _ = run(capsys, *args, "--fiscal-start", "10")
    assert {g["group"]: g["n"] for g in json.loads(out)["groups"]} == {"FY2026": 5, "FY2027": 9}
    # the project's fiscal_year_named_by: start keeps the names of the year they start in
    cloud = (params / "cloud.yaml").read_text(encoding="utf-8")
    (params / "cloud.yaml").write_text(cloud + "fiscal_year_named_by: start\n", encoding="utf-8")
    status, out, err = run(capsys, *args)
    assert {g["group"]: g["n"] for g in json.loads(out)["groups"]} == {"FY2025": 1, "FY2026": 13}
    assert err == f"note: fiscal years start in July (the fiscal_year_start of {params}).\n"
    (params / "cloud.yaml").write_text(cloud, encoding="utf-8")
    (params / "web.yaml").write_text(
        "name: EC事業部\nfiscal_year_start: 4\n"
        "data: {filter: {column: 部門, values: [EC事業部]}}\n",
        encoding="utf-8",
    )
    status, out, err = run(capsys, *args)
    assert (status, out) == (2, "")
    assert err == (
        f"nps-kit score: error: the units of {params} start their fiscal years in different "
        "months (cloud: 7, web: 4). Pass --fiscal-start M for the one you mean.\n"
    )


# --- the project's language (MSG41) ----------------------------------------------------------

_CLINIC = "回答ID,回答日時,医院,推奨度\n" + "".join(
    f"R{i},2026-10-{i:02d} 10:00,{'大宮院' if i % 3 else '横浜院'},{(i * 7) % 11}\n"
    for i in range(1, 21)
) + "R21,2026-10-21 10:00,大宮院,\n"  # fmt: skip


def _clinic_project(root: Path, language: str) -> Path:
    """A project folder whose defaults.yaml sets ``language``, with the clinic's export."""
    (root / "parameters").mkdir(parents=True)
    (root / "parameters" / "defaults.yaml").write_text(f"language: {language}\n", "utf-8")
    path = root / "回答.csv"
    path.write_text(_CLINIC, encoding="utf-8")
    return path


_BY_CLINIC = ("--score-column", "推奨度", "--by", "医院")


def test_score_in_a_japanese_project_speaks_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG41: the table's words in the report's (推奨者, 95%信頼区間, 回答数少（参考値）), an NPS
    # written as the report writes it (its sign), the interval with 〜.
    export = _clinic_project(tmp_path, "ja")
    monkeypatch.chdir(tmp_path)
    assert run(capsys, export, *_BY_CLINIC) == (
        0,
        "医院       n  推奨者  中立者  批判者    NPS   95%信頼区間  注記\n"
        "（全体）  20       4       4      12  -40.0   -67.5〜-2.1  回答数少（参考値）\n"
        "大宮院    14       2       2      10  -57.1  -83.0〜-11.1  回答数少（参考値）\n"
        "横浜院     6       2       2       2    0.0  -51.1〜+51.1  回答数少（参考値）\n"
        "除外：欠損1件、無効0件\n",
        "",
    )


def test_a_japanese_table_names_fiscal_years_and_quarters_as_japanese_readers_do(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # October 2026 is in 2026年度's third quarter (April start); csv and json keep FY labels.
    export = _clinic_project(tmp_path, "ja")
    monkeypatch.chdir(tmp_path)
    fiscal = ("--score-column", "推奨度", "--date-column", "回答日時", "--period")
    status, out, _ = run(capsys, export, *fiscal, "fiscal-quarter")
    assert status == 0
    assert out.splitlines()[2].split()[:2] == ["2026年度第3四半期", "20"]
    status, out, _ = run(capsys, export, *fiscal, "fiscal-year")
    assert out.splitlines()[2].split()[:2] == ["2026年度", "20"]
    status, out, _ = run(capsys, export, *fiscal, "fiscal-quarter", "--format", "csv")
    assert "FY2026 Q3" in out and "年度" not in out


def test_score_with_the_parameters_of_a_japanese_project_speaks_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    export = _clinic_project(tmp_path / "clinic", "ja")
    folder = tmp_path / "clinic" / "parameters"
    status, out, _ = run(capsys, export, *_BY_CLINIC, "--parameters", folder)
    assert status == 0
    assert out.splitlines()[0].split() == [
        "医院", "n", "推奨者", "中立者", "批判者", "NPS", "95%信頼区間", "注記",
    ]  # fmt: skip


def test_score_language_en_in_a_japanese_project_and_an_english_project_are_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = (
        "医院     n  promoters  passives  detractors    NPS          95% CI  note\n"
        "(all)   20          4         4          12  -40.0   -67.5 to -2.1  small sample\n"
    )
    outside = run(capsys, _clinic_project(tmp_path / "en", "en"), *_BY_CLINIC)
    assert outside[1].startswith(english)
    monkeypatch.chdir(tmp_path / "en")
    assert run(capsys, tmp_path / "en" / "回答.csv", *_BY_CLINIC) == outside
    export = _clinic_project(tmp_path / "ja", "ja")
    monkeypatch.chdir(tmp_path / "ja")
    assert run(capsys, export, *_BY_CLINIC, "--language", "en") == outside
    # json and csv are for programs: their keys and figures in English in either language.
    for form in ("json", "csv"):
        japanese = run(capsys, export, *_BY_CLINIC, "--format", form)
        assert japanese == run(capsys, export, *_BY_CLINIC, "--format", form, "--language", "en")


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (
            ("--score-column", "推奨度", "--period", "month"),
            "--periodには--date-columnが必要です。回答日の列を指定してください。このエクスポートでは"
            "--date-column '回答日時'です。",
        ),
        (
            ("--score-column", "推奨"),
            "{export}に列「推奨」（--score-column）がありません。列：'回答ID', '回答日時', '医院', "
            "'推奨度'。「推奨度」のことですか？--score-columnにこれらの列のいずれかを指定してください。",
        ),
    ],
)
def test_a_user_error_in_a_japanese_project_is_japanese_with_exit_status_2(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    args: tuple[str, ...],
    said: str,
) -> None:
    export = _clinic_project(tmp_path, "ja")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, export, *args)
    assert (status, out) == (2, "")
    assert err == f"nps-kit score: error: {said.format(export=export)}\n"


# --- the notes of a Japanese project (MSG42) ------------------------------------------------

_STAFF_TEST = "id,score,date,名前\n" + "".join(
    f"R{i:02d},{s},2026-10-{1 + i:02d},客\n" for i, s in enumerate([10, 9, 9, 8, 3, 0, 10])
) + "R01,9,2026-10-02,客\nR05,0,2026-10-06,客\nT01,0,2026-10-20,テスト\n,7,,客\n"  # fmt: skip


def _staff_test_project(root: Path, language: str) -> Path:
    """A project reading an export with a staff test row, two rows exported twice, one undated."""
    (root / "export.csv").write_text(_STAFF_TEST, encoding="utf-8")
    (root / "parameters").mkdir()
    (root / "parameters" / "defaults.yaml").write_text(f"language: {language}\n", "utf-8")
    (root / "parameters" / "ec.yaml").write_text(
        "name: EC事業部\nperiod: 2026-10\n"
        "data: {path: ../export.csv, dedupe: true, exclude: [{column: 名前, values: [テスト]}]}\n"
        "columns: {score: score, date: date, id: id}\n",
        encoding="utf-8",
    )
    return root / "export.csv"


_DATED = ("--score-column", "score", "--date-column", "date", "--period", "month")


def test_the_row_rules_and_undated_answers_are_said_in_a_japanese_project_s_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG42: score's table was Japanese and its notes of the rows run counts were English.
    from _english import english_runs

    export = _staff_test_project(tmp_path, "ja")
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, export, *_DATED)
    assert status == 0
    assert err.splitlines() == [
        "note: 日付のない有効回答が1件あります（「date」が空欄または読めない日付）。どの期間にも"
        "入らず、全体の集計には含み、月別とユニットのレポートには含みません。期間に数えるには、"
        "エクスポートで日付を埋めるか、すべての回答にある日付列（columns.date、--date-column）を"
        "使ってください。",
        "note: parameters/ec.yamlはこのファイルをdedupe: true；data.exclude (名前=テスト)で"
        "読みます。nps-kit runは適用しますが、この集計は適用していません。適用するには"
        "--parameters parametersを指定してください。",
        "note: 2行が前の行とまったく同じで、重ねて数えています。--dedupe（nps-kit runの"
        "パラメーターではdedupe: true）で除けます。",
    ]
    status, _, err = run(capsys, export, *_DATED, "--parameters", "parameters")
    assert (
        "note: nps-kit runがこのファイルを読むとおり、parameters/ec.yamlの行の規則（dedupe: "
        "true；data.exclude (名前=テスト)）を適用しています。\n"
    ) in err
    assert english_runs(err, names=["nps-kit run", "dedupe: true"]) == []


def test_units_reading_one_file_with_different_rules_are_said_in_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    export = _staff_test_project(tmp_path, "ja")
    (tmp_path / "parameters" / "web.yaml").write_text(
        "name: Web\ndata: {path: ../export.csv}\ncolumns: {score: score, date: date}\n", "utf-8"
    )
    folder = tmp_path / "parameters"
    status, _, err = run(capsys, export, "--score-column", "score", "--parameters", folder)
    assert status == 0
    assert (
        f"note: {folder}のユニットはこのファイルをそれぞれ異なる行の規則で読むため（ec.yaml："
        "dedupe: true、data.exclude (名前=テスト)；web.yaml：なし）、この集計はどの規則も適用して"
        "いません。あるユニットのレポートと同じ行を数えるには、その規則を--dedupeと--excludeで"
        "指定してください。\n"
    ) in err


def test_double_submissions_are_said_in_a_japanese_project_s_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "defaults.yaml").write_text("language: ja\n", "utf-8")
    path = tmp_path / "form.csv"
    path.write_text(RESUBMITTED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    question = "How likely are you to recommend us?"
    args = ("--score-column", question, "--date-column", "Timestamp", "--dedupe")
    status, _, err = run(capsys, path, *args)
    assert status == 0
    assert err.splitlines()[-1] == (
        "note: 1行は、60秒以内に先に送られた回答と同じ回答です（二重送信：「送信」を2度押すと"
        "できます）。--dedupe resubmissionsで、完全に同じ行とともに除けます。"
    )
    # --language en: as an English project hears it.
    status, _, err = run(capsys, path, *args, "--language", "en")
    assert status == 0
    assert err.splitlines()[-1] == (
        "note: 1 row repeats the answers of a response sent at most 60 seconds earlier (a double "
        "submission, as a second click on Submit makes); --dedupe resubmissions drops them, with "
        "the exact duplicates."
    )


def test_the_row_rules_in_an_english_project_or_with_language_en_are_as_before(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    english = [
        "note: 1 scored answer have no date in 'date' (blank or unreadable) and so are in no "
        "period: totals count them, months and a unit's report do not. Fill in their dates in "
        "the export, or take a date column every response has (columns.date, --date-column), "
        "to count them in a period.",
        "note: parameters/ec.yaml reads this file with dedupe: true; data.exclude (名前=テスト), "
        "which nps-kit run applies and these figures do not; pass --parameters parameters to "
        "apply them.",
        "note: 2 row(s) repeat an earlier row exactly and are counted again; drop them with "
        "--dedupe "
        "(dedupe: true in the parameters of nps-kit run).",
    ]
    for language, given in (("en", ()), ("ja", ("--language", "en"))):
        (tmp_path / language).mkdir()
        export = _staff_test_project(tmp_path / language, language)
        monkeypatch.chdir(tmp_path / language)
        status, _, err = run(capsys, export, *_DATED, *given)
        assert (status, err.splitlines()) == (0, english)


def test_a_unit_renamed_is_said_in_a_japanese_project_s_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG42: the renames score merges, keeps apart or finds were said in English.
    from _english import english_runs

    rows = [
        f"{i},{'第3病棟' if i < 20 else '第3病棟（循環器）'},{i % 11},2026-10-{1 + i:02d}"
        for i in range(30)
    ]
    rows += [f"{30 + i},{'内科外来' if i < 10 else '総合内科'},{i % 11},2026-10-{1 + i:02d}"
             for i in range(20)]  # fmt: skip
    (tmp_path / "wards.csv").write_text(
        "id,病棟,score,date\n" + "\n".join(rows) + "\n", encoding="utf-8"
    )
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "defaults.yaml").write_text("language: ja\n", "utf-8")
    (tmp_path / "parameters" / "naika.yaml").write_text(
        "name: 総合内科\ndata: {path: ../wards.csv, filter: {column: 病棟, values: [総合内科], "
        "previous_names: [内科外来]}}\ncolumns: {score: score, date: date}\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(tmp_path)
    args = ["wards.csv", "--score-column", "score", "--by", "病棟", "--date-column", "date"]
    status, _, err = run(capsys, *args)
    assert status == 0
    assert err.splitlines() == [
        "note: 「内科外来」は「総合内科」と別に数えています。parameters/naika.yamlでは以前の"
        "名称とされ（data.filter.previous_names）、nps-kit runは1つのユニットとして"
        "レポートします。そう数えるには--parameters parametersを指定してください。",
        "note: 「病棟」の「第3病棟」（最後の回答2026-10-20）と「第3病棟（循環器）」（最初の回答"
        "2026-10-21）は、名称を変えた1つのユニットのようですが、2つのグループとして数えて"
        "います。data.filter.previous_namesに「第3病棟」を挙げたユニットファイルを--parameters"
        "で渡すと、nps-kit runと同じく1つとして数えます。",
    ]
    status, _, err = run(capsys, *args, "--parameters", "parameters")
    assert (
        "note: 「内科外来」は「総合内科」の以前の名称なので（naika.yamlのdata.filter."
        "previous_names）、nps-kit runのレポートと同じく「総合内科」として数えます。\n"
    ) in err
    assert english_runs(err, names=["nps-kit run"]) == []
    status, _, err = run(capsys, *args, "--language", "en")
    assert err.splitlines()[0].startswith("note: '内科外来' is counted apart from '総合内科', ")


def test_a_score_column_on_another_scale_is_said_in_a_japanese_project_s_words(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "parameters").mkdir()
    (tmp_path / "parameters" / "defaults.yaml").write_text("language: ja\n", "utf-8")
    path = tmp_path / "s.csv"
    path.write_text("推奨度\n" + "".join(f"{i % 10 + 1}\n" for i in range(60)), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, _, err = run(capsys, path, "--score-column", "推奨度")
    assert (status, err.splitlines()[0]) == (
        0,
        "note: 列「推奨度」は0〜10ではなく1〜10の尺度のようです（回答60件に0がなく、最大は10）。"
        "0〜10に見える列：なし。",
    )
    status, _, err = run(capsys, path, "--score-column", "推奨度", "--language", "en")
    assert err.splitlines()[0] == (
        "note: column '推奨度' looks like a 1–10 scale, not 0–10 (no 0 in 60 answers, highest "
        "10); columns that look like 0–10: none."
    )


@pytest.mark.parametrize(
    ("environment", "groups"),
    [
        ({"LANG": "ja_JP.UTF-8"}, {"FY2025": 1, "FY2026": 13}),
        ({"LANG": "ja_JP.UTF-8", "LC_ALL": "en_US.UTF-8"}, {"FY2026": 14}),
        ({"LANG": "C.UTF-8"}, {"FY2026": 14}),
        ({"LANG": "ja_JP.eucJP"}, {"FY2025": 1, "FY2026": 13}),
        ({"LANG": "ja_JP.UTF-8", "LC_ALL": ""}, {"FY2025": 1, "FY2026": 13}),  # empty is unset
        # REVIEW44: GNU gettext's LANGUAGE, a priority list, names the messages' language
        # before LC_ALL, LC_MESSAGES and LANG, unless the locale is C (then it is ignored)
        ({"LANG": "en_US.UTF-8", "LANGUAGE": "ja:en"}, {"FY2025": 1, "FY2026": 13}),
        ({"LANG": "ja_JP.UTF-8", "LANGUAGE": "en_GB:ja"}, {"FY2026": 14}),
        ({"LANG": "en_GB.UTF-8", "LANGUAGE": "fr:ja"}, {"FY2025": 1, "FY2026": 13}),
        ({"LANG": "en_GB.UTF-8", "LANGUAGE": "fr"}, {"FY2026": 14}),
        ({"LC_ALL": "C", "LANGUAGE": "ja"}, {"FY2026": 14}),
        ({"LANGUAGE": "ja"}, {"FY2026": 14}),  # no locale at all is C
    ],
)
def test_outside_a_project_score_speaks_the_users_locale(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    environment: dict[str, str],
    groups: dict[str, int],
) -> None:
    # QA43: a Japanese analyst scoring an export outside any project heard English and had
    # fiscal years starting in January, though LANG=ja_JP.UTF-8; LC_ALL wins over LANG.
    if "LANG" not in environment:
        monkeypatch.delenv("LANG")
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    path = tmp_path / "fiscal.csv"
    path.write_text(FISCAL_ROWS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    args = [path, "--score-column", "score", "--date-column", "date", "--min-report-n", "0"]
    status, out, err = run(capsys, *args, "--period", "fiscal-year", "--format", "json")
    assert status == 0
    assert {g["group"]: g["n"] for g in json.loads(out)["groups"]} == groups
    japanese = groups == {"FY2025": 1, "FY2026": 13}
    assert ("年度は4月始まり" in err) is japanese
