"""LAY39E: the English theme layer's additions and drops on sets it never saw, and one threshold.

PREREG39 amendment A (English round 20b). The shipped English theme layer is round 17's
(56747f9: cand17 d8d4e1d's English arrays; ``labelled_sets.TRAIN17`` training sets 11-32, 34 and
36, ``BLIND17`` the spent blind sets 9-13, 15-30 and 33; ``layers_round10.py``, PREREG36) and its
addition vetter (``_layer._VETTING``) was fitted on blind sets 9-12 and folds of training sets
6-8, 18, 19 and 22. Neither saw the three discovery sets read here, English rows only: training
set 38 (round 17's decision set), blind 37 and blind 35 (:func:`check_unseen` says so from those
lists before any file is opened). Blind 39 (``theme_eval_blind39.csv``) and set 41
(``theme_train41_*``) are in ``pol39e_flips.NEVER`` and are never opened here; set 41's English
rows are the estimate, read only as whole figures by ``bench_text.py --eval`` at the end.

``census``: per set and pack, every theme the English tagger meets in a comment, by its source
(``explain_themes``): a dictionary hit kept (right when gold has the theme), a hit the layer
dropped (the drop is right when gold lacks it), a theme the layer added (right when gold has
it); the dictionaries' own false positives (every hit, kept or dropped, that gold lacks) for
comparison; and every addition the layer proposed (probability at least ``t_add``, no hit) by
its probability band and the vetter's verdict (passed and made, passed but blocked by an exclude
or veto, vetoed), each right or wrong against gold.

``grid``: the one number declared, English ``t_add`` from the shipped 0.42 up by 0.05 while at
most 0.95 (:data:`GRID`: 0.42 ... 0.92), each read as whole figures on the three discovery sets
(per set and pooled: gold, found, right, polarity right; P, R, F1, polarity) by
``evaluate_mentions`` with the resource's ``t_add`` replaced in the loaded model. The choice:
the highest pooled F1 among values whose pooled precision is not below the shipped; a candidate
only if it beats the shipped by at least 0.005 F1.

``rebuild T OUT``: a copy of the package's ``theme_layer.npz`` with only ``en_thresholds``' t_add
set to ``T`` (every other array checked byte for byte equal to the package's).

Outcome (``benchmarks/LAY39E.md``): pooled F1 0.831 at the shipped 0.42 falls at every step of
the grid (0.829 at 0.47, 0.786 at 0.92) while precision rises 0.861 -> 0.900: no candidate, set
41 not read. The additions near either cut are right about half the time, above F1's break-even.

Run: ``PYTHONPATH=. python benchmarks/lay39e_additions.py census|grid|rebuild T OUT``.
"""

from __future__ import annotations

import argparse
import io
import sys
import zipfile
from dataclasses import replace
from pathlib import Path

import numpy as np
import pandas as pd

sys.path.insert(0, str(Path(__file__).resolve().parent))

from err_sets import DATA
from labelled_sets import BLIND17, SPENT_BLIND, TRAIN17, training
from pol39e_flips import NEVER, _md

from nps_kit.text import _layer, explain_themes
from nps_kit.text._match import matcher
from nps_kit.text.evaluation import evaluate_mentions, parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.themes import _answers
from nps_kit.text.tokens import _normalised_codes

#: The discovery sets: readable, never trained on by the English layer nor its vetter.
DISCOVERY = {
    "set38": "theme_train38_en.csv",
    "blind37": "theme_eval_blind37.csv",
    "blind35": "theme_eval_blind35.csv",
}
#: The vetter's fitting data (``_layer._VETTING``'s comment): blind 9-12 and the folds of
#: training sets 6-8, 18, 19 and 22.
VETTER_SETS = frozenset(
    {*(f"theme_eval_blind{n}.csv" for n in (9, 10, 11, 12))}
    | {f"theme_train{n}_en.csv" for n in (6, 7, 8, 18, 19, 22)}
)
SHIPPED_T_ADD = 0.42
#: Declared before any run (amendment A): the shipped t_add up by 0.05 while at most 0.95.
GRID = tuple(round(SHIPPED_T_ADD + 0.05 * k, 2) for k in range(11))
#: Probability bands of the proposed additions: the grid's steps, then 0.92-1.
BANDS = (*GRID, 1.0001)
#: Cuts of the vetter's probability the census bands the proposals by (the shipped is 0.48).
VET_LEVELS = (0.0, 0.28, 0.38, 0.43, 0.48, 0.53, 0.58, 0.63, 0.68, 0.78)


def check_unseen() -> None:
    """Fail unless every discovery file is outside the layer's and the vetter's training data."""
    trained = set(training(TRAIN17).values()) | {SPENT_BLIND[n] for n in BLIND17} | VETTER_SETS
    for file in DISCOVERY.values():
        if file in NEVER or file in trained:
            raise SystemExit(f"{file} is not a discovery set")


