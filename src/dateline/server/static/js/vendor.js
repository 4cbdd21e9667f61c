// Third-party files installed at build time into /static/vendor (Leaflet, topojson-client, world-atlas),
// loaded only by the pages that draw a map. A missing file rejects with VendorMissing.

export const VENDOR = "/static/vendor";
export const INSTALL_HINT = "python -m dateline.server.assets (or bash scripts/install_web_assets.sh)";

export class VendorMissing extends Error {
  constructor(what) {
    super(`The map's files are not installed (${what}). Install them with: ${INSTALL_HINT}, then reload.`);
    this.name = "VendorMissing";
  }
}

const pending = new Map();

function once(url, make) {
  if (!pending.has(url)) pending.set(url, make());
  return pending.get(url);
}

function script(src) {
  return once(src, () => new Promise((resolve, reject) => {
    const el = document.createElement("script");
    el.src = src;
    el.onload = () => resolve();
    el.onerror = () => {
      pending.delete(src);
      reject(new VendorMissing(src.replace(VENDOR + "/", "")));
    };
    document.head.append(el);
  }));
}

function stylesheet(href) {
  return once(href, () => new Promise((resolve, reject) => {
    const el = document.createElement("link");
    el.rel = "stylesheet";
    el.href = href;
    el.onload = () => resolve();
    el.onerror = () => {
      pending.delete(href);
      reject(new VendorMissing(href.replace(VENDOR + "/", "")));
    };
    document.head.append(el);
  }));
}

/** window.L and window.topojson, once their scripts and Leaflet's stylesheet are in. */
export async function loadMapLibraries() {
  if (document.documentElement.dataset.vendor === "missing") throw new VendorMissing("leaflet, topojson-client, world-atlas");
  await Promise.all([
    stylesheet(`${VENDOR}/leaflet/leaflet.css`),
    script(`${VENDOR}/leaflet/leaflet.js`),
    script(`${VENDOR}/topojson-client/topojson-client.min.js`),
  ]);
  return { L: window.L, topojson: window.topojson };
}

/** Country shapes as a GeoJSON FeatureCollection (world-atlas countries-110m). */
export function worldCountries(topojson) {
  return once(`${VENDOR}/world-atlas/countries-110m.json`, async () => {
    const response = await fetch(`${VENDOR}/world-atlas/countries-110m.json`);
    if (!response.ok) throw new VendorMissing("world-atlas/countries-110m.json");
    const topology = await response.json();
    return topojson.feature(topology, topology.objects.countries);
  });
}
