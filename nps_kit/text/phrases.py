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

import heapq
import itertools
import re
from collections import Counter
from functools import lru_cache

import numpy as np
import pandas as pd

from nps_kit.text._collector import paused
from nps_kit.text.discovery import (
    _en_comment_grams,
    _en_comment_phrases,
    _lemma,
    _surfaces,
    shown_phrase,
)
from nps_kit.text.languages import other_language
from nps_kit.text.tokens import (
    _distinct,
    _language_of,
    _map_unique,
    _normalised,
    _tagger,
    _tokens,
    answered,
)

__all__ = ["PHRASE_COLUMNS", "segment_phrases"]

PHRASE_COLUMNS: tuple[str, ...] = ("segment", "phrase", "count", "share", "example")
_EXAMPLE_CHARS = 80
#: A wording of a noun negated with nothing between (料金ない for 追加料金もなく, 在庫ない for
#: 在庫がない): Japanese never writes it so, so the table shows the stretch written instead.
#: A verb's or adjective's plain negative (停められない, 電話つながらない) stays as worded.
_NOUN_NAI = re.compile(r"[一-鿿々ァ-ヺーA-Za-z0-9]ない$")


#: English words that name nothing on their own, by lemma: a phrase of one of them alone is not
#: listed ("took", "behind", "day" set QA22's detractors apart and told a manager nothing), while
#: the 2–3-word phrases they stand in are ("took three weeks", "behind the counter"). They are
#: the closed classes the stop words leave (prepositions and adverbs of place, time, degree and
#: frequency, indefinite pronouns, number words), the light verbs that take their meaning from
#: their object (take, get, say, use …), and bare measures of time and people in general.
#: Only the listing reads them: themes, polarity and discovery never do. Compared by lemma, as
#: the phrases are counted ("always" is counted as "alway").
_LIGHT_EN = tuple(
    """
    behind without within though although back always never finally exactly twice almost
    actually probably maybe usually sometimes often else instead enough less least either
    neither besides across around along via per upon toward towards beyond among whether unless
    despite except later soon today yesterday tomorrow tonight whole half nothing nobody none
    anyone anybody anything everyone everybody everything someone somebody something anywhere
    everywhere somewhere nowhere another several many first second third last next new real
    sure able two three four five six seven eight nine ten dozen hundred thousand honestly
    basically literally definitely obviously clearly simply totally completely especially
    generally normally currently constantly eventually
    take get say ask tell give put keep seem try want need use know think see look find happen
    feel start buy arrive leave work do show send suppose like
    day week month year hour minute min time moment while
    kind sort part people person guy man woman lady chap stuff side end case reason fact
    """.split()
)
#: Japanese words that name nothing alone, as :data:`_LIGHT_EN`: everyday verbs (買う, 届く …) and
#: nouns of people or presence (人, なし). Nouns of time and counters (日, 時間, 今日, 以前:
#: unidic's 副詞可能 and 助数詞可能) are found by their part of speech.
_LIGHT_JA = frozenset(
    """
    人 なし 無し 方 他 全部 全て 自分 最初 最後 前 後 次 一番 今回 毎回 利用 使う 使える 買う
    届く 頼む 変わる 分かる わかる 分からない わからない 入る 出る 持つ 取る 違う 感じる 見える
    聞く 書く 送る 多い 少ない 助かる
    """.split()
)
#: unidic's parts of speech of a noun of time or a counter (日, 今日, 時間, 以前).
_JA_WHEN = ("副詞可能", "助数詞可能")


@lru_cache(maxsize=4096)
def _light_ja(word: str) -> bool:
    """Whether a Japanese word names nothing alone (:data:`_LIGHT_JA`, a time or counter noun)."""
    if word in _LIGHT_JA or (word.endswith("ない") and word[:-2] in _LIGHT_JA):
        return True
    parts = list(_tagger()(word))
    if not parts:
        return False
    # A number before a counter (一日, 三週間) is a measure of time too.
    last = parts[-1].feature
    measure = all(p.feature.pos2 == "数詞" for p in parts[:-1])
    return measure and last.pos1 == "名詞" and last.pos3 in _JA_WHEN


@lru_cache(maxsize=1)
def _light_en() -> frozenset[str]:
    # Each word as the phrases count it: its token (plurals folded) and that token's lemma.
    tokens = [t for word in _LIGHT_EN for t in _tokens(word, "en")]
    return frozenset(_LIGHT_EN) | frozenset(map(_lemma, tokens))


def _names_something(phrase: str, single: bool, lang: str) -> bool:
    """Whether a phrase is worth listing: of several words, or one word that names something."""
    if not single:
        return True
    return phrase not in _light_en() if lang == "en" else not _light_ja(phrase)


def _phrase_sets(texts: pd.Series) -> pd.Series:
    """One dict phrase → wording per comment (empty for a comment in no known language).

    A Japanese phrase of several lemmas counts only where it is written as one stretch of the
    comment (配送状況 in 配送状況が…, 電話つながらない in 電話つながらない), not across a clause
    (遅い + 注文 in 遅い。注文から…), which a reader could not recognise. Phrases are counted by
    lemma and keep their wording in the comment, which the table shows: English as written,
    Japanese in the writer's kanji or kana with potential and negation kept (停められない for
    停められなかった, counted with 止められない).
    """
    return _map_unique(texts, _phrases_of, missing={})


