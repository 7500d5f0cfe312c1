from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
import yaml

from nps_kit.errors import ConfigError
from nps_kit.i18n import impact_text
from nps_kit.score import nps, score_groups
from nps_kit.strategy import (
    THEME_IDS,
    Playbook,
    Recommendation,
    load_playbook,
    no_action_text,
    segment_strategies,
)


@pytest.fixture(scope="module")
def book() -> Playbook:
    return load_playbook()


def scores(promoters: int, passives: int, detractors: int) -> pd.DataFrame:
    return pd.DataFrame({"nps_score": [10] * promoters + [7] * passives + [2] * detractors})


@pytest.fixture
def themes() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "theme": ["other", "delivery", "phone", "staff"],
            # 20 respondents: the gain is 100 × the detractors complaining (the stance's) / 20
            "nps_gain": [25.0, 15.0, 10.0, 0.0],
            "detractors": [5, 3, 2, 0],
        }
    )


def stance_rows(rows: dict[tuple[str, str], tuple[int, int, int]]) -> pd.DataFrame:
    """A stance table for 6 detractor, 6 passive and 8 promoter commenters.

    ``rows`` maps (theme, segment) to (mentions, praise, complaint); other cells are 0.
    """
    base = {"detractor": 6, "passive": 6, "promoter": 8}
    out = []
    for theme in ("other", "delivery", "phone", "staff"):
        for seg, size in base.items():
            mentions, praise, complaint = rows.get((theme, seg), (0, 0, 0))
            out.append(
                {
                    "theme": theme,
                    "label": theme.capitalize(),
                    "segment": seg,
                    "commenters": size,
                    "mentions": mentions,
                    "praise": praise,
                    "complaint": complaint,
                    "pct_praise": 100 * praise / size,
                    "pct_complaint": 100 * complaint / size,
                }
            )
    return pd.DataFrame(out)


@pytest.fixture
def stance() -> pd.DataFrame:
    return stance_rows(
        {
            ("other", "detractor"): (5, 0, 5),  # no playbook entry
            ("delivery", "detractor"): (4, 0, 3),
            ("delivery", "passive"): (3, 1, 2),  # passives below min_mentions
            # promoters ask for faster delivery more than they praise it: no promoter card
            ("delivery", "promoter"): (4, 1, 3),
            ("phone", "detractor"): (2, 0, 2),  # below min_mentions
            ("staff", "promoter"): (5, 4, 1),
            ("staff", "detractor"): (3, 3, 0),  # detractors praise staff: no detractor card
        }
    )


@pytest.fixture
def drivers() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "attribute": ["rating_unmapped", "rating_delivery", "rating_web", "rating_price"],
            "label": ["Other", "Delivery", "Website", "Price"],
            "importance": [0.3, 0.2, 0.1, 0.05],
            "performance": [2.5, 2.9, 3.1, 4.2],
            "n": [120, 120, 120, 120],
            "quadrant": ["fix_first", "fix_first", "fix_first", "keep_up"],
            "method": ["relative_weights"] * 4,
        }
    )


# --- playbook ------------------------------------------------------------------------------------


def test_packaged_playbook_is_the_shipped_parameters_file(repo_root: Path) -> None:
    shipped = (repo_root / "parameters" / "playbook.yaml").read_bytes()
    packaged = (repo_root / "nps_kit" / "resources" / "playbook.yaml").read_bytes()
    assert packaged == shipped


def test_builtin_playbook_covers_every_theme_segment_and_driver(book: Playbook) -> None:
    for theme in THEME_IDS:
        assert book.theme_actions(theme, "detractor"), theme
        assert book.theme_actions(theme, "passive"), theme
    assert set(book.drivers) == {"staff", "website", "delivery", "price", "support_speed"}
    for seg in ("promoter", "passive", "detractor"):
        assert getattr(book.general, seg)
    texts = [a.en for a in book.theme_actions("phone", "detractor")]
    assert any("call-back" in t for t in texts)
    assert any("FAQ" in t for t in texts)
    # A monthly report cannot promise a 48-hour call-back; the daily alerts do that.
    assert not any("48" in a.en or "48" in a.ja for a in book.general.detractor)
    assert any("work file" in a.en for a in book.general.detractor)
    assert any("referral" in a.en for a in book.general.promoter)


