"""The learned polarity correction: numpy inference, where it applies, and what it changes."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from nps_kit.score import segment
from nps_kit.text import _polarity_layer
from nps_kit.text._clause_rules import _clauses
from nps_kit.text._correction import (
    _mention_cues,
    _read,
    _read_spans,
    _span_cues,
    _spans,
    _theme_clauses,
)
from nps_kit.text._match import matcher
from nps_kit.text.explain import explain_themes
from nps_kit.text.packs import load_pack, pack_files
from nps_kit.text.sentiment import (
    POLARITIES,
    _clause_themes,
    _comment_polarities,
    _Several,
    _tag_polarity,
    tag_polarity,
)
from nps_kit.text.themes import load_themes, tag_themes
from nps_kit.text.tokens import normalise_one

DATA = Path(__file__).resolve().parent / "data"

# Probabilities the training code (scikit-learn, ``train --sample``: English round 11's model,
# design D2, benchmarks/polarity_round11.py, fitted without set 38 as PREREG37's amendment B
# shipped it; Japanese the shipped round's script's)
# gave every mention the tagger finds in these comments when it wrote the resource, rounded to
# 6 places: (lang, pack, comment, score, theme, the tagger's polarity, probabilities).
EXPECTED = [
    (
        "en",
        "retail",
        "Delivery was quick but the price is a bit steep",
        9,
        "delivery",
        "positive",
        {"mixed": 0.003603, "negative": 0.000557, "neutral": 0.003396, "positive": 0.992444},
    ),
    (
        "en",
        "retail",
        "Delivery was quick but the price is a bit steep",
        9,
        "price",
        "negative",
        {"mixed": 0.021392, "negative": 0.934035, "neutral": 0.013045, "positive": 0.031529},
    ),
    (
        "en",
        "saas",
        "Support took a week to answer, the app itself is fine",
        3,
        "support",
        "negative",
        {"mixed": 0.021446, "negative": 0.879603, "neutral": 0.09827, "positive": 0.000681},
    ),
    (
        "en",
        "finance",
        "Fees are ok I guess",
        5,
        "price",
        "neutral",
        {"mixed": 4.1e-05, "negative": 0.007033, "neutral": 0.992576, "positive": 0.00035},
    ),
    (
        "ja",
        "retail",
        "配送は早かったけど、送料が高い",
        9,
        "delivery",
        "mixed",
        {"mixed": 0.119281, "negative": 0.000937, "neutral": 0.000728, "positive": 0.879055},
    ),
    (
        "ja",
        "retail",
        "配送は早かったけど、送料が高い",
        9,
        "price",
        "negative",
        {"mixed": 0.002753, "negative": 0.920056, "neutral": 0.000791, "positive": 0.0764},
    ),
    (
        "ja",
        "saas",
        "サポートの返事が遅い。アプリは使いやすい",
        2,
        "usability",
        "positive",
        {"mixed": 0.148823, "negative": 0.05719, "neutral": 0.003569, "positive": 0.790419},
    ),
    (
        "ja",
        "saas",
        "サポートの返事が遅い。アプリは使いやすい",
        2,
        "support",
        "negative",
        {"mixed": 0.016216, "negative": 0.982931, "neutral": 0.000211, "positive": 0.000642},
    ),
    (
        "ja",
        "finance",
        "支店の窓口の対応は普通",
        7,
        "staff",
        "neutral",
        {"mixed": 0.000151, "negative": 0.003756, "neutral": 0.955257, "positive": 0.040837},
    ),
    (
        "ja",
        "finance",
        "支店の窓口の対応は普通",
        7,
        "branch",
        "neutral",
        {"mixed": 1.4e-05, "negative": 0.000993, "neutral": 0.99485, "positive": 0.004143},
    ),
]


def _mentions(lang: str, pack: str, text: str, score: int) -> tuple[list, np.ndarray]:
    """The mentions of one comment as the training script builds them, and their probabilities."""
    book = load_pack(pack)
    themes = matcher(book.themes)
    seg = segment(pd.Series([float(score)]))
    tags = _tag_polarity(
        pd.Series([text], dtype="string"), book, segments=seg, learned=True, correct=False
    )
    norm = normalise_one(text)
    places = _theme_clauses(norm, themes)
    spans = _span_cues(norm, themes)
    found = themes.find(norm)
    rows = [(t, str(p)) for t, p in tags.iloc[0].items() if pd.notna(p)]
    clauses = [places.get(book.ids.index(t), norm) for t, _ in rows]
    none = (0.0,) * _polarity_layer.SPAN_CUES
    mentions = _polarity_layer.Mentions(
        clauses,
        np.arange(len(rows)),
        np.array([POLARITIES.index(p) for _, p in rows]),
        np.array([book.ids.index(t) not in found for t, _ in rows]),
        np.array([_mention_cues(c, norm, themes) for c in clauses], dtype=float).reshape(
            len(rows), -1
        ),
        book.ids,
        np.array([book.ids.index(t) for t, _ in rows]),
        np.full(len(rows), _polarity_layer.SEGMENTS.index(str(seg.iloc[0]))),
        np.array([spans.get(book.ids.index(t), none) for t, _ in rows], dtype=float).reshape(
            len(rows), -1
        ),
    )
    return rows, _polarity_layer.probabilities(mentions, lang)


def _added(pack: str, text: str) -> set[str]:
    """The themes of a comment the dictionaries do not find (what the layer may add)."""
    book = load_pack(pack)
    found = matcher(book.themes).find(normalise_one(text))
    return {t for i, t in enumerate(book.ids) if i not in found}


@pytest.mark.parametrize("sample", sorted({e[:4] for e in EXPECTED}))
def test_numpy_inference_gives_the_training_codes_probabilities(sample: tuple) -> None:
    expected = {e[4]: (e[5], e[6]) for e in EXPECTED if e[:4] == sample}
    rows, prob = _mentions(*sample)
    assert dict(rows) == {t: rule for t, (rule, _) in expected.items()}
    for (theme, _), got in zip(rows, prob, strict=True):
        want = expected[theme][1]
        for k, polarity in enumerate(POLARITIES):
            assert got[k] == pytest.approx(want[polarity], abs=2e-6), (theme, polarity)


@pytest.mark.parametrize("sample", sorted({e[:4] for e in EXPECTED}))
def test_the_tagger_takes_the_models_polarity_where_it_is_sure_enough(sample: tuple) -> None:
    lang, pack, text, score = sample
    tags = tag_polarity(
        pd.Series([text], dtype="string"),
        load_pack(pack),
        segments=segment(pd.Series([float(score)])),
    )
    added = _added(pack, text)
    for theme, rule, prob in (e[4:] for e in EXPECTED if e[:4] == sample):
        t = _polarity_layer.threshold(lang, added=theme in added)
        best = max(prob, key=prob.__getitem__)
        # never made, but by a model of design D2 (PREREG37)
        flip = {rule, best} == {"positive", "negative"} and not _polarity_layer.flips(lang)
        assert tags.at[0, theme] == (best if prob[best] >= t and not flip else rule), theme


@pytest.mark.parametrize(
    "sample",
    [
        # quality is added by the theme layer and takes the comment's praise (the comment rule)
        ("en", "retail", "Ok products. Average.", 8),
        ("ja", "retail", "冷凍のお弁当、味はまあまあ。レンジで温めるだけなのは楽", 8),
    ],
)
def test_a_theme_the_layer_added_is_read_as_added_as_in_training(sample: tuple) -> None:
    # The training script reads every theme the layer added as added, also one whose polarity
    # came from the comment's judgement; the tagger told the model only of those left to the
    # score, so it read these as found by the dictionaries (4 of 5,164 mentions of training
    # sets 11-13 decided otherwise than the model was trained to).
    lang, pack, text, score = sample
    rows, prob = _mentions(*sample)
    tags = tag_polarity(
        pd.Series([text], dtype="string"), load_pack(pack), segments=segment(pd.Series([score]))
    )
    added = _added(pack, text)
    for (theme, rule), p in zip(rows, prob, strict=True):
        t = _polarity_layer.threshold(lang, added=theme in added)
        best = POLARITIES[int(p.argmax())]
        flip = {rule, best} == {"positive", "negative"} and not _polarity_layer.flips(lang)
        assert tags.at[0, theme] == (best if p.max() >= t and not flip else rule), theme


def _labelled() -> tuple[pd.Series, pd.Series]:
    frame = pd.read_csv(DATA / "theme_eval_blind3.csv", keep_default_na=False, dtype=str)
    frame = frame[frame["pack"] == "retail"].reset_index(drop=True)
    scores = pd.to_numeric(frame["score"], errors="coerce")
    return frame["text"].astype("string"), segment(scores)


def test_the_correction_changes_polarities_not_themes() -> None:
    texts, segments = _labelled()
    book = load_pack("retail")
    before = _tag_polarity(texts, book, segments=segments, learned=True, correct=False)
    after = tag_polarity(texts, book, segments=segments)
    assert after.notna().equals(before.notna())
    assert after.notna().equals(tag_themes(texts, book).fillna(False).astype(bool))
    assert (after.astype(object) != before.astype(object)).to_numpy().sum() > 0


def _scored_added(
    texts: pd.Series, langs: pd.Series, book: object, segments: pd.Series
) -> pd.DataFrame:
    """Where rule S applies: an English theme the layer added, of a detractor or a promoter."""
    layer = explain_themes(texts, book)  # type: ignore[arg-type]
    layer = layer[layer["source"] == "layer"]
    added = pd.DataFrame(False, index=texts.index, columns=list(book.ids))  # type: ignore[attr-defined]
    for row, theme in zip(layer["row"], layer["theme"], strict=True):
        added.at[row, theme] = True
    clear = segments.isin(["detractor", "promoter"]).to_numpy() & (langs == "en").to_numpy()
    return added & clear[:, None]


@pytest.mark.parametrize("pack", ["retail", "saas", "finance", "generic"])
def test_a_complaint_never_becomes_praise_nor_praise_a_complaint(pack: str) -> None:
    # ... by the correction: only rule S (an English theme the layer added takes a detractor's
    # or promoter's direction, PREREG36) may turn one into the other, and then to the score's;
    # and a correction of design D2 (PREREG37: English since round 18), which reads the span.
    frame = pd.concat(
        pd.read_csv(DATA / name, keep_default_na=False, dtype=str)
        for name in ("theme_eval_blind4.csv", "theme_eval_blind5.csv")
    )
    frame = frame[frame["pack"] == pack].reset_index(drop=True)
    texts = frame["text"].astype("string")
    book = load_pack(pack)
    for scores in (pd.to_numeric(frame["score"]), pd.Series(10.0 - 10 * (frame.index % 2))):
        segments = segment(scores)
        before = _tag_polarity(texts, book, segments=segments, learned=True, correct=False)
        after = tag_polarity(texts, book, segments=segments).astype(object)
        before = before.astype(object)
        flipped = ((before == "positive") & (after == "negative")) | (
            (before == "negative") & (after == "positive")
        )
        scored = _scored_added(texts, frame["lang"], book, segments)
        flips = frame["lang"].map(_polarity_layer.flips).to_numpy()[:, None]
        assert not (flipped & ~scored & ~flips).to_numpy().any()
        direction = segments.map({"detractor": "negative", "promoter": "positive"})
        for theme in book.ids:
            mine = scored[theme].to_numpy()
            assert (after.loc[mine, theme] == direction[mine]).all(), theme


def test_an_english_theme_the_layer_added_takes_a_clear_scores_direction() -> None:
    # Rule S (docs/prereg/PREREG36.md): no word of the theme is there to judge, so a detractor's
    # is a complaint and a promoter's praise; a passive's and a mention without a score keep
    # the correction's reading. Spent comments whose themes the learned layer adds (POL36).
    cases = [
        (
            "saas",
            "mileage tracker for home visits logs every trip by itself and the claim goes "
            "straight thru to payroll. used to take me an hour a week. dont change a thing",
            "features",
            "promoter",
        ),
        (
            "generic",
            "Paid the fishing guide 400 dollars to sit in a boat and listen to him talk about "
            "his divorce. Caught two bluegill.",
            "quality",
            "detractor",
        ),
        (
            "retail",
            "Kmart has the same sleeping bags for half the price and theirs actually zip up "
            "properly",
            "quality",
            "detractor",
        ),
    ]
    for pack, text, theme, who in cases:
        book = load_pack(pack)
        texts = pd.Series([text], dtype="string")
        source = explain_themes(texts, book).set_index("theme")["source"]
        assert source[theme] == "layer"
        passive = tag_polarity(texts, book, segments=pd.Series(["passive"]))
        unscored = tag_polarity(texts, book, segments=pd.Series([None], dtype=object))
        clear = tag_polarity(texts, book, segments=pd.Series([who]))
        want = "negative" if who == "detractor" else "positive"
        # The correction reads the detractors' the other way (the promoter's as the score does
        # since round 18's D2 correction); the score settles it.
        assert passive.at[0, theme] == unscored.at[0, theme]
        assert who == "promoter" or passive.at[0, theme] != want
        assert clear.at[0, theme] == want


def test_a_japanese_theme_the_layer_added_keeps_its_reading() -> None:
    # Rule S is English only: Japanese polarity of the layer's themes read 0.87 on unseen sets
    # and was not measured for it. Over a spent Japanese set with every respondent a promoter,
    # some theme the layer added stays a complaint or request.
    frame = pd.read_csv(DATA / "theme_train34_ja.csv", keep_default_na=False, dtype=str)
    kept = 0
    for pack, group in frame.groupby("pack"):
        texts = group["text"].astype("string").reset_index(drop=True)
        book = load_pack(str(pack))
        promoters = pd.Series(["promoter"] * len(texts))
        tags = tag_polarity(texts, book, segments=promoters).astype(object)
        layer = explain_themes(texts, book)
        layer = layer[layer["source"] == "layer"]
        kept += sum(
            tags.at[row, theme] == "negative"
            for row, theme in zip(layer["row"], layer["theme"], strict=True)
        )
    assert kept > 0


def test_without_segments_or_learning_the_rules_polarity_stays() -> None:
    texts, segments = _labelled()
    book = load_pack("retail")
    for learned, seg in ((True, None), (False, segments)):
        got = tag_polarity(texts, book, segments=seg, learned=learned)
        want = _tag_polarity(texts, book, segments=seg, learned=learned, correct=False)
        pd.testing.assert_frame_equal(got, want)


def test_a_units_own_themes_file_keeps_the_rules_polarity(tmp_path: Path) -> None:
    own = tmp_path / "themes.yaml"
    shutil.copy(pack_files("retail")[0], own)
    texts, segments = _labelled()
    book = load_themes(own)
    got = tag_polarity(texts, book, segments=segments)
    want = _tag_polarity(texts, book, segments=segments, learned=True, correct=False)
    pd.testing.assert_frame_equal(got, want)


def test_repeated_comments_get_one_polarity_per_respondents_segment() -> None:
    book = load_pack("retail")
    texts = pd.Series(["Delivery was quick but the price is a bit steep"] * 4, dtype="string")
    segments = segment(pd.Series([9.0, 2.0, 9.0, np.nan]))
    tags = tag_polarity(texts, book, segments=segments)
    assert tags.iloc[0].equals(tags.iloc[2])
    for i in range(4):
        alone = tag_polarity(texts.iloc[[i]], book, segments=segments.iloc[[i]])
        assert alone.iloc[0].equals(tags.iloc[i]), i


def test_the_taggers_reading_of_a_mention_is_the_one_the_model_was_trained_on() -> None:
    # The correction reads each mention from how the tagger split the comment; the training
    # script reads it with _theme_clauses and _mention_cues. Every theme of the book, as the
    # layer may add any: one the rules did not find reads the whole comment.
    frame = pd.concat(
        pd.read_csv(DATA / name, keep_default_na=False, dtype=str)
        for name in ("theme_eval_blind4.csv", "theme_eval_blind5.csv")
    )
    for pack, group in frame.groupby("pack"):
        book = load_pack(str(pack))
        themes = matcher(book.themes)
        texts = list(dict.fromkeys(normalise_one(t) for t in group["text"]))
        texts.append("、")  # no clause at all
        places: dict = {}
        for text in texts[::2]:  # the others are split by the correction itself
            _comment_polarities(text, themes, places)
        width = len(book.themes)
        comment = np.repeat(np.arange(len(texts)), width)
        theme = np.tile(np.arange(width), len(texts))
        clauses, clause, cues = _read(texts, comment, theme, places, themes)
        assert len(set(clauses)) == len(clauses)
        for k, (u, j) in enumerate(zip(comment, theme, strict=True)):
            text = texts[u]
            want = _theme_clauses(text, themes).get(j, text)
            assert clauses[clause[k]] == want, (text, j)
            assert tuple(cues[k]) == _mention_cues(want, text, themes), (text, j)


# A passive's mention the rules read as neutral goes to praise whenever its clause has no strong
# complaint n-gram. In the demo's EC unit tagged with the retail pack, 37 of the 55 neutral ->
# positive changes of passives' mentions were complaints or requests the rules missed (the
# improvement column's "Answer the phone!" among them). On training sets 11-13, which the
# correction never saw, the same change is right 18 times in 37 (the rules' neutral 6 times), so
# the fix is in the rules: a call cut off (途中で切れてしまった), a line always busy (話し中) and an
# order at the start of a clause ("Answer the phone!", "Train your staff.") are complaints and
# requests, which the correction never turns into praise.
_PASSIVES_COMPLAINTS = [
    ("retail", "チャットで質問したのに途中で切れてしまった。", "chat"),
    ("retail", "コールセンターに何度かけても話し中でした。", "phone"),
    ("retail", "Answer the phone!", "phone"),
    ("retail", "Train your staff.", "staff"),
]


@pytest.mark.parametrize(("pack", "text", "theme"), _PASSIVES_COMPLAINTS)
def test_a_passives_complaint_or_request_is_not_made_praise(
    pack: str, text: str, theme: str
) -> None:
    texts = pd.Series([text], dtype="string")
    book = load_pack(pack)
    segments = segment(pd.Series([8.0]))
    assert tag_polarity(texts, book, segments=segments, learned=False).at[0, theme] == "negative"
    assert tag_polarity(texts, book, segments=segments).at[0, theme] == "negative"


@pytest.mark.xfail(
    strict=True,
    reason="Round 18's English correction (design D2, PREREG37 amendment B, no guard) turns this "
    "passive's added complaint (and reliability's) into praise: an error of the shipped model",
)
def test_a_passives_complaint_of_a_theme_the_layer_adds_is_not_made_praise() -> None:
    # review10: an added theme took praise through the correction while English's layer gave it
    # the score's polarity; round 13 (LAY28) gives it the comment's (the complaint): negative
    texts = pd.Series(["Great product. But I never got an update on my case."], dtype="string")
    segments = segment(pd.Series([8.0]))
    tags = tag_polarity(texts, load_pack("saas"), segments=segments)
    assert tags.at[0, "communication"] != "positive"


def test_a_passives_complaint_after_noni_stays_a_complaint() -> None:
    # The returns clause the model reads is 交換をお願いした: the complaint follows のに. (On
    # training sets 11-13 a passive's negative -> neutral is right 3 times in 3: the fault is
    # what the model reads here, not that change.) Round 2's model (review10) made it neutral;
    # round 3's, trained on sets 11-15 too, keeps it.
    texts = pd.Series(
        ["ポイントがたまってお得です。でも、交換をお願いしたのに対応してもらえなかった。"],
        dtype="string",
    )
    tags = tag_polarity(texts, load_pack("retail"), segments=segment(pd.Series([8.0])))
    assert tags.at[0, "returns"] == "negative"


def _with_thresholds(tmp_path: Path, name: str, own: float, added: float | None) -> Path:
    """A copy of the resource with these thresholds (``added`` None: no threshold of its own)."""
    with np.load(_polarity_layer._resource(), allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files if not k.endswith("_threshold_added")}
    for lang in ("en", "ja"):
        arrays[f"{lang}_threshold"] = np.array(own)
        if added is not None:
            arrays[f"{lang}_threshold_added"] = np.array(added)
    path = tmp_path / f"{name}.npz"
    np.savez(path, **arrays)  # type: ignore[arg-type]
    return path


def test_a_theme_the_layer_added_has_its_own_threshold_where_the_resource_holds_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Round 6 may store a threshold for the themes the theme layer added (their polarity came
    # from the score or the comment, not from words about them); without one, the threshold.
    # Blind set 5's retail comments, every respondent a passive: rule S (an English added theme
    # takes a detractor's or promoter's direction after the correction) leaves a passive's as
    # the correction reads it, so the thresholds alone decide what changes.
    frame = pd.read_csv(DATA / "theme_eval_blind5.csv", keep_default_na=False, dtype=str)
    frame = frame[frame["pack"] == "retail"].reset_index(drop=True)
    texts = frame["text"].astype("string")
    segments = pd.Series(["passive"] * len(texts))
    book = load_pack("retail")
    before = _tag_polarity(texts, book, segments=segments, learned=True, correct=False)
    before = before.astype(object).fillna("")
    changed = {}
    for name, own, added in (
        ("added_only", 1.01, 0.0),
        ("found_only", 0.0, 1.01),
        ("both", 0.0, 0.0),
        ("both_by_default", 0.0, None),
    ):
        path = _with_thresholds(tmp_path, name, own, added)
        monkeypatch.setattr(_polarity_layer, "_resource", lambda path=path: path)
        _polarity_layer._models.cache_clear()
        after = tag_polarity(texts, book, segments=segments).astype(object).fillna("")
        changed[name] = (after != before).to_numpy()
    _polarity_layer._models.cache_clear()
    assert changed["added_only"].any()
    assert changed["found_only"].any()
    assert not (changed["added_only"] & changed["found_only"]).any()
    assert ((changed["added_only"] | changed["found_only"]) == changed["both"]).all()
    assert (changed["both"] == changed["both_by_default"]).all()


def test_a_themes_span_is_read_up_to_the_clause_of_another_theme() -> None:
    # Designs D1 and D2 (PREREG37) read what the rules find in the clauses after a theme's own,
    # up to the next clause that holds another theme: here the praise after the late delivery
    # ("honestly it was fine... I love it"), and nothing for staff, whose next clause is price's.
    book = load_pack("retail")
    themes = matcher(book.themes)
    text = normalise_one("The delivery was late. But honestly it was fine and I love it.")
    spans = _span_cues(text, themes)
    assert spans == {book.ids.index("delivery"): (0.0, 1.0, 0.0, 1.0)}
    text = normalise_one("Staff were rude. The price is good. Terrible experience overall")
    spans = _span_cues(text, themes)
    assert book.ids.index("staff") not in spans
    assert spans[book.ids.index("price")] == (0.0, 0.0, 1.0, 1.0)  # request, praise, complaint
    assert _span_cues(normalise_one("Great prices"), themes) == {}  # one clause: no span


def test_the_taggers_span_of_a_mention_is_the_one_the_model_was_trained_on() -> None:
    # The package reads each mention's span from the comments as the training script does.
    frame = pd.read_csv(DATA / "theme_eval_blind4.csv", keep_default_na=False, dtype=str)
    for pack, group in frame.groupby("pack"):
        book = load_pack(str(pack))
        themes = matcher(book.themes)
        texts = list(dict.fromkeys(normalise_one(t) for t in group["text"]))
        places: dict = {}
        for text in texts[::2]:
            _comment_polarities(text, themes, places)
        width = len(book.themes)
        comment = np.repeat(np.arange(len(texts)), width)
        theme = np.tile(np.arange(width), len(texts))
        _read(texts, comment, theme, places, themes)  # records the splits it makes, as correct
        got = _read_spans(texts, comment, theme, places, themes)
        for k, (u, j) in enumerate(zip(comment, theme, strict=True)):
            want = _span_cues(texts[u], themes).get(j, (0.0,) * _polarity_layer.SPAN_CUES)
            assert tuple(got[k]) == want, (texts[u], j)


def test_the_tagger_records_each_comments_clauses_and_their_themes_for_the_spans() -> None:
    # tag_polarity records how it split a comment of several clauses: the correction's spans
    # read those clauses and their themes instead of splitting and matching the comment again.
    book = load_pack("retail")
    themes = matcher(book.themes)
    text = normalise_one("Staff were rude. The price is good. Terrible experience overall")
    places: dict = {}
    _comment_polarities(text, themes, places)
    split = places[text]
    assert isinstance(split, _Several)
    assert split.clauses == _clauses(text)
    assert split.themes == _clause_themes(themes.find(text), split.clauses, themes)
    staff, price = book.ids.index("staff"), book.ids.index("price")
    assert split.themes == [{staff}, {price}, set()]


def test_the_correction_reads_the_spans_of_the_recorded_split() -> None:
    # What is recorded is what is read: a record naming staff alone in the first clause gives
    # staff the span of the two clauses after it (praise and a complaint), which splitting
    # the comment again would give price.
    book = load_pack("retail")
    themes = matcher(book.themes)
    text = normalise_one("Staff were rude. The price is good. Terrible experience overall")
    places: dict = {}
    _comment_polarities(text, themes, places)
    split = places[text]
    staff, price = book.ids.index("staff"), book.ids.index("price")
    comment, theme = np.array([0, 0]), np.array([staff, price])
    fresh = _read_spans([text], comment, theme, places, themes)
    assert fresh.tolist() == [[0.0] * 4, [0.0, 0.0, 1.0, 1.0]]  # as _span_cues reads them
    places[text] = split._replace(themes=[{staff}, set(), set()])
    recorded = _read_spans([text], comment, theme, places, themes)
    assert recorded.tolist() == [[0.0, 1.0, 1.0, 1.0], [0.0] * 4]


def test_the_recorded_spans_leave_out_an_extends_files_new_themes_as_splitting_again() -> None:
    # The themes an extends file adds end no span (_spans' ``new``), read from the record too.
    book = load_pack("retail")
    themes = matcher(book.themes)
    frame = pd.read_csv(DATA / "theme_eval_blind4.csv", keep_default_na=False, dtype=str)
    texts = list(dict.fromkeys(normalise_one(t) for t in frame["text"]))
    places: dict = {}
    for text in texts:
        _comment_polarities(text, themes, places)
    width = len(book.themes)
    comment = np.repeat(np.arange(len(texts)), width)
    theme = np.tile(np.arange(width), len(texts))
    _read(texts, comment, theme, places, themes)
    assert sum(isinstance(split, _Several) for split in places.values()) > 50
    for new in (frozenset({book.ids.index("price")}), frozenset({0, 2})):
        got = _read_spans(texts, comment, theme, places, themes, new)
        for k, (u, j) in enumerate(zip(comment.tolist(), theme.tolist(), strict=True)):
            # No record (the places left empty): _read_spans splits the comment again.
            fresh = _read_spans([texts[u]], np.array([0]), np.array([j]), {}, themes, new)
            assert tuple(got[k]) == tuple(fresh[0]), (texts[u], j, _spans(texts[u], themes, new))


def test_the_span_columns_read_disagreement_and_the_segment_crossed_with_the_reading() -> None:
    cues = np.zeros((3, _polarity_layer.N_CUES))
    cues[0, 2] = cues[1, 1] = 1.0  # a complaint in the theme's clauses; praise in the second's
    span = np.zeros((3, _polarity_layer.SPAN_CUES))
    span[0, 1] = span[1, 1] = 1.0  # praise in both spans
    got = _polarity_layer.span_columns(cues, span, np.array([2, 0, -1]))
    assert got.shape == (3, _polarity_layer.SPAN_CUES + 1 + 12)
    assert got[:, 4].tolist() == [1.0, 0.0, 0.0]  # only the first disagrees
    cross = got[:, 5:].reshape(3, 3, 4)  # segment x (praise, complaint here; in the span)
    assert cross[0, 2].tolist() == [0.0, 1.0, 1.0, 0.0]  # a promoter's
    assert cross[1, 0].tolist() == [1.0, 0.0, 1.0, 0.0]  # a detractor's
    assert not cross[2].any() and not cross[0, :2].any() and not cross[1, 1:].any()


def _with_design(tmp_path: Path, design: str | None) -> Path:
    """A copy of the resource whose English model turns every praise into a complaint.

    ``design`` names the English model's design (None: none, as D0's resources).
    """
    with np.load(_polarity_layer._resource(), allow_pickle=False) as data:
        arrays = {k: data[k] for k in data.files if k != "en_design"}
    dense = arrays["en_dense_weights"]
    n = len(POLARITIES)
    plain = n + 1 + _polarity_layer.N_CUES + len(arrays["en_themes"]) + 3 + n * 3  # D0's rows
    if design in ("D1", "D2"):  # the span's rows (0: they change no probability)
        dense = np.vstack([dense[:plain], np.zeros((_polarity_layer.SPAN_CUES + 13, n))])
    else:
        dense = dense[:plain]
    dense = dense.copy()
    dense[POLARITIES.index("positive"), POLARITIES.index("negative")] += 100.0
    arrays["en_dense_weights"] = dense
    if design is not None:
        arrays["en_design"] = np.array(design)
    path = tmp_path / f"{design}.npz"
    np.savez(path, **arrays)  # type: ignore[arg-type]
    return path


def test_only_design_d2_may_turn_praise_into_a_complaint(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # D2 lifts the guard (_correction._FLIPS): a model sure that praise is a complaint makes it
    # one; under D0 (no design named, as the resources before round 18) and D1 it never does.
    texts = pd.Series(["Delivery was quick and the staff were lovely."], dtype="string")
    book = load_pack("retail")
    segments = pd.Series(["passive"])
    before = _tag_polarity(texts, book, segments=segments, learned=True, correct=False)
    assert before.at[0, "delivery"] == "positive"
    got = {}
    for design in (None, "D0", "D1", "D2"):
        path = _with_design(tmp_path, design)
        monkeypatch.setattr(_polarity_layer, "_resource", lambda path=path: path)
        _polarity_layer._models.cache_clear()
        assert _polarity_layer.design("en") == (design or "D0")
        got[design] = tag_polarity(texts, book, segments=segments).at[0, "delivery"]
    _polarity_layer._models.cache_clear()
    assert got == {None: "positive", "D0": "positive", "D1": "positive", "D2": "negative"}
