"""The closed loop: the urgency-sorted follow-up list, its work files and the returned status."""

from __future__ import annotations

import dataclasses
import datetime as dt
import html as html_module
import os
import re
import time
from collections.abc import Callable
from html import escape
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd
import pytest
from IPython.core.interactiveshell import InteractiveShell
from IPython.utils.capture import capture_output
from nbformat.v4 import new_code_cell, new_notebook, new_output

from nps_kit import sections
from nps_kit._followup_html import FIRST_SCREEN, followup_html, loop_status_html
from nps_kit._response_meta import answer_time
from nps_kit.cache import build_cache
from nps_kit.clock import date_order
from nps_kit.closed_loop import (
    FollowupList,
    LoopRefused,
    LoopStatus,
    call_by,
    consent_unknown_words,
    contactable_detractors,
    followup_list,
    id_heading,
    left_contact_details,
    loop_status,
    record_columns,
    respondent_themes,
    still_open,
)
from nps_kit.errors import DataError
from nps_kit.followup_files import (
    FOLLOWUPS_MIME,
    read_status,
    read_status_file,
    with_contact_details,
    work_files,
    work_headers,
    work_table,
    write_from_notebook,
    write_work_files,
)
from nps_kit.i18n import Language, t
from nps_kit.unit import UnitData, prepare_unit

AS_OF = dt.date(2026, 11, 5)
LONG = "とても残念でした" * 12
HEADER = "response_id,submitted_at,business_unit,score,plan,comment,contact_ok\n"
# 2026-10. Contactable detractors, most urgent first: R06 and R13 (score 0, same time: by id),
# R11 (2, older) before R12 (2, newer), then R05 (3). R07 said no, R08 has no score.
ROWS = [
    "R01,2026-10-31 10:00:00,EC,10,basic,とても満足,はい",
    "R05,2026-10-27 09:00:00,EC,3,premium,連絡は taro@example.com までお願いします,はい",
    f"R06,2026-10-26 09:00:00,EC,0,basic,{LONG}, Yes ",
    "R07,2026-10-25 09:00:00,EC,6,basic,電話 090-1234-5678 にください,いいえ",
    "R08,2026-10-24 09:00:00,EC,無回答,basic,,はい",
    "R11,2026-10-21 09:00:00,EC,2,premium,届かない,はい",
    "R12,2026-10-30 09:00:00,EC,2,basic,<script>alert(1)</script>,はい",
    "R13,2026-10-26 09:00:00,EC,0,premium,遅い,1",
    "R20,2026-09-10 09:00:00,EC,1,basic,先月の不満 03-1234-5678,はい",
]
ORDER = ["R06", "R13", "R11", "R12", "R05"]


def write_export(path: Path, rows: list[str] = ROWS, encoding: str = "utf-8") -> Path:
    path.write_text(HEADER + "\n".join(rows) + "\n", encoding=encoding)
    return path


def unit_of(path: Path, **kwargs: Any) -> UnitData:
    options: dict[str, Any] = {
        "name": "EC事業部",
        "unit_column": "business_unit",
        "unit_values": ["EC"],
        "text_columns": ["comment"],
        "period": "2026-10",
        **kwargs,
    }
    return prepare_unit(path, **options)


@pytest.fixture
def unit(tmp_path: Path) -> UnitData:
    return unit_of(write_export(tmp_path / "export.csv"))


def listing(unit: UnitData, **kwargs: Any) -> Any:
    options: dict[str, Any] = {
        "id_column": "response_id",
        "comment_column": "comment",
        "contact_column": "contact_ok",
        "breakdowns": [{"column": "plan", "label": "プラン"}],
        "as_of": AS_OF,
        **kwargs,
    }
    return followup_list(unit, **options)


# --- the list ----------------------------------------------------------------------------------


def test_every_contactable_detractor_most_urgent_first(unit: UnitData) -> None:
    found = listing(unit)
    assert found.consent_known
    assert list(found.rows.columns) == [
        "response_id",
        "date",
        "age_days",
        "score",
        "plan",
        "themes",
        "comment",
    ]
    assert found.rows["response_id"].tolist() == ORDER
    assert found.rows["score"].tolist() == [0, 0, 2, 2, 3]
    assert found.rows["date"].tolist() == [
        "2026-10-26",
        "2026-10-26",
        "2026-10-21",
        "2026-10-30",
        "2026-10-27",
    ]
    assert found.rows["age_days"].tolist() == [10, 10, 15, 6, 9]
    assert found.rows["plan"].tolist() == ["basic", "premium", "premium", "basic", "premium"]
    # Whole comments (no truncation), redacted as the unit is.
    assert found.rows["comment"].tolist() == [
        LONG,
        "遅い",
        "届かない",
        "<script>alert(1)</script>",
        "連絡は [EMAIL] までお願いします",
    ]
    assert found.breakdowns == (("plan", "プラン"),)


def test_without_a_contact_column_consent_is_unknown(unit: UnitData) -> None:
    found = listing(unit, contact_column=None)
    assert not found.consent_known
    assert found.rows["response_id"].tolist() == ["R06", "R13", "R11", "R12", "R05", "R07"]
    html = followup_html(found, lang="ja").data
    assert "批判者6人（連絡の同意は不明）" in html
    assert "連絡の同意を示す列（columns.contact）が設定されていないため" in html
    assert "許可" not in html
    english = followup_html(found, lang="en").data
    assert "6 detractors (consent to contact unknown)" in english
    assert "allowed contact" not in english


def test_an_anonymous_form_s_list_says_nobody_on_it_can_be_called_back(unit: UnitData) -> None:
    # QA44: a Google Forms export (no id, no consent, no contact field) listed its detractors
    # with "Check consent before contacting anyone", as if a way to contact them existed.
    found = listing(unit, contact_column=None, id_column=None)
    assert found.id_name is None and found.anonymous
    english = " ".join(re.sub(r"<[^>]+>", "", followup_html(found, lang="en").data).split())
    assert (
        "Check consent before contacting anyone. Nor does the export hold any way to reach them "
        "(no response id, no contact details): this list is for reading what detractors said; "
        "nobody on it can be called back. To call detractors back, add a consent question and a "
        "phone or e-mail field to the form." in english
    )
    japanese = re.sub(r"<[^>]+>", "", followup_html(found, lang="ja").data)
    assert "この一覧は批判者の声を読むためのもので、折り返し連絡はできません。" in japanese
    # With an id, the team can still look the person up: no such sentence.
    assert not listing(unit, contact_column=None).anonymous
    with_id = followup_html(listing(unit, contact_column=None), lang="en").data
    assert "can be called back" not in with_id


def test_a_check_out_date_heads_the_cards_by_its_name_and_counts_no_call_by(
    tmp_path: Path,
) -> None:
    # QA44: a hotel's export dates each answer by the guest's check-out (チェックアウト日); the
    # cards headed it 回答日 / "Date", and the 48-hour call-by (overdue marks) counted from it.
    path = tmp_path / "hotel.csv"
    path.write_text(
        HEADER.replace("submitted_at", "チェックアウト日") + "\n".join(ROWS) + "\n", "utf-8"
    )
    found = listing(unit_of(path, date_column="チェックアウト日"))
    assert found.date_label == "チェックアウト日" and len(found) == 5
    for lang, said, dated in (
        ("ja", "連絡期限は示していません。エクスポートの日付は「チェックアウト日」で、回答の"
         "届いた日時ではありません（回答はその日以降に届いています）。回答が届いてから48時間以内に"
         "連絡してください。経過日数は「チェックアウト日」からの日数です。", "回答日"),
        ("en", "No call-by date: the export's date is “チェックアウト日”, not when the answer "
         "arrived (it came on that day or later). Call each person within 48 hours of their "
         "answer arriving; the age counts days since “チェックアウト日”.", "Date"),
    ):  # fmt: skip
        html = followup_html(found, lang=lang).data  # type: ignore[arg-type]
        headers = re.findall(r"<th[^>]*>(.*?)</th>", html)
        assert headers[1] == "チェックアウト日" and dated not in headers
        assert t("followup.call_by", lang) not in headers  # type: ignore[arg-type]
        assert t("followup.overdue", lang) not in html  # type: ignore[arg-type]
        text = " ".join(html_module.unescape(re.sub(r"<[^>]+>", "", html)).split())
        assert said in text
    # A submission time stays the answer's: its cards give the call-by date.
    answered = listing(unit_of(write_export(tmp_path / "export.csv")))
    assert answered.date_label is None
    headers = re.findall(r"<th[^>]*>(.*?)</th>", followup_html(answered, lang="en").data)
    assert headers[1:3] == ["Date", "Call by"]


@pytest.mark.parametrize(
    ("header", "answered"),
    [("Timestamp", True), ("回答日時", True), ("Date", True), ("submitted_at", True),
     ("RecordedDate", True), ("Response Date", True), ("日付", True), ("送信日時", True),
     ("チェックアウト日", False), ("Visit date", False), ("Date of visit", False),
     ("注文日", False), ("Check-out date", False), ("来店日", False)],
)  # fmt: skip
def test_a_date_header_says_whether_it_is_when_the_answer_was_given(
    header: str, answered: bool
) -> None:
    assert answer_time(header) is answered


def test_an_id_column_blank_on_every_response_reaches_nobody_either(
    tmp_path: Path,
) -> None:
    # REVIEW45: a form with a response-id column left empty on every response (a survey tool's
    # anonymous link) named every detractor by its row, as a form without ids does, yet the
    # list, e-mail and overview counted them as awaiting follow-up (consent to contact unknown).
    rows = [",".join(["", *r.split(",")[1:]]) for r in ROWS]
    blank = unit_of(write_export(tmp_path / "export.csv", rows))
    found = listing(blank, contact_column=None)
    assert found.id_name == "response_id" and found.blank_ids == len(found) == 6
    assert found.no_ids and found.anonymous
    english = " ".join(re.sub(r"<[^>]+>", "", followup_html(found, lang="en").data).split())
    assert (
        "Check consent before contacting anyone. Nor does the export hold any way to reach them "
        "(Response ID is blank on every one of them, no contact details): this list is for "
        "reading what detractors said; nobody on it can be called back. To call detractors "
        "back, add a consent question and a phone or e-mail field to the form." in english
    )
    japanese = re.sub(r"<[^>]+>", "", followup_html(found, lang="ja").data)
    assert (
        "エクスポートには、この方々に連絡する手段もありません（全員の「回答ID」が空欄で、"
        "連絡先の列もありません）。この一覧は批判者の声を読むためのもので、折り返し連絡は"
        "できません。" in japanese
    )
    # Ids kept for some responses (a promoter's here): the form keeps ids, and a blank one is
    # said under the list as such, not as a form that keeps none.
    some = [r if r.startswith("R01,") else ",".join(["", *r.split(",")[1:]]) for r in ROWS]
    one = listing(unit_of(write_export(tmp_path / "some.csv", some)), contact_column=None)
    assert one.blank_ids == 6 and not one.no_ids and not one.anonymous


def test_the_cards_head_a_machine_named_id_in_words_or_by_its_label(unit: UnitData) -> None:
    # BROWSE30: the Japanese call-back cards headed the id with the raw column name
    # "response_id". A machine name (lower-case ASCII) becomes 回答ID / Response ID; a label
    # the unit gives the column (a breakdown's) wins; a name written for people (会員ID,
    # Timestamp) stays, as the team searches the export by it (QA27 #6).
    # (the note "find each person by response_id in the export" names the export's column)
    def heading(found: FollowupList, lang: str) -> str:
        html = followup_html(found, lang=lang).data  # type: ignore[arg-type]
        headers = re.findall(r"<th[^>]*>(.*?)</th>", html)
        return " ".join(headers + re.findall(r'data-label="([^"]*)"', html))

    found = listing(unit)
    assert found.id_name == "response_id"
    assert "回答ID" in heading(found, "ja") and "response_id" not in heading(found, "ja")
    assert "Response ID" in heading(found, "en") and "response_id" not in heading(found, "en")
    labelled = listing(unit, breakdowns=[{"column": "response_id", "label": "受付番号"}])
    assert labelled.id_label == "受付番号"
    assert "受付番号" in heading(labelled, "ja") and "回答ID" not in heading(labelled, "ja")
    assert id_heading("会員ID", "ja") == "会員ID" and id_heading("Timestamp", "en") == "Timestamp"
    assert id_heading("response_id", "ja") == "回答ID" and id_heading(None, "en") == "Row in file"
    assert id_heading(None, "ja") == "行番号（ファイル）"  # no id column: the rows (BROWSE35)
    assert id_heading("response_id", "en", label="Ticket") == "Ticket"


@pytest.mark.parametrize(
    ("column", "heading"),
    [
        ("id", "回答ID"),
        ("_id", "回答ID"),
        ("responseid", "回答ID"),
        ("respondent_id", "回答ID"),
        ("response_no", "回答ID"),
        ("member_id", "Member ID"),
        ("customer_no", "Customer No."),
        ("order_number", "Order number"),
    ],
)
def test_only_a_machine_name_of_a_response_id_is_headed_response_id(
    column: str, heading: str
) -> None:
    # FIX68 headed every lower-case id column 回答ID, so member_id lost "member".
    assert id_heading(column, "ja") == heading


def test_misspelt_contact_column_is_an_error(unit: UnitData) -> None:
    # Listing every detractor because the consent column was misspelt would contact people who
    # said no.
    with pytest.raises(DataError) as err:
        listing(unit, contact_column="contact")
    assert (
        str(err.value)
        == "no column 'contact' (contact) in the responses. Did you mean 'contact_ok'?"
    )


def test_missing_id_column_is_an_error(unit: UnitData) -> None:
    with pytest.raises(DataError) as err:
        listing(unit, id_column="id")
    assert str(err.value) == "no column 'id' (id) in the responses. Check columns.id."


def test_without_comment_column_and_with_redaction_off(tmp_path: Path) -> None:
    raw = unit_of(write_export(tmp_path / "export.csv"), redact=False)
    found = listing(raw)
    assert found.rows["comment"].iloc[-1] == "連絡は taro@example.com までお願いします"
    assert listing(raw, comment_column=None).rows["comment"].tolist() == [""] * 5


def test_contactable_detractors_threshold() -> None:
    frame = pd.DataFrame(
        {"nps_score": pd.array([0, 6, 7, None, 4], dtype="Int64"), "ok": ["はい"] * 4 + ["no"]}
    )
    assert contactable_detractors(frame, contact_column="ok").index.tolist() == [0, 1]
    assert contactable_detractors(frame, contact_column="ok", max_score=7).index.tolist() == [
        0,
        1,
        2,
    ]
    assert contactable_detractors(frame, contact_column=None).index.tolist() == [0, 1, 4]


def test_without_consent_a_detail_left_is_the_consent_and_a_name_alone_is_not() -> None:
    # QA20: a form with no consent question, only "leave your number if you would like a
    # call back": the detractors who left a number (or an address) asked to be contacted.
    frame = pd.DataFrame(
        {
            "nps_score": pd.array([2, 3, 5, 9, 0, 1], dtype="Int64"),
            "Your name (optional)": ["Sarah", "Tom", None, "Priya", None, "Ben"],
            "Phone": ["07740 409632", "", None, "07111 222333", "07999 888777", " "],
            "E-mail": [None, None, None, None, None, "ben@example.co.uk"],
        }
    )
    details = ["Your name (optional)", "Phone", "E-mail"]
    assert left_contact_details(frame, details).tolist() == [
        True, False, False, True, True, True,
    ]  # fmt: skip
    found = contactable_detractors(frame, contact_column=None, details=details)
    assert found.index.tolist() == [0, 4, 5]
    # A consent column decides when there is one; no details: consent unknown, all listed.
    frame["ok"] = ["no", "yes", "yes", "yes", "no", "no"]
    assert contactable_detractors(frame, contact_column="ok", details=details).index.tolist() == [
        1,
        2,
    ]
    assert contactable_detractors(frame, contact_column=None, details=[]).index.tolist() == [
        0, 1, 2, 4, 5,
    ]  # fmt: skip
    with pytest.raises(DataError, match="no column 'Phon' \\(contact_details\\)"):
        left_contact_details(frame, ["Phon"])


def test_a_detail_written_as_no_answer_is_no_detail_left() -> None:
    # Since fix22 the readers keep "N/A", "None", "-" as written; typed into an optional phone
    # field they say "no number", not "call me" (they were blanks, hence not alerted, before).
    frame = pd.DataFrame(
        {
            "nps_score": pd.array([2, 3, 1, 0, 2, 4], dtype="Int64"),
            "Phone": ["N/A", "-", "None", "555-1234", " n/a ", "無回答"],
            "E-mail": ["", "null", "NA", None, None, "－"],
        }
    )
    details = ["Phone", "E-mail"]
    assert left_contact_details(frame, details).tolist() == [
        False, False, False, True, False, False,
    ]  # fmt: skip
    assert contactable_detractors(frame, contact_column=None, details=details).index.tolist() == [3]


