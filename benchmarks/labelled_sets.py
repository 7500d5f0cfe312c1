"""The labelled training sets the learned layers' scripts read (rounds 2-7), by name.

Every file is named: spent blind sets are read only with ``--blind`` (round 6: 9 to 12; round 7:
9-13 and 15-20), blind set 21 and decision set 26 never, so nothing here globs tests/data.
``benchmarks/theme_layer_eval2.py``, ``benchmarks/polarity_layer_eval.py``, round 4's
``benchmarks/layers_eval4.py`` (round 5 runs it with ``--round 5``) and the two training scripts
take these from here.
"""

from __future__ import annotations

import argparse

#: Training sets 9 and 10, which arrived during round 2 (after the polarity correction's estimate).
TRAIN_9_10 = {
    "t9en": "theme_train9_en.csv",
    "t9ja": "theme_train9_ja.csv",
    "t10en": "theme_train10_en.csv",
    "t10ja": "theme_train10_ja.csv",
}
#: Training sets named by number: round 3's (11-15, training data only, never held out nor
#: chosen on) and round 4's (16 long business comments, 17 typed on phones, 18, 19 and 20
#: from industries new to every other set, disjoint from each other; 20 is training data only) and
#: round 5's (21 and 22, industries new to every other set and to each other, PREREG12).
NUMBERED = {
    n: {f"t{n}{lang}": f"theme_train{n}_{lang}.csv" for lang in ("en", "ja")}
    for n in (
        "11",
        "12",
        "13",
        "14",
        "15",
        "16",
        "17",
        "18",
        "19",
        "20",
        "21",
        "22",
        "23",
        "24",
        "25",
        "26",
        "27",
        "28",
        "29",
        "30",
        "31",
        "32",
        "34",
        "36",
        "38",
    )
}
ROUND3 = ("11", "12", "13", "14", "15")
ROUND4 = ("16", "17", "18", "19", "20")
ROUND5 = ("21", "22")
#: Round 7's new training sets (23 en/ja, 24 and 25: each a decision set once, readable now).
ROUND7 = ("23", "24", "25")
#: Round 8's new training set: 26 (round 7's decision set, read once; readable since blind set 21
#: is spent).
ROUND8 = ("26",)
#: Round 9's new training set: 27 (round 8's decision set, read twice; readable since blind set 22
#: is spent, /work/lead/PREREG23.md).
ROUND9 = ("27",)
#: Round 12's new training set: 28 (rounds 9 and 11's decision set, read twice, spent; training
#: data from round 12 on, /work/lead/PREREG26.md).
ROUND12 = ("28",)
#: Round 13's new training set: 29 (round 12's decision set, read once, spent as a decision set;
#: training data from round 13 on, /work/lead/PREREG27.md).
ROUND13 = ("29",)
#: Round 14's new training sets: 30 (round 13's decision set, read once; English shipped) and 31
#: (the polarity correction round 7's decision set, read once; Japanese shipped), both spent as
#: decision sets; training data from round 14 on (docs/prereg/PREREG30.md).
ROUND14 = ("30", "31")
#: Training set 28 (``theme_train28_{en,ja}.csv``, 400 per language, two blind authors) is round
#: 9's decision set (PREREG23): read whole, at most twice, never trained on while blind set 23 is
#: a measure, so it was not named in ``NUMBERED`` before round 12. Read once (LAY24, candidate 1:
#: Japanese round 9, English as shipped): ja F1 0.819 -> 0.823, P 0.857 -> 0.856: not shipped
#: (English not read).
MAX_C = 4096.0  # where a grid that grows at its top edge stops

#: Round 4 (issue 11): the held-out set of its estimate. Its industries are new to every other
#: set, so the estimate holds out industries, not only comments; only whole figures are read.
TEST4 = "19"
#: Round 4's choice folds: each is predicted by models trained on every other set (never 19 in
#: the estimate), pooled, and C, the thresholds and the added polarity are chosen there. 18 is
#: the fold of industries no other set has.
FOLDS4 = ("6", "7", "8", "18")
#: The choice folds of industries new to every other set (round 4's design W18 weighs them more).
NEW_INDUSTRIES = ("18",)
#: The rules whose tags a choice fold is read over: rules that never saw it, so that their hits
#: there are like hits on new text (e7e3f2f for blind sets 6-8, as rounds 2 and 3 chose; for
#: training set 18, main when it landed, before a rules round could read it).
FOLD_RULES = {
    "6": "e7e3f2f",
    "7": "e7e3f2f",
    "8": "e7e3f2f",
    "18": "395f380",
    "19": "c614311",
    "22": "d0b9abc",
    # round 7: each set's commit adds only the data (set 23 en's, before set 23 ja existed)
    "20": "ec507ef",
    "23": "6b8d1c7",
    "24": "cef96c3",
}

