// demarche serve — the front end. Views: event table, timeline, actor network, map and the
// event page, all drawn from the JSON API of this server (no other requests). Routing lives in
// the URL hash: #/events?…, #/timeline?…, #/network?…, #/map?…, #/event/ID.

const SVGNS = "http://www.w3.org/2000/svg";
const FILTERS = ["from", "to", "actor", "country", "root", "code", "plover", "quad", "q", "source", "target", "cluster", "doc"];
const QUAD_COLORS = { 1: "#8fd19e", 2: "#2a9d55", 3: "#f4a259", 4: "#d1495b" };
const QUAD_NAMES = { 1: "Verbal cooperation", 2: "Material cooperation", 3: "Verbal conflict", 4: "Material conflict" };
const view = document.getElementById("view");
let facets = null;
let world = null;

// ---- small DOM helpers (text goes in as text nodes: nothing from the store is parsed as HTML)
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  setAttrs(el, attrs);
  el.append(...children.flat().filter((c) => c !== null && c !== undefined).map((c) => (c instanceof Node ? c : String(c))));
  return el;
}
function s(tag, attrs = {}, ...children) {
  const el = document.createElementNS(SVGNS, tag);
  setAttrs(el, attrs);
  el.append(...children.flat().filter((c) => c !== null && c !== undefined));
  return el;
}
function setAttrs(el, attrs) {
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v);
  }
}
function title(text) {
  return s("title", {}, text);
}
async function api(path, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)).toString();
  const res = await fetch(`/api/${path}${qs ? "?" + qs : ""}`);
  const body = await res.json();
  if (!res.ok) throw new Error(body.error || res.statusText);
  return body;
}
function fmt(x, digits = 1) {
  return x === null || x === undefined ? "–" : Number(x).toFixed(digits);
}
function gsClass(g) {
  return g === null || g === undefined ? "" : g >= 0 ? "gs-pos" : "gs-neg";
}
function addDays(day, n) {
  const d = new Date(day + "T00:00:00Z");
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
}
function link(route, params, ...children) {
  return h("a", { href: hrefFor(route, params) }, ...children);
}
function hrefFor(route, params = {}) {
  const qs = new URLSearchParams(Object.entries(params).filter(([, v]) => v !== "" && v != null)).toString();
  return `#/${route}${qs ? "?" + qs : ""}`;
}

// ---- routing and the filter form
function route() {
  const hash = location.hash.replace(/^#\/?/, "") || "events";
  const [path, qs] = hash.split("?");
  return { path: path.split("/"), params: Object.fromEntries(new URLSearchParams(qs || "")) };
}
function filterParams(params) {
  return Object.fromEntries(FILTERS.filter((k) => params[k]).map((k) => [k, params[k]]));
}
function syncForm(params) {
  const form = document.getElementById("filters");
  for (const el of form.elements) if (el.name) el.value = params[el.name] || "";
}
function setupForm() {
  const form = document.getElementById("filters");
  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const { path, params } = route();
    const next = { ...params, offset: "" };
    for (const el of form.elements) if (el.name) next[el.name] = el.value.trim();
    const name = path[0] === "event" ? "events" : path[0];
    location.hash = hrefFor(name, next);
  });
  document.getElementById("clear").addEventListener("click", () => {
    const { path } = route();
    location.hash = hrefFor(path[0] === "event" ? "events" : path[0], {});
  });
}
function fillFacets() {
  const form = document.getElementById("filters");
  const add = (name, items, label) => {
    for (const it of items) form.elements[name].append(h("option", { value: it.code }, label(it)));
  };
  add("country", facets.countries, (c) => `${c.code} (${c.count})`);
  add("root", facets.roots.filter((r) => r.count > 0), (r) => `${r.code} ${r.name} (${r.count})`);
  add("plover", facets.plover, (p) => `${p.code} (${p.count})`);
  add("quad", facets.quads, (q) => `${q.code} ${q.name} (${q.count})`);
  const list = document.getElementById("actor-codes");
  for (const a of facets.actors) list.append(h("option", { value: a.code }, `${a.count} events`));
  const d = facets.dates || {};
  document.getElementById("store-summary").textContent =
    `${facets.events} events · ${facets.documents} documents · ${facets.clusters} clusters` + (d.first ? ` · ${d.first} – ${d.last}` : "");
}

