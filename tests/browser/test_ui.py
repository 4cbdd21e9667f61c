"""The web UI in a real browser: every page loads, shows its data, and answers the keyboard.

Each test saves a screenshot under tests/browser/screenshots/ for a person to look at.
"""

from __future__ import annotations

import re

try:
    from playwright.sync_api import expect
except ImportError:  # the `chromium` fixture skips (or, under CI, fails) with the reason
    expect = None

PASTED = (
    "GENEVA (Relief Bulletin) - The World Health Organization said on Thursday that cholera cases "
    "in Sudan had doubled in two weeks.\n\n"
    "\"We are racing against time,\" WHO spokeswoman Margaret Harris told reporters in Geneva. "
    "\"The next month is critical,\" she said."
)


def open_page(page, server, route: str) -> None:
    page.goto(server.url("/") + route)
    expect(page.locator("main")).not_to_have_attribute("aria-busy", "true")


def no_script_errors(page) -> None:
    assert page.js_errors == [], page.js_errors


def test_home_lists_latest_articles_and_skip_link_works(page, server, shoot):
    open_page(page, server, "")
    expect(page.get_by_role("heading", level=1)).to_have_text("Search the corpus")
    expect(page.locator("ol.hits > li")).to_have_count(4)
    expect(page.get_by_role("link", name="Dock workers protest in Mombasa over port concession")).to_be_visible()
    shoot("home")
    page.keyboard.press("Tab")
    skip = page.get_by_role("link", name="Skip to content")
    expect(skip).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()
    page.get_by_label("Open a stored article by id").fill("flood-aid")
    page.get_by_role("button", name="Open").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("United Nations sends flood aid to Beledweyne")
    expect(page.get_by_role("heading", level=1)).to_be_focused()
    page.go_back()
    expect(page.locator("ol.hits > li")).to_have_count(4)
    no_script_errors(page)


def test_pasted_article_shows_quotes_with_their_speakers(page, server, shoot):
    open_page(page, server, "#/analyze")
    page.get_by_label("Article text").fill(PASTED)
    page.get_by_label("Published (optional)").fill("2025-04-03")
    page.get_by_role("button", name="Analyze", exact=True).click()
    quote = page.locator(".article-text .k-quote", has_text="We are racing against time")
    expect(quote.first).to_be_visible(timeout=30_000)
    expect(page.locator(".article-text .k-speaker", has_text="Margaret Harris")).to_be_visible()
    item = page.locator(".quote-item", has_text="We are racing against time")
    speaker = item.get_by_role("button", name="Margaret Harris")
    expect(speaker).to_be_visible()
    speaker.click()
    expect(page.locator(".article-text .selected", has_text="Margaret Harris")).to_be_visible()
    quote.first.hover()
    tip = page.locator("#tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("Speaker")
    expect(tip).to_contain_text("Margaret Harris")
    expect(page.locator(".article-text .k-time", has_text="Thursday")).to_be_visible()
    expect(page.locator(".article-text .k-place", has_text="Sudan")).to_be_visible()
    shoot("analyze")
    no_script_errors(page)


def test_stored_article_facts_scroll_to_their_spans_and_focus_shows_details(page, server, shoot):
    open_page(page, server, "#/article/harbour-talks-1")
    expect(page.get_by_role("heading", level=1)).to_have_text("Kenya and Somalia agree to reopen border crossing")
    places = page.locator("section.fact-group", has=page.get_by_role("heading", name=re.compile("^Places")))
    places.get_by_role("button", name=re.compile("^Mandera")).click()
    expect(page.locator(".article-text .selected", has_text="Mandera").first).to_be_focused()
    tip = page.locator("#tip")
    expect(tip).to_be_visible()
    expect(tip).to_contain_text("GeoNames id")
    page.keyboard.press("Escape")
    expect(tip).to_be_hidden()
    times = page.locator(".article-text .k-time", has_text="Tuesday")
    times.focus()
    expect(tip).to_contain_text("2025-03-04")
    shoot("article")
    no_script_errors(page)


def test_map_draws_base_layer_and_markers_and_filters_by_event_type(page, server, shoot):
    open_page(page, server, "#/map")
    base = page.locator("#map[data-base='drawn']")
    expect(base).to_be_visible()
    assert page.locator("#map .leaflet-overlay-pane path").count() > 100  # country shapes
    expect(page.locator("#map path.marker-place").first).to_be_visible()
    expect(page.locator("#map path.marker-event").first).to_be_visible()
    shoot("map")
    page.get_by_label("Event type").select_option("PROTEST")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"event_type=PROTEST"))
    expect(page.locator("#map[data-base='drawn']")).to_be_visible()
    expect(page.locator("#map path.marker-event")).to_have_count(1)
    expect(page.locator("#map path.marker-place")).to_have_count(0)
    expect(page.get_by_role("table", name="Events by place")).to_contain_text("Mombasa")
    page.locator("#map path.marker-event").hover()
    expect(page.locator(".leaflet-tooltip")).to_contain_text("Mombasa: PROTEST 1")
    page.locator("#map path.marker-event").focus()
    page.keyboard.press("Enter")
    expect(page.locator(".leaflet-popup-content")).to_contain_text("PROTEST")
    shoot("map-protest")
    no_script_errors(page)


