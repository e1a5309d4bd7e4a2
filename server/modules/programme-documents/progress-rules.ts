/**
 * The progress values a programme document or a programme file brings (the demo data, `POST /programmes/import`,
 * a new framework version from a file) under the rules of every value write (issue 14, item 2; the typed and
 * imported paths: `indicator-data/value-rules.ts`): each fits its indicator's measure, one value per indicator
 * and period. Their indicators are new (written in the same transaction), so no other value holds their periods.
 */
import { sayValueFinding, valueFindings } from '../../../core/domain/value-fits-indicator.js';
import { formatPeriod } from '../../../core/i18n/format.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { tIn } from '../../../core/i18n/t.js';
import type { StoredValue } from '../../../core/contracts/value-spec.js';
import type { DbOrTx } from '../../db/client.js';
import { AppError } from '../../errors.js';
import { measuresByIndicator } from './programme-documents.queries.js';

export interface ProgressRow {
  indicatorId: string;
  periodStart: string;
  periodEnd: string;
  value: StoredValue | null;
}

/** 400 naming `progress.<i>.value` (or `.periodStart`) with the indicator and the period, for every row that breaks a rule. */
export async function assertProgressFits(
  tx: DbOrTx,
  rows: { row: ProgressRow; code: string; path: string }[],
  locale: Locale,
): Promise<void> {
  const say = tIn(locale);
  const measures = await measuresByIndicator(
    tx,
    rows.map((r) => r.row.indicatorId),
  );
  const issues: { path: string; message: string }[] = [];
  const seen = new Map<string, string>();
  for (const { row, code, path } of rows) {
    const where = say('fieldRules.programmes.progressOf', {
      code,
      period: formatPeriod(row.periodStart, row.periodEnd, locale),
    });
    const measure = measures.get(row.indicatorId);
    if (row.value && measure)
      for (const f of valueFindings(measure, row.value.spec, row.value.text))
        issues.push({ path: `${path}.value`, message: `${where} ${sayValueFinding(f, say, locale)}` });
    const key = `${row.indicatorId}|${row.periodStart}|${row.periodEnd}`;
    const first = seen.get(key);
    if (first)
      issues.push({
        path: `${path}.periodStart`,
        message: `${where} ${say('fieldRules.programmes.progressTwice', { first })}`,
      });
    else seen.set(key, path);
  }
  if (issues.length) throw new AppError('validation_failed', 'Progress values that do not fit', { issues });
}
