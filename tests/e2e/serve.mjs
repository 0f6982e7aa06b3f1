// End-to-end test of `demarche serve` in headless Chromium (playwright-core, no bundled browser):
// loads every view, checks that each rendered data, clicks from a timeline bucket down to an
// event list and an event page, and checks that the highlighted spans hold the actor and verb
// text the API reports (also for a non-ASCII document). Screenshots go to SHOT_DIR.
// Usage: node tests/e2e/serve.mjs BASE_URL SHOT_DIR CHROMIUM  (run by scripts/e2e_serve.sh)
import { createRequire } from "node:module";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const [base, shots, executablePath] = process.argv.slice(2);
const require = createRequire(path.resolve("target/e2e/node_modules/"));
const { chromium } = require("playwright-core");
fs.mkdirSync(shots, { recursive: true });

const results = [];
async function check(name, fn) {
  try {
    await fn();
    results.push([name, null]);
    console.log(`ok   ${name}`);
  } catch (err) {
    results.push([name, err]);
    console.log(`FAIL ${name}: ${err.stack || err}`);
  }
}
function assert(cond, message) {
  if (!cond) throw new Error(message);
}
// The coder's `text` fields are normalized (curly quotes and dashes made plain); spans index
// the original bytes, so the page shows the original characters.
const loose = (s) => s.replace(/[\u2018\u2019]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/[\u2013\u2014]/g, "-");

const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), "demarche-e2e-"));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  viewport: { width: 1200, height: 900 },
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
});
const external = [];
await context.route("**/*", (route) => {
  const url = route.request().url();
  if (url.startsWith(base)) return route.continue();
  external.push(url);
  return route.abort();
});
const page = context.pages()[0] || (await context.newPage());
page.setDefaultTimeout(20000);
const pageErrors = [];
page.on("crash", () => console.log("page crashed"));
page.on("pageerror", (err) => pageErrors.push(String(err)));
page.on("console", (msg) => msg.type() === "error" && pageErrors.push(msg.text()));

async function show(hash, view) {
  await page.goto(`${base}${hash}`);
  await page.waitForSelector(`#view[data-ready="${view}"]`, { timeout: 15000 });
  const error = await page.$("#error");
  if (error) throw new Error(`${hash}: ${await error.textContent()}`);
}
async function shot(name) {
  await page.screenshot({ path: path.join(shots, `${name}.png`), fullPage: true });
}
async function apiJson(p) {
  return page.evaluate(async (p) => (await fetch(p)).json(), p);
}
/// The highlighted text of each role on the event page, and the API's text for it.
async function checkHighlights() {
  const id = await page.getAttribute("#event-page", "data-id");
  const e = await apiJson(`/api/events/${id}`);
  const shown = await page.evaluate(() => {
    const out = {};
    for (const el of document.querySelectorAll("#sentence [data-roles]"))
      for (const role of el.dataset.roles.split(" ")) out[role] = (out[role] || "") + el.textContent;
    return out;
  });
  const expected = { evidence: e.evidence_text };
  for (const a of e.actors) expected[a.role] = a.text;
  for (const [role, text] of Object.entries(expected)) {
    assert(shown[role] !== undefined, `event ${id}: no ${role} highlight`);
    assert(loose(shown[role]) === loose(text), `event ${id} ${role}: page shows ${JSON.stringify(shown[role])}, API says ${JSON.stringify(text)}`);
  }
  const sentence = await page.textContent("#sentence");
  assert(sentence === e.sentence.text, `event ${id}: sentence text differs`);
  return e;
}

await check("event table lists events and pages", async () => {
  await show("#/events", "events");
  const rows = await page.$$eval("#event-table tbody tr", (r) => r.length);
  assert(rows > 0, "no rows");
  assert((await page.textContent(".pager .count")).includes("of"), "no pager");
  await shot("events");
});

await check("filters narrow the table", async () => {
  await show("#/events", "events");
  await page.fill('#filters input[name="actor"]', "PRK");
  await page.click('#filters button[type="submit"]');
  await page.waitForFunction(() => location.hash.includes("actor=PRK") && document.querySelector("#view").dataset.ready === "events");
  const codes = await page.$$eval("#event-table tbody tr", (rows) => rows.map((r) => r.children[1].textContent + r.children[3].textContent));
  assert(codes.length > 0 && codes.every((c) => c.includes("PRK")), `rows without PRK: ${codes}`);
  await shot("events-filtered");
});

