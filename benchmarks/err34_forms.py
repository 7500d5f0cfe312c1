"""ERR34E: English polarity forms counted over every set readable in round 34, before a rule.

Per form (a regular expression, case ignored): every English comment of the sets readable in
round 34 (``err_sets.round34e_sets``: blind sets up to 28, training sets up to 31, logistics set
1, the food sets and the even ids of training set 32's English file) holding it, and for each
theme labelled on it the gold polarity, the rules alone's and the shipped tagger's. Run it at two
commits (``PYTHONPATH``) and compare the JSON (``--out``): a kept form must win more pairs than it
loses. ``--show NAME`` lists a form's pairs. Set 32's odd ids and every later set are never read.
"""

from __future__ import annotations

import argparse
import json
import re
from functools import cache
from pathlib import Path

import pandas as pd
from err_sets import _read, round34e_sets
from implied_forms import form_hits

from nps_kit.score import segment
from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.sentiment import _tag_polarity
from nps_kit.text.themes import tag_themes

#: name -> pattern (English; the case is ignored)
FORMS: dict[str, str] = {
    "a fault averted (not a scratch, zero breakage, nothing missing)": (
        r"\b(not (a|one) (single )?(scratch|dent|mark|crack|chip)|zero (breakages?|damage|"
        r"issues|problems|complaints)|nothing (was |is |went )?(missing|broken|damaged|lost)|"
        r"no (damage|breakages?|scratches|dents)|(arrived|came) (intact|undamaged|unscathed)|"
        r"without (a|any) (scratch|dent|problem|issue|hitch))\b"
    ),
    "blame placed elsewhere (not their fault)": (
        r"\b(not|wasn'?t|isn'?t|no) (really )?(their|his|her|the (shop|store|bank|company)'?s?|"
        r"your) fault\b|\bthe (courier|postman|post office|carrier|weather|airline)'?s? fault\b"
    ),
    "didn't rush me (staff care)": (
        r"\b(didn'?t|did not|never|doesn'?t|does not|don'?t|do not|without) (\w+ )?rush(ing|ed)? "
        r"(me|us|him|her|them|through|anything|things)\b|\bnever (felt )?rushed\b"
    ),
    "praise when it works (faint praise)": (
        r"\b(great|good|wonderful|brilliant|fantastic|excellent|lovely|perfect|amazing|awesome|"
        r"fine|ok|okay|decent|nice|fast|quick|useful|handy|solid) when (it|they) (works?|decides?)"
    ),
    "no experience yet (haven't had to X yet)": (
        r"\b(haven'?t|have not|hasn'?t|has not|never|not yet) (had|needed) to (\w+ ){1,4}yet\b"
    ),
    "zero + a fault (zero breakage, zero issues)": (
        r"\bzero (breakages?|damages?|issues|problems|complaints|faults|defects|errors|downtime|"
        r"hiccups|glitches|bugs|outages|crashes|losses|mistakes|incidents|returns|breakdowns|"
        r"disruptions?|hassles?|stress|fuss|drama|delays?|wait(ing)?( time)?|pressure)\b"
    ),
    "breakage named (a fault word)": r"\bbreakages?\b",
    "a fault denied (wasn't a headache / pain / nightmare)": (
        r"\b(wasn'?t|was not|isn'?t|is not|weren'?t|were not|never) (a |an |any )?"
        r"(real |big |huge )?(headache|pain|nightmare|faff|hassle|chore|struggle|ordeal)\b"
    ),
    "not as bad as feared": (
        r"\bnot (so|as|that|nearly as|half as) (difficult|hard|bad|complicated|confusing|scary|"
        r"daunting|painful|tricky|expensive|stressful|slow) (as|than) (i |we |you )?(had )?(feared|"
        r"expected|thought|imagined|worried|was told|assumed)"
    ),
    "no fault since (not had a dropped call since)": (
        r"\b(not|never|haven'?t|hasn'?t|have not|has not) (had|seen|noticed) (a|one|any|a single)"
        r"( single)? (\w+ ){0,2}(dropped calls?|outages?|problems?|issues?|crash(es)?|faults?|"
        r"glitch(es)?|hiccups?|breakdowns?|complaints?|drop ?outs?|blips?) since\b"
    ),
    "spotted a dodgy transaction (fraud caught)": (
        r"\b(spotted|caught|flagged|blocked|stopped|picked up|noticed|detected) (a |the |an |two |"
        r"some )?(dodgy|suspicious|fraudulent|fraud|odd|unusual|strange|fake|scam) (transactions?|"
        r"payments?|charges?|activity|purchases?|logins?|spending)"
    ),
    "without me even asking": (
        r"\bwithout (me|us|my|our) (even |ever )?(having to )?(ask|asking|chase|chasing|prompting|"
        r"request|requesting|needing)"
    ),
    "the fraud team named (a department)": (
        r"\bfraud (team|department|dept|prevention|protection|detection|alerts?|checks?|"
        r"monitoring|unit|squad|line|people|guys|side)\b"
    ),
    "treated me like a criminal": (
        r"\b(treated|treat|treats|treating|made|makes) (me|us|him|her|them|my \w+|customers|people)"
        r" (feel )?like (a |an |the )?(criminal|suspect|fraudster|liar|thief|crook|scammer)s?\b"
    ),
    "took her / his time (care)": r"\b(took|takes|take|taking) (her|his) time\b",
    "late fee(s) named (not lateness)": r"\blate (fees?|charges?|payment fees?)\b",
    "arrived / tastes / works fine (faint praise)": (
        r"\b(arrived|arrives|came|tastes?|tasted|works?|worked|looks?|fits?|fitted) (just )?"
        r"(fine|ok|okay|alright)\b"
    ),
    "a request after praise (would request / would be nice)": (
        r"\b(would (request|suggest|ask|love|like)|would be (nice|good|great|handy)|it'?d be "
        r"(nice|good|great)|please (add|consider|bring))\b"
    ),
    "better / cheaper than a rival": (
        r"\b(better|cheaper|faster|easier|nicer|friendlier|quicker) than (my |our |the |their |"
        r"most |any |other |every )?(old|previous|last|other|local|high street|big|usual)\b"
    ),
}


