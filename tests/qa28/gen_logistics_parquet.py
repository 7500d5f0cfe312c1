"""QA28 fixture: a B2B logistics company's NPS extract from its data warehouse, as Parquet.

Writes ``/tmp/qa28/logistics_nps.parquet`` (or the first argument); the file itself is the truth
(pandas reads it back for the checks).

Shape of a warehouse extract: snake_case columns, 100,000 rows over 24 months, 30 account
managers (the units), ``nps_score`` as strings ("0" ... "10", "N/A", blank, a few "10.0"),
``submitted_at`` as ``timestamp[us, tz=UTC]`` (some in the last hour of a month UTC, which is
the next month in Tokyo), an NPS ``reason`` and a ``what_to_improve`` column mostly English with
some Japanese (the Tokyo desk), account ids that repeat (customers answer every quarter), a
consent flag as booleans with nulls and the contact's e-mail.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

MANAGERS = [
    "Aisha Khan",
    "Ben Carter",
    "Chloe Nguyen",
    "Daniel Okafor",
    "Emma Schulz",
    "Farid Haddad",
    "Grace Lee",
    "Hiro Tanaka",
    "Isabel Costa",
    "James O'Neill",
    "Kenji Sato",
    "Laura Rossi",
    "Mohammed Ali",
    "Nina Petrova",
    "Oliver Brown",
    "Priya Patel",
    "Quentin Dubois",
    "Rachel Green",
    "Sofia Garcia",
    "Tom Wilson",
    "Uma Reddy",
    "Victor Lim",
    "Wei Zhang",
    "Xavier Martin",
    "Yuki Yamamoto",
    "Zoe Adams",
    "佐藤 花子",
    "Liam Murphy",
    "Mei Chen",
    "Noah Fischer",
]
JA_DESK = {"Hiro Tanaka", "Kenji Sato", "Yuki Yamamoto", "佐藤 花子"}
REASON_EN_NEG = (
    "Pallets arrived damaged twice this quarter.",
    "Tracking portal is down every Monday morning.",
    "Invoices never match the quoted rates.",
    "Driver missed the delivery window at our DC again.",
    "Customs clearance delays cost us a production day.",
    "Account manager takes days to reply to emails.",
)
REASON_EN_MID = ("Service is OK, pricing is average.", "Mostly on time.", "", "")
REASON_EN_POS = (
    "Reliable on-time delivery and proactive updates.",
    "Our account manager is excellent and always reachable.",
    "Great rates on the Asia lanes.",
    "",
)
REASON_JA_NEG = (
    "配送遅延が多く、連絡もない。",
    "請求書の金額が見積と違う。",
    "倉庫での破損が続いている。",
)
REASON_JA_POS = ("担当者の対応が迅速で助かっています。", "通関がスムーズでした。", "")
IMPROVE_EN = (
    "Better tracking visibility",
    "Faster claims handling",
    "Cheaper fuel surcharge",
    "",
    "",
    "",
    "Nothing, keep it up",
)
IMPROVE_JA = ("追跡システムを改善してほしい", "見積をもっと早く", "", "")


def build(n: int = 100_000, seed: int = 280) -> pd.DataFrame:
    """The extract."""
    rng = np.random.default_rng(seed)
    start = pd.Timestamp("2024-11-01", tz="UTC")
    end = pd.Timestamp("2026-11-01", tz="UTC")
    span = int((end - start).total_seconds())
    secs = rng.integers(0, span, n)
    # 2 % of responses in the last hour of a month (UTC): next month in Tokyo.
    ts = start + pd.to_timedelta(secs, unit="s")
    edge = rng.random(n) < 0.02
    month_end = (ts + pd.offsets.MonthBegin(1)).normalize()
    ts = ts.where(~edge, month_end - pd.to_timedelta(rng.integers(1, 3600, n), unit="s"))
    ts = ts.where(ts < end, end - pd.Timedelta(seconds=5))
    w = np.linspace(3, 0.02, len(MANAGERS))  # a very uneven book of accounts
    mgr = rng.choice(MANAGERS, n, p=w / w.sum())
    eff = {m: rng.normal(0, 1.2) for m in MANAGERS}
    raw = np.clip(np.round(rng.normal(7.0, 2.4, n) + np.array([eff[m] for m in mgr])), 0, 10)
    score = raw.astype(int).astype(str).astype(object)
    u = rng.random(n)
    score[u < 0.03] = "N/A"
    score[(u >= 0.03) & (u < 0.04)] = ""
    score[(u >= 0.04) & (u < 0.041)] = None
    tenpt = (u >= 0.041) & (u < 0.043)
    score[tenpt] = [f"{int(x)}.0" for x in raw[tenpt]]
    reason = []
    improve = []
    for i in range(n):
        s = raw[i]
        ja = mgr[i] in JA_DESK and rng.random() < 0.6
        if ja:
            pool = REASON_JA_NEG if s <= 6 else REASON_JA_POS
            reason.append(pool[int(rng.integers(len(pool)))])
            improve.append(IMPROVE_JA[int(rng.integers(len(IMPROVE_JA)))])
        else:
            pool = REASON_EN_NEG if s <= 6 else REASON_EN_MID if s <= 8 else REASON_EN_POS
            reason.append(pool[int(rng.integers(len(pool)))])
            improve.append(IMPROVE_EN[int(rng.integers(len(IMPROVE_EN)))])
    consent = pd.array(rng.choice([True, False, None], n, p=[0.3, 0.6, 0.1]), dtype="boolean")
    account = rng.integers(10000, 14000, n)
    df = pd.DataFrame(
        {
            "survey_response_sk": np.arange(5_000_000, 5_000_000 + n, dtype="int64"),
            "response_uuid": [f"{rng.integers(16**12):012x}-{i:06d}" for i in range(n)],
            "account_id": [f"ACC-{a:05d}" for a in account],
            "account_name": [f"Customer {a}" for a in account],
            "account_manager": mgr,
            "region": rng.choice(["EMEA", "APAC", "AMER"], n, p=[0.5, 0.3, 0.2]),
            "service_line": rng.choice(["Freight forwarding", "Warehousing", "Last mile"], n),
            "submitted_at": ts.astype("datetime64[us, UTC]"),
            "nps_score": pd.array(score, dtype="string"),
            "nps_reason": pd.array(reason, dtype="string"),
            "what_to_improve": pd.array(improve, dtype="string"),
            "contact_ok": consent,
            "contact_email": [f"buyer{a}@client{a % 97}.example.com" for a in account],
            "etl_loaded_at": pd.Timestamp("2026-11-02T03:00:00", tz="UTC"),
        }
    )
    return df.sort_values("survey_response_sk").reset_index(drop=True)


if __name__ == "__main__":
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/qa28/logistics_nps.parquet")
    out.parent.mkdir(parents=True, exist_ok=True)
    frame = build()
    frame.to_parquet(out, index=False)
    print(out, len(frame), "rows")
