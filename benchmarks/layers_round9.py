"""Round 9 of the theme layer (LAY24, PREREG23): the held-out estimate and set 28's reading.

The choices are made by ``benchmarks/layers_eval4.py themes --round 9`` (round 8's procedure:
folds ``FOLDS9``, precision floor on ``NEW_INDUSTRIES9``, the full C grid round 7 declared),
blind set 22 held out; ``benchmarks/train_theme_model.py --choices`` then writes the resource
(with ``--blind`` without 22: the estimate's models; with it: the candidate). The polarity
correction is not refitted this round: every reading runs the shipped one.

``whole`` reads blind set 22 with the whole tagger as reports run it (today's rules, the English
addition verifier, the polarity correction as shipped) under the shipped theme layer and under
each resource named: P/R/F1 and polarity accuracy per language, whole figures only.

``decide`` reads decision set 28 (``theme_train28_{en,ja}.csv``, two blind authors, never trained
on) once per candidate, after the candidate (resource and script) is committed: rules alone,
the shipped layer (``--shipped``: main where round 9 began, English round 8, Japanese round 7)
and the working tree's resource, whole figures per language only. PREREG23's rule per language:
F1 >= +0.005, P >= -0.005 and polarity accuracy >= -0.005 against the shipped layer.

Results (LAY24; choices in ``benchmarks/layers_eval4.py``, resources' commands in
``benchmarks/train_theme_model.py``). Blind 22 held out, whole tagger at this branch's rules,
P/R/F1, polarity: rules alone en 0.731/0.573/0.643, 0.756, ja 0.822/0.713/0.763, 0.790; shipped
en 0.824/0.688/0.750, 0.790, ja 0.874/0.799/0.834, 0.846; English PF (C 16, 0.12/0.46, comment)
0.821/0.692/0.751, 0.766 and PF-0.01 (C 4, 0.20/0.36, comment) 0.821/0.692/0.751, 0.763, read
before any decision: polarity -0.024 / -0.027, so English was not read on set 28. Afterwards,
as analysis only (blind 22 is spent; no candidate): the same models with ``score`` for the
added polarity (round 8's rule) read 0.821/0.692/0.751, 0.791 in both designs, so the polarity
loss is the ``comment`` rule's (chosen on the folds by 0.785 to 0.784), and F1 +0.001 is far
from the rule's +0.005 either way. Japanese
(C 64, 0.16/0.42, comment; whole-tagger figure taken after set 28's reading, the layer-alone
estimate before it: F1 0.834 -> 0.837, P -0.004) 0.868/0.806/0.836, 0.845.
Set 28, one reading (candidate 1, 72cac7c: Japanese round 9, English as shipped): rules alone
en 0.796/0.688/0.738, 0.830, ja 0.807/0.668/0.731, 0.853; shipped en 0.869/0.787/0.826, 0.847,
ja 0.857/0.785/0.819, 0.924; candidate ja 0.856/0.793/0.823, 0.925 (F1 +0.004 < +0.005): not
met. Nothing ships: English round 8, Japanese round 7 stay.

Run: ``PYTHONPATH=. python benchmarks/layers_round9.py whole --theme A.npz [B.npz]`` or
``... decide``.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

from layers_round8 import shipped_files, show, whole  # noqa: E402

SHIPPED = "23fde7c"  # main where round 9 began: English round 8, Japanese round 7, correction 6
HELD = "theme_eval_blind22.csv"  # the estimate's held-out set (new industries)
DECISION = ("theme_train28_en.csv", "theme_train28_ja.csv")


def verdict(rows: dict) -> str:
    """PREREG23's rule per language, the working tree's layer against the shipped one."""
    names = list(rows)
    base, new = rows[names[1]].set_index("lang"), rows[names[-1]].set_index("lang")
    out = []
    for lang in new.index:
        b, n = base.loc[lang], new.loc[lang]
        ok = (
            n.F1 - b.F1 >= 0.005
            and n.precision - b.precision >= -0.005
            and n.polarity_accuracy - b.polarity_accuracy >= -0.005
        )
        out.append(f"{lang} {'ships' if ok else 'keeps the shipped layer'}")
    return "PREREG23 rule: " + ", ".join(out)


def main(argv: list[str] | None = None) -> int:
    """Run one step (see the module description)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("step", choices=["whole", "decide"])
    parser.add_argument("--theme", nargs="*", default=[], help="whole: theme layer resources")
    parser.add_argument("--shipped", default=SHIPPED)
    args = parser.parse_args(argv)
    data_dir = ROOT / "tests" / "data"
    files = [data_dir / HELD] if args.step == "whole" else [data_dir / f for f in DECISION]
    with tempfile.TemporaryDirectory() as tmp:
        theme0, pol0 = shipped_files(Path(tmp), args.shipped)
        rows = {"rules alone": whole(files, learned=False)}
        rows[f"shipped ({args.shipped})"] = whole(files, theme0, pol0)
        if args.step == "whole":
            for path in args.theme:
                rows[Path(path).stem] = whole(files, str(Path(path).resolve()), pol0)
        else:
            rows["candidate (working tree)"] = whole(files, "-", pol0)
    print(show(rows))
    if args.step == "decide":
        print(verdict(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
