"""Which comments a report quotes: a few diverse, readable ones, none saying what another says.

The one home of the quote choice (:func:`representative_comments`) and of what a quote says
(:func:`_quote_key`). Moved out of ``themes.py`` (which re-exports the function): choosing
quotes is no part of tagging themes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection
from functools import lru_cache
from typing import Final, NamedTuple

import pandas as pd

from nps_kit.text._lexicon import EMOJI_CUES, EN_NEGATORS
from nps_kit.text.tokens import _tagger, normalise_one

__all__ = ["representative_comments"]


def _trigrams(text: str) -> frozenset[str]:
    text = normalise_one(text)
    return frozenset(text[i : i + 3] for i in range(max(len(text) - 2, 1)))


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 1.0


# Variation selectors and emoji tag characters: parts of an emoji, no letter of a comment.
# (Skin tones, U+1F3FB-1F3FF, and the zero-width joiner are symbols and format characters,
# dropped with them.)
_EMOJI_PARTS = re.compile("[\ufe00-\ufe0f\U000e0000-\U000e007f\U000e0100-\U000e01ef]")
# Signs that say what a comment means, kept in its quote key as written: math signs (+ − × < >,
# category Sm), Japanese marks ○ ◎ △ □ ● ▲ (geometric shapes) and their emoji ⭕ ❌ ❎ ✅,
# stars ★ ☆ ⭐ 🌟 and ticks ✓ ✔ ✗ ✘; and a hyphen-minus before a number (-20%), read as a minus
# (REVIEW33: 「接客は○、料金は×です」 and 「接客は×、料金は○です」 were one quote). Stars are
# kept each: ⭐⭐⭐⭐⭐ is a rating, not ⭐ said louder.
_SIGNS = re.compile(
    "[\u25a0-\u25ff\u2605\u2606\u2713-\u2718\u2705\u274c\u274e\u2b50\u2b55\U0001f31f]"
)
_MINUS = re.compile(r"(?<![\w.])-(?=\d)")
# Emoji and emoticons that carry a judgement: the tagger's table (EMOJI_CUES, one home: 👍 😊
# ❤ :) say good, 👎 😡 😭 :( say bad), read in a comment's NFKC, case-folded text. An emoticon
# is not taken out of a number or a word ("10:30)", "re:design").
_EMOTICONS = sorted((cue for cue in EMOJI_CUES if len(cue) > 1), key=len, reverse=True)
_JUDGED = re.compile(
    "|".join(
        [rf"(?<!\d)(?:{'|'.join(map(re.escape, _EMOTICONS))})(?!\w)"]
        + [re.escape(cue) for cue in EMOJI_CUES if len(cue) == 1]
    )
)


class QuoteKey(NamedTuple):
    """What a quote says: its words and signs, and the judgement its emoji give.

    Attributes
    ----------
    words
        NFKC, case-folded, without punctuation, symbols, spaces or the parts of an emoji;
        meaning-bearing signs kept (:data:`_SIGNS`, math signs, a minus before a number).
    judged
        The directions (1 good, -1 bad) of its judging emoji and emoticons in order, a
        repeated direction once: "👍👍👍🏽" is ``(1,)``, "👍 … 👎" ``(1, -1)``.
    """

    words: str
    judged: tuple[int, ...]


def _quote_key(text: str) -> QuoteKey:
    """Return what a quote says, to tell two comments apart: the one rule of the quote choice.

    The words are NFKC (full- and half-width alike) and case-folded, without punctuation,
    symbols (emoji and their modifiers), spaces and the parts of an emoji: 「配送が遅い」,
    「配送が遅い😠」 and 「配送が遅い！！」 say the same words, "Slow app." and "slow app 👎"
    too (FIX75). A comment of symbols alone keeps them, so 🚚 and 📦 stay two; signs that carry
    the meaning stay (:data:`_SIGNS`, math signs, a minus before a number: ○ and ×, "+20%" and
    "-20%"). The emoji and emoticons that judge (:data:`EMOJI_CUES`) give ``judged``: "Delivery
    👍" and "Delivery 👎" say the same words and opposite things (FIX79).
    """
    folded = unicodedata.normalize("NFKC", _EMOJI_PARTS.sub("", text)).casefold()
    judged: list[int] = []
    for found in _JUDGED.finditer(folded):
        direction = 1 if EMOJI_CUES[found.group()] > 0 else -1
        if not judged or judged[-1] != direction:
            judged.append(direction)
    folded = _MINUS.sub("\u2212", _JUDGED.sub(" ", folded))
    words = "".join(
        ch
        for ch in folded
        if unicodedata.category(ch)[0] not in "PSZC"
        or unicodedata.category(ch) == "Sm"
        or _SIGNS.match(ch)
    )
    if not words and not judged:
        words = "".join(folded.split())
    return QuoteKey(words, tuple(judged))


def _truncate(text: str, max_chars: int) -> str:
    return text if len(text) <= max_chars else text[: max_chars - 1].rstrip() + "…"


def _signs(key: QuoteKey) -> str:
    return "".join(ch for ch in key.words if unicodedata.category(ch) == "Sm" or _SIGNS.match(ch))


# Signs that decorate and say nothing when left out, so two comments they alone tell apart stay
# near-duplicates: bullets (■ □ ▪ ● ◆ ◇ ▶ ► ・), arrows (=>, ->, →), a tilde (~20 min, 〜) and
# a heart (<3 at the end or before punctuation: "<3 min" is under 3). REVIEW35: "●スタッフの
# 対応が…" and the same words were quoted twice. (The quote key keeps them: only the
# near-duplicate test reads past them.)
_DECORATIONS = re.compile(
    r"<3(?=\s*(?:$|[^\w\s]))|[-=]+>|[\u2190-\u21ff~\u301c\uff5e\u30fb\uff65"
    r"\u25a0\u25a1\u25aa\u25ab\u25b6\u25b8\u25ba\u25c6\u25c7\u25cf]"
)


# A word negated by a prefix: "unhelpful" beside "helpful", "dissatisfied", "inconvenient".
_PREFIXES = ("un", "in", "im", "ir", "il", "dis", "non")
# The shortest word a prefix negates ("unfit"): "into" is no "in" + "to", "unit" no "un" + "it"
# (REVIEW35: two comments saying the same were quoted twice).
_NEGATED_MIN = 3


# A Japanese negation, as the tokeniser (UniDic) reads it: the auxiliary ない/ぬ/ず/へん (行か
# ない, 届きません, もらえず, つながらへん), the auxiliary adjective 無い (早くない, 時間がない)
# and the noun 無し (問題なし). Not the kana of an adjective that ends in ない (少ない, 危ない,
# 情けない, 味気ない are one word: REVIEW35, 「待ち時間が少ない」 read as negated).
_JA_NEGATING: Final = {("助動詞", "ない"), ("助動詞", "ず"), ("助動詞", "ぬ"), ("助動詞", "へん")}
_JA_NEGATING_WORDS: Final = {("形容詞", "無い"), ("名詞", "無し")}
_JA_TEXT: Final = re.compile(r"[\u3040-\u30ff\u3400-\u9fff]")


def _folded(text: str) -> str:
    """Return a comment normalised (:func:`normalise_one`), without apostrophes: wasn't, wasnt."""
    return normalise_one(text).replace("'", "").replace("’", "")


