// A stored article by id (GET /api/articles/{id}), highlighted with its facts.

import { get } from "../api.js";
import { h, message } from "../dom.js";
import { analysisView } from "../analysisview.js";

/** The Analysis and story id whether the API answers with the Analysis itself or wraps it. */
function unwrap(body) {
  if (body && body.analysis && body.analysis.text !== undefined) return { analysis: body.analysis, storyId: body.story_id ?? null };
  return { analysis: body, storyId: body?.story_id ?? null };
}

export async function render(main, { arg, signal }) {
  if (!arg) {
    main.append(h("h1", {}, "Article"), message("No article id given."));
    return;
  }
  let body;
  try {
    body = await get(`/api/articles/${encodeURIComponent(arg)}`, {}, { signal });
  } catch (error) {
    if (error.name === "AbortError" || error.status === 401 || error.status === 403) throw error;
    document.title = "Article not found · dateline";
    main.append(h("h1", {}, "Article not found"), message(error.message, error.status === 404 ? "info" : "error"));
    return;
  }
  const { analysis, storyId } = unwrap(body);
  document.title = `${analysis.article?.title || arg} · dateline`;
  main.append(analysisView(analysis, { level: "h1", storyId }));
}
