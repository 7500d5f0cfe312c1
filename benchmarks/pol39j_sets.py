"""POL39J: Japanese rule S (PREREG39) counted per mention on every readable Japanese set.

Rule S-ja: after the learned correction, a Japanese mention the learned theme layer added (no
dictionary word found the theme) takes a detractor's (0-6) direction, negative, or a promoter's
(9-10), positive; a passive's and a mention without a score keep their reading. Both readings are
taken in one process by setting ``sentiment.SCORE_ADDED_LANGUAGES`` (``{"en"}``: shipped before
round 20; ``{"en", "ja"}``: S-ja), so the comparison holds whichever the worktree ships.

The sets: every ``tests/data/theme_*.csv`` with ``text``, ``lang``, ``pack`` and ``labels``
columns and Japanese rows, but blind set 39 (unseen: dropped by name before any file is opened)
and set 41 (the round's estimate, read by ``--estimate`` only, as whole figures). Scores are
read as ``evaluate_mentions`` (and so ``bench_text.py --eval``) reads them: a blank score is no
segment; improvement answers (imp12/imp13) with ``asks="improvement"`` (no correction, so no
rule S).

``--write OUT.csv``: every Japanese mention both found (gold theme the tagger tags) of every set,
with its score, segment, gold, shipped and S-ja readings and their sources
(``polarity_sources``), and whether the layer added it (``explain_themes``).
``--report OUT.csv``: from that file, per set whole polarity shipped vs S-ja (checked against
``evaluate_mentions``' whole figures when ``--check``), fixed / broken, layer-added mentions
with a clear segment; and the census of Japanese polarity errors by source and segment, as
Markdown. ``--estimate``: set 41's Japanese rows, whole figures (P R F1 polarity), shipped and
S-ja; no row is printed. ``--speed``: ``bench_text.py``'s 100k tagger with segments
(``time_themes_and_polarity(segments=True)``: ``tag_themes`` then ``tag_polarity``, a fresh
process each) for ``nps_kit`` of main and of this branch (each extracted from git), three
alternated pairs, CPU seconds and their medians.
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
from pathlib import Path

import pandas as pd
from err38j_sets import figures
from err_sets import DATA, _asks
from pol36_sets import _md

from nps_kit.score import segment
from nps_kit.text import explain_themes, sentiment
from nps_kit.text.evaluation import _scores, evaluate_mentions, parse_labels
from nps_kit.text.packs import load_pack

UNSEEN = "theme_eval_blind39.csv"
ESTIMATE = "theme_train41_ja.csv"
#: Set 41's files: the estimate (Japanese, ``--estimate`` only) and the English one (POL39E's).
SET41 = ("theme_train41_en.csv", ESTIMATE)
READINGS = {"shipped": frozenset({"en"}), "s_ja": frozenset({"en", "ja"})}
NEEDED = {"text", "lang", "pack", "labels"}
SEGMENTS = ("detractor", "passive", "promoter", "none")
#: The sets the shipped Japanese learned parts (theme layer and correction of round 16, ec5be1e's
#: arrays: training sets up to 34 and spent blind sets up to 33) were never trained on: decision
#: sets 36 and 38, blind 35 and 37, and the sets that are no training data (``labelled_sets``).
#: The food and logistics packs have no models, so no rule S.
NOT_TRAINED_ON = (
    "blind35",
    "blind37",
    "train36ja",
    "train38ja",
    "unit14ja",
    "short14",
    "imp12ja",
    "imp13ja",
)


def _name(file: str) -> str:
    """``theme_eval_blind12.csv`` -> ``blind12``; ``theme_train9_ja.csv`` -> ``train9ja``."""
    stem = file.removesuffix(".csv").removeprefix("theme_").removeprefix("eval_")
    stem = "blind1" if stem == "blind" else stem
    return stem.replace("_", "")


def japanese_sets() -> dict[str, str]:
    """Return every readable labelled set with Japanese rows, by name (blind 39, set 41 not)."""
    files = sorted(
        p.name for p in DATA.glob("theme_*.csv") if p.name != UNSEEN and p.name not in SET41
    )
    assert UNSEEN not in files and not any("train41" in f for f in files)
    names = {}
    for file in files:
        head = pd.read_csv(DATA / file, nrows=0)
        if not NEEDED <= set(head.columns):
            continue  # the first set's old layout, a relabelling's labels alone
        if (pd.read_csv(DATA / file, usecols=["lang"], dtype=str)["lang"] == "ja").any():
            names[_name(file)] = file
    return names


def _japanese(file: str) -> pd.DataFrame:
    frame = pd.read_csv(DATA / file, keep_default_na=False, dtype=str)
    assert "score" in frame, file  # every labelled set read here has one
    return frame[frame["lang"] == "ja"].reset_index(drop=True)


def _readings(
    texts: pd.Series, book: object, segments: pd.Series | None, asks: sentiment.Asks
) -> dict[str, sentiment.PolarityReading]:
    out = {}
    kept = sentiment.SCORE_ADDED_LANGUAGES
    try:
        for name, languages in READINGS.items():
            sentiment.SCORE_ADDED_LANGUAGES = languages
            out[name] = sentiment.polarity_sources(texts, book, segments=segments, asks=asks)  # type: ignore[arg-type]
    finally:
        sentiment.SCORE_ADDED_LANGUAGES = kept
    return out


def mentions(name: str, file: str) -> pd.DataFrame:
    """Every Japanese mention of ``file`` both labelled and found, read shipped and with S-ja."""
    frame = _japanese(file)
    asks = _asks(name)
    rows = []
    for pack_name, g in frame.groupby("pack", sort=False):
        book = load_pack(str(pack_name))
        g = g.reset_index(drop=True)
        texts = g["text"].astype("string")
        seg = segment(_scores(g, "score", "id"))
        read = _readings(texts, book, seg, asks)
        why = explain_themes(texts, book)
        added = {
            (r, t)
            for r, t, s in why[["row", "theme", "source"]].itertuples(index=False)
            if s == "layer"
        }
        for i, row in g.iterrows():
            for theme, gold in parse_labels(row["labels"]).items():
                got = read["shipped"].polarity.at[i, theme]
                if pd.isna(got):
                    continue
                rows.append(
                    {
                        "set": name,
                        "id": row["id"],
                        "pack": pack_name,
                        "score": row["score"],
                        "segment": "none" if pd.isna(seg.iat[i]) else str(seg.iat[i]),
                        "theme": theme,
                        "gold": gold,
                        "layer_added": (i, theme) in added,
                        **{f"{k}": str(r.polarity.at[i, theme]) for k, r in read.items()},
                        **{f"{k}_source": str(r.source.at[i, theme]) for k, r in read.items()},
                        "text": row["text"],
                    }
                )
    return pd.DataFrame(rows)


def whole(file: str, name: str) -> dict[str, list[int]]:
    """``[gold, predicted, right, polarity right]`` of the Japanese rows, shipped and S-ja."""
    frame = _japanese(file)
    out = {}
    kept = sentiment.SCORE_ADDED_LANGUAGES
    try:
        for reading, languages in READINGS.items():
            sentiment.SCORE_ADDED_LANGUAGES = languages
            r = evaluate_mentions(frame, asks=_asks(name)).table.set_index("lang").loc["ja"]
            out[reading] = [int(r.gold), int(r.predicted), int(r.correct), int(r.polarity_correct)]
    finally:
        sentiment.SCORE_ADDED_LANGUAGES = kept
    return out


def per_set(m: pd.DataFrame) -> pd.DataFrame:
    """Per set: mentions both found, polarity shipped and S-ja, fixed, broken, S-ja's mentions."""
    rows = []
    for name, g in m.groupby("set", sort=False):
        ok0 = g["gold"] == g["shipped"]
        ok1 = g["gold"] == g["s_ja"]
        clear = g["layer_added"] & g["segment"].isin(["detractor", "promoter"])
        rows.append(
            {
                "set": name,
                "mentions": len(g),
                "shipped": int(ok0.sum()),
                "s_ja": int(ok1.sum()),
                "fixed": int((ok1 & ~ok0).sum()),
                "broken": int((ok0 & ~ok1).sum()),
                "layer_added": int(g["layer_added"].sum()),
                "added_clear": int(clear.sum()),
            }
        )
    return pd.DataFrame(rows)