#: Round 5 (PREREG12): the held-out set of its estimate, of industries new to every other set
#: (blind 12's excepted, which no script reads); only whole figures are read, once per design.
TEST5 = "21"
#: Blind set 24 (``theme_eval_blind24.csv``) was a measure (/work/lead/PREREG24.md), read twice as
#: whole figures and so spent; round 11 names it in ``SPENT_BLIND`` (its held-out set).
#: Blind set 25 (``theme_eval_blind25.csv``) was a measure (/work/lead/PREREG25.md), read twice as
#: whole figures and so spent; round 12 names it in ``SPENT_BLIND`` (its held-out set).
#: Blind set 26 (``theme_eval_blind26.csv``) was a measure (/work/lead/PREREG26.md), read twice as
#: whole figures (0108b00, 713f113) and so spent; round 13 names it in ``SPENT_BLIND`` (its
#: held-out set). Decision set 29 (``theme_train29_{en,ja}.csv``) decided round 12 (read once, not
#: shipped); round 13 names it in ``NUMBERED`` (``ROUND13``, training data).
#: Blind set 27 (``theme_eval_blind27.csv``) was a measure (/work/lead/PREREG27.md), read twice as
#: whole figures (2ab4254, dedcfc8) and so spent; round 14 names it in ``SPENT_BLIND``. Decision
#: set 30 (``theme_train30_{en,ja}.csv``) decided round 13 (read once; English shipped); round 14
#: names it in ``NUMBERED`` (``ROUND14``, training data).
#: Blind set 28 (``theme_eval_blind28.csv``) was a measure (/work/lead/PREREG28.md), read twice as
#: whole figures (a955b52, 945fbf7) and so spent; round 14 names it in ``SPENT_BLIND`` (its
#: held-out set). Decision set 31 (``theme_train31_{en,ja}.csv``) decided the polarity
#: correction's round 7 (read once; Japanese shipped); round 14 names it in ``NUMBERED``
#: (``ROUND14``, training data).
#: Round 5's choice folds: round 4's, set 19 (no longer held out; read over rules round 8,
#: c614311, which never tuned on it) and set 22 (over d0b9abc, main before set 22 landed).
FOLDS5 = ("6", "7", "8", "18", "19", "22")
#: Blind sets measured twice each, so no longer measures (PREREG13): a round-6 layer may train on
#: them (``--blind``); blind set 13 is the measure now.
MEASURED_BLIND = {n: f"theme_eval_blind{n}.csv" for n in ("9", "10", "11", "12")}
#: Every blind set read twice (so spent), round 7's training data: 9-12 (round 6's), 13 and
#: 15-20 (``/work/lead/PREREG13.md`` ... ``PREREG20.md``), and 21 (PREREG21, read twice: round
#: 8's training data and the held-out set of its estimate) and 22 (PREREG22, read twice; round
#: 9's training data and the held-out set of its estimate, PREREG23) and 23 (PREREG23, read twice;
#: round 10's training data and the held-out set of its estimate, PREREG24) and 24 (PREREG24, read
#: twice; round 11's training data and the held-out set of its estimate) and 25 (PREREG25, read
#: twice; round 12's training data and the held-out set of its estimate, PREREG26) and 26
#: (PREREG26, read twice; round 13's training data and the held-out set of its estimate,
#: PREREG27) and 27 and 28 (PREREG27, PREREG28, read twice each; round 14's training data, 28
#: the held-out set of its estimate, docs/prereg/PREREG30.md). Blind set 14 does not exist
#: (short-comment set 14 and unit sets 14 are declared not training data in docs/labelling.md);
#: blind sets 29 and 30 (measures, PREREG29, PREREG30) are not named here, nor is decision set 32
#: (round 14's, never trained on). Round 16 (docs/prereg/PREREG35.md) names blind 29, 30 and 33
#: (their last readings taken, PREREG34) here: spent, training data from round 16 on.
SPENT_BLIND = {
    n: f"theme_eval_blind{n}.csv"
    for n in (
        "9", "10", "11", "12", "13", "15", "16", "17", "18", "19", "20", "21", "22", "23", "24",
        "25", "26", "27", "28", "29", "30", "33",
    )
}  # fmt: skip


