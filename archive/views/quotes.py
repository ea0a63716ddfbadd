from django.shortcuts import get_object_or_404, render

from archive.models import Quote


def quote_detail(request, pk):
    quotes = Quote.objects.with_context()
    if not request.user.is_staff:
        quotes = quotes.public()
    quote = get_object_or_404(quotes, pk=pk)
    return render(request, "archive/quote_detail.html", {"quote": quote})
