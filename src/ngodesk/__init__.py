"""ngodesk: an offline catalogue for news collections."""

__version__ = "0.1.0"
