/**
 * The XLSForm Jalon writes, checked against the rules of the XLSForm specification once written to .xlsx and
 * read back; the checker itself caught on each rule it holds; and the mapping recognised from the headers of
 * Kobo's and ODK Central's exports.
 */
import { describe, expect, it } from 'vitest';
import { readXlsForm } from '../../test/kobo-export.js';
import {
  activityForm,
  cellQuestion,
  formMapping,
  type ActivityFormInput,
  type XlsForm,
} from './activity-form.js';
import { writeXlsForm } from './xlsform-writer.js';
import { expressionProblem, xlsFormProblems } from './xlsform-spec.js';

const input: ActivityFormInput = {
  programme: { slug: 'pbf-mli-b-9', code: 'PBF/MLI/B-9', startDate: '2024-01-15', endDate: '2026-07-15' },
  recipients: [
    { code: 'UNDP', label: 'PNUD' },
    { code: 'UNWOMEN', label: 'ONU Femmes' },
  ],
  outputs: [
    { code: '1.1', statement: { fr: 'Les comités fonciers sont formés', en: 'Land committees are trained' } },
    { code: 'avec espace', statement: { fr: 'Un code qu’un choix multiple ne peut porter' } },
  ],
  indicators: [{ code: '1.1.1', title: { fr: 'Nombre de membres formés' } }],
  areas: [
    { code: 'ML-4', level: 'region', name: 'Ségou', regionCode: null, cercleCode: null },
    { code: 'ML-4.SEGOU', level: 'cercle', name: 'Ségou', regionCode: 'ML-4', cercleCode: null },
    {
      code: 'ML-4.SEGOU.MARKALA',
      level: 'commune',
      name: 'Markala',
      regionCode: 'ML-4',
      cercleCode: 'ML-4.SEGOU',
    },
  ],
};

const clone = (form: XlsForm): XlsForm => JSON.parse(JSON.stringify(form));

