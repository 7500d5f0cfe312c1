from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest
import yaml
from _exports import (
    LATIN1_ROWS,
    MONKEY_OTHER,
    MONKEY_REASON,
    MONKEY_SERVICES,
    MSFORMS_CONSENT,
    MSFORMS_NPS,
    MSFORMS_REASON,
    MSFORMS_ROOM,
    PHYSIO_IMPROVE,
    PHYSIO_MATRIX,
    PHYSIO_QUALITY,
    PHYSIO_REASON,
    PHYSIO_ROWS,
    QUALTRICS_HEADER,
    TYPEFORM_CONTACT,
    TYPEFORM_PLAN,
    TYPEFORM_REASON,
    nps_group,
    qualtrics_rows,
    write_callcentre_ja,
    write_google_forms,
    write_grouped_header_csv,
    write_grouped_header_xlsx,
    write_msforms_ja,
    write_qualtrics,
    write_qualtrics_ja_tsv,
    write_surveymonkey_physio_xlsx,
    write_surveymonkey_xlsx,
    write_text,
    write_typeform,
    write_with_cover_sheet,
)
from conftest import Export

from nps_kit._init_words import in_language
from nps_kit.cli import main
from nps_kit.inspect import AnswerLanguage, answer_language, inspect_export
from nps_kit.load import LOADER_COLUMNS, load_responses
from nps_kit.scaffold import project_from_export

# Outside the repository's own (Japanese) project: these check the English output (MSG41).
pytestmark = pytest.mark.usefixtures("outside_the_demo_project")


def run(capsys: pytest.CaptureFixture[str], *argv: str | Path) -> tuple[int, str, str]:
    status = main(["inspect", *map(str, argv)])
    out, err = capsys.readouterr()
    return status, out, err


def test_qualtrics_export_on_one_screen(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_qualtrics(tmp_path / "q.csv")
    assert run(capsys, path) == (
        0,
        "q.csv: 60 responses (CSV, utf-8-sig, qualtrics export, 3 header row(s))\n"
        "dates: 'StartDate', 2026-09-01 to 2026-10-28\n"
        "NPS question: 'How likely are you to recommend our service to a friend or colleague?' "
        "('Q3')\n"
        "language of the answers: en (100 % English, 0 % Japanese, of 50 answers)\n"
        "note: 'Q3' agrees with Qualtrics' 'Q3_NPS_GROUP' on 60 of 60 responses.\n"
        "\n"
        "column        QID              kind         detail                  distinct  blanks  "
        "question / sample\n"
        "StartDate     startDate        date         ISO/Japanese                  60       0  "
        "Start Date\n"
        "EndDate       endDate          date         ISO/Japanese                  60       0  "
        "End Date\n"
        "Status        status           metadata     Qualtrics                      1       0  "
        "Response Type\n"
        "ResponseId    _recordId        metadata     Qualtrics                     60       0  "
        "Response ID\n"
        "Q1            QID70            categorical  3 values                       3       0  "
        "What is your gender?\n"
        "Q2            QID72            rating       1–5                            5       0  "
        "How satisfied are you with the service?\n"
        "Q3*           QID74            nps          0–10                          11       0  "
        "How likely are you to recommend our service to a friend or …\n"
        "Q3_NPS_GROUP  QID74_NPS_GROUP  nps_group    Qualtrics NPS group            3       0  "
        "How likely are you to recommend our service to a friend or …\n"
        "Q4            QID75            multi        separator ','                  4      12  "
        "Which features do you use? - Selected Choice\n"
        "Q5            QID76_TEXT       text         free text (text entry)        35      10  "
        "Why did you give that score?\n",
        "",
    )


_PRODUCTS = ("Tea", "Cake", "Pie")


def test_a_file_with_no_0_10_column_is_described_then_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A price list, not a survey: a 1–5 rating, prices, a date and product names.
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{i % 5 + 1},{12.5 * (i % 20 + 1)},{_PRODUCTS[i % 3]}\n"
        for i in range(40)
    )
    path = write_text(tmp_path / "prices.csv", "date,stars,price,product\n" + rows)
    status, out, err = run(capsys, path)
    assert status == 2
    assert out.splitlines()[:3] == [
        "prices.csv: 40 responses (CSV, utf-8, 1 header row(s))",
        "dates: 'date', 2026-10-01 to 2026-10-28",
        "NPS question: none",
    ]
    assert [line.split()[:3] for line in out.splitlines()[-4:]] == [
        ["date", "date", "ISO/Japanese"],
        ["stars", "rating", "1–5"],
        ["price", "number", "12.5–250"],
        ["product", "categorical", "3"],
    ]
    assert err == (
        "nps-kit inspect: error: prices.csv: no column holds a 0–10 score, so this does not look "
        "like an NPS survey export. Columns: 'date' (date: ISO/Japanese), 'stars' (rating: 1–5), "
        "'price' (number: 12.5–250), 'product' (categorical: 3 values). Expected one column "
        "whose answers are whole numbers from 0 to 10 (the 'How likely are you to recommend …' "
        "question); a column that stops at 5 or 7 is a rating, and one with larger or "
        "fractional numbers is not a score. Check that this is the survey's response export "
        "(another sheet: --sheet; the answers exported as numbers, not labels). If a column is "
        "the score, name it: nps-kit score --score-column COL, or columns.score in the unit's "
        "parameters.\n"
    )
    status, out, err = run(capsys, path, "--format", "json")
    assert (status, json.loads(out)["nps_column"]) == (2, None)
    assert [c["kind"] for c in json.loads(out)["columns"]] == [
        "date", "rating", "number", "categorical",
    ]  # fmt: skip
    assert err.startswith("nps-kit inspect: error: prices.csv: no column holds a 0–10 score")


