"""Small survey exports in the shapes real tools write, shared by the tests of every reader.

Each builder writes one file and returns its path. The rows are few and explicit, so a test can
state exactly what a reader must find.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

# Qualtrics: three header rows (ids, question texts, ImportIds), NPS question QID74 with its
# *_NPS_GROUP column, a Likert 1-5 question, a multi-select, a free-text comment.
QUALTRICS_HEADER = (
    "StartDate,EndDate,Status,ResponseId,Q1,Q2,Q3,Q3_NPS_GROUP,Q4,Q5\n"
    "Start Date,End Date,Response Type,Response ID,What is your gender?,"
    "How satisfied are you with the service?,"
    '"How likely are you to recommend our service to a friend or colleague?",'
    '"How likely are you to recommend our service to a friend or colleague? - Group",'
    "Which features do you use? - Selected Choice,Why did you give that score?\n"
    '"{""ImportId"":""startDate""}","{""ImportId"":""endDate""}","{""ImportId"":""status""}",'
    '"{""ImportId"":""_recordId""}","{""ImportId"":""QID70""}","{""ImportId"":""QID72""}",'
    '"{""ImportId"":""QID74""}","{""ImportId"":""QID74_NPS_GROUP""}",'
    '"{""ImportId"":""QID75""}","{""ImportId"":""QID76_TEXT""}"\n'
)
_GENDERS = ("Female", "Male", "Non-binary")
_FEATURES = ("Reports", "Reports,Alerts", "Alerts", "Dashboards,Reports", "")
_WHY = (
    "The reports save me hours every week",
    "Too slow when loading large projects",
    "",
    "Support answered quickly",
    "Documentation is hard to follow",
    "Works as expected",
)
_SINCE = ("since January.", "this year.", "for my team.", "on mobile.", "lately.", "so far.", "")


def why(i: int) -> str:
    """The i-th free-text comment (blank every sixth), varied like real comments."""
    return f"{_WHY[i % 6]} {_SINCE[i % 7]}".strip() if _WHY[i % 6] else ""


def nps_group(score: int) -> str:
    """Qualtrics' own segment label for a 0-10 score."""
    return "Promoter" if score >= 9 else "Passive" if score >= 7 else "Detractor"


def qualtrics_rows(n: int = 60) -> list[tuple[str, int]]:
    """``(date, score)`` of the Qualtrics export's responses: Sept and Oct 2026."""
    out = []
    for i in range(n):
        month = 9 if i < n // 2 else 10
        out.append((f"2026-{month:02d}-{i % 28 + 1:02d} 10:{i % 60:02d}:00", (i * 7) % 11))
    return out


def write_qualtrics(path: Path, n: int = 60) -> Path:
    """A Qualtrics CSV export (UTF-8 with BOM, as Qualtrics writes it)."""
    lines = [QUALTRICS_HEADER]
    for i, (date, score) in enumerate(qualtrics_rows(n)):
        lines.append(
            f"{date},{date},IP Address,R_{i:04d},{_GENDERS[i % 3]},{i % 5 + 1},{score},"
            f'{nps_group(score)},"{_FEATURES[i % 5]}",{why(i)}\n'
        )
    path.write_text("".join(lines), encoding="utf-8-sig")
    return path


# Google Forms: Timestamp in US form, no id, no consent column.
GOOGLE_HEADER = (
    "Timestamp,How likely are you to recommend this workshop to a friend?,"
    "Which track did you attend?,Which topics interested you?,What could we improve?\n"
)
_TRACKS = ("Beginner", "Intermediate", "Advanced")
_TOPICS = ("Pandas", "Plotting, Pandas", "Testing", "Plotting", "Testing, Packaging")
_IMPROVE = ("More exercises", "", "Slower pace please", "Longer breaks", "Nothing else", "")


def google_rows(n: int = 48) -> list[tuple[str, int]]:
    """``(timestamp, score)`` of the Google Forms export: Nov and Dec 2019, month-first."""
    out = []
    for i in range(n):
        month = 11 if i < n // 2 else 12
        out.append((f"{month}/{i % 28 + 1}/2019 {9 + i % 8}:{i % 60:02d}:30", (i * 3 + 2) % 11))
    return out


def improve(i: int) -> str:
    """The i-th answer to "What could we improve?" (blank every third)."""
    return f"{_IMPROVE[i % 6]} {_SINCE[i % 7]}".strip() if _IMPROVE[i % 6] else ""


