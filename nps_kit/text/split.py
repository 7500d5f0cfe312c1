"""A theme that holds most of a unit's tagged comments, and the themes to split it into.

A pack that fits a business only loosely files most comments under one broad theme (QA26:
the ``generic`` pack put a hotel's room, breakfast, spa, noise and Wi-Fi comments all under
Quality, 75–78 % of each hotel's tagged comments), so the report's top action speaks of
"quality" over the problems of four departments. :func:`dominant_theme` finds such a theme
and the phrases that found it most often — the phrases of the discovery code
(:mod:`nps_kit.text.discovery`, lemma n-grams, ja and en) that are the theme's own matched
words — with a count and an example each; :func:`split_yaml` writes them as new themes for a
themes file that extends the pack.

The share is :data:`DOMINANT_SHARE` of the tagged comments, with at least
:data:`DOMINANT_MIN` of them (measured in README, "A theme that holds most comments").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from nps_kit.i18n import Language
from nps_kit.text._collector import paused
from nps_kit.text._lemma import lemma_text
from nps_kit.text.discovery import _frequent_phrases
from nps_kit.text.explain import _whole
from nps_kit.text.themes import Theme, ThemeBook, tag_themes
from nps_kit.text.tokens import NEGATED, _normalised, answered

__all__ = [
    "DOMINANT_MIN",
    "DOMINANT_SHARE",
    "SPLIT_MARKS",
    "Dominant",
    "dominant_theme",
    "split_rows",
    "split_yaml",
]

#: A theme that holds more than this share (percent) of the tagged comments is proposed for a
#: split. Measured on 89 units of 11 exports: the top theme of a unit held 20–54 % of its
#: tagged comments everywhere but in the hotels on ``generic`` (QA26: 75–78 %, QA21: 54–63 %);
#: over unit-months with 30 or more tagged comments, 5 of 506 outside the hotels passed 60 %.
DOMINANT_SHARE = 60.0
#: Fewer tagged comments than this say too little about how they are shared out.
DOMINANT_MIN = 30
#: A split needs two recurring words at least: one ("minutes" in a telco's speed comments,
#: which patterns find in many wordings) names no second topic to split off.
_MIN_PHRASES = 2


#: The comment on the split theme's line in :func:`split_yaml` (init looks for it).
SPLIT_MARKS: dict[str, str] = {
    "en": "these words go to the new themes below",
    "ja": "これらの言葉は下の新しいテーマへ",
}


#: The note on a proposed theme's label: its other language's name is the word until rewritten.
_LABEL_NOTES: dict[str, dict[str, str]] = {
    "en": {
        "en": "en: write its English name (both ja and en are required)",
        "ja": "ja: write its Japanese name (both ja and en are required)",
    },
    "ja": {
        "en": "en: 英語の表示名に書き換え（ja・en とも必須）",
        "ja": "ja: 日本語の表示名に書き換え（ja・en とも必須）",
    },
}


@dataclass(frozen=True)
class Dominant:
    """A theme that holds most tagged comments (see :func:`dominant_theme`).

    Attributes
    ----------
    theme
        The theme (id and labels).
    count
        Comments tagged with it.
    tagged
        Comments tagged with any theme.
    share
        ``count`` in percent of ``tagged``.
    phrases
        Its most frequent matched phrases, most frequent first: ``phrase`` (as written most
        often), ``lang``, ``count`` (comments of the theme containing it) and ``example``
        (the shortest such comment).
    unmatched
        Of ``count``, the comments in which no word or pattern of the theme matched: the
        learned layer tagged them.
    layer_phrases
        When fewer than two of the theme's words recur: the most frequent phrases of the
        ``unmatched`` comments (same columns as ``phrases``), so that a user learns what the
        layer filed under the theme; else empty.
    """

    theme: Theme
    count: int
    tagged: int
    share: float
    phrases: pd.DataFrame
    unmatched: int = 0
    layer_phrases: pd.DataFrame = field(
        default_factory=lambda: pd.DataFrame(columns=["phrase", "lang", "count", "example"])
    )


def _matched(theme: Theme, text: str) -> list[str]:
    """Return every stretch of a normalised comment that ``theme`` matches (and its lemmas')."""
    blanked = text if theme.exclude is None else theme.exclude.sub(" ", text)
    found = [_whole(blanked, *m.span()) for m in theme.pattern.finditer(blanked)]
    lemmas = lemma_text(blanked)
    found += [_whole(lemmas, *m.span()) for m in theme.pattern.finditer(lemmas)]
    return [m.strip() for m in found if m.strip()]


@paused
def dominant_theme(
    texts: pd.Series,
    book: ThemeBook,
    *,
    share: float = DOMINANT_SHARE,
    min_tagged: int = DOMINANT_MIN,
    top: int = 8,
    min_count: int = 2,
) -> Dominant | None:
    """Find a theme that holds more than ``share`` % of the tagged comments, and its phrases.

    Parameters
    ----------
    texts
        Comments (a unit's, or a period's).
    book
        The themes in use.
    share
        The share (percent of the comments with a theme) above which a theme is returned.
    min_tagged
        With fewer comments tagged, ``None``.
    top
        How many phrases to list at most.
    min_count
        Phrases found in fewer of the theme's comments are not listed.

    Returns
    -------
    Dominant or None
        The theme, its counts and the phrases that found it most often: phrases of the
        discovery code (:func:`nps_kit.text.discovery.uncovered_phrases`' lemma n-grams)
        made of the words the theme matched in each comment ("room", "breakfast", "Wi-Fi";
        部屋, 朝食), each with a count and an example; ``None`` when no theme holds that much.
    """
    tags = tag_themes(texts, book)
    said = answered(texts).to_numpy(dtype=bool)
    wide = tags.fillna(False).to_numpy(dtype=bool) & said[:, None]
    any_theme = wide.any(axis=1)
    tagged = int(any_theme.sum())
    if tagged < min_tagged or not len(book.themes):
        return None
    counts = wide.sum(axis=0)
    j = int(np.argmax(counts))
    held = 100.0 * int(counts[j]) / tagged
    if held <= share:
        return None
    theme = book.themes[j]
    mine = texts[wide[:, j]].astype(str)

    literal = {"en": set(theme.keywords_en), "ja": set(theme.keywords_ja)}
    seen: dict[str, list[str]] = {}  # each comment's matches, read for its words and the layer's

    def matched(text: str) -> list[str]:
        if text not in seen:
            seen[text] = _matched(theme, _normalised(text))
        return seen[text]

    def own(text: str, lang: str, phrases: dict[str, str]) -> dict[str, str]:
        # The theme's own keywords where they matched this comment: the longest at each place
        # (待ち時間, not 待ち), not the words a pattern spans ("the room was spotless").
        hits = literal[lang].intersection(matched(text))
        if lang == "en":
            return {
                key: shown
                for key, shown in phrases.items()
                if key.removeprefix(NEGATED) in hits or shown.casefold() in hits
            }
        # Japanese phrases are counted by their wording: two lemma readings of 待ち時間 are one.
        return {shown: shown for shown in phrases.values() if shown in hits}

    found = _frequent_phrases(mine, top=top, min_count=min_count, keep=own)
    # The learned layer tags comments with none of the theme's words (QA: a Japanese hotel's
    # 朝食会場, シャワー and アメニティ comments under Quality): their phrases say what it filed.
    # Once per distinct comment (exports repeat a lot).
    bare = {text for text in set(mine) if not matched(text)}
    layer = mine[mine.isin(bare)]
    recurring = (
        _frequent_phrases(layer, top=top, min_count=min_count)
        if len(found) < _MIN_PHRASES and len(layer)
        else None
    )
    return Dominant(
        theme,
        int(counts[j]),
        tagged,
        held,
        found,
        len(layer),
        *([] if recurring is None else [recurring]),
    )


def _theme_id(phrase: str, base: str, taken: set[str]) -> str:
    """Return a theme id for a phrase: its ASCII letters ("wi_fi"), else ``base_2`` and on."""
    stem = re.sub(r"[^a-z0-9]+", "_", phrase.casefold()).strip("_")
    if not stem or not stem[0].isalpha():
        stem = base
    name, n = stem, 2
    while name in taken:
        name, n = f"{stem}_{n}", n + 1
    taken.add(name)
    return name


def _quoted(text: str) -> str:
    """Return ``text`` as a single-quoted YAML scalar."""
    return "'" + text.replace("'", "''") + "'"


def _exclude_pattern(phrase: str, lang: str) -> str:
    """Return a pattern that blanks ``phrase`` for the theme it leaves (English plurals too)."""
    if lang == "ja":
        return re.escape(phrase)
    return rf"\b{re.escape(lemma_text(phrase.casefold()))}(s|es)?\b"


def split_yaml(dominant: Dominant, *, lang: Language = "en") -> str:
    """Return the lines a user pastes under ``themes:`` of a file that extends the pack.

    Each listed phrase becomes a theme of its own (its count and example in a comment), and
    the dominant theme excludes them, so a comment about the room is tagged Room, not Quality.

    Parameters
    ----------
    dominant
        From :func:`dominant_theme`.
    lang
        Language of the comments in the snippet.

    Returns
    -------
    str
        YAML text, two spaces deep (under ``themes:``), without a trailing newline; empty
        when fewer than two phrases were found (one names no second topic).
    """
    phrases = dominant.phrases
    if len(phrases) < _MIN_PHRASES:
        return ""
    theme = dominant.theme
    taken = {theme.id}
    excluded: dict[str, list[str]] = {"ja": [], "en": []}
    blocks: list[str] = []
    for phrase, of, count, example in phrases.itertuples(index=False):
        excluded[of].append(_quoted(_exclude_pattern(phrase, of)))
        name = _theme_id(phrase if of == "en" else "", theme.id, taken)
        said = " ".join(example.split())
        said = said if len(said) <= 60 else said[:59] + "…"
        note = f"{count}件、例：「{said}」" if lang == "ja" else f'{count} comments, e.g. "{said}"'
        label = phrase[:1].upper() + phrase[1:] if of == "en" else phrase
        # A label needs both names (themes.yaml: "display names (both required)"); the word
        # is one language's, so the other's stands in until the user writes it (FIX54: 朝食
        # as the English name of a Japanese theme, unsaid).
        other = "en" if of == "ja" else "ja"
        blocks.append(
            f"  {name}:  # {note}\n"
            f"    label: {{ja: {_quoted(label)}, en: {_quoted(label)}}}"
            f"  # {_LABEL_NOTES[lang][other]}\n"
            f"    keywords: {{{of}: [{_quoted(phrase.casefold() if of == 'en' else phrase)}]}}"
        )
    head = f"  {theme.id}:  # {SPLIT_MARKS[lang]}"
    lines = [head, "    exclude:"]
    lines += [f"      {of}: [{', '.join(items)}]" for of, items in excluded.items() if items]
    return "\n".join([*lines, *blocks])


def split_rows(texts: pd.Series, book: ThemeBook, *, lang: Language) -> list[tuple[str, str]]:
    """Return the data-quality row that proposes splitting a dominant theme (or none).

    Parameters
    ----------
    texts
        The comments of the report's period.
    book
        The themes in use.
    lang
        Language of the row.

    Returns
    -------
    list of (str, str)
        ``(item, value)``: one row naming the theme, its share of the tagged comments and its
        most frequent words with their counts (no example: the report quotes comments only
        masked, :mod:`nps_kit.text.redaction`); none when no theme holds that much or fewer
        than two of its words recur (as :func:`split_yaml`).
    """
    from nps_kit.i18n import t

    found = dominant_theme(texts, book, top=5)
    if found is None or len(found.phrases) < _MIN_PHRASES:
        return []
    listed = ", " if lang == "en" else "、"
    phrases = listed.join(
        t("discovery.split_one", lang, phrase=p, n=f"{n:,}")
        for p, n in zip(found.phrases["phrase"], found.phrases["count"], strict=True)
    )
    value = t(
        "discovery.split_value",
        lang,
        theme=found.theme.label(lang),
        share=found.share,
        tagged=f"{found.tagged:,}",
        phrases=phrases or "—",
    )
    return [(t("discovery.split", lang), value)]
