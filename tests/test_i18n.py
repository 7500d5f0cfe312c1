"""The words catalogue: Japanese typography of every ja entry, as readers see it filled in."""

from __future__ import annotations

import itertools
import re
import string
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from nps_kit.i18n import (
    _CATALOGUE,
    change_points,
    hidden_month,
    interval_text,
    nps_text,
    number,
    phrase_breaks,
    points,
    signed_number,
    t,
)

#: Japanese characters: CJK punctuation (、。「」〜), kana, kanji and full-width forms (（）：).
_JA = "\u3000-\u303f\u3040-\u30ff\u4e00-\u9fff\uff00-\uffef"
#: A half-width space between two Japanese characters, between a Japanese character and a
#: number or % (「の 42%」, 「前月比 +2.1」, 「2.1 ポイント」), or a Western "·"/"–" in ja text.
_SPACING = re.compile(rf"[{_JA}] (?=[{_JA}0-9%]|[+\u2212][0-9])|[0-9%] (?=[{_JA}])|[\u00b7\u2013]")


def ja_spacing_problems(text: str) -> list[str]:
    """Every place in ``text`` that breaks the Japanese spacing rules, with some context."""
    return [text[max(0, m.start() - 12) : m.end() + 12] for m in _SPACING.finditer(text)]


class _Sample:
    """A value for any ``{field}`` (and any format spec) of a catalogue entry: 42."""

    def __format__(self, spec: str) -> str:
        return "42"


#: Fields that hold a name or a file, not a number: filled with a Latin word.
_WORDS = {"name", "csv", "xlsx", "file", "url", "version", "packs", "encoding"}


class _Values(dict[str, Any]):
    def __missing__(self, key: str) -> _Sample | str:
        return "ec_followups.csv" if key in _WORDS else _Sample()


def _filled(template: str) -> str:
    return string.Formatter().vformat(template, (), _Values())


def test_the_check_finds_each_kind_of_mistake() -> None:
    for wrong in (
        "コメントした批判者の 42%（n=182）",
        "前月比 +2.1",
        "+2.1 ポイント",
        "批判者 12 人",
        "配送·価格",
        "1–3年",
    ):
        assert ja_spacing_problems(wrong), wrong
    assert ja_spacing_problems("推奨者の割合 − 批判者の割合") == []  # a formula's operator
    assert ja_spacing_problems("EC事業部 NPSレポート、nps-kit 0.1.0") == []  # Latin words


@pytest.mark.parametrize(
    "key", sorted(k for k, words in _CATALOGUE.items() if "ja" in words), ids=str
)
def test_japanese_catalogue_entries_have_no_half_width_spaces(key: str) -> None:
    template = _CATALOGUE[key]["ja"]
    assert ja_spacing_problems(_filled(template)) == [], template


def test_points_in_japanese_have_no_space_before_the_unit() -> None:
    assert points(2.1, "ja", signed=True) == "+2.1ポイント"
    assert points(-4.9, "en") == "−4.9 pts"
    assert t("mail.interval", "ja", low="−5.5ポイント", high="+7.5ポイント") == (
        "95%信頼区間：−5.5ポイント〜+7.5ポイント"
    )


