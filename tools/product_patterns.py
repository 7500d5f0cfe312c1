"""Build the English "an unnamed thing, judged" pattern of each pack's product theme.

New industries name their products with words no dictionary can list ("Parmigiano is top
notch", "the quiz builder is great", "the savings pot is a clever idea"): rules round 8 found
them to be the largest class of misses on training set 18. One construction per pack covers
them: at the start of a clause, a noun phrase of up to three words, a linking verb (is, was,
looks, tastes ...) and a judging adjective give the pack's product theme (retail and generic
``quality``, saas ``features``, finance ``products``) -- unless a word of the phrase is a person, a
place, a time or another theme's word (``PEOPLE`` and the pack's extra words), which would belong
to that theme instead.

The patterns live in the packs' ``themes.yaml`` as data an analyst can read and edit; this file is
their one source. The excluded words are written as a prefix-factored alternation (``trie``)
because a flat one made matching measurably slower.

Usage::

    python tools/product_patterns.py            # check every themes file against this source
    python tools/product_patterns.py --write    # rewrite the patterns from this source

``tests/test_packs.py`` runs the check, so a change made in one place only fails the suite.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: Words that make a phrase another theme's: people, places, times, other themes' words.
PEOPLE = (
    "staff|people|person|team|lady|ladies|guy|guys|man|men|woman|women|girl|girls|bloke|lad|"
    "lads|owner|owners|manager|assistant|assistants|cashier|driver|drivers|courier|couriers|"
    "postman|seller|agent|agents|rep|reps|adviser|advisor|he|she|they|you|we|i|it|its|it's|"
    "everyone|everybody|everything|all|nothing|this|that|there|which|who|what|one|service|"
    "support|experience|overall|thing|things|stuff|lot|bit|process|system|company|business|"
    "firm|place|customer|customers|boss|crew|receptionist|reception|nurse|doctor|doctors|"
    "dentist|vet|teacher|teachers|tutor|instructor|trainer|coach|engineer|technician|"
    "mechanic|plumber|cleaner|cleaners|stylist|barber|therapist|consultant|broker|banker|"
    "handler|host|chef|waiter|waitress|communication|updates|update|information|info|emails?|"
    "email|newsletter|phone|line|lines|call|calls|chat|bot|chatbot|price|prices|pricing|cost|"
    "costs|value|fee|fees|deal|deals|discount|discounts|bill|bills|charge|charges|rate|rates|"
    "wait|waits|waiting|queue|queues|speed|time|times|hours|opening|location|parking|access|"
    "booking|bookings|appointment|appointments|website|site|app|apps|online|search|login|"
    "portal|interface|ui|checkout|payment|payments|ordering|order|orders|delivery|deliveries|"
    "shipping|postage|packaging|parcel|parcels|package|packages|box|boxes|tracking|courier|"
    "returns|return|refund|refunds|exchange|faq|help|store|shop|shops|branch|branches|atm|"
    "claims?|claim|pharmacist|optician|optometrist|security|subscription|replacement|tutor|"
    "practitioner|supervisor|sitter|architect|physio|dr|midwife|midwives|carer|admin|office|"
    "reminder|reminders|care|salon|cinema|garage|campus|hospital|centre|center|gym|venue|"
    "clinic|practice|surgery|school|nursery|club|studio|spa|restaurant|cafe|pub|bar|park|"
    "library|airline|provider|weather|day|week|month|year|life|trip|visit|stay|night|morning|"
    "evening|weekend|holiday|hotel|room|rooms|"
    # SENSE25: the staff themes' other people ("Jessica the hygienist is amazing" read as a
    # product judged); plurals are matched by the pattern
    "hygienist|sonographer|marshal|piercer|salesman|saleswoman|salespeople|gardener|skipper|"
    "captain|deckhand|usher|worker|workman|workmen|priest|monk|attendant|fella|lifeguard|"
    "coordinator|surgeon|carer|mover|removalist|employee|clerk|hostess|bartender|"
    "representative|operator|personnel|physio|concierge|hairdresser|barista|valet|housekeeper|"
    "doorman|waitstaff|surveyor"
)
#: Where a clause begins: the text's start, after a stop or a comma, or after "and", "but" ....
LEAD = (
    r"(?:^|(?<=[.!?;:, ])(?:(?<=[.!?;:,] )|(?<=[.!?;:,])(?! )|(?<=\band )|(?<=\bbut )|(?<=\btho )|"
    r"(?<=\bthough )|(?<=\balthough )|(?<=\bplus )|(?<=\bwhile )))"
)
#: An optional determiner.
DET = r"(?:the |my |our |your |these |those |this "
DET += r"|that |their |his |her |both |all the |every )?"
#: The linking verb.
VERB = r"(?:is|are|was|were|looks?|looked|tastes?|tasted|smells?|smelled|feels?|felt)"
#: An optional adverb.
ADV = r"(?:so |really |very |absolutely |just |truly |honestly |properly "
ADV += r"|super |always |consistently |seriously |pretty |quite |a bit |bit |too )?"
#: Adjectives that judge a product (retail and generic).
ADJ = (
    "good|great|nice|lovely|beautiful|gorgeous|stunning|excellent|superb|amazing|fantastic|"
    "brilliant|perfect|perfection|ace|top notch|top-notch|top quality|first class|"
    "first-class|elite|fab|fabulous|delicious|tasty|yummy|immaculate|spotless|solid|sturdy|"
    "exquisite|outstanding|incredible|unreal|wonderful|awesome|decent|genuine|authentic|mint|"
    "flawless|awful|terrible|rubbish|poor|dreadful|disappointing|underwhelming|mediocre|"
    "stale|soggy|mushy|bland|salty|overcooked|undercooked|flimsy|faulty|broken|fake|tacky|"
    "cheaply made|poorly made|well made|off|rotten|mouldy|moldy|inedible|disgusting|average"
)
#: ... a software feature.
SADJ = (
    "good|great|nice|lovely|excellent|superb|amazing|fantastic|brilliant|perfect|ace|"
    "top notch|first class|elite|awesome|outstanding|incredible|wonderful|genius|clever|"
    "handy|useful|powerful|solid|accurate|flexible|a game changer|a game-changer|a lifesaver|"
    "a life saver|a godsend|a nice touch|a nice extra|the real deal|useless|weak|limited|"
    "basic|poor|rubbish|terrible|awful|inaccurate|clunky|half baked|half-baked|missing|"
    "a gimmick"
)
#: ... a financial product.
FADJ = (
    "good|great|nice|excellent|brilliant|perfect|fantastic|amazing|generous|flexible|"
    "comprehensive|useful|handy|clever|genius|a lifesaver|a life saver|a godsend|"
    "a nice touch|a nice extra|too strict|strict|limited|restrictive|useless|poor|rubbish|"
    "terrible|awful|too low|too high|low|inflexible|basic|standard|fine"
)
#: Words that, in a software product's name, make it another theme's.
SAAS = (
    "|ui|ux|interface|design|dashboard|dashboards|layout|menu|menus|navigation|editor|"
    "performance|loading|load|sync|syncing|uptime|stability|reliability|docs|documentation|"
    "documented|guide|guides|tutorial|tutorials|knowledge|pricing|plan|plans|tier|tiers|"
    "licence|license|subscription|integration|integrations|api|apis|sdk|webhook|webhooks|"
    "connector|plugin|onboarding|setup|set-up|migration|import|training|release|notes|"
    "changelog|roadmap|status|notifications|account|manager|csm|implementation|tool|tools|"
    "product|software|platform|solution|vendor|team|developers|devs|learning|curve|speed|"
    "bugs|bug|outages|downtime|latency|quality|trial|sandbox|limit|limits|rate|cli|autosave|"
    "hardware|error|message|messages"
)
#: ... in a financial product's name.
FIN = (
    "|app|apps|online|banking|mobile|website|portal|login|interface|staff|adviser|advisor|"
    "broker|manager|rep|claims?|payout|settlement|fees?|rates?|premium|premiums|interest|apr|"
    "charges?|cost|costs|price|prices|branch|branches|atm|atms|communication|letters?|"
    "statements?|emails?|updates?|notifications?|security|transparency|terms|process|"
    "application|approval|transfer|transfers|speed|response|helpline|phone|call|team|bank|"
    "insurer|lender|company|provider|customer|experience|service|everything|platform|"
    "specialist|planner|calculator|tools"
)

#: Pack, theme, the file, the adjectives and the pack's extra excluded words.
PACKS = (
    ("retail", "quality", "nps_kit/resources/themes.yaml", ADJ, ""),
    ("generic", "quality", "nps_kit/resources/packs/generic/themes.yaml", ADJ, ""),
    ("saas", "features", "nps_kit/resources/packs/saas/themes.yaml", SADJ, SAAS),
    ("finance", "products", "nps_kit/resources/packs/finance/themes.yaml", FADJ, FIN),
)


def trie(words: list[str]) -> str:
    """Return a regular expression matching exactly ``words``, factored by common prefixes."""
    tree: dict = {}
    for word in sorted(set(words)):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict) -> str:
        alternatives = [re.escape(char) + emit(sub) for char, sub in sorted(node.items()) if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return "(?:" + body + ")?" if "" in node else body

    return emit(tree)


def noun_phrase(extra: str = "") -> str:
    """Return the pattern of up to three words none of which is an excluded word.

    ``extra`` is the pack's own excluded words, each after a ``|``.
    """
    words = [w[:-2] if w.endswith("s?") else w for w in (PEOPLE + extra).split("|") if w]
    word = r"(?!" + trie(words) + r"(?:e?s)?\b)[a-z][a-z'-]*"
    return rf"{DET}(?:{word} ){{0,2}}{word}"


def pattern(adjectives: str, extra: str = "") -> str:
    """Return the whole pattern: a clause's start, a noun phrase, a linking verb, a judgement."""
    return rf"{LEAD}{noun_phrase(extra)} {VERB} {ADV}(?:{adjectives})\b"


