"""What run says of a unit's rows before any kernel (nps_kit._unit_rows)."""

from __future__ import annotations

from pathlib import Path

from nps_kit._unit_rows import previous_names_warning
from nps_kit.cache import open_cache
from nps_kit.params import load_unit
from nps_kit.run import export_cache

CSV = (
    "ward,submitted_at,score\n"
    "Ward 3B,2026-09-10,9\n"
    "ward 3b,2026-10-14,3\n"
    "Ward 3B (Cardiology),2026-10-15,5\n"
    "Ward 5,2026-10-03,7\n"
)


def _warning(tmp_path: Path, previous: str) -> str | None:
    (tmp_path / "w.csv").write_text(CSV, encoding="utf-8")
    path = tmp_path / "w.yaml"
    path.write_text(
        "name: W\nlanguage: en\ndata: {path: w.csv, filter: {column: ward, "
        f"values: [Ward 3B (Cardiology)], previous_names: [{previous}]}}}}\n"
        "columns: {date: submitted_at}\n",
        encoding="utf-8",
    )
    unit = load_unit(path)
    return previous_names_warning(unit, open_cache(export_cache(unit, cache_dir=tmp_path / "c")))


def test_a_previous_name_no_row_has_is_said(tmp_path: Path) -> None:
    # REVIEW31: a misspelt previous name ("Ward3B") selected no row, and the report went out
    # without the unit's history and without a word: the data quality names only the earlier
    # names found.
    said = _warning(tmp_path, "Ward3B")
    assert said is not None
    assert said.startswith(
        "data.filter.previous_names: no row of w.csv has ward = 'Ward3B', so the report has no "
        "rows of it (did you mean 'ward 3b'?). Fix the name in "
    )
    assert said.endswith("w.yaml, or remove it once the export no longer holds its rows.")
    assert _warning(tmp_path, "ward 3B") is None  # matched as values are: width and case aside
