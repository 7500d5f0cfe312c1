"""Train the learned theme layer and write ``nps_kit/resources/theme_layer.npz``.

Design (round 3: round 2's ``both_comment`` of ``benchmarks/theme_layer_eval2.py`` with a C grid
that grows at its top, ``both_comment_edge``; read its docstring and that of
``benchmarks/theme_layer_eval.py``, round 1): per (language, theme id) a logistic
regression on text features only — Japanese character 1–3-grams of ``normalise_one``, English
lemma uni- and bigrams plus character 3–5-grams within words, TF-IDF (sublinear, ``min_df=2``,
l2), the pack as a feature — trained on every comment whose pack has the theme. Over the rules,
a hit is kept unless the probability is below ``t_drop`` and a theme the rules missed is added
when it is at least ``t_add`` (per language). An added theme's polarity follows one of three
rules, chosen per language: ``score`` (a detractor's negative, a promoter's positive, else
neutral), ``others`` (the polarity the rules gave the comment's other themes when they agree,
else the score's) or ``comment`` (the whole comment's judgement when it praises or complains,
else the score's).

Data (round 3): every labelled set — the old set, blind sets 1–8, training sets 5 and 9 to 15
(``tests/data/theme_eval.csv``, ``theme_eval_blind{,2,...,8}.csv``,
``theme_train{5,9,...,15}_{en,ja}.csv``, first author): 7,394 English and 7,377 Japanese
comments. Blind sets 9 and 10 are never read (training sets 16 and 17 arrived too late for it).

Choices (C in {1, 4, 16}, 64 and more while the top C is the best; t_drop, t_add, the
added-polarity rule) on blind sets 6, 7 and 8 pooled, each with models trained on every other
set (cross-fitted), over the tags of the rules at e7e3f2f, which never saw sets 6-8 (so their
hits there are like hits on new text; 4d59c45's rules tag them the same). The final models are
then trained on every set with those choices. Chosen in round 3: English C = 4 (F1 0.880 on
the pooled pairs; C = 16 0.879), t_drop 0.18, t_add 0.46; Japanese C = 16 (0.893, tied with
C = 64; the first wins a tie, so the grid stops), t_drop 0.16, t_add 0.50; added polarity
``comment`` in both (score / others / comment: en 0.827 / 0.821 / 0.829, ja 0.838 / 0.834 /
0.851). The resource is 4.6 MB (42,555 English and 33,129 Japanese n-grams, float32 weights
for 25 theme ids).

Honest estimate of round 3 (``benchmarks/theme_layer_eval2.py``, same procedure, rules at
4d59c45, against round 2 as shipped on the same held-out pairs): en 0.853/0.847/0.850, 0.832
-> 0.882/0.865/0.873, 0.830 (F1 +0.023); ja 0.897/0.842/0.868, 0.854 -> 0.896/0.878/0.887,
0.846 (+0.019). Its ship rule is met.

Round 2 (shipped at 4d59c45; 3,694 English and 3,677 Japanese comments). Chosen: English C = 4
(F1 0.855 on the pooled pairs, tied with C = 16; the first of the grid wins a tie), t_drop 0.12,
t_add 0.46; Japanese C = 16 (0.873), t_drop 0.16, t_add 0.52; added polarity ``comment`` in both
(polarity accuracy of the pooled pairs with score / others / comment: en 0.826 / 0.825 / 0.834,
ja 0.844 / 0.842 / 0.853). The resource was 3.0 MB (29,482 English and 20,764 Japanese n-grams,
float32 weights for 25 theme ids).

Honest estimate of round 2 (``benchmarks/theme_layer_eval2.py``: sets 6, 7, 8 held out in turn,
choices on the other two, pooled; rules at e7e3f2f alone / + the round-1 layer / + this layer,
P/R/F1, polarity accuracy): en 0.805/0.790/0.798, 0.832 / 0.846/0.802/0.824, 0.831 /
0.853/0.847/0.850, 0.832 (F1 +0.027 over round 1); ja 0.806/0.807/0.807, 0.861 /
0.847/0.820/0.833, 0.851 / 0.897/0.842/0.868, 0.854 (+0.035). The ship rule (F1 +0.01 over round
1 in each language, P and R not below -0.01, polarity not below -0.005) is met; nine designs
(eleven runs) were judged on the same sets, so the figures are somewhat optimistic. Known errors
it makes: in short English saas comments it can drop reliability ("The API docs are great but it
crashes daily": p 0.08 < t_drop 0.12) and add integrations for "API" (p 0.475).

Cost (``benchmarks/bench_text.py``'s timer, each tagger in a fresh process, the two packages
alternated twice in the same run, load average 5.4-6.1 on 2 cores shared with other jobs):
themes + polarity of 100,000 comments took 4.85 and 4.14 s CPU with round 1's layer (the package
at e7e3f2f) and 4.83 and 3.61 s with this one: no cost that the noise lets one see, although the
vocabulary is larger (the columns of each distinct word are cached, and the matrix product is
no wider), and an added theme's ``polarity_of`` is paid only where the layer adds one.
Again after rebasing on main a4424aa (its faster layer code), load average 2.9-3.4: 3.55 and
3.39 s CPU with round 1's layer, 3.59 and 3.48 s with this one (+0.04 to +0.09 s).

Round 3's cost (``benchmarks/bench_text.py``'s corpus and timer, main 9f890b8's package and
this one alternated, two runs of two rounds, load average 1.0-1.2): themes + polarity of
100,000 comments with random segments (as a report calls it, with the polarity correction)
4.28, 4.28, 4.53, 4.35 s CPU with round 2's layers and 4.96, 4.50, 4.76, 4.67 s with round 3's
(+0.2 to +0.7 s: larger vocabularies, 4.6 MB and 858 kB to load; still under the 5 s target);
without segments 3.46-3.52 s against 3.54-4.22 s.

Round 1 (shipped at e7e3f2f) was trained on the old set, blind sets 1–5 and training set 5
(1,914 English, 1,897 Japanese comments), with choices on sets 4 and 5 over commit 6cfe1fd's
rules: C = 16, en t_drop 0.06 / t_add 0.42, ja 0.06 / 0.60, added polarity from the score;
estimate en F1 0.798 -> 0.820, ja 0.814 -> 0.837; 100,000 comments' themes + polarity cost
+0.9-1.4 s CPU.

The resource is written bit for bit the same on every run (liblinear seeded, zip entries
without timestamps). ``--sample`` prints the probabilities of a few comments as the training
code computes them (scikit-learn), for ``tests/test_layer.py``.

Round 3 (issue 11): training sets 11 to 15 (``theme_train{11,...,15}_{en,ja}.csv``) are read as
training data too, by default (``--train`` names which); ``--train`` with no set and ``--design
both_comment`` train on round 2's data with round 2's procedure and write round 2's resource bit
for bit. Every file is named (blind sets 9 and 10 are never read). The choices are made again by
the procedure above, whose C grid now grows (x 4, up to 4,096) while its top C is the best; the
rule and the estimate of round 3 are in ``benchmarks/theme_layer_eval2.py``.

Round 4 (issue 11): training sets 16 to 20 are read too, by default (``--train`` names which: 16
long business comments, 17 typed on phones, 18, 19 and 20 from industries new to every other
set). The choices are made on the folds 6, 7, 8 and 18 pooled (``--folds``; 18 is the fold of
new industries, read over rules that never saw it, ``labelled_sets.FOLD_RULES``) without set 19
(``--without``), which joins the training only after them, as the pre-registration says; so
round 4's estimate, which holds out set 19 (``benchmarks/layers_eval4.py``, with its rule),
estimates these very choices, and ``--chosen`` takes them from its saved table instead of making
them again (the same computation). ``--train 11 12 13 14 15 --folds 6 7 8 --without`` trains
round 3's data with round 3's procedure.

Run: ``pip install -e '.[eval]'``, then ``PYTHONPATH=. python benchmarks/train_theme_model.py
[--train 11 ... 20] [--folds 6 7 8 18] [--without 19] [--design NAME] [--chosen SAVED]
[--out PATH] [--sample]``.

Round 4 did NOT ship (its pre-registered rule failed on held-out set 19, see
``benchmarks/layers_eval4.py``).

Round 5 (issue 11, ``/work/lead/PREREG12.md``; shipped): training sets 21 and 22 are read too
(every numbered set 11-22 by default), the choices are made on folds 6, 7, 8, 18, 19 and 22
pooled without set 21 (the defaults), and design ``both_comment_edge_pfloor`` (PF) chooses, per
C, the thresholds with the best pooled F1 among those whose precision on the folds of new
industries (18, 19, 22) is at least that of round 3's layer as shipped (0c41a95) there; C is
the best such F1. Its estimate, set 21 held out (``benchmarks/layers_eval4.py --round 5``), met
the rule in both languages (F1 en 0.759 -> 0.795, ja 0.752 -> 0.784). Chosen: English C = 16,
t_drop 0.20, t_add 0.36, added polarity ``score``; Japanese C = 64, 0.16 / 0.42, ``comment``.
The shipped resource is written by ``PYTHONPATH=. python benchmarks/train_theme_model.py
--design both_comment_edge_pfloor --chosen EST5-both_comment_edge_pfloor.pkl`` (the estimate's
``--save`` table; without ``--chosen`` the same choices are made again, about 45 minutes on 2
loaded cores), the same bytes on every run. ``--keep LANG`` copies a language's models from
round 3's resource instead (the rule is applied per language). Round 3's options (above, with
``--design both_comment_edge``) still reproduce round 3's resource.

Round 6 (issue 11, ``/work/lead/PREREG13.md``; did NOT ship): round 5's design and choices
(``--round5-choices``) with blind sets 9-12 as training data too (``--blind 9 10 11 12``: each
measured twice, no longer measures), Japanese only (``--keep en --keep-from 8bbac14``). On the
held-out decision set, training set 23 ja (800 comments of industries no other set has), theme
P/R/F1 went from 0.803/0.800/0.802 to 0.806/0.799/0.802 (polarity 0.871 -> 0.869), short of the
+0.005 F1 the rule asked: 1,040 more comments from other industries do not carry to new ones.
With scikit-learn 1.9.1, ``--round5-choices --keep en --keep-from 8bbac14`` rebuilds round 5's
Japanese models with the same vocabulary and weights within 0.02 (the shipped file was written
with an earlier liblinear), and reads set 23 ja exactly as the shipped file does.

Round 7 (LAY22, ``/work/lead/PREREG21.md``; shipped in both languages): every readable set, named in
``benchmarks/labelled_sets.py``: round 5's data, training sets 23, 24 and 25 (``ROUND7``) and
every spent blind set, 9-13 and 15-20 (``--blind``, ``SPENT_BLIND``): 17,854 English and
17,837 Japanese comments (round 5: 12,994 / 12,977). Not read: short-comment set 14 and unit
sets 14 (docs/labelling.md: not training data), the improvement-answer sets imp12 / imp13 (read
with another question), the ``*_second`` relabellings, blind set 21 and set 26.
Design, declared before set 26 was read: round 5's design with round 5's choices
(``--round5-choices``: en C = 16, t_drop 0.20, t_add 0.36, ``score``; ja C = 64, 0.16 / 0.42,
``comment``), more data only, as round 6. The choice made again (``layers_eval4.py --round 7``:
folds 6, 7, 8, 18, 19, 22 and the newest sets of new industries 20, 23, 24 over the rules that
never saw them, ``FOLD_RULES``; precision floor on 18-24) was started and stopped: on 2 cores
at load 10-15 it had done C = 1 of Japanese (fold F1 0.817, floor 0.849) after 25 minutes and
would have needed hours (about 2.5 CPU-minutes per fold fit, 36-45 of them per language).
Honest estimate, blind set 20 held out (four authors, industries no other set has, never tuned
on by the rules): models trained on every other set as above, the whole tagger read as
``benchmarks/bench_text.py --eval`` reads it (rules of cf04223, the English addition verifier
and the polarity correction as shipped), shipped round 5 -> round 7, P/R/F1, polarity:
en 0.836/0.687/0.754, 0.797 -> 0.837/0.716/0.771, 0.801 (F1 +0.017, P +0.001, polarity +0.005);
ja 0.860/0.759/0.806, 0.895 -> 0.873/0.773/0.820, 0.890 (F1 +0.013, P +0.013, polarity -0.005).
Without the verifier English would read 0.810/0.742/0.775 (round 5 without it 0.807/0.696/0.748):
it keeps its precision, so it stays. Written by ``PYTHONPATH=. python
benchmarks/train_theme_model.py --train 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 --blind 9
10 11 12 13 15 16 17 18 19 20 --round5-choices`` (the estimate's models: ``--blind`` without 20),
the same bytes on every run (also when written a language at a time with ``--keep``).
Decision (PREREG21), set 26 (``theme_train26_{en,ja}.csv``, 400 per language, two blind
authors, never trained on) read once, whole figures of the tagger, round 5 -> this candidate
(committed before the reading, 318dc89): en P/R/F1 0.875/0.715/0.787 -> 0.885/0.756/0.816,
polarity 0.895 -> 0.893; ja 0.887/0.761/0.819 -> 0.904/0.800/0.848, polarity 0.881 -> 0.882.
The rule (F1 +0.005, P and polarity not below -0.005) is met in both languages: one candidate
read, none other. The resource grows from 7.4 to 9.4 MB (English 30,912 word and 45,918
character n-grams, round 5 23,427 and 38,757; Japanese 68,422, round 5 52,667); themes + polarity
of ``benchmarks/bench_text.py``'s 100,000 comments with segments, each in a fresh process, the
two packages alternated five times (load 10-12 on 2 cores): round 5 5.67-5.78 s CPU (median
5.73), round 7 5.54-6.17 s (median 5.73): no cost the noise lets one see.

Round 8 (LAY23, ``/work/lead/PREREG22.md``): every readable set, round 7's and training set 26
and blind set 21 (spent; ``ROUND8``, ``SPENT_BLIND``): 18,514 English and 18,497 Japanese
comments. The choices were to be made again by round 7's procedure (``layers_eval4.py themes
--round 8``: folds ``FOLDS7``, precision floor on ``NEW_INDUSTRIES7``, blind 21 held out), with
one declared variant, PF-0.01 (``both_comment_edge_pfloor_r1``: the floor 0.01 lower). On 2
cores at load 12-20 (other helpers' sessions: ``nice`` does not reach across the kernel's
autogroups, so this run had 0.1-0.2 of a core) even the grid cut to round 5's C alone (``--grid
16 --fixed``, ``--grid 64 --fixed``; a fold fit takes about 1 CPU-minute) could not end before
the decision set; so candidate 1 keeps round 5's choices (``--round5-choices``), more data only,
as round 7 did. Estimate, blind 21 held out (models trained on every other set; the whole tagger
as reports run it, today's rules, the verifier and the correction as shipped), round 7 ->
candidate 1, P/R/F1, polarity: en 0.882/0.706/0.784, 0.818 -> 0.879/0.702/0.780, 0.817 (F1
-0.004); ja 0.872/0.768/0.817, 0.825 -> 0.872/0.780/0.823, 0.831 (F1 +0.007, polarity +0.006).
The layer alone over the rules (``layers_eval4.py --choices``): en F1 0.792 -> 0.783, ja 0.817 ->
0.823. Written by ``PYTHONPATH=. python benchmarks/train_theme_model.py --train 11 12 13 14 15
16 17 18 19 20 21 22 23 24 25 26 --blind 9 10 11 12 13 15 16 17 18 19 20 21 --design
both_comment_edge_pfloor --round5-choices`` (one language at a time with ``--keep ja
--keep-from 2f482b3`` and ``--keep en ...``, the two files' arrays joined).
Decision (PREREG22), set 27 (``theme_train27_{en,ja}.csv``, 400 per language, two blind
authors, never trained on) read once (candidate 1 committed before, fa25c04), whole tagger with
round 6's correction, round 7 -> candidate 1, P/R/F1, polarity: en 0.875/0.790/0.830, 0.859 ->
0.881/0.798/0.838, 0.858 (F1 +0.008, P +0.006: the rule, F1 +0.005 and P and polarity not below
-0.005, is met); ja 0.888/0.799/0.841, 0.872 -> 0.881/0.801/0.839, 0.872 (F1 -0.002, P -0.007:
not met). The held-out estimate on blind 21 had pointed the other way in both languages: at
this size (about 450-575 labelled mentions per language) a difference of 0.01 is within the
noise. Shipped: English round 8, Japanese round 7, written by the command above with ``--keep ja
--keep-from 2f482b3`` (rebuilt: the same bytes; 31,963 word and 46,883 character n-grams in
English, round 7 30,912 and 45,918; 9.55 MB).
The choices made again (``layers_eval4.py themes --round 8 --grid 16|64 --fixed``, C cut to round
5's for time, 597 and 478 s CPU, 50 and 44 min wall at load 12-20) ended after candidate 1 was
read. English: PF t_drop 0.16, t_add 0.42, ``comment`` (pooled fold F1 0.815, floor 0.808);
PF-0.01 0.16 / 0.36, ``comment`` (0.816). Japanese: both 0.18 / 0.38, ``comment`` (0.844, floor
0.849). Blind 21 held out, whole tagger, round 7 -> PF / PF-0.01: en P/R/F1 0.882/0.706/0.784,
polarity 0.818 -> 0.870/0.706/0.780, 0.805 / 0.872/0.717/0.787, 0.802: precision and polarity
fall, so neither was read. Japanese 0.872/0.768/0.817, 0.825 -> 0.871/0.778/0.822, 0.830: read as
candidate 2 (e3aaa2c, English as candidate 1), set 27's second and last reading: ja
0.888/0.799/0.841, 0.872 -> 0.872/0.812/0.841, 0.874 (F1 -0.000, P -0.016): not met, Japanese
keeps round 7. Cost (``bench_text``'s 100,000 comments with segments, fresh processes, three
alternated pairs at load 18-20): main 2f482b3 6.16, 5.91, 5.74 s CPU, round 8 5.87, 5.55, 5.96
s: no cost the noise lets one see.

Round 9 (LAY24, ``/work/lead/PREREG23.md``): every readable set, round 8's and training set 27
and blind set 22 (spent; ``ROUND9``, ``SPENT_BLIND``), training sets 5 and 9-25 as relabelled
by ERR23's ruling on neighbouring labels (``docs/labelling.md``; merged before the final fit):
19,174 English and 19,157 Japanese comments. The choices made again by round 8's procedure with
the full C grid round 7 declared (``layers_eval4.py themes --round 9``, blind 22 held out, over
the labels before ERR23's relabelling), with the declared variant PF-0.01. Japanese: C 1, 4, 16,
64, 256 gave constrained pooled fold F1 0.817, 0.838, 0.844, 0.846, 0.845 (floor 0.849); PF and
PF-0.01 both chose C = 64, t_drop 0.16, t_add 0.42, ``comment``, round 5's choices again.
Blind 22 held out, layer over the rules of 23fde7c, shipped (round 7) -> round 9: ja P/R/F1
0.874/0.799/0.834, polarity 0.794 -> 0.870/0.806/0.837, 0.796 (F1 +0.002, P -0.004).
Candidate 1 (Japanese round 9, English kept as shipped, round 8: ``--keep en --keep-from
23fde7c``; 73,172 Japanese n-grams, round 7 68,422), written by ``PYTHONPATH=. python
benchmarks/train_theme_model.py --train 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27
--blind 9 10 11 12 13 15 16 17 18 19 20 21 22 --design both_comment_edge_pfloor --choices
'{"ja": [64.0, 0.16, 0.42, "comment"]}' --keep en --keep-from 23fde7c``. It is committed before
set 28 is read; English's choice was still running (its candidate, if any, is candidate 2).
Set 28 (``theme_train28_{en,ja}.csv``, never trained on) read once for candidate 1, whole tagger,
shipped -> candidate 1: ja P/R/F1 0.857/0.785/0.819, polarity 0.924 -> 0.856/0.793/0.823, 0.925
(F1 +0.004, P -0.001): short of PREREG23's +0.005, so Japanese keeps round 7 (the resource is
23fde7c's again, byte for byte). English (the same in both): 0.869/0.787/0.826, 0.847; rules
alone en 0.796/0.688/0.738, 0.830, ja 0.807/0.668/0.731, 0.853.
English (candidate 2, not read): the full grid chose C = 16, 0.12 / 0.46, ``comment`` (PF) and C
= 4, 0.20 / 0.36, ``comment`` (PF-0.01; shipped round 8: C 16, 0.20 / 0.36, ``score``). Blind 22
held out, whole tagger, models trained on every other set, shipped -> PF / PF-0.01: en P/R/F1
0.824/0.688/0.750, polarity 0.790 -> 0.821/0.692/0.751, 0.766 / 0.821/0.692/0.751, 0.763 (F1
+0.001, polarity -0.024 / -0.027): both fail the polarity part of the rule by far, so neither was
committed nor read on set 28; English keeps round 8. Nothing ships in round 9.

Round 11 (LAY26; round 10 of LAY25 never ended): round 10's procedure (``layers_eval4.py themes
--round 11``, blind 24 held out), the data grown by blind sets 23 and 24: 19,694 English and
19,677 Japanese comments. Chosen (PF, the declared candidate rule of
``benchmarks/layers_round10.py``): en C 64, t_drop 0.18, t_add 0.42, ``comment``; ja C 64, 0.14 /
0.42, ``comment``. Set 28 (last reading): Japanese shipped (F1 0.819 -> 0.827), English not
(polarity -0.007) and keeps round 8. Shipped resource: ``PYTHONPATH=. python
benchmarks/train_theme_model.py --train 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27
--blind 9 10 11 12 13 15 16 17 18 19 20 21 22 23 24 --design both_comment_edge_pfloor --choices
'{"ja": [64.0, 0.14, 0.42, "comment"]}' --keep en --keep-from 33a2d57``. Figures and readings in
``benchmarks/layers_round10.py``.

Round 12 (LAY27, PREREG26): round 11's procedure (``layers_eval4.py themes --round 12``, blind 25
held out), the data grown by blind set 25 and training set 28: 20,354 English and 20,337
Japanese comments. Chosen (the declared candidate rule of ``benchmarks/layers_round10.py``): en
PF, C 16, t_drop 0.18, t_add 0.42, ``comment``; ja PF-0.01, C 64, 0.14 / 0.36, ``comment``.
Candidate: ``PYTHONPATH=. python benchmarks/train_theme_model.py --train 11 12 13 14 15 16 17 18
19 20 21 22 23 24 25 26 27 28 --blind 9 10 11 12 13 15 16 17 18 19 20 21 22 23 24 25 --design
both_comment_edge_pfloor --choices '{"en": [16.0, 0.18, 0.42, "comment"], "ja": [64.0, 0.14,
0.36, "comment"]}'``. Decision set 29 (read once): en F1 0.855 -> 0.859 but polarity 0.896 ->
0.871, ja F1 0.872 -> 0.875, P 0.882 -> 0.873: neither language ships (English keeps round 8,
Japanese round 11; the resource is 0108b00's). Figures in ``benchmarks/layers_round10.py``.

Round 13 (LAY28, PREREG27): round 12's procedure (``layers_eval4.py themes --round 13``, blind 26
held out), the data grown by blind set 26 and set 29 (round 12's decision set): 21,014 English
and 20,997 Japanese comments. Chosen (the declared candidate rule of
``benchmarks/layers_round10.py``): en PF (= PF-0.01), C 4, t_drop 0.22, t_add 0.40, ``comment``;
ja PF-0.01, C 64, 0.14 / 0.36, ``comment``. Candidate: ``PYTHONPATH=. python
benchmarks/train_theme_model.py --train 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 26 27 28
29 --blind 9 10 11 12 13 15 16 17 18 19 20 21 22 23 24 25 26 --design both_comment_edge_pfloor
--choices '{"en": [4.0, 0.22, 0.40, "comment"], "ja": [64.0, 0.14, 0.36, "comment"]}'``, read
once on decision set 30: en F1 0.841 -> 0.850, P +0.007, polarity 0.864 -> 0.862 (shipped); ja
F1 0.885 -> 0.885, P 0.886 -> 0.880 (not shipped). Shipped resource: English round 13, Japanese
round 11, ``... --choices '{"en": [4.0, 0.22, 0.40, "comment"]}' --keep ja --keep-from
2ab4254`` (the rest of the command above). Figures in ``benchmarks/layers_round10.py``.
"""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys
import tempfile
import zipfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from labelled_sets import (  # noqa: E402
    FOLD_RULES,
    FOLDS4,
    NEW_INDUSTRIES,
    NEW_INDUSTRIES7,
    ROUND3_LAYERS,
    ROUND5_CHOICES,
    ROUND5_LAYERS,
    SPENT_BLIND,
    add_data_options,
    fold_of,
    training,
)
from sklearn.linear_model import LogisticRegression  # noqa: E402
from theme_layer_eval import (  # noqa: E402
    LANGS,
    PACKS,
    Features,
    count,
    load_pack,
    read_all,
    theme_ids,
)
from theme_layer_eval2 import (  # noqa: E402
    ALL_SETS,
    DESIGNS,
    EXTRA,
    Design,
    best_thresholds,
    combine,
    fit_predict,
    floored_thresholds,
    pairs,
    pick,
    rule_tags,
    shipped,
)

