"""daybreak: film and TV production scheduling."""

__version__ = "0.1.0"