ALL = ("retail", "saas", "finance", "generic")
#: vocabulary forms (recall): name -> (packs, theme, pattern); the case is ignored
VOCAB: dict[str, tuple[tuple[str, ...], str, str]] = {
    "adjuster (staff, finance)": (("finance",), "staff", r"\badjusters?\b"),
    "adjuster judged as a person (staff, finance)": (
        ("finance",),
        "staff",
        r"\badjusters? (was|were|is|are) (so |very |really |incredibly |extremely |super )?"
        r"(a |an )?(helpful|kind|lovely|rude|polite|patient|caring|understanding|dismissive|"
        r"unhelpful|"
        r"courteous|knowledgeable|nice|fine|thorough|friendly|condescending|fair|great|brilliant|"
        r"sweetheart|human being|star|gem|legend|professional|useless|awful|arrogant)\b",
    ),
    "preparer (staff)": (ALL, "staff", r"\b(tax )?preparers?\b"),
    "my / your mails (email)": (
        ALL,
        "email",
        r"\b(my|your|our|the|promo|promotional|marketing) mails\b",
    ),
    "Rs / rupee amount (price)": (ALL, "price", r"\b(rs\.? ?\d|inr ?\d)|₹ ?\d"),
}


def vocab(name: str) -> pd.DataFrame:
    """Comments of a vocabulary form: labelled with its theme or not, found shipped or not."""
    packs, theme, pattern = VOCAB[name]
    h = form_hits(_frames(), packs, "en", theme, pattern)
    shipped = []
    for pack, g in h.groupby("pack", sort=False):
        tags = tag_themes(g["text"].astype("string"), load_pack(str(pack)))
        col = tags[theme].fillna(False) if theme in tags else pd.Series(False, index=tags.index)
        shipped.append(pd.Series(col.astype(bool).to_numpy(), index=g.index))
    h["shipped"] = pd.concat(shipped) if shipped else pd.Series(dtype=bool)
    return h


@cache
def _frames() -> dict[str, pd.DataFrame]:
    out = {}
    for name, file in round34e_sets().items():
        frame = _read(file)
        frame = frame[frame["lang"] == "en"].reset_index(drop=True)
        if len(frame):
            out[name] = frame
    return out


def pairs(pattern: str) -> pd.DataFrame:
    """Each (comment, labelled theme) of comments holding ``pattern``: gold, alone, shipped."""
    rows = []
    for set_name, frame in _frames().items():
        hit = frame[frame["text"].map(lambda t: re.search(pattern, t, re.IGNORECASE) is not None)]
        for pack, g in hit.groupby("pack", sort=False):
            book = load_pack(str(pack))
            g = g.reset_index(drop=True)
            texts = g["text"].astype("string")
            score = pd.to_numeric(g["score"], errors="coerce") if "score" in g else None
            seg = segment(score) if score is not None and score.notna().all() else None
            alone = _tag_polarity(texts, book, segments=None, learned=False, correct=False)
            shipped = _tag_polarity(texts, book, segments=seg, learned=True, correct=True)
            for i, r in g.iterrows():
                for theme, want in parse_labels(r["labels"]).items():
                    a = alone.at[i, theme] if theme in alone else None
                    s = shipped.at[i, theme] if theme in shipped else None
                    rows.append(
                        {
                            "set": set_name,
                            "id": r["id"],
                            "theme": theme,
                            "gold": want,
                            "alone": "" if a is None or pd.isna(a) else str(a),
                            "shipped": "" if s is None or pd.isna(s) else str(s),
                            "text": r["text"],
                        }
                    )
    return pd.DataFrame(rows, columns=["set", "id", "theme", "gold", "alone", "shipped", "text"])


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs="*", help="list these forms' pairs")
    parser.add_argument("--out", type=Path, help="write every form's pairs as JSON")
    parser.add_argument("--vocab", nargs="*", help="count these vocabulary forms (all: none named)")
    args = parser.parse_args(argv)
    if args.vocab is not None:
        for name in args.vocab or VOCAB:
            h = vocab(name)
            yes, no = h[h["yes"]], h[~h["yes"]]
            print(
                f"{name}: yes {len(yes)} (alone {int(yes['found'].sum())}, shipped "
                f"{int(yes['shipped'].sum())}), no {len(no)} (alone {int(no['found'].sum())}, "
                f"shipped {int(no['shipped'].sum())})"
            )
            if args.show is not None:
                for r in h.itertuples():
                    print(f"  {r.set}|{r.id}|{r.yes}|a={r.found}|s={r.shipped}|{r.labels}|{r.text}")
        return
    if args.show:
        for name in args.show:
            print(f"== {name}")
            for r in pairs(FORMS[name]).itertuples():
                print(f"{r.set}|{r.id}|{r.theme}|{r.gold}|a={r.alone}|s={r.shipped}|{r.text}")
        return
    out = {}
    for name, pattern in FORMS.items():
        p = pairs(pattern)
        out[name] = p.drop(columns="text").to_dict(orient="records")
        print(
            f"{name}: {p['id'].nunique()} comments, {len(p)} pairs, gold "
            f"{dict(p['gold'].value_counts())}, right alone {int((p['gold'] == p['alone']).sum())}"
            f", shipped {int((p['gold'] == p['shipped']).sum())}"
        )
    if args.out:
        args.out.write_text(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
