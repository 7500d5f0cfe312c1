"""What no theme covers: the share of comments without a theme and their frequent phrases.

Phrases are n-grams (one to three words) of content-word lemmas — fugashi/UniDic lemmas for
Japanese (:func:`nps_kit.text.tokenise`), simplemma lemmas for English, a negated word kept
negated (つながらない is 繋がらない, "can't log in" ``not log``) — counted once per
comment, so an analyst sees which topics to add to a themes file, each with an example. Phrases
are shown in the words of the comments (the most frequent wording), not as lemmas: a Japanese one
as the stretch of the comment it spans (可もなく不可もなく). Single words that only judge ("great",
"残念") and Japanese fillers (かな) are not listed.
"""

from __future__ import annotations

import heapq
import re
from collections import Counter
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from nps_kit.i18n import Language, join_names, t
from nps_kit.text import _lexicon
from nps_kit.text._collector import paused
from nps_kit.text._ja_places import ja_places
from nps_kit.text._lemma import lemma, lemma_text
from nps_kit.text._match import matcher
from nps_kit.text.explain import matched_words
from nps_kit.text.languages import comment_languages, language_name, other_language
from nps_kit.text.themes import ThemeBook, _learned_layer, _unread_hits
from nps_kit.text.tokens import (
    NEGATED,
    _en_spans,
    _language_of,
    _normalised,
    _normalised_codes,
    _tokens,
    answered,
    ja_token_words,
)

__all__ = ["LOW_COVERAGE", "Uncovered", "text_quality", "uncovered_phrases"]

#: Between two English words, what ends a clause: a phrase does not run across it ("car park
#: view. Never again" gives "park view" and "never", not "park view never"). A full stop needs
#: a space or the end after it, so "£6.99" does not cut.
#: An emoji or pictograph ends one too, as a full stop does (QA27: "remembers my order 😊 Pretty
#: good" gave "order 😊 Pretty"): a sentence often ends with one and no full stop.
_EMOJI = "\u2190-\u21ff\u2300-\u23ff\u2600-\u27bf\u2b00-\u2bff\U0001f000-\U0001faff"
_CLAUSE_BREAK = re.compile(rf"[.,;:!?…]+(?:\s|$)|[()\[\]{{}}\"“”{_EMOJI}]|\s[-–—]+\s|\n")
#: What ends a clause in a normalised Japanese comment (NFKC makes ！？ into !?).
_JA_CLAUSE_BREAK = re.compile(rf"[。、!?…「」『』()\n{_EMOJI}]+")


@dataclass(frozen=True)
class Uncovered:
    """Comments that no theme covers (see :func:`uncovered_phrases`).

    Attributes
    ----------
    comments
        Comments that say something (:func:`nps_kit.text.answered`).
    uncovered
        Of these, comments in which no theme's words are found (the dictionaries alone): the
        comments whose phrases are listed, since their words are what the themes lack.
    share
        ``uncovered`` in percent of ``comments`` (NaN without comments).
    untagged
        Of ``comments``, those without a theme as :func:`nps_kit.text.tag_themes` tags them:
        fewer than ``uncovered`` where the book's learned layer adds themes (a shipped pack,
        or a file that extends one), the same otherwise.
    phrases
        One row per frequent phrase, most frequent first: ``phrase`` (counted by lemma,
        shown in its most frequent wording: "meter ate my coins"), ``lang``, ``count``
        (uncovered comments containing it) and ``example`` (the shortest such comment).
    unread
        Of the ``uncovered``, how many are in each language no pack reads
        (:func:`nps_kit.text.languages.comment_languages`), most first: their phrases are not
        listed (QA29 F9: two thirds of an insurer's were Spanish, said nowhere).
    """

    comments: int
    uncovered: int
    share: float
    phrases: pd.DataFrame
    untagged: int
    unread: dict[str, int] = field(default_factory=dict)


def _grams(tokens: list[str], lang: str) -> set[str]:
    return set(_surfaces(tokens, lang))


#: What ends a sentence: the next word's capital is the sentence's, not the word's.
_SENTENCE_ENDS = ".!?…"


