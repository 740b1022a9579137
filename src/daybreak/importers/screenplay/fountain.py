"""Fountain parser (https://fountain.io/syntax), written for daybreak.

Recognized: title page (with indented multi-line values), scene headings (INT/EXT/EST/
I/E, forced ``.``, scene numbers ``#12A#``), action (forced ``!``, indentation kept),
character cues (forced ``@``, extensions, dual dialogue ``^``), dialogue, parentheticals,
lyrics ``~``, transitions (``... TO:`` and forced ``>``), centered text ``> <``, page breaks
``===``, notes ``[[ ]]``, boneyard ``/* */``, sections ``#``, synopses ``=`` and emphasis
(``*``, ``**``, ``***``, ``_``; markers removed, ``\\*`` escapes kept). CRLF, CR and LF.
"""

from __future__ import annotations

import re
from pathlib import Path

from daybreak.importers.screenplay.model import ElementKind, ScriptElement
from daybreak.importers.screenplay.textio import decode_text, read_bytes, split_lines

_GONE = "\x01"  # marks text removed by boneyard or notes, so line numbers survive

_BONEYARD = re.compile(r"/\*.*?\*/", re.DOTALL)
_NOTE = re.compile(r"\[\[(.*?)\]\]", re.DOTALL)
_HEADING = re.compile(r"^(?:INT\.?/EXT|INT|EXT|EST|I/E|I\./E)(?:\.|\s|$)", re.IGNORECASE)
_SCENE_NUMBER = re.compile(r"\s*#([\w.\-]+)#\s*$")
_TITLE_KEY = re.compile(r"^([A-Za-z][A-Za-z0-9 _-]*):(.*)$")
_PAGE_BREAK = re.compile(r"^={3,}$")
_EMPHASIS = (
    re.compile(r"(?<!\\)\*{3}(?=\S)(.+?)(?<=\S)(?<!\\)\*{3}"),
    re.compile(r"(?<!\\)\*{2}(?=\S)(.+?)(?<=\S)(?<!\\)\*{2}"),
    re.compile(r"(?<!\\)\*(?=\S)(.+?)(?<=\S)(?<!\\)\*"),
    re.compile(r"(?<!\\)_(?=\S)(.+?)(?<=\S)(?<!\\)_"),
)


def plain(text: str) -> str:
    """Remove Fountain emphasis markers and escape backslashes from ``text``."""
    if "*" not in text and "_" not in text:
        return text
    for pattern in _EMPHASIS:
        text = pattern.sub(r"\1", text)
    return text.replace("\\*", "*").replace("\\_", "_")


def read_fountain(path: Path) -> tuple[dict[str, str], list[ScriptElement]]:
    """Read a Fountain file; see :func:`parse_fountain`."""
    return parse_fountain(decode_text(read_bytes(path), str(path)))


def _remove_spans(text: str, notes: list[tuple[int, str]]) -> str:
    """Cut boneyard and notes out of ``text`` keeping every newline (so line numbers hold).

    Notes are collected into ``notes`` as ``(line, text)``.
    """

    def gone(match: re.Match[str]) -> str:
        return _GONE + ("\n" + _GONE) * match.group(0).count("\n")

    def note(match: re.Match[str]) -> str:
        body = match.group(1)
        if re.search(r"\n[ \t]*\n", body.replace("\n  \n", "\n.\n")):
            return match.group(0)  # a blank line ends a note: this was not one
        line = text.count("\n", 0, match.start()) + 1
        notes.append((line, " ".join(body.split())))
        return gone(match)

    text = _BONEYARD.sub(gone, text.replace(_GONE, ""))
    return _NOTE.sub(note, text)


def _title_page(lines: list[str]) -> tuple[dict[str, str], int]:
    """Parse the title page at the top; return it and the index of the first body line."""
    start = 0
    while start < len(lines) and not lines[start].strip():
        start += 1
    first = lines[start] if start < len(lines) else ""
    match = _TITLE_KEY.match(first)
    if match is None or match.group(1).isupper():
        return {}, 0
    page: dict[str, str] = {}
    key = ""
    i = start
    while i < len(lines) and lines[i].strip():
        line = lines[i]
        match = _TITLE_KEY.match(line)
        if match and not line[:1].isspace():
            key = match.group(1).strip().lower()
            page[key] = plain(match.group(2).strip())
        elif key:
            value = plain(line.strip())
            page[key] = f"{page[key]}\n{value}" if page[key] else value
        i += 1
    return page, i


def _is_cue(text: str) -> bool:
    """A character cue: upper case (extensions aside), with a letter, not ending in ':'."""
    name = re.sub(r"\([^)]*\)", "", text).replace("^", "").strip()
    if not name or name.endswith(":") or not any(ch.isalpha() for ch in name):
        return False
    return name == name.upper() and len(name) <= 60


def _heading(text: str) -> tuple[str, str | None]:
    """Split off a trailing ``#number#`` from a heading."""
    match = _SCENE_NUMBER.search(text)
    if match is None:
        return text.strip(), None
    return text[: match.start()].strip(), match.group(1)


