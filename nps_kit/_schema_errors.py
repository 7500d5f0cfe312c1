"""Turn pydantic validation errors into messages naming file, dotted key, expected and found.

Private helper of :mod:`nps_kit.params`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from nps_kit.errors import ConfigError, closest


def display(path: Path) -> str:
    """Show ``path`` relative to the working folder when it is inside it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def _dotted(loc: Sequence[int | str]) -> str:
    key = ""
    for part in loc:
        if isinstance(part, int):
            key += f"[{part}]"
        else:
            key += f".{part}" if key else part
    return key


_EXPECTED = {
    "string_type": "text",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "a mapping of keys",
    "model_type": "a mapping of keys",
    "model_attributes_type": "a mapping of keys",
    "path_type": "a file path",
}


def _model_keys(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """Return the valid keys at the mapping that holds ``loc`` (for "did you mean" hints)."""
    current: Any = model
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if info is None:
            return []
        annotation = info.annotation
        for candidate in (annotation, *getattr(annotation, "__args__", ())):
            for inner in (candidate, *getattr(candidate, "__args__", ())):
                if isinstance(inner, type) and issubclass(inner, BaseModel):
                    current = inner
                    break
            else:
                continue
            break
    return list(getattr(current, "model_fields", {}))


def describe(error: Mapping[str, Any], model: type[BaseModel]) -> tuple[str, str, str | None]:
    """Turn one pydantic error into (dotted key, problem, hint)."""
    loc = tuple(error["loc"])
    key = _dotted(loc)
    kind = error["type"]
    value = error.get("input")
    if kind == "extra_forbidden":
        name = str(loc[-1])
        parent = _dotted(loc[:-1])
        where = f"in {parent}" if parent else "at the top level"
        suggestion = closest(name, _model_keys(model, loc))
        hint = f"Did you mean {suggestion!r}?" if suggestion else None
        return key, f"unknown key {name!r} {where}.", hint
    if kind == "missing":
        return key, "required but missing.", None
    if kind == "literal_error":
        expected = error.get("ctx", {}).get("expected", "")
        return key, f"expected one of {expected}; found {value!r}.", None
    if kind == "value_error":
        return key, f"{error['ctx']['error']}.", None
    if kind in _EXPECTED:
        return key, f"expected {_EXPECTED[kind]}; found {value!r}.", None
    if kind.startswith(("greater_than", "less_than")):
        return key, f"{error['msg'].lower()}; found {value!r}.", None
    return key, f"{error['msg']}; found {value!r}.", None


def problems_error(path: Path, problems: list[tuple[str, str, str | None]]) -> ConfigError:
    shown = display(path)
    if len(problems) == 1:
        key, problem, hint = problems[0]
        return ConfigError(f"{shown}: {key}: {problem}", hint=hint, path=path, key=key)
    lines = [
        f"- {key}: {problem}" + (f" {hint}" if hint else "") for key, problem, hint in problems
    ]
    return ConfigError(
        f"{shown}: {len(problems)} problems:\n" + "\n".join(lines),
        path=path,
        key=problems[0][0],
    )