DESIGN = "both_comment_edge"  # the design shipped (benchmarks/theme_layer_eval2.py)
OUT = ROOT / "nps_kit" / "resources" / "theme_layer.npz"
SAVED = ["C", "t_drop", "t_add", "rule"]  # the choices, in a saved held-out table's columns
SAMPLE = {
    "en": [
        ("retail", "Parcel took ages to turn up and nobody answered my emails"),
        ("saas", "The app keeps crashing since the last update, support was useless"),
        ("finance", "Friendly staff at the branch but the fees are far too high"),
        ("generic", "ok"),
    ],
    "ja": [
        ("retail", "送料がもう少し安ければ嬉しいです。配達は早かった"),
        ("saas", "画面がわかりにくくて、サポートの返事も遅い"),
        ("finance", "窓口の対応は丁寧でしたが、手数料が高い"),
        ("generic", "特になし"),
    ],
}


def read(
    train: list[str] | tuple[str, ...], blind: list[str] | tuple[str, ...] = ()
) -> pd.DataFrame:
    """Every labelled comment the layer trains on, with the fold (set) each belongs to."""
    named = {f"b{n}": SPENT_BLIND[n] for n in blind}
    data = read_all({**ALL_SETS, **EXTRA, **training(train), **named})
    return data.assign(fold=data["set"].map(fold_of))


