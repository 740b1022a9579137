"""Breakdown elements: categories, cast (with availability), locations, every element."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter, HTTPException, Query, status

from daybreak.api import schemas
from daybreak.api.deps import ProductionDep, ProductionIdDep, StateDep
from daybreak.api.mappers import category_public, element_public
from daybreak.domain import CategoryKind, DateRange, Element, Production, new_id
from daybreak.errors import DaybreakError

router = APIRouter(tags=["elements"])


def _scene_counts(production: Production) -> dict[str, int]:
    counts: dict[str, int] = {}
    for scene in production.scenes:
        for element_id in scene.element_ids:
            counts[element_id] = counts.get(element_id, 0) + 1
    return counts


def _public_list(production: Production, items: list[Element]) -> list[schemas.ElementPublic]:
    categories = {c.id: c for c in production.categories}
    counts = _scene_counts(production)
    return [element_public(e, categories, counts.get(e.id, 0)) for e in items]


@router.get("/productions/{production_id}/categories", response_model=list[schemas.CategoryPublic])
def list_categories(production: ProductionDep) -> list[schemas.CategoryPublic]:
    """The breakdown categories (cast, props, set...)."""
    return [category_public(c) for c in production.categories]


@router.get("/productions/{production_id}/elements", response_model=list[schemas.ElementPublic])
def list_elements(
    production: ProductionDep, category_id: str | None = Query(None, max_length=64)
) -> list[schemas.ElementPublic]:
    """Every breakdown element, or those of one category."""
    items = [e for e in production.elements if category_id in (None, e.category_id)]
    return _public_list(production, items)


@router.get("/productions/{production_id}/cast", response_model=list[schemas.ElementPublic])
def list_cast(production: ProductionDep) -> list[schemas.ElementPublic]:
    """Cast members by board ID, with rates and the dates they are unavailable."""
    return _public_list(production, production.cast)


@router.get("/productions/{production_id}/locations", response_model=list[schemas.ElementPublic])
def list_locations(production: ProductionDep) -> list[schemas.ElementPublic]:
    """Locations (where the unit travels), with their windows and daily costs."""
    return _public_list(production, production.elements_of(CategoryKind.LOCATION))


@router.get(
    "/productions/{production_id}/elements/{element_id}", response_model=schemas.ElementPublic
)
def get_element(production: ProductionDep, element_id: str) -> schemas.ElementPublic:
    """One element."""
    found = [e for e in production.elements if e.id == element_id]
    if not found:
        raise HTTPException(404, f"no element {element_id!r}")
    return _public_list(production, found)[0]


@router.post(
    "/productions/{production_id}/elements",
    response_model=schemas.ElementPublic,
    status_code=status.HTTP_201_CREATED,
)
def create_element(
    state: StateDep, production_id: ProductionIdDep, body: schemas.ElementCreate
) -> schemas.ElementPublic:
    """Add a breakdown element to a category."""
    element_id = new_id()

    def edit(prod: Production) -> None:
        if body.category_id not in {c.id for c in prod.categories}:
            raise DaybreakError(f"no category {body.category_id!r}", where="category_id")
        prod.elements.append(
            Element(
                id=element_id,
                category_id=body.category_id,
                name=body.name.strip(),
                board_id=body.board_id,
                performer=body.performer,
                daily_rate=body.daily_rate,
                notes=body.notes,
            )
        )

    updated = state.edit_production(production_id, edit)
    return _public_list(updated, [updated.element(element_id)])[0]


@router.patch(
    "/productions/{production_id}/elements/{element_id}", response_model=schemas.ElementPublic
)
def update_element(
    state: StateDep,
    production_id: ProductionIdDep,
    production: ProductionDep,
    element_id: str,
    body: schemas.ElementUpdate,
) -> schemas.ElementPublic:
    """Edit an element: name, board ID, performer, rate, notes, unavailable dates."""
    if not any(e.id == element_id for e in production.elements):
        raise HTTPException(404, f"no element {element_id!r}")
    changes = body.model_dump(exclude_unset=True)

    def edit(prod: Production) -> None:
        element = prod.element(element_id)
        for key, value in changes.items():
            if key == "unavailable":
                try:
                    element.availability.unavailable = [
                        DateRange(date.fromisoformat(r["start"]), date.fromisoformat(r["end"]))
                        for r in value or []
                    ]
                except ValueError as exc:
                    raise DaybreakError(str(exc), where="unavailable") from None
            elif key == "name":
                if value is None or not str(value).strip():
                    raise DaybreakError("the name is empty", where="name")
                element.name = str(value).strip()
            else:
                setattr(element, key, value)

    updated = state.edit_production(production_id, edit)
    return _public_list(updated, [updated.element(element_id)])[0]
