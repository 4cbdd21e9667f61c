// The single-page app: a hash router (#/page/arg?filters) that renders one page into <main>.

import { clear, h, message } from "./dom.js";
import { parseHash } from "./nav.js";
import { needsToken, tokenForm } from "./tokenform.js";
import * as search from "./pages/search.js";
import * as analyze from "./pages/analyze.js";
import * as article from "./pages/article.js";
import * as map from "./pages/map.js";
import * as timeline from "./pages/timeline.js";
import * as entities from "./pages/entities.js";
import * as entity from "./pages/entity.js";
import * as stories from "./pages/stories.js";
import * as story from "./pages/story.js";

const ROUTES = {
  "": search,
  search,
  analyze,
  article,
  map,
  timeline,
  entities,
  entity,
  stories,
  story,
};

let current = null;

function markNav(name) {
  for (const a of document.querySelectorAll("[data-nav]")) {
    const here = a.dataset.nav === (name || "search") || (name === "entity" && a.dataset.nav === "entities")
      || (name === "story" && a.dataset.nav === "stories");
    if (here) a.setAttribute("aria-current", "page");
    else a.removeAttribute("aria-current");
  }
}

async function route() {
  const hash = location.hash || "#/";
  if (!hash.startsWith("#/")) return; // in-page anchors such as the skip link
  const { name, arg, query } = parseHash(hash);
  const page = ROUTES[name];
  const main = document.getElementById("main");
  current?.abort();
  const controller = new AbortController();
  current = controller;
  markNav(name);
  clear(main);
  main.removeAttribute("aria-busy");
  if (!page) {
    document.title = "Not found · dateline";
    main.append(h("h1", { tabindex: "-1" }, "Page not found"), message(`There is no page “${name}”.`));
    return;
  }
  main.setAttribute("aria-busy", "true");
  // Each page renders into its own element: one left behind by a quick navigation writes nowhere visible.
  const view = h("div", { class: "page" });
  main.append(view);
  try {
    await page.render(view, { arg, query, signal: controller.signal });
  } catch (error) {
    if (error.name === "AbortError") return;
    if (needsToken(error)) {
      view.append(tokenForm(error.message, route));
      return;
    }
    console.error(error);
    view.append(message(`Could not load this page: ${error.message}`, "error"));
  } finally {
    if (current === controller) main.removeAttribute("aria-busy");
  }
  if (current === controller && document.activeElement?.closest?.("main") == null) {
    const heading = main.querySelector("h1");
    if (heading && route.navigated) {
      heading.setAttribute("tabindex", "-1");
      heading.focus({ preventScroll: true });
    }
  }
  route.navigated = true;
}

function setupSkipLink() {
  document.querySelector(".skip-link")?.addEventListener("click", (event) => {
    event.preventDefault();
    const main = document.getElementById("main");
    main.focus();
    main.scrollIntoView();
  });
}

function setupVendorNotice() {
  if (document.documentElement.dataset.vendor !== "missing") return;
  const notice = document.getElementById("notice");
  notice.hidden = false;
  notice.textContent = "The map's files (Leaflet, world map) are not installed, so the map is off. "
    + "Install them with: python -m dateline.server.assets";
}

window.addEventListener("hashchange", route);
setupSkipLink();
setupVendorNotice();
route();
