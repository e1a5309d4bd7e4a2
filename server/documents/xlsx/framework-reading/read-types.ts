// What reading a framework workbook gives (framework, programme sheet, findings) and the limits it keeps.
import type { ImportIssue } from '../../../../core/contracts/exchange.js';
import type {
  FrameworkVersion,
  LocalizedText,
  ProgrammeDocument,
} from '../../../../core/contracts/programme-document.js';

/** Limits that keep a hostile workbook from eating the server. */
export const workbookLimits = {
  /** the parts of the .xlsx once unpacked */
  uncompressedBytes: 60 * 1024 * 1024,
  entries: 2_000,
  rows: 5_000,
  valueLength: 500,
  textLength: 4_000,
};

export type FrameworkContent = Pick<FrameworkVersion, 'outcomes' | 'alignments'>;

export interface ProgrammeSheet {
  code?: string;
  title?: LocalizedText;
  kind?: ProgrammeDocument['kind'];
  country?: string;
  currency?: string;
  startDate?: string;
  endDate?: string;
  version?: number;
  label?: LocalizedText;
  effectiveDate?: string;
  reason?: LocalizedText;
}

export interface WorkbookReadResult {
  /** the framework when the workbook has no error */
  framework: FrameworkContent | undefined;
  programme: ProgrammeSheet;
  issues: ImportIssue[];
  sheet: string;
  counts: { outcomes: number; outputs: number; indicators: number; activities: number };
}

type Outcome = FrameworkVersion['outcomes'][number];
type Output = Outcome['outputs'][number];

/** an outcome of the sheet, with the row it first appears on and the row its statement was read from */
export interface PlacedOutcome {
  outcome: Outcome;
  row: number;
  statementRow?: number;
}

/** an output of the sheet, with its outcome, the row it first appears on and the row of its statement */
export interface PlacedOutput {
  output: Output;
  outcomeCode: string;
  row: number;
  statementRow?: number;
}