def test_a_detail_field_answered_none_or_no_is_no_detail_left() -> None:
    # REVIEW22: since fix25 section 7 lists, as the alerts alert, whoever filled a details
    # field. An optional 「電話番号（任意）」 is often answered なし / 特になし / 不要 and an
    # English one "no" or "Nothing": each was listed (and alerted) as having asked for a call,
    # with なし as the number to dial. They say none, as the open answers' rule reads them
    # (text.tokens.answered) or as a consent question's refusal does (_consent).
    frame = pd.DataFrame(
        {
            "nps_score": pd.array([2, 3, 1, 0, 2, 4, 5, 1], dtype="Int64"),
            "電話番号（任意）": ["なし", "特になし", "不要", "090-1234-5678", "", "", "", ""],
            "Phone": ["", "", "", "", "no", "Nothing.", "No, thanks", "0774 123"],
        }
    )
    details = ["電話番号（任意）", "Phone"]
    assert left_contact_details(frame, details).tolist() == [
        False, False, False, True, False, False, False, True,
    ]  # fmt: skip


def test_one_field_for_a_name_and_a_number_is_a_way_to_reach_them() -> None:
    # REVIEW22: a form that asks 「お名前と電話番号（任意）」 or "Name and phone number
    # (optional)" in one field was read as a name column, so with it as the only detail nobody
    # was listed in section 7 or alerted ("No detractor allowed contact."), numbers and all.
    frame = pd.DataFrame(
        {
            "nps_score": pd.array([2, 3], dtype="Int64"),
            "Name and phone number (optional)": ["Sarah 07740 409632", ""],
            "お名前と電話番号（任意）": ["", "田中 090-1234-5678"],
            "Your name": ["Sarah", "Tom"],
        }
    )
    both = ["Name and phone number (optional)", "お名前と電話番号（任意）"]
    assert left_contact_details(frame, both[:1]).tolist() == [True, False]
    assert left_contact_details(frame, both[1:]).tolist() == [False, True]
    assert left_contact_details(frame, ["Your name"]).tolist() == [False, False]


def test_when_nobody_left_a_detail_the_others_are_not_called_other() -> None:
    # REVIEW22: with none listed the section read "No detractor left a way to reach them. …
    # 3 other detractors left none and are not listed": other than whom?
    found = FollowupList(
        rows=pd.DataFrame(columns=["response_id", "date", "age_days", "score"]),
        breakdowns=(),
        consent_known=True,
        as_of=dt.date(2026, 12, 1),
        details=("Phone",),
        unreachable=3,
    )
    english = re.sub(r"<[^>]+>", "", followup_html(found, lang="en").data)
    assert "other" not in english and "None of the 3 detractors left one." in english
    japanese = re.sub(r"<[^>]+>", "", followup_html(found, lang="ja").data)
    assert "批判者3人のいずれも連絡先を残していません。" in japanese


def test_respondent_themes_with_and_without_polarity() -> None:
    tags = pd.DataFrame(
        {"delivery": [True, False, pd.NA], "price": [True, True, pd.NA]}, dtype="boolean"
    )
    labels = {"delivery": "配送", "price": "価格"}
    assert respondent_themes(tags, labels, lang="ja").tolist() == ["配送、価格", "価格", ""]
    polarity = pd.DataFrame(
        {"delivery": ["negative", None, None], "price": ["positive", None, None]}
    )
    # JAREV: full-width brackets and 、 in Japanese, no half-width 「配送 (−), 価格 (+)」
    assert respondent_themes(tags, labels, polarity=polarity, lang="ja").tolist() == [
        "配送（−）、価格（+）",
        "価格",
        "",
    ]
    both = pd.DataFrame({"delivery": ["mixed", None, None], "price": ["neutral", None, None]})
    assert (
        respondent_themes(tags, labels, polarity=both, lang="ja").tolist()[0] == "配送（±）、価格"
    )
    english = {"delivery": "Delivery", "price": "Price"}
    assert respondent_themes(tags, english, polarity=polarity, lang="en").tolist()[0] == (
        "Delivery (−), Price (+)"
    )


def test_the_analysis_gives_each_detractor_list_theme_its_polarity(repo_root: Path) -> None:
    from nps_kit.analysis import analyse_followups

    unit = prepare_unit(
        repo_root / "data" / "demo_responses.csv.gz",
        name="EC事業部",
        unit_column="business_unit",
        unit_values=["EC事業部"],
        text_columns=["comment"],
    )
    analysis = analyse_followups(unit, [{"column": "comment", "type": "text", "label": "理由"}])
    assert analysis.polarity is not None and analysis.tags is not None
    assert list(analysis.polarity.columns) == list(analysis.tags.columns)
    assert analysis.polarity.index.equals(analysis.tags.index)
    labels = dict(zip(analysis.themes["theme"], analysis.themes["label"], strict=True))
    shown = respondent_themes(analysis.tags, labels, polarity=analysis.polarity)
    segment = unit.current["segment"].reindex(shown.index)
    # detractors mostly complain and promoters mostly praise: their themes carry that sign
    signs = "".join(shown[segment == "detractor"])
    assert signs.count("(−)") > signs.count("(+)")
    signs = "".join(shown[segment == "promoter"])
    assert signs.count("(+)") > signs.count("(−)")


def test_html_is_escaped_and_phone_cards_carry_labels(unit: UnitData) -> None:
    html = followup_html(listing(unit), lang="ja", first=20).data
    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "nps-followups__more" not in html  # five people fit on the first screen
    # the breakdowns in one labelled cell, a line each (FIX31: a column each ran off 1280 px)
    assert (
        'data-label="属性"><span class="nps-followup__facts"><span class="nps-followup__fact">'
        '<span class="nps-followup__key">プラン：</span>premium</span></span></td>'
    ) in html
    age = '<span class="nps-followup__age" title="経過日数">10日</span>'
    assert f'data-label="回答日">2026-10-26{age}' in html
    # the date never wraps at its hyphens (report.nobreak)
    dated = '経過日数はレポート作成日（<span class="nps-nb">2026-11-05</span>）時点の日数です。'
    assert dated in html
    english = followup_html(listing(unit), lang="en").data
    assert '<span class="nps-followup__age" title="Age">10 days</span></td>' in english
    assert (
        'to the report&#x27;s generation date (<span class="nps-nb">2026-11-05</span>)' in english
    )


# --- more than 50 people: everyone in the HTML and in both work files ----------------------------


def many_rows(n: int) -> list[str]:
    rows = [
        f"M{i:03d},2026-10-{1 + i % 28:02d} 09:{i % 60:02d}:00,EC,{i % 7},"
        f"{'basic' if i % 2 else 'premium'},理由 {i} です,はい"
        for i in range(n)
    ]
    return rows + [f"P{i:03d},2026-10-05 10:00:00,EC,9,basic,満足,はい" for i in range(20)]


def run_section(section: Callable[..., Any], *args: Any, **kwargs: Any) -> tuple[Any, list[dict]]:
    InteractiveShell.instance()
    try:
        with capture_output() as captured:
            result = section(*args, **kwargs)
            result.show()  # a section computes; showing it displays (and publishes the list)
    finally:
        InteractiveShell.clear_instance()
    return result.value, [o.data for o in captured.outputs]


def test_more_than_fifty_are_all_listed_and_in_both_work_files(tmp_path: Path) -> None:
    n = 127
    many = unit_of(write_export(tmp_path / "export.csv", many_rows(n)))
    value, outputs = run_section(
        sections.detractors,
        many,
        id_column="response_id",
        comment_column="comment",
        contact_column="contact_ok",
        breakdowns=["plan"],
        unit_id="ec",
    )
    html = "\n".join(o["text/html"] for o in outputs if "text/html" in o)
    ids = re.findall(r'data-label="回答ID">(M\d{3})</td>', html)
    assert len(ids) == n and sorted(ids) == [f"M{i:03d}" for i in range(n)]
    assert ids == value.rows["response_id"].tolist()
    assert "連絡を許可した批判者127人" in html
    assert f"<summary>残り{n - FIRST_SCREEN}人を表示</summary>" in html
    # The runner writes what the notebook published.
    nb = new_notebook(
        cells=[
            new_code_cell("", outputs=[new_output("display_data", data=o) for o in outputs if o])
        ]
    )
    files = write_from_notebook(nb, tmp_path / "2026-10", "ec")
    assert files == work_files(tmp_path / "2026-10", "ec")
    assert files.csv.read_bytes().startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    csv = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    book = openpyxl.load_workbook(files.xlsx)
    sheet = book.active
    assert sheet is not None
    header, *cells = [[c if c is not None else "" for c in row] for row in sheet.values]
    assert header == list(csv.columns)
    # The XLSX holds age_days and score as numbers, the CSV as their text.
    assert [[str(c) for c in row] for row in cells] == csv.to_numpy().tolist()
    assert len(csv) == n
    assert csv["response_id"].tolist() == ids
    assert list(csv.columns)[-4:] == ["owner", "status", "contacted_at", "note"]
    assert (csv[["owner", "status", "contacted_at", "note"]] == "").all().all()


def test_work_table_comes_back_from_the_notebook_output(unit: UnitData) -> None:
    _, outputs = run_section(
        sections.detractors,
        unit,
        id_column="response_id",
        comment_column="comment",
        contact_column="contact_ok",
    )
    published = [o for o in outputs if FOLLOWUPS_MIME in o]
    assert len(published) == 1 and list(published[0]) == [FOLLOWUPS_MIME]  # never shown


def test_rewriting_keeps_what_the_team_typed(unit: UnitData, tmp_path: Path) -> None:
    table = work_table(listing(unit))
    files = write_work_files(table, tmp_path, "ec")
    book = openpyxl.load_workbook(files.xlsx)
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    row = [c.value for c in sheet[1 + ORDER.index("R05") + 1]]
    assert row[0] == "R05"
    sheet.cell(row=ORDER.index("R05") + 2, column=header.index("owner") + 1, value="佐藤")
    book.save(files.xlsx)
    write_work_files(table, tmp_path, "ec")  # the same period run again
    for frame in (
        pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig"),
        pd.read_excel(files.xlsx, dtype=str).fillna(""),
    ):
        assert frame.set_index("response_id").loc["R05", "owner"] == "佐藤"
        assert (frame.set_index("response_id").drop(index="R05")["owner"] == "").all()


def type_into(path: Path, rid: str, saved_ns: int, **cells: str) -> None:
    """Type ``cells`` into row ``rid`` of a work file and save it at ``saved_ns``."""
    if path.suffix == ".csv":
        frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        for column, value in cells.items():
            frame.loc[frame["response_id"] == rid, column] = value
        frame.to_csv(path, index=False, encoding="utf-8-sig")
    else:
        book = openpyxl.load_workbook(path)
        sheet = book.active
        assert sheet is not None
        header = [c.value for c in sheet[1]]
        row = next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, 1).value == rid)
        for column, value in cells.items():
            sheet.cell(row=row, column=header.index(column) + 1, value=value)
        book.save(path)
    os.utime(path, ns=(saved_ns, saved_ns))  # a save, with the nanoseconds every save has


def team_cells(files: Any) -> list[pd.DataFrame]:
    return [
        pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig").set_index(
            "response_id"
        )[["owner", "status", "contacted_at", "note"]],
        pd.read_excel(files.xlsx, dtype=str)
        .fillna("")
        .set_index("response_id")[["owner", "status", "contacted_at", "note"]],
    ]


