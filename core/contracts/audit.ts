import { z } from 'zod';

export { auditParts } from './audit-parts.js';

export const auditEvent = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: z.object({ id: z.uuid().nullable(), label: z.string() }),
  action: z.enum(['insert', 'update', 'delete']),
  entity: z.string(),
  entityId: z.string().nullable(),
  before: z.record(z.string(), z.unknown()).nullable(),
  after: z.record(z.string(), z.unknown()).nullable(),
});
export type AuditEvent = z.infer<typeof auditEvent>;

export const auditQuery = z.object({
  /** the table, e.g. `programmes`, `indicators`, `reports` */
  entity: z
    .string()
    .regex(/^[a-z_]+$/)
    .optional(),
  id: z.string().max(100).optional(),
  /** events of everything that belongs to one programme (its own row, framework, indicators, reports…) */
  programme: z
    .string()
    .regex(/^[a-z0-9-]+$/)
    .optional(),
  /** creations, changes or deletions only */
  action: z.enum(['insert', 'update', 'delete']).optional(),
  /** who: part of the author's label (e-mail), case ignored */
  actor: z.string().trim().min(1).max(200).optional(),
  /** from this day on, up to this day included (UTC) */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  format: z.enum(['json', 'csv']).default('json'),
});
