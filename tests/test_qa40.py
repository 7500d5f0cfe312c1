"""QA40's year of monthly exports (``tests/qa40``) through score, init, run, alerts and send.

Three histories a scheduler meets: an English SaaS company's 13 monthly Qualtrics CSVs in a
folder (one product's n falls to 8, another drops significantly; a variant gains a question in
May), a Japanese chain's cumulative XLSX (和暦 dates for the previous 年度, ``2026/11/03 午前
9:05`` from April, a store opening in July) and a gym's monthly Google Forms downloads (US
dates, no id, no consent column, the score question renamed in month 7). Every figure is
computed again with pandas from the exports (``check.py``): n, NPS, the adjusted-Wald interval,
the change with its interval, p-value and verdict, the target status and the alerts.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml
from _qa import qa_script
from _smtp import Recorder, server  # noqa: F401

from nps_kit.cli import main

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


gen = qa_script("qa40", "gen")
check = qa_script("qa40", "check")

HISTORIES = list(gen.WRITERS)
# What a user gives score for each history: the export, the score, unit and date columns.
SCORE_ARGS = {
    "saas": ("saas/exports", gen.SAAS_NPS, gen.SAAS_UNIT, "StartDate"),
    "retail": ("retail/顧客満足度調査_累計.xlsx", gen.RETAIL_NPS, gen.RETAIL_UNIT, gen.RETAIL_DATE),
    "gforms": ("gforms/latest.csv", gen.GF_NEW, gen.GF_UNIT, gen.GF_DATE),
}
TARGETS = {"saas": 30.0, "retail": 20.0, "gforms": 40.0}


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("qa40")
    gen.main(folder)
    downloads = sorted((folder / "gforms" / "downloads").glob("*.csv"))
    (folder / "gforms" / "latest.csv").write_bytes(downloads[-1].read_bytes())
    return folder


def score_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert main(["score", *args, "--format", "json", "--min-report-n", "0"]) == 0
    return json.loads(capsys.readouterr().out)


def _by_month(got: dict, unit: str) -> dict[tuple[str, str, str], float]:
    """score's groups as ``(unit, month, figure) -> value``."""
    return {(g["group"][unit], g["group"]["period"], key): g[key]
            for g in got["groups"] for key in ("n", "nps", "ci_low", "ci_high")}  # fmt: skip


def _expected(frame: pd.DataFrame) -> dict[tuple[str, str, str], float]:
    out = {}
    for (unit, month), rows in frame.groupby(["unit", "month"]):
        f = check.figures(rows["score"])
        for key, value in (("n", f.n), ("nps", f.nps), ("ci_low", f.low), ("ci_high", f.high)):
            out[(str(unit), month, key)] = value
    return out


def _same(got: dict, expected: dict) -> None:
    """The same groups and figures (score's JSON has six decimals)."""
    assert got.keys() == expected.keys()
    assert got == pytest.approx(expected, abs=1e-5)


@pytest.mark.parametrize("history", HISTORIES)
def test_pandas_reads_each_history_as_the_generator_wrote_it(history: str, root: Path) -> None:
    assert check.truth_agrees(history, root)


def test_check_s_interval_is_the_docstring_s_worked_example() -> None:
    # nps_kit.stats.nps_interval(50, 30, 20) == (14.05…, 44.20…): the same from the formula.
    scores = pd.Series([10] * 50 + [7] * 30 + [0] * 20, dtype=float)
    f = check.figures(scores)
    assert (round(f.low, 2), round(f.high, 2)) == (14.05, 44.2)


