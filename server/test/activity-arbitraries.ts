/**
 * What the property tests of activities draw from (fast-check): the agencies of the programme they make, places
 * at every level of Mali's geography, and days over two years.
 */
import fc from 'fast-check';

/** the recipients of the programme the tests make; an activity is organised by one of them */
export const AGENCIES = ['UNDP', 'UNWOMEN', 'UNFPA'];

/** a region, two cercles, communes of those cercles and of a third: places above, at and below the cercle */
export const AREAS = [
  'ML-5',
  'ML-5.BANDIAGARA',
  'ML-5.BANDIAGARA.BARA-SARA',
  'ML-5.BANDIAGARA.KENDE',
  'ML-4.SEGOU',
  'ML-4.NIONO.KALA-SIGUIDA',
];

/** a day of 2025–2026, as an ISO date */
export const day = fc
  .integer({ min: 0, max: 729 })
  .map((d) => new Date(Date.UTC(2025, 0, 1 + d)).toISOString().slice(0, 10));