async function render() {
  const { path, params } = route();
  syncForm(params);
  for (const a of document.querySelectorAll("nav a")) a.classList.toggle("active", a.dataset.view === path[0]);
  const views = { events: eventsView, timeline: timelineView, network: networkView, map: mapView, event: eventView };
  const draw = views[path[0]] || eventsView;
  view.replaceChildren(h("p", { class: "muted" }, "Loading…"));
  view.dataset.ready = "";
  try {
    view.replaceChildren(await draw(params, path));
  } catch (err) {
    view.replaceChildren(h("p", { class: "error", id: "error" }, `Error: ${err.message}`));
  }
  view.dataset.ready = path[0];
}

// ---- event table
async function eventsView(params) {
  const filters = filterParams(params);
  const page = await api("events", { ...filters, offset: params.offset, limit: params.limit || 50, sort: params.sort });
  const rows = page.events.map((e) =>
    h("tr", { "data-id": e.id, "data-day": e.day, onclick: () => (location.hash = `#/event/${e.id}`) },
      h("td", {}, e.date || h("span", { class: "muted" }, "undated")),
      h("td", {}, h("span", { class: "code" }, e.source_code || "–"), " ", h("span", { class: "muted" }, e.source_text || "")),
      h("td", {}, h("a", { href: `#/event/${e.id}` }, h("span", { class: "code" }, e.cameo), " ", e.event_name)),
      h("td", {}, h("span", { class: "code" }, e.target_code || "–"), " ", h("span", { class: "muted" }, e.target_text || "")),
      h("td", { class: gsClass(e.goldstein) }, fmt(e.goldstein)),
      h("td", {}, e.place ? `${e.place} (${e.place_country})` : ""),
      h("td", {}, e.outlet || e.doc_id)));
  const table = h("table", { class: "events", id: "event-table" },
    h("thead", {}, h("tr", {}, ["Date", "Source", "Event", "Target", "Goldstein", "Place", "Outlet"].map((t) => h("th", {}, t)))),
    h("tbody", {}, rows));
  return h("div", {}, pager(page, params), page.events.length ? table : h("p", { class: "muted" }, "No events match."), pager(page, params));
}
function pager(page, params) {
  const end = page.offset + page.events.length;
  const go = (offset) => hrefFor("events", { ...params, offset });
  return h("div", { class: "pager" },
    page.offset > 0 ? h("a", { href: go(Math.max(0, page.offset - page.limit)) }, "← previous") : null,
    h("span", { class: "count" }, `${page.total ? page.offset + 1 : 0}–${end} of ${page.total} events`),
    end < page.total ? h("a", { href: go(end), class: "next" }, "next →") : null);
}

