"""Building the e-mail: subject, MIME structure, HTML and text bodies, images and attachments."""

from __future__ import annotations

import email
import email.policy
import io
import re
import zipfile
from dataclasses import replace
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from bs4 import BeautifulSoup

from nps_kit.errors import MailError
from nps_kit.mail.compose import MAX_HTML_BYTES, compose_message, render_charts, subject
from nps_kit.mail.pdf import find_chromium
from nps_kit.mail.units import MailOptions, MailUnit, parse_address

PERIOD = "2026-10"
SENDER = parse_address("NPS レポート <nps@example.com>")
SUMMARY: dict[str, Any] = {
    "n": 512,
    "nps": -4.9,
    "ci_low": -11.0,
    "ci_high": 1.2,
    "pct_promoters": 20.1,
    "pct_passives": 54.9,
    "pct_detractors": 25.0,
    "target": 0.0,
    "small_sample": False,
    "change": {
        "vs": "2026-09",
        "diff": 3.2,
        "ci_low": -5.0,
        "ci_high": 11.4,
        "p_value": 0.44,
        "verdict": "no_change",
    },
    "trend": [{"period": f"2026-{m:02d}", "nps": -9.0 + m / 2, "n": 400 + m} for m in range(1, 11)],
    "top_themes": [
        {
            "theme": "delivery",
            "label": "配送<script>alert('x')</script>",
            "share": 18.2,
            "nps_gain": 2.1,
            "detractors": 11,
        },
        {"theme": "price", "label": "価格", "share": 12.0, "nps_gain": 1.0, "detractors": 5},
        {"theme": "support", "label": "サポート", "share": 9.5, "nps_gain": 0.8},
        {"theme": "app", "label": "アプリ", "share": 4.0, "nps_gain": 0.2, "detractors": 1},
    ],
    "actions": [
        {"segment": "detractor", "text": "配送遅延を事前に連絡する & <b>謝罪</b>", "evidence": "…"},
        {"segment": "passive", "text": "送料無料の条件を見直す", "evidence": "…"},
    ],
    "detractors_to_contact": 17,
}


def make_unit(
    tmp_path: Path,
    *,
    name: str = "EC事業部",
    language: str = "ja",
    summary: dict[str, Any] | None = None,
    **mail: Any,
) -> MailUnit:
    html = tmp_path / "ec.html"
    html.write_bytes("<!DOCTYPE html><html><body>EC事業部 全文レポート</body></html>".encode())
    options = MailOptions(
        to=(parse_address("山田 太郎 <yamada@example.com>"),),
        cc=(parse_address("cc@example.com"),),
        bcc=(parse_address("boss@example.com"),),
    )
    return MailUnit(
        unit="ec",
        name=name,
        language=language,  # type: ignore[arg-type]
        status="ok",
        html=html,
        mail=replace(options, **mail),
        summary=SUMMARY if summary is None else summary,
    )


def shown(html: str) -> str:
    """The HTML's text as escaped, without tags (spans keep numbers with their units)."""
    return re.sub(r"<[^>]+>", "", html).replace("&nbsp;", " ").replace("\xa0", " ")


def parse(message: EmailMessage) -> EmailMessage:
    """Round-trip through bytes, as a mail client would see it."""
    parsed = email.message_from_bytes(message.as_bytes(), policy=email.policy.default)
    assert isinstance(parsed, EmailMessage)
    return parsed


def html_and_text(message: EmailMessage) -> tuple[str, str]:
    html = message.get_body(("html",))
    text = message.get_body(("plain",))
    assert html is not None and text is not None
    return html.get_content(), text.get_content()


@pytest.fixture(scope="module")
def charts() -> dict[str, bytes]:
    return render_charts(SUMMARY, name="EC事業部", lang="ja")


# --- subject --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "name", "nps", "change", "expected"),
    [
        (
            "ja",
            "EC事業部",
            -4.9,
            {"vs": "2026-09", "diff": 3.2},
            "【NPS】EC事業部 2026年10月：−4.9（前月比+3.2）",
        ),
        (
            "ja",
            "EC事業部",
            1.0,
            {"vs": "2026-09", "diff": 2.1, "verdict": "no_change"},
            "【NPS】EC事業部 2026年10月：+1.0（前月比+2.1、有意な変化なし）",
        ),
        (
            "en",
            "Cloud Platform",
            38.2,
            {"vs": "2026-09", "diff": -1.0, "verdict": "no_change"},
            "[NPS] Cloud Platform October 2026: +38.2 (−1.0 vs September, no significant change)",
        ),
        (
            "en",
            "Retail Banking",
            0.0,
            {"vs": "2025-10", "diff": -1.5, "verdict": "decline"},
            "[NPS] Retail Banking October 2026: 0.0 (−1.5 vs October 2025, significant decline)",
        ),
        (
            "ja",
            "店舗事業部",
            12.0,
            {"vs": "2026-07", "diff": 0.4, "verdict": "improvement"},
            "【NPS】店舗事業部 2026年10月：+12.0（2026年7月比+0.4、有意に改善）",
        ),
        ("ja", "店舗事業部", 12.0, None, "【NPS】店舗事業部 2026年10月：+12.0"),
        # QA18: English wrote a positive NPS unsigned ("… 2026: 12.0") where Japanese signed it
        ("en", "Cloud Platform", 12.0, None, "[NPS] Cloud Platform October 2026: +12.0"),
        ("ja", "店舗事業部", 0.0, None, "【NPS】店舗事業部 2026年10月：0.0"),
    ],
)
def test_subject(
    lang: str, name: str, nps: float, change: dict[str, Any] | None, expected: str
) -> None:
    assert subject(name, PERIOD, {"nps": nps, "change": change}, lang) == expected  # type: ignore[arg-type]


def test_subject_january_compares_with_december() -> None:
    change = {"vs": "2025-12", "diff": 1.0}
    assert subject("EC", "2026-01", {"nps": 1.0, "change": change}, "ja") == (
        "【NPS】EC 2026年1月：+1.0（前月比+1.0）"
    )


