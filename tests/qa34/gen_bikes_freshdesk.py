"""QA34 fixture: a Spanish/English bike-parts shop's Freshdesk-style ticket survey, Latin-1 CSV.

Writes ``/tmp/qa34/bikes_freshdesk.csv`` (or the path given as the first argument) and a
``*_truth.csv`` beside it (line, ticket, channel, month, score, consent, the date).

Shape: **ISO-8859-1** (``ñ``, ``á``, ``¿``; no ``€``, which Latin-1 has not), ``;`` separator,
CRLF; ``ID del ticket`` — a ticket whose customer answered the survey twice has **two rows
with the same id** (14 tickets, the second answer 1–12 days later, its score often another,
sometimes in the next month); ``Fecha de respuesta`` ``dd-mm-yyyy`` (no time);
``Canal`` (Tienda Madrid, Tienda Valencia, Tienda online: the units), ``Agente``, ``Asunto``;
``¿Recomendaría Ciclos Ñandú a un amigo? (0-10)`` digits (3 % blank); ``Comentario`` in
Spanish and English; ``¿Podemos contactarle?`` Sí/No and ``Email``; **two blank lines** in the
middle of the data; and a **trailing summary block** after a blank line (``Total responses;…``,
``Average score;…``, ``NPS;…``); 450 answers Sep–Nov 2026.
"""

from __future__ import annotations

import sys
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pandas as pd

NPS_Q = "¿Recomendaría Ciclos Ñandú a un amigo? (0-10)"
UNIT_Q = "Canal"
DATE_Q = "Fecha de respuesta"
ID_Q = "ID del ticket"
COMMENT_Q = "Comentario"
CONSENT_Q = "¿Podemos contactarle?"
CHANNELS = {"Tienda Madrid": 0.5, "Tienda Valencia": -0.4, "Tienda online": -0.9}
AGENTS = ("Lucía", "Íñigo", "Sergio", "Ana")
SUBJECTS = ("Pedido no recibido", "Cambio de talla", "Garantía cambio Shimano", "Factura")
NEG = (
    "El pedido llegó con dos semanas de retraso y nadie respondía los correos.",
    "The derailleur hanger was the wrong size and the return took ages.",
    "Me cobraron el envío dos veces, todavía espero el reembolso.",
    "Atención al cliente muy lenta, tardaron 5 días en contestar.",
)
POS = (
    "Muy buena atención, Íñigo me ayudó a elegir la cadena correcta.",
    "Fast shipping and the brake pads fit perfectly. Thanks!",
    "Precios competitivos y el cambio de talla fue rapidísimo.",
)
MID = ("", "", "Bien.", "OK, nothing special.", "")


def main(out: Path = Path("/tmp/qa34/bikes_freshdesk.csv")) -> None:
    rng = np.random.default_rng(3403)
    out.parent.mkdir(parents=True, exist_ok=True)
    rows = []
    start = date(2026, 9, 1)
    for i in range(436):
        channel = list(CHANNELS)[rng.integers(len(CHANNELS))]
        day = start + timedelta(days=int(rng.integers(0, 91)))
        rows.append((48200 + 3 * i, channel, day))
    # 14 customers answered twice: the same ticket and channel, 1-12 days later.
    for k in rng.choice(len(rows), 14, replace=False):
        ticket, channel, day = rows[k]
        rows.append((ticket, channel, min(day + timedelta(days=int(rng.integers(1, 13))),
                                          date(2026, 11, 30))))  # fmt: skip
    rows.sort(key=lambda r: (r[2], r[0]))
    lines, truth = [], []
    header = [ID_Q, "Asunto", UNIT_Q, "Agente", DATE_Q, NPS_Q, COMMENT_Q, CONSENT_Q, "Email"]
    lines.append(";".join(header))
    for ticket, channel, day in rows:
        s = int(np.clip(round(rng.normal(7.3 + CHANNELS[channel], 2.4)), 0, 10))
        score = None if rng.random() < 0.03 else s
        consent = "Sí" if rng.random() < 0.5 else "No"
        comment = str(rng.choice(NEG if s <= 6 else POS if s >= 9 else MID))
        cells = [str(ticket), SUBJECTS[rng.integers(len(SUBJECTS))], channel,
                 AGENTS[rng.integers(len(AGENTS))], f"{day:%d-%m-%Y}",
                 "" if score is None else str(score), comment, consent,
                 f"cliente{ticket}@correo.es" if consent == "Sí" else ""]  # fmt: skip
        lines.append(";".join(f'"{c}"' if ";" in c else c for c in cells))
        truth.append(
            {
                "line": len(lines),
                "id": ticket,
                "unit": channel,
                "month": f"{day:%Y-%m}",
                "score": score,
                "consent": consent == "Sí",
                "when": f"{day:%Y-%m-%d}",
            }
        )
        if len(lines) in (120, 301):
            lines.append("")  # a blank line in the middle, as a copy-paste between exports leaves
    scored = [t["score"] for t in truth if t["score"] is not None]
    nps = round(100 * (sum(s >= 9 for s in scored) - sum(s <= 6 for s in scored)) / len(scored))
    mean = f"{np.mean(scored):.1f}".replace(".", ",")
    lines += ["", f"Total responses;{len(truth)}", f"Average score;{mean}", f"NPS;{nps}"]
    out.write_bytes(("\r\n".join(lines) + "\r\n").encode("latin-1"))
    t = pd.DataFrame(truth)
    t["score"] = t["score"].astype("Int64")
    t.to_csv(out.with_name(out.stem + "_truth.csv"), index=False)


if __name__ == "__main__":
    main(*(Path(a) for a in sys.argv[1:2]))
