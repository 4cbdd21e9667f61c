// A filter form whose values live in the page's URL query, so every filtered view is a link.

import { h } from "./dom.js";
import { EVENT_TYPES } from "./constants.js";

export const FIELDS = {
  q: { label: "Words", type: "search", placeholder: "air strike" },
  entity: { label: "Entity", type: "text", placeholder: "name or alias" },
  place: { label: "Place", type: "text", placeholder: "name or GeoNames id" },
  country: { label: "Country", type: "text", placeholder: "IQ", pattern: "[A-Za-z]{2}", size: 3,
    title: "ISO 3166-1 alpha-2 code, e.g. IQ" },
  since: { label: "From", type: "date" },
  until: { label: "To", type: "date" },
  event_type: { label: "Event type", type: "select", options: EVENT_TYPES },
};

function control(name, spec, value) {
  const id = `filter-${name}`;
  let input;
  if (spec.type === "select") {
    input = h("select", { id, name },
      h("option", { value: "" }, "any"),
      spec.options.map((o) => h("option", { value: o, selected: o === value ? true : null }, o)));
  } else {
    input = h("input", { id, name, type: spec.type, value: value || "", placeholder: spec.placeholder,
      pattern: spec.pattern, size: spec.size, title: spec.title });
  }
  return h("div", { class: `field field-${name}` }, h("label", { for: id }, spec.label), input);
}

/** A form with the named fields, filled from `query`; submitting calls onSubmit({name: value}). */
export function filterForm(names, query, onSubmit, { label = "Filters", submit = "Apply" } = {}) {
  const form = h("form", { class: "filters", role: "search", "aria-label": label },
    names.map((name) => control(name, FIELDS[name], query.get(name))),
    h("div", { class: "field field-actions" },
      h("button", { type: "submit", class: "primary" }, submit),
      h("button", { type: "button", class: "quiet", onclick: () => onSubmit({}) }, "Clear")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const values = {};
    for (const name of names) {
      const value = form.elements[name].value.trim();
      if (value) values[name] = name === "country" ? value.toUpperCase() : value;
    }
    onSubmit(values);
  });
  return form;
}

/** The query's values for the named fields, as an object (empty ones left out). */
export function valuesOf(query, names) {
  const out = {};
  for (const name of names) if (query.get(name)) out[name] = query.get(name);
  return out;
}