def test_an_export_without_responses_is_said_to_have_none(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Exported before anyone answered: the headers of an NPS survey, no rows.
    path = write_text(tmp_path / "new.csv", "date,How likely are you to recommend us?,Why?\n")
    status, out, err = run(capsys, path)
    assert (status, out.splitlines()[0]) == (
        2,
        "new.csv: 0 responses (CSV, utf-8, 1 header row(s))",
    )
    assert err == (
        "nps-kit inspect: error: new.csv: no responses: every column is blank ('date', "
        "'How likely are you to recommend us?', 'Why?'), so no column can be read as the 0–10 "
        "score. Export the survey again once it has responses, or check that this is the sheet "
        "with the answers (--sheet).\n"
    )


def test_google_forms_export(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_google_forms(tmp_path / "g.csv")
    status, out, err = run(capsys, path)
    assert (status, err) == (0, "")
    # "Nothing else", a whole answer, says nothing (QA25 B-2): 31 answers, not 32.
    assert out.splitlines()[:4] == [
        "g.csv: 48 responses (CSV, utf-8, google_forms export, 1 header row(s))",
        "dates: 'Timestamp', 2019-11-01 to 2019-12-28",
        "NPS question: 'How likely are you to recommend this workshop to a friend?'",
        "language of the answers: en (100 % English, 0 % Japanese, of 31 answers)",
    ]
    found = inspect_export(path)
    assert [(c.kind, c.detail) for c in found.columns] == [
        ("date", "month-first"),
        ("nps", "0–10"),
        ("categorical", "3 values"),
        ("multi", "separator ', '"),
        ("text", "free text"),
    ]


def test_json_output(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = write_google_forms(tmp_path / "g.csv", n=12)
    status, out, _ = run(capsys, path, "--format", "json")
    facts = json.loads(out)
    assert status == 0
    assert {k: facts[k] for k in ("format", "source", "encoding", "header_rows", "responses")} == {
        "format": "csv",
        "source": "google_forms",
        "encoding": "utf-8",
        "header_rows": 1,
        "responses": 12,
    }
    assert facts["columns"][1] == {
        "column": "How likely are you to recommend this workshop to a friend?",
        "qid": None,
        "question": None,
        "kind": "nps",
        "detail": "0–10",
        "distinct": 11,
        "blanks": 0,
        "sample": ["2", "5", "8"],
        "also": [[], [], []],
        "scale": [0, 10],
        "separator": None,
        "codes": None,
    }


def test_one_to_ten_scale_and_ambiguous_dates_are_called_out(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    rows = "".join(f"{i},{i % 10 + 1},{i % 5 + 1},01/0{i % 9 + 1}/2026\n" for i in range(60))
    path = write_text(tmp_path / "s.csv", "id,likely_to_recommend,satisfaction,date\n" + rows)
    assert run(capsys, path) == (
        0,
        "s.csv: 60 responses (CSV, utf-8, 1 header row(s))\n"
        "dates: 'date', reads both ways (set date_format)\n"
        "NPS question: 'likely_to_recommend'\n"
        "language of the answers: en (no written answers to read)\n"
        "note: 'likely_to_recommend' has no 0 in its answers: the survey may use 1–10, which is "
        "not NPS.\n"
        "note: The dates in 'date' read both ways (no day over 12): set date_format to "
        "month-first or day-first.\n"
        "\n"
        "column                QID  kind    detail                        distinct  blanks  "
        "question / sample\n"
        "id                         id      unique                              60       0  "
        "'0', '1', '2'\n"
        "likely_to_recommend*       scale   1–10? (no 0 in 60 answers)          10       0  "
        "'1', '2', '3'\n"
        "satisfaction               rating  1–5                                  5       0  "
        "'1', '2', '3'\n"
        "date                       date    ambiguous: month-first or d…         9       0  "
        "'01/01/2026', '01/02/2026', '01/03/2026'\n",
        "",
    )
    day_first = inspect_export(path, date_format="day-first")
    assert day_first.date_column == "date"
    assert f"{day_first.date_min:%Y-%m-%d} {day_first.date_max:%Y-%m-%d}" == (
        "2026-01-01 2026-09-01"
    )


def test_a_date_format_the_dates_contradict_names_the_order_they_read_in(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA18 3: inspect --date-format month-first of a day-first export said "dates: no date
    # column found" and listed the column as free text.
    rows = "".join(f"{i},{i % 11},{i % 28 + 1:02d}/{i % 2 + 9:02d}/2026 10:00\n" for i in range(60))
    path = write_text(tmp_path / "eu.csv", "id,likely_to_recommend,submitted\n" + rows)
    found = inspect_export(path, date_format="month-first")
    assert found.date_column == "submitted"
    assert found.column("submitted").detail == "reads only day-first, not month-first"
    # The order is a field, not read back from the detail's words (FIX19).
    assert found.column("submitted").contradicted == "day-first"
    assert inspect_export(path).column("submitted").contradicted is None
    assert (found.date_min, found.date_max) == (None, None)
    assert any(
        note.startswith(
            "The dates in column 'submitted' read only day-first, not month-first as asked: 16 "
            "of the 16 dates that read only one way have a day over 12 in the first place, e.g. "
        )
        and note.endswith(
            "Use --date-format day-first (in a project, data.date_format: "
            "day-first), or leave it out: a day over 12 shows the order."
        )
        for note in found.notes
    )
    status, out, _ = run(capsys, path, "--date-format", "month-first")
    assert status == 0
    assert "dates: 'submitted', reads only day-first, not month-first\n" in out
    assert "no date column found" not in out


def test_qualtrics_group_column_of_another_question(tmp_path: Path) -> None:
    text = write_qualtrics(tmp_path / "q.csv", n=6).read_text(encoding="utf-8-sig")
    # Say Qualtrics' NPS question is Q2 (the 1-5 rating): the chosen Q3 no longer matches.
    text = text.replace("Q3_NPS_GROUP", "Q2_NPS_GROUP", 1)
    found = inspect_export(write_text(tmp_path / "q2.csv", text))
    assert found.nps_column == "Q3"
    assert found.notes == (
        "Qualtrics marks 'Q2' as its NPS question ('Q2_NPS_GROUP'), not 'Q3'; check columns.score.",
    )


def test_a_crm_s_own_segment_column_is_the_score_s_group_not_a_question(tmp_path: Path) -> None:
    # QA30: HubSpot writes "Feedback sentiment" (Promoter / Passive / Detractor) beside the
    # Rating; init made it the first breakdown, "NPS by Feedback sentiment" (+100 / 0 / -100)
    # in every report and the change explained by it.
    segment = {0: "Detractor", 7: "Passive", 9: "Promoter"}
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d} 09:{i:02d},{s}.0,{segment[s] if i % 9 else ''},"
        f"{('Pro', 'Team')[i % 2]}\n"
        for i, s in enumerate([0, 7, 9, 9, 0, 7] * 8)
    )
    path = write_text(
        tmp_path / "hubspot.csv", "Submitted at,Rating,Feedback sentiment,Plan\n" + rows
    )
    found = inspect_export(path)
    assert found.nps_column == "Rating"
    assert found.column("Feedback sentiment").kind == "nps_group"
    assert found.column("Plan").kind == "categorical"
    assert found.notes == ("'Rating' agrees with 'Feedback sentiment' on 42 of 42 responses.",)
    project_from_export(tmp_path / "p", path)
    defaults = yaml.safe_load((tmp_path / "p" / "parameters" / "defaults.yaml").read_text("utf-8"))
    assert [b["column"] for b in defaults["breakdowns"]] == ["Plan"]


@pytest.mark.parametrize(
    "names",
    [
        ("Kritiker", "Passiver", "Promotor"),  # de
        ("Detraktoren", "Indifferente", "Förderer"),  # de, as some CRMs translate it
        ("Détracteur", "Passif", "Promoteur"),  # fr
        ("Detractores", "Pasivos", "Promotores"),  # es
    ],
)
def test_a_crm_s_segment_column_in_german_french_or_spanish_is_the_score_s_group(
    tmp_path: Path, names: tuple[str, str, str]
) -> None:
    # FIX71 #3: only English and Japanese segment names were known; a German CRM's
    # Kritiker / Passiver / Promotor became a breakdown explaining the NPS by itself.
    segment = dict(zip((0, 7, 9), names, strict=True))
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d} 09:{i:02d},{s},{segment[s]},{('Pro', 'Team')[i % 2]}\n"
        for i, s in enumerate([0, 7, 9, 9, 0, 7] * 8)
    )
    path = write_text(tmp_path / "crm.csv", "Datum,Bewertung,Segment,Tarif\n" + rows)
    found = inspect_export(path)
    assert found.column("Segment").kind == "nps_group"
    assert found.notes == ("'Bewertung' agrees with 'Segment' on 48 of 48 responses.",)


def test_japanese_answers_and_consent(tmp_path: Path) -> None:
    rows = "".join(
        f"R{i},2026/10/{i % 28 + 1} 9:00,{i % 11},{'はい' if i % 2 else 'いいえ'},"
        f"{['配送が遅かった。', 'とても満足です。', '価格が高い。'][i % 3]}{i}\n"
        for i in range(40)
    )
    path = write_text(
        tmp_path / "ja.csv", "回答ID,回答日時,おすすめ度,連絡許可,理由\n" + rows, "cp932"
    )
    found = inspect_export(path)
    assert (found.nps_column, found.language, found.date_column) == ("おすすめ度", "ja", "回答日時")
    assert [c.kind for c in found.columns] == ["id", "date", "nps", "consent", "text"]


def _japanese_export(path: Path) -> Path:
    reasons = ["スタッフが親切", "混んでる", "ﾀｵﾙが有料"]
    rows = "".join(f"R{i},2026/10/{i % 28 + 1} 9:00,{i % 11},{reasons[i % 3]}\n" for i in range(40))
    return write_text(path, "回答ID,回答日時,おすすめ度,理由\n" + rows, "cp932")


def test_a_cp932_export_read_as_latin_1_is_told_to_drop_the_encoding(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA18 9a: the note advised fix_text, which cannot repair cp932 read as latin-1.
    path = _japanese_export(tmp_path / "ja.csv")
    message = (
        "The file reads as cp932, not latin-1: latin-1 garbles its text. Drop --encoding (it is "
        "detected), or pass --encoding cp932."
    )
    found = inspect_export(path, encoding="latin-1")
    assert found.notes[0] == message
    assert not any("fix_text" in note for note in found.notes)
    code, out, _ = run(capsys, path, "--encoding", "latin-1")
    assert code == 0
    assert f"note: {message}" in out
    assert inspect_export(path, encoding="cp932").notes == inspect_export(path).notes
    assert not any("encoding" in note for note in inspect_export(path).notes)


def test_utf_8_read_as_cp1252_is_told_its_encoding_and_ascii_as_anything_is_not(
    tmp_path: Path,
) -> None:
    path = write_text(tmp_path / "u.csv", LATIN1_ROWS)
    assert inspect_export(path, encoding="cp1252").notes[0] == (
        "The file reads as utf-8, not cp1252: cp1252 garbles its text. Drop --encoding (it is "
        "detected), or pass --encoding utf-8."
    )
    days = "".join(f"2026-10-{day:02d},9\n" for day in range(1, 21))
    plain = write_text(tmp_path / "a.csv", "date,score\n" + days)
    assert inspect_export(plain, encoding="cp932").notes == ()


def test_a_score_question_that_states_0_to_10_is_nps_without_a_0(tmp_path: Path) -> None:
    header = "How likely are you to recommend us? (0 = not at all likely)"
    rows = "".join(f"2026-10-{i % 28 + 1:02d},{i % 10 + 1}\n" for i in range(60))
    found = inspect_export(write_text(tmp_path / "t.csv", f'date,"{header}"\n' + rows))
    assert (found.nps_column, found.column(header).kind) == (header, "nps")
    assert found.column(header).detail == "0–10 stated, no 0"
    assert found.notes == ()


@pytest.mark.parametrize(
    ("header", "scores", "detail"),
    [
        # A pilot or a small unit whose respondents all scored low: a 0 and the question's
        # words say 0–10, not a 0–5 rating.
        ("How likely are you to recommend us?", [0, 3, 5, 2, 4, 1] * 2, "0–10, answers only 0–5"),
        ("ご友人にすすめたいと思いますか", [0, 6, 7, 3] * 3, "0–10, answers only 0–7"),
        ("友人にすすめたいと思いますか", [0, 6], "0–10, answers only 0–6"),
        # One respondent who gave 3, on a question that states its 0.
        ("How likely are you to recommend us? (0 = not at all likely)", [3],
         "0–10 stated, answers only 3–3"),
    ],
)  # fmt: skip
def test_a_recommend_question_answered_only_low_is_the_nps(
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    header: str,
    scores: list[int],
    detail: str,
) -> None:
    rows = "".join(f"2026-10-{i % 28 + 1:02d},{s}\n" for i, s in enumerate(scores))
    path = write_text(tmp_path / "t.csv", f'date,"{header}"\n' + rows)
    found = inspect_export(path)
    assert (found.nps_column, found.column(header).detail) == (header, detail)
    assert run(capsys, path)[0] == 0


@pytest.mark.parametrize(
    "header",
    ["How likely are you to recommend us? (0-5)", "おすすめ度（0〜5）", "Recommend (0 to 7)"],
)
def test_a_recommend_question_that_states_a_short_scale_stays_a_rating(
    tmp_path: Path, header: str
) -> None:
    rows = "".join(f"2026-10-{i % 28 + 1:02d},{i % 11},{i % 6}\n" for i in range(40))
    found = inspect_export(write_text(tmp_path / "t.csv", f'date,score,"{header}"\n' + rows))
    assert found.column(header).kind == "rating"
    assert found.nps_column == "score"


@pytest.mark.parametrize(
    ("values", "kind", "detail"),
    [
        # No 0 and no stated 0: a five-point likelihood, not NPS.
        ([1, 2, 3, 4, 5], "rating", "1–5"),
        # Yes/no exported as 1/0.
        ([0, 1], "categorical", "2 values"),
        # A second recommend question on 0–5: NPS by its words, but the 0–10 one is chosen.
        ([0, 1, 2, 3, 4, 5], "nps", "0–10, answers only 0–5"),
    ],
)
def test_a_second_recommend_question_does_not_take_the_nps(
    tmp_path: Path, values: list[int], kind: str, detail: str
) -> None:
    header = "Would you recommend our app?"
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{values[i % len(values)]},{i % 11}\n" for i in range(60)
    )
    text = f'date,"{header}","How likely are you to recommend us?"\n' + rows
    found = inspect_export(write_text(tmp_path / "t.csv", text))
    assert (found.column(header).kind, found.column(header).detail) == (kind, detail)
    assert found.nps_column == "How likely are you to recommend us?"


@pytest.mark.parametrize(
    ("header", "kind", "detail"),
    [
        ("Can we contact you about your feedback?", "consent", "yes/no (1/0)"),
        ("連絡してもよろしいですか", "consent", "yes/no (1/0)"),
        ("Did you use the app?", "categorical", "2 values"),
    ],
)
def test_a_1_0_column_is_consent_or_a_choice_never_a_rating(
    tmp_path: Path, header: str, kind: str, detail: str
) -> None:
    rows = "".join(f"2026-10-{i % 28 + 1:02d},{i % 11},{i % 2}\n" for i in range(40))
    found = inspect_export(write_text(tmp_path / "t.csv", f"date,recommend,{header}\n" + rows))
    assert (found.column(header).kind, found.column(header).detail) == (kind, detail)


def test_two_answers_of_a_scale_are_not_a_rating(tmp_path: Path) -> None:
    rows = "".join(f"2026-10-{i % 28 + 1:02d},{i % 11},{4 + i % 2}\n" for i in range(40))
    found = inspect_export(write_text(tmp_path / "t.csv", "date,recommend,speed\n" + rows))
    assert (found.column("speed").kind, found.column("speed").scale) == ("categorical", None)


@pytest.mark.parametrize(
    "values",
    [["利用していない"] * 40, ["利用していない", "該当なし"] * 20, ["Not applicable", ""] * 20],
)
def test_a_question_that_applied_to_nobody_has_no_answers(
    tmp_path: Path, values: list[str]
) -> None:
    # A matrix row of a service nobody in the export used: one group, 「利用していない」, was
    # a breakdown with a single bar.
    assert _one_column(tmp_path, "コールセンター", values) == (
        "empty",
        "no answers but 'does not apply'",
    )


@pytest.mark.parametrize(
    "values",
    [
        ["満足", "不満"],
        # Answers that say the question does not apply are no point: still two answers.
        ["満足", "不満", "利用していない"],
        ["満足", "不満", "利用していない", "該当なし"],
        ["Satisfied", "Dissatisfied", "Not applicable", "Don't know"],
    ],
)
def test_two_labelled_answers_are_not_a_rating_beside_not_applicable(
    tmp_path: Path, values: list[str]
) -> None:
    info = inspect_export(
        write_text(
            tmp_path / "t.csv",
            "date,recommend,窓口\n"
            + "".join(
                f"2026-10-{i % 28 + 1:02d},{i % 11},{values[i % len(values)]}\n" for i in range(40)
            ),
        )
    ).column("窓口")
    assert (info.kind, info.scale) == ("categorical", None)


def _clinic(path: Path, dates: list[str], encoding: str, sep: str) -> Path:
    rows = [sep.join(["回答ID", "回答日", "医院名", "推奨度"])]
    rows += [
        sep.join([f"D{i}", d, "大宮院" if i % 2 else "川口院", str(i % 11)])
        for i, d in enumerate(dates)
    ]
    return write_text(path, "\r\n".join(rows) + "\r\n", encoding)


# Every third date in the Japanese era, as a clinic system exports them.
MIXED = [
    f"令和8年{9 + i % 2}月{1 + i % 28}日"
    if i % 3 == 0
    else f"2026/{9 + i % 2:02d}/{1 + i % 28:02d}"
    for i in range(60)
]


@pytest.mark.parametrize(("encoding", "sep"), [("utf-16", "\t"), ("cp932", ",")])
def test_western_and_era_dates_make_a_date_column(tmp_path: Path, encoding: str, sep: str) -> None:
    found = inspect_export(_clinic(tmp_path / "clinic.txt", MIXED, encoding, sep))
    assert found.date_column == "回答日"
    assert found.column("回答日").kind == "date"
    assert (found.date_min, found.date_max) == (
        pd.Timestamp("2026-09-01"),
        pd.Timestamp("2026-10-28"),
    )
    assert found.date_notes == ()


def test_a_date_column_says_how_many_values_are_not_dates(tmp_path: Path) -> None:
    # Mostly dates: still the date column, with a note on those that will be in no month.
    few = _clinic(tmp_path / "few.txt", [*MIXED[:57], "不明", "先週", "不明"], "utf-16", "\t")
    found = inspect_export(few)
    assert found.date_column == "回答日"
    note = (
        "回答日: 3 of 60 values are not dates, such as '不明', '先週'; those responses will be "
        "in no month."
    )
    assert found.date_notes == (note,)
    assert note in found.notes
    # Half of them: not the date column, and the note says why.
    half = [d if i % 2 else f"X{i}" for i, d in enumerate(MIXED)]
    found = inspect_export(_clinic(tmp_path / "half.txt", half, "utf-16", "\t"))
    assert found.date_column is None
    assert found.date_notes == (
        "回答日: 30 of 60 values are not dates, such as 'X0', 'X2', 'X4'; so it was not taken "
        "as the date column.",
    )


def test_every_export_format_is_inspected_the_same(export) -> None:  # type: ignore[no-untyped-def]
    found = inspect_export(export.path, sheet=export.sheet)
    kinds = {c.column: c.kind for c in found.columns}
    c = export.columns
    assert (kinds[c["score"]], kinds[c["submitted_at"]], kinds[c["contact_ok"]]) == (
        "nps",
        "date",
        "consent",
    )
    assert found.nps_column == c["score"]
    assert (found.date_min, found.date_max) == (
        pd.Timestamp("2026-09-03 09:15"),
        pd.Timestamp("2026-10-31"),
    )


def test_repeating_every_row_keeps_every_verdict(tmp_path: Path) -> None:
    # Columns are judged on their distinct answers weighted by how often each occurs: the same
    # verdicts as row by row, so an export with every row three times reads the same.
    rows = pd.DataFrame(
        {
            "score": [str(i % 11) for i in range(40)],
            "when": [f"2026-10-{1 + i % 28:02d}" for i in range(40)],
            "rating": [str(1 + i % 5) for i in range(40)],
            "channel": ["web", "app", "shop", ""][:4] * 10,
            "options": ["price;speed", "speed", "price;staff", "staff;speed"] * 10,
            "comment": [f"The delivery took {i} days. Fine otherwise." for i in range(40)],
            "ok": ["yes", "no"] * 20,
        }
    )
    once = inspect_export(write_text(tmp_path / "once.csv", rows.to_csv(index=False)))
    thrice = inspect_export(
        write_text(tmp_path / "thrice.csv", pd.concat([rows] * 3).to_csv(index=False))
    )
    assert [(c.kind, c.detail, c.distinct, 3 * c.blanks, c.separator) for c in once.columns] == [
        (c.kind, c.detail, c.distinct, c.blanks, c.separator) for c in thrice.columns
    ]
    assert [c.kind for c in once.columns] == [
        "nps", "date", "rating", "categorical", "multi", "text", "categorical",
    ]  # fmt: skip


def test_id_columns_are_not_ratings_and_numbers_are_written_in_full(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # A product list, not a survey: its id of small whole numbers is no "rating 1–5"; a
    # SurveyMonkey collector id is 400000000, not 4e+08; the NPS question is named once.
    rows = "".join(
        f"{i},{400000000 + i % 3},{i % 3 + 1},2026-10-{i % 28 + 1:02d},{i % 11}\n"
        for i in range(1, 41)
    )
    path = write_text(tmp_path / "p.csv", "id,Collector ID,会員番号,date,recommend\n" + rows)
    found = inspect_export(path)
    assert [(c.column, c.kind, c.detail) for c in found.columns] == [
        ("id", "id", "unique"),
        ("Collector ID", "number", "400000000–400000002"),
        ("会員番号", "number", "1–3"),
        ("date", "date", "ISO/Japanese"),
        ("recommend", "nps", "0–10"),
    ]
    status, out, _ = run(capsys, path)
    assert status == 0
    assert "NPS question: 'recommend'\n" in out


@pytest.mark.parametrize(
    ("answers", "detail", "codes"),
    [
        (
            ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied", "Very dissatisfied"],
            "1–5, labelled",
            ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"],
        ),
        # Numbered by the tool: わからない numbered between the answers is the midpoint, and
        # "1 - Strongly agree" is not a score of 1 (the wrong way round); one numbered after
        # the scale is no point of it.
        (
            [
                "1. そう思う",
                "2. ややそう思う",
                "3. わからない",
                "4. あまりそう思わない",
                "5. そう思わない",
            ],
            "1–5, labelled",
            [
                "5. そう思わない",
                "4. あまりそう思わない",
                "3. わからない",
                "2. ややそう思う",
                "1. そう思う",
            ],
        ),
        (
            [
                "1 - Strongly agree",
                "2 - Agree",
                "3 - Don't know",
                "4 - Disagree",
                "5 - Strongly disagree",
            ],
            "1–5, labelled",
            [
                "5 - Strongly disagree",
                "4 - Disagree",
                "3 - Don't know",
                "2 - Agree",
                "1 - Strongly agree",
            ],
        ),
        (
            [
                "1. そう思う",
                "2. ややそう思う",
                "3. あまりそう思わない",
                "4. そう思わない",
                "5. わからない",
            ],
            "1–4, labelled",
            ["4. そう思わない", "3. あまりそう思わない", "2. ややそう思う", "1. そう思う"],
        ),
        (
            [
                "1 - Strongly agree",
                "2 - Agree",
                "3 - Disagree",
                "4 - Strongly disagree",
                "5 - Don't know",
            ],
            "1–4, labelled",
            ["4 - Strongly disagree", "3 - Disagree", "2 - Agree", "1 - Strongly agree"],
        ),
        (
            [
                "そう思う",
                "ややそう思う",
                "どちらともいえない",
                "あまりそう思わない",
                "そう思わない",
            ],
            "1–5, labelled",
            [
                "そう思わない",
                "あまりそう思わない",
                "どちらともいえない",
                "ややそう思う",
                "そう思う",
            ],
        ),
    ],
)
def test_a_labelled_scale_is_a_rating_with_its_points(
    tmp_path: Path, answers: list[str], detail: str, codes: list[str]
) -> None:
    # SurveyMonkey's "How satisfied …" was 'categorical': no rating analysis, no scale order.
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{i % 11},{answers[i % len(answers)]}\n" for i in range(50)
    )
    path = write_text(tmp_path / "s.csv", "date,recommend,How satisfied are you?\n" + rows)
    info = inspect_export(path).column("How satisfied are you?")
    assert (info.kind, info.detail, info.scale) == ("rating", detail, (1, len(codes)))
    assert info.codes == tuple(enumerate(codes, start=1))


# --- who answered: e-mail, names, phone numbers, response tokens ------------------------------


def test_msforms_contact_columns_are_classed_as_what_they_are(tmp_path: Path) -> None:
    found = inspect_export(write_msforms_ja(tmp_path / "h.xlsx"))
    kinds = {c.column: (c.kind, c.detail) for c in found.columns}
    # メール holds addresses and "anonymous"; 名前 holds guests' names: neither is free text
    # nor a question to break the NPS down by.
    assert kinds["メール"] == ("email", "e-mail addresses")
    # A name says who answered, not how to reach them (QA23: contact_details: [氏名]
    # reached nobody).
    assert kinds["名前"] == ("name", "names, not a way to reach")
    assert kinds[MSFORMS_REASON] == ("text", "free text")
    assert kinds["ID"] == ("id", "unique")
    # とても不満 … どちらでもない … とても満足: a labelled scale, not a category to break down by.
    assert kinds[MSFORMS_ROOM] == ("rating", "1–5, labelled")
    assert kinds[MSFORMS_CONSENT] == ("consent", "yes/no")
    # Microsoft Forms' completion time, not its start time, dates a response.
    assert found.date_column == "完了時刻"


def test_typeform_token_is_an_id_and_the_submission_dates_a_response(tmp_path: Path) -> None:
    found = inspect_export(write_typeform(tmp_path / "t.csv"))
    kinds = {c.column: (c.kind, c.detail) for c in found.columns}
    # "#" is a 32-hex response token (wider than 30 characters, so it read as free text).
    assert kinds["#"] == ("id", "unique")
    assert kinds["email"] == ("email", "e-mail addresses")
    assert kinds[TYPEFORM_REASON] == ("text", "free text")
    assert kinds[TYPEFORM_CONTACT] == ("consent", "yes/no (1/0)")  # not a 0–5 rating
    # What Typeform recorded about the response, not what the customer answered.
    assert {k: kinds[k] for k in ("utm_source", "utm_medium", "utm_campaign", "Response Type",
                                  "Network ID", "Tags")} == {
        "utm_source": ("metadata", "tracking parameter"),
        "utm_medium": ("metadata", "tracking parameter"),
        "utm_campaign": ("metadata", "tracking parameter"),
        "Response Type": ("metadata", "response type"),
        "Network ID": ("metadata", "network id"),
        "Tags": ("metadata", "tags"),
    }  # fmt: skip
    assert [c.column for c in found.of_kind("categorical")] == [TYPEFORM_PLAN, "region"]
    assert found.date_column == "Submitted At"  # not "Start Date (UTC)"
    assert [c.column for c in found.of_kind("text")] == [TYPEFORM_REASON]


def test_qualtrics_japanese_tsv_matrix_rows_with_not_used_are_ratings(tmp_path: Path) -> None:
    found = inspect_export(write_qualtrics_ja_tsv(tmp_path / "q.tsv"))
    load = found.load
    assert (load.encoding, load.delimiter, load.source) == ("utf-16", "\t", "qualtrics")
    assert found.nps_column == "Q1"
    kinds = {c.column: (c.kind, c.detail) for c in found.columns}
    # The call-centre row offers 「利用していない」 (not used): a rating all the same, not a
    # 6-value category to break the NPS down by.
    assert kinds["Q3_1"] == kinds["Q3_2"] == ("rating", "1–5, labelled")
    codes = dict(found.column("Q3_2").codes)
    assert codes == {
        1: "非常に不満",
        2: "やや不満",
        3: "どちらでもない",
        4: "やや満足",
        5: "非常に満足",
    }


def test_a_qualtrics_response_is_dated_when_it_was_given(tmp_path: Path) -> None:
    path = write_qualtrics_ja_tsv(tmp_path / "q.tsv")
    found = inspect_export(path)
    # A partial response is recorded (RecordedDate, EndDate) when Qualtrics closes it, a week
    # later: two of November's were December's, a month with no other response.
    assert found.date_column == "StartDate"
    assert (found.date_max.month, found.date_max.day) == (11, 28)
    recorded = load_responses(path, score_column="Q1", date_column="RecordedDate").data
    assert (recorded["nps_date"].dt.month == 12).sum() == 2
    started = load_responses(path, score_column="Q1", date_column=found.date_column).data
    assert (started["nps_date"].dt.month == 12).sum() == 0


def test_matrix_rows_and_options_are_told_apart_in_the_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, _ = run(capsys, write_surveymonkey_xlsx(tmp_path / "m.xlsx"))
    assert status == 0
    names = [line.split("  ")[0] for line in out.splitlines()[6:]]
    # Cut at the end, both rows read "How satisfied were you …" and the options "Which
    # services did…": the user could not tell which column to correct.
    assert names[12:16] == [
        "… - Ease of booking an …",
        "… - Wait time at the of…",
        "Which services did you …",
        "… - Other (please speci…",
    ]


def test_surveymonkey_patient_codes_say_who_answered(tmp_path: Path) -> None:
    found = inspect_export(write_surveymonkey_xlsx(tmp_path / "m.xlsx"))
    kinds = {c.column: (c.kind, c.detail) for c in found.columns}
    # PT-10000 … with a few patients seen twice: who answered, not free text to quote and tag.
    assert kinds["Custom Data 1"] == ("id", "codes")
    assert kinds["Respondent ID"] == ("id", "unique")
    assert [c.column for c in found.of_kind("text")] == [
        MONKEY_REASON,
        f"{MONKEY_SERVICES} - {MONKEY_OTHER}",
    ]


def test_surveymonkey_multi_select_is_one_multi_question(tmp_path: Path) -> None:
    found = inspect_export(write_surveymonkey_xlsx(tmp_path / "m.xlsx"))
    services = found.column(MONKEY_SERVICES)
    # Most patients ticked one service, so no separator shows in most cells: still one
    # multi-select question, not a categorical one, nor one column per option.
    assert (services.kind, services.separator) == ("multi", ";")
    assert not [c for c in found.columns if c.column.startswith(f"{MONKEY_SERVICES} - ")
                and c.kind != "text"]  # fmt: skip
    # What the "Other (please specify)" box holds is free text, however few kinds there are.
    box = found.column(f"{MONKEY_SERVICES} - {MONKEY_OTHER}")
    assert (box.kind, box.detail) == ("text", "free text (Other box)")


@pytest.mark.parametrize(
    "values",
    [
        [f"C{i:07d}" for i in range(40)],
        [f"POL/2026/{i:04d}" for i in range(40)],
        [f"pt-{i % 38:05d}" for i in range(40)],  # two patients answered twice
    ],
)
def test_codes_are_ids(tmp_path: Path, values: list[str]) -> None:
    kind, _ = _one_column(tmp_path, "Custom Data", values)
    assert kind == "id"


@pytest.mark.parametrize(
    "values",
    [
        ["3LDK", "2DK", "1K", "4LDK"] * 10,  # codes shared by many: a category
        [f"{i % 38}点です" for i in range(40)],  # not ASCII: words, not codes
        [f"plan{i % 3}" for i in range(40)],
    ],
)
def test_repeated_or_worded_values_are_not_codes(tmp_path: Path, values: list[str]) -> None:
    kind, _ = _one_column(tmp_path, "Answer", values)
    assert kind != "id"


def test_preview_responses_left_out_are_a_note(tmp_path: Path) -> None:
    # QA23: "6,057 responses" and not a word of the 12 previews left out.
    path = write_text(
        tmp_path / "q.csv",
        "StartDate,Status,Q1\n"
        "Start Date,Response Type,How likely are you to recommend us?\n"
        '"{""ImportId"":""startDate""}","{""ImportId"":""status""}","{""ImportId"":""QID1""}"\n'
        + "".join(f"2026-11-{d:02d} 09:00:00,IP Address,{d % 11}\n" for d in range(1, 21))
        + "2026-11-21 10:00:00,Survey Preview,0\n",
    )
    found = inspect_export(path)
    assert found.to_dict()["responses"] == 20
    assert (
        "1 Survey Preview response (a Qualtrics test run, not a real response) was left out."
        in found.notes
    )


@pytest.mark.parametrize("values", [True, False])
def test_a_qualtrics_export_of_numeric_values_says_so(tmp_path: Path, values: bool) -> None:
    # FIX31: with "Use numeric values" the preview (Status 1) is left out as in words, but a
    # Yes/No consent question reads 1/2 and a choice breakdown 1, 2, 3: say how to get words.
    status, preview, yes = ("0", "1", "1") if values else ("IP Address", "Survey Preview", "Yes")
    path = write_text(
        tmp_path / "q.csv",
        "StartDate,Status,Q1,Q5\n"
        "Start Date,Response Type,How likely are you to recommend us?,May we contact you?\n"
        '"{""ImportId"":""startDate""}","{""ImportId"":""status""}","{""ImportId"":""QID1""}",'
        '"{""ImportId"":""QID5""}"\n'
        + "".join(f"2026-11-{d:02d} 09:00:00,{status},{d % 11},{yes}\n" for d in range(1, 21))
        + f"2026-11-21 10:00:00,{preview},0,{yes}\n",
    )
    found = inspect_export(path)
    assert found.to_dict()["responses"] == 20
    said = [n for n in found.notes if "numeric values" in n]
    assert said == (
        [
            "This Qualtrics export holds numeric values (Status 0, 1, …): its choice answers are "
            "codes, so a breakdown by a choice question shows 1, 2, 3 and a Yes/No consent "
            "question (1/2) is not read as yes or no. For words, download it again with 'Use "
            "choice text'."
        ]
        if values
        else []
    )


@pytest.mark.parametrize(
    ("header", "values", "kind"),
    [
        # QA23: read as 7700900123.0 it was a "number 7700900123–7700900456".
        ("Mobile", ["07700900123", "", "07700900456"] * 12, ("phone", "phone numbers")),
        ("Contact", ["07700900123", "+447700900456", ""] * 12, ("phone", "phone numbers")),
        # An account number is no phone, whatever its column is called.
        ("Account phone", [str(44304012 + 7 * i) for i in range(36)], ("number", None)),
    ],
)
def test_a_phone_typed_without_spaces_is_a_phone_and_an_account_number_is_not(
    tmp_path: Path, header: str, values: list[str], kind: tuple[str, str | None]
) -> None:
    found = _one_column(tmp_path, header, values)
    assert found[0] == kind[0] and (kind[1] is None or found[1] == kind[1])


def _one_column(tmp_path: Path, header: str, values: list[str]) -> tuple[str, str]:
    rows = "".join(f"2026-10-{i % 28 + 1:02d},{i % 11},{v}\n" for i, v in enumerate(values))
    path = write_text(tmp_path / "x.csv", f"date,score,{header}\n{rows}")
    info = inspect_export(path).column(header)
    return info.kind, info.detail


@pytest.mark.parametrize(
    ("header", "values", "kind"),
    [
        # By the header, whatever the names look like.
        ("名前", ["佐藤", "鈴木", "", "高橋"] * 10, "name"),
        ("お名前（任意）", ["さとう", "すずき"] * 20, "name"),
        ("Full name", ["Ann", "Bob", "Cy"] * 10, "name"),
        ("Last Name", ["Smith", "Jones"] * 20, "name"),
        # By the values: family and given names that recombine.
        ("回答者", [f"{f} {g}" for f in ("佐藤", "鈴木", "高橋", "田中", "伊藤")
                    for g in ("太郎", "花子", "健一", "美咲", "翔")] * 2, "name"),
        ("Respondent", [f"{f} {g}" for f in ("Emma", "Liam", "Olivia", "Noah", "Ava")
                        for g in ("Smith", "Jones", "Brown", "Taylor", "Wilson")] * 2, "name"),
        ("Contact", [f"guest{i}@example.jp" for i in range(30)], "email"),
        ("電話番号", [f"090-{1000 + i}-{2000 + i}" for i in range(30)], "phone"),
        ("Phone", [f"+44 20 7946 {i:04d}" for i in range(30)], "phone"),
        # Two capitalised words are not a name: places do not recombine.
        ("City", ["New York", "Los Angeles", "San Diego", "Las Vegas", "El Paso", "Fort Worth",
                  "San Jose", "Salt Lake", "Palm Springs", "Long Beach", "Santa Fe",
                  "Baton Rouge", "Kansas City", "Little Rock", "Des Moines", "New Haven",
                  "Boca Raton", "Grand Rapids", "Ann Arbor", "Sioux Falls", "Cape Coral"] * 2,
         "categorical"),
        ("Region", ["North West", "South West", "North East", "South East"] * 10,
         "categorical"),
        ("Hotel name", ["Harbour Hotel", "Park Hotel", "City Inn"] * 10, "categorical"),
    ],
)  # fmt: skip
def test_people_are_found_by_header_and_by_values(
    tmp_path: Path, header: str, values: list[str], kind: str
) -> None:
    assert _one_column(tmp_path, header, values)[0] == kind


_UA = (
    "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148",
    "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 Chrome/124.0 Safari/537.36",
    "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/124.0 Mobile Safari/537.36",
)


@pytest.mark.parametrize(
    ("header", "values", "detail"),
    [
        # Hidden fields and link parameters (Typeform, SurveyMonkey custom variables, Qualtrics
        # embedded data): only the name tells utm_medium's "email" from a channel question's.
        ("utm_source", ["email", "sms", "app"] * 12, "tracking parameter"),
        ("utm_medium", ["newsletter", "cpc"] * 18, "tracking parameter"),
        ("UTM Campaign", ["autumn26", "winback", "xmas"] * 12, "tracking parameter"),
        ("gclid", ["Cj0KCQjw1", "Cj0KCQjw2", "Cj0KCQjw3"] * 12, "tracking parameter"),
        ("Referrer", ["https://www.google.com/", "https://t.co/x", ""] * 12,
         "tracking parameter"),
        ("Network ID", ["3f9a1c0d2e", "77b0e1aa9c", "0c4d5e6f7a"] * 12, "network id"),
        ("Response Type", ["completed", "completed", "partial"] * 12, "response type"),
        ("Finished", ["True", "True", "False"] * 12, "response type"),  # not a yes/no answer
        ("Progress", ["100", "100", "20"] * 12, "response type"),
        ("tracking_id", ["TRK1", "TRK2", "TRK3"] * 12, "tracking parameter"),
        ("Tags", ["", "vip", "churn-risk"] * 12, "tags"),
        ("IP Address", ["81.2.69.160", "81.2.69.161", "2001:db8::1"] * 12, "IP addresses"),
        ("User Agent", list(_UA) * 12, "user agents"),
        ("Q_URL", ["https://example.qualtrics.com/jfe/form/SV_1"] * 36, "URLs"),
        # By the values alone, whatever the header.
        ("source_ip", ["10.0.0.1", "10.0.0.2", "192.168.1.20"] * 12, "IP addresses"),
        ("browser_string", list(_UA) * 12, "user agents"),
        ("page", ["https://shop.example.com/a", "https://shop.example.com/b?x=1"] * 18, "URLs"),
        ("Status", ["IP Address", "IP Address", "Survey Preview"] * 12, "response type"),
        # Microsoft Forms' last change time, blank or unreadable: not an answer either.
        ("Last modified time", ["", "see log", "n/a"] * 12, "response times"),
        # How long the response took, in seconds or as a clock time.
        ("Duration (in seconds)", ["312", "95", "1204"] * 12, "response times"),
        ("所要時間", ["0:05:12", "0:01:35", "0:20:04"] * 12, "response times"),
    ],
)  # fmt: skip
def test_what_the_survey_tool_recorded_is_metadata_by_header_or_by_values(
    tmp_path: Path, header: str, values: list[str], detail: str
) -> None:
    assert _one_column(tmp_path, header, values) == ("metadata", detail)


@pytest.mark.parametrize(
    ("header", "values", "found"),
    [
        # The language each respondent answered in, by the header or by the regions: managers
        # compare Japanese- and English-speaking customers. It was metadata, never proposed.
        ("UserLanguage", ["EN", "JA", "EN"] * 12, ("categorical", "language codes")),
        ("Language", ["ja", "en", "EN-GB"] * 12, ("categorical", "language codes")),
        ("言語コード", ["ja", "en"] * 18, ("categorical", "language codes")),
        ("locale_hint", ["en-GB", "ja-JP", "en-US"] * 12, ("categorical", "language codes")),
        # A survey run in one language has no languages to compare.
        ("UserLanguage", ["JA"] * 36, ("metadata", "language codes, one language")),
    ],
)  # fmt: skip
def test_a_language_column_is_a_breakdown_not_metadata(
    tmp_path: Path, header: str, values: list[str], found: tuple[str, str]
) -> None:
    assert _one_column(tmp_path, header, values) == found


@pytest.mark.parametrize(
    ("header", "values", "kind"),
    [
        # Answers that share a word or a shape with the tool's columns.
        ("Which channel did you use?", ["email", "sms", "app"] * 12, "categorical"),
        ("Channel", ["Online", "Phone", "Store"] * 12, "categorical"),
        ("How easy was order tracking?", ["1", "2", "3", "4", "5"] * 8, "rating"),
        ("Language", ["English", "Japanese", "German"] * 12, "categorical"),
        ("Region", ["NW", "SE", "NE"] * 12, "categorical"),
        ("Country", ["GB", "US", "JP"] * 12, "categorical"),
        ("Store", ["Leeds", "York", "Hull"] * 12, "categorical"),
        ("Status", ["Gold member", "Silver member", "Guest"] * 12, "categorical"),
        # How long the stay or the membership lasted is a question, not the response's time.
        ("Duration of stay", ["1 night", "2-3 nights", "A week or more"] * 12, "categorical"),
        ("Duration of membership", ["Less than 1 year", "1-3 years", "Over 3 years"] * 12,
         "categorical"),
        ("Duration", ["1 night", "2-3 nights", "A week or more"] * 12, "categorical"),
        ("所要時間", ["30分未満", "30分〜1時間", "1時間以上"] * 12, "categorical"),
        # One option of a multi-select (SurveyMonkey, Qualtrics): its name or blank. A word
        # Qualtrics also uses for a response type is still the respondent's choice.
        ("What went wrong? - Spam", ["Spam", "", ""] * 12, "categorical"),
        ("Where do you shop? - Offline", ["Offline", "", "Offline"] * 12, "categorical"),
        ("Origin", ["Imported", "Imported", ""] * 12, "categorical"),
        # Four-part version numbers have an IP address's shape: NPS by app version is a
        # breakdown.
        ("App version", ["4.2.1.0", "4.2.0.3", "4.1.9.7"] * 12, "categorical"),
        # A column named by the aspect it rates, as exports of matrix questions often are.
        ("Tracking", ["1", "2", "3", "4", "5"] * 8, "rating"),
        ("Progress", ["5", "4", "3", "4"] * 10, "rating"),
        ("Tracking", ["Very satisfied", "Satisfied", "Neutral", "Dissatisfied"] * 10, "rating"),
        ("アプリのバージョン", ["2.10.0.1", "2.9.3.0"] * 18, "categorical"),
    ],
)  # fmt: skip
def test_answers_that_look_like_the_tools_columns_stay_answers(
    tmp_path: Path, header: str, values: list[str], kind: str
) -> None:
    assert _one_column(tmp_path, header, values)[0] == kind


def test_hashes_are_ids_even_when_they_repeat(tmp_path: Path) -> None:
    import hashlib

    tokens = [hashlib.sha1(str(i % 38).encode()).hexdigest() for i in range(40)]
    assert _one_column(tmp_path, "respondent_hash", tokens) == ("id", "tokens")


# --- a SurveyMonkey export as its author meant it: a physio chain ------------------------------


def test_surveymonkey_open_ended_answers_are_free_text_however_few(tmp_path: Path) -> None:
    found = inspect_export(write_surveymonkey_physio_xlsx(tmp_path / "physio.xlsx"))
    kinds = {c.column: (c.kind, c.detail, c.distinct) for c in found.columns}
    # Four set wishes were "categorical 4 values", a breakdown by what patients typed.
    assert kinds[PHYSIO_IMPROVE] == ("text", "free text (Open-Ended)", 4)
    assert kinds[PHYSIO_REASON][:2] == ("text", "free text (Open-Ended)")
    # SurveyMonkey calls the e-mail question open-ended too: still who answered.
    assert kinds["What is your email address?"][:2] == ("email", "e-mail addresses")


def test_a_very_poor_to_excellent_matrix_is_a_1_to_5_rating(tmp_path: Path) -> None:
    found = inspect_export(write_surveymonkey_physio_xlsx(tmp_path / "physio.xlsx"))
    for row in PHYSIO_ROWS:
        info = found.column(f"{PHYSIO_MATRIX} - {row}")
        assert (info.kind, info.detail, info.scale) == ("rating", "1–5, labelled", (1, 5))
        assert info.codes == tuple(enumerate(PHYSIO_QUALITY, start=1))


def test_a_respondent_id_that_repeats_in_duplicate_rows_is_the_id(tmp_path: Path) -> None:
    found = inspect_export(write_surveymonkey_physio_xlsx(tmp_path / "physio.xlsx"))
    info = found.column("Respondent ID")
    assert (info.kind, info.detail) == ("id", "nearly unique, 3 repeat")
    assert found.notes == (
        "'Respondent ID' is read as the id although 3 of its values repeat: all in rows that "
        "repeat an earlier row exactly (dedupe: true drops them).",
        "3 rows repeat an earlier row exactly; dedupe: true drops them.",
    )


def test_double_submissions_are_noted(tmp_path: Path) -> None:
    # QA20: inspect noted only the exact duplicates of a Google Forms export, not the 8 rows
    # sent twice (the same answers, 2-6 s apart).
    path = write_google_forms(tmp_path / "forms.csv")
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    again = lines[5].replace(":30,", ":34,", 1)
    assert again != lines[5]
    path.write_text("".join([*lines, again]), encoding="utf-8")
    found = inspect_export(path)
    assert found.notes == (
        "1 row repeats the answers of a response sent at most 60 seconds earlier (a double "
        "submission, as a second click on Submit makes); dedupe: resubmissions drops them, "
        "with the exact duplicates.",
    )
    assert found.load.resubmission_of == (6,)


@pytest.mark.parametrize("header", ["Respondent ID", "Response ID", "ResponseId", "response_id"])
def test_an_id_named_column_with_a_few_repeats_is_the_id(tmp_path: Path, header: str) -> None:
    # Two respondents answered twice, with other answers: the id, and the note says where.
    values = [str(114000000000 + 37 * i) for i in range(38)] + ["114000000000", "114000000037"]
    rows = "".join(f"2026-10-{i % 28 + 1:02d},{i % 11},{v}\n" for i, v in enumerate(values))
    found = inspect_export(write_text(tmp_path / "x.csv", f"date,score,{header}\n{rows}"))
    info = found.column(header)
    assert (info.kind, info.detail) == ("id", "nearly unique, 2 repeat")
    assert found.notes == (
        f"{header!r} is read as the id although 2 of its values repeat: in rows that differ "
        "(answered or exported twice).",
    )


def test_an_id_named_column_of_few_values_is_no_id(tmp_path: Path) -> None:
    assert _one_column(tmp_path, "Store ID", [str(10 + i % 5) for i in range(40)]) == (
        "number",
        "10–14",
    )


@pytest.mark.parametrize(
    ("header", "values"),
    [
        # QA19: 550 accounts over 1,500 responses (37 % distinct) became a breakdown.
        ("account_id", [f"acct_{1000 + i % 55}" for i in range(150)]),
        ("customer ID", [str(5000 + i % 40) for i in range(120)]),
        ("顧客番号", [f"C{i % 45:04d}" for i in range(135)]),
        ("顧客コード", [f"K-{i % 35}" for i in range(105)]),
    ],
)
def test_an_id_named_column_of_many_repeating_values_is_an_id_of_who_answered(
    tmp_path: Path, header: str, values: list[str]
) -> None:
    from nps_kit.inspect import is_response_id

    kind, detail = _one_column(tmp_path, header, values)
    distinct = len(set(values))
    assert (kind, detail) == ("id", f"{distinct} values, not one per response")
    found = inspect_export(tmp_path / "x.csv")
    assert found.column(header).repeats_by_design
    assert not is_response_id(found.column(header))


@pytest.mark.parametrize(
    ("header", "values", "response_id"),
    [
        # Numbers and words, unique: the response id.
        ("response_id", [str(9000 + i) for i in range(60)], True),
        ("Response ID", [f"R_{i:05d}x" for i in range(60)], True),
        # Numbers and words repeating by design: who answered, never the response id.
        ("customer ID", [str(5000 + i % 40) for i in range(120)], False),
        ("account_id", [f"acct_{1000 + i % 55}" for i in range(150)], False),
    ],
)
def test_is_response_id_reads_the_field_not_the_detail(
    tmp_path: Path, header: str, values: list[str], response_id: bool
) -> None:
    from dataclasses import replace

    from nps_kit.inspect import is_response_id

    _one_column(tmp_path, header, values)
    info = inspect_export(tmp_path / "x.csv").column(header)
    assert info.kind == "id"
    assert info.repeats_by_design is not response_id
    assert is_response_id(info) is response_id
    # A reworded detail changes nothing: the field decides.
    assert is_response_id(replace(info, detail="reworded")) is response_id


def test_the_language_is_the_majority_of_the_answers_and_its_share_is_said(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # 44 % of the answers are the Tokyo clinic's Japanese: the chain was made Japanese.
    path = write_surveymonkey_physio_xlsx(tmp_path / "physio.xlsx")
    found = inspect_export(path)
    assert found.language == "en"
    # two free-text questions (QA18: "of 723 answers" for 405 rows without saying why)
    assert found.spoken == AnswerLanguage("en", 62 / 142, 142, columns=2)
    assert found.to_dict()["japanese_share"] == 0.4366
    status, out, _ = run(capsys, path)
    assert status == 0
    assert (
        "language of the answers: en (56 % English, 44 % Japanese, of 142 answers in 2 columns)\n"
        in out
    )


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        # Blanks and "no answer" do not vote.
        (["N/A", "", "  ", None, "配送が遅い", "Slow", "Fast"], AnswerLanguage("en", 1 / 3, 3)),
        (["配送が遅い", "Slow", "無回答"], AnswerLanguage("ja", 0.5, 2)),
        (["N/A", ""], AnswerLanguage("en", 0.0, 0)),
        # QA25 B-2: "No", "Nope" to "Anything else?" are no answers to count
        (
            ["No", "Nope", "特になし", "配送が遅い", "Slow", "No wait"],
            AnswerLanguage("en", 1 / 3, 3),
        ),
    ],
)
def test_answer_language_counts_the_answered(
    answers: list[str | None], expected: AnswerLanguage
) -> None:
    assert answer_language([pd.Series(answers, dtype=object)]) == expected