def parse_fountain(text: str) -> tuple[dict[str, str], list[ScriptElement]]:
    """Parse Fountain text into its title page and the list of elements, in order."""
    notes: list[tuple[int, str]] = []
    raw = split_lines(_remove_spans(text, notes))
    lines: list[tuple[int, str]] = []
    for number, line in enumerate(raw, start=1):
        if _GONE in line:
            line = line.replace(_GONE, "")
            if not line.strip():
                continue  # entirely boneyard or note: as if the line were not there
        lines.append((number, line.rstrip()))
    title, first = _title_page([line for _, line in lines])
    body = lines[first:]
    out: list[ScriptElement] = []
    n = len(body)
    prev_blank = True
    in_dialogue = False
    dual = False
    action: list[str] = []
    action_line = 0

    def flush() -> None:
        nonlocal action
        if action:
            out.append(ScriptElement(ElementKind.ACTION, plain("\n".join(action)), action_line))
            action = []

    for i, (number, line) in enumerate(body):
        stripped = line.strip()
        next_blank = i + 1 >= n or not body[i + 1][1].strip()
        if not stripped:
            if in_dialogue and line.startswith("  ") and not next_blank:
                out.append(ScriptElement(ElementKind.DIALOGUE, "", number, dual=dual))
                continue
            flush()
            prev_blank, in_dialogue = True, False
            continue
        if _PAGE_BREAK.match(stripped):
            flush()
            out.append(ScriptElement(ElementKind.PAGE_BREAK, "", number))
            prev_blank, in_dialogue = True, False
            continue
        if stripped.startswith("#") and not in_dialogue:
            flush()
            level = len(stripped) - len(stripped.lstrip("#"))
            out.append(
                ScriptElement(ElementKind.SECTION, stripped[level:].strip(), number, level=level)
            )
            prev_blank = True
            continue
        if stripped.startswith("=") and not in_dialogue:
            flush()
            out.append(ScriptElement(ElementKind.SYNOPSIS, plain(stripped[1:].strip()), number))
            prev_blank = True
            continue
        if in_dialogue:
            if stripped.startswith("(") and stripped.endswith(")"):
                kind = ElementKind.PARENTHETICAL
            elif stripped.startswith("~"):
                kind, stripped = ElementKind.LYRIC, stripped[1:].strip()
            else:
                kind = ElementKind.DIALOGUE
            previous = out[-1] if out else None
            if (
                kind is ElementKind.DIALOGUE
                and previous is not None
                and previous.kind is ElementKind.DIALOGUE
            ):
                merged = f"{previous.text}\n{plain(stripped)}" if previous.text else plain(stripped)
                out[-1] = ScriptElement(ElementKind.DIALOGUE, merged, previous.line, dual=dual)
            else:
                out.append(ScriptElement(kind, plain(stripped), number, dual=dual))
            continue
        element = _classify(stripped, number, prev_blank, next_blank)
        if element is None:
            if not action:
                action_line = number
            forced = stripped.startswith("!")
            action.append(line.lstrip()[1:] if forced else line.replace("\t", "    "))
            prev_blank = False
            continue
        flush()
        out.append(element)
        if element.kind is ElementKind.CHARACTER:
            in_dialogue, dual = True, element.dual
        prev_blank = False
    flush()
    for line_number, note in notes:
        out.append(ScriptElement(ElementKind.NOTE, note, line_number))
    out.sort(key=lambda element: element.line)
    return title, out


def _classify(
    stripped: str, number: int, prev_blank: bool, next_blank: bool
) -> ScriptElement | None:
    """Classify one non-dialogue line; ``None`` means action."""
    head = stripped[:1]
    if head == "!":
        return None
    if head == "@" and len(stripped) > 1:
        dual = stripped.endswith("^")
        name = stripped[1:].rstrip("^").strip()
        return ScriptElement(ElementKind.CHARACTER, plain(name), number, dual=dual)
    if head == "~":
        return ScriptElement(ElementKind.LYRIC, plain(stripped[1:].strip()), number)
    if head == ">":
        if stripped.endswith("<") and len(stripped) > 1:
            return ScriptElement(ElementKind.CENTERED, plain(stripped[1:-1].strip()), number)
        return ScriptElement(ElementKind.TRANSITION, plain(stripped[1:].strip()), number)
    if not prev_blank:
        return None
    if head == "." and len(stripped) > 1 and (stripped[1].isalnum() or stripped[1] in "'\"("):
        text, scene_number = _heading(stripped[1:])
        return ScriptElement(ElementKind.SCENE_HEADING, plain(text), number, scene_number)
    if _HEADING.match(stripped):
        text, scene_number = _heading(stripped)
        return ScriptElement(ElementKind.SCENE_HEADING, plain(text), number, scene_number)
    if next_blank and stripped.endswith("TO:") and stripped == stripped.upper():
        return ScriptElement(ElementKind.TRANSITION, stripped, number)
    if not next_blank and _is_cue(stripped):
        dual = stripped.endswith("^")
        return ScriptElement(
            ElementKind.CHARACTER, plain(stripped.rstrip("^").strip()), number, dual=dual
        )
    return None