def test_map_says_how_to_install_missing_assets(page, server):
    page.route("**/static/vendor/**", lambda route: route.abort())
    open_page(page, server, "#/map")
    expect(page.locator(".map-panel")).to_contain_text("python -m dateline.server.assets")
    expect(page.get_by_role("table", name="Places, most named first")).to_contain_text("Nairobi")


def test_timeline_filters_stories_and_events_by_type(page, server, shoot):
    open_page(page, server, "#/timeline")
    chart = page.locator("svg.timeline-chart")
    expect(chart).to_be_visible()
    expect(chart.locator("a.story-bar")).to_have_count(3)
    page.get_by_label("Event type").select_option("PROTEST")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile(r"event_type=PROTEST"))
    expect(page.locator("ol.timeline-list > li")).to_have_count(1)
    expect(page.locator("ol.timeline-list")).to_contain_text("Dock workers protest")
    expect(page.locator("ol.timeline-list .event-chip")).to_have_text(["PROTEST"])
    shoot("timeline")
    no_script_errors(page)


def test_entity_page_lists_quotes_by_the_entity(page, server, shoot):
    open_page(page, server, "#/entities?q=mudavadi")
    page.get_by_role("link", name="Musalia Mudavadi").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Musalia Mudavadi")
    quotes_by = page.locator("section", has=page.get_by_role("heading", name="Quotes by Musalia Mudavadi"))
    expect(quotes_by).to_contain_text("The crossing will open to traders")
    expect(page.locator("section", has=page.get_by_role("heading", name="Articles"))).to_contain_text(
        "Somalia says border deal with Kenya will curb smuggling")
    shoot("entity")
    no_script_errors(page)


def test_story_page_lists_each_source_and_its_claims(page, server, shoot):
    open_page(page, server, "#/stories")
    page.get_by_role("link", name="Kenya and Somalia agree to reopen border crossing").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Kenya and Somalia agree to reopen border crossing")
    coastal = page.get_by_role("region", name="Source Coastal Wire")
    horn = page.get_by_role("region", name="Source Horn Observer")
    expect(coastal).to_contain_text("The crossing will open to traders")
    expect(horn).to_contain_text("We have waited thirteen years")
    expect(horn.locator(".chip.c-denied")).to_have_count(1)
    shoot("story", full_page=True)
    # an event's actor links to its entity by id, whatever words the article used for it
    page.locator(".event-item a[href^='#/entity/']").first.click()
    expect(page.get_by_role("link", name=re.compile(r"^Search all articles naming "))).to_be_visible()
    no_script_errors(page)


def test_search_with_words_and_filters(page, server, shoot):
    open_page(page, server, "#/search")
    page.get_by_label("Words").fill("port")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"q=port"))
    hits = page.locator("ol.hits > li")
    expect(hits).to_have_count(1)
    expect(hits.first).to_contain_text("Dock workers protest in Mombasa")
    page.get_by_label("Words").fill("")
    page.get_by_label("Country").fill("so")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"country=SO"))
    expect(hits).to_have_count(3)
    shoot("search")
    page.get_by_label("Country").fill("")
    page.get_by_label("Event type").select_option("AID")
    page.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"event_type=AID"))
    expect(hits).to_have_count(1)
    hits.get_by_role("link", name="United Nations sends flood aid to Beledweyne").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("United Nations sends flood aid to Beledweyne")
    no_script_errors(page)
