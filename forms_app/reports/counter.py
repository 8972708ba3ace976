"""The public counter of cases ("cases received so far"), for the public site's counter block.

``home`` may not import ``forms_app``: the block finds ``public_counts`` through the setting
``PUBLIC_CASE_COUNTS`` (a dotted path), so this module is the only place that knows how cases are
counted for the public.

Only cases whose claimant agrees to be counted in statistics (now) and that are not withdrawn are
counted; each number is rounded to the nearest 10, and anything below 10 is shown only as "fewer
than 10", so a change of one case does not single a claimant out. The numbers are cached for
``PUBLIC_COUNTER_SECONDS`` (a few minutes): the database is asked at most once per period.
"""

from django.conf import settings
from django.core.cache import cache
from django.db.models import Count

from ..cases.models import Case, CaseType
from .statistics import countable

CACHE_KEY = "public-case-counts:v1"
ROUND_TO = 10


def rounded(count):
    """(number to show, whether it means "fewer than 10"): 0-9 -> (10, True); else to the nearest 10
    (5 rounds up, so 15 -> 20)."""
    if count < ROUND_TO:
        return ROUND_TO, True
    return (count + ROUND_TO // 2) // ROUND_TO * ROUND_TO, False


def exact_counts():
    """{case type: count} of the countable cases - one query."""
    rows = countable(Case.objects.all()).order_by().values_list("case_type").annotate(count=Count("pk"))
    counts = dict.fromkeys(CaseType.values, 0)
    counts.update(dict(rows))
    return counts


def public_counts():
    """{"total": (n, fewer_than), "by_type": [(case type, label, n, fewer_than)]}, rounded; labels
    are lazy, so the block shows them in the page's language though the numbers are cached."""
    counts = cache.get(CACHE_KEY)
    if counts is None:
        counts = exact_counts()
        cache.set(CACHE_KEY, counts, timeout=settings.PUBLIC_COUNTER_SECONDS)
    labels = dict(CaseType.choices)
    return {
        "total": rounded(sum(counts.values())),
        "by_type": [(value, labels[value], *rounded(counts.get(value, 0))) for value in CaseType.values],
    }
