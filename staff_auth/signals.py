from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import sessions


@receiver(user_logged_in)
def start_session_clock(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        sessions.remember_session(request, user)


@receiver(user_logged_out)
def drop_session_record(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        sessions.forget_session(request)


@receiver(post_save, sender=get_user_model())
def end_sessions_of_deactivated_user(sender, instance, **kwargs):
    """Deactivating a user signs them out everywhere, at once."""
    if not instance.is_active:
        sessions.end_sessions(instance)
