from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nps_kit.analysis import analyse_followups
from nps_kit.errors import DataError
from nps_kit.i18n import points
from nps_kit.params import load_all, notebook_parameters, resolve_period
from nps_kit.score import nps, segment
from nps_kit.strategy import Recommendation, load_playbook, segment_strategies
from nps_kit.text.sentiment import POLARITIES
from nps_kit.text.stance import merge_polarity, stance_mask, theme_stance
from nps_kit.text.themes import theme_impact
from nps_kit.unit import prepare_unit

ROOT = Path(__file__).resolve().parents[1]
DTYPE = pd.CategoricalDtype(list(POLARITIES))


def frame(values: dict[str, list[str | None]]) -> pd.DataFrame:
    return pd.DataFrame({k: pd.Series(v, dtype=DTYPE) for k, v in values.items()})


def test_theme_stance_counts_praise_and_complaint_per_segment() -> None:
    data = pd.DataFrame({"nps_score": [10, 9, 7, 2, 1, 0]})
    data["segment"] = segment(data["nps_score"])
    polarity = frame(
        {
            "delivery": ["positive", "mixed", None, "negative", "negative", None],
            "price": [None, "neutral", "negative", None, None, None],
        }
    )
    commented = pd.Series([True, True, True, True, True, False])
    table = theme_stance(data, polarity, commented=commented, lang="en")
    rows = table.set_index(["theme", "segment"])
    assert rows.loc[("delivery", "promoter")].to_dict() == {
        "label": "Delivery speed and damage",
        "commenters": 2,
        "mentions": 2,
        "praise": 2,
        "complaint": 1,
        "pct_praise": 100.0,
        "pct_complaint": 50.0,
    }
    # the sixth respondent wrote nothing: not among the detractors' commenters
    assert rows.loc[
        ("delivery", "detractor"), ["commenters", "complaint", "pct_complaint"]
    ].tolist() == [
        2,
        2,
        100.0,
    ]
    assert rows.loc[("price", "promoter"), ["mentions", "praise", "complaint"]].tolist() == [
        1,
        0,
        0,
    ]
    assert rows.loc[("price", "passive"), "pct_complaint"] == 100.0


def test_weighted_stance_shares_weigh_people_and_counts_stay_counts() -> None:
    # Four commenting detractors: the two who complain about delivery weigh 3 and 1 of 8.
    data = pd.DataFrame({"nps_score": [0, 2, 4, 6, 10], "w": [3.0, 1.0, 2.0, 2.0, 5.0]})
    data["segment"] = segment(data["nps_score"])
    polarity = frame({"delivery": ["negative", "mixed", "positive", None, "positive"]})
    commented = pd.Series(True, index=data.index)
    table = theme_stance(data, polarity, commented=commented, lang="en", weight="w")
    row = table.set_index(["theme", "segment"]).loc[("delivery", "detractor")]
    assert row[["commenters", "mentions", "praise", "complaint"]].tolist() == [4, 3, 2, 2]
    assert row["pct_complaint"] == pytest.approx(100 * 4 / 8)  # unweighted: 2 of 4 as well
    assert row["pct_praise"] == pytest.approx(100 * 3 / 8)  # unweighted: 2 of 4 = 50%
    plain = theme_stance(data, polarity, commented=commented, lang="en")
    ones = theme_stance(data.assign(w=1.0), polarity, commented=commented, lang="en", weight="w")
    pd.testing.assert_frame_equal(plain, ones)
    with pytest.raises(DataError) as caught:
        theme_stance(data, polarity, commented=commented, weight="weight")
    assert str(caught.value) == "no column 'weight'; columns: 'nps_score', 'w', 'segment'."


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_weighted_card_quotes_the_weighted_share_beside_the_weighted_gain(lang: str) -> None:
    # Unweighted, detractors complain about delivery (2 of 4) as often as they praise it (the
    # mixed one does both), so no card; weighted, the complainers are 5 of 8 and the praisers
    # 4 of 8: the card says 62%, beside a gain weighted the same way (5 of 10). Its n is the
    # 4 commenting detractors, a count.
    data = pd.DataFrame({"nps_score": [0, 2, 4, 6, 10, 9], "w": [3.0, 2.0, 2.0, 1.0, 1.0, 1.0]})
    data["segment"] = segment(data["nps_score"])
    polarity = frame({"delivery": ["negative", "mixed", "positive", None, None, None]})
    commented = pd.Series(True, index=data.index)
    stance = theme_stance(data, polarity, commented=commented, lang=lang, weight="w")  # type: ignore[arg-type]
    impact = theme_impact(
        data,
        polarity.notna().astype("boolean"),
        polarity=polarity,
        lang=lang,
        weight="w",  # type: ignore[arg-type]
    )
    assert impact.set_index("theme").loc["delivery", "nps_gain"] == pytest.approx(100 * 5 / 10)
    recs = segment_strategies(
        nps(data, weight="w"),
        stance=stance,
        themes=impact,
        playbook=load_playbook(),
        lang=lang,  # type: ignore[arg-type]
        min_mentions=2,
    )
    card = next(r for r in recs if r.segment == "detractor" and r.source == "theme")
    assert card.key == "delivery"
    assert "62%" in card.evidence and "n=4" in card.evidence
    assert points(100 * 5 / 10, lang, signed=True) in card.evidence  # type: ignore[arg-type]
    unweighted = theme_stance(data, polarity, commented=commented, lang=lang)  # type: ignore[arg-type]
    plain = segment_strategies(
        nps(data),
        stance=unweighted,
        themes=theme_impact(data, polarity.notna().astype("boolean"), polarity=polarity),
        playbook=load_playbook(),
        lang=lang,  # type: ignore[arg-type]
        min_mentions=2,
    )
    assert not [r for r in plain if r.segment == "detractor" and r.source == "theme"]