@pytest.mark.parametrize(
    ("column", "driver"),
    [
        ("rating_delivery", "delivery"),
        ("Rating_Support_Speed", "support_speed"),
        ("rating_support", "support_speed"),
        ("staff_rating", "staff"),
        ("price", "price"),
        ("rating_colour", None),
    ],
)
def test_driver_for_maps_column_names(book: Playbook, column: str, driver: str | None) -> None:
    assert book.driver_for(column) == driver


def write(tmp_path: Path, data: object) -> Path:
    path = tmp_path / "playbook.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def minimal() -> dict[str, object]:
    action = {"ja": "感謝する", "en": "Thank them"}
    return {
        "version": 1,
        "general": {"promoter": [action], "passive": [action], "detractor": [action]},
    }


def test_minimal_playbook_loads(tmp_path: Path) -> None:
    playbook = load_playbook(write(tmp_path, minimal()))
    assert playbook.general.promoter[0].text("en") == "Thank them"
    assert playbook.theme_actions("delivery", "detractor") == ()


def test_unknown_theme_suggests_closest(tmp_path: Path) -> None:
    data = minimal() | {"themes": {"deliverry": {"detractor": [{"ja": "あ", "en": "a"}]}}}
    path = write(tmp_path, data)
    with pytest.raises(ConfigError) as caught:
        load_playbook(path)
    assert str(caught.value) == (
        f"{path}: themes.deliverry: unknown key 'deliverry' in themes (theme ids in use: "
        "usability, checkout, delivery, phone, chat, email, staff, price, quality, returns, "
        "faq, communication). Did you mean 'delivery'?"
    )
    assert caught.value.key == "themes.deliverry"
    assert caught.value.path == path


def test_unknown_segment_suggests_closest(tmp_path: Path) -> None:
    data = minimal()
    data["general"] = dict(data["general"]) | {"detractors": []}  # type: ignore[call-overload]
    path = write(tmp_path, data)
    with pytest.raises(ConfigError) as caught:
        load_playbook(path)
    assert str(caught.value) == (
        f"{path}: general.detractors: unknown key 'detractors' in general. "
        "Did you mean 'detractor'?"
    )


def test_wrong_type_names_key_and_value(tmp_path: Path) -> None:
    data = minimal()
    data["general"]["passive"] = [{"ja": 3, "en": "x"}]  # type: ignore[index]
    path = write(tmp_path, data)
    with pytest.raises(ConfigError) as caught:
        load_playbook(path)
    assert str(caught.value) == (f"{path}: general.passive[0].ja: expected text; found 3.")


def test_missing_language_is_named(tmp_path: Path) -> None:
    data = minimal()
    data["general"]["promoter"] = [{"ja": "感謝する"}]  # type: ignore[index]
    path = write(tmp_path, data)
    with pytest.raises(ConfigError) as caught:
        load_playbook(path)
    assert str(caught.value) == (f"{path}: general.promoter[0].en: required but missing.")


