"""A workbook's code table (:mod:`nps_kit._code_table`): read, matched, written by init (CODES40).

Fixtures are written here with openpyxl (``tests/_codebooks.py``): a Japanese 集計表 with a
コード表 sheet in the long layout, an English export with a Codebook sheet in the block layout.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from _codebooks import (
    EN_FREQUENCY,
    EN_REGION,
    EN_SCORE,
    EN_SEX,
    JA_AGE,
    JA_CHANNEL,
    JA_FREQUENCY,
    JA_SCORE,
    JA_SEX,
    JA_SHOPS,
    nps,
    write_agency_ja,
    write_codebook_en,
    write_multi_ja,
)
from openpyxl import Workbook

from nps_kit._code_table import found_code_tables, match_columns, read_code_tables
from nps_kit.analysis import analyse_followups
from nps_kit.cli import main
from nps_kit.inspect import inspect_export
from nps_kit.load import read_column_index
from nps_kit.params import load_unit, notebook_parameters
from nps_kit.unit import prepare_unit

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


def _labels(codes: dict[int, str]) -> dict[str, str]:
    return {str(code): label for code, label in codes.items()}


@pytest.fixture(scope="module")
def ja(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    path = tmp_path_factory.mktemp("ja") / "集計表.xlsx"
    return path, write_agency_ja(path)


@pytest.fixture(scope="module")
def en(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, pd.DataFrame]:
    path = tmp_path_factory.mktemp("en") / "export.xlsx"
    return path, write_codebook_en(path)


def test_the_long_layout_is_read_question_by_question_in_order(
    ja: tuple[Path, pd.DataFrame],
) -> None:
    tables = read_code_tables(ja[0])
    assert tables is not None and tables.sheet == "コード表"
    assert list(tables.tables) == ["店舗", "性別", "年代", "利用頻度", "Q9. 世帯年収"]
    assert list(tables.tables["年代"].items()) == list(_labels(JA_AGE).items())


def test_the_block_layout_is_read_and_a_title_row_is_no_question(
    en: tuple[Path, pd.DataFrame],
) -> None:
    tables = read_code_tables(en[0])
    assert tables is not None and tables.sheet == "Codebook"
    assert tables.tables == {
        "Region": _labels(EN_REGION),
        "Q3 Gender": _labels(EN_SEX),
        "Q4 Visit frequency": _labels(EN_FREQUENCY),
    }


@pytest.mark.parametrize(
    ("heading", "question"),
    [
        (["質問", "値", "ラベル"], "SQ1"),
        (["Variable", "Value", "Label"], "SQ1"),
        (["Question", "Code", "Value label"], "SQ1"),
    ],
)
def test_long_layout_headings_in_either_language(
    tmp_path: Path, heading: list[str], question: str
) -> None:
    path = tmp_path / "book.xlsx"
    wb = Workbook()
    wb.active.append(["SQ1 性別", "score"])
    sheet = wb.create_sheet("Labels")
    sheet.append(heading)
    sheet.append([question, 1, "男性"])
    sheet.append([question, 2, "女性"])  # the question on every row
    wb.save(path)
    tables = read_code_tables(path)
    assert tables is not None and tables.tables == {question: {"1": "男性", "2": "女性"}}
    # 'SQ1' is the number the header 'SQ1 性別' starts with.
    assert match_columns(tables, read_column_index(path)) == ({question: "SQ1 性別"}, [])


def test_the_answers_sheet_is_never_read_as_a_code_table(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    wb = Workbook()
    answers = wb.active
    answers.title = "コード表"  # named like one, but it is the first sheet: the answers
    answers.append(["設問", "コード", "選択肢"])
    answers.append(["性別", 1, "男性"])
    answers.append(["性別", 2, "女性"])
    wb.save(path)
    assert read_code_tables(path) is None
    assert read_code_tables(tmp_path / "answers.csv") is None


def test_a_sheet_of_answers_after_a_cover_sheet_is_no_code_table(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # MSG42: inspecting a workbook whose answers follow a cover sheet (表紙) read the answers'
    # sheet as a block code table: its header row as one question, each row's id as a code
    # and its next cell as the label, and said "Sheet '回答データ' is a code table".
    from _exports import write_with_cover_sheet

    path = write_with_cover_sheet(tmp_path / "cover.xlsx")
    assert read_code_tables(path) is None
    assert read_code_tables(path, data_sheet="表紙") is None
    assert main(["inspect", str(path), "--language", "en"]) == 2
    assert "code table" not in capsys.readouterr().out


def test_questions_are_matched_to_columns_and_the_others_said(
    ja: tuple[Path, pd.DataFrame],
) -> None:
    found = found_code_tables(ja[0], read_column_index(ja[0]))
    assert found is not None
    assert found.value_labels == {
        "店舗": _labels(JA_SHOPS),
        "性別": _labels(JA_SEX),
        "年代": _labels(JA_AGE),
        "利用頻度": _labels(JA_FREQUENCY),
    }
    assert found.unmatched == ("Q9. 世帯年収",)
    assert found.note == (
        "Sheet 'コード表' is a code table: the codes of '店舗', '性別', '年代', '利用頻度' are "
        "read as its labels (value_labels). No column is 'Q9. 世帯年収'."
    )


def test_eleven_score_codes_without_their_points_are_left_as_codes(tmp_path: Path) -> None:
    # 1 = 全くそう思わない … 11 = 非常にそう思う: which code is which point is not said, so the
    # score check refuses the codes (QA39) rather than read words as no score at all.
    path = tmp_path / "book.xlsx"
    wb = Workbook()
    wb.active.append(["Q1", "性別"])
    sheet = wb.create_sheet("コード表")
    sheet.append(["設問", "コード", "選択肢"])
    for code in range(1, 12):
        sheet.append(
            ["Q1" if code == 1 else None, code, f"段階{'一二三四五六七八九十'[code % 10]}"]
        )
    sheet.append(["性別", 1, "男性"])
    sheet.append([None, 2, "女性"])
    wb.save(path)
    found = found_code_tables(path, read_column_index(path))
    assert found is not None
    assert list(found.value_labels) == ["性別"] and found.scores_left == ("Q1",)


def test_inspect_reads_the_codes_as_labels(en: tuple[Path, pd.DataFrame]) -> None:
    found = inspect_export(en[0])
    assert found.nps_column == EN_SCORE
    assert found.data["Region"].value_counts().to_dict() == (en[1]["unit"].value_counts().to_dict())
    gender = found.column("Q3 Gender")
    assert gender.kind == "categorical"
    assert set(found.data["Q3 Gender"].dropna()) == {*EN_SEX.values(), "9"} - {
        v for v in EN_SEX.values() if v not in set(en[1]["sex"])
    }
    assert any(note.startswith("Sheet 'Codebook' is a code table") for note in found.notes)


def test_init_writes_value_labels_and_says_so_in_the_project_language(
    ja: tuple[Path, pd.DataFrame], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = tmp_path / "p"
    assert main(["init", str(project), "--from", str(ja[0]), "--unit-column", "店舗"]) == 0
    err = " ".join(capsys.readouterr().err.split())
    defaults_path = project / "parameters" / "defaults.yaml"
    assert (
        "コード表：シート「コード表」のコード表で、「店舗」、「性別」、「年代」、「利用頻度」の"
        f"コードを選択肢として読みます（{defaults_path}のvalue_labels。レポートには選択肢を"
        "この順に表示します）"
    ) in err
    text = defaults_path.read_text("utf-8")
    assert (
        "# コードで書かれた回答とその選択肢です（シート「コード表」のコード表から読みました）。\n"
        "# レポートにはコードではなく選択肢を、この順に表示します。\n"
        "# コード表にないコードは、そのまま表示し、データ品質の欄に記載します。\n"
        "# 「Q9. 世帯年収」はエクスポートのどの列でもないため、ここにはありません。\n"
        "value_labels:\n"
    ) in text
    defaults = yaml.safe_load(text)
    assert defaults["value_labels"]["利用頻度"] == _labels(JA_FREQUENCY)
    assert list(defaults["value_labels"]["年代"]) == ["1", "2", "3", "4", "5"]
    breakdowns = [b["column"] if isinstance(b, dict) else b for b in defaults["breakdowns"]]
    assert {"性別", "年代", "利用頻度"} <= set(breakdowns)
    units = sorted(p.stem for p in (project / "parameters").glob("*.yaml"))
    assert units == sorted(["defaults", "playbook", "themes", *JA_SHOPS.values()])
    shop = yaml.safe_load((project / "parameters" / "新宿店.yaml").read_text("utf-8"))
    assert shop["data"]["filter"]["values"] == ["新宿店"]


@pytest.mark.slow
def test_init_then_run_shows_labels_in_code_order_with_pandas_nps(
    ja: tuple[Path, pd.DataFrame], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path, truth = ja
    project = tmp_path / "p"
    assert main(["init", str(project), "--from", str(path), "--unit-column", "店舗"]) == 0
    assert main(["run", "新宿店", "--parameters", str(project / "parameters"), "--jobs", "1",
                 "--period", "2026-10", "--output", str(project / "reports")]) == 0  # fmt: skip
    html = (project / "reports" / "2026-10" / "新宿店.html").read_text("utf-8")
    facts = _chart_facts(html, "利用頻度別のNPS")
    shown = [fact.split("：NPS")[0] for fact in facts]
    assert shown == list(JA_FREQUENCY.values())  # the code table's order, not NPS order
    month = truth[(truth["unit"] == "新宿店") & (truth["date"].map(str).str[:7] == "2026-10")]
    by_nps = month.groupby("frequency")["score"].apply(lambda s: nps(s)[1])
    assert list(by_nps.sort_values(ascending=False).index) != shown  # the orders differ
    for fact in facts:
        label, rest = fact.split("：NPS ")
        value = float(rest.split("（")[0].replace("+", "").replace("−", "-"))
        n = int(re.search(r"回答数(\d+)件", rest)[1])  # type: ignore[index]
        assert (n, value) == (nps(month.loc[month["frequency"] == label, "score"])[0],
                              round(by_nps[label], 1))  # fmt: skip
    assert "1：NPS" not in html and "2：NPS" not in html  # no group named by its code
    assert [f.split("：NPS")[0] for f in _chart_facts(html, "年代別のNPS")] == [
        label for label in JA_AGE.values() if label in set(month["age"])
    ]


def _chart_facts(html: str, title: str) -> list[str]:
    """The figures in text under the chart titled ``title`` (its ``<li>`` lines), in order."""
    at = html.index(f'alt="{title}')
    block = html[html.index('<figcaption class="nps-facts">', at) :]
    return re.findall(r"<li>(.+?)</li>", block[: block.index("</ul>")])


def _coded_csv(tmp_path: Path, truth: pd.DataFrame) -> Path:
    """The English answers as a CSV of codes: the code table travels as a file of its own."""
    codes = {v: k for k, v in EN_FREQUENCY.items()}
    path = tmp_path / "export.csv"
    truth.assign(frequency=truth["frequency"].map(codes)).rename(
        columns={"frequency": "Q4 Visit frequency", "score": EN_SCORE, "date": "Date"}
    )[["Date", "Q4 Visit frequency", EN_SCORE]].to_csv(path, index=False)
    return path


def test_init_codes_reads_a_csv_code_table_and_says_it_in_english(
    en: tuple[Path, pd.DataFrame], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _coded_csv(tmp_path, en[1])
    table = tmp_path / "codebook.csv"
    rows = ["Variable,Value,Label"]
    rows += [f"Q4,{code},{label}" for code, label in EN_FREQUENCY.items()]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    project = tmp_path / "p"
    assert main(["init", str(project), "--from", str(export), "--codes", str(table)]) == 0
    err = " ".join(capsys.readouterr().err.split())
    defaults_path = project / "parameters" / "defaults.yaml"
    assert (
        "codes: the code table in 'codebook.csv' labels the codes of 'Q4 Visit frequency' "
        f"(value_labels in {defaults_path}; the reports show the labels, in its order)"
    ) in err
    text = defaults_path.read_text("utf-8")
    assert (
        "# Coded answers and their labels, from the code table in 'codebook.csv': the report "
        "shows the labels, in this order.\n"
    ) in text
    assert yaml.safe_load(text)["value_labels"] == {"Q4 Visit frequency": _labels(EN_FREQUENCY)}
    assert main(["inspect", str(export), "--codes", str(table), "--format", "json"]) == 0
    said = json.loads(capsys.readouterr().out)
    assert said["value_labels"] == {"Q4 Visit frequency": _labels(EN_FREQUENCY)}
    assert any(note.startswith("The file 'codebook.csv' is a code table") for note in said["notes"])


def test_a_codes_file_without_a_code_table_is_one_message(
    en: tuple[Path, pd.DataFrame], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = _coded_csv(tmp_path, en[1])
    table = tmp_path / "notes.csv"
    table.write_text("a,b\nhello,world\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["init", str(tmp_path / "p"), "--from", str(export), "--codes", str(table)]) == 2
    err = " ".join(capsys.readouterr().err.split())
    assert (
        f"--codes {table}: no code table found: expected a heading row of question, code and "
        "label columns (設問・コード・選択肢, Question · Code · Label) or a block per question "
        "(the question on a row of its own, 'code | label' rows under it)."
    ) in err
    assert "Traceback" not in err and not (tmp_path / "p" / "parameters").exists()


def test_init_labels_each_code_of_a_multi_select_cell_in_code_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # 認知経路 cells list codes ("1;3"); the コード表 names them: init's follow-up shows labels.
    path = tmp_path / "集計表.xlsx"
    truth = write_multi_ja(path)
    project = tmp_path / "p"
    assert main(["init", str(project), "--from", str(path), "--unit-column", "店舗"]) == 0
    unit = load_unit(project / "parameters" / "新宿店.yaml")
    params = notebook_parameters(unit, period="2026-10")
    (question,) = [f for f in params["followups"] if f["column"] == "認知経路"]
    assert question["type"] == "multi" and question["order"] == list(JA_CHANNEL.values())
    prepared = prepare_unit(
        params["data_path"],
        name="新宿店",
        sheet=params["data_sheet"],
        unit_column=params["filter_column"],
        unit_values=params["filter_values"],
        score_column=params["score_column"],
        date_column=params["date_column"],
        period="2026-10",
        value_labels=params["value_labels"],
    )
    (result,) = analyse_followups(prepared, [question], min_n=0, min_report_n=0).questions
    table = result.table.loc[~result.table["missing"]]
    assert table["option"].tolist() == list(JA_CHANNEL.values())  # the code table's order
    shop = truth[truth["unit"] == "新宿店"].explode("channel")
    for row in table.itertuples():
        assert (row.n, round(row.nps, 6)) == (
            nps(shop.loc[shop["channel"] == row.option, "score"])[0],
            round(nps(shop.loc[shop["channel"] == row.option, "score"])[1], 6),
        )


def _score(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    """Run ``nps-kit score`` (every group shown); return its stdout and its stderr on one line."""
    capsys.readouterr()
    assert main(["score", *args, "--min-report-n", "0"]) == 0
    said = capsys.readouterr()
    return said.out, " ".join(said.err.split())


def _expected(truth: pd.DataFrame, column: str, labels: dict[int, str]) -> list[list[object]]:
    """``[label, n, NPS]`` of each label present, in the code table's order, with pandas."""
    rows = []
    for label in labels.values():
        n, score = nps(truth.loc[truth[column] == label, "score"])
        if n:
            rows.append([label, n, round(score, 1)])
    return rows


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_score_by_a_coded_column_counts_its_labels_in_the_code_tables_order(
    ja: tuple[Path, pd.DataFrame],
    fmt: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Without --parameters, score reads the workbook's コード表 as init and inspect do: groups
    # 男性, 女性 (not 1, 2, nor 女性 first as code points sort), ほぼ毎日 … それ以下.
    monkeypatch.chdir(tmp_path)  # no parameters/ folder here
    path, truth = ja
    for column, key, labels in (("性別", "sex", JA_SEX), ("利用頻度", "frequency", JA_FREQUENCY)):
        out, err = _score(
            [str(path), "--score-column", JA_SCORE, "--by", column, "--format", fmt], capsys
        )
        if fmt == "json":
            found = [[g["group"], g["n"], round(g["nps"], 1)] for g in json.loads(out)["groups"]]
        elif fmt == "csv":
            frame = pd.read_csv(io.StringIO(out))
            found = [[g, n, round(s, 1)] for g, n, s in frame[[column, "n", "nps"]].to_numpy()]
        else:
            rows = [line.split() for line in out.splitlines()[2:-1]]
            found = [[r[0], int(r[1]), float(r[5])] for r in rows]
        assert found == _expected(truth, key, labels)
        assert (
            "note: シート「コード表」のコード表で、「店舗」、「性別」、「年代」、「利用頻度」の"
            "コードを選択肢として数えます（グループはコード表の順。コードのまま数えるには "
            "--no-codes）。"
        ) in err


def test_score_says_the_code_table_in_the_language_asked_for(
    ja: tuple[Path, pd.DataFrame],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # --language wins over the table's own language, as it does for every other line of score.
    monkeypatch.chdir(tmp_path)  # no parameters/ folder here
    given = [str(ja[0]), "--score-column", JA_SCORE, "--by", "性別"]
    _, err = _score([*given, "--language", "en"], capsys)
    assert "the code table " in err and "コード表で" not in err
    _, err = _score(given, capsys)
    assert "のコード表で、" in err and "「性別」" in err


def test_score_reads_an_english_codebook_and_says_a_code_without_a_label(
    en: tuple[Path, pd.DataFrame],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    # Gender code 9 (three rows) has no label: a group as written, after the labels, and said.
    monkeypatch.chdir(tmp_path)
    path, truth = en
    out, err = _score(
        [str(path), "--score-column", EN_SCORE, "--by", "Q3 Gender", "--format", "json"], capsys
    )
    found = [[g["group"], g["n"], round(g["nps"], 1)] for g in json.loads(out)["groups"]]
    n, score = nps(truth.loc[truth["sex"] == "9", "score"])
    assert found == [*_expected(truth, "sex", EN_SEX), ["9", n, round(score, 1)]]
    assert n == 3
    assert err.startswith(
        "note: the code table on sheet 'Codebook' labels the codes of 'Region', 'Q3 Gender', "
        "'Q4 Visit frequency': they are counted as its labels, in its order (--no-codes counts "
        "the codes as written). note: codes the code table does not label are counted as "
        "written: Q3 Gender 9 (3 rows). "
    )


def test_score_codes_reads_a_csv_code_table(
    en: tuple[Path, pd.DataFrame],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    export = _coded_csv(tmp_path, en[1])
    table = tmp_path / "codebook.csv"
    rows = ["Variable,Value,Label"]
    rows += [f"Q4,{code},{label}" for code, label in EN_FREQUENCY.items()]
    table.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    given = [str(export), "--score-column", EN_SCORE, "--by", "Q4 Visit frequency"]
    out, err = _score([*given, "--codes", str(table), "--format", "json"], capsys)
    found = [[g["group"], g["n"], round(g["nps"], 1)] for g in json.loads(out)["groups"]]
    assert found == _expected(en[1], "frequency", EN_FREQUENCY)
    assert err.startswith(
        "note: the code table in 'codebook.csv' labels the codes of 'Q4 Visit frequency': they "
        "are counted as its labels, in its order (--no-codes counts the codes as written). "
    )


def test_score_no_codes_counts_the_codes_and_parameters_keep_their_value_labels(
    ja: tuple[Path, pd.DataFrame],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    given = [str(ja[0]), "--score-column", JA_SCORE, "--by", "性別"]
    out, err = _score([*given, "--no-codes"], capsys)
    assert [line.split()[0] for line in out.splitlines()[2:-1]] == ["1", "2"]
    assert "コード表" not in err
    # The project's value_labels are the rule with --parameters: the sheet is not read again.
    project = tmp_path / "p"
    assert main(["init", str(project), "--from", str(ja[0])]) == 0
    defaults = project / "parameters" / "defaults.yaml"
    text = defaults.read_text("utf-8")
    written = '性別: {"1": "男性", "2": "女性"}'
    assert written in text
    defaults.write_text(text.replace(written, '性別: {"2": "女", "1": "男"}'), "utf-8")
    out, err = _score([*given, "--parameters", str(project / "parameters")], capsys)
    assert [line.split()[0] for line in out.splitlines()[2:-1]] == ["女", "男"]
    assert "コード表" not in err and "code table" not in err
    assert (
        main([*["score", *given], "--parameters", str(project / "parameters"), "--no-codes"]) == 2
    )
    assert " ".join(capsys.readouterr().err.split()) == (
        # A Japanese project's refusal is in Japanese (MSG41).
        "nps-kit score: error: --no-codesは--parametersを使わずに集計するときのオプションです。"
        "--parametersがあれば、DATAを読むユニットのvalue_labels:がコードの意味を決めます"
        "（nps-kit runと同じ）。--no-codesを外すか、パラメーターのvalue_labels:を変更してください。"
    )


def test_the_note_of_a_code_table_in_japanese(ja: tuple[Path, pd.DataFrame]) -> None:
    # MSG42: inspect in a Japanese project said the table in English.
    found = found_code_tables(ja[0], read_column_index(ja[0]))
    assert found is not None
    assert found.note_in("ja") == (
        "シート「コード表」はコード表です。「店舗」、「性別」、「年代」、「利用頻度」のコードを"
        "選択肢として読みます（value_labels）。「Q9. 世帯年収」という列はありません。"
    )
    assert found.note_in("en") == found.note
