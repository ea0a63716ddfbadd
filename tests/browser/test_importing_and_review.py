"""An editor imports a batch and reviews what the importer proposed, in a real browser."""

import json

import pytest
from django.contrib.auth.models import Group

from archive.models import Article

PASSWORD = "a long editor password"
SHOTS = None  # set SHOTS_DIR in the environment to keep screenshots (see _shot)


@pytest.fixture
def editor_page(page, seeded_server, django_user_model):
    user = django_user_model.objects.create_user("ines", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    page.goto(seeded_server.url + "/admin/login/")
    page.get_by_label("Username").fill("ines")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(seeded_server.url + "/admin/")
    return page


def _shot(page, name):
    import os

    folder = os.environ.get("SHOTS_DIR")
    if folder:
        for width in (1280, 390):
            page.set_viewport_size({"width": width, "height": 900})
            page.screenshot(path=f"{folder}/{name}-{width}.png", full_page=True)
        page.set_viewport_size({"width": 1280, "height": 900})


def test_a_batch_with_an_empty_file_imports_the_good_ones(editor_page, seeded_server, tmp_path):
    page = editor_page
    good = tmp_path / "good.json"
    good.write_text(
        json.dumps(
            {
                "headline": "Ministry answers its critics",
                "published": "2004-04-09",
                "body": 'John Smith, a ministry spokesman, said: "Nothing is wrong here."',
            }
        )
    )
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    page.goto(seeded_server.url + "/admin/archive/articleimport/")
    page.get_by_label("Article files").set_input_files([str(empty), str(good)])
    page.get_by_role("button", name="Import").click()
    page.wait_for_load_state()
    content = page.locator("#content-main")
    assert "empty.txt: the file is empty." in content.inner_text()
    assert "1 of 2 files imported." in page.locator(".messagelist").inner_text()
    assert Article.objects.filter(headline="Ministry answers its critics").exists()
    _shot(page, "import-empty")
