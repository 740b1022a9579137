"""Final Draft ``.fdx`` parser (XML), on the standard library's expat.

Paragraphs are read by ``Type`` (Scene Heading, Action, Character, Dialogue, Parenthetical,
Transition, Shot, General, Cast List, Lyrics, New Act, End of Act...), dual dialogue from
``<DualDialogue>``, scene numbers from ``Number``, forced page breaks from
``StartsNewPage``, and Final Draft's own ``<SceneProperties Length="1 3/8" Page="12">``.
The document's page size, margins, element indents and spacing (``PageLayout`` and
``ElementSettings``) shape our own layout when present. Any DTD or entity declaration is
refused (no external entities, no entity expansion).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from xml.parsers import expat

from daybreak.errors import DaybreakError
from daybreak.importers.screenplay.assemble import Parsed
from daybreak.importers.screenplay.model import ElementKind, ScriptElement, parse_eighths
from daybreak.importers.screenplay.paginate import LETTER, PageSpec
from daybreak.importers.screenplay.textio import read_bytes

_K = ElementKind
_TYPES = {
    "scene heading": _K.SCENE_HEADING,
    "action": _K.ACTION,
    "general": _K.ACTION,
    "cast list": _K.ACTION,
    "character": _K.CHARACTER,
    "dialogue": _K.DIALOGUE,
    "parenthetical": _K.PARENTHETICAL,
    "transition": _K.TRANSITION,
    "shot": _K.SHOT,
    "lyrics": _K.LYRIC,
    "new act": _K.CENTERED,
    "end of act": _K.CENTERED,
}


@dataclass
class _Node:
    tag: str
    attrib: dict[str, str]
    line: int
    children: list[_Node] = field(default_factory=list)
    text: list[str] = field(default_factory=list)

    def find(self, tag: str) -> _Node | None:
        return next((c for c in self.children if c.tag == tag), None)

    def all(self, tag: str) -> list[_Node]:
        return [c for c in self.children if c.tag == tag]


def _refuse(*_: object) -> None:
    raise _Refused


class _Refused(Exception):
    """A DTD or entity declaration was found."""


def _tree(data: bytes, source: str) -> _Node:
    parser = expat.ParserCreate()
    parser.SetParamEntityParsing(expat.XML_PARAM_ENTITY_PARSING_NEVER)
    parser.buffer_text = True
    root = _Node("#document", {}, 0)
    stack = [root]

    def start(tag: str, attrib: dict[str, str]) -> None:
        node = _Node(tag, attrib, parser.CurrentLineNumber)
        stack[-1].children.append(node)
        stack.append(node)

    def end(_tag: str) -> None:
        stack.pop()

    def chars(text: str) -> None:
        stack[-1].text.append(text)

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = chars
    parser.StartDoctypeDeclHandler = _refuse
    parser.EntityDeclHandler = _refuse
    parser.ExternalEntityRefHandler = _refuse  # type: ignore[assignment]
    try:
        parser.Parse(data, True)
    except _Refused:
        raise DaybreakError(
            "DTD and entity declarations are not allowed in an FDX file",
            source=source,
            where=f"line {parser.CurrentLineNumber}",
        ) from None
    except expat.ExpatError as exc:
        reason = expat.errors.messages.get(exc.code, "XML error") if exc.code else "XML error"
        raise DaybreakError(
            f"this is not a readable FDX file ({reason})", source=source, where=f"line {exc.lineno}"
        ) from None
    except (ValueError, RecursionError) as exc:
        raise DaybreakError(f"this is not a readable FDX file ({exc})", source=source) from None
    return root


def read_fdx(path: Path) -> Parsed:
    """Read a Final Draft file; see :func:`parse_fdx`."""
    return parse_fdx(read_bytes(path), str(path))


def parse_fdx(data: bytes, source: str = "<fdx>") -> Parsed:
    """Parse FDX bytes into elements, Final Draft's stored lengths and its page layout."""
    if not data.strip():
        raise DaybreakError("the file is empty", source=source)
    document = _tree(data, source)
    root = document.children[0] if document.children else None
    if root is None or root.tag != "FinalDraft":
        raise DaybreakError(
            "this is not a Final Draft document (no <FinalDraft> root)",
            source=source,
            where="line 1",
        )
    content = root.find("Content")
    if content is None:
        raise DaybreakError(
            "the FDX file has no <Content>", source=source, where=f"line {root.line}"
        )
    elements: list[ScriptElement] = []
    stored: dict[int, tuple[int | None, int | None]] = {}
    for paragraph, dual in _paragraphs(content):
        kind = _TYPES.get(paragraph.attrib.get("Type", "").strip().lower(), _K.ACTION)
        text = "".join("".join(t.text) for t in paragraph.all("Text")).replace("\r", "")
        text = text.replace("\t", "    ").strip("\n")
        if paragraph.attrib.get("StartsNewPage") == "Yes":
            elements.append(ScriptElement(_K.PAGE_BREAK, "", paragraph.line))
        if not text.strip():
            continue
        if kind is _K.ACTION and paragraph.attrib.get("Alignment") == "Center":
            kind = _K.CENTERED
        number = paragraph.attrib.get("Number") if kind is _K.SCENE_HEADING else None
        if kind is _K.SCENE_HEADING:
            props = paragraph.find("SceneProperties")
            if props is not None and "Length" in props.attrib:
                page = props.attrib.get("Page", "")
                stored[len(elements)] = (
                    parse_eighths(props.attrib["Length"]),
                    int(page) if page.isdigit() else None,
                )
        elements.append(
            ScriptElement(kind, text.strip() if kind is not _K.ACTION else text, paragraph.line,
                          scene_number=number or None, dual=dual)
        )  # fmt: skip
    return Parsed(_title_page(root), elements, stored=stored, spec=_page_spec(root))