def test_rerun_keeps_what_was_typed_into_both_files(
    unit: UnitData, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA19: Alice typed into the CSV, then Bob into the workbook; the re-run kept Bob's only.
    table = work_table(listing(unit))
    files = write_work_files(table, tmp_path, "ec")
    saved = time.time_ns() // 10**9 * 10**9 + 10**9
    alice = {"owner": "Alice", "status": "contacted", "contacted_at": "2026-12-03"}
    type_into(files.csv, "R06", saved + 123, note="called, wants ARM", **alice)
    type_into(files.xlsx, "R13", saved + 456_789, owner="Bob", status="done")
    again = write_work_files(table, tmp_path, "ec")
    assert again.conflicts == ()
    assert capsys.readouterr().err == ""
    for cells in team_cells(files):
        assert cells.loc["R06"].tolist() == [*alice.values(), "called, wants ARM"]
        assert cells.loc["R13"].tolist() == ["Bob", "done", "", ""]
        assert (cells.drop(index=["R06", "R13"]) == "").all().all()


@pytest.mark.parametrize(("lang", "encoding"), [("en", "utf-8-sig"), ("ja", "cp932")])
def test_rerun_keeps_what_was_typed_into_a_csv_excel_saved(
    tmp_path: Path, lang: str, encoding: str
) -> None:
    # REVIEW23: Excel saves the CSV with 0008609 as 8609, and in Japanese as cp932. The report's
    # box matched 8609 back (restore_ids), but re-running the period dropped what was typed on
    # that row (and overwrote the file), and a cp932 CSV ended the re-run in a traceback.
    table = pd.DataFrame(
        {
            "response_id": ["0008609", "0055584"],
            "date": ["2026-11-03", "2026-11-04"],
            "score": ["2", "3"],
            **{c: ["", ""] for c in ("owner", "status", "contacted_at", "note")},
        },
        dtype="string",
    )
    files = write_work_files(table, tmp_path, "ec", lang=lang)  # type: ignore[arg-type]
    head = work_headers(lang)  # type: ignore[arg-type]
    saved = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    saved[head["response_id"]] = saved[head["response_id"]].str.lstrip("0")
    saved[head["owner"]] = ["佐藤", "Ann"]
    saved[head["status"]] = ["済", "called"]
    saved.to_csv(files.csv, index=False, encoding=encoding)
    later = time.time_ns() // 10**9 * 10**9 + 10**9 + 123_456
    os.utime(files.csv, ns=(later, later))
    again = write_work_files(table, tmp_path, "ec", lang=lang)  # type: ignore[arg-type]
    kept = pd.read_csv(again.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert kept[head["response_id"]].tolist() == ["0008609", "0055584"]
    assert kept[head["owner"]].tolist() == ["佐藤", "Ann"]
    assert kept[head["status"]].tolist() == ["済", "called"]


def test_na_typed_into_the_workbook_is_kept_as_written(unit: UnitData, tmp_path: Path) -> None:
    # QA22: the workbook was read with pandas' default na_values (the CSV was not), so an
    # owner "NA" (or a note "None", "N/A") typed into the .xlsx was lost on the next run.
    table = work_table(listing(unit))
    files = write_work_files(table, tmp_path, "ec")
    saved = time.time_ns() // 10**9 * 10**9 + 10**9
    type_into(files.xlsx, "R13", saved, owner="NA", status="done", note="None")
    write_work_files(table, tmp_path, "ec")
    book = openpyxl.load_workbook(files.csv.with_suffix(".xlsx"))
    sheet = book.active
    assert sheet is not None
    header = [c.value for c in sheet[1]]
    row = next(r for r in sheet.iter_rows(min_row=2, values_only=True) if r[0] == "R13")
    assert [row[header.index(c)] for c in ("owner", "status", "note")] == ["NA", "done", "None"]
    typed = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert typed.set_index("response_id").loc["R13", ["owner", "note"]].tolist() == ["NA", "None"]


def test_a_cell_typed_differently_into_both_files_keeps_the_later_one_and_says_so(
    unit: UnitData, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    table = work_table(listing(unit))
    files = write_work_files(table, tmp_path, "ec")
    saved = time.time_ns() // 10**9 * 10**9 + 10**9
    type_into(files.xlsx, "R06", saved + 1, owner="Bob", status="done")
    type_into(files.csv, "R06", saved + 2, owner="Alice", note="left a voicemail")
    again = write_work_files(table, tmp_path, "ec")
    message = (
        "warning: ec_followups.csv and ec_followups.xlsx differ for response R06, owner: "
        "kept 'Alice' from ec_followups.csv (saved later) over 'Bob'."
    )
    assert again.conflicts == (message,)
    assert capsys.readouterr().err == f"ec: {message}\n"
    for cells in team_cells(files):
        assert cells.loc["R06"].tolist() == ["Alice", "done", "", "left a voicemail"]


def test_a_change_made_in_one_file_only_is_no_conflict(
    unit: UnitData, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # The CSV the run wrote still says 'contacted': it is the run's copy, not a second opinion.
    table = work_table(listing(unit))
    files = write_work_files(table, tmp_path, "ec")
    saved = time.time_ns() // 10**9 * 10**9 + 10**9
    type_into(files.xlsx, "R06", saved + 7, owner="Bob", status="contacted", note="call back")
    write_work_files(table, tmp_path, "ec")
    type_into(files.xlsx, "R06", saved + 10**9 + 7, status="done", note="")
    again = write_work_files(table, tmp_path, "ec")
    assert again.conflicts == ()
    assert capsys.readouterr().err == ""
    for cells in team_cells(files):
        assert cells.loc["R06"].tolist() == ["Bob", "done", "", ""]


# --- the returned status -----------------------------------------------------------------------


def returned_status(tmp_path: Path, unit: UnitData, *, encoding: str) -> Path:
    """The work file as a team sends it back, re-saved by Excel (cp932 on Japanese Windows)."""
    files = write_work_files(work_table(listing(unit)), tmp_path, "ec")
    frame = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame = frame.set_index("response_id")
    frame.loc["R06", ["owner", "status", "contacted_at"]] = ["田中", "連絡済", "2026-11-02"]
    frame.loc["R13", ["contacted_at"]] = ["2026/11/01"]
    frame.loc["R11", ["status"]] = ["Done"]
    frame.loc["R12", ["owner", "status"]] = ["鈴木", "対応中"]
    frame["comment"] = ""  # cp932 cannot hold every comment; the status file needs none
    path = tmp_path / f"returned_{encoding}.csv"
    frame.reset_index().to_csv(path, index=False, encoding=encoding)
    return path


@pytest.mark.parametrize("encoding", ["utf-8-sig", "cp932"])
def test_status_round_trip(unit: UnitData, tmp_path: Path, encoding: str) -> None:
    path = returned_status(tmp_path, unit, encoding=encoding)
    status = read_status(path)
    assert status["response_id"].tolist() == ORDER
    result = loop_status(
        status,
        unit.responses,
        source=path,
        id_column="response_id",
        comment_column="comment",
        as_of=AS_OF,
    )
    # R06 (date and status), R13 (date only), R11 (status only) are done; R12 is in progress.
    assert (result.total, result.contacted) == (5, 3)
    assert result.close_rate == pytest.approx(60.0)
    # R06: 10-26 → 11-02 is 7 days, R13: 10-26 → 11-01 is 6 days; R11 has no date.
    assert (result.median_days, result.timed) == (6.5, 2)
    assert result.open["response_id"].tolist() == ["R12", "R05"]
    assert result.open["status"].tolist() == ["対応中", ""]
    assert result.open["owner"].tolist() == ["鈴木", ""]
    assert result.open["age_days"].tolist() == [6, 9]
    assert result.open["comment"].tolist() == [
        "<script>alert(1)</script>",
        "連絡は [EMAIL] までお願いします",
    ]
    _, outputs = run_section(
        sections.followup_status, unit, path, id_column="response_id", comment_column="comment"
    )
    html = outputs[0]["text/html"]
    assert f"フォローアップの状況（returned_{encoding}.csv）" in html
    assert '<div class="nps-kpi__value">60.0%</div>' in html
    assert "5人中3人に連絡済み" in html
    assert '<div class="nps-kpi__value">6.5日</div>' in html
    assert re.findall(r'data-label="回答ID">(R\d\d)</td>', html) == ["R12", "R05"]
    assert "&lt;script&gt;" in html and "<script>" not in html


def test_contacted_people_are_listed_as_contacted_never_overdue(
    unit: UnitData, tmp_path: Path
) -> None:
    # QA22: Enterprise's two contacted detractors still read "Call by 2026-11-25 (overdue)"
    # under a box saying "Close rate 100 %".
    path = returned_status(tmp_path, unit, encoding="utf-8-sig")
    status = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column="response_id",
        comment_column="comment",
        as_of=AS_OF,
    )
    assert status.contacted_on == {"R06": "2026-11-02", "R13": "2026-11-01", "R11": ""}
    found = listing(unit)
    plain = followup_html(found, lang="en").data
    html = followup_html(found, lang="en", status=status).data
    cells = dict(
        re.findall(
            r'nps-followup__response_id" data-label="[^"]+">(R\d\d)</td>.*?'
            r'nps-followup__call_by" data-label="Call by">(.*?)</td>',
            html,
        )
    )
    assert cells["R06"] == (
        '<span class="nps-followup__done">Contacted</span> '
        '<span class="nps-followup__due">2026-11-02</span>'
    )
    assert cells["R11"] == '<span class="nps-followup__done">Contacted</span>'
    # R12 (in progress) and R05 are still open: their call-by dates, overdue on 5 November
    assert "(overdue)" in cells["R12"] and "(overdue)" in cells["R05"]
    assert html.count("(overdue)") == 2 and plain.count("(overdue)") == 5
    # a refused status file leaves the list as it was
    refused = LoopRefused(source=path, message="no")
    assert followup_html(found, lang="en", status=refused).data == plain


def test_status_of_an_earlier_period_redacts_its_comments(unit: UnitData, tmp_path: Path) -> None:
    path = tmp_path / "status.csv"
    path.write_text("response_id,status\nR20,\n", encoding="utf-8")
    result = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column="response_id",
        comment_column="comment",
        as_of=AS_OF,
    )
    assert result.open["comment"].tolist() == ["先月の不満 [PHONE]"]
    assert (result.close_rate, result.median_days, result.open["score"].tolist()) == (
        0.0,
        None,
        [1],
    )


@pytest.mark.parametrize(("lang", "age"), [("en", "19 days"), ("ja", "19日")])
def test_the_still_open_table_shows_the_age_once_under_the_date(
    unit: UnitData, tmp_path: Path, lang: str, age: str
) -> None:
    # QA23: "2026-11-16 / 19 days" and then an Age column with "19" again (ja: 「18日 18」).
    path = tmp_path / "status.csv"
    path.write_text("response_id,status\nR20,\n", encoding="utf-8")
    status = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column="response_id",
        comment_column="comment",
        as_of=dt.date(2026, 9, 29),
    )
    page = loop_status_html(status, lang=lang).data  # type: ignore[arg-type]
    table = page[page.index("<table") :]
    headers = re.findall(r'<th scope="col">(.*?)</th>', table)
    assert t("followup.age_days", lang) not in headers  # type: ignore[arg-type]
    (row,) = re.findall(r"<tr class=\"nps-followup.*?</tr>", table)
    assert row.count(age) == 1 and ">19<" not in row


def test_status_file_in_xlsx_with_date_cells(unit: UnitData, tmp_path: Path) -> None:
    path = tmp_path / "status.xlsx"
    pd.DataFrame(
        {
            "response_id": ["R06", "R05"],
            "contacted_at": [dt.datetime(2026, 10, 29, 15, 0), None],
        }
    ).to_excel(path, index=False)
    result = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column="response_id",
        comment_column=None,
    )
    assert (result.contacted, result.median_days) == (1, 3.0)