@pytest.mark.parametrize("history", HISTORIES)
def test_every_unit_month_s_n_nps_and_interval_equal_pandas(
    history: str, root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA40: the chain's export read with init's dedupe: resubmissions lost one response in
    # each month dated in 和暦 without a time (two people's same answers "0 seconds apart").
    data, score, unit, date = SCORE_ARGS[history]
    dedupe = ["--dedupe", "resubmissions"] if history == "retail" else []
    got = score_json(capsys, str(root / data), "--score-column", score, "--by", unit,
                     "--period", "month", "--date-column", date, *dedupe)  # fmt: skip
    _same(_by_month(got, unit), _expected(check.read(history, root)))


def test_a_year_of_qualtrics_files_that_gained_a_question_in_may_is_read(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA40: refused whole ("ledgerly_nps_2026-05.csv: its columns differ … it adds 'Q6'").
    gen.write_saas(tmp_path, gained=True)
    exports = str(tmp_path / "saas" / "exports")
    got = score_json(capsys, exports, "--score-column", gen.SAAS_NPS, "--by", gen.SAAS_UNIT,
                     "--period", "month", "--date-column", "StartDate")  # fmt: skip
    _same(_by_month(got, gen.SAAS_UNIT), _expected(check.read("saas", tmp_path)))
    capsys.readouterr()
    assert (
        main(["score", str(tmp_path / "saas" / "exports"), "--score-column", gen.SAAS_GAINED]) == 0
    )
    out = capsys.readouterr().out
    assert "excluded: 0 missing" not in out  # the months before May have no answer to it


def test_google_forms_downloads_across_the_rename_say_what_to_do(
    root: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA40: "…2026-01-01.csv has no column '<new title>' … Did you mean '<old title>'?", which
    # the downloads from July lack: the user was sent back and forth.
    folder = root / "gforms" / "downloads"
    files = sorted(folder.glob("*.csv"))
    for title in (gen.GF_NEW, gen.GF_OLD):
        capsys.readouterr()
        assert main(["score", str(folder), "--score-column", title]) == 2
        err = " ".join(capsys.readouterr().err.split())
        assert err == (
            f"nps-kit score: error: {files[6]}: its columns differ from {files[0].name}'s: it "
            f"lacks {gen.GF_OLD!r} and adds {gen.GF_NEW!r}. A later file of a folder or glob in "
            "data.path may add columns to the earlier files' (a question added: the earlier "
            "responses are blank in it), never lack one. A question renamed is one column "
            "lacked and one added: give the earlier files its new header, or, when each file "
            "holds every response so far (Google Forms' download, a cumulative export), point "
            "data.path at the latest file alone."
        )


def test_cumulative_downloads_since_the_rename_count_each_response_once(
    root: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A scheduler's drop: each month's download (every response so far) beside the others.
    drop = tmp_path / "drop"
    drop.mkdir()
    for file in sorted((root / "gforms" / "downloads").glob("*.csv"))[6:]:
        (drop / file.name).write_bytes(file.read_bytes())
    got = score_json(capsys, str(drop), "--score-column", gen.GF_NEW, "--by", gen.GF_UNIT,
                     "--period", "month", "--date-column", gen.GF_DATE)  # fmt: skip
    _same(_by_month(got, gen.GF_UNIT), _expected(check.read("gforms", root)))


# --- init, alerts, run, send -----------------------------------------------------------------
def _project(root: Path, history: str) -> Path:
    """``init --from`` as a user runs it, then the settings the user adds: target, recipients."""
    project = root / history / "project"
    if project.exists():
        return project
    data, _, unit, _ = SCORE_ARGS[history]
    assert main(["init", str(project), "--from", str(root / data), "--unit-column", unit]) == 0
    parameters = project / "parameters"
    defaults = parameters / "defaults.yaml"
    text = defaults.read_text("utf-8").replace("target: null", f"target: {TARGETS[history]:g}")
    if history == "gforms":
        # What defaults.yaml proposes for alerts without an id or a consent question.
        text = text.replace("  id: null\n", "  id: Timestamp\n")
        text = text.replace("  # contact_details: [", "  contact_details: [")
    defaults.write_text(text, "utf-8")
    for k, path in enumerate(sorted(parameters.glob("*.yaml"))):
        if path.stem not in ("defaults", "themes", "playbook"):
            extra = f"\nmail:\n  to: [team{k}@example.com]\nalerts:\n  to: [desk{k}@example.com]\n"
            path.write_text(path.read_text("utf-8") + extra, "utf-8")
    return project


def _folders(project: Path) -> list[str]:
    return ["--parameters", str(project / "parameters"), "--output", str(project / "reports")]


@pytest.mark.parametrize("history", HISTORIES)
def test_init_reads_the_columns_and_sets_the_target(history: str, root: Path) -> None:
    project = _project(root, history)
    defaults = yaml.safe_load((project / "parameters" / "defaults.yaml").read_text("utf-8"))
    _, score, _, date = SCORE_ARGS[history]
    assert (defaults["columns"]["score"], defaults["columns"]["date"]) == (score, date)
    assert defaults["target"] == TARGETS[history]
    assert defaults["comparison"] == ["previous", "last_year"]


def _alerted(smtp: Recorder) -> dict[str, int]:
    got = {}
    for message in smtp.received:
        subject = " ".join(str(message.message["Subject"]).split())
        found = re.search(
            r"[\[【]NPS[\]】] ?(.+?)[:：]\s*(?:(\d+) new detractors?|.*?(\d+)人)", subject
        )
        assert found is not None, subject
        got[found[1]] = int(found[2] or found[3])
    return got


@pytest.mark.parametrize("history", HISTORIES)
def test_alerts_since_a_date_mail_exactly_pandas_contactable_detractors(
    history: str, root: Path, smtp: Recorder, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _project(root, history)
    capsys.readouterr()
    code = main(["alerts", "--all", "--since", "2026-11-20", "--resend", *_folders(project)])
    err = capsys.readouterr().err
    assert code == 0, err
    expected = check.detractors_since(check.read(history, root), pd.Timestamp("2026-11-20"))
    assert _alerted(smtp) == expected
    assert "Traceback" not in err


# --- the whole month on real kernels ---------------------------------------------------------
def _run(project: Path, period: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "run", "--all", "--period", period,
         *_folders(project)],
        capture_output=True, text=True, check=False, cwd=project,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    assert "Traceback" not in done.stderr
    return json.loads((project / "reports" / period / "manifest.json").read_text("utf-8"))


def _agrees(summary: dict, frame: pd.DataFrame, name: str, period: str, target: float) -> None:
    """Every headline figure of one unit's summary against check.py."""
    now = check.figures(frame.loc[(frame["unit"] == name) & (frame["month"] == period), "score"])
    assert (summary["n"], summary["nps"]) == (now.n, pytest.approx(now.nps, abs=1e-9)), name
    assert summary["ci_low"] == pytest.approx(now.low, abs=1e-9), name
    assert summary["ci_high"] == pytest.approx(now.high, abs=1e-9), name
    assert summary["small_sample"] == (now.n < 30), name
    assert summary["target"] == target
    assert summary["target_status"] == check.target_status(now, target).replace(" ", "_"), name
    control = summary["control"]
    if control is not None and control["low"] is not None:
        # p-chart on the trinomial variance pooled over the 12 months shown, ±3σ at this n.
        shown = [check.previous_month(period, k) for k in range(12)]
        pooled = frame.loc[(frame["unit"] == name) & frame["month"].isin(shown), "score"].dropna()
        p_pro, p_det = (pooled >= 9).mean(), (pooled <= 6).mean()
        centre, sigma = p_pro - p_det, ((p_pro + p_det - (p_pro - p_det) ** 2) / now.n) ** 0.5
        assert control["centre"] == pytest.approx(100 * centre, abs=1e-9), name
        # Limits beyond the scale (Analytics' 8 responses: +108.6) are clipped to it.
        low, high = max(100 * (centre - 3 * sigma), -100), min(100 * (centre + 3 * sigma), 100)
        assert control["low"] == pytest.approx(low, abs=1e-9), name
        assert control["high"] == pytest.approx(high, abs=1e-9), name
        outside = (
            "below" if now.nps < control["low"] else "above" if now.nps > control["high"] else None
        )
        assert control["outside"] == outside, name
    for change in summary["changes"]:
        back = 1 if change["kind"] == "previous" else 12
        month = check.previous_month(period, back)
        rows = frame.loc[(frame["unit"] == name) & (frame["month"] == month), "score"].dropna()
        assert change["vs"] == month
        if rows.empty:  # a store not open a year ago
            assert (change["verdict"], change["diff"]) == ("insufficient_data", None), name
            continue
        before = check.figures(rows)
        c = check.change(now, before)
        # The change shown is the difference of the two NPS as shown (to 0.1).
        assert change["diff"] == pytest.approx(round(now.nps, 1) - round(before.nps, 1)), name
        assert abs(change["diff"] - c.diff) <= 0.1 + 1e-9
        assert change["ci_low"] == pytest.approx(c.low, abs=1e-9), name
        assert change["ci_high"] == pytest.approx(c.high, abs=1e-9), name
        assert change["p_value"] == pytest.approx(c.p_value, rel=1e-9, abs=1e-12), name
        assert change["verdict"] == {"improvement": "improvement", "decline": "decline",
                                     "no change": "no_change"}[c.verdict], name  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("history", HISTORIES)
def test_run_of_november_and_send_carry_pandas_figures(
    history: str, root: Path, smtp: Recorder
) -> None:
    # QA40: 梅田店's November against November 2025 was +23.6 (one response of 2025-11 lost
    # to the resubmission rule) for pandas' +22.2.
    project = _project(root, history)
    manifest = _run(project, "2026-11")
    frame = check.read(history, root)
    names = {u["name"] for u in manifest["units"]}
    assert names == set(frame["unit"])
    for unit in manifest["units"]:
        assert unit["status"] == "ok", unit
        _agrees(unit["summary"], frame, unit["name"], "2026-11", TARGETS[history])
    assert main(["send", "--all", "--period", "2026-11", *_folders(project)]) == 0
    subjects = [" ".join(str(m.message["Subject"]).split()) for m in smtp.received]
    assert len(subjects) == len(names)
    for name in names:
        f = check.figures(
            frame.loc[(frame["unit"] == name) & (frame["month"] == "2026-11"), "score"]
        )
        subject = next(s for s in subjects if name in s)
        shown = f"{f.nps:+.1f}".replace("-", "−")
        assert shown in subject.replace("-", "−"), subject
