"""Tidings' benchmarks: `python -m bench all` runs every figure and rewrites docs/BENCHMARKS.md.

Each figure is a command of its own (`python -m bench fanout | throughput | events | feeds | api`) that prints a
table and writes its results to `bench/results/<figure>.json`; `python -m bench report` redraws the document from
those files. Figures are ratios or side-by-side comparisons taken in the same run: these machines are shared.
"""