def test_signed_number_is_the_one_sign_of_differences_and_of_an_nps() -> None:
    # A difference of none reads ±0.0; an NPS of 0 reads 0.0 (points, the e-mail's subject).
    assert [signed_number(v) for v in (2.1, -0.4, 0.0)] == ["+2.1", "\u22120.4", "±0.0"]
    # A value that rounds to zero has no sign (QA22: "−0.0 pts", "−0.0 to +70.6").
    assert [signed_number(v) for v in (-0.04, 0.04, -0.0)] == ["±0.0"] * 3
    assert [signed_number(v, plus_zero=False) for v in (-0.04, -0.0)] == ["0.0", "0.0"]
    assert points(-0.04, "en", signed=True) == points(-0.04, "en") == "0.0 pts"
    # An interval's end of zero is a level, 0.0 (BROWSE30: the EC trend's description said
    # "−14.0〜±0.0", where its table said 0.0 and ±0.0 reads as an uncertainty of its own).
    assert interval_text(-0.04, 70.6, "en") == "0.0 to +70.6"
    assert interval_text(-14.0, 0.0, "ja") == "\u221214.0〜0.0"
    assert [number(v) for v in (-0.04, -4.9, 1234.5)] == ["0.0", "\u22124.9", "1234.5"]
    assert number(-1234.56, grouped=True) == "\u22121,234.6"
    assert [signed_number(v, plus_zero=False) for v in (12.0, -4.9, 0.0)] == [
        "+12.0",
        "\u22124.9",
        "0.0",
    ]
    assert signed_number(None) == signed_number(float("nan")) == "—"
    assert points(0.0, "en", signed=True) == "0.0 pts"
    assert points(3.25, "en", signed=True, digits=2) == "+3.25 pts"


def test_a_change_of_none_reads_plus_minus_zero_an_nps_of_zero_does_not() -> None:
    # QA27: one spelling of a zero change beside "±0.0 vs previous month".
    assert change_points(-0.04, "en") == "±0.0 pts"
    assert change_points(0.0, "ja") == "±0.0ポイント"
    assert change_points(-2.5, "en") == "\u22122.5 pts"
    assert change_points(None, "en") == "—"
    assert points(0.0, "en", signed=True) == "0.0 pts"


def _japanese_values(node: Any) -> list[str]:
    if isinstance(node, dict):
        return [v for k, child in node.items() for v in _japanese_values(child) if k != "en"]
    if isinstance(node, list):
        return [v for child in node for v in _japanese_values(child)]
    return [node] if isinstance(node, str) and re.search(f"[{_JA}]", node) else []


def test_shipped_playbooks_and_theme_packs_have_no_half_width_spaces_in_japanese(
    repo_root: Path,
) -> None:
    import yaml

    files = [
        repo_root / "parameters" / "playbook.yaml",
        repo_root / "parameters" / "themes.yaml",
        *sorted((repo_root / "nps_kit" / "resources").rglob("*.yaml")),
    ]
    found = {
        str(path.relative_to(repo_root)): problems
        for path in files
        for problems in [
            [
                p
                for text in _japanese_values(yaml.safe_load(path.read_text("utf-8")))
                for p in ja_spacing_problems(text)
            ]
        ]
        if problems
    }
    assert found == {}


@pytest.mark.parametrize(
    ("text", "phrases"),
    [
        ("言及したコメント回答者のNPS", ["言及した", "コメント回答者の", "NPS"]),
        ("批判者に占める割合", ["批判者に", "占める", "割合"]),
        ("お支払いが使いやすさ", ["お支払いが", "使いやすさ"]),  # no break after the prefix お
        ("配送（スピード・破損）", ["配送", "（スピード・", "破損）"]),
        ("NPS by channel", ["NPS ", "by ", "channel"]),
        ("", [""]),
    ],
)
def test_phrase_breaks_keep_words_whole(text: str, phrases: list[str]) -> None:
    cuts = [0, *phrase_breaks(text), len(text)]
    assert [text[a:b] for a, b in itertools.pairwise(cuts)] == phrases


@pytest.mark.parametrize(
    "text",
    [
        "回答数30件未満の月には管理限界（±3σ）を引いていません（幅が広すぎて目安になりません）。",
        "配送（スピード・破損）、価格",
        "「梱包」、配送",
    ],
)
def test_no_line_starts_with_closing_punctuation(text: str) -> None:
    # BROWSE33: the e-mail's trend note wrapped as "…目安になりません）" + a line holding only
    # "。" (a break after "）" before "。"); Japanese never starts a line with 。、）」.
    cuts = [0, *phrase_breaks(text), len(text)]
    starts = [text[a] for a, b in itertools.pairwise(cuts) if b > a]
    assert not set(starts) & set("。、）」：・")