def test_a_month_not_over_is_month_to_date_in_subject_heading_and_note(
    tmp_path: Path, charts: dict[str, bytes]
) -> None:
    # QA20: a report made mid-month (--period current) was mailed as "… December 2026: +100.0",
    # which the manager reads as the month's result; only the report's title said otherwise.
    summary = {**SUMMARY, "incomplete_through": "2026-10-04"}
    assert subject("Cloud", PERIOD, {"nps": 12.0, "incomplete_through": "2026-10-04"}, "en") == (
        "[NPS] Cloud October 2026 to date: +12.0"
    )
    assert subject("EC", PERIOD, summary, "ja").startswith("【NPS】EC 2026年10月（月途中）：−4.9")
    unit = make_unit(tmp_path, name="Cloud", language="en", summary=summary)
    html, text = html_and_text(
        parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    )
    text = text.replace("\r\n", "\n")
    assert text.startswith("Cloud NPS report, October 2026 to date\n")
    assert "October 2026 is not complete: responses up to 2026-10-04.\n" in text
    assert "October 2026 to date" in shown(html)
    assert "October 2026 is not complete: responses up to 2026-10-04." in shown(html)
    complete = make_unit(tmp_path, name="Cloud", language="en")
    _, text = html_and_text(
        parse(compose_message(complete, PERIOD, sender=SENDER, charts=charts).message)
    )
    assert "to date" not in text and "not complete" not in text


@pytest.mark.parametrize(
    "text",
    [
        # QA20: folded as "+33.6 \r\n =?utf-8?b?KOKIkjEwLjM=?=", read "+33.6  (−10.3 …".
        "[NPS] South (Brighton, Bristol, Oxford) November 2026: 33.6 (−10.3 vs October, "
        "no significant change)",
        "[NPS] South (Brighton Kemptown, Bristol Clifton, Oxford Summertown) November 2026: "
        "+33.6 (−10.3 vs October, no significant change)",
        "[NPS] South November 2026: +33.6 (−10.3 vs October, no significant change)",
        "[NPS] North November 2026: +38.2 (+5.2 vs October, no significant change) and more "
        "words to fold a plain header twice over the line length",
        "【NPS】EC事業部 2026年10月：41.8（前月比+5.3・有意な変化なし）",
        # QA26 #22: the space after "2026:" sat between two encoded words and was lost.
        "Updated: [NPS] Werkstatt Düsseldorf November 2026: −9.4 (−28.5 vs October, "
        "no significant change)",
        "Updated: [NPS] Hotel Lumière Paris November 2026: −9.4 (−28.5 vs October, no "
        "significant change)",
    ],
)
def test_a_folded_subject_reads_with_single_spaces(text: str) -> None:
    from nps_kit.mail._policy import POLICY

    message = EmailMessage(policy=POLICY)
    message["Subject"] = text
    message.set_content("x")
    raw = message.as_bytes()
    assert email.message_from_bytes(raw, policy=email.policy.default)["Subject"] == text
    head = raw.split(b"\r\n\r\n")[0]
    assert all(len(line) <= 100 for line in head.split(b"\r\n"))


# --- structure and headers ------------------------------------------------------------------


def test_mime_structure(tmp_path: Path, charts: dict[str, bytes]) -> None:
    composed = compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts=charts)
    message = parse(composed.message)
    assert [part.get_content_type() for part in message.walk()] == [
        "multipart/mixed",
        "multipart/related",
        "multipart/alternative",
        "text/plain",
        "text/html",
        "image/png",
        "text/html",
    ]


def test_chart_parts_are_inline_not_attachments(tmp_path: Path, charts: dict[str, bytes]) -> None:
    composed = compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts=charts)
    message = parse(composed.message)
    images = [p for p in message.walk() if p.get_content_type() == "image/png"]
    assert [p.get_content_disposition() for p in images] == ["inline"]
    assert [a.get_filename() for a in message.iter_attachments()] == ["ec_2026-10.html"]


def test_headers_are_encoded_and_decode(tmp_path: Path, charts: dict[str, bytes]) -> None:
    composed = compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts=charts)
    raw = composed.message.as_bytes()
    assert raw.isascii()
    assert b"\r\n" in raw and b"\n" not in raw.replace(b"\r\n", b"")  # SMTP line ends
    message = parse(composed.message)
    assert message["Subject"] == "【NPS】EC事業部 2026年10月：−4.9（前月比+3.2、有意な変化なし）"
    assert composed.subject == message["Subject"]
    assert [(a.display_name, a.addr_spec) for a in message["From"].addresses] == [
        ("NPS レポート", "nps@example.com")
    ]
    assert [(a.display_name, a.addr_spec) for a in message["To"].addresses] == [
        ("山田 太郎", "yamada@example.com")
    ]
    assert str(message["Cc"]) == "cc@example.com"
    assert "Bcc" not in message
    assert composed.recipients == ("yamada@example.com", "cc@example.com", "boss@example.com")
    assert message["Message-ID"] == composed.message_id
    assert re.fullmatch(r"<[^<>@\s]+@example\.com>", composed.message_id)
    assert message["Content-Language"] == "ja"
    assert message["Date"].datetime is not None


def test_message_ids_differ(tmp_path: Path, charts: dict[str, bytes]) -> None:
    unit = make_unit(tmp_path)
    ids = {compose_message(unit, PERIOD, sender=SENDER, charts=charts).message_id for _ in "abc"}
    assert len(ids) == 3


# --- HTML body ------------------------------------------------------------------------------


def test_every_cid_has_its_image(tmp_path: Path, charts: dict[str, bytes]) -> None:
    message = parse(
        compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts=charts).message
    )
    html, _ = html_and_text(message)
    cids = re.findall(r'src="cid:([^"]+)"', html)
    parts = {
        part["Content-ID"].strip("<>"): part.get_content()
        for part in message.walk()
        if part.get_content_type() == "image/png"
    }
    assert len(cids) == 1
    assert sorted(cids) == sorted(parts)
    assert all(png.startswith(b"\x89PNG\r\n\x1a\n") for png in parts.values())
    assert sorted(parts.values(), key=len) == sorted(charts.values(), key=len)
    assert "data:" not in html and "<svg" not in html  # Gmail shows neither


