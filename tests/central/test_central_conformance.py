"""The served OpenAPI document is the truth: schemathesis, every check, against the live service.

The service runs over its development TLS (schemathesis is given its CA) with a
token. ``positive_data_acceptance`` is told which documented 4xx are business
answers to schema-valid requests (a reused Idempotency-Key, a UUID in the path
that is not the body's, a fiche refused by the rules: 400/409/413/422); every
other check runs as shipped (no 5xx, documented status codes, bodies, headers,
content types, authentication really enforced).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from central.clock import now
from central.guard import AuthThrottle
from central.server import BackgroundServer
from tests.support.central_service import TOKEN

ST = Path(sys.executable).with_name("st")

CONFIG = """\
[checks.positive_data_acceptance]
expected-statuses = [200, 201, 400, 401, 404, 409, 413, 422, 429]
"""


@pytest.mark.skipif(
    not ST.exists(), reason="schemathesis is not installed (pip install -e '.[dev]')"
)
def test_schemathesis_finds_nothing(tmp_path: Path) -> None:
    # Schemathesis tries wrong tokens on purpose: the throttle must not lock it out.
    throttle = AuthThrottle(max_failures=1_000_000)
    with BackgroundServer(tmp_path / "central", throttle=throttle) as server:
        server.storage.add_account(TOKEN, "schemathesis", now())
        assert server.cert is not None
        config = tmp_path / "schemathesis.toml"
        config.write_text(CONFIG, encoding="utf-8")
        run = subprocess.run(
            [
                str(ST),
                "--config-file",
                str(config),
                "--no-color",
                "run",
                f"{server.url}/openapi.json",
                "--checks",
                "all",
                "--max-examples",
                os.environ.get("CENTRAL_SCHEMATHESIS_EXAMPLES", "25"),
                "--seed",
                "20261201",
                "--header",
                f"Authorization: Bearer {TOKEN}",
                "--tls-verify",
                str(server.cert.ca),
                "--request-timeout",
                "20",
            ],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            timeout=900,
            check=False,
        )
    summary = run.stdout[run.stdout.rfind("SUMMARY") :] if "SUMMARY" in run.stdout else run.stdout
    print(summary)
    assert run.returncode == 0, run.stdout[-6000:] + run.stderr[-2000:]
    generated = re.search(r"(\d+) generated", summary)
    assert generated is not None and int(generated.group(1)) >= 50  # it did generate cases
