from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

# Admin and documents have no language prefix; every public page does.
urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
]

if settings.BENCH_MODE:  # only cms/settings/bench.py, for `make bench`
    from cms.bench import bare

    urlpatterns += [path("bench/bare/", bare)]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    path("cases/", include("forms_app.urls")),
    path("", include(wagtail_urls)),
    # Every public URL carries its language, so a shared link shows the language it was sent in.
    prefix_default_language=True,
)
