"""Open-text basics: normalise comments, tell Japanese from English, split into tokens.

Every function takes a :class:`pandas.Series` of comments and returns a Series with the same
index, so results line up with the response frame. Work is done once per *unique* text, because
survey comments repeat a lot ("特になし", "n/a", "Great service").

Japanese is tokenised with MeCab through ``fugashi`` and the ``unidic-lite`` dictionary (lemmas of
content words: nouns, verbs, adjectives and adjectival nouns); English with a small regular
expression. One MeCab tagger is created lazily and reused.

A negated word stays negated, so that a phrase never says the opposite of its comments:
つながらない is 繋がらない (not 繋がる), 効かず 利かない, 分かりにくい 分かりにくい (not 分かる),
問題はない 問題ない; "doesn't work" is ``not work``, "never arrived" ``not arrived``. A
negated potential stays a potential: 停められなかった is 止められない (not 止めない), 使えない
使えない (UniDic's lemma is 使う). Tokens are counted by lemma; :func:`ja_token_words` gives
each with its wording in the writer's kanji and kana (停められない, つながらない), which phrases
show. The placeholders of :mod:`nps_kit.text.redaction` (``[PHONE]``) are not words.
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache
from typing import Any, ClassVar, Literal

import numpy as np
import pandas as pd

from nps_kit._values import MISSING_WORDS
from nps_kit.text.redaction import without_contacts

__all__ = [
    "NEGATED",
    "NO_ANSWER",
    "STOP_WORDS_EN",
    "STOP_WORDS_JA",
    "answered",
    "detect_language",
    "ja_token_words",
    "normalise",
    "normalise_one",
    "said",
    "tokenise",
]

# Hiragana, katakana (incl. the long-vowel mark) and CJK ideographs.
_JA_CHAR = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
_LATIN_CHAR = re.compile(r"[a-zA-Z]")
# An English word, with the accented letters of Latin-script words (café, naïve, Zoë): the
# normalised text is lower case. Cut at the accent, "the café" was the phrase "the caf".
_EN_LETTER = "a-z\u00df-\u00f6\u00f8-\u024f"
_EN_WORD = re.compile(rf"[{_EN_LETTER}][{_EN_LETTER}0-9]*(?:['’][{_EN_LETTER}]+)?")

# A comment counts as Japanese when at least this share of its letters are kana or kanji. English
# product names inside a Japanese sentence ("アプリのUIが…") then still make it Japanese.
_JA_SHARE = 0.2

STOP_WORDS_EN: frozenset[str] = frozenset(
    """
    a about above after again all also am an and any are aren't as at be because been before
    being below between both but by can can't could couldn't did didn't do does doesn't doing
    don't down during each even ever every few for from further get got had hadn't has hasn't
    have haven't having he her here hers herself him himself his how i i'd i'll i'm i've if in
    into is isn't it it's its itself just let's me more most much my myself no nor not now of off
    on once one only or other ought our ours ourselves out over own really same she should
    shouldn't so some still such than that that's the their theirs them themselves then there
    there's these they they're this those through to too under until up us very was wasn't we
    we're were weren't what what's when where which while who whom why will with won't would
    wouldn't you you're your yours yourself yourselves im ive dont didnt cant wont isnt wasnt
    thing things lot lots bit also way make made go went going come came
    far lately recently ago yet already since anyway
    """.split()
)

STOP_WORDS_JA: frozenset[str] = frozenset(
    """
    する ある いる 居る なる 成る 為る 有る 無い ない できる 出来る 思う 言う いう 見る
    行く 来る くる おる 頂く いただく 下さる くださる 致す いたす 貰う もらう 呉れる くれる
    仕舞う しまう 置く おく こと 事 もの 物 よう 様 ため 為 とき 時 ところ 所 方 ほう 的
    感じ 今回 前回 今 毎回 自分 私 わたし
    これ それ あれ どれ ここ そこ さん 様 以外 以上 全体 特 特に 他 本当 本当に とても すごい 凄い
    ちょっと 少し 全然 いい 良い よい 方 みたい 気 点 回 度 円 日 分 年 月 件
    """.split()
)

#: What a negated English word starts with in tokens: "doesn't work", "never arrived" and
#: "no reply" give ``not work``, ``not arrived``, ``not reply``.
NEGATED = "not "
_EN_NEGATORS = frozenset(
    """
    not no never nor cannot can't cant don't dont doesn't doesnt didn't didnt won't wont isn't
    isnt wasn't wasnt aren't weren't couldn't wouldn't shouldn't haven't hasn't hadn't
    """.split()
)
#: Stop words a negation reaches over to its word ("don't really like" is ``not like``; "never got a
#: shipping confirmation" keeps never on its own).
_EN_NEGATION_REACH = 1


def _masked(text: str) -> str:
    """Blank the redaction placeholders of a normalised text, keeping every offset.

    ``[phone]`` becomes a comma and spaces: no word, and a clause break, so that no phrase
    runs across the masked data.
    """
    if "[" not in text:  # every placeholder starts with one; most comments have none
        return text
    from nps_kit.text.redaction import PLACEHOLDER

    return PLACEHOLDER.sub(lambda m: "," + " " * (len(m.group()) - 1), text)


# MeCab part-of-speech prefixes (UniDic) that carry content; the sub-types that do not.
_JA_KEEP = ("名詞", "動詞", "形容詞", "形状詞")
_JA_DROP = (
    "名詞-数詞",
    "動詞-非自立可能",
    "形容詞-非自立可能",
    "形状詞-助動詞語幹",
    "名詞-助動詞語幹",
)


def normalise_one(text: str) -> str:
    """Normalise one comment: NFKC (full-width → half-width), case-fold, collapse white space.

    Contact details go with the words that introduce them
    (:func:`nps_kit.text.redaction.without_contacts`): "Email me at [EMAIL]" and
    「（連絡先 [PHONE]）」 are no mention of communication, an address's domain none of docs.

    Parameters
    ----------
    text
        A comment.

    Returns
    -------
    str
        The normalised comment.
    """
    # str.split() splits at exactly the characters r"\s" matches: runs become one space.
    normalised = " ".join(unicodedata.normalize("NFKC", text).casefold().split())
    # Contact details and their labels ("email me at [EMAIL]", 連絡先 [PHONE]) say nothing
    # about the experience: themes, polarity and phrases never read them.
    return without_contacts(normalised)


#: :func:`normalise_one` remembered per distinct text: a report normalises the same comments
#: for themes, polarity, phrases, languages and discovery.
_normalised = lru_cache(maxsize=262144)(normalise_one)


def _distinct(texts: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Return each comment's position among the distinct texts (−1 if missing) and those texts.

    Values are converted to text as ``astype("string")`` does; the distinct texts are in order
    of first appearance. Both arrays are read-only: the answer for a column held in Arrow
    memory is remembered (see :class:`_LastDistinct`).
    """
    array = texts.array
    held = array.__arrow_array__() if isinstance(array, pd.arrays.ArrowStringArray) else None
    last = _LastDistinct
    if held is not None and held is last.held:
        return last.codes, last.uniques
    factorized, found = texts.astype("string").factorize()
    codes = np.asarray(factorized, dtype=np.intp)
    uniques = np.asarray(found, dtype=object)
    codes.flags.writeable = uniques.flags.writeable = False
    if held is not None:
        last.held, last.codes, last.uniques = held, codes, uniques
    return codes, uniques


