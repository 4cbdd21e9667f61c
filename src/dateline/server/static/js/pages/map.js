// Places and events on a world map (Leaflet over world-atlas country shapes, all served locally),
// sized by counts and filtered by period and event type; the same data as keyboard-friendly tables.

import { get, itemsOf } from "../api.js";
import { h, append, clear, message, searchHref, storyHref, plural } from "../dom.js";
import { filterForm, valuesOf } from "../filters.js";
import { setQuery } from "../nav.js";
import { loadMapLibraries, worldCountries } from "../vendor.js";

const NAMES = ["since", "until", "event_type", "country"];
// Most places and events drawn at once (the most named first).
const MAX_MARKERS = 500;

function radius(count) {
  return 5 + 4 * Math.sqrt(Math.max(1, count));
}

/** Events grouped by where they happened: one marker per place. */
function eventsByPlace(events) {
  const groups = new Map();
  for (const event of events) {
    const p = event.place;
    if (!p || p.latitude == null || p.longitude == null) continue;
    const key = p.geonames_id ?? `${p.latitude},${p.longitude}`;
    if (!groups.has(key)) groups.set(key, { place: p, events: [], types: new Map() });
    const group = groups.get(key);
    group.events.push(event);
    group.types.set(event.type, (group.types.get(event.type) || 0) + 1);
  }
  return [...groups.values()].sort((a, b) => b.events.length - a.events.length);
}

function typeSummary(group) {
  return [...group.types].sort((a, b) => b[1] - a[1]).map(([t, n]) => `${t} ${n}`).join(", ");
}

function placePopup(p) {
  return h("div", { class: "popup" }, h("strong", {}, p.name), p.country_code ? ` (${p.country_code})` : "", h("br"),
    `${plural(p.articles ?? 0, "article")}`, p.events ? `, ${plural(p.events, "event")}` : "", h("br"),
    h("a", { href: searchHref({ place: p.name }) }, "Articles naming it"));
}

function eventPopup(group) {
  return h("div", { class: "popup" }, h("strong", {}, group.place.name), h("br"), typeSummary(group),
    h("ul", {}, group.events.slice(0, 5).map((e) => h("li", {}, `${e.type} ${e.date || ""} `,
      e.story_id != null ? h("a", { href: storyHref(e.story_id) }, `story ${e.story_id}`) : null))));
}

// Leaflet sets a string's content as HTML: names go in as a text element.
function tooltip(text) {
  return h("span", {}, text);
}

function focusable(layer, label) {
  const el = layer.getElement?.();
  if (!el) return;
  el.setAttribute("tabindex", "0");
  el.setAttribute("role", "button");
  el.setAttribute("aria-label", label);
  el.addEventListener("keydown", (event) => {
    if (event.key === "Enter" || event.key === " ") {
      event.preventDefault();
      layer.openPopup();
    }
  });
}

async function drawMap(panel, places, groups, show) {
  const { L, topojson } = await loadMapLibraries();
  const box = h("div", { id: "map", class: "map", role: "region", "aria-label": "Map of places and events" });
  clear(panel).append(box);
  const still = window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const map = L.map(box, { worldCopyJump: true, minZoom: 1, maxZoom: 10, zoomSnap: 0.5,
    zoomAnimation: !still, fadeAnimation: !still, markerZoomAnimation: !still });
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Countries: Natural Earth via world-atlas");
  map.setView([15, 20], 2);
  const countries = await worldCountries(topojson);
  L.geoJSON(countries, { interactive: false, style: { color: "#9aa39a", weight: 0.6, fillColor: "#f1efe6", fillOpacity: 1 } }).addTo(map);
  box.dataset.base = "drawn";
  const bounds = [];
  let markers = 0;
  if (show.places) {
    for (const p of places) {
      if (p.latitude == null || p.longitude == null) continue;
      const marker = L.circleMarker([p.latitude, p.longitude], {
        radius: radius(p.articles ?? 1), color: "#1d4ed8", weight: 1.5, fillColor: "#3b82f6", fillOpacity: 0.45, className: "marker-place",
      }).bindPopup(placePopup(p)).bindTooltip(tooltip(`${p.name}: ${plural(p.articles ?? 0, "article")}`)).addTo(map);
      focusable(marker, `${p.name}, ${plural(p.articles ?? 0, "article")}`);
      bounds.push([p.latitude, p.longitude]);
      markers++;
    }
  }
  if (show.events) {
    for (const group of groups) {
      const { latitude, longitude, name } = group.place;
      const marker = L.circleMarker([latitude, longitude], {
        radius: radius(group.events.length), color: "#b91c1c", weight: 1.5, fillColor: "#ef4444", fillOpacity: 0.55, className: "marker-event",
      }).bindPopup(eventPopup(group)).bindTooltip(tooltip(`${name}: ${typeSummary(group)}`)).addTo(map);
      focusable(marker, `${name}: ${plural(group.events.length, "event")}, ${typeSummary(group)}`);
      bounds.push([latitude, longitude]);
      markers++;
    }
  }
  box.dataset.markers = String(markers);
  if (bounds.length) map.fitBounds(bounds, { padding: [40, 40], maxZoom: 5, animate: false });
  return map;
}

