/**
 * The activity sheet's columns: their headers in French and English (the template's), the other ways files
 * name them (Kobo/ODK exports, agencies' own sheets), and the guess of a mapping from a file's headers.
 */
import { ageGroups, sexes } from '../../../core/contracts/activity-vocabulary.js';
import {
  importFields,
  participantCells,
  type ImportField,
  type ImportMapping,
} from '../../../core/contracts/activity-import.js';
import type { Locale } from '../../../core/i18n/locale.js';
import { t } from '../../../core/i18n/t.js';

/** `Date de début` → `date de debut`; `f_18_35` → `f 18 35`; `meta/instanceID` → `meta instanceid` */
export const normaliseHeader = (s: string) =>
  s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[’'`_\-/.:()[\]]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** The template's header of each field. */
export function fieldHeader(field: ImportField, locale: Locale): string {
  const cell = participantCells.find((c) => c === field);
  if (cell) {
    const [sex, age] = cell.split('.') as [(typeof sexes)[number], (typeof ageGroups)[number]];
    return `${t(locale, `documents.activitiesSheet.sex.${sex}`)} ${t(locale, `documents.activitiesSheet.age.${age}`)}`;
  }
  return t(
    locale,
    `documents.activitiesSheet.columns.${field as Exclude<ImportField, (typeof participantCells)[number]>}`,
  );
}

/** The template's columns, in order. */
export const templateFields: ImportField[] = [
  'reference',
  'title',
  'kind',
  'startDate',
  'endDate',
  'organisation',
  'partner',
  'output',
  'workPlanActivity',
  'indicators',
  'places',
  'village',
  'countBasis',
  'category',
  ...participantCells,
  'quantity',
  'quantityUnit',
  'description',
  'recordedBy',
];

const synonyms: Partial<Record<ImportField, string[]>> = {
  reference: [
    'reference',
    'ref',
    'uuid',
    'id',
    'meta instanceid',
    'instanceid',
    'code activite',
    'activity id',
  ],
  title: [
    'intitule',
    'titre',
    'activite',
    'activity',
    'title',
    'nom de l activite',
    'libelle',
    'intitule activite',
  ],
  titleEn: ['intitule anglais', 'title english', 'title en', 'intitule en'],
  kind: ['type', 'type d activite', 'type activite', 'kind', 'activity type', 'nature'],
  startDate: ['date de debut', 'date debut', 'debut', 'start date', 'date', 'date activite', 'activity date'],
  endDate: ['date de fin', 'date fin', 'fin', 'end date'],
  organisation: [
    'agence',
    'agency',
    'organisation',
    'organization',
    'agence responsable',
    'agence organisatrice',
  ],
  partner: ['partenaire', 'partner', 'partenaire de mise en oeuvre', 'implementing partner', 'ong'],
  output: ['produit', 'output', 'code produit'],
  workPlanActivity: [
    'activite du plan de travail',
    'activite du ptba',
    'activite pta',
    'code plan de travail',
    'code ptba',
    'code pta',
    'plan de travail',
    'work plan activity',
    'workplan activity',
    'work plan code',
  ],
  indicators: ['indicateurs', 'indicateur', 'indicators', 'indicator', 'code indicateur'],
  places: ['lieux', 'lieu', 'places', 'place', 'localite', 'localites', 'location'],
  region: ['region', 'admin1', 'adm1'],
  cercle: ['cercle', 'admin2', 'adm2', 'district'],
  commune: ['commune', 'admin3', 'adm3', 'municipality'],
  village: ['village', 'site', 'village site', 'quartier'],
  description: ['description', 'observations', 'commentaires', 'commentaire', 'notes', 'remarques'],
  countBasis: [
    'comptage',
    'comptage distinctes presences',
    'count',
    'count basis',
    'count distinct attendances',
  ],
  quantity: ['quantite', 'quantite realisee', 'quantity', 'quantity delivered', 'nombre realise'],
  quantityUnit: ['unite', 'unit'],
  recordedBy: [
    'saisi par',
    'recorded by',
    'entered by',
    'enqueteur',
    'enumerator',
    'username',
    'submitted by',
  ],
  category: [
    'categorie',
    'categorie de participants',
    'category',
    'participant category',
    'public cible',
    'cible',
  ],
  total: [
    'total',
    'total participants',
    'nombre de participants',
    'nb participants',
    'participants',
    'effectif',
  ],
  women: ['dont femmes', 'femmes', 'women', 'of whom women', 'nombre de femmes', 'nb femmes'],
  men: ['dont hommes', 'hommes', 'men', 'of whom men', 'nombre d hommes', 'nb hommes'],
};

const SEX = [
  { sex: 'female', re: /^(femmes?|f|women|woman|filles?|girls?|feminin)(?=\s|$)/ },
  { sex: 'male', re: /^(hommes?|h|m|men|man|garcons?|boys?|masculin)(?=\s|$)/ },
  {
    sex: 'unknown',
    re: /^(sexe \?|sexe inconnu|sexe non renseigne|sex \?|sex unknown|unknown sex|inconnu|nsp)(?=\s|$)/,
  },
] as const;
const AGE = [
  { age: 'under_18', re: /(< ?18|moins (de )?18|under 18|0 17|enfants?|children|mineurs?)/ },
  { age: 'age_18_35', re: /(18 ?35|jeunes?|youth|young)/ },
  { age: 'age_36_plus', re: /(36|35 ?\+|plus de 35|over 35|adultes?|adults?)/ },
  { age: 'unknown', re: /(age \?|age inconnu|age non renseigne|age unknown|unknown age)/ },
] as const;

/** The participant cell a header names (`Femmes 18-35 ans`, `f_18_35`, `hommes_moins_18`), if any. */
export function cellOfHeader(header: string): (typeof participantCells)[number] | undefined {
  const h = normaliseHeader(header);
  const sex = SEX.find((s) => s.re.test(h));
  if (!sex) return undefined;
  const rest = h.replace(sex.re, '').trim();
  if (!rest) return undefined;
  // "filles" / "garçons" without an age are pupils under 18
  const age = AGE.find((a) => a.re.test(rest))?.age;
  if (!age) return undefined;
  return `${sex.sex}.${age}` as (typeof participantCells)[number];
}

/** The field a header stands for. */
export function fieldOfHeader(header: string): ImportField | undefined {
  const h = normaliseHeader(header);
  if (!h) return undefined;
  for (const field of importFields)
    if (normaliseHeader(fieldHeader(field, 'fr')) === h || normaliseHeader(fieldHeader(field, 'en')) === h)
      return field;
  const cell = cellOfHeader(header);
  if (cell) return cell;
  for (const [field, words] of Object.entries(synonyms) as [ImportField, string[]][]) {
    if (words.includes(h)) return field;
  }
  // Kobo prefixes a group's questions: "group_activite/date_debut" → try the last segment
  const last = header.split('/').pop();
  if (last && last !== header) return fieldOfHeader(last);
  return undefined;
}

/** A mapping guessed from the headers: each field to the first column that names it. */
export function guessMapping(headers: string[], sheet: string | null): ImportMapping {
  const columns: ImportMapping['columns'] = {};
  for (const header of headers) {
    const field = fieldOfHeader(header);
    if (field && !columns[field]) columns[field] = header;
  }
  return { sheet, columns, defaults: {}, cells: [], form: null };
}

/** `A`, `B`, … `Z`, `AA`: the spreadsheet's name of a column (0-based index). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}