def as_written(raw: str, text: str) -> str:
    """Return the comment ``raw`` in the case it was written, character for character ``text``.

    ``text`` is ``raw`` normalised (NFKC, case-folded, white space collapsed: what phrases are
    found and counted in); the result has ``text``'s characters at the same places, in their
    written case, so a phrase found at a place of ``text`` reads there as the respondent wrote
    it ("Web", "NHS", "Dr Patel"). A capital a sentence starts with is not the word's own
    ("Staff were rude" writes "staff"); a word written so mid-sentence keeps it. Where case
    folding changes a length (ß is ss) the places would not match: ``text`` is returned.
    """
    import unicodedata

    cased = " ".join(unicodedata.normalize("NFKC", raw).split())
    if len(cased) != len(text) or cased.casefold() != text:
        return text
    if cased == text and cased.isascii():  # no capital: nothing to put back (most comments)
        return text
    # Only a word that starts the comment or follows a sentence's end can lose its capital:
    # words stand one space apart, so the character before a word's space ends the last word.
    chars: list[str] | None = None
    for word in _SENTENCE_START.finditer(cased):
        written = word.group()
        if written[:1].isupper() and written[1:] == written[1:].lower() and written != "I":
            if chars is None:
                chars = list(cased)
            chars[word.start()] = written[0].lower()
    return cased if chars is None else "".join(chars)


#: A word that starts a sentence of a comment whose words stand one space apart.
_SENTENCE_START = re.compile(rf"(?:^|(?<=[{re.escape(_SENTENCE_ENDS)}] ))\S+")


def _surfaces(
    tokens: list[str],
    lang: str,
    text: str | None = None,
    written: str | None = None,
    *,
    stretches: bool = False,
) -> dict[str, str]:
    """Return each phrase of a comment (lemma n-gram) with its wording in the comment.

    Phrases are counted by lemma ("meter eat coin") but shown as written ("meter ate my
    coins"): for English, given the normalised ``text``, the wording runs from the phrase's
    first word to its last as they stand in it, in their written case when ``written``
    (:func:`as_written`) is given ("Web app", counted with "web app"). Japanese phrases, given
    ``text``, are shown in the writer's kanji or kana, in dictionary or plain negative form
    (停められない for the comment's 停められなかった, counted as 止められない;
    :func:`~nps_kit.text.tokens.ja_token_words`), else in the tokens' forms; with
    ``stretches``, as the stretch of ``text`` from its first word to its last (可もなく不可もなく,
    not 可ない不可ない), as the phrases of what no theme covers are shown. An English
    phrase does not run across a clause break of ``text`` (:data:`_CLAUSE_BREAK`).
    """
    english = lang == "en"
    words = list(map(_lemma, tokens)) if english else tokens
    judges = _judges_en if english else _judges_ja
    spans = _en_spans(text) if english and text is not None else None
    if spans is not None and len(spans) != len(words):
        spans = None  # tokens of another text: show the lemmas
    # One-, two-, then three-word phrases, in that order: with English text, a later wording of
    # a phrase replaces an earlier one; otherwise the first stays.
    # A judgement alone ("great", "残念"), negated or not ("not great", "痛くない"), names no
    # topic to add to the themes.
    out: dict[str, str] = {}
    n = len(words)
    if spans is None or text is None:
        shown = words  # the wording of each word: the token itself, or as written (Japanese)
        places = None
        if lang == "ja" and text is not None:
            pairs = ja_token_words(text)
            if [token for token, _ in pairs] == list(tokens):  # else tokens of another text
                shown = [wording for _, wording in pairs]
                places = ja_places(text, shown) if stretches else None
        joiner = " " if english else ""
        if places is not None and text is not None:
            # Japanese: the stretch of the comment from the first word to the last, as written
            # (可もなく不可もなく, not 可ない不可ない; パーソナルトレーニングで5kg痩せました).
            # Tokens written together, the second not in hiragana (定期便, 買い忘れ; not
            # シミュレーションどおり), are one word: a phrase of two or three starts and ends at
            # the edge of one (QA27: 便で買い忘れがなく, 定期便で買い).
            glued = [
                places[k][1] == places[k + 1][0] and not _HIRAGANA.match(text, places[k + 1][0])
                for k in range(n - 1)
            ]
            for size in (1, 2, 3):
                for i in range(n - size + 1):
                    cut = (i and glued[i - 1]) or (i + size < n and glued[i + size - 1])
                    if size > 1 and cut:
                        continue
                    key = "".join(words[i : i + size])
                    if key not in out and not (size == 1 and (judges(key) or key in _JA_FILLERS)):
                        stretch = text[places[i][0] : places[i + size - 1][1]]
                        # never a masked e-mail or phone ([PHONE]) inside a phrase
                        out[key] = "".join(shown[i : i + size]) if "[" in stretch else stretch
            return out
        for word, wording in zip(words, shown, strict=True):
            if word not in out and not judges(word) and word not in _JA_FILLERS:
                out[word] = wording
        for i in range(n - 1):
            out.setdefault(words[i] + joiner + words[i + 1], shown[i] + joiner + shown[i + 1])
        for i in range(n - 2):
            out.setdefault(
                words[i] + joiner + words[i + 1] + joiner + words[i + 2],
                shown[i] + joiner + shown[i + 1] + joiner + shown[i + 2],
            )
        return out
    starts = [start for _, start, _ in spans]
    ends = [end for _, _, end in spans]
    # joined[i]: no clause ends between word i and word i + 1 (one space never ends one)
    joined = [
        (a + 1 == b and text[a] == " ") or _CLAUSE_BREAK.search(text, a, b) is None
        for a, b in zip(ends, starts[1:], strict=False)
    ]
    shown_text = written if written is not None and len(written) == len(text) else text
    for word, a, b in zip(words, starts, ends, strict=True):
        if not judges(word):
            out[word] = shown_text[a:b]
    for i, ok in enumerate(joined):
        if ok:
            out[words[i] + " " + words[i + 1]] = shown_text[starts[i] : ends[i + 1]]
    for i in range(n - 2):
        if joined[i] and joined[i + 1]:
            three = words[i] + " " + words[i + 1] + " " + words[i + 2]
            out[three] = shown_text[starts[i] : ends[i + 2]]
    return out


