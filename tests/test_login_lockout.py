"""Sign-in attempts are limited (django-axes): after a few failures the account and the
address are locked out with a clear page, even for the right password, until the cool-off
ends or an administrator unlocks them."""

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.urls import reverse

LOGIN = reverse("admin:login")
PASSWORD = "the-right-password-42"


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)


def sign_in(client, username, password, address="203.0.113.7"):
    return client.post(
        LOGIN,
        {"username": username, "password": password, "next": "/admin/"},
        REMOTE_ADDR=address,
    )


def test_wrong_passwords_lock_the_account_out_even_for_the_right_one(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        answer = sign_in(client, "root", "guess")
        assert answer.status_code == 200  # the form again, with its error
        assert "correct username and password" in answer.content.decode()
    locked = sign_in(client, "root", "guess")
    assert locked.status_code == 429
    page = locked.content.decode()
    assert "Sign-in locked" in page
    assert f"{settings.AXES_FAILURE_LIMIT} failed sign-ins" in page
    assert "Try again in 30 minutes." in page
    assert "axes_reset_username" in page

    # The right password no longer works, from this address or any other.
    assert sign_in(client, "root", PASSWORD).status_code == 429
    assert sign_in(client, "root", PASSWORD, address="198.51.100.9").status_code == 429
    assert "_auth_user_id" not in client.session


def test_an_address_guessing_many_accounts_is_locked_out(client, django_user_model, settings):
    django_user_model.objects.create_user("ed", password=PASSWORD, is_staff=True)
    for n in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, f"someone-{n}", "guess")
    # Another account, right password, same address: locked; from elsewhere it works.
    assert sign_in(client, "ed", PASSWORD).status_code == 429
    assert sign_in(client, "ed", PASSWORD, address="198.51.100.9").status_code == 302


def test_a_success_resets_the_count(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "root", "guess")
    assert sign_in(client, "root", PASSWORD).status_code == 302
    client.logout()
    for _ in range(settings.AXES_FAILURE_LIMIT - 1):
        assert sign_in(client, "root", "guess").status_code == 200
    assert sign_in(client, "root", PASSWORD).status_code == 302


def test_an_administrator_unlocks_in_the_admin(client, superuser, django_user_model, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "root", "guess")
    assert sign_in(client, "root", PASSWORD).status_code == 429

    admin = django_user_model.objects.create_superuser("keeper", "k@example.org", "x")
    other = client.__class__()
    other.force_login(admin)
    listing = other.get(reverse("admin:axes_accessattempt_changelist"))
    assert listing.status_code == 200
    assert "root" in listing.content.decode()
    attempts = list(AccessAttempt.objects.values_list("pk", flat=True))
    assert attempts
    confirm = other.post(
        reverse("admin:axes_accessattempt_changelist"),
        {"action": "delete_selected", "_selected_action": attempts, "post": "yes"},
    )
    assert confirm.status_code == 302
    assert not AccessAttempt.objects.exists()

    assert sign_in(client, "root", PASSWORD).status_code == 302


def test_an_administrator_unlocks_from_the_command_line(client, superuser, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        sign_in(client, "root", "guess")
    assert sign_in(client, "root", PASSWORD).status_code == 429
    call_command("axes_reset_username", "root")
    # The address is still locked for other accounts' sake; reset it too.
    call_command("axes_reset_ip", "203.0.113.7")
    assert sign_in(client, "root", PASSWORD).status_code == 302