// ---- timeline: stacked bars per bucket, Goldstein mean as a line
async function timelineView(params) {
  const bucket = params.bucket || "week";
  const by = params.by || "quad";
  const t = await api("timeline", { ...filterParams(params), bucket, by });
  const controls = h("div", { class: "controls" },
    "Bucket: ", ["day", "week"].map((b) => (b === bucket ? h("b", {}, b) : link("timeline", { ...params, bucket: b }, b))),
    " · Split by: ", ["quad", "plover"].map((b) => (b === by ? h("b", {}, b) : link("timeline", { ...params, by: b }, b))),
    h("span", { class: "muted" }, t.undated ? `${t.undated} undated events not shown` : ""));
  if (!t.buckets.length) return h("div", {}, controls, h("p", { class: "muted" }, "No dated events match."));
  const colors = groupColors(t.groups, by);
  return h("div", {}, controls, timelineChart(t, colors, params), legend(t.groups.map((g) => [colors[g], by === "quad" ? QUAD_NAMES[g] || g : g])));
}
function groupColors(groups, by) {
  if (by === "quad") return QUAD_COLORS;
  const palette = ["#3d5a80", "#ee6c4d", "#2a9d55", "#e0a800", "#8d5fd3", "#1b998b", "#c44536", "#6c757d", "#f28482", "#84a59d", "#5e548e", "#bc6c25", "#118ab2", "#9c6644", "#06d6a0", "#ef476f"];
  return Object.fromEntries(groups.map((g, i) => [g, palette[i % palette.length]]));
}
function timelineChart(t, colors, params) {
  const W = 960, H = 340, L = 40, R = 40, T = 10, B = 50;
  const n = t.buckets.length;
  const bw = (W - L - R) / n;
  const max = Math.max(...t.buckets.map((b) => b.count));
  const y = (v) => T + (H - T - B) * (1 - v / max);
  const gy = (g) => T + (H - T - B) * (1 - (g + 10) / 20);
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "timeline-chart" });
  svg.append(s("line", { x1: L, x2: W - R, y1: y(0), y2: y(0), stroke: "#999" }));
  svg.append(s("text", { x: 4, y: T + 10 }, String(max)), s("text", { x: W - R + 4, y: gy(10) + 10 }, "+10"), s("text", { x: W - R + 4, y: gy(-10) }, "−10"));
  t.buckets.forEach((b, i) => svg.append(bucketBars(b, i, { L, bw, y, colors, params, t })));
  const pts = t.buckets.map((b, i) => (b.goldstein === null ? null : `${L + (i + 0.5) * bw},${gy(b.goldstein)}`)).filter(Boolean);
  if (pts.length) svg.append(s("polyline", { points: pts.join(" "), fill: "none", stroke: "#1d2b3a", "stroke-width": 2, "stroke-dasharray": "4 3" }, title("mean Goldstein")));
  const every = Math.ceil(n / 12);
  t.buckets.forEach((b, i) => i % every === 0 && svg.append(s("text", { x: L + i * bw + 2, y: H - B + 16 }, b.start)));
  svg.append(s("text", { x: L, y: H - 8 }, `events per ${t.bucket}; dashed line: mean Goldstein (right axis, −10…+10)`));
  return svg;
}
function bucketBars(b, i, { L, bw, y, colors, params, t }) {
  const g = s("g", { class: "bucket", "data-start": b.start, "data-count": b.count });
  const to = t.bucket === "week" ? addDays(b.start, 6) : b.start;
  let acc = 0;
  for (const [group, count] of Object.entries(b.groups)) {
    const key = t.by === "quad" ? "quad" : "plover";
    const href = hrefFor("events", { ...filterParams(params), from: b.start, to, [key]: group === "none" ? "" : group });
    const rect = s("rect", { class: "bar", x: L + i * bw + 1, width: Math.max(1, bw - 2), y: y(acc + count), height: y(acc) - y(acc + count), fill: colors[group] || "#999",
      "data-href": href, onclick: () => (location.hash = href) }, title(`${b.start}: ${count} × ${t.by === "quad" ? QUAD_NAMES[group] : group}`));
    g.append(rect);
    acc += count;
  }
  return g;
}
function legend(items) {
  return h("div", { class: "legend" }, items.map(([color, name]) => {
    const sw = h("span", { class: "swatch" });
    sw.style.background = color;
    return h("span", {}, sw, name);
  }));
}

