"""Benchmark: the dashboard aggregates of a 100,000-household demo commune.

Creates (once, in ``--data-dir`` or a temporary folder) a classified demo
commune of ``--households`` households, then times
:func:`desktop_app.services.dashboard.load_dashboard` and prints
``BENCH dashboard_load_s <seconds> s`` (best of ``--repeat`` runs; target ≤ 1 s).
The CPU time of each run is printed too: on a busy machine the wall time is
longer than the work itself.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from desktop_app.services.classify import classify_round
from desktop_app.services.dashboard import load_dashboard
from desktop_app.services.demo import create_demo
from desktop_app.services.register import list_communes
from desktop_app.storage.database import Database


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--households", type=int, default=100_000)
    parser.add_argument("--data-dir", type=Path, help="reuse (or create) the demo register here")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        db = Database.open(args.data_dir or Path(tmp) / "data")
        try:
            if not list_communes(db):
                start = time.perf_counter()
                create_demo(db, households=args.households, seed=1, classify=classify_round)
                print(f"demo of {args.households} households made in {time.perf_counter() - start:.1f} s")
            times, cpu = [], []
            for _ in range(args.repeat):
                start, start_cpu = time.perf_counter(), time.process_time()
                d = load_dashboard(db)
                times.append(time.perf_counter() - start)
                cpu.append(time.process_time() - start_cpu)
            print(f"households {d.commune.households}, poor {d.commune.households_by_category['poor']}, "
                  f"runs {', '.join(f'{x:.3f}' for x in times)} s "
                  f"(CPU time of this process {', '.join(f'{x:.3f}' for x in cpu)} s; "
                  f"wall time above CPU time means other processes took the CPU)")
            print(f"BENCH dashboard_load_s {min(times):.3f} s")
        finally:
            db.close()


if __name__ == "__main__":
    main()
