"""Sub-commands of ``nps-kit``; each module exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from nps_kit.commands import alerts, demo, inspect, lab, project, run, score, send, themes

COMMANDS: list[ModuleType] = [score, inspect, run, project, send, alerts, themes, demo, lab]
