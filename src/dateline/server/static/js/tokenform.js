// The API token form, for servers started with --token-reads (or a read-only page meeting a 401/403).

import { h, message } from "./dom.js";
import { setToken } from "./api.js";

let forms = 0; // each form's input gets its own id, so two on a page keep their labels

/** A warning with `reason` and a form that stores the token for this tab, then calls `onToken`. */
export function tokenForm(reason, onToken) {
  const id = `api-token-${++forms}`;
  const input = h("input", { id, type: "password", autocomplete: "off", required: true });
  const form = h("form", { class: "filters token-form", "aria-label": "API token" },
    h("div", { class: "field" }, h("label", { for: id }, "API token"), input),
    h("div", { class: "field field-actions" }, h("button", { type: "submit", class: "primary" }, "Use token")));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    setToken(input.value.trim());
    onToken();
  });
  const note = `${reason.replace(/[.\s]*$/, ".")} Enter the token; it is kept in this tab only.`;
  return h("div", {}, message(note, "warning"), form);
}

/** Whether an API error asks for a token. */
export function needsToken(error) {
  return error?.status === 401 || error?.status === 403;
}
