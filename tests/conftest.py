"""Shared fixtures: the bundled example articles and a loaded pipeline."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


@pytest.fixture(scope="session")
def clean_text() -> str:
    return (EXAMPLES / "clean-khartoum-talks.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def degraded_text() -> str:
    return (EXAMPLES / "degraded-khartoum-talks.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def clean_analysis(clean_text):
    import dateline

    return dateline.read(clean_text, published="2024-06-11")


@pytest.fixture(scope="session")
def degraded_analysis(degraded_text):
    import dateline

    return dateline.read(degraded_text)


@pytest.fixture(scope="module")
def gazetteer():
    """The place gazetteer (built on first use)."""
    from dateline.places.gazetteer import get_gazetteer

    return get_gazetteer()


@pytest.fixture
def no_place_bias():
    """Place tests start and end with no country bias configured."""
    from dateline.places import configure

    configure(bias_countries=[])
    yield
    configure(bias_countries=[])
