/** When a section or field of a template applies to a report: always, in the last six months, in a final report. */
import type { ReportModel } from '../contracts/report.js';

export function applies(
  item: { condition?: 'last_six_months' | 'final_only' | undefined },
  model: Pick<ReportModel, 'lastSixMonths' | 'type'>,
): boolean {
  if (item.condition === 'last_six_months') return model.lastSixMonths || model.type === 'final';
  if (item.condition === 'final_only') return model.type === 'final';
  return true;
}
