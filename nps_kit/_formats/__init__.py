"""Detect how a survey export is laid out and read it into a DataFrame.

Detection looks only at a sample of the (decompressed) bytes: the file format from magic bytes
and extension, the text encoding (BOM, UTF-8, cp932, UTF-16), the delimiter, and which survey tool
wrote the header rows. Reading then hands the whole file to pandas' C parser once.
"""

from __future__ import annotations

from nps_kit._formats._detect import SheetError, damaged_xlsx, inspect
from nps_kit._formats._encoding import (
    EncodingError,
    cut_gzip,
    detect_encoding,
    encoding_error,
    find_bad_byte,
)
from nps_kit._formats._layout import SAMPLE_BYTES, Compression, Format, Layout, MultiSelect, Source
from nps_kit._formats._read import delimiter_name, read_frame, read_written

__all__ = [
    "SAMPLE_BYTES",
    "Compression",
    "EncodingError",
    "Format",
    "Layout",
    "MultiSelect",
    "SheetError",
    "Source",
    "cut_gzip",
    "damaged_xlsx",
    "delimiter_name",
    "detect_encoding",
    "encoding_error",
    "find_bad_byte",
    "inspect",
    "read_frame",
    "read_written",
]
