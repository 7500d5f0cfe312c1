"""The phrases that set two segments' comments apart, each with an example a manager can read.

:func:`segment_phrases` lists, for detractors and for promoters, the phrases (one- to three-word
lemma n-grams, as in :mod:`nps_kit.text.discovery`) that are typical of that segment's comments
rather than the other's, with how many of the segment's comments contain them and the shortest
such comment as an example. A phrase is typical of a segment by how much larger the share of
its comments containing the phrase is than that share in the other segment: a difference a
reader can check, unlike the z-scores of :func:`nps_kit.text.distinguishing_words` (kept for
analysts).
"""

from __future__ import annotations

import itertools
from collections import Counter

import pandas as pd

from nps_kit.text._collector import paused
from nps_kit.text.discovery import _surfaces, as_written, shown_phrase
from nps_kit.text.tokens import _language_of, _map_unique, _normalised, _tokens, answered

__all__ = ["PHRASE_COLUMNS", "segment_phrases"]

PHRASE_COLUMNS: tuple[str, ...] = ("segment", "phrase", "count", "share", "example")
_EXAMPLE_CHARS = 80


def _phrase_sets(texts: pd.Series) -> pd.Series:
    """One dict phrase → wording per comment (empty for a comment in no known language).

    A Japanese phrase of several lemmas counts only where it is written as one stretch of the
    comment (配送状況 in 配送状況が…, 電話つながらない in 電話つながらない), not across a clause
    (遅い + 注文 in 遅い。注文から…), which a reader could not recognise. Phrases are counted by
    lemma and keep their wording in the comment, which the table shows: English as written,
    Japanese in the writer's kanji or kana with potential and negation kept (停められない for
    停められなかった, counted with 止められない).
    """
    # Once per distinct text (as written: "Web" and "web" are worded apart, counted together).
    seen: dict[str, dict[str, str]] = {}

    def phrases_of(raw: str) -> dict[str, str]:
        lang = _language_of(raw)
        if lang is None:
            return {}
        text = _normalised(raw)
        grams = seen.get(raw)
        if grams is None:
            toks = _tokens(raw, None)
            grams = _surfaces(
                list(toks), lang, text, as_written(raw, text) if lang == "en" else None
            )
            if lang == "ja":
                single = set(toks)
                grams = {g: w for g, w in grams.items() if g in single or g in text or w in text}
            seen[raw] = grams
        return grams

    return _map_unique(texts, phrases_of, missing={})


def _example(texts: list[str]) -> str:
    """Return the shortest of a phrase's comments (the first of equal length), shortened."""
    text = " ".join(min(texts, key=len).split())
    if len(text) > _EXAMPLE_CHARS:
        text = text[: _EXAMPLE_CHARS - 1].rstrip() + "…"
    return text


@paused
def segment_phrases(
    texts: pd.Series,
    segments: pd.Series,
    *,
    labels: tuple[str, str] = ("detractor", "promoter"),
    top: int = 5,
    min_count: int = 3,
) -> pd.DataFrame:
    """Find each of two segments' most typical phrases, with a count and an example.

    Parameters
    ----------
    texts
        Comments (already redacted when they will be shown).
    segments
        Segment of each comment's respondent (same index as ``texts``).
    labels
        The two segments to compare, e.g. ``("detractor", "promoter")``.
    top
        Most phrases per segment.
    min_count
        Fewest comments of the segment that must contain a phrase.

    Returns
    -------
    pandas.DataFrame
        ``segment`` (``labels[0]`` rows first), ``phrase`` (counted by lemma, shown in the
        segment's most frequent wording of it), ``count`` (the segment's comments
        containing it), ``share`` (percent of the segment's comments) and ``example`` (the
        shortest such comment, at most 80 characters). Within a segment the most typical phrase
        comes first; of phrases found in exactly the same comments only the longest is listed.

    Raises
    ------
    ValueError
        If ``top`` or ``min_count`` is below 1.
    """
    if top < 1:
        raise ValueError(f"top must be at least 1, got {top!r}")
    if min_count < 1:
        raise ValueError(f"min_count must be at least 1, got {min_count!r}")
    said = answered(texts).to_numpy(dtype=bool)
    seg = segments.reindex(texts.index).astype("object").to_numpy(dtype=object)
    groups = {name: texts[said & (seg == name)].astype(str) for name in labels}
    if any(group.empty for group in groups.values()):
        # "Typical of detractors" means nothing without promoters' comments to compare with:
        # the report then says there is not enough text (issue 9, degenerate inputs).
        return pd.DataFrame([], columns=list(PHRASE_COLUMNS))
    sets = {name: _phrase_sets(group).to_numpy(dtype=object) for name, group in groups.items()}
    counts = {name: Counter(itertools.chain.from_iterable(sets[name])) for name in labels}
    sizes = {name: len(groups[name]) for name in labels}

    def share(phrase: str, who: str) -> float:
        return counts[who][phrase] / sizes[who] if sizes[who] else 0.0

    rows: list[dict[str, object]] = []
    for side, name in enumerate(labels):
        other = labels[1 - side]
        candidates = [
            (share(p, name) - share(p, other), c, p)
            for p, c in counts[name].items()
            if c >= min_count and share(p, name) > share(p, other)
        ]
        # Largest difference first, then the more frequent, then the longer phrase.
        candidates.sort(key=lambda x: (-x[0], -x[1], -len(x[2]), x[2]))
        kept: list[tuple[str, int]] = []
        seen: set[frozenset[int]] = set()
        # The comments each candidate is in, found in one pass rather than one per candidate.
        postings: dict[str, list[int]] = {p: [] for _, _, p in candidates}
        for i, found in enumerate(sets[name]):
            for p in postings.keys() & found.keys():
                postings[p].append(i)
        for _, count, phrase in candidates:
            # Phrases found in exactly the same comments ("配送", "配送状況"; "egress cost",
            # "egress cost crazy") say one thing: the first, longest, stands for them.
            where = frozenset(postings[phrase])
            if where in seen:
                continue
            seen.add(where)
            kept.append((phrase, int(count)))
            if len(kept) == top:
                break
        size = sizes[name]
        texts_of = groups[name].to_numpy(dtype=object)
        rows.extend(
            {
                "segment": name,
                "phrase": shown_phrase(Counter(sets[name][i][phrase] for i in postings[phrase])),
                "count": count,
                "share": 100.0 * count / size,
                "example": _example([str(texts_of[i]) for i in postings[phrase]]),
            }
            for phrase, count in kept
        )
    return pd.DataFrame(rows, columns=list(PHRASE_COLUMNS))
