"""Entry point of the PyInstaller bundle: the ``ngodesk`` console script."""

import multiprocessing

from ngodesk.cli import run

if __name__ == "__main__":
    # Large imports read files in a spawned helper process; in a frozen
    # program that helper is this executable again, and freeze_support()
    # turns it into the helper instead of a second ngodesk.
    multiprocessing.freeze_support()
    run()
