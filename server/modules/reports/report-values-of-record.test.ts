/**
 * Part V follows the value of record (docs/domain.md, "The value of record"), on the demo's PROSMED: its
 * annual report 2023 opens with what the activities say, an entered value wins over the computed one on the
 * indicator page and in the report, a written cell wins over both, and approval freezes the figures.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { IndicatorData } from '../../../core/contracts/indicator-data.js';
import type { Framework, FrameworkTree } from '../../../core/contracts/programme-api.js';
import { expandFramework } from '../../../core/domain/framework-answer.js';
import type { FieldValue, ReportDetail, ReportIndicatorRow } from '../../../core/contracts/report.js';
import type { TemplateField } from '../../../core/contracts/report-template.js';
import { findTemplate } from '../../../core/reports/templates/index.js';
import { readDocx } from '../../documents/docx/docx-text.js';
import { testEngines } from '../../test/test-database.js';
import { testSuite } from '../../test/test-suite.js';

describe.each(testEngines)('Part V and the value of record on %s', (engine) => {
  let report: ReportDetail;
  let framework: FrameworkTree;
  const suite = testSuite(engine, {
    seed: true,
  });
  beforeAll(async () => {
    const created = await suite.app.inject({
      method: 'POST',
      url: '/api/v1/programmes/prosmed/reports',
      payload: { type: 'annual', year: 2023 },
    });
    expect(created.statusCode).toBe(201);
    report = created.json();
    framework = expandFramework(
      (
        await suite.app.inject({
          url: `/api/v1/programmes/prosmed/framework?version=${report.model.frameworkVersion}`,
        })
      ).json<Framework>(),
    );
  });

  const get = async (): Promise<ReportDetail> =>
    (await suite.app.inject({ url: `/api/v1/reports/${report.id}` })).json();
  const rowOf = (detail: ReportDetail, code: string): ReportIndicatorRow =>
    detail.model.outcomes
      .flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)])
      .find((r) => r.code === code)!;
  const indicatorId = (code: string) =>
    framework.outcomes
      .flatMap((o) => [...o.indicators, ...o.outputs.flatMap((x) => x.indicators)])
      .find((i) => i.code === code)!.id;
  const indicatorPage = async (code: string): Promise<IndicatorData> =>
    (
      await suite.app.inject({
        url: `/api/v1/indicators/${indicatorId(code)}/data?from=${report.periodStart}&to=${report.periodEnd}`,
      })
    ).json();
  const patch = async (version: number, changes: { path: string; value: FieldValue }[]) =>
    suite.app.inject({ method: 'PATCH', url: `/api/v1/reports/${report.id}`, payload: { version, changes } });

  it('opens the annual report 2023 with 1.3.2 = 872 of whom 556 women, from the activities', () => {
    // the template's annual period: January to November
    expect([report.periodStart, report.periodEnd]).toEqual(['2023-01-01', '2023-11-30']);
    const row = rowOf(report, '1.3.2');
    expect(row.progress).toBe('872 dont 556 femmes');
    expect(row.progressSource).toBe('computed');
    expect(row.record).toMatchObject({ provenance: 'computed', numericValue: 872, date: '2023-11-30' });
    expect(row.record!.activityCount).toBeGreaterThan(0);
    // nothing was copied into the content: the row follows the data while the report is a draft
    expect(report.model.content.indicators['1.3.2']?.progress ?? null).toBeNull();
    // a computed value is an answer: no check says the progress is missing (the age split check may still speak)
    const codes = report.checks.filter((c) => c.path === 'indicators.1.3.2.progress').map((c) => c.code);
    expect(codes).not.toContain('indicator_without_progress');
    expect(codes).not.toContain('required_missing');
  });

  it('shows the same figure on the indicator page and in the report', async () => {
    const page = await indicatorPage('1.3.2');
    expect(page.actual).toMatchObject({ text: '872 dont 556 femmes', source: 'computed' });
    expect(page.actual!.activityCount).toBe(rowOf(report, '1.3.2').record!.activityCount);
  });

  it('prints the same figure in the Word document', async () => {
    const res = await suite.app.inject({ url: `/api/v1/reports/${report.id}/export?format=docx` });
    expect(res.statusCode).toBe(200);
    const { tables } = await readDocx(res.rawPayload);
    // Part V's first column holds the outcome or output (the template's grid): the indicator is in a later cell
    const row = tables.flat().find((cells) => cells.some((cell) => /^Indicateur 1\.3\.2\b/.test(cell)));
    expect(row?.join(' | ')).toContain('872 dont 556 femmes');
  });

  it('prefers a value entered for the period, on the indicator page and in the report', async () => {
    const entered = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/indicators/${indicatorId('1.3.2')}/values`,
      payload: {
        periodStart: report.periodStart,
        periodEnd: report.periodEnd,
        value: { text: '900 dont 560 femmes' },
        reason: 'Chiffres consolidés par ONU Femmes',
      },
    });
    expect(entered.statusCode).toBe(201);
    const page = await indicatorPage('1.3.2');
    expect(page.actual).toMatchObject({ text: '900 dont 560 femmes', source: 'entered', date: '2023-11-30' });
    // the computed value is still shown beside it
    expect(page.computed?.value).toBe(872);
    expect(page.progress.actual).toBe(900);
    const row = rowOf(await get(), '1.3.2');
    expect(row).toMatchObject({
      progress: '900 dont 560 femmes',
      progressSource: 'entered',
      reason: 'Chiffres consolidés par ONU Femmes',
      record: { provenance: 'entered', date: '2023-11-30' },
    });
  });

  it('keeps what the writers wrote over the value of record, and gives the value back when they clear it', async () => {
    const written = await patch(report.version, [
      { path: 'indicators.1.3.2.progress', value: '880 dont 560 femmes (rapport de l’agence)' },
      { path: 'indicators.1.3.2.reason', value: 'Le chiffre de l’agence fait foi' },
    ]);
    expect(written.statusCode).toBe(200);
    const row = rowOf(written.json(), '1.3.2');
    expect(row).toMatchObject({
      progress: '880 dont 560 femmes (rapport de l’agence)',
      progressSource: 'written',
      reason: 'Le chiffre de l’agence fait foi',
      record: { provenance: 'entered' },
    });
    const cleared = await patch(written.json().version, [{ path: 'indicators.1.3.2.progress', value: null }]);
    expect(rowOf(cleared.json(), '1.3.2')).toMatchObject({
      progress: '900 dont 560 femmes',
      progressSource: 'entered',
    });
  });

  it('freezes Part V on approval: data changed later does not change it', async () => {
    let current = await get();
    const template = findTemplate(current.template.id, current.template.version)!;
    const fields = template.sections.flatMap((s) => s.fields);
    const required = current.checks.filter((c) => c.severity === 'error');
    const changes = required.map((c) => {
      const id = c.path.split('.').at(-1)!;
      return { path: c.path, value: sample(fields.find((f) => f.id === id)!) };
    });
    if (changes.length) current = (await patch(current.version, changes)).json();
    expect(current.checks.filter((c) => c.severity === 'error')).toEqual([]);
    const notReady = current.parts.filter((p) => !p.ready).map((p) => p.agency.code);
    const submitted = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${report.id}/submit`,
      payload: { version: current.version, withoutParts: notReady },
    });
    expect(submitted.statusCode).toBe(200);
    const approved = await suite.app.inject({
      method: 'POST',
      url: `/api/v1/reports/${report.id}/approve`,
      payload: { version: submitted.json().version },
    });
    expect(approved.json()).toMatchObject({ status: 'approved', frozen: true });
    const atApproval = rowOf(approved.json(), '1.3.2');
    expect(atApproval).toMatchObject({ progress: '900 dont 560 femmes', progressSource: 'entered' });

    const computedAtApproval = rowOf(approved.json(), '1.2.3');
    expect(computedAtApproval).toMatchObject({ progressSource: 'computed', progress: '8' });

    // 1.2.3 now counts every activity instead of the infrastructures: its page follows, the approved report not
    const rule = await suite.app.inject({
      method: 'PUT',
      url: `/api/v1/indicators/${indicatorId('1.2.3')}/rule`,
      payload: { rule: { kind: 'count_activities', scope: 'programme' } },
    });
    expect(rule.statusCode).toBe(200);
    const page = await indicatorPage('1.2.3');
    expect(page.actual).toMatchObject({ source: 'computed' });
    expect(page.actual!.value).toBeGreaterThan(8);
    const frozen = await get();
    expect(rowOf(frozen, '1.3.2')).toEqual(atApproval);
    expect(rowOf(frozen, '1.2.3')).toEqual(computedAtApproval);
  });
});

/** A value a required field of this type accepts. */
function sample(field: TemplateField): FieldValue {
  switch (field.type) {
    case 'money':
      return 1000;
    case 'percent':
      return 50;
    case 'choice':
      return field.choices![0]!.value;
    case 'yes_no':
      return true;
    case 'yes_no_text':
      return { answer: true, text: 'Oui.' };
    case 'multi_choice':
      return { selected: [field.choices![0]!.value] };
    case 'donor_amounts':
      return { rows: [{ donor: 'PBF', amount: 1000 }] };
    default:
      return 'Texte du rapport.';
  }
}
