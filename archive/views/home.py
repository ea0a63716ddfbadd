from django.shortcuts import render

from archive.models import Article


def home(request):
    articles = Article.objects.published().with_byline().order_by("-published_on", "headline")[:20]
    return render(request, "archive/home.html", {"articles": articles})
