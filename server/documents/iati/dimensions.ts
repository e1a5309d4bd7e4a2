/**
 * Breakdowns of a value by sex and age, both ways: the parts Jalon reads from the wording ("350 dont 150
 * femmes", "40 jeunes de 18 à 35 ans") become IATI `dimension`s, and the dimensions publishers write
 * (`Gender - genre` = `Female - feminin`, `Age (-18/18+)` = `Age 18 >`, `Direct/ Indirect`) become parts again.
 */
import type { ValueGroup, ValuePart } from '../../../core/contracts/value-spec.js';

export interface Dimension {
  name: string;
  value: string;
}

/** "jeunes" means 18–35 in the seed documents unless the label says otherwise. */
const defaultYouthRange = '18-35';

function ageRangeOf(label: string | undefined): string | undefined {
  const m = label?.match(/(\d{1,2})\s*(?:à|a|-|–|to)\s*(\d{1,2})\s*(?:ans|years)?/i);
  return m ? `${m[1]}-${m[2]}` : undefined;
}

/** The IATI dimensions a part stands for. */
export function dimensionsOfPart(part: ValuePart): Dimension[] {
  switch (part.group) {
    case 'women':
      return [{ name: 'sex', value: 'female' }];
    case 'men':
      return [{ name: 'sex', value: 'male' }];
    case 'youth':
      return [{ name: 'age', value: ageRangeOf(part.label) ?? defaultYouthRange }];
    case 'girls':
      return [
        { name: 'sex', value: 'female' },
        { name: 'age', value: ageRangeOf(part.label) ?? '0-17' },
      ];
    case 'boys':
      return [
        { name: 'sex', value: 'male' },
        { name: 'age', value: ageRangeOf(part.label) ?? '0-17' },
      ];
    default:
      return [{ name: 'category', value: part.label ?? 'other' }];
  }
}

const normalise = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .trim();

const SEX_NAME = /\b(?:sex|sexe|gender|genre)\b/;
const AGE_NAME = /\b(?:age|ages|age group|tranche d'age)\b/;
const FEMALE =
  /^(?:f|female|femme|femmes|feminin|feminine|women|woman|girls?|filles?)\b|\bfemale\b|\bfeminin/;
const MALE = /^(?:m|male|homme|hommes|masculin|men|man|boys?|garcons?)\b|\bmale\b|\bmasculin/;

export interface ReadGroup {
  group: ValueGroup;
  /** French words for the group, as the documents write them: "femmes", "jeunes (18-35)" */
  label: string;
  /** the dimension is about sex or age (the indicator is then disaggregated that way) */
  sex: boolean;
  age: boolean;
}

/**
 * The group a set of dimensions stands for. Sex and age are recognised in French and English; any other
 * dimension keeps its own words ("Direct beneficiaries").
 */
export function groupOfDimensions(dimensions: Dimension[]): ReadGroup {
  let sex: 'female' | 'male' | undefined;
  let age: string | undefined;
  const others: string[] = [];
  for (const d of dimensions) {
    const name = normalise(d.name);
    const value = normalise(d.value);
    if (SEX_NAME.test(name) || (!AGE_NAME.test(name) && (FEMALE.test(value) || MALE.test(value)))) {
      if (FEMALE.test(value)) sex = 'female';
      else if (MALE.test(value)) sex = 'male';
      else others.push(d.value.trim());
    } else if (AGE_NAME.test(name)) {
      age = d.value.trim();
    } else {
      others.push(d.value.trim());
    }
  }
  const minor =
    age !== undefined &&
    /(?:<|-|moins de|under|below)\s*18|0\s*-\s*1[0-7]/i.test(age) &&
    !/18\s*\+|18\s*>|>\s*18/.test(age);
  const youthRange = age?.match(/\b(1[5-9]|2\d)\s*(?:-|–|à|to)\s*(2\d|3[0-5])\b/);
  const ageWords = age ? ` (${age})` : '';
  const extra = others.length ? ` ${others.join(', ')}` : '';
  const base = { sex: sex !== undefined, age: age !== undefined };
  if (sex === 'female')
    return minor
      ? { ...base, group: 'girls', label: `filles${ageWords}${extra}` }
      : { ...base, group: 'women', label: `femmes${ageWords}${extra}` };
  if (sex === 'male')
    return minor
      ? { ...base, group: 'boys', label: `garçons${ageWords}${extra}` }
      : { ...base, group: 'men', label: `hommes${ageWords}${extra}` };
  if (youthRange)
    return { ...base, group: 'youth', label: `jeunes de ${youthRange[1]} à ${youthRange[2]} ans${extra}` };
  const words = [...(age ? [`âge ${age}`] : []), ...others].join(', ');
  return { ...base, group: 'other', label: words || 'autres' };
}
