"""Run a server under pyinstrument: `python -m bench.profiled OUTPUT.txt SCRIPT ARGS...`, for finding where a
figure's time goes. SIGUSR1 starts recording, SIGUSR2 stops it and writes the profile (the fan-out client sends
them around the comments it times when run with BENCH_PROFILE=1); figures taken so are not comparable."""

from __future__ import annotations

import runpy
import signal
import sys
from pathlib import Path

from pyinstrument import Profiler


def main() -> None:
    output, script, *args = sys.argv[1:]
    profiler = Profiler(interval=0.0005, async_mode="disabled")

    def start(*_: object) -> None:
        if not profiler.is_running:
            profiler.start()

    def stop(*_: object) -> None:
        if profiler.is_running:
            profiler.stop()
            Path(output).write_text(profiler.output_text(unicode=True, color=False, show_all=False))

    signal.signal(signal.SIGUSR1, start)
    signal.signal(signal.SIGUSR2, stop)
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


if __name__ == "__main__":
    main()
