"""YAML models: read a YAML file and validate it with a pydantic model, with one wording.

Every YAML file nps-kit reads (parameters, playbook, themes) goes through :func:`read_yaml` and
:func:`validate_model` (:func:`load_yaml_model` does both): a syntax error names the line and
column, a schema error names the file, the dotted key, what was expected and what was found, and
an unknown key suggests the closest valid one. A parameter file's problems are said in its
language (``lang``: a Japanese project's analyst reads Japanese, FIX90), through the catalogue;
the file and the dotted key lead in both, as every caller reads them.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from nps_kit.errors import ConfigError, closest
from nps_kit.i18n import Language, t


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


# pydantic's error type → what was expected (a catalogue key, schema.expected.*).
_EXPECTED = {
    "string_type": "text",
    "int_type": "whole_number",
    "int_parsing": "whole_number",
    "int_from_float": "whole_number",
    "float_type": "number",
    "float_parsing": "number",
    "finite_number": "finite_number",
    "bool_type": "bool",
    "bool_parsing": "bool",
    "list_type": "list",
    "dict_type": "mapping",
    "model_type": "mapping",
    "model_attributes_type": "mapping",
    "path_type": "path",
}
# A bound's error type → its ctx key and the words (schema.bound.*).
_BOUNDS = {
    "greater_than": "gt",
    "greater_than_equal": "ge",
    "less_than": "lt",
    "less_than_equal": "le",
}


class Said(ValueError):
    """A validator's problem as a catalogue entry, said in the file's language (FIX90).

    Raised by a pydantic validator instead of a plain ``ValueError``: :func:`describe` says it
    with :func:`nps_kit.i18n.t` (``found``, when given, quoted as the language quotes a value).
    A value of ``values`` that has words of its own (another :class:`Said`, or
    :class:`Listed`) is said in the same language.

    Parameters
    ----------
    key
        The catalogue key.
    found
        The value the file holds, if the words name it (``{found}``).
    **values
        The other fields of the words.
    """

    def __init__(self, key: str, *, found: object = None, **values: object) -> None:
        self.key = key
        self.found = found
        self.values = values
        super().__init__(self.words("en"))

    def words(self, lang: Language) -> str:
        """Return the problem in ``lang``."""
        said = {
            name: value.words(lang) if isinstance(value, Said | Listed) else value
            for name, value in self.values.items()
        }
        return t(self.key, lang, found=_found(self.found, lang), **said)


class Listed:
    """Values a message names, as the language quotes them: 「a」、「b」 or 'a', 'b'.

    Parameters
    ----------
    items
        The values.
    quote
        How English shows one (``repr``, or ``str`` for names shown bare).
    """

    def __init__(self, items: Sequence[object], *, quote: Callable[[object], str] = repr) -> None:
        self.items = tuple(items)
        self.quote = quote

    def words(self, lang: Language) -> str:
        """Return the values joined in ``lang`` (names shown bare in English are bare here)."""
        if lang == "ja":
            quote = str if self.quote is str else (lambda item: _found(str(item), lang))
            return "、".join(quote(item) for item in self.items)
        return ", ".join(self.quote(item) for item in self.items)


def _found(value: object, lang: Language) -> str:
    """Show what the file holds: ``'abc'`` in English, 「abc」 in a Japanese sentence.

    In Japanese a control character is shown escaped (a line feed as a backslash and n), as
    ``repr`` shows it in English.
    """
    if lang == "ja" and isinstance(value, str):
        shown = "".join(repr(c)[1:-1] if unicodedata.category(c)[0] == "C" else c for c in value)
        return f"「{shown}」"
    return repr(value)


def _choices(expected: str, lang: Language) -> str:
    """Join a literal's values (pydantic's ``'ja' or 'en'``) as ``lang`` joins a list."""
    if lang == "en":
        return expected
    return "、".join(part for part in re.split(r", | or ", expected) if part)


def _model_keys(model: type[BaseModel], loc: Sequence[int | str]) -> list[str]:
    """Return the valid keys at the mapping that holds ``loc`` (for "did you mean" hints)."""
    current: Any = model
    keyed = False  # the previous part was a mapping field: this part is a free key (a theme id)
    for part in loc[:-1]:
        if isinstance(part, int):
            continue
        info = current.model_fields.get(part) if hasattr(current, "model_fields") else None
        if info is None and keyed:
            keyed = False
            continue
        if info is None:
            return []
        keyed = getattr(info.annotation, "__origin__", None) is dict
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


def describe(
    error: Mapping[str, Any], model: type[BaseModel], *, lang: Language = "en"
) -> tuple[str, str, str | None]:
    """Turn one pydantic error into (dotted key, problem, hint), in ``lang``."""
    loc = tuple(error["loc"])
    key = _dotted(loc)
    kind = error["type"]
    value = error.get("input")
    found = _found(value, lang)
    if kind == "extra_forbidden":
        name = str(loc[-1])
        parent = _dotted(loc[:-1])
        where = t("schema.in", lang, parent=parent) if parent else t("schema.top_level", lang)
        keys = _model_keys(model, loc)
        suggestion = closest(name, keys)
        hint = t("schema.did_you_mean", lang, suggestion=suggestion) if suggestion else None
        if hint is None and keys:
            hint = t("schema.valid_keys", lang, keys=", ".join(keys))
        return key, t("schema.unknown_key", lang, name=name, where=where), hint
    if kind == "missing":
        return key, t("schema.missing", lang), None
    if kind == "literal_error":
        expected = _choices(error.get("ctx", {}).get("expected", ""), lang)
        return key, t("schema.one_of", lang, expected=expected, found=found), None
    if kind == "value_error":
        said = error["ctx"]["error"]
        if isinstance(said, Said):
            return key, f"{said.words(lang)}{'。' if lang == 'ja' else '.'}", None
        # A validator's own sentence not yet in the catalogue (nps_kit.params), as written.
        return key, f"{said}.", None
    if kind in _EXPECTED:
        expected = t(f"schema.expected.{_EXPECTED[kind]}", lang)
        return key, t("schema.expected", lang, expected=expected, found=found), None
    if kind in _BOUNDS:
        bound = error.get("ctx", {}).get(_BOUNDS[kind])
        return key, t(f"schema.bound.{kind}", lang, bound=bound, found=found), None
    if kind.startswith(("greater_than", "less_than")):
        return key, f"{error['msg'].lower()}; found {value!r}.", None
    return key, t("schema.other", lang, problem=error["msg"], found=found), None


def problems_error(
    path: Path, problems: list[tuple[str, str, str | None]], *, lang: Language = "en"
) -> ConfigError:
    """One error naming ``path`` and each ``(dotted key, problem, hint)``, in ``lang``."""
    shown = display(path)

    def keyed(key: str, problem: str) -> str:
        # A problem of the whole file (a model validator's) has no key: not "ec.yaml: : …".
        return f"{key}: {problem}" if key else problem

    if len(problems) == 1:
        key, problem, hint = problems[0]
        return ConfigError(f"{shown}: {keyed(key, problem)}", hint=hint, path=path, key=key)
    space = "" if lang == "ja" else " "
    lines = [f"- {keyed(k, said)}{space + hint if hint else ''}" for k, said, hint in problems]
    return ConfigError(
        f"{shown}: {t('schema.problems', lang, n=len(problems))}\n" + "\n".join(lines),
        path=path,
        key=problems[0][0],
    )


Model = TypeVar("Model", bound=BaseModel)


def read_yaml(path: Path, *, text: str | None = None, lang: Language = "en") -> dict[str, Any]:
    """Read a YAML file whose top level is a mapping (an empty file is ``{}``).

    Parameters
    ----------
    path
        The file (named in messages, relative to the working folder when inside it).
    text
        The file's text when already read (e.g. a packaged resource); ``None`` reads ``path``.
    lang
        The language its problems (missing, not UTF-8, a syntax error, a key written twice)
        are said in (a Japanese project's unit, themes or playbook file: ``ja``).

    Returns
    -------
    dict
        The mapping.

    Raises
    ------
    ConfigError
        When the file is missing, is not valid YAML (line and column named), writes a key
        twice in one mapping (both lines named), or its top level is not a mapping.
    """
    from nps_kit import _yaml

    shown = display(path)
    if text is None:
        try:
            # UTF-8, or a message naming the file
            text = _yaml.read_text(path, shown=shown, lang=lang)
        except FileNotFoundError:
            raise ConfigError(t("yaml.file_not_found", lang, file=shown), path=path) from None
    try:
        # Aliases are expanded only up to a size limit: an alias bomb is refused, not run.
        raw = _yaml.safe_load(text, shown=shown, path=path, lang=lang)
    except yaml.MarkedYAMLError as exc:
        raise ConfigError(
            t("schema.invalid_yaml", lang, file=shown, place=_yaml_error_place(exc, text, lang)),
            hint=t("schema.invalid_yaml_hint", lang),
            path=path,
        ) from None
    if raw is None:
        return {}
    if not isinstance(raw, dict):
        raise ConfigError(
            t("yaml.not_mapping", lang, file=shown, found=type(raw).__name__), path=path
        )
    return raw


# What PyYAML's context says was left open when the file ended, in a reader's words.
_OPENED = {
    "while parsing a flow sequence": "the list '['",
    "while parsing a flow mapping": "the mapping '{'",
    "while scanning a quoted scalar": "the quote",
}


def _yaml_error_place(exc: yaml.MarkedYAMLError, text: str, lang: Language = "en") -> str:
    """Return ``line L, column C: problem`` for a YAML error, on a line the file has.

    PyYAML marks an error found at the end of the file on the line after the last one (FIX39:
    'line 72' of a 71-line file, for a '[' left open on line 71): name where the unclosed
    bracket or quote opened, else the last line with text.
    """
    mark = exc.problem_mark
    if mark is None:
        return f"unknown line: {exc.problem}"
    where, problem = mark, str(exc.problem)
    if "<stream end>" in problem or "end of stream" in problem:
        opened = _OPENED.get(str(exc.context))
        if opened is not None and exc.context_mark is not None:
            where = exc.context_mark
            problem = f"{opened} opened here is not closed by the end of the file ({problem})"
        else:
            lines = text.rstrip().splitlines() or [""]
            return _at(len(lines), len(lines[-1]) + 1, problem, lang)
    return _at(where.line + 1, where.column + 1, problem, lang)


def _at(line: int, column: int, problem: str, lang: Language) -> str:
    """Return where a YAML error is and PyYAML's own words for it (English in either)."""
    if lang == "ja":
        return f"{line}行目、{column}列目：{problem}"
    return f"line {line}, column {column}: {problem}"


def _innermost(errors: list[Any]) -> list[Any]:
    # A broken item also fails its parent's check (e.g. a list's length): report the item only.
    return [
        p
        for p in errors
        if not any(
            len(q["loc"]) > len(p["loc"]) and tuple(q["loc"][: len(p["loc"])]) == tuple(p["loc"])
            for q in errors
        )
    ]


def validate_model(
    raw: Mapping[str, Any], model: type[Model], path: Path, *, lang: Language = "en"
) -> Model:
    """Validate ``raw`` with ``model``; every problem is named in one :class:`ConfigError`.

    Parameters
    ----------
    raw
        The YAML mapping.
    model
        The pydantic model (``extra="forbid"`` for unknown-key checks).
    path
        The file the mapping came from, for the message.
    lang
        The message's language: the file's (a Japanese project's parameters, FIX90).

    Returns
    -------
    Model
        The validated model.

    Raises
    ------
    ConfigError
        Naming the file, each dotted key, expected and found, and the closest valid key.
    """
    try:
        return model.model_validate(raw)
    except ValidationError as exc:
        problems = [describe(e, model, lang=lang) for e in _innermost(exc.errors())]
        raise problems_error(path, problems, lang=lang) from None


def load_yaml_model(
    path: Path, model: type[Model], *, text: str | None = None, lang: Language = "en"
) -> Model:
    """Read a YAML file and validate it with ``model`` (:func:`read_yaml`, :func:`validate_model`).

    Parameters
    ----------
    path
        The file.
    model
        The pydantic model of its top level.
    text
        The file's text when already read; ``None`` reads ``path``.
    lang
        The language its problems are said in (a Japanese project's file: ``ja``, FIX93).

    Returns
    -------
    Model
        The validated model.

    Raises
    ------
    ConfigError
        When the file is missing, is not valid YAML or breaks the schema.
    """
    return validate_model(read_yaml(path, text=text, lang=lang), model, path, lang=lang)
