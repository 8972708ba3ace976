from django.urls import path
from wagtail import hooks

from . import views


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/verify/", views.verify, name="staff_auth_verify"),
        path("two-factor/set-up/", views.enrol, name="staff_auth_enrol"),
    ]