def test_html_is_small_inlined_and_narrow(tmp_path: Path, charts: dict[str, bytes]) -> None:
    composed = compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts=charts)
    html, _ = html_and_text(parse(composed.message))
    assert len(html.encode("utf-8")) < MAX_HTML_BYTES
    assert composed.html_bytes == len(html.rstrip("\r\n").encode("utf-8"))
    assert "<style" not in html  # moved into style attributes by css_inline
    assert 'width="640"' in html and "max-width: 640px" in html
    assert '<td style="font-family:' in html
    assert 'role="presentation"' in html


def test_data_text_is_escaped(tmp_path: Path, charts: dict[str, bytes]) -> None:
    html, text = html_and_text(
        parse(compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts=charts).message)
    )
    assert "<script" not in html and "<b>" not in html
    assert "配送&lt;script&gt;alert('x')&lt;/script&gt;" in html
    assert "配送遅延を事前に連絡する &amp; &lt;b&gt;謝罪&lt;/b&gt;" in html
    assert (  # plain text as written; the metric named once above the rows
        "このテーマの批判者が中立者になった場合のNPS改善幅（自由回答全体）：\r\n"
        "1. 配送<script>alert('x')</script>：+2.1ポイント（不満・要望のある批判者11人）\r\n"
    ) in text


def test_top_themes_name_the_metric_once_and_flag_small_samples(tmp_path: Path) -> None:
    # QA22: Enterprise (n=25) listed a theme resting on 2 detractors without the report's
    # small-sample badge, and the plain text repeated the metric's long name on every line.
    themes = [
        {**SUMMARY["top_themes"][1], "label": "Pricing", "small_sample": True},
        {**SUMMARY["top_themes"][2], "label": "Support"},
    ]
    unit = make_unit(tmp_path, language="en", summary={**SUMMARY, "top_themes": themes})
    html, text = html_and_text(parse(compose_message(unit, PERIOD, sender=SENDER).message))
    metric = "NPS points gained if this theme's detractors became passives (all open answers)"
    assert (
        f"Top themes\r\n{metric}:\r\n"
        "1. Pricing: +1.0 pts (5 complaining detractors) · few mentions\r\n"
        "2. Support: +0.8 pts\r\n"
    ) in text
    assert text.count(metric) == 1 and shown(html).count(metric) == 1
    assert "Pricing: +1.0 pts (5 complaining detractors) · few mentions" in shown(html)


def test_hyphenated_words_never_break_at_their_hyphen() -> None:
    # REVIEW22: at 390 px a mail client wrapped "(awaiting follow-" / "up)".
    from nps_kit.mail.body import _nb

    assert _nb("17 detractors allowed contact (awaiting follow-up)").endswith(
        '(awaiting <span class="nb">follow-up</span>)'
    )
    kept = _nb("See north-east_2026-10.html", "north-east_2026-10.html")
    assert kept.count("north-east") == 1 and 'class="nb"' in kept
    assert _nb("outages - and bugs") == "outages - and bugs"
    assert _nb('<b> & "e-mail"') == '&lt;b&gt; &amp; &quot;<span class="nb">e-mail</span>&quot;'


def test_improvement_requests_are_a_list_of_their_own(tmp_path: Path) -> None:
    # QA22: "what should we improve?" answers ranked as complaints outranked why people scored
    # low; with a reason question beside it the e-mail ranks reasons and lists the requests.
    requests = [
        {"theme": "features", "label": "Features", "share": 30.0, "mentions": 85},
        {"theme": "price", "label": "Pricing", "share": 8.0, "mentions": 12, "small_sample": True},
        {"theme": "support", "label": "Support", "share": 0.0, "mentions": 0},
    ]
    summary = {**SUMMARY, "theme_scope": "reasons", "top_requests": requests}
    unit = make_unit(tmp_path, language="en", summary=summary)
    html, text = html_and_text(parse(compose_message(unit, PERIOD, sender=SENDER).message))
    metric = (
        "NPS points gained if this theme's detractors became passives "
        "(reasons given, not improvement requests):"
    )
    assert metric in text and metric in shown(html)
    assert (
        "Most requested improvements\r\n"
        "1. Features: 85 asked\r\n"
        "2. Pricing: 12 asked\r\n\r\n"  # a count of people: no estimate to flag
    ) in text
    assert "Features: 85 asked" in shown(html) and "Support" not in shown(html).split("Most")[-1]


def test_html_and_text_carry_the_same_facts(tmp_path: Path, charts: dict[str, bytes]) -> None:
    html, text = html_and_text(
        parse(compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts=charts).message)
    )
    facts = [
        "EC事業部 NPSレポート（2026年10月）",
        "NPS −4.9ポイント",
        "前月比+3.2ポイント・有意な変化なし",
        "95%信頼区間：−11.0ポイント〜+1.2ポイント",
        "回答数512件",
        "推奨者20.1%・中立者54.9%・批判者25.0%",
        "このテーマの批判者が中立者になった場合のNPS改善幅（自由回答全体）：",
        "価格：+1.0ポイント（不満・要望のある批判者5人）",
        # a summary from before the metric had its n: the number without it
        "サポート：+0.8ポイント",
        "送料無料の条件を見直す",
        "連絡を許可した批判者17人（フォローアップ待ち）",
        "目標0.0ポイント：目標との差は誤差の範囲内",
        "詳細レポートを添付しています（ec_2026-10.html）。",
    ]
    for fact in facts:
        assert fact in text, fact
        assert fact.replace("&", "&amp;") in shown(html), fact
    assert "アプリ" not in text and "アプリ" not in html  # top three themes only


def test_japanese_body_follows_japanese_spacing(tmp_path: Path, charts: dict[str, bytes]) -> None:
    from test_i18n import ja_spacing_problems

    composed = compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts=charts)
    html, text = html_and_text(parse(composed.message))
    visible = re.sub(r"<[^>]+>", "", html)
    assert ja_spacing_problems(visible) == []
    assert ja_spacing_problems(text) == []


