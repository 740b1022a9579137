"""Breakdown extraction: heading parts, speaking characters, suggestions from action lines.

The word lists (times of day, upper-case words that are not people, element keywords) are
data in ``daybreak/data/breakdown_keywords.toml``; :func:`load_lexicon` reads that file or
one the user supplies.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

from daybreak.errors import DaybreakError
from daybreak.importers.screenplay.model import Heading, Mention

CAST = "Cast Members"
NON_SPEAKING = "Non-speaking"

_INT_EXT = re.compile(
    r"^\s*(INT\.?\s*/\s*EXT|EXT\.?\s*/\s*INT|INT\.?\s*-\s*EXT|I\s*/\s*E|E\s*/\s*I|I\./E|INT|EXT|EST)"
    r"(?:\.|\s+|$)\s*",
    re.IGNORECASE,
)
_SEPARATOR = re.compile(r"\s+(?:-{1,2}|\u2013|\u2014)\s+|\s*,\s*|\s+-{1,2}$")
_NUMBER_WORDS = {
    "ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5, "SIX": 6, "SEVEN": 7, "EIGHT": 8,
    "NINE": 9, "TEN": 10, "ELEVEN": 11, "TWELVE": 12,
}  # fmt: skip
_STORY_DAY = re.compile(
    r"\b(?:STORY\s+)?DAY\s*#?\s*(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE
)
_EXTENSION = re.compile(r"\([^)]*\)?")
_CONTD = re.compile(r"\b(?:CONT['’]?D|CONTINUED|CONT\.?)(?=\W|$)", re.IGNORECASE)
_GROUP = re.compile(r"\s*(?:&|\+|,|/|\bAND\b)\s*")
_WORD = re.compile(r"[^\s]+")
_POSSESSIVE = re.compile(r"['’]S$")


@dataclass(frozen=True)
class Lexicon:
    """The word lists the extraction uses (see the TOML file for their meaning)."""

    times: dict[str, str]
    not_characters: frozenset[str]
    elements: dict[str, tuple[str, ...]]

    @property
    def element_pattern(self) -> re.Pattern[str]:
        """One regular expression matching every element keyword (plurals included)."""
        return _element_pattern(tuple(sorted({k for ks in self.elements.values() for k in ks})))

    def categories_of(self, keyword: str) -> list[str]:
        """The categories listing ``keyword``."""
        return _categories(self, keyword)


@cache
def _element_pattern(keywords: tuple[str, ...]) -> re.Pattern[str]:
    ordered = sorted(keywords, key=len, reverse=True)
    body = "|".join(re.escape(k).replace(r"\ ", r"\s+") for k in ordered)
    return re.compile(rf"(?<![\w'-])(?:{body})(?:e?s)?(?![\w'-])", re.IGNORECASE)


def _categories(lexicon: Lexicon, keyword: str) -> list[str]:
    return [name for name, words in lexicon.elements.items() if keyword in words]


def load_lexicon(path: Path | None = None) -> Lexicon:
    """Read a breakdown lexicon TOML (the packaged default when ``path`` is ``None``)."""
    if path is None:
        return _default_lexicon()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise DaybreakError(f"cannot read the breakdown lexicon: {exc}", source=str(path)) from exc
    return _lexicon_from(data, str(path))


@cache
def _default_lexicon() -> Lexicon:
    text = resources.files("daybreak.data").joinpath("breakdown_keywords.toml").read_text("utf-8")
    return _lexicon_from(tomllib.loads(text), "breakdown_keywords.toml")


def _lexicon_from(data: Mapping[str, object], source: str) -> Lexicon:
    try:
        times = {str(k).upper(): str(v) for k, v in dict(data["time_of_day"]).items()}  # type: ignore[call-overload]
        words = data["not_characters"]["words"]  # type: ignore[index]
        elements = {
            str(name): tuple(str(k).lower() for k in table["keywords"])
            for name, table in dict(data["elements"]).items()  # type: ignore[call-overload]
        }
    except (KeyError, TypeError, ValueError) as exc:
        raise DaybreakError(f"the breakdown lexicon lacks a table: {exc}", source=source) from exc
    return Lexicon(times, frozenset(str(w).upper() for w in words), elements)


def parse_heading(text: str, previous: str | None, lexicon: Lexicon) -> Heading:
    """Split a heading into INT/EXT, set and time of day.

    ``previous`` is the previous scene's effective time, inherited by ``CONTINUOUS``,
    ``LATER``, ``SAME`` and the like.
    """
    clean = " ".join(text.split())
    int_ext: str | None = None
    rest = clean
    match = _INT_EXT.match(clean)
    if match:
        token = re.sub(r"[\s.]", "", match.group(1).upper())
        int_ext = {"INT": "INT", "EXT": "EXT", "EST": "EXT"}.get(token)
        if int_ext is None:
            int_ext = "EXT/INT" if token.startswith("E") else "INT/EXT"
        rest = clean[match.end() :]
    time_written: str | None = None
    parts = _SEPARATOR.split(rest)
    if len(parts) > 1:
        time_written = _time_of(parts[-1], lexicon)
        if time_written is not None:
            rest = rest[: _last_separator(rest)]
    elif int_ext is not None and _time_of(rest, lexicon) is not None and " " not in rest.strip():
        time_written = _time_of(rest, lexicon)
        rest = ""
    effective: str | None = None
    if time_written is not None:
        effective = lexicon.times.get(time_written, time_written)
        if effective == "inherit":
            effective = previous
    set_name = rest.strip(" -–—,.:").strip() or clean
    return Heading(clean, int_ext, set_name, time_written, effective)


def _last_separator(text: str) -> int:
    last = 0
    for match in _SEPARATOR.finditer(text):
        last = match.start()
    return last


def _time_of(segment: str, lexicon: Lexicon) -> str | None:
    """The time-of-day key a heading's last segment names, or ``None``."""
    words = re.sub(r"\([^)]*\)|\[[^\]]*\]", " ", segment).upper().replace(".", " ")
    words = " ".join(words.split())
    if not words:
        return None
    if words in lexicon.times:
        return words
    for key in sorted(lexicon.times, key=len, reverse=True):
        if words.startswith(key + " ") or words.endswith(" " + key):
            return key
    if _STORY_DAY.fullmatch(words):
        return "DAY"
    return None


