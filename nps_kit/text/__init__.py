"""Open-text analysis: normalise and tokenise, themes, distinguishing words, redaction.

The package keeps the text code together; its public functions are re-exported here, so
``from nps_kit.text import tag_themes`` works wherever a module lives inside. The modules:

``tokens``
    normalise comments, tell Japanese from English, tokenise (fugashi / UniDic).
``themes`` (+ private ``_match``, ``_regex_parts``, ``_layer``)
    editable theme dictionaries, tagging (with the learned layer over the shipped packs),
    impact on NPS, representative comments, evaluation.
``explain``
    why a comment has its themes: the words that found each, or the learned layer.
``words``
    words that distinguish two groups of comments (weighted log-odds).
``sentiment`` (+ private ``_lexicon``, ``_polarity_layer``)
    clauses and the polarity of each theme mention (:func:`theme_mentions`), with the learned
    polarity correction over the shipped packs where the respondents' segments are known.
``phrases``
    the phrases typical of detractors' and of promoters' comments, with an example each.
``stance``
    the share of each segment praising and complaining about each theme (strategy evidence).
``packs``
    the shipped theme packs (retail, saas, finance, generic, food, logistics).
``redaction``
    remove personal data before comments are shown.
"""

# First: a stale compiled build (``make fast``) must not be imported (see ``_native``).
from nps_kit.text import _native  # noqa: F401
from nps_kit.text.explain import explain_themes
from nps_kit.text.packs import PACKS, PackFit, best_pack, coverage, load_pack, pack_files
from nps_kit.text.phrases import segment_phrases
from nps_kit.text.redaction import KINDS, Redaction, redact, redact_one
from nps_kit.text.sentiment import (
    POLARITIES,
    Polarity,
    clause_split,
    polarity_of,
    tag_polarity,
    theme_mentions,
)
from nps_kit.text.stance import merge_polarity, stance_mask, theme_stance
from nps_kit.text.themes import (
    DEFAULT_THEME_IDS,
    Theme,
    ThemeBook,
    ThemeEvaluation,
    evaluate_themes,
    load_themes,
    representative_comments,
    tag_themes,
    theme_impact,
)
from nps_kit.text.tokens import (
    NO_ANSWER,
    STOP_WORDS_EN,
    STOP_WORDS_JA,
    answered,
    detect_language,
    normalise,
    normalise_one,
    tokenise,
)
from nps_kit.text.words import distinguishing_words

__all__ = [
    "DEFAULT_THEME_IDS",
    "KINDS",
    "NO_ANSWER",
    "PACKS",
    "POLARITIES",
    "STOP_WORDS_EN",
    "STOP_WORDS_JA",
    "PackFit",
    "Polarity",
    "Redaction",
    "Theme",
    "ThemeBook",
    "ThemeEvaluation",
    "answered",
    "best_pack",
    "clause_split",
    "coverage",
    "detect_language",
    "distinguishing_words",
    "evaluate_themes",
    "explain_themes",
    "load_pack",
    "load_themes",
    "merge_polarity",
    "normalise",
    "normalise_one",
    "pack_files",
    "polarity_of",
    "redact",
    "redact_one",
    "representative_comments",
    "segment_phrases",
    "stance_mask",
    "tag_polarity",
    "tag_themes",
    "theme_impact",
    "theme_mentions",
    "theme_stance",
    "tokenise",
]
