/**
 * The structure of a baseline, target, milestone or progress value, as far as its wording allows.
 * Every form in the seeds has a kind here; the original wording is always kept beside it.
 */
import { z } from 'zod';

/** who a part of a value counts: "dont 150 femmes", "40 jeunes de 18 à 35 ans", "140 autorités locales" */
export const valueGroups = ['women', 'men', 'youth', 'girls', 'boys', 'other'] as const;
export type ValueGroup = (typeof valueGroups)[number];

export const valuePart = z
  .object({
    group: z.enum(valueGroups),
    /** the document's own label for the group, e.g. "autorités locales et leaders communautaires" */
    label: z.string().optional(),
    value: z.number().finite(),
    /** `count` = people; `percent` = share of the total */
    unit: z.enum(['count', 'percent']),
    /** "au moins", "at least" */
    atLeast: z.boolean().optional(),
  })
  .meta({ id: 'ValuePart' });
export type ValuePart = z.infer<typeof valuePart>;

const numberSpec = z.object({
  kind: z.literal('number'),
  value: z.number().finite(),
  unit: z.string().optional(),
  atLeast: z.boolean().optional(),
  parts: z.array(valuePart).optional(),
});
const percentSpec = z.object({
  kind: z.literal('percent'),
  value: z.number().finite(),
  atLeast: z.boolean().optional(),
  parts: z.array(valuePart).optional(),
});
/** `+5% dans les zones ciblées`, `-10%`, `augmentation de au moins 30%`: relative to the baseline */
const relativeSpec = z.object({
  kind: z.literal('relative'),
  /** always positive; the sign is in `direction` */
  delta: z.number().finite().nonnegative(),
  /** `points`: 78.97% → 83.97%; `percent`: 100 → 105 */
  unit: z.enum(['points', 'percent']),
  direction: z.enum(['increase', 'decrease']),
  atLeast: z.boolean().optional(),
  scope: z.string().optional(),
});
/** `59,49% (police) ; 88,01% (gendarmerie)`: several values in one cell */
const multiSpec = z.object({
  kind: z.literal('multi'),
  items: z.array(
    z.object({
      label: z.string(),
      kind: z.enum(['number', 'percent']),
      value: z.number().finite(),
    }),
  ),
});
/** `Plan d'action 2022`, `Stratégie et plan d'action 2021` */
const documentSpec = z.object({
  kind: z.literal('document'),
  title: z.string(),
  count: z.number().int().nonnegative().optional(),
});
const booleanSpec = z.object({ kind: z.literal('boolean'), value: z.boolean() });
const textSpec = z.object({ kind: z.literal('text'), text: z.string() });
/** `TBD (baromètre)`, `Tbd (DTM)` */
const tbdSpec = z.object({ kind: z.literal('tbd'), note: z.string().optional() });
/** `n/a`, `N/A`, `-` */
const notApplicableSpec = z.object({ kind: z.literal('not_applicable'), note: z.string().optional() });

export const valueSpec = z
  .discriminatedUnion('kind', [
    numberSpec,
    percentSpec,
    relativeSpec,
    multiSpec,
    documentSpec,
    booleanSpec,
    textSpec,
    tbdSpec,
    notApplicableSpec,
  ])
  .meta({ id: 'ValueSpec' });
export type ValueSpec = z.infer<typeof valueSpec>;
export type ValueKind = ValueSpec['kind'];

/** A value as stored: the wording, its structure, and when and where it was measured. */
export const storedValue = z
  .object({
    text: z.string(),
    spec: valueSpec,
    date: z.string().optional(),
    source: z.string().optional(),
  })
  .meta({ id: 'StoredValue' });
export type StoredValue = z.infer<typeof storedValue>;
