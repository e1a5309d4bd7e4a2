/**
 * Builds Jalon's geography of Mali from the geoBoundaries files in the team's reference folder, once; the
 * outputs are committed and the application never reads the reference folder.
 *
 *   node_modules/.bin/tsx scripts/geography/build-geography.ts [../shared/reference/mali-geo]
 *
 * Writes:
 * - server/modules/geography/data/mali-admin-areas.json: the 9 regions, 50 cercles and 701 communes with a
 *   readable code (`ML-4`, `ML-4.SEGOU`, `ML-4.SEGOU.MARKALA`), their French name, their parent (derived here:
 *   a point inside each cercle is located in a region, a point inside each commune in a cercle) and that point;
 * - server/modules/geography/data/mali-adm{1,2,3}.topo.json: the shapes, with our codes as their only property;
 * - web/features/map/mali-map-paths.json: the regions and cercles as SVG paths, projected and lightly
 *   simplified, for the lazily loaded map;
 * - with `--sql <file>`: the INSERT statements of the data migration (server/db/migrations/…_admin_areas_data.sql).
 *
 * The region of every cercle is checked against the administration's list (`cerclesByRegion`): the build
 * fails if a single one disagrees.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  decodeArcs,
  geometryPolygons,
  interiorPoint,
  pointInPolygons,
  type Point,
  type Polygon,
  type Topology,
} from '../../core/geo/topojson.js';
import {
  cercleAliases,
  cercleNames,
  communeAliases,
  cerclesByRegion,
  communeNames,
  regionAliases,
  regionNames,
} from './mali-names.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const args = process.argv.slice(2);
const sqlIndex = args.indexOf('--sql');
const sqlFile = sqlIndex >= 0 ? args.splice(sqlIndex, 2)[1] : undefined;
const source = resolve(args[0] ?? join(root, '../shared/reference/mali-geo'));
const dataDir = join(root, 'server/modules/geography/data');
const mapFile = join(root, 'web/features/map/mali-map-paths.json');

interface Feature {
  shapeId: string;
  sourceName: string;
  polygons: Polygon[];
  point: Point;
  geometryIndex: number;
}

function load(file: string): { topology: Topology; features: Feature[] } {
  const topology = JSON.parse(readFileSync(join(source, file), 'utf8')) as Topology;
  const arcs = decodeArcs(topology);
  const object = Object.values(topology.objects)[0]!;
  const features = object.geometries.map((g, geometryIndex) => {
    const polygons = geometryPolygons(g, arcs);
    return {
      shapeId: String(g.properties?.shapeID),
      sourceName: String(g.properties?.shapeName),
      polygons,
      point: interiorPoint(polygons),
      geometryIndex,
    };
  });
  return { topology, features };
}

const slug = (name: string) =>
  name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toUpperCase()
    .replace(/[^A-Z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

export interface AreaRecord {
  code: string;
  level: 'region' | 'cercle' | 'commune';
  name: string;
  sourceName: string;
  aliases: string[];
  parentCode: string | null;
  regionCode: string | null;
  cercleCode: string | null;
  shapeId: string;
  lon: number;
  lat: number;
}

const round = (n: number, digits = 5) => Number(n.toFixed(digits));

const adm1 = load('mali-adm1-regions.topojson');
const adm2 = load('mali-adm2-cercles.topojson');
const adm3 = load('mali-adm3-communes.topojson');

const areas: AreaRecord[] = [];
const codeOfShape = new Map<string, string>();

const regionOf = new Map<string, string>(); // region ISO by ADM1 shapeId
for (const f of adm1.features) {
  const iso = adm1.topology.objects[Object.keys(adm1.topology.objects)[0]!]!.geometries[f.geometryIndex]!
    .properties?.shapeISO as string;
  regionOf.set(f.shapeId, iso);
  codeOfShape.set(f.shapeId, iso);
  areas.push({
    code: iso,
    level: 'region',
    name: regionNames[f.sourceName] ?? f.sourceName,
    sourceName: f.sourceName,
    aliases: regionAliases[f.sourceName] ?? [],
    parentCode: null,
    regionCode: null,
    cercleCode: null,
    shapeId: f.shapeId,
    lon: round(f.point[0]),
    lat: round(f.point[1]),
  });
}

/** The feature of `candidates` whose shape holds the point; the nearest interior point when none does. */
function container(point: Point, candidates: Feature[]): Feature {
  const inside = candidates.filter((c) => pointInPolygons(point, c.polygons));
  if (inside.length === 1) return inside[0]!;
  // on a border the simplified shapes may leave a point in no shape (or two): take the nearest
  const pool = inside.length ? inside : candidates;
  return pool
    .map((c) => ({ c, d: (c.point[0] - point[0]) ** 2 + (c.point[1] - point[1]) ** 2 }))
    .sort((a, b) => a.d - b.d)[0]!.c;
}

