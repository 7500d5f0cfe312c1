"""Rounds 10-17 of the theme layer (LAY25-32; PREREG23-36): estimate, decision sets 28-38.

The choices are made by ``benchmarks/layers_eval4.py themes --round 10`` (round 9's procedure
unchanged: folds ``FOLDS10`` = round 7's over the rules that never saw them, precision floor on
``NEW_INDUSTRIES10``, the full C grid round 7 declared, PF and the variant PF-0.01 in one process
per language), over today's rules and labels, with blind set 23 (spent, PREREG23) held out;
``benchmarks/train_theme_model.py --choices`` then writes the resource (with ``--blind``
without 23: the estimate's models; with it: the candidate). The polarity correction is not
refitted: every reading runs the shipped one.

``whole`` reads blind set 23 with the whole tagger as reports run it (today's rules, the English
addition verifier, the polarity correction as shipped) under the shipped theme layer and under
each resource named: P/R/F1 and polarity accuracy per language, whole figures only.

Which design is a language's candidate (declared before any run of round 10 was read): of PF
and PF-0.01 (one if they choose alike), those whose whole-tagger estimate on blind 23 held out
is not below the shipped layer in F1 and not below it by more than 0.005 in precision or
polarity accuracy (round 9 kept English out for a polarity loss on blind 22); of those, the
higher F1 (PF on a tie). A language with none keeps its shipped layer (``--keep``). Set 28 has
one reading left (PREREG23, PREREG24): it is read once, for one candidate only (the languages
that have a design, the others as shipped), and not at all if no language has one.

``decide`` reads decision set 28 (``theme_train28_{en,ja}.csv``, two blind authors, never trained
on), after the candidate (resource and script) is committed: rules alone, the shipped layer
(``--shipped``: main where round 10 began, English round 8, Japanese round 7, the resource of
23fde7c) and the working tree's resource, whole figures per language only. PREREG23's rule per
language: F1 >= +0.005, P >= -0.005 and polarity accuracy >= -0.005 against the shipped layer.

Result (LAY25): not run to its end. Started 09:18 UTC as the brief asked (niced, one
process per language, autogroup nice 10), it had 48 and 51 s CPU after 18 minutes at load 12-16
(about 0.05 of a core each; round 9 needed 1,868 s CPU for English and 1,496 s for Japanese), so
it could not end, nor the two fits per language after it, before the session's stop (10:50); it
was stopped at 09:37. No choice was made, no estimate read, no candidate committed, and set 28 was
not read: its one remaining reading is kept for a candidate that runs to its end (on a quiet
machine, or un-niced).

Round 11 (LAY26, ``--round 11``), declared before any run: round 10's procedure unchanged
(``benchmarks/layers_eval4.py themes --round 11``: the same folds, floor, C grid, PF and PF-0.01)
over the rules and labels of main at 33a2d57, the data grown by blind sets 23 and 24 (both spent,
named in ``labelled_sets.SPENT_BLIND``), blind 24, the newest, held out (``TEST11``); the
estimate's models are trained with ``--blind`` without 24, the candidate's with it. ``whole``
reads blind 24 (``theme_eval_blind24.csv``), the shipped layer being main's at 33a2d57 (the
same resource as b503485's: English round 8, Japanese round 7, correction 6). The candidate
rule is round 10's, word for word (above), on blind 24 held out. Set 28 is read once, for one
candidate, only if a language has one: this is its last reading. A language that fails keeps its
shipped layer. The run is un-niced (round 10's niced run starved), one process per language.

Round 11's run (LAY26): un-niced from 12:05, one process per language, 1,707 s CPU (en, 2,184 s
wall) and 1,268 s (ja, 1,887 s wall) at load 15-29 (0.25 to 0.85 of a core each). Constrained
pooled fold F1 per C 1, 4, 16, 64, 256 (floor: round 3's layer on the new-industry folds, en
0.809, ja 0.851): en PF 0.809, 0.819, 0.820, 0.820, 0.818 -> C 64, t_drop 0.18, t_add 0.42,
``comment``; PF-0.01 the same C, 0.12 / 0.42, ``comment``; ja PF 0.819, 0.840, 0.846, 0.846,
0.846 -> C 64, 0.14 / 0.42, ``comment``; PF-0.01 C 64, 0.14 / 0.36, ``comment`` (shipped: en
C 16, 0.20 / 0.36, ``score``; ja C 64, 0.16 / 0.42, ``comment``). Layer over the rules, blind 24
held out (2,605 pairs per language), shipped -> PF / PF-0.01, P/R/F1: en 0.833/0.839/0.836 ->
0.837/0.827/0.832 / 0.828/0.844/0.836; ja 0.821/0.823/0.822 -> 0.820/0.843/0.831 /
0.815/0.843/0.829. The estimate's models (``train_theme_model.py --train 11 ... 27 --blind 9 10
11 12 13 15 16 17 18 19 20 21 22 23 --choices ...``, 19,434 en / 19,417 ja comments), whole
tagger on blind 24 held out, P/R/F1, polarity: rules alone en 0.752/0.701/0.726, 0.817, ja
0.725/0.687/0.705, 0.844; shipped en 0.853/0.802/0.826, 0.846, ja 0.821/0.823/0.822, 0.873; PF
en 0.853/0.804/0.828, 0.844 (dF1 +0.002, dP +0.000, dpol -0.003), ja 0.820/0.843/0.831, 0.873
(+0.009, -0.001, -0.000); PF-0.01 en 0.842/0.819/0.831, 0.844 (+0.004, P -0.011), ja
0.815/0.843/0.829, 0.873 (+0.007, P -0.006). By the declared rule PF-0.01 fails on precision in
both languages and PF passes in both: **the candidate is PF in English and in Japanese**,
trained with blind 24 (19,694 en / 19,677 ja comments): ``PYTHONPATH=. python
benchmarks/train_theme_model.py --train 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27
--blind 9 10 11 12 13 15 16 17 18 19 20 21 22 23 24 --design both_comment_edge_pfloor --choices
'{"en": [64.0, 0.18, 0.42, "comment"], "ja": [64.0, 0.14, 0.42, "comment"]}'`` (10,253,721
bytes), committed before set 28's last reading (7f99923).
Set 28, its last reading (candidate PF in both languages), whole tagger, P/R/F1, polarity: rules
alone en 0.795/0.688/0.738, 0.830, ja 0.807/0.668/0.731, 0.853; shipped (33a2d57) en
0.869/0.787/0.826, 0.847, ja 0.857/0.785/0.819, 0.924; candidate en 0.874/0.798/0.834, 0.841 (F1
+0.008, P +0.005, polarity -0.007: not met, English keeps round 8), ja 0.854/0.801/0.827, 0.923
(F1 +0.007, P -0.003, polarity -0.001: met, **Japanese round 11 ships**). The resource is
rebuilt with ``--choices '{"ja": [64.0, 0.14, 0.42, "comment"]}' --keep en --keep-from 33a2d57``
(the rest of the command above; 9,975,241 bytes; its Japanese arrays equal the candidate's, its
English 33a2d57's; 75,162 Japanese n-grams, round 7 68,422).

Round 12 (LAY27, ``--round 12``, ``/work/lead/PREREG26.md``), declared before any run: round
11's procedure unchanged (``benchmarks/layers_eval4.py themes --round 12``: the same folds,
floor, C grid, PF and PF-0.01, one process per language, un-niced) over the rules and labels of
main at 0108b00 (ERR25's forms and FIX51's polarity cues included), the data grown by blind set
25 and training set 28 (both spent; ``labelled_sets.BLIND12``, ``TRAIN12``), blind 25, the
newest, held out (``TEST12``); the estimate's models are trained with ``--blind`` without 25,
the candidate's with it. ``whole`` reads blind 25 (``theme_eval_blind25.csv``), the shipped
layer being main's at 0108b00 (English round 8, Japanese round 11). The candidate rule is round
10's, word for word (above), on blind 25 held out. ``decide --round 12`` reads decision set 29
(``theme_train29_{en,ja}.csv``, 400 per language, three blind authors, never trained on) once,
for one candidate, only if a language has one, after the candidate (resource and script) is
committed: rules alone, the shipped layer (0108b00), the candidate, whole figures per language.
PREREG26's rule per language (the same as PREREG23's): F1 >= +0.005, P >= -0.005 and polarity
accuracy >= -0.005 against the shipped layer; a language that fails keeps its shipped layer
(English round 8, Japanese round 11).

Round 12's run (LAY27): un-niced from 21:12 UTC, one process per language, 1,846 s CPU (en, 4,096 s
wall) and 1,597 s (ja, 3,692 s wall) at load 2-18. Constrained pooled fold F1 per C 1, 4, 16, 64
(, 256) (floor: round 3's layer on the new-industry folds, en 0.809, ja 0.851): en PF 0.810,
0.821, 0.822, 0.821 -> C 16, t_drop 0.18, t_add 0.42, ``comment``; PF-0.01 0.811, 0.821, 0.822,
0.821 -> C 16, 0.14 / 0.42, ``comment``; ja PF 0.820, 0.841, 0.847, 0.848, 0.847 -> C 64, 0.18 /
0.40, ``comment``; PF-0.01 0.822, 0.841, 0.847, 0.849, 0.847 -> C 64, 0.14 / 0.36, ``comment``
(shipped: en C 16, 0.20 / 0.36, ``score``; ja C 64, 0.14 / 0.42, ``comment``). Layer over the
rules of 0108b00, blind 25 held out (2,605 pairs per language), shipped -> PF / PF-0.01, P/R/F1
(polarity): en 0.820/0.772/0.795 (0.777) -> 0.824/0.762/0.792 (0.778) / 0.819/0.765/0.791
(0.778); ja 0.862/0.862/0.862 (0.823) -> 0.864/0.859/0.861 (0.822) / 0.859/0.879/0.869 (0.823).
The estimate's models (``train_theme_model.py --train 11 ... 28 --blind 9 10 11 12 13 15 16 17
18 19 20 21 22 23 24 --choices ...``, one language at a time with ``--keep`` the other
``--keep-from 0108b00``; 20,094 en / 20,077 ja comments; PF-0.01's files are PF's with the
thresholds replaced, the same C and data giving the same weights), whole tagger on blind 25 held
out, P/R/F1, polarity: rules alone en 0.691/0.605/0.645, 0.798, ja 0.792/0.726/0.758, 0.825;
shipped (0108b00) en 0.831/0.741/0.784, 0.829, ja
0.862/0.862/0.862, 0.873; PF en 0.832/0.744/0.785, 0.835 (dF1 +0.002, dP +0.000, dpol +0.007), ja
0.864/0.859/0.861, 0.872 (dF1 -0.000, below: 298 right of 345 found against 299 of 347); PF-0.01
en 0.826/0.746/0.784, 0.836 (dF1 +0.000, P -0.006), ja 0.859/0.879/0.869, 0.872 (+0.007, P
-0.003, polarity -0.001). By the declared rule: English, PF passes and PF-0.01 fails on
precision; Japanese, PF fails on F1 and PF-0.01 passes. **The candidate is PF in English (C 16,
0.18 / 0.42, ``comment``) and PF-0.01 in Japanese (C 64, 0.14 / 0.36, ``comment``)**, trained
with blind 25 (20,354 en / 20,337 ja comments): ``PYTHONPATH=. python
benchmarks/train_theme_model.py --train 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28
--blind 9 10 11 12 13 15 16 17 18 19 20 21 22 23 24 25 --design both_comment_edge_pfloor
--choices '{"en": [16.0, 0.18, 0.42, "comment"], "ja": [64.0, 0.14, 0.36, "comment"]}'``
(10,559,446 bytes; 76,881 Japanese n-grams, round 11 75,162), committed before set 29 is read.
Set 29, read once (``decide --round 12`` after a270de8, main merged; candidate en PF, ja
PF-0.01), whole tagger, P/R/F1, polarity: rules alone en 0.785/0.709/0.745, 0.831, ja
0.787/0.791/0.789, 0.850; shipped (0108b00) en 0.879/0.832/0.855, 0.896, ja 0.882/0.863/0.872,
0.917; candidate en 0.886/0.834/0.859, 0.871 (F1 +0.004, P +0.007, polarity -0.025: not met), ja
0.873/0.878/0.875, 0.918 (F1 +0.003, P -0.010, polarity +0.001: not met). **Nothing ships in
round 12**: English keeps round 8, Japanese round 11; the resource is 0108b00's again, byte for
byte. Set 29 has been read once.

Round 13 (LAY28, ``--round 13``, ``/work/lead/PREREG27.md``), declared before any run: round
12's procedure unchanged (``benchmarks/layers_eval4.py themes --round 13``: the same folds,
floor, C grid, PF and PF-0.01, one process per language, un-niced) over the rules and labels of
main at 2ab4254 (ERR26's forms and FIX51's vetoes included), the data grown by blind set 26
(spent, PREREG26) and training set 29 (round 12's decision set, read once, spent; trainable
from this round; ``labelled_sets.BLIND13``, ``TRAIN13``), blind 26, the newest, held out
(``TEST13``); the estimate's models are trained with ``--blind`` without 26, the candidate's
with it. ``whole`` reads blind 26 (``theme_eval_blind26.csv``), the shipped layer being main's
at 2ab4254 (English round 8, Japanese round 11). The candidate rule is round 10's, word for word
(above), on blind 26 held out. ``decide --round 13`` reads decision set 30
(``theme_train30_{en,ja}.csv``, 400 per language, three blind authors, never trained on) once,
for one candidate, only if a language has one, after the candidate (resource and script) is
committed: rules alone, the shipped layer (2ab4254), the candidate, whole figures per language.
PREREG27's rule per language: F1 >= +0.005, P >= -0.005 and polarity accuracy >= -0.005 against
the shipped layer; a language that fails keeps its shipped layer (English round 8, Japanese
round 11). FIX51's narrow vetoes (``nps_kit/text/_kept.py`` ``VETOED``) stay unless a shipped
candidate no longer makes the vetoed additions on the readable sets.

Round 13's run (LAY28): un-niced from 00:29 UTC, one process per language, 1,355 s CPU (en, 2,512
s wall) and 1,449 s (ja, 2,570 s wall) at load 1-17. Constrained pooled fold F1 per C 1, 4, 16
(, 64, 256) (floor: round 3's layer on the new-industry folds, en 0.809, ja 0.851): en PF 0.809,
0.822, 0.821 -> C 4, t_drop 0.22, t_add 0.40, ``comment``; PF-0.01 0.811, 0.822, 0.821 -> the
same (C 4, 0.22 / 0.40, ``comment``), so English has one design; ja PF 0.821, 0.842, 0.847,
0.849, 0.848 -> C 64, 0.22 / 0.36, ``comment``; PF-0.01 0.823, 0.842, 0.847, 0.849, 0.848 -> C
64, 0.14 / 0.36, ``comment`` (shipped: en C 16, 0.20 / 0.36, ``score``; ja C 64, 0.14 / 0.42,
``comment``). Layer over the rules of 2ab4254, blind 26 held out (2,605 pairs per language),
shipped -> PF / PF-0.01, P/R/F1 (polarity): en 0.865/0.854/0.860 (0.788) -> 0.862/0.862/0.862
(0.804) (both designs; without the English addition verifier the package runs, FIX67: with it
0.876/0.831/0.853 -> 0.879/0.838/0.858, the whole tagger's figures below); ja
0.882/0.884/0.883 (0.847) -> 0.885/0.873/0.879 (0.845) / 0.880/0.893/0.886 (0.849). The
estimate's models (``train_theme_model.py --train 11 ... 29
--blind 9 10 11 12 13 15 16 17 18 19 20 21 22 23 24 25 --design both_comment_edge_pfloor
--choices ...``, one language at a time with ``--keep`` the other ``--keep-from 2ab4254``;
20,754 en / 20,737 ja comments; PF-0.01's Japanese file is PF's with the thresholds replaced, the
same C and data giving the same weights), whole tagger on blind 26 held out, P/R/F1, polarity:
rules alone en 0.775/0.735/0.754, 0.812, ja 0.819/0.835/0.827, 0.855; shipped (2ab4254) en
0.876/0.831/0.853, 0.847, ja 0.882/0.884/0.883, 0.879; PF (= PF-0.01 in English) en
0.879/0.838/0.858, 0.868 (dF1 +0.005, dP +0.003, dpol +0.021), ja 0.885/0.873/0.879, 0.883 (dF1
-0.004: below); PF-0.01 ja 0.880/0.893/0.886, 0.886 (dF1 +0.003, dP -0.001, dpol +0.007). By the
declared rule: English, its one design passes; Japanese, PF fails on F1 and PF-0.01 passes.
**The candidate is PF in English (C 4, 0.22 / 0.40, ``comment``) and PF-0.01 in Japanese (C 64,
0.14 / 0.36, ``comment``)**, trained with blind 26 (21,014 en / 20,997 ja comments):
``PYTHONPATH=. python benchmarks/train_theme_model.py --train 11 12 13 14 15 16 17 18 19 20 21
22 23 24 25 26 27 28 29 --blind 9 10 11 12 13 15 16 17 18 19 20 21 22 23 24 25 26 --design
both_comment_edge_pfloor --choices '{"en": [4.0, 0.22, 0.40, "comment"], "ja": [64.0, 0.14,
0.36, "comment"]}'`` (written a language at a time, ``--keep`` the other, the arrays joined;
10,745,481 bytes; English 36,040 word and 49,955 character n-grams, round 8 31,963 and 46,883;
Japanese 78,518, round 11 75,162), committed before set 30 is read (a74a5f8).
Set 30, read once (``decide --round 13`` after a74a5f8, main 74b15b5 merged; candidate en PF, ja
PF-0.01), whole tagger, P/R/F1, polarity: rules alone en 0.778/0.740/0.759, 0.823, ja
0.818/0.779/0.798, 0.861; shipped (2ab4254) en 0.847/0.835/0.841, 0.864, ja 0.886/0.884/0.885,
0.909; candidate en 0.855/0.844/0.850, 0.862 (F1 +0.008, P +0.007, polarity -0.003: met), ja
0.880/0.890/0.885, 0.910 (F1 -0.000, P -0.006, polarity +0.001: not met). **English round 13
ships; Japanese keeps round 11**: the resource is rebuilt with ``--choices '{"en": [4.0, 0.22,
0.40, "comment"]}' --keep ja --keep-from 2ab4254`` (the rest of the command above; 10,537,517
bytes; its English arrays equal the candidate's, its Japanese 2ab4254's). FIX51's vetoes
(``_kept.VETOED``) stay: their patterns are Japanese (届, 力が高い; 0 of the 23,084 English
comments of the readable sets match one) and the Japanese layer is unchanged, so it still makes
the additions they take back. Set 30 has been read once.

Round 14 (LAY29, ``--round 14``, ``docs/prereg/PREREG30.md``), declared before any run: round
13's procedure unchanged (``benchmarks/layers_eval4.py themes --round 14``: the same folds,
floor, C grid, PF and PF-0.01, one process per language, un-niced) over the rules and labels of
main at 754f2f3, the data grown by blind sets 27 and 28 (spent, PREREG27 and PREREG28) and
training sets 30 and 31 (the decision sets of theme round 13 and polarity round 7, read once
each, spent; ``labelled_sets.BLIND14``, ``TRAIN14``), blind 28, the newest, held out
(``TEST14``); the estimate's models are trained with ``--blind`` without 28, the candidate's
with it. ``whole`` reads blind 28 (``theme_eval_blind28.csv``), the shipped layers being main's
at 754f2f3 (theme layer English round 13, Japanese round 11; polarity correction English round
6, Japanese round 7). The candidate rule is round 10's, word for word (above), on blind 28 held
out. ``decide --round 14`` reads decision set 32 (``theme_train32_{en,ja}.csv``, 400 per
language, three blind authors, merged unread, never trained on) once, for one candidate, only if
a language has one, after the candidate (resource and script) is committed: rules alone, the
shipped layer (754f2f3), the candidate, whole figures per language. PREREG30's rule per language
(PREREG27's): F1 >= +0.005, P >= -0.005 and polarity accuracy >= -0.005 against the shipped
layer; a language that fails keeps its shipped layer (``--keep``). The polarity correction is not
refitted.

Round 14's run (LAY29): un-niced from 06:49 UTC, one process per language (scikit-learn 1.9.1,
SciPy 1.17.1), 22,074 en / 22,057 ja comments trained (blind 28 held out). Japanese: 1,684 s CPU
(4,289 s wall) at load 5-12. Constrained pooled fold F1 per C 1, 4, 16, 64, 256 (floor: round
3's layer on the new-industry folds, 0.851): PF 0.822, 0.844, 0.850, 0.851, 0.850 -> C 64,
t_drop 0.20, t_add 0.38, ``comment``; PF-0.01 0.824, 0.844, 0.850, 0.851, 0.850 -> the same (C
64, 0.20 / 0.38, ``comment``), so Japanese has one design (shipped: C 64, 0.14 / 0.42,
``comment``). Layer over the rules of 754f2f3, blind 28 held out (2,605 pairs), shipped -> PF,
P/R/F1 (polarity): 0.881/0.817/0.848 (0.799) -> 0.899/0.824/0.860 (0.789). The estimate's model
(``train_theme_model.py --train 11 ... 31 --blind 9 10 11 12 13 15 ... 27 --design
both_comment_edge_pfloor --choices '{"ja": [64.0, 0.20, 0.38, "comment"]}' --keep en
--keep-from 754f2f3``), whole tagger on blind 28 held out, P/R/F1, polarity: rules alone en
0.796/0.686/0.737, 0.798, ja 0.798/0.756/0.776, 0.822; shipped (754f2f3) en 0.883/0.741/0.806,
0.860, ja 0.881/0.817/0.848, 0.880; PF (= PF-0.01) ja 0.899/0.824/0.860, 0.872 (dF1 +0.012, dP
+0.017, dpol -0.008). By the declared rule **Japanese has no candidate**: its one design falls
0.008 in polarity accuracy (more than 0.005); it keeps round 11. English: 2,323 s CPU (5,718 s
wall). Constrained pooled fold F1 per C 1, 4, 16, 64 (floor 0.809): PF 0.811, 0.823, 0.823,
0.823 -> C 16, t_drop 0.16, t_add 0.42, ``comment``; PF-0.01 C 16, 0.14 / 0.42, ``comment``
(shipped: C 4, 0.22 / 0.40, ``comment``). Layer over the rules, blind 28 held out, shipped ->
PF / PF-0.01, P/R/F1 (polarity): 0.883/0.741/0.806 (0.810) -> 0.889/0.767/0.824 (0.803) /
0.883/0.769/0.822 (0.804). The estimate's model (the command above with ``--choices '{"en":
[16.0, ...]}' --keep ja``), whole tagger on blind 28 held out: shipped 0.883/0.741/0.806, 0.8595
(363 of 411 right of 490); PF 0.889/0.767/0.824, 0.8537 (dF1 +0.018, dP +0.006, dpol -0.0058);
PF-0.01 0.883/0.769/0.822, 0.8541 (dF1 +0.016, dP -0.0003, dpol -0.0054). By the declared rule
**English has no candidate** either: both designs fall more than 0.005 in polarity accuracy.
**No language has a candidate: round 14 ships nothing, and decision set 32 is not read**
(PREREG30); the resource stays 754f2f3's.

Round 15 (LAY30, ``--round 15``, ``docs/prereg/PREREG31.md``), declared before any run: round
14's theme layer with the polarity correction refitted on its mentions, one candidate per
language = the pair (theme layer, correction), shipped together or not at all. The theme layer:
round 14's choices, fixed and not chosen again (LAY29, e40fe9b / 348a217): en PF, C 16, t_drop
0.16, t_add 0.42, added polarity ``comment``; ja C 64, 0.20 / 0.38, ``comment``, trained by
``train_theme_model.py --design both_comment_edge_pfloor --choices ...`` on round 14's data
(``labelled_sets.TRAIN15`` = ``TRAIN14``: training 9-31; ``BLIND15`` = ``BLIND14``: blind 9-13,
15-28), the estimate's models without blind 28 (``--blind`` 9-13, 15-27), the candidate's with
it. The correction: its round 8 (``benchmarks/polarity_round8.py``: polarity round 7's design
G2T and procedure unchanged, C, t and t_added chosen once on the pooled folds blind 25 + 26 and
training 29 + 30 over the estimate tagger's mentions and kept for the candidate; data round 7's
plus training 31 and blind 28; the estimate correction fitted on the estimate tagger's mentions
without blind 28, the candidate's on the candidate tagger's with it). ``whole --round 15`` reads
blind 28 (``theme_eval_blind28.csv``) held out with the whole tagger, one reading per
``--theme`` resource with the ``--polarity`` resource at the same place (``-``: the shipped
one): the shipped pair (main at e903b3c, the same resources as 754f2f3: theme layer English
round 13, Japanese round 11; correction English round 6, Japanese round 7); round 14's layer
(the estimate) with the shipped correction (for the record only; known from LAY29: en
0.889/0.767/0.824, 0.854; ja 0.899/0.824/0.860, 0.872); round 14's layer with the estimate
correction. The candidate rule is round 10's, word for word (above), per language, on the last
reading against the shipped: not below the shipped in F1, not below it by more than 0.005 in
precision or polarity accuracy (printed for each reading, the last decides). A language with a
candidate trains it (both resources, with blind 28) and commits it before set 32 is read; a
language without one keeps both shipped resources (``rebuild --keep``: its arrays of e903b3c,
byte for byte). ``decide --round 15`` reads decision set 32 (``theme_train32_{en,ja}.csv``,
never trained on) once, by the lead, only for languages with a candidate: rules alone, the
shipped pair (e903b3c), the candidate (the working tree's two resources), whole figures per
language; PREREG27's rule per language: F1 >= +0.005, P >= -0.005 and polarity accuracy >=
-0.005 against the shipped pair. A language that fails keeps both its shipped resources
(``rebuild --keep LANG --candidate COMMIT``: both resources written from committed arrays alone,
that language's from e903b3c, the other's from the candidate commit; no refit).

Round 15's run (LAY30, from 09:54 UTC; scikit-learn 1.9.1, SciPy 1.17.1). The estimate's theme
layer (``train_theme_model.py --train 11 ... 31 --blind 9 10 11 12 13 15 ... 27 --design
both_comment_edge_pfloor --choices '{"en": [16.0, 0.16, 0.42, "comment"]}' --keep ja
--keep-from e903b3c``, and the same with ``'{"ja": [64.0, 0.20, 0.38, "comment"]}' --keep en``,
un-niced, one process per language, joined with ``join``; 22,074 en / 22,057 ja comments; 63 s
and 59 s CPU, 3:19 and 3:12 wall at load 1-5). Its tagger's mentions over polarity round 8's
sets (``benchmarks/polarity_round8.py``): 32,364 en / 29,367 ja. The correction's choice, made
once on the folds (blind 28 out of every model), right fold mentions per C 1, 4, 16: en 1,684,
1,691, 1,690 of 1,966 -> C 4, t 0.30, t_added 0.50; ja 1,605, 1,608, 1,607 of 1,776 -> C 4, t
0.40, t_added 0.60 (547 s and 517 s CPU, 49 minutes wall at load 8-13). The estimate correction
(every mention but blind 28's: 31,988 en / 29,030 ja) and the whole tagger on blind 28 held out,
P/R/F1, polarity accuracy (right of the mentions found whose truth has the theme): rules alone en
0.796/0.686/0.737, 0.798, ja 0.798/0.756/0.776, 0.822; shipped (e903b3c) en 0.883/0.741/0.806,
0.8595 (312 of 363), ja 0.881/0.817/0.848, 0.8802 (294 of 334); round 14's layer (the estimate)
with the shipped correction, for the record, en 0.889/0.767/0.824, 0.8537 (321 of 376), ja
0.899/0.824/0.860, 0.8724 (294 of 337), LAY29's figures again; round 14's layer with the
estimate correction en 0.889/0.767/0.824, 0.8590 (323 of 376; dF1 +0.018, dP +0.006, dpol
-0.0005), ja 0.899/0.824/0.860, 0.8724 (294 of 337; dF1 +0.012, dP +0.017, dpol -0.0078). By
round 10's rule: **English has a candidate** (the pair), **Japanese has none** (its polarity
still falls 0.008: the refit correction gets the same 294 right as the shipped one); Japanese
keeps both shipped resources.
Round 15's candidate (English only; Japanese arrays of both resources e903b3c's, array for
array), committed before set 32 is read: the theme layer trained with blind 28 (``PYTHONPATH=.
python benchmarks/train_theme_model.py --train 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26
27 28 29 30 31 --blind 9 10 11 12 13 15 16 17 18 19 20 21 22 23 24 25 26 27 28 --design
both_comment_edge_pfloor --choices '{"en": [16.0, 0.16, 0.42, "comment"]}' --keep ja
--keep-from e903b3c``: 22,334 en comments, 90 s CPU; 10,804,682 bytes) and the correction
refitted on its tagger's mentions with the estimate's choice (``benchmarks/polarity_round8.py``:
C 4, t 0.30, t_added 0.50, blind 28 included, ``--keep ja``: 32,471 English mentions, 42,594
n-grams, 65 s CPU; 2,242,771 bytes). Set 32: ``decide --round 15`` (by the lead; English is the
only language with a candidate, Japanese reads as shipped in both rows). The text tests
against the candidate (test_layer, test_evaluation, test_themes, test_cli_themes,
test_polarity_layer, test_sentiment): 9 fail, each only because an in-sample figure or an
expected value moved: test_layer's four English probabilities (``train_theme_model.py
--sample``) and its verifier example (round 15's layer adds communication to "HR told us it was
free..." with a probability the verifier keeps; it still takes back products), test_polarity_layer's
three English samples (``polarity_round8.py train --sample``), and blind 6's trained English
polarity floor (313 of 344 -> 312 of 348, 0.910 -> 0.897 < 0.90). A ship makes those edits (the
floor 0.88); the candidate commit leaves the tests as they were.

Set 32, read once (``decide --round 15`` by the lead, 11:08 UTC, after merging c400fcf; whole
figures, shipped e903b3c -> candidate): English P 0.861 R 0.727 F1 0.788, polarity 0.804 ->
0.845 / 0.743 / 0.791, 0.808 (dF1 +0.002 < +0.005, dP -0.016 < -0.005): **English keeps the
shipped layer and correction**; Japanese had no candidate (0.859 / 0.783 / 0.819, 0.869 in both
rows). Rules alone: en 0.746 / 0.665 / 0.703, 0.783; ja 0.738 / 0.718 / 0.728, 0.810. The
resources are ``rebuild --round 15 --keep en --candidate c400fcf``: e903b3c's bytes. Round 15
ships nothing; set 32 has been read once and decides nothing more (it is spent: trainable).

Round 16 (LAY31, ``--round 16``, ``docs/prereg/PREREG35.md``), declared before any run: round
15's design and choices unchanged, not chosen again (theme layer en PF C 16, t_drop 0.16, t_add
0.42, ``comment``; ja C 64, 0.20 / 0.38, ``comment``; correction G2T en C 4, t 0.30, t_added
0.50; ja C 4, 0.40 / 0.60, ``benchmarks/polarity_round9.py``), the pair one candidate per
language, on round 15's data grown by training sets 32 and 34 and blind sets 29, 30 and 33
(``labelled_sets.TRAIN16``: training 9-32 and 34; ``BLIND16``: blind 9-13, 15-30 and 33), over
main's rules at 62d2456. The estimate: both resources trained without blind 33 (``--blind`` 9-13,
15-30); ``whole --round 16`` reads blind 33 (``theme_eval_blind33.csv``) held out: the shipped
pair (main 62d2456's two resources, e903b3c's bytes) against the estimate layer with the
estimate correction; round 10's rule word for word, per language (not below the shipped in F1,
not below it by more than 0.005 in precision or polarity accuracy). A language with a candidate
trains it (both resources, with blind 33) and commits it before set 36 is read; a language
without one keeps both shipped resources (``rebuild --round 16 --keep LANG --candidate
COMMIT``: its arrays of 62d2456). ``decide --round 16`` reads decision set 36
(``theme_train36_{en,ja}.csv``, never trained on) once, by the lead, only for languages with a
candidate; PREREG27's rule per language (F1 >= +0.005, P >= -0.005, polarity accuracy >= -0.005
against the shipped pair). If the round cannot finish by 15:00 UTC nothing ships.

Round 16's run (LAY31, from 13:52 UTC; scikit-learn 1.9.1, SciPy 1.17.1). The estimate's theme
layer (``train_theme_model.py --train 11 ... 32 34 --blind 9 10 11 12 13 15 ... 30 --design
both_comment_edge_pfloor --choices '{"en": [16.0, 0.16, 0.42, "comment"]}' --keep ja --keep-from
62d2456``, and the same with ``'{"ja": [64.0, 0.20, 0.38, "comment"]}' --keep en``, un-niced, one
process per language, joined with ``join``): 23,654 en / 23,637 ja comments (round 15: 22,074 /
22,057); 65 s and 63 s CPU, 3:45 and 3:42 wall at load 5-9. Its tagger's mentions
(``benchmarks/polarity_round9.py``, 88 set files): 35,104 en / 31,784 ja, 78 s CPU in two parts
(7:39 wall at load 9-11). The estimate correction with round 15's fixed choice (en C 4, t 0.30,
t_added 0.50; ja C 4, 0.40 / 0.60), every mention but blind 33's (34,748 en / 31,486 ja; 46,360
/ 89,264 n-grams; 53 s and 62 s CPU). Whole tagger on blind 33 held out (449 en / 415 ja gold),
P/R/F1, polarity accuracy: rules alone en 0.821/0.675/0.741, 0.733; ja 0.772/0.622/0.689, 0.806;
shipped (62d2456) en 0.890/0.739/0.808, 0.777 (373 found); ja 0.828/0.696/0.757, 0.851 (349
found); round 16's estimate layer with the estimate correction en 0.888/0.793/0.838, 0.787 (401
found; dF1 +0.030, dP -0.002, dpol +0.009); ja 0.835/0.718/0.772, 0.856 (357 found; dF1 +0.015,
dP +0.007, dpol +0.004). By round 10's rule **both languages have a candidate** (the pair, per
language); 11 s CPU for the reading.
Round 16's candidate (both languages), committed before set 36 is read: the theme layer trained
with blind 33 (``PYTHONPATH=.:SITE python benchmarks/train_theme_model.py --out EN.npz --train 11
12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29 30 31 32 34 --blind 9 10 11 12 13 15 16 17
18 19 20 21 22 23 24 25 26 27 28 29 30 33 --design both_comment_edge_pfloor --choices '{"en":
[16.0, 0.16, 0.42, "comment"]}' --keep ja --keep-from 62d2456``, and ``--out JA.npz ... --choices
'{"ja": [64.0, 0.20, 0.38, "comment"]}' --keep en``, then ``join --en EN.npz --ja JA.npz --out
nps_kit/resources/theme_layer.npz``: 23,914 en / 23,897 ja comments, 84 s / 74 s CPU, 8:21 /
7:39 wall at load 7-11, run in parallel with the estimate's mentions to save wall time, used only
because the estimate found a candidate; 12,174,053 bytes, 62d2456's 10,537,517) and the correction
refitted on its tagger's mentions with the fixed choice (``polarity_round9.py mentions --theme
CAND.npz --cache DIR --part I/2``, then ``train --theme CAND.npz --cache DIR --with-held --keep ja
--out PEN.npz`` and ``--keep en --out PJA.npz``, ``join --en PEN.npz --ja PJA.npz --out
nps_kit/resources/polarity_layer.npz``: 35,182 en / 31,902 ja mentions, 65 s CPU in two parts;
47,062 / 91,134 n-grams, 71 s / 66 s CPU; 2,554,499 bytes, 62d2456's 1,965,028). Set 36:
``decide --round 16`` (by the lead; both languages have a candidate). If one language fails, the
resources are ``rebuild --round 16 --keep LANG --candidate COMMIT`` (this commit): that
language's arrays of both resources from 62d2456, the other's from the candidate.
The candidate layer retrained with ``--sample`` gives the same bytes (both languages). The text
tests against the candidate (test_layer, test_evaluation, test_themes, test_cli_themes,
test_polarity_layer, test_sentiment; 155 s CPU, 3:47 wall niced): 19 of 1,011 fail, each only
because an in-sample figure, an expected probability or an expected tag moved. English:
test_layer's four probabilities (``train_theme_model.py --sample``) and its verifier example
(the layer adds communication to "HR told us it was free..." with a probability the verifier
keeps; it still takes back products), test_polarity_layer's four samples (``polarity_round9.py
train --sample``), blind 6's trained English polarity floor (312 of 348 = 0.897 < 0.90 -> 0.89),
test_sentiment's "Nothing at all. Tom behind the bar" (the layer no longer adds staff; "Nothing.
Tom behind the bar" reads as the example meant: neutral). Japanese: test_layer's four
probabilities, test_polarity_layer's six samples, imp13's layer precision floor (275 of 309 =
0.88997 < 0.89 -> 0.88), test_cli_themes' hotel --suggest note (the layer tags 24 hotel comments
fewer, those with "アメニティが充実": 300 -> 276 with a theme, quality 252 -> 228, layer-only 212
-> 188, that phrase gone from the list). The edits are the branch's last commit, apart (a ship
takes them; a one-language ship takes that language's hunks).

Round 17 (LAY32, ``--round 17``, ``docs/prereg/PREREG36.md``), declared before any run: round
14's theme layer choices unchanged (en PF C 16, t_drop 0.16, t_add 0.42, ``comment``; ja C 64,
0.20 / 0.38, ``comment``) on round 16's data grown by training set 36 (round 16's decision set,
read once, spent; ``labelled_sets.TRAIN17``: training 11-32, 34 and 36; ``BLIND17``: blind 9-13,
15-30 and 33), over main's rules at 0e256a1; the polarity correction of round 15's design with
**its choice made again** on the new layer's mentions by round 15's procedure unchanged
(``benchmarks/polarity_round10.py``: ``polarity_round8``'s ``choose`` per language, set 36 out
of every fold model), the choice written once and kept for the candidate; the pair one
candidate per language. The estimate: both resources trained without set 36 (``--train`` 11-32
and 34); ``whole --round 17`` reads set 36 held out (``theme_train36_{en,ja}.csv``, whole
figures only): the shipped pair (main 0e256a1's two resources: English round 13's layer with
round 6's correction, as e903b3c; Japanese round 16's pair), for information only the estimate
layer with a correction fitted with round 16's fixed choice (``polarity_round10.py train
--fixed``: en C 4, 0.30 / 0.50; ja C 4, 0.40 / 0.60), and last the estimate layer with the
estimate correction (the new choice), which decides: round 10's rule word for word, per
language (not below the shipped in F1, not below it by more than 0.005 in precision or polarity
accuracy). A language with a candidate trains it (both resources, with set 36, the estimate's
choice) and commits it before set 38 is read; a language without one keeps both shipped
resources (``rebuild --round 17 --keep LANG --candidate COMMIT``: its arrays of 0e256a1).
``decide --round 17`` reads decision set 38 (``theme_train38_{en,ja}.csv``, never trained on,
never opened here) once, by the lead, only for languages with a candidate; PREREG27's rule per
language (F1 >= +0.005, P >= -0.005, polarity accuracy >= -0.005 against the shipped pair). If
the candidate is not committed by 17:45 UTC nothing ships.

Round 17's run (LAY32, from 16:04 UTC; scikit-learn 1.9.1, SciPy 1.17.1). The estimate's theme layer
(``train_theme_model.py --train 11 ... 32 34 --blind 9 10 11 12 13 15 ... 30 33 --design
both_comment_edge_pfloor --choices '{"en": [16.0, 0.16, 0.42, "comment"]}' --keep ja --keep-from
0e256a1``, and ``'{"ja": [64.0, 0.20, 0.38, "comment"]}' --keep en``, un-niced, one process per
language, joined): 23,914 en / 23,897 ja comments, 51 s / 43 s CPU, 1:46 / 1:42 wall; it is round
16's candidate layer byte for byte (0b08533: the same data, choices and rules), so its Japanese
arrays are the shipped ones. The correction's choice made again on its tagger's fold mentions
(``polarity_round10.py``, set 36 out of every fold model): **en C 16, t 0.40, t_added 0.80; ja C 4,
t 0.50, t_added 0.70** (round 15's: en C 4, 0.30 / 0.50; ja C 4, 0.40 / 0.60); 525 s and 361 s CPU,
39 and 33 min wall at load 9-15. Whole tagger on set 36 held out (612 en / 544 ja gold), P/R/F1,
polarity accuracy: rules alone en 0.745/0.676/0.709, 0.802; ja 0.796/0.776/0.786, 0.855; shipped
(0e256a1) en 0.844/0.761/0.801, 0.811 (552 found); ja 0.853/0.855/0.854, 0.908 (545 found); the
estimate layer with the correction of round 16's fixed choice (for information only: en C 4, 0.30 /
0.50, round 16's candidate pair byte for byte, 0b08533's two resources; ja C 4, 0.40 / 0.60, the
shipped pair byte for byte) en 0.845/0.804/0.824, 0.8028 (395 of 492 right), ja 0.853/0.855/0.854,
0.9075 (422 of 465); the estimate layer with the estimate correction (the new choice), which
decides: en 0.845/0.804/0.824, 0.8028 (582 found, 395 of 492 right; dF1 +0.023, dP +0.001, **dpol
-0.0084**), ja 0.853/0.855/0.854, 0.9054 (545 found, 421 of 465; dF1 +0.000, dP +0.000, dpol
-0.0021). The new choice does not move English polarity on set 36 (the same 395 right as round 16's
fixed choice) and costs Japanese one mention. By round 10's rule word for word: **English has no
candidate** (polarity below the shipped by more than 0.005: the new choice does not keep polarity;
with the shipped round-6 correction the estimate layer reads 0.805, dpol -0.006); **Japanese has a
candidate** (its layer is the shipped one, F1 and P equal, polarity 0.002 lower with the new
thresholds, within 0.005). 14 s CPU per reading.

Round 17's candidate (Japanese only; English arrays of both resources 0e256a1's, array for array),
committed before set 38 is read: the Japanese theme layer trained with set 36 (``PYTHONPATH=.:SITE
python benchmarks/train_theme_model.py --out JA.npz --train 11 12 13 14 15 16 17 18 19 20 21 22 23
24 25 26 27 28 29 30 31 32 34 36 --blind 9 10 11 12 13 15 16 17 18 19 20 21 22 23 24 25 26 27 28 29
30 33 --design both_comment_edge_pfloor --choices '{"ja": [64.0, 0.20, 0.38, "comment"]}' --keep en
--keep-from 0e256a1``: 24,297 ja comments, 79 s CPU, 11:39 wall; 11,556,046 bytes, 0e256a1's
11,479,158; ``JA.npz`` is the package's ``theme_layer.npz``) and the correction refitted on its
tagger's mentions with the estimate's choice (``polarity_round10.py mentions --theme CAND.npz
--cache DIR --part I/2``, ``train --theme CAND.npz --cache DIR --chosen EST_DIR/choice10.json
--with-held --keep en --out PJA.npz``, copied to ``nps_kit/resources/polarity_layer.npz``: C 4, t
0.50, t_added 0.70, 32,448 mentions, 92,098 n-grams, 64 s CPU; 2,199,409 bytes, 0e256a1's
2,182,159). ``CAND.npz`` is the join of that Japanese layer with an English one trained with set 36
the same way (``--choices '{"en": [16.0, 0.16, 0.42, "comment"]}' --keep ja``, 24,314 comments, 96 s
CPU; not used: no Japanese mention reads it). Set 38: ``decide --round 17`` (by the lead; Japanese
is the only language with a candidate, English reads as shipped in both rows). If Japanese fails,
the resources are ``rebuild --round 17 --keep en ja --candidate COMMIT`` (0e256a1's bytes).

The candidate layer retrained with ``--sample`` gives the same bytes, and the correction refitted
with ``--sample`` too. The text tests against the candidate (test_layer, test_evaluation,
test_themes, test_cli_themes, test_polarity_layer, test_sentiment; 181 s CPU, 8:23 wall niced): 8 of
1,020 fail, each only because an in-sample figure or an expected probability moved, all Japanese:
test_layer's four Japanese probabilities (``train_theme_model.py --sample``), test_polarity_layer's
three Japanese comments (six samples, ``polarity_round10.py train --sample``), and set 4's trained
Japanese polarity floor (``LAYER_TUNED["fourth"]``: 301 of 314 = 0.9586 < 0.96 -> 0.95). The edits
are the branch's last commit, apart (a Japanese ship takes it; nothing else needs one). Resources
per outcome of set 38: Japanese ships -> the candidate commit's two resources as they are (``rebuild
--round 17 --keep en --candidate COMMIT`` gives them byte for byte); it fails -> ``rebuild --round
17 --keep en ja --candidate COMMIT`` (0e256a1's bytes). English has no candidate, so no outcome
ships it.

Run: ``PYTHONPATH=. python benchmarks/layers_round10.py whole [--round 11|...|17] --theme
A.npz [B.npz] [--polarity P.npz|- ...]`` or ``... decide [--round 11|...|17]``; round 15
also ``... join --en EN.npz --ja JA.npz --out X.npz`` (one file from two, each language's arrays
from its own) and ``... rebuild --keep [LANG] --candidate COMMIT`` (the package resources).
"""

