"""Ending a user's sessions, and the idle and absolute timeouts."""

import time
from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.utils import timezone

from .models import StaffSession

STARTED = "staff_auth_started"
SEEN = "staff_auth_seen"
# Touch the session at most once a minute, not on every request.
SEEN_RESOLUTION_SECONDS = 60


def session_store():
    return import_module(settings.SESSION_ENGINE).SessionStore


def remember_session(request, user):
    """Called at sign-in: start the clocks and record the session under its (new) key."""
    now = time.time()
    request.session[STARTED] = now
    request.session[SEEN] = now
    if request.session.session_key is None:
        request.session.save()
    StaffSession.objects.update_or_create(session_key=request.session.session_key, defaults={"user": user})
    StaffSession.objects.filter(
        created_at__lt=timezone.now() - timedelta(seconds=settings.SESSION_COOKIE_AGE)
    ).delete()


def forget_session(request):
    if request.session.session_key:
        StaffSession.objects.filter(session_key=request.session.session_key).delete()


def end_sessions(user):
    """Delete every session `user` signed in with; returns how many were recorded."""
    store = session_store()
    records = list(StaffSession.objects.filter(user=user))
    for record in records:
        store(session_key=record.session_key).delete()
    StaffSession.objects.filter(pk__in=[record.pk for record in records]).delete()
    return len(records)


def session_expired(request):
    """True when the session passed its idle or absolute limit; otherwise note this request."""
    now = time.time()
    started = request.session.get(STARTED)
    seen = request.session.get(SEEN)
    if started is None or seen is None:
        request.session[STARTED] = started or now
        request.session[SEEN] = now
        return False
    if now - seen > settings.STAFF_SESSION_IDLE_MINUTES * 60:
        return True
    if now - started > settings.STAFF_SESSION_MAX_HOURS * 3600:
        return True
    if now - seen > SEEN_RESOLUTION_SECONDS:
        request.session[SEEN] = now
    return False
