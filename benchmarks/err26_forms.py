"""ERR26: general forms of blind set 25's English errors, counted over every readable set first.

As ERR25's ``err25_forms.py``: a *sense* form is text where a theme's word means something else
(contrary label: a comment holding it labelled with the theme); an *implied* form names the theme
without its words (contrary label: a comment holding it not labelled with the theme). Each form is
counted over the sets readable in ERR26 (``err_sets.readable_sets(25)`` with training set 29 held
out whole, never opened, plus spent blind set 25): comments of the form's packs holding it,
labelled with the theme (yes) or not (no), and how many the rules alone (``learned=False``) tag
with the theme now. ``--show NAME`` lists a form's comments to read its labels by eye. Blind set
26 and training set 29 are never read here.
"""

from __future__ import annotations

import argparse
from functools import cache

import pandas as pd
from err_sets import DATA, ROUNDS, readable_sets
from implied_forms import form_hits

ALL = ("retail", "saas", "finance", "generic")
#: name -> (kind, packs, language, theme, pattern); the case is ignored
FORMS: dict[str, tuple[str, tuple[str, ...], str, str, str]] = {
    # English implied themes and vocabulary (blind 25's misses)
    "took half an hour": (
        "implied",
        ("generic", "finance"),
        "en",
        "speed",
        r"\b(took|takes|taking|take) (about |around |nearly |almost |over |only |just |a good )?hal"
        r"f an? hour\b",
    ),
    "within the week": (
        "implied",
        ("finance", "generic"),
        "en",
        "speed",
        r"\b(within|in) the (week|day|hour|fortnight)\b",
    ),
    "N hours notice": (
        "implied",
        ("finance", "generic"),
        "en",
        "speed",
        r"\b(with|on|at) (only |just )?(\d+|a few|a couple of|two|three|24|48) (hours?|days?)'?s?'?"
        r" notice\b",
    ),
    "in N visits": (
        "implied",
        ("generic",),
        "en",
        "speed",
        r"\b(sorted|fixed|done|finished|solved|cleared) (it |them |the \w+ )?in (one|two|three|\d+|"
        r"a single) (visits?|sessions?|goes|trips?)\b",
    ),
    "rang ahead": (
        "implied",
        ("retail", "generic"),
        "en",
        "communication",
        r"\b(rang|called|phoned|texted|text) (ahead|in advance|beforehand|before (they|he|she) (cam"
        r"e|arrived))\b",
    ),
    "steep (saas)": ("implied", ("saas",), "en", "price", r"\bsteep\b"),
    "upfront (finance)": ("implied", ("finance",), "en", "trust", r"\bup ?front\b|\bup-front\b"),
    "upfront (all)": ("implied", ALL, "en", "trust", r"\bup ?front\b|\bup-front\b"),
    "convenient (finance)": (
        "implied",
        ("finance",),
        "en",
        "usability",
        r"\b(in)?convenien(t|ce)\b",
    ),
    "markup (finance)": ("implied", ("finance",), "en", "price", r"\bmark-?ups?\b"),
    "markup (all)": ("implied", ALL, "en", "price", r"\bmark-?ups?\b"),
    "picks up the phone/cell": (
        "implied",
        ("finance", "generic", "retail"),
        "en",
        "phone",
        r"\b(picks?|picked|picking) up (his|her|the|their|my) (cell|phone|mobile)\b|\bhis cell\b|\b"
        r"her cell\b",
    ),
    "driver judged (retail)": (
        "implied",
        ("retail",),
        "en",
        "staff",
        r"\b(driver|courier|postman|postie|delivery (guy|man|lady|guys))s? (was|were|is|are) (so |r"
        r"eally |very |super )?(lovely|friendly|polite|rude|helpful|kind|nice|great|brilliant|a sta"
        r"r|a gem)\b",
    ),
    "driver helped (retail)": (
        "implied",
        ("retail",),
        "en",
        "staff",
        r"\b(driver|courier|postman|postie|delivery (guy|man|lady|guys))s? (helped|carried|brought "
        r"it|took it)\b",
    ),
    "seller was nice (retail)": (
        "implied",
        ("retail",),
        "en",
        "staff",
        r"\bsellers? (was|were|is) (so |really |very |super )?(lovely|friendly|polite|rude|helpful|"
        r"kind|nice|great)\b",
    ),
    "size guide (retail)": ("implied", ("retail",), "en", "faq", r"\bsiz(e|ing) (guide|chart)s?\b"),
    "too many people (generic)": (
        "implied",
        ("generic",),
        "en",
        "usability",
        r"\b(too many|so many) people\b|\b\d+ people (round|around|to|per|in) (one|a|each)\b",
    ),
    "N mins late (saas)": (
        "implied",
        ("saas",),
        "en",
        "performance",
        r"\b(\d+|ten|twenty|thirty) (mins?|minutes|hours?|seconds) (late|behind|delay)\b",
    ),
    "could be quicker (saas)": (
        "implied",
        ("saas",),
        "en",
        "performance",
        r"\bcould (be|do with being) (a bit |a lot |much )?(quicker|faster|snappier)\b",
    ),
    "no estimate / nobody told (generic)": (
        "implied",
        ("generic", "finance", "retail"),
        "en",
        "communication",
        r"\b(nobody|no one|no-one|never) (gave|give|gives|told|tells|explained|warned|mentioned)\b",
    ),
    "worth every penny -> quality": (
        "implied",
        ALL,
        "en",
        "quality",
        r"\bworth every (penny|pound|cent)\b",
    ),
    "worth every penny -> price": (
        "implied",
        ALL,
        "en",
        "price",
        r"\bworth every (penny|pound|cent)\b",
    ),
    "are pennies": (
        "implied",
        ALL,
        "en",
        "price",
        r"\b(are|is|cost|costs) (pennies|peanuts|buttons|next to nothing)\b",
    ),
    "X was interesting (generic quality)": (
        "implied",
        ("generic",),
        "en",
        "quality",
        r"\b(tour|class|course|talk|lesson|session|show|exhibition|trip|visit|lecture|workshop) (wa"
        r"s|is) (really |very |so )?(interesting|fascinating|boring|dull|informative)\b",
    ),
    "X is ok (generic service)": (
        "implied",
        ("generic",),
        "en",
        "service",
        r"^[A-Za-z' ]{3,30} (is|was) (ok|okay|fine|alright)\b",
    ),
    "the app said (on time) (generic)": (
        "implied",
        ("generic", "retail"),
        "en",
        "communication",
        r"\b(app|website|site|board|screen|sign|tracker|email|text) (said|says|showed|shows) (it wa"
        r"s |it's |we were )?(on time|delivered|in stock|open|available|ready)\b",
    ),
    "documentation out of date (saas)": (
        "implied",
        ("saas",),
        "en",
        "communication",
        r"\b(docs|documentation|help articles?|guides?) (is|are|was|were) (out of date|outdated|wro"
        r"ng|stale)\b",
    ),
    # English polarity forms (blind 25's P-RULES)
    "Thanks X. (sarcasm)": (
        "polarity",
        ALL,
        "en",
        "",
        r"(^|[.!?] )(thanks|thank you|cheers|nice one|well done|great job|good job),? [A-Z][A-Za-z&"
        r"]+[.!]*$",
    ),
    "Brilliant service that.": (
        "polarity",
        ALL,
        "en",
        "",
        r"\b(brilliant|great|excellent|fantastic|amazing|top|stellar|good) (service|job|work|stuff)"
        r",? (that|there|guys|mate|lads)\b",
    ),
    "never busy": (
        "polarity",
        ALL,
        "en",
        "usability",
        r"\b(never|rarely|hardly ever|not) (too |that |very |so )?(busy|crowded|rammed|packed|full)"
        r"\b",
    ),
    # refined after reading the contrary labels of the forms above
    "size guide judged (retail)": (
        "implied",
        ("retail",),
        "en",
        "faq",
        r"\bsiz(e|ing) (guide|chart)s?\b[^.!?]{0,40}\b(accurate|spot on|useful|helpful|useless|deta"
        r"il"
        r"ed|says|said)\b|\blike the siz(e|ing) (guide|chart) says\b",
    ),
    "markup (retail, finance)": (
        "implied",
        ("retail", "finance"),
        "en",
        "price",
        r"\bmark-?ups?\b",
    ),
    "driver judged (retail), as written": (
        "implied",
        ("retail",),
        "en",
        "staff",
        r"\b(delivery (driver|guy|man|lady|person)|couriers?|drivers?|postman|postie)s? (was|were|i"
        r"s|a"
        r"re) (so |really |very |super |always |just |a bit |a little |quite |a )?(lovely|friendly|"
        r"polite|rude|helpful|kind|n"
        r"ice|great|brilliant|cheerful|a star|a gem|a legend|a diamond)\b",
    ),
    "N mins late (saas), as written": (
        "implied",
        ("saas",),
        "en",
        "performance",
        r"\b(\d+|ten|twenty|thirty|forty) (mins?|minutes|hours?|seconds|secs) (late|behind)\b",
    ),
    "charged £N (price negative)": (
        "polarity",
        ALL,
        "en",
        "price",
        r"(?<!n't )(?<!not )(?<!never )\bcharged (me |us |them |you )?(a |an )?[£$€]\s?\d+",
    ),
}


