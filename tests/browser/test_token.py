"""The web UI of a server started with --token-reads: each page asks for the token, then works."""

from __future__ import annotations

from test_ui import PASTED, no_script_errors

try:
    from playwright.sync_api import expect
except ImportError:  # the `chromium` fixture skips (or, under CI, fails) with the reason
    expect = None


def use_token(page, token: str) -> None:
    page.get_by_role("textbox", name="API token").fill(token)
    page.get_by_role("button", name="Use token").click()


def test_reading_page_asks_for_the_token_and_then_loads(locked_page):
    locked_page.open("")
    form = locked_page.get_by_role("form", name="API token")
    expect(form).to_be_visible()
    expect(locked_page.locator(".message-warning")).to_contain_text("token")
    use_token(locked_page, locked_page.token)
    expect(locked_page.get_by_role("heading", level=1)).to_have_text("Search the corpus")
    expect(form).to_have_count(0)
    no_script_errors(locked_page)


def test_analyze_page_asks_for_the_token_and_analyzes_after_it(locked_page):
    locked_page.open("#/analyze")
    locked_page.get_by_label("Article text").fill(PASTED)
    locked_page.get_by_role("button", name="Analyze", exact=True).click()
    expect(locked_page.get_by_role("form", name="API token")).to_be_visible()
    use_token(locked_page, "not-the-token")
    expect(locked_page.get_by_role("form", name="API token")).to_be_visible()
    use_token(locked_page, locked_page.token)
    quote = locked_page.locator(".article-text .k-quote", has_text="We are racing against time")
    expect(quote.first).to_be_visible(timeout=30_000)
    expect(locked_page.get_by_role("form", name="API token")).to_have_count(0)
    no_script_errors(locked_page)