def _blind_before(first: str) -> tuple[str, ...]:
    """The spent blind sets a round named: those before ``first`` (a later one, spent since)."""
    return tuple(n for n in SPENT_BLIND if int(n) < int(first))


#: Round 5's choices as shipped (8bbac14): (C, t_drop, t_add, added polarity) per language, which
#: round 6 keeps (``--round5-choices``) while it adds data.
ROUND5_CHOICES = {"en": (16.0, 0.20, 0.36, "score"), "ja": (64.0, 0.16, 0.42, "comment")}
#: The commit whose layers are round 5's (what ``--keep`` copies with ``--keep-from round5``).
ROUND5_LAYERS = "8bbac14"
#: Training set 23 (``theme_train23_en.csv``, English only, two blind authors, many comments that
#: use a neighbouring theme's words) is not named here on purpose: it decides whether an English
#: precision change ships (/work/lead/PREREG13.md), read whole, and its industries overlap blind
#: set 13's, so no layer may train on it while blind set 13 is a measure. At 08ec638 it read
#: P/R/F1/polarity 0.782/0.774/0.778/0.857 (rules alone 0.709/0.659/0.683/0.811).
#: Blind sets 15, 16 and 17 (``theme_eval_blind15.csv``, ``theme_eval_blind16.csv``,
#: ``theme_eval_blind17.csv``, /work/lead/PREREG15.md to PREREG17.md) were read twice each and are
#: named nowhere here;
#: blind set 13 and set 23 may be tuned on from then on.
#: Short-comment set 14 (``theme_eval_short14.csv``) was a measure too (/work/lead/PREREG14.md),
#: read twice (7401a76; the no-topic guard of 8a44d0c, not shipped): never trained on; nor
#: are unit sets 14 (``theme_unit14_*.csv``, one business each, /work/lead/PREREG14U.md; read
#: twice: the shipped tagger, then analysts' extends files on the halves they never saw).
#: Training set 24 (``theme_train24_{en,ja}.csv``, 800 per language, four blind authors who never
#: saw blind set 19) is not named here on purpose either: it is the decision set of a clause-reading
#: layer (benchmarks/CLF20_clauses.md), read whole, and some of its industries overlap blind set
#: 19's, so no layer may train on it while blind set 19 is a measure. CLF20 read it once per
#: language (whole figures, shipped tagger at cef96c3: en P/R/F1/polarity 0.846/0.739/0.789/0.851,
#: ja 0.845/0.777/0.810/0.881); the clause layer did not ship. Blind set 19 is spent since, so
#: set 24 may now be trained on.
#: Training set 25 (``theme_train25_{en,ja}.csv``, 400 per language, two blind authors) is the
#: decision set of round 6 of the polarity correction / round 7 of the theme layer
#: (/work/lead/PREREG20.md): read whole, at most twice per layer, never trained on while blind
#: set 20 (``theme_eval_blind20.csv``, a measure, never read by any script here) is a measure.
#: Blind set 20 is spent since (read twice, PREREG20), so set 25 may now be trained on.
#: Training set 26 (``theme_train26_{en,ja}.csv``, 400 per language, two blind authors) is the
#: decision set of round 7 of the theme layer (/work/lead/PREREG21.md): read whole, at most twice,
#: never trained on while blind set 21 (``theme_eval_blind21.csv``, a measure, never read by any
#: script here) is a measure. Read once (LAY22, round 7 against round 5, whole figures): en
#: F1 0.787 -> 0.816, ja 0.819 -> 0.848; round 7 shipped in both languages. Blind set 21 is spent
#: since (read twice, PREREG21). Blind set 22 (``theme_eval_blind22.csv``) is a measure now
#: (/work/lead/PREREG22.md), never read by any script here; training set 27
#: (``theme_train27_{en,ja}.csv``, 400 per language, two blind authors) is its decision set: read
#: whole, at most twice, never trained on while blind set 22 is a measure. Read once (LAY23,
#: theme layer round 8 candidate 1 against round 7, whole figures): en F1 0.830 -> 0.838, P
#: 0.875 -> 0.881; ja F1 0.841 -> 0.839, P 0.888 -> 0.881: round 8 shipped in English only.
#: Read a second and last time (candidate 2, Japanese choices made again): ja F1 0.841 -> 0.841, P
#: 0.888 -> 0.872: not shipped. Blind set 22 is spent since (read twice, PREREG22), so set 27 may
#: now be trained on. Blind set 23 (``theme_eval_blind23.csv``) was a measure
#: (/work/lead/PREREG23.md); training set 28 (``theme_train28_{en,ja}.csv``, 400 per language,
#: two blind authors) is its decision set: read whole, at most twice, never trained on. Blind set
#: 23 is spent since (read twice, PREREG23: round 10's training data and held-out set); set 28
#: keeps one reading, for one learned candidate (PREREG24), and is still never trained on. Read
#: the second and last time (LAY26, round 11 candidate PF in both languages, whole figures): en
#: F1 0.826 -> 0.834, P 0.869 -> 0.874, polarity 0.847 -> 0.841 (not met); ja F1 0.819 -> 0.827,
#: P 0.857 -> 0.854, polarity 0.924 -> 0.923 (met: Japanese round 11 shipped). Set 28 is spent.
#: Round 5's choice folds of industries new to every other set.
NEW_INDUSTRIES5 = ("18", "19", "22")
#: The commit that shipped round 3's layers (the layers on main when round 5 began): round 5's
#: precision floor is that of its theme layer on ``NEW_INDUSTRIES5``, which it never saw.
ROUND3_LAYERS = "0c41a95"

