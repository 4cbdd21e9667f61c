// One stored event (EventRef) as a line: type, date, who → whom, where, how many reports.

import { h, entityHref, storyHref, searchHref, plural } from "./dom.js";

// An actor's name is its phrase ("Islamic State militants"); its entity is found by the store's id.
function actors(list) {
  return (list || []).map((a, i) => [i ? ", " : "", a.entity_id != null ? h("a", { href: entityHref(`#${a.entity_id}`) }, a.name) : a.name]);
}

export function eventItem(event) {
  const source = actors(event.source);
  const target = actors(event.target);
  return h("li", { class: "event-item" },
    h("span", { class: "chip event-chip" }, event.type), " ",
    event.date ? h("time", { datetime: event.date }, event.date) : h("span", { class: "muted" }, "undated"),
    event.date_from_publication ? h("span", { class: "muted", title: "date of publication, the text names none" }, " (published)") : null,
    " · ", source.length ? source : "unknown", target.length ? [" → ", target] : null,
    event.place ? [" · ", h("a", { href: searchHref({ place: event.place.name }) }, event.place.name)] : null,
    h("span", { class: "muted" }, ` · ${plural(event.article_count ?? 1, "article")}`,
      event.source_count != null ? `, ${plural(event.source_count, "source")}` : "",
      event.certainty ? ` · ${event.certainty}` : ""),
    event.story_id != null ? [" · ", h("a", { href: storyHref(event.story_id) }, `story ${event.story_id}`)] : null);
}
