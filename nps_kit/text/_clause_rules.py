"""Clause splitting and the clause rules of the polarity tagger (:mod:`nps_kit.text.sentiment`).

:func:`clause_split` cuts a comment at sentence ends, contrasts and plain joins; ``_score`` reads
one clause with the lexicons (:mod:`nps_kit.text._lexicon`), negation, requests, sarcasm,
disputed quotes and praise given to rivals; :func:`polarity_of` is a whole text's polarity.
:mod:`nps_kit.text.sentiment` places themes in the clauses and combines their judgements.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any, Literal, NamedTuple

import ahocorasick

from nps_kit.text import _lexicon
from nps_kit.text._regex_parts import (
    leading_literals,
    required_literals,
    skipping,
)
from nps_kit.text._scanner import Scanner

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
    # A space or a slash between Japanese sentences (残っていた 次回は…, 切れた💦／次回は…; NFKC
    # has made 　 and ／ ASCII): after a Japanese character or an emoji, before Japanese.
    r"[ /](?<=[^\x00-\x7f][ /])[ /]*(?=[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff])|"
    # のに states what the complaint after it is about (請求したのに振り込まれない): the theme
    # before it takes that judgement, so it joins like 、. Before what a task took it is "to"
    # (理解するのに時間がかかった), no join. After what was promised (と言われたのに) it stays
    # in the clause, which it makes a complaint (_lexicon.JA_BROKEN_PROMISE).
    r"(?<!言われた)(?<!言ってた)(?<!言っていた)(?<!書いてあった)(?<!書いてた)(?<!聞いていた)"
    r"(?<!説明された)(?<!謳っていた)"
    r"のに(?!時間|手間|苦労|一苦労|精一杯|必要|十分|\d|何[日時週ヶか回度]|数[日時週ヶか回]))"
)
_JOIN_EN = (
    # "anything but smart" is one judgement (a denial), no contrast; "comfy as anything but the
    # visor snapped" is one (POL22)
    r"\b(?P<contrast>(?<!anything )but|(?<=\bas anything )but|(?<=\blike anything )but|though|"
    r"although|however|yet|except|whereas|(?<!a )while|apart from|"
    # ", just a tad salty", ", only the app…": a reservation after a comma
    r"aside from|other than|, ?just(?= (?:a|the|some|too|not|wish)\b)|"
    r", ?only(?= (?:the|thing|issue|problem|downside)\b))\b|"
    r"(?P<plain>[,:]|\b(?:and(?! (?:beyond|forth|miss|running|sound|"
    r"then|off|again|over|large|about|pieces)\b)|(?<!a )(?<!big )(?<!huge )(?<!real )plus|"
    # "spent ages with me" is one judgement, care taken (ERR28; _lexicon.EN_PHRASES reads it)
    r"(?<!do )(?<!spent ages )(?<!spent an hour )(?<!spent half an hour )(?<!spent so long )"
    r"with)\b)"
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
    r"(?:感)?(?:(?:い)?わけ(?:では|じゃ|でも)|(?:い)?ほど(?:では|じゃ)?|く|くは|くも|では|じゃ|で|は|も|が|に|を|いは|"
    # 止まったことがない, 故障したことがない, 落ちたことがない
    r"(?:っ|し)?たこと(?:が|は|も)?|(?<=た)こと(?:が|は|も)?|"
    # 重いと感じたことは一度もない, 遅いと思ったことはない
    r"と(?:感じ|思っ)たこと(?:が|は|も)?)?"
    # 障害は今のところ一度もない
    # 障害もほとんどなく, 待ち時間はあまりない
    r"(?:今のところ|これまで|今まで)?"
    # 傷ひとつない
    r"(?:ほとんど|ほぼ|あまり|全く|まったく|一切|全然|特に|そんなに|それほど|一度も|一回も|ひとつも|"
    r"一つも|ひとつ|一つ)?"
    # a verb of occurring between: エラーも出ない, 不具合が起きない, ストレスを感じない, 安定しない,
    # or a passive: 嫌な顔ひとつされない, 押し売りされない
    # or becoming: 痛くならなかった, 重くならない
    # or felt: 効果が感じられない, 効果を実感できない (FIX51); or bothering: 遅延は気にならない
    r"(?:し|せ|され|出|起き|起こら|発生し|感じられ|感じ|実感し|実感|見られ|見当たら|気になら|"
    r"(?<=[くに])なら)?"
    # a state negated: 行き届いていなかった, 満足してない, 効いてはいない
    r"(?:(?:い|し|っ)?て(?:は|も)?(?:い|お)?)?"
    r"(?:(?:でき|出来)(?:ない|なかっ|なく|ません|ず|へん|ひん)|ない|なかっ|なく|無い|無く|"
    r"ありません|ありませんでし|なし|無し|ません|ず|ゼロ|"
    # Kansai and other dialects: できへん, 良うない is rare, わからへん, 届かん
    r"へん|ひん)"
)
# A negated verb without a judgement of its own (返事がない, つながらない) is a mild complaint.
# Not one that sets a circumstance (合わなかったときも, 見なくても).
# Nor one that describes what it is about (わからないところは聞けた, 載ってない内容).
# Nor the ない of つないで (put through), a verb of its own.
_JA_BARE_NEGATION = re.compile(
    r"(?:(?<![つ繋])ない|なかった|ません|なし|なくて|"
    # dialects: つながらへん, 入られへん, 届かん, ようわからん (not さん, なんで, がまん)
    r"へん|ひん|(?<=[らかわ])ん(?=$|[、。!?！？\s]|し|わ|や|ね|の|けど|から|かった|で(?!す)))"
    r"(?!か|とき|時|場合|ても|ところ|内容|部分)"
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


def _utf8(text: str) -> str:
    """Return the UTF-8 bytes of ``text`` as a string, a character per byte (Latin-1)."""
    return text.encode("utf-8", "surrogatepass").decode("latin-1")


@lru_cache(maxsize=1)
def _ja_automaton() -> Any:
    """Return the automaton of the Japanese lexicon's words and the emoji: (length, score) each.

    Its keys are the words' UTF-8 bytes (:func:`_utf8`), searched in a text's: the trie's root
    then has a child per lead byte, not one per first character of 12,000 words (about 1,700),
    which pyahocorasick looks through one by one at every character of a text; the search
    took twice as long. A word's bytes are found only where its characters are (a lead byte
    starts a character, and each word is whole), so the words found are the same, in the same
    order.
    """
    automaton = ahocorasick.Automaton()
    for word, score in {**_lexicon.ja_lexicon(), **_lexicon.EMOJI_CUES}.items():
        automaton.add_word(_utf8(word), (len(word), score))
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
    (re.compile(_lexicon.JA_FREED), 1.0),
    (re.compile(_lexicon.JA_SHORT_LIVED), -1.0),
    (re.compile(_lexicon.JA_STOPPED_DOING), -1.0),
    (re.compile(_lexicon.JA_LOW_PRICE), 1.0),
    (re.compile(_lexicon.JA_LOW_BUYBACK), -1.0),
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
    (re.compile(_lexicon.JA_EVEN_NOVICE), 1.0),
    (re.compile(_lexicon.JA_WORKED_FROM_START), 1.0),
    (re.compile(_lexicon.JA_DISCOMFORT), -1.0),
    (re.compile(_lexicon.JA_PRONE), -1.0),
    (re.compile(_lexicon.JA_IRRESISTIBLE), 1.0),
    (re.compile(_lexicon.JA_RHETORICAL), -1.0),
    (re.compile(_lexicon.JA_UNBOTHERED), 1.0),
    (re.compile(_lexicon.JA_OVERWHELMED), -1.0),
    (re.compile(_lexicon.JA_CANNOT_CANCEL), -1.0),
)
_JA_TOO = re.compile(_lexicon.JA_TOO)
_JA_SERVICE_OBJECT = re.compile(_lexicon.JA_SERVICE_OBJECT)
_JA_EXEMPLARY = re.compile(_lexicon.JA_EXEMPLARY)
# 普通においしい ("honestly good"), 普通預金 (a compound): not lukewarm; but something that
# merely works or came (普通に使えてます, 普通に届いた) is ordinary, as the labelled sets read it
# (9 of 11).
_NOT_LUKEWARM = re.compile(
    "[\u4e00-\u9fff]|に(?!使え|使っ|動い|動き|届|でき|出来|飛|買え|食べられ|塗れ|撮れ|聴け|聞け)"
)
_JA_RIVAL = re.compile(_lexicon.JA_RIVAL)
# よく before a verb is "often" (よく落ちる, よくある質問), not "well".
_OFTEN = re.compile("よく(?![なてっ、。,.!！ねもは]|$)")
_JA_REQUEST = re.compile(_lexicon.JA_REQUEST)
_JA_ORDER = re.compile(_lexicon.JA_ORDER)
# A sentence that ends in てくれ or (Kansai) てや is an order too (動画にしてくれ, 梱包もうちょい
# しっかりしてや): ERR34J, 22 of 23 readable comments' themes labelled negative.
_JA_PLAIN_ORDER = ("てくれ", "でくれ", "てや", "でや")
# The bare て-form an order ends in (:func:`_ordered`).
_JA_TE = ("て", "で")
#: The last characters of the clauses :func:`_ordered` may read as an order: a clause that
#: ends otherwise is none, which callers test before calling it for every clause.
ORDER_LAST = frozenset(end[-1] for end in (*_JA_PLAIN_ORDER, *_JA_TE))
# What ends a sentence after a clause, for an order (:data:`_JA_ORDER`).
_ENDS_SENTENCE = re.compile(r"[。.!?！？\n…]")
# Searched where one of their leading literals starts (the same match as ``search``): the
# regex engine tries their alternations at every character, twice as slow on the clauses.
_JA_RIVAL_SCAN = Scanner(_JA_RIVAL)
_JA_REQUEST_SCAN = Scanner(_JA_REQUEST)
_EN_REQUEST = re.compile(_lexicon.EN_REQUEST)
_SARCASM = re.compile(f"{_lexicon.EN_SARCASM}|{_lexicon.JA_SARCASM}")
_EN_PHRASES = [(re.compile(rf"\b(?:{p})\b"), s) for p, s in _lexicon.EN_PHRASES.items()]


def _literal_automaton(
    patterns: list[re.Pattern[str]],
    literals_of: Sequence[Callable[[re.Pattern[str]], frozenset[str] | None]],
) -> tuple[Any, int, int]:
    """Return an automaton from literals to the patterns they select (bit k: ``patterns[k]``).

    ``literals_of`` gives one or two kinds of strings a text must hold for a pattern to match
    it (``None``: none known), such as those every match starts with and those every match
    contains: a pattern may match a text that holds one string of each kind it has. The
    automaton's value of a string is the bits of the patterns it selects by each kind (of one
    kind, those bits alone); the other two values, per kind, the bits of the patterns without
    strings of that kind, which no string of it needs to select (the second is −1 if there is
    no second kind; see :func:`_literal_bits`). One pass over a text, and a
    pattern whose matches start with common words ("the", "my") is searched only where the
    rarer words it contains are too.
    """
    if not 1 <= len(literals_of) <= 2:
        raise ValueError("one or two kinds of literals")
    automaton = ahocorasick.Automaton()
    by_literal: dict[str, tuple[int, int]] = {}
    free = [0, 0 if len(literals_of) == 2 else -1]  # -1: every pattern, no second kind
    for k, pattern in enumerate(patterns):
        for kind, find in enumerate(literals_of):
            literals = find(pattern)
            if not literals:
                free[kind] |= 1 << k
            for literal in literals or ():
                one, other = by_literal.get(literal, (0, 0))
                by_literal[literal] = (one | 1 << k, other) if kind == 0 else (one, other | 1 << k)
    for literal, selected in by_literal.items():
        # Of one kind, the value is its bits alone (no pair to unpack per string found).
        automaton.add_word(literal, selected if len(literals_of) == 2 else selected[0])
    automaton.make_automaton()
    return automaton, free[0], free[1]


def _literal_bits(found: tuple[Any, int, int], text: str) -> int:
    """Return the bits of the patterns of a :func:`_literal_automaton` that may match ``text``."""
    automaton, first, second = found
    if second == -1:  # one kind of strings
        for _, one in automaton.iter(text):
            first |= one
        return first
    for _, (one, other) in automaton.iter(text):
        first |= one
        second |= other
    return first & second


#: The English clause regexes searched only in a text that holds one of the strings their
#: matches start with, else contain (:mod:`nps_kit.text._regex_parts`); their bits in
#: :func:`_en_literals` follow the phrases'.
_EN_FILTERED = ("_EN_LUKEWARM", "_EN_MILD", "_EN_RARE", "_EN_RIVAL", "_EN_REQUEST")
_PHRASE_BITS = (1 << len(_EN_PHRASES)) - 1
_LUKEWARM_BIT, _MILD_BIT, _RARE_BIT, _RIVAL_BIT, _REQUEST_BIT = (
    1 << (len(_EN_PHRASES) + k) for k in range(len(_EN_FILTERED))
)


@lru_cache(maxsize=1)
def _en_literals() -> tuple[Any, int, int]:
    """Return the automaton of what an English clause may match (:func:`_literal_automaton`).

    Bit k < ``len(_EN_PHRASES)``: phrase k, then the regexes of :data:`_EN_FILTERED`; each
    selected by one of the strings its matches start with
    (:func:`nps_kit.text._regex_parts.leading_literals`) and one of those they contain
    (:func:`~nps_kit.text._regex_parts.required_literals`), of the kinds it has. One pass over
    a clause instead of a search per phrase and regex.
    """
    patterns = [pattern for pattern, _ in _EN_PHRASES]
    patterns += [globals()[name] for name in _EN_FILTERED]
    return _literal_automaton(patterns, (leading_literals, required_literals))


def _en_phrase_candidates(text: str) -> set[int]:
    """Return the phrases (indices into ``_EN_PHRASES``) that may match ``text``."""
    bits = _literal_bits(_en_literals(), text) & _PHRASE_BITS
    return {k for k in range(len(_EN_PHRASES)) if bits >> k & 1}


# A negator just before a phrase ("no small print", "didn't have to", "never had to").
_EN_NEGATED_BEFORE = re.compile(
    r"\b(?:no|not|never|rarely|seldom|without|zero|nothing|\w+n't|cannot|(?:do|did|does|is|was|"
    r"are|were|wo|ca|"
    r"have|has|had|would|could|should)nt)\s+(?:[a-z]+\s+)?$"
)
_EN_RIVAL = re.compile(_lexicon.EN_RIVAL)
_EN_LUKEWARM = re.compile(_lexicon.EN_LUKEWARM)
_EN_MILD = re.compile(_lexicon.EN_MILD)
# What a negator that a phrase has used is left as: it negates what follows, and is no bare
# negation when nothing does (:func:`_en_phrase_read`).
_USED_NEGATOR = "usednegator"
# Where one sentence ends and the next begins, between two clauses.
_SENTENCE_END = re.compile(r"[.!?。！？\n]")
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
_JA_SARCASM_IF_COMPLAINT = re.compile(_lexicon.JA_SARCASM_IF_COMPLAINT)
_EXCEPT = ("except", "except for", "apart from", "aside from", "other than")
_OPPOSITE: dict[Polarity, Polarity] = {"positive": "negative", "negative": "positive"}
# One search tells whether a comment may be ironic at all (most are not).
_IRONY_HINT = re.compile(
    f"{_SARCASM.pattern}|{_SARCASM_IF_COMPLAINT.pattern}|{_JA_SARCASM_IF_COMPLAINT.pattern}|"
    "[\"“「]|(?<![a-z])'"
)
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


#: Bit of ``_JA_REQUEST`` in :func:`_ja_literals`, after the context cues'.
_JA_REQUEST_BIT = 1 << len(_JA_CONTEXT)


@lru_cache(maxsize=1)
def _ja_literals() -> tuple[Any, int, int]:
    """Return the automaton of what a Japanese clause may match (:func:`_literal_automaton`).

    Bit k < ``len(_JA_CONTEXT)``: context cue k, then ``_JA_REQUEST``; each selected by one of
    the literals its matches start with (:func:`nps_kit.text._regex_parts.leading_literals`)
    and one of those every match of it contains
    (:func:`~nps_kit.text._regex_parts.required_literals`), of the kinds it has: が雑, not
    が alone, selects the cue of 雑.
    """
    return _literal_automaton(
        [*(pattern for pattern, _ in _JA_CONTEXT), _JA_REQUEST],
        (leading_literals, required_literals),
    )


def _ja_context_cues(text: str, bits: int | None = None) -> list[tuple[int, int, float]]:
    """Return (start, end, score) of every match of the context cues, cue by cue in order.

    A cue none of whose required literals the text holds cannot match it: one automaton pass
    instead of a search per cue (``bits``: that pass's, :func:`_ja_literals`, if made).
    """
    if bits is None:
        bits = _literal_bits(_ja_literals(), text)
    out: list[tuple[int, int, float]] = []
    bits &= _JA_REQUEST_BIT - 1
    while bits:  # the cues selected, lowest first
        low = bits & -bits
        bits ^= low
        pattern, score = _JA_CONTEXT[low.bit_length() - 1]
        out.extend((m.start(), m.end(), score) for m in pattern.finditer(text))
    return out


def _score_ja(text: str) -> _Score:
    bits = _literal_bits(_ja_literals(), text)
    # Context cues first: 品質が高い is praise, although 高い alone is a complaint.
    found = _ja_context_cues(text, bits)
    raw = text.encode("utf-8", "surrogatepass")
    for at, (length, score) in _ja_automaton().iter(raw.decode("latin-1")):
        # ``at``: the word's last byte; ``last``: its last character
        last = len(raw[: at + 1].decode("utf-8", "surrogatepass")) - 1
        start = last + 1 - length
        if (  # katakana (U+30A1-U+30FF) at the start and next to it; no regex call per hit
            "\u30a1" <= text[start] <= "\u30ff"
            and (
                (start and "\u30a1" <= text[start - 1] <= "\u30ff")
                or (last + 1 < len(text) and "\u30a1" <= text[last + 1] <= "\u30ff")
            )
            and text[start : last + 1] not in _lexicon.JA_CUES  # ours: エラーメッセージ
        ):
            continue  # inside a longer katakana word (インポ in インポート, ループ in グループ)
        if length == 2 and _OFTEN.match(text, start):
            continue
        if score < 0 and _JA_SERVICE_OBJECT.match(text, last + 1):
            continue  # what the service treats: 歯石取り, 虫歯治療, 故障修理
        found.append((start, last + 1, score))
    # Leftmost-longest, non-overlapping: すぐ壊れ counts once, 感じが悪 beats 悪.
    if len(found) > 1:  # most clauses have one cue or none
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
    if praise and _JA_RIVAL_SCAN.search(text):  # Amazonのほうが安い
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
    request = (
        bits & _JA_REQUEST_BIT != 0
        and _JA_REQUEST_SCAN.search(text) is not None
        and _JA_EXEMPLARY.search(text) is None
    )
    return _Score(total, praise, complaint, request, lukewarm)


@lru_cache(maxsize=65536)
def _lemma_en(word: str) -> str:
    import simplemma

    return str(simplemma.lemmatize(word, lang="en"))


def _score_en(text: str) -> _Score:
    bits = _literal_bits(_en_literals(), text)
    rare = _EN_RARE.search(text) if bits & _RARE_BIT else None
    if rare is not None:
        before, after = _score_en_plain(text[: rare.start()]), _score_en_plain(text[rare.end() :])
        return _Score(
            after.total - before.total,
            after.praise + before.complaint,
            after.complaint + before.praise,
            before.request or after.request,
        )
    return _score_en_plain(text, bits=bits)


def _en_phrase_pass(text: str) -> tuple[str, float, int, int]:
    """Read the phrases of ``_EN_PHRASES`` in a text, in order, each blanked once read.

    Returns the text left and the phrases' total, praise and complaint.
    """
    return _en_phrase_read(text, _literal_bits(_en_literals(), text))[:4]


def _en_phrase_read(text: str, bits: int) -> tuple[str, float, int, int, int]:
    """:func:`_en_phrase_pass`, given the text's :func:`_en_literals` bits; also the left text's."""
    total, praise, complaint = 0.0, 0, 0
    # A phrase none of whose literals the text holds cannot match it: the candidates in order
    # from one automaton pass instead of 84 searches, again each time a match changes the text.
    pending = bits & _PHRASE_BITS
    while pending:
        low = pending & -pending
        pending ^= low
        pattern, score = _EN_PHRASES[low.bit_length() - 1]
        m = pattern.search(text)
        if m is not None:
            neg = _EN_NEGATED_BEFORE.search(text, 0, m.start())
            if neg is not None:
                score = -score
                if neg.group().startswith(("no ", "zero ")):  # used up: no "missing" after it
                    text = f"{text[: neg.start()]} {text[m.end() :]}"
                else:  # still negates what follows ("didn't have to chase"), but is no bare
                    # negation where nothing does ("never too busy", "not too expensive")
                    text = f"{text[: neg.start()]} {_USED_NEGATOR} {text[m.start() :]}"
            text = pattern.sub(" ", text)
            bits = _literal_bits(_en_literals(), text)
            pending = bits & _PHRASE_BITS & -(low << 1)  # the phrases after this one
            total += score
            praise += score > 0
            complaint += score < 0
    return text, total, praise, complaint, bits


#: What :func:`_score_en_plain` reads in each token met, by the token (:func:`_en_word`): the
#: tests of its loop that depend on the token alone, made once per token met instead of once
#: per token of every clause. Tuples of numbers and booleans, which the collector does not walk.
_EN_WORDS: dict[str, tuple[int, float | None, bool, bool, bool]] = {}
# A token's kind, tested in this order (0: none of them): a negator a phrase has used
# (_USED_NEGATOR), a negator (of a verb: a complaint by itself when it negates nothing), one
# that is no complaint by itself (nothing, none, without, nor, neither), one that also says
# that what follows is lacking (no, zero), the end of a negation's scope, a filler the scope
# does not count (only within a scope), a softener, and "bit" and "tad" (softeners only after
# "a" or "little"). A filler or "bit" that is not one where it stands is read as any word.
_W_USED, _W_NEGATOR, _W_NOUN_NEGATOR, _W_LACK, _W_SCOPE_END, _W_FILLER = range(1, 7)
_W_SOFTENER, _W_SOFT_AFTER = 7, 8


def _en_word(token: str) -> tuple[int, float | None, bool, bool, bool]:
    """Return (kind, cue, alphabetic, may be lacking, spares a burden) of a token; remember it.

    The cue is the lexicon's (the token's, an emoji's, else its lemma's; ``None``: none). A
    token may be lacking after "no" or "zero" when alphabetic and not in ``EN_NOT_LACK``; it
    spares a burden when it or its lemma is in ``EN_SPARED`` (the words after it are the
    clause's, :func:`_score_en_plain` reads them).
    """
    if len(_EN_WORDS) > 262144:
        _EN_WORDS.clear()
    bare = token.replace("'", "")
    kind = 0
    if bare == _USED_NEGATOR:
        kind = _W_USED
    elif bare in _lexicon.EN_NEGATORS or token.endswith("n't"):
        if bare in ("no", "zero"):
            kind = _W_LACK
        elif bare in ("nothing", "none", "without", "nor", "neither"):
            kind = _W_NOUN_NEGATOR
        else:
            kind = _W_NEGATOR
    elif bare in _SCOPE_END:
        kind = _W_SCOPE_END
    elif bare in _EN_SCOPE_FILLERS:  # no filler is a softener: a filler out of scope is a word
        kind = _W_FILLER
    elif bare in _EN_SOFTENERS:
        kind = _W_SOFT_AFTER if bare in ("bit", "tad") else _W_SOFTENER
    lexicon = _lexicon.en_lexicon()
    alpha = token.isalpha()
    cue = lexicon.get(token)
    if cue is None:
        cue = _lexicon.EMOJI_CUES.get(token)
    lemma = _lemma_en(token) if alpha and cue is None else None
    if lemma is not None:
        cue = lexicon.get(lemma)
    spared = lemma in _lexicon.EN_SPARED or token in _lexicon.EN_SPARED
    found = (kind, cue, alpha, alpha and token not in _lexicon.EN_NOT_LACK, spared)
    _EN_WORDS[token] = found
    return found


def _en_tokens_read(
    tokens: list[str], total: float, praise: int, complaint: int
) -> tuple[float, int, int]:
    """Add the judgements of a clause's tokens (negated, softened, lacking) to its phrases'.

    ``tokens`` are :data:`_EN_TOKEN`'s in the text the phrases left; returns the total, praise
    and complaint with theirs added, in order.
    """
    negate_until = -1
    negator_used = True
    lack_at = soft_at = -1
    known = _EN_WORDS
    for i, token in enumerate(tokens):
        word = known.get(token)
        if word is None:
            word = _en_word(token)
        kind, cue = word[0], word[1]
        if kind:  # the tests in the order they were made word by word
            if kind == _W_FILLER:
                if i <= negate_until:
                    negate_until += 1
                    continue
            elif kind == _W_SOFTENER:
                soft_at = i + 1
                continue
            elif kind == _W_SOFT_AFTER:
                if i and tokens[i - 1] in ("a", "little"):
                    soft_at = i + 1
                    continue
            elif kind == _W_SCOPE_END:
                negate_until = -1
                continue
            else:  # a negator, used by a phrase or not
                negate_until = i + _EN_SCOPE
                if kind != _W_USED:
                    # "no fees", "nothing to add": only a negated verb is a complaint by itself.
                    negator_used = kind != _W_NEGATOR
                    if kind == _W_LACK:
                        lack_at = i + 1
                continue
        if cue is None:
            if i == lack_at and word[3]:
                # "no refund", "zero updates"; "no fees", "no foreign (transaction) fees" spare
                # a burden
                spared = word[4] or not _lexicon.EN_SPARED.isdisjoint(tokens[i + 1 : i + 3])
                cue = 1.0 if spared else -1.0
            elif i == soft_at and word[2]:
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
    return total, praise, complaint


def _score_en_plain(text: str, *, mild: bool = True, bits: int | None = None) -> _Score:
    # ``bits``: the text's :func:`_en_literals` bits, if the caller has them.
    if bits is None:
        bits = _literal_bits(_en_literals(), text)
    lukewarm = _EN_LUKEWARM.search(text) if bits & _LUKEWARM_BIT else None
    if lukewarm is None and mild and bits & _MILD_BIT:
        lukewarm = _EN_MILD.search(text)
    changed = lukewarm is not None
    if "not " in text:
        text, once = _EN_NOT_ONCE.subn("never ", text)
        changed = changed or once > 0
    if lukewarm is not None:  # "neither good nor bad": its words are no judgement
        text = f"{text[: lukewarm.start()]} {text[lukewarm.end() :]}"
    if changed:
        bits = _literal_bits(_en_literals(), text)
    text, total, praise, complaint, bits = _en_phrase_read(text, bits)
    tokens = _EN_TOKEN.findall(text.replace("’", "'"))
    total, praise, complaint = _en_tokens_read(tokens, total, praise, complaint)
    # ``bits`` are the text's as left by the phrases.
    rival = _EN_RIVAL.search(text) if bits & _RIVAL_BIT else None  # "Others do it instantly"
    # …unless praise compares us with it ("cheaper than Safestore down the road")
    if rival is not None and not (praise and " than " in text[: rival.start()]):
        total, complaint, praise = -abs(total) or -1.0, complaint + praise or 1, 0
    request = bits & _REQUEST_BIT != 0 and _EN_REQUEST.search(text) is not None
    return _Score(total, praise, complaint, request, lukewarm is not None)


@lru_cache(maxsize=262144)
def _score(clause: str) -> _Score:
    return _score_ja(clause) if _JA_CHAR.search(clause) else _score_en(clause)


@lru_cache(maxsize=1)
def _mild_leads() -> Any:
    """Return an automaton of the strings every match of ``_EN_MILD`` starts with (or ``None``)."""
    leads = leading_literals(_EN_MILD)
    if not leads:
        return None
    automaton = ahocorasick.Automaton()
    for lead in leads:
        automaton.add_word(lead, None)
    automaton.make_automaton()
    return automaton


def _may_be_mild(clause: str) -> bool:
    r"""Tell whether ``_EN_MILD`` may match: a clause holds a string its matches start with.

    ``_EN_MILD`` starts with ``\b``, which keeps the regex engine from skipping to where a
    match can start: the search tried every character of every clause. One automaton pass
    (it stops at the first string found) halves what telling a clause costs.
    """
    leads = _mild_leads()
    return leads is None or next(leads.iter(clause), None) is not None


@lru_cache(maxsize=65536)
def _score_fine_as_praise(clause: str) -> _Score:
    """Return the score of a clause read with "fine" and "ok" as praise, as before round 8.

    So reads a clause that a complaint follows in the same sentence, where a theme merely fine is
    half of a mixed judgement ("App is ok but crashes a lot"), not called ordinary
    (:data:`nps_kit.text._lexicon.EN_MILD`); and so the learned polarity correction reads every
    clause (``sentiment._clause_bits``), as it was trained.
    """
    if (  # the rarest test first: each is a search without side effects
        _may_be_mild(clause)
        and _EN_MILD.search(clause) is not None
        and _JA_CHAR.search(clause) is None
        and _EN_RARE.search(clause) is None
        and _EN_LUKEWARM.search(clause) is None
    ):
        return _score_en_plain(clause, mild=False)
    return _score(clause)


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


def _ordered(text: str, clauses: Sequence[_Clause], k: int) -> bool:
    """Tell whether clause ``k`` of a normalised comment is an order that ends its sentence.

    A Japanese sentence ending in a bare て-form asks for something (在庫表示どうにかして。) or
    reports a refusal (返品不可って): a complaint, whatever words of praise it holds.
    """
    clause = clauses[k]
    if clause.text.endswith(_JA_PLAIN_ORDER):
        pass  # 動画にしてくれ。, 梱包しっかりしてや (not 教えてくれますが: the sentence goes on)
    elif not clause.text.endswith(_JA_TE) or _JA_ORDER.search(clause.text) is None:
        return False
    end = clause.start + len(clause.text)
    if k + 1 == len(clauses):
        return not text[end:].strip(" 　、,") or _ENDS_SENTENCE.search(text, end) is not None
    return _ENDS_SENTENCE.search(text, end, clauses[k + 1].start) is not None


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
    if _SARCASM.search(text) is not None or (
        (any(_score(q[2]).praise for q in quoted) or _SARCASM_IF_COMPLAINT.search(text) is not None)
        and any(_score(c.text).complaint for c in clauses)
    ):
        return True
    # さすがです after what the rest of the comment complains of, on balance (お盆明けに届いた。
    # さすがです), not after praise that merely mentions a trouble (角折れ一切なし！さすがです).
    return _JA_SARCASM_IF_COMPLAINT.search(text) is not None and (
        sum(
            _score(c.text).total for c in clauses if _JA_SARCASM_IF_COMPLAINT.search(c.text) is None
        )
        < 0
    )