def fold_tags(
    data: pd.DataFrame, folds: tuple[str, ...] = FOLDS4
) -> dict[tuple[str, str], dict[str, str]]:
    """The rules' tags of the choice folds, each over the rules of ``FOLD_RULES`` (never saw it)."""
    tags: dict[tuple[str, str], dict[str, str]] = {}
    for commit in dict.fromkeys(FOLD_RULES[k] for k in folds):
        mine = [k for k in folds if FOLD_RULES[k] == commit]
        names = tuple(dict.fromkeys(data.loc[data["fold"].isin(mine), "set"]))
        tags.update(rule_tags(data, commit, names))
    return tags


def choose(
    data: pd.DataFrame,
    design: Design,
    *,
    folds: tuple[str, ...] = FOLDS4,
    tags: dict[tuple[str, str], dict[str, str]] | None = None,
    cache: dict | None = None,
    langs: tuple[str, ...] = LANGS,
) -> dict[str, tuple[float, float, float, str]]:
    """Per language (C, t_drop, t_add, polarity rule), chosen on the ``folds`` pooled.

    Each fold's probabilities come from models trained on every other set of ``data``
    (cross-fitted), laid over the tags of rules that never saw it (``fold_tags``, unless
    ``tags`` are given). A fold of new industries counts ``design.new_weight`` times. ``cache``
    keeps each fold's pairs per C, for designs that differ only in how they choose. With
    ``design.p_floor`` (round 5), the thresholds of each C are the F1-best whose pooled precision
    on the folds of new industries (``NEW_INDUSTRIES5``) is at least that of round 3's layer as
    shipped (``ROUND3_LAYERS``, which never saw them) over the same tags.
    """
    tags = fold_tags(data, folds) if tags is None else tags
    cache = {} if cache is None else cache
    fitted = replace(design, new_weight=1, edge=False, polarity=(), both=False, p_slack=0.0)
    new_folds = [k for k in folds if k in NEW_INDUSTRIES7] if design.p_floor else []
    ship: dict | None = None
    if new_folds:
        names = tuple(dict.fromkeys(data.loc[data["fold"].isin(new_folds), "set"]))
        ship, ship_t = shipped(data, ROUND3_LAYERS, names)

    def best_of(table: pd.DataFrame) -> tuple[float, float, float]:
        if not new_folds:
            return best_thresholds(table)
        new = table["set"].map(fold_of).isin(new_folds).to_numpy()
        floor = floor_of(table, new_folds, ship_t[lang]) - design.p_slack
        return floored_thresholds(table, new, floor)

    out = {}
    for lang in langs:

        def tables_for(grid, lang=lang) -> dict[float, pd.DataFrame]:
            new = [c for c in grid if (lang, c, fitted) not in cache]
            for c in new:
                cache[lang, c, fitted] = []
            for k in folds if new else ():
                test = data[(data["fold"] == k) & (data["lang"] == lang)]
                train = data[data["fold"] != k]
                for c, prob in fit_predict(train, test, lang, design, tuple(new)).items():
                    cache[lang, c, fitted].append(
                        pairs(test, prob, tags, ship if k in new_folds else None)
                    )
            times = [design.new_weight if k in NEW_INDUSTRIES else 1 for k in folds]
            joined = {
                c: pd.concat(
                    [
                        t
                        for t, n in zip(cache[lang, c, fitted], times, strict=True)
                        for _ in range(n)
                    ],
                    ignore_index=True,
                )
                for c in grid
            }
            for c, table in joined.items():
                f1, t_drop, t_add = best_of(table)
                print(f"  {lang} C={c}: F1 {f1:.3f} ({t_drop}, {t_add})", file=sys.stderr)
            return joined

        if new_folds:
            floor = floor_of(
                tables_for(design.c_grid[:1])[design.c_grid[0]], new_folds, ship_t[lang]
            )
            print(
                f"  {lang}: precision floor on folds {' '.join(new_folds)} {floor:.4f}"
                f" (minus {design.p_slack})",
                file=sys.stderr,
            )
        _, c, t_drop, t_add, table = pick(design, tables_for, best_of)
        right = {r: count(combine(table, t_drop, t_add, r))["pol"] for r in design.polarity}
        rule = max(design.polarity, key=lambda r: right[r])
        print(f"  {lang}: C={c} t_drop={t_drop} t_add={t_add} {right}", file=sys.stderr)
        out[lang] = (c, t_drop, t_add, rule)
    return out


