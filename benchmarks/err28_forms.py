"""ERR28: general forms of blind set 27's English errors, counted over every readable set first.

As ERR27's ``err27_forms.py``: a *sense* form is text where a theme's word means something else
(contrary label: a comment holding it labelled with the theme); an *implied* form names the theme
without its words (contrary label: a comment holding it not labelled with the theme); a
*polarity* form is a phrase whose polarity the labels should agree on (``--polarity``: each
comment holding it, the labelled polarity of ``theme``, or of every labelled theme when ``theme``
is empty, against the rules alone's and the shipped tagger's). Each form is counted over the sets
readable in ERR28 (``err_sets.readable_sets(27)`` with training set 31 held out whole, never
opened; set 30 spent and readable; spent blind set 27 added). ``--show NAME`` lists a form's
comments. ERR27's rejected forms and its two open questions (``err27_forms.FORMS``) are
re-counted here with ``--err27``. The blind set above 27 and training set 31 are never read.
"""

from __future__ import annotations

import argparse
from collections import Counter
from functools import cache

import pandas as pd
from err_sets import DATA, ROUNDS, readable_sets
from implied_forms import form_hits

from nps_kit.score import segment
from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import _tag_polarity

ALL = ("retail", "saas", "finance", "generic")
#: name -> (kind, packs, language, theme, pattern); the case is ignored
FORMS: dict[str, tuple[str, tuple[str, ...], str, str, str]] = {
    # English polarity forms (blind 27's P-RULES)
    "my bank wouldn't touch (praise by comparison)": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(my|our|the|other|most|any)( own| usual| high street)? (bank|banks|lenders?|brokers?|"
        r"insurers?)( \w+)? (wouldn'?t|won'?t|would not|will not|refused to) (touch|look at|"
        r"consider)\b",
    ),
    "wish every shop did this": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bwish (every|all|more|other|the big|the other|most|all the)\b[^.!?]{0,40}\b(like (this|"
        r"that|them|him|her|these|you)|did (this|that|it)|do (this|that|it))\b",
    ),
    "you don't get that at the big X": (
        "polarity",
        ALL,
        "en",
        "",
        r"\byou (don'?t|do not|won'?t|wouldn'?t|never|can'?t) get (that|this|service like that|"
        r"that "
        r"kind of \w+|that sort of \w+)( \w+)? (at|with|from|in|anywhere|online|these days|"
        r"nowadays)\b",
    ),
    "without me even asking": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bwithout (me |us |you |my |our |anyone )?(even )?(asking|having to ask|being asked|(me|"
        r"us) "
        r"(even )?asking)\b",
    ),
    "took her time (and explained)": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(took|takes|take) (his|her|their|the) time (and|to|with|over|explaining|going|"
        r"answering|"
        r"listening|talking|showing|making)\b",
    ),
    "took their time (any)": ("polarity", ALL, "en", "", r"\btook (his|her|their|its) time\b"),
    "spent ages letting me / explaining": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bspent (ages|an hour|half an hour|so long|ten minutes|20 minutes|time|"
        r"forever)( \w+){0,2} "
        r"(letting|explaining|showing|helping|talking|going through|walking|with me|with us)\b",
    ),
    "before I'd even noticed": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bbefore (i|we|i'd|we'd|i had|we had)( even)? (noticed|realised|realized|known|knew|"
        r"spotted|asked)\b",
    ),
    "instead of just (telling me off, handing over)": (
        "polarity",
        ALL,
        "en",
        "",
        r"\binstead of just\b",
    ),
    "adds up fast (price)": (
        "polarity",
        ALL,
        "en",
        "price",
        r"\b(add|adds|adding) up (fast|quickly|quick|quite fast|pretty fast)\b",
    ),
    "which was fine (neutral)": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(which|that) (was|is) (fine|ok|okay|acceptable|reasonable)\b",
    ),
    "£N cheaper elsewhere (price)": (
        "polarity",
        ALL,
        "en",
        "price",
        r"[£$€]\s?\d+(\.\d+)? cheaper (at|on|in|from|elsewhere|online|down the road|there)\b|"
        r"\b(had|"
        r"sells?|selling|sold)( \w+){0,4} [£$€]\s?\d+(\.\d+)? cheaper\b",
    ),
    "not a scuff": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bnot a (single )?(scuff|scratch|mark|dent|crumb|speck|smear)\b",
    ),
    "is another story": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(is|are|was|were) (another|a different) (story|matter|kettle of fish)\b",
    ),
    # English implied themes (blind 27's misses)
    "held our hand (saas support)": (
        "implied",
        ("saas",),
        "en",
        "support",
        r"\b(held|holds|hold|holding) (our|my|your|their) hands?\b|\bhand-?held (us|me)\b",
    ),
    "with zero / no notice (communication)": (
        "implied",
        ALL,
        "en",
        "communication",
        r"\b(with|at) (zero|no|little|barely any|hardly any|next to no) (prior )?(notice|"
        r"warning)\b|"
        r"\bwithout (any )?(prior )?(notice|warning)\b",
    ),
    "nobody mentioned (finance, saas communication)": (
        "implied",
        ("finance", "saas"),
        "en",
        "communication",
        r"\b(nobody|no one|no-one|never|didn'?t|did not|wasn'?t|was not|not)( \w+)? (mentioned|"
        r"mention)\b",
    ),
    "for the money (price)": (
        "implied",
        ALL,
        "en",
        "price",
        r"\bfor the (money|price|cost)\b",
    ),
    "no questions asked (retail returns)": (
        "implied",
        ("retail",),
        "en",
        "returns",
        r"\bno questions? asked\b",
    ),
    "on the dot / like clockwork (generic speed)": (
        "implied",
        ("generic",),
        "en",
        "speed",
        r"\b(on the dot|like clockwork|bang on time|dead on time|right on time|spot on time)\b",
    ),
    "straight into our software (saas integrations)": (
        "implied",
        ("saas",),
        "en",
        "integrations",
        r"\b(straight|directly|automatically) (in|into|to|through to|over to) (our|my|the) (\w+ )"
        r"{0,3}(software|system|tool|platform|crm|payroll|accounts|accounting|app)\b",
    ),
    # English spurious words (blind 27's S-SENSE)
    "told me off (not communication)": (
        "sense",
        ALL,
        "en",
        "communication",
        r"\b(told|telling|tells|tell) (me|us|him|her|them|you|my \w+) off\b",
    ),
    "cleaner than (not a cleaner, staff)": (
        "sense",
        ("generic",),
        "en",
        "staff",
        r"\bcleaner than\b",
    ),
    "not their fault (quality)": (
        "sense",
        ALL,
        "en",
        "quality",
        r"\bnot (really |exactly |entirely )?(their|his|her|your|the shop'?s|anyone'?s|"
        r"the staff'?s|"
        r"the \w+'s) fault\b",
    ),
    "adds up fast (speed)": (
        "sense",
        ALL,
        "en",
        "speed",
        r"\b(add|adds|adding) up (fast|quickly|quick)\b",
    ),
    "app-only (finance usability)": ("sense", ("finance",), "en", "usability", r"\bapp-only\b"),
    "talked me out of the pricey one (price)": (
        "sense",
        ALL,
        "en",
        "price",
        r"talked (me|us|him|her|them) out of( \w+){0,2} (pricey|pricier|expensive|dearer|premium|"
        r"posh)\b",
    ),
    # refined after reading the contrary labels of the forms above, and as written
    "without me asking, as written": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bwithout (me|us) (even )?(having to )?ask(ing)?\b",
    ),
    "spent ages with me, as written": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bspent (ages|an hour|half an hour|so long) ("
        r"with (me|us|him|her|my \w+)|explaining|showing|helping|letting|going through|talking)\b",
    ),
    "took the time to, as written": (
        "polarity",
        ALL,
        "en",
        "",
        r"\btook (his|her|the) time (and|to)\b|\btook the time\b",
    ),
    "before I'd even noticed, as written": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bbefore (i|we)( had|'d)?( even)? (noticed|realised|realized|asked|spotted)\b",
    ),
    "banks wouldn't touch, as written": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(banks?|lenders?|insurers?|brokers?)( \w+)? (wouldn'?t|won'?t|would not|"
        r"will not) (touch|"
        r"look at)\b( (me|us|them|him|her|it)\b)?",
    ),
    "adds up fast, as written (price)": (
        "polarity",
        ALL,
        "en",
        "price",
        r"(?<!points )(?<!rewards )\b(add|adds|adding) up (fast|quickly|quick)\b",
    ),
    "no questions asked (retail returns), as written": (
        "implied",
        ("retail",),
        "en",
        "returns",
        r"\b(swapped|swap|swaps|exchanged|exchange|refunded|replaced|took (it|them) back|take (it|"
        r"them) back)\b[^.!?]{0,60}\bno questions? asked\b",
    ),
    "for the money (price), as written": (
        "implied",
        ALL,
        "en",
        "price",
        r"\b(quality|value|good|great|decent|brilliant|excellent|amazing|fantastic|superb|solid|"
        r"lovely)"
        r" for the money\b",
    ),
}


