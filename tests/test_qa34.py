"""QA34's three exports (``tests/qa34``) through inspect, init, score, headlines and alerts.

A Japanese language school's Google Forms CSV (UTF-8 with BOM, ``2026/11/03 9:05:33 午前
GMT+9`` times, no id and no consent column, Japanese/English comments), a US veterinary chain's
Alchemer XLSX (two header rows, the matrix question repeated over its rows, ``10 - Extremely
likely`` labels, ``Nov 3, 2026 9:05 AM``, partial responses) and a bike-parts shop's
Freshdesk-style ticket survey (Latin-1, ``;``, ``dd-mm-yyyy``, blank lines in the data, a
summary block under it, a ticket answered twice). The generators write each export and its
truth; every figure here is computed again with pandas from the export (``check.py``). The
report's figures are those of ``prepare_unit`` and ``headline``, what the report notebook
calls, without starting a kernel; alerts go to a real SMTP server (aiosmtpd, ``tests/_smtp.py``).
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest
import yaml
from _qa import alerts_all, qa_script
from _smtp import Recorder, server  # noqa: F401

from nps_kit.cli import main
from nps_kit.inspect import inspect_export
from nps_kit.unit import headline, prepare_unit

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


check = qa_script("qa34", "check")
gen_school = qa_script("qa34", "gen_school_gforms")
gen_vet = qa_script("qa34", "gen_vet_alchemer")
gen_bikes = qa_script("qa34", "gen_bikes_freshdesk")

MONTH = "2026-11"


class Case:
    """One export: its generator, file, unit, date and score columns, its id and responses."""

    def __init__(
        self, gen: ModuleType, dataset: str, unit: str, date: str, id_: str | None, n: int
    ) -> None:
        self.gen, self.file, self.unit, self.date = gen, check.FILES[dataset], unit, date
        self.score, self.id, self.responses = gen.NPS_Q, id_, n


CASES = {
    "school": Case(gen_school, "school", "教室", "タイムスタンプ", None, 520),
    "vet": Case(gen_vet, "vet", gen_vet.UNIT_Q, "Date Submitted", "Response ID", 600),
    "bikes": Case(gen_bikes, "bikes", "Canal", "Fecha de respuesta", None, 450),
}


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("qa34")
    for case in CASES.values():
        case.gen.main(root / case.file)
    return root


def score_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert main(["score", *args, "--format", "json", "--min-report-n", "0"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("dataset", list(CASES))
def test_pandas_reads_the_export_as_the_generator_wrote_it(dataset: str, exports: Path) -> None:
    assert check.truth_agrees(dataset, exports)


@pytest.mark.parametrize("dataset", list(CASES))
def test_inspect_finds_score_date_responses_and_id(dataset: str, exports: Path) -> None:
    case = CASES[dataset]
    found = inspect_export(exports / case.file)
    # QA34: the school's 午前/午後 and the vets' "Nov 3, 2026 9:05 AM" were no dates.
    assert (found.nps_column, found.date_column) == (case.score, case.date)
    # QA34: the vets' sub-label row and the shop's summary block were counted as responses.
    assert found.responses == case.responses
    if case.id is not None:
        assert found.column(case.id).kind == "id"
    if dataset == "vet":
        assert found.load.header_rows_skipped + 1 == 2
        for row in gen_vet.ROWS:  # the matrix rows, named by row 2
            assert (found.column(row).kind, found.column(row).detail) == (
                "rating",
                "1–5, labelled",
            )
    if dataset == "bikes":
        assert found.column("ID del ticket").detail == "nearly unique, 14 repeat"
        assert found.column("Fecha de respuesta").detail == "day-first"


@pytest.mark.parametrize("dataset", list(CASES))
def test_score_overall_and_by_unit_and_month_equal_pandas(
    dataset: str, exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[dataset]
    got = score_json(
        capsys, str(exports / case.file), "--score-column", case.score, "--by", case.unit,
        "--period", "month", "--date-column", case.date,
    )  # fmt: skip
    frame = check.read(dataset, exports)
    frame["month"] = frame["when"].dt.strftime("%Y-%m")
    n, value = check.nps(frame["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, round(value, 4))
    expected = {
        (str(unit), month): check.nps(g["score"])
        for (unit, month), g in frame.groupby(["unit", "month"])
        if g["score"].notna().any()
    }
    seen = {
        (g["group"][case.unit], g["group"]["period"]): (g["n"], round(g["nps"], 4))
        for g in got["groups"]
    }
    assert seen == {k: (n, round(v, 4)) for k, (n, v) in expected.items()}


@pytest.mark.parametrize("dataset", list(CASES))
def test_each_unit_s_headline_change_and_its_test_equal_pandas(dataset: str, exports: Path) -> None:
    case = CASES[dataset]
    expected = check.by_unit(dataset, MONTH, exports)
    for unit, e in expected.iterrows():
        u = prepare_unit(
            exports / case.file, name=str(unit), unit_column=case.unit, unit_values=[str(unit)],
            score_column=case.score, date_column=case.date, period=MONTH,
            language="ja" if dataset == "school" else "en",
        )  # fmt: skip
        head = headline(u, comparisons=("previous",))
        assert head.result.n == e["n"], unit
        assert head.result.nps == pytest.approx(e["nps"], abs=1e-9), unit
        change = head.comparisons[0].change
        assert round(round(head.result.nps, 1) - round(head.comparisons[0].result.nps, 1), 1) == (
            pytest.approx(e["change"])
        )
        assert change.p_value == pytest.approx(e["p"], abs=1e-12), unit
        assert change.significant == (e["p"] < 0.05), unit


def test_the_school_s_november_has_its_midnight_answers_and_a_significant_change(
    exports: Path,
) -> None:
    # 12:10:00 午前 on 1 November is ten past midnight JST (November), not noon; 梅田校 rose
    # from −37.5 to +14.1 (p 0.0005), which the report must call an improvement.
    e = check.by_unit("school", MONTH, exports)
    assert e.loc["梅田校", "p"] < 0.001
    frame = check.read("school", exports)
    assert (frame["when"] == "2026-11-01 00:10:00").sum() == 1


def _init(exports: Path, dataset: str) -> Path:
    case = CASES[dataset]
    project = exports / f"project_{dataset}"
    if not project.exists():
        args = ["init", str(project), "--from", str(exports / case.file)]
        assert main([*args, "--unit-column", case.unit]) == 0
    return project


def _defaults(project: Path) -> dict:
    return yaml.safe_load((project / "parameters" / "defaults.yaml").read_text("utf-8"))


def test_init_for_the_school_reads_its_times_in_tokyo_and_says_alerts_need_id_and_consent(
    exports: Path,
) -> None:
    project = _init(exports, "school")
    defaults = _defaults(project)
    assert defaults["language"] == "ja"
    assert defaults["columns"]["date"] == "タイムスタンプ"
    assert (defaults["columns"]["id"], defaults["columns"]["contact"]) == (None, None)
    text = (project / "parameters" / "defaults.yaml").read_text("utf-8")
    assert "「タイムスタンプ」は520行のうち520行で異なる値です。" in text


def test_init_for_the_vets_names_the_matrix_rows_and_the_response_id(exports: Path) -> None:
    defaults = _defaults(_init(exports, "vet"))
    assert defaults["columns"]["id"] == "Response ID"
    assert defaults["columns"]["date"] == "Date Submitted"
    assert defaults["columns"]["contact"] == gen_vet.CONSENT_Q
    ratings = [f for f in defaults["followups"] if f["type"] == "rating"]
    assert [f["column"] for f in ratings] == list(gen_vet.ROWS)


def test_init_for_the_shop_does_not_take_the_repeating_ticket_for_the_id(exports: Path) -> None:
    project = _init(exports, "bikes")
    defaults = _defaults(project)
    assert defaults["data"]["encoding"] == "cp1252"  # reads Latin-1's ñ, á, ¿ alike
    assert defaults["data"]["date_format"] == "day-first"
    assert defaults["columns"]["id"] is None
    text = (project / "parameters" / "defaults.yaml").read_text("utf-8")
    said = " ".join(line.removeprefix("  # ") for line in text.splitlines())
    assert "'ID del ticket' is not the id: 14 of its values repeat in rows that differ" in said
    assert "of 450 rows share a value with an earlier row" in said  # not 453


def _alerted(smtp: Recorder) -> dict[str, int]:
    got = {}
    for message in smtp.received:
        subject = str(message.message["Subject"])
        found = re.fullmatch(r"\[NPS\] (.+?): (\d+) new detractors?.*", subject)
        assert found is not None, subject
        got[found[1]] = int(found[2])
    return got


def test_alerts_for_the_vets_list_exactly_pandas_contactable_detractors(
    exports: Path, smtp: Recorder, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _ = alerts_all(_init(exports, "vet"), "2026-11-20", capsys)
    assert code == 0
    assert _alerted(smtp) == check.alert_counts("vet", "2026-11-20", exports).to_dict()


@pytest.mark.parametrize(
    ("dataset", "said"),
    [
        ("school", "（1）columns.idがありません。"),
        ("bikes", "no columns.id, which the alert log needs to alert each response once"),
    ],
)
def test_alerts_without_an_id_are_refused_with_the_reason_and_exit_2(
    dataset: str, said: str, exports: Path, smtp: Recorder, capsys: pytest.CaptureFixture[str]
) -> None:
    code, err = alerts_all(_init(exports, dataset), "2026-11-20", capsys)
    assert code == 2
    assert said in err and "Traceback" not in err
    assert smtp.received == []


def test_alerts_keyed_on_the_repeating_ticket_alert_each_answer_once(
    exports: Path, smtp: Recorder, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # With id: ID del ticket set by hand, a customer's second answer is its own alert (id and
    # time), so the counts are pandas' per answer, and a warning says the id repeats.
    project = _init(exports, "bikes")
    copy = tmp_path / "bikes_by_ticket"
    (copy / "parameters").mkdir(parents=True)
    for f in (project / "parameters").iterdir():
        text = f.read_text("utf-8").replace("  id: null", "  id: ID del ticket")
        text = text.replace("../../bikes_freshdesk.csv", str(exports / CASES["bikes"].file))
        (copy / "parameters" / f.name).write_text(text, "utf-8")
    code, err = alerts_all(copy, "2026-09-01", capsys)
    assert code == 0
    assert "columns.id ID del ticket repeats" in err
    assert _alerted(smtp) == check.alert_counts("bikes", "2026-09-01", exports).to_dict()


@pytest.mark.parametrize(
    ("dataset", "args", "said"),
    [
        ("school", ["--score-column", "すすめる可能性"],
         "Did you mean '当スクールを友人や同僚にすすめる可能性は？'?"),
        ("vet", ["--sheet", "Sheet1"], "has no sheet 'Sheet1'; sheets: 'Responses'"),
        ("vet", ["--by", "Clinic"], "Did you mean 'Which clinic did you visit?'?"),
        ("bikes", ["--encoding", "utf-8"], "is not valid utf-8 at byte 53; try --encoding cp1252"),
        ("school", ["--encoding", "cp932"], "is not valid cp932 at byte 0; try --encoding utf-8"),
        # QA34: latin-1 decodes any bytes: the garbled header was listed to choose from.
        ("school", ["--encoding", "latin-1"],
         "The file reads as utf-8, not in the encoding given, which garbles its header"),
    ],
)  # fmt: skip
def test_bad_input_is_one_specific_message_and_exit_2(
    dataset: str, args: list[str], said: str, exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[dataset]
    capsys.readouterr()
    extra = [] if "--score-column" in args else ["--score-column", case.score]
    assert main(["score", str(exports / case.file), *extra, *args]) == 2
    err = capsys.readouterr().err
    assert said in err and "Traceback" not in err


def test_a_score_of_11_is_named_with_its_row_in_every_format(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from openpyxl import load_workbook

    lines = (exports / CASES["school"].file).read_bytes().decode("utf-8-sig").split("\r\n")
    cells = lines[3].split(",")
    cells[3] = "11"
    lines[3] = ",".join(cells)
    (exports / "school_11.csv").write_bytes("\r\n".join(lines).encode("utf-8-sig"))
    book = load_workbook(exports / CASES["vet"].file)
    book["Responses"]["F6"] = "11 - Extremely likely"
    book.save(exports / "vet_11.xlsx")
    lines = (exports / CASES["bikes"].file).read_bytes().decode("latin-1").split("\r\n")
    cells = lines[4].split(";")
    cells[5] = "11"
    lines[4] = ";".join(cells)
    (exports / "bikes_11.csv").write_bytes("\r\n".join(lines).encode("latin-1"))
    for name, dataset, row, cell in [
        ("school_11.csv", "school", 4, "'11'"),  # as the CSV writes it (FIX95)
        ("vet_11.xlsx", "vet", 6, "'11 - Extremely likely'"),  # below two header rows
        ("bikes_11.csv", "bikes", 5, "'11'"),
    ]:
        score = CASES[dataset].score
        capsys.readouterr()
        path = str(exports / name)
        assert main(["score", path, "--score-column", score, "--strict"]) == 2
        err = capsys.readouterr().err
        assert f"1 invalid score(s) in column {score!r}: row {row}: {cell}." in err, name
        assert "Traceback" not in err
        assert main(["score", path, "--score-column", score]) == 0
        assert "1 invalid" in capsys.readouterr().out, name


def test_a_period_with_no_answers_names_the_months_there_are_and_exits_2(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = _init(exports, "vet")
    capsys.readouterr()
    folders = ["--parameters", str(project / "parameters"), "--output", str(project / "out")]
    code = main(["run", "--all", "--period", "2026-05", *folders])
    err = capsys.readouterr().err
    assert code == 2
    assert "none of the 4 units has responses to report" in err
    assert (
        "austin has no responses in 2026-05; its responses (Which clinic did you visit? = "
        "'Austin') in vet_alchemer.xlsx cover 2026-09 to 2026-11."
    ) in err
    assert "Traceback" not in err


@pytest.mark.slow
def test_run_and_send_of_the_school_carry_pandas_figures_to_the_subjects(
    exports: Path, smtp: Recorder, tmp_path: Path
) -> None:
    # The whole path on real kernels and a real SMTP server: each classroom's November NPS, n
    # and change from October with its test, in manifest.json and in the mail's subject.
    import os
    import subprocess

    project = _init(exports, "school")
    parameters = tmp_path / "parameters"
    parameters.mkdir()
    for f in (project / "parameters").iterdir():
        text = f.read_text("utf-8").replace(
            "../../school_gforms.csv", str(exports / "school_gforms.csv")
        )
        if f.stem in check.by_unit("school", MONTH, exports).index:
            text += f"\nmail:\n  to: [team{len(f.stem)}@example.com]\n"
        (parameters / f.name).write_text(text, "utf-8")
    folders = ["--parameters", str(parameters), "--output", str(tmp_path / "reports")]
    done = subprocess.run(
        [sys.executable, "-m", "nps_kit.cli", "run", "--all", "--period", MONTH, "--jobs", "2",
         "--notebook", str(project / "notebooks" / "nps_report.ipynb"), *folders],
        capture_output=True, text=True, check=False,
        env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr + done.stdout
    manifest = tmp_path / "reports" / MONTH / "manifest.json"
    assert check.check_run("school", str(manifest), root=exports) == 0
    assert main(["send", "--all", "--period", MONTH, *folders]) == 0
    expected = check.by_unit("school", MONTH, exports)
    seen = {}
    for message in smtp.received:
        subject = str(message.message["Subject"])
        found = re.fullmatch(
            r"【NPS】(\S+) 2026年11月：([+−]?[\d.]+)（前月比([+−][\d.]+)、(.+)）", subject
        )
        assert found is not None, subject
        number = [float(found[k].replace("−", "-")) for k in (2, 3)]
        seen[found[1]] = (*number, found[4] != "有意な変化なし")
    assert seen == {
        str(u): (round(e["nps"], 1), e["change"], bool(e["p"] < 0.05))
        for u, e in expected.iterrows()
    }
