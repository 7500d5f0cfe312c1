"""The learned theme layer: over the dictionaries, drop a doubtful hit or add a missed theme.

For four shipped packs (retail, saas, finance, generic) a logistic regression per language
and theme reads the words of a comment — Japanese character 1–3-grams, English lemma uni- and
bigrams plus character 3–5-grams within words, TF-IDF weighted — and the pack, and gives the
probability that a person would tag the theme. A theme the dictionaries found is dropped when that
probability is below the language's ``t_drop``; one they did not find is added when it is at least
``t_add``; how an added theme gets its polarity is chosen per language too (:class:`Adjustment`).
In English a second, small model then vets each added theme (:func:`_vet_additions`: a logistic
regression on the addition's probability, the comment's other themes and whether the added one is a
known wrong neighbour of one of them), which raises precision at no cost in F1 on sets the layer
never saw (``benchmarks/addition_vet_eval.py``). The English models (round 17, with round 14's
design: C 16, t_drop 0.16, t_add 0.42) were trained on training sets 11 to 32, 34 and 36 and the
spent blind sets 9-13, 15-30 and 33 (``TRAIN17`` / ``BLIND17`` in ``benchmarks/labelled_sets.py``;
docs/prereg/PREREG36.md: decision set 38 F1 0.829 -> 0.850), the Japanese (round 16, with round
14's choices: C 64, t_drop 0.20, t_add 0.38) on training sets 9 to 32 and 34 and blind sets 9-13,
15-30 and 33 (docs/prereg/PREREG35.md: blind 33 held out, whole-tagger F1 0.757 -> 0.772; decision
set 36 0.842 -> 0.854, polarity 0.903 -> 0.908, shipped; English round 16 raised F1 there 0.801
-> 0.824 but lost polarity 0.811 -> 0.803 and was not shipped), both with round 5's design and C
and thresholds chosen again by round 7's procedure (``benchmarks/train_theme_model.py``, which
states the design, how round 5 chose the thresholds under a precision floor on new industries,
and the honest estimates: round 7 over round 5, blind set 20 held out, whole-tagger theme F1
en 0.754 -> 0.771, ja 0.806 -> 0.820, decision set 26 en 0.787 -> 0.816, ja 0.819 -> 0.848;
round 8 over round 7, blind set 21 held out, en 0.784 -> 0.780, ja 0.817 -> 0.823,
decision set 27 en 0.830 -> 0.838 (shipped), ja 0.841 -> 0.839 (not);
round 11 over round 7 (ja) and 8 (en), blind set 24 held out, en 0.826 -> 0.828, ja 0.822 -> 0.831,
decision set 28 en 0.826 -> 0.834 (not shipped: polarity
0.847 -> 0.841), ja 0.819 -> 0.827 (shipped); round 13 over round 8 (en) and 11 (ja), blind set
26 held out, en 0.853 -> 0.858, ja 0.883 -> 0.886, decision set 30 en 0.841 -> 0.850 (shipped),
ja 0.885 -> 0.885 (not: precision 0.886 -> 0.880), ``benchmarks/layers_round10.py``); their
weights are the package resource ``theme_layer.npz``, read here with numpy only; the resource
also records the packs' exclude patterns each language's models were trained beside
(:func:`trained_excludes`: an exclude written since outranks the layer). A themes file of a
unit's own gets the dictionaries alone unless it extends a pack (``ThemeBook.pack``), and so does
a comment without letters, and so do the food and logistics packs, which have no models yet
(:func:`trained`).

The features are those of scikit-learn's ``TfidfVectorizer`` as the training script configures
it (``analyzer="char"`` / ``"char_wb"`` / word n-grams of ``[a-z0-9]+``, ``sublinear_tf``, l2
norm per block), rebuilt here so that inference needs no scikit-learn; ``tests/test_layer.py``
checks the probabilities against the training code's.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from itertools import pairwise, repeat
from operator import add
from pathlib import Path

import numpy as np
import pandas as pd

from nps_kit.text._lemma import lemma_text
from nps_kit.text.tokens import _language_of

__all__ = [
    "Adjustment",
    "adjust",
    "char_grams",
    "char_wb_grams",
    "clear_caches",
    "languages",
    "probabilities",
    "trained_excludes",
    "word_grams",
]

_TOKEN = re.compile(r"[a-z0-9]+")
_CHUNK = 2048  # comments whose n-gram features are made at once (the products: _weighted_rows)
_MAX_WORDS = 500_000  # words whose n-gram columns are remembered


def char_grams(text: str) -> list[str]:
    """Character 1–3-grams of a normalised comment (``analyzer="char"``, ``ngram_range=(1, 3)``)."""
    text = text.lower()
    pairs = list(map(add, text[:-1], text[1:]))
    return [*text, *pairs, *map(add, pairs[:-1], text[2:])]


def char_wb_grams(text: str) -> list[str]:
    """Character 3–5-grams within space-padded words (``analyzer="char_wb"``, ``(3, 5)``)."""
    grams: list[str] = []
    for word in text.lower().split():
        padded = f" {word} "
        size = len(padded)
        for n in range(3, min(5, size) + 1):
            grams.extend([padded[i : i + n] for i in range(size - n + 1)])
    return grams


def word_grams(text: str) -> list[str]:
    """Lemma uni- and bigrams of a normalised English comment (``token_pattern=[a-z0-9]+``)."""
    tokens = _TOKEN.findall(lemma_text(text).lower())
    return [*tokens, *map(" ".join, pairwise(tokens))]


@dataclass(frozen=True)
class _Block:
    """One TF-IDF vectoriser: how to cut a comment, its terms and their idf."""

    cut: Callable[[str], list[str]]
    vocabulary: dict[str, int]
    idf: np.ndarray
    words: dict[str, bytes] = field(default_factory=dict)  # char_wb: columns per word
    # word n-grams: per word, the ids of its lemma tokens (int32 bytes; see _token_ids)
    tokens: dict[str, bytes] = field(default_factory=dict)
    # word n-grams: each token of a term its id (from 1), and once made: the unigram column of
    # each id (−1: none) and the bigrams' keys (first id << 32 | second id; :func:`_key_index`)
    # with their columns
    token_ids: dict[str, int] = field(default_factory=dict)
    pair_keys: list[tuple[np.ndarray, pd.Index, np.ndarray]] = field(default_factory=list)
    # char and char_wb: per gram length, the terms' keys (:func:`_key_index`) and their columns
    keys: dict[int, tuple[pd.Index, np.ndarray]] = field(default_factory=dict)
    # char_wb: each code point's digit in the keys (0: no term has it), and the base
    digits: list[tuple[np.ndarray, int]] = field(default_factory=list)


@dataclass(frozen=True)
class _Model:
    """The models of one language: blocks, weights per feature and theme, thresholds."""

    blocks: tuple[_Block, ...]
    themes: tuple[str, ...]
    weights: np.ndarray  # (features of all blocks, themes)
    packs: dict[str, np.ndarray]  # the pack's weight per theme
    pack_themes: dict[str, np.ndarray]  # whether the pack has the theme
    intercept: np.ndarray
    t_drop: float
    t_add: float
    added_polarity: str  # how a theme the layer adds gets its polarity (see Adjustment)


_CUTS = {"en": (word_grams, char_wb_grams), "ja": (char_grams,)}


def _resource() -> Path:
    return Path(str(resources.files("nps_kit") / "resources" / "theme_layer.npz"))


@lru_cache(maxsize=1)
def _models() -> dict[str, _Model]:
    """Read the resource once per process."""
    with np.load(_resource(), allow_pickle=False) as data:
        packs = [str(p) for p in data["packs"]]
        out = {}
        for lang, cuts in _CUTS.items():
            blocks = tuple(
                _Block(
                    cut,
                    {str(t): i for i, t in enumerate(data[f"{lang}_terms{b}"])},
                    data[f"{lang}_idf{b}"],
                )
                for b, cut in enumerate(cuts)
            )
            pack_weights = data[f"{lang}_packs"]
            t_drop, t_add = (float(v) for v in data[f"{lang}_thresholds"])
            out[lang] = _Model(
                blocks,
                tuple(str(t) for t in data[f"{lang}_themes"]),
                data[f"{lang}_weights"],
                {p: pack_weights[i] for i, p in enumerate(packs)},
                {p: data[f"{lang}_pack_themes"][i] for i, p in enumerate(packs)},
                data[f"{lang}_intercept"],
                t_drop,
                t_add,
                str(data[f"{lang}_added_polarity"]),
            )
    return out


def trained(pack: str | None) -> bool:
    """Tell whether the resource holds models of ``pack`` for every language it reads.

    A shipped pack without them (``food``, ``logistics``: not trained on yet) gets its
    dictionaries and rules alone, as a unit's own themes file does: :func:`adjust` and
    :func:`languages` treat it as ``None``, and ``tag_polarity`` applies no learned correction
    to it (one trained on other packs' mentions).
    """
    return pack is not None and all(pack in model.packs for model in _models().values())


@lru_cache(maxsize=1)
def _trained_excludes() -> dict[str, dict[str, dict[str, frozenset[str]]]]:
    """Per language, pack and theme id, the exclude patterns recorded in the resource."""
    out: dict[str, dict[str, dict[str, frozenset[str]]]] = {}
    with np.load(_resource(), allow_pickle=False) as data:
        for lang in _CUTS:
            if f"{lang}_excludes" not in data.files:
                continue
            table: dict[str, dict[str, set[str]]] = {}
            for pack, theme, source in data[f"{lang}_excludes"].tolist():
                table.setdefault(pack, {}).setdefault(theme, set()).add(source)
            out[lang] = {
                pack: {theme: frozenset(v) for theme, v in themes.items()}
                for pack, themes in table.items()
            }
    return out


def trained_excludes(lang: str, pack: str) -> dict[str, frozenset[str]] | None:
    """Return the exclude patterns of ``pack``'s themes when ``lang``'s models were trained.

    Per theme id, the regular expressions of its ``exclude`` (the themes file's top-level ones
    and the theme's own, :attr:`nps_kit.text.themes.Theme.excludes`) as the pack had them when
    the training script wrote that language's models; an exclude not among them was written
    since, and outranks the layer (``themes._newer_excludes``). ``None``: the resource records
    none for the language (every exclude is taken as older than the layer).
    """
    table = _trained_excludes().get(lang)
    return None if table is None else table.get(pack, {})


def _columns(block: _Block, text: str) -> bytes:
    """Return the vocabulary column of each n-gram of a comment (int32 bytes; −1: unknown)."""
    if block.cut is word_grams:
        return _word_columns(block, text)
    return _columns_of(block, block.cut(text))


_BITS = 21  # a code point fits in 21 bits: a gram of up to 3 is one 63-bit key


def _key_index(keys: np.ndarray, columns: np.ndarray) -> tuple[pd.Index, np.ndarray]:
    """Return the terms' keys as an index to look grams up in, and each key's column.

    Distinct terms of one length have distinct keys, in any order (a key and its column stay
    side by side). The index's ``get_indexer`` looks every key of a chunk up in a hash table at
    once: about five times faster than the binary search
    (``np.searchsorted``) among tens of thousands of terms that it replaces (SPEED64).
    """
    return pd.Index(keys), columns


def _look_up(terms: pd.Index, wanted: np.ndarray) -> np.ndarray:
    """Return the position of each of ``wanted`` among ``terms`` (:func:`_key_index`), or −1."""
    return np.asarray(terms.get_indexer(pd.Index(wanted, copy=False)))


def _gram_keys(block: _Block) -> dict[int, tuple[pd.Index, np.ndarray]]:
    """Return, per length 1-3, the keys of a character block's terms (:func:`_key_index`), columns.

    Made once per block, the terms of each length at once: their code points side by side,
    shifted into one key each (a term's first character in the highest bits).
    """
    if not block.keys:
        terms = list(block.vocabulary)
        columns = np.fromiter(block.vocabulary.values(), dtype=np.int64, count=len(terms))
        lengths = np.fromiter(map(len, terms), dtype=np.int64, count=len(terms))
        for n in (1, 2, 3):
            which = np.flatnonzero(lengths == n)  # in the vocabulary's order
            joined = "".join([terms[i] for i in which.tolist()])
            codes = np.frombuffer(joined.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
            codes = codes.reshape(-1, n).astype(np.uint64)
            keys = codes[:, 0].copy()
            for k in range(1, n):
                keys = keys << np.uint64(_BITS) | codes[:, k]
            block.keys[n] = _key_index(keys, columns[which].astype(np.int32))
    return block.keys


def _char_entries(block: _Block, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return (row, column) of every known character 1–3-gram of ``texts`` (:func:`char_grams`).

    All texts at once: each position's code points make the keys of the grams starting there,
    found among the terms' keys by a binary search; no gram is built as a string.
    """
    lowered = [text.lower() for text in texts]
    lengths = np.fromiter(map(len, lowered), dtype=np.int64, count=len(lowered))
    codes = np.frombuffer(
        "".join(lowered).encode("utf-32-le", "surrogatepass"), dtype=np.uint32
    ).astype(np.uint64)
    row = np.repeat(np.arange(len(lowered), dtype=np.int32), lengths)
    # How many characters of its own text each position has from there on.
    left = np.repeat(np.cumsum(lengths), lengths) - np.arange(len(codes))
    rows: list[np.ndarray] = []
    columns: list[np.ndarray] = []
    key = np.zeros(len(codes), dtype=np.uint64)
    for n, (terms, term_columns) in _gram_keys(block).items():
        key = key[: len(codes) - n + 1] << np.uint64(_BITS) | codes[n - 1 :]
        at = _look_up(terms, key)
        known = (left[: len(key)] >= n) & (at >= 0)
        rows.append(row[: len(key)][known])
        columns.append(term_columns[at[known]])
    return np.concatenate(rows), np.concatenate(columns)


_WB = (3, 4, 5)  # the lengths of char_wb_grams' grams


def _wb_keys(block: _Block) -> tuple[np.ndarray, int] | None:
    """Return a char_wb block's digit per code point and base, its terms' keys made once.

    A gram's key is its characters' digits (1 to base − 1, in the order of the characters the
    terms hold) read in that base; ``None`` if a 5-gram's key would not fit in 63 bits.
    """
    if not block.digits:
        alphabet = sorted({char for term in block.vocabulary for char in term})
        base = len(alphabet) + 1
        if base**5 >= 2**63:
            return None
        digit = {char: k + 1 for k, char in enumerate(alphabet)}
        table = np.zeros(max(map(ord, alphabet), default=0) + 1, dtype=np.int64)
        table[[ord(char) for char in alphabet]] = np.arange(1, base)
        by_length: dict[int, tuple[list[int], list[int]]] = {n: ([], []) for n in _WB}
        for term, column in block.vocabulary.items():
            if len(term) in by_length:  # no gram has another length
                key = 0
                for char in term:
                    key = key * base + digit[char]
                by_length[len(term)][0].append(key)
                by_length[len(term)][1].append(column)
        for n, (keys, columns) in by_length.items():
            block.keys[n] = _key_index(
                np.array(keys, dtype=np.int64), np.array(columns, dtype=np.int32)
            )
        block.digits.append((table, base))
    return block.digits[0]


def _wb_entries(block: _Block, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray] | None:
    """Return (row, column) of every known char_wb 3–5-gram of ``texts`` (:func:`char_wb_grams`).

    All texts at once, as :func:`_char_entries` does: each text's words joined by one space and
    padded with one at each end hold every padded word's grams as the windows with no space
    inside (a padded word's own spaces are a window's ends), and only those; a window across
    two texts holds their two spaces in a row, so one inside. ``None`` where the block's
    characters are too many for a 63-bit key (:func:`_wb_keys`).
    """
    digits = _wb_keys(block)
    if digits is None:
        return None
    table, base = digits
    padded = [f" {' '.join(text.lower().split())} " for text in texts]
    lengths = np.fromiter(map(len, padded), dtype=np.int64, count=len(padded))
    codes = np.frombuffer("".join(padded).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    size = len(codes)
    digit = np.zeros(size, dtype=np.int64)
    inside = codes < len(table)
    digit[inside] = table[codes[inside]]
    known = digit > 0  # a character some term has
    row = np.repeat(np.arange(len(padded), dtype=np.int32), lengths)
    # From each position, how many characters come before a space or one no term has.
    stops = np.flatnonzero((codes == 32) | ~known)
    after = np.full(size + 1, size, dtype=np.int64)
    after[stops] = stops
    run = np.minimum.accumulate(after[::-1])[::-1] - np.arange(size + 1)
    rows: list[np.ndarray] = []
    columns: list[np.ndarray] = []
    key = digit
    for n in range(2, _WB[-1] + 1):
        key = key[: size - n + 1] * base + digit[n - 1 :]
        if n not in _WB:
            continue
        # Known ends, and known characters but no space between them.
        at = np.flatnonzero((run[1 : len(key) + 1] >= n - 2) & known[: len(key)] & known[n - 1 :])
        terms, term_columns = block.keys[n]
        if not len(terms):
            continue
        where = _look_up(terms, key[at])
        found = where >= 0
        rows.append(row[at[found]])
        columns.append(term_columns[where[found]])
    if not rows:
        return np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.int32)
    return np.concatenate(rows), np.concatenate(columns)


def _wb_parts(block: _Block, texts: Sequence[str]) -> list[bytes]:
    """Return the char_wb columns of each text (int32 bytes), each distinct word cut once.

    Character grams within words never cross a space: each word's columns are remembered
    (``block.words``), and the words a chunk meets first are cut all at once
    (:func:`_wb_entries`; one at a time where that cannot key the block's characters).
    """
    known = block.words
    split = [text.lower().split() for text in texts]
    try:  # a chunk of words all met before (exports repeat a lot) needs no search for new ones
        return [b"".join(map(known.__getitem__, words)) for words in split]
    except KeyError:
        pass
    new = list(set().union(*split).difference(known))  # in any order: each is cut alone
    entries = _wb_entries(block, new)
    if entries is None:
        for word in new:
            known[word] = _columns_of(block, char_wb_grams(word))
    else:
        rows, columns = entries
        columns = columns[np.argsort(rows, kind="stable")]
        ends = np.cumsum(np.bincount(rows, minlength=len(new))).tolist()
        for word, start, end in zip(new, [0, *ends[:-1]], ends, strict=True):
            known[word] = columns[start:end].tobytes()
    return [b"".join(map(known.__getitem__, words)) for words in split]


def _word_columns(block: _Block, text: str) -> bytes:
    """Return the columns of a text's lemma uni- and bigrams (:func:`word_grams`)."""
    return _word_entries(block, [text])[1].astype(np.int32).tobytes()


def _token_ids(block: _Block) -> tuple[dict[str, int], np.ndarray, pd.Index, np.ndarray]:
    """Return a word n-gram block's token ids, unigram column per id, bigram keys and columns.

    Only the tokens of its terms have an id (from 1); any other token is 0, which no term has.
    Made once per block: the terms do not change.
    """
    ids = block.token_ids
    if not block.pair_keys:
        unigrams: dict[int, int] = {}
        pairs: list[tuple[str, str, int]] = []
        for term, column in block.vocabulary.items():
            parts = term.split(" ")
            for part in parts:
                ids.setdefault(part, len(ids) + 1)
            if len(parts) == 1:
                unigrams[ids[term]] = column
            elif len(parts) == 2:  # no gram has more tokens
                pairs.append((parts[0], parts[1], column))
        unigram = np.full(len(ids) + 1, -1, dtype=np.int32)
        unigram[list(unigrams)] = list(unigrams.values())
        keys = np.array([ids[a] << 32 | ids[b] for a, b, _ in pairs], dtype=np.int64)
        index, columns = _key_index(keys, np.array([c for _, _, c in pairs], dtype=np.int32))
        block.pair_keys.append((unigram, index, columns))
    unigram, index, columns = block.pair_keys[0]
    return ids, unigram, index, columns


#: Each word's lemma tokens (:func:`word_grams` of the word alone), for every word n-gram
#: block: the theme layer and the polarity correction read the same words.
_WORD_LEMMAS: dict[str, list[str]] = {}


def _word_entries(block: _Block, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """Return (row, column) of every known lemma uni- and bigram of ``texts`` (:func:`word_grams`).

    A token never crosses a space: each distinct word is lemmatised once (``_WORD_LEMMAS``)
    and its tokens' ids kept (``block.tokens``). The texts' ids in a row give the unigrams'
    columns by a look-up, the bigrams' (two ids of one text in a row) by a binary search among
    the terms' keys; no gram is built as a string.
    """
    ids, unigram, pair_keys, pair_columns = _token_ids(block)
    known = block.tokens
    split = [text.split() for text in texts]
    try:  # a chunk of words all met before needs no search for new ones
        parts = [b"".join(map(known.__getitem__, words)) for words in split]
    except KeyError:
        lemmas = _WORD_LEMMAS
        for word in set().union(*split).difference(known):
            tokens = lemmas.get(word)
            if tokens is None:
                tokens = lemmas[word] = _TOKEN.findall(lemma_text(word).lower())
            known[word] = array("i", [ids.get(t, 0) for t in tokens]).tobytes()
        parts = [b"".join(map(known.__getitem__, words)) for words in split]
    lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)) // 4
    token = np.frombuffer(b"".join(parts), dtype=np.int32)
    row = np.repeat(np.arange(len(texts), dtype=np.int32), lengths)
    uni = unigram[token]
    has = uni >= 0
    # Bigrams: two tokens of the same text in a row, both a term's.
    at = np.flatnonzero((row[:-1] == row[1:]) & (token[:-1] > 0) & (token[1:] > 0))
    key = token[at].astype(np.int64) << 32 | token[at + 1]
    where = _look_up(pair_keys, key)
    found = where >= 0
    return (
        np.concatenate([row[has], row[at[found]]]),
        np.concatenate([uni[has], pair_columns[where[found]]]),
    )


def _columns_of(block: _Block, grams: list[str]) -> bytes:
    return array("i", map(block.vocabulary.get, grams, repeat(-1, len(grams)))).tobytes()


def _features(block: _Block, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(row, column, value) of the TF-IDF entries of ``texts``, ascending by row."""
    if len(block.words) + len(block.tokens) > _MAX_WORDS:  # start again
        block.words.clear()
        block.tokens.clear()
    if len(_WORD_LEMMAS) > _MAX_WORDS:
        _WORD_LEMMAS.clear()
    width = len(block.idf)  # rows * width stays below 2**31: texts come in chunks
    if block.cut is char_grams or block.cut is word_grams:
        row, cols = (_char_entries if block.cut is char_grams else _word_entries)(block, texts)
        keys = np.sort(row * np.int32(width) + cols)
    else:
        if block.cut is char_wb_grams:
            parts = _wb_parts(block, texts)
        else:
            parts = [_columns(block, text) for text in texts]
        lengths = np.fromiter(map(len, parts), dtype=np.int64, count=len(parts)) // 4
        cols = np.frombuffer(b"".join(parts), dtype=np.int32)
        keys = np.repeat(np.arange(len(texts), dtype=np.int32) * np.int32(width), lengths)
        keys = np.sort((keys + cols)[cols >= 0])
    starts = np.flatnonzero(np.diff(keys, prepend=-1))  # each distinct (row, column) once
    counts = np.diff(starts, append=len(keys))
    rows, cols = np.divmod(keys[starts], width)
    values = (np.log(counts) + 1.0) * block.idf[cols]
    norms = np.sqrt(np.bincount(rows, values * values, minlength=len(texts)))
    return rows, cols, values / norms[rows]


#: How many numbers the gathered weight rows of one piece of :func:`_weighted_rows` hold at
#: most (about 1 MB): a piece stays in the processor's cache, a whole chunk of comments did not
#: (its products took twice as long).
_PIECE = 2**17


def _weighted_rows(
    rows: np.ndarray, cols: np.ndarray, values: np.ndarray, weights: np.ndarray
) -> Iterator[tuple[np.ndarray, np.ndarray]]:
    """Yield (rows, sums): each row's entries' ``values`` times their ``weights`` rows, summed.

    ``rows`` are ascending (as :func:`_features` gives them). Each row's sum is added up entry
    by entry in order, as one ``np.add.reduceat`` over all entries adds it: the rows are taken
    in pieces of whole rows, of about :data:`_PIECE` gathered numbers each.
    """
    if not len(rows):
        return
    starts = np.flatnonzero(np.diff(rows, prepend=-1))  # where each row's entries start
    step = max(1, _PIECE // max(1, weights.shape[1]))
    # Each piece ends at the first row start at or after a multiple of ``step`` entries.
    cuts = np.searchsorted(starts, np.arange(step, len(rows), step))
    bounds = [0, *np.unique(cuts[cuts < len(starts)]).tolist(), len(starts)]
    for first, stop in pairwise(bounds):
        if first == stop:
            continue
        a = int(starts[first])
        b = int(starts[stop]) if stop < len(starts) else len(rows)
        contribution = weights.take(cols[a:b], axis=0)
        contribution *= values[a:b, None]
        yield (
            rows[starts[first:stop]],
            np.add.reduceat(contribution, starts[first:stop] - a, axis=0),
        )


@lru_cache(maxsize=8)
def _pack_model(lang: str, pack: str) -> tuple[tuple[str, ...], np.ndarray, np.ndarray]:
    """Return the theme ids of a pack, their weights (float64, contiguous) and their bias."""
    model = _models()[lang]
    which = np.flatnonzero(model.pack_themes[pack])
    weights = np.ascontiguousarray(model.weights[:, which], dtype=np.float64)
    base = model.intercept[which] + model.packs[pack][which]
    return tuple(model.themes[i] for i in which), weights, base


def probabilities(texts: Sequence[str], lang: str, pack: str) -> tuple[tuple[str, ...], np.ndarray]:
    """Return the layer's probability per comment and theme of ``pack``.

    Parameters
    ----------
    texts
        Normalised comments (``normalise_one``), all in ``lang``.
    lang
        ``"ja"`` or ``"en"``.
    pack
        A shipped pack.

    Returns
    -------
    tuple
        The pack's theme ids, and a float array (comments, those themes).
    """
    model = _models()[lang]
    ids, weights, base = _pack_model(lang, pack)
    logits = np.tile(base, (len(texts), 1))
    for start in range(0, len(texts), _CHUNK):
        chunk = texts[start : start + _CHUNK]
        part = logits[start : start + len(chunk)]
        offset = 0
        for block in model.blocks:
            rows, cols, values = _features(block, chunk)
            for at, sums in _weighted_rows(rows, cols + offset, values, weights):
                part[at] += sums
            offset += len(block.idf)
    return ids, 1.0 / (1.0 + np.exp(-logits))


@dataclass(frozen=True)
class Adjustment:
    """The themes of each comment after the layer.

    Attributes
    ----------
    found
        Boolean (comments, themes of the book): the themes after the layer.
    added
        Boolean, same shape: the themes the layer added (the dictionaries missed them).
    polarity
        Per comment, how a theme the layer added to it gets its polarity, as the training
        script chose per language: ``"score"`` (the respondent's score), ``"others"`` (the
        polarity the dictionaries gave the comment's other themes when they all agree, else the
        score) or ``"comment"`` (the whole comment's judgement when it praises or complains,
        else the score); ``""`` where the layer does not apply.
    """

    found: np.ndarray
    added: np.ndarray
    polarity: tuple[str, ...]


def clear_caches() -> None:
    """Forget the probabilities of the comments seen and the n-gram columns of every word."""
    _SEEN.clear()
    _PROBS.clear()
    _LAST.clear()
    _WORD_LEMMAS.clear()
    for model in _models().values():
        for block in model.blocks:
            block.words.clear()
            block.tokens.clear()


#: Per pack, each comment seen: its language and where its probabilities are, (batch, row) in
#: ``_PROBS`` (``None`` without letters). A report asks for themes, polarity and the
#: data-quality section on the same comments. A row per comment is not kept as an array of its
#: own: making and stacking tens of thousands of row views cost more than the rows' numbers.
_SEEN: dict[str, dict[str, tuple[str, int, int] | None]] = {}
#: Per pack, the probabilities of each batch of comments computed (comments, the pack's themes).
_PROBS: dict[str, list[np.ndarray]] = {}
_MAX_SEEN = 200_000  # comments remembered per pack
#: The last adjustment: (pack, theme ids, texts, hits, result). tag_themes and tag_polarity pass
#: the same tuple of a column's distinct comments (``tokens._normalised_codes``) and the same hits.
_LAST: list[tuple[str, tuple[str, ...], Sequence[str], np.ndarray, Adjustment]] = []


def _seen(pack: str, texts: Sequence[str]) -> list[tuple[str, int, int] | None]:
    """Return the language of each comment and where its probabilities are; new ones computed."""
    seen = _SEEN.setdefault(pack, {})
    batches = _PROBS.setdefault(pack, [])
    if len(seen) > _MAX_SEEN:
        seen.clear()
        batches.clear()
    new = [t for t in dict.fromkeys(texts) if t not in seen]
    langs = [_language_of(t) for t in new]
    for lang in ("en", "ja"):
        batch = [t for t, lang_of in zip(new, langs, strict=True) if lang_of == lang]
        if batch:
            batches.append(probabilities(batch, lang, pack)[1])
            k = len(batches) - 1
            seen.update((t, (lang, k, i)) for i, t in enumerate(batch))
    seen.update((t, None) for t, lang_of in zip(new, langs, strict=True) if lang_of is None)
    return [seen[t] for t in texts]


def _gather(pack: str, places: Sequence[tuple[str, int, int]]) -> np.ndarray:
    """Return the probabilities at ``places`` (from :func:`_seen`), one row each, in order."""
    batches = _PROBS[pack]
    which = np.fromiter((p[1] for p in places), dtype=np.intp, count=len(places))
    rows = np.fromiter((p[2] for p in places), dtype=np.intp, count=len(places))
    out = np.empty((len(places), batches[which[0]].shape[1]), dtype=batches[which[0]].dtype)
    for k in np.unique(which):
        mask = which == k
        out[mask] = batches[k][rows[mask]]
    return out


def languages(pack: str | None, texts: Sequence[str]) -> list[str | None]:
    """Return the language the layer read each distinct normalised comment in (``None``: none).

    For a shipped pack (``ThemeBook.pack``) the languages come from the layer's memory of the
    comments (computing any it has not seen); for ``None`` they are detected.
    """
    if pack is None or not trained(pack):
        return [_language_of(t) for t in texts]
    return [None if e is None else e[0] for e in _seen(pack, texts)]


def adjust(
    pack: str | None, ids: Sequence[str], texts: Sequence[str], hits: np.ndarray
) -> Adjustment:
    """Apply the layer to the dictionaries' hits of distinct normalised comments.

    Parameters
    ----------
    pack
        The shipped pack whose layer applies (``ThemeBook.pack``); ``None``: none.
    ids
        The book's theme ids (the columns of ``hits``).
    texts
        Distinct normalised comments.
    hits
        Boolean (comments, themes): what the dictionaries found.

    Returns
    -------
    Adjustment
        The themes after the layer and those it added; ``hits`` unchanged (nothing added)
        without a pack or for a pack the resource has no models of (:func:`trained`).
        ``ids`` has every theme of the pack; the layer leaves the others alone.
    """
    hits = np.asarray(hits, dtype=bool)
    if pack is None or not len(texts) or not trained(pack):
        return Adjustment(hits, np.zeros_like(hits), ("",) * len(texts))
    if isinstance(texts, tuple) and _LAST:
        last_pack, last_ids, last_texts, last_hits, result = _LAST[0]
        if (
            last_pack == pack
            and last_ids == tuple(ids)
            and last_texts is texts
            and np.array_equal(last_hits, hits)
        ):
            return Adjustment(result.found.copy(), result.added.copy(), result.polarity)
    found, added = hits.copy(), np.zeros_like(hits)
    polarity = [""] * len(texts)
    entries = _seen(pack, texts)
    column = {t: j for j, t in enumerate(ids)}
    models = _models()
    for lang in ("en", "ja"):
        rows = np.array(
            [i for i, e in enumerate(entries) if e is not None and e[0] == lang], dtype=np.intp
        )
        if not len(rows):
            continue
        prob = _gather(pack, [entries[i] for i in rows])
        themes = _pack_model(lang, pack)[0]
        cols = np.array([column[t] for t in themes], dtype=np.intp)
        hit = hits[np.ix_(rows, cols)]
        keep = np.where(hit, prob >= models[lang].t_drop, prob >= models[lang].t_add)
        if lang in _VETTING:
            keep = _vet_additions(prob, hit, keep, themes, pack, _VETTING[lang])
        found[np.ix_(rows, cols)] = keep
        added[np.ix_(rows, cols)] = keep & ~hit
        for i in rows:
            polarity[i] = models[lang].added_polarity
    result = Adjustment(found, added, tuple(polarity))
    if isinstance(texts, tuple):  # immutable: the same object holds the same comments
        _LAST[:] = [
            (
                pack,
                tuple(ids),
                texts,
                hits.copy(),
                Adjustment(found.copy(), added.copy(), result.polarity),
            )
        ]
    return result


@dataclass(frozen=True)
class _Vetting:
    """A logistic verifier of the themes the layer adds (see :func:`_vet_additions`)."""

    weights: tuple[float, ...]  # in the order of _vet_additions' features
    intercept: float
    threshold: float  # an addition whose verifier probability is below it is not made
    neighbours: frozenset[tuple[str, str]]  # (a theme found by the rules and kept, one added)


#: The addition verifier of English (issue 11, fitted to round 5's layer, kept for rounds 7 and
#: 8; round 7 it keeps at round 5's precision on blind set 20: 0.837 with it, 0.810 without):
#: written by ``benchmarks/addition_vet_eval.py --table``, fitted on the layer's additions of
#: blind sets 9-12 (the shipped layer's probabilities, main 938a26b's rules) and of the choice
#: folds 6, 7, 8, 18, 19, 22 (cross-fitted probabilities over the rules that never saw them); its
#: threshold is the highest precision whose pooled F1 is not below the layer's, on
#: leave-one-set-out probabilities. The neighbours are the pairs whose additions were wrong more
#: often than right (at least 4). Japanese has none: its layer is unchanged.
_VETTING: dict[str, _Vetting] = {
    "en": _Vetting(
        weights=(
            0.6442599343807066,  # logit of the added theme's probability
            0.0081037965430112,  # logit of the highest probability of a kept hit (0: none)
            0.12129375202920062,  # no kept hit
            -0.1348181306171791,  # kept hits (at most 3)
            -1.4375732906738277,  # the added theme neighbours a kept hit
            -0.3315978623929819,  # other additions to the comment (at most 2)
            -0.14941359991404357,  # themes of the pack more probable (at most 3)
            -0.2299094209535439,  # pack saas
            -0.437975173571192,  # pack finance
            -0.3324104010504172,  # pack generic
        ),
        intercept=0.7399673532399141,
        threshold=0.48,
        neighbours=frozenset(
            {
                ("checkout", "price"),
                ("communication", "staff"),
                ("email", "communication"),
                ("performance", "usability"),
                ("phone", "communication"),
                ("phone", "quality"),
                ("price", "communication"),
                ("price", "usability"),
                ("quality", "usability"),
                ("reliability", "features"),
                ("reliability", "usability"),
                ("service", "staff"),
                ("speed", "staff"),
                ("staff", "products"),
                ("staff", "service"),
                ("staff", "usability"),
                ("support", "usability"),
                ("trust", "communication"),
                ("usability", "price"),
                ("usability", "speed"),
                ("usability", "trust"),
            }
        ),
    )
}
_VET_PACKS = ("saas", "finance", "generic")  # retail is the base of the pack features


def _vet_additions(
    prob: np.ndarray,
    hit: np.ndarray,
    keep: np.ndarray,
    themes: Sequence[str],
    pack: str,
    vetting: _Vetting,
) -> np.ndarray:
    """Return ``keep`` without the additions a second, small model judges doubtful.

    The layer's additions (``keep`` where not ``hit``) are wrong most often next to a theme
    the rules found (quality added where price is found, usability where performance is) and
    where the probability is middling. Each addition gets a probability of being right from a
    logistic regression on the logit of its probability, the highest probability of the kept
    hits, how many kept hits and other additions the comment has, whether it neighbours a kept
    hit, how many themes of the pack are more probable, and the pack; below the threshold it is
    not made. Kept hits are never touched.

    Parameters
    ----------
    prob
        The layer's probabilities (comments, ``themes``).
    hit, keep
        Boolean, same shape: the rules' hits and what the layer keeps or adds.
    themes
        The pack's theme ids the layer models (the columns).
    pack
        The shipped pack.
    vetting
        The verifier.

    Returns
    -------
    numpy.ndarray
        ``keep`` with the doubtful additions off (a new array where any is).
    """
    added = keep & ~hit
    rows = np.flatnonzero(added.any(axis=1))
    if not len(rows):
        return keep
    p, kept = prob[rows], (keep & hit)[rows]
    at, col = np.nonzero(added[rows])  # each addition: its row (of ``rows``) and theme
    chance = np.clip(p[at, col], 1e-4, 1 - 1e-4)
    n_kept = kept.sum(axis=1)
    clipped = np.clip(p, 1e-4, 1 - 1e-4)
    top = np.where(n_kept > 0, np.where(kept, clipped, 0.0).max(axis=1), 0.5)  # 0.5: logit 0
    top = np.log(top / (1 - top))  # the logit of the most probable kept hit
    near = np.array([[(x, y) in vetting.neighbours for y in themes] for x in themes], dtype=float)
    beside = (kept.astype(float) @ near)[at, col] > 0  # the added theme neighbours a kept hit
    w = vetting.weights
    per_row = (
        vetting.intercept
        + w[1] * top
        + w[2] * (n_kept == 0)
        + w[3] * np.minimum(n_kept, 3)
        + w[5] * (np.minimum(added[rows].sum(axis=1), 3) - 1)
        + sum(w[7 + k] * (pack == name) for k, name in enumerate(_VET_PACKS))
    )
    z = (
        per_row[at]
        + w[0] * np.log(chance / (1 - chance))
        + w[4] * beside
        + w[6] * np.minimum((p[at] > p[at, col][:, None]).sum(axis=1), 3)  # themes above
    )
    doubtful = z < np.log(vetting.threshold / (1 - vetting.threshold))
    if not doubtful.any():
        return keep
    out = keep.copy()
    out[rows[at[doubtful]], col[doubtful]] = False
    return out
