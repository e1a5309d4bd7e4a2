/**
 * Mali's geography as loaded by the data migration: 9 regions, 50 cercles, 701 communes, each cercle in the
 * region the administration lists, and every place the seed documents name found with or without accents.
 */
import { describe, expect, it } from 'vitest';
import { cerclesByRegion } from '../../../scripts/geography/mali-names.js';
import type { PlaceIndex } from '../../../core/geo/place-names.js';
import { pbfMliA1 } from '../../seed/data/pbf-mli-a-1.js';
import { pbfMliA2 } from '../../seed/data/pbf-mli-a-2.js';
import { pbfMliA3 } from '../../seed/data/pbf-mli-a-3.js';
import { prosmed } from '../../seed/data/prosmed.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';
import { placeIndex } from './geography.service.js';

/** The places of seed 004 (PROSMED quarterly report, Q4 2023), as written there. */
const quarterlyReportPlaces = [
  'Nioro du Sahel',
  'Ségou',
  'San',
  'Mopti',
  'Niono',
  'Diéma',
  'Bla',
  'Kala-Siguida',
  'Korodougou',
  'grouméra',
  'Fatoma',
  'Kounari',
  'Bassiro',
  'Bandiagara',
  'Djénné',
  'Bankass',
  'Koro',
  'Douentza',
  'Yorosso',
  'Nara',
  'Koutiala',
];

describe.each(testEngines)('geography on %s', (engine) => {
  let index: PlaceIndex;
  const suite = testSuite(engine, {
    data: async (database) => {
      index = await placeIndex(database.db);
    },
    app: { as: null },
  });

  it('holds the 9 regions, 50 cercles and 701 communes, each with its parents', () => {
    const count = (level: string) => index.areas.filter((a) => a.level === level).length;
    expect([count('region'), count('cercle'), count('commune')]).toEqual([9, 50, 701]);
    for (const commune of index.areas.filter((a) => a.level === 'commune')) {
      const cercle = index.byCode.get(commune.parentCode!);
      expect(cercle?.level, commune.code).toBe('cercle');
      expect(commune.regionCode).toBe(cercle!.parentCode);
    }
  });

  it('builds its index once per database, not again in each of its transactions', async () => {
    // a transaction is a new object each time: every write and every answer the read cache computes runs in one
    expect(await suite.database.db.transaction((tx) => placeIndex(tx))).toBe(index);
    expect(await suite.database.db.transaction((tx) => placeIndex(tx), { accessMode: 'read only' })).toBe(
      index,
    );
  });

  it('puts every cercle in the region the administration lists', () => {
    for (const [region, cercles] of Object.entries(cerclesByRegion)) {
      const found = index.areas
        .filter((a) => a.level === 'cercle' && a.parentCode === region)
        .map((a) => a.code.split('.')[1]);
      expect(found.sort(), region).toEqual(cercles.map((c) => c.toUpperCase()).sort());
    }
  });

  it('finds every place named in the seeds, with or without accents', () => {
    const names = [
      ...pbfMliA1.places!,
      ...pbfMliA2.places!,
      ...pbfMliA3.places!,
      ...prosmed.places!,
      ...quarterlyReportPlaces,
    ];
    const misses = names.filter((n) => !index.resolve(n).match);
    expect(misses).toEqual([]);
    for (const name of names) {
      const plain = name.normalize('NFD').replace(/\p{M}/gu, '');
      expect(index.resolve(plain).match?.code, plain).toBe(index.resolve(name).match?.code);
    }
  });

  it('reads names as people write them', () => {
    const code = (name: string) => index.resolve(name).match?.code;
    expect(code('Nioro du Sahel')).toBe('ML-1.NIORO');
    expect(code('NIORO')).toBe('ML-1.NIORO');
    expect(code('Djénné')).toBe('ML-5.DJENNE');
    expect(code('cercle de Ségou')).toBe('ML-4.SEGOU');
    expect(code('région de Ségou')).toBe('ML-4');
    expect(code('commune de Ségou')).toBe('ML-4.SEGOU.SEGOU-COMMUNE');
    expect(code('Ménaka')).toBe('ML-7.MENAKA');
    expect(code('Kala Siguida')).toBe('ML-4.NIONO.KALA-SIGUIDA');
    expect(code('Commune IV')).toBe('ML-BKO.BAMAKO.COMMUNE-IV');
    expect(code('ml-4.segou')).toBe('ML-4.SEGOU');
    expect(index.resolve('Bassiro')).toMatchObject({ how: 'fuzzy', match: { code: 'ML-5.MOPTI.BASSIROU' } });
    // short names tolerate no typo: "Bia" is not Bla
    expect(index.resolve('Bia').match).toBeNull();
    expect(index.resolve('Diedougou').how).toBe('ambiguous');
    expect(index.resolve('Diedougou', { within: 'ML-4' }).match?.code).toBe('ML-4.SEGOU.DIEDOUGOU');
  });

  it('answers over the API: resolve, search and shapes', async () => {
    const r = (await suite.app.inject({ url: '/api/v1/geography/resolve?name=Di%C3%A9ma' })).json();
    expect(r.match).toMatchObject({ code: 'ML-1.DIEMA', name: 'Diéma', region: { name: 'Kayes' } });
    const s = (await suite.app.inject({ url: '/api/v1/geography/areas?q=sego&limit=5' })).json();
    expect(s.items[0]).toMatchObject({ code: 'ML-4.SEGOU', level: 'cercle' });
    const cercles = (
      await suite.app.inject({ url: '/api/v1/geography/areas?level=cercle&parent=ML-4' })
    ).json();
    expect(cercles.items).toHaveLength(7);
    const shapes = await suite.app.inject({ url: '/api/v1/geography/shapes?level=cercle' });
    expect(shapes.statusCode).toBe(200);
    const topology = shapes.json();
    const geometries = Object.values(
      topology.objects as Record<string, { geometries: { properties: { code: string } }[] }>,
    )[0]!.geometries;
    expect(geometries).toHaveLength(50);
    expect(geometries.map((g) => g.properties.code)).toContain('ML-5.DJENNE');
    expect((await suite.app.inject({ url: '/api/v1/geography/shapes?level=village' })).statusCode).toBe(400);
  });
});
