"""Explicit mappers from domain objects to API schemas (and API input onto the domain)."""

from __future__ import annotations

from typing import Any

from daybreak.api import schemas
from daybreak.domain import Board, Calendar, Element, Production, Strip, format_eighths
from daybreak.domain.categories import Category
from daybreak.services.boards import day_summaries


def production_public(production: Production, boards: int) -> schemas.ProductionPublic:
    return schemas.ProductionPublic(
        id=production.id,
        name=production.name,
        scenes=sum(1 for s in production.scenes if not s.is_banner),
        boards=boards,
        company=production.company,
        author=production.author,
        currency=production.costs.currency,
    )


def strip_public(strip: Strip) -> schemas.StripPublic:
    scene = strip.scene
    return schemas.StripPublic(
        id=scene.id,
        number=scene.number,
        kind=scene.kind.value,
        int_ext=strip.int_ext.value if strip.int_ext else None,
        time_of_day=strip.time_of_day,
        night=strip.is_night,
        set=strip.set_name or None,
        location=strip.location.name if strip.location else None,
        eighths=scene.eighths,
        pages=format_eighths(scene.eighths),
        cast_ids=[c.board_id or c.name for c in strip.cast],
        cast=[c.name for c in strip.cast],
        synopsis=scene.synopsis,
        script_day=strip.script_day,
        banner_text=scene.banner_text,
        omitted=scene.omitted,
    )


def scene_public(production: Production, strip: Strip) -> schemas.ScenePublic:
    categories = {c.id: c for c in production.categories}
    elements = {e.id: e for e in production.elements}
    refs = []
    for element_id in strip.scene.element_ids:
        element = elements.get(element_id)
        if element is None:
            continue
        category = categories.get(element.category_id)
        refs.append(
            schemas.ElementRef(
                id=element.id,
                name=element.name,
                category_id=element.category_id,
                category=category.name if category else element.category_id,
                board_id=element.board_id,
            )
        )
    base = strip_public(strip).model_dump()
    return schemas.ScenePublic(
        **base,
        script_page=strip.scene.script_page,
        comments=strip.scene.comments,
        element_ids=list(strip.scene.element_ids),
        elements=refs,
    )


def category_public(category: Category) -> schemas.CategoryPublic:
    return schemas.CategoryPublic(id=category.id, name=category.name, kind=category.kind.value)


def element_public(
    element: Element, categories: dict[str, Category], scenes: int = 0
) -> schemas.ElementPublic:
    category = categories.get(element.category_id)
    availability = element.availability
    return schemas.ElementPublic(
        id=element.id,
        category_id=element.category_id,
        category=category.name if category else element.category_id,
        name=element.name,
        board_id=element.board_id,
        performer=element.performer,
        daily_rate=element.daily_rate,
        notes=element.notes,
        address=element.address,
        daily_cost=element.daily_cost,
        days_off=list(element.days_off),
        unavailable=[
            schemas.DateRangeModel(start=r.start.isoformat(), end=r.end.isoformat())
            for r in availability.unavailable
        ],
        window=(
            schemas.DateRangeModel(
                start=availability.window.start.isoformat(), end=availability.window.end.isoformat()
            )
            if availability.window
            else None
        ),
        scenes=scenes,
    )


def calendar_public(calendar: Calendar) -> schemas.CalendarPublic:
    return schemas.CalendarPublic(
        id=calendar.id,
        name=calendar.name,
        start=calendar.start.isoformat() if calendar.start else None,
        days_off=list(calendar.days_off),
        events=[
            {"id": e.id, "date": e.day.isoformat(), "type": e.type.value, "name": e.name}
            for e in calendar.events
        ],
    )


def board_public(production: Production, board: Board) -> schemas.BoardPublic:
    scenes = {s.id: s for s in production.scenes}
    days = iter(day_summaries(production, board))
    main = board.main
    sections = []
    for section in board.sections:
        groups = []
        for group in section.groups:
            info: dict[str, Any] | None = (
                next(days, None) if group.is_day and section is main else None
            )
            eighths = sum(
                scenes[s].eighths
                for s in group.strip_ids
                if s in scenes and not scenes[s].is_banner
            )
            groups.append(
                schemas.GroupPublic(
                    is_day=group.is_day,
                    day=info["day"] if info else None,
                    date=info["date"] if info else None,
                    eighths=eighths,
                    pages=format_eighths(eighths),
                    strip_ids=list(group.strip_ids),
                )
            )
        sections.append(
            schemas.SectionPublic(
                id=section.id, name=section.name, is_boneyard=section.is_boneyard, groups=groups
            )
        )
    return schemas.BoardPublic(
        id=board.id,
        name=board.name,
        version=board.version,
        calendar_id=board.calendar_id,
        description=board.description,
        sections=sections,
    )


def board_summary(record: dict[str, Any]) -> schemas.BoardSummary:
    return schemas.BoardSummary(
        id=record["id"],
        name=record["name"],
        version=record["version"],
        days=record["days"],
        strips=record["strips"],
        pages=record["pages"],
        boneyard=record["boneyard"],
        calendar=record["calendar"],
        start=record["start"],
        end=record["end"],
    )
