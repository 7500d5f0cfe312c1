"""What a regular expression needs to match, read from its parsed form, and scanning by it.

Private to the text package. Python's engine tries a pattern at every place of a text unless it
starts with a literal; these functions read the parsed pattern (``re._parser``) to find what a
match cannot do without, so that one Aho-Corasick pass finds where the pattern can match:

- :func:`required_literals`: strings of which every match contains one (a pre-filter);
- :func:`leading_literals`: strings of which every match starts with one;
- :func:`partial_leads`, :func:`rest_literals`, :func:`rest_tails`: for an alternation whose
  alternatives only partly have leading literals, those literals, a look-ahead for the other
  alternatives, the literals those need and the ends of theirs that can be matched alone;
- :func:`skipping`: an equivalent pattern that the engine skips through faster.

:class:`nps_kit.text._scanner.Scanner` is ``finditer`` and ``search`` of one pattern tried only
at those places; the theme matcher (:mod:`nps_kit.text._match`) and the clause rules use it.
Every analysis is
conservative: where the parser is unknown or a pattern cannot be analysed, the answer is
"nothing known" and the pattern is searched everywhere, so matches never change.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any

import ahocorasick

_sre: Any
_sre_parse: Any
_sre_compile: Any
try:  # the parser behind re.compile: private, so only an optimisation depends on it
    _sre = importlib.import_module("re._constants")
    _sre_parse = importlib.import_module("re._parser")
    _sre_compile = importlib.import_module("re._compiler")
except ImportError:  # pragma: no cover - without it every regular expression is searched
    _sre = _sre_parse = _sre_compile = None


#: How many strings the end of a concatenation is spelled out to, for its required literals,
#: and how long its strings need be: a longer string is hardly rarer in comments.
_MAX_SPELLED_ENDS = 16
_LONG_ENOUGH = 12
#: What :func:`_exact` found of each group, alternation and repetition of one parsed pattern,
#: by the id of its arguments (parsed once: each is met again at every level of nesting).
_Memo = dict[int, "frozenset[str] | None"]


def _exact(op: Any, av: Any, memo: _Memo) -> frozenset[str] | None:
    """Return the strings an item matches, if few (``_MAX_SPELLED_ENDS``) and known; else None.

    Literals, sets of plain characters, groups and alternations of those, optional items and
    zero-width items (which match the empty string) only: nothing deeper is tried.
    """
    if op is _sre.LITERAL:
        return frozenset([chr(av)])
    if op is _sre.IN:
        if len(av) <= _MAX_SPELLED_ENDS and all(kind is _sre.LITERAL for kind, _ in av):
            return frozenset(chr(code) for _, code in av)
        return None
    if _zero_width(op, av):
        return frozenset([""])
    if op not in (_sre.SUBPATTERN, _sre.BRANCH, _sre.MAX_REPEAT, _sre.MIN_REPEAT):
        return None
    if id(av) not in memo:  # arguments of their own, alive while the parsed pattern is
        memo[id(av)] = _exact_group(op, av, memo)
    return memo[id(av)]


def _exact_group(op: Any, av: Any, memo: _Memo) -> frozenset[str] | None:
    """:func:`_exact` of a group, an alternation or a repetition."""
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _exact_sequence(list(sub), memo)
    if op is _sre.BRANCH:
        union: frozenset[str] = frozenset()
        for branch in av[1]:
            found = _exact_sequence(list(branch), memo)
            if found is None:
                return None
            union |= found
            if len(union) > _MAX_SPELLED_ENDS:
                return None
        return union
    if av[0] == 0 and av[1] == 1:  # optional
        found = _exact_sequence(list(av[2]), memo)
        return None if found is None else found | {""}
    return None


def _exact_sequence(items: Sequence[tuple[Any, Any]], memo: _Memo) -> frozenset[str] | None:
    """:func:`_exact` of a concatenation."""
    out = frozenset([""])
    for op, av in items:
        found = _exact(op, av, memo)
        if found is None:
            return None
        out = frozenset(a + b for a in out for b in found)
        if len(out) > _MAX_SPELLED_ENDS:
            return None
    return out


def _ends(items: Sequence[tuple[Any, Any]], memo: _Memo) -> list[frozenset[str]]:
    """Return, for items of a concatenation, strings the match of the rest starts with.

    From each item on, the items spelled out (:func:`_exact`) until one is not known, they
    make too many strings or the shortest is long enough; every match of the concatenation
    contains a match of its end from that item on, so one of those strings. Only ends of which
    no string is empty. A run of literals is one item (the end from its first one is longest).
    """
    parts: list[frozenset[str] | None] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            parts.append(frozenset(["".join(run)]))
            run = []
        parts.append(_exact(op, av, memo))
    if run:
        parts.append(frozenset(["".join(run)]))
    out = []
    for k in range(len(parts) - 1):  # the last part alone is an item's own literals
        heads = frozenset([""])
        for found in parts[k:]:
            if found is None:
                break
            longer = frozenset(a + b for a in heads for b in found)
            if len(longer) > _MAX_SPELLED_ENDS:
                break
            heads = longer
            if min(map(len, heads)) >= _LONG_ENOUGH:
                break
        if "" not in heads:
            out.append(_shortest(heads))
    return out


def _sequence(items: Iterable[tuple[Any, Any]], memo: _Memo | None = None) -> frozenset[str] | None:
    """Find the required literals of a concatenation: any item's will do, all must match.

    Besides each item's, the strings the end of the concatenation from an item on starts with
    (:func:`_ends`): ``の(ほう|方)が`` needs のほうが or の方が, where の alone is in most
    Japanese comments.
    """
    items = list(items)
    if memo is None:
        memo = {}
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _sre.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        found = _node(op, av, memo)
        if found is not None:
            options.append(found)
    if run:
        options.append(frozenset(["".join(run)]))
    options.extend(_ends(items, memo))
    # The longest shortest literal is likely the rarest in comments; of those, the fewest
    # (倍 rather than p or ポイント in "(p|ポイント)...倍").
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def _node(op: Any, av: Any, memo: _Memo) -> frozenset[str] | None:
    if op is _sre.SUBPATTERN:
        _group, add_flags, _del_flags, items = av
        return None if add_flags & re.IGNORECASE else _sequence(items, memo)
    if op is _sre.BRANCH:
        found = [_sequence(branch, memo) for branch in av[1]]
        if any(f is None for f in found):
            return None
        return frozenset().union(*found)  # type: ignore[arg-type]
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, _high, items = av
        return _sequence(items, memo) if low > 0 else None
    if op is _sre.ATOMIC_GROUP:
        return _sequence(av, memo)
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
        return _shortest(leads), _look(parsed, rest, pattern.flags)
    except Exception:  # an unknown compiler version: scan every position
        return None


def _needs(branches: Sequence[Any]) -> frozenset[str] | None:
    """Return strings one of which every match of one of ``branches`` (parsed) contains."""
    found: set[str] = set()
    try:
        for branch in branches:
            needed = _sequence(branch)
            if needed is None or "" in needed:
                return None
            found |= needed
    except Exception:  # an unknown parser version: search the look-ahead every time
        return None
    return frozenset(found)


@lru_cache(maxsize=1024)
def rest_literals(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Return strings one of which every match of :func:`partial_leads`' look-ahead needs.

    Each alternative without leading literals gives its required literals
    (:func:`required_literals`); ``None`` if one has none, or ``pattern`` has no such split.
    A text that holds none of them has no place where the look-ahead matches.
    """
    if partial_leads(pattern) is None:
        return None
    return _needs(_partial(pattern)[2])  # type: ignore[index]


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
def rest_tails(pattern: re.Pattern[str]) -> Tails | None:
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
    ends = []
    try:
        for branch in rest:
            found = _tail(branch)
            if found is None:
                return None
            ends.append(found)
    except Exception:  # an unknown parser version: no such test
        return None
    return _tails(parsed, ends, pattern.flags)