function placeTable(places) {
  if (!places.length) return h("p", { class: "muted" }, "No places.");
  return h("table", { class: "table compact" },
    h("caption", {}, "Places, most named first"),
    h("thead", {}, h("tr", {}, ["Place", "Country", "Articles", "Events"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, places.map((p) => h("tr", {},
      h("th", { scope: "row" }, h("a", { href: searchHref({ place: p.geonames_id ?? p.name }) }, p.name)),
      h("td", {}, p.country_code || ""), h("td", { class: "num" }, p.articles ?? ""), h("td", { class: "num" }, p.events ?? "")))));
}

function eventTable(groups) {
  if (!groups.length) return h("p", { class: "muted" }, "No events with a place.");
  return h("table", { class: "table compact" },
    h("caption", {}, "Events by place"),
    h("thead", {}, h("tr", {}, ["Place", "Events", "Types"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, groups.map((g) => h("tr", {},
      h("th", { scope: "row" }, h("a", { href: searchHref({ place: g.place.name }) }, g.place.name)),
      h("td", { class: "num" }, g.events.length), h("td", {}, typeSummary(g))))));
}

function layerSwitches(show, redraw) {
  const box = (name, label, cls) => {
    const id = `map-layer-${name}`;
    return h("li", {}, h("input", { type: "checkbox", id, checked: show[name] ? true : null,
      onchange: (e) => { show[name] = e.target.checked; redraw(); } }),
    h("label", { for: id }, h("span", { class: `dot ${cls}`, "aria-hidden": "true" }), label));
  };
  return h("fieldset", { class: "legend map-legend" }, h("legend", {}, "Layers (circle size: count)"),
    h("ul", {}, box("places", "Places named in articles", "dot-place"), box("events", "Events", "dot-event")));
}

export async function render(main, { query, signal }) {
  document.title = "Map · dateline";
  const values = valuesOf(query, NAMES);
  const show = { places: !values.event_type, events: true };
  main.append(h("h1", {}, "Map of places and events"),
    filterForm(NAMES, query, (v) => setQuery(v), { label: "Filter the map" }));
  const [placesBody, eventsBody] = await Promise.all([
    get("/api/places", { mapped: true, since: values.since, until: values.until, country: values.country, limit: MAX_MARKERS }, { signal })
      .catch((error) => ({ error })),
    get("/api/events", { type: values.event_type, since: values.since, until: values.until, country: values.country, limit: MAX_MARKERS }, { signal })
      .catch((error) => ({ error })),
  ]);
  const places = placesBody.error ? [] : itemsOf(placesBody);
  const events = eventsBody.error ? [] : itemsOf(eventsBody);
  const groups = eventsByPlace(events);
  const panel = h("div", { class: "map-panel" }, h("p", { class: "loading" }, "Drawing the map…"));
  const notes = [placesBody.error ? message(`Places: ${placesBody.error.message}`, "error") : null,
    eventsBody.error ? message(`Events: ${eventsBody.error.message}`, "error") : null,
    values.event_type ? h("p", { class: "muted" }, `Showing ${values.event_type} events. Place counts cover every article, so that layer starts switched off.`) : null,
    (values.since || values.until) && !values.event_type ? h("p", { class: "muted" }, "The period filters the events; place counts cover every article.") : null];
  let map = null;
  const redraw = async () => {
    map?.remove();
    try {
      map = await drawMap(panel, places, groups, show);
    } catch (error) {
      clear(panel).append(message(error.message, error.name === "VendorMissing" ? "warning" : "error"));
      panel.dataset.state = "unavailable";
    }
  };
  append(main, [layerSwitches(show, redraw), notes, panel,
    h("p", { class: "muted" }, `${plural(places.length, "place")} named; ${plural(events.length, "event")}, ${groups.reduce((n, g) => n + g.events.length, 0)} of them with a place`,
      events.length >= MAX_MARKERS || places.length >= MAX_MARKERS ? ` (the ${MAX_MARKERS} most named; narrow the filters to see others)` : ""),
    h("div", { class: "panels" }, h("section", { class: "panel" }, eventTable(groups)), h("section", { class: "panel" }, placeTable(places)))]);
  await redraw();
}