def test_stance_mask_marks_praise_and_complaint_by_the_one_rule() -> None:
    polarity = frame({"t": ["positive", "negative", "mixed", "neutral", None]})
    polarity.index = pd.Index([10, 11, 12, 13, 14])
    praise = stance_mask(polarity, "praise")
    complaint = stance_mask(polarity, "complaint")
    assert praise.index.equals(polarity.index) and list(praise.columns) == ["t"]
    assert praise["t"].tolist() == [True, False, True, False, False]
    assert complaint["t"].tolist() == [False, True, True, False, False]
    assert praise["t"].dtype == bool and complaint["t"].dtype == bool
    with pytest.raises(ValueError) as caught:
        stance_mask(polarity, "neutral")  # type: ignore[arg-type]
    assert str(caught.value) == "stance must be 'praise' or 'complaint', got 'neutral'"


def test_merge_polarity_combines_answers_of_one_respondent() -> None:
    a = frame({"t": ["positive", "positive", None, "neutral", None, "negative"]})
    b = frame({"t": ["negative", None, None, None, "neutral", "mixed"]})
    merged = merge_polarity([a, b])
    assert merged["t"].astype("object").fillna("-").tolist() == [
        "mixed",
        "positive",
        "-",
        "neutral",
        "neutral",
        "mixed",
    ]
    with pytest.raises(ValueError) as caught:
        merge_polarity([])
    assert str(caught.value) == "merge_polarity needs at least one polarity frame"
    with pytest.raises(ValueError) as caught:
        merge_polarity([a, frame({"u": [None] * 6})])
    assert str(caught.value) == "polarity frames must share index and columns"


# --- strategies agree with their evidence ----------------------------------------------------


