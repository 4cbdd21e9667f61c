// A time axis in SVG: stories as bars from first to last date, events as dots, each a link.

const NS = "http://www.w3.org/2000/svg";
const DAY = 86400000;

export function svg(tag, attrs = {}, ...children) {
  const el = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== null && v !== undefined) el.setAttribute(k, String(v));
  for (const c of children.flat()) if (c !== null && c !== undefined) el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return el;
}

/** Start of an ISO date of any precision ('2017', '2017-07', '2017-07-09'); null if unreadable. */
export function parseDate(value) {
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?/.exec(value || "");
  if (!m) return null;
  return Date.UTC(Number(m[1]), m[2] ? Number(m[2]) - 1 : 0, m[3] ? Number(m[3]) : 1);
}

/** About six round tick dates between two times. */
export function ticks(from, to) {
  const span = Math.max(DAY, to - from);
  const steps = [[1, "day"], [7, "day"], [1, "month"], [3, "month"], [1, "year"], [5, "year"], [10, "year"]];
  const [n, unit] = steps.find(([k, u]) => span / ((u === "day" ? k : u === "month" ? 30.4 * k : 365.25 * k) * DAY) <= 8) || steps[steps.length - 1];
  const out = [];
  const d = new Date(from);
  let t = unit === "day" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate())
    : unit === "month" ? Date.UTC(d.getUTCFullYear(), d.getUTCMonth() - (d.getUTCMonth() % n), 1)
      : Date.UTC(d.getUTCFullYear() - (d.getUTCFullYear() % n), 0, 1);
  while (t <= to && out.length < 40) {
    if (t >= from) out.push({ t, unit });
    const x = new Date(t);
    t = unit === "day" ? t + n * DAY : unit === "month" ? Date.UTC(x.getUTCFullYear(), x.getUTCMonth() + n, 1) : Date.UTC(x.getUTCFullYear() + n, 0, 1);
  }
  return out;
}

export function tickLabel({ t, unit }) {
  const iso = new Date(t).toISOString();
  return unit === "day" ? iso.slice(0, 10) : unit === "month" ? iso.slice(0, 7) : iso.slice(0, 4);
}

export const TYPE_GROUP = {
  AGREE: "coop", CONSULT: "coop", SUPPORT: "coop", COOPERATE: "coop", AID: "coop", CONCEDE: "coop", RETREAT: "coop",
  INVESTIGATE: "verbal", DEMAND: "verbal", DISAPPROVE: "verbal", REJECT: "verbal", THREATEN: "verbal",
  PROTEST: "material", MOBILIZE: "material", SANCTION: "material", COERCE: "material",
  ASSAULT: "violent", FIGHT: "violent", CRIME: "violent",
};
