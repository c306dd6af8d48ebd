"""Progress of a long build: a tqdm bar per stage on a terminal (count, rate, time left), one plain
line per stage otherwise (logs, CI), nothing with --quiet."""
from __future__ import annotations

import sys
import time
from contextlib import contextmanager
from typing import Iterator


class Progress:
    def __init__(self, mode: str = "auto", stream=None):
        self.stream = stream or sys.stderr
        if mode == "auto":
            mode = "bar" if getattr(self.stream, "isatty", lambda: False)() else "lines"
        self.mode = mode                      # bar | lines | quiet

    @contextmanager
    def stage(self, name: str, total: int | None = None, unit: str = "article") -> Iterator:
        """A stage; the block gets a function `advance(n=1)`."""
        started = time.perf_counter()
        if self.mode == "bar":
            from tqdm import tqdm

            bar = tqdm(total=total, desc=f"{name:<9}", unit=unit, file=self.stream, leave=True,
                       dynamic_ncols=True, disable=False)
            try:
                yield bar.update
            finally:
                bar.close()
            return
        count = [0]

        def advance(n: int = 1) -> None:
            count[0] += n

        try:
            yield advance
        finally:
            if self.mode == "lines":
                seconds = time.perf_counter() - started
                done = f"{count[0]} {unit}s, " if total is not None else ""
                rate = f", {count[0] / seconds:,.0f}/s" if total and seconds > 0 else ""
                print(f"{name}: {done}{seconds:.1f} s{rate}", file=self.stream)
