"""QA32's three exports (``tests/qa32``) through inspect, init, score, headlines and alerts.

A French restaurant chain's Typeform CSV (cp1252, ``;``, decimal commas in a rating out of 5, a
header with ® and accents, day-first dates, a hidden field ``ville``, French comments), a dental
group's Microsoft Forms XLSX (Forms' own columns, Email ``anonymous``, ``11/30/26 10:05:33``
times, a ``;``-joined multi-select) and a Japanese clinic group's cp932 CSV (half-width kana
headers, 回答No, the recommend question worded with 紹介, scores ``10点`` / ``０``, 連絡の可否
可/否, 「、」-joined multi-select). The generators write each export and its truth; every figure
here is computed again with pandas (``check.py``). The report's figures are those of
``prepare_unit`` and ``headline``, what the report notebook calls, without starting a kernel;
alerts go to a real SMTP server (aiosmtpd, ``tests/_smtp.py``).
"""

from __future__ import annotations

import html
import json
import re
import shutil
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest
import yaml
from _qa import qa_script
from _smtp import Recorder, server  # noqa: F401

from nps_kit.cli import main
from nps_kit.followup import ratings_summary
from nps_kit.inspect import inspect_export, speaks_of_recommending
from nps_kit.unit import headline, prepare_unit

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


check = qa_script("qa32", "check")
gen_bistro = qa_script("qa32", "gen_bistro_typeform")
gen_dental = qa_script("qa32", "gen_dental_msforms")
gen_clinic = qa_script("qa32", "gen_clinic_cp932")

MONTH = "2026-11"


class Case:
    """One export: its generator, file, unit column, date, score and id columns."""

    def __init__(self, gen: ModuleType, dataset: str, unit: str, date: str, score: str, id_: str):
        self.gen, self.file, self.unit, self.date = gen, check.FILES[dataset], unit, date
        self.score, self.id = score, id_


CASES = {
    "bistro": Case(gen_bistro, "bistro", "ville", "Submit Date (UTC)", gen_bistro.NPS_Q, "#"),
    "dental": Case(
        gen_dental, "dental", gen_dental.CLINIC_Q, "Completion time", gen_dental.NPS_Q, "ID"
    ),
    # The header as the file holds it (～, what cp932's 0x8160 reads as) ...
    "clinic": Case(gen_clinic, "clinic", "ｸﾘﾆｯｸ名", "回答日時", gen_clinic.NPS_Q_WRITTEN, "回答No"),
}


