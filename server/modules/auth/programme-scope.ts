/**
 * Which programme a request acts on, from its path parameters: what the access rules need to check a role
 * scoped to a programme. Unknown ids give undefined; the route then answers 404 itself.
 */
import type { DbOrTx } from '../../db/client.js';
import {
  programmeIdInTable,
  programmeIdOfFrameworkVersion,
  programmeIdOfIndicator,
  programmeIdOfOutcome,
  programmeIdOfOutput,
  programmeIdOfReport,
  programmeIdOfSlug,
} from './programme-scope.queries.js';

type Params = Record<string, string | undefined>;
export type ProgrammeScope = (db: DbOrTx, params: Params) => Promise<string | undefined>;

const isUuid = (v: string | undefined): v is string =>
  !!v && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v);
const byId =
  (lookup: (db: DbOrTx, id: string) => Promise<string | undefined>): ProgrammeScope =>
  (db, p) =>
    isUuid(p.id) ? lookup(db, p.id) : Promise.resolve(undefined);

/** The programme of a row found by `id` in a table that has a `programme_id` column, or through a join. */
export const programmeOf = {
  slug: (): ProgrammeScope => (db, p) =>
    p.slug ? programmeIdOfSlug(db, p.slug) : Promise.resolve(undefined),
  frameworkVersion: (): ProgrammeScope => byId(programmeIdOfFrameworkVersion),
  outcome: (): ProgrammeScope => byId(programmeIdOfOutcome),
  output: (): ProgrammeScope => byId(programmeIdOfOutput),
  indicator: (): ProgrammeScope => byId(programmeIdOfIndicator),
  report: (): ProgrammeScope => byId(programmeIdOfReport),
  /** any table with `id` and `programme_id` columns (for modules that keep the programme on their rows) */
  table:
    (table: string, param = 'id'): ProgrammeScope =>
    async (db, p) => {
      const id = p[param];
      if (!isUuid(id)) return undefined;
      return programmeIdInTable(db, table, id);
    },
};
