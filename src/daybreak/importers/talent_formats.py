"""Readers for published talent-scheduling and movie-shoot benchmark files.

Four formats, detected from the suffix and the content:

* MiniZinc ``.dzn`` of the minizinc-benchmarks suite: ``numScenes``, ``numActors``,
  ``ia`` (actor x scene 0/1), ``c`` (daily costs), ``d`` (durations);
* CSPLib prob039 rehearsal ``.dzn``: ``num_pieces``, ``num_players``, ``duration``,
  ``rehearsal`` (player x piece 0/1); every player costs 1 a day;
* Stuckey's text format: a name line, #scenes, #actors, one line per actor (0/1 per
  scene, then the daily cost), then the durations;
* the movie-shoot (MSSP) text format: #actors #scenes #locations #precedences, actor
  costs, location costs, durations, scene locations (0-based), the actor x scene 0/1
  matrix, then precedence pairs ``a b`` (scene ``a`` before scene ``b``, 0-based).

Bad input raises :class:`daybreak.errors.DaybreakError` naming the file and the line
(or the field); nothing else escapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from daybreak.engine.mssp.instance import MsspInstance
from daybreak.engine.talent.instance import TalentInstance
from daybreak.errors import DaybreakError

__all__ = [
    "detect_format",
    "read_instance",
    "read_mssp",
    "read_talent",
]


@dataclass(frozen=True)
class _Token:
    text: str
    line: int


def _read_text(path: Path) -> str:
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise DaybreakError(
            f"cannot read the file ({exc.strerror or exc})", source=str(path)
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise DaybreakError(
            "not a text file (invalid UTF-8)", source=str(path), where=f"line {line}"
        ) from None


def detect_format(path: Path, text: str | None = None) -> str:
    """Return ``"minizinc"``, ``"rehearsal"``, ``"stuckey"`` or ``"mssp"`` for a file."""
    if text is None:
        text = _read_text(path)
    if path.suffix.lower() == ".dzn" or re.search(r"^\s*\w+\s*=", text, re.MULTILINE):
        if re.search(r"\bnum_pieces\b", text):
            return "rehearsal"
        return "minizinc"
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        return "mssp" if re.fullmatch(r"[-+\d\s]+", stripped) else "stuckey"
    raise DaybreakError("the file is empty", source=str(path))


def read_instance(path: str | Path) -> TalentInstance | MsspInstance:
    """Read any supported file: a movie-shoot file gives an :class:`MsspInstance`."""
    p = Path(path)
    text = _read_text(p)
    fmt = detect_format(p, text)
    if fmt == "mssp":
        return _parse_mssp(p, text)
    if fmt == "stuckey":
        return _parse_stuckey(p, text)
    return _parse_dzn(p, text, fmt)


def read_talent(path: str | Path) -> TalentInstance:
    """Read a talent-scheduling file (MiniZinc, rehearsal or Stuckey format)."""
    inst = read_instance(path)
    if isinstance(inst, MsspInstance):
        raise DaybreakError(
            "this is a movie-shoot (locations and precedences) file; use `daybreak mssp solve`",
            source=str(path),
        )
    return inst


def read_mssp(path: str | Path) -> MsspInstance:
    """Read a movie-shoot file; a talent file becomes one free location, no precedences."""
    inst = read_instance(path)
    if isinstance(inst, TalentInstance):
        return MsspInstance.from_talent(inst)
    return inst


# -- plain whitespace-separated numbers ---------------------------------------------------


class _Numbers:
    """A cursor over the whitespace-separated tokens of a file, with line numbers."""

    def __init__(self, path: Path, text: str, first_line: int = 1) -> None:
        self.path = path
        self.tokens = [
            _Token(tok, no)
            for no, line in enumerate(text.splitlines()[first_line - 1 :], start=first_line)
            for tok in line.split()
        ]
        self.pos = 0
        self.last_line = max(1, len(text.splitlines()))

    def take(self, what: str, *, minimum: int | None = 0, allowed: tuple[int, ...] = ()) -> int:
        if self.pos >= len(self.tokens):
            raise DaybreakError(
                f"unexpected end of file: expected {what}",
                source=str(self.path),
                where=f"line {self.last_line}",
            )
        tok = self.tokens[self.pos]
        self.pos += 1
        try:
            value = int(tok.text)
        except ValueError:
            raise DaybreakError(
                f"expected {what} (an integer), found {tok.text!r}",
                source=str(self.path),
                where=f"line {tok.line}",
            ) from None
        if minimum is not None and value < minimum:
            raise DaybreakError(
                f"{what} must be at least {minimum}, found {value}",
                source=str(self.path),
                where=f"line {tok.line}",
            )
        if allowed and value not in allowed:
            raise DaybreakError(
                f"{what} must be one of {', '.join(map(str, allowed))}, found {value}",
                source=str(self.path),
                where=f"line {tok.line}",
            )
        return value

    def take_many(self, count: int, what: str, allowed: tuple[int, ...] = ()) -> list[int]:
        return [self.take(f"{what} {i + 1} of {count}", allowed=allowed) for i in range(count)]

    def expect_end(self) -> None:
        if self.pos < len(self.tokens):
            tok = self.tokens[self.pos]
            raise DaybreakError(
                f"unexpected extra data {tok.text!r}",
                source=str(self.path),
                where=f"line {tok.line}",
            )

    def line_of_last(self) -> str:
        return f"line {self.tokens[self.pos - 1].line}" if self.pos else "line 1"


def _build(path: Path, where: str, make: type, *args: object) -> object:
    try:
        return make(*args)
    except (ValueError, TypeError) as exc:
        raise DaybreakError(str(exc), source=str(path), where=where) from None


def _parse_stuckey(path: Path, text: str) -> TalentInstance:
    lines = text.splitlines()
    name_line = next(i for i, line in enumerate(lines) if line.strip())
    name = lines[name_line].strip()
    nums = _Numbers(path, text, first_line=name_line + 2)
    n = nums.take("the number of scenes", minimum=1)
    m = nums.take("the number of actors", minimum=0)
    masks: list[int] = []
    costs: list[int] = []
    for a in range(m):
        row = nums.take_many(n, f"actor {a + 1}: scene", allowed=(0, 1))
        masks.append(sum(1 << s for s, v in enumerate(row) if v))
        costs.append(nums.take(f"actor {a + 1}: daily cost"))
    durations = nums.take_many(n, "scene duration")
    nums.expect_end()
    inst = _build(
        path,
        nums.line_of_last(),
        TalentInstance,
        tuple(durations),
        tuple(costs),
        tuple(masks),
        name,
    )
    assert isinstance(inst, TalentInstance)
    return inst


def _parse_mssp(path: Path, text: str) -> MsspInstance:
    nums = _Numbers(path, text)
    na = nums.take("the number of actors")
    ns = nums.take("the number of scenes", minimum=1)
    nl = nums.take("the number of locations", minimum=1)
    npre = nums.take("the number of precedences")
    actor_costs = nums.take_many(na, "actor cost")
    location_costs = nums.take_many(nl, "location cost")
    durations = nums.take_many(ns, "scene duration")
    locations = [
        nums.take(f"location of scene {s + 1} (0-based, below {nl})", allowed=tuple(range(nl)))
        for s in range(ns)
    ]
    masks: list[int] = []
    for a in range(na):
        row = nums.take_many(ns, f"actor {a + 1}: scene", allowed=(0, 1))
        masks.append(sum(1 << s for s, v in enumerate(row) if v))
    pairs: list[tuple[int, int]] = []
    scenes = tuple(range(ns))
    for i in range(npre):
        a = nums.take(f"precedence {i + 1}: first scene (0-based)", allowed=scenes)
        b = nums.take(f"precedence {i + 1}: second scene (0-based)", allowed=scenes)
        pairs.append((a, b))
    nums.expect_end()
    where = nums.line_of_last()
    talent = _build(
        path, where, TalentInstance, tuple(durations), tuple(actor_costs), tuple(masks), path.stem
    )
    inst = _build(
        path,
        where,
        MsspInstance,
        talent,
        tuple(location_costs),
        tuple(locations),
        tuple(pairs),
        path.stem,
    )
    assert isinstance(inst, MsspInstance)
    return inst


# -- MiniZinc data ------------------------------------------------------------------------


@dataclass
class _DznValue:
    line: int
    numbers: list[_Token]
    rows: int
    """Number of ``|``-separated rows (1 for a flat array or a scalar)."""
    is_array: bool


def _dzn_statements(path: Path, text: str) -> dict[str, _DznValue]:
    tokens: list[_Token] = []
    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("%", 1)[0]
        pos = 0
        while pos < len(line):
            if line[pos].isspace():
                pos += 1
                continue
            if line[pos] in "[]|,;=()":
                tokens.append(_Token(line[pos], no))
                pos += 1
                continue
            end = pos
            while end < len(line) and not line[end].isspace() and line[end] not in "[]|,;=()":
                end += 1
            tokens.append(_Token(line[pos:end], no))
            pos = end
    out: dict[str, _DznValue] = {}
    i = 0
    while i < len(tokens):
        name = tokens[i]
        if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", name.text):
            raise DaybreakError(
                f"expected a parameter name, found {name.text!r}",
                source=str(path),
                where=f"line {name.line}",
            )
        if i + 1 >= len(tokens) or tokens[i + 1].text != "=":
            raise DaybreakError(
                f"expected '=' after {name.text}", source=str(path), where=f"line {name.line}"
            )
        j = i + 2
        value: list[_Token] = []
        while j < len(tokens) and tokens[j].text != ";":
            value.append(tokens[j])
            j += 1
        if j >= len(tokens):
            last = value[-1].line if value else name.line
            raise DaybreakError(
                f"unexpected end of file: missing ';' after {name.text}",
                source=str(path),
                where=f"line {last}",
            )
        out[name.text] = _dzn_value(path, name, value)
        i = j + 1
    return out


def _dzn_value(path: Path, name: _Token, value: list[_Token]) -> _DznValue:
    if not value:
        raise DaybreakError(
            f"{name.text} has no value", source=str(path), where=f"line {name.line}"
        )
    if len(value) == 1:
        return _DznValue(name.line, [value[0]], 1, False)
    toks = value
    if toks[0].text in ("array1d", "array2d"):
        # skip the index sets: everything up to the opening bracket of the data
        k = next((k for k, t in enumerate(toks) if t.text == "["), None)
        if k is None:
            raise DaybreakError(
                f"{name.text}: expected '[' in {toks[0].text}(...)",
                source=str(path),
                where=f"line {name.line}",
            )
        toks = toks[k:]
    if toks[0].text != "[":
        raise DaybreakError(
            f"{name.text}: expected an integer or an array, found {toks[0].text!r}",
            source=str(path),
            where=f"line {toks[0].line}",
        )
    numbers: list[_Token] = []
    rows = 0
    closed = False
    for t in toks[1:]:
        if closed:
            if t.text != ")":
                raise DaybreakError(
                    f"{name.text}: unexpected {t.text!r} after the array",
                    source=str(path),
                    where=f"line {t.line}",
                )
            continue
        if t.text == "]":
            closed = True
        elif t.text == "|":
            rows += 1
        elif t.text != ",":
            numbers.append(t)
    if not closed:
        raise DaybreakError(
            f"{name.text}: missing ']'", source=str(path), where=f"line {toks[-1].line}"
        )
    return _DznValue(name.line, numbers, max(1, rows - 1), True)


def _ints(path: Path, field: str, val: _DznValue, allowed: tuple[int, ...] = ()) -> list[int]:
    out: list[int] = []
    for t in val.numbers:
        try:
            v = int(t.text)
        except ValueError:
            raise DaybreakError(
                f"{field}: expected an integer, found {t.text!r}",
                source=str(path),
                where=f"line {t.line}",
            ) from None
        if v < 0 or (allowed and v not in allowed):
            want = " or ".join(map(str, allowed)) if allowed else "a non-negative integer"
            raise DaybreakError(
                f"{field}: expected {want}, found {v}", source=str(path), where=f"line {t.line}"
            )
        out.append(v)
    return out


def _field(path: Path, stmts: dict[str, _DznValue], name: str) -> _DznValue:
    if name not in stmts:
        raise DaybreakError(f"missing parameter {name}", source=str(path), where=name)
    return stmts[name]


def _scalar(path: Path, stmts: dict[str, _DznValue], name: str) -> int:
    val = _field(path, stmts, name)
    if val.is_array:
        raise DaybreakError(
            f"{name} must be a single integer", source=str(path), where=f"line {val.line}"
        )
    return _ints(path, name, val)[0]


def _array(
    path: Path, stmts: dict[str, _DznValue], name: str, count: int, allowed: tuple[int, ...] = ()
) -> list[int]:
    val = _field(path, stmts, name)
    values = _ints(path, name, val, allowed)
    if not val.is_array or len(values) != count:
        raise DaybreakError(
            f"{name} has {len(values)} values, expected {count}",
            source=str(path),
            where=f"line {val.line}",
        )
    return values


def _parse_dzn(path: Path, text: str, fmt: str) -> TalentInstance:
    stmts = _dzn_statements(path, text)
    if fmt == "rehearsal":
        n = _scalar(path, stmts, "num_pieces")
        m = _scalar(path, stmts, "num_players")
        durations = _array(path, stmts, "duration", n)
        flat = _array(path, stmts, "rehearsal", n * m, (0, 1))
        costs = [1] * m
        matrix_name = "rehearsal"
    else:
        n = _scalar(path, stmts, "numScenes")
        m = _scalar(path, stmts, "numActors")
        flat = _array(path, stmts, "ia", n * m, (0, 1))
        costs = _array(path, stmts, "c", m)
        durations = _array(path, stmts, "d", n)
        matrix_name = "ia"
    masks = [sum(1 << s for s in range(n) if flat[a * n + s]) for a in range(m)]
    inst = _build(
        path, matrix_name, TalentInstance, tuple(durations), tuple(costs), tuple(masks), path.stem
    )
    assert isinstance(inst, TalentInstance)
    return inst
