"""``nps-kit init --from``: a project built from an export runs without edits, and is right."""

from __future__ import annotations

import email
import email.policy
import json
import re
from pathlib import Path
from typing import Any, get_args

import pandas as pd
import pytest
import yaml
from _exports import (
    HOTEL_PRAISE,
    MONKEY_ASPECTS,
    MONKEY_MATRIX,
    MONKEY_OFFICE,
    MONKEY_OPTIONS,
    MONKEY_OTHER,
    MONKEY_REASON,
    MONKEY_SERVICES,
    MSFORMS_CONSENT,
    MSFORMS_HOTEL,
    MSFORMS_NPS,
    MSFORMS_PURPOSE,
    MSFORMS_REASON,
    PHYSIO_CLINIC,
    PHYSIO_CLINICS,
    PHYSIO_IMPROVE,
    PHYSIO_MATRIX,
    PHYSIO_QUALITY,
    PHYSIO_REASON,
    PHYSIO_ROWS,
    QUALTRICS_JA_ITEMS,
    TYPEFORM_CONTACT,
    TYPEFORM_PLAN,
    TYPEFORM_REASON,
    google_rows,
    hotel_comments,
    ja_hotel_export,
    monkey_services,
    qualtrics_rows,
    write_callcentre_ja,
    write_google_forms,
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

from nps_kit._init_words import in_language
from nps_kit.cli import main
from nps_kit.errors import DataError
from nps_kit.followup import parse_ratings
from nps_kit.load import load_responses
from nps_kit.params import (
    ATTACH_CHOICES,
    NOT_UNITS,
    Attach,
    load_all,
    load_unit,
    notebook_parameters,
)
from nps_kit.scaffold import choose_theme_pack, project_from_export
from nps_kit.scaffold._themes import _playbook
from nps_kit.score import nps
from nps_kit.text.packs import PACKS, load_pack
from nps_kit.text.themes import load_themes

# The data-quality rows of unfinished responses (Qualtrics' Finished, LimeSurvey's submitdate).
EXCLUDED_JA = (
    "除外：途中で終了した回答（Qualtrics の Finished = False、LimeSurvey の submitdate が空欄、"
    "unfinished: exclude）"
)


def _independent_nps(scores: list[int]) -> float:
    promoters = sum(s >= 9 for s in scores)
    detractors = sum(s <= 6 for s in scores)
    return 100 * (promoters - detractors) / len(scores)


def _run_project(root: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, object]:
    monkeypatch.chdir(root)
    assert main(["run", "--jobs", "1"]) == 0
    manifests = list((root / "reports").glob("*/manifest.json"))
    assert len(manifests) == 1
    return json.loads(manifests[0].read_text(encoding="utf-8"))


@pytest.mark.slow
@pytest.mark.parametrize("shape", ["qualtrics", "google_forms"])
def test_init_from_export_then_run_gives_the_right_headline(
    shape: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if shape == "qualtrics":
        export = write_qualtrics(tmp_path / "export.csv")
        score, date = "QID74", "StartDate"
        month, rows = "2026-10", [s for d, s in qualtrics_rows() if d.startswith("2026-10")]
    else:
        export = write_google_forms(tmp_path / "export.csv")
        score = "How likely are you to recommend this workshop to a friend?"
        date = "Timestamp"
        month, rows = "2019-12", [s for d, s in google_rows() if d.startswith("12/")]
    root = tmp_path / "project"
    assert main(["init", str(root), "--from", str(export)]) == 0
    manifest = _run_project(root, monkeypatch)
    (entry,) = manifest["units"]  # type: ignore[index]
    assert (entry["status"], entry["unit"], manifest["period"]) == ("ok", "project", month)
    loaded = load_responses(export, score_column=score, date_column=date).data
    expected = nps(loaded.loc[loaded["nps_date"].dt.strftime("%Y-%m") == month])
    assert entry["summary"]["n"] == expected.n == len(rows)
    assert entry["summary"]["nps"] == pytest.approx(expected.nps)
    assert expected.nps == pytest.approx(_independent_nps(rows))
    html = (root / "reports" / month / "project.html").read_text(encoding="utf-8")
    shown = re.search(r'class="nps-headline__value">([^<]+)<', html)
    assert shown is not None
    assert float(shown.group(1).replace("−", "-")) == pytest.approx(expected.nps, abs=0.05)
    # Honest defaults: no target invented, no consent claimed, no theme that does not fit.
    # The export ends on the 28th: the latest month is reported, and said to be running only
    # while it is (the report is made in UTC, this English unit's zone).
    running = pd.Timestamp.now(tz="UTC").tz_localize(None) < (pd.Period(month, "M") + 1).start_time
    assert ("is not complete: responses up to " in html) == running
    assert "no target" in html.lower()
    assert "agreed to be contacted is unknown" in html
    assert "allowed contact" not in html
    # Qualtrics' comments are about software (speed, support, docs): themes come from the saas
    # pack when it fits the export's comments, never from the retail one (no delivery or
    # checkout advice for a software survey). The Google Forms workshop's answers ("More
    # exercises", "Slower pace please") name no domain's words: the generic pack (QA18: a
    # domain pack only for comments that talk of its domain).
    # (Whether the saas pack fits depends on the learned layer: the comment column is the
    # workshop's "What could we improve?", where the rules find two saas themes, reliability for
    # "Longer breaks" and performance for "Slower pace please"; round 5 adds a third, usability,
    # to "Longer breaks on mobile", which the English addition verifier takes back, and with two
    # themes init says that no pack fits; round 17's English layer reads "More exercises" as
    # quality and "Slower pace please" as speed over the whole export, so the generic pack fits,
    # though the reported month shows none of them. What matters here is the pack.)
    themes = {t["theme"] for t in entry["summary"]["top_themes"]}
    pack = "saas" if shape == "qualtrics" else "generic"
    assert themes <= set(load_pack(pack).ids)
    assert not themes & {"delivery", "checkout", "returns", "faq", "chat", "email", "phone"}
    defaults = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "'retail'" not in defaults
    chosen = f"the bundled '{pack}' pack" in defaults
    assert chosen != ("none of the bundled packs" in defaults)
    assert chosen or not themes  # a report's themes come from the pack init wrote


def test_google_forms_project_parameters(tmp_path: Path) -> None:
    export = write_google_forms(tmp_path / "forms.csv")
    project_from_export(tmp_path / "p", export, unit_column="Which track did you attend?")
    folder = tmp_path / "p" / "parameters"
    defaults = yaml.safe_load((folder / "defaults.yaml").read_text(encoding="utf-8"))
    assert defaults["language"] == "en"
    assert defaults["data"] == {
        "path": "../../forms.csv",
        "sheet": None,
        "encoding": "utf-8",
        "date_format": "month-first",  # detected (a day over 12), kept for later exports
        "missing_values": [],
        "fix_text": False,
        "dedupe": False,
    }
    assert defaults["columns"] == {
        "score": "How likely are you to recommend this workshop to a friend?",
        "date": "Timestamp",
        "id": None,
        "comment": "What could we improve?",
        "contact": None,
        "weight": None,
    }
    assert defaults["target"] is None
    assert defaults["breakdowns"] == []
    assert defaults["followups"] == [
        {
            "column": "Which topics interested you?",
            "type": "multi",
            "separator": ", ",
            "label": "Topics",
        },
        # Its answers are requests ("More exercises"), not reasons for the score.
        {
            "column": "What could we improve?",
            "type": "text",
            "asks": "improvement",
            "label": "What could we improve",
        },
    ]
    text = (folder / "defaults.yaml").read_text(encoding="utf-8")
    assert "  # No id column found: the detractor list shows the row number in the file.\n" in text
    # QA20: nothing said that this turns the daily alerts off; alerts.to then failed silently.
    assert (
        "  # nps-kit alerts (daily e-mails about new detractors) needs an id and a consent " in text
    )
    assert re.search(
        r"  # 'Timestamp' is distinct in [\d,]+ of [\d,]+ rows; when no two responses share "
        r"one, set\n  # id: Timestamp \(dedupe: true drops exact duplicate rows\)\.\n",
        text,
    )
    assert "Add a consent question to the survey" in text
    units = load_all(folder)
    assert units.errors == []
    assert {u: (p.name, p.data.filter.values) for u, p in units.units.items()} == {  # type: ignore[union-attr]
        "advanced": ("Advanced", ["Advanced"]),
        "beginner": ("Beginner", ["Beginner"]),
        "intermediate": ("Intermediate", ["Intermediate"]),
    }


def test_init_never_offers_a_repeating_date_as_the_id_and_says_how_many_repeat(
    tmp_path: Path,
) -> None:
    # QA24: 回答日時 (2,808 distinct of 3,000) was offered as the id "when no two responses
    # share one", which the file already failed; alerts keyed on it would drop responses.
    export = write_google_forms(tmp_path / "forms.csv")
    lines = export.read_text(encoding="utf-8").splitlines(keepends=True)
    stamp = lines[5].split(",", 1)[0]
    lines[6] = stamp + "," + lines[6].split(",", 1)[1]
    export.write_text("".join(lines), encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  # id: Timestamp" not in text
    said = " ".join(
        line.removeprefix("  # ") for line in text.splitlines() if line.startswith("  # ")
    )
    assert (
        "'Timestamp' repeats: 1 of 48 rows share a value with an earlier row, so it cannot be "
        "the id either, and init found no column unique to each response. Add a response id (a "
        "response or receipt number) to the export and set id to it; a customer number repeats "
        "when a customer answers again."
    ) in said


def test_init_counts_the_rows_of_the_answers_without_a_summary_block_under_them(
    tmp_path: Path,
) -> None:
    # QA34: a summary block (Total responses / Average score / NPS) under 48 answers was left
    # out, yet init said "... of 51 rows share a value with an earlier row".
    export = write_google_forms(tmp_path / "forms.csv")
    lines = export.read_text(encoding="utf-8").splitlines(keepends=True)
    stamp = lines[5].split(",", 1)[0]
    lines[6] = stamp + "," + lines[6].split(",", 1)[1]
    lines += ["\n", "Total responses,48\n", "Average score,6.9\n", "NPS,-12\n"]
    export.write_text("".join(lines), encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    said = " ".join(
        line.removeprefix("  # ") for line in text.splitlines() if line.startswith("  # ")
    )
    assert "'Timestamp' repeats: 1 of 48 rows share a value with an earlier row" in said


def test_init_says_how_many_double_submissions_the_export_has(tmp_path: Path) -> None:
    # QA20: init commented "4 exact duplicate rows found" and nothing of 8 double submissions.
    export = write_google_forms(tmp_path / "forms.csv")
    lines = export.read_text(encoding="utf-8").splitlines(keepends=True)
    export.write_text("".join([*lines, lines[5].replace(":30,", ":34,", 1)]), encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    # QA25: init found 18 and left dedupe false, so each was counted twice: it sets it now.
    assert (
        "  # 1 row repeats the answers of a response sent at most 60 seconds earlier (a double\n"
        "  # submission, as a second click on Submit makes); dedupe: resubmissions drops them, "
        "with\n"
        "  # the exact duplicates.\n"
        "  # Set because of them: with false each would count twice, in the NPS and in the lists.\n"
        "  dedupe: resubmissions\n"
    ) in text
    assert load_all(tmp_path / "p" / "parameters").errors == []
    plain = write_google_forms(tmp_path / "plain.csv")
    project_from_export(tmp_path / "q", plain)
    text = (tmp_path / "q" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  dedupe: false\n" in text and "double submission" not in text


def test_init_proposes_dropping_double_submissions_in_japanese(tmp_path: Path) -> None:
    # QA25: the proposal and its reason in the project's language.
    rows = [
        f"2026/{10 + i % 2}/{1 + i % 28:02d} 10:{i % 60:02d}:00,{i % 11},"
        f"{('待ち時間が長い', '先生が丁寧でした', '受付の対応が良い')[i % 3]}（{i}）\r\n"
        for i in range(60)
    ]
    rows += [rows[4].replace(":04:00,", ":04:05,"), rows[9].replace(":09:00,", ":09:03,")]
    clinic = write_text(
        tmp_path / "clinic.csv",
        "タイムスタンプ,この医院を家族や友人にすすめる可能性は？,その理由を教えてください\r\n"
        + "".join(rows),
        "cp932",
    )
    project_from_export(tmp_path / "clinic", clinic)
    text = (tmp_path / "clinic" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert _english_comments(text) == []
    assert (
        "  # 2行は60秒以内に送信された直前の回答と同じ内容です\n"
        "  # （送信ボタンの二度押しなどによる二重送信）。\n"
        "  # dedupe: resubmissions にすると、完全に重複する行とあわせてこれらを除外します。\n"
        "  # そのため resubmissions に設定しています。\n"
        "  # false にすると、これらの回答がNPSにも一覧にも2回ずつ数えられます。\n"
        "  dedupe: resubmissions\n"
    ) in text


def test_a_single_unit_is_named_after_the_project(tmp_path: Path) -> None:
    # QA20: init dental --from responses.csv made a unit "responses" (Google Forms' file name).
    export = write_google_forms(tmp_path / "responses.csv")
    project_from_export(tmp_path / "dental", export)
    units = load_all(tmp_path / "dental" / "parameters")
    assert {u: p.name for u, p in units.units.items()} == {"dental": "dental"}


def test_a_column_of_numbers_headed_as_weights_is_named_and_left_unset(tmp_path: Path) -> None:
    # QA31 O1: a logistics export's 'Account weight' (0.238–2.867) went unmentioned; init
    # never sets weight (the analyst decides), but says which column could be it.
    export = write_google_forms(tmp_path / "forms.csv")
    frame = pd.read_csv(export)
    frame["Gewichtung"] = [round(0.5 + (i % 7) / 4, 2) for i in range(len(frame))]
    frame.to_csv(export, index=False)
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text("utf-8")
    assert "  # 'Gewichtung' holds numbers (0.5–2): set weight to it if they are the" in text
    assert yaml.safe_load(text)["columns"]["weight"] is None
    ja = in_language(text, "ja")
    assert "'Gewichtung'は数値の列です（0.5–2）。" in ja


def test_recipients_set_in_defaults_reach_every_unit(tmp_path: Path) -> None:
    """A unit file init writes leaves mail.to to defaults.yaml (a live [] replaced it)."""
    export = write_google_forms(tmp_path / "forms.csv")
    project_from_export(tmp_path / "p", export, unit_column="Which track did you attend?")
    defaults = tmp_path / "p" / "parameters" / "defaults.yaml"
    text = defaults.read_text(encoding="utf-8")
    text = text.replace("\nmail:\n", "\nmail:\n  to: [all@example.com]\n")
    defaults.write_text(text, encoding="utf-8")
    units = load_all(tmp_path / "p" / "parameters")
    assert units.errors == []
    assert {u: p.mail.to for u, p in units.units.items()} == {
        u: ["all@example.com"] for u in ("advanced", "beginner", "intermediate")
    }


def test_unit_ids_keep_accented_letters(tmp_path: Path) -> None:
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{i % 11},{unit}\n"
        for i, unit in enumerate(
            ["Café Lumière Inn", "Harbour Hotel", "東京本店", "Werkstatt München-Süd"] * 20
        )
    )
    export = tmp_path / "stays.csv"
    export.write_bytes(("date,recommend,property\n" + rows).encode("utf-8"))
    project_from_export(tmp_path / "p", export, unit_column="property")
    units = load_all(tmp_path / "p" / "parameters")
    assert units.errors == []
    assert {u: p.name for u, p in units.units.items()} == {
        # QA26 #23: accents stay, as 東京本店 keeps its letters (was cafe-lumiere-inn and
        # werkstatt-munchen-sud, read as misspellings; before that caf-lumi-re-inn).
        "café-lumière-inn": "Café Lumière Inn",
        "harbour-hotel": "Harbour Hotel",
        "東京本店": "東京本店",  # was unit-3: nobody could tell which unit that is
        "werkstatt-münchen-süd": "Werkstatt München-Süd",
    }


def test_an_account_id_and_a_column_of_many_small_groups_are_no_breakdowns(
    tmp_path: Path,
) -> None:
    # QA19: init --from made account_id (550 accounts, 37 % distinct) a breakdown, whose chart
    # showed one "Other" bar under 12 hidden account names in every unit's report. A company
    # column (no id in its name) of 100 companies over 3 units and 2 months: no group reaches
    # 5 responses in a month of one unit, so its chart would be "Other" alone too.
    rows = "".join(
        f"2026-{9 + i % 2:02d}-{i % 28 + 1:02d},{i % 11},r{i},acct_{i % 140},"
        f"Company {i % 100},{('UK', 'US')[i % 2]},{('Free', 'Team', 'Enterprise')[i % 3]}\n"
        for i in range(600)
    )
    export = tmp_path / "extract.csv"
    export.write_text("created_at,score,response_id,account_id,company,region,plan\n" + rows)
    project_from_export(tmp_path / "p", export, unit_column="plan")
    defaults = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(defaults)
    assert config["breakdowns"] == [{"column": "region", "label": "Region"}]
    assert config["columns"]["id"] == "response_id"  # never the repeating account id
    assert "company" not in json.dumps(config["followups"])
    assert (
        "# Not company: too many small groups; in a month of one unit none would reach 5 "
        "responses, so its chart would show only Other." in defaults
    )


def test_ambiguous_dates_without_evidence_are_asked_for(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA22: init assumed day-first ("the usual order"); with nothing to say which, it asks.
    monkeypatch.setenv("TZ", "UTC")
    rows = "".join(f"{i % 9 + 1}/0{i % 3 + 1}/2026,{i % 11},ok {i}\n" for i in range(40))
    export = write_text(tmp_path / "a.csv", "date,recommend,why\n" + rows)
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 0
    defaults = tmp_path / "p" / "parameters" / "defaults.yaml"
    text = defaults.read_text(encoding="utf-8")
    assert (
        "  # The dates in 'date' read both ways (no day over 12) and nothing in the export or on "
        "this\n  # machine says which. SET THIS to month-first (12/03/2026 is December 3) or "
        "day-first (12\n"
        "  # March): nps-kit run and alerts refuse these dates until it is set.\n"
        "  date_format: null\n"
    ) in text
    assert (
        "note: the export's dates read both ways (no day over 12) and nothing says which; set "
        f"data.date_format to month-first or day-first in {defaults} before nps-kit run.\n"
    ) in capsys.readouterr().err


def test_ambiguous_dates_on_a_us_machine_are_month_first_with_its_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "America/Chicago")
    rows = "".join(f"{i % 9 + 1}/0{i % 3 + 1}/2026,{i % 11},ok {i}\n" for i in range(40))
    export = write_text(tmp_path / "a.csv", "date,recommend,why\n" + rows)
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    # QA28 #2: the zone makes month-first likely, not certain: not written as decided.
    assert (config["data"]["date_format"], config["timezone"]) == (None, "America/Chicago")
    flat = " ".join(line.removeprefix("  # ") for line in text.splitlines())
    assert "month-first for now only because the time zone America/Chicago is in the" in flat


def test_am_pm_dates_that_read_both_ways_are_month_first(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA22: 12/01-12/03/2026 hh:mm:ss AM was read as day-first: the report showed March.
    monkeypatch.setenv("TZ", "UTC")
    rows = "".join(
        f"12/0{i % 3 + 1}/2026 {i % 12 + 1:02d}:15:00 {'AP'[i % 2]}M,{i % 11},ok {i}\n"
        for i in range(40)
    )
    export = write_text(tmp_path / "a.csv", "date,recommend,why\n" + rows)
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    config = yaml.safe_load(text)
    assert (config["data"]["date_format"], config["timezone"]) == ("month-first", None)
    flat = " ".join(line.removeprefix("  # ").removeprefix("# ") for line in text.splitlines())
    assert "month-first because a 12-hour AM/PM clock" in flat
    # QA25 B-4: what null does to the export's times is said, and the US zones to choose.
    assert (
        "The export's times carry no zone: they are read as this zone's wall clock. With null "
        "they are taken as UTC and shown without a zone, hours off the readers' day; set the "
        "zone the survey tool wrote them in. The dates are US (month-first): in the United "
        "States that is one of America/New_York, America/Chicago, America/Denver, "
        "America/Los_Angeles" in flat
    )


def test_an_english_export_s_zone_less_times_are_said_to_need_a_zone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA25 B-4: a UK export (day-first, BST wall clock in summer) got timezone: null with
    # nothing said of how its times are read; alerts then labelled them UTC.
    monkeypatch.setenv("TZ", "UTC")
    rows = "".join(f"2{i % 8}/11/2026 09:{i % 60:02d},{i % 11},ok {i}\n" for i in range(40))
    export = write_text(tmp_path / "a.csv", "date,recommend,why\n" + rows)
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["timezone"] is None
    flat = " ".join(line.removeprefix("# ") for line in text.splitlines())
    assert (
        "The export's times carry no zone: they are read as this zone's wall clock. With null "
        "they are taken as UTC and shown without a zone, hours off the readers' day; set the "
        "zone the survey tool wrote them in (e.g. Europe/London, Australia/Sydney). timezone: "
        "null" in flat
    )


def test_the_evidence_for_the_date_order_is_written_whatever_the_column_is_called(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # init read the evidence back out of inspect's English note by splitting at ": ", so a
    # header with a colon wrote "month-first because submitted' read both ways (no day over
    # 12); they are read month-first: a 12-hour AM/PM clock ..." into defaults.yaml.
    monkeypatch.setenv("TZ", "UTC")
    rows = "".join(
        f"12/0{i % 3 + 1}/2026 {i % 12 + 1:02d}:15:00 {'AP'[i % 2]}M,{i % 11},ok {i}\n"
        for i in range(40)
    )
    export = write_text(tmp_path / "a.csv", "Date: submitted,recommend,why\n" + rows)
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["data"]["date_format"] == "month-first"
    flat = " ".join(line.removeprefix("  # ").removeprefix("# ") for line in text.splitlines())
    assert (
        "How to read the dates in 'Date: submitted': they read both ways (no day over 12); "
        "month-first because a 12-hour AM/PM clock, which day-first dates almost never use. "
        "Change it to day-first if that is wrong"
    ) in flat


def test_without_consent_the_alerts_advice_offers_the_phone_column_found(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Since fix21 alerts work without a consent column from columns.contact_details, but init
    # still wrote "nps-kit alerts ... needs a consent column" above the contact_details line it
    # offered, and printed "so nps-kit alerts cannot e-mail new detractors".
    rows = "".join(
        f"{1000 + i},2026-11-{i % 28 + 1:02d} 10:{i:02d},{i % 11},"
        f"{f'+1 415 555 {100 + i:04d}' if i % 2 else ''},comment {i}\n"
        for i in range(30)
    )
    export = write_text(
        tmp_path / "a.csv",
        "Response ID,Submitted,How likely are you to recommend us?,Phone number,Why?\n" + rows,
    )
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 0
    defaults = tmp_path / "p" / "parameters" / "defaults.yaml"
    text = defaults.read_text(encoding="utf-8")
    assert (
        "  # nps-kit alerts (daily e-mails about new detractors) needs a consent column or the\n"
        "  # contact details below: add a consent question to the survey (May we contact you\n"
        "  # about your answer? Yes/No) and set contact to it, or uncomment contact_details.\n"
    ) in text
    assert "  # contact_details: [Phone number]\n" in text
    assert (
        "note: no columns.contact found, so nps-kit alerts e-mails new detractors only once it "
        f"is set or the contact_details line offered in {defaults} is uncommented.\n"
    ) in capsys.readouterr().err


def test_dates_a_day_over_12_orders_are_written_as_detected(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA22: "Detected: month-first." above date_format: null; later exports of the first
    # days of a month then read both ways and alerts refused them.
    monkeypatch.setenv("TZ", "UTC")
    rows = "".join(f"10/{i % 28 + 1:02d}/2026,{i % 11},ok {i}\n" for i in range(40))
    export = write_text(tmp_path / "a.csv", "date,recommend,why\n" + rows)
    project_from_export(tmp_path / "p", export)
    config = yaml.safe_load((tmp_path / "p" / "parameters" / "defaults.yaml").read_text())
    assert config["data"]["date_format"] == "month-first"


def test_no_score_column_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    export = write_text(tmp_path / "x.csv", "date,name\n2026-10-01,Ann\n2026-10-02,Bob\n")
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 2
    assert capsys.readouterr().err == (
        f"nps-kit init: error: {export}: nps-kit init --from found no 0–10 score column; "
        "columns: 'date' (date: ISO/Japanese), 'name' (name: names, not a way to reach). Run "
        "nps-kit inspect on the export to see "
        "what each column holds, or start from the demo project with nps-kit init DIR and set "
        "the columns by hand.\n"
    )
    assert not (tmp_path / "p").exists()


def test_no_score_column_in_a_japanese_export_is_said_in_japanese(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # MSG43: init --from writes a Japanese export's project in Japanese, and refused it in
    # English.
    rows = "".join(f"R{i},2026-10-{1 + i % 28:02d},配送がとても遅かったです\n" for i in range(20))
    export = write_text(tmp_path / "x.csv", "回答ID,回答日,ご意見\n" + rows)
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 2
    assert capsys.readouterr().err == (
        f"nps-kit init: error: {export}：nps-kit init --fromは0〜10の点数の列を見つけられません"
        "でした。列：「回答ID」（ID：一意）、「回答日」（日付：ISO／和式）、「ご意見」（自由記述："
        "自由記述（コメントを求める設問））。各列の内容はnps-kit inspectで確かめられます。"
        "またはnps-kit init DIRでデモの"
        "プロジェクトから始め、列を手で設定してください。\n"
    )
    assert not (tmp_path / "p").exists()


def test_no_date_column_says_which_values_are_not_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = "".join(
        f"D{i}\t{f'2026/10/{1 + i % 28:02d}' if i % 2 else f'X{i}'}\t{i % 11}\r\n"
        for i in range(40)
    )
    export = write_text(tmp_path / "x.txt", "回答ID\t回答日\t推奨度\r\n" + rows, "utf-16")
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 2
    assert capsys.readouterr().err == (
        f"nps-kit init: error: {export}: nps-kit init --from found no date column; 回答日: 20 of "
        "40 values are not dates, such as 'X0', 'X2', 'X4'; so it was not taken as the date "
        "column. columns: '回答ID' (id: unique), '回答日' (text: free text), '推奨度' (nps: "
        "0–10). Dates nps-kit reads: "
        "ISO (2026-10-03, 2026-10-03T09:15:00), 2026/10/03 9:15, 2026年10月3日 9時15分, "
        "Japanese era dates (令和8年10月3日, 令和元年5月1日, R8.10.3, R8/10/3, H31-4-30), Google "
        "Forms' 2026/11/03 9:05:33 午前 GMT+9, "
        "Excel's 2026/11/03 午前 9:05, SurveyMonkey's 11/03/2026 09:05:33 午前, "
        "Nov 3, 2026 9:05 AM, Excel "
        "serial numbers, Unix epoch seconds or milliseconds (1761958394, UTC), "
        "and day/month/year or month/day/year with a 2- or 4-digit year "
        "(13/12/2019, 12/13/2019 9:50:30, 9/8/18 15:29). Run nps-kit inspect on the export to "
        "see what each column holds, or start from the demo project with nps-kit init DIR and "
        "set the columns by hand.\n"
    )
    assert not (tmp_path / "p").exists()


def test_an_export_with_era_dates_becomes_a_project(tmp_path: Path) -> None:
    rows = "".join(
        f"D{i},{f'令和8年10月{1 + i % 28}日' if i % 3 else f'2026/10/{1 + i % 28:02d}'},"
        f"{i % 11}\r\n"
        for i in range(40)
    )
    rows = rows.replace("令和8年10月8日", "不明", 1)  # one date nobody can read
    export = write_text(tmp_path / "x.csv", "回答ID,回答日,推奨度\r\n" + rows, "cp932")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    # Japanese: its headings are (the ids D0… are no answers in English; MSG43's finding)
    assert text.startswith("# このフォルダーの全ユニットの既定値です")
    lines = text.splitlines()
    at = lines.index("  date: 回答日")
    assert lines[at - 3 : at] == [
        "  # 回答日（ISO／日本式の日付、2026-10-01〜2026-10-28）。",
        "  # 注意：回答日：40件のうち1件は日付ではありません（例：「不明」）。",
        "  # これらの回答はどの月にも入りません。",
    ]


def test_demo_example_unit_survives_defaults_pointing_at_your_export(
    tmp_path: Path, repo_root: Path
) -> None:
    root = tmp_path / "demo"
    assert main(["init", str(root)]) == 0
    write_google_forms(tmp_path / "mine.csv")
    defaults = root / "parameters" / "defaults.yaml"
    text = defaults.read_text(encoding="utf-8")
    text = text.replace("path: ../data/demo_responses.csv.gz", "path: ../../mine.csv")
    text = text.replace(
        "score: score", "score: How likely are you to recommend this workshop to a friend?"
    )
    defaults.write_text(text, encoding="utf-8")
    found = load_all(root / "parameters")
    assert found.errors == []
    assert found.units["example"].data.path.name == "demo_responses.csv.gz"


def test_theme_pack_only_when_a_pack_fits(repo_root: Path) -> None:
    demo = pd.read_csv(repo_root / "data" / "demo_responses.csv.gz", usecols=["comment"])
    assert choose_theme_pack(demo["comment"].head(2000)) == "retail"
    r_survey = pd.Series(
        [
            "I love the tidyverse package",
            "Installing packages on Windows is painful",
            "The package ecosystem is great",
            "ggplot2 makes plotting easy",
            "Error messages are cryptic",
            "RStudio is a great IDE",
            "CRAN package checks are strict",
            "",
        ]
        * 10
    )
    assert choose_theme_pack(r_survey) is None  # "package" is not delivery
    assert choose_theme_pack(pd.Series([None, "  "])) is None
    software = pd.Series(
        [
            "The API docs are outdated",
            "The dashboard is slow to load",
            "Support answered my ticket quickly",
            "Pricing per seat is too high",
            "The Slack integration broke after the update",
            "Onboarding was easy",
            "Outages every week, the service went down again",
        ]
        * 10
    )
    assert choose_theme_pack(software) == "saas"
    bank = pd.Series(
        [
            "窓口の担当者が親切でした",
            "振込手数料が高い",
            "アプリで残高がすぐ確認できて便利",
            "保険金の支払いまで時間がかかりすぎ",
            "ATMが近くになくて不便",
            "審査に時間がかかった",
        ]
        * 10
    )
    assert choose_theme_pack(bank) == "finance"


def test_ratings_of_another_scale_become_categorical_questions(tmp_path: Path) -> None:
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{i % 11},{i % 5 + 1},{i % 5 + 1},{i % 7 + 1}\n"
        for i in range(40)
    )
    export = write_text(tmp_path / "r.csv", "date,recommend,speed,price,ease\n" + rows)
    project_from_export(tmp_path / "p", export)
    defaults = yaml.safe_load(
        (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    )
    assert [(q["column"], q["type"], q.get("scale")) for q in defaults["followups"]] == [
        ("speed", "rating", [1, 5]),
        ("price", "rating", [1, 5]),
        ("ease", "categorical", None),
    ]


def _typeform_consent_export(tmp_path: Path) -> Path:
    # Typeform exports "Can we contact you…?" as 1/0 next to a 1–5 rating: one question each.
    header = (
        "#,How likely are you to recommend us?,How would you rate the help you got?,"
        "Can we contact you about your feedback?,Submitted At\n"
    )
    rows = "".join(
        f"r{i},{i % 11},{'' if i % 4 == 0 else i % 5 + 1},{i % 2},2026-10-{i % 28 + 1:02d} 09:00\n"
        for i in range(60)
    )
    return write_text(tmp_path / "typeform.csv", header + rows)


def test_a_1_0_contact_question_is_consent_and_the_rating_stays_a_rating(tmp_path: Path) -> None:
    project_from_export(tmp_path / "p", _typeform_consent_export(tmp_path))
    defaults = yaml.safe_load(
        (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    )
    assert defaults["columns"]["contact"] == "Can we contact you about your feedback?"
    assert [(q["column"], q["type"], q.get("scale")) for q in defaults["followups"]] == [
        ("How would you rate the help you got?", "rating", [1, 5]),
    ]


def test_a_tie_between_scales_goes_to_the_scale_with_more_answers(tmp_path: Path) -> None:
    # One 1–7 question answered by every respondent, one 1–5 question by a quarter: the
    # 1–7 question is the rating, whichever order the columns come in.
    for order in ([0, 1], [1, 0]):
        columns = [("seven", lambda i: i % 7 + 1), ("five", lambda i: i % 5 + 1 if i % 4 else "")]
        picked = [columns[k] for k in order]
        header = "date,recommend," + ",".join(name for name, _ in picked) + "\n"
        rows = "".join(
            f"2026-10-{i % 28 + 1:02d},{i % 11}," + ",".join(str(f(i)) for _, f in picked) + "\n"
            for i in range(40)
        )
        folder = tmp_path / f"p{order[0]}"
        project_from_export(folder, write_text(tmp_path / f"t{order[0]}.csv", header + rows))
        defaults = yaml.safe_load(
            (folder / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
        )
        types = {q["column"]: (q["type"], q.get("scale")) for q in defaults["followups"]}
        assert types == {"seven": ("rating", [1, 7]), "five": ("categorical", None)}


@pytest.mark.parametrize("seven_first", [True, False])
def test_a_tie_between_equally_answered_scales_goes_to_the_first_asked(
    tmp_path: Path, seven_first: bool
) -> None:
    seven, five = ("ease", lambda i: i % 7 + 1), ("speed", lambda i: i % 5 + 1)
    first, second = (seven, five) if seven_first else (five, seven)
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{i % 11},{first[1](i)},{second[1](i)}\n" for i in range(40)
    )
    header = f"date,recommend,{first[0]},{second[0]}\n"
    project_from_export(tmp_path / "p", write_text(tmp_path / "t.csv", header + rows))
    defaults = yaml.safe_load(
        (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    )
    assert [(q["column"], q["type"]) for q in defaults["followups"]] == [
        (first[0], "rating"),
        (second[0], "categorical"),
    ]


def test_comments_name_every_attach_value_and_the_readme_every_pack(
    tmp_path: Path, repo_root: Path
) -> None:
    rows = "".join(f"2026-10-{i % 28 + 1:02d},{i % 11}\n" for i in range(40))
    export = write_text(tmp_path / "r.csv", "date,recommend\n" + rows)
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    comment = text.split("\nmail:\n", 1)[1].split("  attach:", 1)[0]
    assert set(get_args(Attach)) == set(ATTACH_CHOICES)
    for value in ATTACH_CHOICES:
        assert f"\n  #   {value}: " in comment
    # The README says what init does with the theme packs: any of them, not only retail.
    readme = (repo_root / "README.md").read_text(encoding="utf-8")
    row = next(line for line in readme.splitlines() if line.startswith("| `--from EXPORT` |"))
    assert all(f"`{pack}`" in row for pack in PACKS)
    assert "retail ones only" not in row


@pytest.mark.slow
def test_japanese_unit_ids_name_the_unit_from_init_to_the_mail(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # A clinic's id is its name (さくら歯科-大宮院), not unit-2, in every file and line that
    # names it: the unit file, the run's output, the report, the overview and the attachment.
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},さくら歯科 {clinic},{i % 11},{'待ち時間が長い' * (i % 2)}\n"
        for i, clinic in enumerate(["大宮院", "川口院"] * 30)
    )
    export = write_text(tmp_path / "clinics.csv", "回答日,医院名,推奨度,理由\n" + rows)
    root = tmp_path / "p"
    assert main(["init", str(root), "--from", str(export), "--unit-column", "医院名"]) == 0
    units = load_all(root / "parameters")
    assert units.errors == []
    assert {u: p.name for u, p in units.units.items()} == {
        "さくら歯科-大宮院": "さくら歯科 大宮院",
        "さくら歯科-川口院": "さくら歯科 川口院",
    }
    unit_file = root / "parameters" / "さくら歯科-大宮院.yaml"
    unit_file.write_text(
        unit_file.read_text(encoding="utf-8").replace(
            "# mail:\n#   to: [team@example.com]",
            "mail: {to: [omiya@example.com]}",
        ),
        encoding="utf-8",
    )
    monkeypatch.chdir(root)
    for name in ("HOST", "PORT", "SECURITY", "FROM", "USER", "PASSWORD", "CAFILE"):
        monkeypatch.delenv(f"NPS_KIT_SMTP_{name}", raising=False)
    assert main(["run", "--jobs", "1", "--period", "2026-10"]) == 0
    folder = root / "reports" / "2026-10"
    assert (folder / "さくら歯科-大宮院.html").is_file()
    assert 'href="さくら歯科-大宮院.html"' in (folder / "index.html").read_text(encoding="utf-8")
    capsys.readouterr()
    assert main(["send", "--all", "--period", "2026-10", "--dry-run"]) == 0
    assert "さくら歯科-川口院: 送信しません：" in capsys.readouterr().out  # Japanese (FIX87)
    eml = folder / "outbox" / "さくら歯科-大宮院.eml"
    message = email.message_from_bytes(eml.read_bytes(), policy=email.policy.default)
    names = [a.get_filename() for a in message.iter_attachments()]
    assert names[0] == "さくら歯科-大宮院_2026-10.html"


SATISFACTION = ["Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied"]
OFFICE = "Which of our regional offices handled your most recent support request?"
DOCS = "How satisfied are you with our documentation?"


def _labelled_export(tmp_path: Path) -> Path:
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{i % 11},{['North', 'South'][i % 2]},"
        f"{SATISFACTION[[0, 1, 2, 3, 4, 4, 4, 3][i % 8]]}\n"
        for i in range(60)
    )
    return write_text(tmp_path / "s.csv", f'date,recommend,"{OFFICE}",{DOCS}\n' + rows)


def test_a_labelled_scale_becomes_a_rating_labelled_by_its_subject(tmp_path: Path) -> None:
    project_from_export(tmp_path / "p", _labelled_export(tmp_path))
    folder = tmp_path / "p" / "parameters"
    defaults = yaml.safe_load((folder / "defaults.yaml").read_text(encoding="utf-8"))
    # The label titles a chart ("NPS by Regional offices") and a table and names the question
    # in the e-mail: what the question asks about, never the question cut at a width.
    assert defaults["breakdowns"] == [{"column": OFFICE, "label": "Regional offices"}]
    assert defaults["followups"] == [
        {
            "column": DOCS,
            "type": "rating",
            "scale": [1, 5],
            "codes": {str(i): answer for i, answer in enumerate(SATISFACTION, start=1)},
            "label": "Documentation",
        }
    ]
    assert load_all(folder).errors == []


@pytest.mark.slow
def test_a_labelled_rating_is_analysed_on_its_points(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = _labelled_export(tmp_path)
    project_from_export(tmp_path / "p", export)
    manifest = _run_project(tmp_path / "p", monkeypatch)
    (entry,) = manifest["units"]  # type: ignore[index]
    assert entry["status"] == "ok"
    html = (tmp_path / "p" / "reports" / "2026-10" / "p.html").read_text(encoding="utf-8")
    frame = pd.read_csv(export)
    points = frame[DOCS].map({a: i for i, a in enumerate(SATISFACTION, start=1)})
    assert points.mean() != 3  # not the middle: a reading in the wrong order shows
    # the ratings table's row (a wide table: each cell's content in its nps-table__value block)
    cell = r'<td class="is-num"[^>]*>(?:<div class="nps-table__value">)?'
    assert re.search(rf"Documentation(?:</div>)?</td>{cell}{points.mean():.2f}<", html)


# --- real exports: contact columns first, whole questions as headers ---------------------------
_PERSONAL = {"メール", "名前", "email", "#", "customer_id", "Network ID", "ID"}


def _defaults(root: Path) -> dict[str, object]:
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    return yaml.safe_load(text)  # type: ignore[no-any-return]


def _listed(defaults: dict[str, object], key: str) -> list[str]:
    return [entry["column"] for entry in defaults[key]]  # type: ignore[attr-defined, index]


def test_msforms_init_takes_the_reason_not_the_email(tmp_path: Path) -> None:
    export = write_msforms_ja(tmp_path / "hotel.xlsx")
    root = tmp_path / "hotel-nps"
    project_from_export(root, export, unit_column=MSFORMS_HOTEL)
    defaults = _defaults(root)
    assert defaults["columns"] == {
        "score": MSFORMS_NPS,
        "date": "完了時刻",  # submitted, not opened
        "id": "ID",
        "comment": MSFORMS_REASON,  # not メール, the first column that is not a category
        "contact": MSFORMS_CONSENT,
        "weight": None,
    }
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert (
        f"  # {MSFORMS_REASON}：スコアの理由や感想を尋ねる自由記述の設問です。\n"
        f"  comment: {MSFORMS_REASON}\n"
    ) in text
    # No guest's name or address becomes a breakdown (a chart naming the guests) or a
    # follow-up (addresses quoted as customers' voices); the detractor list gets the breakdown
    # columns, so no name column there either.
    assert _listed(defaults, "breakdowns") == [MSFORMS_PURPOSE]
    assert not _PERSONAL & {*_listed(defaults, "breakdowns"), *_listed(defaults, "followups")}
    assert defaults["breakdowns"] == [{"column": MSFORMS_PURPOSE, "label": "ご利用目的"}]
    # The pack is measured on the reasons (rooms, breakfast, staff, check-in): generic.
    assert "\nthemes: themes.yaml\n" in text
    themes = root / "parameters" / "themes.yaml"
    # No words of its own; below, commented, the split of Quality one hotel's comments need
    # (ホテル桜 大阪梅田: 60.4 % of its 53 comments with a theme).
    written = themes.read_text(encoding="utf-8")
    assert (
        "\nversion: 1\nextends: generic\nthemes: {}\n# 1つのテーマにコメントが集中しています：\n"
        in written
    )
    assert all(line.startswith("#") for line in written.split("themes: {}\n")[1].splitlines())
    units = load_all(root / "parameters")
    assert units.errors == []
    assert {p.themes for p in units.units.values()} == {themes.resolve()}
    # A file that extends the pack: the pack's themes and its learned layers, until the analyst
    # adds words there.
    book = load_themes(themes)
    assert (book.themes, book.pack) == (load_pack("generic").themes, "generic")


def test_typeform_init_takes_the_reason_not_the_response_token(tmp_path: Path) -> None:
    export = write_typeform(tmp_path / "telco.csv")
    root = tmp_path / "telco-nps"
    project_from_export(root, export, unit_column="region")
    defaults = _defaults(root)
    columns = defaults["columns"]
    assert isinstance(columns, dict)
    assert (columns["comment"], columns["date"], columns["id"], columns["contact"]) == (
        TYPEFORM_REASON,  # not "#", the 32-hex response token
        "Submitted At",  # not "Start Date (UTC)"
        "#",  # FIX44: Typeform's own id of each response, not the hidden field customer_id
        TYPEFORM_CONTACT,  # 1/0 answers: consent, not a 0–5 rating
    )
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    # The customer number is what the team looks the customer up by: beside the e-mail.
    assert "  # contact_details: [email, customer_id]\n" in text
    # The plan is an answer; utm_source (email, sms, app) is a tracking parameter of the link.
    assert defaults["breakdowns"] == [{"column": TYPEFORM_PLAN, "label": "Plan"}]
    assert defaults["followups"] == [
        {"column": TYPEFORM_REASON, "type": "text", "label": "Main reason for your score"}
    ]
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    # Outages, billing, engineers, call centre: the generic pack, not saas (which the hashes
    # and addresses of the other text columns made look like software).
    assert "\nthemes: themes.yaml\n" in text
    themes = (root / "parameters" / "themes.yaml").read_text(encoding="utf-8")
    assert "# Your own words for nps-kit's 'generic' theme pack" in themes
    # Speed holds 70 %, found by one word ('minutes'): no split, but (FIX54) the comments the
    # learned layer tagged, with none of its words, and their phrases, all commented out.
    tail = themes.split("version: 1\nextends: generic\nthemes: {}\n")[1]
    assert tail.startswith("# One theme holds most of these comments: 'Speed and waiting times'")
    assert "no split of them is proposed" in tail and "# themes:" not in tail
    assert all(line.startswith("# ") for line in tail.splitlines())
    assert load_all(root / "parameters").errors == []


def test_qualtrics_japanese_matrix_rows_are_ratings_labelled_by_their_row(tmp_path: Path) -> None:
    export = write_qualtrics_ja_tsv(tmp_path / "insurer.tsv")
    root = tmp_path / "insurer-nps"
    project_from_export(root, export, unit_column="支店")
    defaults = _defaults(root)
    codes = {
        "1": "非常に不満",
        "2": "やや不満",
        "3": "どちらでもない",
        "4": "やや満足",
        "5": "非常に満足",
    }
    # The call-centre row (with 「利用していない」) was a breakdown by satisfaction, and both rows
    # were labelled 「以下の項目について、満足度をお聞かせください。 - …」.
    assert defaults["breakdowns"] == [{"column": "年代", "label": "年代"}]
    assert defaults["followups"] == [
        {"column": "Q2", "type": "text", "label": "評価された理由"},
        *(
            {"column": f"Q3_{k}", "type": "rating", "scale": [1, 5], "codes": codes, "label": item}
            for k, item in enumerate(QUALTRICS_JA_ITEMS, 1)
        ),
    ]
    # Dated when given: a partial response's RecordedDate is when Qualtrics closed it.
    assert defaults["columns"]["date"] == "StartDate"
    # Qualtrics says who did not finish: the setting is written, counting them by default.
    assert defaults["data"]["unfinished"] == "include"
    assert load_all(root / "parameters").errors == []


def test_surveymonkey_init_never_quotes_patient_codes(tmp_path: Path) -> None:
    export = write_surveymonkey_xlsx(tmp_path / "dental.xlsx")
    root = tmp_path / "dental-nps"
    project_from_export(root, export)
    defaults = _defaults(root)
    columns = defaults["columns"]
    assert isinstance(columns, dict)
    # Respondent ID is unique; Custom Data 1 (PT-…) repeats for a patient who came twice.
    assert (columns["id"], columns["comment"]) == ("Respondent ID", MONKEY_REASON)
    questions = [f["column"] for f in defaults["followups"] + defaults["breakdowns"]]
    # The patients' codes were a text follow-up: quoted as "voices" and tagged with themes.
    assert "Custom Data 1" not in questions
    assert [f for f in defaults["followups"] if f["type"] == "text"] == [
        {"column": MONKEY_REASON, "type": "text", "label": "Primary reason for your score"},
        # Its "Other (please specify)" box is labelled by its question, not "Other (please
        # specify)" alone.
        {
            "column": f"{MONKEY_SERVICES} - {MONKEY_OTHER}",
            "type": "text",
            "label": "Services — other (text)",
        },
    ]
    # Each matrix row is labelled by its row: the key-driver chart and the ratings table named
    # every point "How satisfied were you with each of the following? - …" (one of them
    # "Each of the following? - Friendliness of staff").
    ratings = [f for f in defaults["followups"] if f["type"] == "rating"]
    assert [(f["column"], f["label"]) for f in ratings] == [
        (f"{MONKEY_MATRIX} - {aspect}", aspect) for aspect in MONKEY_ASPECTS
    ]
    assert load_all(root / "parameters").errors == []


def test_rows_two_matrices_share_keep_their_question_in_the_label(tmp_path: Path) -> None:
    # An importance grid beside a satisfaction grid of the same items: labelled by the row
    # alone, the key-driver chart and the ratings table had two "Price" and two "Staff".
    important = "How important is each of the following?"
    satisfied = "How satisfied are you with each of the following?"
    rows = ("Price", "Staff")
    scale = ("Very dissatisfied", "Dissatisfied", "Neutral", "Satisfied", "Very satisfied")
    header = ["date", "How likely are you to recommend us?"] + [
        f"{q} - {r}" for q in (important, satisfied) for r in rows
    ]
    lines = [",".join(f'"{h}"' for h in header)]
    for i in range(60):
        points = [str(1 + (i + k) % 5) for k in range(2)] + [scale[(i + k) % 5] for k in range(2)]
        lines.append(",".join([f"2026-10-{i % 28 + 1:02d}", str(i % 11), *points]))
    export = write_text(tmp_path / "grid.csv", "\n".join(lines) + "\n")
    root = tmp_path / "grid"
    project_from_export(root, export)
    labels = [f["label"] for f in _defaults(root)["followups"]]  # type: ignore[index]
    assert labels == [
        "Price (How important is each of the following)",
        "Staff (How important is each of the following)",
        "Price (How satisfied are you with each of the following)",
        "Staff (How satisfied are you with each of the following)",
    ]
    assert load_all(root / "parameters").errors == []


def test_surveymonkey_init_proposes_one_multi_select(tmp_path: Path) -> None:
    export = write_surveymonkey_xlsx(tmp_path / "dental.xlsx")
    root = tmp_path / "dental-nps"
    project_from_export(root, export)
    defaults = _defaults(root)
    # Each option column was a breakdown of its own ("Cleaning / check-up", "Filling" …).
    assert defaults["breakdowns"] == [{"column": MONKEY_OFFICE, "label": "Office"}]
    multi = [f for f in defaults["followups"] if f["type"] == "multi"]
    assert multi == [
        {"column": MONKEY_SERVICES, "type": "multi", "separator": ";", "label": "Services"}
    ]
    assert load_all(root / "parameters").errors == []


@pytest.mark.slow
def test_surveymonkey_report_shows_the_multi_select_as_one_question(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = write_surveymonkey_xlsx(tmp_path / "dental.xlsx")
    root = tmp_path / "dental-nps"
    project_from_export(root, export)
    monkeypatch.chdir(root)
    assert main(["run", "--jobs", "1", "--period", "2026-11"]) == 0
    html = (root / "reports" / "2026-11" / "dental-nps.html").read_text(encoding="utf-8")
    text = re.sub(r'<(script|style)\b.*?</\1>|src="data:[^"]*"', "", html, flags=re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", text).split())
    # One table of the services, one row per option (November: patients 60-119), where each
    # option column was a breakdown of its own ("NPS by Filling").
    ticked = [monkey_services(i) for i in range(60, 120)]
    for option in (*MONKEY_OPTIONS, "Other"):
        assert f" {option} " in text
        assert f"NPS by {option}" not in text
    table = text[text.index("Services Option Responses") :]
    rows = re.findall(
        r"(Cleaning / check-up|Filling|Whitening|Other)(?: small sample)? (\d+) ", table
    )
    assert dict(rows[:4]) == {
        o: str(sum(o in t for t in ticked)) for o in (*MONKEY_OPTIONS, "Other")
    }


@pytest.mark.slow
def test_msforms_report_quotes_reasons_and_names_nobody(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    export = write_msforms_ja(tmp_path / "hotel.xlsx")
    root = tmp_path / "hotel-nps"
    project_from_export(root, export)
    monkeypatch.chdir(root)
    assert main(["run", "--jobs", "1", "--period", "2026-11"]) == 0
    html = (root / "reports" / "2026-11" / "hotel-nps.html").read_text(encoding="utf-8")
    assert "部屋のエアコンがうるさくて眠れませんでした。" in html  # a detractor's reason
    assert "anonymous" not in html
    assert "[EMAIL]" not in html
    assert "名前別" not in html
    assert "佐藤 太郎" not in html
    assert "ご利用目的別のNPS" in html
    text = re.sub(r'<(script|style)\b.*?</\1>|src="data:[^"]*"', "", html, flags=re.S)
    assert not re.search(r"\bnan\b", text)


@pytest.mark.slow
def test_a_language_column_is_proposed_as_a_breakdown_and_reported(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Customers who answered in Japanese and in English: Qualtrics' UserLanguage was survey
    # metadata, so init never proposed it and managers could not compare the two.
    export = write_qualtrics_ja_tsv(tmp_path / "insurer.tsv", languages=("JA", "EN"))
    root = tmp_path / "insurer-nps"
    project_from_export(root, export)
    assert {"column": "UserLanguage", "label": "User Language"} in _defaults(root)["breakdowns"]
    monkeypatch.chdir(root)
    assert main(["run", "--jobs", "1", "--period", "2026-10"]) == 0
    html = (root / "reports" / "2026-10" / "insurer-nps.html").read_text(encoding="utf-8")
    text = re.sub(r'<(script|style)\b.*?</\1>|src="data:[^"]*"', "", html, flags=re.S)
    text = " ".join(re.sub(r"<[^>]+>", " ", text).split())
    # October's 45 responses, every other one in English: the breakdown's chart values.
    start = text.index("5. 内訳")
    breakdown = text[start : text.index("6. ", start)]
    assert re.search(r"EN：NPS [^）]*回答数22件", breakdown), breakdown
    assert re.search(r"JA：NPS [^）]*回答数23件", breakdown), breakdown


def test_a_numbered_dont_know_is_the_midpoint_only_between_the_scales_answers(
    tmp_path: Path,
) -> None:
    # Two agreement questions as a Japanese panel tool numbers them: わからない third (between
    # the answers: the midpoint) and fifth (after them: does not apply).
    middle = ["1. そう思う", "2. ややそう思う", "3. わからない", "4. あまりそう思わない",
              "5. そう思わない"]  # fmt: skip
    after = ["1. そう思う", "2. ややそう思う", "3. どちらともいえない", "4. あまりそう思わない",
             "5. そう思わない", "6. わからない"]  # fmt: skip
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{i % 11},{middle[i % 5]},{after[i % 6]}\n" for i in range(60)
    )
    export = write_text(tmp_path / "panel.csv", "回答日,おすすめ度,設問A,設問B\n" + rows)
    root = tmp_path / "panel"
    project_from_export(root, export)
    followups = {f["column"]: f for f in _defaults(root)["followups"]}  # type: ignore[attr-defined]
    assert followups["設問A"]["scale"] == [1, 5]
    assert followups["設問A"]["codes"] == {str(5 - k): a for k, a in enumerate(middle)}
    assert followups["設問B"]["scale"] == [1, 5]
    assert followups["設問B"]["codes"] == {str(5 - k): a for k, a in enumerate(after[:5])}
    unit = load_all(root / "parameters").units["panel"]
    data = load_responses(export, score_column="おすすめ度").data
    read = {
        f.column: parse_ratings(data[f.column], scale=tuple(f.scale), codes=f.codes)
        for f in unit.followups
        if f.type == "rating"
    }
    # Every answer of question A is a rating, the midpoint 3; question B's わからない is none.
    assert read["設問A"][0].value_counts().sort_index().tolist() == [12] * 5
    assert read["設問B"][0].isna().sum() == 10
    assert not read["設問A"][1].any() and not read["設問B"][1].any()


@pytest.mark.slow
def test_unfinished_exclude_reaches_the_scaffolds_notebook_and_a_custom_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import nbformat

    export = write_qualtrics_ja_tsv(tmp_path / "insurer.tsv")
    root = tmp_path / "insurer-nps"
    project_from_export(root, export)
    params = root / "parameters"
    defaults = params / "defaults.yaml"
    text = defaults.read_text(encoding="utf-8")
    defaults.write_text(text.replace("unfinished: include", "unfinished: exclude"), "utf-8")
    # A notebook of the analyst's own, made before data.unfinished: the scaffold's without it.
    # It counted the unfinished responses whatever the parameters said.
    nb = nbformat.read(root / "notebooks" / "nps_report.ipynb", as_version=4)
    for cell in nb.cells:
        cell.source = "\n".join(x for x in cell.source.splitlines() if "unfinished" not in x)
    nbformat.write(nb, root / "notebooks" / "custom.ipynb")
    custom = "name: custom\nnotebook: ../notebooks/custom.ipynb\nmail:\n  to: []\n"
    (params / "custom.yaml").write_text(custom, encoding="utf-8")
    monkeypatch.chdir(root)
    assert main(["run", "--all", "--jobs", "1", "--period", "2026-10"]) == 0
    manifest = json.loads((root / "reports" / "2026-10" / "manifest.json").read_text("utf-8"))
    # October: 45 responses, 3 of them left after the score (Finished False).
    counted = {u["unit"]: (u["status"], u["summary"]["n"]) for u in manifest["units"]}
    assert counted == {"insurer-nps": ("ok", 42), "custom": ("ok", 42)}
    for unit in counted:
        html = (root / "reports" / "2026-10" / f"{unit}.html").read_text(encoding="utf-8")
        text = " ".join(re.sub(r"<[^>]+>", " ", html).split())
        item = EXCLUDED_JA
        assert f"{item} 3 " in text


# Headers of free-text questions as SurveyMonkey, Qualtrics (question text under the id),
# Google Forms and Japanese forms write them: (header, asks improvement?).
OPEN_QUESTIONS = [
    ("What is the primary reason for your score?", False),
    ("Why did you give that score?", False),
    ("Any other comments?", False),
    ("What could we do better?", True),
    ("What is one thing we could improve?", True),
    ("Do you have any suggestions for us?", True),
    ("What do you wish our product did?", True),
    ("What one thing would you change about our service?", True),
    ("スコアの理由を教えてください", False),
    ("その他コメント", False),
    ("改善してほしい点を教えてください", True),
    # A box for opinions and wishes alike is a general comment box (QA43).
    ("ご意見・ご要望", False),
    ("ご要望", True),
    ("Comments and suggestions", False),
    ("Any comments on how we could improve?", True),
    ("サービス改善のためのご意見", True),
    ("今後のサービスへのご希望があればお聞かせください", True),
    # The question of what it would take, in both languages alike (REVIEW45: the English asked
    # improvement, 「10点にするには何が必要ですか」 and 「もっと良くするために」 did not).
    ("What can we do to earn a 10?", True),
    ("10点にするには何が必要ですか", True),
    ("What would make you more likely to recommend us?", True),
    ("もっと良くするためにできることがあれば教えてください", True),
    ("Is there anything we could do differently?", True),
    ("何があればもっとおすすめしたいと思いますか", True),
    ("良かった点を教えてください", False),
    ("What did you like most?", False),
]


def test_init_says_which_open_questions_ask_what_to_improve(tmp_path: Path) -> None:
    headers = [header for header, _ in OPEN_QUESTIONS]
    rows = "".join(
        f"2026-10-{day:02d},{day % 11},"
        + ",".join(f"answer {day} to question {k}" for k in range(len(headers)))
        + "\n"
        for day in range(1, 29)
    )
    export = write_text(tmp_path / "open.csv", "date,score," + ",".join(headers) + "\n" + rows)
    root = tmp_path / "p"
    project_from_export(root, export)
    asks = {f["column"]: f.get("asks") for f in _defaults(root)["followups"]}
    assert asks == {
        header: "improvement" if improvement else None for header, improvement in OPEN_QUESTIONS
    }
    assert load_all(root / "parameters").errors == []


def test_surveymonkey_chain_init_reads_the_export_as_its_author_meant(tmp_path: Path) -> None:
    # A chain whose Tokyo clinic answers in Japanese: English as a whole, and for Tokyo's
    # readers too (FIX58: a unit's language is its readers'); Tokyo's file says so.
    export = write_surveymonkey_physio_xlsx(tmp_path / "physio.xlsx")
    root = tmp_path / "physio"
    project_from_export(root, export, unit_column=PHYSIO_CLINIC)
    defaults = _defaults(root)
    assert defaults["language"] == "en"
    units = {
        name: yaml.safe_load((root / "parameters" / f"{unit}.yaml").read_text(encoding="utf-8"))
        for name, unit in zip(
            PHYSIO_CLINICS,
            ("manchester-central-physio", "boston-back-bay-sports-clinic", "tokyo-shibuya-clinic"),
            strict=True,
        )
    }
    assert {name: unit.get("language") for name, unit in units.items()} == {
        "Manchester Central Physio": None,
        "Boston Back Bay Sports Clinic": None,
        "Tokyo Shibuya Clinic": None,
    }
    tokyo = (root / "parameters" / "tokyo-shibuya-clinic.yaml").read_text(encoding="utf-8")
    assert "\n# language: ja\n" in tokyo
    # Respondent ID repeats where a response was submitted twice: still the id, said why.
    assert defaults["columns"]["id"] == "Respondent ID"  # type: ignore[index]
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  # Respondent ID: nearly unique, 3 repeat.\n" in text
    assert "  # 'Respondent ID' is read as the id although 3 of its values repeat: all in" in text
    # The typed wishes were a breakdown ("NPS by Anything we could improve"), the rating
    # matrix categorical questions ordered by NPS.
    assert defaults["breakdowns"] == []
    assert defaults["followups"] == [
        {"column": PHYSIO_REASON, "type": "text", "label": "Main reason for your score"},
        {
            "column": PHYSIO_IMPROVE,
            "type": "text",
            "asks": "improvement",
            "label": "Anything we could improve",
        },
        *(
            {
                "column": f"{PHYSIO_MATRIX} - {row}",
                "type": "rating",
                "scale": [1, 5],
                "codes": {str(point): a for point, a in enumerate(PHYSIO_QUALITY, start=1)},
                "label": row,
            }
            for row in PHYSIO_ROWS
        ),
    ]
    assert load_all(root / "parameters").errors == []
    # QA17: the Tokyo report showed the English labels. Since FIX58 init leaves Tokyo in the
    # readers' language (English) and offers `# language: ja`; a team that reads Japanese
    # uncomments it, and a label per language gives each clinic's report its language's.
    tokyo_file = root / "parameters" / "tokyo-shibuya-clinic.yaml"
    tokyo = tokyo_file.read_text(encoding="utf-8")
    tokyo_file.write_text(tokyo.replace("\n# language: ja\n", "\nlanguage: ja\n"), encoding="utf-8")
    (root / "parameters" / "defaults.yaml").write_text(
        text.replace(
            "label: Main reason for your score}",
            "label: {en: Main reason for your score, ja: スコアの主な理由}}",
        ),
        encoding="utf-8",
    )
    found = load_all(root / "parameters")
    assert found.errors == []
    labels = {
        name: notebook_parameters(unit, period="2026-10")["followups"][0]["label"]
        for name, unit in found.units.items()
    }
    assert labels["tokyo-shibuya-clinic"] == "スコアの主な理由"
    assert labels["manchester-central-physio"] == "Main reason for your score"
    # The patients' e-mail column is offered for the work files, commented out: a valid
    # setting once the analyst removes the '# '.
    offer = '  # contact_details: ["What is your email address?"]\n'
    assert offer in text
    (root / "parameters" / "defaults.yaml").write_text(
        text.replace(offer, offer.replace("# ", "")), encoding="utf-8"
    )
    found = load_all(root / "parameters")
    assert found.errors == []
    assert all(u.columns.contact_details for u in found.units.values())


def test_init_from_a_workbook_with_a_cover_sheet_takes_sheet(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA19: init had no --sheet, and on the cover sheet said "no column '担当支社'".
    export = write_with_cover_sheet(tmp_path / "hotel.xlsx")
    root = tmp_path / "hotel-nps"
    argv = ["init", str(root), "--from", str(export), "--unit-column", MSFORMS_HOTEL]
    assert main(argv) == 2
    err = capsys.readouterr().err
    # In Japanese, the language init writes this export's project in (MSG43).
    assert (
        "：nps-kit init --fromはシート「表紙」に0〜10の点数の列を見つけられませんでした。ブックの"
        f"シート：「表紙」（読んだシート）、「回答データ」（0〜10の点数の列：「{MSFORMS_NPS}」）。"
        "--sheet 回答データを指定してください。initは--sheetで指定したシートをparameters/"
        "defaults.yamlのdata.sheetに書きます。\n"
    ) in err
    assert not root.exists()
    assert main([*argv, "--sheet", "回答データ"]) == 0
    assert _defaults(root)["data"]["sheet"] == "回答データ"  # type: ignore[index]
    units = load_all(root / "parameters")
    units.raise_if_errors()
    assert len(units.units) == 3  # one per hotel
    assert main(["init", str(tmp_path / "x"), "--sheet", "1"]) == 2
    assert capsys.readouterr().err.endswith("--sheet needs --from EXPORT.\n")


def test_without_a_consent_column_a_leave_your_number_column_is_offered(tmp_path: Path) -> None:
    # QA20: with no consent question, init offered no contact_details at all, so the numbers
    # patients left "if you would like us to call you back" never reached the call-back team.
    rows = ["Timestamp,How likely are you to recommend us?,Why?,Your phone number (optional)"]
    rows += [
        f"10/{1 + i % 28}/2026 09:{i % 60:02d}:00,{i % 11},reason {i},07700 9{i:05d}"
        if i % 2
        else f"10/{1 + i % 28}/2026 09:{i % 60:02d}:00,{i % 11},reason {i},"
        for i in range(40)
    ]
    export = tmp_path / "forms.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    path = tmp_path / "p" / "parameters" / "defaults.yaml"
    text = path.read_text(encoding="utf-8")
    offer = "  # contact_details: [Your phone number (optional)]\n"
    assert offer in text
    assert "a detail a respondent left" in text
    # The daily alerts follow the same rule (closed_loop.contactable_detractors).
    assert "left a number or address are alerted by nps-kit alerts" in text
    path.write_text(text.replace(offer, offer.replace("# ", "")), encoding="utf-8")
    found = load_all(tmp_path / "p" / "parameters")
    assert found.errors == []


def test_without_a_consent_column_names_alone_are_not_offered_as_contact_details(
    tmp_path: Path,
) -> None:
    # QA23: a name column offered alone as contact_details reaches nobody (closed_loop.
    # names_only): without a consent column and an e-mail or phone column, none is offered.
    rows = ["Timestamp,How likely are you to recommend us?,Why?,Your name"]
    rows += [
        f"10/{1 + i % 28}/2026 09:{i % 60:02d}:00,{i % 11},reason {i},Sam Smith{i}"
        for i in range(40)
    ]
    export = tmp_path / "forms.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "contact_details" not in text


def _hotel_consent_export(tmp_path: Path, yes: str, no: str) -> Path:
    consent = "Q5. ホテルからご連絡を差し上げてもよろしいですか。"
    rows = [f"回答日時,おすすめ度,理由,{consent},メールアドレス,電話番号"]
    rows += [
        f'2026/10/{1 + i % 28} 9:{i % 60:02d},{i % 11},理由{i},"{yes if i % 3 else no}",'
        f"guest{i}@example.jp,090-1234-{i:04d}"
        for i in range(40)
    ]
    export = tmp_path / "hotel.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return export


def test_consent_worded_as_japanese_tools_word_it_is_the_contact_column(tmp_path: Path) -> None:
    # QA21: 「はい、連絡してもよい」 was read as a multi-select, contact: null was written and the
    # e-mail/phone columns were offered, so the work file listed people who had said no.
    export = _hotel_consent_export(tmp_path, "はい、連絡してもよい", "いいえ、連絡しないでほしい")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  contact: Q5. ホテルからご連絡を差し上げてもよろしいですか。\n" in text
    # (in the project's language, QA23)
    assert (
        "  # 連絡を許可した批判者の連絡先をフォローアップの作業用ファイルと"
        "アラートのメールにコピーします" in text
    )


def test_an_unread_consent_question_withholds_the_contact_details_offer(tmp_path: Path) -> None:
    export = _hotel_consent_export(tmp_path, "連絡してOK", "NG")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  contact: null\n" in text
    assert "contact_details" not in text
    assert (  # in the project's language (QA23)
        "  # 「Q5. ホテルからご連絡を差し上げてもよろしいですか。」は連絡の同意を尋ねていますが、\n"
        "  # その回答（'連絡してOK', 'NG'）が「はい／いいえ」と読めません。\n"
        "  # 下のcontact:の行でどちらの回答が同意かを確かめ、contactにこの列を指定してください。\n"
        "  # それまでは連絡先の列を提案しません（断った人まで一覧に入るためです）。\n"
    ) in text
    # PRIV56: the two answers proposed as the unit's own consent words, NG as the refusal.
    assert (
        "# 「Q5. ホテルからご連絡を差し上げてもよろしいですか。」\n"
        "# の同意の答え方を2つの回答から読んだものです。\n"
        "# 確かめてから下の行のコメントを外し、\n"
        "# columns.contactに「Q5. ホテルからご連絡を差し上げてもよろしいですか。」を指定して"
        "ください。\n"
        "# contact:\n"
        "#   consent_yes: [連絡してOK]\n"
        "#   consent_no: [NG]\n"
    ) in text


def test_init_proposes_the_consent_answers_it_cannot_read(tmp_path: Path) -> None:
    # PRIV56: "Happy to be contacted" / "Please don't" read as neither yes nor no; init lists
    # them as the unit's own consent words (commented: a swapped pair would list the noes).
    consent = "May we contact you about your answer?"
    rows = [f"Submitted,Score,Why,{consent},Email"]
    rows += [
        f"2026-10-{1 + i % 28:02d} 09:{i % 60:02d},{i % 11},reason {i},"
        f'"{"Please don" + chr(39) + "t" if i % 3 == 0 else "Happy to be contacted"}",'
        f"guest{i}@example.com"
        for i in range(40)
    ]
    export = tmp_path / "shop.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  contact: null\n" in text
    assert (
        "# How 'May we contact you about your answer?' words consent, read from its two answers:\n"
        "# check it, then uncomment these lines and set columns.contact to 'May we contact you\n"
        "# about your answer?'.\n"
        "# contact:\n"
        "#   consent_yes: [Happy to be contacted]\n"
        "#   consent_no: [Please don't]\n"
    ) in text
    # Uncommented as proposed, the project loads and reads those answers.
    fixed = text.replace("  contact: null\n", f"  contact: '{consent}'\n")
    fixed = fixed.replace("# contact:\n#   consent_yes", "contact:\n  consent_yes")
    fixed = fixed.replace("#   consent_no", "  consent_no")
    (tmp_path / "p" / "parameters" / "defaults.yaml").write_text(fixed, encoding="utf-8")
    loaded = load_all(tmp_path / "p" / "parameters")
    assert loaded.errors == []
    unit = next(iter(loaded.units.values()))
    words = unit.consent_words()
    assert words.yes == {"happy to be contacted"} and words.no == {"please don't"}


def test_no_answer_words_seen_in_the_score_column_are_written(tmp_path: Path) -> None:
    # QA21: 「わからない」 in the score column, yet missing_values: [] was written, so score
    # counted 56 responses invalid and the report listed them as 無効な値, not 無回答.
    rows = ["回答日時,おすすめ度,理由"]
    rows += [
        f"2026/10/{1 + i % 28} 9:{i % 60:02d},{'わからない' if i % 10 == 0 else i % 11},理由{i}"
        for i in range(40)
    ]
    export = tmp_path / "hotel.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert (  # in the project's language (QA23)
        '  # 例：["Don\'t know", わからない]。\n'
        "  # スコアの列にあった値です。\n"
        "  missing_values: [わからない]\n"
    ) in text


def test_init_from_an_export_with_a_title_row_says_it_was_skipped(tmp_path: Path) -> None:
    # QA21: with 「…回答一覧」 above the header, init failed with "has no column '宿泊ホテル'".
    rows = ["ご宿泊者満足度アンケート 回答一覧", "回答日時,宿泊ホテル,おすすめ度,理由"]
    rows += [
        f"2026/10/{1 + i % 28} 9:{i % 60:02d},{['札幌', '新宿'][i % 2]},{i % 11},理由{i}"
        for i in range(40)
    ]
    export = tmp_path / "hotel.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project_from_export(tmp_path / "p", export, unit_column="宿泊ホテル")
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert (  # in the project's language (QA23)
        "  # 先頭の1行は表の上のタイトル（'ご宿泊者満足度アンケート 回答一覧'）なので、\n"
        "  # 毎回読み飛ばします。\n"
        "  # 列名は2行目です。\n"
    ) in text
    assert load_all(tmp_path / "p" / "parameters").errors == []


def _count_reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Count the whole-file reads of an export (format detection only reads a sample)."""
    from nps_kit import _formats

    reads: list[str] = []
    read_frame = _formats.read_frame

    def counted(layout: _formats.Layout, **kwargs: Any) -> Any:
        reads.append(str(layout.path))
        return read_frame(layout, **kwargs)

    monkeypatch.setattr(_formats, "read_frame", counted)
    return reads


def _cp932_shops(path: Path) -> Path:
    """A cp932 CSV of three shops whose score column holds わからない (a no-answer word)."""
    lines = ["回答日,おすすめ度,店舗,理由"]
    reasons = ("接客が丁寧でした", "レジの待ち時間が長い", "", "品揃えが良い", "駐車場が狭くて不便")
    for i in range(60):
        score = "わからない" if i % 17 == 3 else str((i * 7) % 11)
        reason = f"{reasons[i % 5]}（{i % 9 + 1}回目）" if reasons[i % 5] else ""
        shop = ("新宿店", "渋谷店", "池袋店")[i % 3]
        lines.append(f"2026/10/{i % 28 + 1},{score},{shop},{reason}")
    return write_text(path, "\r\n".join(lines) + "\r\n", encoding="cp932")


@pytest.mark.parametrize(
    ("name", "unit_column"),
    [
        ("monkey.xlsx", MONKEY_OFFICE),
        ("google.csv", "Which track did you attend?"),
        ("shops.csv", "店舗"),
    ],
)
def test_init_reads_the_export_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, unit_column: str
) -> None:
    # FIX26: inspection, the free texts, the sparse breakdowns, the units and the score's
    # no-answer words each read the whole export (5 reads; +0.15-0.5 s on a 4,000-row XLSX).
    writer = {
        "monkey.xlsx": write_surveymonkey_xlsx,
        "google.csv": write_google_forms,
        "shops.csv": _cp932_shops,
    }[name]
    export = writer(tmp_path / name)
    reads = _count_reads(monkeypatch)
    project_from_export(tmp_path / "p", export, unit_column=unit_column)
    assert reads == [str(export)]


def test_init_from_one_read_decides_as_the_separate_reads_did(tmp_path: Path) -> None:
    # The separate reads dropped the same rows as inspection's (blank XLSX rows, Qualtrics
    # previews: no score column decides a row), so the one read writes the same project.
    export = _cp932_shops(tmp_path / "shops.csv")
    project_from_export(tmp_path / "p", export, unit_column="店舗")
    folder = tmp_path / "p" / "parameters"
    defaults = yaml.safe_load((folder / "defaults.yaml").read_text(encoding="utf-8"))
    assert defaults["data"]["encoding"] == "cp932"
    assert defaults["data"]["missing_values"] == ["わからない"]
    assert defaults["columns"]["comment"] == "理由"
    units = sorted(p.stem for p in folder.glob("*.yaml"))
    assert units == ["defaults", "playbook", "themes", "新宿店", "池袋店", "渋谷店"]


def test_a_repeated_column_name_is_described_not_refused_by_init(tmp_path: Path) -> None:
    # FIX26: reading the free texts again named the first text column as the loader's score
    # column, whose repeated header it refused: "score_column 'Comments' is ambiguous" from an
    # init given no score column. Inspection lists both columns (Comments, Comments.1).
    lines = ["date,score,store,Comments,Comments "]
    lines += [
        f"2026-10-{i % 28 + 1:02d},{i * 3 % 11},S{i % 4},Good {i},Other {i}" for i in range(40)
    ]
    export = write_text(tmp_path / "repeat.csv", "\n".join(lines) + "\n")
    project_from_export(tmp_path / "p", export, unit_column="store")
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  - {column: Comments.1, type: text, label: Comments.1}" in text
    with pytest.raises(DataError) as caught:
        project_from_export(tmp_path / "q", export, unit_column="Comments")
    assert str(caught.value) == (
        f"{export}: column 4 (D) and column 5 (E) are both named 'Comments' once surrounding "
        "spaces are removed, so --unit-column 'Comments' is ambiguous. Rename or delete the "
        "extra column in the file so that the name is used once."
    )


def test_the_qualtrics_response_id_is_said_to_be_one(tmp_path: Path) -> None:
    # FIX26: "# ResponseId: Response ID: Qualtrics." above id: ResponseId (its kind's detail).
    project_from_export(tmp_path / "p", write_qualtrics(tmp_path / "q.csv"))
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert (
        "  # ResponseId: Response ID: Qualtrics' own id of each response.\n  id: ResponseId\n"
        in text
    )


@pytest.mark.parametrize("zone", ["America/Denver", "Z"])
def test_init_takes_the_time_zone_qualtrics_wrote_the_times_in(tmp_path: Path, zone: str) -> None:
    # FIX26: Qualtrics writes its dates in the zone chosen at download, and says which in the
    # third header row ({"ImportId":"startDate","timeZone":"America/Denver"}). The export's
    # times are that zone's wall clock, so the report's "now" (ages, overdue call-backs) must
    # be too: init wrote timezone: null (UTC for English), 7 hours off Denver's clock.
    text = write_qualtrics(tmp_path / "q.csv").read_text(encoding="utf-8-sig")
    for name in ("startDate", "endDate"):
        text = text.replace(
            f'"{{""ImportId"":""{name}""}}"',
            f'"{{""ImportId"":""{name}"",""timeZone"":""{zone}""}}"',
        )
    export = write_text(tmp_path / "zoned.csv", text, "utf-8-sig")
    project_from_export(tmp_path / "p", export)
    defaults = _defaults(tmp_path / "p")
    said = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    said = said.replace("\n# ", " ")  # the comment unwrapped
    if zone == "Z":
        assert defaults["timezone"] is None  # UTC, which English reads by default
        assert "Qualtrics wrote the export's times in UTC" in said
    else:
        assert defaults["timezone"] == "America/Denver"
        assert (
            "Qualtrics wrote the export's times in America/Denver (the timeZone of StartDate in "
            "its third header row):" in said
        )


_JAPANESE = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uff00-\uffef]")


def _english_comments(text: str) -> list[str]:
    """Comment lines without a Japanese letter, less settings to uncomment (contact, mail)."""
    comments = [line.strip() for line in text.splitlines() if line.strip().startswith("#")]
    setting = re.compile(r"^#\s*(contact_details: \[|mail:$|to: \[|contact:$|consent_(yes|no): \[)")
    return [c for c in comments if not _JAPANESE.search(c) and not setting.match(c) and c != "#"]


def test_a_japanese_project_s_files_are_commented_in_japanese(tmp_path: Path) -> None:
    # QA23: the clinic's defaults.yaml was all English, the contact_details advice the analyst
    # has to act on too. Every comment init writes for these exports is in Japanese; the keys
    # and a setting to uncomment stay as they are.
    rows = "".join(
        f"2026/{10 + i % 2}/{1 + i % 28:02d} 10:{i % 60:02d}:00,{('本院', '南口')[i % 2]},"
        f"{i % 11},{('待ち時間が長い', '先生が丁寧でした', '受付の対応が良い')[i % 3]}（{i}）,"
        f"{'090-1234-5678' if i % 4 == 0 else ''}\r\n"
        for i in range(60)
    )
    clinic = write_text(
        tmp_path / "clinic.csv",
        "タイムスタンプ,院名,この医院を家族や友人にすすめる可能性は？,その理由を教えてください,"
        "電話番号（折り返しのご連絡を希望される方のみ）\r\n" + rows,
        "cp932",
    )
    project_from_export(tmp_path / "clinic", clinic, unit_column="院名")
    project_from_export(tmp_path / "hotel", write_msforms_ja(tmp_path / "hotel.xlsx"))
    written = sorted((tmp_path / "clinic" / "parameters").glob("*.yaml"))
    written += sorted((tmp_path / "hotel" / "parameters").glob("*.yaml"))
    written = [p for p in written if p.name not in ("themes.yaml", "playbook.yaml")]
    assert len(written) == 5  # defaults and 本院, 南口; defaults and the hotel's one unit
    for path in written:
        text = path.read_text(encoding="utf-8")
        assert _english_comments(text) == [], path.name
        assert not any(len(line) > 100 for line in text.splitlines() if "#" in line), path.name
    text = (tmp_path / "clinic" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  # 連絡を受けるために回答者が記入する列だけを挙げてください：\n" in text
    assert "  # contact_details: [電話番号（折り返しのご連絡を希望される方のみ）]\n" in text
    assert load_all(tmp_path / "clinic" / "parameters").errors == []
    assert "\nlanguage: ja\n" in text and "\n  contact: null\n" in text
    # 年度: April, written with its Japanese comment
    assert (
        "\n# 年度の開始月（4＝4月始まり）。\n# comparison に fiscal_ytd を加えると、\n"
        "# 概要に年度累計（前年度の同じ月々との比較）を表示します。\nfiscal_year_start: 4\n"
    ) in text
    assert load_unit(tmp_path / "clinic" / "parameters" / "本院.yaml").fiscal_start == 4


def test_an_english_project_s_fiscal_year_start_is_left_to_set(tmp_path: Path) -> None:
    project_from_export(tmp_path / "p", write_google_forms(tmp_path / "forms.csv"))
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert (
        "\n# First month of the fiscal year (4 = April): with fiscal_ytd in comparison the\n"
        "# headline adds the fiscal year to date against the same months a year before.\n"
        "# Unset, the fiscal year is the calendar year (1 = January).\n"
        "# fiscal_year_start: 4\n"
    ) in text
    loaded = load_all(tmp_path / "p" / "parameters")
    assert loaded.errors == [] and [u.fiscal_start for u in loaded.units.values()] == [1]


@pytest.mark.parametrize("pack", [*PACKS, None])
def test_a_japanese_project_s_themes_and_playbook_are_commented_in_japanese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, pack: str | None
) -> None:
    # QA24 12: a car dealer's themes.yaml told a Japanese analyst in English how to add 代車 and
    # 車検. Every file init writes for a Japanese project has Japanese comments; a YAML example
    # to copy (`#   themes:`, `#     staff:`) stays as it is, and the files still load.
    # export_project calls it from its own module: patched there, not on the public face.
    monkeypatch.setattr("nps_kit.scaffold._project.choose_theme_pack", lambda texts: pack)
    project_from_export(tmp_path / "hotel", write_msforms_ja(tmp_path / "hotel.xlsx"))
    folder = tmp_path / "hotel" / "parameters"
    # a YAML example, or the pack's theme ids wrapped after a 、
    example = re.compile(r"^#\s+[\w-]+:(\s|$)|^# [\w、]+。?$")
    for name in ("themes.yaml", "playbook.yaml"):
        text = (folder / name).read_text(encoding="utf-8")
        left = [c for c in _english_comments(text) if not example.match(c)]
        assert left == [], name
        assert not any(len(line) > 100 for line in text.splitlines() if "#" in line), name
    readme = (tmp_path / "hotel" / "README.md").read_text(encoding="utf-8")
    assert "のNPSレポート" in readme and "Every setting" not in readme
    assert load_all(folder).errors == []


@pytest.mark.parametrize(
    ("header", "answers"),
    [
        ("改善してほしい点", ("土日も診療してほしい", "なし", "特になし", "駐車場を広く", "")),
        ("What should we do better?", ("Faster replies", "Nothing", "N/A", "Cheaper parking", "")),
    ],
)
def test_a_question_asking_what_to_improve_is_never_a_breakdown(
    tmp_path: Path, header: str, answers: tuple[str, ...]
) -> None:
    # QA23 #7: 「改善してほしい点」 had 8 distinct answers in 1,959, so it was called categorical
    # and made the first breakdown, with なし and 特になし as two groups. Its header asks what
    # to improve: a free-text follow-up (asks: improvement) however few its distinct answers.
    rows = "".join(
        f"2026/{10 + i % 2}/{1 + i % 28:02d} 10:{i % 60:02d}:00,{i % 11},"
        f"{('受付', '診察', '会計')[i % 3]},{answers[i % len(answers)]}\r\n"
        for i in range(200)
    )
    export = write_text(
        tmp_path / "clinic.csv",
        f"タイムスタンプ,この医院を家族や友人にすすめる可能性は？,ご利用の窓口,{header}\r\n" + rows,
        "cp932",
    )
    root = tmp_path / "p"
    project_from_export(root, export)
    defaults = _defaults(root)
    assert [b["column"] for b in defaults["breakdowns"]] == ["ご利用の窓口"]
    followups = {f["column"]: f for f in defaults["followups"]}
    assert followups[header]["type"] == "text"
    assert followups[header]["asks"] == "improvement"
    assert load_all(root / "parameters").errors == []


def test_init_offers_qualtrics_own_contact_columns(tmp_path: Path) -> None:
    # QA23 #5: RecipientEmail, RecipientFirstName/LastName and ExternalReference were marked
    # metadata and init wrote no contact_details, so the alert and the work files carried only
    # R_… ids. They are the customer of an e-mail distribution: offered like a 電話番号 column.
    header = (
        "StartDate,ResponseId,RecipientLastName,RecipientFirstName,RecipientEmail,"
        "ExternalReference,Q1,Q2,Q3\n"
        "Start Date,Response ID,Recipient Last Name,Recipient First Name,Recipient Email,"
        "External Data Reference,How likely are you to recommend us?,Why did you give that score?,"
        "May we contact you about your answer?\n"
        '"{""ImportId"":""startDate""}","{""ImportId"":""_recordId""}",'
        '"{""ImportId"":""recipientLastName""}","{""ImportId"":""recipientFirstName""}",'
        '"{""ImportId"":""recipientEmail""}","{""ImportId"":""externalDataReference""}",'
        '"{""ImportId"":""QID1""}","{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID3""}"\n'
    )
    last = ("Davies", "Smith", "Jones", "Évans", "Brown")
    first = ("Léa", "Tom", "Ann", "Raj", "Zoë", "Sam", "Kai")
    reasons = ("Bill was completely wrong", "Friendly staff on the phone", "Estimated bills again")
    rows = "".join(
        f"2026-{10 + i % 2}-{1 + i % 28:02d} 09:{i % 60:02d}:00,R_{i:015x},{last[i % 5]},"
        f"{first[i % 7]},{first[i % 7].lower()}{i}@example.co.uk,ACC-{100000 + i * 37},"
        f"{i % 11},{reasons[i % 3]} ({i}),{('Yes', 'No')[i % 2]}\n"
        for i in range(80)
    )
    export = write_text(tmp_path / "energy.csv", header + rows, "cp1252")
    root = tmp_path / "p"
    project_from_export(root, export)
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "\n  contact: Q3\n" in text
    offered = re.search(r"\n  # contact_details: \[(.*)\]\n", text)
    assert offered is not None
    assert set(yaml.safe_load(f"[{offered[1]}]")) == {
        "RecipientEmail",
        "RecipientFirstName",
        "RecipientLastName",
    }  # ExternalReference (a customer number) is no means of contact (QA28 #4).
    assert load_all(root / "parameters").errors == []


def _dealer_export(path: Path, n: int = 120) -> Path:
    staff = [f"{f} {g}" for f in ("鈴木", "佐藤", "高橋") for g in "翔健彩蓮陽結葵"]  # 21
    reasons = ["説明が丁寧でした", "待ち時間が長かった", "対応が早くて助かりました"]
    rows = []
    for i in range(n):
        # Minute times that repeat, and customer numbers of which 6 return with other answers.
        when = f"2026-{10 + i % 2}-{1 + i % 28:02d} 10:{i % 7:02d}"
        customer = f"{(i if i >= 6 else i + 100) * 37:07d}" if i < n - 6 else f"{i - n + 6:07d}"
        phone = f"090-{1000 + i:04d}-{2000 + i:04d}"
        rows.append(
            f"{when},本店,{staff[i % 21]},{i % 11},{reasons[i % 3]},{customer},{phone},"
            f"{('はい', 'いいえ')[i % 2]}\n"
        )
    header = (
        "回答日時,店舗名,担当スタッフ,おすすめ度,理由,顧客番号,電話番号,"
        "今後ご連絡してもよいですか\n"
    )
    return write_text(path, header + "".join(rows))


def test_init_never_offers_a_shared_id_nor_the_staff_as_a_contact_detail(tmp_path: Path) -> None:
    # QA24: init offered id: 回答日時 (2,808 of 3,000 distinct), contact_details with 担当スタッフ,
    # and dropped the staff breakdown without a word.
    export = _dealer_export(tmp_path / "dealer.csv")
    project_from_export(tmp_path / "p", export)
    defaults = _defaults(tmp_path / "p")
    assert defaults["columns"]["id"] is None  # type: ignore[index]
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  # 「顧客番号」はIDに使いません：\n  # 6件の値が内容の異なる行で繰り返されて" in text
    assert "id: 回答日時" not in text
    assert re.search(r"  # 「回答日時」は120行のうち\d+行が前の行と同じ値のため、IDには", text)
    assert "  # contact_details: [電話番号]\n" in text
    assert "# 担当スタッフは使いません：人の名前で、内訳の列ではないためです。\n" in text


@pytest.mark.parametrize("language", ["en", "ja"])
def test_init_after_a_qualtrics_export_of_numeric_values_says_its_groups_are_codes(
    tmp_path: Path, language: str
) -> None:
    # FIX31: inspect says a Qualtrics export of numeric values holds codes; init proposed its
    # 1/2 consent and 1/2/3 plan columns as breakdowns of "1" and "2" without a word.
    question = (
        "How likely are you to recommend us?"
        if language == "en"
        else "当社を友人や同僚にすすめる可能性はどのくらいありますか？"
    )
    rows = "".join(
        f"2026-11-{1 + d % 28:02d} 09:00:00,0,{d % 11},{1 + d % 2},{1 + d % 3},"
        f"{('Slow app', 'Great staff')[d % 2] if language == 'en' else ('遅い', '丁寧')[d % 2]}\n"
        for d in range(80)
    )
    export = write_text(
        tmp_path / "q.csv",
        "StartDate,Status,Q1,Q5,Q6,Q7\n"
        f"Start Date,Response Type,{question},May we contact you?,Which plan are you on?,"
        "Why?\n"
        '"{""ImportId"":""startDate""}","{""ImportId"":""status""}","{""ImportId"":""QID1""}",'
        '"{""ImportId"":""QID5""}","{""ImportId"":""QID6""}","{""ImportId"":""QID7_TEXT""}"\n'
        + rows,
    )
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    # FIX64: the consent question is no breakdown, whatever its answers; the plan (1-3) reads
    # as a rating, so no breakdown of codes is left to warn of.
    assert "\nbreakdowns: []\n" in text
    if language == "en":
        assert "# This Qualtrics export holds numeric values (Status 0, 1, …)" in text
        assert "# Not Q5: it asks for consent to contact, not a group to compare NPS by." in text
    else:
        assert "数値" in text and "# Q5は使いません：連絡してよいかを尋ねる設問" in text
        assert _english_comments(text) == []
    assert load_all(tmp_path / "p" / "parameters").errors == []


def test_init_takes_a_consent_question_answered_ka_hi_as_the_loader_reads_it(
    tmp_path: Path,
) -> None:
    # QA25 C-1: init said 連絡可否 (可/否) could not be read as consent and told the user to
    # recode the export, while the loader and the alerts read it; following init made it a
    # breakdown ("NPS by 連絡可否") and listed people who had said 否 under "consent unknown".
    export = write_callcentre_ja(tmp_path / "denki.csv")
    project_from_export(tmp_path / "p", export, unit_column="営業所")
    defaults = _defaults(tmp_path / "p")
    assert defaults["columns"]["contact"] == "連絡可否"  # type: ignore[index]
    assert "連絡可否" not in _listed(defaults, "breakdowns")
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  # 連絡可否：連絡してよいかを「はい／いいえ」で答える設問です。\n" in text
    assert "  # contact_details: [電話番号" in text
    assert "読めません" not in text
    assert load_all(tmp_path / "p" / "parameters").errors == []


@pytest.mark.parametrize("token", ["#", "Token", "Response Token"])
def test_init_takes_typeform_s_response_token_over_a_unique_hidden_customer_id(
    tmp_path: Path, token: str
) -> None:
    # FIX44: customer_id (a hidden field, unique when each customer answered once) was the id
    # over Typeform's own per-response "#", so the work file's ids were customer numbers.
    export = write_typeform(tmp_path / "tf.csv", n=60)
    text = export.read_text(encoding="utf-8")
    export.write_text(text.replace("#,", f"{token},", 1), encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    assert _defaults(tmp_path / "p")["columns"]["id"] == token  # type: ignore[index]


def test_init_takes_the_call_id_not_the_customer_number_as_the_response_id(
    tmp_path: Path,
) -> None:
    # QA25 C-2: お客様番号 (unique in the export, but a customer number: who answered) was the id
    # over ｺｰﾙID, so the detractor list and the alerts showed the customer number as 回答ID.
    export = write_callcentre_ja(tmp_path / "denki.csv")
    project_from_export(tmp_path / "p", export, unit_column="営業所")
    defaults = _defaults(tmp_path / "p")
    assert defaults["columns"]["id"] == "ｺｰﾙID"  # type: ignore[index]
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert (
        "  # 「お客様番号」はIDに使いません：顧客番号は、回答ではなく回答者を表すためです。\n"
        "  id: ｺｰﾙID\n"
    ) in text
    # At most a detail the team looks the customer up by, beside the phone number.
    assert "  # contact_details: [電話番号, お客様番号]\n" in text


@pytest.mark.parametrize("language", ["en", "ja"])
def test_the_score_comment_says_what_was_found_not_that_the_question_recommends(
    tmp_path: Path, language: str
) -> None:
    # QA25 C-3: a header just ｽｺｱ got "0–10 and the question speaks of recommending".
    if language == "ja":
        export = write_callcentre_ja(tmp_path / "denki.csv")
        said = (
            "  # ｽｺｱ\n  # 0〜10で回答する唯一の列です（見出しは推奨意向を尋ねていません）。\n"
            "  # NPSの設問かどうか確認してください。\n  score: ｽｺｱ\n"
        )
    else:
        rows = "".join(
            f"2026-11-{1 + i % 28:02d},{i % 11},{('Slow', 'Kind staff')[i % 2]} {i}\n"
            for i in range(40)
        )
        export = write_text(tmp_path / "e.csv", "Date,Score,Comment\n" + rows)
        said = (
            "  # Score\n  # The only 0–10 column (its header does not speak of recommending): "
            "check that it is the NPS\n  # question.\n  score: Score\n"
        )
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert said in text
    assert "recommending." not in text and "推奨意向（おすすめするか）を尋ねています" not in text


def test_the_score_comment_says_the_question_recommends_when_it_does(tmp_path: Path) -> None:
    rows = "".join(f"2026-11-{1 + i % 28:02d},{i % 11},{(i * 3) % 11}\n" for i in range(40))
    export = write_text(tmp_path / "e.csv", "Date,How likely to recommend us?,Ease\n" + rows)
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  # 0–10 and the question speaks of recommending.\n" in text
    export = write_text(tmp_path / "f.csv", "Date,Score,Ease\n" + rows)
    project_from_export(tmp_path / "q", export)
    text = (tmp_path / "q" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert (
        "  # One of 2 0–10 columns, none of which speaks of recommending: check that it is the "
        "NPS\n  # question.\n"
    ) in text


def test_init_labels_half_width_kana_headers_full_width(tmp_path: Path) -> None:
    # QA25 C-5: labels ｺﾒﾝﾄ and ｵﾍﾟﾚｰﾀ (「ｵﾍﾟﾚｰﾀ別のNPS」); the columns keep their names.
    export = write_callcentre_ja(tmp_path / "denki.csv")
    project_from_export(tmp_path / "p", export, unit_column="営業所")
    defaults = _defaults(tmp_path / "p")
    assert {"column": "ｵﾍﾟﾚｰﾀ", "label": "オペレータ"} in defaults["breakdowns"]  # type: ignore[operator]
    assert defaults["followups"] == [{"column": "ｺﾒﾝﾄ", "type": "text", "label": "コメント"}]
    assert defaults["columns"]["comment"] == "ｺﾒﾝﾄ"  # type: ignore[index]


def test_init_from_a_two_row_header_proposes_its_rating_questions(tmp_path: Path) -> None:
    # QA26 #3: under 設問 merged over the questions, init wrote breakdowns "Unnamed: 4" ×3.
    export = write_grouped_header_xlsx(tmp_path / "byoin.xlsx")
    project_from_export(tmp_path / "p", export, unit_column="診療科")
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "Unnamed" not in text
    assert "  score: 当院をご家族やご友人に勧めたいと思いますか\n" in text
    codes = (
        '{"1": "不満", "2": "やや不満", "3": "どちらともいえない", "4": "やや満足", "5": "満足"}'
    )
    assert (
        f"  - {{column: 待ち時間の満足度, type: rating, scale: [1, 5], codes: {codes}, "
        "label: 待ち時間の満足度}\n"
    ) in text
    assert load_all(tmp_path / "p" / "parameters").errors == []


def test_init_takes_the_sheets_no_column_as_the_id_the_detractor_list_shows(
    tmp_path: Path,
) -> None:
    # QA26 #7: without columns.id the list showed the sheet row (781) where the sheet's own
    # No. column said 778, and No. 781 was another patient.
    from nps_kit.closed_loop import followup_list
    from nps_kit.unit import prepare_unit

    export = write_grouped_header_xlsx(tmp_path / "byoin.xlsx")
    project_from_export(tmp_path / "p", export, unit_column="診療科")
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert (
        "  # No.：回答ごとに異なる値です。\n"
        "  # 「No.」はファイルの行を順に1から40まで数えた通し番号で、"
        "アンケートが保つIDではありません。\n"
        "  # エクスポートごとに1から数え直すと、後のエクスポートのNo. 5は別の回答なのに、\n"
        "  # アラートの記録や戻ってきた作業用ファイルでは前の回答と取り違えられます。\n"
        "  # その場合は、エクスポートをまたいで続く番号（回答番号や受付番号）を"
        "idに設定してください。\n"
        "  id: No.\n"
    ) in text  # FIX49: and that a No. counting the rows may restart in the next export
    units = load_all(tmp_path / "p" / "parameters").units
    assert {u.columns.id for u in units.values()} == {"No."}
    unit = prepare_unit(
        export,
        name="x",
        score_column="当院をご家族やご友人に勧めたいと思いますか",
        date_column="回答日",
        period="2026-11",
    )
    found = followup_list(unit, id_column="No.", comment_column=None, contact_column=None)
    current = unit.current[unit.current["nps_score"] <= 6]
    assert sorted(found.rows["response_id"], key=int) == [str(n) for n in current["No."]]
    assert sorted(found.rows["response_id"], key=int) != [str(n) for n in current["nps_row"]]


def _cart_export(path: Path) -> Path:
    """A 定期通販 cart export as QA27's: half-width kana, a member id, a mail opt-in (可/不可)."""
    rows = [
        {
            "回答日時": f"2026-11-{1 + i % 28:02d} 10:00",
            "会員ID": f"A{i % 96:05d}",  # 4 members answered twice
            "購入ﾌﾞﾗﾝﾄﾞ": ["ﾙﾐｴｰﾙ", "ｵｰｶﾞﾆｯｸﾗﾎﾞ"][i % 2],
            "ｺｰｽ": ["ﾃｲｷｺｰｽ", "ｽﾎﾟｯﾄ購入"][i % 3 % 2],
            "この商品をご友人にすすめたいと思いますか？（0～10）": i % 11,
            "メール配信可": ["可", "不可"][i % 3 % 2],
            "ご意見・ご感想": ["香りが好きです。", "値段が高いと思います。", "届くのが早い。"][
                i % 3
            ],
        }
        for i in range(100)
    ]
    pd.DataFrame(rows).to_csv(path, index=False, encoding="cp932")
    return path


def test_a_mail_opt_in_is_named_not_taken_for_consent_nor_a_breakdown(tmp_path: Path) -> None:
    # QA27 #6: メール配信可 (可/不可) was "NPS by メール配信可" in every report while init said the
    # export had no consent column; a mailing-list opt-in is no consent to be called back.
    project_from_export(tmp_path / "p", _cart_export(tmp_path / "e.csv"), unit_column="購入ﾌﾞﾗﾝﾄﾞ")
    defaults = _defaults(tmp_path / "p")
    assert defaults["columns"]["contact"] is None  # type: ignore[index]
    assert "メール配信可" not in _listed(defaults, "breakdowns")
    assert "メール配信可" not in _listed(defaults, "followups")
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    said = re.sub(r"\n\s*# ", "", text)
    assert (
        "'メール配信可'（可／不可）は使いません：メール配信（メルマガ）の許可と読め、回答について"
        "連絡してよいかの同意ではないためです。調査でその同意を尋ねている場合だけ、contactに"
        "指定してください。"
    ) in said
    assert "メール配信可は使いません：可否を答える許可の設問で、NPSを比べるグループでは" in said


def test_init_counts_repeated_ids_as_run_warns_of_them(tmp_path: Path) -> None:
    # QA27 #6: init said no repeated ids were found, run that 会員ID repeats in 69 rows.
    project_from_export(tmp_path / "p", _cart_export(tmp_path / "e.csv"), unit_column="購入ﾌﾞﾗﾝﾄﾞ")
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert _defaults(tmp_path / "p")["columns"]["id"] == "会員ID"  # type: ignore[index]
    assert (
        "  # 完全に重複する回答と、重複したIDを除外します：完全に重複する行はありません。\n"
        "  # '会員ID'は100行のうち4行で前の行と同じ値です（再び回答したお客様の回答）。\n"
    ) in text


def test_a_unit_named_in_half_width_kana_is_named_full_width(tmp_path: Path) -> None:
    # QA27 #7: name: "ﾙﾐｴｰﾙ" put 「【NPS】ｵｰｶﾞﾆｯｸﾗﾎﾞ 2026年11月」 in subjects and titles; the
    # filter keeps the value as written (units compare it after NFKC).
    project_from_export(tmp_path / "p", _cart_export(tmp_path / "e.csv"), unit_column="購入ﾌﾞﾗﾝﾄﾞ")
    unit = yaml.safe_load(
        (tmp_path / "p" / "parameters" / "オーガニックラボ.yaml").read_text(encoding="utf-8")
    )
    assert unit["name"] == "オーガニックラボ"
    assert unit["data"]["filter"] == {"column": "購入ﾌﾞﾗﾝﾄﾞ", "values": ["ｵｰｶﾞﾆｯｸﾗﾎﾞ"]}


_GERMAN = (
    "Sehr freundlicher Empfang, das Auto war pünktlich fertig.",
    "Die Rechnung war viel höher als der Kostenvoranschlag, ohne Rückfrage!",
    "Niemand hat zurückgerufen, obwohl es versprochen wurde.",
    "Telefonisch nie erreichbar, und der Termin wurde vergessen.",
)


def test_init_says_the_comments_are_in_a_language_no_pack_reads(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX49 (QA26 #14): German comments got "none of the packs fits these comments; ... write
    # extends: retail|saas|finance|generic", a pack that cannot read them either.
    rows = "".join(
        f"{i + 1};{i % 28 + 1:02d}.11.2026;{i % 11};{_GERMAN[i % 4]}\n" for i in range(40)
    )
    export = write_text(
        tmp_path / "k.csv", "Nr;Datum;Weiterempfehlung (0-10);Kommentar\n" + rows, "cp1252"
    )
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 0
    said = "40 of 40 comments are in languages no pack reads (German 100 %)."
    themes = tmp_path / "p" / "parameters" / "themes.yaml"
    assert themes.read_text(encoding="utf-8").startswith(f"# {said}\n# Theme dictionaries")
    defaults = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert f"# {said}\n# Theme dictionaries: none of the bundled packs" in defaults
    assert (
        f"themes: {said} None of the packs (retail, saas, finance, generic, food, logistics) "
        "reads them, so "
        f"{themes} has no themes; keywords in their language written under en: there tag them "
        "(as mentions, without praise or complaint).\n"
    ) in capsys.readouterr().err


def test_init_says_the_learned_layer_found_the_dominant_theme_and_which_phrases_recur(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX54: Quality held 84 % of a Japanese hotel's comments, mostly tagged by the learned
    # layer (朝食会場, シャワー, アメニティ: none of its words), and init said nothing.
    export = tmp_path / "ja_hotel.csv"
    ja_hotel_export(layer=True).to_csv(export, index=False)
    root = tmp_path / "hotel"
    assert main(["init", str(root), "--from", str(export), "--unit-column", "施設"]) == 0
    themes = root / "parameters" / "themes.yaml"
    text = themes.read_text(encoding="utf-8")
    said = "".join(line.removeprefix("# ") for line in text.split("themes: {}\n")[1].split("\n"))
    assert (
        "このテーマの228件のうち188件はこのテーマの語句を含まず、学習済みの層が付けたものなので、"
        "語句による分割は提案しません。それらのコメントによく出る語句：朝食会場（69件）、"
        "バスルームが広かった（45件）、"
    ) in said
    assert "# themes:" not in text  # no split to paste
    assert load_themes(themes).themes == load_pack("generic").themes
    # A Japanese project's note is Japanese (FIX94).
    assert (
        "split: 1つのテーマにテーマ付きのコメントの大半が集まっていますが、その多くは"
        "学習済みの層がテーマの語なしに付けたものなので、分ける案はありません。"
        f"{themes}の末尾に、それらのコメントで最も多いフレーズを挙げています\n"
    ) in capsys.readouterr().err


def test_init_says_to_review_the_built_in_playbook_when_no_pack_fits(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # FIX54: no pack fit, so init wrote the built-in playbook, which asks promoters for
    # referrals and reviews, with no word; the note came only with the generic pack's.
    rows = "".join(
        f"{i + 1};{i % 28 + 1:02d}.11.2026;{i % 11};{_GERMAN[i % 4]}\n" for i in range(40)
    )
    export = write_text(
        tmp_path / "k.csv", "Nr;Datum;Weiterempfehlung (0-10);Kommentar\n" + rows, "cp1252"
    )
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 0
    playbook = tmp_path / "p" / "parameters" / "playbook.yaml"
    text = playbook.read_text(encoding="utf-8")
    assert text.startswith(
        "# REVIEW THIS FILE: `nps-kit init --from` found no theme pack that fits these comments, "
        "so these\n# are nps-kit's built-in actions, not chosen for your business: they ask "
        "promoters for referrals\n"
    )
    assert "invite them to your referral offer" in text  # what the note warns of
    assert (
        f"playbook: {playbook} is nps-kit's built-in playbook (it asks promoters for referrals "
        "and reviews), written for no business in particular: review its actions for yours "
        "(under general: and drivers:) and reword or delete any that does not fit your business "
        "or its rules before the first report goes out\n"
    ) in capsys.readouterr().err
    # In a Japanese project, the note in Japanese.
    japanese = in_language(_playbook(None, language="ja"), "ja")
    assert japanese.startswith(
        "# このファイルを確認してください：\n# `nps-kit init --from` はこのコメントに合う"
        "テーマパックを"
        "見つけられなかったため、\n"
    )
    assert "REVIEW THIS FILE" not in japanese


@pytest.mark.parametrize("order", ["file", "shuffled"])
def test_init_says_when_the_id_counts_the_rows_of_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], order: str
) -> None:
    # FIX49 (QA26 #7): FIX45 made a unique No. the id; a No. that numbers each export's rows
    # from 1 would match November's No. 5 to October's in the alerts log and a returned file.
    numbers = list(range(1, 61))
    if order == "shuffled":
        numbers = numbers[30:] + numbers[:30]
    rows = "".join(
        f"{n};2026-{10 + i // 30}-{i % 28 + 1:02d};{i % 11}\n" for i, n in enumerate(numbers)
    )
    export = write_text(tmp_path / "x.csv", "No.;Date;Score\n" + rows, "utf-8")
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 0
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  id: No.\n" in text
    err = capsys.readouterr().err
    if order == "shuffled":
        assert "numbers the rows" not in text
        assert "counts the export's rows" not in err
        return
    assert (
        "  # 'No.' numbers the rows 1 to 60 in file order (answers of 2026-10-01 to "
        "2026-11-28): a\n  # running number of this file, not an id the survey keeps. If each "
        "export numbers its rows\n"
    ) in text
    assert (
        "note: columns.id counts the export's rows 1, 2, 3 …: if each export numbers its rows from "
        "1 again, a returned work file and the alerts log would match the wrong response; "
    ) in err


def _offset_rows(unit: str, summer: str, winter: str) -> list[str]:
    """A unit's rows around 25 October 2026, when EU summer time ends, with their offsets."""
    days = pd.date_range("2026-10-10", "2026-11-10")
    return [
        f"{unit},{day:%Y-%m-%d}T09:{i % 60:02d}:00"
        f"{summer if day < pd.Timestamp('2026-10-25') else winter},{i % 11},ok {i}\n"
        for i, day in enumerate(days)
    ]


def test_init_proposes_each_unit_the_zone_its_written_offsets_point_to(tmp_path: Path) -> None:
    # QA26 #5: a hotel group's export writes each time with its offset (+00/+01 in London and
    # Lisbon, +01/+02 in Paris); init said "The export's times carry no zone" and wrote null.
    rows = [
        *_offset_rows("Riverside London", "+01:00", "+00:00"),
        *_offset_rows("Harbour View Lisbon", "+01:00", "+00:00"),
        *_offset_rows("Hotel Lumière Paris", "+02:00", "+01:00"),
    ]
    export = write_text(
        tmp_path / "a.csv", "Property,Response Date,recommend,why\n" + "".join(rows)
    )
    project_from_export(tmp_path / "p", export, unit_column="Property")
    folder = tmp_path / "p" / "parameters"
    text = (folder / "defaults.yaml").read_text(encoding="utf-8")
    assert "carry no zone" not in text
    assert yaml.safe_load(text)["timezone"] is None
    flat = " ".join(line.removeprefix("# ") for line in text.splitlines())
    assert (
        "The export writes each time with its UTC offset, and the units' offsets point to "
        "different zones: each unit's file sets its own. With null a time is read as the wall "
        "clock it was written in (months are cut by it), while ages and overdue call-backs "
        "count in UTC. timezone: null" in flat
    )
    zones = {
        path.stem: yaml.safe_load(path.read_text(encoding="utf-8")).get("timezone")
        for path in folder.glob("*.yaml")
        if path.stem not in ("defaults", "themes", "playbook")
    }
    assert zones == {
        "riverside-london": "Europe/London",
        "harbour-view-lisbon": "Europe/Lisbon",
        "hotel-lumière-paris": "Europe/Paris",
    }
    paris = (folder / "hotel-lumière-paris.yaml").read_text(encoding="utf-8")
    assert (
        "# The times carry the UTC offsets +01:00 / +02:00, changing on the days summer time\n"
        "# starts and ends in Europe/Paris (this unit's rows): its report reads them as that\n"
        "# zone's clock and counts ages and overdue call-backs by it.\n"
        "timezone: Europe/Paris\n"
    ) in paris


def test_init_sets_the_one_zone_every_unit_s_offsets_point_to(tmp_path: Path) -> None:
    rows = [
        *_offset_rows("Hotel Lumière Paris", "+02:00", "+01:00"),
        *_offset_rows("Hôtel Opéra Paris", "+02:00", "+01:00"),
    ]
    export = write_text(
        tmp_path / "a.csv", "Property,Response Date,recommend,why\n" + "".join(rows)
    )
    project_from_export(tmp_path / "p", export, unit_column="Property")
    folder = tmp_path / "p" / "parameters"
    text = (folder / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["timezone"] == "Europe/Paris"
    assert "carry no zone" not in text
    assert "timezone" not in (folder / "hotel-lumière-paris.yaml").read_text(encoding="utf-8")
    # One offset all year long points to no zone; null and what it does are said.
    summer = [f"2026-07-{d:02d}T10:00:00+02:00,{d % 11},ok {d}\n" for d in range(1, 29)]
    export = write_text(tmp_path / "b.csv", "Response Date,recommend,why\n" + "".join(summer))
    project_from_export(tmp_path / "q", export)
    text = (tmp_path / "q" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["timezone"] is None
    assert "carry no zone" not in text
    flat = " ".join(line.removeprefix("# ") for line in text.splitlines())
    assert (
        "The export writes each time with its UTC offset, and the offsets point to no single "
        "zone. With null a time is read as the wall clock it was written in (months are cut by "
        "it), while ages and overdue call-backs count in UTC. Set the zone of the offsets "
        "(e.g. Europe/London, Australia/Sydney) to count them there too. timezone: null" in flat
    )


def test_a_japanese_export_s_tokyo_offset_is_said_in_japanese(tmp_path: Path) -> None:
    rows = "".join(
        f"2026-11-{d:02d}T10:00:00+09:00,{d % 11},対応がとても丁寧でした {d}\n"
        for d in range(1, 29)
    )
    export = write_text(tmp_path / "a.csv", "回答日時,推奨度,理由\n" + rows)
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["timezone"] is None
    assert (
        "# 時刻にUTCからの時差+09:00が書かれています（Asia/Tokyoの時差）。\n"
        "# レポートは時刻をそのタイムゾーンの時刻（エクスポートに書かれた月）として読み、\n"
        "# 経過日数と期限切れの折り返し連絡もその時刻で数えます。\n"
        "# nullでは、時刻をAsia/Tokyo（言語で決まるタイムゾーン）の時刻として読みます。\n"
        "timezone: null\n"
    ) in text


def test_init_on_a_hotel_export_proposes_splitting_quality_and_reviewing_the_playbook(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA26 #15/#16: generic is chosen, Quality holds 71 % of the comments with a theme.
    export = tmp_path / "hotel_export.tsv"
    hotels = ("Riverside London", "Alpenhof Munich")
    rows = [
        f"{880100 + i}\t2026-11-{1 + i % 28:02d}\t{hotels[i % 2]}\t{score}\t{comment}"
        for i, (comment, score) in enumerate(hotel_comments())
    ]
    head = "Survey ID\tResponse Date\tProperty\tLikelihood to Recommend\tComments\n"
    export.write_bytes((head + "\n".join(rows)).encode("utf-16"))
    root = tmp_path / "hotels"
    assert main(["init", str(root), "--from", str(export), "--unit-column", "Property"]) == 0
    err = capsys.readouterr().err
    parameters = tmp_path / "hotels" / "parameters"
    assert (
        "split: one theme ('quality') holds most of the comments with a theme, so its actions "
        "would cover the problems of different teams; the end of "
        f"{parameters / 'themes.yaml'} proposes themes of its most frequent words to split it into"
    ) in err
    assert f"playbook: {parameters / 'playbook.yaml'} is the generic pack's playbook" in err
    themes = (parameters / "themes.yaml").read_text(encoding="utf-8")
    assert (
        "# One theme holds most of these comments: 'Quality' (quality), 71.2% of the 132" in themes
    )
    # each hotel's own share too
    said = " ".join(line.removeprefix("# ") for line in themes.split("\n"))
    assert re.search(
        r"Units where one theme holds over 60%: Alpenhof Munich Quality \d+\.\d%, "
        r"Riverside London Quality \d+\.\d%\.",
        said,
    )
    assert '#   room:  # 28 comments, e.g. "Quiet room, slept like a baby."' in themes
    # Uncommented as it says, the file loads and Quality no longer holds most comments.
    lines = themes.split("\n")
    start = lines.index("# themes:")
    pasted = [line for line in lines[:start] if line != "themes: {}"]
    pasted += [line[2:] for line in lines[start:] if line.startswith("# ")]
    (parameters / "split.yaml").write_text("\n".join(pasted) + "\n", encoding="utf-8")
    assert {"quality", "room", "breakfast"} <= set(load_themes(parameters / "split.yaml").ids)
    playbook = (parameters / "playbook.yaml").read_text(encoding="utf-8")
    assert playbook.startswith("# REVIEW THIS FILE: `nps-kit init --from` chose the generic")


def test_a_japanese_split_proposal_names_the_theme_by_its_japanese_label(tmp_path: Path) -> None:
    # FIX54: 「テーマの付いたコメント200件の86.5%が「quality」です」 and 「京都 quality 87.4%」
    # named the theme by its id; the proposed themes' English names were the Japanese word.
    export = tmp_path / "ja_hotel.csv"
    ja_hotel_export().to_csv(export, index=False)
    root = tmp_path / "hotel"
    project_from_export(root, export, unit_column="施設")
    themes = (root / "parameters" / "themes.yaml").read_text(encoding="utf-8")
    said = "".join(line.removeprefix("# ") for line in themes.split("\n"))
    assert "テーマの付いたコメント300件の84.0%が「品質・内容」（quality）です" in said
    assert "1つのテーマが60%を超える単位：京都 品質・内容 88.9%、大阪 品質・内容 80.9%、" in said
    assert "quality 8" not in said
    assert (
        "#     label: {ja: '部屋', en: '部屋'}  # en: 英語の表示名に書き換え（ja・en とも必須）\n"
        in themes
    )


@pytest.mark.slow
def test_a_clinics_parking_complaints_get_advice_about_parking_not_paperwork(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA26 #16, through init and run: a hospital on the generic pack read 「予約・手続きの手間を
    # 洗い出し、手順を減らす」 for parking complaints and 「紹介制度があれば参加を依頼する」 for
    # its promoters.
    said = {
        2: ("駐車場が狭く、満車で停められませんでした。", "駐車場を増やしてほしい。",
            "電話がつながらず予約の変更ができない。", "駐車場が少なくて困ります。"),
        7: ("待ち時間が長い。", "会計の待ち時間がもう少し短いと良いです。"),
        10: ("看護師さんが親切でした。", "先生の説明が丁寧でわかりやすかった。",
             "受付の方の対応が良かった。"),
    }  # fmt: skip
    rows = [
        f"2026/11/{1 + i % 28:02d} 10:{i % 60:02d}:00,{s},{said[s][i % len(said[s])]}\r\n"
        for i, s in enumerate([2] * 16 + [7] * 10 + [10] * 14)
    ]
    export = write_text(
        tmp_path / "byoin.csv",
        "回答日時,当院をご家族やご友人に勧めたいと思いますか,自由記述\r\n" + "".join(rows),
        "cp932",
    )
    root = tmp_path / "byoin"
    assert main(["init", str(root), "--from", str(export)]) == 0
    assert "extends: generic" in (root / "parameters" / "themes.yaml").read_text("utf-8")
    _run_project(root, monkeypatch)
    text = (root / "reports" / "2026-11" / "byoin.html").read_text(encoding="utf-8")
    assert "アクセス・駐車場・予約や電話・受付時間のうち、不満の多い点を特定して改善する" in text
    assert "推奨者に感謝を伝え、特に評価してくれた点を聞いて、その点を守る" in text
    assert "予約・手続きの手間" not in text
    assert "紹介" not in text and "レビュー" not in text


@pytest.mark.parametrize("offset", ["+00:00", "Z"])
def test_a_winter_uk_export_s_zero_offset_proposes_no_utc(tmp_path: Path, offset: str) -> None:
    # REVIEW28 #2: every offset +00:00 (November in the UK) proposed timezone: UTC, so from
    # April the BST times (+01:00) were converted to UTC and the 1st's early hours filed in the
    # month before (QA26 #5). +00:00 alone is UTC or London/Dublin/Lisbon in winter.
    winter = [f"2026-11-{d:02d}T00:30:00{offset},{d % 11},ok {d}\n" for d in range(1, 29)]
    export = write_text(tmp_path / "a.csv", "Response Date,recommend,why\n" + "".join(winter))
    project_from_export(tmp_path / "q", export)
    text = (tmp_path / "q" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["timezone"] is None
    flat = " ".join(line.removeprefix("# ") for line in text.splitlines())
    assert (
        "The export writes each time with the UTC offset +00:00 (or Z): UTC's, but also that of "
        "Europe/London, Europe/Dublin or Europe/Lisbon in winter, which write +01:00 from summer "
        "time on, so no zone is proposed" in flat
    )
    # The unit's name is evidence: a London hotel's +00:00 in November is London's.
    rows = [f"Riverside London,{line}" for line in winter]
    export = write_text(
        tmp_path / "b.csv", "Property,Response Date,recommend,why\n" + "".join(rows)
    )
    project_from_export(tmp_path / "p", export, unit_column="Property")
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["timezone"] == "Europe/London"
    # So is a column of UK regions (an energy supplier's export).
    regions = ("Scotland", "North West", "Midlands")
    rows = [f"{regions[i % 3]},{line}" for i, line in enumerate(winter)]
    export = write_text(tmp_path / "c.csv", "Region,Response Date,recommend,why\n" + "".join(rows))
    project_from_export(tmp_path / "r", export)
    text = (tmp_path / "r" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["timezone"] == "Europe/London"
    assert "The column 'Region' names places in Europe/London" in " ".join(
        line.removeprefix("# ") for line in text.splitlines()
    )


def test_a_japanese_project_s_zero_offset_note_is_in_japanese(tmp_path: Path) -> None:
    rows = "".join(
        f"2026-11-{d:02d}T10:00:00+00:00,{d % 11},対応がとても丁寧でした {d}\n"
        for d in range(1, 29)
    )
    export = write_text(tmp_path / "a.csv", "回答日時,推奨度,理由\n" + rows)
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["timezone"] is None
    assert "時差+00:00（またはZ）" in text
    assert "The export writes" not in text


def _qualtrics_geo_export(path: Path) -> Path:
    """A Qualtrics CSV with its metadata columns (Location*, IPAddress, ExternalReference)."""
    header = (
        "StartDate,EndDate,IPAddress,ResponseId,ExternalReference,LocationLatitude,"
        "LocationLongitude,Q1,Q2,Q3,Q8\n"
        "Start Date,End Date,IP Address,Response ID,External Data Reference,Location Latitude,"
        "Location Longitude,How likely are you to recommend us?,Why did you give that score?,"
        "May we contact you about your answer?,Your phone number\n"
        '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}",'
        '"{""ImportId"":""ipAddress""}","{""ImportId"":""_recordId""}",'
        '"{""ImportId"":""externalDataReference""}","{""ImportId"":""locationLatitude""}",'
        '"{""ImportId"":""locationLongitude""}","{""ImportId"":""QID1""}",'
        '"{""ImportId"":""QID2_TEXT""}","{""ImportId"":""QID3""}","{""ImportId"":""QID8_TEXT""}"\n'
    )
    reasons = ("Bill was completely wrong", "Friendly staff on the phone", "Estimated bills again")
    rows = "".join(
        f"2026-10-{1 + i % 28:02d} 09:{i % 60:02d}:00,2026-10-{1 + i % 28:02d} 09:{i % 60:02d}:30,"
        f"203.0.113.{i % 250},R_{i:015x},C{1000000 + i},35.{6000 + i * 7},139.{6900 + i * 3},"
        f"{i % 11},{reasons[i % 3]} ({i}),{('Yes', 'No')[i % 2]},"
        f"090-{1000 + i:04d}-{2000 + i:04d}\n"
        for i in range(80)
    )
    return write_text(path, header + rows)


def test_contact_columns_are_phone_and_email_only_in_init_and_alerts(tmp_path: Path) -> None:
    # QA28 #4: alerts and the report advised "LocationLongitude" (139.6917, read as a phone
    # number) and init offered [Q8, ExternalReference] (a customer number): two lists, both
    # wrong. One rule (closed_loop.export_reach): only the phone column is a means of contact.
    from nps_kit.closed_loop import export_reach

    export = _qualtrics_geo_export(tmp_path / "denki.csv")
    responses = load_responses(export, score_column="Q1").data
    assert export_reach(responses) == ("Q8",)
    root = tmp_path / "p"
    project_from_export(root, export)
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    offered = re.search(r"\n  # contact_details: \[(.*)\]\n", text)
    assert offered is not None
    assert yaml.safe_load(f"[{offered[1]}]") == ["Q8"]


def test_init_sets_dedupe_for_exact_duplicate_rows_of_an_id(tmp_path: Path) -> None:
    # QA28 #7: init noted 2 exact duplicate rows (a second download appended) and left dedupe
    # false, so each counted twice and run blamed the id. Rows that repeat a response id
    # and every answer are one response: dedupe: true.
    export = _qualtrics_geo_export(tmp_path / "dup.csv")
    lines = export.read_text(encoding="utf-8").splitlines(keepends=True)
    export.write_text("".join(lines + lines[5:7]), encoding="utf-8")
    root = tmp_path / "p"
    project_from_export(root, export)
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "2 exact duplicate rows found." in text
    assert "\n  dedupe: true\n" in text
    assert "returning customer" not in text
    assert load_all(root / "parameters").errors == []


def test_init_leaves_dedupe_false_for_exact_duplicates_without_an_id(tmp_path: Path) -> None:
    # Without a response id, two people may give the same answers in the same minute.
    header = "Timestamp,How likely are you to recommend us?,Why?\n"
    rows = "".join(
        f"2026-10-{1 + i % 28:02d} 09:{i % 60:02d},{i % 11},ok {i % 5}\n" for i in range(60)
    )
    export = write_text(tmp_path / "forms.csv", header + rows + rows.splitlines(keepends=True)[3])
    root = tmp_path / "p"
    project_from_export(root, export)
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "1 exact duplicate rows found." in text or "exact duplicate row" in text
    assert "\n  dedupe: false\n" in text


def test_a_restaurant_export_gets_the_food_pack_without_a_claim_of_learned_layers(
    tmp_path: Path,
) -> None:
    # FOOD57: QA27's restaurant chain got generic (no order accuracy, cleanliness or menu). The
    # food pack fits; it has no learned layers, so the files init writes do not promise them.
    comments = [
        "They forgot my fries again",
        "Burger was cold and the bun soggy",
        "Lovely waitress, food came out quick",
        "Toilets were filthy",
        "Too noisy to talk, tables crammed together",
        "Not much on the menu for vegetarians",
        "Pricey for the portion size",
        "Deliveroo order turned up 40 minutes late",
        "Great pizza, will be back",
        "Booking on the app kept failing",
    ]
    rows = "".join(
        f"2026-10-{1 + i % 28:02d},{('Riverside', 'Airport', 'Market St')[i % 3]},{i % 11},"
        f'"{comments[i % len(comments)]}"\n'
        for i in range(90)
    )
    export = write_text(tmp_path / "diner.csv", "date,location,score,comment\n" + rows)
    project_from_export(tmp_path / "diner", export)
    folder = tmp_path / "diner" / "parameters"
    themes = (folder / "themes.yaml").read_text(encoding="utf-8")
    defaults = (folder / "defaults.yaml").read_text(encoding="utf-8")
    assert "\nextends: food\n" in themes
    assert "learned layers yet" in themes and "learned layers yet" in defaults
    assert "themes and learned" not in themes and "with its learned layers" not in defaults
    assert load_themes(folder / "themes.yaml").pack == "food"
    assert load_all(folder).errors == []


def test_a_forwarders_export_gets_the_logistics_pack_and_its_playbook(tmp_path: Path) -> None:
    # LOG76: QA28's and QA31's freight forwarders got generic, whose usability took "Freight rates
    # changed" and whose first action was about parking and phone lines.
    comments = [
        "Container sat at customs for 9 days, nobody told us why.",
        "The booking portal times out every time we upload a commercial invoice.",
        "Freight rates changed after booking without notice.",
        "Tracking in the portal shows the wrong ETA, our warehouse waited all day.",
        "Demurrage charges we did not cause, billing disputes take months.",
        "Our account manager solved a customs hold in two hours.",
        "Reliable air freight, always on time.",
        "The new portal makes booking and tracking easy.",
        "Pallets arrived damaged twice this quarter.",
        "配送遅延が多く、連絡もない。",
    ]
    rows = "".join(
        f"2026-10-{1 + i % 28:02d},{('Ocean', 'Air', 'Customs')[i % 3]},{i % 11},"
        f'"{comments[i % len(comments)]}"\n'
        for i in range(90)
    )
    export = write_text(tmp_path / "freight.csv", "date,line,score,comment\n" + rows)
    project_from_export(tmp_path / "freight", export)
    folder = tmp_path / "freight" / "parameters"
    themes = (folder / "themes.yaml").read_text(encoding="utf-8")
    playbook = (folder / "playbook.yaml").read_text(encoding="utf-8")
    assert "\nextends: logistics\n" in themes and "learned layers yet" in themes
    assert playbook.startswith("# Playbook of the logistics pack")
    assert "parking" not in playbook
    assert load_themes(folder / "themes.yaml").pack == "logistics"
    assert load_all(folder).errors == []


def test_init_takes_a_response_no_as_the_id_and_says_no_falsehood(tmp_path: Path) -> None:
    # QA29 F5: 'Response No.' (unique 1000-3199) was no id; defaults.yaml said "init found no
    # column unique to each response" and alerts stayed off.
    rows = "".join(
        f"{1000 + i},2026-10-{i % 28 + 1:02d} 10:00,{(i * 7) % 11},Ward {i % 3},p{i}@example.com\n"
        for i in range(60)
    )
    export = write_text(tmp_path / "h.csv", "Response No.,Submitted,score,Ward,Email\n" + rows)
    root = tmp_path / "hosp"
    project_from_export(root, export)
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert yaml.safe_load(text)["columns"]["id"] == "Response No."
    assert "no column unique" not in text


def test_init_names_a_unique_number_it_did_not_take_as_the_id(tmp_path: Path) -> None:
    # QA29 F5: "init found no column unique to each response" was false beside a unique number.
    rows = "".join(
        f"{5000 + 3 * i},2026-10-{i % 28 + 1:02d},{(i * 7) % 11},Ward {i % 3}\n" for i in range(60)
    )
    export = write_text(tmp_path / "h.csv", "Ref,Submitted,score,Ward\n" + rows)
    root = tmp_path / "hosp"
    project_from_export(root, export)
    text = (root / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "no column unique" not in text
    assert "'Ref' is unique in every row but not named as an id" in " ".join(
        line.strip(" #") for line in text.splitlines()
    )


def test_init_makes_one_unit_of_a_value_written_in_two_widths(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # QA29 F2: ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ新宿西口 (2/3 of the shop's rows) and ミライモバイルショップ新宿西口 were
    # two unit files whose filters both matched every row: two identical reports, mails, alerts.
    half, full = "ﾐﾗｲﾓﾊﾞｲﾙｼｮｯﾌﾟ新宿西口", "ミライモバイルショップ新宿西口"
    shops = [half, half, full, "ミライモバイルショップ渋谷"]
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d} 10:00,{(i * 7) % 11},{shops[i % 4]},店員の説明が丁寧でした\n"
        for i in range(80)
    )
    export = write_text(tmp_path / "c.csv", "回答日時,おすすめ度,ｼｮｯﾌﾟ名,ご意見\n" + rows)
    root = tmp_path / "carrier"
    assert main(["init", str(root), "--from", str(export), "--unit-column", "ｼｮｯﾌﾟ名"]) == 0
    units = sorted(p.name for p in (root / "parameters").glob("*.yaml") if p.stem not in NOT_UNITS)
    assert units == ["ミライモバイルショップ新宿西口.yaml", "ミライモバイルショップ渋谷.yaml"]
    shop = root / "parameters" / "ミライモバイルショップ新宿西口.yaml"
    assert yaml.safe_load(shop.read_text("utf-8"))["data"]["filter"]["values"] == [half, full]
    assert "（20行）とも書かれています" in shop.read_text("utf-8")
    err = capsys.readouterr().err
    # a Japanese export's project hears the note in Japanese (FIX94)
    assert "複数の表記" in err and "ミライモバイルショップ新宿西口.yaml" in err


def _tiny_export(tmp_path: Path, name: str, column: str, answers: list[str]) -> Path:
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{(9, 10, 3, 7, 8, 6)[i % 6]},"
        f'{("Single", "Double", "Suite")[i % 3]},"{a}"\n'
        for i, a in enumerate(answers)
    )
    return write_text(tmp_path / f"{name}.csv", f"date,score,room,{column}\n" + rows)


@pytest.mark.parametrize(
    ("column", "answers"),
    [
        # FIX64: a comment column of 3 distinct answers over 6 rows was proposed as a segment.
        (
            "comment",
            ["Friendly staff", "Room too small", "Friendly staff"] * 2,
        ),
        (
            "notes",
            ["the staff were friendly and very helpful all week"] * 2
            + ["room was small, but clean"] * 2
            + ["breakfast ran out early, again"] * 2,
        ),
        ("Comment", ["good", "bad", "ok", "good", "bad", "ok"]),
        ("ご意見", ["スタッフが親切でした", "部屋が狭い", "スタッフが親切でした"] * 2),
    ],
)
def test_init_proposes_no_free_text_of_a_tiny_export_as_a_breakdown(
    tmp_path: Path, column: str, answers: list[str]
) -> None:
    export = _tiny_export(tmp_path, "tiny", column, answers)
    project_from_export(tmp_path / "p", export)
    defaults = _defaults(tmp_path / "p")
    assert _listed(defaults, "breakdowns") == ["room"]
    assert defaults["columns"]["comment"] == column  # type: ignore[index]


def test_init_keeps_real_categories_of_a_tiny_and_a_normal_export_as_breakdowns(
    tmp_path: Path,
) -> None:
    # Short choices of a few words stay groups however few the rows ("More than 5 years").
    tenure = ["Less than 1 year", "1 to 3 years", "More than 5 years"] * 2
    export = _tiny_export(tmp_path, "tenure", "How long have you been a member?", tenure)
    project_from_export(tmp_path / "p", export)
    assert _listed(_defaults(tmp_path / "p"), "breakdowns") == [
        "room",
        "How long have you been a member?",
    ]
    rows = "".join(
        f"2026-10-{1 + i % 28:02d},{i % 11},{('Business', 'Leisure', 'Family')[i % 3]},"
        f'"{HOTEL_PRAISE[i % len(HOTEL_PRAISE)]}"\n'
        for i in range(80)
    )
    export = write_text(tmp_path / "normal.csv", "date,score,Reason for visit,comment\n" + rows)
    project_from_export(tmp_path / "q", export)
    defaults = _defaults(tmp_path / "q")
    assert _listed(defaults, "breakdowns") == ["Reason for visit"]
    assert defaults["columns"]["comment"] == "comment"  # type: ignore[index]


@pytest.mark.parametrize(
    "answers",
    [
        ["1", "2", "1", "1", "2", "1"],  # a choice exported as its codes
        ["x", "", "x", "", "x", ""],  # a box ticked to be contacted
        ["By e-mail", "By phone", "Not at all", "By e-mail", "Not at all", "By phone"],
    ],
)
def test_init_proposes_no_consent_question_as_a_breakdown(
    tmp_path: Path, answers: list[str]
) -> None:
    # FIX64: a hotel export's "May we contact you?" was proposed as a breakdown when its
    # answers did not read as yes/no: whatever they say, who may be contacted is no group.
    export = _tiny_export(tmp_path, "hotel", "May we contact you?", answers * 10)
    project_from_export(tmp_path / "p", export)
    defaults = _defaults(tmp_path / "p")
    assert "May we contact you?" not in _listed(defaults, "breakdowns")
    assert "May we contact you?" not in _listed(defaults, "followups")
    assert _listed(defaults, "breakdowns") == ["room"]


def _zoned_export(tmp_path: Path, zones: tuple[str, str]) -> Path:
    rows = "".join(
        f"{1000 + i},{1 + i % 28:02d}/{4 + i % 7:02d}/2026 09:{i % 60:02d},"
        f"{zones[1] if i % 7 == 6 else zones[0]},{['Royal Harbour', 'Northside'][i % 2]},"
        f"{i % 11},{['Great nurses', 'Long wait', 'Parking is dear'][i % 3]} (visit {i})\n"
        for i in range(80)
    )
    header = "Response No.,Submitted,Time zone,Hospital,Recommend,Why\n"
    return write_text(tmp_path / "h.csv", header + rows)


def test_a_column_of_zone_names_sets_the_timezone_and_is_no_breakdown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA29 F7: AEST/AEDT on every row, yet init wrote timezone: null ("its times carry no
    # zone") and proposed "NPS by Time zone".
    monkeypatch.setenv("TZ", "UTC")
    project_from_export(tmp_path / "p", _zoned_export(tmp_path, ("AEST", "AEDT")))
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    params = yaml.safe_load(text)
    assert params["timezone"] == "Australia/Sydney"
    assert [b["column"] for b in params["breakdowns"]] == ["Hospital"]
    flat = " ".join(line.removeprefix("# ") for line in text.splitlines())
    assert (
        "The column 'Time zone' names the times' zone (AEST, AEDT, Australia/Sydney): the report "
        "reads the times as that zone's clock"
    ) in flat
    assert "carry no zone" not in flat


def test_a_column_of_different_zones_sets_none_and_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    project_from_export(tmp_path / "p", _zoned_export(tmp_path, ("JST", "AEST")))
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    params = yaml.safe_load(text)
    assert params["timezone"] is None
    assert [b["column"] for b in params["breakdowns"]] == ["Hospital"]
    flat = " ".join(line.removeprefix("# ") for line in text.splitlines())
    assert (
        "The column 'Time zone' names different zones (JST, AEST): the times are not in one "
        "zone, so none is proposed."
    ) in flat


def test_init_warns_of_answers_perhaps_from_another_scale(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA29 F6: init wrote nothing of a survey version asked 1-10 beside one asked 0-10.
    monkeypatch.setenv("TZ", "UTC")
    v1 = [1, 1, 2, 2, 3, 5, 8, 9, 10, 10] * 6
    v2 = list(range(11)) * 8
    rows = [f"2026-05-{1 + i % 28:02d},v1,{s}" for i, s in enumerate(v1)]
    rows += [f"2026-06-{1 + i % 28:02d},v2,{s}" for i, s in enumerate(v2)]
    export = write_text(tmp_path / "h.csv", "date,Survey version,recommend\n" + "\n".join(rows))
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    flat = " ".join(line.strip().removeprefix("# ") for line in text.splitlines())
    assert (
        "WARNING: the 60 answers with 'Survey version' = 'v1' have no 0 while the other answers "
        "have 8: they may have been asked on a 1–10 scale, not 0–10. They are counted as 0–10 "
        "(nps-kit converts no score); if they are, leave them out of the export"
    ) in flat


@pytest.mark.parametrize(
    ("question", "comment"),
    [
        ("How likely are you to recommend us?\n(0 = not at all, 10 = extremely)", "Why?\nTell us"),
        (
            "本市の窓口サービスを\nどの程度すすめたいと思いますか。0〜10でご記入ください。",
            "ご意見・ご感想を\nご自由にお書きください。",
        ),
    ],
)
def test_a_header_written_on_two_lines_stays_in_its_comment(
    tmp_path: Path, question: str, comment: str
) -> None:
    # QA30: a municipal form's long question, its heading broken by a line break, ended a
    # comment line of defaults.yaml, so its second line was YAML: init crashed with a
    # ScannerError traceback and left a defaults.yaml nothing could read.
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{i % 11},{'良い' if i % 2 else 'bad'}\n" for i in range(40)
    )
    export = tmp_path / "survey.csv"
    head = f'date,"{question}","{comment}"\n'
    export.write_bytes((head + rows).encode("utf-8"))
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 0
    defaults = yaml.safe_load(
        (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    )
    assert defaults["columns"]["score"] == question
    assert defaults["columns"]["comment"] == comment
    assert load_all(tmp_path / "p" / "parameters").errors == []


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_init_proposes_one_unit_for_a_ward_renamed_mid_month(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    # QA29 F8: "Ward 3B" became "Ward 3B (Cardiology)" on 15 October: two unit files, the new
    # one's report with no trend. Its file proposes, commented out, the filter that keeps one
    # unit (data.filter.previous_names), and init says which files do.
    comment = "fine" if lang == "en" else "とても良い対応でした"
    rows = ["id,Ward,submitted_at,score,comment"]
    for i, day in enumerate(pd.date_range("2026-08-01", "2026-10-31", freq="D")):
        for k, ward in enumerate(("Ward 5", "Ward 3B")):
            name = (
                f"{ward} (Cardiology)"
                if ward == "Ward 3B" and day.day >= 15 and day.month == 10
                else ward
            )
            rows.append(f"R{i}-{k},{name},{day:%Y-%m-%d} 10:00,{(i * 7 + k) % 11},{comment}")
    export = tmp_path / "wards.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    root = tmp_path / "p"
    assert main(["init", str(root), "--from", str(export), "--unit-column", "Ward"]) == 0
    assert (
        "note: 1 unit(s) may be another renamed (one value stops as the other starts, one name "
        "the start of the other); each file has, commented out, the filter that keeps them one "
        "unit with one trend: ward-3b-cardiology.yaml (Ward 3B)"
        if lang == "en"
        # FIX94: a Japanese project's notes are Japanese.
        else "note: 1ユニットは別のユニットの名前が変わったものかもしれません（一方の値が終わる"
        "ときにもう一方が始まり、一方の名前がもう一方の先頭です）。各ファイルに、2つを1つの"
        "ユニットとして1本の推移にするフィルターがコメントとして書いてあります："
        "ward-3b-cardiology.yaml（Ward 3B）"
    ) in capsys.readouterr().err
    path = root / "parameters" / "ward-3b-cardiology.yaml"
    text = path.read_text(encoding="utf-8")
    proposed = (
        "  # filter: {column: Ward, values: [Ward 3B (Cardiology)], previous_names: [Ward 3B]}"
    )
    assert proposed in text.split("\n")
    said = ("" if lang == "ja" else " ").join(
        line.strip().removeprefix("# ") for line in text.split("\n")
    )
    assert (
        "'Ward 3B' has no answers after 2026-10-14 and this unit none before 2026-10-15: if it "
        "was renamed, this filter instead keeps them one unit with one trend (then delete the "
        "unit file of 'Ward 3B'):"
        if lang == "en"
        else "「Ward 3B」は2026-10-14より後の回答がなく、このユニットは2026-10-15より前の回答が"
        "ありません。"
    ) in said
    # Uncommented as it says, the unit file loads with the earlier name.
    live = "  filter: {column: Ward, values: [Ward 3B (Cardiology)]}"
    path.write_text(text.replace(live, proposed.replace("# ", "", 1)), encoding="utf-8")
    (root / "parameters" / "ward-3b.yaml").unlink()
    unit = load_unit(path)
    assert unit.data.filter is not None and unit.data.filter.previous_names == ["Ward 3B"]
    assert "previous_names" not in (root / "parameters" / "ward-5.yaml").read_text("utf-8")


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_init_proposes_one_merge_for_a_ward_renamed_twice(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: str
) -> None:
    # REVIEW35: Ward 3B became Ward 3B Cardio in September, Ward 3B Cardiology in November.
    # init proposed two renames: Ward 3B Cardio's file listing Ward 3B, Ward 3B Cardiology's
    # listing Ward 3B Cardio; followed, they were two units again, the first without its
    # newest months. One merge of the three: the last name's file lists both earlier ones.
    comment = "fine" if lang == "en" else "とても良い対応でした"
    names = {8: "Ward 3B", 9: "Ward 3B", 10: "Ward 3B Cardio", 11: "Ward 3B Cardiology"}
    rows = ["id,Ward,submitted_at,score,comment"]
    for i, day in enumerate(pd.date_range("2026-08-01", "2026-11-30", freq="D")):
        ward = names[day.month] if day.month != 9 or day.day < 20 else "Ward 3B Cardio"
        for k, name in enumerate(("Ward 5", ward)):
            rows.append(f"R{i}-{k},{name},{day:%Y-%m-%d} 10:00,{(i * 7 + k) % 11},{comment}")
    export = tmp_path / "wards.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    root = tmp_path / "p"
    assert main(["init", str(root), "--from", str(export), "--unit-column", "Ward"]) == 0
    assert (
        "note: 1 unit(s) may be another renamed (one value stops as the other starts, one name "
        "the start of the other); each file has, commented out, the filter that keeps them one "
        "unit with one trend: ward-3b-cardiology.yaml (Ward 3B, Ward 3B Cardio)"
        if lang == "en"
        # FIX94: a Japanese project's notes are Japanese.
        else "note: 1ユニットは別のユニットの名前が変わったものかもしれません（一方の値が終わる"
        "ときにもう一方が始まり、一方の名前がもう一方の先頭です）。各ファイルに、2つを1つの"
        "ユニットとして1本の推移にするフィルターがコメントとして書いてあります："
        "ward-3b-cardiology.yaml（Ward 3B, Ward 3B Cardio）"
    ) in capsys.readouterr().err
    params = root / "parameters"
    assert "previous_names" not in (params / "ward-3b-cardio.yaml").read_text("utf-8")
    path = params / "ward-3b-cardiology.yaml"
    text = path.read_text(encoding="utf-8")
    proposed = (
        "  # filter: {column: Ward, values: [Ward 3B Cardiology], previous_names: [Ward 3B, "
        "Ward 3B Cardio]}"
    )
    assert proposed in text.split("\n")
    said = ("" if lang == "ja" else " ").join(
        line.strip().removeprefix("# ") for line in text.split("\n")
    )
    assert (
        "'Ward 3B' has no answers after 2026-09-19, 'Ward 3B Cardio' none before 2026-09-20 "
        "nor after 2026-10-31, and this unit none before 2026-11-01: if it was renamed twice, "
        "this filter instead keeps them one unit with one trend (then delete the unit files of "
        "'Ward 3B' and 'Ward 3B Cardio'):"
        if lang == "en"
        else "「Ward 3B」は2026-09-19より後の回答がなく、「Ward 3B Cardio」は2026-09-20より前と"
        "2026-10-31より後の回答がなく、このユニットは2026-11-01より前の回答がありません。名称が"
        "2回変わったのなら、代わりに次のfilterで1つのユニットにまとめ、推移をつなげられます（その"
        "場合は「Ward 3B」と「Ward 3B Cardio」のユニットファイルを削除してください）："
    ) in said
    # Uncommented as it says, with the two earlier files deleted, the project loads.
    live = "  filter: {column: Ward, values: [Ward 3B Cardiology]}"
    path.write_text(text.replace(live, proposed.replace("# ", "", 1)), encoding="utf-8")
    (params / "ward-3b.yaml").unlink()
    (params / "ward-3b-cardio.yaml").unlink()
    unit = load_unit(path)
    assert unit.data.filter is not None
    assert unit.data.filter.previous_names == ["Ward 3B", "Ward 3B Cardio"]
    assert load_all(params).errors == []


def test_the_date_as_id_proposal_is_in_japanese_for_a_japanese_header() -> None:
    # QA32: a clinic's defaults.yaml said in English "'回答日時' is distinct in 700 of 700
    # rows; when no two responses share one, set id: 回答日時 …": the sentence was translated
    # only when the header was written in quotes ("Timestamp" needs none, 回答日時 neither).
    text = (
        "columns:\n"
        "  # '回答日時' is distinct in 700 of 700 rows; when no two responses share one, set\n"
        "  # id: 回答日時 (dedupe: true drops exact duplicate rows).\n"
    )
    assert in_language(text, "ja") == (
        "columns:\n"
        "  # 「回答日時」は700行のうち700行で異なる値です。\n"
        "  # 同じ値の回答が二つないなら、\n"
        "  # id: 回答日時 を設定してください（dedupe: true で完全に同じ行を除けます）。\n"
    )


@pytest.mark.parametrize(
    ("number", "date", "visit", "said"),
    [
        (
            "回答No",
            "回答日時",
            ("診察", "検診"),
            "「回答No」はIDに使いません：120件の番号のうち60件が前の番号と重なっています",
        ),
        (
            "Response No.",
            "Submitted",
            ("Check-up", "Treatment"),
            "'Response No.' is not the id: 60 of its 120 numbers repeat an earlier one",
        ),
    ],
)
def test_a_running_number_that_repeats_is_said_not_to_be_the_id(
    tmp_path: Path, number: str, date: str, visit: tuple[str, str], said: str
) -> None:
    # REVIEW33: two months' exports of a Japanese tool joined, each numbered 1-60 in 回答No:
    # init wrote "No id column found" and proposed the timestamp, and never named 回答No.
    rows = "".join(
        f"{i % 60 + 1},2026/{10 + i // 60}/{i % 28 + 1:02d} {i % 12 + 8}:{i % 60:02d},"
        f"{(i * 7) % 11},{visit[i % 2]}\n"
        for i in range(120)
    )
    export = tmp_path / "t.csv"
    export.write_text(f"{number},{date},おすすめ度（0～10）,目的\n" + rows, encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    lines = " ".join(
        line.removeprefix("  # ") for line in text.splitlines() if line.startswith("  # ")
    )
    # Japanese lines wrap at its punctuation: compared without the spaces joining them
    assert said.replace(" ", "") in lines.replace(" ", "")
    assert "id: null" in text


def test_a_question_asking_how_to_contact_leaves_the_contact_details_offered(
    tmp_path: Path,
) -> None:
    # REVIEW34: 'Preferred contact method' (Email / Phone / Post) was read as a consent question
    # in unread words: init withheld the e-mail column, called the method a question asking
    # whether to contact, and run and the alerts refused the unit once the e-mail was listed.
    rows = ["Submitted,Score,Why,Preferred contact method,Email"]
    rows += [
        f"2026-10-{1 + i % 28:02d} 09:{i % 60:02d},{i % 11},reason {i},"
        f"{('Email', 'Phone', 'Post')[i % 3]},{f'guest{i}@example.com' if i % 2 else ''}"
        for i in range(40)
    ]
    export = tmp_path / "shop.csv"
    export.write_text("\n".join(rows) + "\n", encoding="utf-8")
    project_from_export(tmp_path / "p", export)
    text = (tmp_path / "p" / "parameters" / "defaults.yaml").read_text(encoding="utf-8")
    assert "  contact: null\n" in text
    assert "  # contact_details: [Email]\n" in text
    assert "Preferred contact method' asks" not in text and "consent_yes" not in text


def test_the_offered_recipients_line_is_a_valid_address_once_uncommented(tmp_path: Path) -> None:
    # QA43: init --from offered "köln-hauptbahnhof-team@example.com" in each store's file;
    # uncommented, every file failed mail.to (an address's local part is ASCII).
    rows = "".join(
        f"2026-10-{i % 28 + 1:02d},{store},{i % 11}\n"
        for i, store in enumerate(["Köln Hauptbahnhof", "さくら歯科 大宮院", "North"] * 20)
    )
    export = write_text(tmp_path / "stores.csv", "date,store,score\n" + rows)
    root = tmp_path / "p"
    assert main(["init", str(root), "--from", str(export), "--unit-column", "store"]) == 0
    offered = {}
    for unit_file in (root / "parameters").glob("*.yaml"):
        text = unit_file.read_text(encoding="utf-8")
        if "#   to: [" not in text:
            continue
        offered[unit_file.stem] = re.search(r"#   to: \[(.*)\]", text).group(1)  # type: ignore[union-attr]
        unit_file.write_text(text.replace("# mail:\n#   to:", "mail:\n  to:"), encoding="utf-8")
    assert offered == {
        "köln-hauptbahnhof": "koln-hauptbahnhof-team@example.com",
        "さくら歯科-大宮院": "team@example.com",
        "north": "north-team@example.com",
    }
    units = load_all(root / "parameters")
    assert units.errors == []
    assert {u: p.mail.to for u, p in units.units.items()} == {
        u: [address] for u, address in offered.items()
    }


def test_the_offered_address_of_the_longest_unit_id_is_one_mail_servers_take(
    tmp_path: Path,
) -> None:
    # LEFT45B: an address's part before @ is at most 64 letters (RFC 5321, which mail.to
    # checks); a unit id is at most 40, so "<id>-team" stays within it, uncommented or not.
    store = "Sehr Langer Filialname Am Hauptbahnhof Nord West Ausgang Zwei"
    rows = "".join(f"2026-10-{i + 1:02d},{store},{i % 11}\n" for i in range(20))
    export = write_text(tmp_path / "stores.csv", "date,store,score\n" + rows)
    root = tmp_path / "p"
    assert main(["init", str(root), "--from", str(export), "--unit-column", "store"]) == 0
    unit_file = root / "parameters" / "sehr-langer-filialname-am-hauptbahnhof-n.yaml"
    text = unit_file.read_text(encoding="utf-8")
    assert "#   to: [sehr-langer-filialname-am-hauptbahnhof-n-team@example.com]" in text
    unit_file.write_text(text.replace("# mail:\n#   to:", "mail:\n  to:"), encoding="utf-8")
    assert load_all(root / "parameters").errors == []


# --- what init --from says of the score and date columns in a Japanese project (MSG44) ---------

_OPINIONS = ("配送が早くて満足です", "価格が高いと思います", "スタッフの対応が丁寧でした")


def test_no_date_column_is_refused_in_a_japanese_project_s_words(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # MSG44: the refusal of a Japanese export with no date column was English.
    from _english import english_runs

    rows = "".join(
        f"D{i}\t{f'2026/10/{1 + i % 28:02d}' if i % 2 else f'X{i}'}\t{i % 11}\t{_OPINIONS[i % 3]}"
        "\r\n"
        for i in range(40)
    )
    export = write_text(tmp_path / "x.txt", "回答ID\t回答日\t推奨度\tご意見\r\n" + rows, "utf-16")
    assert main(["init", str(tmp_path / "p"), "--from", str(export)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(
        f"nps-kit init: error: {export}：nps-kit init --fromは日付の列を見つけられませんでした。"
        "回答日：40件のうち20件は日付ではありません（例：「X0」、「X2」、「X4」）。そのため日付の列"
        "とはしていません。列：「回答ID」（ID：一意）、「回答日」（自由記述：自由記述）、「推奨度」"
        "（NPS：0–10）、「ご意見」（自由記述：自由記述（コメントを求める設問））。nps-kitが読める"
        "日付：ISO（2026-10-03、2026-10-03T09:15:00）、"
    )
    assert err.endswith(
        "。各列の内容はnps-kit inspectで確かめられます。またはnps-kit init DIRでデモの"
        "プロジェクトから始め、列を手で設定してください。\n"
    )
    assert english_runs(err, names=[str(export), "Nov 3, 2026 9:05 AM"]) == []
    assert not (tmp_path / "p").exists()


def _score_comments(text: str) -> str:
    """The comment lines of defaults.yaml between columns: and score:, unwrapped."""
    part = text.split("\ncolumns:\n", 1)[1].split("\n  score:", 1)[0]
    return "".join(line.strip().removeprefix("# ") for line in part.splitlines())


def test_a_score_column_not_0_to_10_is_warned_of_in_a_japanese_project_s_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG44: the WARNING beside columns.score and its no-0 note were English.
    from _english import english_runs

    monkeypatch.setenv("TZ", "UTC")
    scores = [1, 1, 2, 2, 3, 5, 8, 9, 10, 10] * 6
    rows = [f"{i},2026-10-{1 + i % 28:02d},{s},{_OPINIONS[i % 3]}" for i, s in enumerate(scores)]
    export = write_text(tmp_path / "s.csv", "回答ID,回答日,推奨度,コメント\n" + "\n".join(rows))
    project_from_export(tmp_path / "p", export)
    said = _score_comments((tmp_path / "p/parameters/defaults.yaml").read_text(encoding="utf-8"))
    assert said == (
        "推奨度注意：1–10？（回答60件に0なし）。0〜10のNPSの設問か確かめてください。"
        "「推奨度」の回答に0がありません。1〜10の尺度かもしれず、その場合はNPSではありません。"
    )
    assert english_runs(said) == []


def test_answers_perhaps_from_another_scale_are_warned_of_in_a_japanese_project_s_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # MSG44: the split-scale WARNING was English in a Japanese project.
    from _english import english_runs

    monkeypatch.setenv("TZ", "UTC")
    v1 = [1, 1, 2, 2, 3, 5, 8, 9, 10, 10] * 6
    v2 = list(range(11)) * 8
    rows = [
        f"{i},2026-10-{1 + i % 28:02d},{version},{s},{_OPINIONS[i % 3]}"
        for i, (version, s) in enumerate([("v1", s) for s in v1] + [("v2", s) for s in v2])
    ]
    export = write_text(tmp_path / "h.csv", "回答ID,回答日,版,推奨度,コメント\n" + "\n".join(rows))
    project_from_export(tmp_path / "p", export)
    said = _score_comments((tmp_path / "p/parameters/defaults.yaml").read_text(encoding="utf-8"))
    assert said.endswith(
        "注意：「版」＝「v1」の回答60件には0がなく、ほかの回答には0が8件あります。1〜10の尺度で"
        "尋ねた回答の可能性があります。0〜10として集計します（nps-kitはスコアを変換しません）。"
        "そうであれば、エクスポートから除くか（「版」が「v1」でない行だけを残します）、"
        "nps-kit init --from EXPORT --unit-column '版'で別のユニットとしてレポートしてください。"
        "各レポートのデータ品質にその件数が示されます。"
    )
    assert english_runs(said, names=["nps-kit init --from EXPORT --unit-column"]) == []