#: Round 7 (/work/lead/PREREG21.md): the held-out set of its estimate, blind set 20 (four authors,
#: industries no other set has, never tuned on by any rules round), read whole only.
TEST7 = "b20"
#: Round 7's choice folds: round 5's and the newest sets of new industries, 20, 23 and 24, each
#: read over the rules of the commit that added it (``FOLD_RULES``: no rules round had seen it).
FOLDS7 = (*FOLDS5, "20", "23", "24")
#: The folds of new industries whose precision floors a ``p_floor`` choice (round 3's layer, which
#: never saw any of them); round 5's folds name only 18, 19 and 22 of them, so it chooses as it did.
NEW_INDUSTRIES7 = (*NEW_INDUSTRIES5, "20", "23", "24")
#: Round 7's training sets by default: every numbered set, and every spent blind set
#: (``--blind``); 14 and the improvement-answer sets imp12/imp13 (read with another question,
#: ``asks="improvement"``) are not training data, nor the ``*_second`` relabellings of sets read.
TRAIN7 = (*ROUND3, *ROUND4, *ROUND5, *ROUND7)
BLIND7 = _blind_before("21")

#: Round 8 (LAY23, /work/lead/PREREG22.md): the held-out set of its estimate, blind set 21 (four
#: authors, industries new to every other set, read twice so spent), read whole only; then
#: trained on. The choice folds and the folds of the precision floor are round 7's.
TEST8 = "b21"
FOLDS8 = FOLDS7
NEW_INDUSTRIES8 = NEW_INDUSTRIES7
#: Round 8's training sets: round 7's, set 26 and every spent blind set, 21 included.
TRAIN8 = (*TRAIN7, *ROUND8)
BLIND8 = _blind_before("22")

#: Round 9 (LAY24, /work/lead/PREREG23.md): the held-out set of its estimate, blind set 22 (new
#: industries, read twice so spent), read whole only; then trained on. Round 8's folds and floor.
TEST9 = "b22"
FOLDS9 = FOLDS8
NEW_INDUSTRIES9 = NEW_INDUSTRIES8
#: Round 9's training sets: round 8's, set 27 and every spent blind set, 22 included.
TRAIN9 = (*TRAIN8, *ROUND9)
BLIND9 = _blind_before("23")

#: Round 10 (LAY25, /work/lead/PREREG23.md and PREREG24.md): round 9's procedure unchanged (its
#: folds, floor, full C grid and declared variant PF-0.01), the data grown by blind set 23 (read
#: twice, PREREG23, so spent), which is the held-out set of its estimate, read whole only; then
#: trained on. No new numbered set: decision set 28 is never trained on.
TEST10 = "b23"
FOLDS10 = FOLDS9
NEW_INDUSTRIES10 = NEW_INDUSTRIES9
TRAIN10 = TRAIN9
BLIND10 = _blind_before("24")

#: Round 11 (LAY26, PREREG23's rule and set 28's last reading, PREREG24): round 10's procedure
#: unchanged (its folds, floor, full C grid and declared variant PF-0.01), the data grown by blind
#: sets 23 and 24 (both read twice, so spent); blind 24, the newest, is the held-out set of its
#: estimate, read whole only; then trained on. No new numbered set: set 28 is never trained on.
TEST11 = "b24"
FOLDS11 = FOLDS10
NEW_INDUSTRIES11 = NEW_INDUSTRIES10
TRAIN11 = TRAIN10
BLIND11 = _blind_before("25")