class _LastDistinct:
    """The Arrow array of the last column :func:`_distinct` read, and its answer.

    A report's sections read the same column of comments (answered, themes, polarity, phrases,
    discovery), each of which factorised it again. Arrow arrays cannot change: the same array
    object holds the same comments (an edited column gets a new one, and the one kept here
    stays alive, so its identity is never reused).
    """

    held: ClassVar[object] = None
    codes: ClassVar[np.ndarray] = np.empty(0, dtype=np.intp)
    uniques: ClassVar[np.ndarray] = np.empty(0, dtype=object)

    @classmethod
    def clear(cls) -> None:
        """Forget the last column (benchmarks time a cold start)."""
        cls.held = None
        cls.codes = np.empty(0, dtype=np.intp)
        cls.uniques = np.empty(0, dtype=object)


class _LastNormalised:
    """The distinct comments of the last call of :func:`_normalised_codes`, and their result.

    A report tags themes and then polarity on the same comments: the second call finds the
    same distinct texts (compared in full, so an edited column is normalised again).
    """

    uniques: ClassVar[np.ndarray] = np.empty(0, dtype=object)
    lookup: ClassVar[np.ndarray] = np.empty(0, dtype=np.intp)
    normalised: ClassVar[tuple[str, ...]] = ()

    @classmethod
    def clear(cls) -> None:
        """Forget the last call (benchmarks time a cold start)."""
        cls.uniques = np.empty(0, dtype=object)
        cls.lookup = np.empty(0, dtype=np.intp)
        cls.normalised = ()


def _normalised_codes(texts: pd.Series) -> tuple[np.ndarray, tuple[str, ...]]:
    """Return each comment's position among the distinct non-empty normalised comments, and those.

    The position is −1 for a missing comment or one that normalises to nothing. Each distinct
    text is normalised once, and tagging and polarity share the work (see ``_normalised`` and
    :class:`_LastNormalised`): called again on the same comments, it returns the same tuple
    object, by which the matcher and the learned layer know their last answer still holds.
    """
    codes, uniques = _distinct(texts)
    last = _LastNormalised
    if len(uniques) == len(last.uniques) and np.array_equal(uniques, last.uniques):
        lookup = last.lookup
        normalised = last.normalised
    else:
        index: dict[str, int] = {}
        lookup = np.fromiter(
            (index.setdefault(n, len(index)) if (n := _normalised(u)) else -1 for u in uniques),
            dtype=np.intp,
            count=len(uniques),
        )
        normalised = tuple(index)
        last.uniques, last.lookup, last.normalised = uniques, lookup, normalised
    out = np.full(len(codes), -1, dtype=np.intp)
    present = codes >= 0
    out[present] = lookup[codes[present]]
    return out, normalised


