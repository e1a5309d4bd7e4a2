import type { OrganisationInput } from '../../../core/contracts/programme-document.js';

/**
 * The organisations the four seed programmes share. A programme's own partners (ministries, NGOs, radios)
 * are declared in its own data file under `organisations`.
 */
export const organisations: OrganisationInput[] = [
  // UN recipient organisations (RUNO)
  { code: 'UNDP', kind: 'un_agency', name: { fr: 'Programme des Nations Unies pour le développement', en: 'United Nations Development Programme' }, acronym: { fr: 'PNUD', en: 'UNDP' } },
  { code: 'UNWOMEN', kind: 'un_agency', name: { fr: "Entité des Nations Unies pour l'égalité des sexes et l'autonomisation des femmes", en: 'United Nations Entity for Gender Equality and the Empowerment of Women' }, acronym: { fr: 'ONU Femmes', en: 'UN Women' } },
  { code: 'OHCHR', kind: 'un_agency', name: { fr: "Haut-Commissariat des Nations Unies aux droits de l'homme", en: 'Office of the United Nations High Commissioner for Human Rights' }, acronym: { fr: 'HCDH', en: 'OHCHR' } },
  { code: 'WFP', kind: 'un_agency', name: { fr: 'Programme alimentaire mondial', en: 'World Food Programme' }, acronym: { fr: 'PAM', en: 'WFP' } },
  { code: 'FAO', kind: 'un_agency', name: { fr: "Organisation des Nations Unies pour l'alimentation et l'agriculture", en: 'Food and Agriculture Organization of the United Nations' }, acronym: { fr: 'FAO', en: 'FAO' } },
  { code: 'IOM', kind: 'un_agency', name: { fr: 'Organisation internationale pour les migrations', en: 'International Organization for Migration' }, acronym: { fr: 'OIM', en: 'IOM' } },
  { code: 'UNODC', kind: 'un_agency', name: { fr: "Office des Nations Unies contre la drogue et le crime", en: 'United Nations Office on Drugs and Crime' }, acronym: { fr: 'ONUDC', en: 'UNODC' } },
  { code: 'MINUSMA', kind: 'un_agency', name: { fr: 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation au Mali', en: 'United Nations Multidimensional Integrated Stabilization Mission in Mali' }, acronym: { fr: 'MINUSMA', en: 'MINUSMA' } },
  { code: 'UNICEF', kind: 'un_agency', name: { fr: "Fonds des Nations Unies pour l'enfance", en: "United Nations Children's Fund" }, acronym: { fr: 'UNICEF', en: 'UNICEF' } },
  { code: 'UNFPA', kind: 'un_agency', name: { fr: 'Fonds des Nations Unies pour la population', en: 'United Nations Population Fund' }, acronym: { fr: 'UNFPA', en: 'UNFPA' } },
  // non-UN recipient organisations (NUNO)
  { code: 'INTERPEACE', kind: 'non_un', name: { fr: 'Interpeace', en: 'Interpeace' }, acronym: { fr: 'Interpeace', en: 'Interpeace' } },
  // funds and donors
  { code: 'PBF', kind: 'fund', name: { fr: 'Fonds pour la consolidation de la paix', en: 'Peacebuilding Fund' }, acronym: { fr: 'PBF', en: 'PBF' } },
  { code: 'NETHERLANDS', kind: 'donor', name: { fr: 'Pays-Bas', en: 'Netherlands' } },
  { code: 'UK', kind: 'donor', name: { fr: 'Royaume-Uni', en: 'United Kingdom' } },
  { code: 'DENMARK', kind: 'donor', name: { fr: 'Danemark', en: 'Denmark' } },
  { code: 'SWITZERLAND', kind: 'donor', name: { fr: 'Suisse', en: 'Switzerland' } },
  { code: 'NORWAY', kind: 'donor', name: { fr: 'Norvège', en: 'Norway' } },
  { code: 'SWEDEN', kind: 'donor', name: { fr: 'Suède', en: 'Sweden' } },
  { code: 'CZECHIA', kind: 'donor', name: { fr: 'République tchèque', en: 'Czech Republic' } },
  { code: 'GERMANY', kind: 'donor', name: { fr: 'Allemagne', en: 'Germany' } },
  { code: 'EU', kind: 'donor', name: { fr: 'Union européenne', en: 'European Union' }, acronym: { fr: 'UE', en: 'EU' } },
  { code: 'UNDP_TRAC', kind: 'fund', name: { fr: 'Ressources propres du PNUD (TRAC)', en: 'UNDP core resources (TRAC)' }, acronym: { fr: 'TRAC', en: 'TRAC' } },
  // government of Mali
  { code: 'GOV_MALI', kind: 'government', name: { fr: 'Gouvernement du Mali', en: 'Government of Mali' } },
];
