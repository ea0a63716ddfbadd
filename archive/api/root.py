"""/api/: where everything is."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response

from archive.api.base import ApiView

COLLECTIONS = ["articles", "quotes", "people", "organizations", "places", "events"] + [
    "memberships",
    "tags",
]


CSV = ["quotes", "people", "organizations", "places", "events"]


class RootOut(serializers.Serializer):
    schema = serializers.URLField()
    docs = serializers.URLField()
    collections = serializers.DictField(child=serializers.URLField())
    csv = serializers.DictField(child=serializers.URLField())
    popolo = serializers.URLField()
    search = serializers.URLField()


class ApiRoot(ApiView):
    dated = False

    @extend_schema(summary="Where the API's lists and its schema are", responses=RootOut)
    def get(self, request):
        api = self.links.api
        return Response(
            {
                "schema": api + "schema/",
                "docs": api + "docs/",
                "collections": {name: f"{api}{name}/" for name in COLLECTIONS},
                "csv": {name: f"{api}{name}.csv" for name in CSV},
                "popolo": api + "popolo.json",
                "search": api + "search/",
            }
        )
