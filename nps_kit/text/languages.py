"""Which comments are written in a language no pack reads (French, German, Spanish …).

The packs read Japanese and English (:func:`nps_kit.text.tokens.detect_language` tells them
apart by script). A comment in Latin letters is read as English unless it is *confidently*
another language: CLD2 (``pycld2``, Chromium's detector, whose tables ship compiled inside the
wheel, so nothing is downloaded at run time) names it, calls its answer reliable, gives that
language at least :data:`MIN_PERCENT` of the text, and the comment has at least
:data:`MIN_LETTERS` letters in at least :data:`MIN_WORDS` words. On every readable labelled
en/ja set in ``tests/data`` (42,281 comments) no English or Japanese comment is called another
language by this rule (``benchmarks/lang47_eval.py``); short answers ("Merci", "Danke!") stay
English, as before.

This module is the one home of that decision. :func:`nps_kit.text.tag_themes` and the polarity
give such comments no themes (so no polarity either, and none taken from the score),
``themes --suggest`` leaves them out, and the language line of ``inspect`` / the report counts
them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache

import numpy as np
import pandas as pd

from nps_kit.i18n import Language

__all__ = [
    "MIN_LETTERS",
    "MIN_PERCENT",
    "MIN_WORDS",
    "comment_languages",
    "japanese_names",
    "language_name",
    "other_language",
    "unread",
]

#: Fewer letters than this and a comment is never called another language: short answers are
#: where a detector guesses (CLD2 calls "No frills, no fuss." Romansh).
MIN_LETTERS = 15
#: The share of the text (per cent, CLD2's own figure) the other language must hold.
MIN_PERCENT = 60
#: Fewer words than this and a comment is never called another language: one long word
#: ("MESSENGERMESSENGER", a product code) is no sentence to tell a language by.
MIN_WORDS = 3

_LETTER = re.compile(r"[^\W\d_]")
_WORD = re.compile(r"[^\W\d_]+")
# At least MIN_LETTERS letters and MIN_WORDS words from the start: the same answers as counting
# _LETTER's and _WORD's matches (a character is a letter or one of \W, \d, _), without a list
# of every letter of every English comment (a tenth of the unit's discovery and themes time).
# Possessive: a word is a whole run of letters, never cut in two to make up the count.
_ENOUGH_LETTERS = re.compile(rf"(?:[\W\d_]*+[^\W\d_]){{{MIN_LETTERS}}}")
_ENOUGH_WORDS = re.compile(rf"(?:[\W\d_]*+[^\W\d_]++){{{MIN_WORDS}}}")

# Codes CLD2 gives that are no language a reader could be told of: unknown, and its script
# pseudo-languages (emoji come out as "xx-Qaai").
_NOT_A_LANGUAGE = frozenset({"un", "en", "ja"})

#: Display names of the languages an export most often holds, (English, Japanese); any other
#: takes CLD2's own English name.
_NAMES: dict[str, tuple[str, str]] = {
    "fr": ("French", "フランス語"),
    "de": ("German", "ドイツ語"),
    "es": ("Spanish", "スペイン語"),
    "it": ("Italian", "イタリア語"),
    "pt": ("Portuguese", "ポルトガル語"),
    "nl": ("Dutch", "オランダ語"),
    "sv": ("Swedish", "スウェーデン語"),
    "da": ("Danish", "デンマーク語"),
    "no": ("Norwegian", "ノルウェー語"),
    "nn": ("Norwegian", "ノルウェー語"),
    "fi": ("Finnish", "フィンランド語"),
    "pl": ("Polish", "ポーランド語"),
    "cs": ("Czech", "チェコ語"),
    "hu": ("Hungarian", "ハンガリー語"),
    "ro": ("Romanian", "ルーマニア語"),
    "tr": ("Turkish", "トルコ語"),
    "id": ("Indonesian", "インドネシア語"),
    "ms": ("Malay", "マレー語"),
    "vi": ("Vietnamese", "ベトナム語"),
    "tl": ("Tagalog", "タガログ語"),
    "ca": ("Catalan", "カタルーニャ語"),
    "ru": ("Russian", "ロシア語"),
    "uk": ("Ukrainian", "ウクライナ語"),
    "el": ("Greek", "ギリシャ語"),
    "ko": ("Korean", "韓国語"),
    "zh": ("Chinese", "中国語"),
    "th": ("Thai", "タイ語"),
    "ar": ("Arabic", "アラビア語"),
    "he": ("Hebrew", "ヘブライ語"),
    "hi": ("Hindi", "ヒンディー語"),
}


@lru_cache(maxsize=131072)
def _detect(text: str) -> tuple[str, str] | None:
    """Return CLD2's (code, name) for ``text`` when it is confident, else ``None``."""
    import pycld2

    try:
        reliable, _, details = pycld2.detect(text, isPlainText=True)
    except pycld2.error:  # text CLD2 cannot take (invalid UTF-8 such as lone surrogates)
        return None
    name, code, percent, _ = details[0]
    if not reliable or percent < MIN_PERCENT:
        return None
    return str(code), str(name)


