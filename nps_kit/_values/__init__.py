"""Parse score and date cells as people really write them, vectorised over unique values.

Survey exports repeat the same few cell texts hundreds of thousands of times, so every parser here
factorizes the column, parses each distinct value once in Python and maps the results back with
numpy indexing. The cost is one ``pd.factorize`` plus work proportional to the number of distinct
values, never a Python loop over rows.
"""

from __future__ import annotations

from nps_kit._values._date_forms import (
    DATE_EXAMPLES,
    DATE_FORMS,
    DAY_FIRST,
    EPOCH_SECONDS,
    MONTH_FIRST,
    numeric_date_order,
)
from nps_kit._values._dates import (
    any_date,
    check_date_format,
    date_only,
    has_time_of_day,
    parse_date_values,
    parse_dates,
    written_decimals,
)
from nps_kit._values._scale import ScaleSplit, scale_split
from nps_kit._values._scores import (
    DECIMAL_COMMA_RE,
    DECIMAL_NUMBER_RE,
    MISSING_WORDS,
    NO_ANSWER_WORDS,
    OTHER_DIGITS,
    STATUSES,
    WORDED_SCORE,
    ZEROS_EXPECTED,
    DateParse,
    ScoreParse,
    column_numbers,
    decimal_number,
    missing_words,
    missing_words_said,
    no_zero_is_evidence,
    parse_scores,
    read_numbers,
    states_zero_to_ten,
)

__all__ = [
    "DATE_EXAMPLES",
    "DATE_FORMS",
    "DAY_FIRST",
    "DECIMAL_COMMA_RE",
    "DECIMAL_NUMBER_RE",
    "EPOCH_SECONDS",
    "MISSING_WORDS",
    "MONTH_FIRST",
    "NO_ANSWER_WORDS",
    "OTHER_DIGITS",
    "STATUSES",
    "WORDED_SCORE",
    "ZEROS_EXPECTED",
    "DateParse",
    "ScaleSplit",
    "ScoreParse",
    "any_date",
    "check_date_format",
    "column_numbers",
    "date_only",
    "decimal_number",
    "has_time_of_day",
    "missing_words",
    "missing_words_said",
    "no_zero_is_evidence",
    "numeric_date_order",
    "parse_date_values",
    "parse_dates",
    "parse_scores",
    "read_numbers",
    "scale_split",
    "states_zero_to_ten",
    "written_decimals",
]
