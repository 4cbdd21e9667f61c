// Previous / next links over a paged list response ({items, total, total_capped, limit, offset}).

import { h } from "./dom.js";

export function pager(body, hrefFor, label = "Pages") {
  const { total, total_capped: capped, limit, offset = 0 } = body;
  const count = (body.items || []).length;
  if (!count && !offset) return document.createTextNode("");
  const last = offset + count;
  const hasNext = total != null ? last < total : count >= limit;
  const status = total != null ? `${offset + 1}–${last} of ${total.toLocaleString("en")}${capped ? "+" : ""}`
    : `${offset + 1}–${last}`;
  return h("nav", { class: "pager", "aria-label": label },
    offset > 0 ? h("a", { href: hrefFor(Math.max(0, offset - limit)), rel: "prev" }, "← Previous") : h("span", { class: "muted" }, "← Previous"),
    h("span", { class: "pager-status", "aria-live": "polite" }, status),
    hasNext ? h("a", { href: hrefFor(offset + limit), rel: "next" }, "Next →") : h("span", { class: "muted" }, "Next →"));
}

/** The href of the current page with another offset. */
export function offsetHref(offset) {
  const [path, queryString = ""] = location.hash.split("?");
  const query = new URLSearchParams(queryString);
  if (offset) query.set("offset", offset);
  else query.delete("offset");
  const text = query.toString();
  return `${path || "#/"}${text ? "?" + text : ""}`;
}
