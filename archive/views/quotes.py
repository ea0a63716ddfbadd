from django.shortcuts import get_object_or_404, render

from archive.models import Mention, Quote
from archive.views import jsonld
from archive.views.annotated import annotate


def quote_detail(request, pk):
    quotes = Quote.objects.with_context()
    quotes = quotes.shown() if request.user.is_staff else quotes.public()
    quote = get_object_or_404(quotes, pk=pk)
    # The paragraph the quote stands in, with the quote highlighted and its mentions linked.
    mentions = Mention.objects.shown().filter(article=quote.article, part=quote.part)
    article = quote.article
    if quote.part == "body":
        paragraph = next(
            (p for p in article.paragraphs() if p.start <= quote.start < p.end + 1), None
        )
        text, offset = (paragraph.text, paragraph.start) if paragraph else (article.body, 0)
    else:
        text, offset = article.text_of(quote.part), 0
    visible = Quote.objects.public() if not request.user.is_staff else Quote.objects.shown()
    context = {
        "quote": quote,
        "affiliation": quote.affiliation(),
        "context_html": annotate(text, offset, [quote], list(mentions)),
        "answered_by": list(visible.filter(answers=quote).with_context()),
        "jsonld": jsonld.quotation(quote),
    }
    return render(request, "archive/quote_detail.html", context)
