"""Running the central service: in the foreground (``python -m central``) or in a thread.

:class:`BackgroundServer` runs uvicorn in a thread on a loopback port (tests,
benchmarks, soak script); ``asgi_wrapper`` lets a test put a fault-injecting
middleware in front of the application.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from central.api import create_app
from central.guard import MAX_BODY_BYTES, AuthThrottle
from central.storage import Storage, sqlite_url
from central.tls import DevCertificate, ensure_dev_certificate

DB_FILE = "central.db"


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def default_database_url(data_dir: Path) -> str:
    return sqlite_url(data_dir / DB_FILE)


@dataclass
class ServerSetup:
    storage: Storage
    cert: DevCertificate | None


def prepare(data_dir: Path, database_url: str | None, *, tls: bool) -> ServerSetup:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    storage = Storage(database_url or default_database_url(data_dir))
    cert = ensure_dev_certificate(data_dir / "tls") if tls else None
    return ServerSetup(storage, cert)


def uvicorn_config(
    app: Any, host: str, port: int, cert: DevCertificate | None, *, access_log: bool
) -> uvicorn.Config:
    kwargs: dict[str, Any] = {}
    if cert is not None:
        kwargs = {"ssl_certfile": str(cert.cert), "ssl_keyfile": str(cert.key)}
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        log_level="info" if access_log else "warning",
        access_log=access_log,
        timeout_graceful_shutdown=2,
        **kwargs,
    )


class BackgroundServer:
    """The central service on ``127.0.0.1:<free port>`` in a thread of this process."""

    def __init__(
        self,
        data_dir: Path,
        *,
        database_url: str | None = None,
        tls: bool = True,
        port: int | None = None,
        asgi_wrapper: Callable[[Any], Any] | None = None,
        purge_interval: float | None = None,
        throttle: AuthThrottle | None = None,
        max_body: int = MAX_BODY_BYTES,
    ) -> None:
        setup = prepare(data_dir, database_url, tls=tls)
        self.storage = setup.storage
        self.cert = setup.cert
        self.app = create_app(
            self.storage, purge_interval=purge_interval, throttle=throttle, max_body=max_body
        )
        asgi = asgi_wrapper(self.app) if asgi_wrapper else self.app
        self.port = port or free_port()
        self.url = f"{'https' if tls else 'http'}://127.0.0.1:{self.port}"
        self._server = uvicorn.Server(
            uvicorn_config(asgi, "127.0.0.1", self.port, self.cert, access_log=False)
        )
        self._thread: threading.Thread | None = None

    def start(self, timeout: float = 20.0) -> BackgroundServer:
        self._thread = threading.Thread(target=self._server.run, name="central", daemon=True)
        self._thread.start()
        deadline = time.monotonic() + timeout
        while not self._server.started:
            if not self._thread.is_alive():
                raise RuntimeError("the central service did not start")
            if time.monotonic() > deadline:
                raise TimeoutError("the central service did not start in time")
            time.sleep(0.01)
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._server.should_exit = True
            self._thread.join(15)
            self._thread = None
        self.storage.close()

    def __enter__(self) -> BackgroundServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