const problems: string[] = [];
const cercleFeatureByCode = new Map<string, Feature>();
for (const f of adm2.features) {
  const region = regionOf.get(container(f.point, adm1.features).shapeId)!;
  const expected = Object.entries(cerclesByRegion).find(([, list]) => list.includes(f.sourceName))?.[0];
  if (expected !== region) problems.push(`cercle ${f.sourceName}: in ${region}, expected ${expected}`);
  const code = `${region}.${slug(f.sourceName)}`;
  codeOfShape.set(f.shapeId, code);
  cercleFeatureByCode.set(code, f);
  areas.push({
    code,
    level: 'cercle',
    name: cercleNames[f.sourceName] ?? f.sourceName,
    sourceName: f.sourceName,
    aliases: cercleAliases[f.sourceName] ?? [],
    parentCode: region,
    regionCode: region,
    cercleCode: null,
    shapeId: f.shapeId,
    lon: round(f.point[0]),
    lat: round(f.point[1]),
  });
}
if (problems.length) {
  console.error(problems.join('\n'));
  process.exit(1);
}

const cercleFeatures = [...cercleFeatureByCode.entries()];
const used = new Set<string>();
for (const f of adm3.features) {
  const cercle = container(
    f.point,
    cercleFeatures.map(([, c]) => c),
  );
  const cercleCode = codeOfShape.get(cercle.shapeId)!;
  const region = cercleCode.split('.')[0]!;
  let code = `${cercleCode}.${slug(f.sourceName)}`;
  for (let n = 2; used.has(code); n++) code = `${cercleCode}.${slug(f.sourceName)}-${n}`;
  used.add(code);
  codeOfShape.set(f.shapeId, code);
  // "Segou Commune" takes its cercle's spelling: "Ségou Commune"
  const base = f.sourceName.replace(/ Commune$/, '');
  const accented =
    communeNames[f.sourceName] ??
    (cercleNames[base] ? f.sourceName.replace(base, cercleNames[base]!) : undefined);
  areas.push({
    code,
    level: 'commune',
    name: accented ?? f.sourceName,
    sourceName: f.sourceName,
    aliases: communeAliases[f.sourceName] ?? [],
    parentCode: cercleCode,
    regionCode: region,
    cercleCode,
    shapeId: f.shapeId,
    lon: round(f.point[0]),
    lat: round(f.point[1]),
  });
}

// communes whose interior point fell in another cercle than their name says are worth a look by hand
const cercleSourceNames = new Set(adm2.features.map((f) => slug(f.sourceName)));
for (const a of areas.filter((x) => x.level === 'commune' && / Commune$/.test(x.sourceName))) {
  const cercle = areas.find((c) => c.code === a.cercleCode)!;
  const base = slug(a.sourceName.replace(/ Commune$/, ''));
  if (cercleSourceNames.has(base) && base !== slug(cercle.sourceName))
    console.warn(`check by hand: ${a.sourceName} placed in cercle ${cercle.sourceName}`);
}

mkdirSync(dataDir, { recursive: true });
writeFileSync(join(dataDir, 'mali-admin-areas.json'), `${JSON.stringify(areas, null, 0)}\n`);

