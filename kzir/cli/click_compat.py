"""Typer 0.26+ bundles its own click as `typer._click`; take its exception types from there.

kzir never imports the separate `click` package (it may not be installed, or may be another
version than the one Typer runs on).
"""

from typer._click.exceptions import ClickException, NoArgsIsHelpError

__all__ = ["ClickException", "NoArgsIsHelpError"]
