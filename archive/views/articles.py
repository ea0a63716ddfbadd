from django.shortcuts import get_object_or_404, render

from archive.models import Article


def article_detail(request, year, month, day, slug):
    article = get_object_or_404(
        Article.objects.visible_to(request.user).with_byline(),
        published_on__year=year,
        published_on__month=month,
        published_on__day=day,
        slug=slug,
    )
    return render(request, "archive/article_detail.html", {"article": article})
