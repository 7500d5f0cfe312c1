"""ERR27: general forms of blind set 26's English errors, counted over every readable set first.

As ERR26's ``err26_forms.py``: a *sense* form is text where a theme's word means something else
(contrary label: a comment holding it labelled with the theme); an *implied* form names the theme
without its words (contrary label: a comment holding it not labelled with the theme); a
*polarity* form is a phrase whose polarity the labels should agree on (``--polarity``: each
comment holding it, the labelled polarity of ``theme``, or of every labelled theme when ``theme``
is empty, against the rules alone's and the shipped tagger's). Each form is counted over the sets
readable in ERR27 (``err_sets.readable_sets(26)`` with training set 30 held out whole, never
opened; set 29 spent and readable; spent blind set 26 added). ``--show NAME`` lists a form's
comments. ERR26's rejected forms (``err26_forms.FORMS``) are re-counted here with ``--err26``.
The blind set above 26 and training set 30 are never read.
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
    # English polarity forms (blind 26's P-RULES)
    "no hard sell (without pushing, talked me out of)": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(without|never|didn'?t|did not|not once|no) (once |even |ever )?(push(ing|ed|y)?|pressu"
        r"r"
        r"(e|ed|ing)|upsell(ing)?|hard[- ]sell(ing)?|try(ing)? to (sell|upsell))\b|\btalked (me|us|"
        r"h"
        r"im|her) out of\b",
    ),
    "made us feel pushed (negated)": (
        "polarity",
        ALL,
        "en",
        "",
        r"(didn'?t|never|did not|doesn'?t|don'?t|without|not once) (\w+ )?(make|made|making) (me|us"
        r"|you) feel (pushed|pressured|hurried|rushed)",
    ),
    "without putting me on hold": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bwithout (\w+ )?(putting|leaving|keeping) (me|us) on hold\b",
    ),
    "didn't even ask for": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(didn'?t|did not|never) even (ask|asked|question|questioned|want|wanted|need|needed) ("
        r"for|me|us|to see)\b",
    ),
    "not cheap but worth it (price)": (
        "polarity",
        ALL,
        "en",
        "price",
        r"\b(not|isn'?t|aren'?t|wasn'?t|weren'?t) (the )?cheap(est)?\b[^.!?]{0,40}\bbut\b[^.!?]{0"
        r",30}\bworth\b|\b(pricier|pricey|expensive|dearer|steep|more expensive)\b[^.!?]{0,50}\bb"
        r"ut\b[^.!?]{0,30}\bworth (it|every)",
    ),
    "worth every penny (price)": (
        "polarity",
        ALL,
        "en",
        "price",
        r"\bworth every (penny|pound|cent)\b",
    ),
    "you get what you pay for (price)": (
        "polarity",
        ALL,
        "en",
        "price",
        r"\byou get what you pay for\b",
    ),
    "rare these days": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(rare|unusual|rarity|refreshing) (these days|nowadays|now)\b",
    ),
    "Great value. (sarcasm after a sum)": (
        "polarity",
        ALL,
        "en",
        "price",
        r"[£$€]\s?\d[^!?]{0,80}[.!] (great|good|excellent|brilliant|fantastic|amazing) value[.!]*$",
    ),
    "X but Y (same theme, nice but)": (
        "polarity",
        ("saas",),
        "en",
        "usability",
        r"\b(ui|interface|app|design|layout)( \w+)? (looks?|is|isn'?t|seems?) (nice|good|great|"
        r"fine|ok|okay|not bad|bad|clean|slick|pretty)\b[^.!?]{0,10}\b(but|though)\b",
    ),
    "more than I can say for": (
        "polarity",
        ALL,
        "en",
        "",
        r"\bmore than (i|we|you) can say for\b",
    ),
    "fine I suppose / I guess": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(fine|ok|okay|nice|good|alright|decent|not bad)( enough)?,? i (suppose|guess)\b",
    ),
    "just tell us to restart": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(just|only|simply) (tell|tells|told|say|says|said) (us|me|you) to (restart|reinstall|"
        r"clear|turn|try|wait|log|update|refresh|reboot)\b",
    ),
    "fine I suppose (lukewarm), as written": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(fine|ok|okay|alright),? i (suppose|guess)\b",
    ),
    # English spurious words (blind 26's S-SENSE)
    "a bike / car service (generic service)": (
        "sense",
        ("generic",),
        "en",
        "service",
        r"\b(bike|car|boiler|gear|van|annual|full|interim|major|minor|mot and|mot &|a) service\b|\b"
        r"in"
        r" for (a|its|their|his|her) service\b|\bfor (a|its) service\b",
    ),
    "premium account / Premium Bonds (finance price)": (
        "sense",
        ("finance",),
        "en",
        "price",
        r"\bpremium (bonds?|accounts?|tiers?|cards?|current accounts?|banking|package)\b",
    ),
    "packing cubes (retail delivery)": (
        "sense",
        ("retail",),
        "en",
        "delivery",
        r"\bpacking cubes?\b",
    ),
    # English implied themes and vocabulary (blind 26's misses)
    "export to CSV / PDF (saas integrations)": (
        "implied",
        ("saas",),
        "en",
        "integrations",
        r"\bexport(s|ed|ing)?\b[^.!?]{0,40}\b(to|as|into|in) (a )?(csv|pdf|excel|xlsx|spreadsheets?"
        r"|google sheets|sheets)\b",
    ),
    "without telling anyone (communication)": (
        "implied",
        ALL,
        "en",
        "communication",
        r"\bwithout (telling|informing|warning|notifying|letting) (anyone|anybody|us|me|customers|"
        r"users|people)\b",
    ),
    "locked out of my account (saas reliability)": (
        "implied",
        ("saas",),
        "en",
        "reliability",
        r"\blocked out\b",
    ),
    "out of pocket (price)": ("implied", ALL, "en", "price", r"\bout of pocket\b"),
    "under a fiver / tenner (price)": (
        "implied",
        ALL,
        "en",
        "price",
        r"\b(a|under a|for a|less than a|over a) (fiver|tenner)\b|\bfivers?\b|\btenners?\b",
    ),
    "paid out within / took N weeks (finance speed)": (
        "implied",
        ("finance",),
        "en",
        "speed",
        r"\b(paid out|paid|settled|sorted|approved|came through)( \w+)? (with)?in (a|\d+|two|three|"
        r"f"
        r"our|five|six) (days?|weeks?|fortnight|months?)\b|\btook (\d+|two|three|four|five|six|seve"
        r"n"
        r"|eight|nine|ten|eleven|twelve) (weeks|months)\b",
    ),
    "turned up when he said (generic speed)": (
        "implied",
        ("generic",),
        "en",
        "speed",
        r"\b(turned|turns|showed|shows|came|arrived) up (exactly |right |just )?when (he|she|they) "
        r"s"
        r"aid\b|\b(turned|showed) up (exactly |right |bang )?on time\b",
    ),
    "didn't feel a thing (generic quality)": (
        "implied",
        ("generic",),
        "en",
        "quality",
        r"\b(didn'?t|did not|never) feel a thing\b",
    ),
    "no quibbles (finance claims)": (
        "implied",
        ("finance",),
        "en",
        "claims",
        r"\bno quibbl(e|es|ing)\b",
    ),
    # the finance speed exclude of a claim's timing (fac3bde), counted as a form
    "claim timing, the speed exclude (finance)": (
        "implied",
        ("finance",),
        "en",
        "speed",
        r"(claim|claims|payout|paid out)[^.!?]{0,30}(slow|quick|fast|took|weeks?|days?|months?|hour"
        r"s?"
        r"|ages|forever|delay|within|in a)|(slow|quick|fast|delay)[^.!?]{0,20}(claim|payout)",
    ),
    "claim timing, the speed exclude, ja pack rule's sense (finance)": (
        "implied",
        ("finance",),
        "en",
        "speed",
        r"(claim|claims|payout|paid out)[^.!?]{0,30}(took|weeks?|days?|months?|within|in a)",
    ),
    "claim timing with a counted duration (finance)": (
        "implied",
        ("finance",),
        "en",
        "speed",
        r"(?=.*((claim|claims|payout|paid out)[^.!?]{0,30}(took|weeks?|days?|months?|within|in a)))"
        r"(?=.*(\b(paid out|paid|settled|sorted|approved|came through)( \w+)? (with)?in (a|\d+|two|"
        r"t"
        r"hree|four|five|six) (days?|weeks?|fortnight|months?)\b|\btook (\d+|two|three|four|five|si"
        r"x|seven|eight|nine|ten|eleven|twelve) (weeks|months)\b))",
    ),
    # refined after reading the contrary labels of the forms above, and as written
    "a fiver / tenner as a price (price)": (
        "implied",
        ALL,
        "en",
        "price",
        r"\b(for|under|less than|over|about|only) (just )?a (fiver|tenner)\b|\ba (fiver|tenner) (m"
        r"ore|less|cheaper|dearer|extra)\b",
    ),
    "no hard sell, as written": (
        "polarity",
        ALL,
        "en",
        "",
        r"talked (me|us|him|her|them) out of( (?!and\b|but\b|though\b)\w+){0,4}|(didn'?t|did not|"
        r"never|not once|without)( once| even| ever)? (push|pushed|pushing|pressured?|pressuring)( "
        r"(me|"
        r"us|him|her|them))?( (into|to buy|to get|on|towards|for))?( (?!and\b|but\b|though\b)\w+){0"
        r",3}",
    ),
    "nobody picked up (phone)": (
        "implied",
        ("generic", "finance", "retail"),
        "en",
        "phone",
        r"\b(nobody|no one|no-one|never) (picked|picks|answered|answers) (up|the phone)\b",
    ),
}


#: the forms written as rules in ERR27 (the labelled sets agree, and the rules missed some)
KEPT = (
    "without telling anyone (communication)",
    "no quibbles (finance claims)",
    "no hard sell, as written",
    "rare these days",
    "just tell us to restart",
)


@cache
def _sets() -> dict[str, pd.DataFrame]:
    names = readable_sets(26, held_out=ROUNDS[26][0], held_out_blind=ROUNDS[26][1])
    assert not {"train30en", "train30ja"} & names.keys()
    assert "train29en" in names and "blind25" in names
    names["blind26"] = "theme_eval_blind26.csv"
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
    lines = ["| form | kind | packs | theme | yes | no | yes found | no found | blind 26 |"]
    lines.append("|---" * 9 + "|")
    for name, (kind, packs, _lang, theme, _) in FORMS.items():
        if kind == "polarity":
            p = polarity_hits(name)
            gold = Counter(p["gold"])
            b26 = p[p["set"] == "blind26"]
            lines.append(
                f"| {name} | polarity | {', '.join(packs)} | {theme or 'any'} | gold "
                f"{dict(gold)} | | alone right {int((p['gold'] == p['alone']).sum())} of "
                f"{len(p)} | shipped right {int((p['gold'] == p['shipped']).sum())} | "
                f"{len(b26)} |"
            )
            continue
        h = hits(name)
        yes, no = h[h["yes"]], h[~h["yes"]]
        b26 = h[h["set"] == "blind26"]
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
    parser.add_argument("--err26", action="store_true", help="ERR26's forms, re-counted")
    args = parser.parse_args(argv)
    if args.err26:
        from err26_forms import FORMS as ERR26_FORMS

        FORMS.clear()
        FORMS.update(ERR26_FORMS)
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