def _map_unique(
    texts: pd.Series, func: Callable[[str], Any], *, missing: Any = np.nan
) -> pd.Series:
    """Apply ``func`` once per unique non-missing string, broadcast back to ``texts``' index.

    Equal texts share one result object (do not mutate it); missing texts get ``missing``.
    """
    codes, uniques = _distinct(texts)
    mapped = np.fromiter((func(text) for text in uniques), dtype=object, count=len(uniques))
    out = np.full(len(codes), missing, dtype=object)
    present = codes >= 0
    out[present] = mapped[codes[present]]
    return pd.Series(out, index=texts.index, name=texts.name, dtype=object)


def normalise(texts: pd.Series) -> pd.Series:
    """Normalise comments for matching and counting.

    Applies Unicode NFKC (full-width letters and digits become half-width, half-width katakana
    become full-width), case folding, and collapses runs of white space. Missing values stay
    missing.

    Parameters
    ----------
    texts
        Comments (any dtype; non-strings are converted to text).

    Returns
    -------
    pandas.Series
        ``string`` dtype, same index and name as ``texts``.
    """
    return _map_unique(texts, _normalised).astype("string")


#: Open answers that say "no comment" rather than comment: they count as not answered. The
#: loader's markers of no answer (:data:`nps_kit._values.MISSING_WORDS`: "N/A", ``\\N``,
#: "NULL", "None", "NaN", 無回答 …) come from their one home: a whole comment "NULL" is a
#: dump's empty cell, never a comment (REVIEW36: 「NULL（2件）」 among the uncovered phrases).
NO_ANSWER = (MISSING_WORDS - {""}) | frozenset(
    {
        "-", "ー", "なし", "無し", "特になし", "とくになし", "特に無し", "特にない",
        "特にありません", "無回答", "未回答", "ありません", "na", "n/a", "none", "nothing",
        "no comment", "no comments", "nil", "...", "…",
        # A whole answer "No" to "Anything else?" says nothing (QA25 B-2); "No waiting at
        # all" is a comment, and is never compared whole with these.
        "no", "nope", "nah", "no thanks", "no, thanks", "no thank you", "no, thank you",
        "not really", "nothing else",
        "nothing to add", "特にないです", "何もない", "なにもない", "ないです",
        # REVIEW26: the same answers as people type them (kana/kanji, ですます)
        "とくにないです", "特に無いです", "特に無い", "とくにない", "無いです", "無い", "ない",
        "何もないです", "なにもないです", "何も無い", "何も無いです", "特にありませんでした",
        "いいえ", "ありませんでした", "とくにありません",
    }
)  # fmt: skip
#: What is trimmed from both ends of a normalised answer before it is compared with
#: :data:`NO_ANSWER`: punctuation and the spaces between it (a normalised text has no other
#: white space). ``str.strip`` trims it several times faster than a regular expression.
_EDGE_CHARS = " 。、.,!！?？・"


def answered(texts: pd.Series) -> pd.Series:
    """Tell which open answers say something.

    Blank cells and answers such as 「特になし」, 「無回答」, "N/A" or "nothing" (after
    normalisation and trimming punctuation; see :data:`NO_ANSWER`) are not answers, so they
    are not counted as comments.

    Parameters
    ----------
    texts
        Open answers.

    Returns
    -------
    pandas.Series
        Boolean, same index.
    """
    return _map_unique(texts, _says_something, missing=False).astype(bool)


def said(texts: pd.Series) -> pd.Series:
    """Return the open answers as shown to a reader: those that say nothing are blank.

    Every place that quotes a comment (detractor cards, work files, alerts) reads it through
    this, so that "-", "n/a", "No" or 特になし (:data:`NO_ANSWER`, compared as :func:`answered`
    compares) shows as a blank comment does. Unlike :func:`answered`, a comment that only asks
    to be contacted (「連絡は [EMAIL] まで」) is kept: it says nothing of the experience, but
    the person calling back must read it.

    Parameters
    ----------
    texts
        Open answers.

    Returns
    -------
    pandas.Series
        ``string`` dtype, same index: each answer stripped of surrounding white space, ``""``
        where it is blank or says nothing.
    """
    stripped = texts.astype("string").fillna("").str.strip()
    return _map_unique(stripped, _shown, missing="").astype("string")


@lru_cache(maxsize=65536)
def _shown(text: str) -> str:
    core = " ".join(unicodedata.normalize("NFKC", text).casefold().split()).strip(_EDGE_CHARS)
    return text if core and core not in NO_ANSWER else ""


@lru_cache(maxsize=262144)  # a report asks for the same comments in several sections
def _says_something(text: str) -> bool:
    core = _normalised(text).strip(_EDGE_CHARS)
    return bool(core) and core not in NO_ANSWER


