from django.core.management.base import BaseCommand, CommandError

from archive.links import is_http_url
from archive.models import Article, EntitySource, Identifier, Membership


def unsafe_links():
    """(what, id, field, value) for every stored outside link that is not a well-formed
    http(s) address, and every identifier that does not look like its scheme's ids. Pages
    print none of them as links; this finds them so an editor can correct them."""
    for model, field in (
        (Article, "source_url"),
        (EntitySource, "url"),
        (Membership, "source_url"),
    ):
        rows = model.objects.exclude(**{field: ""}).values_list("pk", field).order_by("pk")
        for pk, value in rows.iterator():
            if not is_http_url(value):
                yield model._meta.verbose_name, pk, field, value
    for identifier in Identifier.objects.order_by("pk").iterator():
        if not identifier.is_well_formed():
            yield "identifier", identifier.pk, identifier.scheme, identifier.value


class Command(BaseCommand):
    help = (
        "Report stored outside links that are not http(s) addresses (javascript:, data:, "
        "malformed URLs) and malformed identifiers. Exits with an error if there are any."
    )

    def handle(self, *args, **options):
        found = 0
        for what, pk, field, value in unsafe_links():
            found += 1
            self.stdout.write(f"{what} {pk} {field}: {value!r}")
        if found:
            raise CommandError(f"{found} unsafe or malformed link(s) stored; none is linked.")
        self.stdout.write(self.style.SUCCESS("Every stored link is http(s)."))
