"""Double submissions with a new response id (FIX65, QA29 F4).

Delighted and HubSpot give a second click on Submit its own ``Response ID``, ``Permalink`` and
``Updated At``: the rule "every column but the date equal" found none of the 12 in QA29's
export, so ``dedupe: resubmissions`` dropped nothing and each counted twice.
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pytest

from nps_kit._resubmit import per_submission
from nps_kit.inspect import inspect_export
from nps_kit.load import load_responses

GENERATOR = Path(__file__).parent / "qa29" / "gen_insurance_delighted.py"


def _frame() -> pd.DataFrame:
    return pd.DataFrame(
        {
            "Response ID": ["48211000", "48211003", "48211006", "48211009"],
            "Email": ["a@example.com", "b@example.com", "a@example.com", "c@example.com"],
            "Score": ["9", "3", "9", "3"],
            "Comment": ["Great agent", "Slow claims", "Great agent", "Slow claims"],
            "Created At": ["1790811000", "1790811010", "1790811030", "1790811040"],
            "Updated At": ["1790811000", "1790811012", "1790811031", "1790811045"],
            "Permalink": [f"https://delighted.example.com/r/{i}" for i in range(4)],
            "Token": ["R_3kX9pQa1", "R_7hY2mWb2", "R_1aB3cDd3", "R_9zZ8yYe4"],
        }
    )


def test_ids_links_and_update_stamps_are_new_for_each_submission() -> None:
    fresh = per_submission(_frame(), skip=("Created At",))
    assert fresh == ["Response ID", "Updated At", "Permalink", "Token"]
    # Who answered and what they wrote are compared: unique e-mails and comments too.
    unique = _frame().assign(Email=[f"p{i}@example.com" for i in range(4)])
    assert "Email" not in per_submission(unique, skip=("Created At",))
    assert "Comment" not in per_submission(unique.assign(Comment=list("wxyz")))


def test_a_second_click_with_a_new_id_is_a_resubmission(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    _frame().to_csv(path, index=False)
    options = {"score_column": "Score", "date_column": "Created At", "id_column": "Response ID"}
    kept = load_responses(path, dedupe="resubmissions", **options)  # type: ignore[arg-type]
    # a@example.com's second "9, Great agent" 30 s later goes; c's "3, Slow claims" is
    # another person's (another e-mail), 30 s after b's: kept.
    assert kept.data["Response ID"].tolist() == ["48211000", "48211003", "48211009"]
    assert len(kept.report.resubmission_of) == 1
    found = inspect_export(path)
    assert any(
        note.startswith(
            "1 row repeats the answers of a response sent at most 60 seconds "
            "earlier with a new 'Response ID', 'Updated At', 'Permalink' and 'Token'"
        )
        for note in found.notes
    )


@pytest.fixture(scope="module")
def delighted(tmp_path_factory: pytest.TempPathFactory) -> Path:
    spec = importlib.util.spec_from_file_location("gen_insurance_delighted", GENERATOR)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    out = tmp_path_factory.mktemp("qa29") / "insurance_delighted.csv"
    module.main(out)
    return out


def test_the_qa29_export_s_twelve_double_submissions_are_dropped(delighted: Path) -> None:
    options = {"score_column": "Score", "date_column": "Created At"}
    every = load_responses(delighted, dedupe=True, **options)  # type: ignore[arg-type]
    kept = load_responses(delighted, dedupe="resubmissions", **options)  # type: ignore[arg-type]
    assert len(every.data) - len(kept.data) == 12
    truth = pd.read_csv(delighted.with_name("insurance_delighted_truth.csv"))
    assert len(kept.data) == int(truth["kept"].sum()) == 3000

    def west_october(data: pd.DataFrame) -> int:
        month = pd.to_datetime(data["nps_date"]).dt.strftime("%Y-%m")
        west = data["Person properties: Region"] == "West"
        return int((west & (month == "2026-10") & data["nps_score"].notna()).sum())

    assert (west_october(every.data), west_october(kept.data)) == (45, 44)
