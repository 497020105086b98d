"""Typer 0.26+ bundles its own click as `typer._click`; take what kzir needs from there.

kzir never imports the separate `click` package (it may not be installed, or may be another
version than the one Typer runs on).
"""

from typer._click.exceptions import ClickException, NoArgsIsHelpError
from typer._click.globals import get_current_context

__all__ = ["ClickException", "NoArgsIsHelpError", "get_current_context"]