def test_a_cover_sheet_first_names_the_sheets_and_the_one_with_the_scores(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA19: a cover sheet (表紙) read as "3 responses", and a hint to use --sheet without
    # naming the sheets.
    path = write_with_cover_sheet(tmp_path / "hotel.xlsx")
    status, _, err = run(capsys, path)
    assert status == 2
    assert err == (
        "nps-kit inspect: error: sheet '表紙' of hotel.xlsx: no column holds a 0–10 score. "
        "Columns: 'お客様アンケート 集計データ' (id: unique). The workbook's sheets: '表紙' "
        f"(read), '回答データ' (a 0–10 score column: {MSFORMS_NPS!r}). Pass --sheet "
        "'回答データ'. In a project's parameters the sheet is data.sheet.\n"
    )
    status, out, _ = run(capsys, path, "--sheet", "回答データ")
    assert status == 0
    assert out.startswith("hotel.xlsx: 160 responses (XLSX, sheet '回答データ'")


def test_a_japanese_project_hears_the_workbook_s_sheets_in_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG42: the sheets were named in English inside the Japanese message.
    path = write_with_cover_sheet(tmp_path / "hotel.xlsx")
    monkeypatch.chdir(_japanese_project(tmp_path / "project"))
    status, _, err = run(capsys, path)
    assert status == 2
    assert err.endswith(
        "ブックのシート：「表紙」（読んだシート）、「回答データ」（0〜10の点数の列："
        f"「{MSFORMS_NPS}」）。--sheet 回答データを指定してください。プロジェクトの"
        "パラメーターでは、シートはdata.sheetで指定します。\n"
    )


_HEADER_ROWS = {"qualtrics": "3 header row(s)", "surveymonkey": "2 header row(s)", "parquet": None}
_DATE_DETAIL = {"xlsx": "date cells", "parquet": "timestamps"}


def test_every_format_says_its_header_rows_and_how_its_dates_are_held(
    capsys: pytest.CaptureFixture[str], export: Export
) -> None:
    # QA19: a Parquet file was said to have "1 header row(s)" and its timestamps, like a
    # workbook's date cells, to be "ISO/Japanese" dates.
    argv: list[str | Path] = [export.path]
    if export.sheet is not None:
        argv += ["--sheet", export.sheet]
    status, out, _ = run(capsys, *argv)
    assert status == 0
    first = out.splitlines()[0]
    rows = _HEADER_ROWS.get(export.kind, "1 header row(s)")
    if rows is None:
        assert "header row" not in first
        assert first.endswith("(PARQUET)")
    else:
        assert first.endswith(f"{rows})")
    facts = inspect_export(export.path, sheet=export.sheet).to_dict()
    assert facts["header_rows"] == (None if rows is None else int(rows[0]))
    date = inspect_export(export.path, sheet=export.sheet).column(export.column("submitted_at"))
    assert (date.kind, date.detail) == ("date", _DATE_DETAIL.get(export.kind, "ISO/Japanese"))


@pytest.mark.parametrize("suffix", [".csv", ".xlsx", ".parquet"])
def test_excel_serial_dates_are_called_so(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, suffix: str
) -> None:
    # QA19: a column of 45962.5 … was called "ISO/Japanese" dates.
    frame = pd.DataFrame(
        {
            "date": [45962.5 + i for i in range(40)],
            "score": [i % 11 for i in range(40)],
            "comment": [("Slow delivery", "Kind staff")[i % 2] for i in range(40)],
        }
    )
    path = tmp_path / f"x{suffix}"
    if suffix == ".csv":
        frame.to_csv(path, index=False)
    elif suffix == ".xlsx":
        frame.to_excel(path, index=False)
    else:
        frame.to_parquet(path)
    found = inspect_export(path)
    assert (found.column("date").kind, found.column("date").detail) == (
        "date",
        "Excel serial dates",
    )
    assert found.date_column == "date"
    assert (found.date_min, found.date_max) == (
        pd.Timestamp("2025-11-01 12:00"),
        pd.Timestamp("2025-12-10 12:00"),
    )
    # Text serials read the same way.
    text = write_text(
        tmp_path / "t.csv", "date,score\n" + "".join(f'"{45962 + i}",{i % 11}\n' for i in range(40))
    )
    assert inspect_export(text).column("date").detail == "Excel serial dates"


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_a_file_without_its_header_row_is_said_to_have_none(tmp_path: Path, suffix: str) -> None:
    # QA19 asked for inspect on files with and without header rows: without one, the first
    # response named the columns and '9' became the NPS question, without a word.
    rows = [[f"2026-10-{i + 1:02d}", i % 11, ("good", "slow", "kind")[i % 3]] for i in range(30)]
    path = tmp_path / f"x{suffix}"
    if suffix == ".csv":
        write_text(path, "".join(f"{d},{s},{c}\n" for d, s, c in rows))
    else:
        pd.DataFrame(rows).to_excel(path, index=False, header=False)
    found = inspect_export(path)
    assert (
        "The column names read like answers ('2026-10-01', '0'): the file seems to have no "
        "header row, so its first response names the columns. Export it again with the "
        "question titles as the first row."
    ) in found.notes
    with_header = tmp_path / "h.csv"
    write_text(with_header, "date,score,comment\n" + "".join(f"{d},{s},{c}\n" for d, s, c in rows))
    assert not [n for n in inspect_export(with_header).notes if "header row" in n]


def test_na_is_a_region_and_no_answer_only_in_a_number(tmp_path: Path) -> None:
    # QA22: "NA" (North America) was read as a blank: Region "2 values, 2160 blanks".
    regions = ["NA", "EMEA", "APAC", "NA", ""]
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{'NA' if i % 10 == 3 else i % 11},{regions[i % 5]},"
        f"{'None' if i % 4 == 0 else i % 5 + 1}\n"
        for i in range(40)
    )
    found = inspect_export(write_text(tmp_path / "t.csv", "date,recommend,Region,speed\n" + rows))
    region = found.column("Region")
    assert (region.kind, region.distinct, region.blanks) == ("categorical", 3, 8)
    assert (found.column("recommend").kind, found.column("recommend").blanks) == ("nps", 4)
    assert (found.column("speed").kind, found.column("speed").blanks) == ("rating", 10)


