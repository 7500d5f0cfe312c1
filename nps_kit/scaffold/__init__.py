"""Build a reporting project from a survey export (``nps-kit init DIR --from EXPORT``).

:func:`project_from_export` inspects the export (:func:`nps_kit.inspect.inspect_export`) and
writes ``parameters/defaults.yaml`` and the unit files with every choice filled in and commented
— which column is the score and why, how dates are read, which columns become breakdowns and
follow-up questions — so that ``nps-kit run`` works at once and a person can correct any choice.

This ``__init__`` is the package's public face (import from ``nps_kit.scaffold``); the work is in
flat private modules, one job each:

- ``_project``: :func:`export_project`, the files written from one inspection;
- ``_columns``: which columns init proposes (id, contact, names, comment, breakdowns);
- ``_defaults``: the text of ``parameters/defaults.yaml``;
- ``_data_lines``: its commented lines for the reading rules and the alerts;
- ``_dates``: its lines for how dates are read (order, format, time zone);
- ``_questions``: its ``questions:`` block (breakdowns, follow-ups, ratings, value labels);
- ``_units``: the text of each unit's file;
- ``_themes``: the theme pack chosen, ``themes.yaml`` and ``playbook.yaml``.
"""

from __future__ import annotations

from nps_kit.scaffold._columns import proposed_columns as proposed_columns
from nps_kit.scaffold._project import ExportProject, export_project, project_from_export
from nps_kit.scaffold._themes import choose_theme_pack, pack_extension, short_playbook_head

__all__ = [
    "ExportProject",
    "choose_theme_pack",
    "export_project",
    "pack_extension",
    "project_from_export",
    "short_playbook_head",
]
