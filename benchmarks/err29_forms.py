"""ERR29: general forms of blind set 28's English misses, counted over every readable set first.

As ERR28's ``err28_forms.py`` (an *implied* form names a theme without its words; its contrary
label is a comment holding it not labelled with the theme), over the sets readable in ERR29
(``err29_drops._sets``: ``err_sets.readable_sets(28)``, training set 31 held out whole and never
opened, spent blind set 28 added; the blind set above 28 is never named). Per form: comments
labelled with the theme (yes) or not (no), and how many of each the rules alone and the shipped
tagger find. ``--show NAME`` lists a form's comments.
"""

from __future__ import annotations

import argparse
from functools import cache

import pandas as pd
from err29_drops import _sets as _files
from err_sets import DATA
from implied_forms import form_hits

from nps_kit.text import tag_themes
from nps_kit.text.packs import load_pack

ALL = ("retail", "saas", "finance", "generic")
#: name -> (packs, language, theme, pattern); the case is ignored
FORMS: dict[str, tuple[tuple[str, ...], str, str, str]] = {
    "stopped answering / replying (communication)": (
        ALL,
        "en",
        "communication",
        r"\b(stopped|stops|stop) (answering|replying|responding|returning|getting back)\b",
    ),
    "paid for itself (price)": (ALL, "en", "price", r"\b(paid|pays|pay) for (itself|themselves)\b"),
    "the number just plays music / rings out (phone)": (
        ALL,
        "en",
        "phone",
        r"\b(number|line|phone|helpline|care)( just| only)? (plays music|rings out|rang out|goes "
        r"to voicemail|went to voicemail|never answered|is never answered)\b",
    ),
    "took (only) N minutes / days (speed)": (
        ALL,
        "en",
        "speed",
        r"\b(only |just )?took (like |about |around |only |just )?(\d+|a|an|one|two|three|ten) "
        r"(min|mins|minutes|hours?|days?)\b",
    ),
    "in minutes / same day (speed, finance)": (
        ("finance",),
        "en",
        "speed",
        r"\b(arrives?|arrived|paid out|came through|comes through|landed|was in my account) "
        r"(with)?in (minutes|seconds|an hour|\d+ (min|mins|minutes|days?|hours?))\b",
    ),
    "perishables gone off (quality, retail)": (
        ("retail",),
        "en",
        "quality",
        r"\b(already|were|was|came|arrived)( \w+)? (brown|mouldy|moldy|rotten|gone off|bruised|"
        r"squashed|stale)\b",
    ),
    "stuff / know their stuff (staff)": (
        ("retail", "generic", "finance"),
        "en",
        "staff",
        r"\b(knew|knows|know) (their|his|her|your) (stuff|onions)\b",
    ),
    "nobody informed / told / warned us (communication)": (
        ALL,
        "en",
        "communication",
        r"\b(nobody|no one|no-one|noone)( \w+)? (informed|told|warned|notified|tells|informs)"
        r" (us|me)\b",
    ),
    "my / promo mails (email, retail)": (
        ("retail",),
        "en",
        "email",
        r"\b(my|your|the|promo|promotional|marketing|\d+|many|no) mails\b",
    ),
    "stalls at (reliability, saas)": (
        ("saas",),
        "en",
        "reliability",
        r"\b(stalls|stalled|stalling|hangs|hung|freezes|froze) (at|on)\b",
    ),
    "free entry / it was free (price)": (
        ALL,
        "en",
        "price",
        r"\bfree (entry|admission|of charge)\b|\b(test|entry|admission|check|consultation)"
        r" (was |is )?free\b",
    ),
    "appraiser / faculty / aunty / sir (staff)": (
        ("generic", "finance"),
        "en",
        "staff",
        r"\b(appraiser|faculty|aunty|auntie|\w+ sir)\b",
    ),
}


@cache
def _sets() -> dict[str, pd.DataFrame]:
    return {n: pd.read_csv(DATA / f, keep_default_na=False, dtype=str) for n, f in _files().items()}


def hits(name: str) -> pd.DataFrame:
    packs, lang, theme, pattern = FORMS[name]
    h = form_hits(_sets(), packs, lang, theme, pattern)
    shipped = []
    for pack, g in h.groupby("pack", sort=False):
        tags = tag_themes(g["text"].astype("string"), load_pack(str(pack)))
        col = tags[theme].fillna(False) if theme in tags else pd.Series(False, index=tags.index)
        shipped.append(pd.Series(col.astype(bool).to_numpy(), index=g.index))
    h["shipped"] = pd.concat(shipped) if shipped else pd.Series(dtype=bool)
    return h


def table() -> str:
    lines = [
        "| form | packs | theme | yes | no | yes found alone / shipped | no found alone / shipped "
        "| blind 28 yes / no |"
    ]
    lines.append("|---" * 8 + "|")
    for name, (packs, _lang, theme, _) in FORMS.items():
        h = hits(name)
        yes, no = h[h["yes"]], h[~h["yes"]]
        b = h[h["set"] == "blind28"]
        lines.append(
            f"| {name} | {', '.join(packs)} | {theme} | {len(yes)} | {len(no)} | "
            f"{int(yes['found'].astype(bool).sum())} / {int(yes['shipped'].astype(bool).sum())} | "
            f"{int(no['found'].astype(bool).sum())} / {int(no['shipped'].astype(bool).sum())} | "
            f"{int(b['yes'].sum())} / {int((~b['yes']).sum())} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", nargs="*")
    args = parser.parse_args(argv)
    if args.show:
        for name in args.show:
            print(f"== {name}")
            for r in hits(name).itertuples():
                print(
                    f"{r.set}|{r.id}|{'yes' if r.yes else 'no'}|alone={r.found}|"
                    f"shipped={r.shipped}|{r.labels}|{r.text[:140]}"
                )
        return
    print(table())


if __name__ == "__main__":
    main()
