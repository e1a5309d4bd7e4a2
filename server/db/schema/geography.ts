import { doublePrecision, index, pgEnum, pgTable, text, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { areaLevels } from '../../../core/contracts/activity-vocabulary.js';

export const adminLevel = pgEnum('admin_level', areaLevels);

/**
 * Mali's regions, cercles and communes (geoBoundaries gbOpen, before the 2023 reform), loaded by a data
 * migration built by `scripts/geography/build-geography.ts`. Codes are readable: `ML-4` (Ségou region),
 * `ML-4.SEGOU` (cercle), `ML-4.SEGOU.MARKALA` (commune). Parents were derived once from the shapes.
 */
export const adminAreas = pgTable(
  'admin_areas',
  {
    code: text('code').primaryKey(),
    level: adminLevel('level').notNull(),
    /** the French name, with its accents */
    name: text('name').notNull(),
    /** the name in the boundary files (plain ASCII) */
    sourceName: text('source_name').notNull(),
    aliases: text('aliases')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    parentCode: text('parent_code').references((): AnyPgColumn => adminAreas.code),
    regionCode: text('region_code'),
    cercleCode: text('cercle_code'),
    /** geoBoundaries shapeID, the key of the shape in the TopoJSON files */
    shapeId: text('shape_id').notNull().unique(),
    /** a point inside the area (longitude, latitude) */
    lon: doublePrecision('lon').notNull(),
    lat: doublePrecision('lat').notNull(),
  },
  (t) => [index('admin_areas_parent_idx').on(t.parentCode), index('admin_areas_level_idx').on(t.level)],
);
export type AdminAreaRow = typeof adminAreas.$inferSelect;
