// Converts world-atlas countries-110m.json into [{id, name, d}] SVG paths (see build_web.sh).
const fs = require("fs");
const path = require("path");
const [modules, out] = process.argv.slice(2);
const topojson = require(path.resolve(modules, "topojson-client"));
const countries = require(path.resolve(modules, "i18n-iso-countries"));
const topo = JSON.parse(fs.readFileSync(path.join(modules, "world-atlas/countries-110m.json")));
const features = topojson.feature(topo, topo.objects.countries).features;

const num = (x) => Math.round(x * 10) / 10;
// A ring that crosses the antimeridian (Fiji, Chukotka) is moved east so it stays in one piece.
const unwrap = (pts) =>
  pts.some(([lon]) => lon > 170) && pts.some(([lon]) => lon < -170) ? pts.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]) : pts;
const ring = (pts) => "M" + unwrap(pts).map(([lon, lat]) => `${num(lon + 180)},${num(90 - lat)}`).join("L") + "Z";
// CAMEO codes where the outline has no ISO alpha-3 or CAMEO uses another one.
const CAMEO = { Kosovo: "KSV", Somaliland: "SOM", "N. Cyprus": "CYP" };
const polygons = (g) => (g.type === "Polygon" ? [g.coordinates] : g.type === "MultiPolygon" ? g.coordinates : []);

const rows = features
  .filter((f) => f.geometry)
  .map((f) => ({
    id: CAMEO[f.properties.name] || countries.numericToAlpha3(f.id) || null,
    name: f.properties.name,
    d: polygons(f.geometry).flatMap((p) => p.map(ring)).join(""),
  }));
fs.writeFileSync(path.join(out, "world.json"), JSON.stringify(rows) + "\n");

const license = (pkg, file) => `== ${pkg} ==\n` + fs.readFileSync(path.join(modules, pkg, file), "utf8").trim() + "\n";
fs.writeFileSync(
  path.join(out, "LICENSES.txt"),
  "Third-party data embedded in demarche-serve (built by scripts/build_web.sh).\n" +
    "world.json: country outlines from Natural Earth 110m (public domain) via world-atlas;\n" +
    "converted with topojson-client; alpha-3 codes from i18n-iso-countries.\n\n" +
    [license("world-atlas", "LICENSE"), license("topojson-client", "LICENSE"), license("i18n-iso-countries", "LICENSE")].join("\n")
);
