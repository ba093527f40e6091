"""``python -m app`` does what the ``tracing-desk`` command does."""

import sys

from app.cli import main

sys.exit(main())