@lru_cache(maxsize=131072)  # themes, polarity, phrases and discovery read the same comments
def other_language(text: str) -> str | None:
    """Return the code of the language ``text`` is in when it is neither English nor Japanese.

    Parameters
    ----------
    text
        One comment, as written or normalised (:func:`nps_kit.text.normalise_one`).

    Returns
    -------
    str or None
        An ISO 639-1 code such as ``"fr"`` when the comment is confidently in another language
        (see the module's rule), else ``None``: English, Japanese, too short or not sure.
    """
    from nps_kit.text.tokens import _language_of

    if len(text) < MIN_LETTERS or _language_of(text) != "en":
        return None
    if _ENOUGH_LETTERS.match(text) is None or _ENOUGH_WORDS.match(text) is None:
        return None
    # Detected once for a comment as written and as the tagger normalised it (NFKC, case,
    # spaces): themes read the normalised text, phrases and discovery the written one.
    found = _detect(" ".join(unicodedata.normalize("NFKC", text).casefold().split()))
    if found is None:
        return None
    code = found[0]
    if code in _NOT_A_LANGUAGE or code.startswith("xx"):
        return None
    return code


def _name(code: str) -> str:
    import pycld2

    for name, known in pycld2.LANGUAGES:
        if known == code:
            return str(name).replace("_", " ").title()
    return code


def language_name(code: str, lang: Language) -> str:
    """Return the name of the language ``code`` in the report language ``lang``.

    Parameters
    ----------
    code
        A code :func:`other_language` returns (``"fr"``).
    lang
        ``"en"`` or ``"ja"``.

    Returns
    -------
    str
        ``French`` / ``フランス語``; a language without a Japanese name here keeps its English
        one.
    """
    names = _NAMES.get(code)
    if names is None:
        return _name(code)
    return names[1] if lang == "ja" else names[0]


def comment_languages(texts: pd.Series) -> pd.Series:
    """Tell per comment which language it is in: ``"ja"``, ``"en"`` or another language's code.

    Parameters
    ----------
    texts
        Comments.

    Returns
    -------
    pandas.Series
        ``string`` dtype, same index as ``texts``: ``"ja"`` and ``"en"`` as
        :func:`nps_kit.text.detect_language` says, except the comments :func:`other_language`
        finds in another language, which hold its code; ``<NA>`` where there are no letters.
    """
    from nps_kit.text.tokens import detect_language

    languages = detect_language(texts)
    latin = languages.eq("en").fillna(False).to_numpy(dtype=bool)
    if latin.any():
        cells = texts[latin].astype(str)
        other = cells.map(other_language)
        found = other.notna().to_numpy(dtype=bool)
        if found.any():
            where = np.flatnonzero(latin)[found]
            values = languages.to_numpy(dtype=object)
            values[where] = other[found].to_numpy(dtype=object)
            languages = pd.Series(values, index=texts.index).astype("string")
    return languages


def unread(texts: Sequence[str]) -> np.ndarray:
    """Return a mask of the comments in a language no pack reads (:func:`other_language`).

    Parameters
    ----------
    texts
        Comments, typically the distinct normalised comments a tagger reads.

    Returns
    -------
    numpy.ndarray
        ``bool``, one per comment.
    """
    return np.fromiter(
        (other_language(text) is not None for text in texts), dtype=bool, count=len(texts)
    )


def japanese_names(listed: str) -> str:
    """Turn English shares of languages into Japanese.

    ``French 7 %, German 4 %`` becomes ``フランス語7%、ドイツ語4%``.

    The inverse of how :meth:`nps_kit._answer_language.AnswerLanguage.describe` names them, for
    the Japanese comments of ``init --from``; a name without a Japanese one here stays English.
    """
    japanese = {english: ja for english, ja in _NAMES.values()}
    return "、".join(
        re.sub(r"^(.+?) (\d+) %$", lambda m: f"{japanese.get(m[1], m[1])}{m[2]}%", part.strip())
        for part in listed.split(",")
    )
