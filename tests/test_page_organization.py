"""Organization pages."""

from archive.models import Membership, Person
from archive.views import entity_common
from tests.test_page_person import section


def test_hrw_lists_saenen_as_spokeswoman(client, seed):
    html = client.get("/organizations/human-rights-watch/").text
    members = section(html, "members-h")
    assert '<a href="/people/vanessa-saenen/">Vanessa Saenen</a>, spokeswoman' in members


def test_quotes_by_the_organization_and_its_people(client, seed, monkeypatch):
    monkeypatch.setattr(entity_common, "QUOTES_FIRST", 25)  # all of them on the first page
    html = client.get("/organizations/human-rights-watch/").text
    quotes = section(html, "quotes-by-h")
    assert "Our main concern is that" in quotes  # Saenen, its spokeswoman
    assert "domestic election monitors should have access" in quotes  # HRW itself
    about = section(html, "quotes-about-h")
    assert "I can&#x27;t agree with this statement" in about  # Kalyuzhnyi on HRW


def test_parent_and_child_organizations(client, seed):
    office = client.get("/organizations/state-ombudsmans-office/").text
    assert 'href="/organizations/kazakh-government/"' in section(office, "structure-h")
    government = client.get("/organizations/kazakh-government/").text
    assert 'href="/organizations/state-ombudsmans-office/"' in section(government, "structure-h")


def test_events_and_connections(client, seed):
    html = client.get("/organizations/human-rights-watch/").text
    assert 'href="/events/hrw-kazakhstan-report-2004/"' in section(html, "events-h")
    assert '<a href="/people/vanessa-saenen/">' in section(html, "connections-h")


def test_unknown_organization_is_404(client, seed):
    assert client.get("/organizations/no-such-body/").status_code == 404


def test_a_large_membership_shows_a_short_first_list(client, organization):
    for i in range(45):
        person = Person.objects.create(name=f"Member {i:02d}", slug=f"member-{i:02d}")
        Membership.objects.create(person=person, organization=organization, role="staff")
    url = organization.get_absolute_url()
    members = section(client.get(url).text, "members-h")
    assert members.count('href="/people/member-') == 40
    assert 'href="?members=all#members-h">All 45 members and spokespeople</a>' in members
    everyone = section(client.get(url + "?members=all").text, "members-h")
    assert everyone.count('href="/people/member-') == 45 and "All 45 members" not in everyone
