"""The household register page on a 100,000-household commune.

Prints:
  BENCH register_open_s        open the database and show the register with its first rows painted
  BENCH register_search_ms     search-as-you-type: mean time per query (filter + repaint)
  BENCH register_search_max_ms the slowest query of the typed sequence
  BENCH register_index_s       building the search index (background thread after the first paint)
  BENCH register_sort_s        sorting by score B (database ORDER BY) and repainting
  BENCH register_rss_mb        resident memory with the register open and the index built
  BENCH register_rss_anon_mb   the same without file pages (the database file is memory-mapped by
                               storage for reports; those pages are page cache, not process memory)
  (``*_cpu_*`` lines: the same in CPU time of this process, which other work
  on a busy machine does not inflate; ``register_load_average`` says how busy)
Targets (issue "The commune desktop application", item 2): open <= 1.0 s,
search <= 50 ms per query, memory <= 400 MB.

The demo commune (services.demo.create_demo, seed 1, classified) is made once
in --data-dir (kept, reused next time) or in a temporary folder; the register
is then measured in a fresh process so that making the demo does not count.

Usage: python bench/register_ui.py [--households N] [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

#: typed one key at a time, as an officer would (each prefix is one query)
TYPED = ("nguyen thi", "lan", "035", "hoang van", "tran")


def bench(name: str, value: float, unit: str) -> None:
    print(f"BENCH {name} {value:.3f} {unit}", flush=True)


def rss_mb(field: str = "VmRSS") -> float:
    """Resident memory (``RssAnon``: without file pages mapped from the database)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def make_demo(data_dir: Path, households: int) -> None:
    from desktop_app.services import demo
    from desktop_app.services.classify import classify_round
    from desktop_app.services.register import list_communes
    from desktop_app.storage.database import Database

    db = Database.open(data_dir=data_dir)
    try:
        if list_communes(db):
            return
        t0 = time.perf_counter()
        demo.create_demo(db, households=households, seed=1, classify=classify_round)
        bench("register_demo_create_s", time.perf_counter() - t0, "s")
    finally:
        db.close()


def measure(data_dir: Path) -> None:
    """Run in a fresh process: open, search, sort, memory."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    t_import = time.perf_counter()
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from desktop_app.storage.database import Database
    from desktop_app.ui.register import RegisterPage
    bench("register_import_s", time.perf_counter() - t_import, "s")

    t0, c0 = time.perf_counter(), time.process_time()
    app = QApplication.instance() or QApplication([])
    db = Database.open(data_dir=data_dir, create=False)
    page = RegisterPage(db)
    page.resize(1280, 720)
    page.show()
    app.processEvents()
    page.table.viewport().repaint()
    assert page.model.rowCount() > 0 and page.model.cache, "no rows shown"
    bench("register_open_s", time.perf_counter() - t0, "s")
    bench("register_open_cpu_s", time.process_time() - c0, "s")
    bench("register_rows", page.model.rowCount(), "households")

    t0 = time.perf_counter()
    page.model.build_index(wait=True)
    bench("register_index_s", time.perf_counter() - t0, "s")

    times, cpu = [], []
    for word in TYPED:
        page.search.clear()
        for i in range(1, len(word) + 1):
            page.search.setText(word[:i])
            t, c = time.perf_counter(), time.process_time()
            page._apply_search()  # what the 150 ms debounce timer calls
            app.processEvents()  # layout and paint of the new rows
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
    bench("register_search_ms", 1000 * sum(times) / len(times), "ms")
    bench("register_search_max_ms", 1000 * max(times), "ms")
    bench("register_search_cpu_ms", 1000 * sum(cpu) / len(cpu), "ms")
    bench("register_load_average", os.getloadavg()[0], "processes")
    page.search.clear()
    page._apply_search()

    t0 = time.perf_counter()
    page.table.sortByColumn(6, Qt.SortOrder.DescendingOrder)
    app.processEvents()
    page.table.viewport().repaint()
    bench("register_sort_s", time.perf_counter() - t0, "s")
    bench("register_rss_mb", rss_mb(), "MB")
    bench("register_rss_anon_mb", rss_mb("RssAnon"), "MB")
    db.close()


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--households", type=int, default=100_000)
    ap.add_argument("--data-dir", type=Path, default=None)
    ap.add_argument("--measure", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.measure:
        measure(args.data_dir)
        return 0
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = args.data_dir or Path(tmp)
        make_demo(data_dir, args.households)
        done = subprocess.run([sys.executable, __file__, "--measure", "--data-dir", str(data_dir)], check=False)
        return done.returncode


if __name__ == "__main__":
    sys.exit(main())
