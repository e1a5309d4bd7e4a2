// The framework sheet's rows → outcomes, outputs and their indicators ("same outcome as above" included).
import type { FrameworkVersion } from '../../../../core/contracts/programme-document.js';
import type { Say } from '../../../../core/i18n/t.js';
import { normalise, type ColumnKey } from '../framework-layout.js';
import { localized } from './cell-values.js';
import { readIndicatorRow } from './indicator-row.js';
import type { PlacedOutcome, PlacedOutput } from './read-types.js';
import type { FrameworkSheet } from './sheet-detection.js';

type Outcome = FrameworkVersion['outcomes'][number];
type Output = Outcome['outputs'][number];

export interface FrameworkRows {
  outcomes: Map<string, PlacedOutcome>;
  outputs: Map<string, PlacedOutput>;
  /** indicator code → the row it is on */
  indicatorRows: Map<string, number>;
}

/** Reads every row of the framework sheet; each problem is a finding naming its row and column. */
export function readFrameworkRows(fs: FrameworkSheet, say: Say): FrameworkRows {
  const { sheet, header, r, col, cell, whereOf } = fs;
  const outcomes = new Map<string, PlacedOutcome>();
  const outputs = new Map<string, PlacedOutput>();
  const indicatorRows = new Map<string, number>();
  let previousOutcome: string | undefined;

  const statement = (
    kind: 'outcome' | 'output',
    code: string,
    row: number,
    fr: string,
    en: string,
    known: { statementRow?: number; outcome?: Outcome; output?: Output },
  ) => {
    const text = localized(fr, en);
    if (!text) return;
    const current = kind === 'outcome' ? known.outcome!.statement : known.output!.statement;
    if (known.statementRow === undefined) {
      if (kind === 'outcome') known.outcome!.statement = text;
      else known.output!.statement = text;
      known.statementRow = row;
    } else if (normalise(current.fr) !== normalise(text.fr)) {
      const label =
        kind === 'outcome'
          ? say('documents.frameworkSheet.read.frameworkRows.outcome')
          : say('documents.frameworkSheet.read.frameworkRows.output');
      r.error(
        whereOf(row, kind === 'outcome' ? 'outcomeFr' : 'outputFr'),
        'documents.frameworkSheet.read.frameworkRows.differentStatement',
        { label, code, statementRow: known.statementRow },
      );
    }
  };

  for (let row = header.row + 1; row <= sheet.rowCount; row++) {
    const keys = [...col.keys()] as ColumnKey[];
    const raw = Object.fromEntries(
      keys.map((k) => [
        k,
        cell(
          row,
          k,
          k.endsWith('Code')
            ? 'code'
            : ['baseline', 'endTarget', 'milestones'].includes(k)
              ? 'value'
              : 'text',
        ),
      ]),
    ) as Record<ColumnKey, string>;
    const yearValues = new Map<number, string>();
    for (const [year, c] of header.years)
      yearValues.set(year, r.text(row, c, say('documents.frameworkSheet.targetYear', { year }), 'value'));
    if (Object.values(raw).every((v) => !v) && [...yearValues.values()].every((v) => !v)) continue;

    // outcome: this row's, or the one above
    let outcomeCode = raw.outcomeCode;
    if (!outcomeCode) {
      if (!previousOutcome) {
        r.error(
          whereOf(row, 'outcomeCode'),
          'documents.frameworkSheet.read.frameworkRows.outcomeCodeMissing',
        );
        continue;
      }
      outcomeCode = previousOutcome;
    }
    previousOutcome = outcomeCode;
    let o = outcomes.get(outcomeCode);
    if (!o) {
      o = { outcome: { code: outcomeCode, statement: { fr: '' }, indicators: [], outputs: [] }, row };
      outcomes.set(outcomeCode, o);
    }
    statement('outcome', outcomeCode, row, raw.outcomeFr, raw.outcomeEn, o);

    // output, if any
    let out: PlacedOutput | undefined;
    if (raw.outputCode) {
      out = outputs.get(raw.outputCode);
      if (!out) {
        out = {
          output: { code: raw.outputCode, statement: { fr: '' }, indicators: [], activities: [] },
          outcomeCode,
          row,
        };
        outputs.set(raw.outputCode, out);
        o.outcome.outputs.push(out.output);
      } else if (out.outcomeCode !== outcomeCode) {
        r.error(
          whereOf(row, 'outputCode'),
          'documents.frameworkSheet.read.frameworkRows.outputUnderTwoOutcomes',
          { output: raw.outputCode, firstOutcome: out.outcomeCode, row: out.row, outcome: outcomeCode },
        );
        continue;
      }
      statement('output', raw.outputCode, row, raw.outputFr, raw.outputEn, out);
    } else if (raw.outputFr || raw.outputEn) {
      r.error(
        whereOf(row, 'outputCode'),
        'documents.frameworkSheet.read.frameworkRows.outputStatementWithoutCode',
      );
      continue;
    }

    const ind = readIndicatorRow(fs, row, raw, yearValues, indicatorRows, say);
    if (!ind) continue;
    (out ? out.output.indicators : o.outcome.indicators).push(ind);
  }

  for (const { outcome, row } of outcomes.values())
    if (!outcome.statement.fr)
      r.error(
        r.where(row, col.get('outcomeFr')),
        'documents.frameworkSheet.read.frameworkRows.outcomeWithoutStatement',
        { code: outcome.code },
      );
  for (const { output, row } of outputs.values())
    if (!output.statement.fr)
      r.error(
        r.where(row, col.get('outputFr')),
        'documents.frameworkSheet.read.frameworkRows.outputWithoutStatement',
        { code: output.code },
      );
  if (outcomes.size === 0) r.error(sheet.name, 'documents.frameworkSheet.read.frameworkRows.noOutcome');
  return { outcomes, outputs, indicatorRows };
}