#: What :func:`rest_tails` returns: an automaton of the ends' literals, and the ends compiled.
Tails = tuple[Any, tuple[re.Pattern[str], ...]]


def _tails(
    parsed: Any, ends: Sequence[tuple[frozenset[str], list[Any]]], flags: int
) -> Tails | None:
    """:func:`rest_tails` of alternatives of a parsed pattern, given their ends (:func:`_tail`)."""
    try:
        by_literal: dict[str, set[int]] = {}
        tails: list[re.Pattern[str]] = []
        for literals, end in ends:
            for literal in literals:
                by_literal.setdefault(literal, set()).add(len(tails))
            tails.append(_sre_compile.compile(_sre_parse.SubPattern(parsed.state, end), flags))
    except Exception:  # an unknown compiler version: no such test
        return None
    automaton = ahocorasick.Automaton()
    for literal, which in by_literal.items():
        automaton.add_word(literal, (len(literal), tuple(sorted(which))))
    automaton.make_automaton()
    return automaton, tuple(tails)


def _look(parsed: Any, branches: Sequence[Any], flags: int) -> re.Pattern[str]:
    """Compile ``(?=branch1|branch2|…)`` of parsed alternatives (their groups keep numbers)."""
    ahead = _sre_parse.SubPattern(parsed.state, [(_sre.BRANCH, (None, list(branches)))])
    return _sre_compile.compile(
        _sre_parse.SubPattern(parsed.state, [(_sre.ASSERT, (1, ahead))]), flags
    )


#: A look-ahead, the literals one of which a text needs for it to match (``None``: not known)
#: and the ends of its alternatives (:func:`rest_tails`; ``None``: not known).
RestGroup = tuple[re.Pattern[str], frozenset[str] | None, Tails | None]


@lru_cache(maxsize=1024)
def rest_groups(pattern: re.Pattern[str]) -> tuple[RestGroup, ...] | None:
    r"""Split :func:`partial_leads`' look-ahead where only some alternatives have known ends.

    One alternative without an end that can be matched alone (``\bfits? like…|\b(two|\d)
    sizes?…``) leaves :func:`rest_tails` nothing for all of them, and the look-ahead is tried
    at every place of every text that holds a literal one of them needs. Split, the
    alternatives with such ends (``(the|my)? … (is|was) (great|…)``) are tried only in a text
    where one of their ends matches, the others only where a literal they need is: two
    look-aheads, each with its own test (:data:`RestGroup`), which match where the one did.
    ``None`` if ``pattern`` has no look-ahead or no such split (all or none have such ends).
    """
    if partial_leads(pattern) is None:
        return None
    parsed, _leads, rest = _partial(pattern)  # type: ignore[misc]
    try:
        ends = [_tail(branch) for branch in rest]
        ended = [b for b, end in zip(rest, ends, strict=True) if end is not None]
        others = [b for b, end in zip(rest, ends, strict=True) if end is None]
        if not ended or not others:
            return None
        tails = _tails(parsed, [end for end in ends if end is not None], pattern.flags)
        return (
            (_look(parsed, ended, pattern.flags), _needs(ended), tails),
            (_look(parsed, others, pattern.flags), _needs(others), None),
        )
    except Exception:  # an unknown parser or compiler version: no such split
        return None
