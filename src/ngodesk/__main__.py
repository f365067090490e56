"""Allow ``python -m ngodesk``."""

import sys

from ngodesk.cli import main

if __name__ == "__main__":  # guarded: import helper processes import this module
    sys.exit(main())
