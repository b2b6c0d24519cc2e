"""``python -m cachlamhay`` is the ``cachlamhay`` command."""

import sys

from cachlamhay.cli import main

sys.exit(main())
