"""The baselines the fan-out figure is compared with, each a server of its own: `python -m bench.baselines.NAME`."""
