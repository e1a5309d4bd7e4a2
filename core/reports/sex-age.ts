/**
 * Whether a Part V figure gives its people by sex and by age, each on its own: "166 dont 42 femmes" gives the
 * sex and no age, "40 jeunes de 18 à 35 ans" an age, "120 (60 filles)" both. And whether an indicator counts
 * people at all, so that its figure is expected to say so. Pure.
 */
import type { ValueSpec } from '../contracts/value-spec.js';
import { parseValueText } from '../domain/value-text.js';

const SEX_WORDS =
  /(?<![\p{L}])(?:femmes?|hommes?|filles?|garçons?|féminin|masculin|women|woman|men|man|girls?|boys?|female|male|[HF]\s*[:=]?\s*\d+|\d+\s*[HF])(?![\p{L}])/iu;
const AGE_WORDS =
  /(?<![\p{L}])(?:jeunes?|youths?|young|enfants?|children|child|adultes?|adults?|adolescent(?:e|s|es)?|filles?|garçons?|girls?|boys?|âgée?s?|aged|ans|years?)(?![\p{L}])|\d+\s*(?:-|–|à|to)\s*\d+\s*(?:ans|years)|(?:moins|plus) de \d+ ans|(?:under|over) \d+/iu;

/** What a figure's wording and structure split by: its sex, its age. */
export function splitsOf(
  text: string,
  spec: ValueSpec = parseValueText(text).spec,
): {
  sex: boolean;
  age: boolean;
} {
  const parts = 'parts' in spec ? (spec.parts ?? []) : [];
  const groups = new Set(parts.map((p) => p.group));
  return {
    sex:
      groups.has('women') ||
      groups.has('men') ||
      groups.has('girls') ||
      groups.has('boys') ||
      SEX_WORDS.test(text),
    age: groups.has('youth') || groups.has('girls') || groups.has('boys') || AGE_WORDS.test(text),
  };
}

/** The nouns that make an indicator a count of people: "Nombre de personnes formées…", "% of women who…". */
const PEOPLE =
  /^(?:personnes?|participant(?:e|s|es)?|bénéficiaires?|membres?|femmes?|hommes?|jeunes?|filles?|garçons?|enfants?|acteur(?:s|rice|rices)?|agents?|élèves?|étudiant(?:e|s|es)?|parlementaires?|leaders?|responsables?|magistrat(?:e|s|es)?|représentant(?:e|s|es)?|habitant(?:e|s|es)?|victimes?|survivant(?:e|s|es)?|détenu(?:e|s|es)?|formateur(?:s|rice|rices)?|journalistes?|policiers?|officiers?|autorités?|déplacé(?:e|s|es)?|retourné(?:e|s|es)?|réfugié(?:e|s|es)?|refugié(?:e|s|es)?|people|persons?|beneficiaries|members?|women|men|youth|girls|boys|children|actors|officers|officials|pupils|students|parliamentarians|representatives|victims|survivors|trainees)$/iu;

/**
 * Whether an indicator counts people: it asks for a split by sex or age, or its title counts people
 * ("Nombre de personnes formées", "Nbre d'acteurs…", "Number of women…"). "Nombre d'ateliers dont les
 * participants sont au moins 30 % de femmes" counts workshops.
 */
export function countsPeople(title: string, disaggregations: readonly string[]): boolean {
  if (disaggregations.includes('sex') || disaggregations.includes('age')) return true;
  const head =
    /^\s*(?:nombre|nbre|nb|number|pourcentage|proportion|percentage|taux|%|share)\s+(?:total\s+)?(?:de\s+|d['’]\s*|des\s+|du\s+|of\s+)?(?:the\s+)?([\p{L}-]+)/iu.exec(
      title,
    );
  return head ? PEOPLE.test(head[1]!) : false;
}