def census(m: pd.DataFrame, reading: str) -> pd.DataFrame:
    """Errors / mentions per source x segment of one reading (``shipped`` or ``s_ja``)."""
    wrong = m["gold"] != m[reading]
    t = pd.crosstab(m[f"{reading}_source"], m["segment"]).reindex(columns=list(SEGMENTS))
    e = pd.crosstab(m.loc[wrong, f"{reading}_source"], m.loc[wrong, "segment"])
    e = e.reindex(index=t.index, columns=list(SEGMENTS)).fillna(0).astype(int)
    t = t.fillna(0).astype(int)
    cells = {s: [f"{e.at[k, s]}/{t.at[k, s]}" for k in t.index] for s in SEGMENTS}
    cells["all"] = [
        f"{e.loc[k].sum()}/{t.loc[k].sum()} ({e.loc[k].sum() / max(t.loc[k].sum(), 1):.3f})"
        for k in t.index
    ]
    out = pd.DataFrame(cells, index=t.index)
    out.index.name = "source \\ segment"
    return out


def _text_md(t: pd.DataFrame) -> str:
    head = "| " + " | ".join([str(t.index.name or ""), *map(str, t.columns)]) + " |"
    rule = "|---|" + "---:|" * len(t.columns)
    body = ["| " + " | ".join([str(i), *map(str, row)]) + " |" for i, row in t.iterrows()]
    return "\n".join([head, rule, *body])


