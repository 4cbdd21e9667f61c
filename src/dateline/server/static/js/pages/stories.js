// Stories (articles about one happening), latest activity first, filtered by period; paged.

import { get, itemsOf } from "../api.js";
import { h, message, storyHref, plural } from "../dom.js";
import { filterForm, valuesOf } from "../filters.js";
import { pager, offsetHref } from "../pager.js";
import { setQuery } from "../nav.js";
import { PAGE_SIZE } from "../constants.js";

const NAMES = ["since", "until"];

export async function render(main, { query, signal }) {
  document.title = "Stories · dateline";
  const offset = Number(query.get("offset") || 0);
  main.append(h("h1", {}, "Stories"), filterForm(NAMES, query, (v) => setQuery(v), { label: "Filter stories" }));
  const body = await get("/api/stories", { ...valuesOf(query, NAMES), limit: PAGE_SIZE, offset }, { signal });
  const items = itemsOf(body);
  if (!items.length) {
    main.append(message("No stories in this period."));
    return;
  }
  main.append(h("ol", { class: "hits", start: offset + 1 }, items.map((s) => h("li", { class: "hit" },
    h("h2", { class: "h3" }, h("a", { href: storyHref(s.id) }, s.title || `Story ${s.id}`)),
    h("p", { class: "meta" }, [s.first_date && s.last_date && s.first_date !== s.last_date ? `${s.first_date} – ${s.last_date}` : s.first_date || s.last_date,
      plural(s.article_count, "article"), plural(s.source_count, "independent source")].filter(Boolean).join(" · "))))),
  pager(body, offsetHref, "Story pages"));
}
