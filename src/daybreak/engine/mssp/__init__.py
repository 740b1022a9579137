"""Movie-shoot scheduling: talent scheduling with locations and precedences."""

from daybreak.engine.mssp.instance import MsspInstance
from daybreak.engine.mssp.solver import MsspResult, solve_mssp

__all__ = ["MsspInstance", "MsspResult", "solve_mssp"]
