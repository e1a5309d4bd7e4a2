// An indicator's IATI target periods → Jalon's yearly targets, end target and milestones.
import type { ValueInput } from '../../../../core/contracts/programme-document.js';
import type { RawIndicator, RawProgramme } from './raw-activity.js';

export /** A period's target is a yearly target, the end target, or a milestone at the period's end. */
function classifyTargets(ind: RawIndicator, raw: RawProgramme) {
  const annual: Record<string, ValueInput | null> = {};
  const milestones: { date?: string; value: ValueInput }[] = [];
  const extra: { start: string; end: string }[] = [];
  let endTarget: ValueInput | undefined;
  const byYear = new Map<string, { start: string; end: string; value: ValueInput }[]>();
  for (const t of [...ind.targets].sort((a, b) => a.end.localeCompare(b.end))) {
    // a yearly target runs to the end of its year (or of the programme); a shorter period is a milestone
    const sameYear =
      t.start.slice(0, 4) === t.end.slice(0, 4) && (t.end.endsWith('-12-31') || t.end === raw.endDate);
    if (sameYear) byYear.set(t.end.slice(0, 4), [...(byYear.get(t.end.slice(0, 4)) ?? []), t]);
    else if (t.end === raw.endDate && endTarget === undefined) endTarget = t.value;
    else milestones.push({ date: monthOrDay(t.end), value: t.value });
  }
  for (const [year, list] of byYear) {
    // the period that ends last in the year is the yearly target; earlier ones are milestones
    const last = list.at(-1)!;
    annual[year] = last.value;
    for (const t of list.slice(0, -1)) {
      milestones.push({ date: monthOrDay(t.end), value: t.value });
      extra.push(t);
    }
  }
  milestones.sort((a, b) => (a.date ?? '').localeCompare(b.date ?? ''));
  return { annual, milestones, endTarget, extra };
}

/** the last day of a month is written `YYYY-MM`, as the documents date milestones */
function monthOrDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const next = new Date(d.getTime() + 86_400_000);
  return next.getUTCDate() === 1 ? date.slice(0, 7) : date;
}