def test_dates_that_read_both_ways_on_a_12_hour_clock_are_month_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA22: an export of 1-3 December (hh:mm:ss AM) was headed "not readable".
    rows = "".join(
        f"12/0{i % 3 + 1}/2026 {i % 12 + 1:02d}:15:00 {'AP'[i % 2]}M,{i % 11}\n" for i in range(30)
    )
    path = write_text(tmp_path / "w.csv", "End Date,recommend\n" + rows)
    lines = run(capsys, path)[1].splitlines()
    assert [lines[1], lines[4]] == [
        "dates: 'End Date', 2026-12-01 to 2026-12-03",
        "note: The dates in 'End Date' read both ways (no day over 12); they are read "
        "month-first: a 12-hour AM/PM clock, which day-first dates almost never use. Set "
        "date_format to day-first if that is wrong.",
    ]


def test_dotted_dates_that_read_both_ways_are_day_first(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA26 #20: an extract of 3-5 December (04.12.2026) "reads both ways", init wrote
    # date_format: null and alerts stopped. Dotted dates are day-first wherever written.
    rows = "".join(f"{i};0{i % 3 + 3}.12.2026;{i % 11}\n" for i in range(30))
    path = write_text(tmp_path / "d.csv", "Nr;Datum;Weiterempfehlung\n" + rows)
    lines = run(capsys, path)[1].splitlines()
    assert [lines[1], lines[4]] == [
        "dates: 'Datum', 2026-12-03 to 2026-12-05",
        "note: The dates in 'Datum' read both ways (no day over 12); they are read day-first: "
        "dates written with dots (04.12.2026) are day-first wherever written. Set date_format "
        "to month-first if that is wrong.",
    ]
    # Slashes say nothing: 04/12/2026 still needs date_format.
    slashed = write_text(tmp_path / "s.csv", "Nr;Datum;Score\n" + rows.replace(".", "/"))
    assert inspect_export(slashed).column("Datum").detail.startswith("ambiguous")


@pytest.mark.parametrize(
    ("yes", "no"),
    [
        ("はい、連絡してもよい", "いいえ、連絡しないでほしい"),
        ("連絡可", "連絡不可"),
        ("希望する", "希望しない"),
        ("Yes, you may contact me", "No, please don't"),
    ],
)
def test_consent_worded_as_survey_tools_word_it_is_consent(
    tmp_path: Path, yes: str, no: str
) -> None:
    # QA21: 「はい、連絡してもよい」 was taken for a multi-select with separator 「、」 and 連絡可
    # for a categorical, so init offered the contact details of people who had said no.
    rows = "".join(
        f'R{i},2026/10/{i % 28 + 1} 9:00,{i % 11},"{yes if i % 3 else no}",'
        f"{['配送が遅かった。', 'とても満足です。', '価格が高い。'][i % 3]}{i}\n"
        for i in range(40)
    )
    header = "回答ID,回答日時,おすすめ度,Q5. ホテルからご連絡を差し上げてもよろしいですか。,理由\n"
    path = write_text(tmp_path / "ja.csv", header + rows, "utf-8")
    found = inspect_export(path)
    assert [(c.kind, c.detail) for c in found.columns][3] == ("consent", "yes/no")


def test_a_title_row_above_the_header_is_said_and_skipped(tmp_path: Path) -> None:
    # QA21: every column was 'Unnamed: N', the header counted as a response, exit status 0.
    title = "ご宿泊者満足度アンケート 回答一覧（2026年9月〜11月）"
    rows = "".join(f"R{i},2026/10/{i % 28 + 1} 9:00,{i % 11}\n" for i in range(40))
    path = write_text(tmp_path / "t.csv", f"{title}\n回答ID,回答日時,おすすめ度\n{rows}", "utf-8")
    found = inspect_export(path)
    assert [c.column for c in found.columns] == ["回答ID", "回答日時", "おすすめ度"]
    assert (found.nps_column, found.load.rows_read) == ("おすすめ度", 40)
    assert found.notes[0] == (
        f"Row 1 is a title above the table ({title!r}), skipped: the column names were read "
        "from row 2."
    )


def test_the_answers_inspected_are_every_column_as_the_loader_reads_it(export: Export) -> None:
    # FIX26: init decides on found.data instead of reading the export again per column with
    # that column as the score column. No score column decides a dropped row (blank XLSX
    # rows, Qualtrics previews are dropped whatever it is), so each of those reads was this.
    found = inspect_export(export.path, sheet=export.sheet)
    assert list(found.data.columns) == [c.column for c in found.columns]
    for name in ("score", "business_unit", "comment"):
        column = export.column(name)
        alone = load_responses(
            export.path, score_column=column, sheet=export.sheet, check_score=False
        )
        pd.testing.assert_series_equal(found.data[column], alone.data[column])
    assert len(found.data) == len(export.expected)


def test_qualtrics_text_entry_answers_are_free_text_however_few(tmp_path: Path) -> None:
    # FIX26: a Qualtrics multi-select's "Other - Text" box (ImportId QID5_4_TEXT) held five
    # kinds of what respondents typed and became a breakdown ("Services — other (text)").
    # Qualtrics marks every text entry by its ImportId's _TEXT, as SurveyMonkey says
    # "Open-Ended Response".
    header = QUALTRICS_HEADER.split("\n")
    others = ("Safe deposit box", "Mortgage advice", "Foreign exchange", "")
    lines = [
        header[0] + ",Q5_4_TEXT",
        header[1] + ",Which features do you use? - Other - Text",
        header[2] + ',"{""ImportId"":""QID75_4_TEXT""}"',
    ]
    lines += [
        f"{date},{date},IP Address,R_{i:04d},Female,3,{score},{nps_group(score)},Reports,,"
        f"{others[i % 4]}"
        for i, (date, score) in enumerate(qualtrics_rows(40))
    ]
    found = inspect_export(write_text(tmp_path / "q.csv", "\n".join(lines) + "\n"))
    other = found.column("Q5_4_TEXT")
    assert (other.kind, other.detail, other.distinct) == ("text", "free text (text entry)", 3)


@pytest.mark.parametrize("name", LOADER_COLUMNS)
def test_a_column_named_like_the_loaders_own_is_inspected_as_written(
    tmp_path: Path, name: str
) -> None:
    # QA24: a Parquet 'nps_score' column was "empty: no answers", so init refused the file.
    n = 60
    frame = pd.DataFrame(
        {
            "response_id": [f"R{i:05d}" for i in range(n)],
            "submitted_at": pd.date_range("2026-10-01", periods=n, freq="D"),
            "line": [("Motor", "Home")[i % 2] for i in range(n)],
        }
    )
    if name == "nps_score":
        frame[name] = pd.array([i % 11 for i in range(n)], dtype="Int64")
    else:
        frame["score"] = pd.array([i % 11 for i in range(n)], dtype="Int64")
        frame[name] = [("Motor", "Home")[i % 2] for i in range(n)]
    path = tmp_path / "drop.parquet"
    frame.to_parquet(path)
    found = inspect_export(path)
    expected = "nps_score" if name == "nps_score" else "score"
    assert found.nps_column == expected
    assert found.column(expected).kind == "nps"
    if name != "nps_score":
        assert found.column(name).kind == "categorical"


@pytest.mark.parametrize("name", ["顧客番号", "member"])
def test_zero_padded_numbers_are_an_id_not_excel_serial_dates(tmp_path: Path, name: str) -> None:
    # QA24: 顧客番号 0013792 was "date: Excel serial dates"; with its name or without, a column
    # of zero-padded numbers, nearly one per response, is a code.
    n = 60
    rows = "".join(
        f"2026-10-{1 + i % 28:02d},{i % 11},{(i * 7919) % 99991:07d}\n" for i in range(n)
    )
    path = write_text(tmp_path / "dealer.csv", f"回答日,score,{name}\n{rows}")
    found = inspect_export(path)
    assert (found.column(name).kind, found.column(name).detail) == ("id", "unique")
    assert found.date_column == "回答日"


def test_a_totals_row_is_said_and_not_counted_as_a_response_or_an_unread_date(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA25 C-4: "2,401 responses" and "ｺｰﾙ日時: 1 of 2,401 values are not dates, such as
    # '2400件'" for the 合計 row under a call-centre export.
    path = write_callcentre_ja(tmp_path / "denki.csv", n=60)
    lines = run(capsys, path)[1].splitlines()
    assert lines[0] == "denki.csv: 60 responses (CSV, cp932, 1 header row(s))"
    notes = [line for line in lines if line.startswith("note:")]
    assert notes == [
        "note: 1 totals row under the table (合計 (denki.csv row 62; its score is no 0–10 "
        "answer)) was left out: it is not a response."
    ]
    found = inspect_export(path)
    assert found.date_notes == () and found.column("ｺｰﾙ日時").kind == "date"


def test_a_google_forms_grid_s_rows_are_told_apart_in_the_table(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA25 B-6: the four grid columns all read "Please rate the followi…".
    rows_ = ("Front desk", "Hygienist", "Billing and insurance", "Billing and insurance claims")
    header = "Timestamp,How likely are you to recommend us?," + ",".join(
        f"Please rate the following: [{r}]" for r in rows_
    )
    answers = ("Good", "Very good", "Excellent", "Fair", "Poor")
    lines = [
        f"12/{1 + i % 28}/2025 9:00:00,{i % 11}," + ",".join(answers[(i + k) % 5] for k in range(4))
        for i in range(40)
    ]
    status, out, _ = run(capsys, write_text(tmp_path / "g.csv", "\n".join([header, *lines]) + "\n"))
    assert status == 0
    names = [line.split("  ")[0] for line in out.splitlines() if line.startswith(("Please", "["))]
    assert names == [
        "Please rat… [Front desk]",
        "Please rate… [Hygienist]",
        "[Billing and insurance]",
        "[Billing and insurance …",
    ]


@pytest.mark.parametrize(
    ("header", "yes", "no"),
    [
        ("Kontakt erlaubt", "ja", "nein"),
        ("Peut-on vous contacter ?", "Oui", "Non"),
        ("¿Podemos contactarle?", "Sí", "No"),
        ("Mag contact opnemen", "ja", "nee"),
    ],
)
def test_a_european_consent_question_is_consent_not_a_breakdown(
    tmp_path: Path, header: str, yes: str, no: str
) -> None:
    # QA26 #2: 'Kontakt erlaubt' (ja/nein) became a breakdown ("NPS by Kontakt erlaubt").
    rows = "".join(
        f"{i};0{i % 9 + 1}.10.2026;{i % 11};{yes if i % 2 else no};Gut {i}\n" for i in range(40)
    )
    path = write_text(
        tmp_path / "d.csv", f"Nr;Datum;Empfehlung;{header};Kommentar\n" + rows, "cp1252"
    )
    found = inspect_export(path)
    assert [c.kind for c in found.columns if c.column == header] == ["consent"]


def test_answer_language_names_the_answers_in_languages_no_pack_reads() -> None:
    # QA26 #13/#14: a hotel export with French/Spanish/German comments said "100 % English".
    answers = (
        ["The room was spotless and the bed so comfortable."] * 17
        + ["Le Wi-Fi ne fonctionnait pas dans la chambre."] * 2
        + ["Zu laut, das Zimmer lag direkt an der Straße."]
    )
    found = answer_language([pd.Series(answers, dtype=object)])
    assert found.language == "en"
    assert found.others == (("fr", 0.1), ("de", 0.05))
    assert found.describe() == (
        "85 % English, 0 % Japanese, 15 % other languages not read by the themes (French 10 %, "
        "German 5 %), of 20 answers"
    )
    init_comment = (  # as init writes it since FIX58 (a unit's language is its readers')
        f"# Report language, detected from the answers ({found.describe()}).\n"
        "# Set once here, the readers' language for every unit; init notes in a unit's file\n"
        "# when its customers answer mostly in another language, and does not switch it.\n"
        "language: en"
    )
    translated = in_language(init_comment, "ja")
    assert translated.startswith("# レポートの言語（回答から判定：英語85%、日本語0%、"), translated
    assert (
        "テーマが読まない他の言語15%（フランス語10%、ドイツ語5%）、回答20件）。"
        in translated.replace("\n# ", "")
    )
    assert "ユニットは、そのファイルに注記するだけで切り替えません。" in translated.replace(
        "\n# ", ""
    )
    assert translated.endswith("\nlanguage: en")
    assert "Report language" not in translated


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_six_and_seven_digit_ids_are_ids_not_excel_dates(tmp_path: Path, suffix: str) -> None:
    # QA26 #1: ids from 132,321 on were tried as Excel serials past pandas' year 2262 and
    # inspect stopped with OutOfBoundsDatetime; an order number beside them the same.
    rows = [(880100 + 7 * i, 1234567 + i, 100000 + 8999 * i, i % 11) for i in range(40)]
    if suffix == "csv":
        text = "Survey ID,Response ID,OrderNo,score\n"
        path = write_text(
            tmp_path / "ids.csv", text + "".join(f"{a},{b},{c},{d}\n" for a, b, c, d in rows)
        )
    else:
        import openpyxl

        book = openpyxl.Workbook()
        sheet = book.active
        sheet.append(["Survey ID", "Response ID", "OrderNo", "score"])
        for row in rows:
            sheet.append(list(row))
        path = tmp_path / "ids.xlsx"
        book.save(path)
    found = inspect_export(path)
    kinds = {c.column: c.kind for c in found.columns}
    assert kinds == {"Survey ID": "id", "Response ID": "id", "OrderNo": "number", "score": "nps"}


def test_decimal_comma_scores_are_the_nps_not_a_multi_select(tmp_path: Path) -> None:
    # QA26 #4: 1,0 … 10,0 (German Excel's 0,0 format) was a multi-select with separator ','.
    rows = "".join(f"{i % 28 + 1:02d}.11.2026;{i % 11},0;F{i % 2}\n" for i in range(60))
    path = write_text(
        tmp_path / "d.csv", "Datum;Weiterempfehlung (0-10);Filiale\n" + rows, "cp1252"
    )
    found = inspect_export(path)
    info = {c.column: c for c in found.columns}["Weiterempfehlung (0-10)"]
    assert (info.kind, info.detail, info.separator) == ("nps", "0–10", None)
    assert found.nps_column == "Weiterempfehlung (0-10)"


def test_amounts_with_decimals_are_numbers_not_a_multi_select_or_phones(tmp_path: Path) -> None:
    # QA26 #8: 2.306,17 / 95,65 were a multi-select with separator ','; #17: 133316.64 a phone.
    rows = "".join(
        f"{i % 11};{95 + 37 * i},{i % 100:02d};{100000 + 713 * i}.{i % 97:02d};"
        f"{i % 3},{i % 5 + 1}\n"
        for i in range(60)
    )
    rows = rows.replace(
        f"{95 + 37 * 59},", f"{(95 + 37 * 59) // 1000}.{(95 + 37 * 59) % 1000:03d},"
    )
    path = write_text(
        tmp_path / "a.csv", "Score;Rechnungsbetrag (€);Vertragswert;Optionen\n" + rows, "cp1252"
    )
    info = {c.column: c for c in inspect_export(path).columns}
    assert info["Rechnungsbetrag (€)"].kind == "number"
    assert info["Rechnungsbetrag (€)"].detail == "95–2278.59"
    assert info["Vertragswert"].kind == "number"
    # Option codes with one digit after the comma stay a multi-select.
    assert (info["Optionen"].kind, info["Optionen"].separator) == ("multi", ",")


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_two_row_header_under_merged_group_cells_names_the_questions(
    tmp_path: Path, suffix: str
) -> None:
    # QA26 #3: 設問 merged over four questions named the NPS 設問 and the ratings 'Unnamed: 4',
    # and the row of questions was counted as a response (and made the ratings categorical).
    if suffix == "xlsx":
        path = write_grouped_header_xlsx(tmp_path / "byoin.xlsx")
    else:
        path = write_grouped_header_csv(tmp_path / "byoin.csv")
    found = inspect_export(path)
    assert found.load.rows_read == 40
    kinds = {c.column: (c.kind, c.detail) for c in found.columns}
    assert kinds == {
        "No.": ("id", "unique"),  # the sheet's running number (QA26 #7)
        "回答日": ("date", "ISO/Japanese"),
        "診療科": ("categorical", "2 values"),
        "当院をご家族やご友人に勧めたいと思いますか": ("nps", "0–10"),
        "待ち時間の満足度": ("rating", "1–5, labelled"),
        "医師の説明はわかりやすかったですか": ("rating", "1–5, labelled"),
        "会計の満足度": ("rating", "1–5, labelled"),
        "自由記述": ("text", "free text"),
        "連絡の可否": ("consent", "yes/no"),
    }
    first = 2 if suffix == "xlsx" else 1  # the XLSX has a title row above
    assert (
        f"Rows {first}–{first + 1} are a two-row header: the columns under a heading merged over "
        f"several columns are named by row {first + 1}, the others by row {first}; the answers "
        f"start on row {first + 2}. Under '設問': '当院をご家族やご友人に勧めたいと思いますか', "
        "'待ち時間の満足度', '医師の説明はわかりやすかったですか', '会計の満足度'."
    ) in found.notes  # FIX49: the merged heading, no column's name, is said here


def test_a_two_row_header_whose_heading_repeats_over_its_columns_names_them_by_row_2(
    tmp_path: Path,
) -> None:
    # QA34: Alchemer writes a matrix's question text in each of its columns and the rows'
    # labels below; read as one header, the label row was a response and the ratings were
    # 'categorical, 6 values' named 'Please rate:', 'Please rate:.1' ...
    scale = ("Poor", "Fair", "Good", "Very good", "Excellent")
    rows = "".join(
        f'{1001 + i},"Nov {i + 1}, 2026 9:05 AM",{i % 11},{scale[i % 5]},{scale[(i + 2) % 5]}\n'
        for i in range(20)
    )
    head = "Response ID,Date Submitted,How likely are you to recommend us?,Rate:,Rate:\n"
    path = write_text(tmp_path / "a.csv", head + ",,,Vet,Front desk\n" + rows)
    found = inspect_export(path)
    assert found.load.rows_read == 20
    kinds = {c.column: (c.kind, c.detail) for c in found.columns}
    assert kinds["Vet"] == kinds["Front desk"] == ("rating", "1–5, labelled")
    assert kinds["Date Submitted"] == ("date", "month names")  # was "ISO/Japanese"
    said = in_language("  # Date Submitted (month names; 2026-11-01 to 2026-11-20).", "ja")
    assert said == "  # Date Submitted（英語の月名の日付、2026-11-01〜2026-11-20）。"
    assert (found.nps_column, found.date_column) == (
        "How likely are you to recommend us?",
        "Date Submitted",
    )


def test_a_heading_repeated_apart_is_no_group(tmp_path: Path) -> None:
    # Only side by side is a repeated heading a group: "Rate:" twice apart stays one header row.
    rows = "".join(f"{i % 11},x{i},{i % 5 + 1},y{i},{i % 3 + 1}\n" for i in range(20))
    path = write_text(tmp_path / "a.csv", "score,Rate:,a,Rate:,b\n,Vet,,Desk,\n" + rows)
    assert inspect_export(path).load.rows_read == 21


@pytest.mark.parametrize("header", ["No.", "No", "番号", "#", "通し番号"])
def test_a_running_number_column_is_an_id_not_a_number_or_a_score(
    tmp_path: Path, header: str
) -> None:
    # QA26 #7: the sheet's No. (1-905) was a 'number', so the detractor list showed the sheet
    # row instead; with ten rows it would have read as a 1-10 scale.
    rows = "".join(f"{i + 1},2026-11-{i + 1:02d},{(i * 7) % 11}\n" for i in range(10))
    found = inspect_export(write_text(tmp_path / "t.csv", f"{header},date,score\n" + rows))
    info = {c.column: c for c in found.columns}[header]
    assert (info.kind, info.detail) == ("id", "unique")
    assert found.nps_column == "score"


def test_option_codes_joined_by_commas_are_a_multi_select_not_amounts(tmp_path: Path) -> None:
    # FIX49: since FIX45's decimal rule, codes 10,12 (two options) read as the amount 10.12 and
    # the column as a number; a 1-5 rating written 4,0 stays a rating.
    picks = ["10,12", "3", "1,11", "3,10", "12", "5,14", "11,12", "1,5", "14", "10"]
    rows = "".join(f"{i % 11};{i % 5 + 1},0;{picks[i % len(picks)]}\n" for i in range(60))
    path = write_text(
        tmp_path / "k.csv", "Weiterempfehlung (0-10);Service (1-5);Leistungen\n" + rows, "cp1252"
    )
    info = {c.column: c for c in inspect_export(path).columns}
    assert (info["Leistungen"].kind, info["Leistungen"].separator) == ("multi", ",")
    assert (info["Service (1-5)"].kind, info["Service (1-5)"].detail) == ("rating", "1–5")


def test_a_rating_with_halves_and_a_decimal_comma_is_a_number_not_a_multi_select(
    tmp_path: Path,
) -> None:
    # FIX71 #2: a German 1-5 rating written 4,5 / 3,0 (fewer than 20 wholes) was read as a
    # multi-select of options 4, 5, 3 and 0, and init proposed its "options" as a breakdown.
    halves = ["4,5", "3,0", "2,5", "5,0", "4,0", "1,5", "3,5", "2,0"]
    rows = "".join(f"{i % 11};{halves[i % len(halves)]}\n" for i in range(60))
    path = write_text(tmp_path / "h.csv", "Weiterempfehlung (0-10);Service\n" + rows, "cp1252")
    info = {c.column: c for c in inspect_export(path).columns}
    assert (info["Service"].kind, info["Service"].detail) == ("number", "1.5–5")


def test_options_joined_by_a_slash_are_a_multi_select_options_with_one_are_not(
    tmp_path: Path,
) -> None:
    # QA27 #3: 解約理由 joined by ／ (as Japanese cart tools and TEXTJOIN write them) was
    # 'categorical 41 values', so init left the cancellation reasons out of every report.
    reasons = ["肌に合わなかった", "価格が高い", "配送の都合", "使い切れない", "解約手続きが面倒"]
    picked = ["／".join(reasons[j % 5] for j in range(i % 5, i % 5 + i % 3 + 1)) for i in range(60)]
    # A slash inside single options is no separator: "Web/アプリ" never recombines. Nor are the
    # slashes of dates, rates and times (REVIEW28: ご来店日 11/3 became options "11" and "10").
    channel = ["Web/アプリ", "店頭/電話", "その他"]
    days = [f"{10 + i % 2}/{i % 28 + 1}" for i in range(60)]
    often = [f"{i % 4 + 1}/{('week', 'month')[i % 2]}" for i in range(60)]
    times = [f"{9 + i % 8}:00/{10 + i % 7}:30" for i in range(60)]
    rows = "".join(
        f"{i % 11},{picked[i]},{channel[i % 3]},{days[i]},{often[i]},{times[i]}\n"
        for i in range(60)
    )
    path = write_text(
        tmp_path / "t.csv", "おすすめ度,解約理由,申込経路,ご来店日,頻度,時間帯\n" + rows, "cp932"
    )
    info = {c.column: c for c in inspect_export(path).columns}
    assert (info["解約理由"].kind, info["解約理由"].separator) == ("multi", "/")
    assert info["申込経路"].kind == "categorical"
    for column in ("ご来店日", "頻度", "時間帯"):
        assert info[column].kind != "multi", column


def test_free_text_with_a_comma_is_not_a_multi_select_options_joined_by_one_are(
    tmp_path: Path,
) -> None:
    # QA28 #3: what_to_improve (6 distinct answers, one "Nothing, keep it up") was a
    # multi-select split at ", ": every report listed "Nothing" and "keep it up" as two
    # answers. Its parts are in no other answer; a multi-select's options recombine.
    improve = [
        "Better tracking visibility",
        "Faster claims handling",
        "Cheaper fuel surcharge",
        "Nothing, keep it up",
        "Faster collection, please",
        "",
    ]
    options = ["Price", "Delivery", "Quality"]
    picked = [", ".join(options[j % 3] for j in range(i % 3, i % 3 + i % 2 + 1)) for i in range(90)]
    rows = "".join(f'{i % 11},{picked[i]!r},"{improve[i % 6]}"\n' for i in range(90))
    rows = rows.replace("'", '"')
    path = write_text(tmp_path / "l.csv", "nps_score,liked,what_to_improve\n" + rows)
    info = {c.column: c for c in inspect_export(path).columns}
    assert (info["liked"].kind, info["liked"].separator) == ("multi", ", ")
    improvement = info["what_to_improve"]
    assert (improvement.kind, improvement.separator) == ("text", None)
    assert "improve" in improvement.detail


def test_no_0_is_a_1_to_10_scale_only_when_a_0_was_to_be_expected(tmp_path: Path) -> None:
    # QA28 #9a: 95 gym answers with one 1 and two 2s had no 0 and were called "1–10?": with so
    # few low answers a 0 was not to be expected. Twenty 1s and 2s without a 0 are evidence.
    few = [1, 2, 2] + [4 + i % 7 for i in range(92)]
    many = [1] * 10 + [2] * 10 + [4 + i % 7 for i in range(75)]
    rows = "".join(f"{a},{b}\n" for a, b in zip(few, many, strict=True))
    path = write_text(tmp_path / "g.csv", "How likely to recommend us,Other rating\n" + rows)
    info = {c.column: c for c in inspect_export(path).columns}
    assert info["How likely to recommend us"].kind == "nps"
    assert info["Other rating"].kind == "scale"
    assert not any("1–10" in note for note in inspect_export(path).notes if "recommend" in note)


@pytest.mark.parametrize(
    "header", ["Response No.", "Record #", "回答番号", "Response number", "Survey Nr."]
)
def test_a_running_number_named_so_is_the_id(tmp_path: Path, header: str) -> None:
    # QA29 F5: the hospital's Response No. (unique, 1000-3199) was a 'number', so init wrote
    # id: null and said no column was unique to each response.
    rows = "".join(
        f"{1000 + i},2026-10-{i % 28 + 1:02d} 10:00,{(i * 7) % 11},Ward {i % 3}\n"
        for i in range(40)
    )
    found = inspect_export(write_text(tmp_path / "t.csv", f"{header},date,score,ward\n" + rows))
    info = {c.column: c for c in found.columns}[header]
    assert (info.kind, info.detail) == ("id", "unique")
    assert found.nps_column == "score"


def test_a_column_of_zone_names_is_the_times_zone_not_a_choice(tmp_path: Path) -> None:
    # QA29 F7: an Australian hospital's "Time zone" (AEST/AEDT) was a 2-value categorical and
    # became "NPS by Time zone" in every report.
    rows = "".join(
        f"{i},{1 + i % 28:02d}/{4 + i % 7:02d}/2026 09:{i % 60:02d},"
        f"{'AEDT' if i % 7 == 6 else 'AEST'},{['Royal Harbour', 'Northside'][i % 2]},{i % 11}\n"
        for i in range(60)
    )
    path = write_text(tmp_path / "h.csv", "No.,Submitted,Time zone,Hospital,Recommend\n" + rows)
    found = inspect_export(path)
    zone = found.column("Time zone")
    assert (zone.kind, zone.detail) == ("metadata", "time zones (AEST, AEDT: Australia/Sydney)")
    assert found.column("Hospital").kind == "categorical"


def test_a_value_whose_answers_never_score_0_is_said_to_be_another_scale(tmp_path: Path) -> None:
    # QA29 F6: survey version v1 (asked 1-10) mixed with v2 (0-10), said nowhere.
    v1 = [1, 1, 2, 2, 3, 5, 8, 9, 10, 10] * 6
    v2 = list(range(11)) * 8
    rows = [f"2026-05-{1 + i % 28:02d},v1,{s}" for i, s in enumerate(v1)]
    rows += [f"2026-06-{1 + i % 28:02d},v2,{s}" for i, s in enumerate(v2)]
    path = write_text(tmp_path / "h.csv", "date,Survey version,recommend\n" + "\n".join(rows))
    found = inspect_export(path)
    assert (
        "'recommend': the 60 answers with 'Survey version' = 'v1' have no 0 while the other "
        "answers have 8: they may have been asked on a 1–10 scale, not 0–10. They are counted "
        "as 0–10; nps-kit converts no score."
    ) in found.notes


@pytest.mark.parametrize(
    ("header", "states", "other"),
    [
        ("ステータス", ["未対応", "対応済"], "年代"),
        ("対応状況", ["完了", "未対応", "対応中"], "年代"),
        ("Status", ["Abgeschlossen", "Unvollständig"], "Filiale"),
        ("Status", ["Closed", "Open", "Pending"], "Plan"),
        ("Ticket status", ["Resolved", "In progress", "New"], "Plan"),
    ],
)
def test_a_workflow_status_column_is_metadata_not_a_breakdown(
    tmp_path: Path, header: str, states: list[str], other: str
) -> None:
    # QA30 F8: the city's ステータス (未対応/対応済, the staff's handling of the response) and
    # QuestionPro's Status (Abgeschlossen/Unvollständig) were proposed as breakdowns, and the
    # city's headline explained -17.2 points by them (「内訳（ステータス別）」).
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d} 09:{i:02d},{i % 11},{states[i % len(states)]},"
        f"{('A', 'B', 'C')[i % 3]}\n"
        for i in range(48)
    )
    path = write_text(tmp_path / "export.csv", f"Submitted at,Score,{header},{other}\n" + rows)
    found = inspect_export(path)
    assert (found.column(header).kind, found.column(header).detail) == (
        "metadata",
        "workflow status",
    )
    assert found.column(other).kind == "categorical"
    project_from_export(tmp_path / "p", path)
    defaults = yaml.safe_load((tmp_path / "p" / "parameters" / "defaults.yaml").read_text("utf-8"))
    assert [b["column"] for b in defaults["breakdowns"]] == [other]


@pytest.mark.parametrize(
    ("header", "answers"),
    [
        ("Status", ["Gold", "Silver", "Bronze"]),  # a membership status: the customer's
        ("ご利用ステータス", ["会員", "非会員"]),
        ("Employment status", ["Employed", "Student", "Retired"]),
    ],
)
def test_a_status_of_the_customer_stays_a_breakdown(
    tmp_path: Path, header: str, answers: list[str]
) -> None:
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d} 09:{i:02d},{i % 11},{answers[i % len(answers)]}\n"
        for i in range(48)
    )
    path = write_text(tmp_path / "export.csv", f"Submitted at,Score,{header}\n" + rows)
    assert inspect_export(path).column(header).kind == "categorical"


