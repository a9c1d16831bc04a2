"""Serve panelkeeper for `make run`: web server, task worker and daily trigger together.

The three run side by side and stop together: on Ctrl-C (or SIGTERM), or as soon as
any one of them exits. The daily trigger runs `panelkeeper daily` at start and then
every hour; it is idempotent, so each day's jobs are enqueued once however often it runs.
"""

from __future__ import annotations

import argparse
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
PANELKEEPER = str(BIN / "panelkeeper")
ADDRESS = ("127.0.0.1", 8000)
DAILY_EVERY_SECONDS = 3600

stopping = threading.Event()


def _daily_loop() -> None:
    while not stopping.is_set():
        subprocess.run([PANELKEEPER, "daily"], cwd=ROOT, check=False, stdout=subprocess.DEVNULL)
        stopping.wait(DAILY_EVERY_SECONDS)


def _wait_until_serving(server: subprocess.Popen[bytes], timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and server.poll() is None:
        try:
            with socket.create_connection(ADDRESS, timeout=0.5):
                return True
        except OSError:
            time.sleep(0.1)
    return False


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sign-ins", type=Path, help="file with the demo sign-ins to print")
    args = parser.parse_args()

    with socket.socket() as probe:
        if probe.connect_ex(ADDRESS) == 0:
            print(f"Something is already listening on {ADDRESS[0]}:{ADDRESS[1]}; stop it first.")
            return 1

    processes = {
        "server": subprocess.Popen(
            [PANELKEEPER, "runserver", f"{ADDRESS[0]}:{ADDRESS[1]}", "--skip-checks"], cwd=ROOT
        ),
        "worker": subprocess.Popen([PANELKEEPER, "worker"], cwd=ROOT),
    }
    threading.Thread(target=_daily_loop, daemon=True).start()

    def stop(signum: int, frame: object) -> None:
        stopping.set()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)

    if _wait_until_serving(processes["server"]):
        print(f"\npanelkeeper is serving http://{ADDRESS[0]}:{ADDRESS[1]}/")
        if args.sign_ins and args.sign_ins.exists():
            print(args.sign_ins.read_text(), end="")
        print("Press Ctrl-C to stop the server, the task worker and the daily trigger.\n")
        sys.stdout.flush()

    status = 0
    while not stopping.is_set():
        for name, process in processes.items():
            if process.poll() is not None:
                print(f"The {name} stopped (exit status {process.returncode}); stopping the rest.")
                status = process.returncode or 1
                stopping.set()
        stopping.wait(0.5)

    for process in processes.values():
        if process.poll() is None:
            process.terminate()
    for process in processes.values():
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
    print("Stopped.")
    return status


if __name__ == "__main__":
    sys.exit(main())
