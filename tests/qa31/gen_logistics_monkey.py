"""QA31 fixture: a B2B logistics company's account survey, SurveyMonkey answers kept as Parquet.

Writes ``/tmp/qa31/logistics_monkey.parquet`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (id, service line, month, score as it should count, weight, account).

Shape (a data team's pandas extract of a SurveyMonkey survey, written with pyarrow):
``Respondent ID`` (int64), ``Start Date`` / ``End Date`` (datetime64, no zone), ``Account``,
``Service line`` and ``Region`` as **categorical** columns, the 0-10 answer as a categorical of
the strings ``"0"`` ... ``"10"`` whose categories sort as text (``"0", "1", "10", "2"`` ...),
``pd.NA`` in the string and nullable columns (6 % of scores missing), ``Account weight`` a
float per account (its share of revenue: every row of an account has the same weight), a
contact e-mail and comments about freight, customs and the booking portal (some German).
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

LINES = {"Ocean Freight": 0.35, "Air Freight": 0.25, "Customs Brokerage": 0.22, "Road & Rail": 0.18}
NPS_Q = "How likely is it that you would recommend Meridian Logistics to a colleague?"
NEG = (
    "Container sat at customs for 9 days, nobody told us why.",
    "The booking portal times out every time we upload a commercial invoice.",
    "Freight rates changed after booking without notice.",
    "Tracking in the portal shows the wrong ETA, our warehouse waited all day.",
    "Zollabfertigung dauert viel zu lange, Dokumente gehen verloren.",
    "Demurrage charges we did not cause, billing disputes take months.",
)
POS = (
    "Our account manager solved a customs hold in two hours.",
    "Reliable air freight, always on time.",
    "The new portal makes booking and tracking easy.",
    "Sehr zuverlässiger Partner für Seefracht.",
)
MID = ("Rates are ok, service average.", "Portal is fine.", pd.NA, pd.NA)


def main(out: Path = Path("/tmp/qa31/logistics_monkey.parquet")) -> None:
    rng = np.random.default_rng(3103)
    out.parent.mkdir(parents=True, exist_ok=True)
    names_ = ["Nordwind GmbH", "Pacific Traders", "Kobe Parts", "Andes Foods", "Baltic Paper",
              "Sahara Solar", "Maple Furniture", "Danube Steel", "Orion Pharma", "Coral Textiles",
              "Fjord Seafood", "Atlas Machinery", "Lotus Electronics", "Prairie Grain"]  # fmt: skip
    accounts = [f"ACC-{n:04d} {name}" for n, name in enumerate(names_, start=101)]
    weight = {a: round(float(rng.uniform(0.2, 3.0)), 3) for a in accounts}
    names = list(LINES)
    p = np.array(list(LINES.values()))
    rows = []
    for i in range(900):
        line = names[rng.choice(len(names), p=p / p.sum())]
        account = accounts[rng.integers(len(accounts))]
        end = datetime(2026, 5, 1) + timedelta(minutes=int(rng.integers(0, 214 * 24 * 60)))
        bias = {
            "Ocean Freight": -0.5,
            "Air Freight": 0.8,
            "Customs Brokerage": -1.2,
            "Road & Rail": 0.2,
        }
        s = int(np.clip(round(rng.normal(7.0 + bias[line], 2.4)), 0, 10))
        missing = rng.random() < 0.06
        comment = rng.choice(NEG if s <= 6 else POS if s >= 9 else MID)
        rows.append(
            {
                "Respondent ID": 114_000_000_000 + i * 7919,
                "Collector ID": 451_220_300 + (i % 3),
                "Start Date": end - timedelta(minutes=int(rng.integers(2, 30))),
                "End Date": end,
                "Email Address": f"ops{i % 60}@{account.split()[1].lower()}.example",
                "Account": account,
                "Account weight": weight[account],
                "Service line": line,
                "Region": rng.choice(["EMEA", "APAC", "Americas"]),
                NPS_Q: pd.NA if missing else str(s),
                "score": None if missing else s,
                "What is the main reason for your score?": comment,
            }
        )
    frame = pd.DataFrame(rows)
    written = frame.drop(columns=["score"])
    for column in ("Account", "Service line", "Region"):
        written[column] = written[column].astype("category")
    written[NPS_Q] = pd.Categorical(
        written[NPS_Q], categories=sorted(str(n) for n in range(11))
    )  # sorted as text: "0", "1", "10", "2" ...
    written["What is the main reason for your score?"] = written[
        "What is the main reason for your score?"
    ].astype("string")
    written["Email Address"] = written["Email Address"].astype("string")
    written.to_parquet(out, engine="pyarrow", index=False)
    truth = pd.DataFrame(
        {
            "id": frame["Respondent ID"],
            "unit": frame["Service line"],
            "month": frame["End Date"].dt.strftime("%Y-%m"),
            "score": frame["score"].astype("Int64"),
            "weight": frame["Account weight"],
            "account": frame["Account"],
        }
    )
    truth.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
