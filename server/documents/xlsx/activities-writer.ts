/**
 * Activity workbooks (pure: model → .xlsx bytes): the template to fill in, with drop-down lists of the
 * programme's kinds, agencies, outputs, indicators, categories and cercles; and the export of activities
 * (in the template's own layout, so an export can be corrected and imported again) with the indicator values
 * and where each comes from.
 */
import ExcelJS from './exceljs.js';
import {
  ageGroups,
  participantCategories,
  sexes,
  activityKinds,
} from '../../../core/activities/vocabulary.js';
import { categoryLabels, countBasisLabels, kindLabels } from '../../../core/activities/labels.js';
import { participantCells, type ImportField } from '../../../core/contracts/activity-import.js';
import type { ActivityDetail } from '../../../core/contracts/activities.js';
import type { SourcedValue } from '../../../core/contracts/indicator-data.js';
import { localize, type Locale } from '../../../core/i18n/locale.js';
import { sayIn } from '../bilingual.js';
import { columnLetter, fieldHeader, templateFields } from './activities-layout.js';

export interface TemplateModel {
  programme: { code: string; title: { fr: string; en?: string } };
  recipients: { code: string; acronym: string }[];
  outputs: { code: string; statement: string }[];
  indicators: { code: string; title: string }[];
  cercles: string[];
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E2F3' } };
const DATA_ROWS = 1000;

function activitySheetName(locale: Locale) {
  return locale === 'en' ? 'Activities' : 'Activités';
}

function header(ws: ExcelJS.Worksheet, locale: Locale) {
  for (const field of ['startDate', 'endDate'] as const)
    ws.getColumn(templateFields.indexOf(field) + 1).numFmt = 'yyyy-mm-dd';
  ws.addRow(templateFields.map((f) => fieldHeader(f, locale)));
  const row = ws.getRow(1);
  row.font = { bold: true };
  row.alignment = { wrapText: true, vertical: 'middle' };
  row.height = 32;
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  templateFields.forEach((f, i) => {
    ws.getColumn(i + 1).width = (participantCells as readonly string[]).includes(f)
      ? 11
      : f === 'title' || f === 'description'
        ? 48
        : f === 'places' || f === 'category' || f === 'partner'
          ? 26
          : 14;
  });
}

/** The template: an empty activity sheet with drop-down lists, the lists, and how to fill it in. */
export async function writeActivityTemplate(model: TemplateModel, locale: Locale): Promise<Buffer> {
  const say = sayIn(locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jalon';
  const ws = wb.addWorksheet(activitySheetName(locale));
  header(ws, locale);
  const listsName = say('Listes', 'Lists');
  const lists = wb.addWorksheet(listsName);
  const columns: [string, string[]][] = [
    [say('Types', 'Kinds'), activityKinds.map((k) => kindLabels[k][locale])],
    [say('Agences', 'Agencies'), model.recipients.map((r) => r.code)],
    [say('Comptage', 'Count'), [countBasisLabels.distinct[locale], countBasisLabels.attendance[locale]]],
    [say('Catégories', 'Categories'), participantCategories.map((c) => categoryLabels[c][locale])],
    [say('Produits', 'Outputs'), model.outputs.map((o) => o.code)],
    [say('Indicateurs', 'Indicators'), model.indicators.map((i) => i.code)],
    [say('Cercles', 'Cercles'), model.cercles],
    [say('Agence (sigle)', 'Agency (acronym)'), model.recipients.map((r) => r.acronym)],
    [say('Produit (énoncé)', 'Output (statement)'), model.outputs.map((o) => o.statement)],
    [say('Indicateur (intitulé)', 'Indicator (title)'), model.indicators.map((i) => i.title)],
  ];
  columns.forEach(([title, values], c) => {
    lists.getCell(1, c + 1).value = title;
    lists.getCell(1, c + 1).font = { bold: true };
    values.forEach((v, r) => (lists.getCell(r + 2, c + 1).value = v));
    lists.getColumn(c + 1).width = c >= 7 ? 60 : 22;
  });
  const listRange = (c: number, n: number) =>
    `'${listsName}'!$${columnLetter(c)}$2:$${columnLetter(c)}$${Math.max(2, n + 1)}`;
  const validations: [ImportField, number, number][] = [
    ['kind', 0, activityKinds.length],
    ['organisation', 1, model.recipients.length],
    ['countBasis', 2, 2],
    ['category', 3, participantCategories.length],
    ['output', 4, model.outputs.length],
  ];
  for (const [field, listColumn, n] of validations) {
    const col = templateFields.indexOf(field) + 1;
    for (let r = 2; r <= DATA_ROWS + 1; r++) {
      ws.getCell(r, col).dataValidation = {
        type: 'list',
        allowBlank: true,
        formulae: [listRange(listColumn, n)],
        showErrorMessage: true,
        errorTitle: say('Valeur hors liste', 'Value not in the list'),
        error: say('Choisissez une valeur de la liste.', 'Choose a value from the list.'),
      };
    }
  }
  for (const cell of participantCells) {
    const col = templateFields.indexOf(cell) + 1;
    for (let r = 2; r <= DATA_ROWS + 1; r++) {
      ws.getCell(r, col).dataValidation = {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [0],
        showErrorMessage: true,
        error: say('Un nombre entier de personnes.', 'A whole number of people.'),
      };
    }
  }

  const help = wb.addWorksheet(say('Lisez-moi', 'Read me'));
  help.getColumn(1).width = 120;
  const lines = [
    say(`Activités de terrain — ${model.programme.code}`, `Field activities — ${model.programme.code}`),
    localize(model.programme.title, locale),
    '',
    say(
      'Une ligne par activité, ou une ligne par catégorie de participants d’une même activité : donnez alors la même Référence à ces lignes.',
      'One row per activity, or one row per category of participants of the same activity: give those rows the same Reference.',
    ),
    say(
      'Référence : un code à vous (ex. AZHAR-2023-10-05-SEG). Une référence déjà importée est ignorée : importer deux fois le même fichier n’ajoute rien.',
      'Reference: a code of yours (e.g. AZHAR-2023-10-05-SEG). A reference already imported is skipped: importing the same file twice adds nothing.',
    ),
    say(
      'Dates : 2023-10-05 ou 05/10/2023. Agence : le code de la liste (UNDP, UNWOMEN…).',
      'Dates: 2023-10-05 or 05/10/2023. Agency: the code from the list (UNDP, UNWOMEN…).',
    ),
    say(
      'Lieux : régions, cercles ou communes du Mali séparés par « ; », avec ou sans accents (Ségou ; Djenné ; Kala-Siguida).',
      'Places: regions, cercles or communes of Mali separated by “;”, with or without accents (Ségou; Djenné; Kala-Siguida).',
    ),
    say(
      'Indicateurs : les codes séparés par « ; » (1.2.2 ; 1.3.2).',
      'Indicators: the codes separated by “;” (1.2.2; 1.3.2).',
    ),
    say(
      'Participants : douze colonnes, sexe × âge. Laissez vide ce qui n’est pas connu ; les colonnes « ? » comptent les personnes dont le sexe ou l’âge n’est pas renseigné.',
      'Participants: twelve columns, sex × age. Leave empty what is not known; the “?” columns count people whose sex or age was not recorded.',
    ),
    say(
      'Comptage : « distinctes » si chaque personne est comptée une fois, « présences » si une personne peut compter plusieurs fois (émissions, sessions répétées).',
      'Count: “distinct” if each person is counted once, “attendances” if a person may count several times (radio shows, repeated sessions).',
    ),
    say(
      'Rien n’est enregistré avant que vous confirmiez l’aperçu, et c’est tout ou rien : une seule erreur et aucune ligne n’est écrite.',
      'Nothing is saved before you confirm the preview, and it is all or nothing: a single error and no row is written.',
    ),
  ];
  lines.forEach((line, i) => {
    const cell = help.getCell(i + 1, 1);
    cell.value = line;
    cell.alignment = { wrapText: true };
    if (i === 0) cell.font = { bold: true, size: 14 };
  });
  // the sheet to fill in opens first
  wb.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' },
  ];
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export interface ExportModel {
  programme: { code: string };
  activities: ActivityDetail[];
  indicators: {
    code: string;
    title: string;
    values: SourcedValue[];
    computed: { from: string | null; to: string; value: number; text: string; activityCount: number } | null;
  }[];
}

/** Activities in the template's layout (one row per activity × category) and the indicator values with their source. */
export async function writeActivityExport(model: ExportModel, locale: Locale): Promise<Buffer> {
  const say = sayIn(locale);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Jalon';
  const ws = wb.addWorksheet(activitySheetName(locale));
  header(ws, locale);
  for (const a of model.activities) {
    const categories = [...new Set(a.participants.map((p) => p.category))];
    const groups = categories.length ? categories : [null];
    for (const category of groups) {
      const values: Partial<Record<ImportField, string | number | Date | null>> = {
        reference: a.id,
        title: localize(a.title, locale),
        kind: kindLabels[a.kind][locale],
        startDate: new Date(`${a.startDate}T00:00:00Z`),
        endDate: a.endDate ? new Date(`${a.endDate}T00:00:00Z`) : null,
        organisation: a.organisation.code,
        partner: a.partner,
        output: a.output,
        indicators: a.indicators.join('; '),
        places: a.places.map((p) => p.area.name).join('; '),
        village:
          a.places
            .map((p) => p.note)
            .filter(Boolean)
            .join('; ') || null,
        countBasis: countBasisLabels[a.countBasis][locale],
        category: category ? categoryLabels[category][locale] : null,
        quantity: a.quantity,
        quantityUnit: a.quantityUnit,
        description: a.description,
        recordedBy: a.source.recordedBy,
      };
      for (const sex of sexes)
        for (const age of ageGroups) {
          const n = a.participants
            .filter((p) => p.category === category && p.sex === sex && p.ageGroup === age)
            .reduce((s, p) => s + p.count, 0);
          if (n) values[`${sex}.${age}`] = n;
        }
      ws.addRow(templateFields.map((f) => values[f] ?? null));
    }
  }
  const vs = wb.addWorksheet(say('Valeurs d’indicateurs', 'Indicator values'));
  vs.addRow([
    say('Indicateur', 'Indicator'),
    say('Intitulé', 'Title'),
    say('Début de période', 'Period start'),
    say('Fin de période', 'Period end'),
    say('Valeur', 'Value'),
    say('Valeur (nombre)', 'Value (number)'),
    say('Origine', 'Source'),
    say('Saisi par', 'Entered by'),
    say('Fichier', 'File'),
    say('Ligne', 'Row'),
    say('Activités', 'Activities'),
    say('Raisons des retards ou changements', 'Reasons for delays or changes'),
  ]);
  vs.getRow(1).font = { bold: true };
  vs.getRow(1).eachCell((c) => (c.fill = HEADER_FILL));
  const provenance = (p: SourcedValue['provenance']) =>
    ({
      entered: say('saisie', 'entered'),
      imported: say('importée', 'imported'),
      computed: say('calculée', 'computed'),
      seed: say('rapport', 'report'),
    })[p];
  for (const i of model.indicators) {
    if (i.computed)
      vs.addRow([
        i.code,
        i.title,
        i.computed.from ?? '',
        i.computed.to,
        i.computed.text,
        i.computed.value,
        say('calculée à partir des activités (maintenant)', 'computed from the activities (now)'),
        '',
        '',
        '',
        i.computed.activityCount,
        '',
      ]);
    for (const v of i.values)
      vs.addRow([
        i.code,
        i.title,
        v.periodStart,
        v.periodEnd,
        v.value?.text ?? '',
        v.numericValue,
        provenance(v.provenance),
        v.enteredBy ?? '',
        v.fileName ?? '',
        v.row ?? '',
        v.activityIds.length || '',
        v.reason ?? '',
      ]);
  }
  [10, 60, 14, 14, 30, 12, 28, 20, 24, 8, 10, 60].forEach((w, i) => (vs.getColumn(i + 1).width = w));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
