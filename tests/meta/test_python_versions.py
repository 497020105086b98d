"""The supported Python range is stated once in spirit: pyproject's requires-python and classifiers,
the README and .ci/run (which tests every classifier version) must agree."""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = (ROOT / "pyproject.toml").read_text(encoding="utf-8")


def _classifier_versions() -> list[tuple[int, int]]:
    found = re.findall(r'"Programming Language :: Python :: 3\.(\d+)"', PYPROJECT)
    return [(3, int(minor)) for minor in found]


def test_classifiers_are_the_requires_python_range() -> None:
    versions = _classifier_versions()
    assert versions, "pyproject.toml names no supported Python versions"
    low, high = re.search(r'requires-python = ">=3\.(\d+),<3\.(\d+)"', PYPROJECT).groups()
    expected = [(3, minor) for minor in range(int(low), int(high))]
    assert versions == expected


def test_the_running_python_is_supported() -> None:
    assert sys.version_info[:2] in _classifier_versions()


def test_readme_states_the_tested_range() -> None:
    versions = _classifier_versions()
    first, last = versions[0], versions[-1]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"Python {first[0]}.{first[1]}–{last[0]}.{last[1]}" in readme


def test_ci_reads_the_versions_from_the_classifiers() -> None:
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "Programming Language :: Python :: " in ci
    assert "not on this machine" in ci  # a missing version fails the run