def test_english_body(tmp_path: Path) -> None:
    summary = {**SUMMARY, "change": None, "trend": [], "small_sample": True, "top_themes": []}
    unit = make_unit(tmp_path, name="Cloud Platform", language="en", summary=summary)
    composed = compose_message(unit, PERIOD, sender=SENDER, charts={})
    html, text = html_and_text(parse(composed.message))
    assert text.splitlines()[:5] == [
        "Cloud Platform NPS report, October 2026",
        "=" * 40,
        "NPS −4.9 pts",
        "",
        "95% interval −11.0 pts to +1.2 pts · 512 responses · target 0.0 pts: "
        "not distinguishable · small sample",
    ]
    assert "Top themes" not in text and "cid:" not in html
    assert composed.subject == "[NPS] Cloud Platform October 2026: −4.9"


UNREAD = {"column": "回答日", "count": 3, "examples": ["2026/13/45", "不明"]}


def test_body_says_how_many_answers_an_unreadable_date_left_out(tmp_path: Path) -> None:
    # As the report's flag does: those answers are in no month, so the figures leave them out.
    unit = make_unit(tmp_path, summary={**SUMMARY, "unreadable_dates": UNREAD})
    html, text = html_and_text(
        parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message)
    )
    said = (
        "読み取れない日付：「回答日」の日付を読み取れない回答が3件あります（例：「2026/13/45」、"
        "「不明」）。これらの回答はどの期間にも入らず、月別など期間ごとの集計から除かれています。"
    )
    assert said in text.splitlines()
    assert text.index(said) < text.index("回答者の構成")  # right under the headline figures
    flag = BeautifulSoup(html, "html.parser").select_one('p[role="note"]')
    assert flag is not None and flag.get_text() == said
    assert flag.strong is not None and flag.strong.get_text() == "読み取れない日付"
    from test_i18n import ja_spacing_problems

    assert ja_spacing_problems(text) == []


def test_english_body_says_so_in_english(tmp_path: Path) -> None:
    one = {"column": "date", "count": 1, "examples": ["soon"]}
    unit = make_unit(tmp_path, language="en", summary={**SUMMARY, "unreadable_dates": one})
    html, text = html_and_text(
        parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message)
    )
    said = (
        "Unreadable dates: 1 response has a date in column 'date' that could not be read, such "
        "as 'soon'. A response without a readable date belongs to no period and is left out of "
        "every period's figures."
    )
    assert said in text.splitlines()
    flag = BeautifulSoup(html, "html.parser").select_one('p[role="note"]')
    # "1 response" is kept on one line (a no-break space), as "3 responses" is (nobreak)
    assert flag is not None and flag.get_text().replace("\u00a0", " ") == said


def test_body_without_unreadable_dates_has_no_flag(tmp_path: Path) -> None:
    html, text = html_and_text(
        parse(compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts={}).message)
    )
    assert "読み取れない日付" not in text and 'role="note"' not in html


def test_body_has_both_changes_the_target_status_and_what_moved(tmp_path: Path) -> None:
    summary = {
        **SUMMARY,
        "target": None,
        "changes": [
            {**SUMMARY["change"], "kind": "previous"},
            {"vs": "2025-10", "kind": "last_year", "diff": 4.9, "verdict": "improvement"},
        ],
        "contributors": [
            {
                "kind": "previous",
                "vs": "2026-09",
                "by": "channel",
                "label": "チャネル",
                "total": 3.2,
                "items": [
                    {
                        "group": "Web",
                        "kind": "within",
                        "value": 2.5,
                        "noise": False,
                        "nps_previous": 30.0,
                        "nps_current": 34.5,
                    },
                    {"group": None, "kind": "others", "value": 0.7, "noise": False, "rest": "mix"},
                ],
            }
        ],
    }
    unit = make_unit(tmp_path, summary=summary)
    html, text = html_and_text(
        parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message)
    )
    facts = [
        "前月比+3.2ポイント・有意な変化なし",
        "前年同月比+4.9ポイント・有意に改善",
        "目標未設定",
        "変化の内訳",
        # under the heading 変化の内訳 the sentence does not repeat it (QA19: "What moved" /
        # "What moved the −6.1 pts …" as a one-item numbered list)
        (
            "前月比+3.2ポイント（チャネル別）：WebのNPSが+30.0→+34.5となった分+2.5ポイント、"
            "各グループの構成比の変化による分+0.7ポイント"
        ),
    ]
    for fact in facts:
        assert fact in text, fact
        assert fact in shown(html), fact
    assert "の内訳（チャネル別）" not in text and "の内訳（チャネル別）" not in shown(html)
    # one comparison is a paragraph, not a one-item numbered list
    movers = BeautifulSoup(html, "html.parser").find("h2", string="変化の内訳")
    assert movers is not None and movers.find_next_sibling().name == "p"


@pytest.mark.parametrize(
    ("lang", "header", "moved"),
    [
        ("en", "−1.0 pts vs previous month", "−1.0 pts vs previous month (by channel)"),
        ("ja", "前月比−1.0ポイント", "前月比−1.0ポイント（channel別）"),
    ],
)
def test_the_header_change_is_in_points_as_what_moved_writes_it(
    tmp_path: Path, lang: str, header: str, moved: str
) -> None:
    # BROWSE30: the header wrote "−1.0 vs previous month" above "What moved: −1.0 pts vs
    # previous month": one change, one wording (change_points), in both languages.
    change = {**SUMMARY["change"], "diff": -1.0}
    record = {"kind": "previous", "vs": "2026-09", "by": "channel", "label": "channel"}
    item = {"group": "Web", "kind": "within", "value": -1.0, "noise": False}
    summary = {
        **SUMMARY,
        "change": change,
        "contributors": [{**record, "total": -1.0, "items": [item]}],
    }
    unit = make_unit(tmp_path, language=lang, summary=summary)
    html, text = html_and_text(
        parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message)
    )
    for body in (text, shown(html)):
        assert header in body and moved in body
        assert "−1.0 vs" not in body and "前月比−1.0・" not in body


def test_charts_follow_the_data() -> None:
    # the shares are a line of text: only the trend is drawn
    assert list(render_charts(SUMMARY, name="EC", lang="en")) == ["trend"]
    assert render_charts({**SUMMARY, "trend": []}, name="EC", lang="en") == {}
    assert render_charts({"nps": None}, name="EC", lang="en") == {}


# --- attachments ----------------------------------------------------------------------------