from __future__ import annotations

import argparse
import io
import subprocess
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from layers_round8 import shipped_files, show, whole  # noqa: E402
from layers_round9 import verdict  # noqa: E402
from train_theme_model import write  # noqa: E402

#: Per round, main where it began (rounds 10 and 11: English round 8, Japanese round 7; rounds 12
#: and 13: English round 8, Japanese round 11; rounds 14 and 15: English round 13, Japanese round
#: 11; round 15's commit holds 754f2f3's two resources), the estimate's held-out set (spent) and
#: the decision set.
ROUNDS = {
    10: ("b503485", "theme_eval_blind23.csv", "theme_train28"),
    11: ("33a2d57", "theme_eval_blind24.csv", "theme_train28"),
    12: ("0108b00", "theme_eval_blind25.csv", "theme_train29"),
    13: ("2ab4254", "theme_eval_blind26.csv", "theme_train30"),
    14: ("754f2f3", "theme_eval_blind28.csv", "theme_train32"),
    15: ("e903b3c", "theme_eval_blind28.csv", "theme_train32"),
    16: ("62d2456", "theme_eval_blind33.csv", "theme_train36"),
    17: ("0e256a1", ("theme_train36_en.csv", "theme_train36_ja.csv"), "theme_train38"),
    18: ("ec5be1e", ("theme_train38_en.csv", "theme_train38_ja.csv"), "theme_train40"),
}


