"""The talent registry in the store: entries, and which elements link to them.

A link is an element's `talent_id`, kept in its JSON `data` (so a production saved or
exported carries it) and in the indexed `elements.talent_id` column (for queries). Linking
rewrites only the linked element rows, in one transaction; the rest of each production is
untouched.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from daybreak.domain.codec import from_plain, to_plain
from daybreak.domain.registry import RegistryEntry
from daybreak.errors import DaybreakError
from daybreak.store.store import Store, _reason
from daybreak.store.tables import ElementRow, RegistryRow


@dataclass(frozen=True, slots=True)
class Link:
    """Element `element_id` of production `production_id` is registry entry `talent_id`."""

    production_id: str
    element_id: str
    talent_id: str | None


def registry_entries(store: Store) -> list[RegistryEntry]:
    """Every registry entry, by kind then name."""
    with Session(store.engine) as session:
        rows = session.scalars(select(RegistryRow).order_by(RegistryRow.kind, RegistryRow.name))
        return [from_plain(RegistryEntry, {**r.data, "id": r.id}) for r in rows]


def element_links(store: Store) -> list[Link]:
    """Every linked element of every production."""
    with Session(store.engine) as session:
        rows = session.execute(
            select(ElementRow.production_id, ElementRow.id, ElementRow.talent_id)
            .where(ElementRow.talent_id.is_not(None))
            .order_by(ElementRow.production_id, ElementRow.position)
        ).all()
    return [Link(pid, eid, tid) for pid, eid, tid in rows]


def write_links(
    store: Store, links: Sequence[Link], new_entries: Sequence[RegistryEntry] = ()
) -> None:
    """Add the new entries and set each element's link (None: unlink), in one transaction.

    A link to an entry that neither exists nor is among ``new_entries`` is refused, and so
    is a link naming an element that is not stored; nothing is written then.
    """
    try:
        with Session(store.engine) as session, session.begin():
            for entry in new_entries:
                if session.get(RegistryRow, entry.id) is not None:
                    raise DaybreakError(f"registry entry {entry.id!r} exists already")
                session.add(
                    RegistryRow(
                        id=entry.id, name=entry.name, kind=entry.kind.value, data=to_plain(entry)
                    )
                )
            session.flush()
            for link in links:
                if link.talent_id is not None and session.get(RegistryRow, link.talent_id) is None:
                    raise DaybreakError(f"no registry entry {link.talent_id!r}", where="--entry")
                row = session.get(
                    ElementRow, (link.production_id, link.element_id), with_for_update=True
                )
                if row is None:
                    raise DaybreakError(
                        f"no element {link.element_id!r} in production {link.production_id!r}",
                        where="--element",
                    )
                session.execute(
                    update(ElementRow)
                    .where(
                        ElementRow.production_id == link.production_id,
                        ElementRow.id == link.element_id,
                    )
                    .values(
                        talent_id=link.talent_id, data={**row.data, "talent_id": link.talent_id}
                    )
                )
    except DBAPIError as exc:
        raise DaybreakError(f"could not link: {_reason(exc)}", source=store.name) from None
