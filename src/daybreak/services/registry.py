"""The talent registry use cases: list entries, link elements to them (by hand or by name).

A registry entry is one performer or one location shared by every production of the
project. An element links to it through ``Element.talent_id``; bookings of linked elements
on one production's board are unavailability on every other production
(:mod:`daybreak.services.bookings`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from daybreak.domain import CategoryKind, Element, Production, new_id
from daybreak.domain.registry import RegistryEntry, RegistryKind
from daybreak.errors import DaybreakError
from daybreak.store import Store
from daybreak.store.registry import Link, element_links, registry_entries, write_links


@dataclass(frozen=True, slots=True)
class LinkMade:
    """One element linked: production, element label, the entry, whether it is new."""

    production: str
    element: str
    entry: RegistryEntry
    created: bool

    def record(self) -> dict[str, Any]:
        return {
            "production": self.production,
            "element": self.element,
            "entry_id": self.entry.id,
            "entry": self.entry.name,
            "kind": self.entry.kind.value,
            "created": self.created,
        }


def registry_kind(production: Production, element: Element) -> RegistryKind | None:
    return RegistryKind.of(production.category(element.category_id).kind)


def shareable(production: Production) -> list[Element]:
    """The elements that may link to the registry: cast members and locations."""
    return production.cast + production.elements_of(CategoryKind.LOCATION)


def find_element(production: Production, text: str) -> Element:
    """A cast member or location by id, label (`1. ANNA`), name, board id or performer."""
    wanted = " ".join(text.split()).casefold()
    found = [
        e
        for e in shareable(production)
        if wanted
        in {
            e.id.casefold(),
            e.label.casefold(),
            e.name.casefold(),
            (e.board_id or "").casefold(),
            " ".join((e.performer or "").split()).casefold(),
        }
    ]
    if len(found) == 1:
        return found[0]
    if not found:
        raise DaybreakError(
            f"no cast member or location {text!r} in {production.name!r}", where="--element"
        )
    labels = ", ".join(e.label for e in found)
    raise DaybreakError(f"{text!r} names several elements ({labels}); use an id", where="--element")


def find_entry(entries: list[RegistryEntry], text: str) -> RegistryEntry | None:
    wanted = " ".join(text.split()).casefold()
    by_id = [e for e in entries if e.id == text]
    if by_id:
        return by_id[0]
    by_name = [e for e in entries if " ".join(e.name.split()).casefold() == wanted]
    if len(by_name) > 1:
        raise DaybreakError(
            f"several registry entries are named {text!r}; use an id", where="--entry"
        )
    return by_name[0] if by_name else None


def link_element(
    store: Store, production: str | None, element: str, entry: str, *, create: bool = False
) -> LinkMade:
    """Link one element to an entry (by id or name); ``create`` makes a new entry so named."""
    prod = store.load(production)
    target = find_element(prod, element)
    kind = registry_kind(prod, target)
    assert kind is not None
    entries = registry_entries(store)
    found = find_entry(entries, entry)
    new: list[RegistryEntry] = []
    if found is None:
        if not create:
            raise DaybreakError(
                f"no registry entry {entry!r}; add --new to create it", where="--entry"
            )
        if not entry.strip():
            raise DaybreakError("the entry name is empty", where="--entry")
        found = RegistryEntry(new_id(), " ".join(entry.split()), kind, created=datetime.now())
        new.append(found)
    elif found.kind is not kind:
        raise DaybreakError(
            f"registry entry {found.name!r} is a {found.kind.value}, "
            f"{target.label!r} is a {kind.value}",
            where="--entry",
        )
    write_links(store, [Link(prod.id, target.id, found.id)], new)
    return LinkMade(prod.name, target.label, found, bool(new))


def unlink_element(store: Store, production: str | None, element: str) -> str:
    """Remove an element's registry link; returns the element's label."""
    prod = store.load(production)
    target = find_element(prod, element)
    write_links(store, [Link(prod.id, target.id, None)])
    return target.label


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


def auto_link(store: Store) -> list[LinkMade]:
    """Link unlinked cast members by performer name.

    A performer name found in two productions or more, or equal to a cast entry's name,
    links to that entry (created when missing). Already linked elements stay as they are.
    """
    entries = [e for e in registry_entries(store) if e.kind is RegistryKind.CAST]
    by_name = {_key(e.name): e for e in entries}
    candidates: dict[str, list[tuple[Production, Element]]] = {}
    for summary in store.productions():
        prod = store.load(summary.id)
        for member in prod.cast:
            if member.performer and member.performer.strip() and member.talent_id is None:
                candidates.setdefault(_key(member.performer), []).append((prod, member))
    linked_elsewhere = {
        (link.talent_id or "") for link in element_links(store)
    }  # an entry already linked somewhere counts as a production
    made: list[LinkMade] = []
    links: list[Link] = []
    new: list[RegistryEntry] = []
    for key, members in sorted(candidates.items()):
        entry = by_name.get(key)
        productions = {prod.id for prod, _ in members}
        if entry is None and len(productions) < 2:
            continue
        if entry is not None and len(productions) < 2 and entry.id not in linked_elsewhere:
            continue
        created = entry is None
        if entry is None:
            name = " ".join((members[0][1].performer or key).split())
            entry = RegistryEntry(new_id(), name, RegistryKind.CAST, created=datetime.now())
            new.append(entry)
        for prod, member in members:
            links.append(Link(prod.id, member.id, entry.id))
            made.append(LinkMade(prod.name, member.label, entry, created))
            created = False
    if links:
        write_links(store, links, new)
    return made


def registry_listing(store: Store) -> list[dict[str, Any]]:
    """Each entry with the elements linked to it (production, element, performer)."""
    entries = registry_entries(store)
    productions = {s.id: store.load(s.id) for s in store.productions()}
    linked: dict[str, list[dict[str, Any]]] = {}
    for link in element_links(store):
        prod = productions.get(link.production_id)
        if prod is None or link.talent_id is None:
            continue
        element = prod.element(link.element_id)
        linked.setdefault(link.talent_id, []).append(
            {
                "production_id": prod.id,
                "production": prod.name,
                "element_id": element.id,
                "element": element.label,
                "performer": element.performer,
            }
        )
    out: list[dict[str, Any]] = [
        {
            "id": e.id,
            "name": e.name,
            "kind": e.kind.value,
            "elements": linked.pop(e.id, []),
        }
        for e in entries
    ]
    for talent_id, elements in sorted(linked.items()):  # links to entries of another project
        out.append({"id": talent_id, "name": None, "kind": None, "elements": elements})
    return out