#: :data:`NO_ANSWER` phrases that answer the question by themselves, so that what follows is
#: part of the answer ("Nothing, it's great" to "What could we improve?"), not an answer after
#: an opener: ERR24 measured the layer misreading the rest when these were taken off.
_ANSWERS_THEMSELVES = frozenset(
    {
        "no", "nope", "nah", "none", "nothing", "not really", "nothing else", "no thanks",
        "no, thanks", "no thank you", "no, thank you", "-", "ー", "...", "…", "いいえ", "ない",
        "無い", "ないです", "無いです",
    }
)  # fmt: skip
#: A no-comment phrase of :data:`NO_ANSWER` and the punctuation after it at the start of a
#: normalised comment ("no comments, the room was dirty", 「特になし。強いて言えば駐車場が狭い」).
_NO_ANSWER_OPENER = re.compile(
    "^(?:"
    + "|".join(
        re.escape(phrase)
        for phrase in sorted(NO_ANSWER - _ANSWERS_THEMSELVES, key=len, reverse=True)
    )
    + r")\s?[-–—.,!！?？。、:;：；]+\s?"
)


@lru_cache(maxsize=262144)
def _without_no_answer_opener(text: str) -> str:
    """Return a normalised comment without the no-answer phrase it opens with.

    "No comments, the room was dirty" answers after its opener: the learned theme layer reads
    "the room was dirty", as it would without the opener. A comment that is only a no-answer
    (or whose rest says nothing) is returned as it is.

    Parameters
    ----------
    text
        A normalised comment (:func:`normalise_one`).

    Returns
    -------
    str
        The comment after the opener and its punctuation, or ``text``.
    """
    match = _NO_ANSWER_OPENER.match(text)
    if match is None:
        return text
    rest = text[match.end() :]
    return rest if _says_something(rest) else text


@lru_cache(maxsize=262144)  # themes' layer, phrases, tokens and discovery each ask
def _language_of(text: str) -> str | None:
    if text.isascii():  # no kana or kanji, and NFKC leaves ASCII as it is
        return "en" if _LATIN_CHAR.search(text) else None
    folded = unicodedata.normalize("NFKC", text)
    if _LATIN_CHAR.search(folded) is None:  # most Japanese comments: no letters to count
        return "ja" if _JA_CHAR.search(text) else None
    ja = len(_JA_CHAR.findall(text))
    latin = len(_LATIN_CHAR.findall(folded))
    if ja + latin == 0:
        return None
    return "ja" if ja / (ja + latin) >= _JA_SHARE else "en"


def detect_language(texts: pd.Series) -> pd.Series:
    """Tell per comment whether it is Japanese or English.

    A comment is ``"ja"`` when at least 20 % of its letters are kana or kanji (so Japanese with
    English product names stays Japanese), ``"en"`` when it has Latin letters otherwise, and
    missing when it has no letters at all (blank, only digits, only emoji).

    Parameters
    ----------
    texts
        Comments.

    Returns
    -------
    pandas.Series
        ``string`` dtype with ``"ja"``, ``"en"`` or ``<NA>``, same index as ``texts``.
    """
    return _map_unique(texts, _language_of).astype("string")


@lru_cache(maxsize=1)
def _tagger() -> Any:
    """Create the MeCab tagger once per process (loading the dictionary takes time)."""
    import fugashi

    return fugashi.Tagger()


def _tokens_ja(text: str) -> tuple[str, ...]:
    return tuple(word for word, _ in _ja_words(text))


#: The part of speech of punctuation (補助記号: 、。!?…「」 and the like) in MeCab's output.
#: No rule of :func:`_ja_stretch_words` looks across it (a negation, a potential or an ease
#: suffix ends at it: each step needs a row of another part of speech), so the words of a
#: comment are those of the stretches between them, read in one pass over all its rows.
_JA_PUNCT = "補助記号"


#: Where a Japanese comment is cut into pieces parsed apart: runs of sentence and clause marks.
_JA_CUT = re.compile(r"[、。!?「」]+")
_KATAKANA = re.compile(r"[ァ-ヺー]+")


@lru_cache(maxsize=131072)  # phrases need a comment's words and their wording
def _ja_words(text: str) -> tuple[tuple[str, str], ...]:
    """Return each Japanese content word of a normalised text as (token, wording).

    The token is built from the lemma, so that a word is counted however it is written; the
    wording is the same word in the writer's script (停められない where the token is
    止められない, つながらない where it is 繋がらない), which a phrase shows.

    A word's analysis depends on its neighbours, but not across a mark that MeCab can only read
    as punctuation: the best path through the lattice passes through that mark's one node, so
    the analysis between two such marks depends on the marks and the text between them alone.
    A comment is therefore read piece by piece between runs of 、。!?「」, each piece parsed
    with the runs on either side of it (or the comment's start and end) and once per process
    (comments repeat their clauses far more than whole comments repeat). Where MeCab reads a
    run otherwise in a piece's parse (not as punctuation of exactly those characters), the
    whole comment is parsed, as it always was before; ``benchmarks/text_identity.py`` checks
    that the words equal the whole comment's on every corpus.
    """
    masked = _masked(text)
    runs = [m.span() for m in _JA_CUT.finditer(masked)]
    if not runs:
        return _ja_parsed_words(masked)
    words: list[tuple[str, str]] = []
    edges = [(0, 0), *runs, (len(masked), len(masked))]
    for (left, start), (stop, right) in itertools.pairwise(edges):
        piece = masked[start:stop]
        if not piece.strip():  # MeCab reads nothing there
            continue
        found = _ja_piece_words(masked[left:start], piece, masked[stop:right])
        if found is None:
            return _ja_parsed_words(masked)
        words.extend(found)
    return tuple(words)