def write_google_forms(path: Path, n: int = 48) -> Path:
    """A Google Forms CSV download (UTF-8, US dates)."""
    lines = [GOOGLE_HEADER]
    for i, (stamp, score) in enumerate(google_rows(n)):
        lines.append(f'{stamp},{score},{_TRACKS[i % 3]},"{_TOPICS[i % 5]}",{improve(i)}\n')
    path.write_text("".join(lines), encoding="utf-8")
    return path


def write_text(path: Path, text: str, encoding: str = "utf-8") -> Path:
    """Write ``text`` in ``encoding`` and return the path."""
    path.write_bytes(text.encode(encoding))
    return path


LATIN1_ROWS = (
    "fecha,puntuación,comentario\n"
    "03/10/2026,9,¡Muy bueno! El café está rico\n"
    "15/10/2026,3,Demasiado caro; señor\n"
    "20/10/2026,10,Très bien et très rapide\n"
)
CP1252_ROWS = (
    "date,score,comment\n2026-10-03,9,“Great” – fast…\n2026-10-04,2,Too expensive — sorry\n"
)
MOJIBAKE_ROWS = (
    "date,score,comment\n"
    "2026-10-03,9,Â¡Traduciendo!\n"
    "2026-10-04,8,NiÃ±o feliz\n"
    "2026-10-05,4,Normal comment\n"
)


# Microsoft Forms (Excel, Japanese): ID, 開始時刻, 完了時刻, メール, 名前 and 最終変更時刻 before
# the questions, whole Japanese questions as headers. Contact columns come first, so "the first
# free-text column" is メール, and guests' names recombine (80 names over 1,229 rows in a real
# export) so that they look like a categorical question.
MSFORMS_NPS = (
    "今回ご宿泊いただいたホテルを、ご家族やご友人にどの程度おすすめしたいと思いますか？"
    "（0＝まったくおすすめしない〜10＝強くおすすめする）"
)
MSFORMS_REASON = "そのように評価された理由をお聞かせください。"
MSFORMS_PURPOSE = "今回のご利用目的を教えてください。"
MSFORMS_ROOM = "客室の満足度をお聞かせください。"
MSFORMS_HOTEL = "ご宿泊されたホテルをお選びください。"
MSFORMS_CONSENT = "このアンケートの回答について、当ホテルからご連絡を差し上げてもよろしいですか？"
_HOTELS = ("ホテル桜 東京駅前", "ホテル桜 大阪梅田", "ホテル桜 京都四条")
_PURPOSES = ("ビジネス", "観光", "帰省・家族訪問", "その他")
_SATISFIED = ("とても不満", "不満", "どちらでもない", "満足", "とても満足")
_FAMILY = ("佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村", "小林", "加藤")
_GIVEN = ("太郎", "花子", "健一", "美咲")
_JA_PRAISE = (
    "客室が広くて清潔で、とても快適に過ごせました。",
    "朝食の種類が多く、地元の料理もあって大満足です。",
    "フロントのスタッフの方がとても親切で、気持ちよく滞在できました。",
    "駅から徒歩3分でアクセスが最高です。",
)
_JA_COMPLAINT = (
    "チェックインに30分以上待たされました。人員を増やしてほしいです。",
    "部屋のエアコンがうるさくて眠れませんでした。",
    "浴室に髪の毛が落ちていて、清掃が不十分でした。",
    "週末の料金が高すぎます。この内容でこの値段はない。",
    "朝食の品数が少なく、毎日同じメニューで飽きました。",
)


def msforms_reason(i: int, score: int) -> str | None:
    """The i-th guest's reason: praise from promoters, complaints from the others."""
    if i % 6 == 5:
        return None if i % 12 == 5 else "特になし"
    pool = _JA_PRAISE if score >= 9 else _JA_COMPLAINT
    return pool[i % len(pool)]


def write_with_cover_sheet(path: Path) -> Path:
    """The Microsoft Forms hotel export on a sheet 回答データ after a cover sheet 表紙.

    The usual shape of a Japanese company's survey workbook: title, period and notes first.
    """
    import openpyxl

    write_msforms_ja(path)
    book = openpyxl.load_workbook(path)
    book.active.title = "回答データ"  # type: ignore[union-attr]
    cover = book.create_sheet("表紙", 0)
    for line in ("お客様アンケート 集計データ", "期間:2026年10月〜11月", "作成:CS推進部"):
        cover.append([line])
    book.save(path)
    return path