def _quoted(text: str) -> str:
    """Return ``text`` as a YAML single-quoted scalar."""
    return "'" + text.replace("'", "''") + "'"


def _first_scalar(line: str, start: int) -> str:
    """Return the single-quoted YAML scalar that begins at ``line[start]``, quotes included."""
    end = start + 1
    while True:
        end = line.index("'", end)
        if line[end + 1 : end + 2] != "'":
            return line[start : end + 1]
        end += 2


def check(*, write: bool = False) -> list[str]:
    """Return the files whose pattern differs from this source (rewriting them with ``write``).

    The pattern is the first English entry of the theme's ``patterns`` whose text begins with
    ``LEAD``; the entries after it on the same line (hand-written ones) are left as they are.
    """
    stale = []
    head = "      en: ["
    for _pack, _theme, name, adjectives, extra in PACKS:
        path = ROOT / name
        lines = path.read_text(encoding="utf-8").split("\n")
        found = [i for i, line in enumerate(lines) if line.startswith(head + _quoted(LEAD)[:-1])]
        if len(found) != 1:
            stale.append(f"{name}: {len(found)} lines hold the pattern, expected 1")
            continue
        line = lines[found[0]]
        held = _first_scalar(line, len(head))
        wanted = _quoted(pattern(adjectives, extra))
        if held != wanted:
            stale.append(name)
            if write:
                lines[found[0]] = head + wanted + line[len(head) + len(held) :]
                path.write_text("\n".join(lines), encoding="utf-8")
    return stale


def main(argv: list[str] | None = None) -> int:
    """Check (or ``--write``) every themes file; exit 1 when one differs and was not rewritten."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--write", action="store_true", help="rewrite the files that differ")
    args = parser.parse_args(argv)
    stale = check(write=args.write)
    for name in stale:
        print(("rewritten: " if args.write else "differs from tools/product_patterns.py: ") + name)
    return 1 if stale and not args.write else 0


if __name__ == "__main__":
    sys.exit(main())
