"""``python -m app`` does what the ``tracing-desk`` command does."""

import sys

from app.launcher import main

sys.exit(main())
