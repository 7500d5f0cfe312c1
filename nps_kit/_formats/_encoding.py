"""Which file format and text encoding an export is, from a sample of its bytes."""

from __future__ import annotations

import codecs
import gzip
import re
from pathlib import Path
from typing import Final

from nps_kit._formats._layout import _BINARY_HINT, SAMPLE_BYTES, Compression, Format
from nps_kit.errors import DataError


def _sniff_format(path: Path, head: bytes) -> tuple[Format, Compression]:
    suffix = path.suffix.lower()
    if head.startswith(b"PK\x03\x04"):
        return "xlsx", None
    if head.startswith(b"PAR1"):
        return "parquet", None
    if suffix in {".xlsx", ".xlsm"}:
        return "xlsx", None
    if suffix in {".parquet", ".pq"}:
        return "parquet", None
    return "csv", "gzip" if head.startswith(b"\x1f\x8b") else None


def _decodes(sample: bytes, encoding: str, *, final: bool) -> int | None:
    """Return the offset of the first undecodable byte in ``sample``, or ``None`` if it decodes."""
    decoder = codecs.getincrementaldecoder(encoding)()
    try:
        decoder.decode(sample, final=final)
    except UnicodeDecodeError as exc:
        return int(exc.start)
    return None


_KANA: Final = re.compile(r"[\u3040-\u30ff]")


def _single_byte_guess(sample: bytes) -> str | None:
    """Ask charset-normalizer which encoding ``sample`` is in."""
    from charset_normalizer import from_bytes

    matches = from_bytes(sample)
    best = matches.best()
    if best is None:
        return None
    # On a short sample several code pages read equally well (cp1250 reads ñ as ń and still
    # looks clean); among those, cp1252 — Excel's and Windows' Western default — is the likely one.
    western = from_bytes(sample, cp_isolation=["cp1252"]).best()
    if western is not None and western.chaos <= best.chaos + 0.01:
        return "cp1252"
    return str(best.encoding)


def detect_encoding(sample: bytes, *, final: bool) -> str | None:
    """Guess the encoding of a text sample: BOM, UTF-8, cp932, BOM-less UTF-16, then others.

    ``final`` says whether the sample is the whole file (otherwise a multi-byte character cut at
    the end of the sample is not an error). Text that is neither UTF-8 nor Japanese cp932 (which
    nearly always has kana) goes to charset-normalizer, which recognises Latin-1/cp1252 and the
    other common single-byte encodings. Returns ``None`` for bytes that are none of these.
    """
    if sample.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if sample.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    half = len(sample) // 2
    if half and sample[1::2].count(0) > 0.3 * half and sample[0::2].count(0) < 0.05 * half:
        return "utf-16-le"
    if half and sample[0::2].count(0) > 0.3 * half and sample[1::2].count(0) < 0.05 * half:
        return "utf-16-be"
    if b"\x00" in sample:
        return None
    if _decodes(sample, "utf-8", final=final) is None:
        return "utf-8"
    cp932 = _decodes(sample, "cp932", final=final) is None
    if cp932:
        text = codecs.getincrementaldecoder("cp932")().decode(sample, final=final)
        if _KANA.search(text):
            return "cp932"
    guess = _single_byte_guess(sample)
    if guess is None or _decodes(sample, guess, final=final) is not None:
        return "cp932" if cp932 else None
    # Japanese comes first here: when cp932 reads the bytes too, only a single-byte encoding
    # (one character per byte: Latin-1, cp1252, cp1251 …) beats it, not another CJK one.
    single = len(codecs.decode(sample[:4096], guess, errors="replace")) == len(sample[:4096])
    return guess if single or not cp932 else "cp932"


def cut_gzip(path: Path, exc: EOFError) -> DataError:
    """Say that a gzip export ends before its stream does: cut off in a copy or download."""
    return DataError(
        f"{path} ends before the end of its gzip stream ({exc}): the file was cut off, "
        "as a copy or download that stopped part-way leaves it.",
        hint="Copy or download the export again (gzip -t FILE tests a .gz file).",
        path=path,
    )


def _read_sample(path: Path, compression: Compression) -> tuple[bytes, bool]:
    """Return up to :data:`SAMPLE_BYTES` of decompressed content and whether that is all of it."""
    opener = gzip.open if compression == "gzip" else open
    try:
        with opener(path, "rb") as handle:
            sample = handle.read(SAMPLE_BYTES + 1)
    except EOFError as exc:
        raise cut_gzip(path, exc) from exc
    except OSError as exc:
        raise DataError(f"cannot read {path} as CSV: {exc}.", hint=_BINARY_HINT, path=path) from exc
    return sample[:SAMPLE_BYTES], len(sample) <= SAMPLE_BYTES


class EncodingError(DataError):
    """A text export that does not decode with the encoding given or detected.

    Its hint names the ``--encoding`` option; a project's validation names
    ``data.encoding`` instead, from ``encoding``, ``offset`` and ``suggestion``.
    """

    def __init__(self, path: Path, *, encoding: str, offset: int, suggestion: str | None) -> None:
        self.encoding = encoding
        self.offset = offset
        self.suggestion = suggestion
        if suggestion:
            hint = f"try --encoding {suggestion}."
        else:
            hint = "pass --encoding with the encoding the file was saved in (e.g. utf-8 or cp932)."
        super().__init__(f"{path} is not valid {encoding} at byte {offset};", hint=hint, path=path)


def encoding_error(path: Path, encoding: str, offset: int, suggestion: str | None) -> EncodingError:
    """Build the error for a file that does not decode with ``encoding``."""
    if suggestion and codecs.lookup(suggestion).name != codecs.lookup(encoding).name:
        suggestion = suggestion.removesuffix("-sig")
    else:
        suggestion = None
    return EncodingError(path, encoding=encoding, offset=offset, suggestion=suggestion)


def _marked_not_utf8(path: Path, sample: bytes, offset: int, *, final: bool) -> DataError:
    """Say that a file marked UTF-8 (a byte-order mark) is not: QA39's traceback.

    A Shift_JIS file with a UTF-8 mark written before it, or a UTF-8 export with a Shift_JIS one
    appended, has the mark, so detection chose UTF-8 and decoding the sample failed.
    """
    rest = sample[len(codecs.BOM_UTF8) :]
    cp932 = _decodes(rest, "cp932", final=final) is None
    said = (
        " The text after the mark reads as cp932 (Shift_JIS): a Shift_JIS file with a UTF-8 mark "
        "written before it, or exports of two encodings joined."
        if cp932
        else ""
    )
    return DataError(
        f"{path} starts with a UTF-8 byte-order mark but is not valid UTF-8 at byte {offset}."
        + said,
        hint="Open it in a text editor and save it again in one encoding (UTF-8, or Shift_JIS "
        "without the mark), or export the survey again.",
        path=path,
    )


def find_bad_byte(path: Path, encoding: str, compression: Compression) -> int:
    """Stream the whole file to find the first byte that ``encoding`` cannot decode."""
    decoder = codecs.getincrementaldecoder(encoding)()
    opener = gzip.open if compression == "gzip" else open
    offset = 0
    with opener(path, "rb") as handle:
        while chunk := handle.read(1 << 22):
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                # The decoder may hold back up to a few bytes of an incomplete character.
                pending = len(decoder.getstate()[0])
                return offset - pending + int(exc.start)
            offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset - len(decoder.getstate()[0])
    return offset
