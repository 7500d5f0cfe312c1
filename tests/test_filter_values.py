"""The ``data.filter`` a new unit suggests (``nps_kit._filter_values``)."""

from __future__ import annotations

from pathlib import Path

from nps_kit._filter_values import FilterSuggestion, suggest_filter


def _export(folder: Path) -> None:
    (folder / "export.csv").write_text(
        "score,branch,plan\n"
        + "".join(f"{i % 11},{b},{p}\n" for i, (b, p) in enumerate(
            [("Leeds", "Basic")] * 2 + [("York", "Basic")] * 5 + [("Hull", "Plus")] * 3
        ))
        + "7, ,Plus\n",
        encoding="utf-8",
    )  # fmt: skip


def test_the_column_other_units_filter_on_most_frequent_first(tmp_path: Path) -> None:
    _export(tmp_path)
    (tmp_path / "defaults.yaml").write_text(
        "data: {path: export.csv}\nbreakdowns: [plan]\n", encoding="utf-8"
    )
    (tmp_path / "york.yaml").write_text(
        "data: {filter: {column: branch, values: [York]}}\n", encoding="utf-8"
    )
    assert suggest_filter(tmp_path, name="new") == FilterSuggestion(
        "branch", (("York", 5), ("Hull", 3), ("Leeds", 2)), "Hull", "export.csv"
    )


def test_else_the_first_breakdown(tmp_path: Path) -> None:
    _export(tmp_path)
    (tmp_path / "defaults.yaml").write_text(
        "data: {path: export.csv}\nbreakdowns: [{column: plan, label: Plan}, branch]\n",
        encoding="utf-8",
    )
    assert suggest_filter(tmp_path, name="new") == FilterSuggestion(
        "plan", (("Basic", 7), ("Plus", 4)), "Basic", "export.csv"
    )


def test_why_there_is_none(tmp_path: Path) -> None:
    (tmp_path / "defaults.yaml").write_text("data: {path: missing.csv}\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "data: {filter: {column: branch, values: [York]}}\n", encoding="utf-8"
    )
    assert suggest_filter(tmp_path, name="new").reason == (
        "missing.csv cannot be read (nps-kit inspect says why)"
    )
    _export(tmp_path)
    (tmp_path / "defaults.yaml").write_text("data: {path: export.csv}\n", encoding="utf-8")
    (tmp_path / "a.yaml").unlink()
    assert suggest_filter(tmp_path, name="new").reason == (
        "no unit file nor defaults.yaml names a column of export.csv to filter on "
        "(data.filter, breakdowns)"
    )
    (tmp_path / "defaults.yaml").write_text("language: en\n", encoding="utf-8")
    assert suggest_filter(tmp_path, name="new").reason == (
        "defaults.yaml names no export (data.path)"
    )
