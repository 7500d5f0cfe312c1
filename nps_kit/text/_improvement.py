"""How an answer to "what could we improve?" is read: as a request, unless it praises.

A report's open questions ask different things. The answer to "why that score?" is read as it
says (:mod:`nps_kit.text._clause_rules`); the answer to "what could we improve?" names what the
respondent wants changed, so a theme named there without a judgement ("Same day delivery in
London", 「ポイント還元」), or "judged" only by a comparative or a wish word ("Cheaper plans for
small teams", "Faster delivery", 「もっと安く」, 「配送を早く」), is a request: a complaint for the
report (TAXONOMY: requests are negative). A clause that clearly praises keeps its praise ("the
staff are brilliant", 丁寧で満足), and so does "nothing to improve" before praise ("Nothing, the
staff are brilliant", 特になし。いつも満足です), which is no request at all.

:func:`improvement_score` reads one clause so; :mod:`nps_kit.text.sentiment` places themes in
the clauses as for any answer (``tag_polarity(asks="improvement")``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Literal

from nps_kit.text import _lexicon
from nps_kit.text._clause_rules import (
    _EN_TOKEN,
    _JA_CHAR,
    _lemma_en,
    _Score,
    _score,
    _score_en_plain,
)

__all__ = ["ASKS", "Asks", "awaits_judgement", "improvement_score"]

#: What an open question asks: ``reason`` ("why that score?", the default) or ``improvement``
#: ("what could we improve?"), whose answers are read as requests unless they praise.
Asks = Literal["reason", "improvement"]
ASKS: tuple[Asks, ...] = ("reason", "improvement")

# "Nothing to improve": no request, whatever follows ("Nothing, the staff are brilliant").
_NOTHING = re.compile(
    r"^(?:(?:honestly|really|to be honest|tbh|um+|hmm+|well|no|nope|not much|absolutely|"
    r"genuinely),? )*"
    r"(?:nothing|none|nope|n/?a|no complaints?|no suggestions?|not really|can'?t think of|"
    r"not sure|(?:i )?(?:don'?t|do not) know|dunno|idk|"
    r"cannot think of|all good|keep (?:it|up|doing)|(?:just )?keep (?:it )?up|nowt)\b|"
    r"^(?:特に|とくに|今のところ|今は|現状)?(?:このまま|"
    # What is not there may be named: 改善してほしい点は特にないです, 改善点は見当たりません.
    r"(?:(?:改善(?:点|してほしい(?:点|こと|ところ)|すべき(?:点|こと|ところ))|要望|不満(?:な点)?|"
    r"気になる(?:点|こと|ところ))(?:は|も)?(?:特に|とくに)?)?"
    r"(?:なし|無し|ない|ありません|ございません|見当たらない|見当たりません|思いつかない|"
    r"思いつきません|思い当たらない|思い当たりません))"
)
# English words that ask for more of something rather than praise what is there: the praise
# after them ("more reliable sync") is what is wished for.
_EN_MORE = frozenset(("more", "less", "fewer"))
# Adverbs that say how a request should be done ("Do it properly", "Integrate … properly",
# "Kindly process refunds faster").
_EN_HOW = frozenset(("properly", "correctly", "consistently", "kindly"))
# Words that are no judgement in a wish: "some kind of pay later option".
_EN_NO_JUDGEMENT = re.compile(r"\b(?:kind|sort) of\b")
# A verb that states something: praise in a clause with one is said of what is ("Their
# communication is spot on"); without one, a praising phrase names what is wished for ("Same
# day delivery in London", "Reply to emails within a week maybe?").
_EN_STATES = re.compile(
    r"\b(?:is|are|was|were|am|been|has|have|had|did|does|do|get|gets|got)\b|'s\b|'re\b|'ve\b"
)
# A modal that wishes ("Staff at the till could smile once in a while"), not a negated one
# ("the staff couldn't do enough for us").
_EN_MODAL = re.compile(r"\b(?:could|would|might)\b(?! ?(?:not|never)\b)")
# Words before a wish that do not change it ("Maybe faster delivery", "A quicker import").
_EN_LEAD = frozenset(
    "maybe perhaps possibly just please pls plz a an some much way far lot bit little even "
    "slightly".split()
)


def _en_comparative(token: str) -> bool:
    """Tell whether a word is a comparative ("faster", "cheaper", "easier", "better")."""
    if token in ("better", "more", "less", "fewer"):
        return True
    return len(token) > 4 and token.endswith("er") and _lemma_en(token) != token


def _en_wished(clause: str) -> bool:
    """Tell whether an English clause's praise is only what it wishes for.

    So it is when the clause opens with a comparative ("Cheaper plans for small teams",
    "More discount codes for loyal customers"), or when the praise goes once its comparatives,
    the word after "more" or "less" and the adverbs of how are taken out ("Explain the options
    better", "Integrate with Google Calendar properly").
    """
    clause = clause.replace("’", "'")
    if _EN_MODAL.search(clause) is not None:
        return True
    tokens = _EN_TOKEN.findall(_EN_NO_JUDGEMENT.sub(" ", clause))
    lead = next((t for t in tokens if t not in _EN_LEAD), "")
    if _en_comparative(lead):
        return True
    kept: list[str] = []
    skip = False
    for token in tokens:
        if skip and token.isalpha():
            skip = False
            continue
        if token in _EN_MORE:
            skip = True
            continue
        if token in _EN_HOW or _en_comparative(token):
            continue
        kept.append(token)
    if _EN_STATES.search(clause) is None:
        # A fragment: its praising phrases are wishes, its praising words praise ("Good value").
        return not any(_en_praise_word(token) for token in kept)
    return _score_en_plain(" ".join(kept)).praise == 0


def asks_for_more(clause: str, *, goes_on: bool = False, then: str = "") -> bool:
    """Tell whether a clause wishes for more by its form, whatever it praises.

    An English clause with a wishing modal or opening with a comparative ("maybe cheaper
    delivery"), a Japanese one whose praise is only wished (もっと安く): after "Nothing, …" it
    is still a request, where a clause that praises plainly is the reason for the nothing.
    ``goes_on``: the sentence goes on after it past a comma, to ``then``
    (:func:`improvement_score`).
    """
    if _JA_CHAR.search(clause):
        return _ja_wished(clause, goes_on=goes_on, then=then)
    clause = clause.replace("’", "'")
    if _EN_MODAL.search(clause) is not None:
        return True
    tokens = _EN_TOKEN.findall(clause)
    lead = next((t for t in tokens if t not in _EN_LEAD), "")
    return _en_comparative(lead) or not _EN_MORE.isdisjoint(tokens)


def _en_praise_word(token: str) -> bool:
    """Tell whether an English word praises by itself (the lexicon's, as ``_score`` reads it)."""
    lexicon = _lexicon.en_lexicon()
    cue = lexicon.get(token)
    if cue is None and token.isalpha():
        cue = lexicon.get(_lemma_en(token))
    return cue is not None and cue > 0


# Japanese wishes: a comparative (もっと, より, もう少し) or an adverbial form that asks for a
# change (安く, 早く, 分かりやすく, 簡単に) rather than praising what is; not a change made
# (見やすくなった, 安くしてくれた).
_JA_WISH = re.compile(
    r"もっと|もう少し|もうちょっと|より(?=[^、。]{0,12}(?:く|に|な))|"
    r"(?:(?:安|早|速|はや|易|やす|短|軽|広|大き|多|良|よ)く|"
    r"(?:簡単|手軽|丁寧|スムーズ|スピーディー|迅速|明確|シンプル|便利|充実|無料|タダ)に)"
    r"(?:(?=な)(?!な[っり])|(?=し)(?!した|してくれ|してもらっ|してい)|$)|化$"
)
# A whole clause that wishes: 充実してるといい, 無料にして, 価格以外は満点 (all but the price).
_JA_WISH_CLAUSE = re.compile(
    r"(?:と|ば|たら)(?:いい|良い|よい|嬉しい|うれしい|助かる|ありがたい)(?:な|なあ|です|のに|かも)*$|"
    r"[にく]して(?:ほしい|欲しい|ください|下さい|よ|ね|くれ)?$|以外(?:は|なら)"
)
# A clause that ends with a noun (鮮度, 安定性, 使いやすさ, 安いプラン) names what is wished for,
# unless the noun is a verdict (満足, 最高), one that a て-form leads to (近くて便利, 丁寧で満足)
# or something is said of a subject (スタッフが親切).
_JA_NOUN_END = re.compile("(?:[\u3400-\u4dbf\u4e00-\u9fff\u30a1-\u30ffー]|さ)$")
_JA_VERDICT = re.compile(
    "(?:満足|最高|満点|完璧|神|抜群|感謝|文句なし|問題なし|言うことなし|申し分なし|大好き)$|"
    "[てで][\u4e00-\u9fff]+$"
)
_JA_SUBJECT = re.compile("[がはも]")
# An adverbial form said of a subject, ending its clause: the sentence goes on from it (連用中止,
# 「待ち時間が短く、手続きがスムーズでした」「説明が分かりやすく、…」) and states what was; a wish
# puts the thing as an object (待ち時間を短く) or asks for more (待ち時間がもう少し短く).
_JA_STATED = re.compile(r"[がは][^、。をがは]{1,8}く$")
_JA_MORE = re.compile(r"もっと|もう少し|もうちょっと|より")
# より after what is compared with (以前より, 他社より, 思ったより) says how what happened
# compares, no wish for more, when the sentence goes on to say what was (LEFT45B:
# 「以前より待ち時間が短く、助かりました」); 「今より短く」 and
# 「以前より短く、…だと助かります」 ask.
_JA_BASE_MORE = re.compile(
    r"(?:以前|前|昔|去年|昨年|前回|他社|他店|他行|思った|思っていた|予想|想像)より"
)
# How the rest of the sentence ends: a wish (…だと助かります, …してほしいです) or what is or was
# (助かりました, 手続きもスムーズでした, 便利です).
_JA_WISH_THEN = re.compile(
    r"(?:ほしい|欲しい|ください|下さい|たい|願います)(?:です|な|なあ|ね)*[。．！!…]*$|"
    r"(?:と|ば|たら)(?:いい|良い|よい|嬉しい|うれしい|助か|ありがた)"
)
_JA_SAID_THEN = re.compile(r"(?:た|です|ます)(?:よ|ね)*[。．！!…]*$")


def _compares_what_was(clause: str, then: str) -> bool:
    """Tell whether a clause's only より compares with what was and its sentence states.

    ``then`` is the rest of the clause's sentence after the comma: its predicate says what
    was or is (助かりました), not a wish (…だと助かります).
    """
    then = then.strip()
    return (
        _JA_BASE_MORE.search(clause) is not None
        and _JA_MORE.search(_JA_BASE_MORE.sub("", clause)) is None
        and _JA_WISH_THEN.search(then) is None
        and _JA_SAID_THEN.search(then) is not None
    )


def awaits_judgement(clause: str) -> bool:
    """Tell whether a clause names something whose judgement follows ("Staff, always lovely").

    So does an English clause without a verb that states anything, and a Japanese one that ends
    with a noun or a particle (「スタッフの方が、とても親切でした」); "Slack integration is very
    basic, …" states its own.
    """
    if _JA_CHAR.search(clause):
        return _JA_NOUN_END.search(clause) is not None or clause.endswith(
            ("が", "は", "も", "の", "って")
        )
    return _EN_STATES.search(clause) is None


def _ja_wished(clause: str, *, goes_on: bool = False, then: str = "") -> bool:
    """Tell whether a Japanese clause's praise is only what it wishes for (もっと安く)."""
    if _JA_WISH_CLAUSE.search(clause) is not None:
        return True
    if (
        _JA_NOUN_END.search(clause) is not None
        and _JA_VERDICT.search(clause) is None
        and _JA_SUBJECT.search(clause) is None
    ):
        return True
    # Only before a comma: ending the answer (or its sentence), 「待ち時間が短く」 leaves the
    # rest of a wish unsaid (…短く〔してほしい〕), as an answer to "what could we improve?" does.
    if (
        goes_on
        and _JA_STATED.search(clause) is not None
        and (_JA_MORE.search(clause) is None or _compares_what_was(clause, then))
    ):
        return False
    rest = _JA_WISH.sub("、", clause)
    return rest != clause and _score(rest).praise == 0


@lru_cache(maxsize=65536)
def improvement_score(clause: str, *, goes_on: bool = False, then: str = "") -> _Score:
    """Return the score of one clause of an answer to "what could we improve?".

    A clause without judgement, or whose praise is only a wish ("Cheaper plans", 「もっと安く」),
    is a request; a clause that says there is nothing to improve, or that praises clearly or
    complains, keeps its reading. ``goes_on`` says that its sentence goes on after it past a
    comma: then praise said of a subject in an adverbial form (「待ち時間が短く、…でした」) states
    what was; ending the answer or its sentence (「待ち時間が短く」), it is a wish. ``then`` is
    the rest of that sentence: when it states what was, より after what is compared with
    (「以前より待ち時間が短く、助かりました」) asks for nothing more.
    """
    score = _score(clause)
    if _NOTHING.search(clause) is not None:
        # "Nothing to improve" asks for nothing ("improve" alone reads as a request): its praise
        # stays ("Nothing, keep it up"), else it is a judgement, neutral.
        return score._replace(request=False) if score.praise else _Score(0.0, 0, 0, False, True)
    if score.request:
        return score
    if score.praise:
        wished = (
            _ja_wished(clause, goes_on=goes_on, then=then)
            if _JA_CHAR.search(clause)
            else _en_wished(clause)
        )
        return score._replace(request=True) if wished else score
    if not score.judged:
        return score._replace(request=True)
    return score
