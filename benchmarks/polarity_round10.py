"""Round 10 of the learned polarity correction (LAY32, PREREG36): its choice made again.

Declared here before anything below was run (``docs/prereg/PREREG36.md``; results are added
under "Results" only after the run). Round 17 of the theme layer (``benchmarks/layers_round10.py
--round 17``) is a pair: round 14's theme layer choices on round 17's data and this correction,
refitted on the mentions of the tagger with that layer, shipped together or not at all.

Design and procedure: round 8's (``benchmarks/polarity_round8.py``) unchanged, **its ``choose``
step run again** per language (round 16 kept round 15's choice and lost English polarity on set
36): G2T, C, t and t_added chosen on the pooled folds C1 = blind 25 + 26, C2 = training 29 + 30,
each predicted by a model trained on every other set (``polarity_round7.choose7``: most right,
ties larger thresholds then smaller C; C 1, 4, 16 growing x 4 while its top is best; t and
t_added on 0.30-0.95 by 0.05), over the mentions of the estimate tagger, with set 36 (both
languages) out of every fold model. The choice is written once to ``choice10.json`` in that
tagger's cache and kept, unchanged, for the candidate's refit. The data: round 9's sets
(``polarity_round9.SETS9``) plus training set 36 (``theme_train36_{en,ja}.csv``, round 16's
decision set, read once, spent). The tagger: main's rules at 0e256a1 with the theme layer named
by ``--theme`` (the estimate's, trained without set 36, or the candidate's, with it); the
mentions' ``shipped`` polarity is 0e256a1's correction, pinned whatever the tree holds. Each
cache directory holds one tagger's mentions (``tagger.txt``, the theme resource's SHA-256).

Estimate correction (``train --chosen DIR/choice10.json``, no ``--with-held``): fitted on every
mention of the estimate tagger but set 36's, both languages; read with the estimate theme layer
on set 36 whole by ``layers_round10.py whole --round 17`` against the shipped pair (round 10's
rule, per language). For information only, the same fit with round 16's fixed choice
(``polarity_round9.CHOICE9``, ``train --fixed``). Candidate correction (``train --chosen
ESTIMATE_CACHE/choice10.json --with-held`` over the candidate tagger's cache): every mention,
set 36's too, for the languages with a candidate; a language without one keeps 0e256a1's arrays
(``--keep``).

Results: (filled in after the run, below this line.)

The estimate tagger's theme layer (round 14's choices trained without set 36, ``r17/est.npz`` in
LAY32's worktree, not committed) is round 16's candidate layer byte for byte (0b08533's
``theme_layer.npz``: the same data, choices and rules), so its Japanese layer is the shipped one
(0e256a1 shipped round 16's Japanese pair). Its mentions: 35,674 English and 32,367 Japanese
over the 90 set files, 92 s CPU in two parts (12 min wall at load 9-15). The choice on the
pooled folds (blind 25 + 26, training 29 + 30; set 36 out of every fold model), right of the
fold mentions per C: English 1,691, 1,692, 1,695, 1,687 for C 1, 4, 16, 64 of 1,967 (the tagger
1,603, the shipped round-6 correction 1,683, 560 added) -> **C 16, t 0.40, t_added 0.80** (round
15's: C 4, 0.30 / 0.50), 525 s CPU, 39 min wall; Japanese 1,611, 1,616, 1,613 for C 1, 4, 16 of
1,776 (tagger 1,527, shipped round 16 1,661, 383 added) -> **C 4, t 0.50, t_added 0.70**
(round 15's: C 4, 0.40 / 0.60), 361 s CPU, 33 min wall. ``choice10.json``: ``{"en": [16.0,
0.4, 0.8], "ja": [4.0, 0.5, 0.7]}``, kept for the candidate. Estimate correction (every mention
but set 36's: 35,182 English / 31,902 Japanese, 47,062 / 91,134 n-grams; 79 s / 66 s CPU, one
process per language, joined). The Japanese estimate correction is the shipped Japanese
correction with the thresholds 0.40 / 0.60 -> 0.50 / 0.70 (every other array equal: the same
mentions, C and data); with round 16's fixed choice (``train --fixed``) it is 0e256a1's
``polarity_layer.npz`` byte for byte, and the English one with that choice (C 4, 0.30 / 0.50;
57 s CPU) is round 16's candidate correction byte for byte (0b08533's). Whole tagger on set 36
held out: see ``benchmarks/layers_round10.py`` (round 17): English polarity 0.8112 (shipped) ->
0.8028 with either choice (395 of 492 right: the new choice moves nothing; no candidate),
Japanese 0.9075 -> 0.9054 (421 of 465, one fewer than the fixed choice; F1 and P unchanged: a
candidate by round 10's rule).

Candidate (Japanese only; English keeps 0e256a1's arrays of both resources): the candidate
tagger's mentions (round 14's choices trained with set 36, ``r17/cand.npz``; its Japanese layer
is the committed ``theme_layer.npz``'s): 35,777 English / 32,448 Japanese over the 90 files, 91
s CPU in two parts; ``train --chosen r17/m_est/choice10.json --with-held --keep en``: C 4, t
0.50, t_added 0.70 on every Japanese mention, set 36's too, 92,098 n-grams, 64 s CPU (5 min
wall); 2,199,409 bytes (0e256a1's 2,182,159).

Run: ``PYTHONPATH=.:SITE python benchmarks/polarity_round10.py mentions --theme T.npz --cache DIR
[--part I/N]``, ``... choose --theme T.npz --cache DIR --lang L``, ``... train --theme T.npz
--cache DIR (--chosen DIR/choice10.json | --fixed) [--with-held] [--keep LANG] --out X.npz``.
"""

from __future__ import annotations

import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import polarity_round8 as pr8  # noqa: E402
import polarity_round9 as pr9  # noqa: E402

#: Round 9's sets and training set 36. Never decision set 38 nor blind sets 35 and 37.
SETS10: dict[str, str] = {
    **pr9.SETS9,
    "t36en": "theme_train36_en.csv",
    "t36ja": "theme_train36_ja.csv",
}
#: The estimate's held-out set, both languages (the fold ``36``): out of every fold model of the
#: choice and out of the estimate correction's fit.
HELD10 = "36"
#: Main whose resources are shipped (0e256a1's): the mentions' ``shipped``.
SHIPPED10 = "0e256a1"
#: The choice file ``choose`` writes in the estimate tagger's cache.
CHOICE10 = "choice10.json"


def use_round10() -> None:
    """Point round 8's steps at round 10's sets, held-out set, shipped commit and choice file."""
    pr8.SETS8 = SETS10
    pr8.HELD8 = HELD10
    pr8.SHIPPED8 = SHIPPED10
    pr8.CHOICE8 = CHOICE10


def main(argv: list[str] | None = None) -> int:
    """Round 8's steps over round 10's data; ``train --fixed``: round 16's fixed choice."""
    argv = list(sys.argv[1:] if argv is None else argv)
    use_round10()
    if "--fixed" not in argv:
        return pr8.main(argv)
    argv.remove("--fixed")
    with tempfile.TemporaryDirectory() as tmp:
        fixed = Path(tmp) / "choice9.json"
        fixed.write_text(json.dumps({k: list(v) for k, v in pr9.CHOICE9.items()}))
        return pr8.main([*argv, "--chosen", str(fixed)])


if __name__ == "__main__":
    raise SystemExit(main())
