// An IATI activity as read, before it becomes a programme document: what the reading steps fill in.
import type {
  IatiOtherIdentifier,
  LocalizedText,
  OrganisationInput,
  ProgrammeDocument,
  ValueInput,
} from '../../../../core/contracts/programme-document.js';
import type { Measure } from '../iati-values.js';

export interface RawIndicator {
  where: string;
  title: LocalizedText;
  reference?: string;
  /** from the lines of a Jalon file's indicator description */
  unit?: string;
  cumulative?: true;
  sources?: string[];
  measure: Measure;
  direction: 'increase' | 'decrease';
  baseline?: ValueInput;
  targets: { start: string; end: string; value: ValueInput }[];
  actuals: { start: string; end: string; value: ValueInput | null; reason?: string }[];
  disaggregations: Set<'sex' | 'age' | 'category' | 'place'>;
  notes: string[];
}

export interface RawResult {
  where: string;
  type: 'outcome' | 'output';
  title: LocalizedText;
  reference?: string;
  indicators: RawIndicator[];
}

export interface RawProgramme {
  identifier: string;
  code: string;
  gatewayId?: string;
  otherIdentifiers: IatiOtherIdentifier[];
  title: LocalizedText;
  summary?: LocalizedText;
  country: string;
  startDate?: string;
  firstTransferDate?: string;
  endDate: string;
  currency: string;
  places: string[];
  organisations: Map<string, OrganisationInput>;
  recipients: { organisation: string; convening: boolean; approvedBudget?: number }[];
  implementingPartners: { organisation: string; note?: string }[];
  donors: { organisation: string; amount?: number; note?: string }[];
  genderMarker?: ProgrammeDocument['genderMarker'];
  spent?: {
    amount: number;
    asOf: string;
    count: number;
    /** the implementation rates a Jalon file published its expenditure from, as it gave them */
    rates?: NonNullable<RawProgramme['rates']>;
  };
  rates?: { asOf: string; implementationRate: number; source?: string }[];
  budgetTotal?: number;
  /** budgets of one year each, by organisation (null: the activity's own, before children are merged) */
  yearlyBudgets: { organisation: string | null; year: number; amount: number }[];
  /** the programmes (by code) that co-fund it, from its related activities of type 4 that Jalon knows */
  cofunding: string[];
  results: RawResult[];
  parentRef?: string;
  childRefs: string[];
}

/** An IATI date (`2021-03-01` or a longer datetime) as an ISO day, if it is one. */
export const isoDate = (s: string | undefined) => {
  const d = s?.trim().slice(0, 10);
  return d && /^\d{4}-\d{2}-\d{2}$/.test(d) && !Number.isNaN(Date.parse(d)) ? d : undefined;
};
