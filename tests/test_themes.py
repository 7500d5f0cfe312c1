from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from nps_kit.errors import ConfigError, DataError
from nps_kit.score import nps
from nps_kit.text._match import matcher
from nps_kit.text.languages import other_language
from nps_kit.text.sentiment import tag_polarity
from nps_kit.text.themes import (
    Theme,
    ThemeBook,
    _own_words,
    evaluate_themes,
    load_themes,
    tag_themes,
    theme_impact,
)
from nps_kit.text.tokens import normalise

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT / "tests" / "data" / "theme_eval.csv"
DEMO = ROOT / "data" / "demo_responses.csv.gz"
THEME_IDS = [
    "usability",
    "checkout",
    "delivery",
    "phone",
    "chat",
    "email",
    "staff",
    "price",
    "quality",
    "returns",
    "faq",
    "communication",
]


@pytest.fixture(scope="module")
def book() -> ThemeBook:
    return load_themes()


def themes_of(text: str, book: ThemeBook) -> list[str]:
    row = tag_themes(pd.Series([text]), book).iloc[0]
    return [t for t in book.ids if row[t]]


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "themes.yaml"
    path.write_text(text, encoding="utf-8")
    return path


# --- dictionaries -------------------------------------------------------------------------


def test_the_project_themes_file_extends_the_retail_pack() -> None:
    # The demo's (and `nps-kit init`'s) themes.yaml adds no words yet: the retail pack with its
    # learned layers, documented with the same format header as the pack itself.
    packaged = (ROOT / "nps_kit" / "resources" / "themes.yaml").read_text(encoding="utf-8")
    editable = (ROOT / "parameters" / "themes.yaml").read_text(encoding="utf-8")
    header = packaged[: packaged.index("\nversion: 1\n")]
    assert editable.startswith(header)
    edited = load_themes(ROOT / "parameters" / "themes.yaml")
    assert edited.pack == "retail"
    assert edited.themes == load_themes().themes
    assert edited.own == () and edited.new == ()


def test_default_theme_ids_and_labels(book: ThemeBook) -> None:
    assert book.ids == THEME_IDS
    assert book.label("delivery", "ja") == "配送（スピード・破損）"
    assert book.label("delivery", "en") == "Delivery speed and damage"
    assert load_themes(ROOT / "parameters" / "themes.yaml").ids == THEME_IDS


MINIMAL = """\
version: 1
themes:
  speed:
    label: {ja: 速さ, en: Speed}
    keywords: {ja: [遅い, 遅く], en: [slow]}
    exclude: {ja: [遅くな], en: ["(not|n't|never) (so |that |too )?slow"]}
"""


def test_exclude_stops_negations_from_tagging(tmp_path: Path) -> None:
    book = load_themes(write(tmp_path, MINIMAL))
    tags = tag_themes(
        pd.Series(
            ["The app is SLOW", "it was not slow", "isn't that slow", "遅くない", "遅くて困る"]
        ),
        book,
    )
    assert tags["speed"].tolist() == [True, False, False, False, True]


def test_exclude_only_blanks_the_negated_phrase(tmp_path: Path) -> None:
    book = load_themes(write(tmp_path, MINIMAL))
    assert themes_of("not slow at checkout but slow at login", book) == ["speed"]


def test_default_negations_do_not_create_themes(book: ThemeBook) -> None:
    assert themes_of("悪くないです", book) == []
    assert themes_of("Not bad, not great", book) == []
    # "not slow" is still about delivery, and about nothing else
    assert themes_of("The delivery was not slow", book) == ["delivery"]
    assert themes_of("配送は遅くなかった", book) == ["delivery"]


def test_default_excludes_keep_other_themes_phrases_out(book: ThemeBook) -> None:
    assert themes_of("発送のお知らせメールが来なかった", book) == ["communication"]
    # Shipping fees are price (TAXONOMY.md lists them there; delivery is speed and damage, and
    # the labelled sets name delivery for 3 of 25 such comments); a shipping confirmation is a
    # notification, and its lemmas ("ship confirmation") stay out.
    assert themes_of("shipping fees are too high", book) == ["price"]
    assert themes_of("Never got a shipping confirmation", book) == ["communication"]
    assert themes_of("決済画面でエラー", book) == ["checkout"]


def test_english_keywords_match_whole_words_and_plurals(book: ThemeBook) -> None:
    assert themes_of("No Apple Pay?", book) == ["checkout"]  # not "app"
    assert themes_of("both apps crash", book) == ["usability"]
    assert themes_of("アプリのappが重い", book) == ["usability"]
    assert themes_of("happy", book) == []


