"""Whole figures per readable set, and one spent blind set's theme errors with their sources.

Used by the error rounds ERR21 (``--blind 20``), ERR22 (``--blind 21``) and ERR23 (``--blind 22``,
training set 26 held out whole); ``err21_sets.py``, ``err22_sets.py`` and ``err23_sets.py`` run
this with their set. ERR24 (``--blind 23``) is an entry of ``ROUNDS``: nothing held out of its
errors; blind set 22 held out whole from its rule choice (``--counts`` leaves it out unless
``--only-held-out``, read once at the end). ERR25 (``--blind 24``): training set 28 held out
whole and never opened (the learned layer's decision set); no spent blind set is held out.
ERR26 (``--blind 25``): training set 29 held out whole and never opened; blind set 26 is never
named (it is above 25). ERR27 (``--blind 26``): training set 30 held out whole and never opened
(the layer's round-13 decision set); the blind set above 26 is never named. ERR28 (``--blind
27``): training set 31 held out whole and never opened; set 30 is readable; the blind set above 27
is never named. ERR29 (``--blind 28``): training set 31 held out whole and never opened; the
blind set above 28 is never named. ERR34E (``--round 34e``): English only; the sets readable in
round 34 (blind sets up to 28, training sets up to 31, logistics set 1, the food sets) and the
even ids of training set 32's English file (``train32en_even``); its odd ids (``train32en_odd``)
are read only as whole figures with ``--only-held-out``; no later set is named.
For blind set N:
``--counts OUT.json``: per set and language [gold, predicted, right, polarity right] of the
shipped tagger (as ``bench_text.py --eval`` reads it; imp12/imp13 with ``asks="improvement"``)
and, with ``--rules-alone``, of the rules without the learned layers. Every set readable when
blind N was studied (blind sets below N but 14, training sets 5 and 9 to N + 4) but blind N
(``--with-blind`` adds it as ``blindN``). Training set N + 5 (the held-out one) is read only
through ``bench_text.py --eval``, as whole figures; later sets are never named here.
``--errors OUT.csv``: every MISS / SPUR / POL of blind set N (spent, readable per comment) with
the rules' reading without the layers and ``explain_themes``' source and words.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import pandas as pd

from nps_kit.score import segment
from nps_kit.text import explain_themes
from nps_kit.text.evaluation import evaluate_mentions, parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import Asks, _tag_polarity

DATA = Path(__file__).resolve().parents[1] / "tests" / "data"

#: blind set studied -> (training sets held out whole, blind sets held out whole) of its round
ROUNDS: dict[int, tuple[tuple[int, ...], tuple[int, ...]]] = {
    22: ((26,), ()),
    23: ((), (22,)),
    24: ((28,), ()),  # ERR25: training set 28 is LAY26's decision set, never opened
    # ERR26: training set 29 is the layer's round-12 decision set (PREREG26), never opened; blind
    # set 26 (PREREG26's measure) is above 25, so no set list here names it (not listed below
    # either: ``--only-held-out`` would read it)
    25: ((29,), ()),
    # ERR27: training set 30 is the layer's round-13 decision set (PREREG27), never opened; set 29
    # is spent and readable; the blind set above 26 is never named (as ERR26 did with 26)
    26: ((30,), ()),
    # ERR28: training set 31 is the layer's next decision set, never opened; set 30 is spent and
    # readable; the blind set above 27 is never named (as ERR27 did with 27)
    27: ((31,), ()),
    # ERR29: training set 31 stays held out whole, never opened; no training set 32 exists (held
    # out so that a later file is never read by accident); the blind set above 28 is never named
    28: ((31, 32), ()),
}


#: ERR34E: training set 32's English file split by the parity of the id's number; the even half is
#: tuning data (readable per comment), the odd half the round's estimate (whole figures only)
HALVES: dict[str, tuple[str, int]] = {
    "train32en_even": ("theme_train32_en.csv", 0),
    "train32en_odd": ("theme_train32_en.csv", 1),
    # ERR38E: blind set 37's English file split the same way (PREREG38): even ids tuning, odd ids
    # the round's estimate (whole figures only, read once at the end)
    "blind37en_even": ("theme_eval_blind37.csv", 0),
    "blind37en_odd": ("theme_eval_blind37.csv", 1),
}


def round34e_sets() -> dict[str, str]:
    """Return the sets readable per comment in ERR34E (English figures are the ones read)."""
    names = readable_sets(29, held_out=(32, 33))
    names |= {
        "logistics1": "theme_eval_logistics1.csv",
        "food1": "theme_eval_food1.csv",
        "food2": "theme_eval_food2.csv",
        "train32en_even": "train32en_even",
    }
    return names


def round38e_sets() -> dict[str, str]:
    """Return the sets readable per comment in ERR38E (English figures are the ones read).

    Every labelled set in ``tests/data`` the helpers name (blind sets up to 35, training sets 5 and
    9-38, short14, unit14, imp12/13, the logistics and food sets) and blind set 37's even English
    ids. Blind set 37 is read only through its halves; blind set 39 (unseen) is never named.
    """
    names = {
        name: file
        for name, file in readable_sets(38, held_out_blind=(37,)).items()
        if (DATA / file).exists()
    }
    names |= {
        "logistics1": "theme_eval_logistics1.csv",
        "logistics2": "theme_eval_logistics2.csv",
        "food1": "theme_eval_food1.csv",
        "food2": "theme_eval_food2.csv",
        "blind37en_even": "blind37en_even",
    }
    return names


def readable_sets(
    blind: int, *, held_out: tuple[int, ...] = (), held_out_blind: tuple[int, ...] = ()
) -> dict[str, str]:
    """Return the sets readable when blind set ``blind`` was studied, by name, without it.

    ``held_out`` names training sets (numbers) read only as whole figures in that round,
    ``held_out_blind`` spent blind sets held out whole the same way.
    """
    return {
        "blind1": "theme_eval_blind.csv",
        **{
            f"blind{n}": f"theme_eval_blind{n}.csv"
            for n in range(2, blind)
            if n != 14  # set 14 is the short set, named below
            and n not in held_out_blind
        },
        "short14": "theme_eval_short14.csv",
        **{f"unit14{lang}": f"theme_unit14_{lang}.csv" for lang in ("en", "ja")},
        **{
            f"imp{n}{lang}": f"theme_eval_imp{n}_{lang}.csv"
            for n in (12, 13)
            for lang in ("en", "ja")
        },
        **{
            f"train{n}{lang}": f"theme_train{n}_{lang}.csv"
            for n in (5, *range(9, blind + 5))
            if n not in held_out
            for lang in ("en", "ja")
        },
    }


def _asks(name: str) -> Asks:
    return "improvement" if name.startswith("imp") else "reason"


def _read(file: str) -> pd.DataFrame:
    if file in HALVES:
        name, parity = HALVES[file]
        frame = pd.read_csv(DATA / name, keep_default_na=False, dtype=str)
        number = frame["id"].str.extract(r"(\d+)$")[0].astype(int)
        frame = frame[number % 2 == parity]
        if file.startswith("blind37en"):
            frame = frame[frame["lang"] == "en"]
        return frame.reset_index(drop=True)
    return pd.read_csv(DATA / file, keep_default_na=False, dtype=str)


def counts(
    *,
    blind: int,
    learned: bool,
    with_blind: bool,
    held_out: tuple[int, ...] = (),
    held_out_blind: tuple[int, ...] = (),
    only_held_out: bool = False,
    names: dict[str, str] | None = None,
    lang: str | None = None,
) -> dict[str, dict[str, list[int]]]:
    out: dict[str, dict[str, list[int]]] = {}
    if names is None:
        names = readable_sets(blind, held_out=held_out, held_out_blind=held_out_blind)
        if with_blind:
            names[f"blind{blind}"] = f"theme_eval_blind{blind}.csv"
        if only_held_out:
            names = {f"blind{n}": f"theme_eval_blind{n}.csv" for n in held_out_blind}
    for name, file in names.items():
        frame = _read(file)
        if lang is not None:
            frame = frame[frame["lang"] == lang].reset_index(drop=True)
            if frame.empty:
                continue
        if "score" not in frame:
            frame = frame.assign(score="")
        score = "score" if (frame["score"] != "").all() else None
        table = evaluate_mentions(frame, asks=_asks(name), learned=learned, score=score).table
        out[name] = {
            str(lang): [int(r.gold), int(r.predicted), int(r.correct), int(r.polarity_correct)]
            for lang, r in table.set_index("lang").iterrows()
            if lang != "all"
        }
    return out


def errors(blind: int) -> pd.DataFrame:
    return errors_of(_read(f"theme_eval_blind{blind}.csv"))


def errors_of(frame: pd.DataFrame) -> pd.DataFrame:
    """Every MISS / SPUR / POL of a labelled frame, with the rules alone and the source."""
    rows = []
    for (lang, pack_name), g in frame.groupby(["lang", "pack"], sort=False):
        book = load_pack(str(pack_name))
        g = g.reset_index(drop=True)
        texts = g["text"].astype("string")
        seg = segment(pd.to_numeric(g["score"], errors="coerce"))
        shipped = _tag_polarity(texts, book, segments=seg, learned=True, correct=True)
        alone = _tag_polarity(texts, book, segments=seg, learned=False, correct=False)
        why = explain_themes(texts, book)
        for i, row in g.iterrows():
            gold = parse_labels(row["labels"])
            for theme in shipped.columns:
                got, want, a = shipped.at[i, theme], gold.get(theme), alone.at[i, theme]
                got = None if pd.isna(got) else str(got)
                if got == want:
                    continue
                error = "MISS" if got is None else "SPUR" if want is None else "POL"
                w = why[(why["row"] == i) & (why["theme"] == theme)]
                src = "" if w.empty else str(w["source"].iloc[0])
                words = "" if w.empty else str(w["words"].iloc[0])
                rows.append(
                    {
                        "id": row["id"],
                        "lang": lang,
                        "pack": pack_name,
                        "theme": theme,
                        "error": error,
                        "gold": want or "",
                        "shipped": got or "",
                        "rules_alone": "" if pd.isna(a) else a,
                        "explain": f"{src} [{words}]" if words else src,
                        "text": row["text"],
                    }
                )
    return pd.DataFrame(rows)


def main(
    argv: list[str] | None = None, *, blind: int | None = None, held_out: tuple[int, ...] = ()
) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    if blind is None:
        parser.add_argument("--blind", type=int, help="the spent blind set studied")
    parser.add_argument(
        "--round34e",
        action="store_true",
        help="ERR34E: round 34 readable sets, set 32 even English ids (odd: --only-held-out)",
    )
    parser.add_argument(
        "--round38e",
        action="store_true",
        help="ERR38E: every readable set, blind 37 even English ids (odd: --only-held-out)",
    )
    parser.add_argument("--counts", type=Path)
    parser.add_argument("--rules-alone", action="store_true")
    parser.add_argument("--with-blind", action="store_true", help="count the blind set too")
    parser.add_argument("--errors", type=Path)
    parser.add_argument(
        "--only-held-out",
        action="store_true",
        help="count only the blind sets the round held out whole (read once, at the end)",
    )
    args = parser.parse_args(argv)
    if args.round34e:
        _round34e(args)
        return
    if args.round38e:
        _round38e(args)
        return
    number = blind if blind is not None else args.blind
    if number is None:
        parser.error("--blind, --round34e or --round38e is required")
    held_out, held_out_blind = ROUNDS.get(number, (held_out, ()))
    if args.counts:
        result = counts(
            blind=number,
            learned=not args.rules_alone,
            with_blind=args.with_blind,
            held_out=held_out,
            held_out_blind=held_out_blind,
            only_held_out=args.only_held_out,
        )
        args.counts.write_text(json.dumps(result, indent=1))
    if args.errors:
        errors(number).to_csv(args.errors, index=False)


def _round34e(args: argparse.Namespace) -> None:
    if args.counts:
        names = round34e_sets()
        if args.only_held_out:
            names = {"train32en_odd": "train32en_odd"}
        result = counts(blind=0, learned=not args.rules_alone, with_blind=False, names=names)
        args.counts.write_text(json.dumps(result, indent=1))
    if args.errors:
        frame = _read("train32en_even")
        errors_of(frame[frame["lang"] == "en"].reset_index(drop=True)).to_csv(
            args.errors, index=False
        )


def _round38e(args: argparse.Namespace) -> None:
    if args.counts:
        names = round38e_sets()
        if args.only_held_out:
            names = {"blind37en_odd": "blind37en_odd"}
        # English figures only: the round changes English entries alone (Japanese is ERR38J's)
        result = counts(
            blind=0, learned=not args.rules_alone, with_blind=False, names=names, lang="en"
        )
        args.counts.write_text(json.dumps(result, indent=1))
    if args.errors:
        errors_of(_read("blind37en_even")).to_csv(args.errors, index=False)


if __name__ == "__main__":
    main()