#: One MeCab output line's fields.
_Row = tuple[str, ...]
#: The fields of each output line met: most lines recur (particles, common words), and a look-up
#: is several times cheaper than splitting. Tuples of strings, which the collector does not walk.
_JA_ROWS: dict[str, _Row] = {}
_MAX_ROWS = 262144


def _ja_lines(masked: str) -> list[_Row]:
    """Return the fields of each of MeCab's output lines of a text (but ``EOS`` and blanks)."""
    lines = _tagger().parse(masked).split("\n")
    if lines and lines[-1] == "EOS":
        lines.pop()
    if "" in lines:
        lines = [line for line in lines if line]
    known = _JA_ROWS
    try:
        return [known[line] for line in lines]
    except KeyError:
        if len(known) > _MAX_ROWS:
            known.clear()
        for line in lines:
            if line not in known:
                known[line] = tuple(line.split("\t"))
        return [known[line] for line in lines]


def _ja_parsed_words(masked: str) -> tuple[tuple[str, str], ...]:
    """Parse a whole (masked) text and read its words."""
    return _ja_stretch_words(_ja_lines(masked))


def _ja_edge(rows: list[_Row], run: str, *, last: bool = False) -> int | None:
    """Return how many first (``last``: last) rows read the marks of ``run`` (None if none).

    Those rows must read exactly the marks of ``run``, each as punctuation. Each mark is one
    character and MeCab's tokens cover the text but its spaces, so a run of n marks read as
    punctuation is at most n lines.
    """
    if not run:
        return 0
    read = ""
    for k, row in enumerate(reversed(rows) if last else rows):
        if len(read) >= len(run):
            return k if read == run else None
        if len(row) < 5 or not row[4].startswith(_JA_PUNCT):
            return None
        read = row[0] + read if last else read + row[0]
    return len(rows) if read == run else None


@lru_cache(maxsize=65536)
def _ja_piece_words(before: str, piece: str, after: str) -> tuple[tuple[str, str], ...] | None:
    """Return the words of ``piece`` parsed between the runs of marks around it (see _ja_words).

    ``None`` when MeCab does not read those runs as punctuation of exactly their characters:
    the piece's analysis may then depend on more than them.
    """
    rows = _ja_lines(before + piece + after)
    head = _ja_edge(rows, before)
    if head is None:
        return None
    tail = _ja_edge(rows, after, last=True)
    if tail is None or head + tail > len(rows):
        return None
    stop = len(rows) - tail
    if "".join([row[0] for row in rows[head:stop]]) != piece.replace(" ", ""):
        return None
    return _ja_stretch_words(rows[head:stop])


#: The kind of content word (名詞, 動詞, 形容詞, 形状詞) of each part of speech met, "" for
#: the others: a comment's every word asks, and a dictionary has a few dozen of them.
_JA_KINDS: dict[str, str] = {}


def _ja_kind(pos: str) -> str:
    kind = _JA_KINDS.get(pos)
    if kind is None:
        keep = pos.startswith(_JA_KEEP) and not pos.startswith(_JA_DROP)
        kind = _JA_KINDS[pos] = pos.split("-", 1)[0] if keep else ""
    return kind


def _ja_lemma(row: _Row) -> str:
    # Loanword lemmas carry their origin ("アプリ-application"); unknown words have none.
    return row[3].split("-", 1)[0] or row[0]


