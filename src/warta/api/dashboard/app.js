// The router: "#/view/rest?params" picks a view module; each view renders into #view.
import { STATUS_HELP, badge, esc, showError } from "./common.js";
import * as analyze from "./analyze.js";
import * as apidoc from "./apidoc.js";
import * as articles from "./articles.js";
import * as dyad from "./dyad.js";
import * as explorer from "./explorer.js";
import * as map from "./map.js";

const VIEWS = { events: explorer, dyad, map, articles, article: articles, analyze, api: apidoc };

function parseHash() {
  const [path, search = ""] = location.hash.replace(/^#\/?/, "").split("?");
  const [name, ...rest] = path.split("/");
  return { name: name || "events", rest: rest.map(decodeURIComponent), params: new URLSearchParams(search) };
}

async function route() {
  const { name, rest, params } = parseHash();
  const view = VIEWS[name] || explorer;
  const container = document.getElementById("view");
  document.querySelectorAll("header a[data-view]").forEach((a) => {
    const active = a.dataset.view === name || (name === "article" && a.dataset.view === "articles");
    a.classList.toggle("active", active);
  });
  container.dataset.view = name;
  container.setAttribute("aria-busy", "true");
  try {
    await view.render(container, { name, rest, params });
  } catch (error) {
    showError(container, error);
  } finally {
    container.setAttribute("aria-busy", "false");
  }
}

function legend() {
  document.getElementById("status-legend").innerHTML = Object.entries(STATUS_HELP)
    .map(([status, help]) => `<li>${badge(status)} ${esc(help)}</li>`)
    .join("");
}

legend();
window.addEventListener("hashchange", route);
route();
