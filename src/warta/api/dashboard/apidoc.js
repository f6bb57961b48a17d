// The API reference (#/api), read from /openapi.json: FastAPI's own pages need a CDN.
import { api, esc } from "./common.js";

function typeOf(schema = {}) {
  if (schema.anyOf) return schema.anyOf.map(typeOf).filter((t) => t !== "null").join(" | ");
  if (schema.enum) return schema.enum.map((v) => JSON.stringify(v)).join(" | ");
  if (schema.$ref) return schema.$ref.split("/").pop();
  return schema.format ? `${schema.type} (${schema.format})` : schema.type || "any";
}

function parameters(op) {
  const rows = (op.parameters || []).map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td>
    <td>${esc(typeOf(p.schema))}${p.required ? " <small>required</small>" : ""}</td><td>${esc(p.description || p.schema?.description || "")}</td></tr>`);
  if (op.requestBody) {
    const ref = op.requestBody.content?.["application/json"]?.schema;
    rows.push(`<tr><td><code>body</code></td><td>JSON</td><td>${esc(typeOf(ref))}</td><td></td></tr>`);
  }
  return rows.length ? `<table class="params"><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Meaning</th></tr></thead><tbody>${rows.join("")}</tbody></table>` : "";
}

function operation(path, method, op) {
  const codes = Object.keys(op.responses || {}).join(", ");
  const example = method === "get" && !path.includes("{") ? ` <a href="${esc(path)}">try</a>` : "";
  return `<section class="operation panel"><h2><span class="method">${method.toUpperCase()}</span> <code>${esc(path)}</code>${example}</h2>
    <p>${esc(op.summary || "")}</p><p>${esc(op.description || "")}</p>${parameters(op)}<p><small>responses: ${esc(codes)}</small></p></section>`;
}

export async function render(container) {
  const schema = await api("/openapi.json");
  const ops = Object.entries(schema.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => operation(path, method, op)));
  container.innerHTML = `<h1>${esc(schema.info.title)} API <small>${esc(schema.info.version)}</small></h1>
    <p>${esc(schema.info.description || "")} The machine-readable schema is <a href="/openapi.json">/openapi.json</a>.</p>${ops.join("")}`;
}
