/**
 * Mali's administrative areas: the place-name resolver every write and import goes through, listing and
 * search for the web, and the shapes for maps. The areas come from a data migration and never change while a
 * process runs, so the index is built once per database.
 */
import { readFile } from 'node:fs/promises';
import type { AreaRef } from '../../../core/contracts/activities.js';
import {
  keysOf,
  PlaceIndex,
  type AreaLevel,
  type NamedArea,
  type Resolution,
} from '../../../core/geo/place-names.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import { rootOf, type Db, type DbOrTx } from '../../db/client.js';
import type { ServiceContext } from '../../context.js';
import { findAllAdminAreas } from './geography.queries.js';

const indexes = new WeakMap<object, Promise<PlaceIndex>>();

async function buildIndex(db: DbOrTx): Promise<PlaceIndex> {
  const rows = await findAllAdminAreas(db);
  const areas: NamedArea[] = rows.map((r) => ({
    code: r.code,
    level: r.level,
    name: r.name,
    keys: keysOf(r.name, [r.sourceName, ...r.aliases]),
    parentCode: r.parentCode,
    regionCode: r.regionCode,
    cercleCode: r.cercleCode,
  }));
  return new PlaceIndex(areas);
}

/** The resolver of this database's areas (built on first use; a transaction's is its database's). */
export function placeIndex(db: Db | DbOrTx): Promise<PlaceIndex> {
  const key = rootOf(db);
  let index = indexes.get(key);
  if (!index) {
    index = buildIndex(db);
    // a failed build (database closing) must not stay cached
    index.catch(() => indexes.delete(key));
    indexes.set(key, index);
  }
  return index;
}

export const areaRefOf = (area: NamedArea): AreaRef => ({
  code: area.code,
  level: area.level,
  name: area.name,
});

/** The cercle an area lies in (itself for a cercle); null for a region. */
export function cercleOf(index: PlaceIndex, code: string): NamedArea | null {
  const area = index.byCode.get(code);
  if (!area) return null;
  if (area.level === 'cercle') return area;
  return area.cercleCode ? (index.byCode.get(area.cercleCode) ?? null) : null;
}

export function regionOf(index: PlaceIndex, code: string): NamedArea | null {
  const area = index.byCode.get(code);
  if (!area) return null;
  if (area.level === 'region') return area;
  return area.regionCode ? (index.byCode.get(area.regionCode) ?? null) : null;
}

/** The sentence explaining why a place name was not understood, in the reader's language. */
export function placeProblem(name: string, resolution: Resolution, locale: Locale): string {
  const list = resolution.candidates
    .slice(0, 4)
    .map((c) => `${c.name} (${c.code})`)
    .join(', ');
  return tIn(locale)(
    resolution.how === 'ambiguous'
      ? 'fieldRules.geography.ambiguousPlace'
      : 'fieldRules.geography.unknownPlace',
    { name, candidates: list },
  );
}

/** Resolves a place name or code. */
export async function resolvePlace(
  ctx: ServiceContext,
  name: string,
  level?: AreaLevel,
): Promise<Resolution> {
  return (await placeIndex(ctx.db)).resolve(name, level ? { level } : {});
}

/** Areas of a level, inside a parent, or matching a search. */
export async function listAreas(
  ctx: ServiceContext,
  query: { level?: AreaLevel; parent?: string; q?: string; limit: number },
): Promise<NamedArea[]> {
  const index = await placeIndex(ctx.db);
  if (query.q) {
    return index
      .search(query.q, query.limit, query.level)
      .filter((a) => !query.parent || a.parentCode === query.parent || a.regionCode === query.parent);
  }
  return index.areas
    .filter(
      (a) =>
        (!query.level || a.level === query.level) &&
        (!query.parent || a.parentCode === query.parent || a.regionCode === query.parent),
    )
    .sort((a, b) => a.name.localeCompare(b.name, 'fr'))
    .slice(0, query.limit);
}

const shapeFiles: Record<AreaLevel, string> = {
  region: 'mali-adm1.topo.json',
  cercle: 'mali-adm2.topo.json',
  commune: 'mali-adm3.topo.json',
};
const shapes = new Map<AreaLevel, Promise<Buffer>>();

/** The TopoJSON of a level (geoBoundaries, CC BY 4.0), with area codes as the shapes' property. */
export function shapesOf(level: AreaLevel): Promise<Buffer> {
  let file = shapes.get(level);
  if (!file) {
    file = readFile(new URL(`./data/${shapeFiles[level]}`, import.meta.url));
    shapes.set(level, file);
  }
  return file;
}
