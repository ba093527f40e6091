"""``tracing-desk demo``: the application with the local central service, for a demonstration.

Starts the reference central service (``python -m central``) in a background
process on the loopback interface, with its development certificate and a
fresh partner-account token handed over on its standard input. The client is
configured for this process only: the server address, trust in the service's
development CA (and in nothing else), and the token kept in memory (never
written anywhere). The service's files live in ``<data dir>/demo-central``;
it stops when the window closes.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

from app import paths
from app.files import open_append
from app.sync import config as sync_config
from app.sync.transport import HEALTH_PATH, ssl_context

DEMO_DIRNAME = "demo-central"


class DemoError(RuntimeError):
    """The local central service did not start (French message)."""


@dataclass
class DemoCentral:
    process: subprocess.Popen[bytes]
    config: sync_config.SyncConfig

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_demo_central(data_dir: Path | None = None, *, timeout: float = 60.0) -> DemoCentral:
    """Start the local central service and configure this process's sync client for it."""
    base = data_dir or paths.data_dir()
    central_dir = paths.ensure_private_dir(base / DEMO_DIRNAME)
    port = _free_port()
    token = "tdk_" + secrets.token_urlsafe(32)
    # appended through app/files.py: never through a link planted at the log's name
    log_fd = open_append(paths.logs_dir() / "demo-central.log", role="demo central log")
    log_file = os.fdopen(log_fd, "ab")
    env = dict(os.environ)
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "central",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--data-dir",
            str(central_dir),
            "--token-stdin",
            "--exit-with-parent",
        ],
        stdin=subprocess.PIPE,
        stdout=log_file,
        stderr=subprocess.STDOUT,
        env=env,
    )
    log_file.close()
    assert process.stdin is not None
    process.stdin.write((token + "\n").encode())
    process.stdin.close()
    url = f"https://127.0.0.1:{port}"
    ca = central_dir / "tls" / "dev-ca.pem"
    deadline = time.monotonic() + timeout
    while True:
        if process.poll() is not None:
            raise DemoError(
                "Le service central de démonstration n’a pas démarré (voir "
                f"{paths.logs_dir() / 'demo-central.log'})."
            )
        if ca.exists():
            try:
                reply = httpx.get(url + HEALTH_PATH, verify=ssl_context(str(ca)), timeout=2)
                if reply.status_code == 200:
                    break
            except httpx.HTTPError:
                pass
        if time.monotonic() > deadline:
            process.kill()
            raise DemoError("Le service central de démonstration ne répond pas.")
        time.sleep(0.2)
    config = sync_config.SyncConfig(server_url=url, ca_bundle=str(ca), interval_minutes=5)
    sync_config.set_override(config)
    sync_config.set_token_override(url, token)
    return DemoCentral(process, config)
