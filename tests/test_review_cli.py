"""The ``review`` command line, run as a real subprocess on a demo register."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def cli(data_dir: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "desktop_app", "--data-dir", str(data_dir), *args],
                          cwd=ROOT, env=env, capture_output=True, text=True, encoding="utf-8", timeout=120)


def ok(data_dir: Path, *args: str):
    proc = cli(data_dir, *args)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout) if proc.stdout.strip().startswith(("{", "[")) else proc.stdout


def test_review_round_trip_through_the_command_line(tmp_path: Path):
    data = tmp_path / "data"
    ok(data, "demo", "--households", "60", "--seed", "3")
    text = ok(data, "review", "status")
    assert "Đang làm" in text and "Chưa chốt danh sách" in text

    refused = cli(data, "review", "meeting", "--village", "Khóm 1", "--date", "2025-11-20", "--chair", "A")
    assert refused.returncode == 2 and "chốt danh sách" in refused.stderr

    assert ok(data, "review", "confirm-list")["changed"] == ["review"]
    status = ok(data, "review", "status", "--json")
    assert status["current"] == "meeting"
    villages = sorted({h["village"] for h in status["households"]})
    for village in villages:
        ok(data, "review", "meeting", "--village", village, "--date", "2025-11-20", "--chair", "Trưởng thôn",
           "--secretary", "Thư ký", "--attendance", "28")
    first = status["households"][0]["code"]
    ok(data, "review", "outcome", "--household", first, "--disputed", "--note", "Có xe máy mới")
    bad = cli(data, "review", "posting", "--start", "2025-11-19")
    assert bad.returncode == 2 and "trước ngày họp dân" in bad.stderr
    ok(data, "review", "posting", "--start", "2025-11-21", "--place", "Nhà văn hóa")
    cid = ok(data, "review", "complaint", "--household", first, "--date", "2025-11-24",
             "--content", "Xem lại thu nhập")["complaint_id"]
    status = ok(data, "review", "status", "--json")
    assert status["current"] == "posting"
    assert len([c for c in status["complaints"] if c["result"] is None]) == 2
    for c in status["complaints"]:
        ok(data, "review", "recheck", "--complaint", c["id"], "--date", "2025-11-26", "--kept", "--by", "Tổ phúc tra")
    assert cid in {c["id"] for c in status["complaints"]}

    refused = cli(data, "review", "decide", "--number", "12/QĐ-UBND", "--date", "2025-11-24", "--signer", "B")
    assert refused.returncode == 2 and "ngày quyết định" in refused.stderr
    assert ok(data, "review", "decide", "--number", "12/QĐ-UBND", "--date", "2025-11-28",
              "--signer", "Chủ tịch UBND xã")["changed"] == ["official", "review"]
    ok(data, "review", "certificate", "--auto")
    ok(data, "review", "report")
    status = ok(data, "review", "status", "--json")
    assert status["current"] is None
    official = ok(data, "review", "official")
    assert len(official) == len(status["households"])
    assert all(e["certificate_number"] for e in official if e["category"] in ("poor", "near_poor"))
    assert ok(data, "review", "transitions") == []


def test_unknown_round_is_a_clear_error(tmp_path: Path):
    data = tmp_path / "data"
    ok(data, "demo", "--households", "10", "--seed", "1")
    proc = cli(data, "review", "status", "--round", "nope")
    assert proc.returncode == 2 and "Không tìm thấy đợt rà soát «nope»" in proc.stderr
