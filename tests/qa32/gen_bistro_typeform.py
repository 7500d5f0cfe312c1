"""QA32 fixture: a French restaurant chain's Typeform export, saved as a Windows CSV.

Writes ``/tmp/qa32/bistro_typeform.csv`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (id, ville, month, score as it should count, consent, the time).

Shape: **cp1252** (Windows Latin-1), ``;`` separator, CRLF; Typeform's ``#`` token first, the
NPS question ``Recommanderiez-vous NOS RESTAURANTS® à un proche ? (0-10)`` (3 % blank), a
rating ``Note de la cuisine (sur 5)`` written with **decimal commas** (``4,5``), a
multiple choice ``Vous êtes venu(e) pour…``, French comments (``Pourquoi cette note ?``),
``Pouvons-nous vous recontacter ?`` Oui/Non and an e-mail; the hidden field ``ville`` (4
cities, the units) and ``Start Date (UTC)`` / ``Submit Date (UTC)`` **day first**
(``06/11/2026 14:05``); 720 responses Jun–Nov 2026.
"""

from __future__ import annotations

import sys
from datetime import datetime, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

NPS_Q = "Recommanderiez-vous NOS RESTAURANTS® à un proche ? (0-10)"
VILLES = {"Paris": 0.6, "Lyon": 0.2, "Marseille": -0.8, "Lille": -0.2}
NEG = (
    "Attente beaucoup trop longue, 45 minutes pour le plat principal.",
    "Serveur désagréable et addition erronée.",
    "Plat froid, la crème brûlée était ratée. Prix élevés pour la qualité.",
    "Réservation perdue, on nous a fait attendre au bar.",
)
POS = (
    "Accueil chaleureux, cuisine délicieuse, je reviendrai !",
    "Très bon rapport qualité-prix, le chef est génial.",
    "Service rapide et personnel souriant.",
)
MID = ("", "", "Correct sans plus.", "Bien, mais un peu bruyant.", "")
VENU = ("Déjeuner", "Dîner", "Anniversaire", "Repas d'affaires")


def main(out: Path = Path("/tmp/qa32/bistro_typeform.csv")) -> None:
    rng = np.random.default_rng(3201)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    start = datetime(2026, 6, 1)
    for i in range(720):
        ville = list(VILLES)[rng.integers(len(VILLES))]
        submit = start + timedelta(minutes=int(rng.integers(0, 183 * 24 * 60)))
        s = int(np.clip(round(rng.normal(7.2 + VILLES[ville], 2.4)), 0, 10))
        score = None if rng.random() < 0.03 else s
        comment = str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID))
        consent = "Oui" if rng.random() < 0.55 else "Non"
        rows.append(
            {
                "#": f"{rng.integers(16**11, 16**12):012x}",
                NPS_Q: "" if score is None else str(score),
                "Note de la cuisine (sur 5)": f"{rng.integers(2, 11) / 2:.1f}".replace(".", ","),
                "Vous êtes venu(e) pour…": rng.choice(VENU),
                "Pourquoi cette note ?": comment,
                "Pouvons-nous vous recontacter ?": consent,
                "E-mail": f"client{i}@exemple.fr" if consent == "Oui" else "",
                "ville": ville,
                "Start Date (UTC)": (submit - timedelta(minutes=3)).strftime("%d/%m/%Y %H:%M"),
                "Submit Date (UTC)": submit.strftime("%d/%m/%Y %H:%M"),
                "Network ID": f"{rng.integers(16**9, 16**10):010x}",
                "score": score,
                "when": submit,
            }
        )
    frame = pd.DataFrame(rows)
    written = frame.drop(columns=["score", "when"])
    out.write_bytes(written.to_csv(sep=";", index=False, lineterminator="\r\n").encode("cp1252"))
    truth = pd.DataFrame(
        {
            "id": frame["#"],
            "unit": frame["ville"],
            "month": frame["when"].map(lambda t: t.strftime("%Y-%m")),
            "score": frame["score"].astype("Int64"),
            "consent": frame["Pouvons-nous vous recontacter ?"] == "Oui",
            "when": frame["when"].map(lambda t: t.strftime("%Y-%m-%d %H:%M")),
        }
    )
    truth.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
