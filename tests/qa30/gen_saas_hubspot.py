"""QA30 fixture: a B2B SaaS company's NPS feedback exported from a CRM (HubSpot-style CSV).

Writes ``/tmp/qa30/saas_hubspot.csv`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (company, month by the wall clock written, month in UTC, score,
whether the row is a repeat of an earlier row of the same record).

Shape: UTF-8, comma separated, a CRM's column names: ``Record ID``, ``Submitted at`` ISO 8601
with the offset of each company's zone, summer time included (``2026-10-31T23:40:12-04:00``,
``+02:00``, ``+05:30``, ``+09:00``, ``Z``), ``Contact name``, ``Contact email``, ``Company``
(the units: 14 customer accounts, very uneven, one with 1-3 answers a month), ``Rating`` written
by a pandas step as floats (``9.0``, blank, ``NaN``), ``Response`` free text in English, German,
French, Spanish, Portuguese and Japanese, ``Feedback sentiment`` (the CRM's own Promoter /
Passive / Detractor), ``Survey name``, ``Source`` (Email / In-app / Chat), ``Plan``. Traps: the
same record exported twice (an export joined to deals: 40 exact duplicate rows), the same
contacts answering again in later months (legit), ``NaN`` as text, answers in the hours around a
month end in UTC (another month on some contacts' wall clocks).
"""

from __future__ import annotations

import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import numpy as np
import pandas as pd

COMPANIES = {
    "Acme Logistics GmbH": (0.16, "Europe/Berlin"),
    "Brightwave Media Ltd": (0.12, "Europe/London"),
    "Contoso Retail Inc.": (0.14, "America/New_York"),
    "Danube Health AG": (0.08, "Europe/Vienna"),
    "Evergreen Foods LLC": (0.1, "America/Los_Angeles"),
    "Fujimoto Trading K.K.": (0.07, "Asia/Tokyo"),
    "Globex Finance S.A.": (0.07, "Europe/Luxembourg"),
    "Helios Energy BV": (0.06, "Europe/Amsterdam"),
    "Indus Analytics Pvt Ltd": (0.06, "Asia/Kolkata"),
    "Jaguar Mobility Ltda": (0.05, "America/Sao_Paulo"),
    "Kestrel Security Pty": (0.04, "Australia/Sydney"),
    "Lumen Education": (0.04, "America/Chicago"),
    "Meridian Hotels": (0.1, "Europe/Madrid"),
    "Nimbus Startups": (0.01, "Europe/London"),
}
TEXT = {
    "neg": (
        "Sync with Salesforce breaks every other week and support takes days to answer.",
        "The new pricing is 30% higher for the same seats. We are evaluating alternatives.",
        "Die API ist ständig langsam, Exporte brechen nach 10.000 Zeilen ab.",
        "Le support ne répond qu'en anglais et l'outil plante souvent.",
        "La interfaz es confusa y la facturación tiene errores cada mes.",
        "ダッシュボードの読み込みが遅く、サポートの返信にも3日かかりました。",
        "Onboarding was a mess, nobody owned our account for two months.",
    ),
    "pos": (
        "Love the dashboards, our team uses them every day.",
        "Support is fast and actually solves things. Great product!",
        "Super Produkt, die Integration mit SAP lief reibungslos.",
        "Excellent outil, très intuitif, le support est réactif.",
        "Ótima ferramenta, economizamos horas por semana.",
        "使いやすく、レポート作成の時間が半分になりました。",
    ),
    "mid": ("Good but pricey", "Solid, a few bugs", "", "", "ok", "Es geht so."),
}
FIRST = ("Anna", "Ben", "Chloé", "Daniel", "Emma", "Felipe", "Greta", "Hiro", "Isabel", "Jonas")
LAST = ("Müller", "Smith", "Dubois", "García", "Tanaka", "Rossi", "Silva", "Novak", "Kim", "Berg")