def test_full_width_and_case_are_normalised(book: ThemeBook) -> None:
    assert themes_of("ＦＡＱ　ＩＳ　ＵＳＥＬＥＳＳ", book) == ["faq"]
    assert themes_of("ﾁｬｯﾄが便利", book) == ["chat"]


def test_tag_themes_shape_index_and_missing(book: ThemeBook) -> None:
    texts = pd.Series(
        ["配送が遅い", None, "", "返金して", "配送が遅い"], index=[10, 11, 12, 13, 14]
    )
    tags = tag_themes(texts, book)
    assert list(tags.columns) == THEME_IDS
    assert list(tags.index) == [10, 11, 12, 13, 14]
    assert all(str(dtype) == "boolean" for dtype in tags.dtypes)
    assert tags["delivery"].tolist() == [True, pd.NA, pd.NA, False, True]
    assert tags["returns"].tolist() == [False, pd.NA, pd.NA, True, False]


# --- errors -------------------------------------------------------------------------------


def test_unknown_key_suggests_the_closest(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace("keywords:", "keyword:"))
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (
        f"{path}: themes.speed.keyword: unknown key 'keyword' in themes.speed. "
        "Did you mean 'keywords'?"
    )
    assert info.value.key == "themes.speed.keyword"
    assert info.value.path == path


def test_several_problems_are_counted(tmp_path: Path) -> None:
    path = write(
        tmp_path, MINIMAL.replace("keywords:", "keyword:").replace("version: 1", "version: 2")
    )
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (
        f"{path}: 2 problems:\n"
        "- version: expected one of 1; found 2.\n"
        "- themes.speed.keyword: unknown key 'keyword' in themes.speed. Did you mean 'keywords'?"
    )


def test_wrong_type_names_key_expected_and_found(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace("en: [slow]", "en: slow"))
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (f"{path}: themes.speed.keywords.en: expected a list; found 'slow'.")


def test_missing_label_is_reported(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace("    label: {ja: 速さ, en: Speed}\n", ""))
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (f"{path}: themes.speed.label: required but missing.")


def test_invalid_regex_names_the_pattern(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL + "    patterns: {en: ['(late']}\n")
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (
        f"{path}: key 'themes.speed.patterns.en[0]': invalid regular expression '(late' "
        "(missing ), unterminated subpattern at position 0). Fix the pattern, or move a plain "
        "word to 'keywords', which needs no escaping."
    )


#: FIX93: a themes file's problems in Japanese (lang="ja": a Japanese project's unit), the same
#: facts as in English ({p}: the file as the message names it, {n}: its name alone).
THEMES_JA = [
    pytest.param(
        MINIMAL + "    patterns: {ja: ['(遅']}\n",
        "{p}：キー「themes.speed.patterns.ja[0]」：正規表現「(遅」が正しくありません（missing ), "
        "unterminated subpattern at position 0）。パターンを直すか、ただの語句ならエスケープの"
        "要らないkeywordsに移してください。",
        id="bad_pattern",
    ),
    pytest.param(
        MINIMAL.replace("  speed:", "  Speed Issues:"),
        "{p}：テーマID「Speed Issues」は英小文字・数字・「_」だけで、英字から始めてください。"
        "テーマの名前を変えてください（例：delivery_speed）。",
        id="bad_id",
    ),
    pytest.param(
        MINIMAL + "  price:\n    label: {ja: 価格, en: Price}\n",
        "{p}：テーマ「price」にkeywordsもpatternsもありません。keywords.jaかkeywords.enに"
        "キーワードを1つ以上書いてください。",
        id="no_words",
    ),
    pytest.param(
        MINIMAL + "  speed:\n    label: {ja: 速度, en: Pace}\n    keywords: {en: [fast]}\n",
        "{n}：キー「themes.speed」が2回書かれています（3行目と7行目）。YAMLは後の値だけを読み、"
        "前の値は黙って捨てられます。どちらの値が正しいか確かめて一方の行を残し、もう一方を"
        "消してください。",
        id="repeated_id",
    ),
    pytest.param(
        MINIMAL.replace("keywords:", "keyword:").replace("version: 1", "version: 2"),
        "{n}: 2件の問題があります。\n- version: 1のいずれかを指定してください（書かれている値："
        "2）。\n- themes.speed.keyword: themes.speedに「keyword」というキーはありません。"
        "「keywords」のことですか？",
        id="schema",
    ),
    pytest.param(
        MINIMAL.replace("    label: {ja: 速さ, en: Speed}\n", ""),
        "{n}: themes.speed.label: 必須のキーですが、書かれていません。",
        id="missing_label",
    ),
    pytest.param(
        "version: 1\nextends: retial\n",
        "{n}: extends: テーマパック「retial」はありません。retail、saas、finance、generic、food、"
        "logisticsのいずれかを指定してください。「retail」のことですか？",
        id="unknown_pack",
    ),
    pytest.param(
        "version: 1\nextends: retail\nthemes:\n  delivry:\n    keywords: {ja: [配達]}\n",
        "{n}: themes.delivry.label: 必須のキーですが、書かれていません。「delivery」のことですか？"
        "パック「retail」にないテーマにはlabelが必要です。",
        id="new_theme_without_label",
    ),
]


