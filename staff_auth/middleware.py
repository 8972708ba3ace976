from urllib.parse import urlencode

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.shortcuts import redirect
from django.urls import reverse

from .devices import has_authenticator
from .forms import SIGN_IN_REFUSED
from .sessions import session_expired

# Admin paths an unverified user may still reach: signing in and out, the second-factor step and
# invitations, and the icon sprite those pages fetch.
EXEMPT_ADMIN_PATHS = (
    "login/",
    "logout/",
    "password_reset/",
    "jsi18n/",
    "two-factor/verify/",
    "invitation/",
    "sprite/",
)


class RequireTwoFactorMiddleware:
    """Sends a signed-in user who has not passed a second factor in this session to verify it,
    before any admin or public page. A user without an authenticator is signed out: enrolment
    happens only through an invitation. Must come after django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self.needs_second_factor(request):
            if has_authenticator(request.user):
                query = urlencode({"next": request.get_full_path()})
                return redirect(f"{reverse('staff_auth_verify')}?{query}")
            logout(request)
            messages.error(request, SIGN_IN_REFUSED)
            return redirect("wagtailadmin_login")
        return self.get_response(request)

    def needs_second_factor(self, request):
        if not settings.STAFF_2FA_REQUIRED:
            return False
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        admin = settings.ADMIN_URL_PREFIX
        return not (request.path.startswith(admin) and request.path[len(admin) :].startswith(EXEMPT_ADMIN_PATHS))


class SessionTimeoutMiddleware:
    """Signs a user out after STAFF_SESSION_IDLE_MINUTES without a request or
    STAFF_SESSION_MAX_HOURS after signing in; the admin then asks them to sign in again."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated and session_expired(request):
            logout(request)
        return self.get_response(request)
