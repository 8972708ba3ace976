"""axe-core, bundled with axe-playwright-python, run inside the page (nothing fetched from a CDN)."""

from axe_playwright_python.sync_playwright import Axe

# WCAG 2.2 A and AA, and axe's best practices (landmarks, headings, duplicate ids...).
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]},
    "resultTypes": ["violations"],
}
BLOCKING = ("serious", "critical")

_axe = Axe()


def axe_findings(page):
    """Every violation axe finds on the page, as (impact, readable line) pairs."""
    results = _axe.run(page, options=AXE_OPTIONS).response
    return [
        (
            violation["impact"],
            f"{violation['id']} ({violation['impact']}): {' '.join(map(str, node['target']))} - {violation['help']}",
        )
        for violation in results["violations"]
        for node in violation["nodes"]
    ]


def assert_accessible(page):
    """No serious or critical violation; lesser findings are printed for people to look at."""
    findings = axe_findings(page)
    lesser = [line for impact, line in findings if impact not in BLOCKING]
    if lesser:
        print(f"axe on {page.url} (not blocking):", *lesser, sep="\n  ")
    assert [line for impact, line in findings if impact in BLOCKING] == [], f"axe on {page.url}"
