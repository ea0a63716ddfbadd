"""Builders for the page tests: many articles, quotes and mentions about one cast."""

import datetime as dt
import json
import re
from html.parser import HTMLParser

from archive.models import Article, ArticleStatus, Mention, Quote

VOID = {"br", "img", "input", "link", "meta", "hr", "source", "wbr", "area", "base", "col"}
SVG_VOID = {"line", "circle", "path", "rect"}


def add_articles(n, speaker, about=None, tag="elections", start_day=1):
    """`n` published articles, each quoting `speaker` (about `about`) and naming both."""
    made = []
    for i in range(n):
        words = f"Statement number {start_day + i} about the vote"
        article = Article.objects.create(
            headline=f"Report {start_day + i}",
            slug=f"report-{start_day + i}",
            body=f'"{words}," {speaker.name} said.\n\nThe end.',
            published_on=dt.date(2005, 1, 1) + dt.timedelta(days=start_day + i),
            status=ArticleStatus.PUBLISHED,
        )
        quote = Quote(article=article, speaker=speaker)
        quote.anchor_to(words)
        quote.save()
        quote.tags.add(tag)
        if about is not None:
            quote.about.add(about)
        mention = Mention(article=article, entity=speaker)
        mention.anchor_to(speaker.name)
        mention.save()
        made.append(article)
    return made


def jsonld_blocks(html: str) -> list[dict]:
    pattern = r'<script type="application/ld\+json"(?: nonce="[^"]+")?>(.*?)</script>'
    found = re.findall(pattern, html, re.S)
    return [json.loads(block) for block in found]


class NestingChecker(HTMLParser):
    """Fails on a closing tag that does not close the innermost open element."""

    def __init__(self):
        super().__init__()
        self.stack, self.problems = [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        pass

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
            return
        self.stack.pop()


def nesting_problems(html: str) -> list[str]:
    checker = NestingChecker()
    checker.feed(html)
    checker.close()
    return checker.problems + ([f"unclosed {checker.stack}"] if checker.stack else [])


def article_with_quotes(n, speaker, dateline=None):
    """One published article whose body quotes `speaker` `n` times, naming them each time."""
    paragraphs = [f'"Claim number {i} stands," {speaker.name} said.' for i in range(n)]
    article = Article.objects.create(
        headline="Many claims",
        slug="many-claims",
        body="\n\n".join(paragraphs),
        published_on=dt.date(2006, 3, 1),
        dateline_place=dateline,
        status=ArticleStatus.PUBLISHED,
    )
    for i in range(n):
        quote = Quote(article=article, speaker=speaker)
        quote.anchor_to(f"Claim number {i} stands")
        quote.save()
        quote.tags.add("claims", f"claim-{i % 3}")
        mention = Mention(article=article, entity=speaker)
        mention.anchor_to(speaker.name, occurrence=i)
        mention.save()
    return article


def skipped_heading_levels(html: str) -> list[str]:
    """Headings that go down more than one level from the one before (h1 → h3)."""
    levels = [int(n) for n in re.findall(r"<h([1-6])[\s>]", html)]
    return [f"h{a} → h{b}" for a, b in zip(levels, levels[1:], strict=False) if b > a + 1]


class _ReadingText(HTMLParser):
    """The text of an article page's HTML less the elements of the given classes."""

    def __init__(self, skip: set[str]):
        super().__init__()
        self.skip, self.depth, self.parts = skip, 0, []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        classes = set((dict(attrs).get("class") or "").split())
        if self.depth or classes & self.skip:
            self.depth += 1

    def handle_endtag(self, tag):
        if self.depth and tag not in VOID:
            self.depth -= 1

    def handle_data(self, data):
        if not self.depth:
            self.parts.append(data)


def reading_text(html: str) -> str:
    """The words of annotated text without its margin notes and quote numbers (which are
    not selectable on the page, so a reader copying the text does not get them)."""
    parser = _ReadingText({"margin-note", "quote-ref"})
    parser.feed(html)
    parser.close()
    return "".join(parser.parts)
