/** Every kind of import the pipeline knows. A new kind: a file beside these, and its line here. */
import type { ImportKindName } from '../../../../core/contracts/imports.js';
import type { ImportKind } from '../import-kind.js';
import { activitiesKind } from './activities.kind.js';
import { expenditureKind } from './expenditure.kind.js';
import { indicatorValuesKind } from './indicator-values.kind.js';
import { programmeFileKind } from './programme-file.kind.js';

const kinds: Record<ImportKindName, ImportKind> = {
  activities: activitiesKind,
  'indicator-values': indicatorValuesKind,
  expenditure: expenditureKind,
  'programme-file': programmeFileKind,
};

export const importKind = (name: ImportKindName): ImportKind => kinds[name];