def assert_cards_agree_with_evidence(
    recs: list[Recommendation] | tuple[Recommendation, ...],
    stance: pd.DataFrame,
    min_mentions: int,
    impact: pd.DataFrame | None = None,
    n_valid: float | None = None,
) -> None:
    """No card points against its segment's stance, and no two cards cite the same evidence.

    With the theme-impact table, a detractor card's gain counts exactly the detractors whose
    complaints the card quotes: its n is the stance's complaint count (never the mentions,
    which include detractors praising the theme), and the gain is 100 × n / valid responses.
    """
    evidence = [r.evidence for r in recs]
    assert len(evidence) == len(set(evidence)), evidence
    rows = stance.set_index(["theme", "segment"])
    gains = None if impact is None else impact.set_index("theme")
    for r in recs:
        if r.source != "theme":
            continue
        row = rows.loc[(r.key, r.segment)]
        if r.segment == "promoter":
            count, other, pct = row["praise"], row["complaint"], row["pct_praise"]
            assert re.search("praise “|」を評価", r.evidence), r.evidence
        else:
            count, other, pct = row["complaint"], row["praise"], row["pct_complaint"]
            assert re.search("complain about or ask to improve|に不満・要望", r.evidence), (
                r.evidence
            )
        assert count >= min_mentions and count > other, (r, row.to_dict())
        assert f"{pct:.0f}%" in r.evidence and f"n={row['commenters']:,}" in r.evidence
        if r.segment == "detractor" and gains is not None:
            complaining = int(row["complaint"])
            assert gains.loc[r.key, "detractors"] == complaining, (r, row.to_dict())
            said = re.search(
                r"（不満・要望のある批判者(\d+)人）|\((\d+) complaining detractors?\)", r.evidence
            )
            assert said is not None, r.evidence
            assert int(said.group(1) or said.group(2)) == complaining, r.evidence
            if n_valid is not None:  # unweighted: the gain is the complaint count's share
                gain = gains.loc[r.key, "nps_gain"]
                assert gain == pytest.approx(100 * complaining / n_valid), r
            lang = "ja" if "コメントした" in r.evidence else "en"
            assert points(gains.loc[r.key, "nps_gain"], lang, signed=True) in r.evidence