def _ja_stretch_words(rows: list[_Row]) -> tuple[tuple[str, str], ...]:
    """Return the (token, wording) of each content word of MeCab output lines (see _ja_words).

    ``rows`` are the lines' fields; UniDic's columns: surface, pronunciation, lemma reading,
    lemma, part of speech, conjugation type, conjugation form, ... (the plain-text output is
    several times faster than building fugashi node objects). Punctuation ends what a word
    takes after it (:data:`_JA_PUNCT`): the rows of a whole parse are read at once.
    """
    if min(map(len, rows), default=7) < 7:
        rows = [(*row, *[""] * (7 - len(row))) for row in rows if len(row) >= 5]
    words: list[tuple[str, str]] = []
    kana_at = -2  # the row of the last word if it is a katakana noun (a compound's last part)
    # Only content words start a word; what a word takes after it (a suffix, an auxiliary, a
    # negation) never is one, so each content word is read where it stands.
    for at, row in enumerate(rows):
        kind = _JA_KINDS.get(row[4])
        if kind is None:
            kind = _ja_kind(row[4])
        if not kind:
            continue
        surface, lemma = row[0], _ja_lemma(row)
        if kind == "名詞" and _KATAKANA.fullmatch(surface):
            # Katakana nouns written together are one word (チェック＋イン, ログ＋イン,
            # カスタマー＋サポート): a phrase list showed 「イン」 and 「インでも快く対応」 (QA21).
            # MeCab's コ＋スパ is コスパ too.
            if at == kana_at + 1:  # counted as written: UniDic has no lemma of the compound
                words[-1] = (words[-1][1] + surface, words[-1][1] + surface)
            else:
                words.append((lemma, surface))
            kana_at = at
            continue
        if lemma in STOP_WORDS_JA or (len(lemma) == 1 and not _JA_CHAR.match(lemma)):
            continue
        ctype, cform = row[5], row[6]
        word, shown = lemma, _ja_written(surface, lemma, kind, ctype, cform)
        i = at + 1
        if kind == "動詞" and _ja_potential(row, lemma):
            # 使え, 帰れ: UniDic's lemma is 使う, 返る; the word is 使える, as written.
            word = lemma[:-1] + _E_ROW[lemma[-1]] + "る"
        # 分かり＋にくい／やすい／づらい is one word: 分かる alone would say the opposite.
        if kind == "動詞" and i < len(rows) and rows[i][4].startswith("接尾辞-形容詞的"):
            suffix = _hiragana(rows[i][2])
            if suffix in _JA_EASE:
                word = _ja_form(word, ctype, "連用") + suffix
                shown = _ja_form(shown, ctype, "連用") + suffix
                kind, ctype = "形容詞", "形容詞"
                i += 1
        # 停め＋られ＋ない: "cannot park", not 止めない "does not stop". Before a negation
        # られる／れる is the potential; elsewhere it is as often the passive (言われた), left out.
        if (
            kind == "動詞"
            and i < len(rows)
            and rows[i][4].startswith("助動詞")
            and (aux := _ja_lemma(rows[i])) in ("れる", "られる")
            and _ja_negation(rows, i + 1, kind)[0] == ""
        ):
            word = _ja_form(word, ctype, "未然") + aux
            shown = _ja_form(shown, ctype, "未然") + aux
            ctype = "下一段"
            i += 1
        if i < len(rows) and rows[i][4].startswith(_JA_BRIDGE_POS):
            negated, i = _ja_negation(rows, i, kind)
        else:
            negated = None  # most words: what follows cannot begin a negation
        if negated is not None:
            word = _ja_negative(word, kind, ctype, negated)
            shown = _ja_negative(shown, kind, ctype, negated)
        words.append((word, shown))
    # A lone katakana character (a noun to MeCab: コ of a word it split) or a run of ー names
    # nothing, and a katakana stop word (skipped by the check above) is one still.
    return tuple(
        w
        for w in words
        if (len(w[1]) > 1 or not _KATAKANA.fullmatch(w[1]))
        and w[1].strip("ー")
        and w[0] not in STOP_WORDS_JA
    )


def ja_token_words(text: str) -> list[tuple[str, str]]:
    """Return each content word of a Japanese comment as (token, wording as written).

    The tokens are those of :func:`tokenise` (same order); the wording is the same word in
    the writer's kanji or kana, in dictionary or plain negative form: for 駐車場に停められなかった
    the tokens 駐車, 止められない are worded 駐車, 停められない.
    """
    return list(_ja_words(_normalised(text)))


def _ja_written(surface: str, lemma: str, kind: str, ctype: str, cform: str) -> str:
    """Return a word's dictionary form as its writer wrote it: 停め → 停める, 効か → 効く.

    UniDic's lemma may use other kanji (止める, 利く) or kanji for kana (繋がる for つながる);
    the conjugated surface keeps the writer's. Falls back to the lemma for forms not derived.
    """
    if kind == "動詞":
        if cform.startswith(("終止形", "連体形")):
            return surface
        if ctype.startswith("五段") and len(surface) >= 2:
            return surface[:-1] + lemma[-1]  # 効か → 効く, つながっ → つながる
        if ctype.startswith(("上一段", "下一段")) and cform.startswith(("未然形", "連用形")):
            return surface + "る"  # 停め → 停める, 使え → 使える
        return lemma
    if kind == "形容詞":
        for ending in ("い", "く", "かっ", "けれ"):
            if surface.endswith(ending) and len(surface) > len(ending):
                return surface[: -len(ending)] + "い"  # 長かっ → 長い
        return lemma
    return surface


