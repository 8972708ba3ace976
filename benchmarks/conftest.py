# The benchmarks run against the same seeded demo site as the tests.
from tests.conftest import _clear_cache, django_db_setup, evidence_dir  # noqa: F401