@cache
def _sets() -> dict[str, pd.DataFrame]:
    names = readable_sets(25, held_out=ROUNDS[25][0], held_out_blind=ROUNDS[25][1])
    assert not {"train29en", "train29ja", "blind26"} & names.keys()
    names["blind25"] = "theme_eval_blind25.csv"
    return {n: pd.read_csv(DATA / f, keep_default_na=False, dtype=str) for n, f in names.items()}


def hits(name: str) -> pd.DataFrame:
    _, packs, lang, theme, pattern = FORMS[name]
    return form_hits(_sets(), packs, lang, theme, pattern)


def table() -> str:
    lines = ["| form | kind | packs | lang | theme | yes | no | yes found | no found | blind 25 |"]
    lines.append("|---" * 10 + "|")
    for name, (kind, packs, lang, theme, _) in FORMS.items():
        h = hits(name)
        yes, no = h[h["yes"]], h[~h["yes"]]
        b25 = h[h["set"] == "blind25"]
        lines.append(
            f"| {name} | {kind} | {', '.join(packs)} | {lang} | {theme} | {len(yes)} | {len(no)} | "
            f"{int(yes['found'].astype(bool).sum())} | {int(no['found'].astype(bool).sum())} | "
            f"{int(b25['yes'].sum())} / {int((~b25['yes']).sum())} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs="*", help="list these forms' comments")
    parser.add_argument("--only", nargs="*", help="table of these forms only")
    args = parser.parse_args(argv)
    if args.show:
        for name in args.show:
            print(f"== {name}")
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