@pytest.mark.parametrize(("text", "message"), THEMES_JA)
def test_a_themes_files_problems_are_said_in_japanese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, text: str, message: str
) -> None:
    monkeypatch.chdir(tmp_path)  # messages name the file relative to the working folder
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_themes(path, lang="ja")
    assert str(info.value) == message.format(p=path, n="themes.yaml")
    with pytest.raises(ConfigError) as english:
        load_themes(path)  # a library caller's, unchanged
    assert english.value.key == info.value.key
    assert english.value.path == info.value.path


def test_a_themes_file_that_cannot_be_read_is_said_in_japanese(tmp_path: Path) -> None:
    absent = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError) as info:
        load_themes(absent, lang="ja")
    assert str(info.value) == (
        f"テーマファイル{absent}が見つかりません。パスを確かめるか、Noneを渡して同梱のテーマを"
        "使ってください。"
    )
    sjis = tmp_path / "themes.yaml"
    sjis.write_bytes(MINIMAL.encode("cp932"))
    with pytest.raises(ConfigError, match=r"：ファイルはUTF-8で保存してください。Shift_JIS"):
        load_themes(sjis, lang="ja")
    sjis.write_text(MINIMAL + "  price: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"：YAMLの書き方に誤りがあります（7行目、"):
        load_themes(sjis, lang="ja")


def test_bad_theme_id(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL.replace("  speed:", "  Speed Issues:"))
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (
        f"{path}: theme id 'Speed Issues' must be lower-case letters, digits and '_', starting "
        "with a letter. Rename the theme, e.g. 'delivery_speed'."
    )


def test_theme_without_words(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\nthemes:\n  x:\n    label: {ja: x, en: x}\n")
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (
        f"{path}: theme 'x' has no keywords and no patterns. "
        "Add at least one keyword under keywords.ja or keywords.en."
    )


def test_missing_file(tmp_path: Path) -> None:
    path = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (
        f"Theme file {path} does not exist. "
        "Check the path, or pass None to use the packaged default themes."
    )


def test_not_a_mapping(tmp_path: Path) -> None:
    path = write(tmp_path, "- a\n- b\n")
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (f"{path}: expected a mapping of keys at the top level; found list.")


# --- impact -------------------------------------------------------------------------------


def test_theme_impact_numbers(book: ThemeBook) -> None:
    data = pd.DataFrame(
        {
            "nps_score": pd.array([0, 3, 9, 10, 7, None, 5, 8, 4], dtype="Int64"),
            "comment": [
                "配送が遅い",  # detractor, delivery
                "The delivery was late and too expensive",  # detractor, delivery + price
                "早い配送",  # promoter, delivery
                "great price",  # promoter, price
                None,  # passive without comment: a respondent, not a commenter
                "配送",  # no score: ignored
                "値段が高い",  # detractor, price
                "特になし",  # passive, no theme
                # a detractor who praises delivery and complains about the price
                "Delivery was quick but the price is a rip-off",
            ],
        },
        index=[f"r{i}" for i in range(9)],
    )
    tags = tag_themes(data["comment"], book)
    polarity = tag_polarity(data["comment"], book)
    assert polarity.loc["r8", ["delivery", "price"]].tolist() == ["positive", "negative"]
    table = theme_impact(data, tags, polarity=polarity, book=book, lang="en")
    assert list(table.columns) == [
        "theme",
        "label",
        "mentions",
        "share",
        "share_promoters",
        "share_passives",
        "share_detractors",
        "nps_with",
        "ci_with_low",
        "ci_with_high",
        "nps_without",
        "ci_without_low",
        "ci_without_high",
        "nps_gain",
        "detractors",
    ]
    assert table["theme"].tolist()[:2] == ["price", "delivery"]
    delivery = table.set_index("theme").loc["delivery"]
    assert delivery["label"] == "Delivery speed and damage"
    assert delivery["mentions"] == 4
    assert delivery["share"] == pytest.approx(100 * 4 / 7)  # 7 commenters with a valid score
    assert delivery["share_promoters"] == pytest.approx(100 * 1 / 2)
    assert delivery["share_passives"] == pytest.approx(0.0)
    # the mention share counts the detractor who praises delivery …
    assert delivery["share_detractors"] == pytest.approx(100 * 3 / 4)
    with_ = nps(pd.DataFrame({"nps_score": [0, 3, 9, 4]}))
    without = nps(pd.DataFrame({"nps_score": [10, 5, 8]}))
    assert delivery["nps_with"] == pytest.approx(with_.nps)
    assert delivery["ci_with_low"] == pytest.approx(with_.ci_low)
    assert delivery["ci_with_high"] == pytest.approx(with_.ci_high)
    assert delivery["nps_without"] == pytest.approx(without.nps)
    assert delivery["ci_without_low"] == pytest.approx(without.ci_low)
    # … the gain does not: 2 of the 3 detractors mentioning delivery complain about it, among
    # 8 valid respondents
    assert delivery["nps_gain"] == pytest.approx(100 * 2 / 8)
    assert delivery["detractors"] == 2
    price = table.set_index("theme").loc["price"]
    assert price["nps_gain"] == pytest.approx(100 * 3 / 8)
    assert price["detractors"] == 3
    assert price["mentions"] == 4
    unmentioned = table.set_index("theme").loc["chat"]
    assert unmentioned["mentions"] == 0
    assert np.isnan(unmentioned["nps_with"])
    assert table["nps_gain"].is_monotonic_decreasing


def test_theme_impact_unknown_score_column(book: ThemeBook) -> None:
    data = pd.DataFrame({"score": [1, 2]})
    with pytest.raises(DataError) as info:
        texts = pd.Series(["a", "b"])
        theme_impact(data, tag_themes(texts, book), polarity=tag_polarity(texts, book), book=book)
    assert str(info.value) == ("no column 'nps_score'; columns: 'score'. Did you mean 'score'?")


# --- evaluation ---------------------------------------------------------------------------


def test_evaluation_set_is_large_balanced_and_valid() -> None:
    frame = pd.read_csv(EVAL, keep_default_na=False)
    assert list(frame.columns) == ["id", "lang", "text", "themes"]
    assert len(frame) >= 300
    assert frame["id"].is_unique
    counts = frame["lang"].value_counts()
    assert counts["ja"] >= 150 and counts["en"] >= 150
    assert (frame["themes"] == "").sum() >= 20
    labels = {t for v in frame["themes"] for t in v.split(";") if t}
    assert labels == set(THEME_IDS)


def test_default_dictionaries_reach_precision_and_recall(book: ThemeBook) -> None:
    frame = pd.read_csv(EVAL, keep_default_na=False)
    result = evaluate_themes(frame, book)
    assert result.n == len(frame)
    assert result.precision >= 0.85
    assert result.recall >= 0.85
    assert list(result.per_theme["theme"]) == THEME_IDS
    assert result.per_theme["support"].sum() == sum(
        len([t for t in v.split(";") if t]) for v in frame["themes"]
    )


def test_evaluate_themes_counts(tmp_path: Path) -> None:
    book = load_themes(write(tmp_path, MINIMAL))
    frame = pd.DataFrame(
        {"text": ["slow", "slow", "fast", "not slow"], "themes": ["speed", "", "speed", ""]}
    )
    result = evaluate_themes(frame, book)
    assert (result.precision, result.recall) == (0.5, 0.5)
    assert result.f1 == 0.5
    assert result.per_theme.iloc[0].to_dict() == {
        "theme": "speed",
        "support": 2,
        "predicted": 2,
        "true_positives": 1,
        "precision": 0.5,
        "recall": 0.5,
        "f1": 0.5,
    }


def test_evaluate_themes_rejects_unknown_labels(tmp_path: Path) -> None:
    path = write(tmp_path, MINIMAL)
    book = load_themes(path)
    frame = pd.DataFrame({"text": ["slow"], "themes": ["speed;sped"]})
    with pytest.raises(DataError) as info:
        evaluate_themes(frame, book)
    assert str(info.value) == (
        f"Gold labels ['sped'] in column 'themes' are not theme ids of {path}. Use ids from: speed."
    )


EVAL_TEXTS = pd.read_csv(EVAL, keep_default_na=False)["text"].tolist()


@settings(max_examples=25, deadline=None)
@given(st.lists(st.sampled_from([*EVAL_TEXTS[:60], None, ""]), max_size=12))
def test_tagging_a_batch_equals_tagging_each_comment(texts: list[str | None]) -> None:
    book = load_themes()
    batch = tag_themes(pd.Series(texts, dtype=object), book)
    for i, text in enumerate(texts):
        alone = tag_themes(pd.Series([text], dtype=object), book).iloc[0]
        assert batch.iloc[i].tolist() == alone.tolist()


# --- fast tagging equals Theme.matches ----------------------------------------------------


def reference_tags(texts: pd.Series, book: ThemeBook) -> pd.DataFrame:
    """Tag with ``Theme.matches``, the reference definition, one comment and theme at a time."""
    norm = normalise(texts)
    present = (norm.notna() & (norm != "")).to_numpy(dtype=bool)
    # A comment in a language no pack reads is read by the analyst's own words alone (FIX50).
    foreign = [ok and other_language(t) is not None for t, ok in zip(norm, present, strict=True)]
    mine = _own_words(book)
    columns = {}
    for j, theme in enumerate(book.themes):
        values = [
            (j in mine and mine[j].matches(t)) if other else ok and theme.matches(t)
            for t, ok, other in zip(norm, present, foreign, strict=True)
        ]
        columns[theme.id] = pd.arrays.BooleanArray(np.array(values, dtype=bool), ~present)
    return pd.DataFrame(columns, index=texts.index)


def assert_same_as_reference(texts: pd.Series, book: ThemeBook) -> None:
    # The dictionaries alone: Theme.matches knows nothing of the learned layer.
    tags = tag_themes(texts, book, learned=False)
    pd.testing.assert_frame_equal(tags, reference_tags(texts, book))


@pytest.mark.parametrize("column", ["comment", "improvement"])
def test_fast_tagging_equals_reference_on_demo_data(book: ThemeBook, column: str) -> None:
    texts = pd.read_csv(DEMO, dtype=str)[column]
    assert texts.notna().sum() > 1000
    assert_same_as_reference(texts, book)


def test_fast_tagging_equals_reference_on_evaluation_set(book: ThemeBook) -> None:
    texts = pd.read_csv(EVAL, dtype=str, keep_default_na=False)["text"]
    assert_same_as_reference(texts, book)


# Regular expressions that a literal pre-filter could get wrong: optional and empty branches,
# case-insensitive groups, back-references, look-arounds, repetitions of zero or more.
TRICKY = r"""
version: 1
exclude:
  ja: []
  en: ['(?i:NOT) (so )?bad']
themes:
  tricky:
    label: {ja: t, en: t}
    keywords: {ja: [悪い, ｓ, 箱], en: [a, bad, es, '-x', web site]}
    patterns:
      ja: ['(ab|)c', 'x{0,2}届', '方(?<=[のた]方)[のがは]']
      en: ['(?i:zz)', '(q)\1', 'w+e{2}', '(?:ok)+!', '(?P<n>k)(?P=n)']
    exclude: {ja: [悪くな, '(?=箱の)'], en: ['\bnot\b']}
  digits:
    label: {ja: d, en: d}
    keywords: {ja: [], en: [slow]}
    patterns: {ja: [], en: ['[0-9]+ days?', '(?<![a-z])ab?$']}
    exclude: {ja: [], en: ['[xz]+']}
"""


@pytest.fixture(scope="module")
def tricky_book(tmp_path_factory: pytest.TempPathFactory) -> ThemeBook:
    return load_themes(write(tmp_path_factory.mktemp("tricky"), TRICKY))


def _fragments() -> list[str]:
    raw = yaml.safe_load(
        (ROOT / "nps_kit" / "resources" / "themes.yaml").read_text(encoding="utf-8")
    )
    words = [
        w
        for spec in raw["themes"].values()
        for part in ("keywords",)
        for lang in ("ja", "en")
        for w in spec[part][lang]
    ]
    return [
        *words,
        *[w.upper() for w in words[::7]],
        # pieces of patterns and excludes
        "届", "届か", "届いた", "荷物が", "の方の", "た方が", "方", "お知らせメール", "通知が",
        "メール", "めーる", "で", "の", "画面", "決済画面", "発送のお知らせ", "配送状況の連絡",
        "連絡先", "ご連絡ください", "shipping fee", "free shipping", "help center", "help pages",
        "self-service site", "account manager", "arrived", " broken", "damaged", "page loads",
        "can't pay", "pay with", "line is busy", "nobody picked up", "agent was", "料金が高",
        # negations
        "悪くない", "遅くない", "not slow", "not bad", "NOT so bad", "isn't that slow",
        # what the whole-word rule looks at
        "s", "es", "ｓ", "ＥＳ", "x", "1", "a", "Z", "ab", "ｱﾌﾟﾘ", "ＡＰＰ", "ｆａｑ", "アプリ",
        # separators, including ones the regexes treat specially
        " ", "  ", "\n", "、", "。", "!", "?", ".", "-", "'", "😊", "\u3000",
    ]  # fmt: skip


FRAGMENTS = _fragments()
COMMENTS = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(alphabet="abesxz019 -ＡＢＳ１", max_size=4),
    ),
    max_size=12,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(st.lists(COMMENTS, min_size=1, max_size=8))
def test_fast_tagging_equals_reference_on_random_comments(texts: list[str]) -> None:
    book = load_themes()
    assert_same_as_reference(pd.Series(texts, dtype=object), book)


@settings(max_examples=300, deadline=None)
@given(st.lists(COMMENTS, min_size=1, max_size=8))
def test_fast_tagging_equals_reference_with_tricky_patterns(
    tricky_book: ThemeBook, texts: list[str]
) -> None:
    assert_same_as_reference(pd.Series(texts, dtype=object), tricky_book)


def test_tricky_patterns_examples(tricky_book: ThemeBook) -> None:
    texts = pd.Series(
        ["qq", "kk", "ZZ", "c", "weee", "ok!", "箱の中", "箱", "の方が", "3 days", "ab", "a-b"]
    )
    tags = tag_themes(texts, tricky_book)
    # "qq": joined into one alternation, \1 refers to the group of "(ab|)c";
    # "箱の中": a zero-width exclude blanks nothing; "3 days": "ｓ" is a Japanese keyword
    assert tags["tricky"].tolist() == [
        False, True, True, True, True, True, True, True, True, True, False, True,
    ]  # fmt: skip
    assert tags["digits"].tolist() == [False] * 9 + [True, True, False]
    assert_same_as_reference(texts, tricky_book)


# Blanking an exclude puts a space in: in a text without English words it can make a match of a
# string with a space, or let an English keyword without a letter stand as a whole word, where
# the text had neither. The matcher skips the blanked text of a theme none of whose strings the
# text holds only where that cannot happen.
BLANKING = """\
version: 1
themes:
  spaced:
    label: {ja: s, en: s}
    keywords: {ja: ['配送 遅'], en: []}
    exclude: {ja: ['※'], en: []}
  spaced_pattern:
    label: {ja: p, en: p}
    keywords: {ja: [], en: []}
    patterns: {ja: ['送料 高'], en: []}
    exclude: {ja: ['※'], en: []}
  whole:
    label: {ja: w, en: w}
    keywords: {ja: [], en: ['24/7']}
    exclude: {ja: ['1(?=24)'], en: []}
  plain:
    label: {ja: q, en: q}
    keywords: {ja: [遅い], en: []}
    exclude: {ja: [遅いと思], en: []}
"""


def test_blanking_an_exclude_may_make_a_match_in_a_text_without_english(tmp_path: Path) -> None:
    book = load_themes(write(tmp_path, BLANKING))
    texts = pd.Series(["配送※遅", "送料※高い", "対応は124/7", "遅いと思ったが遅い", "遅いと思った"])
    tags = tag_themes(texts, book, learned=False)
    assert tags.to_numpy(dtype=bool).tolist() == [
        [True, False, False, False],
        [False, True, False, False],
        [False, False, True, False],
        [False, False, False, True],
        [False, False, False, False],
    ]
    assert_same_as_reference(texts, book)


def test_hand_built_themes_use_the_reference(tmp_path: Path) -> None:
    # keywords that do not match the pattern: the pattern decides
    odd = Theme("odd", "o", "o", re.compile("foo"), None, keywords_en=("bar",))
    bare = Theme("bare", "b", "b", re.compile("(?:bar)|(?:baz)"), re.compile("bar"))
    book = ThemeBook(themes=(odd, bare), path=tmp_path / "none.yaml")
    tags = tag_themes(pd.Series(["foo", "bar", "bar baz", "food"]), book)
    assert tags["odd"].tolist() == [True, False, False, True]
    assert tags["bare"].tolist() == [False, False, True, False]


def test_the_matcher_tags_the_same_comments_again_into_an_array_of_the_callers_own() -> None:
    themes = matcher(load_themes().themes)
    texts = ("配送が遅い", "the staff were rude", "nothing")
    first = themes.tag(texts)
    expected = first.copy()
    first[:] = True
    assert np.array_equal(themes.tag(texts), expected)
    assert np.array_equal(themes.tag(list(texts)), expected)
    assert expected[:2].any(axis=1).all() and not expected[2].any()


# --- a file that extends a shipped pack ----------------------------------------------------

SWEEP = """\
version: 1
extends: generic
exclude: {en: ['soot[- ]free']}
themes:
  staff:
    keywords: {en: [sweep, sweeper, staff]}
    exclude: {en: ['sweep (of|through) the']}
  quality:
    label: {ja: 仕上がり, en: Finish}
  mess:
    label: {ja: 煤・汚れ, en: Soot and mess}
    keywords: {ja: [煤], en: [soot]}
"""


def words_of(text: str, book: ThemeBook) -> list[str]:
    """The themes the dictionaries alone find (the learned layer has its tests)."""
    row = tag_themes(pd.Series([text]), book, learned=False).iloc[0]
    return [t for t in book.ids if row[t]]


def test_an_extends_file_has_the_packs_themes_then_its_new_ones(tmp_path: Path) -> None:
    from nps_kit.text.packs import load_pack

    pack = load_pack("generic")
    book = load_themes(write(tmp_path, SWEEP))
    assert book.ids == [*pack.ids, "mess"]
    assert (book.pack, book.new, [t.id for t in book.own]) == ("generic", ("mess",), ["staff"])
    assert (pack.pack, pack.new, pack.own) == ("generic", (), ())
    # a label replaces the pack's; without one the pack's stays
    assert book.label("quality", "en") == "Finish"
    assert book.label("staff", "en") == pack.label("staff", "en")
    # the pack's words stay, the file's are added; an untouched theme has the pack's words
    assert words_of("the sweeper came round", book) == ["staff"]
    assert words_of("the sweeper came round", pack) == []
    assert words_of("soot everywhere", book) == ["mess"]
    untouched = pack.ids.index("price")
    assert book.themes[untouched].pattern == pack.themes[untouched].pattern
    # "staff" is a pack keyword already: the file's own words are the others
    own = book.own[0]
    assert "staff" not in own.keywords_en and "sweeper" in own.keywords_en
    # the theme's and the top-level exclude are added to the pack's
    assert words_of("a sweep of the house", book) == []
    assert words_of("left it soot-free", book) == []
    assert words_of("left soot on the floor", book) == ["mess"]


def test_a_file_without_extends_gets_no_pack(tmp_path: Path) -> None:
    book = load_themes(write(tmp_path, MINIMAL))
    assert (book.pack, book.own, book.new) == (None, (), ())
    assert load_themes().pack == "retail"


def test_an_extends_file_may_leave_out_themes(tmp_path: Path) -> None:
    from nps_kit.text.packs import load_pack

    book = load_themes(write(tmp_path, "version: 1\nextends: saas\n"))
    assert book.themes == load_pack("saas").themes
    assert (book.pack, book.own, book.new) == ("saas", (), ())


def test_extends_must_name_a_shipped_pack(tmp_path: Path) -> None:
    path = write(tmp_path, SWEEP.replace("extends: generic", "extends: generc"))
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (
        f"{path}: extends: unknown theme pack 'generc'; expected one of retail, saas, finance, "
        "generic, food, logistics. Did you mean 'generic'?"
    )
    assert info.value.key == "extends"


def test_a_new_theme_of_an_extends_file_needs_a_label(tmp_path: Path) -> None:
    # a misspelt theme id of the pack is a new theme: the message points at the pack's id
    path = write(tmp_path, SWEEP.replace("  staff:\n", "  staf:\n"))
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (
        f"{path}: themes.staf.label: required but missing. Did you mean 'staff'? A theme the "
        "'generic' pack does not have needs a label."
    )


def test_a_file_without_extends_still_needs_themes_and_labels(tmp_path: Path) -> None:
    path = write(tmp_path, "version: 1\n")
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == f"{path}: themes: required but missing."
    path = write(tmp_path, MINIMAL.replace("    label: {ja: 速さ, en: Speed}\n", "") + EXTRA)
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value) == (
        f"{path}: 2 problems:\n"
        "- themes.speed.label: required but missing.\n"
        "- themes.price.label: required but missing."
    )


