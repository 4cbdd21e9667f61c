// One analyzed article: header, legend with layer switches, highlighted text, and clickable fact lists.

import { annotate, KINDS, speakerLabel } from "./annotate.js";
import { TextView } from "./textview.js";
import { h, entityHref, searchHref, storyHref, shorten, plural } from "./dom.js";

function legend(view) {
  const items = KINDS.map(({ kind, label }) => {
    const id = `layer-${kind}`;
    const box = h("input", { type: "checkbox", id, checked: true, onchange: (e) => view.setLayer(kind, e.target.checked) });
    return h("li", {}, box, h("label", { for: id }, h("span", { class: `swatch k-${kind}`, "aria-hidden": "true" }, "Abc"), " ", label));
  });
  return h("fieldset", { class: "legend" }, h("legend", {}, "Highlights"), h("ul", {}, items));
}

function factButton(view, key, label, extra = {}) {
  let index = 0;
  const count = view.count(key);
  return h("button", {
    type: "button", class: "fact", disabled: count === 0 ? true : null,
    title: count > 1 ? `Show in text (${count} places; click again for the next)` : "Show in text",
    onclick: () => {
      view.select(key, { index });
      index = (index + 1) % Math.max(1, count);
    },
    ...extra,
  }, label);
}

function section(title, items, empty) {
  const id = `facts-${title.toLowerCase()}`;
  return h("section", { class: "fact-group", "aria-labelledby": id },
    h("h3", { id }, `${title} `, h("span", { class: "count" }, `(${items.length})`)),
    items.length ? h("ul", { class: "fact-list" }, items) : h("p", { class: "muted" }, empty));
}

function entityItems(view, analysis) {
  return (analysis.entities || []).map((e) => h("li", {},
    factButton(view, e.id, [h("span", { class: `chip t-${e.type}` }, e.type), " ", e.name]),
    h("span", { class: "muted" }, ` ${e.mentions.length}×`), " ",
    h("a", { href: entityHref(e.name), class: "more", "aria-label": `Profile of ${e.name}` }, "profile")));
}

function placeItems(view, analysis) {
  return (analysis.places || []).map((p) => h("li", {},
    factButton(view, p.id, [p.name, p.country_code ? h("span", { class: "muted" }, `, ${p.country_code}`) : null]),
    p.geonames_id ? h("span", { class: "muted" }, ` GeoNames ${p.geonames_id}`) : null, " ",
    h("a", { href: searchHref({ place: p.name }), class: "more", "aria-label": `Articles naming ${p.name}` }, "articles")));
}

function timeItems(view, analysis) {
  return (analysis.times || []).map((t, i) => h("li", {},
    factButton(view, `T${i + 1}`, [t.span.text, " → ", h("code", {}, t.value)]),
    h("span", { class: "muted" }, ` ${t.type}`)));
}

function speakerEntityName(analysis, speaker) {
  if (!speaker) return null;
  const entity = (analysis.entities || []).find((e) => e.id === speaker.entity_id);
  return entity ? entity.name : speaker.unnamed ? null : speaker.name;
}

function quoteItems(view, analysis) {
  return (analysis.quotes || []).map((q) => {
    const who = speakerLabel(q.speaker) || "unknown speaker";
    const profile = speakerEntityName(analysis, q.speaker);
    const speakerKey = `${q.id}:speaker`;
    return h("li", { class: "quote-item" },
      factButton(view, q.id, `“${shorten(q.content.text, 110)}”`),
      h("div", { class: "quote-meta" }, "— ",
        view.has(speakerKey)
          ? h("button", { type: "button", class: "fact speaker-link", onclick: () => view.select(speakerKey) }, who)
          : h("span", {}, who),
        profile ? [" ", h("a", { href: entityHref(profile), class: "more", "aria-label": `Profile of ${profile}` }, "profile")] : null,
        " ", h("span", { class: "chip" }, q.kind), " ", h("span", { class: `chip c-${q.certainty}` }, q.certainty)));
  });
}

function claimItems(view, analysis) {
  return (analysis.claims || []).map((c) => h("li", {},
    factButton(view, c.id, [h("span", { class: `chip c-${c.certainty}` }, c.certainty), " ", shorten(c.content.text, 110)]),
    h("div", { class: "muted" }, `by ${speakerLabel(c.source) || "the article itself"}`)));
}

function eventItems(view, analysis) {
  return (analysis.events || []).map((e) => {
    const who = (e.source || []).map((a) => a.name).join(", ");
    const whom = (e.target || []).map((a) => a.name).join(", ");
    return h("li", {},
      factButton(view, e.id, [h("span", { class: "chip event-chip" }, e.type), " ", who, whom ? ` → ${whom}` : "", `: ${e.trigger.text}`]),
      h("div", { class: "muted" }, [e.place?.name, e.time?.value].filter(Boolean).join(" · ")));
  });
}

/** How a date not given by the source was found, as the article header says it. */
const DATE_SOURCES = { estimated: "estimated", dateline: "dateline", header: "page header", url: "web address" };

function header(analysis, { level, storyId }) {
  const meta = analysis.article || {};
  const published = meta.published || analysis.publication?.date;
  const dateSource = meta.published ? meta.published_from : analysis.publication?.source;
  const title = meta.title || shorten(analysis.text, 80) || "Untitled article";
  const bits = [
    meta.source,
    published ? `${published}${DATE_SOURCES[dateSource] ? ` (${DATE_SOURCES[dateSource]})` : ""}` : "date unknown",
    analysis.dateline?.place ? `dateline: ${analysis.dateline.place}` : null,
  ].filter(Boolean);
  return h("header", { class: "analysis-head" },
    h(level, {}, title),
    h("p", { class: "meta" }, bits.join(" · "),
      storyId != null ? [" · ", h("a", { href: storyHref(storyId) }, `story ${storyId}`)] : null,
      analysis.normalization?.degraded ? [" ", h("span", { class: "chip" }, "degraded input, restored")] : null),
    h("p", { class: "muted summary" }, [
      plural((analysis.entities || []).length, "entity", "entities"), plural((analysis.places || []).length, "place"),
      plural((analysis.times || []).length, "time"), plural((analysis.quotes || []).length, "quote"),
      plural((analysis.claims || []).length, "claim"), plural((analysis.events || []).length, "event"),
    ].join(" · ")));
}

/** The whole article view; `level` is the heading tag of its title. */
export function analysisView(analysis, { level = "h1", storyId = null } = {}) {
  const view = new TextView(analysis.text || "", annotate(analysis));
  const facts = h("aside", { class: "facts", "aria-label": "Extracted facts" },
    section("Entities", entityItems(view, analysis), "No entities."),
    section("Places", placeItems(view, analysis), "No places."),
    section("Times", timeItems(view, analysis), "No time expressions."),
    section("Quotes", quoteItems(view, analysis), "No quotes."),
    section("Claims", claimItems(view, analysis), "No claims."),
    section("Events", eventItems(view, analysis), "No events."));
  const body = h("div", { class: "analysis-body" },
    h("section", { class: "text-col", "aria-label": "Article text" }, legend(view), view.element),
    facts);
  return h("article", { class: "analysis" }, header(analysis, { level, storyId }), body);
}
