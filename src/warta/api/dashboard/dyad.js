// Dyad view: cooperation (up) and conflict (down) between two countries per period, stacked
// by QuadClass, with the mean Goldstein score as a line. Plain SVG, no chart library.
import { api, esc, formValues, query } from "./common.js";

const W = 900;
const H = 340;
const M = { top: 20, right: 48, bottom: 44, left: 44 };
const SERIES = [
  // [field, label, above the axis?]
  ["material_cooperation", "material cooperation", true],
  ["verbal_cooperation", "verbal cooperation", true],
  ["verbal_conflict", "verbal conflict", false],
  ["material_conflict", "material conflict", false],
];
const SVG = "http://www.w3.org/2000/svg";

function form(a, b, freq) {
  const opt = (f) => `<option${f === freq ? " selected" : ""}>${f}</option>`;
  return `<form id="dyad-form" class="filters">
    <label>Country A <input name="a" value="${esc(a)}" size="5" pattern="[A-Za-z]{2,10}" required></label>
    <label>Country B <input name="b" value="${esc(b)}" size="5" pattern="[A-Za-z]{2,10}" required></label>
    <label>Per <select name="freq">${["day", "week", "month", "quarter", "year"].map(opt).join("")}</select></label>
    <button type="submit">Show</button></form>`;
}

function el(name, attrs, text) {
  const node = document.createElementNS(SVG, name);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  if (text !== undefined) node.textContent = text;
  return node;
}

function step(day, freq) {
  const d = new Date(`${day}T00:00:00Z`);
  if (freq === "day") d.setUTCDate(d.getUTCDate() + 1);
  else if (freq === "week") d.setUTCDate(d.getUTCDate() + 7);
  else d.setUTCMonth(d.getUTCMonth() + ({ month: 1, quarter: 3, year: 12 })[freq]);
  return d.toISOString().slice(0, 10);
}

export function fillGaps(periods, freq, max = 400) {
  // Quiet periods are part of a relationship's story: show them as empty slots.
  if (periods.length < 2) return periods;
  const byDay = new Map(periods.map((p) => [p.period, p]));
  const out = [];
  for (let day = periods[0].period; day <= periods[periods.length - 1].period; day = step(day, freq)) {
    if (out.length >= max) return periods;
    out.push(byDay.get(day) || { period: day, events: 0, a_to_b: 0, b_to_a: 0, verbal_cooperation: 0,
      material_cooperation: 0, verbal_conflict: 0, material_conflict: 0, mean_goldstein: null });
  }
  return out;
}

export function chart(periods, a, b) {
  const svg = el("svg", { viewBox: `0 0 ${W} ${H}`, class: "dyad-chart", role: "img",
    "aria-label": `Cooperation and conflict between ${a} and ${b}` });
  const innerW = W - M.left - M.right;
  const innerH = H - M.top - M.bottom;
  const zero = M.top + innerH / 2;
  const up = (p) => p.verbal_cooperation + p.material_cooperation;
  const down = (p) => p.verbal_conflict + p.material_conflict;
  const max = Math.max(1, ...periods.map(up), ...periods.map(down));
  const scale = (n) => (n / max) * (innerH / 2);
  const band = innerW / Math.max(1, periods.length);
  const barW = Math.max(2, Math.min(40, band * 0.7));
  svg.appendChild(el("line", { x1: M.left, x2: W - M.right, y1: zero, y2: zero, class: "axis" }));
  for (const [y, label] of [[M.top, `${max}`], [zero, "0"], [M.top + innerH, `${max}`]]) {
    svg.appendChild(el("text", { x: M.left - 6, y: y + 4, class: "tick", "text-anchor": "end" }, label));
  }
  svg.appendChild(el("text", { x: M.left, y: M.top - 6, class: "label" }, "cooperation ↑"));
  svg.appendChild(el("text", { x: M.left, y: H - M.bottom + 30, class: "label" }, "conflict ↓"));
  const tickEvery = Math.ceil(periods.length / 10);
  periods.forEach((p, i) => {
    const x = M.left + i * band + (band - barW) / 2;
    let above = zero;
    let below = zero;
    for (const [field, label, isUp] of SERIES) {
      const h = scale(p[field] || 0);
      if (!h) continue;
      const y = isUp ? above - h : below;
      if (isUp) above -= h; else below += h;
      const bar = el("rect", { x, y, width: barW, height: h, class: `bar ${field.replace("_", "-")}` });
      bar.appendChild(el("title", {}, `${p.period}: ${p[field]} ${label}`));
      svg.appendChild(bar);
    }
    if (i % tickEvery === 0) {
      svg.appendChild(el("text", { x: x + barW / 2, y: H - M.bottom + 14, class: "tick", "text-anchor": "middle" }, p.period));
    }
  });
  svg.appendChild(goldstein(periods, band, innerH));
  svg.appendChild(el("text", { x: W - M.right + 6, y: M.top + 4, class: "tick" }, "+10"));
  svg.appendChild(el("text", { x: W - M.right + 6, y: M.top + innerH + 4, class: "tick" }, "−10"));
  return svg;
}

