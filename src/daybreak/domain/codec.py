"""Dataclasses to plain JSON values and back, driven by their type hints.

One codec serves the store (JSON columns), the USS extension keys and the engine's
ProblemData round trip, so a new domain field needs no mapper change.
"""

from __future__ import annotations

import dataclasses
import types
import typing
from collections.abc import Callable
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
    return typing.cast(_T, _decoder(typing.cast(Any, cls))(data, cls.__name__))


def decode(tp: Any, data: Any, path: str) -> Any:
    """Decode one plain value to the type `tp` (a type hint); errors name `path`."""
    return _decoder(tp)(data, path)


def _key(key: Any) -> str:
    if isinstance(key, date | time):
        return key.isoformat()
    return str(key)


_Decoder = Callable[[Any, str], Any]


@cache
def _decoder(tp: Any) -> _Decoder:
    """A decoding function for one type hint, built once and reused (loads stay fast)."""
    origin = typing.get_origin(tp)
    args = typing.get_args(tp)
    if tp is Any:
        return lambda data, path: data
    if origin in (typing.Union, types.UnionType):
        return _union_decoder(args)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        return _dataclass_decoder(tp)
    if origin is list:
        item = _decoder(args[0])

        def decode_list(data: Any, path: str) -> Any:
            _expect(data, list, path)
            return [item(v, f"{path}[{i}]") for i, v in enumerate(data)]

        return decode_list
    if origin is tuple:
        return _tuple_decoder(args)
    if origin is dict:
        key_decoder, value_decoder = _decoder(args[0]), _decoder(args[1])

        def decode_dict(data: Any, path: str) -> Any:
            _expect(data, dict, path)
            return {
                key_decoder(k, f"{path} key"): value_decoder(v, f"{path}[{k}]")
                for k, v in data.items()
            }

        return decode_dict
    if isinstance(tp, type) and issubclass(tp, Enum):
        return lambda data, path: tp(data)
    return _SCALARS.get(tp) or _unknown(tp)


def _union_decoder(args: tuple[Any, ...]) -> _Decoder:
    options = [_decoder(a) for a in args if a is not type(None)]
    nullable = type(None) in args

    def decode_union(data: Any, path: str) -> Any:
        if data is None and nullable:
            return None
        first_error: TypeError | ValueError | None = None
        for option in options:
            try:
                return option(data, path)
            except (TypeError, ValueError) as exc:
                first_error = first_error or exc
        raise first_error or TypeError(f"{path}: unexpected null")

    return decode_union


def _dataclass_decoder(cls: type) -> _Decoder:
    hints = typing.get_type_hints(cls)
    fields = [(f.name, _decoder(hints[f.name])) for f in dataclasses.fields(cls) if f.init]

    def decode_dataclass(data: Any, path: str) -> Any:
        if not isinstance(data, dict):
            raise TypeError(f"{path}: expected an object, got {type(data).__name__}")
        kwargs = {name: dec(data[name], f"{path}.{name}") for name, dec in fields if name in data}
        return cls(**kwargs)

    return decode_dataclass


def _tuple_decoder(args: tuple[Any, ...]) -> _Decoder:
    if len(args) == 2 and args[1] is Ellipsis:
        item = _decoder(args[0])

        def decode_var_tuple(data: Any, path: str) -> Any:
            _expect(data, list | tuple, path)
            return tuple(item(v, f"{path}[{i}]") for i, v in enumerate(data))

        return decode_var_tuple
    items = [_decoder(a) for a in args]

    def decode_tuple(data: Any, path: str) -> Any:
        _expect(data, list | tuple, path)
        pairs = enumerate(zip(items, data, strict=False))
        return tuple(dec(v, f"{path}[{i}]") for i, (dec, v) in pairs)

    return decode_tuple


def _unknown(tp: Any) -> _Decoder:
    def fail(data: Any, path: str) -> Any:
        raise TypeError(f"{path}: cannot decode type {tp!r}")

    return fail


def _iso(kind: Any) -> _Decoder:
    def decode_iso(data: Any, path: str) -> Any:
        _expect(data, str, path)
        return kind.fromisoformat(data)

    return decode_iso


def _seconds(data: Any, path: str) -> Any:
    _expect(data, int | float, path)
    return timedelta(seconds=data)


def _bool(data: Any, path: str) -> Any:
    _expect(data, bool, path)
    return data


def _int(data: Any, path: str) -> Any:
    if isinstance(data, bool) or not isinstance(data, int):
        raise TypeError(f"{path}: expected an integer, got {data!r}")
    return data


def _float(data: Any, path: str) -> Any:
    if isinstance(data, bool) or not isinstance(data, int | float):
        raise TypeError(f"{path}: expected a number, got {data!r}")
    return float(data)


def _str(data: Any, path: str) -> Any:
    if type(data) is not str:
        _expect(data, str, path)
    return data


_SCALARS: dict[Any, _Decoder] = {
    datetime: _iso(datetime),
    date: _iso(date),
    time: _iso(time),
    timedelta: _seconds,
    bool: _bool,
    int: _int,
    float: _float,
    str: _str,
}


def _expect(data: Any, kind: Any, path: str) -> None:
    if not isinstance(data, kind) or (kind is not bool and isinstance(data, bool)):
        raise TypeError(f"{path}: expected {_describe(kind)}, got {data!r}")


def _describe(kind: Any) -> str:
    names = {list: "a list", dict: "an object", str: "a string", bool: "true or false"}
    return names.get(kind, "a number" if kind == int | float else "a list")