def english(file: str) -> pd.DataFrame:
    """The English rows of a discovery file."""
    if file in NEVER:  # excluded by name before it is opened
        raise SystemExit(f"{file} is never opened here")
    frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
    return frame[frame["lang"] == "en"].reset_index(drop=True)


def _band(p: float) -> str:
    k = int(np.searchsorted(BANDS, p, side="right")) - 1
    return f"{BANDS[k]:.2f}-{min(BANDS[k + 1], 1.0):.2f}"


def census_rows(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Every (comment, theme) the dictionaries or the layer touch, with its kind and verdict."""
    model = _layer._models()["en"]
    rows = []
    for pack, g in frame.groupby("pack", sort=False):
        book = load_pack(str(pack))
        g = g.reset_index(drop=True)
        texts = g["text"].astype("string")
        gold = [parse_labels(v) for v in g["labels"]]
        why = explain_themes(texts, book)
        for r in why.itertuples():
            has = str(r.theme) in gold[int(r.row)]
            kind = {"words": "hit kept", "dropped": "hit dropped", "layer": "added"}[str(r.source)]
            rows.append((name, pack, g["id"][r.row], r.theme, kind, has, np.nan, "", np.nan))
        # The additions the layer proposes, as ``_layer.adjust`` makes them, and the vetter's word.
        codes, unique = _normalised_codes(texts)
        hits = matcher(book.themes).tag(unique)
        answers = _answers(unique)
        langs = _layer.languages(book.pack, answers)
        en = np.array([i for i, lang in enumerate(langs) if lang == "en"], dtype=np.intp)
        if not len(en):
            continue
        ids, prob = _layer.probabilities([answers[i] for i in en], "en", str(pack))
        cols = np.array([book.ids.index(t) for t in ids], dtype=np.intp)
        hit = hits[np.ix_(en, cols)]
        keep = np.where(hit, prob >= model.t_drop, prob >= model.t_add)
        vetting = _layer._VETTING["en"]
        vetted = _layer._vet_additions(prob, hit, keep, ids, str(pack), vetting)
        # The highest of VET_LEVELS whose cut each proposal passes (information: no grid of the
        # vetter's cut was declared).
        level = np.full(prob.shape, -1.0)
        for cut in VET_LEVELS:
            passed = _layer._vet_additions(
                prob, hit, keep, ids, str(pack), replace(vetting, threshold=cut)
            )
            level[passed & keep & ~hit] = cut
        made = {(int(r.row), str(r.theme)) for r in why.itertuples() if r.source == "layer"}
        where = {int(u): i for i, u in enumerate(en)}
        for position, code in enumerate(codes.tolist()):
            i = where.get(int(code))
            if i is None:
                continue
            for j in np.flatnonzero(keep[i] & ~hit[i]).tolist():
                theme = ids[j]
                verdict = (
                    "vetoed"
                    if not vetted[i, j]
                    else "made"
                    if (position, theme) in made
                    else "blocked"
                )
                has = theme in gold[position]
                rows.append(
                    (
                        *(name, pack, g["id"][position], theme, "proposed", has),
                        *(prob[i, j], verdict, level[i, j]),
                    )
                )
    return pd.DataFrame(
        rows,
        columns=["set", "pack", "id", "theme", "kind", "gold", "prob", "vetter", "vet_level"],
    )


def census_tables(c: pd.DataFrame) -> str:
    """The census as Markdown: per set and pack, and the proposed additions by band and vetter."""
    t = c[c["kind"] != "proposed"]
    right = np.where(t["kind"] == "hit dropped", ~t["gold"], t["gold"])
    t = t.assign(verdict=np.where(right, "right", "wrong"))
    per = pd.crosstab([t["set"], t["pack"]], [t["kind"], t["verdict"]])
    pooled = pd.crosstab(t["set"], [t["kind"], t["verdict"]])
    pooled.loc["all"] = pooled.sum()
    hits = t[t["kind"] != "added"]
    fp = pd.DataFrame(
        {
            "hits": hits.groupby("set").size(),
            "hits not in gold": hits[~hits["gold"]].groupby("set").size(),
        }
    )
    fp.loc["all"] = fp.sum()
    fp["share wrong"] = (fp["hits not in gold"] / fp["hits"]).round(3)
    p = c[c["kind"] == "proposed"]
    p = p.assign(band=p["prob"].map(_band), verdict=np.where(p["gold"], "right", "wrong"))
    by_band = pd.crosstab(p["band"], [p["vetter"], p["verdict"]], margins=True, margins_name="all")
    by_set = pd.crosstab(p["set"], [p["vetter"], p["verdict"]], margins=True, margins_name="all")
    by_vet = pd.crosstab(
        p["vet_level"].map(lambda x: f"passes {x:.2f}"),
        [p["vetter"], p["verdict"]],
        margins=True,
        margins_name="all",
    )

    def flat(x: pd.DataFrame) -> pd.DataFrame:
        x = x.copy()
        x.columns = [" ".join(map(str, col)).strip() for col in x.columns]
        x.index = [" ".join(map(str, i)) if isinstance(i, tuple) else str(i) for i in x.index]
        return x

    return "\n\n".join(
        [
            "#### per set and pack (kind, right / wrong)\n" + _md(flat(per)),
            "#### per set\n" + _md(flat(pooled)),
            "#### the dictionaries' hits (kept or dropped) that gold lacks\n" + _md(fp),
            "#### proposed additions by probability band, vetter's verdict and gold\n"
            + _md(flat(by_band)),
            "#### proposed additions per set\n" + _md(flat(by_set)),
            "#### proposed additions by the highest vetter cut they pass (information only)\n"
            + _md(flat(by_vet)),
        ]
    )


def set_t_add(value: float) -> None:
    """Put ``value`` as English ``t_add`` in the loaded model (the resource's file untouched)."""
    models = _layer._models()
    models["en"] = replace(models["en"], t_add=value)
    _layer._LAST.clear()  # adjust's memo of its last answer


def whole(frame: pd.DataFrame) -> np.ndarray:
    """[gold, found, right, polarity right] of the tagger on an English frame (as ``--eval``)."""
    score = "score" if (frame["score"] != "").all() else None
    table = evaluate_mentions(frame, score=score).table.set_index("lang")
    return table.loc["en", ["gold", "predicted", "correct", "polarity_correct"]].to_numpy(int)


def figures(n: np.ndarray) -> tuple[float, float, float, float]:
    """P, R, F1 and polarity accuracy of [gold, found, right, polarity right]."""
    p, r = n[2] / n[1], n[2] / n[0]
    return p, r, 2 * p * r / (p + r), n[3] / n[2]


def grid(frames: dict[str, pd.DataFrame]) -> pd.DataFrame:
    """Whole figures per set and pooled at every value of :data:`GRID`."""
    out = []
    for value in GRID:
        set_t_add(value)
        counts = {name: whole(frame) for name, frame in frames.items()}
        counts["pooled"] = sum(counts.values())
        for name, n in counts.items():
            out.append((value, name, *n.tolist(), *(round(x, 4) for x in figures(n))))
        print(value, *(round(x, 4) for x in figures(counts["pooled"])), flush=True)
    set_t_add(SHIPPED_T_ADD)
    return pd.DataFrame(
        out,
        columns=["t_add", "set", "gold", "found", "right", "pol_right", "P", "R", "F1", "polarity"],
    )


def choose(g: pd.DataFrame) -> float | None:
    """The declared choice: best pooled F1 with P not below the shipped, by >= 0.005, or none."""
    pooled = g[g["set"] == "pooled"].set_index("t_add")
    base = pooled.loc[SHIPPED_T_ADD]
    ok = pooled[pooled["P"] >= base["P"]]
    best = ok["F1"].idxmax()
    return float(best) if ok.at[best, "F1"] >= base["F1"] + 0.005 else None


def rebuild(value: float, out: Path) -> None:
    """Copy the package's ``theme_layer.npz`` with English ``t_add`` set to ``value``, nothing else.

    ``np.savez_compressed`` writes every array again (member order kept); then each member but
    ``en_thresholds`` is checked equal, array for array and in its ``.npy`` bytes.
    """
    source = _layer._resource()
    with np.load(source, allow_pickle=False) as data:
        arrays = {name: data[name] for name in data.files}
    thresholds = arrays["en_thresholds"].copy()
    thresholds[1] = value
    arrays["en_thresholds"] = thresholds
    np.savez_compressed(out, **arrays)  # type: ignore[arg-type]
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(out) as new:
        assert old.namelist() == new.namelist()
        for member in old.namelist():
            same = old.read(member) == new.read(member)
            if member == "en_thresholds.npy":
                assert not same
                changed = np.load(io.BytesIO(new.read(member)))
                assert changed.tolist() == [arrays["en_thresholds"][0], value]
            else:
                assert same, member
    print(f"{out}: {out.stat().st_size:,} bytes ({source.stat().st_size:,}); en_thresholds only")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("census")
    sub.add_parser("grid")
    r = sub.add_parser("rebuild")
    r.add_argument("value", type=float)
    r.add_argument("out", type=Path)
    args = parser.parse_args()
    if args.command == "rebuild":
        rebuild(args.value, args.out)
        return
    check_unseen()
    frames = {name: english(file) for name, file in DISCOVERY.items()}
    if args.command == "census":
        c = pd.concat([census_rows(name, f) for name, f in frames.items()], ignore_index=True)
        print(census_tables(c))
    else:
        g = grid(frames)
        print(_md(g.set_index("t_add")))
        chosen = choose(g)
        print("chosen:", "none" if chosen is None else chosen)


if __name__ == "__main__":
    main()
