"""Sub-commands of ``nps-kit``; each module exposes ``register(subparsers)``."""

from __future__ import annotations

from types import ModuleType

from nps_kit.commands import demo, inspect, project, run, score, send

COMMANDS: list[ModuleType] = [score, inspect, run, project, send, demo]
