"""Benchmarks run by one command each (``python -m benchmarks.<suite>``)."""
