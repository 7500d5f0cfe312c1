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

:meth:`ThemeMatcher.find` also says where each theme is found, so that the polarity of a theme
comes from the clause its words are in without matching each clause again, and keeps what it
found per comment: ``tag_themes``, ``tag_polarity`` and the data-quality section of a report
search each distinct comment once (:func:`matcher` keeps one matcher per book).
"""

from __future__ import annotations

import bisect
import importlib
import re
from collections.abc import Collection, Iterable, Sequence
from functools import lru_cache
from typing import Any, Protocol

import ahocorasick
import numpy as np

from nps_kit.text._lemma import WORD as _LEMMA_WORD
from nps_kit.text._lemma import lemma, lemma_text

_sre: Any
_sre_parse: Any
_sre_compile: Any
try:  # the parser behind re.compile: private, so only an optimisation depends on it
    _sre = importlib.import_module("re._constants")
    _sre_parse = importlib.import_module("re._parser")
    _sre_compile = importlib.import_module("re._compiler")
except ImportError:  # pragma: no cover - without it every regular expression is searched
    _sre = _sre_parse = _sre_compile = None

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
    if op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in av):
        return frozenset(chr(code) for _, code in av)  # "[¥$£€]": one of these characters
    # Anything else (character sets, lookarounds, anchors, back-references…) requires nothing.
    return None


# Both analyses below are pure functions of a pattern, remembered like ``re`` remembers what it
# compiled: a matcher, a themes file and the scanners ask about the same patterns.
@lru_cache(maxsize=1024)
def required_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Return strings of which every match of ``pattern`` contains at least one.

    ``None`` if there are none (e.g. ``"[0-9]+"``), if ``pattern`` ignores case, or if it cannot
    be analysed. Literals are found in concatenations, groups, alternations (one per branch),
    sets of plain characters (each character) and repetitions of at least once.
    """
    if _sre_parse is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        found = _sequence(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unknown parser version: search the regex every time
        return None
    return None if found is None or "" in found else found


def _zero_width(op: Any, av: Any) -> bool:
    """Tell whether an item only ever matches the empty string (anchors, lookarounds)."""
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return True
    if op is _sre.SUBPATTERN:
        return all(_zero_width(*item) for item in av[3])
    if op is _sre.BRANCH:
        return all(_zero_width(*item) for branch in av[1] for item in branch)
    return False


# How many strings a set of leading literals may grow to, and how many repetitions of a group
# are spelled out, before the analysis settles for the shorter strings it has.
_MAX_LEADS = 256
_MAX_SPELLED = 2


def _shrink(found: frozenset[str]) -> tuple[frozenset[str], bool]:
    """Cut too many strings to their first characters until few enough are left.

    Every match that starts with a string starts with its first characters too. Returns the
    strings and whether they are the ones given (complete as they were).
    """
    if len(found) <= _MAX_LEADS:
        return found, True
    best = frozenset([""])  # the longest cut that leaves few enough
    for size in range(1, max(map(len, found))):
        cut = frozenset(w[:size] for w in found)
        if len(cut) > _MAX_LEADS:
            break
        best = cut
    return best, False


def _concat(
    items: Sequence[tuple[Any, Any]],
) -> tuple[frozenset[str], bool]:
    """Spell out how a concatenation's matches start (see :func:`_spell`)."""
    heads = frozenset([""])
    for op, av in items:
        found, complete = _spell(op, av)
        heads, kept = _shrink(frozenset(h + f for h in heads for f in found))
        if not (complete and kept):
            return heads, False
    return heads, True


def _spell(op: Any, av: Any) -> tuple[frozenset[str], bool]:
    """Return strings one of which every match of an item starts with, and whether complete.

    Complete means that every match *is* one of the strings, so that what follows the item
    can be spelled on. Zero-width items (anchors, lookarounds) match the empty string; an item
    that cannot be analysed gives only the empty string, not complete.
    """
    if _zero_width(op, av):
        return frozenset([""]), True
    if op is _sre.LITERAL:
        return frozenset([chr(av)]), True
    if op is _sre.IN and all(kind is _sre.LITERAL for kind, _ in av):
        return frozenset(chr(code) for _, code in av), True
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        if add_flags & re.IGNORECASE:
            return frozenset([""]), False
        return _concat(list(sub))
    if op is _sre.ATOMIC_GROUP:  # it matches a subset of what its items match
        return _concat(list(av))
    if op is _sre.BRANCH:
        spelled = [_concat(list(branch)) for branch in av[1]]
        union, kept = _shrink(frozenset().union(*(found for found, _ in spelled)))
        return union, kept and all(complete for _, complete in spelled)
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        found, complete = _concat(list(sub))
        if not complete:
            # At least once: the first repetition starts every match.
            return (found, False) if low > 0 else (frozenset([""]), False)
        last = min(high, low + _MAX_SPELLED)
        out: frozenset[str] = frozenset()
        powers = frozenset([""])  # the strings of ``count`` repetitions
        complete = high <= last  # more repetitions start with one of ``last`` repetitions
        for count in range(last + 1):
            if count >= low:
                out |= powers
            if count == last:
                break
            powers, kept = _shrink(frozenset(p + f for p in powers for f in found))
            if not kept:  # every longer match starts with one of these
                out |= powers
                complete = False
                break
        out, kept = _shrink(out)
        return out, kept and complete
    # Anything else (character ranges, any character, a back-reference…) is not known.
    return frozenset([""]), False


def _leading(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """Find strings one of which every match of a concatenation starts with."""
    found, _complete = _concat(items)
    if "" in found:
        return None
    return _shortest(found)


def _shortest(found: Iterable[str]) -> frozenset[str]:
    """Leave out every string that starts with another one of ``found``.

    It adds nothing: every match starting with it starts with the other. In sorted order such
    a string comes after the shortest string it starts with, with only strings that start with
    that one in between.
    """
    kept: list[str] = []
    for word in sorted(found):
        if not kept or not word.startswith(kept[-1]):
            kept.append(word)
    return frozenset(kept)


@lru_cache(maxsize=1024)
def leading_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    r"""Return strings one of which every match of ``pattern`` starts with.

    ``None`` if not known (a match may start with any character or be empty, ``pattern``
    ignores case, or it cannot be analysed). Zero-width items (``\b``, lookarounds) are
    skipped: ``r"\b(but|though)"`` gives ``{"but", "though"}``.
    """
    if _sre_parse is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        return _leads(_sre_parse.parse(pattern.pattern, pattern.flags))
    except Exception:  # an unknown parser version: scan every position
        return None


def _leads(parsed: Any) -> frozenset[str] | None:
    """:func:`leading_literals` of a parsed pattern."""
    found = _leading(list(parsed))
    return None if found is None or "" in found else found


@lru_cache(maxsize=1024)
def skipping(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""Return ``pattern``, or an equivalent one that the regex engine skips through faster.

    The engine skips quickly to where a match can start only when the pattern starts with a
    literal or every alternative with a character; an alternation whose alternatives start with
    a group or ``\b`` is tried at every place of the text. Prefixed with a look-ahead for the
    first characters of its leading literals (:func:`leading_literals`), every place where no
    match can start fails at once. The look-ahead consumes nothing and every match starts with
    one of those characters, so both find the same matches, with the same groups.
    """
    if _sre_compile is None or pattern.flags & re.IGNORECASE:
        return pattern
    try:
        leads = leading_literals(pattern)
        if not leads:
            return pattern  # nothing to skip to
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        if _sre_compile._get_literal_prefix(parsed, pattern.flags)[
            0
        ] or _sre_compile._get_charset_prefix(parsed, pattern.flags):
            return pattern  # the engine skips by itself
        first = "".join(sorted({word[0] for word in leads}))
        return re.compile(f"(?=[{re.escape(first)}])(?:{pattern.pattern})", pattern.flags)
    except Exception:  # an unknown compiler version, or a pattern that cannot be wrapped
        return pattern


@lru_cache(maxsize=1024)
def _partial(pattern: re.Pattern[str]) -> tuple[Any, frozenset[str], list[Any]] | None:
    """Return the parsed pattern, and its alternatives' leading literals and those without.

    ``None`` if ``pattern`` is no alternation of alternatives with and without leading literals,
    or one without can match the empty string (see :func:`partial_leads`, which with
    :func:`rest_literals` and :func:`rest_tails` reads the alternatives parsed once).
    """
    if _sre_compile is None or pattern.flags & re.IGNORECASE:
        return None
    try:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        if len(parsed.data) != 1 or parsed.data[0][0] is not _sre.BRANCH:
            return None
        leads: set[str] = set()
        rest = []
        for branch in parsed.data[0][1][1]:
            found = _leading(list(branch))
            if found is not None:
                leads |= found
            elif branch.getwidth()[0] == 0:
                return None  # finditer places empty matches where no literal is
            else:
                rest.append(branch)
    except Exception:  # an unknown parser version: scan every position
        return None
    if not leads or not rest:
        return None
    return parsed, frozenset(leads), rest


@lru_cache(maxsize=1024)
def partial_leads(pattern: re.Pattern[str]) -> tuple[frozenset[str], re.Pattern[str]] | None:
    """Split an alternation into alternatives with leading literals and a look-ahead for the rest.

    For a pattern without leading literals (:func:`leading_literals`) whose alternatives mostly
    have them (an exclude of dozens of phrases and one ``[a-z0-9]+の(ほう|方)が``), return the
    leading literals of those alternatives and a pattern that matches, empty, exactly where one
    of the other alternatives matches. A match of ``pattern`` then starts where a leading
    literal starts or where the look-ahead matches. ``None`` if the pattern is no such
    alternation, or if an alternative without leading literals can match the empty string.
    """
    split = _partial(pattern)
    if split is None:
        return None
    parsed, leads, rest = split
    try:
        # (?=rest1|rest2|...), built from the parsed alternatives: their groups keep their
        # numbers, so a back-reference means what it meant in the pattern.
        state = parsed.state
        ahead = _sre_parse.SubPattern(state, [(_sre.BRANCH, (None, rest))])
        look = _sre_parse.SubPattern(state, [(_sre.ASSERT, (1, ahead))])
        return _shortest(leads), _sre_compile.compile(look, pattern.flags)
    except Exception:  # an unknown compiler version: scan every position
        return None


@lru_cache(maxsize=1024)
def rest_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Return strings one of which every match of :func:`partial_leads`' look-ahead needs.

    Each alternative without leading literals gives its required literals
    (:func:`required_literals`); ``None`` if one has none, or ``pattern`` has no such split.
    A text that holds none of them has no place where the look-ahead matches.
    """
    if partial_leads(pattern) is None:
        return None
    found: set[str] = set()
    try:
        for branch in _partial(pattern)[2]:  # type: ignore[index]
            needed = _sequence(branch)
            if needed is None or "" in needed:
                return None
            found |= needed
    except Exception:  # an unknown parser version: search the look-ahead every time
        return None
    return frozenset(found)


#: The parser's back-references: a part of a pattern that has one cannot be matched alone.
_GROUPREFS = tuple(
    getattr(_sre, name, None)
    for name in (
        "GROUPREF",
        "GROUPREF_EXISTS",
        "GROUPREF_IGNORE",
        "GROUPREF_LOC_IGNORE",
        "GROUPREF_UNI_IGNORE",
    )
)


def _refers(node: Any) -> bool:
    """Tell whether a parsed item (or list of them) may hold a back-reference (conservative)."""
    if _sre_parse is not None and isinstance(node, _sre_parse.SubPattern):
        return any(map(_refers, node.data))
    if isinstance(node, (list, tuple)):
        if node and any(node[0] is op for op in _GROUPREFS if op is not None):
            return True
        return any(map(_refers, node))
    return False


def _tail(branch: Any) -> tuple[frozenset[str], list[Any]] | None:
    """Return the rarest leading literals of a part that ends ``branch``, and that part.

    A match of the whole concatenation contains a match of each of its ends, matched alone at
    the same place (lookarounds see the same text), unless that end refers to a group before it.
    Of the ends with leading literals (:func:`_leading`) and no back-reference, the one whose
    shortest literal is longest; ``None`` if there is none.
    """
    items = list(branch)
    best: tuple[frozenset[str], list[Any]] | None = None
    for k in range(1, len(items)):
        end = items[k:]
        found = _leading(end)
        if found is None or _refers(end):
            continue
        if best is None or min(map(len, found)) > min(map(len, best[0])):
            best = (found, end)
    return best


@lru_cache(maxsize=1024)
def rest_tails(pattern: re.Pattern[str]) -> tuple[Any, tuple[re.Pattern[str], ...]] | None:
    """Return what the look-ahead of :func:`partial_leads` needs in a text to match anywhere.

    Each alternative without leading literals ends in a part that has them (:func:`_tail`): an
    automaton of those literals (each to the parts it starts, by index) and the parts compiled
    alone. The look-ahead can match only in a text where one of those parts matches at a place
    where its literal starts. ``None`` if an alternative has no such part, or ``pattern`` has no
    such split.
    """
    if partial_leads(pattern) is None:
        return None
    parsed, _leads, rest = _partial(pattern)  # type: ignore[misc]
    try:
        by_literal: dict[str, set[int]] = {}
        tails: list[re.Pattern[str]] = []
        for branch in rest:
            found = _tail(branch)
            if found is None:
                return None
            literals, end = found
            for literal in literals:
                by_literal.setdefault(literal, set()).add(len(tails))
            tails.append(
                _sre_compile.compile(_sre_parse.SubPattern(parsed.state, end), pattern.flags)
            )
    except Exception:  # an unknown parser or compiler version: no such test
        return None
    automaton = ahocorasick.Automaton()
    for literal, which in by_literal.items():
        automaton.add_word(literal, (len(literal), tuple(sorted(which))))
    automaton.make_automaton()
    return automaton, tuple(tails)


class Scanner:
    r"""``pattern.finditer`` that tries the pattern only where a match can start.

    Python's regular-expression engine tries an alternation that starts with ``\b`` or a
    group at every position of a text; one Aho-Corasick pass finds the places where one of
    the pattern's leading literals (:func:`leading_literals`) starts, and the pattern is
    matched there only, leftmost first and without overlap, as ``finditer`` does. In an
    alternation of which only some alternatives have leading literals, a look-ahead finds
    where the others match (:func:`partial_leads`). Without leading literals it is
    ``finditer`` itself.
    """

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern = pattern
        words = leading_literals(pattern)
        rest = None
        if words is None and (split := partial_leads(pattern)) is not None:
            words, rest = split
        #: The strings one of which every match starts with (:func:`leading_literals`), or,
        #: with :attr:`rest`, every match of the alternatives that have such strings.
        self.leads = words
        #: Matches (empty) where an alternative without leading literals matches, else ``None``.
        self.rest = rest
        self._automaton: Any = None
        if words:
            self._automaton = ahocorasick.Automaton()
            for word in words:
                self._automaton.add_word(word, len(word))
            self._automaton.make_automaton()
        # The look-ahead is tried at every place of a text: only in a text that holds one of
        # the literals its alternatives need (:func:`rest_literals`), found by one pass.
        self._rest_needs: Any = None
        needs = rest_literals(pattern) if rest is not None else None
        if needs:
            self._rest_needs = ahocorasick.Automaton()
            for word in needs:
                self._rest_needs.add_word(word, 0)
            self._rest_needs.make_automaton()
        # Then only where the end of one of those alternatives matches (:func:`rest_tails`):
        # the look-ahead tries every place of the text, its ends only where their literals are.
        self._rest_tails = rest_tails(pattern) if rest is not None else None

    def _rest_starts(self, text: str) -> list[int]:
        """Return where :attr:`rest` matches in ``text`` (empty if it is ``None``)."""
        if self.rest is None:
            return []
        if self._rest_needs is not None and next(self._rest_needs.iter(text), None) is None:
            return []
        if self._rest_tails is not None and not self._rest_tail_in(text):
            return []
        return [m.start() for m in self.rest.finditer(text)]

    def _rest_tail_in(self, text: str) -> bool:
        """Tell whether the end of an alternative of :attr:`rest` matches in ``text``."""
        automaton, tails = self._rest_tails  # type: ignore[misc]
        for last, (length, which) in automaton.iter(text):
            start = last + 1 - length
            for k in which:
                if tails[k].match(text, start) is not None:
                    return True
        return False

    def _starts(self, text: str) -> list[int]:
        found = {last + 1 - length for last, length in self._automaton.iter(text)}
        if self.rest is not None:
            found.update(self._rest_starts(text))
        return sorted(found)

    def finditer(self, text: str) -> list[re.Match[str]]:
        """Return the matches ``pattern.finditer(text)`` finds, in order."""
        if self._automaton is None:
            return list(self.pattern.finditer(text))
        return self.finditer_at(text, self._starts(text))

    def finditer_at(self, text: str, starts: Iterable[int]) -> list[re.Match[str]]:
        """Return the matches ``pattern.finditer(text)`` finds, given where leads start.

        ``starts`` are the offsets, in order and each once, where one of :attr:`leads`
        starts in ``text`` (found by another automaton that has them too); where :attr:`rest`
        matches is added here.
        """
        if self.rest is not None:
            starts = sorted({*starts, *self._rest_starts(text)})
        out: list[re.Match[str]] = []
        # Every match is non-empty (it starts with a literal, or is one of the alternatives
        # of ``rest``, none of which matches empty), so none can start before the end of the
        # previous one; match() sees the text before ``start`` (\b, lookbehinds).
        end = 0
        match = self.pattern.match
        for start in starts:
            if start >= end:
                found = match(text, start)
                if found is not None:
                    out.append(found)
                    end = found.end()
        return out

    def search(self, text: str) -> re.Match[str] | None:
        """Return the match ``pattern.search(text)`` finds."""
        if self._automaton is None:
            return self.pattern.search(text)
        match = self.pattern.match
        for start in self._starts(text):
            found = match(text, start)
            if found is not None:
                return found
        return None


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
                self._patterns[i] = skipping(re.compile(join_source(theme.patterns)))
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
        hits, maybe_exclude, leads = self._search(text, reference=True)
        lemmas = lemma_text(text)
        # Unchanged lemmas find nothing new, except where blanking an exclude changes the text.
        # The lemmas only matter for themes the text itself does not mention.
        candidates = self._search(lemmas, reference=False, skip=hits)[0] if lemmas != text else {}
        if not candidates and not self._excluding:
            return hits
        back: _Offsets | None = None
        # Only a theme whose exclude may match, or that the lemmas find, has anything to do
        # here; in book order, as they were found.
        todo = self._excludes.keys() & (maybe_exclude | candidates.keys())
        for i in sorted(todo):
            if i in hits:
                continue
            # Where exclude blanks nothing, the lemmas of the blanked text are ``lemmas``; an
            # exclude whose required literal is not in the text blanks nothing.
            spans = self._spans(text, i, leads) if i in maybe_exclude else None
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
    ) -> tuple[Found, list[tuple[int, int, tuple[int, ...]]], set[int], Starts]:
        """Find where each theme's ``pattern`` matches ``text``, excludes not applied.

        Returns the themes found with the offsets where their keywords and patterns start (the
        keys are exactly the themes whose ``pattern.search(text)`` finds something), the
        (start, end, themes) of every keyword found, the themes whose exclude may match, and
        where the leading literals of each theme's exclude start (see :meth:`_spans`).
        Themes in ``skip`` are left out (their patterns are not searched); with ``only``, only
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
        return found, keywords, maybe_exclude, leads

    def _search(
        self,
        text: str,
        *,
        reference: bool,
        skip: Collection[int] = (),
        only: int | None = None,
    ) -> tuple[Found, set[int], Starts]:
        """Return the themes found in ``text`` (with offsets) and what :meth:`_places` says.

        Also returned: the themes whose exclude may match and where the leading literals of
        each exclude start. A theme is found where ``Theme._matches`` finds it (its pattern,
        outside what its exclude blanks). Themes in ``skip`` are left out of the result (their
        patterns and excludes are not searched); with ``only``, only that theme is looked for.
        """
        # Hand-built themes are matched by Theme.matches, which tries the lemmas itself.
        hits: Found = {}
        if reference:
            for i in self._reference:
                if self._themes[i].matches(text):
                    hits[i] = []
        found, keywords, maybe_exclude, leads = self._places(text, skip=skip, only=only)
        for i, starts in found.items():
            # Where nothing is excluded the blanked text is the text itself, already matched.
            if i not in maybe_exclude or i not in self._excludes:
                hits[i] = starts
                continue
            spans = self._spans(text, i, leads)
            if not spans:
                hits[i] = starts
            elif (
                any(
                    i in themes and not _overlaps(start, end, spans)
                    for start, end, themes in keywords
                )
                or i in self._places(self._blank(text, i, spans), only=i)[0]
            ):
                # A keyword outside every excluded stretch is in the blanked text too: blanking
                # leaves its letters and only puts a space beside it.
                hits[i] = [s for s in starts if not any(a <= s < b for a, b in spans if a < b)]
        return hits, maybe_exclude, leads

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
