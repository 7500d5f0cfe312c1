"""ERR24: general forms of implied themes, counted over every readable set before a rule is written.

Each candidate form (pack(s), language, theme, regex) found in ERR20-24's implied misses is
counted over the sets readable in ERR24 (``err_sets.readable_sets(23)`` with blind set 22 held
out whole, plus blind set 23): comments of the form's packs holding it, labelled with the theme
(yes) or not (no), and how many of the yes the rules alone already find (a form adds only the
rest). ERR24 writes a form as a rule only where no = 0 (no contrary label on any readable set).
``--show NAME`` lists a form's comments (id, labels, text) to read its contrary labels by eye.
Blind set 22, blind set 24 and training set 28 are never read here.
"""

from __future__ import annotations

import argparse
import re
from functools import cache

import pandas as pd
from err_sets import DATA, ROUNDS, readable_sets

from nps_kit.text.evaluation import parse_labels
from nps_kit.text.packs import load_pack
from nps_kit.text.themes import tag_themes

ALL = ("retail", "saas", "finance", "generic")
#: name -> (packs, language, theme, pattern); the case is ignored
FORMS: dict[str, tuple[tuple[str, ...], str, str, str]] = {
    # arrival or turning up with its time: speed (generic)
    "turned up + time": (
        ("generic",),
        "en",
        "speed",
        r"\b(turned|turns|turn|turning|showed|shows|show) up (on time|late|early|when (he|she|they)"
        r" said|bang on time|right on time|within|in \d|the (same|next) day|first thing|promptly)",
    ),
    "there within N minutes": (
        ("generic",),
        "en",
        "speed",
        r"\b(was|were|got) (here|there|round|out|to us)( \w+)? (with)?in (\d+|ten|fifteen|twenty|"
        r"thirty|forty|an?|half an) (min|mins|minutes|hour|hours)\b",
    ),
    "N minutes late": (
        ("generic",),
        "en",
        "speed",
        r"\b(\d+|ten|fifteen|twenty|thirty|forty|an?|half an) (min|mins|minutes|hours?) late\b",
    ),
    "came the same / next day (ja)": (
        ("generic",),
        "ja",
        "speed",
        r"(すぐ|翌日|当日|その日のうちに|次の日|翌週)(に|には)?(来て|駆けつけ|かけつけ)",
    ),
    "N weeks/months later (ja, generic)": (
        ("generic",),
        "ja",
        "speed",
        r"(\d+|[一二三四五六七八九十半数])(日|週間|ヶ月|か月|カ月)(後|経って|たって|かか)",
    ),
    "sent off N weeks ago": (
        ("generic", "finance"),
        "en",
        "speed",
        r"\b(\d+|two|three|four|five|six|seven|eight|nine|ten) (weeks|months) (ago|later|on)\b",
    ),
    "frozen/held for N days": (
        ("finance",),
        "en",
        "speed",
        r"\b(froze|frozen|held|blocked|suspended|locked)\b[^.!?]{0,40}\bfor (\d+|two|three|four|"
        r"five|six|seven|ten|eleven) (days|weeks|months)\b",
    ),
    "same/next day, one visit (finance)": (
        ("finance",),
        "en",
        "speed",
        r"\b(approved|paid|sorted|done|processed|settled|arrived|cleared|opened) (the )?(same|next)"
        r" day\b|\bin (one|a single) (visit|call|trip)\b",
    ),
    "なかなか進まない": (("finance", "generic"), "ja", "speed", r"(なかなか|全然|一向に)進ま"),
    # a person named by where they work
    "person at the till/counter/desk": (
        ("retail", "generic", "finance"),
        "en",
        "staff",
        r"\b(guy|lady|man|woman|girl|lad|bloke|chap|fella|gent|person|people|assistant|ladies|"
        r"guys|lads) (on|at|behind|in|working|manning) the (tills?|counters?|desk|deli|checkouts?|"
        r"reception|front desk|bar|fish counter|cheese counter|meat counter|service desk|door)\b",
    ),
    "person in the shop/branch": (
        ("retail", "generic", "finance"),
        "en",
        "staff",
        r"\b(guy|lady|man|woman|girl|lad|bloke|chap|fella|gent|ladies|guys|lads) (in|at) the "
        r"(shop|store|branch|showroom|garden centre|pharmacy|bank)\b",
    ),
    "channel agent/assistant": (
        ("retail",),
        "en",
        "staff",
        r"\b(chat|live chat|phone|sales|shop|store|floor|counter|deli|till|checkout|service desk)"
        r" (agents?|assistants?|staff|team|advis[eo]rs?|reps?|clerks?|workers?|operators?|"
        r"associates?|person|people)\b",
    ),
    "finance role nouns": (
        ("finance",),
        "en",
        "staff",
        r"\b(loss adjusters?|claims? handlers?|case (handler|worker|manager)s?|underwriters?|"
        r"relationship managers?|account managers?|fraud team|claims team|bondsman|"
        r"mortgage (adviser|advisor|broker)s?)\b",
    ),
    "generic role nouns": (
        ("generic",),
        "en",
        "staff",
        r"\b(chiropodists?|podiatrists?|registrars?|sommeliers?|astronomers?|osteopaths?|"
        r"chiropractors?|acupuncturists?|audiologists?|radiographers?|phlebotomists?|"
        r"optometrists?|paramedics?|groomers?|tattooists?|celebrants?|officiants?|invigilators?|"
        r"examiners?|lecturers?|rangers?|stewards?|beauticians?|masseuses?|florists?)\b",
    ),
    # being told: what a page or message said that was not so, nobody telling
    "said 'in stock' / 'ready'": (
        ("retail",),
        "en",
        "communication",
        r"\b(said|says|showed|shows|showing|listed as|marked as|text said|email said)( it was)? "
        r"['‘\"]?(in stock|ready|available|dispatched|delivered|on its way)\b",
    ),
    "nobody rang / told": (
        ("retail", "generic", "finance"),
        "en",
        "communication",
        r"\b(nobody|no one|no-one|never) (rang|called|phoned|told|let (me|us) know|got back|"
        r"contacted|bothered to (ring|call|tell))\b",
    ),
    "知らなかった (ja)": (
        ("retail", "generic", "finance"),
        "ja",
        "communication",
        r"(とは|って|なんて|ことを|のを)知らなかった",
    ),
    # money words without price words
    "数千円 / 何万円": (
        ALL,
        "ja",
        "price",
        r"(数|何|[一二三四五六七八九十])(百|千|万)円",
    ),
    "見切り品": (("retail",), "ja", "price", r"見切り|値引きシール|半額シール|割引シール"),
    "for free / no charge": (
        ("retail", "generic"),
        "en",
        "price",
        r"\bfor free\b|\bfree of charge\b|\bat no (extra )?(cost|charge)\b|\bdidn'?t charge\b",
    ),
    # generic words
    "DOA": (("retail",), "en", "quality", r"\bDOA\b|dead on arrival"),
    "scan as you shop": (
        ("retail",),
        "en",
        "checkout",
        r"scan (as|and) (you )?(shop|go)|scan ?& ?go|handheld scanner",
    ),
    "queue out the door (retail)": (
        ("retail",),
        "en",
        "checkout",
        r"\bqueues?\b|\bqueuing\b|\bqueueing\b",
    ),
    "crooks": (("finance",), "en", "trust", r"\bcrooks?\b|\bcrooked\b|\bscammers?\b|\bsharks?\b"),
    "at the counter (finance)": (("finance",), "en", "branch", r"\b(at|behind) the counter\b"),
    "seats (generic)": (("generic",), "en", "usability", r"\bseats?\b|\bseating\b"),
    "座席 (generic)": (("generic",), "ja", "usability", r"座席|椅子|いす|シート"),
    # refined after reading the contrary labels of the broad forms above
    "person at the till, judged": (
        ("retail", "generic", "finance"),
        "en",
        "staff",
        r"\b(guy|lady|man|woman|girl|lad|bloke|chap|fella|gent)s? (on|at|behind|working|manning) "
        r"the (tills?|counters?|desk|deli|checkouts?|reception|front desk|bar|fish counter|"
        r"cheese counter|meat counter|service desk)\b[^.!?]{0,60}\b(lovely|friendly|polite|kind|"
        r"helpful|patient|cheerful|great|brilliant|knew|knowledgeable|rude|grumpy|unhelpful|"
        r"clueless|abrupt|dismissive|so nice|shrugged)",
    ),
    "came round the same / next day (ja, past)": (
        ("generic",),
        "ja",
        "speed",
        r"(すぐ|翌日|当日|その日のうちに|次の日|翌週)(に|には)?(来て|駆けつけて|かけつけて)(くれ|もらえ|"
        r"いただけ)(た|まし)",
    ),
    "came round the same / next day (ja, past), finance": (
        ("finance",),
        "ja",
        "speed",
        r"(すぐ|翌日|当日|その日のうちに|次の日|翌週)(に|には)?(来て|駆けつけて|かけつけて)(くれ|もらえ|"
        r"いただけ)(た|まし)",
    ),
    "sent someone round the next day": (
        ("generic", "finance"),
        "en",
        "speed",
        r"\b(had|sent|got) (someone|somebody|an? \w+) (round|out|over) (the )?(same|next) day\b|"
        r"\b(came|come|was|were) (round|out|over) (the )?(same|next) day\b",
    ),
    "generic roles, no contrary": (
        ("generic",),
        "en",
        "staff",
        r"\b(chiropodists?|registrars?|sommeliers?|astronomers?|chiropractors?|audiologists?|"
        r"invigilators?|stewards?|dermatologists?)\b",
    ),
    "finance roles, no contrary": (
        ("finance",),
        "en",
        "staff",
        r"\b(claims? handlers?|case (handler|worker|manager)s?|relationship managers?|"
        r"account managers?|valuers?)\b",
    ),
    "crooks, scammers": (("finance",), "en", "trust", r"\bcrooks?\b|\bcrooked\b|\bscammers?\b"),
    "waited in all day": (
        ("retail",),
        "en",
        "delivery",
        r"\bwait(ed|ing)? in all day\b|\bstayed in all day\b|\btook (a|the) day off\b",
    ),
}