#: Round 12 (LAY27, /work/lead/PREREG26.md, decision set 29): round 11's procedure unchanged (its
#: folds, floor, full C grid and declared variant PF-0.01), the data grown by blind set 25 (read
#: twice, PREREG25, so spent) and training set 28 (rounds 9 and 11's decision set, spent);
#: blind 25, the newest, is the held-out set of its estimate, read whole only; then trained on.
#: Decision set 29 is never trained on. Read once (LAY27, candidate en PF, ja PF-0.01): en F1
#: 0.855 -> 0.859, polarity 0.896 -> 0.871; ja F1 0.872 -> 0.875, P 0.882 -> 0.873: not shipped.
TEST12 = "b25"
FOLDS12 = FOLDS11
NEW_INDUSTRIES12 = NEW_INDUSTRIES11
TRAIN12 = (*TRAIN11, *ROUND12)
BLIND12 = _blind_before("26")

#: Round 13 (LAY28, /work/lead/PREREG27.md, decision set 30): round 12's procedure unchanged (its
#: folds, floor, full C grid and declared variant PF-0.01), the data grown by blind set 26 (read
#: twice, PREREG26, so spent) and training set 29 (round 12's decision set, read once, spent);
#: blind 26, the newest, is the held-out set of its estimate, read whole only; then trained on.
#: Decision set 30 is never trained on. Read once (LAY28, candidate en PF, ja PF-0.01): en F1
#: 0.841 -> 0.850, P +0.007, polarity -0.003 (English round 13 shipped); ja F1 0.885 -> 0.885, P
#: 0.886 -> 0.880 (not shipped).
TEST13 = "b26"
FOLDS13 = FOLDS12
NEW_INDUSTRIES13 = NEW_INDUSTRIES12
TRAIN13 = (*TRAIN12, *ROUND13)
BLIND13 = _blind_before("27")

#: Round 14 (LAY29, docs/prereg/PREREG30.md, decision set 32): round 13's procedure unchanged (its
#: folds, floor, full C grid and declared variant PF-0.01), the data grown by blind sets 27 and
#: 28 (read twice each, PREREG27 and PREREG28, so spent) and training sets 30 and 31 (the decision
#: sets of theme round 13 and polarity round 7, read once each, spent); blind 28, the newest, is
#: the held-out set of its estimate, read whole only; then trained on. Decision set 32 is never
#: trained on. Outcome (LAY29, 348a217): no candidate in either language (both raise F1 on blind
#: 28, en +0.018 / ja +0.012, but lose more than 0.005 of polarity accuracy, en -0.0054 / ja
#: -0.008), so nothing shipped and set 32 was not read: it keeps its one reading.
TEST14 = "b28"
FOLDS14 = FOLDS13
NEW_INDUSTRIES14 = NEW_INDUSTRIES13
TRAIN14 = (*TRAIN13, *ROUND14)
BLIND14 = tuple(SPENT_BLIND)

#: Round 15 (LAY30, docs/prereg/PREREG31.md, decision set 32): round 14's theme-layer choices,
#: fixed and not chosen again (en PF C 16, t_drop 0.16, t_add 0.42, ``comment``; ja C 64, 0.20 /
#: 0.38, ``comment``), on round 14's data unchanged (no new training set: ``ROUND15`` is empty),
#: blind 28 the held-out set of its estimate (``TEST15``, the same set as ``TEST14``, a blind
#: set's name ``bN``), paired with the polarity correction refitted on the new layer's mentions
#: (``benchmarks/polarity_round8.py``). Decision set 32 is never trained on.
ROUND15: tuple[str, ...] = ()
TEST15 = TEST14
FOLDS15 = FOLDS14
NEW_INDUSTRIES15 = NEW_INDUSTRIES14
TRAIN15 = (*TRAIN14, *ROUND15)
BLIND15 = BLIND14

#: Round 16 (LAY31, docs/prereg/PREREG35.md, decision set 36): round 15's design and choices,
#: unchanged and not chosen again (theme layer en PF C 16, 0.16 / 0.42, ``comment``; ja C 64,
#: 0.20 / 0.38, ``comment``; correction G2T en C 4, t 0.30, t_added 0.50; ja C 4, 0.40 / 0.60),
#: on round 15's data grown by training sets 32 and 34 (decision sets of rounds 15 and 34, read
#: once each, spent) and blind sets 29, 30 and 33 (``SPENT_BLIND``); blind 33, the newest, is the
#: held-out set of its estimate (``TEST16``), read whole only, then trained on. Decision set 36
#: (``theme_train36_{en,ja}.csv``) is never trained on.
ROUND16 = ("32", "34")
TEST16 = "b33"
FOLDS16 = FOLDS15
NEW_INDUSTRIES16 = NEW_INDUSTRIES15
TRAIN16 = (*TRAIN15, *ROUND16)
BLIND16 = tuple(SPENT_BLIND)

