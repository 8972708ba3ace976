from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from forms_app.cases.mail import bounces

from . import views
from .health import healthz, readyz

# A body that cannot be parsed is a 400, never a 500 (see cms/views.py).
handler400 = "cms.views.bad_request"

# Health checks, admin and documents have no language prefix; every public page does.
urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("readyz", readyz, name="readyz"),
    # Invitation links open before anyone is signed in, so they are not among Wagtail's admin URLs.
    path("admin/invitation/", include("staff_auth.urls")),
    path("admin/", include(wagtailadmin_urls)),
    # Proof-of-work challenges for the public forms (ALTCHA, self-hosted).
    path("altcha/", include("altcha_django.urls")),
    path(".well-known/security.txt", views.security_txt, name="security_txt"),
    path("documents/", include(wagtaildocs_urls)),
    # The mail provider's bounce and complaint webhook (anymail; basic auth, 404 without a secret).
    path("mail/", include((bounces.urlpatterns(), "anymail"))),
]

if settings.BENCH_MODE:  # only cms/settings/bench.py, for `make bench`
    from cms.bench import bare

    urlpatterns += [path("bench/bare/", bare)]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += i18n_patterns(
    # Wagtail's front-end login would be a second, password-only door: closed in every language
    # (WAGTAIL_FRONTEND_LOGIN_URL sends private pages to the admin login instead).
    path("_util/login/", views.not_found),
    path("cases/", include("forms_app.intake.urls")),
    path("", include(wagtail_urls)),
    # Every public URL carries its language, so a shared link shows the language it was sent in.
    prefix_default_language=True,
)
