// Search: full-text words plus entity, place, country, date and event-type filters; paged hits.
// With no filter at all it shows what the store holds and its latest articles.

import { get, itemsOf } from "../api.js";
import { h, message, articleHref, storyHref, searchHref, plural } from "../dom.js";
import { filterForm, valuesOf } from "../filters.js";
import { pager, offsetHref } from "../pager.js";
import { setQuery } from "../nav.js";
import { PAGE_SIZE } from "../constants.js";

const NAMES = ["q", "entity", "place", "country", "since", "until", "event_type"];

function hitItem(hit) {
  return h("li", { class: "hit" },
    h("h3", {}, h("a", { href: articleHref(hit.id) }, hit.title || hit.id)),
    h("p", { class: "meta" }, [hit.source, hit.date].filter(Boolean).join(" · "),
      hit.story_id != null ? [" · ", h("a", { href: storyHref(hit.story_id) }, `story ${hit.story_id}`)] : null),
    hit.snippet ? h("p", { class: "snippet" }, hit.snippet) : null,
    (hit.places || []).length
      ? h("p", { class: "places" }, hit.places.map((p) => h("a", { class: "chip place-chip", href: searchHref({ place: p.name }) }, p.name)))
      : null);
}

function articleItem(a) {
  return h("li", { class: "hit" },
    h("h3", {}, h("a", { href: articleHref(a.id) }, a.title || a.id)),
    h("p", { class: "meta" }, [a.source, a.date].filter(Boolean).join(" · "),
      a.story_id != null ? [" · ", h("a", { href: storyHref(a.story_id) }, `story ${a.story_id}`)] : null,
      a.reprint_of ? ` · copy of ${a.reprint_of}` : null));
}

function statsBlock(stats) {
  const rows = Object.entries(stats || {}).filter(([, v]) => typeof v === "number");
  if (!rows.length) return null;
  return h("dl", { class: "stats", "aria-label": "What the store holds" },
    rows.map(([k, v]) => h("div", {}, h("dt", {}, k.replace(/_/g, " ")), h("dd", {}, v.toLocaleString("en")))));
}

function openById() {
  const input = h("input", { id: "open-id", name: "id", type: "text", required: true, placeholder: "article id" });
  const form = h("form", { class: "filters open-id", "aria-label": "Open a stored article" },
    h("div", { class: "field" }, h("label", { for: "open-id" }, "Open a stored article by id"), input),
    h("div", { class: "field field-actions" }, h("button", { type: "submit" }, "Open")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (input.value.trim()) location.hash = articleHref(input.value.trim());
  });
  return form;
}

async function home(main, query, signal) {
  const offset = Number(query.get("offset") || 0);
  const [stats, latest] = await Promise.all([
    get("/api/stats", {}, { signal }).catch(() => null),
    get("/api/articles", { limit: PAGE_SIZE, offset }, { signal }),
  ]);
  const counts = stats && (stats.counts || stats);
  main.append(statsBlock(counts) || "", openById());
  const items = itemsOf(latest);
  main.append(h("section", { "aria-labelledby": "latest" },
    h("h2", { id: "latest" }, "Latest articles"),
    items.length ? h("ol", { class: "hits" }, items.map(articleItem))
      : message("The store is empty. Ingest articles with “dateline ingest FILES --db FILE”, or paste one under “Analyze text”."),
    pager(latest, offsetHref, "Latest articles pages")));
}

export async function render(main, { query, signal }) {
  document.title = "Search · dateline";
  const values = valuesOf(query, NAMES);
  main.append(h("h1", {}, "Search the corpus"),
    filterForm(NAMES, query, (v) => setQuery(v), { label: "Search articles", submit: "Search" }));
  if (!Object.keys(values).length) return home(main, query, signal);
  const offset = Number(query.get("offset") || 0);
  const results = h("section", { class: "results", "aria-labelledby": "results-title" });
  main.append(results);
  const body = await get("/api/search", { ...values, limit: PAGE_SIZE, offset }, { signal }).catch((error) => {
    if (error.name === "AbortError" || error.status === 401 || error.status === 403) throw error;
    results.append(message(error.message, "error"));
    return null;
  });
  if (!body) return;
  const items = itemsOf(body);
  const heading = body.total_capped ? `More than ${body.total.toLocaleString("en")} articles found`
    : body.total != null ? `${plural(body.total, "article")} found`
    : items.length ? `Articles ${offset + 1}–${offset + items.length}, best match first` : "No articles found";
  results.append(h("h2", { id: "results-title" }, heading),
    items.length ? h("ol", { class: "hits", start: offset + 1 }, items.map(hitItem)) : message("No article matches. Try fewer words or filters."),
    pager(body, offsetHref, "Result pages"));
}