def test_japanese_words_do_not_call_every_unit_a_business_division() -> None:
    # A unit may be a clinic, a product plan or a store: "この事業部" / "部門別" misnames it.
    import json

    notebook = Path(__file__).resolve().parent.parent / "nps_kit" / "resources"
    cells = json.loads((notebook / "nps_report.ipynb").read_text(encoding="utf-8"))["cells"]
    markdown = ["".join(c["source"]) for c in cells if c["cell_type"] == "markdown"]
    japanese = [words["ja"] for words in _CATALOGUE.values()] + markdown
    assert [text for text in japanese if re.search("事業部|部門", text)] == []


# --- every word the reports and e-mails write is drawable with the Japanese font -------------

NOTO_CJK = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
PACKAGE = Path(__file__).resolve().parent.parent / "nps_kit"


@pytest.mark.skipif(not NOTO_CJK.is_file(), reason="fonts-noto-cjk is not installed")
def test_the_reports_own_words_have_no_character_the_japanese_font_lacks() -> None:
    # Headless chromium with fonts-noto-cjk (how reports are printed to PDF and screenshot)
    # has no emoji font: a 👍 in a label or a template would print as an empty box. Emoji in
    # respondents' comments are theirs and are quoted as written.
    from fontTools.ttLib import TTCollection

    drawable = set(TTCollection(str(NOTO_CJK)).fonts[0].getBestCmap())
    texts = {
        f"i18n {key} {lang}": text for key, by in _CATALOGUE.items() for lang, text in by.items()
    }
    for path in (PACKAGE / "templates").rglob("*"):
        if path.suffix in {".j2", ".css"}:
            texts[str(path.relative_to(PACKAGE))] = path.read_text(encoding="utf-8")
    for name in ("playbook.yaml", "nps_report.ipynb"):
        texts[name] = (PACKAGE / "resources" / name).read_text(encoding="utf-8")
    lacking = {
        where: sorted({c for c in text if not c.isspace() and ord(c) not in drawable})
        for where, text in texts.items()
    }
    assert {where: chars for where, chars in lacking.items() if chars} == {}


def test_a_count_of_one_is_singular_in_english() -> None:
    # QA17 W4: the e-mail's top themes said "(1 complaining detractors)".
    from nps_kit.i18n import impact_text

    assert t("impact_n_count", "en", n="1") == "1 complaining detractor"
    assert t("impact_n_count", "en", n="2") == "2 complaining detractors"
    assert t("impact_n_count", "en", n="11") == "11 complaining detractors"
    assert t("impact_n_count", "ja", n="1") == "不満・要望のある批判者1人"
    assert impact_text(3.8, 1, "en").endswith("+3.8 pts (1 complaining detractor)")
    assert t("mail.responses", "en", n=1) == "1 response"
    assert (
        t("mail.detractors", "en", count="1") == "1 detractor allowed contact (awaiting follow-up)"
    )
    assert t("followup.days", "en", n=1) == "1 day"


@pytest.mark.parametrize("key", sorted(k for k, words in _CATALOGUE.items() if "en_one" in words))
def test_a_singular_form_fills_the_same_fields_as_its_plural(key: str) -> None:
    def fields(template: str) -> set[str]:
        return {f for _, f, _, _ in string.Formatter().parse(template) if f is not None}

    words = _CATALOGUE[key]
    assert fields(words["en_one"]) <= fields(words["en"])
    assert fields(words["en"]) & {"n", "count"}  # the count that picks the form


def test_an_interval_is_joined_in_the_words_language() -> None:
    assert interval_text(-2.04, 25.1, "ja") == "\u22122.0〜+25.1"
    assert interval_text(-2.04, 25.1, "en") == "\u22122.0 to +25.1"


