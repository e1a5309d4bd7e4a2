/**
 * Just enough TopoJSON for Mali's boundaries: decode quantised, delta-encoded arcs into polygons of
 * longitude/latitude, test whether a point lies inside a polygon, and find a point guaranteed to lie inside
 * one (for deriving parent areas). Pure, isomorphic: used by the build script and by the web map.
 */

export interface TopoGeometry {
  type: 'Polygon' | 'MultiPolygon';
  arcs: number[][] | number[][][];
  properties?: Record<string, unknown>;
}
export interface Topology {
  type: 'Topology';
  transform?: { scale: [number, number]; translate: [number, number] };
  arcs: [number, number][][];
  objects: Record<string, { type: 'GeometryCollection'; geometries: TopoGeometry[] }>;
}

export type Point = [number, number];
/** A ring is a closed list of points; a polygon is its exterior ring followed by its holes. */
export type Ring = Point[];
export type Polygon = Ring[];

/** Every arc of the topology in absolute longitude/latitude. */
export function decodeArcs(topology: Topology): Point[][] {
  const t = topology.transform;
  return topology.arcs.map((arc) => {
    let x = 0;
    let y = 0;
    return arc.map(([dx, dy]) => {
      if (!t) return [dx, dy] as Point;
      x += dx;
      y += dy;
      return [x * t.scale[0] + t.translate[0], y * t.scale[1] + t.translate[1]] as Point;
    });
  });
}

function ring(indices: number[], arcs: Point[][]): Ring {
  const points: Point[] = [];
  for (const index of indices) {
    // a negative index (~i) means arc i walked backwards
    const arc = index >= 0 ? arcs[index]! : [...arcs[~index]!].reverse();
    // consecutive arcs share their joining point
    arc.forEach((p, i) => {
      if (i > 0 || points.length === 0) points.push(p);
    });
  }
  return points;
}

/** The polygons of a geometry (one for a Polygon, several for a MultiPolygon). */
export function geometryPolygons(geometry: TopoGeometry, arcs: Point[][]): Polygon[] {
  if (geometry.type === 'Polygon') return [(geometry.arcs as number[][]).map((r) => ring(r, arcs))];
  return (geometry.arcs as number[][][]).map((polygon) => polygon.map((r) => ring(r, arcs)));
}

function inRing([x, y]: Point, points: Ring): boolean {
  let inside = false;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    const [xi, yi] = points[i]!;
    const [xj, yj] = points[j]!;
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** True when the point lies inside the polygon's exterior ring and outside its holes. */
export function pointInPolygon(point: Point, polygon: Polygon): boolean {
  const [outer, ...holes] = polygon;
  if (!outer || !inRing(point, outer)) return false;
  return !holes.some((hole) => inRing(point, hole));
}

export const pointInPolygons = (point: Point, polygons: Polygon[]) =>
  polygons.some((polygon) => pointInPolygon(point, polygon));

/** Signed area of a ring (shoelace), in square degrees. */
function ringArea(points: Ring): number {
  let sum = 0;
  for (let i = 0, j = points.length - 1; i < points.length; j = i++) {
    sum += (points[j]![0] - points[i]![0]) * (points[j]![1] + points[i]![1]);
  }
  return sum / 2;
}

/**
 * A point inside the largest polygon: its centroid when that lies inside (convex-ish shapes), else the middle
 * of the widest inside stretch of a horizontal line through the centroid's latitude (crescent shapes, and
 * shapes with a hole where a neighbour sits, like Kati around Bamako).
 */
export function interiorPoint(polygons: Polygon[]): Point {
  const largest = [...polygons].sort(
    (a, b) => Math.abs(ringArea(b[0] ?? [])) - Math.abs(ringArea(a[0] ?? [])),
  )[0]!;
  const outer = largest[0]!;
  let cx = 0;
  let cy = 0;
  let area = 0;
  for (let i = 0, j = outer.length - 1; i < outer.length; j = i++) {
    const [xi, yi] = outer[i]!;
    const [xj, yj] = outer[j]!;
    const f = xj * yi - xi * yj;
    cx += (xi + xj) * f;
    cy += (yi + yj) * f;
    area += f;
  }
  const centroid: Point = area === 0 ? outer[0]! : [cx / (3 * area), cy / (3 * area)];
  if (pointInPolygon(centroid, largest)) return centroid;
  // scan a few latitudes around the centroid's for the widest inside segment
  const ys = outer.map((p) => p[1]);
  const minY = Math.min(...ys);
  const maxY = Math.max(...ys);
  let best: { width: number; point: Point } | undefined;
  for (let k = 1; k < 20; k++) {
    const y = minY + ((maxY - minY) * k) / 20 + 1e-9;
    const xs: number[] = [];
    for (const r of largest) {
      for (let i = 0, j = r.length - 1; i < r.length; j = i++) {
        const [xi, yi] = r[i]!;
        const [xj, yj] = r[j]!;
        if (yi > y !== yj > y) xs.push(((xj - xi) * (y - yi)) / (yj - yi) + xi);
      }
    }
    xs.sort((a, b) => a - b);
    for (let i = 0; i + 1 < xs.length; i += 2) {
      const width = xs[i + 1]! - xs[i]!;
      const point: Point = [(xs[i]! + xs[i + 1]!) / 2, y];
      // prefer latitudes near the centroid's: weigh the width down with the distance
      const score = width / (1 + Math.abs(y - centroid[1]));
      if (!best || score > best.width) best = { width: score, point };
    }
  }
  return best?.point ?? centroid;
}
