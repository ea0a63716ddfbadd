"""An editor's day in a real browser: tag a quote, confirm a suggestion in the review queue,
make a quote by selecting text on the annotate screen, and find it on the public site."""

import re

import pytest
from django.contrib.auth.models import Group

from archive.models import Article, Entity, Quote, ReviewStatus
from tests.browser.axe import serious_violations

PASSWORD = "a long editor password"

SELECT_PHRASE = """
(phrase) => {
  const part = document.querySelector('[data-part="body"]');
  const start = part.textContent.indexOf(phrase);
  const end = start + phrase.length;
  const point = (offset, atEnd) => {
    for (const run of part.children) {
      const s = Number(run.dataset.start), e = s + run.textContent.length;
      if (atEnd ? (offset > s && offset <= e) : (offset >= s && offset < e)) {
        return [run.firstChild, offset - s];
      }
    }
  };
  const range = document.createRange();
  range.setStart(...point(start, false));
  range.setEnd(...point(end, true));
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  part.dispatchEvent(new MouseEvent("mouseup", {bubbles: true}));
  return range.startContainer !== range.endContainer;
}
"""


@pytest.fixture
def editor_page(page, seeded_server, django_user_model):
    user = django_user_model.objects.create_user("edna", password=PASSWORD, is_staff=True)
    user.groups.add(Group.objects.get(name="Editors"))
    page.goto(seeded_server.url + "/admin/login/")
    page.get_by_label("Username").fill("edna")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(seeded_server.url + "/admin/")
    return page


def test_editor_tags_reviews_annotates_and_publishes(editor_page, seeded_server):
    page, base = editor_page, seeded_server.url
    article = Article.objects.get()
    praise = Quote.objects.get(exact__startswith="There is big progress in democracy")
    suggestion = Quote(
        article=article,
        speaker=Entity.objects.get(name="Human Rights Watch"),
        status=ReviewStatus.SUGGESTED,
        confidence=0.55,
        mode="indirect",
    )
    suggestion.anchor_to("arbitrary criminal and misdemeanor charges and threats of job dismissal")
    suggestion.save()

    # 1. Tag a quote with an existing tag (suggested as one types) and a new one.
    page.goto(f"{base}/admin/archive/quote/{praise.pk}/change/")
    tags = page.locator("#id_tags")
    tags.fill("")
    tags.press_sequentially("democracy, elec")
    page.wait_for_function(
        "() => [...document.querySelectorAll('#id_tags-suggestions option')]"
        ".some(o => o.value === 'democracy, elections')"
    )
    tags.fill("democracy, praise, elections, progress report")
    page.get_by_role("button", name="Save", exact=True).click()
    page.wait_for_url(re.compile(r".*/admin/archive/quote/$"))
    assert sorted(praise.tags.names()) == ["democracy", "elections", "praise", "progress report"]

    # 2. Confirm the suggested quote in the review queue.
    page.goto(f"{base}/admin/archive/quote/review/")
    assert page.get_by_text("confidence 0.55").is_visible()
    assert serious_violations(page, "#content-main") == []
    page.get_by_role("button", name=f"Accept quote {suggestion.pk}").click()
    # Decided in place (review.js): the outcome is announced without a reload.
    page.locator(".review-outcome", has_text="Accepted:").wait_for()
    page.reload()
    assert page.get_by_text("No suggested quotes.").is_visible()
    suggestion.refresh_from_db()
    assert suggestion.status == ReviewStatus.CONFIRMED

    # 3. Select words on the annotate screen and make them a quote.
    page.goto(f"{base}/admin/archive/article/{article.pk}/annotate/")
    assert serious_violations(page, "#content-main") == []
    phrase = "The group is calling for Zhaqiyanov's immediate release."
    crosses_runs = page.evaluate(SELECT_PHRASE, phrase)
    assert crosses_runs  # the selection spans a highlighted mention: offsets add up across runs
    assert page.locator("#id_exact").input_value() == phrase
    assert "Selected in the body" in page.locator("#selection-status").inner_text()
    page.locator("#id_speaker + .select2 .select2-selection").click()
    page.locator(".select2-dropdown .select2-search__field").fill("Democratic Choice")
    page.locator(
        ".select2-results__option", has_text=re.compile(r"^Democratic Choice of Kazakhstan —")
    ).click()
    page.locator("#id_mode").select_option("indirect")
    page.get_by_role("button", name="Save annotation").click()
    page.wait_for_url(re.compile(r".*/annotate/#at-body-\d+$"))  # back to the place
    created = Quote.objects.get(exact=phrase)
    assert article.body[created.start : created.end] == phrase
    assert created.speaker.name == "Democratic Choice of Kazakhstan"
    assert page.locator(f"#quote-{created.pk}").is_visible()

    # 4. The public site shows the new quote and the confirmed suggestion at their permalinks.
    page.goto(f"{base}/quotes/{created.pk}/")
    assert page.get_by_text("Zhaqiyanov's immediate release").first.is_visible()
    page.goto(f"{base}/quotes/{suggestion.pk}/")
    assert page.get_by_text("arbitrary criminal and misdemeanor charges").first.is_visible()

    # 5. The new tag has its public page with the quote, and the article highlights the
    # quote made on the annotate screen.
    page.goto(f"{base}/tags/")
    page.get_by_role("link", name="progress report").first.click()
    page.wait_for_url(re.compile(r".*/tags/progress-report/$"))
    assert page.get_by_text("There is big progress in democracy building").first.is_visible()
    page.goto(base + article.get_absolute_url())
    assert "immediate release" in page.locator(f"#quote-{created.pk}").inner_text().lower()


def test_a_mention_is_made_with_the_keyboard_alone(editor_page, seeded_server):
    page = editor_page
    article = Article.objects.get()
    phrase = "an opposition journalist and critic of government corruption"
    page.goto(f"{seeded_server.url}/admin/archive/article/{article.pk}/annotate/")
    page.locator("#id_kind_1").focus()
    page.keyboard.press("Space")  # "a mention"
    assert page.locator("[data-for-kind=quote]").is_hidden()
    page.locator("#id_exact").focus()
    page.keyboard.type(phrase)
    page.locator("#id_entity + .select2 .select2-selection").focus()
    page.keyboard.press("Enter")
    page.keyboard.type("Duvanov")
    # Wait for the filtered list, not just the option: the unfiltered first page of results
    # (which also holds Duvanov) may still be showing, with another person highlighted.
    page.locator(
        ".select2-results__option--highlighted", has_text=re.compile(r"^Sergei Duvanov —")
    ).wait_for()
    page.keyboard.press("Enter")
    page.get_by_role("button", name="Save annotation").focus()
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*/annotate/#at-body-\d+$"))
    mention = article.mentions.get(exact=phrase)
    assert mention.entity.name == "Sergei Duvanov"
    assert article.body[mention.start : mention.end] == phrase