let seedEvent = null;
await check("timeline bucket → event list → event page with highlighted spans", async () => {
  await show("#/timeline?bucket=day&by=quad", "timeline");
  const bars = await page.$$("#timeline-chart rect.bar");
  assert(bars.length > 0, "no bars");
  await shot("timeline");
  const bucket = await page.$eval("#timeline-chart g.bucket", (g) => ({ start: g.dataset.start, count: +g.dataset.count }));
  await page.click("#timeline-chart g.bucket rect.bar");
  await page.waitForSelector('#view[data-ready="events"]');
  assert(decodeURIComponent(await page.evaluate(() => location.hash)).includes(`from=${bucket.start}`), "the bucket's date is not in the list's filter");
  const dates = await page.$$eval("#event-table tbody tr", (rows) => rows.map((r) => r.dataset.day));
  assert(dates.length > 0 && dates.every((d) => d.startsWith(bucket.start)), `dates ${dates} outside ${bucket.start}`);
  await shot("timeline-bucket-events");
  await page.click("#event-table tbody tr a");
  await page.waitForSelector('#view[data-ready="event"]');
  seedEvent = await checkHighlights();
  await shot("event");
});

await check("week buckets split by PLOVER type", async () => {
  await show("#/timeline?bucket=week&by=plover", "timeline");
  assert((await page.$$("#timeline-chart rect.bar")).length > 0, "no bars");
  await shot("timeline-week-plover");
});

await check("every event page highlights its spans (incl. non-ASCII text)", async () => {
  const list = await apiJson("/api/events?limit=1000");
  assert(list.events.some((e) => e.doc_id === "non-ascii"), "no non-ASCII document in the store");
  for (const e of list.events) {
    if (process.env.E2E_DEBUG) console.log("event", e.id);
    await show(`#/event/${e.id}`, "event");
    await checkHighlights();
    if (e.doc_id === "non-ascii") await shot("event-non-ascii");
  }
});

await check("cluster links lead to the other reports", async () => {
  const list = await apiJson("/api/events?limit=1000");
  const e = list.events.find((x) => x.cluster_id !== null);
  assert(e, "no clustered event");
  await show(`#/event/${e.id}`, "event");
  const links = await page.$$("#cluster-events a");
  assert(links.length > 0, "no other reports listed");
  await shot("event-cluster");
  await links[0].click();
  await page.waitForFunction((id) => document.querySelector("#event-page") && document.querySelector("#event-page").dataset.id !== String(id), e.id);
  await checkHighlights();
});

await check("actor network draws nodes and weighted edges", async () => {
  await show("#/network", "network");
  const nodes = await page.$$("#network-chart g.node");
  const edges = await page.$$("#network-chart line.edge");
  assert(nodes.length > 1 && edges.length > 0, `nodes ${nodes.length}, edges ${edges.length}`);
  await shot("network");
  const id = await nodes[0].getAttribute("data-id");
  await (await nodes[0].$("circle")).click();
  await page.waitForSelector('#view[data-ready="events"]');
  const codes = await page.$$eval("#event-table tbody tr", (rows) => rows.map((r) => r.children[1].textContent + r.children[3].textContent));
  assert(codes.length > 0 && codes.every((c) => c.includes(id)), `node ${id}: ${codes}`);
});

await check("map draws countries, shades them and places dots", async () => {
  await show("#/map", "map");
  const countries = await page.$$eval("#map-chart path.country", (p) => p.length);
  const shaded = await page.$$eval("#map-chart path.country", (p) => p.filter((x) => x.getAttribute("fill").startsWith("rgba")).length);
  const dots = await page.$$eval("#map-chart circle.place", (c) => c.length);
  assert(countries > 150 && shaded > 0 && dots > 0, `countries ${countries}, shaded ${shaded}, dots ${dots}`);
  await shot("map");
});

await check("a bad filter is reported on the page", async () => {
  await page.goto(`${base}#/events?root=99`);
  await page.waitForSelector('#view[data-ready="events"]');
  assert((await page.textContent("#error")).includes("root"), "no error shown");
});

await check("nothing was requested from elsewhere and no script failed", async () => {
  assert(external.length === 0, `external requests: ${external}`);
  assert(pageErrors.filter((e) => !e.includes("400")).length === 0, `page errors: ${pageErrors}`);
});

await context.close();
fs.rmSync(userDataDir, { recursive: true, force: true });
const failed = results.filter(([, err]) => err).length;
console.log(`e2e: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
