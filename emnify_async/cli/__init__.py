"""The `emnify` command line, built on the async core."""

from ._app import main

__all__ = ["main"]
