// The location hash as a page address: #/name/arg?query.

export function parseHash(hash) {
  const raw = hash.replace(/^#\/?/, "");
  const [path, queryString = ""] = raw.split("?");
  const [name, ...rest] = path.split("/");
  let arg = rest.length ? rest.join("/") : null;
  try {
    if (arg !== null) arg = decodeURIComponent(arg);
  } catch {
    // a malformed escape (#/entity/100%) is kept as written rather than breaking the router
  }
  return { name, arg, query: new URLSearchParams(queryString) };
}

/** Go to the current page with another query (a new history entry unless `replace`). */
export function setQuery(params, { replace = false } = {}) {
  const { name, arg } = parseHash(location.hash || "#/");
  const qs = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") qs.set(key, value);
  }
  const text = qs.toString();
  const hash = `#/${name}${arg ? "/" + encodeURIComponent(arg) : ""}${text ? "?" + text : ""}`;
  if (replace) history.replaceState(null, "", hash);
  else if (location.hash === hash) window.dispatchEvent(new HashChangeEvent("hashchange"));
  else location.hash = hash;
}
