"""Merge a revised script (a new color revision) into an existing production.

Scenes are matched by script scene number, then (for scenes without one) by heading and
content similarity. A matched scene is updated in place and keeps its id, so strips
already placed on a board stay where they are; a scene new in the revision is added to the
production and reported (the caller puts it in the boneyard); a scene missing from the
revision is marked ``omitted``. :class:`RevisionSummary` counts it all and says it in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from difflib import SequenceMatcher

from daybreak.domain import Element, Production, Scene

_FIELDS = ("number", "heading", "eighths", "synopsis")
_MATCH_THRESHOLD = 0.6


@dataclass(frozen=True)
class SceneChange:
    """A scene updated in place: its id, its number and the fields that changed."""

    scene_id: str
    number: str | None
    fields: tuple[str, ...]


@dataclass
class RevisionSummary:
    """What a revision did: scenes added, changed (with fields), omitted, unchanged."""

    color: str | None = None
    added: list[str] = field(default_factory=list)
    changed: list[SceneChange] = field(default_factory=list)
    omitted: list[str] = field(default_factory=list)
    unchanged: int = 0
    labels: dict[str, str] = field(default_factory=dict)

    @property
    def text(self) -> str:
        """A human-readable account, e.g. ``Blue revision: 1 added (12A), ...``."""

        def names(ids: list[str]) -> str:
            return ", ".join(self.labels.get(i, i) for i in ids)

        head = f"{self.color} revision" if self.color else "Revision"
        parts = [f"{len(self.added)} added" + (f" ({names(self.added)})" if self.added else "")]
        if self.changed:
            detail = "; ".join(
                f"{self.labels.get(c.scene_id, c.scene_id)}: {', '.join(c.fields)}"
                for c in self.changed
            )
            parts.append(f"{len(self.changed)} changed ({detail})")
        else:
            parts.append("0 changed")
        parts.append(
            f"{len(self.omitted)} omitted" + (f" ({names(self.omitted)})" if self.omitted else "")
        )
        parts.append(f"{self.unchanged} unchanged")
        return f"{head}: " + ", ".join(parts) + "."


def _script_number(scene: Scene) -> str | None:
    if scene.extra.get("_numbered_by_import"):
        return None
    return scene.number.strip().upper() if scene.number else None


def _content_key(scene: Scene) -> tuple[str, str]:
    return (scene.heading or "", str(scene.extra.get("_excerpt", "")))


def _words(scene: Scene) -> frozenset[str]:
    return frozenset(str(scene.extra.get("_excerpt", "")).lower().split())


def _similarity(a: Scene, b: Scene, words_a: frozenset[str], words_b: frozenset[str]) -> float:
    """Heading likeness and shared words of the scene text, in 0..1."""
    union = len(words_a | words_b)
    body = len(words_a & words_b) / union if union else 1.0
    if 0.5 + 0.5 * body < _MATCH_THRESHOLD:
        return 0.0
    heading_a, heading_b = a.heading or "", b.heading or ""
    heading = 1.0 if heading_a == heading_b else SequenceMatcher(None, heading_a, heading_b).ratio()
    return 0.5 * heading + 0.5 * body


def _match(old: list[Scene], new: list[Scene]) -> dict[str, Scene]:
    """Old scene id -> matching new scene."""
    pairs: dict[str, Scene] = {}
    by_number = {_script_number(s): s for s in old if _script_number(s)}
    left: list[Scene] = []
    for scene in new:
        number = _script_number(scene)
        target = by_number.pop(number, None) if number else None
        if target is not None:
            pairs[target.id] = scene
        else:
            left.append(scene)
    same: dict[tuple[str, str], list[Scene]] = {}
    for scene in old:
        if scene.id not in pairs:
            same.setdefault(_content_key(scene), []).append(scene)
    unmatched: list[Scene] = []
    for scene in left:
        twins = same.get(_content_key(scene))
        if twins:
            pairs[twins.pop(0).id] = scene
        else:
            unmatched.append(scene)
    left = unmatched
    free = [s for s in old if s.id not in pairs]
    words_old = [_words(o) for o in free]
    words_new = [_words(n) for n in left]
    scored = sorted(
        (
            (_similarity(o, n, words_old[i], words_new[j]), i, j)
            for i, o in enumerate(free)
            for j, n in enumerate(left)
        ),
        reverse=True,
    )
    used_old: set[int] = set()
    used_new: set[int] = set()
    for score, i, j in scored:
        if score < _MATCH_THRESHOLD:
            break
        if i in used_old or j in used_new:
            continue
        used_old.add(i)
        used_new.add(j)
        pairs[free[i].id] = left[j]
    return pairs


def _element_key(production: Production, element: Element) -> tuple[str, str]:
    return (production.category(element.category_id).name.lower(), element.name.upper())


def _changed_categories(production: Production, before: list[str], after: list[str]) -> list[str]:
    """Names of the categories whose elements differ (``cast members``, ``set``, ``props``)."""
    gone, came = set(before) - set(after), set(after) - set(before)
    names = {production.category(production.element(i).category_id).name for i in gone | came}
    return sorted(name.lower() for name in names)


def merge_revision(
    existing: Production, revised: Production, *, color: str | None = None
) -> RevisionSummary:
    """Merge ``revised`` into ``existing`` in place and return the summary.

    New scenes are appended to ``existing.scenes`` (their ids are in ``summary.added``);
    their elements, and any new element of a changed scene, are added to ``existing``.
    """
    old_scenes = [s for s in existing.scenes if not s.is_banner]
    new_scenes = [s for s in revised.scenes if not s.is_banner]
    pairs = _match(old_scenes, new_scenes)
    elements = {_element_key(existing, e): e for e in existing.elements}
    categories = {c.name.lower(): c for c in existing.categories}

    def local_ids(scene: Scene) -> list[str]:
        ids: list[str] = []
        for element_id in scene.element_ids:
            element = revised.element(element_id)
            key = _element_key(revised, element)
            found = elements.get(key)
            if found is None:
                category = categories.get(key[0])
                if category is None:
                    category = revised.category(element.category_id)
                    existing.categories.append(category)
                    categories[key[0]] = category
                element.category_id = category.id
                existing.elements.append(element)
                elements[key] = found = element
            ids.append(found.id)
        return list(dict.fromkeys(ids))

    summary = RevisionSummary(color=color)
    matched_new: set[str] = set()
    for scene in old_scenes:
        summary.labels[scene.id] = scene.number or scene.id
        new = pairs.get(scene.id)
        if new is None:
            if not scene.omitted:
                scene.omitted = True
                summary.omitted.append(scene.id)
            continue
        matched_new.add(new.id)
        ids = local_ids(new)
        changed = [f for f in _FIELDS if getattr(scene, f) != getattr(new, f)]
        changed += _changed_categories(existing, scene.element_ids, ids)
        if scene.omitted:
            changed.append("omitted")
        for name in (*_FIELDS, "eighths_reference", "source_line", "script_page"):
            setattr(scene, name, getattr(new, name))
        scene.element_ids = ids
        scene.omitted = False
        scene.extra.update(new.extra)
        if changed:
            summary.changed.append(SceneChange(scene.id, scene.number, tuple(changed)))
        else:
            summary.unchanged += 1
    taken = {s.id for s in existing.scenes}
    for new in new_scenes:
        if new.id in matched_new:
            continue
        new.element_ids = local_ids(new)
        if new.id in taken:
            new.id = f"{new.id[:16]}{len(existing.scenes):08x}"
        existing.scenes.append(new)
        summary.added.append(new.id)
        summary.labels[new.id] = new.number or new.id
    if color:
        existing.script_color = color
    return summary