def test_html_attachment_is_the_report(tmp_path: Path, charts: dict[str, bytes]) -> None:
    unit = make_unit(tmp_path)
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_filename() == "ec_2026-10.html"
    assert attachment.get_payload(decode=True) == (tmp_path / "ec.html").read_bytes()


def test_zip_attachment(tmp_path: Path, charts: dict[str, bytes]) -> None:
    unit = make_unit(tmp_path, attach="zip")
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/zip"
    assert attachment.get_filename() == "ec_2026-10.zip"
    with zipfile.ZipFile(io.BytesIO(attachment.get_content())) as archive:
        assert archive.namelist() == ["ec_2026-10.html"]
        assert archive.read("ec_2026-10.html") == (tmp_path / "ec.html").read_bytes()


@pytest.mark.skipif(find_chromium() is None, reason="needs chromium (apt-get install chromium)")
def test_pdf_attachment_prints_the_report_with_japanese_text(
    tmp_path: Path, charts: dict[str, bytes]
) -> None:
    unit = make_unit(tmp_path, attach="pdf")
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    (attachment,) = list(message.iter_attachments())
    assert attachment.get_content_type() == "application/pdf"
    assert attachment.get_filename() == "ec_2026-10.pdf"
    pdf = attachment.get_content()
    assert pdf.startswith(b"%PDF")
    # the Japanese font is embedded (not a fallback box font)
    assert b"NotoSansCJK" in pdf or b"Noto Sans CJK" in pdf
    _, text = html_and_text(message)
    assert "詳細レポートを添付しています（ec_2026-10.pdf）。" in text