def _ja_potential(row: _Row, lemma: str) -> bool:
    """Whether a verb is the potential of a 五段 verb (使え, 帰れ), which UniDic lemmatises to it.

    Such a verb conjugates as 下一段 while its lemma is a 五段 verb: one not ending in る (使う),
    or one whose reading does not give the stem (返る, カエル, written 帰れ, カエレ; a true
    下一段 verb's stem reads as its lemma without ル: 入れ, イレ, of 入れる, イレル).
    """
    pron, reading, ctype, cform = row[1], row[2], row[5], row[6]
    if not ctype.startswith("下一段") or cform.startswith("仮定形"):
        return False
    if not lemma.endswith("る"):
        return lemma[-1:] in _E_ROW
    return reading.endswith("ル") and pron.startswith(reading[:-1] + "レ")


#: Adjective suffixes after a verb that make one word with it (分かりにくい, 使いやすい).
_JA_EASE = frozenset({"にくい", "づらい", "ずらい", "がたい", "やすい"})
#: Between a word and its negation: て／で, は／も, だ (で), ます, れる／られる, せる／させる, and
#: the helper verbs いる／ある／できる／する (with が after a noun: 予約ができない).
_JA_BRIDGE_AUX = frozenset({"ます", "れる", "られる", "せる", "させる", "だ"})
_JA_HELPERS = {"居る": "いない", "有る": "ない", "出来る": "できない", "為る": "しない"}
#: The parts of speech that a negation, or what stands between a word and it, begins with.
_JA_BRIDGE_POS = (
    "助動詞",
    "形容詞-非自立可能",
    "助詞-接続助詞",
    "助詞-係助詞",
    "助詞-格助詞",
    "動詞-非自立可能",
)
_KATA_HIRA = str.maketrans({chr(c): chr(c - 0x60) for c in range(0x30A1, 0x30F7)})
_A_ROW = dict(zip("うくぐすつぬぶむる", "わかがさたなばまら", strict=True))
_I_ROW = dict(zip("うくぐすつぬぶむる", "いきぎしちにびみり", strict=True))
_E_ROW = dict(zip("うくぐすつぬぶむる", "えけげせてねべめれ", strict=True))


def _hiragana(reading: str) -> str:
    return reading.translate(_KATA_HIRA)


def _ja_negation(rows: list[_Row], i: int, kind: str) -> tuple[str | None, int]:
    """Whether the word before ``rows[i]`` is negated; return the helper and where it ends.

    The helper is the verb that carries the negation after a noun (できない after 予約が),
    ``""`` when the negation follows the word itself (つながら＋ない, 長く＋ない, 問題＋ない).
    """
    helper = ""
    j = i
    while j < len(rows):
        row = rows[j]
        pos = row[4]
        if pos.startswith("助動詞"):
            lemma = _ja_lemma(row)
            if lemma in ("ない", "ず", "ぬ"):
                return helper, j + 1
            if lemma not in _JA_BRIDGE_AUX:
                break
            helper = "でない" if lemma == "だ" and not helper else helper
        elif pos.startswith("形容詞-非自立可能"):
            if _ja_lemma(row) == "無い":
                return helper, j + 1
            break
        elif pos.startswith("助詞-接続助詞"):
            if row[0] not in ("て", "で"):
                break
        elif pos.startswith("助詞-係助詞"):
            if row[0] not in ("は", "も"):
                break
        elif pos.startswith("助詞-格助詞"):
            if row[0] != "が" or kind != "名詞":
                break
        elif pos.startswith("動詞-非自立可能"):
            lemma = _ja_lemma(row)
            if lemma not in _JA_HELPERS:
                break
            if kind in ("名詞", "形状詞") and not helper:  # the first: 対応して（い）ない
                helper = _JA_HELPERS[lemma]
        else:
            break
        j += 1
    return None, i


def _ja_form(lemma: str, ctype: str, form: str) -> str:
    """Return the stem before ない (未然) or にくい (連用): 繋がる → 繋がら, 分かり."""
    row = _A_ROW if form == "未然" else _I_ROW
    if ctype.startswith("五段") and lemma[-1:] in row:
        return lemma[:-1] + row[lemma[-1]]
    if ctype.startswith(("上一段", "下一段")) and lemma.endswith("る"):
        return lemma[:-1]
    if ctype.startswith("サ行変格") and lemma.endswith("する"):
        return lemma[:-2] + "し"
    if ctype.startswith("カ行変格"):
        return lemma[:-1]
    return lemma


def _ja_negative(word: str, kind: str, ctype: str, helper: str) -> str:
    """繋がる → 繋がらない, 長い → 長くない, 予約 (＋できない) → 予約できない."""
    if kind == "動詞":
        return _ja_form(word, ctype, "未然") + "ない"
    if kind == "形容詞" and word.endswith("い"):
        return word[:-1] + "くない"
    return word + (helper or "ない")


