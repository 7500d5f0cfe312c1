"""Close the loop with detractors: who to contact, in which order, and how the team is doing.

:func:`contactable_detractors` is the one rule for "a detractor we may contact" (used by the
report's follow-up list, its work file and ``nps-kit alerts``). :func:`followup_list` turns a
unit's reporting period into the list the team works through, sorted by urgency: lowest score
first, then the oldest response, then the response id. :func:`loop_status` measures the loop from
a status file the team returns: close rate, median days to contact and who is still open.

Everything here is pure; reading and writing the work and status files is
:mod:`nps_kit.followup_files`.
"""

from __future__ import annotations

from nps_kit._response_meta import date_not_answered
from nps_kit.closed_loop._contactable import (
    alerts_need,
    consent_known,
    consent_unknown_detractors,
    consent_unknown_words,
    contactable_detractors,
    export_reach,
    unlisted_note,
    unlisted_reach,
)
from nps_kit.closed_loop._deadline import call_backs, call_by
from nps_kit.closed_loop._list import (
    RESPONSE_ID_NAMES,
    FollowupList,
    followup_list,
    id_heading,
    other_date_label,
    respondent_themes,
)
from nps_kit.closed_loop._reach import (
    CALL_WITHIN_HOURS,
    DETRACTOR_MAX_SCORE,
    NAME_HEADER,
    RECORD_MIN_ROWS,
    RECORD_SHARE,
    URGENCY,
    ContactBasis,
    contact_basis,
    left_contact_details,
    names_only,
    reach_columns,
    record_columns,
    record_note,
)
from nps_kit.closed_loop._status import (
    ATTEMPT_STATUSES,
    DONE_STATUSES,
    OPEN_STATUSES,
    LoopRefused,
    LoopStatus,
    RestoredIds,
    loop_status,
    restore_ids,
    rows_moved,
    still_open,
)

__all__ = [
    "ATTEMPT_STATUSES",
    "CALL_WITHIN_HOURS",
    "DETRACTOR_MAX_SCORE",
    "DONE_STATUSES",
    "NAME_HEADER",
    "OPEN_STATUSES",
    "RECORD_MIN_ROWS",
    "RECORD_SHARE",
    "RESPONSE_ID_NAMES",
    "URGENCY",
    "ContactBasis",
    "FollowupList",
    "LoopRefused",
    "LoopStatus",
    "RestoredIds",
    "alerts_need",
    "call_backs",
    "call_by",
    "consent_known",
    "consent_unknown_detractors",
    "consent_unknown_words",
    "contact_basis",
    "contactable_detractors",
    "date_not_answered",
    "export_reach",
    "followup_list",
    "id_heading",
    "left_contact_details",
    "loop_status",
    "names_only",
    "other_date_label",
    "reach_columns",
    "record_columns",
    "record_note",
    "respondent_themes",
    "restore_ids",
    "rows_moved",
    "still_open",
    "unlisted_note",
    "unlisted_reach",
]
