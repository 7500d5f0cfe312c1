"""Search a regular expression only where it can match: :class:`Scanner`.

Private to the text package: ``finditer`` and ``search`` of one pattern, tried only at the
places one Aho-Corasick pass finds from what :mod:`nps_kit.text._regex_parts` reads in the
parsed pattern. The theme matcher (:mod:`nps_kit.text._match`) and the clause rules use it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import ahocorasick

from nps_kit.text._regex_parts import (
    Tails,
    leading_literals,
    partial_leads,
    rest_groups,
    rest_literals,
    rest_tails,
)

__all__ = ["Scanner"]


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
        # the literals its alternatives need (:func:`rest_literals`), found by one pass, and
        # then only where the end of one of those alternatives matches (:func:`rest_tails`):
        # the look-ahead tries every place of the text, its ends only where their literals are.
        # Where only some alternatives have such ends, each part has its own tests
        # (:func:`rest_groups`).
        self._groups: list[tuple[re.Pattern[str], Any, Tails | None]] = []
        if rest is not None:
            groups = rest_groups(pattern) or ((rest, rest_literals(pattern), rest_tails(pattern)),)
            for look, needs, tails in groups:
                found: Any = None
                if needs:
                    found = ahocorasick.Automaton()
                    for word in needs:
                        found.add_word(word, 0)
                    found.make_automaton()
                self._groups.append((look, found, tails))

    def _rest_starts(self, text: str) -> list[int]:
        """Return where :attr:`rest` matches in ``text`` (empty if it is ``None``)."""
        if len(self._groups) == 1:
            return self._group_starts(text, *self._groups[0])
        # Most texts hold no part's test, or one: its starts (finditer's, ascending and each
        # once) need no merging.
        found = [at for group in self._groups if (at := self._group_starts(text, *group))]
        if len(found) < 2:
            return found[0] if found else []
        return sorted({at for starts in found for at in starts})

    def _group_starts(
        self, text: str, look: re.Pattern[str], needs: Any, tails: Tails | None
    ) -> list[int]:
        """Return where one look-ahead of :attr:`rest` matches (see ``__init__``)."""
        if needs is not None and next(needs.iter(text), None) is None:
            return []
        if tails is not None and not self._rest_tail_in(text, tails):
            return []
        return [m.start() for m in look.finditer(text)]

    def _rest_tail_in(self, text: str, tails: Tails | None = None) -> bool:
        """Tell whether the end of an alternative of :attr:`rest` matches in ``text``.

        ``tails``: those of one part of the look-ahead (by default its first or only part's).
        """
        automaton, ends = tails or self._groups[0][2]  # type: ignore[misc]
        for last, (length, which) in automaton.iter(text):
            start = last + 1 - length
            for k in which:
                if ends[k].match(text, start) is not None:
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
        if self.rest is not None and (rest := self._rest_starts(text)):
            starts = sorted({*starts, *rest})
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
