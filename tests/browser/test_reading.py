from tests.browser.axe import serious_violations


def test_reader_opens_the_seed_article_from_the_home_page(page, seeded_server):
    page.goto(seeded_server.url + "/")
    assert serious_violations(page) == []
    page.get_by_role(
        "link", name="Kazakhstan: HRW Report Accuses Government Of Harassing Opposition"
    ).click()
    page.wait_for_url("**/articles/2004/04/06/**")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Kazakhstan: HRW Report")
    assert page.get_by_text("Vanessa Saenen is a spokeswoman for HRW in Brussels.").is_visible()
    assert serious_violations(page) == []
