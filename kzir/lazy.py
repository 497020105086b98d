"""A package's public names, each imported from its module on first use (PEP 562).

`kzir.dates` and `kzir.audit` name their interface in one table ({module: names}); a command
that uses one name imports one module (reading stored findings imports none of the checks; the
month table imports no jdatetime).
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # as typing's, without importing typing at run time
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping
    from typing import Any


def exports(package: str, homes: Mapping[str, tuple[str, ...]], namespace: dict[str, Any]
            ) -> tuple[list[str], Callable[[str], Any], Callable[[], list[str]]]:
    """(__all__, __getattr__, __dir__) for `package`, whose names live in the modules `homes`
    lists; a name, once loaded, is kept in the package's `namespace`."""
    home = {name: module for module, names in homes.items() for name in names}

    def getattr_(name: str) -> Any:
        module = home.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    def dir_() -> list[str]:
        return sorted({*namespace, *home})

    return sorted(home), getattr_, dir_
