"""Themes in open-text comments: editable dictionaries, tagging, impact on NPS, examples.

A *theme* is a topic a comment talks about (delivery, price, staff, …). Themes are defined in a
YAML file of Japanese and English keywords and regular expressions (the packaged default, the
retail pack, is ``nps_kit/resources/themes.yaml``; the format is documented at the top of that
file and of the ``parameters/themes.yaml`` that ``nps-kit init`` writes, which extends it). A
file that starts with ``extends: <pack>`` adds its words to a shipped pack's themes and keeps
the pack's learned layers (:func:`load_themes`).
Each theme compiles to one regular-expression alternation
(:meth:`Theme.matches`, the reference definition); :func:`tag_themes` gets the same answers from
one Aho-Corasick pass per unique normalised comment over all themes' keywords, and searches a
theme's regular expressions only where that pass finds a candidate (see ``_theme_match``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict, Field

from nps_kit._schema_errors import Listed, load_yaml_model, problems_error, read_yaml
from nps_kit.errors import ConfigError, DataError, closest, missing_column
from nps_kit.i18n import Language, t
from nps_kit.text._collector import paused
from nps_kit.text._kept import kept_hits, vetoed_additions
from nps_kit.text._layer import Adjustment, adjust, languages, trained_excludes
from nps_kit.text._lemma import lemma_text, with_lemmas
from nps_kit.text._match import ThemeMatcher, join_source, keyword_parts, matcher
from nps_kit.text._quotes import representative_comments
from nps_kit.text._regex_parts import skipping
from nps_kit.text.languages import unread
from nps_kit.text.tokens import _normalised_codes, _without_no_answer_opener, normalise_one

__all__ = [
    "DEFAULT_THEME_IDS",
    "Theme",
    "ThemeBook",
    "ThemeEvaluation",
    "evaluate_themes",
    "extended_pack",
    "load_themes",
    "representative_comments",
    "tag_themes",
    "theme_impact",
]

_ID = re.compile(r"[a-z][a-z0-9_]*")


#: Theme ids of the packaged dictionaries (``nps_kit/resources/themes.yaml``), in their order.
DEFAULT_THEME_IDS: tuple[str, ...] = (
    "usability",
    "checkout",
    "delivery",
    "phone",
    "chat",
    "email",
    "staff",
    "price",
    "quality",
    "returns",
    "faq",
    "communication",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class _Words(_Strict):
    ja: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)


class _Label(_Strict):
    ja: str
    en: str


class _ThemeSpec(_Strict):
    # Required, but optional for a theme of the pack an ``extends`` file extends (load_themes).
    label: _Label | None = None
    keywords: _Words = Field(default_factory=_Words)
    patterns: _Words = Field(default_factory=_Words)
    exclude: _Words = Field(default_factory=_Words)


class _ThemeFile(_Strict):
    version: Literal[1]
    extends: str | None = None
    exclude: _Words = Field(default_factory=_Words)
    # Required, but optional in an ``extends`` file (load_themes).
    themes: dict[str, _ThemeSpec] = Field(default_factory=dict)


@dataclass(frozen=True)
class Theme:
    """One compiled theme.

    Attributes
    ----------
    id
        Theme id, e.g. ``"delivery"``.
    label_ja, label_en
        Display names.
    pattern
        One alternation of all keywords and patterns, searched in normalised text.
    exclude
        Text blanked before searching (negations, other themes' phrases), or ``None``.
    keywords_ja, keywords_en
        The normalised literal keywords that ``pattern`` starts with.
    patterns
        The regular expressions that ``pattern`` ends with.
    excludes
        The regular expressions ``exclude`` joins (the file's top-level ones, then the theme's).
    """

    id: str
    label_ja: str
    label_en: str
    pattern: re.Pattern[str]
    exclude: re.Pattern[str] | None
    keywords_ja: tuple[str, ...] = ()
    keywords_en: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()

    def label(self, lang: Language) -> str:
        """Return the display name in ``lang``."""
        return self.label_ja if lang == "ja" else self.label_en

    def matches(self, normalised_text: str) -> bool:
        """Tell whether an already normalised comment mentions this theme.

        This is the reference definition; :func:`tag_themes` gets the same answers faster. The
        comment matches when its text or its English lemmas (``"took ages"`` → ``"take age"``)
        do; English keywords are searched in both forms too.
        """
        return self._matches(normalised_text) or self.matches_lemmas(normalised_text)

    def matches_lemmas(self, normalised_text: str) -> bool:
        """Tell whether the English lemmas of a comment mention this theme.

        ``exclude`` blanks the text before it is lemmatised too, so that an excluded phrase
        ("shipping fees") is not found again through its lemmas ("ship fee").
        """
        blanked = (
            normalised_text if self.exclude is None else self.exclude.sub(" ", normalised_text)
        )
        return self._matches(lemma_text(blanked))

    def _matches(self, normalised_text: str) -> bool:
        if self.pattern.search(normalised_text) is None:
            return False
        if self.exclude is None:
            return True
        return self.pattern.search(self.exclude.sub(" ", normalised_text)) is not None


@dataclass(frozen=True)
class ThemeBook:
    """A validated, compiled set of theme dictionaries (see :func:`load_themes`).

    Attributes
    ----------
    themes
        The themes in file order (an ``extends`` file: the pack's, then the file's new ones).
    path
        The YAML file they came from.
    pack
        The shipped pack whose learned layers apply (:mod:`nps_kit.text._layer`): the pack
        itself, or the pack an ``extends`` file extends; ``None``: the dictionaries alone.
    own
        Of an ``extends`` file, the pack's themes it adds words to, each with only the file's
        own keywords and patterns (and the theme's exclude): what these find the learned layer
        never drops.
    new
        Of an ``extends`` file, the ids of the themes it adds to the pack: the dictionaries
        alone tag them, and the polarity correction leaves them as the rules read them.
    vetoes
        Of an ``extends`` file, (theme id, the file's own ``exclude`` of that theme and its
        top-level one): the learned layer does not add the theme to a comment one of them
        matches ("Cheap but miles out of town" is no comment on quality), as the words never
        find it in the text they match.
    """

    themes: tuple[Theme, ...]
    path: Path
    pack: str | None = None
    own: tuple[Theme, ...] = ()
    new: tuple[str, ...] = ()
    vetoes: tuple[tuple[str, re.Pattern[str]], ...] = ()

    @property
    def ids(self) -> list[str]:
        """Theme ids in file order."""
        return [t.id for t in self.themes]

    def label(self, theme_id: str, lang: Language) -> str:
        """Return the display name of ``theme_id`` in ``lang`` (the id itself if unknown)."""
        for theme in self.themes:
            if theme.id == theme_id:
                return theme.label(lang)
        return theme_id


def _default_path() -> Path:
    return Path(str(resources.files("nps_kit") / "resources" / "themes.yaml"))


def _compile(path: Path, key: str, source: str, *, lang: Language = "en") -> re.Pattern[str]:
    try:
        return re.compile(source)
    except re.error as exc:
        # re's own words for the error ({error}) stay English, as PyYAML's do.
        pattern = Listed([source]).words(lang)
        raise ConfigError(
            t("themes.bad_pattern", lang, file=path, setting=key, pattern=pattern, error=exc),
            hint=t("themes.bad_pattern_hint", lang),
            path=path,
            key=key,
        ) from exc


def _patterns(path: Path, key: str, words: _Words, *, lang: Language = "en") -> tuple[str, ...]:
    return tuple(
        _compile(path, f"{key}.{side}[{i}]", item, lang=lang).pattern
        for side in ("ja", "en")
        for i, item in enumerate(getattr(words, side))
    )


def _join(parts: Sequence[str]) -> re.Pattern[str] | None:
    return re.compile(join_source(parts)) if parts else None


def _shipped_pack(path: Path) -> str | None:
    """Return the shipped pack whose themes file ``path`` is, if any."""
    from nps_kit.text.packs import PACKS, pack_files

    for pack in PACKS:
        if pack_files(pack)[0].resolve() == path.resolve():
            return pack
    return None


def _extended(path: Path, name: str, *, lang: Language = "en") -> tuple[str, _ThemeFile]:
    """Return the pack an ``extends`` file names and the pack's validated themes file."""
    from nps_kit.text.packs import PACKS, pack_files

    if name not in PACKS:
        suggestion = closest(name, list(PACKS))
        found, packs = Listed([name]).words(lang), Listed(list(PACKS), quote=str).words(lang)
        problem = t("themes.unknown_pack", lang, found=found, packs=packs)
        hint = t("schema.did_you_mean", lang, suggestion=suggestion) if suggestion else None
        raise problems_error(path, [("extends", problem, hint)], lang=lang)
    return name, load_yaml_model(pack_files(name)[0], _ThemeFile)


def _more(base: _Words, extra: _Words) -> _Words:
    """Return ``base`` followed by the items of ``extra`` it lacks, per language."""
    return _Words(
        ja=list(dict.fromkeys([*base.ja, *extra.ja])),
        en=list(dict.fromkeys([*base.en, *extra.en])),
    )


def _less(extra: _Words, base: _Words, *, keywords: bool) -> _Words:
    """Return the items of ``extra`` that ``base`` lacks (keywords compared normalised)."""

    def key(word: str) -> str:
        return normalise_one(word) if keywords else word

    ja, en = {key(w) for w in base.ja}, {key(w) for w in base.en}
    return _Words(
        ja=[w for w in extra.ja if key(w) not in ja], en=[w for w in extra.en if key(w) not in en]
    )


def _theme(
    path: Path,
    theme_id: str,
    label: _Label,
    item: _ThemeSpec,
    shared: Sequence[str],
    *,
    lang: Language = "en",
) -> Theme:
    """Compile one theme of a validated file (``shared``: the file's top-level exclude)."""
    key = f"themes.{theme_id}"
    if not _ID.fullmatch(theme_id):
        raise ConfigError(
            t("themes.bad_id", lang, file=path, theme=theme_id),
            hint=t("themes.bad_id_hint", lang),
            path=path,
            key=key,
        )
    ja = tuple(normalise_one(w) for w in item.keywords.ja)
    en = with_lemmas(normalise_one(w) for w in item.keywords.en)
    literal = keyword_parts(ja, en)
    patterns = _patterns(path, f"{key}.patterns", item.patterns, lang=lang)
    pattern = _join([*literal, *patterns])
    if pattern is None:
        raise ConfigError(
            t("themes.no_words", lang, file=path, theme=theme_id),
            hint=t("themes.no_words_hint", lang),
            path=path,
            key=f"{key}.keywords",
        )
    excludes = (*shared, *_patterns(path, f"{key}.exclude", item.exclude, lang=lang))
    return Theme(
        theme_id, label.ja, label.en, pattern, _exclude(excludes), ja, en, patterns, excludes
    )


def _exclude(parts: Sequence[str]) -> re.Pattern[str] | None:
    """Return the ``exclude`` of a theme whose exclude patterns are ``parts``."""
    exclude = _join(parts)
    # the same matches, found faster: an exclude is searched in most comments
    return None if exclude is None else skipping(exclude)


def extended_pack(path: Path) -> str | None:
    """Return the shipped pack a themes file extends (its ``extends`` key), if any.

    ``None`` also where the file cannot be read or names no shipped pack: :func:`load_themes`
    then says what is wrong. Reading the key alone is enough to choose the pack's playbook
    (``nps_kit.params``) before the themes are compiled.
    """
    from nps_kit.text.packs import PACKS

    try:
        name = read_yaml(Path(path)).get("extends")
    except (ConfigError, OSError):
        return None
    return name if isinstance(name, str) and name in PACKS else None


def load_themes(path: Path | None = None, *, lang: Language = "en") -> ThemeBook:
    """Read, validate and compile theme dictionaries.

    A file with ``extends: <pack>`` (a shipped pack: retail, saas, finance, generic, food or
    logistics) starts from that pack's themes, in the pack's order. Under a theme id the pack has,
    the file's
    keywords, patterns and exclude patterns are added to the pack's (a ``label`` there is
    optional and replaces the pack's); a new theme id is appended and needs a label and
    keywords or patterns, as in any file; the top-level ``exclude`` is added to the pack's. The
    pack's learned layers then apply as they do to the pack, except that a theme the file's
    own words find (:attr:`ThemeBook.own`) is never dropped; the new themes get the
    dictionaries alone. A file without ``extends`` gets the dictionaries alone.

    Parameters
    ----------
    path
        A themes YAML file; ``None`` reads the packaged defaults
        (``nps_kit/resources/themes.yaml``).
    lang
        The language the file's problems are said in: the unit's (a Japanese project's
        themes file: ``ja``, FIX93). The themes themselves do not depend on it.

    Returns
    -------
    ThemeBook
        The compiled themes, in file order.

    Raises
    ------
    ConfigError
        If the file is missing, is not YAML, has an unknown or missing key, a value of the wrong
        type, a bad theme id, a theme without keywords or patterns, an invalid regular
        expression, or extends a pack that is not shipped. The message names the file and the
        dotted key.
    """
    path = _default_path() if path is None else Path(path)
    if not path.is_file():
        raise ConfigError(
            t("themes.file_not_found", lang, file=path),
            hint=t("themes.file_not_found_hint", lang),
            path=path,
        )
    spec = load_yaml_model(path, _ThemeFile, lang=lang)
    pack, base = (None, None) if spec.extends is None else _extended(path, spec.extends, lang=lang)
    given = spec.themes
    known = base.themes if base is not None else {}
    problems: list[tuple[str, str, str | None]] = []
    if "themes" not in spec.model_fields_set and base is None:
        problems.append(("themes", t("schema.missing", lang), None))
    for theme_id, item in given.items():
        if item.label is None and theme_id not in known:
            hint = None
            if base is not None:
                guess = closest(theme_id, list(known))
                said = t("schema.did_you_mean", lang, suggestion=guess) if guess else ""
                gap = " " if said and lang == "en" else ""
                hint = f"{said}{gap}{t('themes.needs_label', lang, pack=pack)}"
            problems.append((f"themes.{theme_id}.label", t("schema.missing", lang), hint))
    if problems:
        raise problems_error(path, problems, lang=lang)
    if base is None:
        shared = _patterns(path, "exclude", spec.exclude, lang=lang)
        themes = [
            _theme(path, theme_id, item.label, item, shared, lang=lang)
            for theme_id, item in given.items()
            if item.label is not None  # always (checked above); for the type checker
        ]
        return ThemeBook(themes=tuple(themes), path=path, pack=_shipped_pack(path))
    # The file's own patterns first, so that a message names their place in the file.
    mine_shared = _patterns(path, "exclude", spec.exclude, lang=lang)
    for theme_id, item in given.items():
        for part in ("patterns", "exclude"):
            _patterns(path, f"themes.{theme_id}.{part}", getattr(item, part), lang=lang)
    shared = _patterns(path, "exclude", _more(base.exclude, spec.exclude), lang=lang)
    vetoes = []
    for theme_id in known:
        mine_exclude = given[theme_id].exclude if theme_id in given else _Words()
        veto = _join(
            [*mine_shared, *_patterns(path, f"themes.{theme_id}.exclude", mine_exclude, lang=lang)]
        )
        if veto is not None:
            vetoes.append((theme_id, veto))
    themes, own = [], []
    for theme_id, theirs in known.items():
        mine = given.get(theme_id)
        label = mine.label if mine is not None and mine.label is not None else theirs.label
        assert label is not None  # a shipped pack labels every theme
        if mine is None:
            themes.append(_theme(path, theme_id, label, theirs, shared, lang=lang))
            continue
        merged = _ThemeSpec(
            keywords=_more(theirs.keywords, mine.keywords),
            patterns=_more(theirs.patterns, mine.patterns),
            exclude=_more(theirs.exclude, mine.exclude),
        )
        themes.append(_theme(path, theme_id, label, merged, shared, lang=lang))
        words = _ThemeSpec(
            keywords=_less(mine.keywords, theirs.keywords, keywords=True),
            patterns=_less(mine.patterns, theirs.patterns, keywords=False),
            exclude=merged.exclude,
        )
        if any([*words.keywords.ja, *words.keywords.en, *words.patterns.ja, *words.patterns.en]):
            own.append(_theme(path, theme_id, label, words, shared, lang=lang))
    new = [theme_id for theme_id in given if theme_id not in known]
    for theme_id in new:
        item = given[theme_id]
        assert item.label is not None  # checked above
        themes.append(_theme(path, theme_id, item.label, item, shared, lang=lang))
    return ThemeBook(
        themes=tuple(themes),
        path=path,
        pack=pack,
        own=tuple(own),
        new=tuple(new),
        vetoes=tuple(vetoes),
    )


def _own_words(book: ThemeBook) -> dict[int, Theme]:
    """Return the analyst's own words of a book: column (theme position) → a theme of them.

    Of a file that extends a pack, the words it adds to a pack's theme (:attr:`ThemeBook.own`)
    and the themes it adds (:attr:`ThemeBook.new`); of a file that is no shipped pack and
    extends none, every theme; of a shipped pack, none.
    """
    if book.pack is None:
        return dict(enumerate(book.themes))
    column = {theme_id: j for j, theme_id in enumerate(book.ids)}
    mine = {column[theme.id]: theme for theme in book.own}
    mine.update({j: theme for j, theme in enumerate(book.themes) if theme.id in book.new})
    return mine


def _unread_hits(book: ThemeBook, texts: Sequence[str], hits: np.ndarray) -> np.ndarray:
    """Return ``hits`` with comments in a language no pack reads tagged by the analyst's words.

    A comment :func:`nps_kit.text.languages.other_language` finds in a language no pack reads
    keeps no theme of a pack's words (a loan word such as "Wi-Fi" in a French complaint) nor of
    a learned layer (QA26 #13), but a theme the analyst's own words find (:func:`_own_words`:
    "Wartezeit" written into a German workshop's themes file) is theirs to keep (QA26 #14).
    The one home of that rule for tagging, polarity and ``--explain``.

    Parameters
    ----------
    book
        The theme book.
    texts
        Distinct normalised comments.
    hits
        (comments, themes) what the tagger found in them otherwise.

    Returns
    -------
    numpy.ndarray
        ``bool``, the shape of ``hits``; a copy where any comment is in another language.
    """
    foreign = np.flatnonzero(unread(texts))
    hits = np.asarray(hits, dtype=bool)
    if not len(foreign):
        return hits
    out = hits.copy()
    out[foreign] = False
    mine = _own_words(book)
    if mine:
        columns = np.fromiter(mine, dtype=np.intp, count=len(mine))
        found = matcher(tuple(mine.values())).tag([texts[i] for i in foreign.tolist()])
        out[np.ix_(foreign, columns)] = found
    return out


def _learned_layer(book: ThemeBook, texts: Sequence[str], hits: np.ndarray) -> Adjustment:
    """Apply the book's learned layer to ``hits``, and read comments no pack reads apart.

    A comment in a language no pack reads keeps only the themes the analyst's own words find
    there (:func:`_unread_hits`), none the layer adds, so that no polarity, nor the score's, is
    given to what was not read (QA26 #13).
    """
    layer = _layer_found(book, texts, hits)
    foreign = unread(texts)
    if not foreign.any():
        return layer
    return replace(
        layer,
        found=_unread_hits(book, texts, layer.found),
        added=layer.added & ~foreign[:, None],
    )


#: The last tuple of comments :func:`_answers` read, and its answer.
_LAST_ANSWERS: list[tuple[tuple[str, ...], Sequence[str]]] = []


def _answers(texts: Sequence[str]) -> Sequence[str]:
    """Return the comments as the learned layer reads them: without a no-answer opener.

    The layer reads what a comment says after a no-answer opener ("No comments, the room was
    dirty"): with the opener, it dropped every theme the words found there. ``texts`` itself
    where no comment has one. For the same tuple of comments (``tag_themes``, then
    ``tag_polarity``: ``tokens._normalised_codes`` gives both the same object) the same object
    is returned, by which :func:`nps_kit.text._layer.adjust` knows its last answer holds: each
    opener was looked for again and the layer's answer gathered again, 0.1 s of the 100k
    tagger's CPU (SPEED37).
    """
    if isinstance(texts, tuple) and _LAST_ANSWERS and _LAST_ANSWERS[0][0] is texts:
        return _LAST_ANSWERS[0][1]
    answers = tuple(_without_no_answer_opener(text) for text in texts)
    out = texts if answers == tuple(texts) else answers
    if isinstance(texts, tuple):  # immutable: the same object holds the same comments
        _LAST_ANSWERS[:] = [(texts, out)]
    return out


def _layer_found(book: ThemeBook, texts: Sequence[str], hits: np.ndarray) -> Adjustment:
    """Apply the book's learned layer (:func:`nps_kit.text._layer.adjust`) to ``hits``.

    ``texts`` are distinct normalised comments and ``hits`` (comments, themes) what the
    dictionaries found in them; a theme the words of an ``extends`` file of the analyst's own
    find (:attr:`ThemeBook.own`) stays, whatever the layer thinks of it, and one the file
    excludes in a comment (:attr:`ThemeBook.vetoes`) is not added there, nor is a theme whose
    words an exclude newer than the layer takes away (:func:`_newer_excludes`). A pack's words
    the layer may not drop (:data:`nps_kit.text._kept.KEPT`) keep their hits where their clause
    names no other theme, and it adds no theme where :data:`nps_kit.text._kept.VETOED` says so.
    """
    layer = adjust(book.pack, book.ids, _answers(texts), hits)
    hits = np.asarray(hits, dtype=bool)
    kept = kept_hits(book.pack, book.ids, texts, hits & ~layer.found, matcher(book.themes))
    if kept.any():
        layer = replace(layer, found=layer.found | kept)
    newer = _newer_excludes(book, texts, layer.added)
    vetoed = vetoed_additions(book.pack, book.ids, texts, layer.added)
    if (newer | vetoed).any():
        blocked = newer | vetoed
        layer = replace(layer, found=layer.found & ~blocked, added=layer.added & ~blocked)
    if not (book.own or book.vetoes) or not len(texts):
        return layer
    column = {theme_id: j for j, theme_id in enumerate(book.ids)}
    found, added = layer.found.copy(), layer.added.copy()
    for theme_id, veto in book.vetoes:
        j = column[theme_id]
        for i in np.flatnonzero(added[:, j]).tolist():
            if veto.search(texts[i]) is not None:
                found[i, j] = added[i, j] = False
    if book.own:
        mine = np.zeros(found.shape, dtype=bool)
        mine[:, [column[theme.id] for theme in book.own]] = matcher(book.own).tag(texts)
        found |= mine & np.asarray(hits, dtype=bool)
    return replace(layer, found=found, added=added)


def _newer_excludes(book: ThemeBook, texts: Sequence[str], added: np.ndarray) -> np.ndarray:
    """Return the additions whose theme's words an exclude newer than the layer takes away.

    The resource records the exclude patterns of the packs each language's models were trained
    beside (:func:`nps_kit.text._layer.trained_excludes`); one written since (the rules were told
    the words mean something else here: "one bed flat" is no comment on quality) outranks the
    layer, which learned before it: the theme is not added where the words the theme finds with
    the recorded excludes alone are all taken away. The excludes the layer was trained beside
    do not (the labels often tag both neighbours, as the layer learned). Boolean like ``added``.
    """
    out = np.zeros_like(added, dtype=bool)
    if book.pack is None or not added.any():
        return out
    langs: list[str | None] | None = None
    for lang in ("en", "ja"):
        trained = trained_excludes(lang, book.pack)
        if trained is None:
            continue
        old = tuple(trained.get(theme.id, frozenset()) for theme in book.themes)
        columns, before = _trained_themes(book.themes, old)
        if before is None:
            continue
        asked = added[:, list(columns)]
        rows = np.flatnonzero(asked.any(axis=1)).tolist()
        if not rows:
            continue
        langs = langs if langs is not None else languages(book.pack, texts)
        for i in rows:
            if langs[i] != lang:
                continue
            # One pass of the themes as trained finds them all (what Theme.matches would say).
            for k in before.matches(texts[i]):
                if asked[i, k]:
                    out[i, columns[k]] = True
    return out


@lru_cache(maxsize=8)
def _trained_themes(
    themes: tuple[Theme, ...], trained: tuple[frozenset[str], ...]
) -> tuple[tuple[int, ...], ThemeMatcher | None]:
    """Return the themes with an exclude newer than a language's models, as the models knew them.

    ``trained`` holds each theme's exclude patterns recorded beside the models. Returns the
    columns of the themes with one not recorded, and one matcher of those themes with the
    recorded excludes alone (``None`` if there is none). Built once per book and record:
    compiling the excludes and the automaton takes a while.
    """
    columns: list[int] = []
    before: list[Theme] = []
    for j, (theme, old) in enumerate(zip(themes, trained, strict=True)):
        if all(part in old for part in theme.excludes):
            continue
        columns.append(j)
        before.append(replace(theme, exclude=_exclude([p for p in theme.excludes if p in old])))
    return tuple(columns), (ThemeMatcher(tuple(before)) if before else None)


@paused
def tag_themes(texts: pd.Series, book: ThemeBook, *, learned: bool = True) -> pd.DataFrame:
    """Tag each comment with the themes it mentions.

    Parameters
    ----------
    texts
        Comments, one per response.
    book
        Theme dictionaries from :func:`load_themes`.
    learned
        Apply the learned layer over the dictionaries (default): for the shipped packs, a
        model trained on hand-labelled comments drops a doubtful dictionary hit and adds a
        theme the dictionaries missed (``nps_kit.text._layer``); for a file that extends a
        pack, to the pack's themes, never dropping what the file's own words find
        (:func:`load_themes`). Another themes file of a unit's own gets the dictionaries alone
        either way. ``False``: the dictionaries alone.

    Returns
    -------
    pandas.DataFrame
        Same index as ``texts``, one ``boolean`` column per theme id (in book order). Rows of
        missing or blank comments are ``<NA>`` in every column, so that they are not counted as
        commenters.
    """
    codes, unique = _normalised_codes(texts)
    hits = matcher(book.themes).tag(unique)
    if learned:
        hits = _learned_layer(book, unique, hits).found
    else:
        hits = _unread_hits(book, unique, hits)  # as _learned_layer
    mask = codes >= 0
    # One row of False after the distinct comments' rows: where code −1 (no text) points.
    wide = np.vstack([hits, np.zeros((1, len(book.themes)), dtype=bool)])[codes]
    columns = {
        theme.id: pd.arrays.BooleanArray(wide[:, j].copy(), ~mask)
        for j, theme in enumerate(book.themes)
    }
    return pd.DataFrame(columns, index=texts.index)


def _pct(part: float, whole: float) -> float:
    return 100.0 * part / whole if whole else float("nan")


def theme_impact(
    data: pd.DataFrame,
    tags: pd.DataFrame,
    *,
    polarity: pd.DataFrame,
    score: str = "nps_score",
    lang: Language = "ja",
    level: float = 0.95,
    book: ThemeBook | None = None,
    weight: str | None = None,
) -> pd.DataFrame:
    """Measure how much each theme matters for the NPS.

    *Commenters* are responses with a valid score and a comment (a non-missing row in ``tags``).
    *This theme's detractors* are the commenting detractors who complain about the theme or ask
    for it to be improved (a ``negative`` or ``mixed`` polarity,
    :func:`nps_kit.text.stance_mask`); a detractor who only praises the theme ("fast, but the
    billing is a mess") mentions it but is not one of them.

    Parameters
    ----------
    data
        Responses with a 0–10 ``score`` column; its index must contain ``tags``' index.
    tags
        Output of :func:`tag_themes` for the comments of ``data`` (all or some rows).
    polarity
        Output of :func:`nps_kit.text.tag_polarity` (or :func:`nps_kit.text.merge_polarity`)
        for the same comments: same index and columns as ``tags``.
    score
        Name of the score column.
    lang
        Language of the theme labels.
    level
        Confidence level of the NPS intervals.
    book
        Where the labels come from; ``None`` uses the packaged default themes.
    weight
        Optional column of response weights: shares, NPS and the gain are then weighted and
        the intervals use Kish's effective n; ``mentions`` stays a count of commenters.

    Raises
    ------
    DataError
        If ``data`` has no column ``score``.
    ValueError
        If ``tags`` has index labels not in ``data``, or ``polarity`` differs from ``tags`` in
        index or columns.

    Returns
    -------
    pandas.DataFrame
        One row per theme, sorted by ``nps_gain`` (largest first): ``theme``, ``label``,
        ``mentions`` (commenters mentioning it), ``share`` (percent of commenters),
        ``share_promoters``, ``share_passives``, ``share_detractors`` (mention shares: percent of
        each segment's commenters mentioning it, whatever they say), ``nps_with``,
        ``ci_with_low``, ``ci_with_high`` (NPS of commenters mentioning it), ``nps_without``,
        ``ci_without_low``, ``ci_without_high`` (other commenters), ``nps_gain``: the NPS points
        gained if this theme's detractors became passives (100 × this theme's detractors / all
        valid respondents) and ``detractors``: how many they are (the n of ``nps_gain``, a
        count even with weights).
    """
    from nps_kit.score import segment
    from nps_kit.score._groups import _nps_of_masks
    from nps_kit.text.stance import stance_mask  # stance reads the theme book from here

    for needed in (score, *([weight] if weight else [])):
        if needed not in data.columns:
            raise missing_column(needed, data.columns)
    missing = tags.index.difference(data.index)
    if len(missing):
        raise ValueError(f"tags has {len(missing)} index labels not in data, e.g. {missing[0]!r}")
    if not (polarity.index.equals(tags.index) and list(polarity.columns) == list(tags.columns)):
        raise ValueError("polarity must have the index and columns of tags")
    book = load_themes() if book is None else book
    segments = segment(data[score])
    valid = segments.notna()
    # Every share and the gain are sums of weights (1 per response without weights).
    w = (
        pd.Series(1.0, index=data.index)
        if weight is None
        else pd.to_numeric(data[weight], errors="coerce").astype(float).fillna(0.0)
    )
    n_valid = float(w[valid].sum())
    commented = tags.notna().all(axis=1).reindex(data.index, fill_value=False) & valid
    frame = data.loc[commented, [score, *([weight] if weight else [])]]
    seg = segments[commented]
    fw = w[commented].to_numpy(dtype=float)
    seg_sizes = {
        name: float(fw[(seg == name).to_numpy()].sum())
        for name in ("promoter", "passive", "detractor")
    }
    complains = stance_mask(polarity, "complaint").loc[frame.index].to_numpy(dtype=bool)
    in_segment = {name: (seg == name).to_numpy(dtype=bool) for name in seg_sizes}
    detractor = in_segment["detractor"]
    # Each theme's hits among the commenters, and the NPS with and without them, all at once
    # (the figures nps() gives each subset; a frame and two calls per theme cost more).
    hits = tags.loc[frame.index].fillna(False).to_numpy(dtype=bool)
    figures = _nps_of_masks(
        frame, np.vstack([hits.T, ~hits.T]), score=score, weight=weight, level=level
    )
    n_themes = len(tags.columns)
    rows = []
    for j, theme_id in enumerate(tags.columns):
        hit = hits[:, j]
        # This theme's detractors: those who complain about it or ask for it to be improved.
        theirs = detractor & hit & complains[:, j]
        with_, without = j, n_themes + j
        shares = {
            f"share_{name}s": _pct(float(fw[in_segment[name] & hit].sum()), size)
            for name, size in seg_sizes.items()
        }
        rows.append(
            {
                "theme": theme_id,
                "label": book.label(str(theme_id), lang),
                "mentions": int(hit.sum()),
                "share": _pct(float(fw[hit].sum()), float(fw.sum())),
                **shares,
                "nps_with": float(figures["nps"][with_]),
                "ci_with_low": float(figures["ci_low"][with_]),
                "ci_with_high": float(figures["ci_high"][with_]),
                "nps_without": float(figures["nps"][without]),
                "ci_without_low": float(figures["ci_low"][without]),
                "ci_without_high": float(figures["ci_high"][without]),
                "nps_gain": _pct(float(fw[theirs].sum()), n_valid),
                "detractors": int(theirs.sum()),
            }
        )
    # Named columns even without themes (a project whose themes.yaml has none yet).
    columns = ["theme", "label", "mentions", "share"]
    columns += [f"share_{name}s" for name in ("promoter", "passive", "detractor")]
    columns += ["nps_with", "ci_with_low", "ci_with_high", "nps_without", "ci_without_low"]
    columns += ["ci_without_high", "nps_gain", "detractors"]
    table = pd.DataFrame(rows, columns=columns)
    if table.empty:
        return table
    return table.sort_values(["nps_gain", "mentions"], ascending=False, kind="stable").reset_index(
        drop=True
    )


@dataclass(frozen=True)
class ThemeEvaluation:
    """Agreement of theme tags with hand labels (see :func:`evaluate_themes`).

    Attributes
    ----------
    precision, recall, f1
        Micro-averaged over all themes and comments.
    per_theme
        One row per theme: ``theme``, ``support`` (gold labels), ``predicted``,
        ``true_positives``, ``precision``, ``recall``, ``f1``.
    n
        Number of comments evaluated.
    """

    precision: float
    recall: float
    f1: float
    per_theme: pd.DataFrame
    n: int


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate_themes(
    frame: pd.DataFrame, book: ThemeBook, *, text: str = "text", themes: str = "themes"
) -> ThemeEvaluation:
    """Compare :func:`tag_themes` with hand-labelled themes.

    Parameters
    ----------
    frame
        Labelled comments, e.g. ``tests/data/theme_eval.csv``: a ``text`` column and a ``themes``
        column of ``;``-separated theme ids (empty when the comment has no theme).
    book
        The dictionaries to evaluate.
    text, themes
        Column names.

    Returns
    -------
    ThemeEvaluation
        Micro-averaged precision, recall and F1, and a per-theme table.

    Raises
    ------
    DataError
        If a gold label is not a theme id of ``book``.
    """
    gold_sets = [
        {t.strip() for t in str(v).split(";") if t.strip()} if pd.notna(v) else set()
        for v in frame[themes]
    ]
    unknown = sorted({t for s in gold_sets for t in s} - set(book.ids))
    if unknown:
        raise DataError(
            f"Gold labels {unknown} in column '{themes}' are not theme ids of {book.path}.",
            hint=f"Use ids from: {', '.join(book.ids)}.",
        )
    tags = tag_themes(frame[text], book).fillna(False).to_numpy(dtype=bool)
    gold = np.array([[t in s for t in book.ids] for s in gold_sets], dtype=bool).reshape(
        len(frame), len(book.ids)
    )
    tp = (tags & gold).sum(axis=0)
    predicted = tags.sum(axis=0)
    support = gold.sum(axis=0)
    with np.errstate(invalid="ignore", divide="ignore"):
        precision = np.where(predicted > 0, tp / predicted, np.nan)
        recall = np.where(support > 0, tp / support, np.nan)
    per_theme = pd.DataFrame(
        {
            "theme": book.ids,
            "support": support,
            "predicted": predicted,
            "true_positives": tp,
            "precision": precision,
            "recall": recall,
        }
    )
    per_theme["f1"] = [
        _f1(p, r) if not (np.isnan(p) or np.isnan(r)) else np.nan
        for p, r in zip(precision, recall, strict=True)
    ]
    micro_p = float(tp.sum() / predicted.sum()) if predicted.sum() else 0.0
    micro_r = float(tp.sum() / support.sum()) if support.sum() else 0.0
    return ThemeEvaluation(micro_p, micro_r, _f1(micro_p, micro_r), per_theme, len(frame))