polarity_values = st.sampled_from([None, "positive", "negative", "mixed", "neutral"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    cells=st.lists(
        st.tuples(st.integers(0, 10), st.lists(polarity_values, min_size=4, max_size=4)),
        min_size=1,
        max_size=60,
    ),
    lang=st.sampled_from(["ja", "en"]),
    twin=st.sampled_from([None, "same", "flipped"]),
)
def test_generated_cards_never_contradict_their_evidence(
    cells: list[tuple[int, list[str | None]]], lang: str, twin: str | None
) -> None:
    themes = ["delivery", "staff", "price", "quality"]
    data = pd.DataFrame({"nps_score": [score for score, _ in cells]})
    data["segment"] = segment(data["nps_score"])
    polarity = frame({t: [p[j] for _, p in cells] for j, t in enumerate(themes)})
    if twin is not None:
        # FIX76: exactly the same comments carry price and delivery, said the same way or
        # the other way round (praise one, complain about the other).
        flip = {"positive": "negative", "negative": "positive"} if twin == "flipped" else {}
        said = polarity["delivery"].astype("object").map(lambda p: flip.get(p, p))
        polarity["price"] = pd.Series(said, dtype=DTYPE)
    commented = pd.Series(True, index=data.index)
    stance = theme_stance(data, polarity, commented=commented, lang=lang)  # type: ignore[arg-type]
    tags = polarity.notna().astype("boolean")
    impact = theme_impact(data, tags, polarity=polarity, lang=lang)  # type: ignore[arg-type]
    recs = segment_strategies(
        nps(data),
        stance=stance,
        themes=impact,
        tags=tags,
        playbook=load_playbook(),
        lang=lang,  # type: ignore[arg-type]
        min_mentions=1,
    )
    assert_cards_agree_with_evidence(recs, stance, 1, impact, n_valid=len(data))
    # No two cards of a segment cite the same comments with the same figures, whatever the
    # themes are called (FIX76: "配送" and "梱包" cards with the same "100% (n=34)").
    cited = [
        (r.segment, tuple(tags[r.key].fillna(False)), re.sub(r"“[^”]*”|「[^」]*」", "", r.evidence))
        for r in recs
        if r.source == "theme"
    ]
    assert len(cited) == len(set(cited)), [r.evidence for r in recs]


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_a_detractor_praising_a_theme_is_not_counted_in_its_gain(lang: str) -> None:
    # The probe's case: "The broadband is fast but the billing is a mess": a detractor who
    # mentions speed praises it. Of five detractors, three complain about delivery (one of
    # them mixed) and a fourth only praises it.
    data = pd.DataFrame({"nps_score": [0, 1, 2, 4, 6, 8, 10]})
    data["segment"] = segment(data["nps_score"])
    polarity = frame(
        {
            "delivery": ["negative", "negative", "mixed", "positive", None, "positive", None],
            "price": [None, None, None, "negative", "negative", None, None],
        }
    )
    commented = pd.Series(True, index=data.index)
    stance = theme_stance(data, polarity, commented=commented, lang=lang)  # type: ignore[arg-type]
    impact = theme_impact(
        data,
        polarity.notna().astype("boolean"),
        polarity=polarity,
        lang=lang,  # type: ignore[arg-type]
    ).set_index("theme")
    # 4 of 5 commenting detractors mention delivery (the mention share); 3 complain
    assert impact.loc["delivery", "share_detractors"] == pytest.approx(80.0)
    assert impact.loc["delivery", "detractors"] == 3
    assert impact.loc["delivery", "nps_gain"] == pytest.approx(100 * 3 / 7)
    recs = segment_strategies(
        nps(data),
        stance=stance,
        themes=impact.reset_index(),
        playbook=load_playbook(),
        lang=lang,  # type: ignore[arg-type]
        min_mentions=2,
    )
    card = next(r for r in recs if r.segment == "detractor" and r.key == "delivery")
    assert "60%" in card.evidence  # the complaint share, 3 of 5, not the mention share 80%
    said = "（不満・要望のある批判者3人）" if lang == "ja" else "(3 complaining detractors)"
    assert said in card.evidence
    assert_cards_agree_with_evidence(recs, stance, 2, impact.reset_index(), n_valid=7)


@pytest.mark.parametrize("name", ["banking", "cloud", "ec", "insurance", "stores"])
def test_demo_units_cards_never_contradict_their_evidence(name: str) -> None:
    params = load_all(ROOT / "parameters", units=[name]).units[name]
    p = notebook_parameters(params, period=resolve_period(params))
    text_columns = [q["column"] for q in p["followups"] if q["type"] == "text"]
    unit = prepare_unit(
        p["data_path"],
        name=p["unit_name"],
        language=p["language"],
        unit_column=p["filter_column"],
        unit_values=p["filter_values"],
        score_column=p["score_column"],
        date_column=p["date_column"],
        text_columns=[c for c in [p["comment_column"], *text_columns] if c],
        period=p["period"],
    )
    analysis = analyse_followups(
        unit,
        p["followups"],
        themes_path=p["themes_path"] and Path(p["themes_path"]),
        playbook_path=p["playbook_path"] and Path(p["playbook_path"]),
        min_n=p["min_n"],
    )
    assert analysis.stance is not None
    assert any(r.source == "theme" for r in analysis.recommendations)
    assert_cards_agree_with_evidence(
        analysis.recommendations, analysis.stance, 3, analysis.themes, n_valid=nps(unit.current).n
    )
    # The gain counts the detractors who complain: never more than mention the theme. (The
    # demo's detractors praise nothing; their bare statements that the rules cannot judge,
    # 「コールセンターに何度かけても話し中でした」 or "Phone support hung up on me", are complaints
    # read through their score. The property tests cover detractors who praise.)
    assert analysis.themes is not None and analysis.polarity is not None
    detractors = analysis.stance[analysis.stance["segment"] == "detractor"].set_index("theme")
    # A theme under the anonymity floor shows neither (FIX43): compared where they are shown.
    detractors = detractors.loc[~detractors["suppressed"]]
    assert (detractors["mentions"] >= detractors["complaint"]).all()
    assert (
        analysis.themes.set_index("theme")["detractors"]
        .reindex(detractors.index)
        .eq(detractors["complaint"])
        .all()
    )