def _fold_plural(word: str) -> str:
    if len(word) <= 3 or word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("xes", "ches", "shes", "sses")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def en_token_spans(text: str) -> list[tuple[str, int, int]]:
    """Return each English content word of a normalised text with where it is written.

    The words are those of :func:`tokenise` (same order, plurals folded); ``start`` and
    ``end`` locate the word as written, so that a phrase can be shown in the comment's words.
    """
    spans: list[tuple[str, int, int]] = []
    clean = _masked(text.replace("’", "'"))  # same length: offsets agree
    negator: tuple[int, int] | None = None  # (start, stop words since) of a pending negation
    classes = _EN_CLASSES
    for m in _EN_WORD.finditer(clean):
        word = m[0]
        start, end = m.span()
        if negator is not None and (
            negator[1] > _EN_NEGATION_REACH or _CLAUSE_END.search(clean, negator[0], start)
        ):
            negator = None  # "not. Great" or too far: the negation ends
        folded = classes.get(word)
        if folded is None:
            folded = _en_class(word)
        if folded is _NEGATOR:
            negator = (start, 0)
            if word == "never":  # a word of its own ("never again") when nothing follows
                spans.append((word, start, end))
            continue
        if not folded:  # a stop word, a letter alone, a number
            if negator is not None:
                negator = (negator[0], negator[1] + 1)
            continue
        if negator is not None:
            if spans and spans[-1][0] == "never" and spans[-1][1] == negator[0]:
                spans.pop()  # "never arrived" is one word
            spans.append((NEGATED + folded, negator[0], end))
            negator = None
            continue
        spans.append((folded, start, end))
    return spans


#: What :func:`en_token_spans` reads in each word met, by the word: its token (plurals folded),
#: ``""`` for a word that is none (a stop word, a letter alone, a number) or :data:`_NEGATOR`.
#: One look-up instead of three tests and a fold per word of every comment.
_EN_CLASSES: dict[str, str] = {}
_NEGATOR = "\x00negator"  # no word: the words are runs of letters, digits and apostrophes


def _en_class(word: str) -> str:
    if len(_EN_CLASSES) > 262144:
        _EN_CLASSES.clear()
    if word in _EN_NEGATORS:
        found = _NEGATOR
    elif word in STOP_WORDS_EN or len(word) < 2 or word.isdigit():
        found = ""
    else:
        found = _fold_plural(word)
    _EN_CLASSES[word] = found
    return found


#: What ends a negation's reach in English: a clause break (as in the phrase finder).
_CLAUSE_END = re.compile(r"[.,;:!?…()\[\]{}\"“”]|\s[-–—]+\s|\n")


@lru_cache(maxsize=131072)
def _en_spans(text: str) -> tuple[tuple[str, int, int], ...]:
    """:func:`en_token_spans` remembered per text, as a tuple.

    Phrases need the words of a comment twice, for its tokens and for their wording. The
    caches of this module keep tuples, not lists: the garbage collector stops tracking a tuple
    of strings and numbers, while every list kept (one per distinct comment) is walked again
    by each full collection, which took a tenth of a report's text section.

    The words of a comment are those of its pieces between commas, each piece read once per
    process (comments repeat their clauses): no word contains a comma, and a negation does not
    reach over one (a comma ends a clause), so nothing is carried from one piece to the next.
    """
    if "," not in text:
        return tuple(en_token_spans(text))
    out: list[tuple[str, int, int]] = []
    start = 0
    for piece in text.split(","):
        found = _en_piece_spans(piece)
        if start and found:
            out.extend([(word, a + start, b + start) for word, a, b in found])
        else:
            out.extend(found)
        start += len(piece) + 1
    return tuple(out)


@lru_cache(maxsize=65536)
def _en_piece_spans(piece: str) -> tuple[tuple[str, int, int], ...]:
    return tuple(en_token_spans(piece))


def _tokens_en(text: str) -> tuple[str, ...]:
    return tuple(word for word, _, _ in _en_spans(text))


@lru_cache(maxsize=131072)  # a report tokenises a comment for phrases and again for discovery
def _tokens(text: str, lang: Literal["ja", "en"] | None) -> tuple[str, ...]:
    norm = _normalised(text)
    language = lang or _language_of(norm)
    if language == "ja":
        return _tokens_ja(norm)
    if language == "en":
        return _tokens_en(norm)
    return ()


def tokenise(texts: pd.Series, *, lang: Literal["ja", "en"] | None = None) -> pd.Series:
    """Split comments into content-word tokens.

    Japanese comments become lemmas of nouns, verbs, adjectives and adjectival nouns
    (``"配送が遅くて"`` → ``["配送", "遅い"]``); English comments become lower-case words without
    stop words, with a light plural folding (``"orders"`` → ``"order"``, ``"replies"`` →
    ``"reply"``, ``"boxes"`` → ``"box"``). Text is normalised first (:func:`normalise`).

    Parameters
    ----------
    texts
        Comments.
    lang
        Force one tokeniser for every comment; by default each comment's language is detected
        (:func:`detect_language`).

    Returns
    -------
    pandas.Series
        One list of tokens per comment (an empty list for missing or letter-less comments), same
        index as ``texts``. Equal comments share one list object; copy before mutating.
    """
    out = _map_unique(texts, lambda t: list(_tokens(t, lang)))
    return out.map(lambda v: v if isinstance(v, list) else [])
