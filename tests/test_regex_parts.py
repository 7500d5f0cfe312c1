"""The analysis of regular expressions (nps_kit.text._regex_parts) and the Scanner (._scanner)."""

from __future__ import annotations

import re
from collections.abc import Iterable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nps_kit.text._regex_parts import (
    leading_literals,
    partial_leads,
    required_literals,
    rest_groups,
    rest_literals,
    rest_tails,
    skipping,
)
from nps_kit.text._scanner import Scanner


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("abc", {"abc"}),
        ("(商品|荷物)[^。]{0,6}届", {"商品", "荷物"}),
        ("x{0,2}届", {"届"}),
        ("(ab|)c", {"c"}),
        ("(?:ok)+!", {"ok"}),
        ("w+e{2}", {"w"}),
        ("(?i:zz)", None),
        ("(?i)zz", None),
        ("(ab|)", None),
        ("[0-9]+", None),
        ("[¥$£€]\\s?\\d", {"¥", "$", "£", "€"}),
        ("[^¥$]x?", None),
        ("(?:\\d+円)|(?:[¥$]\\d)", {"円", "¥", "$"}),
        ("(q)\\1", {"q"}),
        # what follows an item, spelled out across items, when it is longer
        ("方(?<=[のた]方)[のがは]", {"方の", "方が", "方は"}),
        ("[a-z0-9]+の(ほう|方)が", {"のほうが", "の方が"}),
        ("(great|good) deal", {"great deal", "good deal"}),
        # of strings as long, the fewest: 倍 rather than p (in most English comments)
        (r"(p|ポイント)\s?\d+倍", {"倍"}),
        ("(a|b|c|d|e|f|g|h|i|j|k|l|m|n|o|p|q)x", {"x"}),  # too many to spell out
    ],
)
def test_required_literals(source: str, expected: set[str] | None) -> None:
    found = required_literals(re.compile(source))
    assert found == (None if expected is None else frozenset(expected))


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("abc", {"abc"}),
        ("ab+c", {"ab"}),
        (r"\bbut\b|[,:]", {"but", ",", ":"}),
        ("(?P<x>けれど|けど)|(?P<y>、)", {"けれど", "けど", "、"}),
        (r"(?<!a)(?=b)bc", {"bc"}),
        ("(?:ok)+!", {"ok"}),  # "okok" starts with "ok": left out
        ("一方で?", {"一方"}),
        # optional items and alternatives are spelled out
        ("a?b", {"ab", "b"}),
        ("(ab|)c", {"abc", "c"}),
        ("e-?mails?", {"e-mail", "email"}),
        ("(great|good) deal", {"great deal", "good deal"}),
        ("x{0,2}y", {"xxy", "xy", "y"}),
        ("a*b", None),
        (r"\b", None),
        ("[a-z]x", None),
        (".x", None),
        ("(?i)ab", None),
        ("(?i:ab)c", None),
        # a group that only looks around is skipped like a lookaround
        ("(?:(?<=い)|(?<=ない))が|、", {"が", "、"}),
        ("(?:(?<=い)|x)が", {"xが", "が"}),
        ("(?:ab|[a-z])c", None),  # the second alternative may start with any letter
    ],
)
def test_leading_literals(source: str, expected: set[str] | None) -> None:
    found = leading_literals(re.compile(source))
    assert found == (None if expected is None else frozenset(expected))


SCANNED = [
    r"\b(?P<contrast>but|though|yet)\b|(?P<plain>[,:]|\b(?:and|with)\b)|(?P<end>\.+(?!\d))",
    "(?P<contrast>けれども|けれど|けど|が、|ただ、)|(?P<plain>[、,])|(?P<end>[。!?]+)",
    r"(?<=[のた])方[のがは]|\bab\b",
    r"(?:(?<=い)|(?<=ab))が|(x)\1",  # a back-reference keeps its group number
    "aa|aaa|b",  # candidates that overlap an earlier match
    "[0-9]+|x",  # an alternative without leading literals: found by a look-ahead
    r"[a-z0-9]+の(ほう|方)が|けど|\d+ (e-?mails? )?a day",
    "x*|ab",  # an alternative that matches empty: finditer itself
    r"[0-9]+",  # no leading literals: finditer itself
]


SCANNED_PIECES = (
    "a b ab but butter rebut , . 6.99 yet and sand aaa x 9 け けど けれども が、 、 。 の方が 方は "
    "いが abが xx 12 email e-mails day の ほうが"
)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(SCANNED),
    st.lists(
        st.sampled_from([*SCANNED_PIECES.split(), " "]),
        max_size=12,
    ).map("".join),
)
def test_scanner_finds_what_finditer_and_search_find(source: str, text: str) -> None:
    pattern = re.compile(source)
    scanner = Scanner(pattern)
    spans = [(m.span(), m.lastgroup) for m in scanner.finditer(text)]
    assert spans == [(m.span(), m.lastgroup) for m in pattern.finditer(text)]
    found, expected = scanner.search(text), pattern.search(text)
    assert (found and found.span()) == (expected and expected.span())
    fast = skipping(pattern)
    assert [(m.span(), m.lastgroup) for m in fast.finditer(text)] == [
        (m.span(), m.lastgroup) for m in pattern.finditer(text)
    ]
    assert fast.sub(" ", text) == pattern.sub(" ", text)