describe('the XLSForm of an activity form', () => {
  it('follows the specification, as written to .xlsx and read back', async () => {
    const form = activityForm(input);
    const read = await readXlsForm(await writeXlsForm(form));
    expect(read.sheets).toEqual(['survey', 'choices', 'settings']);
    expect(xlsFormProblems(read)).toEqual([]);
    expect(read.survey).toEqual(form.survey);
    expect(read.choices).toEqual(form.choices);
    expect(read.settings).toEqual({
      form_title: 'PBF/MLI/B-9 — activités de terrain',
      form_id: 'jalon_activities_pbf_mli_b_9',
      version: form.settings.version,
      default_language: 'Français (fr)',
    });
    // French and English labels on every question shown
    const title = read.survey.find((r) => r.name === 'title')!;
    expect(title['label::Français (fr)']).toBe('Intitulé de l’activité');
    expect(title['label::English (en)']).toBe('Title of the activity');
    // the hidden fields naming the programme and the version
    expect(read.survey.find((r) => r.name === 'jalon_programme')).toMatchObject({
      type: 'calculate',
      calculation: "'pbf-mli-b-9'",
    });
    expect(read.survey.find((r) => r.name === 'jalon_version')!.calculation).toBe(
      `'${form.settings.version}'`,
    );
    // cascading places
    expect(read.survey.find((r) => r.name === 'cercle')!.choice_filter).toBe('region=${region}');
    expect(read.survey.find((r) => r.name === 'commune')!.choice_filter).toBe('cercle=${cercle}');
    expect(read.choices.find((c) => c.list_name === 'commune')).toMatchObject({
      name: 'ML-4.SEGOU.MARKALA',
      cercle: 'ML-4.SEGOU',
    });
    // counts: 16 categories × 3 sexes × 4 age groups, each an integer with a constraint, and their total
    const cells = read.survey.filter((r) => r.type === 'integer');
    expect(cells).toHaveLength(16 * 12);
    expect(cells.every((c) => c.constraint === '. >= 0 and . <= 100000')).toBe(true);
    expect(read.survey.find((r) => r.name === 'total_participants')!.calculation).toContain(
      `coalesce(\${${cellQuestion('pupils', 'female', 'under_18')}}, 0)`,
    );
    expect(read.survey.filter((r) => r.type === 'image')).toHaveLength(3);
    expect(read.survey.find((r) => r.name === 'start_date')!.constraint).toBe(
      ". >= date('2024-01-15') and . <= date('2026-07-15')",
    );
    // a code with a space cannot be a choice: left out, never mangled
    expect(read.choices.filter((c) => c.list_name === 'output').map((c) => c.name)).toEqual(['1.1']);
  });

  it('changes its version with its lists, and only then', () => {
    const a = activityForm(input);
    expect(activityForm(input).settings.version).toBe(a.settings.version);
    const b = activityForm({ ...input, recipients: input.recipients.slice(0, 1) });
    expect(b.settings.version).not.toBe(a.settings.version);
    // one agency: chosen already
    expect(b.survey.find((r) => r.name === 'agency')!.default).toBe('UNDP');
  });

  it('catches each departure from the specification', () => {
    const form = activityForm(input);
    const broken = (change: (f: XlsForm) => void) => {
      const f = clone(form);
      change(f);
      return xlsFormProblems(f);
    };
    const at = (f: XlsForm, name: string) => f.survey.find((r) => r.name === name)!;
    expect(broken((f) => (at(f, 'kind').type = 'select_one kinds'))).toEqual(
      expect.arrayContaining([expect.stringContaining('list “kinds” is not in choices')]),
    );
    expect(broken((f) => (at(f, 'partner').name = 'title'))).toEqual(
      expect.arrayContaining([expect.stringContaining('name “title” twice')]),
    );
    expect(broken((f) => (at(f, 'village').name = '2village'))).toEqual(
      expect.arrayContaining([expect.stringContaining('not an XML name')]),
    );
    expect(broken((f) => (at(f, 'end_date').constraint = '. >= ${debut}'))).toEqual(
      expect.arrayContaining([expect.stringContaining('names ${debut}, which is no question')]),
    );
    expect(broken((f) => (at(f, 'end_date').constraint = '(. >= ${start_date}'))).toEqual(
      expect.arrayContaining([expect.stringContaining('a parenthesis is not closed')]),
    );
    expect(broken((f) => (at(f, 'cercle').choice_filter = 'province=${region}'))).toEqual(
      expect.arrayContaining([expect.stringContaining('reads “province”')]),
    );
    expect(broken((f) => f.survey.splice(f.survey.length - 1, 1))).toEqual(
      expect.arrayContaining([expect.stringContaining('never closed')]),
    );
    expect(broken((f) => (f.choices.find((c) => c.list_name === 'kind')!.name = 'deux mots'))).toEqual(
      expect.arrayContaining([expect.stringContaining('holds a space')]),
    );
    expect(broken((f) => f.choices.push({ ...f.choices[0]! }))).toEqual(
      expect.arrayContaining([expect.stringContaining('twice in list kind')]),
    );
    expect(broken((f) => delete at(f, 'title')['label::English (en)'])).toEqual(
      expect.arrayContaining([expect.stringContaining('title: no label::English (en)')]),
    );
    expect(broken((f) => delete f.settings.version)).toEqual(['settings: version missing']);
    expect(broken((f) => (at(f, 'title').type = 'texte'))).toEqual(
      expect.arrayContaining([expect.stringContaining('“texte” is not an XLSForm type')]),
    );
  });

  it('parses the expressions forms use, and refuses the broken ones', () => {
    for (const ok of [
      ". >= date('2024-01-15') and . <= date('2026-07-15')",
      "selected(${categories}, 'pupils')",
      'coalesce(${a}, 0) + coalesce(${b}, 0)',
      'region=${region}',
      '. >= 0 and . <= 100000',
      "count-selected(${categories}) > 0 or ${x} != ''",
    ])
      expect(expressionProblem(ok), ok).toBeNull();
    expect(expressionProblem('. >= ')).toBe('ends too soon');
    expect(expressionProblem('. >= 0 0')).toBe('“0” after a complete expression');
    expect(expressionProblem('frobnicate(.)')).toBe('unknown function frobnicate()');
    expect(expressionProblem('. >= 0; drop')).toBe('a character no expression may hold');
    expect(expressionProblem("selected(${c}, 'x'")).toBe('selected( is not closed');
  });

  it('recognises an export of its submissions by Kobo and by ODK Central', () => {
    const rows = [{ row: 2, cells: ['pbf-mli-b-9', 'abc123', 'Atelier', '4'] as (string | null)[] }];
    const kobo = formMapping(
      {
        name: 'x',
        headers: ['jalon_programme', '_uuid', 'activity/title', 'participants/p_pupils/n_pupils_f_u18'],
        rows,
      },
      'x',
    )!;
    expect(kobo).toMatchObject({
      columns: { reference: '_uuid', title: 'activity/title' },
      cells: [
        {
          category: 'pupils',
          sex: 'female',
          ageGroup: 'under_18',
          column: 'participants/p_pupils/n_pupils_f_u18',
        },
      ],
      form: { programme: 'pbf-mli-b-9', version: '', column: 'jalon_programme' },
    });
    const odk = formMapping(
      {
        name: 'x',
        headers: [
          'jalon_programme',
          'meta-instanceID',
          'activity-title',
          'participants-p_pupils-n_pupils_f_u18',
        ],
        rows,
      },
      null,
    )!;
    expect(odk.columns).toMatchObject({ reference: 'meta-instanceID', title: 'activity-title' });
    expect(odk.cells[0]!.column).toBe('participants-p_pupils-n_pupils_f_u18');
    // any other file: no form to recognise
    expect(formMapping({ name: 'x', headers: ['Intitulé', 'Date'], rows: [] }, null)).toBeNull();
  });
});