_HIRAGANA = re.compile(r"[\u3041-\u309f]")

#: Japanese words that name no topic, left out as a phrase of their own (まあまあかな).
_JA_FILLERS = frozenset(("仮名", "何か", "思う", "感じ", "以上"))


@lru_cache(maxsize=65536)  # a comment's tokens recur in many others
def _lemma(token: str) -> str:
    """Return the lemma of an English token, negated ones too (``not arrived`` → ``not arrive``)."""
    if token.startswith(NEGATED):
        return NEGATED + lemma(token.removeprefix(NEGATED))
    return lemma(token)


def _judges(word: str, judgements: Mapping[str, float]) -> bool:
    """Whether a word only judges, negated or not (Japanese stems: 痛くない → 痛く)."""
    if word in judgements:
        return True
    return word.removeprefix(NEGATED) in judgements or (
        word.endswith("ない") and word[:-2] in judgements
    )


@lru_cache(maxsize=65536)  # asked for every word of every comment
def _judges_en(word: str) -> bool:
    return _judges(word, _lexicon.en_lexicon())


@lru_cache(maxsize=65536)
def _judges_ja(word: str) -> bool:
    return _judges(word, _lexicon.ja_lexicon())


@lru_cache(maxsize=32768)  # the typical phrases read a comment, and discovery if no theme covers it
def _en_comment_phrases(raw: str) -> dict[str, str]:
    """Return the phrases of an English comment ``raw`` (as a report passes it) as written.

    :func:`nps_kit.text.phrases.segment_phrases` reads the comments of detractors and promoters,
    :func:`uncovered_phrases` those that no theme covers: a comment of both is read once. Do not
    mutate the result.
    """
    text = _normalised(raw)
    return _surfaces(list(_tokens(raw, None)), "en", text, as_written(raw, text))