EXTRA = """\
  price:
    keywords: {en: [price]}
"""


def test_an_extends_files_bad_pattern_is_named_at_its_place_in_the_file(tmp_path: Path) -> None:
    path = write(tmp_path, SWEEP + "    patterns: {en: ['(soot']}\n")
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value).startswith(
        f"{path}: key 'themes.mess.patterns.en[0]': invalid regular expression '(soot'"
    )
    # under a theme of the pack too, not at its place in the merged list
    text = SWEEP.replace("['sweep (of|through) the']", "['(x']")
    path = write(tmp_path, text)
    with pytest.raises(ConfigError) as info:
        load_themes(path)
    assert str(info.value).startswith(
        f"{path}: key 'themes.staff.exclude.en[0]': invalid regular expression '(x'"
    )


# QA18 (a gym's export): the bicycle park is convenience like the car park (generic), a
# branch's like its car park (finance); a lesson judged is the quality of what is taught.
@pytest.mark.parametrize(
    ("text", "pack", "themes"),
    [
        ("駐輪場を増やしてください", "generic", ["usability"]),
        ("駐輪場が狭い", "generic", ["usability"]),
        ("支店の駐輪場が狭い", "finance", ["branch"]),
        ("ヨガのレッスンが楽しい♪", "generic", ["quality"]),
        ("英会話のレッスンがつまらない", "generic", ["quality"]),
        # a lesson named for booking is no judgement of it
        ("振替レッスンの予約がいちいち電話なのが面倒", "generic", ["usability"]),
    ],
)
def test_bicycle_parks_and_lessons_judged(text: str, pack: str, themes: list[str]) -> None:
    from nps_kit.text.packs import load_pack

    assert words_of(text, load_pack(pack)) == themes


