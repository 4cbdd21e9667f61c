// Paste an article, analyze it on the spot (POST /api/analyze), and read it highlighted.

import { post } from "../api.js";
import { h, clear, message } from "../dom.js";
import { analysisView } from "../analysisview.js";
import { needsToken, tokenForm } from "../tokenform.js";

let lastInput = { text: "", title: "", published: "" }; // kept while the page is left and reopened

export async function render(main) {
  document.title = "Analyze text · dateline";
  const output = h("div", { id: "analysis-output", "aria-live": "polite" });
  const text = h("textarea", { id: "paste-text", name: "text", rows: "10", required: true,
    placeholder: "NAIROBI (Reuters) - Kenya and Somalia agreed on Tuesday…" }, lastInput.text);
  const title = h("input", { id: "paste-title", name: "title", type: "text", value: lastInput.title });
  const published = h("input", { id: "paste-published", name: "published", type: "date", value: lastInput.published });
  const button = h("button", { type: "submit", class: "primary" }, "Analyze");
  const form = h("form", { class: "paste", "aria-label": "Analyze an article" },
    h("div", { class: "field field-text" }, h("label", { for: "paste-text" }, "Article text"), text),
    h("div", { class: "paste-row" },
      h("div", { class: "field" }, h("label", { for: "paste-title" }, "Title (optional)"), title),
      h("div", { class: "field" }, h("label", { for: "paste-published" }, "Published (optional)"), published),
      h("div", { class: "field field-actions" }, button)),
    h("p", { class: "muted" }, "The text is analyzed by this server and not stored. Relative dates (“on Tuesday”) are resolved against the publication date."));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    lastInput = { text: text.value, title: title.value, published: published.value };
    if (!text.value.trim()) return;
    button.disabled = true;
    button.textContent = "Analyzing…";
    clear(output).append(h("p", { class: "loading" }, "Analyzing…"));
    try {
      const body = { text: text.value };
      if (title.value.trim()) body.title = title.value.trim();
      if (published.value) body.published = published.value;
      const analysis = await post("/api/analyze", body);
      clear(output).append(analysisView(analysis.analysis || analysis, { level: "h2" }));
      output.querySelector("h2")?.setAttribute("tabindex", "-1");
      output.querySelector("h2")?.focus();
    } catch (error) {
      if (needsToken(error)) {
        clear(output).append(tokenForm(error.message, () => form.requestSubmit()));
        output.querySelector("input")?.focus();
      } else {
        clear(output).append(message(`Analysis failed: ${error.message}`, "error"));
      }
    } finally {
      button.disabled = false;
      button.textContent = "Analyze";
    }
  });
  main.append(h("h1", {}, "Analyze an article"), form, output);
}
