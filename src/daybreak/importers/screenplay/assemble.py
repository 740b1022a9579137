"""From a parser's element list to a :class:`Screenplay`: scenes, eighths, breakdown."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from daybreak.importers.screenplay import breakdown
from daybreak.importers.screenplay.breakdown import Lexicon
from daybreak.importers.screenplay.model import (
    UNPRINTED,
    ElementKind,
    Mention,
    Scene,
    Screenplay,
    ScriptElement,
)
from daybreak.importers.screenplay.paginate import LETTER, PageSpec, layout, measure

_K = ElementKind
_TEXT_KINDS = (_K.ACTION, _K.SHOT, _K.CENTERED)


@dataclass(frozen=True)
class Parsed:
    """What a parser hands to :func:`assemble`.

    ``stored`` maps a heading's element index to Final Draft's (eighths, page).
    ``positions``/``ends``/``fill``/``lines_per_page`` are real page positions (PDF
    input): the (page, line) where each element starts and ends, how far each page is used,
    and the lines a page holds; without them the script is laid out with ``spec``.
    """

    title_page: dict[str, str]
    elements: list[ScriptElement]
    stored: dict[int, tuple[int | None, int | None]] = field(default_factory=dict)
    positions: list[tuple[int, float]] | None = None
    ends: list[tuple[int, float]] | None = None
    fill: list[float] | None = None
    lines_per_page: float = 55.0
    spec: PageSpec = LETTER


def assemble(
    parsed: Parsed,
    *,
    source: str,
    fmt: str,
    aliases: Mapping[str, str] | None = None,
    lexicon: Lexicon | None = None,
) -> Screenplay:
    """Cut the elements into scenes, measure them and extract the breakdown.

    Text before the first scene heading belongs to no scene.
    """
    lex = lexicon or breakdown.load_lexicon()
    table = {k.strip().upper(): v.strip().upper() for k, v in (aliases or {}).items()}
    elements = parsed.elements
    heads = [i for i, e in enumerate(elements) if e.kind is _K.SCENE_HEADING]
    if parsed.positions is not None and parsed.ends is not None and parsed.fill is not None:
        positions, ends, fill = parsed.positions, parsed.ends, parsed.fill
        per_page = parsed.lines_per_page
    else:
        placed = layout(elements, parsed.spec)
        positions = [(p, float(line)) for p, line in placed.starts]
        ends = [(p, float(line)) for p, line in placed.ends]
        fill = [float(x) for x in placed.fill]
        per_page = float(parsed.spec.lines_per_page)
    pages = len(fill) - 1
    bounds = [*heads, len(elements)]
    spans = [
        (positions[h], max(ends[h : bounds[n + 1]], default=positions[h]))
        for n, h in enumerate(heads)
    ]
    eighths = measure(spans, fill, per_page)

    cues = [breakdown.cue_name(e.text) for e in elements if e.kind is _K.CHARACTER]
    solo = {c for c in cues if c and not breakdown.is_group(c)}
    speaking = {breakdown.alias(c, table) for c in solo}
    for cue in cues:
        speaking.update(breakdown.alias(p, table) for p in breakdown.split_group(cue, solo))
    known = _spellings(speaking, table)

    scenes: list[Scene] = []
    previous_time: str | None = None
    day: str | None = None
    introduced: set[str] = set()
    for number, start in enumerate(heads):
        head = elements[start]
        body = elements[start + 1 : bounds[number + 1]]
        heading = breakdown.parse_heading(head.text, previous_time, lex)
        previous_time = heading.time_effective or previous_time
        day = _story_day(elements, start, body, day)
        scene_cues: dict[str, None] = {}
        speakers_here: dict[str, None] = {}
        for element in body:
            if element.kind is _K.CHARACTER:
                cue = breakdown.cue_name(element.text)
                if cue:
                    scene_cues.setdefault(cue, None)
                    for part in breakdown.split_group(cue, solo):
                        speakers_here.setdefault(breakdown.alias(part, table), None)
        people, found = _mentions(body, lex, known, speakers_here, introduced)
        synopsis = next((e.text for e in body if e.kind is _K.SYNOPSIS), "")
        stored_eighths, stored_page = parsed.stored.get(start, (None, None))
        scenes.append(
            Scene(
                index=number,
                number=head.scene_number,
                heading=heading,
                line=head.line,
                page=head.page if head.page is not None else positions[start][0],
                eighths=eighths[number],
                eighths_stored=stored_eighths,
                page_stored=stored_page,
                story_day=day,
                characters=tuple(speakers_here),
                cues=tuple(scene_cues),
                non_speaking=tuple(people),
                elements=tuple(found),
                synopsis=synopsis,
                body=tuple(body),
            )
        )
    return Screenplay(
        source=source,
        format=fmt,
        title_page=dict(parsed.title_page),
        elements=tuple(elements),
        scenes=tuple(scenes),
        page_count=pages,
        aliases=dict(table),
    )


def _spellings(speaking: set[str], table: Mapping[str, str]) -> dict[str, str]:
    """Every spelling of a speaking character found in action: upper and title case."""
    known: dict[str, str] = {}
    for name in speaking | set(table):
        canonical = breakdown.alias(name, table)
        known[name] = canonical
        if len(name) > 2:
            known[name.title()] = canonical
    return known


def _story_day(
    elements: Sequence[ScriptElement], start: int, body: Sequence[ScriptElement], day: str | None
) -> str | None:
    """The story day of the scene at ``start``: marked in its heading, in sections, notes or
    synopses just before it or in its body, else carried over from the previous scene."""
    texts = []
    back = start - 1
    while back >= 0 and elements[back].kind in UNPRINTED:
        texts.append(elements[back].text)
        back -= 1
    texts.reverse()
    texts.append(elements[start].text)
    texts.extend(e.text for e in body if e.kind in UNPRINTED)
    for text in texts:
        found = breakdown.story_day(text)
        if found is not None:
            day = found
    return day


def _mentions(
    body: Sequence[ScriptElement],
    lexicon: Lexicon,
    known: Mapping[str, str],
    speakers: Mapping[str, None],
    introduced: set[str],
) -> tuple[list[Mention], list[Mention]]:
    """Non-speaking characters and element suggestions of one scene, each named once."""
    people: dict[str, Mention] = {}
    found: dict[tuple[str, str], Mention] = {}
    for element in body:
        if element.kind not in _TEXT_KINDS:
            continue
        who, what = breakdown.scan_action(element.text, element.line, lexicon, known)
        for mention in who:
            if mention.name in speakers or mention.name in people:
                continue
            if mention.category == breakdown.NON_SPEAKING:
                if mention.name in introduced:
                    continue
                introduced.add(mention.name)
            people[mention.name] = mention
        for mention in what:
            found.setdefault((mention.category, mention.name), mention)
    return list(people.values()), list(found.values())
