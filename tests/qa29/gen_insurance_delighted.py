"""QA29 fixture: a US home-insurance company's Delighted / HubSpot-like CSV export.

Writes ``/tmp/qa29/insurance_delighted.csv`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (region, month in UTC, score, kept after removing double submissions).

Shape of a Delighted export: ``Response ID``, ``Email``, ``Name``, ``Score``, ``Comment``,
``Created At`` / ``Updated At`` as Unix epoch seconds (UTC), ``Permalink``, ``Tags``
(semicolon-separated), ``Person properties: Region`` (the units), ``Person properties: Policy
Type``, ``Person properties: Phone`` (US numbers, ``(555) 201-4433`` / ``555-201-4433`` /
``+1 555 201 4433``), ``Notes``. Also writes ``*_iso.csv``, the same export with ISO 8601 UTC
times (``2026-10-03T09:15:00Z``), as a user must convert it to get any month (QA29 finding).
Comments mix English, Spanish and emoji. Traps: a few double
submissions (same person, same answers, new Response ID, a few seconds later), responses in the
last hour of a month in UTC (the evening before in the US), and the tool's summary row
``Total,,,,`` appended at the end.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import pandas as pd

REGIONS = {
    "Northeast": 0.24,
    "Southeast": 0.22,
    "Midwest": 0.2,
    "Southwest": 0.14,
    "West": 0.17,
    "Alaska": 0.03,
}
POLICY = ("Homeowners HO-3", "Condo HO-6", "Renters HO-4", "Landlord DP-3")
TAGS = ("claims", "billing", "agent", "renewal", "app", "roof", "water damage", "escalated")
NEG = (
    "Claim for my roof took 3 months to get paid 😡",
    "Premium went up 40% at renewal with no explanation",
    "El ajustador nunca me devolvió las llamadas. Muy mala experiencia.",
    "Could not reach an agent for two weeks after the water damage 💧",
    "The app logs me out every time I try to upload photos of the damage",
    "Me subieron la prima sin avisar. Voy a cambiar de compañía.",
    "Billing charged me twice in March, still waiting for the refund",
)
POS = (
    "Adjuster came out the next day, super helpful 👍",
    "Great price and my agent Maria explained everything. ¡Gracias!",
    "Claim paid in a week, couldn't ask for more ⭐⭐⭐⭐⭐",
    "Muy buen servicio, el agente habla español y fue muy amable.",
    "Easy to file a claim in the app 📱",
)
MID = ("ok", "Fine I guess", "Price is fair, claims process is average", "", "", "n/a")


def phone(rng: np.random.Generator) -> str:
    """A US number in one of the shapes people and CRMs write."""
    a, b, c = rng.integers(201, 989), rng.integers(200, 999), rng.integers(1000, 9999)
    return ("({a}) {b}-{c}", "{a}-{b}-{c}", "+1 {a} {b} {c}", "{a}.{b}.{c}")[
        rng.integers(4)
    ].format(a=a, b=b, c=c)


def main(out: Path) -> None:
    """Write the export and its truth."""
    rng = np.random.default_rng(29002)
    n = 3000
    lo = int(pd.Timestamp("2025-11-01", tz="UTC").timestamp())
    hi = int(pd.Timestamp("2026-11-01", tz="UTC").timestamp())
    ts = np.sort(rng.integers(lo, hi, n))
    # 30 responses in the last hour of Sept/Oct in UTC (still the previous evening in the US)
    for k, m in enumerate(("2026-09-01", "2026-10-01", "2026-11-01")):
        edge = int(pd.Timestamp(m, tz="UTC").timestamp())
        ts[-(k + 1) * 10 : -k * 10 or None] = edge - rng.integers(60, 3600, 10)
    ts = np.sort(ts)
    names = list(REGIONS)
    p = np.array(list(REGIONS.values()))
    rows, truth = [], []
    for i, t in enumerate(ts):
        region = names[rng.choice(len(names), p=p / p.sum())]
        base = {"Southeast": 5.8, "West": 8.2}.get(region, 7.2)
        s = int(np.clip(np.round(rng.normal(base, 2.6)), 0, 10))
        src = NEG if s <= 6 else POS if s >= 9 else MID
        tags = ";".join(sorted(set(rng.choice(TAGS, rng.integers(0, 3)).tolist())))
        first = ("Jose", "Linda", "Michael", "Priya", "Tyrone", "Emily", "Carlos", "Mei")[
            rng.integers(8)
        ]
        last = ("Garcia", "Smith", "Johnson", "Nguyen", "Brown", "Lopez", "Kim", "Davis")[
            rng.integers(8)
        ]
        row = {
            "Response ID": str(48211000 + i * 3),
            "Email": f"{first.lower()}.{last.lower()}{i}@example.com",
            "Name": f"{first} {last}",
            "Score": s,
            "Comment": src[rng.integers(len(src))] if rng.random() < 0.75 else "",
            "Created At": int(t),
            "Updated At": int(t + rng.integers(0, 400)),
            "Permalink": f"https://delighted.example.com/r/{48211000 + i * 3}",
            "Tags": tags,
            "Person properties: Region": region,
            "Person properties: Policy Type": POLICY[rng.integers(len(POLICY))],
            "Person properties: Phone": phone(rng),
            "Notes": "",
        }
        rows.append(row)
        month = pd.Timestamp(int(t), unit="s", tz="UTC").strftime("%Y-%m")
        truth.append(
            {"id": row["Response ID"], "region": region, "month": month, "score": s, "kept": True}
        )
        # 12 double submissions: same person, same answers, 5-40 s later, a new Response ID
        if i % 250 == 17:
            dup = dict(row)
            dup["Response ID"] = str(48211000 + i * 3 + 1)
            dup["Created At"] = int(t + rng.integers(5, 40))
            dup["Updated At"] = dup["Created At"]
            dup["Permalink"] = f"https://delighted.example.com/r/{dup['Response ID']}"
            rows.append(dup)
            truth.append(
                {
                    "id": dup["Response ID"],
                    "region": region,
                    "month": month,
                    "score": s,
                    "kept": False,
                }
            )
    df = pd.DataFrame(rows)
    out.parent.mkdir(parents=True, exist_ok=True)
    text = df.to_csv(index=False, lineterminator="\r\n")
    text += "Total,,,," + "\r\n"
    out.write_text(text, encoding="utf-8")
    # the workaround a user is left with: the same export with ISO 8601 UTC times
    iso = df.copy()
    for col in ("Created At", "Updated At"):
        iso[col] = pd.to_datetime(iso[col], unit="s", utc=True).dt.strftime("%Y-%m-%dT%H:%M:%SZ")
    iso_text = iso.to_csv(index=False, lineterminator="\r\n") + "Total,,,,\r\n"
    out.with_name(out.stem + "_iso.csv").write_text(iso_text, encoding="utf-8")
    pd.DataFrame(truth).to_csv(out.with_name(out.stem + "_truth.csv"), index=False)
    print(f"wrote {out} ({len(df)} rows + Total)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/qa29/insurance_delighted.csv"))