def _shipped_regexes() -> list[str]:
    """Every exclude and pattern of the shipped packs, and the patterns above."""
    from nps_kit.text import PACKS, load_pack

    out = [*SCANNED, "ab+c", "a?b", "(ab|)c", "e-?mails?", "x{0,2}y", "(?:(?<=い)|x)が"]
    for pack in PACKS:
        for theme in load_pack(pack).themes:
            out.extend(theme.patterns)
            if theme.exclude is not None:
                out.append(theme.exclude.pattern)
    return out


SHIPPED_REGEXES = _shipped_regexes()


def _text_of(
    source: str, leads: Iterable[str], data: st.DataObject, *, more: tuple[str, ...] = ()
) -> str:
    """Draw a text made of the words written in a pattern, its leads and a few separators."""
    words = re.findall(r"[a-z]+|[^\x00-\x7f]+", source)
    pieces = sorted({*words, *leads, " ", "s", "es", "-", "の", "が", "1", *more})
    return "".join(data.draw(st.lists(st.sampled_from(pieces), max_size=10)))


def _assert_scanned_as_finditer(pattern: re.Pattern[str], leads: Iterable[str], text: str) -> None:
    """A Scanner finds what finditer finds, by itself and given where the leads start."""
    expected = [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in Scanner(pattern).finditer(text)] == expected
    # given where the leads start, found by other means (the matcher's own automaton)
    starts = [k for k in range(len(text)) if text.startswith(tuple(leads), k)]
    assert [m.span() for m in Scanner(pattern).finditer_at(text, starts)] == expected


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SHIPPED_REGEXES), st.data())
def test_every_match_starts_with_a_leading_literal(source: str, data: st.DataObject) -> None:
    pattern = re.compile(source)
    leads = leading_literals(pattern)
    if leads is None:
        return
    text = _text_of(source, leads, data)
    for start in range(len(text) + 1):
        found = pattern.match(text, start)
        if found is not None:
            assert text.startswith(tuple(leads), start), (source, text, start)
    _assert_scanned_as_finditer(pattern, leads, text)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SHIPPED_REGEXES), st.data())
def test_every_match_contains_a_required_literal(source: str, data: st.DataObject) -> None:
    pattern = re.compile(source)
    needed = required_literals(pattern)
    if needed is None:
        return
    text = _text_of(source, needed, data)
    for found in pattern.finditer(text):
        assert any(word in found.group() for word in needed), (source, text, found)


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("[0-9]+|x", ({"x"}, r"[0-9]+")),
        (r"(?:[a-z0-9]+の(ほう|方)が)|(?:けど)|(?:けれど)", ({"けど", "けれど"}, "の")),
        ("x*|ab", None),  # x* matches empty: finditer places such matches anywhere
        ("[0-9]+", None),  # not an alternation
        ("ab|cd", None),  # leading literals of its own
        ("(?i:x)|ab", ({"ab"}, "X")),  # the look-ahead keeps what a group ignores
    ],
)
def test_partial_leads(source: str, expected: tuple[set[str], str] | None) -> None:
    found = partial_leads(re.compile(source))
    if expected is None:
        assert found is None
        return
    assert found is not None
    leads, rest = found
    assert leads == frozenset(expected[0])
    # the look-ahead matches, empty, where an alternative without leading literals matches
    text = f"ab 12 x9の方が {expected[1]}"
    starts = [m.span() for m in rest.finditer(text)]
    assert starts, text
    assert all(a == b for a, b in starts)


def test_rest_literals_are_those_the_alternatives_without_leads_need() -> None:
    assert rest_literals(re.compile(r"(?:[a-z0-9]+の(ほう|方)が)|(?:けど)|(?:けれど)")) == {
        "のほうが",
        "の方が",
    }
    assert rest_literals(re.compile(r"\d+円|\d+ドル|ab")) == {"円", "ドル"}
    assert rest_literals(re.compile("[0-9]+|x")) is None  # an alternative needs no literal
    assert rest_literals(re.compile("ab|cd")) is None  # no look-ahead at all
    scanner = Scanner(re.compile(r"\d+円|ab"))
    assert [m.span() for m in scanner.finditer("ab 12円 ab")] == [(0, 2), (3, 6), (7, 9)]
    assert [m.span() for m in scanner.finditer("ab 12 ab")] == [(0, 2), (6, 8)]


