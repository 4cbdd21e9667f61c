// Small DOM helpers: build elements from data without ever parsing it as HTML.

export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key === "class") el.className = value;
    else if (key === "text") el.textContent = value;
    else if (key === "dataset") Object.assign(el.dataset, value);
    else if (key.startsWith("on") && typeof value === "function") el.addEventListener(key.slice(2).toLowerCase(), value);
    else if (value === true) el.setAttribute(key, "");
    else el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return parent;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

export function entityHref(name) {
  return `#/entity/${encodeURIComponent(name)}`;
}

export function articleHref(id) {
  return `#/article/${encodeURIComponent(id)}`;
}

export function storyHref(id) {
  return `#/story/${encodeURIComponent(id)}`;
}

export function searchHref(params) {
  return `#/search?${new URLSearchParams(params)}`;
}

export function shorten(text, max = 140) {
  const flat = String(text || "").replace(/\s+/g, " ").trim();
  return flat.length > max ? flat.slice(0, max - 1) + "…" : flat;
}

export function plural(n, word, many = word + "s") {
  return `${n} ${n === 1 ? word : many}`;
}

/** A message block for empty results, errors and missing features. */
export function message(text, kind = "info") {
  return h("p", { class: `message message-${kind}`, role: kind === "error" ? "alert" : null }, text);
}
