from django.conf import settings

from archive.site import origin


def site(request):
    return {"SITE_NAME": settings.SITE_NAME, "SITE_URL": origin(request)}
