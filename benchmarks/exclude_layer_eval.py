"""LAY25: would "a theme's exclude outranks the learned layer" pay? Readable sets, shipped layer.

Design measured (branch ``lay25-exclude``, not merged: ``Theme.excludes`` and its use in
``themes._learned_layer``, with tests in ``tests/test_layer.py``): the layer does
not add a theme to a comment whose words of that theme its ``exclude`` takes away, i.e.
``pattern`` finds the comment's text or its English lemmas but ``Theme.matches`` does not
(:func:`excludes`, the definition ``Theme.excludes`` had). Only the layer's additions change, so
the sets' figures after are those before (``benchmarks/err_sets.py --counts``, blind 24 and set
28 never named) less the additions blocked: each blocked addition takes one predicted theme away,
and one right one where the row's labels name the theme. Checked against the package run both
ways on blind sets 15 and 22 (whole figures equal).

``--old DIR`` (the packs' themes files of 23fde7c, where the shipped layer's resource last
changed) also says which blocks come from excludes the layer was trained beside and which from
excludes written after it (SENSE25's "one bed flat", ERR23's forms).

Result (LAY25, rules and layer of b503485, 92 set-languages: blind 1-23 but 14, short14, unit14,
imp12/13, training 5 and 9-27). The design blocks 528 additions of the shipped layer, and the labels
name the theme in 501 of them: the excludes mostly give a phrase to a neighbouring theme ("claim
paid in 4 days" is claims, not speed; "the lady at the branch" staff, not branch; "£6.99 postage"
price, not delivery), and the labellers tag both, as the layer learned. 71 of the 92 lose F1 > 0.002
(worst blind15 en 0.983 -> 0.970, train25ja 0.999 -> 0.988); held out (never trained on by the
shipped layer): blind 22 en F1 0.757 -> 0.754 (5 blocked, 3 labelled), ja 0.836 -> 0.831 (5, 4),
polarity right en 257 -> 255, ja 276 -> 272; blind 23 en 0.768 -> 0.764, ja 0.829 -> 0.830. The
known case is fixed ("Standing charge is ridiculous for a one bed flat": quality no longer added),
but the ship rule (no set loses F1 > 0.002) fails by far, so it did not ship; three tests of
``tests/test_layer.py`` fail with it too, their example being such an addition (branch added to
「窓口の方がとても親切で…」, under finance branch's exclude of 「窓口の方」,
which gives the phrase to staff). Every one of the 528 blocks comes from an exclude the shipped
layer was trained beside (``--old`` at 23fde7c); the excludes written since (SENSE25, ERR23)
block none on any readable set, only the cases they were written for. A design limited to
excludes newer than the layer would change no readable set, but it needs the packs to say which
excludes outrank the layer (or the resource to record the excludes it was trained beside): a
dictionary-format decision, left to the lead.

The defect's other half, the layer dropping what rules written after it find (``--drops``, the
rules' hits that 23fde7c's packs did not make): 33 such hits on the readable sets, every one
labelled right; the shipped layer drops 6 (en 5: "self scan" checkout and "seller says" staff in
blind 22, three "nobody answers the phone" usability in training sets 14 and 15 (ERR23's
ruling); ja 1: 「電話がつながらない」 usability in set 21). Not changed here: the layer's drops
are left to a retrained layer (these comments are in its training data, relabelled by ERR23) or
to :data:`nps_kit.text._kept.KEPT` (a rules edit).

Run: ``PYTHONPATH=. python benchmarks/exclude_layer_eval.py --before COUNTS.json --out
BLOCKED.csv [--old DIR]``; ``... --before COUNTS.json --old DIR --drops NEW.csv``: the rules'
hits new since ``--old`` on the readable sets and whether the shipped layer keeps them.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from err_sets import _read, readable_sets  # noqa: E402

from nps_kit.text._layer import adjust  # noqa: E402
from nps_kit.text._lemma import lemma_text  # noqa: E402
from nps_kit.text._match import matcher  # noqa: E402
from nps_kit.text.evaluation import parse_labels  # noqa: E402
from nps_kit.text.packs import load_pack  # noqa: E402
from nps_kit.text.themes import Theme, _learned_layer, load_themes  # noqa: E402
from nps_kit.text.tokens import normalise_one  # noqa: E402

FILES = {
    "retail": "themes.yaml",
    "finance": "packs/finance/themes.yaml",
    "generic": "packs/generic/themes.yaml",
    "saas": "packs/saas/themes.yaml",
}


def excludes(theme: Theme, text: str) -> bool:
    """Whether ``theme``'s exclude takes away every word of it that ``text`` (normalised) has."""
    if theme.exclude is None or theme.matches(text):
        return False
    return (
        theme.pattern.search(text) is not None or theme.pattern.search(lemma_text(text)) is not None
    )


