"""The synthetic production generator: seeded, sized, every rule kind, always feasible."""

from __future__ import annotations

from daybreak.domain import CategoryKind, RuleKind
from daybreak.engine.compile import compile_problem
from daybreak.engine.explain import precheck
from daybreak.engine.generator import generate_production


def test_same_seed_same_production() -> None:
    """Generation is deterministic for a seed and differs across seeds."""
    a = generate_production("feature", seed=7)
    b = generate_production("feature", seed=7)
    c = generate_production("feature", seed=8)
    assert [s.element_ids for s in a.scenes] == [s.element_ids for s in b.scenes]
    assert [s.element_ids for s in a.scenes] != [s.element_ids for s in c.scenes]


def test_sizes_and_rule_kinds() -> None:
    """Feature and tentpole sizes, every rule kind, availability of every sort."""
    feature = generate_production("feature", seed=1)
    tentpole = generate_production("tentpole", seed=1)
    assert len(feature.scenes) >= 120 and len(feature.cast) >= 25
    assert len(tentpole.scenes) >= 400 and len(tentpole.cast) >= 60
    assert (tentpole.work_rules.max_days or 0) >= 100
    for production in (feature, tentpole):
        production.validate()
        assert {r.kind for r in production.rules} == set(RuleKind)
        cast = production.elements_of(CategoryKind.CAST)
        assert any(c.availability.unavailable for c in cast)
        assert any(c.days_off for c in cast)
        assert any(c.travel_days for c in cast)
        locations = production.elements_of(CategoryKind.LOCATION)
        assert any(loc.availability.window for loc in locations)
        assert production.board().boneyard is not None


def test_generated_problems_pass_the_prechecks() -> None:
    """The planted schedule guarantees no rule clash the pre-checks could find."""
    for seed in range(5):
        data = compile_problem(generate_production("feature", seed=seed))
        assert precheck(data) == []
        assert all(data.allowed)
