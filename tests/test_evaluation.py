"""Quality of theme mentions on labelled comments, and the evaluation itself.

The old set (tests/data/theme_eval.csv, themes without polarity) shaped the first dictionaries.
Each blind set was written by authors who saw only the theme schema (never the dictionaries,
the rules or the other sets), measured once untouched, and tuned on in a later round: set 1
(theme_eval_blind.csv), set 2 (theme_eval_blind2.csv), set 3 (theme_eval_blind3.csv, measured
untouched before and after round 3, tuned on in round 4). Blind set 4 (theme_eval_blind4.csv,
520 comments, 40 % of them hard cases: negation, requests, sarcasm, words that look like a theme
but are not) was written before round 4's tuning and measured only after it, as whole figures;
blind set 5 (theme_eval_blind5.csv, 520 comments from other industries, written the same way at the
start of round 5) was a second never-tuned measure. Round 7 tuned on both (set 4 first, then set 5
once measured untouched as the round's held-out estimate). The floors are the figures reached
(rounded down), so a change that loses quality on any set fails here. Training set 5
(theme_train5_*.csv, 960 comments written the same way) cross-validated the learned layers
of round 5, when no rule had been tuned on it; round 6 tuned the rules on it (even ids
first, odd ids measured as held out). Blind set 6 (theme_eval_blind6.csv, 520 comments from yet
other industries, 15 % of them promoters who complain or detractors who praise) was written at the
start of round 6, measured before its tuning and after it, and never tuned on (only its whole
figures are read). A second author
labelled training set 5 again, blind to the first author's labels (theme_train5_*_second.csv):
their agreement is the ceiling the targets sit under. Blind set 7 (theme_eval_blind7.csv, 520
comments from yet other industries, written the same way while round 7 tuned the rules on blind
sets 4 and 5) was first measured on the commit before round 7 and is never tuned on either.
Blind set 8 (theme_eval_blind8.csv, 520 comments from yet other industries, written the same way
by two new authors) was first measured at d2f96da, before any change of the session that wrote
it, and is never tuned on by the rules. Since round 2 of the learned layer, sets 6, 7 and 8 are
among the layer's training data (so are training sets 9 to 15): their figures with the layer
are not measures any more. Blind set 9 (theme_eval_blind9.csv) was measured twice by the lead
and is a regression guard; blind set 10 (theme_eval_blind10.csv) is the measure left: its rules'
floors guard the dictionaries, and the learned layers' figure there is read only by the lead.
The learned polarity correction is trained on every set with polarities but blind sets 9 and 10
as well.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nps_kit.errors import DataError
from nps_kit.text.evaluation import evaluate_mentions, parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.themes import evaluate_themes

DATA = Path(__file__).resolve().parent / "data"
OLD = pd.read_csv(DATA / "theme_eval.csv", keep_default_na=False)
BLIND = pd.read_csv(DATA / "theme_eval_blind.csv", keep_default_na=False, dtype=str)
BLIND2 = pd.read_csv(DATA / "theme_eval_blind2.csv", keep_default_na=False, dtype=str)
BLIND3 = pd.read_csv(DATA / "theme_eval_blind3.csv", keep_default_na=False, dtype=str)
BLIND4 = pd.read_csv(DATA / "theme_eval_blind4.csv", keep_default_na=False, dtype=str)
BLIND5 = pd.read_csv(DATA / "theme_eval_blind5.csv", keep_default_na=False, dtype=str)
BLIND6 = pd.read_csv(DATA / "theme_eval_blind6.csv", keep_default_na=False, dtype=str)
BLIND7 = pd.read_csv(DATA / "theme_eval_blind7.csv", keep_default_na=False, dtype=str)
BLIND8 = pd.read_csv(DATA / "theme_eval_blind8.csv", keep_default_na=False, dtype=str)
BLIND9 = pd.read_csv(DATA / "theme_eval_blind9.csv", keep_default_na=False, dtype=str)
BLIND10 = pd.read_csv(DATA / "theme_eval_blind10.csv", keep_default_na=False, dtype=str)
BLIND11 = pd.read_csv(DATA / "theme_eval_blind11.csv", keep_default_na=False, dtype=str)
BLIND12 = pd.read_csv(DATA / "theme_eval_blind12.csv", keep_default_na=False, dtype=str)
BLIND13 = pd.read_csv(DATA / "theme_eval_blind13.csv", keep_default_na=False, dtype=str)
BLIND15 = pd.read_csv(DATA / "theme_eval_blind15.csv", keep_default_na=False, dtype=str)
BLIND16 = pd.read_csv(DATA / "theme_eval_blind16.csv", keep_default_na=False, dtype=str)
BLIND17 = pd.read_csv(DATA / "theme_eval_blind17.csv", keep_default_na=False, dtype=str)
# Blind set 18: two more blind authors (/work/lead/PREREG18.md), read only as whole figures.
BLIND18 = pd.read_csv(DATA / "theme_eval_blind18.csv", keep_default_na=False, dtype=str)
# Blind set 19: four more authors (/work/lead/PREREG19.md), read only as whole figures.
BLIND19 = pd.read_csv(DATA / "theme_eval_blind19.csv", keep_default_na=False, dtype=str)
# Blind set 20: merged unread (only its format is tested here); read as /work/lead/PREREG20.md says.
BLIND20 = pd.read_csv(DATA / "theme_eval_blind20.csv", keep_default_na=False, dtype=str)
BLIND21 = pd.read_csv(DATA / "theme_eval_blind21.csv", keep_default_na=False, dtype=str)
# Blind set 22: merged unread (only its format is tested here); read as /work/lead/PREREG22.md says.
BLIND22 = pd.read_csv(DATA / "theme_eval_blind22.csv", keep_default_na=False, dtype=str)
# Blind set 23: merged unread (only its format is tested here); read as /work/lead/PREREG23.md says.
BLIND23 = pd.read_csv(DATA / "theme_eval_blind23.csv", keep_default_na=False, dtype=str)
# Blind set 24: merged unread (only its format is tested here); read as /work/lead/PREREG24.md says.
BLIND24 = pd.read_csv(DATA / "theme_eval_blind24.csv", keep_default_na=False, dtype=str)
# Blind set 25: merged unread (only its format is tested here); read as /work/lead/PREREG25.md says.
BLIND25 = pd.read_csv(DATA / "theme_eval_blind25.csv", keep_default_na=False, dtype=str)
# Blind set 26: merged unread, read twice as /work/lead/PREREG26.md says (floors below).
BLIND26 = pd.read_csv(DATA / "theme_eval_blind26.csv", keep_default_na=False, dtype=str)
# Blind set 27: merged unread, read twice as /work/lead/PREREG27.md says (floors below).
BLIND27 = pd.read_csv(DATA / "theme_eval_blind27.csv", keep_default_na=False, dtype=str)
# Blind set 28: merged unread, read twice as /work/lead/PREREG28.md says (floors below).
BLIND28 = pd.read_csv(DATA / "theme_eval_blind28.csv", keep_default_na=False, dtype=str)
# Blind set 29: merged unread (only its format is tested here); read once (4c8ece2) as
# /work/lead/PREREG29.md says, its second reading kept for the next text change.
BLIND29 = pd.read_csv(DATA / "theme_eval_blind29.csv", keep_default_na=False, dtype=str)
# Blind set 30: merged unread (only its format is tested here); read once (754f2f3's text code) as
# docs/prereg/PREREG30.md says, its second reading after theme layer round 14 is decided.
BLIND30 = pd.read_csv(DATA / "theme_eval_blind30.csv", keep_default_na=False, dtype=str)
# Blind set 33: merged unread (only its format is tested here); read once at af1bbce as
# docs/prereg/PREREG31.md says (shipped en 0.890/0.739/0.777, ja 0.828/0.696/0.851), its second
# reading kept for a later tagger change.
BLIND33 = pd.read_csv(DATA / "theme_eval_blind33.csv", keep_default_na=False, dtype=str)
# Blind set 35: merged unread (only its format is tested here), docs/prereg/PREREG34.md; read
# once at 00ea0ea (PREREG35: en 0.850/0.734/0.767, ja 0.830/0.754/0.866), its second reading kept.
BLIND35 = pd.read_csv(DATA / "theme_eval_blind35.csv", keep_default_na=False, dtype=str)
# Blind set 37: merged unread (only its format is tested here), docs/prereg/PREREG36.md; not read
# in the session that commissioned it, kept as the unseen measure of the next tagger change.
BLIND37 = pd.read_csv(DATA / "theme_eval_blind37.csv", keep_default_na=False, dtype=str)
# Blind set 39: merged unread (only its format is tested here), docs/prereg/PREREG37.md; kept
# as the unseen measure after blind 37 is read.
BLIND39 = pd.read_csv(DATA / "theme_eval_blind39.csv", keep_default_na=False, dtype=str)
SHORT14 = pd.read_csv(DATA / "theme_eval_short14.csv", keep_default_na=False, dtype=str)
# Food set 1 (FOOD57): 150 restaurant, café, takeaway and delivery comments per language, written
# by blind authors from docs/labelling.md's food section alone, all of the food pack.
FOOD1 = pd.read_csv(DATA / "theme_eval_food1.csv", keep_default_na=False, dtype=str)
# Food set 2: one more blind author, from the same page (and food set 1 for the conventions),
# after the pack was tuned on set 1.
FOOD2 = pd.read_csv(DATA / "theme_eval_food2.csv", keep_default_na=False, dtype=str)
# Logistics set 1 (LOG76): 150 freight, courier, 3PL, customs and removals comments per language,
# written by two blind authors from docs/labelling.md's logistics section alone (written before
# the pack), all of the logistics pack. Read once, then tuned on (LOG77).
LOGISTICS1 = pd.read_csv(DATA / "theme_eval_logistics1.csv", keep_default_na=False, dtype=str)
# Logistics set 2: two more blind authors, from the same page (and set 1 for the conventions),
# after the pack was tuned on set 1.
LOGISTICS2 = pd.read_csv(DATA / "theme_eval_logistics2.csv", keep_default_na=False, dtype=str)
#: The packs of the mixed blind sets (every pack but food, which has sets of its own).
MIXED_PACKS = {"retail", "saas", "finance", "generic"}


def _both_languages(name: str) -> pd.DataFrame:
    """Read a labelled set kept as one file per language (``<name>_en.csv``, ``<name>_ja.csv``)."""
    return pd.concat(
        [
            pd.read_csv(DATA / f"{name}_{lang}.csv", keep_default_na=False, dtype=str)
            for lang in ("en", "ja")
        ],
        ignore_index=True,
    )


TRAIN5 = _both_languages("theme_train5")
# Decision set 42 (docs/prereg/PREREG39.md): its Japanese rows are spent, its English rows unread
# and kept apart (tests/data/unread/) so that no glob over tests/data/theme_* reads them.
TRAIN42 = pd.concat(
    [
        pd.read_csv(DATA / "unread" / "set42_en.csv", keep_default_na=False, dtype=str),
        pd.read_csv(DATA / "theme_train42_ja.csv", keep_default_na=False, dtype=str),
    ],
    ignore_index=True,
)
# Decision set 43 (docs/prereg/PREREG40.md): merged unread, both languages kept apart and unread.
SET43 = pd.concat(
    [
        pd.read_csv(DATA / "unread" / f"set43_{lang}.csv", keep_default_na=False, dtype=str)
        for lang in ("en", "ja")
    ],
    ignore_index=True,
)

# (precision, recall, polarity accuracy) per language. The first two sets label a shipping fee
# ("£6.99 postage on a £10 order") delivery as well as price; the schema since (docs/labelling.md)
# and every later set say price only, which the retail pack's delivery excludes follow since
# 54c531c+: English rules-alone recall floors 0.96 -> 0.95 and 0.98 -> 0.97 for that.
BLIND_TUNED = {"en": (0.94, 0.95, 0.91), "ja": (0.96, 0.98, 0.95)}
BLIND2_TUNED = {"en": (0.92, 0.97, 0.89), "ja": (0.95, 0.99, 0.97)}
BLIND3_TUNED = {"en": (0.93, 0.93, 0.91), "ja": (0.91, 0.95, 0.95)}
# Tuned on in round 6 (was ja 0.888/0.836/0.825 before it; odd ids held out while the even ids
# were tuned on went from ja 0.901/0.836/0.836 to 0.905/0.851/0.850)
# en: was 0.840/0.806/0.796 before round 6; odd ids held out while the even ids were tuned on went
# from en 0.834/0.808/0.819 to 0.826/0.818/0.821; after tuning on both halves 0.901/0.907/0.879
# Polarity read through the segment where a comment judges nothing (tag_polarity(segments=)):
# en 0.879 -> 0.891, ja 0.918 -> 0.897 (this set's author labelled detractors' bare facts neutral)
TRAIN5_TUNED = {"en": (0.90, 0.90, 0.89), "ja": (0.93, 0.94, 0.89)}
# Was en 0.809/0.784/0.678, ja 0.789/0.831/0.736 before round 4 (at 7b38d33), never tuned on
# until round 7. After round 6 (tuned on training set 5): en 0.838/0.795/0.714, ja
# 0.800/0.854/0.791; polarity through the segment where a comment judges nothing: en 0.764, ja
# 0.821. Round 7 tuned on it: en 0.884/0.932/0.872, ja 0.917/0.946/0.912. ERR26's judged
# delivery driver -> staff (the neighbour ruling, 17 of 19 readable comments) tags a driver
# blind 4 labelled delivery only: en precision 0.8794 since.
BLIND4_TUNED = {"en": (0.87, 0.93, 0.87), "ja": (0.91, 0.94, 0.91)}
# First measured at 41fb5a8, never tuned on until round 7. After round 6: en 0.795/0.766/0.775,
# ja 0.809/0.796/0.828; polarity through the segment where a comment judges nothing: en 0.811, ja
# 0.851. Round 7, held out while set 4 was tuned on: en 0.793/0.780/0.821; after tuning on it too:
# en 0.838/0.864/0.909; ja held out 0.809/0.796/0.863, after tuning on it 0.850/0.863/0.915
BLIND5_TUNED = {"en": (0.83, 0.86, 0.90), "ja": (0.85, 0.86, 0.91)}
# Never tuned on (first measured at 1832ae3: en 0.805/0.800/0.743, ja 0.806/0.783/0.787)
# After round 6: en 0.805/0.811/0.746, ja 0.816/0.796/0.813
# Polarity through the segment where a comment judges nothing (pre-registered ship rule, one
# measurement, whole figures only): en 0.746 -> 0.785, ja 0.813 -> 0.829
# After round 7's English tuning on blind sets 4 and 5: en 0.806/0.820/0.808 (the English helper
# read this set's whole precision about 8 times to find which set-5 words cost it, and dropped two:
# 'smashed' and a bare 'listing'; so English precision here is not strictly untuned any more)
# After round 7's Japanese tuning: ja 0.826/0.808/0.870
# With the learned layer (one measurement, whole figures, before its floors were set): en
# 0.806/0.820/0.812 -> 0.834/0.817/0.815, ja 0.826/0.808/0.870 -> 0.877/0.814/0.863
# Round 2 of the layer trains on sets 6, 7 and 8: the rules are still never tuned on them (the
# *_RULES floors, learned=False), the layer is (*_LAYER_TRAINED: not estimates of anything; the
# honest estimate, each set held out in turn, is in benchmarks/theme_layer_eval2.py)
BLIND6_RULES = {"en": (0.80, 0.82, 0.81), "ja": (0.82, 0.80, 0.86)}
# Round 8 of the English theme layer (LAY23; 260 more English comments: set 26, blind 21) fits
# set 6 a little less closely: in-sample English precision 0.980 -> 0.978 (356 found, 348 right;
# floor re-measured, rounded down).
# Round 13 of the English layer (LAY28: C 4 where round 8 had 16, so it fits its training sets less
# closely) reads it in-sample 0.953/0.983/0.910 (floors re-measured, rounded down).
BLIND6_LAYER_TRAINED = {"en": (0.95, 0.98, 0.90), "ja": (0.99, 1.00, 0.93)}
# Never tuned on. First measured at 6cfe1fd (before this round): en 0.794/0.789/0.804, ja
# 0.787/0.787/0.823 (words only); with the score read where a comment judges nothing
# (db20a0b): en 0.794/0.789/0.829, ja 0.787/0.787/0.827
# After round 7's English tuning on blind sets 4 and 5: en 0.791/0.806/0.857
# After round 7's Japanese tuning: ja 0.780/0.795/0.854. Japanese precision fell from 0.787 to
# 0.7799 (280 of 359): the set-4 theme words added 5 tags here, 1 of them right. The floor was
# lowered rather than the words chosen by this set's totals, which would tune on it.
# With the learned layer (one measurement; the layer's helper once saw ja 0.803/0.801/0.848 in
# a failing floor's message and used it for nothing): en 0.791/0.806/0.857 -> 0.843/0.846/0.857,
# ja 0.780/0.795/0.854 -> 0.803/0.801/0.848
# Round 8's English rules (tuned on training sets 16-18 and 20, never on this set): en
# 0.791/0.806/0.857 -> 0.788/0.837/0.869 (15 more themes found, 11 right); the precision floor
# was lowered, as in round 7, rather than words chosen by this set's totals.
BLIND7_RULES = {"en": (0.78, 0.80, 0.85), "ja": (0.77, 0.79, 0.85)}
# Round 13 of the English layer: in-sample 0.964/0.978/0.928 (floors rounded down).
BLIND7_LAYER_TRAINED = {"en": (0.96, 0.97, 0.92), "ja": (0.99, 1.00, 0.93)}
# Never tuned on. First measured at d2f96da: en 0.821/0.746/0.826, ja 0.815/0.818/0.861 (words
# only: polarity en 0.785, ja 0.836)
# With the learned layer (one measurement): en 0.821/0.746/0.826 -> 0.863/0.746/0.819, ja
# 0.815/0.818/0.861 -> 0.868/0.845/0.845 (the rules after the probe-7 dictionary cases scored
# the same as at d2f96da)
BLIND8_RULES = {"en": (0.82, 0.74, 0.82), "ja": (0.81, 0.81, 0.86)}
# Round 13 of the English layer: in-sample English precision 0.978 (floor rounded down).
BLIND8_LAYER_TRAINED = {"en": (0.97, 0.98, 0.92), "ja": (0.99, 1.00, 0.93)}
# The floors above for the tuning sets are of the dictionaries alone (learned=False): they guard
# the rules. With the learned layer, which was trained on these sets (so the figures are not
# estimates of anything; benchmarks/layers_eval4.py is), measured at round 5's commit (round
# 3's floors: en P 0.97/0.96/0.95/0.97/0.97/0.95, ja 0.98/0.98/0.97/0.98/0.98/0.98; at round 2's:
# en P 0.97/0.97/0.95/0.96/0.96/0.93, ja 0.98/0.98/0.98/0.99/0.98/0.99; the *_LAYER_TRAINED
# floors of sets 6-8 re-measured at round 5's commit too). The
# layer's added themes take their polarity from the comment's judgement or the score. Polarity
# with the learned polarity correction, trained on these sets and 6-8 too (in-sample; its honest
# estimate is benchmarks/polarity_layer_eval.py's; before it: en 0.92/0.92/0.92/0.89/0.87/0.88,
# ja 0.96/0.98/0.96/0.89/0.91/0.90, and on sets 6-8 en 0.79/0.84/0.81, ja 0.85/0.83/0.84).
# Japanese round 11 of the theme layer (LAY26: more data, its thresholds chosen again, t_drop
# 0.14) reads Japanese precision 0.989 (second), 0.982 (third) and 0.998 (train5): floors 0.01
# lower there.
# English round 13 of the theme layer (LAY28: C 4 where round 8 had 16, thresholds 0.22 / 0.40)
# fits these sets less closely: in-sample English P/R/polarity first 0.972/1.000/0.964, second
# 0.963/0.997/0.974, third 0.938/0.988/0.964, train5 0.971/0.980/0.936, fourth 0.954/0.994/0.931,
# fifth 0.951/0.983/0.941 (held out, blind set 26 and decision set 30, it gained F1); the English
# floors are these figures rounded down where they were below the old ones.
LAYER_TUNED = {
    "first": {"en": (0.97, 1.00, 0.96), "ja": (0.99, 1.00, 0.98)},
    "second": {"en": (0.96, 0.99, 0.97), "ja": (0.98, 1.00, 0.98)},
    "third": {"en": (0.93, 0.98, 0.96), "ja": (0.98, 1.00, 0.96)},  # trained: ja polarity
    # ERR23's ruling added staff to three phone-person comments of train5 ja (電話の方は親切): the
    # layer, trained before it, does not add it (recall 0.996) until it is retrained over them
    "train5": {"en": (0.97, 0.97, 0.93), "ja": (0.99, 0.99, 0.93)},  # trained: ja polarity
    "fourth": {"en": (0.95, 0.98, 0.92), "ja": (0.99, 1.00, 0.96)},
    "fifth": {"en": (0.95, 0.98, 0.94), "ja": (1.00, 1.00, 0.94)},
}
# Round 6 of the correction (RET21, benchmarks/polarity_round6.py): English C = 4 where round 5
# had 16, so it fits its training sets less closely; in-sample English polarity of the sets
# above and of set 7 fell (first 0.974, third 0.967, train5 0.943, fourth 0.929, fifth 0.947,
# set 7 0.934; their floors were 0.98, 0.98, 0.96, 0.96, 0.96, 0.94) while held out it rose
# (3,374 -> 3,394 right of 3,867 mentions of the sets round 5 never saw; set 25 353 -> 357 of
# 405): the floors are these figures rounded down.
# Round 7 of the correction (POL24, benchmarks/polarity_round7.py): Japanese C = 4 where round 6
# had 16, so it fits its training sets less closely: in-sample Japanese polarity third 0.978,
# train5 0.945 (floors were 0.98 and 0.96) while held out it rose (3,755 -> 3,763 right of 4,268
# mentions of the sets round 6 never trained on); those two floors are these figures less 0.01,
# rounded down (trained floors: the model trains on both sets).
# FIX19: a theme the Japanese layer adds to a comment that praises and complains takes its own
# clause's judgement, not the score's (nps_kit/text/_added.py): on set 5 (in-sample) Japanese
# polarity 313 -> 312 of 329 mentions (0.951 -> 0.948: two fixed, three lost where the rules
# misread the clause, 5kg落ちました as a complaint), so its floor is 0.94; over every readable
# labelled set Japanese polarity is 19,132 -> 19,194 right.
# The English addition verifier (nps_kit/text/_layer.py's _VETTING, issue 11) drops some of the
# additions of a layer that learned these sets by heart, right ones too: English recall here
# 1.00 -> 0.988 (train5), 0.994 (fourth), 0.992 (fifth), 0.991 / 0.986 / 0.989 (sets 6-8), so
# those floors are 0.98 (in-sample figures, not estimates; its estimate is
# benchmarks/addition_vet_eval.py's leave-one-set-out). On set 6 English polarity 0.920 (322 of
# 350, on the floor) -> 0.919 (319 of 347: the three right additions it drops had the right
# polarity), so that floor is 0.91.
# Round 7 of the theme layer (LAY22), trained on 4,860 more comments per language, fits these
# sets a little less closely: in-sample precision en first 0.990 -> 0.987, third 0.988 -> 0.979,
# ja set 7 1.000 -> 0.997, set 8 1.000 -> 0.994 (floors re-measured, rounded down).
# Blind set 9 (520 comments, industries shared with set 7's, written the same way by two new
# authors) was measured twice by the lead only, whole figures, with the score, each measurement
# declared before it (no error row read, no choice made from it): at e7e3f2f (rules + layer
# round 1) en 0.883/0.771/0.816, ja 0.859/0.828/0.879, rules alone en 0.839/0.756/0.818, ja
# 0.829/0.817/0.877; at 4d59c45 (layer round 2 + polarity correction) en 0.889/0.800/0.832, ja
# 0.883/0.828/0.907 (layer round 2 alone: en 0.889/0.800/0.794, ja 0.883/0.828/0.871). It is a
# regression guard now. The rules' floors are the figures rounded down; the learned floors leave
# 0.02 below them so that a retrained layer is judged by its own held-out estimate, not here.
# Since round 7 of the theme layer (LAY22) the layer trains on blind sets 9-13 and 15-20 too, so
# their learned figures below are in-sample (en P 0.99, R 0.98-0.99; ja P 0.99-1.00, R 1.00): the
# floors stay those of their readings, a guard against a layer that forgets them.
BLIND9_RULES = {"en": (0.83, 0.75, 0.81), "ja": (0.82, 0.81, 0.87)}
BLIND9_LAYER = {"en": (0.86, 0.78, 0.81), "ja": (0.86, 0.80, 0.88)}
# Blind set 10 (520 comments, industries new to every set, two more authors) is never tuned or
# trained on and read by the lead only, whole figures. Measured at 20aab07 (layer round 2 + the
# polarity correction): en 0.864/0.779/0.830, ja 0.904/0.760/0.890; rules alone en
# 0.824/0.739/0.800, ja 0.815/0.747/0.854.
# Measured a second time, as declared, at b68ec88 (layers round 3, trained with training sets
# 11-15 and shipped on their held-out estimate on sets 6-8): en 0.865/0.789/0.816, ja
# 0.890/0.788/0.905. The learned floors leave 0.02 below it, as blind 9's do.
BLIND10_RULES = {"en": (0.82, 0.73, 0.80), "ja": (0.81, 0.74, 0.85)}
BLIND10_LAYER = {"en": (0.84, 0.76, 0.79), "ja": (0.87, 0.76, 0.88)}
# Blind set 11 (520 comments, industries new to every set including training sets 18 and 19, two
# more authors) is never tuned or trained on and read by the lead only, whole figures, as declared
# beforehand (measure 1 when committed, measure 2 once at the end of the session). Measured at
# fb261c3 (layers round 3 + the polarity correction): en 0.866/0.733/0.800, ja 0.919/0.842/0.912;
# rules alone en 0.789/0.690/0.771, ja 0.870/0.815/0.836. Measured a second time, as declared,
# at 6c488ae (rules round 8, tuned on training sets 16-18 and 20; layers round 3): en
# 0.865/0.740/0.808, ja 0.920/0.851/0.916; rules alone en 0.790/0.738/0.782, ja
# 0.862/0.839/0.840. Floors as blind 10's.
BLIND11_RULES = {"en": (0.78, 0.69, 0.77), "ja": (0.86, 0.81, 0.83)}
BLIND11_LAYER = {"en": (0.84, 0.71, 0.78), "ja": (0.89, 0.82, 0.89)}
# Blind set 12 (520 comments, industries new to every set including training sets 21 and 22, two
# more authors), read as blind 11 is (/work/lead/PREREG12.md). Measured at d0b9abc (rules round 8,
# layers round 3 + the polarity correction): en 0.861/0.797/0.859, ja 0.911/0.844/0.895; rules
# alone en 0.808/0.742/0.815, ja 0.819/0.803/0.881. Floors as blind 11's. Measured a second
# time, as declared, at 8bbac14 (Japanese rules round 9, layers and correction round 5): en
# 0.853/0.863/0.869, ja 0.910/0.902/0.905; rules alone en 0.808/0.742/0.815, ja 0.824/0.819/0.884.
# The learned recall and polarity floors then rose to guard that gain (0.02 below it).
BLIND12_RULES = {"en": (0.79, 0.73, 0.80), "ja": (0.80, 0.79, 0.87)}
BLIND12_LAYER = {"en": (0.84, 0.84, 0.85), "ja": (0.89, 0.88, 0.88)}
# Blind set 13 (520 comments, two more authors, industries new to every set: yarn, fountain pens,
# shogi boards, fireworks, podcast hosting, dairy herds, pawnbrokers, fishing-boat insurance,
# chimney sweeps, bathhouses …), read as blind 12 is (/work/lead/PREREG13.md). Measured at e5e40b4
# (text code as 938a26b: rules round 8/9, layers and correction round 5): en 0.804/0.762/0.849,
# ja 0.828/0.805/0.879; rules alone en 0.727/0.674/0.808, ja 0.757/0.683/0.821. Measured a
# second time, as declared, at 81d9bc5 (the English addition verifier, which training set 23 en
# decided to ship): en 0.838/0.747/0.850, ja unchanged. Floors about 0.01 below.
BLIND13_RULES = {"en": (0.71, 0.66, 0.79), "ja": (0.74, 0.67, 0.81)}
BLIND13_LAYER = {"en": (0.82, 0.73, 0.84), "ja": (0.81, 0.79, 0.86)}
# Blind set 15 (520 comments, two more authors: half ordinary businesses real NPS programmes
# survey - supermarkets, carrier shops, accounting apps, car insurers, gyms, vets, driving schools -
# half new to every set - hearing aids, school uniforms, herd and music-notation apps, wedding and
# boat insurance, catteries, randoseru, pawnshops, rent guarantors …), read as whole figures
# (/work/lead/PREREG15.md) at 6622d99 and 54c531c, identical: en 0.832/0.796/0.875, ja
# 0.841/0.803/0.899; rules alone en 0.748/0.700/0.801, ja 0.753/0.731/0.805. Floors about 0.01
# below.
BLIND15_RULES = {"en": (0.73, 0.69, 0.79), "ja": (0.74, 0.72, 0.79)}
BLIND15_LAYER = {"en": (0.82, 0.78, 0.86), "ja": (0.83, 0.79, 0.88)}
# Blind set 16 (520 comments, two more authors, half ordinary businesses - department stores,
# electronics chains, CRMs, payroll apps, home and life insurers, mortgage lenders, dentists,
# cinemas, hotels - half new: model railways, bridal, homebrew, kampo, fishing tackle, applicant
# tracking, crop insurance, gold dealers, skip hire, karting, gravestones …), read at 9dd4254 and
# after the rules round of 8525e75 (/work/lead/PREREG16.md), the same: en 0.824/0.795/0.850,
# ja 0.826/0.826/0.882; rules alone en 0.758/0.705/0.774, ja 0.771/0.749/0.819. Floors about 0.01
# below.
BLIND16_RULES = {"en": (0.74, 0.69, 0.76), "ja": (0.76, 0.73, 0.80)}
BLIND16_LAYER = {"en": (0.81, 0.78, 0.84), "ja": (0.81, 0.81, 0.87)}
# Blind set 17 (520 comments, two more authors, half ordinary businesses - DIY stores, opticians,
# e-signature and password apps, credit unions, travel insurers, physios, removals, hair salons -
# half new: workwear, firewood, snooker, podcast hosting, estate-agency CRM, equity release, tree
# surgeons, rent guarantors, estate clearance …), read at 3b1c373 and after this session's two
# polarity rounds at 5793663 (/work/lead/PREREG17.md): en 0.829/0.758/0.853 then 0.857, ja
# 0.864/0.785/0.863 then 0.867; rules alone en 0.771/0.674/0.789, ja 0.793/0.680/0.847 (both
# times). Floors about 0.01 below.
BLIND17_RULES = {"en": (0.76, 0.66, 0.78), "ja": (0.78, 0.67, 0.83)}
BLIND17_LAYER = {"en": (0.82, 0.75, 0.84), "ja": (0.85, 0.77, 0.85)}
# Blind set 18 (520 comments, two more authors, half ordinary businesses - supermarkets, carriers,
# accounting and budgeting apps, banks, car insurers, GPs, gyms, salons - half new: welding
# supplies, bagpipes, livery-yard software, Islamic home finance, farriers, taxidermists, 煎茶,
# 三味線, 檀家 registers, 赤潮 monitoring, 一口馬主, 残クレ, 井戸掘り, 藍染め, 鷹匠 …),
# read at 2fc2ce4 (/work/lead/PREREG18.md): en 0.815/0.779/0.858, ja 0.797/0.752/0.902;
# rules alone en 0.724/0.677/0.815, ja 0.734/0.658/0.852; again at 5944cbe: ja polarity 0.911.
# Floors about 0.01 below.
BLIND18_RULES = {"en": (0.71, 0.66, 0.80), "ja": (0.72, 0.64, 0.84)}
BLIND18_LAYER = {"en": (0.80, 0.76, 0.84), "ja": (0.78, 0.74, 0.90)}
# Blind set 19 (520 comments, four more authors, half ordinary businesses - supermarkets,
# pharmacies, DIY, web meetings, accounting, banks, car insurers, dentists, driving schools - half
# new: model railways, cactus nurseries, ice rinks, chess training, smallholding insurance, 酒蔵
# software, セリ apps, 数珠, 神棚, 渡し船, 漁業共済, drone insurance …), read at 8a8588b
# (/work/lead/PREREG19.md): en 0.798/0.744/0.867, ja 0.833/0.737/0.825; rules alone en
# 0.704/0.660/0.804, ja 0.761/0.685/0.741; again at e5682af: en rules polarity 0.808, ja
# polarity 0.832, the rest the same. Floors about 0.01 below.
BLIND19_RULES = {"en": (0.69, 0.65, 0.79), "ja": (0.75, 0.67, 0.73)}
BLIND19_LAYER = {"en": (0.78, 0.73, 0.85), "ja": (0.82, 0.72, 0.82)}
# Blind set 20 (520 comments, four more authors, half ordinary businesses - supermarkets,
# pharmacies, phone shops, GPs, gyms, accounting and web-meeting apps, banks, insurers - half new:
# model railway shops, bridal wear, aquascaping, axe throwing, crossword builders, court
# reporting, hail cover, litigation funding, ジビエ, 金継ぎ kits, メダカ, 養殖の給餌管理, 家畜共済,
# 孤独死保険 …), read at 5185749's text code (/work/lead/PREREG20.md): en 0.836/0.687/0.786,
# ja 0.859/0.753/0.898; rules alone en 0.740/0.624/0.772, ja 0.751/0.693/0.838; again at 9f88040
# (rules rounds ERR20, POL21 and the QA21 joins, polarity correction round 6): en polarity 0.796,
# ja 0.860/0.759/0.895, rules alone ja 0.752/0.699/0.835. Floors about 0.01 below reading 2.
BLIND20_RULES = {"en": (0.73, 0.61, 0.76), "ja": (0.74, 0.68, 0.82)}
BLIND20_LAYER = {"en": (0.82, 0.67, 0.78), "ja": (0.85, 0.74, 0.88)}
# Blind set 21 (520 comments, four more authors: cake-decorating and soap-making supplies, metal
# detectors, milliners, knife sharpening, cryotherapy, llama trekking; beekeeping records, snow
# plough dispatch, sawmill optimisers, glider hull and ice-cream-van cover; 茶園, 養鰻, 頼母子講,
# 競走馬保険, 錦鯉 …), read at cf04223's text code (/work/lead/PREREG21.md):
# en 0.857/0.657/0.817, ja 0.861/0.726/0.825; rules alone en 0.809/0.618/0.788, ja
# 0.751/0.648/0.781; again at 5bd5383 (theme layer round 7 decided on set 26, ERR21, POL22):
# en 0.882/0.706/0.818, ja 0.872/0.768/0.825, rules alone en polarity 0.792. Floors about 0.01
# below reading 2. Then read per comment (POL23, benchmarks/POL23_blind21.md): polarity en
# 0.833, ja 0.857, rules alone en 0.812, ja 0.804 (tuned on now); polarity floors 0.01-0.02 below.
# Since round 8 of the theme layer (LAY23) the English layer trains on this set (the Japanese
# keeps round 7's models), so its English learned figures are in-sample (0.996/0.976/0.820 before
# POL23): the floors stay, a guard against a layer that forgets it, not a measure.
# Since round 11 of the theme layer (LAY26) the Japanese layer trains on blind sets 21-24 too, so
# their Japanese learned floors are trained floors (marked below: about 0.01 below
# the in-sample figures at round 11, P/R 0.99-1.00; not estimates of anything).
# Since round 13 of the English layer (LAY28) it trains on blind sets 21-26 too; its in-sample
# English polarity accuracy there is below the floors set from the readings (blind 21 0.816, 22
# 0.772, 23 0.842, 24 0.817; P and R far above them), so those polarity floors are these figures
# rounded down (marked); blind 25 and 26 meet theirs.
BLIND21_RULES = {"en": (0.79, 0.60, 0.80), "ja": (0.74, 0.63, 0.79)}
BLIND21_LAYER = {"en": (0.87, 0.69, 0.81), "ja": (0.99, 0.99, 0.84)}  # trained: ja, en polarity
# Blind set 22 (/work/lead/PREREG22.md): read at 2f482b3 (en 0.823/0.683/0.789, ja
# 0.874/0.799/0.852) and at e6532ff; floors are that second reading rounded down by 0.01.
BLIND22_RULES = {"en": (0.72, 0.56, 0.74), "ja": (0.81, 0.70, 0.78)}
BLIND22_LAYER = {"en": (0.81, 0.67, 0.77), "ja": (0.98, 0.99, 0.82)}  # trained: ja, en polarity
# Blind set 23 (/work/lead/PREREG23.md): read at 23fde7c (en 0.832/0.713/0.860, ja
# 0.892/0.773/0.872; rules alone en 0.711/0.609/0.837, ja 0.799/0.716/0.825) and at aa4d879 (the
# same, rules alone en 0.712/0.611); floors are that second reading rounded down by 0.01.
BLIND23_RULES = {"en": (0.70, 0.60, 0.82), "ja": (0.78, 0.70, 0.81)}
# Japanese learned figures in-sample at round 11: 0.995/1.000/0.852 (polarity 0.872 at the
# readings, over the mentions of recall 0.773).
BLIND23_LAYER = {"en": (0.82, 0.70, 0.84), "ja": (0.98, 0.99, 0.84)}  # trained: ja, en polarity
# Blind set 24 (/work/lead/PREREG24.md): read at c8bc58f (en 0.853/0.802/0.846, ja
# 0.821/0.823/0.873; rules alone en 0.752/0.701/0.817, ja 0.725/0.687/0.844) and at 167afd8 (the
# same); floors are that second reading rounded down by 0.01.
BLIND24_RULES = {"en": (0.74, 0.69, 0.80), "ja": (0.71, 0.67, 0.83)}
BLIND24_LAYER = {"en": (0.84, 0.79, 0.81), "ja": (0.98, 0.99, 0.86)}  # trained: ja, en polarity
# Blind set 25, second reading (3b123f1, PREREG25): en 0.831/0.741/0.829, ja 0.862/0.862/0.873;
# rules alone en 0.691/0.605/0.798, ja 0.792/0.726/0.825. Floors 0.01 below, rounded down.
BLIND25_RULES = {"en": (0.68, 0.59, 0.78), "ja": (0.78, 0.71, 0.81)}
BLIND25_LAYER = {"en": (0.82, 0.73, 0.81), "ja": (0.85, 0.85, 0.86)}
# Blind set 26 (/work/lead/PREREG26.md): read at 0108b00 (en 0.876/0.829/0.847, ja
# 0.882/0.884/0.879; rules alone en 0.774/0.732/0.811, ja 0.819/0.835/0.855) and at 713f113 (en
# 0.876/0.831/0.848, ja the same; rules alone en 0.775/0.735/0.812); floors are the second
# reading less 0.01, rounded down.
BLIND26_RULES = {"en": (0.76, 0.72, 0.80), "ja": (0.80, 0.82, 0.84)}
BLIND26_LAYER = {"en": (0.86, 0.82, 0.83), "ja": (0.87, 0.87, 0.86)}
# Blind set 27 (/work/lead/PREREG27.md): read at 2ab4254 (en 0.849/0.806/0.852, ja
# 0.908/0.913/0.905; rules alone en 0.762/0.742/0.771, ja 0.803/0.831/0.895) and at dedcfc8 (en
# 0.858/0.821/0.843 after the English theme layer's round 13 and ERR27, ja the same; rules alone
# en 0.762/0.744/0.772); floors are the second reading less 0.01, rounded down.
BLIND27_RULES = {"en": (0.75, 0.73, 0.76), "ja": (0.79, 0.82, 0.88)}
BLIND27_LAYER = {"en": (0.84, 0.81, 0.83), "ja": (0.89, 0.90, 0.89)}
# Blind set 28 (/work/lead/PREREG28.md): read at a955b52 (en 0.883/0.741/0.860, ja
# 0.881/0.817/0.880; rules alone en 0.796/0.686/0.798, ja 0.798/0.756/0.822) and at 945fbf7
# (after ERR28 and the Japanese polarity correction's round 7: the same); floors are the second
# reading less 0.01, rounded down.
BLIND28_RULES = {"en": (0.78, 0.67, 0.78), "ja": (0.78, 0.74, 0.81)}
BLIND28_LAYER = {"en": (0.87, 0.73, 0.85), "ja": (0.87, 0.80, 0.87)}
# Blind sets 29, 30 and 33 (docs/prereg/PREREG29.md, PREREG30.md, PREREG31.md, PREREG34.md): their
# last readings at c71da05 (after Japanese rules round 34; English as at their first readings),
# whole figures only, never read per comment before; floors are those readings less 0.01, rounded
# down. Blind 29: en 0.866/0.712/0.791, ja 0.891/0.797/0.900 (rules alone en 0.741/0.647/0.757,
# ja 0.792/0.742/0.836); blind 30: en 0.866/0.670/0.779, ja 0.883/0.778/0.873 (0.751/0.636/0.758,
# 0.797/0.701/0.825); blind 33: en 0.890/0.739/0.777, ja 0.828/0.696/0.851 (0.821/0.675/0.733,
# 0.772/0.622/0.806).
BLIND29_RULES = {"en": (0.73, 0.63, 0.74), "ja": (0.78, 0.73, 0.82)}
BLIND29_LAYER = {"en": (0.85, 0.70, 0.78), "ja": (0.88, 0.78, 0.89)}
BLIND30_RULES = {"en": (0.74, 0.62, 0.74), "ja": (0.78, 0.69, 0.81)}
BLIND30_LAYER = {"en": (0.85, 0.66, 0.76), "ja": (0.87, 0.76, 0.86)}
BLIND33_RULES = {"en": (0.81, 0.66, 0.72), "ja": (0.76, 0.61, 0.79)}
BLIND33_LAYER = {"en": (0.88, 0.72, 0.76), "ja": (0.81, 0.68, 0.84)}
# Short-comment set 14 (640 comments, two blind authors; bare judgements and closing phrases,
# short themed answers and themed sentences beside such a phrase, 40 % with no theme), read as
# whole figures (/work/lead/PREREG14.md): at 7401a76 en 0.884/0.949/0.971, ja 0.917/0.936/0.989;
# rules alone en 0.924/0.903/0.964, ja 0.926/0.926/0.995. Read a second time for a guard against
# themes added to bare judgements (8a44d0c: P +0.007 en, +0.009 ja, below the declared +0.010;
# reverted). Floors about 0.01 below.
SHORT14_RULES = {"en": (0.91, 0.89, 0.95), "ja": (0.91, 0.91, 0.98)}
SHORT14_LAYER = {"en": (0.87, 0.93, 0.96), "ja": (0.90, 0.92, 0.97)}
# Unit sets 14 (theme_unit14_{en,ja}.csv, 400 each, two blind authors): a month of one business's
# comments each (a self-storage company, generic pack; 太陽光・蓄電池の販売施工, generic pack), its
# own services and jargon throughout. Read once at aea58ed (/work/lead/PREREG14U.md): en
# 0.835/0.702/0.873, ja 0.715/0.623/0.841; rules alone en 0.752/0.633/0.816, ja 0.723/0.559/0.761.
# Per-unit self-training had no candidate to read (benchmarks/self_training_eval.py). Floors
# about 0.01 below. Round 8 of the English theme layer (LAY23, never trained on this set) finds 9
# more themes here, 1 of them right: English 0.832/0.718/0.926 -> 0.820/0.720/0.928, so the
# English precision floor is 0.81 (below the 0.82 set from reading 1). The layer was decided on
# decision set 27 as PREREG22 declared (English P +0.006, F1 +0.008 there); this set, one
# self-storage business, read twice, is a guard, not the measure.
UNIT14_RULES = {"en": (0.74, 0.62, 0.80), "ja": (0.71, 0.54, 0.75)}
UNIT14_LAYER = {"en": (0.81, 0.69, 0.86), "ja": (0.70, 0.61, 0.83)}
# Food set 1, read once at c08d86e's food pack (its dictionaries written before the set, FOOD57):
# en 0.794/0.855/0.851, ja 0.777/0.848/0.843 (P/R/polarity), rules alone and whole tagger alike
# (no learned layer for the pack). Its errors were then read and the general ones fixed, so it is
# tuned on: en 0.925/0.945/0.851, ja 0.926/0.957/0.866 (in-sample, not estimates; the next food
# set measures). Floors 0.01 below the tuned figures, rounded down.
FOOD1_FLOORS = {"en": (0.91, 0.93, 0.84), "ja": (0.91, 0.94, 0.85)}
# Food set 2, read once at 9a79c1d (the pack tuned on set 1, never on this one): en
# 0.797/0.761/0.766, ja 0.853/0.819/0.849 -- the estimate set 1's tuned figures are not.
FOOD2_FLOORS = {"en": (0.78, 0.75, 0.75), "ja": (0.84, 0.80, 0.83)}
# Logistics set 1, read once at e23dac6's logistics pack (its dictionaries written before the set):
# en 0.761/0.720/0.691, ja 0.768/0.780/0.853 (P/R/polarity), rules alone and whole tagger alike
# (no learned layer for the pack). Its errors were then read and the general ones fixed in the
# pack's own files (LOG77), so it is tuned on: en 0.908/0.969/0.697, ja 0.938/0.975/0.872
# (tuned on: in-sample, not estimates; logistics set 2 measures). Polarity barely moved: its
# errors are the shared rules' (open). Floors 0.01 below the tuned figures, rounded down.
LOGISTICS1_FLOORS = {"en": (0.89, 0.95, 0.68), "ja": (0.92, 0.96, 0.86)}
# Logistics set 2, read once at 28362ed (the pack tuned on set 1, never on this one): en
# 0.695/0.667/0.712, ja 0.708/0.758/0.727 -- the estimate set 1's tuned figures are not.
LOGISTICS2_FLOORS = {"en": (0.68, 0.65, 0.70), "ja": (0.69, 0.74, 0.71)}
# (precision, recall) per language: the old set has themes but no polarity. English round 13 of
# the layer reads English precision 0.975 here in-sample (floor rounded down).
OLD_TUNED = {"en": (0.97, 0.98), "ja": (0.98, 0.98)}
# Answers to "What could we improve?" (theme_eval_imp12_{en,ja}.csv, 300 per language, written
# blind by two authors who saw only the theme schema; /work/lead/PREREG12.md): the reading of an
# improvement answer as a request (tag_polarity(asks="improvement")) was designed on the odd ids
# (DEV, en polarity 0.672 -> 0.928, ja 0.860 -> 0.978 with the layers) and measured once on the
# even ids (TEST), whole figures, against the reading of every answer as a reason: with the
# layers en 0.886/0.923/0.794 -> 0.886/0.923/0.871, ja 0.941/0.935/0.924 -> 0.941/0.935/0.910;
# rules alone en 0.816/0.923/0.723 -> 0.816/0.923/0.865, ja 0.838/0.942/0.869 -> 0.838/0.942/0.897.
# Floors: the TEST half's figures with asks="improvement", rounded down. Not training data.
IMP12 = _both_languages("theme_eval_imp12")
IMP12_TEST = IMP12[IMP12["id"].str[-3:].astype(int) % 2 == 0]
IMP12_RULES = {"en": (0.81, 0.92, 0.86), "ja": (0.83, 0.94, 0.89)}
# With round 5 of the layers (after these sets were read for the request reading): en
# 0.887/0.934/0.866, ja 0.911/0.929/0.916 — Japanese precision 0.03 lower than round 3's.
# With the English addition verifier (fitted on blind sets 9-12 and folds 6-8, 18, 19, 22, never
# on these sets): en 0.887/0.935/0.866 -> 0.891/0.929/0.872 (one right and one wrong addition
# fewer), so the recall floor is 0.92.
# Round 7 of the theme layer (LAY22: every readable set but these, round 5's choices; set 26
# decided it): en 0.891/0.929/0.897 -> 0.897/0.929/0.891, ja 0.911/0.929/0.930 ->
# 0.916/0.916/0.929 (four Japanese requests fewer found): the Japanese recall floor is 0.91.
# Japanese round 11 (LAY26, decided on set 28): ja 0.916/0.916/0.929 -> 0.901/0.942/0.931 (F1
# 0.916 -> 0.921; 161 themes found, 145 right): the Japanese precision floor is 0.90.
IMP12_LAYER = {"en": (0.88, 0.92, 0.86), "ja": (0.90, 0.91, 0.91)}
# A second blind improvement set (theme_eval_imp13_{en,ja}.csv, 300 per language, two more authors,
# industries of their choosing), declared before it existed and read once, whole, to decide
# whether the request reading ships (it had failed imp12's Japanese TEST half by 2 mentions):
# with the layers, reason -> improvement, en polarity 0.722 -> 0.856, ja 0.838 -> 0.910, theme
# P/R unchanged (en 0.896/0.861, ja 0.911/0.869); rules alone en 0.686 -> 0.865, ja 0.807 -> 0.909.
# Floors: the asks="improvement" figures rounded down. Not training data.
IMP13 = _both_languages("theme_eval_imp13")
IMP13_RULES = {"en": (0.82, 0.82, 0.86), "ja": (0.84, 0.86, 0.90)}
# With round 5 of the layers: en 0.882/0.879/0.845 (precision -0.014, recall +0.018, polarity
# -0.011 against round 3), ja 0.912/0.882/0.919. With the English addition verifier (never fitted
# on this set): en 0.882/0.879/0.845 -> 0.903/0.870/0.847 (11 additions fewer, 3 of them right),
# so the recall floor is 0.86.
# Round 7 of the theme layer (never trained on this set): en 0.905/0.870/0.882 ->
# 0.914/0.870/0.885, ja 0.916/0.886/0.923 -> 0.899/0.899/0.916 (Japanese F1 0.901 -> 0.899: more
# themes added, precision for recall), so the Japanese precision floor is 0.89.
# Round 16 of the layers (LAY31, never trained on this set): ja precision 275 of 309 = 0.88997,
# below the 0.89 floor by a rounding, so the Japanese precision floor is 0.88.
IMP13_LAYER = {"en": (0.88, 0.86, 0.84), "ja": (0.88, 0.88, 0.91)}


@pytest.mark.parametrize(
    "blind",
    [
        BLIND,
        BLIND2,
        BLIND3,
        BLIND4,
        BLIND5,
        BLIND6,
        BLIND7,
        BLIND8,
        BLIND9,
        BLIND10,
        BLIND11,
        BLIND12,
        BLIND13,
        BLIND15,
        BLIND16,
        BLIND17,
        BLIND18,
        BLIND19,
        BLIND20,
        BLIND21,
        BLIND22,
        BLIND23,
        BLIND24,
        BLIND25,
        BLIND26,
        BLIND27,
        BLIND28,
        BLIND29,
        BLIND30,
        BLIND33,
        BLIND35,
        BLIND37,
        BLIND39,
        SHORT14,
        _both_languages("theme_train24"),
        _both_languages("theme_train25"),
        _both_languages("theme_train26"),
        _both_languages("theme_train27"),
        _both_languages("theme_train28"),
        _both_languages("theme_train29"),
        _both_languages("theme_train30"),
        _both_languages("theme_train31"),
        _both_languages("theme_train32"),
        _both_languages("theme_train34"),
        _both_languages("theme_train36"),
        _both_languages("theme_train38"),
        _both_languages("theme_train41"),
        TRAIN42,
        SET43,
    ],
    ids=[
        "first",
        "second",
        "third",
        "fourth",
        "fifth",
        "sixth",
        "seventh",
        "eighth",
        "ninth",
        "tenth",
        "eleventh",
        "twelfth",
        "thirteenth",
        "fifteenth",
        "sixteenth",
        "seventeenth",
        "eighteenth",
        "nineteenth",
        "twentieth",
        "twenty-first",
        "twenty-second",
        "twenty-third",
        "twenty-fourth",
        "twenty-fifth",
        "twenty-sixth",
        "twenty-seventh",
        "twenty-eighth",
        "twenty-ninth",
        "thirtieth",
        "thirty-third",
        "thirty-fifth",
        "thirty-seventh",
        "thirty-ninth",
        "short14",
        "train24-decision",
        "train25-decision",
        "train26-decision",
        "train27-decision",
        "train28-decision",
        "train29-decision",
        "train30-decision",
        "train31-decision",
        "train32-decision",
        "train34-decision",
        "train36-decision",
        "train38-decision",
        "train41-decision",
        "train42-decision",
        "set43-decision",
    ],
)
def test_blind_set_is_large_balanced_and_valid(blind: pd.DataFrame) -> None:
    assert list(blind.columns) == ["id", "lang", "pack", "score", "text", "labels"]
    assert len(blind) >= 420
    assert blind["id"].is_unique
    assert set(blind["pack"]) == MIXED_PACKS
    assert blind["lang"].value_counts().min() >= 200
    for pack, group in blind.groupby("pack"):
        ids = set(load_pack(str(pack)).ids)
        for value in group["labels"]:
            assert set(parse_labels(value)) <= ids


@pytest.mark.parametrize("logistics", [LOGISTICS1, LOGISTICS2], ids=["logistics1", "logistics2"])
def test_the_logistics_sets_are_balanced_and_valid(logistics: pd.DataFrame) -> None:
    assert list(logistics.columns) == ["id", "lang", "pack", "score", "text", "labels"]
    assert logistics["id"].is_unique
    assert set(logistics["pack"]) == {"logistics"}
    assert logistics["lang"].value_counts().to_dict() == {"en": 150, "ja": 150}
    ids = set(load_pack("logistics").ids)
    for value in logistics["labels"]:
        assert set(parse_labels(value)) <= ids


@pytest.mark.parametrize("food", [FOOD1, FOOD2], ids=["food1", "food2"])
def test_the_food_sets_are_balanced_and_valid(food: pd.DataFrame) -> None:
    assert list(food.columns) == ["id", "lang", "pack", "score", "text", "labels"]
    assert food["id"].is_unique
    assert set(food["pack"]) == {"food"}
    assert food["lang"].value_counts().to_dict() == {"en": 150, "ja": 150}
    ids = set(load_pack("food").ids)
    for value in food["labels"]:
        assert set(parse_labels(value)) <= ids


@pytest.mark.parametrize(
    ("frame", "floors", "learned"),
    [
        (BLIND, BLIND_TUNED, False),
        (BLIND2, BLIND2_TUNED, False),
        (BLIND3, BLIND3_TUNED, False),
        (TRAIN5, TRAIN5_TUNED, False),
        (BLIND4, BLIND4_TUNED, False),
        (BLIND5, BLIND5_TUNED, False),
        (BLIND, LAYER_TUNED["first"], True),
        (BLIND2, LAYER_TUNED["second"], True),
        (BLIND3, LAYER_TUNED["third"], True),
        (TRAIN5, LAYER_TUNED["train5"], True),
        (BLIND4, LAYER_TUNED["fourth"], True),
        (BLIND5, LAYER_TUNED["fifth"], True),
        (BLIND6, BLIND6_RULES, False),
        (BLIND7, BLIND7_RULES, False),
        (BLIND8, BLIND8_RULES, False),
        (BLIND6, BLIND6_LAYER_TRAINED, True),
        (BLIND7, BLIND7_LAYER_TRAINED, True),
        (BLIND8, BLIND8_LAYER_TRAINED, True),
        (BLIND9, BLIND9_RULES, False),
        (BLIND9, BLIND9_LAYER, True),
        (BLIND10, BLIND10_RULES, False),
        (BLIND10, BLIND10_LAYER, True),
        (BLIND11, BLIND11_RULES, False),
        (BLIND11, BLIND11_LAYER, True),
        (BLIND12, BLIND12_RULES, False),
        (BLIND12, BLIND12_LAYER, True),
        (BLIND13, BLIND13_RULES, False),
        (BLIND13, BLIND13_LAYER, True),
        (BLIND15, BLIND15_RULES, False),
        (BLIND15, BLIND15_LAYER, True),
        (BLIND16, BLIND16_RULES, False),
        (BLIND16, BLIND16_LAYER, True),
        (BLIND17, BLIND17_RULES, False),
        (BLIND17, BLIND17_LAYER, True),
        (BLIND18, BLIND18_RULES, False),
        (BLIND18, BLIND18_LAYER, True),
        (BLIND19, BLIND19_RULES, False),
        (BLIND19, BLIND19_LAYER, True),
        (BLIND20, BLIND20_RULES, False),
        (BLIND20, BLIND20_LAYER, True),
        (BLIND21, BLIND21_RULES, False),
        (BLIND21, BLIND21_LAYER, True),
        (BLIND22, BLIND22_RULES, False),
        (BLIND22, BLIND22_LAYER, True),
        (BLIND23, BLIND23_RULES, False),
        (BLIND23, BLIND23_LAYER, True),
        (BLIND24, BLIND24_RULES, False),
        (BLIND24, BLIND24_LAYER, True),
        (BLIND25, BLIND25_RULES, False),
        (BLIND25, BLIND25_LAYER, True),
        (BLIND26, BLIND26_RULES, False),
        (BLIND26, BLIND26_LAYER, True),
        (BLIND27, BLIND27_RULES, False),
        (BLIND27, BLIND27_LAYER, True),
        (BLIND28, BLIND28_RULES, False),
        (BLIND28, BLIND28_LAYER, True),
        (BLIND29, BLIND29_RULES, False),
        (BLIND29, BLIND29_LAYER, True),
        (BLIND30, BLIND30_RULES, False),
        (BLIND30, BLIND30_LAYER, True),
        (BLIND33, BLIND33_RULES, False),
        (BLIND33, BLIND33_LAYER, True),
        (SHORT14, SHORT14_RULES, False),
        (SHORT14, SHORT14_LAYER, True),
        (_both_languages("theme_unit14"), UNIT14_RULES, False),
        (_both_languages("theme_unit14"), UNIT14_LAYER, True),
        (FOOD1, FOOD1_FLOORS, False),
        (FOOD1, FOOD1_FLOORS, True),
        (FOOD2, FOOD2_FLOORS, False),
        (LOGISTICS1, LOGISTICS1_FLOORS, False),
        (LOGISTICS1, LOGISTICS1_FLOORS, True),
        (LOGISTICS2, LOGISTICS2_FLOORS, False),
    ],
    ids=[
        "first",
        "second",
        "third",
        "train5",
        "fourth",
        "fifth",
        "first-layer",
        "second-layer",
        "third-layer",
        "train5-layer",
        "fourth-layer",
        "fifth-layer",
        "sixth-rules-never-tuned",
        "seventh-rules-never-tuned",
        "eighth-rules-never-tuned",
        "sixth-layer-trained",
        "seventh-layer-trained",
        "eighth-layer-trained",
        "ninth-rules-measured-twice",
        "ninth-layer-measured-twice",
        "tenth-rules-never-tuned",
        "tenth-layer-measured-twice",
        "eleventh-rules-measured-twice",
        "eleventh-layer-measured-twice",
        "twelfth-rules-measured-twice",
        "twelfth-layer-measured-twice",
        "thirteenth-rules-never-tuned",
        "thirteenth-layer-measured-twice",
        "fifteenth-rules-never-tuned",
        "fifteenth-layer-measured-twice",
        "sixteenth-rules-measured-twice",
        "sixteenth-layer-measured-twice",
        "seventeenth-rules-measured-twice",
        "seventeenth-layer-measured-twice",
        "eighteenth-rules",
        "eighteenth-layer",
        "nineteenth-rules",
        "nineteenth-layer",
        "twentieth-rules",
        "twentieth-layer",
        "twenty-first-rules",
        "twenty-first-layer",
        "twenty-second-rules-measured-twice",
        "twenty-second-layer-measured-twice",
        "twenty-third-rules-measured-twice",
        "twenty-third-layer-measured-twice",
        "twenty-fourth-rules-measured-twice",
        "twenty-fourth-layer-measured-twice",
        "twenty-fifth-rules-measured-twice",
        "twenty-fifth-layer-measured-twice",
        "twenty-sixth-rules-measured-twice",
        "twenty-sixth-layer-measured-twice",
        "twenty-seventh-rules-measured-twice",
        "twenty-seventh-layer-measured-twice",
        "twenty-eighth-rules-measured-twice",
        "twenty-eighth-layer-measured-twice",
        "twenty-ninth-rules-measured-twice",
        "twenty-ninth-layer-measured-twice",
        "thirtieth-rules-measured-twice",
        "thirtieth-layer-measured-twice",
        "thirty-third-rules-measured-twice",
        "thirty-third-layer-measured-twice",
        "short14-rules-never-tuned",
        "short14-layer-measured-twice",
        "unit14-rules-never-tuned",
        "unit14-layer-measured-twice",
        "food1-rules",
        "food1-whole-tagger",
        "food2-rules-measured-once",
        "logistics1-rules",
        "logistics1-whole-tagger",
        "logistics2-rules-measured-once",
    ],
)
def test_mentions_reach_the_measured_quality(
    frame: pd.DataFrame, floors: dict, learned: bool
) -> None:
    table = evaluate_mentions(frame, learned=learned).table.set_index("lang")
    for lang, (precision, recall, accuracy) in floors.items():
        row = table.loc[lang]
        assert row.precision >= precision, (lang, row.precision)
        assert row.recall >= recall, (lang, row.recall)
        assert row.polarity_accuracy >= accuracy, (lang, row.polarity_accuracy)


@pytest.mark.parametrize(
    ("frame", "floors", "learned"),
    [
        (IMP12_TEST, IMP12_RULES, False),
        (IMP12_TEST, IMP12_LAYER, True),
        (IMP13, IMP13_RULES, False),
        (IMP13, IMP13_LAYER, True),
    ],
    ids=["imp12-rules", "imp12-layers", "imp13-rules", "imp13-layers"],
)
def test_improvement_answers_reach_the_measured_quality(
    frame: pd.DataFrame, floors: dict, learned: bool
) -> None:
    table = evaluate_mentions(frame, learned=learned, asks="improvement").table
    table = table.set_index("lang")
    for lang, (precision, recall, accuracy) in floors.items():
        row = table.loc[lang]
        assert row.precision >= precision, (lang, row.precision)
        assert row.recall >= recall, (lang, row.recall)
        assert row.polarity_accuracy >= accuracy, (lang, row.polarity_accuracy)


def test_the_first_improvement_sets_test_half_is_half_of_it() -> None:
    assert len(IMP12_TEST) == 300


@pytest.mark.parametrize("frame", [IMP12, IMP13], ids=["imp12", "imp13"])
def test_the_improvement_sets_are_valid(frame: pd.DataFrame) -> None:
    assert list(frame.columns) == ["id", "lang", "pack", "score", "text", "labels"]
    assert frame["id"].is_unique
    assert frame["lang"].value_counts().to_dict() == {"en": 300, "ja": 300}
    for pack, group in frame.groupby("pack"):
        ids = set(load_pack(str(pack)).ids)
        for value in group["labels"]:
            assert set(parse_labels(value)) <= ids


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_old_set_keeps_its_measured_quality(lang: str) -> None:
    result = evaluate_themes(OLD[OLD["lang"] == lang], load_pack("retail"))
    precision, recall = OLD_TUNED[lang]
    assert result.precision >= precision, result.precision
    assert result.recall >= recall, result.recall


def test_evaluate_mentions_counts() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "lang": ["en", "en", "ja"],
            "pack": ["retail"] * 3,
            "text": ["Delivery was slow", "Staff were lovely, delivery fast", "特になし"],
            "labels": ["delivery:negative", "staff:positive;price:negative", ""],
        }
    )
    result = evaluate_mentions(frame)
    table = result.table.set_index("lang")
    assert table.loc["en", ["gold", "predicted", "correct", "polarity_correct"]].tolist() == [
        3,
        3,
        2,
        2,
    ]
    assert table.loc["all", "comments"] == 3
    assert table.loc["en", "precision"] == pytest.approx(2 / 3)
    errors = result.errors[["id", "theme", "gold", "predicted"]].astype(object)
    assert errors.where(errors.notna(), None).values.tolist() == [
        ["b", "delivery", None, "positive"],
        ["b", "price", "negative", None],
    ]


def test_labels_outside_the_pack_are_an_error() -> None:
    frame = pd.DataFrame(
        {
            "id": ["x"],
            "lang": ["en"],
            "pack": ["saas"],
            "text": ["t"],
            "labels": ["delivery:negative"],
        }
    )
    with pytest.raises(DataError) as info:
        evaluate_mentions(frame)
    assert str(info.value) == (
        "row id x: labels ['delivery'] are not themes of pack 'saas'; expected some of "
        + ", ".join(load_pack("saas").ids)
        + "."
    )


def test_a_score_off_the_0_to_10_scale_names_its_rows() -> None:
    # It stopped with score.segment's message, which tells to load the file with
    # load_responses: no use for a labelled file, and no row named.
    frame = pd.DataFrame(
        {
            "id": ["a", "b", "c"],
            "lang": ["en"] * 3,
            "pack": ["retail"] * 3,
            "text": ["Delivery was slow", "Staff were rude", "The price"],
            "labels": ["delivery:negative", "staff:negative", "price:negative"],
            "score": ["3", "11", "7.5"],
        }
    )
    with pytest.raises(DataError) as info:
        evaluate_mentions(frame)
    assert str(info.value) == (
        "row id b: score '11' is not a whole number 0–10; row id c: score '7.5' is not a whole "
        "number 0–10. Correct it, or leave it blank where the score is unknown."
    )


def test_a_second_column_of_labels_is_compared_instead_of_the_tagger() -> None:
    frame = pd.DataFrame(
        {
            "id": ["a", "b"],
            "lang": ["en", "ja"],
            "pack": ["retail"] * 2,
            "text": ["Delivery was slow", "特になし"],
            "labels": ["delivery:negative;price:negative", ""],
            "second": ["delivery:positive", "staff:neutral"],
        }
    )
    result = evaluate_mentions(frame, predicted="second")
    table = result.table.set_index("lang")
    assert table.loc["en", ["gold", "predicted", "correct", "polarity_correct"]].tolist() == [
        2,
        1,
        1,
        0,
    ]
    assert table.loc["ja", ["gold", "predicted", "correct"]].tolist() == [0, 1, 0]
    frame.loc[1, "second"] = "delivery:neutral;chat:neutral;phone:neutral"
    frame.loc[1, "pack"] = "saas"
    frame.loc[1, "labels"] = "support:neutral"
    with pytest.raises(DataError, match=r"row id b, column 'second': labels \['chat', 'delivery'"):
        evaluate_mentions(frame, predicted="second")


# A second author, who saw only the theme schema and the comments (not the first author's labels,
# the dictionaries or the rules), labelled training set 5 again. Their agreement with the first
# author (en 0.967/0.923/0.978, ja 0.970/0.959/0.983) is far above the rules' figures, so the
# targets are not limited by how consistently people label: the rules are what falls short.
SECOND_AUTHOR_AGREES = {"en": (0.96, 0.92, 0.97), "ja": (0.96, 0.95, 0.98)}


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_two_authors_agree_on_training_set_5(lang: str) -> None:
    first = pd.read_csv(DATA / f"theme_train5_{lang}.csv", keep_default_na=False, dtype=str)
    second = pd.read_csv(DATA / f"theme_train5_{lang}_second.csv", keep_default_na=False, dtype=str)
    assert second["id"].tolist() == first["id"].tolist()
    frame = first.assign(second=second["labels"])
    row = evaluate_mentions(frame, predicted="second").table.set_index("lang").loc[lang]
    precision, recall, accuracy = SECOND_AUTHOR_AGREES[lang]
    assert row.precision >= precision, row.precision
    assert row.recall >= recall, row.recall
    assert row.polarity_accuracy >= accuracy, row.polarity_accuracy
