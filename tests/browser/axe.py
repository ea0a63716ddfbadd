"""axe-core through Playwright, as every browser test asks it."""

from axe_playwright_python.sync_playwright import Axe


def serious_violations(page, within=None):
    """axe-core's serious and critical findings on the page, or inside `within` (a CSS
    selector: an admin page's own part, the admin's chrome being Django's): id, impact,
    help and the first three elements each concerns."""
    results = Axe().run(page, context=within) if within else Axe().run(page)
    return [
        (v["id"], v["impact"], v["help"], [n["target"] for n in v["nodes"]][:3])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
