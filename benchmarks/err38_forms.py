"""ERR38E: English forms counted over every readable set of round 19, before a rule is written.

The sets are ``err_sets.round38e_sets()`` (every labelled set in ``tests/data`` the helpers name,
blind set 37's even English ids; blind 37's odd ids and blind set 39 are never read). Polarity
forms (``FORMS``) and vocabulary forms (``VOCAB``) are counted as ``err34_forms.py`` counts them:
``--out`` writes every polarity form's pairs (gold, rules alone, shipped) to compare two commits
(``PYTHONPATH``), ``--show NAME`` lists a form's pairs, ``--vocab`` counts the vocabulary forms
(labelled with the theme or not, found by the rules alone and shipped).
"""

from __future__ import annotations

import err34_forms
from err_sets import round38e_sets

ALL = ("retail", "saas", "finance", "generic")

#: name -> pattern (English; the case is ignored)
FORMS: dict[str, str] = {
    "a steal (price praise)": r"\b(a|an absolute|a total|a real|an actual) steal\b",
    "slang intensifier + praise (stupid easy, scarily good)": (
        r"\b(stupid|stupidly|crazy|ridiculously|insanely|scary|scarily|silly|wicked|mad) "
        r"(easy|simple|good|accurate|reliable|smooth|cheap|intuitive|quick|fast)\b"
    ),
    "can't / won't sync (a failure, not an integration's praise)": (
        r"\b(won'?t|wont|doesn'?t|doesnt|didn'?t|didnt|can'?t|cant|cannot|stopped|stops|keeps? "
        r"failing to|fails? to|failed to|refuses? to) (\w+ )?sync(ing)?\b"
    ),
    "X was not slow / not slow at all (praise)": r"\b(not|never|wasn'?t|isn'?t) (\w+ )?slow\b",
    "quit / packed in (a product failed)": (
        r"\b(quit|packed in|packed up|gave up|conked out|died) (on me |on us )?(after|within|in "
        r"under|inside) \d+|\b(quit|packed in|packed up|conked out) (on me|on us)\b"
    ),
}

#: vocabulary forms (recall / precision): name -> (packs, theme, pattern); the case is ignored
VOCAB: dict[str, tuple[tuple[str, ...], str, str]] = {
    "a steal (price)": (ALL, "price", r"\b(a|an absolute|a total|a real|an actual) steal\b"),
    "works a treat (quality, retail / generic)": (
        ("retail", "generic"),
        "quality",
        r"\b(works?|worked|working) a treat\b",
    ),
    "paid out of pocket (not claims, finance)": (
        ("finance",),
        "claims",
        r"\bpaid (\w+ )?out of (my |our |their )?(own )?pocket\b",
    ),
    "N min on hold (speed, finance)": (
        ("finance",),
        "speed",
        r"\b(\d+|an|half an|two|three) ?(mins?|minutes|hours?|hrs?) on hold\b",
    ),
    "never calls / rings to say (communication)": (
        ALL,
        "communication",
        r"\bnever (calls?|called|rings?|rang|phones?|phoned|emails?|emailed|texts?|texted) "
        r"(to (say|let|tell|explain|warn|update)|back)\b",
    ),
    "returns as a verb (search returns X: not returns)": (
        ("retail",),
        "returns",
        r"\b(search|function|filter|query|it|site) (just |only |always |never )?returns\b",
    ),
    "hard to find round here (stock, not usability)": (
        ("retail",),
        "usability",
        r"\bhard to (find|get|get hold of|source) (round|around|over|out) here\b|\bhard to "
        r"(find|get hold of|source) (anywhere|elsewhere|these days|locally)\b",
    ),
    "the last fella / guy (a rival, not staff)": (
        ("generic", "retail"),
        "staff",
        r"\b(than|like) the (last|old|other|previous) (fella|guy|bloke|lot|chap|man|lad|one)\b",
    ),
    "stupid / crazy easy (usability, saas)": (
        ("saas",),
        "usability",
        r"\b(stupid|crazy|ridiculously|insanely|silly|mad|wicked) (easy|simple)\b",
    ),
    "hard to find round here (stock, not usability; generic)": (
        ("generic",),
        "usability",
        r"\bhard to (find|get|get hold of|source) (round|around|over|out) here\b|\bhard to "
        r"(find|get hold of|source) (anywhere|elsewhere|these days|locally)\b",
    ),
    "is quick (performance, saas)": (
        ("saas",),
        "performance",
        r"\b(is|are|was|were) (\w+ )?(quick|speedy|nippy|zippy)\b",
    ),
}


def main(argv: list[str] | None = None) -> None:
    err34_forms.round34e_sets = round38e_sets  # type: ignore[assignment]
    err34_forms.FORMS = FORMS
    err34_forms.VOCAB = VOCAB
    err34_forms.main(argv)


if __name__ == "__main__":
    main()
