"""Fast theme matching: one Aho-Corasick pass finds the candidate themes of a comment.

:meth:`nps_kit.themes.Theme.matches` searches one regular-expression alternation per theme, which
costs about 2.5 µs per theme and comment. Most of those alternatives are literal keywords, so one
Aho-Corasick automaton over the keywords of all themes finds, in a single pass over the comment,
every keyword occurrence; English keywords then get the whole-word check of :func:`en_keyword`.

Regular expressions (a theme's ``patterns`` and its ``exclude``) cannot go into the automaton,
but most of them cannot match without some literal text ("届" for "(商品|荷物)[^。]{0,6}届"); the
same pass looks for those literals (see :func:`required_literals`), and a regular expression is
only searched in comments that contain one. A theme's ``exclude`` is applied exactly as
``Theme.matches`` does. The result is always that of ``Theme.matches``: a theme whose alternation
cannot be rebuilt from its keywords and patterns (e.g. a ``Theme`` built by hand) is matched with
``Theme.matches``, and a regular expression without a required literal is always searched.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Collection, Iterable, Sequence
from typing import Any, Protocol

import ahocorasick
import numpy as np

from nps_kit.text._lemma import lemma_text

_sre: Any
_sre_parse: Any
try:  # the parser behind re.compile: private, so only an optimisation depends on it
    _sre = importlib.import_module("re._constants")
    _sre_parse = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - without it every regular expression is searched
    _sre = _sre_parse = None

# What ``[a-z0-9]`` in the lookarounds of ``en_keyword`` matches (no re.IGNORECASE).
_WORD_CHARS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def en_keyword(word: str) -> str:
    r"""Return the regular expression of an English keyword: whole word, optional plural.

    Whole words via lookarounds, not ``\b``: in Python ``\w`` includes kana and kanji, so
    "アプリのappが" would otherwise not match "app". The look-behind sits after the first
    character so that the regex engine can still skip quickly to positions where a keyword's
    first letter is.
    """
    return rf"{re.escape(word[0])}(?<![a-z0-9].){re.escape(word[1:])}(?:e?s)?(?![a-z0-9])"


def keyword_parts(ja: Iterable[str], en: Iterable[str]) -> list[str]:
    """Return the alternatives of normalised literal keywords, Japanese first."""
    return [re.escape(w) for w in ja] + [en_keyword(w) for w in en]


def join_source(parts: Iterable[str]) -> str:
    """Join regular expressions into one alternation (the source of ``Theme.pattern``)."""
    return "|".join(f"(?:{p})" for p in parts)


def _sequence(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Find the required literals of a concatenation: any item's will do, all must match."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        found = _node(op, av)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset(["".join(run)]))
    # The longest shortest literal is likely the rarest in comments.
    return max(options, key=lambda o: min(map(len, o)), default=None)


def _node(op: Any, av: Any) -> frozenset[str] | None:
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = av
        return None if add_flags & re.IGNORECASE else _sequence(items)
    if op is _sre.BRANCH:
        found = [_sequence(branch) for branch in av[1]]
        if any(f is None for f in found):
            return None
        return frozenset().union(*found)  # type: ignore[arg-type]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, items = av
        return _sequence(items) if low > 0 else None
    if op is _sre.ATOMIC_GROUP:
        return _sequence(av)
    # Anything else (character sets, lookarounds, anchors, back-references…) requires nothing.
    return None


def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Return strings of which every match of ``pattern`` contains at least one.

    ``None`` if there are none (e.g. ``"[0-9]+"``), if ``pattern`` ignores case, or if it cannot
    be analysed. Literals are found in concatenations, groups, alternations (one per branch) and
    repetitions of at least once.
    """
    if _sre_parse is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _sequence(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unknown parser version: search the regex every time
        return None
    return None if found is None or "" in found else found


def _whole_word(text: str, start: int, end: int, first_is_newline: bool) -> bool:
    """Tell whether ``en_keyword`` accepts the keyword found at ``text[start:end]``."""
    # (?<![a-z0-9].) after the first character; "." never matches a newline.
    if start > 0 and not first_is_newline and text[start - 1] in _WORD_CHARS:
        return False
    # (?:e?s)?(?![a-z0-9]): the regex engine backtracks through "es", "s" and nothing.
    n = len(text)
    if end >= n or text[end] not in _WORD_CHARS:
        return True
    if text[end] == "s" and (end + 1 >= n or text[end + 1] not in _WORD_CHARS):
        return True
    return text.startswith("es", end) and (end + 2 >= n or text[end + 2] not in _WORD_CHARS)


class Theme(Protocol):
    """What the matcher needs of a theme (:class:`nps_kit.text.themes.Theme` has it).

    A protocol rather than an import, so that this module does not depend on ``themes``, which
    depends on it.
    """

    @property
    def pattern(self) -> re.Pattern[str]: ...
    @property
    def exclude(self) -> re.Pattern[str] | None: ...
    @property
    def keywords_ja(self) -> tuple[str, ...]: ...
    @property
    def keywords_en(self) -> tuple[str, ...]: ...
    @property
    def patterns(self) -> tuple[str, ...]: ...
    def matches(self, normalised_text: str) -> bool: ...
    def matches_lemmas(self, normalised_text: str) -> bool: ...


class _Entry:
    """What one string in the automaton means for each theme."""

    __slots__ = ("en", "exclude", "first_is_newline", "ja", "length", "patterns")

    def __init__(self, word: str) -> None:
        self.length = len(word)
        self.first_is_newline = word[0] == "\n"
        self.ja: set[int] = set()  # themes with this Japanese keyword
        self.en: set[int] = set()  # themes with this English keyword (whole word)
        self.patterns: set[int] = set()  # themes whose patterns need this literal
        self.exclude: set[int] = set()  # themes whose exclude needs this literal


class ThemeMatcher:
    """Match normalised comments against several themes at once, exactly as ``Theme.matches``.

    Parameters
    ----------
    themes
        The themes, in book order; ``tag(texts)[i, j]`` is ``themes[j].matches(texts[i])``.
    """

    def __init__(self, themes: Sequence[Theme]) -> None:
        self._themes = tuple(themes)
        plain = re.compile("").flags
        entries: dict[str, _Entry] = {}

        def entry(word: str) -> _Entry:
            if word not in entries:
                entries[word] = _Entry(word)
            return entries[word]

        self._reference: list[int] = []  # matched with Theme.matches
        self._patterns: dict[int, re.Pattern[str]] = {}
        self._always_patterns: list[int] = []  # patterns without a required literal
        self._always_exclude: set[int] = set()  # exclude without a required literal
        for i, theme in enumerate(self._themes):
            parts = keyword_parts(theme.keywords_ja, theme.keywords_en) + list(theme.patterns)
            rebuilt = bool(parts) and join_source(parts) == theme.pattern.pattern
            empty = "" in theme.keywords_ja or "" in theme.keywords_en
            if not rebuilt or theme.pattern.flags != plain or empty:
                self._reference.append(i)
                continue
            for word in theme.keywords_ja:
                entry(word).ja.add(i)
            for word in theme.keywords_en:
                entry(word).en.add(i)
            if theme.patterns:
                self._patterns[i] = re.compile(join_source(theme.patterns))
                literals = required_literals(self._patterns[i])
                if literals is None:
                    self._always_patterns.append(i)
                for word in literals or ():
                    entry(word).patterns.add(i)
            if theme.exclude is not None:
                literals = required_literals(theme.exclude)
                if literals is None:
                    self._always_exclude.add(i)
                for word in literals or ():
                    entry(word).exclude.add(i)
        # Themes with an exclude (not matched by reference): their lemma pass needs the text
        # blanked first, see Theme.matches_lemmas.
        self._excluding = [
            i
            for i, t in enumerate(self._themes)
            if t.exclude is not None and i not in self._reference
        ]
        self._automaton: Any = None
        if entries:
            self._automaton = ahocorasick.Automaton()
            for word, item in entries.items():
                item.en -= item.ja  # a Japanese keyword needs no check
                self._automaton.add_word(word, item)
            self._automaton.make_automaton()

    def matches(self, text: str) -> list[int]:
        """Return the indices of the themes that ``text`` (normalised) mentions, in order.

        Like ``Theme.matches``, a theme matches the text or its English lemmas.
        """
        found, maybe_exclude = self._search(text, reference=True)
        hits = set(found)
        lemmas = lemma_text(text)
        # Unchanged lemmas find nothing new, except where blanking an exclude changes the text.
        candidates = set(self._search(lemmas, reference=False)[0]) if lemmas != text else set()
        for i in self._excluding:
            if i in hits:
                continue
            # Where exclude blanks nothing, the lemmas of the blanked text are ``lemmas``; an
            # exclude whose required literal is not in the text blanks nothing.
            exclude = self._themes[i].exclude
            if i not in maybe_exclude or exclude.search(text) is None:  # type: ignore[union-attr]
                if i in candidates:
                    hits.add(i)
            elif self._themes[i].matches_lemmas(text):
                hits.add(i)
        hits.update(i for i in candidates if self._themes[i].exclude is None)
        return sorted(hits)

    def _search(self, text: str, *, reference: bool) -> tuple[list[int], set[int]]:
        """Return the themes found in ``text`` and those whose exclude may match it."""
        # Hand-built themes are matched by Theme.matches, which tries the lemmas itself.
        hits = [i for i in self._reference if reference and self._themes[i].matches(text)]
        found: set[int] = set()  # themes whose ``pattern`` is found in the text
        maybe_patterns: set[int] = set()
        maybe_exclude = self._always_exclude
        if self._automaton is not None:
            maybe_exclude = set(maybe_exclude)
            for last, item in self._automaton.iter(text):
                found |= item.ja
                for i in item.en:
                    if i not in found and _whole_word(
                        text, last + 1 - item.length, last + 1, item.first_is_newline
                    ):
                        found.add(i)
                maybe_patterns |= item.patterns
                maybe_exclude |= item.exclude
        for i in self._always_patterns:
            maybe_patterns.add(i)
        for i in maybe_patterns - found:
            if self._patterns[i].search(text) is not None:
                found.add(i)
        for i in found:
            exclude = self._themes[i].exclude
            # Where nothing is excluded the blanked text is the text itself, already matched.
            if (
                exclude is None
                or i not in maybe_exclude
                or exclude.search(text) is None
                or self._themes[i].pattern.search(exclude.sub(" ", text)) is not None
            ):
                hits.append(i)
        return hits, maybe_exclude

    def tag(self, texts: Collection[str]) -> np.ndarray:
        """Return a boolean array: one row per text, one column per theme."""
        out = np.zeros((len(texts), len(self._themes)), dtype=bool)
        for row, text in enumerate(texts):
            hits = self.matches(text)
            if hits:
                out[row, hits] = True
        return out
