"""The labelled training sets the learned layers' round-2 and round-3 scripts read, by name.

Every file is named: blind sets 9 and 10 are never read, so nothing here globs tests/data.
``benchmarks/theme_layer_eval2.py`` and ``benchmarks/polarity_layer_eval.py`` (and the two
training scripts, through them) take these from here.
"""

from __future__ import annotations

#: Training sets 9 and 10, which arrived during round 2 (after the polarity correction's estimate).
TRAIN_9_10 = {
    "t9en": "theme_train9_en.csv",
    "t9ja": "theme_train9_ja.csv",
    "t10en": "theme_train10_en.csv",
    "t10ja": "theme_train10_ja.csv",
}
#: Training sets of round 3: training data only, never held out nor chosen on.
ROUND3 = {
    n: {f"t{n}{lang}": f"theme_train{n}_{lang}.csv" for lang in ("en", "ja")}
    for n in ("11", "12", "13", "14", "15")
}
MAX_C = 4096.0  # where a grid that grows at its top edge stops


def round3(names: list[str] | tuple[str, ...]) -> dict[str, str]:
    """The files of the round-3 training sets named (``"11"``, ``"12"``, ``"13"``)."""
    return {k: v for n in names for k, v in ROUND3[n].items()}