def stamp(t_utc: datetime, zone: str) -> tuple[str, datetime]:
    """ISO text of a UTC instant at the contact's zone's offset (``Z`` at +00:00), wall clock."""
    local = t_utc.astimezone(ZoneInfo(zone))
    text = local.isoformat(timespec="seconds").replace("+00:00", "Z")
    return text, local.replace(tzinfo=None)


def main(out: Path) -> None:
    """Write the export and its truth."""
    rng = np.random.default_rng(30003)
    n = 2300
    start = datetime(2025, 12, 1, tzinfo=UTC)
    span = (datetime(2026, 12, 1, tzinfo=UTC) - start).total_seconds()
    times = sorted(start + timedelta(seconds=float(x)) for x in rng.uniform(0, span, n))
    # answers in the last hours of months, as UTC: another month on some wall clocks
    for k in range(24):
        times[80 + k * 90] = datetime(2026, 1 + k % 11, 1, tzinfo=UTC) + timedelta(
            hours=int(rng.integers(1, 6)) * (1 if k % 2 else -1)
        )
    times.sort()
    keys = list(COMPANIES)
    p = np.array([v[0] for v in COMPANIES.values()])
    contacts: dict[str, list[tuple[str, str]]] = {c: [] for c in keys}
    for c in keys:
        dom = c.split()[0].lower().replace(".", "") + ".example.com"
        for j in range(int(rng.integers(4, 25))):
            fn, ln = FIRST[rng.integers(len(FIRST))], LAST[rng.integers(len(LAST))]
            contacts[c].append((f"{fn} {ln}", f"{fn.lower()}.{j}@{dom}"))
    rows, truth = [], []
    for i, t in enumerate(times):
        comp = keys[rng.choice(len(keys), p=p / p.sum())]
        base = {"Contoso Retail Inc.": 4.8, "Fujimoto Trading K.K.": 6.0, "Meridian Hotels": 8.4}
        s = int(np.clip(np.round(rng.normal(base.get(comp, 7.3), 2.4)), 0, 10))
        cell: str = f"{s:.1f}"
        score: int | None = s
        r = rng.random()
        if r < 0.04:
            cell, score = "", None
        elif r < 0.06:
            cell, score = "NaN", None
        name, mail = contacts[comp][rng.integers(len(contacts[comp]))]
        text, local = stamp(t, COMPANIES[comp][1])
        seg = "pos" if s >= 9 else "neg" if s <= 6 else "mid"
        sentiment = {"pos": "Promoter", "neg": "Detractor", "mid": "Passive"}[seg]
        rows.append(
            {
                "Record ID": str(9001234567 + i * 13),
                "Submitted at": text,
                "Contact name": name,
                "Contact email": mail,
                "Company": comp,
                "Rating": cell,
                "Response": TEXT[seg][rng.integers(len(TEXT[seg]))] if rng.random() < 0.7 else "",
                "Feedback sentiment": sentiment if score is not None else "",
                "Survey name": f"Customer NPS {'H1' if t.month <= 6 else 'H2'} {t.year}",
                "Source": ("Email", "In-app", "Chat")[int(rng.integers(3))],
                "Plan": ("Starter", "Professional", "Enterprise")[int(rng.integers(3))],
            }
        )
        truth.append({"id": rows[-1]["Record ID"], "unit": comp, "month": local.strftime("%Y-%m"),
                      "month_utc": t.strftime("%Y-%m"), "score": score, "dup": False})  # fmt: skip
    # the same record exported twice (a join to deals), right after itself
    dups = sorted(rng.choice(len(rows), size=40, replace=False), reverse=True)
    for d in dups:
        rows.insert(d + 1, dict(rows[d]))
        truth.insert(d + 1, {**truth[d], "dup": True})
    out.parent.mkdir(parents=True, exist_ok=True)
    pd.DataFrame(rows).to_csv(out, index=False)
    pd.DataFrame(truth).to_csv(out.with_name(out.stem + "_truth.csv"), index=False)
    print(f"wrote {out} ({len(rows)} rows)")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/tmp/qa30/saas_hubspot.csv"))