@lru_cache(maxsize=32768)
def _en_comment_grams(raw: str) -> dict[str, str]:
    """Return the phrases of an English comment to count: :func:`_en_comment_phrases`' keys.

    Counting needs no wording: the values are the normalised text's (lower case), not shown.
    The typical phrases and discovery read the wording of a listed phrase's comments alone
    (:func:`_en_comment_phrases`), so most comments are never put back in their written case
    (:func:`as_written`). Do not mutate the result.
    """
    return _surfaces(list(_tokens(raw, None)), "en", _normalised(raw))


def _comment_phrases(
    tokens: list[str],
    lang: str,
    text: str,
    raw: str,
    clauses: dict[str, dict[str, str]] | None = None,
) -> dict[str, str]:
    """Return a comment's phrases (:func:`_surfaces`); a Japanese one stays within a clause.

    "予約の電話がつながらない。連絡先は…" gives 予約電話繋がらない and 連絡先, not
    繋がらない連絡先 across the full stop (English phrases stop at a clause break likewise).
    ``raw`` is the comment as written, for the case of English wordings. ``clauses`` keeps the
    phrases of each Japanese clause read, for the next comments (comments repeat clauses).
    """
    if lang != "ja":
        return _surfaces(tokens, lang, text, as_written(raw, text))
    if clauses is None:
        clauses = {}
    out: dict[str, str] = {}
    for clause in _JA_CLAUSE_BREAK.split(text):
        found = clauses.get(clause)
        if found is None:
            words = list(_tokens(clause, "ja"))
            found = clauses[clause] = _surfaces(words, "ja", clause, stretches=True)
        out.update(found)
    return out


def shown_phrase(wordings: Counter[str]) -> str:
    """Return the wording to show for a phrase: the most frequent, then the shortest."""
    return min(wordings.items(), key=lambda kv: (-kv[1], len(kv[0]), kv[0]))[0]


def _frequent_phrases(
    comments: pd.Series,
    *,
    top: int,
    min_count: int,
    keep: Callable[[str, str, dict[str, str]], dict[str, str]] | None = None,
) -> pd.DataFrame:
    """Return the most frequent phrases of ``comments`` (the table of :class:`Uncovered`).

    ``keep(text, lang, phrases)``, if given, returns the phrases of a comment to count.
    """
    # Every phrase is counted; the wordings and the example are read for the listed ones only
    # (most phrases of a unit are written once).
    counts: dict[str, Counter[str]] = {"en": Counter(), "ja": Counter()}
    read: list[tuple[str, int, str, dict[str, str]]] = []  # (text, times, lang, phrases)
    # Once per distinct comment, weighted by how often it was written (exports repeat a lot).
    distinct = comments.astype(str).value_counts(sort=False)
    unique = pd.Series(distinct.index, dtype=object)
    clauses: dict[str, dict[str, str]] = {}  # each Japanese clause's phrases
    for text, times in zip(unique, distinct.to_numpy().tolist(), strict=True):
        lang = _language_of(text)  # as detect_language and normalise read it
        if lang is None or (lang == "en" and other_language(text) is not None):
            continue  # a language no pack reads: its words are no phrases to add (QA26 #19)
        # A Japanese comment's phrases come from its clauses' words: its own are not needed
        # (MeCab would read each comment the phrases of detractors and promoters did not).
        if lang == "en":  # worded below if listed
            found = _en_comment_grams(text)
        else:
            found = _comment_phrases([], lang, _normalised(text), text, clauses)
        if keep is not None:
            found = keep(text, lang, found)
        read.append((text, times, lang, found))
        counts[lang].update(dict.fromkeys(found, times) if times > 1 else found.keys())
    # The most frequent first, then the longer, taken from a heap until ``top`` are kept (most
    # phrases are never reached).
    frequent = [
        (-c, -len(gram), (gram, lang))
        for lang, by in counts.items()
        for gram, c in by.items()
        if c >= min_count
    ]
    heapq.heapify(frequent)
    kept: list[tuple[tuple[str, str], int]] = []
    while frequent and len(kept) < top:
        negative, _, key = heapq.heappop(frequent)
        count = -negative
        if any(
            other_count == count and key[1] == other[1] and key[0] in other[0]
            for other, other_count in kept
        ):
            continue
        kept.append((key, count))
    wordings: dict[tuple[str, str], Counter[str]] = {key: Counter() for key, _ in kept}
    examples: dict[tuple[str, str], str] = {}
    listed = {lang: {gram for gram, of in wordings if of == lang} for lang in counts}
    for text, times, lang, found in read:
        grams = listed[lang] & found.keys()
        if not grams:
            continue
        worded = _en_comment_phrases(text) if lang == "en" else found  # once per listed comment
        for gram in grams:
            key = (gram, lang)
            wordings[key][worded[gram]] += times
            if key not in examples or len(text) < len(examples[key]):
                examples[key] = text
    return pd.DataFrame(
        {
            "phrase": [shown_phrase(wordings[k]) for k, _ in kept],
            "lang": [k[1] for k, _ in kept],
            "count": pd.array([c for _, c in kept], dtype="int64"),
            "example": [" ".join(examples[k].split()) for k, _ in kept],
        }
    )


