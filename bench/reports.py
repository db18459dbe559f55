"""Benchmarks of the report writers; prints ``BENCH <name> <value> <unit>`` lines.

Usage: ``python bench/reports.py [--out DIR] [--quick]``

* ``village_list_pdf_5000_s`` – village-meeting PDF of 5,000 households (budget 10 s)
* ``excel_export_100k_s`` – full household list of 100,000 households (budget 20 s)
* ``excel_import_10k_s`` – reading and validating a 10,000-household workbook (budget 15 s)
* a few smaller timings for information

``--quick`` divides the sizes by 10 (a smoke run for CI).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.reports import (  # noqa: E402
    read_household_workbook, samples, write_household_list, write_summary_workbook, write_survey_form,
    write_village_meeting_list,
)
from desktop_app.reports.import_columns import COLUMNS, column_label, template_values  # noqa: E402
from desktop_app.reports.xlsx_stream import StreamColumn, StreamSheet, write_xlsx  # noqa: E402


def bench(name: str, budget: float | None, func) -> float:  # noqa: ANN001
    start = time.perf_counter()
    func()
    elapsed = time.perf_counter() - start
    print(f"BENCH {name} {elapsed:.2f} s" + (f"  (budget {budget:g} s)" if budget else ""), flush=True)
    return elapsed


def make_import_file(path: Path, households: int) -> None:
    """A template-shaped workbook of ``households`` valid households (written fast)."""
    columns = [StreamColumn(column_label(c.field, "vi")) for c in COLUMNS]
    rows = (template_values(row) for row in samples.import_rows(households))
    write_xlsx(path, [StreamSheet("Danh sách thành viên", columns, rows, autofilter=False)])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=None, help="keep the files in this folder")
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    scale = 10 if args.quick else 1
    tmp = tempfile.TemporaryDirectory() if args.out is None else None
    out = args.out or Path(tmp.name)
    out.mkdir(parents=True, exist_ok=True)
    suffix = "" if scale == 1 else "_quick"
    n_list, n_export, n_import = 5000 // scale, 100_000 // scale, 10_000 // scale
    failures = []

    meeting = samples.meeting_list(n_list)
    t = bench(f"village_list_pdf_5000_s{suffix}", 10 / scale,
              lambda: write_village_meeting_list(out / "village_meeting_5000.pdf", meeting))
    failures += ["village_list_pdf"] if t > 10 / scale else []

    t = bench(f"excel_export_100k_s{suffix}", 20 / scale, lambda: write_household_list(
        out / "households_100k.xlsx", samples.export_rows(n_export), samples.COMMUNE, "Rà soát định kỳ năm 2025"))
    failures += ["excel_export"] if t > 20 / scale else []

    source = out / "import_10k.xlsx"
    make_import_file(source, n_import)
    result = []
    t = bench(f"excel_import_10k_s{suffix}", 15 / scale, lambda: result.append(read_household_workbook(
        source, known_villages=samples.VILLAGES, commune_code="22246")))
    failures += ["excel_import"] if t > 15 / scale else []
    imported = result[0]
    if len(imported.records) != n_import or imported.errors:
        print(f"import check failed: {len(imported.records)} records, {len(imported.errors)} errors", file=sys.stderr)
        failures.append("excel_import_check")

    bench("summary_workbook_s", None, lambda: write_summary_workbook(out / "summary.xlsx", samples.summary()))
    bench("survey_form_pdf_s", None, lambda: write_survey_form(out / "phieu_b.pdf", samples.survey_form()))
    if tmp is not None:
        tmp.cleanup()
    if failures:
        print("over budget or wrong: " + ", ".join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