// the shapes with our codes as their only property
for (const [level, { topology }] of [
  ['adm1', adm1],
  ['adm2', adm2],
  ['adm3', adm3],
] as const) {
  const copy = structuredClone(topology);
  const object = Object.values(copy.objects)[0]!;
  for (const g of object.geometries) g.properties = { code: codeOfShape.get(String(g.properties?.shapeID)) };
  writeFileSync(join(dataDir, `mali-${level}.topo.json`), JSON.stringify(copy));
}

// the SQL of the data migration
const q = (s: string | null) => (s === null ? 'NULL' : `'${s.replace(/'/g, "''")}'`);
const arr = (xs: string[]) => (xs.length ? `ARRAY[${xs.map(q).join(', ')}]::text[]` : `'{}'::text[]`);
const sqlLines = areas.map(
  (a) =>
    `(${q(a.code)}, '${a.level}', ${q(a.name)}, ${q(a.sourceName)}, ${arr(a.aliases)}, ${q(a.parentCode)}, ${q(a.regionCode)}, ${q(a.cercleCode)}, ${q(a.shapeId)}, ${a.lon}, ${a.lat})`,
);
const levels = ['region', 'cercle', 'commune'] as const;
const chunks = levels.map((level) => {
  const rows = sqlLines.filter((_, i) => areas[i]!.level === level);
  return `INSERT INTO "admin_areas" ("code", "level", "name", "source_name", "aliases", "parent_code", "region_code", "cercle_code", "shape_id", "lon", "lat") VALUES\n${rows.join(',\n')};`;
});
if (sqlFile)
  writeFileSync(
    resolve(sqlFile),
    `-- generated by scripts/geography/build-geography.ts from geoBoundaries gbOpen MLI (CC BY 4.0)\n${chunks.join('\n--> statement-breakpoint\n')}\n`,
  );

// SVG paths for the map: equirectangular projection corrected at Mali's mid latitude, 1000 units wide
const allPoints = adm1.features.flatMap((f) => f.polygons.flat(2));
const minLon = Math.min(...allPoints.map((p) => p[0]));
const maxLon = Math.max(...allPoints.map((p) => p[0]));
const minLat = Math.min(...allPoints.map((p) => p[1]));
const maxLat = Math.max(...allPoints.map((p) => p[1]));
const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
const width = 1000;
const scale = width / ((maxLon - minLon) * kx);
const height = Math.ceil((maxLat - minLat) * scale);
const project = ([lon, lat]: Point): Point => [(lon - minLon) * kx * scale, (maxLat - lat) * scale];

function pathOf(polygons: Polygon[], tolerance: number): string {
  const parts: string[] = [];
  for (const polygon of polygons) {
    for (const ringPoints of polygon) {
      const projected = ringPoints.map(project);
      const kept: Point[] = [];
      for (const p of projected) {
        const last = kept.at(-1);
        if (!last || Math.hypot(p[0] - last[0], p[1] - last[1]) >= tolerance) kept.push(p);
      }
      if (kept.length < 3) continue;
      parts.push(`M${kept.map(([x, y], i) => `${i ? 'L' : ''}${x.toFixed(1)} ${y.toFixed(1)}`).join('')}Z`);
    }
  }
  return parts.join('');
}

const mapData = {
  attribution:
    'geoBoundaries (William & Mary geoLab), gbOpen MLI ADM1/ADM2, CC BY 4.0 — DNCT, DNP, OCHA Mali (HDX)',
  width,
  height,
  regions: adm1.features.map((f) => ({
    code: codeOfShape.get(f.shapeId)!,
    d: pathOf(f.polygons, 1.2),
  })),
  cercles: adm2.features.map((f) => {
    const [x, y] = project(f.point);
    const code = codeOfShape.get(f.shapeId)!;
    const name = areas.find((a) => a.code === code)!.name;
    return { code, name, d: pathOf(f.polygons, 0.8), x: round(x, 1), y: round(y, 1) };
  }),
};
mkdirSync(dirname(mapFile), { recursive: true });
writeFileSync(mapFile, JSON.stringify(mapData));

const count = (level: string) => areas.filter((a) => a.level === level).length;
console.log(
  `${count('region')} regions, ${count('cercle')} cercles, ${count('commune')} communes; map ${width}×${height}`,
);
