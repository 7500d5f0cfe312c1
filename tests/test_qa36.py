"""QA36's three exports (``tests/qa36``) through inspect, init, score, headlines and alerts.

A B2B equipment-leasing firm's Salesforce grouped report (XLSX and CSV: title and filter lines
above the table, ``Account Owner`` on each group's first row only, a ``Subtotal`` line under
each group and ``Grand Totals (520 records)`` at the end), a 温泉旅館 chain's paper
questionnaires keyed by a data-entry vendor (cp932, ``Ｑ１　おすすめ度``, circled digits and
``１０点``, ``無回答`` and ``＊``, ``2026.11.3``, the booking channel one-hot in 0/1 columns) and
a bank's answers from a warehouse in long form (Parquet, one row per response and question).
Every figure is computed again with pandas from the export (``check.py``).
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

from nps_kit.cli import main
from nps_kit.inspect import inspect_export
from nps_kit.unit import headline, prepare_unit

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


check = qa_script("qa36", "check")
gen_leasing = qa_script("qa36", "gen_leasing_salesforce")
gen_onsen = qa_script("qa36", "gen_onsen_paper")
gen_long = qa_script("qa36", "gen_warehouse_long")

MONTH = "2026-11"
OWNER = gen_leasing.OWNER


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("qa36")
    gen_leasing.main(root / check.FILES["leasing"])
    gen_onsen.main(root / check.FILES["onsen"])
    gen_long.main(root / check.FILES["long"])
    return root


def _file(exports: Path, dataset: str) -> str:
    return str(exports / check.FILES[dataset])


def score_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert main(["score", *args, "--format", "json", "--min-report-n", "0"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("dataset", list(check.FILES))
def test_pandas_reads_the_export_as_the_generator_wrote_it(dataset: str, exports: Path) -> None:
    assert check.truth_agrees(dataset, exports)


@pytest.mark.parametrize("dataset", ["leasing", "leasing_csv"])
def test_inspect_reads_the_salesforce_report_under_its_title_and_filter_lines(
    dataset: str, exports: Path
) -> None:
    # QA36: six lines above the header (title, firm, Filtered By: and two filters, a blank):
    # the XLSX was read with the title as header ('Unnamed: 4'), the CSV not at all.
    found = inspect_export(exports / check.FILES[dataset])
    assert found.load.title_rows == 6
    assert (found.nps_column, found.date_column) == (gen_leasing.SCORE, gen_leasing.DATE)
    assert found.responses == 520  # the 5 Subtotal lines and Grand Totals are no responses
    owner = found.column(OWNER)
    assert (owner.kind, owner.distinct, owner.blanks) == ("categorical", 5, 0)
    assert found.column(gen_leasing.CONSENT).kind == "consent"


@pytest.mark.parametrize(
    ("dataset", "unit", "score", "date"),
    [("leasing", OWNER, gen_leasing.SCORE, gen_leasing.DATE),
     ("leasing_csv", OWNER, gen_leasing.SCORE, gen_leasing.DATE),
     ("onsen", gen_onsen.UNIT_Q, gen_onsen.NPS_Q, gen_onsen.DATE_Q)],
)  # fmt: skip
def test_score_overall_and_by_unit_and_month_equal_pandas(
    dataset: str, unit: str, score: str, date: str, exports: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    # QA36: by Account Owner each owner had 1 response and "(missing)" 491; the subtotals'
    # means were responses.
    got = score_json(
        capsys, _file(exports, dataset), "--score-column", score, "--by", unit,
        "--period", "month", "--date-column", date,
    )  # fmt: skip
    frame = check.read(dataset, exports)
    frame["month"] = frame["when"].dt.strftime("%Y-%m")
    n, value = check.nps(frame["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, round(value, 4))
    assert got["overall"]["n"] + got["excluded"]["missing"] == len(frame)
    assert got["excluded"]["invalid"] == 0  # the onsen's ＊ is no answer, not invalid
    expected = {
        (str(u), m): check.nps(g["score"]) for (u, m), g in frame.groupby(["unit", "month"])
    }
    seen = {(g["group"][unit], g["group"]["period"]): (g["n"], round(g["nps"], 4))
            for g in got["groups"]}  # fmt: skip
    assert seen == {k: (n, round(v, 4)) for k, (n, v) in expected.items()}


def test_the_filled_down_owner_and_the_subtotals_are_said(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    capsys.readouterr()
    path = _file(exports, "leasing_csv")
    assert main(["score", path, "--score-column", gen_leasing.SCORE, "--by", OWNER]) == 0
    err = " ".join(capsys.readouterr().err.split())
    assert "'Account Owner' is written on the first row of each group only" in err
    assert "6 subtotal lines and totals rows" in err and "Grand Totals (520 records)" in err


@pytest.mark.parametrize(
    ("dataset", "unit_column", "score", "date"),
    [("leasing", OWNER, gen_leasing.SCORE, gen_leasing.DATE),
     ("onsen", gen_onsen.UNIT_Q, gen_onsen.NPS_Q, gen_onsen.DATE_Q)],
)  # fmt: skip
def test_each_unit_s_headline_change_and_its_test_equal_pandas(
    dataset: str, unit_column: str, score: str, date: str, exports: Path
) -> None:
    expected = check.by_unit(dataset, MONTH, exports)
    for unit, e in expected.iterrows():
        u = prepare_unit(
            _file(exports, dataset), name=str(unit), unit_column=unit_column,
            unit_values=[str(unit)], score_column=score, date_column=date, period=MONTH,
            language="ja" if dataset == "onsen" else "en",
        )  # fmt: skip
        head = headline(u, comparisons=("previous",))
        assert head.result.n == e["n"], unit
        assert head.result.nps == pytest.approx(e["nps"], abs=1e-9), unit
        change = head.comparisons[0].change
        assert change.p_value == pytest.approx(e["p"], abs=1e-12), unit
        assert change.significant == (e["p"] < 0.05), unit


def test_the_exports_hold_real_changes(exports: Path) -> None:
    assert check.by_unit("leasing", MONTH, exports).loc["Dana Whitfield", "p"] < 0.01


def _init(exports: Path, dataset: str, unit_column: str) -> Path:
    project = exports / f"project_{dataset}"
    if not project.exists():
        args = ["init", str(project), "--from", _file(exports, dataset)]
        assert main([*args, "--unit-column", unit_column]) == 0
    return project


def _defaults(project: Path) -> dict:
    return yaml.safe_load((project / "parameters" / "defaults.yaml").read_text("utf-8"))


def test_init_for_the_salesforce_report_makes_one_unit_per_owner(exports: Path) -> None:
    project = _init(exports, "leasing_csv", OWNER)
    d = _defaults(project)
    assert (d["columns"]["score"], d["columns"]["date"]) == (gen_leasing.SCORE, gen_leasing.DATE)
    assert (d["columns"]["id"], d["columns"]["contact"]) == (gen_leasing.ID, gen_leasing.CONSENT)
    assert d["data"]["date_format"] == "month-first"
    units = sorted(p.stem for p in (project / "parameters").glob("*.yaml"))
    assert [u for u in units if u not in ("defaults", "playbook", "themes")] == [
        "dana-whitfield", "marcus-oyelaran", "priya-raman", "sofia-lindqvist", "tom-kessler"
    ]  # fmt: skip


def test_alerts_for_the_salesforce_report_list_exactly_pandas_contactable_detractors(
    exports: Path, smtp: Recorder, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = alerts_all(_init(exports, "leasing_csv", OWNER), "2026-11-20", capsys)
    assert code == 0, err
    got = {}
    for message in smtp.received:
        found = re.search(r"(\d+) new detractors?", str(message.message["Subject"]))
        assert found is not None, message.message["Subject"]
        got[str(message.message["Subject"])] = int(found[1])
    expected = check.alert_counts("leasing_csv", "2026-11-20", exports)
    assert sorted(got.values()) == sorted(expected.tolist())
    for unit, count in expected.items():
        assert any(str(unit) in s and v == count for s, v in got.items()), unit


def test_the_onsen_s_star_is_no_answer_and_its_circled_digits_are_scores(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    got = score_json(capsys, _file(exports, "onsen"), "--score-column", gen_onsen.NPS_Q)
    raw = pd.read_csv(_file(exports, "onsen"), encoding="cp932", dtype=str)
    assert got["excluded"] == {"missing": int(raw[gen_onsen.NPS_Q].isin(["無回答", "＊"]).sum()),
                               "invalid": 0}  # fmt: skip
    assert got["overall"]["n"] == int(check.read("onsen", exports)["score"].notna().sum())


@pytest.mark.parametrize("command", ["inspect", "init", "score"])
def test_a_long_table_is_said_with_the_pivot_to_run(
    command: str, exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA36: "no column holds a 0–10 score, so this does not look like an NPS survey export".
    path = _file(exports, "long")
    args = {
        "inspect": ["inspect", path],
        "init": ["init", str(tmp_path / "p"), "--from", path],
        "score": ["score", path, "--score-column", "answer"],
    }[command]
    capsys.readouterr()
    assert main(args) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert "The table is long (tidy): one row per answer, not per response." in err
    assert "rows whose 'question_code' is 'NPS'" in err
    assert "columns='question_code', values='answer'" in err and "Traceback" not in err


def test_the_pivot_said_gives_pandas_figures(
    exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    frame = pd.read_parquet(_file(exports, "long"))
    wide = frame.pivot_table(
        index=["response_id", "survey_id", "submitted_at"], columns="question_code",
        values="answer", aggfunc="first",
    ).reset_index()  # fmt: skip
    wide.columns.name = None
    out = tmp_path / "wide.parquet"
    wide.to_parquet(out)
    assert inspect_export(out).nps_column == "NPS"
    got = score_json(capsys, str(out), "--score-column", "NPS", "--by", "BRANCH")
    expected = check.read("long", exports)
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == tuple(
        round(v, 4) for v in check.nps(expected["score"])
    )
    seen = {g["group"]: g["n"] for g in got["groups"]}
    assert seen == {u: check.nps(g["score"])[0] for u, g in expected.groupby("unit")}


def test_bad_input_is_one_specific_message_and_exit_2(
    exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    leasing, onsen = _file(exports, "leasing_csv"), _file(exports, "onsen")
    eleven = tmp_path / "leasing_11.csv"
    text = Path(leasing).read_text("utf-8")
    # The first response's score (row 8, under 6 title lines and the header) made 11.
    eleven.write_text(re.sub(r'"10/1/2026","\d+\.00"', '"10/1/2026","11.00"', text, count=1))
    project = _init(exports, "leasing_csv", OWNER)
    cases = [
        (["score", leasing, "--score-column", "Survey Scor"], "Did you mean 'Survey Score'?"),
        (["score", leasing, "--score-column", gen_leasing.SCORE, "--by", "Owner"],
         "Did you mean 'Account Owner'?"),
        (["score", str(eleven), "--score-column", gen_leasing.SCORE, "--strict"],
         "1 invalid score(s) in column 'Survey Score': row 8: '11.00'."),  # O3
        (["score", onsen, "--score-column", gen_onsen.NPS_Q, "--encoding", "utf-8"],
         "is not valid utf-8"),
        (["run", "--all", "--period", "2026-05", "--parameters", str(project / "parameters"),
          "--output", str(project / "out")], "cover 2026-10 to 2026-11"),
    ]  # fmt: skip
    for args, said in cases:
        capsys.readouterr()
        assert main(args) == 2, args
        err = " ".join(capsys.readouterr().err.split())
        assert said in err and "Traceback" not in err, (args, err)


def test_the_one_hot_booking_channel_is_one_multi_select_equal_to_pandas(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA36: Ｑ３＿予約経路＿公式サイト … ＿その他 (0/1) were five breakdowns of "0" and "1"
    # that init proposed, labelled with the whole header.
    question = "Ｑ３＿予約経路"
    found = inspect_export(exports / check.FILES["onsen"])
    assert found.column(question).kind == "multi"
    d = _defaults(_init(exports, "onsen", gen_onsen.UNIT_Q))
    assert [f["type"] for f in d["followups"] if f["column"] == question] == ["multi"]
    # QA36 O5: labelled by what it asks, without the tool's full-width id (Ｑ３＿)
    assert [f.get("label") for f in d["followups"] if f["column"] == question] == ["予約経路"]
    assert not any(b["column"].startswith(question) for b in d["breakdowns"])
    got = score_json(capsys, _file(exports, "onsen"), "--score-column", gen_onsen.NPS_Q,
                     "--by", question)  # fmt: skip
    raw = pd.read_csv(_file(exports, "onsen"), encoding="cp932", dtype=str)
    scores = check.read("onsen", exports)["score"]
    for channel, column in zip(gen_onsen.CHANNELS, gen_onsen.CHANNEL_QS, strict=True):
        n, value = check.nps(scores[raw[column] == "1"])
        group = next(g for g in got["groups"] if g["group"] == channel)
        assert (group["n"], round(group["nps"], 4)) == (n, round(value, 4)), channel


@pytest.mark.slow
def test_run_and_send_of_two_owners_carry_pandas_figures_to_the_subjects(
    exports: Path, smtp: Recorder, tmp_path: Path
) -> None:
    # The whole path on real kernels and a real SMTP server, for the Salesforce CSV: each
    # owner's November NPS, n and change from October in manifest.json and the mail's subject.
    import os
    import subprocess
    import sys

    project = _init(exports, "leasing_csv", OWNER)
    parameters = tmp_path / "parameters"
    parameters.mkdir()
    owners = {"dana-whitfield": "Dana Whitfield", "marcus-oyelaran": "Marcus Oyelaran"}
    for f in (project / "parameters").iterdir():
        text = f.read_text("utf-8").replace(
            "../../leasing_salesforce.csv", _file(exports, "leasing_csv")
        )
        if f.stem in owners:
            text += f"\nmail:\n  to: [{f.stem}@example.com]\n"
        (parameters / f.name).write_text(text, "utf-8")
    folders = ["--parameters", str(parameters), "--output", str(tmp_path / "reports")]
    done = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "run", *owners, "--period", MONTH, "--jobs", "2",
         "--notebook", str(project / "notebooks" / "nps_report.ipynb"), *folders],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    expected = check.by_unit("leasing_csv", MONTH, exports)
    manifest = json.loads((tmp_path / "reports" / MONTH / "manifest.json").read_text("utf-8"))
    for unit in manifest["units"]:
        name = owners.get(unit["name"], unit["name"])  # the manifest names a unit as shown
        e, s = expected.loc[name], unit["summary"]
        change = next(c for c in s["changes"] if c["kind"] == "previous")
        assert (s["n"], round(s["nps"], 6)) == (e["n"], round(e["nps"], 6)), unit["name"]
        assert change["diff"] == pytest.approx(e["change"])
        assert change["p_value"] == pytest.approx(e["p"], abs=1e-9)
    assert main(["send", *owners, "--period", MONTH, *folders]) == 0
    seen = {}
    for message in smtp.received:
        subject = " ".join(str(message.message["Subject"]).split())
        found = re.fullmatch(
            r"\[NPS\] (.+) November 2026: ([+−]?[\d.]+) \(([+−][\d.]+) vs October.*", subject
        )
        assert found is not None, subject
        seen[found[1]] = tuple(float(found[k].replace("−", "-")) for k in (2, 3))
    assert seen == {
        owners[u]: (round(expected.loc[o, "nps"], 1), expected.loc[o, "change"])
        for u, o in owners.items()
    }


def test_a_grouped_report_without_subtotals_is_said_by_inspect(
    exports: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA36 O1: exported without its subtotal lines, nothing says where an owner's group ends:
    # not filled in, and said rather than 515 rows of "(no answer)" without a word.
    lines = Path(_file(exports, "leasing_csv")).read_text("utf-8").splitlines()
    path = tmp_path / "no_subtotals.csv"
    kept = [x for x in lines if not x.startswith(('"Subtotal"', '"Grand Totals'))]
    path.write_text("\n".join(kept) + "\n", "utf-8")
    capsys.readouterr()
    assert main(["inspect", str(path)]) == 0
    said = " ".join(capsys.readouterr().out.split())
    assert "'Account Owner' is filled on 5 of 520 rows, each value once" in said
    assert "Details Only" in said
