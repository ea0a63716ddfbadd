"""What every API view shares: no sessions or cookies (the API serves only public data, the
same to everyone), anonymous throttling, JSON, and conditional GET."""

from __future__ import annotations

from django.conf import settings
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.throttling import SimpleRateThrottle
from rest_framework.views import APIView

from archive.api import conditional
from archive.api.links import Links


class AddressThrottle(SimpleRateThrottle):
    """Requests per client address, at API_THROTTLE_RATE (read at each request, so settings
    changes apply at once)."""

    scope = "api"

    def get_rate(self):
        return settings.API_THROTTLE_RATE

    def allow_request(self, request, view):
        self.rate = self.get_rate()
        if not self.rate:
            return True
        self.num_requests, self.duration = self.parse_rate(self.rate)
        return super().allow_request(request, view)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}


class UnicodeJSON(JSONRenderer):
    charset = "utf-8"


class ApiView(APIView):
    authentication_classes = []
    permission_classes = [AllowAny]
    throttle_classes = [AddressThrottle]
    renderer_classes = [UnicodeJSON]
    # Whether Last-Modified (the archive's newest change) applies to this view's answers.
    dated = True

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.links = Links.for_request(request)

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        ok = isinstance(response, Response) and response.status_code == 200
        if ok and request.method in ("GET", "HEAD"):
            response.render()
            modified = conditional.archive_modified() if self.dated else None
            return conditional.conditional(request._request, response, modified)
        return response
