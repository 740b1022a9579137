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
from functools import cache, cached_property
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
_SEPARATOR = re.compile(r"\s+-{1,2}\s+|\s*-{2,}\s*|\s*[\u2013\u2014]\s*|\s*,\s*|\s+-{1,2}$")
_ASIDE = re.compile(r"^\s*(?:\([^)]*\)|\[[^\]]*\])\s*$")
_NUMBER_WORDS = {
    "ONE": 1, "TWO": 2, "THREE": 3, "FOUR": 4, "FIVE": 5, "SIX": 6, "SEVEN": 7, "EIGHT": 8,
    "NINE": 9, "TEN": 10, "ELEVEN": 11, "TWELVE": 12,
}  # fmt: skip
_STORY_DAY = re.compile(
    r"\b(?:STORY\s+)?DAY\s*#?\s*(\d{1,3}|" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE
)
_EXTENSION = re.compile(r"\([^)]*\)?")
_VOICE = re.compile(r"['’]S VOICE$")
_CONTD = re.compile(r"\b(?:CONT['’]?D|CONTINUED|CONT\.?)(?=\W|$)", re.IGNORECASE)
_GROUP = re.compile(r"\s*(?:&|\+|,|/|\bAND\b)\s*")
_UPPER = "A-Z\u00c0-\u00d6\u00d8-\u00de"
_CAPS = re.compile(
    rf"(?<![\w'’])[{_UPPER}][{_UPPER}0-9'’.&-]*(?:[ \t]+[{_UPPER}0-9][{_UPPER}0-9'’.&-]*)*(?![\w])"
)
_ABBREVIATIONS = frozenset(
    {"DR.", "MR.", "MRS.", "MS.", "ST.", "JR.", "SR.", "LT.", "SGT.", "CPT."}
)
_TOKEN = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


@dataclass(frozen=True)
class Lexicon:
    """The word lists the extraction uses (see the TOML file for their meaning)."""

    times: dict[str, str]
    not_characters: frozenset[str]
    elements: dict[str, tuple[str, ...]]

    @cached_property
    def forms(self) -> dict[str, str]:
        """Every keyword and its plurals (+s, +es), mapped to the keyword."""
        table: dict[str, str] = {}
        for keyword in self.keyword_categories:
            for form in (keyword + "es", keyword + "s", keyword):
                table[form] = keyword
        return table

    @cached_property
    def phrase_starts(self) -> dict[str, int]:
        """First words of multi-word keywords, with the longest such keyword's length."""
        table: dict[str, int] = {}
        for keyword in self.keyword_categories:
            words = keyword.split()
            if len(words) > 1:
                table[words[0]] = max(table.get(words[0], 1), len(words))
        return table

    @cached_property
    def keyword_categories(self) -> dict[str, tuple[str, ...]]:
        """Each keyword with the categories that list it."""
        table: dict[str, list[str]] = {}
        for name, words in self.elements.items():
            for word in words:
                table.setdefault(word, []).append(name)
        return {k: tuple(v) for k, v in table.items()}


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
    cuts = [(m.start(), m.end()) for m in _SEPARATOR.finditer(rest)]
    bounds = [(0, 0), *cuts, (len(rest), len(rest))]
    segments = [rest[bounds[k][1] : bounds[k + 1][0]] for k in range(len(bounds) - 1)]
    for k in range(len(segments) - 1, 0, -1):
        found = _time_of(segments[k], lexicon)
        if found is not None:
            time_written, rest = found, rest[: bounds[k][0]]
            break
        if not _ASIDE.match(segments[k]):
            break  # only asides like (1973) or [THE STORM] may follow the time
    if time_written is None and len(segments) == 1 and int_ext is not None:
        found = _time_of(rest, lexicon)
        if found is not None and " " not in rest.strip():
            time_written, rest = found, ""
    effective: str | None = None
    if time_written is not None:
        effective = lexicon.times.get(time_written, time_written)
        if effective == "inherit":
            effective = previous
    set_name = rest.strip(" -–—,.:").strip() or clean
    return Heading(clean, int_ext, set_name, time_written, effective)


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
    """A cue without extensions, ``(CONT'D)``, forcing marks and trailing punctuation;
    ``REGGIE'S VOICE`` is REGGIE heard off screen, so it becomes ``REGGIE``."""
    name = _EXTENSION.sub(" ", cue.replace("@", "").replace("^", ""))
    name = _CONTD.sub(" ", name)
    name = " ".join(name.split()).strip(" .:;,-").upper()
    return _VOICE.sub("", name) or name


