/**
 * The IATI Standard's rules beyond the schema (the "Standard Ruleset" the IATI Validator applies), for the rules
 * an activity file written by Jalon could break. The ruleset's data (IATI/IATI-Rulesets, `rulesets/standard.json`,
 * version-2.03 branch) is not among the reference files shipped with Jalon, so the rules are encoded here, each
 * with the ruleset's test kind (`date_order`, `time_limit`, `startswith`, `no_more_than_one`, `atleast_one`,
 * `regex_matches`, `sum`), the element it applies to, and the IATI Validator's rule id where it is known
 * (see docs/decisions/0019-iati-publisher-grade.md). Pure: XML text in, findings out.
 */
import { XMLParser } from 'fast-xml-parser';

export interface RuleFinding {
  /** the IATI Validator rule id where known (`7.5.3`), else the ruleset's test kind and path */
  rule: string;
  /** the activity's identifier */
  activity: string;
  /** where in the activity, e.g. `result 2 › indicator 1 › baseline` */
  where: string;
  message: string;
}

interface Rule {
  id: string;
  kind: string;
  path: string;
  message: string;
}

/** The rules Jalon checks, as the ruleset states them. */
export const iatiRules = {
  identifierPrefix: {
    id: 'startswith',
    kind: 'startswith',
    path: 'iati-activity: iati-identifier starts with reporting-org/@ref',
    message: 'The activity identifier must begin with the reporting organisation identifier.',
  },
  identifierCharacters: {
    id: 'regex_matches',
    kind: 'regex_matches',
    path: 'iati-activity: reporting-org/@ref, iati-identifier, participating-org/@ref match [^/&|?]+',
    message: 'Identifiers must not contain /, &, | or ?.',
  },
  plannedDates: {
    id: 'date_order',
    kind: 'date_order',
    path: "iati-activity: activity-date[@type='1'] <= activity-date[@type='3'], [@type='2'] <= NOW",
    message:
      'The planned start must not be after the planned end, and an actual start must not be in the future.',
  },
  countryShares: {
    id: 'sum',
    kind: 'sum',
    path: 'iati-activity: recipient-country/@percentage + recipient-region/@percentage = 100',
    message: 'The recipient country and region percentages must add up to 100.',
  },
  participatingOrg: {
    id: 'atleast_one',
    kind: 'atleast_one',
    path: 'participating-org: @ref or narrative',
    message: 'A participating organisation must have a reference or a name.',
  },
  budgetOrder: {
    id: 'date_order',
    kind: 'date_order',
    path: 'budget: period-start <= period-end',
    message: 'A budget period must not end before it starts.',
  },
  budgetYear: {
    id: '7.5.3',
    kind: 'time_limit',
    path: 'budget: period-end - period-start <= 1 year',
    message: 'A budget period must not be longer than one year.',
  },
  transactionDate: {
    id: 'date_order',
    kind: 'date_order',
    path: 'transaction: transaction-date <= NOW',
    message: 'A transaction date must not be in the future.',
  },
  resultPeriodOrder: {
    id: 'date_order',
    kind: 'date_order',
    path: 'result/indicator/period: period-start <= period-end',
    message: 'A results period must not end before it starts.',
  },
  referenceOneLevel: {
    id: 'no_more_than_one',
    kind: 'no_more_than_one',
    path: 'result: reference, indicator/reference',
    message: 'A reference must be given at result level or at indicator level, not both.',
  },
  valueOfQuantitative: {
    id: 'atleast_one',
    kind: 'atleast_one',
    path: "result/indicator[@measure!='5']: baseline/@value, period/target/@value, period/actual/@value",
    message: 'A baseline, target or actual of a non-qualitative indicator must have a value.',
  },
} as const satisfies Record<string, Rule>;
export type IatiRuleName = keyof typeof iatiRules;

type El = Record<string, unknown>;
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  parseTagValue: false,
  parseAttributeValue: false,
  isArray: (_name, _path, _leaf, isAttribute) => !isAttribute,
});
const all = (el: El | undefined, name: string) => (el?.[name] as El[] | undefined) ?? [];
const one = (el: El | undefined, name: string) => all(el, name)[0];
const text = (el: El | undefined) =>
  el === undefined ? undefined : typeof el === 'string' ? el : ((el['#text'] as string | undefined) ?? '');
