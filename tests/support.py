"""Helpers shared by tests (importable as ``support``)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    env = os.environ.get("CPR_SHARED_DIR")
    return Path(env) if env else REPO.parent / "shared"


def fixture_cases() -> list[dict]:
    return json.loads((shared_dir() / "fixtures" / "classification_cases.json").read_text(encoding="utf-8"))


def run_cli(*args: str, data_dir: Path | None = None, input: str | None = None,
            timeout: float = 300) -> subprocess.CompletedProcess:
    """Run ``python -m desktop_app`` as a user would; returns the completed process."""
    cmd = [sys.executable, "-m", "desktop_app"]
    if data_dir is not None:
        cmd += ["--data-dir", str(data_dir)]
    cmd += list(args)
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    return subprocess.run(cmd, cwd=REPO, capture_output=True, text=True, encoding="utf-8", input=input,
                          timeout=timeout, env=env)