def test_a_staff_test_row_is_said_and_init_proposes_to_exclude_it(tmp_path: Path) -> None:
    # QA30 F7: the city's row 名前 テスト, comment 「テスト送信です。集計しないでください。」,
    # counted silently: a March of n=1 in a ward's trend.
    rows = [
        "2026-03-31 17:45,10,テスト,テスト送信です。集計しないでください。",
        *(
            f"2026-04-{i % 28 + 1:02d} 09:{i % 60:02d},{i % 11},山田 {i},"
            f"{('待ち時間が長い', '親切でした', '')[i % 3]}"
            for i in range(120)
        ),
    ]
    path = write_text(tmp_path / "city.csv", "完了時刻,おすすめ度,名前,ご意見\n" + "\n".join(rows))
    found = inspect_export(path)
    assert found.test_rows is not None
    assert (found.test_rows.column, found.test_rows.values, found.test_rows.rows) == (
        "名前",
        ("テスト",),
        (2,),
    )
    assert (
        "Row 2 looks like a test, not a response ('名前' is 'テスト'): data.exclude: "
        "[{column: 名前, values: [テスト]}] leaves it out of every figure."
    ) in found.notes
    project_from_export(tmp_path / "p", path)
    defaults = yaml.safe_load((tmp_path / "p" / "parameters" / "defaults.yaml").read_text("utf-8"))
    assert defaults["data"]["exclude"] == [{"column": "名前", "values": ["テスト"]}]


