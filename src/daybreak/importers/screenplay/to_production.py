"""Map an imported :class:`Screenplay` onto the domain :class:`Production`.

Uses :class:`daybreak.domain.builder.ProductionBuilder`, so every structural value (set,
INT/EXT, time of day, script day) and every cast member or suggested element becomes an
:class:`~daybreak.domain.Element` in its category, and each scene lists element ids.
Suggestions (non-speaking characters, element keywords with their trigger words) are kept
in ``scene.extra["_suggestions"]`` for the AD to confirm.
"""

from __future__ import annotations

from collections.abc import Iterable

from daybreak.domain import Production, parse_int_ext
from daybreak.domain.builder import ProductionBuilder
from daybreak.importers.screenplay.model import Screenplay


def screenplay_to_production(script: Screenplay, *, name: str) -> Production:
    """Build a production whose scenes are the script's scenes, in script order.

    Scenes without a number in the script are numbered 1, 2, 3... in order and marked with
    ``extra["_numbered_by_import"]`` (revision matching then ignores those numbers).
    """
    builder = ProductionBuilder(name)
    production = builder.production
    production.author = script.title_page.get("author") or script.title_page.get("credit")
    production.aliases = dict(script.aliases)
    production.source = f"daybreak screenplay import ({script.format})"
    numbered = any(scene.number for scene in script.scenes)
    for scene in script.scenes:
        heading = scene.heading
        names: dict[str, list[str]] = {}
        for mention in scene.elements:
            names.setdefault(mention.category, []).append(mention.name.upper())
        elements: dict[str, Iterable[str]] = dict(names)
        excerpt = " ".join(e.text for e in scene.body if e.kind.value in ("action", "dialogue"))[
            :400
        ]
        built = builder.scene(
            scene.number if numbered else str(scene.index + 1),
            set_name=heading.set_name,
            int_ext=parse_int_ext(heading.int_ext),
            time_of_day=heading.time_effective or heading.time_written,
            eighths=scene.eighths,
            cast=scene.characters,
            script_day=scene.story_day,
            elements=elements,
            synopsis=scene.synopsis or None,
            heading=heading.text,
            eighths_reference=scene.eighths_stored,
            source_line=scene.line,
            script_page=str(scene.page),
        )
        built.extra.update(
            {
                "_numbered_by_import": not numbered or scene.number is None,
                "_time_written": heading.time_written,
                "_excerpt": excerpt,
                "_suggestions": [
                    {"name": m.name, "category": m.category, "trigger": m.trigger, "line": m.line}
                    for m in (*scene.non_speaking, *scene.elements)
                ],
            }
        )
    builder.script_order_board()
    return builder.build()
