"""Open-text analysis: normalise and tokenise, themes, distinguishing words, redaction.

The package keeps the text code together; its public functions are re-exported here, so
``from nps_kit.text import tag_themes`` works wherever a module lives inside. The modules:

``tokens``
    normalise comments, tell Japanese from English, tokenise (fugashi / UniDic).
``themes`` (+ private ``_match``)
    editable theme dictionaries, tagging, impact on NPS, representative comments, evaluation.
``words``
    words that distinguish two groups of comments (weighted log-odds).
``redaction``
    remove personal data before comments are shown.
"""

from nps_kit.text.redaction import KINDS, Redaction, redact, redact_one
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
    "STOP_WORDS_EN",
    "STOP_WORDS_JA",
    "Redaction",
    "Theme",
    "ThemeBook",
    "ThemeEvaluation",
    "answered",
    "detect_language",
    "distinguishing_words",
    "evaluate_themes",
    "load_themes",
    "normalise",
    "normalise_one",
    "redact",
    "redact_one",
    "representative_comments",
    "tag_themes",
    "theme_impact",
    "tokenise",
]
