"""Allow ``python -m ngodesk``."""

import sys

from ngodesk.cli import main

sys.exit(main())