def _months(tmp_path: Path, first: list[str], months: tuple[str, ...]) -> Path:
    rows = first + [
        f"R{i:04d},{months[i % len(months)]}-{i % 28 + 1:02d} 09:{i % 60:02d},{i % 11},"
        f"{('Wartezeit zu lang', 'freundlich', '')[i % 3]}"
        for i in range(120)
    ]
    header = "Response ID,Submitted at,Score,Comment\n"
    return write_text(tmp_path / "m.csv", header + "\n".join(rows) + "\n")


def test_a_lone_response_months_before_the_survey_is_said_and_init_proposes_it_commented(
    tmp_path: Path,
) -> None:
    # FIX71 #6 (QA30 F7's second sign): the staff's try of the form in February, three months
    # before the survey opened, with nothing saying "test": a February of n=1 in every trend.
    path = _months(tmp_path, ["T-1,2026-02-13 17:45,10,ok"], ("2026-05", "2026-06", "2026-07"))
    found = inspect_export(path)
    assert found.test_rows is None
    assert found.month_rows is not None
    assert (found.month_rows.column, found.month_rows.values, found.month_rows.rows) == (
        "Response ID",
        ("T-1",),
        (2,),
    )
    assert (
        "Row 2 (Response ID T-1) is the only response of 2026-02, 3 months before any other "
        "month with responses (2026-05 to 2026-07): a staff test before the survey opened? "
        "data.exclude: [{column: Response ID, values: [T-1]}] leaves it out of every figure."
    ) in found.notes
    project_from_export(tmp_path / "p", path)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text("utf-8")
    assert "  # exclude: [{column: Response ID, values: [T-1]}]\n" in text
    assert "exclude" not in yaml.safe_load(text)["data"]


@pytest.mark.parametrize(
    ("first", "months"),
    [
        # A small month next to the others, and one inside a pause of the survey: responses.
        (["S-1,2026-04-30 17:45,10,ok", "S-2,2026-04-29 10:00,3,"], ("2026-05", "2026-06")),
        (["S-1,2026-04-13 17:45,10,ok"], ("2026-01", "2026-07")),
    ],
)
def test_a_small_month_inside_the_survey_is_no_staff_test(
    tmp_path: Path, first: list[str], months: tuple[str, ...]
) -> None:
    assert inspect_export(_months(tmp_path, first, months)).month_rows is None


def test_a_choice_named_test_and_many_test_rows_are_no_staff_test(tmp_path: Path) -> None:
    rows = "".join(
        f"2026-04-{i % 28 + 1:02d} 09:{i % 60:02d},{i % 11},{('Test', 'Live')[i % 2]},"
        f"{'test' if i % 10 == 0 else 'fine'} {'' if i % 10 == 0 else i}\n"
        for i in range(120)
    )
    path = write_text(tmp_path / "e.csv", "Submitted at,Score,Environment,Comment\n" + rows)
    assert inspect_export(path).test_rows is None