#: the forms written as rules in ERR24 (no contrary label, and the rules missed some of the yes)
KEPT = (
    "person in the shop/branch",
    "person at the till, judged",
    "came round the same / next day (ja, past)",
    "sent someone round the next day",
    "なかなか進まない",
    "generic roles, no contrary",
    "crooks, scammers",
    "DOA",
    "scan as you shop",
)


@cache
def _sets() -> dict[str, pd.DataFrame]:
    names = readable_sets(23, held_out=ROUNDS[23][0], held_out_blind=ROUNDS[23][1])
    names["blind23"] = "theme_eval_blind23.csv"
    return {n: pd.read_csv(DATA / f, keep_default_na=False, dtype=str) for n, f in names.items()}


def _hits(name: str) -> pd.DataFrame:
    packs, lang, theme, pattern = FORMS[name]
    return form_hits(_sets(), packs, lang, theme, pattern)


def form_hits(
    sets: dict[str, pd.DataFrame], packs: tuple[str, ...], lang: str, theme: str, pattern: str
) -> pd.DataFrame:
    """Every comment of ``sets`` in ``packs`` and ``lang`` holding ``pattern``: labelled ``theme``
    (``yes``) or not, and whether the rules alone find it (``found``). ERR24 and ERR25 use it."""
    rows = []
    for set_name, frame in sets.items():
        mask = (
            frame["pack"].isin(packs)
            & (frame["lang"] == lang)
            & frame["text"].map(lambda t: re.search(pattern, t, re.IGNORECASE) is not None)
        )
        for _, row in frame[mask].iterrows():
            rows.append(
                {"set": set_name, "id": row["id"], "pack": row["pack"], "text": row["text"]}
                | {"labels": row["labels"], "yes": theme in parse_labels(row["labels"])}
            )
    out = pd.DataFrame(rows, columns=["set", "id", "pack", "text", "labels", "yes"])
    found = []
    for pack, g in out.groupby("pack", sort=False):
        # a theme the pack does not have is never tagged (saas has no staff)
        tags = tag_themes(g["text"].astype("string"), load_pack(str(pack)), learned=False)
        column = tags[theme].fillna(False) if theme in tags else pd.Series(False, index=tags.index)
        found.append(pd.Series(column.astype(bool).to_numpy(), index=g.index))
    out["found"] = pd.concat(found) if found else pd.Series(dtype=bool)
    return out


def table() -> str:
    lines = ["| form | packs | lang | theme | yes | no | yes the rules miss | kept |"]
    lines.append("|---" * 8 + "|")
    for name, (packs, lang, theme, _) in FORMS.items():
        h = _hits(name)
        yes = h[h["yes"]]
        lines.append(
            f"| {name} | {', '.join(packs)} | {lang} | {theme} | {len(yes)} | "
            f"{int((~h['yes']).sum())} | {int((~yes['found'].astype(bool)).sum())} | "
            f"{'**yes**' if name in KEPT else 'no'} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--show", help="list one form's comments")
    args = parser.parse_args(argv)
    if args.show:
        for r in _hits(args.show).itertuples():
            print(f"{r.set}|{r.id}|{'yes' if r.yes else 'NO'}|found={r.found}|{r.labels}|{r.text}")
        return
    print(table())


if __name__ == "__main__":
    main()