def report(m: pd.DataFrame) -> str:
    t = per_set(m)
    unseen = t["set"].isin(NOT_TRAINED_ON)
    totals = [
        {"set": name, **t.loc[rows].drop(columns="set").sum().to_dict()}
        for name, rows in (
            ("not trained on", unseen),
            ("trained on", ~unseen),
            ("all", unseen | ~unseen),
        )
    ]
    t = pd.concat([t, pd.DataFrame(totals)], ignore_index=True)
    show = t.assign(
        shipped_acc=(t["shipped"] / t["mentions"]).map("{:.3f}".format),
        s_ja_acc=(t["s_ja"] / t["mentions"]).map("{:.3f}".format),
        delta=((t["s_ja"] - t["shipped"]) / t["mentions"]).map("{:+.3f}".format),
    ).set_index("set")
    parts = ["#### per set (Japanese mentions both found)\n" + _text_md(show) + "\n"]
    fresh = m[m["set"].isin(NOT_TRAINED_ON)]
    for which, part in (("every set", m), ("sets not trained on", fresh)):
        for reading in READINGS:
            table = _text_md(census(part, reading))
            parts.append(f"#### census, {which}, {reading}: errors/mentions\n{table}\n")
    wrong = m["gold"] != m["shipped"]
    g = pd.crosstab(m.loc[wrong, "gold"], m.loc[wrong, "shipped"])
    g.index.name = "gold \\ shipped (errors)"
    parts.append("#### shipped errors, gold x read\n" + _md(g) + "\n")
    s = m[m["layer_added"]]
    touched = s[s["segment"].isin(["detractor", "promoter"])]
    k = pd.crosstab([touched["segment"], touched["gold"]], touched["shipped"] == touched["gold"])
    k.index = [f"{a} / gold {b}" for a, b in k.index]
    k.index.name = "S-ja's mentions: segment / gold"
    k.columns = [f"shipped right={c}" for c in k.columns]
    parts.append("#### the mentions S-ja sets\n" + _md(k) + "\n")
    return "\n".join(parts)


def speed(base: str = "main", branch: str = "pol39j", *, pairs: int = 3) -> None:
    """Print the CPU seconds of the 100k tagger with segments, ``base`` vs ``branch``."""
    from bench_text import N_COMMENTS, make_comments, old_tagger, time_themes_and_polarity

    texts = make_comments(N_COMMENTS)
    cpu: dict[str, list[float]] = {base: [], branch: []}
    with tempfile.TemporaryDirectory() as tmp:
        code = {}
        for commit in cpu:
            target = Path(tmp) / commit
            target.mkdir()
            extracted = old_tagger(target, commit=commit)
            assert extracted is not None, commit
            code[commit] = extracted
        for k in range(pairs):
            order = (base, branch) if k % 2 == 0 else (branch, base)
            for commit in order:
                cpu[commit].append(time_themes_and_polarity(texts, code[commit], segments=True)[1])
                print(f"pair {k + 1} {commit}: {cpu[commit][-1]:.2f} s CPU", flush=True)
    a, b = (statistics.median(cpu[c]) for c in (base, branch))
    print(f"median CPU {base} {a:.2f} s, {branch} {b:.2f} s, {branch}/{base} {b / a:.3f}")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", type=Path)
    parser.add_argument("--report", type=Path)
    parser.add_argument("--check", action="store_true", help="whole figures per set agree")
    parser.add_argument("--estimate", action="store_true", help="set 41's Japanese rows, once")
    parser.add_argument("--speed", action="store_true", help="100k tagger, main vs pol39j")
    args = parser.parse_args(argv)
    if args.speed:
        speed()
        return
    if args.estimate:
        result = whole(ESTIMATE, "train41ja")
        for reading, c in result.items():
            print(f"train41ja {reading}: {figures(c)}")
        return
    if args.write:
        parts = []
        for name, file in japanese_sets().items():
            parts.append(mentions(name, file))
            print(name, len(parts[-1]), flush=True)
        pd.concat(parts, ignore_index=True).to_csv(args.write, index=False)
    if args.report:
        m = pd.read_csv(args.report, keep_default_na=False, dtype=str)
        m["layer_added"] = m["layer_added"] == "True"
        if args.check:
            names = japanese_sets()
            for name, g in per_set(m).set_index("set").iterrows():
                w = whole(names[str(name)], str(name))
                assert [w["shipped"][2], w["shipped"][3], w["s_ja"][3]] == [
                    g["mentions"],
                    g["shipped"],
                    g["s_ja"],
                ], (name, w, g.to_dict())
            print("whole figures agree with evaluate_mentions on every set")
        print(report(m))


if __name__ == "__main__":
    main()