def test_rest_tails_are_the_ends_of_the_alternatives_without_leads() -> None:
    pattern = re.compile(r"(?:[a-z]+ (?:is|was) (?:great|bad))|ab")
    tails = rest_tails(pattern)
    assert tails is not None
    assert sorted(tails[0].keys()) == [" is bad", " is great", " was bad", " was great"]
    scanner = Scanner(pattern)
    assert [m.span() for m in scanner.finditer("ab food is great")] == [(0, 2), (3, 16)]
    assert not scanner._rest_tail_in("ab food is fine")  # the look-ahead is not tried
    assert [m.span() for m in scanner.finditer("ab food is fine")] == [(0, 2)]
    # An end that refers to a group before it cannot be matched alone.
    assert rest_tails(re.compile(r"([a-z])x\1|ab")) is None
    assert rest_tails(re.compile(r"([a-z])x(?(1)y|z)|ab")) is None
    assert rest_tails(re.compile("ab|cd")) is None  # no look-ahead at all


def test_rest_groups_split_the_alternatives_with_known_ends_from_the_others() -> None:
    pattern = re.compile(r"(?:[a-z]+ (?:is|was) (?:great|bad))|(?:\bfits? like\b|\b\d sizes?\b)|ab")
    assert rest_tails(pattern) is None  # an alternation of its own: no end to match alone
    groups = rest_groups(pattern)
    assert groups is not None
    (ended, ended_needs, tails), (other, other_needs, other_tails) = groups
    assert ended_needs == {" is great", " is bad", " was great", " was bad"}
    assert tails is not None
    assert sorted(tails[0].keys()) == [" is bad", " is great", " was bad", " was great"]
    assert (other_needs, other_tails) == ({"fit like", "fits like", " size"}, None)
    assert [m.start() for m in ended.finditer("ab food is great")] == [3, 4, 5, 6]
    assert [m.span() for m in other.finditer("ab 2 sizes")] == [(3, 3)]
    scanner = Scanner(pattern)
    text = "ab food is great, 2 sizes ab food is fine"
    assert [m.span() for m in scanner.finditer(text)] == [m.span() for m in pattern.finditer(text)]
    assert [m.span() for m in scanner.finditer(text)] == [(0, 2), (3, 16), (18, 25), (26, 28)]
    assert not scanner._rest_tail_in("ab food is fine, 2 sizes", tails)  # not tried there
    # No split where all or none of the alternatives have such ends, or there is no look-ahead.
    assert rest_groups(re.compile(r"(?:[a-z]+ (?:is|was) (?:great|bad))|ab")) is None
    assert rest_groups(re.compile(r"(?:\bfits? like\b|\b\d sizes?\b)|ab")) is None
    assert rest_groups(re.compile("ab|cd")) is None


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(SHIPPED_REGEXES), st.data())
def test_partly_led_alternations_are_scanned_as_finditer(source: str, data: st.DataObject) -> None:
    pattern = re.compile(source)
    split = partial_leads(pattern)
    if split is None:
        return
    leads, rest = split
    text = _text_of(source, leads, data, more=("23", "x", "ab"))
    for start in range(len(text) + 1):
        found = pattern.match(text, start)
        if found is not None:
            assert text.startswith(tuple(leads), start) or rest.match(text, start), (text, start)
    # The Scanner tries the look-ahead only in a text that holds a literal it needs.
    needs = rest_literals(pattern)
    if needs is not None and rest.search(text) is not None:
        assert any(word in text for word in needs), (text, needs)
    # ...and only where the end of one of its alternatives matches alone (rest_tails).
    if rest_tails(pattern) is not None and rest.search(text) is not None:
        assert Scanner(pattern)._rest_tail_in(text), (text, source)
    # Split where only some alternatives have such ends: each part's tests hold for it.
    for look, needs, tails in rest_groups(pattern) or ():
        if look.search(text) is not None:
            assert needs is None or any(word in text for word in needs), (text, source)
            assert tails is None or Scanner(pattern)._rest_tail_in(text, tails), (text, source)
    _assert_scanned_as_finditer(pattern, leads, text)


def test_skipping_adds_a_lookahead_only_where_the_engine_cannot_skip() -> None:
    # alternatives that start with a group or \b: tried at every place without the look-ahead
    assert skipping(re.compile(r"(?:(ab|cd)x)|\bef")).pattern == r"(?=[ace])(?:(?:(ab|cd)x)|\bef)"
    for source in ("abc|d", "[xy]z", "a*b"):  # the engine skips by itself, or nothing to skip to
        assert skipping(re.compile(source)).pattern == source


def test_rest_starts_of_split_look_aheads_are_where_either_part_matches() -> None:
    # A text where no part, one part or both parts of a split look-ahead match: its starts are
    # always the sorted places where either part's look-ahead matches, each once.
    pattern = re.compile(r"(?:[a-z]+ (?:is|was) (?:great|bad))|(?:\bfits? like\b|\b\d sizes?\b)|ab")
    scanner = Scanner(pattern)
    looks = [look for look, _needs, _tails in rest_groups(pattern) or ()]
    assert len(looks) == 2
    for text in ("ab", "ab food is great", "2 sizes ab", "food is great, 2 sizes", "2 sizes"):
        expected = sorted({m.start() for look in looks for m in look.finditer(text)})
        assert scanner._rest_starts(text) == expected, text
        assert [m.span() for m in scanner.finditer(text)] == [
            m.span() for m in pattern.finditer(text)
        ]
