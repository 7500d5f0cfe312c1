from __future__ import annotations

from pathlib import Path

import pytest

from nps_kit._drop import drop_files, drop_sha256, is_drop
from nps_kit.errors import DataError


def test_the_key_changes_when_a_late_file_arrives_and_follows_every_file(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_text("score\n10\n", encoding="utf-8")
    first = drop_sha256(drop_files(tmp_path))
    (tmp_path / "b.csv").write_text("score\n3\n", encoding="utf-8")
    second = drop_sha256(drop_files(tmp_path))
    (tmp_path / "b.csv").write_text("score\n4\n", encoding="utf-8")
    assert len({first, second, drop_sha256(drop_files(tmp_path))}) == 3


def test_files_are_sorted_and_only_exports(tmp_path: Path) -> None:
    for name in ("b.parquet", "a.parquet", "README.md"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in drop_files(tmp_path)] == ["a.parquet", "b.parquet"]
    assert is_drop(tmp_path) and is_drop(tmp_path / "*.parquet")
    assert not is_drop(tmp_path / "a.parquet")


def test_a_folder_of_two_formats_is_refused(tmp_path: Path) -> None:
    (tmp_path / "a.csv").write_bytes(b"x")
    (tmp_path / "b.xlsx").write_bytes(b"x")
    with pytest.raises(DataError, match=r"holds files of 2 formats \(CSV, XLSX\)"):
        drop_files(tmp_path)


def test_scratch_files_of_macos_and_excel_are_not_exports(tmp_path: Path) -> None:
    # A shared drive from a Mac holds ._a.xlsx beside a.xlsx; Excel writes ~$a.xlsx while the
    # workbook is open: both were read as exports and stopped the load ("not a zip file").
    for name in ("a.xlsx", "._a.xlsx", "~$a.xlsx", "b.xlsx"):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in drop_files(tmp_path)] == ["a.xlsx", "b.xlsx"]
    assert [p.name for p in drop_files(tmp_path / "*a.xlsx")] == ["a.xlsx"]