// ---- actor network: a small deterministic force layout
async function networkView(params) {
  const by = params.by || "actor";
  const net = await api("network", { ...filterParams(params), by, limit: params.limit || 80 });
  const controls = h("div", { class: "controls" }, "Nodes: ", ["actor", "country"].map((b) => (b === by ? h("b", {}, b) : link("network", { ...params, by: b }, b))),
    h("span", { class: "muted" }, `${net.nodes.length} actors, ${net.edges.length} links; edge width = events, colour = share of conflict`));
  if (!net.edges.length) return h("div", {}, controls, h("p", { class: "muted" }, "No events with both a source and a target match."));
  return h("div", {}, controls, networkChart(net, params, by),
    legend([["#2a9d55", "cooperation"], ["#b0a060", "mixed"], ["#d1495b", "conflict"]]));
}
function layout(nodes, edges, W, H) {
  const pos = new Map(nodes.map((n, i) => [n.id, { x: W / 2 + (W / 3) * Math.cos((2 * Math.PI * i) / nodes.length), y: H / 2 + (H / 3) * Math.sin((2 * Math.PI * i) / nodes.length), dx: 0, dy: 0 }]));
  const k = Math.sqrt((W * H) / Math.max(1, nodes.length)) * 0.6;
  for (let step = 0, temp = W / 10; step < 300; step++, temp *= 0.985) {
    for (const a of pos.values()) { a.dx = (W / 2 - a.x) * 0.01; a.dy = (H / 2 - a.y) * 0.01; }
    for (const a of pos.values()) for (const b of pos.values()) {
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.hypot(dx, dy));
      a.dx += (dx / d) * (k * k) / d; a.dy += (dy / d) * (k * k) / d;
    }
    for (const e of edges) {
      const a = pos.get(e.source), b = pos.get(e.target);
      if (a === b) continue;
      const dx = a.x - b.x, dy = a.y - b.y, d = Math.max(1, Math.hypot(dx, dy)), f = (d * d) / k;
      a.dx -= (dx / d) * f; a.dy -= (dy / d) * f; b.dx += (dx / d) * f; b.dy += (dy / d) * f;
    }
    for (const a of pos.values()) {
      const d = Math.max(1, Math.hypot(a.dx, a.dy));
      a.x = Math.min(W - 90, Math.max(40, a.x + (a.dx / d) * Math.min(d, temp)));
      a.y = Math.min(H - 20, Math.max(20, a.y + (a.dy / d) * Math.min(d, temp)));
    }
  }
  return pos;
}
function conflictColor(share) {
  const mix = (a, b) => Math.round(a + (b - a) * share);
  return `rgb(${mix(42, 209)},${mix(157, 73)},${mix(85, 91)})`;
}
function networkChart(net, params, by) {
  const W = 960, H = 600;
  const pos = layout(net.nodes, net.edges, W, H);
  const maxEdge = Math.max(...net.edges.map((e) => e.count));
  const maxNode = Math.max(...net.nodes.map((n) => n.events));
  const svg = s("svg", { viewBox: `0 0 ${W} ${H}`, width: W, height: H, id: "network-chart" },
    s("defs", {}, s("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 10, refY: 5, markerWidth: 9, markerHeight: 9, markerUnits: "userSpaceOnUse", orient: "auto-start-reverse" }, s("path", { d: "M0,0L10,5L0,10z", fill: "#777" }))));
  const filter = filterParams(params);
  for (const e of net.edges) {
    const a = pos.get(e.source), b = pos.get(e.target);
    const rb = 4 + 14 * Math.sqrt(net.nodes.find((n) => n.id === e.target).events / maxNode);
    const d = Math.max(1, Math.hypot(b.x - a.x, b.y - a.y));
    const key = by === "country" ? { actor: "", source: e.source, target: e.target } : { source: e.source, target: e.target };
    const href = hrefFor("events", { ...filter, ...key });
    svg.append(s("line", { class: "edge", x1: a.x, y1: a.y, x2: b.x - ((b.x - a.x) / d) * rb, y2: b.y - ((b.y - a.y) / d) * rb,
      stroke: conflictColor(e.conflict_share ?? 0), "stroke-width": 1 + 6 * (e.count / maxEdge), "stroke-opacity": 0.8, "marker-end": "url(#arrow)",
      onclick: () => (location.hash = href) }, title(`${e.source} → ${e.target}: ${e.count} events, mean Goldstein ${fmt(e.goldstein)}, ${Math.round(100 * (e.conflict_share ?? 0))}% conflict`)));
  }
  for (const n of net.nodes) {
    const p = pos.get(n.id);
    const r = 4 + 14 * Math.sqrt(n.events / maxNode);
    const href = hrefFor("events", { ...filter, actor: n.id });
    svg.append(s("g", { class: "node", "data-id": n.id, onclick: () => (location.hash = href) },
      s("circle", { cx: p.x, cy: p.y, r, fill: "#3d5a80", "fill-opacity": 0.85, stroke: "#fff" }, title(`${n.id}: ${n.as_source} as source, ${n.as_target} as target`)),
      s("text", { x: p.x + r + 2, y: p.y + 4 }, n.id)));
  }
  return svg;
}

// ---- map: Natural Earth outlines (equirectangular, 360 × 180), countries shaded, places as dots
async function mapView(params) {
  const [m, outlines] = await Promise.all([api("map", filterParams(params)), worldOutlines()]);
  const counts = Object.fromEntries(m.countries.map((c) => [c.country, c.count]));
  const max = Math.max(1, ...m.countries.map((c) => c.count));
  const svg = s("svg", { viewBox: "0 0 360 170", width: 1080, height: 510, id: "map-chart" });
  for (const c of outlines) {
    const n = counts[c.id] || 0;
    const fill = n ? `rgba(61,90,128,${0.15 + 0.65 * Math.sqrt(n / max)})` : "#eef1f4";
    svg.append(s("path", { class: "country", d: c.d, fill, "data-id": c.id || "", onclick: () => c.id && (location.hash = hrefFor("events", { ...filterParams(params), country: c.id })) },
      title(`${c.name}${c.id ? ` (${c.id})` : ""}: ${n} events`)));
  }
  const maxPlace = Math.max(1, ...m.places.map((p) => p.count));
  for (const p of m.places) {
    if (p.lat === null || p.lon === null) continue;
    svg.append(s("circle", { class: "place", cx: p.lon + 180, cy: 90 - p.lat, r: 0.8 + 3 * Math.sqrt(p.count / maxPlace), "data-name": p.name },
      title(`${p.name} (${p.country}): ${p.count} events, mean Goldstein ${fmt(p.goldstein)}`)));
  }
  return h("div", {}, h("p", { class: "muted" }, `${m.places.length} places in ${m.countries.length} countries; ${m.unplaced} events without a place. Click a country for its events.`), svg);
}
async function worldOutlines() {
  if (!world) world = await (await fetch("/assets/world.json")).json();
  return world;
}

// ---- event page: the sentence with its spans highlighted
async function eventView(_params, path) {
  const e = await api(`events/${encodeURIComponent(path[1] || "")}`);
  const src = e.actors.find((a) => a.role === "source");
  const tgt = e.actors.find((a) => a.role === "target");
  return h("article", { id: "event-page", "data-id": e.id },
    h("h2", {}, h("span", { class: "code" }, e.cameo), " ", e.event_name),
    h("p", { class: "sentence", id: "sentence" }, highlight(e)),
    legend([["var(--src)", "source actor"], ["var(--tgt)", "target actor"], ["var(--ev)", "verb / evidence"]]),
    h("section", { class: "card" }, h("h3", {}, "Event"), fields([
      ["Date", `${e.date || "undated"}${e.date_precision ? ` (${e.date_precision})` : ""}`],
      ["CAMEO", `${e.cameo} ${e.event_name}`], ["Goldstein", fmt(e.goldstein)], ["Quad class", `${e.quad_class} ${QUAD_NAMES[e.quad_class] || ""}`],
      ["PLOVER", [e.plover, e.plover_mode, e.plover_context].filter(Boolean).join(" · ") || "–"],
      ["Rules", (e.rules || []).join(", ") || "–"],
      ["Location", e.location ? `${e.location.name} (${e.location.country}), ${fmt(e.location.lat, 3)}, ${fmt(e.location.lon, 3)} — ${e.location.precision}` : "–"],
    ])),
    h("section", { class: "card" }, h("h3", {}, "What fired"), fields([
      ["Source", actorLine(src)], ["Target", actorLine(tgt)],
      ["Verb", h("span", {}, `“${e.evidence_text}” — pattern `, h("span", { class: "code" }, e.evidence_pattern), " — ", h("span", { class: "code" }, e.evidence_entry))],
      ["Quote", e.quote_text ? `“${e.quote_text}”` : null],
    ])),
    h("section", { class: "card" }, h("h3", {}, "Document"), fields([
      ["Document", link("events", { doc: e.document.doc_id }, e.document.doc_id)], ["Date", e.document.date || "–"], ["Outlet", e.document.outlet || "–"],
      ["Sentence", `#${e.sentence.idx}, bytes ${e.sentence.start}–${e.sentence.end}`],
    ])),
    clusterCard(e));
}
function actorLine(a) {
  if (!a) return "–";
  return h("span", {}, h("span", { class: "code" }, a.code), ` “${a.text}” — `, h("span", { class: "code" }, a.entry), a.via ? ` — via ${a.via}` : "");
}
function fields(rows) {
  return h("dl", { class: "fields" }, rows.filter(([, v]) => v !== null && v !== undefined).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]));
}
function clusterCard(e) {
  if (!e.cluster) return h("section", { class: "card", id: "cluster" }, h("h3", {}, "Cluster"), h("p", { class: "muted" }, "This event is in no cluster (run dedup to group reports)."));
  const c = e.cluster;
  const items = c.other_events.map((o) => h("li", {}, link(`event/${o.id}`, {}, `${o.date || "undated"} · ${o.outlet || o.doc_id} · ${o.source_code || "–"} ${o.cameo} ${o.target_code || "–"} — “${o.evidence_text}”`)));
  return h("section", { class: "card", id: "cluster" }, h("h3", {}, `Cluster ${c.id}`),
    fields([["Reports", `${c.mentions} mentions in ${c.documents} documents from ${c.outlets} outlets`], ["Dates", `${c.first_date || "?"} – ${c.last_date || "?"}`],
      ["Canonical", c.canonical_event_id === e.id ? "this event" : link(`event/${c.canonical_event_id}`, {}, `event ${c.canonical_event_id}`)],
      ["All", link("events", { cluster: c.id }, "list the cluster's events")]]),
    items.length ? h("ul", { id: "cluster-events" }, items) : h("p", { class: "muted" }, "No other reports."));
}

// Byte offsets (into the document's UTF-8 bytes) → positions in the sentence's JS string.
function byteToIndex(bytes, offset) {
  return new TextDecoder().decode(bytes.subarray(0, Math.max(0, Math.min(bytes.length, offset)))).length;
}
function highlight(e) {
  const text = e.sentence.text;
  const bytes = new TextEncoder().encode(text);
  const spans = [...e.actors.map((a) => [a.role, a.start, a.end]), ["evidence", e.evidence_start, e.evidence_end]]
    .map(([role, start, end]) => [role, start - e.sentence.start, end - e.sentence.start])
    .filter(([, start, end]) => start >= 0 && end <= bytes.length && start < end)
    .map(([role, start, end]) => ({ role, start: byteToIndex(bytes, start), end: byteToIndex(bytes, end) }));
  const cuts = [...new Set([0, text.length, ...spans.flatMap((sp) => [sp.start, sp.end])])].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const [from, to] = [cuts[i], cuts[i + 1]];
    const roles = spans.filter((sp) => sp.start <= from && to <= sp.end).map((sp) => sp.role);
    const piece = text.slice(from, to);
    out.push(roles.length ? h("span", { class: `hl ${roles.join(" ")}`, "data-roles": roles.join(" ") }, piece) : piece);
  }
  return out;
}

async function start() {
  setupForm();
  window.addEventListener("hashchange", render);
  try {
    facets = await api("facets");
    fillFacets();
  } catch (err) {
    document.getElementById("store-summary").textContent = `facets: ${err.message}`;
  }
  await render();
}
start();