def blocked(old: Path | None) -> pd.DataFrame:
    """Every addition of the shipped layer that the design blocks, one row per labelled row."""
    olds = {p: load_themes(old / f) for p, f in FILES.items()} if old else {}
    rows = []
    for name, file in readable_sets(24, held_out=(28,)).items():
        frame = _read(file)
        for (lang, pack), g in frame.groupby(["lang", "pack"]):
            book = load_pack(str(pack))
            norm = [normalise_one(t) for t in g["text"]]
            texts = tuple(dict.fromkeys(norm))
            layer = adjust(book.pack, book.ids, texts, matcher(book.themes).tag(texts))
            for j, theme in enumerate(book.themes):
                for i in np.flatnonzero(layer.added[:, j]).tolist():
                    if not excludes(theme, texts[i]):
                        continue
                    was = None
                    if olds:
                        mine = olds[str(pack)]
                        was = excludes(mine.themes[mine.ids.index(theme.id)], texts[i])
                    for n, labels in zip(norm, g["labels"], strict=True):
                        if n == texts[i]:
                            right = theme.id in parse_labels(labels)
                            rows.append((name, lang, pack, theme.id, right, was, texts[i]))
    columns = ["set", "lang", "pack", "theme", "right", "old_exclude", "text"]
    return pd.DataFrame(rows, columns=columns)


def new_hits_dropped(old: Path) -> pd.DataFrame:
    """The rules' hits that the packs of ``old`` did not make, and whether the layer keeps them."""
    olds = {p: load_themes(old / f) for p, f in FILES.items()}
    rows = []
    for name, file in readable_sets(24, held_out=(28,)).items():
        frame = _read(file)
        for (lang, pack), g in frame.groupby(["lang", "pack"]):
            book, mine = load_pack(str(pack)), olds[str(pack)]
            norm = [normalise_one(t) for t in g["text"]]
            texts = tuple(dict.fromkeys(norm))
            hits = matcher(book.themes).tag(texts)
            was = matcher(mine.themes).tag(texts)
            found = _learned_layer(book, texts, hits).found
            for j, theme_id in enumerate(book.ids):
                if theme_id not in mine.ids:
                    continue
                new = hits[:, j] & ~was[:, mine.ids.index(theme_id)]
                for i in np.flatnonzero(new).tolist():
                    for n, labels in zip(norm, g["labels"], strict=True):
                        if n == texts[i]:
                            right = theme_id in parse_labels(labels)
                            kept = bool(found[i, j])
                            rows.append((name, lang, pack, theme_id, right, kept, texts[i]))
    columns = ["set", "lang", "pack", "theme", "right", "kept", "text"]
    return pd.DataFrame(rows, columns=columns)


def figures(before: dict, table: pd.DataFrame) -> pd.DataFrame:
    """P/R/F1 per set and language before and after the blocks."""
    out = []
    for name, langs in before.items():
        for lang, (gold, pred, right, _) in langs.items():
            mine = table[(table["set"] == name) & (table["lang"] == lang)]
            pred1, right1 = pred - len(mine), right - int(mine["right"].sum())

            out.append(
                {
                    "set": name, "lang": lang, "blocked": len(mine),
                    "blocked_right": int(mine["right"].sum()), "P": right / pred,
                    "P_after": right1 / pred1, "F1": 2 * right / (pred + gold),
                    "F1_after": 2 * right1 / (pred1 + gold),
                }
            )  # fmt: skip
    frame = pd.DataFrame(out)
    return frame.assign(dF1=frame["F1_after"] - frame["F1"])


def main(argv: list[str] | None = None) -> int:
    """Print the blocked additions' counts and the sets' figures before and after."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="err_sets --counts (shipped)")
    parser.add_argument("--out", type=Path, help="write the blocked additions here")
    parser.add_argument("--old", type=Path, help="the packs' themes files of an older commit")
    parser.add_argument(
        "--drops", type=Path, help="with --old: write the rules' new hits and the layer's drops"
    )
    args = parser.parse_args(argv)
    if args.drops and args.old:
        new = new_hits_dropped(args.old)
        new.to_csv(args.drops, index=False)
        print("rules' hits new since --old (right: labelled), kept or dropped by the layer:")
        print(new.groupby(["lang", "kept"])["right"].agg(["size", "sum"]).to_string())
        return 0
    table = blocked(args.old)
    if args.out:
        table.to_csv(args.out, index=False)
    print(f"{len(table)} additions blocked, {int(table['right'].sum())} of them labelled")
    if args.old:
        print(table.groupby("old_exclude")["right"].agg(["size", "sum"]).to_string())
    result = figures(json.loads(args.before.read_text()), table)
    pd.set_option("display.width", 200)
    print(result.sort_values("dF1").round(4).to_string(index=False))
    print(
        f"set-languages losing F1 > 0.002: {int((result['dF1'] < -0.002).sum())} of {len(result)}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
