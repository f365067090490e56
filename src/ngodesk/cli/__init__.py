"""The command line: ``ngodesk COMMAND`` (``program``), a module per group
of commands, the same services as the window and no Qt."""

from ngodesk.cli.program import COMMANDS, main, make_parser, run

__all__ = ["COMMANDS", "main", "make_parser", "run"]