def _themed(
    texts: pd.Series, book: ThemeBook, *, learned: bool
) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """Return the answered comments and which of them have a theme.

    First whether a theme's words are found in each (the dictionaries alone), then whether it
    has a theme as :func:`nps_kit.text.tag_themes` tags it with ``learned`` (the book's
    learned layer, if any; without ``learned``, the same as the first). Read per distinct
    normalised comment of the whole column: a report has just tagged the same column, whose
    distinct comments, matches and layer result are kept.
    """
    said = answered(texts).to_numpy(dtype=bool)
    codes, normalised = _normalised_codes(texts)
    hits = matcher(book.themes).tag(normalised)
    # The layer gets the matcher's own hits, as tag_themes passes them (its answer is kept).
    found = _learned_layer(book, normalised, hits).found if learned else None
    # A comment not read (another language) has only the analyst's own words: no loan word.
    hits = _unread_hits(book, normalised, hits)
    found = hits if found is None else found
    # One row of False after the distinct comments' rows: where code −1 (no text) points.
    worded = np.append(hits.any(axis=1), False)[codes][said]
    tagged = np.append(found.any(axis=1), False)[codes][said]
    return texts[said], worded, tagged


@paused
def uncovered_phrases(
    texts: pd.Series, book: ThemeBook, *, top: int = 15, min_count: int = 2
) -> Uncovered:
    """Find the share of comments without a theme and the phrases most frequent among them.

    Parameters
    ----------
    texts
        Comments.
    book
        The themes in use.
    top
        How many phrases to list at most.
    min_count
        Phrases found in fewer uncovered comments are not listed.

    Returns
    -------
    Uncovered
        Counts, share and the phrase table. A phrase contained in a longer listed phrase with
        the same count is left out ("配送" when every such comment says "配送 状況").
    """
    comments, worded, tagged = _themed(texts, book, learned=True)
    untagged = int((~tagged).sum())
    rest = comments.iloc[np.flatnonzero(~worded)]
    phrases = _frequent_phrases(rest, top=top, min_count=min_count)
    n = len(comments)
    share = 100.0 * len(rest) / n if n else float("nan")
    return Uncovered(n, len(rest), share, phrases, untagged, _unread_counts(rest))


