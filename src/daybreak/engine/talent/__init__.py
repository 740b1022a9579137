"""Talent scheduling: order scenes so that actors wait on set as little as possible."""

from daybreak.engine.talent.instance import TalentInstance
from daybreak.engine.talent.solver import TalentResult, solve_talent

__all__ = ["TalentInstance", "TalentResult", "solve_talent"]
