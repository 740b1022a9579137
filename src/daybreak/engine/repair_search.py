"""The local search of :mod:`daybreak.engine.repair`: relocations of units (scenes shot
together), scored by (broken rules + eighths over capacity, cost + stability) through the
evaluator's incremental path (:class:`~daybreak.engine.evaluate.DeltaEvaluator`)."""

from __future__ import annotations

import random
import time
from collections.abc import Mapping

from daybreak.engine.evaluate import DeltaEvaluator, evaluate
from daybreak.engine.problem import ProblemData
from daybreak.engine.schedule import Schedule

EPS = 1e-6
EJECT_DEPTH = 2  # units moved after the first one in an ejection chain
SWAP_DAYS = 8  # days nearer a moved unit's old day that a swap tries


class RepairSearch:
    """Relocations of units (scenes shot together) scored by (broken rules, combined)."""

    def __init__(
        self,
        data: ProblemData,
        unit_of: tuple[int, ...],
        days: list[list[int]],
        was: Mapping[int, int],
        weight: float,
        frozen: set[int],
        seed: int,
    ) -> None:
        self.data = data
        self.rng = random.Random(seed)
        self.frozen = frozen
        self.weight = weight
        self.was = was
        self.members: dict[int, list[int]] = {}
        for s, u in enumerate(unit_of):
            self.members.setdefault(u, []).append(s)
        self.unit_of = unit_of
        self.ev = DeltaEvaluator(data, Schedule.of(days))
        allowed = [set(a) for a in data.allowed]
        self.targets: dict[int, list[int]] = {}
        for u, scenes in self.members.items():
            ok = set.intersection(*(allowed[s] for s in scenes)) - frozen
            self.targets[u] = sorted(ok)
        self.movable = [
            u
            for u, scenes in self.members.items()
            if self.targets[u] and not any(self.ev.day_of[s] in frozen for s in scenes)
        ]
        self.stab = sum(self._stab(s, self.ev.day_of[s]) for s in range(data.num_scenes))
        self.touched: set[int] = set()  # days a move changed
        self.moved_cast: set[int] = set()  # performers of moved units

    def _stab(self, s: int, d: int) -> float:
        before = self.was.get(s)
        if before is None or d < 0 or d == before:
            return 0.0
        return self.weight * (1 + abs(d - before))

    @property
    def penalty(self) -> int:
        """Broken rules, plus the eighths above capacity (one overfull day is not one
        problem whatever it holds)."""
        return self.ev.penalty + self.ev.overflow

    def score(self) -> tuple[int, float]:
        return self.penalty, self.ev.cost + self.stab

    def schedule(self) -> Schedule:
        return self.ev.schedule()

    # a move: unit u to day d -------------------------------------------------------
    def _rewrite(self, u: int, d: int) -> tuple[dict[int, list[int]], float]:
        scenes = self.members[u]
        block = set(scenes)
        days = self.ev.days
        new: dict[int, list[int]] = {}
        stab = 0.0
        for s in scenes:
            src = self.ev.day_of[s]
            stab += self._stab(s, d) - self._stab(s, src)
            if src >= 0 and src not in new:
                new[src] = [x for x in days[src] if x not in block]
        target = new.get(d, days[d])
        new[d] = self._insert([x for x in target if x not in block], scenes)
        return new, stab

    def _insert(self, day: list[int], block: list[int]) -> list[int]:
        """``day`` with ``block`` after the last scene on its set (else at its place, else
        at the end of the day's day work)."""
        data = self.data
        first = block[0]
        pos = max(
            (i + 1 for i, s in enumerate(day) if data.set_of[s] == data.set_of[first]), default=-1
        )
        if pos < 0 and data.place_of[first] >= 0:
            pos = max(
                (i + 1 for i, s in enumerate(day) if data.place_of[s] == data.place_of[first]),
                default=-1,
            )
        if pos < 0:
            pos = len(day)
            if not data.night[first]:
                pos = next((i for i, s in enumerate(day) if data.night[s]), len(day))
        return day[:pos] + block + day[pos:]

    def apply(self, u: int, d: int) -> None:
        new, stab = self._rewrite(u, d)
        self.ev.replace(new)
        self.stab += stab
        self.touched.update(new)
        self.moved_cast.update(c for s in self.members[u] for c in self.data.scene_cast[s])

    def trial(self, u: int, d: int) -> tuple[int, float]:
        new, stab = self._rewrite(u, d)
        self.ev.replace(new)
        result = (self.penalty, self.ev.cost + self.stab + stab)
        self.ev.undo()
        return result

    def best_move(self, u: int) -> tuple[tuple[int, float], int] | None:
        here = {self.ev.day_of[s] for s in self.members[u]}
        found: tuple[tuple[int, float], int] | None = None
        for d in self.targets[u]:
            if here == {d}:
                continue
            key = self.trial(u, d)
            if found is None or key < found[0]:
                found = (key, d)
        return found

    # phases ----------------------------------------------------------------------
    def place_pending(self) -> None:
        """Every unit with an unplaced scene goes to its best day."""
        pending = [u for u in self.movable if any(self.ev.day_of[s] < 0 for s in self.members[u])]
        pending.sort(key=lambda u: (len(self.targets[u]), -len(self.members[u])))
        for u in pending:
            best = self.best_move(u)
            if best is not None:
                self.apply(u, best[1])

    def culprits(self) -> list[int]:
        ev = evaluate(self.data, self.schedule())
        found: dict[int, None] = {}
        movable = set(self.movable)
        for v in ev.violations:
            scenes = v.scenes
            if not scenes and v.days:
                scenes = tuple(s for d in v.days for s in self.ev.days[d])
            for s in scenes:
                u = self.unit_of[s]
                if u in movable:
                    found.setdefault(u)
        return list(found)

    def fix(self, deadline: float) -> None:
        """Fewest moves that lower the number of broken rules, until none is left."""
        while self.penalty > 0 and time.perf_counter() < deadline:
            current = self.score()
            culprits = self.culprits()
            best: tuple[tuple[int, float], int, int] | None = None
            for u in culprits:
                found = self.best_move(u)
                if found is not None and (best is None or found[0] < best[0]):
                    best = (found[0], u, found[1])
            if best is not None and best[0][0] < current[0]:
                self.apply(best[1], best[2])
                continue
            if not self._eject(culprits, current, deadline):
                return

    def _eject(self, culprits: list[int], current: tuple[int, float], deadline: float) -> bool:
        """An ejection chain: move a culprit to a day, then up to two units that now break
        a rule to their best days; taken when the chain lowers the broken rules."""
        options: list[tuple[tuple[int, float], int, int]] = []
        for u in culprits:
            for d in self.targets[u]:
                options.append((self.trial(u, d), u, d))
        options.sort()
        movable = set(self.movable)
        for _, u, d in options[:40]:
            if time.perf_counter() > deadline:
                break
            saved = self._snapshot()
            chain = [(u, d)]
            self.apply(u, d)
            for _step in range(EJECT_DEPTH):
                if self.penalty < current[0]:
                    break
                done = {x for x, _ in chain}
                step: tuple[tuple[int, float], int, int] | None = None
                for v in self.culprits():
                    if v in done or v not in movable:
                        continue
                    found = self.best_move(v)
                    if found is not None and (step is None or found[0] < step[0]):
                        step = (found[0], v, found[1])
                if step is None:
                    break
                self.apply(step[1], step[2])
                chain.append((step[1], step[2]))
            if self.penalty < current[0]:
                return True
            self._restore(saved)
        return False

    def _snapshot(self) -> tuple[list[list[int]], float]:
        return [list(day) for day in self.ev.days], self.stab

    def _restore(self, saved: tuple[list[list[int]], float]) -> None:
        days, stab = saved
        changed = {d: days[d] for d in range(len(days)) if days[d] != self.ev.days[d]}
        if changed:
            self.ev.replace(changed)
        self.stab = stab

    def near(self) -> list[int]:
        """Units the repair touched: on a day it changed, or sharing a moved performer."""
        cast = self.moved_cast
        return [
            u
            for u in self.movable
            if any(
                self.ev.day_of[s] in self.touched or cast.intersection(self.data.scene_cast[s])
                for s in self.members[u]
            )
        ]

    def improve(self, deadline: float) -> None:
        """Relocations near the repair that lower the combined objective without breaking
        a rule (the ripple stays local: the rest of the plan is not re-optimized)."""
        improved = True
        while improved and time.perf_counter() < deadline:
            improved = False
            order = self.near()
            self.rng.shuffle(order)
            for u in order:
                if time.perf_counter() > deadline:
                    return
                current = self.score()
                found = self.best_move(u)
                if found is None:
                    continue
                (pen, cost), d = found
                if pen <= current[0] and cost < current[1] - EPS:
                    self.apply(u, d)
                    improved = True
            if not improved:
                improved = self.swap_back(deadline)

    # swaps: a moved unit trades days with one nearer to where it was ---------------
    def _swap(self, u: int, here: int, v: int, d: int) -> tuple[dict[int, list[int]], float]:
        days = self.ev.days
        mine, theirs = set(self.members[u]), set(self.members[v])
        stab = sum(self._stab(s, d) - self._stab(s, here) for s in self.members[u])
        stab += sum(self._stab(s, here) - self._stab(s, d) for s in self.members[v])
        new = {
            here: self._insert([x for x in days[here] if x not in mine], self.members[v]),
            d: self._insert([x for x in days[d] if x not in theirs], self.members[u]),
        }
        return new, stab

    def swap_back(self, deadline: float) -> bool:
        """Swaps that bring a moved unit nearer its old day: it trades days with a unit on
        a day nearer that one; taken when the combined objective drops and no rule breaks.
        (A moved scene often had to go far only because the days near it were full.)"""
        movable = set(self.movable)
        improved = False
        for u in self.movable:
            scenes = self.members[u]
            home, here = self.was.get(scenes[0]), self.ev.day_of[scenes[0]]
            if home is None or here < 0 or here == home:
                continue
            if any(self.ev.day_of[s] != here for s in scenes):
                continue
            nearer = [d for d in self.targets[u] if abs(d - home) < abs(here - home)]
            nearer.sort(key=lambda d: abs(d - home))
            for d in nearer[:SWAP_DAYS]:
                if time.perf_counter() > deadline:
                    return improved
                current = self.score()
                others = {self.unit_of[s] for s in self.ev.days[d]} & movable
                best: tuple[tuple[int, float], int] | None = None
                for v in others:
                    if here not in self.targets[v]:
                        continue
                    if any(self.ev.day_of[s] != d for s in self.members[v]):
                        continue
                    new, stab = self._swap(u, here, v, d)
                    self.ev.replace(new)
                    key = (self.penalty, self.ev.cost + self.stab + stab)
                    self.ev.undo()
                    better = key[0] <= current[0] and key[1] < current[1] - EPS
                    if better and (best is None or key < best[0]):
                        best = (key, v)
                if best is not None:
                    v = best[1]
                    new, stab = self._swap(u, here, v, d)
                    self.ev.replace(new)
                    self.stab += stab
                    self.touched.update(new)
                    for w in (u, v):
                        self.moved_cast.update(
                            c for s in self.members[w] for c in self.data.scene_cast[s]
                        )
                    improved = True
                    break
        return improved
