"""Dataclasses to plain JSON values and back, driven by their type hints.

One codec serves the store (JSON columns), the USS extension keys and the engine's
ProblemData round trip, so a new domain field needs no mapper change.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from datetime import date, datetime, time, timedelta
from enum import Enum
from functools import cache
from typing import Any, TypeVar

_T = TypeVar("_T")


def to_plain(value: Any) -> Any:
    """A JSON-ready copy of a domain value (dataclass, enum, date, list, dict...)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: to_plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, time):
        return value.isoformat()
    if isinstance(value, timedelta):
        return value.total_seconds()
    if isinstance(value, dict):
        return {_key(k): to_plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_plain(v) for v in value]
    return value


def from_plain(cls: type[_T], data: Any) -> _T:
    """Rebuild a dataclass from `to_plain` output; missing keys take their defaults.

    Raises ValueError or TypeError (with the field's name) on values of the wrong type.
    """
    return typing.cast(_T, _decode(cls, data, cls.__name__))


def decode(tp: Any, data: Any, path: str) -> Any:
    """Decode one plain value to the type `tp` (a type hint); errors name `path`."""
    return _decode(tp, data, path)


def _key(key: Any) -> str:
    if isinstance(key, date | time):
        return key.isoformat()
    return str(key)


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _decode(tp: Any, data: Any, path: str) -> Any:
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return data
    if origin in (typing.Union, types.UnionType):
        if data is None and type(None) in args:
            return None
        first_error: TypeError | ValueError | None = None
        for arg in args:
            if arg is type(None):
                continue
            try:
                return _decode(arg, data, path)
            except (TypeError, ValueError) as exc:
                first_error = first_error or exc
        raise first_error or TypeError(f"{path}: unexpected null")
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        if not isinstance(data, dict):
            raise TypeError(f"{path}: expected an object, got {type(data).__name__}")
        hints = _hints(tp)
        kwargs = {
            f.name: _decode(hints[f.name], data[f.name], f"{path}.{f.name}")
            for f in dataclasses.fields(tp)
            if f.name in data and f.init
        }
        return tp(**kwargs)
    if origin is list:
        _expect(data, list, path)
        return [_decode(args[0], v, f"{path}[{i}]") for i, v in enumerate(data)]
    if origin is tuple:
        _expect(data, list | tuple, path)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_decode(args[0], v, f"{path}[{i}]") for i, v in enumerate(data))
        pairs = enumerate(zip(args, data, strict=False))
        return tuple(_decode(a, v, f"{path}[{i}]") for i, (a, v) in pairs)
    if origin is dict:
        _expect(data, dict, path)
        key_type, value_type = args
        return {
            _decode(key_type, k, f"{path} key"): _decode(value_type, v, f"{path}[{k}]")
            for k, v in data.items()
        }
    if isinstance(tp, type) and issubclass(tp, Enum):
        return tp(data)
    if tp is datetime:
        _expect(data, str, path)
        return datetime.fromisoformat(data)
    if tp is date:
        _expect(data, str, path)
        return date.fromisoformat(data)
    if tp is time:
        _expect(data, str, path)
        return time.fromisoformat(data)
    if tp is timedelta:
        _expect(data, int | float, path)
        return timedelta(seconds=data)
    if tp is bool:
        _expect(data, bool, path)
        return data
    if tp is int:
        if isinstance(data, bool) or not isinstance(data, int):
            raise TypeError(f"{path}: expected an integer, got {data!r}")
        return data
    if tp is float:
        if isinstance(data, bool) or not isinstance(data, int | float):
            raise TypeError(f"{path}: expected a number, got {data!r}")
        return float(data)
    if tp is str:
        _expect(data, str, path)
        return data
    raise TypeError(f"{path}: cannot decode type {tp!r}")


def _expect(data: Any, kind: Any, path: str) -> None:
    if not isinstance(data, kind) or (kind is not bool and isinstance(data, bool)):
        raise TypeError(f"{path}: expected {_describe(kind)}, got {data!r}")


def _describe(kind: Any) -> str:
    names = {list: "a list", dict: "an object", str: "a string", bool: "true or false"}
    return names.get(kind, "a number" if kind == int | float else "a list")
