"""nps-kit: Net Promoter Score reporting toolkit.

The most used functions are re-exported here; each lives in a small module named for its job
(``load``, ``score``, ``stats``, ``followup``, ``drivers``, ``themes``, ``words``, ``redact``,
``plot``, ``render``, ``run``, ``mail``).
"""

__version__ = "0.1.0"

from nps_kit.errors import ConfigError, DataError, MailError, NpsKitError
from nps_kit.load import LoadReport, LoadResult, load_responses
from nps_kit.score import Change, NpsResult, compare, nps, score_groups, segment

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
