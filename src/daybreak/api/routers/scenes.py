"""Scenes: the strips and their breakdown sheets (read and edit)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException

from daybreak.api import schemas
from daybreak.api.deps import ProductionDep, ProductionIdDep, StateDep
from daybreak.api.mappers import scene_public, strip_public
from daybreak.domain import Production
from daybreak.errors import DaybreakError

router = APIRouter(tags=["scenes"])


@router.get("/productions/{production_id}/scenes", response_model=list[schemas.StripPublic])
def list_scenes(production: ProductionDep) -> list[schemas.StripPublic]:
    """Every strip (scenes and banners) in script order."""
    strips = production.strips()
    return [strip_public(strips[s.id]) for s in production.scenes_in_script_order()]


@router.get("/productions/{production_id}/scenes/{scene_id}", response_model=schemas.ScenePublic)
def get_scene(production: ProductionDep, scene_id: str) -> schemas.ScenePublic:
    """One breakdown sheet: the strip with every element it needs."""
    if not any(s.id == scene_id for s in production.scenes):
        raise HTTPException(404, f"no scene {scene_id!r}")
    return scene_public(production, production.strip(scene_id))


@router.patch("/productions/{production_id}/scenes/{scene_id}", response_model=schemas.ScenePublic)
def update_scene(
    state: StateDep,
    production_id: ProductionIdDep,
    production: ProductionDep,
    scene_id: str,
    body: schemas.SceneUpdate,
) -> schemas.ScenePublic:
    """Edit a breakdown sheet (number, synopsis, length, elements) in one transaction."""
    if not any(s.id == scene_id for s in production.scenes):
        raise HTTPException(404, f"no scene {scene_id!r}")
    changes = body.model_dump(exclude_unset=True)

    def edit(prod: Production) -> None:
        scene = prod.scene(scene_id)
        known = {e.id for e in prod.elements}
        if "element_ids" in changes:
            ids = changes["element_ids"] or []
            unknown = [i for i in ids if i not in known]
            if unknown:
                raise DaybreakError(f"no element {unknown[0]!r}", where="element_ids")
            if len(set(ids)) != len(ids):
                raise DaybreakError("an element is listed twice", where="element_ids")
        for key, value in changes.items():
            if key == "element_ids":
                scene.element_ids = list(value or [])
            elif key == "eighths":
                scene.eighths = int(value or 0)
            else:
                setattr(scene, key, value)

    updated = state.edit_production(production_id, edit)
    return scene_public(updated, updated.strip(scene_id))
