/**
 * The field data of the demo: PROSMED's activities of October–December 2023 (seed 004) with their photos,
 * and the rules computing PROSMED's indicators from activities. Idempotent: activities are keyed, rules
 * and photos written once.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { indicatorRule } from '../../../core/contracts/indicator-data.js';
import { tIn } from '../../../core/i18n/t.js';
import type { Db } from '../../db/client.js';
import * as t from '../../db/schema/index.js';
import { checkActivity, programmeFacts } from '../../modules/activities/activity-check.js';
import { insertActivities } from '../../modules/activities/activity-bulk.js';
import { withDefaults } from '../../modules/activities/activities.service.js';
import { createQuarterlyReport } from '../../modules/reports/quarterly/quarterly-report.service.js';
import { prosmedQ4Report } from './prosmed-2023-q4-report.js';
import { prosmedQ4Activities, prosmedRules } from './prosmed-2023-q4.js';
import { operatorContext } from '../../context.js';

const photoDir = new URL('./photos/', import.meta.url);

export async function seedFieldData(db: Db): Promise<{ activities: number }> {
  const [programme] = await db
    .select({ id: t.programmes.id })
    .from(t.programmes)
    .where(eq(t.programmes.code, 'PROSMED'));
  if (!programme) return { activities: 0 };
  const facts = await programmeFacts(db, 'prosmed');
  const keys = prosmedQ4Activities.map((a) => a.key);
  const present = new Set(
    (
      await db
        .select({ key: t.activities.externalId })
        .from(t.activities)
        .where(and(eq(t.activities.programmeId, facts.id), inArray(t.activities.externalId, keys)))
    ).map((r) => r.key),
  );
  const todo = prosmedQ4Activities.filter((a) => !present.has(a.key));
  const items = todo.map((a) => {
    const { key: _key, photos: _photos, ...input } = a;
    const checked = checkActivity(facts, withDefaults(input, null), 'fr');
    if (!checked.activity)
      throw new Error(
        `demo activity ${a.key}: ${checked.issues.map((i) => `${i.field}: ${i.message}`).join('; ')}`,
      );
    return { activity: checked.activity, externalId: a.key };
  });
  await db.transaction(async (tx) => {
    const ids = await insertActivities(tx, facts.id, items, { kind: 'entered' });
    const attachments = todo.flatMap((a, i) =>
      (a.photos ?? []).map((photo, sort) => {
        const bytes = readFileSync(new URL(photo.file, photoDir));
        return {
          activityId: ids[i]!,
          kind: 'photo' as const,
          fileName: photo.file,
          contentType: 'image/jpeg',
          size: bytes.length,
          sha256: createHash('sha256').update(bytes).digest('hex'),
          // drawn for the demo: each caption says so, in its language
          captionFr: tIn('fr')('documents.quarterly.demoIllustration', { caption: photo.caption.fr }),
          captionEn: tIn('en')('documents.quarterly.demoIllustration', { caption: photo.caption.en }),
          credit: photo.credit,
          takenOn: photo.takenOn ?? null,
          bytes,
          sort,
        };
      }),
    );
    if (attachments.length) await tx.insert(t.activityAttachments).values(attachments);
    const rules = Object.entries(prosmedRules).map(([indicatorCode, rule]) => ({
      programmeId: facts.id,
      indicatorCode,
      rule: indicatorRule.parse(rule),
      updatedBy: 'démo',
    }));
    await tx.insert(t.indicatorRules).values(rules).onConflictDoNothing();
  });
  // a demo database seeded before activities named their planned activity gets the links, where nobody chose
  // one since
  for (const a of prosmedQ4Activities.filter((x) => present.has(x.key) && x.workPlanActivity)) {
    const planned = facts.workPlan.get(a.workPlanActivity!);
    if (!planned) continue;
    await db
      .update(t.activities)
      .set({ workplanActivityId: planned.id })
      .where(
        and(
          eq(t.activities.programmeId, facts.id),
          eq(t.activities.externalId, a.key),
          isNull(t.activities.workplanActivityId),
        ),
      );
  }
  // the quarterly report's written parts (its figures come from the activities above)
  const ctx = operatorContext(db);
  const [report] = await db
    .select({ id: t.reports.id })
    .from(t.reports)
    .where(
      and(
        eq(t.reports.programmeId, facts.id),
        eq(t.reports.type, 'quarterly'),
        eq(t.reports.periodStart, '2023-10-01'),
      ),
    );
  if (!report) await createQuarterlyReport(ctx, 'prosmed', '2023-Q4', prosmedQ4Report);
  return { activities: items.length };
}

/** The demo photos are illustrations made for the demo (the report's photographs are not public files). */
export const demoPhotosPresent = () =>
  prosmedQ4Activities.every((a) => (a.photos ?? []).every((p) => existsSync(new URL(p.file, photoDir))));