# ERR24: a no-answer opener before the answer made the learned layer drop every theme the words
# found after it ("No comments, the room was dirty" read no theme); it reads the answer now.
@pytest.mark.parametrize(
    ("text", "pack", "theme"),
    [
        ("No comments, the room was dirty", "generic", "quality"),
        ("Nothing to add. The room was dirty", "generic", "quality"),
        ("N/A - the parcel came a week late", "retail", "delivery"),
    ],
)
def test_a_no_answer_opener_does_not_hide_the_answer(text: str, pack: str, theme: str) -> None:
    from nps_kit.text.packs import load_pack

    tags = tag_themes(pd.Series([text], dtype="string"), load_pack(pack))
    assert bool(tags.iloc[0][theme])


def test_a_no_answer_alone_still_names_no_theme() -> None:
    from nps_kit.text.packs import load_pack

    tags = tag_themes(
        pd.Series(["No comments.", "特になし。"], dtype="string"), load_pack("generic")
    )
    assert not tags.to_numpy(dtype=bool).any()


def test_an_answer_that_starts_with_nothing_is_read_whole() -> None:
    # "Nothing, it's great" answers "What could we improve?" by itself: the layer reads it whole
    from nps_kit.text.packs import load_pack

    tags = tag_themes(pd.Series(["nothing, it's great"], dtype="string"), load_pack("saas"))
    assert not tags.to_numpy(dtype=bool).any()


