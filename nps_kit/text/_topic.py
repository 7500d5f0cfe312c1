"""Whether a comment names a topic at all (private to :mod:`nps_kit.text._layer`).

Survey answers are full of sentences that judge without naming anything: 残念です。, 最悪,
また利用します！, "Won't be back.", "Hope it gets better.", "Thanks!". A person tags no theme on
them, but the learned layer, trained on longer comments where such words sit beside a topic, can
read one into them (残念です。 → quality, "Won't be back." → returns). :func:`names_no_topic`
tells such a comment: every content word of it is in the generic vocabulary below (words of
judgement, loyalty, thanks and closing formulas, which name no topic in any pack). Words that
judge *and* point at a topic ("slow", "rude", 高い, 親切) are not generic, nor are "service",
"people", "work", 使う or 次回, which a pack may take as a topic. Only whole comments are
judged: a generic sentence beside a topical one ("Way too pricey. Won't be back.") leaves the
comment to the layer, which reads the context.
"""

from __future__ import annotations

from typing import Literal

from nps_kit.text.tokens import NEGATED, _tokens

__all__ = ["GENERIC_EN", "GENERIC_JA", "names_no_topic"]

#: English lemmas (as :func:`nps_kit.text.tokens.tokenise` gives them) that name no topic.
GENERIC_EN: frozenset[str] = frozenset(
    """
    terrible awful horrible horrendous dreadful bad worse worst poor rubbish crap shocking
    disappointed disappointing disappointment frustrating frustrated annoying annoyed unhappy
    happy happier happiest glad satisfied dissatisfied unsatisfied pleased displeased impressed
    unimpressed impressive love loved like hate great good better best excellent amazing awesome
    fantastic brilliant superb perfect wonderful lovely nice fine ok okay alright average decent
    mediocre meh special outstanding incredible exceptional terrific stellar phenomenal
    recommend recommended recommendation highly definitely absolutely totally truly seriously
    honestly literally generally overall usually always never again back ever forever anymore
    keep stay continue carry thank thanks thx ty cheer cheers please pls hope hopefully fix
    improve improvement nothing everything anything something none na nope yes yeah yep no sure
    maybe guess think say feel felt expect expected expectation expectations enough well
    experience time first customer year month day guy guys friend family loyal loyalty deserve
    star stars score rating rate ten zero get use using add come whole lot lots bit kind sort
    pretty quite rather
    somewhat fairly extremely super bye regard regards wow lol omg ugh hmm um
    """.split()
)

#: Japanese words (as :func:`nps_kit.text.tokens.tokenise` gives them) that name no topic.
GENERIC_JA: frozenset[str] = frozenset(
    """
    最悪 最高 残念 期待 期待外れ 満足 大満足 不満 不満ない 悪くない 普通 まあまあ 微妙 可ない
    不可ない 無し なし 侭 十分 利用 利用しない 使わない 改善 頑張る 応援 感謝 今後
    引き続き 世話 友人 友達 家族 知人 勧める 薦める 紹介 また 感動 嬉しい うれしい 楽しい
    助かる 素晴らしい 素敵 酷い ひどい がっかり 失望 不快 文句 文句ない 問題ない 特別 普段 いつも
    初めて 書く 一番 好き 嫌い 気持ち 印象 全体的 全般 色々 いろいろ 総合 総合的 評価 点数 理由
    何とか なんとか 希望 要望 意見 感想 二度と もう 絶対 是非 ぜひ これから 継続 続ける 願う
    お願い 検討 ありがとう 有り難い ありがたい 宜しい よろしい 宜しく よろしく 今まで 長年 年間
    ずっと 大好き 安心 がんばる 頑張れる 期待する 満足度 不満足 星 以前 最近 前 非常 大変
    ほんと まじ マジ 特にない 無い 良かった 悪かった 残念だ 結構 かなり 割と 別に
    """.split()
)


def names_no_topic(text: str, lang: Literal["ja", "en"]) -> bool:
    """Whether a comment judges without naming a topic.

    Parameters
    ----------
    text
        A normalised comment (:func:`nps_kit.text.tokens.normalise_one`).
    lang
        The language the layer read it in.

    Returns
    -------
    bool
        True when the comment has content words (:func:`nps_kit.text.tokens.tokenise`) and
        all of them are generic. A comment without any (よろしくお願いします。, "$$$ for what it
        does": the tokeniser's stop words) is not judged: False.

    Examples
    --------
    >>> names_no_topic("残念です。", "ja"), names_no_topic("値段が高い。残念です。", "ja")
    (True, False)
    >>> names_no_topic("won't be back.", "en"), names_no_topic("way too pricey.", "en")
    (True, False)
    """
    words = GENERIC_JA if lang == "ja" else GENERIC_EN
    tokens = _tokens(text, lang)
    return bool(tokens) and all(token.removeprefix(NEGATED) in words for token in tokens)
