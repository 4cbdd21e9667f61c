// The JSON API: GET with query parameters, POST with a JSON body; errors carry the server's message.

export class ApiError extends Error {
  constructor(status, message, code) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

function describe(body, response) {
  if (body && typeof body === "object") {
    const detail = body.detail ?? body.error ?? body;
    if (typeof detail === "string") return [detail, body.code];
    if (Array.isArray(detail)) return [detail.map((d) => d.msg || JSON.stringify(d)).join("; "), null];
    if (detail && typeof detail === "object") return [detail.message || JSON.stringify(detail), detail.code || body.code];
  }
  return [`${response.status} ${response.statusText}`, null];
}

async function handle(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) {
    const [text, code] = describe(body, response);
    throw new ApiError(response.status, text, code);
  }
  return body;
}

export function query(params = {}) {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") out.set(key, value);
  }
  const text = out.toString();
  return text ? `?${text}` : "";
}

const TOKEN_KEY = "dateline-token";

/** The API token for servers started with --token-reads, kept for this browser tab only. */
export function setToken(token) {
  if (token) sessionStorage.setItem(TOKEN_KEY, token);
  else sessionStorage.removeItem(TOKEN_KEY);
}

function headers(extra = {}) {
  const token = sessionStorage.getItem(TOKEN_KEY);
  return { Accept: "application/json", ...extra, ...(token ? { Authorization: `Bearer ${token}` } : {}) };
}

export async function get(path, params = {}, options = {}) {
  const response = await fetch(path + query(params), { headers: headers(), signal: options.signal });
  return handle(response);
}

export async function post(path, body, options = {}) {
  const response = await fetch(path, {
    method: "POST",
    headers: headers({ "Content-Type": "application/json" }),
    body: JSON.stringify(body),
    signal: options.signal,
  });
  return handle(response);
}

/** Items of a list response ({items, total, limit, offset}) or of a bare array. */
export function itemsOf(body) {
  if (Array.isArray(body)) return body;
  return (body && (body.items || body.results)) || [];
}