def test_english_report_words_read_the_same_to_us_and_uk_readers() -> None:
    # QA22 #12: a US SaaS company read "Prioritise", "Recognise" and "referral programme" in
    # its actions, and a Method section whose examples were a UK retailer's (Leeds, "Ordered
    # Monday, delivered Thursday.", "more evening slots"). Oxford -ize spellings are British
    # and American English alike; the examples now fit any business.
    import json

    import yaml

    english = [words["en"] for words in _CATALOGUE.values() if "en" in words]
    for path in [
        PACKAGE / "resources" / "playbook.yaml",
        *PACKAGE.glob("resources/packs/*/playbook.yaml"),
    ]:

        def walk(node: object) -> None:
            if isinstance(node, dict):
                if isinstance(node.get("en"), str):
                    english.append(node["en"])
                for value in node.values():
                    walk(value)
            elif isinstance(node, list):
                for value in node:
                    walk(value)

        walk(yaml.safe_load(path.read_text(encoding="utf-8")))
    cells = json.loads((PACKAGE / "resources" / "nps_report.ipynb").read_text(encoding="utf-8"))
    english += [
        "".join(c["source"])
        for c in cells["cells"]
        if c["cell_type"] == "markdown" and "lang-en" in c["metadata"].get("tags", [])
    ]
    british = re.compile(
        r"\b(recognis|prioritis|publicis|organis|realis|apologis|minimis|maximis|optimis|"
        r"summaris|customis|programme|colour|behaviour|favour|centre\b|catalogue)",
        re.IGNORECASE,
    )
    assert sorted({m.group() for text in english for m in british.finditer(text)}) == []
    method = " ".join(english)
    for retail in ("Leeds", "Ordered Monday", "evening slots", "brilliant"):
        assert retail not in method


def test_command_line_counts_say_one_in_the_singular() -> None:
    # FIX44: "2026-10: 2 report not ready", "running 1 unit(s) for 2026-11 on 1 warm kernels".
    assert t("count.reports_not_ready", "en", n=1) == "1 report not ready"
    assert t("count.reports_not_ready", "en", n=2) == "2 reports not ready"
    assert [t("count.units", "en", n=n) for n in (1, 3)] == ["1 unit", "3 units"]
    assert t("count.warm_kernels", "en", n=1) == "1 warm kernel"
    assert t("count.fresh_kernels", "en", n=2) == "2 fresh kernels"


# --- one name for each thing, one punctuation (JAREV) -------------------------------------------

#: A second name for a fixed term, or a word a Japanese manager reads as another thing: 推奨者・
#: 中立者・批判者 (never 〜層), NPS in ポイント (never NPS値 or pt), 作業用ファイル, パラメーター,
#: 施策 (推奨アクション sat beside 推奨者), the report's verdict 有意な変化なし (the subject said
#: 有意差なし), 今月 and 前月比 (今期 is a fiscal term, 前回比 leaves open which time), 評価 of a
#: rating (満足度 beside 評価 in one chart title).
_DRIFT = re.compile(
    r"批判層|推奨層|中立層|NPS値|NPSスコア|パラメータ(?!ー)|作業ファイル|今期|前回比|有意差なし"
    r"|推奨アクション|満足度|(?<![A-Za-z])pts?(?![A-Za-z])"
)
#: Half-width brackets, a half-width colon or comma right after Japanese, a " / " between parts.
_HALF_WIDTH = re.compile(rf"[()]|[{_JA}]:|[{_JA}], | / ")
#: The plain style (である調) inside a catalogue entry written in です・ます.
_PLAIN_STYLE = re.compile(r"である|(?<![ただ])だ。")


def _japanese_texts() -> dict[str, str]:
    """Every Japanese catalogue form and every Japanese markdown cell of the notebook."""
    import json

    texts = {
        f"{key} {form}": words[form]
        for key, words in _CATALOGUE.items()
        for form in ("ja", "ja_one")
        if form in words
    }
    cells = json.loads((PACKAGE / "resources" / "nps_report.ipynb").read_text("utf-8"))["cells"]
    for i, cell in enumerate(cells):
        source = "".join(cell["source"])
        if cell["cell_type"] == "markdown" and re.search(f"[{_JA}]", source):
            texts[f"notebook cell {i}"] = source
    return texts