@lru_cache(maxsize=65536)
def _negates(text: str, *, folded: str | None = None) -> bool:
    """Whether a comment negates: the direction of what it says, not how often it says it.

    "Not good, not good at all" negates as "not good" does (REVIEW35: counted, the two were
    two quotes). In Japanese a negation of a negation (つまらなくない, 少なくなくない) cancels:
    negations in a row, each on the one before (its く/ず form, maybe は or も between), count
    by their parity. ``folded`` is :func:`_folded` of ``text`` when the caller has it.
    """
    if folded is None:
        folded = _folded(text)
    if any(word in EN_NEGATORS for word in re.findall(r"\w+", folded)):
        return True
    if not _JA_TEXT.search(folded):
        return False
    run = 0  # negations in a row, each on the one before
    negated = False
    joined = False  # the last word was a negation's continuative form (なく, ず), or は/も after it
    for word in _tagger()(unicodedata.normalize("NFKC", text)):
        feature = word.feature
        key = (feature.pos1, feature.lemma)
        if key in _JA_NEGATING or key in _JA_NEGATING_WORDS:
            run = run + 1 if joined else 1
            joined = str(feature.cForm).startswith("連用形")
            if not joined:
                negated |= run % 2 == 1
                run = 0
            continue
        if joined and feature.pos1 == "助詞" and word.surface in ("は", "も"):
            continue
        if joined:
            negated |= run % 2 == 1
            run, joined = 0, False
    return negated or run % 2 == 1


class _Read(NamedTuple):
    """What the near-duplicate test reads of a comment besides its letters."""

    key: QuoteKey
    words: frozenset[str]
    negates: bool
    signs: str