@paused
def covered_phrases(
    texts: pd.Series, book: ThemeBook, *, top: int = 15, min_count: int = 2
) -> pd.DataFrame:
    """Find the frequent phrases of the comments a theme's words cover, outside those words.

    A unit's own words often stand beside a theme's ("gate code", "deposit", 発電量 in
    comments tagged for staff or price), and :func:`uncovered_phrases`, which reads only the
    comments without any theme's words, never sees them.

    Parameters
    ----------
    texts
        Comments.
    book
        The themes in use.
    top
        How many phrases to list at most.
    min_count
        Phrases found in fewer such comments are not listed.

    Returns
    -------
    pandas.DataFrame
        As :attr:`Uncovered.phrases`, over the comments in which the themes' words (the
        dictionaries alone) find a theme and which keep a theme with the book's learned layer
        (those it leaves without one are :func:`dropped_phrases`'); a phrase that shares a
        word with what matched there
        (:func:`nps_kit.text.explain.matched_words`) is not counted for that comment, nor is
        a single English word (beside a theme's words, mostly a common verb: "said", "took";
        "climate controlled", "loading bay" and "direct debit" are what a unit adds).
    """
    comments, worded, tagged = _themed(texts, book, learned=True)
    covered = comments.iloc[np.flatnonzero(worded & tagged)]
    found = matcher(book.themes)

    def outside(text: str, lang: str, phrases: dict[str, str]) -> dict[str, str]:
        plain = _normalised(text)
        matched = [
            words.removesuffix(" (lemmas)")
            for i in found.find(plain)
            if (words := matched_words(book.themes[i], plain)) is not None
        ]
        if lang == "en":
            taken = {w for m in matched for w in (*m.split(), *lemma_text(m).split())}
            return {
                key: shown
                for key, shown in phrases.items()
                if " " in key and not any(w.removeprefix(NEGATED) in taken for w in key.split(" "))
            }
        return {
            key: shown
            for key, shown in phrases.items()
            if not any(m in key or key in m or m in shown or shown in m for m in matched)
        }

    return _frequent_phrases(covered, top=top, min_count=min_count, keep=outside)


@paused
def dropped_phrases(
    texts: pd.Series, book: ThemeBook, *, top: int = 15, min_count: int = 2
) -> pd.DataFrame:
    """Find the frequent phrases of the comments whose theme words the learned layer overruled.

    A theme's words are found in these comments, but the book's learned layer drops every
    theme they found, so :func:`nps_kit.text.tag_themes` gives them none ("駐車場を用意して
    ほしい" in a clinic's comments, where the layer reads 駐車場 as no usability); neither
    :func:`uncovered_phrases` (no theme's words) nor :func:`covered_phrases` (comments that
    keep a theme) lists them. A unit's themes file that names their words under a new theme
    of its own keeps them (added to a theme of the pack, they are still the layer's to judge).

    Parameters
    ----------
    texts
        Comments.
    book
        The themes in use.
    top
        How many phrases to list at most.
    min_count
        Phrases found in fewer such comments are not listed.

    Returns
    -------
    pandas.DataFrame
        As :attr:`Uncovered.phrases`, over those comments, the theme words included; empty
        for a book without a learned layer.
    """
    comments, worded, tagged = _themed(texts, book, learned=True)
    dropped = comments.iloc[np.flatnonzero(worded & ~tagged)]
    return _frequent_phrases(dropped, top=top, min_count=min_count)


# A pack that tags fewer comments than this (percent) probably fits the unit's business badly.
LOW_COVERAGE = 50.0


