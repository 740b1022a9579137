"""Production calendars: start date, weekdays off, holidays and events."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from daybreak.api import schemas
from daybreak.api.deps import ProductionDep
from daybreak.api.mappers import calendar_public

router = APIRouter(tags=["calendars"])


@router.get("/productions/{production_id}/calendars", response_model=list[schemas.CalendarPublic])
def list_calendars(production: ProductionDep) -> list[schemas.CalendarPublic]:
    """Every calendar of the production."""
    return [calendar_public(c) for c in production.calendars]


@router.get(
    "/productions/{production_id}/calendars/{calendar_id}",
    response_model=schemas.CalendarPublic,
)
def get_calendar(production: ProductionDep, calendar_id: str) -> schemas.CalendarPublic:
    """One calendar."""
    for calendar in production.calendars:
        if calendar.id == calendar_id:
            return calendar_public(calendar)
    raise HTTPException(404, f"no calendar {calendar_id!r}")