#: Round 17 (LAY32, docs/prereg/PREREG36.md, decision set 38): round 14's theme-layer choices
#: unchanged (en PF C 16, 0.16 / 0.42, ``comment``; ja C 64, 0.20 / 0.38, ``comment``), the
#: polarity correction of round 15's design with its choice made again on the new layer's
#: mentions (``benchmarks/polarity_round10.py``), on round 16's data grown by training set 36
#: (round 16's decision set, read once, spent); set 36 is the held-out set of its estimate
#: (``TEST17``, both languages, read whole only), then trained on. Decision set 38
#: (``theme_train38_{en,ja}.csv``) is never trained on and is not named here.
ROUND17 = ("36",)
TEST17 = "36"
FOLDS17 = FOLDS16
NEW_INDUSTRIES17 = NEW_INDUSTRIES16
TRAIN17 = (*TRAIN16, *ROUND17)
BLIND17 = tuple(SPENT_BLIND)

#: Round 18 (EN18 / JA18, docs/prereg/PREREG37.md, decision set 40): round 17's data grown by
#: training set 38 (round 17's decision set, read once, spent); set 38 is the held-out set of its
#: estimate (``TEST18``, both languages, read whole only), then trained on. English: round 14's
#: layer choices, the correction's design chosen among D0/D1/D2; Japanese: the layer's features
#: chosen among F0/F1 (PREREG37). Decision set 40 is never trained on and is not named here.
ROUND18 = ("38",)
TEST18 = "38"
FOLDS18 = FOLDS17
NEW_INDUSTRIES18 = NEW_INDUSTRIES17
TRAIN18 = (*TRAIN17, *ROUND18)
BLIND18 = tuple(SPENT_BLIND)


def training(names: list[str] | tuple[str, ...]) -> dict[str, str]:
    """The files of the numbered training sets named (``"11"`` ... ``"22"``), per language."""
    return {k: v for n in names for k, v in NUMBERED[n].items()}


def fold_of(name: str) -> str:
    """The set a read set's name belongs to (``"t18en"`` -> ``"18"``; blind sets keep theirs)."""
    if name.startswith("t") and name[1:-2] in NUMBERED:
        return name[1:-2]
    return name


def add_data_options(
    parser: argparse.ArgumentParser, *, fold_choices: list[str] | None = None
) -> None:
    """Add the options both training scripts take for their data: which sets train, which choose.

    ``--train`` (the numbered sets, round 5's by default: all), ``--folds`` (the choice folds,
    ``FOLDS5`` by default; ``fold_choices`` restricts them), ``--without`` (the sets kept out
    of the choice and trained on after it, ``TEST5`` by default) and ``--keep`` (languages whose
    round-3 models are copied, for a language whose new model does not ship). One definition,
    so that the theme layer and the polarity correction are trained on the same data by default.
    """
    parser.add_argument(
        "--train",
        nargs="*",
        default=[*ROUND3, *ROUND4, *ROUND5],
        choices=list(NUMBERED),
        help="numbered training sets (all by default; none: round 2's data)",
    )
    parser.add_argument(
        "--folds",
        nargs="+",
        default=list(FOLDS5),
        choices=fold_choices,
        help="the choice folds (round 5: 6 7 8 18 19 22; round 4: 6 7 8 18; round 3: 6 7 8)",
    )
    parser.add_argument(
        "--without",
        nargs="*",
        default=[TEST5],
        help="sets kept out of the choice, trained on after it (round 5: 21, round 4: 19; "
        "none: round 3's)",
    )
    parser.add_argument(
        "--blind",
        nargs="*",
        default=[],
        choices=list(SPENT_BLIND),
        help="blind sets measured twice, trained on too (round 6: 9 10 11 12; round 7: every "
        "one, 9-13 and 15-20)",
    )
    parser.add_argument(
        "--keep",
        nargs="+",
        default=[],
        choices=["en", "ja"],
        help=f"languages whose models are copied from the resource as shipped at {ROUND3_LAYERS} "
        "(round 3's) instead of trained",
    )
