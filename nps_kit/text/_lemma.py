"""English lemmas for theme matching: "took ages" → "take age", "tills" → "till".

Lemmas come from ``simplemma`` (a kept lemmatiser with a dictionary per language, no model
download). Japanese text is left as it is: Japanese keywords are stems found anywhere in a
comment, which already matches every inflection (遅い, 遅く, 遅かった).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

#: What :func:`lemma_text` lemmatises: runs of ASCII letters.
WORD = re.compile(r"[a-z]+")
# The same, kept by re.split: text and words alternate, words at the odd positions.
_SPLIT = re.compile(f"({WORD.pattern})")


@lru_cache(maxsize=262144)
def lemma(word: str) -> str:
    """Return the English lemma of a lower-case word (the word itself if unknown)."""
    import simplemma

    found = str(simplemma.lemmatize(word, lang="en"))
    return found if found.isascii() else word


def lemma_text(text: str) -> str:
    """Replace every English word of a normalised text by its lemma (other text unchanged)."""
    parts = _SPLIT.split(text)
    if len(parts) > 1:  # a list and one join: cheaper than a callback per word in re.sub
        parts[1::2] = [lemma(word) for word in parts[1::2]]
    return "".join(parts)


def with_lemmas(words: Iterable[str]) -> tuple[str, ...]:
    """Return ``words`` followed by the new lemmatised forms of their phrases, keeping the order.

    Only phrases get a lemmatised form ("took ages" → "take age"): a single keyword already
    matches every inflection that lemmatises to it, and its own lemma may be another, more
    common word ("ups" → "up", "premiums" → "premium").
    """
    words = tuple(words)
    seen = set(words)
    extra = []
    for word in words:
        if " " not in word:
            continue
        form = lemma_text(word)
        if form and form not in seen:
            seen.add(form)
            extra.append(form)
    return (*words, *extra)
