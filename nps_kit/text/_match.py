"""Fast theme matching: one Aho-Corasick pass finds the candidate themes of a comment.

:meth:`nps_kit.themes.Theme.matches` searches one regular-expression alternation per theme, which
costs about 2.5 µs per theme and comment. Most of those alternatives are literal keywords, so one
Aho-Corasick automaton over the keywords of all themes finds, in a single pass over the comment,
every keyword occurrence; English keywords then get the whole-word check of :func:`en_keyword`.

Regular expressions (a theme's ``patterns`` and its ``exclude``) cannot go into the automaton,
but most of them cannot match without some literal text ("届" for "(商品|荷物)[^。]{0,6}届"); the
same pass looks for those literals (see :func:`~nps_kit.text._regex_parts.required_literals`),
and a regular expression is only searched in comments that contain one, where one of its matches
can start (:class:`~nps_kit.text._scanner.Scanner`). A theme's ``exclude`` is applied exactly as
``Theme.matches`` does. The result is always that of ``Theme.matches``: a theme whose alternation
cannot be rebuilt from its keywords and patterns (e.g. a ``Theme`` built by hand) is matched with
``Theme.matches``, and a regular expression without a required literal is always searched.

:meth:`ThemeMatcher.find` also says where each theme is found, so that the polarity of a theme
comes from the clause its words are in without matching each clause again, and keeps what it
found per comment: ``tag_themes``, ``tag_polarity`` and the data-quality section of a report
search each distinct comment once (:func:`matcher` keeps one matcher per book).
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from typing import Any, Protocol

import ahocorasick
import numpy as np

from nps_kit.text._lemma import WORD as _LEMMA_WORD
from nps_kit.text._lemma import lemma, lemma_text
from nps_kit.text._regex_parts import required_literals, skipping
from nps_kit.text._scanner import Scanner

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


def _overlaps(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    """Tell whether ``text[start:end]`` meets a stretch that ``re.sub`` replaces.

    An empty match replaces nothing but inserts the replacement, which splits a keyword it
    falls inside.
    """
    return any((a < end and start < b) if a < b else start < a < end for a, b in spans)


class _Entry:
    """What one string in the automaton means for each theme."""

    __slots__ = ("en", "exclude", "first_is_newline", "ja", "leads", "length", "patterns")

    def __init__(self, word: str) -> None:
        self.length = len(word)
        self.first_is_newline = word[0] == "\n"
        self.ja: set[int] = set()  # themes with this Japanese keyword
        self.en: set[int] = set()  # themes with this English keyword (whole word)
        self.patterns: set[int] = set()  # themes whose patterns need this literal
        self.exclude: set[int] = set()  # themes whose exclude needs this literal
        # Themes whose exclude's matches may start with it; ``~i`` for theme i's patterns.
        self.leads: set[int] = set()

    def frozen(self) -> tuple[Any, ...]:
        """Return the automaton's value: tuples are cheaper to read in the search loop.

        The length, whether the string starts with a newline, then the themes (sorted) with it
        as a Japanese keyword, as an English keyword, as a literal of their patterns, of their
        exclude, and as a leading literal (see the attributes). Tuples of numbers only, also
        where sets would do: the garbage collector stops tracking such a tuple, while every
        frozenset (two per string, some ten thousand) would be walked again by each full
        collection for as long as the matcher lives.
        """
        return (
            self.length,
            self.first_is_newline,
            tuple(sorted(self.ja)),
            tuple(sorted(self.en - self.ja)),  # a Japanese keyword needs no check
            tuple(sorted(self.patterns)),
            tuple(sorted(self.exclude)),
            tuple(sorted(self.leads)),
        )


#: Theme index → offsets in the comment where it is found (empty: found, place not known).
Found = dict[int, list[int]]
#: What :meth:`ThemeMatcher.find` returns and keeps: a found theme's offsets as a tuple, which
#: the garbage collector stops tracking (a list per comment and theme kept in the cache is
#: walked again by every full collection).
Hits = dict[int, tuple[int, ...]]
#: Theme index → offsets where a leading literal of its exclude starts (in no order, repeated);
#: under ``~i`` (−1 − i) where one of its patterns' starts.
Starts = dict[int, list[int]]


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
        # Themes that blanking an exclude may let match a text without English words where none
        # of their strings is (see _find): patterns without a literal, or a string without a
        # letter (one with a letter is in no such text) that has a space or is an English
        # keyword (a space beside it may make a whole word).
        self._blank_may_find: set[int] = set()
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
            strings = list(theme.keywords_ja)
            if any(_LEMMA_WORD.search(word) is None for word in theme.keywords_en):
                self._blank_may_find.add(i)
            if theme.patterns:
                self._patterns[i] = skipping(re.compile(join_source(theme.patterns)))
                literals = required_literals(self._patterns[i])
                if literals is None:
                    self._always_patterns.append(i)
                    self._blank_may_find.add(i)
                for word in literals or ():
                    entry(word).patterns.add(i)
                strings.extend(literals or ())
            if any(" " in word and _LEMMA_WORD.search(word) is None for word in strings):
                self._blank_may_find.add(i)
            if theme.exclude is not None:
                literals = required_literals(theme.exclude)
                if literals is None:
                    self._always_exclude.add(i)
                for word in literals or ():
                    entry(word).exclude.add(i)
        # Themes with an exclude (not matched by reference): their lemma pass needs the text
        # blanked first, see Theme.matches_lemmas. Their excludes are tried only where one of
        # its matches can start.
        self._excluding = [
            i
            for i, t in enumerate(self._themes)
            if t.exclude is not None and i not in self._reference
        ]
        self._excludes = {i: Scanner(self._themes[i].exclude) for i in self._excluding}  # type: ignore[arg-type]
        # A theme's patterns likewise: most start with a literal, and an alternation of dozens
        # of them tried at every place where a first letter fits costs more than the one
        # automaton pass that finds where their literals start.
        self._scanners = {i: Scanner(pattern) for i, pattern in self._patterns.items()}
        for i, scanner in self._scanners.items():
            for word in scanner.leads or ():
                entry(word).leads.add(~i)
        # The same pass finds where each exclude's matches may start (its Scanner's leads).
        for i, scanner in self._excludes.items():
            for word in scanner.leads or ():
                entry(word).leads.add(i)
        self._automaton: Any = None
        if entries:
            self._automaton = ahocorasick.Automaton()
            for word, item in entries.items():
                self._automaton.add_word(word, item.frozen())
            self._automaton.make_automaton()
        # Comments repeat across calls (tag_themes, then tag_polarity and the data-quality
        # section on the same comments): each normalised comment is searched once.
        self._cache: dict[str, Hits] = {}
        # The last texts tagged and the answer: tag_themes and the data-quality section pass the
        # same tuple of a column's distinct comments (see tokens._normalised_codes).
        self._last: tuple[Collection[str], np.ndarray] | None = None

    def matches(self, text: str) -> list[int]:
        """Return the indices of the themes that ``text`` (normalised) mentions, in order.

        Like ``Theme.matches``, a theme matches the text or its English lemmas.
        """
        return sorted(self.find(text))

    def find(self, text: str) -> Hits:
        """Return the themes that ``text`` (normalised) mentions, with where each is found.

        The keys are exactly :meth:`matches`; each value lists the offsets in ``text`` where
        the theme's keywords or patterns start, outside excluded text. It is empty where the
        place is not known (a hand-built theme, or a match that only blanking an exclude
        creates); callers then search the parts of the comment themselves. Do not mutate.
        """
        found = self._cache.get(text)
        if found is None:
            if len(self._cache) >= _CACHE_SIZE:
                self._cache.clear()
            found = self._cache[text] = {i: tuple(at) for i, at in self._find(text).items()}
        return found

    def _find(self, text: str) -> Found:
        excluded: dict[int, list[tuple[int, int]]] = {}
        hits, maybe_exclude, leads, (found, searched) = self._search(
            text, reference=True, spans=excluded
        )
        lemmas = lemma_text(text)
        # Unchanged lemmas find nothing new, except where blanking an exclude changes the text.
        # The lemmas only matter for themes the text itself does not mention.
        candidates = self._search(lemmas, reference=False, skip=hits)[0] if lemmas != text else {}
        if not candidates and not self._excluding:
            return hits
        back: _Offsets | None = None
        # A text without English words is its own lemmas, and so is every text blanked from it
        # (blanking only puts spaces in): a theme its pattern found, which its exclude then
        # blanked away, is not found in the blanked text (_search tried it). Nor is one that none
        # of its strings (keywords, the literals its patterns need) touched: in the blanked text
        # a string without a space lies in what is left of the text, where the text has it.
        plain = lemmas == text and _LEMMA_WORD.search(text) is None
        # Only a theme whose exclude may match, or that the lemmas find, has anything to do
        # here; in book order, as they were found.
        todo = self._excludes.keys() & (maybe_exclude | candidates.keys())
        for i in sorted(todo):
            if i in hits:
                continue
            if plain and (
                i in excluded
                or (i not in found and i not in searched and i not in self._blank_may_find)
            ):
                continue
            # Where exclude blanks nothing, the lemmas of the blanked text are ``lemmas``; an
            # exclude whose required literal is not in the text blanks nothing.
            spans = excluded.get(i)  # _search found them for a theme whose pattern it found
            if spans is None and i in maybe_exclude:
                spans = self._spans(text, i, leads)
            if not spans:
                if i in candidates:
                    back = back or _Offsets(text)
                    hits[i] = back.map(candidates[i])
            elif (
                i
                in self._search(lemma_text(self._blank(text, i, spans)), reference=False, only=i)[0]
            ):
                hits[i] = []  # Theme.matches_lemmas
        for i, starts in candidates.items():
            # Only themes that the lemmas alone find need their places mapped back.
            if i not in hits and self._themes[i].exclude is None:
                back = back or _Offsets(text)
                hits[i] = back.map(starts)
        return hits

    def _spans(self, text: str, i: int, leads: Starts) -> list[tuple[int, int]]:
        """Return the spans of the matches of theme ``i``'s exclude in ``text``.

        ``leads`` are where the exclude's leading literals start (from :meth:`_places`).
        """
        scanner = self._excludes[i]
        if not scanner.leads:
            return [m.span() for m in scanner.finditer(text)]
        starts = leads.get(i)
        if not starts and scanner.rest is None:
            return []
        return [m.span() for m in scanner.finditer_at(text, sorted(set(starts or ())))]

    def _blank(self, text: str, i: int, spans: list[tuple[int, int]]) -> str:
        """Return ``exclude.sub(" ", text)`` of theme ``i``, given the spans of its matches."""
        if not self._excludes[i].leads:  # a match may be empty: let re.sub place them
            return self._themes[i].exclude.sub(" ", text)  # type: ignore[union-attr]
        # Every match is non-empty: each is replaced by one space, as re.sub does.
        parts = []
        last = 0
        for a, b in spans:
            parts.append(text[last:a])
            last = b
        parts.append(text[last:])
        return " ".join(parts)

    def _places(
        self, text: str, *, skip: Collection[int] = (), only: int | None = None
    ) -> tuple[Found, list[tuple[int, int, tuple[int, ...]]], set[int], Starts, set[int]]:
        """Find where each theme's ``pattern`` matches ``text``, excludes not applied.

        Returns the themes found with the offsets where their keywords and patterns start (the
        keys are exactly the themes whose ``pattern.search(text)`` finds something), the
        (start, end, themes) of every keyword found, the themes whose exclude may match, and
        where the leading literals of each theme's exclude start (see :meth:`_spans`), and the
        themes whose patterns were searched (a literal they need is in the text). Themes in
        ``skip`` are left out (their patterns are not searched); with ``only``, only
        that theme is looked for.
        """
        found: Found = {}  # themes whose ``pattern`` is found in the text, with offsets
        keywords: list[tuple[int, int, tuple[int, ...]]] = []  # (start, end, themes) of each
        maybe_patterns: set[int] = set()
        maybe_exclude = self._always_exclude
        leads: Starts = {}
        if self._automaton is not None:
            maybe_exclude = set(maybe_exclude)
            for last, value in self._automaton.iter(text):
                length, newline, ja, en, patterns, exclude, lead = value
                start = last + 1 - length
                for i in lead:
                    if i in leads:
                        leads[i].append(start)
                    else:
                        leads[i] = [start]
                if en and _whole_word(text, start, last + 1, newline):
                    ja = ja + en if ja else en
                if ja:
                    for i in ja:
                        if i in found:
                            found[i].append(start)
                        else:
                            found[i] = [start]
                    if not newline:
                        keywords.append((start, last + 1, ja))
                if patterns:
                    maybe_patterns.update(patterns)
                if exclude:
                    maybe_exclude.update(exclude)
        maybe_patterns.update(self._always_patterns)
        if only is not None:
            maybe_patterns &= {only}
            found = {only: found[only]} if only in found else {}
        if skip:
            maybe_patterns.difference_update(skip)
            for i in skip:
                found.pop(i, None)
        for i in maybe_patterns:
            # Every place, also for a theme its keywords found: the clauses of a comment
            # each take the themes that start in them.
            scanner = self._scanners[i]
            if scanner.leads:
                at = leads.get(~i)
                found_at = (
                    scanner.finditer_at(text, sorted(set(at or ())))
                    if at or scanner.rest is not None
                    else ()
                )
            else:
                found_at = scanner.finditer(text)
            starts = [m.start() for m in found_at]
            if starts:
                found[i] = [*found[i], *starts] if i in found else starts
        return found, keywords, maybe_exclude, leads, maybe_patterns

    def _search(
        self,
        text: str,
        *,
        reference: bool,
        skip: Collection[int] = (),
        only: int | None = None,
        spans: dict[int, list[tuple[int, int]]] | None = None,
    ) -> tuple[Found, set[int], Starts, tuple[Found, set[int]]]:
        """Return the themes found in ``text`` (with offsets) and what :meth:`_places` says.

        Also returned: the themes whose exclude may match, where the leading literals of each
        exclude start, and the themes whose pattern is in the text (before excludes) with those
        whose patterns were searched. A theme is found where ``Theme._matches`` finds it (its
        pattern, outside what its exclude blanks). Themes in ``skip`` are left out of the result
        (their patterns and excludes are not searched); with ``only``, only that theme is looked
        for. ``spans`` gets the spans of each exclude searched for (a theme whose pattern is in
        the text and whose exclude may match).
        """
        # Hand-built themes are matched by Theme.matches, which tries the lemmas itself.
        hits: Found = {}
        if reference:
            for i in self._reference:
                if self._themes[i].matches(text):
                    hits[i] = []
        found, keywords, maybe_exclude, leads, searched = self._places(text, skip=skip, only=only)
        for i, starts in found.items():
            # Where nothing is excluded the blanked text is the text itself, already matched.
            if i not in maybe_exclude or i not in self._excludes:
                hits[i] = starts
                continue
            cut = self._spans(text, i, leads)
            if spans is not None:
                spans[i] = cut
            if not cut:
                hits[i] = starts
            elif (
                any(
                    i in themes and not _overlaps(start, end, cut)
                    for start, end, themes in keywords
                )
                or i in self._places(self._blank(text, i, cut), only=i)[0]
            ):
                # A keyword outside every excluded stretch is in the blanked text too: blanking
                # leaves its letters and only puts a space beside it.
                hits[i] = [s for s in starts if not any(a <= s < b for a, b in cut if a < b)]
        return hits, maybe_exclude, leads, (found, searched)

    def tag(self, texts: Collection[str]) -> np.ndarray:
        """Return a boolean array: one row per text, one column per theme."""
        if self._last is not None and self._last[0] is texts and isinstance(texts, tuple):
            return self._last[1].copy()
        rows: list[int] = []
        columns: list[int] = []
        for row, text in enumerate(texts):
            hits = self.find(text)
            if hits:
                rows.extend([row] * len(hits))
                columns.extend(hits)
        out = np.zeros((len(texts), len(self._themes)), dtype=bool)
        out[rows, columns] = True  # one assignment: numpy's per-call cost dominates per row
        if isinstance(texts, tuple):  # immutable: the same object has the same answer
            self._last = (texts, out.copy())
        return out


_CACHE_SIZE = 200_000


class _Offsets:
    """Map offsets in the English lemmas of a text (:func:`lemma_text`) back to the text."""

    def __init__(self, text: str) -> None:
        self._lemma_starts: list[int] = []
        self._lemma_ends: list[int] = []
        self._starts: list[int] = []
        self._ends: list[int] = []
        shift = 0
        for m in _LEMMA_WORD.finditer(text):
            form = lemma(m.group())
            self._lemma_starts.append(m.start() + shift)
            self._lemma_ends.append(m.start() + shift + len(form))
            self._starts.append(m.start())
            self._ends.append(m.end())
            shift += len(form) - (m.end() - m.start())

    def map(self, offsets: list[int]) -> list[int]:
        """Return the text offsets of lemma-text offsets (a word's start for inside a word)."""
        out = []
        for p in offsets:
            k = bisect.bisect_right(self._lemma_starts, p) - 1
            if k < 0:
                out.append(p)
            elif p < self._lemma_ends[k]:
                out.append(self._starts[k])
            else:
                out.append(self._ends[k] + p - self._lemma_ends[k])
        return out


@lru_cache(maxsize=16)
def matcher(themes: tuple[Theme, ...]) -> ThemeMatcher:
    """Return the one matcher of a book's themes (built once: the automaton takes a while)."""
    return ThemeMatcher(themes)
