"""Options that several sub-commands share, written once so that they read the same everywhere."""

from __future__ import annotations

import argparse
from pathlib import Path

__all__ = ["add_notebook_option", "add_parameters_option", "default_notebook"]


def add_parameters_option(parser: argparse.ArgumentParser) -> None:
    """Add ``--parameters DIR``: the folder with ``defaults.yaml`` and the unit files."""
    parser.add_argument(
        "--parameters",
        type=Path,
        default=Path("parameters"),
        metavar="DIR",
        help="folder with defaults.yaml and <unit>.yaml (default: parameters)",
    )


def add_notebook_option(parser: argparse.ArgumentParser, *, applies_to: str) -> None:
    """Add ``--notebook PATH``; ``applies_to`` says which units it serves, e.g. "the unit"."""
    parser.add_argument(
        "--notebook",
        type=Path,
        metavar="PATH",
        help=f"report notebook for {applies_to} (default: notebooks/nps_report.ipynb next to the "
        "parameters folder, else the one bundled with nps-kit)",
    )


def default_notebook(parameters: Path) -> Path:
    """Return ``notebooks/nps_report.ipynb`` beside ``parameters``, else the bundled notebook."""
    local = Path(parameters).resolve().parent / "notebooks" / "nps_report.ipynb"
    if local.is_file():
        return local
    return Path(__file__).resolve().parent.parent / "resources" / "nps_report.ipynb"
