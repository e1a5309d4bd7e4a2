/** Where an expense comes from, as plain data (see programmes.ts). */
export const expenditureProvenances = ['entered', 'imported'] as const;
