"""Text cells garbled by a double decoding (``"Â¡Traduciendo!"``).

Counted before any repair, and repaired when asked (``fix_text=True``).
"""

from __future__ import annotations

import re
from typing import Final

import numpy as np
import pandas as pd

# Characters that double-decoded UTF-8 leaves behind (Ã©, Â¡, â€™, ï»¿, Ñ€ …): a cheap
# vectorised filter before ftfy looks at the few cells that have them.
_MOJIBAKE_HINT: Final = r"[ÂÃâÐÑï][\x80-\xbf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ¡-¿]"


# The UTF-8 bytes of _MOJIBAKE_HINT's first characters (C3 82 for Â …). C3 is never inside
# another UTF-8 character, so a column whose bytes lack these pairs needs no regex per cell.
_MOJIBAKE_LEADS: Final = re.compile(rb"\xc3[\x82\x83\xa2\x90\x91\xaf]")  # Â Ã â Ð Ñ ï


def _may_be_mojibake(values: pd.Series) -> bool:
    """Whether a text column can hold mojibake: its Arrow bytes have one of the lead characters.

    One scan of the column's bytes instead of a regex per cell; columns not stored by Arrow
    are always searched.
    """
    if not (isinstance(values.dtype, pd.StringDtype) and values.dtype.storage == "pyarrow"):
        return True
    import pyarrow as pa

    stored = values.array.__arrow_array__()  # the Arrow data itself, not a copy
    for chunk in stored.chunks if isinstance(stored, pa.ChunkedArray) else [stored]:
        data = chunk.buffers()[2]
        if data is None:
            continue
        # Most columns (Japanese or ASCII text) have no C3 byte at all: a vectorised look
        # for one (16 MiB at a time, not a mask as large as the column) spares them the regex.
        octets = np.frombuffer(data, dtype=np.uint8)
        step = 1 << 24
        if not any((octets[i : i + step] == 0xC3).any() for i in range(0, len(octets), step)):
            continue
        if _MOJIBAKE_LEADS.search(memoryview(data)):
            return True
    return False


def _mojibake(frame: pd.DataFrame, *, fix: bool) -> tuple[int, pd.DataFrame]:
    """Count text cells garbled by a double decoding; repair them when ``fix``."""
    total = 0
    for column in frame.columns:
        values = frame[column]
        if not (values.dtype == object or pd.api.types.is_string_dtype(values.dtype)):
            continue
        if not _may_be_mojibake(values):
            continue
        text = values.astype("string")
        suspect = text.str.contains(_MOJIBAKE_HINT, regex=True, na=False).to_numpy(dtype=bool)
        if not suspect.any():
            continue
        import ftfy  # slow to import: only for a column that may need it
        from ftfy.badness import is_bad

        distinct = pd.unique(text[suspect])
        bad = {t for t in distinct if is_bad(str(t))}
        hits = suspect & text.isin(bad).fillna(False).to_numpy(dtype=bool)
        total += int(hits.sum())
        if fix and hits.any():
            fixed = {t: ftfy.fix_encoding(str(t)) for t in bad}
            frame[column] = values.astype(object)
            frame.loc[hits, column] = text[hits].map(fixed).astype(object)
    return total, frame