def test_the_layer_reads_a_tuple_of_comments_without_their_openers_once() -> None:
    # SPEED37: the same tuple of distinct comments gets the same answers object back, by which
    # the layer knows its last answer holds; the openers go as before ("No comments, ...").
    from nps_kit.text import themes as themes_module
    from nps_kit.text.tokens import normalise_one

    unique = tuple(
        normalise_one(t) for t in ["No comments, the room was dirty", "特になし。配送が遅い"]
    )
    first = themes_module._answers(unique)
    assert first == ("the room was dirty", "配送が遅い")
    assert themes_module._answers(unique) is first
    again = themes_module._answers(tuple(list(unique)))  # equal comments, another tuple
    assert again == first and again is not first
    plain = ("great staff", "配送が遅い")
    assert themes_module._answers(plain) is plain  # no opener: the comments themselves
    assert list(themes_module._answers(list(plain))) == list(plain)


def test_polarity_takes_the_layers_answer_of_the_comments_themes_just_read(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # tag_themes then tag_polarity on one column, a comment with a no-answer opener: the layer's
    # probabilities are not gathered again for polarity (SPEED37), and the answers are the same.
    from nps_kit.text import _layer
    from nps_kit.text.packs import load_pack

    book = load_pack("retail")
    texts = pd.Series(["No comments, the delivery was late", "Great staff", "配送が遅い"])
    tags = tag_themes(texts, book)
    before = tag_polarity(texts, book)

    def gathered_again(*args: object) -> None:
        raise AssertionError("the layer's probabilities were gathered again")

    tag_themes(texts, book)
    monkeypatch.setattr(_layer, "_gather", gathered_again)
    assert tag_polarity(texts, book).equals(before)
    assert tag_polarity(texts, book).notna().equals(tags.astype(bool))
