// One entity across the corpus: aliases, quotes by and about it, events, places, articles, stories.

import { get } from "../api.js";
import { h, message, articleHref, storyHref, searchHref, shorten, plural } from "../dom.js";
import { eventItem } from "../eventitem.js";

function quoteList(quotes, withSpeaker) {
  if (!quotes.length) return h("p", { class: "muted" }, "None found.");
  return h("ul", { class: "quotes" }, quotes.map((q) => h("li", {},
    h("blockquote", {}, `“${shorten(q.text, 300)}”`),
    h("p", { class: "meta" }, withSpeaker && q.speaker ? `— ${q.speaker} · ` : "",
      q.certainty ? `${q.certainty} · ` : "", h("a", { href: articleHref(q.article_id) }, "in article")))));
}

// Stories whose titles are fetched for the profile (the rest are listed by number).
const TITLED_STORIES = 12;

/** The profile's stories (ids) with their titles, the first few fetched in parallel. */
async function storyTitles(ids, signal) {
  const refs = ids.map((s) => (typeof s === "object" ? s : { id: s }));
  const titled = await Promise.all(refs.slice(0, TITLED_STORIES).map((s) => (s.title ? s
    : get(`/api/stories/${s.id}`, {}, { signal }).then((story) => ({ id: s.id, title: story.title, first_date: story.first_date })).catch(() => s))));
  return [...titled, ...refs.slice(TITLED_STORIES)];
}

function part(id, title, content) {
  return h("section", { class: "panel", "aria-labelledby": id }, h("h2", { id }, title), content);
}

export async function render(main, { arg, signal }) {
  let profile;
  try {
    profile = await get(`/api/entities/${encodeURIComponent(arg || "")}`, {}, { signal });
  } catch (error) {
    if (error.name === "AbortError" || error.status === 401 || error.status === 403) throw error;
    document.title = "Entity not found · dateline";
    main.append(h("h1", {}, arg || "Entity"), message(error.status === 404
      ? `“${arg}” is not an entity of the store. Search for it under Entities.` : error.message,
    error.status === 404 ? "info" : "error"), h("p", {}, h("a", { href: `#/entities?q=${encodeURIComponent(arg || "")}` }, "Find similar names")));
    return;
  }
  document.title = `${profile.name} · dateline`;
  const stories = await storyTitles(profile.stories || [], signal);
  const aliases = (profile.aliases || []).map((a) => (Array.isArray(a) ? a : [a.alias ?? a, a.count ?? null]));
  main.append(
    h("h1", {}, profile.name),
    h("p", { class: "meta" }, h("span", { class: `chip t-${profile.type}` }, profile.type),
      profile.country ? ` · country ${profile.country}` : "",
      ` · ${plural(profile.mention_count ?? 0, "mention")} in ${plural(profile.article_count ?? 0, "article")}`),
    h("div", { class: "panels" },
      part("aliases", "Also written as", aliases.length
        ? h("ul", { class: "inline-list" }, aliases.map(([alias, n]) => h("li", {}, alias, n != null ? h("span", { class: "muted" }, ` ×${n}`) : null)))
        : h("p", { class: "muted" }, "No other forms.")),
      part("quotes-by", `Quotes by ${profile.name}`, quoteList(profile.quotes_by || [], false)),
      part("quotes-about", `Quotes about ${profile.name}`, quoteList(profile.quotes_about || [], true)),
      part("events", "Events", (profile.events || []).length
        ? h("ul", { class: "events" }, profile.events.map(eventItem)) : h("p", { class: "muted" }, "No events.")),
      part("places", "Places", (profile.places || []).length
        ? h("ul", { class: "inline-list" }, profile.places.map((p) => h("li", {}, h("a", { href: searchHref({ place: p.name }) }, p.name),
          h("span", { class: "muted" }, ` ${p.country_code || ""}${p.articles ? ` ×${p.articles}` : ""}`))))
        : h("p", { class: "muted" }, "No places.")),
      part("stories", "Stories", stories.length
        ? h("ul", { class: "articles" }, stories.map((s) => h("li", {}, h("a", { href: storyHref(s.id) }, s.title || `Story ${s.id}`),
          s.first_date ? h("span", { class: "muted" }, ` ${s.first_date}`) : null)))
        : h("p", { class: "muted" }, "No stories.")),
      part("articles", "Articles", (profile.articles || []).length
        ? h("ul", { class: "articles" }, profile.articles.map((a) => h("li", {}, h("a", { href: articleHref(a.id) }, a.title || a.id),
          h("span", { class: "muted" }, ` ${[a.source, a.date].filter(Boolean).join(" · ")}`))))
        : h("p", { class: "muted" }, "No articles.")),
    ),
    h("p", {}, h("a", { href: searchHref({ entity: profile.name }) }, `Search all articles naming ${profile.name}`)));
}