function goldstein(periods, band, innerH) {
  // Goldstein runs from -10 (most conflictual) to +10 (most cooperative): the right axis.
  const y = (g) => M.top + innerH / 2 - (g / 10) * (innerH / 2);
  const points = periods
    .map((p, i) => (p.mean_goldstein == null ? null : [M.left + i * band + band / 2, y(p.mean_goldstein)]))
    .filter(Boolean);
  const group = el("g", { class: "goldstein" });
  if (points.length > 1) group.appendChild(el("polyline", { points: points.map((pt) => pt.join(",")).join(" ") }));
  points.forEach(([cx, cy], i) => {
    const dot = el("circle", { cx, cy, r: 3.5 });
    dot.appendChild(el("title", {}, `mean Goldstein ${periods.filter((p) => p.mean_goldstein != null)[i].mean_goldstein}`));
    group.appendChild(dot);
  });
  return group;
}

function legend() {
  return `<ul class="chart-legend">${SERIES.map(([f, label]) =>
    `<li><span class="swatch ${f.replace("_", "-")}"></span>${label}</li>`).join("")}
    <li><span class="swatch goldstein-swatch"></span>mean Goldstein (right axis)</li></ul>`;
}

function table(periods, a, b) {
  return `<details><summary>Numbers</summary><table class="dyad-table"><thead><tr><th>Period</th><th>Events</th>
    <th>${esc(a)}→${esc(b)}</th><th>${esc(b)}→${esc(a)}</th><th>Coop. verbal</th><th>Coop. material</th>
    <th>Conflict verbal</th><th>Conflict material</th><th>Goldstein</th></tr></thead><tbody>
    ${periods.map((p) => `<tr><td>${esc(p.period)}</td><td>${p.events}</td><td>${p.a_to_b}</td><td>${p.b_to_a}</td>
    <td>${p.verbal_cooperation}</td><td>${p.material_cooperation}</td><td>${p.verbal_conflict}</td>
    <td>${p.material_conflict}</td><td>${p.mean_goldstein ?? ""}</td></tr>`).join("")}</tbody></table></details>`;
}

export async function render(container, { params }) {
  const a = (params.get("a") || "PRK").toUpperCase();
  const b = (params.get("b") || "RUS").toUpperCase();
  const freq = params.get("freq") || "week";
  container.innerHTML = `<h1>Dyad ${esc(a)} – ${esc(b)}</h1>${form(a, b, freq)}<div id="dyad-out">Loading…</div>`;
  const f = container.querySelector("#dyad-form");
  f.addEventListener("submit", (e) => {
    e.preventDefault();
    location.hash = `#/dyad?${query(formValues(f))}`;
  });
  const dyad = await api(`/api/dyads/${encodeURIComponent(a)}/${encodeURIComponent(b)}?freq=${encodeURIComponent(freq)}`);
  const out = container.querySelector("#dyad-out");
  const link = `<p><a href="#/events?actor=${encodeURIComponent(a)}">Events involving ${esc(a)}</a></p>`;
  if (!dyad.periods.length) {
    out.innerHTML = `<p class="empty">No dated events between ${esc(a)} and ${esc(b)}.</p>`;
    return;
  }
  out.innerHTML = legend();
  out.appendChild(chart(fillGaps(dyad.periods, freq), a, b));
  out.insertAdjacentHTML("beforeend", table(dyad.periods, a, b) + link);
}
