"""Where the words of a Japanese comment stand in it, so a phrase reads as it was written.

The phrases of what no theme covers (:mod:`nps_kit.text.discovery`) are counted by lemma, but
shown as the stretch of the comment from their first word to their last: 可もなく不可もなく, not
the lemmas joined (可ない不可ない).
"""

from __future__ import annotations

import re

__all__ = ["ja_places"]

#: Where the run of kana after a conjugated word stops being that word (楽しいです, 痩せたので).
_JA_TAIL_END = re.compile("です|でし|ので|のに|から|けど|けれ|と思|よね|かな|[がをにのへとやよね]")
_JA_KANA = re.compile("[ぁ-ゖー]+")


def ja_places(text: str, wordings: list[str]) -> list[tuple[int, int]] | None:
    """Return where each content word of a Japanese ``text`` stands in it, start and end.

    ``wordings`` are :func:`~nps_kit.text.tokens.ja_token_words`' (dictionary or plain negative
    forms). A word that ends in a kanji, katakana or letter ends as worded; one that ends in kana
    (停められなかった for 停められない, 痩せました for 痩せる) is found by its stem and runs over
    the kana of its ending. ``None``
    when a word is not found in order (the wordings then stand joined, as before).
    """
    places: list[tuple[int, int]] = []
    at = 0
    for wording in wordings:
        start = text.find(wording, at)
        if start >= 0 and _JA_KANA.fullmatch(wording[-1:]) is None:
            end = start + len(wording)
        else:
            stem = wording[:-2] if wording.endswith("ない") and len(wording) > 2 else wording[:-1]
            start = text.find(stem, at) if stem else -1
            # a stem the writer conjugated otherwise (混んでなくて for 混まない): its kanji
            while start < 0 and len(stem) > 1:
                stem = stem[:-1]
                if _JA_KANA.fullmatch(stem[-1]) is None:
                    start = text.find(stem, at)
            if start < 0:
                return None
            end = start + len(stem)
            kana = _JA_KANA.match(text, end)
            if kana is not None:
                stop = _JA_TAIL_END.search(kana.group(), 1)
                end += stop.start() if stop is not None else len(kana.group())
        places.append((start, end))
        at = end
    return places
