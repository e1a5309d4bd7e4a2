/**
 * Finds an administrative area of Mali from a place name as people write it: with or without accents, with
 * hyphens or spaces, "cercle de Ségou", "Nioro du Sahel" for the cercle of Nioro, "Djénné" for Djenné, and
 * small misspellings ("Bassiro" for Bassirou). Pure: the server gives it the areas.
 */

export const areaLevels = ['region', 'cercle', 'commune'] as const;
export type AreaLevel = (typeof areaLevels)[number];

export interface NamedArea {
  code: string;
  level: AreaLevel;
  /** the name to show, with its accents: "Ségou", "Nioro du Sahel" */
  name: string;
  /** other ways of writing it, already normalised with `placeKey` */
  keys: string[];
  parentCode: string | null;
  regionCode: string | null;
  cercleCode: string | null;
}

/** `Djénné` → `djenne`, `Kala-Siguida` → `kala siguida`, `N'Garadougou` → `n garadougou` */
export function placeKey(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`\-_./,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

const PREFIX =
  /^(?:(cercle|commune|region|district|ville|village|localite|circle|municipality|town)\s+(?:de\s+|du\s+|d\s+|of\s+)?)/;
const SUFFIX = /\s+(?:commune|cercle|region)$/;

/** The level a name announces ("cercle de Bla" → cercle), and the name without its prefix. */
export function splitLevel(key: string): { key: string; level?: AreaLevel } {
  const m = key.match(PREFIX);
  if (!m) return { key };
  const word = m[1]!;
  const level: AreaLevel | undefined =
    word === 'cercle' || word === 'circle'
      ? 'cercle'
      : word === 'region' || word === 'district'
        ? 'region'
        : word === 'commune' || word === 'municipality' || word === 'ville' || word === 'town'
          ? 'commune'
          : undefined;
  return { key: key.slice(m[0].length).trim(), ...(level ? { level } : {}) };
}

/** The keys an area answers to: its name, and the name without a trailing "Commune" (Ségou Commune → ségou). */
export function keysOf(name: string, aliases: string[] = []): string[] {
  const keys = new Set<string>();
  for (const n of [name, ...aliases]) {
    const k = placeKey(n);
    keys.add(k);
    keys.add(k.replace(SUFFIX, ''));
  }
  return [...keys];
}

function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return max + 1;
    previous = current;
  }
  return previous[b.length]!;
}

/** How many typing mistakes a name of this length tolerates: none for short names (Bla, San, Koro). */
const tolerance = (key: string) => (key.length >= 9 ? 2 : key.length >= 5 ? 1 : 0);

export interface ResolveOptions {
  /** the level wanted, when the column or field says so */
  level?: AreaLevel;
  /** only areas inside this one (a commune "in cercle X") */
  within?: string;
}

export interface Resolution {
  /** the area meant, or null when the name is unknown or ambiguous */
  match: NamedArea | null;
  /** `exact`: the name (or an alias) matched; `fuzzy`: a close spelling matched */
  how: 'exact' | 'fuzzy' | 'none' | 'ambiguous';
  /** every area the name could be, best first (for suggestions and ambiguity messages) */
  candidates: NamedArea[];
}

/** Which level wins when a name is both (Ségou: region, cercle and commune): the cercle, then the commune. */
const levelRank: Record<AreaLevel, number> = { cercle: 0, commune: 1, region: 2 };

const isWithin = (area: NamedArea, code: string) =>
  area.code === code || area.parentCode === code || area.cercleCode === code || area.regionCode === code;

/** An index of areas by key, built once per set of areas. */
export class PlaceIndex {
  private readonly byKey = new Map<string, NamedArea[]>();
  readonly byCode = new Map<string, NamedArea>();

  constructor(readonly areas: NamedArea[]) {
    for (const area of areas) {
      this.byCode.set(area.code, area);
      for (const key of area.keys) {
        const list = this.byKey.get(key) ?? [];
        list.push(area);
        this.byKey.set(key, list);
      }
    }
  }

  /** Finds the area a name stands for. A code (`ML-4.SEGOU`) is accepted as it is. */
  resolve(name: string, options: ResolveOptions = {}): Resolution {
    const trimmed = name.trim();
    const byCode = this.byCode.get(trimmed.toUpperCase());
    if (byCode) return { match: byCode, how: 'exact', candidates: [byCode] };
    const full = placeKey(trimmed);
    const split = splitLevel(full);
    const level = options.level ?? split.level;
    const filter = (list: NamedArea[]) =>
      list.filter((a) => (!level || a.level === level) && (!options.within || isWithin(a, options.within)));
    const ranked = (list: NamedArea[]) =>
      [...list].sort((a, b) => levelRank[a.level] - levelRank[b.level] || a.code.localeCompare(b.code));

    // "Commune IV" is a name, not "commune" + "IV": the whole wording first
    const exact = filter(this.byKey.get(full) ?? []).length
      ? filter(this.byKey.get(full) ?? [])
      : filter(this.byKey.get(split.key) ?? []);
    if (exact.length) return this.pick(ranked(exact), 'exact');

    const max = tolerance(split.key);
    if (max === 0) return { match: null, how: 'none', candidates: [] };
    const close: { area: NamedArea; d: number }[] = [];
    for (const [key, list] of this.byKey) {
      // "Kokri" for "Kokry Centre": compare with the first word too
      const d = Math.min(distance(split.key, key, max), distance(split.key, key.split(' ')[0]!, max));
      if (d <= max) for (const area of filter(list)) close.push({ area, d });
    }
    close.sort((a, b) => a.d - b.d || levelRank[a.area.level] - levelRank[b.area.level]);
    const unique = [...new Map(close.map((c) => [c.area.code, c])).values()];
    if (!unique.length) return { match: null, how: 'none', candidates: [] };
    const bestD = unique[0]!.d;
    return this.pick(
      unique.filter((c) => c.d === bestD).map((c) => c.area),
      'fuzzy',
      unique.map((c) => c.area),
    );
  }

  private pick(best: NamedArea[], how: 'exact' | 'fuzzy', all: NamedArea[] = best): Resolution {
    const first = best[0]!;
    // several areas of the best level with this name (Diedougou ×4): the writer must say which
    const sameLevel = best.filter((a) => a.level === first.level);
    if (sameLevel.length > 1) return { match: null, how: 'ambiguous', candidates: all.slice(0, 8) };
    return { match: first, how, candidates: all.slice(0, 8) };
  }

  /** Areas whose name starts with (or contains) what is typed, for a search box. */
  search(text: string, limit = 20, level?: AreaLevel): NamedArea[] {
    const key = splitLevel(placeKey(text)).key;
    if (!key) return [];
    const starts: NamedArea[] = [];
    const contains: NamedArea[] = [];
    for (const area of this.areas) {
      if (level && area.level !== level) continue;
      if (area.keys.some((k) => k.startsWith(key))) starts.push(area);
      else if (area.keys.some((k) => k.includes(key))) contains.push(area);
    }
    const order = (a: NamedArea, b: NamedArea) =>
      levelRank[a.level] - levelRank[b.level] || a.name.localeCompare(b.name, 'fr');
    return [...starts.sort(order), ...contains.sort(order)].slice(0, limit);
  }
}
