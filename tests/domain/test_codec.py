"""The domain codec: every production survives to_plain then from_plain unchanged."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings

from daybreak.domain import Production, Rule
from daybreak.domain.codec import from_plain, to_plain
from tests.strategies import productions


@settings(max_examples=40, deadline=None)
@given(productions())
def test_production_round_trips_through_json(production: Production) -> None:
    """Dataclass -> JSON text -> dataclass gives back an equal production."""
    text = json.dumps(to_plain(production))
    assert from_plain(Production, json.loads(text)) == production


def test_wrong_type_names_the_field() -> None:
    """A string where a day number belongs is refused with the field's path."""
    with pytest.raises(TypeError, match=r"Rule\.day: expected an integer"):
        from_plain(Rule, {"id": "r", "kind": "pin_day", "scene_ids": ["a"], "day": "one"})