#: the forms written as rules in ERR28 (the labelled sets agree, and the rules missed some)
KEPT: tuple[str, ...] = (
    "spent ages with me, as written",
    "took the time to, as written",
    "without me asking, as written",
    "before I'd even noticed, as written",
    "banks wouldn't touch, as written",
    "adds up fast, as written (price)",
    "adds up fast (speed)",
    "talked me out of the pricey one (price)",
    "no questions asked (retail returns), as written",
)


@cache
def _sets() -> dict[str, pd.DataFrame]:
    names = readable_sets(27, held_out=ROUNDS[27][0], held_out_blind=ROUNDS[27][1])
    assert not {"train31en", "train31ja"} & names.keys()
    assert "train30en" in names and "blind26" in names
    names["blind27"] = "theme_eval_blind27.csv"
    return {n: pd.read_csv(DATA / f, keep_default_na=False, dtype=str) for n, f in names.items()}


def hits(name: str) -> pd.DataFrame:
    _, packs, lang, theme, pattern = FORMS[name]
    return form_hits(_sets(), packs, lang, theme, pattern)


def polarity_hits(name: str) -> pd.DataFrame:
    """Each (comment, labelled theme) of a polarity form: gold, rules alone, shipped."""
    _, packs, lang, theme, pattern = FORMS[name]
    h = form_hits(_sets(), packs, lang, theme or "-", pattern)
    rows = []
    for pack, g in h.groupby("pack", sort=False):
        book = load_pack(str(pack))
        g = g.reset_index(drop=True)
        texts = g["text"].astype("string")
        score = pd.Series([None] * len(g), dtype="float64")
        frames = {s: _sets()[s] for s in g["set"].unique()}
        for i, r in g.iterrows():
            f = frames[r["set"]]
            if "score" in f:
                v = f.loc[f["id"] == r["id"], "score"]
                score[i] = pd.to_numeric(v, errors="coerce").iloc[0] if len(v) else None
        seg = segment(score) if score.notna().all() else None
        alone = _tag_polarity(texts, book, segments=None, learned=False, correct=False)
        shipped = _tag_polarity(texts, book, segments=seg, learned=True, correct=True)
        for i, r in g.iterrows():
            gold = parse_labels(r["labels"])
            for t, want in gold.items():
                if theme and t != theme:
                    continue
                a = alone.at[i, t] if t in alone else None
                s = shipped.at[i, t] if t in shipped else None
                rows.append(
                    {
                        "set": r["set"],
                        "id": r["id"],
                        "theme": t,
                        "gold": want,
                        "alone": "" if a is None or pd.isna(a) else str(a),
                        "shipped": "" if s is None or pd.isna(s) else str(s),
                        "text": r["text"],
                    }
                )
    return pd.DataFrame(rows, columns=["set", "id", "theme", "gold", "alone", "shipped", "text"])