def is_group(name: str) -> bool:
    """Whether a cue names several characters (``TEX & GIDEON``, ``ADAM AND REGGIE``)."""
    return _GROUP.search(name) is not None


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
    """Runs of upper-case words in ``text`` that may be names, with their offsets.

    Words from the lexicon's ``not_characters`` list are trimmed from both ends; a run
    is cut after a word ending a sentence; runs longer than four words are dropped.
    """
    runs: list[tuple[str, int]] = []
    for match in _CAPS.finditer(text):
        words: list[str] = []
        start = match.start()
        for piece in re.finditer(r"\S+", match.group(0)):
            word = piece.group(0)
            if not words:
                start = match.start() + piece.start()
            if word.endswith(".") and word not in _ABBREVIATIONS and "." not in word[:-1]:
                words.append(word[:-1])
                _close(words, start, runs, lexicon)
                words = []
            else:
                words.append(word)
        _close(words, start, runs, lexicon)
    return runs


def _close(words: list[str], start: int, runs: list[tuple[str, int]], lexicon: Lexicon) -> None:
    while words and words[-1] in lexicon.not_characters:
        words.pop()
    while words and words[0] in lexicon.not_characters:
        words.pop(0)
    name = " ".join(words)
    if name and len(words) <= 4 and sum(ch.isalpha() for ch in name) >= 2:
        runs.append((name, start))


def scan_action(
    text: str, line: int, lexicon: Lexicon, known: Mapping[str, str]
) -> tuple[list[Mention], list[Mention]]:
    """People and elements mentioned in one action paragraph starting at source ``line``.

    ``known`` maps every spelling of a speaking character (upper case and title case) to
    its canonical name. Returns (people, elements); people are upper-case runs (category
    :data:`NON_SPEAKING`) and known characters, in any of their spellings (category
    :data:`CAST`).
    """
    people: list[Mention] = []
    for run, offset in caps_runs(text, lexicon):
        at = line + text.count("\n", 0, offset)
        canonical = known.get(run)
        parts = [p for p in _GROUP.split(run) if p] if _GROUP.search(run) else []
        if canonical is not None:
            people.append(Mention(canonical, CAST, run, at))
        elif len(parts) > 1 and all(p in known for p in parts):
            people += [Mention(known[p], CAST, run, at) for p in parts]
        elif run not in lexicon.not_characters:
            people.append(Mention(run, NON_SPEAKING, run, at))
    tokens = list(_TOKEN.finditer(text))
    words = [t.group(0) for t in tokens]
    for i, word in enumerate(words):
        if not word[:1].isupper() or word.isupper():
            continue
        for size in (3, 2, 1):
            phrase = " ".join(words[i : i + size]) if size > 1 else word
            canonical = known.get(phrase)
            if canonical is not None:
                at = line + text.count("\n", 0, tokens[i].start())
                people.append(Mention(canonical, CAST, phrase, at))
                break
    return people, _elements(tokens, text, line, lexicon)


def _elements(tokens: list[re.Match[str]], text: str, line: int, lexicon: Lexicon) -> list[Mention]:
    """Element keywords among the word ``tokens`` of ``text`` (longest phrase first,
    plurals folded)."""
    lower = [t.group(0).lower() for t in tokens]
    forms, starts, table = lexicon.forms, lexicon.phrase_starts, lexicon.keyword_categories
    found: list[Mention] = []
    i = 0
    while i < len(tokens):
        size = min(starts.get(lower[i], 1), len(tokens) - i)
        while size > 0:
            keyword = forms.get(" ".join(lower[i : i + size]) if size > 1 else lower[i])
            if keyword is not None:
                start, end = tokens[i].start(), tokens[i + size - 1].end()
                at = line + text.count("\n", 0, start)
                found += [Mention(keyword, c, text[start:end], at) for c in table[keyword]]
                i += size - 1
                break
            size -= 1
        i += 1
    return found
