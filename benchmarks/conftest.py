# The benchmarks measure the demo site's forms (the size real forms have), seeded by the tests' fixture.
import pytest

from tests.conftest import _clear_cache, _demo_seeded, demo_site, evidence_dir  # noqa: F401


@pytest.fixture(autouse=True)
def _demo(demo_site):  # noqa: F811
    return demo_site
