#!/usr/bin/env python3
"""The project's command palette: `python3 dev.py demo | test | lint | bench | serve`.

Needs only Python 3.11+ and the package registries. It creates `.venv`, installs daybreak
with its development tools (again only when pyproject.toml changed), and, for the tests,
installs or starts what they need: PostgreSQL, MiniZinc, poppler and Chromium.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PG_URL = os.environ.get("DAYBREAK_TEST_PG_URL", "postgresql://postgres@127.0.0.1:5432/test")
# Debian packages the tests use, by the command that shows each one is there.
SYSTEM_TOOLS = {"pdftotext": "poppler-utils", "minizinc": "minizinc", "chromium": "chromium"}


def run(*args: str | Path, check: bool = True, env: dict[str, str] | None = None) -> int:
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, check=check, env=env).returncode


def ensure_venv() -> None:
    """Create the virtual environment and install daybreak[dev] when pyproject changed."""
    if not (BIN / "python").exists():
        run(sys.executable, "-m", "venv", VENV)
    stamp = VENV / ".installed"
    digest = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == digest:
        return
    run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
    run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", ".[dev]")
    stamp.write_text(digest)


def apt_install(packages: list[str]) -> None:
    if not packages:
        return
    if shutil.which("apt-get") is None:
        sys.exit(f"please install: {', '.join(packages)} (no apt-get on this machine)")
    sudo = [] if os.geteuid() == 0 else ["sudo"]
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    run(*sudo, "apt-get", "update", "-qq", env=env)
    run(*sudo, "apt-get", "install", "-y", "-qq", "--no-install-recommends", *packages, env=env)


def pg_ready() -> bool:
    if shutil.which("pg_isready") is None:
        return False
    probe = subprocess.run(["pg_isready", "-h", "127.0.0.1", "-p", "5432"], capture_output=True)
    return probe.returncode == 0


def ensure_postgres() -> None:
    """A PostgreSQL server on 127.0.0.1:5432: use the running one, else start or install it."""
    if "DAYBREAK_TEST_PG_URL" in os.environ or pg_ready():
        return
    installed_now = shutil.which("pg_ctlcluster") is None
    if installed_now:
        apt_install(["postgresql"])
    clusters = sorted(Path("/etc/postgresql").glob("*/main"))
    if not clusters:
        sys.exit("PostgreSQL is installed but has no cluster named main")
    version = clusters[-1].parent.name
    if installed_now:
        # A fresh install asks for passwords over TCP; the tests connect as on the CI
        # machines: trust on the loopback address only.
        hba = clusters[-1] / "pg_hba.conf"
        hba.write_text("host all all 127.0.0.1/32 trust\n" + hba.read_text())
    run("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "start", check=False)
    for _ in range(30):
        if pg_ready():
            return
        time.sleep(1)
    sys.exit("PostgreSQL did not start on 127.0.0.1:5432")


def ensure_test_tools() -> None:
    apt_install([pkg for tool, pkg in SYSTEM_TOOLS.items() if shutil.which(tool) is None])
    ensure_postgres()


def cmd_demo(args: list[str]) -> int:
    ensure_venv()
    return run(BIN / "daybreak", "demo", *(args or ["--out", "demo-out"]), check=False)


def cmd_lint(_: list[str]) -> int:
    ensure_venv()
    failed = run(BIN / "ruff", "check", "src", "tests", "benchmarks", check=False)
    failed |= run(BIN / "ruff", "format", "--check", "src", "tests", "benchmarks", check=False)
    failed |= run(BIN / "mypy", "src/daybreak", check=False)
    return failed


def cmd_test(args: list[str]) -> int:
    """Lint, type-check, then the whole test suite (against SQLite and PostgreSQL)."""
    ensure_venv()
    ensure_test_tools()
    if cmd_lint([]):
        return 1
    # Strict skips: only the corpus tests may skip (where ../shared is absent).
    env = {**os.environ, "DAYBREAK_TEST_PG_URL": PG_URL, "DAYBREAK_STRICT_SKIPS": "1"}
    return run(BIN / "python", "-m", "pytest", "-n", "2", "--dist", "loadfile", *args,
               check=False, env=env)


def cmd_bench(args: list[str]) -> int:
    ensure_venv()
    ensure_test_tools()
    return run(BIN / "python", "-m", "benchmarks", *args, check=False)


def cmd_serve(args: list[str]) -> int:
    ensure_venv()
    return run(BIN / "daybreak", "serve", *args, check=False)


COMMANDS = {"demo": cmd_demo, "test": cmd_test, "lint": cmd_lint, "bench": cmd_bench,
            "serve": cmd_serve}


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in COMMANDS:
        print(f"usage: python3 dev.py {{{'|'.join(COMMANDS)}}} [args...]")
        return 2
    return COMMANDS[sys.argv[1]](sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
