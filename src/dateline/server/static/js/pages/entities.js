// Entities of the corpus, most named first, filtered by name and type; paged.

import { get, itemsOf } from "../api.js";
import { h, message, entityHref } from "../dom.js";
import { pager, offsetHref } from "../pager.js";
import { setQuery } from "../nav.js";
import { ENTITY_TYPES, PAGE_SIZE } from "../constants.js";

export async function render(main, { query, signal }) {
  document.title = "Entities · dateline";
  const q = query.get("q") || "";
  const type = query.get("type") || "";
  const offset = Number(query.get("offset") || 0);
  const nameInput = h("input", { id: "entity-q", name: "q", type: "search", value: q, placeholder: "name or alias" });
  const typeSelect = h("select", { id: "entity-type", name: "type" }, h("option", { value: "" }, "any"),
    ENTITY_TYPES.map((t) => h("option", { value: t, selected: t === type ? true : null }, t)));
  const form = h("form", { class: "filters", role: "search", "aria-label": "Find entities" },
    h("div", { class: "field" }, h("label", { for: "entity-q" }, "Name"), nameInput),
    h("div", { class: "field" }, h("label", { for: "entity-type" }, "Type"), typeSelect),
    h("div", { class: "field field-actions" }, h("button", { type: "submit", class: "primary" }, "Find")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setQuery({ q: nameInput.value.trim(), type: typeSelect.value });
  });
  main.append(h("h1", {}, "Entities"), form);
  const body = await get("/api/entities", { q, type, limit: PAGE_SIZE, offset }, { signal });
  const items = itemsOf(body);
  if (!items.length) {
    main.append(message(q ? `No entity matches “${q}”.` : "No entities yet."));
    return;
  }
  const rows = items.map((e) => h("tr", {},
    h("th", { scope: "row" }, h("a", { href: entityHref(e.name) }, e.name)),
    h("td", {}, h("span", { class: `chip t-${e.type}` }, e.type)),
    h("td", {}, e.country || ""),
    h("td", { class: "num" }, e.article_count ?? ""),
    h("td", { class: "num" }, e.mention_count ?? "")));
  main.append(h("table", { class: "table" },
    h("caption", { class: "sr-only" }, "Entities, most named first"),
    h("thead", {}, h("tr", {}, ["Name", "Type", "Country", "Articles", "Mentions"].map((c) => h("th", { scope: "col" }, c)))),
    h("tbody", {}, rows)),
    pager(body, offsetHref, "Entity pages"));
}