@pytest.fixture(scope="module")
def exports(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("qa32")
    for case in CASES.values():
        case.gen.main(root / case.file)
    return root


def score_json(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    capsys.readouterr()
    assert main(["score", *args, "--format", "json", "--min-report-n", "0"]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("dataset", list(CASES))
def test_inspect_finds_score_date_and_id(dataset: str, exports: Path) -> None:
    case = CASES[dataset]
    found = inspect_export(exports / case.file)
    assert (found.nps_column, found.date_column) == (case.score, case.date)
    assert found.column(case.id).kind == "id"  # QA32: 回答No was a 'number'
    assert speaks_of_recommending(found.column(case.score))  # 紹介したい too
    if dataset == "bistro":
        # A rating out of 5 in half points with decimal commas is a rating.
        assert found.column("Note de la cuisine (sur 5)").kind == "rating"
        assert found.column("Start Date (UTC)").detail == "day-first"
    if dataset == "dental":
        assert found.column("Email").kind == "metadata"  # "anonymous" on every row
        assert found.column("Completion time").detail == "month-first"
    if dataset == "clinic":
        assert found.column("ご来院の目的（複数回答）").separator == "、"


@pytest.mark.parametrize("dataset", list(CASES))
def test_score_by_unit_and_month_equals_pandas(
    dataset: str, exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    case = CASES[dataset]
    got = score_json(
        capsys, str(exports / case.file), "--score-column", case.score, "--by", case.unit,
        "--period", "month", "--date-column", case.date,
    )  # fmt: skip
    truth = check.truth(dataset, exports)
    n, value = check.nps(truth["score"])
    assert (got["overall"]["n"], round(got["overall"]["nps"], 4)) == (n, round(value, 4))
    expected = {
        (str(unit), month): check.nps(g["score"])
        for (unit, month), g in truth.groupby(["unit", "month"])
        if g["score"].notna().any()
    }
    seen = {
        (g["group"][case.unit], g["group"]["period"]): (g["n"], round(g["nps"], 4))
        for g in got["groups"]
    }
    assert seen == {k: (n, round(v, 4)) for k, (n, v) in expected.items()}


def test_the_recommend_question_is_found_as_typed_with_either_wave_dash(
    exports: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Typed as the brief words it (〜 U+301C) the header is the file's （0～10） (U+FF5E).
    got = score_json(
        capsys, str(exports / CASES["clinic"].file), "--score-column", gen_clinic.NPS_Q
    )
    assert got["overall"]["n"] == check.nps(check.truth("clinic", exports)["score"])[0]


@pytest.mark.parametrize("dataset", list(CASES))
def test_each_unit_s_headline_and_change_equal_pandas(dataset: str, exports: Path) -> None:
    case = CASES[dataset]
    expected = check.by_unit(dataset, MONTH, exports)
    for unit, e in expected.iterrows():
        u = prepare_unit(
            exports / case.file, name=str(unit), unit_column=case.unit, unit_values=[str(unit)],
            score_column=case.score, date_column=case.date, period=MONTH,
        )  # fmt: skip
        head = headline(u, comparisons=("previous",))
        assert head.result.n == e["n"], unit
        assert head.result.nps == pytest.approx(e["nps"], abs=1e-9), unit
        change = round(round(head.result.nps, 1) - round(head.comparisons[0].result.nps, 1), 1)
        assert change == pytest.approx(e["change"]), unit


def test_the_half_point_rating_s_means_equal_pandas(exports: Path) -> None:
    # "4,5" is 4.5: the mean rating per segment of each city's month, as pandas reads it.
    case = CASES["bistro"]
    raw = pd.read_csv(exports / case.file, sep=";", encoding="cp1252", dtype=str)
    raw["when"] = pd.to_datetime(raw[case.date], format="%d/%m/%Y %H:%M")
    raw["rating"] = raw["Note de la cuisine (sur 5)"].str.replace(",", ".").astype(float)
    raw["score"] = pd.to_numeric(raw[case.score])
    for ville in ("Lille", "Marseille"):
        u = prepare_unit(
            exports / case.file, name=ville, unit_column="ville", unit_values=[ville],
            score_column=case.score, date_column=case.date, period=MONTH,
        )  # fmt: skip
        table = ratings_summary(
            u.current, {"Note de la cuisine (sur 5)": "Note de la cuisine"}, score="nps_score",
            scale=(1, 5), min_report_n=0,
        )  # fmt: skip
        mine = raw[(raw["ville"] == ville) & (raw["when"].dt.strftime("%Y-%m") == MONTH)]
        mine = mine[mine["score"].notna()]
        detractors = mine.loc[mine["score"] <= 6, "rating"]
        got = table.set_index("segment")
        assert got.loc["all", "n"] == len(mine)
        assert got.loc["all", "mean"] == pytest.approx(mine["rating"].mean())
        assert got.loc["detractor", "mean"] == pytest.approx(detractors.mean())
        assert got.loc["all", "invalid"] == 0


def _init(exports: Path, dataset: str) -> Path:
    case = CASES[dataset]
    project = exports / f"project_{dataset}"
    if not project.exists():
        args = ["init", str(project), "--from", str(exports / case.file)]
        assert main([*args, "--unit-column", case.unit]) == 0
    return project


def _defaults(project: Path) -> dict:
    return yaml.safe_load((project / "parameters" / "defaults.yaml").read_text("utf-8"))


def test_init_for_microsoft_forms_proposes_no_breakdown_by_anonymous_email(exports: Path) -> None:
    defaults = _defaults(_init(exports, "dental"))
    assert defaults["breakdowns"] == []  # not "NPS by Email" (one group: anonymous)
    assert defaults["columns"]["id"] == "ID"
    multi = next(f for f in defaults["followups"] if f["type"] == "multi")
    assert (multi["separator"], multi["label"]) == (";", "What did we do well")  # not "Did we"


def test_init_for_the_clinic_names_回答no_the_id_in_japanese(exports: Path) -> None:
    project = _init(exports, "clinic")
    defaults = _defaults(project)
    assert defaults["columns"]["id"] == "回答No"
    assert defaults["columns"]["contact"] == "連絡の可否"
    multi = next(f for f in defaults["followups"] if f["type"] == "multi")
    assert (multi["separator"], multi["label"]) == ("、", "ご来院の目的")
    text = (project / "parameters" / "defaults.yaml").read_text("utf-8")
    assert "設問文が推奨意向（おすすめするか）を尋ねています" in text
    assert "is distinct in" not in text


def test_init_for_the_french_chain_rates_the_food_and_says_no_pack_reads_french(
    exports: Path,
) -> None:
    project = _init(exports, "bistro")
    defaults = _defaults(project)
    assert defaults["data"]["encoding"] == "cp1252"
    assert defaults["data"]["date_format"] == "day-first"
    assert {"column": "Note de la cuisine (sur 5)", "type": "rating", "scale": [1, 5],
            "label": "Note de la cuisine"} in defaults["followups"]  # fmt: skip
    text = (project / "parameters" / "defaults.yaml").read_text("utf-8")
    assert "comments are in languages no pack reads (French 91 %)" in text


@pytest.mark.parametrize("dataset", list(CASES))
def test_alerts_list_exactly_pandas_contactable_detractors(
    dataset: str, exports: Path, smtp: Recorder
) -> None:
    project = _init(exports, dataset)
    defaults = project / "parameters" / "defaults.yaml"
    text = defaults.read_text("utf-8")
    if "owners@example.com" not in text:
        defaults.write_text(text + "\nalerts:\n  to: [owners@example.com]\n", "utf-8")
    since = "2026-11-20"
    args = ["alerts", "--all", "--since", since, "--parameters", str(project / "parameters"),
            "--output", str(project / "reports")]  # fmt: skip
    assert main(args) == 0  # the clinic's were refused: no id
    got = {}
    for message in smtp.received:
        subject = str(message.message["Subject"])
        found = re.fullmatch(r"(?:\[NPS\] |【NPS】)(.+?)[:：] ?\D*(\d+).*", subject)
        assert found is not None, subject
        got[found[1]] = int(found[2])
    assert got == check.alert_counts(dataset, since, exports).to_dict()


@pytest.mark.parametrize(
    ("dataset", "args", "said"),
    [
        ("bistro", ["--score-column", "Recommanderiez-vous ? (0-10)"],
         "has no column 'Recommanderiez-vous ? (0-10)' (--score-column)"),
        ("dental", ["--sheet", "Form1"], "has no sheet 'Form1'; sheets: 'Sheet1'"),
        ("clinic", ["--encoding", "utf-8"], "is not valid utf-8 at byte 0; try --encoding cp932"),
        ("bistro", ["--encoding", "utf-8"], "is not valid utf-8 at byte 37; try --encoding cp1252"),
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

    lines = (exports / CASES["bistro"].file).read_bytes().decode("cp1252").split("\r\n")
    cells = lines[3].split(";")
    cells[1] = "11"
    lines[3] = ";".join(cells)
    (exports / "bistro_11.csv").write_bytes("\r\n".join(lines).encode("cp1252"))
    book = load_workbook(exports / CASES["dental"].file)
    book["Sheet1"]["G5"] = 11
    book.save(exports / "dental_11.xlsx")
    lines = (exports / CASES["clinic"].file).read_bytes().decode("cp932").split("\r\n")
    cells = lines[6].split(",")
    cells[3] = "１１点"
    lines[6] = ",".join(cells)
    (exports / "clinic_11.csv").write_bytes("\r\n".join(lines).encode("cp932"))
    for name, dataset, row, cell in [
        ("bistro_11.csv", "bistro", 4, "'11'"),  # as the CSV writes it (FIX95)
        ("dental_11.xlsx", "dental", 5, "11"),
        ("clinic_11.csv", "clinic", 7, "'１１点'"),
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


def _visible(page: str) -> str:
    """A page's or an e-mail's text as read: a block's end breaks words, a span's does not."""
    page = re.sub(r"<(style|script)\b.*?</\1>", " ", page, flags=re.S)
    page = re.sub(r"<br\b[^>]*>|</(?:h\d|p|li|td|th|div|summary)>", " ", page)
    page = re.sub(r"<[^>]+>", "", page)
    return re.sub(r"\s+", " ", html.unescape(page)).replace("\xa0", " ")


def _run_and_send(
    exports: Path, dataset: str, unit: str, lang: str, monkeypatch: pytest.MonkeyPatch
) -> tuple[Path, Path]:
    """Run and send one unit of a copy of ``init --from``'s project in ``lang``.

    Returns the period folder and the project.
    """
    project = exports / f"fix78_{dataset}_{lang}"
    if not project.exists():
        shutil.copytree(_init(exports, dataset), project)
    params = project / "parameters"
    defaults = params / "defaults.yaml"
    text = re.sub(r"\nlanguage: \w+\n", f"\nlanguage: {lang}\n", defaults.read_text("utf-8"))
    defaults.write_text(text, "utf-8")
    path = params / f"{unit}.yaml"
    path.write_text(path.read_text("utf-8") + f"mail:\n  to: [{unit}@example.com]\n", "utf-8")
    monkeypatch.chdir(project)
    out = ["--parameters", str(params), "--output", str(project / "reports")]
    assert main(["run", unit, "--period", MONTH, *out]) == 0
    assert main(["send", unit, "--period", MONTH, *out]) == 0
    return project / "reports" / MONTH, project


def _mail_and_cell(smtp: Recorder, folder: Path, name: str) -> tuple[str, str, str]:
    """The e-mail's text and HTML parts as read, and the unit's top-complaint cell."""
    (message,) = [r.message for r in smtp.received]
    plain = message.get_body(("plain",)).get_content().replace("\r\n", "\n")
    rich = _visible(message.get_body(("html",)).get_content())
    overview = (folder / "index.html").read_text("utf-8")
    row = next(r for r in re.findall(r"<tr\b.*?</tr>", overview, flags=re.S) if name in r)
    return plain, rich, _visible(re.findall(r"<td\b.*?</td>", row, flags=re.S)[-2])


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_french_comments_say_why_there_are_no_themes_in_the_mail_and_the_overview(
    lang: str,
    exports: Path,
    smtp: Recorder,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # FIX78 #1: Marseille's report said "Most comments (23 of 27) are in French …" under its
    # question, but its e-mail showed no themes and no reason and the overview's Top complaint
    # a bare "—". The same sentence, in the report's language, in all three.
    capsys.readouterr()
    folder, _ = _run_and_send(exports, "bistro", "marseille", lang, monkeypatch)
    truth = check.truth("bistro", exports)
    mine = truth.loc[(truth["unit"] == "Marseille") & (truth["month"] == MONTH)]
    # REVIEW35: the sentence told the manager who reads the report and the e-mail to write
    # words in themes.yaml, which a manager cannot; it says what it means for them.
    said = {
        "en": "Most comments ({n} of {c}) are in French, which this report's analysis does not "
        "read: they are not analysed, so no themes or typical phrases come from them.",
        "ja": "コメントの多く（{c}件中{n}件）はフランス語で、このレポートの分析はこの言語を"
        "読みません。これらのコメントは分析されず、テーマも特徴語も出ていません。",
    }[lang]
    report = _visible((folder / "marseille.html").read_text("utf-8"))
    found = re.search(r"(\d+) of (\d+)\) are in French|（(\d+)件中(\d+)件）はフランス語", report)
    assert found is not None
    n, c = (found[1], found[2]) if lang == "en" else (found[4], found[3])
    sentence = said.format(n=n, c=c)
    assert sentence in report
    assert 2 * int(n) >= int(c) and int(c) <= len(mine)
    plain, rich, cell = _mail_and_cell(smtp, folder, "Marseille")
    themes = "Top themes" if lang == "en" else "主なテーマ"
    assert f"{themes}\n{sentence}\n" in plain
    assert f"{themes} {sentence}" in rich
    assert sentence in cell
    assert "themes.yaml" not in plain and "themes.yaml" not in rich and "themes.yaml" not in cell
    # The analyst's instruction stays on the analyst's surfaces: the report's data quality
    # (its rows, and the method below it, name themes.yaml; the sentence under the question
    # does not) and the end of the run.
    data_quality = {
        "en": "Comments in a language no theme pack reads",
        "ja": "テーマパックが読まない",
    }
    assert report.index(data_quality[lang]) < report.index("themes.yaml")
    out = capsys.readouterr().out
    # FIX90: the end of the run speaks the project's language, as the report does.
    warned = {
        "en": re.escape(
            f"marseille: warning: Most comments ({n} of {c}) are in French, which this report's "
            "analysis does not read: they are not analysed, so no themes or typical phrases come "
            "from them. Words of that language written in "
        )
        + r"\S*parameters/themes\.yaml tag them, as neutral mentions\.",
        "ja": re.escape(f"marseille: warning: {sentence}その言語の語句を「")
        + r"\S*parameters/themes\.yaml"
        + re.escape("」に書けば、テーマが付きます（賛否は「中立」）。"),
    }[lang]
    assert re.search(warned, out), out


def test_themes_all_under_the_floor_are_said_so_not_a_bare_dash(
    exports: Path, smtp: Recorder, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX78 #4: Bellevue's November comments name five themes, each by fewer than 5 people, so
    # the report shows only their mentions; its e-mail had no themes and the overview's Top
    # complaint "—", which reads as "nobody complained" (its detractors wrote of waiting and
    # of a double bill).
    folder, _ = _run_and_send(exports, "dental", "bellevue", "en", monkeypatch)
    report = _visible((folder / "bellevue.html").read_text("utf-8"))
    assert "every theme has fewer than 5 commenters, so only its mentions are shown" in report
    sentence = (
        "Every theme has fewer than 5 commenters, so no points gained are shown, to keep them "
        "anonymous (the report shows their mentions)."
    )
    plain, rich, cell = _mail_and_cell(smtp, folder, "Bellevue")
    assert f"Top themes\n{sentence}\n" in plain
    assert f"Top themes {sentence}" in rich
    assert cell.startswith("—") and sentence in cell
    # … a figure of a theme under the floor appears nowhere
    assert "Speed and waiting times" not in plain + rich
