/**
 * The demo programmes' reporting calendars, stored so that they can be edited: the Fund's dates computed from
 * each programme's dates (core/reports/due.ts), and for PROSMED the quarterly programme reports of 2023 (due a
 * month after each quarter) and a co-funder's own date — the Netherlands' annual report 2023 by 31 March 2024
 * (a demonstration date: the seeds do not give the donors' calendars).
 */
import type { ReportingDeadlineInput } from '../../core/contracts/reporting-calendar.js';
import type { Db } from '../db/client.js';
import { operatorContext } from '../context.js';
import { getCalendar, replaceCalendar } from '../modules/due/due.service.js';

const extras: Record<string, ReportingDeadlineInput[]> = {
  prosmed: [
    ...(['01', '04', '07', '10'] as const).map((month, i) => ({
      type: 'quarterly' as const,
      year: 2023,
      periodStart: `2023-${month}-01`,
      dueDate: ['2023-04-30', '2023-07-31', '2023-10-31', '2024-01-31'][i]!,
      recipient: 'programme' as const,
      label: `T${i + 1} 2023`,
    })),
    {
      type: 'annual',
      year: 2023,
      dueDate: '2024-03-31',
      recipient: 'donor',
      donor: 'NETHERLANDS',
      label: 'Rapport annuel 2023 aux Pays-Bas (date de démonstration)',
    },
  ],
};

export async function seedCalendars(db: Db, slugs: string[]): Promise<void> {
  const ctx = operatorContext(db);
  for (const slug of slugs) {
    const calendar = await getCalendar(ctx, slug);
    if (calendar.source === 'stored') continue;
    await replaceCalendar(ctx, slug, {
      deadlines: [
        ...calendar.deadlines.map((d) => ({
          type: d.type,
          year: d.year,
          dueDate: d.dueDate,
          recipient: d.recipient,
          reminderDays: d.reminderDays,
        })),
        ...(extras[slug] ?? []),
      ],
    });
  }
}