@pytest.mark.skipif(find_chromium() is None, reason="needs chromium (apt-get install chromium)")
@pytest.mark.parametrize(
    ("timezone", "size"),
    [("Europe/London", (595, 842)), (None, (595, 842)), ("America/Chicago", (612, 792))],
)
def test_the_pdf_is_a4_unless_the_unit_is_in_the_united_states(
    tmp_path: Path, timezone: str | None, size: tuple[int, int]
) -> None:
    # QA20: a UK unit's PDF printed on US Letter (612 x 792 pt), chromium's default.
    unit = replace(make_unit(tmp_path, attach="pdf", language="en"), timezone=timezone)
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message)
    (attachment,) = list(message.iter_attachments())
    box = re.search(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", attachment.get_content())
    assert box is not None
    assert (round(float(box[1])), round(float(box[2]))) == size


def test_pdf_without_chromium_says_what_to_do(
    tmp_path: Path, charts: dict[str, bytes], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("NPS_KIT_CHROMIUM", str(tmp_path / "no-such-chromium"))
    unit = make_unit(tmp_path, attach="pdf")
    with pytest.raises(MailError) as caught:
        compose_message(unit, PERIOD, sender=SENDER, charts=charts)
    assert str(caught.value) == (
        "mail.attach: pdf needs headless chromium to print the report, and none was found "
        "(tried chromium, chromium-browser, google-chrome, google-chrome-stable and "
        "$NPS_KIT_CHROMIUM). Install it (Debian/Ubuntu: apt-get install chromium "
        "fonts-noto-cjk), set NPS_KIT_CHROMIUM to its path, or use mail.attach: html, zip or "
        "none with mail.report_url."
    )


def test_link_instead_of_attachment(tmp_path: Path, charts: dict[str, bytes]) -> None:
    url = "https://intra.example.com/nps/2026-10/ec.html?a=1&b=2"
    unit = make_unit(tmp_path, attach="none", report_url=url)
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    assert list(message.iter_attachments()) == []
    html, text = html_and_text(message)
    assert f"詳細レポート：{url}" in text
    assert 'href="https://intra.example.com/nps/2026-10/ec.html?a=1&amp;b=2"' in html
    assert "添付" not in text


def test_no_attachment_and_no_link(tmp_path: Path, charts: dict[str, bytes]) -> None:
    unit = make_unit(tmp_path, attach="none")
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    _, text = html_and_text(message)
    assert "詳細レポートは分析担当者にお問い合わせください。" in text


def _out_of_control_summary() -> dict[str, Any]:
    trend = [
        {**row, "control_low": -12.0, "control_high": 2.0, "out_of_control": None}
        for row in SUMMARY["trend"]
    ]
    trend[2]["out_of_control"] = "above"
    trend[-1]["out_of_control"] = "below"
    control = {"period": PERIOD, "centre": -5.0, "low": -12.0, "high": 2.0, "outside": "below"}
    return {**SUMMARY, "trend": trend, "control": control}


@pytest.mark.parametrize(
    ("lang", "facts"),
    [
        (
            "ja",
            [
                # The limits pool the trend's 10 months, not "the last 12" (QA22).
                "今月のNPSは管理限界（データのある10か月の通常の変動幅−12.0ポイント〜+2.0ポイント）"
                "を下回りました。",
                "管理限界外の月：2026年3月（上回り）、2026年10月（下回り）",
            ],
        ),
        (
            "en",
            [
                "This month's NPS is below the unit's control limits (the normal range of the "
                "10 months with data, −12.0 pts to +2.0 pts).",
                "Months outside the control limits: March 2026 (above), October 2026 (below)",
            ],
        ),
    ],
)
def test_body_names_months_outside_the_control_limits(
    tmp_path: Path, lang: str, facts: list[str]
) -> None:
    unit = make_unit(tmp_path, language=lang, summary=_out_of_control_summary())
    html, text = html_and_text(parse(compose_message(unit, PERIOD, sender=SENDER).message))
    for fact in facts:
        assert fact in text, fact
        assert fact.replace("'", "&#x27;") in shown(html) or fact in shown(html), fact


def test_body_is_silent_when_every_month_is_within_the_limits(tmp_path: Path) -> None:
    summary = _out_of_control_summary()
    summary["trend"] = [{**r, "out_of_control": None} for r in summary["trend"]]
    summary["control"] = {**summary["control"], "outside": None}
    html, text = html_and_text(
        parse(compose_message(make_unit(tmp_path, summary=summary), PERIOD, sender=SENDER).message)
    )
    assert "管理限界" not in text and "管理限界" not in html


def test_trend_chart_of_the_mail_draws_the_control_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    import matplotlib.pyplot as plt

    from nps_kit import plot

    drawn: list[Any] = []
    original = plot.trend

    def keep(table: pd.DataFrame, **kwargs: Any) -> Any:
        drawn.append(original(table, **kwargs))  # the real chart, kept for inspection
        return drawn[-1]

    monkeypatch.setattr(plot, "trend", keep)
    render_charts(_out_of_control_summary(), name="EC", lang="ja")
    (ax,) = drawn
    (ring,) = [c for c in ax.collections if c.get_gid() == "out-of-control"]
    assert len(ring.get_offsets()) == 2
    (low,) = [ln for ln in ax.get_lines() if ln.get_gid() == "control-low"]
    assert list(low.get_ydata()) == [-12.0] * 10
    plt.close("all")


# --- the follow-up work file and consent ----------------------------------------------------


def write_work_files(folder: Path) -> tuple[bytes, bytes]:
    csv, xlsx = b"\xef\xbb\xbfresponse_id,owner\r\nR1,\r\n", b"PK\x03\x04 not really a workbook"
    (folder / "ec_followups.csv").write_bytes(csv)
    (folder / "ec_followups.xlsx").write_bytes(xlsx)
    return csv, xlsx


def test_work_file_is_attached_beside_the_report(tmp_path: Path, charts: dict[str, bytes]) -> None:
    _, xlsx = write_work_files(tmp_path)
    unit = make_unit(tmp_path)
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    report, work = list(message.iter_attachments())
    assert report.get_filename() == "ec_2026-10.html"
    assert work.get_filename() == "ec_followups.xlsx"
    assert work.get_content_type() == (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    assert work.get_payload(decode=True) == xlsx
    html, text = html_and_text(message)
    assert "全員の作業用ファイルを添付しています（ec_followups.xlsx）。" in text
    assert "全員の作業用ファイルを添付しています（ec_followups.xlsx）。" in shown(html)


def test_work_files_are_in_the_zip(tmp_path: Path, charts: dict[str, bytes]) -> None:
    csv, xlsx = write_work_files(tmp_path)
    unit = make_unit(tmp_path, attach="zip", language="en", name="Web Shop")
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    (attachment,) = list(message.iter_attachments())
    with zipfile.ZipFile(io.BytesIO(attachment.get_content())) as archive:
        assert archive.namelist() == ["ec_2026-10.html", "ec_followups.csv", "ec_followups.xlsx"]
        assert (archive.read("ec_followups.csv"), archive.read("ec_followups.xlsx")) == (csv, xlsx)
    _, text = html_and_text(message)
    assert "The work file with every one of them is attached (ec_2026-10.zip)." in text


def test_work_file_is_linked_beside_the_linked_report(
    tmp_path: Path, charts: dict[str, bytes]
) -> None:
    write_work_files(tmp_path)
    url = "https://intra.example.com/nps/2026-10/ec.html?a=1&b=2"
    unit = make_unit(tmp_path, attach="none", report_url=url)
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    assert list(message.iter_attachments()) == []
    _, text = html_and_text(message)
    assert "作業用ファイル：https://intra.example.com/nps/2026-10/ec_followups.xlsx" in text


def test_without_a_consent_column_nobody_is_said_to_have_agreed(
    tmp_path: Path, charts: dict[str, bytes]
) -> None:
    unit = make_unit(tmp_path, summary={**SUMMARY, "consent_known": False})
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    html, text = html_and_text(message)
    assert "フォローアップ待ちの批判者17人（連絡の同意は不明）" in text
    assert "許可" not in text and "許可" not in html
    known = parse(
        compose_message(make_unit(tmp_path), PERIOD, sender=SENDER, charts=charts).message
    )
    assert "連絡を許可した批判者17人（フォローアップ待ち）" in html_and_text(known)[1]


@pytest.mark.parametrize(
    ("lang", "extra", "line"),
    [
        ("en", {}, "17 detractors left a way to reach them (awaiting follow-up)"),
        ("ja", {}, "連絡先を残した批判者17人（フォローアップ待ち）"),
        (
            "en",
            {"detractors_to_contact": 13, "detractors_contacted": 4},
            "13 detractors who left a way to reach them await follow-up (4 of 17 contacted)",
        ),
        (
            "en",
            {"detractors_to_contact": 0, "detractors_contacted": 2},
            "All 2 detractors who left a way to reach them have been contacted",
        ),
        (
            "ja",
            {"detractors_to_contact": 0, "detractors_contacted": 2},
            "連絡先を残した批判者2人の全員に連絡済み",
        ),
    ],
)
def test_without_a_consent_column_the_body_words_the_count_as_the_report_does(
    tmp_path: Path, lang: str, extra: dict[str, Any], line: str
) -> None:
    # FIX30: section 7 said "left a way to reach them" while the e-mail said "allowed
    # contact": the body words the count from the summary's contact_basis.
    summary = {**SUMMARY, "consent_known": True, "contact_basis": "details", **extra}
    unit = make_unit(tmp_path, name="North", language=lang, summary=summary)
    html, text = html_and_text(parse(compose_message(unit, PERIOD, sender=SENDER).message))
    assert line in text and line in shown(html)
    assert "allowed contact" not in text and "許可" not in text


def test_what_moved_in_the_body_says_the_rest_holds_hidden_groups(tmp_path: Path) -> None:
    record = {
        "kind": "previous",
        "vs": "2026-09",
        "by": "age",
        "label": "年代",
        "total": -51.4,
        "items": [
            {"group": "40代", "kind": "mix", "value": 20.0, "noise": True},
            {"group": None, "kind": "others", "value": -71.4, "noise": False, "hidden": True},
        ],
    }
    unit = make_unit(tmp_path, summary={**SUMMARY, "contributors": [record]})
    html, text = html_and_text(
        parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message)
    )
    fact = "その他のグループ（匿名性のため非表示のグループを含む）−71.4ポイント"
    assert fact in text and fact in shown(html)


def trend_summary(months: int) -> dict[str, Any]:
    """A summary whose trend ends in October 2026, with a small month and control limits."""
    periods = pd.period_range(end="2026-10", periods=months, freq="M").strftime("%Y-%m")
    rows = []
    for i, period in enumerate(periods):
        nps = -20.0 + 30 * (i % 5) / 4
        n = 5 + i if months <= 3 else 12 if i == 0 else 140  # a small clinic: every month small
        rows.append(
            {
                "period": period,
                "nps": nps,
                "n": n,
                "ci_low": nps - 12,
                "ci_high": nps + 12,
                "small_sample": n < 30,
                "control_low": -100.0 if months <= 3 else -45.0,
                "control_high": 35.0,
                "out_of_control": "above" if i == months - 1 else None,
            }
        )
    return {**SUMMARY, "target": 10.0, "trend": rows}


@pytest.mark.parametrize("months", [2, 3, 12, 18])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_trend_picture_reads_on_a_phone_and_a_desktop(
    months: int, lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The probe's pictures: legend cut at "fewer than 30 responses (indic", the plot squeezed
    # to a third of the width, "AugSepOct" printed over each other, September without a label.
    from _layout import rendered_layouts
    from PIL import Image

    from nps_kit.mail.body import CHART_WIDTH

    with rendered_layouts(monkeypatch) as seen:
        charts = render_charts(trend_summary(months), name="EC", lang=lang)  # type: ignore[arg-type]
    (image,) = seen  # drawn once, at the width it is shown at: no phone variant
    assert image.problems == []
    plot_box, *_ = image.axes
    assert plot_box.width >= 0.55 * CHART_WIDTH  # the plot uses the width
    labels = [x.split("\n")[0] for x in image.x_labels[0]]
    assert labels[-1] == ("10月" if lang == "ja" else "Oct")  # the reporting month
    assert image.x_labels[0][0].endswith("年" if lang == "ja" else tuple("0123456789"))
    if months <= 3:
        assert len(labels) == months  # every month named
    assert len(image.ticks[0]) == months  # and a tick under every month
    with Image.open(io.BytesIO(charts["trend"])) as png:
        assert png.width == 2 * CHART_WIDTH


def test_trend_flags_small_months_as_the_report_did() -> None:
    from nps_kit.mail.compose import trend_table
    from nps_kit.summary import TrendPoint, UnitSummary

    # min_n 50 and a weighted month whose effective n (not n) is under it: the report's flags
    # are published per month, and the mail draws exactly those, not n < 30 again.
    points = (
        TrendPoint(period="2026-08", nps=10.0, n=40, small_sample=True),
        TrendPoint(period="2026-09", nps=12.0, n=60, small_sample=True),
        TrendPoint(period="2026-10", nps=15.0, n=80, small_sample=False),
    )
    summary = UnitSummary(period="2026-10", trend=points, min_n=50)
    table = trend_table(summary)
    assert table["small_sample"].tolist() == [True, True, False]
    # the legend's threshold travels through the manifest's JSON
    from nps_kit.summary import as_summary

    again = as_summary(summary.to_json())
    assert again is not None and again.min_n == 50
    assert trend_table(again)["small_sample"].tolist() == [True, True, False]


def test_the_body_counts_the_detractors_still_open_once_the_team_returned_the_file(
    tmp_path: Path,
) -> None:
    # QA20: 4 of 17 were contacted (the report said "Still open 13"); the e-mail still said
    # "17 detractors allowed contact (awaiting follow-up)".
    summary = {**SUMMARY, "detractors_to_contact": 13, "detractors_contacted": 4}
    unit = make_unit(tmp_path, name="North", language="en", summary=summary)
    html, text = html_and_text(
        parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message)
    )
    line = "13 detractors allowed contact and await follow-up (4 of 17 contacted)"
    assert line in text and line in shown(html)
    assert "17 detractors" not in text
    unknown = {**summary, "consent_known": False}
    unit = make_unit(tmp_path, name="North", language="en", summary=unknown)
    _, text = html_and_text(parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message))
    assert "13 detractors await follow-up (consent to contact unknown; 4 of 17 contacted)" in text


@pytest.mark.parametrize(
    ("lang", "contacted", "consent", "line"),
    [
        ("en", 2, True, "All 2 detractors who allowed contact have been contacted"),
        ("en", 1, True, "The one detractor who allowed contact has been contacted"),
        (
            "en",
            2,
            False,
            "All 2 listed detractors have been contacted (consent to contact unknown)",
        ),
        ("ja", 2, True, "連絡を許可した批判者2人の全員に連絡済み"),
    ],
)
def test_body_says_everyone_was_contacted_when_nobody_waits(
    tmp_path: Path, lang: str, contacted: int, consent: bool, line: str
) -> None:
    # QA22: "0 detractors allowed contact and await follow-up (2 of 2 contacted)".
    summary = {
        **SUMMARY,
        "detractors_to_contact": 0,
        "detractors_contacted": contacted,
        "consent_known": consent,
    }
    unit = make_unit(tmp_path, name="Enterprise", language=lang, summary=summary)
    html, text = html_and_text(parse(compose_message(unit, PERIOD, sender=SENDER).message))
    assert line in text and line in shown(html)
    assert "await" not in text and "フォローアップ待ち" not in text


@pytest.mark.parametrize(
    ("lang", "line", "attached"),
    [
        ("en", "No detractor to call back this period", "The work file"),
        ("ja", "今月フォローアップする批判者はいません", "作業用ファイル"),
    ],
)
def test_a_unit_with_nobody_to_call_attaches_no_work_file_and_says_so(
    tmp_path: Path, charts: dict[str, bytes], lang: str, line: str, attached: str
) -> None:
    # QA26 #21: "0 detractors allowed contact (awaiting follow-up)" and "The work file with
    # every one of them is attached" with a header-only xlsx.
    write_work_files(tmp_path)
    summary = {**SUMMARY, "detractors_to_contact": 0}
    unit = make_unit(tmp_path, name="Paris", language=lang, summary=summary)
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    assert [a.get_filename() for a in message.iter_attachments()] == ["ec_2026-10.html"]
    html, text = html_and_text(message)
    assert line in text and line in shown(html)
    assert attached not in text and "0 detractors" not in text


def test_a_unit_under_the_floor_attaches_no_work_file_of_nobody(
    tmp_path: Path, charts: dict[str, bytes]
) -> None:
    # QA43: a bank's 出張所 of 3 answers, none a detractor. The floor hides the count
    # (detractors_to_contact None), and the e-mail attached the header-only work file saying
    # 「全員の作業用ファイルを添付しています」: an empty list sent as everyone's.
    (tmp_path / "ec_followups.csv").write_bytes("\ufeff回答ID,回答日,担当者\r\n".encode())
    (tmp_path / "ec_followups.xlsx").write_bytes(b"PK\x03\x04 not really a workbook")
    # As mail.units reads it: floored, the count hidden.
    summary = {"n": 3, "consent_known": False}
    unit = replace(make_unit(tmp_path, summary=summary), min_report_n=5)
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    assert [a.get_filename() for a in message.iter_attachments()] == ["ec_2026-10.html"]
    html, text = html_and_text(message)
    assert "作業用ファイル" not in text and "作業用ファイル" not in shown(html)


@pytest.mark.parametrize(
    ("lang", "basis", "line"),
    [
        (
            "en",
            "consent",
            "No detractor to call back: the one detractor of this period did not allow contact",
        ),
        ("ja", "consent", "今月の批判者1人は連絡を許可していないため、連絡できる方はいません"),
        (
            "en",
            "details",
            "No detractor to call back: the one detractor of this period left no way to reach them",
        ),
    ],
)
def test_a_unit_whose_detractors_may_not_be_called_says_why(
    tmp_path: Path, charts: dict[str, bytes], lang: str, basis: str, line: str
) -> None:
    # QA26 #21 (hospital 小児科): one detractor, who did not allow contact; the e-mail said
    # nobody was to be called without saying why, beside the call-back action numbered 1.
    write_work_files(tmp_path)
    summary = {
        **SUMMARY,
        "detractors_to_contact": 0,
        "detractors_not_listed": 1,
        "consent_known": True,
        "contact_basis": basis,
    }
    unit = make_unit(tmp_path, name="Paris", language=lang, summary=summary)
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    assert [a.get_filename() for a in message.iter_attachments()] == ["ec_2026-10.html"]
    html, text = html_and_text(message)
    assert line in text and line in shown(html)


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "ja",
            "今月の批判者7人には連絡できません（フォームに回答ID・連絡の同意・連絡先がありません）。"
            "コメントとテーマはレポートにあります",
        ),
        (
            "en",
            "The 7 detractors of this period cannot be called back: the form keeps no response "
            "id, consent or contact details (their comments and themes are in the report)",
        ),
    ],
)
def test_an_anonymous_form_s_detractors_are_not_awaiting_follow_up(
    tmp_path: Path, charts: dict[str, bytes], lang: str, line: str
) -> None:
    # QA44: a Google Form with no id, consent or contact field mailed "7 detractors awaiting
    # follow-up (consent to contact unknown)".
    write_work_files(tmp_path)
    summary = {
        **SUMMARY,
        "detractors_to_contact": 7,
        "consent_known": False,
        "contact_basis": "anonymous",
    }
    unit = make_unit(tmp_path, name="Paris", language=lang, summary=summary)
    message = parse(compose_message(unit, PERIOD, sender=SENDER, charts=charts).message)
    html, text = html_and_text(message)
    assert line in text and line in shown(html)
    assert "awaiting" not in text and "待ち" not in text


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "ja",
            "2026年度累計（4〜10月）：NPS −2.5ポイント・回答数3,456件・前年度同期比+2.1ポイント・"
            "有意な変化なし",
        ),
        (
            "en",
            "FY2026 to date (Apr–Oct): NPS −2.5 pts · 3,456 responses · +2.1 pts vs same months "
            "last fiscal year · no significant change",
        ),
    ],
)
def test_the_body_says_the_fiscal_year_to_date_under_the_months_changes(
    tmp_path: Path, lang: str, line: str
) -> None:
    fiscal = {
        "year": 2026,
        "first": "2026-04",
        "last": "2026-10",
        "n": 3456,
        "nps": -2.5,
        "change": {"kind": "fiscal_ytd", "vs": "2025-04", "diff": 2.1, "verdict": "no_change"},
    }
    unit = make_unit(tmp_path, language=lang, summary={**SUMMARY, "fiscal_ytd": fiscal})
    html, text = html_and_text(
        parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message)
    )
    assert line in text and line in shown(html)
    # after the month's change and after the month's interval and n, as the report shows it
    # under the month's card: above them, the month's interval read as the fiscal year's
    interval = "95%信頼区間" if lang == "ja" else "95% interval"
    assert text.index(line) > text.index("前月比" if lang == "ja" else "vs previous month")
    assert text.index(line) > text.index(interval)
    assert shown(html).index(line) > shown(html).index(interval)
    plain = make_unit(tmp_path, language=lang)
    _, text = html_and_text(parse(compose_message(plain, PERIOD, sender=SENDER, charts={}).message))
    assert "FY2026" not in text and "年度累計" not in text


