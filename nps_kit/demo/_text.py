"""Free-text generator for the demo dataset (private to :mod:`nps_kit.demo`).

Comments and improvement suggestions are assembled from the phrase table in
:mod:`nps_kit.demo._phrases`: the theme depends on the unit's theme mix, the respondent's
segment and ratings; the wording gets openers, closers, emoji, full-width or casual writing,
typos, and now and then personal data or HTML specials.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

import numpy as np
import pandas as pd

from nps_kit.demo._phrases import PHRASES, THEMES

__all__ = ["THEMES", "TextMaker", "add_texts"]

_T = TypeVar("_T")

# Passive comments: a complaint softened by a frame ({n} complaint, {p} praise).
_MIXED: dict[str, tuple[str, ...]] = {
    "ja": (
        "悪くないけど、{n}",
        "まあまあです。{n}",
        "普通かな。{n}",
        "{p}でも、{n}",
        "全体的には満足ですが、{n}",
        "{n}それ以外は特に問題ありません。",
    ),
    "en": (
        "It's ok, but {nl}",
        "Decent overall. {n}",
        "Not bad, though {nl}",
        "{p} But {nl}",
        "Mostly fine. {n}",
        "{n} Otherwise fine.",
    ),
}
_OPENERS: dict[str, tuple[str, ...]] = {
    "ja": (
        "正直、",
        "いつも利用しています。",
        "初めて利用しました。",
        "うーん、",
        "前回も書きましたが、",
    ),
    "en": ("Honestly, ", "Been a customer for years. ", "First time using it. ", "Well, "),
}
_CLOSERS: dict[tuple[str, str], tuple[str, ...]] = {
    ("ja", "n"): (
        "改善してください。",
        "残念です。",
        "よろしくお願いします。",
        "何とかしてほしい。。",
    ),
    ("ja", "m"): ("よろしくお願いします。", "期待しています。"),
    ("ja", "p"): ("これからも頑張ってください！", "また使います。", "ありがとうございました！"),
    ("en", "n"): ("Please fix this.", "Very frustrating.", "Not good enough!!"),
    ("en", "m"): ("Hope it gets better.", "Thanks."),
    ("en", "p"): ("Thanks!", "Keep it up.", "Thank you so much!"),
}
_EMOJI: dict[str, tuple[str, ...]] = {
    "n": ("😡", "😞", "💢", "👎"),
    "m": ("🤔", "😐"),
    "p": ("😊", "👍", "✨", "🙏", "😄"),
}
_TYPOS: dict[str, tuple[tuple[str, str], ...]] = {
    "ja": (
        ("ありがとうございます", "ありがとうござます"),
        ("ください", "くださぃ"),
        ("。", "。。"),
    ),
    "en": (
        ("receive", "recieve"),
        ("really", "realy"),
        ("support", "suport"),
        ("the ", "teh "),
        ("waited", "waitted"),
        ("answer", "anwser"),
    ),
}
_EMAILS = (
    "taro.yamada@example.jp",
    "hanako.suzuki@example.jp",
    "k.tanaka@example.com",
    "sato-yuki@mail.example.jp",
    "john.smith@example.com",
    "jane.doe@example.net",
    "mike_88@example.org",
)
_PHONES: dict[str, tuple[str, ...]] = {
    "ja": (
        "090-1234-5678",
        "080-5555-0123",
        "03-1234-5678",
        "06-5555-0199",
        "０９０－１２３４－５６７８",
    ),
    "en": ("+1 (555) 123-4567", "(555) 010-4477", "555-0199", "+1 555 201 3344"),
}
_PII: dict[tuple[str, str], tuple[str, ...]] = {
    ("ja", "email"): (
        "詳しくは{x}までご連絡ください。",
        "連絡先：{x}",
        "返信は{x}にお願いします。",
    ),
    ("en", "email"): ("Contact me at {x}.", "my email is {x}", "Please reply to {x}."),
    ("ja", "phone"): ("{x}に電話ください。", "折り返しは{x}まで。", "携帯 {x}"),
    ("en", "phone"): ("Call me at {x}.", "Reach me on {x}.", "My number is {x}."),
    ("ja", "postal"): (
        "〒150-0001 東京都渋谷区神宮前1-2-3に送ってください。",
        "住所は〒530-0001です。",
    ),
    ("en", "postal"): ("I moved to 〒150-0001 Tokyo, please update my address.",),
    ("ja", "html"): (
        "「送料<商品代」なんておかしい。",
        "A&Bプランの違いが分からない。",
        '"無料"と書いてあったのに有料だった。',
    ),
    ("en", "html"): (
        'The "premium" plan isn\'t premium.',
        "Price < value & that's a problem.",
        "R&D should fix this.",
    ),
}
_FULL_WIDTH = {c: c + 0xFEE0 for c in range(0x21, 0x7F)}


@dataclass(frozen=True)
class _Pools:
    """Phrase pools for one unit, indexed by language, tone and theme position."""

    phrases: dict[tuple[str, str, int], tuple[str, ...]]

    def has(self, lang: str, tone: str, theme: int) -> bool:
        return bool(self.phrases.get((lang, tone, theme)))


def _parse() -> list[tuple[str, str, str, tuple[str, ...], str]]:
    rows = []
    for line in PHRASES.strip().splitlines():
        lang, theme, tone, scope, text = line.split("|", 4)
        rows.append((lang, theme, tone, tuple(scope.split(",")), text))
    return rows


_PARSED = _parse()


def _pools(unit: str) -> _Pools:
    names = (*THEMES, "none")
    found: dict[tuple[str, str, int], list[str]] = {}
    for lang, theme, tone, scope, text in _PARSED:
        if scope == ("*",) or unit in scope:
            found.setdefault((lang, tone, names.index(theme)), []).append(text)
    return _Pools({key: tuple(value) for key, value in found.items()})


def _pick(options: Sequence[_T], u: float) -> _T:
    return options[int(u * len(options))]


class TextMaker:
    """Build comments and improvement texts for one unit from pre-drawn random numbers.

    Parameters
    ----------
    unit
        The unit id (selects unit-specific phrases).
    """

    NONE = len(THEMES)

    def __init__(self, unit: str) -> None:
        self.unit = unit
        self.pools = _pools(unit)

    def available(self, lang: str, tone: str) -> np.ndarray:
        """Return a 0/1 mask over :data:`THEMES` of themes with phrases for ``lang``/``tone``."""
        return np.array([self.pools.has(lang, tone, k) for k in range(len(THEMES))], dtype=float)

    def comment(self, lang: str, tone: str, themes: tuple[int, ...], u: np.ndarray) -> str:
        """Return a comment in ``lang`` with ``tone`` (``n``, ``m``, ``p``) about ``themes``.

        ``themes`` holds theme positions (:attr:`NONE` for a generic sentence); ``u`` holds at
        least 12 uniform numbers that make every choice.
        """
        if tone == "m":
            if themes[0] == self.NONE:
                text = _pick(self.pools.phrases[(lang, "m", self.NONE)], u[0])
            else:
                neg = _pick(self.pools.phrases[(lang, "n", themes[0])], u[0])
                # Praise, if the frame has any, is about another theme than the complaint.
                other = themes[1] if len(themes) > 1 else self.NONE
                praise = (
                    self.pools.phrases.get((lang, "p", other))
                    or self.pools.phrases[(lang, "p", self.NONE)]
                )
                frame = _pick(_MIXED[lang], u[1])
                text = frame.format(n=neg, nl=_lower_first(neg), p=_pick(praise, u[2]))
        else:
            parts = [_pick(self.pools.phrases[(lang, tone, t)], u[i]) for i, t in enumerate(themes)]
            text = (" " if lang == "en" else "").join(parts)
        if u[3] < 0.12:
            opener = _pick(_OPENERS[lang], u[4])
            text = opener + (_lower_first(text) if opener.endswith(", ") else text)
        if u[5] < 0.14:
            text += (" " if lang == "en" else "") + _pick(_CLOSERS[(lang, tone)], u[6])
        return self._roughen(text, lang, tone, u[7:12])

    def improvement(self, lang: str, theme: int, u: np.ndarray) -> str:
        """Return a suggestion in ``lang`` about theme position ``theme``."""
        text = _pick(self.pools.phrases[(lang, "i", theme)], u[0])
        if u[1] < 0.2 and theme != self.NONE:
            second = _pick(self.pools.phrases[(lang, "i", self.NONE)], u[2])
            text = text if second.startswith(("特に", "Nothing", "n/a")) else text + second
        return self._roughen(text, lang, "i", u[3:8])

    @staticmethod
    def _roughen(text: str, lang: str, tone: str, u: np.ndarray) -> str:
        """Add the variety of real answers: emoji, full-width or casual writing, typos."""
        if u[0] < 0.06 and tone in _EMOJI:
            text += _pick(_EMOJI[tone], u[1])
        if lang == "ja":
            if u[2] < 0.05:
                text = text.translate(_FULL_WIDTH)
            elif u[2] < 0.07:
                text = text.replace("アプリ", "ｱﾌﾟﾘ").replace("メール", "ﾒｰﾙ")
        elif u[2] < 0.08:
            text = text.lower().rstrip(".")
        if u[3] < 0.03:
            wrong, right = _pick(_TYPOS[lang], u[4])
            text = text.replace(wrong, right, 1)
        return text

    @staticmethod
    def extra(kind: str, lang: str, u: np.ndarray) -> str:
        """Return a sentence carrying personal data or HTML specials (``kind``)."""
        template = _pick(_PII[(lang, kind)], u[0])
        if kind == "email":
            return template.format(x=_pick(_EMAILS, u[1]))
        if kind == "phone":
            return template.format(x=_pick(_PHONES[lang], u[1]))
        return template


def _lower_first(text: str) -> str:
    if text[:1].isascii() and text[:2] not in ("I ", "I'") and not text[:2].isupper():
        return text[:1].lower() + text[1:]
    return text


# Comment theme mix per unit (order of THEMES) for complaints and praise.
_THEME_MIX: dict[str, tuple[tuple[float, ...], tuple[float, ...]]] = {
    "ec": ((6, 10, 22, 4, 3, 5, 2, 8, 6, 8, 3, 3), (10, 4, 20, 1, 2, 1, 4, 10, 12, 3, 2, 2)),
    "stores": ((3, 6, 3, 3, 1, 1, 22, 16, 8, 6, 1, 4), (3, 4, 2, 1, 1, 1, 22, 12, 12, 3, 1, 3)),
    "insurance": ((6, 1, 2, 22, 3, 6, 6, 8, 2, 1, 6, 14), (6, 1, 1, 8, 3, 3, 14, 6, 3, 1, 3, 10)),
    "cloud": ((8, 3, 2, 8, 14, 12, 3, 10, 12, 2, 10, 6), (10, 2, 3, 3, 10, 6, 6, 5, 16, 1, 8, 4)),
    "banking": ((18, 5, 2, 8, 4, 3, 6, 16, 4, 2, 4, 6), (14, 4, 2, 3, 3, 2, 10, 8, 6, 1, 2, 3)),
}
# The rating each theme is about (order of THEMES; None: no rating): a low rating raises the
# chance that a complaint names that theme, a high one that praise does.
_THEME_RATING: tuple[str | None, ...] = (
    "rating_website",
    "rating_website",
    "rating_delivery",
    "rating_support_speed",
    "rating_support_speed",
    "rating_support_speed",
    "rating_staff",
    "rating_price",
    None,
    None,
    "rating_website",
    None,
)


def _theme_weights(
    rows: pd.DataFrame, makers: dict[str, TextMaker], text_lang: np.ndarray, tone: str, use: str
) -> np.ndarray:
    """Return per-row weights over THEMES.

    The unit's mix, tilted by the row's ratings, masked to the themes that have phrases in the
    row's language for tone ``use``.
    """
    related = np.column_stack(
        [
            np.full(len(rows), 3.0)
            if column is None
            else rows[column].to_numpy(dtype=float, na_value=3.0)
            for column in _THEME_RATING
        ]
    )
    positive = tone == "p"
    tilt = np.exp((0.7 if positive else -0.7) * (related - 3.0))
    mix = np.array([_THEME_MIX[u][1 if positive else 0] for u in rows["_unit"]], dtype=float)
    if tone == "m":
        tilt = np.sqrt(tilt)
        mix[:, THEMES.index("price")] *= 2.0  # passives hesitate over price
    mask = np.ones_like(mix)
    for unit_id, maker in makers.items():
        for lang in ("ja", "en"):
            sel = (rows["_unit"].to_numpy() == unit_id) & (text_lang == lang)
            mask[sel] = maker.available(lang, use)
    return mix * tilt * mask


def _sample(weights: np.ndarray, u: np.ndarray) -> np.ndarray:
    cumulative = np.cumsum(weights, axis=1)
    return (cumulative < (u * cumulative[:, -1])[:, None]).sum(axis=1)


def add_texts(rows: pd.DataFrame, rng: np.random.Generator, *, languages: dict[str, str]) -> None:
    """Add ``comment``, ``improvement`` and ``contact_ok`` to the demo rows (in place).

    Also adds ``_text_lang``, the language the respondent's answers are written in.

    Parameters
    ----------
    rows
        Respondents in their final order, with ``_unit`` (unit id), ``_score`` (true 0–10
        score) and the rating columns.
    rng
        The demo's random generator; it makes every choice.
    languages
        Unit id → language (``ja``/``en``) of the unit.
    """
    n = len(rows)
    score = rows["_score"].to_numpy()
    segment = np.where(score >= 9, 2, np.where(score >= 7, 1, 0))
    tones = np.array(["n", "m", "p"])[segment]
    units = rows["_unit"].tolist()
    unit_lang = np.array([languages[unit] for unit in units])
    # One row of uniforms per respondent: columns 0-19 decide what is said, 20-33 the comment
    # wording, 34-47 the improvement wording.
    u = rng.random((n, 48))
    other = np.where(unit_lang == "ja", "en", "ja")
    text_lang = np.where(u[:, 0] < 0.1, other, unit_lang)
    makers = {unit: TextMaker(unit) for unit in languages}

    first = np.zeros(n, dtype=int)
    second = np.zeros(n, dtype=int)
    for tone, use in (("n", "n"), ("m", "n"), ("p", "p")):
        sel = tones == tone
        weights = _theme_weights(rows.loc[sel], makers, text_lang[sel], tone, use)
        first[sel] = _sample(weights, u[sel, 2])
        second[sel] = _sample(weights, u[sel, 3])
    first = np.where(u[:, 4] < np.array([0.15, 0.25, 0.3])[segment], TextMaker.NONE, first)
    two = (
        (u[:, 5] < np.where(tones == "m", 0.6, 0.25))
        & (second != first)
        & (first != TextMaker.NONE)
    )

    has_comment = u[:, 1] < np.array([0.85, 0.65, 0.72])[segment]
    extra_kind = np.select(
        [u[:, 6] < 0.013, u[:, 6] < 0.026, u[:, 6] < 0.0275, u[:, 6] < 0.0315],
        ["email", "phone", "postal", "html"],
        "",
    )
    comments = [""] * n
    for i in np.flatnonzero(has_comment):
        maker = makers[units[i]]
        themes = (int(first[i]), int(second[i])) if two[i] else (int(first[i]),)
        text = maker.comment(str(text_lang[i]), str(tones[i]), themes, u[i, 20:32])
        if extra_kind[i]:
            extra = maker.extra(str(extra_kind[i]), str(text_lang[i]), u[i, 32:34])
            sep = "\n" if u[i, 8] < 0.3 else (" " if text_lang[i] == "en" else "")
            text = extra + sep + text if u[i, 7] < 0.3 else text + sep + extra
        comments[i] = text
    # A couple of answers that would run as markup if a report forgot to escape them.
    planted = rng.choice(np.flatnonzero(has_comment), size=4, replace=False)
    for k, i in enumerate(sorted(planted)):
        if k < 2:
            comments[i] = comments[i] + "<script>alert(1)</script>"
        else:
            comments[i] = f"<b>{comments[i]}</b>"
    rows["comment"] = comments

    # Suggestions follow the unit's complaint mix, whatever the score.
    suggestion = _sample(_theme_weights(rows, makers, text_lang, "n", "i"), u[:, 10])
    same = (segment == 0) & (first != TextMaker.NONE) & (u[:, 11] < 0.6)
    same &= np.array(
        [
            makers[x].pools.has(str(lang), "i", int(t))
            for x, lang, t in zip(units, text_lang, first, strict=True)
        ]
    )
    suggestion = np.where(same, first, suggestion)
    suggestion = np.where(
        u[:, 12] < np.array([0.03, 0.15, 0.5])[segment], TextMaker.NONE, suggestion
    )
    has_improvement = u[:, 13] < np.array([0.6, 0.45, 0.2])[segment]
    improvements = [""] * n
    for i in np.flatnonzero(has_improvement):
        maker = makers[units[i]]
        text = maker.improvement(str(text_lang[i]), int(suggestion[i]), u[i, 34:42])
        if u[i, 14] < 0.005 and suggestion[i] != TextMaker.NONE:
            kind = "email" if u[i, 15] < 0.5 else "phone"
            text += (" " if text_lang[i] == "en" else "") + maker.extra(
                kind, str(text_lang[i]), u[i, 42:44]
            )
        improvements[i] = text
    rows["improvement"] = improvements
    # The language each respondent wrote in (a tenth write in the other one), for write_demo.
    rows["_text_lang"] = text_lang

    yes = u[:, 16] < np.array([0.6, 0.35, 0.42])[segment]
    answers = {"ja": ("はい", "いいえ"), "en": ("Yes", "No")}
    rows["contact_ok"] = [
        "" if blank else answers[lang][0 if ok else 1]
        for lang, ok, blank in zip(unit_lang, yes, u[:, 17] < 0.01, strict=True)
    ]