def floor_of(table: pd.DataFrame, new_folds: list[str], thresholds: tuple) -> float:
    """The precision of the shipped layer (column ``q``) on the pairs of ``new_folds``."""
    new = table[table["set"].map(fold_of).isin(new_folds)]
    t_drop, t_add, rule = thresholds
    return count(combine(new, t_drop, t_add, rule, p="q"))["P"]


def saved_choices(
    table: pd.DataFrame, args: argparse.Namespace
) -> dict[str, tuple[float, float, float, str]]:
    """Per language the choices a saved held-out table was made with, checked to be this run's."""
    made = table[["design", "train", "folds", "k"]].drop_duplicates()
    asked = (args.design, " ".join(args.train), " ".join(args.folds), " ".join(args.without))
    if len(made) != 1 or tuple(made.iloc[0]) != asked:
        raise SystemExit(f"{args.chosen} was made with {made.to_dict('records')}, not {asked}")
    return {lang: tuple(g[SAVED].iloc[0]) for lang, g in table.groupby("lang")}


def fit(
    data: pd.DataFrame, lang: str, c: float, design: Design
) -> tuple[Features, dict[str, LogisticRegression]]:
    """The vectoriser and one model per theme id of a language, trained on ``data``."""
    frame = data[data["lang"] == lang]
    features = Features(lang, frame)
    x = features(frame)
    models = {}
    for theme in theme_ids(frame):
        rows = np.array([theme in load_pack(p).ids for p in frame["pack"]])
        y = np.array([theme in g for g in frame["gold"]])[rows]
        model = LogisticRegression(
            C=c,
            solver="liblinear",
            max_iter=2000,
            random_state=0,
            class_weight=design.class_weight,
        )
        models[theme] = model.fit(x[rows], y)
    return features, models


