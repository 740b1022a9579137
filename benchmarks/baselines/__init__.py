"""Baseline solvers the talent benchmark compares against."""
