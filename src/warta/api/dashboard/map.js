// Map of event places: the shipped world outline (plate carrée, 360×180, see world.svg)
// with one circle per place, sized by the number of events and coloured by their status.
import { api, badge, esc, formValues, kind, query } from "./common.js";

const SVG = "http://www.w3.org/2000/svg";
let land = null;

async function loadLand() {
  if (land === null) {
    const text = await fetch("/static/world.svg").then((r) => r.text());
    land = new DOMParser().parseFromString(text, "image/svg+xml").querySelector("path")?.getAttribute("d") || "";
  }
  return land;
}

function el(name, attrs) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  return node;
}

function places(events) {
  const byPlace = new Map();
  for (const e of events) {
    if (e.lat == null || e.lon == null) continue;
    const key = `${e.lat.toFixed(2)},${e.lon.toFixed(2)}`;
    const entry = byPlace.get(key) || { lat: e.lat, lon: e.lon, name: e.place_name, events: [] };
    entry.events.push(e);
    byPlace.set(key, entry);
  }
  return [...byPlace.values()];
}

function graticule(svg) {
  for (let lon = -150; lon <= 150; lon += 30) svg.appendChild(el("line", { x1: lon + 180, x2: lon + 180, y1: 0, y2: 180, class: "graticule" }));
  for (let lat = -60; lat <= 60; lat += 30) svg.appendChild(el("line", { x1: 0, x2: 360, y1: 90 - lat, y2: 90 - lat, class: "graticule" }));
}

function dominant(events) {
  const counts = {};
  for (const e of events) counts[e.status] = (counts[e.status] || 0) + 1;
  return Object.entries(counts).sort((a, b) => b[1] - a[1])[0][0];
}

function drawMap(points, landPath, onPick) {
  const svg = el("svg", { viewBox: "0 0 360 180", class: "world-map", role: "img", "aria-label": "map of event places" });
  svg.appendChild(el("rect", { x: 0, y: 0, width: 360, height: 180, class: "sea" }));
  graticule(svg);
  svg.appendChild(el("path", { d: landPath, class: "land" }));
  points.sort((a, b) => b.events.length - a.events.length).forEach((p, i) => {
    const dot = el("circle", {
      cx: p.lon + 180, cy: 90 - p.lat, r: 1.2 + Math.sqrt(p.events.length) * 0.9,
      class: `place status-${dominant(p.events)}`, "data-place": i, tabindex: 0,
    });
    const title = document.createElementNS(SVG, "title");
    title.textContent = `${p.name || "?"}: ${p.events.length} event(s)`;
    dot.appendChild(title);
    dot.addEventListener("click", () => onPick(p));
    svg.appendChild(dot);
  });
  return svg;
}

function placeList(place) {
  return `<h3>${esc(place.name || "?")} <small>${place.lat.toFixed(2)}, ${place.lon.toFixed(2)}</small></h3>
    <ul class="place-events">${place.events.map((e) => `<li>${badge(e.status)} ${kind(e.type, e.mode)}
    ${esc(e.source_country || e.source_name || "?")} → ${esc(e.target_country || e.target_name || "?")}
    <small>${esc(e.first_seen || "")}</small>
    <a href="#/events?id=${encodeURIComponent(e.id)}">evidence</a></li>`).join("")}</ul>`;
}

export async function render(container, { params }) {
  const vocab = await api("/api/vocabulary");
  const sel = (name, values) => `<select name="${name}"><option value="">any ${name}</option>${values
    .map((v) => `<option${v === params.get(name) ? " selected" : ""}>${esc(v)}</option>`).join("")}</select>`;
  container.innerHTML = `<h1>Map of event places</h1>
    <form id="map-form" class="filters">${sel("type", vocab.types.map((t) => t.type))} ${sel("status", vocab.statuses)}
    <label>Since <input type="date" name="since" value="${esc(params.get("since") || "")}"></label>
    <label>Until <input type="date" name="until" value="${esc(params.get("until") || "")}"></label>
    <button type="submit">Show</button></form>
    <div class="map-layout"><div id="map-out">Loading…</div>
    <aside id="place-detail" class="panel"><p class="hint">Click a circle for the events at that place.</p></aside></div>`;
  const f = container.querySelector("#map-form");
  f.addEventListener("submit", (e) => { e.preventDefault(); location.hash = `#/map?${query(formValues(f))}`; });
  const wanted = Object.fromEntries(["type", "status", "since", "until"].map((k) => [k, params.get(k)]));
  const [page, landPath] = await Promise.all([api(`/api/events?${query({ ...wanted, limit: 500 })}`), loadLand()]);
  const points = places(page.items);
  const out = container.querySelector("#map-out");
  const detail = container.querySelector("#place-detail");
  out.innerHTML = "";
  out.appendChild(drawMap(points, landPath, (p) => { detail.innerHTML = placeList(p); }));
  const placed = points.reduce((n, p) => n + p.events.length, 0);
  const scope = page.next_offset != null ? " (of the newest 500)" : "";
  out.insertAdjacentHTML("beforeend", `<p class="hint">${placed} of ${page.items.length} events${scope} have coordinates.</p>`);
}