def table() -> str:
    lines = ["| form | kind | packs | theme | yes | no | yes found | no found | blind 27 |"]
    lines.append("|---" * 9 + "|")
    for name, (kind, packs, _lang, theme, _) in FORMS.items():
        if kind == "polarity":
            p = polarity_hits(name)
            gold = Counter(p["gold"])
            b26 = p[p["set"] == "blind27"]
            lines.append(
                f"| {name} | polarity | {', '.join(packs)} | {theme or 'any'} | gold "
                f"{dict(gold)} | | alone right {int((p['gold'] == p['alone']).sum())} of "
                f"{len(p)} | shipped right {int((p['gold'] == p['shipped']).sum())} | "
                f"{len(b26)} |"
            )
            continue
        h = hits(name)
        yes, no = h[h["yes"]], h[~h["yes"]]
        b26 = h[h["set"] == "blind27"]
        lines.append(
            f"| {name} | {kind} | {', '.join(packs)} | {theme} | {len(yes)} | {len(no)} | "
            f"{int(yes['found'].astype(bool).sum())} | {int(no['found'].astype(bool).sum())} | "
            f"{int(b26['yes'].sum())} / {int((~b26['yes']).sum())} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs="*", help="list these forms' comments")
    parser.add_argument("--only", nargs="*", help="table of these forms only")
    parser.add_argument("--err27", action="store_true", help="ERR27's forms, re-counted")
    args = parser.parse_args(argv)
    if args.err27:
        from err27_forms import FORMS as ERR27_FORMS

        FORMS.clear()
        FORMS.update(ERR27_FORMS)
    if args.show:
        for name in args.show:
            print(f"== {name}")
            if FORMS[name][0] == "polarity":
                for r in polarity_hits(name).itertuples():
                    print(
                        f"{r.set}|{r.id}|{r.theme}|gold={r.gold}|alone={r.alone}|"
                        f"shipped={r.shipped}|{r.text}"
                    )
                continue
            for r in hits(name).itertuples():
                print(
                    f"{r.set}|{r.id}|{'yes' if r.yes else 'no'}|found={r.found}|{r.labels}|{r.text}"
                )
        return
    if args.only:
        for name in list(FORMS):
            if name not in args.only:
                del FORMS[name]
    print(table())


if __name__ == "__main__":
    main()
