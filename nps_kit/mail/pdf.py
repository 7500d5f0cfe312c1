"""Print a report to PDF with headless chromium, for ``mail.attach: pdf``.

A 400 KB ``.html`` attachment is often quarantined by mail gateways and awkward on phones; a PDF
is not. Chromium prints the report with its print stylesheet and the installed Japanese fonts
(Debian ``fonts-noto-cjk``), so Japanese renders exactly as in the browser; WeasyPrint was not
used because it is not installed with nps-kit and its CJK line breaking differs from the
browser's.

The page is A4, the paper of nearly every country, unless the unit's times are those of the
United States, which prints on Letter (QA20: a UK unit's report came on US Letter, chromium's
default).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Literal

from nps_kit.clock import in_united_states
from nps_kit.errors import MailError

__all__ = ["CHROMIUM_NAMES", "Paper", "find_chromium", "paper_for", "print_pdf"]

Paper = Literal["A4", "Letter"]


def paper_for(timezone: str | None) -> Paper:
    """Return the paper a unit's readers print on: Letter in a US time zone, else A4.

    Parameters
    ----------
    timezone
        The unit's IANA time zone (``UnitParameters.zone``); ``None`` when unknown.
    """
    if timezone is not None and in_united_states(timezone):
        return "Letter"
    return "A4"


#: Executable names tried in order; ``NPS_KIT_CHROMIUM`` overrides them with a path.
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    """Return the chromium executable to print with, or ``None`` when none is installed."""
    configured = os.environ.get("NPS_KIT_CHROMIUM")
    if configured:
        return configured if Path(configured).is_file() else None
    return next((path for name in CHROMIUM_NAMES if (path := shutil.which(name))), None)


def print_pdf(html: Path, *, paper: Paper = "A4", timeout: float = 120.0) -> bytes:
    """Print a report HTML file to PDF bytes with headless chromium.

    Parameters
    ----------
    html
        The report file (self-contained: nothing is loaded from the network).
    paper
        The page size (:func:`paper_for`); chromium's own default is Letter.
    timeout
        Seconds before a hung browser is stopped.

    Returns
    -------
    bytes
        The PDF.

    Raises
    ------
    MailError
        When no chromium is installed, or printing fails.
    """
    browser = find_chromium()
    if browser is None:
        raise MailError(
            "mail.attach: pdf needs headless chromium to print the report, and none was found "
            f"(tried {', '.join(CHROMIUM_NAMES)} and $NPS_KIT_CHROMIUM). Install it "
            "(Debian/Ubuntu: apt-get install chromium fonts-noto-cjk), set NPS_KIT_CHROMIUM to "
            "its path, or use mail.attach: html, zip or none with mail.report_url."
        )
    with tempfile.TemporaryDirectory(prefix="nps-kit-pdf-") as folder:
        out = Path(folder) / "report.pdf"
        # A copy that names the page size: chromium prints on the CSS @page size it is given.
        page = Path(folder) / "report.html"
        text = html.read_text(encoding="utf-8")
        style = f"<style>@page {{ size: {paper}; }}</style>"
        head = text.find("</head>")
        page.write_text(
            text[:head] + style + text[head:] if head >= 0 else style + text, encoding="utf-8"
        )
        command = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            f"--user-data-dir={Path(folder) / 'profile'}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={out}",
            page.resolve().as_uri(),
        ]
        try:
            done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)
        except subprocess.TimeoutExpired as exc:
            raise MailError(
                f"chromium did not finish printing {html} to PDF within {timeout:.0f} s"
            ) from exc
        if not out.is_file() or out.stat().st_size == 0:
            detail = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:]
            raise MailError(
                f"chromium could not print {html} to PDF (exit status {done.returncode}"
                + (f": {detail[0]}" if detail else "")
                + ")"
            )
        return out.read_bytes()
