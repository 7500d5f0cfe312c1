"""The e-mail policy of every message nps-kit writes: ``email.policy.SMTP``, folded kindly.

The standard library folds a header whose whole value does not fit after its name, but would
fit on a line of its own, right after the colon::

    Subject:
     [NPS] Enterprise November 2026: 41.8 (+5.3 vs October, no significant change)

That is valid folding, yet a strict parser keeps the leading space (`` [NPS] …``), and it is
the commonest case: an English subject of 70 to 77 characters, a chart's Content-ID on a long
domain. Such a value is written on the name's line instead. RFC 5322 asks for lines of 78
characters and allows 998; only values of at most 77 characters are moved, so a line stays
under 100. Longer values, and any value that needs encoded words (Japanese subjects), are
folded as before, between words.

The standard library may also leave the space before a fold at the end of the line it folds
(``+33.6 CRLF =?utf-8?b?KOKIkjEwLjM=?=``, before the encoded word that holds "−"): the fold
brings its own space, so a reader unfolds two (QA20: "+33.6  (−10.3 vs October"). That space
is dropped: between two plain words, or a plain and an encoded word, the fold's space is the
one that was written; between two encoded words spaces are not read at all. And where the
standard library puts a subject's space between two encoded words itself, it is lost: such a
subject is encoded whole instead (QA26 #22).
"""

from __future__ import annotations

import re
from email.header import Header, decode_header, make_header
from email.policy import EmailPolicy
from typing import Any

__all__ = ["POLICY"]

#: What RFC 5322 allows a line at most (without CRLF).
_HARD_LIMIT = 998


class _Policy(EmailPolicy):
    """``email.policy.SMTP`` that never folds a header right after its name."""

    def fold(self, name: str, value: Any) -> str:
        """Fold ``name: value`` as the standard policy does, except right after the colon."""
        folded = super().fold(name, value)
        if self._moved(name, value, folded.startswith(f"{name}:{self.linesep} ")):
            folded = EmailPolicy.fold(self._wide(name, value), name, value)
        folded = re.sub(rf"[ \t]+(?={re.escape(self.linesep)}[ \t])", "", folded)
        return self._kept(name, value, folded)

    def fold_binary(self, name: str, value: Any) -> bytes:
        """Fold ``name: value`` to bytes, as :meth:`fold`."""
        folded = super().fold_binary(name, value)
        if self._moved(name, value, folded.startswith(f"{name}:{self.linesep} ".encode())):
            folded = EmailPolicy.fold_binary(self._wide(name, value), name, value)
        linesep = re.escape(self.linesep.encode())
        folded = re.sub(rb"[ \t]+(?=" + linesep + rb"[ \t])", b"", folded)
        return self._kept(name, value, folded.decode("ascii")).encode("ascii")

    def _kept(self, name: str, value: Any, folded: str) -> str:
        """Return ``folded``, or the subject encoded whole when folding lost a space.

        The standard library may write the space between two encoded words as bare whitespace,
        which every reader drops (QA26 #22: "Düsseldorf November 2026:−9.4"). Such a subject is
        encoded in encoded words that carry their spaces inside.
        """
        text = str(value)
        if name.casefold() != "subject" or text.isascii() or not folded.isascii():
            return folded
        written = folded.split(":", 1)[1].strip()
        if str(make_header(decode_header(written))) == text:
            return folded
        whole = Header(text, "utf-8", header_name=name).encode(linesep=self.linesep)
        return f"{name}: {whole}{self.linesep}"

    @staticmethod
    def _moved(name: str, value: Any, after_colon: bool) -> bool:
        text = str(value)
        return after_colon and text.isascii() and len(name) + 2 + len(text) <= _HARD_LIMIT

    def _wide(self, name: str, value: Any) -> EmailPolicy:
        return self.clone(max_line_length=len(name) + 2 + len(str(value)))


#: ``email.policy.SMTP`` (CRLF line ends, encoded headers) with the folding above.
POLICY = _Policy(linesep="\r\n")