def test_status_file_without_the_columns(tmp_path: Path) -> None:
    path = tmp_path / "status.csv"
    path.write_text("id,state\nR01,done\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_status(path)
    assert str(err.value) == (
        f"{path}: no column response_id in the status file; columns are id, state. "
        "Return the work file <unit>_followups.csv with its header, or a table with "
        "response_id and status and/or contacted_at (in Japanese: 回答ID and 状況 and/or 連絡日)."
    )
    path.write_text("response_id,who\nR01,me\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        read_status(path)
    assert str(err.value) == (
        f"{path}: no column status or contacted_at in the status file; columns are "
        "response_id, who. Return the work file <unit>_followups.csv with its header, or a "
        "table with response_id and status and/or contacted_at (in Japanese: 回答ID and 状況 "
        "and/or 連絡日)."
    )


def test_status_file_with_unreadable_dates_lists_every_cell(tmp_path: Path) -> None:
    path = tmp_path / "status.csv"
    path.write_text(
        "response_id,status,contacted_at\nR01,済,2026-11-01\nR02,,昨日\nR03,,\nR04,,11/31\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError) as err:
        read_status(path)
    assert str(err.value) == (
        f"{path}: 2 date(s) cannot be read: row 3 contacted_at '昨日'; "
        "row 5 contacted_at '11/31'. Write dates as 2026-11-03 (or 2026/11/03, 2026年11月3日), "
        "or leave them blank."
    )
    assert err.value.failures.to_dict("records") == [
        {"row": 3, "column": "contacted_at", "value": "昨日", "reason": "not a date"},
        {"row": 5, "column": "contacted_at", "value": "11/31", "reason": "not a date"},
    ]


def test_status_ids_written_as_numbers_match(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "id,submitted_at,score,ok\n101,2026-10-02,3,はい\n102,2026-10-03,5,はい\n",
        encoding="utf-8",
    )
    numeric = prepare_unit(export, name="U", period="2026-10")
    status = tmp_path / "status.xlsx"
    pd.DataFrame({"response_id": [101, 102], "status": ["done", None]}).to_excel(
        status, index=False
    )
    result = loop_status(
        read_status(status), numeric.responses, source=status, id_column="id", comment_column=None
    )
    assert (result.contacted, result.open["response_id"].tolist()) == (1, ["102"])
    assert result.open["score"].tolist() == [5]


def test_a_notebook_without_the_section_writes_no_work_file(tmp_path: Path) -> None:
    nb = new_notebook(cells=[new_code_cell("1", outputs=[])])
    assert write_from_notebook(nb, tmp_path, "x") is None
    assert list(tmp_path.iterdir()) == []


# --- through the real runner ---------------------------------------------------------------------


@pytest.mark.slow
def test_run_writes_everyone_to_the_html_and_both_work_files_then_reads_the_status_back(
    tmp_path: Path,
) -> None:
    from nps_kit.params import load_unit
    from nps_kit.run import run_reports

    n = 60
    write_export(tmp_path / "export.csv", many_rows(n))
    unit_file = tmp_path / "ec.yaml"
    settings = (
        "name: EC事業部\nlanguage: ja\nperiod: 2026-10\ncomparison: [previous]\n"
        "data: {path: export.csv, filter: {column: business_unit, values: [EC]}}\n"
        "columns: {score: score, date: submitted_at, id: response_id, comment: comment, "
        "contact: contact_ok}\n"
        "breakdowns: [{column: plan, label: プラン}]\n"
        "followups: [{column: comment, type: text, label: 理由}]\n"
    )
    unit_file.write_text(settings, encoding="utf-8")
    notebook = Path(sections.__file__).parent.parent / "resources" / "nps_report.ipynb"
    output = tmp_path / "reports"
    result = run_reports([load_unit(unit_file)], notebook=notebook, output=output, progress=None)
    assert result.ok, result.units[0].error
    folder = output / "2026-10"
    html = (folder / "ec.html").read_text(encoding="utf-8")
    ids = re.findall(r'data-label="回答ID">(M\d{3})</td>', html)
    assert sorted(ids) == [f"M{i:03d}" for i in range(n)]
    # The 48 hours are a due date per person, marked when passed (QA20), not a promise.
    assert "回答から48時間以内" in html and "期限切れ" in html
    assert FOLLOWUPS_MIME not in html
    files = work_files(folder, "ec")
    csv = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    xlsx = pd.read_excel(files.xlsx, dtype=str).fillna("")
    pd.testing.assert_frame_equal(csv, xlsx)
    # A Japanese unit's team reads Japanese headers (the report's own words).
    assert list(csv.columns[:4]) == ["回答ID", "回答日", "経過日数", "スコア"]
    assert list(csv.columns[-4:]) == ["担当者", "状況", "連絡日", "メモ"]
    assert csv["回答ID"].tolist() == ids
    assert result.units[0].summary is not None
    assert result.units[0].summary.detractors_to_contact == n
    assert result.units[0].summary.consent_known is True

    # The team returns the work file with the first ten contacted three days after answering.
    returned = csv.copy()
    dates = pd.to_datetime(returned["回答日"])
    returned.loc[:9, "状況"] = "連絡済"
    returned.loc[:9, "連絡日"] = (dates[:10] + pd.Timedelta(days=3)).dt.strftime("%Y-%m-%d")
    status_file = tmp_path / "returned.csv"
    # QA26: a team returns only the rows it worked on; the rate is still over the month's 60.
    returned.iloc[:12].to_csv(status_file, index=False, encoding="utf-8-sig")
    unit_file.write_text(settings + "closed_loop: {status_file: returned.csv}\n", encoding="utf-8")
    again = run_reports([load_unit(unit_file)], notebook=notebook, output=output, progress=None)
    assert again.ok, again.units[0].error
    html = (folder / "ec.html").read_text(encoding="utf-8")
    assert "フォローアップの状況（returned.csv）" in html
    assert '<div class="nps-kpi__value">16.7%</div>' in html  # 10 of 60
    assert '<div class="nps-kpi__value">3日</div>' in html
    assert "60人中10人に連絡済み" in html
    assert '<div class="nps-kpi__value">50人</div>' in html  # still open: 2 in the file, 48 not
    assert again.units[0].summary is not None
    assert again.units[0].summary.detractors_contacted == 10  # the e-mail's count
    # The team returned a copy: the work file beside the report was rewritten, still blank.
    assert (pd.read_csv(files.csv, dtype=str, keep_default_na=False)["状況"] == "").all()


def test_breakdowns_are_headed_by_their_labels_as_in_the_report(unit: UnitData) -> None:
    # The report's table says プラン; the work file said "plan", the export's column (a
    # Microsoft Forms export's column is the whole question).
    table = work_table(listing(unit))
    assert "プラン" in table.columns and "plan" not in table.columns
    assert table["プラン"].tolist() == listing(unit).rows["plan"].astype("string").tolist()
    # A label another column already has keeps the export's name: no two columns share one.
    clash = listing(unit, breakdowns=[{"column": "plan", "label": "status"}])
    assert list(work_table(clash).columns).count("status") == 1
    assert "plan" in work_table(clash).columns
    twice = listing(
        unit,
        breakdowns=[
            {"column": "plan", "label": "区分"},
            {"column": "business_unit", "label": "区分"},
        ],
    )
    headers = [c for c in work_table(twice).columns if c in ("区分", "plan", "business_unit")]
    assert headers == ["区分", "business_unit"]


def test_rewriting_an_untouched_work_file(unit: UnitData, tmp_path: Path) -> None:
    table = work_table(listing(unit))
    write_work_files(table, tmp_path, "ec")
    files = write_work_files(table, tmp_path, "ec")
    again = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    pd.testing.assert_frame_equal(again, table.astype(object), check_dtype=False)


def test_a_japanese_team_gets_japanese_headers_and_its_file_reads_back(
    unit: UnitData, tmp_path: Path
) -> None:
    table = work_table(listing(unit))
    files = write_work_files(table, tmp_path, "ec", lang="ja")
    csv = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    header = list(csv.columns)
    assert header[:4] == ["回答ID", "回答日", "経過日数", "スコア"]
    assert header[-7:] == ["プラン", "テーマ", "コメント", "担当者", "状況", "連絡日", "メモ"]
    assert [c.value for c in openpyxl.load_workbook(files.xlsx).active[1]] == header  # type: ignore[index]
    # The team types into the Japanese file; a re-run keeps it, and the status reads back.
    csv = csv.set_index("回答ID")
    csv.loc["R06", ["担当者", "状況", "連絡日"]] = ["田中", "連絡済", "2026-11-02"]
    csv.loc["R12", ["状況"]] = ["対応中"]
    csv.reset_index().to_csv(files.csv, index=False, encoding="utf-8-sig")
    write_work_files(table, tmp_path, "ec", lang="ja")
    again = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert again.set_index("回答ID").loc["R06", "担当者"] == "田中"
    status = read_status(files.csv).set_index("response_id")
    assert status.loc["R06", ["owner", "status"]].tolist() == ["田中", "連絡済"]
    assert status.loc["R06", "contacted_at"] == pd.Timestamp("2026-11-02")
    assert status.loc["R12", "status"] == "対応中"


def test_contact_details_reach_the_work_files_only_never_the_report(tmp_path: Path) -> None:
    # QA17: the team that calls detractors back had the response id only and had to look each
    # one up in the survey tool. columns.contact_details copies the means of contact of those
    # who allowed it into the work files; the report (mailed to a wider list) and its notebook
    # never hold them.
    from nps_kit.params import load_unit
    from nps_kit.run import run_reports

    rows = ["response_id,submitted_at,business_unit,score,comment,contact_ok,email,phone"]
    rows += [
        f"M{i:03d},2026-10-{1 + i:02d} 09:00:00,EC,{i % 7},理由 {i},"
        f"{'はい' if i % 3 else 'いいえ'},m{i}@example.jp,090-0000-{i:04d}"
        for i in range(12)
    ]
    # M001 answered in September too, from an older address: the latest row's details win.
    rows.append("M001,2026-09-03 09:00:00,EC,8,前回,はい,old@example.jp,")
    rows += [f"P{i:03d},2026-10-05 10:00:00,EC,10,満足,はい,p{i}@example.jp," for i in range(6)]
    (tmp_path / "export.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    unit_file = tmp_path / "ec.yaml"
    unit_file.write_text(
        "name: EC事業部\nlanguage: ja\nperiod: 2026-10\ncomparison: [previous]\n"
        "data: {path: export.csv, filter: {column: business_unit, values: [EC]}}\n"
        "columns: {score: score, date: submitted_at, id: response_id, comment: comment, "
        "contact: contact_ok, contact_details: [email, phone]}\n"
        "followups: [{column: comment, type: text, label: 理由}]\n",
        encoding="utf-8",
    )
    notebook = Path(sections.__file__).parent.parent / "resources" / "nps_report.ipynb"
    output = tmp_path / "reports"
    result = run_reports([load_unit(unit_file)], notebook=notebook, output=output, progress=None)
    assert result.ok, result.units[0].error
    folder = output / "2026-10"
    csv = pd.read_csv(
        work_files(folder, "ec").csv, dtype=str, keep_default_na=False, encoding="utf-8-sig"
    )
    assert list(csv.columns[:6]) == ["回答ID", "回答日", "経過日数", "スコア", "email", "phone"]
    listed = dict(zip(csv["回答ID"], csv["email"], strict=True))
    consenting = [i for i in range(12) if i % 3]
    assert listed == {f"M{i:03d}": f"m{i}@example.jp" for i in consenting}
    assert csv.set_index("回答ID").loc["M004", "phone"] == "090-0000-0004"
    xlsx = pd.read_excel(work_files(folder, "ec").xlsx, dtype=str).fillna("")
    pd.testing.assert_frame_equal(csv, xlsx)
    for name in ("ec.html", "ec.ipynb"):
        text = (folder / name).read_text(encoding="utf-8")
        assert "@example.jp" not in text and "090-0000" not in text, name


def test_a_leave_your_number_column_reaches_the_work_file_without_a_consent_column(
    tmp_path: Path,
) -> None:
    # QA20: a Google Forms export has no consent question but "Phone number (optional - if
    # you would like us to call you back)"; contact_details was refused without columns.contact
    # (and the error blamed north.yaml, with an empty key, for a line in defaults.yaml). A
    # number left there is consent for that number: it reaches the call-back team.
    from nps_kit.errors import ConfigError
    from nps_kit.params import load_unit

    unit = forms_unit(tmp_path / "export.csv")
    unit.responses["Phone"] = ["07700 900001", "", None, "07700 900005"]
    found = followup_list(unit, id_column=None, comment_column=None, contact_column=None)
    table = with_contact_details(
        work_table(found), unit.responses, id_column=None, contact_column=None, details=["Phone"]
    )
    assert dict(zip(table["response_id"], table["Phone"], strict=True)) == {
        "4": "",
        "2": "07700 900001",
        "5": "07700 900005",
    }
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text(
        "data: {path: ../export.csv}\ncolumns: {score: Score, date: Timestamp, "
        "contact_details: [Phone]}\n",
        encoding="utf-8",
    )
    (params / "north.yaml").write_text("name: North\nlanguage: en\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_unit(params / "north.yaml")
    # A column that is not in the export is blamed on the file and key that name it.
    assert str(info.value).startswith(
        f"{params / 'defaults.yaml'}: columns.contact_details[0]: no column 'Phone' in export.csv"
    )


# --- an export without ids (Google Forms): row numbers are the ids --------------------------------

FORMS_HEADER = "Timestamp,Clinic,Score,Why?\n"
FORMS_ROWS = [
    "11/02/2026 09:00:00,Leeds,3,Waited an hour",  # row 2
    "11/03/2026 10:00:00,Leeds,10,Lovely",  # row 3
    "11/04/2026 11:00:00,Leeds,1,Rude receptionist",  # row 4
    "11/20/2026 12:00:00,Leeds,5,Too expensive",  # row 5
]


def forms_unit(path: Path, rows: list[str] = FORMS_ROWS) -> UnitData:
    path.write_text(FORMS_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    return prepare_unit(
        path,
        name="North",
        language="en",
        period="2026-11",
        score_column="Score",
        date_column="Timestamp",
        text_columns=["Why?"],
    )


def returned_forms_file(tmp_path: Path, unit: UnitData) -> Path:
    """The report's work file (ids = row numbers), returned with row 4 called on 5 November."""
    found = followup_list(
        unit, id_column=None, comment_column="Why?", contact_column=None, as_of=AS_OF
    )
    files = write_work_files(work_table(found), tmp_path, "north")
    frame = pd.read_excel(files.xlsx, dtype=str).fillna("")
    assert frame["response_id"].tolist() == ["4", "2", "5"]
    frame.loc[frame["response_id"] == "4", ["owner", "contacted_at"]] = ["Amy", "2026-11-05"]
    path = tmp_path / "returned.xlsx"
    frame.to_excel(path, index=False)
    return path


def test_row_number_ids_close_the_loop(tmp_path: Path) -> None:
    # QA20: a Google Forms export has no id column; the work file's ids are row numbers, and
    # returning it failed the report with KeyError: None.
    unit = forms_unit(tmp_path / "export.csv")
    path = returned_forms_file(tmp_path, unit)
    result = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column=None,
        comment_column="Why?",
        as_of=dt.date(2026, 11, 25),
    )
    assert (result.total, result.contacted, result.median_days) == (3, 1, 1.0)
    assert result.open["response_id"].tolist() == ["2", "5"]
    assert result.open["score"].tolist() == [3, 5]
    assert result.open["comment"].tolist() == ["Waited an hour", "Too expensive"]
    _, outputs = run_section(
        sections.followup_status, unit, path, id_column=None, comment_column="Why?"
    )
    assert "1 of 3 contacted" in outputs[0]["text/html"]


def test_row_number_ids_are_headed_as_rows_in_the_file_with_a_note_once(tmp_path: Path) -> None:
    # BROWSE35: the row numbers of an export without ids were headed "Response ID", in the list
    # and in the still-open list of the returned file; an export with ids keeps the heading.
    from bs4 import BeautifulSoup

    unit = forms_unit(tmp_path / "export.csv")
    path = returned_forms_file(tmp_path, unit)
    note = "The export has no response id column: “Row in file” is the row of each response"
    for section, args in (
        (sections.detractors, {"contact_column": None}),
        (sections.followup_status, {"status_file": path}),
    ):
        _, outputs = run_section(section, unit, id_column=None, comment_column="Why?", **args)
        soup = BeautifulSoup("".join(o.get("text/html", "") for o in outputs), "html.parser")
        assert soup.select_one(".nps-followups__table th").get_text() == "Row in file"
        assert soup.get_text().count(note) == 1
    with_ids = unit_of(write_export(tmp_path / "ids.csv"), language="en")
    _, outputs = run_section(
        sections.detractors,
        with_ids,
        id_column="response_id",
        comment_column="comment",
        contact_column=None,
    )
    soup = BeautifulSoup("".join(o.get("text/html", "") for o in outputs), "html.parser")
    assert soup.select_one(".nps-followups__table th").get_text() == "Response ID"
    assert "no response id column" not in soup.get_text()


def test_a_drop_without_ids_names_each_response_by_its_file_and_row(tmp_path: Path) -> None:
    # FIX43: in a folder of exports the report's ids were row numbers that run on from file
    # to file ('5' for the first row of the second file), a row of no file. Each response is
    # named by its file and its row there, in the report, the work files and the returned file.
    drop = tmp_path / "drop"
    drop.mkdir()
    for name, rows in (("a.csv", FORMS_ROWS[:2]), ("b.csv", FORMS_ROWS[2:])):
        (drop / name).write_text(FORMS_HEADER + "\n".join(rows) + "\n", encoding="utf-8")
    unit = prepare_unit(
        drop,
        name="North",
        language="en",
        period="2026-11",
        score_column="Score",
        date_column="Timestamp",
        text_columns=["Why?"],
    )
    found = followup_list(
        unit, id_column=None, comment_column="Why?", contact_column=None, as_of=AS_OF
    )
    assert found.rows["response_id"].tolist() == ["b.csv:2", "a.csv:2", "b.csv:3"]
    files = write_work_files(work_table(found), tmp_path, "north")
    frame = pd.read_excel(files.xlsx, dtype=str).fillna("")
    assert frame["response_id"].tolist() == ["b.csv:2", "a.csv:2", "b.csv:3"]
    frame.loc[frame["response_id"] == "b.csv:2", ["owner", "contacted_at"]] = ["Amy", "2026-11-05"]
    path = tmp_path / "returned.xlsx"
    frame.to_excel(path, index=False)
    result = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column=None,
        comment_column="Why?",
        as_of=dt.date(2026, 11, 25),
    )
    assert (result.total, result.contacted) == (3, 1)
    assert result.open["response_id"].tolist() == ["a.csv:2", "b.csv:3"]
    _, outputs = run_section(
        sections.detractors, unit, id_column=None, comment_column="Why?", contact_column=None
    )
    shown = "".join(o.get("text/html", "") for o in outputs)
    assert "b.csv:2" in shown and ">4<" not in shown


def test_row_number_ids_of_a_reordered_export_are_refused(tmp_path: Path) -> None:
    # The export was re-sorted (or a response deleted) after the work file was made: row 4 is
    # now someone else, and matching by row number would mark the wrong patient as called.
    unit = forms_unit(tmp_path / "export.csv")
    path = returned_forms_file(tmp_path, unit)
    moved = forms_unit(tmp_path / "export.csv", [FORMS_ROWS[i] for i in (1, 0, 3, 2)])
    with pytest.raises(DataError) as err:
        loop_status(
            read_status(path), moved.responses, source=path, id_column=None, comment_column=None
        )
    assert str(err.value) == (
        f"{path}: the response ids are row numbers of the export (it has no id column) and 3 of "
        "them no longer point at the response listed: response 4 is dated 2026-11-04 in this "
        "file but row 4 of the export is dated 2026-11-20; response 2 is dated 2026-11-02 in "
        "this file but row 2 of the export is dated 2026-11-03; response 5 is dated 2026-11-20 "
        "in this file but row 5 of the export is dated 2026-11-04. The export's rows moved "
        "(sorted, or a response deleted), so the team's calls cannot be matched to the right "
        "people safely. Set columns.id to a column unique to each response (a Google Forms export: "
        "columns.id: Timestamp), run the report again for a new work file and copy the team's "
        "entries into it."
    )


def test_still_open_counts_the_list_less_those_the_status_file_says_were_contacted(
    tmp_path: Path,
) -> None:
    unit = forms_unit(tmp_path / "export.csv")
    anonymous = followup_list(unit, id_column=None, comment_column=None, contact_column=None)
    # A list the team can work from: its people looked up by an id (here the submission time).
    found = dataclasses.replace(anonymous, id_name="Timestamp")
    path = returned_forms_file(tmp_path, unit)
    status = loop_status(
        read_status(path), unit.responses, source=path, id_column=None, comment_column=None
    )
    assert (len(found), still_open(found, None), still_open(found, status)) == (3, 3, 2)
    published = sections.summary(
        unit, sections.headline_section(unit).value, detractor_list=found, loop=status
    )
    assert (published.detractors_to_contact, published.detractors_contacted) == (2, 1)


def test_once_everyone_is_contacted_the_summary_drops_the_contact_action(
    tmp_path: Path,
) -> None:
    # QA22: the e-mail's first action was "Contact detractors who allowed it within 48 hours"
    # beside "2 of 2 contacted".
    from types import SimpleNamespace

    from nps_kit.strategy import Recommendation

    unit = forms_unit(tmp_path / "export.csv")
    anonymous = followup_list(unit, id_column=None, comment_column=None, contact_column=None)
    # A list the team can work from: its people looked up by an id (here the submission time).
    found = dataclasses.replace(anonymous, id_name="Timestamp")
    path = returned_forms_file(tmp_path, unit)
    status = loop_status(
        read_status(path), unit.responses, source=path, id_column=None, comment_column=None
    )
    every = dataclasses.replace(status, contacted_ids=frozenset(found.rows["response_id"]))
    contact = Recommendation("detractor", "general", "general", "Contact them", "…", 1)
    rest = [
        Recommendation("detractor", "theme", "price", "Fix the price", "…", 2),
        Recommendation("passive", "general", "general", "Ask passives", "…", 3),
        Recommendation("promoter", "general", "general", "Thank promoters", "…", 4),
    ]
    analysis = SimpleNamespace(themes=None, recommendations=(contact, *rest))
    head = sections.headline_section(unit).value

    def actions(loop: LoopStatus, listed: FollowupList = found) -> list[str]:
        published = sections.summary(
            unit,
            head,
            analysis=analysis,
            detractor_list=listed,
            loop=loop,  # type: ignore[arg-type]
        )
        return [a.text for a in published.actions]

    assert actions(status) == ["Contact them", "Fix the price", "Ask passives"]
    assert actions(every) == ["Fix the price", "Ask passives", "Thank promoters"]
    # No id, consent or contact detail: nobody on the list can be called back (QA44).
    assert actions(status, anonymous) == ["Fix the price", "Ask passives", "Thank promoters"]


# --- dates the team types, and a status file that cannot be used -------------------------------


def typed_status(tmp_path: Path, unit: UnitData, **contacted: str) -> Path:
    """The work file returned with ``contacted_at`` typed as text, as a UK team types it."""
    found = followup_list(
        unit, id_column=None, comment_column="Why?", contact_column=None, as_of=AS_OF
    )
    files = write_work_files(work_table(found), tmp_path, "north")
    frame = pd.read_excel(files.xlsx, dtype=str).fillna("")
    for rid, value in contacted.items():
        frame.loc[frame["response_id"] == rid.removeprefix("r"), "contacted_at"] = value
    path = tmp_path / "north_followups_returned.xlsx"
    frame.to_excel(path, index=False)
    return path


def test_a_uk_team_s_day_first_dates_are_read_day_first(tmp_path: Path) -> None:
    # QA20: "03/12/2026" typed by the call-back team failed the whole report.
    unit = forms_unit(tmp_path / "export.csv")
    path = typed_status(tmp_path, unit, r4="03/12/2026", r2="6/11/2026")
    result, _ = run_section(
        sections.followup_status,
        unit,
        path,
        id_column=None,
        comment_column="Why?",
        timezone="Europe/London",
    )
    # Row 4 answered 4 Nov, called 3 Dec (29 days); row 2 answered 2 Nov, called 6 Nov (4).
    assert (result.contacted, result.median_days) == (2, 16.5)
    assert result.warnings == ()
    # A US team's 6/11/2026 is 11 June: before the answer, so not timed as -… days.
    us = read_status(path, date_order=date_order("en", "America/New_York"))
    assert us["contacted_at"].dt.strftime("%Y-%m-%d").tolist()[:2] == ["2026-03-12", "2026-06-11"]


def test_an_unreadable_date_is_named_in_the_box_and_the_rest_is_built(tmp_path: Path) -> None:
    unit = forms_unit(tmp_path / "export.csv")
    path = typed_status(tmp_path, unit, r4="yesterday")
    result, outputs = run_section(
        sections.followup_status,
        unit,
        path,
        id_column=None,
        comment_column="Why?",
        timezone="Europe/London",
    )
    # Something was typed as the contact date: contacted, but not timed.
    assert (result.total, result.contacted, result.timed) == (3, 1, 0)
    warning = (
        f"{path}: row 2, contacted_at: 'yesterday' is not a date; counted as contacted, left "
        "out of the median days. Write dates as 2026-11-03 or 3/11/2026, or leave them blank."
    )
    assert result.warnings == (warning,)
    html = outputs[0]["text/html"]
    # The report names the file, not the server's path (the report travels; the run says both).
    assert f"<p>{path.name}: row 2, contacted_at: &#x27;yesterday&#x27; is not a date" in html
    assert "1 of 3 contacted" in html
    published = sections.summary(
        unit, sections.headline_section(unit).value, detractor_list=None, loop=result
    )
    assert published.followup_warnings == (warning,)


def test_a_japanese_file_is_warned_about_in_japanese_with_its_own_column_names(
    tmp_path: Path,
) -> None:
    # QA23: the Japanese report's box said "row 3, contacted_at: '12月4日' is not a date" in
    # English, naming a column the returned minami.xlsx does not have (連絡日), and refused
    # 12月4日 and 12/3, as a receptionist types them a few days before the report.
    path = tmp_path / "minami.xlsx"
    pd.DataFrame(
        {
            "回答ID": ["R1", "R2", "R3", "R4", "R5"],
            "状況": ["済", "済", "済", "済", ""],
            "連絡日": ["12月4日", "12/3", "1/15", "あした", ""],
        }
    ).to_excel(path, index=False)
    read = read_status_file(path, today=dt.date(2026, 12, 5))
    assert read.rows["contacted_at"].dt.strftime("%Y-%m-%d").fillna("").tolist() == [
        "2026-12-04",
        "2026-12-03",
        "",
        "",
        "",
    ]
    assert read.rows["contacted_unread"].tolist() == [False, False, True, True, False]
    assert read.warnings("ja") == (
        f"{path}：4行目の連絡日「1/15」には年がなく、このレポートの作成日（2026-12-05）までの"
        "8週間のどの日かが決まりません。連絡済みとして数え、連絡までの日数の中央値には入れて"
        "いません。年も書いてください（例：2026/11/03、2026年11月3日）。",
        f"{path}：5行目の連絡日「あした」は日付として読めません。連絡済みとして数え、連絡までの"
        "日数の中央値には入れていません。日付は2026-11-03（または2026/11/03、2026年11月3日）"
        "のように書くか、空欄にしてください。",
    )
    assert read.warnings("en")[0] == (
        f"{path}: row 4, 連絡日: '1/15' has no year and is not one date of the 8 weeks up to "
        "this report (2026-12-05); counted as contacted, left out of the median days. Write the "
        "year too: 2026-11-03 (or 2026/11/03, 2026年11月3日)."
    )
    # Without the report's day (read_status, the CLI's reader), no year is guessed.
    assert read_status_file(path).rows["contacted_at"].isna().tolist() == [True] * 5


def test_the_japanese_report_s_box_speaks_japanese(tmp_path: Path) -> None:
    (tmp_path / "export.csv").write_text(FORMS_HEADER + "\n".join(FORMS_ROWS) + "\n")
    unit = prepare_unit(
        tmp_path / "export.csv",
        name="南口",
        language="ja",
        period="2026-11",
        score_column="Score",
        date_column="Timestamp",
        text_columns=["Why?"],
    )
    path = tmp_path / "minami.csv"
    path.write_text("回答ID,状況,連絡日\n4,済,あした\n", encoding="utf-8")
    result, outputs = run_section(
        sections.followup_status, unit, path, id_column=None, comment_column="Why?"
    )
    assert result.warnings == (
        f"{path}：2行目の連絡日「あした」は日付として読めません。連絡済みとして数え、連絡までの"
        "日数の中央値には入れていません。日付は2026-11-03（または2026/11/03、2026年11月3日）"
        "のように書くか、空欄にしてください。",
    )
    assert (
        "<p>minami.csv：2行目の連絡日「あした」は日付として読めません。" in outputs[0]["text/html"]
    )


def test_a_status_file_that_cannot_be_used_is_said_in_the_box_not_a_failed_report(
    tmp_path: Path,
) -> None:
    unit = forms_unit(tmp_path / "export.csv")
    path = returned_forms_file(tmp_path, unit)
    forms_unit(tmp_path / "export.csv", [FORMS_ROWS[i] for i in (1, 0, 3, 2)])
    moved = forms_unit(tmp_path / "export.csv", [FORMS_ROWS[i] for i in (1, 0, 3, 2)])
    result, outputs = run_section(
        sections.followup_status, moved, path, id_column=None, comment_column=None
    )
    assert isinstance(result, LoopRefused)
    assert result.message.startswith(f"{path}: the response ids are row numbers")
    assert result.message.endswith("copy the team's entries into it.")
    assert "no longer point at the response listed" in outputs[0]["text/html"]
    published = sections.summary(
        moved, sections.headline_section(moved).value, detractor_list=None, loop=result
    )
    assert published.followup_warnings == (result.message,)


def test_the_list_says_by_when_to_call_and_marks_the_overdue(unit: UnitData) -> None:
    # QA20: the playbook's first action is "within 48 hours", yet people answered 7-30 days
    # ago were listed with no due date and nothing marked overdue.
    found = listing(unit, as_of=dt.date(2026, 10, 30))
    html = followup_html(found, lang="en").data
    # R12 answered 2026-10-30: call by 2026-11-01, not overdue; R06 (10-26) was due 10-28.
    cells = {
        rid: re.sub(r"<[^>]+>", "", cell)
        for rid, cell in re.findall(
            r'data-label="Response ID">(R\d\d)</td>.*?data-label="Call by">(.*?)</td>', html
        )
    }
    assert cells["R12"] == "2026-11-01"
    assert cells["R06"] == "2026-10-28 (overdue)"
    # The date never wraps at its hyphens; the mark goes under it (QA20's 1280 px table).
    assert (
        '<span class="nps-followup__due">2026-10-28</span> <span class="nps-followup__overdue">'
        in html
    )
    assert "Call by: within 48 hours of the response, the playbook's first action" in html.replace(
        "&#x27;", "'"
    )
    ja = followup_html(found, lang="ja").data
    assert re.sub(r"<[^>]+>", "", ja.split('data-label="連絡期限">')[1].split("</td>")[0]) in (
        "2026-11-01",
        "2026-10-28（期限切れ）",
    )
    assert "（期限切れ）</span></td>" in ja


def test_the_daily_alerts_are_suggested_only_where_they_can_work(unit: UnitData) -> None:
    # QA20: section 7 told a Google Forms unit (no id, no consent) to use the daily alerts,
    # which skip it.
    line = "To reach new detractors within a day, use the daily alerts (nps-kit alerts)."
    assert line in followup_html(listing(unit), lang="en", alerts=True).data
    assert line not in followup_html(listing(unit), lang="en").data
    _, outputs = run_section(
        sections.detractors,
        unit,
        id_column="response_id",
        comment_column="comment",
        contact_column="contact_ok",
    )
    assert "毎日の通知" in outputs[0]["text/html"]
    _, outputs = run_section(
        sections.detractors, unit, id_column=None, comment_column="comment", contact_column=None
    )
    assert "毎日の通知" not in outputs[0]["text/html"]


def test_a_rerun_never_carries_the_team_s_entries_to_a_row_that_now_holds_someone_else(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Row-number ids (QA20): the export was re-sorted between two runs; row 4 is now another
    # person, who must not inherit "Amy called".
    unit = forms_unit(tmp_path / "export.csv")
    found = followup_list(unit, id_column=None, comment_column=None, contact_column=None)
    files = write_work_files(work_table(found), tmp_path, "north")
    type_into(files.csv, "4", time.time_ns() + 5_000_000_123, owner="Amy", status="done")
    moved = forms_unit(tmp_path / "export.csv", [FORMS_ROWS[i] for i in (1, 0, 3, 2)])
    again = followup_list(moved, id_column=None, comment_column=None, contact_column=None)
    write_work_files(work_table(again), tmp_path, "north")
    table = pd.read_csv(files.csv, dtype=str, keep_default_na=False).set_index("response_id")
    assert table.loc["4", ["owner", "status"]].tolist() == ["", ""]
    assert capsys.readouterr().err == (
        "north: warning: response 4 is dated 2026-11-20 now but 2026-11-04 in the work files: "
        "its owner, status, contacted_at and note were not carried over (the export's rows "
        "moved; set columns.id to a column unique to each response).\n"
    )


@pytest.mark.parametrize(
    "excel_date", ["%Y/%m/%d %H:%M", "%Y/%m/%d", "%d/%m/%Y %H:%M"], ids=["ja", "ja-day", "uk"]
)
def test_a_work_file_whose_dates_excel_rewrote_keeps_the_team_s_entries(
    unit: UnitData, tmp_path: Path, capsys: pytest.CaptureFixture[str], excel_date: str
) -> None:
    # Excel opens the CSV, reads the date column as dates and saves them in the user's own
    # format ("2026/11/25 22:12" in Japan): the rows did not move, so nothing typed is lost.
    table = work_table(listing(unit))
    files = write_work_files(table, tmp_path, "ec")
    frame = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    frame["date"] = pd.to_datetime(frame["date"]).dt.strftime(excel_date)
    frame.loc[frame["response_id"] == "R05", ["owner", "status"]] = ["佐藤", "done"]
    frame.to_csv(files.csv, index=False, encoding="utf-8-sig")
    saved = time.time_ns() + 5_000_000_123
    os.utime(files.csv, ns=(saved, saved))
    write_work_files(table, tmp_path, "ec", date_order="day-first")
    again = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert again.set_index("response_id").loc["R05", ["owner", "status"]].tolist() == [
        "佐藤",
        "done",
    ]
    assert "warning" not in capsys.readouterr().err


def test_a_date_without_a_time_is_called_by_the_end_of_its_second_day() -> None:
    # QA21: 「令和8年11月29日」 read as 00:00 was due 2026-12-01 00:00 and overdue a day early.
    answered = pd.Series(pd.to_datetime(["2026-11-29 00:00", "2026-11-29 15:00"]))
    due, late = call_by(answered, now=dt.datetime(2026, 12, 1, 18, 0))
    assert due.tolist() == [
        pd.Timestamp("2026-12-01 23:59:59"),
        pd.Timestamp("2026-12-01 15:00"),
    ]
    assert late.tolist() == [False, True]


# --- a form without a consent question: those who left a number, as alerts reads it -------------

LEFT_HEADER = "Timestamp,Score,Why?,Your name (optional),Phone (optional)\n"
LEFT_ROWS = [
    "11/23/2026 09:00:00,2,Rude receptionist,Sarah Jones,07740 409632",
    "11/23/2026 10:00:00,3,Waited an hour,Tom Whitaker,",
    "11/24/2026 11:00:00,5,Too pricey,,N/A",
    "11/24/2026 12:00:00,9,Lovely staff,Priya Shah,07111 222333",
    "11/25/2026 13:00:00,0,It really hurt,,07999 888777",
]


def left_unit(path: Path) -> UnitData:
    path.write_text(LEFT_HEADER + "\n".join(LEFT_ROWS) + "\n", encoding="utf-8")
    return prepare_unit(
        path,
        name="North",
        language="en",
        period="2026-11",
        score_column="Score",
        date_column="Timestamp",
        id_column="Timestamp",
        text_columns=["Why?"],
    )


def test_without_a_consent_column_the_report_lists_who_left_a_way_to_reach_them(
    tmp_path: Path,
) -> None:
    # FIX25 (QA22 follow-up): alerts alerted the detractors who left a number (fix21), while
    # section 7 listed every detractor as "consent unknown" and never mentioned the alerts.
    # The report now reads the same rule (closed_loop.contactable_detractors with the details).
    unit = left_unit(tmp_path / "export.csv")
    value, outputs = run_section(
        sections.detractors,
        unit,
        id_column="Timestamp",
        comment_column="Why?",
        contact_column=None,
        contact_details=["Your name (optional)", "Phone (optional)"],
    )
    assert value.rows["comment"].tolist() == ["It really hurt", "Rude receptionist"]
    assert value.consent_known and value.unreachable == 2
    html = "\n".join(o["text/html"] for o in outputs if "text/html" in o)
    assert "consent to contact unknown" not in html and "No consent column" not in html
    assert "2 detractors left a way to reach them" in html
    assert (
        "No consent question: a detractor who left a way to reach them in “Phone (optional)” "
        "asked to be contacted that way, as the daily alerts read it. 2 other detractors left "
        "none and are not listed." in html
    )
    assert "use the daily alerts (nps-kit alerts)" in html
    ja = followup_html(value, lang="ja").data
    assert "連絡先を残した批判者2人" in ja and "「Phone (optional)」に連絡先を残した批判者を" in ja
    assert '連絡先を残さなかった批判者<span class="nps-nb">2人</span>は載せていません。' in ja
    assert "同意の有無" not in ja
    # Who they are and their numbers stay out of the report (the work files carry them).
    for private in ("07740", "07999", "Sarah Jones"):
        assert private not in html
    # Without an id, alerts cannot work: the report does not point to them.
    _, outputs = run_section(
        sections.detractors,
        unit,
        id_column=None,
        comment_column="Why?",
        contact_column=None,
        contact_details=["Phone (optional)"],
    )
    html = "\n".join(o["text/html"] for o in outputs if "text/html" in o)
    assert "2 detractors left a way to reach them" in html and "nps-kit alerts" not in html


def test_the_report_points_to_the_alerts_only_when_the_alerts_check_passes(
    tmp_path: Path,
) -> None:
    # FIX30: sections.detractors pointed to the daily alerts on an id and consent alone; the
    # alerts' blocker also needs the date (--since). One check (closed_loop.alerts_need).
    from nps_kit.closed_loop import alerts_need

    assert alerts_need(
        id_column="Timestamp", date_column=None, contact_column=None, details=["Phone"]
    ) == ("no columns.date, which --since needs. Set columns.date to the response date")
    unit = left_unit(tmp_path / "export.csv")
    undated = dataclasses.replace(unit, load=dataclasses.replace(unit.load, date_column=None))
    pointer = "use the daily alerts (nps-kit alerts)"
    for data, shown in ((unit, True), (undated, False)):
        _, outputs = run_section(
            sections.detractors,
            data,
            id_column="Timestamp",
            comment_column="Why?",
            contact_column=None,
            contact_details=["Phone (optional)"],
        )
        html = "\n".join(o["text/html"] for o in outputs if "text/html" in o)
        assert (pointer in html) is shown


def test_alerts_and_the_report_share_one_rule_for_who_may_be_contacted() -> None:
    from nps_kit.closed_loop import consent_known

    assert consent_known(contact_column="ok", details=()) is True
    assert consent_known(contact_column=None, details=["Phone"]) is True
    assert consent_known(contact_column=None, details=()) is False


def test_one_basis_says_why_the_listed_detractors_may_be_contacted(tmp_path: Path) -> None:
    # FIX30: section 7 said "left a way to reach them" while the e-mail said "allowed
    # contact": the list carries its basis, and every surface words the count from it.
    from nps_kit.closed_loop import contact_basis

    assert contact_basis(contact_column="ok", details=["Phone"]) == "consent"
    assert contact_basis(contact_column=None, details=["Your name", "Phone"]) == "details"
    assert contact_basis(contact_column=None, details=()) is None
    unit = left_unit(tmp_path / "export.csv")
    kwargs: dict[str, Any] = {"id_column": "Timestamp", "comment_column": "Why?"}
    by_details = followup_list(unit, contact_column=None, details=["Phone (optional)"], **kwargs)
    assert by_details.basis == "details"
    assert followup_list(unit, contact_column=None, **kwargs).basis is None


def test_names_alone_reach_nobody_and_say_so(tmp_path: Path) -> None:
    # QA23: contact_details naming only a name column (RecipientFirstName, 氏名) listed
    # nobody in section 7 ("No detractor allowed contact.") without a word. A name gives no
    # consent and no way to reach: consent is unknown, as without details, and the box says
    # which columns are names and what to set.
    from nps_kit.closed_loop import names_only

    assert names_only(contact_column=None, details=["RecipientFirstName", "氏名"]) == (
        "columns.contact_details lists only name columns ('RecipientFirstName', '氏名'): a "
        "name says who someone is, not how to reach them, so no detractor counts as having "
        "left a way to be contacted. Add the column where respondents leave a phone number or "
        "e-mail address (e.g. RecipientEmail) to columns.contact_details, or set "
        "columns.contact to a consent (Yes/No) question"
    )
    assert names_only(contact_column="ok", details=["氏名"]) is None
    assert names_only(contact_column=None, details=["氏名", "電話番号"]) is None
    assert names_only(contact_column=None, details=()) is None
    unit = left_unit(tmp_path / "export.csv")
    found = followup_list(
        unit,
        id_column="Timestamp",
        comment_column="Why?",
        contact_column=None,
        details=["Your name (optional)"],
    )
    assert not found.consent_known and found.basis is None
    assert found.names == ("Your name (optional)",)
    assert len(found) == 4  # every detractor, as with consent unknown
    english = re.sub(r"<[^>]+>", "", followup_html(found, lang="en").data)
    assert (
        "The contact-details columns “Your name (optional)” are names, not ways to reach "
        "anyone: add the column where respondents leave a phone number or e-mail address to "
        "columns.contact_details, or set columns.contact to a consent question." in english
    )
    assert "4 detractors (consent to contact unknown)" in english
    japanese = re.sub(r"<[^>]+>", "", followup_html(found, lang="ja").data)
    assert "「Your name (optional)」は氏名の列で、連絡の方法ではありません。" in japanese


@pytest.mark.slow
def test_run_lists_a_forms_units_callers_as_alerts_would_alert_them(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Through `nps-kit run` on a Google-Forms-like export (no consent column, a phone column):
    # the report's list, its work file and the alerts are the same two people.
    from nps_kit.cli import main

    (tmp_path / "responses.csv").write_text(
        LEFT_HEADER + "\n".join(LEFT_ROWS) + "\n", encoding="utf-8"
    )
    params = tmp_path / "parameters"
    params.mkdir()
    (params / "defaults.yaml").write_text(
        "language: en\ndata: {path: ../responses.csv, date_format: month-first}\n"
        "columns: {score: Score, date: Timestamp, id: Timestamp, comment: 'Why?', contact: null, "
        "contact_details: ['Your name (optional)', 'Phone (optional)']}\n",
        encoding="utf-8",
    )
    (params / "north.yaml").write_text(
        "name: North\nperiod: 2026-11\nfollowups: [{column: 'Why?', type: text, label: Why}]\n",
        encoding="utf-8",
    )
    notebook = Path(sections.__file__).parent.parent / "resources" / "nps_report.ipynb"
    output = tmp_path / "reports"
    argv = ["run", "north", "--parameters", str(params), "--notebook", str(notebook)]
    assert main([*argv, "--output", str(output)]) == 0
    html = (output / "2026-11" / "north.html").read_text(encoding="utf-8")
    assert "2 detractors left a way to reach them" in html
    assert "use the daily alerts (nps-kit alerts)" in html
    assert "consent to contact unknown" not in html and "07999" not in html
    csv = pd.read_csv(work_files(output / "2026-11", "north").csv, dtype=str, keep_default_na=False)
    assert csv["Phone (optional)"].tolist() == ["07999 888777", "07740 409632"]


# --- a work file Excel re-saved with dates that read both ways (FIX26) --------------------------

# Rows 2, 4 and 6 are detractors answered on 2, 4 and 6 November; row 5's 20 November shows
# that the export writes month first (Google Forms).
_US_ROWS = [
    "11/02/2026 09:00:00,Leeds,3,Waited an hour",
    "11/03/2026 10:00:00,Leeds,10,Lovely",
    "11/04/2026 11:00:00,Leeds,1,Rude receptionist",
    "11/20/2026 12:00:00,Leeds,9,Great",
    "11/06/2026 13:00:00,Leeds,5,Too expensive",
]
# The same export written day first (a UK tool), and with ISO dates (no order to read).
_UK_ROWS = [f"{r[3:5]}/{r[:2]}{r[5:]}" for r in _US_ROWS]
_ISO_ROWS = [f"2026-{r[:2]}-{r[3:5]}{r[10:]}" for r in _US_ROWS]


def _excel_resaved(path: Path, order: str, **typed: dict[str, str]) -> None:
    """Save the work file's dates as Excel does in a US (month-first) or UK locale: 11/4/2026."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    when = pd.to_datetime(frame["date"])
    day, month = when.dt.day.astype(str), when.dt.month.astype(str)
    first, second = (month, day) if order == "month-first" else (day, month)
    frame["date"] = first + "/" + second + "/" + when.dt.strftime("%Y")
    for rid, cells in typed.items():
        for column, value in cells.items():
            frame.loc[frame["response_id"] == rid.removeprefix("r"), column] = value
    frame.to_csv(path, index=False, encoding="utf-8-sig")
    saved = time.time_ns() + 5_000_000_123
    os.utime(path, ns=(saved, saved))


@pytest.mark.parametrize(
    ("rows", "order"), [(_US_ROWS, "month-first"), (_UK_ROWS, "day-first")], ids=["us", "uk"]
)
def test_a_moved_row_is_found_in_an_excel_work_file_by_the_export_s_date_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], rows: list[str], order: str
) -> None:
    # An English unit without a timezone: Excel re-saved 2026-11-04 as 11/4/2026 (US) or
    # 4/11/2026 (UK), which read both ways, so they were left unread and the re-sorted row 4
    # (now someone else) inherited "Amy, done". They read as the export's dates do.
    unit = forms_unit(tmp_path / "export.csv", rows)
    assert unit.load.date_order == order
    found = followup_list(unit, id_column=None, comment_column=None, contact_column=None)
    files = write_work_files(work_table(found), tmp_path, "north")
    _excel_resaved(files.csv, order, r4={"owner": "Amy", "status": "done"})
    moved = forms_unit(tmp_path / "export.csv", [rows[i] for i in (2, 1, 0, 3, 4)])
    again = followup_list(moved, id_column=None, comment_column=None, contact_column=None)
    capsys.readouterr()
    write_work_files(work_table(again), tmp_path, "north", export_order=moved.load.date_order)
    table = pd.read_csv(files.csv, dtype=str, keep_default_na=False).set_index("response_id")
    assert table.loc["4", ["owner", "status"]].tolist() == ["", ""]
    example = "March 4" if order == "month-first" else "3 April"
    other = "day-first" if order == "month-first" else "month-first"
    written = "11/4/2026" if order == "month-first" else "4/11/2026"
    assert capsys.readouterr().err == (
        "north: note: north_followups.csv/.xlsx: the dates that read both ways (no day over 12) "
        f"were read {order} (3/4/2026 is {example}): the unit reads its export's dates {order} "
        f"(data.date_format, or detected). If the team writes them {other}, set the unit's "
        "timezone to theirs.\n"
        f"north: warning: response 4 is dated 2026-11-02 now but {written} in the "
        "work files: its owner, status, contacted_at and note were not carried over (the "
        "export's rows moved; set columns.id to a column unique to each response).\n"
    )


def test_work_file_dates_nothing_orders_are_said_to_be_unchecked(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # ISO dates in the export and no timezone: nothing says how 11/4/2026 reads.
    unit = forms_unit(tmp_path / "export.csv", _ISO_ROWS)
    assert unit.load.date_order is None
    found = followup_list(unit, id_column=None, comment_column=None, contact_column=None)
    files = write_work_files(work_table(found), tmp_path, "north")
    _excel_resaved(files.csv, "month-first", r4={"owner": "Amy"})
    capsys.readouterr()
    write_work_files(work_table(found), tmp_path, "north", export_order=unit.load.date_order)
    table = pd.read_csv(files.csv, dtype=str, keep_default_na=False).set_index("response_id")
    assert table.loc["4", "owner"] == "Amy"
    assert capsys.readouterr().err == (
        "north: warning: the dates of north_followups.csv/.xlsx read both ways (no day over 12) "
        "and nothing says which order, so whether the export's rows moved since cannot be "
        "checked: set the unit's timezone to the team's.\n"
    )


@pytest.mark.parametrize(
    ("rows", "order"), [(_US_ROWS, "month-first"), (_UK_ROWS, "day-first")], ids=["us", "uk"]
)
def test_a_status_file_excel_re_saved_is_read_by_the_export_s_date_order(
    tmp_path: Path, rows: list[str], order: str
) -> None:
    # The returned file's dates and the contact date typed in the same format: row 4 was
    # answered on 4 November and called on the 5th.
    unit = forms_unit(tmp_path / "export.csv", rows)
    found = followup_list(unit, id_column=None, comment_column="Why?", contact_column=None)
    files = write_work_files(work_table(found), tmp_path, "north")
    called = "11/5/2026" if order == "month-first" else "5/11/2026"
    _excel_resaved(files.csv, order, r4={"owner": "Amy", "contacted_at": called})
    result, outputs = run_section(
        sections.followup_status, unit, files.csv, id_column=None, comment_column="Why?"
    )
    assert (result.contacted, result.median_days, result.warnings) == (1, 1.0, ())
    example = "March 4" if order == "month-first" else "3 April"
    assert result.order_note == (
        f"{files.csv}: the dates that read both ways (no day over 12) were read {order} "
        f"(3/4/2026 is {example}): the unit reads its export's dates {order} (data.date_format, "
        f"or detected). If the team writes them "
        f"{'day-first' if order == 'month-first' else 'month-first'}, set the unit's timezone "
        "to theirs."
    )
    assert "north_followups.csv: the dates that read both ways" in outputs[0]["text/html"]
    # Re-sorted since: refused, and the refusal says how the dates were read.
    moved = forms_unit(tmp_path / "export.csv", [rows[i] for i in (2, 1, 0, 3, 4)])
    result, _ = run_section(
        sections.followup_status, moved, files.csv, id_column=None, comment_column="Why?"
    )
    assert isinstance(result, LoopRefused)
    assert "row 4 of the export is dated 2026-11-02" in result.message
    assert "(data.date_format, or detected)" in result.message
    assert "set the unit's timezone to theirs.) The export's rows moved" in result.message


def test_status_file_dates_nothing_orders_stay_unread(tmp_path: Path) -> None:
    unit = forms_unit(tmp_path / "export.csv", _ISO_ROWS)
    found = followup_list(unit, id_column=None, comment_column="Why?", contact_column=None)
    files = write_work_files(work_table(found), tmp_path, "north")
    _excel_resaved(files.csv, "month-first", r4={"owner": "Amy", "contacted_at": "11/5/2026"})
    read = read_status_file(files.csv, export_order=unit.load.date_order)
    assert read.order_note() is None
    assert read.unreadable["value"].tolist() == ["11/5/2026", "11/4/2026", "11/2/2026", "11/6/2026"]


def test_a_day_over_12_in_one_column_orders_the_file_s_other_dates(tmp_path: Path) -> None:
    # A UK team's Excel: 4/11/2026 (the response date) reads both ways, 13/11/2026 (the
    # contact date typed in the same file) only day first; one spreadsheet wrote both.
    unit = forms_unit(tmp_path / "export.csv", _ISO_ROWS)
    found = followup_list(unit, id_column=None, comment_column="Why?", contact_column=None)
    files = write_work_files(work_table(found), tmp_path, "north")
    _excel_resaved(files.csv, "day-first", r4={"owner": "Amy", "contacted_at": "13/11/2026"})
    read = read_status_file(files.csv, export_order=unit.load.date_order)
    assert read.unreadable.empty
    assert read.rows["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2026-11-04",
        "2026-11-02",
        "2026-11-06",
    ]
    assert read.order == "day-first"
    assert read.order_note() is not None
    assert "a day over 12 among the file's other dates shows it" in read.order_note()


def test_work_files_keep_account_and_phone_numbers_as_written_and_numbers_as_numbers(
    tmp_path: Path,
) -> None:
    # QA23: an account number with blanks read as a float showed "36236141.0" in the work
    # files, a mobile typed without spaces lost its leading 0, and the XLSX stored age_days
    # and score as text (Excel's "number stored as text"; sorting and filters read them as
    # text).
    header = HEADER.rstrip("\n") + ",account,mobile\n"
    extra = {"R05": ",36236141,07700900123", "R11": ",,", "R06": ",44304012,"}
    rows = [row + extra.get(row.split(",")[0], ",,") for row in ROWS]
    path = tmp_path / "export.csv"
    path.write_text(header + "\n".join(rows) + "\n", encoding="utf-8")
    unit = unit_of(path)
    table = with_contact_details(
        work_table(listing(unit)),
        unit.responses,
        id_column="response_id",
        contact_column="contact_ok",
        details=["account", "mobile"],
    )
    files = write_work_files(table, tmp_path, "ec")
    csv = pd.read_csv(files.csv, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    assert csv.set_index("response_id").loc["R05", ["account", "mobile"]].tolist() == [
        "36236141",
        "07700900123",
    ]
    assert csv.set_index("response_id").loc["R06", "account"] == "44304012"
    sheet = openpyxl.load_workbook(files.xlsx).active
    assert sheet is not None
    header_row = [c.value for c in sheet[1]]
    cells = {
        row[0].value: dict(zip(header_row, row, strict=True)) for row in sheet.iter_rows(min_row=2)
    }
    r05 = cells["R05"]
    assert (r05["score"].value, r05["score"].data_type) == (3, "n")
    assert r05["age_days"].data_type == "n" and isinstance(r05["age_days"].value, int)
    assert (r05["account"].value, r05["account"].data_type) == ("36236141", "s")
    assert (r05["mobile"].value, r05["mobile"].data_type) == ("07700900123", "s")
    assert (r05["response_id"].data_type, r05["comment"].data_type) == ("s", "s")
    assert cells["R11"]["account"].value is None  # no account: an empty cell


# --- ids with leading zeros (QA24: 顧客番号 0055584) ------------------------------------------

ZEROS = (
    "id,submitted_at,score,comment,ok\n"
    "0055584,2026-10-02,3,遅い,はい\n"
    "0079351,2026-10-03,5,高い,はい\n"
    "0003234,2026-10-04,2,狭い,はい\n"
)


def zero_unit(tmp_path: Path) -> UnitData:
    export = tmp_path / "export.csv"
    export.write_text(ZEROS, encoding="utf-8")
    return prepare_unit(export, name="U", period="2026-10")


def zero_xlsx(tmp_path: Path) -> Path:
    # As the work file holds them: the ids are text cells (openpyxl data_type "s").
    path = tmp_path / "熊谷店_followups.xlsx"
    pd.DataFrame(
        {"回答ID": ["0055584", "0079351", "0003234"], "状況": ["連絡済", "", ""]}
    ).to_excel(path, index=False)
    assert openpyxl.load_workbook(path).active["A2"].data_type == "s"
    return path


def test_a_returned_xlsx_keeps_its_text_ids_as_written(tmp_path: Path) -> None:
    # QA24: read as ['55584', '79351', '3234'], so no id matched the export's.
    rows = read_status_file(zero_xlsx(tmp_path)).rows
    assert rows["response_id"].tolist() == ["0055584", "0079351", "0003234"]


def test_the_open_list_has_the_export_s_ids_scores_and_comments(tmp_path: Path) -> None:
    unit = zero_unit(tmp_path)
    path = zero_xlsx(tmp_path)
    result = loop_status(
        read_status(path), unit.responses, source=path, id_column="id", comment_column="comment"
    )
    assert result.contacted_ids == frozenset({"0055584"})
    assert result.open[["response_id", "score", "comment"]].to_dict("list") == {
        "response_id": ["0003234", "0079351"],
        "score": [2, 5],
        "comment": ["狭い", "高い"],
    }
    assert result.id_note is None


def test_the_summary_counts_those_contacted_when_ids_have_leading_zeros(tmp_path: Path) -> None:
    # QA24: the box said 12人中7人 but the manifest said 0 contacted, the e-mail
    # 「連絡可能な批判者12人（フォローアップ待ち）」 and the overview 12 open: they all read
    # the summary, which matched no id of the returned file.
    unit = zero_unit(tmp_path)
    found = followup_list(unit, id_column="id", comment_column="comment", contact_column="ok")
    path = zero_xlsx(tmp_path)
    status = loop_status(
        read_status(path), unit.responses, source=path, id_column="id", comment_column="comment"
    )
    published = sections.summary(
        unit, sections.headline_section(unit).value, detractor_list=found, loop=status
    )
    assert (published.detractors_to_contact, published.detractors_contacted) == (2, 1)


def test_ids_excel_stripped_of_their_zeros_match_the_export_and_the_box_says_so(
    tmp_path: Path,
) -> None:
    # QA24: 越谷店's CSV re-saved by Excel held 8609 for the export's 0008609.
    unit = zero_unit(tmp_path)
    path = tmp_path / "越谷店_followups.csv"
    path.write_text("回答ID,状況\n55584,連絡済\n79351,\n3234,\n", encoding="cp932")
    result = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column="id",
        comment_column="comment",
        lang="ja",
    )
    assert (result.contacted, result.contacted_ids) == (1, frozenset({"0055584"}))
    assert result.open["response_id"].tolist() == ["0003234", "0079351"]
    assert result.open["score"].tolist() == [2, 5]
    assert result.id_note == (
        f"{path}の回答ID 3件は先頭の0が消えていたため（Excelが数値として保存した例："
        "0055584 → 55584）、エクスポートの回答IDに戻して照合しました。"
    )
    html = loop_status_html(result, lang="ja").data
    assert "越谷店_followups.csvの回答ID 3件は先頭の0が消えていたため" in html
    english = loop_status(
        read_status(path), unit.responses, source=path, id_column="id", comment_column=None
    )
    assert english.id_note == (
        f"{path}: 3 response id(s) had lost their leading zeros (a spreadsheet saved them as "
        "numbers, e.g. 0055584 → 55584) and were matched to the export's ids."
    )


def test_a_stripped_id_that_fits_two_export_ids_is_not_matched_and_said(tmp_path: Path) -> None:
    export = tmp_path / "export.csv"
    export.write_text(
        "id,submitted_at,score,ok\n012345,2026-10-02,3,はい\n0012345,2026-10-03,5,はい\n",
        encoding="utf-8",
    )
    unit = prepare_unit(export, name="U", period="2026-10")
    path = tmp_path / "status.csv"
    path.write_text("response_id,status\n12345,done\n", encoding="utf-8")
    result = loop_status(
        read_status(path), unit.responses, source=path, id_column="id", comment_column=None
    )
    assert result.contacted_ids == frozenset({"12345"})
    assert result.warnings == (
        f"{path}: response id(s) 12345 lost their leading zeros and fit more than one of the "
        "export's ids (012345, 0012345), so they were not matched. Write them as the export does, "
        "as text.",
    )


# --- the returned file's common entries (QA24 finding 10) -----------------------------------


def test_done_without_a_date_is_contacted_and_a_voicemail_is_an_attempt(tmp_path: Path) -> None:
    # QA24: 「済」 with no date stayed open; 「留守電」 with a date counted as contacted.
    unit = zero_unit(tmp_path)
    path = tmp_path / "熊谷店_followups.xlsx"
    pd.DataFrame(
        {
            "回答ID": ["0055584", "0079351", "0003234"],
            "状況": ["済", "留守電", "不在"],
            "連絡日": ["", "2026-10-20", ""],
        }
    ).to_excel(path, index=False)
    result = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column="id",
        comment_column="comment",
        lang="ja",
    )
    assert (result.total, result.contacted, result.timed) == (3, 1, 0)
    assert result.contacted_ids == frozenset({"0055584"})
    assert result.open["status"].tolist() == [
        "不在（連絡を試みた・未接触）",
        "留守電（連絡を試みた・未接触）",
    ]
    assert result.entry_notes == (
        "日付のない「済」などの1人は連絡済みとして数え、連絡までの日数の中央値には"
        "入れていません（連絡日を書くと中央値に入ります）。",
        "「留守電」「不在」などの2人は連絡を試みた段階のため、未対応に残しています"
        "（話せたら状況を「連絡済」にしてください）。",
    )
    html = loop_status_html(result, lang="ja").data
    # FIX39: at 390 px a line ended after 「済」 and the next began with などの: kept whole.
    assert (
        '<p class="nps-loop__note">日付のない<span class="nps-nb">「済」などの</span>1人は' in html
    )
    assert '<span class="nps-nb">「留守電」「不在」などの</span>2人は' in html
    assert '状況を<span class="nps-nb">「連絡済」に</span>してください' in html


@pytest.mark.parametrize(
    ("word", "done"),
    [
        ("done", True),
        ("Called", True),
        ("対応済", True),
        ("済み", True),
        ("left voicemail", False),
        ("No answer", False),
        ("留守電", False),
    ],
)
def test_english_and_japanese_entries_are_read_alike(tmp_path: Path, word: str, done: bool) -> None:
    unit = zero_unit(tmp_path)
    path = tmp_path / "status.csv"
    path.write_text(f"response_id,status,contacted_at\n0055584,{word},2026-10-05\n", "utf-8")
    result = loop_status(
        read_status(path), unit.responses, source=path, id_column="id", comment_column=None
    )
    assert result.contacted == int(done)
    if not done:
        assert result.open["status"].tolist() == [f"{word} (attempted)"]
        assert result.entry_notes == (
            "1 marked as a voicemail or no answer are attempts, not contacts: they stay open "
            "(set the status to contacted once you reach them).",
        )


def test_a_date_that_reads_both_ways_says_the_order_is_ambiguous_and_what_decides_it(
    tmp_path: Path,
) -> None:
    # QA24: the insurer's (en, no timezone) 2/12/2026 and 12/03/2026 were "not a date".
    path = tmp_path / "status.csv"
    path.write_text("response_id,status,contacted_at\nR1,,2/12/2026\nR2,,3 Dec\n", encoding="utf-8")
    read = read_status_file(path, today=dt.date(2026, 12, 5))
    assert read.rows["contacted_at"].tolist()[1] == pd.Timestamp("2026-12-03")
    assert read.warnings("en") == (
        f"{path}: row 2, contacted_at: '2/12/2026' reads as 2026-12-02 day-first or "
        "2026-02-12 month-first, and nothing says which order the team writes; counted as "
        "contacted, left out of the median days. Set the unit's timezone to the team's "
        "(timezone: Europe/London reads day-first, America/New_York month-first), or write "
        "the date as 2026-12-02.",
    )
    assert read.warnings("ja") == (
        f"{path}：2行目のcontacted_at「2/12/2026」は日/月の順なら2026-12-02、月/日の順なら"
        "2026-02-12と読め、どちらの順かを決めるものがありません。連絡済みとして数え、連絡までの"
        "日数の中央値には入れていません。ユニットのtimezoneをチームの地域にする（例："
        "timezone: Europe/London なら日/月、America/New_York なら月/日の順で読みます）か、"
        "2026-12-02のように書いてください。",
    )
    london = read_status_file(path, date_order="day-first", today=dt.date(2026, 12, 5))
    assert london.unreadable.empty
    assert london.rows["contacted_at"].tolist()[0] == pd.Timestamp("2026-12-02")


def test_a_ticked_mark_is_contacted_and_a_status_not_understood_is_said(tmp_path: Path) -> None:
    # REVIEW23: "○" or 「電話しました」 with no date was counted open and overdue without a word;
    # a front desk's ticks count as contacted, and anything else typed is named in the box.
    unit = zero_unit(tmp_path)
    path = tmp_path / "status.csv"
    path.write_text(
        "response_id,status,contacted_at\n0055584,○,\n0079351,電話しました,\n0003234,山田さんへ,\n"
        "0075031,未対応,\n",
        "utf-8",
    )
    args = {"source": path, "id_column": "id", "comment_column": "comment"}
    result = loop_status(read_status(path), unit.responses, lang="ja", **args)
    assert result.contacted_ids == frozenset({"0055584", "0079351"})
    assert result.entry_notes[-1] == (
        "状況に「山田さんへ」と書かれた1人は、連絡済みとも連絡を試みたとも読めないため未対応に"
        "残しています（連絡できたら「連絡済」と連絡日を、留守電なら「留守電」と書いてください）。"
    )
    english = loop_status(read_status(path), unit.responses, lang="en", **args)
    assert english.entry_notes[-1] == (
        "1 with the status '山田さんへ' are left open: it reads neither as contacted nor as an "
        "attempt (write contacted and the date once reached, or voicemail)."
    )


def test_without_an_id_the_box_says_the_response_id_is_the_row_in_the_export(
    unit: UnitData,
) -> None:
    # QA34: with no columns.id the list's "Response ID" is the file's row; the box said "find
    # each person by Response ID in the export", a column the shop's export does not have.
    found = listing(unit, id_column=None)
    html = str(followup_html(found, lang="en", work_files=("a.csv", "a.xlsx")).data)
    # BROWSE35: the column is headed as the row it is, which the box names.
    # FIX87: in the manager's words; the setting is run's line for the analyst.
    assert (
        escape(
            "This list and its work files give no phone number or e-mail address: find each "
            "person in the export at the row the list's “Row in file” gives. To have contact "
            "details here, ask the analytics team."
        )
        in html
    )
    assert "Response ID" not in html
    assert "columns." not in html
    html = str(followup_html(found, lang="ja").data)
    assert (
        "一覧の「行番号（ファイル）」が示すエクスポートの行で該当する方を探してください。"
        "連絡先を一覧に載せるには、分析担当者にご相談ください。" in html
    )
    assert "columns." not in html
    assert "回答ID" not in html.replace("回答IDの列がない", "")


def test_an_answer_that_says_nothing_is_listed_as_no_comment(tmp_path: Path) -> None:
    # QA25 A-3/B-2: "-", "No", 特になし were the detractor's comment in the list, its cards and
    # work files (a blank shows "—"); the report counts none of them as a comment. A comment
    # that starts with "No" is one.
    said = {"R06": "-", "R13": "No.", "R11": "特になし", "R12": "No call back yet"}
    rows = [
        ",".join([*r.split(",")[:5], said[r[:3]], r.split(",")[-1]]) if r[:3] in said else r
        for r in ROWS
    ]
    found = listing(unit_of(write_export(tmp_path / "export.csv", rows)))
    # R05 only asks to be called back: no comment for the report, but the caller must read it.
    assert found.rows["comment"].tolist() == [
        "",
        "",
        "",
        "No call back yet",
        "連絡は [EMAIL] までお願いします",
    ]
    shown = str(followup_html(found, lang="ja").data)
    assert "特になし" not in shown
    assert ">-<" not in shown


def test_with_consent_and_no_contact_details_the_box_says_where_to_find_people(
    unit: UnitData, tmp_path: Path
) -> None:
    # QA25 A-4: the box sent the team to work files holding no phone number or address.
    found = listing(unit)
    assert found.unlisted == ()
    html = str(followup_html(found, lang="en", work_files=("a.csv", "a.xlsx")).data)
    # FIX87: the box is the manager's: what it means for them and whom to ask. Which columns
    # hold the details and what to set is the analyst's, on run's output (test_run).
    assert (
        "This list and its work files give no phone number or e-mail address: find each person "
        "by response_id in the export. To have contact details here, ask the analytics team."
        in html
    )
    assert "columns.contact_details" not in html
    export = tmp_path / "mail.csv"
    export.write_text(
        "response_id,submitted_at,business_unit,score,comment,contact_ok,電話番号\n"
        "R1,2026-10-02 09:00:00,EC,2,遅い,はい,090-1234-5678\n"
        "R2,2026-10-03 09:00:00,EC,9,良い,はい,03-1234-5678\n",
        encoding="utf-8",
    )
    found = listing(unit_of(export), breakdowns=[])
    assert found.unlisted == ("電話番号",)
    html = str(followup_html(found, lang="ja").data)
    assert (
        "この一覧と作業用ファイルには電話番号もメールアドレスもありません。エクスポートの"
        "response_idで該当する方を探してください。連絡先を一覧に載せるには、分析担当者に"
        "ご相談ください。" in html
    )
    assert "columns.contact_details" not in html and "電話番号」" not in html
    assert listing(unit_of(export), breakdowns=[], details=["電話番号"]).unlisted is None
    assert listing(unit_of(export), breakdowns=[], contact_column=None).unlisted is None


def test_a_detail_left_never_overrides_a_no_in_the_export_s_consent_question() -> None:
    # QA26 #2: with columns.contact null and contact_details [E-Mail], the alert and the
    # work file gave the e-mail of customers whose own row said 'Kontakt erlaubt: nein'.
    frame = pd.DataFrame(
        {
            "nps_score": pd.array([2, 3, 5, 1], dtype="Int64"),
            "nps_row": [1, 2, 3, 4],
            "Kontakt erlaubt": ["nein", "ja", "nein", None],
            "E-Mail": ["kunde682@beispiel.de", "kunde1@beispiel.de", "", "kunde2@beispiel.de"],
        }
    )
    assert left_contact_details(frame, ["E-Mail"]).tolist() == [False, True, False, True]
    found = contactable_detractors(frame, contact_column=None, details=["E-Mail"])
    assert found.index.tolist() == [1, 3]
    table = pd.DataFrame({"response_id": ["1", "2", "4"], "score": [2, 3, 1]})
    table = with_contact_details(
        table, frame, id_column=None, contact_column=None, details=["E-Mail"]
    )
    assert table["E-Mail"].tolist() == ["", "kunde1@beispiel.de", "kunde2@beispiel.de"]


# --- the close rate over the month's list (QA26 finding 6) ----------------------------------


@pytest.mark.parametrize(
    ("word", "done"),
    [
        ("angerufen", True),
        ("erreicht", True),
        ("Erledigt", True),
        ("Mailbox", False),
        ("AB", False),
        ("nicht erreicht", False),
    ],
)
def test_german_entries_read_as_contacted_or_attempted(
    tmp_path: Path, word: str, done: bool
) -> None:
    # QA26: "Mailbox" with a date counted as contacted, "angerufen" stayed open.
    unit = zero_unit(tmp_path)
    path = tmp_path / "status.csv"
    # A contact typed without its day (1159 angerufen), an attempt with the day of the try.
    day = "" if done else "2026-12-01"
    path.write_text(f"response_id;status;contacted_at\n0055584;{word};{day}\n", "cp1252")
    result = loop_status(
        read_status(path), unit.responses, source=path, id_column="id", comment_column=None
    )
    assert result.contacted == int(done)
    assert result.entry_notes == (
        (
            "1 marked done without a date (done, called) are counted as contacted and left "
            "out of the median days (add the contact date to count them there).",
        )
        if done
        else (
            "1 marked as a voicemail or no answer are attempts, not contacts: they stay open "
            "(set the status to contacted once you reach them).",
        )
    )


def test_an_unknown_word_with_a_date_is_named_and_left_open(tmp_path: Path) -> None:
    unit = zero_unit(tmp_path)
    path = tmp_path / "status.csv"
    path.write_text("response_id,status,contacted_at\n0055584,Rückruf,2026-12-01\n", "utf-8")
    result = loop_status(
        read_status(path), unit.responses, source=path, id_column="id", comment_column=None
    )
    assert (result.contacted, result.open["response_id"].tolist()) == (0, ["0055584"])
    assert result.entry_notes == (
        "1 with the status 'Rückruf' are left open: it reads neither as contacted nor as an "
        "attempt (write contacted and the date once reached, or voicemail).",
    )


@pytest.mark.parametrize(
    ("words", "lang"),
    [
        (("contacted", "voicemail"), "en"),
        (("連絡済", "留守電"), "ja"),
        (("erledigt", "Mailbox"), "en"),
    ],
)
def test_the_close_rate_is_over_the_month_s_list_and_the_missing_are_still_open(
    tmp_path: Path, words: tuple[str, str], lang: Language
) -> None:
    # QA26: a file returned with 2 of the month's 3 detractors read "1 of 2 contacted" and
    # "Still open 1" while the e-mail said "1 of 3"; the missing one was in neither list.
    unit = zero_unit(tmp_path)
    path = tmp_path / "status.csv"
    path.write_text(
        f"response_id,status,contacted_at\n0055584,{words[0]},2026-10-05\n"
        f"0079351,{words[1]},2026-10-06\n",
        "utf-8",
    )
    listed = followup_list(unit, id_column="id", comment_column="comment", contact_column="ok")
    result = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column="id",
        comment_column="comment",
        listed=listed.rows["response_id"],
        lang=lang,
    )
    assert (result.total, result.contacted) == (3, 1)
    assert result.close_rate == pytest.approx(100 / 3)
    assert sorted(result.open["response_id"]) == ["0003234", "0079351"]
    missing = result.open.set_index("response_id").loc["0003234"]
    assert (missing["score"], missing["status"], missing["date"]) == (2, "", "2026-10-04")
    # The e-mail's count is the same function's: 2 of the 3 listed still await follow-up.
    assert still_open(listed, result) == result.total - result.contacted


def test_a_unit_read_from_the_run_s_cache_still_names_the_export_s_phone_column(
    tmp_path: Path,
) -> None:
    # FIX44: the cache keeps only the columns units use, so the report built from it said
    # "The export has no e-mail or phone column" beside an export with 電話番号 (denki, QA25).
    export = tmp_path / "mail.csv"
    export.write_text(
        "response_id,submitted_at,business_unit,score,comment,contact_ok,電話番号\n"
        "R1,2026-10-02 09:00:00,EC,2,遅い,はい,090-1234-5678\n"
        "R2,2026-10-03 09:00:00,EC,9,良い,はい,03-1234-5678\n",
        encoding="utf-8",
    )
    options = {"score_column": "score", "date_column": "submitted_at"}
    store = build_cache(
        export,
        cache_dir=tmp_path / "cache",
        sha256="x",
        columns={"response_id", "business_unit", "comment", "contact_ok", *options.values()},
        unit_column="business_unit",
        **options,
    )
    assert "電話番号" not in pd.read_parquet(store.path).columns
    assert store.reach == ("電話番号",)
    cached = unit_of(export, cache=store.path, **options)
    assert listing(cached, breakdowns=[]).unlisted == ("電話番号",)


# --- one rule for "overdue": the report's list and the alert e-mail judge the same instant ------

# FIX55 (REVIEW28): a chain whose export writes each hotel's own UTC offset. At 01:00 UTC on
# 27 November: H1 (21:37 −05:00 on the 24th, 02:37 UTC on the 25th) is due at 02:37 UTC, not
# yet passed; H2 (00:30 +01:00 on the 25th, 23:30 UTC on the 24th) was due at 23:30 UTC on the
# 26th, passed. The report judged the written day against the UTC day (H1 overdue, H2 not),
# the alerts the instant (H2 overdue, H1 not). H3 is overdue and H4 not on either clock.
CHAIN = (
    "Survey ID,Response Date,Hotel,Score,OK to contact\n"
    "H1,2026-11-24T21:37:00-05:00,Boston,3,Yes\n"
    "H2,2026-11-25T00:30:00+01:00,Paris,2,Yes\n"
    "H3,2026-11-23T10:00:00+01:00,Paris,1,Yes\n"
    "H4,2026-11-26T12:00:00-05:00,Boston,4,Yes\n"
    "H5,2026-11-20T09:00:00+01:00,Paris,10,Yes\n"
)
CHAIN_NOW = dt.datetime(2026, 11, 27, 1, 0, tzinfo=dt.UTC)


def _chain(tmp_path: Path, text: str, timezone: str | None) -> tuple[Any, Path]:
    from nps_kit.params import load_unit

    export = tmp_path / "chain.csv"
    export.write_text(text, encoding="utf-8")
    zone = f"timezone: {timezone}\n" if timezone else ""
    (tmp_path / "chain.yaml").write_text(
        f"name: Chain\nlanguage: en\n{zone}data: {{path: chain.csv}}\n"
        "alerts: {to: [d@example.com]}\n"
        "columns: {score: Score, date: Response Date, id: Survey ID, contact: OK to contact}\n",
        encoding="utf-8",
    )
    return load_unit(tmp_path / "chain.yaml"), export


def _report_overdue(unit: Any, export: Path) -> dict[str, str]:
    """Each listed person's call-by cell of the report's follow-up table, as read."""
    from nps_kit.clock import export_zone

    data = prepare_unit(
        export,
        name="Chain",
        language="en",
        score_column="Score",
        date_column="Response Date",
        id_column="Survey ID",
        period="2026-11",
        timezone=export_zone("en", unit.timezone),  # the notebook's export_timezone
    )
    shown = sections.detractors(
        data,
        id_column="Survey ID",
        comment_column=None,
        contact_column="OK to contact",
        timezone=unit.zone,
        now=CHAIN_NOW,
    )
    html = shown.parts[0].data
    return {
        rid: re.sub(r"<[^>]+>", "", cell)
        for rid, cell in re.findall(
            r'data-label="Survey ID">(H\d)</td>.*?data-label="Call by">(.*?)</td>', html
        )
    }


def _alerted_overdue(unit: Any, export: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, bool]:
    from nps_kit import clock
    from nps_kit.alerts import Alerted, new_detractors
    from nps_kit.load import load_responses

    monkeypatch.setattr(
        clock,
        "now",
        lambda language, timezone=None: CHAIN_NOW.astimezone(clock.zone(language, timezone)),
    )
    loaded = load_responses(export, **unit.loader_options())
    rows = new_detractors(
        unit, loaded, source=export, since=dt.datetime(2026, 11, 1), already=Alerted()
    )
    return dict(zip(rows["response_id"], rows["overdue"], strict=True))


def test_the_report_and_the_alerts_judge_an_offset_export_s_call_backs_alike(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    unit, export = _chain(tmp_path, CHAIN, None)
    report = _report_overdue(unit, export)
    alerted = _alerted_overdue(unit, export, monkeypatch)
    assert alerted == {"H3": True, "H2": True, "H1": False, "H4": False}
    assert {rid: "(overdue)" in cell for rid, cell in report.items()} == alerted
    # Dated at the answer's written clock, as the alert shows it: 48 hours on.
    assert report["H1"].startswith("2026-11-26") and report["H2"].startswith("2026-11-27")


def test_a_zone_named_unit_and_a_date_only_export_keep_their_call_backs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # With timezone: America/New_York the times are New York's wall clock: 20:00 EST on the
    # 26th is "now". H2 (18:30 EST on the 24th) was due 18:30 on the 26th: overdue; H1 (21:37
    # on the 24th) is due 21:37 on the 26th: not yet, on both clocks, as before FIX55.
    unit, export = _chain(tmp_path, CHAIN, "America/New_York")
    alerted = _alerted_overdue(unit, export, monkeypatch)
    assert alerted == {"H3": True, "H2": True, "H1": False, "H4": False}
    report = _report_overdue(unit, export)
    assert {rid: "(overdue)" in cell for rid, cell in report.items()} == alerted
    # Dates without a time: each is due at the end of its second day (QA21). At 01:00 UTC on
    # the 27th, the 24th's was due 23:59:59 on the 26th (overdue), the 25th's is not.
    days = re.sub(r"T\d\d:\d\d:00[+-]\d\d:00", "", CHAIN)
    unit, export = _chain(tmp_path, days, None)
    alerted = _alerted_overdue(unit, export, monkeypatch)
    assert alerted == {"H3": True, "H1": True, "H2": False, "H4": False}
    report = _report_overdue(unit, export)
    assert {rid: "(overdue)" in cell for rid, cell in report.items()} == alerted


def test_an_older_notebook_reading_the_run_s_cache_judges_call_backs_as_the_alerts_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX55: a project's notebook copied before export_timezone passes the display zone (UTC
    # for an English unit without one) to prepare_unit. Read from the run's cache, the times
    # are the wall clocks the export wrote, not UTC's: the cache says the zone it was read in.
    unit, export = _chain(tmp_path, CHAIN, None)
    store = build_cache(
        export,
        cache_dir=tmp_path / "cache",
        sha256="x",
        columns={"Survey ID", "OK to contact"},
        **unit.loader_options(),
    )
    assert store.timezone is None
    data = prepare_unit(
        export,
        name="Chain",
        language="en",
        score_column="Score",
        date_column="Response Date",
        id_column="Survey ID",
        period="2026-11",
        cache=store.path,
        timezone=unit.zone,  # what the older copy passes: "UTC"
    )
    assert (data.timezone, data.read_zone) == ("UTC", None)
    shown = sections.detractors(
        data,
        id_column="Survey ID",
        comment_column=None,
        contact_column="OK to contact",
        timezone=unit.zone,
        now=CHAIN_NOW,
    )
    cells = re.findall(
        r'data-label="Survey ID">(H\d)</td>.*?data-label="Call by">(.*?)</td>',
        shown.parts[0].data,
    )
    report = {rid: "(overdue)" in cell for rid, cell in cells}
    assert report == _alerted_overdue(unit, export, monkeypatch)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_single_person_past_the_first_screen_is_shown_not_folded(
    unit: UnitData, lang: Language
) -> None:
    # BROWSE31: one person behind "Show the other 1" (残り1人を表示) took the fold's line to hide
    # one card; as a long table's last row, a single last person stays in view.
    people = listing(unit)
    n = len(people.rows)
    assert n >= 3
    html = followup_html(people, lang=lang, first=n - 1).data
    assert "nps-followups__more" not in html
    assert html.count('data-label="' + ("回答ID" if lang == "ja" else "Response ID")) == n
    html = followup_html(people, lang=lang, first=n - 2).data
    more = "残り2人を表示" if lang == "ja" else "Show the other 2"
    assert f"<summary>{more}</summary>" in html


# --- a CRM's e-mail on every row is its record, not consent (QA30 F9) ---------------------


def _crm_unit(tmp_path: Path, *, every_row: bool) -> UnitData:
    rows = "".join(
        f"R{i},2026-10-{i % 28 + 1:02d},{i % 11},"
        f"{f'user{i}@example.com' if every_row or i % 3 == 0 else ''}\n"
        for i in range(60)
    )
    export = tmp_path / "crm.csv"
    export.write_text("id,submitted_at,score,Contact email\n" + rows, encoding="utf-8")
    return prepare_unit(export, name="U", language="en", period="2026-10")


def test_an_e_mail_the_crm_fills_on_every_row_is_no_consent(tmp_path: Path) -> None:
    # QA30 F9: "9 detractors left a way to reach them … asked to be contacted that way" of a
    # HubSpot export whose Contact email is filled on 100 % of rows.
    unit = _crm_unit(tmp_path, every_row=True)
    found = followup_list(
        unit, id_column="id", comment_column=None, contact_column=None, details=["Contact email"]
    )
    detractors = int((unit.current["nps_score"] <= 6).sum())
    assert (found.basis, found.details, len(found)) == (None, (), detractors)
    assert record_columns(unit.responses, ["Contact email"]) == {"Contact email": 1.0}
    # A "leave your e-mail" question a third answered is consent for it, as before.
    chosen = _crm_unit(tmp_path, every_row=False)
    kept = followup_list(
        chosen, id_column="id", comment_column=None, contact_column=None, details=["Contact email"]
    )
    assert (kept.basis, kept.details) == ("details", ("Contact email",))
    assert len(kept) < int((chosen.current["nps_score"] <= 6).sum())


def test_a_work_file_name_is_kept_on_one_line(unit: UnitData) -> None:
    # BROWSE32: at 390 px the note about the work files of unit ホテルa broke its file name
    # between ホテル and a_followups.xlsx; a reader copies the name to find the file.
    names = ("ホテルa_followups.csv", "ホテルa_followups.xlsx")
    for lang in ("ja", "en"):
        html = followup_html(listing(unit), lang=lang, work_files=names).data  # type: ignore[arg-type]
        for name in names:
            assert f'<span class="nps-nb">{name}</span>' in html, (lang, name)


def test_forms_anonymous_in_a_details_column_is_no_detail_left() -> None:
    # REVIEW33: Microsoft Forms writes "anonymous" in Email for whoever it did not record
    # (QA32). A small unit (under RECORD_MIN_ROWS, so no 'tool's record' rule) with Email as
    # its contact details listed every anonymous detractor as having left a way to reach them.
    frame = pd.DataFrame(
        {
            "nps_score": pd.array([2, 3, 1, 0], dtype="Int64"),
            "Email": ["anonymous", "Anonymous", "ann@example.com", " 匿名 "],
        }
    )
    assert left_contact_details(frame, ["Email"]).tolist() == [False, False, True, False]
    assert contactable_detractors(frame, contact_column=None, details=["Email"]).index.tolist() == [
        2
    ]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_consent_unknown_is_said_in_one_language_with_the_report_s_words(lang: Language) -> None:
    # FIX78 #2: the alerts' line was English for a Japanese unit and worded the fix its own way
    # ("(0, いいえ)" in English); both lines now share the reason and the fix.
    fix = t("consent.unknown_fix", lang)
    report = consent_unknown_words(2, lang)
    alert = consent_unknown_words(2, lang, column="連絡の可否")
    assert fix in report
    assert (fix[:1].upper() + fix[1:] if lang == "en" else fix) in alert
    assert "「連絡の可否」" in alert if lang == "ja" else "'連絡の可否'" in alert
    if lang == "en":
        assert alert.startswith("2 detractors not alerted") and "いいえ" not in alert
        assert consent_unknown_words(1, lang, column="ok").startswith("1 detractor not alerted")
    else:
        assert alert.startswith("批判者2人にはアラートを送っていません。")
        assert not re.search(r"[A-Za-z]{4,} [a-z]{3,}", alert.replace("contact.consent", ""))


# --- an id column blank on some rows -------------------------------------------------------------

BLANK_IDS_ROWS = [
    "response_id,submitted_at,Clinic,Score,Why?,contact_ok,email",
    ",2026-11-02 09:00:00,Leeds,0,Waited an hour,yes,a@example.jp",  # row 2
    ",2026-11-03 09:00:00,Leeds,2,Rude,yes,",  # row 3
    ",2026-11-04 09:00:00,Leeds,10,Lovely,yes,c@example.jp",  # row 4
    "R09,2026-11-05 09:00:00,Leeds,3,Too dear,yes,d@example.jp",  # row 5
]


def blank_ids_unit(path: Path) -> UnitData:
    path.write_text("\n".join(BLANK_IDS_ROWS) + "\n", encoding="utf-8")
    return prepare_unit(
        path,
        name="North",
        language="en",
        period="2026-11",
        score_column="Score",
        date_column="submitted_at",
        text_columns=["Why?"],
    )


def test_responses_with_a_blank_id_are_each_named_by_their_row(tmp_path: Path) -> None:
    # REVIEW36: columns.id blank on some rows (an id given to signed-in respondents only)
    # named every such response "": the work file gave both blank-id detractors the e-mail of
    # the last blank-id respondent who left one (a promoter's, c@example.jp), and the
    # returned file's "contacted" on one was lost while the two became one row without a date.
    unit = blank_ids_unit(tmp_path / "export.csv")
    found = followup_list(
        unit, id_column="response_id", comment_column="Why?", contact_column="contact_ok"
    )
    table = with_contact_details(
        work_table(found),
        unit.responses,
        id_column="response_id",
        contact_column="contact_ok",
        details=["email"],
    )
    assert dict(zip(table["response_id"], table["email"], strict=True)) == {
        "#2": "a@example.jp",
        "#3": "",
        "R09": "d@example.jp",
    }
    files = write_work_files(table, tmp_path, "north")
    frame = pd.read_excel(files.xlsx, dtype=str).fillna("")
    frame.loc[frame["response_id"] == "#2", ["owner", "contacted_at"]] = ["Amy", "2026-11-06"]
    path = tmp_path / "returned.xlsx"
    frame.to_excel(path, index=False)
    result = loop_status(
        read_status(path),
        unit.responses,
        source=path,
        id_column="response_id",
        comment_column="Why?",
        as_of=dt.date(2026, 11, 25),
        listed=found.rows["response_id"],
    )
    assert (result.total, result.contacted) == (3, 1)
    assert result.open["response_id"].tolist() == ["#3", "R09"]
    assert result.open["score"].tolist() == [2, 3]


@pytest.mark.parametrize(
    ("lang", "note"),
    [
        (
            "en",
            "Under “Response ID”, “#” and a number (#12) is the row of the response in the "
            "exported file: its Response ID was blank in the export.",
        ),
        (
            "ja",
            "「回答ID」が「#」で始まるもの（#12など）は、エクスポートで回答IDが空欄だった回答で、"
            "エクスポートのファイルでその回答がある行の番号です。",
        ),
    ],
)
def test_the_list_says_once_what_a_blank_id_s_row_means_only_when_one_is_listed(
    tmp_path: Path, lang: Language, note: str
) -> None:
    # REVIEW36: #2 under the 回答ID heading, with nothing saying that it is a row, not an id.
    unit = blank_ids_unit(tmp_path / "export.csv")
    found = followup_list(
        unit, id_column="response_id", comment_column="Why?", contact_column="contact_ok"
    )
    assert found.rows["response_id"].tolist() == ["#2", "#3", "R09"]
    assert found.blank_ids == 2
    text = re.sub(r"<[^>]+>", "", followup_html(found, lang=lang).data)
    assert text.count(note) == 1
    # The blank-id detractors did not allow contact: only R09 is listed, and no note.
    path = tmp_path / "declined.csv"
    path.write_text(
        "\n".join(r.replace(",yes,", ",no,") if r.startswith(",") else r for r in BLANK_IDS_ROWS)
        + "\n",
        encoding="utf-8",
    )
    declined = prepare_unit(
        path, name="North", language=lang, period="2026-11", score_column="Score",
        date_column="submitted_at", text_columns=["Why?"],
    )  # fmt: skip
    only = followup_list(
        declined, id_column="response_id", comment_column="Why?", contact_column="contact_ok"
    )
    assert (only.rows["response_id"].tolist(), only.blank_ids) == (["R09"], 0)
    assert "#12" not in re.sub(r"<[^>]+>", "", followup_html(only, lang=lang).data)


# FIX88: a blank id is its row (#12), and a row is no name that lasts: the export pulled again
# with two blank-id responses of one day swapped gave the 済 typed for one to the other.
def test_what_was_typed_on_a_blank_id_row_follows_its_response(tmp_path: Path) -> None:
    def table(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
        at = {"date": "2026-11-05 08:00", "age_days": "1", "themes": ""}
        frame = pd.DataFrame(
            [{"response_id": rid, **at, "score": s, "comment": c} for rid, s, c in rows]
        )[["response_id", "date", "age_days", "score", "themes", "comment"]].astype("string")
        for column in ("owner", "status", "contacted_at", "note"):
            frame[column] = ""
        return frame

    first = table([("E01", "2", "遅い"), ("#11", "0", "二度と使わない"), ("#12", "2", "高い")])
    files = write_work_files(first, tmp_path, "ec")
    saved = time.time_ns() // 10**9 * 10**9 + 10**9
    type_into(files.csv, "#11", saved + 123, status="済")
    swapped = table([("E01", "2", "遅い"), ("#11", "2", "高い"), ("#12", "0", "二度と使わない")])
    write_work_files(swapped, tmp_path, "ec")
    for cells in team_cells(files):
        assert cells["status"].to_dict() == {"E01": "", "#11": "", "#12": "済"}


# REVIEW37: a typed row that follows its response to a row keeps that row from another typed
# row left there because its own response is gone (taken out of the export, or its comment
# edited); keyed by the row, the gone response's note was shown on the one that moved.
def test_a_moved_blank_id_row_is_not_given_a_gone_response_s_notes(tmp_path: Path) -> None:
    def table(rows: list[tuple[str, str, str]]) -> pd.DataFrame:
        at = {"date": "2026-11-05 08:00", "age_days": "1", "themes": ""}
        frame = pd.DataFrame(
            [{"response_id": rid, **at, "score": s, "comment": c} for rid, s, c in rows]
        )[["response_id", "date", "age_days", "score", "themes", "comment"]].astype("string")
        for column in ("owner", "status", "contacted_at", "note"):
            frame[column] = ""
        return frame

    first = table([("E01", "2", "遅い"), ("#11", "0", "二度と使わない"), ("#12", "3", "高い")])
    files = write_work_files(first, tmp_path, "ec")
    saved = time.time_ns() // 10**9 * 10**9 + 10**9
    type_into(files.csv, "#11", saved + 123, status="済")
    type_into(files.csv, "#12", saved + 123, note="高いと言った方")
    gone = table([("E01", "2", "遅い"), ("#12", "0", "二度と使わない")])
    write_work_files(gone, tmp_path, "ec")
    for cells in team_cells(files):
        assert cells.loc["#12", "status"] == "済"
        assert cells.loc["#12", "note"] == ""


@pytest.mark.parametrize(
    ("given", "order", "why"),
    [
        (
            {"date_order": "month-first"},
            "月が先",
            "ユニットのタイムゾーンがチームの日付の書き方を示す",
        ),
        (
            {"export_order": "month-first"},
            "月が先",
            "ユニットはエクスポートの日付を月が先で読む（data.date_formatまたは判定結果）",
        ),
    ],
)
def test_the_order_of_a_returned_file_s_dates_is_said_in_the_report_s_language(
    tmp_path: Path, given: dict[str, str], order: str, why: str
) -> None:
    # MSG44: a Japanese report's box said which order the team's dates were read in English.
    from _english import english_runs

    unit = forms_unit(tmp_path / "export.csv", _ISO_ROWS)
    found = followup_list(unit, id_column=None, comment_column="Why?", contact_column=None)
    files = write_work_files(work_table(found), tmp_path, "north")
    _excel_resaved(files.csv, "month-first", r4={"owner": "Amy", "contacted_at": "11/5/2026"})
    read = read_status_file(files.csv, **given)
    said = read.order_note("ja")
    assert said == (
        f"{files.csv}：どちらの順にも読める日付（12を超える日がないもの）は{order}で読みました"
        f"（3/4/2026は3月4日）：{why}。チームが日が先で書いているなら、ユニットのtimezoneを"
        "チームのものにしてください。"
    )
    assert english_runs(said, names=[str(files.csv)]) == []
    assert read.order_note() == read.order_note("en")
    assert read.order_note().startswith(
        f"{files.csv}: the dates that read both ways (no day over 12) were read month-first "
        "(3/4/2026 is March 4): "
    )
