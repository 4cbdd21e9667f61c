// One story: its sources, the articles each published and the claims each article makes,
// then its events, entities and places.

import { get, itemsOf } from "../api.js";
import { h, message, articleHref, entityHref, searchHref, shorten, plural } from "../dom.js";
import { eventItem } from "../eventitem.js";

// Articles whose claims are listed on the page (the story's first ones).
const CLAIM_ARTICLES = 25;

function claimList(claims) {
  if (!claims) return h("p", { class: "muted" }, "Claims not loaded.");
  if (!claims.length) return h("p", { class: "muted" }, "No claims.");
  return h("ul", { class: "claims" }, claims.map((c) => h("li", {},
    h("span", { class: `chip c-${c.certainty}` }, c.certainty), " ",
    h("span", {}, shorten(c.text, 220)),
    h("span", { class: "muted" }, ` — ${c.source || "the article itself"}`))));
}

function groupBySource(articles) {
  const groups = new Map();
  for (const a of articles) {
    const key = a.source || "unknown source";
    if (!groups.has(key)) groups.set(key, []);
    groups.get(key).push(a);
  }
  return groups;
}

async function claimsOf(articles, signal) {
  const picked = articles.slice(0, CLAIM_ARTICLES);
  const lists = await Promise.all(picked.map((a) => get("/api/claims", { article: a.id, limit: 100 }, { signal })
    .then(itemsOf).catch(() => null)));
  return new Map(picked.map((a, i) => [a.id, lists[i]]));
}

export async function render(main, { arg, signal }) {
  let story;
  try {
    story = await get(`/api/stories/${encodeURIComponent(arg || "")}`, {}, { signal });
  } catch (error) {
    if (error.name === "AbortError" || error.status === 401 || error.status === 403) throw error;
    main.append(h("h1", {}, `Story ${arg}`), message(error.message, error.status === 404 ? "info" : "error"));
    return;
  }
  document.title = `${story.title || "Story " + story.id} · dateline`;
  const articles = story.articles || [];
  const claims = await claimsOf(articles, signal);
  const period = story.first_date && story.last_date && story.first_date !== story.last_date
    ? `${story.first_date} – ${story.last_date}` : story.first_date || "undated";
  main.append(h("h1", {}, story.title || `Story ${story.id}`),
    h("p", { class: "meta" }, `${period} · ${plural(story.article_count, "article")} · ${plural(story.source_count, "independent source")}`));

  const sources = [];
  for (const [source, list] of groupBySource(articles)) {
    sources.push(h("section", { class: "source", "aria-label": `Source ${source}` },
      h("h3", {}, source),
      h("ul", { class: "source-articles" }, list.map((a) => h("li", {},
        h("p", {}, h("a", { href: articleHref(a.id) }, a.title || a.id), h("span", { class: "muted" }, ` ${a.date || ""}${a.date && a.date_from === "estimated" ? " (estimated)" : ""}`),
          a.reprint_of ? h("span", { class: "chip" }, `copy of ${a.reprint_of}`) : null),
        claimList(claims.has(a.id) ? claims.get(a.id) : undefined))))));
  }
  main.append(h("section", { class: "panel", "aria-labelledby": "story-sources" },
    h("h2", { id: "story-sources" }, "Sources and their claims"),
    articles.length > CLAIM_ARTICLES ? message(`Claims are listed for the first ${CLAIM_ARTICLES} articles.`) : null,
    sources));
  main.append(h("div", { class: "panels" },
    h("section", { class: "panel", "aria-labelledby": "story-events" }, h("h2", { id: "story-events" }, "Events"),
      (story.events || []).length ? h("ul", { class: "events" }, story.events.map(eventItem)) : h("p", { class: "muted" }, "No events.")),
    h("section", { class: "panel", "aria-labelledby": "story-entities" }, h("h2", { id: "story-entities" }, "Who is named"),
      h("ul", { class: "inline-list" }, (story.entities || []).map((e) => h("li", {},
        h("a", { href: entityHref(e.name) }, e.name), h("span", { class: "muted" }, ` ${e.type} ×${e.mentions}`))))),
    h("section", { class: "panel", "aria-labelledby": "story-places" }, h("h2", { id: "story-places" }, "Places"),
      h("ul", { class: "inline-list" }, (story.places || []).map((p) => h("li", {},
        h("a", { href: searchHref({ place: p.name }) }, p.name), h("span", { class: "muted" }, ` ${p.country_code || ""}`)))))));
}
