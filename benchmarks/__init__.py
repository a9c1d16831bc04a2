"""Benchmarks: `make bench` runs every ``bench_*.py`` module here.

Each module has a ``main() -> None`` that prints its own figures. The runner prints
the machine first (CPU model, cores, Python), so figures are never read without it.
Speed is measured here, never asserted in the test suite.
"""