const attr = (el: El | undefined, name: string) => el?.[`@${name}`] as string | undefined;
const dateOf = (el: El | undefined) => attr(el, 'iso-date')?.slice(0, 10);

/** The day one year after `day` (2024-02-29 → 2025-02-28), as the time limit is read. */
function oneYearAfter(day: string): string {
  const d = new Date(`${day}T00:00:00Z`);
  const next = new Date(Date.UTC(d.getUTCFullYear() + 1, d.getUTCMonth(), d.getUTCDate()));
  if (next.getUTCDate() !== d.getUTCDate()) next.setUTCDate(0);
  return next.toISOString().slice(0, 10);
}

/** Checks every activity of an `iati-activities` file against the rules above; `today` stands for NOW. */
export function checkIatiRules(xml: string, today: string): RuleFinding[] {
  const root = (parser.parse(xml) as { 'iati-activities'?: El[] })['iati-activities']?.[0];
  const findings: RuleFinding[] = [];
  for (const a of all(root, 'iati-activity')) {
    const activity = text(one(a, 'iati-identifier'))?.trim() ?? '';
    const fail = (name: IatiRuleName, where: string) =>
      findings.push({ rule: iatiRules[name].id, activity, where, message: iatiRules[name].message });
    const reportingRef = attr(one(a, 'reporting-org'), 'ref') ?? '';
    if (!activity.startsWith(reportingRef)) fail('identifierPrefix', 'iati-identifier');
    for (const [where, value] of [
      ['reporting-org/@ref', reportingRef],
      ['iati-identifier', activity],
      ...all(a, 'participating-org').map((p) => ['participating-org/@ref', attr(p, 'ref')] as const),
    ] as const)
      if (value !== undefined && !/^[^/&|?]+$/.test(value)) fail('identifierCharacters', where);
    const dates = new Map(all(a, 'activity-date').map((d) => [attr(d, 'type'), dateOf(d)]));
    if (dates.get('1') && dates.get('3') && dates.get('1')! > dates.get('3')!)
      fail('plannedDates', 'activity-date');
    if (dates.get('2') && dates.get('2')! > today) fail('plannedDates', 'activity-date');
    const shares = [...all(a, 'recipient-country'), ...all(a, 'recipient-region')].map((c) =>
      attr(c, 'percentage'),
    );
    if (shares.length && shares.every((s) => s !== undefined)) {
      const sum = shares.reduce((s, p) => s + Number(p), 0);
      if (Math.abs(sum - 100) > 0.01) fail('countryShares', 'recipient-country');
    }
    for (const p of all(a, 'participating-org'))
      if (!attr(p, 'ref') && all(p, 'narrative').length === 0) fail('participatingOrg', 'participating-org');
    for (const b of all(a, 'budget')) {
      const start = dateOf(one(b, 'period-start'));
      const end = dateOf(one(b, 'period-end'));
      if (!start || !end) continue;
      if (start > end) fail('budgetOrder', `budget ${start} → ${end}`);
      else if (end >= oneYearAfter(start)) fail('budgetYear', `budget ${start} → ${end}`);
    }
    for (const t of all(a, 'transaction')) {
      const date = dateOf(one(t, 'transaction-date'));
      if (date && date > today) fail('transactionDate', `transaction ${date}`);
    }
    all(a, 'result').forEach((r, ri) => {
      const resultHasReference = all(r, 'reference').length > 0;
      all(r, 'indicator').forEach((ind, ii) => {
        const where = `result ${ri + 1} › indicator ${ii + 1}`;
        if (resultHasReference && all(ind, 'reference').length > 0) fail('referenceOneLevel', where);
        const quantitative = (attr(ind, 'measure') ?? '1') !== '5';
        if (quantitative)
          for (const b of all(ind, 'baseline'))
            if (attr(b, 'value') === undefined) fail('valueOfQuantitative', `${where} › baseline`);
        all(ind, 'period').forEach((p, pi) => {
          const start = dateOf(one(p, 'period-start'));
          const end = dateOf(one(p, 'period-end'));
          if (start && end && start > end) fail('resultPeriodOrder', `${where} › period ${pi + 1}`);
          if (!quantitative) return;
          for (const tag of ['target', 'actual'])
            for (const v of all(p, tag))
              if (attr(v, 'value') === undefined)
                fail('valueOfQuantitative', `${where} › period ${pi + 1} › ${tag}`);
        });
      });
    });
  }
  return findings;
}
