// Stories and events along time: an SVG chart (bars for stories, dots for events) and the same
// as a dated list; filtered by period and event type, paged by story.

import { get, itemsOf } from "../api.js";
import { h, message, storyHref, plural } from "../dom.js";
import { filterForm, valuesOf } from "../filters.js";
import { pager, offsetHref } from "../pager.js";
import { setQuery } from "../nav.js";
import { eventItem } from "../eventitem.js";
import { svg, parseDate, ticks, tickLabel, TYPE_GROUP } from "../svgchart.js";

const NAMES = ["since", "until", "event_type"];
const STORIES_PER_PAGE = 25;
const W = 1000;
const LEFT = 78;
const RIGHT = 10;
const ROW = 22;
const DAY = 86400000;

function extent(stories, events) {
  const times = [];
  for (const s of stories) times.push(parseDate(s.date), parseDate(s.last_date || s.date));
  for (const e of events) times.push(parseDate(e.date));
  const known = times.filter((t) => t !== null);
  if (!known.length) return null;
  let from = Math.min(...known);
  let to = Math.max(...known);
  const pad = Math.max(DAY, (to - from) * 0.04);
  return [from - pad, to + pad];
}

function chart(stories, events) {
  const range = extent(stories, events);
  if (!range) return message("Nothing dated to draw.");
  const [from, to] = range;
  const x = (t) => LEFT + ((t - from) / (to - from)) * (W - LEFT - RIGHT);
  const eventsY = 40;
  const height = eventsY + 30 + stories.length * ROW + 10;
  const grid = ticks(from, to).map((tick) => svg("g", { class: "tick" },
    svg("line", { x1: x(tick.t), x2: x(tick.t), y1: 18, y2: height - 5 }),
    x(tick.t) + 80 > W ? svg("text", { x: x(tick.t) - 3, y: 12, "text-anchor": "end" }, tickLabel(tick))
      : svg("text", { x: x(tick.t) + 3, y: 12 }, tickLabel(tick))));
  const dots = events.filter((e) => parseDate(e.date) !== null).map((e, i) => {
    const dot = svg("circle", { cx: x(parseDate(e.date)), cy: eventsY + ((i % 3) - 1) * 6, r: 5 + Math.min(4, Math.sqrt(e.article_count || 1)),
      class: `dot g-${TYPE_GROUP[e.type] || "other"}` }, svg("title", {}, `${e.type} ${e.date} — ${e.place?.name || "no place"}, ${plural(e.article_count || 1, "article")}`));
    return e.story_id != null ? svg("a", { href: storyHref(e.story_id), "aria-label": `${e.type} on ${e.date}` }, dot) : dot;
  });
  const bars = stories.map((s, i) => {
    const start = parseDate(s.date);
    if (start === null) return null;
    const end = parseDate(s.last_date || s.date) ?? start;
    const y = eventsY + 30 + i * ROW;
    const x1 = x(start);
    const w = Math.max(6, x(end + DAY) - x1);
    const label = `${s.title || "Story " + s.story_id} (${s.article_count})`;
    const rightSide = x1 + w + 6 + label.length * 6.2 < W;
    return svg("a", { href: storyHref(s.story_id), class: "story-bar", "aria-label": `Story: ${s.title || s.story_id}, from ${s.date}` },
      svg("rect", { x: x1, y: y - 7, width: w, height: 12, rx: 3 }),
      svg("text", { x: rightSide ? x1 + w + 6 : x1 - 6, y: y + 3, "text-anchor": rightSide ? "start" : "end" }, label));
  });
  return svg("svg", { class: "timeline-chart", viewBox: `0 0 ${W} ${height}`, role: "img",
    "aria-label": `Timeline of ${plural(stories.length, "story", "stories")} and ${plural(events.length, "event")}` },
  svg("g", { class: "grid" }, grid),
  svg("text", { x: 4, y: eventsY + 4, class: "lane-label" }, "Events"),
  svg("g", { class: "events" }, dots),
  svg("text", { x: 4, y: eventsY + 34, class: "lane-label" }, "Stories"),
  svg("g", { class: "stories" }, bars));
}

function storyList(stories, eventsByStory) {
  return h("ol", { class: "timeline-list" }, stories.map((s) => h("li", {},
    h("p", {}, h("time", { datetime: s.date || "" }, s.date || "undated"),
      s.last_date && s.last_date !== s.date ? ` – ${s.last_date}` : "", " ",
      h("a", { href: storyHref(s.story_id) }, s.title || `Story ${s.story_id}`),
      h("span", { class: "muted" }, ` · ${plural(s.article_count, "article")}, ${plural(s.source_count ?? 0, "source")}`)),
    (eventsByStory.get(s.story_id) || []).length ? h("ul", { class: "events" }, eventsByStory.get(s.story_id).map(eventItem)) : null)));
}

export async function render(main, { query, signal }) {
  document.title = "Timeline · dateline";
  const values = valuesOf(query, NAMES);
  const offset = Number(query.get("offset") || 0);
  main.append(h("h1", {}, "Timeline of stories and events"),
    filterForm(NAMES, query, (v) => setQuery(v), { label: "Filter the timeline" }));
  const timelineBody = await get("/api/timeline", { ...values, limit: STORIES_PER_PAGE, offset }, { signal });
  const stories = itemsOf(timelineBody);
  // Each story brings its most reported events; with a type filter only those of that type show.
  const eventsByStory = new Map(stories.map((s) => [s.story_id,
    (s.events || []).filter((e) => !values.event_type || e.type === values.event_type)]));
  const events = [...eventsByStory.values()].flat();
  if (!stories.length && !events.length) {
    main.append(message("Nothing in this period."));
    return;
  }
  main.append(h("figure", { class: "chart" }, chart(stories, events),
    h("figcaption", { class: "muted" }, "Bars: stories from first to last article. Dots: events, coloured by kind — ",
      h("span", { class: "dot-key g-coop" }), " cooperation ", h("span", { class: "dot-key g-verbal" }), " verbal conflict ",
      h("span", { class: "dot-key g-material" }), " material conflict ", h("span", { class: "dot-key g-violent" }), " violence.")),
  h("h2", {}, "Stories in date order"), storyList(stories, eventsByStory),
  pager(timelineBody, offsetHref, "Timeline pages"));
}