@paused
def text_quality(
    texts: pd.Series,
    book: ThemeBook,
    *,
    lang: Language = "ja",
    top: int = 5,
    unscored: pd.Series | None = None,
) -> pd.DataFrame:
    """Data-quality rows for the open text: theme coverage, uncovered phrases, a warning.

    Parameters
    ----------
    texts
        The comments of the report's period.
    book
        The themes in use.
    lang
        Language of the labels (``"ja"`` or ``"en"``).
    top
        How many uncovered phrases to list.
    unscored
        Per comment (same index as ``texts``), whether its score is missing or invalid.
        Such comments count here (every comment of the period is read for themes) but not in
        the follow-up questions' "112 respondents commented" (a comment *and* a valid score):
        when some are, the coverage row says how many, so the two figures reconcile.

    Returns
    -------
    pandas.DataFrame
        Columns ``item`` and ``value`` (like :func:`nps_kit.unit.data_quality`): the share of
        comments with a theme as the report's theme tables count them (with the learned layer;
        and by the themes' words alone where that differs), the most frequent phrases of the
        comments no theme's words cover, with their counts, and a warning row when the themes'
        words are found in under 50 % of the comments (:data:`LOW_COVERAGE`: the layer adds a
        pack's themes to comments of any business, so it cannot tell a pack that fits). When
        the learned layer overruled the theme words of some comments, leaving them without a
        theme (the report's "—"), their frequent phrases get a row of their own
        (:func:`dropped_phrases`, as ``nps-kit themes --suggest`` lists them under
        ``dropped``). No rows without comments.
    """
    from nps_kit.text.packs import PACKS

    found = uncovered_phrases(texts, book, top=top)
    if not found.comments:
        return pd.DataFrame({"item": [], "value": []}, dtype=object)
    share = 100.0 - found.share
    tagged = found.comments - found.untagged
    # One definition of a comment for every figure here, said once (FIX50): an answer that
    # says something (tokens.answered), in any language; the period's other rows are named,
    # since the lists show them with "—" and a reader counted them against the share.
    coverage = t(
        "discovery.coverage",
        lang,
        share=f"{100.0 * tagged / found.comments:.1f}%",
        tagged=f"{tagged:,}",
        comments=f"{found.comments:,}",
    )
    if found.untagged != found.uncovered:
        coverage += t("discovery.words_alone", lang, share=share)
    if len(texts) > found.comments:
        coverage += t(
            "discovery.comments_are",
            lang,
            rows=f"{len(texts):,}",
            rest=f"{len(texts) - found.comments:,}",
        )
    if unscored is not None:
        without = int((answered(texts) & unscored.reindex(texts.index).fillna(False)).sum())
        if without:
            coverage += t(
                "discovery.unscored",
                lang,
                comments=f"{found.comments:,}",
                unscored=f"{without:,}",
                scored=f"{found.comments - without:,}",
            )
    rows = [
        (t("discovery.covered", lang), coverage),
        (
            t("discovery.phrases", lang),
            _counted(found.phrases, lang) or "—",
        ),
    ]
    # Comments whose theme words the learned layer overruled have no theme either, but they
    # are not among the uncovered: without this row the billing and damage complaints a
    # report shows with "—" were nowhere in its data quality (QA19).
    dropped = dropped_phrases(texts, book, top=top)
    if not dropped.empty:
        rows.append(
            (
                t("discovery.dropped", lang),
                _counted(dropped, lang),
            )
        )
    foreign = _unread_counts(texts)
    total = sum(foreign.values())
    if total:
        listed = ", " if lang == "en" else "、"
        rows.append(
            (
                t("discovery.unread", lang),
                t(
                    "discovery.unread_value",
                    lang,
                    share=100.0 * total / found.comments,
                    n=f"{total:,}",
                    comments=f"{found.comments:,}",
                    languages=listed.join(
                        t("discovery.unread_one", lang, name=language_name(code, lang), n=n)
                        for code, n in foreign.items()
                    ),
                ),
            )
        )
    # One theme holding most tagged comments hides different problems under one action (QA26).
    from nps_kit.text.split import split_rows

    rows.extend(split_rows(texts, book, lang=lang))
    if share < LOW_COVERAGE:
        # Another pack helps only comments a pack can read: when most of the comments without a
        # theme's words are in other languages, say so instead (QA26 #14: German comments).
        if total and 2 * total >= found.uncovered:
            names = listed.join(language_name(code, lang) for code in foreign)
            rows.append(("⚠", t("discovery.warning_unread", lang, share=share, languages=names)))
        else:
            rows.append(
                ("⚠", t("discovery.warning", lang, share=share, packs=join_names(PACKS, lang)))
            )
    return pd.DataFrame({"item": [r[0] for r in rows], "value": [r[1] for r in rows]})


def _counted(phrases: pd.DataFrame, lang: Language) -> str:
    """List phrases with their counts: ``利用（10件）、期待（5件）`` or ``use (10), hope (5)``."""
    return join_names(
        (
            t("discovery.split_one", lang, phrase=p, n=c)
            for p, c in zip(phrases["phrase"], phrases["count"], strict=True)
        ),
        lang,
    )


def _unread_counts(texts: pd.Series) -> dict[str, int]:
    """Return how many answered comments each language no pack reads holds, most first."""
    languages = comment_languages(texts[answered(texts)])
    counts = languages[~languages.isin(["ja", "en"]) & languages.notna()].value_counts()
    return {str(code): int(n) for code, n in counts.items()}