def test_missing_file_and_bad_yaml(tmp_path: Path) -> None:
    absent = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError) as caught:
        load_playbook(absent)
    assert str(caught.value) == (
        f"Playbook file {absent} does not exist. "
        "Pass an existing YAML file, or no path for the built-in playbook."
    )
    broken = tmp_path / "broken.yaml"
    broken.write_text("version: 1\ngeneral:\n  promoter: [\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_playbook(broken)
    assert str(caught.value) == (
        f"{broken}: invalid YAML at line 3, column 14: expected the node content, but found "
        "'<stream end>'. Fix the syntax there (indentation, a missing ':' or an unclosed quote)."
    )


def test_a_playbooks_problems_are_said_in_japanese(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # FIX93: lang="ja" (a Japanese project's unit); the same facts as in English.
    monkeypatch.chdir(tmp_path)  # messages name the file relative to the working folder
    data = minimal() | {"themes": {"deliverry": {"detractor": [{"ja": "あ", "en": "a"}]}}}
    path = write(tmp_path, data)
    with pytest.raises(ConfigError) as caught:
        load_playbook(path, themes=["delivery", "price"], lang="ja")
    assert str(caught.value) == (
        "playbook.yaml: themes.deliverry: themesに「deliverry」というテーマIDはありません"
        "（使われているテーマID：delivery、price）。「delivery」のことですか？"
    )
    assert caught.value.key == "themes.deliverry"
    general = minimal()["general"]
    path = write(tmp_path, {"version": 1, "genral": general})
    with pytest.raises(ConfigError) as caught:
        load_playbook(path, lang="ja")
    assert str(caught.value) == (
        "playbook.yaml: 2件の問題があります。\n- general: 必須のキーですが、書かれていません。\n"
        "- genral: 最上位に「genral」というキーはありません。「general」のことですか？"
    )
    path.write_text("version: 1\nversion: 1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_playbook(path, lang="ja")
    assert str(caught.value).startswith(
        "playbook.yaml：キー「version」が2回書かれています（1行目と2行目）。"
    )
    path.write_bytes(yaml.safe_dump(minimal(), allow_unicode=True).encode("cp932"))
    with pytest.raises(ConfigError, match=r"playbook\.yaml：ファイルはUTF-8で保存してください"):
        load_playbook(path, lang="ja")
    path.write_text("version: 1\ngeneral:\n  promoter: [\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"^playbook\.yaml：YAMLの書き方に誤りがあります"):
        load_playbook(path, lang="ja")
    absent = tmp_path / "nope.yaml"
    with pytest.raises(ConfigError) as caught:
        load_playbook(absent, lang="ja")
    assert str(caught.value) == (
        f"プレイブックのファイル{absent}が見つかりません。存在するYAMLファイルを指定するか、"
        "パスを渡さずに組み込みのプレイブックを使ってください。"
    )


# --- recommendations -----------------------------------------------------------------------------


def test_recommendations_follow_the_segments_stance(
    book: Playbook, themes: pd.DataFrame, stance: pd.DataFrame, drivers: pd.DataFrame
) -> None:
    result = segment_strategies(
        nps(scores(8, 6, 6)),
        stance=stance,
        themes=themes,
        drivers=drivers,
        playbook=book,
        lang="en",
    )
    assert [(r.segment, r.source, r.key, r.priority) for r in result] == [
        # detractors: "other" (83 %, no playbook entry: a card that says so, QA25), delivery
        # complaints (50 %); phone only 2 complaints (< min_mentions), staff is praised; then
        # one general card
        ("detractor", "theme", "other", 1),
        ("detractor", "theme", "delivery", 2),
        ("detractor", "general", "general", 3),
        # passives: fix-first drivers first (rating_unmapped has no playbook driver)
        ("passive", "driver", "delivery", 1),
        ("passive", "driver", "website", 2),
        ("passive", "general", "general", 3),
        # promoters: staff is praised; delivery is mostly asked to improve, so no card
        ("promoter", "theme", "staff", 1),
        ("promoter", "general", "general", 2),
    ]
    assert result[0].action == (
        "No action is written for “Other” yet: add one under themes: other: in a playbook file "
        "set as playbook: in the parameters."
    )
    assert result[1] == Recommendation(
        segment="detractor",
        source="theme",
        key="delivery",
        action=book.theme_actions("delivery", "detractor")[0].en,
        evidence=(
            "50% of detractors who commented (n=6) complain about or ask to improve “Delivery”; "
            "NPS points gained if this theme's detractors became passives (all open answers): "
            "+15.0 pts (3 complaining detractors)"
        ),
        priority=2,
    )
    assert result[4].action == book.drivers["website"].actions[0].en
    assert result[4].evidence == (
        "Key drivers: Website matters much but rates low (relative weight 0.100, "
        "mean rating 3.10 vs 3.17 across attributes, n = 120)"
    )
    assert result[6].evidence == "50% of promoters who commented (n=8) praise “Staff”"
    assert result[7].action == book.general.promoter[0].en
    assert result[7].evidence == "promoters 40.0% (8 of 20 responses)"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_themes_the_same_comments_carry_are_one_card(book: Playbook, lang: str) -> None:
    # FIX76: when exactly the same comments carry "other" and delivery, the table and the summary
    # show one row, but the strategies gave two detractor cards with the same figures ("83%
    # (n=6)", the same gain), one of them the "not written yet" placeholder of "other". One
    # card names both, with the action of the first theme (in the themes file's order) that
    # the playbook has one for.
    same = (5, 0, 5)
    stance = stance_rows({("other", "detractor"): same, ("delivery", "detractor"): same})
    themes = pd.DataFrame(
        {"theme": ["other", "delivery", "phone", "staff"], "nps_gain": [25.0, 25.0, 0.0, 0.0]}
    ).assign(detractors=[5, 5, 0, 0])
    said = [True] * 5 + [False] * 15
    tags = pd.DataFrame(
        {"other": said, "delivery": said, "phone": [False] * 20, "staff": [False] * 20},
        dtype="boolean",
    )
    result = segment_strategies(
        nps(scores(8, 6, 6)),
        stance=stance,
        themes=themes,
        tags=tags,
        playbook=book,
        lang=lang,  # type: ignore[arg-type]
    )
    cards = [r for r in result if r.segment == "detractor" and r.source == "theme"]
    assert len(cards) == 1, cards
    (card,) = cards
    # … and keeps the note "other" gets on a card of its own: no action is written for it yet
    # (FIX78: the merged card dropped it, so nothing said the playbook lacked an entry).
    first = book.theme_actions("delivery", "detractor")[0].text(lang)  # type: ignore[arg-type]
    note = no_action_text("other", "Other", None, lang)  # type: ignore[arg-type]
    assert card.action == first + ("。" if lang == "ja" else ". ") + note
    assert "“Other”" in note if lang == "en" else "「Other」" in note
    assert card.key == "delivery"
    both = "「Other／Delivery」" if lang == "ja" else "“Other · Delivery”"
    assert both in card.evidence and "83%" in card.evidence
    # without the tags (comments unknown) each theme keeps its own card
    apart = segment_strategies(
        nps(scores(8, 6, 6)),
        stance=stance,
        themes=themes,
        playbook=book,
        lang=lang,  # type: ignore[arg-type]
    )
    assert [r.key for r in apart if r.segment == "detractor" and r.source == "theme"] == [
        "other",
        "delivery",
    ]


def test_no_theme_cards_without_stance(book: Playbook, themes: pd.DataFrame) -> None:
    result = segment_strategies(nps(scores(8, 6, 6)), themes=themes, playbook=book, lang="en")
    assert [(r.segment, r.source) for r in result] == [
        ("detractor", "general"),
        ("passive", "general"),
        ("promoter", "general"),
    ]


def test_japanese_evidence_and_change_vs_previous(
    book: Playbook, themes: pd.DataFrame, stance: pd.DataFrame
) -> None:
    result = segment_strategies(
        nps(scores(8, 6, 6)), stance=stance, themes=themes, playbook=book, top=2
    )
    assert [(r.segment, r.key) for r in result] == [
        ("detractor", "other"),
        ("detractor", "delivery"),
        ("passive", "general"),
        ("promoter", "staff"),
        ("promoter", "general"),
    ]
    assert result[0].action == (
        "「Other」への施策はまだ書かれていません。"
        "パラメーターの playbook: に指定するプレイブックの themes: の下に"
        " other: として書き加えてください。"
    )
    result = result[1:]
    assert result[0].action == book.theme_actions("delivery", "detractor")[0].ja
    assert result[0].evidence == (
        "コメントした批判者の50%（n=6）が「Delivery」に不満・要望。"
        "このテーマの批判者が中立者になった場合のNPS改善幅（自由回答全体）：+15.0ポイント"
        "（不満・要望のある批判者3人）"
    )
    assert result[2].evidence == "コメントした推奨者の50%（n=8）が「Staff」を評価"
    general = segment_strategies(
        nps(scores(8, 6, 6)), previous=nps(scores(5, 5, 10)), playbook=book, lang="ja", top=1
    )
    assert general[1].action == book.general.passive[0].ja
    assert general[1].evidence == "中立者30.0%（回答20件中6人、前月比+5.0ポイント）"


def test_impact_text_is_the_one_wording_of_the_metric() -> None:
    assert impact_text(4.25, 12, "ja") == (
        "このテーマの批判者が中立者になった場合のNPS改善幅（自由回答全体）：+4.2ポイント"
        "（不満・要望のある批判者12人）"
    )
    assert impact_text(4.25, 1234, "en") == (
        "NPS points gained if this theme's detractors became passives (all open answers): "
        "+4.2 pts (1,234 complaining detractors)"
    )
    assert impact_text(float("nan"), None, "en") == (
        "NPS points gained if this theme's detractors became passives (all open answers): —"
    )
    # Beside a reason question, an improvement question's requests are left out of the ranking.
    assert impact_text(4.25, 12, "ja", scope="reasons") == (
        "このテーマの批判者が中立者になった場合のNPS改善幅（改善要望を除く自由回答）：+4.2ポイント"
        "（不満・要望のある批判者12人）"
    )
    assert impact_text(1.0, 1, "en", scope="reasons").startswith(
        "NPS points gained if this theme's detractors became passives "
        "(reasons given, not improvement requests): "
    )


def test_segment_without_respondents_gets_no_advice(book: Playbook, themes: pd.DataFrame) -> None:
    result = segment_strategies(nps(scores(12, 3, 0)), themes=themes, playbook=book, lang="en")
    detractors = [r for r in result if r.segment == "detractor"]
    assert detractors == [
        Recommendation(
            segment="detractor",
            source="general",
            key="no_data",
            action="No detractors this period, so no advice is given for this segment.",
            evidence="0 detractors of 15 responses",
            priority=1,
        )
    ]
    ja = segment_strategies(nps(scores(12, 3, 0)), playbook=book, lang="ja")
    assert ja[0].action == "今月は批判者の回答がないため、このセグメント向けの施策は提案しません。"
    assert ja[0].evidence == "批判者0人（回答15件）"


def test_suppressed_group_gives_no_advice(book: Playbook) -> None:
    table = score_groups(scores(1, 1, 1), min_report_n=5)
    result = segment_strategies(table, playbook=book, lang="en")
    assert [(r.segment, r.key, r.action, r.evidence) for r in result] == [
        (seg, "no_data", f"Too few responses to report {seg}s; no advice is given.", "3 responses")
        for seg in ("detractor", "passive", "promoter")
    ]


def test_accepts_mapping_and_one_row_frame(book: Playbook) -> None:
    from_result = segment_strategies(nps(scores(3, 3, 4)), playbook=book, lang="en")
    from_frame = segment_strategies(score_groups(scores(3, 3, 4)), playbook=book, lang="en")
    from_dict = segment_strategies(nps(scores(3, 3, 4)).to_dict(), playbook=book, lang="en")
    assert from_result == from_frame == from_dict
    assert len(from_result) == 3  # one general card per segment: one piece of evidence each


def test_bad_arguments(book: Playbook) -> None:
    with pytest.raises(ValueError) as caught:
        segment_strategies(nps(scores(1, 1, 1)), playbook=book, lang="fr")  # type: ignore[arg-type]
    assert str(caught.value) == "lang must be 'ja' or 'en', got 'fr'"
    with pytest.raises(ValueError) as caught:
        segment_strategies(nps(scores(1, 1, 1)), themes=pd.DataFrame({"theme": []}), playbook=book)
    assert str(caught.value) == "themes table lacks column(s) nps_gain, detractors"
    with pytest.raises(ValueError) as caught:
        segment_strategies(
            nps(scores(1, 1, 1)), stance=pd.DataFrame({"theme": [], "label": []}), playbook=book
        )
    assert str(caught.value) == (
        "stance table lacks column(s) segment, commenters, mentions, praise, complaint, "
        "pct_praise, pct_complaint"
    )


def test_a_theme_added_to_the_dictionaries_can_have_actions(tmp_path: Path) -> None:
    data = minimal()
    data["themes"] = {
        "app_crash": {"detractor": [{"ja": "クラッシュを直す", "en": "Fix the crashes"}]}
    }
    path = write(tmp_path, data)
    with pytest.raises(ConfigError) as caught:
        load_playbook(path)  # the default dictionaries have no app_crash theme
    assert caught.value.key == "themes.app_crash"
    playbook = load_playbook(path, themes=["app_crash", "delivery"])
    assert [a.en for a in playbook.theme_actions("app_crash", "detractor")] == ["Fix the crashes"]
    assert playbook.theme_actions("delivery", "detractor") == ()
