"""Rows to domain objects and back. The domain codec writes each entity's `data` column."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from daybreak.domain import Board, Calendar, Category, Element, Production, Scene
from daybreak.domain.codec import from_plain, to_plain
from daybreak.store.tables import (
    BoardRow,
    CalendarRow,
    CategoryRow,
    ElementRow,
    ProductionRow,
    SceneElementRow,
    SceneRow,
)

_LISTS = ("categories", "elements", "scenes", "boards", "calendars")


def production_rows(production: Production) -> list[tuple[type[Any], list[dict[str, Any]]]]:
    """Every row that stores the production, per table, parents before children."""
    pid = production.id
    head = {k: v for k, v in to_plain(production).items() if k not in _LISTS}
    scenes = []
    for i, scene in enumerate(production.scenes):
        data = to_plain(scene)
        data.pop("element_ids")
        scenes.append(
            {
                "production_id": pid,
                "id": scene.id,
                "position": i,
                "number": scene.number,
                "kind": scene.kind.value,
                "eighths": scene.eighths,
                "data": data,
            }
        )
    return [
        (
            ProductionRow,
            [{"id": pid, "name": production.name, "data": head, "updated_at": datetime.now(UTC)}],
        ),
        (
            CategoryRow,
            [
                {
                    "production_id": pid,
                    "id": c.id,
                    "position": i,
                    "name": c.name,
                    "ucid": c.ucid,
                    "data": to_plain(c),
                }
                for i, c in enumerate(production.categories)
            ],
        ),
        (
            ElementRow,
            [
                {
                    "production_id": pid,
                    "id": e.id,
                    "position": i,
                    "category_id": e.category_id,
                    "name": e.name,
                    "data": to_plain(e),
                    "talent_id": e.talent_id,
                }
                for i, e in enumerate(production.elements)
            ],
        ),
        (
            CalendarRow,
            [
                {
                    "production_id": pid,
                    "id": c.id,
                    "position": i,
                    "name": c.name,
                    "data": to_plain(c),
                }
                for i, c in enumerate(production.calendars)
            ],
        ),
        (SceneRow, scenes),
        (
            SceneElementRow,
            [
                {"production_id": pid, "scene_id": scene.id, "position": j, "element_id": eid}
                for scene in production.scenes
                for j, eid in enumerate(scene.element_ids)
            ],
        ),
        (
            BoardRow,
            [
                {
                    "production_id": pid,
                    "id": b.id,
                    "position": i,
                    "name": b.name,
                    "version": b.version,
                    "data": to_plain(b),
                }
                for i, b in enumerate(production.boards)
            ],
        ),
    ]


def board_row(production_id: str, board: Board, position: int) -> BoardRow:
    return BoardRow(
        production_id=production_id,
        id=board.id,
        position=position,
        name=board.name,
        version=board.version,
        data=to_plain(board),
    )


def production_from_rows(
    head: ProductionRow,
    categories: list[Any],
    elements: list[Any],
    scenes: list[Any],
    links: list[Any],
    calendars: list[Any],
    boards: list[Any],
) -> Production:
    """The production from its rows (ORM instances or Core rows: read by column name)."""
    element_ids: dict[str, list[str]] = {}
    for link in sorted(links, key=lambda r: (r.scene_id, r.position)):
        element_ids.setdefault(link.scene_id, []).append(link.element_id)
    data = dict(head.data)
    data["categories"] = [r.data for r in _ordered(categories)]
    data["elements"] = [r.data for r in _ordered(elements)]
    data["calendars"] = [r.data for r in _ordered(calendars)]
    data["scenes"] = [
        {**r.data, "element_ids": element_ids.get(r.id, [])} for r in _ordered(scenes)
    ]
    data["boards"] = [{**r.data, "version": r.version} for r in _ordered(boards)]
    return from_plain(Production, data)


def board_from_row(row: BoardRow) -> Board:
    return from_plain(Board, {**row.data, "version": row.version})


def _ordered(rows: list[Any]) -> list[Any]:
    return sorted(rows, key=lambda r: r.position)


__all__ = [
    "Board",
    "Calendar",
    "Category",
    "Element",
    "Scene",
    "board_from_row",
    "board_row",
    "production_from_rows",
    "production_rows",
]