def story_day(text: str) -> str | None:
    """A story day written in ``text`` (``DAY 2``, ``Day Two``, ``STORY DAY 3``) as ``"2"``."""
    match = _STORY_DAY.search(text)
    if match is None:
        return None
    value = match.group(1).upper()
    return str(_NUMBER_WORDS.get(value, value)).lstrip("0") or "0"


def cue_name(cue: str) -> str:
    """A cue without extensions, ``(CONT'D)``, forcing marks and trailing punctuation."""
    name = _EXTENSION.sub(" ", cue.replace("@", "").replace("^", ""))
    name = _CONTD.sub(" ", name)
    return " ".join(name.split()).strip(" .:;,-").upper()


def split_group(name: str, solo: Iterable[str]) -> list[str]:
    """Split a group cue (``TEX & GIDEON``) when every part is a character speaking alone."""
    if not _GROUP.search(name):
        return [name]
    parts = [p.strip(" .") for p in _GROUP.split(name) if p.strip(" .")]
    known = set(solo)
    if len(parts) > 1 and all(p in known for p in parts):
        return parts
    return [name]


def alias(name: str, aliases: Mapping[str, str]) -> str:
    """The canonical name for ``name`` from the user's alias table (``BOB`` -> ``CYBER BOB``)."""
    return aliases.get(name, name)


def caps_runs(text: str, lexicon: Lexicon) -> list[tuple[str, int]]:
    """Runs of upper-case words in ``text`` that may be names, with their offsets."""
    runs: list[tuple[str, int]] = []
    words: list[str] = []
    start = 0

    def close() -> None:
        while words and words[-1] in lexicon.not_characters:
            words.pop()
        while words and words[0] in lexicon.not_characters:
            words.pop(0)
        name = " ".join(words)
        if name and sum(ch.isalpha() for ch in name) >= 2 and len(words) <= 4:
            runs.append((name, start))
        words.clear()

    for match in _WORD.finditer(text):
        raw = match.group(0)
        token = _POSSESSIVE.sub("", raw.strip("\"“”(),.;:!?*_[]"))
        letters = [ch for ch in token if ch.isalpha()]
        if len(letters) >= 1 and token.upper() == token and (len(letters) > 1 or words):
            if not words:
                start = match.start()
            words.append(token)
            if raw[-1:] in ",.;:!?)\"”" or raw != raw.rstrip("'’s") and _POSSESSIVE.search(raw):
                close()
        elif words:
            close()
    if words:
        close()
    return runs


def scan_action(
    text: str,
    line: int,
    lexicon: Lexicon,
    known: Mapping[str, str],
) -> tuple[list[Mention], list[Mention]]:
    """People and elements mentioned in one action paragraph starting at source ``line``.

    ``known`` maps every spelling of a speaking character (upper case and title case) to
    its canonical name. Returns (people, elements); people are upper-case runs (category
    :data:`NON_SPEAKING`) and known characters (category :data:`CAST`).
    """
    people: list[Mention] = []
    for run, offset in caps_runs(text, lexicon):
        at = line + text.count("\n", 0, offset)
        canonical = known.get(run)
        if canonical is not None:
            people.append(Mention(canonical, CAST, run, at))
        elif run not in lexicon.not_characters:
            people.append(Mention(run, NON_SPEAKING, run, at))
    for spelling, canonical in known.items():
        if spelling.isupper() or spelling not in text:
            continue
        for match in re.finditer(rf"(?<![\w'-]){re.escape(spelling)}(?![\w-])", text):
            people.append(Mention(canonical, CAST, spelling, line + text.count("\n", 0, match.start())))
    elements: list[Mention] = []
    for match in lexicon.element_pattern.finditer(text):
        trigger = match.group(0)
        keyword = _keyword(" ".join(trigger.lower().split()), lexicon)
        at = line + text.count("\n", 0, match.start())
        for category in lexicon.categories_of(keyword):
            elements.append(Mention(keyword, category, trigger, at))
    return people, elements


def _keyword(found: str, lexicon: Lexicon) -> str:
    every = {k for ks in lexicon.elements.values() for k in ks}
    for candidate in (found, found[:-1], found[:-2]):
        if candidate in every:
            return candidate
    return found