@pytest.mark.parametrize(
    ("lang", "line"),
    [
        (
            "ja",
            "2026年度累計（4〜10月）：NPS −2.5ポイント・回答数3,456件・"
            "前年度同期：比較なし（回答のある月が7か月中1か月）",
        ),
        (
            "en",
            "FY2026 to date (Apr–Oct): NPS −2.5 pts · 3,456 responses · "
            "vs last FY: not compared (1 of 7 months answered)",
        ),
    ],
)
def test_the_body_says_why_the_fiscal_year_to_date_has_no_change(
    tmp_path: Path, lang: str, line: str
) -> None:
    # FY43: last year's same months had one answered month of seven; the report's card said
    # so, the e-mail showed the year to date with no change and no reason.
    fiscal = {
        "year": 2026,
        "first": "2026-04",
        "last": "2026-10",
        "n": 3456,
        "nps": -2.5,
        "change": {"kind": "fiscal_ytd", "vs": "2025-04", "verdict": "insufficient_data"},
        "before_counts": [0, 0, 0, 0, 0, 0, 9],
        "unshown": "too_few",
    }
    unit = make_unit(tmp_path, language=lang, summary={**SUMMARY, "fiscal_ytd": fiscal})
    html, text = html_and_text(
        parse(compose_message(unit, PERIOD, sender=SENDER, charts={}).message)
    )
    assert line in text and line in shown(html)