def _paragraphs(content: _Node) -> list[tuple[_Node, bool]]:
    """The paragraphs in order, dual-dialogue ones flattened (second speaker marked)."""
    out: list[tuple[_Node, bool]] = []
    for paragraph in content.all("Paragraph"):
        block = paragraph.find("DualDialogue")
        if block is None:
            out.append((paragraph, False))
            continue
        cues = 0
        for inner in block.all("Paragraph"):
            if inner.attrib.get("Type") == "Character":
                cues += 1
            out.append((inner, cues > 1))
    return out


def _title_page(root: _Node) -> dict[str, str]:
    title = root.find("TitlePage")
    body = title.find("Content") if title is not None else None
    if body is None:
        return {}
    lines = ["".join("".join(t.text) for t in p.all("Text")).strip() for p in body.all("Paragraph")]
    lines = [line for line in lines if line]
    return {"title": lines[0], "text": "\n".join(lines)} if lines else {}


def _number(value: str | None, default: float) -> float:
    try:
        number = float(value) if value is not None else default
    except ValueError:
        return default
    return number if 0 <= number < 1000 else default


def _page_spec(root: _Node) -> PageSpec:
    """Our page spec adjusted to the document's own page size, margins and elements."""
    settings = {
        s.attrib.get("Type", "").lower(): s.find("ParagraphSpec")
        for s in root.all("ElementSettings")
    }
    layout = root.find("PageLayout")
    if layout is None and not settings:
        return LETTER
    spec = LETTER
    if layout is not None:
        size = layout.find("PageSize")
        height = _number(size.attrib.get("Height") if size is not None else None, 11.0)
        spec = PageSpec.for_page(
            height,
            _number(layout.attrib.get("TopMargin"), 72.0),
            _number(layout.attrib.get("BottomMargin"), 72.0),
        )
    widths = dict(spec.widths)
    space = dict(spec.space_before)
    for name, kind in _TYPES.items():
        para = settings.get(name)
        if para is None or name in ("general", "cast list", "new act", "end of act"):
            continue
        left = _number(para.attrib.get("LeftIndent"), -1)
        right = _number(para.attrib.get("RightIndent"), -1)
        if 0 <= left < right:
            widths[kind] = max(10, round((right - left) * 10))
        space[kind] = round(_number(para.attrib.get("SpaceBefore"), 12.0) / 12)
    return PageSpec(lines_per_page=spec.lines_per_page, widths=widths, space_before=space)
