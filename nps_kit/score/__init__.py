"""NPS scoring: segments, one-group results, grouped tables and comparisons.

Promoters score 9–10, passives 7–8, detractors 0–6. NPS = % promoters − % detractors, in points
(−100…100), computed on valid answers only (missing scores are ignored, never counted).
Grouped scoring factorises the group keys once and counts segments with ``numpy.bincount``, so
it scales to tens of millions of responses.
"""

from __future__ import annotations

from nps_kit.score._compare import (
    against_rest,
    compare,
    control_chart,
    distribution,
    shown_diff,
    target_status,
)
from nps_kit.score._floor import (
    below_floor,
    complement_floor,
    hide_below_floor,
    hide_complement,
    n_below_floor,
    told_parts,
)
from nps_kit.score._groups import nps, score_groups
from nps_kit.score._results import (
    CONTROL_MIN_PERIODS,
    COUNT_COLUMNS,
    DEFAULT_MIN_N,
    DEFAULT_MIN_REPORT_N,
    SEGMENTS,
    Change,
    NpsResult,
    Period,
    TargetStatus,
    Verdict,
    segment,
)
from nps_kit.score._spans import hide_told_spans

__all__ = [
    "CONTROL_MIN_PERIODS",
    "COUNT_COLUMNS",
    "DEFAULT_MIN_N",
    "DEFAULT_MIN_REPORT_N",
    "SEGMENTS",
    "Change",
    "NpsResult",
    "Period",
    "TargetStatus",
    "Verdict",
    "against_rest",
    "below_floor",
    "compare",
    "complement_floor",
    "control_chart",
    "distribution",
    "hide_below_floor",
    "hide_complement",
    "hide_told_spans",
    "n_below_floor",
    "nps",
    "score_groups",
    "segment",
    "shown_diff",
    "target_status",
    "told_parts",
]
