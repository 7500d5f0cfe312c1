"""Values of a unit column that look like one unit renamed (``init --from``'s proposal)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from nps_kit._renames import (
    EarlierName,
    Rename,
    chains,
    merge_earlier,
    renames,
    shared_selections,
)
from nps_kit.params import load_unit


def _answers(*spans: tuple[str, str, str]) -> tuple[pd.Series, pd.Series]:
    """Two answers per value: its first and its last day."""
    values = [name for name, _, _ in spans for _ in (0, 1)]
    dates = [day for _, first, last in spans for day in (first, last)]
    return pd.Series(values), pd.Series(pd.to_datetime(dates))


def test_a_ward_renamed_mid_month_is_proposed() -> None:
    # QA29 F8: "Ward 3B" to 14 October, "Ward 3B (Cardiology)" from 15 October.
    values, dates = _answers(
        ("Ward 3B", "2026-04-02", "2026-10-14"),
        ("Ward 3B (Cardiology)", "2026-10-15", "2026-10-31"),
        ("Ward 5", "2026-04-01", "2026-10-31"),
    )
    assert renames(values, dates) == [
        Rename("Ward 3B", "Ward 3B (Cardiology)", "2026-10-14", "2026-10-15")
    ]
    # the longer name may be the old one, and case or width does not matter
    values, dates = _answers(
        ("ＥＣ事業部（旧）", "2026-01-05", "2026-06-30"), ("ec事業部", "2026-07-01", "2026-10-31")
    )
    assert [(r.old, r.new) for r in renames(values, dates)] == [("ＥＣ事業部（旧）", "ec事業部")]


@pytest.mark.parametrize(
    "spans",
    [
        # both answered in the same days: two units
        (
            ("Ward 3B", "2026-04-02", "2026-10-20"),
            ("Ward 3B (Cardiology)", "2026-10-15", "2026-10-31"),
        ),
        # months apart: a unit closed, another opened
        (
            ("Ward 3B", "2026-04-02", "2026-06-30"),
            ("Ward 3B (Cardiology)", "2026-10-15", "2026-10-31"),
        ),
        # neither name starts the other
        (("Ward 3B", "2026-04-02", "2026-10-14"), ("Cardiology", "2026-10-15", "2026-10-31")),
        # too short a name to be the start of another by more than chance
        (("B", "2026-04-02", "2026-10-14"), ("B2", "2026-10-15", "2026-10-31")),
        # a number that goes on is another number: store 3 closed, store 30 opened (REVIEW31)
        (("Store 3", "2026-04-02", "2026-10-14"), ("Store 30", "2026-10-15", "2026-10-31")),
        # two partners: which one was it?
        (
            ("Ward 3", "2026-04-02", "2026-10-14"),
            ("Ward 3A", "2026-10-15", "2026-10-31"),
            ("Ward 3B", "2026-10-16", "2026-10-31"),
        ),
    ],
)
def test_no_rename_is_proposed_without_the_pattern(spans: tuple[tuple[str, str, str], ...]) -> None:
    assert renames(*_answers(*spans)) == []


def test_an_earlier_name_is_written_as_the_current_one_compared_as_filters_compare() -> None:
    # FIX71 #4: score --by counts Ward 3B (any width or case) under Ward 3B (Cardiology).
    name = EarlierName("Ward 3B", ("Ward 3B (Cardiology)",), "ward", Path("w.csv"), None)
    values = pd.Series(["Ｗａｒｄ ３Ｂ", "ward 3b", "Ward 3B (Cardiology)", "Ward 4", None])
    merged, found = merge_earlier(values, [name])
    assert merged.tolist()[:4] == ["Ward 3B (Cardiology)"] * 3 + ["Ward 4"]
    assert pd.isna(merged.iloc[4]) and found == [name]
    assert merge_earlier(pd.Series(["Ward 4"]), [name])[1] == []


def test_a_unit_renamed_twice_is_one_chain() -> None:
    # REVIEW35: A -> B and B -> C were two proposals (B's file listing A, C's listing B); one
    # unit renamed twice is one chain, C's file listing A and B.
    values, dates = _answers(
        ("Ward 3B", "2026-04-02", "2026-09-19"),
        ("Ward 3B Cardio", "2026-09-20", "2026-10-31"),
        ("Ward 3B Cardiology", "2026-11-01", "2026-11-30"),
        ("Ward 5", "2026-04-01", "2026-11-30"),
    )
    found = renames(values, dates)
    assert [[(r.old, r.new) for r in chain] for chain in chains(found)] == [
        [("Ward 3B", "Ward 3B Cardio"), ("Ward 3B Cardio", "Ward 3B Cardiology")]
    ]
    assert chains(found[:1]) == [(found[0],)]


@pytest.mark.parametrize(
    ("languages", "said"),
    [
        (
            ("en", "en"),
            "warning: a and b both select shop = '横浜店' / '横浜 店' of the same export, so its "
            "respondents are reported twice (both reports, e-mails and the overview); if that is "
            "not meant, delete one unit file or give them different values (a.yaml, b.yaml)",
        ),
        (
            ("ja", "ja"),
            "warning: aとbは同じエクスポートのshop = 「横浜店」／「横浜 店」をどちらも選んで"
            "いるため、その回答者が2回レポートされます（両方のレポート、メール、一覧ページ）。意図したもの"
            "でなければ、ユニットのファイルを1つ削除するか、別の値を指定してください"
            "（a.yaml、b.yaml）",
        ),
        (("ja", "en"), "warning: a and b both select shop = "),  # no shared language: English
    ],
)
def test_two_units_selecting_one_value_are_warned_of_in_their_language(
    tmp_path: Path, languages: tuple[str, str], said: str
) -> None:
    # FIX92 #2: Japanese units heard this warning in English.
    (tmp_path / "export.csv").write_text("shop,score\n横浜店,9\n", encoding="utf-8")
    units = []
    for unit, language, value in zip("ab", languages, ("横浜店", "横浜 店"), strict=True):
        path = tmp_path / f"{unit}.yaml"
        path.write_text(
            f"name: {unit}\nlanguage: {language}\n"
            f"data: {{path: export.csv, filter: {{column: shop, values: ['{value}']}}}}\n",
            encoding="utf-8",
        )
        units.append(load_unit(path))
    (warning,) = shared_selections(units)
    assert warning.startswith(said) and (warning == said or languages == ("ja", "en"))
