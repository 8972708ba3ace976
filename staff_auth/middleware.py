from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import reverse
from django_otp import user_has_device

# Admin paths an unverified user may still reach: signing in and out, the 2FA steps themselves, and
# the icon sprite those pages fetch (redirected, the verify page was pasted into itself as "icons").
EXEMPT_ADMIN_PATHS = ("login/", "logout/", "password_reset/", "jsi18n/", "two-factor/", "sprite/")


class RequireTwoFactorMiddleware:
    """Sends a signed-in admin user who has not passed a second factor in this session to verify
    it, or to set it up on first sign-in. Wagtail's own login page stays password-only; this is
    the door behind it. Must come after django_otp's OTPMiddleware."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        redirect_to = self.second_factor_step(request)
        if redirect_to:
            return redirect(f"{reverse(redirect_to)}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)

    def second_factor_step(self, request):
        if not settings.STAFF_2FA_REQUIRED or not request.path.startswith(settings.ADMIN_URL_PREFIX):
            return None
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return None
        if request.path[len(settings.ADMIN_URL_PREFIX) :].startswith(EXEMPT_ADMIN_PATHS):
            return None
        return "staff_auth_verify" if user_has_device(user) else "staff_auth_enrol"