def write_msforms_ja(path: Path, n: int = 160) -> Path:
    """A Microsoft Forms Excel export in Japanese: a hotel chain, October and November 2026.

    Every seventh guest answers anonymously: メール says ``anonymous`` and 名前 is blank.
    """
    import datetime as dt

    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet1"
    sheet.append(
        ["ID", "開始時刻", "完了時刻", "メール", "名前", "最終変更時刻", MSFORMS_NPS,
         MSFORMS_REASON, MSFORMS_PURPOSE, MSFORMS_ROOM, MSFORMS_HOTEL, MSFORMS_CONSENT]
    )  # fmt: skip
    for i in range(n):
        start = dt.datetime(2026, 10 if i < n // 2 else 11, i % 28 + 1, 8 + i % 12, i % 60)
        score = (i * 7) % 11
        anonymous = i % 7 == 3
        name = None if anonymous else f"{_FAMILY[i % 10]} {_GIVEN[(i // 10) % 4]}"
        sheet.append(
            [i + 1, start, start + dt.timedelta(minutes=3), "anonymous" if anonymous
             else f"guest{i + 1:04d}@example.jp", name, None, score, msforms_reason(i, score),
             _PURPOSES[i % 4], _SATISFIED[min(4, score // 2)], _HOTELS[i % 3],
             None if anonymous else ("はい", "いいえ")[i % 2]]
        )  # fmt: skip
    book.save(path)
    return path


# Typeform CSV: "#" (a 32-hex response token) first, the questions, hidden fields
# (customer_id, region, email and the link's utm_source, utm_medium, utm_campaign), then
# Response Type, Start Date (UTC), Submitted At, Network ID (shared by the customers of one
# network) and Tags (the team's labels).
TYPEFORM_NPS = "How likely are you to recommend Northwave Broadband & Mobile to a friend?"
TYPEFORM_REASON = "What's the main reason for your score?"
TYPEFORM_PLAN = "Which plan are you on?"
TYPEFORM_CONTACT = "Can we contact you about your feedback?"
_REGIONS = ("North West", "Scotland", "London", "Wales")
_PLANS = ("Fibre 150", "Fibre 500", "SIM Only 30GB")
_EN_PRAISE = (
    "Speed is brilliant, never had a drop since the upgrade.",
    "The engineer turned up on time and sorted everything in 20 minutes.",
    "Great value for money compared to my old provider.",
    "Call centre staff were friendly and fixed my issue first time.",
)
_EN_COMPLAINT = (
    "Three outages in two weeks and nobody told us when it would be fixed.",
    "Waited 55 minutes on hold to the call centre, then got cut off.",
    "I was billed twice for October and still waiting for a refund.",
    "Price went up mid-contract by 14%, that's not what I signed up for.",
    "Speed drops to 2Mbps every evening, useless for streaming.",
    "Took 3 engineer visits to get the line working.",
)


def typeform_reason(i: int, score: int) -> str:
    """The i-th customer's reason (blank every tenth)."""
    if i % 10 == 9:
        return ""
    pool = _EN_PRAISE if score >= 9 else _EN_COMPLAINT
    return pool[i % len(pool)]


def write_typeform(path: Path, n: int = 160) -> Path:
    """A Typeform CSV export: a telecom's regions, October and November 2026.

    Each response starts in one month and is submitted in the next when it opens at 23:59 on
    the last day (every 20th response).
    """
    import csv
    import hashlib

    with path.open("w", newline="", encoding="utf-8") as handle:
        out = csv.writer(handle)
        out.writerow(
            ["#", TYPEFORM_NPS, TYPEFORM_REASON, TYPEFORM_PLAN, TYPEFORM_CONTACT, "customer_id",
             "region", "email", "utm_source", "utm_medium", "utm_campaign", "Response Type",
             "Start Date (UTC)", "Submitted At", "Network ID", "Tags"]
        )  # fmt: skip
        for i in range(n):
            month = 10 if i < n // 2 else 11
            day = 31 if month == 10 and i % 20 == 0 else i % 28 + 1
            start = f"2026-{month:02d}-{day:02d} {'23:59' if day == 31 else '10:00'}:00"
            end = "2026-11-01 00:04:00" if day == 31 else f"2026-{month:02d}-{day:02d} 10:05:00"
            score = (i * 5) % 11
            customer = f"NW{1000000 + i * 7919}"
            out.writerow(
                [hashlib.md5(str(i).encode()).hexdigest(), score, typeform_reason(i, score),
                 _PLANS[i % 3], ("1", "0")[i % 3 == 0], customer, _REGIONS[i % 4],
                 f"{customer.lower()}@mailbox.example.co.uk", ("email", "sms", "app")[i % 3],
                 ("newsletter", "cpc")[i % 2], ("autumn26", "winback")[i % 4 == 0],
                 ("completed", "partial")[i % 8 == 7], start, end,
                 hashlib.md5(f"n{i % 40}".encode()).hexdigest()[:10],
                 ("", "vip", "churn-risk")[i % 3]]
            )  # fmt: skip
    return path


# SurveyMonkey XLSX (English, a dental group): its two header rows — the questions, then
# "Response" / "Open-Ended Response" / each option of a matrix or multi-select question (the
# question cell is blank over its other columns) — contact-list columns (Email Address blank,
# First/Last Name, Custom Data 1 holding the patient's code, which repeats for a patient who
# came twice), US dates with AM/PM, no consent question.
MONKEY_NPS = (
    "How likely is it that you would recommend Bright Smile Dental to a friend or colleague?"
)
MONKEY_REASON = "What is the primary reason for your score?"
MONKEY_OFFICE = "Which office did you visit?"
MONKEY_MATRIX = "How satisfied were you with each of the following?"
MONKEY_ASPECTS = ("Ease of booking an appointment", "Wait time at the office")
MONKEY_SERVICES = "Which services did you receive today? (Select all that apply)"
MONKEY_OPTIONS = ("Cleaning / check-up", "Filling", "Whitening")
MONKEY_OTHER = "Other (please specify)"
_OTHER_SERVICES = ("Night guard fitting", "Emergency visit for a broken tooth")
_OFFICES = ("Austin - Downtown", "Dallas - Uptown", "Houston - Heights")
_MONKEY_SAT = (
    "Very dissatisfied",
    "Dissatisfied",
    "Neither satisfied nor dissatisfied",
    "Satisfied",
    "Very satisfied",
)
_FIRST = ("James", "Mary", "Robert", "Patricia", "Michael", "Jennifer")
_LAST = ("Smith", "Johnson", "Garcia", "Brown", "Lee", "Nguyen", "Davis")
_EN_DENTAL = (
    "Waited 45 minutes past my appointment time with no explanation.",
    "Dr. Patel was gentle and explained everything before starting.",
    "Could not get an appointment for three weeks.",
    "The office is spotless and modern.",
    "",
)


def monkey_patient(i: int) -> str:
    """The patient code of the i-th response: every 25th is a patient seen before."""
    return f"PT-{10000 + (i - 1 if i % 25 == 24 else i) * 37:05d}"


def monkey_services(i: int) -> list[str]:
    """The services the i-th patient ticked, in column order ("Other" when the box has text)."""
    chosen = [o for k, o in enumerate(MONKEY_OPTIONS) if (i + k) % (k + 2) == 0]
    return chosen + (["Other"] if i % 9 == 4 else [])


def write_surveymonkey_xlsx(path: Path, n: int = 120) -> Path:
    """A SurveyMonkey XLSX export in English: three dental offices, October and November 2026.

    Its "select all that apply" question has one column per option (the cell holds the option
    when ticked) and an "Other (please specify)" box, written in by every ninth patient.
    """
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet"
    sheet.append(
        ["Respondent ID", "Collector ID", "Start Date", "End Date", "IP Address",
         "Email Address", "First Name", "Last Name", "Custom Data 1", MONKEY_NPS, MONKEY_REASON,
         MONKEY_OFFICE, MONKEY_MATRIX, "", MONKEY_SERVICES, "", "", ""]
    )  # fmt: skip
    sheet.append(
        ["", "", "", "", "", "", "", "", "", "Response", "Open-Ended Response", "Response",
         *MONKEY_ASPECTS, *MONKEY_OPTIONS, MONKEY_OTHER]
    )  # fmt: skip
    for i in range(n):
        month = 10 if i < n // 2 else 11
        hour = 8 + i % 10
        stamp = f"{month}/{i % 28 + 1:02d}/2026 {(hour - 1) % 12 + 1:02d}:{i % 60:02d}:05 "
        stamp += "AM" if hour < 12 else "PM"
        score = (i * 7) % 11
        sat = _MONKEY_SAT[min(4, score // 2)]
        sheet.append(
            [114000000000 + i * 7919, 431234567 + i % 2, stamp, stamp, f"10.0.{i // 250}.{i % 250}",
             None, _FIRST[i % 6], _LAST[i % 7], monkey_patient(i), score, _EN_DENTAL[i % 5] or None,
             _OFFICES[i % 3], sat, _MONKEY_SAT[(score + i) % 5],
             *(o if o in monkey_services(i) else None for o in MONKEY_OPTIONS),
             _OTHER_SERVICES[i % 2] if i % 9 == 4 else None]
        )  # fmt: skip
    book.save(path)
    return path


# Qualtrics, Japanese, "Download data table → TSV": UTF-16 (BOM, little-endian), tab-separated,
# CRLF, the three header rows, Qualtrics' metadata (Progress, Finished: partial responses are
# kept), a 5-point satisfaction matrix whose rows offer 「利用していない」 (not used), embedded data
# (支店, 年代) at the end. An insurer, October and November 2026.
QUALTRICS_JA_NPS = (
    "当社の保険を、ご家族やご友人にどの程度すすめたいと思いますか？"
    "（0＝まったくすすめたくない～10＝ぜひすすめたい）"
)
QUALTRICS_JA_MATRIX = "以下の項目について、満足度をお聞かせください。"
QUALTRICS_JA_ITEMS = ("保険金の支払い", "コールセンターの対応")
_JA_SATISFACTION = ("非常に不満", "やや不満", "どちらでもない", "やや満足", "非常に満足")
_BRANCHES = ("東京本店", "大阪支店", "福岡支店")
_JA_INSURANCE = (
    "保険金の支払いがとても早くて助かりました。",
    "コールセンターに電話がつながるまで40分待たされた。",
    "更新のたびに保険料が上がっていて不満です。",
    "",
)


def write_qualtrics_ja_tsv(
    path: Path,
    n: int = 90,
    *,
    languages: tuple[str, ...] = ("JA",),
    finished: tuple[str, str] = ("True", "False"),
) -> Path:
    """A Qualtrics TSV export in Japanese (UTF-16 with BOM, tabs), as Qualtrics writes it.

    Every 15th response (the 8th, 23rd …) was left after the score: Finished False, and its
    EndDate and RecordedDate are a week after its StartDate (two of November's land in
    December). UserLanguage cycles through ``languages`` (the i-th response's is
    ``languages[i % len(languages)]``); Finished is ``finished[0]`` for a finished response,
    ``finished[1]`` for a partial one.
    """
    import csv
    import datetime as dt
    import io
    import json

    meta = [
        ("StartDate", "Start Date", "startDate"),
        ("EndDate", "End Date", "endDate"),
        ("Status", "Response Type", "status"),
        ("Progress", "Progress", "progress"),
        ("Finished", "Finished", "finished"),
        ("RecordedDate", "Recorded Date", "recordedDate"),
        ("ResponseId", "Response ID", "_recordId"),
        ("RecipientEmail", "Recipient Email", "recipientEmail"),
        ("ExternalReference", "External Data Reference", "externalDataReference"),
        ("UserLanguage", "User Language", "userLanguage"),
        ("Q1", QUALTRICS_JA_NPS, "QID1"),
        ("Q2", "そのように評価された理由を具体的にお聞かせください。", "QID2_TEXT"),
        *(
            (f"Q3_{k}", f"{QUALTRICS_JA_MATRIX} - {item}", f"QID3_{k}")
            for k, item in enumerate(QUALTRICS_JA_ITEMS, 1)
        ),
        ("支店", "支店", "支店"),
        ("年代", "年代", "年代"),
    ]
    out = io.StringIO()
    writer = csv.writer(out, delimiter="\t", lineterminator="\r\n")
    writer.writerow([m[0] for m in meta])
    writer.writerow([m[1] for m in meta])
    writer.writerow(
        [json.dumps({"ImportId": m[2]}, ensure_ascii=False, separators=(",", ":")) for m in meta]
    )
    for i in range(n):
        month = 10 if i < n // 2 else 11
        stamp = f"2026-{month:02d}-{i % 28 + 1:02d} {9 + i % 9:02d}:{i % 60:02d}:00"
        score = (i * 7) % 11
        partial = i % 15 == 7  # left after the score: Finished False, Progress 20
        # Qualtrics records a partial response when it closes it, a week after it was given.
        closed = (dt.datetime.fromisoformat(stamp) + dt.timedelta(days=7)).isoformat(" ")
        recorded = closed if partial else stamp
        sat = _JA_SATISFACTION[min(4, score // 2)]
        writer.writerow(
            [stamp, recorded, "IP Address", 20 if partial else 100, finished[partial], recorded,
             f"R_{i:015x}", f"user{i}@example.co.jp", f"POL-{1000000 + i * 7919}",
             languages[i % len(languages)], score,
             "" if partial else _JA_INSURANCE[i % 4], "" if partial else sat,
             "" if partial else ("利用していない" if i % 4 == 0 else sat),
             _BRANCHES[i % 3], f"{20 + 10 * (i % 5)}代"]
        )  # fmt: skip
    path.write_bytes(out.getvalue().encode("utf-16"))
    return path


# SurveyMonkey XLSX (a physio chain, English with one Japanese clinic): the 0–10 question, the
# reason and an improvement question (both "Open-Ended Response", the improvement answers a few
# set wishes), the clinic, consent, e-mail and a Very poor … Excellent matrix. A third of the
# patients (Tokyo) answer in Japanese, and answer every question, so that 44 % of the answers
# are Japanese; the last rows repeat earlier ones exactly, so a few Respondent IDs repeat.
PHYSIO_NPS = "How likely is it that you would recommend our clinic to a friend or colleague?"
PHYSIO_REASON = "What is the main reason for your score?"
PHYSIO_CLINIC = "Which clinic did you visit?"
PHYSIO_IMPROVE = "Anything we could improve?"
PHYSIO_MATRIX = "How would you rate the following?"
PHYSIO_ROWS = ("Your physiotherapist", "Booking your appointment")
PHYSIO_CLINICS = (
    "Manchester Central Physio",
    "Boston Back Bay Sports Clinic",
    "Tokyo Shibuya Clinic",
)
PHYSIO_QUALITY = ("Very poor", "Poor", "Average", "Good", "Excellent")
_PHYSIO_EN = (
    "My physio was brilliant, the exercises really helped my knee recover.",
    "Waited 25 minutes in the waiting room past my appointment time.",
    "Treatment was ok but expensive.",
    "",
)
_PHYSIO_JA = (
    "先生の説明がとても丁寧で、腰の痛みが良くなりました。",
    "待合室で30分以上待たされました。",
)
_PHYSIO_WISH_EN = ("More evening appointments please", "Better parking", "N/A", "")
_PHYSIO_WISH_JA = ("夜の予約枠を増やしてほしい", "駐車場を用意してほしい")


def write_surveymonkey_physio_xlsx(path: Path, n: int = 90, repeats: int = 3) -> Path:
    """A SurveyMonkey XLSX export of three clinics, October 2026: ``n`` responses, then the
    first ``repeats`` of them again (exact duplicate rows, as a double submission exports)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Sheet"
    sheet.append(
        ["Respondent ID", "Collector ID", "Start Date", "End Date", PHYSIO_NPS, PHYSIO_REASON,
         PHYSIO_CLINIC, "Would you like us to contact you about your feedback?",
         "What is your email address?", PHYSIO_IMPROVE, PHYSIO_MATRIX, ""]
    )  # fmt: skip
    sheet.append(
        ["", "", "", "", "Response", "Open-Ended Response", "Response", "Response",
         "Open-Ended Response", "Open-Ended Response", *PHYSIO_ROWS]
    )  # fmt: skip
    rows = []
    for i in range(n):
        clinic = PHYSIO_CLINICS[i % 3]
        japanese = clinic.startswith("Tokyo")
        stamp = f"10/{i % 28 + 1:02d}/2026 {i % 12 + 1:02d}:{i % 60:02d}:00 " + ("AM", "PM")[i % 2]
        score = (i * 7) % 11
        contact = ("Yes", "No")[i % 2]
        rows.append(
            [114000000000 + i * 37, 431000001, stamp, stamp, score,
             ((_PHYSIO_JA if japanese else _PHYSIO_EN)[i % (2 if japanese else 4)]) or None,
             clinic, contact, f"patient{i}@example.com" if contact == "Yes" else None,
             (_PHYSIO_WISH_JA if japanese else _PHYSIO_WISH_EN)[i % 2 if japanese else i % 4]
             or None, PHYSIO_QUALITY[min(4, score // 2)], PHYSIO_QUALITY[(score + i) % 5]]
        )  # fmt: skip
    for row in rows + rows[:repeats]:
        sheet.append(row)
    book.save(path)
    return path


# A Japanese call-centre CSV as a utility's system writes it (QA25 denki.csv): cp932, CRLF,
# half-width kana headers, a call id and a customer number (both unique), 連絡可否 answered
# 可 / 否, a phone number for those who said 可, and a totals row under the table.
CALL_HEADER = "ｺｰﾙID,ｺｰﾙ日時,営業所,ｵﾍﾟﾚｰﾀ,お客様番号,問合せ種別,ｽｺｱ,ｺﾒﾝﾄ,連絡可否,電話番号"
_OPERATORS = ("鈴木", "佐藤", "高橋")
_CALL_TOPICS = ("検針", "料金・請求", "引越し")
_CALL_COMMENTS = (
    "電話がなかなかつながらなかった。",
    "丁寧に説明していただきました。",
    "",
    "検針票が届かない。",
    "引越しの手続きがスムーズでした。",
)


def write_callcentre_ja(path: Path, n: int = 80, *, totals: str | None = "合計") -> Path:
    """A cp932 call-centre export, October and November 2026, with a totals row when asked."""
    rows = [CALL_HEADER]
    for i in range(n):
        consent = ("可", "否")[i % 2]
        phone = f"011-{200 + i:03d}-{1000 + i * 7:04d}" if consent == "可" else ""
        rows.append(
            f"C2600{i:04d},2026/{10 + i % 2}/{1 + i % 28:02d} {9 + i % 8:02d}:{i % 60:02d},"
            f"{('札幌営業所', '函館営業所')[i % 2 if i % 4 < 2 else 0]},{_OPERATORS[i % 3]},"
            f"{7000000000 + i * 7919},{_CALL_TOPICS[i % 3]},{i % 11},"
            f"{_CALL_COMMENTS[i % 5]},{consent},{phone}"
        )
    if totals is not None:
        rows.append(f"{totals},{n}件,,,,,6.49,,,")
    return write_text(path, "\r\n".join(rows) + "\r\n", "cp932")


# A hospital's XLSX as an Excel report lays it out (QA26 byoin): a title row merged over the
# table, then a two-row header: 設問 merged over the four questions in row 2 and the questions
# in row 3; No., 回答日, 診療科, 自由記述 and 連絡の可否 merged down over rows 2-3.
GROUPED_TOP = ("No.", "回答日", "診療科", "設問", None, None, None, "自由記述", "連絡の可否")
GROUPED_QUESTIONS = (
    "当院をご家族やご友人に勧めたいと思いますか",
    "待ち時間の満足度",
    "医師の説明はわかりやすかったですか",
    "会計の満足度",
)
SATISFACTION_JA = ("不満", "やや不満", "どちらともいえない", "やや満足", "満足")


def grouped_header_rows(n: int = 40) -> list[list[object]]:
    """The two header rows and ``n`` answers of the grouped-header export (no title row)."""
    rows: list[list[object]] = [
        list(GROUPED_TOP),
        [None] * 3 + list(GROUPED_QUESTIONS) + [None] * 2,
    ]
    for i in range(n):
        score = (i * 7) % 11
        rows.append(
            [i + 1, f"令和8年11月{i % 28 + 1}日", ("内科", "小児科")[i % 2], score,
             SATISFACTION_JA[min(4, score // 2)], SATISFACTION_JA[(i + score) % 5],
             SATISFACTION_JA[i % 5], "待ち時間が長すぎます。" if score < 7 else None,
             ("可", "不可")[i % 2]]
        )  # fmt: skip
    return rows


def write_grouped_header_xlsx(path: Path, n: int = 40) -> Path:
    """The grouped-header export as an XLSX with its merged cells (openpyxl)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["令和8年度 外来患者満足度調査（回答一覧）"])
    sheet.merge_cells("A1:I1")
    for row in grouped_header_rows(n):
        sheet.append(row)
    sheet.merge_cells("D2:G2")
    for letter in "ABCHI":
        sheet.merge_cells(f"{letter}2:{letter}3")
    book.save(path)
    return path


def write_grouped_header_csv(path: Path, n: int = 40) -> Path:
    """The grouped-header export saved as CSV (merged cells become blank cells)."""
    lines = [",".join("" if c is None else str(c) for c in row) for row in grouped_header_rows(n)]
    return write_text(path, "\n".join(lines) + "\n")


# QA26's hotel group (qa26/gen_hotel.py): the English comments a hotel's guests write, which
# the generic pack files mostly under Quality (room, breakfast, Wi-Fi, shower: 75–78 % of the
# comments with a theme, per hotel).
HOTEL_PRAISE = (
    "The room was spotless and the bed so comfortable.",
    "Breakfast buffet was amazing, fresh pastries every day!",
    "Check-in was quick and the receptionist upgraded us.",
    "Loved the spa, the sauna and pool were great.",
    "Staff were so friendly, concierge booked us a great restaurant.",
    "Great location, walking distance to everything.",
    "Beautiful view from our balcony, would stay again.",
    "Housekeeping was excellent, towels changed daily.",
    "Quiet room, slept like a baby.",
    "Fast Wi-Fi, perfect for working remotely.",
)
HOTEL_NEUTRAL = (
    "Room was fine, nothing special.",
    "Breakfast was ok but the same every day.",
    "Decent stay for the price.",
    "Average hotel, good location.",
    "Check-in took a while but the room was nice.",
    "Spa was small but clean.",
)
HOTEL_COMPLAINTS = (
    "Very noisy room next to the elevator, couldn't sleep.",
    "Wi-Fi kept dropping, impossible to work.",
    "Check-in took 45 minutes, only one person at the front desk.",
    "Room was dirty, hair in the bathroom and stained carpet.",
    "Breakfast ran out of eggs by 9am and coffee was cold.",
    "Overpriced for what you get, €38 for breakfast is a joke.",
    "Air conditioning broken and nobody came to fix it.",
    "Street noise all night, thin windows.",
    "Spa was closed for maintenance without any notice.",
    "Charged twice on my credit card at checkout, still waiting for the refund.",
    "Parking cost €45 a night and was not mentioned at booking.",
    "The shower had no hot water two mornings in a row.",
)


def hotel_comments() -> list[tuple[str, int]]:
    """Return 132 (comment, score): each praise 6 times, the others 4 times."""
    return (
        [(c, 10) for c in HOTEL_PRAISE for _ in range(6)]
        + [(c, 7) for c in HOTEL_NEUTRAL for _ in range(4)]
        + [(c, 3) for c in HOTEL_COMPLAINTS for _ in range(4)]
    )


#: A Japanese hotel's comments the generic pack's words tag as Quality (FIX54).
_JA_HOTEL_WORDS = (
    "朝食の種類が多くて満足しました。",
    "朝食の品数が少なかった。",
    "清掃が行き届いていて気持ちよく過ごせました。",
    "清掃が不十分で髪の毛が落ちていた。",
    "浴室が広くてゆっくりできました。",
    "浴室の排水が悪かった。",
    "部屋が広くて快適でした。",
    "部屋が狭く感じた。",
)
#: Comments only its learned layer tags as Quality (no word of the theme in them); 清掃 is the
#: one word of the theme among them.
_JA_HOTEL_LAYER = (
    "朝食会場のメニューが豊富でした。",
    "朝食会場が狭かった。",
    "シャワーの水圧が弱い。",
    "バスルームが広かった。",
    "アメニティが充実していた。",
    "お湯がぬるかった。",
    "清掃状態が良かった。",
)
_JA_HOTEL_OTHER = (
    "フロントの対応が親切でした。",
    "駅から近くて便利でした。",
    "料金が高いと思います。",
    "チェックインに時間がかかった。",
)


def ja_hotel_export(*, layer: bool = False, n: int = 300, seed: int = 54) -> pd.DataFrame:
    """Return a seeded Japanese hotel export (回答ID, 回答日, 施設, 推奨度, 理由) of ``n`` rows.

    About 85 % of the comments are about rooms, baths, breakfast and cleaning, which the
    generic pack files under Quality: with ``layer``, comments its learned layer tags so (no
    word of the theme in them), else comments with its words (朝食, 清掃, 浴室, 部屋).
    """
    rng = np.random.default_rng(seed)
    quality = _JA_HOTEL_LAYER if layer else _JA_HOTEL_WORDS
    rows = []
    for i in range(n):
        pool = _JA_HOTEL_OTHER if rng.random() < 0.15 else quality
        rows.append(
            {
                "回答ID": i + 1,
                "回答日": f"2026/{1 + i % 6:02d}/{1 + i % 28:02d}",
                "施設": str(rng.choice(["京都", "大阪", "東京"])),
                "推奨度": int(rng.integers(0, 11)),
                "理由": str(rng.choice(pool)),
            }
        )
    return pd.DataFrame(rows)


#: Four months of one unit for the anonymity floor's trend (FIX63): 2, 30, 3 and 40 responses.
#: July (2 × 10: NPS +100.0) and September (0, 0, 9: −33.3) are under a floor of 5; August is
#: +10.0 (12 promoters, 9 passives, 9 detractors) and October +20.0 (16, 16, 8).
SMALL_MONTHS: dict[str, list[int]] = {
    "2026-07": [10, 10],
    "2026-08": [10] * 12 + [8] * 9 + [3] * 9,
    "2026-09": [0, 0, 9],
    "2026-10": [9] * 16 + [7] * 16 + [5] * 8,
}


def write_months(
    path: Path, months: dict[str, list[int]] = SMALL_MONTHS, *, unit: str = "Leeds"
) -> Path:
    """A plain CSV export (id, site, submitted_at, score, comment) of ``unit``'s months' scores.

    The n-th answer of a month is dated the n-th hour of its first days, so a month of 40 stays
    in its month; detractors write a complaint and the others praise.
    """
    lines = ["id,site,submitted_at,score,comment"]
    for month, scores in months.items():
        for i, score in enumerate(scores):
            when = f"{month}-{1 + i // 12:02d} {8 + i % 12:02d}:00:00"
            said = "slow service" if score <= 6 else "friendly staff"
            lines.append(f"{unit}-{month}-{i},{unit},{when},{score},{said}")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path
