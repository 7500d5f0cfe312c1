"""Why a comment has its themes: the words that found each one, or the learned layer.

An analyst who extends a pack (``extends:``) needs to see which keyword or pattern tagged a
comment, which theme the learned layer added without any word, and which word's hit the layer
dropped, to know what to add to the file or what to ``exclude``. :func:`explain_themes` reads
the comments as :func:`nps_kit.text.tag_themes` does and says so, one row per theme.
"""

from __future__ import annotations

import re
from typing import Literal

import numpy as np
import pandas as pd

from nps_kit.text._lemma import lemma_text
from nps_kit.text._match import matcher
from nps_kit.text.languages import unread
from nps_kit.text.themes import Theme, ThemeBook, _learned_layer, _own_words
from nps_kit.text.tokens import _normalised_codes

__all__ = ["SOURCES", "explain_themes", "matched_words"]

Source = Literal["words", "layer", "dropped"]
#: ``words``: the theme's keywords or patterns found it (and the layer kept it); ``layer``: the
#: learned layer added it where no word of it is; ``dropped``: its words are there but the layer
#: judged the comment not about it, so it is not tagged.
SOURCES: tuple[Source, ...] = ("words", "layer", "dropped")
#: The rest of an English word or a number that a match ends inside ("£8" of "£85", "£2" of
#: "£230.50"): a pattern may stop after its first digit or letters, the analyst reads the word.
_REST_OF_WORD = re.compile(r"(?:[a-z0-9]|[.,](?=[0-9]))*")


def _whole(text: str, start: int, end: int) -> str:
    """Return ``text[start:end]``, to the end of the English word or number it ends inside."""
    if 0 < end < len(text) and text[end - 1] in _WORD_CHARS:
        end = _REST_OF_WORD.match(text, end).end()  # type: ignore[union-attr]
    return text[start:end].strip()


_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def matched_words(theme: Theme, normalised_text: str) -> str | None:
    """Return what of a normalised comment ``theme`` matches, as :meth:`Theme.matches` reads it.

    The first match in the text, outside what the theme's ``exclude`` blanks; else the first
    in the comment's English lemmas, followed by ``" (lemmas)"`` ("take age (lemmas)" for
    "took ages"); ``None`` where the theme does not match. A match that ends inside an English
    word or a number is shown to its end ("£85", not the "£8" a money pattern needs).
    """
    blanked = normalised_text if theme.exclude is None else theme.exclude.sub(" ", normalised_text)
    found = theme.pattern.search(blanked)
    if found is not None:
        return _whole(blanked, *found.span())
    lemmas = lemma_text(blanked)
    found = theme.pattern.search(lemmas)
    return None if found is None else f"{_whole(lemmas, *found.span())} (lemmas)"


def explain_themes(texts: pd.Series, book: ThemeBook) -> pd.DataFrame:
    """Say, for each comment and each theme, whether words or the learned layer tagged it.

    Parameters
    ----------
    texts
        Comments, one per response.
    book
        Theme dictionaries from :func:`nps_kit.text.load_themes` or
        :func:`nps_kit.text.load_pack`.

    Returns
    -------
    pandas.DataFrame
        One row per comment and theme that its words find or the learned layer adds, in the
        order of ``texts`` and then of the book: ``row`` (the label of ``texts``' index),
        ``theme`` (id), ``source`` (one of :data:`SOURCES`) and ``words`` (what matched, see
        :func:`matched_words`; empty where the layer added the theme). The themes of
        :func:`nps_kit.text.tag_themes` are exactly the rows whose source is not ``dropped``.
        A comment in a language no pack reads has rows only for the themes the analyst's own
        words find there (``words``: those words), as it is tagged.
    """
    codes, unique = _normalised_codes(texts)
    hits = matcher(book.themes).tag(unique)
    found = _learned_layer(book, unique, hits).found  # ``hits`` without a learned layer
    # A comment in a language no pack reads: no pack word was read there, so no hit of one was
    # dropped by the layer; only the analyst's own words tag it, and they are what is shown.
    foreign = unread(unique)
    hits[foreign] = found[foreign]
    mine = _own_words(book)
    rows: list[tuple[object, str, Source, str]] = []
    labels = texts.index
    any_theme = (hits | found).any(axis=1)
    for position in np.flatnonzero(codes >= 0).tolist():
        code = int(codes[position])
        if not any_theme[code]:
            continue
        text = unique[code]
        for j in np.flatnonzero(hits[code] | found[code]).tolist():
            theme = mine[j] if foreign[code] else book.themes[j]
            if not hits[code, j]:
                rows.append((labels[position], theme.id, "layer", ""))
                continue
            source: Source = "words" if found[code, j] else "dropped"
            rows.append((labels[position], theme.id, source, matched_words(theme, text) or ""))
    frame = pd.DataFrame(rows, columns=["row", "theme", "source", "words"])
    frame["source"] = pd.Categorical(frame["source"], categories=list(SOURCES))
    return frame
