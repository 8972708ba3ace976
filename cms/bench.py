"""The benchmark's reference view (mounted only when settings.BENCH_MODE is on, never in production).

A three-byte response through exactly the same middleware as every page: the practical limit of
this stack on this machine, against which `make bench` states every other throughput.
"""

from django.http import HttpResponse


def bare(request):
    return HttpResponse(b"ok\n", content_type="text/plain")
