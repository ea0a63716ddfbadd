"""The page a locked-out sign-in gets (django-axes calls `locked_out`)."""

import math

from axes.helpers import get_client_username, get_cool_off, get_failure_limit
from django.shortcuts import render


def locked_out(request, original_response=None, credentials=None):
    """429 with a page saying why, for how long, and how an administrator unlocks it."""
    cool_off = get_cool_off(request)
    context = {
        "failure_limit": get_failure_limit(request, credentials),
        "username": get_client_username(request, credentials) or "",
        "minutes": math.ceil(cool_off.total_seconds() / 60) if cool_off else 0,
    }
    return render(request, "registration/locked_out.html", context, status=429)