#: The package resources a round-15 candidate is (the theme layer and its correction).
RESOURCES = ("theme_layer.npz", "polarity_layer.npz")
#: Arrays of a resource that belong to no language (written from the first file joined).
_LANGS = ("en", "ja")


def committed(commit: str, name: str) -> dict[str, np.ndarray]:
    """Every array of the package resource ``name`` as committed at ``commit``."""
    blob = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:nps_kit/resources/{name}"],
        capture_output=True,
        check=True,
    ).stdout
    with np.load(io.BytesIO(blob), allow_pickle=False) as saved:
        return {k: saved[k] for k in saved.files}


def joined(parts: dict[str, dict[str, np.ndarray]]) -> dict[str, np.ndarray]:
    """One resource's arrays from one per language: each language's own, the shared the first's.

    ``parts`` maps a language to the arrays of a resource whose models of that language are the
    ones wanted (its other language's arrays are ignored).
    """
    first = next(iter(parts.values()))
    out = {k: v for k, v in first.items() if k.split("_")[0] not in _LANGS}
    for lang, arrays in parts.items():
        out.update({k: v for k, v in arrays.items() if k.split("_")[0] == lang})
    return out


def rebuild(keep: list[str], candidate: str, shipped: str, out_dir: Path) -> None:
    """Write both package resources from committed arrays alone (no refit).

    A language in ``keep`` takes its arrays of both resources from ``shipped`` (e903b3c: byte
    for byte the arrays shipped), the others from ``candidate``; the shared arrays (the packs,
    the polarities and segments) are the candidate's, the same in both commits.
    """
    for name in RESOURCES:
        parts = {lang: committed(shipped if lang in keep else candidate, name) for lang in _LANGS}
        write(out_dir / name, joined(parts))
        print(f"wrote {out_dir / name} ({(out_dir / name).stat().st_size:,} bytes)")


