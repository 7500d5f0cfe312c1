"""nps-kit: Net Promoter Score reporting toolkit.

The most used functions are re-exported here; each lives in a small module named for its job
(``load``, ``score``, ``stats``, ``followup``, ``drivers``, ``plot``, ``render``, ``run``,
``mail``); the open-text code is the ``text`` package.
"""

__version__ = "0.1.0"

import sys as _sys

from nps_kit.errors import ConfigError, DataError, MailError, NpsKitError
from nps_kit.load import LoadReport, LoadResult, load_responses
from nps_kit.score import Change, NpsResult, compare, nps, score_groups, segment
from nps_kit.text import _match, redaction, themes, words

# The text modules moved into nps_kit.text; their old import paths (``nps_kit.themes``,
# ``nps_kit.words``, ``nps_kit.redact``, ``nps_kit._theme_match``) keep working through these
# aliases. Aliases rather than shim files, so that no file exists at an old path and git follows
# the moves when it merges other branches' edits of those files.
redact = redaction
_theme_match = _match
for _old, _module in {
    "themes": themes,
    "words": words,
    "redact": redaction,
    "_theme_match": _match,
}.items():
    _sys.modules.setdefault(f"{__name__}.{_old}", _module)
del _old, _module

__all__ = [
    "Change",
    "ConfigError",
    "DataError",
    "LoadReport",
    "LoadResult",
    "MailError",
    "NpsKitError",
    "NpsResult",
    "__version__",
    "compare",
    "load_responses",
    "nps",
    "score_groups",
    "segment",
]