def _read(text: str, key: QuoteKey) -> _Read:
    """Its words, whether it negates (:func:`_negates`) and its signs."""
    folded = _folded(text)  # once: the words and the negation read the same text
    words = re.findall(r"\w+", folded)
    signs = _signs(_quote_key(_DECORATIONS.sub(" ", text)))
    return _Read(key, frozenset(words), _negates(text, folded=folded), signs)


def _told_apart(a: _Read, b: _Read) -> bool:
    """Whether two comments say different things however alike their letters.

    Their signs differ (○ and ×, "+20%" and "-20%", "Wait 5 min" and "Wait < 5 min"; not a
    bullet, arrow, tilde or heart, :data:`_DECORATIONS`), both
    judge by emoji, differently ("Delivery 👍", "Delivery 👎"), one negates and the other not
    ("The delivery was good", "The delivery was not good", 「配送が早い」「配送が早くない」; "not
    good, not good at all" negates as "not good" does, :func:`_negates`) or says a
    word of the other's negated ("Staff were helpful", "Staff were unhelpful"): the 3-gram
    likeness, which sees a few characters in many changed, must not make one of them a
    near-duplicate of the other.
    """
    if a.signs != b.signs or a.negates != b.negates:
        return True
    if a.key.judged and b.key.judged and a.key.judged != b.key.judged:
        return True
    only_a, only_b = a.words - b.words, b.words - a.words
    return any(
        word.startswith(prefix)
        and len(word) - len(prefix) >= _NEGATED_MIN
        and word[len(prefix) :] in other
        for mine, other in ((only_a, only_b), (only_b, only_a))
        for word in mine
        for prefix in _PREFIXES
    )


def representative_comments(
    texts: pd.Series,
    *,
    k: int = 3,
    max_chars: int = 160,
    ideal_chars: int = 60,
    similarity: float = 0.6,
    leave_out: Collection[str] = (),
) -> list[str]:
    """Pick a few diverse, readable comments to quote.

    Comments closest to ``ideal_chars`` characters are preferred (short ones say little, long ones
    are hard to read in a report); a comment whose character-3-gram Jaccard similarity to one
    already picked is ``similarity`` or more is skipped as a near-duplicate, and so is one that
    says what a picked or left-out quote says but for punctuation, width or emoji
    (:func:`_quote_key`). Signs, emoji that judge differently and negations keep comments
    from being near-duplicates: "Delivery 👍" and "Delivery 👎", "Price +20%" and "Price
    -20%", "The delivery was good" and "The delivery was not good" are each quoted
    (:func:`_told_apart`), while an emoji
    that only repeats the words' judgement ("配送が遅い😠" beside "配送が遅い") says nothing
    more. Ties keep the input order, so the result is deterministic.

    Parameters
    ----------
    texts
        The comments to choose from (the caller selects the theme or segment).
    k
        How many to return at most.
    max_chars
        Longer comments are cut and end with "…".
    ideal_chars
        The preferred length.
    similarity
        Near-duplicate threshold.
    leave_out
        Quotes already shown, as this function returned them: not picked again, nor a comment
        that differs from one only in punctuation, width or emoji.

    Returns
    -------
    list of str
        Up to ``k`` comments as plain text (white space tidied, not escaped).
    """
    candidates = [" ".join(str(t).split()) for t in texts.dropna().astype(str) if str(t).strip()]
    quotes = [_truncate(text, max_chars) for text in candidates]
    keys = [_quote_key(quote) for quote in quotes]
    shown = [_quote_key(quote) for quote in leave_out]
    # Words said with two judgements (👍 and 👎): the judgement is part of what they say. Said
    # with one, an emoji only repeats the words (or decorates them): one quote.
    judgements: dict[str, set[tuple[int, ...]]] = {}
    for key in (*shown, *keys):
        if key.judged:
            judgements.setdefault(key.words, set()).add(key.judged)

    def says(key: QuoteKey) -> QuoteKey:
        return key if len(judgements.get(key.words, ())) > 1 else QuoteKey(key.words, ())

    order = sorted(
        range(len(candidates)),
        key=lambda i: (abs(len(candidates[i]) - ideal_chars), i),
    )
    chosen: list[str] = []
    picked: list[tuple[frozenset[str], _Read]] = []
    said = {says(key) for key in shown}  # what the shown and chosen quotes say
    for i in order:
        if len(chosen) == k:
            break
        if says(keys[i]) in said:
            continue
        g = _trigrams(candidates[i])
        read = _read(candidates[i], keys[i])
        if any(
            _jaccard(g, other) >= similarity and not _told_apart(read, theirs)
            for other, theirs in picked
        ):
            continue
        chosen.append(quotes[i])
        picked.append((g, read))
        said.add(says(keys[i]))
    return chosen