def test_a_crm_s_e_mail_on_every_row_is_said_to_be_no_consent(tmp_path: Path) -> None:
    # QA30 F9: HubSpot fills Contact email on 100 % of rows; init offered it as the detail a
    # respondent left to be contacted, and the report said they "asked to be contacted".
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d} 09:{i:02d},{i % 11},user{i}@example.com,"
        f"{('Pro', 'Team')[i % 2]}\n"
        for i in range(48)
    )
    path = write_text(tmp_path / "crm.csv", "Submitted at,Rating,Contact email,Plan\n" + rows)
    found = inspect_export(path)
    assert (
        "'Contact email' (100%) is filled on nearly every response: the tool's record of whom "
        "it surveyed, not a way a respondent chose to leave, so it is no consent to be "
        "contacted. Add a consent question (May we contact you about your answer? Yes/No) and "
        "set columns.contact to it."
    ) in found.notes
    project_from_export(tmp_path / "p", path)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text("utf-8")
    assert "contact_details" not in text
    assert "# 'Contact email' (100%) is filled on nearly every response" in text
    # A form's "leave your e-mail if you want a reply", filled by a few, is still offered.
    some = "".join(
        f"2026-10-{i % 28 + 1:02d} 09:{i:02d},{i % 11},"
        f"{f'user{i}@example.com' if i % 4 == 0 else ''},{('Pro', 'Team')[i % 2]}\n"
        for i in range(48)
    )
    path = write_text(tmp_path / "form.csv", "Submitted at,Rating,E-mail,Plan\n" + some)
    assert not any("nearly every response" in n for n in inspect_export(path).notes)
    project_from_export(tmp_path / "q", path)
    text = (tmp_path / "q" / "parameters" / "defaults.yaml").read_text("utf-8")
    assert "  # contact_details: [E-mail]" in text


def test_a_japanese_project_says_the_crm_s_e_mail_is_no_consent_in_japanese(
    tmp_path: Path,
) -> None:
    rows = "".join(
        f"2026/10/{1 + i % 28} 9:{i % 60:02d},{i % 11},理由{i},guest{i}@example.jp\n"
        for i in range(40)
    )
    path = write_text(tmp_path / "crm.csv", "回答日時,おすすめ度,理由,メールアドレス\n" + rows)
    project_from_export(tmp_path / "p", path)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text("utf-8")
    assert (
        "  # 'メールアドレス' (100%)はほぼすべての回答に入っています。\n"
        "  # 回答者が連絡を望んで残したものではなくツールが持つ記録なので、"
        "連絡の同意とはみなしません。\n"
        "  # 同意を尋ねる設問（はい／いいえ）を加えてcolumns.contactに設定してください。\n"
        "  contact: null\n"
    ) in text
    assert "contact_details" not in text


def test_excel_serial_times_in_number_cells_are_dates_not_phone_numbers(tmp_path: Path) -> None:
    # QA31 F2: Medallia's Response Date, 46203.995139 in number cells, read as dotted phone
    # numbers; the export had no date column and init --from stopped.
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["Survey ID", "Response Date", "Likelihood to Recommend"])
    for i in range(40):
        ws.append([f"S{i}", 46203.995139 + i * 1.37, i % 11])
    wb.save(tmp_path / "serials.xlsx")
    found = inspect_export(tmp_path / "serials.xlsx")
    assert found.date_column == "Response Date"
    assert found.column("Response Date").detail == "Excel serial dates"


def test_a_unit_column_counts_its_values_as_init_and_score_group_them(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # QA31 O2: 'ホテル Ａ', 'ＳＡＫＵＲＡ' … are one unit for init and score --by (value_key),
    # so inspect must not count them apart (it said 6 values where init made 4 units).
    names = ["ホテルA"] * 5 + ["ホテル Ａ"] * 2 + ["ﾎﾃﾙB", "ホテルB", "ホテルB"] + ["ホテルC"] * 3
    names += ["Sakura Inn Kyoto"] * 4 + ["SAKURA INN KYOTO"]
    path = tmp_path / "hotel.csv"
    pd.DataFrame({"Property": names, "Score": [(7 * i) % 11 for i in range(len(names))]}).to_csv(
        path, index=False
    )
    found = inspect_export(path)
    prop = found.column("Property")
    assert (prop.kind, prop.detail, prop.distinct) == ("categorical", "4 values", 4)
    # The sample stays answers as written (init proposes consent words from it) ...
    assert prop.sample == ("ホテルA", "Sakura Inn Kyoto", "ホテルB")
    assert prop.variants == (("ホテル A",), ("SAKURA INN KYOTO",), ())
    assert main(["inspect", str(path)]) == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if x.startswith("Property"))
    assert line.split()[1:5] == ["categorical", "4", "values", "4"]
    # ... and the screen names what each value merges.
    assert line.endswith("  'ホテルA' (also 'ホテル A'), 'Sakura Inn Kyoto' (also 'SAKU…")


@pytest.mark.parametrize("header", ["回答No", "回答NO", "受付No.", "ｱﾝｹｰﾄNo"])
def test_a_japanese_header_ending_in_no_is_the_running_number(tmp_path: Path, header: str) -> None:
    # QA32: a Japanese survey tool's 回答No (10001-10700, unique) was a 'number': init wrote
    # id: null, proposed the answer time as the id, and alerts refused every clinic.
    rows = "".join(f"{10001 + i},2026/10/{i % 28 + 1:02d} 9:05,{(i * 7) % 11}\n" for i in range(40))
    found = inspect_export(write_text(tmp_path / "t.csv", f"{header},回答日時,スコア\n" + rows))
    assert (found.column(header).kind, found.column(header).detail) == ("id", "unique")


def test_a_question_asking_whether_they_would_introduce_us_speaks_of_recommending(
    tmp_path: Path,
) -> None:
    # QA32: 「当院をご家族やご友人に紹介したいと思いますか」 is the recommend question worded
    # without 推奨; init said the header did not ask about recommending and to check it.
    from nps_kit.inspect import speaks_of_recommending

    header = "当院をご家族やご友人に紹介したいと思いますか（0〜10）"
    rows = "".join(f"2026/10/{i % 28 + 1:02d} 9:05,{(i * 7) % 11}\n" for i in range(40))
    found = inspect_export(write_text(tmp_path / "t.csv", f"回答日時,{header}\n" + rows))
    assert found.nps_column == header
    assert speaks_of_recommending(found.column(header))
    assert not speaks_of_recommending(found.column("回答日時"))


def test_microsoft_forms_anonymous_email_is_the_tool_s_not_a_choice(tmp_path: Path) -> None:
    # QA32: an anonymous Microsoft Forms survey writes "anonymous" in Email on every row: a
    # 1-value 'categorical' that init proposed as the breakdown "NPS by Email".
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.append(["ID", "Completion time", "Email", "Name", "Recommend?", "Which clinic?"])
    for i in range(40):
        ws.append([i + 1, f"11/{i % 28 + 1:02d}/26 10:05:33", "anonymous", None, i % 11,
                   ("Redmond", "Kirkland")[i % 2]])  # fmt: skip
    wb.save(tmp_path / "forms.xlsx")
    found = inspect_export(tmp_path / "forms.xlsx")
    assert found.column("Email").kind == "metadata"
    assert found.column("Which clinic?").kind == "categorical"


@pytest.mark.parametrize(
    "header", ["Note de la cuisine (sur 5)", "Food (out of 5)", "料理（5点満点）"]
)
def test_a_rating_in_half_points_out_of_5_is_a_rating(tmp_path: Path, header: str) -> None:
    # QA32: a French Typeform export's "Note de la cuisine (sur 5)" (4,5; 3,0 … decimal
    # commas) was a 'number 1–5': init made no follow-up of it and said nothing.
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d};{(i * 7) % 11};{(i % 9 + 2) / 2:.1f}\n".replace(".", ",")
        for i in range(40)
    )
    found = inspect_export(write_text(tmp_path / "t.csv", f"date;score;{header}\n" + rows))
    info = found.column(header)
    assert (info.kind, info.detail, info.scale) == ("rating", "1–5, half points", (1, 5))


def test_numbers_in_half_steps_without_a_stated_scale_stay_numbers(tmp_path: Path) -> None:
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{(i * 7) % 11},{(i % 9 + 1) / 2}\n" for i in range(40)
    )
    found = inspect_export(write_text(tmp_path / "t.csv", "date,score,Hours waited\n" + rows))
    assert found.column("Hours waited").kind == "number"


def test_inspect_json_lists_the_spellings_merged_into_each_sample_value(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # FIX74: the table showed 'ホテルA' (also 'ホテル A'); --format json had only the sample.
    names = ["ホテルA"] * 5 + ["ホテル Ａ"] * 2 + ["ホテルB", "ホテルB"] + ["Sakura Inn Kyoto"] * 4
    names += ["SAKURA INN KYOTO"]
    path = tmp_path / "hotel.csv"
    pd.DataFrame({"Property": names, "Score": [(7 * i) % 11 for i in range(len(names))]}).to_csv(
        path, index=False
    )
    assert main(["inspect", str(path), "--format", "json"]) == 0
    facts = json.loads(capsys.readouterr().out)
    prop = next(c for c in facts["columns"] if c["column"] == "Property")
    assert prop["sample"] == ["ホテルA", "Sakura Inn Kyoto", "ホテルB"]
    assert prop["also"] == [["ホテル A"], ["SAKURA INN KYOTO"], []]
    score = next(c for c in facts["columns"] if c["column"] == "Score")
    assert score["also"] == [[] for _ in score["sample"]]


@pytest.mark.parametrize(
    "header",
    [
        "Heures de travail (sur 5 jours)",
        "Montant de la commande (€, moins de 5)",
        "Hours of sleep out of 5 nights",
        "Temps d'attente en heures (de 5 max)",
    ],
)
def test_hours_or_amounts_under_a_header_with_5_in_it_stay_numbers(
    tmp_path: Path, header: str
) -> None:
    # REVIEW33: the 'out of 5' of QA32's half-point ratings took "sur 5 jours" (hours over five
    # days) and "moins de 5" (an amount under 5 €) for a scale: hours in halves became a rating
    # 0–5 and init a rating follow-up of them.
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d};{(i * 7) % 11};{(i % 11) / 2:.1f}\n" for i in range(40)
    )
    found = inspect_export(write_text(tmp_path / "t.csv", f"date;score;{header}\n" + rows))
    assert found.column(header).kind == "number"


@pytest.mark.parametrize(
    "header", ["Note du service (sur 5 étoiles)", "Food (out of 5 stars)", "Rate the food /5"]
)
def test_a_rating_out_of_5_stars_in_half_points_is_a_rating(tmp_path: Path, header: str) -> None:
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d};{(i * 7) % 11};{(i % 9 + 2) / 2:.1f}\n" for i in range(40)
    )
    found = inspect_export(write_text(tmp_path / "t.csv", f"date;score;{header}\n" + rows))
    assert found.column(header).kind == "rating"


def test_forms_email_with_a_few_addresses_among_anonymous_is_e_mail(tmp_path: Path) -> None:
    # REVIEW33: a Forms survey that recorded a few respondents' Email (signed-in colleagues)
    # and "anonymous" for the rest was a 4-value 'categorical': init proposed "NPS by Email",
    # a breakdown whose groups are people's e-mail addresses.
    from nps_kit.scaffold import project_from_export

    emails = ["ann@example.com", "bo@example.org", "cy@example.net"]
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{(i * 7) % 11},{emails[i % 3] if i < 3 else 'anonymous'},"
        f"{('Redmond', 'Kirkland')[i % 2]}\n"
        for i in range(60)
    )
    path = write_text(tmp_path / "t.csv", "date,Recommend?,Email,Which clinic?\n" + rows)
    assert inspect_export(path).column("Email").kind == "email"
    project_from_export(tmp_path / "p", path)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text("utf-8")
    assert "column: Email" not in text


@pytest.mark.parametrize("nobody", ["NULL", "None", "NA", "\\N"])
def test_a_dump_s_email_with_null_for_most_rows_is_e_mail(nobody: str, tmp_path: Path) -> None:
    # QA35: a warehouse dump writes NULL where a customer left no address: the e-mail column
    # (30 % addresses, 70 % NULL; more addresses than the 200 values judged) was a
    # 'categorical' and init proposed "NPS by Email", a
    # breakdown whose groups are people's e-mail addresses.
    from nps_kit.scaffold import project_from_export

    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{(i * 7) % 11},"
        f"{f'c{i}@example.com' if i % 10 < 3 else nobody},{('East', 'West')[i % 2]}\n"
        for i in range(2000)
    )
    path = write_text(tmp_path / "t.csv", "date,Recommend?,email,region\n" + rows)
    assert inspect_export(path).column("email").kind == "email"
    project_from_export(tmp_path / "p", path)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text("utf-8")
    assert "column: email" not in text


# --- the project's language (MSG41) ----------------------------------------------------------

_CLINIC = (
    "回答ID,回答日時,医院,推奨度,コメント\n"
    "R1,2026-10-01 10:00,大宮院,9,とても丁寧でした\n"
    "R2,2026-10-02 11:00,横浜院,3,待ち時間が長い\n"
    "R3,2026-10-03 12:00,大宮院,10,スタッフが親切\n"
    "R3,2026-10-03 12:00,大宮院,10,スタッフが親切\n"
)


def _project(root: Path, language: str) -> Path:
    """A project folder whose defaults.yaml sets ``language``, with the clinic's export."""
    (root / "parameters").mkdir(parents=True)
    (root / "parameters" / "defaults.yaml").write_text(f"language: {language}\n", "utf-8")
    return write_text(root / "回答.csv", _CLINIC)


_CLINIC_JA = (
    "回答.csv：回答4件（CSV、utf-8、見出し1行）\n"
    "日付：「回答日時」、2026-10-01〜2026-10-03\n"
    "NPSの設問：「推奨度」\n"
    "回答の言語：日本語（英語0 %、日本語100 %、回答4件）\n"
    "note: 1行が前の行とまったく同じです。dedupe: trueで除けます。\n"
    "\n"
    "列        QID  種類      詳細  "
)
_CLINIC_EN = (
    "回答.csv: 4 responses (CSV, utf-8, 1 header row(s))\n"
    "dates: '回答日時', 2026-10-01 to 2026-10-03\n"
    "NPS question: '推奨度'\n"
    "language of the answers: ja (0 % English, 100 % Japanese, of 4 answers)\n"
    "note: 1 rows repeat an earlier row exactly; dedupe: true drops them.\n"
    "\n"
    "column    QID  kind         detail  "
)


def test_inspect_in_a_japanese_project_speaks_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG41: run, send and init spoke Japanese in a Japanese project; inspect spoke English.
    export = _project(tmp_path, "ja")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, export)
    assert (status, err) == (0, "")
    assert out.startswith(_CLINIC_JA)
    header = out.splitlines()[6]
    assert header.split() == ["列", "QID", "種類", "詳細", "値の数", "空欄", "設問／回答例"]


def test_inspect_with_the_parameters_of_a_japanese_project_speaks_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    # Run from elsewhere (the autouse folder without parameters/), naming the project's folder.
    export = _project(tmp_path / "clinic", "ja")
    status, out, _ = run(capsys, export, "--parameters", tmp_path / "clinic" / "parameters")
    assert status == 0
    assert out.startswith(_CLINIC_JA)


