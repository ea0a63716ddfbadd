"""Place and event pages, and the timeline."""

import re

from archive.models import Event
from tests.test_page_person import section


def test_almaty_lists_organizations_events_and_quotes(client, seed):
    html = client.get("/places/almaty/").text
    assert 'href="/places/kazakhstan/"' in section(html, "where-h")
    assert 'href="/organizations/adil-soz/"' in section(html, "orgs-h")
    assert 'href="/events/pasi-news-conference-almaty-2004/"' in section(html, "held-h")
    assert seed.get_absolute_url() in section(html, "articles-h")


def test_prague_lists_the_article_datelined_there(client, seed):
    html = client.get("/places/prague/").text
    assert seed.get_absolute_url() in section(html, "datelined-h")


def test_kazakhstan_has_the_quotes_about_it(client, seed):
    html = client.get("/places/kazakhstan/").text
    assert "There is big progress in democracy building" in section(html, "quotes-about-h")
    assert 'href="/places/almaty/"' in section(html, "where-h")


def test_event_page_shows_fuzzy_date_participants_and_quotes(client, seed):
    html = client.get("/events/abliyazov-released/").text
    when = section(html, "when-h")
    assert "May 2003" in when and "the exact day is not known" in when
    assert "1 May 2003" not in html
    assert 'href="/people/mukhtabar-abliyazov/"' in section(html, "who-h")
    elections = client.get("/events/kazakhstan-parliamentary-elections-2004/").text
    assert "autumn 2004" in elections
    assert "Our main concern is that" in section(elections, "quotes-about-h")


def test_timeline_draws_fuzzy_dates_as_spans(client, seed):
    html = client.get("/timeline/").text
    events = list(Event.objects.all())
    assert all(f'id="event-{e.pk}"' in html for e in events)
    # A period is a <rect x=… width=…%>; a day known exactly is a dot (<circle>, width 0).
    bars = {
        pk: width or "0"
        for pk, width in re.findall(
            r'id="event-(\d+)".*?class="bar[^"]*" c?x="[\d.]+%"(?: width="([\d.]+)%")?',
            html,
            re.S,
        )
    }
    formed = Event.objects.get(slug="democratic-choice-of-kazakhstan-formed")
    autumn = Event.objects.get(slug="kazakhstan-parliamentary-elections-2004")
    report = Event.objects.get(slug="hrw-kazakhstan-report-2004")
    # The axis runs 1999–2004: six years. "2001" is a sixth of it, autumn a quarter of a year.
    assert abs(float(bars[str(formed.pk)]) - 100 / 6) < 0.1
    assert abs(float(bars[str(autumn.pk)]) - 100 * 91 / (6 * 365.25)) < 0.1
    assert float(bars[str(report.pk)]) < 1
    # "A letter sent last week": a range of seven known days is a bar, not the dot of a day.
    letter = Event.objects.get(slug="cpj-letter-to-nazarbaev")
    assert (letter.end - letter.start).days == 6
    assert 0 < float(bars[str(letter.pk)]) < 1  # a <rect> with a width (a dot has none)
    assert '<time datetime="2001">2001</time>' in html and "1 January 2001" not in html
    # HTML has no season form, so a season is text, not a <time> that invents a day.
    assert "<span>autumn 2004</span>" in html
    assert '<time datetime="2004-03-29">29 March 2004</time> – <time datetime="2004-04-04">' in html
    order = [int(pk) for pk in re.findall(r'id="event-(\d+)"', html)]
    starts = [Event.objects.get(pk=pk).start for pk in order]
    assert starts == sorted(starts)


def test_unknown_place_and_event_are_404(client, seed):
    assert client.get("/places/atlantis/").status_code == 404
    assert client.get("/events/nothing-happened/").status_code == 404
    assert client.get("/timeline/?page=2").status_code == 404
