"""Allow ``python -m ngodesk``."""

from ngodesk.cli import run

if __name__ == "__main__":  # guarded: import helper processes import this module
    run()