def test_inspect_language_en_in_a_japanese_project_and_an_english_project_are_english(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outside = run(capsys, _project(tmp_path / "en", "en"))  # no project here: English
    assert outside[1].startswith(_CLINIC_EN)
    monkeypatch.chdir(tmp_path / "en")
    assert run(capsys, tmp_path / "en" / "回答.csv") == outside  # an English project: the same
    export = _project(tmp_path / "ja", "ja")
    monkeypatch.chdir(tmp_path / "ja")
    assert run(capsys, export, "--language", "en") == outside
    # JSON is for programs: the same keys and values in either language.
    assert run(capsys, export, "--format", "json")[1] == run(
        capsys, export, "--format", "json", "--language", "en"
    )[1].replace("1 rows repeat an earlier row exactly; dedupe: true drops them.", (
        "1行が前の行とまったく同じです。dedupe: trueで除けます。"
    ))  # fmt: skip


def test_inspect_of_no_nps_export_says_so_in_japanese_with_exit_status_2(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _project(tmp_path, "ja")
    export = write_text(tmp_path / "価格表.csv", "品名,価格\nりんご,120\nみかん,80\n")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, export)
    assert status == 2
    assert "NPSの設問：なし" in out and "note: 0〜10の点数らしい列がありません。" in out
    assert err == (
        "nps-kit inspect: error: 価格表.csv：0〜10の点数の列がないため、NPS調査のエクスポートには"
        "見えません。列：「品名」（ID：一意）、「価格」（数値：80–120）。期待したのは、"
        "回答が0から10の整数の列（「どのくらい薦めたいか」の設問）です。5や7までの列は評価、"
        "より大きい数や小数の列は点数ではありません。調査の回答エクスポートか確かめてください"
        "（別のシートなら--sheet、回答はラベルでなく数値で出力）。点数の列があるなら名前で指定して"
        "ください：nps-kit score --score-column 列名、またはユニットのパラメーターの"
        "columns.score。\n"
    )
    assert "Traceback" not in err


def test_inspect_language_ja_outside_a_project_says_its_notes_in_japanese(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = write_qualtrics(tmp_path / "q.csv")
    status, out, _ = run(capsys, path, "--language", "ja")
    assert status == 0
    assert out.splitlines()[:5] == [
        "q.csv：回答60件（CSV、utf-8-sig、qualtricsのエクスポート、見出し3行）",
        "日付：「StartDate」、2026-09-01〜2026-10-28",
        "NPSの設問：「How likely are you to recommend our service to a friend or colleague?」"
        "（Q3）",
        "回答の言語：英語（英語100 %、日本語0 %、回答50件）",
        "note: 「Q3」はQualtricsの「Q3_NPS_GROUP」と60件中60件で一致します。",
    ]


# --- the notes in a Japanese project's words (MSG42) ------------------------------------------
# Each export makes inspect say one fact another module words (a staff test, a rating block, a
# code table, answer codes, double submissions, ...); each was English in a Japanese project.


def _staff_test(path: Path) -> Path:
    rows = ["2026-03-31 17:45,10,テスト,テスト送信です。集計しないでください。"] + [
        f"2026-04-{i % 28 + 1:02d} 09:{i % 60:02d},{i % 11},山田 {i},"
        f"{('待ち時間が長い', '親切でした', '')[i % 3]}"
        for i in range(120)
    ]
    return write_text(path, "完了時刻,おすすめ度,名前,ご意見\n" + "\n".join(rows) + "\n")


def _lone_month(path: Path) -> Path:
    rows = ["T-1,2026-02-13 17:45,10,ok"] + [
        f"R{i:04d},{('2026-05', '2026-06', '2026-07')[i % 3]}-{i % 28 + 1:02d} 09:{i % 60:02d},"
        f"{i % 11},{('待ち時間が長い', '親切', '')[i % 3]}"
        for i in range(120)
    ]
    return write_text(path, "回答ID,回答日時,おすすめ度,ご意見\n" + "\n".join(rows) + "\n")


def _two_scales(path: Path) -> Path:
    v1 = [1, 1, 2, 2, 3, 5, 8, 9, 10, 10] * 6
    rows = [f"2026-05-{1 + i % 28:02d},v1,{s}" for i, s in enumerate(v1)]
    rows += [f"2026-06-{1 + i % 28:02d},v2,{s}" for i, s in enumerate(list(range(11)) * 8)]
    return write_text(path, "回答日,調査票,おすすめ度\n" + "\n".join(rows) + "\n")


def _double_submissions(path: Path) -> Path:
    rows = [f"2026-10-{1 + i % 28:02d} 1{i % 10}:00:00,{i % 11},理由{i}" for i in range(30)]
    rows += ["2026-10-30 11:00:00,9,親切", "2026-10-30 11:00:04,9,親切"]
    return write_text(path, "回答日時,おすすめ度,理由\n" + "\n".join(rows) + "\n")


def _undated(path: Path) -> Path:
    rows = [f"2026-10-{1 + i % 28:02d},{i % 11}" for i in range(30)] + [",7", ",9"]
    return write_text(path, "回答日,おすすめ度\n" + "\n".join(rows) + "\n")


def _crm_mail(path: Path) -> Path:
    rows = [f"2026-10-{1 + i % 28:02d},{i % 11},user{i}@example.jp" for i in range(40)]
    return write_text(path, "回答日,おすすめ度,メールアドレス\n" + "\n".join(rows) + "\n")


def _ungrouped(path: Path) -> Path:
    rows = [
        f"{('大宮店', '横浜店', '川崎店')[i // 10] if i % 10 == 0 else ''},"
        f"2026-10-{1 + i:02d},{i % 11}"
        for i in range(30)
    ]
    return write_text(path, "店舗,回答日,おすすめ度\n" + "\n".join(rows) + "\n")


def _not_dates(path: Path) -> Path:
    days = [f"2026-10-{1 + i % 28:02d}" for i in range(57)] + ["不明", "先週", "不明"]
    rows = [f"{day},{i % 11}" for i, day in enumerate(days)]
    return write_text(path, "回答日,おすすめ度\n" + "\n".join(rows) + "\n")


def _epoch(path: Path) -> Path:
    rows = [f"{48_211_000 + 3 * i},{(i * 7) % 11},{1_790_811_000 + 36_000 * i}" for i in range(60)]
    return write_text(path, "id,おすすめ度,ts\n" + "\n".join(rows) + "\n")


_SAID_IN_JAPANESE = {
    _epoch: "ts：日付の列として使います。整数がすべてUnixエポック秒（UTC）として読め"
    "（2026-09-30 23:30〜2026-10-25 13:30）、日付らしい名前の列がないためです。ほかの値なら、"
    "columns.date（--date-column）に回答日の列を指定してください。",
    _not_dates: "回答日：60件のうち3件は日付ではありません（例：「不明」、「先週」）。これらの"
    "回答はどの月にも入りません。",
    _staff_test: "2行目はテスト回答のようです（「名前」が「テスト」）。data.exclude: "
    "[{column: 名前, values: [テスト]}]で、どの集計からも除けます。",
    _lone_month: "2行目（回答ID：T-1）は2026-02のただ一つの回答群で、ほかの回答の月"
    "（2026-05〜2026-07）より3か月前です。調査開始前のテスト回答ではありませんか？data.exclude: "
    "[{column: 回答ID, values: [T-1]}]で、どの集計からも除けます。",
    _two_scales: "「おすすめ度」：「調査票」＝「v1」の回答60件には0がなく、ほかの回答には0が8件"
    "あります。1〜10の尺度で尋ねた回答の可能性があります。0〜10として集計し、nps-kitはスコアを"
    "変換しません。",
    _double_submissions: "1行は、60秒以内に先に送られた回答と同じ回答です（二重送信：「送信」を"
    "2度押すとできます）。dedupe: resubmissionsで、完全に同じ行とともに除けます。",
    _undated: "日付のない有効回答が2件あります（「回答日」が空欄または読めない日付）。どの期間にも"
    "入らず、全体の集計には含み、月別とユニットのレポートには含みません。期間に数えるには、"
    "エクスポートで日付を埋めるか、すべての回答にある日付列（columns.date、--date-column）を"
    "使ってください。",
    _crm_mail: "「メールアドレス」（100%）はほぼすべての回答に入っています。回答者が連絡を望んで"
    "残したものではなく、ツールが持つ記録なので、連絡の同意とはみなしません。同意を尋ねる設問"
    "（はい／いいえ）を加えてcolumns.contactに設定してください。",
    _ungrouped: "「店舗」は30行のうち3行だけに値があり、値はそれぞれ1度ずつで、その下の行は空欄"
    "です。グループ化したレポートの列で、各グループの最初の行にだけ書かれているようです。各"
    "グループの下に小計の行がないため、どこでグループが終わるか分からず、値を埋めません。この列"
    "による内訳やユニットでは、それらの行は（無回答）になります。グループ化せずに（Salesforce："
    "詳細のみ）または小計付きで書き出すか、読む前に列の値を下の行へ埋めてください。",
}


def _japanese_project(root: Path) -> Path:
    (root / "parameters").mkdir(parents=True)
    (root / "parameters" / "defaults.yaml").write_text("language: ja\n", encoding="utf-8")
    return root


@pytest.mark.parametrize("write", list(_SAID_IN_JAPANESE), ids=lambda w: w.__name__[1:])
def test_inspect_in_a_japanese_project_says_every_note_in_japanese(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    write: Callable[[Path], Path],
) -> None:
    # MSG42: inspect's own notes were Japanese, those other modules word stayed English.
    from _english import english_runs

    path = write(tmp_path / "export.csv")
    english = inspect_export(path).notes
    monkeypatch.chdir(_japanese_project(tmp_path / "project"))
    capsys.readouterr()
    assert main(["inspect", str(path)]) == 0
    notes = [line[6:] for line in capsys.readouterr().out.splitlines() if line[:6] == "note: "]
    assert _SAID_IN_JAPANESE[write] in notes
    names = [c.column for c in inspect_export(path).columns]
    assert [english_runs(note, names=names) for note in notes] == [[]] * len(notes)
    # --language en: the notes an English project hears, word for word.
    assert main(["inspect", str(path), "--language", "en"]) == 0
    said = [line[6:] for line in capsys.readouterr().out.splitlines() if line[:6] == "note: "]
    assert said == list(english) and not any("。" in note for note in english)


def test_dates_read_in_one_order_by_their_dots_are_said_in_a_japanese_project_s_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG43: the evidence inside the Japanese note was English ("dates written with dots …").
    path = tmp_path / "export.csv"
    path.write_text(
        "id,推奨度,回答日\n"
        + "".join(f"R{i},{i % 11},{i % 12 + 1:02d}.10.2020\n" for i in range(40)),
        encoding="utf-8",
    )
    monkeypatch.chdir(_japanese_project(tmp_path / "project"))
    assert main(["inspect", str(path)]) == 0
    assert (
        "note: 「回答日」の日付は月日どちらの順にも読めます（12を超える日がありません）。"
        "day-firstとして読みました：点で区切った日付（04.12.2026）は、どこで書かれても日が先。"
        "誤りならdate_formatをmonth-firstに設定してください。\n"
    ) in capsys.readouterr().out
    assert main(["inspect", str(path), "--language", "en"]) == 0
    assert (
        "note: The dates in '回答日' read both ways (no day over 12); they are read day-first: "
        "dates written with dots (04.12.2026) are day-first wherever written. Set date_format "
        "to month-first if that is wrong.\n"
    ) in capsys.readouterr().out


def test_the_column_kinds_and_details_are_said_in_a_japanese_project_s_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG43: the table's heading was Japanese, its kinds and details (text, free text (asks
    # for a comment), 2 values) English; so was the column list of the no-score error.
    from _english import english_runs

    path = tmp_path / "export.csv"
    rows = [f"R{i:03d},{i * 7 % 11},2026-10-{i % 28 + 1:02d},{'配送が遅い' if i % 2 else ''},"
            f"{['東京', '大阪'][i % 2]}\n" for i in range(40)]  # fmt: skip
    path.write_bytes(("id,推奨度,回答日,コメント,店舗\n" + "".join(rows)).encode("cp932"))
    monkeypatch.chdir(_japanese_project(tmp_path / "project"))
    assert main(["inspect", str(path)]) == 0
    out = capsys.readouterr().out
    table = [line.split() for line in out.splitlines()[-5:]]
    assert [row[1:3] for row in table] == [
        ["ID", "一意"],
        ["NPS", "0–10"],
        ["日付", "ISO／和式"],
        ["自由記述", "自由記述（コメントを求める…"],
        ["選択肢", "値2種類"],
    ]
    assert english_runs(out) == []
    assert main(["inspect", str(path), "--language", "en"]) == 0
    table = [line.split(None, 3)[1:3] for line in capsys.readouterr().out.splitlines()[-5:]]
    assert table == [
        ["id", "unique"],
        ["nps", "0–10"],
        ["date", "ISO/Japanese"],
        ["text", "free"],
        ["categorical", "2"],
    ]
    # The no-score error lists the columns in the same words.
    path.write_text(
        "id,回答日,コメント\n"
        + "".join(f"R{i},2026-10-{i % 28 + 1:02d},良い\n" for i in range(40)),
        encoding="utf-8",
    )
    assert main(["inspect", str(path)]) == 2
    err = capsys.readouterr().err
    assert "列：「id」（ID：一意）、「回答日」（日付：ISO／和式）、「コメント」（自由記述：" in err


def test_each_detail_pattern_reads_its_own_english_back() -> None:
    # MSG43: a detail said in Japanese is read back from inspect's English by pattern; the
    # catalogue's English must be what the pattern matches, or the detail stays English.
    import re

    from nps_kit.i18n import t
    from nps_kit.inspect import _DETAILS

    samples = {"n": "12", "sep": "','", "tool": "text entry", "read": "month-first",
               "asked": "day-first"}  # fmt: skip
    for pattern, name in _DETAILS:
        fields = re.compile(pattern).groupindex
        scale = "1–10" if name.startswith("no_zero") else "0–10"
        values = {f: samples.get(f, scale) for f in fields}
        english = t(f"inspect.detail.{name}", "en", **values)
        match = re.fullmatch(pattern, english)
        assert match is not None and match.groupdict() == values, name


@pytest.mark.parametrize(
    ("header", "ids", "language"),
    [
        ("回答ID,回答日,推奨度", "R{:05d}", "ja"),
        ("Respondent ID,Date,Score", "R{:05d}", "en"),
        ("お客様番号,受付日,おすすめ度", "{:05d}", "ja"),
    ],
)
def test_an_export_without_worded_answers_speaks_its_headings_language(
    tmp_path: Path, header: str, ids: str, language: str
) -> None:
    # MSG43: an export of ids, dates and scores only was English, its ids (R01000) read as
    # answers in Latin letters; init --from then wrote a Japanese survey's project in English.
    rows = "".join(f"{ids.format(1000 + i)},2026-10-{i % 28 + 1:02d},{i % 11}\n" for i in range(60))
    path = tmp_path / "scores.csv"
    path.write_text(f"{header}\n{rows}", encoding="cp932")
    found = inspect_export(path)
    assert found.language == language
    assert found.spoken is not None and found.spoken.answers == 0
    assert found.spoken.describe("ja") == "読める記述の回答なし"


def test_a_number_rating_with_many_not_applicable_answers_is_a_rating(tmp_path: Path) -> None:
    # QA44: a hotel's breakfast rated 1–5, 「該当なし」 for the 30 % of guests without breakfast,
    # was a categorical question: the report broke the NPS down by "4", "1" and 「該当なし」
    # (「4のNPSが+58.3→+85.7」) while the staff and room ratings beside it were ratings.
    rows = "".join(
        f"2026-11-{1 + i % 28:02d},{i % 11},{1 + i % 5},{'該当なし' if i % 10 < 3 else 1 + i % 5}\n"
        for i in range(60)
    )
    path = tmp_path / "hotel.csv"
    path.write_text("date,おすすめ度,客室,朝食\n" + rows, "utf-8")
    kinds = {c.column: (c.kind, c.detail, c.scale) for c in inspect_export(path).columns}
    assert kinds["朝食"] == kinds["客室"] == ("rating", "1–5", (1, 5))


def test_inspect_says_how_many_scores_were_written_with_words(tmp_path: Path) -> None:
    # QA44: a Medallia export's "10 - Extremely likely" was read as 10 without a word.
    path = tmp_path / "m.csv"
    scores = ["10 - Extremely likely"] * 3 + ["0 - Not at all likely", "9", "7", "8", "6"] * 2
    pd.DataFrame({"Likelihood to recommend (0-10)": scores}).to_csv(path, index=False)
    column = "Likelihood to recommend (0-10)"
    assert (
        "5 scores in 'Likelihood to recommend (0-10)' written with words after the number (such "
        "as '10 - Extremely likely') were read as that number."
    ) in inspect_export(path).notes
    assert (
        "「Likelihood to recommend (0-10)」で「10 - Extremely likely」のように数値に言葉が付いた"
        "スコア5件を、その数値として読みました。"
    ) in inspect_export(path, lang="ja").notes
    plain = tmp_path / "p.csv"
    pd.DataFrame({column: ["9", "7", "10", "3"] * 3}).to_csv(plain, index=False)
    assert not any("words after" in n for n in inspect_export(plain).notes)