def _phrases_of(raw: str, *, worded: bool = True) -> dict[str, str]:
    """Return the phrases of one comment as written (see :func:`_phrase_sets`).

    Without ``worded``, an English comment's phrases are only to be counted: their values are
    no wording (:func:`~nps_kit.text.discovery._en_comment_grams`).
    """
    lang = _language_of(raw)
    if lang is None or (lang == "en" and other_language(raw) is not None):
        return {}  # no letters, or a language no pack reads ("der", "la" are no phrases)
    if lang == "en":  # shared with discovery, which reads the comments no theme covers
        found = _en_comment_phrases(raw) if worded else _en_comment_grams(raw)
        return {g: w for g, w in found.items() if _names_something(g, " " not in g, "en")}
    text = _normalised(raw)
    toks = _tokens(raw, None)
    grams = _surfaces(list(toks), lang, text)
    single = set(toks)
    return {
        g: w
        for g, w in grams.items()
        if (g in single or g in text or w in text) and _names_something(g, g in single, lang)
    }


def _readable_ja(raw: str, phrases: dict[str, str]) -> dict[str, str]:
    """Return a Japanese comment's phrase wordings with a negated noun as it stands in it.

    QA19: 「追加料金もなく安心できました」 was listed as 料金ない, which no one wrote; it reads
    料金もなく (the stretch of the comment, :func:`~nps_kit.text.discovery._surfaces`).
    """
    if not any(_NOUN_NAI.search(w) for w in phrases.values()):
        return phrases
    stretched = _surfaces(list(_tokens(raw, None)), "ja", _normalised(raw), stretches=True)
    return {g: stretched.get(g, w) if _NOUN_NAI.search(w) else w for g, w in phrases.items()}


def _distinct_phrases(
    texts: pd.Series, memo: dict[str, dict[str, str]]
) -> tuple[list[str], list[dict[str, str]], list[int]]:
    """Return the distinct comments (in order of first appearance), their phrases and counts.

    Each distinct comment is read once (as written: "Web" and "web" are worded apart, counted
    together; ``memo`` keeps what was read, for the other segment) and stands for every time
    it was written. An English comment's phrases are read to be counted, not worded
    (``_phrases_of(worded=False)``): the wordings of the few listed phrases are read apart.
    """
    codes, uniques = _distinct(texts)
    times = np.bincount(codes[codes >= 0], minlength=len(uniques)).tolist()
    found = []
    for raw in uniques.tolist():
        phrases = memo.get(raw)
        if phrases is None:
            phrases = memo[raw] = _phrases_of(raw, worded=False)
        found.append(phrases)
    return uniques.tolist(), found, times


def _weighted_counts(found: list[dict[str, str]], times: list[int]) -> Counter[str]:
    """Count in how many comments each phrase is: each distinct comment's as often as written."""
    each = itertools.chain.from_iterable(map(itertools.repeat, found, times))
    return Counter(itertools.chain.from_iterable(each))


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
    # Per distinct comment, each weighted by the times it was written (comments repeat).
    memo: dict[str, dict[str, str]] = {}
    read = {name: _distinct_phrases(group, memo) for name, group in groups.items()}
    counts = {name: _weighted_counts(read[name][1], read[name][2]) for name in labels}
    sizes = {name: len(groups[name]) for name in labels}

    rows: list[dict[str, object]] = []
    for side, name in enumerate(labels):
        other = labels[1 - side]
        mine, theirs = counts[name], counts[other]
        size, other_size = sizes[name], sizes[other]
        # Largest difference first, then the more frequent, then the longer phrase: taken
        # from a heap until ``top`` are kept (most of a unit's phrases are never reached).
        order = []
        for p, c in mine.items():
            if c >= min_count:
                # The share of the segment's comments with the phrase, less the other's.
                diff = c / size - (theirs[p] / other_size if other_size else 0.0)
                if diff > 0:
                    order.append((-diff, -c, -len(p), p))
        heapq.heapify(order)
        uniques, found, times = read[name]
        kept: list[tuple[str, int]] = []
        seen: set[frozenset[int]] = set()
        postings: dict[str, list[int]] = {}
        while order and len(kept) < top:
            _, negative, _, phrase = heapq.heappop(order)
            # The distinct comments the phrase is in. Phrases found in exactly the same
            # comments ("配送", "配送状況"; "egress cost", "egress cost crazy") say one thing:
            # the first, longest, stands for them.
            postings[phrase] = [i for i, phrases in enumerate(found) if phrase in phrases]
            where = frozenset(postings[phrase])
            if where in seen:
                continue
            seen.add(where)
            kept.append((phrase, -negative))
        for phrase, count in kept:
            wordings: Counter[str] = Counter()
            for i in postings[phrase]:
                raw = uniques[i]
                worded = (
                    _en_comment_phrases(raw)
                    if _language_of(raw) == "en"
                    else _readable_ja(raw, found[i])
                )
                wordings[worded[phrase]] += times[i]
            rows.append(
                {
                    "segment": name,
                    "phrase": shown_phrase(wordings),
                    "count": count,
                    "share": 100.0 * count / size,
                    # The shortest comment, the first written of equal ones.
                    "example": _example([uniques[i] for i in postings[phrase]]),
                }
            )
    return pd.DataFrame(rows, columns=list(PHRASE_COLUMNS))
