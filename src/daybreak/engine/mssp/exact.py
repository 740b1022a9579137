"""Exact movie-shoot scheduling: A* over (set of shot scenes, current location).

The cost of shooting scene ``s`` next depends on the set ``S`` already shot (which
actors are on) and on the current location (a move back to a location left earlier
pays that location's cost once). Precedences only restrict which scenes may come next.

Lower bound of a state: the on-actor bound of talent scheduling (see
:mod:`daybreak.engine.talent.bounds`) plus the cost of every location that was left and
still has scenes (it must be visited again). Dominance: a scene at the current location
that needs exactly the on actors is shot next (moving it there cannot add a location
visit, and no actor's span grows).
"""

from __future__ import annotations

import heapq
import time

from daybreak.engine.mssp.instance import MsspInstance
from daybreak.engine.talent.bounds import OnActorBound, mask_cost_function


class MsspSearch:
    """One A* run on a movie-shoot instance."""

    def __init__(self, inst: MsspInstance, deadline: float | None) -> None:
        self.inst = inst
        self.deadline = deadline
        self.nodes = 0
        self.timed_out = False

    def run(self, ub: int) -> tuple[int, list[int] | None]:
        """Return (lower bound on the optimum, order if one cheaper than ``ub`` was found)."""
        inst = self.inst
        tal = inst.talent
        n = tal.num_scenes
        full = (1 << n) - 1
        sa = tal.scene_actors
        acts = tal.actor_scenes
        d = tal.durations
        c = tal.costs
        mc = mask_cost_function(c)
        preds = inst.predecessors
        sloc = inst.scene_location
        lcost = inst.location_costs
        nloc = len(lcost)
        loc_scenes = [0] * nloc
        for s in range(n):
            loc_scenes[sloc[s]] |= 1 << s
        deadline = self.deadline

        actor_bound = OnActorBound(sa, d, c)

        def bound(scheduled: int, remaining: int, on: int, last: int) -> int:
            h = actor_bound(remaining, on)
            for loc in range(nloc):
                ls = loc_scenes[loc]
                if loc != last and ls & remaining and ls & scheduled:
                    h += lcost[loc]
            return h

        # f, -depth, g, scheduled, last location, on
        heap: list[tuple[int, int, int, int, int, int]] = [(0, 0, 0, 0, -1, 0)]
        best_g: dict[tuple[int, int], int] = {(0, -1): 0}
        parent: dict[tuple[int, int], tuple[int, int, int]] = {}
        pop = heapq.heappop
        push = heapq.heappush
        while heap:
            f, negdepth, g, scheduled, last, on = pop(heap)
            if f >= ub:
                return ub, None
            key = (scheduled, last)
            if g > best_g[key]:
                continue
            if scheduled == full:
                order: list[int] = []
                while key[0]:
                    prev_s, prev_last, s = parent[key]
                    order.append(s)
                    key = (prev_s, prev_last)
                order.reverse()
                return g, order
            self.nodes += 1
            if deadline is not None and time.perf_counter() > deadline:
                self.timed_out = True
                return min(f, ub), None
            remaining = full & ~scheduled
            avail = 0
            q = remaining
            while q:
                low = q & -q
                q ^= low
                if preds[low.bit_length() - 1] & ~scheduled == 0:
                    avail |= low
            if on:
                q = avail
                while q:
                    low = q & -q
                    q ^= low
                    s = low.bit_length() - 1
                    if sa[s] == on and sloc[s] == last:
                        avail = low
                        break
            depth = negdepth - 1
            while avail:
                low = avail & -avail
                avail ^= low
                s = low.bit_length() - 1
                loc = sloc[s]
                step = d[s] * mc(on & ~sa[s])
                if loc != last and loc_scenes[loc] & scheduled:
                    step += lcost[loc]
                g2 = g + step
                if g2 >= ub:
                    continue
                s2 = scheduled | low
                key2 = (s2, loc)
                old = best_g.get(key2)
                if old is not None and old <= g2:
                    continue
                best_g[key2] = g2
                rem2 = remaining ^ low
                on2 = 0
                cand = on | sa[s]
                while cand:
                    b = cand & -cand
                    cand ^= b
                    if acts[b.bit_length() - 1] & rem2:
                        on2 |= b
                f2 = g2 + bound(s2, rem2, on2, loc)
                if f2 >= ub:
                    continue
                parent[key2] = (scheduled, last, s)
                push(heap, (f2, depth, g2, s2, loc, on2))
        return ub, None