def test_the_consistency_checks_find_each_kind_of_mistake() -> None:
    for drift in ("批判層の割合", "NPS値", "パラメータの target", "作業ファイル", "今期の批判者"):
        assert _DRIFT.search(drift), drift
    for half in ("配送 (−)", "詳細レポート: https", "配送, 価格", "推奨者33.7% / 中立者33.6%"):
        assert _HALF_WIDTH.search(half), half
    assert _PLAIN_STYLE.search("重要度である。") and not _PLAIN_STYLE.search("ください。")
    for fine in ("パラメーターの target", "timezone: Europe/London", "（−）、価格（+）"):
        assert not _DRIFT.search(fine) and not _HALF_WIDTH.search(fine), fine


def test_japanese_words_name_each_thing_one_way() -> None:
    found = {where: m[0] for where, text in _japanese_texts().items() if (m := _DRIFT.search(text))}
    assert found == {}


def test_japanese_words_use_full_width_punctuation() -> None:
    found = {
        where: text[max(0, m.start() - 10) : m.end() + 10]
        for where, text in _japanese_texts().items()
        if (m := _HALF_WIDTH.search(text))
    }
    assert found == {}


def test_japanese_catalogue_entries_keep_one_style() -> None:
    # です・ます throughout: a sentence in である調 inside a polite entry reads as two authors.
    mixed = {
        where: text
        for where, text in _japanese_texts().items()
        if re.search("です|ます", text) and _PLAIN_STYLE.search(text)
    }
    assert mixed == {}


def test_japanese_init_comments_use_the_reports_terms() -> None:
    # The analysts' YAML comments name things as the report the managers read does.
    import ast

    tree = ast.parse((PACKAGE / "_init_words.py").read_text(encoding="utf-8"))
    japanese = [
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and re.search(f"[{_JA}]", node.value)
    ]
    assert [m[0] for text in japanese if (m := _DRIFT.search(text))] == []


def test_a_hidden_month_is_its_name_then_its_responses_and_the_floor() -> None:
    # The one wording of the trend's note and the headline's note of a missing change card.
    assert hidden_month("2026年9月", 3, 5, "ja") == "2026年9月（回答3件：5件未満のため非表示）"
    assert hidden_month("September 2026", 1, 5, "en") == (
        "September 2026 (1 response, fewer than 5: not shown)"
    )


def test_an_nps_is_written_signed_everywhere_as_the_e_mail_subject_writes_it() -> None:
    # FIX64: the demo EC unit's report headline said "1.0" and its e-mail subject "+1.0". An
    # NPS is signed wherever it is written: +1.0, 0.0 (a level, not a change: no ±), −4.9.
    from nps_kit import decompose, report
    from nps_kit.plot._describe import nps_fact
    from nps_kit.score import nps

    assert [nps_text(v) for v in (1.0, 0.0, -0.04, -4.9, None)] == [
        "+1.0",
        "0.0",
        "0.0",
        "\u22124.9",
        "—",
    ]
    # The console's (run's summary table): the same signs, an ASCII minus scripts can read.
    assert [nps_text(v, ascii_minus=True) for v in (1.0, -0.04, -4.9)] == ["+1.0", "0.0", "-4.9"]
    assert points(1.0, "en") == "+1.0 pts" and points(1.0, "ja") == "+1.0ポイント"
    result = nps(pd.DataFrame({"nps_score": [10] * 6 + [8] * 3 + [3] * 5}))
    assert result.nps == pytest.approx(7.142857)
    html = str(
        report.headline(
            result, None, target=None, lang="ja", period_label="2026年10月", comparison_label=None
        ).data
    )
    assert 'class="nps-headline__value">+7.1<' in html
    assert decompose._level(1.0) == "+1.0"
    fact = nps_fact("EC", 0.0, -50.0, 50.0, 2, lang="en")
    assert fact.startswith("EC: NPS 0.0 (")  # was "NPS ±0.0", a change's zero