def arrays(
    features: Features, models: dict[str, LogisticRegression], lang: str, t: tuple[float, float]
) -> dict[str, np.ndarray]:
    """The arrays of one language in the resource."""
    out: dict[str, np.ndarray] = {}
    for b, part in enumerate(features.parts):
        vocab = part.vocabulary_
        terms = sorted(vocab, key=vocab.__getitem__)
        out[f"{lang}_terms{b}"] = np.array(terms, dtype=str)
        out[f"{lang}_idf{b}"] = part.idf_.astype(np.float64)
    coef = np.stack([m.coef_[0] for m in models.values()], axis=1)
    out[f"{lang}_weights"] = coef[: -len(PACKS)].astype(np.float32)
    out[f"{lang}_packs"] = coef[-len(PACKS) :].astype(np.float64)
    out[f"{lang}_intercept"] = np.array([m.intercept_[0] for m in models.values()])
    out[f"{lang}_thresholds"] = np.array(t, dtype=np.float64)
    return out


def write(path: Path, named: dict[str, np.ndarray]) -> None:
    """An .npz numpy reads, the same bytes on every run (fixed entry times)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name in sorted(named):
            item = io.BytesIO()
            np.lib.format.write_array(item, np.asarray(named[name]), allow_pickle=False)
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            zf.writestr(info, item.getvalue())
    path.write_bytes(buffer.getvalue())


def exclude_record(commit: str | None = None) -> np.ndarray:
    """(pack, theme id, exclude pattern) of every shipped pack, as at ``commit`` (None: now).

    Written beside a language's models (``{lang}_excludes``): the excludes the layer was trained
    beside; one written later outranks the layer (``nps_kit.text.themes._newer_excludes``). The
    patterns are read as ``load_themes`` reads them (``Theme.excludes``), from the packs'
    themes files of ``commit``.
    """
    from nps_kit.text.packs import pack_files
    from nps_kit.text.themes import load_themes

    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for pack in PACKS:
            path = pack_files(pack)[0]
            if commit is not None:
                blob = subprocess.run(
                    ["git", "-C", str(ROOT), "show", f"{commit}:{path.relative_to(ROOT)}"],
                    capture_output=True,
                    check=True,
                ).stdout
                path = Path(tmp) / f"{pack}.yaml"
                path.write_bytes(blob)
            for theme in load_themes(path).themes:
                rows.extend((pack, theme.id, part) for part in dict.fromkeys(theme.excludes))
    return np.array(rows, dtype=str).reshape(-1, 3)


def kept(path: Path, commit: str, langs: list[str]) -> dict[str, np.ndarray]:
    """The arrays of ``langs`` in the resource ``path`` as committed at ``commit``.

    Round 5's rule is applied per language (PREREG12): a language whose retrained model does
    not ship keeps the shipped one, copied array for array, so the rebuilt file is reproducible.
    """
    blob = subprocess.run(
        ["git", "-C", str(ROOT), "show", f"{commit}:{path.relative_to(ROOT)}"],
        capture_output=True,
        check=True,
    ).stdout
    with np.load(io.BytesIO(blob), allow_pickle=False) as saved:
        return {k: saved[k] for k in saved.files if k.split("_")[0] in langs}


def main(argv: list[str] | None = None) -> int:
    """Choose, train, write the resource; with ``--sample``, print the test's probabilities."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sample", action="store_true")
    parser.add_argument("--out", type=Path, default=OUT)
    add_data_options(parser, fold_choices=list(FOLD_RULES))
    parser.add_argument(
        "--design",
        default=DESIGN,
        choices=[
            "both_comment",
            DESIGN,
            f"{DESIGN}_w18",
            f"{DESIGN}_pfloor",
            f"{DESIGN}_pfloor_r1",
        ],
    )
    parser.add_argument(
        "--round5-choices",
        action="store_true",
        help="round 6: train with round 5's choices as shipped instead of choosing again",
    )
    parser.add_argument(
        "--keep-from",
        default=ROUND3_LAYERS,
        help=f"the commit whose resource --keep copies (round 3's {ROUND3_LAYERS} by default; "
        f"round 6: round 5's {ROUND5_LAYERS})",
    )
    parser.add_argument(
        "--chosen",
        type=Path,
        help="the choices of benchmarks/layers_eval4.py's --save table (the same procedure, data "
        "and design) instead of making them again",
    )
    parser.add_argument(
        "--choices",
        help='the choices a layers_eval4 run printed, as JSON ({"en": [C, t_drop, t_add, rule]})',
    )
    args = parser.parse_args(argv)
    design = DESIGNS[args.design]
    assert not design.ja_words and not design.per_theme  # what the package's inference reads
    data = read(args.train, args.blind)
    print({lang: int((data["lang"] == lang).sum()) for lang in LANGS}, file=sys.stderr)
    if args.round5_choices:
        chosen = dict(ROUND5_CHOICES)
    elif args.choices:
        chosen = {lang: tuple(v) for lang, v in json.loads(args.choices).items()}
    elif args.chosen:
        chosen = saved_choices(pd.read_pickle(args.chosen), args)
    else:
        before = data[~data["fold"].isin(args.without)]
        chosen = choose(before, design, folds=tuple(args.folds))
    named: dict[str, np.ndarray] = {"packs": np.array(PACKS, dtype=str)}
    named.update(kept(OUT, args.keep_from, args.keep))
    for lang in [lang for lang in LANGS if lang not in args.keep]:
        c, t_drop, t_add, rule = chosen[lang]
        features, models = fit(data, lang, c, design)
        named[f"{lang}_themes"] = np.array(list(models), dtype=str)
        named[f"{lang}_pack_themes"] = np.array(
            [[t in load_pack(p).ids for t in models] for p in PACKS], dtype=bool
        )
        named.update(arrays(features, models, lang, (t_drop, t_add)))
        named[f"{lang}_added_polarity"] = np.array(rule, dtype=str)
        named[f"{lang}_excludes"] = exclude_record()
        print(f"{lang}: C={c} t_drop={t_drop} t_add={t_add} added polarity {rule}")
        if args.sample:
            frame = pd.DataFrame(SAMPLE[lang], columns=["pack", "text"])
            frame = frame.assign(norm=[normalise(t) for t in frame["text"]])
            x = features(frame)
            for i, (pack, text) in enumerate(SAMPLE[lang]):
                probs = {
                    t: round(float(m.predict_proba(x[i])[0, 1]), 6)
                    for t, m in models.items()
                    if t in load_pack(pack).ids
                }
                print(f"    ({pack!r}, {text!r}): {probs},")
    write(args.out, named)
    print(f"wrote {args.out} ({args.out.stat().st_size:,} bytes)")
    return 0


def normalise(text: str) -> str:
    """``normalise_one``, as the training frames have it."""
    from nps_kit.text.tokens import normalise_one

    return normalise_one(text)


if __name__ == "__main__":
    raise SystemExit(main())