def rule10(rows: dict) -> str:
    """Round 10's candidate rule, word for word, for each reading after the shipped one.

    Not below the shipped in F1, not below it by more than 0.005 in precision or polarity
    accuracy (round 15: the last reading, the estimate pair, decides).
    """
    names = list(rows)
    base = rows[names[1]].set_index("lang")
    out = []
    for name in names[2:]:
        new = rows[name].set_index("lang")
        for lang in [x for x in new.index if x in _LANGS]:
            b, n = base.loc[lang], new.loc[lang]
            ok = (
                n.F1 >= b.F1
                and n.precision - b.precision >= -0.005
                and n.polarity_accuracy - b.polarity_accuracy >= -0.005
            )
            out.append(f"  {name} {lang}: {'a candidate' if ok else 'no candidate'}")
    return "round 10's rule against the shipped:\n" + "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run one step (see the module description)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["whole", "decide", "join", "rebuild"])
    parser.add_argument("--theme", nargs="*", default=[], help="whole: theme layer resources")
    parser.add_argument(
        "--polarity",
        nargs="*",
        default=[],
        help="whole: the correction resource read with each --theme, in order ('-': the shipped "
        "one; the shipped one for every --theme without one)",
    )
    parser.add_argument("--round", type=int, default=10, choices=list(ROUNDS))
    parser.add_argument("--shipped", help="the shipped layers' commit (the round's by default)")
    parser.add_argument("--en", type=Path, help="join: the file whose English arrays are kept")
    parser.add_argument("--ja", type=Path, help="join: the file whose Japanese arrays are kept")
    parser.add_argument("--out", type=Path, help="join: the file written")
    parser.add_argument(
        "--keep", nargs="*", default=[], choices=list(_LANGS), help="rebuild: languages kept"
    )
    parser.add_argument("--candidate", help="rebuild: the commit of the candidate's resources")
    args = parser.parse_args(argv)
    shipped, held, decision = ROUNDS[args.round]
    args.shipped = args.shipped or shipped
    if args.step == "join":
        if not (args.en and args.ja and args.out):
            parser.error("join needs --en, --ja and --out")
        parts = {}
        for lang, path in (("en", args.en), ("ja", args.ja)):
            with np.load(path, allow_pickle=False) as saved:
                parts[lang] = {k: saved[k] for k in saved.files}
        write(args.out, joined(parts))
        print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
        return 0
    if args.step == "rebuild":
        if not args.candidate:
            parser.error("rebuild needs --candidate COMMIT")
        rebuild(args.keep, args.candidate, args.shipped, ROOT / "nps_kit" / "resources")
        return 0
    if len(args.polarity) > len(args.theme):
        parser.error("more --polarity resources than --theme resources")
    data_dir = ROOT / "tests" / "data"
    decision_files = [data_dir / f"{decision}_{lang}.csv" for lang in ("en", "ja")]
    held_files = [data_dir / f for f in ([held] if isinstance(held, str) else held)]
    files = held_files if args.step == "whole" else decision_files
    with tempfile.TemporaryDirectory() as tmp:
        theme0, pol0 = shipped_files(Path(tmp), args.shipped)
        rows = {"rules alone": whole(files, learned=False)}
        rows[f"shipped ({args.shipped})"] = whole(files, theme0, pol0)
        if args.step == "whole":
            polarity = [*args.polarity, *["-"] * (len(args.theme) - len(args.polarity))]
            for path, pol in zip(args.theme, polarity, strict=True):
                name = Path(path).stem if pol == "-" else f"{Path(path).stem}+{Path(pol).stem}"
                pol_path = pol0 if pol == "-" else str(Path(pol).resolve())
                rows[name] = whole(files, str(Path(path).resolve()), pol_path)
        elif args.round >= 15:
            rows["candidate (working tree, both)"] = whole(files)
        else:
            rows["candidate (working tree)"] = whole(files, "-", pol0)
    print(show(rows))
    if args.step == "decide":
        print(verdict(rows))
    elif args.round >= 15:
        print(rule10(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
